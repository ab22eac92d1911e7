"""Who a source phrase or pronoun refers to: noun-phrase spans, entity links and a small coreference heuristic."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitrep.attribution.lexicon import OFFICIAL_SECTORS, AttributionLexicon
from sitrep.nlp import doc_text
from sitrep.records import Entity

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
# how many sentences back a pronoun may look for its antecedent; news prose rarely reaches further
ANTECEDENT_WINDOW = 4
_NP_STOP_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "punct", "ccomp", "xcomp"})
_DETERMINERS = ("the ", "a ", "an ", "The ", "A ", "An ")


@dataclass(frozen=True, slots=True)
class Referent:
    """A source as written (start/end) and what it resolved to (entity canonical text, or the phrase)."""

    text: str
    start: int
    end: int
    entity: Entity | None = None
    anonymous: bool = False
    official: bool = False
    state_media: bool = False


def noun_phrase(tok: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by `tok`, without relative clauses, appositions or punctuation."""
    left = tok.i
    for child in sorted(tok.lefts, key=lambda t: -t.i):
        if child.dep_ in _NP_STOP_DEPS or child.is_punct:
            break
        left = child.left_edge.i
    right = tok.i
    for child in sorted(tok.rights, key=lambda t: t.i):
        if child.dep_ in _NP_STOP_DEPS or child.is_punct or child.i != right + 1 and child.left_edge.i != right + 1:
            break
        right = child.right_edge.i
    doc = tok.doc
    # never let a phrase run across punctuation that the parser folded into the subtree
    for i in range(tok.i - 1, left - 1, -1):
        if doc[i].is_punct and doc[i].text not in ("’", "'", "-"):
            left = i + 1
            break
    for i in range(tok.i + 1, right + 1):
        if doc[i].is_punct and doc[i].text not in ("’", "'", "-"):
            right = i - 1
            break
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def phrase_after(doc: Doc, char: int, limit: int = 12) -> tuple[int, int] | None:
    """The noun phrase starting at `char` (after a cue such as 'according to'), cut at punctuation or a verb."""
    span = doc.char_span(char, len(doc_text(doc)), alignment_mode="expand")
    if span is None:
        return None
    toks: list[Token] = []
    for tok in span[:limit]:
        if tok.is_punct and tok.text not in ("’", "'", "-") or tok.pos_ in ("VERB", "AUX", "SCONJ") \
                or tok.lower_ in ("who", "which", "that", "as", "and") and toks:
            break
        if tok.text == "\n" or tok.is_space:
            break
        toks.append(tok)
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def clean_phrase(text: str, start: int) -> tuple[str, int]:
    """Drop a leading article and a trailing possessive from a source phrase, keeping its offset right."""
    for det in _DETERMINERS:
        if text.startswith(det):
            text, start = text[len(det):], start + len(det)
            break
    text = re.sub(r"(’s|'s)$", "", text)
    return text, start


def entity_in(start: int, end: int, entities: tuple[Entity, ...], types: tuple[str, ...] | None = None) -> Entity | None:
    """The entity with a mention inside [start, end), the longest mention winning."""
    best: tuple[int, Entity] | None = None
    for ent in entities:
        if types and ent.type not in types:
            continue
        for m in ent.mentions:
            if start <= m.start and m.end <= end and (best is None or m.end - m.start > best[0]):
                best = (m.end - m.start, ent)
    return best[1] if best else None


def make_referent(doc: Doc, start: int, end: int, entities: tuple[Entity, ...], lexicon: AttributionLexicon,
                  head: int | None = None) -> Referent:
    """Turn a source phrase into a Referent: linked to an entity when one is named in it, classified.

    With `head` (the offset of the phrase's head word) only an entity naming the head counts: in "Mifsud's
    former boss, Gov. Voinovich" or "the president's spokesman" the possessor is not the source.
    """
    raw = doc_text(doc)[start:end]
    text, start = clean_phrase(raw, start)
    end = start + len(text)
    low = f" {text.lower()} "
    ent = entity_in(start, end, entities) if head is None else _entity_at(head, entities)
    # an entity named only as a modifier ("a source close to the Kremlin") does not make the phrase named
    anonymous = any(f" {w} " in low for w in lexicon.anonymous_words) or any(p in low for p in lexicon.anonymous_phrases)
    if not anonymous and any(f" {w} " in low for w in lexicon.weak_anonymous_words):
        anonymous = _names_no_one(doc, start, end, raw, lexicon)
    if ent is not None and _coordinated_beyond(ent, start, end, doc_text(doc)):
        ent = None  # "Iraqi police and hospital officials": the entity is one of several sources
    if ent is not None and not anonymous:
        return Referent(ent.text, start, end, ent, False, (ent.sector or "") in OFFICIAL_SECTORS,
                        ent.text.lower() in lexicon.state_media)
    sector = lexicon.actor_sectors.get(text.lower()) or _role_sector(text, lexicon)
    return Referent(text, start, end, None, anonymous, sector in OFFICIAL_SECTORS,
                    text.lower() in lexicon.state_media)


