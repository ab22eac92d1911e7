"""Parties: which role token is a party at all, and the ActorRef (name, entity, country, words) it stands for.

`roles.py` reads the parse for who acts and who is acted on; this module turns those tokens into records:
a thing stands for its owner ("her arm", "Cairo's bid") or for no one, a pronoun for what it points back to,
a description for the entity named before, a nationality for its country.
"""
from __future__ import annotations

from spacy.tokens import Token

from sitrep.events.context import DocIndex, is_dateline, prep_object
from sitrep.events.people import names_people
from sitrep.events.reference import named_description, relative_antecedent, resolve_pronoun, titled_person
from sitrep.events.roles import FIRST_PERSON, NP_DEPS, RoleCues, is_time, nationality_modifier
from sitrep.events.subjects import NON_REFERRING
from sitrep.nlp import doc_text
from sitrep.records import ActorRef, Evidence

# quantifiers that stand alone as objects ("each had been shot", "urged all to leave") and name no one
_QUANTIFIER_WORDS = frozenset({"each", "all", "both", "some", "many", "most", "few", "several", "none", "any", "one"})

# nouns of circumstance that a preposition attaches to a verb without naming a party
_CIRCUMSTANCES = frozenset({"occasion", "eve", "anniversary", "behalf", "basis", "level", "part", "word", "words",
                            "heart", "help", "condition", "term", "sideline", "sidelines", "margin", "margins",
                            "time", "moment", "way", "end"})


def party_acted_on(token: Token, cues: RoleCues, index: DocIndex) -> Token | None:
    """The party a role token stands for: itself, or for a thing or weapon its owner ('her arm', 'Russian tanks', 'positions of X').

    A bare thing ('shelled a city', 'a temporary camp') is no party, so the event has no recipient.
    """
    lemma = token.lemma_.lower()
    if is_dateline(token):
        return None  # "MOSCOW — Russia's membership ...": the dateline is no party
    described = any(c.dep_ == "relcl" for c in token.children)  # "urged all who have reason to believe ..."
    if lemma in NON_REFERRING or lemma in _CIRCUMSTANCES or (token.lower_ in _QUANTIFIER_WORDS and not described):
        return None  # "What do we offer?", "on the occasion of Infantry Day", "at all levels", "each had been shot"
    if index.entity_at(token) is not None or index.place_at(token) is not None or token.pos_ in ("PROPN", "PRON") \
            or names_people(token, cues) or token.like_num:  # "arrested 14": a number of people
        return token  # a named party, a toponym (place or government: decided later), a pronoun, people
    owner = next((c for c in token.children if c.dep_ == "poss" and not is_time(c)), None)
    if owner is not None and owner.lower_ in ("our", "my") and not index.in_quote(owner) \
            and (index.voice is None or not index.voice.country):
        owner = None  # "our territory" in a speech whose country is unknown names nobody
    owner = owner or nationality_modifier(token, cues) or next(
        (c for c in token.children if c.dep_ == "compound" and index.entity_at(c) is not None
         and index.place_at(c) is None), None)  # "visited NATO headquarters": NATO
    if owner is None:
        of = prep_object(token, frozenset({"of"}), deps=("prep",))
        owner = party_acted_on(of, cues, index) if of is not None and of.pos_ in ("NOUN", "PROPN") else None
    return owner


