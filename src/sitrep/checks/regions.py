"""Region statements: the area a text says a settlement lies in, in the forms writers use, and its mismatch check.

Forms read right after a settlement X (Y a place the geo stage found, which knows historical, occupied-authority
and transliterated names through GeoNames alternate names and data/regions.tsv: Lugansk, LPR, Zaporozhye):
"X in (the) Y (region)", "X, Y (oblast|province|region)", "X (Y)", "X of the Y", "X in Y's Z district",
"X in the (so-called) Donetsk People's Republic", "X, Russia". Y's admin1 is the unit it names; a city as Y
counts only before a region word or as a possessive ("Kharkiv's Kupiansk district"): "X, Y" of two towns is a list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.checks.text import evidence
from sitrep.geodesy import haversine_km as km
from sitrep.records import Flag, Place, Report

# a writer confuses neighbouring regions; a stated region this far from the place points to a resolver error
# (a homonym), unless the place was resolved with no rival
MAX_NEIGHBOUR_KM = 900.0
CONFIDENT_SCORE = 0.6
# a unit share this high leaves no homonym elsewhere worth considering (Washington DC's 0.78 still does)
CERTAIN_UNIT_SHARE = 0.95
# how far from a county's point a place may lie and still be in it (most counties are far smaller)
COUNTY_REACH_KM = 80.0
_SETTLEMENT = ("city", "admin2")
_LINK = re.compile(r"(?:\s*,\s*|\s*\(\s*|\s+(?:in|of|near)\s+)(?:the\s+)?(?:so-called\s+|self-proclaimed\s+)?")
_REGION_WORD = re.compile(r"['’]?s?\s+(?:region|oblast|province|governorate|krai|raion|district|county|area)\b|"
                          r"['’]s\s+[\w’'-]+(?:\s+[\w’'-]+)?\s+(?:district|raion|county|municipality)\b", re.I)
_OWN_REGION_WORD = re.compile(r"\s(?:region|oblast|province|governorate|krai)$", re.I)
_DISTRICT_AFTER_POSSESSIVE = re.compile(r"\s+[\w’'-]+(?:\s+[\w’'-]+)?\s+(?:district|raion|county|municipality)\b", re.I)


@dataclass(frozen=True, slots=True)
class Reading:
    """One unit the stated words can name: an admin1 (or a whole country when admin1 is None) and a point in it."""

    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    name: str
    geonameid: int | None
    # a county the words may also name ("Ohio" is Ohio County, Indiana, too) holds only the places near it, not its
    # whole state: Decatur, Indiana lies 200 km from Ohio County
    county: bool = False


@dataclass(frozen=True, slots=True)
class StatedArea:
    """The area a text puts a settlement in: its words (span), the place record, and the units they can name."""

    place: Place  # the container the geo stage found
    start: int
    end: int  # end of the whole statement, region word included
    admin1: str | None  # None when the statement names a country
    country: str | None
    # every reading of the words, the geo stage's first: "Georgia" is a country and a US state, "Kaluga" a Russian
    # province seat and a Ukrainian village; the text is wrong only when no reading holds the place
    readings: tuple[Reading, ...] = ()


def stated_area_after(report: Report, p: Place) -> StatedArea | None:
    """The region or country the text names as the container of settlement p, right after it; else None."""
    text = report.article.text
    link = _LINK.match(text, p.end)
    if link is None:
        return None
    # a GeoNames name may open with an ayn written as a quote mark ("in ‘Ajmān’s Dubai district")
    at = link.end() + (text[link.end():link.end() + 1] in ("‘", "ʿ"))
    q = next((q for q in report.places if q.start == at), None)
    if q is None or q.geonameid == p.geonameid and q.precision == p.precision:
        return None
    word = _REGION_WORD.match(text, q.end)
    if word is None and q.text[-2:] in ("’s", "'s"):  # the geo stage kept the possessive: "Kharkiv’s"
        word = _DISTRICT_AFTER_POSSESSIVE.match(text, q.end)
    end = word.end() if word else q.end
    # the geo stage may keep the region word in the toponym itself ("Loehansk region" as one span)
    with_word = (word is not None or _OWN_REGION_WORD.search(q.text) is not None) \
        and not link.group().strip().startswith("(")
    readings = area_readings(q, with_word)
    if not readings:
        return None
    first = readings[0]
    return StatedArea(q, q.start, end, first.admin1, first.country, readings)


def area_readings(q: Place, with_word: bool) -> tuple[Reading, ...]:
    """The units the words of container q can name: the geo stage's reading, then its rival candidates.

    A rival counts when it is itself an area (a country, a province, a district), or, before a region word, the seat
    of a province ("the Kaluga region" names Kaluga oblast, not a village called Kaluga). A town before no region word
    names no unit: "X, Y" of two towns is a list, though "Park Ridge, Cuba" may still name the country."""
    own = _reading_of(q.precision, q.feature, q.admin1, q.country, q.lat, q.lon, q.name or q.text, q.geonameid,
                      with_word, resolved=True)
    out = [own] if own else []
    for c in q.candidates:
        if c.geonameid == q.geonameid or own is None and not c.feature.startswith("PCL"):
            continue
        precision = ("country" if c.feature.startswith("PCL") else "admin1" if c.feature == "ADM1"
                     else "admin2" if c.feature == "ADM2" else "city" if c.feature.startswith("PPL") else None)
        r = _reading_of(precision, c.feature, c.admin1, c.country, c.lat, c.lon, c.name, c.geonameid, with_word)
        if r is not None and precision == "admin2":
            r = Reading(r.admin1, r.country, r.lat, r.lon, r.name, r.geonameid, county=True)
        if r and r not in out:
            out.append(r)
    return tuple(out)


def _reading_of(precision: str | None, feature: str | None, admin1: str | None, country: str | None,
                lat: float | None, lon: float | None, name: str, gid: int | None, with_word: bool,
                resolved: bool = False) -> Reading | None:
    """The unit one gazetteer record stands for as a container, or None when it names none."""
    if precision == "country":
        return Reading(None, country, lat, lon, name, gid)
    if precision in ("admin1", "admin2") and admin1:
        return Reading(admin1, country, lat, lon, name, gid)
    # a town stands for its province only before a region word; a rival town only when it is the province's seat
    if precision == "city" and admin1 and with_word and (resolved or (feature or "") in _PROVINCE_SEATS):
        return Reading(admin1, country, lat, lon, name, gid)
    return None


_PROVINCE_SEATS = ("PPLA", "PPLC")


def is_listed(text: str, p: Place, area: StatedArea) -> bool:
    """True for 'Kharkiv, Kherson, Sumy regions' or 'Alaska, Hawaii, Florida and Washington': a list, not a container."""
    before = text[max(0, p.start - 3):p.start]
    after = text[area.end:area.end + 14]
    return bool(re.search(r"(,|\band|\bor)\s*$", before)) or bool(
        re.match(r"(,\s*[A-Z]|\s+(?:and|or)\s+[A-Z]|\s+regions\b|\s+oblasts\b|\s+provinces\b)", after))


def flag_place_region_mismatch(report: Report) -> list[Flag]:
    """A settlement the text puts in a region or country ('Kupiansk in the Zaporizhzhia region') it does not lie in."""
    text = report.article.text
    flags, seen = [], set()
    for p in report.places:
        if p.precision not in _SETTLEMENT or p.geonameid is None or p.lat is None:
            continue
        area = stated_area_after(report, p)
        if area is None or is_listed(text, p, area):
            continue
        if (p.geonameid, area.admin1, area.country) in seen or not _false_in_every_reading(p, area):
            continue
        reading = _nearest_reading(p, area)
        if _same_name(text, p, area) or not _plausible_confusion(p, area, reading):
            continue  # the resolver's miss (another town of that name lies there), not the text's
        seen.add((p.geonameid, area.admin1, area.country))
        flags.append(Flag(kind="place_region_mismatch", severity="warning",
                          message=_explain(text, p, area, reading, _searched(p, area)),
                          evidence=evidence(text, p.start, area.end), places=(p.text, text[area.start:area.end])))
    return flags


def _holds(r: Reading, admin1: str | None, country: str | None, own: bool = False,
           at: tuple[float | None, float | None] = (None, None)) -> bool:
    """True when unit r holds a record of that admin1 and country (and, for a rival county, lies near it: `at`).

    A country reading asks only for the country. A record with no admin1 (a country, a region such as "Middle East")
    lies in no province, but the place itself with no admin1 known might lie in any of its country's."""
    if r.admin1 is None:
        return r.country == country
    if r.county and None not in (r.lat, r.lon, *at) and km(at[0], at[1], r.lat, r.lon) > COUNTY_REACH_KM:  # type: ignore[arg-type]
        return False
    return r.admin1 == admin1 or own and admin1 is None and r.country == country


