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
  // The message in the language asked for, as every field function gives it.
  const english = f.getNumber().error.message;
  const spanish = f.getNumber({ lang: "es" }).error.message;
  assert.notEqual(spanish, english);
  assert.equal(spanish, ck.errorMessages("es").phone_incomplete);
  assert.equal(english, ck.errorMessages("en").phone_incomplete);
  assert.equal(f.getNumber({ lang: "xx" }).error.message, english);
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
    for (const options of hostile) f.getNumber(options);
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

// An <input>'s text with "|" as its caret, after an edit of `inputType`, formatted and shown the
// same way.
function edit(textWithCaret, options) {
  const caret = textWithCaret.indexOf("|");
  const r = ck.formatPhoneInput(textWithCaret.replace("|", ""), caret, options);
  assert.equal(r.ok, true, JSON.stringify(r));
  return r.value.slice(0, r.caret) + "|" + r.value.slice(r.caret);
}
const US = { defaultCountry: "US" };
const back = { defaultCountry: "US", inputType: "deleteContentBackward" };
const forward = { defaultCountry: "US", inputType: "deleteContentForward" };

test("formatPhoneInput formats typing at the end, national and international", () => {
  assert.equal(edit("6502|", US), "650-2|");
  assert.equal(edit("(650) 253-0000|", US), "(650) 253-0000|");
  assert.equal(edit("+|", {}), "+|");
  assert.equal(edit("+3|"), "+3|");
  assert.equal(edit("+346|"), "+34 6|");
  assert.equal(edit("+44207946095|8", US), "+44 20 7946 095|8");
  assert.equal(edit("02079460958|", { defaultCountry: "GB" }), "020 7946 0958|");
  const r = ck.formatPhoneInput("+442079460958", 13);
  assert.deepEqual(r, {
    ok: true, value: "+44 20 7946 0958", caret: 16, e164: "+442079460958", valid: true, country: "GB", callingCode: 44,
  });
  const start = ck.formatPhoneInput("+3", 2);
  assert.equal(start.valid, false);
  assert.equal(start.e164, null);
});

test("formatPhoneInput keeps the caret after the digit typed or pasted in the middle", () => {
  assert.equal(edit("(659|0) 253-000", US), "(659|) 025-3000");
  assert.equal(edit("+44 201| 7946 095"), "+44 20 1|794 6095");
  assert.equal(edit("|6502530000", US), "|(650) 253-0000");
  // Pasted with spaces, dashes, dots and parentheses.
  assert.equal(edit("650 253 0000|", US), "(650) 253-0000|");
  assert.equal(edit("650.253.0000|", US), "(650) 253-0000|");
  assert.equal(edit("+1 (650) 253 - 0000|"), "+1 650-253-0000|");
  assert.equal(edit("65 0-25|3 (0000", US), "(650) 25|3-0000");
});

test("formatPhoneInput: deleting a digit in the middle, and a separator with Backspace or Delete", () => {
  assert.equal(edit("(650) 2|3-0000", back), "(650) 2|30-000");
  assert.equal(edit("(650) |53-0000", forward), "(650) |530-000");
  // Backspace took the "-" (or the ")") away: the digit before it goes.
  assert.equal(edit("(650) 253|0000", back), "(650) 25|0-000");
  assert.equal(edit("(650| 253-0000", back), "(65|2) 530-000");
  // Delete took the "-" away: the digit after it goes.
  assert.equal(edit("(650) 253|0000", forward), "(650) 253-|000");
  // The same text after typing is only formatted.
  assert.equal(edit("(650) 253|0000", { ...US, inputType: "insertText" }), "(650) 253|-0000");
});

test("formatPhoneInput keeps an extension, and what is not a number, as typed", () => {
  assert.equal(edit("6502530000 ext. 12|", US), "(650) 253-0000 ext. 12|");
  assert.equal(edit("6502530000x|", US), "(650) 253-0000 x|");
  assert.equal(edit("65|02530000 ext 1", US), "(65|0) 253-0000 ext 1");
  const r = ck.formatPhoneInput("6502530000 ext. 12", 18, US);
  assert.equal(r.valid, true);
  assert.equal(r.e164, "+16502530000");
  assert.equal(edit("Tel: 650|", US), "Tel: 650|");
  assert.equal(edit("abc|", US), "abc|");
});