def _entity_at(pos: int, entities: tuple[Entity, ...]) -> Entity | None:
    """The entity with a mention covering the character offset `pos`."""
    return next((e for e in entities for m in e.mentions if m.start <= pos < m.end), None)


def _coordinated_beyond(ent: Entity, start: int, end: int, text: str) -> bool:
    """True when the phrase joins the entity's mention to other sources with 'and' / 'or'."""
    inside = [m for m in ent.mentions if m.start < end and start < m.end]
    if not inside:
        return False
    mention = max(inside, key=lambda m: m.end - m.start)
    rest = f" {text[start:max(start, mention.start)]} {text[min(end, mention.end):end]} "
    return " and " in rest or " or " in rest


def _names_no_one(doc: Doc, start: int, end: int, text: str, lexicon: AttributionLexicon) -> bool:
    """True for 'reports from the field', false for 'the report', 'a report by X', 'police reports'."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and any(t.pos_ == "PROPN" for t in span):
        return False
    if text.split()[0].lower() in ("the", "this", "that", "these", "those", "a", "an", "his", "her", "their", "its"):
        return False
    return _role_sector(text, lexicon) is None


def _role_sector(text: str, lexicon: AttributionLexicon) -> str | None:
    """Sector of the longest role word in a phrase ('anonymous military sources' -> MIL)."""
    low = text.lower()
    best: tuple[int, str] | None = None
    for word, (sector, _) in lexicon.roles.items():
        if re.search(rf"\b{re.escape(word)}\b", low) and (best is None or len(word) > best[0]):
            best = (len(word), sector)
    return best[1] if best else None


def resolve_pronoun(tok: Token, entities: tuple[Entity, ...], lexicon: AttributionLexicon,
                    skip: list[tuple[int, int]] = (), as_speaker: bool = False) -> Referent | None:
    """The person a he/she pronoun refers to: a person earlier in its sentence, else the subject of a recent sentence.

    `as_speaker` is for the subject of a reporting verb ("…, he said"): people inside the reported words
    are not candidates, and the most recent speaker of the previous sentences comes first ("the reviewer
    said. He added: …").
    """
    if tok.lower_ not in PERSON_PRONOUNS:
        return None
    sent = tok.sent
    if not as_speaker:
        # earlier in the same sentence: the nearest person named before the pronoun
        found = _person_in(tok.doc, sent.start_char, tok.idx, entities, lexicon, nearest=True, skip=skip)
        if found:
            return found
    sentences = list(tok.doc.sents)
    index = next(i for i, s in enumerate(sentences) if s.start == sent.start)
    for prev in reversed(sentences[max(0, index - ANTECEDENT_WINDOW):index]):
        if as_speaker:
            speaker = _speaker_of_sentence(prev, entities, lexicon, skip)
            if speaker is not None:
                return speaker
        subject = _subject_of(prev)
        if subject is not None:
            s, e = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
            found = _person_in(tok.doc, s, e, entities, lexicon, nearest=False, skip=skip)
            if found:
                return found
        found = _person_in(tok.doc, prev.start_char, prev.end_char, entities, lexicon, nearest=False, skip=skip)
        if found:
            return found
    return None


def _speaker_of_sentence(sent: Span, entities: tuple[Entity, ...], lexicon: AttributionLexicon,
                         skip: list[tuple[int, int]]) -> Referent | None:
    """The subject of a reporting verb in a sentence, as a Referent ('Nelson said' -> Nelson); None if none."""
    found = re.search(r"\baccording to\s+", sent.text, re.I)
    if found and not _inside(sent.start_char + found.start(), skip):
        np = phrase_after(sent.doc, sent.start_char + found.end())
        if np is not None:
            return make_referent(sent.doc, *np, entities, lexicon)  # "…, according to Vickers." is a speaker too
    for tok in sent:
        if tok.pos_ != "VERB" or lexicon.verb_cue(tok.lemma_) is None or _inside(tok.idx, skip):
            continue
        subject = next((c for c in tok.children if c.dep_ == "nsubj" and not _inside(c.idx, skip)), None)
        if subject is None:
            continue
        if subject.lower_ in PERSON_PRONOUNS:
            return resolve_pronoun(subject, entities, lexicon, skip, as_speaker=True)
        if subject.pos_ in ("PROPN", "NOUN"):
            start, end = noun_phrase(subject)
            ref = make_referent(subject.doc, start, end, entities, lexicon, head=subject.idx)
            if ref.entity is None:
                role = resolve_role_noun(subject.doc, start, end, entities, lexicon)
                return role or ref
            return ref
    return None


def resolve_role_noun(doc: Doc, start: int, end: int, entities: tuple[Entity, ...],
                      lexicon: AttributionLexicon) -> Referent | None:
    """A role noun ('the president', 'the head of state') as the person named earlier with that role."""
    low = doc_text(doc)[start:end].lower()
    for phrase in sorted(lexicon.role_aliases, key=len, reverse=True):
        if re.search(rf"\b{re.escape(phrase)}\b", low):
            ent = _person_with_role(lexicon.role_aliases[phrase], start, entities)
            if ent is not None:
                return Referent(ent.text, start, end, ent, False, (ent.sector or "") in OFFICIAL_SECTORS, False)
            return None
    return None


def _person_with_role(roles: tuple[str, ...], before: int, entities: tuple[Entity, ...]) -> Entity | None:
    """The person whose role contains one of `roles`, the one mentioned most recently before `before` first."""
    best: tuple[int, Entity] | None = None
    for ent in entities:
        if ent.type != "PERSON" or not ent.role:
            continue
        role = ent.role.lower()
        if not any(re.search(rf"\b{re.escape(r)}\b", role) for r in roles):
            continue
        # a role word inside a longer title ("commander of the brigade") still names the person's role
        last = max((m.start for m in ent.mentions if m.start < before), default=-1)
        if last >= 0 and (best is None or last > best[0]):
            best = (last, ent)
    return best[1] if best else None


def _subject_of(sent: Span) -> Token | None:
    """The grammatical subject of a sentence's root, if it has one."""
    return next((t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)


def _person_in(doc: Doc, start: int, end: int, entities: tuple[Entity, ...], lexicon: AttributionLexicon,
               nearest: bool, skip: list[tuple[int, int]]) -> Referent | None:
    """The first (or nearest-to-end) person in [start, end): a PERSON mention or a resolvable role noun."""
    hits: list[tuple[int, Referent]] = []
    for ent in entities:
        if ent.type != "PERSON":
            continue
        for m in ent.mentions:
            if start <= m.start and m.end <= end and not _inside(m.start, skip):
                hits.append((m.start, Referent(ent.text, m.start, m.end, ent, False,
                                               (ent.sector or "") in OFFICIAL_SECTORS, False)))
    for phrase in lexicon.role_aliases:
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", doc_text(doc)[start:end], re.I):
            s = start + m.start()
            if _inside(s, skip) or _names_a_person_right_after(doc_text(doc), start + m.end()):
                continue
            ref = resolve_role_noun(doc, s, start + m.end(), entities, lexicon)
            if ref is not None:
                hits.append((s, ref))
    if not hits:
        return None
    hits.sort(key=lambda h: h[0])
    return hits[-1][1] if nearest else hits[0][1]


def _names_a_person_right_after(text: str, pos: int) -> bool:
    """True when a role word is a title in front of a name ('President Zelensky'), which the entity already covers."""
    return bool(re.match(r"\s+[A-Z]", text[pos:pos + 3]))


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """True when `pos` lies inside one of the spans."""
    return any(s <= pos < e for s, e in spans)
