// What the demo page's Chromium tests share: the static server on a free port, Debian's
// Chromium (`/usr/bin/chromium`, or CHROMIUM=…) driven by playwright-core, a fresh page per test,
// and the package loaded in Node (the same pkg/ the page gets) for the expected values.

import { before, after } from 'node:test';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer, PKG_DIR } from '../serve.mjs';

/**
 * Registers the file's `before`/`after` hooks and returns `{ lib, openPage }` (`lib` is set
 * once the hooks ran). `openPage(hash)` resolves to `{ page, errors, close }` once the Wasm
 * module is loaded; `errors` collects the page's uncaught errors and console errors.
 */
export function demoPage() {
  const env = { lib: null, openPage };
  let server;
  let browser;
  before(async () => {
    env.lib = await import(pathToFileURL(`${PKG_DIR}/contactkit.js`).href);
    env.lib.initSync({ module: readFileSync(`${PKG_DIR}/contactkit_bg.wasm`) });
    server = await startServer({ port: 0 });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  async function openPage(hash = '') {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${server.url}${hash}`);
    await page.waitForSelector('body[data-ready="true"]');
    return { page, errors, close: () => context.close() };
  }
  return env;
}

/** The text of the first element matching `sel`. */
export const text = (page, sel) => page.locator(sel).textContent();

/** Waits until the message under `field` carries `code` (the page sets data-code). */
export async function waitCode(page, field, code) {
  await page.waitForFunction(
    ([f, c]) => document.getElementById(`f-${f}-msg`)?.dataset.code?.split(' ').includes(c),
    [field, code],
  );
}

/** Waits until the normalized value beside `field` includes `includes`. */
export async function waitNorm(page, field, includes) {
  await page.waitForFunction(
    ([f, s]) => document.getElementById(`f-${f}-norm`)?.textContent.includes(s),
    [field, includes],
  );
}

/** The JSON body of the request preview, once the form is valid. */
export async function previewBody(page) {
  await page.waitForSelector('#preview[data-state="ok"] #preview-body');
  return JSON.parse(await text(page, '#preview-body'));
}

/** Clicks the language switch's `lang` and waits for the page to say it is in that language. */
export async function switchLang(page, lang) {
  await page.locator(`label:has(input[name="lang"][value="${lang}"])`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** Loads `csv` into the import as `name` and waits for the column mapping. */
export async function loadCsv(page, csv, name = 'contacts.csv') {
  await page.locator('#csv-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForSelector('#mapping-area:not([hidden])');
}

/** The cells of every row of the table body matching `sel`, as text. */
export function cells(page, sel) {
  return page.locator(`${sel} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
}
