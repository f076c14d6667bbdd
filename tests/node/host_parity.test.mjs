// Same answers natively and in Node on internationalized data: every case of
// tests/parity/host_corpus.mjs (emails and URLs in many scripts,
// deviation characters, invalid Punycode, full-width dots) gives the same result through the
// Rust crates (examples/parity.rs) and through the Wasm package, which uses Node's own URL
// parser, UTS #46, NFC and RegExp instead (src/host/, docs/host.md). www/tests/ runs the same
// corpus in Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { hostCorpus, nativeResults, runCases, differences } from "../parity/host_parity.mjs";
import * as ck from "../../pkg/node.mjs";

test("native and Node agree on every case of the host corpus", () => {
  const cases = hostCorpus();
  assert.ok(cases.length >= 5000, `${cases.length} cases`);
  const native = nativeResults();
  const wasm = runCases(ck, cases);
  assert.deepEqual(differences(cases, native, wasm), []);
});

test("the host corpus exercises valid and invalid answers of both fields", () => {
  const cases = hostCorpus();
  const native = nativeResults();
  for (const field of ["email", "linkedin"]) {
    const results = native.filter((_, i) => cases[i].field === field);
    const valid = results.filter((r) => r.ok).length;
    assert.ok(valid >= 300, `${field}: ${valid} valid`);
    assert.ok(results.length - valid >= 300, `${field}: ${results.length - valid} invalid`);
    // Internationalized answers, not only ASCII ones.
    assert.ok(results.some((r) => r.ok && /[^\x00-\x7f]/.test(r.domain ?? r.handle)), field);
  }
});
