"""The fast paths behind the load figures: replayed answers, analyses in worker processes of their own."""
from __future__ import annotations

import asyncio
import os
import signal
from types import SimpleNamespace

from fastapi.testclient import TestClient

from sitrep.api.app import create_app
from sitrep.api.replay import Replay

LOADER = f"{__name__}:fake_pipeline"


class _FakePipeline:
    """Stands in for the real pipeline in a worker process: its answer says where and at what priority it ran."""

    def analyze(self, article):
        if "die" in article.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return SimpleNamespace(to_dict=lambda: {"chars": len(article.text), "pid": os.getpid(), "nice": os.nice(0)})


def fake_pipeline() -> _FakePipeline:
    """The loader a worker process calls (named in LOADER)."""
    return _FakePipeline()


def _counting_app(status: int = 200):
    calls = []

    async def app(scope, receive, send):
        calls.append(scope["query_string"])
        await asyncio.sleep(0.01)  # long enough for the other requests to arrive meanwhile
        body = b'{"query": "%s"}' % scope["query_string"]
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": body})

    return app, calls


async def _get(app, query: bytes = b"") -> tuple[int, bytes, list]:
    sent = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    await app({"type": "http", "method": "GET", "path": "/x", "query_string": query, "headers": []}, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:]), sent[0]["headers"]


def test_concurrent_identical_queries_reach_the_app_once_and_get_the_same_answer():
    app, calls = _counting_app()
    replay = Replay(app, {"/x": lambda query: query})

    async def burst():
        return await asyncio.gather(*(_get(replay, b"a=1") for _ in range(50)), _get(replay, b"a=2"))

    answers = asyncio.run(burst())
    assert sorted(calls) == [b"a=1", b"a=2"]
    assert {body for _, body, _ in answers[:50]} == {b'{"query": "a=1"}'}
    assert all(headers == [(b"content-type", b"application/json")] for _, _, headers in answers)


def test_an_error_answer_is_never_replayed():
    app, calls = _counting_app(status=400)
    replay = Replay(app, {"/x": lambda query: query})

    async def twice():
        return [await _get(replay), await _get(replay)]

    assert [status for status, _, _ in asyncio.run(twice())] == [400, 400]
    assert len(calls) == 2


def test_replayed_answers_stay_within_their_byte_budget():
    app, _ = _counting_app()
    replay = Replay(app, {"/x": lambda query: query}, max_bytes=40)

    async def many():
        for i in range(10, 30):
            await _get(replay, b"q=%d" % i)

    asyncio.run(many())
    assert replay.held == sum(len(body) for _, body in replay.recorded.values()) <= 40
    assert list(replay.recorded) == [("/x", b"q=28"), ("/x", b"q=29")]  # the most recent ones


def test_a_replayed_health_answer_keeps_the_security_headers(pipeline):
    with TestClient(create_app(pipeline=pipeline)) as c:
        first, second = c.get("/api/health"), c.get("/api/health")
    assert first.json() == second.json() and first.json()["ok"] is True
    assert second.headers["x-frame-options"] == "DENY" and second.headers["content-type"] == "application/json"


def test_analyses_run_in_worker_processes_of_lowered_priority_and_survive_a_dead_worker():
    with TestClient(create_app(pipeline_loader=LOADER, max_analyses=1)) as c:
        res = c.post("/api/analyze", json={"text": "Russian forces shelled Kharkiv.", "language_check": False})
        assert res.status_code == 200, res.text
        assert res.json()["pid"] != os.getpid()
        assert res.json()["nice"] >= os.nice(0) + 1
        dead = c.post("/api/analyze", json={"text": "die", "language_check": False})
        assert dead.status_code == 503 and "worker" in dead.json()["message"]
        again = c.post("/api/analyze", json={"text": "Russian forces shelled Kharkiv.", "language_check": False})
        assert again.status_code == 200, again.text
