"""Property tests: hostile text and HTML give a report or a clear refusal, and every span is honest."""
from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep import analyze
from sitrep.errors import BadInputError
from sitrep.evidence import span_violations

WORDS = ["Russian", "forces", "shelled", "Kharkiv", "on", "Monday", "Ukraine's", "army", "said", "the",
         "President", "Vladimir", "Putin", "attacked", "Bakhmut", "near", "Donetsk", "\"We will win,\"",
         "according", "to", "officials", "drone", "strike", "killed", "two", "civilians", "in", "Kyiv."]
HOSTILE = ["\u200b", "\u200f", "\u202e", "\x00", "\ufeff", "\ud800", "\udfff", "😀", "👩‍👩‍👧", "\u0301",
           "\r\n", "\r", "\t", "\x0b", "Ⅻ", "ﬁ", "İ", "ß", "\U0010ffff", "<", ">", "&amp;", "\u2028"]

hostile_text = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(HOSTILE), st.text(max_size=8)),
                        min_size=1, max_size=60).map(" ".join)
# runs of 200+ characters without whitespace: the tokenizer cuts these into pieces (nlp.BoundedTokenizer)
long_runs = st.builds(lambda head, run, tail: f"{head} {run} {tail}", hostile_text,
                      st.lists(st.sampled_from([*HOSTILE, "😀", "-", "Kharkiv", "x", ".", "_"]),
                               min_size=100, max_size=300).map(lambda run: "".join(run).replace(" ", "")),
                      hostile_text)
hostile_html = st.builds(lambda title, body, depth: f"<html><head><title>{title}</title></head><body>"
                         + "<div>" * depth + f"<p>{body}</p>" + "</div>" * depth + "</body></html>",
                         hostile_text, hostile_text, st.integers(0, 200))


def analysed_or_refused(text: str, pipeline: Any) -> None:
    """A report with honest spans, or a refusal of the input; a broken span (EvidenceError) or any other exception fails."""
    try:
        report = analyze(text, pipeline=pipeline, language_check=False)
    except BadInputError:
        return
    assert span_violations(report) == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text)
def test_hostile_text_gives_a_report_with_honest_spans_or_our_own_error(pipeline, text):
    analysed_or_refused(text, pipeline)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=hostile_html)
def test_hostile_html_gives_a_report_with_honest_spans_or_our_own_error(pipeline, html):
    analysed_or_refused(html, pipeline)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=long_runs)
def test_long_runs_without_whitespace_keep_honest_spans(pipeline, text):
    analysed_or_refused(text, pipeline)


def test_lone_surrogates_are_repaired_one_for_one_so_offsets_hold(pipeline):
    text = "Russian forces shelled Kharkiv \ud800on Monday, officials said."
    report = analyze(text, pipeline=pipeline, language_check=False)
    assert report.article.text == text.replace("\ud800", "\ufffd")
    assert span_violations(report) == []
