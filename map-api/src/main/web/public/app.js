// GridAtlas command centre (指挥中心): our own vector tiles only (no base map from the internet),
// panels from /api/v1/reports/summary that follow the drill-down district → street → community,
// live reports and status changes over server-sent events, a replay of the last 24 hours and a tour.
import * as maplibregl from '/vendor/maplibre-gl.mjs';
import * as echarts from '/vendor/echarts.esm.min.mjs';
import { el, fill, takeToken, bearer, withToken, liveEvents } from '/page.js';
import { FONTS, tileSource, lineLayers, boundaryLayers } from '/basemap.js';

const token = takeToken();
const api = async path => (await fetch(path, { headers: bearer(token) })).json();
const DAY = 86400000;
const SOURCES = { hotline_12345: '12345热线', wechat: '微信', grid_worker: '网格员', patrol: '巡查', other: '其他' };
const colours = {
  households: ['interpolate', ['linear'], ['get', 'households'], 0, '#1b3a6b', 300, '#2f6fd6', 500, '#5ec8ff', 600, '#ff8a5c'],
  reports: ['interpolate', ['linear'], ['get', 'reports'], 0, '#1a2a40', 1, '#c9a227', 5, '#ff5a5f'],
  shortfall: ['case', ['>', ['coalesce', ['feature-state', 'shortfall'], 0], 0], '#ff5a5f', '#1f3b2c'],
};

// ---- what the screen shows: the scope of the drill-down ----
// the hierarchy (a district's every grid) is large: the panels and the map start without waiting for it
const hierarchy = api('/api/v1/hierarchy').then(h => {
  const streets = h.districts.flatMap(d => d.streets);
  return { district: h.districts[0], streets,
    communities: streets.flatMap(s => [...s.communities, ...(s.zones || []).flatMap(z => z.communities)]) };
});
const tilejson = await api('/tiles/all.json');
let scope = [{ level: 'district', code: null, name: '全区' }];
hierarchy.then(h => { scope[0].name = h.district?.name ?? '全区'; });
const here = () => scope[scope.length - 1];

// ---- the map ----
const map = new maplibregl.Map({
  container: 'map',
  bounds: [[tilejson.bounds[0], tilejson.bounds[1]], [tilejson.bounds[2], tilejson.bounds[3]]],
  fitBoundsOptions: { padding: 30 },
  attributionControl: false,
  // the tiles are reads like any other: the token goes with them (and with the departments' layers)
  transformRequest: withToken(() => token),
  // names are drawn with the machine's own fonts: a style without a glyph server has MapLibre draw every glyph locally
  localIdeographFontFamily: FONTS.join(','),
  style: {
    version: 8,
    sources: {
      ga: tileSource(),
      live: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      overdue: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      replay: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#060a13' } },
      { id: 'grids', type: 'fill', source: 'ga', 'source-layer': 'grids', paint: { 'fill-color': colours.households, 'fill-opacity': 0.5 } },
      { id: 'dedicated', type: 'fill', source: 'ga', 'source-layer': 'grids', filter: ['==', ['get', 'kind'], 'dedicated'], paint: { 'fill-color': '#3d7d5a', 'fill-opacity': 0.6 } },
      { id: 'buildings', type: 'fill', source: 'ga', 'source-layer': 'buildings', minzoom: 14, paint: { 'fill-color': '#c7d5ea', 'fill-opacity': 0.35 } },
      ...lineLayers('ga'),
      { id: 'grid-lines', type: 'line', source: 'ga', 'source-layer': 'grids', paint: { 'line-color': '#9fd3ff', 'line-width': 1 } },
      { id: 'micro', type: 'line', source: 'ga', 'source-layer': 'micro_grids', minzoom: 16, paint: { 'line-color': '#6b86b3', 'line-width': 0.6, 'line-dasharray': [2, 2] } },
      ...boundaryLayers('ga', '#060a13'),
      { id: 'heat', type: 'heatmap', source: 'ga', 'source-layer': 'reports', maxzoom: 17,
        paint: { 'heatmap-radius': 18, 'heatmap-opacity': 0.75, 'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'], 0, 'rgba(0,0,0,0)', 0.3, '#c9a227', 1, '#ff2d55'] } },
      { id: 'overdue', type: 'circle', source: 'overdue', paint: { 'circle-radius': 6, 'circle-color': '#ff2d55', 'circle-opacity': 0.9, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } },
      { id: 'replay', type: 'circle', source: 'replay', paint: { 'circle-radius': 5, 'circle-color': '#ffd166', 'circle-stroke-color': '#000', 'circle-stroke-width': 1 } },
      { id: 'live', type: 'circle', source: 'live', paint: { 'circle-radius': 9, 'circle-color': '#ff2d55', 'circle-opacity': 0.9, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } },
    ],
  },
});
map.addControl(new maplibregl.NavigationControl(), 'top-left');
// the panels do not wait for the map: only what is drawn on it does
const mapReady = new Promise(resolve => map.once('load', resolve));
// when the panels were first filled and the map first showed grids (ms since navigation), for the scale benchmark
const marks = {};
map.on('render', function first() {
  if (map.queryRenderedFeatures({ layers: ['grids'] }).length === 0) return;
  marks.map = Math.round(performance.now());
  map.off('render', first);
});

