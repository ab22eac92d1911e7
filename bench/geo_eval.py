"""Geoparser evaluation: the seed places, LGL and GeoWebNews (resolution given gold spans, and geotagging).

`main()` prints a table and writes bench/results/geo-<date>.json; `speed()` times the geo stage alone.
Gold data is read from ../shared/eval at run time and never copied into the repository.
"""
from __future__ import annotations

import json
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
RESULTS = ROOT / "bench" / "results"
ACCURACY_KM = 161.0  # 100 miles, the standard threshold of the geoparsing literature
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the error of an unresolved toponym
METHODS = ("context", "population", "first")
# GeoWebNews types that name a place with a proper name; the *_Expression types are common nouns
# ("the city"), and demonyms/languages are adjectives, which sitrep deliberately does not tag.
GWN_TOPONYM_TYPES = frozenset({"Literal", "Non_Literal_Modifier", "Metonymic", "Embedded_Non_Lit", "Mixed",
                               "Literal_Modifier", "Coercion", "Embedded_Literal", "Homonym"})


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One gold toponym: its span, and its coordinates when the corpus gives them."""

    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    counts_for_tagging: bool


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One gold article."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def load_lgl(path: Path) -> list[GoldArticle]:
    """Articles of LGL (Lieberman et al. 2010) from the Gritta et al. XML."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for top in art.iter("toponym"):
            tag = top.find("gaztag")
            lat = lon = gid = None
            if tag is not None and tag.findtext("lat"):
                lat, lon = float(tag.findtext("lat")), float(tag.findtext("lon"))
                gid = int(tag.get("geonameid")) if tag.get("geonameid") else None
            tops.append(GoldToponym(int(top.findtext("start")), int(top.findtext("end")), top.findtext("phrase") or "",
                                    lat, lon, gid, True))
        out.append(GoldArticle(art.get("docid") or str(len(out)), text, tuple(tops)))
    return out


