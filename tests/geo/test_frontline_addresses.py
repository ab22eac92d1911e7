"""Front-line fixes checked on real sentences of the Zelensky addresses, read from ../shared/corpus at test time."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "zelensky_addresses_2022_en.jsonl"


@pytest.fixture(scope="module")
def sentence():
    if not CORPUS.exists():
        pytest.skip("no shared corpus")
    with open(CORPUS, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]

    def find(fragment: str) -> str:
        for text in texts:
            at = text.find(fragment)
            if at >= 0:
                start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
                end = text.find(". ", at)
                return text[start:end + 1 if end >= 0 else len(text)]
        pytest.skip(f"sentence not in corpus: {fragment}")
    return find


def _ids(places):
    return {p.text: p.geonameid for p in places}


def test_neighbouring_rare_towns_vouch_for_each_other(geoparse, sentence):
    places = _ids(geoparse(sentence("You will not forget about Bucha, Irpin, Borodyanka, Hostomel")))
    assert places == {"Bucha": 711350, "Irpin": 707565, "Borodyanka": 711635, "Hostomel": 708251}


def test_city_of_and_visited_are_locative_cues(geoparse, sentence):
    assert _ids(geoparse(sentence("The name of our city of Bucha")))["Bucha"] == 711350
    assert _ids(geoparse(sentence("Karim Khan visited Bucha")))["Bucha"] == 711350


def test_a_rare_name_reaches_its_town_by_transliteration_in_the_scan(geoparse, sentence):
    assert _ids(geoparse(sentence("shelling of Hulyaipole, Severodonetsk")))["Hulyaipole"] == 707898


def test_a_list_of_regions_stops_at_a_name_with_no_region(geoparse, sentence):
    places = {p.text: p for p in geoparse(sentence("happening in Mariupol, Izyum, Kharkiv, Kherson"))}
    assert places["Mariupol"].geonameid == 701822 and places["Izyum"].geonameid == 707292
    assert places["Kharkiv"].precision == "admin1"


def test_kyiv_region_is_the_oblast_not_the_city_unit(geoparse, sentence):
    places = _ids(geoparse(sentence("communities in the Kyiv and Chernihiv regions")))
    assert places["Kyiv"] == 703446


def test_comma_joined_ner_span_is_split(geoparse, sentence):
    texts = {p.text for p in geoparse(sentence("Vinnytsia, Rivne, Lviv, Odesa regions"))}
    assert {"Rivne", "Lviv"} <= texts and "Rivne, Lviv" not in texts


def test_mykolaiv_is_the_city_not_mykolaivka(geoparse, sentence):
    places = _ids(geoparse(sentence("You will not forget about Chernihiv, Mykolaiv, Kherson")))
    assert places["Mykolaiv"] == 700569
