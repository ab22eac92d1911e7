"""Rewrite checks: what a rewrite changed against the article it rewrites (a source, a hedge, a figure, a place).

A single article cannot show that "the ministry said" was dropped or that "reportedly" went missing: a bare
claim is ordinary news. Against the original it can. These checks take two reports, align the rewrite's
sentences with the original's, and flag each change that makes a claim stronger or different:

* a sentence the original attributes to a source that the rewrite states with none;
* a hedge word of the original ("reportedly", "may") that the rewrite drops;
* a count changed between the two (the claims ledger's figures and its drift between aligned claims);
* a place changed to another place (the ledger's place drift, or a toponym of the sentence swapped).
"""
from __future__ import annotations

import re
from functools import lru_cache

from sitrep.attribution.scope import chain_for_offsets, governing_attribution
from sitrep.checks.text import evidence, sentence_bounds
from sitrep.claims import claims_from_report
from sitrep.claims.drift import align_rewrite, drift_between
from sitrep.claims.extract import content_words
from sitrep.claims.figures import find_figures
from sitrep.claims.match import word_overlap
from sitrep.claims.records import Root, Sourced
from sitrep.records import Flag, Place, Report
from sitrep.tables import read_tsv

# share of content words an edited sentence keeps from its original (a dropped clause is a few words)
SENTENCE_OVERLAP = 0.6
_NO_ROOT = Root(key="", label="", how="none")  # alignment only compares claims, never their roots


@lru_cache(maxsize=1)
def hedge_pattern() -> re.Pattern[str]:
    """Whole-word pattern of the hedge words of data/hedges.tsv (loaded once; the pattern is immutable)."""
    words = sorted((row[0].lower() for row in read_tsv("hedges.tsv") if row and row[0] != "hedge"), key=len,
                   reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])", re.I)


def sentences(text: str) -> list[tuple[int, int]]:
    """Every sentence span of a text, by the checks' light splitter."""
    out, pos = [], 0
    while pos < len(text):
        s, e = sentence_bounds(text, pos)
        if e > s:
            out.append((s, e))
        pos = max(e + 1, pos + 1)
    return out


