"""The Dask runner stores what the plain runner stores, wave by wave, with one pipeline per partition."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.corpus.runner import ingest_items
from sitrep.ingest.sources import iter_articles
from sitrep.store.schema import connect

pytest.importorskip("dask")
from sitrep.corpus.dask_runner import ingest_with_dask  # noqa: E402 - only with dask installed

LGL = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "geo" / "lgl.xml"
FEED = Path(__file__).resolve().parents[1] / "data" / "feed.rss"


def rows(con) -> list[tuple]:
    """Every entity and event row that identifies what was extracted."""
    return (con.execute("SELECT article_sha, idx, text, type FROM entities ORDER BY 1, 2").fetchall()
            + con.execute("SELECT article_sha, idx, type, evidence_start FROM events ORDER BY 1, 2").fetchall())


def test_dask_waves_store_the_same_rows_as_the_plain_runner(tmp_path, pipeline):
    if not LGL.exists():
        pytest.skip("LGL corpus not present")
    plain, dasked = connect(tmp_path / "plain.duckdb"), connect(tmp_path / "dask.duckdb")
    ingest_items(iter_articles([str(LGL)]), plain, pipeline, limit=5)
    summary = ingest_with_dask(iter_articles([str(LGL)]), dasked, load=lambda: pipeline, workers=2,
                               partition_size=2, scheduler="synchronous", limit=5)
    n_plain = plain.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert summary.batches == 2  # partitions of 2, 2, 1 in waves of two
    assert summary.stored == n_plain and summary.stored + len(summary.failed) == 5
    assert rows(dasked) == rows(plain)
    again = ingest_with_dask(iter_articles([str(LGL)]), dasked, load=lambda: pipeline, scheduler="synchronous",
                             limit=5)
    assert (again.already_stored, again.stored) == (n_plain, 0)
    plain.close()
    dasked.close()


def test_worker_processes_load_their_own_pipeline(tmp_path):
    con = connect(tmp_path / "proc.duckdb")
    summary = ingest_with_dask(iter_articles([str(FEED)]), con, workers=2, partition_size=1, scheduler="processes")
    assert summary.stored == 2 and summary.failed == []
    titles = {r[0] for r in con.execute("SELECT title FROM articles").fetchall()}
    assert titles == {"Shelling reported in Kharkiv overnight", "Talks on grain corridor resume"}
    con.close()
