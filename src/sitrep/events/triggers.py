"""Trigger lexicon: words and their dependency context mapped to PLOVER type and mode (rows in data)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from sitrep.errors import MissingDataError
from sitrep.events.context import DocIndex, contents_of, counted, lemma_of
from sitrep.events.reference import relative_antecedent
from sitrep.events.occurrence import not_an_occurrence, trade_framed
from sitrep.events.ontology import Ontology
from sitrep.events.routine import in_spans, routine_spans
from sitrep.tables import read_tsv

_PREP_DEPS = frozenset({"prep", "agent", "dative", "prt"})
_OBJ_DEPS = frozenset({"dobj", "obj", "attr"})
_CONDITION_KINDS = frozenset({"prep", "prt", "dobj", "pobj", "dep", "child", "head", "gov", "subj", "arg", "comp"})


@dataclass(frozen=True, slots=True)
class Condition:
    """One test on a trigger's dependency context, e.g. prep=with or !child=hunger."""

    kind: str
    values: frozenset[str]
    negated: bool = False


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """A lexicon row: lemma + part of speech + conditions -> PLOVER type, mode and weight.

    A row whose type is '-' (empty here) says the word in that context is no event at all ("a request
    for comment"); it stops the rows below it from firing.
    """

    lemma: str
    pos: str
    conditions: tuple[Condition, ...]
    type: str
    mode: str | None
    weight: float


@dataclass(frozen=True, slots=True)
class TriggerWords:
    """Word classes that conditions test: armed actors ('troops', 'rebels') and places named by a noun ('the town')."""

    armed: frozenset[str] = frozenset()
    settlements: frozenset[str] = frozenset()
    capacities: frozenset[str] = frozenset()  # 'the ability to cooperate': an infinitive under these is no occurrence
    abstractions: frozenset[str] = frozenset()  # 'hatred will strike', 'storms threaten': no one acts
    forces: frozenset[str] = frozenset()  # 'a killer bee attack': an attack noun with this modifier is no event
    materials: frozenset[str] = frozenset()  # 'delivered howitzers', 'gave 500 million euros': what aid consists of
    people: frozenset[str] = frozenset()  # 'a man', 'officials', role words: common nouns for people who can act
    accidents: frozenset[str] = frozenset()  # 'killed in a crash', 'died from electric shock': no one did it
    trade: frozenset[str] = frozenset()  # 'tariffs', 'trade war': the words of a trade conflict
    weapons: frozenset[str] = frozenset()  # 'missiles', 'shells': an armed event's instruments


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A token of the document that fired a lexicon rule."""

    token: Token
    rule: TriggerRule


def parse_conditions(cell: str) -> tuple[Condition, ...]:
    """Parse the `needs` cell of the trigger table ('-' means no condition)."""
    if cell in ("-", ""):
        return ()
    conditions = []
    for part in cell.split(";"):
        negated = part.startswith("!")
        kind, _, values = part.lstrip("!").partition("=")
        if kind not in _CONDITION_KINDS or not values:
            raise MissingDataError(f"event_triggers.tsv: bad condition {part!r}; use kind=value|value")
        conditions.append(Condition(kind, frozenset(values.split("|")), negated))
    return tuple(conditions)


def load_trigger_rules(ontology: Ontology) -> dict[str, tuple[TriggerRule, ...]]:
    """Read event_triggers.tsv into rules grouped by lemma, keeping table order."""
    rules: dict[str, list[TriggerRule]] = {}
    for lemma, pos, needs, event_type, mode, weight in read_tsv("event_triggers.tsv"):
        if event_type == "-":
            event_type = ""
        elif event_type not in ontology.types:
            raise MissingDataError(f"event_triggers.tsv: unknown PLOVER type {event_type!r} for {lemma!r}")
        if mode != "-" and (not event_type or not ontology.has_mode(event_type, mode)):
            raise MissingDataError(f"event_triggers.tsv: mode {mode!r} is not a mode of {event_type}")
        rule = TriggerRule(lemma.lower(), pos, parse_conditions(needs), event_type,
                           None if mode == "-" else mode, float(weight))
        rules.setdefault(rule.lemma, []).append(rule)
    return {lemma: tuple(found) for lemma, found in rules.items()}


def find_triggers(index: DocIndex, rules: dict[str, tuple[TriggerRule, ...]],
                  words: TriggerWords = TriggerWords()) -> list[TriggerMatch]:
    """Every token whose lemma and context match a lexicon row, first matching row per token."""
    found = []
    routine = routine_spans(index.doc.text)
    for token in index.doc:
        if token.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ", "AUX") or index.entity_at(token) or index.place_at(token):
            continue
        if routine and in_spans(token.idx, routine):
            continue  # a caption, a picture credit or a teaser for another story
        candidates = rules.get(lemma_of(token), ())
        if not candidates or _names_a_state_or_thing(token) or not_an_occurrence(token, words):
            continue
        for rule in candidates:
            if _pos_fits(token, rule.pos) and all(_holds(c, token, index, words) for c in rule.conditions):
                if rule.type and not (rule.type in _FORCEFUL and (_figurative_modifier(token, words.forces)
                                                                  or trade_framed(token, words))):
                    found.append(TriggerMatch(token, rule))  # (a '-' row: this use of the word is no event)
                break
    return found


_FORCEFUL = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})


def _figurative_modifier(noun: Token, forces: frozenset[str]) -> bool:
    """'a killer bee attack', 'the flood fighting effort': an attack noun (or the noun carrying it) whose modifier is
    an animal or a natural force."""
    if noun.pos_ != "NOUN":
        return False
    holders = event_holders(noun)
    return any(c.dep_ in ("compound", "nmod", "poss") and lemma_of(c) in forces for h in holders for c in h.children)


# nouns that carry the event their compound modifier names ("a mediation mission", "the bombing campaign")
CARRIER_NOUNS = frozenset({"mission", "effort", "campaign", "operation", "process", "attempt", "bid", "drive", "spree",
                           "convoy", "package", "programme", "program", "blitz", "offensive"})


# participles that say where a unit is kept rather than that it was moved
_WHERE_PARTICIPLES = frozenset({"station", "base", "garrison", "headquarter"})


def carrier_of(noun: Token) -> Token | None:
    """The carrier noun an event noun modifies ('the bombing campaign' -> campaign), if any."""
    head = noun.head
    return head if noun.dep_ == "compound" and head.i != noun.i and head.lemma_.lower() in CARRIER_NOUNS else None


def event_holders(noun: Token) -> list[Token]:
    """The event noun and the carrier noun it modifies: either can hold the event's modifiers and phrases."""
    carrier = carrier_of(noun)
    return [noun] if carrier is None else [noun, carrier]


