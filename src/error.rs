//! Errors are data: a stable code, its parameters, and a message derived from both.

use std::fmt;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::lang::Lang;
use crate::messages;

/// Parameters of an error, by name (`{"max": 64}`), kept in the order of their names (as
/// they serialize); messages interpolate them.
///
/// A short sorted list rather than a `BTreeMap`: an error has at most a handful, and the
/// first error of a page is where Wasm compiles this code (V8 compiles each function on its
/// first call; `BTreeMap::insert` alone was 3.8 KB of it, docs/performance.md).
#[derive(Clone, Default, PartialEq)]
pub struct Params(Vec<(&'static str, serde_json::Value)>);

impl Params {
    /// No parameters.
    pub fn new() -> Self {
        Params(Vec::new())
    }

    /// No parameters yet, with room for `n` (one allocation for an error's few).
    pub fn with_capacity(n: usize) -> Self {
        Params(Vec::with_capacity(n))
    }

    /// Sets `name` to `value`, returning the value it replaces.
    pub fn insert(
        &mut self,
        name: &'static str,
        value: serde_json::Value,
    ) -> Option<serde_json::Value> {
        let at = self.0.iter().position(|(n, _)| *n >= name);
        match at {
            Some(i) if self.0.get(i).is_some_and(|(n, _)| *n == name) => self
                .0
                .get_mut(i)
                .map(|slot| std::mem::replace(&mut slot.1, value)),
            Some(i) => {
                self.0.insert(i, (name, value));
                None
            }
            None => {
                self.0.push((name, value));
                None
            }
        }
    }

    /// The value of `name`, if the error has it.
    pub fn get(&self, name: &str) -> Option<&serde_json::Value> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Whether the error has a parameter `name`.
    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The number of parameters.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The parameters in the order of their names.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &serde_json::Value)> {
        self.0.iter().map(|(n, v)| (*n, v))
    }
}

/// `params["max"]`, as with a map: panics when the error has no such parameter (use
/// [`Params::get`] when it may be absent).
impl std::ops::Index<&str> for Params {
    type Output = serde_json::Value;

    fn index(&self, name: &str) -> &serde_json::Value {
        match self.get(name) {
            Some(v) => v,
            None => panic!("no parameter {name:?}"),
        }
    }
}

/// Written as a map, `{"name": value}`.
impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// A JSON object, its keys in order.
impl Serialize for Params {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, &Param(value))?;
        }
        map.end()
    }
}

