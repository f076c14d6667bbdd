//! Reads JSON lines `{"field": "phone", "input": "...", "opts": {...}}` on stdin and prints, for
//! each, the result natively in the shape the JS functions return. `tests/node/parity.test.mjs`
//! runs the same cases through the Wasm package and requires identical output.

use std::io::{self, BufRead, Write};

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

fn run(case: &Value) -> Value {
    let input = case["input"].as_str().unwrap_or_default();
    let opts = case.get("opts").cloned().unwrap_or(json!({}));
    let field_opts: FieldOptions = serde_json::from_value(opts.clone()).unwrap_or_default();
    match case["field"].as_str().unwrap_or_default() {
        "phone" => shape(phone::normalize(
            input,
            &serde_json::from_value(opts).unwrap_or_default(),
        )),
        "email" => {
            let mut v = shape(email::normalize(input, &field_opts));
            if v["ok"] == json!(false) {
                if let Some(s) = email::suggest(input) {
                    v["suggestion"] = json!(s);
                }
            }
            v
        }
        "linkedin" => shape(linkedin::normalize(input, &field_opts)),
        "locale" => shape(locale::normalize(input, &field_opts)),
        "timezone" => shape(timezone::normalize(input, &field_opts)),
        "country" => shape(country::normalize(input, &field_opts)),
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
