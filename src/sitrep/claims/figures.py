"""Stated counts in a span of text: '40 soldiers were killed', 'killing 40 Ukrainian soldiers', 'no soldiers were killed'."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.checks.lexicon import FIGURE_AUX, NUMBER_WORDS, check_lexicon
from sitrep.claims.records import Figure
from sitrep.records import Evidence
from sitrep.tables import read_tsv

_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


@dataclass(frozen=True, slots=True)
class FigureLexicon:
    """The compiled figure patterns and the noun keys two wordings of one count share."""

    after: re.Pattern[str]  # number, noun, outcome: "40 soldiers were killed"
    before: re.Pattern[str]  # verb, number, noun: "killing 40 soldiers"
    approximate: re.Pattern[str]
    verbs: dict[str, str]
    zeros: dict[str, int]
    nouns: dict[str, str]
    stopwords: frozenset[str]


@lru_cache(maxsize=1)
def figure_lexicon() -> FigureLexicon:
    """Compile the figure patterns once per process from figure_terms.tsv and claim_terms.tsv."""
    checks = check_lexicon()
    rows = read_tsv("claim_terms.tsv")
    verbs = {t: v for t, k, *rest in rows if k == "verb" for v in rest[:1]}
    zeros = {t: int(v) for t, k, v in (r[:3] for r in rows if r[1] == "zero")}
    nouns = {t: v for t, k, *rest in rows if k == "noun" for v in rest[:1]}
    stop = frozenset(r[0] for r in rows if r[1] == "stop")
    alt = lambda words: "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # noqa: E731
    number = (rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+(?:{alt(_SCALE)}))?|{alt(NUMBER_WORDS)}"
              rf"|{alt(zeros)})")
    noun = rf"(?:[\w-]+\s+){{0,2}}?(?P<noun>{alt(set(nouns) | set(checks.figure_nouns))})"
    after = re.compile(rf"\b{number}\s+{noun}\s+{FIGURE_AUX}(?P<outcome>{alt(checks.figure_outcomes)})\b", re.I)
    before = re.compile(rf"\b(?P<verb>{alt(verbs)})\s+{number}\s+{noun}\b", re.I)
    return FigureLexicon(after, before, checks.pattern(checks.approximate), verbs, zeros, nouns, stop)


def find_figures(text: str, start: int, end: int) -> tuple[Figure, ...]:
    """Every stated count inside text[start:end], in text order; evidence spans point into `text`."""
    lex = figure_lexicon()
    found: dict[int, Figure] = {}
    for pattern in (lex.after, lex.before):
        for m in pattern.finditer(text, start, end):
            number = _number(m.group("num"), lex)
            if number is None or m.start() in found:
                continue
            outcome = m.group("outcome").lower() if "outcome" in m.groupdict() and m.groupdict().get("outcome") \
                else lex.verbs[m.group("verb").lower()]
            noun = m.group("noun").lower()
            # "at least 40", "more than 40": a bound, looked for just before the number
            approx = bool(lex.approximate.search(text, max(start, m.start("num") - 14), m.start("num")))
            found[m.start()] = Figure(number, lex.nouns.get(noun, noun), outcome, approx,
                                      Evidence(m.start(), m.end(), text[m.start():m.end()]))
    return tuple(found[k] for k in sorted(found))


def _number(raw: str, lex: FigureLexicon) -> int | None:
    """The integer a number's words state ('1,200', '3 thousand', 'twelve', 'no' -> 0)."""
    low = " ".join(raw.lower().split())
    if low in lex.zeros:
        return lex.zeros[low]
    if low in NUMBER_WORDS:
        return NUMBER_WORDS[low]
    parts = low.split()
    try:
        value = float(parts[0].replace(",", ""))
    except ValueError:
        return None
    if len(parts) == 2:
        value *= _SCALE.get(parts[1], 1)
    return int(value)
