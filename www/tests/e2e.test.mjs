// End-to-end tests of the demo page in headless Chromium (Debian's, driven by playwright-core).
//
//   cd www && node --test tests/
//
// Needs the package built into ../pkg (wasm-pack --target web) and /usr/bin/chromium (or
// CHROMIUM=/path). Starts the static server on a free port and stops it at the end. The
// expected messages are the library's own, computed here by loading the same pkg/ in Node.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoPage, text, waitCode, waitNorm, previewBody, switchLang } from './page.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shots = `${root}docs/screenshots`;

const env = demoPage();
const openPage = (hash) => env.openPage(hash);

before(() => mkdirSync(shots, { recursive: true }));

test('form: errors, normalized values, suggestion, language and API switches, request preview', async () => {
  const { lib } = env;
  const { page, errors, close } = await openPage();

  // Contactship first: a phone too short, shown under the field once typing pauses.
  const phone = page.locator('#f-phone_number');
  await phone.pressSequentially('+1 212');
  await waitCode(page, 'phone_number', 'phone_too_short');
  assert.equal(await phone.getAttribute('aria-invalid'), 'true');
  const describedBy = (await phone.getAttribute('aria-describedby')).split(' ');
  assert.ok(describedBy.includes('f-phone_number-msg'), 'the message describes the input');
  assert.equal(await text(page, '#f-phone_number-msg'), lib.normalizePhone('+1 212').error.message);

  // The email typo gives a suggestion (a one-click fix) while the address stays valid.
  await page.locator('#f-email').pressSequentially('juan@gmial.com');
  await page.locator('#f-email').blur();
  await page.waitForSelector('#f-email-sug button');
  assert.match(await text(page, '#f-email-sug'), /juan@gmail\.com/);

  // The country: a name in Spanish resolves, and becomes the phone's default country.
  await page.locator('#f-country').fill('México');
  await waitNorm(page, 'country', 'MX');

  // Submitting shows every problem, required fields included, and focuses the first one.
  await page.getByRole('button', { name: 'Check contact' }).click();
  await waitCode(page, 'full_name', 'required');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-phone_number');
  assert.equal(await page.locator('#preview').getAttribute('data-state'), 'blocked');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/form.png`, fullPage: true });

  // Fix the fields: a national number now uses the country's prefix.
  await phone.fill('');
  await phone.pressSequentially('55 1234 5678');
  await waitNorm(page, 'phone_number', '+525512345678');
  assert.equal(await phone.getAttribute('aria-invalid'), null);
  await page.locator('#f-full_name').fill('Juan Pérez');
  await page.locator('#f-email-sug button').click();
  assert.equal(await page.locator('#f-email').inputValue(), 'juan@gmail.com');
  await page.waitForSelector('#f-email-sug:empty', { state: 'attached' });

  // The preview: exactly the API's fields, normalized; cURL with a key placeholder.
  let body = await previewBody(page);
  assert.equal(body.phone_number, '+525512345678');
  assert.equal(body.full_name, 'Juan Pérez');
  assert.equal(body.email, 'juan@gmail.com');
  assert.ok('country' in body);
  const expected = lib.buildContactshipContact(
    { phone_number: '55 1234 5678', full_name: 'Juan Pérez', country: 'México', email: 'juan@gmail.com' },
    { apiKey: 'k' },
  );
  assert.ok(expected.ok, JSON.stringify(expected));
  assert.deepEqual(body, JSON.parse(expected.request.body));
  let curl = await text(page, '#preview-curl');
  assert.match(curl, /^curl -X POST 'https:\/\/api\.contactship\.ai\/v1\/contacts'/);
  assert.match(curl, /-H "x-api-key: \$CONTACTSHIP_API_KEY"/);
  assert.ok(curl.includes(`--data-raw '${expected.request.body.replace(/'/g, `'\\''`)}'`));
  await page.locator('#opt-apiKey').fill('sk_test_123');
  await page.waitForFunction(() => document.getElementById('preview-curl')?.textContent.includes("'x-api-key: sk_test_123'"));

  // Additional data: a bad date is reported under that item's value.
  await page.getByRole('button', { name: '+ Add a data field' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-ad-0-type');
  await page.locator('#f-ad-0-type').selectOption('date');
  await page.locator('#f-ad-0-field').fill('cumpleaños');
  await page.locator('#f-ad-0-value').fill('31/02/2024');
  await page.waitForFunction(() => document.getElementById('f-ad-0-value-msg')?.dataset.code === 'additional_data_invalid_date');
  await page.locator('#f-ad-0-value').fill('2024-02-29');
  body = await previewBody(page);
  assert.deepEqual(body.additional_data, [{ type: 'date', field: 'cumpleaños', value: '2024-02-29' }]);

  // Spanish: labels and messages switch, the values stay.
  await phone.fill('+1 212');
  await waitCode(page, 'phone_number', 'phone_too_short');
  await page.locator('label:has(input[name="lang"][value="es"])').click();
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  assert.equal(await text(page, 'label[for="f-phone_number"] >> nth=0').then((s) => s.startsWith('Teléfono')), true);
  await page.waitForFunction(
    (m) => document.getElementById('f-phone_number-msg')?.textContent === m,
    lib.normalizePhone('+1 212', { lang: 'es' }).error.message,
  );
  assert.notEqual(
    lib.normalizePhone('+1 212', { lang: 'es' }).error.message,
    lib.normalizePhone('+1 212', { lang: 'en' }).error.message,
  );
  assert.equal(await page.locator('#f-email').inputValue(), 'juan@gmail.com');

  // SDR Agent: its own fields; LinkedIn, locale and timezone canonical in the preview.
  await page.locator('label:has(input[name="api"][value="sdr_agent"])').click();
  await page.waitForSelector('#f-linkedin_profile');
  assert.equal(await page.locator('#f-phone_number').count(), 0);
  await page.locator('#f-full_name').fill('John Doe');
  await page.locator('#f-email').fill('John.Doe@Example.COM');
  await page.locator('#f-linkedin_profile').pressSequentially('https://es.linkedin.com/in/johndoe/?trk=abc');
  await waitNorm(page, 'linkedin_profile', 'https://www.linkedin.com/in/johndoe');
  await page.locator('#f-locale').fill('EN_us');
  await waitNorm(page, 'locale', 'en-US');
  await page.locator('#f-timezone').fill('US/Eastern');
  await waitNorm(page, 'timezone', 'America/New_York');
  await page.locator('#f-metadata').fill('{"source": "website", "__proto__": {"x": 1}}');
  await page.getByRole('button', { name: 'Generar' }).click();
  const importId = await page.locator('#opt-importId').inputValue();
  assert.match(importId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  body = await previewBody(page);
  assert.equal(body.linkedin_profile, 'https://www.linkedin.com/in/johndoe');
  assert.equal(body.locale, 'en-US');
  assert.equal(body.timezone, 'America/New_York');
  assert.equal(body.full_name, 'John Doe');
  assert.equal(body.email, lib.normalizeEmail('John.Doe@Example.COM').value);
  assert.deepEqual(Object.keys(body.metadata), ['source', '__proto__']);
  curl = await text(page, '#preview-curl');
  assert.match(curl, /^curl -X POST 'https:\/\/api\.sdragent\.com\/contacts\/'/);
  assert.ok(curl.includes(`'X-Import-ID: ${importId}'`), curl);
  assert.match(curl, /-H "X-API-Key: \$SDR_AGENT_API_KEY"/);

  // A missing required field of this API, in Spanish.
  await page.locator('#f-linkedin_profile').fill('');
  await page.locator('#f-linkedin_profile').blur();
  await page.getByRole('button', { name: 'Comprobar contacto' }).click();
  await waitCode(page, 'linkedin_profile', 'required');
  assert.equal(await text(page, '#f-linkedin_profile-msg'), lib.errorMessages('es').required);

  assert.deepEqual(errors, []);
  await close();
});

test('form: usable with the keyboard alone', async () => {
  const { page, errors, close } = await openPage();
  // Tabs: arrow keys move between them.
  await page.locator('#tab-form').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-import');
  assert.equal(await page.locator('#panel-import').isVisible(), true);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.locator('#panel-form').isVisible(), true);
  // Type a contact with Tab between fields; submit with Enter.
  await page.locator('#f-phone_number').focus();
  await page.keyboard.type('+1 212 456 7890');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ada Lovelace');
  await page.keyboard.press('Enter');
  const body = await previewBody(page);
  assert.equal(body.phone_number, '+12124567890');
  assert.equal(body.full_name, 'Ada Lovelace');
  await page.waitForFunction(() => document.getElementById('status').textContent.length > 0);
  assert.deepEqual(errors, []);
  await close();
});

