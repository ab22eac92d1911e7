"""Write Reports into the store, one transaction per batch, skipping articles already stored."""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Sequence

import duckdb
import pyarrow as pa

from sitrep.records import Evidence, Report
from sitrep.store.schema import ARTICLE_TABLES


def parse_day(value: str | None) -> dt.date | None:
    """The calendar day of an ISO date or timestamp string; None when it does not start with one."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def stored_shas(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Hashes of every article already in the store (to skip them before analysis)."""
    return {row[0] for row in con.execute("SELECT sha FROM articles").fetchall()}


def write_reports(con: duckdb.DuckDBPyConnection, reports: Sequence[Report]) -> int:
    """Insert the reports not yet stored, all in one transaction; return how many were new."""
    fresh = _dedupe(reports)
    if not fresh:
        return 0
    con.execute("BEGIN TRANSACTION")
    try:
        shas = [r.article.text_sha256 for r in fresh]
        known = {row[0] for row in con.execute("SELECT sha FROM articles WHERE sha IN (SELECT UNNEST(?))",
                                                [shas]).fetchall()}
        fresh = [r for r in fresh if r.article.text_sha256 not in known]
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        insert_rows(con, "articles", [article_row(r, now) for r in fresh])
        for table in ARTICLE_TABLES:
            insert_rows(con, table, [row for r in fresh for row in ROW_BUILDERS[table](r)])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(fresh)


def _dedupe(reports: Iterable[Report]) -> list[Report]:
    """Keep the first report of each text hash (a batch may hold the same text twice)."""
    seen: set[str] = set()
    out = []
    for report in reports:
        sha = report.article.text_sha256
        if sha and sha not in seen:
            seen.add(sha)
            out.append(report)
    return out


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Bulk-insert dict rows through Arrow (far faster than executemany), matching columns by name."""
    if not rows:
        return
    batch = pa.Table.from_pylist(rows)
    con.register("_sitrep_batch", batch)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _sitrep_batch")
    finally:
        con.unregister("_sitrep_batch")


def article_row(report: Report, now: dt.datetime) -> dict[str, Any]:
    """The articles row of a report."""
    a = report.article
    return {"sha": a.text_sha256, "id": a.id, "title": a.title, "date": a.date, "day": parse_day(a.date),
            "source": a.source, "url": a.url, "language": a.language, "text": a.text, "n_chars": len(a.text),
            "speaker": a.speaker,
            "schema_version": report.schema_version, "warnings": list(report.warnings), "ingested_at": now}


def entity_rows(report: Report) -> list[dict[str, Any]]:
    """The entities rows of a report, mentions kept as a list of spans."""
    sha = report.article.text_sha256
    return [{"article_sha": sha, "idx": i, "entity_id": e.id, "text": e.text, "type": e.type, "rank": e.rank,
             "role": e.role, "country": e.country, "sector": e.sector, "confidence": e.confidence,
             "recogniser": e.source, "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions]}
            for i, e in enumerate(report.entities)]


def place_rows(report: Report) -> list[dict[str, Any]]:
    """The places rows of a report (candidates stay in the report JSON, not here)."""
    sha = report.article.text_sha256
    return [{"article_sha": sha, "idx": i, "text": p.text, "start": p.start, "end": p.end, "geonameid": p.geonameid,
             "name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country, "admin1": p.admin1,
             "admin1_name": p.admin1_name, "feature": p.feature, "precision": p.precision, "score": p.score,
             "matched_by": p.matched_by, "stated_in": p.stated_in}
            for i, p in enumerate(report.places)]


def event_rows(report: Report) -> list[dict[str, Any]]:
    """The events rows of a report; `day` falls back to the article's date when the event has none."""
    sha = report.article.text_sha256
    rows = []
    for i, e in enumerate(report.events):
        actor, recipient, place = e.actor, e.recipient, e.place
        rows.append({
            "article_sha": sha, "idx": i, "event_id": e.id, "type": e.type, "mode": e.mode, "cameo": e.cameo,
            "quad_class": e.quad_class, "goldstein": e.goldstein,
            "actor_text": actor.text if actor else None, "actor_entity_id": actor.entity_id if actor else None,
            "actor_country": actor.country if actor else None, "actor_sector": actor.sector if actor else None,
            "recipient_text": recipient.text if recipient else None,
            "recipient_entity_id": recipient.entity_id if recipient else None,
            "recipient_country": recipient.country if recipient else None,
            "recipient_sector": recipient.sector if recipient else None,
            "place_text": place.label() if place else None, "place_geonameid": place.geonameid if place else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "date": e.date, "date_granularity": e.date_granularity,
            "day": parse_day(e.date) or parse_day(report.article.date), "modality": e.modality,
            "attributed_to": list(e.attributed_to), **_evidence(e.evidence),
            "trigger_text": e.trigger.text if e.trigger else None, "confidence": e.confidence,
        })
    return rows


def quote_rows(report: Report) -> list[dict[str, Any]]:
    """The quotes rows of a report."""
    sha = report.article.text_sha256
    return [{"article_sha": sha, "idx": i, "text": q.text, "start": q.start, "end": q.end, "speaker": q.speaker,
             "speaker_entity_id": q.speaker_entity_id, "confidence": q.confidence}
            for i, q in enumerate(report.quotes)]


def attribution_rows(report: Report) -> list[dict[str, Any]]:
    """The attributions rows of a report."""
    sha = report.article.text_sha256
    return [{"article_sha": sha, "idx": i, "cue": a.cue, "chain": list(a.chain), "anonymous": a.anonymous,
             "hedged": a.hedged, "official": a.official, "state_media": a.state_media, **_evidence(a.evidence)}
            for i, a in enumerate(report.attributions)]


def flag_rows(report: Report) -> list[dict[str, Any]]:
    """The flags rows of a report."""
    sha = report.article.text_sha256
    return [{"article_sha": sha, "idx": i, "kind": f.kind, "severity": f.severity, "message": f.message,
             "places": list(f.places), **_evidence(f.evidence)}
            for i, f in enumerate(report.flags)]


def _evidence(ev: Evidence | None) -> dict[str, Any]:
    """Flatten an Evidence span into three columns."""
    return {"evidence_start": ev.start if ev else None, "evidence_end": ev.end if ev else None,
            "evidence_text": ev.text if ev else None}


ROW_BUILDERS = {"entities": entity_rows, "places": place_rows, "events": event_rows, "quotes": quote_rows,
                "attributions": attribution_rows, "flags": flag_rows}
