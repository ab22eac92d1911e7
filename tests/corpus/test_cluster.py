"""Cross-article event clusters: one real-world event reported by several outlets becomes one cluster."""
from __future__ import annotations

from dataclasses import replace

import pytest

from sitrep.corpus.cluster import ClusterParams, cluster_events, haversine_km, points_from_reports, recluster_store
from sitrep.corpus.neardup import find_near_duplicates
from sitrep.records import ActorRef, Article, Place, PlaceRef, Report
from store.seed_records import SEED, SEVSK, event, seed_report

# Seversk, Donetsk oblast (gold) and Seversk, Tomsk oblast (GeoNames 1538637): the seed's trap
SEVERSK_UA = ("Seversk", 694403, 48.86476, 38.09683, "UA", "UA.05")
SEVERSK_RU = ("Seversk", 1538637, 56.60056, 84.88639, "RU", "RU.75")
INDEPENDENT = ("Moscow claimed the seizure of Sevsk on Wednesday. The Russian defence ministry said its troops "
               "had taken full control of the settlement in the Bryansk region after two days of fighting.")
LATE = ("Weeks after the seizure of Sevsk, residents described empty streets and damaged homes, the regional "
        "administration said on Thursday.")
OTHER_SIDE = "Ukrainian units completed the seizure of Sevsk, a commander claimed; Moscow denied it."


def short_report(text: str, source: str, date: str, type_: str, evidence: str, trigger: str, gold, actor) -> Report:
    """A one-event report on a short text."""
    article = Article.from_text(text, source=source, date=date)
    return Report(article=article, events=(event(text, 0, type_, evidence, trigger, gold, actor),))


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    """The seed (TASS), a rewrite of it (RIA), an independent report, and reports that must stay apart."""
    if not SEED.exists():
        pytest.skip("seed article not present")
    text = SEED.read_text(encoding="utf-8")
    lines = text.splitlines()
    rewrite = "\n".join(["Vladimir Putin held a round of urgent calls with frontline commanders on Tuesday."]
                        + lines[1:-3])
    russia, ukraine = ActorRef("Russia", country="RUS", sector="MIL"), ActorRef("Ukraine", country="UKR", sector="MIL")
    seversk_ua = "Russian forces shelled Seversk overnight, the regional governor said."
    seversk_ru = "A blast was reported at a plant in Seversk, a closed town near Tomsk in Siberia."
    return {
        "tass": seed_report(text, "tass.ru", "2024-08-20"),
        "ria": seed_report(rewrite, "ria.ru", "2024-08-20"),
        "reuters": short_report(INDEPENDENT, "reuters.com", "2024-08-21", "ASSAULT", "the seizure of Sevsk",
                                "seizure", SEVSK, russia),
        "late": short_report(LATE, "late.example", "2024-09-05", "ASSAULT", "the seizure of Sevsk",
                             "seizure", SEVSK, russia),
        "other_side": short_report(OTHER_SIDE, "kyiv.example", "2024-08-20", "ASSAULT",
                                   "the seizure of Sevsk", "seizure", SEVSK, ukraine),
        "seversk_ua": short_report(seversk_ua, "ukrinform.ua", "2024-08-20", "ASSAULT", "shelled Seversk",
                                   "shelled", SEVERSK_UA, russia),
        "seversk_ru": short_report(seversk_ru, "tomsk.example", "2024-08-20", "ASSAULT", "A blast was reported",
                                   "blast", SEVERSK_RU, russia),
    }


def clusters_of(reports: dict[str, Report], params: ClusterParams = ClusterParams()):
    """Cluster the reports' events with near-duplicate groups computed from their texts."""
    dups = find_near_duplicates([(r.article.text_sha256, r.article.text) for r in reports.values()])
    groups = {k: d.group for k, d in dups.items()}
    return cluster_events(points_from_reports(reports.values(), groups), params)


def members_named(cluster, reports) -> set[str]:
    """Names of the fixture reports with an event in the cluster."""
    names = {r.article.text_sha256: name for name, r in reports.items()}
    return {names[sha] for sha, _idx in cluster.members}


def test_the_seizure_of_sevsk_in_three_articles_is_one_cluster_from_two_independent_sources(reports):
    clusters = clusters_of(reports)
    sevsk = next(c for c in clusters if "tass" in members_named(c, reports) and c.type == "ASSAULT")
    assert members_named(sevsk, reports) == {"tass", "ria", "reuters"}
    assert sevsk.num_articles == 3
    assert sevsk.num_sources == 2  # the RIA rewrite of the TASS story counts once
    assert (str(sevsk.first_seen), str(sevsk.last_seen)) == ("2024-08-20", "2024-08-21")
    assert (sevsk.lat, sevsk.lon) == pytest.approx((52.14904, 34.49347))


