"""Toponym resolution: score each candidate by name match, prior, stated container and document context."""
from __future__ import annotations

import math
from dataclasses import dataclass

from sitrep.geo.candidates import Toponym
from sitrep.geo.context import AREA_PRECISIONS, Focus, cue_gap_pattern, document_focus, find_containers, proximity
from sitrep.geo.gazetteer import Entry, Gazetteer
from sitrep.geo.translit import normalize
from sitrep.records import Candidate, Place

METHODS = ("context", "population", "first")
# How the name reached the record: a primary or curated name is stronger evidence than an alternate
# spelling, a short admin form ("Kursk" for Kursk Oblast) or a transliteration skeleton.
NAME_WEIGHT = {"region_table": 0.35, "name": 0.3, "alt": 0.15, "abbr": 0.15, "abbr_dot": 0.3, "demonym": 0.3,
               "short": 0.0, "variant": 0.05, "fuzzy": 0.0}
# Areas and capitals are named far more often than their population alone suggests.
FEATURE_WEIGHT = {"PCLI": 0.6, "CONT": 0.3, "RGN": 0.35, "ADM1": 0.25, "ADM2": 0.0, "PPLC": 0.45, "PPL": 0.0}
SUFFIX_AGREES, SUFFIX_DISAGREES = 0.6, -0.6  # "Donetsk region" names the oblast, not the city
BARE_SHORT_FORM = -0.4
SUFFIX_IN_NAME = 0.3
CONTAINER_ADMIN1, CONTAINER_COUNTRY = 1.0, 0.5  # the text says where the place is
FOCUS_COUNTRY, FOCUS_ADMIN1, FOCUS_NEAR = 0.8, 0.6, 0.6  # where the rest of the document is
NAMESAKE_RATIO = 10  # a town ten times its namesake's size is the one meant unless the text places the other
DOMINANT_SHARE = 0.5  # a region holding more than half of the document's other places is where it is
TOWN_SHARE_OF_ADMIN1 = 0.5  # "Varna" alone is the city when most of Varna province lives in it
HELD_TOGETHER = 0.5  # a town and a county the text names that holds it
ROUNDS = 2  # context rounds after the prior-only pass; resolutions settle after two
SOFTMAX_TEMPERATURE = 0.25


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen record for one toponym, the stated container (if any) and every candidate's score."""

    toponym: Toponym
    entry: Entry | None
    scores: tuple[tuple[Entry, float], ...]
    container: Toponym | None = None
    container_entry: Entry | None = None


def prior_score(toponym: Toponym, entry: Entry, suffixes: frozenset[str] = frozenset()) -> float:
    """Context-free score: population and feature prior, how the name matched, admin suffix agreement."""
    score = math.log10(entry.population + 10) / 8 + FEATURE_WEIGHT.get(entry.feature, 0.0)
    score += NAME_WEIGHT.get(entry.how, 0.0)
    if entry.how == "fuzzy":
        score -= (100.0 - entry.similarity) / 50
    if toponym.suffix:
        if entry.precision != "country":  # no country is written "X County" or "X region": "Guernsey County" is Ohio's
            score += SUFFIX_AGREES if entry.precision in AREA_PRECISIONS else SUFFIX_DISAGREES
        if entry.name.lower().split()[-1:] and entry.name.lower().split()[-1].strip("'’") in suffixes:
            score += SUFFIX_IN_NAME  # "Kyiv region" is Kyivska oblast, not the city-status unit "Kyiv"
        if entry.how == "short" and entry.precision in AREA_PRECISIONS:
            score += NAME_WEIGHT["name"]  # "Kyiv" + "region" is the oblast's own name, not a short form of it
    elif entry.how == "short" or (entry.precision == "admin2" and entry.how in ("fuzzy", "variant")):
        score += BARE_SHORT_FORM  # "Kharkiv" alone is the city; the oblast is written "Kharkiv region"
    elif entry.precision in ("admin1", "admin2") and entry.how in ("name", "alt") and _named_after_its_town(toponym, entry):
        score += BARE_SHORT_FORM  # "Odesa", "Krakow", "Varna" alone are the city, not the unit named after it
    return score


def _named_after_its_town(toponym: Toponym, area: Entry) -> bool:
    """True when a town of the same name lies in the area and is what the name means on its own.

    A district (admin2) is named after its seat; a province (admin1) spelt with its own name only when
    most of its people live in the town: "Varna" is the city, "New York" may well be the state."""
    towns = [c for c in toponym.candidates if c.precision == "city" and c.how in ("name", "alt")
             and area.admin1 in c.admin1s and (area.admin2 is None or c.admin2 == area.admin2 or area.precision == "admin1")]
    if area.how == "alt" or area.precision == "admin2":
        return bool(towns)
    return any(t.population >= TOWN_SHARE_OF_ADMIN1 * area.population for t in towns)


