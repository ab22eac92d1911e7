"""Event stage: PLOVER events with actor, recipient, place, date, modality and source chain.

Triggers come from a data table (event_triggers.tsv); roles from the dependency parse; discourse
rules (discourse.py) fill implicit actors and modes and fold repeated mentions of one event.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from collections.abc import Collection
from itertools import product

from spacy.tokens import Doc, Token

from sitrep import attribution
from sitrep.events.context import DocIndex, lemma_of
from sitrep.events.dates import DateResolver
from sitrep.events.discourse import Draft, armed_parties, resolve_discourse
from sitrep.events.modality import ModalityCues, embedded_modality, modality_of
from sitrep.events.ontology import PLOVER_TYPES, Ontology
from sitrep.events.folding import fold_matches, restated_by_verb
from sitrep.events.places import ATTACHED, CLAUSE, SENTENCE, event_places, place_ref
from sitrep.events.reference import one_police_force
from sitrep.events.participants import event_roles
from sitrep.events.salience import main_events
from sitrep.events.parties import actor_ref, party_acted_on
from sitrep.events.roles import RoleCues, controlling_country, implicit_actor_in_phrase
from sitrep.events.voice import first_person_doer, side_lemma, sided_actor, speech_voice
from sitrep.events.doers import adversary, can_act, doer_ref, understood_side
from sitrep.events.triggers import (TriggerMatch, TriggerRule, TriggerWords, event_holders, find_triggers, is_armed,
                                    load_trigger_rules)
from sitrep.records import ActorRef, Article, Attribution, Entity, Event, Evidence, Place, Quote
from sitrep.tables import load_tables, read_tsv

__all__ = ["EventLexicon", "extract_events", "main_events", "PLOVER_TYPES", "Ontology"]

# one trigger never fans out into more events than this (coordination of actors x recipients x places)
_MAX_FANOUT = 8
# confidence multipliers: how the actor was found
_ACTOR_FACTOR = {"entity": 1.0, "phrase": 0.9, "implicit": 0.8, "none": 0.75}
# an event inside another ("threatened to shell") is less likely to be what the sentence reports
_EMBEDDED_FACTOR = 0.7
# each clause or phrase boundary between the trigger and the sentence's main verb: news puts its event in the
# main clause ("Lebanon complained ... over two Israeli raids" is a complaint first)
_DEPTH_FACTOR = 0.87
_MAX_DEPTH = 4
_SAME_LEVEL_DEPS = frozenset({"conj", "ROOT"})
_MODALITY_FACTOR = {"asserted": 1.0, "hedged": 0.85, "future": 0.85, "hypothetical": 0.8, "negated": 0.9}


@dataclass(frozen=True)
class EventLexicon:
    """Everything the event stage reads from data: ontology, triggers, role, modality and date cues."""

    ontology: Ontology
    rules: dict[str, tuple[TriggerRule, ...]]
    roles: RoleCues
    modality: ModalityCues
    dates: DateResolver

    @classmethod
    def load(cls) -> "EventLexicon":
        """Load the ontology and every event table once."""
        ontology = Ontology.load()
        return cls(ontology, load_trigger_rules(ontology), _load_role_cues(), ModalityCues.load(), DateResolver.load())


def _load_role_cues() -> RoleCues:
    """Read event_roles.tsv and the nationality table (adjectives and country names)."""
    words: dict[str, set[str]] = {}
    for kind, word in read_tsv("event_roles.tsv"):
        words.setdefault(kind, set()).add(word.lower())
    tables = load_tables()
    nationalities = dict(tables.nationalities)
    for nat in list(nationalities.values()):
        nationalities.setdefault(nat.country.lower(), nat)
    get = lambda kind: frozenset(words.get(kind, ()))  # noqa: E731 - local shorthand
    return RoleCues(get("recipient_prep"), get("actor_prep"), get("place_prep"), get("participant_verb"),
                    get("light_verb"), get("control_noun"), get("pronoun_plural"), nationalities,
                    frozenset(w.upper() for w in words.get("indirect_type", ())), get("territory_noun"),
                    frozenset(w.upper() for w in words.get("complement_type", ())),
                    _armed_nouns(tables.roles), frozenset(w.upper() for w in words.get("relational_type", ())),
                    get("settlement_noun"), get("topic_verb"), get("ceded_verb"), get("weapon_noun"),
                    get("hostile_noun"), get("aggression_noun"), get("object_noun"),
                    get("capacity_noun"), get("abstract_noun"),
                    get("people_noun") | frozenset(w for w in tables.roles if " " not in w), get("force_noun"),
                    get("material_noun"), get("accident_noun"), get("trade_noun"))


def _armed_nouns(roles: dict[str, tuple[str, bool]]) -> frozenset[str]:
    """Role words of the military, rebel and police sectors ('troops', 'forces', 'militants'), with singulars."""
    words = {w for w, (sector, _) in roles.items() if sector in ("MIL", "REB", "COP") and " " not in w}
    return frozenset(words | {w[:-1] for w in words if w.endswith("s")})


def extract_events(doc: Doc, entities: tuple[Entity, ...], places: tuple[Place, ...],
                   attributions: tuple[Attribution, ...], article: Article, lexicon: EventLexicon,
                   quotes: tuple[Quote, ...] = ()) -> tuple[Event, ...]:
    """Extract PLOVER events from a parsed document, numbered V1, V2... in text order."""
    index = DocIndex.build(doc, entities, places, quotes)
    voice = speech_voice(doc, article.speaker, index, lexicon.roles)
    if voice is not None:
        voice = replace(voice, adversary=adversary(doc, voice.iso3, lexicon.roles))
    index = replace(index, voice=voice)
    drafts: list[Draft] = []
    cues = lexicon.roles
    matches = find_triggers(index, lexicon.rules, TriggerWords(cues.armed_nouns | cues.hostile_nouns, cues.settlement_nouns,
                                                                   cues.capacity_nouns,
                                                                   cues.abstract_nouns | cues.force_nouns, cues.force_nouns,
                                                                   cues.material_nouns, cues.people_nouns,
                                                                   cues.accident_nouns, cues.trade_nouns,
                                                                   cues.weapon_nouns))
    # "lifted the burn ban": the ban is what the lifting acts on, not an event of its own
    consumed = {c.i for m in matches for c in m.token.children
                if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _object_words(m.rule)}
    # "agree on sanctions" (SANCTION): the sanctions are what the agreeing is about, one event
    consumed |= {g.i for m in matches if m.rule.type for p in m.token.children if p.dep_ == "prep"
                 for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in _object_words(m.rule, "pobj")}
    consumed |= restated_by_verb(matches)
    folded = fold_matches([m for m in matches if m.token.i not in consumed])
    matches = [TriggerMatch(m.token, replace(m.rule, type="THREATEN", mode="ultimatum"))
               if m.token.i in folded.threats else m for m in folded.matches]
    trigger_types = {m.token.i: m.rule.type for m in matches}
    sentence_of = {sent.start: n for n, sent in enumerate(doc.sents)}
    for match in matches:
        drafts.extend(_drafts_for(match, index, attributions, article, lexicon, trigger_types, sentence_of,
                                  folded.absorbed_subjects.get(match.token.i), match.token.i in folded.threats))
    sided = voice is not None and voice.adversary is not None
    persons = frozenset(e.id for e in entities if e.type == "PERSON")
    drafts = resolve_discourse(drafts, lexicon.ontology, sided, armed_parties(entities), persons)
    drafts = _sided_actors(drafts, index, lexicon.roles)
    drafts.sort(key=lambda d: (d.event.trigger.start, d.order))
    return tuple(_numbered(d, i) for i, d in enumerate(drafts, 1))


def _drafts_for(match: TriggerMatch, index: DocIndex, attributions: tuple[Attribution, ...], article: Article,
                lexicon: EventLexicon, trigger_types: dict[int, str], sentence_of: dict[int, int],
                absorbed_subject: Token | None = None, conditional_threat: bool = False) -> list[Draft]:
    """One draft event per coordinated actor x recipient x place of a trigger."""
    token, rule = match.token, match.rule
    cues = lexicon.roles
    roles = event_roles(token, rule.type, rule.mode, _object_words(rule) | _object_words(rule, "pobj"), absorbed_subject,
                        cues, index)
    material = rule.type in _MATERIAL_TYPES
    actors: list[tuple[ActorRef | None, str]] = [(ref, _how(t, index)) for t in roles.actors
                                                  if can_act(t, material, cues, index)
                                                  and (ref := doer_ref(t, cues, index)) is not None]
    if not actors:
        actors = [_implicit_actor(token, roles.theme, rule, cues, index)]
    if actors[0][0] is None and (spoken := _diary_speaker(token, index) or _speaker_talks(token, rule, index)):
        actors = [(spoken, "implicit")]
    parties = [p for t in roles.recipients if (p := party_acted_on(t, cues, index)) is not None]
    if rule.type == "MOBILIZE":  # "stationed 3,000 troops in Poland": the force moved is the mover's own, no party
        parties = [p for p in parties if not is_armed(p, index, cues.armed_nouns)]
    # "declined Cairo's bid": the owner of what is acted on stands for its government, not for a location
    owners = {p.idx for p in parties if p.dep_ == "poss" or (rule.type == "AID" and _aided_state(p, index))}
    recipients = [ref for party in parties if not _unresolved((ref := actor_ref(party, cues, index)))] or [None]
    theme = None if rule.type in cues.relational_types else roles.theme
    found_places, place_conf = event_places(token, theme, roles.actors + roles.recipients, cues, index)
    if roles.places:
        found_places, place_conf = roles.places, ATTACHED
    recipients, found_places = _place_or_recipient(recipients, tuple(found_places),
                                                   rule.type in cues.relational_types, owners)
    found_places = _not_the_actor(tuple(found_places), [a for a, _ in actors])
    if place_conf <= SENTENCE:
        found_places = _not_a_party(found_places, [a for a, _ in actors] + recipients, cues)
    if conditional_threat and place_conf < CLAUSE:
        found_places = ()  # a conditional threat happens where it is made, not where the condition points
    if rule.mode == "deport":
        found_places = _not_the_destination(tuple(found_places), token)
    date, granularity = lexicon.dates.date_for(token, article.date)
    sent = token.sent
    sent_text = sent.text.rstrip()
    evidence = Evidence(sent.start_char, sent.start_char + len(sent_text), sent_text)
    trigger = Evidence(token.idx, token.idx + len(token.text), token.text)
    chain = tuple(attribution.chain_for_span(trigger.start, trigger.end, attributions, index.doc))
    modality, embedded = _modality(token, trigger, trigger_types, attributions, lexicon)
    if conditional_threat and modality == "hypothetical":
        modality = "asserted"  # "would shoot down ... if ...": the threat itself is made, only its execution is conditional
    # "would tighten the naval blockade": an event noun takes its commitment from the verb it is the object of
    clause = token.head if token.pos_ == "NOUN" and token.dep_ in ("dobj", "obj") and token.head.pos_ == "VERB" else token
    if rule.type in _PROMISABLE and _is_commitment(clause, modality, cooperative=True):
        rule = replace(rule, type="AGREE", mode=None)  # "Turkey will allow refugees to return": a commitment
    elif rule.type in _COERCIVE and _is_commitment(clause, modality) \
            and (rule.type in _STATED_COERCIVE or _announced(clause)):
        rule = replace(rule, type="THREATEN", mode=None)  # "Gbagbo announced he will extend the curfew": a threat
        modality = "asserted" if modality in ("future", "hypothetical") else modality  # the threat itself is made
    elif rule.type in _YIELDING and modality == "negated" and _refusal(clause):
        rule, modality = replace(rule, type="REJECT", mode=None), "asserted"  # "said it would not meet the demands"
    kind = lexicon.ontology.types[rule.type]
    depth = _clause_depth(token, cues)
    drafts = []
    combos = list(product(actors, recipients, found_places or [None]))[:_MAX_FANOUT]
    for order, ((actor, how), recipient, place) in enumerate(combos):
        if _same_party(actor, recipient):
            if any(r is not None and not _same_party(actor, r) for r in recipients):
                continue  # "negotiations with Russia and the evacuation of our heroes": the other recipient stands
            recipient = None  # "he threw a can at her": two pronouns resolved to one person, one of them wrongly
        confidence = rule.weight * _ACTOR_FACTOR[how] * _MODALITY_FACTOR[modality] * (0.9 + 0.1 * place_conf)
        confidence *= (_EMBEDDED_FACTOR if embedded else 1.0) * _DEPTH_FACTOR ** depth
        event = Event(id="", type=rule.type, evidence=evidence, trigger=trigger, mode=rule.mode,
                      cameo=lexicon.ontology.cameo_code(rule.type, rule.mode), quad_class=kind.quad_class,
                      goldstein=kind.score, actor=actor, recipient=recipient,
                      place=place_ref(place) if place else None, date=date, date_granularity=granularity,
                      modality=modality, attributed_to=chain, confidence=round(min(1.0, confidence), 3))
        drafts.append(Draft(event, token, order, sentence_of[sent.start], place is not None and place_conf >= CLAUSE))
    return drafts


def _place_or_recipient(recipients: list[ActorRef | None], places: tuple[Place, ...], relational: bool,
                        owners: Collection[int] = ()) -> tuple[list[ActorRef | None], tuple[Place, ...]]:
    """A toponym is a recipient or a place, never both: 'trips to Saipan, Guam' are places, 'backed Moscow' a recipient.

    `owners`: starts of possessors ("Cairo's bid"), which are always the recipient.
    """
    def overlaps(ref: ActorRef | None, place: Place) -> bool:
        # the toponym is the recipient's head (its last word): "20,000 Mariupol residents" keeps both
        return ref is not None and ref.words is not None and place.start < ref.words.end <= place.end

    both = [p for p in places if any(overlaps(r, p) for r in recipients)]
    if not both:
        return recipients, places
    if relational or any(p.start in owners for p in both):
        return recipients, tuple(p for p in places if p not in both)
    kept = [r for r in recipients if not any(overlaps(r, p) for p in both)]
    return kept or [None], places


def _aided_state(party: Token, index: DocIndex) -> bool:
    """'sent tanks to Ukraine', 'provide Kyiv with batteries': a country, or a toponym given to, receives the aid."""
    place = index.place_at(party)
    if place is None:
        return False
    return party.dep_ in ("dobj", "dative") or place.precision == "country" or (place.feature or "").startswith("PCL")


# pronouns that, left as written, name no party an analyst could use
_BARE = frozenset({"it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "you", "your", "those",
                   "these", "this", "that", "one", "who", "whom", "which"})


def _unresolved(ref: ActorRef) -> bool:
    """A recipient that is still a bare pronoun ('urged them', 'struck her') after reference resolution."""
    return ref.entity_id is None and ref.country is None and ref.text.lower() in _BARE


def _causer(trigger: Token) -> Token | None:
    """Who made a thing do it: the subject of 'cause' ('X caused glass to strike'), or of the clause 'causing' hangs on."""
    cause = trigger.head
    if trigger.dep_ not in ("ccomp", "xcomp") or cause.i == trigger.i or lemma_of(cause) != "cause":
        return None
    subject = next((c for c in cause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and cause.dep_ in ("advcl", "conj") and cause.head.i != cause.i:
        subject = next((c for c in cause.head.children if c.dep_ == "nsubj"), None)
    return subject


def _diary_speaker(trigger: Token, index: DocIndex) -> ActorRef | None:
    """'Thanked them for their service.', 'Met with the governors.': an address drops its "I" in a telegraphic report."""
    voice = index.voice
    if voice is None or index.in_quote(trigger) or trigger.tag_ != "VBD" or trigger.dep_ != "ROOT":
        return None
    first = next((t for t in trigger.sent if not t.is_punct and not t.is_space), None)
    if first is None or first.i != trigger.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in trigger.children):
        return None
    return ActorRef(voice.speaker, None, None, voice.iso3, None, True)


def _speaker_talks(noun: Token, rule: TriggerRule, index: DocIndex) -> ActorRef | None:
    """'these talks with the IMF Managing Director': in an address, talks with someone and no one else are the speaker's."""
    voice = index.voice
    if voice is None or rule.type != "CONSULT" or noun.pos_ != "NOUN" or index.in_quote(noun):
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "with" for h in event_holders(noun) for c in h.children):
        return None
    if lemma_of(noun) in _STATE_TALKS and voice.country:
        # "the negotiation process with Russia": a state's negotiating side, not the speaker in person
        return ActorRef(voice.country, None, None, voice.iso3, None, True)
    return ActorRef(voice.speaker, None, None, voice.iso3, None, True)


