"""The HTTP API and the web page: analyse an article, browse stored events, all offline."""
from __future__ import annotations

import asyncio
import json
import math
import os
import threading
from collections import OrderedDict
from contextlib import asynccontextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, AsyncIterator, Optional

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from sitrep.api.guard import DEFAULT_MAX_BODY, LOOPBACK_HOSTS, Guard, is_loopback
from sitrep.api.replay import Replay
from sitrep.api.workers import DEFAULT_LOADER, AnalysisWorkerError, Analyses

from sitrep.errors import BadInputError, MissingDataError, QueryTimeoutError, SitrepError, StoreBusyError
from sitrep.ingest.decode import MAX_BYTES

_STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".html": "text/html", ".json": "application/json"}


class AnalyzeRequest(BaseModel):
    """Body of POST /api/analyze."""

    text: str = Field(..., description="Article text or HTML.")
    title: Optional[str] = None
    date: Optional[str] = Field(None, description="ISO date; anchors relative dates.")
    source: Optional[str] = None
    url: Optional[str] = Field(None, description="Metadata only; nothing is fetched.")
    language_check: bool = True


def create_app(db_path: str | Path | None = None, pipeline: Any = None, *, token: str | None = None,
               host: str = "127.0.0.1", allowed_hosts: list[str] | None = None,
               max_body: int = DEFAULT_MAX_BODY, timeout_s: float = 120.0, max_analyses: int = 2,
               pipeline_loader: str = DEFAULT_LOADER) -> Any:
    """Build the guarded app; analyses run in `max_analyses` worker processes, each loading the pipeline
    once at start-up (with `pipeline_loader`, "module:function"), or, when a pipeline is given (tests),
    in threads over it.

    A token (argument or env SITREP_TOKEN) is needed for every POST, and for every request but
    /api/health when `host` is not loopback; a non-loopback host without a token is refused.
    """
    token = token or os.environ.get("SITREP_TOKEN") or None
    if not is_loopback(host) and not token:
        raise BadInputError(f"serving on {host} needs a token: pass --token or set SITREP_TOKEN")
    hosts = list(allowed_hosts) if allowed_hosts else [*LOOPBACK_HOSTS, "testserver"]
    if host not in ("0.0.0.0", "::") and host not in hosts:
        hosts.append(host)
    app = _build_app(db_path, pipeline, timeout_s, max_analyses, pipeline_loader)
    store = app.state.db_path
    replayed = Replay(app, {"/api/health": lambda query: query,
                            "/api/events": lambda query: (store_stamp(store) if store else None, query)})
    guarded = Guard(replayed, max_body=max_body, allowed_hosts=None if host in ("0.0.0.0", "::") and not allowed_hosts
                    else hosts, token=token, token_for_reads=not is_loopback(host))
    guarded.state = app.state  # type: ignore[attr-defined]
    return guarded


