// GridAtlas planner's workbench: the community (or its whole street) on the offline base map, with
// buildings coloured by their grid; rule problems listed and located; search by address, building,
// grid code or compound; buildings picked by click, box or lasso; a cut line or a grid's boundary
// drawn (snapping to roads and to the boundaries between buildings); what a selection would do shown
// before any preview; previews on the map with the verifier's result, undone and redone; commit with
// a reason; the history as a timeline, two versions compared, and reverts; a balance chart of the
// grids' households against 300–500; the grid maps printed as PDF. Data is written as text only.
import * as maplibregl from '/vendor/maplibre-gl.mjs';
import * as echarts from '/vendor/echarts.esm.min.mjs';
import { el, fill, takeToken, keepToken, bearer, withToken } from '/page.js';
import { FONTS, tileSource, lineLayers, boundaryLayers } from '/basemap.js';

const $ = id => document.getElementById(id);
const empty = { type: 'FeatureCollection', features: [] };
/** The household band grids are delineated to (DATA.md). */
const BAND = [300, 500];
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const state = {
  community: null, street: null, version: null, grids: empty, buildings: empty, grid: null, picked: new Set(),
  preview: null, previews: [], at: -1, tool: 'select', sketch: [], boundary: null, versions: [],
};
const params = new URLSearchParams(location.search);
$('token').value = takeToken();
$('token').onchange = () => keepToken($('token').value);
const auth = () => bearer($('token').value);

const map = new maplibregl.Map({
  container: 'map', attributionControl: false, center: [0, 0], zoom: 1, boxZoom: false, doubleClickZoom: false,
  localIdeographFontFamily: FONTS.join(','),
  // the tiles are reads like any other: the token goes with them when reads need one
  transformRequest: withToken(() => $('token').value),
  style: {
    version: 8,
    sources: {
      ga: tileSource(),
      grids: { type: 'geojson', data: empty }, buildings: { type: 'geojson', data: empty }, preview: { type: 'geojson', data: empty },
      'compare-a': { type: 'geojson', data: empty }, 'compare-b': { type: 'geojson', data: empty }, sketch: { type: 'geojson', data: empty },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#070b14' } },
      // grids breaking a rule (flagged) in red
      { id: 'grids', type: 'fill', source: 'grids', paint: { 'fill-color': ['case', ['>', ['length', ['get', 'flags']], 0], '#8a3b2e', '#2f6fd6'], 'fill-opacity': 0.25 } },
      ...lineLayers('ga'),
      { id: 'grid-lines', type: 'line', source: 'grids', paint: { 'line-color': '#9fd3ff', 'line-width': 1.5 } },
      { id: 'selected', type: 'line', source: 'grids', filter: ['==', ['get', 'code'], ''], paint: { 'line-color': '#ffd166', 'line-width': 4 } },
      // each building in its grid's colour; picked ones yellow, ones a preview moves orange
      { id: 'buildings', type: 'fill', source: 'buildings', paint: {
        'fill-color': ['case', ['boolean', ['feature-state', 'picked'], false], '#ffd166', ['boolean', ['feature-state', 'moved'], false], '#ff7f0e', ['get', 'colour']],
        'fill-opacity': 0.85 } },
      { id: 'building-lines', type: 'line', source: 'buildings', paint: { 'line-color': ['case', ['boolean', ['feature-state', 'moved'], false], '#ffffff', '#0b1220'], 'line-width': ['case', ['boolean', ['feature-state', 'moved'], false], 2, 0.5] } },
      ...boundaryLayers('ga', '#070b14'),
      { id: 'preview', type: 'line', source: 'preview', paint: { 'line-color': '#7be38b', 'line-width': 2.5, 'line-dasharray': [2, 1] } },
      { id: 'compare-a', type: 'line', source: 'compare-a', paint: { 'line-color': '#ff9f43', 'line-width': 3 } },
      { id: 'compare-b', type: 'line', source: 'compare-b', paint: { 'line-color': '#54e0ff', 'line-width': 2, 'line-dasharray': [2, 1] } },
      { id: 'sketch-fill', type: 'fill', source: 'sketch', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#ffd166', 'fill-opacity': 0.15 } },
      { id: 'sketch-line', type: 'line', source: 'sketch', filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#ffd166', 'line-width': 2.5 } },
      { id: 'sketch-points', type: 'circle', source: 'sketch', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 5, 'circle-color': '#ffd166', 'circle-stroke-color': '#000', 'circle-stroke-width': 1 } },
    ],
  },
});
map.addControl(new maplibregl.NavigationControl(), 'top-left');

const api = async (path, options = {}) => {
  const r = await fetch(path, { ...options, headers: { ...(options.headers || {}), ...auth() } });
  const body = r.headers.get('content-type')?.includes('json') ? await r.json() : null;
  return { status: r.status, body, etag: r.headers.get('ETag') };
};
const say = (text, error = false) => { $('message').textContent = text; $('message').className = error ? 'error' : ''; };

// ---- geometry on the client: centres, sides of a line, points in a ring ----
const rings = g => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []);
function centre(g) {
  let x = 0, y = 0, n = 0;
  for (const p of rings(g)) for (const c of p[0]) { x += c[0]; y += c[1]; n++; }
  return n ? [x / n, y / n] : g.coordinates;
}
function inRing(pt, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > pt[1]) !== (yj > pt[1]) && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const inGeometry = (pt, g) => rings(g).some(p => inRing(pt, p[0]) && !p.slice(1).some(h => inRing(pt, h)));
/** The side (+1 or -1) of the line a point is on, by the segment nearest to it. */
function side(pt, line) {
  let best = Infinity, s = 1;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1], [bx, by] = line[i];
    const dx = bx - ax, dy = by - ay, t = Math.max(0, Math.min(1, ((pt[0] - ax) * dx + (pt[1] - ay) * dy) / (dx * dx + dy * dy || 1)));
    const d = Math.hypot(pt[0] - ax - t * dx, pt[1] - ay - t * dy);
    if (d < best) { best = d; s = Math.sign(dx * (pt[1] - ay) - dy * (pt[0] - ax)) || 1; }
  }
  return s;
}
function bounds(features) {
  const b = new maplibregl.LngLatBounds();
  features.forEach(f => (f.geometry.type === 'Point' ? b.extend(f.geometry.coordinates) : rings(f.geometry).forEach(p => p[0].forEach(c => b.extend(c)))));
  return b;
}
const inBand = h => h >= BAND[0] && h <= BAND[1];

