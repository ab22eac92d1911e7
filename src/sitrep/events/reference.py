"""Reference: what a pronoun, a relative word or a bare description in an event's role points back to.

A news sentence names its doer once and then says "they", "who", "the army". This module finds the
earlier words each of those stands for, in this order of trust:

- a pronoun inside what someone says is that speaker when number and kind agree ("The rebels deny
  they are negotiating", "Russia said it would retaliate");
- otherwise the nearest earlier mention of the right kind: a person for he/she, a group, unit,
  organisation or state for they/them, or a plural subject that can act ("the occupiers ... They");
- a relative word ("who", "which") is the noun phrase it follows ("Varya from Kropyvnytskyi who gave");
- a bare description ("the army", "the ministry") is the named entity with that head word that the
  article gave before ("the Syrian army", "Russia's Defence Ministry").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from sitrep.events.context import DocIndex, lemma_of
from sitrep.events.people import names_people
from sitrep.records import Mention

if TYPE_CHECKING:
    from sitrep.events.roles import RoleCues

# how far back (characters) a pronoun may point to an entity mention or a plural subject
_REACH = 400
_PERSON_REACH = 1200
# the gender a person must not have for this pronoun to stand for them
_OPPOSITE = {"he": "f", "him": "f", "his": "f", "she": "m", "her": "m", "hers": "m"}
_PERSONAL = frozenset({"he", "she", "him", "her", "his"})
_SAYING = frozenset({"say", "tell", "deny", "claim", "insist", "state", "announce", "add", "warn", "report",
                     "confirm", "believe", "think", "argue", "accuse", "admit", "vow", "promise", "threaten"})
# descriptions that the article usually names in full once ("the Syrian army ... the army")
_DESCRIPTIVE_HEADS = frozenset({"army", "military", "ministry", "police", "government", "coalition", "militia",
                                "navy", "force", "forces", "troops", "group", "movement", "regime", "authorities",
                                "department", "service", "office", "committee", "council", "agency", "party"})
_PLURAL_KINDS = ("GROUP", "MILITARY_UNIT", "ORG", "GPE_ACTOR")
_GROUP_KINDS = ("GROUP", "MILITARY_UNIT", "GPE_ACTOR")


def resolve_pronoun(token: Token, cues: "RoleCues", index: DocIndex) -> Token | None:
    """The words a third-person pronoun stands for: its speaker, else the nearest earlier mention of its kind."""
    lower = token.lower_
    bound = _speaker_of_clause(token, index, cues)
    if bound is not None:
        return bound
    if lower in ("it", "its"):
        return _earlier_subject(token, index)
    if lower in cues.plural_pronouns:
        wanted: tuple[str, ...] = _PLURAL_KINDS
    elif lower in _PERSONAL:
        wanted = ("PERSON",)
    else:
        return None
    best = _nearest_mention(token, wanted, index, _REACH)
    if best is None and wanted == ("PERSON",):
        # a person stays the topic for longer than a group does ("He urged them" a paragraph later), but only
        # when no other person was named in between to compete for "he"
        best = _nearest_mention(token, wanted, index, _PERSON_REACH, sole=True)
    if lower in cues.plural_pronouns:
        # an organisation is usually "it": "they" prefers groups, units and plural nouns, then organisations
        best = _nearest_mention(token, _GROUP_KINDS, index, _REACH)
        subject = _earlier_plural_subject(token, cues)
        if subject is not None and (best is None or subject.idx > best[0]):
            return subject  # "The occupiers came at night. They destroyed schools": the nearer plural subject
        best = best or _nearest_mention(token, ("ORG",), index, _REACH)
    return best[1] if best is not None else None


def _nearest_mention(token: Token, wanted: tuple[str, ...], index: DocIndex, reach: int,
                     sole: bool = False) -> tuple[int, Token] | None:
    """The latest entity mention of the wanted kinds that ends within `reach` characters before the token.

    `sole`: only when every such mention in reach belongs to one entity.
    """
    best: tuple[int, Mention] | None = None
    owners = set()
    other = _OPPOSITE.get(token.lower_)
    for ent in index.entities:
        if ent.type not in wanted or (other is not None and index.genders.get(ent.id) == other):
            continue  # "Griffin added she ... why he would shoot": he is not Griffin
        for m in ent.mentions:
            if m.end <= token.idx and token.idx - m.end < reach:
                owners.add(ent.id)
                if best is None or m.start > best[0]:
                    best = (m.start, m)
    if best is None or (sole and len(owners) != 1):
        return None
    root = mention_root(best[1], index)
    return (best[0], root) if root is not None else None


def mention_root(mention: Mention, index: DocIndex) -> Token | None:
    """The head token of an entity mention, or None when its characters do not align with the parse."""
    span = index.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


def _agrees(pronoun: Token, antecedent: Token, index: DocIndex) -> bool:
    """Whether number and kind let a pronoun stand for a noun: they/them for groups, he/she for persons, it for states."""
    found = index.entity_at(antecedent)
    kind = found[0].type if found is not None else None
    lower = pronoun.lower_
    if lower in _PERSONAL:
        return kind == "PERSON"
    if lower in ("it", "its"):
        return kind not in ("PERSON", "GROUP") and antecedent.tag_ in ("NN", "NNP") and (
            kind is not None or antecedent.pos_ == "PROPN" or index.place_at(antecedent) is not None
            or antecedent.lemma_.lower() in _DESCRIPTIVE_HEADS)
    return kind in _PLURAL_KINDS or antecedent.tag_ in ("NNS", "NNPS")


def _speaker_of_clause(pronoun: Token, index: DocIndex, cues: "RoleCues") -> Token | None:
    """'The rebels deny they are negotiating', 'Russia said it would ...': a pronoun in what X says is X."""
    lower = pronoun.lower_
    if lower not in cues.plural_pronouns and lower not in _PERSONAL and lower not in ("it", "its"):
        return None
    node, own_clause = pronoun, pronoun.head
    for _ in range(6):  # climb to the clause that a verb of saying governs
        if node.head.i == node.i:
            return None
        child, node = node, node.head
        if child.dep_ == "ccomp" and node.pos_ == "VERB" and lemma_of(node) in _SAYING:
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.pos_ == "PRON" or subject.i > pronoun.i:
                return None
            return subject if _agrees(pronoun, subject, index) else None
        if node.i != own_clause.i and child.dep_ != "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            # "Griffin added she didn't know why he would shoot": a clause with its own subject between
            # the pronoun and the saying verb makes that subject, not the speaker, the nearer candidate
            return None
    return None


def _earlier_plural_subject(pronoun: Token, cues: "RoleCues") -> Token | None:
    """The nearest earlier plural noun that can act ('the occupiers', 'the rebels'), this or the last sentence.

    For 'they' it must have been an active subject ("229 children were killed. They can't ..." does not make the
    victims the doers); 'them' and 'their' may point back to a direct object too ("they met the elders and urged
    them") or to whom one spoke ("speaking to the elders"); another oblique object is too often a third party
    ("operations against terrorists") to count.
    """
    doc = pronoun.doc
    first = pronoun.sent.start
    if first > 0:
        first = doc[first - 1].sent.start
    deps = ("nsubj",) if pronoun.lower_ == "they" else ("nsubj", "dobj")
    for tok in reversed(doc[first: pronoun.i]):
        # "Speaking to the local tribal elders, he said ... He urged them": whom one speaks to or meets is an
        # addressee, unlike the third party of "operations against terrorists"
        addressed = pronoun.lower_ != "they" and tok.dep_ == "pobj" and tok.head.lower_ in ("to", "with")
        # the tagger often leaves "-men" plurals singular ("our servicemen", "gunmen")
        plural = tok.tag_ in ("NNS", "NNPS") or (tok.tag_ == "NN" and tok.lower_.endswith("men"))
        if (tok.dep_ in deps or addressed) and plural and pronoun.idx - tok.idx < _REACH \
                and names_people(tok, cues):
            return tok
    return None


def relative_antecedent(pronoun: Token) -> Token:
    """'journalist Vira Gyrych who was killed', 'Varya from Kropyvnytskyi who gave': the noun phrase 'who' follows."""
    if pronoun.lower_ in ("who", "whom") and pronoun.i > 0:
        before = pronoun.doc[pronoun.i - 1]
        before = pronoun.doc[pronoun.i - 2] if before.is_punct and pronoun.i > 1 else before
        if before.pos_ in ("PROPN", "NOUN"):
            # a "from"/"of" phrase describes the person before it: the person is who acts
            # ("the first picture of the soldier who was killed" keeps the soldier: only a place is climbed over)
            while before.dep_ == "pobj" and before.head.dep_ == "prep" and before.head.lower_ in ("from", "of", "in") \
                    and (before.head.lower_ == "from" or before.ent_type_ in ("GPE", "LOC", "FAC")) \
                    and before.head.head.pos_ in ("PROPN", "NOUN") and before.head.head.i < before.i:
                before = before.head.head
            return before
    return _described(pronoun.head.head)


def _described(noun: Token) -> Token:
    """'Russia ... by being the only country that has not ratified': who a predicate noun describes, else the noun."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return noun
    copula = noun.head
    subject = next((c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and copula.dep_ in ("pcomp", "advcl", "xcomp") and copula.head.i != copula.i:
        clause = copula.head.head if copula.dep_ == "pcomp" else copula.head
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None and subject.pos_ in ("PROPN", "NOUN") else noun


def _earlier_subject(token: Token, index: DocIndex) -> Token | None:
    """'Syria says it is willing': the nearest earlier named subject, in this sentence or the two before."""
    doc = index.doc
    first = token.sent.start
    for _ in range(2):  # widen to the previous sentences: "The ministry said... It added..."
        if first > 0:
            first = doc[first - 1].sent.start
    for tok in reversed(doc[first: token.i]):
        if tok.dep_ in ("nsubj", "nsubjpass") and _can_be_it(tok, index):
            return tok
    return None


def _can_be_it(token: Token, index: DocIndex) -> bool:
    """A singular named actor that 'it' can stand for: an organisation, a state, a unit; never a person."""
    found = index.entity_at(token)
    if found is not None:
        return found[0].type not in ("PERSON", "GROUP")
    place = index.place_at(token)
    if place is not None:
        return place.precision == "country"
    return token.pos_ == "PROPN" and token.tag_ != "NNPS" and token.ent_type_ not in ("PERSON", "NORP")


def named_description(token: Token, index: DocIndex) -> Token | None:
    """'the army' after 'the Syrian army': the latest earlier named entity whose name ends in the same head word;
    'the suspect' when the article names one person as the suspect ('suspect Paul Floyd', 'identified as Floyd')."""
    if token.pos_ != "NOUN" or index.entity_at(token) is not None:
        return None
    lemma = token.lemma_.lower()
    if lemma in _PERSON_ROLES and not any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in token.children):
        person = _person_in_role(frozenset({lemma}), index)
        if person is None and lemma in _PERPETRATOR_ROLES:
            # "the attacker" after "the suspect, identified as Paul Floyd": one doer, whichever word names him
            person = _person_in_role(_PERPETRATOR_ROLES, index)
        if person is not None or lemma not in _POLICE_WORDS:
            return person
    if (lemma in _POLICE_WORDS or token.lower_ in _POLICE_WORDS) and not any(
            c.dep_ in ("compound", "amod", "poss") and c.lower_ not in _POLICE_WORDS for c in token.children):
        return one_police_force(index)  # "police officers"; "Task Force officers" say which officers they are
    if lemma not in _DESCRIPTIVE_HEADS and token.lower_ not in _DESCRIPTIVE_HEADS:
        return None
    det = next((c for c in token.children if c.dep_ == "det"), None)
    such = any(c.lower_ == "such" for c in token.children)  # "such an army is fighting against us"
    if det is not None and det.lower_ not in ("the", "such", "this", "that", "these", "those") and not such:
        return None  # "an army", "a ministry": a new referent
    if lemma in _ARMED_HEADS and any(c.lower_ in _STATE_WORDS for c in token.children):
        return _one_state_force(token, index)  # "government forces" after "the Syrian army"
    if any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in token.children):
        return None  # "the Russian army", "his ministry": the phrase says whose it is
    best = None
    for ent in index.entities:
        if ent.type == "PERSON":
            continue
        for m in ent.mentions:
            words = m.text.lower().split()
            if m.end <= token.idx and len(words) > 1 and words[-1] in (lemma, token.lower_) \
                    and (best is None or m.start > best.start):
                best = m
    if best is None:
        return None
    return mention_root(best, index)


def titled_person(token: Token, index: DocIndex) -> Token | None:
    """'the President' after 'President Donald Trump', 'the COAS' after 'Chief of Army Staff (COAS) General Qamar
    Javed Bajwa': the one person the article gave that title before. None when two people share it."""
    if token.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    owner = index.entity_at(token)
    if owner is not None and (owner[0].type == "PERSON" or len(owner[1].text.split()) > 1):
        return None  # "the Kremlin", "the Defence Ministry": a body's own name
    if any(c.dep_ in ("amod", "compound", "poss", "nmod") or (c.dep_ == "prep" and c.lower_ == "of")
           for c in token.children):
        return None  # "the Russian President", "the President of France": the phrase says which one
    words = {token.lower_, token.lemma_.lower()}
    found: dict[str, Mention] = {}
    for ent in index.entities:
        earlier = [m for m in ent.mentions if m.end <= token.idx] if ent.type == "PERSON" else []
        if not earlier:
            continue
        titles = set(f"{ent.role or ''} {ent.rank or ''}".lower().split())
        for m in earlier:
            titles |= _title_before(m, index)
        if words & titles:
            found[ent.id] = earlier[-1]
    return mention_root(next(iter(found.values())), index) if len(found) == 1 else None


def _title_before(mention: Mention, index: DocIndex) -> set[str]:
    """The title words written just before a person's name: 'Chief of Army Staff (COAS) General' before 'Bajwa'."""
    span = index.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return set()
    words: set[str] = set()
    # not bounded by the parser's sentence: it often ends one at the ')' of "Chief of Army Staff (COAS) General"
    for tok in reversed(index.doc[max(span.start - 8, 0):span.start]):
        # "Chief of Army Staff (COAS), General Qamar Javed Bajwa": a comma only right after the bracketed acronym
        bracketed_comma = tok.text == "," and tok.i > 0 and tok.doc[tok.i - 1].text == ")"
        if not (tok.pos_ == "PROPN" or tok.text in ("(", ")") or tok.lower_ == "of" or tok.is_title or bracketed_comma):
            break
        words.add(tok.lower_)
    return words


def named_perpetrator(token: Token, index: DocIndex) -> Token | None:
    """'a man allegedly attacked a car' in a story that names one suspect ('the suspect, identified as Paul
    Francis Floyd'): the doer the story introduces as 'a man' is the one it later names."""
    if token.lemma_.lower() not in _SOMEONE or index.entity_at(token) is not None:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
        return None
    return _person_in_role(_PERPETRATOR_ROLES, index)


_SOMEONE = frozenset({"man", "woman", "person", "individual", "youth", "teenager", "driver"})


# words for the one who did it: an article that names one person in any of them means that person by all of them
_PERPETRATOR_ROLES = frozenset({"suspect", "gunman", "attacker", "shooter", "assailant", "bomber", "killer",
                                "perpetrator", "culprit", "hijacker"})


# the one-person roles of crime and conflict reporting, which an article names once ("the suspect, Paul Floyd")
_PERSON_ROLES = frozenset({"suspect", "gunman", "attacker", "shooter", "assailant", "bomber", "killer", "hijacker",
                           "perpetrator", "culprit", "driver", "victim",
                           # titles: "the crown prince" after "Crown Prince Mohammed bin Salman", when he is the only one
                           "prince", "president", "minister", "king", "queen", "chancellor", "premier", "governor",
                           "mayor", "sheriff", "spokesman", "spokeswoman", "ambassador", "commander", "general",
                           # people an article names by an identification ("the soldier ... confirmed as Matt Tonroe")
                           "soldier", "officer", "man", "woman", "journalist", "pilot", "sergeant"})
_NAMING_VERBS = frozenset({"identify", "name", "confirm"})


def _person_in_role(roles: frozenset[str], index: DocIndex) -> Token | None:
    """The one person the article names in one of these roles: 'suspect Paul Floyd', 'Floyd, the suspect', 'the
    suspect, who has been identified as Floyd'. None when no person, or more than one, is named so."""
    found: dict[str, Token] = {}
    for tok in index.doc:
        if tok.lemma_.lower() not in roles:
            continue
        candidates = [c for c in tok.children if c.dep_ in ("appos", "compound")]
        candidates += [tok.head] if tok.dep_ in ("appos", "compound") else []
        naming = [c for c in tok.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in _NAMING_VERBS]
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in _NAMING_VERBS:
            naming.append(tok.head)  # "Hero crack soldier killed in Syria confirmed as Matt Tonroe"
        for rel in naming:
            candidates += [g for p in rel.children if p.dep_ == "prep" and p.lower_ == "as"
                           for g in p.children if g.dep_ == "pobj"]
        for cand in candidates + [j for c in candidates for j in c.conjuncts]:  # "identified as X and Y": two
            owner = index.entity_at(cand)
            if owner is not None and owner[0].type == "PERSON":
                found[owner[0].id] = cand
    return next(iter(found.values())) if len(found) == 1 else None


# common words for a police force's people; the article usually names the force once ("Beverly Hills Police Department")
_POLICE_WORDS = frozenset({"police", "officer", "officers", "detective", "detectives", "deputy", "deputies", "trooper",
                           "troopers", "policeman", "policemen"})
_POLICE_NAMES = ("police", "sheriff", "constabulary", "gendarmerie", "militsiya", "politsiya")


def one_police_force(index: DocIndex) -> Token | None:
    """The one police force the article names ('Beverly Hills Police Department'), for 'police officers'."""
    forces = [e for e in index.entities if e.type in ("ORG", "GROUP", "MILITARY_UNIT") and len(e.text.split()) > 1
              and any(w in e.text.lower() for w in _POLICE_NAMES)]
    if len(forces) != 1 or not forces[0].mentions:
        return None
    return mention_root(forces[0].mentions[0], index)


_ARMED_HEADS = frozenset({"force", "forces", "troop", "troops", "army", "military", "soldier", "soldiers"})
_STATE_WORDS = frozenset({"government", "regime", "state", "pro-government", "government-led"})


def _one_state_force(token: Token, index: DocIndex) -> Token | None:
    """'government forces', 'regime troops': the one state army the article named before ('the Syrian army')."""
    found: dict[str, Mention] = {}
    for ent in index.entities:
        if ent.sector != "MIL" or not ent.country or len(ent.text.split()) < 2:
            continue
        if ent.text.lower().split()[-1] not in _ARMED_HEADS:
            continue
        earlier = [m for m in ent.mentions if m.end <= token.idx]
        if earlier:
            found[ent.country] = earlier[-1]
    if len(found) != 1:
        return None  # two states' armies named: "government forces" could be either
    return mention_root(next(iter(found.values())), index)
