"""Sourcing checks on real sentences run through the full pipeline."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.checks import flag_anonymous_source, flag_loaded_language, flag_unsourced_certainty

ZELENSKY = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "zelensky_addresses_2022_en.jsonl"
SEED_CITING = ("Local officials, citing anonymous military sources, have called for heightened readiness as "
               "Ukrainian forces are said to be regrouping.")
SEED_CERTAIN = ("Whether these moves signal a temporary lull or the prelude to a larger offensive remains unclear, "
                "but one thing is certain: the situation on the ground is deteriorating by the hour.")


def _kinds(flags):
    return [f.kind for f in flags]


def test_citing_anonymous_military_sources_is_flagged(analyze_text):
    flags = flag_anonymous_source(analyze_text(SEED_CITING))
    assert _kinds(flags) == ["anonymous_source"]
    assert flags[0].evidence.text == "Local officials, citing anonymous military sources"
    assert "anonymous military sources" in flags[0].message


def test_named_kremlin_and_tass_chain_is_not_anonymous(analyze_text):
    text = ("According to the Kremlin press service, as reported by TASS, Putin spoke with Colonel Yaramyr "
            "Temirkhanov, the commander of the 6th Separate Guards Mechanized Brigade.")
    assert flag_anonymous_source(analyze_text(text)) == []


def test_one_thing_is_certain_without_a_source_is_flagged(analyze_text):
    flags = flag_unsourced_certainty(analyze_text(SEED_CERTAIN))
    assert _kinds(flags) == ["unsourced_certainty"]
    assert flags[0].evidence.text == ("one thing is certain: the situation on the ground is deteriorating by the hour")


def test_certainty_inside_a_quote_is_the_speakers_not_flagged(analyze_text):
    # GeoWebNews: the marker is inside quoted speech with a named speaker
    assert flag_unsourced_certainty(analyze_text('"To us, there is no doubt, the chicken starts," said Kaseke.')) == []


@pytest.mark.skipif(not ZELENSKY.exists(), reason="needs ../shared/corpus")
def test_certainty_in_a_first_person_address_is_the_speakers_own(analyze_text):
    # addresses of the President of Ukraine speak in the first person: the speaker owns the claim
    records = [json.loads(line) for line in ZELENSKY.read_text(encoding="utf-8").splitlines()]
    text = next(r["text"] for r in records if "It is clear that" in r["text"])
    assert flag_unsourced_certainty(analyze_text(text)) == []


def test_heroic_in_the_writers_voice_is_loaded(analyze_text):
    # LGL: the article's own voice praises, rather than describes
    text = ("Although both parents later died at the hospital, Hondares, Rosell and others received awards for "
            "their heroic efforts.")
    flags = flag_loaded_language(analyze_text(text))
    assert [(f.kind, f.evidence.text) for f in flags] == [("loaded_language", "heroic")]
    assert "article's own voice" in flags[0].message


def test_loaded_word_inside_quotation_marks_is_not_flagged(analyze_text):
    # LGL: the word is the quoted speaker's, reported by the article
    text = ('"I have always said that the purpose of the civic reception was to highlight the barbaric practice of '
            'female genital mutilation and today I repeat my call for a worldwide ban on this torture," said Cllr Cawley.')
    assert flag_loaded_language(analyze_text(text)) == []


def test_reportedly_with_no_source_is_flagged_as_info(analyze_text):
    # LGL: "reportedly" hands the claim to unnamed reporters
    flags = flag_anonymous_source(analyze_text("Servance reportedly gave police at least two versions of what "
                                               "happened to Markel."))
    assert [(f.kind, f.severity, f.evidence.text) for f in flags] == [("anonymous_source", "info", "reportedly")]


def test_allegedly_in_crime_reporting_is_not_an_anonymous_source(analyze_text):
    # LGL: the legal hedge of crime reporting hides no source
    text = ("A man has been charged for the role he allegedly played in a car chase in which a Kansas City, Kan., "
            "police officer was dragged about 50 feet.")
    assert flag_anonymous_source(analyze_text(text)) == []
