"""Plural admin phrases: in "the Kherson and Zaporizhzhia regions" every listed name is a region."""
from __future__ import annotations

import dataclasses
import re

from sitrep.geo.candidates import Toponym, find_candidates
from sitrep.geo.gazetteer import Gazetteer

_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+and)\s*$")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def spread_plural_suffixes(text: str, toponyms: list[Toponym], gazetteer: Gazetteer) -> list[Toponym]:
    """Give the admin word of 'X and Y regions' (or 'the X and Y region') to X as well; text order kept."""
    out = list(toponyms)
    for j, last in enumerate(toponyms):
        if not last.suffix:
            continue
        chain = _listed_before(text, toponyms, j)
        if not chain or not (last.suffix.endswith("s") or _THE_BEFORE.search(text[:toponyms[chain[-1]].start])):
            continue
        level = _area_level(last)
        for i in chain:
            spread = _with_suffix(toponyms[i], last.suffix, gazetteer)
            if not any(e.precision in level for e in spread.candidates if spread.suffix):
                break  # "Mariupol, Izyum, Kharkiv, Kherson regions": no Izyum oblast, so the list of regions ends
            out[i] = spread
    return out


def _area_level(toponym: Toponym) -> frozenset[str]:
    """The kind of area a suffixed name reaches: first-level regions when it reaches one, else any area."""
    kinds = {e.precision for e in toponym.candidates if e.precision != "city"}
    return frozenset(kinds - {"admin2"}) if kinds - {"admin2"} else frozenset(kinds)


def _listed_before(text: str, toponyms: list[Toponym], j: int) -> list[int]:
    """Indexes of the suffix-less toponyms listed right before toponym j ('X, Y and' before 'Z regions')."""
    chain, i = [], j - 1
    while i >= 0 and not toponyms[i].suffix and _LIST_GAP.match(text[toponyms[i].end:toponyms[i + 1].start]):
        chain.append(i)
        i -= 1
    return chain


def _with_suffix(toponym: Toponym, suffix: str, gazetteer: Gazetteer) -> Toponym:
    """The toponym looked up as '<name> <suffix>', keeping its own span and text."""
    looked_up = find_candidates(f"{toponym.text} {suffix}", toponym.start, toponym.end, gazetteer, fuzzy=False)
    if not any(e.precision != "city" for e in looked_up.candidates):
        return toponym
    return dataclasses.replace(looked_up, text=toponym.text)
