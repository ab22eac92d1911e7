"""Who an act is laid on, and who did it when the story says so only through a charge, a trial or a source.

Crime and conflict stories name the doer of a murder through the charge ("two men were charged with murder"),
responsibility ("Russia is responsible for the attack", "claimed responsibility for the bombing") or where fire
came from ("gunfire from two masked men"); a careful coder records that doer.
"""
from __future__ import annotations


def _doers(analyze_text, text: str, trigger: str) -> list[str | None]:
    """The actor of each event of this trigger word in a short report."""
    report = analyze_text(text, date="2018-03-02")
    return [e.actor.text if e.actor else None for e in report.events if e.trigger.text == trigger]


def test_the_charged_tried_or_pleading_are_the_alleged_doers_of_the_crime(analyze_text):
    assert _doers(analyze_text, "Two men were charged with murder on Friday.", "murder") == ["Two men"]
    assert _doers(analyze_text, "Police charged two men with murder.", "murder") == ["two men"]
    assert _doers(analyze_text, "The three defendants are on trial for murder in London.", "murder") == [
        "three defendants"]
    assert _doers(analyze_text, "He was found guilty of murder in 2010.", "murder") != [None]


def test_who_is_responsible_or_claims_responsibility_did_it(analyze_text):
    text = '"The analysis shows that Russia is most likely responsible for the attack," Cerar said.'
    assert _doers(analyze_text, text, "attack") == ["Russia"]
    claimed = "The Islamic State group claimed responsibility for the bombing in Kabul."
    assert _doers(analyze_text, claimed, "bombing") == ["Islamic State group"]


def test_fire_from_people_is_theirs_but_fire_from_a_place_names_no_doer(analyze_text):
    text = "Mohanna Abdhou, 20, was caught in a hail of gunfire from two masked men on bicycles, a jury was told."
    assert _doers(analyze_text, text, "gunfire") == ["two masked men"]
    assert _doers(analyze_text, "The school came under gunfire from the north of the city.", "gunfire") == [None]


def test_teens_and_vandals_can_attack(analyze_text):
    assert _doers(analyze_text, "On March 11, a teen killed 12 people at his former high school.", "killed") == ["teen"]
    assert _doers(analyze_text, "Vandals target 4x4s in Oxford.", "target") == ["Vandals"]


def test_a_march_in_protest_is_one_protest_and_fighters_of_a_battle_wage_it(analyze_text):
    report = analyze_text("Gainesville residents march in protest of Charter Amendment 1.")
    assert [(e.type, e.actor.text) for e in report.events] == [("PROTEST", "Gainesville residents")]
    battle = "The rebels fought a fierce battle with government troops near Idlib."
    assert _doers(analyze_text, battle, "battle") == ["rebels"]
    # a modifier naming another doer keeps the noun its own event's: "repelled a Russian attack"
    repelled = analyze_text("Ukrainian forces repelled a Russian attack near Bakhmut.")
    assert [e.actor.text for e in repelled.events if e.type == "ASSAULT"][:1] == ["Ukrainian forces"]


def test_fighting_between_two_sides_is_one_fight_between_them(analyze_text):
    report = analyze_text("Fighting between Israel and Hamas continued in Gaza.")
    assert [(e.actor.text, e.recipient.text) for e in report.events] == [("Israel", "Hamas")]
    toll = analyze_text("Heavy fighting between Georgian troops and South Ossetian separatists killed at least a "
                        "dozen people yesterday.")
    assert [e.actor.text for e in toll.events] == ["Georgian troops"]
    fire = analyze_text("Georgian and South Ossetian forces exchanged fire near Tskhinvali.")
    assert [(e.type, e.place.text) for e in fire.events] == [("ASSAULT", "Tskhinvali")]
    # prisoners exchanged are released, not fired on
    swap = analyze_text("Russia and Ukraine exchanged prisoners on Friday.")
    assert {e.type for e in swap.events} == {"CONCEDE"}  # each side releases the prisoners it held


def test_a_vow_or_threat_to_act_against_someone_has_that_one_as_recipient(analyze_text):
    report = analyze_text('China vowed on Friday to fight the U.S. "at any cost" after new tariffs were proposed.')
    assert [(e.type, e.recipient.text) for e in report.events] == [("THREATEN", "U.S.")]
    resign = analyze_text("He threatened to resign.")
    assert [e.recipient for e in resign.events if e.type == "THREATEN"] == [None]
