//! What every payload builder shares: collecting errors with their paths, reading text fields,
//! checking options (base URL, credentials, UUIDs), and reading options from JSON.

use serde_json::{Map, Value};

use super::limits::{CREDENTIAL_MAX_BYTES, UNKNOWN_FIELDS_LISTED};
use super::{ContactError, Headers, Request};
use crate::email::Email;
use crate::error::{ErrorCode, FieldError, Params};
use crate::lang::{FieldOptions, Lang};
use crate::params;

/// Errors collected while reading one contact (or one request's input and options), and its
/// warnings: what is worth telling but does not make the contact invalid.
pub(crate) struct Errors {
    pub lang: Lang,
    pub list: Vec<ContactError>,
    pub warnings: Vec<ContactError>,
}

impl Errors {
    pub fn new(lang: Lang) -> Self {
        Errors {
            lang,
            list: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// A warning `code` with `params` on `field`.
    pub fn warn(&mut self, field: &str, code: ErrorCode, params: Params) {
        self.warnings
            .push(ContactError::new(field, code, params, self.lang));
    }

    /// A valid address, its typo suggestion (if any) warned about on `email`.
    pub fn email(&mut self, found: Email) -> String {
        if let Some(suggestion) = &found.suggestion {
            self.warn(
                "email",
                ErrorCode::EmailSuggestion,
                params! {"suggestion" => suggestion.as_str()},
            );
        }
        found.value
    }

    /// `resolved_alias` on `field`: the input `from` was read as `value`.
    pub fn resolved(&mut self, field: &str, from: &str, value: &str) {
        self.warn(
            field,
            ErrorCode::ResolvedAlias,
            params! {"from" => from, "value" => value},
        );
    }

    pub fn push(&mut self, field: impl Into<String>, code: ErrorCode, params: Params) {
        self.list
            .push(ContactError::new(field, code, params, self.lang));
    }

    /// A field rule's value, or `None` with its error recorded under the field's path.
    pub fn rule<T>(&mut self, field: &str, result: Result<T, FieldError>) -> Option<T> {
        result
            .map_err(|error| {
                self.list.push(ContactError {
                    field: field.into(),
                    error,
                })
            })
            .ok()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// The JSON type of a value, as messages name it.
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// `not_an_object` on the contact (or input) itself, which is `got` instead.
pub(crate) fn not_an_object(got: &str, lang: Lang) -> ContactError {
    ContactError::new("", ErrorCode::NotAnObject, params! {"got" => got}, lang)
}

pub(crate) use crate::error::shown_key;

pub(crate) fn type_mismatch(errs: &mut Errors, field: &str, expected: &str, got: &Value) {
    mismatch(errs, field, expected, type_name(got));
}

fn mismatch(errs: &mut Errors, field: &str, expected: &str, got: &'static str) {
    errs.push(
        field,
        ErrorCode::TypeMismatch,
        params! {"expected" => expected, "got" => got},
    );
}

/// A field of a contact as a builder reads it: text, or any other JSON value.
#[derive(Clone, Copy)]
pub(crate) enum Field<'v> {
    Text(&'v str),
    Json(&'v Value),
}

impl<'v> Field<'v> {
    pub fn of(v: &'v Value) -> Self {
        match v {
            Value::String(s) => Field::Text(s),
            other => Field::Json(other),
        }
    }

    /// The JSON type, as messages name it.
    pub fn type_name(self) -> &'static str {
        match self {
            Field::Text(_) => "string",
            Field::Json(v) => type_name(v),
        }
    }
}

/// A contact's fields in the order given, as builders read them: from a JSON object, or from a
/// row read without building one ([`super::json::Row`]).
pub(crate) type Fields<'v> = [(&'v str, Field<'v>)];

/// The fields of a JSON object.
pub(crate) fn fields_of(obj: &Map<String, Value>) -> Vec<(&str, Field<'_>)> {
    obj.iter()
        .map(|(k, v)| (k.as_str(), Field::of(v)))
        .collect()
}

/// Each of an API's field `names` (its first value when a name repeats), if the contact has
/// it, with whether the contact has any other field: every name of the contact compared once,
/// not once per field looked up.
pub(crate) fn fields_named<'v, const N: usize>(
    fields: &Fields<'v>,
    names: &[&str; N],
) -> ([Option<Field<'v>>; N], bool) {
    let mut found = [None; N];
    let mut others = false;
    for (key, value) in fields {
        match names.iter().position(|name| name == key) {
            Some(i) => {
                if let Some(slot @ None) = found.get_mut(i) {
                    *slot = Some(*value);
                }
            }
            None => others = true,
        }
    }
    (found, others)
}

/// Reads a text field: trimmed, blank treated as absent, at most `max` characters.
///
/// Returns `None` when the field is absent or wrong; pushes `required` (absent and required),
/// `type_mismatch` or `too_long`.
pub(crate) fn text<'a>(
    errs: &mut Errors,
    field: &str,
    value: Option<&'a Value>,
    required: bool,
    max: usize,
) -> Option<&'a str> {
    text_field(errs, field, value.map(Field::of), required, max)
}

/// [`text`] of a [`Field`].
pub(crate) fn text_field<'a>(
    errs: &mut Errors,
    field: &str,
    value: Option<Field<'a>>,
    required: bool,
    max: usize,
) -> Option<&'a str> {
    match value {
        None | Some(Field::Json(Value::Null)) => {
            if required {
                errs.push(field, ErrorCode::Required, Params::new());
            }
            None
        }
        Some(Field::Text(s)) => {
            let t = crate::error::trim(s);
            if t.is_empty() {
                if required {
                    errs.push(field, ErrorCode::Required, Params::new());
                }
                return None;
            }
            if t.len() > max {
                // Only count when the byte length says the limit may be exceeded.
                let length = t.chars().count();
                if length > max {
                    errs.push(
                        field,
                        ErrorCode::TooLong,
                        params! {"max" => max, "length" => length},
                    );
                    return None;
                }
            }
            Some(t)
        }
        Some(other) => {
            mismatch(errs, field, "string", other.type_name());
            None
        }
    }
}

