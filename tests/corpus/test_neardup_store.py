"""Incremental near-duplicate groups: new articles' LSH bands are looked up in the store, groups equal a rebuild."""
from __future__ import annotations

import datetime as dt
import hashlib
import random

import numpy as np
import pytest

from corpus.test_cluster import reports  # noqa: F401 - the shared fixture of real and look-alike reports
from corpus.test_cluster_incremental import FIRST, SECOND, stored_clusters
from sitrep.corpus import neardup, neardup_store
from sitrep.corpus.cluster import recluster_store
from sitrep.corpus.neardup_store import ARTICLE_ORDER, banding, candidate_pairs
from sitrep.store.schema import connect
from sitrep.store.writer import insert_rows, write_reports

_WORDS = random.Random(7).choices([f"w{i}" for i in range(3000)], k=400)


def article(name: str, words: slice, day: dt.date) -> dict:
    """An article row whose text is a window of one long wire story (overlapping windows are rewrites)."""
    text = " ".join(_WORDS[words]) + f" {name}"
    return {"sha": hashlib.sha256(text.encode()).hexdigest(), "id": name, "text": text, "day": day,
            "source": name, "ingested_at": dt.datetime(2025, 1, 1)}


# A1 and A2 overlap too little to be one group (Jaccard ~0.53); B overlaps both (~0.75), is dated
# earlier and so must merge them under itself; C and D are unrelated stories of their own
A = [article("a1", slice(0, 200), dt.date(2025, 3, 2)), article("a2", slice(60, 260), dt.date(2025, 3, 3)),
     article("c", slice(270, 340), dt.date(2025, 3, 1))]
B = [article("b", slice(30, 230), dt.date(2025, 2, 28)), article("d", slice(330, 400), dt.date(2025, 3, 5))]


def neardup_rows(con) -> list[tuple]:
    """Every near-duplicate row: what must not depend on how runs were split."""
    return con.execute("SELECT article_sha, group_sha, similarity FROM neardup ORDER BY article_sha").fetchall()


def store_articles(path, runs, threshold: float = 0.6) -> list[tuple]:
    """Store the article rows run by run, updating near-duplicates after each run."""
    con = connect(path)
    for rows in runs:
        insert_rows(con, "articles", rows)
        recluster_store(con, threshold=threshold)
    result = neardup_rows(con)
    con.close()
    return result


def groups_from_texts(con, threshold: float = 0.6) -> dict[str, str]:
    """Groups recomputed from every text with datasketch's MinHashLSH, in the store's article order."""
    docs = con.execute(f"SELECT sha, text FROM articles {ARTICLE_ORDER}").fetchall()
    return {k: d.group for k, d in neardup.find_near_duplicates(docs, threshold=threshold).items()}


def test_a_later_article_bridging_two_stored_groups_merges_them_under_the_earliest_article(tmp_path):
    two_runs = store_articles(tmp_path / "two.duckdb", [A, B])
    one_run = store_articles(tmp_path / "one.duckdb", [A + B])
    assert two_runs == one_run
    groups = {sha: group for sha, group, _ in two_runs}
    a1, a2, c, b, d = (r["sha"] for r in A + B)
    assert groups[a1] == groups[a2] == groups[b] == b  # B is dated first, so it leads the merged group
    assert groups[c] == c and groups[d] == d
    similarity = {sha: s for sha, _, s in two_runs}
    assert similarity[b] == 1.0 and 0.6 <= similarity[a1] < 1.0  # re-measured against the new leader


def test_incremental_groups_equal_a_rebuild_and_datasketch_over_every_text(tmp_path):
    path = tmp_path / "r.duckdb"
    incremental = store_articles(path, [A[:1], A[1:], B[:1], B[1:]])
    con = connect(path)
    assert {sha: group for sha, group, _ in incremental} == groups_from_texts(con)
    recluster_store(con, rebuild=True)
    assert neardup_rows(con) == incremental
    con.close()


def test_an_update_computes_and_looks_up_only_the_new_articles_bands(tmp_path, monkeypatch):
    import datasketch

    con = connect(tmp_path / "n.duckdb")
    insert_rows(con, "articles", A)
    recluster_store(con)
    banded: list[int] = []
    real = neardup_store.band_keys
    monkeypatch.setattr(neardup_store, "band_keys", lambda sig, b, r: banded.append(1) or real(sig, b, r))
    monkeypatch.setattr(datasketch.MinHashLSH, "insert", lambda *a, **k: pytest.fail("the index was rebuilt"))
    insert_rows(con, "articles", B)
    recluster_store(con)
    assert len(banded) == len(B)
    bands, _rows = banding(0.6)
    assert con.execute("SELECT count(*) FROM minhash_bands").fetchone()[0] == bands * len(A + B)
    con.close()


