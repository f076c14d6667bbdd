// Every error the package gives is one its TypeScript types allow: a field function's
// `error.code` is in that field's union (PhoneErrorCode, ...), and `params` has the names and
// types `ErrorParams` declares for the code (both generated from src/codes.rs). The inputs: the
// parity corpus, the host corpus, the fuzz corpora, generated phone numbers, hostile values and
// options, and every keystroke of AsYouType; payloads and batches over the fuzz corpora.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import * as ck from "../../pkg/node.mjs";
import { hostCorpus } from "../parity/host_corpus.mjs";

const root = new URL("../../", import.meta.url);
const dts = readFileSync(new URL("pkg/contactkit.d.ts", root), "utf8");

/** The string literals of a union type `name` in the .d.ts, with those of the unions it names. */
function union(name) {
  const m = dts.match(new RegExp(`export type ${name} =([^;]*);`));
  assert.ok(m, `no type ${name} in contactkit.d.ts`);
  const codes = new Set([...m[1].matchAll(/"([a-z_]+)"/g)].map((x) => x[1]));
  for (const [, other] of m[1].matchAll(/\b([A-Z]\w+ErrorCode)\b/g)) for (const c of union(other)) codes.add(c);
  return codes;
}

/** `ErrorParams`: for each code, its params as { name: { type, optional } }. */
function errorParams() {
  const block = dts.match(/export interface ErrorParams \{\n([\s\S]*?)\n\}/);
  assert.ok(block, "no ErrorParams in contactkit.d.ts");
  const table = new Map();
  for (const line of block[1].split("\n")) {
    const m = line.match(/^\s+(\w+): (.*);$/);
    if (!m) continue;
    const params = {};
    if (m[2] !== "Record<string, never>") {
      for (const p of m[2].replace(/^\{ | \}$/g, "").split("; ")) {
        const [, name, optional, type] = p.match(/^(\w+)(\??): (.+)$/);
        params[name] = { type, optional: optional === "?" };
      }
    }
    table.set(m[1], params);
  }
  return table;
}

const ALL = union("ErrorCode");
const PARAMS = errorParams();
const fits = {
  string: (v) => typeof v === "string",
  number: (v) => Number.isInteger(v) && v >= 0,
  "number[]": (v) => Array.isArray(v) && v.every((n) => Number.isInteger(n) && n >= 0),
};

/** Why `error` is not what the types say (its code one of `allowed`), or undefined. */
function mismatch(error, allowed) {
  if (!allowed.has(error.code)) return `code ${error.code} is not in the union`;
  const declared = PARAMS.get(error.code);
  if (!declared) return `no ErrorParams entry for ${error.code}`;
  for (const [name, value] of Object.entries(error.params)) {
    const p = declared[name];
    if (!p) return `${error.code} carries ${name}, not declared`;
    if (!fits[p.type](value)) return `${error.code}.${name} is ${JSON.stringify(value)}, not ${p.type}`;
  }
  for (const [name, p] of Object.entries(declared)) {
    if (!p.optional && !(name in error.params)) return `${error.code} lacks ${name}`;
  }
  return undefined;
}

/** A value as a test message shows it (JSON.stringify may throw on a hostile one). */
function label(value) {
  try {
    return String(JSON.stringify(value) ?? typeof value).slice(0, 60);
  } catch {
    return typeof value;
  }
}

