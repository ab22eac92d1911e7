"""On a real dask.distributed LocalCluster, 2 workers store exactly what 1 process stores, even when one dies."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.corpus.cluster import recluster_store
from sitrep.corpus.runner import ingest_items
from sitrep.errors import BadInputError, MissingDataError
from sitrep.ingest.sources import iter_articles
from sitrep.store.schema import connect

pytest.importorskip("distributed")
from sitrep.corpus import dask_runner  # noqa: E402 - only with distributed installed
from sitrep.corpus.dask_runner import check_scheduler_address, ingest_distributed, open_client  # noqa: E402

LGL = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "geo" / "lgl.xml"
needs_lgl = pytest.mark.skipif(not LGL.exists(), reason="LGL corpus not present in ../shared")


def stored(con) -> list[list[tuple]]:
    """Every row that says what was extracted, and the order articles were committed in."""
    return [con.execute("SELECT sha, id, title FROM articles ORDER BY ingested_at, sha").fetchall(),
            con.execute("SELECT article_sha, idx, text, type FROM entities ORDER BY 1, 2").fetchall(),
            con.execute("SELECT article_sha, idx, type, evidence_start, place_text FROM events ORDER BY 1, 2").fetchall(),
            con.execute("SELECT article_sha, group_sha FROM neardup ORDER BY 1").fetchall(),
            con.execute("SELECT cluster_id, num_events FROM clusters ORDER BY 1").fetchall()]


@needs_lgl
def test_two_worker_local_cluster_stores_the_same_rows_as_one_process(tmp_path, pipeline):
    one, two = connect(tmp_path / "one.duckdb"), connect(tmp_path / "two.duckdb")
    s1 = ingest_items(iter_articles([str(LGL)]), one, pipeline, batch_size=2, limit=6)
    links: list[str] = []
    s2 = ingest_distributed(iter_articles([str(LGL)]), two, workers=2, batch_size=2, limit=6, on_start=links.append)
    for con in (one, two):
        recluster_store(con)
    assert links and links[0].startswith("http")  # the dashboard address the CLI prints
    assert s2.stored == s1.stored == 6 and s2.failed == [] and s2.batches == 3
    assert stored(two) == stored(one)
    again = ingest_items(iter_articles([str(LGL)]), two, pipeline=None, limit=6)  # nothing left to analyse
    assert (again.already_stored, again.stored) == (6, 0)
    one.close()
    two.close()


@needs_lgl
def test_a_worker_killed_with_kill_9_mid_run_loses_and_duplicates_no_article(tmp_path):
    import os
    import signal

    from distributed import default_client

    con = connect(tmp_path / "killed.duckdb")
    killed: list[int] = []

    def kill_one_worker(done) -> None:
        """After the first committed batch, kill -9 one worker process while others are in flight."""
        if not killed:
            pids = default_client().run(os.getpid)
            killed.append(next(iter(pids.values())))
            os.kill(killed[0], signal.SIGKILL)

    summary = ingest_distributed(iter_articles([str(LGL)]), con, workers=2, batch_size=1, limit=8,
                                 on_batch=kill_one_worker)
    assert killed
    shas = [r[0] for r in con.execute("SELECT sha FROM articles").fetchall()]
    assert len(shas) == len(set(shas)) == summary.stored == 8 and summary.failed == []
    con.close()


@pytest.mark.parametrize("address", ["localhost:8786", "http://host:8786", "tcp://", ""])
def test_a_scheduler_address_without_a_dask_scheme_is_bad_input(address):
    with pytest.raises(BadInputError, match="tcp://HOST:8786"):
        check_scheduler_address(address)


def test_no_scheduler_at_the_address_says_how_to_start_one(monkeypatch):
    monkeypatch.setattr(dask_runner, "CONNECT_TIMEOUT_S", 1)
    with pytest.raises(MissingDataError, match="dask scheduler"):
        open_client(1, "tcp://127.0.0.1:9")  # the discard port: nothing listens there


def test_cli_bad_scheduler_is_one_line_and_exit_2(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "sitrep.cli", "ingest", str(tmp_path), "--db",
                           str(tmp_path / "s.duckdb"), "--scheduler", "localhost:8786"],
                          capture_output=True, timeout=120)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "Traceback" not in err and "tcp://HOST:8786" in err


@needs_lgl
def test_a_re_run_with_everything_stored_starts_no_cluster(tmp_path, pipeline, monkeypatch):
    con = connect(tmp_path / "rerun.duckdb")
    ingest_items(iter_articles([str(LGL)]), con, pipeline, limit=2)
    monkeypatch.setattr(dask_runner, "open_client", lambda *a: pytest.fail("a cluster was started for no work"))
    summary = ingest_distributed(iter_articles([str(LGL)]), con, workers=2, limit=2)
    assert (summary.already_stored, summary.stored) == (2, 0)
    con.close()
