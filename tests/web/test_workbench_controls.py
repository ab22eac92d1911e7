"""The workbench from the keyboard alone (map markers and clusters take Tab, Enter and Space), the
corroboration filter over a clustered store, and the timeline's play control, in a real headless Chromium."""
from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.web.conftest import CORPUS, serve_store
from tests.web.test_workbench import js, open_page, stored, wait_for

pytestmark = pytest.mark.slow
MAX_TABS = 40  # header buttons, every filter, the exports, the map itself: about 25 stops before the first marker


def active(browser: Any) -> dict[str, Any]:
    """What has the focus: its classes, aria-label, role, data-id and whether it is a cluster already opened."""
    return js(browser, """(() => { const a = document.activeElement;
        return {cls: String(a.className || ''), label: a.getAttribute('aria-label'), role: a.getAttribute('role'),
                id: a.dataset ? a.dataset.id || null : null, opened: !!a.__opened}; })()""")


def press(browser: Any, key: str) -> None:
    """One key press sent to whatever has the focus, as a user types it."""
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(browser).send_keys(key).perform()


def tab_to_an_event_marker(browser: Any) -> tuple[int, list[str]]:
    """Tab from the page start (Enter on each cluster met) until an event's marker has the focus.

    Returns the Tab presses it took and the aria-labels of the clusters opened on the way."""
    from selenium.webdriver.common.keys import Keys

    tabs, clusters = 0, []
    while tabs <= MAX_TABS:
        now = active(browser)
        if "ev-marker" in now["cls"]:
            return tabs, clusters
        if "marker-cluster" in now["cls"] and not now["opened"]:
            assert now["role"] == "button" and re.fullmatch(r"\d+ events", now["label"] or ""), now
            want = js(browser, "EventMap.cluster._featureGroup.getLayers().find(l => l._icon === document.activeElement).getChildCount()")
            assert now["label"] == f"{want} events"
            zoom = js(browser, "(document.activeElement.__opened = 1, EventMap.map.getZoom())")
            press(browser, Keys.ENTER)
            wait_for(lambda: js(browser, "EventMap.map.getZoom()") > zoom or js(browser, "!!EventMap.cluster._spiderfied"))
            time.sleep(0.8)  # the zoom or spiderfy animation, then the focus moves to a marker
            clusters.append(now["label"])
            continue
        press(browser, Keys.TAB)
        tabs += 1
    raise AssertionError(f"no event marker took the focus within {MAX_TABS} Tab presses (last: {active(browser)})")


def test_tab_reaches_a_named_map_marker_and_enter_opens_its_evidence(browser, server, web_store):
    open_page(browser, server + "/")
    assert js(browser, "document.activeElement === document.body")
    tabs, clusters = tab_to_an_event_marker(browser)
    assert tabs <= MAX_TABS
    marker = active(browser)
    sha16, idx = marker["id"].rsplit("-", 1)
    type_, actor, place, day, evidence = stored(web_store, f"SELECT type, actor_text, place_text, day, evidence_text FROM events "
                                                           f"WHERE article_sha LIKE '{sha16}%' AND idx = {int(idx)}")[0]
    label = marker["label"]
    assert type_ in label and (actor or "no actor") in label and (place or "no place") in label
    assert (str(day) if day else "undated") in label
    assert js(browser, "getComputedStyle(document.activeElement).outlineStyle") == "solid"  # the focus shows
    from selenium.webdriver.common.keys import Keys

    press(browser, Keys.ENTER)
    wait_for(lambda: js(browser, "document.querySelectorAll('#ev-text mark.evidence').length"))
    assert js(browser, "[...document.querySelectorAll('#ev-text mark.evidence')].map(m => m.textContent).join('')") == evidence
    assert js(browser, "document.activeElement.id") == "ev-close"


