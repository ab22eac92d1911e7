"""Attribution stage (being built under issue 5): quotes, speakers and source chains."""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from sitrep.records import Attribution, Entity, Quote


class AttributionLexicon:
    """Placeholder until the attribution stage lands in this session (issue 5)."""

    @classmethod
    def load(cls) -> "AttributionLexicon":
        """Load cue and state-media tables."""
        return cls()


def find_quotes(doc: Doc, entities: tuple[Entity, ...], lexicon: Any) -> tuple[Quote, ...]:
    """Find quoted speech and its speakers."""
    return ()


def find_attributions(doc: Doc, entities: tuple[Entity, ...], lexicon: Any) -> tuple[Attribution, ...]:
    """Find source chains."""
    return ()


def chain_for_span(start: int, end: int, attributions: tuple[Attribution, ...], doc: Doc) -> tuple[str, ...]:
    """The source chain governing the text span [start, end) (empty when unattributed)."""
    return ()
