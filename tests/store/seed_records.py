"""Reports built by hand from the seed article's real sentences and the gold's real coordinates.

The extraction stages are built in parallel, so store, export and cluster tests use records whose
values come from ../shared/eval/seed/gold.json (places, event types, evidence) rather than from
whatever the pipeline extracts today.
"""
from __future__ import annotations

from pathlib import Path

from sitrep.records import ActorRef, Article, Entity, Event, Evidence, Mention, Place, PlaceRef, Report

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "eval" / "seed" / "article.txt"

# Gold coordinates (../shared/eval/seed/gold.json); Seversk (Tomsk) from GeoNames 1538637
KRAMATORSK = ("Kramatorsk", 704508, 48.73106, 37.56779, "UA", "UA.05")
SLOVIANSK = ("Sloviansk", 693468, 48.84974, 37.59739, "UA", "UA.05")
SEVSK = ("Sevsk", 496246, 52.14904, 34.49347, "RU", "RU.10")


def span(text: str, phrase: str) -> Evidence:
    """Evidence for the first occurrence of a phrase (the test fails loudly when it is absent)."""
    start = text.index(phrase)
    return Evidence(start, start + len(phrase), phrase)


def place(text: str, written: str, gold: tuple) -> Place:
    """A resolved Place at the first occurrence of `written`."""
    ev = span(text, written)
    name, gid, lat, lon, country, admin1 = gold
    return Place(text=written, start=ev.start, end=ev.end, geonameid=gid, name=name, lat=lat, lon=lon,
                 country=country, admin1=admin1, precision="city", feature="PPL", score=0.9)


def event(text: str, idx: int, type_: str, evidence: str, trigger: str, gold: tuple | None,
          actor: ActorRef | None = None, date: str | None = None, cameo: str | None = None) -> Event:
    """An Event whose evidence and trigger are real spans of `text`."""
    ev = span(text, evidence)
    trig_start = text.index(trigger, ev.start)
    ref = None
    if gold:
        p = span(text, gold[0])
        ref = PlaceRef(text=gold[0], geonameid=gold[1], lat=gold[2], lon=gold[3], start=p.start, end=p.end)
    return Event(id=f"ev{idx}", type=type_, evidence=ev, trigger=Evidence(trig_start, trig_start + len(trigger), trigger),
                 actor=actor, place=ref, date=date, cameo=cameo, quad_class=4 if type_ == "ASSAULT" else 2,
                 goldstein=-9.0 if type_ == "ASSAULT" else 3.0, modality="asserted", confidence=0.8)


def seed_report(text: str, source: str, date: str) -> Report:
    """The seed article with three gold events (Sevsk seizure, Sloviansk and Kramatorsk mobilisation)."""
    article = Article.from_text(text, source=source, date=date, title="Putin calls frontline commanders",
                                url=f"https://{source}/putin-calls")
    russia = ActorRef(text="Russia", country="RUS", sector="MIL")
    ukraine = ActorRef(text="Ukrainian forces", country="UKR", sector="MIL")
    putin = span(text, "Vladimir Putin")
    return Report(
        article=article,
        entities=(Entity(id="e1", text="Vladimir Putin", type="PERSON", country="RUS", sector="GOV",
                         mentions=(Mention(putin.start, putin.end, putin.text),)),),
        places=(place(text, "Sevsk", SEVSK), place(text, "Sloviansk", SLOVIANSK), place(text, "Kramatorsk", KRAMATORSK)),
        events=(
            event(text, 0, "ASSAULT", "the recent seizure of Sevsk", "seizure", SEVSK, russia, cameo="190"),
            event(text, 1, "MOBILIZE", "preparations are intensifying in Sloviansk", "preparations", SLOVIANSK,
                  ukraine, cameo="150"),
            event(text, 2, "MOBILIZE", "preparations are intensifying in Sloviansk and Kramatorsk", "preparations",
                  KRAMATORSK, ukraine, cameo="150"),
        ),
    )