/// Every failure contactkit reports, as a stable machine code.
///
/// Serialized in snake_case (`phone_too_short`); [`ErrorCode::as_str`] gives the same text.
/// New codes may be added in minor releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    // ---- any field ----
    /// The input is empty or only white space.
    Empty,
    /// The input is not a string (a JS `null`, number, object, ...). Params: `got` (a type:
    /// `null`, `number`, `object`, ..., each language's table words it).
    WrongType,
    /// The input is longer than the rule will read. Params: `max`, `length`.
    InputTooLong,
    /// An option is malformed or unknown. Params: `option` (its name) and `reason`, a token each
    /// language's table words (`wrong_type`, `not_one_of`,
    /// `unknown_option`, `not_a_country`, `broken_character`, `both_credentials`,
    /// `import_id_on_create`), with the data the reason names: `expected` and `got` (types),
    /// `allowed` (the values or option names taken, `"en, es"`), `value` (what was given).
    InvalidOption,

    // ---- phone ----
    /// No digits that could form a phone number.
    PhoneNotANumber,
    /// The international prefix is followed by a calling code no country has.
    PhoneInvalidCountryCode,
    /// A national number with no `+`/`00` prefix and no default country.
    PhoneMissingCountry,
    /// Too few digits for the country. Params: `calling_code`, `possible_lengths` (the national
    /// number lengths the country has) and `region`, each when known.
    PhoneTooShort,
    /// Too many digits for the country. Params: `calling_code`, `possible_lengths` and `region`,
    /// each when known.
    PhoneTooLong,
    /// A possible length for the country, but not a number the country assigns. Params:
    /// `calling_code`, `region` (the calling code, `+800`, when no one region has it) and
    /// `possible_lengths` (when it is the length that is wrong).
    PhoneInvalid,
    /// A start that more digits may complete (`+`, `+3`, too few digits yet): a form's "keep
    /// typing". Only [`crate::phone::AsYouType`] reports it; the rule and the payloads say
    /// what is wrong (`phone_too_short`, ...).
    PhoneIncomplete,

    // ---- email ----
    /// No `@`, or nothing on one side of it.
    EmailMissingAt,
    /// The part before `@` has characters or dots an address cannot have.
    EmailInvalidLocalPart,
    /// The part before `@` is over 64 octets. Params: `max`, `length`.
    EmailLocalPartTooLong,
    /// The whole address is over 254 octets. Params: `max`, `length`.
    EmailTooLong,
    /// The domain is not a valid host name (bad label, bad IDN). Params: `domain`.
    EmailInvalidDomain,
    /// The domain has no dot (`juan@localhost`). Params: `domain`.
    EmailDomainWithoutDot,
    /// A display name (`Juan <juan@x.com>`) where a bare address was expected.
    EmailDisplayName,
    /// A comment (`juan(work)@x.com`).
    EmailComment,
    /// A quoted local part (`"juan perez"@x.com`).
    EmailQuotedLocalPart,
    /// An IP literal domain (`juan@[192.0.2.1]`).
    EmailIpLiteral,
    /// A special-use domain that no public mailbox has (`.test`, `.invalid`, `.localhost`,
    /// `.local`, `.onion`, `.alt`, `.example`, `.arpa`: from the IANA Special-Use Domain Names
    /// registry). Params: `domain`, `reserved` (the name it is under).
    EmailReservedDomain,
    /// Letters outside ASCII before the `@` (`josé@x.com`), which only SMTPUTF8 mail servers
    /// take; accepted with `EmailOptions::allow_unicode_local_part`.
    EmailUnicodeLocalPart,

    // ---- LinkedIn ----
    /// Not a URL even with `https://` added.
    LinkedinInvalidUrl,
    /// A URL of another site. Params: `host`.
    LinkedinNotLinkedin,
    /// A LinkedIn page that is not a profile, company or school (feed, posts, jobs, search).
    /// Params: `path`.
    LinkedinNotProfile,
    /// A profile/company/school path with no handle (`/in/`).
    LinkedinMissingHandle,
    /// A handle with characters LinkedIn handles cannot have. Params: `handle`.
    LinkedinInvalidHandle,

    // ---- locale ----
    /// Not a well-formed BCP 47 tag.
    LocaleMalformed,
    /// A well-formed tag whose language subtag is not registered. Params: `language`.
    LocaleUnknownLanguage,
    /// A well-formed tag whose script subtag is not registered. Params: `script`.
    LocaleUnknownScript,
    /// A well-formed tag whose region subtag is not registered. Params: `region`.
    LocaleUnknownRegion,

    // ---- timezone ----
    /// Not an IANA timezone name or alias.
    TimezoneUnknown,

    // ---- country ----
    /// Not an ISO 3166-1 code or a known country name.
    CountryUnknown,
    /// A name that fits more than one country (`Korea`, `Virgin Islands`). Params: `candidates`
    /// (their alpha-2 codes, `"KP, KR"`).
    CountryAmbiguous,

    // ---- payloads (whole contacts, batches, requests) ----
    /// A field the API requires is missing or empty.
    Required,
    /// A field the API does not know. Params: `field`.
    UnknownField,
    /// The contact (or a batch row) is not a JSON object. Params: `got` (a type, or
    /// `invalid_json`).
    NotAnObject,
    /// The value is not of the type the field takes. Params: `expected` and `got`, types
    /// (`string`, `number`, `array`, `object`, `json`: any JSON value, ...) or what a value that
    /// has none is (`unreadable`, `unserializable`).
    TypeMismatch,
    /// Free text over the field's limit. Params: `max`, `length`.
    TooLong,
    /// `additional_data[].type` is not one of text, date, number, location. Params: `allowed`.
    AdditionalDataInvalidType,
    /// `additional_data[].value` is not an ISO 8601 date for `type: "date"`.
    AdditionalDataInvalidDate,
    /// `additional_data[].value` is not a finite number for `type: "number"`.
    AdditionalDataInvalidNumber,
    /// Too many `additional_data` items. Params: `max`, `length`.
    TooManyItems,
    /// JSON nested deeper than the limit. Params: `max`.
    NestingTooDeep,
    /// Not a UUID (import id, campaign id). Params: `field`.
    InvalidUuid,
    /// A base URL that is not an absolute https URL (or http to a loopback host), or has control
    /// characters, white space or a backslash.
    InvalidBaseUrl,
    /// An API key or bearer token that is empty, too long or has characters a header cannot
    /// carry. Params: `max` (bytes).
    InvalidCredentials,
    /// A row repeats the key of an earlier row (the API would answer 409). Params: `key`,
    /// `first_row` (the earlier row's 0-based index, its `row` in the results) and
    /// `first_row_number` (the same row counted from 1, as the message says it).
    Duplicate,
    /// `total_rows` (or another count) is not a whole number ≥ 0.
    InvalidCount,
    /// The batch target is not `contactship` or `sdr_agent`. Params: `target`.
    UnknownTarget,
    /// A valid LinkedIn company or school page where a person's profile (`/in/…`) is needed.
    /// Params: `kind` (`company` or `school`).
    LinkedinNotPerson,
    /// Text with a lone UTF-16 surrogate (half of a character such as an emoji, cut in two):
    /// it has no UTF-8 form, so it can be neither checked nor sent.
    InvalidUnicode,
    /// A batch call with more rows than one call takes
    /// ([`crate::payload::limits::BATCH_MAX_ROWS`]). Params: `max`, `rows`.
    TooManyRows,
    /// A batch call whose rows' JSON text is over what one call takes
    /// ([`crate::payload::limits::BATCH_MAX_BYTES`]). Params: `max`.
    BatchTooLarge,
    /// More fields a contact (or options object) should not have than are listed one by one
    /// ([`crate::payload::limits::UNKNOWN_FIELDS_LISTED`]). Params: `count` (those not listed).
    MoreUnknownFields,
    /// A warning, not an error: a valid email address whose domain looks like a typo of a
    /// common one. Params: `suggestion` (the address probably meant).
    EmailSuggestion,
    /// A warning, not an error: a value resolved through an alias or another spelling (the
    /// timezone `US/Eastern`, the country `México`). Params: `from` (as given), `value` (what it
    /// resolved to).
    ResolvedAlias,

    // ---- the npm package ----
    /// A function of the npm package's browser build was called before its Wasm module was
    /// ready (before `init()` resolved). Never returned by Rust code.
    NotInitialized,
    /// The npm package could not hand a result over to JS: a bug of contactkit's own (a tag
    /// its JS reader does not know, as when a page loads the `.wasm` and the JS glue of two
    /// different versions). Never returned by Rust code.
    InternalError,
}