// overdue reports pulse: their radius breathes, ten paint changes a second while there are any
let overdueShown = 0;
setInterval(() => {
  if (overdueShown) map.setPaintProperty('overdue', 'circle-radius', 6 + 4 * Math.abs(Math.sin(performance.now() / 400)));
}, 100);

// grid codes and households as HTML labels from zoom 15 (text from the data, never markup)
let labels = [];
map.on('moveend', () => {
  labels.forEach(m => m.remove());
  labels = [];
  if (map.getZoom() < 15) return;
  const seen = new Map();
  for (const f of map.queryRenderedFeatures({ layers: ['grids'] })) {
    const b = new maplibregl.LngLatBounds();
    (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat())[0].forEach(c => b.extend(c));
    const size = (b.getEast() - b.getWest()) * (b.getNorth() - b.getSouth());
    if (!seen.has(f.properties.code) || seen.get(f.properties.code).size < size) seen.set(f.properties.code, { b, size, f });
  }
  for (const [code, { b, f }] of seen) {
    labels.push(new maplibregl.Marker({ element: el('div', { class: 'grid-label' }, `${code.slice(-3)} · ${f.properties.households}户`) })
      .setLngLat(b.getCenter()).addTo(map));
  }
});

map.on('click', 'grids', async e => {
  // MapLibre takes e.features back once this handler returns: read them before the first await
  const { code, reports } = e.features[0].properties;
  const g = await api(`/api/v1/grids/${code}`);
  const h = g.properties.hierarchy;
  const chain = [h.district?.name, h.street?.name, h.zone?.name, h.community?.name].filter(Boolean).join(' › ');
  new maplibregl.Popup().setLngLat(e.lngLat).setDOMContent(el('div', {}, el('b', {}, code), el('br'), chain, el('br'),
    `${g.properties.households}户 · ${g.properties.buildings}栋 · 24小时事件 ${reports}`,
    g.properties.staffing?.chief ? [el('br'), `网格长 ${g.properties.staffing.chief.name}`] : null)).addTo(map);
});

const layerButtons = ['households', 'reports', 'shortfall'];
for (const name of layerButtons) {
  document.getElementById('layer-' + name).onclick = async () => {
    if (name === 'shortfall') await loadShortfall();
    map.setPaintProperty('grids', 'fill-color', colours[name]);
    layerButtons.forEach(n => document.getElementById('layer-' + n).classList.toggle('on', n === name));
  };
}
document.getElementById('layer-heat').onclick = e => {
  const on = !e.target.classList.toggle('on') ? 'none' : 'visible';
  map.setLayoutProperty('heat', 'visibility', on);
};

