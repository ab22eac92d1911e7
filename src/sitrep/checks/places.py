"""Place checks: a place put in the wrong region, far outside the article's area, confusable or misspelt."""
from __future__ import annotations

import math

from sitrep.checks.lexicon import check_lexicon
from sitrep.checks.text import evidence, sentence_bounds
from sitrep.records import Flag, Place, Report

# how far a place may lie from the article's area before it is "far outside" it; Donbas is ~300 km across
OUTSIDE_AREA_KM = 250.0
# the area is only "stated" when this share of located mentions lies within OUTSIDE_AREA_KM of its centre
AREA_MIN_SHARE = 0.6
AREA_MIN_MENTIONS = 4
# two similar names are only worth a flag when the places they name are this far apart
CONFUSABLE_MIN_KM = 50.0
CONFUSABLE_MIN_LENGTH = 5
# how far after a place the text may name the container it was put in ("X, a town in the Y region")
CONTAINER_WINDOW = 120
_AREA_PRECISIONS = ("city", "admin2", "admin1", "region")
_SETTLEMENT_PRECISIONS = ("city", "admin2")
_EVENT_TYPES_AT_FRONT = frozenset({"ASSAULT", "COERCE", "RETREAT", "MOBILIZE", "SEIZE"})


def flag_place_region_mismatch(report: Report) -> list[Flag]:
    """A place the text puts in one region ('X in the Donetsk People's Republic') that lies in another."""
    flags, seen = [], set()
    text = report.article.text
    for p in report.places:
        if not p.stated_in or p.precision == "country" or p.geonameid is None:
            continue
        admin_clash = p.stated_in_admin1 and p.admin1 and p.stated_in_admin1 != p.admin1
        country_clash = p.stated_in_country and p.country and p.stated_in_country != p.country
        if not (admin_clash or country_clash) or (p.geonameid, p.stated_in) in seen:
            continue
        seen.add((p.geonameid, p.stated_in))
        stated = f"{p.stated_in} ({p.stated_in_admin1 or p.stated_in_country})"
        actual = f"{p.admin1_name or p.admin1 or p.country} ({p.admin1 or p.country})"
        if country_clash:
            actual = f"{p.admin1_name + ', ' if p.admin1_name else ''}{p.country}"
        found = text.find(p.stated_in, p.end, p.end + CONTAINER_WINDOW)
        end = found + len(p.stated_in) if found != -1 else p.end
        flags.append(Flag(
            kind="place_region_mismatch", severity="warning",
            message=f"The text puts {p.text} in {stated}, but {p.name or p.text} (GeoNames {p.geonameid}) "
                    f"lies in {actual}.",
            evidence=evidence(text, p.start, end), places=(p.text, p.stated_in)))
    return flags


def flag_place_outside_stated_area(report: Report) -> list[Flag]:
    """A settlement reported as a front-line place that lies far from where the article's other places cluster."""
    located = [p for p in report.places if p.lat is not None and p.lon is not None and p.precision in _AREA_PRECISIONS]
    if len(located) < AREA_MIN_MENTIONS:
        return []
    centre, members = _dominant_cluster(located)
    if len(members) / len(located) < AREA_MIN_SHARE or len({p.geonameid or p.text for p in members}) < 2:
        return []
    text = report.article.text
    front = check_lexicon().pattern(check_lexicon().front_cues)
    event_places = {e.place.start for e in report.events
                    if e.place is not None and e.place.start is not None and e.type in _EVENT_TYPES_AT_FRONT}
    flags, seen = [], set()
    for p in located:
        if p.precision not in _SETTLEMENT_PRECISIONS or p in members or (p.geonameid or p.text) in seen:
            continue
        nearest = min(km(p.lat, p.lon, m.lat, m.lon) for m in members)  # type: ignore[arg-type]
        if nearest <= OUTSIDE_AREA_KM:
            continue
        s, e = sentence_bounds(text, p.start)
        if p.start not in event_places and not front.search(text, s, e):
            continue
        seen.add(p.geonameid or p.text)
        area = centre.admin1_name or centre.name or centre.text
        where = ", ".join(x for x in (p.admin1_name, p.country) if x)
        flags.append(Flag(
            kind="place_outside_stated_area", severity="warning",
            message=f"{p.text} is reported with front-line action, but it lies in {where or 'a place'} about "
                    f"{nearest:.0f} km from the area the article is about (around {area}: "
                    f"{len(members)} of {len(located)} place mentions).",
            evidence=evidence(text, s, e), places=(p.text,)))
    return flags


