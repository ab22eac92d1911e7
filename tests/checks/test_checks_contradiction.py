"""Internal contradictions: figures stated two ways, and one place put in two regions."""
from __future__ import annotations

from places_fixture import place

from sitrep.checks import flag_internal_contradiction
from sitrep.records import Article, Report


def test_two_different_exact_totals_of_children_killed_contradict():
    # two real sentences from addresses of 3 and 17 May 2022, as one text would print them
    text = "220 children were killed and 406 were injured. 229 children were killed as a result of the Russian invasion."
    flags = flag_internal_contradiction(Report(Article.from_text(text)))
    assert [f.kind for f in flags] == ["internal_contradiction"]
    assert "220" in flags[0].message and "229" in flags[0].message


def test_another_twelve_died_adds_to_thirty_eight_not_contradicts():
    # address of 8 April 2022 on the Kramatorsk station strike: the second figure is an addition
    text = "38 people died on the spot. Another 12 people died in hospitals during the day."
    assert flag_internal_contradiction(Report(Article.from_text(text))) == []


def test_one_place_put_in_two_regions_contradicts(seed_text):
    # the seed puts Sloviansk and Kramatorsk in the Donetsk region; a second container for the same town clashes
    first = place("Sloviansk", seed_text, stated_in="Donetsk region", stated_in_admin1="UA.05")
    again = place("Kramatorsk", seed_text, stated_in="Donetsk region", stated_in_admin1="UA.05")
    clash = type(first)(**{**{f: getattr(again, f) for f in again.__slots__}, "geonameid": first.geonameid,
                           "stated_in": "Luhansk region", "stated_in_admin1": "UA.14"})
    flags = flag_internal_contradiction(Report(Article.from_text(seed_text), places=(first, clash)))
    assert [f.kind for f in flags] == ["internal_contradiction"]


def test_same_town_in_the_same_region_twice_is_consistent(seed_text):
    first = place("Sloviansk", seed_text, stated_in="Donetsk region", stated_in_admin1="UA.05")
    assert flag_internal_contradiction(Report(Article.from_text(seed_text), places=(first, first))) == []
