"""Geo fixtures: the gazetteer and a geo-only parse, both built from the shared session pipeline."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gazetteer(pipeline):
    """The gazetteer the session pipeline loaded."""
    return pipeline.gazetteer


@pytest.fixture(scope="session")
def geoparse(pipeline):
    """Run spaCy, the entity stage and the geo stage (nothing else) over a real text."""
    from sitrep import entities, geo

    def run(text: str):
        doc = pipeline.nlp(text)
        return geo.find_places(doc, entities.extract_entities(doc, pipeline.tables), pipeline.gazetteer)

    return run


@pytest.fixture(scope="session")
def seed_places(geoparse, seed_text):
    """The places found in the seed article."""
    return geoparse(seed_text)


@pytest.fixture(scope="session")
def place_at():
    """Pick the nth place whose text is `text` (apostrophe style ignored), failing clearly when absent."""

    def pick(places, text: str, nth: int = 0):
        norm = text.replace("’", "'")
        hits = [p for p in places if p.text.replace("’", "'") == norm]
        assert len(hits) > nth, f"{text!r} not found among {[p.text for p in places]}"
        return hits[nth]

    return pick
