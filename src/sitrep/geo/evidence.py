"""Evidence that a capitalised name is a place: an English word-frequency prior and the document's focus.

A name the model did not call a place needs evidence. Two kinds are read here:
* how common the word is in English (wordfreq's Zipf scale: 'hope' 5.4, 'mobile' 4.9, 'kharkiv' 2.9,
  'avdiivka' 1.3, 'robotyne' 0): a common word is a place only when it names an area;
* where the rest of the document is: the countries (and first-level regions) of the places it names with
  confidence, the countries its nationality adjectives name ("Ukrainian troops"), and their neighbours.
  A rare name that matches a village there is the village ("Russian forces shelled Avdiivka").
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from sitrep.errors import MissingDataError
from sitrep.geo.candidates import Toponym
from sitrep.geo.gazetteer import Entry, Gazetteer
from sitrep.geo.resolve import prior_score

COMMON_ZIPF = 4.0  # 'liberty' 4.3, 'hope' 5.4: ordinary words; below: 'northwest' 3.9 and most surnames
RARE_ZIPF = 3.0  # 'kharkiv' 2.9, 'mariupol' 2.4: rare enough that a match in the focus country is the place
# a city's name is frequent *because of* the city when its population's log10 exceeds the word's Zipf value by
# this much: 'paris' 4.8 vs 6.3, 'toronto' 4.5 vs 6.4, 'oxford' 4.4 vs 5.2; ordinary words stay below it:
# 'mobile' 4.9 vs 5.3, 'reading' 5.3 vs 5.5, 'liberty' 4.3 vs 4.5, 'hope' 5.4 vs 3.8
FAME_MARGIN = 0.8


@lru_cache(maxsize=200_000)
def english_zipf(text: str) -> float:
    """Zipf frequency of a word or phrase in English (0 for words wordfreq has never seen)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError as exc:  # a declared dependency; only a broken install lacks it
        raise MissingDataError("the 'wordfreq' package is missing; run `make setup`") from exc
    return zipf_frequency(text, "en")


def is_common_word(text: str) -> bool:
    """True for a one-word name that is an ordinary English word ('Hope', 'Mobile', 'Liberty', 'Central')."""
    return " " not in text.strip() and english_zipf(text.strip().lower()) >= COMMON_ZIPF


def is_famous_city(entry: Entry, text: str) -> bool:
    """True when a city is big enough to explain how often English writes its name ('Paris', 'Toronto')."""
    if entry.precision != "city" or entry.population <= 0 or entry.how == "short":
        return False
    return math.log10(entry.population) - english_zipf(text.strip().lower()) >= FAME_MARGIN


def is_rare_word(text: str) -> bool:
    """True for a name English text seldom uses except as a name ('Avdiivka', 'Djibo', 'Khan Younis')."""
    return english_zipf(text.strip().lower()) < RARE_ZIPF


def names_an_area(entry: Entry) -> bool:
    """Countries, continents, curated regions and first-level regions: areas, not towns."""
    return entry.precision in ("country", "region", "admin1") and entry.how != "short"


@dataclass(frozen=True, slots=True)
class FocusAreas:
    """Where a document is: countries (with or without their neighbours) and first-level regions."""

    countries: frozenset[str]
    near: frozenset[str]
    admin1s: frozenset[str]

    def holds(self, toponym: Toponym, admin1: bool = False) -> bool:
        """True when a candidate lies in a focus country (or, with `admin1`, in a focus first-level region)."""
        if admin1:
            return any(set(e.admin1s) & self.admin1s for e in toponym.candidates)
        return any(e.country in self.near for e in toponym.candidates)


def focus_areas(doc: Doc, confident: list[Toponym], gazetteer: Gazetteer) -> FocusAreas:
    """The focus of a document: its confident places' likeliest records, and its nationality adjectives."""
    suffixes = gazetteer.terms.admin_suffixes
    countries: set[str] = set()
    admin1s: set[str] = set()
    for toponym in confident:
        if not toponym.candidates:
            continue
        best = max(toponym.candidates, key=lambda e: prior_score(toponym, e, suffixes))
        if best.country:
            countries.add(best.country)
        if best.precision != "country":
            admin1s.update(best.admin1s)
    for token in doc:
        if token.text[:1].isupper() and token.lower_ in gazetteer.nationalities:
            countries.add(gazetteer.nationalities[token.lower_])
    near = set(countries)
    for code in countries:
        near.update(gazetteer.neighbours.get(code, ()))
    return FocusAreas(frozenset(countries), frozenset(near), frozenset(admin1s))
