//! LinkedIn URLs: any pasted spelling to `https://www.linkedin.com/in/<handle>`.

use serde::Serialize;

use crate::error::{precheck, FieldError};
use crate::lang::FieldOptions;

/// What a LinkedIn page belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkedInKind {
    /// A person (`/in/<handle>`).
    Profile,
    /// A company (`/company/<handle>`).
    Company,
    /// A school (`/school/<handle>`).
    School,
}

/// A canonical LinkedIn page URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkedIn {
    /// The canonical URL (`https://www.linkedin.com/in/johndoe`).
    pub value: String,
    /// Whose page it is.
    pub kind: LinkedInKind,
    /// The handle, decoded (`johndoe`, `josé-pérez`).
    pub handle: String,
}

/// Validates and canonicalizes a LinkedIn profile, company or school URL.
pub fn normalize(input: &str, opts: &FieldOptions) -> Result<LinkedIn, FieldError> {
    let _trimmed = precheck(input, opts.lang)?;
    Err(FieldError::new(
        crate::ErrorCode::LinkedinInvalidUrl,
        opts.lang,
    ))
}
