"""The HTTP API on real articles: analyse, errors as JSON, schema, store browsing, static page."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sitrep.api.app import create_app


@pytest.fixture(scope="module")
def client(pipeline):
    """A test client over the shared pipeline (no model load per request)."""
    with TestClient(create_app(pipeline=pipeline)) as c:
        yield c


def test_analyze_returns_the_contract_report_for_the_seed(client, seed_text):
    res = client.post("/api/analyze", json={"text": seed_text, "date": "2024-06-01", "source": "wire rewrite"})
    assert res.status_code == 200
    data = res.json()
    assert data["article"]["date"] == "2024-06-01"
    names = {e["text"] for e in data["entities"]}
    assert {"Vladimir Putin", "Yaramyr Temirkhanov", "TASS"} <= names
    for e in data["entities"]:
        for m in e["mentions"]:
            assert seed_text[m["start"]:m["end"]] == m["text"]


def test_empty_text_is_a_400_with_a_message(client):
    res = client.post("/api/analyze", json={"text": "   "})
    assert res.status_code == 400
    assert "empty" in res.json()["message"].lower() or "no text" in res.json()["message"].lower()


def test_non_english_text_is_a_400(client):
    res = client.post("/api/analyze", json={"text": "Президент России Владимир Путин провёл разговор с командирами."})
    assert res.status_code == 400 and "English" in res.json()["message"]


def test_missing_text_field_is_a_validation_error(client):
    assert client.post("/api/analyze", json={"title": "no body"}).status_code == 422


def test_events_endpoint_without_a_store_says_how_to_get_one(client):
    res = client.get("/api/events")
    assert res.status_code == 404 and "--db" in res.json()["detail"]


def test_schema_and_page_and_static_assets_are_served(client):
    assert client.get("/api/schema").json()["$defs"]["Event"]["type"] == "object"
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")


@pytest.mark.parametrize("name", ["../records.py", "..%2Fapp.py", ".hidden.js", "app.py"])
def test_static_route_serves_nothing_outside_the_web_folder(client, name):
    assert client.get(f"/static/{name}").status_code == 404


def test_country_outlines_include_ukraine(client):
    data = client.get("/api/countries.geojson").json()
    assert any(f["id"] == "UKR" for f in data["features"])


def test_events_endpoint_reads_a_store_written_by_the_writer(tmp_path, pipeline, seed_report):
    from sitrep.store.schema import connect
    from sitrep.store.writer import write_reports

    db = tmp_path / "seed.duckdb"
    con = connect(db)
    write_reports(con, [seed_report])
    con.close()
    with TestClient(create_app(db_path=db, pipeline=pipeline)) as c:
        all_events = c.get("/api/events").json()
        assert all_events["count"] == len(seed_report.events)
        consult = c.get("/api/events", params={"type": "CONSULT", "actor": "Putin"}).json()
        assert consult["count"] >= 3 and all(e["type"] == "CONSULT" for e in consult["events"])
        near = c.get("/api/events", params={"near": "48.85,37.6,30"}).json()  # 30 km around Sloviansk
        assert near["count"] >= 1 and all(abs(e["lat"] - 48.85) < 0.5 for e in near["events"])
        assert c.get("/api/events", params={"near": "999,0,5"}).status_code == 400
