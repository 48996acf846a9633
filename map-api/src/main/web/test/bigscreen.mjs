// Browser test of the command centre's screen: Debian's chromium driven headless by playwright-core.
// usage: node test/bigscreen.mjs BASE_URL TOKEN SHOT_1920.png SHOT_3840.png
// prints "RESULT ..." and exits 0 when every panel showed data, the drill-down moved them all,
// a posted report arrived live, a status change moved the totals and the replay ran. The server's
// reads need TOKEN: the page, opened with ?token=, must send it with every tile and the live stream.
import { launch, page as open } from './browser.mjs';

const [base, token, shot1920, shot3840] = process.argv.slice(2);
const browser = await launch();
let seen = [];
const checks = {};
// every tile answered, and how (MapLibre fetches them in its worker; its responses are the page's too)
const tiles = { ok: 0, refused: 0 };
try {
  const { page, errors } = await open(browser);
  seen = errors;
  page.on('response', r => {
    if (!new URL(r.url()).pathname.endsWith('.mvt')) return;
    if (r.status() === 200) tiles.ok++; else if (r.status() >= 400) tiles.refused++;
  });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${base}/?token=${token}`, { waitUntil: 'load' });
  // (the overdue reports pulse, so the map is never idle: wait for what it drew, not for it to rest)
  await page.waitForFunction(() => window.__gridatlas && window.__gridatlas.renderedGrids() > 0 && window.__gridatlas.panelsRefreshed() > 0,
    null, { timeout: 60000 });
  const read = () => page.evaluate(() => ({
    week: Number(document.getElementById('t-week').textContent), today: Number(document.getElementById('t-today').textContent),
    settled: document.getElementById('t-settled').textContent, overdue: document.getElementById('t-overdue').textContent,
    ingrid: document.getElementById('t-ingrid').textContent, grids: document.getElementById('t-grids').textContent,
    trend: window.__gridatlas.chartPoints('trend'), categories: window.__gridatlas.chartPoints('categories'),
    sources: window.__gridatlas.chartPoints('sources'), ranking: document.querySelectorAll('#ranking li').length,
    rankingTitle: document.getElementById('ranking-title').textContent, refreshed: window.__gridatlas.panelsRefreshed(),
    scope: window.__gridatlas.scope().code,
  }));
  const first = await read();
  checks.tiles = tiles.ok > 0 && tiles.refused === 0;
  // a map that reads as a city: roads (Monaco's OpenStreetMap lines) and the names of its communities and street
  checks.city = await page.evaluate(() => window.__gridatlas.rendered('roads') > 0 && window.__gridatlas.rendered('area-names') > 0);
  checks.panels = first.week > 0 && first.trend > 0 && first.categories > 0 && first.sources > 0 && first.ranking > 0 && first.settled.endsWith('%')
    && Number(first.overdue) > 0 && await page.evaluate(() => window.__gridatlas.overdueShown() > 0);
  await page.screenshot({ path: shot1920 });

  // drill down twice (district → street → community): every panel follows
  for (let level = 0; level < 2; level++) {
    const before = await read();
    await page.click('#ranking li');
    await page.waitForFunction(n => window.__gridatlas.panelsRefreshed() > n, before.refreshed, { timeout: 20000 });
  }
  const drilled = await read();
  checks.drill = drilled.scope?.length === 12 && drilled.rankingTitle === '网格排名' && drilled.week < first.week && drilled.grids !== first.grids
    && drilled.categories > 0;
  await page.click('#crumbs button');
  await page.waitForFunction(() => window.__gridatlas.scope().code === null, null, { timeout: 20000 });

  // a report posted now arrives live and counts today; a status change moves the totals
  const beforeLive = await page.evaluate(() => window.__gridatlas.liveReports());
  const at = await read();
  const posted = await page.evaluate(async () => {
    const c = window.__gridatlas.map.getCenter();
    const r = await fetch('/api/v1/reports', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'screen-' + Date.now(), category: '垃圾', source: 'wechat', lon: c.lng, lat: c.lat, text: '浏览器测试' }) });
    return (await r.json()).id;
  });
  await page.waitForFunction(b => window.__gridatlas.liveReports() > b && window.__gridatlas.liveRendered() > 0, beforeLive, { timeout: 20000 });
  await page.waitForFunction(n => Number(document.getElementById('t-today').textContent) > n, at.today, { timeout: 20000 });
  checks.live = true;
  const settledBefore = (await read()).settled;
  const moved = await page.evaluate(async ([id, token]) => {
    let last = 0;
    for (const status of ['dispatched', 'in_progress', 'resolved']) {
      const r = await fetch('/api/v1/reports/' + id, { method: 'PATCH', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
        body: JSON.stringify({ status, note: '浏览器测试' }) });
      last = r.status;
    }
    return last;
  }, [posted, token]);
  await page.waitForFunction(s => window.__gridatlas.statusChanges() >= 3 && document.getElementById('t-settled').textContent !== s, settledBefore, { timeout: 20000 });
  checks.status = moved === 200;

  await page.click('#replay');
  await page.waitForFunction(() => window.__gridatlas.replayed() > 0, null, { timeout: 30000 });
  checks.replay = true;

  // a grid's popup: names from the data (a 片区 named in markup) are shown as text and run nothing
  const spot = await page.evaluate(() => {
    const m = window.__gridatlas.map, canvas = m.getCanvas(), box = canvas.getBoundingClientRect();
    for (let y = 60; y < box.height - 60; y += 25) for (let x = 60; x < box.width - 60; x += 25) {
      if (document.elementFromPoint(box.left + x, box.top + y) === canvas && m.queryRenderedFeatures([x, y], { layers: ['grids'] }).length) {
        return { x: box.left + x, y: box.top + y };
      }
    }
    return null;
  });
  await page.mouse.click(spot.x, spot.y);
  await page.waitForSelector('.maplibregl-popup-content', { timeout: 20000 });
  const popup = await page.evaluate(() => ({ images: document.querySelectorAll('.maplibregl-popup-content img').length, ran: window.__xss === 1,
    text: document.querySelector('.maplibregl-popup-content').textContent }));
  checks.popupAsText = popup.images === 0 && !popup.ran && popup.text.includes('<img src=x onerror="window.__xss=1">');

  // other departments' layers: police beats as outlines, their conflicts with the grids, cameras as points
  await page.waitForFunction(() => window.__gridatlas.departmentSwitches() >= 2, null, { timeout: 20000 });
  for (const id of ['dept-beats', 'dept-beats-conflicts', 'dept-cameras']) {
    await page.click(`#department-layers button[data-layer="${id}"]`);
    // the layers exist once the switch has loaded them; what counts is that they draw something
    await page.waitForFunction(l => [l + '-0', l + '-1'].filter(x => window.__gridatlas.map.getLayer(x)).reduce((n, x) => n + window.__gridatlas.rendered(x), 0) > 0,
      id, { timeout: 20000 });
  }
  checks.departments = true;

  await page.click('#day');
  checks.day = await page.evaluate(() => document.body.classList.contains('day')
    && window.__gridatlas.map.getPaintProperty('background', 'background-color') === '#eef2f7');
  await page.click('#day');

  await page.setViewportSize({ width: 3840, height: 2160 });
  // the map redraws at the new size: the picture to take is its next frame
  await page.evaluate(() => new Promise(resolve => { window.__gridatlas.map.once('render', resolve); window.__gridatlas.map.resize(); }));
  await page.screenshot({ path: shot3840 });
  const ok = Object.values(checks).every(Boolean) && errors.length === 0;
  console.log(`RESULT ${Object.entries(checks).map(([k, v]) => `${k}=${v}`).join(' ')} first=${JSON.stringify(first)} drilled=${JSON.stringify(drilled)} tiles=${JSON.stringify(tiles)} errors=${errors.length}`);
  if (errors.length) console.log('page errors: ' + errors.join(' | '));
  process.exitCode = ok ? 0 : 1;
} catch (e) {
  console.log(`checks so far: ${JSON.stringify(checks)}; tiles ${JSON.stringify(tiles)}; page errors: ${seen.join(' | ')}`);
  throw e;
} finally {
  await browser.close();
}
