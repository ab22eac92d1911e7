"""The claims ledger on a small real-looking story: an original, a relay, a rewrite that changes a figure and a
place, and a denial by the other side, all through the real pipeline."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from claims.scenario import ARTICLES, DATE, WITNESS
from sitrep.claims import build_ledger, claims_from_report, ledger_to_json, near_duplicate_groups
from sitrep.claims.match import same_claim
from sitrep.claims.records import Claim, DateWindow
from sitrep.records import Evidence

SIVERSK = 694403  # Siversk, Donetsk oblast: "Seversk" in the Russian spelling
SEVSK = 496246  # Sevsk, Bryansk oblast


@pytest.fixture(scope="module")
def reports(analyze_text):
    """The four scenario articles analysed by the shared pipeline, oldest first."""
    return [analyze_text(text, id=name, source=source, date=DATE) for name, text, source in ARTICLES]


@pytest.fixture(scope="module")
def shelling(reports):
    """The ledger claim of the shelling of Seversk, and the whole ledger's JSON."""
    ledger = ledger_to_json(build_ledger(reports, near_duplicate_groups(reports)))
    found = [c for c in ledger if c["type"] == "ASSAULT" and c["place"] and c["place"]["geonameid"] == SIVERSK]
    assert len(found) == 1, [c["summary"] for c in ledger]
    return found[0], ledger


def test_original_relay_and_rewrite_are_one_claim(shelling):
    claim, _ = shelling
    assert claim["articles"] == ["original", "relay", "changed"]
    assert claim["summary"].startswith("ASSAULT by Russian forces at Siversk")
    assert claim["first_seen"] == DATE


def test_ministry_relayed_by_tass_counts_as_one_independent_root(shelling):
    claim, _ = shelling
    assert claim["independent_roots"] == 1
    assert claim["roots"] == ["state:RUS"]


def test_denial_by_the_other_side_is_linked_with_its_words(shelling):
    claim, _ = shelling
    assert [(d["article"], d["reason"], d["root"]) for d in claim["denials"]] == [("denial", "negated", "state:UKR")]
    assert "denied that Russian forces had shelled Siversk" in claim["denials"][0]["evidence"]["text"]


def test_drift_lists_the_changed_figure_and_place_with_both_evidences(shelling):
    claim, _ = shelling
    drift = {d["field"]: d for d in claim["drift"]}
    assert set(drift) == {"figure", "place"}
    figure, place = drift["figure"], drift["place"]
    assert (figure["from"], figure["to"]) == ("40 soldiers killed", "400 soldiers killed")
    assert (figure["from_evidence"]["text"], figure["evidence"]["text"]) == ("killing 40 Ukrainian soldiers",
                                                                             "killing 400 Ukrainian soldiers")
    assert f"GeoNames {SIVERSK}" in place["from"] and f"GeoNames {SEVSK}" in place["to"]
    assert (place["from_evidence"]["text"], place["evidence"]["text"]) == ("Seversk", "Sevsk")
    assert figure["article"] == place["article"] == "changed"


def test_every_evidence_span_is_the_article_text(reports):
    texts = {r.article.id: r.article.text for r in reports}
    for report in reports:
        for claim in claims_from_report(report):
            spans = [claim.evidence, claim.place_evidence, *(f.evidence for f in claim.figures)]
            for ev in filter(None, spans):
                assert texts[claim.article_id][ev.start:ev.end] == ev.text


def test_an_independent_report_spelt_siversk_is_a_second_root(reports, analyze_text):
    witness = analyze_text(WITNESS, id="witness", source="Reuters", date=DATE)
    ledger = ledger_to_json(build_ledger([*reports, witness], near_duplicate_groups([*reports, witness])))
    claim = next(c for c in ledger if c["type"] == "ASSAULT" and "witness" in c["articles"])
    assert claim["articles"] == ["original", "relay", "changed", "witness"]
    assert claim["roots"] == ["state:RUS", "owner:Thomson Reuters"]
    assert claim["independent_roots"] == 2


def _claim(actor: str | None, article: str) -> Claim:
    """A shelling claim at Siversk on the scenario's day, by the given actor key."""
    day = dt.date(2024, 8, 13)
    return Claim(id=f"{article}-e0", article_sha=article, article_id=article, kind="event", type="ASSAULT",
                 evidence=Evidence(0, 7, "shelled"), actor=actor, actor_named=actor is not None, place=SIVERSK, window=DateWindow(day, day),
                 words=("russian", "forces", "shelled", "siversk"))


def test_an_unknown_actor_does_not_match_every_actor():
    assert same_claim(_claim("RUSMIL", "a"), _claim("RUSMIL", "b"))
    assert not same_claim(_claim(None, "a"), _claim("RUSMIL", "b"))
    assert not same_claim(_claim("UKRMIL", "a"), _claim("RUSMIL", "b"))
    assert same_claim(_claim(None, "a"), _claim(None, "b"))


def test_claims_command_builds_and_prints_the_ledger_from_a_store(reports, tmp_path):
    from sitrep.corpus.cluster import recluster_store
    from sitrep.store.schema import connect
    from sitrep.store.writer import write_reports

    db = tmp_path / "war.duckdb"
    con = connect(db)
    write_reports(con, reports)
    recluster_store(con)
    con.close()
    proc = subprocess.run([sys.executable, "-m", "sitrep.cli", "claims", "--db", str(db), "--json"],
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    ledger = json.loads(proc.stdout)
    assert set(ledger[0]) >= {"id", "summary", "type", "place", "first_seen", "articles", "roots",
                              "independent_roots", "denials", "drift"}
    shelling = [c for c in ledger if c["place"] and c["place"]["geonameid"] == SIVERSK and c["type"] == "ASSAULT"]
    assert len(shelling) == 1 and shelling[0]["independent_roots"] == 1
    assert {d["field"] for d in shelling[0]["drift"]} == {"figure", "place"}
    assert [d["article"] for d in shelling[0]["denials"]] == ["denial"]


def test_claims_command_on_a_missing_store_exits_3_without_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "sitrep.cli", "claims", "--db", str(tmp_path / "none.duckdb")],
                          capture_output=True, timeout=120)
    assert proc.returncode == 3
    assert "no store at" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()
    assert not (tmp_path / "none.duckdb").exists()


def test_claims_command_on_an_empty_store_exits_3(tmp_path):
    from sitrep.store.schema import connect

    db = tmp_path / "empty.duckdb"
    connect(db).close()
    proc = subprocess.run([sys.executable, "-m", "sitrep.cli", "claims", "--db", str(db)], capture_output=True,
                          timeout=120)
    assert proc.returncode == 3
    assert "holds no articles" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


def test_api_router_serves_the_stored_ledger(reports, tmp_path):
    from fastapi.testclient import TestClient

    from sitrep.api.app import create_app
    from sitrep.claims.store import ledger_from_store, write_ledger
    from sitrep.corpus.cluster import recluster_store
    from sitrep.store.schema import connect
    from sitrep.store.writer import write_reports

    db = tmp_path / "api.duckdb"
    con = connect(db)
    write_reports(con, reports)
    recluster_store(con)
    write_ledger(con, ledger_from_store(con))
    con.close()
    app = create_app(db_path=db)  # the served app, so the router is tested as it is wired
    found = TestClient(app).get("/api/claims", params={"q": "Siversk"}).json()
    assert [c["independent_roots"] for c in found if c["type"] == "ASSAULT"] == [1]
