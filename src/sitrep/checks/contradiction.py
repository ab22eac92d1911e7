"""Internal contradictions: one place put in two regions, or one figure stated with two numbers."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.checks.lexicon import FIGURE_AUX, NUMBER_WORDS, check_lexicon
from sitrep.checks.places import container_right_after, in_a_list
from sitrep.checks.text import evidence, sentence_bounds
from sitrep.records import Flag, Report

_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|" + "|".join(NUMBER_WORDS) + r")"


@dataclass(frozen=True, slots=True)
class Figure:
    """A stated exact figure: how many of what had which outcome, where, and the sentence saying so."""

    number: int
    noun: str
    outcome: str
    places: frozenset[int]
    start: int
    end: int


def flag_internal_contradiction(report: Report) -> list[Flag]:
    """The same place or the same figure stated two different ways in one article."""
    return _place_contradictions(report) + _figure_contradictions(report)


def _place_contradictions(report: Report) -> list[Flag]:
    """One place (same GeoNames id) said to lie in two different regions."""
    first: dict[int, tuple[str, str]] = {}
    flags = []
    for p in sorted(report.places, key=lambda p: p.start):
        if p.geonameid is None or not p.stated_in_admin1 or not p.stated_in:
            continue
        container = container_right_after(report, p)
        if container is None or in_a_list(report.article.text, p, container):
            continue  # "Hawaii and Guam, Louisiana, Nevada" is a list, not a container
        seen = first.setdefault(p.geonameid, (p.stated_in_admin1, p.stated_in))
        if seen[0] != p.stated_in_admin1:
            flags.append(Flag(
                kind="internal_contradiction", severity="warning",
                message=f"{p.text} is put in {seen[1]} earlier and in {p.stated_in} here; "
                        "the article contradicts itself on where it is.",
                evidence=evidence(report.article.text, p.start, p.end), places=(p.text, seen[1], p.stated_in)))
            first[p.geonameid] = (p.stated_in_admin1, p.stated_in)
    return flags


def _figure_contradictions(report: Report) -> list[Flag]:
    """The same count (noun and outcome) at the same place given as two different exact numbers."""
    figures = stated_figures(report)
    flags = []
    for i, a in enumerate(figures):
        for b in figures[i + 1:]:
            # same count of the same thing at the same places (or both at no named place)
            if (a.noun, a.outcome) == (b.noun, b.outcome) and a.places == b.places and a.number != b.number:
                text = report.article.text
                flags.append(Flag(
                    kind="internal_contradiction", severity="warning",
                    message=f"The article gives {a.number} {a.noun} {a.outcome} and later {b.number}"
                            f"{' at the same place' if a.places else ''}; one figure is wrong, out of date, or they "
                            "describe different events.",
                    evidence=evidence(text, b.start, b.end)))
                break
    return flags


def stated_figures(report: Report) -> list[Figure]:
    """Exact figures ('12 civilians were killed') with the resolved places of their sentence."""
    lex = check_lexicon()
    text = report.article.text
    nouns = "|".join(sorted(map(re.escape, lex.figure_nouns), key=len, reverse=True))
    outcomes = "|".join(sorted(map(re.escape, lex.figure_outcomes), key=len, reverse=True))
    pattern = re.compile(rf"\b{_NUMBER}\s+(?:\w+\s+){{0,2}}?(?P<noun>{nouns})\s+{FIGURE_AUX}(?P<outcome>{outcomes})\b",
                         re.I)
    approx = lex.pattern(lex.approximate)
    out = []
    for m in pattern.finditer(text):
        s, e = sentence_bounds(text, m.start())
        if approx.search(text, s, e):
            continue  # "at least 12", "another 3": figures that need not agree
        raw = m.group("num").lower().replace(",", "")
        number = NUMBER_WORDS.get(raw) if raw in NUMBER_WORDS else int(raw)
        places = frozenset(p.geonameid for p in report.places if p.geonameid is not None and s <= p.start < e)
        out.append(Figure(number, m.group("noun").lower(), m.group("outcome").lower(), places, s, e))
    return out
