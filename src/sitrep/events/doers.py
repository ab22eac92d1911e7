"""Who can be an event's doer: weapons, towns and descriptions of the enemy stand for someone else, or for no one."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from sitrep.events.context import DocIndex, counted, is_dateline
from sitrep.events.reference import named_perpetrator, relative_antecedent, resolve_pronoun
from sitrep.events.people import names_people
from sitrep.events.parties import actor_ref, token_words, words_at
from sitrep.events.roles import RoleCues
from sitrep.events.subjects import NON_REFERRING
from sitrep.records import ActorRef

# places that stand for a government when they do something ("Kyiv launched", "Moscow denied"), and
# continents that stand for their states ("Europe was forced to support")
_METONYMIC_FEATURES = frozenset({"PPLC", "PPLG", "CONT"})


def doer_ref(token: Token, cues: RoleCues, index: DocIndex) -> ActorRef | None:
    """The actor a subject token stands for, or None when it cannot be a doer (a weapon, a town, a war)."""
    token = counted(token)
    if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
        token = relative_antecedent(token)  # "the war, which ... to destroy": the war's rules apply to 'which'
    if token.pos_ == "PRON" and token.lower_ in cues.plural_pronouns and not index.in_quote(token):
        antecedent = resolve_pronoun(token, cues, index)
        if antecedent is not None and antecedent.lemma_.lower() in cues.hostile_nouns:
            token = antecedent  # "The occupiers came. They even destroyed schools": the enemy's rules apply to 'they'
    lemma = token.lemma_.lower()
    if lemma in cues.weapon_nouns:
        return _weapon_user(token, cues, index)
    if lemma in cues.aggression_nouns and index.entity_at(token) is None:
        return _waged_by(token, cues, index)
    place = index.place_at(token)
    if place is not None and index.entity_at(token) is None and place.precision not in ("country", None) \
            and token.tag_ != "NNPS" \
            and place.feature not in _METONYMIC_FEATURES:
        return None  # "Bucha captured", "Kropyvnytskyi gave": a town or region does nothing ("the South Ossetians" do)
    if (culprit := named_perpetrator(token, index)) is not None:
        return actor_ref(culprit, cues, index, implicit=True)  # "a man attacked the car" ... "suspect Paul Floyd"
    ref = actor_ref(token, cues, index)
    if lemma in cues.hostile_nouns and ref.country is None and (named := _named_side(token, cues)) is not None:
        return ActorRef(named.country, None, ref.words, named.iso3, "MIL", True)  # "the Russian occupiers ... occupiers"
    if lemma in cues.hostile_nouns and ref.country is None and index.voice is not None \
            and index.voice.adversary is not None and not index.in_quote(token):
        iso3, country = index.voice.adversary
        return ActorRef(country, None, ref.words, iso3, "MIL", True)
    return ref


def can_act(token: Token, material: bool, cues: RoleCues, index: DocIndex) -> bool:
    """Whether a subject can be a doer: never a bare number ('18 wounded'); for armed acts, no lifeless thing.

    Named entities, places, pronouns, nationalities, weapons (their users act), and common nouns for people
    (`people_noun` rows, the roles table, agent nouns such as 'attacker' or 'terrorist') can act.
    """
    token = counted(token)
    if is_dateline(token):
        return False  # "BAGHDAD — A car bomb exploded": where the story was filed, not who acted
    if token.like_num or token.pos_ == "NUM" or token.lower_ in NON_REFERRING or not any(c.isalpha() for c in token.text):
        return False
    lemma = token.lemma_.lower()
    if lemma in cues.object_nouns and index.entity_at(token) is None and index.place_at(token) is None:
        return False  # "evacuated by the humanitarian corridor", "the car struck": a thing is a means, not a doer
    if token.tag_ in ("WDT", "WP") and token.head.dep_ != "relcl":
        return False  # "Which is behind the door, but ... fighting": a relative word with nothing to point back to
    if token.pos_ != "NOUN" or index.entity_at(token) is not None or index.place_at(token) is not None:
        return True
    if not material:  # "'Our schedule has a trip", "the political initiative expelling": papers and plans do nothing
        return lemma not in _PAPERS and lemma not in cues.abstract_nouns and lemma not in cues.force_nouns
    return lemma in cues.weapon_nouns or names_people(token, cues)


# documents, plans and schedules: what people write or decide, never who acts
_PAPERS = frozenset({"schedule", "initiative", "report", "statement", "document", "letter", "plan", "programme",
                     "program", "agenda", "article", "study", "survey", "poll", "text", "draft", "law", "bill",
                     "decree", "resolution", "agreement", "deal", "treaty", "memorandum", "proposal", "list",
                     "budget", "strategy", "policy", "measure", "package", "move", "decision", "step", "sanction", "tariff",
                     "embargo"})


def _named_side(token: Token, cues: RoleCues):
    """The one nationality the article gives this enemy word elsewhere ('the Russian occupiers'), if only one."""
    lemma = token.lemma_.lower()
    found = {cues.nationalities[m.lower_].iso3: cues.nationalities[m.lower_] for t in token.doc
             if t.lemma_.lower() == lemma for m in t.children
             if m.dep_ in ("amod", "compound") and m.lower_ in cues.nationalities and m.text[:1].isupper()}
    return next(iter(found.values())) if len(found) == 1 else None


def _waged_by(token: Token, cues: RoleCues, index: DocIndex) -> ActorRef | None:
    """'the brutal Russian war destroyed', 'Russia's aggression': a war is no doer, whoever wages it is."""
    owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if owner is not None:
        return actor_ref(owner, cues, index, implicit=True)
    return _country_on(token, cues, index, sector=None)


