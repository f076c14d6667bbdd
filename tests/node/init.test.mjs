// The browser build before and after init(): every export answers `not_initialized` (never
// throws) until the module is ready, `ready` settles when it is, init() is idempotent, and
// node.mjs needs none of it. Each test loads a fresh instance of pkg/contactkit.js (a query
// string makes a new module), as a page does before `await init()`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const glue = new URL("../../pkg/contactkit.js", import.meta.url).href;
const wasmBytes = () => readFileSync(new URL("../../pkg/contactkit_bg.wasm", import.meta.url));
let instances = 0;
const fresh = () => import(`${glue}?instance=${++instances}`);

const EN = "The validator is still loading; try again in a moment.";
const ES = "El validador todavía se está cargando; inténtalo de nuevo en un momento.";
const error = (message) => ({ code: "not_initialized", message, params: {} });
// Whether a promise has settled: its callbacks run in microtasks, all of them before the next
// macrotask (setImmediate).
const settled = (promise) => Promise.race([promise.then(() => true), new Promise((r) => setImmediate(r, false))]);

test("before init, every function returns not_initialized in the shape of its result", async () => {
  const ck = await fresh();
  const field = { ok: false, error: error(EN) };
  for (const name of ["normalizePhone", "normalizeEmail", "normalizeLinkedIn", "normalizeLocale", "normalizeTimezone", "normalizeCountry"]) {
    assert.deepEqual(ck[name]("x"), field, name);
    assert.deepEqual(ck[name]("x", { lang: "es-MX" }), { ok: false, error: error(ES) }, name);
  }
  const build = { ok: false, errors: [{ field: "", ...error(EN) }] };
  assert.deepEqual(ck.buildContactshipContact({ full_name: "Ana" }), build);
  assert.deepEqual(ck.buildSdrAgentContact({}, { lang: "ES" }), { ok: false, errors: [{ field: "", ...error(ES) }] });
  assert.deepEqual(ck.buildCreateImport(), build);
  assert.deepEqual(ck.buildCompleteImport({ totalRows: 1 }, { importId: "x" }), build);
  assert.deepEqual(ck.buildLinkCampaign({ campaignId: "x" }, { importId: "x" }), build);
  const summary = { total: 0, valid: 0, invalid: 0, duplicates: 0 };
  assert.deepEqual(ck.validateContacts([{}], { target: "contactship", lang: "es" }), {
    results: [],
    summary,
    errors: [{ field: "", ...error(ES) }],
  });
  assert.deepEqual(ck.errorMessages("es"), { not_initialized: ES });
  assert.deepEqual(ck.errorMessages(), { not_initialized: EN });
  // No words yet, like the look-ups below: the messages above need none.
  assert.deepEqual(ck.messageWords("es"), { types: {}, reasons: {} });

  // The country picker's look-ups know nothing yet (their types say `| undefined`).
  assert.equal(ck.getCountryCallingCode("MX"), undefined);
  assert.equal(ck.getExampleNumber("MX"), undefined);

  // The pickers' lists are empty.
  const lists = ["getCountries", "getAllCountries", "getTimezones"];
  for (const name of lists) assert.deepEqual(ck[name]({ lang: "es" }), [], name);

  // Every export is covered: a new one without a guard would throw here.
  const lookups = ["getCountryCallingCode", "getExampleNumber", "messageWords", ...lists];
  for (const [name, value] of Object.entries(ck)) {
    if (typeof value !== "function" || ["default", "initSync", "BatchValidator", "AsYouType", ...lookups].includes(name)) continue;
    const result = value(undefined, undefined);
    assert.equal(JSON.stringify(result).includes('"not_initialized"'), true, name);
  }
});

test("an AsYouType made before init shows what was typed, unformatted, and never throws", async () => {
  const ck = await fresh();
  const typing = new ck.AsYouType("US");
  assert.equal(typing.input("212"), "212");
  assert.equal(typing.input(Symbol("s")), "212");
  assert.equal(typing.input("4"), "2124");
  assert.deepEqual(typing.getNumber(), { ok: false, error: error(EN) });
  assert.equal(typing.getNumberValue(), undefined);
  assert.equal(typing.getCountry(), undefined);
  assert.equal(typing.getCallingCode(), undefined);
  assert.equal(typing.isPossible(), false);
  assert.equal(typing.isValid(), false);
  assert.equal(typing.getTemplate(), "");
  assert.equal(typing.reset(), undefined);
  assert.equal(typing.input("5"), "5");
  // One made after init formats.
  ck.initSync({ module: wasmBytes() });
  const after = new ck.AsYouType("US");
  assert.equal(after.input("2124567890"), "(212) 456-7890");
});

