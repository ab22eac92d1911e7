"""A speech's speaker survives the store: claims built from a store root in the speaker, not the video host."""
from __future__ import annotations

import json

import pytest

from tests.conftest import SHARED

CORPUS = SHARED / "corpus" / "zelensky_addresses_2022_en.jsonl"


@pytest.fixture(scope="module")
def address_store(tmp_path_factory, pipeline):
    """A store holding two real Zelensky addresses ingested from their JSONL records (speaker field, YouTube URL)."""
    from sitrep.corpus.runner import ingest_items
    from sitrep.ingest.sources import iter_articles
    from sitrep.store.schema import connect

    if not CORPUS.exists():
        pytest.skip(f"the real corpus is not at {CORPUS}")
    tmp = tmp_path_factory.mktemp("speaker")
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[:2]
    source = tmp / "two.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp / "speeches.duckdb"
    con = connect(db)
    summary = ingest_items(iter_articles([str(source)]), con, pipeline)
    assert not summary.failed
    con.close()
    return db, [json.loads(line) for line in lines]


def test_the_speaker_of_an_ingested_address_is_stored(address_store):
    from sitrep.store.schema import connect_read_only

    db, records = address_store
    con = connect_read_only(db)
    rows = con.execute("SELECT id, speaker, source FROM articles ORDER BY id").fetchall()
    con.close()
    assert rows == sorted((r["id"], "Володимир Зеленський", "www.youtube.com") for r in records)


def test_claims_from_the_store_root_in_the_speaker_not_the_url_host(address_store):
    from sitrep.claims.ledger import ledger_to_json
    from sitrep.claims.store import ledger_from_store
    from sitrep.store.schema import connect

    db, _ = address_store
    con = connect(db)
    ledger = ledger_to_json(ledger_from_store(con))
    con.close()
    roots = {root for claim in ledger for root in claim["roots"]}
    assert ledger and "state:UKR" in roots  # the curated table roots Zelensky in the Ukrainian state
    assert not any("youtube" in root for root in roots), roots


def test_a_store_written_before_the_speaker_column_gains_it_on_connect(tmp_path, analyze_text):
    import duckdb

    from sitrep.store.schema import TABLES, connect
    from sitrep.store.writer import write_reports

    db = tmp_path / "old.duckdb"
    old = duckdb.connect(str(db))  # the articles table as sitrep released it, before `speaker`
    old.execute(TABLES["articles"].replace(", speaker VARCHAR)", ")"))
    old.close()
    con = connect(db)
    report = analyze_text("Russian forces shelled Kharkiv on Monday, the governor said.", speaker="Oleh Syniehubov")
    assert write_reports(con, [report]) == 1
    assert con.execute("SELECT speaker FROM articles").fetchall() == [("Oleh Syniehubov",)]
    con.close()
