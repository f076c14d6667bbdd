// Compiled by tests/node/types.test.mjs with `tsc --noEmit --strict`: the package's types must
// let a form narrow results without casts, and must reject misuse.
import init, {
  normalizePhone, normalizeEmail, normalizeLinkedIn, normalizeLocale, normalizeTimezone,
  normalizeCountry, errorMessages, ready, AsYouType, getExampleNumber, getCountryCallingCode,
  formatPhoneInput, type PhoneInputResult, getCountries, getAllCountries, getTimezones,
  type CountryOption,
  type ErrorCode, type PhoneResult, type NumberType, type LinkedInKind, type Phone,
  type PhoneErrorCode, type EmailErrorCode, type FieldError, type ContactError, type ErrorOf,
} from "../../pkg/contactkit.js";

export async function usage(): Promise<string[]> {
  await init();
  const settled: void = await ready;
  const notYet: ErrorCode = "not_initialized";
  const out: string[] = [String(settled), notYet];
  normalizePhone("55 1234 5678", { defaultCountry: null });
  const phone: PhoneResult = normalizePhone("212 456 7890", { defaultCountry: "US", lang: "es" });
  if (phone.ok) {
    const e164: string = phone.value;
    const cc: number = phone.callingCode;
    const t: NumberType = phone.numberType;
    const region: string | null = phone.region;
    out.push(e164, String(cc), t, region ?? "");
  } else {
    const code: ErrorCode = phone.error.code;
    const narrow: PhoneErrorCode = phone.error.code;
    out.push(code, narrow, phone.error.message);
    // @ts-expect-error: a phone result never has an email code
    if (phone.error.code === "email_missing_at") out.push("never");
    const e = phone.error;
    if (e.code === "phone_too_short") {
      // params narrow with the code: possible_lengths is a number array, when present.
      const lengths: number[] | undefined = e.params.possible_lengths;
      const region: string | undefined = e.params.region;
      out.push(String(lengths?.[0]), region ?? "");
      // @ts-expect-error: possible_lengths is not a string
      const wrong: string = e.params.possible_lengths;
      out.push(wrong);
    } else if (e.code === "input_too_long") {
      const max: number = e.params.max;
      out.push(String(max));
    } else if (e.code === "phone_invalid") {
      // Always there for phone_invalid.
      const region: string = e.params.region;
      out.push(region);
    }
  }
  const email = normalizeEmail("juan@gmial.com");
  out.push(email.suggestion ?? "");
  if (!email.ok) {
    const code: EmailErrorCode = email.error.code;
    // @ts-expect-error: an email result's code is not a PhoneErrorCode
    const phoneCode: PhoneErrorCode = email.error.code;
    out.push(code, phoneCode);
  }
  const anyError: FieldError = { code: "duplicate", message: "m", params: { first_row: 0, first_row_number: 1, key: "k" } };
  // @ts-expect-error: duplicate's params must have key
  const missing: FieldError = { code: "duplicate", message: "m", params: { first_row: 0, first_row_number: 1 } };
  const located: ContactError = { ...anyError, field: "email" };
  const one: ErrorOf<"empty"> = { code: "empty", message: "m", params: {} };
  out.push(located.field, missing.code, one.code);
  if (email.ok) out.push(email.asciiDomain);
  const li = normalizeLinkedIn(42);
  if (li.ok) {
    const kind: LinkedInKind = li.kind;
    out.push(kind, li.handle);
  }
  for (const r of [normalizeLocale("en_us"), normalizeTimezone("US/Eastern"), normalizeCountry("MEX")]) {
    out.push(r.ok ? r.value : r.error.code);
  }
  const table: Record<ErrorCode, string> = errorMessages("es");
  out.push(table.empty);

  // @ts-expect-error: the option is defaultCountry
  normalizePhone("1", { defaultCountri: "US" });
  // @ts-expect-error: only "en" and "es"
  normalizeEmail("a@b.co", { lang: "fr" });
  if (!phone.ok) {
    // @ts-expect-error: a failure has no value
    out.push(phone.value);
  }
  const typing = new AsYouType("US");
  const shown: string = typing.input("6502530000");
  const value: string | undefined = typing.getNumberValue();
  const typed: PhoneResult = typing.getNumber();
  const spanish: PhoneResult = typing.getNumber({ lang: "es" });
  out.push(spanish.ok ? "" : spanish.error.message);
  const callingCode: number | undefined = typing.getCallingCode();
  const possible: boolean = typing.isPossible() && typing.isValid();
  out.push(shown, value ?? "", typed.ok ? typed.national : typed.error.code, String(callingCode), String(possible));
  out.push(new AsYouType().getTemplate(), typing.getCountry() ?? "");
  typing.free();
  const example: Phone | undefined = getExampleNumber("MX", "fixed_line") ?? getExampleNumber("MX");
  const mx: number | undefined = getCountryCallingCode("MX");
  out.push(example?.national ?? "", String(mx));
  // @ts-expect-error: a number type is one of NumberType
  getExampleNumber("MX", "cell");
  const edited: PhoneInputResult = formatPhoneInput("(650) 2530000", 9, { defaultCountry: "US", inputType: "deleteContentBackward" });
  if (edited.ok) {
    const caret: number = edited.caret;
    const e164: string | null = edited.e164;
    out.push(edited.value, String(caret), e164 ?? "", String(edited.valid), edited.country ?? "", String(edited.callingCode));
  } else {
    out.push(edited.error.code);
  }
  const picker: CountryOption[] = getCountries({ lang: "es" });
  const first = picker[0];
  if (first) out.push(first.code, first.name, first.flag, String(first.callingCode), first.example?.national ?? "");
  out.push(...getAllCountries().map((c) => `${c.code} ${c.alpha3} ${c.name}`), ...getTimezones());
  // @ts-expect-error: only "en" and "es"
  getCountries({ lang: "fr" });
  formatPhoneInput("650", null);
  // @ts-expect-error: the caret is a number
  formatPhoneInput("650", "3");
  // @ts-expect-error: the option is inputType
  formatPhoneInput("650", 3, { input: "insertText" });
  return out;
}
