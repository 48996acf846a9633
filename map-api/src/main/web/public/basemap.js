// The offline base map both pages draw from GridAtlas's own tiles: roads by class, rivers and
// railways (the dataset's barriers) with their names along them, community and street boundaries
// and names. Names are drawn with the machine's own Chinese font (no glyph server: the map is given
// localIdeographFontFamily), so nothing comes from the internet.

export const FONTS = ['WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei'];

/** The vector source of every layer (/tiles/all); grids are identified by code for feature state. */
export const tileSource = () => ({ type: 'vector', tiles: [location.origin + '/tiles/all/{z}/{x}/{y}.mvt'], minzoom: 0, maxzoom: 16, promoteId: { grids: 'code' } });

/** Rivers, roads and railways (under the grids' outlines). */
export const lineLayers = source => [
  { id: 'rivers', type: 'line', source, 'source-layer': 'barriers', filter: ['==', ['get', 'kind'], 'river'], paint: { 'line-color': '#2e7fd1', 'line-width': 4 } },
  { id: 'roads', type: 'line', source, 'source-layer': 'barriers', filter: ['==', ['get', 'kind'], 'road'],
    paint: { 'line-color': '#8a97ad', 'line-opacity': 0.8, 'line-width': ['match', ['get', 'class'], 'major', 3, 'minor', 1.6, 0.6] } },
  { id: 'railways', type: 'line', source, 'source-layer': 'barriers', filter: ['==', ['get', 'kind'], 'railway'],
    paint: { 'line-color': '#b0a58f', 'line-width': 2, 'line-dasharray': [3, 2] } },
];

/** Community and street boundaries, road and river names, street and community names (over the grids). */
export const boundaryLayers = (source, halo) => [
  { id: 'communities', type: 'line', source, 'source-layer': 'communities', paint: { 'line-color': '#ffd166', 'line-width': 2 } },
  { id: 'streets', type: 'line', source, 'source-layer': 'streets', paint: { 'line-color': '#8fc1ff', 'line-width': 3, 'line-opacity': 0.7 } },
  { id: 'road-names', type: 'symbol', source, 'source-layer': 'barriers', minzoom: 14, filter: ['has', 'name'],
    layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-size': 12, 'text-font': FONTS },
    paint: { 'text-color': '#d7e3f4', 'text-halo-color': halo, 'text-halo-width': 1.5 } },
  { id: 'area-names', type: 'symbol', source, 'source-layer': 'labels',
    filter: ['any', ['==', ['get', 'kind'], 'street'], ['>=', ['zoom'], 13]],
    layout: { 'text-field': ['get', 'name'], 'text-font': FONTS, 'text-size': ['match', ['get', 'kind'], 'street', 18, 13] },
    paint: { 'text-color': ['match', ['get', 'kind'], 'street', '#8fc1ff', '#ffd166'], 'text-halo-color': halo, 'text-halo-width': 2 } },
];
