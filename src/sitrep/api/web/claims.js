// The claim view: the stored claims ledger (GET /api/claims) as a table, most corroborated first; a claim
// opens with its articles, independent roots, denials and drift, each with the words it rests on.
// Article text (titles, evidence, roots) is only ever set as text (el() makes text nodes), never as HTML.
"use strict";

const Claims = {
  claims: [], loaded: false,

  async toggle() {
    const section = $("#claims");
    section.hidden = !section.hidden;
    if (!section.hidden && !this.loaded) await this.load();
  },

  async load() {
    $("#claims-status").textContent = "loading…";
    try {
      this.claims = await getJSON("/api/claims?limit=1000");
    } catch (err) {  // no ledger yet: the server says which command builds it
      $("#claims-status").textContent = err.message;
      this.loaded = true;
      document.body.dataset.claims = "1";
      return;
    }
    const multi = this.claims.filter((c) => c.independent_roots >= 2).length;
    $("#claims-status").textContent = `${this.claims.length} claims · ${multi} with ≥2 independent roots`;
    this.render();
    this.loaded = true;
    document.body.dataset.claims = "1";
  },

  render() {
    const body = clear($("#claims-table tbody"));
    for (const c of this.claims) {
      const tr = el("tr", { tabIndex: 0, className: "claim", dataset: { id: c.id } },
        el("td", {}, c.summary), el("td", {}, c.type), el("td", {}, c.place ? c.place.name : ""),
        el("td", { className: "roots" }, String(c.independent_roots)), el("td", { className: "denials" }, String(c.denials.length)),
        el("td", { className: "drift" }, String(c.drift.length)), el("td", {}, c.first_seen || ""));
      tr.addEventListener("click", () => this.open(c));
      tr.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); this.open(c); } });
      body.append(tr);
    }
  },

  open(c) {
    document.querySelectorAll("#claims-table tr.current").forEach((tr) => tr.classList.remove("current"));
    const row = document.querySelector(`#claims-table tr[data-id="${CSS.escape(c.id)}"]`);
    if (row) row.classList.add("current");
    const box = $("#claim-detail");
    box.hidden = false;
    $("#cl-title").textContent = c.summary;
    $("#cl-meta").textContent = [c.type, c.place && `${c.place.name} (GeoNames ${c.place.geonameid})`, c.first_seen && `first seen ${c.first_seen}`,
      `${c.independent_roots} independent root${c.independent_roots === 1 ? "" : "s"}`].filter(Boolean).join(" · ");
    const info = new Map((c.article_info || []).map((a) => [a.id, a]));
    const article = (id) => { const a = info.get(id) || {}; return `${a.title || "(untitled)"} — ${a.source || "no outlet"}`; };
    const labels = c.root_labels || c.roots;
    this.list("#cl-roots", c.roots.map((key, i) => [el("b", {}, labels[i] || key), el("span", { className: "muted" }, ` ${key}`)]));
    this.list("#cl-articles", (c.mentions || []).map((m) => [el("b", {}, article(m.article)),
      el("span", { className: "muted" }, ` · root ${m.root} · ${m.modality}`), el("div", { className: "evtext" }, `“${m.evidence.text}”`)]));
    this.list("#cl-denials", c.denials.map((d) => [el("b", {}, article(d.article)),
      el("span", { className: "muted" }, ` · ${d.reason} · root ${d.root}`), el("div", { className: "evtext" }, `“${d.evidence.text}”`)]));
    this.list("#cl-drift", c.drift.map((d) => [el("b", {}, d.field), `: ${d.from ?? "—"} → ${d.to ?? "—"}`,
      el("div", { className: "evtext" }, `${article(d.from_article)}: “${d.from_evidence.text}”`),
      el("div", { className: "evtext" }, `${article(d.article)}: “${d.evidence.text}”`)]));
  },

  list(sel, items) {
    const ul = clear($(sel));
    for (const parts of items) ul.append(el("li", {}, parts));
    if (!items.length) ul.append(el("li", { className: "muted" }, "none"));
  },
};
