"""Place linking against Place records, relative dates against the article date, output invariants."""
from __future__ import annotations

import pytest

from sitrep import entities as entity_stage
from sitrep.events import extract_events
from sitrep.events.dates import DateResolver
from sitrep.records import Article, Place


def _place(text: str, word: str, **resolved) -> Place:
    at = text.index(word)
    return Place(text=word, start=at, end=at + len(word), **resolved)


def test_events_point_at_the_resolved_place_records(pipeline, seed_text):
    # values as resolved in GeoNames: Sloviansk 693468 and Kramatorsk 704508 (Donetsk oblast, UA.05)
    sent = seed_text[seed_text.index("Meanwhile, reports"):seed_text.index("Local officials")]
    places = (_place(sent, "Sloviansk", geonameid=693468, lat=48.84974, lon=37.59739, country="UA"),
              _place(sent, "Kramatorsk", geonameid=704508, lat=48.73106, lon=37.56779, country="UA"))
    doc = pipeline.nlp(sent)
    found = entity_stage.extract_entities(doc, pipeline.tables)
    events = extract_events(doc, found, places, (), Article.from_text(sent), pipeline.event_lexicon)
    assert [(e.place.text, e.place.geonameid, e.place.lat) for e in events] == [
        ("Sloviansk", 693468, 48.84974), ("Kramatorsk", 704508, 48.73106)]
    assert all(e.type == "MOBILIZE" for e in events)


def test_a_place_describing_the_recipient_is_not_the_event_place(seed_report):
    # Severodonnetsk is in the apposition on Temirkhanov, not where Putin's call took place
    (call,) = [e for e in seed_report.events if e.trigger.text == "spoke"]
    assert call.place is None


def test_no_place_in_the_sentence_means_no_place(seed_report):
    (ev,) = [e for e in seed_report.events if e.trigger.text == "conversation"]
    assert ev.place is None


@pytest.fixture(scope="module")
def dates() -> DateResolver:
    return DateResolver.load()


@pytest.mark.parametrize("phrase, expected", [
    # 2022-05-17 was a Tuesday
    ("yesterday", ("2022-05-16", "day")),
    ("on Sunday", ("2022-05-15", "day")),
    ("hours earlier", ("2022-05-17", "day")),
    ("late last night", ("2022-05-16", "day")),
    ("since February 24", ("2022-02-24", "day")),
    ("in March 2022", ("2022-03", "month")),
])
def test_relative_and_absolute_dates_resolve_against_the_article_date(dates, phrase, expected):
    from datetime import datetime

    day, granularity = dates.resolve(phrase, datetime(2022, 5, 17, 12))
    assert (day[: len(expected[0])], granularity) == expected


def test_last_week_and_coming_days_have_week_granularity(dates):
    from datetime import datetime

    assert dates.resolve("last week", datetime(2022, 5, 17, 12))[1] == "week"
    assert dates.resolve("in the coming days", datetime(2022, 5, 17, 12))[1] == "week"


def test_relative_date_without_article_date_stays_unknown(dates):
    assert dates.resolve("yesterday", None) == (None, "unknown")


def test_event_date_comes_from_its_clause(sentence_report):
    report = sentence_report("220 Ukrainian children have been killed by the Russian army")
    (ev,) = [e for e in report.events if e.trigger.text == "killed"]
    assert (ev.date, ev.date_granularity) == ("2022-02-24", "day")
    gyrych = sentence_report("Vira Gyrych who was killed")
    (ev,) = [e for e in gyrych.events if e.trigger.text == "killed"]
    assert ev.date is None  # "Today" belongs to the ceremony, not the killing


def test_ids_offsets_evidence_and_confidence(seed_report, seed_text):
    events = seed_report.events
    assert [e.id for e in events] == [f"V{i}" for i in range(1, len(events) + 1)]
    assert [e.trigger.start for e in events] == sorted(e.trigger.start for e in events)
    for e in events:
        assert seed_text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert seed_text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert e.evidence.start <= e.trigger.start < e.trigger.end <= e.evidence.end
        assert 0.0 <= e.confidence <= 1.0
        assert e.cameo and e.quad_class in (1, 2, 3, 4)


def test_today_dates_the_talks_and_the_recipient_hangs_off_the_light_verb(sentence_report):
    report = sentence_report("I held talks today with a delegation of US senators")
    (ev,) = [e for e in report.events if e.trigger.text == "talks"]
    assert (ev.date, ev.date_granularity) == ("2022-05-14", "day")  # the address is dated 2022-05-14
    assert ev.recipient.text.startswith("delegation of US senators")
    # "US" describes the senators, it is not where the talks were held ("in Kyiv" hangs off "led by ...")
    assert ev.place is None or ev.place.text == "Kyiv"


def test_an_ordinal_day_count_is_not_a_calendar_year(sentence_report):
    report = sentence_report("On the 80th day of the full-scale invasion")
    (ev,) = [e for e in report.events if e.trigger.text == "invasion"]
    assert (ev.date, ev.date_granularity) == (None, "unknown")
