//! Countries: ISO 3166-1 codes and names in several languages to an alpha-2 code.

use serde::Serialize;

use crate::error::{precheck, FieldError};
use crate::lang::FieldOptions;

/// A country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Country {
    /// ISO 3166-1 alpha-2 code (`MX`).
    pub value: String,
    /// ISO 3166-1 alpha-3 code (`MEX`).
    pub alpha3: String,
    /// English short name (`Mexico`).
    pub name: String,
}

/// Resolves a country code or name.
pub fn normalize(input: &str, opts: &FieldOptions) -> Result<Country, FieldError> {
    let _trimmed = precheck(input, opts.lang)?;
    Err(FieldError::new(crate::ErrorCode::CountryUnknown, opts.lang))
}
