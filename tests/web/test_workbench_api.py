"""The workbench endpoints on a store where two outlets report the seed article's events (clustered):
corroboration counts, other reports and how they stand, Parquet of exactly the asked ids, outline data."""
from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.api.app import create_app
from sitrep.api.outlines import simplify
from sitrep.api.workbench import relation_to


@pytest.fixture(scope="module")
def two_outlets(tmp_path_factory: pytest.TempPathFactory, pipeline: Any, seed_text: str) -> Path:
    """The seed as kremlin.ru ran it and a retelling by tass.com, stored and clustered."""
    from sitrep.corpus.cluster import recluster_store
    from sitrep.ingest.text import article_from_string
    from sitrep.store.schema import connect
    from sitrep.store.writer import write_reports

    retold = seed_text.replace("Russian President Vladimir Putin engaged", "President Vladimir Putin of Russia held", 1)
    reports = [pipeline.analyze(article_from_string(seed_text, source="kremlin.ru", date="2022-05-18")),
               pipeline.analyze(article_from_string(retold, source="tass.com", date="2022-05-18"))]
    db = tmp_path_factory.mktemp("wb") / "two.duckdb"
    con = connect(db)
    write_reports(con, reports)
    recluster_store(con)
    con.close()
    return db


@pytest.fixture(scope="module")
def client(two_outlets: Path, pipeline: Any) -> TestClient:
    """A test client over the clustered store."""
    return TestClient(create_app(db_path=two_outlets, pipeline=pipeline))


def test_events_carry_corroboration_and_the_article_day(client):
    data = client.get("/api/workbench/events").json()
    assert data["count"] == len(data["events"]) > 0 and not data["truncated"]
    assert {e["source"] for e in data["events"]} == {"kremlin.ru", "tass.com"}
    # two articles report it; the retelling is a near-duplicate of the seed, so it counts as one source
    assert any(e["articles"] == 2 and e["sources"] == 1 for e in data["events"])
    undated_in_text = [e for e in data["events"] if e["day_kind"] == "article"]
    assert undated_in_text and all(e["day"] == "2022-05-18" for e in undated_in_text)
    tass_chain = [e for e in data["events"] if e["chain"] == ["Kremlin press service", "TASS"]]
    assert tass_chain and all(e["root"] == "Kremlin press service" for e in tass_chain)


def test_an_article_lists_the_other_outlet_confirming_its_events(client):
    events = client.get("/api/workbench/events").json()["events"]
    clustered = next(e for e in events if e["articles"] == 2 and e["source"] == "kremlin.ru")
    article = client.get(f"/api/workbench/articles/{clustered['sha']}").json()
    peers = [p for p in article["peers"] if p["of_idx"] == clustered["idx"]]
    assert peers and all(p["source"] == "tass.com" for p in peers)
    assert all(p["relation"] == "confirms" for p in peers)
    assert article["article"]["text"][clustered["start"]:clustered["end"]] == clustered["evidence"]


def test_article_endpoint_refuses_what_is_not_a_stored_hash(client):
    assert client.get("/api/workbench/articles/..%2Fetc").status_code in (400, 404)
    assert client.get("/api/workbench/articles/not-a-hash-at-all").status_code == 400
    assert client.get("/api/workbench/articles/" + "0" * 64).status_code == 404


def test_parquet_export_holds_exactly_the_asked_events(client):
    import pyarrow.parquet as pq

    ids = [e["id"] for e in client.get("/api/workbench/events").json()["events"]][::3]
    res = client.post("/api/workbench/export.parquet", json={"ids": ids})
    assert res.status_code == 200
    table = pq.read_table(io.BytesIO(res.content))
    assert sorted(table.column("id").to_pylist()) == sorted(ids)
    assert {"type", "evidence_text", "source", "title"} <= set(table.column_names)


def test_a_negated_retelling_denies_and_a_new_type_changes_the_event():
    said = {"type": "ASSAULT", "mode": "occupy", "modality": "asserted", "place_text": "Sevsk", "day": "2022-05-18"}
    assert relation_to(said, {**said, "modality": "negated"}) == "denies"
    assert relation_to(said, {**said, "type": "FIGHT"}) == "changes type"
    assert relation_to(said, {**said, "modality": "hedged"}) == "confirms"


def test_shipped_outlines_hold_ukrainian_oblasts_and_countries():
    web = resources.files("sitrep.api").joinpath("web")
    admin1 = json.loads(web.joinpath("admin1.json").read_text(encoding="utf-8"))
    countries = json.loads(web.joinpath("countries.json").read_text(encoding="utf-8"))
    ukraine = {f["properties"]["name"] for f in admin1["features"] if f["properties"]["country"] == "UKR"}
    assert {"Luhans'k", "Donets'k", "Crimea"} <= ukraine
    assert any(f["properties"]["name"] == "Ukraine" for f in countries["features"])


def test_simplify_keeps_the_ends_and_the_corner_of_a_line():
    line = [[0.0, 0.0], [1.0, 0.001], [2.0, 0.0], [2.0, 1.0]]
    assert simplify(line, 0.01) == [[0.0, 0.0], [2.0, 0.0], [2.0, 1.0]]
