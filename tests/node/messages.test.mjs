// The messages a UI fills itself: errorMessages(lang) and messageWords(lang) give back every
// message the package writes, as docs/messages.md says to fill them.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as ck from "../../pkg/node.mjs";

/** `template` filled from `params`, token params through `words` (docs/messages.md). */
function fill(template, params, words) {
  const put = (text, p) => text.replace(/\{(\w+)\}/g, (m, k) => (k in p ? String(p[k]) : m));
  const p = { ...params };
  for (const k of ["expected", "got"]) if (typeof p[k] === "string") p[k] = words.types[p[k]] ?? p[k];
  if (typeof p.reason === "string" && p.reason in words.reasons) p.reason = put(words.reasons[p.reason], p);
  return put(template, p);
}

const errors = (lang) => [
  ck.normalizePhone("612345678", { nope: 1, lang }).error,
  ck.normalizePhone("612345678", { lang: "fr", defaultCountry: "ES" }).error,
  ck.normalizePhone("612345678", { defaultCountry: 34, lang }).error,
  ck.normalizePhone("612345678", { defaultCountry: "Narnia", lang }).error,
  ck.normalizePhone(12, { lang }).error,
  ...ck.buildContactshipContact({ phone_number: 5, full_name: [] }, { lang }).errors,
  ...ck.buildContactshipContact({ full_name: "Ana", phone_number: "+34612345678" }, { lang, countryFormat: "x" }).errors,
  ...ck.buildSdrAgentContact({ name: "Ana", email: "a@b.co" }, { lang, apiKey: "k", bearerToken: "t" }).errors,
];

for (const lang of ["en", "es"]) {
  test(`${lang}: every message is its code's template filled with its params and the language's words`, () => {
    const templates = ck.errorMessages(lang);
    const words = ck.messageWords(lang);
    const seen = errors(lang);
    // Each kind of token param is exercised: a reason, a type.
    assert.ok(seen.some((e) => e.params?.reason === "wrong_type"));
    assert.ok(seen.some((e) => e.code === "type_mismatch"));
    for (const e of seen) {
      const error = e.error ?? e;
      const expected = lang === "en" || error.code !== "invalid_option" || error.params.option !== "lang" ? lang : "en";
      assert.equal(fill(ck.errorMessages(expected)[error.code], error.params, ck.messageWords(expected)), error.message, error.code);
    }
    assert.equal(typeof templates.invalid_option, "string");
  });
}

test("messageWords has the same tokens in every language, each worded", () => {
  const en = ck.messageWords("en");
  const es = ck.messageWords("es");
  assert.deepEqual(Object.keys(es.types), Object.keys(en.types));
  assert.deepEqual(Object.keys(es.reasons), Object.keys(en.reasons));
  assert.equal(es.types.number, "un número");
  assert.equal(en.reasons.wrong_type, "expected {expected}, got {got}");
  // An unknown tag is English, as errorMessages reads it.
  assert.deepEqual(ck.messageWords("xx"), en);
});
