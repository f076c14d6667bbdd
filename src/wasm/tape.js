// The JS objects of a result (a payload's, a batch's, a field rule's), built from what
// src/wasm/tape.rs wrote: `words`, a view of the module's memory (read only during this call),
// and `text`, every string of the result one after the other. The keys are written here, in the
// order serde would write them; the only keys read from the tape are those of `params` and
// `headers`, names fixed in contactkit's code.
// Never throws: `null` if anything does (the library never throws at its callers), and tape.rs
// then gives an `internal_error` result. A tag this file does not know (a bug of ours: its tags
// are generated from tape_spec.rs, as tape.rs's enums are) throws, and is caught here.
//
// The reading position is module state that each call starts afresh, and the readers are plain
// functions: a call creates no closures, and a field rule's first call compiles only the
// functions it uses.
let words = null; // the tape's words
let text = ""; // its strings, one after the other
let w = 0; // the next word
let t = 0; // where the next string starts in `text`
let kept = null; // the strings kept for later

export function readTape(tapeWords, tapeText) {
  words = tapeWords;
  text = tapeText;
  w = 0;
  t = 0;
  kept = [];
  try {
    return build();
  } catch {
    return null;
  } finally {
    // Nothing of the call is held after it (`words` is a view of the module's memory).
    words = null;
    text = "";
    kept = null;
  }
}

function unknown(what, tag) {
  throw new Error(`contactkit: unknown ${what} ${tag} in a tape`);
}

// A result of `kind` that tape.rs could not build (a bug of ours), failed with `internal_error`.
export function internalError(kind, code, message, counts) {
  const errors = [{ field: "", code, message, params: {} }];
  if (kind === KIND_FIELD) return { ok: false, error: { code, message, params: {} } };
  if (kind === KIND_OUTCOME) return { ok: false, errors };
  if (kind === KIND_ERRORS) return errors;
  if (counts.length === 0) return { results: [], errors };
  const [total, valid, invalid, duplicates] = counts;
  return { results: [], summary: { total, valid, invalid, duplicates }, errors };
}

function build() {
  const kind = words[w++];
  switch (kind) {
    case KIND_REPORT: {
      const results = [];
      for (let n = words[w++]; n > 0; n--) {
        const row = words[w++];
        const result = words[w++] ? { row, ok: true, request: request() } : { row, ok: false, errors: errors() };
        // Its warnings: a list of errors, left out when empty (its count, 0).
        if (words[w] === 0) w++;
        else result.warnings = errors();
        results.push(result);
      }
      if (words[w++]) {
        const summary = { total: words[w++], valid: words[w++], invalid: words[w++], duplicates: words[w++] };
        return { results, summary, errors: errors() };
      }
      return { results, errors: errors() };
    }
    case KIND_OUTCOME:
      return words[w++] ? { ok: true, request: request() } : { ok: false, errors: errors() };
    case KIND_ERRORS:
      return errors();
    case KIND_FIELD:
      return field();
    default:
      return unknown("kind", kind);
  }
}

function string() {
  const x = words[w++];
  if (x & FLAG_AGAIN) return kept[x >>> 2];
  const s = text.slice(t, (t += x >>> 2));
  if (x & FLAG_KEEP) kept.push(s);
  return s;
}

// A string, or `null` (the word FLAG_NULL, which no string has).
function optional() {
  if (words[w] !== FLAG_NULL) return string();
  w++;
  return null;
}

function value() {
  const tag = words[w++];
  switch (tag) {
    case TAG_TEXT:
      return string();
    case TAG_NUMBER:
      return words[w++];
    case TAG_LIST: {
      const list = [];
      for (let n = words[w++]; n > 0; n--) list.push(value());
      return list;
    }
    case TAG_JSON:
      return JSON.parse(string());
    default:
      return unknown("tag", tag);
  }
}

// `params` and `headers`: the count, then each name and its value. Two readers rather than one
// given the value's reader as a callback: a 1,000-row report reads in 166 - 171 µs this way,
// against 180 - 198 µs with the shared one (the reader alone, the two alternated).
function params() {
  const object = {};
  for (let n = words[w++]; n > 0; n--) {
    const name = string();
    object[name] = value();
  }
  return object;
}

function headers() {
  const object = {};
  for (let n = words[w++]; n > 0; n--) {
    const name = string();
    object[name] = string();
  }
  return object;
}

function errors() {
  const list = [];
  for (let n = words[w++]; n > 0; n--) {
    const field = string();
    const code = string();
    const message = string();
    list.push({ field, code, message, params: params() });
  }
  return list;
}

function error() {
  const code = string();
  const message = string();
  return { code, message, params: params() };
}

function request() {
  const method = string();
  const url = string();
  return { method, url, headers: headers(), body: string() };
}

// `{ ok: false, error, suggestion? }`: a field rule's failure, after its shape.
function failure() {
  const e = error();
  const suggestion = optional();
  return suggestion === null ? { ok: false, error: e } : { ok: false, error: e, suggestion };
}

// BEGIN GENERATED from tape_spec.rs by generate.rs: do not edit.
const KIND_REPORT = 0, KIND_OUTCOME = 1, KIND_ERRORS = 2, KIND_FIELD = 3;
const TAG_TEXT = 0, TAG_NUMBER = 1, TAG_LIST = 2, TAG_JSON = 3;
const FLAG_KEEP = 1, FLAG_AGAIN = 2, FLAG_NULL = 3;
const SHAPE_FAILURE = 0, SHAPE_PHONE = 1, SHAPE_EMAIL = 2, SHAPE_LINKED_IN = 3, SHAPE_LOCALE = 4, SHAPE_TIMEZONE = 5, SHAPE_COUNTRY = 6;
// A field rule's result: its shape, then its fields.
function field() {
  const shape = words[w++];
  switch (shape) {
    case SHAPE_FAILURE:
      return failure();
    case SHAPE_PHONE:
      return { ok: true, value: string(), e164: string(), international: string(), national: string(), callingCode: words[w++], region: optional(), numberType: string(), extension: optional() };
    case SHAPE_EMAIL: {
      const result = { ok: true, value: string(), localPart: string(), domain: string(), asciiDomain: string(), dedupKey: string() };
      const suggestion = optional();
      if (suggestion !== null) result.suggestion = suggestion;
      return result;
    }
    case SHAPE_LINKED_IN:
      return { ok: true, value: string(), kind: string(), handle: string() };
    case SHAPE_LOCALE:
      return { ok: true, value: string(), language: string(), script: optional(), region: optional() };
    case SHAPE_TIMEZONE:
      return { ok: true, value: string(), resolvedFrom: optional() };
    case SHAPE_COUNTRY:
      return { ok: true, value: string(), alpha3: string(), name: string() };
    default:
      return unknown("shape", shape);
  }
}
// END GENERATED
