"""The claims ledger: reports go in one at a time; each claim joins the claim it rewrites, repeats or denies."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping

from sitrep.claims.drift import align_rewrite, drift_between
from sitrep.claims.extract import claims_from_report
from sitrep.claims.match import ClaimIndex, conflicting_figures, same_claim
from sitrep.claims.records import Denial, Drift, LedgerClaim, Sourced
from sitrep.claims.roots import RootTable, root_of_claim
from sitrep.records import Evidence, Report

# roots that only say who carried a claim, not who made it: a rewrite with one of these keeps its original's root
INHERITED = frozenset({"outlet", "anonymous", "unknown"})


@dataclass
class _Entry:
    """A ledger claim while reports are still being added."""

    id: str
    mentions: list[Sourced]
    denials: list[Denial] = field(default_factory=list)
    drift: list[Drift] = field(default_factory=list)


@dataclass
class Ledger:
    """Claims across a corpus, built incrementally: each report is compared with an index, never the whole ledger."""

    table: RootTable = field(default_factory=RootTable.load)
    index: ClaimIndex = field(default_factory=ClaimIndex)
    entries: dict[str, _Entry] = field(default_factory=dict)
    of_group: dict[str, list[tuple[Sourced, str]]] = field(default_factory=dict)  # near-dup group -> (claim, entry)

    def add_report(self, report: Report, group: str | None = None) -> int:
        """Add one report's claims; `group` is its near-duplicate group (its first article's hash). Returns claims added."""
        sha = report.article.text_sha256
        group = group or sha
        sourced = [Sourced(c, root_of_claim(c, report, self.table, report.article.speaker), group)
                   for c in claims_from_report(report)]
        earlier = self.of_group.get(group, []) if group != sha else []
        rewrites = align_rewrite(sourced, [s for s, _ in earlier]) if earlier else {}
        entry_of = {s.claim.id: eid for s, eid in earlier}
        placed = []
        for s in sourced:
            before = rewrites.get(s.claim.id)
            if before is not None:
                if s.root.how in INHERITED:  # a copy that names no source of its own says what its original's source said
                    s = replace(s, root=before.root)
                entry = self.entries[entry_of[before.claim.id]]
                entry.mentions.append(s)
                entry.drift.extend(drift_between(before.claim, s.claim))
            else:
                entry = self._match_or_open(s)
            placed.append((s, entry.id))
        self.of_group.setdefault(group, []).extend(placed)
        return len(sourced)

    def _match_or_open(self, s: Sourced) -> _Entry:
        """Join the first indexed claim this one repeats or denies, else open a new ledger claim."""
        for eid in self.index.candidates(s.claim):
            entry = self.entries[eid]
            anchor = entry.mentions[0]
            if not same_claim(anchor.claim, s.claim):
                continue
            other_root = anchor.root.key != s.root.key
            if anchor.claim.negated != s.claim.negated:
                if other_root:
                    entry.denials.append(Denial(s, "negated"))
                    return entry
                continue  # one source saying both: two claims, not a denial
            if other_root and conflicting_figures(anchor.claim.figures, s.claim.figures):
                entry.denials.append(Denial(s, "figure"))
                return entry
            entry.mentions.append(s)
            return entry
        eid = "C" + hashlib.sha256(s.claim.id.encode()).hexdigest()[:12]
        entry = _Entry(eid, [s])
        self.entries[eid] = entry
        self.index.add(s.claim, eid)
        return entry

    def claims(self) -> list[LedgerClaim]:
        """The ledger as frozen records, in first-seen order."""
        return [LedgerClaim(id=e.id, anchor=e.mentions[0], mentions=tuple(e.mentions), denials=tuple(e.denials),
                            drift=tuple(e.drift)) for e in self.entries.values()]


def build_ledger(reports: Iterable[Report], groups: Mapping[str, str] | None = None) -> list[LedgerClaim]:
    """The ledger of reports given oldest first; `groups` maps an article hash to its near-duplicate group."""
    ledger = Ledger()
    for report in reports:
        ledger.add_report(report, (groups or {}).get(report.article.text_sha256))
    return ledger.claims()


def near_duplicate_groups(reports: Iterable[Report], threshold: float = 0.6) -> dict[str, str]:
    """Article hash -> near-duplicate group, computed from the texts (what `sitrep cluster` stores)."""
    from sitrep.corpus.neardup import find_near_duplicates

    dups = find_near_duplicates([(r.article.text_sha256, r.article.text) for r in reports], threshold=threshold)
    return {key: d.group for key, d in dups.items()}


def summary(claim: LedgerClaim) -> str:
    """One line saying what the claim states: who did what where when, with its counts."""
    c = claim.anchor.claim
    if c.kind == "quote":
        text = c.evidence.text if len(c.evidence.text) <= 90 else c.evidence.text[:89] + "…"
        return f"{c.actor_text}: “{text}”"
    parts = [c.type if c.kind == "event" else f"{c.type} ({c.kind})"]
    if c.negated:
        parts.insert(0, "not")
    if c.actor_text:
        parts.append(f"by {c.actor_text}")
    if c.place_label:
        parts.append(f"at {c.place_label}")
    if c.date:
        parts.append(f"on {c.date[:10]}")
    text = " ".join(parts)
    if c.figures:
        text += ": " + ", ".join(f.label() for f in c.figures)
    return text


def ledger_to_json(claims: Iterable[LedgerClaim]) -> list[dict[str, Any]]:
    """The JSON contract of `sitrep claims --json`: one object per ledger claim."""
    return [claim_to_json(c) for c in claims]


def claim_to_json(claim: LedgerClaim) -> dict[str, Any]:
    """One ledger claim as its contract object (fields beyond the contract are additions, never renames)."""
    c = claim.anchor.claim
    days = [m.claim.article_day for m in claim.mentions if m.claim.article_day]
    return {
        "id": claim.id, "summary": summary(claim), "type": c.type, "kind": c.kind,
        "place": {"geonameid": c.place, "name": c.place_label} if c.place_label else None,
        "first_seen": min(days).isoformat() if days else None,
        "articles": list(dict.fromkeys(m.claim.article_id for m in claim.mentions)),
        "roots": [r.key for r in claim.roots], "root_labels": [r.label for r in claim.roots],
        "independent_roots": claim.independent_roots,
        "denials": [{"article": d.claim.claim.article_id, "reason": d.reason, "root": d.claim.root.key,
                     "evidence": _evidence(d.claim.claim.evidence)} for d in claim.denials],
        "drift": [{"field": d.field, "from": d.before, "to": d.after, "article": d.article,
                   "evidence": _evidence(d.evidence), "from_article": d.before_article,
                   "from_evidence": _evidence(d.before_evidence)} for d in claim.drift],
        "mentions": [{"article": m.claim.article_id, "claim": m.claim.id, "root": m.root.key,
                      "modality": m.claim.modality, "evidence": _evidence(m.claim.evidence)}
                     for m in claim.mentions],
    }


def _evidence(ev: Evidence) -> dict[str, Any]:
    """An evidence span as JSON."""
    return {"start": ev.start, "end": ev.end, "text": ev.text}
