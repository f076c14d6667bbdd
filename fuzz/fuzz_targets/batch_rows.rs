//! The batch reader: each row of a JSON array read from its text (`validate_json_row`, the
//! path of the npm package's chunks) gives what the same row gives as a `Value`, duplicates
//! and counts included, for both APIs.
#![no_main]
use contactkit::payload::BatchValidator;
use contactkit_fuzz::{check, check_errors};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(Value::Array(rows)) = serde_json::from_str::<Value>(text) else {
        return;
    };
    for target in ["contactship", "sdr_agent"] {
        let opts = json!({"target": target});
        let mut by_text = BatchValidator::from_json(&opts);
        let mut by_value = BatchValidator::from_json(&opts);
        for row in &rows {
            let row_text = row.to_string();
            let a = by_text.validate_json_row(&row_text);
            let b = by_value.validate_row(row);
            if let Err(errors) = &a.result {
                check_errors(errors);
            }
            check("native result = JSON-text result", a == b, || {
                format!("{target} row {row_text}: text {a:?}, value {b:?}")
            });
        }
        check(
            "the same counts",
            by_text.summary() == by_value.summary(),
            || format!("{:?} vs {:?}", by_text.summary(), by_value.summary()),
        );
    }
});
