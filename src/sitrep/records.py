"""Typed records that flow between pipeline stages; dicts exist only at the JSON boundary."""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from typing import Any

SCHEMA_VERSION = "1.0"

MODALITIES = ("asserted", "hedged", "hypothetical", "negated", "future")
ENTITY_TYPES = ("PERSON", "MILITARY_UNIT", "ORG", "MEDIA", "GROUP", "GPE_ACTOR")
SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True, slots=True)
class Evidence:
    """A character span of the article text that supports a field."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One input document and its metadata; `text` is what every offset points into."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"
    text_sha256: str = ""
    speaker: str | None = None  # who speaks a first-person text (a speech, an address); "I" and "we" refer to them

    @staticmethod
    def from_text(text: str, **meta: Any) -> "Article":
        """Build an Article, deriving the hash and (if absent) the id from the text."""
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        article_id = meta.pop("id", None) or digest[:16]
        return Article(id=str(article_id), text=text, text_sha256=digest, **meta)


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in the text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, unit, organisation, outlet or group, with all its mentions merged."""

    id: str
    text: str
    type: str
    mentions: tuple[Mention, ...]
    rank: str | None = None
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    confidence: float = 1.0
    source: str = "ner"  # which recogniser produced it: ner, unit_pattern, actor_table, group_pattern


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer record considered for a toponym, with the resolver's score."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    feature: str
    population: int
    score: float


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym mention resolved (or not) to a GeoNames record."""

    text: str
    start: int
    end: int
    geonameid: int | None = None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    admin1_name: str | None = None
    feature: str | None = None
    precision: str | None = None  # country, admin1, admin2, city, region
    score: float = 0.0
    matched_by: str = "exact"  # exact, variant, fuzzy, region_table
    variant_of: str | None = None  # the gazetteer spelling a variant/fuzzy match reached
    stated_in: str | None = None  # container named in the text ("X in the Donetsk region")
    stated_in_admin1: str | None = None
    stated_in_country: str | None = None
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorRef:
    """The actor or recipient of an event: its name, its entity, and the article's words that name it here."""

    text: str  # the name: the entity's canonical name ("Vladimir Putin", "Russia" for "its troops"), else the words
    entity_id: str | None = None
    words: Evidence | None = None  # the words in this sentence ("Putin", "its troops", "I"): text == article[start:end]
    country: str | None = None
    sector: str | None = None
    implicit: bool = False


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """The place of an event, pointing at a resolved Place: the words at [start:end] and the place's name."""

    text: str  # always the article's words at [start:end] when there is a span
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    start: int | None = None
    end: int | None = None
    name: str | None = None  # the gazetteer or canonical name ("Russia" for "Russian territory")

    def label(self) -> str:
        """The name to show and to match on: the place's name, else the words."""
        return self.name or self.text


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, where and when, in PLOVER with a CAMEO crosswalk."""

    id: str
    type: str
    evidence: Evidence
    trigger: Evidence
    mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    actor: ActorRef | None = None
    recipient: ActorRef | None = None
    place: PlaceRef | None = None
    date: str | None = None
    date_granularity: str = "unknown"  # day, week, month, year, unknown
    modality: str = "asserted"
    attributed_to: tuple[str, ...] = ()
    confidence: float = 0.5
    actor_note: str | None = None  # why there is no actor, when there is none ("not named: passive without agent")


@dataclass(frozen=True, slots=True)
class Quote:
    """Directly quoted speech and who said it."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_entity_id: str | None = None
    speaker_evidence: Evidence | None = None
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Attribution:
    """A source chain: who says a claim, innermost source first."""

    cue: str
    chain: tuple[str, ...]
    evidence: Evidence
    anonymous: bool = False
    hedged: bool = False
    official: bool = False
    state_media: bool = False
    scope: Evidence | None = None  # the sentence or clause the attribution governs


@dataclass(frozen=True, slots=True)
class Flag:
    """Something a careful reader would question, with the evidence for it."""

    kind: str
    severity: str
    message: str
    evidence: Evidence
    places: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MainEvent:
    """One of the article's main event types: how much of the article reports it, and its strongest evidence."""

    type: str
    score: float
    share: float  # this type's part of the article's total event weight
    event_ids: tuple[str, ...]
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Report:
    """Everything sitrep extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    flags: tuple[Flag, ...] = ()
    warnings: tuple[str, ...] = ()
    schema_version: str = SCHEMA_VERSION
    main_events: tuple[MainEvent, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready contract form of the report."""
        return to_dict(self)


def to_dict(record: Any) -> Any:
    """Convert a record (or nested records, tuples, lists) into plain JSON-ready values."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    return record


def _build(cls: type, data: dict[str, Any] | None) -> Any:
    """Rebuild a record of `cls` from its dict, recursing into nested record fields."""
    if data is None:
        return None
    hints = _NESTED_FIELDS.get(cls, {})
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        kind = hints.get(f.name)
        if kind is None:
            kwargs[f.name] = tuple(value) if isinstance(value, list) else value
        elif isinstance(kind, tuple):  # a tuple of records
            kwargs[f.name] = tuple(_build(kind[0], item) for item in value or ())
        else:
            kwargs[f.name] = _build(kind, value)
    return cls(**kwargs)


# record class -> {field name: the record class it holds (a 1-tuple for sequences)}
_NESTED_FIELDS: dict[type, dict[str, Any]] = {
    Report: {"article": Article, "entities": (Entity,), "places": (Place,), "events": (Event,),
             "quotes": (Quote,), "attributions": (Attribution,), "flags": (Flag,), "main_events": (MainEvent,)},
    MainEvent: {"evidence": Evidence},
    Entity: {"mentions": (Mention,)},
    Place: {"candidates": (Candidate,)},
    Event: {"evidence": Evidence, "trigger": Evidence, "actor": ActorRef, "recipient": ActorRef, "place": PlaceRef},
    ActorRef: {"words": Evidence},
    Quote: {"speaker_evidence": Evidence},
    Attribution: {"evidence": Evidence, "scope": Evidence},
    Flag: {"evidence": Evidence},
}


def report_from_dict(data: dict[str, Any]) -> Report:
    """Rebuild a Report from its `to_dict()` form (the inverse of `Report.to_dict`)."""
    return _build(Report, data)
