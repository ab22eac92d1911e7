// The evidence panel: the article with the event's words highlighted from the stored spans, its
// source chain, quotes, flags with their explanation, and the other articles that report the same event.
"use strict";

const Evidence = {
  async open(event) {
    const panel = $("#evidence");
    panel.hidden = false;
    $("#ev-title").textContent = "loading…";
    $("#ev-close").focus({ preventScroll: true });
    const data = await getJSON(`/api/workbench/articles/${event.sha}`);
    const stored = data.events.find((e) => e.idx === event.idx) || {};
    const a = data.article;
    $("#ev-title").textContent = a.title || "(untitled article)";
    $("#ev-meta").textContent = [a.source || "no outlet", a.day || (a.date ? a.date : `undated, ingested ${String(a.ingested_at || "").slice(0, 10)}`), a.url].filter(Boolean).join(" · ");
    $("#ev-event").textContent = [stored.type, stored.mode, stored.modality, stored.actor_text && `actor ${stored.actor_text}`,
      stored.recipient_text && `recipient ${stored.recipient_text}`, stored.place_text && `at ${stored.place_text}`, stored.day].filter(Boolean).join(" · ");
    const chain = stored.attributed_to || [];
    $("#ev-chain").textContent = chain.length ? chain.join(" → ") : "no attribution in the text (the outlet's own statement)";
    this.list("#ev-quotes", data.quotes, (q) => [`“${q.text}”`, el("span", { className: "muted" }, ` — ${q.speaker || "unknown speaker"}`)]);
    const mine = data.flags.filter((f) => f.evidence_start == null || (f.evidence_start < stored.evidence_end && f.evidence_end > stored.evidence_start));
    this.list("#ev-flags", mine, (f) => [el("b", {}, f.kind), ` (${f.severity}): ${f.message}`], (f) => f.severity);
    this.list("#ev-peers", data.peers.filter((p) => p.of_idx === event.idx),
      (p) => [el("b", {}, p.relation), ` · ${p.source || "?"}: ${p.title || "(untitled)"} — ${p.type} ${p.modality || ""}`,
        (p.attributed_to || []).length ? ` (according to ${p.attributed_to.join(" → ")})` : "", el("div", { className: "muted" }, p.evidence_text || "")]);
    this.renderText(a.text, stored, data);
    const mark = $("#ev-text mark.evidence");
    if (mark) mark.scrollIntoView({ block: "center" });
    $("#ev-close").focus({ preventScroll: true });
  },

  list(sel, items, parts, cls) {
    const ul = clear($(sel));
    for (const item of items) ul.append(el("li", { className: cls ? cls(item) : "" }, parts(item)));
    if (!items.length) ul.append(el("li", { className: "muted" }, "none"));
  },

  // Cut the text at every span boundary; each piece is a text node inside its marks, nothing is parsed as HTML.
  renderText(text, event, data) {
    const spans = [];
    for (const p of data.places) if (p.start != null) spans.push({ start: p.start, end: p.end, cls: "place", title: `${p.name || "unresolved"} ${p.admin1_name || ""} ${p.country || ""}` });
    for (const q of data.quotes) if (q.start != null) spans.push({ start: q.start, end: q.end, cls: "quote", title: `quote: ${q.speaker || "unknown"}` });
    if (event.evidence_start != null) {
      spans.push({ start: event.evidence_start, end: event.evidence_end, cls: "evidence", title: `event evidence: ${event.type}` });
      const at = event.trigger_text ? text.indexOf(event.trigger_text, event.evidence_start) : -1;
      if (at >= 0 && at < event.evidence_end) spans.push({ start: at, end: at + event.trigger_text.length, cls: "trigger", title: "trigger" });
    }
    const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
    const box = clear($("#ev-text"));
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [a, b] = [cuts[i], cuts[i + 1]];
      let node = document.createTextNode(text.slice(a, b));
      for (const s of spans) if (s.start <= a && s.end >= b) node = el("mark", { className: s.cls, title: s.title }, node);
      box.append(node);
    }
  },

  close() {
    $("#evidence").hidden = true;
    const row = document.querySelector("#events tr.current");
    if (row) row.focus();
  },
};
