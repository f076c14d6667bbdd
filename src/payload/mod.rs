//! Whole contacts validated into the exact HTTP requests of contact-creation APIs.
//!
//! A builder takes a contact as a form or a CSV row has it — a JSON object with the API's own
//! field names — checks every field with the field rules of this crate, and returns either the
//! [`Request`] a client sends (method, URL, headers, and the body as the exact JSON text) or
//! every problem at once as [`ContactError`]s, each naming the field by its path
//! (`additional_data[1].value`).
//!
//! - [`build_contactship_contact`]: Contactship `POST /v1/contacts`.
//! - [`build_sdr_agent_contact`]: SDR Agent `POST /contacts/`.
//! - [`build_create_import`], [`build_complete_import`], [`build_link_campaign`]: the SDR Agent
//!   import flow around the contacts.
//! - [`validate_contacts`] and [`BatchValidator`]: many rows, with duplicates inside the batch
//!   flagged by the key each API rejects with `409 Conflict`.
//! - [`ContactshipContact`] and [`SdrAgentContact`]: typed contacts, which the contact builders
//!   take beside a `serde_json::Value`; their `build` returns a [`RejectedContact`] error (a
//!   `std::error::Error`) for `?`. With the cargo feature `http`, a [`Request`] converts to
//!   `http::Request<String>` (module `payload::http`).
//!
//! How input is read, for every builder:
//! - strings are trimmed; an optional field that is `null`, `""` or only white space is treated
//!   as absent (it is left out of the body); a required one is reported as `required`;
//! - a field the API does not take is reported as `unknown_field`, never dropped silently;
//! - a value of the wrong JSON type is reported as `type_mismatch` (a phone number given as a
//!   JSON number is a mismatch: spreadsheets lose leading zeros and `+`);
//! - free text has limits (see [`limits`]), reported as `too_long` with `max` and `length`
//!   counted in Unicode characters.
//!
//! Credentials are optional: without an API key or a bearer token the request carries no
//! authentication header, so a browser can build and preview a request that a server completes.
//! They are never echoed in errors or in `Debug` output.
//!
//! ```
//! use contactkit::payload::{build_contactship_contact, ContactshipOptions};
//! use serde_json::json;
//!
//! let opts = ContactshipOptions { api_key: Some("your-api-key".into()), ..Default::default() };
//! let contact = json!({ "phone_number": "+1 212 456 7890", "full_name": " Juan Pérez " });
//! match build_contactship_contact(&contact, &opts) {
//!     Ok(request) => {
//!         assert_eq!(request.url, "https://api.contactship.ai/v1/contacts");
//!         assert_eq!(request.headers.get("x-api-key"), Some("your-api-key"));
//!         // With the phone rule in place the body is
//!         // {"phone_number":"+12124567890","full_name":"Juan Pérez"}.
//!     }
//!     Err(errors) => {
//!         for e in &errors {
//!             println!("{}: {} ({})", e.field, e.error.message, e.error.code);
//!         }
//!     }
//! }
//! ```

use std::fmt;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::error::FieldError;

mod api;
mod batch;
pub(crate) mod common;
pub(crate) mod contactship;
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod http;
mod import_flow;
mod json;
pub(crate) mod sdr_agent;
mod typed;

#[cfg(target_arch = "wasm32")]
pub(crate) use api::{build_contact, Api, Contact};
#[cfg(target_arch = "wasm32")]
pub(crate) use batch::RowsProblem;
pub use batch::{
    validate_contacts, BatchOptions, BatchReport, BatchSummary, BatchValidator, RowResult, Target,
};
#[cfg(target_arch = "wasm32")]
pub(crate) use common::not_an_object;
#[cfg(target_arch = "wasm32")]
pub(crate) use common::shown_key;
pub use contactship::{
    build_contactship_contact, build_contactship_contact_json, ContactshipOptions, CountryFormat,
    CONTACTSHIP_BASE_URL,
};
#[cfg(target_arch = "wasm32")]
pub(crate) use import_flow::run_step;
pub use import_flow::{build_complete_import, build_create_import, build_link_campaign};
pub use json::parse_contact_json;
#[cfg(target_arch = "wasm32")]
pub(crate) use json::{parse_row, split_rows, NoJson};
pub use sdr_agent::{
    build_sdr_agent_contact, build_sdr_agent_contact_json, SdrAgentOptions, SDR_AGENT_BASE_URL,
};
pub use typed::{
    AdditionalData, AdditionalDataType, ContactshipContact, ContactshipInput, RejectedContact,
    SdrAgentContact, SdrAgentInput,
};

