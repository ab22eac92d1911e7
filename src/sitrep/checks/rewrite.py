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
_IRREGULAR_PAST = {"say": "said", "tell": "told", "write": "wrote"}
# words that make a "source" phrase a clause ("even when one doesn't agree with what it says")
_CLAUSE_WORD = re.compile(r"\b(?:when|what|which|who|whom|that|if|because|while|than|whether|one)\b", re.I)


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
        # ties go to the original sentence nearest in the text: a short edited sentence ("Today I was in X, Kyiv
        # region") shares as many words with a long one elsewhere as with its own original
        scored = [(word_overlap(words, w), -abs(old[i][0] - s), i) for i, w in enumerate(old_words)]
        best = max(scored, default=(0.0, 0, -1))
        best = (best[0], best[2])
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
    """The original's sentence has a source (its own, or a paragraph's frame); the rewrite's has none of its own."""
    a, b = original.article.text, rewrite.article.text
    kept = governing_attribution(r[0], r[1], rewrite.attributions)
    if kept is not None and kept.chain and r[0] <= kept.evidence.start < r[1]:
        return []  # the rewrite still names a source in the sentence itself
    own = own_sources(original, o)
    if own:
        # an earlier paragraph frame ("According to police, ...") is not the source the sentence named
        # ("..., the fire chief said"): losing the sentence's own source is a drop unless the frame is that source
        if kept is not None and kept.chain and _same_source(kept.chain[0], own[0]):
            return []
        # a source still named there was missed by the parser in the copy, not dropped by the writer; one wrong
        # subject the parser took ("5600 Post Road") must not hide the real source's loss
        lost = [name for name in own if not _still_named(name, b[r[0]:r[1]])]
        return [_dropped_flag(lost[0], a, o, b, r)] if lost else []
    found = governing_attribution(o[0], o[1], original.attributions)
    if found is None or not found.chain or kept is not None and kept.chain:
        return []
    if found.chain[0] in b[r[0]:r[1]]:
        return []
    return [_dropped_flag(found.chain[0], a, o, b, r)]


def own_sources(report: Report, span: tuple[int, int]) -> list[str]:
    """The sources a sentence names itself: attributions whose cue lies in it, then a closing 'X said' clause."""
    out = [x.chain[0] for x in report.attributions if x.chain and span[0] <= x.evidence.start < span[1]]
    # the attribution stage misses some sentence-final clauses (", experts said") or takes a wrong subject
    # (", 5600 Post Road, Chinnici-Zuercher said"); the closing clause is news writing's commonest form
    closing = closing_attribution(report.article.text[span[0]:span[1]])
    if closing and closing not in out:
        out.append(closing)
    return out


def closing_attribution(sentence: str) -> str | None:
    """The source of a sentence-final reporting clause (', the regional governor said'), else None."""
    m = closing_pattern().search(sentence.rstrip(" .!?\"'”’"))
    if m is None or _CLAUSE_WORD.search(m.group("who")) or m.group("who").split()[0] in ("I", "we", "We"):
        return None  # ", even when one doesn't agree with what it says" is a clause, not a source
    return m.group("who").strip()


@lru_cache(maxsize=1)
def closing_pattern() -> re.Pattern[str]:
    """', <source> <reporting verb in the past or present>' closing a sentence; verbs from attribution_cues.tsv."""
    lemmas = [row[0] for row in read_tsv("attribution_cues.tsv") if len(row) > 1 and row[1] == "verb" and " " not in row[0]]
    forms = sorted({f for lemma in lemmas for f in _inflections(lemma)}, key=len, reverse=True)
    return re.compile(r",\s+(?P<who>[^,;:“”\"()]{2,60}?)\s+(?:" + "|".join(map(re.escape, forms)) +
                      r")(?:\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?$")


def _inflections(lemma: str) -> set[str]:
    """Past and third-person forms of a reporting verb ('say' -> said, says; 'note' -> noted, notes)."""
    past = _IRREGULAR_PAST.get(lemma) or (lemma + "d" if lemma.endswith("e") else
                                          lemma[:-1] + "ied" if lemma.endswith("y") and lemma[-2] not in "aeiou" else
                                          lemma + "ed")
    third = lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2] not in "aeiou" else (
        lemma + "es" if lemma.endswith(("s", "sh", "ch", "x")) else lemma + "s")
    return {past, third}


def _same_source(a: str, b: str) -> bool:
    """True when two source phrases name one source ('Georgian MoD.' and 'Georgian MoD')."""
    def norm(s: str) -> str:
        return re.sub(r"[^\w ]", "", s).lower().strip()
    return norm(a) == norm(b)


def _still_named(name: str, sentence: str) -> bool:
    """True when the last word of a source's name ('Birch' of 'Matt Birch') still stands in the sentence."""
    words = re.findall(r"[\w’'-]+", name)
    return bool(words) and re.search(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])", sentence) is not None


def _dropped_flag(source: str, a: str, o: tuple[int, int], b: str, r: tuple[int, int]) -> Flag:
    """The rewrite_source_dropped flag, naming the original's source and wording."""
    return Flag(kind="rewrite_source_dropped", severity="warning",
                message=f"The original attributes this to {source} (“{_short(a, o)}”); "
                        "the rewrite states it with no source.",
                evidence=evidence(b, *r))


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
    old_ids = {p.geonameid for p in old}
    a, b = original.article.text[o[0]:o[1]], rewrite.article.text[r[0]:r[1]]
    # whole words, counted: "Donetsk" inside "Donetskyi" is gone, and one of two "Richmond"s swapped is a change
    gone = [p for p in old if _mentions(p.text, b) < _mentions(p.text, a)]
    came = [p for p in new if p.geonameid not in old_ids and _mentions(p.text, a) < _mentions(p.text, b)]
    if not gone or not came:
        return []
    g, c = gone[0], came[0]
    return [Flag(kind="rewrite_place_changed", severity="warning",
                 message=f"The original names {g.text} ({_where(g)}) here; the rewrite names {c.text} "
                         f"({_where(c)}) instead.",
                 evidence=evidence(rewrite.article.text, c.start, c.end), places=(g.text, c.text))]


def _mentions(name: str, sentence: str) -> int:
    """How many times a toponym stands in a sentence as whole words (not inside 'Karachiya' or 'Mercedes')."""
    return len(re.findall(rf"(?<!\w){re.escape(name)}(?![\w])", sentence))


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