def _own_spelling(toponym: Toponym, entry: Entry, skeleton) -> float:
    """An alternate name that spells the record's own name ('Mykolaiv' for Mykolayiv) weighs as its name;
    one of another name ('Mykolaiv' for Mykolaivka) does not."""
    if entry.how != "alt" or entry.precision != "city":
        return 0.0
    same = skeleton(toponym.key) == skeleton(normalize(entry.name))
    return NAME_WEIGHT["name"] - NAME_WEIGHT["alt"] if same else 0.0


def _foreign_alternate(toponym: Toponym, entry: Entry, skeleton) -> float:
    """An alternate name that is a same-country namesake's own name ('Chornobyl' for Lazurnyi) weighs nothing.

    Abroad it keeps its weight: 'St. Petersburg' is an alternate of Saint Petersburg and the Florida city's name."""
    if entry.how != "alt" or entry.precision != "city" or skeleton(toponym.key) == skeleton(normalize(entry.name)):
        return 0.0
    owned = any(c.id != entry.id and c.precision == "city" and c.country == entry.country and skeleton(toponym.key) == skeleton(normalize(c.name))
                for c in toponym.candidates)
    return -NAME_WEIGHT["alt"] if owned else 0.0


def _well_known_population(toponym: Toponym, skeleton) -> dict[str, int]:
    """Per country, the population of the largest town whose own name the text spells."""
    largest: dict[str, int] = {}
    for c in toponym.candidates:
        if c.precision == "city" and skeleton(toponym.key) == skeleton(normalize(c.name)):
            largest[c.country] = max(largest.get(c.country, 0), c.population)
    return largest


def _held_together(toponyms: list[Toponym]) -> list[dict[int, float]]:
    """Per toponym, a bonus for each candidate town lying in a county that another name of the text can be, and
    for each candidate county holding a town another name can be: "Paris and Henry County" are Paris, Tennessee
    and Henry County, Tennessee, though Kentucky, Georgia and France have a Paris and five states a Henry County."""
    # only names written in full count: "Pacific" reaching Pacific County by its short form holds nothing
    counties: dict[str, set[str]] = {}  # admin2 code -> keys of the toponyms that can be that county
    towns: dict[str, set[str]] = {}  # admin2 code -> keys of the toponyms that can be a town in it
    for t in toponyms:
        for e in t.candidates:
            if e.admin2 and e.precision in ("admin2", "city") and e.how in ("name", "alt"):
                (counties if e.precision == "admin2" else towns).setdefault(e.admin2, set()).add(t.key)
    out = []
    for t in toponyms:
        bonus = {}
        for e in t.candidates:
            partners = counties if e.precision == "city" else towns if e.precision == "admin2" else {}
            if e.admin2 and e.how in ("name", "alt") and partners.get(e.admin2, set()) - {t.key}:
                bonus[e.id] = HELD_TOGETHER
        out.append(bonus)
    return out


def context_score(entry: Entry, focus: Focus, container: Entry | None, well_known: dict[str, int] | None = None) -> float:
    """Score from the document: the stated container and the places the rest of the text names.

    A namesake reached only by an alternate name, a tenth the size of a well-known town whose own name it is in
    the same country, gets regional context
    only when the text places it or its region dominates the document ("Mykolaiv, Kramatorsk, Chernihiv" is
    the city). Namesakes abroad are told apart by the country focus, so Dublin, Ohio keeps its context."""
    score = 0.0
    placed = False
    if container is not None and container.id != entry.id:
        if set(entry.admin1s) & set(container.admin1s) and container.precision != "country":
            score += CONTAINER_ADMIN1
            placed = True
        elif entry.country == container.country:
            score += CONTAINER_COUNTRY if container.precision != "country" else CONTAINER_ADMIN1
    score += FOCUS_COUNTRY * focus.country_share(entry)
    admin1_share = focus.admin1_share(entry)
    obscure = (entry.precision == "city" and entry.how == "alt" and entry.matched != normalize(entry.name)
               and entry.population * NAMESAKE_RATIO <= (well_known or {}).get(entry.country, 0))
    if obscure and not placed and admin1_share <= DOMINANT_SHARE:
        return score
    score += FOCUS_ADMIN1 * admin1_share
    if entry.precision != "country":
        score += FOCUS_NEAR * proximity(focus.nearest_km(entry))
    return score


