// matchColumns: the library's header matching (src/columns.rs) as the page calls it, and any
// JS value in without a throw.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as ck from "../../pkg/node.mjs";

test("headers are matched as the contactkit command matches them", () => {
  const r = ck.matchColumns("contactship", ["Nombre", " Teléfono ", "E-Mail", "Source", "phone_number"]);
  assert.deepEqual(r, {
    ok: true,
    columns: { phone_number: 4, full_name: 0, email: 2 },
    extrasField: "additional_data",
    unmatched: [1, 3],
  });
  const s = ck.matchColumns("sdr_agent", ["Correo Electrónico", "Perfil de LinkedIn", "Zona Horaria", "Empresa"]);
  assert.deepEqual(s.columns, { email: 0, linkedin_profile: 1, company: 3, timezone: 2 });
  assert.equal(s.extrasField, "metadata");
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
  assert.deepEqual(ck.matchColumns("contactship", throwing).columns, { phone_number: 0 });
  assert.deepEqual(ck.matchColumns("contactship", cyclic).unmatched, [1]);
  assert.deepEqual(ck.matchColumns("contactship", lengthless).unmatched, []);
  const bad = ck.matchColumns("hubspot", ["phone"], { lang: "es" });
  assert.equal(bad.error.code, "unknown_target");
  assert.match(bad.error.message, /no es una API conocida/);
  assert.equal(ck.matchColumns(7, ["phone"]).error.code, "wrong_type");
  assert.equal(ck.matchColumns("contactship", ["phone"], { lang: "fr" }).error.code, "invalid_option");
  // A lone surrogate, numbers and objects.
  const odd = ck.matchColumns("contactship", ["\ud800phone", 12, { a: 1 }, "mobile\udc00"]);
  assert.deepEqual(odd, { ok: true, columns: { phone_number: 0 }, extrasField: "additional_data", unmatched: [1, 2, 3] });
  const many = ck.matchColumns("contactship", Array.from({ length: 100_000 }, (_, i) => `c${i}`));
  assert.equal(many.unmatched.length, 100_000);
  const huge = ck.matchColumns("contactship", new Array(1e9));
  assert.equal(huge.error.code, "too_many_items");
});