// ---- loading a community, or its street ----
async function loadCommunities() {
  const { body } = await api('/api/v1/communities');
  state.communityFeatures = body.features;
  fill($('community'), body.features.filter(f => f.properties.grids > 0)
    .map(f => el('option', { value: f.properties.code }, `${f.properties.name} ${f.properties.code} (${f.properties.grids})`)));
  $('community').value = params.get('community') || $('community').value;
  await loadCommunity();
}

async function loadCommunity(fit = true) {
  state.community = $('community').value;
  state.street = state.communityFeatures.find(f => f.properties.code === state.community)?.properties.street_code;
  state.grid = null; clearPicked(); clearSketch(); clearPreviews();
  const scope = $('view').value === 'street' && state.street ? `street=${state.street}` : `community=${state.community}`;
  const [grids, buildings, versions] = await Promise.all([
    api(`/api/v1/grids?${scope}&level=grid&limit=10000`),
    api(`/api/v1/communities/${state.community}/buildings`),
    api(`/api/v1/communities/${state.community}/versions`)]);
  state.grids = grids.body; state.buildings = buildings.body; state.version = versions.body.version; state.versions = versions.body.versions;
  const colourOf = new Map(state.grids.features.map((f, i) => [f.properties.code, PALETTE[i % PALETTE.length]]));
  state.buildings.features.forEach((f, i) => { f.id = i; f.properties.colour = colourOf.get(f.properties.grid_code) || '#c7d5ea'; });
  state.byBuilding = new Map(state.buildings.features.map(f => [f.properties.id, f]));
  map.getSource('grids').setData(state.grids);
  map.getSource('buildings').setData(state.buildings);
  $('version').textContent = `version ${state.version} · ${state.versions.length} recorded`;
  renderHistory();
  if (fit) {
    const b = bounds(state.grids.features);
    if (!b.isEmpty()) map.fitBounds(b, { padding: 30, duration: 0 });
  }
  renderList();
  drawLabels();
  drawBalance();
}

