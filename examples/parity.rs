//! Reads JSON lines `{"field": "phone", "input": ..., "opts": ...}` on stdin and prints, for
//! each, the result natively in the shape the JS functions return. `tests/node/parity.test.mjs`
//! runs the same cases through the Wasm package and requires identical output: inputs of any
//! JSON type (`wrong_type`), options of any shape (`invalid_option`), and the email suggestion
//! all go through the crate's own readers and rules, as the package's do.

use std::io::{self, BufRead, Write};

use contactkit::phone::PhoneOptions;
use contactkit::{country, email, linkedin, locale, phone, timezone, FieldError, FieldOptions};
use serde::Serialize;
use serde_json::{json, Value};

fn shape<T: Serialize>(r: Result<T, FieldError>) -> Value {
    match r {
        Ok(v) => {
            let mut out = json!({ "ok": true });
            if let (Some(o), Ok(Value::Object(fields))) =
                (out.as_object_mut(), serde_json::to_value(v))
            {
                o.extend(fields);
            }
            out
        }
        Err(e) => json!({ "ok": false, "error": e }),
    }
}

/// A rule that takes [`FieldOptions`], called as the JS function is.
fn field<T: Serialize>(
    input: &Value,
    opts: &Value,
    rule: fn(&str, &FieldOptions) -> Result<T, FieldError>,
) -> Value {
    shape(FieldOptions::read_call(input, opts).and_then(|(text, o)| rule(text, &o)))
}

fn run(case: &Value) -> Value {
    let input = &case["input"];
    // An absent `opts` is `undefined` in JS: no options, as `null` is.
    let opts = case.get("opts").unwrap_or(&Value::Null);
    match case["field"].as_str().unwrap_or_default() {
        "phone" => shape(
            PhoneOptions::read_call(input, opts).and_then(|(text, o)| phone::normalize(text, &o)),
        ),
        "email" => {
            let result = FieldOptions::read_call(input, opts)
                .and_then(|(text, o)| email::normalize(text, &o));
            let suggestion = input
                .as_str()
                .and_then(|text| email::suggestion_for(text, &result));
            let mut v = shape(result);
            if let Some(s) = suggestion {
                v["suggestion"] = json!(s);
            }
            v
        }
        "linkedin" => field(input, opts, linkedin::normalize),
        "locale" => field(input, opts, locale::normalize),
        "timezone" => field(input, opts, timezone::normalize),
        "country" => field(input, opts, country::normalize),
        other => json!({ "unknown_field": other }),
    }
}

fn main() {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for line in io::stdin().lock().lines().map_while(Result::ok) {
        let case: Value = serde_json::from_str(&line).unwrap_or(Value::Null);
        let _ = writeln!(out, "{}", run(&case));
    }
}
