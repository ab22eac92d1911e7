"""Places that news conventions reveal: datelines, party-home-town tags, names inside unknown NER spans,
and one sense per discourse. Sentences are from LGL local news stories; facts are GeoNames' admin1 codes."""
from __future__ import annotations


def test_a_capitalised_dateline_with_its_state_is_the_town_in_that_state(geoparse):
    # Hurricane is a city of Putnam County, West Virginia (GeoNames admin1 US.WV)
    places = geoparse("Two missing teenagers found unharmed. HURRICANE, W.Va. - Law enforcement officers from "
                      "Putnam County found the two.")
    assert [(p.text, p.admin1) for p in places][:2] == [("HURRICANE", "US.WV"), ("W.Va.", "US.WV")]


def test_a_capitalised_word_that_is_no_dateline_is_not_a_place(geoparse):
    places = geoparse("BREAKING — The council met on Tuesday in Springfield, Ill., to discuss the budget.")
    assert [p.text for p in places] == ["Springfield", "Ill."]


def test_a_legislators_party_tag_names_his_state(geoparse):
    places = geoparse("Sen. Byron Dorgan, D-N.D., questioned why KBR has been allowed to keep working.")
    assert [(p.text, p.admin1, p.precision) for p in places] == [("N.D.", "US.ND", "admin1")]


def test_a_party_tag_names_a_home_town_of_two_words(geoparse):
    # Elbow Lake is the seat of Grant County, Minnesota (US.MN)
    places = geoparse("Rep. Torrey Westrom, R-Elbow Lake, said the talk of stricter press rules was premature.")
    assert [(p.text, p.admin1) for p in places] == [("Elbow Lake", "US.MN")]


def test_d_day_is_no_party_tag(geoparse):
    assert geoparse("He is a D-Day veteran and spoke to the class on Friday.") == ()


def test_a_state_inside_a_party_name_the_gazetteer_lacks_is_a_place(geoparse):
    places = geoparse("This is not only a loss to Mercer County, but to our West Virginia Democratic Party and "
                      "our entire state.")
    assert ("West Virginia", "US.WV") in [(p.text, p.admin1) for p in places]
    assert "West Virginia Democratic Party" not in [p.text for p in places]


def test_a_town_named_as_a_place_keeps_that_sense_inside_an_institution_name(geoparse):
    places = geoparse("Ever since New London Police Chief Tom Cipolli made a public appeal to keep his job, "
                      "residents have asked why. Crime in New London has fallen during his tenure.")
    mentions = [p for p in places if p.text == "New London"]
    assert len(mentions) == 2 and mentions[0].geonameid == mentions[1].geonameid


def test_acronyms_in_ordinary_text_are_not_towns_spelt_the_same(geoparse):
    places = geoparse("The course covers anti-lock braking (ABS) skills. SWAT officers soon surrounded the home.")
    assert places == ()


def test_a_byline_in_capitals_is_a_person(geoparse):
    places = geoparse("Zoning allows fire-gutted block to be redeveloped. BY CHAD KLIMACK Advocate Reporter. "
                      "The council in Newark voted on Monday.")
    assert [p.text for p in places] == ["Newark"]


def test_a_city_written_in_capitals_in_a_headline_is_still_the_city(geoparse):
    places = geoparse("RUSSIAN TROOPS ENTER KYIV AS TALKS STALL")
    assert [(p.text, p.country) for p in places] == [("KYIV", "UA")]


def test_the_eu_is_a_place_as_the_region_table_holds_it_not_the_town_of_eu(geoparse):
    # Eu is a commune in Normandy (GeoNames 3019952); capitals name the Union
    places = geoparse("The group will write to the EU Transport Commissioner about airport charges.")
    assert [(p.text, p.name, p.geonameid) for p in places] == [("EU", "European Union", None)]


def test_a_lower_case_word_the_gazetteer_lacks_is_no_unresolved_place(geoparse):
    places = geoparse("Police said both men, of Lexington, are charged with manufacturing meth, a Lexington County "
                      "Sheriff's Department spokesman said.")
    assert "meth" not in [p.text for p in places]
