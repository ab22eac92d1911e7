"""DuckDB tables of the store; every row hangs off `articles.sha` (the article's text SHA-256)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.errors import BadInputError, MissingDataError, SitrepError, StoreBusyError

if TYPE_CHECKING:  # duckdb is imported when a store is opened, keeping `sitrep --help` fast
    import duckdb

DEFAULT_DB = "sitrep.duckdb"
STORE_VERSION = "1"

# One statement per table; child tables repeat the article hash so a re-ingest can be checked and
# skipped per article, and `idx` (position in the report) keeps their keys unique and stable.
TABLES: dict[str, str] = {
    "meta": "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    "articles": """CREATE TABLE IF NOT EXISTS articles (
        sha VARCHAR PRIMARY KEY, id VARCHAR, title VARCHAR, date VARCHAR, day DATE, source VARCHAR,
        url VARCHAR, language VARCHAR, text VARCHAR, n_chars INTEGER, schema_version VARCHAR,
        warnings VARCHAR[], ingested_at TIMESTAMP, speaker VARCHAR)""",
    "entities": """CREATE TABLE IF NOT EXISTS entities (
        article_sha VARCHAR, idx INTEGER, entity_id VARCHAR, text VARCHAR, type VARCHAR, rank VARCHAR,
        role VARCHAR, country VARCHAR, sector VARCHAR, confidence DOUBLE, recogniser VARCHAR,
        mentions STRUCT(start INTEGER, "end" INTEGER, text VARCHAR)[], PRIMARY KEY (article_sha, idx))""",
    "places": """CREATE TABLE IF NOT EXISTS places (
        article_sha VARCHAR, idx INTEGER, text VARCHAR, start INTEGER, "end" INTEGER, geonameid BIGINT,
        name VARCHAR, lat DOUBLE, lon DOUBLE, country VARCHAR, admin1 VARCHAR, admin1_name VARCHAR,
        feature VARCHAR, precision VARCHAR, score DOUBLE, matched_by VARCHAR, stated_in VARCHAR,
        PRIMARY KEY (article_sha, idx))""",
    "events": """CREATE TABLE IF NOT EXISTS events (
        article_sha VARCHAR, idx INTEGER, event_id VARCHAR, type VARCHAR, mode VARCHAR, cameo VARCHAR,
        quad_class INTEGER, goldstein DOUBLE,
        actor_text VARCHAR, actor_entity_id VARCHAR, actor_country VARCHAR, actor_sector VARCHAR,
        recipient_text VARCHAR, recipient_entity_id VARCHAR, recipient_country VARCHAR, recipient_sector VARCHAR,
        place_text VARCHAR, place_geonameid BIGINT, lat DOUBLE, lon DOUBLE,
        date VARCHAR, date_granularity VARCHAR, day DATE, modality VARCHAR, attributed_to VARCHAR[],
        evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR, trigger_text VARCHAR,
        confidence DOUBLE, PRIMARY KEY (article_sha, idx))""",
    "quotes": """CREATE TABLE IF NOT EXISTS quotes (
        article_sha VARCHAR, idx INTEGER, text VARCHAR, start INTEGER, "end" INTEGER, speaker VARCHAR,
        speaker_entity_id VARCHAR, confidence DOUBLE, PRIMARY KEY (article_sha, idx))""",
    "attributions": """CREATE TABLE IF NOT EXISTS attributions (
        article_sha VARCHAR, idx INTEGER, cue VARCHAR, chain VARCHAR[], anonymous BOOLEAN, hedged BOOLEAN,
        official BOOLEAN, state_media BOOLEAN, evidence_start INTEGER, evidence_end INTEGER,
        evidence_text VARCHAR, PRIMARY KEY (article_sha, idx))""",
    "flags": """CREATE TABLE IF NOT EXISTS flags (
        article_sha VARCHAR, idx INTEGER, kind VARCHAR, severity VARCHAR, message VARCHAR,
        evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR, places VARCHAR[],
        PRIMARY KEY (article_sha, idx))""",
    # MinHash signature of each article, computed once: near-duplicate matching never re-reads old texts
    "minhash": """CREATE TABLE IF NOT EXISTS minhash (sha VARCHAR PRIMARY KEY, sig UBIGINT[])""",
    # LSH band keys of each signature (see corpus/neardup_store.py): a new article's candidates are one join away
    "minhash_bands": """CREATE TABLE IF NOT EXISTS minhash_bands (sha VARCHAR, band SMALLINT, key BIGINT)""",
    "minhash_bands_key": """CREATE INDEX IF NOT EXISTS minhash_bands_key ON minhash_bands (band, key)""",
    "neardup": """CREATE TABLE IF NOT EXISTS neardup (
        article_sha VARCHAR PRIMARY KEY, group_sha VARCHAR, similarity DOUBLE)""",
    "clusters": """CREATE TABLE IF NOT EXISTS clusters (
        cluster_id VARCHAR PRIMARY KEY, type VARCHAR, first_seen DATE, last_seen DATE,
        num_events INTEGER, num_articles INTEGER, num_sources INTEGER, lat DOUBLE, lon DOUBLE,
        place_text VARCHAR, actor_text VARCHAR, recipient_text VARCHAR,
        anchor_sha VARCHAR, anchor_idx INTEGER, anchor_day DATE, seq BIGINT)""",
    "cluster_members": """CREATE TABLE IF NOT EXISTS cluster_members (
        cluster_id VARCHAR, article_sha VARCHAR, event_idx INTEGER, PRIMARY KEY (article_sha, event_idx))""",
}
ARTICLE_TABLES = ("entities", "places", "events", "quotes", "attributions", "flags")
# columns added after a table was first released: (table, column, type); connect() adds any a store lacks
ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("articles", "speaker", "VARCHAR"),  # who speaks a first-person text: the claims ledger roots its claims there
    # a cluster's first event and founding position: what incremental clustering matches new events against
    ("clusters", "anchor_sha", "VARCHAR"), ("clusters", "anchor_idx", "INTEGER"), ("clusters", "anchor_day", "DATE"),
    ("clusters", "seq", "BIGINT"),
)


def connect(path: str | Path = DEFAULT_DB) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the store for writing and make sure every table exists."""
    import duckdb

    try:
        con = duckdb.connect(str(path))
    except duckdb.IOException as exc:
        raise busy_or_unopenable(path, exc, "for writing") from exc
    for ddl in TABLES.values():
        con.execute(ddl)
    migrate(con)
    con.execute("INSERT OR IGNORE INTO meta VALUES ('store_version', ?)", [STORE_VERSION])
    return con


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Add the columns an older store file lacks, so a store written by an earlier sitrep keeps working."""
    for table, column, kind in ADDED_COLUMNS:
        con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {kind}")


def has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    """True when the store's table has the column (a read-only store may predate it)."""
    sql = "SELECT count(*) FROM information_schema.columns WHERE table_name = ? AND column_name = ?"
    return bool(con.execute(sql, [table, column]).fetchone()[0])


def connect_read_only(path: str | Path = DEFAULT_DB, *, sandboxed: bool = True) -> duckdb.DuckDBPyConnection:
    """Open an existing store read-only; sandboxed also forbids reading or writing other files (user SQL)."""
    if not Path(path).exists():
        raise MissingDataError(f"no store at {path}; run `sitrep ingest ... --db {path}` first")
    import duckdb

    config = {"enable_external_access": False} if sandboxed else {}
    try:
        return duckdb.connect(str(path), read_only=True, config=config)
    except duckdb.IOException as exc:
        raise busy_or_unopenable(path, exc, "") from exc


def busy_or_unopenable(path: str | Path, exc: Exception, purpose: str) -> SitrepError:
    """One line for a store another process holds (with its PID), else for a store that cannot be opened."""
    message = " ".join(str(exc).split())  # DuckDB's message runs over several lines
    holder = re.search(r"\(PID (\d+)\)", message)
    if "lock" in message.lower():
        who = f"process {holder.group(1)}" if holder else "another process"
        return StoreBusyError(f"store {path} is busy: {who} is writing to it; wait for it to finish, "
                              "or use another --db")
    return BadInputError(f"cannot open {path}{' ' + purpose if purpose else ''}: {message}")
