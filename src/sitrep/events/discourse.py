"""Discourse rules across sentences: inherit modes and implicit actors, fold repeated mentions of one event."""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from sitrep.events.ontology import Ontology
from sitrep.events.roles import SERIES_NOUNS
from sitrep.events.subjects import headline_passive
from sitrep.events.voice import MUTUAL_LEMMAS, OWN_SIDE_LEMMAS, side_lemma
from sitrep.records import ActorRef, Entity, Event

# how many sentences back a mode or an implicit actor may come from
_WINDOW = 3
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# "each phone call", "every attack": quantified event nouns talk about a class of events
_QUANTIFIERS = frozenset({"each", "every", "any", "no", "all"})
# capture/seizure of a place is coded ASSAULT, while 'the seizure' may come back as COERCE: one family
_FAMILIES = {"COERCE": "ASSAULT"}


@dataclass(frozen=True)
class Draft:
    """An event before numbering, with the trigger token and the sentence it came from."""

    event: Event
    token: Token
    order: int
    sentence: int  # ordinal of the trigger's sentence in the document
    place_attached: bool = False  # the place hangs off the trigger or its clause, not just the sentence


@dataclass(frozen=True)
class ArmedParty:
    """An armed side the article names (a unit, rebels, police, a national force), where it first appears."""

    start: int
    entity_id: str
    country: str | None


def armed_parties(entities: tuple[Entity, ...]) -> tuple[ArmedParty, ...]:
    """Every armed entity of the article at its first mention: a unit, a group, or an actor of an armed sector."""
    return tuple(ArmedParty(min(m.start for m in e.mentions), e.id, e.country) for e in entities
                 if e.mentions and (e.type in ("MILITARY_UNIT", "GROUP") or e.sector in ("MIL", "REB", "COP")))


def resolve_discourse(drafts: list[Draft], ontology: Ontology, sided: bool = False,
                      parties: tuple[ArmedParty, ...] = (), persons: frozenset[str] = frozenset()) -> list[Draft]:
    """Apply the cross-sentence rules in order; each is a small pure pass over the drafts.

    `sided`: a wartime address whose sides are known (voice.sided_actor fills unnamed doers instead of
    the article's sole attacker, who in a speech is as often a historical one).
    """
    drafts = sorted(drafts, key=lambda d: (d.token.i, d.order))
    drafts = retype_repeated_nouns(drafts, ontology)
    drafts = inherit_modes(drafts, ontology)
    drafts = drop_generic_plurals(drafts)
    drafts = drop_anaphoric_mentions(drafts)
    drafts = merge_complementary_events(drafts)
    drafts = fold_casualties(drafts)
    return note_missing_actors(inherit_actors(meeting_we(drafts), sole_doers=not sided, parties=parties,
                                              persons=persons))


def _sentence_gap(a: Draft, b: Draft) -> int:
    """How many sentences apart two drafts are."""
    return abs(a.sentence - b.sentence)


def _same_actor(a: ActorRef | None, b: ActorRef | None) -> bool:
    """True unless both actors are known and differ."""
    if a is None or b is None:
        return True
    if a.entity_id and b.entity_id:
        return a.entity_id == b.entity_id
    return a.text.lower() == b.text.lower()


def inherit_modes(drafts: list[Draft], ontology: Ontology) -> list[Draft]:
    """An event without a mode takes the mode of a recent same-type event by the same actor ('spoke with' after 'phone calls')."""
    out: list[Draft] = []
    for d in drafts:
        ev = d.event
        if ev.mode is None:
            donor = next((p for p in reversed(out) if p.event.type == ev.type and p.event.mode
                          and p.event.actor is not None and _sentence_gap(p, d) <= _WINDOW
                          and _same_actor(p.event.actor, ev.actor)), None)
            if donor is not None:
                mode = donor.event.mode
                ev = replace(ev, mode=mode, cameo=ontology.cameo_code(ev.type, mode))
                d = replace(d, event=ev)
        out.append(d)
    return out


def _is_nominal(token: Token) -> bool:
    """True for event nouns ('the capture', 'a call')."""
    return token.pos_ in ("NOUN", "PROPN")


def _is_generic_plural(token: Token) -> bool:
    """A bare plural event noun with nothing specific about it ('phone calls', 'Ukrainian incursions')."""
    return _is_nominal(token) and token.tag_ == "NNS" and not any(
        c.dep_ in ("det", "nummod", "poss") for c in token.children)


def _is_quantified(token: Token) -> bool:
    """'each phone call', 'every attack'."""
    return _is_nominal(token) and any(c.dep_ == "det" and c.lower_ in _QUANTIFIERS for c in token.children)


