"""Distributed runner: the whole pipeline on dask.distributed workers, one writer committing to DuckDB.

`nlp.pipe(n_process=...)` parallelises only the spaCy step (the geo, event, attribution and check
stages would still run in one process), so here each worker runs the whole pipeline on a batch.
Workers load the pipeline once, through a worker plugin; the client keeps at most a few batches in
flight and commits them in the order they were read, so the store, ingest times included, comes out
in the same order for any number of workers, and a run stopped at any moment leaves whole batches.
"""
from __future__ import annotations

import itertools
import logging
import time
from collections import deque
from typing import Any, Callable, Iterable, Sequence

import duckdb
from distributed import WorkerPlugin

from sitrep.corpus.runner import IngestSummary, ProgressCallback, analyse_batch, batched, commit_batch, new_articles
from sitrep.errors import BadInputError, MissingDataError
from sitrep.ingest.sources import Item, Skipped
from sitrep.records import Article, Report
from sitrep.store.writer import stored_shas

Loader = Callable[[], object]
SCHEMES = ("tcp://", "tls://", "inproc://", "ucx://", "ws://", "wss://")
CONNECT_TIMEOUT_S = 20


class PipelinePlugin(WorkerPlugin):
    """A worker plugin that loads the pipeline once per worker process, on the worker's first task.

    The pipeline lives on the plugin instance the worker holds in `worker.plugins`: the one piece of
    per-process state distributed needs (a task cannot carry a 500 MB pipeline), reached through the
    worker, never through a module-level global. A worker restarted after a crash gets the plugin again.
    """

    name = "sitrep-pipeline"

    def __init__(self, load: Loader | None = None) -> None:
        self.load = load
        self.pipeline: object | None = None

    def setup(self, worker: object) -> None:
        """Nothing is loaded here: loading on first use keeps registration and worker start-up fast."""

    def teardown(self, worker: object) -> None:
        """Drop the pipeline with the worker."""
        self.pipeline = None

    def get(self) -> object:
        """The worker's pipeline, loaded on first call."""
        if self.pipeline is None:
            if self.load is None:
                from sitrep.pipeline import load_pipeline

                self.pipeline = load_pipeline()
            else:
                self.pipeline = self.load()
        return self.pipeline


def analyse_on_worker(articles: Sequence[Article]) -> tuple[list[Report], list[Skipped]]:
    """A distributed task: analyse one batch with the pipeline the worker's plugin holds."""
    from distributed import get_worker

    plugin = get_worker().plugins[PipelinePlugin.name]
    summary = IngestSummary()
    reports = analyse_batch(plugin.get(), articles, summary)  # type: ignore[attr-defined]
    return reports, summary.failed


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (run on each worker at the end of an ingest)."""
    import resource
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def quiet_dask_logs() -> None:
    """Silence dask.distributed's loggers in this process (for the CLI)."""
    # distributed logs a lost connection as a traceback; the CLI says what matters in one line of its own
    import distributed  # noqa: F401 - importing creates the loggers whose levels are set below

    for name in list(logging.root.manager.loggerDict):
        if name == "distributed" or name.startswith("distributed."):
            logging.getLogger(name).setLevel(logging.CRITICAL)


def check_scheduler_address(address: str) -> str:
    """A scheduler address with a Dask scheme (tcp://HOST:PORT), or a BadInputError saying how to write one."""
    address = address.strip()
    if not address.startswith(SCHEMES) or len(address.split("://", 1)[1]) == 0:
        raise BadInputError(f"--scheduler {address!r} is not a Dask scheduler address; write it as tcp://HOST:8786")
    return address


def open_client(workers: int, scheduler_address: str | None) -> tuple[Any, Any]:
    """A Client on a new LocalCluster of `workers` processes, or on the running scheduler at the address."""
    from distributed import Client, LocalCluster

    if scheduler_address:
        address = check_scheduler_address(scheduler_address)
        try:
            return Client(address, timeout=CONNECT_TIMEOUT_S), None
        except (OSError, TimeoutError, ValueError) as exc:
            raise MissingDataError(f"no Dask scheduler answered at {address} within {CONNECT_TIMEOUT_S} s "
                                   f"({type(exc).__name__}); start one with `dask scheduler`") from None
    # one thread per worker: the pipeline is CPU-bound Python, threads would only share one GIL
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                           silence_logs=logging.CRITICAL)
    return Client(cluster), cluster


def ingest_distributed(items: Iterable[Item], con: duckdb.DuckDBPyConnection, *, workers: int = 1,
                       scheduler_address: str | None = None, batch_size: int = 16, limit: int | None = None,
                       load: Loader | None = None, on_batch: ProgressCallback | None = None,
                       on_start: Callable[[str], None] | None = None,
                       max_in_flight: int | None = None) -> IngestSummary:
    """Analyse new articles on dask.distributed workers; this process alone commits each batch, in input order.

    A batch whose worker died is rescheduled by the scheduler on another worker; the writer keys rows
    by text hash and skips stored hashes, so nothing is stored twice, and a re-run after the scheduler
    died skips everything already committed.
    """
    if scheduler_address:
        scheduler_address = check_scheduler_address(scheduler_address)
    summary = IngestSummary()
    started = time.perf_counter()
    batches = batched(new_articles(items, stored_shas(con), summary, limit, None), batch_size)
    first = next(batches, None)
    if first is None:  # everything is stored already: no cluster to start
        summary.seconds = time.perf_counter() - started
        return summary
    client, cluster = open_client(workers, scheduler_address)
    try:
        client.register_plugin(PipelinePlugin(load), name=PipelinePlugin.name)
        if on_start:
            on_start(client.dashboard_link)
        n_workers = max(1, sum(client.nthreads().values()) or workers)  # task slots on the cluster
        window = max_in_flight or 2 * n_workers  # enough to keep every worker busy, little held in memory
        in_flight: deque[tuple[Any, list[Article]]] = deque()
        for batch in itertools.chain([first], batches):
            in_flight.append((client.submit(analyse_on_worker, batch, pure=False), batch))
            if len(in_flight) >= window:
                _commit_oldest(in_flight, con, summary, started, on_batch)
        while in_flight:
            _commit_oldest(in_flight, con, summary, started, on_batch)
        # a worker that died and is restarting answers with an error, not a figure: leave it out
        peaks = client.run(peak_rss_mb, on_error="return").values()
        summary.worker_peak_mb = max((p for p in peaks if isinstance(p, float)), default=0.0)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _commit_oldest(in_flight: deque, con: duckdb.DuckDBPyConnection, summary: IngestSummary, started: float,
                   on_batch: ProgressCallback | None) -> None:
    """Wait for the oldest batch in flight and write it; a batch that keeps killing workers is failed, not lost."""
    from distributed import KilledWorker
    from distributed.client import FutureCancelledError

    future, batch = in_flight.popleft()
    try:
        reports, failed = future.result()
    except KilledWorker:
        # the scheduler gave up after several workers died on it: most likely an article that exhausts memory
        summary.failed += [Skipped(a.url or a.title or a.id, "a Dask worker died on each try at this article's batch",
                                   failed=True) for a in batch]
        return
    except (FutureCancelledError, OSError) as exc:  # OSError covers CommClosedError
        raise MissingDataError(f"lost the Dask scheduler after {summary.stored} stored articles "
                               f"({type(exc).__name__}); run the same command again: it skips what is stored") from None
    summary.failed += failed
    commit_batch(con, reports, summary, started, on_batch)
