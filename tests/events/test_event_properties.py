"""Property tests: whatever order the seed's sentences come in, event offsets point at their own text."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.events.dates import DateResolver
from sitrep.events.triggers import parse_conditions


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_event_offsets_ids_and_confidence_hold_for_any_sentence_order(pipeline, seed_text, data):
    from sitrep.ingest.text import article_from_string

    sentences = _sentences(seed_text)
    picked = data.draw(st.lists(st.sampled_from(sentences), min_size=1, max_size=6))
    text = " ".join(picked)
    report = pipeline.analyze(article_from_string(text, language_check=False, date="2024-06-12"))
    for n, ev in enumerate(report.events, 1):
        assert ev.id == f"V{n}"
        assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
        assert 0.0 <= ev.confidence <= 1.0
        assert ev.modality in ("asserted", "hedged", "hypothetical", "negated", "future")
        assert ev.date_granularity in ("day", "week", "month", "year", "unknown")


@settings(max_examples=60, deadline=None)
@given(phrase=st.text(min_size=0, max_size=30))
def test_date_resolver_never_raises_and_reports_a_known_granularity(phrase):
    from datetime import datetime

    day, granularity = DateResolver.load().resolve(phrase, datetime(2022, 5, 17, 12))
    assert granularity in ("day", "week", "month", "year", "unknown")
    assert (day is None) == (granularity == "unknown")


@given(values=st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), min_size=1, max_size=4),
       negated=st.booleans())
def test_condition_cells_parse_back_to_their_values(values, negated):
    cell = ("!" if negated else "") + "child=" + "|".join(values)
    (cond,) = parse_conditions(cell)
    assert cond.values == frozenset(values) and cond.negated is negated
