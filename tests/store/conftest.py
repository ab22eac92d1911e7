"""Fixtures for store tests: the seed article and a store holding its hand-built report."""
from __future__ import annotations

import pytest

from store.seed_records import SEED, seed_report


@pytest.fixture(scope="session")
def seed_article_text() -> str:
    """The seed article text (skips when ../shared is absent)."""
    if not SEED.exists():
        pytest.skip("../shared/eval/seed/article.txt not present")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture()
def store(tmp_path, seed_article_text):
    """A fresh store holding the seed report from one outlet."""
    from sitrep.store.schema import connect
    from sitrep.store.writer import write_reports

    con = connect(tmp_path / "t.duckdb")
    write_reports(con, [seed_report(seed_article_text, "tass.ru", "2024-08-20")])
    yield con
    con.close()
