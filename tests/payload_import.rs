//! The SDR Agent import flow: create import → contacts with X-Import-ID → complete → link.

use contactkit::payload::{
    build_complete_import, build_create_import, build_link_campaign, build_sdr_agent_contact,
    limits, Method, Request, SdrAgentOptions,
};
use serde_json::{json, Value};
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::codes;

const KEY: &str = "sk_live_1234567890abcdef";
const IMPORT: &str = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const CAMPAIGN: &str = "550e8400-e29b-41d4-a716-446655440000";

fn base() -> SdrAgentOptions {
    SdrAgentOptions {
        api_key: Some(KEY.into()),
        ..Default::default()
    }
}

fn with_import() -> SdrAgentOptions {
    SdrAgentOptions {
        import_id: Some(IMPORT.into()),
        ..base()
    }
}

fn headers(req: &Request) -> Vec<(&str, &str)> {
    req.headers.iter().collect()
}

#[wasm_bindgen_test(unsupported = test)]
fn the_whole_flow() {
    // 1. Create the import.
    let create =
        build_create_import(&json!({"name": "Q1 leads", "source": "csv"}), &base()).unwrap();
    assert_eq!(create.method, Method::Post);
    assert_eq!(create.url, "https://api.sdragent.com/imports/");
    assert_eq!(
        headers(&create),
        [("Content-Type", "application/json"), ("X-API-Key", KEY)]
    );
    assert_eq!(
        create.body,
        r#"{"status":"processing","name":"Q1 leads","source":"csv"}"#
    );

    // 2. Contacts carry the new import's id (here the documented one).
    let opts = with_import();
    let contact = json!({
        "full_name": "Jane Smith",
        "email": "jane.smith@example.com",
        "linkedin_profile": "https://linkedin.com/in/janesmith"
    });
    let insert = build_sdr_agent_contact(&contact, &opts).unwrap();
    assert_eq!(insert.headers.get("X-Import-ID"), Some(IMPORT));

    // 3. Complete it.
    let complete = build_complete_import(&json!({"totalRows": 1}), &opts).unwrap();
    assert_eq!(complete.method, Method::Put);
    assert_eq!(
        complete.url,
        format!("https://api.sdragent.com/imports/{IMPORT}")
    );
    assert_eq!(
        headers(&complete),
        [("Content-Type", "application/json"), ("X-API-Key", KEY)]
    );
    assert_eq!(complete.body, r#"{"status":"completed","total_rows":1}"#);

    // 4. Link it to a campaign.
    let link = build_link_campaign(&json!({"campaignId": CAMPAIGN}), &opts).unwrap();
    assert_eq!(link.method, Method::Post);
    assert_eq!(
        link.url,
        format!("https://api.sdragent.com/campaign-imports/{CAMPAIGN}/imports")
    );
    assert_eq!(link.body, format!(r#"{{"import_id":"{IMPORT}"}}"#));
}

#[wasm_bindgen_test(unsupported = test)]
fn create_import_input() {
    for input in [
        Value::Null,
        json!({}),
        json!({"name": "  ", "source": null}),
    ] {
        let req = build_create_import(&input, &base()).unwrap();
        assert_eq!(req.body, r#"{"status":"processing"}"#);
    }
    let errs = build_create_import(
        &json!({"name": "n".repeat(limits::IMPORT_TEXT_MAX_CHARS + 1), "source": 3, "status": "completed"}),
        &base(),
    )
    .unwrap_err();
    assert_eq!(
        codes(&errs),
        [
            ("name".into(), "too_long"),
            ("source".into(), "type_mismatch"),
            ("status".into(), "unknown_field")
        ]
    );
    let errs = build_create_import(&json!(["Q1"]), &base()).unwrap_err();
    assert_eq!(codes(&errs), [("".into(), "not_an_object")]);
    // The import does not exist yet: an import id here is a mistake.
    let errs = build_create_import(&Value::Null, &with_import()).unwrap_err();
    assert_eq!(
        codes(&errs),
        [("options.importId".into(), "invalid_option")]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn total_rows_is_a_whole_number() {
    for (n, sent) in [
        (json!(0), 0u64),
        (json!(120), 120),
        (json!(12.0), 12),
        (json!(9007199254740991u64), 9007199254740991),
        // Spelled otherwise in JSON text: read exactly.
        (serde_json::from_str("3.000").unwrap(), 3),
        (serde_json::from_str("1e3").unwrap(), 1000),
        (serde_json::from_str("250E-1").unwrap(), 25),
        (serde_json::from_str("-0.0").unwrap(), 0),
        (
            serde_json::from_str("9.007199254740991e15").unwrap(),
            9007199254740991,
        ),
    ] {
        let req = build_complete_import(&json!({"totalRows": n}), &with_import()).unwrap();
        assert_eq!(
            req.body,
            format!(r#"{{"status":"completed","total_rows":{sent}}}"#)
        );
    }
    for n in [
        json!(-1),
        json!(1.5),
        json!(9007199254740992u64),
        json!(-0.5),
        json!(1e300),
        serde_json::from_str("250E-2").unwrap(),
        serde_json::from_str("1.0000000000000000001").unwrap(),
        serde_json::from_str("9007199254740993.0").unwrap(),
        serde_json::from_str("1e999999999").unwrap(),
        serde_json::from_str("-1e3").unwrap(),
    ] {
        let errs = build_complete_import(&json!({"totalRows": n}), &with_import()).unwrap_err();
        assert_eq!(codes(&errs), [("totalRows".into(), "invalid_count")], "{n}");
        assert_eq!(
            errs[0].error.message,
            "This must be a whole number of at least 0."
        );
    }
    let errs = build_complete_import(&json!({"totalRows": "12"}), &with_import()).unwrap_err();
    assert_eq!(codes(&errs), [("totalRows".into(), "type_mismatch")]);
    let errs = build_complete_import(&json!({"total_rows": 12}), &with_import()).unwrap_err();
    assert_eq!(
        codes(&errs),
        [
            ("totalRows".into(), "required"),
            ("total_rows".into(), "unknown_field")
        ]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn complete_and_link_need_the_import_id() {
    let errs = build_complete_import(&json!({"totalRows": 3}), &base()).unwrap_err();
    assert_eq!(codes(&errs), [("options.importId".into(), "required")]);
    let errs = build_link_campaign(&json!({"campaignId": CAMPAIGN}), &base()).unwrap_err();
    assert_eq!(codes(&errs), [("options.importId".into(), "required")]);
    let bad = SdrAgentOptions {
        import_id: Some("42".into()),
        ..base()
    };
    let errs = build_complete_import(&json!({"totalRows": 3}), &bad).unwrap_err();
    assert_eq!(codes(&errs), [("options.importId".into(), "invalid_uuid")]);
}

#[wasm_bindgen_test(unsupported = test)]
fn campaign_id_is_a_uuid() {
    for input in [
        json!({"campaignId": "Q1 campaign"}),
        json!({"campaignId": "../../contacts"}),
    ] {
        let errs = build_link_campaign(&input, &with_import()).unwrap_err();
        assert_eq!(codes(&errs), [("campaignId".into(), "invalid_uuid")]);
        assert_eq!(errs[0].error.params["field"], "campaignId");
    }
    let errs = build_link_campaign(&Value::Null, &with_import()).unwrap_err();
    assert_eq!(codes(&errs), [("campaignId".into(), "required")]);
}

#[wasm_bindgen_test(unsupported = test)]
fn bearer_token_and_base_url_apply_to_every_step() {
    let opts = SdrAgentOptions {
        base_url: Some("https://staging.sdragent.com/api/".into()),
        bearer_token: Some("jwt.token.sig".into()),
        import_id: Some(IMPORT.into()),
        ..Default::default()
    };
    let complete = build_complete_import(&json!({"totalRows": 2}), &opts).unwrap();
    assert_eq!(
        complete.url,
        format!("https://staging.sdragent.com/api/imports/{IMPORT}")
    );
    assert_eq!(
        complete.headers.get("authorization"),
        Some("Bearer jwt.token.sig")
    );
    let opts = SdrAgentOptions {
        import_id: None,
        ..opts
    };
    let create = build_create_import(&Value::Null, &opts).unwrap();
    assert_eq!(create.url, "https://staging.sdragent.com/api/imports/");
}
