// Same code, same answers: every case of tests/parity/cases.jsonl gives the same result natively
// (examples/parity.rs) and through the Wasm package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as ck from "../../pkg/node.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const casesText = readFileSync(new URL("../parity/cases.jsonl", import.meta.url), "utf8");
const cases = casesText.trim().split("\n").map((l) => JSON.parse(l));
const native = execFileSync("cargo", ["run", "--quiet", "--example", "parity"], {
  cwd: root,
  input: casesText,
  encoding: "utf8",
  maxBuffer: 64 << 20,
})
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l));

const fns = {
  phone: ck.normalizePhone,
  email: ck.normalizeEmail,
  linkedin: ck.normalizeLinkedIn,
  locale: ck.normalizeLocale,
  timezone: ck.normalizeTimezone,
  country: ck.normalizeCountry,
};

test("native and wasm agree on every parity case", () => {
  assert.equal(native.length, cases.length);
  cases.forEach((c, i) => {
    const wasm = fns[c.field](c.input, c.opts);
    assert.deepEqual(wasm, native[i], `${c.field} ${JSON.stringify(c.input)}`);
  });
});

test("the parity corpus exercises both outcomes of every field", () => {
  for (const field of Object.keys(fns)) {
    const results = native.filter((_, i) => cases[i].field === field);
    assert.ok(results.some((r) => r.ok), `${field}: no valid case`);
    assert.ok(results.some((r) => !r.ok), `${field}: no invalid case`);
  }
});
