// Issue 21 in the package: batch limits found before any work, lone surrogates named on their
// field, numbers sent as JS spells them, credentials never echoed.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as ck from "../../pkg/node.mjs";

const contact = { phone_number: "+1 212 456 7890", full_name: "Ana" };
const wasm = ck.initSync(); // already instantiated: gives back its exports

test("a sparse array of length 3e7 is too_many_rows at once, without growing memory", () => {
  const rows = [];
  rows.length = 3e7;
  ck.validateContacts(rows, { target: "contactship" }); // what the call itself needs, grown once
  const before = wasm.memory.buffer.byteLength;
  for (const run of [(r) => ck.validateContacts(r, { target: "contactship", lang: "es" }), (r) => new ck.BatchValidator({ target: "contactship", lang: "es" }).validate(r)]) {
    const report = run(rows);
    assert.deepEqual(report.results, []);
    assert.deepEqual(
      report.errors.map((e) => [e.field, e.code, e.params]),
      [["rows", "too_many_rows", { max: 100_000, rows: 3e7 }]],
    );
    assert.match(report.errors[0].message, /BatchValidator/);
  }
  assert.equal(wasm.memory.buffer.byteLength, before);
});

test("rows over 64 MiB of JSON are batch_too_large before any row is validated", () => {
  const big = { ...contact, description: "x".repeat(700_000) };
  const rows = Array.from({ length: 100 }, () => big);
  const v = new ck.BatchValidator({ target: "contactship" });
  const chunk = v.validate(rows);
  assert.deepEqual(chunk.results, []);
  assert.deepEqual(chunk.errors.map((e) => [e.field, e.code, e.params.max]), [["rows", "batch_too_large", 64 * 1024 * 1024]]);
  assert.deepEqual(v.summary(), { total: 0, valid: 0, invalid: 0, duplicates: 0 });
  // The same through the row-by-row reader (a BigInt row makes the whole chunk unreadable at once).
  const withBigInt = v.validate([...rows, 1n]);
  assert.deepEqual(withBigInt.errors.map((e) => e.code), ["batch_too_large"]);
  assert.equal(v.summary().total, 0);
  // Within the limits, the rows are validated.
  assert.equal(v.validate(rows.slice(0, 10)).results.length, 10);
});

test("a lone surrogate is invalid_unicode on its field; the other fields are checked", () => {
  const cut = "Ana 😀".slice(0, 5);
  const r = ck.buildSdrAgentContact({ full_name: cut, email: "nope", linkedin_profile: "linkedin.com/in/ana", metadata: { a: [cut] } });
  assert.deepEqual(
    r.errors.map((e) => [e.field, e.code]),
    [["full_name", "invalid_unicode"], ["metadata", "invalid_unicode"], ["email", "email_missing_at"]],
  );
  const batch = ck.validateContacts([contact, { phone_number: "+44 20 7946 0958", full_name: cut }], { target: "contactship" });
  assert.deepEqual(batch.results.map((x) => x.ok), [true, false]);
  assert.deepEqual(batch.results[1].errors.map((e) => [e.field, e.code]), [["full_name", "invalid_unicode"]]);
  for (const fn of [ck.normalizePhone, ck.normalizeEmail, ck.normalizeLinkedIn, ck.normalizeLocale, ck.normalizeTimezone, ck.normalizeCountry]) {
    const e = fn(`x${cut}`, { lang: "es" });
    assert.equal(e.error.code, "invalid_unicode", fn.name);
    assert.match(e.error.message, /carácter roto/);
    assert.equal(e.suggestion, undefined);
  }
  // A real U+FFFD is text like any other.
  assert.equal(ck.normalizeEmail("ana\uFFFD@example.com").error?.code === "invalid_unicode", false);
  // In options: the option is named, not "expected object, got object".
  const opt = ck.normalizePhone("+12124567890", { defaultCountry: cut });
  assert.equal(opt.error.code, "invalid_option");
  assert.equal(opt.error.params.option, "defaultCountry");
  assert.equal(opt.error.params.reason, "broken_character");
  assert.match(opt.error.message, /surrogate/);
  // The same error from the payload builders' options (one reader for every options object).
  const built = ck.buildContactshipContact(contact, { apiKey: cut });
  assert.deepEqual(built.errors.map((e) => [e.field, e.code, e.params.reason]), [["options.apiKey", "invalid_option", opt.error.params.reason]]);
  const v = new ck.BatchValidator({ target: "sdr_agent", importId: cut });
  assert.deepEqual(v.errors.map((e) => [e.field, e.code]), [["options.importId", "invalid_option"]]);
});

test("numbers are sent as JSON.stringify spells the JS number", () => {
  const numbers = [15831.130000375999, 9007199254740991, 2 ** 64, 1e21, 1.5e-7, -0, 0.1 + 0.2, Number.MAX_VALUE, 5e-324];
  for (const n of numbers) {
    const r = ck.buildSdrAgentContact({ full_name: "Ana", email: "ana@example.com", linkedin_profile: "linkedin.com/in/ana", metadata: { n, l: [n] } });
    assert.ok(r.request.body.endsWith(`"metadata":{"n":${JSON.stringify(n)},"l":[${JSON.stringify(n)}]}}`), r.request.body);
    const c = ck.buildContactshipContact({ ...contact, additional_data: [{ type: "number", field: "n", value: n }] });
    assert.ok(c.request.body.includes(`"value":"${JSON.stringify(n)}"`), c.request.body);
  }
});

test("a value given under a credential-like option name is never echoed", () => {
  const secret = "sk_live_SECRET";
  // (`lang`, `target` and `defaultCountry` name their wrong value: those are not secrets.)
  for (const name of ["apiKey", "bearerToken", "api_key", "apikey", "token", "password", "secret", "authorization", "x-api-key", "baseUrl", "importId"]) {
    for (const value of [secret, `${secret}\n`, { k: secret }, [secret], `https://x/${secret}\\`, "k".repeat(2000) + secret]) {
      const options = { [name]: value };
      const shown = JSON.stringify([
        ck.buildContactshipContact(contact, options),
        ck.buildSdrAgentContact({}, options),
        ck.validateContacts([contact], { target: "contactship", ...options }),
        new ck.BatchValidator({ target: "sdr_agent", ...options }).errors,
        ck.normalizePhone("+12124567890", options),
      ]);
      // Only a request's own header may carry it (a valid key given as apiKey/bearerToken).
      const outsideHeaders = shown.replace(/"headers":\{[^}]*\}/g, "");
      assert.ok(!outsideHeaders.includes("SECRET"), `${name}: ${outsideHeaders.slice(0, 300)}`);
    }
  }
});

test("http base URLs are refused except loopback; hidden characters are refused", () => {
  const url = (baseUrl) => ck.buildContactshipContact(contact, { baseUrl });
  assert.equal(url("http://api.example.com").errors[0].code, "invalid_base_url");
  assert.equal(url("https://ex\nample.com").errors[0].code, "invalid_base_url");
  assert.equal(url("https://example.com\\v1").errors[0].code, "invalid_base_url");
  assert.equal(url("http://localhost:8080").request.url, "http://localhost:8080/v1/contacts");
  assert.equal(url("http://127.0.0.1:3000/x/").request.url, "http://127.0.0.1:3000/x/v1/contacts");
});
