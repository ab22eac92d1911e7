"""sitrep: verifiable, geolocated event records from war and conflict reporting."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitrep.records import SCHEMA_VERSION, Report

if TYPE_CHECKING:
    from sitrep.pipeline import Pipeline

__all__ = ["SCHEMA_VERSION", "Report", "analyze", "load_pipeline"]
__version__ = "0.1.0"


def load_pipeline(model: str | None = None) -> "Pipeline":
    """Load models, gazetteer and lexicons once; reuse the result for many articles."""
    from sitrep.pipeline import load_pipeline as _load

    return _load(model)


def analyze(text_or_html: str, pipeline: "Pipeline | None" = None, **meta: Any) -> Report:
    """Analyse one article (plain text or HTML) and return its Report; pass a pipeline to reuse it."""
    from sitrep.ingest.text import article_from_string

    article = article_from_string(text_or_html, language_check=meta.pop("language_check", True), **meta)
    return (pipeline or load_pipeline()).analyze(article)
