// The import's module worker: validates CSV rows with the library's stateful batch validator
// (so duplicates across chunks are found), keeps the valid requests and the problems, and
// hands the page progress, pages of problems and the downloads. The page never holds more
// than one page of problems.
//
// Messages in:  init {module} · start {target, options, mapping, headers, extras}
//               rows {rows, cursor} · finish · groups {lang, list}
//               page {offset, limit, lang, code, list} · download {kind, lang}
// Messages out: ready · started {errors} · progress {rows, cursor, summary} · ack
//               done {summary, problems, warnings} · groups {groups} · page {items, total, offset}
//               file {kind, blob} · failed {message}
//
// `list` is 'problems' (what makes a row invalid) or 'warnings' (the batch warnings a row may
// carry, valid or not: `email_suggestion`, `resolved_alias`).
//
// `mapping` is `{ field: [column, …] }`: a field of several columns gets their cells trimmed,
// the empty ones left out, joined by a space (First name + Last name → full_name; cells.js).

import init, * as contactkit from '/pkg/contactkit.js';
import { messageIn } from './messages.js';
import { fieldText } from './cells.js';

/** Rows handed to the validator per call, with progress posted after each. */
const CHUNK = 1000;

let validator = null;
let job = null;

function reset() {
  try {
    validator?.free?.();
  } catch {
    /* already freed */
  }
  validator = null;
  job = null;
}

/** A CSV row (array of cells) as the contact object of the chosen API. */
function toContact(cells) {
  const contact = {};
  for (const [field, columns] of job.mapping) {
    const v = fieldText(cells, columns);
    if (v !== undefined && v !== '') contact[field] = v;
  }
  if (job.extraColumns.length > 0) {
    if (job.extras === 'additional_data') {
      const items = [];
      for (const i of job.extraColumns) {
        const v = cells[i];
        if (v !== undefined && v.trim() !== '') items.push({ type: 'text', field: job.headers[i], value: v });
      }
      if (items.length > 0) contact.additional_data = items;
    } else if (job.extras === 'metadata') {
      const meta = {};
      let any = false;
      for (const i of job.extraColumns) {
        const v = cells[i];
        if (v !== undefined && v.trim() !== '') {
          meta[job.headers[i]] = v;
          any = true;
        }
      }
      if (any) contact.metadata = meta;
    }
  }
  return contact;
}

/** Spreadsheet row number of a 0-based data row: the header is row 1. */
const sheetRow = (index) => index + 2;

function validateRows(rows) {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const contacts = rows.slice(start, start + CHUNK).map(toContact);
    // `{ results, errors }`; `errors` only when the chunk itself is not an array.
    const out = validator.validate(contacts);
    if (out?.errors?.length) throw new Error(out.errors.map((e) => e.message).join(' '));
    for (const r of out.results) {
      if (r.ok) {
        job.requests.push(JSON.stringify(r.request));
      } else {
        for (const e of r.errors) note(job.problems, r.row, e);
      }
      for (const w of r.warnings ?? []) note(job.warnings, r.row, w);
    }
    job.validated += contacts.length;
  }
}

/**
 * Keeps a problem or a warning of a row in `list` (job.problems or job.warnings) and counts it
 * in its code's group: how many, on which fields, and the first of them.
 */
function note(list, index, e) {
  const item = { row: sheetRow(index), field: e.field, code: e.code, params: e.params ?? {}, message: e.message };
  list.push(item);
  const groups = list.groups;
  let g = groups.get(item.code);
  if (!g) {
    g = { code: item.code, count: 0, fields: new Map(), first: item };
    groups.set(item.code, g);
  }
  g.count++;
  g.fields.set(item.field, (g.fields.get(item.field) ?? 0) + 1);
}

/** A list of problems or warnings, with its groups by code (see `note`). */
function itemList() {
  return Object.assign([], { groups: new Map() });
}

/** A warning's params for the CSV's `warnings` column: `suggestion=ana@gmail.com`. */
function paramsText(params) {
  return Object.entries(params).map(([k, v]) => `${k}=${v}`).join(' ');
}