# talks that a state holds through its delegations, unlike a leader's own conversation or call
_STATE_TALKS = frozenset({"negotiation", "negotiations"})


def _not_the_destination(places: tuple[Place, ...], trigger: Token) -> tuple[Place, ...]:
    """'500,000 Ukrainians deported to Russia': where people are taken is not where they were taken from."""
    ends = {g.idx for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("to", "into")
            for g in c.subtree if g.dep_ in ("pobj", "compound", "conj")}
    return tuple(p for p in places if p.start not in ends)


def _same_party(actor: ActorRef | None, recipient: ActorRef | None) -> bool:
    """Whether actor and recipient are one entity (a self-directed political event is not what news reports)."""
    if actor is None or recipient is None:
        return False
    if actor.entity_id is not None and actor.entity_id == recipient.entity_id:
        return True
    # "Ukraine" by the speech's "we" and "our heroes": one side named twice, no entity behind either
    return actor.entity_id is None and recipient.entity_id is None and actor.text.lower() == recipient.text.lower()


def _not_the_actor(places: tuple[Place, ...], actors: list[ActorRef | None]) -> tuple[Place, ...]:
    """A toponym that acts is no location: 'Kyiv launched drones', 'expelled from Britain' (Britain expels)."""
    spans = [a.words for a in actors if a is not None and a.words is not None]
    return tuple(p for p in places if not any(w.start < p.end and p.start < w.end for w in spans))


