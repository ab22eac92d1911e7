"""Occurrence: trigger words that, in their context, report no occurrence at all.

A command ("Strike the shepherd"), a question ("What do we offer?"), an accident ("killed when the power
washer short-circuited"), a capacity ("their ability to cooperate"), a class ("all who beat the enemy"),
the people an event left ("the injured") and figures of speech ("hatred will strike") name words the
lexicon knows, but no event a coder would record. The trigger stage skips them before any row is tried.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from sitrep.events.context import lemma_of

if TYPE_CHECKING:
    from sitrep.events.triggers import TriggerWords


def not_an_occurrence(token: Token, words: "TriggerWords") -> bool:
    """Words that name no occurrence: a command ('Strike the shepherd'), a capacity ('the ability to cooperate')."""
    if token.pos_ == "VERB" and token.tag_ == "VB" and _is_imperative(token):
        return True
    if _in_question(token):
        return True  # "What do we offer?", "what can be achieved by destroying schools?": asked, not reported
    if _accidental(token, words.accidents):
        return True  # "killed when the power washer short-circuited", "injured from electrical shock"
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in ("on", "about") \
            and lemma_of(token.head.head) in ("comment", "respond", "response", "statement", "question"):
        return True  # "had no comment on the attack", "declined to comment on the arrests": press routine
    if token.tag_ == "VBN" and _stands_for_people(token):
        return True  # "none of the injured", "those expelled were agents": the people an event left, told before
    head = token.head
    if token.pos_ == "VERB" and _figurative_participant(token, words.abstractions):
        return True  # "hatred will strike", "evil accuses you", "peace has been destroyed", "storms threaten us"
    if _under_capacity(token, words.capacities) or (
            token.dep_ in ("dobj", "obj") and head.pos_ == "VERB" and _under_capacity(head, words.capacities)):
        return True  # "their ability to cooperate", "their capacity to launch attacks"
    if token.pos_ == "NOUN" and _proposed(token):
        return True  # "the oil embargo must be a part of it", "the priority is the oil embargo": asked for, not done
    if _generic_relative(token):
        return True  # "all countries who support Ukraine", "Ukrainians who are fighting": a class, not an occurrence
    # "an objectively difficult and demanding environment": a participle coordinated with an adjective
    return token.tag_ == "VBG" and token.dep_ == "conj" and head.pos_ == "ADJ"


# what a copula equates a proposed act with ("the priority is the oil embargo")
_GOAL_NOUNS = frozenset({"priority", "goal", "aim", "task", "objective", "demand", "need", "target", "proposal",
                         "idea", "plan", "requirement", "condition"})
_MODALS = frozenset({"must", "should", "ought", "need"})


def _proposed(noun: Token) -> bool:
    """An event noun that a copula makes a goal or a requirement: 'the embargo must be part of the package',
    'the priority is the oil embargo', 'our goal is a ceasefire'. 'The attack must be investigated' is no copula."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "attr") or verb.lemma_ != "be":
        return False
    if noun.dep_ == "nsubj" and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return True
    return any(c.dep_ in ("nsubj", "attr") and c.i != noun.i and c.lemma_.lower() in _GOAL_NOUNS for c in verb.children)


def _in_question(token: Token) -> bool:
    """The trigger's sentence is a direct question (it ends with a question mark, closing quotes aside)."""
    return token.sent.text.rstrip().rstrip("\"'”’»)").endswith("?")


# what breaks down or gives way in an accident ("when the power washer short-circuited", "the roof collapsed")
_ACCIDENT_VERBS = frozenset({"short-circuit", "circuit", "malfunction", "collapse", "overturn", "capsize", "derail", "crash",
                             "slip", "fall", "electrocute", "topple", "roll"})


def _accidental(token: Token, accidents: frozenset[str]) -> bool:
    """A death or injury told as an accident: 'in a crash', 'from electrical shock', 'when the truck overturned'.

    Only with no one named as doing it: "troops killed three when their tank crashed" is told as their act."""
    if any(c.dep_ in ("nsubj", "agent") for c in token.children):
        return False
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "from", "by", "during", "after") and any(
                lemma_of(g) in accidents for g in (*child.children, *(j for c in child.children for j in c.conjuncts))
                if g.dep_ in ("pobj", "conj")):
            return True
        if child.dep_ == "advcl" and lemma_of(child) in _ACCIDENT_VERBS and any(
                m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "after", "as") for m in child.children) and not any(
                s.dep_ == "dobj" for s in child.children):
            return True
    return False


_GENERIC_DETS = frozenset({"all", "every", "any", "many"})
# pronouns for a whole class of people: a relative clause on them describes the class ("all who beat the enemy")
_CLASS_PRONOUNS = frozenset({"all", "everyone", "everybody", "anyone", "anybody", "whoever", "those"})


def _generic_relative(token: Token) -> bool:
    """A present-tense relative clause on a bare or 'all' plural, with no place or time: it describes a class."""
    node = token
    for _ in range(3):
        if node.dep_ not in ("xcomp", "ccomp", "conj"):
            break  # a relative clause, or the sentence root, ends the climb
        node = node.head
    if node.dep_ != "relcl" or node.pos_ != "VERB":
        return False
    noun = node.head
    if noun.lower_ in _CLASS_PRONOUNS and noun.head.pos_ != "NOUN":
        return not any(_pins_down(t) for t in node.subtree)  # "all who beat the enemy", "everyone who has thanked"
    if noun.tag_ not in ("NNS", "NNPS"):
        return False
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "predet", "poss", "nummod")}
    if dets and not dets & _GENERIC_DETS:
        return False  # "the soldiers who are fighting", "our troops who hold": those ones
    auxes = {c.lower_ for c in node.children if c.dep_ == "aux"}
    present = node.tag_ in ("VBP", "VBZ") or (node.tag_ == "VBG" and bool(auxes & {"are", "is"})) or (
        node.tag_ == "VBN" and bool(auxes & {"have", "has"}))  # "men and women who have fought"
    return present and not any(_pins_down(t) for t in node.subtree)


