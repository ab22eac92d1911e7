"""Event place: the toponym attached to the trigger, else one in its clause or sentence, else none."""
from __future__ import annotations

from spacy.tokens import Token

from dataclasses import replace

from sitrep.events.context import DocIndex, is_dateline
from sitrep.events.roles import RoleCues
from sitrep.nlp import doc_text
from sitrep.records import Place, PlaceRef

# how sure we are of the place, by how it was attached
ATTACHED, CLAUSE, SENTENCE = 1.0, 0.85, 0.6


def event_places(trigger: Token, theme: Token | None, role_tokens: tuple[Token, ...], cues: RoleCues,
                 index: DocIndex) -> tuple[tuple[Place, ...], float]:
    """Places of one event (several when coordinated: 'in Sloviansk and Kramatorsk') and how sure we are."""
    if theme is not None and index.place_at(theme):
        return _coordinated_places(theme, index), ATTACHED
    for head in _attachment_points(trigger):
        found = _prep_places(head, cues.place_preps, index)
        if found:
            return found, ATTACHED if head.i == trigger.i else CLAUSE
        country = _national_territory(head, cues, index)
        if country is not None:
            return (country,), ATTACHED if head.i == trigger.i else CLAUSE
    appositive_host = _appositive_host(trigger)
    if appositive_host is not None:
        place = index.place_at(appositive_host)
        if place is not None:
            return (place,), CLAUSE
    nearest = _nearest_free_place(trigger, role_tokens, index)
    return ((nearest,), SENTENCE) if nearest is not None else ((), 0.0)


def place_ref(place: Place) -> PlaceRef:
    """A PlaceRef pointing at a Place record."""
    return PlaceRef(text=place.text, geonameid=place.geonameid, lat=place.lat, lon=place.lon,
                    start=place.start, end=place.end, name=place.name)


def _attachment_points(trigger: Token) -> list[Token]:
    """The trigger, then the verb a nominal trigger is subject or object of ('preparations are intensifying in X')."""
    points = [trigger]
    if trigger.pos_ != "VERB" and trigger.dep_ in ("nsubj", "nsubjpass", "dobj") and trigger.head.pos_ in ("VERB", "AUX"):
        points.append(trigger.head)
    return points


def _prep_places(head: Token, place_preps: frozenset[str], index: DocIndex) -> tuple[Place, ...]:
    """Places that are objects of place prepositions under `head`."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in place_preps:
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                if index.place_at(obj):
                    return _coordinated_places(obj, index)
    return ()


def _national_territory(head: Token, cues: RoleCues, index: DocIndex) -> Place | None:
    """'retreat from Russian territory' -> Russia, with the country's record when the article names it."""
    for child in head.children:
        if child.dep_ != "prep" or child.lower_ not in cues.place_preps:
            continue
        for obj in (g for g in child.children if g.dep_ == "pobj" and g.lemma_.lower() in cues.territory_nouns):
            nat = next((cues.nationalities[m.lower_] for m in obj.children
                        if m.dep_ in ("amod", "compound") and m.lower_ in cues.nationalities), None)
            if nat is None:
                continue
            start = min(t.idx for t in obj.subtree if t.dep_ != "det")
            end = obj.idx + len(obj.text)
            words = doc_text(head.doc)[start:end]
            named = next((p for p in index.places if p.text.lower() == nat.country.lower() and p.geonameid), None)
            if named is not None:
                return replace(named, text=words, start=start, end=end, name=named.name or nat.country)
            return Place(text=words, start=start, end=end, name=nat.country, country=nat.iso2 or None,
                         precision="country", matched_by="nationality")
    return None


def _coordinated_places(token: Token, index: DocIndex) -> tuple[Place, ...]:
    """The place at the token and every place coordinated with it."""
    found: list[Place] = []
    for tok in (token, *token.conjuncts):
        place = index.place_at(tok)
        if place is not None and place not in found:
            found.append(place)
    return tuple(sorted(found, key=lambda p: p.start))


def _appositive_host(trigger: Token) -> Token | None:
    """For a trigger inside an apposition ('Seversk, a settlement now under siege'), the word it describes."""
    node = trigger
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        if node.dep_ == "appos":
            return node.head
        node = node.head
    return None


def _nearest_free_place(trigger: Token, role_tokens: tuple[Token, ...], index: DocIndex) -> Place | None:
    """The sentence's place nearest the trigger, skipping places that describe a participant or act themselves.

    A place inside the actor's or recipient's apposition, relative clause or 'of' phrase describes that
    participant ('the commander of a unit central to the capture of X'); a place that is a subject
    acts ('France would provide'). Neither says where the event happened.
    """
    sent = trigger.sent
    owned = {t.i for role in role_tokens for t in _describing_tokens(role)}
    best: tuple[int, Place] | None = None
    for place in index.places_in(sent.start_char, sent.end_char):
        span = index.doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or any(t.i in owned for t in span) or trigger.i in range(span.start, span.end):
            continue
        found = index.entity_at(span.root)
        if is_dateline(span.root) or (found is not None and found[0].type == "PERSON"):
            continue  # "Garner was wounded": a surname the gazetteer also knows as a town
        if place.precision == "country" and not _located(span.root):
            continue  # "sanctions against the Russian Federation", "fight for Latvia": a party or a cause, not where
        if _origin_of_someone(span.root, index):
            continue  # "Master Sgt Dunbar of Austin, Texas", "Varya from Kropyvnytskyi": a home, not where it happened
        if _acts(span.root) or is_demonym(place, span.root):
            continue  # "some European countries": a demonym describes the noun, it does not say where
        if _in_a_name(span.root, index):
            continue  # "the European Council", "Commander Peshawar corps": part of a body's name
        if _under_another_predicate(span.root, trigger):
            continue  # "negotiations to save our people from Mariupol": the saving's place, not the talks'
        if any(a.lower_ in _TOPIC_WORDS for a in span.root.ancestors):
            continue  # "spoke about our integration into the EU": what was talked about, not where
        if _party_state(place, index):
            continue  # "Sen. Byron Dorgan, D-N.D.": a legislator's party and state

        distance = abs(place.start - trigger.idx)
        if best is None or distance < best[0]:
            best = (distance, place)
    return best[1] if best else None


