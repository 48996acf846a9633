// The planner's workbench in Debian's chromium (playwright-core), as a planner works: search an
// address and fly to its grid, draw a cut line across a grid with the mouse, see what it would do,
// preview it and see the balance chart change, commit, compare the two versions, print the
// community's grid map (PDF saved for the Java side to read), revert. Screenshots of the workbench.
// usage: node test/workbench.mjs BASE TOKEN COMMUNITY ADDRESS GRID PDF SHOT_DIR ; prints "RESULT ..."
import { launch, page as open } from './browser.mjs';

const [base, token, community, address, grid, pdf, shots] = process.argv.slice(2);
const browser = await launch();
// resolves once the map has drawn everything it was asked to (at once when it already has)
const idle = () => new Promise(r => { const m = window.__planner.map; if (m.loaded() && m.areTilesLoaded() && !m.isMoving()) r(); else m.once('idle', r); });
const out = {};
try {
  const { page, errors } = await open(browser);
  await page.goto(`${base}/planner.html?token=${token}&community=${community}`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelectorAll('#grid-list tbody tr').length > 0, null, { timeout: 60000 });

  // search an address: the map flies to its building and selects its grid
  await page.fill('#search', address);
  await page.click('#search-go');
  await page.waitForFunction(() => document.getElementById('search-result').textContent.startsWith('found'), null, { timeout: 30000 });
  out.found = await page.evaluate(() => window.__planner.state.grid);

  // the grid to cut, from the list; the cut line drawn with the mouse across it, through its middle
  await page.click(`#grid-list tr[data-code="${grid}"]`);
  await page.evaluate(code => window.__planner.selectGrid(code, true), grid);
  await page.click('.tools button[data-tool="cut"]');
  await page.evaluate(idle);
  const [a, b] = await page.evaluate(code => {
    const { map, state } = window.__planner;
    const f = state.grids.features.find(g => g.properties.code === code);
    const xs = f.geometry.coordinates[0].map(c => c[0]), ys = f.geometry.coordinates[0].map(c => c[1]);
    const w = Math.max(...xs) - Math.min(...xs), mid = (Math.min(...ys) + Math.max(...ys)) / 2;
    const box = map.getCanvas().getBoundingClientRect();
    return [[Math.min(...xs) - w * 0.1, mid], [Math.max(...xs) + w * 0.1, mid]].map(c => { const p = map.project(c); return [box.left + p.x, box.top + p.y]; });
  }, grid);
  await page.mouse.click(a[0], a[1]);
  await page.mouse.click(b[0], b[1]);
  out.effect = (await page.textContent('#effect')).includes('one side');
  const before = await page.evaluate(() => window.__planner.balance());
  await page.fill('#reason', '沿路切分网格');
  await page.click('#split-along');
  await page.waitForSelector('#preview:not([hidden])', { timeout: 30000 });
  const after = await page.evaluate(() => window.__planner.balance());
  out.chart = before.length === 1 && after.length === 2 && JSON.stringify(after[1].data) !== JSON.stringify(after[0].data);
  out.rules = (await page.textContent('#diff .ok'))?.trim().replace(/ /g, '_');
  out.added = (await page.evaluate(() => window.__planner.state.preview.change.added)).join(',');
  await page.screenshot({ path: `${shots}/planner-workbench.png` });

  // undo and redo the preview
  await page.click('#undo');
  out.undone = await page.evaluate(() => window.__planner.state.preview === null && window.__planner.balance().length === 1);
  await page.click('#redo');
  out.redone = await page.evaluate(() => window.__planner.state.preview !== null);

  await page.click('#commit');
  await page.waitForFunction(() => document.getElementById('message').textContent.startsWith('committed as version'), null, { timeout: 30000 });
  out.committed = (await page.textContent('#message')).replace(/ /g, '_');

  // the two versions compared, overlaid on the map and side by side in a table
  await page.selectOption('#compare-a', '1');
  await page.selectOption('#compare-b', '2');
  await page.click('#compare');
  await page.waitForFunction(() => document.getElementById('message').textContent.startsWith('compared'), null, { timeout: 30000 });
  out.compared = (await page.textContent('#message')).replace(/ /g, '_');
  await page.evaluate(idle);
  await page.screenshot({ path: `${shots}/planner-compare.png` });

  // the new grids printed
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('#print')]);
  await download.saveAs(pdf);
  out.printed = download.suggestedFilename();

  await page.click('#history button[data-version="1"]');
  await page.waitForFunction(() => document.getElementById('message').textContent.startsWith('reverted to version 1'), null, { timeout: 30000 });
  out.reverted = (await page.textContent('#message')).replace(/ /g, '_');
  out.errors = errors.length;
  console.log('RESULT ' + Object.entries(out).map(([k, v]) => `${k}=${v}`).join(' '));
  if (errors.length) console.log('page errors: ' + errors.join(' | '));
} finally {
  await browser.close();
}
