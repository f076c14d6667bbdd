//! # contactkit
//!
//! Validates and normalizes contact data — phone numbers, email addresses, LinkedIn URLs,
//! BCP 47 locales, IANA timezones and countries — and builds the exact request payloads of
//! contact-creation APIs (Contactship `POST /v1/contacts`, SDR Agent `POST /contacts/`).
//!
//! The same crate compiles natively for Rust servers and to Wasm for web forms (the JS binding
//! lives in `src/wasm/` and is compiled only for `wasm32`), so both give the same answers.
//!
//! Every field rule is a module with a `normalize` function that returns the normalized value
//! with details, or a [`FieldError`] carrying a stable [`ErrorCode`], its parameters and a
//! message in the requested [`Lang`]. Bad input never panics.
//!
//! ```
//! use contactkit::{phone, Lang};
//!
//! let opts = phone::PhoneOptions { default_country: Some("US".into()), lang: Lang::En };
//! let phone = phone::normalize("(212) 456-7890", &opts).unwrap();
//! assert_eq!(phone.value, "+12124567890");
//!
//! let err = phone::normalize("12", &opts).unwrap_err();
//! assert_eq!(err.code.as_str(), "phone_too_short");
//! ```

#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

pub mod codes;
pub mod columns;
pub mod country;
pub mod email;
mod error;
mod host;
pub mod lang;
pub mod linkedin;
pub mod locale;
pub mod messages;
mod options;
pub mod payload;
pub mod phone;
mod table;
pub mod timezone;

pub use error::{ErrorCode, FieldError, Params};
pub use lang::{FieldOptions, Lang};

#[cfg(target_arch = "wasm32")]
mod wasm;

/// Writes the npm package's generated JS and TypeScript from their Rust declarations: a native
/// test (src/wasm/generate.rs).
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "wasm/generate.rs"]
mod generate;

/// The npm package's allocator (feature `talc`): talc instead of the default dlmalloc, for a
/// smaller package.
#[cfg(all(target_arch = "wasm32", feature = "talc"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The Rust examples of README.md, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The Rust examples of docs/payloads.md, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../docs/payloads.md")]
pub struct PayloadDocDoctests;

/// Inputs longer than this many bytes, once trimmed, are rejected by every field rule with
/// [`ErrorCode::InputTooLong`] before any parsing, so a pasted novel costs nothing.
pub const MAX_FIELD_INPUT_BYTES: usize = 1024;
