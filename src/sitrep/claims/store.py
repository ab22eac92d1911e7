"""The ledger in the DuckDB store: rebuild Reports from stored rows, write the ledger tables, read them back."""
from __future__ import annotations

from typing import Any, Iterator

import duckdb

from sitrep.claims.ledger import Ledger, claim_to_json, summary
from sitrep.claims.records import LedgerClaim
from sitrep.errors import MissingDataError
from sitrep.records import (ActorRef, Article, Attribution, Entity, Event, Evidence, Mention, Place, PlaceRef,
                            Quote, Report)
from sitrep.store.schema import has_column
from sitrep.store.writer import insert_rows

# created by the claims ledger, not by `sitrep ingest`: a store that never ran `sitrep claims` lacks them
CLAIM_TABLES: dict[str, str] = {
    "claims": """CREATE TABLE IF NOT EXISTS claims (
        claim_id VARCHAR PRIMARY KEY, kind VARCHAR, type VARCHAR, summary VARCHAR, place_geonameid BIGINT,
        place_name VARCHAR, first_seen DATE, num_articles INTEGER, independent_roots INTEGER, roots VARCHAR[],
        num_denials INTEGER, num_drift INTEGER, json VARCHAR)""",
    "claim_mentions": """CREATE TABLE IF NOT EXISTS claim_mentions (
        claim_id VARCHAR, article_sha VARCHAR, mention_id VARCHAR, event_idx INTEGER, role VARCHAR,
        reason VARCHAR, root VARCHAR, modality VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
        evidence_text VARCHAR, PRIMARY KEY (article_sha, mention_id))""",
    "claim_drift": """CREATE TABLE IF NOT EXISTS claim_drift (
        claim_id VARCHAR, idx INTEGER, field VARCHAR, from_value VARCHAR, to_value VARCHAR, article_id VARCHAR,
        evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR, from_article_id VARCHAR,
        from_evidence_start INTEGER, from_evidence_end INTEGER, from_evidence_text VARCHAR,
        PRIMARY KEY (claim_id, idx))""",
}
_ORDER = "ORDER BY day NULLS LAST, ingested_at, sha"  # the order near-duplicate groups are led by


def ledger_from_store(con: duckdb.DuckDBPyConnection, persist: bool = True) -> list[LedgerClaim]:
    """Build the ledger over every stored article, oldest first, with the store's near-duplicate groups.

    `persist` False leaves a read-only store untouched: missing MinHash signatures are computed in memory.
    """
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    if not n:
        raise MissingDataError("the store holds no articles; run `sitrep ingest ... --db DB` first")
    groups = stored_groups(con, persist)
    ledger = Ledger()
    for report in iter_stored_reports(con):
        ledger.add_report(report, groups.get(report.article.text_sha256))
    return ledger.claims()


def stored_groups(con: duckdb.DuckDBPyConnection, persist: bool = True) -> dict[str, str]:
    """Article hash -> near-duplicate group: the stored groups, recomputed from signatures when some are missing."""
    groups = dict(con.execute("SELECT article_sha, group_sha FROM neardup").fetchall())
    missing = con.execute("SELECT count(*) FROM articles WHERE sha NOT IN (SELECT article_sha FROM neardup)").fetchone()[0]
    if missing:  # ingested with --no-cluster: group from the MinHash signatures, hashing only unhashed texts
        from sitrep.corpus.cluster import stored_signatures
        from sitrep.corpus.neardup import group_signatures

        signatures = stored_signatures(con) if persist else _signatures_in_memory(con)
        shas = [r[0] for r in con.execute(f"SELECT sha FROM articles {_ORDER}").fetchall()]
        groups = {k: d.group for k, d in group_signatures([(s, signatures[s]) for s in shas]).items()}
    return groups


def _signatures_in_memory(con: duckdb.DuckDBPyConnection) -> dict[str, list[int]]:
    """Every article's MinHash signature, the missing ones hashed here and not written (a read-only store)."""
    from sitrep.corpus.neardup import NUM_PERM, signature

    found = dict(con.execute("SELECT sha, sig FROM minhash WHERE len(sig) = ?", [NUM_PERM]).fetchall())
    for sha, text in con.execute("SELECT sha, text FROM articles WHERE sha NOT IN (SELECT sha FROM minhash "
                                 "WHERE len(sig) = ?)", [NUM_PERM]).fetchall():
        found[sha] = signature(text)
    return found


