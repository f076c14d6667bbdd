//! Timezones: IANA names, aliases resolved to their canonical zone.

use serde::Serialize;

use crate::error::{precheck, FieldError};
use crate::lang::FieldOptions;

/// A canonical IANA timezone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timezone {
    /// The canonical zone name (`America/New_York`).
    pub value: String,
    /// The alias or differently-cased name the input was resolved from (`US/Eastern`), if any.
    pub resolved_from: Option<String>,
}

/// Validates a timezone name and resolves it to its canonical zone.
pub fn normalize(input: &str, opts: &FieldOptions) -> Result<Timezone, FieldError> {
    let _trimmed = precheck(input, opts.lang)?;
    Err(FieldError::new(
        crate::ErrorCode::TimezoneUnknown,
        opts.lang,
    ))
}
