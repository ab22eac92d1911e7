"""Read the store: filtered event queries and user SQL that cannot write."""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

import duckdb

from sitrep.errors import BadInputError, QueryTimeoutError

T = TypeVar("T")
# seconds a store query may run before it is interrupted (SITREP_QUERY_TIMEOUT_S overrides)
DEFAULT_QUERY_TIMEOUT_S = 15.0

# The only statement type a user query may run (not even EXPLAIN: EXPLAIN ANALYZE executes its statement)
_READ_ONLY = {"SELECT"}
EVENT_COLUMNS = ("e.type", "e.mode", "e.actor_text", "e.recipient_text", "e.place_text", "e.lat", "e.lon",
                 "e.day", "e.modality", "a.source", "a.title", "e.evidence_text", "e.article_sha", "e.idx")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Conditions on stored events; None means no condition."""

    type: str | None = None
    actor: str | None = None
    place: str | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, km
    since: str | None = None
    until: str | None = None
    source: str | None = None


def parse_near(value: str) -> tuple[float, float, float]:
    """Parse 'LAT,LON,KM' into numbers, refusing impossible coordinates."""
    parts = value.split(",")
    try:
        lat, lon, km = (float(p) for p in parts)
    except ValueError as exc:
        raise BadInputError(f"--near wants LAT,LON,KM (e.g. 48.59,38.0,30), got {value!r}") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise BadInputError(f"--near {value!r}: latitude must be within ±90, longitude ±180, distance > 0")
    return lat, lon, km


def event_where(filt: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause and parameters for a filter over events `e` joined to articles `a`."""
    clauses: list[str] = []
    params: list[Any] = []
    if filt.type:
        clauses.append("upper(e.type) = upper(?)")
        params.append(filt.type)
    if filt.actor:
        clauses.append("(e.actor_text ILIKE ? OR e.recipient_text ILIKE ?)")
        params += [f"%{filt.actor}%"] * 2
    if filt.place:
        # the place as written in the event, or the resolved GeoNames name of any place of that article
        clauses.append("(e.place_text ILIKE ? OR EXISTS (SELECT 1 FROM places p WHERE p.article_sha = e.article_sha "
                       "AND p.geonameid = e.place_geonameid AND p.name ILIKE ?))")
        params += [f"%{filt.place}%"] * 2
    if filt.near:
        lat, lon, km = filt.near
        # the numbers are floats parsed by parse_near, so inlining them cannot inject SQL
        clauses.append(f"e.lat IS NOT NULL AND {haversine_sql('e.lat', 'e.lon', repr(float(lat)), repr(float(lon)))}"
                       f" <= {float(km)!r}")
    if filt.since:
        clauses.append("e.day >= CAST(? AS DATE)")
        params.append(filt.since)
    if filt.until:
        clauses.append("e.day <= CAST(? AS DATE)")
        params.append(filt.until)
    if filt.source:
        clauses.append("a.source ILIKE ?")
        params.append(f"%{filt.source}%")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def haversine_sql(lat1: str, lon1: str, lat2: str, lon2: str) -> str:
    """SQL for the great-circle distance in km between two points (column names or numbers)."""
    return (f"(2 * 6371.0088 * asin(least(1, sqrt(pow(sin(radians({lat2} - {lat1}) / 2), 2) + "
            f"cos(radians({lat1})) * cos(radians({lat2})) * pow(sin(radians({lon2} - {lon1}) / 2), 2)))))")


def find_events(con: duckdb.DuckDBPyConnection, filt: EventFilter, limit: int | None = 50) -> tuple[list[str], list[tuple]]:
    """Stored events matching the filter, newest first: (column names, rows)."""
    where, params = event_where(filt)
    sql = (f"SELECT {', '.join(EVENT_COLUMNS)} FROM events e JOIN articles a ON a.sha = e.article_sha{where} "
           "ORDER BY e.day DESC NULLS LAST, e.article_sha, e.idx")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    cur = con.execute(sql, params)
    return [d[0] for d in cur.description], cur.fetchall()


def check_read_only_sql(sql: str) -> None:
    """Refuse anything but a single SELECT (no INSERT, UPDATE, COPY, ATTACH, PRAGMA, SET, EXPLAIN ...)."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise BadInputError(f"SQL does not parse: {exc}") from exc
    if len(statements) != 1:
        raise BadInputError(f"give exactly one SQL statement, got {len(statements)}")
    kind = statements[0].type.name
    if kind not in _READ_ONLY:
        raise BadInputError(f"--sql is read-only: {kind} statements are refused; use SELECT")


def run_readonly_sql(con: duckdb.DuckDBPyConnection, sql: str, limit: int | None = None) -> tuple[list[str], list[tuple]]:
    """Run one read-only statement (the connection should be read-only too): (column names, rows)."""
    check_read_only_sql(sql)
    try:
        cur = con.execute(sql)
    except duckdb.Error as exc:
        raise BadInputError(f"SQL failed: {exc}") from exc
    rows = cur.fetchall() if limit is None else cur.fetchmany(limit)
    return [d[0] for d in cur.description], rows


def query_timeout_s() -> float:
    """The query time limit: SITREP_QUERY_TIMEOUT_S when set to a positive number, else the default."""
    try:
        value = float(os.environ.get("SITREP_QUERY_TIMEOUT_S", DEFAULT_QUERY_TIMEOUT_S))
    except ValueError:
        return DEFAULT_QUERY_TIMEOUT_S
    return value if value > 0 else DEFAULT_QUERY_TIMEOUT_S


def with_timeout(con: duckdb.DuckDBPyConnection, seconds: float, run: Callable[[], T]) -> T:
    """Run a query function on `con`, interrupting the connection when it takes longer than `seconds`."""
    fired = threading.Event()

    def stop() -> None:
        fired.set()
        con.interrupt()

    timer = threading.Timer(seconds, stop)
    timer.daemon = True
    timer.start()
    try:
        return run()
    except (duckdb.InterruptException, BadInputError, duckdb.Error) as exc:
        if fired.is_set():
            raise QueryTimeoutError(f"the query ran over {seconds:g} s and was stopped; narrow the filter "
                                    "or set SITREP_QUERY_TIMEOUT_S") from exc
        raise
    finally:
        timer.cancel()