def _not_a_party(places: tuple[Place, ...], parties: list[ActorRef | None], cues: RoleCues) -> tuple[Place, ...]:
    """A country met only somewhere in the sentence that is the actor's or recipient's own is a party, not a location.

    "Russian forces deported 500,000 Ukrainians, Russia's envoy said": Russia is who acted, not where.
    """
    sides = {p.country for p in parties if p is not None and p.country}
    def is_party(place: Place) -> bool:
        nat = cues.nationality_by_iso2.get(place.country or "")
        return place.precision == "country" and nat is not None and nat.iso3 in sides
    return tuple(p for p in places if not is_party(p))


def _clause_depth(token: Token, cues: RoleCues) -> int:
    """How far below the sentence's main verb a trigger sits (coordination and light-verb objects cost nothing)."""
    depth, tok = 0, token
    while tok.dep_ != "ROOT" and tok.head is not tok and depth < _MAX_DEPTH:
        light_object = tok.dep_ in ("dobj", "obj") and lemma_of(tok.head) in cues.light_verbs
        if tok.dep_ not in _SAME_LEVEL_DEPS and not light_object:
            depth += 1
        tok = tok.head
    return depth


def _object_words(rule: TriggerRule, kind: str = "dobj") -> frozenset[str]:
    """Objects (or, with kind "pobj", prepositional objects) a row names as part of the trigger ('lift the ban')."""
    return frozenset(v for c in rule.conditions if c.kind == kind and not c.negated for v in c.values)