function xorshift(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** The fuzz corpus of a target, each file as text. */
function corpus(target) {
  const dir = new URL(`fuzz/corpus/${target}/`, root);
  return readdirSync(dir).map((f) => readFileSync(new URL(f, dir), "utf8"));
}

const hostile = [null, undefined, 42, 1n, true, {}, [], Symbol("s"), () => 1, "\ud800", "a\udc00b",
  "x".repeat(5000), " ", ""];
const badOptions = [undefined, null, {}, { lang: "es" }, { lang: "fr" }, { lang: 3 }, "es", 7,
  { defaultCountry: "Narnia" }, { defaultCountry: "XX" }, { defaultCountry: "mx", lang: "es" },
  { defaultCountry: 5 }, { bogus: 1 }, new Proxy({}, { get() { throw new Error("boom"); } })];

const FIELDS = {
  Phone: { fn: ck.normalizePhone, corpus: "field_phone", parity: "phone" },
  Email: { fn: ck.normalizeEmail, corpus: "field_email", parity: "email" },
  LinkedIn: { fn: ck.normalizeLinkedIn, corpus: "field_linkedin", parity: "linkedin" },
  Locale: { fn: ck.normalizeLocale, corpus: "field_locale", parity: "locale" },
  Timezone: { fn: ck.normalizeTimezone, corpus: "field_timezone", parity: "timezone" },
  Country: { fn: ck.normalizeCountry, corpus: "field_country", parity: "country" },
};

const parity = readFileSync(new URL("tests/parity/cases.jsonl", root), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const host = hostCorpus();

function phones() {
  const next = xorshift(22);
  const out = [];
  const prefixes = ["+", "+1", "+44", "+34", "+52", "+800", "+999", "00", "0", ""];
  for (let i = 0; i < 4000; i++) {
    const digits = String(next()).repeat(2).slice(0, next() % 17);
    out.push(prefixes[next() % prefixes.length] + digits);
  }
  return out;
}

for (const [name, { fn, corpus: target, parity: field }] of Object.entries(FIELDS)) {
  test(`${name}: every error is in ${name}ErrorCode with the params ErrorParams declares`, () => {
    const allowed = union(`${name}ErrorCode`);
    assert.ok(allowed.size < ALL.size, "the field's union is narrower than ErrorCode");
    const inputs = [...corpus(target), ...hostile, ...parity.filter((c) => c.field === field).map((c) => c.input)];
    if (name === "Phone") inputs.push(...phones());
    if (name === "Email") inputs.push(...host.filter((c) => c.field === "email").map((c) => c.input));
    if (name === "LinkedIn") inputs.push(...host.filter((c) => c.field === "linkedin").map((c) => c.input));
    const seen = new Set();
    let failures = 0;
    for (const input of inputs) {
      for (const opts of badOptions) {
        const r = fn(input, opts);
        if (r.ok) continue;
        failures++;
        seen.add(r.error.code);
        const why = mismatch(r.error, allowed);
        if (why !== undefined) assert.fail(`${name}(${label(input)}, ${label(opts)}): ${why}`);
      }
    }
    // The check saw the field's own codes, not only the shared ones.
    const own = [...seen].filter((c) => !union("SharedErrorCode").has(c));
    assert.ok(own.length >= 1, `${name}: only shared codes seen (${[...seen]})`);
    assert.ok(failures > 50, `${name}: ${failures} failures`);
  });
}

test("AsYouType: every keystroke's getNumber() error is a PhoneErrorCode", () => {
  const allowed = union("PhoneErrorCode");
  assert.ok(allowed.has("phone_incomplete"));
  const seen = new Set();
  for (const country of [undefined, "US", "MX", "GB", "XX"]) {
    for (const number of ["+1 650 253 0000", "6502530000", "+44 20 7946 0958", "55 1234 5678", "+999 1", "abc+"]) {
      const typing = new ck.AsYouType(country);
      for (const key of number) {
        typing.input(key);
        const r = typing.getNumber();
        if (r.ok) continue;
        seen.add(r.error.code);
        assert.equal(mismatch(r.error, allowed), undefined, `${country} ${number}`);
      }
      typing.free();
    }
  }
  assert.ok(seen.has("phone_incomplete"), [...seen].join());
});

test("payloads and batches: every error has the params ErrorParams declares for its code", () => {
  let errors = 0;
  let sawLengths = false;
  const check = (e, where) => {
    errors++;
    sawLengths ||= Array.isArray(e.params.possible_lengths);
    assert.equal(mismatch(e, ALL), undefined, `${where}: ${JSON.stringify(e)}`);
  };
  const contacts = [...corpus("build_contactship"), ...corpus("build_sdr_agent")].flatMap((t) => {
    try {
      return [JSON.parse(t)];
    } catch {
      return [t];
    }
  });
  contacts.push(...hostile, { phone_number: "+1 212", full_name: "Ana", bogus: 1 }, { additional_data: [{ type: "x" }] });
  for (const c of contacts) {
    for (const opts of [undefined, { lang: "es" }, { apiKey: "" }, { baseUrl: "ftp://x" }, { importId: "nope" }, { lang: "fr" }]) {
      for (const build of [ck.buildContactshipContact, ck.buildSdrAgentContact]) {
        const r = build(c, opts);
        if (!r.ok) r.errors.forEach((e) => check(e, build.name));
      }
    }
  }
  const warningCodes = union("RowWarningCode");
  const warned = new Set();
  const warnings = [
    { phone_number: "55 1234 5678", country: "México", full_name: "Ana", email: "ana@gmail.con", timezone: "US/Eastern" },
  ];
  for (const text of [...corpus("batch_rows"), JSON.stringify(warnings)]) {
    let rows;
    try {
      rows = JSON.parse(text);
    } catch {
      rows = text;
    }
    for (const target of ["contactship", "sdr_agent", "nope"]) {
      const report = ck.validateContacts(rows, { target, defaultCountry: "US" });
      report.errors.forEach((e) => check(e, "batch"));
      for (const r of report.results) {
        if (!r.ok) r.errors.forEach((e) => check(e, "row"));
        for (const w of r.warnings ?? []) {
          check(w, "warning");
          assert.equal(mismatch(w, warningCodes), undefined, `a warning: ${JSON.stringify(w)}`);
          warned.add(w.code);
        }
      }
    }
  }
  assert.deepEqual([...warned].sort(), [...warningCodes].sort(), "every warning code was checked");
  for (const [input, opts] of [[{ totalRows: -1 }, { importId: "x" }], [{ totalRows: NaN }, {}], [{}, {}]]) {
    const r = ck.buildCompleteImport(input, opts);
    if (!r.ok) r.errors.forEach((e) => check(e, "import"));
  }
  assert.ok(errors > 100, `${errors} errors`);
  assert.ok(sawLengths, "a phone error with possible_lengths was checked");
});

test("a params check that is wrong is found", () => {
  const phone = union("PhoneErrorCode");
  assert.match(mismatch({ code: "email_missing_at", params: {} }, phone), /not in the union/);
  assert.match(mismatch({ code: "phone_too_short", params: { possible_lengths: ["9"] } }, phone), /not number\[\]/);
  assert.match(mismatch({ code: "phone_invalid", params: {} }, phone), /lacks/);
  assert.match(mismatch({ code: "empty", params: { x: 1 } }, phone), /not declared/);
  assert.equal(mismatch({ code: "phone_too_short", params: { possible_lengths: [9, 10], region: "US" } }, phone), undefined);
});
