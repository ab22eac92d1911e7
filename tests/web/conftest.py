"""Browser fixtures: a store ingested from real articles, the app served on a free port, a headless Chromium.

The corpus is read from ../shared at test time (the seed article and three Zelensky addresses)
plus one article written to be hostile: markup and event handlers in its title, outlet and text.
"""
from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.conftest import SEED_TEXT, SHARED

CORPUS = SHARED / "corpus" / "zelensky_addresses_2022_en.jsonl"
HOSTILE_TEXT = ('Russian forces shelled Kharkiv <script>window.__pwned=1</script> on Monday, the '
                '<img src=x onerror="window.__pwned=2"> governor said.')
HOSTILE_META = {"title": '<img src=x onerror="window.__pwned=3">Hostile title', "date": "2022-05-20",
                "source": "<script>window.__pwned=4</script>Outlet"}


def find_chromium() -> tuple[str, str] | None:
    """Paths of a Chromium binary and its chromedriver, or None when either is missing."""
    browser = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None)
    driver = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Path:
    """A DuckDB store holding the seed, three real addresses and the hostile article."""
    from sitrep.ingest.text import article_from_string
    from sitrep.store.schema import connect
    from sitrep.store.writer import write_reports

    if not SEED_TEXT.exists() or not CORPUS.exists():
        pytest.skip(f"the real corpus is not at {SHARED} (needs eval/seed/article.txt and corpus/*.jsonl)")
    articles = [article_from_string(SEED_TEXT.read_text(encoding="utf-8"))]
    for line in CORPUS.read_text(encoding="utf-8").splitlines()[:3]:
        row = json.loads(line)
        articles.append(article_from_string(row["text"], title=row["title"], date=row["date"],
                                            source="president.gov.ua", url=row.get("url")))
    articles.append(article_from_string(HOSTILE_TEXT, language_check=False, **HOSTILE_META))
    db = tmp_path_factory.mktemp("web") / "web.duckdb"
    con = connect(db)
    write_reports(con, [pipeline.analyze(a) for a in articles])
    con.close()
    return db


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(web_store: Path, pipeline: Any) -> Iterator[str]:
    """The real app (guard included) under uvicorn in a thread; yields its base URL."""
    with serve_store(web_store, pipeline) as url:
        yield url


@contextmanager
def serve_store(db: Path, pipeline: Any) -> Iterator[str]:
    """Serve the real app over a store on a free port in a thread, for as long as the block runs."""
    import uvicorn

    from sitrep.api.app import create_app

    port = free_port()
    config = uvicorn.Config(create_app(db_path=db, pipeline=pipeline), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Debian Chromium through its own chromedriver (Selenium Manager never downloads anything)."""
    found = find_chromium()
    if found is None:
        pytest.skip("no chromium + chromedriver on PATH: apt-get install chromium chromium-driver (make test does)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,800"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(executable_path=found[1]), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()
