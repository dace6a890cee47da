// Marsad event explorer: filters, timeline, actor network, map and evidence table over /api.
// Plain browser JavaScript, no libraries. Text from the database is always set with
// textContent (never innerHTML), so article text cannot inject markup.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
// PLOVER types, coloured by family: verbal cooperation (blues), material cooperation (greens),
// verbal conflict (yellow/orange), material conflict (purples/reds).
const TYPE_COLORS = {
  AGREE: "#1f5fa8", CONSULT: "#4e9fd8", SUPPORT: "#17a2b8", CONCEDE: "#8fb9de",
  COOPERATE: "#2e8b3a", AID: "#6cbf5a", RETREAT: "#a3c77a",
  REQUEST: "#b8a515", ACCUSE: "#f08a24", REJECT: "#f4b26b", THREATEN: "#d9541e",
  PROTEST: "#8e5cc2", SANCTION: "#8c564b", MOBILIZE: "#d46aa8", COERCE: "#d62728", ASSAULT: "#7a0c12",
};
const PAGE_SIZE = 50;
const FILTERS = ["type", "actor", "country", "code", "place", "from", "to", "modality", "min_confidence", "q", "dedup"];

const state = { offset: 0, types: Object.keys(TYPE_COLORS), stats: null, world: null, selected: null };
const $ = (sel) => document.querySelector(sel);
const form = $("#filters");

// ---- small helpers -----------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function titled(node, text) {
  node.append(svg("title", {}, text));
  return node;
}

function color(type) {
  return TYPE_COLORS[type] || "#888";
}

async function getJSON(url) {
  const res = await fetch(url);
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) throw new Error((body && body.message) || `${res.status} ${res.statusText} (${url})`);
  return body;
}

function showError(err) {
  const box = $("#error");
  if (!err) { box.hidden = true; box.textContent = ""; return; }
  box.hidden = false;
  box.textContent = String(err.message || err);
}

const tooltip = $("#tooltip");
function showTip(evt, ...lines) {
  tooltip.replaceChildren(...lines.map((l) => (typeof l === "string" ? el("div", {}, l) : l)));
  tooltip.hidden = false;
  const x = Math.min(evt.clientX + 14, window.innerWidth - tooltip.offsetWidth - 8);
  tooltip.style.left = `${x}px`;
  tooltip.style.top = `${evt.clientY + 14}px`;
}
function hideTip() { tooltip.hidden = true; }

function clear(node, message) {
  node.replaceChildren();
  if (message) node.append(el("div", { class: "empty" }, message));
}

// ---- filters ---------------------------------------------------------------------------

function filterParams() {
  const p = new URLSearchParams();
  const data = new FormData(form);
  for (const name of FILTERS) {
    const v = (data.get(name) || "").trim();
    if (v) p.set(name, v);
  }
  return p;
}

function setFilter(name, value) {
  const input = form.elements[name];
  if (input.type === "checkbox") input.checked = Boolean(value);
  else input.value = value || "";
}

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  for (const name of FILTERS) setFilter(name, p.get(name) || "");
  if (p.get("interval")) $("#interval").value = p.get("interval");
}

function writeHash(params) {
  const p = new URLSearchParams(params);
  if ($("#interval").value !== "auto") p.set("interval", $("#interval").value);
  if (state.selected && !$("#article").hidden) p.set("event", state.selected);
  history.replaceState(null, "", p.toString() ? `#${p}` : location.pathname);
}

function renderPlaceChip() {
  const chip = $("#place-chip");
  const place = form.elements.place.value;
  chip.hidden = !place;
  chip.replaceChildren();
  if (place) {
    chip.append(`place: ${place}`, el("button", {
      type: "button", title: "remove", onclick: () => { setFilter("place", ""); apply(); },
    }, "×"));
  }
}

