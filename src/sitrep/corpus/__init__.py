"""Corpus-scale work: the batch runner, near-duplicate grouping and cross-article event clusters."""
