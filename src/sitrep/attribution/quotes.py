"""Quoted speech: find quote spans (curly, straight, guillemets), keep speech, and find who said it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep.attribution.lexicon import AttributionLexicon
from sitrep.attribution.referents import (FIRST_PERSON, PERSON_PRONOUNS, Referent, make_referent, noun_phrase,
                                          phrase_after, resolve_pronoun, resolve_role_noun)
from sitrep.nlp import doc_text
from sitrep.records import Entity, Evidence, Quote

# paired quotation marks; single curly quotes are handled apart because ’ is also the apostrophe
_DOUBLE_PAIRS = {"“": "”", "«": "»", "„": "“"}
_DOUBLE_OPEN = re.compile("[" + "".join(_DOUBLE_PAIRS) + "]")
_OPEN_CONTEXT = " \t\n([{—–-:;,"  # what may stand right before an opening mark
# a quote this long or longer that reads as a sentence is speech even with no cue beside it
MIN_SPEECH_WORDS = 4
# a quotation whose words are mostly capitalised is a title (film, book, operation name), not speech
TITLE_CASE_SHARE = 0.6
# how far back a quote may look for the previous quote of the same speaker (a continued quotation)
CONTINUATION_CHARS = 400


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation: the offsets of its marks (outer) and of its words (inner)."""

    outer_start: int
    outer_end: int
    start: int
    end: int


def quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in `text`, never crossing a paragraph, outermost only."""
    spans: list[QuoteSpan] = []
    for para_start, para in _paragraphs(text):
        found = _double_quotes(para) + _straight_quotes(para)
        taken = [(s, e) for s, e in found]
        found += [(s, e) for s, e in _single_quotes(para) if not any(a <= s < b for a, b in taken)]
        for s, e in sorted(found):
            inner_s, inner_e = s + 1, e - 1
            spans.append(QuoteSpan(para_start + s, para_start + e, para_start + inner_s, para_start + inner_e))
    return _outermost(spans)


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each line-separated paragraph."""
    return [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]


def _double_quotes(para: str) -> list[tuple[int, int]]:
    """Spans of “…”, «…» and „…“ quotations, marks included."""
    out = []
    i = 0
    while True:
        # jump from opening mark to opening mark instead of stepping through every character
        m = _DOUBLE_OPEN.search(para, i)
        if m is None:
            return out
        i = m.start()
        j = para.find(_DOUBLE_PAIRS[para[i]], i + 1)
        if j > i + 1:
            out.append((i, j + 1))
            i = j + 1
        else:
            i += 1


def _straight_quotes(para: str) -> list[tuple[int, int]]:
    """Spans of "…" quotations: an opening mark after space or start, closing before space, punctuation or end."""
    out = []
    marks = [m.start() for m in re.finditer('"', para)]
    i = 0
    while i + 1 < len(marks):
        s, e = marks[i], marks[i + 1]
        opens = (s == 0 or para[s - 1] in _OPEN_CONTEXT) and s + 1 < len(para) and not para[s + 1].isspace()
        if opens and e > s + 1 and not para[e - 1].isspace():
            out.append((s, e + 1))
            i += 2
        else:
            i += 1
    return out


def _single_quotes(para: str) -> list[tuple[int, int]]:
    """Spans of ‘…’ quotations, skipping ’ used as an apostrophe ("People’s", "soldiers’ homes")."""
    out = []
    i = para.find("‘")
    while i != -1:
        opens = (i == 0 or para[i - 1] in _OPEN_CONTEXT or para[i - 1] in "“\"") and i + 1 < len(para) \
            and (para[i + 1].isalpha() or para[i + 1] in "“\"")
        close = _closing_single(para, i + 1) if opens else -1
        if close != -1:
            out.append((i, close + 1))
            i = para.find("‘", close + 1)
        else:
            i = para.find("‘", i + 1)
    return out


def _closing_single(para: str, frm: int) -> int:
    """Index of the ’ that closes a ‘ opened before `frm`, or -1."""
    j = para.find("’", frm)
    while j != -1:
        before = para[j - 1] if j > 0 else " "
        after = para[j + 1] if j + 1 < len(para) else " "
        apostrophe = before.isalnum() and after.isalnum()  # People’s, don’t
        possessive = before == "s" and after == " " and para[j + 2:j + 3].islower()  # soldiers’ homes
        if not apostrophe and not possessive and not before.isspace():
            return j
        j = para.find("’", j + 1)
    return -1


