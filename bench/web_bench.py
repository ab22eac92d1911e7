"""Time the workbench's in-page filter at 10,000 stored events, in headless Chromium.

    python -m bench.web_bench [--events 10000]

The store holds real reports (the seed article and Zelensky addresses from ../shared), copied
in SQL until it has `--events` events: each copy gets its own article hash, days shifted by up
to 90 and coordinates jittered by up to 0.25 degrees, so the page's filters see a realistic
spread of types, actors, outlets, flags and dates. Figures go to bench/results/web-<date>.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# each: a filter state the page holds in its URL
STATES = [{}, {"type": "ASSAULT"}, {"q": "russian"}, {"type": "ASSAULT", "q": "region", "modality": "asserted"},
          {"since": "2022-06-01", "until": "2022-07-15"}, {"flag": "anonymous_source"}, {"actor": "putin", "min": "1"}]
CHILD_TABLES = ("events", "places", "flags", "quotes", "attributions", "entities")


def build_store(path: Path, target: int) -> int:
    """Ingest real articles, then copy their rows until the store has at least `target` events; the count."""
    from sitrep import load_pipeline
    from sitrep.ingest.text import article_from_string
    from sitrep.store.schema import connect
    from sitrep.store.writer import write_reports

    articles = [article_from_string((SHARED / "eval" / "seed" / "article.txt").read_text(encoding="utf-8"))]
    for line in (SHARED / "corpus" / "zelensky_addresses_2022_en.jsonl").read_text(encoding="utf-8").splitlines()[:8]:
        row = json.loads(line)
        articles.append(article_from_string(row["text"], title=row["title"], date=row["date"], source="president.gov.ua"))
    pipeline = load_pipeline()
    con = connect(path)
    write_reports(con, [pipeline.analyze(a) for a in articles])
    base = con.execute("SELECT count(*) FROM events").fetchone()[0]
    copies = -(-target // base) - 1
    new_sha = "sha256(article_sha || '-' || k::VARCHAR)"
    con.execute("CREATE TEMP TABLE originals AS SELECT sha FROM articles")
    con.execute(f"""INSERT INTO articles SELECT a.* REPLACE (sha256(sha || '-' || k::VARCHAR) AS sha,
                    day + (k % 90)::INTEGER AS day) FROM articles a, range(1, {copies + 1}) t(k)""")
    for table in CHILD_TABLES:
        extra = (", day + (k % 90)::INTEGER AS day, lat + ((hash(k) % 100)::INTEGER - 50) / 200.0 AS lat, "
                 "lon + ((hash(k * 7) % 100)::INTEGER - 50) / 200.0 AS lon") if table == "events" else ""
        con.execute(f"INSERT INTO {table} SELECT x.* REPLACE ({new_sha} AS article_sha{extra}) "
                    f"FROM (SELECT * FROM {table} WHERE article_sha IN (SELECT sha FROM originals)) x, "
                    f"range(1, {copies + 1}) t(k)")
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    return total


def time_page(db: Path, repeats: int) -> dict[str, Any]:
    """Load the page over the store in headless Chromium; median filter and full-redraw times per state."""
    import uvicorn
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    from sitrep.api.app import create_app
    from tests.web.conftest import find_chromium, free_port

    found = find_chromium()
    if found is None:
        raise SystemExit("no chromium + chromedriver: apt-get install chromium chromium-driver")
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db_path=db, pipeline=object()), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=found[1]), options=options)
    try:
        t0 = time.perf_counter()
        driver.get(f"http://127.0.0.1:{port}/")
        WebDriverWait(driver, 120).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
        load_s = time.perf_counter() - t0
        rows = driver.execute_script("""
            const [states, repeats] = arguments, out = [];
            for (const state of states) {
              const filter = [], update = [];
              let count = 0;
              for (let i = 0; i < repeats; i++) {
                const t = performance.now(); count = applyFilter(Workbench.events, state).shown.length; filter.push(performance.now() - t);
              }
              const map = [];
              for (let i = 0; i < 3; i++) {
                Workbench.state = {...state}; Workbench.update(); update.push(Workbench.lastUpdateMs);
                clearTimeout(Workbench.redraw); Workbench.drawSlowViews(Workbench.shown); map.push(Workbench.lastMapMs);
              }
              out.push({state, count, filter_ms: filter, update_ms: update, map_ms: map});
            }
            return out;""", STATES, repeats)
        n_events = driver.execute_script("return Workbench.events.length")
    finally:
        driver.quit()
        server.should_exit = True
    for row in rows:
        row["filter_ms_median"] = round(statistics.median(row.pop("filter_ms")), 2)
        row["update_ms_median"] = round(statistics.median(row.pop("update_ms")), 1)
        row["map_ms_median"] = round(statistics.median(row.pop("map_ms")), 1)
    return {"events_in_page": n_events, "page_load_s": round(load_s, 2), "states": rows}


def main(argv: Sequence[str] | None = None) -> int:
    """Build the 10,000-event store, time the page, print and write bench/results/web-<date>.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=21)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "web-bench.duckdb"
        stored = build_store(db, args.events)
        result = {"date": dt.date.today().isoformat(), "stored_events": stored, **time_page(db, args.repeats),
                  "browser": "headless Debian chromium via selenium",
                  "note": "filter_ms: applyFilter over every event (what the count waits for); "
                          "update_ms: filter + count + timeline + first 200 table rows (before the browser paints); "
                          "map_ms: map clusters + flags panel, drawn right after the paint"}
    for row in result["states"]:
        print(f"{json.dumps(row['state']):70s} {row['count']:6d} events  filter {row['filter_ms_median']:6.2f} ms  "
              f"count+timeline+table {row['update_ms_median']:6.1f} ms  map+flags {row['map_ms_median']:6.1f} ms")
    print(f"{result['events_in_page']} events in the page, loaded in {result['page_load_s']} s")
    out = ROOT / "bench" / "results" / f"web-{result['date']}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
