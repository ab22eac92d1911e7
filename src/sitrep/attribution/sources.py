"""Source chains: 'according to X, as reported by Y', 'X, citing Y', 'X said', 'reportedly'."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from sitrep.attribution.lexicon import OFFICIAL_SECTORS, AttributionLexicon, Cue
from sitrep.attribution.quotes import find_quotes, quote_spans, referent_of, source_of_verb
from sitrep.attribution.referents import Referent, make_referent, noun_phrase, phrase_after
from sitrep.nlp import doc_text
from sitrep.records import Attribution, Entity, Evidence


@dataclass
class _Draft:
    """An attribution under construction inside one sentence."""

    cue: str
    cue_start: int
    cue_end: int
    chain: list[Referent]
    hedged: bool
    scope_kind: str
    kind: str
    extra: list[tuple[int, int]] = field(default_factory=list)  # other spans the evidence must cover


def find_attributions(doc: Doc, entities: tuple[Entity, ...], lexicon: AttributionLexicon) -> tuple[Attribution, ...]:
    """Find every source chain, innermost source first, with the span each one governs."""
    marks = [(q.outer_start, q.outer_end) for q in quote_spans(doc_text(doc))]
    out: list[Attribution] = []
    for sent in doc.sents:
        drafts = _sentence_drafts(doc, sent, entities, lexicon, marks)
        out.extend(_freeze(doc, sent, d, lexicon) for d in drafts)
    out.extend(_quote_attributions(doc, entities, lexicon, out))
    return tuple(sorted(out, key=lambda a: a.evidence.start))


def _sentence_drafts(doc: Doc, sent: Span, entities: tuple[Entity, ...], lexicon: AttributionLexicon,
                     marks: list[tuple[int, int]]) -> list[_Draft]:
    """All attributions of one sentence, chained and de-duplicated."""
    phrase_drafts = _phrase_cues(doc, sent, entities, lexicon, marks)
    covered = [(d.cue_start, d.cue_end) for d in phrase_drafts]
    verb_drafts = _verb_cues(sent, entities, lexicon, marks, covered)
    drafts = _link_relays(phrase_drafts)
    drafts = _merge_verbs(drafts, verb_drafts)
    if not drafts:
        drafts = _sourceless_cues(sent, lexicon, marks)
    return drafts


def _phrase_cues(doc: Doc, sent: Span, entities: tuple[Entity, ...], lexicon: AttributionLexicon,
                 marks: list[tuple[int, int]]) -> list[_Draft]:
    """'according to X', 'as reported by X', 'citing X' in a sentence, in text order."""
    drafts: list[_Draft] = []
    taken: list[tuple[int, int]] = []
    sent_text = sent.text  # Span.text walks every token: read it once per sentence
    lowered = sent_text.lower()
    for cue in lexicon.cues_of("prep", "relay", "cite"):
        if cue.text.lower() not in lowered:
            continue
        for m in re.finditer(rf"\b{re.escape(cue.text)}\b", sent_text, re.I):
            s, e = sent.start_char + m.start(), sent.start_char + m.end()
            if _inside(s, marks) or any(a <= s < b for a, b in taken):
                continue
            np = phrase_after(doc, e + len(sent_text[m.end():]) - len(sent_text[m.end():].lstrip()))
            if np is None:
                continue
            ref = _resolve(doc, np, entities, lexicon, marks)
            if ref is None:
                continue
            taken.append((s, e))
            chain = [ref]
            if cue.kind == "cite":
                outer = _citer(doc, s, entities, lexicon, marks)
                if outer is not None:
                    chain.append(outer)
            drafts.append(_Draft(doc_text(doc)[s:e], s, e, chain, cue.hedged, cue.scope, cue.kind))
    return sorted(drafts, key=lambda d: d.cue_start)


def _resolve(doc: Doc, np: tuple[int, int], entities: tuple[Entity, ...], lexicon: AttributionLexicon,
             marks: list[tuple[int, int]]) -> Referent | None:
    """A source phrase after a cue as a Referent, resolving a lone pronoun ('according to him')."""
    span = doc.char_span(*np, alignment_mode="expand")
    if span is not None and len(span) == 1 and span[0].pos_ == "PRON":
        return referent_of(span[0], entities, lexicon, marks)
    return make_referent(doc, *np, entities, lexicon)


def _citer(doc: Doc, cue_start: int, entities: tuple[Entity, ...], lexicon: AttributionLexicon,
           marks: list[tuple[int, int]]) -> Referent | None:
    """Who is citing: the noun 'citing' hangs from, else the subject of the clause it modifies."""
    tok = _token_at(doc, cue_start)
    if tok is None:
        return None
    head = tok.head
    if head.pos_ in ("NOUN", "PROPN") and head.i < tok.i:
        return referent_of(head, entities, lexicon, marks)
    if head.pos_ in ("VERB", "AUX"):
        return source_of_verb(head, entities, lexicon, marks)
    return None


def _verb_cues(sent: Span, entities: tuple[Entity, ...], lexicon: AttributionLexicon,
               marks: list[tuple[int, int]], covered: list[tuple[int, int]]) -> list[_Draft]:
    """'X said (that) …', '…, X said', 'reports suggest that …': reporting verbs with a reported clause."""
    drafts = []
    has_quote = any(sent.start_char <= s < sent.end_char for s, _ in marks)
    for tok in sent:
        cue = lexicon.verb_cue(tok.lemma_) if tok.pos_ == "VERB" else None
        if cue is None or _inside(tok.idx, marks) or _inside(tok.idx, covered):
            continue
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            continue  # passives are hedges or agent chains, handled apart
        if not (has_quote or _reports_a_clause(tok)) or _negated(tok):
            continue
        ref = source_of_verb(tok, entities, lexicon, marks)
        if ref is None:
            continue
        chain = [ref]
        relay = _media_addressee(tok, entities, lexicon)
        if relay is not None:
            chain.append(relay)
        hedged = cue.hedged or any(c.lower_ in lexicon.hedges for c in tok.children)
        drafts.append(_Draft(tok.text, tok.idx, tok.idx + len(tok.text), chain, hedged, cue.scope, "verb"))
    return drafts


def _negated(tok: Token) -> bool:
    """True for a reporting verb that reports nothing ('would not say', 'neither X nor Y would say')."""
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return any(c.dep_ == "neg" for c in tok.children) or \
        (subject is not None and subject.left_edge.lower_ in ("neither", "no", "nobody", "none"))


def _reports_a_clause(tok: Token) -> bool:
    """True when a reporting verb carries reported content: a that-clause, or it stands after the content."""
    if any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
        return True
    # "…, officials said." is often parsed with the content as the verb's head
    return tok.dep_ in ("parataxis", "ccomp") and tok.head.i < tok.i


def _media_addressee(tok: Token, entities: tuple[Entity, ...], lexicon: AttributionLexicon) -> Referent | None:
    """The outlet a source spoke to ('Peskov told TASS'), which relays the claim."""
    for child in tok.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ == "PROPN":
            ref = make_referent(tok.doc, *noun_phrase(child), entities, lexicon)
            if ref.entity is not None and ref.entity.type == "MEDIA":
                return ref
    return None


def _link_relays(drafts: list[_Draft]) -> list[_Draft]:
    """Fold 'as reported by Y' into the source just before it: 'according to X, as reported by Y' is (X, Y)."""
    out: list[_Draft] = []
    for d in drafts:
        if d.kind == "relay" and out:
            prev = out[-1]
            prev.chain.extend(r for r in d.chain if r.text not in {p.text for p in prev.chain})
            prev.extra.append((d.cue_start, max(r.end for r in d.chain)))
            prev.hedged = prev.hedged or d.hedged
            continue
        out.append(d)
    return out


def _merge_verbs(phrases: list[_Draft], verbs: list[_Draft]) -> list[_Draft]:
    """Combine a sentence's verb sources with its phrase sources: 'According to TASS, Putin said' is (Putin, TASS)."""
    known = {r.text for d in phrases for r in d.chain}
    frames = [d for d in phrases if d.kind in ("prep", "relay")]
    out = list(phrases)
    for v in verbs:
        if v.chain[0].text in known:
            continue  # 'TASS reported, citing the ministry': TASS is already the outer link
        if frames:
            v.chain.extend(r for r in frames[0].chain if r.text not in {c.text for c in v.chain})
            v.extra.append((frames[0].cue_start, max(r.end for r in frames[0].chain)))
        out.append(v)
    return out


