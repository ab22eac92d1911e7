"""Score a Report against a gold annotation in the format of shared/eval/README.md, section by section."""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from sitrep.errors import BadInputError
from sitrep.geodesy import haversine_km
from sitrep.records import Entity, Place, PlaceRef, Report

ACCURACY_KM = 161.0  # accuracy@161km, the geoparsing literature's standard threshold


@dataclass
class SectionScore:
    """Counts and details for one section of the report."""

    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    attributes: dict[str, list[int]] = field(default_factory=dict)  # attribute -> [correct, total]
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of predictions that match gold (1.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of required gold items found (1.0 when gold has none)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def check(self, attribute: str, ok: bool) -> None:
        """Record whether one attribute of a matched item is right."""
        counts = self.attributes.setdefault(attribute, [0, 0])
        counts[0] += int(ok)
        counts[1] += 1

    def to_dict(self) -> dict[str, Any]:
        """JSON form with the derived scores."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "attributes": {k: {"correct": c, "total": t, "accuracy": round(c / t, 4) if t else None}
                               for k, (c, t) in self.attributes.items()},
                "misses": self.misses, "false_alarms": self.false_alarms}


def norm(text: str | None) -> str:
    """Normalise a surface string for matching: case, curly quotes, leading article, spacing."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").casefold().strip()
    text = re.sub(r"^(the|a|an)\s+", "", text)
    return re.sub(r"\s+", " ", text).strip(" .,;:")



def _required(item: dict[str, Any]) -> bool:
    """Gold items count as misses unless marked `"required": false`."""
    return item.get("required", True) is not False


def _entity_names(entity: Entity) -> set[str]:
    """Every normalised surface form of an entity."""
    return {norm(entity.text), *(norm(m.text) for m in entity.mentions)}


def _names_match(gold: str | None, predicted: str | None, entities: dict[str, Entity], entity_id: str | None) -> bool:
    """A gold actor string matches a predicted one directly or through the linked entity's mentions."""
    g = norm(gold)
    if not g:
        return not predicted
    names = {norm(predicted)}
    if entity_id and entity_id in entities:
        names |= _entity_names(entities[entity_id])
    return g in names or any(g and n and (g in n or n in g) for n in names)


def score_entities(gold: list[dict[str, Any]], report: Report) -> SectionScore:
    """Entities match by any surface form; type, rank, role, country and sector are checked on matches."""
    s = SectionScore("entities")
    matched: set[str] = set()
    for g in gold:
        hit = next((e for e in report.entities if norm(g["text"]) in _entity_names(e)), None)
        if hit is None:
            if _required(g):
                s.fn += 1
                s.misses.append(f"{g['text']} ({g.get('type')})")
            continue
        s.tp += 1
        matched.add(hit.id)
        s.check("type", hit.type == g.get("type"))
        for attr in ("rank", "country", "sector"):
            if g.get(attr):
                s.check(attr, norm(getattr(hit, attr)) == norm(g[attr]))
        if g.get("role"):
            s.check("role", norm(g["role"]) in norm(hit.role) or (bool(hit.role) and norm(hit.role) in norm(g["role"])))
    for e in report.entities:
        if e.id not in matched:
            s.fp += 1
            s.false_alarms.append(f"{e.text} ({e.type})")
    return s


def score_places(gold: list[dict[str, Any]], not_places: list[str], report: Report) -> SectionScore:
    """Places match by surface form; resolved when geonameid matches or within 161 km."""
    s = SectionScore("places")
    predicted: dict[str, list[Any]] = {}
    for p in report.places:
        predicted.setdefault(norm(p.text), []).append(p)
    gold_names = {norm(g["text"]) for g in gold}
    for g in gold:
        hits = predicted.get(norm(g["text"]), [])
        if not hits:
            s.fn += 1
            s.misses.append(g["text"])
            continue
        s.tp += 1
        for p in hits:
            ok = (g.get("geonameid") is not None and p.geonameid == g["geonameid"]) or (
                p.lat is not None and g.get("lat") is not None
                and haversine_km(p.lat, p.lon, g["lat"], g["lon"]) <= ACCURACY_KM)
            s.check("resolved@161km", ok)
            if g.get("admin1"):
                s.check("admin1", p.admin1 == g["admin1"])
    for name, hits in predicted.items():
        if name not in gold_names:
            s.fp += 1
            s.false_alarms.append(hits[0].text)
    bad = {norm(re.sub(r"\s*\(.*\)$", "", n)) for n in not_places}
    s.attributes["not_places_emitted"] = [sum(1 for n in predicted if n in bad), len(bad)]
    return s


