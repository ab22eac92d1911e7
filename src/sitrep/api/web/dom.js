// DOM helpers for the sitrep page. Text from the store is only ever set with textContent, never as HTML.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);

// el("td", {className: "x", title: "..."}, "text", childNode, ...): attributes are properties; strings become text nodes.
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null) continue;
    if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key in node && key !== "list") node[key] = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const svgNS = "http://www.w3.org/2000/svg";
function svgEl(tag, attrs = {}) {
  const node = document.createElementNS(svgNS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

async function getJSON(url, options) {
  const res = await fetch(url, options);
  const data = await res.json();
  if (!res.ok) throw new Error(data.message || data.detail || res.statusText);
  return data;
}

// One colour per PLOVER event type (colour-blind-safe hues first); unknown types get grey.
const TYPE_COLOURS = {
  ASSAULT: "#d62728", FIGHT: "#ff7f0e", COERCE: "#8c564b", THREATEN: "#e377c2", PROTEST: "#bcbd22",
  MOBILIZE: "#9467bd", RETREAT: "#17becf", CONSULT: "#1f77b4", COOPERATE: "#2ca02c", AID: "#98df8a",
  SUPPORT: "#aec7e8", ACCUSE: "#c49c94", REQUEST: "#f7b6d2", REJECT: "#7f7f7f", SANCTION: "#393b79",
  CONCEDE: "#637939", DISAPPROVE: "#8c6d31", AGREE: "#6baed6", INVESTIGATE: "#843c39", OTHER: "#555555",
};
const colourOf = (type) => TYPE_COLOURS[type] || "#555555";
