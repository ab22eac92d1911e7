"""The corpus commands: ingest, query, export, cluster (through Typer, as a user runs them)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.errors import BadInputError
from sitrep.store.schema import connect
from sitrep.store.writer import write_reports
from store.seed_records import seed_report

DATA = Path(__file__).resolve().parents[1] / "data"
runner = CliRunner()


@pytest.fixture()
def db(tmp_path, seed_article_text) -> Path:
    """A store file holding the hand-built seed report."""
    path = tmp_path / "cli.duckdb"
    con = connect(path)
    write_reports(con, [seed_report(seed_article_text, "tass.ru", "2024-08-20")])
    con.close()
    return path


def test_query_prints_json_rows(db):
    result = runner.invoke(app, ["query", "--db", str(db), "--type", "MOBILIZE", "--near", "48.85,37.60,3", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["place_text"] for r in rows] == ["Sloviansk"]


def test_query_sql_refuses_writes(db):
    result = runner.invoke(app, ["query", "--db", str(db), "--sql", "DELETE FROM events"])
    assert isinstance(result.exception, BadInputError)


def test_export_each_format(db, tmp_path):
    for fmt, out in (("gdelt", "e.tsv"), ("plover", "e.jsonl"), ("geojson", "e.geojson"), ("parquet", "pq")):
        result = runner.invoke(app, ["export", fmt, str(tmp_path / out), "--db", str(db)])
        assert result.exit_code == 0, result.output
    assert len((tmp_path / "e.tsv").read_text(encoding="utf-8").splitlines()) == 3
    assert isinstance(runner.invoke(app, ["export", "csv", str(tmp_path / "x"), "--db", str(db)]).exception,
                      BadInputError)


def test_ingest_a_feed_then_cluster(tmp_path):
    path = tmp_path / "feed.duckdb"
    result = runner.invoke(app, ["ingest", str(DATA / "feed.rss"), "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "stored 2" in result.output and "Cyrillic" in result.output
    result = runner.invoke(app, ["cluster", "--db", str(path)])
    assert result.exit_code == 0 and "2 near-duplicate groups" in result.output


def test_a_query_past_its_time_limit_is_stopped_with_a_clear_error(db, monkeypatch):
    from sitrep.errors import QueryTimeoutError

    monkeypatch.setenv("SITREP_QUERY_TIMEOUT_S", "0.3")
    slow = "SELECT count(*) FROM range(100000000000) a"  # a read-only SELECT that would run for minutes
    result = runner.invoke(app, ["query", "--db", str(db), "--sql", slow])
    assert isinstance(result.exception, QueryTimeoutError) and result.exception.exit_code == 5
    assert "SITREP_QUERY_TIMEOUT_S" in str(result.exception)
    ok = runner.invoke(app, ["query", "--db", str(db), "--type", "MOBILIZE", "--json"])
    assert ok.exit_code == 0 and ok.stdout.strip()  # a fast query under the same limit still answers
