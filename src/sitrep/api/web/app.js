// sitrep web page: posts the article to /api/analyze and draws what comes back.
// Everything is built from the report JSON; offsets index the article text sitrep read.
"use strict";

const $ = (sel) => document.querySelector(sel);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
let outlines = null;

async function analyse() {
  const body = { text: $("#text").value, date: $("#date").value || null, source: $("#source").value || null };
  $("#status").textContent = "analysing…";
  $("#status").className = "";
  try {
    const res = await fetch("/api/analyze", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const data = await res.json();
    if (!res.ok) throw new Error(data.message || (data.detail && JSON.stringify(data.detail)) || res.statusText);
    render(data);
    $("#status").textContent = `${data.entities.length} entities, ${data.places.length} places, ${data.events.length} events, ${data.flags.length} flags`;
  } catch (err) {
    $("#status").textContent = err.message;
    $("#status").className = "error";
  }
}

function render(report) {
  $("#results").hidden = false;
  renderArticle(report, null);
  renderTable("#entities", report.entities, (e) => [e.text, e.type, e.rank, e.role, e.country, e.sector, e.mentions.length]);
  renderTable("#places", report.places, (p) => [p.text, p.geonameid, p.name, p.admin1_name || p.admin1, p.country,
    p.lat == null ? "" : `${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}`, p.matched_by]);
  const rows = renderTable("#events", report.events, (v) => [v.type, v.mode, v.actor && v.actor.text, v.recipient && v.recipient.text,
    v.place && v.place.text, v.date, v.modality, (v.attributed_to || []).join(" → "), v.trigger.text]);
  rows.forEach((tr, i) => { tr.className = "event"; tr.onclick = () => renderArticle(report, report.events[i].evidence); });
  $("#flags").innerHTML = report.flags.map((f) => `<li class="${esc(f.severity)}"><b>${esc(f.kind)}</b>: ${esc(f.message)}</li>`).join("") || "<li>none</li>";
  const sources = report.attributions.map((a) => `<li><b>${esc(a.cue)}</b>: ${esc(a.chain.join(" → "))}${a.anonymous ? " (anonymous)" : ""}${a.hedged ? " (hedged)" : ""}</li>`);
  const quotes = report.quotes.map((q) => `<li>“${esc(q.text)}” — ${esc(q.speaker || "unknown speaker")}</li>`);
  $("#sources").innerHTML = sources.concat(quotes).join("") || "<li>none</li>";
  drawMap(report.places, report.events);
  drawTimeline(report.events, report.article.text.length);
}

function renderTable(sel, items, cells) {
  const body = $(sel + " tbody");
  body.innerHTML = "";
  return items.map((item) => {
    const tr = document.createElement("tr");
    tr.innerHTML = cells(item).map((c) => `<td>${esc(c)}</td>`).join("");
    body.appendChild(tr);
    return tr;
  });
}

// Mark entity mentions and places in the text; an event's evidence, when chosen, is highlighted too.
function renderArticle(report, evidence) {
  const text = report.article.text;
  const spans = [];
  report.entities.forEach((e) => e.mentions.forEach((m) => spans.push({ start: m.start, end: m.end, cls: e.type, title: `${e.type} ${e.text}` })));
  report.places.forEach((p) => spans.push({ start: p.start, end: p.end, cls: "place", title: `${p.name || "unresolved"} ${p.geonameid || ""}` }));
  if (evidence) spans.push({ start: evidence.start, end: evidence.end, cls: "evidence", title: "event evidence" });
  const bounds = new Set([0, text.length]);
  spans.forEach((s) => { bounds.add(s.start); bounds.add(s.end); });
  const cuts = [...bounds].sort((a, b) => a - b);
  let html = "";
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    let piece = esc(text.slice(a, b));
    spans.filter((s) => s.start <= a && s.end >= b).forEach((s) => { piece = `<mark class="${s.cls}" title="${esc(s.title)}">${piece}</mark>`; });
    html += piece;
  }
  $("#article").innerHTML = html;
  if (evidence) { const m = $("#article mark.evidence"); if (m) m.scrollIntoView({ block: "center" }); }
}