_TOPIC_WORDS = frozenset({"about", "regarding", "concerning"})


def _party_state(place: Place, index: DocIndex) -> bool:
    """'Dorgan, D-N.D.', '(R-Texas)': the US convention that gives a legislator's party and home state."""
    text = doc_text(index.doc)
    before = text[max(place.start - 3, 0):place.start]
    return len(before) == 3 and before[1:] in ("D-", "R-", "I-") and before[0] in " (,"


# unit nouns a toponym names a formation with ("the Peshawar corps", "the Kyiv brigade")
_FORMATION_NOUNS = frozenset({"corps", "brigade", "division", "battalion", "regiment", "fleet", "garrison", "militia"})


def _in_a_name(root: Token, index: DocIndex) -> bool:
    """A toponym modifying a proper name that is no place, or a formation noun: it names a body, not a location."""
    if root.dep_ not in ("compound", "amod", "nmod") or root.head.i == root.i:
        return False
    head = root.head
    if head.pos_ == "PROPN" and index.place_at(head) is None and head.text[:1].isupper():
        return True
    return head.lemma_.lower() in _FORMATION_NOUNS or head.lower_ in _FORMATION_NOUNS


def _under_another_predicate(root: Token, trigger: Token) -> bool:
    """Whether a word hangs below the trigger through a verb of its own ('talks to save people from X')."""
    node, verbs = root, 0
    while node.head.i != node.i:
        node = node.head
        if node.i == trigger.i:
            return verbs > 0
        verbs += node.pos_ == "VERB"
    return False


_ORIGIN_NOUNS = frozenset({"man", "woman", "boy", "girl", "child", "resident", "native", "soldier", "sergeant", "officer",
                           "student", "teenager", "volunteer", "journalist", "father", "mother", "son", "daughter",
                           "husband", "wife", "veteran", "pensioner", "refugee", "people", "civilian", "citizen",
                           "inhabitant", "evacuee", "family", "defender"})


_DEMONYM_ENDINGS = ("an", "ans", "ean", "ish", "ese", "ic", "i", "ian")


def is_demonym(place: Place, root: Token) -> bool:
    """'European', 'Syrian': an adjective of a place rather than its name ('the Mariupol theatre' keeps Mariupol)."""
    if root.pos_ != "ADJ" and root.dep_ != "amod":
        return False
    text = place.text.lower()
    return text != (place.name or "").lower() and text.endswith(_DEMONYM_ENDINGS)


_LOCATIVE = frozenset({"in", "into", "inside", "across", "throughout", "near", "at", "within", "around", "over"})


def _located(token: Token) -> bool:
    """A country named as a location: the object of 'in', 'across', 'inside' ... ('attacks in Tunisia')."""
    node = token
    while node.dep_ in ("compound", "conj", "appos", "amod") and node.head.i != node.i:
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ in _LOCATIVE


def _origin_of_someone(token: Token, index: DocIndex) -> bool:
    """A place in an 'of'/'from' phrase on a named person or a person noun: where that person is from."""
    if token.dep_ in ("compound", "amod", "nmod") and _is_person(token.head, index):
        return True  # "a US serviceman": the person's country, not the event's place
    node = token
    while node.dep_ in ("compound", "conj", "appos") and node.head.i != node.i:
        node = node.head  # "Austin, Texas": the state hangs off the city
    if node.dep_ != "pobj" or node.head.lower_ not in ("of", "from"):
        return False
    person = node.head.head
    found = index.entity_at(person)
    if found is not None and found[0].type == "PERSON":
        return True
    return node.head.lower_ == "from" and _is_person(person, index)


def _is_person(token: Token, index: DocIndex) -> bool:
    """A named person or a common noun for one person ('girl', 'serviceman', 'soldier')."""
    found = index.entity_at(token)
    if found is not None:
        return found[0].type == "PERSON"
    lemma = token.lemma_.lower()
    if token.pos_ == "PROPN":
        return token.ent_type_ == "PERSON" or (index.place_at(token) is None and token.ent_type_ in ("", "PERSON"))
    return token.pos_ == "NOUN" and (lemma in _ORIGIN_NOUNS or lemma.endswith(("man", "woman")))


def _acts(token: Token) -> bool:
    """A subject or possessor, or a word coordinated with one ('Ukraine and Russia agreed'): it acts, it is not where."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ in ("nsubj", "nsubjpass", "poss")


def _describing_tokens(role: Token) -> list[Token]:
    """The role word and the phrases that describe it (apposition, relative clause, modifiers, 'of' phrase)."""
    tokens = [role]
    for child in role.children:
        if child.dep_ in ("appos", "relcl", "acl", "poss", "compound", "amod", "nmod") or \
                (child.dep_ == "prep" and child.lower_ == "of"):
            tokens.extend(child.subtree)
    return tokens
