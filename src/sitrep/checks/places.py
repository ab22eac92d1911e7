"""Place checks: a place put in the wrong region, far outside the article's area, confusable or misspelt."""
from __future__ import annotations

import re

from sitrep.checks.lexicon import check_lexicon
from sitrep.checks.regions import flag_place_region_mismatch  # noqa: F401  (re-exported: its old home)
from sitrep.checks.text import evidence, sentence_bounds
from sitrep.geodesy import haversine_km as km
from sitrep.records import Flag, Place, Report

# how far a place may lie from the article's area before it is "far outside" it; Donbas is ~300 km across
OUTSIDE_AREA_KM = 250.0
# an outlier must be clearly beyond the cluster's reach, yet near enough to be a plausible front-line confusion:
# a place on another continent is a resolver error ("SWAT" as the Swat valley), not a misreported front
OUTLIER_MIN_KM = 350.0
OUTLIER_MAX_KM = 1500.0
# the area is only "stated" when this share of located mentions lies within OUTSIDE_AREA_KM of its centre
AREA_MIN_SHARE = 0.6
AREA_MIN_MENTIONS = 4
# two similar names are only worth a flag when the places they name are this far apart
CONFUSABLE_MIN_KM = 50.0
# a resolution the resolver was at least this sure of (softmax share of its top candidate)
CONFIDENT_SCORE = 0.6
CONFUSABLE_MIN_LENGTH = 5
# how far after a place the text may name the container it was put in ("X, a town in the Y region")
CONTAINER_WINDOW = 120
_AREA_PRECISIONS = ("city", "admin2", "admin1", "region")
_SETTLEMENT_PRECISIONS = ("city", "admin2")
_CONTAINER_PRECISIONS = ("admin1", "admin2", "region", "country")
# how a place is joined to the region the text puts it in
_LINK = re.compile(r"\s*,\s*|\s+(?:in|of)\s+(?:the\s+)?|\s*\(\s*")


def container_right_after(report: Report, p: Place) -> Place | None:
    """The area the text names as the container right after the place: 'X, Y', 'X in (the) Y', 'X of the Y'."""
    text = report.article.text
    for q in report.places:
        if q.start < p.end or q.start - p.end > CONTAINER_WINDOW or q.precision not in _CONTAINER_PRECISIONS:
            continue
        if q.text != p.stated_in and p.stated_in not in text[q.start - 4:q.end]:
            continue
        if _LINK.fullmatch(text[p.end:q.start]):
            return q
    return None


def in_a_list(text: str, p: Place, container: Place) -> bool:
    """True for 'Kharkiv, Kherson, Sumy regions' or 'Alaska, Hawaii, Florida and Washington': a list, not a container."""
    before = text[max(0, p.start - 3):p.start]
    after = text[container.end:container.end + 14]
    return bool(re.search(r"(,|\band)\s*$", before)) or bool(re.match(r"(,\s*[A-Z]|\s+and\s+[A-Z]|\s+regions\b)", after))


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
    flags, seen = [], set()
    for p in located:
        if p.precision not in _SETTLEMENT_PRECISIONS or p in members or (p.geonameid or p.text) in seen:
            continue
        if p.matched_by in ("fuzzy", "variant") or len(p.candidates) > 1 and p.score < CONFIDENT_SCORE:
            continue  # an uncertain resolution far away is more likely the resolver's error than the article's
        nearest = min(km(p.lat, p.lon, m.lat, m.lon) for m in members)  # type: ignore[arg-type]
        if not OUTLIER_MIN_KM < nearest <= OUTLIER_MAX_KM or p.text.isupper():
            continue
        s, e = sentence_bounds(text, p.start)
        # only war-front wording counts: an ASSAULT event is also a bar fight in local news
        if not front.search(text, s, e):
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
    """The place with most mentions within OUTSIDE_AREA_KM of it, and those mentions.

    Mentions of one place share a point, so the search runs over distinct points weighted by their mentions
    (a long article names a few hundred places thousands of times), and over the most-named points as centres.
    """
    by_point: dict[tuple[float, float], list[Place]] = {}
    for p in located:
        by_point.setdefault((p.lat, p.lon), []).append(p)  # type: ignore[arg-type]
    points = list(by_point.items())
    centres = sorted(points, key=lambda item: -len(item[1]))[:_MAX_CENTRES]
    best: tuple[int, Place, list[Place]] | None = None
    for (lat, lon), mentions in centres:
        near = [q for (qlat, qlon), group in points if km(lat, lon, qlat, qlon) <= OUTSIDE_AREA_KM for q in group]
        if best is None or len(near) > best[0]:
            best = (len(near), mentions[0], near)
    assert best is not None
    return best[1], best[2]


