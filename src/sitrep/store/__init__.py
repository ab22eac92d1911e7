"""The corpus store: an embedded DuckDB file keyed by each article's text hash."""
from sitrep.store.schema import DEFAULT_DB, connect, connect_read_only

__all__ = ["DEFAULT_DB", "connect", "connect_read_only"]
