// Small DOM helpers: no framework, and never innerHTML with data.

import { bindText, unbindText } from './i18n.js';

/**
 * `h('input', { id: 'x', type: 'text', onInput: fn, dataset: {...} }, ...children)`.
 * Attributes starting with `on` are listeners; `null`/`false` attributes are left out.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2).toLowerCase(), v);
    } else if (k === 'dataset') {
      Object.assign(el.dataset, v);
    } else if (k === 'className') {
      el.className = v;
    } else if (k === 'value') {
      el.value = v;
    } else if (k === 'checked' || k === 'selected' || k === 'hidden' || k === 'disabled') {
      el[k] = Boolean(v);
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Runs `fn` once `ms` after the last call. */
export function debounce(fn, ms) {
  let timer = 0;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}

/** `requestIdleCallback`, or a timeout where the browser has none. */
export function whenIdle(fn, timeout = 2000) {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(fn, { timeout });
  return setTimeout(() => fn({ timeRemaining: () => 10, didTimeout: false }), 50);
}

/** Who wrote the status banner, about what, and the write that is still to land. */
let status = { owner: null, key: null, generation: 0 };

/**
 * Puts `render()` in the status banner, a polite live region (re-announced even when the text
 * is unchanged), written again in the new language on a switch. `owner` and `key` say which part
 * of the page said it and about what (`form`, `problems:3`), so that part can take it back with
 * `clearStatus` as soon as it no longer holds.
 */
export function announce(render, { owner = 'page', key = '' } = {}) {
  const el = document.getElementById('status');
  if (!el) return;
  const generation = status.generation + 1;
  status = { owner, key, generation };
  unbindText(el);
  el.dataset.owner = owner;
  el.dataset.key = key;
  // A separate task, so screen readers see a change even for the same text.
  setTimeout(() => {
    if (status.generation === generation) bindText(el, render);
  }, 30);
}

/** Empties the status banner if `owner` wrote it. */
export function clearStatus(owner) {
  const el = document.getElementById('status');
  if (!el || status.owner !== owner) return;
  status = { owner: null, key: null, generation: status.generation + 1 };
  unbindText(el);
  delete el.dataset.owner;
  delete el.dataset.key;
}

/** `{ owner, key }` of what the status banner says (both null when it is empty). */
export function statusOf() {
  return { owner: status.owner, key: status.key };
}

/** Saves a Blob as a file through a temporary link. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
