// Export exactly the events the filter shows: CSV and GeoJSON built here from those rows, Parquet
// from the server by their ids. Formula-like text cells are prefixed with ' so spreadsheets do not run them.
"use strict";

const EXPORT_COLUMNS = ["id", "day", "day_kind", "type", "mode", "modality", "actor", "recipient", "place", "country", "admin1",
  "lat", "lon", "source", "chain", "flags", "articles", "sources", "evidence", "title"];

function cellOf(v, key) {
  const value = key === "chain" ? v.chain.join(" > ") : key === "flags" ? v.flags.join(";") : v[key];
  if (value == null) return "";
  if (typeof value === "number") return String(value);
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function eventsCSV(events) {
  const lines = [EXPORT_COLUMNS.join(",")];
  for (const v of events) lines.push(EXPORT_COLUMNS.map((k) => cellOf(v, k)).join(","));
  return lines.join("\r\n") + "\r\n";
}

function eventsGeoJSON(events) {
  const features = events.filter((v) => v.lat != null && v.lon != null).map((v) => ({
    type: "Feature", id: v.id, geometry: { type: "Point", coordinates: [v.lon, v.lat] },
    properties: Object.fromEntries(EXPORT_COLUMNS.filter((k) => k !== "lat" && k !== "lon").map((k) => [k, v[k] ?? null])),
  }));
  return JSON.stringify({ type: "FeatureCollection", features });
}

function download(name, blob) {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

async function exportAs(format, events) {
  if (format === "csv") return download("sitrep-events.csv", new Blob([eventsCSV(events)], { type: "text/csv" }));
  if (format === "geojson") return download("sitrep-events.geojson", new Blob([eventsGeoJSON(events)], { type: "application/geo+json" }));
  const res = await fetch("/api/workbench/export.parquet", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ids: events.map((v) => v.id) }) });
  if (!res.ok) throw new Error(`Parquet export failed: ${res.status}`);
  download("sitrep-events.parquet", await res.blob());
}
