/* Flashpoint dashboard: vanilla JavaScript and hand-drawn SVG, no framework, no CDN.
 *
 * Everything it shows comes from the JSON API of the same server (/api/...); the only vendored
 * code is topojson-client, which decodes the vendored Natural Earth outline for the map. Text
 * from the database is always inserted as text (textContent), never as HTML.
 *
 * The URL is the state: every filter, the period, the selected alert and the event page are
 * query parameters (?dyad=KOR-PRK&since=...&alert=KOR-PRK:2023-11-13) and the tab or article
 * is the hash (#map, #article/<id>/<event id>), so a copied URL opens the same view.
 */
"use strict";

const QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
const VERDICT_NAMES = {supported: "supported", contradicted: "contradicted", not_in_source: "not in source"};
const SVG_NS = "http://www.w3.org/2000/svg";
// Query parameters that filter events (the names of /api/events), then the view's own.
const FILTER_KEYS = ["dyad", "actor", "country", "cameo_root", "plover", "quad_class", "since", "until", "q"];
const VIEW_KEYS = ["freq", "alert", "offset"];
const TABS = ["timeline", "map", "events", "article", "analyze"];
const MAP_EVENTS = 1000;  // events placed on the map (newest first)
const WEB_URL = new RegExp("^https?:[/][/]", "i");  // links are made only to web pages

const state = {
  filters: {},
  freq: "week",
  alert: "",
  offset: 0,
  limit: 50,
  codes: {roots: {}, plover: []},
  alerts: [],
  series: [],
  world: null,
  requests: {},
};

/* A number for the newest request of a view: an answer to an older one is dropped, so a slow
 * response never overwrites the view of a later filter. */
function ticket(view) {
  state.requests[view] = (state.requests[view] || 0) + 1;
  const mine = state.requests[view];
  return () => state.requests[view] === mine;
}

// ---------- small helpers ------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c) node.append(c);
  return node;
}

async function api(path, options) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok || !body || body.ok === false) {
    const message = body && body.error ? body.error : `${response.status} ${response.statusText}`;
    throw new Error(message);
  }
  return body;
}

function errorBox(message) {
  return el("div", {class: "error-box", role: "alert"}, message);
}

function quadChip(q) {
  return el("span", {class: `chip q${q}`, title: QUAD_NAMES[q] || ""}, `Q${q}`);
}

function verdictBadge(v) {
  return el("span", {class: `verdict ${v}`}, VERDICT_NAMES[v] || v);
}

function actorLabel(code, text) {
  if (!code && !text) return el("span", {class: "muted"}, "—");
  return el("span", {title: text || ""}, el("span", {class: "code"}, code || "?"), text ? el("span", {class: "muted small"}, ` ${text}`) : null);
}

function cameoLabel(e) {
  const root = state.codes.roots[e.cameo_root];
  return el("span", {title: root ? `${e.cameo_root}: ${root}` : ""},
    el("span", {class: "code"}, e.cameo), " ", e.plover ? el("span", {class: "small"}, e.plover) : null);
}

/* The event's date as precise as it is known ("2023", "2023-04", "2023-04-05"); an undated
 * event shows the day it was reported, marked as such. */
function eventDate(e) {
  if (e.date) {
    const shown = e.date_precision === "year" ? e.date.slice(0, 4) : e.date_precision === "month" ? e.date.slice(0, 7) : e.date;
    return el("span", {title: e.date_text ? `"${e.date_text}"` : ""}, shown);
  }
  if (e.day || e.published) return el("span", {class: "muted", title: "event undated: day it was reported"}, `${e.day || e.published} (reported)`);
  return el("span", {class: "muted"}, "undated");
}

function fmtNum(x, digits) {
  return x === null || x === undefined ? "—" : Number(x).toFixed(digits === undefined ? 1 : digits);
}

// ---------- URL state ------------------------------------------------------------------------

function readUrl() {
  const params = new URLSearchParams(location.search);
  state.filters = {};
  for (const k of FILTER_KEYS) if (params.get(k)) state.filters[k] = params.get(k);
  state.freq = ["day", "week", "month"].includes(params.get("freq")) ? params.get("freq") : "week";
  state.alert = params.get("alert") || "";
  state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
}

function urlParams() {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state.filters[k]) params.set(k, state.filters[k]);
  if (state.freq !== "week") params.set("freq", state.freq);
  if (state.alert) params.set("alert", state.alert);
  if (state.offset) params.set("offset", String(state.offset));
  return params;
}

