"""Builds every stage once and runs them in order over an Article; nothing else lives here."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from sitrep import attribution, checks, entities, events, geo
from sitrep.nlp import load_nlp
from sitrep.records import Article, Report
from sitrep.tables import Tables, load_tables


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
        return self.analyze_doc(article, self.nlp(article.text))

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 16, n_process: int = 1) -> Iterator[Report]:
        """Run every stage over many articles, batching the spaCy step."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
            yield self.analyze_doc(article, doc)

    def analyze_doc(self, article: Article, doc: Doc) -> Report:
        """Run the stages after spaCy on an already parsed document."""
        found = entities.extract_entities(doc, self.tables)
        places = geo.find_places(doc, found, self.gazetteer)
        found = entities.drop_entities_claimed_by_places(found, places)
        quotes = attribution.find_quotes(doc, found, self.attribution_lexicon)
        sources = attribution.find_attributions(doc, found, self.attribution_lexicon)
        found_events = events.extract_events(doc, found, places, sources, article, self.event_lexicon, quotes)
        report = Report(article=article, entities=found, places=places, events=found_events,
                        quotes=quotes, attributions=sources, main_events=events.main_events(found_events))
        return replace(report, flags=checks.run_checks(report))


def load_pipeline(model: str | None = None) -> Pipeline:
    """Load the spaCy model, the gazetteer and every lexicon once."""
    tables = load_tables()
    nlp = load_nlp() if model is None else load_nlp(model)
    return Pipeline(
        nlp=nlp,
        tables=tables,
        gazetteer=geo.Gazetteer.load(),
        event_lexicon=events.EventLexicon.load(),
        attribution_lexicon=attribution.AttributionLexicon.load(tables),
    )
