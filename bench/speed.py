"""Speed bench: articles/s of the full sitrep pipeline against bare spaCy (same model, same texts).

Runs on the 788 news articles of ../shared/eval/geo (LGL + GeoWebNews, through the XML adapter)
and the 84 Zelensky addresses (JSONL), prints a table and writes bench/results/speed-<date>.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = {
    "lgl": SHARED / "eval" / "geo" / "lgl.xml",
    "geowebnews": SHARED / "eval" / "geo" / "geowebnews.xml",
    "zelensky": SHARED / "corpus" / "zelensky_addresses_2022_en.jsonl",
}
# 200 per corpus (484 articles) keeps `make bench` near 7 minutes on 2 busy cores; --limit 0 runs all 872
DEFAULT_LIMIT = 200
WARMUP = 3  # first texts run untimed: lazy initialisation is not throughput


def load_corpora(limit: int | None) -> dict[str, list[Any]]:
    """Articles per corpus through sitrep's own readers (at most `limit` per corpus)."""
    from sitrep.ingest.sources import SourceOptions, iter_articles
    from sitrep.records import Article

    out: dict[str, list[Any]] = {}
    for name, path in CORPORA.items():
        if not path.exists():
            print(f"skipping {name}: {path} not found", file=sys.stderr)
            continue
        # the language check is off: these corpora are English and the bench must time the same texts each run
        articles = [a for a in iter_articles([str(path)], SourceOptions(language_check=False)) if isinstance(a, Article)]
        out[name] = articles[:limit] if limit else articles
    return out


def peak_rss_mb(workers: int = 1) -> dict[str, float | None]:
    """Peak resident memory of this process and, with workers, of the largest spaCy worker, in MB.

    A forked child starts with its parent's pages counted, so the children figure only means
    something when there are worker processes.
    """
    scale = 1 / 1024 if sys.platform != "darwin" else 1 / (1024 * 1024)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale if workers > 1 else None
    return {"self": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale, 1),
            "largest_worker": round(children, 1) if children is not None else None}


def time_bare(nlp: Any, texts: Sequence[str], batch_size: int, workers: int) -> float:
    """Seconds for bare spaCy to parse the texts with nlp.pipe."""
    for _ in nlp.pipe(texts[:WARMUP]):
        pass
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
        pass
    return time.perf_counter() - start


def time_full(pipeline: Any, articles: Sequence[Any], batch_size: int, workers: int) -> tuple[float, dict[str, int]]:
    """Seconds for the full pipeline over the articles, and the totals it extracted."""
    for _ in pipeline.analyze_many(articles[:WARMUP]):
        pass
    totals = {"entities": 0, "places": 0, "events": 0, "quotes": 0, "flags": 0}
    start = time.perf_counter()
    for report in pipeline.analyze_many(articles, batch_size=batch_size, n_process=workers):
        for key in totals:
            totals[key] += len(getattr(report, key))
    return time.perf_counter() - start, totals


def run(limit: int | None, workers: int, batch_size: int) -> dict[str, Any]:
    """Measure both pipelines on every corpus and return the figures."""
    import spacy

    from sitrep.nlp import MODEL_NAME
    from sitrep.pipeline import load_pipeline

    corpora = load_corpora(limit)
    t0 = time.perf_counter()
    bare = spacy.load(MODEL_NAME)
    bare_load = time.perf_counter() - t0
    rows: dict[str, Any] = {}
    for name, articles in corpora.items():
        texts = [a.text for a in articles]
        seconds = time_bare(bare, texts, batch_size, workers)
        rows[name] = {"articles": len(texts), "chars": sum(map(len, texts)), "bare_s": round(seconds, 3)}
    rss_after_bare = peak_rss_mb(workers)
    t0 = time.perf_counter()
    pipeline = load_pipeline()
    full_load = time.perf_counter() - t0
    for name, articles in corpora.items():
        seconds, totals = time_full(pipeline, articles, batch_size, workers)
        rows[name].update(full_s=round(seconds, 3), extracted=totals)
    for row in [*rows.values(), _total(rows)]:
        _rates(row)
    return {
        "bench": "speed", "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "python": platform.python_version(),
                    "cpus": os.cpu_count(), "spacy": spacy.__version__, "model": MODEL_NAME},
        "workers": workers, "batch_size": batch_size, "limit": limit,
        "load_s": {"bare_spacy": round(bare_load, 3), "full_pipeline": round(full_load, 3)},
        "corpora": rows, "total": _total(rows),
        "peak_rss_mb": {"after_bare": rss_after_bare, "after_full": peak_rss_mb(workers)},
        # the machine may be shared: the load average says how much CPU the figures really had
        "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
    }


def _total(rows: dict[str, Any]) -> dict[str, Any]:
    """Sum of articles, characters and seconds over corpora, with rates."""
    total = {key: sum(r[key] for r in rows.values()) for key in ("articles", "chars", "bare_s", "full_s")}
    total["bare_s"], total["full_s"] = round(total["bare_s"], 3), round(total["full_s"], 3)
    return _rates(total)


def _rates(row: dict[str, Any]) -> dict[str, Any]:
    """Add articles/s, chars/s and the slowdown of the full pipeline relative to bare spaCy."""
    row["bare_articles_per_s"] = round(row["articles"] / row["bare_s"], 2) if row["bare_s"] else None
    row["full_articles_per_s"] = round(row["articles"] / row["full_s"], 2) if row["full_s"] else None
    row["full_chars_per_s"] = round(row["chars"] / row["full_s"]) if row["full_s"] else None
    row["full_over_bare_time"] = round(row["full_s"] / row["bare_s"], 2) if row["bare_s"] else None
    return row


def print_table(result: dict[str, Any]) -> None:
    """Print the figures as a plain table."""
    print(f"speed bench: workers={result['workers']} batch_size={result['batch_size']} "
          f"limit={result['limit']} ({result['machine']['cpus']} CPUs)")
    print(f"{'corpus':<12}{'articles':>9}{'chars':>11}{'spaCy art/s':>13}{'sitrep art/s':>14}{'time ratio':>12}")
    for name, row in [*result["corpora"].items(), ("total", result["total"])]:
        print(f"{name:<12}{row['articles']:>9}{row['chars']:>11}{row['bare_articles_per_s']:>13}"
              f"{row['full_articles_per_s']:>14}{row['full_over_bare_time']:>12}")
    rss = result["peak_rss_mb"]
    print(f"peak RSS: {rss['after_bare']['self']} MB after bare spaCy, {rss['after_full']['self']} MB after "
          f"full pipeline (largest worker {rss['after_full']['largest_worker']} MB); load time: {result['load_s']}; "
          f"load average: {result['load_average_1_5_15']}")


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Parse options, run the bench, print it and write bench/results/speed-<date>.json."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT,
                        help=f"at most this many articles per corpus (default {DEFAULT_LIMIT}; 0 for all 872)")
    parser.add_argument("--workers", type=int, default=1, help="spaCy processes (nlp.pipe n_process)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args, _unknown = parser.parse_known_args(sys.argv[1:] if argv is None else argv)  # tolerate make's extras
    result = run(args.limit or None, args.workers, args.batch_size)
    print_table(result)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"speed-{dt.date.today().isoformat()}.json"
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path}")
    return result


if __name__ == "__main__":
    main()
