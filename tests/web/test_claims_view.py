"""The claim view in a real headless Chromium over a store of the claims scenario: a shelling told by the
Russian state (original, relay, rewrite) and by Reuters' witnesses, denied by Ukraine; one title is hostile."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.claims.scenario import ARTICLES, DATE, WITNESS
from tests.web.conftest import serve_store

pytestmark = pytest.mark.slow
HOSTILE_TITLE = '<script>window.__pwned=5</script><img src=x onerror="window.__pwned=6">Residents describe shelling'


@pytest.fixture(scope="module")
def claims_server(tmp_path_factory: pytest.TempPathFactory, analyze_text: Any, pipeline: Any) -> Iterator[str]:
    """The app over a store holding the scenario and its ledger, as `sitrep ingest` + `sitrep claims` leave it."""
    from sitrep.claims.store import ledger_from_store, write_ledger
    from sitrep.store.schema import connect
    from sitrep.store.writer import write_reports

    reports = [analyze_text(text, id=name, source=source, date=DATE, title=f"{name} report")
               for name, text, source in ARTICLES]
    reports.append(analyze_text(WITNESS, id="witness", source="Reuters", date=DATE, title=HOSTILE_TITLE))
    db: Path = tmp_path_factory.mktemp("claims-web") / "claims.duckdb"
    con = connect(db)
    write_reports(con, reports)
    write_ledger(con, ledger_from_store(con))
    con.close()
    with serve_store(db, pipeline) as url:
        yield url


def test_claim_view_lists_the_shelling_with_two_roots_and_keeps_a_script_title_as_text(browser, claims_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(claims_server + "/")
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
    browser.find_element(By.ID, "tab-claims").click()
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.body.dataset.claims === '1'"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#claims-table tbody tr.claim")
    shelling = [r for r in rows if r.find_element(By.CSS_SELECTOR, "td").text.startswith("ASSAULT by Russian forces at Siversk")]
    assert len(shelling) == 1, [r.text for r in rows]
    row = shelling[0]
    assert row.find_element(By.CSS_SELECTOR, "td.roots").text == "2"
    assert row.find_element(By.CSS_SELECTOR, "td.denials").text == "1"
    assert row.find_element(By.CSS_SELECTOR, "td.drift").text == "2"  # the figure and the place
    row.click()
    detail = browser.find_element(By.ID, "claim-detail")
    WebDriverWait(browser, 10).until(lambda d: detail.is_displayed())
    assert "2 independent roots" in browser.find_element(By.ID, "cl-meta").text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#cl-roots li")) == 2
    denials = browser.find_element(By.ID, "cl-denials").text
    assert "denied that Russian forces had shelled Siversk" in denials and "Ukrinform" in denials
    drift = browser.find_element(By.ID, "cl-drift").text
    assert "killing 40 Ukrainian soldiers" in drift and "killing 400 Ukrainian soldiers" in drift
    reports = browser.find_element(By.ID, "cl-articles").text
    assert HOSTILE_TITLE in reports  # shown as the words it is, markup and all
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert not browser.find_elements(By.CSS_SELECTOR, "#claims script, #claims img")
