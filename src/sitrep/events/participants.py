"""Who takes part in one event, after the parse's roles: the rules that keep one occurrence one event.

`roles.find_roles` reads actor, recipient and theme off the parse. This module settles what those
tokens are for the event being coded:

- a place-like object of an attack or a capture is where it happened, even when the gazetteer did not
  resolve it ("retook Klishchiivka"): an unresolved place, never a recipient;
- an event noun absorbed by its verb ("Russian strikes hit Kharkiv") lends the verb its own actor;
- "Ukraine and Russia agreed" is one agreement between two parties, not two agreements; "I and our team"
  is one side;
- "called on politicians, diplomats and citizens" is one appeal: coordinated common nouns do not
  multiply a recipient; named parties ("urged Russia and the US") still give one event per party.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from sitrep.events.context import DocIndex, lemma_of
from sitrep.events.places import is_demonym
from sitrep.events.people import names_people
from sitrep.events.roles import DOER_OF_NOUNS, RoleCues, find_roles
from sitrep.events.triggers import is_named, is_placelike
from sitrep.events.voice import MUTUAL_LEMMAS
from sitrep.nlp import doc_text
from sitrep.records import Place

# nouns for a stretch of land that an 'of' phrase names ("the enclave of Afrin", "the outskirts of Bakhmut")
_AREA_NOUNS = frozenset({"enclave", "outskirts", "outskirt", "suburb", "suburbs", "province", "island", "peninsula",
                         "coast", "bank", "valley", "oblast", "governorate", "county"})
# types whose coordinated subjects act with each other ("A and B agreed/met/cooperated")
_SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# modes and types whose object, when it is a place, is where the event happened
_TERRITORIAL_MODES = frozenset({"occupy", "blockade", "withdraw"})


@dataclass(frozen=True)
class EventRoles:
    """The tokens that play each part in one event, and places the gazetteer did not resolve."""

    actors: tuple[Token, ...]
    recipients: tuple[Token, ...]
    theme: Token | None
    places: tuple[Place, ...] = ()  # places the attack or capture acts on, resolved or not


def event_roles(trigger: Token, event_type: str, mode: str | None, object_words: frozenset[str],
                absorbed_subject: Token | None, cues: RoleCues, index: DocIndex) -> EventRoles:
    """Actors, recipients, theme and unresolved places of one trigger."""
    roles = find_roles(trigger, cues, index, object_words, event_type)
    actors, recipients = list(roles.actors), list(roles.recipients)
    if absorbed_subject is not None and absorbed_subject in actors:
        actors = list(find_roles(absorbed_subject, cues, index, frozenset(), event_type).actors)
    if any(a.lower_ in ("i", "we") for a in actors):
        # "I and our entire team negotiated": the speaker's own people are the speaker's side, not a second party
        actors = [a for a in actors if not any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in a.children)]
    places: tuple[Place, ...] = ()
    if event_type == "ASSAULT" or mode in _TERRITORIAL_MODES:
        # "retook Klishchiivka", "advancing on Velyka Novosilka": the town is where, not whom
        territorial = mode in _TERRITORIAL_MODES
        candidates = [t for t in (roles.theme, *recipients) if t is not None]
        places = tuple(p for t in candidates for p in _places_of(t, territorial, cues, index))
        taken = {p.start for p in places}
        # "20,000 Mariupol residents were killed": the residents stay the recipient, Mariupol is the place
        recipients = [r for r in recipients if names_people(r, cues)
                      or (r.idx not in taken and _root_start(r) not in taken)]
    if mode == "occupy" and not recipients:
        loser = _taken_from(trigger, cues, index)  # "Kherson was liberated from the occupiers": whom it was taken from
        recipients = [loser] if loser is not None else []
    if event_type in _SYMMETRIC and len(actors) > 1 and not recipients and lemma_of(trigger) not in DOER_OF_NOUNS:
        actors, recipients = actors[:1], actors[1:]
    elif event_type in _SYMMETRIC and not actors and len(recipients) > 1 and _between(trigger):
        actors, recipients = recipients[:1], recipients[1:]  # "the talks between Russia and Turkey": both hold them
    elif event_type == "ASSAULT" and not actors and len(recipients) > 1 and lemma_of(trigger) in MUTUAL_LEMMAS \
            and _between(trigger):
        actors, recipients = recipients[:1], recipients[1:2]  # "fighting between Israel and Hamas": one fight
    if event_type == "ASSAULT" and absorbed_subject is not None and not actors \
            and lemma_of(absorbed_subject) in MUTUAL_LEMMAS and _between(absorbed_subject):
        # "heavy fighting between Georgian troops and separatists killed a dozen": the fighting's first side
        sides = list(find_roles(absorbed_subject, cues, index, frozenset(), event_type).recipients)
        actors = sides[:1]
    if len(recipients) > 1 and not any(is_named(r, index) for r in recipients):
        recipients = recipients[:1]
    recipients = [r for r in recipients if r not in actors]
    return EventRoles(tuple(actors), tuple(recipients), roles.theme, _unique(places))


def _places_of(theme: Token, territorial: bool, cues: RoleCues, index: DocIndex) -> list[Place]:
    """Places an attack or capture acts on ('Klishchiivka and Andriivka'), with those the geo stage left out."""
    found = []
    for tok in (theme, *theme.conjuncts):
        if tok.pos_ != "PROPN":  # "Andriivka south of Bakhmut": the name hangs off 'south' as a compound
            tok = next((c for c in tok.children if (c.dep_ == "compound" and c.pos_ == "PROPN") or (
                c.dep_ == "amod" and c.text[:1].isupper() and index.place_at(c) is not None
                and c.lower_ not in cues.nationalities and not is_demonym(index.place_at(c), c))), tok)
            # ("the Mariupol theatre" is tagged as an adjective; "European countries" is a demonym)
        holders = cues.settlement_nouns | _AREA_NOUNS | (cues.territory_nouns if territorial else frozenset())
        if tok.pos_ == "NOUN" and lemma_of(tok) in holders:
            # "invade the Kurdish enclave of Afrin", "took the town of Robotyne": the named place is what was taken;
            # "shelled the outskirts of Kharkiv": where the shells fell
            named = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            tok = named if named is not None else tok
        place = index.place_at(tok)
        if place is not None:
            if place.precision != "country":  # "attacked Israel": the country is the target, kept as recipient
                found.append(place)
            continue
        if tok.pos_ != "PROPN" or not _unnamed_place(tok, territorial, cues, index):
            continue
        start = _root_start(tok)
        end = tok.idx + len(tok.text)
        found.append(Place(text=doc_text(index.doc)[start:end], start=start, end=end, matched_by="event"))
    return found


def _unnamed_place(token: Token, territorial: bool, cues: RoleCues, index: DocIndex) -> bool:
    """A proper noun that is a place the gazetteer missed; what a capture takes is a place unless it is a person."""
    if token.ent_type_ in ("NORP", "PERSON") or token.tag_ == "NNPS" or lemma_of(token) in cues.hostile_nouns:
        return False  # "the Nazis were expelled from Luhansk": a people, not a place taken
    if is_placelike(token, index, cues.settlement_nouns):
        return True
    found = index.entity_at(token)
    return territorial and (found is None or found[0].type not in ("PERSON", "MEDIA", "MILITARY_UNIT", "GROUP"))


def _taken_from(trigger: Token, cues: RoleCues, index: DocIndex) -> Token | None:
    """The side a place was taken from: a 'from' object that is a party, not a place ('liberated from the occupiers')."""
    for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "from"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if index.place_at(obj) is None and (index.entity_at(obj) is not None or lemma_of(obj) in cues.hostile_nouns
                                                or lemma_of(obj) in cues.armed_nouns):
                return obj
    return None


def _unique(places: tuple[Place, ...]) -> tuple[Place, ...]:
    """Places in text order, each once."""
    seen: dict[int, Place] = {}
    for p in places:
        seen.setdefault(p.start, p)
    return tuple(sorted(seen.values(), key=lambda p: p.start))


def _root_start(token: Token) -> int:
    """Start of a proper name with its compound parts ('Velyka Novosilka')."""
    parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return min([token.idx] + [c.idx for c in parts])


def _between(trigger: Token) -> bool:
    """'talks between X and Y': the parties of a mutual event named in a 'between' phrase."""
    return any(c.dep_ == "prep" and c.lower_ == "between" for c in trigger.children)
