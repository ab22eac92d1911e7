"""Understood subjects: who does a verb that has no subject of its own, and who a passive's noun underwent it.

"forced them to retreat" (object control), "has supported" (a conjunct's subject), "the army used napalm to
demoralise rebels by targeting civilian areas" (the clause's subject), "Heger was one of the first to visit"
(the subject a predicate describes), "grateful to Justin for visiting" (whom one thanks), "220 children
killed" (a headline passive), "a soldier killed in Syria" (a reduced passive).
"""
from __future__ import annotations

from spacy.tokens import Token

from sitrep.events.context import lemma_of, prep_object

_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# verbs of reporting: a participle hanging on one belongs to the reported event, not to the reporter
_SAYING_HEADS = frozenset({"say", "confirm", "tell", "report", "announce", "state", "add", "claim", "note", "write"})

# "used napalm to demoralise", "took a week to decide": the object is a means, the subject still acts
_INSTRUMENT_VERBS = frozenset({"use", "employ", "utilize", "utilise", "need", "spend", "take", "have", "get"})


# subjects of "This is X": they present X, who then does what the sentence goes on to say
_PRESENTATIVE = frozenset({"this", "that", "these", "those", "it", "here"})
# pronouns that name no one ("we are doing everything to evacuate", "What do we offer?")
NON_REFERRING = frozenset({"everything", "anything", "nothing", "something", "what", "whatever"})