impl ErrorCode {
    /// The stable snake_case name of the code, as serialized.
    pub fn as_str(self) -> &'static str {
        messages::code_name(self)
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failed field rule: a stable code, its parameters, and the message derived from both in the
/// language that was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    /// What went wrong, as a stable machine code.
    pub code: ErrorCode,
    /// A human sentence in the requested language, built from `code` and `params`.
    pub message: String,
    /// Values the message refers to (limits, the offending part, ...).
    pub params: Params,
}

impl FieldError {
    /// An error with no parameters.
    pub fn new(code: ErrorCode, lang: Lang) -> Self {
        Self::with_params(code, Params::new(), lang)
    }

    /// An error with parameters; the message is rendered from the code's template.
    pub fn with_params(code: ErrorCode, params: Params, lang: Lang) -> Self {
        let message = messages::render(code, &params, lang);
        FieldError {
            code,
            message,
            params,
        }
    }

    /// The same error with its message in another language.
    pub fn in_lang(&self, lang: Lang) -> Self {
        Self::with_params(self.code, self.params.clone(), lang)
    }
}

/// `{"code": …, "message": …, "params": {…}}`. Written out rather than derived so that it stays
/// one function: inlined into each caller, it was compiled again by V8 with the first error of
/// every path (docs/performance.md).
impl Serialize for FieldError {
    #[inline(never)]
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("FieldError", 3)?;
        st.serialize_field("code", &Text(self.code.as_str()))?;
        st.serialize_field("message", &Text(&self.message))?;
        st.serialize_field("params", &self.params)?;
        st.end()
    }
}

