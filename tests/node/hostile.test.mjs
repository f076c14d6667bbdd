// Hostile JS values through every export (issue 21): throwing Proxies and getters, revoked
// Proxies, BigInt, Symbols, cyclic objects, in every argument. No call throws, every call gives a
// result object, and after thousands of them the module still answers right with no more memory:
// an exception through the Wasm frames would leave its stack pointer (and a BatchValidator's
// borrow) behind, and about 1,900 of them broke every later call.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as ck from "../../pkg/node.mjs";

const thrower = () => {
  throw new Error("boom");
};
const trapAll = new Proxy([], {
  get: thrower,
  has: thrower,
  ownKeys: thrower,
  getOwnPropertyDescriptor: thrower,
  getPrototypeOf: thrower,
});
const revoked = Proxy.revocable([], {});
revoked.revoke();
const revokedObject = Proxy.revocable({}, {});
revokedObject.revoke();
const cyclic = { full_name: "Ana" };
cyclic.self = cyclic;
const throwingIndex = ["a"];
Object.defineProperty(throwingIndex, 0, { get: thrower, enumerable: true });
const throwingGetter = { get full_name() { throw new Error("getter"); }, phone_number: "+12124567890" };
// What is thrown is itself hostile: a Proxy whose prototype cannot be read, an Error whose
// message getter throws.
const hostileThrow = {
  toJSON() {
    throw new Proxy({}, { getPrototypeOf: thrower, get: thrower });
  },
};
const messageThrow = {
  toJSON() {
    const e = new Error();
    Object.defineProperty(e, "message", { get: thrower });
    throw e;
  },
};
const lengthTrap = new Proxy([1, 2], { get: (t, k) => (k === "length" ? thrower() : t[k]) });
const hugeLength = new Proxy([], { get: (t, k) => (k === "length" ? 1e300 : t[k]) });

const HOSTILE = {
  "throwing Proxy": trapAll,
  "revoked Proxy (array)": revoked.proxy,
  "revoked Proxy (object)": revokedObject.proxy,
  "cyclic object": cyclic,
  "array with a throwing index getter": throwingIndex,
  "object with a throwing getter": throwingGetter,
  "throwing toJSON throwing a Proxy": hostileThrow,
  "Error with a throwing message getter": messageThrow,
  "Proxy whose length throws": lengthTrap,
  "Proxy with length 1e300": hugeLength,
  BigInt: 10n,
  Symbol: Symbol("s"),
  "object of BigInt": { full_name: 1n },
  "object with a Symbol key": { [Symbol("k")]: 1, full_name: "Ana" },
  "array of hostile rows": [trapAll, revokedObject.proxy, cyclic, throwingGetter, 1n, Symbol("x"), hostileThrow],
};

