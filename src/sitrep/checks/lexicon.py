"""Lexicons the checks read (certainty markers, loaded terms, front cues, figure terms), loaded once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.tables import read_tsv

# numbers written as words in stated figures ("twelve civilians were killed")
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
# what may stand between a figure's noun and its outcome: "12 civilians (were|had been) killed"
FIGURE_AUX = r"(?:(?:were|was|have been|had been|are|got)\s+)?"


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    """A loaded word or phrase, its category and why it is loaded."""

    term: str
    category: str
    note: str


@dataclass(frozen=True, slots=True)
class CheckLexicon:
    """The immutable word lists behind the text checks."""

    certainty: tuple[str, ...]
    loaded: tuple[LoadedTerm, ...]
    front_cues: tuple[str, ...]
    figure_nouns: frozenset[str]
    figure_outcomes: tuple[str, ...]
    approximate: tuple[str, ...]
    anonymous_words: frozenset[str]
    flagged_unsourced_cues: tuple[str, ...]  # source-less cues worth an anonymous_source flag

    def pattern(self, phrases: tuple[str, ...]) -> re.Pattern[str]:
        """A case-insensitive whole-word regex for any of the phrases, longest first."""
        alt = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)


@lru_cache(maxsize=1)
def check_lexicon() -> CheckLexicon:
    """Load the check lexicons once per process; the result is frozen, so sharing it is safe."""
    figures = read_tsv("figure_terms.tsv")
    return CheckLexicon(
        certainty=tuple(row[0].lower() for row in read_tsv("certainty_markers.tsv")),
        loaded=tuple(LoadedTerm(t.lower(), c, n) for t, c, n in read_tsv("loaded_language.tsv")),
        front_cues=tuple(row[0].lower() for row in read_tsv("front_cues.tsv")),
        figure_nouns=frozenset(t for t, k in figures if k == "noun"),
        figure_outcomes=tuple(t for t, k in figures if k == "outcome"),
        approximate=tuple(t for t, k in figures if k == "approximate"),
        anonymous_words=frozenset(m.lower() for m, _ in read_tsv("anonymous_sources.tsv")),
        flagged_unsourced_cues=tuple(row[0].lower() for row in read_tsv("attribution_cues.tsv") if row[4] == "yes"),
    )
