"""CLI command for the claims ledger (issue 13): build it over a store, print it as a table or the contract JSON."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from sitrep.errors import MissingDataError
from sitrep.store.schema import DEFAULT_DB

err = Console(stderr=True)


def claims(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB store file (from `sitrep ingest`)."),
    as_json: bool = typer.Option(False, "--json", help="Print the ledger as the contract JSON list."),
    min_roots: int = typer.Option(1, "--min-roots", min=1, help="Only claims with at least this many independent roots."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Claims to show (most corroborated first)."),
) -> None:
    """Build the claims ledger over the store: corroboration by independent roots, denials, drift."""
    from sitrep.claims.store import ledger_from_store, read_ledger_json, write_ledger
    from sitrep.store.schema import connect

    if not db.exists():  # connect() would create an empty store; a missing one is the user's typo
        raise MissingDataError(f"no store at {db}; run `sitrep ingest ... --db {db}` first")
    con = connect(db)
    try:
        ledger = ledger_from_store(con)
        write_ledger(con, ledger)
        rows = read_ledger_json(con, min_roots=min_roots, limit=limit)
    finally:
        con.close()
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return
    table = Table("id", "summary", "first seen", "articles", "roots", "denials", "drift")
    for c in rows:
        drift = "; ".join(f"{d['field']}: {d['from']} → {d['to']}" for d in c["drift"][:3])
        table.add_row(c["id"], _cut(c["summary"], 70), c["first_seen"] or "", str(len(c["articles"])),
                      f"{c['independent_roots']} ({', '.join(c['roots'])})", str(len(c["denials"])), _cut(drift, 60))
    (Console() if sys.stdout.isatty() else Console(width=160)).print(table)
    multi = sum(1 for c in ledger if c.independent_roots >= 2)
    err.print(f"{len(ledger)} claims · {multi} with ≥2 independent roots · "
              f"{sum(1 for c in ledger if c.denials)} denied · {sum(1 for c in ledger if c.drift)} drifted", highlight=False)


def _cut(text: str, limit: int) -> str:
    """One line, at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
