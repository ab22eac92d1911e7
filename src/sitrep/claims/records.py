"""Typed records of the claims ledger: a claim's normalised form, its source root, and the ledger's links."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sitrep.records import Evidence

# what a claim states: an event, control of a place, a stated intention, a figure, a quotation
CLAIM_KINDS = ("event", "control", "intention", "figure", "quote")
DRIFT_FIELDS = ("figure", "place", "actor", "date", "modality")


@dataclass(frozen=True, slots=True)
class Figure:
    """A stated count ("40 Ukrainian soldiers killed"): number, counted noun, outcome, and its words."""

    number: int
    noun: str
    outcome: str
    approximate: bool  # "at least 40", "about 40": a bound, so another number need not contradict it
    evidence: Evidence

    def label(self) -> str:
        """The figure as a reader says it: '40 soldiers killed'."""
        return f"{'~' if self.approximate else ''}{self.number} {self.noun} {self.outcome}"


@dataclass(frozen=True, slots=True)
class DateWindow:
    """The days a claim may refer to (inclusive); None when nothing dates it."""

    start: dt.date
    end: dt.date

    def overlaps(self, other: "DateWindow") -> bool:
        """True when the two windows share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def label(self) -> str:
        """ISO day, or 'first..last' for a wider window."""
        return self.start.isoformat() if self.start == self.end else f"{self.start}..{self.end}"


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement of one article, normalised so that other articles' claims can be compared."""

    id: str  # article hash prefix, kind letter and position: stable across runs
    article_sha: str
    article_id: str
    kind: str  # one of CLAIM_KINDS
    type: str  # PLOVER type for events, control and intentions; FIGURE; QUOTE
    evidence: Evidence  # the sentence (or quotation) stating it: text == article.text[start:end]
    actor: str | None = None  # actor key (CAMEO country+sector, else the normalised name); None: not said
    actor_text: str | None = None
    actor_named: bool = False  # its evidence names the doer (not only the pipeline's guess from context)
    recipient: str | None = None
    place: int | None = None  # GeoNames id: spellings and transliterations of one place agree
    place_label: str | None = None
    place_coarse: bool = False  # a country or province: too wide to show two reports saw one thing
    place_evidence: Evidence | None = None
    window: DateWindow | None = None
    date: str | None = None  # the date the text gives for it (ISO); None when only the article's date places it
    figures: tuple[Figure, ...] = ()
    modality: str = "asserted"
    speaker: str | None = None  # quotations: who is quoted
    words: tuple[str, ...] = ()  # content words, for paraphrase and quotation comparison
    chain: tuple[str, ...] = ()  # the source chain governing it, innermost first
    outlet: str | None = None  # who published the article (source, else the URL's host)
    article_day: dt.date | None = None
    day_said: bool = False  # the sentence names its day ("today", "yesterday", a date), not only its article
    place_words: tuple[str, ...] = ()  # lower-cased words of every place its sentence names
    names: tuple[str, ...] = ()  # named participants of its sentence, lower-cased ("kristalina georgieva")
    generic: bool = False  # a series or standing situation ("keeps shelling"): no one occurrence to match

    @property
    def negated(self) -> bool:
        """True when the claim says the thing did not happen."""
        return self.modality == "negated"


@dataclass(frozen=True, slots=True)
class Root:
    """Where a claim ultimately comes from: one key per independent origin ('state:RUS', 'reuters')."""

    key: str
    label: str
    how: str  # table, entity, outlet, anonymous: how the key was decided


@dataclass(frozen=True, slots=True)
class Sourced:
    """A claim with the root its source chain reduces to and the article's near-duplicate group."""

    claim: Claim
    root: Root
    group: str  # the near-duplicate group (the group's first article hash)


@dataclass(frozen=True, slots=True)
class Denial:
    """A claim from another root that denies, negates or contradicts a ledger claim."""

    claim: Sourced
    reason: str  # negated, figure


@dataclass(frozen=True, slots=True)
class Drift:
    """One field that changed between a report and its near-duplicate rewrite, with both evidences."""

    field: str  # one of DRIFT_FIELDS
    before: str | None
    after: str | None
    article: str  # the rewrite's article id
    evidence: Evidence  # the rewrite's words
    before_article: str
    before_evidence: Evidence  # the original's words


@dataclass(frozen=True, slots=True)
class LedgerClaim:
    """One claim across the corpus: who reported it, from how many independent roots, who denies it, how it drifted."""

    id: str
    anchor: Sourced  # the first report of it
    mentions: tuple[Sourced, ...]  # every report that supports it, the anchor first
    denials: tuple[Denial, ...] = ()
    drift: tuple[Drift, ...] = ()

    @property
    def roots(self) -> tuple[Root, ...]:
        """The distinct roots of the supporting reports, in first-seen order."""
        seen: dict[str, Root] = {}
        for m in self.mentions:
            seen.setdefault(m.root.key, m.root)
        return tuple(seen.values())

    @property
    def independent_roots(self) -> int:
        """How many independent origins support the claim (rewrites and relays of one origin count once)."""
        return len(self.roots)
