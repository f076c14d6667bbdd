//! `buildContactshipContact`, `buildSdrAgentContact`, the import flow, `validateContacts` and
//! the `BatchValidator` class: thin conversions around `crate::payload`.
//!
//! Contacts and options cross as JSON text (`JSON.stringify`, then serde_json with its
//! recursion limit); results go back as a tape (`tape.rs`) that `tape.js` makes into plain
//! objects, three times faster than `JSON.parse` of their JSON. A contact JS cannot
//! stringify (a cycle, a BigInt, nesting deeper than JS's own stack) is taken apart key by key
//! so the other fields are still checked. Nothing here throws.

use serde_json::Value;
use wasm_bindgen::prelude::*;

use super::tape::Tape;
use super::{js_type_name, stringify, stringify_long, to_js, JsOptions, Long};
use crate::lang::Lang;
use crate::options::read_all;
use crate::payload::{
    self, BatchValidator as CoreValidator, ContactError, ContactshipOptions, NoJson, Request,
    RowsProblem, SdrAgentOptions,
};

/// The JSON text of an object as a value; a member whose text has a lone UTF-16 surrogate
/// (which serde_json cannot read) is left out with an `invalid_unicode` error on
/// `{prefix}{key}`. `None` when the text is not an object.
fn object_value(text: &str, lang: Lang, prefix: &str) -> Option<(Value, Vec<ContactError>)> {
    if let Ok(v) = serde_json::from_str::<Value>(text) {
        return v.is_object().then_some((v, Vec::new()));
    }
    let (v, mut broken) = payload::parse_row(text, lang);
    if broken.iter().any(|e| e.field.is_empty()) {
        return None;
    }
    for e in &mut broken {
        e.field.insert_str(0, prefix);
    }
    Some((v, broken))
}

/// A contact (or row) as JSON text, plus errors on the fields that have no JSON form.
fn row_text(row: &JsValue, lang: Lang) -> (String, Vec<ContactError>) {
    if let Some(text) = stringify(row) {
        return (text, Vec::new());
    }
    let name = js_type_name(row);
    if name != "object" {
        return (String::from("{}"), vec![payload::not_an_object(name, lang)]);
    }
    // A cycle, a BigInt, a throwing getter or `toJSON`, or nesting deeper than JS's stack:
    // stringify each own key alone and name the ones that fail.
    let mut text = String::from("{");
    let mut broken = Vec::new();
    // A revoked Proxy, or one whose `ownKeys` trap throws, has no keys to read.
    let Some(keys) = super::object_keys(row) else {
        return unreadable_row(lang);
    };
    for key in keys.iter() {
        let Some(k) = key.as_string() else { continue };
        let Some(value) = super::get(row, &key) else {
            broken.push(NoJson::Type("unreadable").error(&k, lang));
            continue;
        };
        match stringify(&value) {
            Some(t) => {
                if text.len() > 1 {
                    text.push(',');
                }
                text.push_str(&serde_json::to_string(&k).unwrap_or_else(|_| "\"\"".into()));
                text.push(':');
                text.push_str(&t);
            }
            None => {
                let kind = js_type_name(&value);
                // What guard.js's stringifyFailure says: 1 a cycle or too deep, 2 a BigInt.
                let why = match (kind, super::stringify_failure(&value)) {
                    // No JSON form: JSON.stringify leaves these out, and so do we.
                    ("undefined" | "function" | "symbol", _) => continue,
                    (_, 1) => NoJson::TooDeep,
                    (_, 2) => NoJson::Type("bigint"),
                    _ => NoJson::Type(kind),
                };
                broken.push(why.error(&k, lang));
            }
        }
    }
    text.push('}');
    (text, broken)
}

/// Validates a contact for Contactship `POST /v1/contacts` and builds the request.
#[wasm_bindgen(js_name = buildContactshipContact, unchecked_return_type = "BuildResult")]
pub fn build_contactship_contact(
    #[wasm_bindgen(unchecked_param_type = "ContactshipContact | Record<string, unknown>")]
    contact: JsValue,
    options: Option<JsContactshipOptions>,
) -> JsValue {
    let (opts, errs) = read_all::<ContactshipOptions>(&JsOptions(options.as_deref()));
    let option_errors = errs.list;
    let (text, broken) = row_text(&contact, opts.lang);
    let prepare = |errs: &mut _| payload::Api::contactship(&opts, errs);
    let contact = payload::Contact::Text(&text);
    Tape::outcome(
        &payload::build_contact(opts.lang, prepare, contact, broken, option_errors),
        opts.lang,
    )
}