def _modality(token: Token, trigger: Evidence, trigger_types: dict[int, str], attributions: tuple[Attribution, ...],
              lexicon: EventLexicon) -> tuple[str, bool]:
    """The event's modality, and whether another event encloses it (which then decides it)."""
    modality, _cue = modality_of(token, lexicon.modality)
    embedded = embedded_modality(token, trigger_types, lexicon.modality)
    if embedded and modality in ("asserted", "hedged"):
        modality = embedded  # the enclosing event (a demand, a refusal) is what the text asserts
    if modality == "asserted" and _source_hedges(trigger, attributions):
        modality = "hedged"  # "X claimed that...", "reportedly": the source, not the syntax, hedges it
    return modality, embedded is not None


def _source_hedges(trigger: Evidence, attributions: tuple[Attribution, ...]) -> bool:
    """True when the attribution governing the trigger is itself hedged (the attribution stage decides)."""
    governing = attribution.governing_attribution(trigger.start, trigger.end, attributions)
    return governing is not None and governing.hedged


def _how(token: Token, index: DocIndex) -> str:
    """How the actor was found, for confidence."""
    if token.pos_ == "PRON":
        return "implicit"
    return "entity" if index.entity_at(token) else "phrase"


def _implicit_actor(trigger: Token, theme: Token | None, rule: TriggerRule, cues: RoleCues,
                    index: DocIndex) -> tuple[ActorRef | None, str]:
    """An actor a careful reader infers: the unit a nominal event describes, or who holds a captured place."""
    holder = implicit_actor_in_phrase(trigger, index)
    if holder is not None:
        return actor_ref(holder, cues, index, implicit=True), "implicit"
    if rule.type == "ASSAULT" and lemma_of(trigger) in cues.weapon_nouns and trigger.pos_ == "NOUN":
        user = doer_ref(trigger, cues, index)  # "Russian shelling"; in an address, the strikes of the other side
        if user is not None:
            return user, "implicit"
    side = understood_side(trigger, rule.type, cues, index)
    if side is not None:
        return side, "implicit"
    causer = _causer(trigger)
    if causer is not None and can_act(causer, True, cues, index) and (ref := doer_ref(causer, cues, index)):
        return replace(ref, implicit=True), "implicit"  # "jumped on the windshield, causing glass to strike the child"
    if rule.mode == "arrest" and trigger.pos_ == "VERB" and (force := one_police_force(index)) is not None:
        return actor_ref(force, cues, index, implicit=True), "implicit"  # "was arrested": by the one force named
    if rule.mode == "occupy" and theme is not None:
        nat = controlling_country(theme, cues)
        if nat is not None:
            return ActorRef(nat.country, None, None, nat.iso3, None, True), "implicit"
    return None, "none"