def _pins_down(token: Token) -> bool:
    """A date or a location that makes a clause about one occurrence ('in Bakhmut', 'on Monday'; not 'every day')."""
    if token.ent_type_ in ("DATE", "TIME"):
        words = {t.lower_ for t in _entity_tokens(token)}
        # "countries who support Ukraine today": the present of a class, not a day
        return not words & {"every", "each", "daily"} and not words <= {"today", "now", "tonight", "currently"}
    return token.ent_type_ in ("GPE", "LOC", "FAC") and token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE


_LOCATIVE = frozenset({"in", "at", "near", "around", "outside", "inside", "on", "across"})


def _entity_tokens(token: Token) -> list[Token]:
    """The tokens of the named-entity span a token belongs to."""
    return next(([t for t in ent] for ent in token.doc.ents if ent.start <= token.i < ent.end), [token])


def _under_capacity(token: Token, capacities: frozenset[str]) -> bool:
    """An infinitive under a noun of ability or disposition ('the Alliance's eagerness to support')."""
    head = token.head
    return token.dep_ in ("acl", "xcomp") and head.i != token.i and head.pos_ == "NOUN" \
        and lemma_of(head) in capacities and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _stands_for_people(participle: Token) -> bool:
    """'the injured', 'those expelled', 'two dead and 18 wounded': a participle standing for the people it happened to."""
    if not any(c.dep_ in ("aux", "auxpass") for c in participle.children) and any(
            (c.dep_ in ("nsubj", "nsubjpass") and c.like_num and not list(c.children)) or c.dep_ == "nummod"
            for c in participle.children) or (participle.i > 0 and participle.nbor(-1).like_num
                                              and not any(c.dep_ in ("nsubj", "nsubjpass") for c in participle.children)
                                              and not any(c.dep_ in ("aux", "auxpass") for c in participle.children)):
        return True  # "with 50 wounded": a count of casualties, parsed as a clause with a number for subject
    if participle.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in participle.children):
        return True
    return participle.dep_ == "acl" and participle.head.lower_ in ("those", "these") \
        and not any(c.dep_ == "agent" for c in participle.children)


def _figurative_participant(verb: Token, abstractions: frozenset[str]) -> bool:
    """A doer or target that is an abstraction or a natural force makes a war verb a figure of speech."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ == "NOUN" and lemma_of(verb.head) in abstractions:
        return True  # "three major hurricanes striking US soil": the noun a participle describes is its subject
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") and child.pos_ == "NOUN" \
                and lemma_of(child) in abstractions:
            return True
        if child.dep_ == "agent" and any(lemma_of(g) in abstractions for g in child.children if g.dep_ == "pobj"):
            return True
        if child.dep_ == "prep" and child.lower_ == "with" and not any(c.dep_ in ("dobj", "obj") for c in verb.children) \
                and any(lemma_of(g) in abstractions for g in child.children if g.dep_ == "pobj"):
            return True  # "it strikes with courage", "strikes with belief": a manner, not a weapon
        if child.dep_ == "ccomp" and lemma_of(verb) in _WARNING_VERBS and any(
                lemma_of(w) in abstractions for g in child.children if g.dep_ in ("nsubj", "nsubjpass")
                for w in (g, *(c for c in g.children if c.dep_ == "compound"))):
            return True  # "officials warned that a storm system could drop snow": a hazard, not a threat
    return False


_WARNING_VERBS = frozenset({"warn", "caution", "threaten"})


def _is_imperative(verb: Token) -> bool:
    """A base-form verb that opens a sentence or a quotation with no subject, auxiliary or 'to': 'Go ahead - shoot me'."""
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return verb.head.pos_ == "VERB" and verb.head.tag_ == "VB" and _is_imperative(verb.head)
    if verb.dep_ in ("xcomp", "acl", "relcl", "amod", "pcomp", "prep") and verb.i > verb.sent.start \
            and verb.nbor(-1).is_alpha:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass", "mark", "csubj") for c in verb.children):
        return False
    before = verb.i - 1
    if before >= verb.sent.start and verb.doc[before].lower_ in _COMMAND_OPENERS:
        before -= 1  # "please help", "go ahead - shoot me"
    # a command opens its sentence or its quotation ("Strike the shepherd"); after other words it is no command
    return before < verb.sent.start or verb.doc[before].is_punct


_COMMAND_OPENERS = frozenset({"please", "just", "now", "so", "then", "and"})


def trade_framed(token: Token, words: "TriggerWords") -> bool:
    """'China isn't afraid to fight one [a trade war]', 'the clash reflects the trade deficit': a war word in a
    sentence about a trade conflict, with no armed actor, weapon or casualty in it, is a figure of speech."""
    if not words.trade:
        return False
    framed = False
    for t in token.sent:
        lemma, lower = lemma_of(t), t.lower_
        if lemma in _CASUALTY_LEMMAS or lemma in words.weapons or lemma in words.armed or lower in words.armed:
            return False
        if lemma == "trade" or lower == "duty":
            # "trade war", "trade practices": the noun as a modifier; "on duty" is a soldier's, "duties" a levy's
            framed |= lemma == "trade" and t.dep_ in ("compound", "amod", "nmod")
        elif lemma in words.trade or lower in words.trade:
            framed = True
    return framed


_CASUALTY_LEMMAS = frozenset({"kill", "wound", "injure", "die", "dead", "casualty", "civilian", "soldier", "troop"})
