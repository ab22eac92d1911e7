"""HTML to main text and metadata through trafilatura."""
from __future__ import annotations

from dataclasses import dataclass

from sitrep.errors import BadInputError

MIN_WORDS = 5


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """The main text of a web page and the metadata trafilatura found."""

    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None


def extract_html(html: str, url: str | None = None) -> ExtractedPage:
    """Extract the article body and metadata from HTML, refusing pages with no main text."""
    import trafilatura

    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        # favor_precision can drop short pages; retry with recall before giving up
        text = trafilatura.extract(html, url=url, include_comments=False, favor_recall=True)
    # a handful of words is navigation or a cookie banner, not an article
    if not text or len(text.split()) < MIN_WORDS:
        raise BadInputError("HTML has no extractable article text (empty body, scripts or navigation only)")
    meta = trafilatura.extract_metadata(html, default_url=url)
    return ExtractedPage(
        text=text.strip(),
        title=getattr(meta, "title", None) if meta else None,
        date=getattr(meta, "date", None) if meta else None,
        source=(getattr(meta, "sitename", None) or getattr(meta, "hostname", None)) if meta else None,
        url=(getattr(meta, "url", None) or url) if meta else url,
    )