/// Validates a contact for SDR Agent `POST /contacts/` and builds the request.
#[wasm_bindgen(js_name = buildSdrAgentContact, unchecked_return_type = "BuildResult")]
pub fn build_sdr_agent_contact(
    #[wasm_bindgen(unchecked_param_type = "SdrAgentContact | Record<string, unknown>")]
    contact: JsValue,
    options: Option<JsSdrAgentOptions>,
) -> JsValue {
    let (opts, option_errors) = sdr_options(options.as_deref());
    let (text, broken) = row_text(&contact, opts.lang);
    let prepare = |errs: &mut _| payload::Api::sdr_agent(&opts, errs);
    let contact = payload::Contact::Text(&text);
    Tape::outcome(
        &payload::build_contact(opts.lang, prepare, contact, broken, option_errors),
        opts.lang,
    )
}

fn sdr_options(options: Option<&JsValue>) -> (SdrAgentOptions, Vec<ContactError>) {
    let (opts, errs) = read_all::<SdrAgentOptions>(&JsOptions(options));
    (opts, errs.list)
}

/// Runs an import-flow builder on JS input and options: the input read into JSON here, the
/// rules in the core (`payload::run_step`).
fn import_step(
    input: Option<&JsValue>,
    options: Option<&JsValue>,
    build: fn(&Value, &SdrAgentOptions) -> Result<Request, Vec<ContactError>>,
) -> JsValue {
    let (opts, mut errors) = sdr_options(options);
    let parsed = match input.filter(|v| !v.is_undefined() && !v.is_null()) {
        None => Ok(Value::Null),
        Some(v) => {
            let name = js_type_name(v);
            stringify(v)
                .filter(|_| name == "object")
                .and_then(|t| object_value(&t, opts.lang, ""))
                .map(|(v, broken)| {
                    errors.extend(broken);
                    v
                })
                .ok_or(name)
        }
    };
    let non_finite = input_number(input, "totalRows").is_some_and(|f| !f.is_finite());
    let result = payload::run_step(build, parsed, non_finite, &opts, errors);
    Tape::outcome(&result, opts.lang)
}

/// `input[key]` when it is a JS number.
fn input_number(input: Option<&JsValue>, key: &str) -> Option<f64> {
    super::get(input?, &JsValue::from_str(key))?.as_f64()
}

/// Step 1 of the import flow: `POST /imports/` with status `processing`.
#[wasm_bindgen(js_name = buildCreateImport, unchecked_return_type = "BuildResult")]
pub fn build_create_import(
    input: Option<JsCreateImportInput>,
    options: Option<JsSdrAgentOptions>,
) -> JsValue {
    import_step(
        input.as_deref(),
        options.as_deref(),
        payload::build_create_import,
    )
}

/// Step 3 of the import flow: `PUT /imports/{importId}` with status `completed` and `total_rows`.
#[wasm_bindgen(js_name = buildCompleteImport, unchecked_return_type = "BuildResult")]
pub fn build_complete_import(
    #[wasm_bindgen(unchecked_param_type = "CompleteImportInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SdrAgentOptions & { importId: string }")]
    options: JsValue,
) -> JsValue {
    import_step(Some(&input), Some(&options), payload::build_complete_import)
}

/// Step 4 of the import flow: `POST /campaign-imports/{campaignId}/imports`.
#[wasm_bindgen(js_name = buildLinkCampaign, unchecked_return_type = "BuildResult")]
pub fn build_link_campaign(
    #[wasm_bindgen(unchecked_param_type = "LinkCampaignInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SdrAgentOptions & { importId: string }")]
    options: JsValue,
) -> JsValue {
    import_step(Some(&input), Some(&options), payload::build_link_campaign)
}

/// A validator for batch options from JS; never fails.
fn validator(options: &JsValue) -> CoreValidator {
    CoreValidator::from_source(&JsOptions(Some(options)))
}

