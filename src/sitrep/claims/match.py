"""Matching claims across articles: an index keyed by kind, type, place and week, so a new article is
compared only with claims that could be the same (time per article does not grow with the store)."""
from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.claims.names import names_match
from sitrep.claims.records import Claim, Figure

# content-word overlap two quotations need to be one quotation (paraphrase and translation differ in words)
QUOTE_OVERLAP = 0.6
# act types that are single occurrences told by who took part (a call with X, a summit of Y)
NAMED_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# content words (places aside) two undated mentions must share to be one occurrence ("railway station")
SHARED_WORDS = 2
WEEK_ORIGIN = 0  # bucket = date.toordinal() // 7


@dataclass
class ClaimIndex:
    """Ledger-claim ids by (kind, type, place or speaker, week bucket); the one mutable structure of the ledger."""

    buckets: dict[tuple, list[str]] = field(default_factory=dict)

    def add(self, claim: Claim, ledger_id: str) -> None:
        """Index a ledger claim under every key its anchor claim can be found by."""
        for key in index_keys(claim):
            ids = self.buckets.setdefault(key, [])
            if ledger_id not in ids:
                ids.append(ledger_id)

    def candidates(self, claim: Claim) -> list[str]:
        """Ledger-claim ids that share a key with the claim, first indexed first."""
        found: dict[str, None] = {}
        for key in index_keys(claim):
            for ledger_id in self.buckets.get(key, ()):
                found.setdefault(ledger_id, None)
        return list(found)


def index_keys(claim: Claim) -> list[tuple]:
    """The keys a claim is indexed and looked up by; none when it is too vague to match across articles.

    A claim needs a date window and a precise place (a town, not a country: two reports of fighting in
    Ukraine are not one fight), except a quotation, which is keyed by who is quoted, and a meeting, call or
    agreement with no place, keyed by the words of its named participants. A series or a standing
    situation ("keeps shelling", "the missile strikes at Odesa are ...") is no one occurrence and has no key.
    """
    if claim.window is None or claim.generic:
        return []
    anchors: list[object]
    if claim.kind == "quote":
        anchors = [claim.speaker] if claim.speaker else []
    elif precise_place(claim):
        anchors = [claim.place]
    elif by_names(claim):  # every word of a name, so "Kristalina Georgieva" finds "IMF ... Kristalina Georgieva"
        anchors = list(dict.fromkeys(("name", w) for name in claim.names for w in name.split()))
    else:
        return []
    first, last = claim.window.start.toordinal() // 7, claim.window.end.toordinal() // 7
    return [(claim.kind, claim.type, anchor, week) for anchor in anchors for week in range(first, last + 1)]


def precise_place(claim: Claim) -> bool:
    """True when a claim is placed at a town or a site, not a country or province."""
    return claim.place is not None and not claim.place_coarse


def by_names(claim: Claim) -> bool:
    """True when a claim with no precise place can be matched on its named participants: a meeting, call,
    visit or agreement, which happens once; a placeless strike or thanks names who, not which occurrence."""
    return claim.kind == "event" and claim.type in NAMED_TYPES and bool(claim.names)


def same_claim(a: Claim, b: Claim) -> bool:
    """True when two claims (found under one index key) report the same thing, whatever their polarity.

    Doers must agree: a doer the evidence does not name matches only another unnamed doer, never every actor.
    """
    if (a.kind, a.type) != (b.kind, b.type) or a.window is None or b.window is None:
        return False
    if not a.window.overlaps(b.window):
        return False
    if a.kind == "quote":
        return a.speaker == b.speaker and word_overlap(a.words, b.words) >= QUOTE_OVERLAP
    if precise_place(a) or precise_place(b):
        if a.place != b.place:
            return False
    elif not (by_names(a) and by_names(b) and names_match(a.names, b.names)):
        return False
    if not same_side(doer(a), doer(b)):
        return False
    # same type, place and day, but nothing else in common: two stories; a day both sentences name is
    # itself a tie, otherwise one shared word ("want", "city") is chance
    if len(shared_words(a, b)) < (1 if a.day_said and b.day_said else SHARED_WORDS):
        return False
    # a recipient left unsaid may be the one the other report names; two different ones are two events
    return a.recipient is None or b.recipient is None or a.recipient == b.recipient


def doer(claim: Claim) -> str | None:
    """The actor key a claim's own words give: None when its evidence names no doer (an unnamed doer)."""
    return claim.actor if claim.actor_named else None


def same_side(a: str | None, b: str | None) -> bool:
    """True when two actor keys name one side: equal, or a country and one of its sectors ('RUS', 'RUSMIL').

    Two sectors of one country stay apart ('RUSGOV' visits, 'RUSMIL' strikes); an unknown actor matches only
    another unknown actor.
    """
    if a == b:
        return True
    if a is None or b is None:
        return False
    short, long_ = sorted((a, b), key=len)
    return len(short) == 3 and short.isupper() and long_.isupper() and long_.startswith(short)


def conflicting_figures(a: tuple[Figure, ...], b: tuple[Figure, ...]) -> list[tuple[Figure, Figure]]:
    """Pairs of counts of the same thing with the same outcome but different numbers (bounds excepted)."""
    out = []
    for fa in a:
        for fb in b:
            if (fa.noun, fa.outcome) != (fb.noun, fb.outcome) or fa.number == fb.number:
                continue
            if fa.approximate or fb.approximate:  # "at least 40" and "52" can both be true
                continue
            out.append((fa, fb))
    return out


def word_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Overlap coefficient of two word sets: shared words over the smaller set (a shortened quote still matches)."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def shared_words(a: Claim, b: Claim) -> set[str]:
    """Content words two claims' sentences share besides the place's own words (which may be spelt apart)."""
    place_words = {w.lower() for c in (a, b) for w in (c.place_label or "").split()}
    place_words |= {w.lower() for c in (a, b) if c.place_evidence for w in c.place_evidence.text.split()}
    place_words |= {w for c in (a, b) for w in c.place_words}  # "Kherson, Melitopol and Berdyansk" is no act
    return (set(a.words) & set(b.words)) - place_words
