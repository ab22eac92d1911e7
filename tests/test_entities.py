"""Entities on real sentences: people with rank and role, units, outlets, groups, actor codes."""
from __future__ import annotations

import pytest


def _by_text(report, text):
    """The entity whose canonical text is `text` (fails the test when absent)."""
    hits = [e for e in report.entities if e.text == text]
    assert hits, f"{text!r} not among {[e.text for e in report.entities]}"
    return hits[0]


def test_colonel_with_appositive_role_gets_rank_role_and_military_sector(seed_report):
    e = _by_text(seed_report, "Yaramyr Temirkhanov")
    assert e.type == "PERSON"
    assert e.rank == "Colonel"
    assert e.role == "commander of the 6th Separate Guards Mechanized Brigade"
    assert e.sector == "MIL"


def test_surname_mislabelled_as_place_is_merged_into_the_person(seed_report, seed_text):
    e = _by_text(seed_report, "Yaramyr Temirkhanov")
    at = seed_text.index("The discussion with Temirkhanov") + len("The discussion with ")
    assert (at, at + len("Temirkhanov")) in {(m.start, m.end) for m in e.mentions}
    assert not any(p.text == "Temirkhanov" for p in seed_report.places)


def test_putin_mentions_merge_into_one_president_of_russia(seed_report):
    e = _by_text(seed_report, "Vladimir Putin")
    assert len([x for x in seed_report.entities if "Putin" in x.text]) == 1
    assert len(e.mentions) == 6  # "Vladimir Putin" once and "Putin" five times in the seed
    assert (e.role, e.country, e.sector) == ("President", "RUS", "GOV")


def test_unit_names_are_whole_military_unit_spans(seed_report):
    units = {e.text for e in seed_report.entities if e.type == "MILITARY_UNIT"}
    assert units == {"6th Separate Guards Mechanized Brigade", "177th Caspian Fleet Regiment"}


def test_tass_is_russian_media_and_kremlin_press_service_an_org(seed_report):
    tass = _by_text(seed_report, "TASS")
    assert (tass.type, tass.country, tass.sector) == ("MEDIA", "RUS", "MED")
    kremlin = _by_text(seed_report, "Kremlin press service")
    assert (kremlin.type, kremlin.country, kremlin.sector) == ("ORG", "RUS", "GOV")


def test_nationality_plus_forces_is_a_group_with_country(seed_report):
    e = _by_text(seed_report, "Ukrainian forces")
    assert (e.type, e.country, e.sector) == ("GROUP", "UKR", "MIL")


def test_event_name_maidan_is_not_a_person(seed_report):
    assert not any("Maidan" in e.text for e in seed_report.entities)


def test_lower_case_unit_names_from_ukrainian_communique(analyze_text):
    # Office of the President of Ukraine, address of 2022 (shared/corpus), as published
    text = ('The title of Hero of Ukraine was awarded to Colonel Kachur Roman Volodymyrovych, Commander of the '
            '55th separate artillery brigade of the Operational Command "East" of the Ground Forces.')
    report = analyze_text(text)
    unit = _by_text(report, "55th separate artillery brigade")
    assert unit.type == "MILITARY_UNIT" and unit.sector == "MIL"
    person = _by_text(report, "Kachur Roman Volodymyrovych")
    assert person.rank == "Colonel"
    assert person.role.startswith("Commander of the 55th separate artillery brigade")


def test_rank_before_name_rescues_a_person_the_model_calls_an_org(analyze_text):
    text = ("combat medic of the 72nd separate mechanized brigade, Sergeant Dariya Mazurenko, Commander of the "
            "14th separate mechanized brigade, Colonel Oleksandr Okhrimenko.")
    report = analyze_text(text)
    assert _by_text(report, "Dariya Mazurenko").rank == "Sergeant"
    assert _by_text(report, "Oleksandr Okhrimenko").rank == "Colonel"
    assert {e.text for e in report.entities if e.type == "MILITARY_UNIT"} == {
        "72nd separate mechanized brigade", "14th separate mechanized brigade"}


