"""Roles: the actor and recipients of a trigger from the dependency parse, linked to entities."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Token

from sitrep.events.context import DocIndex, contents_of, lemma_of, prep_object
from sitrep.events.people import names_people
from sitrep.events.subjects import headline_passive, inherited_subject, reduced_passive
from sitrep.events.triggers import carrier_of, event_theme
from sitrep.tables import Nationality

_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
NP_DEPS = frozenset({"det", "compound", "amod", "poss", "nmod", "nummod", "flat", "case"})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday".split())
# "a series of calls", "a wave of strikes": nouns that count events (the event noun is their 'of' object)
SERIES_NOUNS = frozenset({"series", "wave", "number", "round", "string", "spate", "flurry", "set", "lot"})
# dependencies that keep us inside one noun phrase when climbing to an implicit actor
_NP_CLIMB_DEPS = frozenset({"pobj", "prep", "amod", "acomp", "appos", "compound"})


# event types whose nouns take the one who undergoes them as possessive ("his arrest"); on the others ("its
# demand", "his visit", "their withdrawal") the possessive is the doer
_PATIENT_TYPES = frozenset({"ASSAULT", "COERCE", "CONCEDE", ""})


@dataclass(frozen=True)
class RoleCues:
    """Word lists from event_roles.tsv that steer role finding."""

    recipient_preps: frozenset[str]
    actor_preps: frozenset[str]
    place_preps: frozenset[str]
    participant_verbs: frozenset[str]
    light_verbs: frozenset[str]
    control_nouns: frozenset[str]
    plural_pronouns: frozenset[str]
    nationalities: dict[str, Nationality]
    indirect_types: frozenset[str] = frozenset()
    territory_nouns: frozenset[str] = frozenset()
    complement_types: frozenset[str] = frozenset()
    armed_nouns: frozenset[str] = frozenset()
    relational_types: frozenset[str] = frozenset()  # types whose toponym object is a recipient, not a place
    settlement_nouns: frozenset[str] = frozenset()
    topic_verbs: frozenset[str] = frozenset()  # 'discussed X with Y': X is the topic, Y the recipient
    ceded_verbs: frozenset[str] = frozenset()  # 'Raqqa fell to X': X is the actor, Raqqa the place
    weapon_nouns: frozenset[str] = frozenset()  # 'Russian missiles hit X': a weapon is never the doer
    hostile_nouns: frozenset[str] = frozenset()  # 'the occupiers': the side a speech's country fights
    aggression_nouns: frozenset[str] = frozenset()  # 'Russian aggression', 'Russia's war': who wages it is a side
    object_nouns: frozenset[str] = frozenset()  # 'shelled a city', 'his car': things acted on, not parties
    capacity_nouns: frozenset[str] = frozenset()  # 'the ability to cooperate': a capacity, no occurrence
    abstract_nouns: frozenset[str] = frozenset()  # 'hatred will strike', 'storms threaten': figures of speech
    people_nouns: frozenset[str] = frozenset()  # 'a man', 'the mob', role words: common nouns that can do an armed act
    force_nouns: frozenset[str] = frozenset()  # 'a killer bee attack', 'a shark attack': animals and natural forces
    material_nouns: frozenset[str] = frozenset()  # 'sent howitzers', 'gave 500 million euros': what aid consists of
    accident_nouns: frozenset[str] = frozenset()  # 'killed in a crash', 'injured from electrical shock': no doer
    trade_nouns: frozenset[str] = frozenset()  # 'tariffs', 'trade war': a war word beside them is a figure

    @cached_property
    def nationality_by_iso2(self) -> dict[str, Nationality]:
        """The nationality of each ISO-2 country code (places carry ISO-2, actors ISO-3)."""
        return {n.iso2: n for n in self.nationalities.values() if n.iso2}


@dataclass(frozen=True)
class Roles:
    """Who did it and to whom, as tokens of the parse (before linking to entities)."""

    actors: tuple[Token, ...]
    recipients: tuple[Token, ...]
    theme: Token | None


def find_roles(trigger: Token, cues: RoleCues, index: DocIndex, object_words: frozenset[str] = frozenset(),
               event_type: str = "") -> Roles:
    """Actor and recipient tokens of a verbal or nominal trigger, coordination expanded.

    `object_words` are objects that belong to the trigger itself ("expressed gratitude"): the recipient
    is then found under that object ("gratitude for the military's service" -> the military).
    """
    if trigger.pos_ == "VERB" and lemma_of(trigger) in cues.ceded_verbs:
        actor, recipient, theme = prep_object(trigger, frozenset({"to"})), None, _subject(trigger)
    elif trigger.pos_ == "VERB":
        actor, recipient, theme = _verbal_roles(trigger, cues)
    elif trigger.pos_ == "AUX":  # "Russia said that Sudan must return...": Russia demands, of Sudan
        actor = next((c for a in trigger.head.ancestors for c in a.children if c.dep_ in _SUBJECT_DEPS), None)
        recipient = next((c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        theme = None
    elif trigger.pos_ == "ADJ":  # "Norway is willing to send material": the copula's subject
        actor = next((c for c in trigger.head.children if c.dep_ in _SUBJECT_DEPS), None)
        recipient, theme = None, None
    else:
        actor, recipient, theme = _nominal_roles(trigger, cues, event_type)
        doer_of = lemma_of(trigger) in DOER_OF_NOUNS or (lemma_of(trigger) in _GATHERING_NOUNS and actor is None)
        if doer_of and theme is not None and theme.pos_ in ("PROPN", "NOUN") \
                and (index.entity_at(theme) is not None or names_people(theme, cues)):
            # "the mediation of the UN and the ICRC": both mediate, neither is acted on
            actor, recipient, theme = theme, (None if recipient in (theme, *theme.conjuncts) else recipient), None
        elif event_type in _SELF_MOVING_TYPES and actor is None and theme is not None \
                and (index.entity_at(theme) is not None or names_people(theme, cues)):
            # "the withdrawal of Serbian forces": who withdraws is the 'of' object, not whom it is done to
            actor, recipient, theme = theme, (recipient if recipient is not theme else None), None
    if trigger.pos_ == "VERB" and lemma_of(trigger) in cues.topic_verbs:
        # "discussed sanctions with Macron": the object is the topic; only "with" names who took part
        return Roles(_with_conjuncts(actor), _with_conjuncts(prep_object(trigger, frozenset({"with", "between"}))), None)
    if recipient is None and theme is not None and event_type == "AID":
        # "provided Kyiv with batteries": a party given to is the object; "sent tanks to Ukraine": the thing is
        if index.place_at(theme) is not None or index.entity_at(theme) is not None or names_people(theme, cues):
            recipient = theme
        else:
            recipient = _dative(trigger) or prep_object(trigger, frozenset({"to", "for"}))
            theme = None
    if theme is not None and theme.lemma_.lower() in object_words:
        # "expelled 60 Russian diplomats": whose diplomats they are is who the sanction hits
        owner = _dative(trigger) or _beneficiary_of(theme, cues) or nationality_modifier(theme, cues)
        # "the Nazis were expelled": with no owner named, the people themselves are acted on
        recipient = owner or (theme if names_people(theme, cues) or theme.ent_type_ == "NORP" else None)
        theme = None
    if recipient is None and theme is not None and event_type in cues.indirect_types and _is_abstract(theme, index) \
            and not names_people(theme, cues):  # "urged residents to leave": people asked are the recipient
        recipient = _dative(trigger) or _actor_inside(theme, index, cues) or prep_object(trigger, cues.recipient_preps)
    elif recipient is None and theme is not None and (index.place_at(theme) is None or _names_country(theme, cues)
                                                      or event_type in cues.relational_types):
        recipient = theme  # "backed Moscow": a capital named as the object of a relation stands for its government
    if trigger.pos_ == "VERB" and (recipient is None or recipient.lemma_.lower() in object_words
                                   or any(g.lemma_.lower() in object_words for g in contents_of([recipient]))):
        # "agreed on sanctions against Russia": the row's own prepositional object says whom it is aimed at
        recipient = next((r for p in trigger.children if p.dep_ == "prep"
                          for g in (*p.children, *contents_of([c for c in p.children if c.dep_ == "pobj"]))
                          if g.dep_ == "pobj" and g.lemma_.lower() in object_words
                          for r in (prep_object(g, frozenset({"against", "on"}), deps=("prep",)),) if r is not None),
                         recipient)
    if recipient is not None and is_time(recipient):
        recipient = None  # "vowed on Friday to fight the U.S.": a day is no party, so look further
    if recipient is None and event_type in cues.indirect_types:
        recipient = _dative(trigger)
    if recipient is None and event_type in cues.complement_types:
        recipient = _subject_of_complement(trigger)
    if recipient is None and event_type == "THREATEN" and trigger.pos_ == "VERB":
        recipient = _target_of_threatened_act(trigger, index)
    if recipient is not None and is_time(recipient):
        recipient = None
    return Roles(_with_conjuncts(actor), _with_conjuncts(recipient), theme)


# types whose event nouns take their doer in an 'of' phrase ("the retreat of the army", "the surrender of the rebels")
_SELF_MOVING_TYPES = frozenset({"RETREAT"})
# event nouns whose 'of' object is who does it: "with the mediation of the UN and the ICRC"
DOER_OF_NOUNS = frozenset({"mediation", "intervention", "visit", "arrival", "participation"})
# "the meeting of the G7 finance ministers": with no one else holding it, who meets is the 'of' object
_GATHERING_NOUNS = frozenset({"meeting", "summit", "session", "conference"})


def _subject(verb: Token) -> Token | None:
    """The verb's own subject, active or passive."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _dative(verb: Token) -> Token | None:
    """The indirect object: 'gave the Ivory Coast 5 million dollars'."""
    return next((c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN")), None)


def _is_abstract(noun: Token, index: DocIndex) -> bool:
    """A common noun that names no actor ('the withdrawal', 'calls', 'support')."""
    return noun.pos_ == "NOUN" and index.entity_at(noun) is None and noun.ent_type_ not in ("NORP", "GPE", "ORG")


def _actor_inside(noun: Token, index: DocIndex, cues: RoleCues) -> Token | None:
    """The first named actor or proper noun inside a noun phrase ('calls by Kofi Annan', 'withdrawal of Serbian forces')."""
    for tok in noun.subtree:
        place = index.place_at(tok)
        if tok.i != noun.i and (index.entity_at(tok) or tok.pos_ == "PROPN") and tok.dep_ in ("pobj", "poss", "compound") \
                and (place is None or _names_country(tok, cues) or place.feature in ("PPLC", "PPLG")):
            return tok  # a capital stands for its government: "declined Cairo's bid"
    for tok in noun.subtree:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "from", "by") and tok.pos_ == "NOUN":
            return tok
    return None


def _subject_of_complement(verb: Token) -> Token | None:
    """'demanded that the United States match...' -> the United States."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _target_of_threatened_act(verb: Token, index: DocIndex) -> Token | None:
    """'China vowed to fight the U.S.', 'threatened to strike Kyiv': whom the promised act is aimed at."""
    for child in verb.children:
        # the parser hangs the promised act as xcomp, or as an infinitive advcl after a dateline or a time
        infinitive = child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        if (child.dep_ == "xcomp" or infinitive) and child.pos_ == "VERB":
            target = next((c for c in child.children if c.dep_ in ("dobj", "obj")), None)
            if target is not None and (index.entity_at(target) is not None or index.place_at(target) is not None):
                return target
    return None


def _names_country(token: Token, cues: RoleCues) -> bool:
    """True when a toponym names a country, which can act ('attacked Israel')."""
    nat = cues.nationalities.get(token.lower_)
    return nat is not None and nat.country.lower() == token.lower_


def is_time(token: Token) -> bool:
    """Dates and times are never recipients ('on Wednesday')."""
    return token.ent_type_ in ("DATE", "TIME") or token.lower_ in _WEEKDAYS


def _beneficiary_of(noun: Token, cues: RoleCues) -> Token | None:
    """'gratitude for the military's service' -> military; 'support to Ukraine' -> Ukraine."""
    target = prep_object(noun, cues.recipient_preps | {"for"})
    if target is None:
        return None
    owner = next((c for c in target.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    return owner or target


def _verbal_roles(verb: Token, cues: RoleCues) -> tuple[Token | None, Token | None, Token | None]:
    """Active: subject acts on object; passive: 'by' object acts on the subject."""
    reduced = reduced_passive(verb)
    headline = headline_passive(verb)
    passive = reduced or headline is not None or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    actor = None
    if passive:
        actor = prep_object(verb, cues.actor_preps, deps=("agent", "prep"))
    else:
        actor = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None) or inherited_subject(verb)
    theme = event_theme(verb)
    recipient = prep_object(verb, cues.recipient_preps) if theme is None else None
    if reduced and theme is None and recipient is None:
        recipient = verb.head  # "a soldier killed in Syria by Isis": the noun the participle describes underwent it
    if headline is not None and theme is None and recipient is None:
        recipient = headline
    return actor, recipient, theme


# bodies that wage what a compound names ("the coalition fighting", "a government offensive")
_WAGING_BODIES = frozenset({"coalition", "government", "regime", "alliance", "junta", "militia", "army", "military"})


def _armed_modifier(noun: Token, cues: RoleCues) -> Token | None:
    """'the Saudi-led coalition fighting in Yemen', 'a rebel attack': an armed body modifying an event noun wages it."""
    for mod in (c for c in noun.children if (c.dep_ == "compound" and c.pos_ == "NOUN") or c.dep_ == "amod"):
        lemma = mod.lemma_.lower()
        if lemma in cues.armed_nouns or lemma in cues.hostile_nouns or lemma in _WAGING_BODIES:
            return mod
    return None


def _carrier_owner(noun: Token, cues: RoleCues) -> Token | None:
    """'the Saudis' bombing campaign': the event a carrier noun names is done by the carrier's owner."""
    carrier = carrier_of(noun)
    if carrier is None:
        return None
    owner = next((c for c in carrier.children if c.dep_ == "poss" and c.pos_ != "PRON" and not is_time(c)), None)
    return owner or nationality_modifier(carrier, cues) or prep_object(carrier, cues.actor_preps)


def _nominal_roles(noun: Token, cues: RoleCues, event_type: str = "") -> tuple[Token | None, Token | None, Token | None]:
    """'Russia's capture of X', 'the capture of X by Y', 'a call with X', 'Russian shelling of X'."""
    # "today's strikes", "Monday's attack": a time possessive says when, not who
    actor = next((c for c in noun.children if c.dep_ == "poss" and not is_time(c)), None)
    actor = actor or prep_object(noun, cues.actor_preps)
    if actor is None:
        actor = nationality_modifier(noun, cues)
    if actor is not None and actor.pos_ == "PRON" and actor.lower_ in ("its", "their", "his", "her") \
            and event_type in _PATIENT_TYPES:
        actor = None  # "his arrest", "their release", "its capture": on these the possessive is who undergoes it
    actor = actor or _light_verb_subject(noun, cues) or _gerund_controller(noun) or _carrier_owner(noun, cues) \
        or _armed_modifier(noun, cues) or culpable_party(noun)
    if actor is None and event_type == "ASSAULT":
        actor = _fired_from(noun, cues)
    if actor is None and noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        actor = _nominal_roles(noun.head, cues, event_type)[0]  # "Russian shelling and assault of X": both Russian
    theme = event_theme(noun)
    recipient = prep_object(noun, cues.recipient_preps - {"to"} if theme is not None else cues.recipient_preps)
    if recipient is None:  # "held talks today with a delegation": the parser hangs "with" on the light verb
        verb = _light_verb_of(noun, cues)
        recipient = prep_object(verb, cues.recipient_preps - {"on", "at"}) if verb is not None else None
    if recipient is None and (carrier := carrier_of(noun)) is not None:
        recipient = prep_object(carrier, cues.recipient_preps - {"to"})  # "the negotiation process with Russia"
    if recipient is None:
        recipient = _participant_in_relative(noun, cues)
    if recipient is None:
        recipient = _casualty_of(noun)
    return actor, recipient, theme


# verbs by which a sentence names who an attack hit ("X died from an air strike", "were wounded in the blast")
_SUFFERED = frozenset({"die", "kill", "wound", "injure", "hurt", "maim"})


def _casualty_of(noun: Token) -> Token | None:
    """'Sapilo ... died from an air strike', 'five were wounded in the blast': the people the attack noun hit."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "from", "by", "during", "after"):
        return None
    verb = noun.head.head
    if verb.pos_ != "VERB" or lemma_of(verb) not in _SUFFERED:
        return None
    if lemma_of(verb) != "die" and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None  # "a gunman killed seven in the attack": the subject is the doer
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "nobody was killed in the strike": the strike hit no one the sentence names
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "conj" and verb.head.i != verb.i:  # "who neutralized ... and died from"
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and (subject.lower_ in ("nobody", "none", "no-one") or any(
            c.dep_ == "det" and c.lower_ == "no" for c in subject.children)):
        return None  # "No civilians were killed in the strike"
    return subject


def nationality_modifier(noun: Token, cues: RoleCues) -> Token | None:
    """'Russian shelling', 'Russian missile strikes': a nationality on the noun or on its compound modifier."""
    for mod in (c for c in noun.children if c.dep_ in ("amod", "compound")):
        for cand in (mod, *(g for g in mod.children if g.dep_ in ("amod", "compound"))):
            if cand.lower_ in cues.nationalities and cand.text[:1].isupper():
                return cand
    return None


# verbs whose subject suffers or undergoes what the -ing noun beside them names ("died in the shooting")
_UNDERGOING_VERBS = frozenset({"die", "kill", "wound", "injure", "hurt", "suffer", "lose", "flee", "hide", "survive",
                               "be", "become", "remain", "escape", "witness", "see", "hear", "watch"})


# verbs and nouns that hold someone to account for an act: "charged with murder", "on trial for murder"
_CHARGING_VERBS = frozenset({"charge", "convict", "accuse", "suspect", "indict", "arrest", "jail", "sentence",
                             "prosecute", "try", "detain", "blame", "fine", "punish"})


def culpable_party(noun: Token) -> Token | None:
    """Who an act is laid on: 'Russia is responsible for the attack', 'claimed responsibility for the bombing',
    'three men were charged with murder', 'pleaded not guilty to murder', 'the defendants are on trial for murder'."""
    if noun.dep_ != "pobj" or noun.head.head.i == noun.head.i:
        return None
    prep, governor = noun.head, noun.head.head
    word = lemma_of(governor)
    if word == "responsible" and prep.lower_ == "for":
        if governor.dep_ == "acomp":
            return _subject(governor.head)  # "Russia is most likely responsible for the attack"
        if governor.dep_ in ("oprd", "xcomp", "ccomp") and governor.head.i != governor.i:
            return next((c for c in governor.head.children if c.dep_ in ("dobj", "obj")), None)  # "held Russia responsible"
        return None
    if word == "responsibility" and prep.lower_ == "for" and governor.head.pos_ == "VERB":
        return _subject(governor.head)  # "the group claimed responsibility for the bombing"
    if word in _CHARGING_VERBS and governor.pos_ == "VERB" and prep.lower_ in ("with", "of", "for"):
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in governor.children) or reduced_passive(governor):
            return _subject(governor) or (governor.head if reduced_passive(governor) else None)
        return next((c for c in governor.children if c.dep_ in ("dobj", "obj")), None)  # "police charged two men"
    if word == "plead" and prep.lower_ == "to":
        return _subject(governor)  # "pleaded guilty to murder"
    if word == "guilty" and prep.lower_ in ("to", "of") and governor.head.i != governor.i:
        return _subject(governor.head)  # "have pleaded not guilty to murder", "was found guilty of murder"
    if word == "trial" and prep.lower_ == "for" and governor.head.lower_ == "on" and governor.head.head.i != governor.i:
        return _subject(governor.head.head)  # "the three defendants are on trial for murder"
    return None


def _fired_from(noun: Token, cues: RoleCues) -> Token | None:
    """'caught in a hail of gunfire from two masked men': the people fire comes from fired it (not a place)."""
    holders = [noun]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        holders.append(noun.head.head)  # "a hail of gunfire from two masked men"
    for c in (c for h in holders for c in h.children):
        if c.dep_ == "prep" and c.lower_ == "from":
            source = next((g for g in c.children if g.dep_ == "pobj"), None)
            if source is not None and names_people(source, cues):
                return source
    return None


def _gerund_controller(noun: Token) -> Token | None:
    """'the prince has spent this week meeting with leaders': an -ing noun with its own complement is done by the clause's subject."""
    if not noun.lower_.endswith("ing") or noun.dep_ != "pobj":
        return None
    if not any(c.dep_ in ("dobj", "obj") or (c.dep_ == "prep" and c.lower_ != "of") for c in noun.children):
        return None  # "the shooting of their pastor" is a noun; "meeting with leaders" is still a verb at heart
    verb = noun.head.head
    if verb.pos_ != "VERB" or lemma_of(verb) in _UNDERGOING_VERBS \
            or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)


def _light_verb_subject(noun: Token, cues: RoleCues) -> Token | None:
    """The subject of 'held talks', 'engaged in a series of calls', 'launched an attack'."""
    node = noun
    # climb 'a series of X', 'in X' to the verb that governs the noun phrase
    while node.dep_ == "pobj" and node.head.head.i != node.head.i:
        prep = node.head
        if prep.lower_ == "of" and lemma_of(prep.head) in SERIES_NOUNS:
            node = prep.head
        elif prep.head.pos_ == "VERB" or (prep.lower_ == "in" and prep.head.lemma_ == "be"):
            node = prep  # "held talks", "are in talks"
            break
        elif prep.lower_ == "in" and prep.head.lemma_ == "part" and prep.head.dep_ in ("dobj", "obj") \
                and lemma_of(prep.head.head) == "take":
            node = prep.head  # "took part in a meeting", parsed with "in" on "part"
            break
        else:
            return None
    verb = node.head
    being_in = node.dep_ == "prep" and node.lower_ == "in" and verb.lemma_ == "be"
    # "Ukraine took part in a meeting": who takes part holds it with the others
    being_in = being_in or (lemma_of(verb) == "take" and any(
        c.dep_ in ("dobj", "obj") and c.lemma_ == "part" for c in verb.children))
    if not being_in and (verb.pos_ != "VERB" or lemma_of(verb) not in cues.light_verbs
                         or node.dep_ not in ("dobj", "prep", "obj")):
        return None
    return next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None) or inherited_subject(verb)