def _names_a_state_or_thing(token: Token) -> bool:
    """'temporarily occupied cities', 'air raid siren': a participle or noun modifying another noun is no event.

    A modifier of a noun that only carries an event ('mediation mission', 'bombing campaign') names that event.
    """
    if token.pos_ == "VERB" and token.dep_ == "amod":
        return True
    if token.dep_ == "acl" and token.tag_ == "VBN" and lemma_of(token) in _WHERE_PARTICIPLES:
        return True  # "94 troops stationed in Iraq": where they are, not a deployment told here
    return token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN") \
        and token.head.lemma_.lower() not in CARRIER_NOUNS  # 'targeting information' too


def _pos_fits(token: Token, pos: str) -> bool:
    """True when the token's part of speech fits the row (PROPN counts as NOUN: 'Ceasefire' in titles)."""
    if pos == "*":
        return token.pos_ not in ("ADJ", "AUX")
    return token.pos_ == pos or (pos == "NOUN" and token.pos_ == "PROPN")


def _holds(condition: Condition, token: Token, index: DocIndex, words: TriggerWords) -> bool:
    """Evaluate one condition, honouring negation."""
    result = _test(condition, token, index, words)
    return result != condition.negated


def is_armed(token: Token, index: DocIndex, armed_nouns: frozenset[str]) -> bool:
    """A military, rebel or police actor: a unit, an entity of those sectors, or 'troops', 'forces', 'rebels'."""
    found = index.entity_at(token)
    if found is not None and (found[0].type == "MILITARY_UNIT" or found[0].sector in ("MIL", "REB", "COP")):
        return True
    return token.lower_ in armed_nouns or lemma_of(token) in armed_nouns