def _place_matches(gold: str | None, place: PlaceRef | None, places: tuple[Place, ...]) -> bool:
    """A gold event place matches the place's words, its name, or how the article writes the same GeoNames
    place elsewhere ("Russia" for "Russian territory"), as actors match through their entity's mentions."""
    if place is None:
        return norm(gold) == norm(None)
    written = {norm(p.text) for p in places if place.geonameid is not None and p.geonameid == place.geonameid}
    return norm(gold) in {norm(place.text), norm(place.label()), *written}


def score_events(gold: list[dict[str, Any]], report: Report) -> SectionScore:
    """Events match by type (or an allowed alternative) and evidence; roles, place and modality are checked."""
    s = SectionScore("events")
    entities = {e.id: e for e in report.entities}
    used: set[str] = set()
    for g in gold:
        types = {g["type"], *g.get("alt_types", [])}
        evidence = norm(g.get("evidence"))
        candidates = [ev for ev in report.events if ev.type in types and ev.id not in used
                      and (not evidence or evidence in norm(ev.evidence.text) or norm(ev.trigger.text) in evidence)]
        # prefer the candidate whose roles and place agree with gold: several events may share a sentence
        candidates.sort(key=lambda ev: -(
            _names_match(g.get("actor"), ev.actor.text if ev.actor else None, entities, ev.actor.entity_id if ev.actor else None)
            + _names_match(g.get("recipient"), ev.recipient.text if ev.recipient else None, entities,
                           ev.recipient.entity_id if ev.recipient else None)
            + _place_matches(g.get("place"), ev.place, report.places)))
        if not candidates:
            if _required(g):
                s.fn += 1
                s.misses.append(f"{g['type']}: {g.get('evidence')}")
            continue
        ev = candidates[0]
        used.add(ev.id)
        s.tp += 1
        s.check("type_exact", ev.type == g["type"])
        if g.get("mode"):
            s.check("mode", ev.mode == g["mode"])
        if "actor" in g:
            s.check("actor", _names_match(g["actor"], ev.actor.text if ev.actor else None, entities,
                                          ev.actor.entity_id if ev.actor else None))
        if "recipient" in g:
            s.check("recipient", _names_match(g["recipient"], ev.recipient.text if ev.recipient else None,
                                              entities, ev.recipient.entity_id if ev.recipient else None))
        if "place" in g:
            s.check("place", _place_matches(g["place"], ev.place, report.places))
        if g.get("modality"):
            s.check("modality", ev.modality == g["modality"])
        if g.get("attributed_to"):
            s.check("attributed_to", {norm(x) for x in g["attributed_to"]} <= {norm(x) for x in ev.attributed_to})
    s.fp = len(report.events) - len(used)
    s.false_alarms = [f"{ev.type}: {ev.trigger.text}" for ev in report.events if ev.id not in used]
    return s


def score_quotes(gold: list[dict[str, Any]], report: Report) -> SectionScore:
    """Quotes match by text containment either way; the speaker is checked."""
    s = SectionScore("quotes")
    used: set[int] = set()
    for g in gold:
        gt = norm(g["text"])
        hit = next((i for i, q in enumerate(report.quotes) if i not in used and (gt in norm(q.text) or norm(q.text) in gt)
                    and norm(q.text)), None)
        if hit is None:
            s.fn += 1
            s.misses.append(g["text"][:60])
            continue
        used.add(hit)
        s.tp += 1
        s.check("speaker", norm(report.quotes[hit].speaker) == norm(g.get("speaker")))
    s.fp = len(report.quotes) - len(used)
    s.false_alarms = [q.text[:60] for i, q in enumerate(report.quotes) if i not in used]
    return s


def score_attributions(gold: list[dict[str, Any]], report: Report) -> SectionScore:
    """Attributions match by overlapping evidence; chain, anonymity and hedging are checked."""
    s = SectionScore("attributions")
    used: set[int] = set()
    for g in gold:
        ge = norm(g.get("evidence"))
        hit = next((i for i, a in enumerate(report.attributions) if i not in used
                    and (ge in norm(a.evidence.text) or norm(a.evidence.text) in ge)), None)
        if hit is None:
            s.fn += 1
            s.misses.append(g.get("evidence", "")[:60])
            continue
        a = report.attributions[hit]
        used.add(hit)
        s.tp += 1
        s.check("chain", [norm(x) for x in g.get("chain", [])] == [norm(x) for x in a.chain])
        s.check("anonymous", bool(g.get("anonymous", False)) == a.anonymous)
        s.check("hedged", bool(g.get("hedged", False)) == a.hedged)
    s.fp = len(report.attributions) - len(used)
    s.false_alarms = [a.evidence.text[:60] for i, a in enumerate(report.attributions) if i not in used]
    return s