test("formatPhoneInput counts the caret in UTF-16 code units", () => {
  // "٤" and "＋" are one unit each; "𝟘" (a mathematical digit, not read as one) two.
  assert.equal(edit("＋٤٤٢٠|"), "+44 20|");
  const r = ck.formatPhoneInput("650 x𝟘𝟘", 7, US);
  assert.equal(r.value, "650 x𝟘𝟘");
  assert.equal(r.caret, 7);
  // Inside a surrogate pair: moved back to its start.
  assert.equal(ck.formatPhoneInput("650 x𝟘𝟘", 6, US).caret, 5);
});

test("formatPhoneInput never throws, whatever it is given", () => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const trap = new Proxy({}, { get() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); } });
  const hostile = [undefined, null, 42, -1, NaN, Infinity, -Infinity, 1.5, 1n, Symbol("s"), {}, [], revoked.proxy, trap, "\ud800", "6\udc0050", "x".repeat(100000)];
  for (const value of hostile) {
    for (const caret of hostile) {
      for (const options of [undefined, US, back, { inputType: 42 }, { defaultCountry: "ZZ" }, trap, revoked.proxy, "US"]) {
        const r = ck.formatPhoneInput(value, caret, options);
        assert.equal(typeof r.ok, "boolean");
        if (r.ok) {
          assert.ok(r.caret >= 0 && r.caret <= r.value.length, JSON.stringify(r));
        }
      }
    }
  }
  assert.equal(ck.formatPhoneInput(42, 0).error.code, "wrong_type");
  assert.equal(ck.formatPhoneInput("6\ud800", 1).error.code, "invalid_unicode");
  assert.equal(ck.formatPhoneInput("650", 3, { country: "US" }).error.code, "invalid_option");
  // A caret that is not a number is the end of the text.
  assert.equal(ck.formatPhoneInput("6502", undefined, US).caret, 5);
  assert.equal(ck.formatPhoneInput("6502", -3, US).caret, 0);
});

// Names in the order of the platform's collator (ICU) for the language.
const assertCollated = (names, lang) => assert.deepEqual(names, names.slice().sort(new Intl.Collator(lang).compare));

test("getCountries: every region with phone metadata, named and sorted as the language sorts", () => {
  for (const lang of ["en", "es"]) {
    const list = ck.getCountries({ lang });
    assert.equal(list.length, 245);
    assertCollated(list.map((c) => c.name), lang);
    for (const c of list) {
      assert.equal(ck.getCountryCallingCode(c.code), c.callingCode, c.code);
      assert.equal([...c.flag].length, 2, c.code);
      assert.equal(c.example.e164, ck.normalizePhone(c.example.international).value, c.code);
    }
  }
  const mx = ck.getCountries({ lang: "es" }).find((c) => c.code === "MX");
  assert.deepEqual(mx, {
    code: "MX", name: "México", callingCode: 52, flag: "🇲🇽",
    example: { e164: "+522221234567", national: "222 123 4567", international: "+52 222 123 4567" },
  });
  assert.equal(ck.getCountries().find((c) => c.code === "XK").name, "Kosovo");
  // Spanish: accents sort with their letter.
  const es = ck.getCountries({ lang: "es" }).map((c) => c.name);
  assert.ok(es.indexOf("Austria") < es.indexOf("Azerbaiyán") && es.indexOf("Azerbaiyán") < es.indexOf("Bahamas"));
});

test("getAllCountries and getTimezones: the lists normalizeCountry and normalizeTimezone answer from", () => {
  for (const lang of ["en", "es"]) {
    const list = ck.getAllCountries({ lang });
    assert.equal(list.length, 249);
    assertCollated(list.map((c) => c.name), lang);
    for (const c of list) assert.equal(ck.normalizeCountry(c.alpha3).value, c.code);
  }
  assert.deepEqual(ck.getAllCountries({ lang: "es" }).find((c) => c.code === "DE"), { code: "DE", alpha3: "DEU", name: "Alemania" });
  const zones = ck.getTimezones();
  assert.ok(zones.includes("Europe/Madrid") && zones.includes("UTC") && !zones.includes("US/Eastern"));
  for (const z of zones) assert.equal(ck.normalizeTimezone(z).value, z);
});

test("the pickers answer in English for options they cannot read, and never throw", () => {
  const en = ck.getCountries();
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  for (const bad of [null, 42, "es", { lang: "fr" }, { lang: 1 }, { other: 1 }, revoked.proxy, new Proxy({}, { get() { throw 1; } })]) {
    assert.deepEqual(ck.getCountries(bad), en);
    assert.equal(ck.getAllCountries(bad)[0].name, "Afghanistan");
  }
  assert.equal(ck.getCountries({ lang: "es-MX" })[0].name, "Afganistán");
});
