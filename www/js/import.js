// The CSV import: pick or drop a file, map its columns to the API's fields, then stream it
// through papaparse (in chunks, paused until the worker has validated each) into the worker.
// The page keeps only the counts and one page of problems.

import { APIS, autoMap, csvFields } from './apis.js';
import { loadContactkit } from './wasm.js';
import { h, announce, saveBlob } from './dom.js';
import { t, lang, num } from './i18n.js';
import { countryList } from './countries.js';

/** Bytes papaparse reads per chunk (a few thousand rows). */
const PARSE_CHUNK_BYTES = 512 * 1024;
/** Problems shown per page of the table. */
const PAGE_SIZE = 50;

const state = {
  api: 'contactship',
  file: null,
  headers: [],
  sample: [],
  mapping: {},
  extras: false,
  defaultCountry: '',
  importId: '',
  apiKey: '',
  running: null,
  summary: null,
  problemsTotal: 0,
  pageOffset: 0,
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
  if (state.headers.length > 0) {
    const headers = state.headers;
    autoMap(api, headers).then((mapping) => {
      if (state.api !== api || state.headers !== headers) return; // superseded
      state.mapping = mapping;
      renderMapping();
    });
  }
}

export function refreshImportLanguage() {
  if (state.headers.length > 0) {
    renderFileInfo();
    renderMapping();
  }
  if (state.summary) {
    renderSummary();
    showPage(state.pageOffset);
  }
}

// ---------------------------------------------------------------- the worker

function ensureWorker() {
  if (worker) return workerReady;
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'contactkit-import' });
  worker.onmessage = ({ data }) => onWorkerMessage(data);
  worker.onerror = (e) => fail(e.message || 'worker error');
  workerReady = loadContactkit().then(
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
        document.getElementById('file-info').textContent = t('noHeader');
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
        document.getElementById('file-info').textContent = t('loadFailed', { error: e.message });
      });
    },
    error: (err) => {
      document.getElementById('file-info').textContent = t('parseFailed', { error: err.message });
    },
  });
  ensureWorker(); // instantiate while the user looks at the mapping
}

function renderFileInfo() {
  const f = state.file;
  const size = f.size >= 1e6 ? `${(f.size / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(f.size / 1e3))} KB`;
  document.getElementById('file-info').textContent = t('fileInfo', { name: f.name, size, columns: state.headers.length });
}

function renderMapping() {
  const fields = csvFields(state.api);
  const table = h('table', { className: 'mapping' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('field')), h('th', { scope: 'col' }, 'CSV'), h('th', { scope: 'col' }, t('sample')))),
    h('tbody', {}, fields.map((f) => {
      const id = `map-${f.name}`;
      const col = state.mapping[f.name];
      return h('tr', {},
        h('th', { scope: 'row' },
          h('label', { for: id }, t(f.name), f.required ? ' *' : ''),
          h('div', { className: 'mono muted small' }, f.name)),
        h('td', {}, h('select', {
          id, dataset: { field: f.name },
          onChange: (e) => {
            const v = e.target.value;
            if (v === '') delete state.mapping[f.name];
            else state.mapping[f.name] = Number(v);
            renderMapping();
            document.getElementById(id)?.focus();
          },
        },
        h('option', { value: '' }, t('notMapped')),
        state.headers.map((name, i) => h('option', { value: String(i), selected: col === i }, name || `#${i + 1}`)))),
        h('td', { className: 'sample' }, col === undefined ? '' : String(state.sample[col] ?? '')));
    })));
  document.getElementById('mapping').replaceChildren(table);
  renderImportOptions();
}

function renderImportOptions() {
  const api = APIS[state.api];
  const parts = [];
  const mapped = new Set(Object.values(state.mapping));
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
      list.map((c) => h('option', { value: c.code, selected: c.code === state.defaultCountry }, `${c.name} (${c.code})`)))));
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
  document.getElementById('progress-text').textContent = t('progressText', { rows: 0, percent: 0 });
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
  const optionErrors = (started2.errors ?? []).map((e) => e.message).join(' ');
  document.getElementById('import-option-errors').textContent = optionErrors;
  if (optionErrors) {
    state.running = null;
    runButton.disabled = false;
    cancelButton.hidden = true;
    document.getElementById('progress-text').textContent = '';
    announce(optionErrors);
    return;
  }

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
  state.problemsTotal = done.problems;
  progress.value = 100;
  document.getElementById('progress-text').textContent = t('progressText', { rows: num(done.summary.total), percent: 100 });
  runButton.disabled = false;
  cancelButton.hidden = true;
  renderSummary();
  await showPage(0);
  document.getElementById('results').hidden = false;
  document.getElementById('results').dataset.done = 'true';
  const s = done.summary;
  announce(t('done', { valid: num(s.valid), invalid: num(s.invalid), duplicates: num(s.duplicates) }));
  document.querySelector('#summary')?.focus();
}

function onProgress(data) {
  const size = state.file?.size || 1;
  const percent = Math.min(100, Math.round((data.cursor / size) * 100));
  document.getElementById('import-progress').value = percent;
  document.getElementById('progress-text').textContent = t('progressText', { rows: num(data.rows), percent });
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
  announce(t('cancelled'));
}

function fail(message) {
  stopJob();
  document.getElementById('progress-text').textContent = t('parseFailed', { error: message });
  announce(t('parseFailed', { error: message }));
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
  );
  document.getElementById('took').textContent = t('took', { rows: num(s.total), seconds: (state.tookMs / 1000).toFixed(2) });
  document.getElementById('took').dataset.ms = String(Math.round(state.tookMs));
  document.getElementById('download-ndjson').disabled = s.valid === 0;
  document.getElementById('download-csv').disabled = state.problemsTotal === 0;
}

async function showPage(offset) {
  const root = document.getElementById('problems');
  if (state.problemsTotal === 0) {
    root.replaceChildren(h('p', { className: 'ok-text' }, t('noProblems')));
    return;
  }
  const page = await request('page', { offset, limit: PAGE_SIZE, lang: lang() });
  state.pageOffset = offset;
  const from = offset + 1;
  const to = offset + page.items.length;
  const caption = t('problemsRange', { from: num(from), to: num(to), total: num(page.total) });
  const pager = h('div', { className: 'pager' },
    h('button', { type: 'button', disabled: offset === 0, onClick: () => showPage(Math.max(0, offset - PAGE_SIZE)).then(() => focusPager('prev')), dataset: { pager: 'prev' } }, `← ${t('prev')}`),
    h('span', { 'aria-live': 'polite' }, caption),
    h('button', { type: 'button', disabled: to >= page.total, onClick: () => showPage(offset + PAGE_SIZE).then(() => focusPager('next')), dataset: { pager: 'next' } }, `${t('next')} →`));
  const table = h('table', { className: 'problems' },
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

function focusPager(which) {
  const b = document.querySelector(`#problems [data-pager="${which}"]`);
  if (b && !b.disabled) b.focus();
  else document.querySelector('#problems [data-pager]:not([disabled])')?.focus();
}

async function download(kind) {
  if (!worker) return;
  const reply = await request('download', { kind, lang: lang() }, 'file');
  const target = APIS[state.api].target;
  saveBlob(reply.blob, kind === 'ndjson' ? `${target}-requests.ndjson` : `${target}-problems.csv`);
}
