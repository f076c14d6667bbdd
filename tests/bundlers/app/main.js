// A web app using contactkit as its README says (`await init()`, or `await ready` elsewhere),
// bundled by Vite or webpack; bundlers.test.mjs reads `window.contactkit` in Chromium.
import init, { ready, normalizePhone, buildContactshipContact, BatchValidator, errorMessages, formatPhoneInput, getCountries } from "contactkit";
import { phoneSchema, contactshipContactSchema } from "contactkit/schema";

async function main() {
  // Before init: a result, not an exception.
  const before = normalizePhone("612345678", { defaultCountry: "ES", lang: "es" });
  await init();
  await init(); // idempotent
  await ready; // what a form that did not call init() itself awaits
  const validator = new BatchValidator({ target: "contactship", defaultCountry: "España" });
  const chunk = validator.validate([
    { phone_number: "612 34 56 78", full_name: "Ana" },
    { phone_number: "+34 612345678", full_name: "Ana again" },
  ]);
  validator.free();
  return {
    before: [before.error.code, before.error.message === errorMessages("es").not_initialized],
    phone: normalizePhone("612 34 56 78", { defaultCountry: "ES" }).value,
    body: buildContactshipContact({ phone_number: "+34 612 345 678", full_name: "Ana" }).request.body,
    batch: chunk.results.map((r) => (r.ok ? "ok" : r.errors[0].message)),
    // The form helpers and contactkit/schema, which shares the module contactkit's init() set up.
    input: formatPhoneInput("612345678", 9, { defaultCountry: "ES" }),
    countries: getCountries({ lang: "es" }).slice(0, 3).map((c) => c.name),
    schema: [
      phoneSchema({ defaultCountry: "ES" })["~standard"].validate("612 34 56 78"),
      contactshipContactSchema()["~standard"].validate({ phone_number: "+3", full_name: "" }).issues.map((i) => [i.path.join("."), i.code]),
    ],
  };
}

main().then(
  (result) => (window.contactkit = result),
  (error) => (window.contactkit = { error: String(error?.stack ?? error) }),
);