def headline_passive(verb: Token) -> Token | None:
    """'220 children killed', 'Five soldiers wounded in Donetsk': a participle with a subject and no auxiliary or
    object is a passive with its auxiliary dropped; returns the subject, who underwent it."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass", "dobj", "obj") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def reduced_passive(verb: Token) -> bool:
    """'a soldier killed in Syria', 'parents charged with hitting': a participle on a noun, with no auxiliary or subject."""
    return verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.pos_ in ("NOUN", "PROPN") \
        and not any(c.dep_ in ("aux", "nsubj", "nsubjpass", "auxpass") for c in verb.children)


def inherited_subject(verb: Token) -> Token | None:
    """The understood subject of a verb without one: control ('force them to retreat'), conjunction, relative."""
    head = verb.head
    if verb.dep_ == "xcomp":
        objects = [c for c in head.children if c.dep_ in ("dobj", "obj") and c.lower_ not in NON_REFERRING]
        if objects and lemma_of(head) not in _INSTRUMENT_VERBS:
            return objects[0]  # object control: "forced them to retreat"
        subject = next((c for c in head.children if c.dep_ in _SUBJECT_DEPS | {"nsubjpass"}), None)
        if subject is None and head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.i != head.i:
            # "it is prepared to impose martial law": the copula's subject
            subject = next((c for c in head.head.children if c.dep_ in _SUBJECT_DEPS), None)
        return subject or (inherited_subject(head) if head.i != verb.i else None)
    if verb.dep_ == "conj" and head.i != verb.i:
        # "The U.S. is not engaged ... but has supported": a passive first conjunct lends its subject to an
        # active second one ("has supported"), never to a shared passive ("were arrested and charged")
        active = verb.tag_ != "VBN" or any(c.dep_ == "aux" for c in verb.children)
        deps = _SUBJECT_DEPS | {"nsubjpass"} if active else _SUBJECT_DEPS
        subject = next((c for c in head.children if c.dep_ in deps), None) or inherited_subject(head)
        if subject is not None and subject.lower_ in _PRESENTATIVE and head.lemma_ == "be":
            # "This is Halyna Kotubey, who remained ..., but refused to leave": the person presented acts
            return next((c for c in head.children if c.dep_ == "attr"), subject)
        return subject
    if verb.dep_ == "relcl":
        if (verb.tag_ == "VB" or head.lower_ in ("only", "first", "last", "one", "country", "state", "nation")) \
                and (described := predicated_subject(head)) is not None:
            return described  # "Macron was the first leader to visit Kyiv", "being the only country that ..."
        if head.lower_ in NON_REFERRING and head.head.i != head.i:
            # "we are doing everything to evacuate" (parsed as a relative clause): whoever does everything
            return next((c for c in head.head.children if c.dep_ in _SUBJECT_DEPS), None)
        return head
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return head
    if verb.dep_ == "acl" and verb.tag_ == "VB" and head.i != verb.i:
        # "Russia's attempt to seize", "Egypt proposed a conference to discuss": the owner of the plan
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        if head.dep_ in ("dobj", "obj") and head.head.i != head.i:
            return next((c for c in head.head.children if c.dep_ in _SUBJECT_DEPS), None)
        if head.dep_ == "pobj" and head.head.head.pos_ == "ADJ" and head.head.head.dep_ == "acomp":
            # "I am grateful for this opportunity to participate": whose opportunity it is
            return next((c for c in head.head.head.head.children if c.dep_ in _SUBJECT_DEPS), None)
        return predicated_subject(head)
    if verb.dep_ == "ROOT" and verb.tag_ == "VB" and verb.sent.start > 0 and verb.doc[verb.sent.start].lower_ == "to" \
            and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        # "... when I and our team did not negotiate to obtain weapons. To agree on sanctions.": a purpose
        # fragment goes on with the sentence before it and its subject
        before = verb.doc[verb.sent.start - 1].sent
        # "There has not been a day when I did not negotiate": the first doer named there, main clause or not
        return next((c for c in before.root.children if c.dep_ in _SUBJECT_DEPS), None) \
            or next((t for t in before if t.dep_ == "nsubj"), None)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ == "for" and head.head.i != head.i \
            and (thanked := _thanked_one(head.head)) is not None:
        return thanked  # "I am grateful to Justin for visiting our country": whom one thanks did it
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.head.i != head.i and head.head.pos_ == "VERB":
        # "used napalm to demoralise rebels by targeting civilian areas": the doer of the clause does the -ing
        clause = head.head
        # "Both were charged with disturbing the peace by fighting", "parents charged with hitting their child":
        # who is charged, accused or arrested for an act is who did it
        subject = next((c for c in clause.children if c.dep_ in _SUBJECT_DEPS | {"nsubjpass"}), None)
        if subject is None and reduced_passive(clause):
            subject = clause.head
        return subject or inherited_subject(clause)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and lemma_of(head) in _SAYING_HEADS and any(
            c.dep_ == "nsubj" and c.i > head.i for c in head.children):
        # "was destroyed in the attacks, confirmed spokesman X, wounding three": an inverted report tag; the
        # participle belongs to the reported event ("Russia said, demanding ..." keeps Russia)
        return None
    if verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VB") and head.i != verb.i:
        # "the U.S. stopped selling munitions while demanding ...", "fired a missile to destroy",
        # "who was injured while repelling the attack": climb to the clause that has the subject
        subject_deps = _SUBJECT_DEPS | {"nsubjpass"}
        return next((c for c in head.children if c.dep_ in subject_deps), None) or inherited_subject(head)
    return None


def _thanked_one(word: Token) -> Token | None:
    """Who is thanked: the object of 'thank', the 'to' object of 'grateful' or 'thankful'."""
    lemma = lemma_of(word)
    if lemma == "thank":
        return next((c for c in word.children if c.dep_ in ("dobj", "obj") and c.lower_ not in ("you", "everyone")), None)
    if lemma in ("grateful", "thankful"):
        return prep_object(word, frozenset({"to"}))
    return None


def predicated_subject(noun: Token) -> Token | None:
    """'Heger was one of our first friends to visit': the subject a predicate noun describes, who then acts."""
    node = noun
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.i != node.head.i:
        node = node.head.head  # "one of our first foreign friends"
    if node.dep_ == "attr" and node.head.lemma_ == "be":
        copula = node.head  # "Russia has irked many by being the only country that has not ratified"
        return next((c for c in copula.children if c.dep_ in _SUBJECT_DEPS), None) or inherited_subject(copula)
    return None
