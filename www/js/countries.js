// The page's lists, from the library, computed once per language: the phone picker's countries
// (every region with phone numbers, with flag, calling code and example number:
// `getCountries`), the country field's (every ISO 3166-1 country: `getAllCountries`), both
// sorted by name in the language, and the IANA timezones (`getTimezones`).

import { contactkit } from './wasm.js';

const cache = new Map();

/** `make()` once per `key`; an empty list (the module is not instantiated yet) is asked again. */
function once(key, make) {
  if (cache.has(key)) return cache.get(key);
  let list;
  try {
    list = make();
  } catch {
    list = null;
  }
  if (!Array.isArray(list) || list.length === 0) return [];
  cache.set(key, list);
  return list;
}

/**
 * `[{ code, name, callingCode, flag, example: { e164, national, international } | null }]`,
 * sorted by name in `lang`.
 */
export function countryList(lang) {
  return once(`phone:${lang}`, () => contactkit.getCountries({ lang }));
}

/** `[{ code, alpha3, name }]`: every country `normalizeCountry` knows, sorted by name in `lang`. */
export function allCountries(lang) {
  return once(`all:${lang}`, () => contactkit.getAllCountries({ lang }));
}

/** Every canonical IANA timezone name, sorted. */
export function timezones() {
  return once('tz', () => contactkit.getTimezones());
}