def _light_verb_of(noun: Token, cues: RoleCues) -> Token | None:
    """The light verb whose object the event noun is ('held talks'), if any."""
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and head.pos_ == "VERB" and lemma_of(head) in cues.light_verbs:
        return head
    return None


def _participant_in_relative(noun: Token, cues: RoleCues) -> Token | None:
    """'The conversation, which included Colonel Denis Pyrogov' adds Pyrogov as a participant."""
    for child in noun.children:
        if child.dep_ == "relcl" and lemma_of(child) in cues.participant_verbs:
            return next((c for c in child.children if c.dep_ in ("dobj", "obj")), None)
    return None


def _with_conjuncts(token: Token | None) -> tuple[Token, ...]:
    """The token and every member coordinated with it ('A and B' -> A, B)."""
    if token is None:
        return ()
    return (token, *(c for c in token.conjuncts if c.i > token.i))


def implicit_actor_in_phrase(trigger: Token, index: DocIndex) -> Token | None:
    """The named actor a nominal event hangs from inside one noun phrase ('a unit central to the capture')."""
    node = trigger
    for _ in range(8):
        if node.dep_ not in _NP_CLIMB_DEPS or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX") or (node.dep_ == "prep" and node.lower_ in _CIRCUMSTANTIAL_PREPS):
            return None  # "died at home during the shelling": a time or place of someone else's life, not a part
        if node.i != trigger.i and node.pos_ in ("NOUN", "PROPN") and index.entity_at(node):
            return node
    return None


_CIRCUMSTANTIAL_PREPS = frozenset({"during", "at", "in", "on", "after", "before", "since", "amid", "until", "despite",
                                   "near", "from", "by", "with"})


def controlling_country(place_token: Token, cues: RoleCues) -> Nationality | None:
    """'Sevsk, a strategic settlement now under Russian control' -> the nationality that holds it."""
    for appos in (c for c in place_token.children if c.dep_ == "appos"):
        for tok in appos.subtree:
            if tok.lemma_.lower() in cues.control_nouns and tok.head.lower_ == "under":
                for mod in tok.children:
                    nat = cues.nationalities.get(mod.lower_)
                    if mod.dep_ in ("amod", "compound") and nat:
                        return nat
    return None
