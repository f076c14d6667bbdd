// The contact form: the chosen API's fields, validated as the user types with the library's
// field rules (the normalized value beside each input) and its payload builder (every problem
// under its field, and the exact request in the preview).

import { APIS } from './apis.js';
import { contactkit } from './wasm.js';
import { h, debounce, announce, clearStatus, statusOf } from './dom.js';
import { t, lang } from './i18n.js';
import { toCurl } from './curl.js';
import { countryPicker, formatInput, placeholderOf, pickable } from './phone.js';

/** Stand-ins for credentials the user did not type: the cURL command shows `$ENV` instead. */
const KEY_SENTINEL = 'CONTACTKIT_PLACEHOLDER_KEY';
const TOKEN_SENTINEL = 'CONTACTKIT_PLACEHOLDER_TOKEN';

/** Typing pauses this long before a field's errors appear (a half-typed value is not an error). */
const REVEAL_MS = 450;

const AD_TYPES = ['text', 'date', 'number', 'location'];

const state = {
  api: 'contactship',
  /** Field name → text as typed; kept across API switches (both have full_name and email). */
  values: {},
  /**
   * The phone picker's country (alpha-2; '' for none: numbers typed with `+`): the default
   * country of the phone number. The country field moves it; picking one when the country
   * field is filled writes the picked country there (for Contactship, the contact's country is
   * the phone's default country).
   */
  phoneCountry: '',
  additional: [],
  /** Sending options per API: each has its own key. */
  opts: {
    contactship: { apiKey: '', bearerToken: '', importId: '', auth: 'apiKey' },
    sdr_agent: { apiKey: '', bearerToken: '', importId: '', auth: 'apiKey' },
  },
  /** Fields whose errors are shown: typed in and paused, or left. */
  touched: new Set(),
  submitted: false,
  ready: false,
  /** The latest outcome, for tests and for the status line. */
  last: null,
};

let root;
let sendingRoot;
let previewRoot;
const revealLater = new Map();

export function initForm() {
  root = document.getElementById('fields');
  sendingRoot = document.getElementById('sending');
  previewRoot = document.getElementById('preview');
  const form = document.getElementById('contact-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  document.getElementById('clear-form').addEventListener('click', () => {
    state.values = {};
    state.additional = [];
    state.touched.clear();
    state.submitted = false;
    render();
    root.querySelector('input, textarea, select')?.focus();
  });
  // Leaving a field shows its errors at once.
  form.addEventListener('focusout', (e) => {
    const name = e.target?.dataset?.touch;
    if (name && e.target.value !== '') reveal(name);
  });
}

export function setFormReady() {
  state.ready = true;
  document.getElementById('contact-form').removeAttribute('aria-busy');
  // The browser's region (es-MX → MX) until the user picks or types a country.
  const region = /-([A-Z]{2})\b/.exec(navigator.language ?? '')?.[1];
  if (!state.phoneCountry && region && pickable(region)) state.phoneCountry = region;
  render();
}

export function setFormApi(api) {
  state.api = api;
  state.touched.clear();
  state.submitted = false;
  render();
}

/** Re-renders labels and re-validates, so every message follows the language switch. */
export function refreshFormLanguage() {
  render();
}

/** The country (alpha-2) of the country field, or null. */
function formCountry() {
  const raw = state.values.country ?? '';
  if (!state.ready || raw.trim() === '' || state.api !== 'contactship') return null;
  const r = contactkit.normalizeCountry(raw);
  return r?.ok ? r.value : null;
}

/**
 * The phone number's default country (alpha-2), or null: as the builder reads a national
 * number, the contact's country when it has one, else the picker's. (The picker shows the
 * contact's country whenever it has phone numbers.)
 */
export function phoneCountry() {
  return formCountry() ?? (state.phoneCountry || null);
}

function reveal(name) {
  clearTimeout(revealLater.get(name));
  revealLater.delete(name);
  if (!state.touched.has(name)) {
    state.touched.add(name);
    update();
  }
}

/** Edited: show the field's errors once typing pauses, and re-validate now. */
function edited(name) {
  clearTimeout(revealLater.get(name));
  revealLater.set(name, setTimeout(() => reveal(name), REVEAL_MS));
  update();
}

