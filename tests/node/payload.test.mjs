// The payload builders from the built package, as a user imports them: the exact request a
// client sends (checked against a local server with fetch), errors as data, hostile input,
// the import flow, batches and the BatchValidator class.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  buildContactshipContact,
  buildSdrAgentContact,
  buildCreateImport,
  buildCompleteImport,
  buildLinkCampaign,
  validateContacts,
  BatchValidator,
} from "../../pkg/node.mjs";

const IMPORT = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const CAMPAIGN = "550e8400-e29b-41d4-a716-446655440000";
const SDR_KEY = "sk_live_1234567890abcdef";

const fields = (result) => (result.ok ? [] : result.errors.map((e) => [e.field, e.code]));

/** Starts a server that records each request and answers 201 with `{ id }`. */
async function recorder() {
  const seen = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.writeHead(201, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: IMPORT }));
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, seen, close: () => new Promise((r) => server.close(r)) };
}

// ------------------------------------------------------------------ Contactship

test("Contactship: the documented basic example is the exact request", () => {
  const r = buildContactshipContact(
    { phone_number: "+12124567890", full_name: "Juan Pérez" },
    { apiKey: "your-api-key" },
  );
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.deepEqual(r.request, {
    method: "POST",
    url: "https://api.contactship.ai/v1/contacts",
    headers: { "Content-Type": "application/json", "x-api-key": "your-api-key" },
    body: '{"phone_number":"+12124567890","full_name":"Juan Pérez"}',
  });
});

test("Contactship: the documented complete example, country as name or alpha-2", () => {
  const contact = {
    phone_number: "+12124567890",
    full_name: "Juan Pérez",
    country: "México",
    email: "juan@ejemplo.com",
    description: "Lead from LinkedIn campaign",
    additional_data: [
      { type: "location", field: "dirección", value: "Av. Insurgentes 123" },
      { type: "text", field: "notas", value: "Cliente potencial para servicio premium" },
    ],
  };
  const r = buildContactshipContact(contact, { apiKey: "your-api-key" });
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.equal(r.request.body, JSON.stringify({ ...contact, country: "Mexico" }));
  const code = buildContactshipContact(contact, { countryFormat: "alpha2" });
  assert.equal(JSON.parse(code.request.body).country, "MX");
  assert.deepEqual(Object.keys(code.request.headers), ["Content-Type"]);
});

test("Contactship: every problem at once, as { field, code, message, params }", () => {
  const r = buildContactshipContact(
    {
      full_name: "   ",
      phone_number: 5512345678,
      additional_data: [{ type: "number", field: "score", value: "doce" }, { type: "date", field: "", value: "2024-02-30" }],
      telefono: "55 1234 5678",
    },
    { lang: "es" },
  );
  assert.equal(r.ok, false);
  assert.deepEqual(fields(r), [
    ["phone_number", "type_mismatch"],
    ["full_name", "required"],
    ["additional_data[0].value", "additional_data_invalid_number"],
    ["additional_data[1].field", "required"],
    ["additional_data[1].value", "additional_data_invalid_date"],
    ["telefono", "unknown_field"],
  ]);
  assert.deepEqual(r.errors[0], {
    field: "phone_number",
    code: "type_mismatch",
    message: "Se esperaba un texto y se recibió un número.",
    params: { expected: "string", got: "number" },
  });
});

test("Contactship: fetch(request.url, request) sends exactly the body and headers", async () => {
  const srv = await recorder();
  try {
    const r = buildContactshipContact(
      { phone_number: " 55 1234 5678 ", full_name: "Ana Gómez", country: "MX" },
      { baseUrl: srv.base, apiKey: "secret-key" },
    );
    assert.equal(r.ok, true, JSON.stringify(r));
    const res = await fetch(r.request.url, r.request);
    assert.equal(res.status, 201);
    const [got] = srv.seen;
    assert.equal(got.method, "POST");
    assert.equal(got.url, "/v1/contacts");
    assert.equal(got.headers["content-type"], "application/json");
    assert.equal(got.headers["x-api-key"], "secret-key");
    assert.equal(got.body, '{"phone_number":"+525512345678","full_name":"Ana Gómez","country":"Mexico"}');
  } finally {
    await srv.close();
  }
});

// ------------------------------------------------------------------ SDR Agent

