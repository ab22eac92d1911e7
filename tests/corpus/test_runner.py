"""The batch runner: per-batch transactions, resumable after kill -9, one bad article loses nothing else."""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.corpus.runner import ingest_items
from sitrep.ingest.sources import Skipped, iter_articles
from sitrep.store.schema import ARTICLE_TABLES, connect

ROOT = Path(__file__).resolve().parents[2]
LGL = ROOT.parent / "shared" / "eval" / "geo" / "lgl.xml"
SITREP = [sys.executable, "-m", "sitrep.cli"]  # the CLI entry point, without relying on the console script


def need_corpus() -> list[dict]:
    """LGL news articles as JSONL-style records, read straight from the XML (skips when ../shared is absent)."""
    import xml.etree.ElementTree as ET

    if not LGL.exists():
        pytest.skip("LGL corpus not present")
    return [{"id": a.get("docid"), "title": a.findtext("title"), "text": a.findtext("text"), "url": a.findtext("url")}
            for a in ET.parse(LGL).getroot().iter("article")][:20]


class BreaksOn:
    """The real pipeline, except that analysing one chosen article raises (a stand-in for a pipeline bug)."""

    def __init__(self, pipeline, bad_id: str) -> None:
        self.pipeline, self.bad_id = pipeline, bad_id

    def analyze(self, article):
        if article.id == self.bad_id:
            raise RuntimeError("simulated crash")
        return self.pipeline.analyze(article)

    def analyze_many(self, articles, batch_size=16, n_process=1):
        for article in articles:
            yield self.analyze(article)


def analysable(pipeline, path: Path) -> list:
    """The articles of a file that the real pipeline analyses without raising (stages are still being built)."""
    ok = []
    for article in iter_articles([str(path)]):
        if isinstance(article, Skipped):
            continue
        try:
            pipeline.analyze(article)
        except Exception:  # noqa: BLE001 - a stage bug is not what these tests are about
            continue
        ok.append(article)
    return ok


def test_one_crashing_article_loses_nothing_else_and_rerun_skips_stored(tmp_path, pipeline):
    records = need_corpus()[:5]
    path = tmp_path / "five.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + "{broken\n", encoding="utf-8")
    ok = {a.id for a in analysable(pipeline, path)}
    con = connect(tmp_path / "r.duckdb")
    summary = ingest_items(iter_articles([str(path)]), con, BreaksOn(pipeline, records[1]["id"]), batch_size=2)
    assert (summary.read, summary.batches) == (5, 3)
    reasons = [f.reason for f in summary.failed]
    assert "analysis failed: RuntimeError: simulated crash" in reasons
    assert "not valid JSON (Expecting property name enclosed in double quotes)" in reasons
    stored = {row[0] for row in con.execute("SELECT id FROM articles").fetchall()}
    assert stored == ok - {records[1]["id"]} and summary.stored == len(stored)
    again = ingest_items(iter_articles([str(path)]), con, pipeline, batch_size=2)
    # only the articles that failed are analysed again; the simulated crash now succeeds
    assert again.already_stored == len(stored) and again.stored == len(ok) - len(stored)
    con.close()


def test_entities_in_the_store_match_a_fresh_analysis(tmp_path, pipeline):
    records = need_corpus()[:2]
    path = tmp_path / "two.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    con = connect(tmp_path / "e.duckdb")
    ingest_items(iter_articles([str(path)]), con, pipeline, batch_size=2)
    fresh = pipeline.analyze(next(a for a in iter_articles([str(path)]) if not isinstance(a, Skipped)))
    got = con.execute("SELECT text, type FROM entities WHERE article_sha = ? ORDER BY idx",
                      [fresh.article.text_sha256]).fetchall()
    assert got == [(e.text, e.type) for e in fresh.entities]
    con.close()


def run_until_killed(args: list[str], kill_after_batch: int) -> list[str]:
    """Start `sitrep ingest`, SIGKILL it right after it reports a committed batch; return its stderr lines."""
    proc = subprocess.Popen([*SITREP, "ingest", *args], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True, env={**os.environ, "COLUMNS": "200"})
    lines = []
    try:
        for line in proc.stderr:
            lines.append(line)
            if line.startswith(f"batch {kill_after_batch} committed"):
                os.kill(proc.pid, signal.SIGKILL)  # mid-run: the next batch is being analysed
                break
    finally:
        proc.wait(timeout=120)
    assert proc.returncode == -signal.SIGKILL, "".join(lines)
    return lines


def test_kill_9_mid_run_then_resume_loses_nothing_and_duplicates_nothing(tmp_path, pipeline):
    records = need_corpus()[:16]
    corpus = tmp_path / "lgl16.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    order = [hashlib.sha256(r["text"].encode("utf-8")).hexdigest() for r in records]
    ok = {a.text_sha256: a for a in analysable(pipeline, corpus)}
    db = tmp_path / "killed.duckdb"
    args = [str(corpus), "--db", str(db), "--batch-size", "3"]
    run_until_killed(args, kill_after_batch=2)

    con = connect(db)  # after the kill: whole batches only
    after_kill = {row[0] for row in con.execute("SELECT sha FROM articles").fetchall()}
    orphans = sum(con.execute(f"SELECT count(*) FROM {t} WHERE article_sha NOT IN (SELECT sha FROM articles)")
                  .fetchone()[0] for t in ARTICLE_TABLES)
    con.close()
    whole_batches = [set(order[:3 * k]) & set(ok) for k in range(2, 6)]
    assert after_kill in whole_batches and orphans == 0

    done = subprocess.run([*SITREP, "ingest", *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"already stored {len(after_kill)}" in done.stderr

    con = connect(db)
    assert {row[0] for row in con.execute("SELECT sha FROM articles").fetchall()} == set(ok)
    for table in ARTICLE_TABLES:
        total, distinct = con.execute(f"SELECT count(*), count(DISTINCT (article_sha, idx)) FROM {table}").fetchone()
        assert total == distinct
        # no article is half-written: its rows are numbered 0..n-1 without a gap
        gaps = con.execute(f"SELECT count(*) FROM (SELECT article_sha FROM {table} GROUP BY article_sha "
                           "HAVING max(idx) + 1 <> count(*))").fetchone()[0]
        assert gaps == 0
    # an article committed before the kill kept all its entities: compare one with a fresh analysis
    first = ok[next(sha for sha in order if sha in ok)]
    stored = con.execute("SELECT count(*) FROM entities WHERE article_sha = ?", [first.text_sha256]).fetchone()[0]
    assert stored == len(pipeline.analyze(first).entities)
    con.close()