function onInput(name, value) {
  state.values[name] = value;
  if (name === 'country') {
    const code = formCountry();
    if (code && code !== state.phoneCountry && pickable(code)) setPhoneCountry(code);
  }
  edited(name);
}

/** The phone input after an edit: formatted, the caret after the same digit. */
function onPhoneInput(e) {
  const input = e.target;
  if (state.ready && !e.isComposing) {
    const out = formatInput(input, phoneCountry(), { inputType: e.inputType ?? null });
    // A number typed with `+` moves the picker to its country, unless a country is typed.
    const typed = input.value.trimStart().startsWith('+');
    if (typed && out?.country && out.country !== state.phoneCountry && !formCountry() && pickable(out.country)) {
      setPhoneCountry(out.country);
    }
  }
  onInput('phone_number', input.value);
}

/** A country picked: the phone number formatted for it, and the contact's country if it has one. */
function onPick(code) {
  setPhoneCountry(code);
  const name = pickable(code)?.name;
  // Only a name the country rule reads back as the same country (not Kosovo's `XK`, say).
  const writable = name && contactkit.normalizeCountry(name)?.value === code;
  if (writable && state.api === 'contactship' && (state.values.country ?? '').trim() !== '' && formCountry() !== code) {
    state.values.country = name;
    const field = document.getElementById(fieldIds('country').id);
    if (field) field.value = name;
  }
  const input = document.getElementById(fieldIds('phone_number').id);
  if (input && input.value !== '') {
    formatInput(input, phoneCountry(), { caret: input.value.length });
    state.values.phone_number = input.value;
  }
  update();
}

/** Shows `code` in the picker and its example number in the phone input. */
function setPhoneCountry(code) {
  state.phoneCountry = code;
  const picker = document.getElementById(`${fieldIds('phone_number').id}-country`);
  if (picker) picker.value = code;
  const input = document.getElementById(fieldIds('phone_number').id);
  if (input) input.placeholder = placeholderOf(code);
}

// ---------------------------------------------------------------- rendering

function render() {
  const api = APIS[state.api];
  root.replaceChildren(...api.fields.map(renderField));
  renderSending();
  update();
}

function fieldIds(name) {
  const id = `f-${name.replace(/[^a-z0-9_-]/gi, '-')}`;
  return { id, hint: `${id}-hint`, norm: `${id}-norm`, msg: `${id}-msg`, sug: `${id}-sug` };
}

function label(f, ids) {
  return h(
    'label',
    { for: ids.id },
    t(f.name),
    f.required ? [' ', h('span', { className: 'req', 'aria-hidden': 'true' }, '*'),
      h('span', { className: 'sr-only' }, ` (${t('required')})`)] : null,
  );
}

function renderField(f) {
  if (f.kind === 'additionalData') return renderAdditionalData(f);
  const ids = fieldIds(f.name);
  const hintText = t(`hint_${f.name}`);
  const hint = hintText && hintText !== `hint_${f.name}` ? h('p', { className: 'hint', id: ids.hint }, hintText) : null;
  const common = {
    id: ids.id,
    name: f.name,
    autocomplete: f.autocomplete ?? 'off',
    spellcheck: 'false',
    'aria-describedby': [hint ? ids.hint : null, ids.norm, ids.msg, ids.sug].filter(Boolean).join(' '),
    'aria-required': f.required ? 'true' : null,
    dataset: { touch: f.name },
    value: state.values[f.name] ?? '',
    onInput: (e) => onInput(f.name, e.target.value),
  };
  let control;
  if (f.kind === 'phone') {
    const input = h('input', {
      ...common, type: f.type ?? 'tel', inputmode: 'tel', placeholder: placeholderOf(state.phoneCountry),
      // Formatted after each edit; text composed with an IME once it is committed.
      onInput: onPhoneInput, onCompositionend: onPhoneInput,
    });
    control = h('div', { className: 'phone-input' },
      countryPicker({ id: `${ids.id}-country`, value: state.phoneCountry, onPick }), input);
  } else if (f.kind === 'textarea' || f.kind === 'json') {
    control = h('textarea', { ...common, rows: f.kind === 'json' ? 4 : 3, className: f.kind === 'json' ? 'mono' : null,
      placeholder: f.kind === 'json' ? '{ "source": "website" }' : null });
  } else {
    control = h('input', {
      ...common,
      type: f.type ?? 'text',
      list: f.kind === 'country' ? 'country-list' : f.kind === 'timezone' ? 'timezone-list' : null,
    });
  }
  return h(
    'div',
    { className: `field kind-${f.kind}`, dataset: { field: f.name } },
    label(f, ids),
    hint,
    h('div', { className: 'control' }, control, h('output', { className: 'norm', id: ids.norm, for: ids.id })),
    h('div', { className: 'suggest', id: ids.sug }),
    h('p', { className: 'msg', id: ids.msg }),
  );
}

