"""Candidate generation: every gazetteer record a toponym as written could name, and how it was reached."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.geo.gazetteer import Entry, Gazetteer
from sitrep.geo.regions import split_admin_suffix
from sitrep.geo.translit import normalize

MAX_ACRONYM = 5  # letters in the longest word read as an acronym when written in capitals ("NATO", "SWAT")
MAX_CANDIDATES = 40  # "Springfield" has hundreds; the long tail is tiny villages that never win
_POSSESSIVE = re.compile(r"[’'ʼ]s$")


@dataclass(frozen=True, slots=True)
class Toponym:
    """A toponym as written, with the key it was looked up by and its candidate records."""

    text: str
    start: int
    end: int
    key: str
    suffix: str | None  # an admin word written after the name ("region" in "Donetsk region")
    candidates: tuple[Entry, ...]


def toponym_key(text: str) -> str:
    """The lookup key of a span: possessive dropped, then normalised."""
    return normalize(_POSSESSIVE.sub("", text.strip()))


def find_candidates(text: str, start: int, end: int, gazetteer: Gazetteer, fuzzy: bool = True,
                    variants: bool = True) -> Toponym:
    """Candidates by exact name, admin short form, then (optionally) transliteration skeleton and fuzzy match."""
    key = toponym_key(text)
    stem, suffix = split_admin_suffix(key, gazetteer.terms.admin_suffixes)
    found = _prefer_abbreviations([e for e in gazetteer.lookup(key) if _abbreviation_fits(e, text)], text)
    if text.rstrip().endswith(".") and any(e.how == "abbr_dot" for e in found):
        found = [e for e in found if e.how == "abbr_dot"]  # "Pa." is Pennsylvania, not a town called Pa
    demonym = _demonym_record(key, text, gazetteer)
    if demonym is not None:  # "Spanish" names Spain, never Spanish, Ontario
        found = [demonym] + [e for e in found if e.precision not in ("city", "admin2")]
    if suffix:
        areas = [e for e in gazetteer.lookup(stem) if e.precision != "city"]
        found = [e for e in found if e.precision != "city"] + areas or found
    if not found and variants:
        found = list(gazetteer.lookup_variants(key))
        if suffix and not found:
            found = [e for e in gazetteer.lookup_variants(stem) if e.precision != "city"]
    if not found and fuzzy and not _names_a_feature(key, gazetteer):
        found = list(gazetteer.lookup_fuzzy(stem if suffix else key))
    return Toponym(text=text, start=start, end=end, key=key, suffix=suffix, candidates=_dedupe(found))


def _prefer_abbreviations(found: list[Entry], text: str) -> list[Entry]:
    """An acronym that abbreviates an area names the area, not a town spelt with the same letters: 'EU' is the
    European Union, not Eu in Normandy; 'PA' Pennsylvania, not a village called Pa."""
    if not _written_in_capitals(text) or sum(ch.isalpha() for ch in text) > MAX_ACRONYM:
        return found
    if not any(e.how in ("abbr", "abbr_dot", "region_table") or e.precision == "country" for e in found):
        return found
    return [e for e in found if not (e.precision in ("city", "admin2") and e.how in ("name", "alt"))]


def _abbreviation_fits(entry: Entry, text: str) -> bool:
    """Abbreviations match only as abbreviations: 'ACT' not 'Act'; 'Ky.' or 'KY', never 'Man' for Manitoba."""
    if entry.how == "abbr":
        return _written_in_capitals(text)
    if entry.how == "abbr_dot":
        return "." in text or _written_in_capitals(text)
    return True


def _demonym_record(key: str, text: str, gazetteer: Gazetteer) -> Entry | None:
    """The country (or continent) an adjective or demonym names, for spans given as toponyms."""
    if _written_in_capitals(text):
        return None  # "US" is the country's abbreviation, not a demonym
    if key in gazetteer.nationalities:
        return gazetteer.country(gazetteer.nationalities[key], matched=key)
    if key in gazetteer.adjectives:
        entry = gazetteer.get(gazetteer.adjectives[key])
        return _with_how(entry, "demonym") if entry else None
    return None


def _names_a_feature(key: str, gazetteer: Gazetteer) -> bool:
    """True for 'neches river', 'river lune': a physical feature, which fuzzy matching must not turn into a town."""
    words = key.split()
    return len(words) >= 2 and (words[-1] in gazetteer.terms.feature_heads or words[0] in gazetteer.terms.feature_heads)


def _with_how(entry: Entry, how: str) -> Entry:
    """A copy of `entry` reached another way."""
    return Entry(**{**{f: getattr(entry, f) for f in Entry.__slots__}, "how": how})


def _written_in_capitals(text: str) -> bool:
    """True for 'ACT', 'U.S.', 'UK': an abbreviation, not the word 'Act'."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _dedupe(entries: list[Entry]) -> tuple[Entry, ...]:
    """One entry per record (the best way it was reached), in gazetteer order, capped to the most populous."""
    rank = {"region_table": 0, "demonym": 0, "name": 1, "alt": 2, "abbr": 2, "abbr_dot": 2, "short": 3, "variant": 4,
            "fuzzy": 6}
    best: dict[int, Entry] = {}
    for entry in entries:
        kept = best.get(entry.id)
        if kept is None or rank.get(entry.how, 9) < rank.get(kept.how, 9):
            best[entry.id] = entry
    ordered = list(best.values())
    if len(ordered) > MAX_CANDIDATES:
        keep = {e.id for e in sorted(ordered, key=lambda e: -e.population)[:MAX_CANDIDATES]}
        ordered = [e for e in ordered if e.id in keep]
    return tuple(ordered)