def load_geowebnews(path: Path) -> list[GoldArticle]:
    """Articles of GeoWebNews (Gritta et al. 2019)."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for top in art.iter("toponym"):
            lat_text = top.findtext("latitude")
            lat = float(lat_text) if lat_text else None
            lon = float(top.findtext("longitude")) if lat_text else None
            gid_text = top.findtext("geonamesID")
            tops.append(GoldToponym(int(top.findtext("start")), int(top.findtext("end")),
                                    top.findtext("extractedName") or "", lat, lon,
                                    int(gid_text) if gid_text else None,
                                    (top.findtext("type") or "") in GWN_TOPONYM_TYPES))
        out.append(GoldArticle(art.get("file") or str(len(out)), text, tuple(tops)))
    return out


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    from sitrep.geodesy import haversine_km

    return haversine_km(lat1, lon1, lat2, lon2)


def error_auc(errors: list[float]) -> float:
    """Area under the curve of sorted log(1+error km), scaled by log(20039) (Gritta et al.); lower is better."""
    if len(errors) < 2:
        return 0.0
    ys = [math.log(1 + e) for e in sorted(errors)]
    area = sum((a + b) / 2 for a, b in zip(ys, ys[1:]))
    return area / ((len(ys) - 1) * math.log(MAX_ERROR_KM))


def score_resolution(articles: list[GoldArticle], gazetteer: Any) -> dict[str, Any]:
    """Accuracy@161km, mean/median error and AUC for each method, given the gold spans with coordinates."""
    from sitrep.geo import resolve_toponyms

    out: dict[str, Any] = {}
    for method in METHODS:
        errors: list[float] = []
        misses = {"gazetteer": 0, "resolver": 0}
        started = time.perf_counter()
        for art in articles:
            gold = [t for t in art.toponyms if t.lat is not None and t.end <= len(art.text)]
            if not gold:
                continue
            places = resolve_toponyms(art.text, [(t.start, t.end) for t in gold], gazetteer, method=method)
            by_span = {(p.start, p.end): p for p in places}
            for top in gold:
                place = by_span.get((top.start, top.end))
                err = MAX_ERROR_KM if place is None or place.lat is None else haversine(place.lat, place.lon, top.lat, top.lon)
                errors.append(err)
                if err > ACCURACY_KM:
                    reachable = place is not None and any(
                        haversine(c.lat, c.lon, top.lat, top.lon) <= ACCURACY_KM for c in _all_candidates(place, art, top, gazetteer))
                    misses["resolver" if reachable else "gazetteer"] += 1
        n = len(errors)
        out[method] = {
            "toponyms": n,
            "accuracy_161km": round(sum(e <= ACCURACY_KM for e in errors) / n, 4) if n else None,
            "mean_error_km": round(statistics.fmean(errors), 1) if n else None,
            "median_error_km": round(statistics.median(errors), 1) if n else None,
            "auc": round(error_auc(errors), 4),
            "misses_gazetteer": misses["gazetteer"],
            "misses_resolver": misses["resolver"],
            "seconds": round(time.perf_counter() - started, 2),
        }
    return out


def _all_candidates(place: Any, art: GoldArticle, top: GoldToponym, gazetteer: Any) -> list[Any]:
    """Every candidate record of a gold span (not only the top five kept on the Place)."""
    from sitrep.geo import find_candidates

    return list(find_candidates(art.text[top.start:top.end], top.start, top.end, gazetteer).candidates)


def score_geotagging(articles: list[GoldArticle], nlp: Any, tables: Any, gazetteer: Any) -> dict[str, Any]:
    """Precision, recall and F1 of the recognised toponym spans, exact and overlapping."""
    from sitrep import entities as entities_stage
    from sitrep.geo import find_places

    tp_exact = tp_overlap_pred = tp_overlap_gold = n_pred = n_gold = 0
    started = time.perf_counter()
    for art, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=32)):
        found = entities_stage.extract_entities(doc, tables)
        pred = {(p.start, p.end) for p in find_places(doc, found, gazetteer)}
        gold = {(t.start, t.end) for t in art.toponyms if t.counts_for_tagging}
        n_pred += len(pred)
        n_gold += len(gold)
        tp_exact += len(pred & gold)
        tp_overlap_pred += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in pred)
        tp_overlap_gold += sum(any(s < ge and gs < e for s, e in pred) for gs, ge in gold)
    return {"gold": n_gold, "predicted": n_pred, "exact": _prf(tp_exact, tp_exact, n_pred, n_gold),
            "overlap": _prf(tp_overlap_pred, tp_overlap_gold, n_pred, n_gold),
            "seconds": round(time.perf_counter() - started, 1)}


def _prf(tp_pred: int, tp_gold: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall, F1 (rounded)."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score_seed(nlp: Any, tables: Any, gazetteer: Any) -> dict[str, Any]:
    """The seed article through the geo stage: gold places resolved (id or <=161 km) and no not_places."""
    from sitrep import entities as entities_stage
    from sitrep.geo import find_places

    text = (EVAL / "seed" / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((EVAL / "seed" / "gold.json").read_text(encoding="utf-8"))
    doc = nlp(text)
    places = find_places(doc, entities_stage.extract_entities(doc, tables), gazetteer)
    rows = []
    for item in gold["places"]:
        hits = [p for p in places if _same_text(p.text, item["text"])]
        ok = any(p.geonameid == item.get("geonameid") and p.geonameid is not None or
                 (p.lat is not None and haversine(p.lat, p.lon, item["lat"], item["lon"]) <= ACCURACY_KM) for p in hits)
        best = hits[0] if hits else None
        rows.append({"text": item["text"], "found": bool(hits), "resolved": ok,
                     "geonameid": best.geonameid if best else None, "name": best.name if best else None})
    leaked = [w for w in (n.split(" (")[0] for n in gold.get("not_places", []))
              if any(w.lower() in p.text.lower() for p in places)]
    return {"gold_places": len(rows), "resolved": sum(r["resolved"] for r in rows), "places": rows,
            "not_places_leaked": leaked, "predicted": len(places)}


def _same_text(a: str, b: str) -> bool:
    """Span texts equal up to apostrophe style and case."""
    return a.replace("’", "'").lower() == b.replace("’", "'").lower()


def _load_stack() -> tuple[Any, Any, Any]:
    """spaCy with sitrep's rules, the tables and the gazetteer (no other pipeline stage is needed)."""
    from sitrep.geo import Gazetteer
    from sitrep.nlp import load_nlp
    from sitrep.tables import load_tables

    tables = load_tables()
    return load_nlp(), tables, Gazetteer.load()