_MAX_CENTRES = 300  # candidate centres: the most-mentioned points; the rest are still counted as members


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
            if {pa.matched_by, pb.matched_by} & {"fuzzy", "variant"} or not (_near_other_places(report, pa)
                                                                             or _near_other_places(report, pb)):
                continue  # a loose match ("Buchas") or two names the article places nowhere near anything else
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
    if len(short) < CONFUSABLE_MIN_LENGTH or long_.startswith(short + " "):
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
        if p.matched_by not in ("fuzzy", "variant") or p.text.lower() in seen or any(ch.isdigit() for ch in p.text):
            continue
        if _names_a_person(report, p) or not _near_other_places(report, p):
            continue  # a loose match with nothing around it is more likely not a place at all
        if not looks_like_a_respelling(p.text, p.variant_of or p.name or ""):
            continue
        if _followed_by_a_name(report.article.text, p.text) or _plural_of_a_place(report, p):
            continue  # "Glennwood Academy", "Shota Utiashvili", "such Buchas": not a misspelt toponym
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


def looks_like_a_respelling(written: str, standard: str) -> bool:
    """True when `written` is `standard` with a letter or two changed inside its words (Severodonnetsk).

    Not a respelling: a different word count ('Edwardsville District'), a changed first letter ('Hampton
    Hills' / 'Hampton Mills'), an ending added ('South Ossetian', 'Banksy'), lower case ('veranda').
    """
    if not written[:1].isupper() or written.lower().startswith(standard.lower()):
        return False
    words, std = written.lower().split(), standard.lower().split()
    if len(words) != len(std):
        return False
    changed = [(w, v) for w, v in zip(words, std) if w != v]
    return bool(changed) and all(w[0] == v[0] and levenshtein(w, v) <= 2 for w, v in changed)


def _followed_by_a_name(text: str, written: str) -> bool:
    """True when some mention of the toponym runs on into a capitalised word: it is part of a longer name."""
    return any(re.match(r" [A-Z][a-z]", text[m.end():m.end() + 3]) for m in re.finditer(re.escape(written), text))


def _plural_of_a_place(report: Report, p: Place) -> bool:
    """True for a plural in s ('Pechenegs', 'such Buchas'): a people or a figure of speech, not a town."""
    if not p.text.endswith("s"):
        return False
    standard = p.variant_of or p.name or ""
    return not standard.endswith("s") or any(q.text == p.text[:-1] for q in report.places)


def _names_a_person(report: Report, p: Place) -> bool:
    """True when an entity mention (a person, unit or organisation) covers the toponym."""
    return any(m.start <= p.start and p.end <= m.end for e in report.entities for m in e.mentions)


def _near_other_places(report: Report, p: Place) -> bool:
    """True when another place of the article, found by exact name, lies within OUTSIDE_AREA_KM of this one."""
    if p.lat is None or p.lon is None:
        return False
    return any(q.geonameid != p.geonameid and q.lat is not None and q.lon is not None
               and q.matched_by in ("exact", "region_table") and q.precision != "country"
               and km(p.lat, p.lon, q.lat, q.lon) <= OUTSIDE_AREA_KM for q in report.places)


def _where(p: Place) -> str:
    """A short 'name, region, country' for messages."""
    return ", ".join(x for x in (p.name or p.text, p.admin1_name or p.admin1, p.country) if x)



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

