"""The voice of a first-person text: who "I" and "we" are in a speech, an address or a statement."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep.events.context import DocIndex, lemma_of
from sitrep.events.roles import RoleCues
from sitrep.records import ActorRef
from sitrep.tables import Nationality

_SINGULAR = frozenset({"i", "me", "my", "myself"})
_PLURAL = frozenset({"we", "us", "our", "ourselves"})
_OWNED_WEIGHT = 3  # one "our <country's> ..." counts as much as three of the country's towns


@dataclass(frozen=True, slots=True)
class Voice:
    """The speaker of a first-person text and the country whose "we" the speaker speaks for."""

    speaker: str
    iso3: str | None = None
    country: str | None = None
    adversary: tuple[str, str] | None = None  # (iso3, name) of the side the speech's "occupiers" belong to

    def name_for(self, pronoun: str) -> str | None:
        """The canonical name a first-person pronoun stands for: the speaker for "I", the country for "we"."""
        if pronoun.lower() in _SINGULAR:
            return self.speaker
        if pronoun.lower() in _PLURAL:
            return self.country or self.speaker
        return None


def speech_voice(doc: Doc, speaker: str | None, index: DocIndex, cues: RoleCues) -> Voice | None:
    """The voice of an article whose speaker is known, with the country it speaks for.

    The country is the one the speech claims ("our Ukrainian cities", "our Odesa", the vocative "Ukrainians!")
    and whose towns and regions it names, when one country clearly leads; otherwise "we" stays the speaker.
    """
    if not speaker or not speaker.strip():
        return None
    nationalities, by_iso2 = cues.nationalities, cues.nationality_by_iso2
    votes: Counter[str] = Counter()
    names: dict[str, str] = {}
    # only words that "our" modifies, and a capitalised demonym opening a sentence, can claim a country
    candidates: set[int] = set()
    for t in doc:
        lower = t.lower_
        if lower == "our" and t.dep_ == "poss":
            candidates.add(t.head.i)
        elif lower in nationalities and (all(w.is_punct for w in doc[t.sent.start:t.i])
                                         or (t.i > 0 and doc[t.i - 1].lower_ == "fellow")):
            candidates.add(t.i)
    for t in doc:
        if t.lower_ == "glory" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "to":
            candidates.add(t.i + 2)  # "Glory to Ukraine!": the closing salute of an address names its country
    for i in sorted(candidates):
        tok = doc[i]
        nat = _owned_nationality(tok, index, nationalities, by_iso2)
        if nat is not None:  # "our Ukrainian cities" says whose side the speaker is on more than any place
            votes[nat.iso3] += _OWNED_WEIGHT
            names[nat.iso3] = nat.country
    for place in index.places:
        nat = by_iso2.get(place.country or "")
        if nat is not None and place.precision not in ("country", None):  # the towns and regions the speech is about
            votes[nat.iso3] += 1
            names.setdefault(nat.iso3, nat.country)
    if not votes:
        return Voice(speaker.strip())
    (best, n), *rest = votes.most_common(2) + [("", 0)]
    # a speaker who says "our Crimea" once and "our Ukrainian cities" often is Ukraine's; a tie says nothing
    if n < _OWNED_WEIGHT or n < 2 * rest[0][1]:
        return Voice(speaker.strip())
    return Voice(speaker.strip(), best, names[best])


def _owned_nationality(tok: Token, index: DocIndex, nationalities: dict[str, Nationality],
                       by_iso2: dict[str, Nationality]) -> Nationality | None:
    """The country a token claims as the speaker's own: "our Ukrainian cities", "our Odesa", "Ukrainians!"."""
    if tok.lower_ in nationalities and tok.text[:1].isupper():
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        opens = all(t.is_punct for t in tok.doc[tok.sent.start:tok.i])  # "**Ukrainians!**" in bold too
        if tok.tag_ in ("NNPS", "NNS") and nxt is not None and nxt.text == "!" and opens:
            return nationalities[tok.lower_]  # the vocative that opens an address: "Ukrainians!"
        if tok.i > 0 and tok.nbor(-1).lower_ == "fellow":
            return nationalities[tok.lower_]  # "Good health to you, fellow Ukrainians"
    if tok.i >= 2 and tok.nbor(-1).lower_ == "to" and tok.nbor(-2).lower_ == "glory":
        place = index.place_at(tok)
        return by_iso2.get(place.country) if place is not None and place.precision == "country" and place.country \
            else None
    if not any(c.dep_ == "poss" and c.lower_ == "our" for c in tok.children):
        return None
    for mod in (c for c in tok.children if c.dep_ in ("amod", "compound")):
        if mod.lower_ in nationalities and mod.text[:1].isupper():
            return nationalities[mod.lower_]
    if tok.lower_ in nationalities and tok.text[:1].isupper():
        return nationalities[tok.lower_]
    place = index.place_at(tok)
    if place is not None and place.country:
        return by_iso2.get(place.country)
    return None


