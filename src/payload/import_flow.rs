//! The SDR Agent import flow around `POST /contacts/`:
//!
//! 1. create the import, `POST /imports/` with status `processing` ([`build_create_import`]);
//! 2. create each contact with `X-Import-ID` ([`super::build_sdr_agent_contact`] with
//!    `import_id` set to the new import's id);
//! 3. complete the import, `PUT /imports/{importId}` with status `completed` and `total_rows`
//!    ([`build_complete_import`]);
//! 4. optionally link it to a campaign, `POST /campaign-imports/{campaignId}/imports`
//!    ([`build_link_campaign`]).
//!
//! The API documents only the path and the `status`/`total_rows` of these requests. Assumed
//! here, and documented in the README (Payloads): create-import takes optional `name` and `source`
//! strings and answers with the import's `id`; link-campaign's body is `{"import_id": "<uuid>"}`
//! (one import per request, as a `POST` to a collection adds one member).
//!
//! Inputs are JSON objects with camelCase keys, the same in Rust and JS.

use serde::Serialize;
use serde_json::{Map, Value};

use super::common::{body_text, text, type_mismatch, unknown_fields, uuid, Errors};
use super::limits::IMPORT_TEXT_MAX_CHARS;
use super::sdr_agent::SdrAgent;
use super::{ContactError, Method, Request, SdrAgentOptions};
use crate::error::{ErrorCode, Params};

/// The largest `totalRows` accepted: the largest integer a JS number holds exactly.
const MAX_COUNT: u64 = (1 << 53) - 1;

/// The input as an object; `null` (or nothing) is an empty object.
fn input_object<'a>(errs: &mut Errors, input: &'a Value) -> Option<Option<&'a Map<String, Value>>> {
    match input {
        Value::Null => Some(None),
        Value::Object(m) => Some(Some(m)),
        other => {
            let e = super::common::not_an_object(super::common::type_name(other), errs.lang);
            errs.list.push(e);
            None
        }
    }
}

fn get<'a>(m: Option<&'a Map<String, Value>>, key: &str) -> Option<&'a Value> {
    m.and_then(|m| m.get(key))
}

/// The checked options, plus `required` on `options.importId` when `need_import` and none is set.
fn prepare(opts: &SdrAgentOptions, errs: &mut Errors, need_import: bool) -> SdrAgent {
    let api = opts.prepare(errs);
    let given = opts
        .import_id
        .as_deref()
        .is_some_and(|i| !i.trim().is_empty());
    if need_import && !given {
        errs.push("options.importId", ErrorCode::Required, Params::new());
    }
    api
}

fn request<T: Serialize>(
    errs: Errors,
    api: &SdrAgent,
    method: Method,
    path: &str,
    body: &T,
) -> Result<Request, Vec<ContactError>> {
    let mut errs = errs;
    if !errs.is_empty() {
        return Err(errs.list);
    }
    match body_text(&mut errs, body) {
        Some(body) => Ok(Request {
            method,
            url: format!("{}{path}", api.base),
            headers: api.headers(),
            body,
        }),
        None => Err(errs.list),
    }
}

/// Step 1: `POST /imports/` with `{"status":"processing"}`, plus `name` and `source` when the
/// input has them (`{"name": "Q1 leads", "source": "csv"}`; both optional, trimmed, at most
/// [`IMPORT_TEXT_MAX_CHARS`]). `null` input is no name or source.
///
/// `options.import_id` must not be set: this request makes the import whose id the response
/// carries; set that id in the options of the following steps.
pub fn build_create_import(
    input: &Value,
    opts: &SdrAgentOptions,
) -> Result<Request, Vec<ContactError>> {
    #[derive(Serialize)]
    struct Body<'a> {
        status: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        source: Option<&'a str>,
    }
    let mut errs = Errors::new(opts.lang);
    let api = prepare(opts, &mut errs, false);
    if api.import_id.is_some() {
        errs.push(
            "options.importId",
            ErrorCode::InvalidOption,
            crate::error::option_params("importId", "import_id_on_create", &[]),
        );
    }
    let mut body = Body {
        status: "processing",
        name: None,
        source: None,
    };
    if let Some(m) = input_object(&mut errs, input) {
        body.name = text(
            &mut errs,
            "name",
            get(m, "name"),
            false,
            IMPORT_TEXT_MAX_CHARS,
        );
        body.source = text(
            &mut errs,
            "source",
            get(m, "source"),
            false,
            IMPORT_TEXT_MAX_CHARS,
        );
        if let Some(m) = m {
            unknown_fields(&mut errs, m, &["name", "source"], "");
        }
    }
    request(errs, &api, Method::Post, "/imports/", &body)
}