/* Write the state into the address bar (a new history entry, so Back undoes a change). */
function writeUrl() {
  const search = urlParams().toString();
  const url = `${location.pathname}${search ? "?" + search : ""}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.pushState(null, "", url);
}

function filterParams(extra) {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state.filters[k]) params.set(k, state.filters[k]);
  for (const [k, v] of Object.entries(extra || {})) params.set(k, v);
  return params;
}

function formToState() {
  const form = document.getElementById("filters");
  const data = new FormData(form);
  const filters = {};
  for (const k of FILTER_KEYS) {
    const value = String(data.get(k) || "").trim();
    if (value) filters[k] = ["dyad", "actor", "country", "plover"].includes(k) ? value.toUpperCase() : value;
  }
  state.filters = filters;
  state.freq = String(data.get("freq") || "week");
}

function stateToForm() {
  const form = document.getElementById("filters");
  for (const k of FILTER_KEYS) {
    const field = form.elements.namedItem(k);
    if (!field) continue;
    const value = state.filters[k] || "";
    if (field.tagName === "SELECT" && value && ![...field.options].some(o => o.value === value)) {
      field.append(el("option", {value}, value));  // a value from a link, not in the list (yet)
    }
    field.value = value;
  }
  form.elements.namedItem("freq").value = state.freq;
}

/* A user changed a filter: new state, new URL, every view redrawn from page 1. */
function filtersChanged() {
  formToState();
  state.offset = 0;
  if (state.alert && !state.alert.startsWith(`${state.filters.dyad || ""}:`)) state.alert = "";
  writeUrl();
  refreshViews();
}

function setFilters(patch) {
  Object.assign(state.filters, patch);
  for (const [k, v] of Object.entries(state.filters)) if (!v) delete state.filters[k];
  stateToForm();
  state.offset = 0;
  writeUrl();
  refreshViews();
}

// ---------- tabs and routing ---------------------------------------------------------------

function currentTab() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, ""));
  if (hash.startsWith("article/")) return "article";
  return TABS.includes(hash) ? hash : "timeline";
}

function showTab(name) {
  for (const section of document.querySelectorAll("section.tab")) section.hidden = section.dataset.tab !== name;
  for (const link of document.querySelectorAll(".tabs a")) {
    // Tab links are fragment-only (#map), so switching tabs keeps the filters in the URL.
    link.setAttribute("aria-selected", String(link.dataset.tab === name));
  }
  document.getElementById("filters").hidden = name === "article" || name === "analyze";
  if (name === "map") refreshMap();
  if (name === "timeline" && state.series.length) drawTimeline(document.getElementById("timeline"), state.series, state.alerts);
}

function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, ""));
  const tab = currentTab();
  showTab(tab);
  if (hash.startsWith("article/")) {
    const [, id, eventId] = hash.split("/");
    loadArticle(id, eventId || null);
  }
}

function openArticle(articleId, eventId) {
  location.hash = `#article/${encodeURIComponent(articleId)}${eventId ? "/" + encodeURIComponent(eventId) : ""}`;
}

/* The back/forward buttons: the URL changed under us, so read it again. */
function onPopState() {
  readUrl();
  stateToForm();
  route();
  refreshViews();
}

// ---------- start-up -------------------------------------------------------------------------

async function loadCodes() {
  try {
    const body = await api("/api/codes");
    state.codes = {roots: body.cameo_roots || {}, plover: body.plover || []};
  } catch (e) { /* filters fall back to free codes */ }
  const rootSelect = document.getElementById("f-cameo-root");
  rootSelect.replaceChildren(el("option", {value: ""}, "any"));
  for (const [code, name] of Object.entries(state.codes.roots)) rootSelect.append(el("option", {value: code}, `${code} ${name}`));
  const ploverSelect = document.getElementById("f-plover");
  ploverSelect.replaceChildren(el("option", {value: ""}, "any"));
  for (const name of state.codes.plover) ploverSelect.append(el("option", {value: name}, name));
  stateToForm();
}

/* Every pair and every actor: the pair picker, the actor suggestions and the searchable list. */
async function loadDirectory() {
  const picker = document.getElementById("dyad-picker");
  let dyads, actors;
  try {
    [dyads, actors] = await Promise.all([api("/api/dyads?limit=5000"), api("/api/actors?limit=5000")]);
  } catch (e) {
    document.getElementById("timeline").replaceChildren(errorBox(`Could not load country pairs: ${e.message}`));
    return;
  }
  document.getElementById("db-info").textContent = `${dyads.total_events} events · ${dyads.total_articles} articles`;
  picker.replaceChildren(el("option", {value: ""}, `all pairs (${dyads.dyads.length})`),
    ...dyads.dyads.map(d => el("option", {value: d.dyad},
      `${d.dyad}  (${d.events} events, ${Math.round(100 * (d.material_conflict_share || 0))}% material conflict)`)));
  document.getElementById("actor-list").replaceChildren(...actors.actors.map(a => el("option", {value: a.code}, `${a.name || ""} (${a.events})`)));
  const items = [
    ...dyads.dyads.map(d => el("li", {"data-dyad": d.dyad, "data-search": d.dyad.toLowerCase(), title: "Show this pair",
      onclick: () => { state.alert = ""; setFilters({dyad: d.dyad}); }},
      el("span", {class: "code"}, d.dyad), el("span", {class: "muted small"}, ` ${d.events} events`))),
    ...actors.actors.map(a => el("li", {"data-actor": a.code, "data-search": `${a.code} ${a.name || ""}`.toLowerCase(), title: "Show this actor's events",
      onclick: () => setFilters({actor: a.code})},
      el("span", {class: "code"}, a.code), el("span", {class: "small"}, ` ${a.name || ""}`), el("span", {class: "muted small"}, ` ${a.events}`))),
  ];
  document.getElementById("directory").replaceChildren(...items);
  filterDirectory();
  stateToForm();
  if (!dyads.dyads.length && !dyads.total_events) {
    document.getElementById("timeline").replaceChildren(el("p", {class: "empty"},
      "No events stored yet. Ingest news with `flashpoint ingest <dir> --db <file>` and reload."));
  }
}

function filterDirectory() {
  const needle = document.getElementById("directory-search").value.trim().toLowerCase();
  for (const li of document.querySelectorAll("#directory li")) li.hidden = Boolean(needle) && !li.dataset.search.includes(needle);
}

function refreshViews() {
  refreshTimeline();
  refreshEvents();
  if (currentTab() === "map") refreshMap();
}

// ---------- timeline -------------------------------------------------------------------------

