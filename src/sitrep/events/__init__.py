"""Event stage (being built under issue 4): PLOVER events with roles, place, date and modality."""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from sitrep.records import Article, Attribution, Entity, Event, Place


class EventLexicon:
    """Placeholder until the event stage lands in this session (issue 4)."""

    @classmethod
    def load(cls) -> "EventLexicon":
        """Load the trigger lexicon and ontology."""
        return cls()


def extract_events(doc: Doc, entities: tuple[Entity, ...], places: tuple[Place, ...],
                   attributions: tuple[Attribution, ...], article: Article, lexicon: Any) -> tuple[Event, ...]:
    """Extract PLOVER events from the document."""
    return ()
