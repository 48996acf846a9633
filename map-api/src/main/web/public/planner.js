// GridAtlas planner page: pick a community, see its grids with households and rule violations,
// select buildings or grids, preview a change (what moves, which codes are kept, retired or new,
// the rules checked) and commit it over the version it was made on.
import * as maplibregl from '/vendor/maplibre-gl.mjs';
import { el, fill, takeToken, keepToken } from '/page.js';

const $ = id => document.getElementById(id);
const empty = { type: 'FeatureCollection', features: [] };
const state = { community: null, version: null, grids: empty, buildings: empty, grid: null, picked: new Set(), preview: null };
const params = new URLSearchParams(location.search);
$('token').value = takeToken();
$('token').onchange = () => keepToken($('token').value);

const map = new maplibregl.Map({
  container: 'map', attributionControl: false, center: [0, 0], zoom: 1,
  style: {
    version: 8,
    sources: { grids: { type: 'geojson', data: empty }, buildings: { type: 'geojson', data: empty }, preview: { type: 'geojson', data: empty } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#070b14' } },
      // grids breaking a rule (flagged) in red
      { id: 'grids', type: 'fill', source: 'grids', paint: { 'fill-color': ['case', ['>', ['length', ['get', 'flags']], 0], '#8a3b2e', '#2f6fd6'], 'fill-opacity': 0.45 } },
      { id: 'grid-lines', type: 'line', source: 'grids', paint: { 'line-color': '#9fd3ff', 'line-width': 1.5 } },
      { id: 'selected', type: 'line', source: 'grids', filter: ['==', ['get', 'code'], ''], paint: { 'line-color': '#ffd166', 'line-width': 4 } },
      { id: 'buildings', type: 'fill', source: 'buildings', paint: { 'fill-color': ['case', ['boolean', ['feature-state', 'picked'], false], '#ffd166', '#c7d5ea'], 'fill-opacity': 0.8 } },
      { id: 'preview', type: 'line', source: 'preview', paint: { 'line-color': '#7be38b', 'line-width': 2.5, 'line-dasharray': [2, 1] } },
    ],
  },
});
map.addControl(new maplibregl.NavigationControl(), 'top-left');

const api = async (path, options = {}) => {
  const headers = { ...(options.headers || {}) };
  if ($('token').value) headers.Authorization = 'Bearer ' + $('token').value;
  const r = await fetch(path, { ...options, headers });
  const body = r.headers.get('content-type')?.includes('json') ? await r.json() : null;
  return { status: r.status, body, etag: r.headers.get('ETag') };
};
const say = (text, error = false) => { $('message').textContent = text; $('message').className = error ? 'error' : ''; };

async function loadCommunities() {
  const { body } = await api('/api/v1/communities');
  fill($('community'), body.features.filter(f => f.properties.grids > 0)
    .map(f => el('option', { value: f.properties.code }, `${f.properties.name} ${f.properties.code} (${f.properties.grids})`)));
  $('community').value = params.get('community') || $('community').value;
  await loadCommunity();
}

async function loadCommunity() {
  state.community = $('community').value;
  state.grid = null; state.picked.clear(); clearPreview();
  const [grids, buildings, versions] = await Promise.all([
    api(`/api/v1/grids?community=${state.community}&level=grid&limit=1000`),
    api(`/api/v1/communities/${state.community}/buildings`),
    api(`/api/v1/communities/${state.community}/versions`)]);
  state.grids = grids.body; state.buildings = buildings.body; state.version = versions.body.version;
  state.buildings.features.forEach((f, i) => { f.id = i; });
  map.getSource('grids').setData(state.grids);
  map.getSource('buildings').setData(state.buildings);
  $('version').textContent = `version ${state.version} · ${versions.body.versions.length} recorded`;
  fill($('history'), versions.body.versions.map(v => el('li', {}, `v${v.version} ${v.author} · ${new Date(v.time).toLocaleString()} · ${v.reason ?? ''} `,
    v.version < state.version ? el('button', { dataset: { version: v.version } }, 'revert to') : null)));
  $('history').querySelectorAll('button').forEach(b => b.onclick = () => revert(b.dataset.version));
  const b = new maplibregl.LngLatBounds();
  state.grids.features.forEach(f => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).forEach(p => p[0].forEach(c => b.extend(c))));
  if (!b.isEmpty()) map.fitBounds(b, { padding: 30, duration: 0 });
  renderList();
  drawLabels();
}

function renderList() {
  const rows = state.grids.features.map(f => {
    const p = f.properties;
    return el('tr', { dataset: { code: p.code }, class: p.code === state.grid ? 'selected' : '' }, el('td', {}, p.code.slice(-3)), el('td', {}, p.households),
      el('td', { class: p.flags.length ? 'bad' : '' }, p.flags.length ? p.flags.join(', ') : 'ok'));
  });
  fill($('grid-list').querySelector('tbody'), rows);
  $('grid-list').querySelectorAll('tr[data-code]').forEach(tr => tr.onclick = () => selectGrid(tr.dataset.code));
  fill($('other'), state.grids.features.filter(f => f.properties.code !== state.grid)
    .map(f => el('option', { value: f.properties.code }, `${f.properties.code} (${f.properties.households} 户)`)));
  $('selection').textContent = `grid ${state.grid ?? '–'} · buildings ${[...state.picked].map(i => state.buildings.features[i].properties.id).join(', ') || '–'}`;
  map.setFilter('selected', ['==', ['get', 'code'], state.grid ?? '']);
}

