"""Exports load back unchanged with DuckDB, pyarrow and json (pandas is not required)."""
from __future__ import annotations

import json

import duckdb
import pyarrow.csv as pacsv
import pytest

from sitrep.store.exports import (GDELT_COLUMNS, GDELT_EXPORT_COLUMNS, export_gdelt, export_geojson, export_parquet,
                                  export_plover)


def test_gdelt_table_has_the_61_columns_of_the_codebook():
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_the_export_keeps_gdelts_61_columns_in_order_then_adds_independent_roots():
    assert GDELT_EXPORT_COLUMNS[:61] == GDELT_COLUMNS
    assert GDELT_EXPORT_COLUMNS[61:] == ("IndependentRoots",)


def test_parquet_is_partitioned_by_day_and_reads_back(store, tmp_path):
    out = tmp_path / "pq"
    assert export_parquet(store, out) == 3
    assert [p.name for p in (out / "events").iterdir()] == ["day=2024-08-20"]
    rows = duckdb.sql(f"SELECT type, place_text, day FROM read_parquet('{out}/events/**/*.parquet', "
                      "hive_partitioning = true) ORDER BY place_text").fetchall()
    assert [(t, p, str(d)) for t, p, d in rows] == [
        ("MOBILIZE", "Kramatorsk", "2024-08-20"), ("ASSAULT", "Sevsk", "2024-08-20"),
        ("MOBILIZE", "Sloviansk", "2024-08-20")]
    n_articles = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/articles/**/*.parquet')").fetchall()[0][0]
    assert n_articles == 1


def test_plover_jsonl_has_one_record_per_event(store, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export_plover(store, out) == 3
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assault = next(r for r in records if r["event"] == "ASSAULT")
    assert assault["source"] == [{"actorText": "Russia", "code": "RUS", "sector": "MIL"}]
    assert assault["date"] == "2024-08-20" and assault["text"] == "the recent seizure of Sevsk"
    assert assault["location"]["geonameid"] == 496246 and assault["location"]["country"] == "RU"
    also = duckdb.sql(f"SELECT count(*) FROM read_json_auto('{out}')").fetchall()[0][0]
    assert also == 3


def test_geojson_points_are_lon_lat(store, tmp_path):
    out = tmp_path / "events.geojson"
    assert export_geojson(store, out) == 3
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    sevsk = next(f for f in data["features"] if f["properties"]["place"] == "Sevsk")
    assert sevsk["geometry"] == {"type": "Point", "coordinates": [34.49347, 52.14904]}


@pytest.fixture()
def gdelt_rows(store, tmp_path):
    """The GDELT export of the seed store, read back by DuckDB with GDELT's column names."""
    out = tmp_path / "events.gdelt.tsv"
    assert export_gdelt(store, out) == 3
    return read_gdelt(out, 3)


def read_gdelt(out, rows: int) -> list[dict]:
    """A GDELT export read back by DuckDB and pyarrow with its column names: 61 GDELT columns + IndependentRoots."""
    columns = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in GDELT_EXPORT_COLUMNS) + "}"
    rel = duckdb.sql(f"SELECT * FROM read_csv('{out}', delim = '\t', header = false, columns = {columns}, "
                     "quote = '\"')")
    table = pacsv.read_csv(out, read_options=pacsv.ReadOptions(column_names=list(GDELT_EXPORT_COLUMNS)),
                           parse_options=pacsv.ParseOptions(delimiter="\t"))
    assert table.num_rows == rows and table.num_columns == 62  # GDELT's 61, then sitrep's IndependentRoots
    return [dict(zip(rel.columns, row)) for row in rel.fetchall()]


def test_gdelt_row_for_the_seizure_of_sevsk(gdelt_rows):
    row = next(r for r in gdelt_rows if r["EventCode"] == "190")
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20240820", "202408", "2024")
    assert row["FractionDate"] == "2024.7123"  # 2024 + (8 * 30 + 20) / 365
    assert (row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == ("190", "19", "4")
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("RUSMIL", "RUS", "MIL")
    # GDELT geography is FIPS 10-4: Russia is RS, Bryansk oblast (GeoNames RU.10) is RS10
    assert (row["ActionGeo_CountryCode"], row["ActionGeo_ADM1Code"]) == ("RS", "RS10")
    assert (row["ActionGeo_Lat"], row["ActionGeo_Long"], row["ActionGeo_Type"]) == ("52.149", "34.4935", "4")
    assert row["ActionGeo_FullName"] == "Sevsk, Russia"
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("1", "1", "1")
    assert row["IsRootEvent"] == "0"  # the seizure is in the seventh paragraph, not the lead
    assert row["IndependentRoots"] == "1"  # one outlet's own report (tass.ru), corroborated by nobody else
    assert row["SOURCEURL"] == "https://tass.ru/putin-calls"
    assert row["AvgTone"] is None and row["Actor1Geo_Type"] is None


def test_gdelt_kramatorsk_is_in_fips_up05(gdelt_rows):
    row = next(r for r in gdelt_rows if r["ActionGeo_FullName"] and r["ActionGeo_FullName"].startswith("Kramatorsk"))
    assert (row["ActionGeo_CountryCode"], row["ActionGeo_ADM1Code"]) == ("UP", "UP05")
