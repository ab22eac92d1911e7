"""What the event stage knows about a document: which tokens are entities and which are places."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Mapping

from spacy.tokens import Doc, Token

from sitrep.records import Entity, Mention, Place, Quote
from sitrep.tables import read_tsv

if TYPE_CHECKING:
    from sitrep.events.voice import Voice

# NER labels that name places; used only when the geo stage produced no places at all
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class DocIndex:
    """Char-offset lookups from tokens to entity mentions and places, built once per document."""

    doc: Doc
    entities: tuple[Entity, ...]
    places: tuple[Place, ...]
    mention_owner: dict[tuple[int, int], Entity]
    token_owner: dict[int, tuple[Entity, Mention]]  # token index -> the mention covering it
    quotes: tuple[Quote, ...] = ()
    voice: "Voice | None" = None  # who "I" and "we" are outside quotes, when the article has a speaker
    token_place: dict[int, Place] = field(default_factory=dict)  # token index -> the first place covering it
    genders: dict[str, str] = field(default_factory=dict)  # person entity id -> "f" or "m", where the text shows it

    @classmethod
    def build(cls, doc: Doc, entities: tuple[Entity, ...], places: tuple[Place, ...],
              quotes: tuple[Quote, ...] = ()) -> "DocIndex":
        """Index entity mentions; fall back to NER place spans when the geo stage found none."""
        owner = {(m.start, m.end): e for e in entities for m in e.mentions}
        usable = places or tuple(_places_from_ner(doc, owner))
        token_owner: dict[int, tuple[Entity, Mention]] = {}
        # the first mention in entity order wins a token, as the linear scan this replaces did
        for ent in entities:
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                for tok in span if span is not None else ():
                    if m.start <= tok.idx < m.end and owner.get((m.start, m.end)) is ent:
                        token_owner.setdefault(tok.i, (ent, m))
        token_place: dict[int, Place] = {}
        for place in usable:  # the first place in list order wins a token, as the scan this replaces did
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            for tok in span if span is not None else ():
                if place.start <= tok.idx < place.end:
                    token_place.setdefault(tok.i, place)
        return cls(doc, entities, usable, owner, token_owner, quotes, token_place=token_place,
                   genders=_person_genders(doc, token_owner))

    def entity_at(self, token: Token) -> tuple[Entity, Mention] | None:
        """The entity whose mention covers this token, with that mention."""
        return self.token_owner.get(token.i)

    def quote_speaker(self, token: Token) -> Entity | None:
        """The entity who speaks the quote this token stands in, when the attribution stage linked one."""
        for quote in self.quotes:
            if quote.start <= token.idx < quote.end and quote.speaker_entity_id:
                return next((e for e in self.entities if e.id == quote.speaker_entity_id), None)
        return None

    def in_quote(self, token: Token) -> bool:
        """True when the token stands inside a quotation."""
        return any(q.start <= token.idx < q.end for q in self.quotes)

    def place_at(self, token: Token) -> Place | None:
        """The place whose span covers this token."""
        return self.token_place.get(token.i)

    def places_in(self, start: int, end: int) -> list[Place]:
        """Places whose spans lie inside [start, end), in text order."""
        return sorted((p for p in self.places if start <= p.start and p.end <= end), key=lambda p: p.start)


def _places_from_ner(doc: Doc, owner: dict[tuple[int, int], Entity]):
    """Unresolved places from NER spans (and proper nouns conjoined with them) when geo gave nothing."""
    claimed = list(owner)
    seen: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in _PLACE_LABELS or any(s < ent.end_char and ent.start_char < e for s, e in claimed):
            continue
        seen.add(ent.start_char)
        yield Place(text=ent.text, start=ent.start_char, end=ent.end_char, matched_by="ner")
        # "Sloviansk and Kramatorsk": the small model often mislabels the second toponym
        for conj in ent.root.conjuncts:
            if conj.pos_ == "PROPN" and conj.idx not in seen and not any(s <= conj.idx < e for s, e in claimed):
                seen.add(conj.idx)
                yield Place(text=conj.text, start=conj.idx, end=conj.idx + len(conj.text), matched_by="ner")


def lemma_of(token: Token) -> str:
    """The lower-cased lemma, repairing what the small model leaves unlemmatised ('preparations', 'retook')."""
    lemma = token.lemma_.lower()
    if token.tag_ == "NNS" and lemma == token.lower_ and lemma.endswith("s"):
        lemma = lemma[:-1]
    elif token.pos_ == "VERB" and lemma == token.lower_:
        lemma = irregular_lemma(lemma)
    elif token.pos_ == "VERB" and token.lower_ in (lemma + "ed", lemma + "es", lemma + "ing"):
        lemma = _restored_e(lemma)  # "hopped" (a doubled consonant) never lost an e
    return lemma


@lru_cache(maxsize=4096)
def _restored_e(lemma: str) -> str:
    """'staged' -> 'stag' from the small model: give back the final e when the word with it is far more common."""
    from wordfreq import zipf_frequency

    with_e = lemma + "e"
    return with_e if zipf_frequency(with_e, "en") > zipf_frequency(lemma, "en") + 1.0 else lemma


def irregular_lemma(form: str) -> str:
    """'retook' -> 'retake', 'withdrew' -> 'withdraw': irregular past forms, prefixed or not."""
    prefixes, past = _irregular_verbs()
    if form in past:
        return past[form]
    for prefix in prefixes:
        rest = form[len(prefix):]
        if form.startswith(prefix) and rest in past:
            return prefix + past[rest]
    return form


@lru_cache(maxsize=1)
def _irregular_verbs() -> tuple[tuple[str, ...], Mapping[str, str]]:
    """The irregular-verb table, read once (immutable)."""
    rows = read_tsv("irregular_verbs.tsv")
    prefixes = tuple(form for kind, form, _ in rows if kind == "prefix")
    return prefixes, MappingProxyType({form: lemma for kind, form, lemma in rows if kind == "past"})


def clause_of(token: Token) -> Token:
    """The nearest verb at or above the token: the clause whose words qualify it."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