test("SDR Agent: the documented example is the exact request", () => {
  const r = buildSdrAgentContact(
    {
      full_name: "John Doe",
      email: "john.doe@example.com",
      linkedin_profile: "https://linkedin.com/in/johndoe",
      company: "Tech Corp",
      locale: "en-US",
      timezone: "America/New_York",
      metadata: { source: "website", campaign: "Q1-2024" },
    },
    { apiKey: SDR_KEY, importId: IMPORT },
  );
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.deepEqual(r.request.headers, {
    "Content-Type": "application/json",
    "X-API-Key": SDR_KEY,
    "X-Import-ID": IMPORT,
  });
  assert.equal(r.request.url, "https://api.sdragent.com/contacts/");
  assert.equal(
    r.request.body,
    '{"full_name":"John Doe","email":"john.doe@example.com",' +
      '"linkedin_profile":"https://www.linkedin.com/in/johndoe","company":"Tech Corp",' +
      '"locale":"en-US","timezone":"America/New_York",' +
      '"metadata":{"source":"website","campaign":"Q1-2024"}}',
  );
});

test("SDR Agent: metadata keeps __proto__ and constructor as data", () => {
  const metadata = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"n":[1,2]}');
  const r = buildSdrAgentContact(
    { full_name: "Ana", email: "ana@example.com", linkedin_profile: "linkedin.com/in/ana", metadata },
    { bearerToken: "jwt.payload.sig" },
  );
  assert.equal(r.ok, true, JSON.stringify(r));
  const body = JSON.parse(r.request.body);
  assert.ok(Object.hasOwn(body.metadata, "__proto__"));
  assert.deepEqual(body.metadata.__proto__, { polluted: true });
  assert.equal({}.polluted, undefined);
  assert.equal(r.request.headers.Authorization, "Bearer jwt.payload.sig");

  // A top-level __proto__ key is an unknown field, and the error object is plain data.
  const bad = buildSdrAgentContact(JSON.parse('{"__proto__":{"x":1},"full_name":"Ana"}'));
  assert.deepEqual(fields(bad), [
    ["email", "required"],
    ["linkedin_profile", "required"],
    ["__proto__", "unknown_field"],
  ]);
  assert.equal(Object.getPrototypeOf(bad.errors[2].params), Object.prototype);
  assert.equal(bad.errors[2].params.field, "__proto__");
});

test("SDR Agent: a company page is not a person's profile", () => {
  const r = buildSdrAgentContact({
    full_name: "Ana",
    email: "ana@example.com",
    linkedin_profile: "https://www.linkedin.com/company/tech-corp/",
  });
  assert.deepEqual(fields(r), [["linkedin_profile", "linkedin_not_person"]]);
  assert.equal(r.errors[0].params.kind, "company");
});

// ------------------------------------------------------------------ options and credentials

test("invalid options are errors on options.<name>, never exceptions, never echo secrets", () => {
  const secret = "sk_live_TOPSECRET\nInjected: 1";
  const r = buildSdrAgentContact(
    { full_name: "Ana", email: "ana@example.com", linkedin_profile: "linkedin.com/in/ana" },
    { apiKey: secret, importId: "not-a-uuid", baseUrl: "ftp://x", nope: 1 },
  );
  assert.deepEqual(fields(r), [
    ["options.nope", "invalid_option"],
    ["options.baseUrl", "invalid_base_url"],
    ["options.apiKey", "invalid_credentials"],
    ["options.importId", "invalid_uuid"],
  ]);
  assert.doesNotMatch(JSON.stringify(r), /TOPSECRET/);

  for (const options of ["key", 42, [], () => 1]) {
    const o = buildContactshipContact({ phone_number: "+12124567890", full_name: "A" }, options);
    assert.deepEqual(fields(o), [["options", "invalid_option"]], String(options));
  }
  // Options are read key by key, as the field functions read theirs: a cycle is only an
  // unknown option, and a wrong type says what was expected, as natively.
  const cyclic = { apiKey: "k" };
  cyclic.self = cyclic;
  assert.deepEqual(fields(buildContactshipContact({}, cyclic))[0], ["options.self", "invalid_option"]);
  const wrong = buildContactshipContact({}, { apiKey: 7 }).errors[0];
  assert.deepEqual([wrong.field, wrong.code], ["options.apiKey", "invalid_option"]);
  assert.deepEqual([wrong.params.expected, wrong.params.got], ["string", "number"]);
  assert.deepEqual(fields(buildContactshipContact({}, { bearerToken: "t" }))[0], ["options.bearerToken", "invalid_option"]);
});

