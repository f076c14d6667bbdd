// The JS boundary: any JS value in, a plain result object out; never a throw, never a trap.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as ck from "../../pkg/node.mjs";

// Each field rule, with its code for text that is nothing of its kind.
const fields = {
  normalizePhone: [ck.normalizePhone, "phone_not_a_number"],
  normalizeEmail: [ck.normalizeEmail, "email_missing_at"],
  normalizeLinkedIn: [ck.normalizeLinkedIn, "linkedin_invalid_url"],
  normalizeLocale: [ck.normalizeLocale, "locale_malformed"],
  normalizeTimezone: [ck.normalizeTimezone, "timezone_unknown"],
  normalizeCountry: [ck.normalizeCountry, "country_unknown"],
};

const cyclic = {};
cyclic.self = cyclic;
const wrongValues = [
  [null, "null"],
  [undefined, "undefined"],
  [42, "number"],
  [NaN, "number"],
  [true, "boolean"],
  [{}, "object"],
  [["+12124567890"], "array"],
  [Symbol("x"), "symbol"],
  [10n, "bigint"],
  [() => "+1", "function"],
  [cyclic, "object"],
];

for (const [name, [fn, notOfItsKind]] of Object.entries(fields)) {
  test(`${name}: a non-string input is a wrong_type result, in the language asked for`, () => {
    for (const [value, got] of wrongValues) {
      const r = fn(value);
      assert.equal(r.ok, false);
      assert.equal(r.error.code, "wrong_type");
      assert.equal(r.error.params.got, got);
      assert.match(r.error.message, /Expected text/);
      const es = fn(value, { lang: "es" });
      assert.match(es.error.message, /Se esperaba texto/);
    }
  });

  test(`${name}: bad options are an invalid_option result, not an exception`, () => {
    for (const [opts, option, reason] of [
      [{ lang: "fr" }, "lang", "not_one_of"],
      [{ nope: 1 }, "nope", "unknown_option"],
      [5, "options", "wrong_type"],
      ["es", "options", "wrong_type"],
      [[1], "options", "wrong_type"],
      [{ lang: 3 }, "lang", "wrong_type"],
      // Options are read key by key, not as JSON: a cycle is only an option no rule has.
      [cyclic, "self", "unknown_option"],
    ]) {
      const r = fn("x", opts);
      assert.equal(r.ok, false, JSON.stringify(String(opts)));
      assert.equal(r.error.code, "invalid_option");
      assert.deepEqual([r.error.params.option, r.error.params.reason], [option, reason]);
      assert.ok(r.error.message.startsWith(`Option "${option}" is not valid: `), r.error.message);
    }
    // null and undefined are no options: the text is judged.
    assert.equal(fn("x", null).error.code, notOfItsKind);
    assert.equal(fn("x", undefined).error.code, notOfItsKind);
  });

  test(`${name}: empty, blank and huge inputs are ordinary failures`, () => {
    assert.equal(fn("").error.code, "empty");
    assert.equal(fn(" \t\n ").error.code, "empty");
    const huge = fn("9".repeat(5_000_000));
    assert.equal(huge.error.code, "input_too_long");
    assert.equal(huge.error.params.max, 1024);
  });

  test(`${name}: broken and odd text, around the 1,024-byte limit`, () => {
    const code = (input) => fn(input).error?.code;
    // A lone surrogate has no UTF-8 form: invalid_unicode, in either language.
    for (const input of ["\ud800", "a\udc00", "💥".slice(0, 1) + "+1", "\u0000\uffff\ud800💥".repeat(3)]) {
      assert.equal(code(input), "invalid_unicode", JSON.stringify(input));
      assert.match(fn(input, { lang: "es" }).error.message, /carácter roto/);
    }
    // The same text without it is read, and is no value of the field.
    assert.equal(code("\u0000\uffff💥".repeat(3)), notOfItsKind);
    // The limit counts UTF-8 bytes of the trimmed text: 256 emoji are 1,024 bytes.
    assert.equal(code("💥".repeat(256)), notOfItsKind);
    assert.equal(code(` \t${"💥".repeat(256)}\n `), notOfItsKind);
    assert.deepEqual(fn("💥".repeat(256) + "1").error.params, { length: 1025, max: 1024 });
    // Past the limit a lone surrogate counts as U+FFFD (3 bytes): 100 × (1 + 3 + 3 + 4).
    const long = fn("\u0000\uffff\ud800💥".repeat(100));
    assert.equal(long.error.code, "input_too_long");
    assert.deepEqual(long.error.params, { length: 1100, max: 1024 });
  });

  test(`${name}: results are plain JSON-compatible objects`, () => {
    const r = fn("x");
    assert.equal(Object.getPrototypeOf(r), Object.prototype);
    assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  });
}

