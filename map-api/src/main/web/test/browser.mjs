// Debian's chromium, headless, for the browser tests (software GL: no GPU on the test machines).
import { chromium } from 'playwright-core';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
}

/** A 1600×900 page that collects the page's errors and console errors into the returned list. */
export async function page(browser) {
  const p = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const errors = [];
  p.on('pageerror', e => errors.push((e.stack || e.message).split('\n').slice(0, 3).join(' ')));
  p.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  return { page: p, errors };
}
