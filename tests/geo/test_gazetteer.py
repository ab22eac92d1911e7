"""The gazetteer cache: exact, variant, fuzzy and curated-region lookups (expected ids read from GeoNames)."""
from __future__ import annotations

import pytest

from sitrep.errors import MissingDataError
from sitrep.geo import Gazetteer, find_candidates


def ids(toponym):
    return {e.geonameid for e in toponym.candidates}


@pytest.mark.parametrize("spelling, geonameid", [
    ("Syeverodonetsk", 691999),  # BGN spelling of Sievierodonetsk, Luhansk oblast
    ("Severodonnetsk", 691999),  # the seed's misspelling (doubled n)
    ("Slavyansk", 693468),  # Russian name of Sloviansk
    ("Kharkov", 706483),
    ("Kiev", 703448),
    ("Nikolaev", 700569),  # Mykolaiv
    ("Artemovsk", 713174),  # Bakhmut's Soviet name
    ("Lugansk", 702658),
])
def test_spelling_variants_reach_the_ukrainian_city(gazetteer, spelling, geonameid):
    assert geonameid in ids(find_candidates(spelling, 0, len(spelling), gazetteer))


def test_skeleton_match_is_recorded_as_variant(gazetteer):
    found = find_candidates("Severodonnetsk", 0, 14, gazetteer)
    assert {e.how for e in found.candidates} == {"variant"}


def test_misspelling_reaches_the_city_by_fuzzy_match(gazetteer):
    found = find_candidates("Kramatrosk", 0, 10, gazetteer)  # transposed letters: no rule undoes that
    assert 704508 in ids(found)
    assert all(e.how == "fuzzy" for e in found.candidates)


def test_fuzzy_matching_can_be_switched_off(gazetteer):
    assert find_candidates("Kramatrosk", 0, 10, gazetteer, fuzzy=False).candidates == ()


def test_seversk_reaches_both_the_siberian_city_and_siversk(gazetteer):
    assert {1538637, 694403} <= ids(find_candidates("Seversk", 0, 7, gazetteer))


def test_donbas_comes_from_the_curated_region_table(gazetteer):
    (donbas,) = find_candidates("Donbass", 0, 7, gazetteer).candidates
    assert donbas.how == "region_table" and donbas.precision == "region"
    assert set(donbas.covers) == {"UA.05", "UA.14"}
    assert abs(donbas.lat - 48.3) < 0.5 and abs(donbas.lon - 38.3) < 0.5


def test_dpr_is_donetsk_oblast(gazetteer):
    for name in ("Donetsk People’s Republic", "DPR"):
        (dpr,) = find_candidates(name, 0, len(name), gazetteer).candidates
        assert dpr.geonameid == 709716 and dpr.admin1 == "UA.05"


def test_admin_suffix_selects_the_oblast_not_the_city(gazetteer):
    found = find_candidates("Kursk region", 0, 12, gazetteer)
    assert found.suffix == "region"
    assert all(e.precision != "city" for e in found.candidates)
    assert "RU.41" in {e.admin1 for e in found.candidates}


def test_missing_cache_says_what_to_run(tmp_path):
    with pytest.raises(MissingDataError, match="sitrep gazetteer build"):
        Gazetteer.load(tmp_path / "absent.sqlite", build=False)


def test_capitalised_word_does_not_reach_an_abbreviation(gazetteer):
    assert find_candidates("Act", 0, 3, gazetteer).candidates == ()  # not the Australian Capital Territory
    assert "AU" in {e.country for e in find_candidates("ACT", 0, 3, gazetteer).candidates}


def test_a_skeleton_shared_with_a_far_country_is_not_a_spelling_variant(gazetteer):
    # "Khatyn" (the Belarusian village burnt in 1943; no populated place in GeoNames cities500) reduces to the
    # same skeleton as Vietnam's Ha Tinh; only Cyrillic-script countries take transliteration variants
    assert all(e.country in gazetteer.rules.countries for e in gazetteer.lookup_variants("khatyn"))
    assert not [e for e in gazetteer.lookup_variants("khatyn") if e.country == "VN"]


def test_variants_still_reach_ukrainian_spellings(gazetteer):
    assert 691999 in {e.geonameid for e in gazetteer.lookup_variants("severodonnetsk")}