/** The grids of the community edited (a street view shows the others too, not editable here). */
const own = () => state.grids.features.filter(f => f.properties.community_code === state.community);

function renderList() {
  const rows = state.grids.features.map(f => {
    const p = f.properties;
    return el('tr', { dataset: { code: p.code }, class: p.code === state.grid ? 'selected' : '' }, el('td', {}, p.code.slice(-3)), el('td', {}, p.households),
      el('td', { class: p.flags.length ? 'bad' : '' }, p.flags.length ? p.flags.join(', ') : 'ok'));
  });
  fill($('grid-list').querySelector('tbody'), rows);
  $('grid-list').querySelectorAll('tr[data-code]').forEach(tr => tr.onclick = () => selectGrid(tr.dataset.code));
  fill($('problems'), state.grids.features.filter(f => f.properties.flags.length || !inBand(f.properties.households))
    .map(f => el('li', { dataset: { code: f.properties.code } }, `${f.properties.code}: ${f.properties.flags.join(', ') || `${f.properties.households} 户 outside ${BAND.join('–')}`}`)));
  $('problems').querySelectorAll('li').forEach(li => li.onclick = () => selectGrid(li.dataset.code, true));
  fill($('other'), own().filter(f => f.properties.code !== state.grid)
    .map(f => el('option', { value: f.properties.code }, `${f.properties.code} (${f.properties.households} 户)`)));
  $('selection').textContent = `grid ${state.grid ?? '–'} · buildings ${[...state.picked].map(i => state.buildings.features[i].properties.id).join(', ') || '–'}`;
  map.setFilter('selected', ['==', ['get', 'code'], state.grid ?? '']);
  showEffect();
}

// grid codes and households on the map (HTML markers, text only)
let labels = [];
function drawLabels() {
  labels.forEach(m => m.remove());
  labels = state.grids.features.map(f => new maplibregl.Marker({ element: el('div', { class: 'grid-label' }, `${f.properties.code.slice(-3)} · ${f.properties.households}户`) })
    .setLngLat(bounds([f]).getCenter()).addTo(map));
}

function selectGrid(code, fly = false) {
  state.grid = code;
  if (fly) {
    const f = state.grids.features.find(g => g.properties.code === code);
    if (f) map.fitBounds(bounds([f]), { padding: 80, duration: 0 });
  }
  if (state.tool === 'redraw') startBoundary();
  renderList();
}
function setPicked(i, on) {
  on ? state.picked.add(i) : state.picked.delete(i);
  map.setFeatureState({ source: 'buildings', id: i }, { picked: on });
}
function clearPicked() { [...state.picked].forEach(i => setPicked(i, false)); }
function pickBuilding(i) { setPicked(i, !state.picked.has(i)); renderList(); }