# quantities that count the people who act ("millions of Ukrainians fought", "dozens of gunmen stormed")
_QUANTIFIERS = frozenset({"dozens", "hundreds", "thousands", "millions", "scores", "tens", "some", "many", "most",
                          "all", "several", "few", "both", "each", "one", "two", "three", "group", "number", "majority", "hundred", "dozen",
                          "thousand", "million"})


def counted(token: Token) -> Token:
    """'Millions of Ukrainians', 'one of the gunmen': the people a quantity counts, else the token itself."""
    if not (token.like_num or token.pos_ == "NUM" or token.lower_ in _QUANTIFIERS):
        return token
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return obj if obj is not None and obj.pos_ in ("NOUN", "PROPN") else token


_DATELINE_MARKS = frozenset({"—", "–", "-", "--", "(", ","})


def is_dateline(token: Token) -> bool:
    """'BAGHDAD — A car bomb ...', 'WASHINGTON (AP) —': the capitals a wire story opens with say where it was filed."""
    if not (token.text.isupper() and len(token.text) > 2 and token.is_alpha):
        return False
    start = token.i
    while start > token.sent.start and token.doc[start - 1].text.isupper() and token.doc[start - 1].is_alpha:
        start -= 1  # "NEW YORK —"
    first = start == token.sent.start or token.doc[start - 1].text in (".", "\n") or "\n" in token.doc[start - 1].text
    end = token.i
    while end + 1 < len(token.doc) and token.doc[end + 1].text.isupper() and token.doc[end + 1].is_alpha:
        end += 1
    after = token.doc[end + 1].text if end + 1 < len(token.doc) else ""
    if after == "(" and end + 3 < len(token.doc) and token.doc[end + 2].text.upper() in _AGENCIES \
            and token.doc[end + 3].text == ")":
        return True  # "..., Associated Press WASHINGTON (AP) —": the agency mark makes it a dateline after a byline
    return first and after in _DATELINE_MARKS


# news agencies whose mark follows a dateline's city ("WASHINGTON (AP)", "SOUTH WAZIRISTAN (APP)")
_AGENCIES = frozenset({"AP", "AFP", "UPI", "APP", "PTI", "IANS", "DPA", "ANI", "XINHUA", "REUTERS", "TASS", "RIA",
                       "EFE", "ANSA", "KUNA", "WAM", "SPA", "IRNA", "CNA", "BERNAMA", "YONHAP", "KYODO", "UNIAN",
                       "UKRINFORM", "INTERFAX", "NAN", "AA", "MENA", "SANA", "QNA", "BSS", "NNA", "IPS"})


_FEMININE = frozenset({"she", "her", "hers", "herself", "mrs", "mrs.", "ms", "ms.", "miss", "madam", "lady", "dame",
                       "actress", "mother", "wife", "daughter", "sister", "woman", "girl", "queen", "princess",
                       "grandmother", "aunt", "niece", "widow", "chairwoman", "spokeswoman", "congresswoman"})
_MASCULINE = frozenset({"he", "him", "his", "himself", "mr", "mr.", "sir", "lord", "actor", "father", "husband",
                        "son", "brother", "man", "boy", "king", "prince", "grandfather", "uncle", "nephew",
                        "widower", "chairman", "spokesman", "congressman"})


def _person_genders(doc: Doc, token_owner: dict[int, tuple[Entity, Mention]]) -> dict[str, str]:
    """Persons whose gender the text itself shows: a title or kin word beside a mention ("Mrs Griffin", "the actress
    Jaime King"), or a pronoun that a saying verb binds to them ("Griffin added she didn't know")."""
    votes: dict[str, set[str]] = {}
    for i, (ent, _mention) in token_owner.items():
        if ent.type != "PERSON":
            continue
        tok = doc[i]
        near = [doc[j] for j in range(max(0, i - 2), i)]
        if tok.head.i != tok.i and tok.head.lemma_.lower() in ("say", "add", "tell", "insist", "claim", "deny"):
            near += [t for c in tok.head.children if c.dep_ == "ccomp"
                     for t in c.children if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PRON"]
        near += [c for c in tok.children if c.dep_ in ("appos", "compound")]
        for word in near:
            low = word.lower_
            if low in _FEMININE:
                votes.setdefault(ent.id, set()).add("f")
            elif low in _MASCULINE:
                votes.setdefault(ent.id, set()).add("m")
    return {eid: next(iter(v)) for eid, v in votes.items() if len(v) == 1}


def prep_object(head: Token, preps: frozenset[str], deps: tuple[str, ...] = ("prep", "agent", "dative")) -> Token | None:
    """The object of the first preposition child in `preps`."""
    for child in head.children:
        if child.dep_ in deps and child.lower_ in preps:
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


# nouns that hold what their 'of' phrase names: "agreed on a sixth package of sanctions" agreed on sanctions
_CONTAINER_NOUNS = frozenset({"package", "round", "set", "series", "wave", "batch", "raft", "list", "tranche"})


def contents_of(nouns: list[Token]) -> list[Token]:
    """The 'of' objects of the container nouns among these ('a package of sanctions' -> sanctions)."""
    return [g for n in nouns if lemma_of(n) in _CONTAINER_NOUNS for c in n.children
            if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
