"""Before roles: fold trigger words that report one occurrence, and recode conditional attacks as threats.

"Shelling hit Kupiansk", "Russian strikes hit Kharkiv", "repelled the attack": the event noun and its
verb report one attack, so one event is kept and the other lends it its mode (and its actor, when the
noun is the verb's subject). "Russia would shoot down incoming missiles if a US strike was launched" is
a threat with a condition (CAMEO 138, PLOVER THREATEN), not an attack; the attack named inside the
condition is no event of its own. "Residents march in protest" is one protest: a noun that restates its
same-type verb is that verb's event.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from sitrep.events.discourse import CASUALTY_VERBS
from sitrep.events.triggers import TriggerMatch

# dependencies by which an event word is the subject of, or the complement of, the word that reports it
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_COMPLEMENT_DEPS = frozenset({"xcomp"})
_OBJECT_DEPS = frozenset({"dobj", "obj"})
_CONDITION_MARKS = frozenset({"if", "unless"})
_MEANS_PREPS = frozenset({"by", "with", "through"})
_PROSPECTIVE_AUX = frozenset({"would", "will", "'ll", "wo"})
# verbs that count what an attack did to people: conjoined to the attack, they are its toll, not a second attack
_TOLL_VERBS = frozenset({"wound", "injure", "hurt", "maim"})
# material conflict that a conditional turns into a threat of that action
_THREATENABLE = frozenset({"ASSAULT", "COERCE", "SANCTION"})


@dataclass(frozen=True)
class Folded:
    """The matches left after folding, the nouns whose actor the kept verb takes, and the recoded threats."""

    matches: list[TriggerMatch]
    absorbed_subjects: dict[int, Token]  # kept trigger index -> event noun that was its subject
    threats: frozenset[int]  # trigger indices recoded as conditional threats


def fold_matches(matches: list[TriggerMatch]) -> Folded:
    """Fold same-occurrence trigger pairs and drop the events inside a threat's condition."""
    by_token = {m.token.i: m for m in matches}
    dropped: set[int] = set()
    absorbed: dict[int, Token] = {}
    for m in matches:
        tok = m.token
        head = by_token.get(tok.head.i)
        if head is None and tok.dep_ == "pobj" and tok.head.lower_ in _MEANS_PREPS:
            head = by_token.get(tok.head.head.i)  # "destroyed by bombardment": the means is the same attack
            if head is not None and head.rule.type == m.rule.type and head.token.i != tok.i:
                dropped.add(tok.i)
                continue
        if head is None and tok.dep_ in _SUBJECT_DEPS:
            # "Protesters staged demonstrations": the subject is the participants of the object's event
            sibling = next((by_token[c.i] for c in tok.head.children if c.dep_ in _OBJECT_DEPS and c.i in by_token
                            and by_token[c.i].rule.type == m.rule.type), None)
            if sibling is not None:
                dropped.add(tok.i)
                continue
        if head is None or head.token.i == tok.i or head.rule.type != m.rule.type:
            continue
        if tok.dep_ in _SUBJECT_DEPS:  # "strikes hit": keep the verb, which carries the objects
            keep, lose = head, m
            absorbed[keep.token.i] = tok
        elif tok.dep_ in _OBJECT_DEPS:  # "repelled the attack": the repelling is that attack's event
            keep, lose = head, m
        elif tok.dep_ in _COMPLEMENT_DEPS:  # "Shelling hit Kupiansk" parsed as shelling -> xcomp hit
            keep, lose = m, head
        elif tok.dep_ == "conj" and _shares_roles(head.token, tok):  # "shelling and destroying schools"
            keep, lose = head, m
        elif tok.dep_ == "advcl" and tok.tag_ == "VB":  # "fired a missile to destroy the museum": its purpose
            keep, lose = head, m
        elif tok.dep_ == "conj" and tok.lemma_.lower() in _TOLL_VERBS and not _has_subject(tok):
            keep, lose = head, m  # "killed seven people and wounded several others": one shooting, its toll
        elif tok.dep_ == "advcl" and tok.tag_ == "VBG" and not _has_subject(tok) \
                and not any(c.dep_ == "mark" for c in tok.children) \
                and not any(c.dep_ in ("auxpass", "nsubjpass") for c in head.token.children):
            # ("was injured while repelling the attack" is two: the marked clause and the passive have other roles)
            keep, lose = head, m  # "visited NATO headquarters, discussing ways to ...": the same visit
        else:
            continue
        dropped.add(lose.token.i)
        if keep.rule.mode is None and lose.rule.mode is not None:
            by_token[keep.token.i] = TriggerMatch(keep.token, replace(keep.rule, mode=lose.rule.mode))
    threats = frozenset(m.token.i for m in matches if m.rule.type in _THREATENABLE and _conditional(m.token))
    inside = {t.i for i in threats for t in _condition_tokens(by_token[i].token)}
    kept = [by_token[i] for i in sorted(by_token) if i not in dropped and i not in inside]
    return Folded(kept, {i: t for i, t in absorbed.items() if i not in dropped}, threats - inside)


