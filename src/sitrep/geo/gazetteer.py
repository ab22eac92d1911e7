"""The gazetteer index: load the SQLite cache (building it on first use) and look names up."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from sitrep.errors import MissingDataError
from sitrep.geo.build import REGION_ID_BASE, build_gazetteer, country_neighbours, default_cache_path, source_fingerprint
from sitrep.geo.regions import GeoTerms, load_geo_terms, load_pairs
from sitrep.geo.translit import TranslitRules, normalize
from sitrep.tables import read_tsv

FUZZY_CUTOFF = 88.0  # rapidfuzz ratio; below this misspellings collide with other real names
FUZZY_MIN_LENGTH = 7  # one edit in a short name ("Yulia") is another name, not a misspelling
_PLACE_COLUMNS = "p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.admin2, p.feature, p.population, p.precision, p.covers, p.geonameid"


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record reached by a name, and how the name reached it."""

    id: int
    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    admin2: str | None
    feature: str
    population: int
    precision: str
    covers: tuple[str, ...]  # admin1 codes a curated region spans (Donbas: UA.05, UA.14)
    geonameid: int | None
    how: str  # name, alt, short, region_table, variant, fuzzy
    matched: str  # the gazetteer key the text reached
    similarity: float = 100.0

    @property
    def admin1s(self) -> tuple[str, ...]:
        """Every admin1 code this record lies in or covers."""
        return self.covers or ((self.admin1,) if self.admin1 else ())


