"""Recognition beyond spaCy's NER: front-line towns, the word-frequency prior, rivers, demonyms, abbreviations."""
from __future__ import annotations

import pytest


def _ids(places):
    return {p.text: p.geonameid for p in places}


def test_towns_the_model_reads_as_organisations_are_found_in_a_ukraine_sentence(geoparse):
    places = _ids(geoparse("Russian forces shelled Avdiivka, Kostiantynivka and Druzhkivka overnight."))
    assert places == {"Avdiivka": 713122, "Kostiantynivka": 705104, "Druzhkivka": 616743}


def test_andriivka_south_of_bakhmut_resolves_into_donetsk_oblast(geoparse):
    places = {p.text: p for p in geoparse("Ukrainian troops retook Klishchiivka and Andriivka south of Bakhmut.")}
    assert places["Bakhmut"].geonameid == 713174
    assert places["Andriivka"].admin1 == "UA.05"


def test_zaporizhzhia_front_villages_are_found(geoparse):
    places = _ids(geoparse("Fighting continues near Velyka Novosilka, Krasnohorivka, Robotyne and Orikhiv."))
    assert {"Velyka Novosilka", "Krasnohorivka", "Orikhiv"} <= set(places)


def test_the_left_bank_of_the_dnipro_river_is_not_the_city_of_dnipro(geoparse):
    places = geoparse("Marines hold a bridgehead at Krynky on the left bank of the Dnipro river near Antonivka.")
    assert "Dnipro" not in {p.text for p in places}
    assert _ids(places)["Krynky"] == 703861


def test_saky_in_crimea_and_gaza_and_israeli_towns_read_as_people(geoparse):
    assert _ids(geoparse("Explosions hit the Saky airbase in Crimea."))["Saky"] == 694910
    places = _ids(geoparse("Israeli strikes on Khan Younis; rockets hit Kiryat Shmona."))
    assert places == {"Khan Younis": 281124, "Kiryat Shmona": 293825}


def test_djibo_in_burkina_faso(geoparse):
    assert _ids(geoparse("Jihadists attacked Djibo in Burkina Faso."))["Djibo"] == 2361177


def test_qamishli_is_an_exact_alternate_name_not_a_fuzzy_match(geoparse):
    (place,) = geoparse("Kurdish forces in Qamishli said.")
    assert place.geonameid == 173377 and place.matched_by == "exact"


def test_a_rare_name_after_in_is_a_place_even_alone(geoparse):
    """Zelensky, 2022: 'They say about the murders in Bucha that it is not them, but allegedly us.'"""
    places = geoparse("They say about the murders in Bucha that it is not them, but allegedly us.")
    assert _ids(places) == {"Bucha": 711350}


def test_plural_admin_phrase_makes_every_listed_name_a_region(geoparse):
    places = geoparse("Shelling in the Kherson and Zaporizhzhia regions continued.")
    assert [(p.text, p.precision) for p in places] == [("Kherson", "admin1"), ("Zaporizhzhia regions", "admin1")]


def test_ordinary_capitalised_words_are_not_places(geoparse):
    places = geoparse("Hope is all we have, said the chairman at Liberty Hall.")
    assert not places


@pytest.mark.parametrize("word", ["Spanish", "German", "Canadian"])
def test_demonyms_are_never_emitted_as_homonym_towns(geoparse, word):
    assert not geoparse(f"The {word} envoy met officials on Monday.")


def test_demonym_given_as_a_span_names_its_country(gazetteer):
    from sitrep.geo import resolve_toponyms

    (place,) = resolve_toponyms("Spanish officials said.", [(0, 7)], gazetteer)
    assert place.country == "ES" and place.precision == "country"


@pytest.mark.parametrize("text, admin1", [("Ky.", "US.KY"), ("W. Va.", "US.WV"), ("B.C.", "CA.02"), ("Kan.", "US.KS")])
def test_style_guide_abbreviations_reach_their_state_or_province(gazetteer, text, admin1):
    from sitrep.geo import find_candidates

    (entry,) = find_candidates(text, 0, len(text), gazetteer).candidates
    assert entry.admin1 == admin1 and entry.precision == "admin1"


def test_the_word_man_is_not_manitoba(gazetteer):
    from sitrep.geo import find_candidates

    assert all(e.admin1 != "CA.03" for e in find_candidates("Man", 0, 3, gazetteer).candidates)
