"""Checks: each a pure function Report -> list[Flag]; `run_checks` runs them all in a fixed order.

Modules by concept: `places` (region mismatch, outside the stated area, confusable names, spelling),
`sourcing` (anonymous sources, unsourced certainty, loaded language), `contradiction` (one place or
figure stated two ways). How each decides is written up in docs/checks.md.
"""
from __future__ import annotations

from typing import Callable

from sitrep.checks.contradiction import flag_internal_contradiction
from sitrep.checks.places import (flag_confusable_places, flag_nonstandard_spelling, flag_place_outside_stated_area,
                                  flag_place_region_mismatch)
from sitrep.checks.sourcing import flag_anonymous_source, flag_loaded_language, flag_unsourced_certainty
from sitrep.records import Flag, Report

Check = Callable[[Report], list[Flag]]

CHECKS: dict[str, Check] = {
    "place_region_mismatch": flag_place_region_mismatch,
    "place_outside_stated_area": flag_place_outside_stated_area,
    "confusable_places": flag_confusable_places,
    "nonstandard_spelling": flag_nonstandard_spelling,
    "anonymous_source": flag_anonymous_source,
    "unsourced_certainty": flag_unsourced_certainty,
    "loaded_language": flag_loaded_language,
    "internal_contradiction": flag_internal_contradiction,
}


def run_checks(report: Report) -> tuple[Flag, ...]:
    """Run every check over a report; flags come back in text order."""
    flags = [flag for check in CHECKS.values() for flag in check(report)]
    return tuple(sorted(flags, key=lambda f: (f.evidence.start, f.kind)))


__all__ = ["CHECKS", "Check", "run_checks"] + [f.__name__ for f in CHECKS.values()]