/// Validates a chunk into `out`; the errors say when `rows` is not an array, cannot be read,
/// or is larger than one call takes (found before any row is validated).
///
/// Every read of `rows` is a `catch` import (`Reflect.get`, `JSON.stringify`): a Proxy's trap or
/// a getter that throws becomes an error here, never an exception through the Wasm frames,
/// which would leave the module's stack pointer and this validator's borrow behind.
fn validate_rows(v: &mut CoreValidator, rows: &JsValue, out: &mut Tape) -> Vec<ContactError> {
    let lang = v.lang();
    let unreadable = |got| vec![RowsProblem::NotAnArray(got).error(lang)];
    if !super::is_array(rows).unwrap_or(false) {
        return unreadable(js_type_name(rows));
    }
    let length = super::get(rows, &JsValue::from_str("length")).and_then(|n| n.as_f64());
    let Some(length) = length.filter(|n| *n >= 0.0 && n.fract() == 0.0) else {
        return unreadable("unreadable");
    };
    // An array's length is a whole number below 2^32.
    let length = length as u32;
    if length as usize > payload::limits::BATCH_MAX_ROWS {
        return vec![RowsProblem::TooMany(length as usize).error(lang)];
    }
    let too_large = || vec![RowsProblem::TooLarge.error(lang)];
    // One JSON.stringify for the whole chunk, cut into rows without parsing them, instead of a
    // call across the boundary and a stringify per row. It writes each row as
    // stringifying the row alone would, except `null` for what has no JSON form (`undefined`, a
    // function): those rows, and every row when the chunk cannot be stringified (a cycle, a
    // BigInt, a throwing getter, nesting too deep), are read one by one, naming what is wrong.
    let whole = match stringify_long(rows, payload::limits::BATCH_MAX_BYTES) {
        Long::Text(text) => Some(text),
        Long::OverMax => return too_large(),
        Long::None => None,
    };
    let raws = whole
        .as_deref()
        .and_then(payload::split_rows)
        .filter(|raws| raws.len() == length as usize);
    let row_at = |i: u32| match super::get(rows, &JsValue::from(i)) {
        Some(row) => row_text(&row, lang),
        None => unreadable_row(lang),
    };
    out.reserve(length as usize);
    match raws {
        Some(raws) => {
            for (i, (raw, read)) in (0..).zip(raws) {
                let result = match raw {
                    "null" => {
                        let (text, broken) = row_at(i);
                        v.validate_text(&text, broken)
                    }
                    text => v.validate_read(read, text, Vec::new()),
                };
                out.row(&result);
            }
        }
        None => {
            // Every row's text first, so that a chunk too large is found before any row is
            // validated.
            let mut texts = Vec::with_capacity(length as usize);
            let mut bytes = 0;
            for i in 0..length {
                let (text, broken) = row_at(i);
                bytes += text.len() + 1;
                if bytes > payload::limits::BATCH_MAX_BYTES {
                    return too_large();
                }
                texts.push((text, broken));
            }
            for (text, broken) in texts {
                out.row(&v.validate_text(&text, broken));
            }
        }
    }
    Vec::new()
}

/// A row that cannot even be read (a Proxy's `get` trap or an index getter that throws).
fn unreadable_row(lang: Lang) -> (String, Vec<ContactError>) {
    let e = NoJson::Type("unreadable").error("", lang);
    (String::from("{}"), vec![e])
}

/// Validates rows for one API: each row's request or errors, duplicates flagged, and counts.
#[wasm_bindgen(js_name = validateContacts, unchecked_return_type = "BatchReport")]
pub fn validate_contacts(
    #[wasm_bindgen(unchecked_param_type = "unknown[]")] rows: JsValue,
    #[wasm_bindgen(unchecked_param_type = "BatchOptions")] options: JsValue,
) -> JsValue {
    let mut v = validator(&options);
    let mut results = Tape::report();
    let rows_errors = validate_rows(&mut v, &rows, &mut results);
    let mut errors = v.errors().to_vec();
    errors.extend(rows_errors);
    results.finish_report(Some(v.summary()), &errors, v.lang())
}

/// Validates a large batch chunk by chunk (for a Web Worker reporting progress): only the keys
/// seen and the counts are kept between chunks.
#[wasm_bindgen(js_name = BatchValidator)]
pub struct JsBatchValidator {
    inner: CoreValidator,
}

#[wasm_bindgen(js_class = BatchValidator)]
impl JsBatchValidator {
    /// Checks the options once. Never throws: problems are in `errors`, and every row fails
    /// with them.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "BatchOptions")] options: JsValue,
    ) -> JsBatchValidator {
        JsBatchValidator {
            inner: validator(&options),
        }
    }

    /// The problems of the options; empty when they are valid.
    #[wasm_bindgen(getter, unchecked_return_type = "ContactError[]")]
    pub fn errors(&self) -> JsValue {
        Tape::errors(self.inner.errors(), self.inner.lang())
    }

    /// Validates the next chunk; `row` numbers continue from the previous chunk.
    #[wasm_bindgen(unchecked_return_type = "BatchChunk")]
    pub fn validate(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "unknown[]")] rows: JsValue,
    ) -> JsValue {
        let mut results = Tape::report();
        let errors = validate_rows(&mut self.inner, &rows, &mut results);
        results.finish_report(None, &errors, self.inner.lang())
    }

    /// The counts over every row validated so far.
    #[wasm_bindgen(unchecked_return_type = "BatchSummary")]
    pub fn summary(&self) -> JsValue {
        to_js(&self.inner.summary())
    }
}

