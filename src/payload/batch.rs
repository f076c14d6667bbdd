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

use super::api::Api;
use super::common::{finish_row, Built, Errors, Field};
use super::json::Row;
use super::limits::BATCH_MAX_ROWS;
use super::{ContactError, ContactshipOptions, Request, SdrAgentOptions};
use crate::error::ErrorCode;
use crate::lang::Lang;
use crate::options::{OptionsReader, ReadOptions, Source};
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
        let (opts, errs) = Self::from_source(v);
        match opts {
            Some(o) if errs.is_empty() => Ok(o),
            _ => Err(errs.list),
        }
    }

    /// What can be read, with the errors (in the options' language); `None` when the target is
    /// missing or unknown. The target, like every value of a list, is compared trimmed and
    /// without regard to ASCII case.
    pub(crate) fn from_source(source: &(impl Source + ?Sized)) -> (Option<Self>, Errors) {
        let mut r = OptionsReader::new(source);
        let target = match r.string("target") {
            Some(t) if t.trim().eq_ignore_ascii_case("contactship") => Some(Target::Contactship),
            Some(t) if t.trim().eq_ignore_ascii_case("sdr_agent") => Some(Target::SdrAgent),
            Some(other) => {
                let shown = super::common::shown_key(other.trim());
                r.errs.push(
                    "options.target",
                    ErrorCode::UnknownTarget,
                    params! {"target" => shown},
                );
                None
            }
            None if r.is_object() && !r.given("target") => {
                r.errs
                    .push("options.target", ErrorCode::Required, Default::default());
                None
            }
            None => None,
        };
        let (opts, names): (_, &[&str]) = match target {
            Some(Target::Contactship) => (
                Some(BatchOptions::Contactship(
                    <ContactshipOptions as ReadOptions>::read(&mut r),
                )),
                &super::contactship::OPTION_NAMES,
            ),
            Some(Target::SdrAgent) => (
                Some(BatchOptions::SdrAgent(
                    <SdrAgentOptions as ReadOptions>::read(&mut r),
                )),
                &super::sdr_agent::OPTION_NAMES,
            ),
            None => (None, &[]),
        };
        let known: Vec<&str> = names.iter().copied().chain(["target"]).collect();
        // Without a target, the names cannot be checked.
        let errs = if opts.is_some() {
            r.finish(&known)
        } else {
            r.errs
        };
        (opts, errs)
    }
}

/// One row's outcome: its 0-based index in the whole batch, and its request or its errors.
///
/// Serialized as `{"row", "ok": true, "request"}` or `{"row", "ok": false, "errors"}`, with
/// `"warnings"` after them when there are any.
#[derive(Debug, Clone, PartialEq)]
pub struct RowResult {
    /// 0-based index of the row in the batch (continuing across [`BatchValidator::validate`]
    /// calls).
    pub row: usize,
    /// The request to send, or every problem of the row.
    pub result: Result<Request, Vec<ContactError>>,
    /// What is worth telling but does not make the row invalid: `email_suggestion` (the
    /// address probably meant) and `resolved_alias` (a timezone or country read through an
    /// alias or another spelling). The request is the same with or without them.
    pub warnings: Vec<ContactError>,
}

impl Serialize for RowResult {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let warned = !self.warnings.is_empty();
        let mut m = s.serialize_map(Some(3 + usize::from(warned)))?;
        m.serialize_entry("row", &self.row)?;
        m.serialize_entry("ok", &self.result.is_ok())?;
        match &self.result {
            Ok(request) => m.serialize_entry("request", request)?,
            Err(errors) => m.serialize_entry("errors", errors)?,
        }
        if warned {
            m.serialize_entry("warnings", &self.warnings)?;
        }
        m.end()
    }
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

/// Validates rows in chunks, remembering the keys seen so that duplicates across chunks are
/// found. Holds nothing else between calls but the counts.
///
/// Options are checked once, when it is made. Invalid options never panic: they are listed by
/// [`BatchValidator::errors`] and every row then fails with them (plus its own field errors).
pub struct BatchValidator {
    api: Option<Api>,
    lang: Lang,
    option_errors: Vec<ContactError>,
    /// Whether duplicates are found here, with the keys seen in `seen`
    /// ([`BatchValidator::without_duplicates`] makes one that keeps none).
    finds_duplicates: bool,
    seen: HashMap<String, usize>,
    summary: BatchSummary,
}

impl fmt::Debug for BatchValidator {
    /// Shows the target and counts, never the credentials.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let target = match &self.api {
            Some(Api::Contactship(..)) => Some(Target::Contactship),
            Some(Api::SdrAgent(..)) => Some(Target::SdrAgent),
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

