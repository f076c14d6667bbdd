//! Many contacts at once: each row's request or errors, and duplicates inside the batch flagged
//! by the key each API rejects with `409 Conflict` (Contactship: the E.164 phone number; SDR
//! Agent: the normalized email, compared case-insensitively).
//!
//! [`BatchValidator`] keeps only the keys it has seen and the counts between calls, so a Web
//! Worker (or a server streaming a file) can validate 100,000 rows in chunks and report
//! progress; [`validate_contacts`] is the one-call form.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::fmt;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;

use super::common::{finish_row, Built, Errors};
use super::contactship::{Contactship, CountryCache};
use super::json::{parse_row, Row};
use super::sdr_agent::SdrAgent;
use super::{ContactError, ContactshipOptions, Request, SdrAgentOptions};
use crate::error::ErrorCode;
use crate::lang::Lang;
use crate::params;

/// Which API a batch is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// Contactship `POST /v1/contacts`.
    Contactship,
    /// SDR Agent `POST /contacts/`.
    SdrAgent,
}

/// Options of a batch: the target API and that API's options. In JSON (and JS):
/// `{"target": "contactship" | "sdr_agent", ...that API's options}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchOptions {
    /// Rows for Contactship.
    Contactship(ContactshipOptions),
    /// Rows for the SDR Agent.
    SdrAgent(SdrAgentOptions),
}

impl BatchOptions {
    /// The target API.
    pub fn target(&self) -> Target {
        match self {
            BatchOptions::Contactship(_) => Target::Contactship,
            BatchOptions::SdrAgent(_) => Target::SdrAgent,
        }
    }

    /// Reads `{"target": ..., ...options}`; errors on `options.<name>`.
    pub fn from_json(v: &Value) -> Result<Self, Vec<ContactError>> {
        let (opts, errs, _) = Self::from_json_lenient(v);
        match opts {
            Some(o) if errs.is_empty() => Ok(o),
            _ => Err(errs),
        }
    }

    /// What can be read, with the errors and the message language; `None` when the target is
    /// missing or unknown.
    fn from_json_lenient(v: &Value) -> (Option<Self>, Vec<ContactError>, Lang) {
        let lang = v
            .get("lang")
            .and_then(Value::as_str)
            .and_then(Lang::parse)
            .unwrap_or_default();
        let mut errs = Errors::new(lang);
        let target = match v.get("target") {
            Some(Value::String(t)) => match t.trim() {
                "contactship" => Some(Target::Contactship),
                "sdr_agent" => Some(Target::SdrAgent),
                other => {
                    let shown = super::common::shown_key(other);
                    errs.push(
                        "options.target",
                        ErrorCode::UnknownTarget,
                        params! {"target" => shown},
                    );
                    None
                }
            },
            None | Some(Value::Null) if v.is_object() || v.is_null() => {
                errs.push("options.target", ErrorCode::Required, Default::default());
                None
            }
            Some(other) => {
                super::common::type_mismatch(&mut errs, "options.target", "string", other);
                None
            }
            None => None,
        };
        let opts = match target {
            Some(Target::Contactship) => {
                let (o, e) = ContactshipOptions::from_json_lenient(v, &["target"]);
                errs.list.extend(e.list);
                Some(BatchOptions::Contactship(o))
            }
            Some(Target::SdrAgent) => {
                let (o, e) = SdrAgentOptions::from_json_lenient(v, &["target"]);
                errs.list.extend(e.list);
                Some(BatchOptions::SdrAgent(o))
            }
            None => {
                if !v.is_object() && !v.is_null() {
                    super::common::type_mismatch(&mut errs, "options", "object", v);
                }
                None
            }
        };
        (opts, errs.list, lang)
    }
}

