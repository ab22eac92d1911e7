"""Dask runner: the whole pipeline in parallel, one pipeline per partition, committed wave by wave.

`spacy.pipe(n_process=...)` parallelises only the spaCy step; the geo, event, attribution and
check stages then run in the parent process. Here each Dask task analyses a whole partition with
its own pipeline (loaded once per task, never at import), and the parent writes the reports of
each wave of tasks in one transaction, so a killed run keeps every finished wave.
"""
from __future__ import annotations

import os
import time
from typing import Callable, Iterable, Sequence

import duckdb

from sitrep.corpus.runner import (IngestSummary, ProgressCallback, analyse_batch, batched, commit_batch,
                                  new_articles)
from sitrep.ingest.sources import Item, Skipped
from sitrep.records import Article, Report
from sitrep.store.writer import stored_shas

Loader = Callable[[], object]


def analyse_partition(articles: Sequence[Article], load: Loader, batch_size: int = 32) -> tuple[list[Report], list[Skipped]]:
    """Analyse one partition with a freshly loaded pipeline; failures come back as Skipped records."""
    pipeline = load()
    summary = IngestSummary()
    reports: list[Report] = []
    for batch in batched(articles, batch_size):
        reports += analyse_batch(pipeline, batch, summary)
    return reports, summary.failed


def ingest_with_dask(items: Iterable[Item], con: duckdb.DuckDBPyConnection, *, load: Loader | None = None,
                     workers: int | None = None, partition_size: int = 64, scheduler: str = "processes",
                     limit: int | None = None, on_batch: ProgressCallback | None = None) -> IngestSummary:
    """Analyse new articles on Dask workers (`scheduler`: processes, threads or synchronous) and store them."""
    import dask
    from dask import delayed

    if load is None:
        from sitrep.pipeline import load_pipeline as load
    workers = workers or os.cpu_count() or 1
    summary = IngestSummary()
    started = time.perf_counter()
    partitions = batched(new_articles(items, stored_shas(con), summary, limit, None), partition_size)
    for wave in batched(partitions, workers):  # a wave: one partition per worker
        tasks = [delayed(analyse_partition)(part, load) for part in wave]
        results = dask.compute(*tasks, scheduler=scheduler, num_workers=workers)
        summary.failed += [f for _reports, failed in results for f in failed]
        commit_batch(con, [r for part_reports, _failed in results for r in part_reports], summary, started, on_batch)
    summary.seconds = time.perf_counter() - started
    return summary