// ------------------------------------------------------------------ hostile input

test("hostile input: errors, never a throw", () => {
  const deep = {};
  let cur = deep;
  for (let i = 0; i < 100_000; i++) cur = cur.k = {};
  const cyclic = { a: 1 };
  cyclic.self = cyclic;
  const throwing = { get boom() { throw new Error("getter"); } };
  const huge = "x".repeat(10 << 20);
  const cases = [
    [undefined, [["", "not_an_object"]]],
    [null, [["", "not_an_object"]]],
    ["John", [["", "not_an_object"]]],
    [[1, 2], [["", "not_an_object"]]],
    [() => 1, [["", "not_an_object"]]],
    [10n, [["", "not_an_object"]]],
    [Symbol("s"), [["", "not_an_object"]]],
  ];
  for (const [input, expected] of cases) {
    assert.deepEqual(fields(buildSdrAgentContact(input)), expected, String(typeof input));
  }
  const base = { full_name: "Ana", email: "ana@example.com", linkedin_profile: "linkedin.com/in/ana" };
  assert.deepEqual(fields(buildSdrAgentContact({ ...base, metadata: deep })), [["metadata", "nesting_too_deep"]]);
  assert.deepEqual(fields(buildSdrAgentContact({ ...base, metadata: cyclic })), [["metadata", "nesting_too_deep"]]);
  assert.deepEqual(fields(buildSdrAgentContact({ ...base, metadata: { n: 10n } })), [["metadata", "type_mismatch"]]);
  assert.deepEqual(fields(buildSdrAgentContact({ ...base, company: 10n })), [["company", "type_mismatch"]]);
  // A getter that throws makes the contact unreadable: JSON.stringify cannot read it either.
  assert.deepEqual(fields(buildSdrAgentContact(Object.assign(throwing, base))), [["boom", "type_mismatch"]]);
  // Symbol keys, undefined values and functions have no JSON form and are ignored like JSON.stringify does.
  assert.equal(buildSdrAgentContact({ ...base, [Symbol("x")]: 1, company: undefined, f() {} }).ok, true);
  const big = buildSdrAgentContact({ ...base, full_name: huge, metadata: { blob: huge } });
  assert.deepEqual(fields(big), [["full_name", "too_long"], ["metadata", "too_long"]]);
  assert.ok(JSON.stringify(big).length < 2000);
  const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
  // Two required fields, 20 unknown ones listed and the other 4,980 counted.
  const wideErrors = buildContactshipContact(wide).errors;
  assert.equal(wideErrors.length, 2 + 20 + 1);
  assert.deepEqual(wideErrors.at(-1).params, { count: 4980 });
});

// ------------------------------------------------------------------ the import flow

test("the import flow with fetch against a server", async () => {
  const srv = await recorder();
  try {
    const options = { baseUrl: srv.base, apiKey: SDR_KEY };
    const created = buildCreateImport({ name: "Q1 leads", source: "csv" }, options);
    assert.equal(created.ok, true, JSON.stringify(created));
    const { id } = await (await fetch(created.request.url, created.request)).json();

    const withImport = { ...options, importId: id };
    const rows = [
      { full_name: "Jane Smith", email: "jane.smith@example.com", linkedin_profile: "https://linkedin.com/in/janesmith" },
      { full_name: "John Doe", email: "john.doe@example.com", linkedin_profile: "https://linkedin.com/in/johndoe" },
    ];
    let sent = 0;
    for (const row of rows) {
      const r = buildSdrAgentContact(row, withImport);
      assert.equal(r.ok, true, JSON.stringify(r));
      await fetch(r.request.url, r.request);
      sent++;
    }
    const done = buildCompleteImport({ totalRows: sent }, withImport);
    await fetch(done.request.url, done.request);
    const link = buildLinkCampaign({ campaignId: CAMPAIGN }, withImport);
    await fetch(link.request.url, link.request);

    assert.deepEqual(
      srv.seen.map((s) => [s.method, s.url, s.body]),
      [
        ["POST", "/imports/", '{"status":"processing","name":"Q1 leads","source":"csv"}'],
        ["POST", "/contacts/", '{"full_name":"Jane Smith","email":"jane.smith@example.com","linkedin_profile":"https://www.linkedin.com/in/janesmith"}'],
        ["POST", "/contacts/", '{"full_name":"John Doe","email":"john.doe@example.com","linkedin_profile":"https://www.linkedin.com/in/johndoe"}'],
        ["PUT", `/imports/${IMPORT}`, '{"status":"completed","total_rows":2}'],
        ["POST", `/campaign-imports/${CAMPAIGN}/imports`, `{"import_id":"${IMPORT}"}`],
      ],
    );
    assert.ok(srv.seen.every((s) => s.headers["x-api-key"] === SDR_KEY));
    assert.deepEqual(srv.seen.map((s) => s.headers["x-import-id"] ?? null), [null, IMPORT, IMPORT, null, null]);
  } finally {
    await srv.close();
  }
});

