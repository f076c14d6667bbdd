// The CSV import: pick or drop a file, map its columns to the API's fields (a field can combine
// several columns: First name + Last name → full_name), then stream it through papaparse (in
// chunks, paused until the worker has validated each) into the worker. The page keeps only the
// counts, the problems grouped by code, and one page of problems.

import { APIS, autoMap, csvFields } from './apis.js';
import { compiledContactkit } from './wasm.js';
import { h, announce, clearStatus, saveBlob } from './dom.js';
import { t, lang, num, bindText, unbindText } from './i18n.js';
import { countryList } from './countries.js';
import { countryLabel } from './phone.js';
import { messageIn } from './messages.js';
import { fieldText } from './cells.js';

/** Bytes papaparse reads per chunk (a few thousand rows). */
const PARSE_CHUNK_BYTES = 512 * 1024;
/** Problems shown per page of the table. */
const PAGE_SIZE = 50;

const state = {
  api: 'contactship',
  file: null,
  headers: [],
  sample: [],
  /** Field → the columns (indexes) it reads, in order; several are joined with a space. */
  mapping: {},
  extras: false,
  defaultCountry: '',
  importId: '',
  apiKey: '',
  running: null,
  summary: null,
  /**
   * Per list (`problems`, `warnings`): how many, the first row of the page shown, and the code
   * the table is narrowed to (null for all).
   */
  lists: { problems: { total: 0, offset: 0, code: null }, warnings: { total: 0, offset: 0, code: null } },
  /** Problems of the options, as the library gave them (shown again in another language). */
  optionErrors: [],
  tookMs: 0,
};

let worker = null;
let workerReady = null;
const pending = new Map();

export function initImport() {
  const input = document.getElementById('csv-file');
  input.addEventListener('change', () => {
    if (input.files?.[0]) openFile(input.files[0]);
  });
  const zone = document.getElementById('dropzone');
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const file = e.dataTransfer?.files?.[0];
    if (file) openFile(file);
  });
  document.getElementById('run-import').addEventListener('click', run);
  document.getElementById('cancel-import').addEventListener('click', cancel);
  document.getElementById('download-ndjson').addEventListener('click', () => download('ndjson'));
  document.getElementById('download-csv').addEventListener('click', () => download('csv'));
}

export function setImportApi(api) {
  state.api = api;
  if (state.running) cancel();
  document.getElementById('results').hidden = true;
  clearStatus('import');
  if (state.headers.length > 0) {
    const headers = state.headers;
    autoMap(api, headers).then((mapping) => {
      if (state.api !== api || state.headers !== headers) return; // superseded
      state.mapping = mapping;
      renderMapping();
    });
  }
}

/** Everything the import shows that is not rebuilt by `translatePage`, in the new language. */
export function refreshImportLanguage() {
  if (state.headers.length > 0) renderMapping();
  if (state.summary) {
    renderSummary();
    showLists(); // one request at a time: the worker's replies are matched by their type
  }
}

/** Both lists' tables by code and pages, one after the other. */
async function showLists() {
  for (const list of Object.keys(LISTS)) {
    await showGroups(list);
    await showPage(list, state.lists[list].offset);
  }
}

// ---------------------------------------------------------------- the worker

function ensureWorker() {
  if (worker) return workerReady;
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'contactkit-import' });
  worker.onmessage = ({ data }) => onWorkerMessage(data);
  worker.onerror = (e) => fail(e.message || 'worker error');
  workerReady = compiledContactkit().then(
    (module) =>
      new Promise((resolve) => {
        pending.set('ready', resolve);
        // The page's compiled module: the worker instantiates it without fetching again.
        worker.postMessage({ type: 'init', module });
      }),
  );
  return workerReady;
}

function request(type, message, reply = type) {
  return new Promise((resolve) => {
    pending.set(reply, resolve);
    worker.postMessage({ type, ...message });
  });
}

function onWorkerMessage(data) {
  switch (data.type) {
    case 'progress':
      onProgress(data);
      return;
    case 'ack':
      state.running?.parser?.resume();
      return;
    case 'failed':
      fail(data.message);
      return;
    default: {
      const resolve = pending.get(data.type);
      pending.delete(data.type);
      resolve?.(data);
    }
  }
}

function stopWorker() {
  worker?.terminate();
  worker = null;
  workerReady = null;
  pending.clear();
}

