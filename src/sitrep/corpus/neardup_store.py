"""Incremental near-duplicate groups in the store: only the new articles' LSH bands are computed and looked up.

Each article's band keys live in `minhash_bands` (b bands of r signature values, the banding
datasketch's MinHashLSH chooses for the threshold and num_perm in use). After an ingest the new
articles' bands are inserted and one SQL join finds every stored article sharing a band with one of
them; each candidate is confirmed with the MinHash estimate from the stored signatures, and the
confirmed pairs are merged into the stored groups. A group is a connected component of confirmed
pairs, led by its earliest article in `ARTICLE_ORDER`, so the groups are those a full rebuild gives
whether the articles came in one run or many. Other settings (threshold, num_perm, banding) than
the stored groups were made with, or a store without them (an older sitrep), rebuild once.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

import duckdb
import numpy as np
import pyarrow as pa

from sitrep.corpus import neardup
from sitrep.corpus.neardup import NUM_PERM, SCHEME, SHINGLE_WORDS
from sitrep.store.writer import insert_rows

SETTINGS_KEY = "neardup_settings"  # in `meta`: groups made with other settings are rebuilt, never extended
# the order a full rebuild takes articles in: the earliest article of a group leads it
ARTICLE_ORDER = "ORDER BY day NULLS LAST, ingested_at, sha"


@dataclass(frozen=True, slots=True)
class NearDupUpdate:
    """What an update did: every article's group now, and the previous group of articles whose group changed."""

    groups: dict[str, str]
    changed: dict[str, str]
    new_articles: int
    candidates: int


def banding(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's MinHashLSH picks for this threshold and num_perm."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys(sig: Sequence[int], bands: int, rows: int) -> list[int]:
    """One signed 64-bit key per band: a stable hash of the band's signature values.

    blake2b rather than Python's or DuckDB's hash(), which may change between versions and would
    silently stop old and new keys from meeting; a 64-bit collision only adds a candidate, which
    the Jaccard check then rejects or (with odds near 2^-64 per pair) accepts.
    """
    values = np.asarray(sig, dtype=np.uint64)
    return [int.from_bytes(hashlib.blake2b(values[i * rows:(i + 1) * rows].tobytes(), digest_size=8).digest(),
                           "little", signed=True) for i in range(bands)]


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The MinHash estimate exactly as datasketch computes it (so a pair at the threshold falls the same side)."""
    return float(np.count_nonzero(a == b)) / float(len(a))


def update_near_duplicates(con: duckdb.DuckDBPyConnection, threshold: float = 0.6, *,
                           rebuild: bool = False) -> NearDupUpdate:
    """Group the articles without a near-duplicate row into the stored groups; runs inside the caller's transaction."""
    bands, rows = banding(threshold)
    settings = (f"threshold={threshold} num_perm={NUM_PERM} bands={bands}x{rows} scheme={SCHEME} "
                f"shingle={SHINGLE_WORDS} key=blake2b64")
    if rebuild or _settings_differ(con, settings):
        con.execute("DELETE FROM neardup")
        con.execute("DELETE FROM minhash_bands")
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [SETTINGS_KEY, settings])
    new = [r[0] for r in con.execute("SELECT sha FROM articles WHERE sha NOT IN (SELECT article_sha FROM neardup)")
           .fetchall()]
    if not new:
        return NearDupUpdate(_stored_groups(con), {}, 0, 0)
    sigs = ensure_signatures(con, new)
    store_bands(con, {sha: sigs[sha] for sha in new}, bands, rows)
    pairs = candidate_pairs(con, new)
    sigs.update(_signatures(con, {s for pair in pairs for s in pair} - sigs.keys()))
    edges = [(a, b) for a, b in pairs if estimated_jaccard(sigs[a], sigs[b]) >= threshold]
    changed = merge_groups(con, new, edges, sigs)
    return NearDupUpdate(_stored_groups(con), changed, len(new), len(pairs))


def ensure_signatures(con: duckdb.DuckDBPyConnection, shas: Sequence[str]) -> dict[str, np.ndarray]:
    """The MinHash signatures of these articles, hashing (and storing) only those that have none yet."""
    found = _signatures(con, shas)
    missing = [s for s in shas if s not in found]
    if not missing:
        return found
    texts = con.execute("SELECT sha, text FROM articles WHERE sha IN (SELECT UNNEST(?))", [missing]).fetchall()
    fresh = {sha: neardup.signature(text) for sha, text in texts}
    con.execute("DELETE FROM minhash WHERE sha IN (SELECT UNNEST(?))", [list(fresh)])  # stale lengths
    _insert_arrow(con, "minhash", pa.table({"sha": list(fresh), "sig": pa.array(list(fresh.values()),
                                                                         type=pa.list_(pa.uint64()))}))
    found.update({sha: np.asarray(sig, dtype=np.uint64) for sha, sig in fresh.items()})
    return found