def score_flags(gold: list[dict[str, Any]], report: Report) -> SectionScore:
    """Flags match by kind and by the place(s) or evidence they concern."""
    s = SectionScore("flags")
    used: set[int] = set()
    for g in gold:
        targets = [norm(x) for x in ([g["place"]] if g.get("place") else g.get("places", []))]
        ge = norm(g.get("evidence"))

        def concerns(f: Any) -> bool:
            """True when the flag names the gold's places, or its evidence overlaps the gold's."""
            texts = {norm(p) for p in f.places} | {norm(f.evidence.text)}
            if targets:
                return all(any(t == x or t in x for x in texts) for t in targets)
            return bool(ge) and (ge in norm(f.evidence.text) or norm(f.evidence.text) in ge)

        hit = next((i for i, f in enumerate(report.flags) if i not in used and f.kind == g["kind"] and concerns(f)), None)
        if hit is None:
            if _required(g):
                s.fn += 1
                s.misses.append(f"{g['kind']}: {g.get('place') or g.get('places') or g.get('evidence')}")
            continue
        used.add(hit)
        s.tp += 1
    s.fp = len(report.flags) - len(used)
    s.false_alarms = [f"{f.kind}: {f.evidence.text[:50]}" for i, f in enumerate(report.flags) if i not in used]
    return s


def score_report(gold: dict[str, Any], report: Report) -> dict[str, SectionScore]:
    """Score every section the gold file has."""
    sections = {
        "entities": lambda: score_entities(gold["entities"], report),
        "places": lambda: score_places(gold["places"], gold.get("not_places", []), report),
        "events": lambda: score_events(gold["events"], report),
        "quotes": lambda: score_quotes(gold["quotes"], report),
        "attributions": lambda: score_attributions(gold["attributions"], report),
        "flags": lambda: score_flags(gold["flags"], report),
    }
    return {name: run() for name, run in sections.items() if name in gold}


def evaluate_gold_file(gold_path: Path, article_path: Path | None = None, pipeline: Any = None) -> dict[str, Any]:
    """Analyse the gold's article with sitrep and score the report; returns a JSON-ready result."""
    from sitrep.ingest.text import read_article
    from sitrep.pipeline import load_pipeline

    try:
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BadInputError(f"cannot read gold file {gold_path}: {exc}") from exc
    if not isinstance(gold, dict):
        raise BadInputError(f"{gold_path} is not a gold annotation object (see shared/eval/README.md)")
    if article_path is None:
        if not gold.get("file"):
            raise BadInputError("the gold file names no article ('file'); pass --article")
        article_path = Path(gold_path).parent / gold["file"]
    article = read_article(article_path, id=gold.get("id"), date=gold.get("date"))
    report = (pipeline or load_pipeline()).analyze(article)
    scores = score_report(gold, report)
    return {"gold": str(gold_path), "id": gold.get("id"), "article": str(article_path),
            "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "sections": {name: sc.to_dict() for name, sc in scores.items()}}


def print_scores(result: dict[str, Any], console: Console) -> None:
    """Print the per-section table, attribute accuracies, misses and false alarms."""
    t = Table(title=f"sitrep eval: {result['id']}")
    for col in ("section", "tp", "fp", "fn", "precision", "recall", "F1", "attributes (correct/total)"):
        t.add_column(col)
    for name, sc in result["sections"].items():
        attrs = ", ".join(f"{k} {v['correct']}/{v['total']}" for k, v in sc["attributes"].items())
        t.add_row(name, str(sc["tp"]), str(sc["fp"]), str(sc["fn"]), f"{sc['precision']:.2f}",
                  f"{sc['recall']:.2f}", f"{sc['f1']:.2f}", attrs)
    console.print(t)
    for name, sc in result["sections"].items():
        if sc["misses"]:
            console.print(f"[yellow]{name} missed:[/yellow] " + "; ".join(sc["misses"]), highlight=False)
        if sc["false_alarms"]:
            console.print(f"[yellow]{name} extra:[/yellow] " + "; ".join(sc["false_alarms"]), highlight=False)


def write_scores(result: dict[str, Any], out_dir: Path) -> Path:
    """Write the result as bench/results/eval-<id>.json and return the path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^\w.-]+", "_", str(result.get("id") or "gold"))
    path = out_dir / f"eval-{safe}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
