"""Bytes to text: size cap, binary sniffing, encoding detection, language sanity check."""
from __future__ import annotations

import re
import unicodedata

from sitrep.errors import BadInputError

MAX_BYTES = 5_000_000  # ~800k words: far beyond any article; larger inputs are corpora, not articles
_HTML_HINT = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html|<div|<p[ >]|<article)", re.I)
_ENGLISH_MARKERS = frozenset(
    "the of and to in a is that for on with as was by it at from his he said are be has have".split()
)


def decode_bytes(data: bytes, *, max_bytes: int = MAX_BYTES) -> str:
    """Decode article bytes to text, refusing empty, oversized and binary input."""
    if len(data) > max_bytes:
        raise BadInputError(
            f"input is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one article; "
            "split it, or use `sitrep ingest` for corpora"
        )
    if not data.strip():
        raise BadInputError("input is empty: give an article text or HTML file")
    if _looks_binary(data):
        raise BadInputError("input looks binary (control bytes found), not text or HTML")
    text = _decode_text(data)
    if not any(ch.isalpha() for ch in text):
        raise BadInputError("input has no letters: nothing to analyse")
    return text


def _looks_binary(data: bytes) -> bool:
    """True when the sample has NUL bytes or many non-whitespace control bytes."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / max(len(sample), 1) > 0.05


def _decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM); otherwise detect the charset, refusing a guess it cannot make."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BadInputError("input is not valid UTF-8 and its encoding could not be detected; convert it to UTF-8")
    return str(best)


def looks_like_html(data: bytes | str) -> bool:
    """True when the input starts like an HTML document or fragment."""
    head = data[:2048] if isinstance(data, bytes) else data[:2048].encode("utf-8", "ignore")
    return bool(_HTML_HINT.match(head))


def english_score(text: str) -> float:
    """Share of the first 400 words that are very common English function words."""
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())[:400]
    if not words:
        return 0.0
    return sum(1 for w in words if w in _ENGLISH_MARKERS) / len(words)


def dominant_script(text: str) -> str:
    """Name the script most letters of the text are written in (LATIN, CYRILLIC, ARABIC, ...)."""
    counts: dict[str, int] = {}
    for ch in text[:20000]:
        if ch.isalpha():
            name = unicodedata.name(ch, "UNKNOWN").split(" ")[0]
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else "UNKNOWN"


def check_english(text: str) -> None:
    """Refuse text that is not English: sitrep's models and lexicons are English-only."""
    script = dominant_script(text)
    if script != "LATIN":
        raise BadInputError(
            f"text is mostly in {script.title()} script, not English; sitrep analyses English text only "
            "(use --no-language-check to force)"
        )
    words = len(re.findall(r"[^\W\d_]+", text[:20000]))
    if words >= 20 and english_score(text) < 0.08:
        raise BadInputError(
            "text does not look like English (too few common English words); sitrep analyses English text "
            "only (use --no-language-check to force)"
        )
