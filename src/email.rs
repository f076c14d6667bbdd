//! Email addresses as a web form takes them.

use serde::Serialize;

use crate::error::{precheck, FieldError};
use crate::lang::FieldOptions;

/// A valid, normalized email address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Email {
    /// The normalized address: trimmed, NFC, domain lower-cased in its Unicode spelling.
    pub value: String,
    /// The part before `@`, as written (NFC).
    pub local_part: String,
    /// The domain in Unicode (`bücher.de`).
    pub domain: String,
    /// The domain in ASCII (`xn--bcher-kva.de`), as DNS and SMTP see it.
    pub ascii_domain: String,
    /// A likely intended address when the domain looks like a typo of a common one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// Validates and normalizes an email address.
pub fn normalize(input: &str, opts: &FieldOptions) -> Result<Email, FieldError> {
    let _trimmed = precheck(input, opts.lang)?;
    Err(FieldError::new(crate::ErrorCode::EmailMissingAt, opts.lang))
}

/// The address the user probably meant when the domain is a typo of a common one
/// (`juan@gmial.com` → `juan@gmail.com`). Works on invalid input too; `None` when nothing fits.
pub fn suggest(input: &str) -> Option<String> {
    let _ = input;
    None
}
