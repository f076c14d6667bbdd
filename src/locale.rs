//! Locales: BCP 47 language tags, canonicalized.

use serde::Serialize;

use crate::error::{precheck, FieldError};
use crate::lang::FieldOptions;

/// A valid, canonical BCP 47 tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Locale {
    /// The canonical tag (`en-US`, `zh-Hant-TW`, `he`).
    pub value: String,
    /// The language subtag (`en`).
    pub language: String,
    /// The script subtag (`Hant`), if any.
    pub script: Option<String>,
    /// The region subtag (`US`, `419`), if any.
    pub region: Option<String>,
}

/// Validates and canonicalizes a locale.
pub fn normalize(input: &str, opts: &FieldOptions) -> Result<Locale, FieldError> {
    let _trimmed = precheck(input, opts.lang)?;
    Err(FieldError::new(
        crate::ErrorCode::LocaleMalformed,
        opts.lang,
    ))
}
