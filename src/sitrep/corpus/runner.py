"""Batch runner: read many inputs, analyse them in batches, commit each batch to the store.

A batch is analysed, then written in one transaction, so a run killed at any moment leaves only
whole batches behind; a restart skips every stored text hash before analysing anything.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

import duckdb

from sitrep.ingest.sources import Item, Skipped
from sitrep.records import Article, Report
from sitrep.store.writer import stored_shas, write_reports


@dataclass(slots=True)
class IngestSummary:
    """What a run did: counts, and every skip or failure with its reason."""

    read: int = 0  # articles read from the inputs (before skipping stored ones)
    stored: int = 0  # new articles written
    already_stored: int = 0  # skipped because their text hash was in the store (or earlier in this run)
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[Skipped] = field(default_factory=list)
    batches: int = 0
    seconds: float = 0.0
    worker_peak_mb: float = 0.0  # peak resident memory of the largest Dask worker (0 when run in-process)

    @property
    def articles_per_s(self) -> float:
        """Stored articles per second of wall time."""
        return self.stored / self.seconds if self.seconds else 0.0


@dataclass(frozen=True, slots=True)
class BatchDone:
    """Progress after one committed batch, passed to the progress callback."""

    batch: int
    stored: int
    total_stored: int
    elapsed_s: float


ProgressCallback = Callable[[BatchDone], None]
T = TypeVar("T")


def ingest_items(items: Iterable[Item], con: duckdb.DuckDBPyConnection, pipeline: object, *,
                 batch_size: int = 32, limit: int | None = None,
                 on_batch: ProgressCallback | None = None,
                 on_item: Callable[[Item], None] | None = None) -> IngestSummary:
    """Analyse every new article among `items` and commit the reports batch by batch."""
    summary = IngestSummary()
    started = time.perf_counter()
    known = stored_shas(con)
    for batch in batched(new_articles(items, known, summary, limit, on_item), batch_size):
        commit_batch(con, analyse_batch(pipeline, batch, summary), summary, started, on_batch)
    summary.seconds = time.perf_counter() - started
    return summary


def commit_batch(con: duckdb.DuckDBPyConnection, reports: list[Report], summary: IngestSummary, started: float,
                 on_batch: ProgressCallback | None) -> None:
    """Write one batch of reports in its transaction, count it, and report progress."""
    summary.stored += write_reports(con, reports)
    summary.batches += 1
    if on_batch:
        on_batch(BatchDone(summary.batches, len(reports), summary.stored, time.perf_counter() - started))


def analyse_batch(pipeline: object, batch: Sequence[Article], summary: IngestSummary) -> list[Report]:
    """Analyse a batch with nlp.pipe; if it fails, retry one by one so one bad article loses nothing else."""
    try:
        return list(pipeline.analyze_many(batch, batch_size=len(batch)))  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - isolate the article that broke the batch, below
        reports = []
        for article in batch:
            try:
                reports.append(pipeline.analyze(article))  # type: ignore[attr-defined]
            except Exception as exc:  # noqa: BLE001 - a pipeline bug on one article must not stop the run
                summary.failed.append(Skipped(_origin(article), f"analysis failed: {type(exc).__name__}: {exc}",
                                              failed=True))
        return reports


def new_articles(items: Iterable[Item], known: set[str], summary: IngestSummary, limit: int | None,
                  on_item: Callable[[Item], None] | None) -> Iterator[Article]:
    """Articles whose text hash is not stored yet; skips and failures go to the summary."""
    for item in items:
        if on_item:
            on_item(item)
        if isinstance(item, Skipped):
            (summary.failed if item.failed else summary.skipped).append(item)
            continue
        if limit is not None and summary.read >= limit:
            break
        summary.read += 1
        if item.text_sha256 in known:
            summary.already_stored += 1
            continue
        known.add(item.text_sha256)
        yield item


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Group items into lists of `size` (the last may be shorter)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _origin(article: Article) -> str:
    """A readable name for an article in failure messages."""
    return article.url or article.title or article.id
