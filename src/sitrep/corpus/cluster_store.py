"""Incremental event clusters in the store: only events not yet clustered are matched, against an index
of the anchors of the clusters they could join, loaded from the store for this update alone.

The cost of an update follows the new events and the clusters near them in type and date, not the
size of the store; `rebuild=True` recomputes every cluster from scratch (same arrival order, so
the same clusters, unless later articles merged near-duplicate groups: see docs/cluster.md).
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping, Sequence

import duckdb
import pyarrow as pa

from sitrep.corpus.cluster import COARSE_PRECISIONS, ClusterParams, EventCluster, EventPoint, actor_key, summarise
from sitrep.corpus.cluster_index import Anchor, ClusterIndex
from sitrep.store.writer import insert_rows

SETTINGS_KEY = "cluster_settings"  # in `meta`: clusters made with other settings are rebuilt, never extended
# the event fields clustering compares, in arrival order: articles are only ever appended, so the
# article's rowid is the order it was stored in (input order, whatever the number of workers)
_POINT_COLUMNS = """e.article_sha, e.idx, e.type, e.day, e.actor_country, e.actor_sector, e.actor_text,
    e.recipient_country, e.recipient_sector, e.recipient_text, e.place_text, e.lat, e.lon,
    (SELECT any_value(p.precision) FROM places p
     WHERE p.article_sha = e.article_sha AND p.geonameid = e.place_geonameid) AS precision"""
_ARRIVAL = "ORDER BY a.rowid, e.idx"


def update_clusters(con: duckdb.DuckDBPyConnection, groups: Mapping[str, str], sources: Mapping[str, str | None],
                    params: ClusterParams = ClusterParams(), *, threshold: float = 0.6,
                    previous_groups: Mapping[str, str] | None = None, rebuild: bool = False) -> int:
    """Cluster the events not yet in a cluster (every event when rebuilding); return the number of clusters.

    `groups` maps each article to its near-duplicate group, `sources` an article to its outlet, and
    `previous_groups` is the grouping the stored clusters were summarised with: clusters holding an
    article whose group changed are summarised again (their source counts may have changed).
    Runs inside the caller's transaction.
    """
    settings = f"radius_km={params.radius_km} window_days={params.window_days} threshold={threshold}"
    if rebuild or _settings_differ(con, settings):
        con.execute("DELETE FROM clusters")
        con.execute("DELETE FROM cluster_members")
        previous_groups = {}
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [SETTINGS_KEY, settings])
    fresh = [_point(r, groups, sources) for r in con.execute(
        f"""SELECT {_POINT_COLUMNS} FROM events e JOIN articles a ON a.sha = e.article_sha
            WHERE NOT EXISTS (SELECT 1 FROM cluster_members m
                              WHERE m.article_sha = e.article_sha AND m.event_idx = e.idx) {_ARRIVAL}""").fetchall()]
    changed = [sha for sha, group in (previous_groups or {}).items() if groups.get(sha, sha) != group]
    if not fresh and not changed:
        return _count(con)
    index = ClusterIndex(params, next_seq=con.execute("SELECT coalesce(max(seq) + 1, 0) FROM clusters").fetchall()[0][0])
    for anchor in anchors_near(con, fresh, params, groups, sources):
        index.add(anchor)
    joined: dict[str, list[EventPoint]] = {}
    seq_of: dict[str, int] = {}
    for point in fresh:
        cluster_id, founded = index.assign(point)
        joined.setdefault(cluster_id, []).append(point)
        if founded:
            seq_of[cluster_id] = index.next_seq - 1
    touched = set(joined) | {r[0] for r in con.execute(
        "SELECT DISTINCT cluster_id FROM cluster_members WHERE article_sha IN (SELECT UNNEST(?))", [changed]).fetchall()}
    members = _stored_members(con, sorted(touched - set(seq_of)), groups, sources, seq_of)
    for cluster_id, points in joined.items():
        members.setdefault(cluster_id, []).extend(points)
    clusters = [(seq_of[cid], summarise(cid, points)) for cid, points in members.items()]
    con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT UNNEST(?))", [sorted(members)])
    insert_rows(con, "clusters", [_cluster_row(c, seq, members[c.cluster_id][0]) for seq, c in clusters])
    insert_rows(con, "cluster_members", [{"cluster_id": cid, "article_sha": p.article_sha, "event_idx": p.event_idx}
                                         for cid, points in joined.items() for p in points])
    return _count(con)


def anchors_near(con: duckdb.DuckDBPyConnection, fresh: Sequence[EventPoint], params: ClusterParams,
                 groups: Mapping[str, str], sources: Mapping[str, str | None]) -> list[Anchor]:
    """Anchors of the stored clusters a fresh event could join: its type within the date window, or its story."""
    window = dt.timedelta(days=params.window_days)
    days = sorted({(p.type, p.day) for p in fresh if p.day})
    stories = {p.group for p in fresh if p.day is None}
    in_stories = sorted(sha for sha, group in groups.items() if group in stories)
    con.register("_sitrep_windows", pa.table({"type": pa.array([t for t, _ in days], pa.string()),
                                              "lo": pa.array([d - window for _, d in days], pa.date32()),
                                              "hi": pa.array([d + window for _, d in days], pa.date32())}))
    try:
        rows = con.execute(f"""WITH near AS (
                SELECT DISTINCT c.cluster_id, c.seq, c.anchor_sha, c.anchor_idx FROM clusters c
                JOIN _sitrep_windows w ON c.type = w.type AND c.anchor_day BETWEEN w.lo AND w.hi
                UNION SELECT cluster_id, seq, anchor_sha, anchor_idx FROM clusters
                WHERE anchor_day IS NULL AND anchor_sha IN (SELECT UNNEST(?)))
            SELECT near.cluster_id, near.seq, {_POINT_COLUMNS} FROM near
            JOIN events e ON e.article_sha = near.anchor_sha AND e.idx = near.anchor_idx
            ORDER BY near.seq""", [in_stories]).fetchall()
    finally:
        con.unregister("_sitrep_windows")
    return [Anchor(cluster_id=r[0], seq=r[1], point=_point(r[2:], groups, sources)) for r in rows]


def needs_rebuild(con: duckdb.DuckDBPyConnection) -> bool:
    """True when stored clusters predate anchors (an older store): they cannot be extended, only rebuilt."""
    return bool(con.execute("SELECT count(*) FROM clusters WHERE anchor_sha IS NULL OR seq IS NULL").fetchall()[0][0])


def _settings_differ(con: duckdb.DuckDBPyConnection, settings: str) -> bool:
    """Stored clusters were made with other settings, or by an sitrep without anchors."""
    stored = next(iter(con.execute("SELECT value FROM meta WHERE key = ?", [SETTINGS_KEY]).fetchall()), None)
    has_clusters = bool(con.execute("SELECT count(*) FROM clusters").fetchall()[0][0])
    return has_clusters and (stored is None or stored[0] != settings or needs_rebuild(con))


def _stored_members(con: duckdb.DuckDBPyConnection, cluster_ids: Sequence[str], groups: Mapping[str, str],
                    sources: Mapping[str, str | None], seq_of: dict[str, int]) -> dict[str, list[EventPoint]]:
    """The stored members of these clusters in arrival order (their anchor first); records each seq."""
    out: dict[str, list[EventPoint]] = {}
    if not cluster_ids:
        return out
    rows = con.execute(f"""SELECT m.cluster_id, c.seq, {_POINT_COLUMNS} FROM cluster_members m
        JOIN clusters c ON c.cluster_id = m.cluster_id
        JOIN events e ON e.article_sha = m.article_sha AND e.idx = m.event_idx
        JOIN articles a ON a.sha = e.article_sha
        WHERE m.cluster_id IN (SELECT UNNEST(?)) {_ARRIVAL}""", [list(cluster_ids)]).fetchall()
    for r in rows:
        seq_of[r[0]] = r[1]
        out.setdefault(r[0], []).append(_point(r[2:], groups, sources))
    return out


def _point(r: Sequence[Any], groups: Mapping[str, str], sources: Mapping[str, str | None]) -> EventPoint:
    """An EventPoint from a row of _POINT_COLUMNS, with its article's near-duplicate group and outlet."""
    group = groups.get(r[0], r[0])
    return EventPoint(
        article_sha=r[0], event_idx=r[1], type=r[2], day=r[3], actor_key=actor_key(r[4], r[5], r[6]),
        recipient_key=actor_key(r[7], r[8], r[9]), actor_text=r[6], recipient_text=r[9], place_text=r[10],
        lat=r[11], lon=r[12], coarse=r[13] in COARSE_PRECISIONS, group=group, outlet=sources.get(group) or group)


def _cluster_row(c: EventCluster, seq: int, anchor: EventPoint) -> dict[str, Any]:
    """The `clusters` row of a summarised cluster and its anchor."""
    return {"cluster_id": c.cluster_id, "type": c.type, "first_seen": c.first_seen, "last_seen": c.last_seen,
            "num_events": len(c.members), "num_articles": c.num_articles, "num_sources": c.num_sources,
            "lat": c.lat, "lon": c.lon, "place_text": c.place_text, "actor_text": c.actor_text,
            "recipient_text": c.recipient_text, "anchor_sha": anchor.article_sha, "anchor_idx": anchor.event_idx,
            "anchor_day": anchor.day, "seq": seq}


def _count(con: duckdb.DuckDBPyConnection) -> int:
    """Clusters in the store."""
    return con.execute("SELECT count(*) FROM clusters").fetchall()[0][0]
