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
_SETTLEMENT = ("city", "admin2")
_LINK = re.compile(r"(?:\s*,\s*|\s*\(\s*|\s+(?:in|of|near)\s+)(?:the\s+)?(?:so-called\s+|self-proclaimed\s+)?")
_REGION_WORD = re.compile(r"['’]?s?\s+(?:region|oblast|province|governorate|krai|raion|district|county|area)\b|"
                          r"['’]s\s+[\w’'-]+(?:\s+[\w’'-]+)?\s+(?:district|raion|county|municipality)\b", re.I)
_OWN_REGION_WORD = re.compile(r"\s(?:region|oblast|province|governorate|krai)$", re.I)
_DISTRICT_AFTER_POSSESSIVE = re.compile(r"\s+[\w’'-]+(?:\s+[\w’'-]+)?\s+(?:district|raion|county|municipality)\b", re.I)


@dataclass(frozen=True, slots=True)
class StatedArea:
    """The area a text puts a settlement in: its words (span), the place record, and the unit it names."""

    place: Place  # the container the geo stage found
    start: int
    end: int  # end of the whole statement, region word included
    admin1: str | None  # None when the statement names a country
    country: str | None


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
    named_with_word = _OWN_REGION_WORD.search(q.text) is not None
    if q.precision == "country":
        return StatedArea(q, q.start, end, None, q.country)
    if q.precision in ("admin1", "admin2") and q.admin1:
        return StatedArea(q, q.start, end, q.admin1, q.country)
    if q.precision == "city" and q.admin1 and (word or named_with_word) and not link.group().strip().startswith("("):
        return StatedArea(q, q.start, end, q.admin1, q.country)  # "Kharkiv region", "Kharkiv's Kupiansk district"
    return None


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
        wrong_country = area.country is not None and p.country is not None and area.country != p.country
        wrong_admin1 = area.admin1 is not None and p.admin1 is not None and area.admin1 != p.admin1
        if not (wrong_country or wrong_admin1) or (p.geonameid, area.admin1, area.country) in seen:
            continue
        if _same_name(text, p, area) or _a_candidate_fits(p, area) or not _plausible_confusion(p, area):
            continue  # the resolver's miss (another town of that name lies there), not the text's
        seen.add((p.geonameid, area.admin1, area.country))
        flags.append(Flag(kind="place_region_mismatch", severity="warning", message=_explain(text, p, area),
                          evidence=evidence(text, p.start, area.end), places=(p.text, text[area.start:area.end])))
    return flags


def _same_name(text: str, p: Place, area: StatedArea) -> bool:
    """True when the stated words name the real admin1 ('Kyiv region' read as Kyiv city, for Kyivska oblast)."""
    first = re.sub(r"[^a-z]", "", text[area.start:area.end].lower().split(" ")[0])
    real = re.sub(r"[^a-z ]", "", (p.admin1_name or "").lower())
    return bool(area.admin1) and len(first) >= 4 and real.startswith(first)


def _a_candidate_fits(p: Place, area: StatedArea) -> bool:
    """True when another candidate of the place's name lies in the stated unit."""
    for c in p.candidates:
        if c.geonameid == p.geonameid:
            continue
        if area.admin1 and c.admin1 == area.admin1 or not area.admin1 and c.country == area.country:
            return True
    return False


def _plausible_confusion(p: Place, area: StatedArea) -> bool:
    """True when the place was resolved without doubt, or lies near enough to the stated unit to be confused with it."""
    # homonyms all in the place's own country leave no doubt about the country (three Avdiivkas in Ukraine)
    one_country = all(c.country == p.country for c in p.candidates)
    # the check claims a unit, not a point: the town's own oblast or county among its candidates ("Odeska oblast"
    # beside Odesa) is no rival, so the resolver's share for the unit is the sum over the candidates in it
    home = home_unit_share(p)
    sure = p.matched_by != "fuzzy" and (len(p.candidates) <= 1 or p.score >= CONFIDENT_SCORE
                                        or home >= CONFIDENT_SCORE or one_country)
    q = area.place
    near = q.lat is not None and km(p.lat, p.lon, q.lat, q.lon) <= MAX_NEIGHBOUR_KM  # type: ignore[arg-type]
    # every town of that name lies in one admin1 (or the resolver all but rules the others out): no homonym can
    # explain a far statement ("Honolulu, California", "Toronto, New Brunswick")
    one_admin1 = all(c.admin1 == p.admin1 for c in p.candidates) or home >= CERTAIN_UNIT_SHARE
    return sure and (near or area.admin1 is None or one_admin1)


def home_unit_share(p: Place) -> float:
    """The resolver's share for the place's own admin1: the scores of all its candidates that lie in it."""
    if not p.candidates:
        return 0.0
    return sum(c.score for c in p.candidates if c.admin1 == p.admin1 and c.country == p.country)


def _explain(text: str, p: Place, area: StatedArea) -> str:
    """One sentence: the evidence, where the gazetteer puts the place, and what the text says instead."""
    stated = text[area.start:area.end]
    q = area.place
    said = f"{stated} ({q.name or q.text}, {area.admin1 or area.country}, GeoNames {q.geonameid})"
    real = f"{p.admin1_name or p.admin1}, {p.country} ({p.admin1}" if p.admin1 else f"{p.country} ("
    return f"{p.text} is in {real}; GeoNames {p.geonameid}, {p.name or p.text}), not in {said} as the text says."