def _sourceless_cues(sent: Span, lexicon: AttributionLexicon, marks: list[tuple[int, int]]) -> list[_Draft]:
    """'reportedly', 'is said to': a claim handed to no one, used only when the sentence names no source."""
    for tok in sent:
        if _inside(tok.idx, marks):
            continue
        if tok.lower_ in {c.text for c in lexicon.cues_of("adverb")}:
            return [_Draft(tok.text, tok.idx, tok.idx + len(tok.text), [], True, "sentence", "adverb")]
        cue = lexicon.passive_cue(tok.lemma_) if tok.tag_ == "VBN" else None
        if cue is not None and any(c.dep_ == "auxpass" for c in tok.children):
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            verb_after = tok.i + 2 < len(tok.doc) and tok.doc[tok.i + 2].tag_ == "VB"
            modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)
            # "is said to have …", not "was reported to police" nor the rhetorical "can be said to"
            if nxt is not None and nxt.lower_ == "to" and verb_after and not modal:
                aux = next(c for c in tok.children if c.dep_ == "auxpass")
                s = min(aux.idx, tok.idx)
                return [_Draft(doc_text(tok.doc)[s:nxt.idx + 2], s, nxt.idx + 2, [], cue.hedged, "sentence", "passive")]
    return []


def _freeze(doc: Doc, sent: Span, d: _Draft, lexicon: AttributionLexicon) -> Attribution:
    """Turn a draft into an Attribution with evidence over cue and sources and a scope over what it governs."""
    spans = [(d.cue_start, d.cue_end), *((r.start, r.end) for r in d.chain), *d.extra]
    s, e = min(a for a, _ in spans), max(b for _, b in spans)
    end = _paragraph_end(doc_text(doc), sent.end_char) if d.scope_kind == "paragraph" else sent.end_char
    scope_text = doc_text(doc)[sent.start_char:end].rstrip()
    # "officials, speaking on condition of anonymity, said": the formula sits outside the source phrase
    anonymous = not d.chain or any(r.anonymous for r in d.chain) or _anonymity_formula(sent, lexicon)
    return Attribution(
        cue=d.cue,
        chain=tuple(r.text for r in d.chain),
        evidence=Evidence(s, e, doc_text(doc)[s:e]),
        anonymous=anonymous,
        hedged=d.hedged,
        official=any(r.official for r in d.chain),
        state_media=any(r.state_media for r in d.chain),
        scope=Evidence(sent.start_char, sent.start_char + len(scope_text), scope_text),
    )


