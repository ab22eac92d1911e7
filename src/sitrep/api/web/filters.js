// Filter state for the workbench: held in the URL hash, applied client-side to every stored event.
"use strict";

// select filters: exact match on one event field; text filters: substring, any case.
const SELECTS = ["type", "mode", "modality", "country", "admin1", "source", "root", "flag"];
const TEXTS = ["actor", "recipient", "q"];
const FILTER_KEYS = [...SELECTS, ...TEXTS, "min", "since", "until", "undated"];

function readState(hash = location.hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const state = {};
  for (const key of FILTER_KEYS) if (params.get(key)) state[key] = params.get(key);
  return state;
}

function writeState(state) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (state[key]) params.set(key, state[key]);
  const hash = params.toString();
  history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
}

// Lower-cased search text and the other derived fields, computed once per event.
function prepareEvents(events) {
  for (const v of events) {
    v._actor = (v.actor || "").toLowerCase();
    v._recipient = (v.recipient || "").toLowerCase();
    v._hay = [v.actor, v.recipient, v.place, v.evidence, v.title, v.source, v.chain.join(" "), v.country, v.admin1, v.type]
      .filter(Boolean).join(" \u0001 ").toLowerCase();
    v._dated = v.day_kind === "event" || v.day_kind === "article";
  }
  return events;
}

// A compiled predicate for everything but the date range (the timeline shows that set and brushes the dates).
function compileFilter(state) {
  const tests = [];
  for (const key of SELECTS) {
    const want = state[key];
    if (!want) continue;
    if (key === "flag") tests.push((v) => v.flags.includes(want));
    else tests.push((v) => (v[key] ?? "") === want);
  }
  if (state.actor) { const s = state.actor.toLowerCase(); tests.push((v) => v._actor.includes(s)); }
  if (state.recipient) { const s = state.recipient.toLowerCase(); tests.push((v) => v._recipient.includes(s)); }
  if (state.q) {
    const words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    tests.push((v) => words.every((w) => v._hay.includes(w)));
  }
  if (state.min && +state.min > 1) { const n = +state.min; tests.push((v) => v.articles >= n); }
  return (v) => { for (const t of tests) if (!t(v)) return false; return true; };
}

function inDateRange(v, state) {
  if (!v._dated) return state.undated !== "0" && !(state.since || state.until) || state.undated === "1";
  if (state.since && v.day < state.since) return false;
  if (state.until && v.day > state.until) return false;
  return true;
}

// Apply the state: returns {base} (all filters but dates, for the timeline) and {shown} (everything).
function applyFilter(events, state) {
  const keep = compileFilter(state);
  const base = [], shown = [];
  for (const v of events) {
    if (!keep(v)) continue;
    base.push(v);
    if (inDateRange(v, state)) shown.push(v);
  }
  return { base, shown };
}

// Distinct values of a field with their counts, most frequent first (for the select options).
function valueCounts(events, key) {
  const counts = new Map();
  for (const v of events) {
    const values = key === "flag" ? v.flags : [v[key]];
    for (const x of values) if (x != null && x !== "") counts.set(x, (counts.get(x) || 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
}
