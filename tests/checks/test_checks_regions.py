"""Region statements in the forms writers use, on real-style sentences, through the whole pipeline.

Facts checked by hand: Kupiansk lies in Kharkiv oblast (UA.07), Avdiivka and Siversk in Donetsk oblast (UA.05),
Afrin in Aleppo governorate (SY.09), Qamishli in al-Hasakah (SY.01).
"""
from __future__ import annotations

import pytest

from sitrep.checks.regions import flag_place_region_mismatch


def _region_flags(analyze_text, text: str) -> list:
    report = analyze_text(text)
    if not report.places:
        pytest.skip("the geo stage is not in this tree")
    return flag_place_region_mismatch(report)


@pytest.mark.parametrize("text", [
    "Russian shelling hit Kupiansk in the Zaporizhzhia region on Monday, the ministry said.",
    "Russian shelling hit Kupiansk, Zaporizhzhia oblast, on Monday, the ministry said.",
    "Russian shelling hit Kupiansk in Zaporizhzhia’s Polohy district on Monday, the ministry said.",
    "Russian shelling hit Kupiansk in the Zaporozhye region on Monday, the ministry said.",
    "Russian shelling hit Kupiansk in the Donetsk People’s Republic on Monday, the ministry said.",
])
def test_kupiansk_put_outside_kharkiv_oblast_is_flagged_in_every_form(analyze_text, text):
    flags = _region_flags(analyze_text, text)
    assert len(flags) == 1
    f = flags[0]
    assert f.evidence.text.startswith("Kupiansk") and text[f.evidence.start:f.evidence.end] == f.evidence.text
    assert "Kharkiv" in f.message and "UA.07" in f.message and "GeoNames 703656" in f.message


@pytest.mark.parametrize("text", [
    "Russian shelling hit Kupiansk in the Kharkiv region on Monday, the ministry said.",
    "Russian shelling hit Kupiansk, Kharkiv oblast, on Monday, the ministry said.",
    "Russian shelling hit Kupiansk in the Kharkov region on Monday, the ministry said.",
    "Ukrainian forces repelled attacks near Avdiivka and Siversk in the Donetsk region, the General Staff said.",
    "Shelling was reported in Kharkiv, Zaporizhzhia, Kherson regions overnight.",
])
def test_the_right_region_or_a_list_of_regions_is_not_flagged(analyze_text, text):
    assert _region_flags(analyze_text, text) == []


def test_a_town_put_in_a_neighbouring_country_is_flagged(analyze_text):
    flags = _region_flags(analyze_text, "Ukrainian forces repelled attacks near Avdiivka, Russia, the General Staff said.")
    assert len(flags) == 1 and "Russia" in flags[0].message and "Donetsk" in flags[0].message


def test_qamishli_a_standard_spelling_gets_no_spelling_flag(analyze_text):
    report = analyze_text("Kurdish-led forces in Qamishli said Turkish drones struck a checkpoint near Afrin.")
    assert not [f for f in report.flags if f.kind == "nonstandard_spelling"]



def test_a_region_word_kept_inside_the_toponym_still_states_the_region():
    # the geo stage read "Loehansk region" (a Dutch-style transliteration, in a Zelensky address) as one city span
    from sitrep.records import Article, Place, Report

    text = "There is not a single undamaged building in Mariupol in the Loehansk region."
    mariupol = Place(text="Mariupol", start=text.index("Mariupol"), end=text.index("Mariupol") + 8, geonameid=701822,
                     name="Mariupol", lat=47.0958, lon=37.5494, country="UA", admin1="UA.05",
                     admin1_name="Donetska oblast", precision="city")
    s = text.index("Loehansk region")
    area = Place(text="Loehansk region", start=s, end=s + 15, geonameid=702658, name="Luhansk", lat=48.567,
                 lon=39.317, country="UA", admin1="UA.14", admin1_name="Luhanska oblast", precision="city")
    flags = flag_place_region_mismatch(Report(Article.from_text(text), places=(mariupol, area)))
    assert len(flags) == 1 and "Mariupol" in flags[0].message
    # the same span without a region word is a town, and "X in Y" of two towns states no region
    town = Place(**{**{k: getattr(area, k) for k in Place.__slots__}, "text": "Loehansk", "end": s + 8})
    plain = text.replace("Loehansk region", "Loehansk")
    assert flag_place_region_mismatch(Report(Article.from_text(plain), places=(mariupol, town))) == []


def _odesa(text: str, **fields):
    from sitrep.records import Candidate, Place

    s = text.index("Odesa")
    cands = (Candidate(698740, "Odesa", 46.48, 30.73, "UA", "UA.17", "PPLA", 1000000, 0.575),
             Candidate(698738, "Odeska oblast", 46.5, 30.0, "UA", "UA.17", "ADM1", 2380000, 0.4),
             Candidate(5527554, "Odessa", 31.85, -102.37, "US", "US.TX", "PPL", 100000, 0.017))
    return Place(text="Odesa", start=s, end=s + 5, geonameid=698740, name="Odesa", lat=46.48, lon=30.73, country="UA",
                 admin1="UA.17", admin1_name="Odeska oblast", precision="city", candidates=cands, score=0.575,
                 matched_by="exact", **fields)


def test_odesa_put_in_kherson_oblast_is_flagged_though_its_own_oblast_shares_the_score():
    # the resolver split its share between Odesa and Odeska oblast: both lie in UA.17, so the unit is certain
    from sitrep.records import Article, Place, Report

    text = "The Righteous were in all regions of our state, from Odesa in the Kherson region to Kharkiv."
    s = text.index("Kherson region")
    area = Place(text="Kherson region", start=s, end=s + 14, geonameid=706442, name="Khersonska oblast", lat=46.7,
                 lon=33.5, country="UA", admin1="UA.08", admin1_name="Khersonska oblast", precision="admin1")
    flags = flag_place_region_mismatch(Report(Article.from_text(text), places=(_odesa(text), area)))
    assert len(flags) == 1 and "Odesa" in flags[0].message


def test_odesa_with_its_share_spread_over_homonyms_abroad_is_not_flagged():
    from dataclasses import replace

    from sitrep.records import Article, Candidate, Place, Report

    text = "The Righteous were in all regions of our state, from Odesa in the Kherson region to Kharkiv."
    odesa = _odesa(text)
    odesa = replace(odesa, candidates=odesa.candidates[:1] + (
        Candidate(5527554, "Odessa", 31.85, -102.37, "US", "US.TX", "PPL", 100000, 0.4),))
    s = text.index("Kherson region")
    area = Place(text="Kherson region", start=s, end=s + 14, geonameid=706442, name="Khersonska oblast", lat=46.7,
                 lon=33.5, country="UA", admin1="UA.08", admin1_name="Khersonska oblast", precision="admin1")
    assert flag_place_region_mismatch(Report(Article.from_text(text), places=(odesa, area))) == []


def test_a_county_named_like_the_stated_state_holds_only_its_own_towns(analyze_text):
    # Manchester (Maryland) lies about 150 km from Delaware County, Pennsylvania, and is not in Delaware:
    # the county reading of "Delaware" must not excuse the statement (checked on GeoNames by hand)
    flags = _region_flags(analyze_text, "Sgt Tonroe was born in Manchester, Delaware, on August 14 1984.")
    assert len(flags) == 1 and "Delaware" in flags[0].message and "(Delaware, US.DE" in flags[0].message
    # the same town stated in its own state raises nothing
    assert _region_flags(analyze_text, "Sgt Tonroe was born in Manchester, Maryland, on August 14 1984.") == []