def _weapon_user(token: Token, cues: RoleCues, index: DocIndex) -> ActorRef | None:
    """'Russian missiles', 'a missile fired by Russian forces': the country or unit that used the weapon."""
    for child in token.children:
        if child.dep_ == "acl":  # "missiles launched by X"
            agent = next((a for c in child.children if c.dep_ == "agent" for a in c.children if a.dep_ == "pobj"), None)
            if agent is not None and agent.lemma_.lower() not in cues.weapon_nouns:
                return actor_ref(agent, cues, index, implicit=True)
    named = _country_on(token, cues, index, sector="MIL")
    if named is not None:
        return named
    voice = index.voice
    owned = any(c.dep_ == "poss" for c in token.children)
    if voice is None or voice.adversary is None or owned or index.in_quote(token):
        return None
    # in a wartime address, strikes that the speaker does not claim as "ours" are the other side's
    iso3, country = voice.adversary
    return ActorRef(country, None, token_words(token, index), iso3, "MIL", True)


def _country_on(token: Token, cues: RoleCues, index: DocIndex, sector: str | None) -> ActorRef | None:
    """The country a nationality word on the noun names ('Russian missiles', 'the brutal Russian war'), with the
    noun phrase as its words."""
    nat = next((cues.nationalities[m.lower_] for m in token.lefts
                if m.dep_ in ("amod", "compound", "nmod") and m.lower_ in cues.nationalities and m.text[:1].isupper()),
               None)
    if nat is None:
        return None
    start = min(t.idx for t in token.subtree if t.i <= token.i and t.dep_ != "det")
    return ActorRef(nat.country, None, words_at(index, start, token.idx + len(token.text)), nat.iso3, sector, True)


def adversary(doc: Doc, own_iso3: str | None, cues: RoleCues) -> tuple[str, str] | None:
    """The foreign side whose troops, weapons and war the text names most ('Russian troops', 'Russia's aggression')."""
    votes: Counter[str] = Counter()
    names: dict[str, str] = {}
    armed = cues.armed_nouns | cues.weapon_nouns | cues.hostile_nouns | cues.aggression_nouns
    # each nationality word that modifies an armed, hostile or aggression noun after it is one vote
    for mod in doc:
        if mod.dep_ not in ("amod", "compound", "nmod", "poss") or mod.head.i <= mod.i or not mod.text[:1].isupper():
            continue
        nat = cues.nationalities.get(mod.lower_)
        tok = mod.head
        if nat is None or nat.iso3 == own_iso3 or (tok.lemma_.lower() not in armed and tok.lower_ not in armed):
            continue
        votes[nat.iso3] += 1
        names[nat.iso3] = nat.country
    ranked = votes.most_common(2) + [("", 0), ("", 0)]
    (best, n), (_, second) = ranked[0], ranked[1]
    return (best, names[best]) if n >= 2 and n >= 2 * second else None


_EXPEL = frozenset({"expel", "expulsion", "expulsions"})


def understood_side(trigger: Token, event_type: str, cues: RoleCues, index: DocIndex) -> ActorRef | None:
    """The state a sentence leaves understood: who deploys 'Egyptian troops were stationed', who expels 'from Britain'.

    Troops are deployed by their own country; diplomats are expelled by the country they are expelled from.
    """
    lemma = trigger.lemma_.lower()
    if lemma in _EXPEL or trigger.lower_ in _EXPEL:
        for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "from"):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                place = index.place_at(obj)
                nat = cues.nationality_by_iso2.get(place.country or "") if place is not None else None
                if nat is not None and (place.precision == "country" or place.feature in _METONYMIC_FEATURES):
                    return ActorRef(nat.country, None, token_words(obj, index), nat.iso3, "GOV", True)
        return None
    if event_type != "MOBILIZE" or not any(c.dep_ == "auxpass" for c in trigger.children) \
            or any(c.dep_ == "agent" for c in trigger.children):
        return None
    subject = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lemma_.lower() not in cues.armed_nouns:
        return None
    nat = next((cues.nationalities[m.lower_] for m in subject.children
                if m.dep_ in ("amod", "compound") and m.lower_ in cues.nationalities and m.text[:1].isupper()), None)
    if nat is None:
        return None
    return ActorRef(nat.country, None, token_words(subject, index), nat.iso3, "MIL", True)