@pytest.mark.parametrize("sentence, name, role, country", [
    ("I spoke today with Polish President Andrzej Duda.", "Andrzej Duda", "President", "POL"),
    ("I also spoke with British Prime Minister Boris Johnson.", "Boris Johnson", "Prime Minister", "GBR"),
])
def test_title_and_nationality_before_a_name_give_role_and_country(analyze_text, sentence, name, role, country):
    e = _by_text(analyze_text(sentence), name)
    assert (e.role, e.country, e.sector) == (role, country, "GOV")


def test_ordinary_words_and_ordinals_are_not_units(analyze_text):
    report = analyze_text("For the 5th time the army said the brigade had moved, and the Adani Group denied it.")
    assert not [e for e in report.entities if e.type == "MILITARY_UNIT"]


def test_surname_without_arabic_article_merges_into_the_full_name(analyze_text):
    # GeoWebNews (Gritta et al. 2019), an AP report on eastern Ghouta, two consecutive mentions
    text = ("The town was the main centre of street protests in the Damascus suburbs against President Bashar "
            "al-Assad's rule that ignited the conflict seven years ago. President Assad said recently securing "
            "eastern Ghouta had foiled plots by his foreign enemies to topple him.")
    report = analyze_text(text)
    assads = [e for e in report.entities if "Assad" in e.text]
    assert len(assads) == 1 and len(assads[0].mentions) == 2
    assert assads[0].role == "President" and assads[0].sector == "GOV"


def test_uncoded_civilian_does_not_inherit_the_articles_country(analyze_text):
    text = ("Russian President Vladimir Putin met Russian troops in Kursk. Later the singer Alla Pugacheva "
            "left the country.")
    pugacheva = _by_text(analyze_text(text), "Alla Pugacheva")
    assert pugacheva.country is None


def test_a_surname_two_people_share_is_given_to_neither(analyze_text):
    # LGL (Lieberman et al. 2010) article 44043879, Newark Advocate, 30 March 2009: father and son
    # Wess and Matt Henry; a bare "Henry" cannot be assigned to either of them
    import xml.etree.ElementTree as ET

    from conftest import SHARED

    lgl = SHARED / "eval" / "geo" / "lgl.xml"
    if not lgl.exists():
        pytest.skip("needs ../shared/eval/geo/lgl.xml")
    text = next(a.findtext("text") for a in ET.parse(lgl).getroot().iter("article") if a.get("docid") == "44043879")
    report = analyze_text(text)
    for name in ("Wess Henry", "Matt Henry"):
        person = _by_text(report, name)
        assert all(m.text == name for m in person.mentions), [m.text for m in person.mentions]


def test_a_weekday_the_model_runs_into_a_name_is_not_part_of_it(analyze_text):
    report = analyze_text("Chief of Army Staff General Qamar Javed Bajwa Thursday visited South Waziristan.")
    people = [e for e in report.entities if e.type == "PERSON"]
    assert [p.text for p in people] == ["Qamar Javed Bajwa"]
    (mention,) = people[0].mentions
    assert report.article.text[mention.start:mention.end] == "Qamar Javed Bajwa"


def test_an_organisation_that_is_also_a_curated_area_stays_an_actor(analyze_text):
    """The EU is an area on the map and the body that imposes sanctions (no GeoNames record claims it)."""
    report = analyze_text("The EU agreed on new sanctions against Russia.")
    assert [e.text for e in report.entities if e.type == "ORG"] == ["European Union"]
    assert [(e.type, e.actor.text) for e in report.events] == [("SANCTION", "European Union")]


def test_a_secretary_general_or_attorney_general_holds_no_military_rank(analyze_text):
    un = analyze_text("Russian missiles hit Kyiv during the visit of UN Secretary-General António Guterres.")
    guterres = _by_text(un, "António Guterres")
    assert guterres.rank is None and guterres.sector != "MIL"
    court = analyze_text("Attorney General Merrick Garland spoke on Monday.")
    assert _by_text(court, "Merrick Garland").rank is None
    army = analyze_text("General Valery Gerasimov visited the front on Monday.")
    assert (_by_text(army, "Valery Gerasimov").rank, _by_text(army, "Valery Gerasimov").sector) == ("General", "MIL")
