"""Near-duplicate articles (rewrites of one wire story) by MinHash LSH over word shingles."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

SHINGLE_WORDS = 5  # 5-word shingles: long enough that unrelated articles rarely share them
NUM_PERM = 128
# named, not left to datasketch's default, so signatures stored today still compare after an upgrade
SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class NearDup:
    """An article's near-duplicate group: the group's first article and the estimated similarity to it."""

    key: str
    group: str
    similarity: float


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """The set of k-word shingles of a text, lower-cased, punctuation ignored."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: str, b: str, k: int = SHINGLE_WORDS) -> float:
    """Exact Jaccard similarity of two texts' shingle sets (what MinHash estimates)."""
    sa, sb = shingles(a, k), shingles(b, k)
    return len(sa & sb) / len(sa | sb) if sa or sb else 1.0


def signature(text: str, num_perm: int = NUM_PERM) -> list[int]:
    """The MinHash signature of a text's shingles (what the store keeps, so a text is hashed only once)."""
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in shingles(text)])
    return [int(v) for v in m.hashvalues]


def find_near_duplicates(docs: Sequence[tuple[str, str]], threshold: float = 0.6,
                         num_perm: int = NUM_PERM) -> dict[str, NearDup]:
    """Group (key, text) pairs whose shingle Jaccard reaches `threshold`; the earliest listed leads a group."""
    seen: set[str] = set()
    keyed = []
    for key, text in docs:
        if key not in seen:
            seen.add(key)
            keyed.append((key, signature(text, num_perm)))
    return group_signatures(keyed, threshold, num_perm)


def group_signatures(keyed: Sequence[tuple[str, Sequence[int]]], threshold: float = 0.6,
                     num_perm: int = NUM_PERM) -> dict[str, NearDup]:
    """Near-duplicate groups from (key, MinHash signature) pairs, earliest listed first.

    LSH proposes candidates; each is confirmed with the MinHash estimate before the union, so
    banding false positives do not merge groups.
    """
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    hashes: dict[str, MinHash] = {}
    parent: dict[str, str] = {}
    order = {key: i for i, (key, _sig) in enumerate(keyed)}
    for key, sig in keyed:
        if key in hashes:
            continue
        m = MinHash(num_perm=num_perm, hashvalues=np.asarray(sig, dtype=np.uint64), scheme=SCHEME)
        parent[key] = key
        for other in lsh.query(m):
            if m.jaccard(hashes[other]) >= threshold:
                union_first(parent, order, key, other)
        lsh.insert(key, m)
        hashes[key] = m
    result = {}
    for key in hashes:
        root = find_root(parent, key)
        similarity = 1.0 if root == key else hashes[key].jaccard(hashes[root])
        result[key] = NearDup(key=key, group=root, similarity=round(similarity, 4))
    return result


def groups_of(dups: Iterable[NearDup]) -> dict[str, list[str]]:
    """Group keys by their near-duplicate group, in input order."""
    out: dict[str, list[str]] = {}
    for d in dups:
        out.setdefault(d.group, []).append(d.key)
    return out


def find_root(parent: dict[str, str], key: str) -> str:
    """Union-find root with path halving."""
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def union_first(parent: dict[str, str], order: Mapping[str, int], a: str, b: str) -> None:
    """Merge two groups; the root is whichever came first in the input, so groups lead with the original."""
    ra, rb = find_root(parent, a), find_root(parent, b)
    if ra != rb:
        first, second = (ra, rb) if order[ra] <= order[rb] else (rb, ra)
        parent[second] = first
