//! Phone numbers: any human spelling to E.164, valid as libphonenumber defines valid.

use serde::{Deserialize, Serialize};

use crate::error::{precheck, FieldError};
use crate::lang::Lang;

/// Options of [`normalize`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PhoneOptions {
    /// ISO 3166-1 alpha-2 code (any case) of the country a national number belongs to.
    #[serde(default)]
    pub default_country: Option<String>,
    /// Language of error messages.
    #[serde(default)]
    pub lang: Lang,
}

/// What kind of line a number is, as libphonenumber classifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NumberType {
    /// A landline.
    FixedLine,
    /// A mobile phone.
    Mobile,
    /// Either (the country does not tell them apart, as in the US).
    FixedLineOrMobile,
    /// Free to call.
    TollFree,
    /// Premium rate.
    PremiumRate,
    /// Cost shared between caller and callee.
    SharedCost,
    /// Voice over IP.
    Voip,
    /// A personal number routed to other numbers.
    PersonalNumber,
    /// A pager.
    Pager,
    /// A company's Universal Access Number.
    Uan,
    /// Voicemail access.
    Voicemail,
    /// Valid, but of no known kind.
    Unknown,
}

/// A valid phone number in every format a form or an API needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Phone {
    /// The normalized value: E.164 (`+12124567890`), without the extension.
    pub value: String,
    /// E.164, the same as `value`.
    pub e164: String,
    /// International format (`+1 212-456-7890`), with the extension if any.
    pub international: String,
    /// National format (`(212) 456-7890`), with the extension if any.
    pub national: String,
    /// The country calling code (`1`).
    pub calling_code: u16,
    /// The ISO 3166-1 alpha-2 region the number belongs to (`US`), if one.
    pub region: Option<String>,
    /// The kind of line.
    pub number_type: NumberType,
    /// The extension (`12` for `ext. 12`), if any.
    pub extension: Option<String>,
}

/// Parses, validates and normalizes a phone number.
pub fn normalize(input: &str, opts: &PhoneOptions) -> Result<Phone, FieldError> {
    let _trimmed = precheck(input, opts.lang)?;
    Err(FieldError::new(
        crate::ErrorCode::PhoneNotANumber,
        opts.lang,
    ))
}