def resolve_toponym_list(text: str, toponyms: list[Toponym], gazetteer: Gazetteer,
                         method: str = "context") -> list[Resolution]:
    """Resolve every toponym of one document together, so that each can inform the others."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}")
    if method == "population":
        return [_pick(t, [(e, float(e.population)) for e in t.candidates]) for t in toponyms]
    if method == "first":
        return [_pick(t, [(e, -float(i)) for i, e in enumerate(t.candidates)]) for t in toponyms]
    suffixes = gazetteer.terms.admin_suffixes
    skeleton = gazetteer.rules.skeleton
    held = _held_together(toponyms)
    priors = [[(e, prior_score(t, e, suffixes) + _own_spelling(t, e, skeleton) + _foreign_alternate(t, e, skeleton)
                + held[i].get(e.id, 0.0)) for e in t.candidates] for i, t in enumerate(toponyms)]
    well_known = [_well_known_population(t, skeleton) for t in toponyms]
    best = [_argmax(p) for p in priors]
    cue_gap = cue_gap_pattern(gazetteer.terms.container_cues, gazetteer.terms.appositive_cues)
    containers: dict[int, int] = {}
    for _round in range(ROUNDS):
        containers = find_containers(text, toponyms, best, cue_gap)
        focus_by_key = {t.key: document_focus(toponyms, best, t.key) for t in toponyms}
        scored = []
        for i, toponym in enumerate(toponyms):
            container = best[containers[i]] if i in containers else None
            focus = focus_by_key[toponym.key]
            scored.append([(e, s + context_score(e, focus, container, well_known[i])) for e, s in priors[i]])
        best = [_argmax(s) for s in scored]
    out = []
    for i, toponym in enumerate(toponyms):
        res = _pick(toponym, scored[i])
        if i in containers:
            res = Resolution(toponym, res.entry, res.scores, toponyms[containers[i]], best[containers[i]])
        out.append(res)
    return out


def _argmax(scored: list[tuple[Entry, float]]) -> Entry | None:
    """The best-scoring entry (ties go to the first listed)."""
    return max(scored, key=lambda pair: pair[1])[0] if scored else None


def _pick(toponym: Toponym, scored: list[tuple[Entry, float]]) -> Resolution:
    """A Resolution with scores turned into probabilities over the candidates, best first."""
    if not scored:
        return Resolution(toponym, None, ())
    ranked = sorted(scored, key=lambda pair: -pair[1])
    if not all(math.isfinite(s) for _e, s in ranked) or ranked[0][1] > 1e3:
        return Resolution(toponym, ranked[0][0], tuple((e, 1.0 if k == 0 else 0.0) for k, (e, _s) in enumerate(ranked)))
    top = ranked[0][1]
    weights = [math.exp((s - top) / SOFTMAX_TEMPERATURE) for _e, s in ranked]
    total = sum(weights)
    return Resolution(toponym, ranked[0][0], tuple((e, w / total) for (e, _s), w in zip(ranked, weights)))


def to_place(res: Resolution, gazetteer: Gazetteer, top: int = 5) -> Place:
    """The Place record of a resolution, with its stated container and top candidates."""
    t, e = res.toponym, res.entry
    stated = _stated_fields(res)
    if e is None:
        return Place(text=t.text, start=t.start, end=t.end, matched_by="unresolved", **stated)
    matched_by = {"variant": "variant", "fuzzy": "fuzzy", "region_table": "region_table",
                  "demonym": "demonym"}.get(e.how, "exact")
    variant_of = None
    if matched_by in ("variant", "fuzzy"):
        variant_of = e.name if e.matched == normalize(e.name) else e.matched.title()
    candidates = tuple(Candidate(geonameid=c.geonameid or 0, name=c.name, lat=c.lat, lon=c.lon, country=c.country,
                                 admin1=c.admin1, feature=c.feature, population=c.population, score=round(s, 4))
                       for c, s in res.scores[:top])
    return Place(text=t.text, start=t.start, end=t.end, geonameid=e.geonameid, name=e.name, lat=e.lat, lon=e.lon,
                 country=e.country or None, admin1=e.admin1, admin1_name=gazetteer.admin1_names.get(e.admin1 or ""),
                 feature=e.feature, precision=e.precision, score=round(res.scores[0][1], 4), matched_by=matched_by,
                 variant_of=variant_of, candidates=candidates, **stated)


def _stated_fields(res: Resolution) -> dict[str, str | None]:
    """stated_in / stated_in_admin1 / stated_in_country from the container the text gave."""
    if res.container is None or res.container_entry is None:
        return {}
    area = res.container_entry
    admin1 = area.admin1s[0] if len(area.admin1s) == 1 and area.precision != "country" else None
    return {"stated_in": res.container.text, "stated_in_admin1": admin1, "stated_in_country": area.country or None}

