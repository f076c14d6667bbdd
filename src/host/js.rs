//! The host operations on wasm32: the JS platform's `URL`, `String.prototype.normalize`,
//! `String.prototype.toLowerCase` and `RegExp`. None of them may throw into Rust: `new URL` is
//! the only one that can, and its exception is caught (an invalid URL or domain).

use std::borrow::Cow;

use js_sys::{JsString, RegExp};
use wasm_bindgen::prelude::*;

use super::Url;

#[wasm_bindgen]
extern "C" {
    /// The WHATWG `URL`.
    #[wasm_bindgen(js_name = URL)]
    type JsUrl;
    #[wasm_bindgen(catch, constructor, js_class = URL)]
    fn new(url: &str) -> Result<JsUrl, JsValue>;
    #[wasm_bindgen(method, getter, js_class = URL)]
    fn href(this: &JsUrl) -> String;
    #[wasm_bindgen(method, getter, js_class = URL)]
    fn protocol(this: &JsUrl) -> String;
    #[wasm_bindgen(method, getter, js_class = URL)]
    fn hostname(this: &JsUrl) -> String;
    #[wasm_bindgen(method, getter, js_class = URL)]
    fn pathname(this: &JsUrl) -> String;
    #[wasm_bindgen(method, getter, js_class = URL)]
    fn port(this: &JsUrl) -> String;
    #[wasm_bindgen(method, getter, js_class = URL)]
    fn username(this: &JsUrl) -> String;
    #[wasm_bindgen(method, getter, js_class = URL)]
    fn password(this: &JsUrl) -> String;
}

pub(super) fn parse_url(input: &str) -> Option<Url> {
    let url = JsUrl::new(input).ok()?;
    let href = url.href();
    // `search` and `hash` are "" both for none and for an empty one; the serialization tells
    // them apart (a `?` or `#` outside the query and fragment is always percent-encoded).
    let (before_fragment, fragment) = match href.split_once('#') {
        Some((before, _)) => (before, true),
        None => (href.as_str(), false),
    };
    let query = before_fragment.split_once('?').map(|(_, q)| q.to_string());
    let scheme = url.protocol();
    Some(Url {
        scheme: scheme.strip_suffix(':').unwrap_or(&scheme).to_string(),
        host: url.hostname(),
        path: url.pathname(),
        query,
        port: url.port().parse().ok(),
        has_fragment: fragment,
        has_credentials: !url.username().is_empty() || !url.password().is_empty(),
        href,
    })
}

/// The URL parser's host parsing, on `http://<domain>.a/`: the label `a` keeps a domain whose
/// last label is a number from being read as an IPv4 address (which UTS #46 alone does not do),
/// and is taken off the result. The caller ([`super::domain_to_ascii`]) has already rejected
/// every ASCII character the URL parser would read as something other than the host.
pub(super) fn domain_to_ascii(domain: &str) -> Option<String> {
    let dot = if domain.ends_with('.') { "" } else { "." };
    let url = JsUrl::new(&["http://", domain, dot, "a/"].concat()).ok()?;
    let host = url.hostname();
    let ascii = host.strip_suffix("a")?;
    Some(ascii.strip_suffix(dot).unwrap_or(ascii).to_string())
}

pub(super) fn nfc(s: &str) -> Cow<'_, str> {
    normalize(s, "NFC")
}

pub(super) fn nfd(s: &str) -> Cow<'_, str> {
    normalize(s, "NFD")
}

fn normalize<'a>(s: &'a str, form: &str) -> Cow<'a, str> {
    let normalized = String::from(JsString::from(s).normalize(form));
    if normalized == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(normalized)
    }
}

/// JS `toLowerCase`: the default lowercase mapping of the host's Unicode version, with the final
/// sigma by context, as Rust's `str::to_lowercase`. It cannot throw on a string.
pub(super) fn lowercase(s: &str) -> String {
    String::from(JsString::from(s).to_lower_case())
}

thread_local! {
    static WORD: RegExp = RegExp::new(r"^[\-_\p{L}\p{Mn}\p{Mc}\p{Nd}]*$", "u");
    static FIRST_MARK: RegExp = RegExp::new(r"^[\p{Mn}\p{Mc}]", "u");
    static LETTER: RegExp = RegExp::new(r"^\p{L}$", "u");
}

pub(super) fn is_word_text(s: &str) -> bool {
    WORD.with(|re| re.test(s))
}

pub(super) fn starts_with_mark(s: &str) -> bool {
    FIRST_MARK.with(|re| re.test(s))
}

pub(super) fn is_letter(c: char) -> bool {
    LETTER.with(|re| re.test(c.encode_utf8(&mut [0; 4])))
}
