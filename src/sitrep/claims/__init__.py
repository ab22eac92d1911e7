"""The claims ledger (issue 13): what is claimed, by how many independent roots, who denies it, how it drifted.

One module per step, data flowing one way: `figures` (stated counts), `when` (the days a sentence refers to,
and whether it states one occurrence), `names` (named participants) and `extract` (Report -> Claim[]),
`roots` (source chain -> independent root), `match` (the incremental index and what counts as the same
claim), `drift` (rewrite alignment and changes), `ledger` (reports in, LedgerClaim[] out, JSON), `store`
(DuckDB tables and rebuilding reports from a store).
"""
from __future__ import annotations

from sitrep.claims.extract import claims_from_report
from sitrep.claims.ledger import Ledger, build_ledger, ledger_to_json, near_duplicate_groups
from sitrep.claims.records import Claim, LedgerClaim

__all__ = ["Claim", "LedgerClaim", "Ledger", "build_ledger", "claims_from_report", "ledger_to_json",
           "near_duplicate_groups"]