def _anonymity_formula(sent: Span, lexicon: AttributionLexicon) -> bool:
    """True when the sentence uses an anonymity formula ('spoke on condition of anonymity', 'requested anonymity')."""
    low = sent.text.lower()
    return any(p in low for p in lexicon.anonymous_phrases)


def _paragraph_end(text: str, pos: int) -> int:
    """Offset where the paragraph holding `pos` ends (the next newline, or the end of text)."""
    nl = text.find("\n", max(pos - 1, 0))
    return len(text) if nl == -1 else nl


def _quote_attributions(doc: Doc, entities: tuple[Entity, ...], lexicon: AttributionLexicon,
                        found: list[Attribution]) -> list[Attribution]:
    """A quotation's speaker governs the quoted words when no attribution in its sentence already says so."""
    out = []
    for q in find_quotes(doc, entities, lexicon):
        if q.speaker is None or q.speaker_evidence is None:
            continue
        if any(a.scope and a.scope.start <= q.start and q.end <= a.scope.end and q.speaker in a.chain for a in found):
            continue
        # the quoted words are the evidence: the speaker's mention ("he") may sit sentences away
        scope = Evidence(q.start - 1, q.end + 1, doc_text(doc)[q.start - 1:q.end + 1])
        speaker = next((e for e in entities if e.id == q.speaker_entity_id), None)
        out.append(Attribution(cue="quotation", chain=(q.speaker,), evidence=Evidence(q.start, q.end, q.text),
                               official=speaker is not None and (speaker.sector or "") in OFFICIAL_SECTORS,
                               scope=scope))
    return out


def _token_at(doc: Doc, char: int) -> Token | None:
    """The token starting at a character offset."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """True when `pos` lies inside one of the spans."""
    return any(s <= pos < e for s, e in spans)


__all__ = ["find_attributions", "Cue"]