def actor_ref(token: Token, cues: RoleCues, index: DocIndex, implicit: bool = False) -> ActorRef:
    """An ActorRef for a role token: the entity it names, else its noun phrase with a country if written."""
    if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
        return actor_ref(relative_antecedent(token), cues, index, implicit)
    if token.pos_ == "PRON":
        speaker = index.quote_speaker(token) if token.lower_ in FIRST_PERSON else None
        if speaker is not None:  # "I" and "we" inside a quote are its speaker (and the speaker's side)
            return ActorRef(speaker.text, speaker.id, token_words(token, index), speaker.country, speaker.sector, True)
        voiced = index.voice.name_for(token.lower_) if index.voice is not None and not index.in_quote(token) else None
        if voiced is not None:  # a speech's own "I" is its speaker, its "we" the country the speaker speaks for
            return ActorRef(voiced, None, token_words(token, index), index.voice.iso3, None, True)
        antecedent = resolve_pronoun(token, cues, index)
        if antecedent is not None:
            return actor_ref(antecedent, cues, index, implicit=True)
    owner = _pronoun_owner(token, cues, index)
    if owner is not None:  # "its troops", "their forces": the side the possessive points back to
        side = actor_ref(owner, cues, index, implicit=True)
        start, end = _noun_phrase(token)
        return ActorRef(side.text, side.entity_id, words_at(index, start, end), side.country, "MIL", True)
    titled = titled_person(token, index)
    if titled is not None:  # "the President" after "President Donald Trump"
        return actor_ref(titled, cues, index, implicit=True)
    found = index.entity_at(token) or _entity_in_apposition(token, index)
    if not found and (described := named_description(token, index)) is not None:
        return actor_ref(described, cues, index, implicit=True)  # "the army" after "the Syrian army"
    if found:
        ent, mention = found
        return ActorRef(ent.text, ent.id, Evidence(mention.start, mention.end, mention.text), ent.country, ent.sector,
                        implicit)
    nat = cues.nationalities.get(token.lower_) if token.pos_ == "ADJ" or token.dep_ in ("amod", "compound") else None
    if nat is not None and token.text[:1].isupper() and token.lower_ == nat.adjective.lower():
        # "Russian shelling": the adjective names the country, which is the actor's name
        return ActorRef(nat.country, None, token_words(token, index), nat.iso3, None, implicit)
    start, end = _noun_phrase(token)
    words = words_at(index, start, end)
    return ActorRef(words.text, None, words, _country_in_phrase(token, cues, index), None, implicit)


def _pronoun_owner(token: Token, cues: RoleCues, index: DocIndex) -> Token | None:
    """The antecedent of 'its'/'their' on an armed noun ('its troops'), when it can be resolved."""
    if token.lemma_.lower() not in cues.armed_nouns or index.entity_at(token) is not None:
        return None
    poss = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if poss is None or poss.lower_ not in ("its", "their"):
        return None
    owner = resolve_pronoun(poss, cues, index)
    return owner if owner is not None and owner.lemma_.lower() not in cues.armed_nouns else None


def words_at(index: DocIndex, start: int, end: int) -> Evidence:
    """The article's words at [start:end], as evidence for a role."""
    return Evidence(start, end, doc_text(index.doc)[start:end])


def token_words(token: Token, index: DocIndex) -> Evidence:
    """One token's words, as evidence for a role."""
    return words_at(index, token.idx, token.idx + len(token.text))


def _entity_in_apposition(token: Token, index: DocIndex):
    """'the commander, Colonel X': the entity in apposition to a common noun."""
    for child in token.children:
        if child.dep_ == "appos":
            found = index.entity_at(child)
            if found:
                return found
    return None


def _noun_phrase(token: Token) -> tuple[int, int]:
    """Char span of the token with its modifiers and an 'of' phrase ('Leaders of the X coalition'), no clauses."""
    left = [c for c in token.lefts if c.dep_ in NP_DEPS and c.dep_ != "det"]
    # "Now - 220 children": an adverb or a dash hanging off a number is not part of the phrase
    start = min([token.idx] + [t.idx for c in left for t in c.subtree
                               if t.i >= c.i or t.dep_ not in ("advmod", "punct", "cc")])
    end = token.idx + len(token.text)
    of = next((c for c in token.rights if c.dep_ == "prep" and (c.lower_ == "of" or (
        c.lower_ == "from" and any(g.pos_ == "PROPN" for g in c.subtree)))), None)  # "colleagues from the Slovak Parliament"
    if of is not None:
        for tok in of.subtree:  # "a delegation of US senators[, led by ...]": stop at a clause or comma
            if tok.is_punct or tok.dep_ in ("relcl", "acl", "appos", "cc") or tok.tag_ in ("WP", "WDT", "WRB"):
                break  # "Varya from Kropyvnytskyi who gave": the relative word opens a clause
            end = tok.idx + len(tok.text)
    return start, end


def _country_in_phrase(token: Token, cues: RoleCues, index: DocIndex) -> str | None:
    """The country a role phrase names: a nationality modifier or the country itself."""
    for tok in (token, *token.lefts):
        nat = cues.nationalities.get(tok.lower_)
        if nat:
            return nat.iso3
    place = index.place_at(token)
    if place is not None and place.country and (place.precision == "country" or place.feature in ("PPLC", "PPLG")):
        # a country, or its capital standing for its government ("Kyiv launched drones")
        nat = cues.nationality_by_iso2.get(place.country)
        return nat.iso3 if nat is not None else None
    voice = index.voice
    if voice is not None and any(t.dep_ == "poss" and t.lower_ == "our" for t in token.lefts) \
            and not index.in_quote(token):
        return voice.iso3  # "our defenders" in a president's address are that country's
    return None
