//! `matchColumns`: the header matching of [`crate::columns`], so the demo page and the
//! `contactkit` command map a file's columns the same way.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{js_type_name, read_options, to_js, JsFieldOptions};
use crate::columns::{extras_field, match_columns, unmatched, ColumnMatch};
use crate::error::{ErrorCode, FieldError};
use crate::lang::{FieldOptions, Lang};
use crate::params;
use crate::payload::Target;

/// Headers read at most: a header row longer than this is an error, not a hang on
/// `new Array(1e9)`.
const MAX_HEADERS: usize = 100_000;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Matched<'a> {
    ok: bool,
    columns: Columns<'a>,
    extras_field: &'static str,
    unmatched: Vec<usize>,
}

/// `{ field: [column index, …] }`, in the order of the API's fields.
struct Columns<'a>(&'a ColumnMatch);

impl Serialize for Columns<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.columns.len()))?;
        for (field, columns) in &self.0.columns {
            map.serialize_entry(field, columns)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Failed {
    ok: bool,
    error: FieldError,
}

/// The header names of a JS array: its strings, anything else (a hole, a number, an object, a
/// throwing getter) as a name that matches nothing; a length that cannot be read (a Proxy) as
/// no headers. `Err` with the error when `headers` is not an array or is longer than
/// [`MAX_HEADERS`].
fn header_names(headers: &JsValue, lang: Lang) -> Result<Vec<String>, FieldError> {
    let got = js_type_name(headers);
    if got != "array" {
        return Err(FieldError::with_params(
            ErrorCode::WrongType,
            params! {"got" => got},
            lang,
        ));
    }
    // Each read through `super::get`, which a Proxy's trap or a throwing getter cannot make
    // throw.
    let length = super::get(headers, &JsValue::from_str("length"))
        .and_then(|l| l.as_f64())
        .filter(|l| *l >= 0.0)
        .unwrap_or(0.0);
    if length > MAX_HEADERS as f64 {
        return Err(FieldError::with_params(
            ErrorCode::TooManyItems,
            params! {"max" => MAX_HEADERS},
            lang,
        ));
    }
    Ok((0..length as u32)
        .map(|i| {
            super::get(headers, &JsValue::from(i))
                .and_then(|h| h.as_string())
                .unwrap_or_default()
        })
        .collect())
}

/// Matches a file's header row to an API's fields, as the `contactkit` command does: each
/// field takes the first free column whose header (accents dropped, lower case, `_` between
/// words) is one of its spellings, best spelling first; a full name may take a given-name and
/// a family-name column (with a middle name and a second family name), joined by a space.
#[wasm_bindgen(js_name = matchColumns, unchecked_return_type = "ColumnMatchResult")]
pub fn match_columns_js(
    #[wasm_bindgen(unchecked_param_type = "ColumnTarget")] target: JsValue,
    #[wasm_bindgen(unchecked_param_type = "readonly string[]")] headers: JsValue,
    options: Option<JsFieldOptions>,
) -> JsValue {
    let lang = match read_options::<FieldOptions>(options.as_deref()) {
        Ok(o) => o.lang,
        Err(error) => return to_js(&Failed { ok: false, error }),
    };
    let fail = |code, params| {
        to_js(&Failed {
            ok: false,
            error: FieldError::with_params(code, params, lang),
        })
    };
    let target = match target.as_string().as_deref().map(str::trim) {
        Some("contactship") => Target::Contactship,
        Some("sdr_agent") => Target::SdrAgent,
        Some(other) => {
            let shown = crate::payload::shown_key(other);
            return fail(ErrorCode::UnknownTarget, params! {"target" => shown});
        }
        None => {
            return fail(
                ErrorCode::WrongType,
                params! {"got" => js_type_name(&target)},
            )
        }
    };
    let names = match header_names(&headers, lang) {
        Ok(names) => names,
        Err(error) => return to_js(&Failed { ok: false, error }),
    };
    let found = match_columns(target, &names);
    to_js(&Matched {
        ok: true,
        columns: Columns(&found),
        extras_field: extras_field(target),
        unmatched: unmatched(&found, names.len()),
    })
}

#[wasm_bindgen(typescript_custom_section)]
const TS_COLUMNS: &'static str = r#"
/** The API a file's columns are matched for. */
export type ColumnTarget = "contactship" | "sdr_agent";

/** The fields a column can fill (Contactship's, then SDR Agent's). */
export type ColumnField =
  | "phone_number" | "full_name" | "country" | "email" | "description"
  | "linkedin_profile" | "company" | "locale" | "timezone";

export type ColumnMatchResult =
  | {
      ok: true;
      /**
       * The columns of each field whose header was recognized: one, whose cell is the
       * field's text as it is, or several (a full name: given name, middle name, family
       * names), whose cells are trimmed (of Unicode White_Space), the empty ones left
       * out, and joined by a space.
       */
      columns: Partial<Record<ColumnField, number[]>>;
      /** Where the unmatched columns go when a user asks for them. */
      extrasField: "additional_data" | "metadata";
      /** The indexes of the columns no field uses, in order. */
      unmatched: number[];
    }
  | Failure;
"#;