/// One row's outcome: its 0-based index in the whole batch, and its request or its errors.
///
/// Serialized as `{"row", "ok": true, "request"}` or `{"row", "ok": false, "errors"}`.
#[derive(Debug, Clone, PartialEq)]
pub struct RowResult {
    /// 0-based index of the row in the batch (continuing across [`BatchValidator::validate`]
    /// calls).
    pub row: usize,
    /// The request to send, or every problem of the row.
    pub result: Result<Request, Vec<ContactError>>,
}

impl Serialize for RowResult {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("row", &self.row)?;
        m.serialize_entry("ok", &self.result.is_ok())?;
        match &self.result {
            Ok(request) => m.serialize_entry("request", request)?,
            Err(errors) => m.serialize_entry("errors", errors)?,
        }
        m.end()
    }
}

impl RowResult {
    /// Appends the row's JSON to `out`: the same bytes as `serde_json::to_writer` (see
    /// [`write_request_json`]).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        out.extend_from_slice(b"{\"row\":");
        serde_json::to_writer(&mut *out, &self.row)?;
        match &self.result {
            Ok(request) => {
                out.extend_from_slice(b",\"ok\":true,\"request\":");
                write_request_json(out, request)?;
            }
            Err(errors) => {
                out.extend_from_slice(b",\"ok\":false,\"errors\":");
                write_errors_json(out, errors)?;
            }
        }
        out.push(b'}');
        Ok(())
    }
}

/// Appends a request's JSON to `out`: the same bytes as `serde_json::to_writer`, which writes
/// every string that needs an escape; the others are copied as they are. (Through serde, each
/// string goes through its escaping writer, and each error through `flatten`'s map: the JSON of
/// a batch's results cost about a fifth of the call.)
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn write_request_json(out: &mut Vec<u8>, request: &Request) -> serde_json::Result<()> {
    out.extend_from_slice(b"{\"method\":");
    json_str(out, request.method.as_str());
    out.extend_from_slice(b",\"url\":");
    json_str(out, &request.url);
    out.extend_from_slice(b",\"headers\":{");
    for (i, (name, value)) in request.headers.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        json_str(out, name);
        out.push(b':');
        json_str(out, value);
    }
    out.extend_from_slice(b"},\"body\":");
    json_str(out, &request.body);
    out.push(b'}');
    Ok(())
}

/// Appends a list of errors' JSON to `out`, as [`write_request_json`] does.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn write_errors_json(
    out: &mut Vec<u8>,
    errors: &[ContactError],
) -> serde_json::Result<()> {
    out.push(b'[');
    for (i, e) in errors.iter().enumerate() {
        out.extend_from_slice(if i > 0 {
            b",{\"field\":"
        } else {
            b"{\"field\":"
        });
        json_str(out, &e.field);
        out.extend_from_slice(b",\"code\":");
        json_str(out, e.error.code.as_str());
        out.extend_from_slice(b",\"message\":");
        json_str(out, &e.error.message);
        out.extend_from_slice(b",\"params\":");
        serde_json::to_writer(&mut *out, &e.error.params)?;
        out.push(b'}');
    }
    out.push(b']');
    Ok(())
}

/// A string as JSON, escaped as serde_json escapes it: `"` and `\` after a backslash, the
/// control characters U+0000–U+001F as `\b`, `\t`, `\n`, `\f`, `\r` or `\u00xx`, everything
/// else as it is. (serde_json's writer is compiled at opt-level "z" with the other dependencies,
/// and every request's body, JSON text full of quotes, went through it.)
fn json_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    let mut start = 0;
    for (i, &c) in b.iter().enumerate() {
        let short = match c {
            b'"' => b'"',
            b'\\' => b'\\',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0x08 => b'b',
            0x0c => b'f',
            0..=0x1f => b'u',
            _ => continue,
        };
        out.extend_from_slice(&b[start..i]);
        out.extend_from_slice(&[b'\\', short]);
        if short == b'u' {
            let hex = [
                b'0',
                b'0',
                HEX[usize::from(c >> 4)],
                HEX[usize::from(c & 0xf)],
            ];
            out.extend_from_slice(&hex);
        }
        start = i + 1;
    }
    out.extend_from_slice(&b[start..]);
    out.push(b'"');
}

