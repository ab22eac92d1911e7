"""`sitrep gazetteer build|info|lookup`: build the offline gazetteer cache and query it."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

gazetteer_app = typer.Typer(add_completion=False, no_args_is_help=True,
                            help="Build and query the offline gazetteer (GeoNames + curated regions).")


@gazetteer_app.command()
def build(path: Optional[Path] = typer.Option(None, "--path", help="Cache file (default: $SITREP_CACHE or ~/.cache/sitrep).")) -> None:
    """Build (or rebuild) the gazetteer cache from the installed data packages."""
    from sitrep.geo.build import build_gazetteer

    started = time.perf_counter()
    written = build_gazetteer(path)
    Console(stderr=True).print(f"built {written} in {time.perf_counter() - started:.1f} s")


@gazetteer_app.command()
def info(path: Optional[Path] = typer.Option(None, "--path", help="Cache file.")) -> None:
    """Print what the cache holds and where it came from."""
    from sitrep.geo import Gazetteer

    for key, value in Gazetteer.load(path, build=False).info().items():
        sys.stdout.write(f"{key}\t{value}\n")


@gazetteer_app.command()
def lookup(
    name: str = typer.Argument(..., help="A place name as written, e.g. 'Seversk' or 'Donetsk region'."),
    limit: int = typer.Option(10, "--limit", help="How many candidates to show."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON lines instead of a table."),
    path: Optional[Path] = typer.Option(None, "--path", help="Cache file."),
) -> None:
    """Show every candidate record a name reaches (exact, variant or fuzzy), most populous first."""
    from sitrep.geo import Gazetteer, find_candidates

    gazetteer = Gazetteer.load(path)
    found = find_candidates(name, 0, len(name), gazetteer)
    entries = sorted(found.candidates, key=lambda e: -e.population)[:limit]
    if as_json:
        for e in entries:
            sys.stdout.write(json.dumps({"geonameid": e.geonameid, "name": e.name, "lat": e.lat, "lon": e.lon,
                                         "country": e.country, "admin1": e.admin1, "feature": e.feature,
                                         "population": e.population, "matched_by": e.how, "matched": e.matched},
                                        ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{name!r} (key {found.key!r})")
    for column in ("geonameid", "name", "country", "admin1", "feature", "population", "lat", "lon", "matched_by"):
        table.add_column(column)
    for e in entries:
        table.add_row(str(e.geonameid or "-"), e.name, e.country, e.admin1 or "", e.feature, f"{e.population:,}",
                      f"{e.lat:.4f}", f"{e.lon:.4f}", e.how)
    Console().print(table)
