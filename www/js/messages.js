// The library's messages in any language, from an error's code and params: what writes a
// problem again after a language switch, in the page and in the import worker.

import { contactkit } from './wasm.js';
import { fill } from './i18n.js';

const templates = new Map();

/**
 * `error.message` in `lang`: the library's template of `error.code` (`errorMessages(lang)`)
 * filled with `error.params`, else the message as the library gave it.
 */
export function messageIn(error, lang) {
  if (!templates.has(lang)) {
    let table = null;
    try {
      table = contactkit.errorMessages(lang);
    } catch {
      table = null; // the module is not instantiated yet: the message as given
    }
    if (table) templates.set(lang, table);
    else return error.message;
  }
  const template = templates.get(lang)[error.code];
  return template ? fill(template, error.params ?? {}) : error.message;
}
