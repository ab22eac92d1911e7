"""Cross-article event clusters: same PLOVER type, compatible actors, nearby places, close dates.

Clustering is greedy and anchored (each event joins the nearest cluster whose first event it is
compatible with) rather than single-linkage, so a chain of small steps cannot drag a cluster
hundreds of kilometres or weeks away. Events are taken in arrival order (the order their articles
were stored), so clusters can be updated incrementally: a new event is matched against an index of
the existing clusters' anchors (`cluster_index.py`), and earlier clusters never change identity.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

import duckdb
import pyarrow as pa

from sitrep.geodesy import haversine_km
from sitrep.records import ActorRef, Report
from sitrep.store.writer import insert_rows, parse_day
# Places this large cannot show that two reports saw one event ("fighting in Ukraine" twice is not one fight)
COARSE_PRECISIONS = frozenset({"country", "admin1", "region"})


@dataclass(frozen=True, slots=True)
class ClusterParams:
    """How close two events must be to count as one: kilometres between places, days between dates."""

    radius_km: float = 25.0
    window_days: int = 2


@dataclass(frozen=True, slots=True)
class EventPoint:
    """One stored event reduced to what clustering compares."""

    article_sha: str
    event_idx: int
    type: str
    day: dt.date | None
    actor_key: str | None = None
    recipient_key: str | None = None
    actor_text: str | None = None
    recipient_text: str | None = None
    place_text: str | None = None
    lat: float | None = None
    lon: float | None = None
    coarse: bool = False  # the place is a country, first-order division or wider region
    group: str = ""  # near-duplicate group of the article (rewrites share one)
    outlet: str = ""  # the outlet of the group's first article: rewrites count as one source


@dataclass(frozen=True, slots=True)
class EventCluster:
    """Events in several articles judged to report one real-world event."""

    cluster_id: str
    type: str
    members: tuple[tuple[str, int], ...]  # (article_sha, event_idx)
    first_seen: dt.date | None
    last_seen: dt.date | None
    num_articles: int
    num_sources: int
    lat: float | None
    lon: float | None
    place_text: str | None
    actor_text: str | None
    recipient_text: str | None



def actor_key(country: str | None, sector: str | None, text: str | None) -> str | None:
    """A comparable actor key: CAMEO-style country+sector when known, else the normalised text."""
    if country:
        return f"{country}{sector or ''}"
    if text:
        return re.sub(r"^(the|a|an)\s+", "", " ".join(text.lower().split()))
    return None


def points_from_reports(reports: Iterable[Report], groups: Mapping[str, str] | None = None) -> list[EventPoint]:
    """EventPoints for every event of the reports; `groups` maps an article hash to its near-dup group."""
    groups = groups or {}
    outlets: dict[str, str] = {}
    points = []
    for report in reports:
        a = report.article
        precision = {p.geonameid: p.precision for p in report.places if p.geonameid is not None}
        group = groups.get(a.text_sha256, a.text_sha256)
        outlets.setdefault(group, a.source or group)
        for i, e in enumerate(report.events):
            points.append(EventPoint(
                article_sha=a.text_sha256, event_idx=i, type=e.type, day=parse_day(e.date) or parse_day(a.date),
                actor_key=_ref_key(e.actor), recipient_key=_ref_key(e.recipient),
                actor_text=e.actor.text if e.actor else None, recipient_text=e.recipient.text if e.recipient else None,
                place_text=e.place.label() if e.place else None, lat=e.place.lat if e.place else None,
                lon=e.place.lon if e.place else None, group=group, outlet=outlets[group],
                coarse=bool(e.place and precision.get(e.place.geonameid) in COARSE_PRECISIONS)))
    return points


def cluster_events(points: Sequence[EventPoint], params: ClusterParams = ClusterParams()) -> list[EventCluster]:
    """Cluster events in the order given (arrival order); every event lands in exactly one cluster."""
    from sitrep.corpus.cluster_index import ClusterIndex

    index = ClusterIndex(params)
    members: dict[str, list[EventPoint]] = {}
    for point in points:
        cluster_id, _founded = index.assign(point)
        members.setdefault(cluster_id, []).append(point)
    return [summarise(cluster_id, m) for cluster_id, m in members.items()]


def distance_if_compatible(anchor: EventPoint, p: EventPoint, params: ClusterParams) -> float | None:
    """Distance from the cluster's anchor when `p` may join it, else None."""
    if p.type != anchor.type:
        return None
    if not (_keys_compatible(anchor.actor_key, p.actor_key) and _keys_compatible(anchor.recipient_key, p.recipient_key)):
        return None
    if anchor.day and p.day:
        if abs((p.day - anchor.day).days) > params.window_days:
            return None
    elif anchor.day or p.day or anchor.group != p.group:  # undated events join only rewrites of their story
        return None
    if anchor.coarse or p.coarse:  # only rewrites of one story, naming the same country or province
        same_place = bool(anchor.place_text and p.place_text and _norm(anchor.place_text) == _norm(p.place_text))
        return 0.0 if same_place and anchor.group == p.group else None
    if anchor.lat is not None and anchor.lon is not None and p.lat is not None and p.lon is not None:
        km = haversine_km(anchor.lat, anchor.lon, p.lat, p.lon)
        return km if km <= params.radius_km else None
    if anchor.place_text and p.place_text:  # unresolved places: the same name, written the same way
        return 0.0 if _norm(anchor.place_text) == _norm(p.place_text) else None
    if not anchor.place_text and not p.place_text and anchor.group == p.group:
        return 0.0  # no place on either side: only rewrites of one story are trusted to be one event
    return None


