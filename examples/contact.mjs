// A short tour: normalize one contact's fields with the built package (run `scripts/build.sh`).
import {
  normalizePhone, normalizeEmail, normalizeLinkedIn,
  normalizeLocale, normalizeTimezone, normalizeCountry,
} from "../pkg/node.mjs";

const contact = {
  country: "México",
  phone: "55 1234 5678",
  email: " Juan.Perez@GMIAL.com ",
  linkedin: "mx.linkedin.com/in/juan-perez/?trk=public_profile",
  locale: "es_mx",
  timezone: "america/mexico_city",
};

const country = normalizeCountry(contact.country);
const results = {
  country,
  phone: normalizePhone(contact.phone, { defaultCountry: country.ok ? country.value : undefined }),
  email: normalizeEmail(contact.email),
  linkedin: normalizeLinkedIn(contact.linkedin),
  locale: normalizeLocale(contact.locale),
  timezone: normalizeTimezone(contact.timezone),
};

for (const [field, r] of Object.entries(results)) {
  const shown = r.ok ? r.value : `${r.error.code}: ${r.error.message}`;
  const hint = r.suggestion ? `  (did you mean ${r.suggestion}?)` : "";
  console.log(`${field.padEnd(9)} ${JSON.stringify(contact[field])} → ${shown}${hint}`);
}