function renderAdditionalData(f) {
  const ids = fieldIds(f.name);
  const items = state.additional.map((item, i) => {
    const base = `f-ad-${i}`;
    const n = i + 1;
    const sub = (key, control) =>
      h('div', { className: 'sub' },
        h('label', { for: `${base}-${key}` }, t(`ad${key[0].toUpperCase()}${key.slice(1)}`)),
        control,
        h('p', { className: 'msg', id: `${base}-${key}-msg` }));
    const onEdit = (key) => (e) => {
      item[key] = e.target.value;
      edited(`additional_data[${i}]`);
    };
    return h(
      'fieldset',
      { className: 'ad-item', dataset: { index: String(i) } },
      h('legend', {}, t('adItem', { n })),
      sub('type', h('select', { id: `${base}-type`, 'aria-describedby': `${base}-type-msg`, onChange: onEdit('type'), dataset: { touch: `additional_data[${i}]` } },
        AD_TYPES.map((ty) => h('option', { value: ty, selected: item.type === ty }, t('adTypes')[ty] ?? ty)))),
      sub('field', h('input', { id: `${base}-field`, value: item.field, 'aria-describedby': `${base}-field-msg`, onInput: onEdit('field'), dataset: { touch: `additional_data[${i}]` } })),
      sub('value', h('input', { id: `${base}-value`, value: item.value, 'aria-describedby': `${base}-value-msg`, onInput: onEdit('value'), dataset: { touch: `additional_data[${i}]` } })),
      h('button', {
        type: 'button', className: 'icon', 'aria-label': t('adRemove', { n }), title: t('adRemove', { n }),
        onClick: () => {
          state.additional.splice(i, 1);
          rerenderAdditional();
          document.getElementById('ad-add')?.focus();
        },
      }, '×'),
    );
  });
  return h(
    'fieldset',
    { id: ids.id, className: 'field group kind-additionalData', dataset: { field: f.name }, 'aria-describedby': ids.msg },
    h('legend', {}, t(f.name), ' ', h('span', { className: 'muted small' }, `(${t('optional')})`)),
    h('div', { className: 'ad-list' }, items),
    h('p', { className: 'msg', id: ids.msg }),
    h('button', {
      type: 'button', id: 'ad-add',
      onClick: () => {
        state.additional.push({ type: 'text', field: '', value: '' });
        rerenderAdditional();
        document.getElementById(`f-ad-${state.additional.length - 1}-type`)?.focus();
      },
    }, `+ ${t('adAdd')}`),
  );
}

function rerenderAdditional() {
  const old = root.querySelector('[data-field="additional_data"]');
  const f = APIS[state.api].fields.find((x) => x.kind === 'additionalData');
  if (old && f) old.replaceWith(renderAdditionalData(f));
  update();
}

