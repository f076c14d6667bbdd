// Compiled by tests/node/payload.test.mjs with `tsc --noEmit --strict`: results narrow on `ok`
// without casts, options and inputs are typed, and misuse is rejected.
import init, {
  buildContactshipContact, buildSdrAgentContact, buildCreateImport, buildCompleteImport,
  buildLinkCampaign, validateContacts, BatchValidator,
  type BuildResult, type ContactError, type HttpRequest, type RowResult, type RowWarning, type BatchSummary,
  type ErrorCode, type SdrAgentContact,
} from "../../pkg/contactkit.js";

export async function usage(): Promise<string[]> {
  await init();
  const out: string[] = [];
  const r: BuildResult = buildContactshipContact(
    { phone_number: "+12124567890", full_name: "Juan Pérez", additional_data: [{ type: "number", field: "score", value: 3 }] },
    { apiKey: "k", defaultCountry: "MX", countryFormat: "alpha2", lang: "es" },
  );
  if (r.ok) {
    const req: HttpRequest = r.request;
    const method: "POST" | "PUT" = req.method;
    const body: string = req.body;
    const headers: Record<string, string> = req.headers;
    out.push(method, body, headers["Content-Type"] ?? "");
    void fetch(req.url, req);
  } else {
    for (const e of r.errors) {
      const code: ErrorCode = e.code;
      const field: string = e.field;
      out.push(code, field, e.message);
    }
  }
  // A CSV row is accepted as is.
  const row: Record<string, string> = { full_name: "Ana", email: "a@b.co", linkedin_profile: "x" };
  buildSdrAgentContact(row, { bearerToken: "t", importId: "7c9e6679-7425-40de-944b-e07fc1f90ae7" });
  const typed: SdrAgentContact = {
    full_name: "Ana", email: "a@b.co", linkedin_profile: "x",
    metadata: { nested: { list: [1, "two", null, true] } },
  };
  buildSdrAgentContact(typed);
  buildCreateImport({ name: "Q1" }, { apiKey: "k" });
  buildCreateImport();
  buildCompleteImport({ totalRows: 3 }, { importId: "7c9e6679-7425-40de-944b-e07fc1f90ae7" });
  buildLinkCampaign({ campaignId: "550e8400-e29b-41d4-a716-446655440000" }, { importId: "x" });

  const report = validateContacts([row], { target: "sdr_agent", apiKey: "k" });
  const s: BatchSummary = report.summary;
  out.push(String(s.total + s.valid + s.invalid + s.duplicates));
  const v = new BatchValidator({ target: "contactship", defaultCountry: "US" });
  const chunk = v.validate([row]);
  const first: RowResult | undefined = chunk.results[0];
  if (first && !first.ok) {
    const errs: ContactError[] = first.errors;
    out.push(String(first.row), String(errs.length));
  }
  for (const w of first?.warnings ?? []) {
    const warning: RowWarning = w;
    if (warning.code === "email_suggestion") out.push(warning.params.suggestion);
    else out.push(warning.params.from, warning.params.value, warning.field);
    // @ts-expect-error: a warning is never an error code
    if (warning.code === "duplicate") out.push("never");
  }
  const optionErrors: ContactError[] = v.errors;
  out.push(String(optionErrors.length), String(v.summary().total));
  v.free();

  // @ts-expect-error: countryFormat is "name" | "alpha2"
  buildContactshipContact(row, { countryFormat: "iso" });
  // @ts-expect-error: Contactship takes no bearer token
  buildContactshipContact(row, { bearerToken: "t" });
  // @ts-expect-error: the batch needs a target
  validateContacts([row], { apiKey: "k" });
  // @ts-expect-error: an SDR Agent batch has no defaultCountry
  new BatchValidator({ target: "sdr_agent", defaultCountry: "US" });
  // @ts-expect-error: complete-import needs the import id
  buildCompleteImport({ totalRows: 3 }, { apiKey: "k" });
  // @ts-expect-error: totalRows is a number
  buildCompleteImport({ totalRows: "3" }, { importId: "x" });
  return out;
}
