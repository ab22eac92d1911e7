"""Speed-up of `sitrep ingest` from 1 to 2 dask.distributed workers on real articles from ../shared.

    python -m bench.ingest_speed [--n 240] [--workers 1 2]

Both timings come from the same run (same articles, fresh store each) and go to
bench/results/ingest-speed-<date>.json. The rows stored by every run are compared: they must match.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

from bench.speed import ROOT, load_corpora


def real_articles(n: int) -> list[Any]:
    """`n` real articles, taken round-robin from the shared corpora."""
    corpora = list(load_corpora(None).values())
    out: list[Any] = []
    for i in range(max(len(c) for c in corpora)):
        out += [c[i] for c in corpora if i < len(c)]
    return out[:n]


def stored_rows(con: Any) -> list[tuple]:
    """What a run stored, in a worker-independent order."""
    return (con.execute("SELECT sha FROM articles ORDER BY 1").fetchall()
            + con.execute("SELECT article_sha, idx, type, evidence_start FROM events ORDER BY 1, 2").fetchall())


def time_ingest(articles: Sequence[Any], workers: int, batch_size: int) -> dict[str, Any]:
    """Seconds to analyse and store `articles` on `workers` LocalCluster processes (cluster start included)."""
    from sitrep.corpus.dask_runner import ingest_distributed
    from sitrep.store.schema import connect

    first: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "bench.duckdb")
        started = time.perf_counter()
        summary = ingest_distributed(iter(articles), con, workers=workers, batch_size=batch_size,
                                     on_batch=lambda done: first or first.append(time.perf_counter() - started))
        seconds = time.perf_counter() - started
        rows = stored_rows(con)
        con.close()
    return {"seconds": round(seconds, 2), "stored": summary.stored, "failed": len(summary.failed),
            "articles_per_s": round(summary.stored / seconds, 2),
            "first_batch_s": round(first[0], 2) if first else None,  # cluster start + pipeline load + one batch
            "worker_peak_mb": round(summary.worker_peak_mb), "rows": rows}


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Time ingest at each worker count on the same articles, print the speed-up and write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=240, help="real articles (>= 200 for the issue-12 figure)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=8)
    args = parser.parse_args(argv)
    articles = real_articles(args.n)
    load_before = os.getloadavg()[0]  # on a shared machine other work skews the speed-up: keep the evidence
    runs, reference = {}, None
    for workers in args.workers:
        run = time_ingest(articles, workers, args.batch_size)
        rows = run.pop("rows")
        reference = rows if reference is None else reference
        run["same_rows_as_first"] = rows == reference
        runs[str(workers)] = run
        print(f"{workers} worker(s): {run['seconds']:.1f} s, {run['stored']} stored, {run['articles_per_s']:.2f} "
              f"articles/s, first batch after {run['first_batch_s']} s, largest worker {run['worker_peak_mb']} MB, "
              f"same rows: {run['same_rows_as_first']}")
    first, last = runs[str(args.workers[0])], runs[str(args.workers[-1])]
    result = {"bench": "ingest_speed", "date": dt.date.today().isoformat(), "articles": len(articles),
              "cpus": os.cpu_count(), "batch_size": args.batch_size, "runs": runs,
              "speedup": round(first["seconds"] / last["seconds"], 2),
              "load_average_1min": {"before": round(load_before, 2), "after": round(os.getloadavg()[0], 2)}}
    print(f"speed-up {args.workers[0]} -> {args.workers[-1]} workers: {result['speedup']}")
    out = ROOT / "bench" / "results" / f"ingest-speed-{result['date']}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {out}", file=sys.stderr)
    return result


if __name__ == "__main__":
    main()
