"""Incremental event clusters: new events are matched against the stored clusters' anchors, ids stay put."""
from __future__ import annotations

import datetime as dt

import pytest

from corpus.test_cluster import reports  # noqa: F401 - the shared fixture of real and look-alike reports
from sitrep.corpus.cluster import ClusterParams, EventPoint, recluster_store
from sitrep.corpus.cluster_index import Anchor, ClusterIndex
from sitrep.store.schema import connect
from sitrep.store.writer import write_reports

# Reuters (21 August) is stored before TASS and its RIA rewrite (20 August): ordering by date would
# let TASS found the Sevsk cluster in one run but join Reuters' cluster in two runs
FIRST = ("reuters", "late", "seversk_ua")
SECOND = ("tass", "ria", "other_side", "seversk_ru")


def stored_clusters(con) -> list[tuple]:
    """Every cluster row with its sorted members: what must not depend on how runs were split."""
    rows = con.execute("""SELECT c.cluster_id, c.type, c.first_seen, c.last_seen, c.num_events, c.num_articles,
        c.num_sources, c.lat, c.lon, c.place_text, c.actor_text, c.recipient_text, c.anchor_sha, c.anchor_idx, c.seq,
        list(m.article_sha || ':' || m.event_idx ORDER BY m.article_sha, m.event_idx)
        FROM clusters c JOIN cluster_members m USING (cluster_id) GROUP BY ALL ORDER BY c.seq""").fetchall()
    return rows


def store_in_runs(path, reports, runs) -> list[tuple]:
    """Store the named reports run by run, clustering after each run as `sitrep ingest` does."""
    con = connect(path)
    for names in runs:
        write_reports(con, [reports[n] for n in names])
        recluster_store(con)
    result = stored_clusters(con)
    con.close()
    return result


def test_ingesting_a_and_b_in_one_run_or_in_two_gives_identical_clusters(tmp_path, reports):
    one_run = store_in_runs(tmp_path / "one.duckdb", reports, [FIRST + SECOND])
    two_runs = store_in_runs(tmp_path / "two.duckdb", reports, [FIRST, SECOND])
    assert one_run == two_runs
    sevsk = [r for r in one_run if r[5] == 3]
    assert len(sevsk) == 1 and sevsk[0][6] == 2  # TASS, its RIA rewrite and Reuters: one event, two sources
    assert sevsk[0][12] == reports["reuters"].article.text_sha256  # the first stored report anchors it


def test_a_rebuild_from_scratch_gives_the_clusters_the_updates_built(tmp_path, reports):
    path = tmp_path / "r.duckdb"
    incremental = store_in_runs(path, reports, [FIRST, SECOND[:2], SECOND[2:]])
    con = connect(path)
    recluster_store(con, rebuild=True)
    assert stored_clusters(con) == incremental
    con.close()


def test_existing_cluster_ids_stay_stable_and_old_events_are_not_matched_again(tmp_path, reports, monkeypatch):
    from sitrep.corpus import cluster_index

    con = connect(tmp_path / "s.duckdb")
    write_reports(con, [reports[n] for n in FIRST])
    recluster_store(con)
    before = {r[0]: r for r in stored_clusters(con)}
    matched: list[tuple[str, int]] = []
    real = cluster_index.ClusterIndex.assign
    monkeypatch.setattr(cluster_index.ClusterIndex, "assign",
                        lambda self, p: matched.append((p.article_sha, p.event_idx)) or real(self, p))
    write_reports(con, [reports[n] for n in SECOND])
    recluster_store(con)
    after = {r[0]: r for r in stored_clusters(con)}
    new_shas = {reports[n].article.text_sha256 for n in SECOND}
    assert matched and {sha for sha, _ in matched} == new_shas  # only the new articles' events
    assert set(before) <= set(after)
    for cluster_id, row in before.items():  # old members stay where they were; only new events join
        assert set(row[-1]) <= set(after[cluster_id][-1])
        assert {m.split(":")[0] for m in set(after[cluster_id][-1]) - set(row[-1])} <= new_shas
    con.close()


def test_other_settings_rebuild_instead_of_extending(tmp_path, reports):
    con = connect(tmp_path / "p.duckdb")
    write_reports(con, [reports["tass"]])
    recluster_store(con)
    assert con.execute("SELECT count(*) FROM clusters WHERE type = 'MOBILIZE'").fetchall()[0][0] == 1
    recluster_store(con, ClusterParams(radius_km=5))  # Sloviansk and Kramatorsk, 13 km apart, now split
    assert sorted(r[0] for r in con.execute("SELECT place_text FROM clusters WHERE type = 'MOBILIZE'").fetchall()) \
        == ["Kramatorsk", "Sloviansk"]
    con.close()


def test_clusters_stored_by_an_older_sitrep_without_anchors_are_rebuilt(tmp_path, reports):
    con = connect(tmp_path / "old.duckdb")
    write_reports(con, [reports[n] for n in FIRST])
    recluster_store(con)
    expected = stored_clusters(con)
    con.execute("UPDATE clusters SET anchor_sha = NULL, seq = NULL")
    con.execute("DELETE FROM meta WHERE key = 'cluster_settings'")
    recluster_store(con)
    assert stored_clusters(con) == expected
    con.close()


def point(day: dt.date | None, lat: float = 48.0, sha: str = "a", group: str = "g") -> EventPoint:
    """An ASSAULT with a known place, on a day."""
    return EventPoint(article_sha=sha, event_idx=0, type="ASSAULT", day=day, lat=lat, lon=37.0,
                      place_text="X", group=group)


def test_the_index_finds_anchors_within_the_window_only_and_prefers_the_nearest():
    index = ClusterIndex(ClusterParams(window_days=2))
    day = dt.date(2024, 8, 20)
    index.add(Anchor("far-in-time", 0, point(day - dt.timedelta(days=3), sha="x")))
    index.add(Anchor("older", 1, point(day + dt.timedelta(days=2), lat=48.1, sha="y")))
    index.add(Anchor("nearest", 2, point(day - dt.timedelta(days=1), lat=48.01, sha="z")))
    assert index.assign(point(day, sha="new")) == ("nearest", False)
    cluster_id, founded = index.assign(point(day + dt.timedelta(days=10), sha="late"))
    assert founded and cluster_id not in {"far-in-time", "older", "nearest"} and index.next_seq == 4


def test_undated_events_join_only_clusters_of_their_own_story():
    index = ClusterIndex()
    index.add(Anchor("story", 0, point(None, group="g1")))
    assert index.assign(point(None, sha="rewrite", group="g1")) == ("story", False)
    assert index.assign(point(None, sha="other", group="g2"))[1] is True
