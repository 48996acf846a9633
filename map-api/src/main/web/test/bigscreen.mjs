// Browser test of the big screen: Debian's chromium driven headless by playwright-core.
// usage: node test/bigscreen.mjs BASE_URL SCREENSHOT.png ; prints "RESULT ..." and exits 0 when it all worked.
import { launch, page as open } from './browser.mjs';

const [base, screenshot] = process.argv.slice(2);
const browser = await launch();
let seen = [];
try {
  const { page, errors } = await open(browser);
  seen = errors;
  await page.goto(base + '/', { waitUntil: 'load' });
  await page.waitForFunction(() => window.__gridatlas && window.__gridatlas.map.loaded() && window.__gridatlas.renderedGrids() > 0, null, { timeout: 60000 });
  const grids = await page.evaluate(() => window.__gridatlas.renderedGrids());
  await page.waitForFunction(() => document.getElementById('grids').textContent !== '–', null, { timeout: 20000 });
  const before = await page.evaluate(() => window.__gridatlas.liveReports());
  const status = await page.evaluate(async () => {
    const c = window.__gridatlas.map.getCenter();
    const r = await fetch('/api/v1/reports', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'browser-' + Date.now(), category: 'litter', lon: c.lng, lat: c.lat, text: '浏览器测试' }) });
    return r.status;
  });
  await page.waitForFunction(b => window.__gridatlas.liveReports() > b && window.__gridatlas.liveRendered() > 0, before, { timeout: 20000 });
  await page.waitForFunction(() => Number(document.getElementById('today').textContent) > 0, null, { timeout: 20000 });
  const panel = await page.evaluate(() => ({ grids: document.getElementById('grids').textContent, live: document.querySelectorAll('#live li').length }));
  // a grid's popup: names from the data (a 片区 named in markup) are shown as text and run nothing
  const spot = await page.evaluate(() => {
    const m = window.__gridatlas.map;
    for (let y = 100; y < innerHeight - 100; y += 25) for (let x = 100; x < innerWidth - 100; x += 25) {
      if (document.elementFromPoint(x, y)?.tagName === 'CANVAS' && m.queryRenderedFeatures([x, y], { layers: ['grids'] }).length) return { x, y };
    }
    return null;
  });
  await page.mouse.click(spot.x, spot.y);
  await page.waitForSelector('.maplibregl-popup-content', { timeout: 20000 });
  const popup = await page.evaluate(() => ({ images: document.querySelectorAll('.maplibregl-popup-content img').length, ran: window.__xss === 1,
    text: document.querySelector('.maplibregl-popup-content').textContent }));
  const popupAsText = popup.images === 0 && !popup.ran && popup.text.includes('<img src=x onerror="window.__xss=1">');
  await page.waitForTimeout(500);
  await page.screenshot({ path: screenshot });
  console.log(`RESULT rendered_grids=${grids} post_status=${status} panel_grids=${panel.grids} live_items=${panel.live} popup_as_text=${popupAsText} errors=${errors.length}`);
  if (errors.length) console.log('page errors: ' + errors.join(' | '));
  process.exitCode = grids > 0 && status === 201 && panel.live > 0 && popupAsText ? 0 : 1;
} catch (e) {
  console.log('page errors: ' + seen.join(' | '));
  throw e;
} finally {
  await browser.close();
}