def main() -> int:
    """Run every geo measurement, print the tables and write bench/results/geo-<date>.json."""
    console = Console(width=160)
    if not EVAL.exists():
        console.print(f"[red]no gold data at {EVAL}[/red]")
        return 3
    started = time.perf_counter()
    nlp, tables, gazetteer = _load_stack()
    result: dict[str, Any] = {"date": time.strftime("%Y-%m-%d"), "gazetteer": gazetteer.info()}
    result["seed"] = score_seed(nlp, tables, gazetteer)
    corpora = {"lgl": load_lgl(EVAL / "geo" / "lgl.xml"), "geowebnews": load_geowebnews(EVAL / "geo" / "geowebnews.xml")}
    for name, articles in corpora.items():
        result[name] = {"articles": len(articles), "resolution": score_resolution(articles, gazetteer),
                        "geotagging": score_geotagging(articles, nlp, tables, gazetteer)}
    result["speed"] = _speed_figures(nlp, tables, gazetteer, corpora["lgl"][:150])
    result["seconds"] = round(time.perf_counter() - started, 1)
    _print(console, result)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"geo-{result['date']}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    console.print(f"wrote {path}")
    return 0


def _speed_figures(nlp: Any, tables: Any, gazetteer: Any, articles: list[GoldArticle]) -> dict[str, Any]:
    """Time the geo stage alone (recognition + resolution) on parsed documents, and resolution on gold spans."""
    from sitrep import entities as entities_stage
    from sitrep.geo import find_places, resolve_toponyms

    docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    found = [entities_stage.extract_entities(d, tables) for d in docs]
    started = time.perf_counter()
    n_places = sum(len(find_places(d, f, gazetteer)) for d, f in zip(docs, found))
    geo_seconds = time.perf_counter() - started
    started = time.perf_counter()
    n_gold = 0
    for art in articles:
        spans = [(t.start, t.end) for t in art.toponyms]
        n_gold += len(resolve_toponyms(art.text, spans, gazetteer))
    resolve_seconds = time.perf_counter() - started
    return {"articles": len(articles), "geo_stage_ms_per_article": round(1000 * geo_seconds / len(docs), 2),
            "geo_stage_toponyms_per_s": round(n_places / geo_seconds, 1) if geo_seconds else None,
            "resolution_gold_spans_toponyms_per_s": round(n_gold / resolve_seconds, 1) if resolve_seconds else None}


def speed() -> dict[str, Any]:
    """`make bench`: the geo stage's speed on 200 LGL articles, and the gazetteer's load time."""
    console = Console(width=160)
    lgl = EVAL / "geo" / "lgl.xml"
    if not lgl.exists():
        console.print(f"[red]no LGL at {lgl}[/red]")
        return {}
    from sitrep.geo import Gazetteer

    started = time.perf_counter()
    Gazetteer.load()  # opening the cache (it is built first if missing, which this then includes)
    load_seconds = time.perf_counter() - started
    nlp, tables, gazetteer = _load_stack()
    figures = _speed_figures(nlp, tables, gazetteer, load_lgl(lgl)[:200])
    figures["gazetteer_load_s"] = round(load_seconds, 3)
    console.print(figures)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"geo-speed-{time.strftime('%Y-%m-%d')}.json").write_text(json.dumps(figures, indent=2) + "\n")
    return figures


def _print(console: Console, result: dict[str, Any]) -> None:
    """Print the seed check, the resolution table (with baselines) and the geotagging table."""
    seed = result["seed"]
    console.print(f"seed: {seed['resolved']}/{seed['gold_places']} gold places resolved; "
                  f"not_places leaked: {seed['not_places_leaked'] or 'none'}; {seed['predicted']} places predicted")
    table = Table(title="Toponym resolution given gold spans")
    for col in ("corpus", "method", "toponyms", "acc@161km", "mean km", "median km", "AUC", "miss: gazetteer", "miss: resolver"):
        table.add_column(col)
    for corpus in ("lgl", "geowebnews"):
        for method, s in result[corpus]["resolution"].items():
            table.add_row(corpus, method, str(s["toponyms"]), f"{s['accuracy_161km']:.3f}", f"{s['mean_error_km']:.0f}",
                          f"{s['median_error_km']:.1f}", f"{s['auc']:.3f}", str(s["misses_gazetteer"]), str(s["misses_resolver"]))
    console.print(table)
    table = Table(title="Geotagging (span recognition)")
    for col in ("corpus", "gold", "predicted", "P exact", "R exact", "F1 exact", "P overlap", "R overlap", "F1 overlap"):
        table.add_column(col)
    for corpus in ("lgl", "geowebnews"):
        g = result[corpus]["geotagging"]
        table.add_row(corpus, str(g["gold"]), str(g["predicted"]), *(f"{g[k][m]:.3f}" for k in ("exact", "overlap")
                                                                    for m in ("precision", "recall", "f1")))
    console.print(table)
    console.print(f"speed: {result['speed']}")


if __name__ == "__main__":
    sys.exit(main())
