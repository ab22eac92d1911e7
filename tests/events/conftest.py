"""Event-test helpers: real sentences are read from ../shared at run time (tests skip when it is absent)."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "zelensky_addresses_2022_en.jsonl"
GEO_XML = (SHARED / "eval" / "geo" / "lgl.xml", SHARED / "eval" / "geo" / "geowebnews.xml")


# a sentence ends at . ! ? and whitespace, unless the word before is a short title or abbreviation
# ("Sen.", "Va.", "Dr."); a newline always ends one
_BOUNDARY = re.compile(r"(?<![A-Z][a-z])(?<![A-Z][a-z][a-z])(?<!\b[A-Z])[.!?][\"”’]?\s+|\n")


@lru_cache(maxsize=1)
def _documents() -> tuple[tuple[str, str | None], ...]:
    """(text, date) of every shared document we take sentences from."""
    docs: list[tuple[str, str | None]] = []
    if CORPUS.exists():
        for line in CORPUS.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            docs.append((row.get("text", ""), (row.get("date") or "")[:10] or None))
    for path in GEO_XML:
        if path.exists():
            docs.extend((t.text or "", None) for t in ET.parse(path).getroot().iter("text"))
    return tuple(docs)


def find_sentence(snippet: str) -> tuple[str, str | None]:
    """The whole sentence of a shared document containing `snippet`, with the document's date."""
    for text, day in _documents():
        at = text.find(snippet)
        if at < 0:
            continue
        starts = [m.end() for m in _BOUNDARY.finditer(text[:at])]
        start = starts[-1] if starts else 0
        end_match = _BOUNDARY.search(text, at + len(snippet) - 1)
        end = end_match.start() + 1 if end_match else len(text)
        return text[start:end].strip(), day
    pytest.skip(f"shared data with {snippet!r} is not available")


@pytest.fixture(scope="session")
def sentence_report(analyze_text):
    """Analyse the shared sentence containing a snippet (dated like its document, else 2022-05-17)."""
    def run(snippet: str, date: str | None = None):
        text, day = find_sentence(snippet)
        return analyze_text(text, date=date or day or "2022-05-17")

    return run


@pytest.fixture(scope="session")
def events_of():
    """Events of one type (and trigger word) in a report."""
    def pick(report, event_type: str, trigger: str | None = None):
        return [e for e in report.events if e.type == event_type and (trigger is None or e.trigger.text == trigger)]

    return pick
