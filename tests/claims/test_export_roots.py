"""The GDELT export's IndependentRoots column on the claims scenario: a shelling told by the Russian state
(original, relay, rewrite) and by Reuters' witnesses exports 2 on each report; the Ukrainian denial exports 1."""
from __future__ import annotations

import pytest

from claims.scenario import ARTICLES, DATE, WITNESS
from store.test_exports import read_gdelt


@pytest.fixture(scope="module")
def exported(analyze_text, tmp_path_factory):
    """The scenario and the witness stored (no `sitrep cluster`, no `sitrep claims`), exported read-only."""
    from sitrep.store.exports import export_gdelt
    from sitrep.store.schema import connect, connect_read_only
    from sitrep.store.writer import write_reports

    articles = [*ARTICLES, ("witness", WITNESS, "Reuters")]
    reports = [analyze_text(text, id=name, source=source, date=DATE, url=f"https://example.org/{name}")
               for name, text, source in articles]
    tmp = tmp_path_factory.mktemp("roots")
    con = connect(tmp / "war.duckdb")
    write_reports(con, reports)
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    con = connect_read_only(tmp / "war.duckdb", sandboxed=False)  # as `sitrep export gdelt` opens it
    try:
        assert export_gdelt(con, tmp / "events.tsv") == n_events
        hashed = con.execute("SELECT count(*) FROM minhash").fetchone()[0]
    finally:
        con.close()
    assert hashed == 0  # the export read the store and wrote nothing into it
    return read_gdelt(tmp / "events.tsv", n_events)


def assaults(rows: list[dict], article: str) -> list[dict]:
    """The exported ASSAULT (CAMEO 19x/18x) rows of one scenario article."""
    return [r for r in rows if r["SOURCEURL"] == f"https://example.org/{article}" and (r["EventRootCode"] or "")
            in ("18", "19")]


def test_a_shelling_reported_by_two_independent_roots_exports_2(exported):
    witness = assaults(exported, "witness")
    assert witness and {r["IndependentRoots"] for r in witness} == {"2"}


def test_the_original_and_its_relays_carry_the_claims_two_roots(exported):
    for article in ("original", "relay", "changed"):
        rows = assaults(exported, article)
        assert rows and "2" in {r["IndependentRoots"] for r in rows}, (article, rows)


def test_the_denial_stands_on_its_own_single_root(exported):
    denial = [r for r in exported if r["SOURCEURL"] == "https://example.org/denial"]
    assert denial and {r["IndependentRoots"] for r in denial} == {"1"}


def test_every_exported_event_has_a_count(exported):
    assert all(r["IndependentRoots"] in {"0", "1", "2"} for r in exported)