// ---- other departments' layers (三网合一): a switch each; units as outlines with their conflicts, resources as points (from zoom 13) ----
const RESOURCE_COLOURS = ['match', ['get', 'type'], 'camera', '#5ec8ff', 'hydrant', '#ff5a5f', 'care_station', '#7ee081', 'shop', '#c9a0ff', '#ffd166'];
const departmentStyles = {
  units: [{ type: 'line', paint: { 'line-color': '#ffb347', 'line-width': 2, 'line-dasharray': [3, 2] } }],
  resources: [{ type: 'circle', paint: { 'circle-radius': 4, 'circle-color': RESOURCE_COLOURS, 'circle-stroke-width': 1, 'circle-stroke-color': '#060a13' } }],
  conflicts: [{ type: 'fill', filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]], paint: { 'fill-color': '#ff5a5f', 'fill-opacity': 0.35 } },
    { type: 'line', filter: ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]], paint: { 'line-color': '#ff5a5f', 'line-width': 3 } }],
};
let departmentSwitches = -1;
// a switch adds its layer on the first press (vector tiles of every stored layer, filtered to this one), then shows and hides it
const DEPARTMENT_TILES = { units: 'department_units', conflicts: 'department_conflicts', resources: 'resources' };
function departmentSwitch(id, label, name, style) {
  const button = el('button', { dataset: { layer: id } }, label);
  let ids = null;
  button.onclick = async () => {
    const on = button.classList.toggle('on');
    if (!ids) {
      await mapReady;
      const source = 'departments-' + style, sourceLayer = DEPARTMENT_TILES[style];
      if (!map.getSource(source)) map.addSource(source, { type: 'vector', tiles: [location.origin + `/tiles/${sourceLayer}/{z}/{x}/{y}.mvt`], maxzoom: 16 });
      ids = departmentStyles[style].map((layer, i) => {
        const mine = ['==', ['get', 'layer'], name];
        map.addLayer({ id: `${id}-${i}`, source, 'source-layer': sourceLayer, ...layer, filter: layer.filter ? ['all', mine, layer.filter] : mine });
        map.on('click', `${id}-${i}`, e => {
          const p = e.features[0].properties;
          new maplibregl.Popup().setLngLat(e.lngLat).setDOMContent(el('div', {}, ...Object.entries(p)
            .filter(([k]) => ['name', 'type', 'department', 'grid_code', 'kind', 'unit_id'].includes(k))
            .flatMap(([k, v]) => [el('b', {}, k), ' ', String(v), el('br')]))).addTo(map);
        });
        return `${id}-${i}`;
      });
    }
    ids.forEach(l => map.setLayoutProperty(l, 'visibility', on ? 'visible' : 'none'));
  };
  return button;
}
api('/api/v1/departments/layers').then(({ layers }) => {
  const box = document.getElementById('department-layers');
  for (const l of layers) {
    box.append(departmentSwitch(`dept-${l.name}`, l.name, l.name, l.kind));
    if (l.kind === 'units') box.append(departmentSwitch(`dept-${l.name}-conflicts`, `${l.name} 冲突`, l.name, 'conflicts'));
  }
  departmentSwitches = layers.length;
});

// a day and a night style: the panels by CSS, the map by paint
const THEMES = {
  night: { background: '#060a13', 'grid-lines': '#9fd3ff', roads: '#8a97ad', halo: '#060a13', text: '#d7e3f4' },
  day: { background: '#eef2f7', 'grid-lines': '#2f5f9e', roads: '#ffffff', halo: '#ffffff', text: '#1b2a44' },
};
document.getElementById('day').onclick = e => {
  const day = e.target.classList.toggle('on'), t = THEMES[day ? 'day' : 'night'];
  document.body.classList.toggle('day', day);
  map.setPaintProperty('background', 'background-color', t.background);
  map.setPaintProperty('grid-lines', 'line-color', t['grid-lines']);
  map.setPaintProperty('roads', 'line-color', t.roads);
  for (const id of ['road-names', 'area-names']) map.setPaintProperty(id, 'text-halo-color', t.halo);
  map.setPaintProperty('road-names', 'text-color', t.text);
};

