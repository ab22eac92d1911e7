"""Who an event acts on: casualties named beside an attack, the side a place is taken from, people not things.

Sentences follow wire-report and address phrasing; each rule is checked with a case where it must not fire.
"""
from __future__ import annotations


def _only(report, trigger: str):
    """The one event whose trigger is this word."""
    (event,) = [e for e in report.events if e.trigger.text == trigger]
    return event


def test_who_died_from_an_attack_is_whom_it_hit(analyze_text):
    strike = _only(analyze_text("Lieutenant Vitalii Sapilo died from an air strike near Kharkiv."), "strike")
    assert strike.recipient is not None and "Sapilo" in strike.recipient.text
    report = analyze_text("A gunman killed seven people in the attack on the church.")
    attack = [e for e in report.events if e.trigger.text == "attack"]
    assert all(e.recipient is None or "gunman" not in e.recipient.text for e in attack)


def test_a_folded_toll_names_the_attacks_casualties(analyze_text):
    report = analyze_text("Twenty-four civilians have been killed in the clashes in Afrin since Saturday.")
    clashes = _only(report, "clashes")
    assert clashes.recipient is not None and clashes.recipient.text.endswith("civilians")
    assert [e.trigger.text for e in report.events] == ["clashes"]


def test_a_place_is_taken_from_a_side(analyze_text):
    report = analyze_text("Kherson and Melitopol were liberated from the occupiers.")
    assert {e.recipient.text for e in report.events if e.trigger.text == "liberated"} == {"occupiers"}
    report = analyze_text("The Nazis were expelled from Luhansk.")
    assert all(e.recipient is None or e.recipient.text != "Luhansk" for e in report.events)


def test_the_named_place_of_an_enclave_is_the_place_taken(analyze_text):
    report = analyze_text("Turkish forces began a campaign to invade the Kurdish enclave of Afrin.")
    invade = _only(report, "invade")
    assert invade.place is not None and invade.place.text == "Afrin"
    assert invade.recipient is None or "Afrin" not in invade.recipient.text


def test_things_are_no_recipients_people_are(analyze_text):
    report = analyze_text("Russia denies the charge and has called the case a provocation.")
    assert all(e.recipient is None or e.recipient.text not in ("charge", "case") for e in report.events)
    report = analyze_text("Cairo declined the request under that pretext.")
    assert all(e.recipient is None or e.recipient.text != "pretext" for e in report.events)
    report = analyze_text("The governor urged residents to leave the flooded districts.")
    assert _only(report, "urged").recipient.text == "residents"
    report = analyze_text("The army detained three refugees at the border.")
    assert _only(report, "detained").recipient.text.endswith("refugees")


def test_bare_pronoun_recipients_are_left_out(analyze_text):
    report = analyze_text("The minister met the press on Monday. He then urged them to stay calm.")
    urged = _only(report, "urged")
    assert urged.recipient is None or urged.recipient.text.lower() != "them"


def test_the_doer_injured_in_his_own_act_is_not_its_recipient(analyze_text):
    report = analyze_text("Serhiy Pantelyuk, who was injured while repelling the attack, died at the hospital.")
    repelling = _only(report, "repelling")
    assert repelling.recipient is None or repelling.recipient.text != repelling.actor.text


def test_people_expelled_or_killed_stay_the_recipient_beside_their_place(analyze_text):
    report = analyze_text("The Nazis were expelled from Luhansk.")
    (expelled,) = [e for e in report.events if e.trigger.text == "expelled"]
    assert expelled.recipient.text == "Nazis" and expelled.place.text == "Luhansk"
    (killed,) = analyze_text("At least 20,000 Mariupol residents were killed.").events
    assert killed.recipient.text.endswith("residents") and killed.place.text == "Mariupol"
    (arrested,) = analyze_text("Police arrested 14 on Monday.").events
    assert arrested.recipient.text == "14"


def test_the_owner_of_what_is_declined_is_the_recipient(analyze_text):
    (declined,) = analyze_text("Khartoum declined Cairo's bid.").events
    assert declined.recipient.text == "Cairo" and declined.place is None


def test_a_named_group_struck_or_accused_earlier_is_a_rival_side(analyze_text):
    report = analyze_text("The Tamil Tigers threatened new attacks. Government troops shelled rebel areas on Monday. "
                          "The government accuses the Tamil Tigers of using civilians as human shields. "
                          "Ministers met in Colombo. The attack on Tuesday shocked the country.")
    last = [e for e in report.events if e.trigger.text == "attack"][-1]
    assert last.actor is None


def test_a_headline_passive_names_who_underwent_it(analyze_text):
    (killed,) = analyze_text("Now - 220 children killed.").events
    assert killed.actor is None and killed.recipient.text == "220 children"
    assert killed.actor_note.startswith("not named: passive")
    (killed,) = analyze_text("Russian troops killed five civilians.").events
    assert killed.actor.text == "Russian troops" and killed.recipient.text == "five civilians"


def test_who_died_in_a_strike_after_another_act_is_whom_it_hit(analyze_text):
    report = analyze_text("This is lieutenant Vitalii Sapilo, who destroyed 30 units of enemy equipment and died from "
                          "an air strike.", speaker="Volodymyr Zelensky")
    (strike,) = [e for e in report.events if e.trigger.text == "strike"]
    assert strike.recipient is not None and "Sapilo" in strike.recipient.text
    report = analyze_text("This is Borys Romanchenko, who survived Buchenwald and died at the age of 96, at home, "
                          "during the shelling.")
    (shelling,) = [e for e in report.events if e.trigger.text == "shelling"]
    assert shelling.actor is None or "Romanchenko" not in shelling.actor.text


def test_the_named_owner_of_a_building_visited_is_the_recipient(analyze_text):
    (visited,) = analyze_text("Habib Essid visited NATO headquarters in Brussels.").events
    assert visited.recipient.text == "NATO" and visited.place.text == "Brussels"
    (urged,) = analyze_text("Anderson urged all who have a reason to believe there may be a warrant to call.").events
    assert urged.recipient is not None


def test_who_withdraws_is_the_of_object_of_a_withdrawal(analyze_text):
    report = analyze_text("The withdrawal of Russian troops from Kherson began.")
    (withdrawal,) = report.events
    assert withdrawal.actor.text == "Russian troops" and withdrawal.recipient is None