def _has_subject(token: Token) -> bool:
    """Whether a verb has its own subject (then it reports its own occurrence)."""
    return any(c.dep_ in _SUBJECT_DEPS for c in token.children)


def _shares_roles(first: Token, second: Token) -> bool:
    """Two coordinated event verbs report one occurrence unless the second has its own subject, or each its object."""
    def own(token: Token, deps: frozenset[str]) -> bool:
        return any(c.dep_ in deps for c in token.children)

    if first.pos_ != "VERB" or second.pos_ != "VERB":
        return False  # "shelling and assault of Azovstal": two nouns name two kinds of attack
    # "entered Aleppo and advanced towards Hama": a second verb aimed at its own named place is a second move
    aimed = any(c.dep_ == "prep" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
                for c in second.children)
    return not (own(second, _SUBJECT_DEPS) or (own(first, _OBJECT_DEPS) and own(second, _OBJECT_DEPS))
                or (own(first, _OBJECT_DEPS) and aimed))


def _conditional(token: Token) -> bool:
    """'would shoot down ... if ...': a prospective modal on the clause and a condition clause under it."""
    clause = token if token.pos_ in ("VERB", "AUX") else token.head
    has_modal = any(c.dep_ == "aux" and c.lower_ in _PROSPECTIVE_AUX for c in clause.children)
    return has_modal and bool(_condition_clauses(clause))


def _condition_clauses(clause: Token) -> list[Token]:
    """The 'if'/'unless' clauses attached to a verb."""
    return [c for c in clause.children if c.dep_ == "advcl"
            and any(g.dep_ == "mark" and g.lower_ in _CONDITION_MARKS for g in c.children)]


def _condition_tokens(token: Token) -> list[Token]:
    """Every token inside the condition clauses of the trigger's clause."""
    clause = token if token.pos_ in ("VERB", "AUX") else token.head
    return [t for c in _condition_clauses(clause) for t in c.subtree]


def restated_by_verb(matches: list[TriggerMatch]) -> set[int]:
    """'residents march in protest', 'they fought a fierce battle': an event noun that only restates the same-type
    verb it hangs from is that verb's event. 'repelled a Russian attack' keeps the attack: its modifier names
    another doer."""
    types = {m.token.i: m.rule.type for m in matches if m.rule.type}
    out = set()
    for m in matches:
        tok = m.token
        if tok.pos_ != "NOUN" or not m.rule.type:
            continue
        verb = tok.head if tok.dep_ in ("dobj", "obj") else (
            tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ == "in" else None)
        if verb is None or verb.pos_ != "VERB" or types.get(verb.i) != m.rule.type:
            continue
        if tok.dep_ == "pobj" and (verb.lemma_.lower() in CASUALTY_VERBS or verb.tag_ == "VBN"):
            continue  # "five others were wounded in the blast": the blast is the event, the wounding its toll
        if not any(c.dep_ in ("poss", "compound", "nmod") or (c.dep_ == "amod" and c.text[:1].isupper())
                   for c in tok.children):
            out.add(tok.i)
    return out

