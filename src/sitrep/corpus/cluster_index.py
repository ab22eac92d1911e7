"""The index new events are matched against: cluster anchors keyed by event type and day.

An event can only join a cluster whose anchor (first event) has its type and lies within the date
window, so looking up the 2 × window + 1 day buckets of its type finds every candidate without
scanning the other clusters. Undated events can only join rewrites of their own story, so they are
keyed by type and near-duplicate group instead.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass
from typing import Iterator

from sitrep.corpus.cluster import ClusterParams, EventPoint, distance_if_compatible


@dataclass(frozen=True, slots=True)
class Anchor:
    """A cluster's first event, its id and its founding position (ties go to the older cluster)."""

    cluster_id: str
    seq: int
    point: EventPoint


def cluster_id_of(point: EventPoint) -> str:
    """A cluster's id: a hash of its anchor event, so it never changes as members join."""
    return hashlib.sha256(f"{point.article_sha}:{point.event_idx}".encode()).hexdigest()[:16]


class ClusterIndex:
    """Anchors by (type, day) and, for undated anchors, by (type, near-duplicate group)."""

    __slots__ = ("params", "next_seq", "_dated", "_undated")

    def __init__(self, params: ClusterParams = ClusterParams(), next_seq: int = 0) -> None:
        self.params = params
        self.next_seq = next_seq
        self._dated: dict[tuple[str, dt.date], list[Anchor]] = {}
        self._undated: dict[tuple[str, str], list[Anchor]] = {}

    def __len__(self) -> int:
        return sum(map(len, self._dated.values())) + sum(map(len, self._undated.values()))

    def add(self, anchor: Anchor) -> None:
        """Index an existing cluster's anchor (loaded from the store)."""
        p = anchor.point
        bucket = self._dated.setdefault((p.type, p.day), []) if p.day else self._undated.setdefault((p.type, p.group), [])
        bucket.append(anchor)
        self.next_seq = max(self.next_seq, anchor.seq + 1)

    def assign(self, point: EventPoint) -> tuple[str, bool]:
        """The cluster the event joins (nearest compatible anchor, older on ties), or a new one it founds."""
        best: Anchor | None = None
        best_km = math.inf
        for anchor in self._candidates(point):
            km = distance_if_compatible(anchor.point, point, self.params)
            if km is not None and (km < best_km or (km == best_km and best is not None and anchor.seq < best.seq)):
                best, best_km = anchor, km
        if best is not None:
            return best.cluster_id, False
        founded = Anchor(cluster_id=cluster_id_of(point), seq=self.next_seq, point=point)
        self.add(founded)
        return founded.cluster_id, True

    def _candidates(self, point: EventPoint) -> Iterator[Anchor]:
        """Anchors that could be compatible: same type, and a day within the window (or the same story)."""
        if point.day is None:
            yield from self._undated.get((point.type, point.group), ())
            return
        for offset in range(-self.params.window_days, self.params.window_days + 1):
            yield from self._dated.get((point.type, point.day + dt.timedelta(days=offset)), ())
