//! `normalizePhone`, `normalizeEmail`, ... : one export per field rule.

use wasm_bindgen::prelude::*;

use super::tape::{FieldValue, Tape};
use super::{
    is_well_formed, js_type_name, options_lang, JsFieldOptions, JsOptions, JsPhoneOptions,
};
use crate::error::FieldError;
use crate::lang::FieldOptions;
use crate::options::{field_call, Input, ReadOptions};
use crate::{country, email, linkedin, locale, phone, timezone};

/// The shared prologue of every export: the core's checks of the input and the options
/// (`field_call`), told what only JS can see (a string with a lone surrogate).
pub(super) fn prepare<O: ReadOptions>(
    input: &JsValue,
    opts: Option<&JsValue>,
) -> Result<(String, O), FieldError> {
    let text = input.as_string();
    let given = match &text {
        None => Input::Other(js_type_name(input)),
        // The glue turns a lone surrogate into U+FFFD: only then is the JS string looked at
        // again (past the input limit, the rule's own error comes first).
        Some(t)
            if t.contains('\u{FFFD}')
                && t.len() <= crate::MAX_FIELD_INPUT_BYTES
                && !is_well_formed(input) =>
        {
            Input::Broken
        }
        Some(_) => Input::Text,
    };
    let options: O = field_call(given, &JsOptions(opts))?;
    Ok((text.unwrap_or_default(), options))
}

fn run<O, T, F>(input: &JsValue, opts: Option<&JsValue>, rule: F) -> JsValue
where
    O: ReadOptions,
    T: FieldValue,
    F: FnOnce(&str, &O) -> Result<T, FieldError>,
{
    let result = prepare::<O>(input, opts).and_then(|(text, o)| rule(&text, &o));
    Tape::field(&result, None, &|| options_lang(opts))
}

/// Validates a phone number and normalizes it to E.164.
#[cfg(contactkit_export = "phone")]
#[wasm_bindgen(js_name = normalizePhone, unchecked_return_type = "PhoneResult")]
pub fn normalize_phone(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    opts: Option<JsPhoneOptions>,
) -> JsValue {
    run(&input, opts.as_deref(), phone::normalize)
}

/// Validates and normalizes an email address; may suggest a fix for a mistyped domain.
#[cfg(contactkit_export = "email")]
#[wasm_bindgen(js_name = normalizeEmail, unchecked_return_type = "EmailResult")]
pub fn normalize_email(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    opts: Option<JsFieldOptions>,
) -> JsValue {
    let result = prepare::<FieldOptions>(&input, opts.as_deref())
        .and_then(|(text, o)| email::normalize(&text, &o));
    let suggestion = input
        .as_string()
        .and_then(|text| email::suggestion_for(&text, &result));
    Tape::field(&result, suggestion.as_deref(), &|| {
        options_lang(opts.as_deref())
    })
}

/// Canonicalizes a LinkedIn profile, company or school URL.
#[cfg(contactkit_export = "linkedin")]
#[wasm_bindgen(js_name = normalizeLinkedIn, unchecked_return_type = "LinkedInResult")]
pub fn normalize_linkedin(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    opts: Option<JsFieldOptions>,
) -> JsValue {
    run(&input, opts.as_deref(), linkedin::normalize)
}

/// Validates and canonicalizes a BCP 47 locale.
#[cfg(contactkit_export = "locale")]
#[wasm_bindgen(js_name = normalizeLocale, unchecked_return_type = "LocaleResult")]
pub fn normalize_locale(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    opts: Option<JsFieldOptions>,
) -> JsValue {
    run(&input, opts.as_deref(), locale::normalize)
}

/// Resolves an IANA timezone name or alias to its canonical zone.
#[cfg(contactkit_export = "timezone")]
#[wasm_bindgen(js_name = normalizeTimezone, unchecked_return_type = "TimezoneResult")]
pub fn normalize_timezone(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    opts: Option<JsFieldOptions>,
) -> JsValue {
    run(&input, opts.as_deref(), timezone::normalize)
}

/// Resolves an ISO 3166-1 code or a country name to its alpha-2 code.
#[cfg(contactkit_export = "country")]
#[wasm_bindgen(js_name = normalizeCountry, unchecked_return_type = "CountryResult")]
pub fn normalize_country(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    opts: Option<JsFieldOptions>,
) -> JsValue {
    run(&input, opts.as_deref(), country::normalize)
}

#[wasm_bindgen(typescript_custom_section)]
const TS_FIELDS: &'static str = r#"
export interface PhoneOptions {
  /** Country (code or name, as normalizeCountry reads it) of numbers written without "+". */
  defaultCountry?: string | null;
  /** Language of error messages; English by default. */
  lang?: Lang;
}

export type NumberType =
  | "fixed_line" | "mobile" | "fixed_line_or_mobile" | "toll_free" | "premium_rate"
  | "shared_cost" | "voip" | "personal_number" | "pager" | "uan" | "voicemail" | "unknown";

/** Whose page a LinkedIn URL is. */
export type LinkedInKind = "profile" | "company" | "school";
"#;