test("import flow errors", () => {
  const opts = { importId: IMPORT };
  for (const totalRows of [-1, 1.5, NaN, Infinity, 2 ** 53]) {
    assert.deepEqual(fields(buildCompleteImport({ totalRows }, opts)), [["totalRows", "invalid_count"]], String(totalRows));
  }
  assert.deepEqual(fields(buildCompleteImport({ totalRows: "3" }, opts)), [["totalRows", "type_mismatch"]]);
  assert.deepEqual(fields(buildCompleteImport({ totalRows: 3 }, {})), [["options.importId", "required"]]);
  assert.deepEqual(fields(buildCompleteImport(undefined, undefined)), [["options.importId", "required"], ["totalRows", "required"]]);
  assert.deepEqual(fields(buildLinkCampaign({ campaignId: "summer" }, opts)), [["campaignId", "invalid_uuid"]]);
  assert.deepEqual(fields(buildLinkCampaign("x", opts)), [["", "not_an_object"]]);
  assert.deepEqual(fields(buildCreateImport(null, opts)), [["options.importId", "invalid_option"]]);
  assert.equal(buildCreateImport().request.body, '{"status":"processing"}');
});

// ------------------------------------------------------------------ batches

const sdrRow = (name, email) => ({ full_name: name, email, linkedin_profile: `linkedin.com/in/${name}-smith` });

test("validateContacts: per-row results, duplicates by key, summary", () => {
  const report = validateContacts(
    [
      { phone_number: "+1 212 456 7890", full_name: "Juan" },
      { phone_number: "(212) 456-7890", full_name: "Juan bis" },
      { full_name: "no phone" },
      "not a row",
    ],
    { target: "contactship", defaultCountry: "US", apiKey: "k" },
  );
  assert.deepEqual(report.errors, []);
  assert.deepEqual(report.summary, { total: 4, valid: 1, invalid: 3, duplicates: 1 });
  assert.deepEqual(report.results.map((r) => [r.row, r.ok]), [[0, true], [1, false], [2, false], [3, false]]);
  assert.equal(report.results[0].request.body, '{"phone_number":"+12124567890","full_name":"Juan"}');
  assert.deepEqual(report.results[1].errors[0].params, { key: "+12124567890", first_row: 0, first_row_number: 1 });
  assert.match(report.results[1].errors[0].message, /^Row 1 already has \+12124567890;/);
  assert.deepEqual(fields(report.results[3]), [["", "not_an_object"]]);

  const bad = validateContacts("rows", { target: "sdr_agent" });
  assert.deepEqual(bad.errors.map((e) => [e.field, e.code]), [["rows", "type_mismatch"]]);
  const noTarget = validateContacts([sdrRow("a", "a@example.com")], {});
  assert.deepEqual(noTarget.errors.map((e) => [e.field, e.code]), [["options.target", "required"]]);
  assert.deepEqual(fields(noTarget.results[0]), [["options.target", "required"]]);
  // The report is written row by row: its keys (and each row's) in the documented order.
  assert.deepEqual(Object.keys(report), ["results", "summary", "errors"]);
  assert.deepEqual(Object.keys(bad), ["results", "summary", "errors"]);
  assert.deepEqual(bad.results, []);
  assert.deepEqual(Object.keys(report.results[0]), ["row", "ok", "request"]);
  assert.deepEqual(Object.keys(report.results[1]), ["row", "ok", "errors"]);
  assert.deepEqual(validateContacts([], { target: "contactship" }), {
    results: [],
    summary: { total: 0, valid: 0, invalid: 0, duplicates: 0 },
    errors: [],
  });
});

