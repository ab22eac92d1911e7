"""Builds every stage once and runs them in order over an Article; nothing else lives here."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from sitrep import attribution, checks, entities, events, geo
from sitrep.geo.evidence import english_zipf
from sitrep.evidence import check_evidence
from sitrep.nlp import load_nlp
from sitrep.records import Article, Report
from sitrep.tables import Tables, load_tables

CHUNK_TOKENS = 20_000  # about 300 MB of spaCy arrays: keeps one article under 1.5 GB in all


@dataclass(frozen=True)
class Pipeline:
    """Loaded models and tables; build with `load_pipeline()` and reuse for every article."""

    nlp: Language
    tables: Tables
    gazetteer: Any  # sitrep.geo.Gazetteer
    event_lexicon: Any  # sitrep.events.EventLexicon
    attribution_lexicon: Any  # sitrep.attribution.AttributionLexicon

    def analyze(self, article: Article) -> Report:
        """Run every stage over one article."""
        return self.analyze_doc(article, self.parse(article.text))

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 16, n_process: int = 1) -> Iterator[Report]:
        """Run every stage over many articles, batching the spaCy step (long ones are parsed alone, in chunks)."""
        # a text no longer than CHUNK_TOKENS characters has no more tokens than that; longer ones pass
        # through the batch as an empty placeholder, keeping the order, and are parsed here in chunks
        pairs = ((a.text if len(a.text) <= CHUNK_TOKENS else "", a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
            yield self.analyze_doc(article, doc if len(article.text) <= CHUNK_TOKENS else self.parse(article.text))

    def parse(self, text: str) -> Doc:
        """Run spaCy over `text` in chunks of at most CHUNK_TOKENS tokens, joined into one Doc with the same text.

        spaCy's token-to-vector step holds arrays for the whole Doc at once, about 15 KB a token:
        a 100,000-token article peaked at 1.7 GB. Chunks end at a line break where one is near,
        so sentences are rarely cut; offsets are unchanged because the chunks concatenate to `text`.
        """
        doc = self.nlp.tokenizer(text)  # not make_doc: its max_length check is for one chunk, not the whole
        if len(doc) <= CHUNK_TOKENS:
            return self.nlp(doc)
        bounds = [0, *chunk_starts(doc, CHUNK_TOKENS), len(text)]
        chunks = list(self.nlp.pipe(text[a:b] for a, b in zip(bounds, bounds[1:])))
        for chunk in chunks:  # each chunk's cached text (nlp.doc_text) is not the whole one's
            chunk.user_data.clear()
        return Doc.from_docs(chunks, ensure_whitespace=False)

    def analyze_doc(self, article: Article, doc: Doc) -> Report:
        """Run the stages after spaCy on an already parsed document; every span is checked against the text."""
        found = entities.extract_entities(doc, self.tables)
        places = geo.find_places(doc, found, self.gazetteer)
        found = entities.drop_entities_claimed_by_places(found, places)
        quotes = attribution.find_quotes(doc, found, self.attribution_lexicon)
        sources = attribution.find_attributions(doc, found, self.attribution_lexicon)
        found_events = events.extract_events(doc, found, places, sources, article, self.event_lexicon, quotes)
        report = Report(article=article, entities=found, places=places, events=found_events,
                        quotes=quotes, attributions=sources, main_events=events.main_events(found_events))
        return check_evidence(replace(report, flags=checks.run_checks(report)))


def chunk_starts(doc: Doc, size: int) -> list[int]:
    """Character offsets where chunks of at most `size` tokens begin: after a line break in a chunk's last quarter, else at a token."""
    starts, first = [], 0
    while len(doc) - first > size:
        last = first + size
        cut = next((i for i in range(last, first + size * 3 // 4, -1) if "\n" in doc[i - 1].whitespace_
                    or doc[i - 1].is_space and "\n" in doc[i - 1].text), last)
        starts.append(doc[cut].idx)
        first = cut
    return starts


def load_pipeline(model: str | None = None) -> Pipeline:
    """Load the spaCy model, the gazetteer and every lexicon once."""
    tables = load_tables()
    nlp = load_nlp() if model is None else load_nlp(model)
    english_zipf("the")  # load the word-frequency table now, not inside the first article's analysis
    return Pipeline(
        nlp=nlp,
        tables=tables,
        gazetteer=geo.Gazetteer.load(),
        event_lexicon=events.EventLexicon.load(),
        attribution_lexicon=attribution.AttributionLexicon.load(tables),
    )