/**
 * A Contactship CSV with known problems: every 50th row a bad phone, every 97th (otherwise
 * fine) a missing name, every 100th a duplicate of the row before it, its phone spelled
 * differently. Three countries, national and international spellings.
 */
function contactshipCsv(n) {
  const lines = ['Name,Phone,Email,Country,Notes'];
  const expected = { total: n, bad: 0, missing: 0, duplicates: 0, validE164: [] };
  const e164 = [];
  for (let i = 0; i < n; i++) {
    const d = String(i).padStart(4, '0');
    let name = `Persona ${i}`;
    let phone;
    let country;
    let number;
    if (i % 3 === 0) {
      phone = `(212) 456-${d}`;
      country = 'United States';
      number = `+1212456${d}`;
    } else if (i % 3 === 1) {
      phone = `6${d.slice(0, 2)} ${d.slice(2)}0 ${d.slice(0, 1)}12`;
      country = 'España';
      number = `+346${d.slice(0, 2)}${d.slice(2)}0${d.slice(0, 1)}12`;
    } else {
      phone = `+52 55 ${d} 7${d.slice(1)}`;
      country = 'México';
      number = `+5255${d}7${d.slice(1)}`;
    }
    let kind = 'ok';
    if (i % 50 === 7) {
      phone = '12345';
      kind = 'bad';
    } else if (i % 97 === 3) {
      name = '';
      kind = 'missing';
    } else if (i % 100 === 99 && e164[i - 1]?.kind === 'ok') {
      // The previous row's number in international spelling.
      number = e164[i - 1].number;
      phone = number.replace(/^\+(\d{1,2})(\d{2,3})/, '+$1 $2 ');
      country = e164[i - 1].country;
      kind = 'duplicate';
    }
    e164.push({ kind, number, country });
    if (kind === 'bad') expected.bad++;
    if (kind === 'missing') expected.missing++;
    if (kind === 'duplicate') expected.duplicates++;
    if (kind === 'ok') expected.validE164.push(number);
    const notes = i % 10 === 0 ? '"Lead, ""priority"""' : '';
    lines.push(`${name},${phone},user${i}@example.com,${country},${notes}`);
  }
  expected.invalid = expected.bad + expected.missing + expected.duplicates;
  expected.valid = n - expected.invalid;
  return { csv: `${lines.join('\n')}\n`, expected };
}