# taking ground back and holding it: in a wartime address these are the acts of the speaker's side
OWN_SIDE_LEMMAS = frozenset({"liberate", "liberation", "de-occupy", "deoccupy", "de-occupation", "deoccupation",
                              "retake", "recapture", "counteroffensive", "counterattack", "counter-offensive",
                              "repel", "defend", "defence", "defense", "resist", "resistance"})
# fighting, battles and war have two sides: nothing says whose they are
MUTUAL_LEMMAS = frozenset({"fight", "fighting", "battle", "clash", "combat", "war", "hostility", "hostilities",
                            "confrontation", "skirmish"})
_SIDED_TYPES = frozenset({"ASSAULT", "COERCE"})
# coercion by rule rather than by force: no side follows from the speech
_OWN_RULES = frozenset({"ban", "curfew", "censor"})


def side_lemma(token: Token) -> str:
    """The trigger's lemma with a split-off 'de-' restored ('de-occupied' is the opposite of 'occupied')."""
    lemma = lemma_of(token)
    if token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ == "de":
        return "de-" + lemma
    return lemma


def sided_actor(lemma: str, event_type: str, place_country: str | None, voice: Voice | None,
                cues: RoleCues, mode: str | None = None) -> ActorRef | None:
    """The side a wartime address means when it names no doer: the adversary attacks, the speaker's country liberates.

    Only for armed events outside quotes (the caller checks), never for mutual words ("fighting"), and never
    when the event happens in the adversary's own country (whose side struck there the speech must say).
    """
    if voice is None or event_type not in _SIDED_TYPES or lemma in MUTUAL_LEMMAS:
        return None
    if voice.adversary is None:
        # "To liberate all our cities": a liberation is the speech's own side even when its enemy goes unnamed
        own = lemma in OWN_SIDE_LEMMAS and voice.iso3 and voice.country
        return ActorRef(voice.country, None, None, voice.iso3, "MIL", True) if own else None
    if event_type == "COERCE" and mode in _OWN_RULES:
        return None  # a ban, a curfew or censorship in an address is as often the speaker's own government's
    adversary_iso3, adversary_name = voice.adversary
    nat = cues.nationality_by_iso2.get(place_country or "")
    if nat is not None and nat.iso3 == adversary_iso3:
        return None
    if lemma in OWN_SIDE_LEMMAS:  # whose liberation it is needs the speech's own country
        return ActorRef(voice.country, None, None, voice.iso3, "MIL", True) if voice.iso3 and voice.country else None
    return ActorRef(adversary_name, None, None, adversary_iso3, "MIL", True)


# what a speech's own side does with others: with no doer written, and its "we" or "I" just before, it is theirs
_COOPERATIVE = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_STATE_NOUNS = frozenset({"negotiation", "agreement", "treaty", "accord", "deal", "cooperation"})


def first_person_doer(token: Token, event_type: str, mode: str | None, voice: Voice | None,
                      index: DocIndex) -> ActorRef | None:
    """'We spoke with Trudeau. This agreement was reached in negotiations with Mr. Trudeau': in an address, a
    talk or agreement with no doer, right after the speech's "I" or "we" acts, is the speaker's or the country's."""
    # a visit comes to the speech's side: "this visit demonstrates support for our state" is a guest's
    if voice is None or event_type not in _COOPERATIVE or mode == "visit" or index.in_quote(token):
        return None
    if token.pos_ != "NOUN" and not any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return None  # a verb the parser gave no first-person subject has another doer ("grateful ... by visiting")
    if any(index.entity_at(c) is not None for c in token.children if c.dep_ in ("compound", "poss", "amod", "nmod")):
        return None  # "the G7 summit", "the EU's meeting": the phrase says whose it is
    clauses = [token.sent]
    while len(clauses) < 3 and clauses[-1].start > 0:  # this sentence and the two before it
        clauses.append(token.doc[clauses[-1].start - 1].sent)
    for clause in clauses:
        # active subjects only: "I was offered help" is the speaker being offered, not offering
        subjects = [t for t in clause if t.dep_ == "nsubj" and not index.in_quote(t)
                    and (t.lower_ in ("i", "we")  # "better for me to leave": 'me' is no doer's subject
                         or any(c.dep_ == "poss" and c.lower_ == "our" for c in t.children))]
        if subjects:
            plural = subjects[-1].lower_ not in _SINGULAR or lemma_of(token) in _STATE_NOUNS
            name = voice.name_for("we" if plural else "i") or voice.speaker
            return ActorRef(name, None, None, voice.iso3, None, True)
    return None