def is_material(token: Token, materials: frozenset[str]) -> bool:
    """Weapons, equipment, money or supplies: 'air defence systems', '$500 million', 'Patriot batteries', 'HIMARS'."""
    if lemma_of(token) in materials or token.lower_ in materials or token.ent_type_ in ("MONEY", "PRODUCT"):
        return True
    # "500 million euros", "air defence systems": a currency or weapon word inside the phrase names the thing
    return any(c.dep_ in ("compound", "nummod", "quantmod") and (lemma_of(c) in materials or c.ent_type_ == "MONEY")
               for c in token.children)


def is_placelike(token: Token, index: DocIndex, settlements: frozenset[str]) -> bool:
    """A toponym, a settlement noun ('the town', 'the airport'), or a proper noun that names no person."""
    if index.place_at(token) is not None or lemma_of(token) in settlements:
        return True
    found = index.entity_at(token)
    if found is not None:
        return found[0].type not in ("PERSON", "MILITARY_UNIT", "MEDIA", "GROUP") and token.ent_type_ in ("GPE", "LOC", "FAC")
    return token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "NORP", "DATE", "TIME", "CARDINAL", "MONEY")


def _test(condition: Condition, token: Token, index: DocIndex, words: TriggerWords) -> bool:
    """Evaluate one condition without negation."""
    values = condition.values
    if condition.kind in ("prep", "prt"):
        deps = _PREP_DEPS if condition.kind == "prep" else {"prt"}
        return any(c.dep_ in deps and c.lower_ in values for c in token.children)
    if condition.kind == "dobj":
        # the passive subject is the object too: "demands were accepted"
        objects = [counted(c) for c in token.children if c.dep_ in _OBJ_DEPS or c.dep_ == "nsubjpass"]
        objects = objects or _relative_object(token)  # "the questions I would like to ask"
        objects += [j for o in objects for j in o.conjuncts]  # "photographs and other military intelligence"
        objects += contents_of(objects)
        if "@ANY" in values:
            return bool(objects)
        if "@ENT" in values:
            return any(index.entity_at(o) for o in objects)
        if "@MATERIAL" in values and any(is_material(o, words.materials) for o in objects):
            return True
        return any(lemma_of(o) in values for o in objects)
    if condition.kind == "pobj":
        pobjs = [g for c in token.children if c.dep_ in _PREP_DEPS for g in _prep_objects(c, token)]
        pobjs += contents_of(pobjs)
        if "@PARTY" in values and any(_is_party(g, index, words) for g in pobjs):
            return True
        if "@MATERIAL" in values and any(is_material(g, words.materials) for g in pobjs):
            return True
        return any(lemma_of(g) in values for g in pobjs)
    if condition.kind == "dep":
        return any(c.dep_ in values for c in token.children)
    if condition.kind == "comp":  # the verb of a clausal complement: "warned that the situation is critical"
        comps = [c for c in token.children if c.dep_ in ("ccomp", "xcomp")]
        if "@QUESTION" in values and any(_asks(c) for c in comps):
            return True
        if "@PARTY" in values and any(_is_party(s, index, words) for c in comps for s in _clause_subjects(c)):
            return True  # "warned that it would retaliate", not "warned that the moves bear the hallmarks"
        return any(lemma_of(c) in values for c in comps)
    if condition.kind == "child":
        return any(lemma_of(c) in values or c.lower_ in values for c in token.children)
    if condition.kind == "head":
        return token.head.i != token.i and (lemma_of(token.head) in values or token.head.lower_ in values)
    if condition.kind == "gov":
        return any(lemma_of(a) in values for a in token.ancestors)
    if condition.kind == "subj":
        if "@ARMED" in values:
            return any(is_armed(s, index, words.armed) for s in _clause_subjects(token))
        if "@PLACELIKE" in values:
            return any(is_placelike(s, index, words.settlements) for s in _clause_subjects(token, passive=True))
        return any(is_named(s, index) for s in _clause_subjects(token))
    return _test_argument(values, token, index, words)