// grid codes and households on the map (HTML markers: no glyph server offline)
let labels = [];
function drawLabels() {
  labels.forEach(m => m.remove());
  labels = state.grids.features.map(f => {
    const b = new maplibregl.LngLatBounds();
    (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).forEach(p => p[0].forEach(c => b.extend(c)));
    const el = document.createElement('div');
    el.className = 'grid-label';
    el.textContent = `${f.properties.code.slice(-3)} · ${f.properties.households}户`;
    return new maplibregl.Marker({ element: el }).setLngLat(b.getCenter()).addTo(map);
  });
}

function selectGrid(code) { state.grid = code; renderList(); }
function pickBuilding(i) {
  state.picked.has(i) ? state.picked.delete(i) : state.picked.add(i);
  map.setFeatureState({ source: 'buildings', id: i }, { picked: state.picked.has(i) });
  renderList();
}
map.on('click', 'buildings', e => { if (e.originalEvent.shiftKey) pickBuilding(e.features[0].id); });
map.on('click', 'grids', e => { if (!e.originalEvent.shiftKey) selectGrid(e.features[0].properties.code); });

async function preview(change) {
  change.reason = $('reason').value || undefined;
  const r = await api(`/api/v1/communities/${state.community}/changes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(change) });
  if (r.status !== 201) return say(r.body?.error ? `${r.body.error.field}: ${r.body.error.message}` : `refused (${r.status})`, true);
  state.preview = r.body;
  map.getSource('preview').setData(r.body);
  const c = r.body.change, v = r.body.verification;
  fill($('diff'),
    el('div', { class: v.passed ? 'ok' : 'fail' }, `rules: ${v.passed ? 'all kept' : JSON.stringify(v.violations)}`),
    el('div', {}, `${c.buildings_moved} buildings, ${c.households_moved} households change grid`),
    el('div', {}, `kept: ${c.kept.join(', ') || '–'}`),
    el('div', {}, 'retired: ', el('span', { id: 'retired' }, c.retired.join(', ') || '–')),
    el('div', {}, `new: ${c.added.join(', ') || '–'}`),
    c.moves.slice(0, 20).map(m => el('div', { class: 'muted' }, `${m.building}: ${m.from.slice(-3)} → ${m.to.slice(-3)} (${m.households} 户)`)));
  $('preview').hidden = false;
  say('preview ready: check it, then commit');
}

function clearPreview() { state.preview = null; $('preview').hidden = true; map.getSource('preview')?.setData(empty); }

$('move').onclick = () => preview({ op: 'move', buildings: [...state.picked].map(i => state.buildings.features[i].properties.id), to: $('other').value });
$('split').onclick = () => preview({ op: 'split', grid: state.grid });
$('merge').onclick = () => preview({ op: 'merge', grids: [state.grid, $('other').value] });
$('rerun').onclick = () => preview({ op: 'rerun', locked: state.grids.features.map(f => f.properties.code).filter(c => c !== state.grid && c !== $('other').value) });
$('discard').onclick = () => { clearPreview(); say(''); };
$('commit').onclick = async () => {
  const p = state.preview;
  const r = await api(`/api/v1/communities/${state.community}/changes/${p.id}/commit`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'If-Match': `"v${p.base_version}"` }, body: JSON.stringify({ reason: $('reason').value || null }) });
  if (r.status !== 200) return say(r.body?.error ? r.body.error.message : `commit failed (${r.status})`, true);
  await loadCommunity();
  say(`committed as version ${r.body.version}`);
};
async function revert(version) {
  const r = await api(`/api/v1/communities/${state.community}/versions/${version}/revert`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'If-Match': `"v${state.version}"` }, body: JSON.stringify({ reason: $('reason').value || null }) });
  if (r.status !== 200) return say(r.body?.error ? r.body.error.message : `revert failed (${r.status})`, true);
  await loadCommunity();
  say(`reverted to version ${version} as version ${r.body.version}`);
}

$('show-as-of').onclick = async () => {
  if (!$('as-of').value) return say('pick a date and time first', true);
  const at = new Date($('as-of').value).toISOString();
  const r = await api(`/api/v1/communities/${state.community}/grids?as_of=${encodeURIComponent(at)}`);
  map.getSource('preview').setData(r.body);
  say(`outlined: the grids as of ${at} (version ${r.body.version ?? 'before any edit'})`);
};
$('community').onchange = loadCommunity;
map.on('load', loadCommunities);

// for the browser test
window.__planner = { map, state, selectGrid, pickBuildingById: id => pickBuilding(state.buildings.features.findIndex(f => f.properties.id === id)) };

// every grid as a file for GIS tools, in the system asked (the API refuses one it cannot write, with why)
$('export').onclick = async () => {
  const file = $('export-format').value, crs = $('export-crs').value.trim();
  const headers = $('token').value ? { Authorization: 'Bearer ' + $('token').value } : {};
  const r = await fetch(`/api/v1/export/${file}` + (crs ? `?crs=${encodeURIComponent(crs)}` : ''), { headers });
  if (!r.ok) {
    const e = r.headers.get('content-type')?.includes('json') ? await r.json() : null;
    say(e?.error?.message || `export refused: ${r.status}`, true);
    return;
  }
  const url = URL.createObjectURL(await r.blob());
  const a = el('a', { href: url, download: file });
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
  say(`downloaded ${file}${crs ? ' in ' + crs : ' in lon/lat'}`);
};
