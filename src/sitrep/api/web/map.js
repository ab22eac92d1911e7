// The workbench map: Leaflet with local outlines (countries, admin-1 of conflict countries), clustered
// markers coloured by event type, and a legend. No tiles: everything it draws ships with sitrep.
"use strict";

const EventMap = {
  map: null, cluster: null, legend: null, fitted: false, onPick: null,

  async init(onPick) {
    this.onPick = onPick;
    this.map = L.map("map", { preferCanvas: true, minZoom: 2, maxZoom: 13, worldCopyJump: true, zoomSnap: 0.5, keyboard: true }).setView([48.5, 35], 5);
    this.map.attributionControl.addAttribution("outlines: Natural Earth (public domain)");
    this.cluster = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45 });
    const [countries, admin1] = await Promise.all([getJSON("/static/countries.json"), getJSON("/static/admin1.json")]);
    const tip = (f, layer) => layer.bindTooltip(el("span", {}, f.properties.name || ""), { sticky: true });
    L.geoJSON(countries, { style: { color: "#8797a6", weight: 0.8, fillColor: "#ffffff", fillOpacity: 1 }, onEachFeature: tip, interactive: false }).addTo(this.map);
    this.admin1 = L.geoJSON(admin1, { style: { color: "#a9b6c2", weight: 0.6, dashArray: "3 3", fill: false }, onEachFeature: tip }).addTo(this.map);
    this.cluster.addTo(this.map);
    this.legend = L.control({ position: "bottomright" });
    this.legend.onAdd = () => el("div", { className: "legend", id: "legend" });
    this.legend.addTo(this.map);
  },

  draw(events) {
    this.cluster.clearLayers();
    const markers = [];
    const counts = new Map();
    for (const v of events) {
      if (v.lat == null || v.lon == null) continue;
      counts.set(v.type, (counts.get(v.type) || 0) + 1);
      const m = L.circleMarker([v.lat, v.lon], { radius: 6, color: "#fff", weight: 1, fillColor: colourOf(v.type), fillOpacity: 0.9 });
      m.sitrepEvent = v;
      // Leaflet would set a string tooltip as HTML; a node built with textContent stays text
      m.bindTooltip(el("span", {}, `${v.type} · ${v.place || ""} · ${v.day || "undated"}`));
      m.on("click", () => this.onPick(v));
      markers.push(m);
    }
    this.cluster.addLayers(markers);
    this.drawLegend(counts, events.length - markers.length);
    if (!this.fitted && markers.length) {
      this.map.fitBounds(L.latLngBounds(markers.map((m) => m.getLatLng())).pad(0.3), { maxZoom: 8 });
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