let actorTimer = null;
function suggestActors() {
  clearTimeout(actorTimer);
  actorTimer = setTimeout(async () => {
    const q = form.elements.actor.value.trim();
    if (q.length < 2) return;
    try {
      const data = await getJSON(`/api/actors?${new URLSearchParams({ q, limit: "20" })}`);
      $("#actor-list").replaceChildren(...data.actors.map((a) => el("option", {
        value: a.id, label: `${a.name} · ${a.code || "-"} · ${a.forms[0] || ""} · ${a.mentions}`,
      })));
    } catch (e) { /* suggestions are optional */ }
  }, 200);
}

// An actor typed as a name is resolved to the id of the best match.
async function resolveActor() {
  const input = form.elements.actor;
  const v = input.value.trim();
  if (!v) return true;
  const data = await getJSON(`/api/actors?${new URLSearchParams({ q: v, limit: "5" })}`);
  if (data.actors.some((a) => a.id === v)) return true;
  if (!data.actors.length) throw new Error(`no actor matches '${v}'`);
  input.value = data.actors[0].id;
  return true;
}

async function apply() {
  state.offset = 0;
  try {
    await resolveActor();
  } catch (e) {
    showError(e);
    return;
  }
  refresh();
}

// ---- loading ---------------------------------------------------------------------------

// "auto" picks the interval from the span of the matching events (a monthly count first).
async function loadTimeline(params) {
  const chosen = $("#interval").value;
  const url = (interval) => `/api/timeline?${new URLSearchParams([...params, ["interval", interval]])}`;
  const data = await getJSON(url(chosen === "auto" ? "month" : chosen));
  if (chosen !== "auto" || data.buckets.length < 1) return data;
  const first = data.buckets[0].date, last = data.buckets[data.buckets.length - 1].date;
  const days = (Date.parse(last) - Date.parse(first)) / 86400000;
  if (days <= 62) return getJSON(url("day"));
  if (days <= 730) return getJSON(url("week"));
  return data;
}

async function refresh() {
  const params = filterParams();
  writeHash(params);
  renderPlaceChip();
  showError(null);
  const nw = new URLSearchParams(params); nw.set("min_weight", $("#min-weight").value || "1"); nw.set("limit", "40");
  const ev = new URLSearchParams(params); ev.set("limit", String(PAGE_SIZE)); ev.set("offset", String(state.offset));
  const jobs = [
    loadTimeline(params).then(renderTimeline),
    getJSON(`/api/network?${nw}`).then(renderNetwork),
    Promise.all([loadWorld(), getJSON(`/api/map?${params}`)]).then(([w, m]) => renderMap(w, m)),
    getJSON(`/api/events?${ev}`).then(renderEvents),
  ];
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) showError(failed.reason);
}

async function loadWorld() {
  if (!state.world) state.world = await getJSON("/static/world.json");
  return state.world;
}

// ---- timeline ----------------------------------------------------------------------------

