"""The workbench in a real headless Chromium over a store of real articles: map, filters, URL state,
evidence, keyboard, export, phone width, and hostile text that must stay text."""
from __future__ import annotations

import csv
import json
import time
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import HOSTILE_META

pytestmark = pytest.mark.slow


def stored(web_store: Path, sql: str) -> list[tuple]:
    """Rows of one query on the test store, read the way the server reads it."""
    from sitrep.store.schema import connect_read_only

    con = connect_read_only(web_store)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def open_page(browser: Any, url: str) -> None:
    """Load the page and wait until every stored event is loaded and drawn."""
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url)
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))


def js(browser: Any, script: str) -> Any:
    """The value of a JavaScript expression in the page."""
    return browser.execute_script("return " + script)


def wait_for(predicate: Any, timeout: float = 10.0) -> Any:
    """Poll until predicate() is truthy; its value, or an assertion error."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting")


def test_page_shows_every_stored_event_on_a_zoomable_clustered_map_with_outlines(browser, server, web_store):
    from selenium.webdriver.common.by import By

    total = stored(web_store, "SELECT count(*) FROM events")[0][0]
    placed = stored(web_store, "SELECT count(*) FROM events WHERE lat IS NOT NULL")[0][0]
    open_page(browser, server + "/")
    assert browser.find_element(By.ID, "count").text == f"{total} of {total} events"
    assert js(browser, "EventMap.cluster.getLayers().length") == placed > 0
    assert js(browser, "EventMap.admin1.getLayers().filter(l => l.feature.properties.name === 'Luhans\\'k').length") == 1
    legend = browser.find_element(By.ID, "legend").text
    assert "ASSAULT" in legend and "without coordinates" in legend
    zoom = js(browser, "EventMap.map.getZoom()")
    browser.find_element(By.ID, "map").click()
    browser.find_element(By.ID, "map").send_keys("+")
    wait_for(lambda: js(browser, "EventMap.map.getZoom()") > zoom)


def test_filters_combine_and_the_url_holds_them(browser, server, web_store):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    assaults = stored(web_store, "SELECT count(*) FROM events WHERE type = 'ASSAULT'")[0][0]
    in_seed_chain = stored(web_store, "SELECT count(*) FROM events WHERE type = 'ASSAULT' AND list_contains(attributed_to, 'TASS')")[0][0]
    open_page(browser, server + "/")
    Select(browser.find_element(By.ID, "f-type")).select_by_value("ASSAULT")
    assert browser.find_element(By.ID, "count").text.startswith(f"{assaults} of ")
    browser.find_element(By.ID, "f-q").send_keys("tass")
    wait_for(lambda: browser.find_element(By.ID, "count").text.startswith(f"{in_seed_chain} of "))
    assert 0 < in_seed_chain < assaults
    shared = browser.current_url
    assert "type=ASSAULT" in shared and "q=tass" in shared
    open_page(browser, server + "/?fresh=1#" + shared.split("#", 1)[1])
    assert browser.find_element(By.ID, "count").text.startswith(f"{in_seed_chain} of ")
    assert Select(browser.find_element(By.ID, "f-type")).first_selected_option.get_attribute("value") == "ASSAULT"


def test_clicking_an_event_opens_its_article_with_the_words_highlighted_and_its_source_chain(browser, server, web_store):
    from selenium.webdriver.common.by import By

    sha, idx, evidence = stored(web_store, "SELECT article_sha, idx, evidence_text FROM events "
                                           "WHERE list_contains(attributed_to, 'TASS') ORDER BY idx LIMIT 1")[0]
    open_page(browser, server + "/#q=tass")
    browser.find_element(By.CSS_SELECTOR, f'#events tr[data-id="{sha[:16]}-{idx}"]').click()
    wait_for(lambda: js(browser, "document.querySelectorAll('#ev-text mark.evidence').length"))
    marked = js(browser, "[...document.querySelectorAll('#ev-text mark.evidence')].map(m => m.textContent).join('')")
    assert marked == evidence
    assert browser.find_element(By.ID, "ev-chain").text == "Kremlin press service → TASS"
    kinds = {k for (k,) in stored(web_store, f"SELECT f.kind FROM flags f JOIN events e ON e.article_sha = f.article_sha "
                                          f"WHERE e.article_sha = '{sha}' AND e.idx = {idx} AND (f.evidence_start IS NULL "
                                          f"OR (f.evidence_start < e.evidence_end AND f.evidence_end > e.evidence_start))")}
    assert kinds, "the seed's TASS-attributed event should carry at least one flag"
    panel, flags_here = browser.find_element(By.ID, "flags-list").text, browser.find_element(By.ID, "ev-flags").text
    assert all(kind in panel and kind in flags_here for kind in kinds)


def test_the_table_and_panel_work_from_the_keyboard(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, server + "/")
    row = browser.find_element(By.CSS_SELECTOR, "#events tbody tr")
    js(browser, "document.querySelector('#events tbody tr').focus(), 1")
    row.send_keys(Keys.ENTER)
    wait_for(lambda: browser.find_element(By.ID, "evidence").is_displayed())
    wait_for(lambda: js(browser, "document.activeElement.id") == "ev-close")
    js(browser, "document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true})), 1")
    wait_for(lambda: not browser.find_element(By.ID, "evidence").is_displayed())


def test_undated_events_are_shown_as_undated_with_their_ingest_day(browser, server, web_store):
    undated = stored(web_store, "SELECT count(*) FROM events e JOIN articles a ON a.sha = e.article_sha WHERE e.day IS NULL")[0][0]
    open_page(browser, server + "/")
    assert undated > 0
    assert js(browser, "document.getElementById('undated-label').textContent") == f"undated {undated}"
    cells = js(browser, "[...document.querySelectorAll('#events tbody tr td:first-child')].map(td => td.textContent)")
    assert sum(c.startswith("undated (ingested ") for c in cells) == undated


def test_brushing_the_timeline_filters_by_date(browser, server, web_store):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(browser, server + "/")
    svg = browser.find_element(By.ID, "timeline")
    width = svg.size["width"]
    ActionChains(browser).move_to_element_with_offset(svg, int(-width * 0.47), 0).click_and_hold() \
        .move_by_offset(int(width * 0.3), 0).release().perform()
    url = wait_for(lambda: "since=" in browser.current_url and browser.current_url)
    params = dict(p.split("=") for p in url.split("#", 1)[1].split("&"))
    expected = stored(web_store, f"SELECT count(*) FROM events WHERE day BETWEEN '{params['since']}' AND '{params['until']}'")[0][0]
    assert browser.find_element(By.ID, "count").text.startswith(f"{expected} of ")


def downloaded(browser: Any, name: str) -> Path:
    """Wait for the browser to finish writing a download; its path."""
    path = browser.downloads / name
    wait_for(lambda: path.exists() and path.stat().st_size > 0 and not list(browser.downloads.glob("*.crdownload")))
    return path


def test_export_writes_exactly_the_filtered_events_as_csv_geojson_and_parquet(browser, server, web_store):
    import pyarrow.parquet as pq
    from selenium.webdriver.common.by import By

    want = {f"{sha[:16]}-{idx}" for sha, idx in stored(web_store, "SELECT article_sha, idx FROM events WHERE type = 'ASSAULT'")}
    placed = {f"{sha[:16]}-{idx}" for sha, idx in stored(web_store, "SELECT article_sha, idx FROM events WHERE type = 'ASSAULT' AND lat IS NOT NULL")}
    open_page(browser, server + "/#type=ASSAULT")
    for name in ("sitrep-events.csv", "sitrep-events.geojson", "sitrep-events.parquet"):
        (browser.downloads / name).unlink(missing_ok=True)
    browser.find_element(By.ID, "export-csv").click()
    with downloaded(browser, "sitrep-events.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["id"] for r in rows} == want and {r["type"] for r in rows} == {"ASSAULT"}
    browser.find_element(By.ID, "export-geojson").click()
    geo = json.loads(downloaded(browser, "sitrep-events.geojson").read_text(encoding="utf-8"))
    assert {f["id"] for f in geo["features"]} == placed
    assert all(len(f["geometry"]["coordinates"]) == 2 for f in geo["features"])
    browser.find_element(By.ID, "export-parquet").click()
    table = pq.read_table(downloaded(browser, "sitrep-events.parquet"))
    assert set(table.column("id").to_pylist()) == want


def test_hostile_titles_outlets_and_text_stay_inert_text(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    open_page(browser, server + "/")
    Select(browser.find_element(By.ID, "f-source")).select_by_value(HOSTILE_META["source"])
    browser.find_element(By.CSS_SELECTOR, "#events tbody tr").click()
    wait_for(lambda: browser.find_element(By.ID, "ev-title").text == HOSTILE_META["title"])
    assert "<script>window.__pwned=1</script>" in browser.find_element(By.ID, "ev-text").text
    assert HOSTILE_META["source"] in browser.find_element(By.ID, "events").text
    assert js(browser, "typeof window.__pwned") == "undefined"
    assert js(browser, "document.querySelectorAll('img[src=\"x\"], [onerror]').length") == 0
    assert js(browser, "[...document.scripts].every(s => s.src.includes('/static/'))")


def test_the_page_fits_a_phone_screen(browser, server):
    from selenium.webdriver.common.by import By

    browser.set_window_size(390, 844)
    try:
        open_page(browser, server + "/")
        assert js(browser, "document.documentElement.scrollWidth <= window.innerWidth + 1")
        assert browser.find_element(By.ID, "count").is_displayed()
    finally:
        browser.set_window_size(1280, 800)