#[wasm_bindgen]
extern "C" {
    /// `ContactshipOptions` in TypeScript.
    #[wasm_bindgen(typescript_type = "ContactshipOptions")]
    pub type JsContactshipOptions;
    /// `SdrAgentOptions` in TypeScript.
    #[wasm_bindgen(typescript_type = "SdrAgentOptions")]
    pub type JsSdrAgentOptions;
    /// `CreateImportInput` in TypeScript.
    #[wasm_bindgen(typescript_type = "CreateImportInput")]
    pub type JsCreateImportInput;
}

#[wasm_bindgen(typescript_custom_section)]
const TS_PAYLOAD: &'static str = r#"
/** A problem with a contact, an option or a request, at a path such as "additional_data[1].value". */
export type ContactError = FieldError & {
  /** Path of the offending value; "" is the contact itself, "options.apiKey" an option. */
  field: string;
};

/**
 * A batch row's warning: `email_suggestion` (params `suggestion`, the address probably meant)
 * or `resolved_alias` (params `from`, as given, and `value`, what it was read as).
 */
export type RowWarningCode = "email_suggestion" | "resolved_alias";

export type RowWarning = ErrorOf<RowWarningCode> & {
  /** The field warned about: "email", "timezone" or "country". */
  field: string;
};

/** A request ready for `fetch(request.url, request)`. */
export interface HttpRequest {
  method: "POST" | "PUT";
  url: string;
  /** Content-Type, the authentication header when credentials were given, X-Import-ID. */
  headers: Record<string, string>;
  /** The exact JSON text of the body. */
  body: string;
}

export type BuildResult =
  | { ok: true; request: HttpRequest }
  | { ok: false; errors: ContactError[] };

/** Any JSON value (SDR Agent `metadata`). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type AdditionalDataType = "text" | "date" | "number" | "location";
export interface AdditionalDataItem {
  type: AdditionalDataType;
  /** The name of the data field; not blank. */
  field: string;
  /** text/location: a string; date: ISO 8601 date or date-time; number: a finite number or its text. */
  value: string | number;
}

/** A contact for Contactship `POST /v1/contacts`, field names as the API has them. */
export interface ContactshipContact {
  phone_number: string;
  full_name: string;
  country?: string | null;
  email?: string | null;
  description?: string | null;
  additional_data?: AdditionalDataItem[] | null;
}

/** A contact for SDR Agent `POST /contacts/`, field names as the API has them. */
export interface SdrAgentContact {
  full_name: string;
  email: string;
  linkedin_profile: string;
  company?: string | null;
  locale?: string | null;
  timezone?: string | null;
  metadata?: { [key: string]: JsonValue } | null;
}

export interface ContactshipOptions {
  /** Default "https://api.contactship.ai"; "/v1/contacts" is appended. */
  baseUrl?: string;
  /** Sent as x-api-key. Without it the request has no authentication header. */
  apiKey?: string;
  /** Country (code or name) of phone numbers written without "+" when the contact has no country. */
  defaultCountry?: string;
  /** How `country` is sent: the English name (default, like the API's example) or the alpha-2 code. */
  countryFormat?: "name" | "alpha2";
  lang?: Lang;
}

export interface SdrAgentOptions {
  /** Default "https://api.sdragent.com"; the endpoint's path is appended. */
  baseUrl?: string;
  /** Sent as X-API-Key. Give this or bearerToken; with neither there is no authentication header. */
  apiKey?: string;
  /** Sent as "Authorization: Bearer <token>". */
  bearerToken?: string;
  /** UUID of the import: X-Import-ID on contacts; the import completed or linked by the import flow. */
  importId?: string;
  lang?: Lang;
}

export interface CreateImportInput {
  name?: string;
  source?: string;
}
export interface CompleteImportInput {
  /** A whole number >= 0. */
  totalRows: number;
}
export interface LinkCampaignInput {
  /** The campaign's UUID. */
  campaignId: string;
}

export type BatchOptions =
  | ({ target: "contactship" } & ContactshipOptions)
  | ({ target: "sdr_agent" } & SdrAgentOptions);

/**
 * One row: its 0-based index in the whole batch, its request or its errors, and its warnings
 * (left out when there are none): what is worth telling but does not make the row invalid.
 */
export type RowResult =
  | { row: number; ok: true; request: HttpRequest; warnings?: RowWarning[] }
  | { row: number; ok: false; errors: ContactError[]; warnings?: RowWarning[] };

export interface BatchSummary {
  total: number;
  valid: number;
  /** Duplicates included. */
  invalid: number;
  duplicates: number;
}

export interface BatchReport {
  results: RowResult[];
  summary: BatchSummary;
  /** Problems of the batch itself (options, rows not an array). */
  errors: ContactError[];
}

export interface BatchChunk {
  results: RowResult[];
  /** Set when the chunk is not an array. */
  errors: ContactError[];
}
"#;