def iter_stored_reports(con: duckdb.DuckDBPyConnection) -> Iterator[Report]:
    """Stored articles as Reports (oldest first) with what the ledger reads: entities, places, events, quotes, sources.

    The store keeps no attribution scopes, event trigger offsets or place candidates; the ledger needs none.
    """
    children = {name: _rows_by_article(con, name) for name in ("entities", "places", "events", "quotes", "attributions")}
    # a store opened read-only may predate the speaker column; its articles then have no speaker
    speaker = "speaker" if has_column(con, "articles", "speaker") else "NULL"
    cur = con.execute(f"SELECT sha, id, title, date, source, url, language, text, {speaker} FROM articles {_ORDER}")
    while chunk := cur.fetchmany(256):
        for sha, aid, title, date, source, url, language, text, who in chunk:
            article = Article(id=aid or sha[:16], text=text, title=title, date=date, source=source, url=url,
                              language=language or "en", text_sha256=sha, speaker=who)
            yield Report(
                article=article,
                entities=tuple(_entity(r) for r in children["entities"].get(sha, ())),
                places=tuple(_place(r) for r in children["places"].get(sha, ())),
                events=tuple(_event(r) for r in children["events"].get(sha, ())),
                quotes=tuple(_quote(r) for r in children["quotes"].get(sha, ())),
                attributions=tuple(_attribution(r) for r in children["attributions"].get(sha, ())))


def write_ledger(con: duckdb.DuckDBPyConnection, claims: list[LedgerClaim]) -> None:
    """Replace the ledger tables with these claims, in one transaction."""
    import json

    for ddl in CLAIM_TABLES.values():
        con.execute(ddl)
    con.execute("BEGIN TRANSACTION")
    try:
        for table in CLAIM_TABLES:
            con.execute(f"DELETE FROM {table}")
        rows, mentions, drift = [], [], []
        for c in claims:
            js = claim_to_json(c)
            rows.append({"claim_id": c.id, "kind": c.anchor.claim.kind, "type": c.anchor.claim.type,
                         "summary": summary(c), "place_geonameid": c.anchor.claim.place,
                         "place_name": c.anchor.claim.place_label, "first_seen": js["first_seen"],
                         "num_articles": len(js["articles"]), "independent_roots": c.independent_roots,
                         "roots": js["roots"], "num_denials": len(c.denials), "num_drift": len(c.drift),
                         "json": json.dumps(js, ensure_ascii=False)})
            linked = [(m, "support", None) for m in c.mentions] + [(d.claim, "denial", d.reason) for d in c.denials]
            for m, role, reason in linked:
                cl = m.claim
                mentions.append({"claim_id": c.id, "article_sha": cl.article_sha, "mention_id": cl.id,
                                 "event_idx": _event_idx(cl.id), "role": role, "reason": reason, "root": m.root.key,
                                 "modality": cl.modality, **_span("evidence", cl.evidence)})
            for i, d in enumerate(c.drift):
                drift.append({"claim_id": c.id, "idx": i, "field": d.field, "from_value": d.before,
                              "to_value": d.after, "article_id": d.article, **_span("evidence", d.evidence),
                              "from_article_id": d.before_article, **_span("from_evidence", d.before_evidence)})
        insert_rows(con, "claims", rows)
        insert_rows(con, "claim_mentions", mentions)
        insert_rows(con, "claim_drift", drift)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def read_ledger_json(con: duckdb.DuckDBPyConnection, min_roots: int = 1, limit: int | None = None) -> list[dict[str, Any]]:
    """Stored ledger claims as their JSON contract objects, most corroborated first."""
    exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'claims'").fetchone()[0]
    if not exists:
        raise MissingDataError("the store has no claims ledger yet; run `sitrep claims --db DB` first")
    import json

    sql = ("SELECT json FROM claims WHERE independent_roots >= ? "
           "ORDER BY independent_roots DESC, num_articles DESC, first_seen NULLS LAST, claim_id")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [json.loads(r[0]) for r in con.execute(sql, [int(min_roots)]).fetchall()]


