"""The DuckDB store: idempotent writes keyed by text hash, filtered queries, read-only SQL."""
from __future__ import annotations

import hashlib

import pytest

from sitrep.errors import BadInputError
from sitrep.store.queries import EventFilter, check_read_only_sql, find_events, parse_near, run_readonly_sql
from sitrep.store.schema import connect, connect_read_only
from sitrep.store.writer import write_reports

from store.seed_records import seed_report


def test_article_is_keyed_by_the_sha256_of_its_text(store, seed_article_text):
    digest = hashlib.sha256(seed_article_text.encode("utf-8")).hexdigest()
    assert store.execute("SELECT sha FROM articles").fetchall() == [(digest,)]


def test_writing_the_same_report_twice_stores_it_once(store, seed_article_text):
    again = seed_report(seed_article_text, "tass.ru", "2024-08-20")
    assert write_reports(store, [again, again]) == 0
    counts = [store.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "places")]
    assert counts == [1, 3, 3]


def test_stored_evidence_offsets_point_into_the_stored_text(store):
    rows = store.execute("""SELECT substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start),
                            e.evidence_text FROM events e JOIN articles a ON a.sha = e.article_sha""").fetchall()
    assert len(rows) == 3 and all(got == want for got, want in rows)


def test_entity_mentions_survive_as_spans(store):
    (mentions,) = store.execute("SELECT mentions FROM entities WHERE text = 'Vladimir Putin'").fetchone()
    assert mentions == [{"start": 18, "end": 32, "text": "Vladimir Putin"}]  # after "Russian President "


def test_query_by_type(store):
    _cols, rows = find_events(store, EventFilter(type="assault"))
    assert [r[4] for r in rows] == ["Sevsk"]


def test_query_near_kramatorsk_finds_sloviansk_13_km_away_but_not_at_5_km(store):
    # Sloviansk-Kramatorsk: 0.119 degrees of latitude (13.2 km) and 0.03 of longitude (2.2 km) apart
    _c, within_30 = find_events(store, EventFilter(near=parse_near("48.73106,37.56779,30")))
    _c, within_5 = find_events(store, EventFilter(near=parse_near("48.73106,37.56779,5")))
    assert sorted(r[4] for r in within_30) == ["Kramatorsk", "Sloviansk"]
    assert [r[4] for r in within_5] == ["Kramatorsk"]


def test_query_by_place_name_does_not_confuse_sevsk_and_seversk(store):
    _c, rows = find_events(store, EventFilter(place="Sevsk"))
    assert [r[4] for r in rows] == ["Sevsk"]


def test_query_by_actor_date_and_source(store):
    assert len(find_events(store, EventFilter(actor="ukrainian"))[1]) == 2
    assert len(find_events(store, EventFilter(since="2024-08-20", until="2024-08-20"))[1]) == 3
    assert find_events(store, EventFilter(since="2024-08-21"))[1] == []
    assert len(find_events(store, EventFilter(source="TASS"))[1]) == 3
    assert find_events(store, EventFilter(source="reuters"))[1] == []


@pytest.mark.parametrize("value", ["48.7,37.5", "91,0,10", "48.7,37.5,-1", "a,b,c"])
def test_near_refuses_malformed_points(value):
    with pytest.raises(BadInputError):
        parse_near(value)


@pytest.mark.parametrize("sql", [
    "DELETE FROM articles", "INSERT INTO meta VALUES ('a', 'b')", "DROP TABLE events",
    "UPDATE articles SET title = 'x'", "COPY articles TO 'out.csv'", "ATTACH 'other.duckdb' AS o",
    "CREATE TABLE t AS SELECT 1", "SET threads = 1", "SELECT 1; DELETE FROM articles", "PRAGMA version",
    "EXPLAIN ANALYZE DELETE FROM articles", "CHECKPOINT", "INSTALL httpfs", "LOAD httpfs",
])
def test_read_only_sql_refuses_anything_but_one_select(sql):
    with pytest.raises(BadInputError):
        check_read_only_sql(sql)


def test_read_only_connection_runs_selects_and_cannot_read_other_files(tmp_path, seed_article_text):
    path = tmp_path / "ro.duckdb"
    con = connect(path)
    write_reports(con, [seed_report(seed_article_text, "tass.ru", "2024-08-20")])
    con.close()
    ro = connect_read_only(path)
    cols, rows = run_readonly_sql(ro, "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY type")
    assert cols == ["type", "n"] and rows == [("ASSAULT", 1), ("MOBILIZE", 2)]
    with pytest.raises(BadInputError):
        run_readonly_sql(ro, f"SELECT * FROM read_csv('{path.parent / 'x.csv'}')")
    ro.close()