// ---------------------------------------------------------------- the file

function openFile(file) {
  if (state.running) cancel();
  state.file = file;
  state.summary = null;
  document.getElementById('results').hidden = true;
  document.getElementById('progress-area').hidden = true;
  const Papa = globalThis.Papa;
  Papa.parse(file, {
    preview: 2,
    skipEmptyLines: 'greedy',
    complete: (res) => {
      const [row = [], sample = []] = res.data;
      if (row.length === 0 || row.every((x) => x.trim() === '')) {
        bindText(document.getElementById('file-info'), () => t('noHeader'));
        document.getElementById('mapping-area').hidden = true;
        return;
      }
      const headers = row.map((x) => x.trim());
      state.headers = headers;
      state.sample = sample;
      const api = state.api;
      autoMap(api, headers).then((mapping) => {
        if (state.api !== api || state.headers !== headers) return; // superseded
        state.mapping = mapping;
        renderFileInfo();
        renderMapping();
        document.getElementById('mapping-area').hidden = false;
        document.getElementById('run-import').focus();
      }, (e) => {
        bindText(document.getElementById('file-info'), () => t('loadFailed', { error: e.message }));
      });
    },
    error: (err) => {
      bindText(document.getElementById('file-info'), () => t('parseFailed', { error: err.message }));
    },
  });
  ensureWorker(); // instantiate while the user looks at the mapping
}

function renderFileInfo() {
  const f = state.file;
  const size = f.size >= 1e6 ? `${(f.size / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(f.size / 1e3))} KB`;
  const columns = state.headers.length;
  bindText(document.getElementById('file-info'), () => t('fileInfo', { name: f.name, size, columns }));
}

function renderMapping() {
  const fields = csvFields(state.api);
  const columnOptions = (selected) => [
    h('option', { value: '' }, t('notMapped')),
    state.headers.map((name, i) => h('option', { value: String(i), selected: selected === i }, name || `#${i + 1}`)),
  ];
  const setColumns = (field, columns, focusId) => {
    if (columns.length === 0) delete state.mapping[field];
    else state.mapping[field] = columns;
    renderMapping();
    document.getElementById(focusId)?.focus();
  };
  const table = h('table', { className: 'mapping' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('field')), h('th', { scope: 'col' }, 'CSV'), h('th', { scope: 'col' }, t('sample')))),
    h('tbody', {}, fields.map((f) => {
      const id = `map-${f.name}`;
      const columns = state.mapping[f.name] ?? [];
      // The first select (empty when the field reads no column), then one per further column,
      // each with a button that removes it.
      const selects = (columns.length === 0 ? [undefined] : columns).map((col, k) => {
        const selectId = k === 0 ? id : `${id}-${k}`;
        const select = h('select', {
          id: selectId, dataset: { field: f.name },
          'aria-label': k === 0 ? null : t('combinedColumn', { field: t(f.name), n: k + 1 }),
          onChange: (e) => {
            const v = e.target.value;
            const next = [...columns];
            if (v === '') next.splice(k, 1);
            else next[k] = Number(v);
            setColumns(f.name, next, selectId);
          },
        }, columnOptions(col));
        if (k === 0) return select;
        return h('div', { className: 'combined' },
          h('span', { className: 'plus', 'aria-hidden': 'true' }, '+'),
          select,
          h('button', {
            type: 'button', className: 'icon', dataset: { remove: String(k) },
            'aria-label': t('removeColumn', { n: k + 1 }), title: t('removeColumn', { n: k + 1 }),
            onClick: () => setColumns(f.name, columns.filter((_, j) => j !== k), id),
          }, '×'));
      });
      const add = columns.length > 0 && columns.length < state.headers.length
        ? h('button', {
          type: 'button', className: 'link small', dataset: { combine: f.name },
          onClick: () => {
            const free = state.headers.findIndex((_, i) => !columns.includes(i));
            setColumns(f.name, [...columns, free], `${id}-${columns.length}`);
          },
        }, `+ ${t('combineColumn')}`)
        : null;
      return h('tr', { dataset: { field: f.name } },
        h('th', { scope: 'row' },
          h('label', { for: id }, t(f.name), f.required ? ' *' : ''),
          h('div', { className: 'mono muted small' }, f.name)),
        h('td', {}, selects, add),
        h('td', { className: 'sample' }, columns.length === 0 ? '' : fieldText(state.sample, columns) ?? ''));
    })));
  document.getElementById('mapping').replaceChildren(table);
  renderImportOptions();
}