def _build_app(db_path: str | Path | None, pipeline: Any, timeout_s: float, max_analyses: int,
               pipeline_loader: str = DEFAULT_LOADER) -> FastAPI:
    """The FastAPI app itself, without the guard."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        """Start the analysis workers (each loads the models once), and stop them at the end."""
        if app.state.db_path is not None:
            await run_in_threadpool(_warm_store_driver, app.state.db_path)
        await app.state.analyses.start()
        try:
            yield
        finally:
            app.state.analyses.stop()

    app = FastAPI(title="sitrep", version=_version(), lifespan=lifespan,
                  description="Verifiable, geolocated event records from war reporting.")
    app.state.pipeline = pipeline
    app.state.db_path = Path(db_path) if db_path else None
    app.state.analyses = Analyses(pipeline, workers=max_analyses, loader=pipeline_loader)
    app.state.analysis_slots = asyncio.Semaphore(max_analyses)
    app.state.answers = AnswerCache()

    @app.exception_handler(SitrepError)
    async def sitrep_error(_: Request, exc: SitrepError) -> JSONResponse:
        """Bad input is the client's to fix (400/413); missing data or a busy store the server's (503); else a bug (500)."""
        if isinstance(exc, (StoreBusyError, AnalysisWorkerError)):
            return JSONResponse({"error": type(exc).__name__, "message": str(exc)}, status_code=503,
                                headers={"retry-after": "5"})
        status = (503 if isinstance(exc, MissingDataError) else 500 if not isinstance(exc, BadInputError)
                  else 413 if "limit" in str(exc) else 400)
        return JSONResponse({"error": type(exc).__name__, "message": str(exc)}, status_code=status)

    @app.get("/api/health")
    async def health() -> dict[str, Any]:
        """Liveness and what is loaded (async: answered on the event loop, no worker thread needed)."""
        return {"ok": True, "version": _version(), "store": str(app.state.db_path) if app.state.db_path else None}

    @app.post("/api/analyze")
    async def analyze(body: AnalyzeRequest) -> dict[str, Any]:
        """Analyse one article off the event loop (at most `max_analyses` at once, each timed out)."""
        if len(body.text) > MAX_BYTES:
            raise BadInputError(f"text is over the {MAX_BYTES / 1e6:.0f} MB limit for one article")
        try:
            async with app.state.analysis_slots:
                return await asyncio.wait_for(app.state.analyses.run(body.model_dump()), timeout_s)
        except asyncio.TimeoutError:
            raise HTTPException(504, f"analysis took over {timeout_s:.0f} s; send a shorter article") from None

    @app.get("/api/schema")
    def schema() -> dict[str, Any]:
        """The JSON Schema of the report."""
        from sitrep.schema import report_schema

        return report_schema()

    @app.get("/api/events")
    def events(type: Optional[str] = None, actor: Optional[str] = None, place: Optional[str] = None,
               near: Optional[str] = Query(None, description="LAT,LON,KM"), since: Optional[str] = None,
               until: Optional[str] = None, source: Optional[str] = None,
               limit: int = Query(200, ge=1, le=5000)) -> dict[str, Any]:
        """Stored events matching the filters (needs a store: `sitrep serve --db FILE`)."""
        from sitrep.store.queries import EventFilter, find_events, parse_near, query_timeout_s, with_timeout
        from sitrep.store.schema import connect_read_only

        if app.state.db_path is None:
            raise HTTPException(404, "this server has no store; start it with `sitrep serve --db FILE`")
        filt = EventFilter(type=type, actor=actor, place=place, near=_checked_near(near, parse_near),
                           since=_checked_date("since", since), until=_checked_date("until", until), source=source)
        # no answer cache here: Replay in front keeps the encoded answer, keyed by the store's stamp
        con = connect_read_only(app.state.db_path)
        try:
            columns, rows = with_timeout(con, query_timeout_s(), lambda: find_events(con, filt, limit=limit))
        except QueryTimeoutError as exc:
            raise HTTPException(504, str(exc)) from None
        finally:
            con.close()
        names = [c.split(".")[-1] for c in columns]
        return {"count": len(rows), "events": [dict(zip(names, map(_jsonable, row))) for row in rows]}

    @app.get("/api/countries.geojson")
    def countries() -> Response:
        """Country outlines for the map (from the countryinfo package, offline)."""
        return Response(country_outlines(), media_type="application/geo+json")

    @app.get("/", response_class=HTMLResponse)
    def index() -> Response:
        """The web page: paste an article, see its entities, events, map and timeline."""
        return static_file("index.html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        """No icon: answer 204 so browsers stop asking."""
        return Response(status_code=204)

    @app.get("/static/{name}")
    def static(name: str) -> Response:
        """Page assets shipped inside the package."""
        return static_file(name)

    from sitrep.api.claims import router as claims_router  # the claims ledger (issue 13): GET /api/claims

    app.include_router(claims_router)
    from sitrep.api.workbench import router as workbench_router  # the analyst's workbench (issue 14)

    app.include_router(workbench_router)
    return app


class AnswerCache:
    """Recent store-query answers (the workbench's), keyed by the store's file stamp, so a changed store is never
    answered stale.

    Opening the store read-only costs about 40 ms, most of a query; the page and dashboards
    repeat the same few queries, and the connection cannot be kept open (it would lock out ingest).
    """

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self.answers: OrderedDict[Any, dict[str, Any]] = OrderedDict()
        self.lock = threading.Lock()  # sync endpoints run in worker threads

    def get(self, key: Any) -> dict[str, Any] | None:
        """The stored answer for `key`, or None."""
        with self.lock:
            if key in self.answers:
                self.answers.move_to_end(key)
                return self.answers[key]
        return None

    def put(self, key: Any, answer: dict[str, Any]) -> None:
        """Keep `answer`, dropping the least recently used beyond `size`."""
        with self.lock:
            self.answers[key] = answer
            while len(self.answers) > self.size:
                self.answers.popitem(last=False)


def store_stamp(path: Path) -> tuple[int, ...]:
    """Modification time and size of the store and its write-ahead log: they change whenever the store does."""
    stamp: list[int] = []
    for file in (path, path.with_name(path.name + ".wal")):
        try:
            st = file.stat()
            stamp += [st.st_mtime_ns, st.st_size]
        except OSError:
            stamp += [0, 0]
    return tuple(stamp)


def _warm_store_driver(path: Path) -> None:
    """Import DuckDB and open the store once, so the first event query does not pay for either.

    Done in a worker thread, the import and DuckDB's first start took 150 ms with the GIL held
    against the event loop, inside the first burst of queries.
    """
    from sitrep.store.schema import connect_read_only

    try:
        connect_read_only(path).close()
    except SitrepError:  # busy or missing now: each query reports it when it comes
        pass


def _checked_near(value: str | None, parse: Any) -> tuple[float, float, float] | None:
    """LAT,LON,KM as three finite numbers in range, or a 400."""
    if not value:
        return None
    lat, lon, km = parse(value)
    if not all(math.isfinite(x) for x in (lat, lon, km)) or km > 20_040:
        raise BadInputError(f"near {value!r}: give three finite numbers, distance at most 20,040 km")
    return lat, lon, km


def _checked_date(name: str, value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) or a 400 saying so."""
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise BadInputError(f"{name} {value!r} is not a date: use YYYY-MM-DD") from None


def static_file(name: str) -> Response:
    """Serve a file of sitrep/api/web by bare name (no paths, so nothing outside can be read)."""
    suffix = Path(name).suffix
    if "/" in name or "\\" in name or name.startswith(".") or suffix not in _STATIC_TYPES:
        raise HTTPException(404, "no such file")
    ref = resources.files("sitrep.api").joinpath("web", name)
    if not ref.is_file():
        raise HTTPException(404, "no such file")
    return Response(ref.read_bytes(), media_type=_STATIC_TYPES[suffix])


@lru_cache(maxsize=1)
def country_outlines() -> bytes:
    """All country polygons as one GeoJSON FeatureCollection, built once per process."""
    from countryinfo import all_countries

    features = []
    for country in all_countries():
        try:
            geo = country.geo_json() or {}
        except Exception:  # noqa: BLE001 - a few territories ship no outline; the map simply omits them
            continue
        for feature in geo.get("features", []):
            features.append({"type": "Feature", "id": feature.get("id"),
                             "properties": {"name": feature.get("properties", {}).get("name")},
                             "geometry": feature.get("geometry")})
    return json.dumps({"type": "FeatureCollection", "features": features}).encode("utf-8")


def _jsonable(value: Any) -> Any:
    """Dates and other DuckDB values as JSON-ready values."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def _version() -> str:
    """The installed sitrep version."""
    from sitrep import __version__

    return __version__
