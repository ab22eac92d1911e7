// The timeline: events per day (of the set filtered by everything but dates), an "undated" bar,
// a brush to pick a date range (drag; Escape or a click clears) and a play control that walks a window.
"use strict";

const Timeline = {
  svg: null, days: [], lo: null, hi: null, onBrush: null, playing: null,
  W: 800, H: 110, PAD: 24, UNDATED_W: 60,

  init(allEvents, onBrush) {
    this.onBrush = onBrush;
    this.svg = $("#timeline");
    const days = allEvents.filter((v) => v._dated).map((v) => v.day).sort();
    this.lo = days.length ? Date.parse(days[0]) : null;
    this.hi = days.length ? Date.parse(days[days.length - 1]) : null;
    this.svg.addEventListener("pointerdown", (e) => this.startBrush(e));
    this.svg.addEventListener("keydown", (e) => { if (e.key === "Escape") this.onBrush(null, null); });
    $("#play").addEventListener("click", () => this.togglePlay());
  },

  span() { return Math.max(86400000, this.hi - this.lo + 86400000); },
  x(ms) { return this.PAD + ((ms - this.lo) / this.span()) * (this.W - 2 * this.PAD - this.UNDATED_W); },
  dayAt(px) {
    const ms = this.lo + ((px - this.PAD) / (this.W - 2 * this.PAD - this.UNDATED_W)) * this.span();
    const clamped = Math.min(this.hi, Math.max(this.lo, ms));
    return new Date(clamped).toISOString().slice(0, 10);
  },

  draw(base, state) {
    const svg = clear(this.svg);
    const counts = new Map();
    let undated = 0, ingestDay = null;
    for (const v of base) {
      if (v._dated) counts.set(v.day, (counts.get(v.day) || 0) + 1);
      else { undated++; if (v.day) ingestDay = v.day; }
    }
    const max = Math.max(1, undated, ...counts.values());
    const barH = (n) => ((this.H - 40) * n) / max;
    svg.append(svgEl("rect", { x: 0, y: 0, width: this.W, height: this.H, class: "bg" }));
    if (this.lo != null) {
      const w = Math.max(2, this.x(this.lo + 86400000) - this.x(this.lo) - 1);
      for (const [day, n] of counts) {
        const inRange = (!state.since || day >= state.since) && (!state.until || day <= state.until);
        const bar = svgEl("rect", { x: this.x(Date.parse(day)), y: this.H - 22 - barH(n), width: w, height: barH(n), class: inRange ? "bar" : "bar out" });
        bar.append(Object.assign(svgEl("title"), { textContent: `${day}: ${n} events` }));
        svg.append(bar);
      }
      const first = new Date(this.lo).toISOString().slice(0, 10), last = new Date(this.hi).toISOString().slice(0, 10);
      svg.append(Object.assign(svgEl("text", { x: this.PAD, y: this.H - 6, class: "lbl" }), { textContent: first }));
      svg.append(Object.assign(svgEl("text", { x: this.W - this.PAD - this.UNDATED_W, y: this.H - 6, class: "lbl", "text-anchor": "end" }), { textContent: last }));
      if (state.since || state.until) {
        const a = this.x(Date.parse(state.since || first)), b = this.x(Date.parse(state.until || last) + 86400000);
        svg.append(svgEl("rect", { x: a, y: 4, width: Math.max(2, b - a), height: this.H - 26, class: "brush" }));
      }
    }
    const ux = this.W - this.PAD - this.UNDATED_W + 12;
    const ubar = svgEl("rect", { x: ux, y: this.H - 22 - barH(undated), width: this.UNDATED_W - 16, height: barH(undated), class: "bar undated" });
    ubar.append(Object.assign(svgEl("title"), { textContent: `undated: ${undated} events` + (ingestDay ? ` (ingested ${ingestDay})` : "") }));
    svg.append(ubar);
    svg.append(Object.assign(svgEl("text", { x: ux, y: this.H - 6, class: "lbl", id: "undated-label" }), { textContent: `undated ${undated}` }));
    $("#brush-label").textContent = state.since || state.until ? `${state.since || "…"} to ${state.until || "…"}` : "all dates";
  },

  startBrush(e) {
    if (this.lo == null) return;
    const box = this.svg.getBoundingClientRect();
    const toX = (ev) => ((ev.clientX - box.left) / box.width) * this.W;
    const x0 = toX(e);
    if (x0 > this.W - this.PAD - this.UNDATED_W) return;
    this.svg.setPointerCapture(e.pointerId);
    let moved = false;
    const move = (ev) => {
      const x1 = toX(ev);
      if (Math.abs(x1 - x0) < 3) return;
      moved = true;
      const [a, b] = [Math.min(x0, x1), Math.max(x0, x1)];
      this.onBrush(this.dayAt(a), this.dayAt(b));
    };
    const up = () => {
      this.svg.removeEventListener("pointermove", move);
      this.svg.removeEventListener("pointerup", up);
      if (!moved) this.onBrush(null, null);
    };
    this.svg.addEventListener("pointermove", move);
    this.svg.addEventListener("pointerup", up);
  },

  // Play: a window of a tenth of the date span (at least a day) walks from the first day to the last.
  togglePlay() {
    const button = $("#play");
    if (this.playing) { clearInterval(this.playing); this.playing = null; button.textContent = "▶ play"; return; }
    if (this.lo == null) return;
    const step = Math.max(86400000, Math.round(this.span() / 10 / 86400000) * 86400000);
    let start = this.lo;
    button.textContent = "❚❚ pause";
    const tick = () => {
      if (start > this.hi) { this.togglePlay(); return; }
      const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
      this.onBrush(iso(start), iso(Math.min(this.hi, start + step - 86400000)));
      start += step;
    };
    tick();
    this.playing = setInterval(tick, 900);
  },
};
