// The demo page's phone field in Chromium: the country picker (flags, names, calling codes),
// the example number as placeholder, and the formatting as you type, delete in the middle and
// paste, with the caret after the same digit. Each keystroke's expected text and caret are the
// library's `formatPhoneInput` over the same edit, computed in Node; what the page must add is
// the wiring (the text replaced, the caret put back, the picker followed).
//
//   cd www && node --test tests/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPage, text, waitNorm, previewBody, switchLang } from './page.mjs';
import { strings } from '../js/i18n.js';

const env = demoPage();

/** The phone input's text and caret. */
function shown(page) {
  return page.locator('#f-phone_number').evaluate((el) => ({ value: el.value, caret: el.selectionStart }));
}

/** Puts the caret of the phone input at `at` (or selects `at`–`end`). */
function caretAt(page, at, end = at) {
  return page.locator('#f-phone_number').evaluate((el, [a, b]) => el.setSelectionRange(a, b), [at, end]);
}

const digits = (s) => s.replace(/\D/g, '');

/**
 * What the library makes of `state` (`{ value, caret }`) after the browser applied an edit:
 * `text` typed or pasted over the selection `[from, to)`, or a Backspace.
 */
function expectAfter(lib, state, edit, country) {
  const { value, caret } = state;
  let next;
  let at;
  let inputType;
  if (edit.backspace) {
    next = value.slice(0, caret - 1) + value.slice(caret);
    at = caret - 1;
    inputType = 'deleteContentBackward';
  } else {
    const from = edit.from ?? caret;
    const to = edit.to ?? caret;
    next = value.slice(0, from) + edit.text + value.slice(to);
    at = from + edit.text.length;
    inputType = edit.paste ? 'insertFromPaste' : 'insertText';
  }
  const out = lib.formatPhoneInput(next, at, { defaultCountry: country, inputType });
  assert.ok(out.ok, JSON.stringify(out));
  return { value: out.value, caret: out.caret };
}

test('phone: the picker lists every country with flag and calling code; the placeholder is its example', async () => {
  const { lib } = env;
  const { page, errors, close } = await env.openPage();
  const picker = page.locator('#f-phone_number-country');
  const phone = page.locator('#f-phone_number');
  const countries = lib.getCountries({ lang: 'en' });
  assert.ok(countries.length > 200);
  const options = await picker.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
  assert.deepEqual(options.slice(1), countries.map((c) => [c.code, `${c.flag} ${c.name} +${c.callingCode}`]));
  assert.equal(options[0][0], '');
  // The browser's region (the test's locale is en-US) until one is picked.
  assert.equal(await picker.inputValue(), 'US');
  const example = (code) => countries.find((c) => c.code === code).example.national;
  assert.equal(await phone.getAttribute('placeholder'), example('US'));
  assert.equal(example('US'), lib.getExampleNumber('US').national);

  await picker.selectOption('MX');
  assert.equal(await phone.getAttribute('placeholder'), example('MX'));
  await phone.pressSequentially(digits(example('MX')));
  assert.equal(await phone.inputValue(), example('MX'));
  await waitNorm(page, 'phone_number', lib.getExampleNumber('MX').e164);

  // A country typed in the contact's country field moves the picker.
  await page.locator('#f-country').fill('España');
  assert.equal(await picker.inputValue(), 'ES');
  assert.equal(await phone.getAttribute('placeholder'), example('ES'));
  // Picking another country writes it in the country field (it is the phone's country too),
  // and the number is read, and formatted, in it.
  await picker.selectOption('MX');
  assert.equal(await page.locator('#f-country').inputValue(), countries.find((c) => c.code === 'MX').name);
  await page.locator('#f-full_name').fill('Ana Ruiz');
  const body = await previewBody(page);
  assert.equal(body.phone_number, lib.getExampleNumber('MX').e164);

  // International: no default country, and a placeholder that says so.
  await picker.selectOption('');
  assert.equal(await phone.getAttribute('placeholder'), strings('en').phonePlaceholderIntl);

  // Spanish: the picker's names and order follow the language.
  await switchLang(page, 'es');
  const es = lib.getCountries({ lang: 'es' });
  const esOptions = await page.locator('#f-phone_number-country option').evaluateAll((os) => os.slice(1).map((o) => o.value));
  assert.deepEqual(esOptions, es.map((c) => c.code));
  assert.equal(await page.locator('#f-phone_number').getAttribute('placeholder'), strings('es').phonePlaceholderIntl);
  assert.deepEqual(errors, []);
  await close();
});