def test_stored_band_keys_propose_exactly_the_candidates_datasketch_lsh_proposes(tmp_path):
    from datasketch import MinHash, MinHashLSH

    con = connect(tmp_path / "k.duckdb")
    rows = A + B + [article(f"x{i}", slice(i * 7, i * 7 + 60), dt.date(2025, 4, 1)) for i in range(40)]
    insert_rows(con, "articles", rows)
    recluster_store(con)
    lsh = MinHashLSH(threshold=0.6, num_perm=neardup.NUM_PERM)
    sigs = dict(con.execute("SELECT sha, sig FROM minhash").fetchall())
    expected = set()
    for sha in sorted(sigs):
        m = MinHash(num_perm=neardup.NUM_PERM, hashvalues=np.asarray(sigs[sha], dtype=np.uint64), scheme=neardup.SCHEME)
        expected |= {tuple(sorted((sha, other))) for other in lsh.query(m)}
        lsh.insert(sha, m)
    found = set(candidate_pairs(con, sorted(sigs)))
    assert found == expected and len(found) > 40  # the overlapping windows do propose each other
    con.close()


def test_a_store_without_band_keys_builds_them_once_from_stored_signatures(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    con = connect(path)
    insert_rows(con, "articles", A + B)
    recluster_store(con)
    expected = neardup_rows(con)
    con.execute("DROP TABLE minhash_bands")  # as an sitrep before band keys left it
    con.execute("DELETE FROM meta WHERE key = ?", [neardup_store.SETTINGS_KEY])
    con.execute("UPDATE neardup SET group_sha = article_sha, similarity = 1.0")  # proves the groups are redone
    con.close()
    hashed: list[str] = []
    monkeypatch.setattr(neardup, "signature", lambda text, num_perm=neardup.NUM_PERM: hashed.append(text))
    con = connect(path)
    recluster_store(con)
    assert hashed == []  # built from the stored signatures, no text hashed again
    assert neardup_rows(con) == expected
    bands, _rows = banding(0.6)
    assert con.execute("SELECT count(*) FROM minhash_bands").fetchone()[0] == bands * len(A + B)
    con.close()


def test_another_threshold_rebuilds_the_groups_and_the_bands(tmp_path):
    path = tmp_path / "t.duckdb"
    store_articles(path, [A + B], threshold=0.6)
    con = connect(path)
    recluster_store(con, threshold=0.4)
    groups = {sha: group for sha, group, _ in neardup_rows(con)}
    assert groups == groups_from_texts(con, threshold=0.4)
    a1, a2 = A[0]["sha"], A[1]["sha"]
    assert groups[a1] == groups[a2]
    bands, _rows = banding(0.4)
    assert bands != banding(0.6)[0]
    assert con.execute("SELECT count(DISTINCT band) FROM minhash_bands").fetchone()[0] == bands
    con.close()


def test_real_reports_in_one_run_or_two_give_identical_groups_and_clusters(tmp_path, reports):
    results = []
    for name, runs in (("one", [FIRST + SECOND]), ("two", [FIRST, SECOND])):
        con = connect(tmp_path / f"{name}.duckdb")
        for names in runs:
            write_reports(con, [reports[n] for n in names])
            recluster_store(con)
        results.append((neardup_rows(con), stored_clusters(con)))
        con.close()
    assert results[0] == results[1]
    groups = {sha: g for sha, g, _ in results[0][0]}
    assert groups[reports["tass"].article.text_sha256] == groups[reports["ria"].article.text_sha256]


def test_a_bridging_article_dated_later_joins_the_group_of_the_earliest_stored_article(tmp_path):
    late_b = [dict(B[0], day=dt.date(2025, 3, 9)), B[1]]
    rows = store_articles(tmp_path / "late.duckdb", [A, late_b])
    groups = {sha: group for sha, group, _ in rows}
    a1, a2, b = A[0]["sha"], A[1]["sha"], B[0]["sha"]
    assert groups[a1] == groups[a2] == groups[b] == a1
    assert rows == store_articles(tmp_path / "late-one.duckdb", [A + late_b])
