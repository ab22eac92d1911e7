"""ASGI guards in front of the API: body size, Host header, token, security headers."""
from __future__ import annotations

import hmac
import ipaddress
from typing import Any, Awaitable, Callable

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MAX_BODY = 10_000_000
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                 b"object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def is_loopback(host: str) -> bool:
    """True for a bind address that only this machine can reach."""
    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Guard:
    """One middleware for every request: Host check, token, 413 before reading, security headers."""

    def __init__(self, app: ASGIApp, *, max_body: int = DEFAULT_MAX_BODY, allowed_hosts: list[str] | None = None,
                 token: str | None = None, token_for_reads: bool = False) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = {h.lower() for h in (allowed_hosts or [])}
        self.token = token
        self.token_for_reads = token_for_reads

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _send_json(send, *refusal)
            return
        over = {"limit": False, "sent": False}

        async def sending(message: dict[str, Any]) -> None:
            if over["limit"]:  # the app's answer to a cut-off body is replaced by one 413
                if not over["sent"]:
                    over["sent"] = True
                    await _send_json(send, 413, f"request body is over the {self.max_body:,}-byte limit")
                return
            await _with_headers(send)(message)

        try:
            await self.app(scope, self._counting(receive, over), sending)
        except Exception:
            if not over["limit"]:
                raise
        if over["limit"] and not over["sent"]:
            await _send_json(send, 413, f"request body is over the {self.max_body:,}-byte limit")

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        """Why this request is refused before the app sees it, or None."""
        host = _host_name(headers.get("host", ""))
        if self.allowed_hosts and host not in self.allowed_hosts:
            return 400, f"host {host!r} is not served here"
        if self.token and self._needs_token(scope) and not _token_matches(headers, self.token):
            return 401, "this endpoint needs the server token: send `Authorization: Bearer TOKEN`"
        length = headers.get("content-length", "")
        if length and (not length.isdigit() or int(length) > self.max_body):
            return 413, f"request body is over the {self.max_body:,}-byte limit"
        return None

    def _needs_token(self, scope: Scope) -> bool:
        if scope.get("method", "GET") not in ("GET", "HEAD", "OPTIONS"):
            return True
        return self.token_for_reads and scope.get("path") != "/api/health"

    def _counting(self, receive: Receive, over: dict[str, bool]) -> Receive:
        """A receive that cuts a (chunked) body off at the limit, so it is never read whole."""
        seen = 0
        limit = self.max_body

        async def counted() -> dict[str, Any]:
            nonlocal seen
            if over["limit"]:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    over["limit"] = True
                    return {"type": "http.disconnect"}
            return message

        return counted


def _with_headers(send: Send) -> Send:
    async def sending(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            message = dict(message)
            message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
        await send(message)

    return sending


async def _send_json(send: Send, status: int, message: str) -> None:
    import json

    body = json.dumps({"error": "refused", "message": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
                + SECURITY_HEADERS})
    await send({"type": "http.response.body", "body": body})


def _host_name(host: str) -> str:
    """The Host header without its port ('[::1]:8000' -> '[::1]', 'a:80' -> 'a')."""
    host = host.strip().lower()
    if host.startswith("["):
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _token_matches(headers: dict[str, str], token: str) -> bool:
    given = headers.get("authorization", "")
    given = given[7:] if given.lower().startswith("bearer ") else headers.get("x-sitrep-token", "")
    return hmac.compare_digest(given.encode(), token.encode())
