"""Unnamed doers and things acted on: a wartime address's sides, time possessives, owners of things, -ing nouns.

The address is a tune-half one from the shared Zelensky corpus, with the speaker its JSONL record names.
"""
from __future__ import annotations

import json

import pytest

from tests.events.conftest import CORPUS


@pytest.fixture(scope="module")
def address6(pipeline):
    """Address 6 of the corpus (the de-occupied settlements and the liberation of the Kharkiv region)."""
    from sitrep.ingest.text import article_from_string

    if not CORPUS.exists():
        pytest.skip("../shared corpus not present")
    row = json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[6])
    with_speaker = pipeline.analyze(article_from_string(row["text"], language_check=False, speaker=row["speaker"][0]))
    without = pipeline.analyze(article_from_string(row["text"], language_check=False))
    return with_speaker, without


def _event(report, sentence_start: str, trigger: str):
    """The one event of this trigger in the sentence that begins with these words."""
    (event,) = [e for e in report.events if e.evidence.text.startswith(sentence_start) and e.trigger.text == trigger]
    return event


def test_in_an_address_the_unnamed_occupier_is_the_adversary_and_the_liberator_the_speakers_country(address6):
    report, _ = address6
    occupation = _event(report, "Of course, we remember every city", "occupation")
    assert (occupation.actor.text, occupation.actor.country, occupation.actor.implicit) == ("Russia", "RUS", True)
    freed = _event(report, "As of today, 1015 settlements have been de-occupied", "occupied")
    assert (freed.actor.text, freed.actor.country) == ("Ukraine", "UKR")
    liberation = _event(report, "The gradual liberation of the Kharkiv region", "liberation")
    assert liberation.actor.country == "UKR" and liberation.actor_note is None


def test_without_a_speaker_an_address_naming_both_sides_leaves_the_occupation_without_actor(address6):
    _, report = address6
    occupation = _event(report, "Of course, we remember every city", "occupation")
    assert occupation.actor is None and occupation.actor_note


def test_an_unnamed_attack_takes_the_articles_only_attacker(analyze_text):
    report = analyze_text("A man jumped onto the car and attacked the driver in Beverly Hills on Wednesday. "
                          "Her son was sitting in the back seat. Neighbours said they heard screams. "
                          "The boy's mother was not in the car at the time of the attack.")
    attacks = [e for e in report.events if e.trigger.text == "attack"]
    assert attacks and attacks[-1].actor is not None and attacks[-1].actor.text == "man" and attacks[-1].actor.implicit


def test_two_sides_named_leave_an_unnamed_attack_without_actor(analyze_text):
    report = analyze_text("Russian troops attacked Kharkiv. Ukrainian forces struck a Russian depot near Belgorod. "
                          "Schools were closed for a week. Later, three people were injured in an attack on a bus.")
    (attack,) = [e for e in report.events if e.trigger.text == "attack"]
    assert attack.actor is None and attack.actor_note


def test_mutual_fighting_takes_no_side(analyze_text):
    report = analyze_text("Heavy fighting continues in Donbas. Russian troops shelled Kharkiv again. "
                          "Russian missiles hit Odesa. We will win.", speaker="Volodymyr Zelensky")
    (fighting,) = [e for e in report.events if e.trigger.text == "fighting"]
    assert fighting.actor is None and fighting.actor_note


def test_a_time_possessive_is_not_the_actor_the_nationality_is(analyze_text):
    report = analyze_text("Today's Russian missile strikes at the Lviv region were the heaviest in weeks.")
    (strikes,) = [e for e in report.events if e.trigger.text == "strikes"]
    assert strikes.actor.text == "Russia" and strikes.actor.words.text == "Russian"


def test_a_thing_is_not_a_recipient_but_its_owner_is(analyze_text):
    report = analyze_text("Turkish artillery shelled a town in northern Syria on Sunday.")
    (shelled,) = [e for e in report.events if e.trigger.text == "shelled"]
    assert shelled.recipient is None and shelled.place.text == "Syria"
    report = analyze_text("Israeli troops demolished Palestinian homes near Hebron.")
    (demolished,) = [e for e in report.events if e.trigger.text == "demolished"]
    assert demolished.recipient.country == "PSE" or demolished.recipient.text == "Palestine"
    report = analyze_text("The suspect threw a can at the driver, striking her arm.")
    (striking,) = [e for e in report.events if e.trigger.text == "striking"]
    assert striking.recipient is None or striking.recipient.words.text != "her arm"  # "her" unresolved: none