/// Limits on free text and nested data. Lengths are in Unicode characters (code points).
pub mod limits {
    /// `full_name` (both APIs).
    pub const FULL_NAME_MAX_CHARS: usize = 200;
    /// SDR Agent `company`.
    pub const COMPANY_MAX_CHARS: usize = 200;
    /// Contactship `description`.
    pub const DESCRIPTION_MAX_CHARS: usize = 2000;
    /// Contactship `additional_data`: at most this many items.
    pub const ADDITIONAL_DATA_MAX_ITEMS: usize = 50;
    /// Contactship `additional_data[].field`.
    pub const ADDITIONAL_DATA_FIELD_MAX_CHARS: usize = 100;
    /// Contactship `additional_data[].value`.
    pub const ADDITIONAL_DATA_VALUE_MAX_CHARS: usize = 1000;
    /// SDR Agent `metadata`: its JSON text (as sent) at most this many characters.
    pub const METADATA_MAX_CHARS: usize = 32 * 1024;
    /// SDR Agent `metadata`: objects and arrays nested at most this deep (`{}` is depth 1).
    pub const METADATA_MAX_DEPTH: usize = 32;
    /// The `name` and `source` of a create-import request.
    pub const IMPORT_TEXT_MAX_CHARS: usize = 200;
    /// Rows one `validate_contacts` call (or one chunk of the JS `BatchValidator`) takes; more
    /// is `too_many_rows` before any row is read. Larger batches go through a `BatchValidator`
    /// in chunks (a chunk of 1,000 – 10,000 rows keeps memory low and progress visible).
    pub const BATCH_MAX_ROWS: usize = 100_000;
    /// The JSON text of one call's rows in the npm package, in UTF-8 bytes: more is
    /// `batch_too_large` before any row is validated. The package's memory grows to about ten
    /// times this text during such a call, and Wasm memory never shrinks.
    pub const BATCH_MAX_BYTES: usize = 64 * 1024 * 1024;
    /// Unknown fields listed one by one for a contact (or options object); the rest are counted
    /// in one `more_unknown_fields` error.
    pub const UNKNOWN_FIELDS_LISTED: usize = 20;
    /// The longest API key or bearer token, in bytes.
    pub const CREDENTIAL_MAX_BYTES: usize = 1024;
}

/// One problem with a contact, an option or a request: where it is and what it is.
///
/// Serialized flat, as `{ "field", "code", "message", "params" }`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactError {
    /// The path of the offending value: `phone_number`, `additional_data[1].value`,
    /// `options.apiKey`; the empty path is the contact (or row) itself.
    pub field: String,
    /// The code, message and params of the problem.
    #[serde(flatten)]
    pub error: FieldError,
}

impl ContactError {
    /// The error `code` with `params` on `field`, its message in `lang`.
    pub(crate) fn new(
        field: impl Into<String>,
        code: crate::ErrorCode,
        params: crate::Params,
        lang: crate::Lang,
    ) -> Self {
        ContactError {
            field: field.into(),
            error: FieldError::with_params(code, params, lang),
        }
    }
}

impl fmt::Display for ContactError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.error)
        } else {
            write!(f, "{}: {}", self.field, self.error)
        }
    }
}

impl std::error::Error for ContactError {}

/// The HTTP method of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
}

impl Method {
    /// `"POST"` or `"PUT"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Post => "POST",
            Method::Put => "PUT",
        }
    }
}

impl Serialize for Method {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The headers of a request, in the order they are sent; serialized as a JSON object.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Headers(Vec<(&'static str, String)>);

impl Headers {
    pub(crate) fn push(&mut self, name: &'static str, value: String) {
        self.0.push((name, value));
    }

    /// The value of the header `name` (compared case-insensitively), if present.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The headers as `(name, value)` pairs, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        self.0.iter().map(|(n, v)| (*n, v.as_str()))
    }

    /// How many headers there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Headers whose values are credentials, redacted in `Debug` output.
const SECRET_HEADERS: [&str; 3] = ["x-api-key", "authorization", "cookie"];

impl fmt::Debug for Headers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (name, value) in &self.0 {
            if SECRET_HEADERS.iter().any(|s| s.eq_ignore_ascii_case(name)) {
                map.entry(name, &"<redacted>");
            } else {
                map.entry(name, value);
            }
        }
        map.finish()
    }
}

impl Serialize for Headers {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// An HTTP request ready to send: `fetch(request.url, request)` in JS, or the method, URL,
/// headers and body handed to any Rust HTTP client.
///
/// `Debug` output redacts the authentication headers (derived: [`Headers`]' own `Debug` does);
/// `Serialize` does not (it is the request).
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Request {
    /// `POST` or `PUT`.
    pub method: Method,
    /// The absolute URL.
    pub url: String,
    /// `Content-Type`, the authentication header when credentials were given, and the API's
    /// other headers (`X-Import-ID`).
    pub headers: Headers,
    /// The exact JSON text of the body.
    pub body: String,
}