function renderSending() {
  const api = APIS[state.api];
  const o = state.opts[state.api];
  const input = (key, labelText, hint, { extra = null, ...attrs } = {}) => {
    const id = `opt-${key}`;
    return h('div', { className: 'field', dataset: { field: `options.${key}` } },
      h('label', { for: id }, labelText),
      hint ? h('p', { className: 'hint', id: `${id}-hint` }, hint) : null,
      h('div', { className: 'control' },
        h('input', {
          id, value: o[key], spellcheck: 'false', autocomplete: 'off',
          'aria-describedby': `${hint ? `${id}-hint ` : ''}${id}-msg`,
          dataset: { touch: `options.${key}` },
          onInput: (e) => {
            o[key] = e.target.value;
            edited(`options.${key}`);
          },
          ...attrs,
        }),
        extra),
      h('p', { className: 'msg', id: `${id}-msg` }));
  };
  const parts = [h('legend', {}, t('credentials'), ' ', h('span', { className: 'muted small' }, `(${t('optional')})`))];
  if (state.api === 'sdr_agent') {
    parts.push(h('div', { className: 'field' },
      h('fieldset', { className: 'seg small-seg' },
        h('legend', {}, t('authMethod')),
        ...['apiKey', 'bearer'].map((m) => h('label', {},
          h('input', {
            type: 'radio', name: 'auth', value: m, checked: o.auth === m,
            onChange: () => {
              o.auth = m;
              renderSending();
              update();
            },
          }), ' ', h('span', {}, t(m === 'apiKey' ? 'authApiKey' : 'authBearer')))))));
  }
  if (state.api === 'sdr_agent' && o.auth === 'bearer') {
    parts.push(input('bearerToken', t('bearerToken'), t('apiKeyHint', { env: `$${api.tokenEnv}` }), { type: 'password' }));
  } else {
    parts.push(input('apiKey', t('apiKey'), t('apiKeyHint', { env: `$${api.keyEnv}` }), { type: 'password' }));
  }
  if (state.api === 'sdr_agent') {
    const gen = h('button', {
      type: 'button', className: 'inline',
      onClick: () => {
        o.importId = crypto.randomUUID();
        const el = document.getElementById('opt-importId');
        if (el) el.value = o.importId;
        update();
      },
    }, t('generate'));
    parts.push(input('importId', t('importId'), t('importIdHint'), { className: 'mono', extra: gen }));
  }
  sendingRoot.replaceChildren(...parts);
}

// ---------------------------------------------------------------- validation

/** The contact as the API's builder takes it, and problems the page finds itself (JSON). */
function collect() {
  const api = APIS[state.api];
  const contact = {};
  const local = [];
  for (const f of api.fields) {
    if (f.kind === 'additionalData') {
      if (state.additional.length > 0) contact.additional_data = state.additional.map((x) => ({ ...x }));
      continue;
    }
    const v = state.values[f.name];
    if (v === undefined || v === '') continue;
    if (f.kind === 'json') {
      if (v.trim() === '') continue;
      try {
        contact[f.name] = JSON.parse(v);
      } catch (e) {
        local.push({ field: f.name, code: 'invalid_json', message: t('invalidJson', { error: e.message }), params: {} });
      }
      continue;
    }
    contact[f.name] = v;
  }
  return { contact, local };
}

function builderOptions() {
  const o = state.opts[state.api];
  const opts = { lang: lang() };
  if (state.api === 'contactship' && phoneCountry()) opts.defaultCountry = phoneCountry();
  if (state.api === 'sdr_agent' && o.auth === 'bearer') {
    opts.bearerToken = o.bearerToken.trim() === '' ? TOKEN_SENTINEL : o.bearerToken;
  } else {
    opts.apiKey = o.apiKey.trim() === '' ? KEY_SENTINEL : o.apiKey;
  }
  if (state.api === 'sdr_agent' && o.importId.trim() !== '') opts.importId = o.importId.trim();
  return opts;
}

/** The normalized value of one field by its own rule, for the text beside the input. */
function normalizeField(f, raw, defaultCountry) {
  const L = lang();
  switch (f.kind) {
    case 'phone':
      return contactkit.normalizePhone(raw, defaultCountry ? { defaultCountry, lang: L } : { lang: L });
    case 'email':
      return contactkit.normalizeEmail(raw, { lang: L });
    case 'country':
      return contactkit.normalizeCountry(raw, { lang: L });
    case 'linkedin':
      return contactkit.normalizeLinkedIn(raw, { lang: L });
    case 'locale':
      return contactkit.normalizeLocale(raw, { lang: L });
    case 'timezone':
      return contactkit.normalizeTimezone(raw, { lang: L });
    default:
      return null;
  }
}

function describe(f, r) {
  switch (f.kind) {
    case 'phone': {
      const type = r.numberType ? t('nType')[r.numberType] ?? r.numberType : null;
      const region = r.region ?? null;
      return [r.value, r.extension ? `ext. ${r.extension}` : null, type, region].filter(Boolean).join(' · ');
    }
    case 'country':
      return `${r.value} · ${r.name}`;
    case 'linkedin':
      return r.kind && r.kind !== 'profile' ? `${r.value} (${r.kind})` : r.value;
    case 'timezone':
      return r.value;
    default:
      return r.value;
  }
}