const contact = { phone_number: "+1 212 456 7890", full_name: "Ana" };
const good = { target: "contactship" };
// Every export, each argument position given `x`; the others ordinary.
const CALLS = {
  normalizePhone: (x) => [ck.normalizePhone(x), ck.normalizePhone("+12124567890", x)],
  normalizeEmail: (x) => [ck.normalizeEmail(x), ck.normalizeEmail("ana@gmial.com", x)],
  normalizeLinkedIn: (x) => [ck.normalizeLinkedIn(x), ck.normalizeLinkedIn("linkedin.com/in/ana", x)],
  normalizeLocale: (x) => [ck.normalizeLocale(x), ck.normalizeLocale("en-us", x)],
  normalizeTimezone: (x) => [ck.normalizeTimezone(x), ck.normalizeTimezone("US/Eastern", x)],
  normalizeCountry: (x) => [ck.normalizeCountry(x), ck.normalizeCountry("mx", x)],
  errorMessages: (x) => [ck.errorMessages(x)],
  messageWords: (x) => [ck.messageWords(x)],
  matchColumns: (x) => [ck.matchColumns(x, ["email"]), ck.matchColumns("sdr_agent", x), ck.matchColumns("sdr_agent", ["email"], x)],
  buildContactshipContact: (x) => [ck.buildContactshipContact(x), ck.buildContactshipContact(contact, x)],
  buildSdrAgentContact: (x) => [ck.buildSdrAgentContact(x), ck.buildSdrAgentContact({}, x)],
  buildCreateImport: (x) => [ck.buildCreateImport(x), ck.buildCreateImport({}, x)],
  buildCompleteImport: (x) => [ck.buildCompleteImport(x, {}), ck.buildCompleteImport({ totalRows: 1 }, x)],
  buildLinkCampaign: (x) => [ck.buildLinkCampaign(x, {}), ck.buildLinkCampaign({ campaignId: "x" }, x)],
  validateContacts: (x) => [ck.validateContacts(x, good), ck.validateContacts([contact], x), ck.validateContacts([x], good)],
  // The form helpers give strings, numbers and undefined: each is wrapped to be an object here.
  AsYouType: (x) => {
    const f = new ck.AsYouType(x);
    const g = new ck.AsYouType("US");
    const out = [{ shown: f.input(x) }, { shown: f.input("+1212") }, f.getNumber(), { shown: g.input(x) }];
    out.push(g.getNumber(), { t: g.getTemplate(), c: g.getCountry(), cc: g.getCallingCode(), v: g.getNumberValue() });
    f.free();
    g.free();
    return out;
  },
  getExampleNumber: (x) => [{ e: ck.getExampleNumber(x) }, { e: ck.getExampleNumber("US", x) }],
  getCountryCallingCode: (x) => [{ cc: ck.getCountryCallingCode(x) }],
  // Their entries' `code` is a country's, not an error code: only the names are checked here.
  getCountries: (x) => [ck.getCountries(x).map((c) => c.name)],
  getAllCountries: (x) => [ck.getAllCountries(x).map((c) => c.name)],
  getTimezones: () => [ck.getTimezones()],
  formatPhoneInput: (x) => [ck.formatPhoneInput(x, 0), ck.formatPhoneInput("650", x), ck.formatPhoneInput("650", 3, x)],
  BatchValidator: (x) => {
    const fromOptions = new ck.BatchValidator(x);
    const v = new ck.BatchValidator(good);
    const out = [fromOptions.errors, fromOptions.validate([contact]), fromOptions.summary()];
    out.push(v.validate(x), v.validate([x]), v.summary(), v.errors);
    fromOptions.free();
    v.free();
    return out;
  },
};

test("every export of the package is called here", () => {
  const called = Object.keys(CALLS).sort();
  const exported = Object.keys(ck)
    .filter((name) => typeof ck[name] === "function" && !["initSync", "default"].includes(name))
    .sort();
  assert.deepEqual(called, exported);
});

// Every error code the package declares.
const CODES = new Set(Object.keys(ck.errorMessages()));

// Checks a result and every object in it: an `ok` is a boolean, a failed result says why
// (`error` or `errors`), and the code of every error is a declared one.
function checkResult(value, where) {
  if (Array.isArray(value)) {
    for (const item of value) checkResult(item, where);
  } else if (typeof value === "object" && value !== null) {
    if ("ok" in value) {
      assert.equal(typeof value.ok, "boolean", where);
      if (!value.ok) assert.ok("error" in value || "errors" in value, `${where}: a failure without its error`);
    }
    const errors = [value.error ?? [], value.errors ?? []].flat();
    for (const e of errors) {
      if (typeof e === "object" && e !== null) assert.ok(CODES.has(e.code), `${where}: unknown code ${e.code}`);
    }
    for (const v of Object.values(value)) checkResult(v, where);
  }
}

for (const [name, call] of Object.entries(CALLS)) {
  test(`${name}: hostile values give result objects, never an exception`, () => {
    for (const [what, x] of Object.entries(HOSTILE)) {
      let results;
      assert.doesNotThrow(() => (results = call(x)), `${name}(${what})`);
      for (const r of results) {
        assert.equal(typeof r, "object", `${name}(${what})`);
        assert.notEqual(r, null, `${name}(${what})`);
      }
      checkResult(results, `${name}(${what})`);
    }
  });
}

