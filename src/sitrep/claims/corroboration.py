"""How many independent roots stand behind each stored event, from the claims ledger (the GDELT export's
IndependentRoots column)."""
from __future__ import annotations

from typing import Iterable

import duckdb

from sitrep.claims.extract import outlet_of
from sitrep.claims.records import LedgerClaim, Sourced
from sitrep.claims.roots import UNKNOWN

# claim kinds made from one event (their id ends in the event's position); figures and quotes are not events
EVENT_KINDS = frozenset({"event", "control", "intention"})

EventKey = tuple[str, int]  # (article hash, event position)
SpanKey = tuple[str, int, int]  # (article hash, evidence start, evidence end)


def known_roots(mentions: Iterable[Sourced]) -> int:
    """Distinct roots among these reports, not counting the unknown root (nobody named, no outlet)."""
    return len({m.root.key for m in mentions if m.root.key != UNKNOWN.key})


def roots_by_event(claims: Iterable[LedgerClaim]) -> tuple[dict[EventKey, int], dict[SpanKey, int]]:
    """Each event-based report's independent roots, by event position and by evidence span.

    A supporting report counts its claim's roots; a denial counts the roots of the claim's denials (it is
    corroborated by the other deniers, not by the reports it denies). The span index catches events the
    ledger folded into one claim (a noun and its verb stating one thing share the sentence's span).
    """
    by_event: dict[EventKey, int] = {}
    by_span: dict[SpanKey, int] = {}
    for claim in claims:
        support, deny = known_roots(claim.mentions), known_roots(d.claim for d in claim.denials)
        linked = [(m, support) for m in claim.mentions] + [(d.claim, deny) for d in claim.denials]
        for mention, count in linked:
            c = mention.claim
            if c.kind not in EVENT_KINDS:
                continue
            idx = _event_position(c.id)
            if idx is not None:
                key = (c.article_sha, idx)
                by_event[key] = max(by_event.get(key, 0), count)
            span = (c.article_sha, c.evidence.start, c.evidence.end)
            by_span[span] = max(by_span.get(span, 0), count)
    return by_event, by_span


def event_independent_roots(con: duckdb.DuckDBPyConnection) -> dict[EventKey, int]:
    """(article hash, event position) -> independent roots, for every stored event; read-only on the store.

    The ledger is rebuilt from the stored reports so the figure never lags the store (a ledger written by
    `sitrep claims` may predate the last ingest). An event the ledger made no claim of counts 1 when its
    article has a root of its own (a speaker or an outlet), else 0: one source, or none that can be told.
    """
    if not con.execute("SELECT count(*) FROM events").fetchone()[0]:
        return {}
    from sitrep.claims.store import ledger_from_store
    from sitrep.store.schema import has_column

    by_event, by_span = roots_by_event(ledger_from_store(con, persist=False))
    speaker = "a.speaker" if has_column(con, "articles", "speaker") else "NULL"
    rows = con.execute(f"SELECT e.article_sha, e.idx, e.evidence_start, e.evidence_end, {speaker}, a.source, a.url "
                       "FROM events e JOIN articles a ON a.sha = e.article_sha").fetchall()
    out: dict[EventKey, int] = {}
    for sha, idx, start, end, who, source, url in rows:
        found = by_event.get((sha, idx))
        if found is None:
            found = by_span.get((sha, start, end))
        if found is None:
            found = 1 if (who or outlet_of(source, url)) else 0
        out[(sha, idx)] = found
    return out


def _event_position(claim_id: str) -> int | None:
    """The event position in an event-based claim id ('<sha>-e3', '<sha>-c3', '<sha>-i3' -> 3)."""
    tail = claim_id.rsplit("-", 1)[-1]
    return int(tail[1:]) if tail[:1] in "eci" and tail[1:].isdigit() else None