// ---- what a selection would do, before any preview ----
function households() {
  return new Map(own().map(f => [f.properties.code, f.properties.households]));
}
/** A line per grid (or side of a cut): households before → after, and whether they stay within the band. */
function effectRows(changes) {
  return [...changes].map(([name, [before, after]]) => el('div', { class: inBand(after) ? '' : 'out' },
    `${/^\d+$/.test(name) ? name.slice(-3) : name}: ${before} → ${after} 户 ${inBand(after) ? 'within' : 'outside'} ${BAND.join('–')}`));
}
function showEffect() {
  const now = households(), changes = new Map();
  const change = (code, delta) => { const [b, a] = changes.get(code) || [now.get(code) ?? 0, now.get(code) ?? 0]; changes.set(code, [b, a + delta]); };
  if (state.tool === 'cut' && state.grid && state.sketch.length > 1) {
    const sides = { 1: 0, '-1': 0 };
    state.buildings.features.filter(f => f.properties.grid_code === state.grid).forEach(f => { sides[side(centre(f.geometry), state.sketch)] += f.properties.households; });
    fill($('effect'), el('div', {}, `cut ${state.grid.slice(-3)}: one side ${sides[1]} 户, the other ${sides['-1']} 户`),
      effectRows(new Map([['side A', [now.get(state.grid), sides[1]]], ['side B', [now.get(state.grid), sides['-1']]]])));
    return;
  }
  if (state.tool === 'redraw' && state.grid && state.boundary) {
    const shape = { type: 'Polygon', coordinates: [state.boundary] };
    for (const f of state.buildings.features) {
      const inside = inGeometry(centre(f.geometry), shape), mine = f.properties.grid_code === state.grid;
      if (inside && !mine && f.properties.grid_code) { change(state.grid, f.properties.households); change(f.properties.grid_code, -f.properties.households); }
      if (!inside && mine) change(state.grid, -f.properties.households); // they go to the nearest neighbour
    }
    fill($('effect'), effectRows(changes));
    return;
  }
  if (state.picked.size && $('other').value) {
    for (const i of state.picked) {
      const f = state.buildings.features[i];
      if (f.properties.grid_code === $('other').value) continue;
      change(f.properties.grid_code, -f.properties.households); change($('other').value, f.properties.households);
    }
    fill($('effect'), el('div', {}, `moving ${state.picked.size} buildings to ${$('other').value.slice(-3)}:`), effectRows(changes));
    return;
  }
  fill($('effect'));
}
$('other').onchange = showEffect;

// ---- tools: click, box, lasso, cut line, boundary ----
const HELP = {
  select: 'click a grid to select it; click buildings to pick them (shift-click in any tool)',
  box: 'drag a box: the buildings inside are picked',
  lasso: 'drag around buildings: those inside are picked',
  cut: 'select a grid, then click the cut line point by point across it (snaps to roads and grid boundaries)',
  redraw: 'select a grid, then drag its boundary\'s corners (snap to roads and grid boundaries)',
};
function setTool(tool) {
  state.tool = tool;
  document.querySelectorAll('.tools button').forEach(b => b.classList.toggle('on', b.dataset.tool === tool));
  $('tool-help').textContent = HELP[tool];
  clearSketch();
  if (tool === 'redraw') startBoundary();
  tool === 'box' || tool === 'lasso' ? map.dragPan.disable() : map.dragPan.enable();
}
document.querySelectorAll('.tools button').forEach(b => b.onclick = () => setTool(b.dataset.tool));

function drawSketch() {
  const features = [];
  if (state.tool === 'redraw' && state.boundary) {
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [state.boundary] } });
    state.boundary.slice(0, -1).forEach((c, i) => features.push({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: c } }));
  } else if (state.sketch.length) {
    const closed = state.tool === 'box' || state.tool === 'lasso';
    features.push({ type: 'Feature', properties: {}, geometry: closed && state.sketch.length > 2
      ? { type: 'Polygon', coordinates: [[...state.sketch, state.sketch[0]]] } : { type: 'LineString', coordinates: state.sketch } });
    if (state.tool === 'cut') state.sketch.forEach(c => features.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } }));
  }
  map.getSource('sketch')?.setData({ type: 'FeatureCollection', features });
}
function clearSketch() { state.sketch = []; state.boundary = null; drawSketch(); fill($('effect')); }
$('clear-sketch').onclick = () => { clearSketch(); if (state.tool === 'redraw') startBoundary(); };

/** The point, moved onto the nearest road or grid boundary drawn within 12 pixels of it. */
function snap(lngLat) {
  const p = map.project(lngLat), r = 12;
  let best = null, bestD = r;
  for (const f of map.queryRenderedFeatures([[p.x - r, p.y - r], [p.x + r, p.y + r]], { layers: ['roads', 'grid-lines'] })) {
    const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.type === 'MultiLineString' || f.geometry.type === 'Polygon' ? f.geometry.coordinates
      : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat() : [];
    for (const line of lines) for (let i = 1; i < line.length; i++) {
      const a = map.project(line[i - 1]), b = map.project(line[i]);
      const dx = b.x - a.x, dy = b.y - a.y, t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
      const q = { x: a.x + t * dx, y: a.y + t * dy }, d = Math.hypot(p.x - q.x, p.y - q.y);
      if (d < bestD) { bestD = d; best = q; }
    }
  }
  const ll = best ? map.unproject([best.x, best.y]) : lngLat;
  return [ll.lng, ll.lat];
}

