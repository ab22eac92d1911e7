"""The HTTP API and the web page: analyse an article, browse stored events, all offline."""
from __future__ import annotations

import json
from contextlib import asynccontextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, AsyncIterator, Optional

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from sitrep.errors import BadInputError, MissingDataError, SitrepError
from sitrep.ingest.decode import MAX_BYTES

_STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".html": "text/html"}


class AnalyzeRequest(BaseModel):
    """Body of POST /api/analyze."""

    text: str = Field(..., description="Article text or HTML.")
    title: Optional[str] = None
    date: Optional[str] = Field(None, description="ISO date; anchors relative dates.")
    source: Optional[str] = None
    url: Optional[str] = Field(None, description="Metadata only; nothing is fetched.")
    language_check: bool = True


def create_app(db_path: str | Path | None = None, pipeline: Any = None) -> FastAPI:
    """Build the app; the pipeline loads once at start-up (or is given, e.g. by tests)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        """Load models once per process, not per request."""
        if app.state.pipeline is None:
            from sitrep.pipeline import load_pipeline

            app.state.pipeline = load_pipeline()
        yield

    app = FastAPI(title="sitrep", version=_version(), lifespan=lifespan,
                  description="Verifiable, geolocated event records from war reporting.")
    app.state.pipeline = pipeline
    app.state.db_path = Path(db_path) if db_path else None

    @app.exception_handler(SitrepError)
    async def sitrep_error(_: Request, exc: SitrepError) -> JSONResponse:
        """Bad input is the client's to fix (400/413); missing data is the server's (503)."""
        status = 503 if isinstance(exc, MissingDataError) else 413 if "limit" in str(exc) else 400
        return JSONResponse({"error": type(exc).__name__, "message": str(exc)}, status_code=status)

    @app.get("/api/health")
    def health() -> dict[str, Any]:
        """Liveness and what is loaded."""
        return {"ok": True, "version": _version(), "store": str(app.state.db_path) if app.state.db_path else None}

    @app.post("/api/analyze")
    def analyze(body: AnalyzeRequest) -> dict[str, Any]:
        """Analyse one article and return the contract JSON report."""
        from sitrep.ingest.text import article_from_string

        if len(body.text.encode("utf-8")) > MAX_BYTES:
            raise BadInputError(f"text is over the {MAX_BYTES / 1e6:.0f} MB limit for one article")
        meta = {k: v for k, v in body.model_dump().items() if k not in ("text", "language_check") and v}
        article = article_from_string(body.text, language_check=body.language_check, origin="request", **meta)
        return app.state.pipeline.analyze(article).to_dict()

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
        from sitrep.store.queries import EventFilter, find_events, parse_near
        from sitrep.store.schema import connect_read_only

        if app.state.db_path is None:
            raise HTTPException(404, "this server has no store; start it with `sitrep serve --db FILE`")
        filt = EventFilter(type=type, actor=actor, place=place, near=parse_near(near) if near else None,
                           since=since, until=until, source=source)
        con = connect_read_only(app.state.db_path)
        try:
            columns, rows = find_events(con, filt, limit=limit)
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

    return app


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
