//! The conversion of a [`Request`] to the `http` crate's `Request` (cargo feature `http`), the
//! type reqwest, hyper and axum take.
//!
//! It is `TryFrom`, not `From`: a `Request` a builder made always converts, but one written by
//! hand can hold a URL or a header value `http` does not take, and a conversion must neither
//! panic nor change the URL silently.
//!
//! ```
//! use contactkit::payload::{ContactshipContact, ContactshipOptions};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let opts = ContactshipOptions { api_key: Some("your-api-key".into()), ..Default::default() };
//! let request = ContactshipContact::new("+1 212 456 7890", "Juan Pérez").build(&opts)?;
//! let request = http::Request::try_from(request)?;
//! assert_eq!(request.uri(), "https://api.contactship.ai/v1/contacts");
//! assert_eq!(request.headers()["x-api-key"], "your-api-key");
//! # Ok(())
//! # }
//! ```
//!
//! Sending it with reqwest (`examples/send_with_reqwest.rs`):
//!
//! ```ignore
#![doc = include_str!("../../examples/send_with_reqwest.rs")]
//! ```

use super::{Method, Request};

impl TryFrom<Request> for ::http::Request<String> {
    type Error = ::http::Error;

    /// The method, URL, headers (in order) and body of `request`; an error when `http` does
    /// not take its URL or a header (only possible for a `Request` written by hand).
    fn try_from(request: Request) -> Result<Self, ::http::Error> {
        let method = match request.method {
            Method::Post => ::http::Method::POST,
            Method::Put => ::http::Method::PUT,
        };
        let mut builder = ::http::Request::builder()
            .method(method)
            .uri(request.url.as_str());
        for (name, value) in request.headers.iter() {
            builder = builder.header(name, value);
        }
        builder.body(request.body)
    }
}