function startBoundary() {
  const f = state.grids.features.find(g => g.properties.code === state.grid);
  state.boundary = f && f.geometry.type === 'Polygon' ? f.geometry.coordinates[0].map(c => [...c]) : null;
  drawSketch();
}

map.on('click', e => {
  if (state.tool === 'cut') {
    state.sketch.push(snap(e.lngLat));
    drawSketch(); showEffect();
    return;
  }
  if (state.tool !== 'select' && !e.originalEvent.shiftKey) return;
  const hit = map.queryRenderedFeatures(e.point, { layers: ['buildings'] })[0];
  if (hit) return pickBuilding(hit.id);
  const grid = map.queryRenderedFeatures(e.point, { layers: ['grids'] })[0];
  if (grid) selectGrid(grid.properties.code);
});

// box and lasso by dragging; a boundary's corners by dragging them
let dragging = null;
map.on('mousedown', e => {
  if (state.tool === 'box' || state.tool === 'lasso') { dragging = { from: [e.lngLat.lng, e.lngLat.lat] }; state.sketch = [dragging.from]; e.preventDefault(); }
  if (state.tool === 'redraw' && state.boundary) {
    const corner = map.queryRenderedFeatures([[e.point.x - 6, e.point.y - 6], [e.point.x + 6, e.point.y + 6]], { layers: ['sketch-points'] })[0];
    if (corner) { dragging = { corner: corner.properties.i }; map.dragPan.disable(); e.preventDefault(); }
  }
});
map.on('mousemove', e => {
  hover(e);
  if (!dragging) return;
  const at = [e.lngLat.lng, e.lngLat.lat];
  if (dragging.corner !== undefined) {
    const c = snap(e.lngLat), last = state.boundary.length - 1;
    state.boundary[dragging.corner] = c;
    if (dragging.corner === 0) state.boundary[last] = c;
  } else if (state.tool === 'box') {
    const [x0, y0] = dragging.from;
    state.sketch = [[x0, y0], [at[0], y0], at, [x0, at[1]]];
  } else state.sketch.push(at);
  drawSketch();
});
map.on('mouseup', () => {
  if (!dragging) return;
  if (dragging.corner !== undefined) { map.dragPan.enable(); showEffect(); }
  else if (state.sketch.length > 2) {
    const ring = [...state.sketch, state.sketch[0]];
    state.buildings.features.forEach((f, i) => { if (inRing(centre(f.geometry), ring)) setPicked(i, true); });
    state.sketch = []; drawSketch(); renderList();
  }
  dragging = null;
});

// households of a building on hover
const tip = el('div', { class: 'hover-tip', hidden: true });
document.body.append(tip);
function hover(e) {
  const f = map.queryRenderedFeatures(e.point, { layers: ['buildings'] })[0];
  tip.hidden = !f;
  if (!f) return;
  tip.textContent = `${f.properties.id} · ${f.properties.households} 户 · ${f.properties.grid_code ?? '–'}`;
  tip.style.left = `${e.originalEvent.clientX + 12}px`;
  tip.style.top = `${e.originalEvent.clientY + 12}px`;
}

