// Generated from src/codes.rs and src/wasm/tape_spec.rs by src/wasm/generate.rs
// (`CONTACTKIT_BLESS=1 cargo test --lib generated`): do not edit.

/** Every failure as a stable code; see the README's Errors section. */
export type ErrorCode =
  | "empty"
  | "wrong_type"
  | "input_too_long"
  | "invalid_option"
  | "phone_not_a_number"
  | "phone_invalid_country_code"
  | "phone_missing_country"
  | "phone_too_short"
  | "phone_too_long"
  | "phone_invalid"
  | "phone_incomplete"
  | "email_missing_at"
  | "email_invalid_local_part"
  | "email_local_part_too_long"
  | "email_too_long"
  | "email_invalid_domain"
  | "email_domain_without_dot"
  | "email_display_name"
  | "email_comment"
  | "email_quoted_local_part"
  | "email_ip_literal"
  | "email_reserved_domain"
  | "email_unicode_local_part"
  | "linkedin_invalid_url"
  | "linkedin_not_linkedin"
  | "linkedin_not_profile"
  | "linkedin_missing_handle"
  | "linkedin_invalid_handle"
  | "locale_malformed"
  | "locale_unknown_language"
  | "locale_unknown_script"
  | "locale_unknown_region"
  | "timezone_unknown"
  | "country_unknown"
  | "country_ambiguous"
  | "required"
  | "unknown_field"
  | "not_an_object"
  | "type_mismatch"
  | "too_long"
  | "additional_data_invalid_type"
  | "additional_data_invalid_date"
  | "additional_data_invalid_number"
  | "too_many_items"
  | "nesting_too_deep"
  | "invalid_uuid"
  | "invalid_base_url"
  | "invalid_credentials"
  | "duplicate"
  | "invalid_count"
  | "unknown_target"
  | "linkedin_not_person"
  | "invalid_unicode"
  | "too_many_rows"
  | "batch_too_large"
  | "more_unknown_fields"
  | "email_suggestion"
  | "resolved_alias"
  | "not_initialized"
  | "internal_error";

/** The params each code carries (`?`: only some of its errors do). */
export interface ErrorParams {
  empty: Record<string, never>;
  wrong_type: { got: string };
  input_too_long: { length: number; max: number };
  invalid_option: { allowed?: string; expected?: string; got?: string; option: string; reason: string; value?: string };
  phone_not_a_number: Record<string, never>;
  phone_invalid_country_code: Record<string, never>;
  phone_missing_country: Record<string, never>;
  phone_too_short: { calling_code?: number; possible_lengths?: number[]; region?: string };
  phone_too_long: { calling_code?: number; possible_lengths?: number[]; region?: string };
  phone_invalid: { calling_code: number; possible_lengths?: number[]; region: string };
  phone_incomplete: Record<string, never>;
  email_missing_at: Record<string, never>;
  email_invalid_local_part: Record<string, never>;
  email_local_part_too_long: { length: number; max: number };
  email_too_long: { length: number; max: number };
  email_invalid_domain: { domain: string };
  email_domain_without_dot: { domain: string };
  email_display_name: Record<string, never>;
  email_comment: Record<string, never>;
  email_quoted_local_part: Record<string, never>;
  email_ip_literal: Record<string, never>;
  email_reserved_domain: { domain: string; reserved: string };
  email_unicode_local_part: Record<string, never>;
  linkedin_invalid_url: Record<string, never>;
  linkedin_not_linkedin: { host: string };
  linkedin_not_profile: { path: string };
  linkedin_missing_handle: Record<string, never>;
  linkedin_invalid_handle: { handle: string };
  locale_malformed: Record<string, never>;
  locale_unknown_language: { language: string };
  locale_unknown_script: { script: string };
  locale_unknown_region: { region: string };
  timezone_unknown: Record<string, never>;
  country_unknown: Record<string, never>;
  country_ambiguous: { candidates: string };
  required: Record<string, never>;
  unknown_field: { field: string };
  not_an_object: { got: string };
  type_mismatch: { expected: string; got: string };
  too_long: { length: number; max: number };
  additional_data_invalid_type: { allowed: string };
  additional_data_invalid_date: Record<string, never>;
  additional_data_invalid_number: Record<string, never>;
  too_many_items: { length?: number; max: number };
  nesting_too_deep: { max: number };
  invalid_uuid: { field: string };
  invalid_base_url: Record<string, never>;
  invalid_credentials: { max: number };
  duplicate: { first_row: number; first_row_number: number; key: string };
  invalid_count: Record<string, never>;
  unknown_target: { target: string };
  linkedin_not_person: { kind: string };
  invalid_unicode: Record<string, never>;
  too_many_rows: { max: number; rows: number };
  batch_too_large: { max: number };
  more_unknown_fields: { count: number };
  email_suggestion: { suggestion: string };
  resolved_alias: { from: string; value: string };
  not_initialized: Record<string, never>;
  internal_error: Record<string, never>;
}

