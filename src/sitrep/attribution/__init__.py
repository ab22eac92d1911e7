"""Attribution stage: quotes and their speakers, source chains, and which chain governs a span.

Split by concept: `lexicon` (data tables), `referents` (noun phrases, entity links, coreference),
`quotes` (quotation marks and speakers), `sources` (cue-based chains), `scope` (the inheritance rule).
"""
from __future__ import annotations

from sitrep.attribution.lexicon import AttributionLexicon
from sitrep.attribution.quotes import find_quotes
from sitrep.attribution.scope import chain_for_offsets, chain_for_span, governing_attribution
from sitrep.attribution.sources import find_attributions

__all__ = ["AttributionLexicon", "find_quotes", "find_attributions", "chain_for_span", "chain_for_offsets",
           "governing_attribution"]
