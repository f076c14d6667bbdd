//! The results of the npm package's field rules, payloads and batches, handed to JS without
//! JSON: numbers in a list of `u32` words and every string, one after the other, in one text.
//! `tape.js` builds the objects from them, with the keys written in its code.
//!
//! The tags of the words (what a tape holds, the kinds of `params` values, the flags of a
//! string's word) and each field rule's shape are declared once, in `tape_spec.rs`: this file
//! makes the Rust enums and each value's writer from it, and a native test (`generate.rs`)
//! writes `tape.js`'s constants and `field()` and the TypeScript types from it, failing when the
//! committed ones are stale. `tape.js` throws on a tag it does not know (a bug of ours, never the
//! caller's input) and catches it; the result is then `internal_error`.
//!
//! Measured on the bench's batch (docs/performance.md): `JSON.parse` of the report took a third of
//! a `validateContacts` call, 2.0 µs per row; `tape.js` builds the same objects in 0.65 µs,
//! since no key is read from text, and strings are cut from one text instead of unescaped one
//! by one. A phone number's result: 59 ns, against 1,465 ns. The Rust side writes strings as
//! they are, without JSON's escapes.
//!
//! The words, in the order `tape.js` reads them:
//! - a string: `units << 2` (its length in UTF-16 units), with [`Flag::Keep`] when `tape.js` is
//!   to keep it for later; or `(index << 2) | Flag::Again`, the kept string `index` again (names,
//!   and strings that repeat);
//! - an optional string (a field that may be `null`): a string, or [`Flag::Null`];
//! - a request: method, URL, the count of headers, each name and value, body;
//! - errors: their count, then each one's field, code, message, count of params, and each
//!   param's name and value (its [`Tag`], then a string, a number, or a count and the values);
//! - the first word is the [`Kind`]. A report follows it with the count of results, each as its
//!   row number, then `1` and the request or `0` and the errors, then its warnings (a list of
//!   errors, `0` when there are none); then `1` and the summary's four
//!   counts, or `0`; then the batch's errors. An outcome is `1` and a request or `0` and errors;
//!   a list of errors is the errors. A field rule's result is its [`Shape`] and its fields in
//!   their order, or [`Shape::Failure`], the error's code, message and params, and the
//!   suggestion (an optional string).

use wasm_bindgen::prelude::*;

use crate::error::{ErrorCode, FieldError};
use crate::lang::Lang;
use crate::payload::{BatchSummary, ContactError, Request, RowResult};

#[wasm_bindgen(module = "/src/wasm/tape.js")]
extern "C" {
    /// Builds the JS value of a tape, `null` if it cannot (it catches what it throws itself:
    /// a tag it does not know).
    /// Not a `catch` import: that one's wrapper cost 0.1 – 0.4 ms more on every cold start,
    /// and the glue around it only decodes `text`, which [`MAX_TEXT`] keeps in JS's limits.
    #[wasm_bindgen(js_name = readTape)]
    fn read_tape(words: &[u32], text: &str) -> JsValue;
    /// The result of a tape of `kind` that could not be built, failed with the error `code`
    /// and `message` (and a report's `summary`, its four counts, when not empty).
    #[wasm_bindgen(js_name = internalError)]
    fn internal_error(kind: u32, code: &str, message: &str, summary: &[u32]) -> JsValue;
}

include!("tape_spec.rs");

/// The TypeScript types of errors and of the field functions' results, generated from
/// `tape_spec.rs` and `crate::codes` (`generate.rs`).
#[wasm_bindgen(typescript_custom_section)]
const TS_RESULTS: &str = include_str!("results.d.ts");

