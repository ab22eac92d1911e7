"""Place checks on the seed article, with Place records built from GeoNames values verified by hand."""
from __future__ import annotations

from dataclasses import replace

import pytest
from places_fixture import place

from sitrep.checks import (flag_confusable_places, flag_nonstandard_spelling, flag_place_outside_stated_area,
                           flag_place_region_mismatch)
from sitrep.checks.places import km, looks_like_a_respelling, names_confusable
from sitrep.records import Article, Place, Report


@pytest.fixture(scope="module")
def seed_article(seed_text) -> Article:
    return Article.from_text(seed_text)


def _seed_places(text: str, with_sevsk: bool = True):
    places = [
        place("Severodonnetsk", text, stated_in="Donetsk People’s Republic", stated_in_admin1="UA.05",
              stated_in_country="UA"),
        place("Donetsk People’s Republic", text),
        place("Sloviansk", text, stated_in="Donetsk region", stated_in_admin1="UA.05", stated_in_country="UA"),
        place("Kramatorsk", text, stated_in="Donetsk region", stated_in_admin1="UA.05", stated_in_country="UA"),
        place("Donetsk region", text),
        place("Seversk", text),
    ]
    if with_sevsk:
        places += [place("Sevsk", text, 0), place("Sevsk", text, 1)]
    return tuple(sorted(places, key=lambda p: p.start))


def test_severodonnetsk_in_the_dpr_is_flagged_as_luhansk(seed_article):
    flags = flag_place_region_mismatch(Report(seed_article, places=_seed_places(seed_article.text)))
    assert [(f.kind, f.places) for f in flags] == [
        ("place_region_mismatch", ("Severodonnetsk", "Donetsk People’s Republic"))]
    assert flags[0].evidence.text == "Severodonnetsk in the Donetsk People’s Republic"
    assert "UA.14" in flags[0].message


def test_sloviansk_in_the_donetsk_region_is_not_flagged(seed_article):
    places = tuple(p for p in _seed_places(seed_article.text) if p.text != "Severodonnetsk")
    assert flag_place_region_mismatch(Report(seed_article, places=places)) == []


def test_a_list_of_places_is_not_a_container():
    # address of 3 May 2022: "X, Y, Z regions" lists regions; it does not put Mykolaiv in Zaporizhia
    text = ("This is one of the episodes of their appalling crimes, which are currently happening in Mariupol, Izyum, "
            "Kharkiv, Kherson, Donetsk, Luhansk, Mykolaiv, Zaporizhia regions.")
    start, region_at = text.index("Mykolaiv"), text.index("Zaporizhia")
    town = Place("Mykolaiv", start, start + 8, geonameid=700569, country="UA", admin1="UA.16", precision="city",
                 stated_in="Zaporizhia", stated_in_admin1="UA.26", stated_in_country="UA")
    area = Place("Zaporizhia", region_at, region_at + 10, geonameid=687699, country="UA", admin1="UA.26",
                 precision="admin1")
    assert flag_place_region_mismatch(Report(Article.from_text(text), places=(town, area))) == []


def test_sevsk_is_far_outside_the_donbas_the_article_is_about(seed_article):
    flags = flag_place_outside_stated_area(Report(seed_article, places=_seed_places(seed_article.text)))
    assert [f.places for f in flags] == [("Sevsk",)]
    assert "seizure of Sevsk" in flags[0].evidence.text


def test_no_outside_area_flag_when_every_place_is_in_the_donbas(seed_article):
    report = Report(seed_article, places=_seed_places(seed_article.text, with_sevsk=False))
    assert flag_place_outside_stated_area(report) == []


def test_no_outside_area_flag_without_a_stated_area(seed_article):
    text = seed_article.text
    report = Report(seed_article, places=(place("Sevsk", text), place("Seversk", text)))
    assert flag_place_outside_stated_area(report) == []


def test_sevsk_and_seversk_are_confusable(seed_article):
    flags = flag_confusable_places(Report(seed_article, places=_seed_places(seed_article.text)))
    assert [f.places for f in flags] == [("Sevsk", "Seversk")]
    assert flags[0].evidence.text == "Seversk"


def test_sloviansk_and_kramatorsk_are_not_confusable(seed_article):
    places = tuple(p for p in _seed_places(seed_article.text) if p.text not in ("Sevsk", "Seversk"))
    assert flag_confusable_places(Report(seed_article, places=places)) == []


@pytest.mark.parametrize("a, b, expected", [
    ("Sevsk", "Seversk", True),  # two letters inserted
    ("Sloviansk", "Slovyansk", True),  # one substitution
    ("Donetsk", "Donbass", False),
    ("Paris", "Parma", False),  # two substitutions
    ("Kyiv", "Kiev", False),
])
def test_names_confusable(a, b, expected):
    assert names_confusable(a, b) is expected


def test_haversine_sevsk_to_siversk_is_about_445_km():
    # Sevsk 52.14904/34.49347 to Siversk 48.86476/38.09683, by the haversine formula on a 6371 km sphere
    assert km(52.14904, 34.49347, 48.86476, 38.09683) == pytest.approx(445, abs=3)


def test_severodonnetsk_spelling_variant_is_flagged(seed_article):
    text = seed_article.text
    variant = replace(place("Severodonnetsk", text), matched_by="variant", variant_of="Severodonetsk")
    places = (variant, place("Sloviansk", text), place("Kramatorsk", text))
    flags = flag_nonstandard_spelling(Report(seed_article, places=places))
    assert [(f.kind, f.evidence.text, f.places) for f in flags] == [
        ("nonstandard_spelling", "Severodonnetsk", ("Severodonnetsk", "Severodonetsk"))]


def test_a_loose_match_with_no_place_near_it_is_not_flagged(seed_article):
    # with nothing found by exact name near it, a variant match is more likely not a place than a misspelling
    variant = replace(place("Severodonnetsk", seed_article.text), matched_by="variant", variant_of="Severodonetsk")
    assert flag_nonstandard_spelling(Report(seed_article, places=(variant,))) == []


def test_exact_spelling_is_not_flagged(seed_article):
    places = (place("Kramatorsk", seed_article.text),)
    assert flag_nonstandard_spelling(Report(seed_article, places=places)) == []


@pytest.mark.parametrize("written, standard, expected", [
    ("Severodonnetsk", "Severodonetsk", True),  # the seed's doubled n
    ("South Charlston", "South Charleston", True),  # LGL misspelling
    ("Hampton Hills", "Hampton Mills", False),  # another name, first letter differs
    ("Edwardsville District", "Edwardsville", False),  # a word added
    ("South Ossetian", "South Ossetia", False),  # an adjective, not a respelling
    ("veranda", "Verand", False),  # not a proper name
])
def test_looks_like_a_respelling(written, standard, expected):
    assert looks_like_a_respelling(written, standard) is expected