/** A failed rule with one of the codes `C`: the code, a message in the language asked
 * for, and the code's params. A union over the codes, so that checking `code` narrows
 * `params`. */
export type ErrorOf<C extends ErrorCode> = C extends ErrorCode
  ? { code: C; message: string; params: ErrorParams[C] }
  : never;

/** A failed rule: any code. */
export type FieldError = ErrorOf<ErrorCode>;

/** The codes every field function can give (the input or the options are wrong). */
export type SharedErrorCode =
  | "empty"
  | "wrong_type"
  | "input_too_long"
  | "invalid_option"
  | "invalid_unicode"
  | "not_initialized"
  | "internal_error";

/** The codes of PhoneResult's failures. */
export type PhoneErrorCode = SharedErrorCode
  | "phone_not_a_number"
  | "phone_invalid_country_code"
  | "phone_missing_country"
  | "phone_too_short"
  | "phone_too_long"
  | "phone_invalid"
  | "phone_incomplete";

/** The codes of EmailResult's failures. */
export type EmailErrorCode = SharedErrorCode
  | "email_missing_at"
  | "email_invalid_local_part"
  | "email_local_part_too_long"
  | "email_too_long"
  | "email_invalid_domain"
  | "email_domain_without_dot"
  | "email_display_name"
  | "email_comment"
  | "email_quoted_local_part"
  | "email_ip_literal"
  | "email_reserved_domain"
  | "email_unicode_local_part";

/** The codes of LinkedInResult's failures. */
export type LinkedInErrorCode = SharedErrorCode
  | "linkedin_invalid_url"
  | "linkedin_not_linkedin"
  | "linkedin_not_profile"
  | "linkedin_missing_handle"
  | "linkedin_invalid_handle";

/** The codes of LocaleResult's failures. */
export type LocaleErrorCode = SharedErrorCode
  | "locale_malformed"
  | "locale_unknown_language"
  | "locale_unknown_script"
  | "locale_unknown_region";

/** The codes of TimezoneResult's failures. */
export type TimezoneErrorCode = SharedErrorCode
  | "timezone_unknown";

/** The codes of CountryResult's failures. */
export type CountryErrorCode = SharedErrorCode
  | "country_unknown"
  | "country_ambiguous";

/** The failure shape every field function shares, its `error.code` one of `C`. */
export interface Failure<C extends ErrorCode = ErrorCode> {
  ok: false;
  error: ErrorOf<C>;
}

/** A phone number. */
export interface Phone {
  /** E.164, e.g. "+12124567890". */
  value: string;
  e164: string;
  /** e.g. "+1 212-456-7890" (with " ext. 12" when there is an extension). */
  international: string;
  /** e.g. "(212) 456-7890". */
  national: string;
  callingCode: number;
  /** ISO 3166-1 alpha-2, or null for non-geographic numbers. */
  region: string | null;
  numberType: NumberType;
  extension: string | null;
}
export type PhoneResult = ({ ok: true } & Phone) | Failure<PhoneErrorCode>;

/** An email address. */
export interface Email {
  /** Trimmed, NFC, domain lower-case in its Unicode spelling. */
  value: string;
  localPart: string;
  /** Unicode domain, e.g. "bücher.de". */
  domain: string;
  /** ASCII domain, e.g. "xn--bcher-kva.de". */
  asciiDomain: string;
  /** The whole address lower-cased (local part too), for finding duplicates. */
  dedupKey: string;
  /** The address probably meant, when the domain looks mistyped. */
  suggestion?: string;
}
export type EmailResult = ({ ok: true } & Email) | (Failure<EmailErrorCode> & { suggestion?: string });

/** A LinkedIn page. */
export interface LinkedIn {
  /** e.g. "https://www.linkedin.com/in/johndoe"; a Unicode handle is percent-encoded. */
  value: string;
  kind: LinkedInKind;
  /** The handle, decoded, e.g. "josé-pérez" (lower-cased, except an opaque member id, `ACoAA…`, which keeps its case). */
  handle: string;
}
export type LinkedInResult = ({ ok: true } & LinkedIn) | Failure<LinkedInErrorCode>;

/** A BCP 47 locale. */
export interface Locale {
  /** Canonical BCP 47 tag, e.g. "en-US". */
  value: string;
  language: string;
  script: string | null;
  region: string | null;
}
export type LocaleResult = ({ ok: true } & Locale) | Failure<LocaleErrorCode>;

/** An IANA timezone. */
export interface Timezone {
  /** Canonical IANA name, e.g. "America/New_York". */
  value: string;
  /** The alias or spelling the input was resolved from, e.g. "US/Eastern". */
  resolvedFrom: string | null;
}
export type TimezoneResult = ({ ok: true } & Timezone) | Failure<TimezoneErrorCode>;

/** A country. */
export interface Country {
  /** ISO 3166-1 alpha-2, e.g. "MX". */
  value: string;
  alpha3: string;
  /** English short name, e.g. "Mexico". */
  name: string;
}
export type CountryResult = ({ ok: true } & Country) | Failure<CountryErrorCode>;
