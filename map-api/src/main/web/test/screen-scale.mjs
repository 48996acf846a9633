// The command centre's screen at the scale of a real district, in Debian's headless chromium.
// usage: node test/screen-scale.mjs BASE_URL EXPECTED_LIVE_REPORTS WAIT_SECONDS
// Prints "FIRST_RENDER <ms> panels <ms> map <ms> baseline <ms>" once every panel and the map have drawn, then "READY" (the caller then
// posts reports), then "SAMPLE <s> <received> <heap MB>" every 5 s, and "RESULT ..." at the end (every heap
// figure measured right after a full garbage collection).
import { launch, page as open } from './browser.mjs';

const [base, expected, waitSeconds] = process.argv.slice(2);
const browser = await launch();
try {
  const { page, errors } = await open(browser);
  await page.setViewportSize({ width: 1920, height: 1080 });
  // the baseline, in the same browser and run: a page with nothing to draw, navigation start to load
  await page.goto(base + '/health', { waitUntil: 'load' });
  const baseline = await page.evaluate(() => Math.round(performance.getEntriesByType('navigation')[0].loadEventEnd));
  await page.goto(base + '/', { waitUntil: 'load' });
  await page.waitForFunction(() => window.__gridatlas && window.__gridatlas.renderedGrids() > 0 && window.__gridatlas.panelsRefreshed() > 0,
    null, { timeout: 120000, polling: 20 });
  // from navigation start to the first full screen: the page's own clock
  const marks = await page.evaluate(() => window.__gridatlas.marks());
  console.log(`FIRST_RENDER ${Math.max(marks.panels, marks.map)} panels ${marks.panels} map ${marks.map} baseline ${baseline}`);
  const heap = () => page.evaluate(() => performance.memory ? performance.memory.usedJSHeapSize / 1048576 : NaN);
  // what the page keeps, not what it has yet to collect: the heap right after a full collection
  const kept = async () => { await page.evaluate(() => window.gc()); return heap(); };
  const heapStart = await kept();
  console.log('READY');
  const start = Date.now(), samples = [];
  let received = 0;
  while (Date.now() - start < Number(waitSeconds) * 1000) {
    await page.waitForTimeout(5000); // a sample every 5 s is the measurement's own rhythm
    received = await page.evaluate(() => window.__gridatlas.liveReports());
    const mb = await kept();
    samples.push(mb);
    console.log(`SAMPLE ${Math.round((Date.now() - start) / 1000)} ${received} ${mb.toFixed(1)}`);
    if (received >= Number(expected)) break;
  }
  const heapEnd = await kept();
  console.log(`RESULT received=${received} expected=${expected} heap_start_mb=${heapStart.toFixed(1)} heap_max_mb=${Math.max(...samples).toFixed(1)}`
    + ` heap_end_mb=${heapEnd.toFixed(1)} errors=${errors.length}`);
  if (errors.length) console.log('page errors: ' + errors.slice(0, 5).join(' | '));
} finally {
  await browser.close();
}
