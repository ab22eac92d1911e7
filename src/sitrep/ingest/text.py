"""Read one article from a path, stdin bytes or a string."""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

from sitrep.errors import BadInputError
from sitrep.ingest.decode import MAX_BYTES, check_english, decode_bytes, looks_like_html
from sitrep.ingest.html import extract_html
from sitrep.records import Article

# About 30,000 words, several times the longest news article; analysis time grows faster than length
# (a 200,000-character text took 80 s on one core in bench/fuzz.py), so beyond this a clear refusal
DEFAULT_MAX_CHARS = 200_000
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def max_chars() -> int:
    """The largest article, in characters, sitrep analyses (env SITREP_MAX_CHARS, default 200,000)."""
    value = os.environ.get("SITREP_MAX_CHARS", "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_MAX_CHARS


def repair_text(text: str) -> str:
    """Replace lone surrogates with U+FFFD one for one, so the length and every offset stay the same."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def check_size(text: str, origin: str, limit: int | None = None) -> None:
    """Refuse text longer than the article limit with a message saying what to do."""
    limit = max_chars() if limit is None else limit
    if len(text) > limit:
        raise BadInputError(
            f"{origin}: text is {len(text):,} characters, over the {limit:,}-character limit for one article; "
            "split it, or raise SITREP_MAX_CHARS"
        )


def read_article(path: str | Path, *, language_check: bool = True, **meta: Any) -> Article:
    """Read a text or HTML file (or '-' for stdin) into an Article."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "stdin"
    else:
        p = Path(path)
        if not p.exists():
            raise BadInputError(f"no such file: {p}")
        if p.is_dir():
            raise BadInputError(f"{p} is a directory; give a file, or use `sitrep ingest` for a folder")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise BadInputError(
                f"{p} is {size / 1e6:.1f} MB, over the {MAX_BYTES / 1e6:.0f} MB limit for one article; "
                "split it, or use `sitrep ingest` for corpora"
            )
        data = p.read_bytes()
        name = p.name
    meta.setdefault("id", None)
    return article_from_bytes(data, language_check=language_check, origin=name, **meta)


def article_from_bytes(data: bytes, *, language_check: bool = True, origin: str = "input", **meta: Any) -> Article:
    """Decode, strip HTML if needed, sanity-check the language, and build the Article."""
    text = decode_bytes(data)
    return article_from_string(text, language_check=language_check, origin=origin, **meta)


def article_from_string(text: str, *, language_check: bool = True, origin: str = "input", **meta: Any) -> Article:
    """Build an Article from text or HTML already decoded; lone surrogates become U+FFFD."""
    text = repair_text(text)
    if looks_like_html(text):
        page = extract_html(text, url=meta.get("url"))
        text = page.text
        for key in ("title", "date", "source", "url"):
            if not meta.get(key) and getattr(page, key):
                meta[key] = getattr(page, key)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BadInputError(f"{origin}: no text to analyse")
    check_size(text, origin)
    if language_check:
        check_english(text)
    meta = {k: v for k, v in meta.items() if v is not None}
    return Article.from_text(text, **meta)
