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
            if q:
                rows = [r for r in rows if q.lower() in r["summary"].lower()][:limit]
            add_article_info(con, rows)
        finally:
            con.close()
    except SitrepError as exc:  # no store, or no ledger built yet: say what to run
        raise HTTPException(404, str(exc)) from None
    return rows


def add_article_info(con: Any, rows: list[dict[str, Any]]) -> None:
    """Give each claim `article_info`: title, outlet and hash of each of its articles (the claim view shows them)."""
    ids = sorted({a for r in rows for a in (*r["articles"], *(d["article"] for d in r["denials"]))})
    if not ids:
        return
    found = con.execute("SELECT coalesce(id, substr(sha, 1, 16)) AS aid, any_value(title), any_value(source), "
                        "any_value(sha) FROM articles WHERE coalesce(id, substr(sha, 1, 16)) IN (SELECT UNNEST(?)) "
                        "GROUP BY aid", [ids]).fetchall()
    info = {aid: {"id": aid, "title": title, "source": source, "sha": sha} for aid, title, source, sha in found}
    for r in rows:
        wanted = dict.fromkeys([*r["articles"], *(d["article"] for d in r["denials"])])
        r["article_info"] = [info.get(a, {"id": a, "title": None, "source": None, "sha": None}) for a in wanted]