// Equirectangular projection fitted to the resolved places, with country outlines for orientation.
async function drawMap(places, events, target = "#map") {
  const svg = $(target);
  const pts = places.filter((p) => p.lat != null);
  // a country's centroid says little and would stretch the frame across a continent
  const local = pts.filter((p) => p.precision !== "country");
  const frame = local.length ? local : pts;
  if (!outlines) outlines = await (await fetch("/api/countries.geojson")).json();
  let [minLon, maxLon, minLat, maxLat] = [-180, 180, -60, 80];
  if (frame.length) {
    minLon = Math.min(...frame.map((p) => p.lon)); maxLon = Math.max(...frame.map((p) => p.lon));
    minLat = Math.min(...frame.map((p) => p.lat)); maxLat = Math.max(...frame.map((p) => p.lat));
    const pad = Math.max(1.5, (maxLon - minLon) * 0.15, (maxLat - minLat) * 0.15);
    [minLon, maxLon, minLat, maxLat] = [minLon - pad, maxLon + pad, minLat - pad, maxLat + pad];
  }
  const scale = Math.min(600 / (maxLon - minLon), 400 / (maxLat - minLat));
  const x = (lon) => (lon - minLon) * scale, y = (lat) => (maxLat - lat) * scale;
  const ring = (r) => "M" + r.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join("L") + "Z";
  const paths = outlines.features.map((f) => {
    const g = f.geometry; if (!g) return "";
    const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    return `<path class="land" d="${polys.map((p) => p.map(ring).join("")).join("")}"><title>${esc(f.properties.name)}</title></path>`;
  });
  const eventPlaces = new Set(events.filter((v) => v.place).map((v) => v.place.geonameid));
  const seen = new Set();
  const labelled = [];
  const marks = frame.filter((p) => !seen.has(p.name) && seen.add(p.name)).map((p) => {
    const [cx, cy] = [x(p.lon), y(p.lat)];
    const r = eventPlaces.has(p.geonameid) ? 6 : 4;
    // skip a label that would sit on top of another; the tooltip still names the point
    const crowded = labelled.some(([lx, ly]) => Math.abs(lx - cx) < 60 && Math.abs(ly - cy) < 12);
    if (!crowded) labelled.push([cx, cy]);
    return `<circle class="pt" r="${r}" cx="${cx}" cy="${cy}"><title>${esc(p.text)}: ${esc(p.name)} (${esc(p.admin1_name || "")}, ${esc(p.country)})</title></circle>` +
      (crowded ? "" : `<text class="lbl" x="${cx + 7}" y="${cy + 4}">${esc(p.text)}</text>`);
  });
  svg.innerHTML = paths.join("") + marks.join("");
}

// Events in order: by date when the article gives dates, otherwise by where they appear in the text.
function drawTimeline(events, textLength) {
  const svg = $("#timeline");
  const dated = events.filter((v) => v.date);
  const useDates = dated.length === events.length && events.length > 0;
  const keys = events.map((v) => useDates ? Date.parse(v.date) : v.evidence.start);
  const lo = Math.min(...keys, 0), hi = Math.max(...keys, useDates ? Math.max(...keys) + 1 : textLength);
  const pos = (k) => 20 + (560 * (k - lo)) / Math.max(1, hi - lo);
  const marks = events.map((v, i) => `<g><circle class="pt" r="5" cx="${pos(keys[i])}" cy="${40 + (i % 4) * 16}"></circle>` +
    `<text class="lbl" x="${pos(keys[i]) + 7}" y="${44 + (i % 4) * 16}">${esc(v.type)}</text><title>${esc(v.evidence.text)}</title></g>`);
  svg.innerHTML = `<line x1="20" x2="580" y1="20" y2="20" stroke="#999"></line><text class="lbl" x="20" y="14">${useDates ? "by date" : "by position in the article"}</text>` + marks.join("");
}

// Stored events (when the server was started with --db): filters -> /api/events -> map, timeline, table.
async function searchStore() {
  const params = new URLSearchParams();
  for (const key of ["type", "actor", "place", "since", "until"]) {
    const value = $("#f-" + key).value.trim();
    if (value) params.set(key, value);
  }
  params.set("limit", "1000");
  $("#f-status").textContent = "searching…";
  try {
    const res = await fetch("/api/events?" + params);
    const data = await res.json();
    if (!res.ok) throw new Error(data.message || data.detail || res.statusText);
    const events = data.events;
    renderTable("#store-events", events, (v) => [v.day, v.type, v.actor_text, v.recipient_text, v.place_text, v.modality, v.source, v.evidence_text]);
    const places = events.filter((v) => v.lat != null).map((v) => ({ text: v.place_text, name: v.place_text, lat: v.lat, lon: v.lon, precision: "city", country: "" }));
    drawMap(places, [], "#store-map");
    drawDays(events);
    $("#f-status").textContent = `${data.count} events`;
  } catch (err) {
    $("#f-status").textContent = err.message;
  }
}

// Stored events per day as bars.
function drawDays(events) {
  const counts = new Map();
  events.filter((v) => v.day).forEach((v) => counts.set(v.day, (counts.get(v.day) || 0) + 1));
  const days = [...counts.keys()].sort();
  const max = Math.max(1, ...counts.values());
  const w = 560 / Math.max(1, days.length);
  const bars = days.map((d, i) => `<rect x="${20 + i * w}" y="${100 - (80 * counts.get(d)) / max}" width="${Math.max(1, w - 1)}" height="${(80 * counts.get(d)) / max}" fill="#c53030"><title>${esc(d)}: ${counts.get(d)}</title></rect>`);
  const label = days.length ? `<text class="lbl" x="20" y="114">${esc(days[0])}</text><text class="lbl" x="500" y="114">${esc(days[days.length - 1])}</text>` : "";
  $("#store-timeline").innerHTML = bars.join("") + label;
}

async function init() {
  const health = await (await fetch("/api/health")).json();
  if (health.store) {
    $("#store").hidden = false;
    searchStore();
  }
}

$("#go").addEventListener("click", analyse);
$("#f-go").addEventListener("click", searchStore);
init();