def store_bands(con: duckdb.DuckDBPyConnection, sigs: Mapping[str, np.ndarray], bands: int, rows: int) -> None:
    """Replace the band keys of these articles."""
    shas, band, key = [], [], []
    for sha, sig in sigs.items():
        for i, k in enumerate(band_keys(sig, bands, rows)):
            shas.append(sha)
            band.append(i)
            key.append(k)
    con.execute("DELETE FROM minhash_bands WHERE sha IN (SELECT UNNEST(?))", [list(sigs)])
    _insert_arrow(con, "minhash_bands", pa.table({"sha": pa.array(shas, pa.string()),
                                                  "band": pa.array(band, pa.int16()),
                                                  "key": pa.array(key, pa.int64())}))


def candidate_pairs(con: duckdb.DuckDBPyConnection, new: Sequence[str]) -> list[tuple[str, str]]:
    """Every pair (new article, any other stored article) sharing at least one band, each pair once."""
    rows = con.execute("""SELECT DISTINCT least(n.sha, o.sha), greatest(n.sha, o.sha)
        FROM minhash_bands n JOIN minhash_bands o ON o.band = n.band AND o.key = n.key AND o.sha <> n.sha
        WHERE n.sha IN (SELECT UNNEST(?)) ORDER BY 1, 2""", [list(new)]).fetchall()
    return [(a, b) for a, b in rows]


def merge_groups(con: duckdb.DuckDBPyConnection, new: Sequence[str], edges: Iterable[tuple[str, str]],
                 sigs: dict[str, np.ndarray]) -> dict[str, str]:
    """Write the new articles' groups, merging stored groups they bridge; return changed articles' old groups.

    A stored group is represented by its leader (its earliest article), so the leader of a merged
    group is the earliest of the leaders and new articles in it, as a full rebuild would choose.
    """
    new_set = set(new)
    edges = list(edges)
    old = {s for e in edges for s in e if s not in new_set}
    group_of = dict(con.execute("SELECT article_sha, group_sha FROM neardup WHERE article_sha IN (SELECT UNNEST(?))",
                                [sorted(old)]).fetchall())
    nodes = sorted(new_set | set(group_of.values()))
    rank = {r[0]: i for i, r in enumerate(con.execute(
        f"SELECT sha FROM articles WHERE sha IN (SELECT UNNEST(?)) {ARTICLE_ORDER}", [nodes]).fetchall())}
    parent = {n: n for n in nodes}
    for a, b in edges:
        neardup.union_first(parent, rank, a if a in new_set else group_of[a], b if b in new_set else group_of[b])
    leader = {n: neardup.find_root(parent, n) for n in nodes}
    moved_groups = sorted(g for g in set(group_of.values()) if leader[g] != g)
    moved = dict(con.execute("SELECT article_sha, group_sha FROM neardup WHERE group_sha IN (SELECT UNNEST(?))",
                             [moved_groups]).fetchall())
    sigs.update(_signatures(con, (set(moved) | set(leader.values())) - sigs.keys()))
    targets = {sha: leader[old_group] for sha, old_group in moved.items()} | {sha: leader[sha] for sha in new}
    con.execute("DELETE FROM neardup WHERE article_sha IN (SELECT UNNEST(?))", [sorted(moved)])
    insert_rows(con, "neardup", [
        {"article_sha": sha, "group_sha": root,
         "similarity": 1.0 if root == sha else round(estimated_jaccard(sigs[sha], sigs[root]), 4)}
        for sha, root in targets.items()])
    return moved


def _settings_differ(con: duckdb.DuckDBPyConnection, settings: str) -> bool:
    """Stored groups were made with other settings, or by an sitrep that kept no band keys (an older store)."""
    stored = next(iter(con.execute("SELECT value FROM meta WHERE key = ?", [SETTINGS_KEY]).fetchall()), None)
    return stored is None or stored[0] != settings


def _stored_groups(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Article hash -> near-duplicate group, as stored."""
    return dict(con.execute("SELECT article_sha, group_sha FROM neardup").fetchall())


def _signatures(con: duckdb.DuckDBPyConnection, shas: Iterable[str]) -> dict[str, np.ndarray]:
    """Stored signatures of the right length for these articles, as uint64 arrays."""
    shas = sorted(shas)
    if not shas:
        return {}
    table = con.sql("SELECT sha, sig FROM minhash WHERE len(sig) = ? AND sha IN (SELECT UNNEST(?))",
                    params=[NUM_PERM, shas]).to_arrow_table()
    if not table.num_rows:
        return {}
    flat = table.column("sig").combine_chunks().flatten().to_numpy().astype(np.uint64, copy=False)
    matrix = flat.reshape(table.num_rows, NUM_PERM)
    return {sha: matrix[i] for i, sha in enumerate(table.column("sha").to_pylist())}


def _insert_arrow(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table) -> None:
    """Append an Arrow table to a store table with the same columns."""
    con.register("_sitrep_rows", rows)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _sitrep_rows")
    finally:
        con.unregister("_sitrep_rows")