test('phone: formatted keystroke by keystroke, deleted in the middle, pasted, with the caret after the same digit', async () => {
  const { lib } = env;
  const { page, errors, close } = await env.openPage();
  const phone = page.locator('#f-phone_number');
  assert.equal(await page.locator('#f-phone_number-country').inputValue(), 'US');
  await phone.focus();

  // Typed one key at a time: after each, the text and caret the library gives for that edit.
  let state = { value: '', caret: 0 };
  for (const key of '2015550123') {
    await page.keyboard.type(key);
    state = expectAfter(lib, state, { text: key }, 'US');
    assert.deepEqual(await shown(page), state, `after typing ${key}`);
  }
  assert.equal(state.value, '(201) 555-0123');
  assert.equal(state.caret, state.value.length);
  await waitNorm(page, 'phone_number', '+12015550123');

  // Backspace in the middle, right after a digit: that digit goes, the caret stays after the
  // digit before it.
  const afterFirst5 = state.value.indexOf('5') + 1;
  await caretAt(page, afterFirst5);
  await page.keyboard.press('Backspace');
  const before = state;
  state = expectAfter(lib, { value: before.value, caret: afterFirst5 }, { backspace: true }, 'US');
  assert.deepEqual(await shown(page), state);
  assert.equal(digits(state.value), '201550123');
  assert.equal(digits(state.value.slice(0, state.caret)), '201');

  // Typed back where it was: the same number, the caret after the new digit.
  await page.keyboard.type('5');
  state = expectAfter(lib, state, { text: '5' }, 'US');
  assert.deepEqual(await shown(page), state);
  assert.equal(state.value, '(201) 555-0123');
  assert.equal(digits(state.value.slice(0, state.caret)), '2015');

  // Backspace right after a separator deletes the digit before it, not just the separator.
  const afterDash = state.value.indexOf('-') + 1;
  await caretAt(page, afterDash);
  await page.keyboard.press('Backspace');
  state = expectAfter(lib, { value: state.value, caret: afterDash }, { backspace: true }, 'US');
  assert.deepEqual(await shown(page), state);
  assert.equal(digits(state.value), '201550123');
  assert.equal(digits(state.value.slice(0, state.caret)), '20155');

  // Pasted over a selection in the middle (the clipboard, Ctrl+V).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText('55-7'));
  const from = state.value.indexOf('5');
  const to = from + 2;
  await caretAt(page, from, to);
  await page.keyboard.press('Control+V');
  state = expectAfter(lib, { value: state.value, caret: to }, { text: '55-7', from, to, paste: true }, 'US');
  assert.deepEqual(await shown(page), state);
  assert.equal(digits(state.value), '2015570123');
  assert.equal(digits(state.value.slice(0, state.caret)), '201557');

  // A whole international number pasted into the emptied field: formatted, the caret at its
  // end, and the picker follows the number's country.
  await caretAt(page, 0, state.value.length);
  await page.keyboard.press('Backspace');
  assert.deepEqual(await shown(page), { value: '', caret: 0 });
  await page.keyboard.insertText('+44 20-7946-0958');
  state = expectAfter(lib, { value: '', caret: 0 }, { text: '+44 20-7946-0958' }, 'US');
  assert.deepEqual(await shown(page), state);
  assert.equal(digits(state.value), digits(lib.normalizePhone('+44 20 7946 0958').value));
  assert.equal(state.caret, state.value.length);
  assert.equal(await page.locator('#f-phone_number-country').inputValue(), 'GB');
  await waitNorm(page, 'phone_number', '+442079460958');
  assert.equal(await text(page, '#f-phone_number-msg'), '');

  // Text that is no number stays as typed; a lone surrogate (refused by the library) too.
  await caretAt(page, 0, state.value.length);
  await page.keyboard.insertText('abc😀');
  assert.deepEqual(await shown(page), { value: 'abc😀', caret: 5 });
  const lone = await phone.evaluate((el) => {
    el.value = '\uD800 12';
    el.setSelectionRange(4, 4);
    el.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: '2', bubbles: true }));
    return el.value;
  });
  assert.equal(lone, '\uD800 12');

  assert.deepEqual(errors, []);
  await close();
});