function addPeriod(date, interval) {
  const d = new Date(date.getTime());
  if (interval === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d;
}

const iso = (d) => d.toISOString().slice(0, 10);
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

function renderTimeline(data) {
  const box = $("#timeline");
  const per = { day: "per day", week: "per week (from Monday)", month: "per month" }[data.interval];
  $("#timeline-note").textContent = per + (data.undated ? ` · ${data.undated} undated` : "");
  renderLegend(data.types);
  if (!data.buckets.length) { clear(box, "No dated events match the filters."); return; }
  // Every period from the first to the last, so gaps show as gaps.
  const byDate = new Map(data.buckets.map((b) => [b.date, b]));
  let periods = [];
  const end = new Date(`${data.buckets[data.buckets.length - 1].date}T00:00:00Z`);
  for (let d = new Date(`${data.buckets[0].date}T00:00:00Z`); d <= end && periods.length <= 2000; d = addPeriod(d, data.interval)) {
    periods.push(iso(d));
  }
  if (periods.length > 2000) periods = data.buckets.map((b) => b.date);

  const W = Math.max(box.clientWidth, 600), H = 190;
  const m = { top: 10, right: 10, bottom: 26, left: 36 };
  const pw = W - m.left - m.right, ph = H - m.top - m.bottom;
  const max = Math.max(...data.buckets.map((b) => b.total));
  const step = pw / periods.length;
  const bw = Math.max(1, Math.min(step * 0.85, 60));
  const y = (v) => m.top + ph - (v / max) * ph;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events per period by type" });

  const axis = svg("g", { class: "axis" });
  for (const v of [0, Math.ceil(max / 2), max]) {
    axis.append(svg("line", { x1: m.left, x2: W - m.right, y1: y(v), y2: y(v) }),
      svg("text", { x: m.left - 5, y: y(v) + 3, "text-anchor": "end" }, String(v)));
  }
  const every = Math.max(1, Math.ceil(periods.length / Math.floor(pw / 70)));
  periods.forEach((p, i) => {
    if (i % every) return;
    const label = data.interval === "month" ? p.slice(0, 7) : p;
    axis.append(svg("text", { x: m.left + step * (i + 0.5), y: H - 8, "text-anchor": "middle" }, label));
  });
  root.append(axis);

  periods.forEach((p, i) => {
    const b = byDate.get(p);
    if (!b) return;
    let acc = 0;
    const x = m.left + step * i + (step - bw) / 2;
    for (const t of state.types) {
      const n = b.counts[t];
      if (!n) continue;
      const rect = svg("rect", {
        class: "bar", x, width: bw, y: y(acc + n), height: Math.max(0.5, y(acc) - y(acc + n)), fill: color(t),
        onclick: () => zoomTo(p, data.interval),
      });
      root.append(titled(rect, `${p}: ${t} ${n} (of ${b.total}) · click to zoom in`));
      acc += n;
    }
  });
  box.replaceChildren(root);
}

function zoomTo(start, interval) {
  const from = new Date(`${start}T00:00:00Z`);
  const to = new Date(addPeriod(from, interval).getTime() - 86400000);
  setFilter("from", start);
  setFilter("to", iso(to));
  if (interval === "month") $("#interval").value = "day";
  apply();
}

function renderLegend(types) {
  const box = $("#legend");
  box.replaceChildren(...types.map((t) => el("button", {
    type: "button", title: `show only ${t}`, onclick: () => { setFilter("type", t); apply(); },
  }, el("span", { class: "swatch", style: `background:${color(t)}` }), t)));
}

// ---- network: a small force-directed layout (Fruchterman-Reingold) --------------------------

function hashSeed(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); }
  return (h >>> 0) / 4294967296;
}

function layout(nodes, edges, W, H) {
  const n = nodes.length;
  const index = new Map(nodes.map((d, i) => [d.id, i]));
  // Deterministic start: a circle, slightly jittered by each id, so the picture is stable.
  const pos = nodes.map((d, i) => {
    const a = (2 * Math.PI * i) / n + hashSeed(d.id);
    return { x: W / 2 + (W / 3) * Math.cos(a), y: H / 2 + (H / 3) * Math.sin(a) };
  });
  const links = edges.map((e) => [index.get(e.source), index.get(e.target), e.weight]);
  const k = Math.sqrt((W * H) / Math.max(n, 1)) * 0.4;
  let temp = W / 5;
  for (let iter = 0; iter < 500; iter++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) { dx = 0.1 * (i - j); dy = 0.1; d2 = dx * dx + dy * dy; }
        const f = (k * k) / d2;
        disp[i].x += dx * f; disp[i].y += dy * f;
        disp[j].x -= dx * f; disp[j].y -= dy * f;
      }
    }
    for (const [a, b, w] of links) {
      const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = (d / k) * (1 + 0.3 * Math.log(w));
      disp[a].x -= dx * f; disp[a].y -= dy * f;
      disp[b].x += dx * f; disp[b].y += dy * f;
    }
    for (let i = 0; i < n; i++) {
      // Gravity balances the summed repulsion (about n k^2 / r) at a radius near a third of the frame,
      // so unlinked groups stay together instead of piling up on the border.
      disp[i].x += W / 2 - pos[i].x;
      disp[i].y += H / 2 - pos[i].y;
      const d = Math.sqrt(disp[i].x ** 2 + disp[i].y ** 2) || 1;
      // Kept inside the frame, as in Fruchterman and Reingold's original method.
      pos[i].x = Math.min(W - 20, Math.max(20, pos[i].x + (disp[i].x / d) * Math.min(d, temp)));
      pos[i].y = Math.min(H - 20, Math.max(20, pos[i].y + (disp[i].y / d) * Math.min(d, temp)));
    }
    temp = Math.max(0.5, temp * 0.99);
  }
  return pos;
}

