"""Where an event happened, not where its people come from: homes and nationalities of persons are no event place."""
from __future__ import annotations


def test_a_persons_home_town_is_not_where_the_blast_was(analyze_text):
    report = analyze_text("A US serviceman, Master Sgt Johnathan J. Dunbar of Austin, Texas, died and five others "
                          "were wounded in the blast, American reports claimed.")
    (blast,) = [e for e in report.events if e.trigger.text == "blast"]
    assert blast.place is None or blast.place.text not in ("Austin", "Texas", "US")


def test_a_girl_from_a_region_was_not_shelled_there_by_the_sentence(analyze_text):
    report = analyze_text("Seven-year-old Varya from Kropyvnytskyi gave her money saved for a phone to buy bulletproof vests.")
    (gave,) = [e for e in report.events if e.trigger.text == "gave"]
    assert gave.place is None or gave.place.text != "Kropyvnytskyi"


def test_a_place_that_names_a_building_still_locates_the_attack(analyze_text):
    report = analyze_text("Russian troops shelled the Mariupol theatre on Wednesday.")
    (shelled,) = [e for e in report.events if e.trigger.text == "shelled"]
    assert shelled.place is not None and shelled.place.text == "Mariupol"


def test_a_country_is_a_place_only_where_the_sentence_locates_something(analyze_text):
    report = analyze_text("The minister thanked Iceland for supporting sanctions against the Russian Federation.")
    assert all(e.place is None or e.place.text != "Russian Federation" for e in report.events)
    report = analyze_text("Essid's visit came amid a wave of terrorist attacks in Tunisia.")
    assert all(e.place is not None and e.place.text == "Tunisia" for e in report.events if e.trigger.text == "attacks")


def test_where_people_are_deported_to_is_not_where_it_happened(analyze_text):
    (deported,) = analyze_text("More than 500,000 of our people have already been deported to Russia.").events
    assert deported.place is None or deported.place.text != "Russia"


def test_a_dateline_after_a_byline_is_where_the_story_was_filed(analyze_text):
    report = analyze_text('By JILL COLVIN and GILLIAN WONG, Associated Press WASHINGTON (AP) — China vowed on Friday '
                          'to fight the U.S. "at any cost" after new tariffs were proposed.')
    assert [e.place for e in report.events if e.trigger.text == "vowed"] == [None]


def test_what_talks_are_about_is_not_where_they_were_held(analyze_text):
    report = analyze_text("President Macron spoke with Chancellor Scholz about Ukraine's application for EU "
                          "candidate status.")
    assert [e.place for e in report.events if e.trigger.text == "spoke"] == [None]
    held = analyze_text("President Macron spoke with Chancellor Scholz in Berlin about the war.")
    assert [e.place.text for e in held.events if e.trigger.text == "spoke"] == ["Berlin"]


def test_a_legislators_party_and_state_is_no_event_place(analyze_text):
    report = analyze_text("Sen. Byron Dorgan, D-N.D., said the contractor attacked the inspectors.")
    assert all(e.place is None for e in report.events)


def test_the_outskirts_or_the_city_of_a_town_struck_is_where_it_was_struck(analyze_text):
    report = analyze_text("Russian troops shelled the outskirts of Kharkiv on Monday.")
    assert [(e.place.text, e.recipient) for e in report.events] == [("Kharkiv", None)]
