"""Actor and recipient from the parse: active, passive, nominal, coordinated, relative and implicit."""
from __future__ import annotations

import json
from pathlib import Path

import pytest


def test_passive_by_phrase_is_the_actor_and_subject_the_recipient(sentence_report, events_of):
    report = sentence_report("220 Ukrainian children have been killed by the Russian army")
    (ev,) = events_of(report, "ASSAULT", "killed")
    assert ev.actor.text == "Russian army" and ev.actor.country == "RUS"
    assert ev.recipient.text == "220 Ukrainian children"


def test_nominal_event_takes_actor_from_by_and_place_from_of(sentence_report, events_of):
    report = sentence_report("during the shelling of Kharkiv by the Russian Federation")
    (ev,) = events_of(report, "ASSAULT", "shelling")
    assert ev.mode == "heavy-weapons"
    assert ev.actor.text == "Russian Federation"
    assert ev.place is not None and ev.place.text == "Kharkiv"


def test_coordinated_objects_give_one_event_each(sentence_report, events_of):
    report = sentence_report("arrested Kresin and Jett")
    arrests = events_of(report, "COERCE", "arrested")
    assert [e.recipient.text for e in arrests] == ["Kresin", "Jett"]
    assert {e.actor.text for e in arrests} == {"Two officers"}
    assert {e.mode for e in arrests} == {"arrest"}


def test_coordinated_subjects_meet_each_other_and_carry_to_conjoined_verbs(sentence_report, events_of):
    report = sentence_report("Grisham and Pierce met today")
    # one meeting between two people, not two meetings
    meetings = events_of(report, "CONSULT", "met")
    assert [(e.actor.text, e.recipient.text) for e in meetings] == [("Grisham", "Pierce")]
    # "...and lifted the burn ban": the lifting is theirs too, and the ban is not an event of its own
    assert [e.actor.text for e in events_of(report, "CONCEDE", "lifted")] == ["Grisham", "Pierce"]
    assert not events_of(report, "COERCE", "ban")


def test_who_clause_recipient_is_the_person_named_before_who(sentence_report, events_of):
    report = sentence_report("Vira Gyrych who was killed")
    (ev,) = events_of(report, "ASSAULT", "killed")
    assert ev.recipient.text == "Vira Gyrych"
    assert ev.actor.country == "RUS"


def test_seed_phone_call_recipients_are_linked_to_entities(seed_report):
    consult = [e for e in seed_report.events if e.type == "CONSULT"]
    people = {e.id: e.text for e in seed_report.entities}
    assert [people.get(e.recipient.entity_id) for e in consult] == [
        "Yaramyr Temirkhanov", "Denis Pyrogov", "Sergei Cherdantsev"]
    assert {people[e.actor.entity_id] for e in consult} == {"Vladimir Putin"}
    assert {e.mode for e in consult} == {"phone"}


def test_relative_clause_participant_joins_the_conversation(seed_report):
    (ev,) = [e for e in seed_report.events if e.trigger.text == "conversation"]
    assert ev.recipient.text == "Denis Pyrogov"
    assert ev.actor.implicit  # Putin is carried over from "Putin spoke with..." in the sentence before


def test_unit_central_to_a_capture_is_its_implicit_actor(seed_report):
    (ev,) = [e for e in seed_report.events if e.trigger.text == "capture"]
    assert ev.type == "ASSAULT" and ev.place.text == "Severodonnetsk"
    assert ev.actor.text == "6th Separate Guards Mechanized Brigade" and ev.actor.implicit
    assert ev.actor.entity_id is not None


def test_place_under_national_control_names_the_seizer(seed_report):
    (ev,) = [e for e in seed_report.events if e.trigger.text == "seizure"]
    assert ev.type == "ASSAULT" and ev.place.text == "Sevsk"
    assert (ev.actor.text, ev.actor.country, ev.actor.implicit) == ("Russia", "RUS", True)


def test_repeated_mentions_of_one_event_are_not_new_events(seed_report):
    triggers = [e.trigger.text for e in seed_report.events]
    # "The discussion with Temirkhanov" and "The capture of Sevsk" repeat earlier events
    assert "discussion" not in triggers
    assert triggers.count("capture") == 1


def test_pronoun_object_of_force_is_the_retreating_actor(seed_report):
    (ev,) = [e for e in seed_report.events if e.type == "RETREAT"]
    assert ev.actor.text == "Ukrainian forces" and ev.actor.implicit
    assert ev.place is not None and ev.place.text == "Russian territory" and ev.place.geonameid == 2017370  # Russia


def test_participle_modifying_a_noun_is_a_state_not_an_event(sentence_report, events_of):
    report = sentence_report("over the temporarily occupied cities and villages our flag will fly again")
    assert not events_of(report, "ASSAULT")


def test_light_verb_subject_is_the_actor_of_the_event_noun(sentence_report, events_of):
    report = sentence_report("Prime Minister of Bulgaria Kiril Petkov paid a visit to Kyiv")
    (ev,) = events_of(report, "CONSULT", "visit")
    assert ev.mode == "visit" and "Kiril Petkov" in ev.actor.text and ev.place.text == "Kyiv"


GSR = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "events" / "PLOVER_GSR_CAMEO.json"


def test_named_subject_of_must_under_a_speech_verb_is_asked_to_act(analyze_text, events_of):
    if not GSR.exists():
        pytest.skip("PLOVER GSR not available")
    (record,) = [r for r in json.loads(GSR.read_text(encoding="utf-8")) if r["id"] == "PLOVER-GSR01-DEMAND-0028"]
    (ev,) = events_of(analyze_text(record["text"]), "REQUEST", "must")
    assert (ev.actor.text, ev.recipient.text, ev.mode) == ("Russia", "Sudan", "demand")


def test_must_with_a_pronoun_or_expletive_subject_is_no_demand(sentence_report, events_of):
    assert not events_of(sentence_report("Hartmann has said he must be given the same opportunity"), "REQUEST")
    assert not events_of(sentence_report("there must be dialogue and serious discussions"), "REQUEST")


def test_speaking_to_reporters_is_a_statement_not_a_consultation(sentence_report, events_of):
    report = sentence_report("Speaking to reporters, Huckabee")
    assert not events_of(report, "CONSULT")
    assert [e.actor.text for e in events_of(report, "ACCUSE", "criticized")] == ["Huckabee"]


def test_calling_someone_a_friend_is_no_phone_call(sentence_report, events_of):
    assert not events_of(sentence_report("each called Holroyd a dear friend"), "CONSULT")
