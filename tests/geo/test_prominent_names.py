"""Names that are frequent English words only because of a famous city, and country abbreviations as modifiers."""
from __future__ import annotations


def test_a_famous_city_inside_an_organisation_name_is_still_a_place(geoparse):
    places = geoparse("A spokesman for Oxford Police said the neighbourhood policing team had increased patrols.")
    assert [(p.text, p.country) for p in places] == [("Oxford", "GB")]


def test_an_ordinary_word_that_names_a_city_stays_a_word(geoparse):
    places = geoparse("Mobile World Congress opens in Barcelona on Monday.")
    assert [p.text for p in places] == ["Barcelona"]


def test_dotted_country_abbreviation_as_a_modifier_is_the_country(geoparse):
    places = geoparse("About 10 percent are black, according to U.S. Census estimates for 2007.")
    assert [(p.text, p.country, p.precision) for p in places] == [("U.S.", "US", "country")]


def test_the_lower_case_pronoun_us_is_never_a_place(geoparse):
    places = geoparse("Let us know what you think, the mayor of Kharkiv said.")
    assert [p.text for p in places] == ["Kharkiv"]