function fitPositions(pos, W, H, pad) {
  const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  // Each axis stretched to fill the frame: the layout comes out round, the panel is wide.
  const sx = Math.min((W - 2 * pad) / Math.max(x1 - x0, 1), 2.5);
  const sy = Math.min((H - 2 * pad) / Math.max(y1 - y0, 1), 2.5);
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  return pos.map((p) => ({ x: W / 2 + (p.x - cx) * sx, y: H / 2 + (p.y - cy) * sy }));
}

function renderNetwork(data) {
  const box = $("#network");
  if (!data.nodes.length) { clear(box, "No actor pairs match the filters."); return; }
  const W = 640, H = 420;
  const pos = fitPositions(layout(data.nodes, data.edges, W, H), W, H, 40);
  const at = new Map(data.nodes.map((d, i) => [d.id, i]));
  const maxCount = Math.max(...data.nodes.map((d) => d.count));
  const radius = (d) => 4 + 10 * Math.sqrt(d.count / maxCount);
  const maxW = Math.max(...data.edges.map((e) => e.weight));
  const current = form.elements.actor.value;
  // Name only the busiest actors; every node names itself on hover.
  const labelled = new Set(data.nodes.slice(0, 18).map((d) => d.id).concat([current]));

  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
  const defs = svg("defs");
  for (const t of new Set(data.edges.map((e) => e.type))) {
    defs.append(svg("marker", {
      id: `arrow-${t}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, orient: "auto",
      markerUnits: "userSpaceOnUse",  // the same small head on thin and thick links
    }, svg("path", { d: "M0,0 L10,5 L0,10 z", fill: color(t) })));
  }
  root.append(defs);

  // Links between the same two actors fan out as curves so every type stays visible.
  const pairCount = new Map(), pairSeen = new Map();
  const pairKey = (e) => [e.source, e.target].sort().join("\u0000");
  for (const e of data.edges) pairCount.set(pairKey(e), (pairCount.get(pairKey(e)) || 0) + 1);
  const edgeLayer = svg("g");
  for (const e of data.edges) {
    const key = pairKey(e);
    const k = pairSeen.get(key) || 0;
    pairSeen.set(key, k + 1);
    const total = pairCount.get(key);
    const a = pos[at.get(e.source)], b = pos[at.get(e.target)];
    const dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
    // Offset measured on the canonical direction so A->B and B->A curves do not coincide.
    const sign = e.source < e.target ? 1 : -1;
    const bend = (k - (total - 1) / 2) * 28 * sign;
    const mx = (a.x + b.x) / 2 - (dy / len) * bend, my = (a.y + b.y) / 2 + (dx / len) * bend;
    // Stop the arrow at the rim of the target circle.
    const rb = radius(data.nodes[at.get(e.target)]) + 2, ra = radius(data.nodes[at.get(e.source)]);
    const tx = b.x - mx, ty = b.y - my, tl = Math.sqrt(tx * tx + ty * ty) || 1;
    const sx = a.x - mx, sy = a.y - my, sl = Math.sqrt(sx * sx + sy * sy) || 1;
    const end = { x: b.x - (tx / tl) * rb, y: b.y - (ty / tl) * rb };
    const start = { x: a.x - (sx / sl) * ra, y: a.y - (sy / sl) * ra };
    const path = svg("path", {
      class: "edge", d: `M${start.x},${start.y} Q${mx},${my} ${end.x},${end.y}`,
      stroke: color(e.type), "stroke-width": 1.2 + 3.5 * (e.weight / maxW), "marker-end": `url(#arrow-${e.type})`,
    });
    const s = data.nodes[at.get(e.source)], t = data.nodes[at.get(e.target)];
    edgeLayer.append(titled(path, `${s.name} → ${t.name}: ${e.type} × ${e.weight}`));
  }
  root.append(edgeLayer);

  const nodeLayer = svg("g");
  data.nodes.forEach((d, i) => {
    const r = radius(d);
    const g = svg("g", {
      class: `node${d.id === current ? " current" : ""}`, transform: `translate(${pos[i].x},${pos[i].y})`,
      onclick: () => { setFilter("actor", d.id === current ? "" : d.id); apply(); },
    });
    g.append(svg("circle", { r, fill: d.provisional ? "#b0b7c3" : "#14213d", "fill-opacity": 0.85 }));
    const right = pos[i].x + r + 6.5 * d.name.length < W;  // names that would overflow go on the left
    if (labelled.has(d.id)) g.append(svg("text", { x: right ? r + 3 : -r - 3, y: 4, "text-anchor": right ? "start" : "end" }, d.name));
    titled(g, `${d.name} · ${d.name_ar || ""} · ${d.code || "-"} · ${d.count} events${d.provisional ? " · provisional" : ""}`);
    nodeLayer.append(g);
  });
  root.append(nodeLayer);
  box.replaceChildren(root);
}

// ---- map: equirectangular projection of Natural Earth outlines ----------------------------

const project = (lon, lat) => [(lon + 180) * 2, (90 - lat) * 2];  // world = 720 x 360 units

function worldPaths(world) {
  const g = svg("g");
  for (const c of world.countries) {
    let d = "";
    for (const ring of c.rings) {
      for (let i = 0; i < ring.length; i += 2) {
        const [x, y] = project(ring[i], ring[i + 1]);
        d += `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
      }
      d += "Z";
    }
    g.append(titled(svg("path", { class: "land", d, "fill-rule": "evenodd", "vector-effect": "non-scaling-stroke" }),
      c.name + (c.iso3 ? ` (${c.iso3})` : "")));
  }
  return g;
}

function renderMap(world, data) {
  const box = $("#map");
  const W = 640, H = 420;
  $("#map-note").textContent = plural(data.places.length, "place") +
    (data.unplaced ? ` · ${plural(data.unplaced, "event")} without a place` : "");
  // Frame the places with a margin (at least a region's width), else the whole world.
  let vb = [0, 0, 720, 360];
  if (data.places.length) {
    const pts = data.places.map((p) => project(p.lon, p.lat));
    let x0 = Math.min(...pts.map((p) => p[0])), x1 = Math.max(...pts.map((p) => p[0]));
    let y0 = Math.min(...pts.map((p) => p[1])), y1 = Math.max(...pts.map((p) => p[1]));
    let w = Math.max(x1 - x0 + 30, 70), h = Math.max(y1 - y0 + 30, 45);
    if (w / h > W / H) h = (w * H) / W; else w = (h * W) / H;
    w = Math.min(w, 720); h = Math.min(h, 360);
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    vb = [Math.min(Math.max(cx - w / 2, 0), 720 - w), Math.min(Math.max(cy - h / 2, 0), 360 - h), w, h];
  }
  const unit = vb[2] / W;  // viewBox units per pixel
  const root = svg("svg", { viewBox: vb.join(" "), role: "img", "aria-label": "event places", preserveAspectRatio: "xMidYMid meet" });
  root.append(svg("rect", { class: "sea", x: 0, y: 0, width: 720, height: 360 }), worldPaths(world));
  const maxCount = Math.max(1, ...data.places.map((p) => p.count));
  const current = form.elements.place.value;
  const layer = svg("g");
  // Largest first so small circles stay clickable on top.
  for (const p of [...data.places].sort((a, b) => b.count - a.count)) {
    const [x, y] = project(p.lon, p.lat);
    const types = Object.entries(p.types).sort((a, b) => b[1] - a[1]);
    const r = (4 + 16 * Math.sqrt(p.count / maxCount)) * unit;
    const dot = svg("circle", {
      class: `place${p.id === current ? " current" : ""}`, cx: x, cy: y, r, fill: color(types[0][0]),
      "vector-effect": "non-scaling-stroke",
      onclick: () => { setFilter("place", p.id === current ? "" : p.id); apply(); },
      onmousemove: (evt) => showTip(evt,
        el("strong", {}, `${p.name} (${p.country || "?"})`), el("div", { class: "ar", dir: "rtl" }, p.name_ar || ""),
        `${p.count} events: ` + types.map(([t, n]) => `${t} ${n}`).join(", "), "click to filter"),
      onmouseleave: hideTip,
    });
    layer.append(dot);
    layer.append(svg("text", {
      class: "place-label", x: x + r + 2 * unit, y: y + 3.5 * unit,
      style: `font-size:${11 * unit}px;stroke-width:${2.5 * unit}px`,
    }, p.name));
  }
  root.append(layer);
  box.replaceChildren(root);
}

// ---- evidence table and article view ------------------------------------------------------

// Text with marked spans: spans may overlap; each piece gets the classes of all spans covering it.
function highlighted(text, spans, base = 0) {
  const frag = document.createDocumentFragment();
  const local = spans
    .map((s) => ({ cls: s.cls, start: s.start - base, end: s.end - base, id: s.id }))
    .filter((s) => s.end > 0 && s.start < text.length && s.end > s.start);
  const cuts = new Set([0, text.length]);
  for (const s of local) { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(text.length, s.end)); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const on = local.filter((s) => s.start <= a && s.end >= b);
    if (!on.length) { frag.append(piece); continue; }
    const mark = el("mark", { class: on.map((s) => s.cls).join(" ") }, piece);
    const anchor = on.find((s) => s.id);
    if (anchor) mark.dataset.anchor = anchor.id;
    frag.append(mark);
  }
  return frag;
}

function eventSpans(e, current) {
  const spans = [];
  if (current) spans.push({ cls: "hl-current", start: e.evidence_start, end: e.evidence_end, id: "current" });
  spans.push({ cls: "hl-trigger", start: e.trigger_start, end: e.trigger_end });
  for (const side of ["source", "target", "location"]) {
    const s = e[side];
    if (s && s.start !== undefined && s.start !== null) spans.push({ cls: `hl-${side}`, start: s.start, end: s.end });
  }
  return spans;
}

function actorCell(a) {
  if (!a) return el("span", { class: "code" }, "—");
  return el("span", { title: `${a.name_ar || ""} · "${a.mention}"${a.provisional ? " · provisional" : ""}` },
    a.name, " ", el("span", { class: "code" }, a.code || "-"));
}

function renderEvents(data) {
  const tbody = $("#events tbody");
  $("#event-count").textContent = plural(data.total, "event");
  const rows = data.events.map((e) => {
    const when = e.date || e.story_date || "—";
    const tr = el("tr", { onclick: () => openArticle(e, tr) },
      el("td", { class: "when", title: e.date ? `${e.date_precision} · ${e.date_text || ""}` : "story date (event date unknown)" },
        e.date ? when : `${when}*`),
      el("td", {}, el("span", { class: "type-tag", style: `background:${color(e.type)}` }, e.type), " ",
        el("span", { class: "code" }, e.cameo || "")),
      el("td", { class: "sides" }, actorCell(e.source), el("span", { class: "arrow" }, "→"), actorCell(e.target)),
      el("td", { class: `modality-${e.modality}` }, e.modality),
      el("td", {}, Number(e.confidence).toFixed(2)),
      el("td", { class: "evidence", dir: "rtl", lang: "ar" }, highlighted(e.evidence, eventSpans(e, false), e.evidence_start)),
    );
    if (state.selected === e.event_id) tr.classList.add("selected");
    return tr;
  });
  tbody.replaceChildren(...rows);
  if (!rows.length) tbody.append(el("tr", {}, el("td", { colspan: 6, class: "empty" }, "No events match the filters.")));
  const last = Math.min(data.offset + data.events.length, data.total);
  $("#page").textContent = data.total ? `${data.offset + 1}–${last} of ${data.total}` : "";
  $("#prev").disabled = data.offset === 0;
  $("#next").disabled = last >= data.total;
}

async function openArticle(e, row) {
  state.selected = e.event_id;
  document.querySelectorAll("#events tr.selected").forEach((r) => r.classList.remove("selected"));
  if (row) row.classList.add("selected");
  let a;
  try {
    a = await getJSON(`/api/articles/${encodeURIComponent(e.doc_id)}`);
  } catch (err) { showError(err); return; }
  $("#article-title").textContent = a.title || a.doc_id;
  $("#article-meta").textContent = [a.doc_id, a.outlet, a.pub_date && `published ${a.pub_date}`, a.url,
    `${a.events.length} events`].filter(Boolean).join(" · ");
  const spans = a.removed.map((r) => ({ cls: "hl-removed", start: r.start, end: r.end }));
  for (const other of a.events) spans.push({ cls: "hl-evidence", start: other.evidence_start, end: other.evidence_end });
  spans.push(...eventSpans(e, true));
  $("#article-text").replaceChildren(highlighted(a.raw_text, spans));
  $("#article-clean").textContent = a.cleaned_text || "";
  const panel = $("#article");
  panel.hidden = false;
  writeHash(filterParams());
  const anchor = panel.querySelector('[data-anchor="current"]');
  if (anchor) anchor.scrollIntoView({ block: "center" });
}

// ---- start -------------------------------------------------------------------------------

function fillSelect(select, values) {
  for (const v of values) select.append(el("option", { value: v }, v));
}

async function start() {
  const linked = new URLSearchParams(location.hash.slice(1)).get("event");
  readHash();
  try {
    const s = await getJSON("/api/stats");
    state.stats = s;
    state.types = s.types;
    fillSelect(form.elements.type, s.types);
    fillSelect(form.elements.modality, s.modalities);
    readHash();  // the selects have their options now
    $("#stats").textContent = `${s.articles} articles · ${s.events} events (${s.distinct_events} distinct) · ` +
      `${s.actors} actors (${s.provisional_actors} provisional) · ${s.places} places` +
      (s.first_date ? ` · ${s.first_date} to ${s.last_date}` : "") + (s.failures ? ` · ${plural(s.failures, "failure")}` : "");
  } catch (e) {
    $("#stats").textContent = "";
    showError(e);
    return;
  }
  form.addEventListener("submit", (evt) => { evt.preventDefault(); apply(); });
  for (const name of ["type", "modality", "dedup", "from", "to"]) form.elements[name].addEventListener("change", apply);
  form.elements.actor.addEventListener("input", suggestActors);
  $("#reset").addEventListener("click", () => { form.reset(); setFilter("place", ""); apply(); });
  $("#interval").addEventListener("change", refresh);
  $("#min-weight").addEventListener("change", refresh);
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE_SIZE); refresh(); });
  $("#next").addEventListener("click", () => { state.offset += PAGE_SIZE; refresh(); });
  const closeArticle = () => { $("#article").hidden = true; writeHash(filterParams()); };
  $("#close-article").addEventListener("click", closeArticle);
  document.addEventListener("keydown", (evt) => { if (evt.key === "Escape") closeArticle(); });
  window.addEventListener("resize", () => { clearTimeout(state.resizeTimer); state.resizeTimer = setTimeout(refresh, 300); });
  await refresh();
  // A link may name an event (#event=...): open its article.
  if (linked) getJSON(`/api/events/${encodeURIComponent(linked)}`).then((e) => openArticle(e, null), showError);
}

start();