// staffing shortfall as a layer: each grid's missing workers as its feature state
let shortfallLoaded = false;
async function loadShortfall() {
  if (shortfallLoaded) return;
  const staffing = await api('/api/v1/staffing');
  for (const g of staffing.grids) map.setFeatureState({ source: 'ga', sourceLayer: 'grids', id: g.code }, { shortfall: g.shortfall });
  shortfallLoaded = true;
}

// ---- the panels ----
const charts = Object.fromEntries(['trend', 'categories', 'sources'].map(id => [id, echarts.init(document.getElementById(id), null, { renderer: 'canvas' })]));
// the wall's unit (as style.css's --u): charts' text grows with the screen, from 1920×1080 to 3840×2160
const unit = () => Math.min(innerWidth / 100, innerHeight * 1.78 / 100) * (innerWidth / innerHeight >= 3 ? 0.34 : 1);
addEventListener('resize', () => {
  Object.values(charts).forEach(c => c.resize());
  fly();
  refresh();
});
const axis = () => ({ axisLabel: { color: '#7f93b3', fontSize: unit() * 0.65 }, axisLine: { lineStyle: { color: '#2a3c5e' } },
  splitLine: { lineStyle: { color: '#15223a' } } });
let trendBy = 'day';
for (const by of ['day', 'hour']) {
  document.getElementById('trend-' + by).onclick = () => {
    trendBy = by;
    ['day', 'hour'].forEach(b => document.getElementById('trend-' + b).classList.toggle('on', b === by));
    refresh();
  };
}

const summary = (by, since, until) => api(`/api/v1/reports/summary?by=${by}&since=${since.toISOString()}&until=${until.toISOString()}`
  + (here().code ? `&within=${here().code}` : ''));

