"""GET /api/claims: the stored claims ledger (built by `sitrep claims --db DB`), as its contract JSON."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request

from sitrep.errors import SitrepError

router = APIRouter()


@router.get("/api/claims")
def list_claims(request: Request, min_roots: int = Query(1, ge=1, le=1000), limit: int = Query(100, ge=1, le=5000),
                q: str | None = Query(None, max_length=200)) -> list[dict[str, Any]]:
    """Ledger claims, most corroborated first; `q` keeps those whose summary contains the words."""
    from sitrep.claims.store import read_ledger_json
    from sitrep.store.schema import connect_read_only

    db_path = getattr(request.app.state, "db_path", None)
    if db_path is None:
        raise HTTPException(404, "this server has no store; start it with `sitrep serve --db FILE`")
    try:
        con = connect_read_only(db_path)
        try:
            rows = read_ledger_json(con, min_roots=min_roots, limit=None if q else limit)
        finally:
            con.close()
    except SitrepError as exc:  # no store, or no ledger built yet: say what to run
        raise HTTPException(404, str(exc)) from None
    if q:
        rows = [r for r in rows if q.lower() in r["summary"].lower()][:limit]
    return rows