test("BatchValidator: chunks, continuing rows, duplicates across chunks, never throws", () => {
  const v = new BatchValidator({ target: "sdr_agent", apiKey: SDR_KEY, importId: IMPORT });
  assert.deepEqual(v.errors, []);
  const a = v.validate([sdrRow("a", "A@Example.com"), sdrRow("b", "b@example.com")]);
  const b = v.validate([sdrRow("c", "a@example.COM"), { full_name: 1 }]);
  assert.deepEqual(a.results.map((r) => r.row), [0, 1]);
  assert.deepEqual(b.results.map((r) => r.row), [2, 3]);
  assert.deepEqual(fields(b.results[0]), [["email", "duplicate"]]);
  assert.equal(b.results[0].errors[0].params.first_row, 0);
  assert.deepEqual(v.summary(), { total: 4, valid: 2, invalid: 2, duplicates: 1 });
  const notRows = v.validate({ length: 1, 0: {} });
  assert.deepEqual(Object.keys(notRows), ["results", "errors"]);
  assert.deepEqual(notRows.results, []);
  assert.deepEqual(notRows.errors.map((e) => e.code), ["type_mismatch"]);
  assert.deepEqual(Object.keys(a), ["results", "errors"]);
  assert.deepEqual(v.validate([]), { results: [], errors: [] });
  v.free();

  for (const [options, field, code] of [
    [undefined, "options.target", "required"],
    [null, "options.target", "required"],
    ["sdr_agent", "options", "invalid_option"],
    [{ target: "crm" }, "options.target", "unknown_target"],
    [{ target: "contactship", importId: IMPORT }, "options.importId", "invalid_option"],
  ]) {
    const bad = new BatchValidator(options);
    assert.deepEqual(bad.errors.map((e) => [e.field, e.code]), [[field, code]], JSON.stringify(options));
    const out = bad.validate([{ phone_number: "+12124567890", full_name: "A" }]);
    assert.equal(out.results[0].ok, false);
    assert.deepEqual(out.results[0].errors.slice(0, bad.errors.length), bad.errors);
    bad.free();
  }
});

test("batch rows carry warnings that never make them invalid, in both languages", () => {
  const rows = [
    { ...sdrRow("ana", "ana@gmail.con"), timezone: "US/Eastern" },
    { ...sdrRow("juan", "juan@gmail.com"), timezone: "America/New_York" },
  ];
  const report = validateContacts(rows, { target: "sdr_agent", apiKey: SDR_KEY });
  assert.deepEqual(report.summary, { total: 2, valid: 2, invalid: 0, duplicates: 0 });
  const [typo, clean] = report.results;
  assert.deepEqual(typo.warnings, [
    {
      field: "email",
      code: "email_suggestion",
      message: "Did you mean ana@gmail.com?",
      params: { suggestion: "ana@gmail.com" },
    },
    {
      field: "timezone",
      code: "resolved_alias",
      message: '"US/Eastern" was read as America/New_York.',
      params: { from: "US/Eastern", value: "America/New_York" },
    },
  ]);
  // The request is the row's, warnings or not; a clean row has no `warnings` key.
  assert.equal(JSON.parse(typo.request.body).email, "ana@gmail.con");
  assert.deepEqual(Object.keys(typo), ["row", "ok", "request", "warnings"]);
  assert.deepEqual(Object.keys(clean), ["row", "ok", "request"]);

  const v = new BatchValidator({ target: "contactship", apiKey: "k", lang: "es" });
  const chunk = v.validate([
    { phone_number: "55 1234 5678", country: "México", full_name: "Ana", email: "ana@hotmial.com" },
    { phone_number: "55 1234 5679", country: "MX", full_name: "Eva" },
    { phone_number: "55 1234", country: "México", full_name: "Sol" },
  ]);
  const [alias, plain, invalid] = chunk.results;
  const country = JSON.parse(alias.request.body).country;
  assert.deepEqual(alias.warnings, [
    {
      field: "country",
      code: "resolved_alias",
      message: `"México" se leyó como ${country}.`,
      params: { from: "México", value: country },
    },
    {
      field: "email",
      code: "email_suggestion",
      message: "¿Quisiste decir ana@hotmail.com?",
      params: { suggestion: "ana@hotmail.com" },
    },
  ]);
  assert.equal(plain.warnings, undefined);
  // An invalid row keeps its warnings beside its errors.
  assert.equal(invalid.ok, false);
  assert.deepEqual(fields(invalid), [["phone_number", "phone_too_short"]]);
  assert.deepEqual(invalid.warnings.map((w) => [w.field, w.code]), [["country", "resolved_alias"]]);
  assert.deepEqual(v.summary(), { total: 3, valid: 2, invalid: 1, duplicates: 0 });
  v.free();
});

