"""Shared fixtures: the pipeline loads once per test session; real inputs come from ../shared when present."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_TEXT = SHARED / "eval" / "seed" / "article.txt"
SEED_GOLD = SHARED / "eval" / "seed" / "gold.json"


@pytest.fixture(scope="session")
def pipeline():
    """The full sitrep pipeline, loaded once for the whole test session."""
    from sitrep import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article (from ../shared, else the copy in examples/)."""
    path = SEED_TEXT if SEED_TEXT.exists() else ROOT / "examples" / "seed_article.txt"
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_report(pipeline, seed_text):
    """sitrep's report on the seed article."""
    from sitrep.ingest.text import article_from_string

    return pipeline.analyze(article_from_string(seed_text))


@pytest.fixture(scope="session")
def analyze_text(pipeline):
    """Analyse a real sentence or paragraph with the shared pipeline."""
    from sitrep.ingest.text import article_from_string

    def run(text: str, **meta):
        return pipeline.analyze(article_from_string(text, language_check=False, **meta))

    return run