def _relative_object(verb: Token) -> list[Token]:
    """The noun a relative clause hangs on, as the object its verb lacks: 'the questions I would like to ask'."""
    node = verb
    for _ in range(3):
        if node.dep_ == "relcl" and node.head.i != node.i:
            # only a clause without a relative word ("the questions I would like to ask"); "the freedom which we
            # fight for" has its own, and a stranded preposition takes it
            return [] if any(t.tag_ in ("WDT", "WP") for t in node.subtree) else [node.head]
        if node.dep_ != "xcomp" or node.head.i == node.i:
            break
        node = node.head
    return []


_WH_WORDS = frozenset({"what", "whether", "if", "why", "how", "who", "whom", "which", "when", "where"})


def _asks(clause: Token) -> bool:
    """A clause that is a question: 'if I'm all right', 'whether they would come', 'what happened'."""
    return any(c.lower_ in _WH_WORDS and c.dep_ in ("mark", "advmod", "nsubj", "dobj", "attr", "nsubjpass")
               and c.i < clause.i for c in clause.children)


_PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they"})


def _is_party(token: Token, index: DocIndex, words: TriggerWords) -> bool:
    """Someone who can act: a named actor or place, a personal pronoun, an armed or people noun."""
    return is_named(token, index) or token.lower_ in _PERSONAL_PRONOUNS or is_armed(token, index, words.armed) \
        or lemma_of(token) in words.people or token.lower_ in words.people


def _prep_objects(prep: Token, verb: Token) -> list[Token]:
    """A preposition's objects; a stranded one in a relative clause ('the freedom we fight for') has the clause's noun."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    if verb.dep_ == "relcl" and verb.head.i != verb.i and all(g.tag_ in ("WDT", "WP") for g in objects):
        return [verb.head]  # "the freedom (which) we are fighting for"
    return objects


def _clause_subjects(token: Token, passive: bool = False) -> list[Token]:
    """Subjects of the trigger's clause (an auxiliary's clause is its head verb's, a conjunct's its first verb's)."""
    clause = token.head if token.pos_ == "AUX" else token
    deps = ("nsubj", "nsubjpass") if passive else ("nsubj",)
    subjects = [c for c in clause.children if c.dep_ in deps]
    if not subjects and clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        subjects = [c for c in clause.head.children if c.dep_ in deps]
    if not passive:  # "cities captured by the occupiers": the passive's agent is its doer
        subjects += [g for c in clause.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return [s for subj in subjects for s in (subj, *subj.conjuncts)]


def is_named(token: Token, index: DocIndex) -> bool:
    """A proper noun, entity or place, as opposed to a pronoun or common noun."""
    return token.pos_ == "PROPN" or index.entity_at(token) is not None or index.place_at(token) is not None


def _test_argument(values: frozenset[str], token: Token, index: DocIndex, words: TriggerWords) -> bool:
    """arg=@PLACE / @PLACELIKE / @ENT / @NONE: what the event's theme is."""
    theme = event_theme(token)
    if "@NONE" in values:
        return theme is None
    if theme is None:
        return False
    if "@PLACELIKE" in values:
        return is_placelike(theme, index, words.settlements)
    if "@PLACE" in values:
        return index.place_at(theme) is not None
    return index.entity_at(theme) is not None


def event_theme(token: Token) -> Token | None:
    """What the event acts on: a verb's object or passive subject, a noun's 'of' object."""
    for child in token.children:
        if token.pos_ == "VERB" and child.dep_ in ("dobj", "obj", "nsubjpass"):
            if child.tag_ in ("WDT", "WP") and token.dep_ == "relcl" and token.head.i != token.i:
                return relative_antecedent(child)  # "the cities that are captured": 'that' is the cities
            return child
        if token.pos_ != "VERB" and child.dep_ == "prep" and child.lower_ == "of":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    if token.pos_ == "VERB" and token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head  # "the cities temporarily captured by the occupiers": the noun is what was captured
    return None