async function refreshTimeline() {
  const box = document.getElementById("timeline");
  const list = document.getElementById("alert-list");
  box.setAttribute("aria-busy", "true");
  const f = state.filters;
  // The whole history: the brush shows the chosen range on it, and the baseline needs the past.
  const tensionParams = new URLSearchParams({freq: state.freq});
  for (const k of ["dyad", "country", "actor", "cameo_root"]) if (f[k]) tensionParams.set(k, f[k]);
  const alertParams = new URLSearchParams(f.dyad ? {dyad: f.dyad} : {});
  try {
    const current = ticket("timeline");
    const [tension, alerts] = await Promise.all([api(`/api/tension?${tensionParams}`), api(`/api/alerts?${alertParams}`)]);
    if (!current()) return;
    state.series = tension.series;
    state.alerts = alerts.alerts;
    state.method = alerts.method;
    if (!(state.series.length === 0 && document.querySelector("#timeline .empty"))) drawTimeline(box, state.series, state.alerts);
    renderAlertList(list, state.alerts, alerts.method);
    const selected = state.alerts.find(a => a.id === state.alert);
    if (selected) showAlert(selected);
    else resetAlertDetail();
  } catch (e) {
    box.replaceChildren(errorBox(`Could not load the timeline: ${e.message}`));
    list.replaceChildren();
  } finally {
    box.removeAttribute("aria-busy");
  }
}

function subject() {
  const f = state.filters;
  return f.dyad || f.actor || f.country || "all pairs";
}