/// Step 3: `PUT /imports/{importId}` with `{"status":"completed","total_rows":N}`, for the
/// import in `options.import_id` (required). Input: `{"totalRows": N}`, a whole number ≥ 0
/// (`invalid_count` otherwise; `12.0` is 12).
pub fn build_complete_import(
    input: &Value,
    opts: &SdrAgentOptions,
) -> Result<Request, Vec<ContactError>> {
    #[derive(Serialize)]
    struct Body {
        status: &'static str,
        total_rows: u64,
    }
    let mut errs = Errors::new(opts.lang);
    let api = prepare(opts, &mut errs, true);
    let mut total = None;
    if let Some(m) = input_object(&mut errs, input) {
        total = match get(m, "totalRows") {
            None | Some(Value::Null) => {
                errs.push("totalRows", ErrorCode::Required, Params::new());
                None
            }
            Some(Value::Number(n)) => {
                let whole = n.as_u64().or_else(|| whole_number(&n.to_string()));
                match whole.filter(|w| *w <= MAX_COUNT) {
                    Some(w) => Some(w),
                    None => {
                        errs.push("totalRows", ErrorCode::InvalidCount, Params::new());
                        None
                    }
                }
            }
            Some(other) => {
                type_mismatch(&mut errs, "totalRows", "number", other);
                None
            }
        };
        if let Some(m) = m {
            unknown_fields(&mut errs, m, &["totalRows"], "");
        }
    }
    let id = api.import_id.clone().unwrap_or_default();
    let body = Body {
        status: "completed",
        total_rows: total.unwrap_or(0),
    };
    request(errs, &api, Method::Put, &format!("/imports/{id}"), &body)
}

/// Step 4: `POST /campaign-imports/{campaignId}/imports` with `{"import_id":"<uuid>"}`, linking
/// the import in `options.import_id` (required) to a campaign. Input: `{"campaignId": "<uuid>"}`.
pub fn build_link_campaign(
    input: &Value,
    opts: &SdrAgentOptions,
) -> Result<Request, Vec<ContactError>> {
    #[derive(Serialize)]
    struct Body<'a> {
        import_id: &'a str,
    }
    let mut errs = Errors::new(opts.lang);
    let api = prepare(opts, &mut errs, true);
    let mut campaign = None;
    if let Some(m) = input_object(&mut errs, input) {
        campaign = text(
            &mut errs,
            "campaignId",
            get(m, "campaignId"),
            true,
            usize::MAX,
        )
        .and_then(|c| uuid(&mut errs, "campaignId", "campaignId", c));
        if let Some(m) = m {
            unknown_fields(&mut errs, m, &["campaignId"], "");
        }
    }
    let campaign = campaign.unwrap_or_default();
    let body = Body {
        import_id: api.import_id.as_deref().unwrap_or_default(),
    };
    let path = format!("/campaign-imports/{campaign}/imports");
    request(errs, &api, Method::Post, &path, &body)
}

/// An import-flow step (`build` is one of the three builders above) on input as a binding reads
/// it from its caller: `input` the input's JSON (`Err` with what it is instead when it is not an
/// object; `null` is none), `broken` the errors on members that have no JSON form, and
/// `non_finite_count` when `totalRows` is a number JSON cannot write (`NaN`, `±Infinity`, which
/// `JSON.stringify` turns into `null`): that is `invalid_count`, not `required`, and the rest
/// is checked as if the count were valid. `option_errors` come from reading the options.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn run_step(
    build: fn(&Value, &SdrAgentOptions) -> Result<Request, Vec<ContactError>>,
    input: Result<Value, &str>,
    non_finite_count: bool,
    opts: &SdrAgentOptions,
    mut errors: Vec<ContactError>,
) -> Result<Request, Vec<ContactError>> {
    let result = match input {
        Ok(mut v) if non_finite_count && v.get("totalRows").is_some_and(Value::is_null) => {
            v["totalRows"] = Value::from(0);
            let count = ContactError::new(
                "totalRows",
                ErrorCode::InvalidCount,
                Params::new(),
                opts.lang,
            );
            match build(&v, opts) {
                Ok(_) => Err(vec![count]),
                Err(mut e) => {
                    e.push(count);
                    Err(e)
                }
            }
        }
        Ok(v) => build(&v, opts),
        Err(got) => Err(vec![super::common::not_an_object(got, opts.lang)]),
    };
    match result {
        Err(mut e) if !errors.is_empty() => {
            errors.append(&mut e);
            Err(errors)
        }
        Ok(_) if !errors.is_empty() => Err(errors),
        other => other,
    }
}

/// The whole number ≥ 0 that a JSON number's text spells in another way than digits alone
/// (`3.0`, `1e3`, `-0`, `250E-2` is not one), if it is at most [`MAX_COUNT`]. Read from the text
/// exactly: `f64::from_str` would bring core's float parser (about 20 KB) into the package.
fn whole_number(text: &str) -> Option<u64> {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, "0"),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Some(0);
    }
    if negative || exponent.len() > 6 {
        return None;
    }
    let shift = exponent.parse::<i64>().ok()? - frac.len() as i64;
    let digits = if shift < 0 {
        let cut = digits.len().checked_sub(shift.unsigned_abs() as usize)?;
        let (kept, dropped) = digits.split_at(cut);
        if !dropped.bytes().all(|b| b == b'0') {
            return None;
        }
        kept.to_string()
    } else {
        format!("{digits}{}", "0".repeat(shift.min(20) as usize))
    };
    digits.parse::<u64>().ok().filter(|n| *n <= MAX_COUNT)
}
