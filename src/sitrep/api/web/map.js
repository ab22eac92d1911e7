// The workbench map: Leaflet with local outlines (countries, admin-1 of conflict countries), clustered
// markers coloured by event type, and a legend. No tiles: everything it draws ships with sitrep.
// Markers and clusters are DOM elements (divIcons), so each takes focus with Tab, names itself
// (aria-label) and opens with Enter or Space, as a click does.
"use strict";

// An event's dot: a div coloured by its type, named for screen readers; no HTML from the article.
const EventIcon = L.DivIcon.extend({
  options: { className: "ev-marker", iconSize: [14, 14], html: "" },
  createIcon(old) {
    const div = L.DivIcon.prototype.createIcon.call(this, old);
    div.style.background = this.options.colour;
    div.setAttribute("aria-label", this.options.label);
    div.dataset.id = this.options.eventId;
    return div;
  },
});

// A cluster's bubble: markercluster's own look, its count built as text, named "N events".
const ClusterIcon = L.DivIcon.extend({
  createIcon(old) {
    const div = L.DivIcon.prototype.createIcon.call(this, old);
    div.setAttribute("aria-label", this.options.label);
    return div;
  },
});

function eventLabel(v) {
  return [v.type, v.actor ? `by ${v.actor}` : "no actor", v.place ? `at ${v.place}` : "no place", v.day || "undated"].join(", ");
}

function clusterIcon(cluster) {
  const n = cluster.getChildCount();
  const size = n < 10 ? "small" : n < 100 ? "medium" : "large";
  return new ClusterIcon({ html: el("div", {}, el("span", {}, String(n))), className: `marker-cluster marker-cluster-${size}`,
    iconSize: L.point(40, 40), label: `${n} events` });
}

const EventMap = {
  map: null, cluster: null, legend: null, fitted: false, onPick: null,

  async init(onPick) {
    this.onPick = onPick;
    this.map = L.map("map", { minZoom: 2, maxZoom: 13, worldCopyJump: true, zoomSnap: 0.5, keyboard: true }).setView([48.5, 35], 5);
    this.map.attributionControl.addAttribution("outlines: Natural Earth (public domain)");
    this.cluster = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45, iconCreateFunction: clusterIcon });
    const [countries, admin1] = await Promise.all([getJSON("/static/countries.json"), getJSON("/static/admin1.json")]);
    const tip = (f, layer) => layer.bindTooltip(el("span", {}, f.properties.name || ""), { sticky: true });
    const outlines = L.canvas();
    L.geoJSON(countries, { renderer: outlines, style: { color: "#8797a6", weight: 0.8, fillColor: "#ffffff", fillOpacity: 1 }, onEachFeature: tip, interactive: false }).addTo(this.map);
    this.admin1 = L.geoJSON(admin1, { renderer: outlines, style: { color: "#a9b6c2", weight: 0.6, dashArray: "3 3", fill: false }, onEachFeature: tip }).addTo(this.map);
    this.cluster.addTo(this.map);
    this.legend = L.control({ position: "bottomright" });
    this.legend.onAdd = () => el("div", { className: "legend", id: "legend" });
    this.legend.addTo(this.map);
    this.map.getContainer().addEventListener("keydown", (e) => this.onKey(e));
  },

  // Enter or Space on a focused marker or cluster does what a click does (Leaflet alone only opens popups).
  onKey(e) {
    const target = e.target;
    if (!(e.key === "Enter" || e.key === " ") || !target.classList || !target.classList.contains("leaflet-marker-icon")) return;
    e.preventDefault();
    e.stopPropagation();
    if (target.classList.contains("marker-cluster")) this.refocusAfterZoom();
    target.click();
  },

  // A cluster zooms in and its bubble goes away: put the focus on the first marker drawn after it, not on the page.
  refocusAfterZoom() {
    const refocus = () => {
      if (this.map.getContainer().contains(document.activeElement) && document.activeElement !== this.map.getContainer()) return;
      const first = this.map.getPane("markerPane").querySelector(".leaflet-marker-icon");
      (first || this.map.getContainer()).focus({ preventScroll: true });
    };
    this.cluster.once("animationend", refocus);
    this.map.once("moveend", () => setTimeout(refocus, 50));
  },

  draw(events) {
    this.cluster.clearLayers();
    const markers = [];
    const counts = new Map();
    for (const v of events) {
      if (v.lat == null || v.lon == null) continue;
      counts.set(v.type, (counts.get(v.type) || 0) + 1);
      const m = L.marker([v.lat, v.lon], { icon: new EventIcon({ colour: colourOf(v.type), label: eventLabel(v), eventId: v.id }), keyboard: true });
      m.sitrepEvent = v;
      // Leaflet would set a string tooltip as HTML; a node built with textContent stays text (built when first shown)
      m.bindTooltip(() => el("span", {}, `${v.type} · ${v.place || ""} · ${v.day || "undated"}`), { direction: "top", offset: [0, -6] });
      m.on("click", () => this.onPick(v));
      markers.push(m);
    }
    this.cluster.addLayers(markers);
    this.drawLegend(counts, events.length - markers.length);
    if (!this.fitted && markers.length) {
      this.map.fitBounds(L.latLngBounds(markers.map((m) => m.getLatLng())).pad(0.3), { maxZoom: 8, animate: false });
      this.fitted = true;
    }
    return markers.length;
  },

  drawLegend(counts, unplaced) {
    const box = clear($("#legend"));
    box.append(el("b", {}, "event type"));
    for (const [type, n] of [...counts.entries()].sort((a, b) => b[1] - a[1])) {
      box.append(el("div", { className: "key" }, el("i", { style: `background:${colourOf(type)}` }), `${type} (${n})`));
    }
    if (unplaced) box.append(el("div", { className: "key muted" }, `${unplaced} without coordinates`));
  },
};
