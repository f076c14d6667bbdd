// The form helpers of src/wasm/forms.rs through the built package: AsYouType (shaped like
// libphonenumber-js's class), getExampleNumber and getCountryCallingCode. Nothing throws, and
// the answers are the Rust module's.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as ck from "../../pkg/node.mjs";

test("AsYouType formats keystroke by keystroke and reports the number", () => {
  const f = new ck.AsYouType("US");
  const shown = [..."6502530000"].map((c) => f.input(c));
  assert.deepEqual(shown.slice(-3), ["(650) 253-00", "(650) 253-000", "(650) 253-0000"]);
  assert.equal(f.getNumberValue(), "+16502530000");
  assert.equal(f.getTemplate(), "(xxx) xxx-xxxx");
  assert.equal(f.getCountry(), "US");
  assert.equal(f.getCallingCode(), 1);
  assert.equal(f.isValid(), true);
  assert.equal(f.isPossible(), true);
  const number = f.getNumber();
  assert.equal(number.ok, true);
  assert.equal(number.national, "(650) 253-0000");
  f.reset();
  assert.equal(f.input("+"), "+");
  assert.equal(f.getNumberValue(), undefined);
  assert.equal(f.getNumber().error.code, "phone_incomplete");
  assert.equal(f.input("442079460958"), "+44 20 7946 0958");
  assert.equal(f.getCountry(), "GB");
  f.free();
});

test("AsYouType never throws, whatever it is given", () => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const hostile = [undefined, null, 42, 1n, Symbol("s"), {}, [], revoked.proxy,
    new Proxy({}, { get() { throw new Error("trap"); } }), "\ud800", "x".repeat(100000)];
  for (const country of hostile) {
    const f = new ck.AsYouType(country);
    for (const text of hostile) {
      assert.equal(typeof f.input(text), "string");
    }
    f.getNumber();
    f.getNumberValue();
    f.getCountry();
    f.getCallingCode();
    f.isPossible();
    f.isValid();
    f.getTemplate();
    f.reset();
    f.free();
  }
  const f = new ck.AsYouType();
  assert.equal(f.input("+12124567890"), "+1 212-456-7890");
});

test("getExampleNumber and getCountryCallingCode", () => {
  const us = ck.getExampleNumber("US");
  assert.equal(us.e164, "+12015550123");
  assert.equal(us.national, "(201) 555-0123");
  assert.equal(ck.getExampleNumber("gb", "fixed_line").e164, "+441212345678");
  assert.equal(ck.getExampleNumber("US", "voicemail"), undefined);
  assert.equal(ck.getExampleNumber("AQ"), undefined);
  assert.equal(ck.getCountryCallingCode("MX"), 52);
  assert.equal(ck.getCountryCallingCode("AQ"), undefined);
  for (const bad of [undefined, null, 42, {}, Symbol("s"), "not a country"]) {
    assert.equal(ck.getExampleNumber(bad), undefined);
    const given = ck.getExampleNumber("US", bad);
    // No type (undefined or null) is the mobile example; anything else no type at all.
    if (bad === undefined || bad === null) assert.deepEqual(given, ck.getExampleNumber("US"));
    else assert.equal(given, undefined);
    assert.equal(ck.getCountryCallingCode(bad), undefined);
  }
});
