// The library's messages in any language, from an error's code and params: what writes a
// problem again after a language switch, in the page and in the import worker.

import { contactkit } from './wasm.js';
import { fill } from './i18n.js';

const templates = new Map();
const words = new Map();

/**
 * `template` filled with `params`, as the library fills it: `expected` and `got` take the
 * language's words for their tokens (`number` → `un número`), and `reason` its words, which are
 * filled from the same params in turn (`messageWords(lang)`).
 */
function fillIn(template, params, w) {
  const worded = (p) => ({
    ...p,
    ...(typeof p.expected === 'string' ? { expected: w.types[p.expected] ?? p.expected } : {}),
    ...(typeof p.got === 'string' ? { got: w.types[p.got] ?? p.got } : {}),
  });
  let p = worded(params);
  if (typeof params.reason === 'string' && Object.hasOwn(w.reasons, params.reason)) {
    p = { ...p, reason: fill(w.reasons[params.reason], p) };
  }
  return fill(template, p);
}

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
    if (table) {
      templates.set(lang, table);
      words.set(lang, contactkit.messageWords?.(lang) ?? { types: {}, reasons: {} });
    } else return error.message;
  }
  const template = templates.get(lang)[error.code];
  return template ? fillIn(template, error.params ?? {}, words.get(lang)) : error.message;
}