/// A parameter's value, written as `Value` writes it. Strings, whole numbers and lists of them
/// (nearly every parameter) go through the writers a result already uses, not through
/// `Value`'s own serializer: less code to compile on a page's first error.
struct Param<'a>(&'a serde_json::Value);

impl Serialize for Param<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde_json::Value;
        match self.0 {
            Value::String(t) => Text(t).serialize(s),
            Value::Number(n) => match n.as_u64() {
                Some(u) => s.serialize_u64(u),
                None => n.serialize(s),
            },
            Value::Array(items) => s.collect_seq(items.iter().map(Param)),
            other => other.serialize(s),
        }
    }
}

/// A string written by one out-of-line call, so that the serializer's string writer is not
/// inlined (and compiled) once per field.
struct Text<'a>(&'a str);

impl Serialize for Text<'_> {
    #[inline(never)]
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for FieldError {}

/// Builds a [`Params`] map: `params!{"max" => 64, "length" => n}`.
#[macro_export]
#[doc(hidden)]
macro_rules! params {
    () => { $crate::Params::new() };
    ($($k:literal => $v:expr),+ $(,)?) => {{
        let mut p = $crate::Params::with_capacity([$($k),+].len());
        $( p.insert($k, ::serde_json::Value::from($v)); )+
        p
    }};
}

/// A key as shown in a path or a message: its first 64 characters and `…` when it is longer
/// (hostile keys can be megabytes long).
pub(crate) fn shown_key(key: &str) -> String {
    const MAX: usize = 64;
    match key.char_indices().nth(MAX) {
        Some((cut, _)) => {
            let mut shown = String::with_capacity(cut + '…'.len_utf8());
            shown.push_str(key.get(..cut).unwrap_or_default());
            shown.push('…');
            shown
        }
        None => key.to_string(),
    }
}

