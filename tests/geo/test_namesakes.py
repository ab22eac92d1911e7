"""A town beats the district named after it; a well-known town beats a small or far-off namesake.

Sentences are from the Zelensky addresses (../shared/corpus, CC0), quoted so that the tests run without it."""
from __future__ import annotations


def _ids(places):
    return {p.text: p.geonameid for p in places}


def test_krakow_alone_is_the_city_not_its_powiat(geoparse):
    text = ("The whole of Europe does not want the battlefield to be moved from Mariupol to Budapest "
            "or from Kharkiv to Krakow or from Chernihiv to Vilnius.")
    assert _ids(geoparse(text))["Krakow"] == 3094802  # Kraków PPLA, not the ADM2 6690154


def test_varna_alone_is_the_port_city_not_varna_province(geoparse):
    text = "I am grateful to Bulgaria for the opportunity to use the port of Varna to export our agricultural capacity."
    assert _ids(geoparse(text))["Varna"] == 726050  # not the ADM1 726051


def test_rotterdam_alone_is_the_city_not_the_municipality(geoparse):
    text = "How Rotterdam became the first city to be completely destroyed when the Nazis dropped 97 tons of bombs on it."
    assert _ids(geoparse(text))["Rotterdam"] == 2747891  # not the ADM2 2747890


def test_varna_region_is_still_the_province(geoparse):
    text = "Shelters were opened in the Varna region of Bulgaria."
    place = next(p for p in geoparse(text) if p.text.startswith("Varna"))
    assert place.geonameid == 726051


def test_new_york_alone_stays_the_state_when_most_of_it_lives_elsewhere(gazetteer):
    from sitrep.geo import resolve_toponyms

    text = "Flooding closed roads across New York on Tuesday."
    start = text.index("New York")
    place = resolve_toponyms(text, [(start, start + 8)], gazetteer)[0]
    assert place.feature == "ADM1"  # New York City holds under half of the state's people


def test_mykolaiv_among_far_apart_cities_is_the_regional_centre(geoparse):
    places = _ids(geoparse("And they see cruise missiles hit Mykolaiv, Kramatorsk, Chernihiv."))
    assert places["Mykolaiv"] == 700569  # not Mykolaivka near Kramatorsk (700119)


def test_chornobyl_is_the_town_whose_name_it_is(geoparse):
    text = ("If the world had not woken up that night, we would not mention Chornobyl today, because everyone "
            "would think about what Russia has done at the Zaporizhzhia nuclear power plant.")
    assert _ids(geoparse(text))["Chornobyl"] == 710403  # not Lazurnyi, which has "Chornobyl" as an old name


def test_small_namesake_still_wins_when_its_region_dominates(seed_places, place_at):
    assert place_at(seed_places, "Seversk").geonameid == 694403  # Siversk, Donetsk oblast, not Tomsk's Seversk


def test_names_before_a_plural_regions_are_oblasts(geoparse):
    places = _ids(geoparse("Vinnytsia, Rivne, Lviv, Odesa regions - missile threat."))
    assert [places.get(k) for k in ("Vinnytsia", "Rivne", "Lviv")] == [689559, 695592, 702549]


def test_a_town_and_the_county_holding_it_resolve_together(geoparse):
    # Paris, Tennessee is the seat of Henry County, Tennessee; Kentucky, Georgia and France have a Paris,
    # and Georgia, Virginia and Indiana a Henry County
    places = geoparse("Class has lesson on history, art. Paris and Henry County is rich in both history and art.")
    assert [(p.text, p.admin1) for p in places] == [("Paris", "US.TN"), ("Henry County", "US.TN")]


def test_a_police_department_and_a_county_jail_place_athens_in_texas(geoparse):
    # Athens, Texas is the seat of Henderson County, Texas (Athens, Georgia is far bigger)
    places = geoparse("The Athens Police Department arrested a man. Julius Anton Givens was arraigned at the "
                      "Henderson County Jail Tuesday morning.")
    assert [(p.text, p.admin1) for p in places] == [("Athens", "US.TX"), ("Henderson County", "US.TX")]


def test_a_county_is_never_a_country_of_the_same_name(geoparse):
    # Guernsey County, Ohio, not the Bailiwick of Guernsey
    places = geoparse("Statistics from the Guernsey County Common Pleas Court reflect the current economy.")
    assert [(p.text, p.country, p.admin1, p.precision) for p in places] == [("Guernsey County", "US", "US.OH", "admin2")]


def test_the_eus_centre_pulls_no_town_towards_germany(geoparse):
    # Bucha in Kyiv oblast (GeoNames 711350), not Bucha in Thuringia: the EU spans many countries
    places = geoparse("I do not know how many more war crimes of the Russian military must be revealed, as it was "
                      "in our city of Bucha, before all EU states have enough courage for the embargo.")
    assert [(p.text, p.geonameid) for p in places if p.text == "Bucha"] == [("Bucha", 711350)]