/// Counts over the rows validated so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct BatchSummary {
    /// Rows validated.
    pub total: usize,
    /// Rows with a request.
    pub valid: usize,
    /// Rows with errors (duplicates included).
    pub invalid: usize,
    /// Rows repeating the key of an earlier row (each also counted as invalid).
    pub duplicates: usize,
}

/// The outcome of [`validate_contacts`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BatchReport {
    /// One result per row, in order.
    pub results: Vec<RowResult>,
    /// The counts.
    pub summary: BatchSummary,
    /// Problems of the batch itself (its options); when there are any, every row fails with
    /// them too.
    pub errors: Vec<ContactError>,
}

enum Api {
    Contactship(Contactship, CountryCache),
    SdrAgent(SdrAgent),
}

/// Validates rows in chunks, remembering the keys seen so that duplicates across chunks are
/// found. Holds nothing else between calls but the counts.
///
/// Options are checked once, when it is made. Invalid options never panic: they are listed by
/// [`BatchValidator::errors`] and every row then fails with them (plus its own field errors).
pub struct BatchValidator {
    api: Option<Api>,
    lang: Lang,
    option_errors: Vec<ContactError>,
    seen: HashMap<String, usize>,
    summary: BatchSummary,
}

impl fmt::Debug for BatchValidator {
    /// Shows the target and counts, never the credentials.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let target = match &self.api {
            Some(Api::Contactship(..)) => Some(Target::Contactship),
            Some(Api::SdrAgent(_)) => Some(Target::SdrAgent),
            None => None,
        };
        f.debug_struct("BatchValidator")
            .field("target", &target)
            .field("option_errors", &self.option_errors.len())
            .field("keys_seen", &self.seen.len())
            .field("summary", &self.summary)
            .finish()
    }
}

impl BatchValidator {
    /// A validator for `opts`, its options checked once.
    pub fn new(opts: &BatchOptions) -> Self {
        Self::with_errors(Some(opts), Vec::new())
    }

    /// A validator for options given as JSON (`{"target": "sdr_agent", "apiKey": ...}`); never
    /// fails: problems are in [`BatchValidator::errors`].
    pub fn from_json(opts: &Value) -> Self {
        let (opts, errs, lang) = BatchOptions::from_json_lenient(opts);
        let mut v = Self::with_errors(opts.as_ref(), errs);
        v.lang = lang;
        v
    }

    /// A validator whose options could not even be read; every row fails with `error`.
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn from_json_error(error: ContactError) -> Self {
        Self::with_errors(None, vec![error])
    }

    fn with_errors(opts: Option<&BatchOptions>, mut option_errors: Vec<ContactError>) -> Self {
        let lang = opts_lang(opts).unwrap_or_default();
        let mut errs = Errors::new(lang);
        let api = opts.map(|o| match o {
            BatchOptions::Contactship(c) => {
                Api::Contactship(c.prepare(&mut errs), CountryCache::default())
            }
            BatchOptions::SdrAgent(s) => Api::SdrAgent(s.prepare(&mut errs)),
        });
        option_errors.append(&mut errs.list);
        BatchValidator {
            api,
            lang,
            option_errors,
            seen: HashMap::new(),
            summary: BatchSummary::default(),
        }
    }

    /// The problems of the options (empty when they are valid).
    pub fn errors(&self) -> &[ContactError] {
        &self.option_errors
    }

    /// The language of messages.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Validates the next rows; their `row` numbers continue from the previous call.
    pub fn validate(&mut self, rows: &[Value]) -> Vec<RowResult> {
        rows.iter().map(|r| self.validate_row(r)).collect()
    }

