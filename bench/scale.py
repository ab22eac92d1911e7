"""Cost grows linearly: ingest of 10,000 and 20,000 articles built from real texts in ../shared.

    python -m bench.scale [--sizes 10000 20000] [--workers N]

Each synthetic article joins the paragraphs of two real articles (seeded), and one in ten repeats an
earlier one with a single sentence changed, so near-duplicates occur as in real feeds. Slow: hours on
2 cores. Figures go to bench/results/scale-<date>.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

from bench.ingest_speed import real_articles
from bench.speed import ROOT


def combined_corpus(n: int, seed: int = 12) -> list[Any]:
    """`n` articles made of real texts: pairs joined, with about 10 % near-duplicates of earlier ones."""
    from sitrep.ingest.sources import SourceOptions, article_from_record

    rng = random.Random(seed)
    base = [a.text for a in real_articles(10_000)]
    texts: list[str] = []
    while len(texts) < n:
        if texts and rng.random() < 0.1:
            words = rng.choice(texts).split(" ")
            words[rng.randrange(len(words))] = "reportedly"
            texts.append(" ".join(words))
        else:
            a, b = rng.sample(base, 2)
            texts.append(a.strip() + "\n\n" + b.strip())
    options = SourceOptions(language_check=False)
    return [article_from_record({"text": t, "id": f"scale-{i}"}, options) for i, t in enumerate(texts)]


def run_size(n: int, workers: int, batch_size: int) -> dict[str, Any]:
    """Seconds (ingest, then near-duplicates and clusters) and peak memory to store `n` combined articles."""
    from sitrep.corpus.cluster import recluster_store
    from sitrep.corpus.dask_runner import ingest_distributed, peak_rss_mb
    from sitrep.store.schema import connect

    articles = combined_corpus(n)
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "scale.duckdb")
        started = time.perf_counter()
        summary = ingest_distributed(iter(articles), con, workers=workers, batch_size=batch_size)
        ingested = time.perf_counter() - started
        n_groups, n_clusters = recluster_store(con)
        seconds = time.perf_counter() - started
        con.close()
    return {"articles": n, "stored": summary.stored, "near_dup_groups": n_groups, "clusters": n_clusters,
            "seconds": round(seconds, 1), "ingest_s": round(ingested, 1), "cluster_s": round(seconds - ingested, 1),
            "worker_peak_mb": round(summary.worker_peak_mb), "client_peak_mb": round(peak_rss_mb())}


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Ingest each size into a fresh store, print the time and memory ratios and write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args(argv)
    rows = []
    for n in args.sizes:
        rows.append(run_size(n, args.workers, args.batch_size))
        print(rows[-1])
    first, last = rows[0], rows[-1]
    result = {"bench": "scale", "date": dt.date.today().isoformat(), "cpus": os.cpu_count(), "workers": args.workers,
              "runs": rows, "time_ratio": round(last["seconds"] / first["seconds"], 2) if len(rows) > 1 else None,
              # client memory only grows (ru_maxrss is a high-water mark), so the worker figure is the fair one
              "worker_memory_ratio": round(last["worker_peak_mb"] / first["worker_peak_mb"], 2)
              if len(rows) > 1 and first["worker_peak_mb"] else None}
    print(f"{args.sizes[-1]} / {args.sizes[0]} articles: time ratio {result['time_ratio']}, "
          f"worker memory ratio {result['worker_memory_ratio']}")
    sizes = "-".join(str(n) for n in args.sizes)
    out = ROOT / "bench" / "results" / f"scale-{sizes}-{result['date']}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {out}", file=sys.stderr)
    return result


if __name__ == "__main__":
    main()
