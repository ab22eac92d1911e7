"""Ingest: turn files, bytes and markup into Article records with clear errors on bad input."""
from sitrep.ingest.decode import MAX_BYTES, decode_bytes, looks_like_html
from sitrep.ingest.text import article_from_bytes, read_article

__all__ = ["MAX_BYTES", "article_from_bytes", "decode_bytes", "looks_like_html", "read_article"]
