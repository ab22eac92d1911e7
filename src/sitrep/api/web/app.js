// sitrep workbench: loads every stored event once, filters in the page, and keeps the map, timeline,
// table, flags panel and URL in step. With no store, only "Analyse an article" is offered.
"use strict";

const Workbench = {
  events: [], flags: [], state: {}, shown: [], rowsShown: 0, PAGE: 200,

  async init() {
    const data = await getJSON("/api/workbench/events");
    this.events = prepareEvents(data.events);
    this.flags = data.flags;
    this.byId = new Map(this.events.map((v) => [v.id, v]));
    this.state = readState();
    this.fillSelects();
    Timeline.init(this.events, (since, until) => this.set({ since, until }));
    await EventMap.init((v) => this.pick(v));
    this.bind();
    this.update();
    await this.drawn;
    if (data.truncated) $("#count-note").textContent = `(first ${data.count} stored events loaded)`;
    document.body.dataset.ready = "1";
  },

  fillSelects() {
    for (const key of SELECTS) {
      const select = $("#f-" + key);
      clear(select).append(el("option", { value: "" }, "any"));
      for (const [value, n] of valueCounts(this.events, key)) select.append(el("option", { value }, `${value} (${n})`));
    }
    for (const key of ["actor", "recipient"]) {
      const list = clear($(`#${key}-list`));
      for (const [value] of valueCounts(this.events, key).slice(0, 300)) list.append(el("option", { value }));
    }
  },

  bind() {
    for (const key of FILTER_KEYS) {
      const input = $("#f-" + key);
      if (!input) continue;
      const read = () => this.set({ [key]: input.type === "checkbox" ? (input.checked ? "" : "0") : input.value.trim() });
      input.addEventListener(input.tagName === "SELECT" || input.type === "checkbox" || input.type === "date" ? "change" : "input", read);
    }
    $("#f-reset").addEventListener("click", () => { this.state = {}; this.update(); });
    $("#more").addEventListener("click", () => this.renderRows(this.rowsShown + this.PAGE));
    $("#ev-close").addEventListener("click", () => Evidence.close());
    document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !$("#evidence").hidden) Evidence.close(); });
    for (const format of ["csv", "geojson", "parquet"]) {
      $("#export-" + format).addEventListener("click", () => exportAs(format, this.shown).catch((err) => { $("#count-note").textContent = err.message; }));
    }
    window.addEventListener("hashchange", () => { this.state = readState(); this.update(); });
  },

  set(changes) {
    for (const [key, value] of Object.entries(changes)) {
      if (value) this.state[key] = value; else delete this.state[key];
    }
    this.update();
  },

  // Filter (timed: the count is what an analyst waits for), then redraw every view from the same rows.
  update() {
    const t0 = performance.now();
    const { base, shown } = applyFilter(this.events, this.state);
    this.shown = shown;
    $("#count").textContent = `${shown.length} of ${this.events.length} events`;
    this.lastFilterMs = performance.now() - t0;
    writeState(this.state);
    this.syncInputs();
    Timeline.draw(base, this.state);
    this.renderRows(this.PAGE);
    this.lastUpdateMs = performance.now() - t0;
    // the map and flags panel redraw after the browser has painted the count (10,000 markers take ~100 ms)
    clearTimeout(this.redraw);
    this.drawn = new Promise((resolve) => {
      this.redraw = setTimeout(() => { this.drawSlowViews(shown); resolve(); }, 0);
    });
    return shown.length;
  },

  drawSlowViews(shown) {
    const t0 = performance.now();
    EventMap.draw(shown);
    this.renderFlags(shown);
    this.lastMapMs = performance.now() - t0;
  },

  syncInputs() {
    for (const key of FILTER_KEYS) {
      const input = $("#f-" + key);
      if (!input) continue;
      if (input.type === "checkbox") input.checked = this.state[key] !== "0";
      else if (input.value !== (this.state[key] || "")) input.value = this.state[key] || "";
    }
  },

  renderRows(n) {
    const body = clear($("#events tbody"));
    this.rowsShown = Math.min(n, this.shown.length);
    for (const v of this.shown.slice(0, this.rowsShown)) {
      const day = v.day_kind === "ingest" ? el("i", { title: "no event or article date: the day it was ingested" }, `undated (ingested ${v.day})`)
        : v.day ? v.day + (v.day_kind === "article" ? " *" : "") : el("i", {}, "undated");
      const tr = el("tr", { tabIndex: 0, className: "event", dataset: { id: v.id } },
        el("td", {}, day), el("td", {}, el("i", { className: "swatch", style: `background:${colourOf(v.type)}` }), v.type),
        el("td", {}, v.mode || ""), el("td", {}, v.modality || ""), el("td", {}, v.actor || ""), el("td", {}, v.recipient || ""),
        el("td", {}, v.place || ""), el("td", {}, [v.admin1, v.country].filter(Boolean).join(", ")),
        el("td", {}, v.chain.length ? `${v.chain.join(" → ")} (via ${v.source || "?"})` : v.source || ""),
        el("td", {}, v.flags.join(", ")), el("td", {}, String(v.articles)), el("td", { className: "evtext" }, v.evidence || ""));
      tr.addEventListener("click", () => this.pick(v));
      tr.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); this.pick(v); } });
      body.append(tr);
    }
    $("#more").hidden = this.rowsShown >= this.shown.length;
    $("#rows-note").textContent = `showing ${this.rowsShown} of ${this.shown.length}`;
  },

  pick(v) {
    document.querySelectorAll("#events tr.current").forEach((tr) => tr.classList.remove("current"));
    const row = document.querySelector(`#events tr[data-id="${CSS.escape(v.id)}"]`);
    if (row) row.classList.add("current");
    Evidence.open(v);
  },

  // Every flag tied to a shown event (or, with no span, to a shown event's article), grouped by kind.
  renderFlags(shown) {
    const ids = new Set(shown.map((v) => v.id)), shas = new Set(shown.map((v) => v.sha));
    const groups = new Map();
    for (const f of this.flags) {
      if (!(f.events.some((id) => ids.has(id)) || (!f.events.length && shas.has(f.sha)))) continue;
      if (!groups.has(f.kind)) groups.set(f.kind, []);
      groups.get(f.kind).push(f);
    }
    const box = clear($("#flags-list"));
    $("#flags-count").textContent = `(${[...groups.values()].reduce((n, g) => n + g.length, 0)})`;
    for (const [kind, flags] of [...groups.entries()].sort((a, b) => b[1].length - a[1].length)) {
      const items = flags.slice(0, 100).map((f) => {
        const target = f.events.map((id) => this.byId.get(id)).find(Boolean) || this.events.find((v) => v.sha === f.sha);
        return el("li", { className: f.severity }, el("button", { className: "link", onclick: () => target && this.pick(target) }, f.evidence ? `“${f.evidence}”` : "article"), ` ${f.message}`);
      });
      box.append(el("details", { className: "flag-group" }, el("summary", {}, el("b", {}, kind), ` ${flags.length}`), el("ul", {}, items)));
    }
    if (!groups.size) box.append(el("p", { className: "muted" }, "no flags on these events"));
  },
};

async function main() {
  $("#go").addEventListener("click", () => Analyse.run());
  $("#tab-analyse").addEventListener("click", () => { $("#analyse").hidden = !$("#analyse").hidden; });
  const health = await getJSON("/api/health");
  if (health.store) {
    $("#tab-claims").hidden = false;
    $("#tab-claims").addEventListener("click", () => Claims.toggle());
    $("#workbench").hidden = false;
    await Workbench.init();
  } else {
    $("#analyse").hidden = false;
    document.body.dataset.ready = "1";
  }
}

main().catch((err) => { $("#count").textContent = `the page failed: ${err.message || err}`; console.error(err); });
