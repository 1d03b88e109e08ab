/* Flashpoint dashboard: vanilla JavaScript and hand-drawn SVG, no library, no CDN.
 *
 * Everything it shows comes from the JSON API of the same server (/api/...). Text from the
 * database is always inserted as text (textContent), never as HTML. State lives in the URL hash
 * (#timeline, #events, #article/<id>, #analyze) so a view can be linked to.
 */
"use strict";

const QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
const VERDICT_NAMES = {supported: "supported", contradicted: "contradicted", not_in_source: "not in source"};
const SVG_NS = "http://www.w3.org/2000/svg";

const state = {
  dyad: "",
  freq: "week",
  codes: {roots: {}, plover: []},
  eventQuery: {},
  eventOffset: 0,
  eventLimit: 50,
  selectedAlert: null,
};

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

// ---------- tabs and routing ---------------------------------------------------------------

function showTab(name) {
  for (const section of document.querySelectorAll("section.tab")) section.hidden = section.dataset.tab !== name;
  for (const link of document.querySelectorAll(".tabs a")) link.setAttribute("aria-selected", String(link.dataset.tab === name));
}

function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, ""));
  if (hash.startsWith("article/")) {
    const [, id, eventId] = hash.split("/");
    showTab("article");
    loadArticle(id, eventId || null);
  } else if (["events", "analyze", "article"].includes(hash)) {
    showTab(hash);
  } else {
    showTab("timeline");
  }
}

function openArticle(articleId, eventId) {
  location.hash = `#article/${encodeURIComponent(articleId)}${eventId ? "/" + encodeURIComponent(eventId) : ""}`;
}

// ---------- start-up -------------------------------------------------------------------------

async function loadCodes() {
  try {
    const body = await api("/api/codes");
    state.codes = {roots: body.cameo_roots || {}, plover: body.plover || []};
  } catch (e) { /* filters fall back to free codes */ }
  const rootSelect = document.getElementById("f-cameo-root");
  for (const [code, name] of Object.entries(state.codes.roots)) rootSelect.append(el("option", {value: code}, `${code} ${name}`));
  const ploverSelect = document.getElementById("f-plover");
  for (const name of state.codes.plover) ploverSelect.append(el("option", {value: name}, name));
}

async function loadDyads() {
  const picker = document.getElementById("dyad-picker");
  let body;
  try {
    body = await api("/api/dyads");
  } catch (e) {
    picker.replaceChildren(el("option", {value: ""}, "unavailable"));
    document.getElementById("timeline").replaceChildren(errorBox(`Could not load country pairs: ${e.message}`));
    return;
  }
  document.getElementById("db-info").textContent = `${body.total_events} events · ${body.total_articles} articles`;
  if (!body.dyads.length) {
    picker.replaceChildren(el("option", {value: ""}, "no pairs yet"));
    document.getElementById("timeline").replaceChildren(el("p", {class: "empty"},
      "No events between two known parties yet. Ingest news with `flashpoint ingest <dir> --db <file>` and reload."));
    return;
  }
  picker.replaceChildren(...body.dyads.map(d =>
    el("option", {value: d.dyad}, `${d.dyad}  (${d.events} events, ${Math.round(100 * (d.material_conflict_share || 0))}% material conflict)`)));
  state.dyad = body.dyads[0].dyad;
  picker.value = state.dyad;
  await refreshTimeline();
}

// ---------- timeline -------------------------------------------------------------------------