def _dominant_cluster(located: list[Place]) -> tuple[Place, list[Place]]:
    """The place with most mentions within OUTSIDE_AREA_KM of it, and those mentions."""
    best: tuple[int, Place, list[Place]] | None = None
    for p in located:
        near = [q for q in located if km(p.lat, p.lon, q.lat, q.lon) <= OUTSIDE_AREA_KM]  # type: ignore[arg-type]
        if best is None or len(near) > best[0]:
            best = (len(near), p, near)
    assert best is not None
    return best[1], best[2]


def flag_confusable_places(report: Report) -> list[Flag]:
    """Two toponyms a letter or two apart (Sevsk / Seversk) that name places far from each other."""
    text = report.article.text
    by_text: dict[str, Place] = {}
    for p in report.places:
        if p.geonameid is not None and p.lat is not None and p.precision in _SETTLEMENT_PRECISIONS:
            by_text.setdefault(p.text.lower(), p)
    flags = []
    names = sorted(by_text)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            pa, pb = by_text[a], by_text[b]
            if pa.geonameid == pb.geonameid or not names_confusable(a, b):
                continue
            distance = km(pa.lat, pa.lon, pb.lat, pb.lon)  # type: ignore[arg-type]
            if distance < CONFUSABLE_MIN_KM:
                continue
            first, second = sorted((pa, pb), key=lambda p: p.start)
            flags.append(Flag(
                kind="confusable_places", severity="warning",
                message=f"{first.text} and {second.text} differ by a letter or two but are different places "
                        f"{distance:.0f} km apart ({_where(first)}; {_where(second)}); check which one is meant.",
                evidence=evidence(text, second.start, second.end), places=(first.text, second.text)))
    return flags


def names_confusable(a: str, b: str) -> bool:
    """True for names one edit apart, or two letters inserted into the other ('sevsk' in 'seversk')."""
    short, long_ = sorted((a.lower(), b.lower()), key=len)
    if len(short) < CONFUSABLE_MIN_LENGTH - 1 or long_.startswith(short + " "):
        return False
    distance = levenshtein(short, long_)
    if distance == 1:
        return True
    return distance == 2 and len(short) >= CONFUSABLE_MIN_LENGTH and len(long_) - len(short) == 2 \
        and _is_subsequence(short, long_)


def flag_nonstandard_spelling(report: Report) -> list[Flag]:
    """A toponym whose spelling the gazetteer lacks, reached only by transliteration variants or fuzzy matching."""
    flags, seen = [], set()
    for p in report.places:
        if p.matched_by not in ("fuzzy", "variant") or p.text.lower() in seen:
            continue
        standard = p.variant_of or p.name or "?"
        if standard.lower() == p.text.lower():
            continue
        seen.add(p.text.lower())
        how = "fuzzy matching" if p.matched_by == "fuzzy" else "a spelling variant"
        flags.append(Flag(
            kind="nonstandard_spelling", severity="info",
            message=f"“{p.text}” is not a spelling the gazetteer knows; it was matched to {standard} "
                    f"({p.name}, GeoNames {p.geonameid}) through {how}. Check that this is the place meant.",
            evidence=evidence(report.article.text, p.start, p.end), places=(p.text, standard)))
    return flags


def _where(p: Place) -> str:
    """A short 'name, region, country' for messages."""
    return ", ".join(x for x in (p.name or p.text, p.admin1_name or p.admin1, p.country) if x)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def levenshtein(a: str, b: str) -> int:
    """Edit distance between two strings."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _is_subsequence(short: str, long_: str) -> bool:
    """True when every letter of `short` appears in `long_` in order."""
    it = iter(long_)
    return all(ch in it for ch in short)

