// Compiled by tests/node/types.test.mjs: contactkit/schema's validators are Standard Schema v1
// as @standard-schema/spec declares it, and their output types are inferred.
import type { StandardSchemaV1 } from "@standard-schema/spec";
import {
  phoneSchema, emailSchema, linkedinSchema, localeSchema, timezoneSchema, countrySchema,
  contactshipContactSchema, sdrAgentContactSchema, type ContactkitIssue,
} from "../../pkg/schema.js";
import type { ContactshipContact, ErrorCode } from "../../pkg/contactkit.js";

const fields: StandardSchemaV1<string, string>[] = [
  phoneSchema({ defaultCountry: "MX", lang: "es" }), emailSchema(), linkedinSchema({ lang: "en" }),
  localeSchema(), timezoneSchema(), countrySchema(),
];
const contact: StandardSchemaV1 = contactshipContactSchema({ defaultCountry: "MX" });

export function check(value: unknown): string[] {
  type Out = StandardSchemaV1.InferOutput<ReturnType<typeof contactshipContactSchema>>;
  const out: string[] = [String(fields.length), contact["~standard"].vendor];
  const r = contactshipContactSchema()["~standard"].validate(value);
  if (r.issues) {
    for (const issue of r.issues) {
      const code: ErrorCode = issue.code;
      out.push(code, issue.message, (issue.path ?? []).join("."));
    }
  } else {
    const normalized: Out = r.value;
    const typed: ContactshipContact = normalized;
    out.push(typed.phone_number);
  }
  const sdr = sdrAgentContactSchema()["~standard"].validate(value);
  if (!sdr.issues) out.push(sdr.value.linkedin_profile);
  const issue: ContactkitIssue | undefined = phoneSchema()["~standard"].validate("+3").issues?.[0];
  out.push(issue?.code ?? "");
  // @ts-expect-error: only "en" and "es"
  emailSchema({ lang: "fr" });
  // @ts-expect-error: the option is defaultCountry
  phoneSchema({ country: "MX" });
  return out;
}
