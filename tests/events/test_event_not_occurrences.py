"""Questions, accidents, hazards, inquiries and classes are no events; a state negotiates; co-mediators both act."""
from __future__ import annotations


def _types(report) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in report.events]


def test_direct_questions_are_asked_not_reported(analyze_text):
    for text in ("What do we offer?", "But what can be achieved by destroying Ukrainian schools?"):
        assert not analyze_text(text).events, text
    assert _types(analyze_text("Russian forces destroyed two schools in Kharkiv.")) == [("ASSAULT", "destroyed")]


def test_deaths_told_as_accidents_have_no_attacker(analyze_text):
    for text in ("Everett was killed in September 2005 when the power washer he was using to clean a vehicle "
                 "short-circuited.", "Two soldiers died from electrical shock.",
                 "Three people were killed in a car crash near Lviv."):
        assert not analyze_text(text).events, text
    # a doer named beside the accident keeps the act
    report = analyze_text("Russian troops killed three civilians when their tank crashed into a house in Bucha.")
    assert [e.actor.text for e in report.events if e.type == "ASSAULT"] == ["Russian troops"]


def test_asking_whether_is_no_request(analyze_text):
    assert not [e for e in analyze_text("They ask me if I'm all right, he said.").events if e.type == "REQUEST"]
    assert not [e for e in analyze_text("These are the questions I would like to ask today.").events
                if e.type == "REQUEST"]
    assert "REQUEST" in [e.type for e in analyze_text("Kyiv asked Berlin to send more tanks.").events]


def test_a_threat_removed_or_warned_of_by_no_party_is_a_hazard(analyze_text):
    text = "However wonderful it is to remove the Tamil Tigers' threat once and for all, incidents persist."
    assert not [e for e in analyze_text(text).events if e.type == "THREATEN"]
    text = "But economists warn that the tit-for-tat moves bear the hallmarks of a classic trade rift."
    assert not analyze_text(text).events
    report = analyze_text("Russia warned that it would retaliate against Lithuania.")
    assert [e.type for e in report.events if e.trigger.text == "warned"] == ["THREATEN"]


def test_blame_on_a_cause_is_no_accusation(analyze_text):
    assert not analyze_text("The fires were mostly blamed on electrical faults.").events
    report = analyze_text("The attack was blamed on Hamas.")
    assert [(e.type, e.recipient.text) for e in report.events if e.type == "ACCUSE"] == [("ACCUSE", "Hamas")]


def test_providing_good_news_is_no_aid(analyze_text):
    assert not analyze_text("The Armed Forces provided us all with good news from the Kharkiv region.").events
    report = analyze_text("Britain provided Ukraine with anti-tank weapons.")
    assert [e.type for e in report.events] == ["AID"]


def test_a_boasted_capacity_is_a_threat(analyze_text):
    report = analyze_text("They boast that Russia can destroy any state leaving only nuclear ashes.")
    assert [(e.type, e.actor.text) for e in report.events] == [("THREATEN", "Russia")]


def test_a_relative_clause_on_a_class_pronoun_is_no_occurrence(analyze_text):
    for text in ("Glory to all who beat the enemy.", "He is riding for all the men and women who have fought in wars.",
                 "This is understood by all countries and nations who support Ukraine today."):
        assert not analyze_text(text).events, text


def test_agreeing_on_sanctions_is_one_sanction_aimed_at_its_target(analyze_text):
    report = analyze_text("The EU agreed on new sanctions against Russia.")
    assert [(e.type, e.actor.text, e.recipient.text) for e in report.events] == [
        ("SANCTION", "European Union", "Russia")]


def test_an_address_closing_with_glory_to_its_country_negotiates_as_that_country(analyze_text):
    text = ("We are negotiating with the world's leading nations to give Ukraine confidence in security. "
            "We also discussed the negotiation process with Russia. Glory to Ukraine!")
    report = analyze_text(text, speaker="Volodymyr Zelensky")
    assert {(e.trigger.text, e.actor.text) for e in report.events} == {("negotiating", "Ukraine"),
                                                                      ("discussed", "Ukraine"),
                                                                      ("negotiation", "Ukraine")}


def test_co_mediators_both_mediate_and_neither_is_the_recipient(analyze_text):
    text = ("We continue the evacuation mission from Mariupol, with the mediation of the United Nations and the "
            "International Committee of the Red Cross.")
    report = analyze_text(text)
    assert sorted((e.actor.text, e.recipient) for e in report.events if e.trigger.text == "mediation") == [
        ("International Committee of the Red Cross", None), ("United Nations", None)]


def test_a_street_is_no_person(analyze_text):
    report = analyze_text("Police said the car was parked in the 400-block of N. Bedford Drive.")
    assert not [e for e in report.entities if e.type == "PERSON"]
