"""Independence: reduce a claim's source chain to its root ('Kremlin press service -> TASS -> outlet' is one root)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.attribution.lexicon import OFFICIAL_SECTORS
from sitrep.checks.lexicon import check_lexicon
from sitrep.claims.records import Claim, Root
from sitrep.records import Entity, Report
from sitrep.tables import read_tsv

# the root of a claim nobody is named for and no outlet published: such claims cannot count as independent
UNKNOWN = Root(key="unknown", label="unknown source", how="unknown")


@dataclass(frozen=True, slots=True)
class RootTable:
    """Curated source names and aliases -> the root they belong to (data/source_roots.tsv)."""

    roots: dict[str, Root]  # normalised name -> root

    @staticmethod
    @lru_cache(maxsize=1)
    def load() -> "RootTable":
        """Read data/source_roots.tsv once per process."""
        roots: dict[str, Root] = {}
        for name, aliases, key, label in (row[:4] for row in read_tsv("source_roots.tsv")):
            for alias in (name, *(a for a in aliases.split(",") if a.strip())):
                roots[normalise_source(alias)] = Root(key=key, label=label, how="table")
        return RootTable(roots)

    def lookup(self, name: str) -> Root | None:
        """The curated root of a source name, if the table knows it."""
        return self.roots.get(normalise_source(name))


def normalise_source(name: str) -> str:
    """Lower-case, single-spaced, without a leading article or trailing possessive."""
    text = " ".join(name.lower().replace("’", "'").split())
    text = re.sub(r"^(the|a|an)\s+", "", text)
    return re.sub(r"'s$", "", text)


def root_of_claim(claim: Claim, report: Report, table: RootTable, speaker: str | None = None) -> Root:
    """The claim's root: the innermost named source of its chain, else the article's speaker, else its outlet."""
    for name in claim.chain:
        if _anonymous(name):
            # unnamed sources cannot be told apart from the outlet that carries them
            outer = _outlet_root(claim, table, speaker)
            return Root(key=outer.key, label=f"{outer.label} (unnamed source)", how="anonymous")
        expanded = _expand(name, claim, report)
        if expanded == expanded.lower() and table.lookup(expanded) is None \
                and _entity_named(expanded, report.entities) is None:
            # "residents", "witnesses", "local officials": people the outlet found, so the outlet's reporting
            outer = _outlet_root(claim, table, speaker)
            return Root(key=outer.key, label=f"{outer.label} (via {name})", how="outlet")
        root = root_of_name(expanded, report.entities, table)
        if root is not None:
            return root
    return _outlet_root(claim, table, speaker)


def root_of_name(name: str, entities: tuple[Entity, ...], table: RootTable) -> Root | None:
    """A named source's root: the curated table, else its entity (an official body roots in its state), else itself."""
    found = table.lookup(name)
    if found is not None:
        return found
    entity = _entity_named(name, entities)
    if entity is not None:
        found = table.lookup(entity.text)
        if found is not None:
            return found
        if entity.country and (entity.sector or "") in OFFICIAL_SECTORS and len(entity.country) == 3:
            # a government's ministries, forces and officials speak for one state, as its media do
            return Root(key=f"state:{entity.country}", label=f"{entity.country} state", how="entity")
    key = normalise_source(name)
    return Root(key=f"source:{key}", label=name, how="name") if key else None


def _outlet_root(claim: Claim, table: RootTable, speaker: str | None) -> Root:
    """The root of a claim with no named source: the article's speaker, else its outlet."""
    for name in (speaker, claim.outlet):
        if name:
            return table.lookup(name) or Root(key=f"outlet:{normalise_source(name)}", label=name, how="outlet")
    return UNKNOWN


def _expand(name: str, claim: Claim, report: Report) -> str:
    """A short reference ('the ministry', 'General Staff') as the longer name the article used for it."""
    words = normalise_source(name).split()
    if not words or len(words) > 2:
        return name
    head = words[-1]
    names = [e.text for e in report.entities] + [n for a in report.attributions for n in a.chain]
    longer = [n for n in names if len(n) > len(name) and normalise_source(n).split()[-1:] == [head]]
    return longer[0] if longer else name


def _entity_named(name: str, entities: tuple[Entity, ...]) -> Entity | None:
    """The entity whose name or one of whose mentions is this source name."""
    key = normalise_source(name)
    for e in entities:
        if normalise_source(e.text) == key or any(normalise_source(m.text) == key for m in e.mentions):
            return e
    return None


def _anonymous(name: str) -> bool:
    """True for an unnamed source ('anonymous military sources', 'reports from the field', 'sources')."""
    words = set(normalise_source(name).split())
    lex = check_lexicon()
    # a proper name ("Reuters Sources Desk") is named, however it is worded: only the first word may be capitalised
    proper = any(w[:1].isupper() for w in name.split()[1:])
    return bool(words & lex.anonymous_words) and not proper
