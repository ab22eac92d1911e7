"""Modality: is an event asserted, hedged, hypothetical, negated or future? Cue words are data."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from sitrep.events.context import clause_of
from sitrep.nlp import doc_text
from sitrep.tables import read_tsv

# which modality wins when several cues govern one trigger
PRIORITY = ("negated", "hypothetical", "future", "hedged")
_PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_NONE_WORDS = frozenset({"nobody", "none", "nothing", "noone"})
_WHERE = frozenset({"aux", "neg", "gov", "govpass", "adv", "mark", "phrase", "event", "aspect"})


@dataclass(frozen=True)
class ModalityCues:
    """Cue words grouped by where they act, each mapped to the modality it signals."""

    by_where: dict[str, dict[str, str]]

    @classmethod
    def load(cls) -> "ModalityCues":
        """Read event_modality.tsv."""
        by_where: dict[str, dict[str, str]] = {w: {} for w in _WHERE}
        for cue, kind, where in read_tsv("event_modality.tsv"):
            by_where[where][cue.lower()] = kind
        return cls(by_where)


def governing_path(trigger: Token) -> list[Token]:
    """The trigger and the words above it up to the root of its sentence."""
    path = [trigger]
    node = trigger
    while node.head.i != node.i:
        node = node.head
        path.append(node)
    return path


def modality_of(trigger: Token, cues: ModalityCues) -> tuple[str, str | None]:
    """The modality of the event and the cue word that decided it (None when asserted)."""
    found: dict[str, str] = {}
    path = governing_path(trigger)
    framed_only, unnegated = False, False
    for depth, node in enumerate(path):
        _read_node(node, depth, cues, found, trigger.i, framed_only, unnegated)
        # an event noun reached through a preposition is a circumstance of the negated act, not its object:
        # "the U.S. is not engaged in the Saudis' bombing campaign" (the bombing goes on), "did not take part in
        # the attack"; "did not order an attack" still negates it
        unnegated = unnegated or (node.dep_ == "prep" and node.i != trigger.i and trigger.pos_ == "NOUN")
        # a relative clause describes a participant: the main clause's modals and negation stop there,
        # while reporting frames above ("reports suggest") still cover it; so does a time adjunct
        # ("they were not in the car at the time of the attack": the attack happened)
        framed_only = framed_only or node.dep_ in ("relcl", "acl") \
            or (node.dep_ == "prep" and node.lower_ in _TIME_PREPS and node.i != trigger.i)
    clause = clause_of(trigger)
    text = doc_text(clause.doc)[min(t.idx for t in clause.subtree):max(t.idx + len(t) for t in clause.subtree)].lower()
    for phrase, kind in cues.by_where["phrase"].items():
        if phrase in text:
            found.setdefault(kind, phrase)
    for kind in PRIORITY:
        if kind in found:
            return kind, found[kind]
    return "asserted", None


_TIME_PREPS = frozenset({"at", "after", "before", "during", "since", "following", "amid", "until", "despite"})


def embedded_modality(trigger: Token, trigger_types: dict[int, str], cues: ModalityCues) -> str | None:
    """The modality an enclosing event gives this one ('demanded the withdrawal' -> hypothetical)."""
    for child in trigger.children:
        # "Libya must hand over the bombers": a modal that is itself a demand makes its verb the demand's content
        kind = cues.by_where["event"].get(trigger_types.get(child.i, "").lower()) if child.dep_ == "aux" else None
        if kind:
            return kind
    path = governing_path(trigger)
    for below, node in zip(path, path[1:]):
        if below.dep_ in ("relcl", "acl") and not _content_clause(below):
            return None  # "demanded the return of a helicopter that was captured": the capture is asserted
        kind = cues.by_where["event"].get(trigger_types.get(node.i, "").lower())
        if kind:
            return kind
    return None


def _content_clause(clause: Token) -> bool:
    """'its demand that Israel ease ...': a that-clause with its own subject says what the noun is, not which one."""
    children = list(clause.children)
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("that", "which", "who") for c in children)


def _read_node(node: Token, depth: int, cues: ModalityCues, found: dict[str, str], trigger_i: int,
               framed_only: bool = False, unnegated: bool = False) -> None:
    """Collect the cues attached to one word of the governing path (the trigger itself is no cue: 'must')."""
    aspectual = depth > 0 and node.lemma_.lower() in cues.by_where["aspect"]
    for child in node.children:
        low = child.lower_
        if child.i == trigger_i or (framed_only and child.dep_ != "advmod"):
            continue
        if child.dep_ == "neg" and low in cues.by_where["neg"] and not _is_not_only(child) and not aspectual \
                and not unnegated:
            # negation of a verb above a nominal trigger negates it ("did not order an attack")
            found.setdefault("negated", low)
        elif child.dep_ in ("aux", "auxpass") and low in cues.by_where["aux"]:
            found.setdefault(cues.by_where["aux"][low], low)
        elif child.dep_ == "mark" and low in cues.by_where["mark"]:
            found.setdefault(cues.by_where["mark"][low], low)
        elif child.dep_ in ("advmod", "amod") and low in cues.by_where["adv"]:
            found.setdefault(cues.by_where["adv"][low], low)
    if depth == 0:
        if any(_none_of(child) for child in node.children if child.dep_ in _PARTICIPANT_DEPS):
            found.setdefault("negated", "no")  # "No Ukrainian soldiers were killed": a quantifier negates
        return
    lemma = node.lemma_.lower()
    if lemma in cues.by_where["gov"]:
        found.setdefault(cues.by_where["gov"][lemma], lemma)
    if lemma in cues.by_where["govpass"] and any(c.dep_ in ("auxpass", "nsubjpass") for c in node.children):
        found.setdefault(cues.by_where["govpass"][lemma], lemma)


def _none_of(participant: Token) -> bool:
    """'no soldiers', 'nobody', 'none of them': a participant that says the event did not happen."""
    if participant.lower_ in _NONE_WORDS:
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in participant.children)


def _is_not_only(token: Token) -> bool:
    """'not only ... but also' is emphasis, not negation."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.lower_ == "only"


