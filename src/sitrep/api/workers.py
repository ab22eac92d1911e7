"""Where POST /api/analyze runs: worker processes of lowered priority, or threads over a given pipeline.

An analysis is seconds of pure-Python work. In a thread of the server it holds the GIL, and the
event loop that answers health and event queries waits for it (bench/load.py: p99 of health went
from 0.7 s to over 2 s with two analyses running). In worker processes it holds only its own GIL,
and at a lowered priority (os.nice) the kernel gives the CPU to the server first when both want it.
Workers are spawned, so a script that builds the app must start it under `if __name__ == "__main__":`.
"""
from __future__ import annotations

import asyncio
import importlib
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any

from starlette.concurrency import run_in_threadpool

from sitrep.errors import SitrepError

WORKER_NICENESS = 10
DEFAULT_LOADER = "sitrep.pipeline:load_pipeline"
_pipeline: Any = None  # the worker process's own pipeline, loaded once by _start


class AnalysisWorkerError(SitrepError):
    """An analysis worker process died (killed, out of memory); a fresh one serves the next request."""


def analyze_fields(pipeline: Any, fields: dict[str, Any]) -> dict[str, Any]:
    """One article's report as a dict, from the fields of an analyze request."""
    from sitrep.ingest.text import article_from_string

    meta = {k: v for k, v in fields.items() if k not in ("text", "language_check") and v}
    article = article_from_string(fields["text"], language_check=fields.get("language_check", True),
                                  origin="request", **meta)
    return pipeline.analyze(article).to_dict()


def _start(niceness: int, loader: str) -> None:
    """In each new worker: lower its priority, leave Ctrl-C to the server, load the pipeline once."""
    global _pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    try:
        os.nice(niceness)
    except OSError:  # not allowed here: the worker still runs, only at the server's priority
        pass
    module, _, name = loader.partition(":")
    _pipeline = getattr(importlib.import_module(module), name)()


def _ready() -> int:
    """Nothing: submitted once per worker so that start-up waits until each has its pipeline."""
    return os.getpid()


def _analyze_in_worker(fields: dict[str, Any]) -> dict[str, Any]:
    """analyze_fields over the worker's own pipeline."""
    return analyze_fields(_pipeline, fields)


class Analyses:
    """Run analyses: in `workers` processes of their own when no pipeline is given, else in threads over it."""

    def __init__(self, pipeline: Any = None, workers: int = 2, niceness: int = WORKER_NICENESS,
                 loader: str = DEFAULT_LOADER) -> None:
        self.pipeline = pipeline
        self.workers = workers
        self.niceness = niceness
        self.loader = loader  # "module:function" that each worker calls for its pipeline
        self.pool: ProcessPoolExecutor | None = None

    async def start(self) -> None:
        """Start the worker processes and wait until each has loaded the pipeline (threads need nothing)."""
        if self.pipeline is not None:
            return
        self.pool = self._new_pool()
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self.pool, _ready) for _ in range(self.workers)))

    async def run(self, fields: dict[str, Any]) -> dict[str, Any]:
        """One analysis, off the event loop."""
        if self.pipeline is not None:
            return await run_in_threadpool(analyze_fields, self.pipeline, fields)
        if self.pool is None:
            raise AnalysisWorkerError("the analysis workers are not running (the server is starting or stopping)")
        pool = self.pool
        try:
            return await asyncio.get_running_loop().run_in_executor(pool, _analyze_in_worker, fields)
        except BrokenProcessPool:
            if self.pool is pool:  # the first request to see it replaces the pool, the others just fail
                pool.shutdown(wait=False, cancel_futures=True)
                self.pool = self._new_pool()
            raise AnalysisWorkerError("an analysis worker died during this analysis (out of memory or killed); "
                                      "try again, or send a shorter article") from None

    def stop(self) -> None:
        """Stop the worker processes without waiting for analyses still running."""
        if self.pool is None:
            return
        pool, self.pool = self.pool, None
        # the executor has no public way to end a running task, and waiting for a long analysis
        # would keep a stopped server alive for minutes: end its processes
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: the server has threads (the event loop's helpers), and a forked copy of a
        # lock held by one of them would hang the worker
        return ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"), initializer=_start,
                                   initargs=(self.niceness, self.loader))