/// Reports every key of `obj` not in `known` as `unknown_field`; `prefix` is the path of `obj`
/// followed by a dot (or empty for the contact itself).
pub(crate) fn unknown_fields(
    errs: &mut Errors,
    obj: &Map<String, Value>,
    known: &[&str],
    prefix: &str,
) {
    unknown_names(errs, obj.keys().map(String::as_str), known, prefix);
}

/// [`unknown_fields`] of the names of a contact's fields.
pub(crate) fn unknown_names<'a>(
    errs: &mut Errors,
    names: impl Iterator<Item = &'a str>,
    known: &[&str],
    prefix: &str,
) {
    let mut unknown = 0;
    for key in names.filter(|key| !known.contains(key)) {
        unknown += 1;
        if unknown <= UNKNOWN_FIELDS_LISTED {
            let shown = shown_key(key);
            errs.push(
                format!("{prefix}{shown}"),
                ErrorCode::UnknownField,
                params! {"field" => shown},
            );
        }
    }
    if unknown > UNKNOWN_FIELDS_LISTED {
        let path = prefix.strip_suffix('.').unwrap_or(prefix);
        errs.push(
            path,
            ErrorCode::MoreUnknownFields,
            params! {"count" => unknown - UNKNOWN_FIELDS_LISTED},
        );
    }
}

// ---------------------------------------------------------------- options

/// Checks a base URL and returns it without a trailing slash; blank is the default; on error
/// pushes `invalid_base_url` and returns `default`.
///
/// Taken: an absolute `https` URL, or `http` to a loopback host (`localhost`, `127.0.0.0/8`,
/// `[::1]`: a local test server), without query, fragment or user info. Refused before it is
/// parsed: any control character, white space inside it or backslash, which the URL parser
/// would silently drop or turn into `/` (`https://ex\nample.com` is not `example.com`).
pub(crate) fn base_url(errs: &mut Errors, given: Option<&str>, default: &str) -> String {
    let Some(given) = given.map(str::trim).filter(|g| !g.is_empty()) else {
        return default.to_string();
    };
    let clean = !given
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    let ok = crate::host::Url::parse(given).filter(|u| {
        let secure = match u.scheme.as_str() {
            "https" => true,
            "http" => is_loopback(u),
            _ => false,
        };
        clean
            && secure
            && !u.host.is_empty()
            && u.query.is_none()
            && !u.has_fragment
            && !u.has_credentials
    });
    match ok {
        Some(u) => u.href.trim_end_matches('/').to_string(),
        None => {
            errs.push("options.baseUrl", ErrorCode::InvalidBaseUrl, Params::new());
            default.to_string()
        }
    }
}

