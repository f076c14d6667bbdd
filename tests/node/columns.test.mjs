// matchColumns: the library's header matching (src/columns.rs) as the page calls it, and any
// JS value in without a throw.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as ck from "../../pkg/node.mjs";

test("headers are matched as the contactkit command matches them", () => {
  const r = ck.matchColumns("contactship", ["Nombre", " Teléfono ", "E-Mail", "Source", "phone_number"]);
  assert.deepEqual(r, {
    ok: true,
    columns: { phone_number: [4], full_name: [0], email: [2] },
    extrasField: "additional_data",
    unmatched: [1, 3],
  });
  const s = ck.matchColumns("sdr_agent", ["Correo Electrónico", "Perfil de LinkedIn", "Zona Horaria", "Empresa"]);
  assert.deepEqual(s.columns, { email: [0], linkedin_profile: [1], company: [3], timezone: [2] });
  assert.equal(s.extrasField, "metadata");
});

test("a full name in parts: given, middle and family names, joined in that order", () => {
  const r = ck.matchColumns("contactship", ["Last Name", "Phone", "First Name", "Middle Name", "Notes"]);
  assert.deepEqual(r.columns, { phone_number: [1], full_name: [2, 3, 0], description: [4] });
  assert.deepEqual(r.unmatched, []);
  const es = ck.matchColumns("sdr_agent", ["Nombre", "Apellidos", "Correo"]);
  assert.deepEqual(es.columns, { full_name: [0, 1], email: [2] });
  // A column with the whole name wins; the parts are left for the extras.
  const whole = ck.matchColumns("sdr_agent", ["Nombre", "Apellidos", "Nombre completo"]);
  assert.deepEqual(whole.columns, { full_name: [2] });
  assert.deepEqual(whole.unmatched, [0, 1]);
});

test("bad targets and headers are results, never throws", () => {
  const revoked = Proxy.revocable([], {});
  revoked.revoke();
  for (const headers of [null, undefined, "a,b", 3, {}, revoked.proxy]) {
    const r = ck.matchColumns("contactship", headers);
    assert.equal(r.ok, false);
    assert.equal(r.error.code, "wrong_type");
  }
  // Names that cannot be read, or are not strings, match nothing; the others still do.
  const throwing = ["phone", "x"];
  Object.defineProperty(throwing, 1, { get() { throw new Error("boom"); } });
  const cyclic = ["name"];
  cyclic.push(cyclic);
  const lengthless = new Proxy(["phone"], { get(t, k) { if (k === "length") throw new Error("no"); return t[k]; } });
  assert.deepEqual(ck.matchColumns("contactship", throwing).columns, { phone_number: [0] });
  const throwingName = ["First Name", "Phone", "Last Name"];
  Object.defineProperty(throwingName, 2, { get() { throw new Error("boom"); } });
  assert.deepEqual(ck.matchColumns("contactship", throwingName).columns, { phone_number: [1] });
  const proxied = new Proxy(["First Name", "Last Name"], {});
  assert.deepEqual(ck.matchColumns("sdr_agent", proxied).columns, { full_name: [0, 1] });
  assert.deepEqual(ck.matchColumns("contactship", cyclic).unmatched, [1]);
  assert.deepEqual(ck.matchColumns("contactship", lengthless).unmatched, []);
  const bad = ck.matchColumns("hubspot", ["phone"], { lang: "es" });
  assert.equal(bad.error.code, "unknown_target");
  assert.match(bad.error.message, /no es una API conocida/);
  assert.equal(ck.matchColumns(7, ["phone"]).error.code, "wrong_type");
  assert.equal(ck.matchColumns("contactship", ["phone"], { lang: "fr" }).error.code, "invalid_option");
  // A lone surrogate, numbers and objects.
  const odd = ck.matchColumns("contactship", ["\ud800phone", 12, { a: 1 }, "mobile\udc00"]);
  assert.deepEqual(odd, { ok: true, columns: { phone_number: [0] }, extrasField: "additional_data", unmatched: [1, 2, 3] });
  // A lone surrogate is a gap between words, as any other character that is not a letter.
  assert.deepEqual(ck.matchColumns("contactship", ["First\ud800", "Last\udc00Name"]).columns, { full_name: [0, 1] });
  const many = ck.matchColumns("contactship", Array.from({ length: 100_000 }, (_, i) => `c${i}`));
  assert.equal(many.unmatched.length, 100_000);
  const huge = ck.matchColumns("contactship", new Array(1e9));
  assert.equal(huge.error.code, "too_many_items");
});
