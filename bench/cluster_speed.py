"""Incremental clusters: the clustering step after ingesting N new articles, in stores of growing size.

    python -m bench.cluster_speed [--sizes 1000 5000 20000] [--new 50] [--base 40] [--repeat 3]

The events are real: `--base` real articles from ../shared are analysed once; every synthetic
article copies one of them (its events, places and precision) to another day in a year, with its
places moved up to ~10 km, and one in ten repeats an earlier synthetic article (same day and place,
its own near-duplicate group) so clusters form as in real feeds. For each store size (event rows)
the store is clustered, then `--new` fresh articles are stored and the update is timed; a rebuild
from scratch is timed beside it. Figures go to bench/results/cluster-incremental-<date>.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

from bench.ingest_speed import real_articles
from bench.speed import ROOT


def base_rows(n: int) -> list[dict[str, Any]]:
    """Real reports of `n` articles as stored rows: the article, its events and its places."""
    from sitrep.pipeline import load_pipeline
    from sitrep.store.schema import connect
    from sitrep.store.writer import write_reports

    reports = [r for r in load_pipeline().analyze_many(real_articles(n)) if r.events]
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "base.duckdb")
        write_reports(con, reports)
        out = []
        for (sha,) in con.execute("SELECT sha FROM articles ORDER BY sha").fetchall():
            out.append({table: _dicts(con, f"SELECT * FROM {table} WHERE {key} = ?", [sha])
                        for table, key in (("articles", "sha"), ("events", "article_sha"), ("places", "article_sha"))})
        con.close()
    return out


def _dicts(con: Any, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """Rows of a query as dicts."""
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def synthetic_articles(base: Sequence[dict[str, Any]], start: int, count: int, rng: random.Random,
                       made: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`count` articles copied from real ones onto other days and nearby places; ~10 % repeat earlier ones."""
    vocab = [f"w{i}" for i in range(5000)]
    out = []
    for i in range(start, start + count):
        if made and rng.random() < 0.1:  # another outlet's report of the same events
            origin, shift, dlat, dlon = rng.choice(made)["how"]
        else:
            origin, shift, dlat, dlon = rng.randrange(len(base)), rng.randrange(365), rng.uniform(-.08, .08), rng.uniform(-.08, .08)
        src = base[origin]
        sha = hashlib.sha256(f"synthetic-{i}".encode()).hexdigest()
        art = dict(src["articles"][0], sha=sha, id=f"syn-{i}", source=f"outlet{rng.randrange(40)}",
                   text=" ".join(rng.choices(vocab, k=80)))
        art["day"] = (art["day"] or dt.date(2024, 1, 1)) + dt.timedelta(days=shift)
        events = [dict(e, article_sha=sha, day=(e["day"] + dt.timedelta(days=shift)) if e["day"] else None,
                       lat=e["lat"] + dlat if e["lat"] is not None else None,
                       lon=e["lon"] + dlon if e["lon"] is not None else None) for e in src["events"]]
        places = [dict(p, article_sha=sha) for p in src["places"]]
        out.append({"how": (origin, shift, dlat, dlon), "articles": [art], "events": events, "places": places})
    made += out
    return out


def store(con: Any, articles: Sequence[dict[str, Any]]) -> None:
    """Append synthetic articles in one transaction, as `write_reports` does."""
    from sitrep.store.writer import insert_rows

    con.execute("BEGIN TRANSACTION")
    for table in ("articles", "events", "places"):
        insert_rows(con, table, [row for a in articles for row in a[table]])
    con.execute("COMMIT")


