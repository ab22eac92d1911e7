"""The analyst's workbench endpoints: every stored event in one answer, one article with its evidence, Parquet export.

The page filters client-side (10,000 events filter in milliseconds in the browser), so
GET /api/workbench/events sends each event once with what every filter needs; CSV and GeoJSON
are written by the page from the filtered rows, Parquet by POST /api/workbench/export.parquet
from the ids of exactly those rows.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

router = APIRouter()

EVENTS_SQL = """
WITH pl AS (SELECT article_sha, geonameid, any_value(country) AS country, any_value(admin1_name) AS admin1
            FROM places WHERE geonameid IS NOT NULL GROUP BY 1, 2),
     cm AS (SELECT m.article_sha, m.event_idx, c.cluster_id, c.num_articles, c.num_sources
            FROM cluster_members m JOIN clusters c USING (cluster_id))
SELECT e.article_sha, e.idx, e.type, e.mode, e.modality, e.actor_text, e.recipient_text, e.place_text,
       e.lat, e.lon, e.date, e.day, a.day AS article_day, CAST(a.ingested_at AS DATE) AS ingest_day,
       e.attributed_to, e.evidence_start, e.evidence_end, e.evidence_text, a.source, a.title,
       pl.country, pl.admin1, cm.cluster_id, cm.num_articles, cm.num_sources, e.confidence
FROM events e JOIN articles a ON a.sha = e.article_sha
LEFT JOIN pl ON pl.article_sha = e.article_sha AND pl.geonameid = e.place_geonameid
LEFT JOIN cm ON cm.article_sha = e.article_sha AND cm.event_idx = e.idx
ORDER BY e.day NULLS LAST, e.article_sha, e.idx
LIMIT ?
"""
FLAGS_SQL = "SELECT article_sha, idx, kind, severity, message, evidence_start, evidence_end, evidence_text FROM flags"


class ExportRequest(BaseModel):
    """Body of POST /api/workbench/export.parquet: the ids of the events the page shows."""

    ids: list[str] = Field(..., max_length=200_000, description="Event ids as the page gives them: SHA16-IDX.")


def event_id(sha: str, idx: int) -> str:
    """The stable event id, as in the PLOVER export: first 16 hex of the article hash, dash, index."""
    return f"{sha[:16]}-{idx}"


def store_path(request: Request) -> Path:
    """The server's store, or a 404 that says how to give it one."""
    db_path = getattr(request.app.state, "db_path", None)
    if db_path is None:
        raise HTTPException(404, "this server has no store; start it with `sitrep serve --db FILE`")
    return Path(db_path)


def read_workbench(db_path: Path, limit: int) -> dict[str, Any]:
    """Events (with day kind, source chain, place country/admin-1, corroboration) and flags linked to them."""
    from sitrep.store.schema import connect_read_only

    con = connect_read_only(db_path)
    try:
        cur = con.execute(EVENTS_SQL, [limit + 1])
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, row)) for row in cur.fetchall()]
        flag_cur = con.execute(FLAGS_SQL)
        flag_names = [d[0] for d in flag_cur.description]
        flag_rows = [dict(zip(flag_names, row)) for row in flag_cur.fetchall()]
    finally:
        con.close()
    truncated = len(rows) > limit
    events = [event_json(r) for r in rows[:limit]]
    flags = link_flags(flag_rows, events)
    return {"count": len(events), "truncated": truncated, "events": events, "flags": flags}


def event_json(row: dict[str, Any]) -> dict[str, Any]:
    """One event row as the page uses it; `day_kind` says where its day came from (event, article, ingest)."""
    chain = list(row["attributed_to"] or [])
    if row["date"]:
        day, kind = row["day"], "event"
    elif row["article_day"] or row["day"]:
        day, kind = row["day"] or row["article_day"], "article"
    else:
        day, kind = row["ingest_day"], "ingest" if row["ingest_day"] else None
    return {
        "id": event_id(row["article_sha"], row["idx"]), "sha": row["article_sha"], "idx": row["idx"],
        "type": row["type"], "mode": row["mode"], "modality": row["modality"],
        "actor": row["actor_text"], "recipient": row["recipient_text"], "place": row["place_text"],
        "country": row["country"], "admin1": row["admin1"], "lat": row["lat"], "lon": row["lon"],
        "day": day.isoformat() if day else None, "day_kind": kind,
        "source": row["source"], "chain": chain, "root": chain[0] if chain else row["source"],
        "title": row["title"], "evidence": row["evidence_text"],
        "start": row["evidence_start"], "end": row["evidence_end"],
        "cluster": row["cluster_id"], "articles": row["num_articles"] or 1, "sources": row["num_sources"] or 1,
        "confidence": row["confidence"], "flags": [],
    }


