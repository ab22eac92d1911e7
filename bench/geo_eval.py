"""Geoparser evaluation: the seed places, LGL and GeoWebNews, and the front-line sentence set.

For each corpus and each half (tune: even article index, report: odd), three figures:
* resolution given the gold spans (accuracy@161km, errors, AUC, with population and first-candidate
  baselines);
* geotagging: recognised spans against gold spans (exact and overlapping);
* end to end (recognition + resolution, no gold spans): an emitted place is right when it overlaps a
  gold toponym and lies within 161 km of it; a gold toponym is found when such a place exists.
  Gold toponyms without coordinates are not counted, nor are places that overlap only those.

`main()` prints the tables and writes bench/results/geo-<date>.json; `speed()` times the geo stage alone.
"""
from __future__ import annotations

import hashlib
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bench.geo_gold import (ACCURACY_KM, EVAL, HALVES, MAX_ERROR_KM, GoldArticle, error_auc, haversine, load_corpora,
                            load_lgl, prf, split_halves)

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
METHODS = ("context", "population", "first")


def score_resolution(articles: list[GoldArticle], gazetteer: Any) -> dict[str, Any]:
    """Accuracy@161km, mean/median error and AUC for each method, given the gold spans with coordinates."""
    from sitrep.geo import find_candidates, resolve_toponyms

    out: dict[str, Any] = {}
    for method in METHODS:
        errors: list[float] = []
        misses = {"gazetteer": 0, "resolver": 0}
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
                    candidates = find_candidates(art.text[top.start:top.end], top.start, top.end, gazetteer).candidates
                    reachable = any(haversine(c.lat, c.lon, top.lat, top.lon) <= ACCURACY_KM for c in candidates)
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
        }
    return out


def parse_articles(name: str, articles: list[GoldArticle], nlp: Any) -> list[Any]:
    """spaCy docs of the articles, kept in $SITREP_CACHE between runs (keyed by model and texts)."""
    from spacy.tokens import DocBin

    from sitrep.geo.build import default_cache_path

    digest = hashlib.sha256((nlp.meta.get("name", "") + nlp.meta.get("version", "") + "".join(nlp.pipe_names)).encode())
    for art in articles:
        digest.update(art.text.encode())
    path = default_cache_path().parent / f"eval-docs-{name}-{digest.hexdigest()[:12]}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=True).to_disk(path)
    return docs


def predict_places(docs: list[Any], tables: Any, gazetteer: Any) -> list[tuple[Any, ...]]:
    """The geo stage's places for each parsed document (entities first, as the pipeline does)."""
    from sitrep import entities as entities_stage
    from sitrep.geo import find_places

    return [find_places(doc, entities_stage.extract_entities(doc, tables), gazetteer) for doc in docs]


def score_recognition(articles: list[GoldArticle], predictions: list[tuple[Any, ...]]) -> dict[str, Any]:
    """Geotagging P/R/F1 (exact and overlapping spans) and end-to-end P/R/F1 (overlap and within 161 km)."""
    tp_exact = tp_ov_pred = tp_ov_gold = n_pred = n_gold = 0
    e2e_tp_pred = e2e_tp_gold = e2e_pred = e2e_gold = 0
    for art, places in zip(articles, predictions):
        tagged = [t for t in art.toponyms if t.counts_for_tagging]
        gold = {(t.start, t.end) for t in tagged}
        pred = {(p.start, p.end) for p in places}
        n_pred, n_gold = n_pred + len(pred), n_gold + len(gold)
        tp_exact += len(pred & gold)
        tp_ov_pred += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in pred)
        tp_ov_gold += sum(any(s < ge and gs < e for s, e in pred) for gs, ge in gold)
        located = [t for t in tagged if t.lat is not None]
        for place in places:
            overlapped = [t for t in tagged if place.start < t.end and t.start < place.end]
            if overlapped and not any(t.lat is not None for t in overlapped):
                continue  # the gold gives no point to check it against
            e2e_pred += 1
            e2e_tp_pred += any(_within(place, t) for t in overlapped)
        e2e_gold += len(located)
        e2e_tp_gold += sum(any(p.start < t.end and t.start < p.end and _within(p, t) for p in places) for t in located)
    return {"geotagging": {"gold": n_gold, "predicted": n_pred, "exact": prf(tp_exact, tp_exact, n_pred, n_gold),
                           "overlap": prf(tp_ov_pred, tp_ov_gold, n_pred, n_gold)},
            "end_to_end": {"gold": e2e_gold, "predicted": e2e_pred, **prf(e2e_tp_pred, e2e_tp_gold, e2e_pred, e2e_gold)}}


