// The demo page's CSV import in Chromium: the batch warnings (`email_suggestion`,
// `resolved_alias`) a row carries, valid or not, counted by code and listed by row, in English
// and Spanish, and in the problems download. The expected values come from the package in Node.
//
//   cd www && node --test tests/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { demoPage, loadCsv, cells, switchLang, text } from './page.mjs';

const env = demoPage();

/** Contactship rows, some with a mistyped email domain, a country by its Spanish name, or no name. */
function rows(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push({
      full_name: i % 7 === 3 ? '' : `Ana ${i}`,
      phone_number: `+34 612 34 ${String(i).padStart(2, '0')} 00`,
      email: i % 3 === 0 ? `ana${i}@gmial.com` : `ana${i}@example.com`,
      country: i % 4 === 1 ? 'España' : 'ES',
    });
  }
  return out;
}

const FIELDS = ['full_name', 'phone_number', 'email', 'country'];
const toCsv = (contacts) =>
  `Name,Phone,Email,Country\n${contacts.map((c) => FIELDS.map((f) => c[f]).join(',')).join('\n')}\n`;

/** What the library says of `contacts`: each warning as the page lists it (sheet rows), and counts by code. */
function expectedWarnings(lib, contacts, lang) {
  const contact = (c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== ''));
  const { results } = lib.validateContacts(contacts.map(contact), { target: 'contactship', lang });
  const list = results.flatMap((r) => (r.warnings ?? []).map((w) => ({ row: r.row + 2, ...w })));
  const counts = {};
  for (const w of list) counts[w.code] = (counts[w.code] ?? 0) + 1;
  return { list, counts, invalidWarned: results.filter((r) => !r.ok && r.warnings?.length).length };
}

test('import: warnings counted by code, listed by row, in both languages and in the download', async () => {
  const { lib } = env;
  const { page, errors, close } = await env.openPage('#import');
  const contacts = rows(40);
  const en = expectedWarnings(lib, contacts, 'en');
  const es = expectedWarnings(lib, contacts, 'es');
  assert.deepEqual(Object.keys(en.counts).sort(), ['email_suggestion', 'resolved_alias']);
  assert.ok(en.invalidWarned > 0, 'some invalid rows carry warnings too');

  await loadCsv(page, toCsv(contacts));
  await page.getByRole('button', { name: 'Validate all rows' }).click();
  await page.waitForSelector('#results[data-done="true"]');

  assert.equal(Number(await text(page, '[data-count="warnings"] .count')), en.list.length);
  await page.waitForFunction((n) => document.getElementById('status')?.textContent.endsWith(`, ${n} warnings.`), en.list.length);
  const byCode = (groups) => Object.fromEntries(groups.map(([code, count]) => [code, Number(count)]));
  assert.deepEqual(byCode(await cells(page, '#warning-groups')), en.counts);
  const fields = Object.fromEntries((await cells(page, '#warning-groups')).map(([code, , f]) => [code, f]));
  assert.equal(fields.email_suggestion, `email (${en.counts.email_suggestion})`);
  assert.equal(fields.resolved_alias, `country (${en.counts.resolved_alias})`);
  const listed = (list) => list.map((w) => [String(w.row), w.field, w.code, w.message]);
  assert.deepEqual(await cells(page, '#warnings'), listed(en.list));
  // The warnings do not count as problems.
  const problems = await cells(page, '#problems');
  assert.ok(problems.every(([, , code]) => code === 'required'), JSON.stringify(problems));

  // A code narrows the table to its warnings.
  await page.locator('#warning-groups button[data-code="resolved_alias"]').click();
  await page.waitForFunction(() => document.querySelector('#warnings .pager span')?.textContent.endsWith('with code resolved_alias'));
  assert.deepEqual(await cells(page, '#warnings'), listed(en.list.filter((w) => w.code === 'resolved_alias')));
  await page.getByRole('button', { name: 'Show every warning' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('#warnings tbody tr').length === n, en.list.length);

  // In Spanish: the titles, the examples and every message.
  await switchLang(page, 'es');
  await page.waitForFunction(() => document.querySelector('#warnings .pager span')?.textContent.startsWith('Avisos'));
  assert.deepEqual(await cells(page, '#warnings'), listed(es.list));
  assert.match(await text(page, '#status'), new RegExp(`, ${es.list.length} avisos\\.$`));
  const examples = Object.fromEntries((await cells(page, '#warning-groups')).map(([code, , , ex]) => [code, ex]));
  for (const code of Object.keys(es.counts)) assert.equal(examples[code], es.list.find((w) => w.code === code).message);

  // The download: problems and warnings in row order, a warning's params in `warnings`.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
  const lines = readFileSync(await csv.path(), 'utf8').trimEnd().split('\n');
  assert.equal(lines[0], 'row,field,code,message,warnings');
  const quoted = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const params = (p) => Object.entries(p).map(([k, v]) => `${k}=${v}`).join(' ');
  const warningLines = lines.slice(1).filter((l) => !l.endsWith(','));
  assert.deepEqual(warningLines, es.list.map((w) => [w.row, w.field, w.code, w.message, params(w.params)].map(String).map(quoted).join(',')));
  assert.ok(warningLines.some((l) => l.endsWith('suggestion=ana0@gmail.com')), warningLines[0]);
  const rowsInOrder = lines.slice(1).map((l) => Number(l.split(',')[0]));
  assert.deepEqual(rowsInOrder, [...rowsInOrder].sort((a, b) => a - b));

  assert.deepEqual(errors, []);
  await close();
});

test('import: a file without warnings says so', async () => {
  const { page, errors, close } = await env.openPage('#import');
  await loadCsv(page, 'Name,Phone\nAna,+34 612 34 56 78\n');
  await page.getByRole('button', { name: 'Validate all rows' }).click();
  await page.waitForSelector('#results[data-done="true"]');
  assert.equal(Number(await text(page, '[data-count="warnings"] .count')), 0);
  assert.equal(await text(page, '#warnings'), 'No warnings.');
  assert.equal(await page.locator('#warning-groups table').count(), 0);
  assert.equal(await page.locator('#download-csv').isDisabled(), true);
  assert.deepEqual(errors, []);
  await close();
});
