"""Geoparsing stage (being built under issue 3): recognise toponyms and resolve them to GeoNames."""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from sitrep.records import Entity, Place


class Gazetteer:
    """Placeholder until the geo stage lands in this session (issue 3)."""

    @classmethod
    def load(cls) -> "Gazetteer":
        """Load the gazetteer index."""
        return cls()


def find_places(doc: Doc, entities: tuple[Entity, ...], gazetteer: Any) -> tuple[Place, ...]:
    """Find and resolve every toponym in the document."""
    return ()
