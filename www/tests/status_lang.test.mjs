// The demo page's two known bugs, in Chromium: the status banner said "valid and ready to send"
// after an edit while the preview listed problems, and a language switch left texts (results
// already shown among them) in the old language.
//
//   cd www && node --test tests/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPage, text, waitCode, previewBody, switchLang, loadCsv } from './page.mjs';
import { strings, fill } from '../js/i18n.js';

const env = demoPage();

/** Every string of a page-strings table (nested tables flattened). */
function flat(table) {
  return Object.values(table).flatMap((v) => (typeof v === 'string' ? [v] : flat(v)));
}

test('status: the banner never says the contact is valid unless the preview shows its request', async () => {
  const { page, errors, close } = await env.openPage();
  const en = strings('en');
  // Every change of the banner or the preview is checked: the two must never disagree.
  await page.evaluate((ok) => {
    window.contradictions = [];
    const status = document.getElementById('status');
    const preview = document.getElementById('preview');
    const check = () => {
      if (status.textContent === ok && preview.dataset.state !== 'ok') window.contradictions.push(preview.dataset.state);
    };
    new MutationObserver(check).observe(status, { childList: true, characterData: true, subtree: true });
    new MutationObserver(check).observe(preview, { childList: true, characterData: true, subtree: true, attributes: true });
  }, en.formOk);
  const status = () => text(page, '#status');
  const waitStatus = (s) => page.waitForFunction((s) => document.getElementById('status').textContent === s, s);
  const phone = page.locator('#f-phone_number');

  await phone.fill('+1 212 456 7890');
  await page.locator('#f-full_name').fill('Ada Lovelace');
  await page.getByRole('button', { name: 'Check contact' }).click();
  await previewBody(page);
  await waitStatus(en.formOk);

  // An edit that makes the phone too short: the banner takes its word back at once, and then
  // counts the problems the preview lists.
  await phone.fill('+1 212');
  assert.notEqual(await status(), en.formOk);
  assert.equal(await page.locator('#preview').getAttribute('data-state'), 'blocked');
  await page.waitForFunction(() => document.getElementById('status').dataset.key?.startsWith('problems:'));
  const listed = await page.locator('#preview .problems-list li').count();
  assert.ok(listed > 0);
  await waitStatus(fill(en.formProblems, { count: listed }));

  // Fixed again: valid, said once typing pauses.
  await phone.fill('+1 212 456 7890');
  await previewBody(page);
  await waitStatus(en.formOk);

  // The other API lacks a required field: no longer valid, whatever was said before.
  await page.locator('label:has(input[name="api"][value="sdr_agent"])').click();
  await page.waitForSelector('#f-linkedin_profile');
  assert.notEqual(await status(), en.formOk);
  assert.notEqual(await page.locator('#preview').getAttribute('data-state'), 'ok');

  // Back, valid, then cleared: the banner does not outlive the contact.
  await page.locator('label:has(input[name="api"][value="contactship"])').click();
  await page.locator('#f-phone_number').fill('+1 212 456 7890');
  await page.locator('#f-full_name').fill('Ada Lovelace');
  await page.getByRole('button', { name: 'Check contact' }).click();
  await waitStatus(en.formOk);
  await page.getByRole('button', { name: 'Clear' }).click();
  assert.notEqual(await status(), en.formOk);
  assert.equal(await page.locator('#preview').getAttribute('data-state'), 'empty');

  // Give a late write (the banner writes in a separate task) the time to show up.
  await page.waitForTimeout(1200);
  assert.notEqual(await status(), en.formOk);
  assert.deepEqual(await page.evaluate(() => window.contradictions), []);
  assert.deepEqual(errors, []);
  await close();
});

test('language: a switch writes every text in the new language, results already shown included', async () => {
  const { lib } = env;
  const { page, errors, close } = await env.openPage();

  // English first: form problems, a suggestion, a data item, the banner.
  await page.locator('#f-phone_number').pressSequentially('+1 212');
  await page.locator('#f-email').fill('juan@gmial.com');
  await page.getByRole('button', { name: '+ Add a data field' }).click();
  await page.getByRole('button', { name: 'Check contact' }).click();
  await waitCode(page, 'phone_number', 'phone_too_short');
  await page.waitForSelector('#f-email-sug button');
  await page.waitForFunction(() => document.getElementById('status').textContent !== '');

  // An import with problems: counts, problems by code, a page of problems, the banner.
  await page.locator('#tab-import').click();
  const csv = ['Nombre,Apellido,Telefono,Correo,Pais'];
  for (let i = 0; i < 40; i++) {
    const phone = i % 7 === 3 ? '12345' : `+34 612 34 ${String(10 + i).padStart(2, '0')} 00`;
    const first = i % 11 === 5 ? '' : `Ana${i}`;
    csv.push(`${first},${i % 11 === 5 ? '' : 'Ruiz'},${phone},ana${i}@example.com,ES`);
  }
  await loadCsv(page, `${csv.join('\n')}\n`);
  await page.getByRole('button', { name: 'Validate all rows' }).click();
  await page.waitForSelector('#results[data-done="true"]');
  await page.waitForSelector('#problem-groups tbody tr');

  await switchLang(page, 'es');
  const es = strings('es');
  // The library's messages of what is shown, in Spanish.
  await page.waitForFunction(
    (m) => document.getElementById('f-phone_number-msg')?.textContent === m,
    lib.normalizePhone('+1 212', { lang: 'es' }).error.message,
  );
  const summary = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-count]')]
    .map((c) => [c.dataset.count, Number(c.querySelector('.count').textContent.replace(/\D/g, ''))])));
  await page.waitForFunction((s) => document.getElementById('status').textContent === s, fill(es.done, summary));
  const problems = await page.locator('#problems tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.ok(problems.length > 0);
  const required = problems.find((p) => p[2] === 'required');
  assert.equal(required[3], lib.errorMessages('es').required);
  const phoneError = lib.normalizePhone('12345', { defaultCountry: 'ES', lang: 'es' }).error;
  assert.ok(problems.some((p) => p[2] === phoneError.code && p[3] === phoneError.message), JSON.stringify(problems));
  assert.equal(await page.title(), es.title);

  // No English left: no fragment of an English string (the page's or the library's) that no
  // Spanish string has, anywhere in the page's text or its labels, hidden panels included.
  // Error codes (`required`) are shown as they are in both languages.
  const spanish = [...flat(es), ...Object.values(lib.errorMessages('es')), ...Object.keys(lib.errorMessages('es'))].join('\n');
  const english = [...new Set([...flat(strings('en')), ...Object.values(lib.errorMessages('en'))]
    .flatMap((s) => s.split(/\{\w+\}/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 4 && /\p{L}{3}/u.test(s) && !spanish.includes(s)))];
  assert.ok(english.length > 100, `${english.length} English fragments`);
  const shown = await page.evaluate(() => {
    const body = document.body.cloneNode(true);
    // The language switch names each language in itself.
    for (const el of body.querySelectorAll('[lang]:not([lang="es"])')) el.remove();
    const attrs = [...body.querySelectorAll('[aria-label], [title], [placeholder], option[label]')]
      .flatMap((el) => ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
    return [document.title, body.textContent, ...attrs].join('\n');
  });
  const left = english.filter((s) => shown.includes(s));
  assert.deepEqual(left, []);
  assert.deepEqual(errors, []);
  await close();
});