def _rows_by_article(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, list[dict[str, Any]]]:
    """Every row of a per-article table, grouped by article hash, in report order."""
    cur = con.execute(f"SELECT * FROM {table} ORDER BY article_sha, idx")
    names = [d[0] for d in cur.description]
    out: dict[str, list[dict[str, Any]]] = {}
    while chunk := cur.fetchmany(4096):
        for row in chunk:
            r = dict(zip(names, row))
            out.setdefault(r["article_sha"], []).append(r)
    return out


def _entity(r: dict[str, Any]) -> Entity:
    """An Entity from its stored row."""
    return Entity(id=r["entity_id"], text=r["text"], type=r["type"], rank=r["rank"], role=r["role"],
                  country=r["country"], sector=r["sector"], confidence=r["confidence"] or 0.0,
                  mentions=tuple(Mention(m["start"], m["end"], m["text"]) for m in r["mentions"] or ()))


def _place(r: dict[str, Any]) -> Place:
    """A Place from its stored row (without its scored candidates)."""
    return Place(text=r["text"], start=r["start"], end=r["end"], geonameid=r["geonameid"], name=r["name"],
                 lat=r["lat"], lon=r["lon"], country=r["country"], admin1=r["admin1"], admin1_name=r["admin1_name"],
                 feature=r["feature"], precision=r["precision"], score=r["score"] or 0.0,
                 matched_by=r["matched_by"] or "exact", stated_in=r["stated_in"])


def _event(r: dict[str, Any]) -> Event:
    """An Event from its stored row; the place's words are not stored, so its name stands for them."""
    def actor(prefix: str) -> ActorRef | None:
        """The stored actor or recipient."""
        if not r[f"{prefix}_text"]:
            return None
        return ActorRef(text=r[f"{prefix}_text"], entity_id=r[f"{prefix}_entity_id"],
                        country=r[f"{prefix}_country"], sector=r[f"{prefix}_sector"])

    place = PlaceRef(text=r["place_text"], geonameid=r["place_geonameid"], lat=r["lat"], lon=r["lon"]) \
        if r["place_text"] else None
    ev = Evidence(r["evidence_start"], r["evidence_end"], r["evidence_text"])
    return Event(id=r["event_id"], type=r["type"], evidence=ev, trigger=Evidence(ev.start, ev.start, ""),
                 mode=r["mode"], cameo=r["cameo"], actor=actor("actor"), recipient=actor("recipient"), place=place,
                 date=r["date"], date_granularity=r["date_granularity"] or "unknown",
                 modality=r["modality"] or "asserted", attributed_to=tuple(r["attributed_to"] or ()),
                 confidence=r["confidence"] or 0.0)


def _quote(r: dict[str, Any]) -> Quote:
    """A Quote from its stored row."""
    return Quote(text=r["text"], start=r["start"], end=r["end"], speaker=r["speaker"],
                 speaker_entity_id=r["speaker_entity_id"], confidence=r["confidence"] or 0.0)


def _attribution(r: dict[str, Any]) -> Attribution:
    """An Attribution from its stored row (no scope: the store does not keep it)."""
    return Attribution(cue=r["cue"], chain=tuple(r["chain"] or ()), anonymous=bool(r["anonymous"]),
                       hedged=bool(r["hedged"]), official=bool(r["official"]), state_media=bool(r["state_media"]),
                       evidence=Evidence(r["evidence_start"], r["evidence_end"], r["evidence_text"]))


def _event_idx(mention_id: str) -> int | None:
    """The event position of an event-based claim id ('<sha>-e3' -> 3); None for counts and quotations."""
    tail = mention_id.rsplit("-", 1)[-1]
    return int(tail[1:]) if tail[:1] in "eci" and tail[1:].isdigit() else None


def _span(prefix: str, ev: Evidence) -> dict[str, Any]:
    """An evidence span as three columns."""
    return {f"{prefix}_start": ev.start, f"{prefix}_end": ev.end, f"{prefix}_text": ev.text}
