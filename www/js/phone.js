// The phone field's parts: a country picker (flag, name, calling code), an input formatted as it
// is typed, pasted or edited anywhere with the caret kept after the same digit, and the picked
// country's example number as its placeholder. The library does the work (`getCountries`,
// `formatPhoneInput`); this module only wires it to the DOM.

import { contactkit } from './wasm.js';
import { h } from './dom.js';
import { t, lang } from './i18n.js';
import { countryList } from './countries.js';

/** The country of `code` in the picker's list, or undefined. */
export function pickable(code) {
  return countryList(lang()).find((c) => c.code === code);
}

/** The placeholder for numbers typed in `country`: its example number, national format. */
export function placeholderOf(country) {
  return pickable(country)?.example?.national ?? t('phonePlaceholderIntl');
}

/** `🇲🇽 México +52`: a picker option's text. */
export function countryLabel(c) {
  return `${c.flag} ${c.name} +${c.callingCode}`;
}

/**
 * The picker: "International" (numbers typed with `+`, no default country) and every country
 * with phone numbers, by name in the page's language.
 */
export function countryPicker({ id, value, onPick }) {
  return h('select', {
    id, className: 'picker', 'aria-label': t('phoneCountry'), title: t('phoneCountry'),
    onChange: (e) => onPick(e.target.value),
  },
  h('option', { value: '', selected: !value }, `🌐 ${t('international')}`),
  countryList(lang()).map((c) => h('option', { value: c.code, selected: c.code === value }, countryLabel(c))));
}

/**
 * Formats `input`'s text for numbers typed in `country` ('' for none) after an edit whose
 * `InputEvent.inputType` is `inputType` (a Backspace over a separator deletes the digit before
 * it), and puts the caret after the same digit (from `caret`, else the input's own). Returns the
 * library's answer (`{ value, caret, e164, valid, country, callingCode }`), or null when there is
 * none (the module not loaded yet, or the text refused, which is then left as typed).
 */
export function formatInput(input, country, { inputType = null, caret = input.selectionStart } = {}) {
  if (typeof contactkit.formatPhoneInput !== 'function') return null;
  let out;
  try {
    out = contactkit.formatPhoneInput(input.value, caret ?? input.value.length,
      { defaultCountry: country || null, inputType });
  } catch {
    return null; // not instantiated yet
  }
  if (!out?.ok) return null;
  if (input.value !== out.value) input.value = out.value;
  if (document.activeElement === input) input.setSelectionRange(out.caret, out.caret);
  return out;
}