def test_every_cluster_is_a_named_button_and_space_opens_it_like_a_click(browser, server):
    from selenium.webdriver.common.keys import Keys

    open_page(browser, server + "/")
    js(browser, "EventMap.map.setZoom(2, {animate: false}), 1")
    time.sleep(0.3)  # markercluster regroups at the new zoom
    wait_for(lambda: js(browser, "document.querySelectorAll('#map .marker-cluster').length"))
    clusters = js(browser, "[...document.querySelectorAll('#map .marker-cluster')].map(c => [c.tabIndex, c.getAttribute('role'), c.getAttribute('aria-label')])")
    assert all(tab == 0 and role == "button" and re.fullmatch(r"\d+ events", label) for tab, role, label in clusters), clusters
    zoom = js(browser, "(document.querySelector('#map .marker-cluster').focus(), EventMap.map.getZoom())")
    press(browser, Keys.SPACE)
    wait_for(lambda: js(browser, "EventMap.map.getZoom()") > zoom or js(browser, "!!EventMap.cluster._spiderfied"))
    wait_for(lambda: "leaflet-marker-icon" in active(browser)["cls"])  # the focus stays on the map, not lost to the page


@pytest.fixture(scope="module")
def clustered_server(tmp_path_factory: pytest.TempPathFactory, pipeline: Any, seed_text: str) -> Iterator[str]:
    """The app over a clustered store: the seed as kremlin.ru ran it, TASS's retelling, and one Zelensky address."""
    from sitrep.corpus.cluster import recluster_store
    from sitrep.ingest.text import article_from_string
    from sitrep.store.schema import connect
    from sitrep.store.writer import write_reports

    if not CORPUS.exists():
        pytest.skip(f"the real corpus is not at {CORPUS}")
    retold = seed_text.replace("Russian President Vladimir Putin engaged", "President Vladimir Putin of Russia held", 1)
    address = json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[0])
    articles = [article_from_string(seed_text, source="kremlin.ru", date="2022-05-18"),
                article_from_string(retold, source="tass.com", date="2022-05-18"),
                article_from_string(address["text"], title=address["title"], date=address["date"], source="president.gov.ua")]
    db: Path = tmp_path_factory.mktemp("clustered-web") / "clustered.duckdb"
    con = connect(db)
    write_reports(con, [pipeline.analyze(a) for a in articles])
    recluster_store(con)
    con.close()
    with serve_store(db, pipeline) as url:
        yield url, db


def test_the_corroboration_filter_keeps_events_reported_by_at_least_n_articles_and_survives_a_reload(browser, clustered_server):
    from selenium.webdriver.common.by import By

    url, db = clustered_server
    total = stored(db, "SELECT count(*) FROM events")[0][0]
    twice = stored(db, "SELECT count(*) FROM events e JOIN cluster_members m ON m.article_sha = e.article_sha AND m.event_idx = e.idx "
                       "JOIN clusters c USING (cluster_id) WHERE c.num_articles >= 2")[0][0]
    assert 0 < twice < total
    open_page(browser, url + "/")
    assert browser.find_element(By.ID, "count").text == f"{total} of {total} events"
    browser.find_element(By.ID, "f-min").send_keys("2")
    wait_for(lambda: browser.find_element(By.ID, "count").text == f"{twice} of {total} events")
    reports = js(browser, "[...document.querySelectorAll('#events tbody tr td:nth-child(11)')].map(td => +td.textContent)")
    assert len(reports) == twice and min(reports) >= 2
    assert "min=2" in browser.current_url
    browser.refresh()
    wait_for(lambda: js(browser, "document.body.dataset.ready === '1'"), timeout=20)
    assert browser.find_element(By.ID, "count").text == f"{twice} of {total} events"
    assert browser.find_element(By.ID, "f-min").get_attribute("value") == "2"


def test_play_walks_the_date_window_across_the_timeline_and_pressing_it_again_stops(browser, server, web_store):
    from selenium.webdriver.common.by import By

    open_page(browser, server + "/")
    label, button = browser.find_element(By.ID, "brush-label"), browser.find_element(By.ID, "play")
    assert label.text == "all dates"
    button.click()
    first = wait_for(lambda: " to " in label.text and label.text)
    since, until = first.split(" to ")
    in_window = stored(web_store, f"SELECT count(*) FROM events WHERE day BETWEEN '{since}' AND '{until}'")[0][0]
    assert browser.find_element(By.ID, "count").text.startswith(f"{in_window} of ")
    assert f"since={since}" in browser.current_url
    second = wait_for(lambda: label.text != first and label.text, timeout=5)
    assert second.split(" to ")[0] > since  # the window moved forward
    button.click()
    assert "play" in button.text
    stopped = label.text
    time.sleep(2.5)  # nearly three ticks of the player
    assert label.text == stopped