def run_size(base: Sequence[dict[str, Any]], events: int, new: int, repeat: int, seed: int) -> dict[str, Any]:
    """Seconds of the clustering step after storing `new` articles into a store of about `events` events."""
    from sitrep.corpus.cluster import recluster_store
    from sitrep.store.schema import connect

    rng = random.Random(seed)
    per_article = statistics.mean(len(b["events"]) for b in base)
    made: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "c.duckdb")
        store(con, synthetic_articles(base, 0, round(events / per_article), rng, made))
        started = time.perf_counter()
        recluster_store(con)  # the store as it stands (hashes every synthetic text once)
        first_s = time.perf_counter() - started
        stored = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        updates, totals = [], []
        for r in range(repeat):
            store(con, synthetic_articles(base, len(made), new, rng, made))
            updates.append(_timed_update(con))
            totals.append(_timed(lambda: recluster_store(con)))  # nothing new left: groups only
        started = time.perf_counter()
        recluster_store(con, rebuild=True)
        rebuild_s = time.perf_counter() - started
        clusters = con.execute("SELECT count(*), count(*) FILTER (WHERE num_articles > 1) FROM clusters").fetchall()[0]
        con.close()
    return {"store_events": stored, "new_articles": new, "new_events_per_update": round(new * per_article),
            "update_cluster_s": round(statistics.median(u["cluster_s"] for u in updates), 4),
            "update_neardup_s": round(statistics.median(u["neardup_s"] for u in updates), 4),
            "update_total_s": round(statistics.median(u["total_s"] for u in updates), 4),
            "neardup_candidates": round(statistics.median(u["candidates"] for u in updates)),
            "anchors_loaded": round(statistics.median(u["anchors"] for u in updates)),
            "rebuild_s": round(rebuild_s, 3), "first_cluster_s": round(first_s, 3),
            "clusters": clusters[0], "multi_article_clusters": clusters[1]}


def _timed_update(con: Any) -> dict[str, float]:
    """Time recluster_store, and inside it the near-duplicate step and the event-clustering step alone."""
    from sitrep.corpus import cluster_store, neardup_store
    from sitrep.corpus.cluster import recluster_store

    seen: dict[str, float] = {}
    real_update, real_anchors = cluster_store.update_clusters, cluster_store.anchors_near
    real_neardup = neardup_store.update_near_duplicates

    def neardup(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            found = real_neardup(*args, **kwargs)
            seen["candidates"] = found.candidates
            return found
        finally:
            seen["neardup_s"] = time.perf_counter() - started

    def update(*args: Any, **kwargs: Any) -> int:
        started = time.perf_counter()
        try:
            return real_update(*args, **kwargs)
        finally:
            seen["cluster_s"] = time.perf_counter() - started

    def anchors(*args: Any, **kwargs: Any) -> list[Any]:
        found = real_anchors(*args, **kwargs)
        seen["anchors"] = len(found)
        return found

    cluster_store.update_clusters, cluster_store.anchors_near = update, anchors
    neardup_store.update_near_duplicates = neardup
    try:
        seen["total_s"] = _timed(lambda: recluster_store(con))
    finally:
        cluster_store.update_clusters, cluster_store.anchors_near = real_update, real_anchors
        neardup_store.update_near_duplicates = real_neardup
    return seen


def _timed(fn: Any) -> float:
    """Seconds one call takes."""
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Time updates at each store size, print them and write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--new", type=int, default=50, help="articles stored before each timed update")
    parser.add_argument("--base", type=int, default=40, help="real articles analysed for event templates")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    base = base_rows(args.base)
    rows = []
    for n in args.sizes:
        rows.append(run_size(base, n, args.new, args.repeat, seed=n))
        print(rows[-1])
    result = {"bench": "cluster-incremental", "date": dt.date.today().isoformat(), "cpus": os.cpu_count(),
              "real_base_articles": len(base), "base_events": sum(len(b["events"]) for b in base), "runs": rows,
              "update_ratio_largest_to_smallest": round(rows[-1]["update_cluster_s"] / rows[0]["update_cluster_s"], 2),
              "neardup_ratio_largest_to_smallest": round(rows[-1]["update_neardup_s"] / rows[0]["update_neardup_s"], 2),
              "total_ratio_largest_to_smallest": round(rows[-1]["update_total_s"] / rows[0]["update_total_s"], 2)}
    out = ROOT / "bench" / "results" / f"cluster-incremental-{result['date']}.json"
    out.write_text(json.dumps(result, indent=2, default=str) + "\n")
    print(f"wrote {out}", file=sys.stderr)
    return result


if __name__ == "__main__":
    main()
