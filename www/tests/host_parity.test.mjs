// Same answers natively and in Chromium on internationalized data: the host parity corpus
// (tests/parity/host_corpus.mjs) through the package in the browser, whose URL parser, UTS #46,
// NFC and RegExp are Chromium's own (src/host/, docs/host.md), against the Rust crates.
//
//   cd www && node --test tests/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';
import { hostCorpus, nativeResults, differences } from '../../tests/parity/host_parity.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ port: 0 });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('native and Chromium agree on every case of the host corpus', async () => {
  const cases = hostCorpus();
  const page = await browser.newPage();
  // Any page of the server's origin will do: the package is imported by the script below.
  await page.goto(`${server.url}/pkg/package.json`);
  const inBrowser = await page.evaluate(async (cases) => {
    const ck = await import('/pkg/contactkit.js');
    await ck.default();
    const fns = { email: ck.normalizeEmail, linkedin: ck.normalizeLinkedIn };
    return cases.map((c) => fns[c.field](c.input));
  }, cases);
  await page.close();
  assert.deepEqual(differences(cases, nativeResults(), inBrowser), []);
});
