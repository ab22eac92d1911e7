"""Bounded work per article: long symbol runs tokenise linearly, long texts parse in chunks, spans stay honest."""
from __future__ import annotations

from dataclasses import replace

import pytest

import sitrep.pipeline
from sitrep.evidence import EvidenceError, check_evidence, span_violations
from sitrep.ingest.text import article_from_string


def test_an_emoji_flood_keeps_its_text_and_becomes_few_tokens(pipeline):
    text = "Russian forces shelled Kharkiv. " + "😀" * 100_000
    doc = pipeline.nlp.make_doc(text)
    assert doc.text == text
    # a 64-character piece of symbols is one token, not 64: the models' work follows the token count
    assert len(doc) < 100_000 / 60


def test_a_long_run_with_letters_in_it_is_still_split_into_words(pipeline):
    text = "/".join(["Russian", "forces", "shelled", "Kharkiv"] * 20) + " on Monday."  # one 320-character run
    doc = pipeline.nlp.make_doc(text)
    assert doc.text == text
    assert "Kharkiv" in {t.text for t in doc}


def test_an_emoji_flood_gets_a_report_whose_spans_are_honest(pipeline):
    text = "Russian forces shelled Kharkiv on Monday. " + "😀🔥" * 50_000 + "\nUkraine's army said two died."
    report = pipeline.analyze(article_from_string(text, language_check=False))
    assert span_violations(report) == []
    assert any(p.text == "Kharkiv" for p in report.places)


def test_an_article_parsed_in_chunks_gives_the_same_report_as_in_one_piece(pipeline, seed_text, monkeypatch):
    article = article_from_string(seed_text * 3)
    whole = pipeline.analyze(article)
    monkeypatch.setattr(sitrep.pipeline, "CHUNK_TOKENS", 400)
    doc = pipeline.parse(article.text)
    assert doc.text == article.text
    chunked = pipeline.analyze(article)
    assert span_violations(chunked) == []
    assert [(e.text, e.type) for e in chunked.entities] == [(e.text, e.type) for e in whole.entities]
    assert [(p.text, p.start) for p in chunked.places] == [(p.text, p.start) for p in whole.places]
    assert [(e.type, e.trigger.start) for e in chunked.events] == [(e.type, e.trigger.start) for e in whole.events]


def test_a_long_article_among_short_ones_keeps_its_place_in_the_batch(pipeline, seed_text, monkeypatch):
    monkeypatch.setattr(sitrep.pipeline, "CHUNK_TOKENS", 400)
    texts = ["Russian forces shelled Kharkiv on Monday.", seed_text, "A drone strike hit Odesa port overnight."]
    reports = list(pipeline.analyze_many(article_from_string(t, language_check=False) for t in texts))
    assert [r.article.text for r in reports] == [article_from_string(t, language_check=False).text for t in texts]
    assert all(span_violations(r) == [] for r in reports)


def test_a_span_whose_words_are_not_the_text_is_refused_in_one_place(seed_report):
    entity = seed_report.entities[0]
    forged = replace(seed_report, entities=(replace(entity, mentions=(
        replace(entity.mentions[0], text="Somebody Else"),)),) + seed_report.entities[1:])
    assert check_evidence(seed_report) is seed_report
    with pytest.raises(EvidenceError, match="Somebody Else"):
        check_evidence(forged)
    outside = replace(seed_report, entities=(replace(entity, mentions=(
        replace(entity.mentions[0], start=10**7, end=10**7 + 3),)),))
    assert "outside the text" in span_violations(outside)[0]
