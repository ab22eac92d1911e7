"""Readers for the curated TSV tables in `sitrep/data/`."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from sitrep.errors import MissingDataError


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a data table, skipping '#' comment lines; every cell is stripped."""
    try:
        raw = resources.files("sitrep.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise MissingDataError(f"data table {name} is missing from the sitrep package; reinstall sitrep") from exc
    rows = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@dataclass(frozen=True, slots=True)
class Nationality:
    """A nationality adjective and the country it names."""

    adjective: str
    iso3: str
    iso2: str
    country: str


@dataclass(frozen=True, slots=True)
class ActorSeed:
    """A named actor from the curated actor table."""

    name: str
    aliases: tuple[str, ...]
    type: str
    country: str
    sector: str
    state_media: bool


@dataclass(frozen=True, slots=True)
class Tables:
    """All curated tables, loaded once per pipeline."""

    nationalities: dict[str, Nationality]  # lower-cased adjective or plural demonym -> nationality
    actors: tuple[ActorSeed, ...]
    ranks: dict[str, str]  # variant as written -> canonical rank
    roles: dict[str, tuple[str, bool]]  # lower-cased role word -> (sector, can head a group)
    unit_kinds: tuple[str, ...]


def load_tables() -> Tables:
    """Load every curated table from the package data."""
    nationalities: dict[str, Nationality] = {}
    for adjective, plural, iso3, iso2, country in read_tsv("nationalities.tsv"):
        nat = Nationality(adjective, iso3, iso2 if iso2 != "-" else "", country)
        nationalities[adjective.lower()] = nat
        if plural != "-":
            nationalities[plural.lower()] = nat
    actors = tuple(
        ActorSeed(name, tuple(a.strip() for a in aliases.split(",") if a.strip()), typ,
                  "" if country == "-" else country, sector, sm == "yes")
        for name, aliases, typ, country, sector, sm in read_tsv("actors.tsv")
    )
    ranks = {variant.strip(): rank for rank, variants in read_tsv("ranks.tsv") for variant in variants.split(",")}
    roles = {word.lower(): (sector, group == "yes") for word, sector, group in read_tsv("roles.tsv")}
    unit_kinds = tuple(row[0] for row in read_tsv("unit_kinds.tsv"))
    return Tables(nationalities, actors, ranks, roles, unit_kinds)