@dataclass
class Gazetteer:
    """GeoNames places, admin units, countries and curated regions, indexed by normalised name."""

    path: Path
    con: sqlite3.Connection
    rules: TranslitRules
    terms: GeoTerms
    admin1_names: dict[str, str]
    nationalities: dict[str, str] = field(default_factory=dict)  # "ukrainian" -> "UA": adjectives, never tagged
    adjectives: dict[str, int] = field(default_factory=dict)  # "european" -> Europe's id (data/geo_adjectives.tsv)
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)  # "UA" -> {"RU", "PL", ...} (GeoNames)
    _fuzzy_buckets: dict[str, tuple[list[str], list[int]]] = field(default_factory=dict, repr=False)
    _lookups: dict[str, tuple[Entry, ...]] = field(default_factory=dict, repr=False)
    _countries: dict[str, tuple] = field(default_factory=dict, repr=False)
    _variants: dict[str, tuple[Entry, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, path: Path | None = None, build: bool = True) -> "Gazetteer":
        """Open the cache, building it first when it is missing or stale (`build=False` raises instead)."""
        path = Path(path) if path else default_cache_path()
        if not _is_current(path):
            if not build:
                raise MissingDataError(f"gazetteer cache {path} is missing or stale; run `sitrep gazetteer build`")
            build_gazetteer(path)
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        admin1_names = {code: name for code, name in con.execute("SELECT code, name FROM admins")}
        nationalities = {row[i].lower(): row[3] for row in read_tsv("nationalities.tsv") for i in (0, 1) if row[i]}
        adjectives = {normalize(adj): int(gid) for adj, gid in load_pairs("geo_adjectives.tsv")}
        return cls(path=path, con=con, rules=TranslitRules.load(), terms=load_geo_terms(), admin1_names=admin1_names,
                   nationalities=nationalities, adjectives=adjectives, neighbours=country_neighbours())

    def lookup(self, key: str) -> tuple[Entry, ...]:
        """Records whose name, alternate name, short admin form or curated alias is exactly `key`."""
        cached = self._lookups.get(key)
        if cached is None:
            rows = self.con.execute(
                f"SELECT {_PLACE_COLUMNS}, n.how, n.key FROM names n JOIN places p ON p.id = n.id WHERE n.key = ?",
                (key,)).fetchall()
            cached = tuple(_entry(row, row[12], row[13]) for row in rows)
            _remember(self._lookups, key, cached)
        return cached

    def lookup_variants(self, key: str) -> tuple[Entry, ...]:
        """Records in Cyrillic-script countries whose transliteration skeleton equals the key's.

        (Syeverodonetsk -> Sievierodonetsk.)
        """
        cached = self._variants.get(key)
        if cached is not None:
            return cached
        skel = self.rules.skeleton(key)
        best: dict[int, Entry] = {}
        if len(skel) >= 5:
            rows = self.con.execute(
                f"SELECT {_PLACE_COLUMNS}, s.key FROM skeletons s JOIN places p ON p.id = s.id WHERE s.skel = ?",
                (skel,)).fetchall()
            for row in rows:
                if row[4] in self.rules.countries:  # a skeleton shared with, say, a Vietnamese town is chance
                    best.setdefault(row[0], _entry(row, "variant", row[12]))
        cached = tuple(best.values())
        _remember(self._variants, key, cached)
        return cached

    def lookup_fuzzy(self, key: str, limit: int = 5) -> tuple[Entry, ...]:
        """Records of places (population >= 1000, or areas) whose name is a near miss of `key`."""
        if len(key) < FUZZY_MIN_LENGTH:
            return ()
        keys, ids = self._bucket(key[:2])
        found = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=limit * 3)
        out: dict[int, Entry] = {}
        for matched, score, index in found:
            if not _same_words(key, matched):
                continue  # "Liberty Hall" is not a misspelt "Liberty Hill"
            for entry in self.lookup(matched):
                if entry.id == ids[index] and entry.id not in out:
                    out[entry.id] = _with_how(entry, "fuzzy", score)
        return tuple(sorted(out.values(), key=lambda e: -e.similarity)[:limit])

    def _bucket(self, prefix: str) -> tuple[list[str], list[int]]:
        """Fuzzy-matchable keys sharing a two-letter prefix, loaded once per prefix."""
        bucket = self._fuzzy_buckets.get(prefix)
        if bucket is None:
            rows = self.con.execute("SELECT key, id FROM names WHERE prefix = ? AND big = 1", (prefix,)).fetchall()
            bucket = self._fuzzy_buckets[prefix] = ([r[0] for r in rows], [r[1] for r in rows])
        return bucket

    def country(self, iso2: str, how: str = "demonym", matched: str = "") -> Entry | None:
        """The country record with this ISO code."""
        if not self._countries:
            # one scan for all ~250 countries: the places table has no index on precision
            rows = self.con.execute(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.precision = 'country'").fetchall()
            for row in rows:
                self._countries.setdefault(row[4], row)
        row = self._countries.get(iso2)
        return _entry(row, how, matched) if row else None

    def get(self, place_id: int) -> Entry | None:
        """The record with this id (a geonameid, or a curated region id)."""
        row = self.con.execute(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.id = ?", (place_id,)).fetchone()
        return _entry(row, "name", "") if row else None

    def info(self) -> dict[str, str]:
        """Build metadata: counts, sources, build time."""
        return {k: v for k, v in self.con.execute("SELECT k, v FROM meta")} | {"path": str(self.path)}

    def is_curated_only(self, entry: Entry) -> bool:
        """True for curated regions that have no GeoNames record (Donbas)."""
        return entry.id >= REGION_ID_BASE


# a memo holds at most this many names: a month of wire copy names millions of distinct capitalised words
_MEMO_LIMIT = 100_000


def _remember(memo: dict, key: str, value: tuple) -> None:
    """Store a look-up result, starting the memo afresh when it is full (bounded memory on any corpus)."""
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value


def _is_current(path: Path) -> bool:
    """True when the cache exists and was built from the current curated tables and schema."""
    if not path.exists():
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT v FROM meta WHERE k = 'fingerprint'").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False
    return bool(row) and row[0] == source_fingerprint()


def _entry(row: tuple, how: str, matched: str) -> Entry:
    """An Entry from a places row (first 12 columns)."""
    return Entry(id=row[0], name=row[1], lat=row[2], lon=row[3], country=row[4] or "", admin1=row[5], admin2=row[6],
                 feature=row[7], population=row[8] or 0, precision=row[9],
                 covers=tuple(row[10].split("|")) if row[10] else (), geonameid=row[11], how=how, matched=matched)


def _same_words(key: str, matched: str) -> bool:
    """True when a fuzzy match only misspells words: as many words, each a near miss of its partner."""
    a, b = key.split(), matched.split()
    return len(a) == len(b) and (len(a) == 1 or all(x == y or fuzz.ratio(x, y) >= 80 for x, y in zip(a, b)))


def _with_how(entry: Entry, how: str, similarity: float) -> Entry:
    """A copy of `entry` reached another way."""
    return Entry(**{**{f: getattr(entry, f) for f in Entry.__slots__}, "how": how, "similarity": similarity})
