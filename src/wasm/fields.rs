//! `normalizePhone`, `normalizeEmail`, ... : one export per field rule.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::tape::{FieldValue, Tape};
use super::{js_type_name, options_lang, read_options, JsFieldOptions, JsOptions, JsPhoneOptions};
use crate::error::{ErrorCode, FieldError};
use crate::lang::FieldOptions;
use crate::params;
use crate::{country, email, linkedin, locale, phone, timezone};

/// The shared prologue of every export: the input must be a string and the options valid.
pub(super) fn prepare<O: JsOptions>(
    input: &JsValue,
    opts: Option<&JsValue>,
) -> Result<(String, O), FieldError> {
    let Some(text) = input.as_string() else {
        return Err(wrong_type(input, opts));
    };
    let options = read_options::<O>(opts)?;
    // The glue turns a lone surrogate into U+FFFD: only then is the JS string looked at again.
    if text.contains('\u{FFFD}') && text.len() <= crate::MAX_FIELD_INPUT_BYTES {
        let well_formed = input
            .dyn_ref::<js_sys::JsString>()
            .is_some_and(|s| s.is_valid_utf16());
        if !well_formed {
            return Err(broken_text(opts));
        }
    }
    Ok((text, options))
}

/// The error for a string with a lone surrogate.
#[cold]
#[inline(never)]
fn broken_text(opts: Option<&JsValue>) -> FieldError {
    FieldError::with_params(ErrorCode::InvalidUnicode, params! {}, options_lang(opts))
}

/// The error for an input that is not a string. Out of line, so that the first call of a
/// fresh Wasm instance does not compile it into every export.
#[cold]
#[inline(never)]
fn wrong_type(input: &JsValue, opts: Option<&JsValue>) -> FieldError {
    FieldError::with_params(
        ErrorCode::WrongType,
        params! {"got" => js_type_name(input)},
        options_lang(opts),
    )
}

fn run<O, T, F>(input: &JsValue, opts: Option<&JsValue>, rule: F) -> JsValue
where
    O: JsOptions,
    T: FieldValue,
    F: FnOnce(&str, &O) -> Result<T, FieldError>,
{
    let result = prepare::<O>(input, opts).and_then(|(text, o)| rule(&text, &o));
    Tape::field(&result, None, &|| options_lang(opts))
}

/// Validates a phone number and normalizes it to E.164.
#[wasm_bindgen(js_name = normalizePhone, unchecked_return_type = "PhoneResult")]
pub fn normalize_phone(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    opts: Option<JsPhoneOptions>,
) -> JsValue {
    run(&input, opts.as_deref(), phone::normalize)
}

/// Validates and normalizes an email address; may suggest a fix for a mistyped domain.
#[wasm_bindgen(js_name = normalizeEmail, unchecked_return_type = "EmailResult")]
pub fn normalize_email(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    opts: Option<JsFieldOptions>,
) -> JsValue {
    let result = prepare::<FieldOptions>(&input, opts.as_deref())
        .and_then(|(text, o)| email::normalize(&text, &o));
    let suggestion = match &result {
        Err(e) if e.code != ErrorCode::InvalidUnicode => {
            input.as_string().and_then(|t| email::suggest(&t))
        }
        _ => None,
    };
    Tape::field(&result, suggestion.as_deref(), &|| {
        options_lang(opts.as_deref())
    })
}

/// Canonicalizes a LinkedIn profile, company or school URL.
#[wasm_bindgen(js_name = normalizeLinkedIn, unchecked_return_type = "LinkedInResult")]
pub fn normalize_linkedin(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    opts: Option<JsFieldOptions>,
) -> JsValue {
    run(&input, opts.as_deref(), linkedin::normalize)
}

/// Validates and canonicalizes a BCP 47 locale.
#[wasm_bindgen(js_name = normalizeLocale, unchecked_return_type = "LocaleResult")]
pub fn normalize_locale(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    opts: Option<JsFieldOptions>,
) -> JsValue {
    run(&input, opts.as_deref(), locale::normalize)
}

/// Resolves an IANA timezone name or alias to its canonical zone.
#[wasm_bindgen(js_name = normalizeTimezone, unchecked_return_type = "TimezoneResult")]
pub fn normalize_timezone(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    opts: Option<JsFieldOptions>,
) -> JsValue {
    run(&input, opts.as_deref(), timezone::normalize)
}

/// Resolves an ISO 3166-1 code or a country name to its alpha-2 code.
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