    /// A validator for `opts` that finds no duplicates and keeps no keys, for a caller that
    /// compares the keys itself (across threads, or in a table of its own): each row's key
    /// comes with its result from [`BatchValidator::validate_fields`] or
    /// [`BatchValidator::validate_json_row_with_key`]. A row is then never a `duplicate`, and
    /// its request is built whatever the earlier rows were.
    ///
    /// ```
    /// use contactkit::payload::{BatchOptions, BatchValidator, SdrAgentOptions};
    ///
    /// let mut v = BatchValidator::without_duplicates(&BatchOptions::SdrAgent(SdrAgentOptions::default()));
    /// let row = [
    ///     ("full_name", "Ana"),
    ///     ("email", "Ana@Example.com"),
    ///     ("linkedin_profile", "linkedin.com/in/ana"),
    /// ];
    /// let (first, key) = v.validate_fields(&row);
    /// assert!(first.result.is_ok());
    /// assert_eq!(key.as_deref(), Some("ana@example.com"));
    /// let (again, _) = v.validate_fields(&row);
    /// assert!(again.result.is_ok());
    /// ```
    pub fn without_duplicates(opts: &BatchOptions) -> Self {
        BatchValidator {
            finds_duplicates: false,
            ..Self::new(opts)
        }
    }

    /// A validator for options given as JSON (`{"target": "sdr_agent", "apiKey": ...}`); never
    /// fails: problems are in [`BatchValidator::errors`].
    pub fn from_json(opts: &Value) -> Self {
        Self::from_source(opts)
    }

    /// [`BatchValidator::from_json`] of options from any source (the JS binding's objects).
    pub(crate) fn from_source(source: &(impl Source + ?Sized)) -> Self {
        let (opts, errs) = BatchOptions::from_source(source);
        let mut v = Self::with_errors(opts.as_ref(), errs.list);
        v.lang = errs.lang;
        v
    }