def test_an_ing_noun_with_its_own_complement_is_done_by_the_clause_subject(analyze_text):
    report = analyze_text("The crown prince has spent this week on the West Coast meeting with business leaders.")
    (meeting,) = [e for e in report.events if e.type == "CONSULT"]
    assert meeting.actor.words.text.endswith("crown prince")
    report = analyze_text("He died in the shooting at the church.")
    shooting = [e for e in report.events if e.trigger.text == "shooting"]
    assert all(e.actor is None for e in shooting)


def test_a_party_country_is_not_the_place(sentence_report):
    report = sentence_report("which has accused Russia of poisoning")
    accusations = [e for e in report.events if e.type == "ACCUSE"]
    assert accusations and all(e.place is None or e.place.label() not in ("Great Britain", "Russia", "United Kingdom")
                               for e in accusations)
    assert any(e.recipient is not None and e.recipient.country == "RUS" for e in accusations)


def test_lifeless_things_and_counts_are_not_doers_but_people_and_weapons_users_are(analyze_text):
    report = analyze_text("The boy was struck by glass after a man allegedly attacked the car.")
    struck = [e for e in report.events if e.trigger.text == "struck"]
    assert struck and all(e.actor is None for e in struck)
    (attacked,) = [e for e in report.events if e.trigger.text == "attacked"]
    assert attacked.actor.words.text == "a man" or attacked.actor.text == "man"
    report = analyze_text("By yesterday evening, the South Ossetians counted two dead and 18 wounded.")
    assert all(e.actor is None or not e.actor.text.isdigit() for e in report.events)
    report = analyze_text("Israeli tanks fired shells at Palestinian security forces in Gaza.")
    (fired,) = [e for e in report.events if e.type == "ASSAULT"]
    assert fired.actor.text == "Israel" and fired.recipient.words.text.endswith("security forces")
    report = analyze_text("A mob stormed the embassy.")
    assert [e.actor.text for e in report.events if e.type == "ASSAULT"] == ["mob"]


def test_we_after_a_meeting_is_the_speaker_with_the_counterpart(pipeline):
    from sitrep.ingest.text import article_from_string

    if not CORPUS.exists():
        pytest.skip("../shared corpus not present")
    row = json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[0])
    report = pipeline.analyze(article_from_string(row["text"], language_check=False, speaker=row["speaker"][0]))
    (discussed,) = [e for e in report.events if e.evidence.text.startswith("We discussed the sixth package")]
    assert discussed.actor.text == row["speaker"][0] and discussed.actor.words.text == "We"
    assert "Macron" in discussed.recipient.text


def test_words_that_name_no_one_are_neither_doer_nor_recipient(analyze_text):
    report = analyze_text("Of course, we are doing everything to evacuate everyone else.")
    (evacuate,) = report.events
    assert evacuate.actor.words.text == "we"
    report = analyze_text("On the occasion of Infantry Day, I met with our infantrymen.")
    assert all(e.recipient is None or "occasion" not in e.recipient.text for e in report.events)


def test_a_second_move_towards_its_own_place_is_a_second_event(analyze_text):
    report = analyze_text("Rebels entered Aleppo and advanced towards Hama.")
    assert sorted(e.place.text for e in report.events) == ["Aleppo", "Hama"]
    report = analyze_text("Russian troops shelled and destroyed schools in Kharkiv.")
    assert len(report.events) == 1


def test_a_dangling_relative_word_and_a_time_are_neither_doer_nor_recipient(analyze_text):
    report = analyze_text("Which is behind the door, but at the same time fighting, defending European values.")
    assert all(e.actor is None and e.recipient is None for e in report.events)
    (attacked,) = [e for e in analyze_text("The man who attacked the police was arrested.").events
                   if e.trigger.text == "attacked"]
    assert attacked.actor.text == "man"
