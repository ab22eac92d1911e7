// "Analyse an article": posts pasted text to /api/analyze and shows what comes back, every piece as text.
"use strict";

const Analyse = {
  async run() {
    const body = { text: $("#text").value, date: $("#date").value || null, source: $("#source").value || null };
    const status = $("#status");
    status.textContent = "analysing…";
    status.className = "";
    try {
      const report = await getJSON("/api/analyze", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      this.render(report);
      status.textContent = `${report.entities.length} entities, ${report.places.length} places, ${report.events.length} events, ${report.flags.length} flags`;
    } catch (err) {
      status.textContent = err.message;
      status.className = "error";
    }
  },

  table(sel, items, cells) {
    const body = clear($(sel + " tbody"));
    return items.map((item) => {
      const tr = el("tr", {}, cells(item).map((c) => el("td", {}, c ?? "")));
      body.append(tr);
      return tr;
    });
  },

  render(report) {
    $("#results").hidden = false;
    this.showText(report, null);
    this.table("#entities", report.entities, (e) => [e.text, e.type, e.rank, e.role, e.country, e.sector, e.mentions.length]);
    this.table("#places", report.places, (p) => [p.text, p.geonameid, p.name, p.admin1_name || p.admin1, p.country,
      p.lat == null ? "" : `${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}`, p.matched_by]);
    const rows = this.table("#a-events", report.events, (v) => [v.type, v.mode, v.actor && v.actor.text, v.recipient && v.recipient.text,
      v.place && v.place.text, v.date, v.modality, (v.attributed_to || []).join(" → "), v.trigger.text]);
    rows.forEach((tr, i) => {
      tr.className = "event";
      tr.tabIndex = 0;
      const pick = () => this.showText(report, report.events[i].evidence);
      tr.addEventListener("click", pick);
      tr.addEventListener("keydown", (e) => { if (e.key === "Enter") pick(); });
    });
    Evidence.list("#a-flags", report.flags, (f) => [el("b", {}, f.kind), `: ${f.message}`], (f) => f.severity);
    const sources = report.attributions.map((a) => [el("b", {}, a.cue), `: ${a.chain.join(" → ")}${a.anonymous ? " (anonymous)" : ""}${a.hedged ? " (hedged)" : ""}`]);
    const quotes = report.quotes.map((q) => [`“${q.text}” — ${q.speaker || "unknown speaker"}`]);
    Evidence.list("#a-sources", [...sources, ...quotes], (parts) => parts);
  },

  showText(report, evidence) {
    const spans = [];
    report.entities.forEach((e) => e.mentions.forEach((m) => spans.push({ start: m.start, end: m.end, cls: e.type, title: `${e.type} ${e.text}` })));
    report.places.forEach((p) => spans.push({ start: p.start, end: p.end, cls: "place", title: `${p.name || "unresolved"} ${p.geonameid || ""}` }));
    if (evidence) spans.push({ start: evidence.start, end: evidence.end, cls: "evidence", title: "event evidence" });
    const text = report.article.text;
    const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
    const box = clear($("#article"));
    for (let i = 0; i + 1 < cuts.length; i++) {
      let node = document.createTextNode(text.slice(cuts[i], cuts[i + 1]));
      for (const s of spans) if (s.start <= cuts[i] && s.end >= cuts[i + 1]) node = el("mark", { className: s.cls, title: s.title }, node);
      box.append(node);
    }
    if (evidence) { const m = $("#article mark.evidence"); if (m) m.scrollIntoView({ block: "center" }); }
  },
};