/// Whether the URL's host is this machine, where `http` does not put a key on the network.
fn is_loopback(u: &crate::host::Url) -> bool {
    let host = u.host.as_str();
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let ip = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    ip.parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// Checks a credential: trimmed, non-empty, at most [`CREDENTIAL_MAX_BYTES`], visible ASCII
/// only (what a header can carry). Never puts the value in the error.
pub(crate) fn credential(errs: &mut Errors, option: &str, given: Option<&str>) -> Option<String> {
    let given = given?.trim();
    if given.is_empty()
        || given.len() > CREDENTIAL_MAX_BYTES
        || !given.bytes().all(|b| (0x21..=0x7e).contains(&b))
    {
        errs.push(
            format!("options.{option}"),
            ErrorCode::InvalidCredentials,
            params! {"max" => CREDENTIAL_MAX_BYTES},
        );
        return None;
    }
    Some(given.to_string())
}

/// Whether `s` is a UUID in its 8-4-4-4-12 hexadecimal form (any case, any version).
pub(crate) fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Checks a UUID and returns it lower-cased (the canonical form); pushes `invalid_uuid`.
/// `name` is the name users know the value by (`importId`), put in the message.
pub(crate) fn uuid(errs: &mut Errors, field: &str, name: &str, given: &str) -> Option<String> {
    let t = given.trim();
    if is_uuid(t) {
        Some(t.to_ascii_lowercase())
    } else {
        errs.push(field, ErrorCode::InvalidUuid, params! {"field" => name});
        None
    }
}

/// `Content-Type` plus the authentication header, if any.
pub(crate) fn json_headers(auth: &Option<(&'static str, String)>) -> Headers {
    let mut h = Headers::default();
    h.push("Content-Type", "application/json".to_string());
    if let Some((name, value)) = auth {
        h.push(name, value.clone());
    }
    h
}

/// Serializes a body. The bodies are strings, numbers and JSON values with string keys, which
/// always serialize; should one not, the contact is reported instead of sending a wrong body.
pub(crate) fn body_text<T: serde::Serialize>(errs: &mut Errors, body: &T) -> Option<String> {
    match serde_json::to_string(body) {
        Ok(text) => Some(text),
        Err(_) => {
            errs.push(
                "",
                ErrorCode::TypeMismatch,
                params! {"expected" => "json", "got" => "unserializable"},
            );
            None
        }
    }
}

// ---------------------------------------------------------------- rows

/// A field rule's answers for the texts it was given, by text: the rows of a batch repeat a few
/// values in some fields (countries, locales, timezones), and the rule's work for one is about
/// as much as the rest of the row's. Bounded, so hostile rows with a new value each cannot grow
/// it without end.
pub(crate) struct RuleCache<T> {
    /// Sorted by text (a sorted list links less code into the .wasm than a hash map).
    kept: Vec<(String, Result<T, FieldError>)>,
    /// The last text too long to keep.
    other: Option<Result<T, FieldError>>,
}

impl<T> Default for RuleCache<T> {
    fn default() -> Self {
        RuleCache {
            kept: Vec::new(),
            other: None,
        }
    }
}

impl<T> RuleCache<T> {
    /// At most this many texts are kept (then they are all dropped and kept again as they come)...
    const MAX_ENTRIES: usize = 256;
    /// ...each of at most this many bytes.
    const MAX_KEY: usize = 128;

    /// `rule(text, opts)`, from the cache when `text` was resolved before (a rule's answer
    /// depends on nothing else: `opts` are the same for every row of a builder).
    pub fn resolve(
        &mut self,
        text: &str,
        opts: &FieldOptions,
        rule: fn(&str, &FieldOptions) -> Result<T, FieldError>,
    ) -> Result<&T, FieldError> {
        let found = match self.kept.binary_search_by(|(k, _)| k.as_str().cmp(text)) {
            Ok(i) => &self.kept[i].1,
            Err(_) if text.len() > Self::MAX_KEY => self.other.insert(rule(text, opts)),
            Err(mut i) => {
                if self.kept.len() >= Self::MAX_ENTRIES {
                    self.kept.clear();
                    i = 0;
                }
                self.kept.insert(i, (text.to_string(), rule(text, opts)));
                &self.kept[i].1
            }
        };
        match found {
            Ok(c) => Ok(c),
            Err(e) => Err(e.clone()),
        }
    }
}

/// What an API's contact builder makes of one contact: the request when the contact is valid,
/// and the key the API deduplicates on whenever that field is valid (for batches).
pub(crate) struct Built {
    pub request: Option<Request>,
    pub key: Option<String>,
}

impl Built {
    /// No request and no key (a row no builder could read).
    pub fn nothing() -> Self {
        Built {
            request: None,
            key: None,
        }
    }
}

/// Whether an error on `broken` (a field that could not even be read) makes `field`'s error
/// redundant: the same field, a path inside it, or anything when the whole row is broken.
fn covers(broken: &str, field: &str) -> bool {
    broken.is_empty()
        || field == broken
        || field
            .strip_prefix(broken)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// Puts a row's errors together: the option errors first, then the fields that could not be
/// read (`broken`, from [`super::json::parse_row`]), then what the builder found on the other
/// fields.
pub(crate) fn finish_row(
    built: Built,
    mut errs: Errors,
    broken: Vec<ContactError>,
    option_errors: &[ContactError],
) -> (Result<Request, Vec<ContactError>>, Option<String>) {
    if !broken.is_empty() {
        errs.list
            .retain(|e| !broken.iter().any(|b| covers(&b.field, &e.field)));
    }
    if option_errors.is_empty() && broken.is_empty() && errs.is_empty() {
        if let Some(request) = built.request {
            return (Ok(request), built.key);
        }
    }
    if option_errors.is_empty() && broken.is_empty() {
        return (Err(errs.list), built.key);
    }
    let mut all = Vec::with_capacity(option_errors.len() + broken.len() + errs.len());
    all.extend(option_errors.iter().cloned());
    all.extend(broken);
    all.append(&mut errs.list);
    (Err(all), built.key)
}
