// The country lists of the page, from the library, computed once per language: the phone
// picker's (every region with phone numbers: `getCountries`, with flag, calling code and
// example number, sorted by name in the language).

import { contactkit } from './wasm.js';

const byLang = new Map();

/**
 * `[{ code, name, callingCode, flag, example: { e164, national, international } }]` sorted by
 * name in `lang`; empty until the module is instantiated.
 */
export function countryList(lang) {
  if (byLang.has(lang)) return byLang.get(lang);
  let list = [];
  try {
    list = interimCountries(lang);
  } catch {
    list = [];
  }
  // Empty: the module is not instantiated yet (try again later).
  if (Array.isArray(list) && list.length > 0) byLang.set(lang, list);
  return Array.isArray(list) ? list : [];
}

// INTERIM until getCountries lands in main.
function interimCountries(lang) {
  if (typeof contactkit.getCountries === 'function') return contactkit.getCountries({ lang });
  const display = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  const out = [];
  const A = 'A'.charCodeAt(0);
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      const callingCode = contactkit.getCountryCallingCode(code);
      if (callingCode === undefined) continue;
      const example = contactkit.getExampleNumber(code) ?? contactkit.getExampleNumber(code, 'fixed_line');
      const flag = String.fromCodePoint(...[...code].map((ch) => 0x1f1e6 + ch.charCodeAt(0) - A));
      out.push({ code, name: display.of(code) ?? code, callingCode, flag, example });
    }
  }
  out.sort((a, b) => a.name.localeCompare(b.name, lang));
  return out;
}
