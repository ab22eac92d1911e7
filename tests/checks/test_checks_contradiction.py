"""Internal contradictions: figures stated two ways, and one place put in two regions."""
from __future__ import annotations

import re

from sitrep.checks import flag_internal_contradiction
from sitrep.records import Article, Place, Report


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


def _bilohorivka(text: str, nth: int) -> tuple[Place, Place]:
    """Bilohorivka (GeoNames 712588, UA.14) and the Luhansk region after it, at their nth occurrence."""
    start = [m.start() for m in re.finditer("Bilohorivka", text)][nth]
    region = text.index("Luhansk region", start)
    town = Place("Bilohorivka", start, start + 11, geonameid=712588, country="UA", admin1="UA.14", precision="city",
                 stated_in="Luhansk region", stated_in_admin1="UA.14", stated_in_country="UA")
    area = Place("Luhansk region", region, region + 14, geonameid=702657, country="UA", admin1="UA.14",
                 precision="admin1")
    return town, area


def test_the_same_village_in_the_same_region_twice_is_consistent():
    # two real sentences from addresses of 8 and 9 May 2022 on the Bilohorivka school strike
    text = ("As a result of the Russian air strike at Bilohorivka, Luhansk region, about 60 people were killed. "
            "Just yesterday in the village of Bilohorivka, Luhansk region, a Russian bomb killed 60 people.")
    places = (*_bilohorivka(text, 0), *_bilohorivka(text, 1))
    assert flag_internal_contradiction(Report(Article.from_text(text), places=places)) == []
