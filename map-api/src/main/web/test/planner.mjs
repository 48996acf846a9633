// Browser test of the planner page in Debian's chromium (playwright-core): select two neighbouring
// grids, preview their merge, check the diff, commit it, see the new version, then revert it from the history.
// The reason typed is markup: it must come back as text, and run nothing. The token given in the
// address is taken once and leaves the address bar. Every grid is downloaded as a zipped Shapefile in
// UTM, and a system no .prj is written for is refused with why. A CSP violation is a console error,
// so errors=0 covers it.
// usage: node test/planner.mjs BASE_URL TOKEN COMMUNITY GRID_A GRID_B SCREENSHOT.png ; prints "RESULT ..."
import { readFileSync, statSync } from 'node:fs';
import { launch, page as open } from './browser.mjs';

const [base, token, community, gridA, gridB, screenshot] = process.argv.slice(2);
const browser = await launch();
try {
  const { page, errors } = await open(browser);
  await page.goto(`${base}/planner.html?token=${token}&community=${community}`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelectorAll('#grid-list tbody tr').length > 0, null, { timeout: 60000 });
  const before = await page.evaluate(() => document.querySelectorAll('#grid-list tbody tr').length);
  const address = await page.evaluate(() => ({ search: location.search, session: sessionStorage.getItem('gridatlas-token'), local: localStorage.length }));
  const tokenTaken = !address.search.includes('token=') && address.search.includes('community=') && address.session === token && address.local === 0;

  await page.click(`#grid-list tr[data-code="${gridA}"]`);
  await page.selectOption('#other', gridB);
  await page.fill('#reason', '<img src=x onerror="window.__xss=1">两个网格合并');
  await page.click('#merge');
  await page.waitForSelector('#preview:not([hidden])', { timeout: 30000 });
  const retired = await page.textContent('#retired');
  const rules = await page.textContent('#diff .ok');
  await page.screenshot({ path: screenshot });
  await page.click('#commit');
  await page.waitForFunction(() => document.getElementById('message').textContent.startsWith('committed as version'), null, { timeout: 30000 });
  const committed = await page.textContent('#message');
  const after = await page.evaluate(() => document.querySelectorAll('#grid-list tbody tr').length);

  const status = await page.evaluate(() => document.getElementById('version').textContent);
  const history = await page.evaluate(() => ({ images: document.querySelectorAll('#history img').length, ran: window.__xss === 1,
    text: document.getElementById('history').textContent.includes('<img src=x onerror="window.__xss=1">两个网格合并') }));
  const reasonAsText = history.images === 0 && !history.ran && history.text;

  // the merge is undone from the history list, as a new version
  await page.click('#history button[data-version="1"]');
  await page.waitForFunction(() => document.getElementById('message').textContent.startsWith('reverted to version 1'), null, { timeout: 30000 });
  const reverted = await page.textContent('#message');
  const rowsReverted = await page.evaluate(() => document.querySelectorAll('#grid-list tbody tr').length);

  // every grid downloaded as a Shapefile in UTM zone 32N; a system no .prj is written for is refused with why
  await page.selectOption('#export-format', 'grids-shp.zip');
  await page.fill('#export-crs', 'EPSG:32632');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click('#export')]);
  const zipBytes = statSync(await download.path()).size;
  const exported = `${download.suggestedFilename()}:${zipBytes > 1000 && readFileSync(await download.path()).subarray(0, 2).toString() === 'PK'}`;
  await page.fill('#export-crs', 'EPSG:3857');
  await page.click('#export');
  await page.waitForFunction(() => document.getElementById('message').className === 'error', null, { timeout: 30000 });
  const refusedExport = (await page.textContent('#message')).includes('EPSG:3857');
  // the browser reports the refused request itself as a console error: that one is expected
  const expected = errors.findIndex(e => e.includes('status of 400'));
  if (expected >= 0) errors.splice(expected, 1);
  console.log(`RESULT rows_before=${before} rows_after=${after} retired=${retired.trim()} rules=${(rules || '').trim().replace(/ /g, '_')} ` +
    `committed=${committed.replace(/ /g, '_')} version=${status.replace(/ /g, '_')} reverted=${reverted.replace(/ /g, '_')} rows_reverted=${rowsReverted} token_taken=${tokenTaken} reason_as_text=${reasonAsText} ` +
    `exported=${exported} refused_export=${refusedExport} errors=${errors.length}`);
  if (errors.length) console.log('page errors: ' + errors.join(' | '));
  process.exitCode = after === before - 1 && tokenTaken && reasonAsText && errors.length === 0 ? 0 : 1;
} finally {
  await browser.close();
}