def _within(place: Any, top: Any) -> bool:
    """True when the place has a point within 161 km of the gold toponym's."""
    return place.lat is not None and top.lat is not None and haversine(place.lat, place.lon, top.lat, top.lon) <= ACCURACY_KM


def score_seed(nlp: Any, tables: Any, gazetteer: Any) -> dict[str, Any]:
    """The seed article through the geo stage: gold places resolved (id or <=161 km) and no not_places."""
    text = (EVAL / "seed" / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((EVAL / "seed" / "gold.json").read_text(encoding="utf-8"))
    places = predict_places([nlp(text)], tables, gazetteer)[0]
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

    return load_nlp(), load_tables(), Gazetteer.load()


def score_corpus(name: str, articles: list[GoldArticle], nlp: Any, tables: Any, gazetteer: Any) -> dict[str, Any]:
    """Resolution, geotagging and end-to-end figures for each half of one corpus."""
    predictions = predict_places(parse_articles(name, articles, nlp), tables, gazetteer)
    out: dict[str, Any] = {"articles": len(articles)}
    for half, indexes in split_halves(articles).items():
        subset = [articles[i] for i in indexes]
        out[half] = {"articles": len(subset), "resolution": score_resolution(subset, gazetteer),
                     **score_recognition(subset, [predictions[i] for i in indexes])}
    return out


def main(argv: list[str] | None = None) -> int:
    """Run every geo measurement, print the tables and write bench/results/geo-<date>.json."""
    from bench.geo_frontline import score_frontline

    console = Console(width=160)
    if not EVAL.exists():
        console.print(f"[red]no gold data at {EVAL}[/red]")
        return 3
    started = time.perf_counter()
    nlp, tables, gazetteer = _load_stack()
    result: dict[str, Any] = {"date": time.strftime("%Y-%m-%d"), "gazetteer": gazetteer.info()}
    result["seed"] = score_seed(nlp, tables, gazetteer)
    corpora = load_corpora()
    for name, articles in corpora.items():
        result[name] = score_corpus(name, articles, nlp, tables, gazetteer)
    result["frontline"] = score_frontline(nlp, tables, gazetteer)
    if "--no-speed" not in (argv if argv is not None else sys.argv[1:]):
        result["speed"] = _speed_figures(nlp, tables, gazetteer, corpora["lgl"][:150])
    result["seconds"] = round(time.perf_counter() - started, 1)
    _print(console, result)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = Path(os.environ.get("SITREP_GEO_RESULT") or RESULTS / f"geo-{result['date']}.json")
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
        n_gold += len(resolve_toponyms(art.text, [(t.start, t.end) for t in art.toponyms], gazetteer))
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
    """Print the seed check, then per corpus and half: resolution, geotagging and end-to-end tables."""
    seed = result["seed"]
    console.print(f"seed: {seed['resolved']}/{seed['gold_places']} gold places resolved; "
                  f"not_places leaked: {seed['not_places_leaked'] or 'none'}; {seed['predicted']} places predicted")
    table = Table(title="Toponym resolution given gold spans")
    for col in ("corpus", "half", "method", "toponyms", "acc@161km", "mean km", "median km", "AUC", "miss: gaz", "miss: res"):
        table.add_column(col)
    for corpus in ("lgl", "geowebnews"):
        for half in HALVES:
            for method, s in result[corpus][half]["resolution"].items():
                table.add_row(corpus, half, method, str(s["toponyms"]), f"{s['accuracy_161km']:.3f}",
                              f"{s['mean_error_km']:.0f}", f"{s['median_error_km']:.1f}", f"{s['auc']:.3f}",
                              str(s["misses_gazetteer"]), str(s["misses_resolver"]))
    console.print(table)
    table = Table(title="Recognition: geotagging (exact / overlap) and end to end (overlap + 161 km)")
    for col in ("corpus", "half", "gold", "pred", "F1 exact", "F1 overlap", "E2E P", "E2E R", "E2E F1"):
        table.add_column(col)
    for corpus in ("lgl", "geowebnews"):
        for half in HALVES:
            g, e = result[corpus][half]["geotagging"], result[corpus][half]["end_to_end"]
            table.add_row(corpus, half, str(g["gold"]), str(g["predicted"]), f"{g['exact']['f1']:.3f}",
                          f"{g['overlap']['f1']:.3f}", f"{e['precision']:.3f}", f"{e['recall']:.3f}", f"{e['f1']:.3f}")
    console.print(table)
    front = result["frontline"]
    console.print(f"front line: {front.get('summary')}")
    if "speed" in result:
        console.print(f"speed: {result['speed']}")


if __name__ == "__main__":
    sys.exit(main())
