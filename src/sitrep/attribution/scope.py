"""Which source chain governs a span of text: the inheritance rule the events stage relies on."""
from __future__ import annotations

from spacy.tokens import Doc

from sitrep.records import Attribution


def chain_for_span(start: int, end: int, attributions: tuple[Attribution, ...], doc: Doc) -> tuple[str, ...]:
    """The source chain governing the text span [start, end) (empty when unattributed)."""
    return chain_for_offsets(start, end, attributions)


def governing_attribution(start: int, end: int, attributions: tuple[Attribution, ...]) -> Attribution | None:
    """The attribution that governs [start, end): the narrowest scope holding it, then the nearest cue.

    Scopes are set by the attribution stage: a quotation's words (its speaker), a sentence (cues such as
    'X said', 'citing', 'reportedly'), or a sentence and the rest of its paragraph ('according to X',
    the only cue in the lexicon with paragraph scope). The narrowest wins, so a sentence's own source
    overrides a paragraph frame, and a quotation's speaker overrides the sentence's narrator.
    """
    holding = [a for a in attributions if a.scope is not None and a.scope.start <= start and end <= a.scope.end]
    if not holding:
        return None
    return min(holding, key=lambda a: (a.scope.end - a.scope.start, -len(a.chain), _distance(a, start)))


def chain_for_offsets(start: int, end: int, attributions: tuple[Attribution, ...]) -> tuple[str, ...]:
    """The chain of the governing attribution of [start, end), or () when none governs it."""
    found = governing_attribution(start, end, attributions)
    return found.chain if found is not None else ()


def _distance(a: Attribution, pos: int) -> int:
    """How far an attribution's cue is from a position, cues before the span counting as nearer."""
    return pos - a.evidence.end if a.evidence.end <= pos else 2 * (a.evidence.start - pos)
