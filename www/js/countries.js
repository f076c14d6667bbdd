// The country picker's list, built from the library itself: every two-letter code that
// `normalizeCountry` resolves to itself is an ISO 3166-1 alpha-2 code. Names come from the
// library (English) or from the browser's own `Intl.DisplayNames` for the page's language,
// kept only when the library resolves that name back to the same code.

import { contactkit } from './wasm.js';

let codes = null;
const byLang = new Map();

/** `[{ code, name }]` sorted by name in `lang`; computed once per language. */
export function countryList(lang) {
  if (byLang.has(lang)) return byLang.get(lang);
  if (codes === null) {
    try {
      codes = isoCodes();
    } catch {
      return []; // the module is not instantiated yet: try again later
    }
  }
  let display = null;
  try {
    display = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  } catch {
    display = null;
  }
  const list = codes.map(({ code, name }) => {
    const local = lang === 'en' ? null : display?.of(code);
    const usable = local && local !== code && contactkit.normalizeCountry(local)?.value === code;
    return { code, name: usable ? local : name };
  });
  list.sort((a, b) => a.name.localeCompare(b.name, lang));
  byLang.set(lang, list);
  return list;
}

function isoCodes() {
  // A list exported by the library, when it has one, wins over probing.
  const exported = typeof contactkit.countries === 'function' ? contactkit.countries() : null;
  if (Array.isArray(exported) && exported.length > 0) {
    return exported
      .map((c) => ({ code: c.value ?? c.code ?? c.alpha2, name: c.name }))
      .filter((c) => typeof c.code === 'string' && typeof c.name === 'string');
  }
  const out = [];
  const A = 'A'.charCodeAt(0);
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      const r = contactkit.normalizeCountry(code);
      if (r?.ok && r.value === code) out.push({ code, name: r.name });
    }
  }
  return out;
}
