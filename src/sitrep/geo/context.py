"""Document context for disambiguation: stated containers ("X in the Y region") and the document's focus."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from sitrep.geo.candidates import Toponym
from sitrep.geo.gazetteer import Entry
from sitrep.geodesy import haversine_km

AREA_PRECISIONS = frozenset({"country", "admin1", "admin2", "region"})
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+(?:and|or))\s*$")
_COMMA_GAP = re.compile(r"^\s*,\s*(?:the\s+)?$")
_MAX_GAP = 45  # characters between a place and its container: "X and Y, two key cities in the Z region"


def cue_gap_pattern(cues: frozenset[str], appositive_cues: frozenset[str]) -> re.Pattern[str]:
    """Gap between a place and its container: ' in the ', or an appositive ', two key cities in the '."""
    direct = "|".join(sorted(map(re.escape, cues)))
    after_comma = "|".join(sorted(map(re.escape, appositive_cues)))
    return re.compile(rf"^(?:\s+(?:{direct})|\s*,(?:\s+[\w’'\-]+){{0,4}}?\s+(?:{after_comma}))\s+(?:the\s+)?$")


def find_containers(text: str, toponyms: list[Toponym], best: list[Entry | None],
                    cue_gap: re.Pattern[str]) -> dict[int, int]:
    """Map each toponym index to the index of the area the text says contains it."""
    out: dict[int, int] = {}
    for i in range(len(toponyms)):
        chain = [i]
        j = i + 1
        while j < len(toponyms):
            gap = text[toponyms[j - 1].end:toponyms[j].start]
            if len(gap) > _MAX_GAP or re.search(r"[.;!?\n()]", gap):
                break
            if _contains(toponyms, best, chain, j) and (cue_gap.match(gap) or _comma_container(text, toponyms, chain, j, gap)):
                for member in chain:
                    out.setdefault(member, j)
                break
            if _LIST_GAP.match(gap):
                chain.append(j)
                j += 1
                continue
            break
    return out


def _contains(toponyms: list[Toponym], best: list[Entry | None], chain: list[int], j: int) -> bool:
    """True when toponym j is an area larger than every member of the chain ("Kyiv region" after "Bucha")."""
    area = best[j]
    if area is None or not (area.precision in AREA_PRECISIONS or toponyms[j].suffix):
        return False
    return all(best[m] is None or (best[m].id != area.id and _rank(best[m]) < _rank(area)) for m in chain)


def _comma_container(text: str, toponyms: list[Toponym], chain: list[int], j: int, gap: str) -> bool:
    """'Bilohorivka, Luhansk region, ...' names a container; 'Lviv, Vinnytsia, Kyiv region, Odesa' is a list."""
    if not _COMMA_GAP.match(gap) or len(chain) > 1:
        return False
    if j + 1 < len(toponyms) and _LIST_GAP.match(text[toponyms[j].end:toponyms[j + 1].start]):
        return False
    before = chain[0] - 1
    return before < 0 or not _LIST_GAP.match(text[toponyms[before].end:toponyms[chain[0]].start])


def _rank(entry: Entry) -> int:
    """Size order of record kinds: town < admin2 < admin1 or region < country < continent."""
    if entry.feature == "CONT":
        return 4
    return {"city": 0, "admin2": 1, "admin1": 2, "region": 2, "country": 3}.get(entry.precision, 0)


def _same(best: list[Entry | None], a: int, b: int) -> bool:
    """True when two toponyms resolved to the same record ("Donetsk, Donetsk region" is not containment)."""
    return best[a] is not None and best[b] is not None and best[a].id == best[b].id


@dataclass(frozen=True, slots=True)
class Focus:
    """Where the rest of the document is: country and admin1 shares, and points to measure distance to."""

    countries: dict[str, float]
    admin1s: dict[str, float]
    points: tuple[tuple[float, float], ...]

    def country_share(self, entry: Entry) -> float:
        """Share of the other toponyms that lie in this entry's country."""
        return self.countries.get(entry.country, 0.0)

    def admin1_share(self, entry: Entry) -> float:
        """Share of the other toponyms that lie in (one of) this entry's admin1 units."""
        return max((self.admin1s.get(code, 0.0) for code in entry.admin1s), default=0.0)

    def nearest_km(self, entry: Entry) -> float | None:
        """Distance to the nearest other resolved place or area, in km."""
        if not self.points:
            return None
        return min(haversine_km(entry.lat, entry.lon, lat, lon) for lat, lon in self.points)


def document_focus(toponyms: list[Toponym], best: list[Entry | None], skip_key: str) -> Focus:
    """The focus of every toponym except those written like `skip_key` (a place must not vote for itself)."""
    countries: Counter[str] = Counter()
    admin1s: Counter[str] = Counter()
    points = []
    total = 0
    for toponym, entry in zip(toponyms, best):
        if entry is None or toponym.key == skip_key:
            continue
        total += 1
        countries[entry.country] += 1
        for code in entry.admin1s:
            admin1s[code] += 1
        if entry.precision != "country" and entry.feature != "CONT" and entry.country:
            # countries, continents and areas spanning several countries (the EU, the Middle East, the Black Sea)
            # have no point their towns lie near: the EU's centre is in Germany, not near Bucha
            points.append((entry.lat, entry.lon))
    if not total:
        return Focus({}, {}, ())
    return Focus({k: v / total for k, v in countries.items()}, {k: v / total for k, v in admin1s.items()},
                 tuple(dict.fromkeys(points)))


def proximity(distance_km: float | None, scale_km: float = 250.0) -> float:
    """1 for a place next to the others, falling off with distance; 0 when there is nothing to compare."""
    return 0.0 if distance_km is None else math.exp(-distance_km / scale_km)
