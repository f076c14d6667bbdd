//! Issue 21: numbers kept exactly as their JSON spelled them, lone surrogates named on their
//! field, unknown fields capped, base URLs and credentials refused before they leak, the row
//! limit of a batch call. Natively and in Wasm (the same test, `wasm_bindgen_test`).

use contactkit::payload::{
    build_contactship_contact, build_contactship_contact_json, build_sdr_agent_contact,
    build_sdr_agent_contact_json, limits, validate_contacts, BatchOptions, BatchValidator,
    ContactshipOptions, SdrAgentOptions,
};
use contactkit::{ErrorCode, Lang};
use serde_json::{json, Value};
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::codes;

/// Numbers as callers spell them: doubles whose shortest form serde_json's fast parser got
/// wrong, integers past 2^53 and past u64, `.0`, exponents.
const NUMBERS: [&str; 10] = [
    "15831.130000375999",
    "9007199254740991.0",
    "9007199254740993",
    "18446744073709551616",
    "123456789012345678901234567890",
    "1.0",
    "-0.0",
    "1e-7",
    "2.5e+300",
    "0.30000000000000004",
];

fn sdr_contact(metadata: &str) -> String {
    format!(
        r#"{{"full_name":"Ana","email":"ana@example.com","linkedin_profile":"linkedin.com/in/ana","metadata":{metadata}}}"#
    )
}

