"""First-person texts: in an address, "I" is the speaker, "we" the speaker's country, "the occupiers" the other side.

The text is a real address from the shared Zelensky corpus (a tune-half one); its JSONL record names the
speaker, as speech corpora do. Also: weapons and towns are never doers, a capital stands for its state.
"""
from __future__ import annotations

import json

import pytest

from tests.events.conftest import CORPUS


@pytest.fixture(scope="module")
def address(pipeline):
    """Address 8 of the corpus (about the strike on Kremenchuk and a call with Finland), with its speaker."""
    from sitrep.ingest.text import article_from_string

    if not CORPUS.exists():
        pytest.skip("../shared corpus not present")
    row = json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[8])
    article = article_from_string(row["text"], language_check=False, speaker=row["speaker"][0])
    return pipeline.analyze(article), row["speaker"][0]


def _in(report, sentence_start: str):
    """Events whose evidence sentence begins with these words."""
    return [e for e in report.events if e.evidence.text.startswith(sentence_start)]


def test_i_in_an_address_is_its_speaker_with_the_words_as_evidence(address):
    report, speaker = address
    (call,) = [e for e in _in(report, "I spoke with the President of Finland") if e.type == "CONSULT"]
    assert call.actor.text == speaker and call.actor.country == "UKR"
    words = call.actor.words
    assert report.article.text[words.start:words.end] == words.text == "I"


def test_we_after_a_call_is_the_speaker_with_the_counterpart(address):
    report, speaker = address
    (agreed,) = [e for e in _in(report, "We agreed on the next steps") if e.type == "AGREE"]
    # "I also spoke with Slovak President Zuzana Čaputová. ... We agreed": the two who spoke
    assert agreed.actor.text == speaker and agreed.actor.words.text == "We"
    assert agreed.recipient is not None and "Čaputová" in agreed.recipient.text


def test_we_in_an_address_is_the_speakers_country(analyze_text):
    report = analyze_text("Russian troops shelled Kharkiv again. Russian missiles hit Odesa. We will liberate Kherson.",
                          speaker="Volodymyr Zelensky")
    (liberate,) = [e for e in report.events if e.trigger.text == "liberate"]
    assert liberate.actor.text == "Ukraine" and liberate.actor.words.text == "We"


def test_the_occupiers_in_an_address_are_the_side_it_fights(address):
    report, _ = address
    (strike,) = [e for e in _in(report, "The occupiers struck today") if e.type == "ASSAULT"]
    assert strike.actor.words.text == "occupiers" and strike.actor.text == "Russia" and strike.actor.country == "RUS"


def test_without_a_speaker_i_and_occupiers_stay_as_written(analyze_text):
    report = analyze_text("The occupiers struck today at the Poltava region, at Kremenchuk. I spoke with the President "
                          "of Finland.")
    strike = next(e for e in report.events if e.type == "ASSAULT")
    assert strike.actor is None or strike.actor.country is None
    call = next(e for e in report.events if e.type == "CONSULT")
    assert call.actor is None or call.actor.text == call.actor.words.text == "I"


def test_a_weapon_is_not_the_doer_its_nationality_is(analyze_text):
    report = analyze_text("And today, immediately after the end of our talks in Kyiv, Russian missiles flew into "
                          "the city. Russian missiles hit Odesa on Monday.")
    (hit,) = [e for e in report.events if e.trigger.text == "hit"]
    assert hit.actor.words.text == "Russian missiles" and hit.actor.text == "Russia" and hit.actor.sector == "MIL"


def test_a_town_does_not_capture_and_a_capital_stands_for_its_state(analyze_text):
    report = analyze_text("Kyiv launched drones at Moscow on Sunday.")
    (launch,) = [e for e in report.events if e.type == "ASSAULT"]
    assert launch.actor.text == "Kyiv" and launch.actor.country == "UKR"
    report = analyze_text("Kramatorsk shelled Horlivka overnight.")
    assert [p.text for p in report.places] == ["Kramatorsk", "Horlivka"]
    (shelled,) = report.events
    assert shelled.actor is None and shelled.actor_note


def test_figures_of_speech_with_war_verbs_are_not_events(analyze_text):
    for text in ("The director shot a video in Kyiv.", "Odesa captured the attention of the world.",
                 "Inflation hit a record high in Ukraine."):
        assert analyze_text(text).events == (), text
    report = analyze_text("Russian missiles hit a market in Kharkiv.")
    assert [e.type for e in report.events] == ["ASSAULT"]


def test_the_cli_takes_the_speaker_of_a_first_person_text(tmp_path):
    import subprocess
    import sys

    speech = tmp_path / "address.txt"
    speech.write_text("I spoke with the President of Finland today about air defence for our Ukrainian cities.\n")
    proc = subprocess.run([sys.executable, "-m", "sitrep.cli", "analyze", str(speech), "--json",
                           "--speaker", "Volodymyr Zelensky"], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    report = json.loads(proc.stdout)
    assert report["article"]["speaker"] == "Volodymyr Zelensky"
    (call,) = [e for e in report["events"] if e["type"] == "CONSULT"]
    assert call["actor"]["text"] == "Volodymyr Zelensky" and call["actor"]["words"]["text"] == "I"


def test_an_address_without_a_named_enemy_still_liberates_for_its_own_side(analyze_text):
    report = analyze_text("Our task is clear. To liberate all our cities - Kherson, Melitopol, Berdyansk.",
                          speaker="Volodymyr Zelensky")
    liberate = [e for e in report.events if e.trigger.text == "liberate"]
    assert liberate and all(e.actor is not None and e.actor.country == "UKR" for e in liberate)


def test_a_telegraphic_past_verb_in_an_address_is_the_speakers(analyze_text):
    report = analyze_text("I met with our servicemen this morning. Thanked them for their service.",
                          speaker="Volodymyr Zelensky")
    (thanked,) = [e for e in report.events if e.trigger.text == "Thanked"]
    assert thanked.actor.text == "Volodymyr Zelensky" and thanked.actor.implicit
    report = analyze_text("Thanked them for their service.")
    (thanked,) = [e for e in report.events if e.trigger.text == "Thanked"]
    assert thanked.actor is None  # no speaker: nobody to restore


def test_whom_one_thanks_for_doing_something_did_it(analyze_text):
    report = analyze_text("I am grateful to Justin Trudeau for visiting our country.", speaker="Volodymyr Zelensky")
    (visit,) = [e for e in report.events if e.trigger.text == "visiting"]
    assert visit.actor.text == "Justin Trudeau"