function renderImportOptions() {
  const api = APIS[state.api];
  const parts = [];
  const mapped = new Set(Object.values(state.mapping).flat());
  const unmapped = state.headers.filter((name, i) => !mapped.has(i) && name !== '');
  if (unmapped.length > 0) {
    parts.push(h('div', { className: 'check' },
      h('input', {
        type: 'checkbox', id: 'imp-extras', checked: state.extras,
        onChange: (e) => {
          state.extras = e.target.checked;
        },
      }),
      h('label', { for: 'imp-extras' },
        t('extras', { target: t(api.extras === 'metadata' ? 'extrasSdr' : 'extrasContactship') }),
        h('span', { className: 'muted small' }, ` (${unmapped.join(', ')})`))));
  }
  if (state.api === 'contactship') {
    const list = countryList(lang());
    parts.push(h('div', { className: 'field' },
      h('label', { for: 'imp-country' }, t('defaultCountry')),
      h('p', { className: 'hint', id: 'imp-country-hint' }, t('defaultCountryHint')),
      h('select', {
        id: 'imp-country', 'aria-describedby': 'imp-country-hint',
        onChange: (e) => {
          state.defaultCountry = e.target.value;
        },
      },
      h('option', { value: '' }, t('none')),
      list.map((c) => h('option', { value: c.code, selected: c.code === state.defaultCountry }, countryLabel(c))))));
  } else {
    state.importId ||= crypto.randomUUID();
    parts.push(h('div', { className: 'field' },
      h('label', { for: 'imp-import-id' }, t('importId')),
      h('p', { className: 'hint', id: 'imp-import-id-hint' }, t('importIdHint')),
      h('input', {
        id: 'imp-import-id', className: 'mono', value: state.importId, spellcheck: 'false',
        'aria-describedby': 'imp-import-id-hint',
        onInput: (e) => {
          state.importId = e.target.value.trim();
        },
      })));
  }
  parts.push(h('div', { className: 'field' },
    h('label', { for: 'imp-key' }, t('apiKey')),
    h('input', {
      id: 'imp-key', type: 'password', value: state.apiKey, autocomplete: 'off',
      onInput: (e) => {
        state.apiKey = e.target.value;
      },
    })));
  document.getElementById('import-options').replaceChildren(...parts);
}

// ---------------------------------------------------------------- running

async function run() {
  if (!state.file || state.running) return;
  const runButton = document.getElementById('run-import');
  const cancelButton = document.getElementById('cancel-import');
  const progress = document.getElementById('import-progress');
  document.getElementById('results').hidden = true;
  document.getElementById('progress-area').hidden = false;
  progress.value = 0;
  showProgress(0, 0);
  runButton.disabled = true;
  cancelButton.hidden = false;
  const started = performance.now();
  const job = { parser: null, first: true, cancelled: false };
  state.running = job;

  await ensureWorker();
  const options = { lang: lang() };
  if (state.api === 'contactship' && state.defaultCountry) options.defaultCountry = state.defaultCountry;
  if (state.api === 'sdr_agent' && state.importId) options.importId = state.importId;
  if (state.apiKey.trim() !== '') options.apiKey = state.apiKey;
  const started2 = await request('start', {
    target: APIS[state.api].target,
    options,
    mapping: state.mapping,
    headers: state.headers,
    extras: state.extras ? APIS[state.api].extras : null,
  }, 'started');
  if (job.cancelled) return;
  // Bad options (an import ID that is not a UUID, say) would fail every row: stop here.
  state.optionErrors = started2.errors ?? [];
  const optionErrors = () => state.optionErrors.map((e) => messageIn(e, lang())).join(' ');
  const optionsEl = document.getElementById('import-option-errors');
  if (state.optionErrors.length > 0) {
    bindText(optionsEl, optionErrors);
    state.running = null;
    runButton.disabled = false;
    cancelButton.hidden = true;
    unbindText(document.getElementById('progress-text'));
    announce(optionErrors, { owner: 'import', key: 'options' });
    return;
  }
  unbindText(optionsEl);

  await new Promise((resolve, reject) => {
    globalThis.Papa.parse(state.file, {
      skipEmptyLines: 'greedy',
      chunkSize: PARSE_CHUNK_BYTES,
      chunk: (res, parser) => {
        job.parser = parser;
        if (job.cancelled) {
          parser.abort();
          return;
        }
        let rows = res.data;
        if (job.first) {
          rows = rows.slice(1); // the header row
          job.first = false;
        }
        parser.pause(); // resumed by the worker's ack: never more than one chunk in flight
        worker.postMessage({ type: 'rows', rows, cursor: res.meta.cursor });
      },
      complete: resolve,
      error: reject,
    });
  }).catch((e) => fail(e.message));
  if (job.cancelled || state.running !== job) return;
  const done = await request('finish', {}, 'done');
  if (job.cancelled) return;
  state.tookMs = performance.now() - started;
  state.running = null;
  state.summary = done.summary;
  state.lists = {
    problems: { total: done.problems, offset: 0, code: null },
    warnings: { total: done.warnings, offset: 0, code: null },
  };
  progress.value = 100;
  showProgress(done.summary.total, 100);
  runButton.disabled = false;
  cancelButton.hidden = true;
  renderSummary();
  await showLists();
  document.getElementById('results').hidden = false;
  document.getElementById('results').dataset.done = 'true';
  const s = done.summary;
  announce(() => t('done', { valid: num(s.valid), invalid: num(s.invalid), duplicates: num(s.duplicates), warnings: num(done.warnings) }),
    { owner: 'import', key: 'done' });
  document.querySelector('#summary')?.focus();
}