test("the TypeScript types describe the payload API (tsc --strict)", () => {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const tsc = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));
  execFileSync(
    process.execPath,
    [tsc, "--noEmit", "--strict", "--target", "es2022", "--module", "es2022",
      "--moduleResolution", "bundler", "--lib", "es2022,dom,esnext.disposable", "tests/types/payload.ts"],
    { cwd: root, stdio: "pipe" },
  );
});

// ------------------------------------------------------------------ README.md

test("every ```js example of README.md and docs/payloads.md runs and prints what its // → comments say", async () => {
  const { readFileSync, writeFileSync, mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { execFile } = await import("node:child_process");
  // The README's examples and docs/payloads.md's, which the README links to for the details.
  const doc = ["../../README.md", "../../docs/payloads.md"]
    .map((path) => readFileSync(new URL(path, import.meta.url), "utf8"))
    .join("\n");
  const blocks = [...doc.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  assert.ok(blocks.length >= 4, `found ${blocks.length}`);
  const pkg = new URL("../../pkg/node.mjs", import.meta.url).href;
  const schema = new URL("../../pkg/schema-node.mjs", import.meta.url).href;
  const dir = mkdtempSync(join(tmpdir(), "contactkit-readme-"));
  const srv = await recorder();
  try {
    for (const [i, code] of blocks.entries()) {
      const file = join(dir, `example-${i + 1}.mjs`);
      // "contactkit" and "contactkit/schema" are the built package; other packages (the form
      // libraries of the README's form section) are the repository's dev dependencies.
      const resolve = (spec) => (spec === "contactkit" ? pkg : spec === "contactkit/schema" ? schema : import.meta.resolve(spec));
      writeFileSync(file, code.replace(/from\s+"([^".][^"]*)"/g, (_, spec) => `from ${JSON.stringify(resolve(spec))}`));
      const out = await new Promise((resolve, reject) =>
        execFile(process.execPath, [file], { env: { ...process.env, SDR_AGENT_URL: srv.base } }, (err, stdout, stderr) =>
          err ? reject(new Error(`example ${i + 1}: ${stderr}`)) : resolve(stdout),
        ),
      );
      const expected = [...code.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1]);
      assert.deepEqual(out.trimEnd().split("\n"), expected, `example ${i + 1}`);
    }
    // The import-flow example talked to the local server: create, 2 contacts, complete, link.
    assert.deepEqual(srv.seen.map((s) => `${s.method} ${s.url.replace(/[0-9a-f-]{36}/g, ":id")}`), [
      "POST /imports/", "POST /contacts/", "POST /contacts/", "PUT /imports/:id", "POST /campaign-imports/:id/imports",
    ]);
  } finally {
    await srv.close();
  }
});

test("a batch stringified at once gives every row the result it gets read alone", () => {
  const row = (phone, name = "Ana") => ({ phone_number: phone, full_name: name, country: "ES" });
  const deep = {};
  let cur = deep;
  for (let i = 0; i < 200; i++) cur = cur.k = {};
  const rows = [
    row("612345678"),
    undefined,
    () => 1,
    Symbol("s"),
    null,
    "John",
    [1, 2],
    row("612345678", "Dup"),
    { ...row("+34 612 34 56 79"), company: undefined, f() {} },
    { toJSON: () => row("612 34 56 80") },
    Object.assign(Object.create(null), row("612345681")),
    row("nope"),
  ];
  rows.length = 14; // two holes at the end
  // Text beyond ASCII: the chunk's UTF-8 comes from TextEncoder, a row's alone from the glue.
  const unicode = [row("612345683", "José Ñúñez 😀"), row("612345684", "lone \ud800 surrogate")];
  for (const chunk of [rows, [row("612345678"), { ...row("612345682"), notes: deep }, ...unicode]]) {
    // A BigInt row makes JSON.stringify of the whole chunk throw: every row is then read alone.
    const alone = validateContacts([...chunk, 10n], { target: "contactship" }).results.slice(0, -1);
    const atOnce = validateContacts(chunk, { target: "contactship" }).results;
    assert.deepEqual(atOnce, alone);
    assert.equal(atOnce.length, chunk.length);
  }
  const report = validateContacts(rows, { target: "contactship" });
  assert.deepEqual(report.summary, { total: 14, valid: 4, invalid: 10, duplicates: 1 });
});