/// The params of an `invalid_option` error: the option (its name cut as a key in a path is),
/// why it is not valid (a token each language words: [`crate::messages::Messages::reasons`]),
/// and the data the reason names (`("value", "fr")`). Out of line: one copy for every reader.
#[inline(never)]
pub(crate) fn option_params(
    option: &str,
    reason: &'static str,
    data: &[(&'static str, &str)],
) -> Params {
    let mut params = Params::with_capacity(2 + data.len());
    params.insert("option", shown_key(option).into());
    params.insert("reason", reason.into());
    for (name, value) in data {
        params.insert(name, (*value).into());
    }
    params
}

/// Checks the shared preconditions of every field rule: the input, trimmed, is not blank and
/// not over [`crate::MAX_FIELD_INPUT_BYTES`]. Returns the trimmed input.
///
/// The limit applies to the trimmed text, as the payload builders (which trim every string
/// first) apply it: a value gets the same answer alone and in a contact.
pub(crate) fn precheck(input: &str, lang: Lang) -> Result<&str, FieldError> {
    let trimmed = trim(input);
    if trimmed.len() > crate::MAX_FIELD_INPUT_BYTES {
        return Err(FieldError::with_params(
            ErrorCode::InputTooLong,
            params! {"max" => crate::MAX_FIELD_INPUT_BYTES, "length" => trimmed.len()},
            lang,
        ));
    }
    if trimmed.is_empty() {
        return Err(FieldError::new(ErrorCode::Empty, lang));
    }
    Ok(trimmed)
}

/// `str::trim`, answered without decoding a character when the text starts and ends with a
/// printable ASCII character, as nearly every field does (no white space to take off then).
pub(crate) fn trim(s: &str) -> &str {
    let solid = |c: Option<&u8>| c.is_some_and(|&c| (0x21..0x80).contains(&c));
    if solid(s.as_bytes().first()) && solid(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_input_limit_applies_to_the_trimmed_text() {
        // As the payload builders, which trim first, apply it (found by the fuzz target
        // field_country: alone too long, in a contact country_unknown).
        let padded = format!("{}MX{}", " ".repeat(600), "\t".repeat(600));
        assert_eq!(precheck(&padded, Lang::En).map_err(|e| e.code), Ok("MX"));
        let long = format!(" {} ", "x".repeat(crate::MAX_FIELD_INPUT_BYTES + 1));
        let err = precheck(&long, Lang::En).unwrap_err();
        assert_eq!(err.code, ErrorCode::InputTooLong);
        assert_eq!(
            err.params.get("length"),
            Some(&json!(crate::MAX_FIELD_INPUT_BYTES + 1))
        );
        assert_eq!(
            precheck(&" ".repeat(5000), Lang::En).map_err(|e| e.code),
            Err(ErrorCode::Empty)
        );
    }

    #[test]
    fn trim_is_str_trim() {
        let ends = [
            "", " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{1f}", "!", "a", "~", "\u{7f}",
            "\u{85}", "\u{a0}", "é", "\u{2003}", "\u{3000}", "李",
        ];
        for a in ends {
            for b in ends {
                for middle in ["", "x", " x ", "\u{2028}"] {
                    let s = format!("{a}{middle}{b}");
                    assert_eq!(trim(&s), s.trim(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn params_keep_name_order_and_replace_like_a_map() {
        let mut p = Params::new();
        assert!(p.is_empty());
        assert_eq!(p.insert("region", json!("US")), None);
        assert_eq!(p.insert("calling_code", json!(1)), None);
        assert_eq!(p.insert("possible_lengths", json!([10])), None);
        assert_eq!(p.insert("region", json!("CA")), Some(json!("US")));
        assert_eq!(p.len(), 3);
        let names: Vec<&str> = p.iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["calling_code", "possible_lengths", "region"]);
        assert_eq!(p.get("region"), Some(&json!("CA")));
        assert_eq!(p["calling_code"], json!(1));
        assert!(!p.contains_key("max"));
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"calling_code":1,"possible_lengths":[10],"region":"CA"}"#
        );
        assert_eq!(
            serde_json::to_value(&p).unwrap(),
            json!({"calling_code": 1, "possible_lengths": [10], "region": "CA"})
        );
        assert_eq!(
            format!("{p:?}"),
            r#"{"calling_code": Number(1), "possible_lengths": Array [Number(10)], "region": String("CA")}"#
        );
    }

    #[test]
    fn params_write_every_value_as_serde_json_does() {
        let values = [
            json!("plain"),
            json!("quote \" backslash \\ newline \n tab \t nul \u{0} ñ 🙂"),
            json!(0),
            json!(18446744073709551615u64),
            json!(-7),
            json!(-9223372036854775808i64),
            json!(1.5),
            json!(-0.0),
            json!(1e300),
            json!(true),
            json!(null),
            json!([]),
            json!([1, "two", [3.5, null], {"k": false}]),
            json!({"b": 1, "a": ["x\"y"]}),
        ];
        let names = [
            "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n",
        ];
        let mut p = Params::new();
        let mut expected = serde_json::Map::new();
        for (name, value) in names.into_iter().zip(values) {
            expected.insert(name.to_string(), value.clone());
            p.insert(name, value);
        }
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            serde_json::to_string(&expected).unwrap()
        );
        let error = FieldError::with_params(ErrorCode::InvalidOption, p, Lang::Es);
        let written: serde_json::Value = serde_json::to_value(&error).unwrap();
        assert_eq!(written["code"], json!("invalid_option"));
        assert_eq!(written["message"], json!(error.message));
        assert_eq!(written["params"], serde_json::Value::Object(expected));
    }
}
