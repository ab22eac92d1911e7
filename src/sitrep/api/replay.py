"""Repeated GETs answered from the bytes FastAPI sent the first time, while what they depend on is unchanged.

Under a burst of 2,000 requests on two cores, FastAPI's own work per request (routing, parameter
solving, response validation and encoding, a worker thread for a sync endpoint) was most of the
latency (bench/load.py): about 0.8 ms a request against 0.15 ms for uvicorn itself. A recorded
answer costs one dictionary look-up. Only complete 200 answers are recorded, so every error,
4xx and header FastAPI produces still comes from FastAPI; the guard in front still checks Host
and token and adds the security headers to every answer, replayed or not.
"""
from __future__ import annotations

import asyncio
from collections import OrderedDict
from typing import Any, Callable, Hashable

from sitrep.api.guard import ASGIApp, Receive, Scope, Send

Recorded = tuple[dict[str, Any], bytes]


class Replay:
    """ASGI layer: GET answers of the paths in `keys`, recorded per (path, key(query string))."""

    def __init__(self, app: ASGIApp, keys: dict[str, Callable[[bytes], Hashable]], *,
                 max_bytes: int = 32_000_000, max_answer: int = 2_000_000) -> None:
        self.app = app
        self.keys = keys
        self.max_bytes = max_bytes
        self.max_answer = max_answer
        self.recorded: OrderedDict[Hashable, Recorded] = OrderedDict()
        self.held = 0
        # one request per key computes its answer; the same query arriving meanwhile waits for it
        # instead of starting its own store query (a cold burst would otherwise start hundreds)
        self.pending: dict[Hashable, asyncio.Future[Recorded | None]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key_of = self.keys.get(scope.get("path", "")) if scope["type"] == "http" else None
        if key_of is None or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        key = (scope["path"], key_of(scope.get("query_string", b"")))
        answer = self._get(key)
        waited = answer is None and key in self.pending
        if waited:
            answer = await asyncio.shield(self.pending[key])
        if answer is not None:
            await _replay(send, answer)
            return
        if waited:  # the answer waited for was not worth keeping (an error): this request gets its own
            await self.app(scope, receive, send)
            return
        future: asyncio.Future[Recorded | None] = asyncio.get_running_loop().create_future()
        self.pending[key] = future
        try:
            answer = await self._record(scope, receive, send)
            if answer is not None:
                self._put(key, answer)
        finally:
            del self.pending[key]
            future.set_result(answer)

    async def _record(self, scope: Scope, receive: Receive, send: Send) -> Recorded | None:
        """Let the app answer, passing everything on; the answer if it is a complete 200 worth keeping."""
        start: dict[str, Any] = {}
        parts: list[bytes] = []
        keep, complete = True, False

        async def recording(message: dict[str, Any]) -> None:
            nonlocal keep, complete
            if message["type"] == "http.response.start":
                start.update(message)
                keep = message.get("status") == 200 and not message.get("trailers")
            elif message["type"] == "http.response.body" and keep:
                parts.append(message.get("body", b""))
                keep = sum(map(len, parts)) <= self.max_answer
                complete = not message.get("more_body", False)
            await send(message)

        await self.app(scope, receive, recording)
        if not (keep and complete and start):
            return None
        return ({"type": "http.response.start", "status": 200, "headers": list(start.get("headers", []))},
                b"".join(parts))

    def _get(self, key: Hashable) -> Recorded | None:
        answer = self.recorded.get(key)
        if answer is not None:
            self.recorded.move_to_end(key)
        return answer

    def _put(self, key: Hashable, answer: Recorded) -> None:
        old = self.recorded.pop(key, None)
        self.held -= len(old[1]) if old else 0
        self.recorded[key] = answer
        self.held += len(answer[1])
        while self.held > self.max_bytes and self.recorded:
            _, dropped = self.recorded.popitem(last=False)
            self.held -= len(dropped[1])


async def _replay(send: Send, answer: Recorded) -> None:
    start, body = answer
    await send(dict(start, headers=list(start["headers"])))
    await send({"type": "http.response.body", "body": body})