async function refresh() {
  const now = new Date(), midnight = new Date(now); midnight.setHours(0, 0, 0, 0);
  const weekAgo = new Date(now - 7 * DAY), twoWeeksAgo = new Date(now - 14 * DAY);
  const level = here().level, rankBy = { district: 'street', street: 'community', community: 'grid' }[level];
  const [today, week, sources, ranking, thisWeek, lastWeek] = await Promise.all([
    summary('category', midnight, now), summary('category', weekAgo, now), summary('source', weekAgo, now),
    summary(rankBy, weekAgo, now),
    trendBy === 'day' ? summary('day', weekAgo, now) : summary('hour', midnight, now),
    trendBy === 'day' ? summary('day', twoWeeksAgo, weekAgo) : summary('hour', new Date(midnight - 7 * DAY), new Date(now - 7 * DAY)),
  ]);
  const pct = x => `${Math.round(x * 100)}%`;
  document.getElementById('t-today').textContent = today.total.reports;
  document.getElementById('t-week').textContent = week.total.reports;
  document.getElementById('t-settled').textContent = pct(week.total.settled_share);
  document.getElementById('t-overdue').textContent = week.total.overdue;
  document.getElementById('t-ingrid').textContent = pct(week.total.settled_in_grid_share);
  hierarchy.then(h => { document.getElementById('t-grids').textContent = gridsIn(h, here()).toLocaleString(); });

  // this week against last: the same slots, last week's shifted by seven days
  const slot = trendBy === 'day' ? 10 : 13, shift = 7 * DAY;
  const keys = [...new Set([...thisWeek.rows.map(r => r.key), ...lastWeek.rows.map(r => new Date(Date.parse(r.key) + shift).toISOString().replace('.000Z', 'Z'))])].sort();
  const count = (rows, k) => rows.find(r => r.key === k)?.reports ?? 0;
  const u = unit(), text = { color: '#d7e3f4', fontSize: u * 0.65 };
  charts.trend.setOption({
    animation: false, grid: { left: u * 2.2, right: u * 0.6, top: u * 1.6, bottom: u * 1.4 }, legend: { data: ['本期', '上周同期'], textStyle: text, top: 0 },
    xAxis: { type: 'category', data: keys.map(k => trendBy === 'day' ? k.slice(5, slot) : new Date(k).getHours() + '时'), ...axis() },
    yAxis: { type: 'value', minInterval: 1, ...axis() },
    series: [{ name: '本期', type: 'line', smooth: true, data: keys.map(k => count(thisWeek.rows, k)), itemStyle: { color: '#5ec8ff' } },
      { name: '上周同期', type: 'line', smooth: true, lineStyle: { type: 'dashed' }, itemStyle: { color: '#7f93b3' },
        data: keys.map(k => count(lastWeek.rows, new Date(Date.parse(k) - shift).toISOString().replace('.000Z', 'Z'))) }],
  }, true);
  charts.categories.setOption({
    animation: false, grid: { left: u * 5, right: u, top: u * 0.4, bottom: u * 1.2 }, xAxis: { type: 'value', minInterval: 1, ...axis() },
    yAxis: { type: 'category', inverse: true, data: week.rows.slice(0, 8).map(r => r.key), ...axis() },
    series: [{ type: 'bar', data: week.rows.slice(0, 8).map(r => r.reports), itemStyle: { color: '#2f6fd6' } }],
  }, true);
  charts.sources.setOption({
    animation: false, series: [{ type: 'pie', radius: ['40%', '70%'], label: text,
      data: sources.rows.map(r => ({ name: SOURCES[r.key] ?? r.key, value: r.reports })) }],
  }, true);

  document.getElementById('ranking-title').textContent = { street: '街道排名', community: '社区排名', grid: '网格排名' }[rankBy];
  const top = ranking.rows.filter(r => r.key !== 'none').slice(0, 12), most = Math.max(1, ...top.map(r => r.reports));
  fill(document.getElementById('ranking'), top.map(r => {
    const li = el('li', { dataset: { code: r.key } }, el('span', {}, r.name ?? r.key), el('span', {}, `${r.reports} · 办结${pct(r.settled_share)}`),
      el('span', { class: 'bar' }));
    li.lastChild.style.width = `${100 * r.reports / most}%`;
    if (rankBy !== 'grid') li.onclick = () => drill(rankBy, r.key, r.name ?? r.key);
    return li;
  }));
  fill(document.getElementById('crumbs'), scope.map((s, i) => {
    const b = el('button', {}, s.name);
    b.onclick = () => { scope = scope.slice(0, i + 1); refresh(); fly(); };
    return b;
  }));
  panelsRefreshed++;
  marks.panels ??= Math.round(performance.now());
  const overdue = (await api('/api/v1/reports?overdue=true&limit=2000')).reports.filter(r => r.lon !== null && within(r.grid_code));
  await mapReady;
  overdueShown = overdue.length;
  map.getSource('overdue').setData({ type: 'FeatureCollection', features: overdue
    .map(r => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: { id: r.id } })) });
}

const within = code => !here().code || (code ?? '').startsWith(here().code);
function gridsIn(h, s) {
  return h.communities.filter(c => !s.code || c.code.startsWith(s.code)).reduce((n, c) => n + c.grids.length, 0);
}

function drill(level, code, name) {
  scope = [...scope, { level, code, name }];
  refresh();
  fly();
}

// the map follows the scope: the bounds of its grids as the tiles draw them
function fly() {
  const s = here();
  if (!s.code) {
    map.fitBounds([[tilejson.bounds[0], tilejson.bounds[1]], [tilejson.bounds[2], tilejson.bounds[3]]], { padding: 30 });
    return;
  }
  const b = new maplibregl.LngLatBounds();
  for (const f of map.querySourceFeatures('ga', { sourceLayer: 'grids' })) {
    if (!String(f.properties.code).startsWith(s.code)) continue;
    const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
    rings[0].forEach(c => b.extend(c));
  }
  if (!b.isEmpty()) map.fitBounds(b, { padding: 40, duration: 1200 });
}