test("a hostile value in a field rule's place is wrong_type, in its options' place invalid_option", () => {
  const rules = ["normalizePhone", "normalizeEmail", "normalizeLinkedIn", "normalizeLocale", "normalizeTimezone", "normalizeCountry"];
  for (const name of rules) {
    for (const [what, x] of Object.entries(HOSTILE)) {
      const [asInput, asOptions] = CALLS[name](x);
      assert.equal(asInput.error?.code, "wrong_type", `${name}(${what})`);
      assert.equal(asOptions.error?.code, "invalid_option", `${name}(…, ${what})`);
    }
  }
});

test("the issue's repro: 2,000 throwing Proxies, then a normal call", () => {
  const p = new Proxy([], { get() { throw 1; } });
  for (let i = 0; i < 2000; i++) {
    const r = ck.validateContacts(p, { target: "contactship" });
    assert.deepEqual(
      r.errors.map((e) => [e.field, e.code, e.params.got]),
      [["rows", "type_mismatch", "unreadable"]],
    );
  }
  assert.equal(ck.normalizePhone("+12124567890").value, "+12124567890");
});

test("rows that cannot be read are errors of their own; the other rows are validated", () => {
  const rows = [contact, throwingIndex, { ...contact, phone_number: "+1 212 456 7891" }];
  const report = ck.validateContacts(new Proxy(rows, { get: (t, k) => (k === "1" ? thrower() : t[k]) }), good);
  assert.deepEqual(
    report.results.map((r) => [r.row, r.ok, r.ok ? "" : r.errors.map((e) => e.params.got).join()]),
    [[0, true, ""], [1, false, "unreadable"], [2, true, ""]],
  );
  const revokedRow = ck.validateContacts([revokedObject.proxy], good).results[0];
  assert.deepEqual(revokedRow.errors.map((e) => [e.field, e.code, e.params.got]), [["", "type_mismatch", "unreadable"]]);
});

test("a BatchValidator stays usable after hostile chunks, and free() does not throw", () => {
  const v = new ck.BatchValidator(good);
  for (const x of Object.values(HOSTILE)) v.validate(x);
  const chunk = v.validate([{ ...contact, phone_number: "+44 20 7946 0958" }]);
  assert.equal(chunk.results.length, 1);
  assert.equal(chunk.results[0].ok, true);
  assert.equal(chunk.results[0].request.body, '{"phone_number":"+442079460958","full_name":"Ana"}');
  assert.doesNotThrow(() => v.free());
});

test("calls made from inside a Proxy trap during a call do not break the module", () => {
  const v = new ck.BatchValidator(good);
  const reentrant = new Proxy([contact], {
    get(t, k) {
      // The same validator again (wasm-bindgen refuses it), and any other export.
      assert.equal(ck.normalizePhone("+12124567890").ok, true);
      try {
        v.validate([contact]);
      } catch {
        // "recursive use of an object": thrown by the inner call, caught inside the outer.
      }
      return t[k];
    },
  });
  assert.doesNotThrow(() => v.validate(reentrant));
  assert.equal(v.validate([{ ...contact, phone_number: "+34 612 34 56 78" }]).results[0].ok, true);
  assert.doesNotThrow(() => v.free());
});

test("after 10,000 hostile calls a normal call gives the right answer and memory has not grown", () => {
  const wasm = ck.initSync(); // already instantiated: gives back its exports
  const round = () => {
    for (const call of Object.values(CALLS)) for (const x of Object.values(HOSTILE)) call(x);
  };
  round(); // memory the calls need, grown once
  const before = wasm.memory.buffer.byteLength;
  const perRound = Object.keys(CALLS).length * Object.keys(HOSTILE).length;
  const rounds = Math.ceil(10_000 / perRound);
  for (let i = 0; i < rounds; i++) round();
  assert.ok(rounds * perRound >= 10_000);
  assert.equal(wasm.memory.buffer.byteLength, before);
  const phone = ck.normalizePhone("(212) 456-7890", { defaultCountry: "US" });
  assert.equal(phone.value, "+12124567890");
  const built = ck.buildContactshipContact(contact);
  assert.equal(built.request.body, '{"phone_number":"+12124567890","full_name":"Ana"}');
});