# cooperative acts that an actor can commit to: a stated commitment to one is AGREE (PLOVER: "promise, or otherwise
# indicate willingness or commitment to cooperate"; CAMEO 03 "express intent to cooperate")
_PROMISABLE = frozenset({"CONCEDE", "AID", "SUPPORT", "COOPERATE", "RETREAT"})
_PREDICTION_MARKS = frozenset({"because", "since", "as", "when", "while", "until", "before", "after", "once", "so"})
_SPEECH_HEADS = frozenset({"say", "announce", "tell", "state", "declare", "add", "promise", "pledge", "vow", "confirm"})
# verbs that flaunt a capacity (warn and threaten are threats of their own, and their content is told apart)
_BOAST_HEADS = frozenset({"boast", "brag"})


def _is_commitment(token: Token, modality: str, cooperative: bool = False) -> bool:
    """'will allow', 'said it would return': a future act the actor commits to, with no condition attached."""
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
           for c in token.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in _PREDICTION_MARKS for c in token.children):
        return False  # "because they will retreat": a prediction inside a reason or a time clause
    if modality == "future":
        return True
    if token.dep_ == "xcomp" and lemma_of(token.head) in _READY and not cooperative:
        # "is prepared to impose martial law"; "willing to send" is already the AGREE of "willing"
        return True
    if token.dep_ == "ccomp" and lemma_of(token.head) in _BOAST_HEADS and not cooperative and any(
            c.dep_ == "aux" and c.lower_ in ("can", "could", "will", "would", "'ll") for c in token.children):
        return True  # "they boast that Russia can destroy any state": a capacity flaunted is a threat
    reported = token.dep_ == "ccomp" and lemma_of(token.head) in _SPEECH_HEADS
    return modality == "hypothetical" and reported and any(c.dep_ == "aux" and c.lower_ in ("would", "'d")
                                                           for c in token.children)