    /// Validates the next row.
    pub fn validate_row(&mut self, row: &Value) -> RowResult {
        self.check(row, Vec::new())
    }

    /// Validates the next row given as JSON text: hostile nesting is `nesting_too_deep` on its
    /// field, never a stack overflow.
    pub fn validate_json_row(&mut self, row: &str) -> RowResult {
        self.validate_text(row, Vec::new())
    }

    /// The JS binding's entry: `broken` are fields that could not be turned into JSON.
    pub(crate) fn validate_text(&mut self, row: &str, mut broken: Vec<ContactError>) -> RowResult {
        // A row's fields are read without a `Value` built for it when it is a plain object
        // (what JSON.stringify makes of a row); anything else as before.
        if let Some(api) = &mut self.api {
            if let Some(row) = Row::read(row) {
                let mut errs = Errors::new(self.lang);
                let (built, key_field) = match api {
                    Api::Contactship(a, countries) => (
                        a.build_fields(&row.fields(), &mut errs, countries),
                        Contactship::KEY_FIELD,
                    ),
                    Api::SdrAgent(a) => (
                        a.build_fields(&row.fields(), &mut errs),
                        SdrAgent::KEY_FIELD,
                    ),
                };
                return self.finish(built, key_field, errs, broken);
            }
        }
        let (value, mut parse_broken) = parse_row(row, self.lang);
        broken.append(&mut parse_broken);
        self.check(&value, broken)
    }

    fn check(&mut self, row: &Value, broken: Vec<ContactError>) -> RowResult {
        let mut errs = Errors::new(self.lang);
        let (built, key_field) = match &mut self.api {
            Some(Api::Contactship(a, countries)) => (
                a.build_cached(row, &mut errs, countries),
                Contactship::KEY_FIELD,
            ),
            Some(Api::SdrAgent(a)) => (a.build(row, &mut errs), SdrAgent::KEY_FIELD),
            None => (
                Built {
                    request: None,
                    key: None,
                },
                "",
            ),
        };
        self.finish(built, key_field, errs, broken)
    }

    /// A row's result from what its API's builder made of it: its key checked against the
    /// earlier rows', its errors put together, the counts updated.
    fn finish(
        &mut self,
        built: Built,
        key_field: &str,
        mut errs: Errors,
        broken: Vec<ContactError>,
    ) -> RowResult {
        let index = self.summary.total;
        let mut duplicate = false;
        let Built { request, key } = built;
        if let Some(key) = key {
            match self.seen.entry(key) {
                Entry::Occupied(first) => {
                    errs.push(
                        key_field,
                        ErrorCode::Duplicate,
                        params! {"key" => first.key().as_str(), "first_row" => *first.get()},
                    );
                    duplicate = true;
                }
                Entry::Vacant(slot) => {
                    slot.insert(index);
                }
            }
        }
        let built = Built { request, key: None };
        let (result, _) = finish_row(built, errs, broken, &self.option_errors);
        self.summary.total += 1;
        if result.is_ok() {
            self.summary.valid += 1;
        } else {
            self.summary.invalid += 1;
        }
        if duplicate {
            self.summary.duplicates += 1;
        }
        RowResult { row: index, result }
    }

    /// The counts over every row validated so far.
    pub fn summary(&self) -> BatchSummary {
        self.summary
    }
}

fn opts_lang(opts: Option<&BatchOptions>) -> Option<Lang> {
    opts.map(|o| match o {
        BatchOptions::Contactship(c) => c.lang,
        BatchOptions::SdrAgent(s) => s.lang,
    })
}