test('import: 10,000 rows validated in a worker; counts, problems and downloads', async () => {
  const { lib } = env;
  const N = 10_000;
  const { csv, expected } = contactshipCsv(N);
  const { page, errors, close } = await openPage('#import');
  assert.equal(await page.locator('#panel-import').isVisible(), true);

  await page.locator('#csv-file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForSelector('#mapping-area:not([hidden])');
  // Auto-mapped by header name.
  assert.equal(await page.locator('#map-phone_number').inputValue(), '1');
  assert.equal(await page.locator('#map-full_name').inputValue(), '0');
  assert.equal(await page.locator('#map-email').inputValue(), '2');
  assert.equal(await page.locator('#map-country').inputValue(), '3');
  assert.equal(await page.locator('#map-description').inputValue(), '4');

  // Record the progress bar's values: it moves in steps while the worker validates.
  await page.evaluate(() => {
    window.progressSeen = new Set();
    const bar = document.getElementById('import-progress');
    new MutationObserver(() => window.progressSeen.add(bar.value)).observe(document.getElementById('progress-text'), { childList: true, characterData: true, subtree: true });
  });
  await page.getByRole('button', { name: 'Validate all rows' }).click();
  await page.waitForSelector('#results[data-done="true"]', { timeout: 180_000 });
  const took = Number(await page.locator('#took').getAttribute('data-ms'));
  console.log(`# validated ${N} rows in the browser in ${took} ms (parse + worker, wall clock)`);
  const seen = await page.evaluate(() => [...window.progressSeen]);
  assert.ok(seen.filter((v) => v > 0 && v < 100).length >= 2, `progress steps: ${seen}`);

  const count = async (k) => Number((await text(page, `[data-count="${k}"] .count`)).replace(/\D/g, ''));
  assert.equal(await count('rows'), N);
  assert.equal(await count('valid'), expected.valid);
  assert.equal(await count('invalid'), expected.invalid);
  assert.equal(await count('duplicates'), expected.duplicates);

  // The problems table: one page at a time, with the total.
  const problems = expected.invalid; // one problem per bad row
  assert.equal(await page.locator('#problems tbody tr').count(), 50);
  assert.match(await text(page, '#problems .pager span'), new RegExp(`1–50 of ${problems.toLocaleString('en-US')}`));
  // In row order: data row 3 (row 5 with the header as row 1) has no name, data row 7 a bad phone.
  const [first, second] = await page.locator('#problems tbody tr').evaluateAll((trs) =>
    trs.slice(0, 2).map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(first, ['5', 'full_name', 'required', lib.errorMessages('en').required]);
  const phoneError = lib.normalizePhone('12345', { defaultCountry: 'US' }).error;
  assert.deepEqual(second, ['9', 'phone_number', phoneError.code, phoneError.message]);
  // The summary and the first problems (the whole page of 50 would make a very tall image).
  await page.setViewportSize({ width: 1280, height: 1900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/import.png` });
  await page.getByRole('group', { name: 'Problems' }).getByRole('button', { name: 'Next →' }).click();
  await page.waitForFunction(() => document.querySelector('#problems .pager span')?.textContent.startsWith('Problems 51–'));

  // The valid requests as NDJSON: one request object per line.
  const [ndjson] = await Promise.all([page.waitForEvent('download'), page.locator('#download-ndjson').click()]);
  assert.equal(ndjson.suggestedFilename(), 'contactship-requests.ndjson');
  const lines = readFileSync(await ndjson.path(), 'utf8').split('\n').filter((l) => l !== '');
  assert.equal(lines.length, expected.valid);
  const requests = lines.map((l) => JSON.parse(l));
  for (const r of requests) {
    assert.equal(r.method, 'POST');
    assert.equal(r.url, 'https://api.contactship.ai/v1/contacts');
    assert.equal(typeof r.body, 'string');
  }
  const bodies = requests.map((r) => JSON.parse(r.body));
  assert.deepEqual(bodies.map((b) => b.phone_number), expected.validE164);
  assert.equal(bodies[0].full_name, 'Persona 0');
  assert.equal(bodies[0].email, 'user0@example.com');
  assert.equal(bodies[0].description, 'Lead, "priority"');
  assert.equal(new Set(bodies.map((b) => b.phone_number)).size, bodies.length, 'no duplicate keys sent');

  // The problems as CSV: row, field, code, message, and (empty for a problem) warnings.
  const [problemsCsv] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
  const allLines = readFileSync(await problemsCsv.path(), 'utf8').trimEnd().split('\n');
  assert.equal(allLines[0], 'row,field,code,message,warnings');
  const csvLines = [allLines[0], ...allLines.slice(1).filter((l) => l.endsWith(','))];
  assert.equal(csvLines.length - 1, problems);
  const dupLine = csvLines.find((l) => l.split(',')[2] === 'duplicate');
  // Row 101 (data row 99) repeats row 100 (data row 98), as a spreadsheet numbers them.
  assert.match(dupLine, /^101,phone_number,duplicate,/);
  assert.ok(dupLine.includes('100'), dupLine);
  const codes = csvLines.slice(1).map((l) => l.split(',')[2]);
  assert.equal(codes.filter((c) => c === 'required').length, expected.missing);
  assert.equal(codes.filter((c) => c === 'duplicate').length, expected.duplicates);

  assert.deepEqual(errors, []);
  await close();
});

test('import: SDR Agent duplicates by email, case-insensitive, in Spanish', async () => {
  const { lib } = env;
  const { page, errors, close } = await openPage('#import');
  await page.locator('label:has(input[name="lang"][value="es"])').click();
  await page.locator('label:has(input[name="api"][value="sdr_agent"])').click();
  const rows = ['Nombre,Correo electrónico,LinkedIn,Empresa,Idioma'];
  for (let i = 0; i < 300; i++) {
    const email = i === 250 ? 'USER10@example.com' : `user${i}@example.com`;
    const linkedin = i === 120 ? 'https://www.linkedin.com/feed/' : `linkedin.com/in/user-${i}`;
    rows.push(`Usuario ${i},${email},${linkedin},Acme,es_ES`);
  }
  await page.locator('#csv-file').setInputFiles({ name: 'sdr.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\r\n')) });
  await page.waitForSelector('#mapping-area:not([hidden])');
  assert.equal(await page.locator('#map-email').inputValue(), '1');
  assert.equal(await page.locator('#map-linkedin_profile').inputValue(), '2');
  assert.equal(await page.locator('#map-locale').inputValue(), '4');
  // An import ID that is not a UUID would fail every row: the page refuses to start.
  const importId = await page.locator('#imp-import-id').inputValue();
  await page.locator('#imp-import-id').fill('not-a-uuid');
  await page.getByRole('button', { name: 'Validar todas las filas' }).click();
  await page.waitForFunction(() => document.getElementById('import-option-errors').textContent !== '');
  assert.equal(await page.locator('#results').isVisible(), false);
  const optionErrors = (lang) => {
    const validator = new lib.BatchValidator({ target: 'sdr_agent', importId: 'not-a-uuid', lang });
    const messages = validator.errors.map((e) => e.message).join(' ');
    validator.free();
    return messages;
  };
  assert.equal(await text(page, '#import-option-errors'), optionErrors('es'));
  // Written again in the other language on a switch.
  await switchLang(page, 'en');
  assert.equal(await text(page, '#import-option-errors'), optionErrors('en'));
  assert.notEqual(optionErrors('en'), optionErrors('es'));
  await switchLang(page, 'es');
  await page.locator('#imp-import-id').fill(importId);
  await page.getByRole('button', { name: 'Validar todas las filas' }).click();
  await page.waitForSelector('#results[data-done="true"]', { timeout: 60_000 });
  assert.equal(await text(page, '#import-option-errors'), '');
  const count = async (k) => Number((await text(page, `[data-count="${k}"] .count`)).replace(/\D/g, ''));
  assert.equal(await count('rows'), 300);
  assert.equal(await count('duplicates'), 1);
  assert.equal(await count('invalid'), 2);
  const cells = await page.locator('#problems tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  const dup = cells.find((c) => c[2] === 'duplicate');
  assert.equal(dup[0], '252');
  assert.match(dup[3], /\b12\b/, 'names the first row as the spreadsheet numbers it');
  const [ndjson] = await Promise.all([page.waitForEvent('download'), page.locator('#download-ndjson').click()]);
  const lines = readFileSync(await ndjson.path(), 'utf8').trim().split('\n');
  assert.equal(lines.length, 298);
  const r = JSON.parse(lines[0]);
  assert.equal(r.url, 'https://api.sdragent.com/contacts/');
  assert.equal(r.headers['X-Import-ID'] ?? r.headers['x-import-id'], importId);
  assert.deepEqual(JSON.parse(r.body), {
    full_name: 'Usuario 0',
    email: 'user0@example.com',
    linkedin_profile: 'https://www.linkedin.com/in/user-0',
    company: 'Acme',
    locale: 'es-ES',
  });
  assert.deepEqual(errors, []);
  await close();
});
