// GridAtlas big screen: our own vector tiles only (no base map from the internet),
// grids coloured by households or report load, live reports over server-sent events.
import * as maplibregl from '/vendor/maplibre-gl.mjs';
import { el, fill } from '/page.js';

const byHouseholds = ['interpolate', ['linear'], ['get', 'households'], 0, '#1b3a6b', 300, '#2f6fd6', 500, '#5ec8ff', 600, '#ff8a5c'];
const byReports = ['interpolate', ['linear'], ['get', 'reports'], 0, '#1a2a40', 1, '#c9a227', 5, '#ff5a5f'];
let liveReports = 0;

const tilejson = await (await fetch('/tiles/all.json')).json();
const map = new maplibregl.Map({
  container: 'map',
  bounds: [[tilejson.bounds[0], tilejson.bounds[1]], [tilejson.bounds[2], tilejson.bounds[3]]],
  fitBoundsOptions: { padding: 30 },
  attributionControl: false,
  style: {
    version: 8,
    sources: {
      ga: { type: 'vector', tiles: [location.origin + '/tiles/all/{z}/{x}/{y}.mvt'], minzoom: 0, maxzoom: 16 },
      live: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#070b14' } },
      { id: 'streets', type: 'line', source: 'ga', 'source-layer': 'streets', paint: { 'line-color': '#8fc1ff', 'line-width': 3, 'line-opacity': 0.6 } },
      { id: 'grids', type: 'fill', source: 'ga', 'source-layer': 'grids', paint: { 'fill-color': byHouseholds, 'fill-opacity': 0.55 } },
      { id: 'grid-lines', type: 'line', source: 'ga', 'source-layer': 'grids', paint: { 'line-color': '#9fd3ff', 'line-width': 1.2 } },
      { id: 'micro', type: 'line', source: 'ga', 'source-layer': 'micro_grids', minzoom: 16, paint: { 'line-color': '#6b86b3', 'line-width': 0.6, 'line-dasharray': [2, 2] } },
      { id: 'buildings', type: 'fill', source: 'ga', 'source-layer': 'buildings', minzoom: 14, paint: { 'fill-color': '#c7d5ea', 'fill-opacity': 0.35 } },
      { id: 'communities', type: 'line', source: 'ga', 'source-layer': 'communities', paint: { 'line-color': '#ffd166', 'line-width': 2.2 } },
      { id: 'reports', type: 'circle', source: 'ga', 'source-layer': 'reports', paint: { 'circle-radius': 4, 'circle-color': '#ff5a5f', 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } },
      { id: 'live', type: 'circle', source: 'live', paint: { 'circle-radius': 9, 'circle-color': '#ff2d55', 'circle-opacity': 0.9, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } },
    ],
  },
});
map.addControl(new maplibregl.NavigationControl(), 'top-left');

// grid codes as HTML labels at high zoom: no glyph server is reachable offline
let labels = [];
function drawLabels() {
  labels.forEach(m => m.remove());
  labels = [];
  if (map.getZoom() < 15) return;
  const seen = new Map();
  for (const f of map.queryRenderedFeatures({ layers: ['grids'] })) {
    const b = new maplibregl.LngLatBounds();
    const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
    rings[0].forEach(c => b.extend(c));
    const prev = seen.get(f.properties.code);
    if (!prev || prev.area < area(b)) seen.set(f.properties.code, { b, area: area(b), f });
  }
  for (const [code, { b, f }] of seen) {
    const el = document.createElement('div');
    el.className = 'grid-label';
    el.textContent = `${code.slice(-3)} · ${f.properties.households}户`;
    labels.push(new maplibregl.Marker({ element: el }).setLngLat(b.getCenter()).addTo(map));
  }
}
const area = b => (b.getEast() - b.getWest()) * (b.getNorth() - b.getSouth());
map.on('moveend', drawLabels);

map.on('click', 'grids', async e => {
  // MapLibre takes e.features back once this handler returns: read them before the first await
  const { code, reports } = e.features[0].properties;
  const g = await (await fetch(`/api/v1/grids/${code}`)).json();
  const h = g.properties.hierarchy;
  const chain = [h.district?.name, h.street?.name, h.zone?.name, h.community?.name].filter(Boolean).join(' › ');
  new maplibregl.Popup().setLngLat(e.lngLat).setDOMContent(el('div', {}, el('b', {}, code), el('br'), chain, el('br'),
    `${g.properties.households} households · ${g.properties.buildings} buildings`, el('br'), `${reports} reports in 24 h`,
    g.properties.staffing?.chief ? [el('br'), `网格长 ${g.properties.staffing.chief.name}`] : null)).addTo(map);
});

for (const [id, colour] of [['by-households', byHouseholds], ['by-reports', byReports]]) {
  document.getElementById(id).onclick = () => {
    map.setPaintProperty('grids', 'fill-color', colour);
    document.querySelectorAll('.mode button').forEach(b => b.classList.toggle('on', b.id === id));
  };
}

async function refreshPanel() {
  const tree = await (await fetch('/api/v1/hierarchy')).json();
  let grids = 0, households = 0;
  for (const d of tree.districts) {
    households += d.households;
    for (const s of d.streets) for (const c of [...s.communities, ...(s.zones || []).flatMap(z => z.communities)]) grids += c.grids.length;
  }
  const midnight = new Date(); midnight.setHours(0, 0, 0, 0);
  const counts = await (await fetch(`/api/v1/reports/counts?since=${midnight.toISOString()}`)).json();
  document.getElementById('grids').textContent = grids;
  document.getElementById('households').textContent = households.toLocaleString();
  document.getElementById('today').textContent = counts.total;
  fill(document.getElementById('top'), counts.top.map(t => el('li', {}, `${t.code} — ${t.reports}`)));
}
refreshPanel();

const live = { type: 'FeatureCollection', features: [] };
const events = new EventSource('/api/v1/reports/stream');
events.addEventListener('report', e => {
  const r = JSON.parse(e.data);
  liveReports++;
  live.features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: { id: r.id } });
  map.getSource('live').setData(live);
  const li = document.createElement('li');
  li.textContent = `${new Date(r.time).toLocaleTimeString()} ${r.category} → ${r.grid_code ?? 'outside coverage'}`;
  document.getElementById('live').prepend(li);
  refreshPanel();
});

// for the browser test and the operators' console
window.__gridatlas = {
  map,
  renderedGrids: () => new Set(map.queryRenderedFeatures({ layers: ['grids'] }).map(f => f.properties.code)).size,
  liveReports: () => liveReports,
  liveRendered: () => map.queryRenderedFeatures({ layers: ['live'] }).length,
};
