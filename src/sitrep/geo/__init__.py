"""Geoparsing stage: recognise toponyms in a parsed document and resolve them to GeoNames records."""
from __future__ import annotations

from spacy.tokens import Doc

from sitrep.geo.candidates import Toponym, find_candidates
from sitrep.geo.gazetteer import Entry, Gazetteer
from sitrep.geo.recognize import recognize_toponyms
from sitrep.geo.resolve import resolve_toponym_list, to_place
from sitrep.nlp import doc_text
from sitrep.records import Entity, Place

__all__ = ["Gazetteer", "Entry", "Toponym", "find_places", "resolve_toponyms", "find_candidates"]


def find_places(doc: Doc, entities: tuple[Entity, ...], gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Find and resolve every toponym in the document."""
    toponyms = recognize_toponyms(doc, entities, gazetteer)
    resolutions = resolve_toponym_list(doc_text(doc), toponyms, gazetteer)
    return tuple(to_place(res, gazetteer) for res in resolutions)


def resolve_toponyms(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
                     method: str = "context") -> list[Place]:
    """Resolve given toponym spans (e.g. gold spans) with the same context logic as `find_places`."""
    toponyms = [find_candidates(text[s:e], s, e, gazetteer) for s, e in sorted(spans)]
    resolutions = resolve_toponym_list(text, toponyms, gazetteer, method=method)
    return [to_place(res, gazetteer) for res in resolutions]
