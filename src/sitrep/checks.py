"""Checks (being built under issue 5): each a pure function Report -> list[Flag]."""
from __future__ import annotations

from sitrep.records import Flag, Report


def run_checks(report: Report) -> tuple[Flag, ...]:
    """Run every check over a report."""
    return ()