// ---- search: an address, a compound, a building id or a grid code, and fly there ----
async function search() {
  const q = $('search').value.trim();
  if (!q) return;
  let grid = null, building = null;
  if (/^\d{15}$/.test(q)) grid = q;
  else if (state.byBuilding?.has(q)) building = q;
  else {
    const r = await api(`/api/v1/lookup?address=${encodeURIComponent(q)}`);
    if (r.status !== 200 || !r.body.grid_code) return fill($('search-result'), `not found: ${q}`);
    grid = r.body.grid_code; building = r.body.building_id;
  }
  const community = grid ? grid.slice(0, 12) : state.community;
  if (community !== state.community && [...$('community').options].some(o => o.value === community)) {
    $('community').value = community;
    await loadCommunity(false);
  }
  const b = building && state.byBuilding.get(building);
  grid = grid || b?.properties.grid_code;
  if (grid) selectGrid(grid, true);
  if (b) { clearPicked(); setPicked(b.id, true); renderList(); map.flyTo({ center: centre(b.geometry), zoom: Math.max(map.getZoom(), 17), duration: 0 }); }
  fill($('search-result'), `found: ${building ? 'building ' + building + ' in ' : ''}grid ${grid}`);
}
$('search-go').onclick = search;
$('search').onkeydown = e => { if (e.key === 'Enter') search(); };

// ---- the balance chart ----
const chart = echarts.init($('balance'), null, { renderer: 'canvas' });
chart.on('click', p => selectGrid(chartCodes[p.dataIndex], true));
let chartCodes = [];
function drawBalance() {
  const now = new Map(state.grids.features.map(f => [f.properties.code, f.properties.households]));
  const after = state.preview ? new Map(state.preview.features.map(f => [f.properties.code, f.properties.households])) : null;
  chartCodes = [...new Set([...now.keys(), ...(after ? after.keys() : [])])].sort();
  const series = [{ name: 'now', type: 'bar', data: chartCodes.map(c => now.get(c) ?? 0),
    itemStyle: { color: p => (inBand(p.value) ? '#2f6fd6' : '#ff8a5c') },
    markArea: { silent: true, itemStyle: { color: 'rgba(123,227,139,0.12)' }, data: [[{ yAxis: BAND[0] }, { yAxis: BAND[1] }]] } }];
  if (after) series.push({ name: 'preview', type: 'bar', data: chartCodes.map(c => (after.has(c) ? after.get(c) : (now.has(c) && state.preview.change.retired.includes(c) ? 0 : now.get(c) ?? 0))),
    itemStyle: { color: p => (inBand(p.value) ? '#7be38b' : '#ff5a5f') } });
  chart.setOption({
    animation: false, grid: { left: 40, right: 10, top: 20, bottom: 24 }, legend: { data: series.map(s => s.name), textStyle: { color: '#d7e3f4' }, right: 10 },
    tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: chartCodes.map(c => c.slice(-3)), axisLabel: { color: '#7f93b3' } },
    yAxis: { type: 'value', axisLabel: { color: '#7f93b3' }, splitLine: { lineStyle: { color: '#1d2b45' } } }, series,
  }, true);
}
window.addEventListener('resize', () => chart.resize());