def _false_in_every_reading(p: Place, area: StatedArea) -> bool:
    """True when no reading of the stated words holds the place or another candidate of its name (a homonym there)."""
    if any(_holds(r, p.admin1, p.country, own=True, at=(p.lat, p.lon)) for r in area.readings):
        return False
    return not any(_holds(r, c.admin1, c.country, at=(c.lat, c.lon)) for r in area.readings for c in p.candidates)


def _nearest_reading(p: Place, area: StatedArea) -> Reading:
    """The reading a writer most plausibly meant: the nearest unit to the place (the geo stage's on a tie)."""
    # a rival county is a reading of last resort: "Delaware" is first the state, then Delaware County
    located = [r for r in area.readings if r.lat is not None and r.lon is not None and not r.county] or \
        [r for r in area.readings if r.lat is not None and r.lon is not None]
    if not located or p.lat is None or p.lon is None:
        return area.readings[0]
    return min(located, key=lambda r: km(p.lat, p.lon, r.lat, r.lon))  # type: ignore[arg-type]


def _searched(p: Place, area: StatedArea) -> bool:
    """True when the geo stage read the stated words as p's container, so a namesake there would have won.

    The resolver gives a candidate inside the stated container a large bonus: that none of p's candidates lies there
    means the gazetteer has no place of that name in it."""
    return p.stated_in is not None and (p.stated_in == area.place.text or p.stated_in in area.place.text)

