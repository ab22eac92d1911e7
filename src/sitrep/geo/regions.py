"""Curated geo tables: regions.tsv (regions GeoNames lacks) and geo_terms.tsv (words read around toponyms)."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class RegionRow:
    """One row of data/regions.tsv."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str
    admin1: tuple[str, ...]
    population: int | None


@dataclass(frozen=True, slots=True)
class GeoTerms:
    """Word lists from data/geo_terms.tsv."""

    admin_suffixes: frozenset[str]
    admin_endings: tuple[str, ...]
    event_heads: frozenset[str]
    not_place: frozenset[str]
    container_cues: frozenset[str]
    appositive_cues: frozenset[str]
    feature_heads: frozenset[str] = frozenset()
    name_articles: frozenset[str] = frozenset()
    not_alone: frozenset[str] = frozenset()
    locative_cues: frozenset[str] = frozenset()


def _table_rows(name: str) -> list[list[str]]:
    """Data rows of a packaged TSV (comment lines and the header skipped)."""
    text = resources.files("sitrep.data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def load_region_rows() -> list[RegionRow]:
    """Read data/regions.tsv."""
    out = []
    for parts in _table_rows("regions.tsv"):
        parts = parts + [""] * (10 - len(parts))
        out.append(RegionRow(
            name=parts[0], aliases=tuple(a for a in parts[1].split("|") if a), kind=parts[2],
            geonameid=int(parts[3]) if parts[3] else None,
            lat=float(parts[4]) if parts[4] else None, lon=float(parts[5]) if parts[5] else None,
            country=parts[6], admin1=tuple(a for a in parts[7].split("|") if a),
            population=int(parts[8]) if parts[8] else None))
    return out


def load_geo_terms() -> GeoTerms:
    """Read data/geo_terms.tsv."""
    by_kind: dict[str, list[str]] = {}
    for parts in _table_rows("geo_terms.tsv"):
        if len(parts) >= 2:
            by_kind.setdefault(parts[0], []).append(parts[1])
    return GeoTerms(
        admin_suffixes=frozenset(by_kind.get("admin_suffix", ())),
        admin_endings=tuple(sorted(by_kind.get("admin_ending", ()), key=len, reverse=True)),
        event_heads=frozenset(by_kind.get("event_head", ())),
        not_place=frozenset(by_kind.get("not_place", ())),
        container_cues=frozenset(by_kind.get("container_cue", ())),
        appositive_cues=frozenset(by_kind.get("appositive_cue", ())),
        feature_heads=frozenset(by_kind.get("feature_head", ())),
        name_articles=frozenset(by_kind.get("name_article", ())),
        not_alone=frozenset(by_kind.get("not_alone", ())),
        locative_cues=frozenset(by_kind.get("locative_cue", ())),
    )


def short_admin_forms(key: str, suffixes: frozenset[str], endings: tuple[str, ...]) -> set[str]:
    """Short keys of an admin name: 'kurskaya oblast' -> {'kurskaya', 'kursk', ...}; 'louisiana' -> {}."""
    words = key.split()
    if len(words) < 2 or words[-1] not in suffixes:
        return set()
    stem = " ".join(words[:-1])
    out = {stem}
    for ending in endings:
        if stem.endswith(ending) and len(stem) - len(ending) >= 3:
            out.add(stem[: -len(ending)])
    return out


def without_article(key: str, articles: frozenset[str]) -> str | None:
    """'al qamishli' -> 'qamishli' (GeoNames writes the Arabic article; texts often drop it); else None."""
    head, _, rest = key.partition(" ")
    return rest if head in articles and len(rest) >= 4 else None


def load_pairs(name: str) -> list[tuple[str, str]]:
    """The first two columns of a packaged two-column TSV (abbreviations, adjectives)."""
    return [(parts[0], parts[1]) for parts in _table_rows(name) if len(parts) >= 2]


def split_admin_suffix(key: str, suffixes: frozenset[str]) -> tuple[str, str | None]:
    """Split 'donetsk region' into ('donetsk', 'region'); keys without a suffix come back whole."""
    words = key.split()
    if len(words) >= 2 and words[-1] in suffixes:
        return " ".join(words[:-1]), words[-1]
    return key, None