def test_a_report_two_weeks_later_or_with_the_other_side_as_actor_is_a_separate_cluster(reports):
    clusters = clusters_of(reports)
    alone = [members_named(c, reports) for c in clusters if c.num_articles == 1 and c.type == "ASSAULT"]
    assert {"late"} in alone and {"other_side"} in alone


def test_the_two_sevsks_and_seversks_never_merge(reports):
    assert haversine_km(*SEVERSK_UA[2:4], *SEVERSK_RU[2:4]) > 3000  # the gold's trap: ~3,000 km apart
    for c in clusters_of(reports):
        names = members_named(c, reports)
        assert not ({"seversk_ua", "seversk_ru"} <= names)
        assert not ({"seversk_ua"} < names)


def test_sloviansk_and_kramatorsk_13_km_apart_merge_at_25_km_and_split_at_5(reports):
    wide = [c for c in clusters_of(reports) if c.type == "MOBILIZE"]
    narrow = [c for c in clusters_of(reports, ClusterParams(radius_km=5)) if c.type == "MOBILIZE"]
    assert len(wide) == 1 and wide[0].num_articles == 2 and wide[0].num_sources == 1 and len(wide[0].members) == 4
    assert sorted(c.place_text for c in narrow) == ["Kramatorsk", "Sloviansk"]


def test_every_event_is_in_exactly_one_cluster(reports):
    members = [m for c in clusters_of(reports) for m in c.members]
    total = sum(len(r.events) for r in reports.values())
    assert len(members) == len(set(members)) == total


def test_clusters_and_near_duplicates_are_stored(tmp_path, reports):
    from sitrep.store.schema import connect
    from sitrep.store.writer import write_reports

    con = connect(tmp_path / "c.duckdb")
    write_reports(con, list(reports.values()))
    n_groups, n_clusters = recluster_store(con)
    assert n_groups == len(reports) - 1  # only the RIA rewrite joins another article's group
    row = con.execute("""SELECT num_articles, num_sources, first_seen, last_seen FROM clusters
                         WHERE type = 'ASSAULT' ORDER BY num_articles DESC LIMIT 1""").fetchone()
    assert (row[0], row[1], str(row[2]), str(row[3])) == (3, 2, "2024-08-20", "2024-08-21")
    assert con.execute("SELECT count(*) FROM cluster_members").fetchone()[0] == sum(len(r.events) for r in reports.values())
    recluster_store(con)  # recomputing replaces, never duplicates
    assert con.execute("SELECT count(*) FROM clusters").fetchone()[0] == n_clusters
    con.close()


def test_a_second_recluster_hashes_only_the_articles_added_since_and_groups_the_same(tmp_path, reports, monkeypatch):
    from sitrep.corpus import neardup
    from sitrep.store.schema import connect
    from sitrep.store.writer import write_reports

    con = connect(tmp_path / "inc.duckdb")
    first, *rest = list(reports.values())
    write_reports(con, [first])
    recluster_store(con)
    hashed: list[str] = []
    real = neardup.signature
    monkeypatch.setattr(neardup, "signature", lambda text, num_perm=neardup.NUM_PERM: hashed.append(text) or real(text))
    write_reports(con, rest)
    recluster_store(con)
    assert sorted(hashed) == sorted(r.article.text for r in rest)  # the first article is matched from its signature
    groups = dict(con.execute("SELECT article_sha, group_sha FROM neardup").fetchall())
    from_texts = find_near_duplicates([(sha, text) for sha, text in con.execute(
        "SELECT sha, text FROM articles ORDER BY day NULLS LAST, ingested_at, sha").fetchall()])
    assert groups == {k: d.group for k, d in from_texts.items()}
    con.close()


def as_country_event(report: Report) -> Report:
    """The report with its first event placed in "Russia" (a country-level Place at a real span of its text)."""
    from store.seed_records import span

    where = span(report.article.text, "Russia")
    country = Place(text="Russia", start=where.start, end=where.end, geonameid=2017370, name="Russia", lat=60.0,
                    lon=100.0, country="RU", precision="country", feature="PCLI")
    ev = report.events[0]
    place = PlaceRef(text="Russia", geonameid=2017370, lat=60.0, lon=100.0, start=where.start, end=where.end)
    return replace(report, places=(country,), events=(replace(ev, place=place),) + report.events[1:])


def test_events_placed_only_in_a_country_cluster_only_with_rewrites_of_their_story(reports):
    pool = {name: as_country_event(reports[name]) for name in ("tass", "ria", "reuters")}
    clusters = [c for c in clusters_of(pool) if c.type == "ASSAULT"]
    assert sorted(sorted(members_named(c, pool)) for c in clusters) == [["reuters"], ["ria", "tass"]]
