"""Fixtures for the attribution tests: run spaCy, entities and attribution only (no gazetteer needed)."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.tokens import Doc

from sitrep import attribution, entities
from sitrep.records import Attribution, Entity, Quote


@dataclass(frozen=True)
class Attributed:
    """What the attribution stage made of one text."""

    doc: Doc
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    attributions: tuple[Attribution, ...]

    def chains(self) -> list[tuple[str, ...]]:
        """The chains found, in text order."""
        return [a.chain for a in self.attributions]


@pytest.fixture(scope="session")
def attribute(pipeline):
    """Run the attribution stage over a text with the shared pipeline's model and tables."""

    def run(text: str) -> Attributed:
        doc = pipeline.nlp(text)
        found = entities.extract_entities(doc, pipeline.tables)
        lex = pipeline.attribution_lexicon
        return Attributed(doc, found, attribution.find_quotes(doc, found, lex),
                          attribution.find_attributions(doc, found, lex))

    return run
