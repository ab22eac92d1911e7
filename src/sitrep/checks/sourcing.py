"""Sourcing checks: unnamed sources, certainty with no source, loaded language in the writer's voice."""
from __future__ import annotations

import re

from sitrep.attribution.scope import chain_for_offsets
from sitrep.checks.lexicon import check_lexicon
from sitrep.checks.text import evidence, inside, quoted_spans, sentence_bounds
from sitrep.records import Flag, Report

# a sentence in the first person is the writer's or speaker's own avowed view, not an unsourced claim
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our|us)\b")
# a text with this share of first-person sentences (outside quotes) is a speech, statement or op-ed:
# its author is the source of everything in it
FIRST_PERSON_DOCUMENT_SHARE = 0.15
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def flag_anonymous_source(report: Report) -> list[Flag]:
    """A claim that rests on a source the reader cannot identify ('citing anonymous military sources')."""
    flags = []
    for a in report.attributions:
        if not a.anonymous:
            continue
        if a.chain:
            unnamed = [c for c in a.chain if _looks_unnamed(c)] or list(a.chain[:1])
            message = (f"The claim rests on an unnamed source ({', '.join(unnamed)}); "
                       "a reader cannot check who said it.")
            severity = "warning"
        elif a.cue.lower().endswith(check_lexicon().flagged_unsourced_cues):
            message = f"“{a.evidence.text}” hands the claim to no one; the source is not given."
            severity = "info"
        else:
            continue  # "allegedly": the legal hedge of crime reporting, not a hidden source
        flags.append(Flag(kind="anonymous_source", severity=severity, message=message, evidence=a.evidence))
    return flags


def _looks_unnamed(source: str) -> bool:
    """True for a source phrase carrying an anonymity marker ('anonymous military sources', 'reports')."""
    low = f" {source.lower()} "
    return any(f" {w} " in low or (" " in w and w in low) for w in check_lexicon().anonymous_words)


def flag_unsourced_certainty(report: Report) -> list[Flag]:
    """A sentence that presents a claim as certain ('one thing is certain') with no source in scope."""
    text = report.article.text
    lex = check_lexicon()
    quoted = quoted_spans(report)
    if is_first_person_document(text, quoted):
        return []
    flags, done = [], set()
    for m in lex.pattern(lex.certainty).finditer(text):
        s, e = sentence_bounds(text, m.start())
        if s in done or inside(m.start(), quoted) or _FIRST_PERSON.search(text, s, e):
            continue
        if chain_for_offsets(m.start(), m.end(), report.attributions):
            continue
        done.add(s)
        flags.append(Flag(
            kind="unsourced_certainty", severity="info",
            message=f"“{m.group()}” presents this as certain, but no source is given for it in the article.",
            evidence=evidence(text, m.start(), e)))
    return flags


def flag_loaded_language(report: Report) -> list[Flag]:
    """A loaded label or euphemism used outside quotation marks, i.e. adopted by the text itself."""
    text = report.article.text
    lex = check_lexicon()
    quoted = quoted_spans(report)
    notes = {t.term: t for t in lex.loaded}
    first_person = is_first_person_document(text, quoted)
    flags = []
    for m in lex.pattern(tuple(notes)).finditer(text):
        if inside(m.start(), quoted):
            continue  # in quotation marks the writer reports the word rather than uses it
        if m.group()[:1].isupper() and not _starts_sentence(text, m.start()):
            continue  # part of a name ("Church of Our Lady and The English Martyrs")
        term = notes[m.group().lower()]
        chain = chain_for_offsets(m.start(), m.end(), report.attributions)
        voice = f"in words attributed to {chain[0]}" if chain else (
            "in the speaker's own voice" if first_person else "in the article's own voice")
        flags.append(Flag(
            kind="loaded_language", severity="info",
            message=f"“{m.group()}” is loaded language ({term.category}: {term.note}), {voice}.",
            evidence=evidence(text, m.start(), m.end())))
    return flags


def is_first_person_document(text: str, quoted: list[tuple[int, int]]) -> bool:
    """True for a speech, statement or op-ed: many sentences outside quotes are in the first person."""
    sentences = [m for m in _SENTENCE.finditer(text) if m.group().strip() and not inside(m.start(), quoted)]
    if len(sentences) < 5:
        return False
    first = sum(1 for m in sentences if _FIRST_PERSON.search(m.group()))
    return first / len(sentences) >= FIRST_PERSON_DOCUMENT_SHARE


def _starts_sentence(text: str, pos: int) -> bool:
    """True when only spaces, quotes or brackets stand between `pos` and the previous sentence end."""
    before = text[:pos].rstrip(" \t\"“‘'(*")
    return not before or before[-1] in ".!?\n:"