function onProgress(data) {
  const size = state.file?.size || 1;
  const percent = Math.min(100, Math.round((data.cursor / size) * 100));
  document.getElementById('import-progress').value = percent;
  showProgress(data.rows, percent);
}

function showProgress(rows, percent) {
  bindText(document.getElementById('progress-text'), () => t('progressText', { rows: num(rows), percent }));
}

/** Stops the running import (parser and worker) and gives the controls back. */
function stopJob() {
  const job = state.running;
  if (job) {
    job.cancelled = true;
    job.parser?.abort();
  }
  state.running = null;
  stopWorker();
  document.getElementById('run-import').disabled = false;
  document.getElementById('cancel-import').hidden = true;
}

function cancel() {
  if (!state.running) return;
  stopJob();
  document.getElementById('progress-area').hidden = true;
  announce(() => t('cancelled'), { owner: 'import', key: 'cancelled' });
}

function fail(message) {
  stopJob();
  const text = () => t('parseFailed', { error: message });
  bindText(document.getElementById('progress-text'), text);
  announce(text, { owner: 'import', key: 'failed' });
}

// ---------------------------------------------------------------- results

function renderSummary() {
  const s = state.summary;
  const card = (key, value, cls) =>
    h('div', { className: `card ${cls}`, dataset: { count: key } },
      h('span', { className: 'count' }, num(value)), h('span', { className: 'label' }, t(key)));
  const summary = document.getElementById('summary');
  summary.setAttribute('tabindex', '-1');
  summary.replaceChildren(
    card('rows', s.total, 'total'),
    card('valid', s.valid, 'ok'),
    card('invalid', s.invalid, 'bad'),
    card('duplicates', s.duplicates, 'dup'),
    card('warnings', state.lists.warnings.total, 'warn'),
  );
  document.getElementById('took').textContent = t('took', { rows: num(s.total), seconds: (state.tookMs / 1000).toFixed(2) });
  document.getElementById('took').dataset.ms = String(Math.round(state.tookMs));
  document.getElementById('download-ndjson').disabled = s.valid === 0;
  document.getElementById('download-csv').disabled = state.lists.problems.total + state.lists.warnings.total === 0;
}

/**
 * The two lists the results show, each as a table by code and a table by row: the problems
 * (what makes a row invalid) and the warnings (worth telling, the row is sent as it is). Their
 * elements' ids and texts.
 */
const LISTS = {
  problems: {
    groups: 'problem-groups', rows: 'problems', title: 'problems', byCode: 'byCode', all: 'allProblems', none: 'noProblems',
    range: 'problemsRange', rangeCode: 'problemsRangeCode', noneClass: 'ok-text',
  },
  warnings: {
    groups: 'warning-groups', rows: 'warnings', title: 'warnings', byCode: 'warningsByCode', all: 'allWarnings', none: 'noWarnings',
    range: 'warningsRange', rangeCode: 'warningsRangeCode', noneClass: 'muted',
  },
};