def link_flags(flag_rows: list[dict[str, Any]], events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tie each flag to the events of its article whose evidence it overlaps (all of them when it has no span)."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        by_article.setdefault(event["sha"], []).append(event)
    flags = []
    for row in flag_rows:
        start, end = row["evidence_start"], row["evidence_end"]
        mine = by_article.get(row["article_sha"], [])
        linked = [e for e in mine if start is None or (e["start"] is not None and start < e["end"] and end > e["start"])]
        for event in linked:
            if row["kind"] not in event["flags"]:
                event["flags"].append(row["kind"])
        flags.append({"sha": row["article_sha"], "idx": row["idx"], "kind": row["kind"], "severity": row["severity"],
                      "message": row["message"], "evidence": row["evidence_text"], "start": start, "end": end,
                      "events": [e["id"] for e in linked]})
    return flags


def read_article(db_path: Path, sha: str) -> dict[str, Any]:
    """One stored article with its events, quotes, source chains, flags, places and the other reports of each event."""
    from sitrep.store.schema import connect_read_only

    con = connect_read_only(db_path)
    try:
        article = rows_of(con, "SELECT sha, title, source, url, date, day, text, ingested_at FROM articles WHERE sha = ?", [sha])
        if not article:
            raise HTTPException(404, f"no stored article {sha[:16]}")
        parts = {table: rows_of(con, f"SELECT * EXCLUDE (article_sha) FROM {table} WHERE article_sha = ? ORDER BY idx", [sha])
                 for table in ("events", "quotes", "attributions", "flags", "places")}
        peers = rows_of(con, """
            SELECT m.event_idx AS of_idx, o.article_sha AS sha, o.event_idx AS idx, a.title, a.source,
                   e.type, e.mode, e.modality, e.place_text, e.day, e.attributed_to, e.evidence_text
            FROM cluster_members m JOIN cluster_members o ON o.cluster_id = m.cluster_id AND o.article_sha <> m.article_sha
            JOIN events e ON e.article_sha = o.article_sha AND e.idx = o.event_idx
            JOIN articles a ON a.sha = o.article_sha
            WHERE m.article_sha = ? ORDER BY m.event_idx, a.day, o.article_sha""", [sha])
    finally:
        con.close()
    events = {e["idx"]: e for e in parts["events"]}
    for peer in peers:
        peer["id"] = event_id(peer["sha"], peer["idx"])
        peer["relation"] = relation_to(events.get(peer["of_idx"], {}), peer)
    return {"article": article[0], **parts, "peers": peers}


def relation_to(event: dict[str, Any], other: dict[str, Any]) -> str:
    """How another article's report of the same event stands to this one: confirms, denies, or changes it."""
    if (other.get("modality") == "negated") != (event.get("modality") == "negated"):
        return "denies"
    changed = [f for f in ("type", "mode", "place_text", "day") if other.get(f) and event.get(f) and other[f] != event[f]]
    return "changes " + ", ".join(f.replace("_text", "") for f in changed) if changed else "confirms"


def rows_of(con: Any, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """A query's rows as JSON-ready dicts."""
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [{n: (v.isoformat() if hasattr(v, "isoformat") else v) for n, v in zip(names, row)} for row in cur.fetchall()]


def parquet_of(db_path: Path, ids: list[str]) -> bytes:
    """The stored events with these ids (and their article's outlet, title, url) as one Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from sitrep.store.schema import connect_read_only

    con = connect_read_only(db_path)
    try:
        con.register("wanted", pa.table({"id": pa.array(ids, pa.string())}))
        table = con.sql("""
            SELECT substr(e.article_sha, 1, 16) || '-' || e.idx AS id, e.*, a.source, a.title, a.url
            FROM events e JOIN articles a ON a.sha = e.article_sha
            WHERE substr(e.article_sha, 1, 16) || '-' || e.idx IN (SELECT id FROM wanted)
            ORDER BY e.day NULLS LAST, e.article_sha, e.idx""").to_arrow_table()
    finally:
        con.close()
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


@router.get("/api/workbench/events")
def workbench_events(request: Request, limit: int = Query(50_000, ge=1, le=200_000)) -> dict[str, Any]:
    """Every stored event (up to `limit`) with the fields the page filters on, and the flags tied to them."""
    from sitrep.api.app import store_stamp

    path = store_path(request)
    key = ("workbench", store_stamp(path), limit)
    cached = request.app.state.answers.get(key)
    if cached is None:
        cached = read_workbench(path, limit)
        request.app.state.answers.put(key, cached)
    return cached


@router.get("/api/workbench/articles/{sha}")
def workbench_article(request: Request, sha: str) -> dict[str, Any]:
    """One article: text, events with evidence offsets, quotes, source chains, flags, places, other reports."""
    if not (16 <= len(sha) <= 64 and all(c in "0123456789abcdef" for c in sha)):
        raise HTTPException(400, "give the article's SHA-256 in lower-case hex")
    return read_article(store_path(request), sha)


@router.post("/api/workbench/export.parquet")
def workbench_parquet(request: Request, body: ExportRequest) -> Response:
    """Exactly the events the page shows, by id, as Parquet."""
    data = parquet_of(store_path(request), body.ids)
    return Response(data, media_type="application/vnd.apache.parquet",
                    headers={"content-disposition": 'attachment; filename="sitrep-events.parquet"'})