def _in_a_series(token: Token) -> bool:
    """'a series of urgent phone calls', 'a wave of strikes': a summary of events told one by one elsewhere."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in SERIES_NOUNS


def _actor_is_a_subject(draft: Draft) -> bool:
    """True when the actor was named as a participant, not just as an adjective on the event noun ('Ukrainian incursions')."""
    actor = draft.event.actor
    if actor is None or actor.words is None:
        return False
    modifiers = [c for c in draft.token.children if c.dep_ in ("amod", "compound")]
    return not any(c.idx <= actor.words.start < c.idx + len(c.text) for c in modifiers)


def drop_generic_plurals(drafts: list[Draft]) -> list[Draft]:
    """Event nouns that talk about a class of events rather than one event are not events.

    Quantified ('each phone call') and summarising ('a series of calls') nouns, and bare plurals with
    no actor, go unless a named recipient or an attached place makes them specific.
    """
    out = []
    for d in drafts:
        ev, tok = d.event, d.token
        specific = d.place_attached or (ev.recipient is not None and ev.recipient.entity_id is not None)
        generic = _is_quantified(tok) or _in_a_series(tok) or (_is_generic_plural(tok) and not _actor_is_a_subject(d))
        if not (generic and not specific):
            out.append(d)
    return out


def _family(event_type: str) -> str:
    """Types that a repeated mention may use interchangeably."""
    return _FAMILIES.get(event_type, event_type)


def _same_participants(a: Event, b: Event) -> bool:
    """True when two events share a named recipient or a place."""
    if a.recipient and b.recipient and (
            (a.recipient.entity_id and a.recipient.entity_id == b.recipient.entity_id)
            or a.recipient.text.lower() == b.recipient.text.lower()):
        return True
    return bool(a.place and b.place and a.place.label().lower() == b.place.label().lower())


def drop_anaphoric_mentions(drafts: list[Draft]) -> list[Draft]:
    """'The discussion with Temirkhanov', 'The capture of Sevsk': a definite event noun repeating an earlier event."""
    out: list[Draft] = []
    for d in drafts:
        definite = _is_nominal(d.token) and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in d.token.children)
        earlier = next((n for n, p in enumerate(out) if _family(p.event.type) == _family(d.event.type)
                        and p.sentence != d.sentence and _same_participants(p.event, d.event)), None) if definite else None
        if earlier is not None:
            first = out[earlier]
            merged = _union(first.event.attributed_to, d.event.attributed_to)
            out[earlier] = replace(first, event=replace(first.event, attributed_to=merged))
            continue
        out.append(d)
    return out


def merge_complementary_events(drafts: list[Draft]) -> list[Draft]:
    """'Preparations are intensifying in X' + next sentence 'forces are said to be regrouping': one event.

    An actor-less event with a place takes the actor of a same-type event in an adjacent sentence that
    has an actor but neither place nor recipient; that donor is then the same event and is dropped.
    """
    donors_used: set[int] = set()
    out: list[Draft] = []
    for d in drafts:
        ev = d.event
        covered = any(o is not d and o.sentence == d.sentence and o.event.type == ev.type and o.event.actor is not None
                      for o in drafts)  # "We also discussed the negotiation process": its own sentence has the actor
        if ev.actor is None and ev.place is not None and not covered:
            donor = next((p for p in drafts if p is not d and p.event.type == ev.type and p.event.actor is not None
                          and p.event.place is None and p.event.recipient is None
                          and 0 < _sentence_gap(p, d) <= 1), None)
            if donor is not None:
                donors_used.add(id(donor))
                d = replace(d, event=replace(ev, actor=replace(donor.event.actor, implicit=True),
                                             attributed_to=_union(ev.attributed_to, donor.event.attributed_to),
                                             confidence=round(ev.confidence * 0.9, 3)))
        out.append(d)
    return [d for d in out if id(d) not in donors_used]  # donors have actors, so they were never rebuilt


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    """Sources of two mentions of one event, each once, in order: both mentions are sourced claims about it."""
    return first + tuple(x for x in second if x not in first)


def inherit_actors(drafts: list[Draft], sole_doers: bool = True, parties: tuple[ArmedParty, ...] = (),
                   persons: frozenset[str] = frozenset()) -> list[Draft]:
    """An actor-less event ('another call with X', 'the attack', 'eight were killed') takes a recent same-type actor.

    Event nouns need the same mode; a definite noun ("the attack") or a passive without agent
    ("were killed") may take the actor of an event of its type in the same or the two previous sentences.
    """
    out: list[Draft] = []
    for d in drafts:
        ev = d.event
        passive = _is_agentless_passive(d.token)
        if ev.actor is None and (_is_nominal(d.token) or passive):
            anaphoric = passive or _is_definite(d.token)
            # "the shooting" points back to an event told in its own right, not to "stopped him by shooting him";
            # an agentless passive reports the toll of what the sentence before told
            donor = next((p for p in reversed(out) if p.event.type == ev.type and p.event.actor is not None
                          and not _undergoes(d, p.event.actor)
                          and p.event.actor.text.lower() not in _BARE_PRONOUNS
                          and ((ev.mode is not None and p.event.mode == ev.mode) or anaphoric)
                          and _can_donate(p.event.actor)
                          and (passive or not _is_definite(d.token) or not _subordinate_gerund(p.token))
                          and _sentence_gap(p, d) <= (1 if passive else 2 if anaphoric else _WINDOW)
                          and (p.sentence != d.sentence or anaphoric or _is_nominal(p.token))), None)
            if donor is not None:
                d = replace(d, event=replace(ev, actor=replace(donor.event.actor, implicit=True),
                                             confidence=round(ev.confidence * 0.85, 3)))
            elif sole_doers and (sole := _sole_doer(out, d, parties, persons)) is not None:
                d = replace(d, event=replace(ev, actor=replace(sole, implicit=True),
                                             confidence=round(ev.confidence * 0.75, 3)))
        out.append(d)
    return out


def _can_donate(actor: ActorRef) -> bool:
    """An actor another event may take: one written out, or one resolved to a named entity ('the COAS' is General
    Bajwa); an inferred side or an unresolved description would only spread a guess."""
    return not actor.implicit or actor.entity_id is not None


def _subordinate_gerund(token: Token) -> bool:
    """'by shooting and wounding him', 'while trading gunfire': an -ing form that tells how, not what happened."""
    return token.tag_ == "VBG" and token.dep_ in ("pcomp", "advcl", "acl", "pobj", "conj")


def _undergoes(draft: Draft, actor: ActorRef) -> bool:
    """'Garner wounded Stewart ... Garner was wounded': the donor's actor is this event's patient, not its doer."""
    received = draft.event.recipient
    if received is not None and actor.entity_id is not None and received.entity_id == actor.entity_id:
        return True  # "the suspect ... was arrested": the suspect the recipient names is not the arrester
    patient = next((c for c in draft.token.children if c.dep_ == "nsubjpass"), None)
    if patient is None:
        return draft.event.recipient is not None and draft.event.recipient.text == actor.text
    words = actor.words
    return patient.lower_ in actor.text.lower().split() or (
        words is not None and patient.text in words.text)


def _actor_key(actor: ActorRef) -> str:
    """What makes two actors the same side: the entity, else the country, else the words."""
    return actor.entity_id or actor.country or actor.text.lower()


# actors left as bare words: they name no one another event could take
_BARE_PRONOUNS = frozenset({"it", "they", "them", "he", "she", "him", "her", "we", "us", "i", "you", "this", "that",
                            "these", "those", "who", "which"})


def _sole_doer(earlier: list[Draft], draft: Draft, parties: tuple[ArmedParty, ...],
               persons: frozenset[str] = frozenset()) -> ActorRef | None:
    """'A man attacked her car ... the attack': when the article so far names one attacker and no other armed side.

    Two doers, or another armed party named before the event (rebels beside an army), leave it without an
    actor; so do mutual words ("the clashes"), acts of the other side (a liberation) and a different manner
    of attack (a suicide bombing after an army's shelling).
    """
    ev, token = draft.event, draft.token
    lemma = side_lemma(token)
    if _family(ev.type) != "ASSAULT" or lemma in MUTUAL_LEMMAS or lemma in OWN_SIDE_LEMMAS:
        return None  # a liberation or a counter-attack is the other side's act, not the attacker's
    donors = [p for p in earlier
              if _family(p.event.type) == "ASSAULT" and p.event.actor is not None and _can_donate(p.event.actor)
              and p.event.actor.text.lower() not in _BARE_PRONOUNS and side_lemma(p.token) not in MUTUAL_LEMMAS]
    if not donors or len({_actor_key(p.event.actor) for p in donors}) != 1:
        return None
    doer = donors[-1].event.actor
    if _undergoes(draft, doer):
        return None  # "Garner was wounded": the article's only shooter is this event's patient
    if ev.mode is not None and any(p.event.mode not in (None, ev.mode) for p in donors):
        return None
    others = [a for a in parties if a.start < token.idx and a.entity_id != doer.entity_id
              and (a.country is None or a.country != doer.country)]
    # a group that threatened, was accused or was struck earlier is a side too ("the LTTE ... the attack")
    rivals = [r for p in earlier for r in (p.event.actor, p.event.recipient)
              if r is not None and not r.implicit and r.entity_id is not None and r.entity_id != doer.entity_id
              and r.entity_id not in persons and (r.country is None or r.country != doer.country)]
    return None if others or rivals else doer


# verbs that report what an attack did to people; with no agent of their own they belong to the attack
CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "die", "hurt", "maim"})


def _is_agentless_passive(token: Token) -> bool:
    """'eight people were killed': a passive verb with no 'by' agent."""
    headline = headline_passive(token) is not None  # "220 children killed"
    return token.pos_ == "VERB" and (headline or any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)) \
        and not any(c.dep_ == "agent" for c in token.children)


def _is_definite(token: Token) -> bool:
    """'the attack', 'this strike': an event noun that points back to one already told."""
    return _is_nominal(token) and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children)


def fold_casualties(drafts: list[Draft]) -> list[Draft]:
    """'A strike hit X; five people were killed': an agentless casualty verb beside an attack is that attack's toll."""
    by_sentence: dict[int, list[Draft]] = {}
    for d in drafts:
        by_sentence.setdefault(d.sentence, []).append(d)
    tolls: dict[int, ActorRef] = {}  # attack draft id -> the casualties a folded casualty verb named
    kept = []
    for d in drafts:
        ev = d.event
        if ev.type == "ASSAULT" and ev.actor is None and d.token.lemma_.lower() in CASUALTY_VERBS:
            attack = next((o for o in by_sentence[d.sentence] if o.event.type == "ASSAULT" and o.token.i != d.token.i
                           and o.token.lemma_.lower() not in CASUALTY_VERBS), None)
            if attack is not None:
                if ev.recipient is not None and ev.modality != "negated":  # "No civilians were killed in the strike"
                    tolls.setdefault(id(attack), ev.recipient)
                continue
        kept.append(d)
    # "24 civilians have been killed in the clashes": who the toll names is who the attack hit
    return [replace(d, event=replace(d.event, recipient=tolls[id(d)]))
            if id(d) in tolls and d.event.recipient is None and not _one_party(d.event.actor, tolls[id(d)]) else d
            for d in kept]


def _one_party(actor: ActorRef | None, other: ActorRef) -> bool:
    """'X was injured while repelling the attack': the casualty is the attack's doer, not whom it hit."""
    if actor is None:
        return False
    return (actor.entity_id is not None and actor.entity_id == other.entity_id) or actor.text == other.text


def note_missing_actors(drafts: list[Draft]) -> list[Draft]:
    """Say why an event has no actor, so a reader knows it is not stated rather than missed silently."""
    out = []
    for d in drafts:
        if d.event.actor is None:
            if _is_agentless_passive(d.token):
                note = "not named: passive without an agent"
            elif _is_nominal(d.token):
                note = "not named: the event noun has no agent in its sentence"
            else:
                note = "not found: no subject the parser could link"
            d = replace(d, event=replace(d.event, actor_note=note))
        out.append(d)
    return out


def retype_repeated_nouns(drafts: list[Draft], ontology: Ontology) -> list[Draft]:
    """'a general strike ... The strike shut ports': a definite noun repeating an earlier trigger word is that event's kind."""
    out: list[Draft] = []
    for d in drafts:
        if _is_definite(d.token):
            lemma = d.token.lemma_.lower()
            donor = next((p for p in reversed(out) if p.token.lemma_.lower() == lemma and p.token.i != d.token.i
                          and _sentence_gap(p, d) <= _WINDOW and p.sentence != d.sentence), None)
            if donor is not None and (donor.event.type, donor.event.mode) != (d.event.type, d.event.mode):
                ev = d.event
                kind = ontology.types[donor.event.type]
                d = replace(d, event=replace(ev, type=donor.event.type, mode=donor.event.mode,
                                             cameo=ontology.cameo_code(donor.event.type, donor.event.mode),
                                             quad_class=kind.quad_class, goldstein=kind.score))
        out.append(d)
    return out


# types whose "we" after a meeting is the speaker and the counterpart: "I spoke with Scholz. We discussed sanctions."
_MUTUAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_WE = frozenset({"we", "us", "our"})


def meeting_we(drafts: list[Draft]) -> list[Draft]:
    """'I had a conversation with Olaf Scholz. We discussed ...': "we" is the speaker with that counterpart.

    A mutual event whose actor is a first-person plural without a recipient takes the speaker and the counterpart
    of a CONSULT by "I" with a recipient in the same or the two previous sentences.
    """
    out: list[Draft] = []
    for d in drafts:
        ev = d.event
        words = ev.actor.words.text.lower() if ev.actor is not None and ev.actor.words is not None else ""
        if ev.type in _MUTUAL_TYPES and words in _WE and ev.recipient is None:
            donor = next((p for p in reversed(out) if p.event.type == "CONSULT" and p.event.recipient is not None
                          and p.event.actor is not None and p.event.actor.words is not None
                          and p.event.actor.words.text.lower() == "i" and _sentence_gap(p, d) <= 2), None)
            if donor is not None:
                actor = replace(donor.event.actor, words=ev.actor.words, implicit=True)
                d = replace(d, event=replace(ev, actor=actor, recipient=replace(donor.event.recipient, implicit=True)))
        out.append(d)
    return out