#[wasm_bindgen_test(unsupported = test)]
fn metadata_numbers_are_sent_as_their_json_spelled_them() {
    let opts = SdrAgentOptions::default();
    for n in NUMBERS {
        let metadata = format!(r#"{{"n":{n},"list":[{n}]}}"#);
        let text = sdr_contact(&metadata);
        let from_text = build_sdr_agent_contact_json(&text, &opts).unwrap();
        assert!(
            from_text
                .body
                .ends_with(&format!(r#""metadata":{metadata}}}"#)),
            "{n}: {}",
            from_text.body
        );
        // The Value path (a Rust caller's `serde_json::from_str`) and the batch reader agree.
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            build_sdr_agent_contact(&value, &opts).unwrap().body,
            from_text.body
        );
        let mut v = BatchValidator::from_json(&json!({"target": "sdr_agent"}));
        let row = v.validate_json_row(&text).result.unwrap();
        assert_eq!(row.body, from_text.body);
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn additional_data_numbers_are_sent_as_their_json_spelled_them() {
    let opts = ContactshipOptions::default();
    for n in NUMBERS {
        let text = format!(
            r#"{{"phone_number":"+12124567890","full_name":"Ana","additional_data":[{{"type":"number","field":"n","value":{n}}}]}}"#
        );
        let body = build_contactship_contact_json(&text, &opts).unwrap().body;
        assert!(body.contains(&format!(r#""value":"{n}""#)), "{n}: {body}");
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(build_contactship_contact(&value, &opts).unwrap().body, body);
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn a_lone_surrogate_is_an_error_on_its_field_and_the_others_are_checked() {
    // "Ana 😀".slice(0, 5) as JSON.stringify writes it, in a key, a value and deep in metadata.
    let text = r#"{"full_name":"Ana \ud83d","email":"not an email","linkedin_profile":"linkedin.com/in/ana","metadata":{"a":["\udc00"]},"k\ud83d":1}"#;
    let errs = build_sdr_agent_contact_json(text, &SdrAgentOptions::default()).unwrap_err();
    assert_eq!(
        codes(&errs),
        [
            ("full_name".to_string(), "invalid_unicode"),
            ("metadata".to_string(), "invalid_unicode"),
            ("k\u{fffd}".to_string(), "invalid_unicode"),
            ("email".to_string(), "email_missing_at"),
        ]
    );
    // A whole surrogate pair is a character like any other.
    let pair = r#"{"full_name":"Ana \ud83d\ude00","email":"ana@example.com","linkedin_profile":"linkedin.com/in/ana"}"#;
    let body = build_sdr_agent_contact_json(pair, &SdrAgentOptions::default())
        .unwrap()
        .body;
    assert!(body.contains("Ana 😀"), "{body}");
    // An escaped backslash before "u" is no escape of a surrogate.
    let not_one = r#"{"full_name":"Ana \\ud83d","email":"ana@example.com","linkedin_profile":"linkedin.com/in/ana"}"#;
    let body = build_sdr_agent_contact_json(not_one, &SdrAgentOptions::default())
        .unwrap()
        .body;
    assert!(body.starts_with(r#"{"full_name":"Ana \\ud83d","#), "{body}");
    let mut v = BatchValidator::from_json(&json!({"target": "sdr_agent"}));
    let row = v.validate_json_row(text).result.unwrap_err();
    assert_eq!(codes(&row), codes(&errs));
}

#[wasm_bindgen_test(unsupported = test)]
fn unknown_fields_are_listed_up_to_a_cap_and_the_rest_counted() {
    let mut contact = serde_json::Map::new();
    contact.insert("phone_number".into(), json!("+12124567890"));
    contact.insert("full_name".into(), json!("Ana"));
    let extra = 200_000;
    for i in 0..extra {
        contact.insert(format!("x{i}"), json!(i));
    }
    let errs = build_contactship_contact(&Value::Object(contact), &ContactshipOptions::default())
        .unwrap_err();
    let listed = limits::UNKNOWN_FIELDS_LISTED;
    assert_eq!(errs.len(), listed + 1);
    assert!(errs[..listed]
        .iter()
        .all(|e| e.error.code == ErrorCode::UnknownField));
    let more = &errs[listed];
    assert_eq!(
        (more.field.as_str(), more.error.code),
        ("", ErrorCode::MoreUnknownFields)
    );
    assert_eq!(more.error.params["count"], json!(extra - listed));
    assert_eq!(
        more.error.message,
        format!(
            "{} more fields that are not taken here are not listed.",
            extra - listed
        )
    );
    // Options too, under `options`.
    let mut opts = serde_json::Map::new();
    for i in 0..30 {
        opts.insert(format!("o{i}"), json!(1));
    }
    let errs = ContactshipOptions::from_json(&Value::Object(opts)).unwrap_err();
    assert_eq!(errs.len(), listed + 1);
    assert_eq!(errs[listed].field, "options");
    assert_eq!(errs[listed].error.params["count"], json!(30 - listed));
}

fn base_url_error(url: &str) -> bool {
    let opts = ContactshipOptions {
        base_url: Some(url.into()),
        ..Default::default()
    };
    let contact = json!({"phone_number": "+12124567890", "full_name": "Ana"});
    match build_contactship_contact(&contact, &opts) {
        Ok(_) => false,
        Err(errs) => {
            assert_eq!(
                codes(&errs),
                [("options.baseUrl".into(), "invalid_base_url")]
            );
            true
        }
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn base_urls_in_clear_text_or_with_hidden_characters_are_refused() {
    for refused in [
        "http://api.example.com",
        "http://10.0.0.1:8080",
        "http://localhost.example.com",
        "https://ex\nample.com",
        "https://ex\tample.com",
        "https://example.com\\v1",
        "https://exa mple.com",
        "https://example.com/\u{7f}",
        "https://exa\u{85}mple.com/",
    ] {
        assert!(base_url_error(refused), "{refused:?} was taken");
    }
    for taken in [
        "https://api.example.com",
        "https://api.example.com/prefix/",
        "http://localhost:8080",
        "http://LOCALHOST",
        "http://127.0.0.1:3000",
        "http://127.1.2.3",
        "http://[::1]:9000",
        " https://api.example.com ",
    ] {
        assert!(!base_url_error(taken), "{taken:?} was refused");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn credentials_are_capped_and_never_echoed() {
    let max = limits::CREDENTIAL_MAX_BYTES;
    let contact = json!({"phone_number": "+12124567890", "full_name": "Ana"});
    let with_key = |key: String| ContactshipOptions {
        api_key: Some(key),
        ..Default::default()
    };
    assert!(build_contactship_contact(&contact, &with_key("k".repeat(max))).is_ok());
    let errs = build_contactship_contact(&contact, &with_key("k".repeat(max + 1))).unwrap_err();
    assert_eq!(
        codes(&errs),
        [("options.apiKey".into(), "invalid_credentials")]
    );
    assert_eq!(errs[0].error.params["max"], json!(max));
    // A secret given under any option name (known or not, of any type) is not in the errors.
    let secret = "sk_live_SECRET";
    for name in [
        "apiKey",
        "bearerToken",
        "api_key",
        "token",
        "password",
        "secret",
        "lang",
    ] {
        for value in [
            json!(secret),
            json!({"k": secret}),
            json!([secret]),
            json!(format!("{secret}\n")),
        ] {
            for target in ["contactship", "sdr_agent"] {
                let opts =
                    json!({"target": target, name: value, "apiKey": "k", "bearerToken": "t"});
                let report =
                    validate_contacts(std::slice::from_ref(&contact), &batch_options(&opts));
                let shown = serde_json::to_string(&report.errors).unwrap();
                assert!(!shown.contains("SECRET"), "{opts}: {shown}");
                let v = BatchValidator::from_json(&opts);
                let shown = serde_json::to_string(v.errors()).unwrap();
                assert!(!shown.contains("SECRET"), "{opts}: {shown}");
            }
        }
    }
}

fn batch_options(v: &Value) -> BatchOptions {
    BatchOptions::from_json(v)
        .unwrap_or_else(|_| BatchOptions::SdrAgent(SdrAgentOptions::default()))
}

#[wasm_bindgen_test(unsupported = test)]
fn a_batch_over_the_row_limit_is_one_error_and_no_work() {
    // Rows that are quick to refuse: the limit is on their number.
    let row = Value::Null;
    let opts = BatchOptions::Contactship(ContactshipOptions {
        lang: Lang::Es,
        ..Default::default()
    });
    let rows = vec![row; limits::BATCH_MAX_ROWS + 1];
    let report = validate_contacts(&rows, &opts);
    assert!(report.results.is_empty());
    assert_eq!(report.summary.total, 0);
    assert_eq!(codes(&report.errors), [("rows".into(), "too_many_rows")]);
    assert_eq!(
        report.errors[0].error.params["rows"],
        json!(limits::BATCH_MAX_ROWS + 1)
    );
    assert!(report.errors[0].error.message.contains("BatchValidator"));
    // At the limit, every row is validated.
    let report = validate_contacts(&rows[1..], &opts);
    assert_eq!(report.summary.total, limits::BATCH_MAX_ROWS);
    assert_eq!(report.results.len(), limits::BATCH_MAX_ROWS);
    assert!(report.errors.is_empty());
}