// ---- live: new reports and status changes; panels refresh at most once a second ----
let liveReports = 0, statusChanges = 0, panelsRefreshed = 0, pending = null;
const later = () => { pending ??= setTimeout(() => { pending = null; refresh(); }, 1000); };
const live = { type: 'FeatureCollection', features: [] };
function logLine(text, cls) {
  const list = document.getElementById('live');
  list.prepend(el('li', { class: cls }, text));
  while (list.children.length > 50) list.lastChild.remove(); // the wall runs for hours: the list stays short
}
function onReport(data) {
  const r = JSON.parse(data);
  liveReports++;
  if (r.lon !== null) {
    live.features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: { id: r.id } });
    if (live.features.length > 500) live.features.shift();
    map.getSource('live')?.setData(live);
  }
  logLine(`${new Date(r.time).toLocaleTimeString('zh-CN')} ${r.category} → ${r.grid_code ?? '未定位'}`);
  later();
}
liveEvents('/api/v1/reports/stream', () => token, {
  report: onReport,
  status: data => {
    const r = JSON.parse(data);
    statusChanges++;
    logLine(`${r.id} ${r.status}`, 'status');
    later();
  },
});

// ---- replay of the last 24 hours, and the tour for an unattended wall ----
let replayed = 0;
document.getElementById('replay').onclick = async () => {
  const since = new Date(Date.now() - DAY);
  const reports = (await api(`/api/v1/reports?since=${since.toISOString()}&limit=10000`)).reports.filter(r => r.lon !== null).reverse();
  const data = { type: 'FeatureCollection', features: [] }, seconds = 20, start = performance.now();
  replayed = 0;
  (function step(t) {
    const upTo = since.getTime() + DAY * Math.min(1, (t - start) / (seconds * 1000));
    while (replayed < reports.length && Date.parse(reports[replayed].time) <= upTo) {
      const r = reports[replayed++];
      data.features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: { id: r.id } });
    }
    map.getSource('replay').setData(data);
    document.getElementById('replay-clock').textContent = new Date(upTo).toLocaleString('zh-CN', { hour12: false });
    if (upTo < since.getTime() + DAY) requestAnimationFrame(step);
  })(start);
};
let touring = null;
async function tour(on) {
  document.getElementById('tour').classList.toggle('on', on);
  clearInterval(touring);
  touring = null;
  if (!on) return;
  const { streets } = await hierarchy;
  let i = 0;
  const next = () => {
    scope = scope.slice(0, 1);
    const s = streets[i++ % streets.length];
    drill('street', s.code, s.name);
  };
  next();
  touring = setInterval(next, 15000);
}
document.getElementById('tour').onclick = () => tour(!touring);
if (new URLSearchParams(location.search).has('tour')) tour(true);

setInterval(() => { document.getElementById('clock').textContent = new Date().toLocaleString('zh-CN', { hour12: false }); }, 1000);
await refresh();

// for the browser tests and the operators' console
window.__gridatlas = {
  map,
  renderedGrids: () => new Set(map.queryRenderedFeatures({ layers: ['grids'] }).map(f => f.properties.code)).size,
  liveReports: () => liveReports,
  statusChanges: () => statusChanges,
  panelsRefreshed: () => panelsRefreshed,
  liveRendered: () => map.queryRenderedFeatures({ layers: ['live'] }).length,
  replayed: () => replayed,
  overdueShown: () => overdueShown,
  rendered: layer => map.queryRenderedFeatures({ layers: [layer] }).length,
  marks: () => marks,
  scope: () => here(),
  chartPoints: id => charts[id].getOption().series.reduce((n, s) => n + s.data.length, 0),
  departmentSwitches: () => departmentSwitches,
};