    fn with_errors(opts: Option<&BatchOptions>, mut option_errors: Vec<ContactError>) -> Self {
        let lang = opts_lang(opts).unwrap_or_default();
        let mut errs = Errors::new(lang);
        let api = opts.map(|o| match o {
            BatchOptions::Contactship(c) => Api::contactship(c, &mut errs),
            BatchOptions::SdrAgent(s) => Api::sdr_agent(s, &mut errs),
        });
        option_errors.append(&mut errs.list);
        BatchValidator {
            api,
            lang,
            option_errors,
            finds_duplicates: true,
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
        let mut errs = Errors::new(self.lang);
        let seen = &self.seen;
        let taken = |key: &str| seen.contains_key(key);
        let (built, key_field) = match &mut self.api {
            Some(api) => (api.build_value(row, &mut errs, &taken), api.key_field()),
            None => (Built::nothing(), ""),
        };
        self.finish(built, key_field, errs, Vec::new(), false).0
    }

    /// Validates the next row given as the text of each of its fields: `(name, text)` pairs
    /// under the API's field names, as a table's row has them. The answer is that of
    /// [`BatchValidator::validate_json_row`] for the JSON object of those strings (a repeated
    /// name keeps its first place and its last text, as in a JSON object), without the JSON
    /// text in between.
    ///
    /// Returns the row's key with its result: what the API deduplicates on (Contactship: the
    /// E.164 phone number; SDR Agent: the normalized email, lower-cased), whenever that field is
    /// valid, even when others are not; `None` when it is missing or invalid.
    pub fn validate_fields(&mut self, fields: &[(&str, &str)]) -> (RowResult, Option<String>) {
        let mut errs = Errors::new(self.lang);
        let seen = &self.seen;
        let taken = |key: &str| seen.contains_key(key);
        let (built, key_field) = match &mut self.api {
            Some(api) => {
                let built = if fields.len() <= MAX_LISTED_FIELDS {
                    let mut listed = [("", Field::Text("")); MAX_LISTED_FIELDS];
                    let mut len = 0;
                    for &(name, text) in fields {
                        match listed[..len].iter_mut().find(|(n, _)| *n == name) {
                            Some(slot) => slot.1 = Field::Text(text),
                            None => {
                                listed[len] = (name, Field::Text(text));
                                len += 1;
                            }
                        }
                    }
                    api.build_fields(&listed[..len], &mut errs, &taken)
                } else {
                    let object: serde_json::Map<String, Value> = fields
                        .iter()
                        .map(|&(name, text)| (name.to_string(), Value::from(text)))
                        .collect();
                    api.build_value(&Value::Object(object), &mut errs, &taken)
                };
                (built, api.key_field())
            }
            None => (Built::nothing(), ""),
        };
        self.finish(built, key_field, errs, Vec::new(), true)
    }

    /// [`BatchValidator::validate_json_row`], with the row's key as
    /// [`BatchValidator::validate_fields`] gives it.
    pub fn validate_json_row_with_key(&mut self, row: &str) -> (RowResult, Option<String>) {
        let read = if self.api.is_some() {
            Row::read(row)
        } else {
            None
        };
        self.validate_keyed(read, row, Vec::new(), true)
    }

    /// Validates the next row given as JSON text: hostile nesting is `nesting_too_deep` on its
    /// field, never a stack overflow.
    pub fn validate_json_row(&mut self, row: &str) -> RowResult {
        self.validate_text(row, Vec::new())
    }

    /// The JS binding's entry: `broken` are fields that could not be turned into JSON.
    pub(crate) fn validate_text(&mut self, row: &str, broken: Vec<ContactError>) -> RowResult {
        // A row's fields are read without a `Value` built for it when it is a plain object
        // (what JSON.stringify makes of a row); anything else as before.
        let read = if self.api.is_some() {
            Row::read(row)
        } else {
            None
        };
        self.validate_read(read, row, broken)
    }

    /// [`BatchValidator::validate_text`] of a row whose fields may already be `read` (a batch
    /// chunk's object rows are, as it is split).
    pub(crate) fn validate_read(
        &mut self,
        read: Option<Row<'_>>,
        row: &str,
        broken: Vec<ContactError>,
    ) -> RowResult {
        self.validate_keyed(read, row, broken, false).0
    }

    /// [`BatchValidator::validate_read`], with the row's key when `give_key`.
    fn validate_keyed(
        &mut self,
        read: Option<Row<'_>>,
        row: &str,
        mut broken: Vec<ContactError>,
        give_key: bool,
    ) -> (RowResult, Option<String>) {
        let mut errs = Errors::new(self.lang);
        // A duplicate's request is not built (it is never sent).
        let seen = &self.seen;
        let taken = |key: &str| seen.contains_key(key);
        let (built, key_field) = match &mut self.api {
            Some(api) => (
                api.build_text(row, read, &mut errs, &taken, &mut broken),
                api.key_field(),
            ),
            None => {
                // No builder: only the fields that cannot be read are named.
                let (_, mut parse_broken) = super::json::parse_row(row, self.lang);
                broken.append(&mut parse_broken);
                (Built::nothing(), "")
            }
        };
        self.finish(built, key_field, errs, broken, give_key)
    }

    /// A row's result from what its API's builder made of it: its key checked against the
    /// earlier rows' (unless the validator finds no duplicates), its errors put together, the
    /// counts updated; and the key, when `give_key`.
    fn finish(
        &mut self,
        built: Built,
        key_field: &str,
        mut errs: Errors,
        broken: Vec<ContactError>,
        give_key: bool,
    ) -> (RowResult, Option<String>) {
        let index = self.summary.total;
        let mut duplicate = false;
        let Built { request, mut key } = built;
        let mut given = None;
        if give_key {
            given = if self.finds_duplicates {
                key.clone()
            } else {
                key.take()
            };
        }
        if let Some(key) = key.filter(|_| self.finds_duplicates) {
            match self.seen.entry(key) {
                Entry::Occupied(first) => {
                    errs.push(
                        key_field,
                        ErrorCode::Duplicate,
                        params! {
                            "key" => first.key().as_str(),
                            "first_row" => *first.get(),
                            // For people (the message): "row 1" is the first row.
                            "first_row_number" => *first.get() + 1,
                        },
                    );
                    duplicate = true;
                }
                Entry::Vacant(slot) => {
                    slot.insert(index);
                }
            }
        }
        let built = Built { request, key: None };
        let warnings = std::mem::take(&mut errs.warnings);
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
        let row = RowResult {
            row: index,
            result,
            warnings,
        };
        (row, given)
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

/// Rows of at most this many fields are given to the builders as they are (a repeated name
/// found by a linear search); longer ones go through a JSON object.
const MAX_LISTED_FIELDS: usize = 32;

/// What is wrong with a call's rows as a whole, found before any row is validated.
pub(crate) enum RowsProblem {
    /// Not an array (or one whose length cannot be read): what it is instead.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    NotAnArray(&'static str),
    /// More than [`BATCH_MAX_ROWS`] rows.
    TooMany(usize),
    /// The rows' JSON text is over [`super::limits::BATCH_MAX_BYTES`].
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    TooLarge,
}

impl RowsProblem {
    /// The error on `rows`.
    pub fn error(self, lang: Lang) -> ContactError {
        let (code, params) = match self {
            RowsProblem::NotAnArray(got) => (
                ErrorCode::TypeMismatch,
                params! {"expected" => "array", "got" => got},
            ),
            RowsProblem::TooMany(rows) => (
                ErrorCode::TooManyRows,
                params! {"max" => BATCH_MAX_ROWS, "rows" => rows},
            ),
            RowsProblem::TooLarge => (
                ErrorCode::BatchTooLarge,
                params! {"max" => super::limits::BATCH_MAX_BYTES},
            ),
        };
        ContactError::new("rows", code, params, lang)
    }
}

/// Validates every row for the API in `opts` (see [`BatchValidator`]): at most
/// [`BATCH_MAX_ROWS`] rows, more are one `too_many_rows` error and no results (a
/// [`BatchValidator`] takes any number, a chunk at a time).
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
    if rows.len() > BATCH_MAX_ROWS {
        let e = RowsProblem::TooMany(rows.len()).error(v.lang);
        v.option_errors.push(e);
        return BatchReport {
            results: Vec::new(),
            summary: v.summary(),
            errors: v.option_errors,
        };
    }
    let results = v.validate(rows);
    BatchReport {
        results,
        summary: v.summary(),
        errors: v.option_errors,
    }
}