/** A list's items grouped by code, most frequent first; each narrows the list's table to its code. */
async function showGroups(list) {
  const ids = LISTS[list];
  const shown = state.lists[list];
  const root = document.getElementById(ids.groups);
  if (shown.total === 0) {
    root.replaceChildren();
    return;
  }
  const { groups } = await request('groups', { lang: lang(), list });
  const filter = (code) => h('button', {
    type: 'button', className: 'link', dataset: { code: code ?? '' }, 'aria-pressed': String(shown.code === code),
    onClick: async () => {
      shown.code = code;
      await showGroups(list);
      await showPage(list, 0);
      document.querySelector(`#${ids.groups} [data-code="${code ?? ''}"]`)?.focus();
    },
  }, code ?? t(ids.all));
  const table = h('table', { className: 'groups' },
    h('caption', { className: 'sr-only' }, t(ids.byCode)),
    h('thead', {}, h('tr', {}, ['code', 'count', 'fields', 'example'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, groups.map((g) =>
      h('tr', { dataset: { group: g.code }, className: shown.code === g.code ? 'current' : null },
        h('td', { className: 'mono' }, filter(g.code)),
        h('td', { className: 'num' }, num(g.count)),
        h('td', { className: 'mono' }, g.fields.map(([field, n]) => `${field || '—'} (${num(n)})`).join(', ')),
        h('td', {}, g.example)))));
  const widen = shown.code === null ? [] : [h('p', {}, filter(null))];
  root.replaceChildren(h('div', { className: 'table-wrap' }, table), ...widen);
}

/** One page of a list's table by row, from `offset`. */
async function showPage(list, offset) {
  const ids = LISTS[list];
  const shown = state.lists[list];
  const root = document.getElementById(ids.rows);
  if (shown.total === 0) {
    root.replaceChildren(h('p', { className: ids.noneClass }, t(ids.none)));
    return;
  }
  const page = await request('page', { offset, limit: PAGE_SIZE, lang: lang(), code: shown.code, list });
  shown.offset = offset;
  const from = offset + 1;
  const to = offset + page.items.length;
  const caption = shown.code === null
    ? t(ids.range, { from: num(from), to: num(to), total: num(page.total) })
    : t(ids.rangeCode, { from: num(from), to: num(to), total: num(page.total), code: shown.code });
  const turn = (next, which) => showPage(list, next).then(() => focusPager(list, which));
  // A group named after its list: two pagers' "Next" buttons are told apart.
  const pager = h('div', { className: 'pager', role: 'group', 'aria-label': t(ids.title) },
    h('button', { type: 'button', disabled: offset === 0, onClick: () => turn(Math.max(0, offset - PAGE_SIZE), 'prev'), dataset: { pager: 'prev' } }, `← ${t('prev')}`),
    h('span', { 'aria-live': 'polite' }, caption),
    h('button', { type: 'button', disabled: to >= page.total, onClick: () => turn(offset + PAGE_SIZE, 'next'), dataset: { pager: 'next' } }, `${t('next')} →`));
  const table = h('table', { className: list },
    h('caption', { className: 'sr-only' }, caption),
    h('thead', {}, h('tr', {}, ['row', 'field', 'code', 'message'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, page.items.map((p) =>
      h('tr', {},
        h('td', { className: 'num' }, String(p.row)),
        h('td', { className: 'mono' }, p.field || '—'),
        h('td', { className: 'mono' }, p.code),
        h('td', {}, p.message)))));
  root.replaceChildren(pager, h('div', { className: 'table-wrap' }, table));
}

function focusPager(list, which) {
  const rows = LISTS[list].rows;
  const b = document.querySelector(`#${rows} [data-pager="${which}"]`);
  if (b && !b.disabled) b.focus();
  else document.querySelector(`#${rows} [data-pager]:not([disabled])`)?.focus();
}

async function download(kind) {
  if (!worker) return;
  const reply = await request('download', { kind, lang: lang() }, 'file');
  const target = APIS[state.api].target;
  saveBlob(reply.blob, kind === 'ndjson' ? `${target}-requests.ndjson` : `${target}-problems.csv`);
}
