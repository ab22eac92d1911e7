"""Plain-text helpers for checks, which see the Report (text and offsets) but not the parsed doc."""
from __future__ import annotations

import re

from sitrep.attribution.quotes import quote_spans
from sitrep.records import Evidence, Report

_SENTENCE_END = re.compile(r"[.!?…](?=[\s’”\"»]|$)|\n")


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence holding `pos` (a light splitter: . ! ? … or a newline)."""
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, pos):
        start = m.end()
    m = _SENTENCE_END.search(text, pos)
    end = m.start() if m else len(text)
    while start < end and text[start].isspace():
        start += 1
    return start, end


def evidence(text: str, start: int, end: int) -> Evidence:
    """An Evidence record for a span of the article text."""
    return Evidence(start, end, text[start:end])


def quoted_spans(report: Report) -> list[tuple[int, int]]:
    """Every span inside quotation marks (speech and scare quotes alike), marks included."""
    return [(q.outer_start, q.outer_end) for q in quote_spans(report.article.text)]


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """True when `pos` lies inside one of the spans."""
    return any(s <= pos < e for s, e in spans)