test("the module still works after thousands of hostile calls", () => {
  for (let i = 0; i < 2000; i++) {
    ck.normalizePhone(String.fromCharCode(...Array.from({ length: i % 300 }, (_, j) => (i * 7919 + j * 104729) % 65536)));
  }
  assert.equal(ck.normalizePhone(null).error.code, "wrong_type");
});

test("errorMessages lists every code of the ErrorCode type, in both languages", () => {
  const en = ck.errorMessages("en");
  const es = ck.errorMessages("es");
  const dts = readFileSync(new URL("../../pkg/contactkit.d.ts", import.meta.url), "utf8");
  const union = dts.match(/export type ErrorCode =([^;]*);/)[1];
  const declared = [...union.matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(Object.keys(en).sort(), declared);
  assert.deepEqual(Object.keys(es).sort(), declared);
  assert.notEqual(en.empty, es.empty);
  assert.deepEqual(ck.errorMessages(), en);
});

test("options are read as JSON.stringify writes them, whatever their shape", () => {
  const lang = (opts) => {
    const r = ck.normalizeTimezone("Nowhere/Atlantis", opts);
    return r.error.code === "invalid_option" ? "invalid_option" : /zona horaria/i.test(r.error.message) ? "es" : "en";
  };
  const hidden = {};
  Object.defineProperty(hidden, "lang", { value: "es", enumerable: false });
  class WithToJson {
    toJSON() {
      return { lang: "es" };
    }
  }
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const cases = [
    [{ lang: "es" }, "es"],
    [{ lang: "ES-mx" }, "es"],
    [{ lang: "en" }, "en"],
    [{ lang: undefined }, "en"],
    [{}, "en"],
    [Object.assign(Object.create(null), { lang: "es" }), "es"],
    [{ get lang() { return "es"; } }, "es"],
    [hidden, "en"], // not enumerable: JSON.stringify leaves it out
    [new WithToJson(), "es"],
    [new Map([["lang", "es"]]), "en"], // JSON.stringify writes {}
    [[], "invalid_option"],
    [new Number(1), "invalid_option"],
    [new Date(0), "invalid_option"],
    [{ lang: null }, "en"], // null is "not given", as the payload builders read it
    [{ lang: "es\"" }, "invalid_option"],
    [{ lang: "es", extra: "x" }, "invalid_option"],
    [{ get lang() { throw new Error("boom"); } }, "invalid_option"],
    [revoked.proxy, "invalid_option"],
  ];
  cases.forEach(([opts, want], i) => assert.equal(lang(opts), want, `case ${i}`));
  const phone = (opts) => ck.normalizePhone("612345678", opts);
  assert.equal(phone({ defaultCountry: "es" }).value, "+34612345678");
  assert.equal(phone({ defaultCountry: "ES", lang: "es" }).value, "+34612345678");
  assert.equal(phone({ defaultCountry: null }).error.code, "phone_missing_country");
  assert.equal(phone({ defaultCountry: "España" }).value, "+34612345678");
  assert.equal(phone({ defaultCountry: "Narnia" }).error.code, "invalid_option");
  // Read as normalizeCountry reads a country (which folds punctuation and controls away).
  for (const given of ["E\u0000S", "E-S", "Korea", "XX"]) {
    assert.equal(phone({ defaultCountry: given }).ok, ck.normalizeCountry(given).ok, given);
  }
  assert.equal(phone({ defaultCountry: 34 }).error.code, "invalid_option");
  assert.equal(ck.normalizePhone(revoked.proxy).error.code, "wrong_type");
  assert.equal(ck.validateContacts([revoked.proxy], { target: "contactship" }).results.length, 1);
});

test("an invalid option names itself and says why, in the language asked for", () => {
  const err = (opts) => ck.normalizePhone("612345678", opts).error;
  const unknown = err({ nope: 1, lang: "es" });
  // The reason is a token, its data params; the message words them in the language asked for.
  assert.deepEqual(unknown.params, { option: "nope", reason: "unknown_option", allowed: "defaultCountry, lang" });
  assert.equal(unknown.message, 'La opción "nope" no es válida: opción desconocida; las opciones son defaultCountry, lang.');
  // The value is never echoed (it may be a misplaced credential), as in the payload builders.
  const fr = err({ lang: "fr" });
  assert.deepEqual(fr.params, { option: "lang", reason: "not_one_of", allowed: "en, es" });
  assert.equal(fr.message, 'Option "lang" is not valid: expected one of en, es.');
  const wrongType = (option, expected, got) => ({ option, reason: "wrong_type", expected, got });
  assert.deepEqual(err({ lang: 1.5 }).params, wrongType("lang", "string", "number"));
  const es = err({ defaultCountry: 34, lang: "es" });
  assert.deepEqual(es.params, wrongType("defaultCountry", "string", "number"));
  assert.equal(es.message, 'La opción "defaultCountry" no es válida: se esperaba un texto, no un número.');
  assert.deepEqual(err({ lang: true }).params, wrongType("lang", "string", "boolean"));
  assert.deepEqual(err([1]).params, wrongType("options", "object", "array"));
  assert.deepEqual(err(new Date(0)).params, wrongType("options", "object", "string"));
  assert.equal(err({ ["k".repeat(100_000)]: "x" }).params.option.length, 65);
  assert.deepEqual(ck.normalizeEmail("x", { defaultCountry: "ES" }).error.params, {
    option: "defaultCountry",
    reason: "unknown_option",
    allowed: "lang",
  });
});

test("errorMessages lists the codes in the order they are declared", () => {
  const names = Object.keys(ck.errorMessages());
  assert.equal(names[0], "empty");
  assert.equal(names.indexOf("phone_not_a_number") < names.indexOf("email_missing_at"), true);
});

test("node.mjs finds its .wasm wherever the package sits, and however it is imported", async () => {
  const { mkdtempSync, mkdirSync, copyFileSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { pathToFileURL } = await import("node:url");
  const pkg = new URL("../../pkg/", import.meta.url);
  // The .wasm is found from import.meta.url, whose path may be escaped and may end in a query
  // or a fragment.
  const root = mkdtempSync(join(tmpdir(), "contactkit-"));
  try {
    for (const name of ["plain", "with space", "per%cent", "hash#dir"]) {
      const dir = join(root, name);
      mkdirSync(dir);
      for (const file of ["node.mjs", "contactkit_bg.wasm"]) copyFileSync(new URL(file, pkg), join(dir, file));
      const url = pathToFileURL(join(dir, "node.mjs")).href;
      for (const suffix of ["", "?copy", "#part"]) {
        const copy = await import(url + suffix);
        const r = copy.normalizePhone("612345678", { defaultCountry: "ES" });
        assert.equal(r.ok, true, `${name}${suffix}`);
        assert.equal(r.value, "+34612345678");
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("node-legacy.mjs loads where process.getBuiltinModule is missing (Node before 20.16)", async () => {
  const { execFileSync } = await import("node:child_process");
  const url = new URL("../../pkg/node-legacy.mjs", import.meta.url).href;
  const script =
    "delete process.getBuiltinModule;" +
    `const m = await import(${JSON.stringify(url)});` +
    'console.log(JSON.stringify(m.normalizePhone("612345678", { defaultCountry: "ES" })));';
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  const r = JSON.parse(out);
  assert.equal(r.ok, true);
  assert.equal(r.value, "+34612345678");
});

test("Node resolves the package to node.mjs where it has \"module-sync\", to node-legacy.mjs before", async () => {
  const { mkdtempSync, mkdirSync, symlinkSync, writeFileSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { execFileSync } = await import("node:child_process");
  const { fileURLToPath } = await import("node:url");
  const root = mkdtempSync(join(tmpdir(), "contactkit-exports-"));
  try {
    mkdirSync(join(root, "node_modules"));
    symlinkSync(fileURLToPath(new URL("../../pkg/", import.meta.url)), join(root, "node_modules", "contactkit"), "dir");
    const use = 'normalizePhone("612345678", { defaultCountry: "ES" }).value';
    writeFileSync(
      join(root, "import.mjs"),
      `import { normalizePhone } from "contactkit";\n` +
        `console.log(JSON.stringify([import.meta.resolve("contactkit"), ${use}]));\n`,
    );
    writeFileSync(
      join(root, "require.cjs"),
      `const { normalizePhone } = require("contactkit");\n` +
        `console.log(JSON.stringify([require.resolve("contactkit"), ${use}]));\n`,
    );
    const run = (file) => JSON.parse(execFileSync(process.execPath, [join(root, file)], { encoding: "utf8" }));
    // "module-sync" is on exactly where require(esm) is (Node 20.19, 22.12 and later).
    const entry = process.features.require_module ? "node.mjs" : "node-legacy.mjs";
    const [resolved, value] = run("import.mjs");
    assert.ok(resolved.endsWith(`/${entry}`), resolved);
    assert.equal(value, "+34612345678");
    if (process.features.require_module) {
      const [required, same] = run("require.cjs");
      assert.ok(required.endsWith(`/${entry}`), required);
      assert.equal(same, "+34612345678");
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
