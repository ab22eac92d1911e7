"""The seed article end to end: every gold quote, attribution and flag, and no wrong speaker."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.checks import run_checks

SEED_GOLD = Path(__file__).resolve().parents[3] / "shared" / "eval" / "seed" / "gold.json"
GOLD_FLAG_PLACES = {
    "place_region_mismatch": "Severodonnetsk",
    "place_outside_stated_area": "Sevsk",
    "confusable_places": "Seversk",
    "nonstandard_spelling": "Severodonnetsk",
}


@pytest.fixture(scope="module")
def gold():
    if not SEED_GOLD.exists():
        pytest.skip("needs ../shared/eval/seed")
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


def test_every_gold_quote_found_with_its_speaker(seed_report, gold):
    found = {(q.speaker, q.text.lower().rstrip(".")) for q in seed_report.quotes}
    for q in gold["quotes"]:
        assert (q["speaker"], q["text"].lower().rstrip(".")) in found
    assert all(q.speaker == "Vladimir Putin" for q in seed_report.quotes)


def test_every_gold_attribution_found(seed_report, gold):
    chains = {a.chain: a for a in seed_report.attributions}
    for g in gold["attributions"]:
        a = chains[tuple(g["chain"])]
        assert a.anonymous == g.get("anonymous", False) and a.hedged == g.get("hedged", False)


def test_every_required_gold_flag_found(seed_report, gold):
    if not seed_report.places:
        pytest.skip("the geo stage is not in this tree")
    for g in gold["flags"]:
        if g.get("required", True) is False:
            continue
        hits = [f for f in seed_report.flags if f.kind == g["kind"]]
        assert hits, g["kind"]
        if g["kind"] in GOLD_FLAG_PLACES:
            assert any(GOLD_FLAG_PLACES[g["kind"]] in f.places or GOLD_FLAG_PLACES[g["kind"]] in f.evidence.text
                       for f in hits), g["kind"]


def test_run_checks_is_pure(seed_report):
    assert run_checks(seed_report) == run_checks(seed_report) == seed_report.flags
