"""The API under hostile requests: size limits, bad parameters, token, Host header, security headers."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sitrep.api.app import create_app
from sitrep.errors import BadInputError


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, seed_report):
    from sitrep.store.schema import connect
    from sitrep.store.writer import write_reports

    path = tmp_path_factory.mktemp("api") / "t.duckdb"
    con = connect(path)
    write_reports(con, [seed_report])
    con.close()
    return path


@pytest.fixture(scope="module")
def client(pipeline, store_path):
    with TestClient(create_app(db_path=store_path, pipeline=pipeline, max_body=100_000)) as c:
        yield c


def test_a_body_over_the_limit_is_a_413_from_its_content_length(client):
    res = client.post("/api/analyze", content=b"x" * 100_001, headers={"content-type": "application/json"})
    assert res.status_code == 413


def test_a_chunked_body_over_the_limit_is_cut_off_with_a_413(client):
    def chunks():
        for _ in range(50):
            yield b"x" * 10_000

    res = client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert res.status_code == 413


@pytest.mark.parametrize("query", [
    "since=yesterday", "until=2024-13-45", "since=%00", "near=48,38,inf", "near=nan,38,10",
    "near=48,38", "near=a,b,c", "near=48,38,1e400", "near=48,38,-1", "limit=0", "limit=x",
])
def test_every_bad_events_parameter_is_a_4xx_never_a_500(client, query):
    res = client.get(f"/api/events?{query}")
    assert 400 <= res.status_code < 500, res.text


def test_good_events_parameters_still_answer(client):
    res = client.get("/api/events?near=48.59,38.0,300&since=2024-01-01&until=2030-01-01")
    assert res.status_code == 200


def test_security_headers_are_on_every_response(client):
    for path in ("/", "/api/health", "/api/events?since=bad", "/static/nope.js"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"


def test_cors_is_closed_by_default(client):
    res = client.get("/api/health", headers={"origin": "https://evil.example"})
    assert "access-control-allow-origin" not in res.headers


def test_a_foreign_host_header_is_refused(client):
    assert client.get("/api/health", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/api/health", headers={"host": "127.0.0.1:8000"}).status_code == 200
    assert client.get("/api/health", headers={"host": "localhost"}).status_code == 200


def test_a_public_bind_without_a_token_refuses_to_start(monkeypatch):
    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    with pytest.raises(BadInputError, match="token"):
        create_app(host="0.0.0.0", pipeline=object())


def test_with_a_token_writes_need_it_and_loopback_reads_do_not(pipeline):
    with TestClient(create_app(pipeline=pipeline, token="s3cret")) as c:
        body = {"text": "Russian forces shelled Kharkiv on Monday, officials said."}
        assert c.post("/api/analyze", json=body).status_code == 401
        assert c.post("/api/analyze", json=body, headers={"authorization": "Bearer wrong"}).status_code == 401
        assert c.post("/api/analyze", json=body, headers={"authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/api/health").status_code == 200


def test_off_loopback_every_request_but_health_needs_the_token(pipeline):
    app = create_app(pipeline=pipeline, token="s3cret", host="10.0.0.5")
    with TestClient(app, base_url="http://10.0.0.5") as c:
        assert c.get("/api/health").status_code == 200
        assert c.get("/api/schema").status_code == 401
        assert c.get("/api/schema", headers={"authorization": "Bearer s3cret"}).status_code == 200


def test_an_oversized_article_is_a_clear_413_not_a_spacy_error(pipeline, monkeypatch):
    monkeypatch.setenv("SITREP_MAX_CHARS", "1000")
    with TestClient(create_app(pipeline=pipeline)) as c:
        res = c.post("/api/analyze", json={"text": "Russian forces shelled Kharkiv. " * 100, "language_check": False})
    assert res.status_code == 413
    assert "SITREP_MAX_CHARS" in res.json()["message"]


def test_a_repeated_event_query_is_answered_afresh_once_the_store_changes(pipeline, seed_report, analyze_text,
                                                                           tmp_path):
    from sitrep.store.schema import connect
    from sitrep.store.writer import write_reports

    db = tmp_path / "changing.duckdb"
    con = connect(db)
    write_reports(con, [seed_report])
    con.close()
    with TestClient(create_app(db_path=db, pipeline=pipeline)) as c:
        first = c.get("/api/events?limit=5000").json()["count"]
        assert c.get("/api/events?limit=5000").json()["count"] == first  # the cached answer
        con = connect(db)
        write_reports(con, [analyze_text("Russian forces shelled Kharkiv on Monday, the governor said.")])
        con.close()
        assert c.get("/api/events?limit=5000").json()["count"] > first
