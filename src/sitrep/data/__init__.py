"""Curated tables sitrep owns (TSV with a header comment giving source and licence)."""