def _outermost(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Drop quotations nested in another (a quote within a quote belongs to the outer speaker)."""
    spans.sort(key=lambda q: (q.outer_start, -q.outer_end))
    out: list[QuoteSpan] = []
    for q in spans:
        if out and q.outer_start < out[-1].outer_end:
            continue
        out.append(q)
    return out


def speech_spans(doc: Doc, lexicon: AttributionLexicon) -> list[QuoteSpan]:
    """The quotations that are speech (not scare quotes or titles): cued by a reporting verb, or sentence-like."""
    spans = quote_spans(doc_text(doc))
    marks = [(q.outer_start, q.outer_end) for q in spans]
    out = []
    for q in spans:
        words = doc_text(doc)[q.start:q.end].split()
        if not words:
            continue
        capitalised = sum(1 for w in words if w[:1].isupper()) / len(words)
        if capitalised >= TITLE_CASE_SHARE and len(words) > 1:
            continue  # "The Haunting in Connecticut": a title, not speech
        sentence_like = len(words) >= MIN_SPEECH_WORDS and words[0][:1].isupper() and \
            (doc_text(doc)[q.end - 1] in ".,!?…" or doc_text(doc)[q.outer_end:q.outer_end + 1] in (".", ""))
        cued = len(words) >= 2 and speech_verb_near(doc, q, lexicon, marks) is not None
        if sentence_like or cued:
            out.append(q)
    return out


def speech_verb_near(doc: Doc, q: QuoteSpan, lexicon: AttributionLexicon, marks: list[tuple[int, int]]) -> Token | None:
    """The reporting verb outside any quotation in the sentence(s) the quotation touches."""
    span = doc.char_span(q.outer_start, q.outer_end, alignment_mode="expand")
    if span is None:
        return None
    sents = {span[0].sent.start: span[0].sent, span[-1].sent.start: span[-1].sent}
    best: tuple[int, Token] | None = None
    for sent in sents.values():
        for tok in sent:
            between = doc_text(doc)[min(tok.idx, q.outer_end):max(tok.idx, q.outer_start)]
            if "\n" in between:
                continue  # the parser may run a sentence across paragraphs; a speaker never crosses one
            if tok.pos_ == "VERB" and lexicon.verb_cue(tok.lemma_) and not _in_marks(tok.idx, marks):
                distance = min(abs(tok.idx - q.outer_end), abs(q.outer_start - tok.idx))
                if best is None or distance < best[0]:
                    best = (distance, tok)
    return best[1] if best else None


def _in_marks(pos: int, marks: list[tuple[int, int]]) -> bool:
    """True when `pos` is inside a quotation (marks included)."""
    return any(s <= pos < e for s, e in marks)


def find_quotes(doc: Doc, entities: tuple[Entity, ...], lexicon: AttributionLexicon) -> tuple[Quote, ...]:
    """Find quoted speech and its speaker, resolved to an entity where the text allows."""
    spans = speech_spans(doc, lexicon)
    marks = [(q.outer_start, q.outer_end) for q in quote_spans(doc_text(doc))]
    quotes: list[Quote] = []
    for q in spans:
        speaker, confidence = speaker_of(doc, q, entities, lexicon, marks), 0.8
        if speaker is None:
            speaker, confidence = _continued_speaker(doc_text(doc), q, quotes, entities), 0.6
        text, end = _trim_quote(doc_text(doc)[q.start:q.end], q.end)
        if speaker is None:
            quotes.append(Quote(text=text, start=q.start, end=end, confidence=0.3))
            continue
        quotes.append(Quote(text=text, start=q.start, end=end, speaker=speaker.text,
                            speaker_entity_id=speaker.entity.id if speaker.entity else None,
                            speaker_evidence=Evidence(speaker.start, speaker.end, doc_text(doc)[speaker.start:speaker.end]),
                            confidence=confidence if speaker.entity else confidence - 0.2))
    return tuple(quotes)


def _trim_quote(text: str, end: int) -> tuple[str, int]:
    """Drop the comma and spaces a quotation carries before its closing mark ('…new fronts,’)."""
    trimmed = text.rstrip().rstrip(",;:").rstrip()
    return trimmed, end - (len(text) - len(trimmed))


def speaker_of(doc: Doc, q: QuoteSpan, entities: tuple[Entity, ...], lexicon: AttributionLexicon,
               marks: list[tuple[int, int]]) -> Referent | None:
    """The speaker of a quotation from its own sentence: 'X said', 'he stated', 'according to X', 'X: “…”'."""
    verb = speech_verb_near(doc, q, lexicon, marks)
    if verb is not None:
        ref = source_of_verb(verb, entities, lexicon, marks)
        if ref is not None:
            return ref
    span = doc.char_span(q.outer_start, q.outer_end, alignment_mode="expand")
    if span is None:
        return None
    sent = span[0].sent
    m = re.search(r"\baccording to\s+", sent.text, re.I)
    if m and not _in_marks(sent.start_char + m.start(), marks):
        np = phrase_after(doc, sent.start_char + m.end())
        if np:
            return make_referent(doc, *np, entities, lexicon)
    before = doc_text(doc)[sent.start_char:q.outer_start].rstrip()
    if before.endswith(":"):
        subject = next((t for t in sent if t.dep_ in ("nsubj",) and t.idx < q.outer_start), None)
        if subject is not None:
            return referent_of(subject, entities, lexicon, marks)
    return None


def source_of_verb(verb: Token, entities: tuple[Entity, ...], lexicon: AttributionLexicon,
                   marks: list[tuple[int, int]]) -> Referent | None:
    """Who a reporting verb reports: its subject, the subject of the clause it hangs from, or the name beside it."""
    head = verb
    for _ in range(3):
        subject = next((t for t in head.children if t.dep_ in ("nsubj",) and not _in_marks(t.idx, marks)), None)
        if subject is not None:
            return referent_of(subject, entities, lexicon, marks)
        if head.dep_ in ("advcl", "xcomp", "conj", "acl") and head.head is not head:
            head = head.head  # "Putin framed it ..., asserting that ..." reports Putin
            continue
        break
    # "..., regional governor Oleg Synehubov said": the parser hung the name elsewhere; take the name right before
    prev = verb.i - 1
    if prev >= 0 and not verb.doc[prev].is_punct:
        ent = _entity_ending_at(verb.doc[prev].idx + len(verb.doc[prev].text), entities)
        if ent is not None:
            return make_referent(verb.doc, *ent, entities, lexicon)
    return None


def _entity_ending_at(end: int, entities: tuple[Entity, ...]) -> tuple[int, int] | None:
    """The span of an entity mention that ends exactly at `end`."""
    for ent in entities:
        for m in ent.mentions:
            if m.end == end:
                return m.start, m.end
    return None


def referent_of(subject: Token, entities: tuple[Entity, ...], lexicon: AttributionLexicon,
                marks: list[tuple[int, int]]) -> Referent | None:
    """A subject token as a Referent: pronouns and role nouns resolved, names linked, first person left out."""
    doc = subject.doc
    if subject.lower_ in FIRST_PERSON or subject.lower_ in ("it", "this", "that", "there", "which", "who"):
        return None  # the writer's own voice, or not a source at all
    if subject.pos_ == "PRON" and subject.lower_ not in PERSON_PRONOUNS:
        return None  # "they", "someone": no one a reader could check
    if subject.lower_ in PERSON_PRONOUNS:
        ref = resolve_pronoun(subject, entities, lexicon, skip=marks, as_speaker=True)
        if ref is not None:
            return Referent(ref.text, subject.idx, subject.idx + len(subject.text), ref.entity, ref.anonymous,
                            ref.official, ref.state_media)
        return None
    start, end = noun_phrase(subject)
    ref = make_referent(doc, start, end, entities, lexicon, head=subject.idx)
    if ref.entity is None and not ref.anonymous:
        role = resolve_role_noun(doc, start, end, entities, lexicon)
        if role is not None and _is_bare_role(doc_text(doc)[start:end]):
            return role
    return ref


def _is_bare_role(text: str) -> bool:
    """True for a role noun standing alone ('the president'), not a new named person ('President Biden')."""
    words = [w for w in text.split() if w.lower() not in ("the", "a", "an")]
    return not any(w[:1].isupper() for w in words[1:]) and not (words and words[0][:1].isupper() and len(words) > 1)


def _continued_speaker(text: str, q: QuoteSpan, earlier: list[Quote], entities: tuple[Entity, ...]) -> Referent | None:
    """The speaker of the previous quotation in the same paragraph, when this one continues it."""
    for prev in reversed(earlier):
        if prev.speaker is None or prev.speaker_evidence is None or q.start - prev.end > CONTINUATION_CHARS:
            continue
        if "\n" in text[prev.end:q.outer_start]:
            return None
        ev = prev.speaker_evidence
        entity = next((e for e in entities if e.id == prev.speaker_entity_id), None)
        return Referent(prev.speaker, ev.start, ev.end, entity)
    return None