/**
 * A problem's message in `lang`. Duplicates name the first row as the spreadsheet shows it
 * (the library counts rows from 0 within the batch).
 */
function messageOf(p, lang) {
  const params = p.code === 'duplicate' && typeof p.params.first_row === 'number'
    ? { ...p.params, first_row: sheetRow(p.params.first_row), first_row_number: sheetRow(p.params.first_row) }
    : p.params;
  if (lang === job.lang && params === p.params) return p.message;
  return messageIn({ code: p.code, params, message: p.message }, lang);
}

function csvCell(v) {
  const s = String(v ?? '');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

self.onmessage = async ({ data }) => {
  try {
    switch (data.type) {
      case 'init':
        await init({ module_or_path: data.module });
        // Let the engine compile this instance's phone code now, while the user maps columns.
        contactkit.normalizePhone('2015550123', { defaultCountry: 'US' });
        self.postMessage({ type: 'ready' });
        break;
      case 'start': {
        reset();
        const options = { ...data.options, target: data.target };
        validator = new contactkit.BatchValidator(options);
        const mapped = new Set(Object.values(data.mapping).flat());
        job = {
          lang: data.options.lang ?? 'en',
          headers: data.headers,
          mapping: Object.entries(data.mapping),
          extras: data.extras,
          extraColumns: data.extras ? data.headers.map((_, i) => i).filter((i) => !mapped.has(i) && data.headers[i] !== '') : [],
          requests: [],
          problems: itemList(),
          warnings: itemList(),
          validated: 0,
        };
        // Problems of the options (a bad import ID, say): every row fails with them too.
        self.postMessage({ type: 'started', errors: validator.errors ?? [] });
        break;
      }
      case 'rows':
        if (!job) return;
        validateRows(data.rows);
        self.postMessage({ type: 'progress', rows: job.validated, cursor: data.cursor, summary: validator.summary() });
        self.postMessage({ type: 'ack' });
        break;
      case 'finish':
        if (!job) return;
        self.postMessage({ type: 'done', summary: validator.summary(), problems: job.problems.length, warnings: job.warnings.length });
        break;
      case 'groups': {
        // Most frequent first; a tie in the order the codes were first met.
        const groups = [...(job?.[data.list].groups.values() ?? [])]
          .sort((a, b) => b.count - a.count)
          .map((g) => ({
            code: g.code,
            count: g.count,
            fields: [...g.fields].sort((a, b) => b[1] - a[1]),
            example: messageOf(g.first, data.lang),
          }));
        self.postMessage({ type: 'groups', groups });
        break;
      }
      case 'page': {
        const all = job?.[data.list] ?? [];
        const list = data.code ? all.filter((p) => p.code === data.code) : all;
        const items = list
          .slice(data.offset, data.offset + data.limit)
          .map((p) => ({ row: p.row, field: p.field, code: p.code, message: messageOf(p, data.lang) }));
        self.postMessage({ type: 'page', items, total: list.length, offset: data.offset });
        break;
      }
      case 'download': {
        let blob;
        if (data.kind === 'ndjson') {
          const parts = (job?.requests ?? []).map((line) => `${line}\n`);
          blob = new Blob(parts, { type: 'application/x-ndjson' });
        } else {
          // As `contactkit check` writes problems.csv: a warning's params in `warnings`. Rows
          // in order, each row's problems before its warnings.
          const lines = ['row,field,code,message,warnings\n'];
          const items = [
            ...(job?.problems ?? []).map((p) => [p, '']),
            ...(job?.warnings ?? []).map((w) => [w, paramsText(w.params)]),
          ].sort(([a], [b]) => a.row - b.row);
          for (const [p, warning] of items) {
            lines.push(`${[p.row, p.field, p.code, messageOf(p, data.lang), warning].map(csvCell).join(',')}\n`);
          }
          blob = new Blob(lines, { type: 'text/csv' });
        }
        self.postMessage({ type: 'file', kind: data.kind, blob });
        break;
      }
      default:
        break;
    }
  } catch (e) {
    self.postMessage({ type: 'failed', message: String(e?.message ?? e) });
  }
};