/** Which input (or message slot) an error path belongs to. */
function slotOf(path) {
  const ad = /^additional_data\[(\d+)\]\.?(type|field|value)?/.exec(path);
  if (ad) return ad[2] ? `f-ad-${ad[1]}-${ad[2]}` : 'f-additional_data';
  if (path.startsWith('additional_data')) return 'f-additional_data';
  if (path.startsWith('options.')) return `opt-${path.slice(8)}`;
  if (path === '') return null;
  const top = path.split(/[.[]/)[0];
  return fieldIds(top).id;
}

function touchKey(path) {
  const ad = /^(additional_data\[\d+\])/.exec(path);
  if (ad) return ad[1];
  if (path.startsWith('options.')) return path;
  return path.split(/[.[]/)[0];
}

function update() {
  if (!state.ready) return;
  const api = APIS[state.api];
  const { contact, local } = collect();
  const country = phoneCountry();

  // Field rules: normalized values and suggestions.
  const perField = {};
  for (const f of api.fields) {
    const raw = state.values[f.name];
    if (raw === undefined || raw.trim() === '') continue;
    const r = normalizeField(f, raw, country);
    if (r) perField[f.name] = r;
  }

  // The builder: every problem at once, or the request.
  const builder = contactkit[api.builder];
  let errors = [...local];
  let request = null;
  if (typeof builder === 'function') {
    const out = builder(contact, builderOptions());
    if (out?.ok) {
      if (local.length === 0) request = out.request;
    } else if (out) {
      errors = errors.concat(out.errors ?? []);
    }
  } else {
    // Before the payload builders exist: the field rules alone.
    for (const [name, r] of Object.entries(perField)) {
      if (!r.ok) errors.push({ field: name, ...r.error });
    }
  }

  // Messages under each field, shown once the field is touched (or the form submitted).
  const bySlot = new Map();
  for (const e of errors) {
    const slot = slotOf(e.field);
    if (!slot) continue;
    if (!state.submitted && !state.touched.has(touchKey(e.field))) continue;
    if (!bySlot.has(slot)) bySlot.set(slot, []);
    bySlot.get(slot).push(e);
  }
  for (const msg of document.querySelectorAll('#contact-form .msg')) {
    const slot = msg.id.replace(/-msg$/, '');
    const list = bySlot.get(slot) ?? [];
    const text = list.map((e) => e.message).join(' ');
    if (msg.textContent !== text) msg.textContent = text;
    msg.dataset.code = list.map((e) => e.code).join(' ');
    const input = document.getElementById(slot);
    if (input && input.matches('input, textarea, select')) {
      if (list.length > 0) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    } else if (input) {
      input.classList.toggle('invalid', list.length > 0);
    }
  }

  // Normalized values beside the inputs; the email suggestion as a one-click fix.
  for (const f of api.fields) {
    if (f.kind === 'additionalData') continue;
    const ids = fieldIds(f.name);
    const norm = document.getElementById(ids.norm);
    const r = perField[f.name];
    if (norm) {
      const text = r?.ok ? describe(f, r) : '';
      norm.textContent = text ? `✓ ${text}` : '';
      norm.hidden = !text;
    }
    const sug = document.getElementById(ids.sug);
    if (sug) {
      const suggestion = r?.suggestion;
      const shown = suggestion && (state.touched.has(f.name) || state.submitted) ? suggestion : null;
      if ((sug.dataset.value ?? '') !== (shown ?? '') || sug.dataset.lang !== lang()) {
        sug.dataset.value = shown ?? '';
        sug.dataset.lang = lang();
        sug.replaceChildren(...(shown ? [
          h('span', {}, t('suggestion', { value: shown })), ' ',
          h('button', {
            type: 'button', className: 'link', onClick: () => {
              const input = document.getElementById(ids.id);
              input.value = shown;
              state.values[f.name] = shown;
              update();
              input.focus();
              announce(() => t('useSuggestion', { value: shown }), { owner: 'form', key: 'note' });
            },
          }, t('useSuggestion', { value: shown })),
        ] : []));
      }
    }
  }

  state.last = { ok: request !== null, errors, request };
  renderPreview(request, errors, contact);
  // The banner never contradicts the preview: what it said of the form goes as soon as the
  // form changed, and the new verdict follows once typing pauses.
  if (statusOf().owner === 'form' && statusOf().key !== verdict()) clearStatus('form');
  announceLater();
}

// ---------------------------------------------------------------- preview

function renderPreview(request, errors, contact) {
  const api = APIS[state.api];
  const empty = Object.keys(contact).length === 0 && errors.every((e) => e.code === 'required');
  if (request) {
    let pretty = request.body;
    try {
      pretty = JSON.stringify(JSON.parse(request.body), null, 2);
    } catch {
      /* the body is shown as sent */
    }
    const shownHeaders = Object.entries(request.headers ?? {}).map(([k, v]) => [
      k,
      String(v).replace(KEY_SENTINEL, `$${api.keyEnv}`).replace(TOKEN_SENTINEL, `$${api.tokenEnv}`),
    ]);
    const curl = toCurl(request, { [KEY_SENTINEL]: api.keyEnv, [TOKEN_SENTINEL]: api.tokenEnv ?? api.keyEnv });
    previewRoot.replaceChildren(
      h('p', { className: 'req-line mono' }, h('strong', {}, request.method), ' ', request.url),
      h('dl', { className: 'headers mono' }, shownHeaders.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      h('h3', {}, t('body')),
      h('pre', { className: 'code', id: 'preview-body', tabindex: '0', 'aria-label': t('body') }, pretty),
      h('div', { className: 'row-between' },
        h('h3', {}, t('curl')),
        h('button', { type: 'button', className: 'small', id: 'copy-curl', onClick: () => copy(curl) }, t('copy'))),
      h('pre', { className: 'code', id: 'preview-curl', tabindex: '0', 'aria-label': t('curl') }, curl),
    );
    previewRoot.dataset.state = 'ok';
  } else if (empty && !state.submitted) {
    previewRoot.replaceChildren(h('p', { className: 'muted' }, t('previewEmpty')));
    previewRoot.dataset.state = 'empty';
  } else {
    previewRoot.replaceChildren(
      h('p', {}, t('previewBlocked', { count: errors.length })),
      h('ul', { className: 'problems-list' }, errors.map((e) => {
        const slot = slotOf(e.field);
        const name = e.field === '' ? t('contactLevel') : fieldLabel(e.field);
        return h('li', {},
          slot && document.getElementById(slot)
            ? h('button', { type: 'button', className: 'link', onClick: () => document.getElementById(slot)?.focus() }, name)
            : h('strong', {}, name),
          `: ${e.message}`);
      })),
    );
    previewRoot.dataset.state = 'blocked';
  }
}

function fieldLabel(path) {
  const top = path.split(/[.[]/)[0];
  if (path.startsWith('options.')) return t(path.slice(8)) ?? path;
  const label = t(top);
  return path === top ? label : `${label} ${path.slice(top.length)}`;
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    announce(() => t('copied'), { owner: 'form', key: 'note' });
  } catch {
    const pre = document.getElementById('preview-curl');
    if (pre) getSelection()?.selectAllChildren(pre);
    announce(() => t('copyFailed'), { owner: 'form', key: 'note' });
  }
}

/** The form's verdict as the status banner's key: `ok`, or `problems:<count>`. */
function verdict() {
  return state.last?.ok ? 'ok' : `problems:${state.last?.errors.length ?? 0}`;
}

/** Says the verdict in the status banner, unless it says so already (or `again`). */
function announceVerdict(again) {
  const key = verdict();
  if (!again && statusOf().owner === 'form' && statusOf().key === key) return;
  const count = state.last?.errors.length ?? 0;
  announce(() => (key === 'ok' ? t('formOk') : t('formProblems', { count })), { owner: 'form', key });
}

const announceLater = debounce(() => {
  if (!state.last || (!state.submitted && state.touched.size === 0)) return;
  announceVerdict(false);
}, 900);

function submit() {
  state.submitted = true;
  update();
  announceLater.cancel();
  announceVerdict(true);
  if (state.last?.ok) {
    document.getElementById('preview-body')?.focus();
    return;
  }
  const first = document.querySelector('#contact-form [aria-invalid="true"]');
  first?.focus();
}

/** For the e2e tests and the console: the latest outcome. */
export function formState() {
  return state.last;
}