async function refreshTimeline() {
  const box = document.getElementById("timeline");
  const list = document.getElementById("alert-list");
  if (!state.dyad) return;
  box.setAttribute("aria-busy", "true");
  state.selectedAlert = null;
  document.getElementById("alert-detail").replaceChildren(el("p", {class: "empty"}, "Click an alert (list or red band) to see the events that drove it."));
  try {
    const params = new URLSearchParams({dyad: state.dyad, freq: state.freq});
    const [tension, alerts] = await Promise.all([
      api(`/api/tension?${params}`),
      api(`/api/alerts?${new URLSearchParams({dyad: state.dyad})}`),
    ]);
    drawTimeline(box, tension.series, alerts.alerts);
    renderAlertList(list, alerts.alerts, alerts.method);
  } catch (e) {
    box.replaceChildren(errorBox(`Could not load the timeline: ${e.message}`));
    list.replaceChildren();
  } finally {
    box.removeAttribute("aria-busy");
  }
}

function drawTimeline(box, series, alerts) {
  if (!series.length) {
    box.replaceChildren(el("p", {class: "empty"}, `No dated events for ${state.dyad}.`));
    return;
  }
  const W = 1100, H = 300, m = {l: 44, r: 48, t: 16, b: 38};
  const iw = W - m.l - m.r, ih = H - m.t - m.b;
  const n = series.length;
  const step = iw / n;
  const barW = Math.max(2, Math.min(40, step * 0.75));
  const maxCount = Math.max(1, ...series.map(p => p.events));
  const y = v => m.t + ih - (v / maxCount) * ih;
  const yGold = g => m.t + ih / 2 - (g / 10) * (ih / 2);
  const xOf = i => m.l + i * step + step / 2;

  const root = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Tension timeline for ${state.dyad}`,
    "data-dyad": state.dyad, "data-periods": String(n), preserveAspectRatio: "xMidYMid meet"});

  // Alert bands first, behind the bars.
  const bands = svg("g", {class: "alerts"});
  const hits = svg("g", {class: "alert-hits"});
  for (const a of alerts) {
    const covered = series.map((p, i) => [p, i]).filter(([p]) => p.period >= periodOf(a.period, series) && p.period <= periodOf(a.period_end, series));
    if (!covered.length) continue;
    const i0 = covered[0][1], i1 = covered[covered.length - 1][1];
    const x0 = m.l + i0 * step, x1 = m.l + (i1 + 1) * step;
    bands.append(svg("rect", {class: "alert-band", x: x0, y: m.t, width: Math.max(3, x1 - x0), height: ih, "data-alert-id": a.id}));
    // A transparent hit area drawn over the bars, so a click anywhere in the band opens it.
    hits.append(svg("rect", {class: "alert-hit", x: x0, y: m.t, width: Math.max(3, x1 - x0), height: ih, fill: "transparent",
      "data-alert-id": a.id, onclick: () => selectAlert(a)},
      svg("title", {text: `Escalation alert, ${a.freq} of ${a.period} (click for the events): ${a.explanation || ""}`})),
      svg("path", {class: "alert-mark", d: `M${(x0 + x1) / 2 - 6},${m.t} l12,0 l-6,9 z`, "data-alert-id": a.id, onclick: () => selectAlert(a)}));
  }
  root.append(bands);

  // Axes.
  const axis = svg("g", {class: "axis"});
  axis.append(svg("line", {x1: m.l, y1: m.t + ih, x2: m.l + iw, y2: m.t + ih}));
  for (const frac of [0, 0.5, 1]) {
    const v = Math.round(maxCount * frac);
    axis.append(svg("line", {x1: m.l - 4, x2: m.l, y1: y(v), y2: y(v)}),
      svg("text", {x: m.l - 7, y: y(v) + 4, "text-anchor": "end", text: String(v)}));
  }
  axis.append(svg("text", {x: 12, y: m.t + ih / 2, transform: `rotate(-90 12 ${m.t + ih / 2})`, "text-anchor": "middle", text: "events"}));
  for (const g of [-10, 0, 10]) {
    axis.append(svg("text", {x: m.l + iw + 6, y: yGold(g) + 4, text: (g > 0 ? "+" : "") + g}));
  }
  const every = Math.max(1, Math.ceil(n / 12));
  series.forEach((p, i) => {
    if (i % every === 0 || i === n - 1) axis.append(svg("text", {x: xOf(i), y: m.t + ih + 16, "text-anchor": "middle", text: p.period}));
  });
  root.append(axis);

  // Stacked bars: material conflict at the bottom, where the eye lands first.
  const bars = svg("g", {class: "bars"});
  series.forEach((p, i) => {
    let base = 0;
    for (const q of [4, 3, 2, 1]) {
      const v = p[`q${q}`] || 0;
      if (!v) continue;
      bars.append(svg("rect", {class: `bar q${q}`, x: xOf(i) - barW / 2, y: y(base + v), width: barW, height: Math.max(1, y(base) - y(base + v)),
        fill: `var(--q${q})`},
        svg("title", {text: `${p.period}: ${v} ${QUAD_NAMES[q]} (of ${p.events}); mean Goldstein ${fmtNum(p.goldstein_mean)}`})));
      base += v;
    }
  });
  root.append(bars);

  // Mean Goldstein line (right axis, -10..+10).
  // Drawn as runs of consecutive periods with events: an empty period breaks the line
  // instead of being bridged, and a lone period is a dot.
  const gold = svg("g", {class: "gold"});
  let run = [];
  const flush = () => {
    if (run.length > 1) gold.append(svg("polyline", {class: "gold-line", points: run.join(" ")}));
    run = [];
  };
  series.forEach((p, i) => {
    if (p.goldstein_mean === null || p.goldstein_mean === undefined) { flush(); return; }
    run.push(`${xOf(i)},${yGold(p.goldstein_mean)}`);
    gold.append(svg("circle", {class: "gold-dot", cx: xOf(i), cy: yGold(p.goldstein_mean), r: 2.5},
      svg("title", {text: `${p.period}: mean Goldstein ${fmtNum(p.goldstein_mean)}`})));
  });
  flush();
  root.append(gold);
  root.append(hits);
  box.replaceChildren(root);

  function periodOf(day, s) {
    // The period label that contains `day`: the last period start <= day.
    let label = s[0].period;
    for (const p of s) if (p.period <= day) label = p.period;
    return label;
  }
}

function renderAlertList(list, alerts, method) {
  if (!alerts.length) {
    const how = method ? ` An alert flags a ${method.freq} whose ${method.metric.replace(/_/g, " ")} is at least ${method.z_threshold} robust standard deviations above the median of the previous ${method.window} ${method.freq}s (with ≥ ${method.min_conflict_events} conflict events); a pair needs ≥ ${method.min_dyad_events} events in all.` : "";
    list.replaceChildren(el("li", {class: "empty", style: "border:none;background:none;cursor:default"},
      `No alerts for ${state.dyad}.${how}`));
    return;
  }
  list.replaceChildren(...alerts.map(a => el("li", {"data-alert-id": a.id, class: "alert-item", onclick: () => selectAlert(a)},
    el("strong", {}, `${a.freq} of ${a.period}`), " ",
    el("span", {class: "small"}, `${a.dyad} · z = ${a.z}`),
    el("div", {class: "why"}, `${a.conflict_events} conflict events (${a.material_conflict} material); conflict intensity ${a.value} vs baseline median ${a.baseline_median}`),
    el("div", {class: "small muted"}, `${a.num_articles || 0} articles behind it`))));
}

function selectAlert(alert) {
  state.selectedAlert = alert.id;
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
        el("span", {class: "muted"}, ` ${ar.published || ""} · ${ar.source || ""} · ${ar.conflict_events} conflict events`))))) : null);
}

// ---------- events table ---------------------------------------------------------------------

function eventTable(events, options) {
  const compact = options && options.compact;
  const head = el("tr", {}, ["Date", "Source", "Action", "Target", "Kind", "Goldstein", "Evidence", compact ? null : "Article"]
    .filter(Boolean).map(h => el("th", {}, h)));
  const rows = events.map(e => el("tr", {class: "event-row", "data-event-id": e.id, "data-article-id": e.article_id,
      title: "Open the article with this event highlighted", onclick: () => openArticle(e.article_id, e.id)},
    el("td", {}, eventDate(e)),
    el("td", {}, actorLabel(e.source_code, e.source_text)),
    el("td", {}, cameoLabel(e)),
    el("td", {}, actorLabel(e.target_code, e.target_text)),
    el("td", {}, quadChip(e.quad_class)),
    el("td", {}, fmtNum(e.goldstein)),
    el("td", {class: "evidence"}, e.negated ? el("em", {class: "small"}, "(negated) ") : null, e.evidence_text || ""),
    compact ? null : el("td", {class: "small"}, e.title || e.article_id)));
  return el("table", {class: "events"}, el("thead", {}, head), el("tbody", {}, rows));
}

function readFilters() {
  const form = document.getElementById("event-filters");
  const query = {};
  for (const [k, v] of new FormData(form).entries()) {
    const value = String(v).trim();
    if (!value) continue;
    query[k] = ["dyad", "actor", "country"].includes(k) ? value.toUpperCase() : value;  // codes are upper case
  }
  return query;
}

async function refreshEvents() {
  const table = document.getElementById("event-table");
  const summary = document.getElementById("event-summary");
  const params = new URLSearchParams({...state.eventQuery, limit: String(state.eventLimit), offset: String(state.eventOffset)});
  // Exports take the dyad and the date range (the other filters narrow the table on screen only).
  const exportParams = new URLSearchParams(Object.fromEntries(Object.entries(state.eventQuery).filter(([k]) => ["dyad", "since", "until"].includes(k))));
  document.getElementById("export-csv").href = `/api/export?format=csv&${exportParams}`;
  document.getElementById("export-parquet").href = `/api/export?format=parquet&${exportParams}`;
  summary.textContent = "loading…";
  try {
    const body = await api(`/api/events?${params}`);
    if (!body.events.length) {
      table.replaceChildren(el("tbody", {}, el("tr", {}, el("td", {class: "empty"}, "No events match these filters."))));
    } else {
      table.replaceChildren(...eventTable(body.events).childNodes);
    }
    const first = body.total ? state.eventOffset + 1 : 0;
    const last = state.eventOffset + body.events.length;
    summary.textContent = `${body.total} events match. Click a row to read the article with the event's evidence highlighted.`;
    document.getElementById("page-info").textContent = `${first}–${last} of ${body.total}`;
    document.getElementById("prev-page").disabled = state.eventOffset === 0;
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
      [article.published ? `published ${article.published}` : "no publication date", article.source, article.url].filter(Boolean).join(" · "),
      article.id ? el("span", {class: "code"}, ` · id ${article.id}`) : null));
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
  document.getElementById("dyad-picker").addEventListener("change", e => { state.dyad = e.target.value; refreshTimeline(); });
  document.getElementById("freq").addEventListener("change", e => { state.freq = e.target.value; refreshTimeline(); });
  const filters = document.getElementById("event-filters");
  filters.addEventListener("submit", e => { e.preventDefault(); state.eventQuery = readFilters(); state.eventOffset = 0; refreshEvents(); });
  filters.addEventListener("reset", () => setTimeout(() => { state.eventQuery = {}; state.eventOffset = 0; refreshEvents(); }, 0));
  document.getElementById("prev-page").addEventListener("click", () => { state.eventOffset = Math.max(0, state.eventOffset - state.eventLimit); refreshEvents(); });
  document.getElementById("next-page").addEventListener("click", () => { state.eventOffset += state.eventLimit; refreshEvents(); });
  document.getElementById("analyze-form").addEventListener("submit", analysePasted);
  window.addEventListener("hashchange", route);
  route();
  loadCodes();
  loadDyads();
  refreshEvents();
}

document.addEventListener("DOMContentLoaded", init);