def _same_name(text: str, p: Place, area: StatedArea) -> bool:
    """True when the stated words name the real admin1 ('Kyiv region' read as Kyiv city, for Kyivska oblast)."""
    first = re.sub(r"[^a-z]", "", text[area.start:area.end].lower().split(" ")[0])
    real = re.sub(r"[^a-z ]", "", (p.admin1_name or "").lower())
    return bool(area.admin1) and len(first) >= 4 and real.startswith(first)


def _plausible_confusion(p: Place, area: StatedArea, reading: Reading) -> bool:
    """True when the place was resolved without doubt, or lies near enough to the stated unit to be confused with it."""
    if p.matched_by == "fuzzy":
        return False
    if _searched(p, area):
        return True  # the gazetteer has no place of that name in the stated unit: no homonym can explain it
    # homonyms all in the place's own country leave no doubt about the country (three Avdiivkas in Ukraine)
    one_country = all(c.country == p.country for c in p.candidates)
    # the check claims a unit, not a point: the town's own oblast or county among its candidates ("Odeska oblast"
    # beside Odesa) is no rival, so the resolver's share for the unit is the sum over the candidates in it
    home = home_unit_share(p)
    sure = len(p.candidates) <= 1 or p.score >= CONFIDENT_SCORE or home >= CONFIDENT_SCORE or one_country
    near = reading.lat is not None and km(p.lat, p.lon, reading.lat, reading.lon) <= MAX_NEIGHBOUR_KM  # type: ignore[arg-type]
    # every town of that name lies in one admin1 (or the resolver all but rules the others out): no homonym can
    # explain a far statement ("Honolulu, California", "Toronto, New Brunswick")
    one_admin1 = all(c.admin1 == p.admin1 for c in p.candidates) or home >= CERTAIN_UNIT_SHARE
    return sure and (near or reading.admin1 is None or one_admin1)


def home_unit_share(p: Place) -> float:
    """The resolver's share for the place's own admin1: the scores of all its candidates that lie in it."""
    if not p.candidates:
        return 0.0
    return sum(c.score for c in p.candidates if c.admin1 == p.admin1 and c.country == p.country)


def _explain(text: str, p: Place, area: StatedArea, reading: Reading, searched: bool) -> str:
    """One sentence: the evidence, where the gazetteer puts the place, and what the text says instead."""
    stated = text[area.start:area.end]
    said = f"{stated} ({reading.name}, {reading.admin1 or reading.country}, GeoNames {reading.geonameid})"
    real = f"{p.admin1_name or p.admin1}, {p.country} ({p.admin1}" if p.admin1 else f"{p.country} ("
    none_there = f"; GeoNames has no {p.text} there" if searched else ""
    return (f"{p.text} is in {real}; GeoNames {p.geonameid}, {p.name or p.text}), not in {said} as the text "
            f"says{none_there}.")