/* First day after the period that starts on `day` (ISO date strings, UTC). */
function periodAfter(day, freq) {
  const d = new Date(`${day}T00:00:00Z`);
  if (freq === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (freq === "week") d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

function dayBefore(day) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/* Two panels over one time axis, drawn at the container's pixel width so text stays readable
 * at any window size: events per period by kind (bars) with mean Goldstein (line), and the
 * conflict intensity the alerts are computed on, with its baseline and alert threshold. */
function drawTimeline(box, series, alerts) {
  if (!series.length) {
    box.replaceChildren(el("p", {class: "empty"}, `No dated events for ${subject()}.`));
    return;
  }
  const W = Math.max(320, Math.round(box.clientWidth || 1000));
  const narrow = W < 700;
  const m = {l: 40, r: narrow ? 34 : 44, t: 14, b: 30};
  const h1 = 170, gap = 26, h2 = 110;
  const H = m.t + h1 + gap + h2 + m.b;
  const iw = W - m.l - m.r;
  const n = series.length;
  const step = iw / n;
  const barW = Math.max(1.5, Math.min(40, step * 0.75));
  const maxCount = Math.max(1, ...series.map(p => p.events));
  const y = v => m.t + h1 - (v / maxCount) * h1;
  const yGold = g => m.t + h1 / 2 - (g / 10) * (h1 / 2);
  const top2 = m.t + h1 + gap;
  // The lower panel shows what the alerts watch: independent conflict reports (alert_value)
  // for a dyad, else the conflict intensity.
  const watched = series.some(p => p.alert_value !== null && p.alert_value !== undefined) ? "alert_value" : "conflict_intensity";
  const watchedName = watched === "alert_value" ? "independent conflict reports" : "conflict intensity";
  const maxIntensity = Math.max(1, ...series.map(p => Math.max(p[watched] || 0, p.threshold || 0)));
  const y2 = v => top2 + h2 - (v / maxIntensity) * h2;
  const xOf = i => m.l + i * step + step / 2;
  const dyad = state.filters.dyad || "";

  const root = svg("svg", {width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img",
    "aria-label": `Tension timeline for ${subject()}`, "data-dyad": dyad, "data-periods": String(n)});

  // Alert bands (behind everything), only for the pair shown.
  const bands = svg("g", {class: "alerts"});
  const hits = svg("g", {class: "alert-hits"});
  const indexOf = day => { let k = 0; series.forEach((p, i) => { if (p.period <= day) k = i; }); return k; };
  for (const a of alerts) {
    if (!dyad || a.dyad !== dyad) continue;
    const i0 = indexOf(a.period), i1 = indexOf(a.period_end);
    const x0 = m.l + i0 * step, x1 = m.l + (i1 + 1) * step;
    const selected = a.id === state.alert ? " selected" : "";
    bands.append(svg("rect", {class: `alert-band${selected}`, x: x0, y: m.t, width: Math.max(3, x1 - x0), height: h1 + gap + h2, "data-alert-id": a.id}));
    hits.append(svg("rect", {class: "alert-hit", x: x0, y: m.t, width: Math.max(3, x1 - x0), height: h1, fill: "transparent",
      "data-alert-id": a.id, onclick: () => selectAlert(a)},
      svg("title", {text: `Escalation alert, ${a.freq} of ${a.period} (click for the events): ${a.explanation || ""}`})),
      svg("path", {class: "alert-mark", d: `M${(x0 + x1) / 2 - 6},${m.t} l12,0 l-6,9 z`, "data-alert-id": a.id, onclick: () => selectAlert(a)}));
  }
  root.append(bands);

  // Axes.
  const axis = svg("g", {class: "axis"});
  axis.append(svg("line", {x1: m.l, y1: m.t + h1, x2: m.l + iw, y2: m.t + h1}),
    svg("line", {x1: m.l, y1: top2 + h2, x2: m.l + iw, y2: top2 + h2}));
  for (const frac of [0, 0.5, 1]) {
    const v = Math.round(maxCount * frac);
    axis.append(svg("text", {x: m.l - 6, y: y(v) + 4, "text-anchor": "end", text: String(v)}));
    const w = Math.round(maxIntensity * frac);
    axis.append(svg("text", {x: m.l - 6, y: y2(w) + 4, "text-anchor": "end", text: String(w)}));
  }
  axis.append(svg("text", {x: m.l, y: m.t - 3, class: "panel-title", text: "events per " + state.freq}),
    svg("text", {x: m.l, y: top2 - 5, class: "panel-title", text: "conflict intensity (what alerts are computed on)"}));
  for (const g of [-10, 0, 10]) axis.append(svg("text", {x: m.l + iw + 5, y: yGold(g) + 4, text: (g > 0 ? "+" : "") + g}));
  const labelEvery = Math.max(1, Math.ceil(n / Math.max(2, Math.floor(iw / 90))));
  series.forEach((p, i) => {
    if (i % labelEvery === 0) axis.append(svg("text", {x: xOf(i), y: top2 + h2 + 18, "text-anchor": "middle", text: p.period}));
  });
  root.append(axis);

  // Stacked bars: material conflict at the bottom, where the eye lands first.
  const bars = svg("g", {class: "bars"});
  series.forEach((p, i) => {
    let base = 0;
    for (const q of [4, 3, 2, 1]) {
      const v = p[`q${q}`] || 0;
      if (!v) continue;
      bars.append(svg("rect", {class: `bar q${q}`, x: xOf(i) - barW / 2, y: y(base + v), width: barW, height: Math.max(1, y(base) - y(base + v)), fill: `var(--q${q})`},
        svg("title", {text: `${p.period}: ${v} ${QUAD_NAMES[q]} (of ${p.events}); mean Goldstein ${fmtNum(p.goldstein_mean)}`})));
      base += v;
    }
  });
  root.append(bars);

  // Mean Goldstein: runs of consecutive periods with events (an empty period breaks the line).
  const gold = svg("g", {class: "gold"});
  let run = [];
  const flush = () => { if (run.length > 1) gold.append(svg("polyline", {class: "gold-line", points: run.join(" ")})); run = []; };
  series.forEach((p, i) => {
    if (p.goldstein_mean === null || p.goldstein_mean === undefined) { flush(); return; }
    run.push(`${xOf(i)},${yGold(p.goldstein_mean)}`);
    gold.append(svg("circle", {class: "gold-dot", cx: xOf(i), cy: yGold(p.goldstein_mean), r: 2.5},
      svg("title", {text: `${p.period}: mean Goldstein ${fmtNum(p.goldstein_mean)}`})));
  });
  flush();
  root.append(gold);

  // Conflict intensity with the alert method's baseline and threshold.
  const line = (key, cls) => {
    const g = svg("g", {class: cls});
    let pts = [];
    const end = () => { if (pts.length > 1) g.append(svg("polyline", {points: pts.join(" ")})); pts = []; };
    series.forEach((p, i) => {
      if (p[key] === null || p[key] === undefined) { end(); return; }
      pts.push(`${xOf(i)},${y2(p[key])}`);
    });
    end();
    return g;
  };
  root.append(line("threshold", "threshold-line"), line("baseline", "baseline-line"), line(watched, "intensity-line"));
  const dots = svg("g", {class: "intensity-dots"});
  series.forEach((p, i) => {
    if (!p[watched]) return;
    const over = p.threshold !== null && p.threshold !== undefined && p[watched] >= p.threshold;
    dots.append(svg("circle", {class: over ? "intensity-dot over" : "intensity-dot", cx: xOf(i), cy: y2(p[watched]), r: over ? 4 : 2.5},
      svg("title", {text: `${p.period}: ${watchedName} ${fmtNum(p[watched])}, conflict intensity ${fmtNum(p.conflict_intensity)}` +
        (p.baseline === null || p.baseline === undefined ? " (too little history for a baseline)" : `; baseline ${fmtNum(p.baseline)}, alert threshold ${fmtNum(p.threshold)}`)})));
  });
  root.append(dots);

  // The brush: the chosen date range, and the overlay that lets a drag choose one.
  const brush = svg("rect", {class: "brush", y: m.t, height: h1 + gap + h2, x: 0, width: 0, visibility: "hidden"});
  const showRange = () => {
    const {since, until} = state.filters;
    if (!since && !until) { brush.setAttribute("visibility", "hidden"); return; }
    const i0 = since ? series.findIndex(p => periodAfter(p.period, state.freq) > since) : 0;
    let i1 = n - 1;
    if (until) { i1 = -1; series.forEach((p, i) => { if (p.period <= until) i1 = i; }); }
    if (i0 < 0 || i1 < i0) { brush.setAttribute("visibility", "hidden"); return; }
    brush.setAttribute("x", m.l + i0 * step);
    brush.setAttribute("width", Math.max(2, (i1 - i0 + 1) * step));
    brush.setAttribute("visibility", "visible");
  };
  root.append(brush);
  root.append(hits);
  showRange();

  const periodAt = clientX => {
    const rect = root.getBoundingClientRect();
    const x = (clientX - rect.left) * (W / rect.width);
    return Math.min(n - 1, Math.max(0, Math.floor((x - m.l) / step)));
  };
  let dragFrom = null, dragX = null;
  root.addEventListener("pointerdown", e => { dragFrom = periodAt(e.clientX); dragX = e.clientX; });
  root.addEventListener("pointermove", e => {
    if (dragFrom === null || Math.abs(e.clientX - dragX) < 4) return;
    const to = periodAt(e.clientX);
    const a = Math.min(dragFrom, to), b = Math.max(dragFrom, to);
    brush.setAttribute("x", m.l + a * step);
    brush.setAttribute("width", (b - a + 1) * step);
    brush.setAttribute("visibility", "visible");
  });
  root.addEventListener("pointerup", e => {
    if (dragFrom === null) return;
    const moved = Math.abs(e.clientX - dragX) >= 4;
    const to = periodAt(e.clientX);
    const a = Math.min(dragFrom, to), b = Math.max(dragFrom, to);
    dragFrom = null;
    if (!moved) return;  // a click: an alert band handles it
    setFilters({since: series[a].period, until: dayBefore(periodAfter(series[b].period, state.freq))});
  });
  root.addEventListener("dblclick", () => setFilters({since: "", until: ""}));
  box.replaceChildren(root);
}

function renderAlertList(list, alerts, method) {
  if (!alerts.length) {
    const how = method ? ` An alert flags a ${method.freq} whose ${method.metric.replace(/_/g, " ")} has a Poisson probability below that of a normal z ≥ ${method.z_threshold} given the mean of the previous ${method.window} ${method.freq}s (with ≥ ${method.min_conflict_stories} reports and ≥ ${method.min_conflict_events} conflict events); a pair needs ≥ ${method.min_dyad_events} events in all.` : "";
    list.replaceChildren(el("li", {class: "empty note"},
      `No alerts for ${state.filters.dyad || "any pair"}.${how}`));
    return;
  }
  list.replaceChildren(...alerts.map(a => el("li", {"data-alert-id": a.id, class: a.id === state.alert ? "alert-item selected" : "alert-item", onclick: () => selectAlert(a)},
    el("strong", {}, `${a.dyad} · ${a.freq} of ${a.period}`), " ",
    el("span", {class: "small"}, `z = ${a.z}`),
    el("div", {class: "why"}, `${a.conflict_stories} independent conflict reports vs ${a.baseline_rate} expected (P = ${a.p_value}); ${a.conflict_events} conflict events (${a.material_conflict} material), conflict intensity ${a.conflict_intensity}`),
    el("div", {class: "small muted"}, `${a.num_articles || 0} articles behind it`))));
}

function resetAlertDetail() {
  document.getElementById("alert-detail-title").textContent = "Events behind an alert";
  document.getElementById("alert-detail").replaceChildren(el("p", {class: "empty"}, "Click an alert (list or red band) to see the events that drove it."));
}

/* Select an alert: it goes into the URL (a link opens it), and its pair becomes the filter. */
function selectAlert(alert) {
  state.alert = alert.id;
  if (state.filters.dyad !== alert.dyad) {
    setFilters({dyad: alert.dyad});  // redraws; the alert is shown when its pair's alerts load
    return;
  }
  writeUrl();
  showAlert(alert);
}

function showAlert(alert) {
  for (const node of document.querySelectorAll("[data-alert-id]")) node.classList.toggle("selected", node.dataset.alertId === alert.id);
  document.getElementById("alert-detail-title").textContent = `Events behind the alert: ${alert.dyad}, ${alert.freq} of ${alert.period} to ${alert.period_end}`;
  const box = document.getElementById("alert-detail");
  const events = (alert.top_events || []).map(e => ({...e, id: e.event_id, date: e.day}));
  const articles = alert.articles || [];
  box.replaceChildren(
    el("p", {class: "small"}, alert.explanation || ""),
    events.length ? eventTable(events, {compact: true}) : el("p", {class: "empty"}, "This alert lists no events."),
    articles.length ? el("div", {class: "small"}, el("h2", {}, `Articles (${alert.num_articles})`),
      el("ul", {class: "alert-articles"}, articles.map(ar => el("li", {},
        el("a", {href: `#article/${encodeURIComponent(ar.article_id)}`, class: "article-link"}, ar.title || ar.article_id),
        el("span", {class: "muted"}, ` ${ar.published || ""} · `), sourceLink(ar.url, ar.source),
        el("span", {class: "muted"}, ` · ${ar.conflict_events} conflict events`))))) : null);
}

// ---------- map ------------------------------------------------------------------------------

async function loadWorld() {
  if (state.world) return state.world;
  const response = await fetch("/static/vendor/world-atlas/countries-110m.json");
  const topology = await response.json();
  state.world = topojson.feature(topology, topology.objects.countries).features;
  return state.world;
}

/* Equirectangular projection: x = longitude, y = −latitude, in degrees (the viewBox zooms).
 * A ring that crosses the antimeridian (Russia's Chukotka, Fiji) is drawn east of +180°
 * instead, so it stays one closed shape rather than a streak across the map. */
function ringPath(ring) {
  const crosses = ring.some((pt, i) => i > 0 && Math.abs(pt[0] - ring[i - 1][0]) > 180);
  return ring.map(([lon, lat], i) => (i ? "L" : "M") + (crosses && lon < 0 ? lon + 360 : lon).toFixed(2) + "," + (-lat).toFixed(2)).join("") + "Z";
}

function featurePath(geometry) {
  if (!geometry) return "";
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  return polygons.map(p => p.map(ringPath).join("")).join("");
}

async function refreshMap() {
  const box = document.getElementById("map");
  const summary = document.getElementById("map-summary");
  summary.textContent = "loading…";
  let world, body;
  const current = ticket("map");
  try {
    [world, body] = await Promise.all([loadWorld(), api(`/api/events?${filterParams({limit: String(MAP_EVENTS)})}`)]);
    if (!current()) return;
  } catch (e) {
    box.replaceChildren(errorBox(`Could not draw the map: ${e.message}`));
    summary.textContent = "";
    return;
  }
  const located = body.events.filter(e => e.location_lat !== null && e.location_lat !== undefined && e.location_lon !== null && e.location_lon !== undefined);
  const places = new Map();
  for (const e of located) {
    const key = `${e.location_lat.toFixed(2)},${e.location_lon.toFixed(2)}`;
    if (!places.has(key)) places.set(key, {lat: e.location_lat, lon: e.location_lon, name: e.location_text, events: []});
    places.get(key).events.push(e);
  }
  // Zoom to the events (at least 40° × 24° of the world), else the whole world.
  let x0 = -180, x1 = 180, y0 = -84, y1 = 84;
  if (places.size) {
    const lons = [...places.values()].map(p => p.lon), lats = [...places.values()].map(p => p.lat);
    const cx = (Math.min(...lons) + Math.max(...lons)) / 2, cy = (Math.min(...lats) + Math.max(...lats)) / 2;
    const w = Math.max(40, (Math.max(...lons) - Math.min(...lons)) * 1.4), h = Math.max(24, (Math.max(...lats) - Math.min(...lats)) * 1.4);
    x0 = Math.max(-180, cx - w / 2); x1 = Math.min(180, cx + w / 2); y0 = Math.max(-84, cy - h / 2); y1 = Math.min(84, cy + h / 2);
  }
  const W = Math.max(320, Math.round(box.clientWidth || 1000));
  const H = Math.round(Math.min(560, Math.max(240, W * (y1 - y0) / (x1 - x0))));
  const scale = Math.max((x1 - x0) / W, (y1 - y0) / H);  // degrees per pixel
  const root = svg("svg", {width: W, height: H, viewBox: `${x0} ${-y1} ${x1 - x0} ${y1 - y0}`, preserveAspectRatio: "xMidYMid meet",
    role: "img", "aria-label": `Map of ${located.length} located events`, "data-places": String(places.size), "data-located": String(located.length)});
  root.append(svg("rect", {class: "sea", x: -180, y: -90, width: 360, height: 180}));
  const land = svg("g", {class: "countries"});
  for (const f of world) land.append(svg("path", {class: "country", d: featurePath(f.geometry), "data-name": (f.properties && f.properties.name) || ""},
    svg("title", {text: (f.properties && f.properties.name) || ""})));
  root.append(land);
  const dots = svg("g", {class: "places"});
  const sorted = [...places.values()].sort((a, b) => b.events.length - a.events.length);
  for (const p of sorted) {
    const worst = Math.max(...p.events.map(e => e.quad_class));
    const r = (4 + 3 * Math.sqrt(p.events.length)) * scale;
    dots.append(svg("circle", {class: `place q${worst}`, cx: p.lon, cy: -p.lat, r, "data-count": String(p.events.length), "data-place": p.name || "",
      onclick: () => showPlace(p)},
      svg("title", {text: `${p.name || "?"}: ${p.events.length} events (click to list them)`})));
  }
  root.append(dots);
  box.replaceChildren(root);
  const shown = body.events.length;
  summary.textContent = `${located.length} of ${shown} events` + (body.total > shown ? ` (the newest ${shown} of ${body.total} matching)` : " matching") +
    ` have a place, at ${places.size} place${places.size === 1 ? "" : "s"}. Filters: ${describeFilters()}.`;
}

function showPlace(place) {
  document.getElementById("map-detail").replaceChildren(
    el("h2", {}, `${place.name || "Unnamed place"} (${place.lat.toFixed(2)}, ${place.lon.toFixed(2)}): ${place.events.length} events`),
    eventTable(place.events, {}));
}

function describeFilters() {
  const parts = Object.entries(state.filters).map(([k, v]) => `${k} ${v}`);
  return parts.length ? parts.join(", ") : "none";
}

// ---------- events table ---------------------------------------------------------------------

/* A link to the article's own page, only for http(s) URLs (a stored URL is never trusted as
 * a javascript: or data: link). */
function sourceLink(url, name) {
  const label = name || (url ? url.replace(WEB_URL, "").split("/")[0] : "");
  if (url && WEB_URL.test(url)) {
    return el("a", {href: url, target: "_blank", rel: "noopener noreferrer", class: "source-link", title: url}, `${label} ↗`);
  }
  return label ? el("span", {class: "muted"}, label) : null;
}

function modalityCell(e) {
  const parts = [];
  if (e.negated) parts.push(el("strong", {class: "negated"}, "NOT "));
  const m = e.modality || "asserted";
  parts.push(el("span", {class: m === "asserted" ? "muted small" : "modality"}, m));
  return parts;
}

function eventTable(events, options) {
  const compact = options && options.compact;
  const head = el("tr", {}, ["Date", "Source", "Action", "Target", "Kind", "Goldstein", "Modality", "Evidence", compact ? null : "Article"]
    .filter(Boolean).map(h => el("th", {}, h)));
  const rows = events.map(e => el("tr", {class: "event-row", "data-event-id": e.id, "data-article-id": e.article_id,
      title: "Open the article with this event highlighted", onclick: ev => { if (!ev.target.closest("a")) openArticle(e.article_id, e.id); }},
    el("td", {}, eventDate(e)),
    el("td", {}, actorLabel(e.source_code, e.source_text)),
    el("td", {}, cameoLabel(e)),
    el("td", {}, actorLabel(e.target_code, e.target_text)),
    el("td", {}, quadChip(e.quad_class)),
    el("td", {}, fmtNum(e.goldstein)),
    el("td", {class: "modality-cell"}, modalityCell(e)),
    el("td", {class: "evidence"}, e.attribution ? el("span", {class: "muted small"}, `per ${e.attribution}: `) : null, e.evidence_text || ""),
    compact ? null : el("td", {class: "small"}, el("div", {}, e.title || e.article_id), sourceLink(e.url, e.source))));
  return el("table", {class: "events"}, el("thead", {}, head), el("tbody", {}, rows));
}

/* Export links carry every filter, and include_uncertain so they hold the rows listed here. */
function updateExportLinks() {
  for (const a of document.querySelectorAll("#export-links a[data-format]")) {
    a.href = `/api/export?${filterParams({format: a.dataset.format, include_uncertain: "true"})}`;
  }
}

async function refreshEvents() {
  const table = document.getElementById("event-table");
  const summary = document.getElementById("event-summary");
  updateExportLinks();
  summary.textContent = "loading…";
  const current = ticket("events");
  try {
    const body = await api(`/api/events?${filterParams({limit: String(state.limit), offset: String(state.offset)})}`);
    if (!current()) return;
    if (!body.events.length) {
      table.replaceChildren(el("tbody", {}, el("tr", {}, el("td", {class: "empty"}, "No events match these filters."))));
    } else {
      table.replaceChildren(...eventTable(body.events).childNodes);
    }
    const first = body.total ? state.offset + 1 : 0;
    const last = state.offset + body.events.length;
    summary.textContent = `${body.total} events match (${describeFilters()}). Click a row to read the article with the event's evidence highlighted.`;
    document.getElementById("page-info").textContent = `${first}–${last} of ${body.total}`;
    document.getElementById("prev-page").disabled = state.offset === 0;
    document.getElementById("next-page").disabled = last >= body.total;
  } catch (e) {
    summary.replaceChildren(errorBox(e.message));
  }
}

// ---------- article view with highlighted evidence ------------------------------------------

/* Split `text` at every span boundary and wrap each piece in <mark> elements carrying the
 * classes of all spans covering it, so overlapping evidence (an event inside a statement's
 * evidence sentence) shows both: background colour = event quad class, underline = verdict. */
function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter(p => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  const anchored = new Set();
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const covering = spans.filter(s => s.start <= a && s.end >= b);
    if (!covering.length) { out.append(piece); continue; }
    const classes = new Set();
    const ids = [];
    const titles = [];
    for (const s of covering) {
      for (const c of s.classes) classes.add(c);
      ids.push(s.id);
      titles.push(s.title);
    }
    const mark = el("mark", {class: [...classes].join(" "), "data-spans": ids.join(" "), title: titles.join("\n")}, piece);
    for (const s of covering) if (!anchored.has(s.id) && s.start === a) { mark.id = `span-${s.id}`; anchored.add(s.id); }
    out.append(mark);
  }
  return out;
}

function flashSpan(id) {
  const nodes = [...document.querySelectorAll("mark[data-spans]")].filter(n => n.dataset.spans.split(" ").includes(id));
  if (!nodes.length) return;
  nodes[0].scrollIntoView({block: "center", behavior: "smooth"});
  for (const n of nodes) { n.classList.add("flash"); setTimeout(() => n.classList.remove("flash"), 1800); }
}

function renderAnalysis(container, data, options) {
  // data: {article: {id,title,published,url,source,text}, events: [...], statements: [...]}
  const article = data.article;
  const events = data.events || [];
  const statements = data.statements || [];
  const spans = [];
  events.forEach((e, i) => {
    const ev = e.evidence || {start: e.evidence_start, end: e.evidence_end};
    if (ev && Number.isInteger(ev.start)) spans.push({id: `ev-${i}`, start: ev.start, end: ev.end, classes: ["ev", `q${e.quad_class}`, "evidence"],
      title: `event ${i + 1}: ${(e.source && e.source.code) || e.source_code || "?"} → ${e.cameo} → ${(e.target && e.target.code) || e.target_code || "?"} (${QUAD_NAMES[e.quad_class]})`});
  });
  statements.forEach((s, i) => {
    if (s.evidence && Number.isInteger(s.evidence.start)) spans.push({id: `st-${i}`, start: s.evidence.start, end: s.evidence.end,
      classes: ["st", s.verdict, "statement-evidence"], title: `statement ${i + 1}: ${VERDICT_NAMES[s.verdict]}`});
  });

  const head = el("div", {class: "article-head"},
    el("h2", {}, article.title || "(untitled article)"),
    el("div", {class: "small muted"},
      article.published ? `published ${article.published} · ` : "no publication date · ",
      sourceLink(article.url, article.source) || "source unknown",
      article.id ? el("span", {class: "code"}, ` · id ${article.id}`) : null),
    data.sightings && data.sightings.length > 1 ? el("div", {class: "small muted"}, "Also published by: ",
      data.sightings.filter(s => s.url !== article.url).map((s, i) => [i ? " · " : "", sourceLink(s.url, s.source)])) : null);
  const doc = el("div", {class: "doc", "aria-label": "Cleaned article text"}, highlighted(article.text || "", spans));

  const eventList = events.length ? el("ol", {class: "event-list"}, events.map((e, i) => {
    const src = (e.source && e.source.code) || e.source_code, tgt = (e.target && e.target.code) || e.target_code;
    return el("li", {class: "event-item", "data-event-id": e.id || "", onclick: () => flashSpan(`ev-${i}`)},
      quadChip(e.quad_class), " ", el("span", {class: "code"}, `${src || "?"} → ${e.cameo} ${e.plover || ""} → ${tgt || "?"}`),
      el("div", {class: "small muted"}, [e.date ? `on ${e.date_precision === "year" ? e.date.slice(0, 4) : e.date_precision === "month" ? e.date.slice(0, 7) : e.date}` : "undated", e.negated ? "negated" : null,
        e.modality && e.modality !== "asserted" ? e.modality : null, e.attribution ? `per ${e.attribution}` : null].filter(Boolean).join(" · ")));
  })) : el("p", {class: "empty"}, "No events were coded in this text.");

  const statementList = statements.length ? el("ol", {class: "statement-list"}, statements.map((s, i) =>
    el("li", {class: "verdict-item", "data-verdict": s.verdict, onclick: () => flashSpan(`st-${i}`)},
      verdictBadge(s.verdict), " ", s.text,
      el("div", {class: "reason"}, s.reason || "", s.evidence ? "" : " (no evidence sentence)")))) :
    el("p", {class: "empty"}, "No appended statements to check.");

  // Verdicts first: a reader checks the machine-written statements before the event list.
  const side = el("div", {class: "side"},
    el("h2", {}, `Statements checked (${statements.length})`), statementList,
    el("h2", {}, `Events (${events.length})`), eventList);
  const story = storyPanel(data.story, article.id);
  if (story) side.append(story);
  const legend = document.getElementById("legend-article").content.cloneNode(true);
  container.replaceChildren(head, legend, el("div", {class: "article-layout"}, doc, side));
  if (options && options.focusEvent) {
    const i = events.findIndex(e => e.id === options.focusEvent);
    if (i >= 0) setTimeout(() => flashSpan(`ev-${i}`), 50);
  }
}

/* Syndicated copies merged with this article into one story, and why (estimated similarity). */
function storyPanel(story, articleId) {
  if (!story || !story.members || story.members.length < 2) return null;
  return el("div", {class: "story"},
    el("h2", {}, `Same story (${story.num_members} texts, ${story.num_articles} copies, ${story.num_sources} sources)`),
    el("ul", {class: "small"}, story.members.map(m => el("li", {},
      m.article_id === articleId ? el("strong", {}, "this article") :
        el("a", {href: `#article/${encodeURIComponent(m.article_id)}`}, m.title || m.article_id),
      el("span", {class: "muted"}, m.method === "representative" ? " · first report" :
        ` · merged as near-duplicate, similarity ${fmtNum(m.similarity, 2)}`)))));
}

async function loadArticle(id, eventId) {
  const view = document.getElementById("article-view");
  if (!id) return;
  view.replaceChildren(el("p", {class: "loading"}, "loading article…"));
  try {
    const body = await api(`/api/articles/${encodeURIComponent(id)}`);
    renderAnalysis(view, body, {focusEvent: eventId});
  } catch (e) {
    view.replaceChildren(errorBox(`Could not open article ${id}: ${e.message}`));
  }
}

// ---------- paste box ------------------------------------------------------------------------

async function analysePasted(event) {
  event.preventDefault();
  const text = document.getElementById("paste-text").value;
  const published = document.getElementById("paste-published").value || null;
  const result = document.getElementById("analyze-result");
  const button = document.getElementById("analyze-button");
  if (!text.trim()) { result.replaceChildren(errorBox("Paste some text first.")); return; }
  button.disabled = true;
  result.replaceChildren(el("p", {class: "loading"}, "analysing…"));
  try {
    const body = await api("/api/analyze", {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify(published ? {text, published} : {text})});
    if (body.skipped) {
      result.replaceChildren(errorBox(`No article in this text (${body.skipped.reason}): ${body.skipped.detail}`));
    } else {
      renderAnalysis(result, body);
    }
  } catch (e) {
    result.replaceChildren(errorBox(`Analysis failed: ${e.message}`));
  } finally {
    button.disabled = false;
  }
}

// ---------- wiring ---------------------------------------------------------------------------

function init() {
  readUrl();
  stateToForm();
  const form = document.getElementById("filters");
  form.addEventListener("submit", e => { e.preventDefault(); filtersChanged(); });
  form.addEventListener("change", e => { if (e.target.name !== "q") filtersChanged(); });
  document.getElementById("clear-filters").addEventListener("click", () => {
    state.filters = {}; state.alert = ""; stateToForm(); filtersChanged();
  });
  document.getElementById("clear-range").addEventListener("click", () => setFilters({since: "", until: ""}));
  document.getElementById("copy-link").addEventListener("click", async e => {
    try { await navigator.clipboard.writeText(location.href); e.target.textContent = "Link copied"; }
    catch (err) { e.target.textContent = "Copy the address bar"; }
    setTimeout(() => { e.target.textContent = "Copy link"; }, 2000);
  });
  document.getElementById("directory-search").addEventListener("input", filterDirectory);
  document.getElementById("prev-page").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); writeUrl(); refreshEvents(); });
  document.getElementById("next-page").addEventListener("click", () => { state.offset += state.limit; writeUrl(); refreshEvents(); });
  document.getElementById("analyze-form").addEventListener("submit", analysePasted);
  window.addEventListener("hashchange", route);
  window.addEventListener("popstate", onPopState);
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (currentTab() === "timeline" && state.series.length) drawTimeline(document.getElementById("timeline"), state.series, state.alerts);
      if (currentTab() === "map") refreshMap();
    }, 150);
  });
  route();
  loadCodes();
  loadDirectory();
  refreshTimeline();
  refreshEvents();
}

document.addEventListener("DOMContentLoaded", init);