/// Validates every row for the API in `opts` (see [`BatchValidator`]).
///
/// ```
/// use contactkit::payload::{validate_contacts, BatchOptions, SdrAgentOptions};
/// use serde_json::json;
///
/// let rows = vec![json!({"full_name": "Ana"}), json!("not a row")];
/// let report = validate_contacts(&rows, &BatchOptions::SdrAgent(SdrAgentOptions::default()));
/// assert_eq!(report.summary.total, 2);
/// assert_eq!(report.summary.invalid, 2);
/// ```
pub fn validate_contacts(rows: &[Value], opts: &BatchOptions) -> BatchReport {
    let mut v = BatchValidator::new(opts);
    let results = v.validate(rows);
    BatchReport {
        results,
        summary: v.summary(),
        errors: v.option_errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rows_write_the_json_serde_writes() {
        let tricky = [
            "Ana",
            "",
            "José Ñúñez 李",
            "say \"hi\"",
            "back\\slash",
            "tab\there",
            "line\nbreak\r",
            "\u{1}\u{1f}\u{7f}\u{80}",
            "exactly8",
            "sixteen bytes!!!",
            "a long text with a quote at the very end of it\"",
            "a long text with a \u{0} in the middle of it, past eight bytes",
            "\u{2028}\u{2029} and emoji 🎉",
        ];
        let mut rows = Vec::new();
        for (i, t) in tricky.iter().enumerate() {
            rows.push(
                json!({"phone_number": format!("+34 6123456{i:02}"), "full_name": t, "country": t}),
            );
            rows.push(json!({"phone_number": t, "full_name": t, "email": t, (*t): 1}));
            rows.push(json!({"phone_number": format!("+34 6123457{i:02}"), "full_name": t, "description": t, "additional_data": [{"type": "text", "field": t, "value": t}]}));
            rows.push(json!({"full_name": t, "email": format!("a{i}@example.com"), "linkedin_profile": t, "metadata": {"k": t, "n": [1.5, -2, null]}}));
            rows.push(json!({"full_name": t, "email": format!("b{i}@example.com"), "linkedin_profile": format!("linkedin.com/in/user-{i}"), "company": t, "metadata": {(*t): t}}));
        }
        rows.push(json!("not a row"));
        for opts in [
            json!({"target": "contactship", "apiKey": "k\"ey", "baseUrl": "https://x.test/a"}),
            json!({"target": "contactship", "lang": "es", "countryFormat": "alpha2"}),
            json!({"target": "sdr_agent", "bearerToken": "t", "importId": "7c9e6679-7425-40de-944b-e07fc1f90ae7"}),
            json!({"target": "nope", "lang": "es"}),
        ] {
            let mut v = BatchValidator::from_json(&opts);
            for row in rows.iter().chain(&rows) {
                let result = v.validate_row(row);
                let mut ours = Vec::new();
                result.write_json(&mut ours).unwrap();
                let serde = serde_json::to_vec(&result).unwrap();
                assert_eq!(
                    String::from_utf8(ours).unwrap(),
                    String::from_utf8(serde).unwrap()
                );
                let mut errors = Vec::new();
                write_errors_json(&mut errors, v.errors()).unwrap();
                assert_eq!(errors, serde_json::to_vec(v.errors()).unwrap());
            }
            let s = v.summary();
            assert!(s.total > 0);
            if !opts["target"].eq("nope") {
                assert!(s.valid >= tricky.len() - 2, "{opts} {s:?}");
            }
        }
    }

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        let mut texts: Vec<String> = (0u32..0x80)
            .chain([0xa0, 0xe9, 0x2028, 0xfeff, 0x1f600])
            .filter_map(char::from_u32)
            .map(|c| format!("a{c}b{c}"))
            .collect();
        texts.extend(
            [
                "",
                r#"{"phone_number":"+34612345678","full_name":"Ana \"la\" B"}"#,
                "\\\"\u{0}\u{1f}\u{7f}",
                "José Ñúñez 😀",
            ]
            .map(String::from),
        );
        for t in &texts {
            let mut ours = Vec::new();
            json_str(&mut ours, t);
            assert_eq!(ours, serde_json::to_vec(t).unwrap(), "{t:?}");
        }
    }
}
