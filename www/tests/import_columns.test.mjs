// The demo page's CSV import in Chromium: a field made of several columns (First name + Last
// name → full_name), found by header name or chosen by hand, the same requests as `contactkit
// check` gives for the same file, and the problems grouped by code with their counts, each
// group narrowing the problems table to its code.
//
//   cd www && node --test tests/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoPage, text, loadCsv, cells } from './page.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const env = demoPage();

/**
 * A Contactship CSV whose names are split in two columns, with one kind of problem per bad
 * row: a phone too short (every 10th from 4), no name at all (every 13th from 6), a duplicate of
 * the row before (every 17th from 16). Every 13th from 9 has no last name.
 */
function splitNames(n) {
  const lines = ['First name,Last name,Phone,Correo,Country'];
  const expected = { codes: {}, names: [] };
  const count = (code) => {
    expected.codes[code] = (expected.codes[code] ?? 0) + 1;
  };
  for (let i = 0; i < n; i++) {
    let first = `Ana${i}`;
    let last = i % 13 === 9 ? '' : ` Ruiz ${i % 2 === 0 ? 'Gil' : ''}`;
    let phone = `+34 612 34 ${String(i).padStart(2, '0')} 00`;
    if (i % 10 === 4) {
      phone = '12345';
      count('bad_phone');
    } else if (i % 13 === 6) {
      first = '';
      last = '';
      count('required');
    } else if (i % 17 === 16 && (i - 1) % 10 !== 4 && (i - 1) % 13 !== 6) {
      phone = `+3461234${String(i - 1).padStart(2, '0')}00`; // the row before's, spelled without spaces
      count('duplicate');
    } else {
      expected.names.push([first, last.trim()].filter((x) => x !== '').join(' '));
    }
    lines.push(`${first},${last},${phone},ana${i}@example.com,ES`);
  }
  return { csv: `${lines.join('\n')}\n`, expected };
}

test('import: First name + Last name combine into full_name; problems grouped by code', async () => {
  const { lib } = env;
  const { page, errors, close } = await env.openPage('#import');
  const { csv, expected } = splitNames(60);
  const badPhone = lib.normalizePhone('12345', { defaultCountry: 'ES' }).error.code;
  expected.codes[badPhone] = expected.codes.bad_phone;
  delete expected.codes.bad_phone;

  await loadCsv(page, csv);
  // Found by header name: the two columns, in order, joined in the sample.
  assert.equal(await page.locator('#map-full_name').inputValue(), '0');
  assert.equal(await page.locator('#map-full_name-1').inputValue(), '1');
  assert.equal(await page.locator('#map-phone_number').inputValue(), '2');
  assert.equal(await page.locator('#map-email').inputValue(), '3');
  const sample = () => text(page, 'tr[data-field="full_name"] td.sample');
  assert.equal(await sample(), 'Ana0 Ruiz Gil');

  // By hand: take the second column away, then add it back.
  await page.locator('tr[data-field="full_name"] button[data-remove="1"]').click();
  assert.equal(await page.locator('#map-full_name-1').count(), 0);
  assert.equal(await sample(), 'Ana0');
  await page.locator('tr[data-field="full_name"] button[data-combine]').click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'map-full_name-1');
  await page.locator('#map-full_name-1').selectOption('1');
  assert.equal(await sample(), 'Ana0 Ruiz Gil');

  await page.getByRole('button', { name: 'Validate all rows' }).click();
  await page.waitForSelector('#results[data-done="true"]');
  const total = Object.values(expected.codes).reduce((a, b) => a + b, 0);

  // Problems by code, most frequent first, with their counts and fields.
  const groups = await cells(page, '#problem-groups');
  assert.deepEqual(
    Object.fromEntries(groups.map(([code, count]) => [code, Number(count)])),
    expected.codes,
  );
  const counts = groups.map(([, count]) => Number(count));
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
  const fieldsOf = Object.fromEntries(groups.map(([code, , fields]) => [code, fields]));
  assert.equal(fieldsOf.required, `full_name (${expected.codes.required})`);
  assert.equal(fieldsOf[badPhone], `phone_number (${expected.codes[badPhone]})`);
  const example = Object.fromEntries(groups.map(([code, , , ex]) => [code, ex]));
  assert.equal(example.required, lib.errorMessages('en').required);
  assert.equal(example[badPhone], lib.normalizePhone('12345', { defaultCountry: 'ES' }).error.message);
  assert.equal((await cells(page, '#problems')).length, total);
  assert.equal(await page.evaluate(() => document.getElementById('problem-groups').childNodes.length), 1, 'nothing but the table');

  // A code narrows the table to its problems; "every problem" widens it again.
  await page.locator(`#problem-groups button[data-code="${badPhone}"]`).click();
  await page.waitForFunction((c) => document.querySelector('#problems .pager span')?.textContent.endsWith(`with code ${c}`), badPhone);
  const narrowed = await cells(page, '#problems');
  assert.equal(narrowed.length, expected.codes[badPhone]);
  assert.ok(narrowed.every((row) => row[2] === badPhone && row[1] === 'phone_number'));
  assert.equal(await page.locator(`#problem-groups button[data-code="${badPhone}"]`).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'Show every problem' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('#problems tbody tr').length === n, total);
  assert.equal(await page.evaluate(() => document.getElementById('problem-groups').childNodes.length), 1, 'nothing but the table');

  // The requests carry the combined names: parts trimmed, empty ones left out.
  const [ndjson] = await Promise.all([page.waitForEvent('download'), page.locator('#download-ndjson').click()]);
  const bodies = readFileSync(await ndjson.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(JSON.parse(l).body));
  assert.deepEqual(bodies.map((b) => b.full_name), expected.names);
  assert.ok(expected.names.includes('Ana9'));

  assert.deepEqual(errors, []);
  await close();
});

