// contactkit/schema: Standard Schema v1 validators (https://standardschema.dev) over the
// package's own exports, for react-hook-form's standardSchemaResolver, TanStack Form, tRPC and
// any other library that takes the `~standard` interface. This module only maps results: every
// rule, code and message comes from the Wasm module. scripts/build.sh copies it into the package
// (schema.js, with node-schema.mjs importing node.mjs instead of the browser glue).
import {
  normalizePhone, normalizeEmail, normalizeLinkedIn, normalizeLocale, normalizeTimezone,
  normalizeCountry, buildContactshipContact, buildSdrAgentContact, AsYouType, errorMessages,
} from "./contactkit.js";

const VENDOR = "contactkit";

function schema(validate) {
  return { "~standard": { version: 1, vendor: VENDOR, validate } };
}

// One of our errors as a Standard Schema issue: its message, with our code and params beside.
function issue(error, path) {
  const out = { message: error.message, code: error.code, params: error.params };
  if (path !== undefined) out.path = path;
  return out;
}

function field(rule, options) {
  return schema((value) => {
    const r = rule(value, options);
    return r.ok ? { value: r.value } : { issues: [issue(r.error)] };
  });
}

// A start that more digits may complete (`+`, `+3`, `+1 65`, a number too short so far), as
// AsYouType tells it: the issue `phone_incomplete` ("keep typing"), as AsYouType's getNumber()
// reports it, instead of the error of the number so far.
function incomplete(value, options) {
  if (typeof value !== "string") return undefined;
  try {
    const typing = new AsYouType(options?.defaultCountry ?? undefined);
    typing.input(value);
    const typed = typing.getNumber();
    typing.free();
    if (typed.ok || typed.error.code !== "phone_incomplete") return undefined;
    const message = errorMessages(options?.lang ?? undefined).phone_incomplete;
    return { code: "phone_incomplete", message, params: {} };
  } catch {
    // Options whose getters throw: the phone rule's own error stands.
    return undefined;
  }
}

/** The phone rule: E.164 out; `phone_incomplete` for a start that more digits may complete. */
export function phoneSchema(options) {
  return schema((value) => {
    const r = normalizePhone(value, options);
    if (r.ok) return { value: r.value };
    const error = r.error.code === "invalid_option" ? r.error : incomplete(value, options) ?? r.error;
    return { issues: [issue(error)] };
  });
}

export const emailSchema = (options) => field(normalizeEmail, options);
export const linkedinSchema = (options) => field(normalizeLinkedIn, options);
export const localeSchema = (options) => field(normalizeLocale, options);
export const timezoneSchema = (options) => field(normalizeTimezone, options);
export const countrySchema = (options) => field(normalizeCountry, options);

// "additional_data[0].value" → ["additional_data", 0, "value"]; "" (the contact itself) → [].
function fieldPath(name) {
  const path = [];
  for (const m of name.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) path.push(m[2] === undefined ? m[1] : Number(m[2]));
  return path;
}

function contact(build, options) {
  return schema((value) => {
    const r = build(value, options);
    // The body is JSON the builder wrote from the caller's own values: parsing it back gives
    // the normalized contact, every number as the caller gave it.
    if (r.ok) return { value: JSON.parse(r.request.body) };
    return { issues: r.errors.map((e) => issue(e, fieldPath(e.field))) };
  });
}

/** A whole Contactship contact: the normalized contact (the request's body) out. */
export const contactshipContactSchema = (options) => contact(buildContactshipContact, options);
/** A whole SDR Agent contact: the normalized contact (the request's body) out. */
export const sdrAgentContactSchema = (options) => contact(buildSdrAgentContact, options);