// ---- previews: on the map, undone and redone ----
async function preview(change) {
  change.reason = $('reason').value || undefined;
  const r = await api(`/api/v1/communities/${state.community}/changes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(change) });
  if (r.status !== 201) return say(r.body?.error ? `${r.body.error.field}: ${r.body.error.message}` : `refused (${r.status})`, true);
  state.previews = state.previews.slice(0, state.at + 1);
  state.previews.push(r.body);
  state.at = state.previews.length - 1;
  showPreview();
  say('preview ready: check it, then commit');
}

function showPreview() {
  const p = state.previews[state.at] ?? null;
  state.preview = p;
  state.buildings.features.forEach(f => map.setFeatureState({ source: 'buildings', id: f.id }, { moved: false }));
  $('undo').disabled = state.at < 0; $('redo').disabled = state.at >= state.previews.length - 1;
  drawBalance();
  if (!p) { $('preview').hidden = state.previews.length === 0; fill($('diff'), el('div', { class: 'muted' }, 'no preview (redo brings it back)')); map.getSource('preview').setData(empty); return; }
  map.getSource('preview').setData(p);
  const c = p.change, v = p.verification;
  for (const m of c.moves) { const f = state.byBuilding.get(m.building); if (f) map.setFeatureState({ source: 'buildings', id: f.id }, { moved: true }); }
  fill($('diff'),
    el('div', { class: v.passed ? 'ok' : 'fail' }, `rules: ${v.passed ? 'all kept' : JSON.stringify(v.violations)}`),
    el('div', {}, `${c.buildings_moved} buildings, ${c.households_moved} households change grid`),
    el('div', {}, `kept: ${c.kept.join(', ') || '–'}`),
    el('div', {}, 'retired: ', el('span', { id: 'retired' }, c.retired.join(', ') || '–')),
    el('div', {}, `new: ${c.added.join(', ') || '–'}`),
    el('div', { class: 'muted' }, `preview ${state.at + 1} of ${state.previews.length}: old boundaries solid, new ones dashed green, moving buildings outlined`),
    c.moves.slice(0, 20).map(m => el('div', { class: 'muted' }, `${m.building}: ${m.from.slice(-3)} → ${m.to.slice(-3)} (${m.households} 户)`)));
  $('preview').hidden = false;
}
function clearPreviews() { state.previews = []; state.at = -1; state.preview = null; $('preview').hidden = true; map.getSource('preview')?.setData(empty); }
$('undo').onclick = () => { if (state.at >= 0) { state.at--; showPreview(); } };
$('redo').onclick = () => { if (state.at < state.previews.length - 1) { state.at++; showPreview(); } };

$('move').onclick = () => preview({ op: 'move', buildings: [...state.picked].map(i => state.buildings.features[i].properties.id), to: $('other').value });
$('split').onclick = () => preview({ op: 'split', grid: state.grid });
$('split-along').onclick = () => {
  if (!state.grid || state.sketch.length < 2) return say('select a grid and draw a cut line across it first (cut line tool)', true);
  preview({ op: 'split_along', grid: state.grid, line: { type: 'LineString', coordinates: state.sketch } });
};
$('redraw').onclick = () => {
  if (!state.grid || !state.boundary) return say('select a grid and drag its boundary first (boundary tool)', true);
  preview({ op: 'redraw', grid: state.grid, boundary: { type: 'Polygon', coordinates: [state.boundary] } });
};
$('merge').onclick = () => preview({ op: 'merge', grids: [state.grid, $('other').value] });
$('rerun').onclick = () => preview({ op: 'rerun', locked: own().map(f => f.properties.code).filter(c => c !== state.grid && c !== $('other').value) });
$('discard').onclick = () => { clearPreviews(); showPreview(); $('preview').hidden = true; say(''); };
$('commit').onclick = async () => {
  const p = state.preview;
  if (!p) return say('no preview to commit', true);
  const r = await api(`/api/v1/communities/${state.community}/changes/${p.id}/commit`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'If-Match': `"v${p.base_version}"` }, body: JSON.stringify({ reason: $('reason').value || null }) });
  if (r.status !== 200) return say(r.body?.error ? r.body.error.message : `commit failed (${r.status})`, true);
  await loadCommunity(false);
  say(`committed as version ${r.body.version}`);
};

// ---- history: a timeline, two versions compared, reverts ----
function renderHistory() {
  fill($('history'), state.versions.map(v => el('li', { class: v.version === state.version ? 'current' : '' }, `v${v.version} ${v.author} · ${new Date(v.time).toLocaleString()} · ${v.reason ?? ''} `,
    v.version < state.version ? el('button', { dataset: { version: v.version } }, 'revert to') : null)));
  $('history').querySelectorAll('button').forEach(b => b.onclick = () => revert(b.dataset.version));
  const options = () => state.versions.map(v => el('option', { value: v.version }, `v${v.version}`));
  fill($('compare-a'), options()); fill($('compare-b'), options());
  if (state.versions.length > 1) { $('compare-a').value = state.versions[state.versions.length - 2].version; $('compare-b').value = state.version; }
}
async function revert(version) {
  const r = await api(`/api/v1/communities/${state.community}/versions/${version}/revert`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'If-Match': `"v${state.version}"` }, body: JSON.stringify({ reason: $('reason').value || null }) });
  if (r.status !== 200) return say(r.body?.error ? r.body.error.message : `revert failed (${r.status})`, true);
  await loadCommunity(false);
  say(`reverted to version ${version} as version ${r.body.version}`);
}
/** A version's grids: the community as of the time it was recorded. */
async function gridsOf(version) {
  const v = state.versions.find(x => String(x.version) === String(version));
  return (await api(`/api/v1/communities/${state.community}/grids?as_of=${encodeURIComponent(v.time)}`)).body;
}
$('compare').onclick = async () => {
  const [a, b] = await Promise.all([gridsOf($('compare-a').value), gridsOf($('compare-b').value)]);
  const overlay = $('compare-mode').value === 'overlay';
  map.getSource('compare-a').setData(a); map.getSource('compare-b').setData(overlay ? b : empty);
  const ha = new Map(a.features.map(f => [f.properties.code, f.properties.households])), hb = new Map(b.features.map(f => [f.properties.code, f.properties.households]));
  const codes = [...new Set([...ha.keys(), ...hb.keys()])].sort();
  fill($('compare-result'),
    el('div', { class: 'muted' }, overlay ? `v${a.version} orange, v${b.version} dashed blue` : `v${a.version} on the map; both side by side below`),
    el('table', {}, el('tr', {}, el('th', {}, 'grid'), el('th', {}, `v${a.version}`), el('th', {}, `v${b.version}`)),
      codes.map(c => el('tr', { dataset: { code: c } }, el('td', {}, c), el('td', { class: ha.has(c) && !inBand(ha.get(c)) ? 'out' : '' }, ha.get(c) ?? '–'),
        el('td', { class: hb.has(c) && !inBand(hb.get(c)) ? 'out' : '' }, hb.get(c) ?? '–')))));
  say(`compared version ${a.version} with ${b.version}: ${codes.filter(c => ha.get(c) !== hb.get(c)).length} grids differ`);
};

$('show-as-of').onclick = async () => {
  if (!$('as-of').value) return say('pick a date and time first', true);
  const at = new Date($('as-of').value).toISOString();
  const r = await api(`/api/v1/communities/${state.community}/grids?as_of=${encodeURIComponent(at)}`);
  map.getSource('preview').setData(r.body);
  say(`outlined: the grids as of ${at} (version ${r.body.version ?? 'before any edit'})`);
};
$('community').onchange = () => loadCommunity();
$('view').onchange = () => loadCommunity();
map.on('load', loadCommunities);

// ---- files: printed grid maps and every grid for GIS tools ----
async function download(path, file, what) {
  const r = await fetch(path, { headers: auth() });
  if (!r.ok) {
    const e = r.headers.get('content-type')?.includes('json') ? await r.json() : null;
    say(e?.error?.message || `${what} refused: ${r.status}`, true);
    return false;
  }
  const url = URL.createObjectURL(await r.blob());
  const a = el('a', { href: url, download: file });
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
  return true;
}
const paper = () => `size=${$('print-size').value}&orientation=${$('print-orientation').value}`;
$('print').onclick = async () => {
  if (await download(`/api/v1/communities/${state.community}/map.pdf?${paper()}`, `community-${state.community}.pdf`, 'print')) say(`printed community ${state.community}`);
};
$('print-grid').onclick = async () => {
  if (!state.grid) return say('select a grid first', true);
  if (await download(`/api/v1/grids/${state.grid}/map.pdf?${paper()}`, `grid-${state.grid}.pdf`, 'print')) say(`printed grid ${state.grid}`);
};
// every grid as a file for GIS tools, in the system asked (the API refuses one it cannot write, with why)
$('export').onclick = async () => {
  const file = $('export-format').value, crs = $('export-crs').value.trim();
  if (await download(`/api/v1/export/${file}` + (crs ? `?crs=${encodeURIComponent(crs)}` : ''), file, 'export'))
    say(`downloaded ${file}${crs ? ' in ' + crs : ' in lon/lat'}`);
};

// for the browser tests
window.__planner = {
  map, state, selectGrid, setTool,
  pickBuildingById: id => pickBuilding(state.buildings.features.findIndex(f => f.properties.id === id)),
  balance: () => chart.getOption().series.map(s => ({ name: s.name, data: s.data })),
  chartCodes: () => chartCodes,
};