def aligned_sentences(original: str, rewrite: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Pairs (original span, rewrite span) of sentences that differ but keep most of their content words."""
    old = sentences(original)
    same = {original[s:e] for s, e in old}
    old_words = [content_words(original[s:e]) for s, e in old]
    pairs = []
    for s, e in sentences(rewrite):
        if rewrite[s:e] in same:
            continue  # untouched: nothing to compare
        words = content_words(rewrite[s:e])
        scored = [(word_overlap(words, w), i) for i, w in enumerate(old_words)]
        best = max(scored, default=(0.0, -1))
        if best[0] >= SENTENCE_OVERLAP:
            pairs.append((old[best[1]], (s, e)))
    return pairs


def flag_rewrite_changes(original: Report, rewrite: Report) -> list[Flag]:
    """Every source, hedge, figure or place the rewrite changed against the original, each with both wordings."""
    a, b = original.article.text, rewrite.article.text
    flags: list[Flag] = []
    for (os_, oe), (rs, re_) in aligned_sentences(a, b):
        flags += _source_dropped(original, rewrite, (os_, oe), (rs, re_))
        flags += _hedge_dropped(a, b, (os_, oe), (rs, re_))
        flags += _figure_changed(a, b, (os_, oe), (rs, re_))
        flags += _place_changed(original, rewrite, (os_, oe), (rs, re_))
    flags += _ledger_drift(original, rewrite, {f.evidence.start for f in flags})
    return sorted(flags, key=lambda f: (f.evidence.start, f.kind))


def _source_dropped(original: Report, rewrite: Report, o: tuple[int, int], r: tuple[int, int]) -> list[Flag]:
    """The original's sentence has a governing source; the rewrite's has none."""
    found = governing_attribution(o[0], o[1], original.attributions)
    if found is None or not found.chain or chain_for_offsets(r[0], r[1], rewrite.attributions):
        return []
    if found.chain[0] in rewrite.article.text[r[0]:r[1]]:
        return []  # the source is still named there: the parser missed it in the copy, the writer dropped nothing
    chain = found.chain
    return [Flag(kind="rewrite_source_dropped", severity="warning",
                 message=f"The original attributes this to {chain[0]} (“{_short(original.article.text, o)}”); "
                         "the rewrite states it with no source.",
                 evidence=evidence(rewrite.article.text, *r))]


def _hedge_dropped(a: str, b: str, o: tuple[int, int], r: tuple[int, int]) -> list[Flag]:
    """A hedge word of the original sentence is missing from the rewrite's."""
    pattern = hedge_pattern()
    kept = {m.group().lower() for m in pattern.finditer(b, *r)}
    lost = [m.group() for m in pattern.finditer(a, *o) if m.group().lower() not in kept]
    if not lost:
        return []
    return [Flag(kind="rewrite_hedge_dropped", severity="warning",
                 message=f"The original hedges this with “{lost[0]}” (“{_short(a, o)}”); the rewrite states it "
                         "as certain.",
                 evidence=evidence(b, *r))]


def _figure_changed(a: str, b: str, o: tuple[int, int], r: tuple[int, int]) -> list[Flag]:
    """A count of the same thing (noun and outcome) given another number in the rewrite's sentence."""
    before = {(f.noun, f.outcome): f for f in find_figures(a, *o)}
    for f in find_figures(b, *r):
        old = before.get((f.noun, f.outcome))
        if old is not None and old.number != f.number:
            return [Flag(kind="rewrite_figure_changed", severity="warning",
                         message=f"The original gives “{old.evidence.text}”; the rewrite gives “{f.evidence.text}”.",
                         evidence=evidence(b, f.evidence.start, f.evidence.end))]
    return []


def _place_changed(original: Report, rewrite: Report, o: tuple[int, int], r: tuple[int, int]) -> list[Flag]:
    """A toponym of the rewrite's sentence names a place the original's sentence does not, in its stead."""
    old = [p for p in original.places if o[0] <= p.start < o[1] and p.geonameid is not None]
    new = [p for p in rewrite.places if r[0] <= p.start < r[1] and p.geonameid is not None]
    old_ids, new_ids = {p.geonameid for p in old}, {p.geonameid for p in new}
    gone = [p for p in old if p.geonameid not in new_ids and p.text not in rewrite.article.text[r[0]:r[1]]]
    came = [p for p in new if p.geonameid not in old_ids and p.text not in original.article.text[o[0]:o[1]]]
    if not gone or not came:
        return []
    g, c = gone[0], came[0]
    return [Flag(kind="rewrite_place_changed", severity="warning",
                 message=f"The original names {g.text} ({_where(g)}) here; the rewrite names {c.text} "
                         f"({_where(c)}) instead.",
                 evidence=evidence(rewrite.article.text, c.start, c.end), places=(g.text, c.text))]


def _ledger_drift(original: Report, rewrite: Report, flagged: set[int]) -> list[Flag]:
    """Figure drift between aligned claims of the claims ledger that the sentence comparison did not already flag."""
    before = [Sourced(c, _NO_ROOT, "") for c in claims_from_report(original)]
    after = [Sourced(c, _NO_ROOT, "") for c in claims_from_report(rewrite)]
    flags = []
    for claim_id, old in align_rewrite(after, before).items():
        new = next(s.claim for s in after if s.claim.id == claim_id)
        for d in drift_between(old.claim, new):
            if d.field != "figure" or d.evidence.start in flagged:
                continue
            flagged.add(d.evidence.start)
            flags.append(Flag(kind="rewrite_figure_changed", severity="warning",
                              message=f"The original gives {d.before}; the rewrite gives {d.after} "
                                      "(claims ledger, aligned claims).",
                              evidence=d.evidence))
    return flags


def _short(text: str, span: tuple[int, int], limit: int = 120) -> str:
    """The sentence of a span, cut to `limit` characters for a message."""
    words = text[span[0]:span[1]]
    return words if len(words) <= limit else words[:limit - 1].rstrip() + "…"


def _where(p: Place) -> str:
    """'Sevsk, Bryansk oblast, RU, GeoNames 496246' for messages."""
    bits = [x for x in (p.name, p.admin1_name, p.country) if x]
    return ", ".join(bits + [f"GeoNames {p.geonameid}"])