/// Makes, from [`tape_spec!`], the enums of the tape's tags and each field rule's writer.
macro_rules! declare_tape {
    (
        kinds { $($(#[doc = $kind_doc:literal])* $kind:ident = $kind_word:literal,)* }
        tags { $($(#[doc = $tag_doc:literal])* $tag:ident = $tag_word:literal,)* }
        flags { $($(#[doc = $flag_doc:literal])* $flag:ident = $flag_word:literal,)* }
        failure = $failure:literal;
        shapes { $(
            $(#[doc = $shape_doc:literal])*
            $shape:ident = $shape_word:literal, $module:ident :: $ty:ident, $failing:ident {
                $($(#[doc = $field_doc:literal])* $field:ident : $field_kind:ident $(($ts:literal))?,)*
            }
        )* }
    ) => {
        /// What a tape holds: its first word.
        #[derive(Clone, Copy)]
        #[repr(u32)]
        enum Kind { $($(#[doc = $kind_doc])* $kind = $kind_word,)* }

        /// The kind of a value of `params`.
        #[derive(Clone, Copy)]
        #[repr(u32)]
        enum Tag { $($(#[doc = $tag_doc])* $tag = $tag_word,)* }

        /// The flags of a string's word (its length or index is shifted left by 2).
        #[derive(Clone, Copy)]
        #[repr(u32)]
        enum Flag { $($(#[doc = $flag_doc])* $flag = $flag_word,)* }

        /// A field rule's result: its first word after the kind.
        #[derive(Clone, Copy)]
        #[repr(u32)]
        pub(crate) enum Shape {
            /// `{ ok: false, error, suggestion? }`.
            Failure = $failure,
            $($(#[doc = $shape_doc])* $shape = $shape_word,)*
        }

        $(
            impl FieldValue for crate::$module::$ty {
                const SHAPE: Shape = Shape::$shape;
                fn write(&self, tape: &mut Tape) {
                    $(write_field!(tape, self.$field, $field_kind);)*
                }
            }
        )*
    };
}

/// Writes one field of a value, as its kind in [`tape_spec!`] says.
macro_rules! write_field {
    ($tape:ident, $value:expr, text) => {
        $tape.string(&$value, false)
    };
    ($tape:ident, $value:expr, count) => {
        $tape.words.push(u32::from($value))
    };
    ($tape:ident, $value:expr, nullable) => {
        $tape.optional($value.as_deref())
    };
    ($tape:ident, $value:expr, omitted) => {
        $tape.optional($value.as_deref())
    };
    ($tape:ident, $value:expr, name) => {
        $tape.string($value.as_str(), false)
    };
}

tape_spec!(declare_tape);

/// A field rule's value, as `tape.js` builds `{ ok: true, ...value }`: the keys are in
/// `tape.js`, generated with this writer from [`tape_spec!`] (`tape_spec.rs`).
pub(crate) trait FieldValue {
    /// Which shape it is.
    const SHAPE: Shape;
    /// Writes the values, in the order of the fields.
    fn write(&self, tape: &mut Tape);
}

/// The result of a tape of `kind` that could not be built (a bug of contactkit's own): the
/// same shape, failed with `internal_error` at the path of the contact itself.
#[cold]
#[inline(never)]
fn internal(kind: Kind, lang: Lang, summary: Option<BatchSummary>) -> JsValue {
    let error = FieldError::new(ErrorCode::InternalError, lang);
    let counts = summary.map(|s| [s.total, s.valid, s.invalid, s.duplicates]);
    let counts = counts
        .unwrap_or_default()
        .map(|n| u32::try_from(n).unwrap_or(u32::MAX));
    let counts = if summary.is_some() { &counts[..] } else { &[] };
    internal_error(kind as u32, error.code.as_str(), &error.message, counts)
}

/// How many recent strings a tape keeps (see [`Tape::recent`]).
const RECENT: usize = 8;

/// The longest text a tape hands to JS, in bytes: V8's longest string, in UTF-16 units (each
/// at least one UTF-8 byte; the batch limits keep a report far below it). Over it, the result
/// is `internal_error`. Below it, every string's length shifted left by 2 fits a word.
const MAX_TEXT: usize = (1 << 29) - 24;

/// Where a report's count of results goes: after its kind.
const RESULTS_AT: usize = 1;

/// A tape being written.
pub(crate) struct Tape {
    words: Vec<u32>,
    text: String,
    /// How many strings `tape.js` has kept so far.
    kept: u32,
    /// Names fixed in contactkit's code (error codes, params' and headers' names, methods) by
    /// address and length, with their kept strings.
    names: Vec<(usize, usize, u32)>,
    /// Strings that often repeat from one result to the next (URLs, header values, fields),
    /// with their kept strings: at most [`RECENT`], the oldest replaced first.
    recent: Vec<(String, u32)>,
    /// Where the next recent string goes once `recent` is full.
    next_recent: usize,
    /// How many results a report has (its word after the kind, [`RESULTS_AT`]).
    results: u32,
    /// A count did not fit a word, or a value had no JSON: the result is then `null`.
    failed: bool,
    /// Whether names are written once and then referred to ([`Tape::name`]); not in a field
    /// rule's tape, where each name comes once at most.
    shares_names: bool,
}

impl Tape {
    /// A tape of `kind`, with room for `words` words and `text` bytes of text.
    fn new(kind: Kind, words: usize, text: usize) -> Self {
        let mut first = Vec::with_capacity(words.max(1));
        first.push(kind as u32);
        Tape {
            words: first,
            text: String::with_capacity(text),
            kept: 0,
            names: Vec::new(),
            recent: Vec::new(),
            next_recent: 0,
            results: 0,
            failed: false,
            shares_names: !matches!(kind, Kind::Field),
        }
    }

    /// A report: [`Tape::row`] adds each result, and [`Tape::finish_report`] ends it.
    pub(crate) fn report() -> Self {
        let mut tape = Tape::new(Kind::Report, 2, 0);
        tape.words.push(0); // the count of results, at RESULTS_AT
        tape
    }

    /// Room for `rows` more results (about 24 words and 128 bytes of text for each, an error
    /// with its message or a request); grown if need be.
    pub(crate) fn reserve(&mut self, rows: usize) {
        let rows = rows.min(100_000);
        self.words.reserve(rows * 24);
        self.text.reserve(rows * 128);
    }

    /// `{ ok: true, request }` or `{ ok: false, errors }`.
    pub(crate) fn outcome(result: &Result<Request, Vec<ContactError>>, lang: Lang) -> JsValue {
        let mut tape = Tape::new(Kind::Outcome, 16, 0);
        tape.result(result);
        tape.into_js()
            .unwrap_or_else(|| internal(Kind::Outcome, lang, None))
    }

    /// A field rule's `{ ok: true, ...value }`, or `{ ok: false, error }` with the
    /// `suggestion` when there is one. `lang` is asked for only when the result cannot be
    /// built (then `internal_error`).
    pub(crate) fn field<T: FieldValue>(
        result: &Result<T, FieldError>,
        suggestion: Option<&str>,
        lang: &dyn Fn() -> Lang,
    ) -> JsValue {
        // Room for a phone number's result, or an error with a few params: one allocation each,
        // and no code to grow them compiled on a page's first call.
        let mut tape = Tape::new(Kind::Field, 32, 128);
        match result {
            Ok(value) => {
                tape.words.push(T::SHAPE as u32);
                value.write(&mut tape);
            }
            Err(error) => {
                tape.words.push(Shape::Failure as u32);
                tape.error(error);
                tape.optional(suggestion);
            }
        }
        tape.into_js()
            .unwrap_or_else(|| internal(Kind::Field, lang(), None))
    }

    /// An array of errors.
    pub(crate) fn errors(errors: &[ContactError], lang: Lang) -> JsValue {
        let mut tape = Tape::new(Kind::Errors, 16, 0);
        tape.error_list(errors);
        tape.into_js()
            .unwrap_or_else(|| internal(Kind::Errors, lang, None))
    }

    /// Adds a row's `{ row, ok, request | errors, warnings? }` to the report.
    pub(crate) fn row(&mut self, row: &RowResult) {
        self.results += 1;
        self.count(row.row);
        self.result(&row.result);
        self.error_list(&row.warnings);
    }

    /// Ends the report with the summary (when given) and the errors, and builds it.
    pub(crate) fn finish_report(
        mut self,
        summary: Option<BatchSummary>,
        errors: &[ContactError],
        lang: Lang,
    ) -> JsValue {
        self.words[RESULTS_AT] = self.results;
        match summary {
            Some(s) => {
                self.words.push(1);
                for n in [s.total, s.valid, s.invalid, s.duplicates] {
                    self.count(n);
                }
            }
            None => self.words.push(0),
        }
        self.error_list(errors);
        self.into_js()
            .unwrap_or_else(|| internal(Kind::Report, lang, summary))
    }

    /// The JS value of the tape; `None` when it cannot be built: a count did not fit a word, the
    /// text is over [`MAX_TEXT`], or `tape.js` met a tag it does not know (a bug of ours).
    fn into_js(self) -> Option<JsValue> {
        if self.failed || self.text.len() > MAX_TEXT {
            return None;
        }
        let value = read_tape(&self.words, &self.text);
        (!value.is_null()).then_some(value)
    }

    /// A count or a row number (a `usize`, which is a `u32` in Wasm).
    fn count(&mut self, n: usize) {
        match u32::try_from(n) {
            Ok(n) => self.words.push(n),
            Err(_) => self.failed = true,
        }
    }

    /// A string `tape.js` cuts from the text and, when `keep`, keeps as its next one.
    fn string(&mut self, s: &str, keep: bool) {
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.chars().map(char::len_utf16).sum()
        };
        // Truncated only past MAX_TEXT, where into_js gives `null` without reading the words.
        let flag = if keep { Flag::Keep as u32 } else { 0 };
        self.words.push(((units as u32) << 2) | flag);
        self.text.push_str(s);
        if keep {
            self.kept += 1;
        }
    }

    /// Writes `s` for `tape.js` to keep, and gives its index among the kept strings.
    fn keep(&mut self, s: &str) -> u32 {
        let index = self.kept;
        self.string(s, true);
        index
    }

    /// The kept string `index` again.
    fn kept_again(&mut self, index: u32) {
        self.words.push((index << 2) | Flag::Again as u32);
    }

    /// A name fixed in contactkit's code: written once per tape, then referred to. A field
    /// rule's tape has each name once at most: it writes them as they are (and a page's first
    /// error compiles no code to grow the list of names).
    fn name(&mut self, s: &'static str) {
        if !self.shares_names {
            return self.string(s, false);
        }
        let key = (s.as_ptr() as usize, s.len());
        match self.names.iter().find(|(at, len, _)| (*at, *len) == key) {
            Some(&(_, _, index)) => self.kept_again(index),
            None => {
                let index = self.keep(s);
                self.names.push((key.0, key.1, index));
            }
        }
    }

    /// A string that is often the same as in one of the last few results: referred to when
    /// it is, written and kept when not.
    fn recent(&mut self, s: &str) {
        if let Some(&(_, index)) = self.recent.iter().find(|(r, _)| r == s) {
            return self.kept_again(index);
        }
        let entry = (s.to_string(), self.keep(s));
        if self.recent.len() < RECENT {
            self.recent.push(entry);
        } else {
            self.recent[self.next_recent] = entry;
            self.next_recent = (self.next_recent + 1) % RECENT;
        }
    }

    /// The success flag, then the request or the errors.
    fn result(&mut self, result: &Result<Request, Vec<ContactError>>) {
        match result {
            Ok(request) => {
                self.words.push(1);
                self.request(request);
            }
            Err(errors) => {
                self.words.push(0);
                self.error_list(errors);
            }
        }
    }

    /// `{ method, url, headers, body }`: the strings, with the count of headers before them.
    fn request(&mut self, request: &Request) {
        self.name(request.method.as_str());
        self.recent(&request.url);
        self.count(request.headers.len());
        for (name, value) in request.headers.iter() {
            self.name(name);
            self.recent(value);
        }
        self.string(&request.body, false);
    }

    /// `[{ field, code, message, params }]`: the count, then each error.
    fn error_list(&mut self, errors: &[ContactError]) {
        self.count(errors.len());
        for e in errors {
            self.recent(&e.field);
            self.error(&e.error);
        }
    }

    /// `{ code, message, params }`.
    fn error(&mut self, error: &FieldError) {
        self.name(error.code.as_str());
        self.string(&error.message, false);
        self.count(error.params.len());
        for (name, value) in error.params.iter() {
            self.name(name);
            self.value(value);
        }
    }

    /// A string, or `null`.
    fn optional(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s, false),
            None => self.words.push(Flag::Null as u32),
        }
    }

    /// A value of `params`, as `FieldError`'s `Serialize` writes it.
    fn value(&mut self, value: &serde_json::Value) {
        use serde_json::Value;
        if let Some(n) = value.as_u64().and_then(|n| u32::try_from(n).ok()) {
            self.words.extend([Tag::Number as u32, n]);
            return;
        }
        match value {
            Value::String(s) => {
                self.words.push(Tag::Text as u32);
                self.string(s, false);
            }
            Value::Array(items) => {
                self.words.push(Tag::List as u32);
                self.count(items.len());
                for item in items {
                    self.value(item);
                }
            }
            other => {
                self.words.push(Tag::Json as u32);
                match serde_json::to_string(other) {
                    Ok(json) => self.string(&json, false),
                    Err(_) => self.failed = true,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::payload::BatchValidator;
    use crate::{country, email, linkedin, locale, phone, timezone};
    use serde_json::{json, Value};
    use wasm_bindgen_test::wasm_bindgen_test;

    /// `JSON.stringify` of what `tape.js` built.
    fn js_text(value: &JsValue) -> String {
        super::super::stringify(value).unwrap_or_default()
    }

    /// `JSON.stringify` of what `JSON.parse` builds from serde_json's text of `value` (the way
    /// results crossed before the tape): the same text as [`js_text`] means the same keys in the
    /// same order and the same values, numbers past 2^53 rounded alike.
    fn via_json(value: &Value) -> String {
        via_text(&value.to_string())
    }

    /// [`via_json`] of JSON text.
    fn via_text(json: &str) -> String {
        let parsed = js_sys::JSON::parse(json).unwrap_or(JsValue::NULL);
        js_text(&parsed)
    }

    /// Strings that need escapes in JSON, are not ASCII (lengths in UTF-16 differ from UTF-8's),
    /// or are empty.
    const TRICKY: [&str; 13] = [
        "Ana",
        "",
        "José Ñúñez 李",
        "say \"hi\"",
        "back\\slash",
        "tab\there",
        "line\nbreak\r",
        "\u{1}\u{1f}\u{7f}\u{80}",
        "exactly8",
        "a \u{0} in the middle",
        "\u{2028}\u{2029} and emoji 🎉",
        "😀😀😀",
        "{\"phone_number\":\"+34612345678\"}",
    ];

    fn rows() -> Vec<Value> {
        let mut rows = Vec::new();
        for (i, t) in TRICKY.iter().enumerate() {
            rows.push(
                json!({"phone_number": format!("+34 6123456{i:02}"), "full_name": t, "country": t}),
            );
            rows.push(json!({"phone_number": t, "full_name": t, "email": t, (*t): 1}));
            rows.push(json!({"phone_number": format!("+34 6123457{i:02}"), "full_name": t, "description": t, "additional_data": [{"type": "text", "field": t, "value": t}]}));
            rows.push(json!({"full_name": t, "email": format!("a{i}@example.com"), "linkedin_profile": t, "metadata": {"k": t, "n": [1.5, -2, null]}}));
            rows.push(json!({"full_name": t, "email": format!("b{i}@example.com"), "linkedin_profile": format!("linkedin.com/in/user-{i}"), "company": t, "metadata": {(*t): t}}));
        }
        rows.push(json!("not a row"));
        rows
    }

    #[wasm_bindgen_test]
    fn reports_and_outcomes_are_what_serde_writes() {
        let rows = rows();
        for opts in [
            json!({"target": "contactship", "apiKey": "k\"ey", "baseUrl": "https://x.test/a"}),
            json!({"target": "contactship", "lang": "es", "countryFormat": "alpha2"}),
            json!({"target": "sdr_agent", "bearerToken": "t", "importId": "7c9e6679-7425-40de-944b-e07fc1f90ae7"}),
            json!({"target": "nope", "lang": "es"}),
        ] {
            let mut v = BatchValidator::from_json(&opts);
            let mut tape = Tape::report();
            let mut results = Vec::new();
            // Twice: the second time every row is a duplicate or fails again.
            for row in rows.iter().chain(&rows) {
                let result = v.validate_row(row);
                tape.row(&result);
                let alone = Tape::outcome(&result.result, Lang::En);
                let serde = match &result.result {
                    Ok(request) => json!({"ok": true, "request": request}),
                    Err(errors) => json!({"ok": false, "errors": errors}),
                };
                assert_eq!(js_text(&alone), via_json(&serde), "{opts} {row}");
                results.push(result);
            }
            assert!(v.summary().valid >= TRICKY.len() - 2 || opts["target"] == "nope");
            let summary = v.summary();
            let report = tape.finish_report(Some(summary), v.errors(), Lang::En);
            let serde = json!({"results": results, "summary": summary, "errors": v.errors()});
            assert_eq!(js_text(&report), via_json(&serde), "{opts}");

            let mut chunk = Tape::report();
            results.iter().take(3).for_each(|r| chunk.row(r));
            let serde = json!({"results": &results[..3], "errors": v.errors()});
            assert_eq!(
                js_text(&chunk.finish_report(None, v.errors(), Lang::En)),
                via_json(&serde)
            );
            let errors = Tape::errors(v.errors(), Lang::En);
            assert_eq!(js_text(&errors), via_json(&json!(v.errors())));
        }
    }

    #[wasm_bindgen_test]
    fn an_unknown_tag_is_an_internal_error_not_a_wrong_object() {
        // A kind, a field rule's shape, and a param's tag that `tape.js` does not know.
        let mut kind = Tape::new(Kind::Field, 1, 0);
        kind.words[0] = 99;
        let mut shape = Tape::new(Kind::Field, 1, 0);
        shape.words.push(99);
        let mut tag = Tape::new(Kind::Errors, 8, 8);
        tag.count(1);
        for s in ["phone_number", "empty", "m", "x"] {
            tag.string(s, false);
        }
        tag.words.push(99);
        for tape in [kind, shape, tag] {
            assert!(tape.into_js().is_none());
        }
        // What each kind of tape gives then: its own shape, failed with internal_error.
        let message = FieldError::new(ErrorCode::InternalError, Lang::Es).message;
        let error = format!(r#""code":"internal_error","message":"{message}","params":{{}}"#);
        let summary = BatchSummary {
            total: 3,
            valid: 1,
            invalid: 2,
            duplicates: 1,
        };
        let cases = [
            (
                Kind::Field,
                None,
                format!(r#"{{"ok":false,"error":{{{error}}}}}"#),
            ),
            (
                Kind::Outcome,
                None,
                format!(r#"{{"ok":false,"errors":[{{"field":"",{error}}}]}}"#),
            ),
            (Kind::Errors, None, format!(r#"[{{"field":"",{error}}}]"#)),
            (
                Kind::Report,
                None,
                format!(r#"{{"results":[],"errors":[{{"field":"",{error}}}]}}"#),
            ),
            (
                Kind::Report,
                Some(summary),
                format!(
                    r#"{{"results":[],"summary":{{"total":3,"valid":1,"invalid":2,"duplicates":1}},"errors":[{{"field":"",{error}}}]}}"#
                ),
            ),
        ];
        for (kind, summary, expected) in cases {
            assert_eq!(js_text(&internal(kind, Lang::Es, summary)), expected);
        }
    }

    #[wasm_bindgen_test]
    fn every_kind_of_param_is_what_serde_writes() {
        let values = [
            json!("text"),
            json!(""),
            json!("é😀\"\n"),
            json!(0),
            json!(7),
            json!(u32::MAX),
            json!(u64::from(u32::MAX) + 1),
            json!(u64::MAX),
            json!(-1),
            json!(i64::MIN),
            json!(1.5),
            json!(-0.25),
            json!(true),
            json!(false),
            json!(null),
            json!([]),
            json!([1, "two", [3, [4.5]], null, {"k": "v"}]),
            json!({"b": 1, "a": ["x"], "__proto__": 2}),
        ];
        let mut errors = Vec::new();
        for (i, value) in values.iter().enumerate() {
            let mut params = crate::Params::new();
            params.insert("value", value.clone());
            params.insert("max", json!(i));
            let code = [ErrorCode::TooLong, ErrorCode::Required, ErrorCode::TooLong][i % 3];
            errors.push(ContactError {
                field: TRICKY[i % TRICKY.len()].to_string(),
                error: FieldError::with_params(code, params, Lang::Es),
            });
            let tape = Tape::errors(&errors, Lang::En);
            assert_eq!(js_text(&tape), via_json(&json!(errors)), "{value}");
        }
        let none: Result<Request, Vec<ContactError>> = Err(Vec::new());
        assert_eq!(
            js_text(&Tape::outcome(&none, Lang::En)),
            r#"{"ok":false,"errors":[]}"#
        );
    }

    /// What a field rule's result was as `JSON.parse` of serde_json's text (before the tape):
    /// `{"ok":true,...value}`, or `{"ok":false,"error":...}` with the suggestion when there is
    /// one; the tape's result must `JSON.stringify` the same.
    fn field_is_what_serde_writes<T: FieldValue + serde::Serialize>(
        result: Result<T, FieldError>,
        suggestion: Option<String>,
        case: &str,
    ) {
        let serde = match &result {
            Ok(value) => {
                let fields = serde_json::to_string(value).unwrap_or_default();
                format!(
                    "{{\"ok\":true,{}",
                    fields.strip_prefix('{').unwrap_or_default()
                )
            }
            Err(error) => {
                let error = serde_json::to_string(error).unwrap_or_default();
                let suggestion = suggestion
                    .as_ref()
                    .map(|s| format!(",\"suggestion\":{}", Value::from(s.as_str())))
                    .unwrap_or_default();
                format!("{{\"ok\":false,\"error\":{error}{suggestion}}}")
            }
        };
        let tape = Tape::field(&result, suggestion.as_deref(), &Lang::default);
        assert_eq!(js_text(&tape), via_text(&serde), "{case}");
    }

    /// [`field_is_what_serde_writes`] of a rule on [`TRICKY`] and `inputs`; how many results
    /// are valid.
    fn rule_is_what_serde_writes<O, T: FieldValue + serde::Serialize>(
        rule: fn(&str, &O) -> Result<T, FieldError>,
        options: &O,
        inputs: &[&str],
    ) -> usize {
        let mut oks = 0;
        for input in TRICKY.iter().chain(inputs) {
            let result = rule(input, options);
            oks += usize::from(result.is_ok());
            field_is_what_serde_writes(result, None, input);
        }
        oks
    }

    #[wasm_bindgen_test]
    fn field_results_are_what_serde_writes() {
        use crate::lang::FieldOptions;
        let mut oks = 0;
        for lang in [Lang::En, Lang::Es] {
            let o = FieldOptions::new(lang);
            for country in [None, Some("US"), Some("ES"), Some("XX")] {
                let opts = phone::PhoneOptions {
                    default_country: country.map(str::to_string),
                    lang,
                };
                let numbers = [
                    "+1 212-456-7890 ext. 12",
                    "(212) 456-7890",
                    "612 34 56 78",
                    "+800 1234 5678",
                    "+44 20 7946 0958",
                    "+1 212",
                    "+1 212 456 7890 1234 5678",
                    "+999 123",
                ];
                oks += rule_is_what_serde_writes(phone::normalize, &opts, &numbers);
            }
            for input in TRICKY.iter().copied().chain([
                "José.Pérez@Bücher.DE",
                "ana@gmial.com",
                "ana@gmial",
                "mailto:ana@example.com",
                "ana@",
            ]) {
                let result = email::normalize(input, &o);
                oks += usize::from(result.is_ok());
                let suggestion = result.is_err().then(|| email::suggest(input)).flatten();
                field_is_what_serde_writes(result, suggestion, input);
            }
            oks += rule_is_what_serde_writes(
                linkedin::normalize,
                &o,
                &[
                    "linkedin.com/in/José-Pérez",
                    "https://www.linkedin.com/company/acme/",
                    "linkedin.com/school/mit",
                    "https://example.com/in/ana",
                ],
            );
            let locales = ["en-us", "zh-hant-tw", "es", "xx-YY"];
            oks += rule_is_what_serde_writes(locale::normalize, &o, &locales);
            let zones = ["US/Eastern", "Europe/Madrid", "utc"];
            oks += rule_is_what_serde_writes(timezone::normalize, &o, &zones);
            let countries = ["mx", "Spain", "ESP", "Congo"];
            oks += rule_is_what_serde_writes(country::normalize, &o, &countries);
        }
        // Both outcomes of every rule were built (the valid inputs above are valid).
        assert!(oks >= 2 * (4 + 3 + 3 + 3 + 3 + 3), "{oks} valid results");
    }
}