test('import: a Nombre column the library maps to full_name combines with Apellidos', async () => {
  const { page, errors, close } = await env.openPage('#import');
  await loadCsv(page, 'Nombre,Apellidos,Teléfono\nAna,Ruiz Gil,+34 612 34 56 78\n');
  assert.equal(await page.locator('#map-full_name').inputValue(), '0');
  assert.equal(await page.locator('#map-full_name-1').inputValue(), '1');
  assert.equal(await text(page, 'tr[data-field="full_name"] td.sample'), 'Ana Ruiz Gil');
  // A whole-name column wins: nothing is combined.
  await loadCsv(page, 'Full name,First name,Last name,Phone\nAna Ruiz,Ana,Ruiz,+34 612 34 56 78\n');
  assert.equal(await page.locator('#map-full_name').inputValue(), '0');
  assert.equal(await page.locator('#map-full_name-1').count(), 0);
  assert.deepEqual(errors, []);
  await close();
});

test('import: the page and `contactkit check` read a name in parts the same way', async () => {
  // Spanish headers in an odd order, a middle name, two family names, and cells with spaces
  // around them (NEL U+0085 is White_Space; U+FEFF is not, and stays), or empty.
  const csv = [
    'Segundo apellido,Teléfono,Nombre,Primer apellido,Segundo nombre,Correo',
    'Gil,+34 612 34 56 01,Ana,Ruiz,María,ana@example.com',
    ',+34 612 34 56 02, Bo ,\u00a0Larsen\u3000,,bo@example.com',
    '\u0085Díaz,+34 612 34 56 03,\ufeffEva,,,eva@example.com',
    ',+34 612 34 56 04,,,,nadie@example.com',
  ].join('\n');
  const { page, errors, close } = await env.openPage('#import');
  await loadCsv(page, `${csv}\n`);
  assert.equal(await page.locator('#map-full_name').inputValue(), '2');
  assert.equal(await page.locator('#map-full_name-1').inputValue(), '4');
  assert.equal(await page.locator('#map-full_name-2').inputValue(), '3');
  assert.equal(await page.locator('#map-full_name-3').inputValue(), '0');
  assert.equal(await text(page, 'tr[data-field="full_name"] td.sample'), 'Ana María Ruiz Gil');
  await page.getByRole('button', { name: 'Validate all rows' }).click();
  await page.waitForSelector('#results[data-done="true"]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-ndjson').click()]);
  const fromPage = readFileSync(await download.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

  const dir = mkdtempSync(join(tmpdir(), 'contactkit-columns-'));
  try {
    writeFileSync(join(dir, 'people.csv'), `${csv}\n`);
    let status = 0;
    try {
      execFileSync('cargo', ['run', '--quiet', '-p', 'contactkit-cli', '--', 'check', join(dir, 'people.csv'), '--target', 'contactship'],
        { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      status = e.status; // 1: some rows are invalid (the last has no name)
    }
    assert.equal(status, 1);
    const fromCli = readFileSync(join(dir, 'requests.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).request);
    assert.deepEqual(fromPage, fromCli);
    const names = fromCli.map((r) => JSON.parse(r.body).full_name);
    assert.deepEqual(names, ['Ana María Ruiz Gil', 'Bo Larsen', '\ufeffEva Díaz']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(errors, []);
  await close();
});