test("before init, hostile options give English and never throw", async () => {
  const ck = await fresh();
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const hostile = [revoked.proxy, { get lang() { throw new Error("boom"); } }, "es", 1n, Symbol("s"), { lang: 1 }];
  for (const opts of hostile) {
    assert.deepEqual(ck.normalizePhone("1", opts), { ok: false, error: error(EN) });
    assert.deepEqual(ck.validateContacts([], opts).errors, [{ field: "", ...error(EN) }]);
    const v = new ck.BatchValidator(opts);
    assert.deepEqual(v.errors, [{ field: "", ...error(EN) }]);
  }
});

test("a BatchValidator made before init answers not_initialized from every member", async () => {
  const ck = await fresh();
  const v = new ck.BatchValidator({ target: "sdr_agent", lang: "es" });
  const e = { field: "", ...error(ES) };
  assert.deepEqual(v.errors, [e]);
  assert.deepEqual(v.validate([{ full_name: "Ana" }]), { results: [], errors: [e] });
  assert.deepEqual(v.summary(), { total: 0, valid: 0, invalid: 0, duplicates: 0 });
  // Each call gives objects of its own.
  assert.notEqual(v.errors, v.errors);
  assert.equal(v.free(), undefined);
  v[Symbol.dispose]?.();
  // Still so after init: it has no Rust object (make validators after `ready`).
  ck.initSync({ module: wasmBytes() });
  assert.deepEqual(v.errors, [e]);
  const after = new ck.BatchValidator({ target: "sdr_agent", lang: "es" });
  assert.deepEqual(after.errors, []);
  assert.equal(after.validate([{ full_name: "Ana" }]).results.length, 1);
  after.free();
});

test("ready settles when the module is instantiated, and init() is idempotent", async () => {
  const ck = await fresh();
  assert.equal(await settled(ck.ready), false);
  // Two calls before the first resolves share one instantiation.
  const [a, b] = await Promise.all([ck.default({ module_or_path: wasmBytes() }), ck.default({ module_or_path: wasmBytes() })]);
  assert.equal(a, b);
  assert.equal(await settled(ck.ready), true);
  assert.equal(await ck.ready, undefined);
  // Once ready, init() returns the same exports without loading anything: with no argument it
  // would fetch contactkit_bg.wasm, which Node's fetch cannot read from a file URL.
  assert.equal(await ck.default(), a);
  assert.equal(ck.initSync({ module: wasmBytes() }), a);
  const r = ck.normalizePhone("612345678", { defaultCountry: "ES" });
  assert.equal(r.value, "+34612345678");
});

test("initSync makes the module ready too", async () => {
  const ck = await fresh();
  assert.equal(ck.normalizeCountry("México").error.code, "not_initialized");
  ck.initSync({ module: wasmBytes() });
  assert.equal(await settled(ck.ready), true);
  assert.equal(ck.normalizeCountry("México").value, "MX");
});

test("a failed init() can be retried, and ready waits for the one that succeeds", async () => {
  const ck = await fresh();
  await assert.rejects(ck.default({ module_or_path: new Uint8Array([0, 1, 2]) }));
  assert.equal(await settled(ck.ready), false);
  assert.equal(ck.normalizeEmail("a@b.co").error.code, "not_initialized");
  await ck.default({ module_or_path: wasmBytes() });
  assert.equal(await settled(ck.ready), true);
  assert.equal(ck.normalizeEmail("a@b.co").ok, true);
});

test("in Node nothing changes: node.mjs is ready on import and has no guards", async () => {
  const node = await import("../../pkg/node.mjs");
  assert.equal(await settled(node.ready), true);
  assert.equal(node.normalizePhone("612345678", { defaultCountry: "ES" }).value, "+34612345678");
  assert.equal(await node.default(), node.initSync());
  const source = readFileSync(new URL("../../pkg/node.mjs", import.meta.url), "utf8");
  assert.doesNotMatch(source, /not_initialized/);
  // The types say it.
  for (const types of ["contactkit.d.ts", "node.d.mts"]) {
    const dts = readFileSync(new URL(`../../pkg/${types}`, import.meta.url), "utf8");
    assert.match(dts, /^export const ready: Promise<void>;$/m, types);
  }
});