# coercive acts an actor announces it will take are threats (PLOVER THREATEN: "threaten coercive or forceful action";
# CAMEO 13); a future attack is one only when its actor announces it, not when a reporter predicts it
_COERCIVE = frozenset({"COERCE", "SANCTION", "ASSAULT", "MOBILIZE"})
_STATED_COERCIVE = frozenset({"COERCE", "SANCTION"})
_INTENT_HEADS = _SPEECH_HEADS | _BOAST_HEADS | frozenset({"plan", "prepare", "intend", "threaten", "warn", "vow", "decide", "aim",
                                           "prepared", "ready", "willing"})
_READY = frozenset({"prepared", "ready", "willing", "determined", "poised"})
# acts of yielding whose announced refusal is a rejection (PLOVER REJECT; CAMEO 12)
_YIELDING = frozenset({"CONCEDE", "AGREE"})


def _refusal(verb: Token) -> bool:
    """'will not meet their demands', 'said it would not allow': a refusal stated for the future, not a report
    that something did not happen ('has not agreed')."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "'ll") for c in verb.children)


def _announced(token: Token) -> bool:
    """'said it would tighten', 'plans to impose': the act hangs under a verb of saying or intending."""
    return token.dep_ in ("ccomp", "xcomp") and token.head.i != token.i and lemma_of(token.head) in _INTENT_HEADS


# armed acts need an agent: glass, hurricanes or a car seat strike no one
_MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE"})


def _sided_actors(drafts: list[Draft], index: DocIndex, cues: RoleCues) -> list[Draft]:
    """In an address, events left without a doer take the side the speech means: armed ones by voice.sided_actor,
    talks and agreements right after the speech's "I" or "we" act (voice.first_person_doer)."""
    if index.voice is None:
        return drafts
    country_of = {p.geonameid: p.country for p in index.places if p.geonameid is not None}
    out = []
    for d in drafts:
        ev, tok = d.event, d.token
        # an unresolved "they" is as unnamed as no doer at all ("They still dream of capturing Ukraine")
        unnamed = ev.actor is None or (ev.actor.entity_id is None and ev.actor.country is None
                                       and ev.actor.text.lower() in ("they", "them"))
        if unnamed and not index.in_quote(tok):
            lemma = side_lemma(tok)
            place_country = country_of.get(ev.place.geonameid) if ev.place and ev.place.geonameid else None
            side = sided_actor(lemma, ev.type, place_country, index.voice, cues, ev.mode) \
                or first_person_doer(tok, ev.type, ev.mode, index.voice, index)
            if side is not None:
                side = replace(side, words=ev.actor.words) if ev.actor is not None else side
                d = replace(d, event=replace(ev, actor=side, actor_note=None,
                                             confidence=round(ev.confidence * 0.8, 3)))
        out.append(d)
    return out


def _numbered(draft: Draft, number: int) -> Event:
    """The draft's event with its final id."""
    return replace(draft.event, id=f"V{number}")
