"""Drift between near-duplicate rewrites: align a rewrite's claims with the original's and list every change."""
from __future__ import annotations

from typing import Sequence

from sitrep.claims.match import word_overlap
from sitrep.claims.records import Claim, Drift, Sourced
from sitrep.records import Evidence

# share of content words a rewritten sentence keeps from the original's (a changed number or town is a word or two)
ALIGN_OVERLAP = 0.7


def align_rewrite(rewrite: Sequence[Sourced], earlier: Sequence[Sourced]) -> dict[str, Sourced]:
    """For each claim of a rewrite, the earlier claim of its near-duplicate group it rewrites (by claim id).

    Claims align when kind and type agree and their sentences keep most of their words; each earlier claim
    is used once, best-matching pairs first, so a sentence with two events aligns event by event.
    """
    scored = []
    for i, new in enumerate(rewrite):
        for j, old in enumerate(earlier):
            a, b = new.claim, old.claim
            if (a.kind, a.type) != (b.kind, b.type):
                continue
            overlap = word_overlap(a.words, b.words)
            if overlap < ALIGN_OVERLAP:
                continue
            same = (a.actor == b.actor) + (a.recipient == b.recipient) + (a.place == b.place) + \
                   (a.place_coarse == b.place_coarse)
            scored.append((-overlap, -same, abs(i - j), i, j))
    out: dict[str, Sourced] = {}
    used: set[int] = set()
    for _o, _s, _d, i, j in sorted(scored):
        cid = rewrite[i].claim.id
        if cid in out or j in used:
            continue
        out[cid] = earlier[j]
        used.add(j)
    return out


def drift_between(before: Claim, after: Claim) -> list[Drift]:
    """Every change of figure, place, actor, date or modality from a claim to its rewrite, with both evidences."""
    out: list[Drift] = []

    def add(field: str, old: str | None, new: str | None, ev_old: Evidence | None, ev_new: Evidence | None) -> None:
        """Record one change, falling back to the claims' sentences where a field has no words of its own."""
        out.append(Drift(field=field, before=old, after=new, article=after.article_id,
                         evidence=ev_new or after.evidence, before_article=before.article_id,
                         before_evidence=ev_old or before.evidence))

    by_kind = {(f.noun, f.outcome): f for f in before.figures}
    for f in after.figures:
        old = by_kind.get((f.noun, f.outcome))
        if old is not None and (old.number, old.approximate) != (f.number, f.approximate):
            add("figure", old.label(), f.label(), old.evidence, f.evidence)
    if before.place != after.place or (before.place is None and before.place_label != after.place_label):
        add("place", _place(before), _place(after), before.place_evidence, after.place_evidence)
    if before.actor != after.actor:
        add("actor", before.actor_text, after.actor_text, None, None)
    if before.date != after.date:  # only dates the texts state: a rewrite published a day later changes nothing
        add("date", before.date, after.date, None, None)
    if before.modality != after.modality:
        add("modality", before.modality, after.modality, None, None)
    return out


def _place(claim: Claim) -> str | None:
    """A place as its words, its gazetteer name and id: 'Sevsk (Sevsk, GeoNames 496246)'."""
    if claim.place_label is None:
        return None
    words = claim.place_evidence.text if claim.place_evidence else claim.place_label
    ident = f"GeoNames {claim.place}" if claim.place is not None else "unresolved"
    return f"{words} ({claim.place_label}, {ident})"