def _keys_compatible(a: str | None, b: str | None) -> bool:
    """Actors agree when equal, or when one side is unknown (a report may omit who did it)."""
    return a is None or b is None or a == b


def summarise(cluster_id: str, members: Sequence[EventPoint]) -> EventCluster:
    """Counts, dates, centroid and most common labels of one cluster (members in arrival order)."""
    days = [m.day for m in members if m.day]
    coords = [(m.lat, m.lon) for m in members if m.lat is not None and m.lon is not None]
    keys = tuple((m.article_sha, m.event_idx) for m in members)
    return EventCluster(
        cluster_id=cluster_id, type=members[0].type, members=keys,
        first_seen=min(days) if days else None, last_seen=max(days) if days else None,
        num_articles=len({m.article_sha for m in members}),
        num_sources=len({m.outlet or m.group for m in members}),
        lat=sum(c[0] for c in coords) / len(coords) if coords else None,
        lon=sum(c[1] for c in coords) / len(coords) if coords else None,
        place_text=_most_common(m.place_text for m in members),
        actor_text=_most_common(m.actor_text for m in members),
        recipient_text=_most_common(m.recipient_text for m in members),
    )


def recluster_store(con: duckdb.DuckDBPyConnection, params: ClusterParams = ClusterParams(),
                    threshold: float = 0.6, *, rebuild: bool = False) -> tuple[int, int]:
    """Update near-duplicate groups and event clusters in one transaction; return (groups, clusters).

    Only the articles without a near-duplicate row are hashed (when no signature is stored) and
    matched, through their LSH band keys, against the stored ones (`neardup_store`), giving the
    groups a full recomputation gives. Only events not yet in a cluster are clustered, against the
    anchors of the stored clusters near them (`cluster_store.update_clusters`); `rebuild`
    recomputes every group and every cluster from scratch.
    """
    from sitrep.corpus.cluster_store import update_clusters
    from sitrep.corpus.neardup_store import update_near_duplicates

    con.execute("BEGIN TRANSACTION")
    try:
        dups = update_near_duplicates(con, threshold, rebuild=rebuild)
        sources = dict(con.execute("SELECT sha, source FROM articles").fetchall())
        n_clusters = update_clusters(con, dups.groups, sources, params, threshold=threshold,
                                     previous_groups=dups.changed, rebuild=rebuild)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(set(dups.groups.values())), n_clusters


def clusters_are_stale(con: duckdb.DuckDBPyConnection) -> bool:
    """True when some stored article has no near-duplicate row yet, i.e. the clusters predate it."""
    return bool(con.execute("SELECT count(*) FROM articles WHERE sha NOT IN (SELECT article_sha FROM neardup)")
                .fetchone()[0])


def stored_signatures(con: duckdb.DuckDBPyConnection) -> dict[str, list[int]]:
    """Every article's MinHash signature, hashing (and storing) only the articles that have none yet."""
    from sitrep.corpus.neardup import NUM_PERM, signature

    found = dict(con.execute("SELECT sha, sig FROM minhash WHERE len(sig) = ?", [NUM_PERM]).fetchall())
    missing = con.execute("SELECT sha, text FROM articles WHERE sha NOT IN (SELECT sha FROM minhash "
                          "WHERE len(sig) = ?)", [NUM_PERM]).fetchall()
    if missing:
        fresh = {sha: signature(text) for sha, text in missing}
        con.execute("DELETE FROM minhash WHERE sha IN (SELECT UNNEST(?))", [list(fresh)])  # stale lengths
        con.register("_sitrep_sigs", pa.table({"sha": list(fresh), "sig": pa.array(list(fresh.values()),
                                                                              type=pa.list_(pa.uint64()))}))
        try:
            con.execute("INSERT INTO minhash SELECT sha, sig FROM _sitrep_sigs")
        finally:
            con.unregister("_sitrep_sigs")
        found.update(fresh)
    return found


def _ref_key(ref: ActorRef | None) -> str | None:
    """actor_key of an ActorRef."""
    return actor_key(ref.country, ref.sector, ref.text) if ref else None


def _most_common(values: Iterable[str | None]) -> str | None:
    """The most frequent non-empty value (first seen wins ties)."""
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _norm(text: str) -> str:
    """Lower-case, single-spaced text for name comparison."""
    return " ".join(text.lower().split())
