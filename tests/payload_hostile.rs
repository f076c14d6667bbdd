//! Hostile input: deep nesting, huge strings, wrong types, prototype keys, garbage JSON.
//! Every case gets errors, never a panic or a stack overflow.

use contactkit::payload::{
    build_contactship_contact, build_contactship_contact_json, build_sdr_agent_contact,
    build_sdr_agent_contact_json, limits, parse_contact_json, BatchValidator, ContactError,
    ContactshipOptions, SdrAgentOptions,
};
use contactkit::Lang;
use serde_json::{json, Map, Value};
use wasm_bindgen_test::wasm_bindgen_test;

fn codes(errs: &[ContactError]) -> Vec<(String, String)> {
    errs.iter()
        .map(|e| (e.field.clone(), e.error.code.as_str().to_string()))
        .collect()
}

fn sdr_errors(text: &str) -> Vec<ContactError> {
    build_sdr_agent_contact_json(text, &SdrAgentOptions::default()).unwrap_err()
}

#[wasm_bindgen_test(unsupported = test)]
fn nesting_deeper_than_the_parser_reads_names_the_field() {
    for depth in [200, 100_000] {
        let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let text = format!(r#"{{"full_name":"Ana","metadata":{{"a":{deep}}},"company":{deep}}}"#);
        let errs = sdr_errors(&text);
        // The deep fields are named; the others are still checked.
        assert_eq!(
            codes(&errs),
            [
                ("metadata".into(), "nesting_too_deep".into()),
                ("company".into(), "nesting_too_deep".into()),
                ("email".into(), "required".into()),
                ("linkedin_profile".into(), "required".into())
            ],
            "depth {depth}"
        );
        assert_eq!(errs[0].error.params["max"], limits::METADATA_MAX_DEPTH);
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn nesting_within_the_parser_but_over_the_metadata_limit() {
    let depth = 100;
    let text = format!(
        r#"{{"full_name":"Ana","email":"ana@example.com","linkedin_profile":"linkedin.com/in/ana","metadata":{}{}}}"#,
        r#"{"k":"#.repeat(depth - 1) + "{}",
        "}".repeat(depth - 1)
    );
    let errs = sdr_errors(&text);
    assert_eq!(
        codes(&errs),
        [("metadata".into(), "nesting_too_deep".into())]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn deep_values_built_in_rust_are_walked_without_recursion() {
    let mut v = Value::Array(Vec::new());
    for _ in 0..1_000 {
        v = Value::Array(vec![v]);
    }
    let mut m = Map::new();
    m.insert("deep".into(), v);
    let contact = json!({"full_name": "Ana", "email": "ana@example.com",
                         "linkedin_profile": "linkedin.com/in/ana", "metadata": m});
    let errs = build_sdr_agent_contact(&contact, &SdrAgentOptions::default()).unwrap_err();
    assert_eq!(
        codes(&errs),
        [("metadata".into(), "nesting_too_deep".into())]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn a_deep_array_or_garbage_is_not_a_contact() {
    let deep = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
    for text in [
        deep.as_str(),
        "",
        "{",
        "nul",
        r#"{"a":1,}"#,
        "\u{feff}{}",
        r#"{"a" 1}"#,
    ] {
        let errs = sdr_errors(text);
        assert_eq!(
            codes(&errs),
            [("".into(), "not_an_object".into())],
            "{text:.20}"
        );
    }
    let errs = parse_contact_json("[1]", Lang::En).unwrap();
    assert_eq!(errs, json!([1]));
}

#[wasm_bindgen_test(unsupported = test)]
fn huge_strings_are_rejected_cheaply() {
    let huge = "x".repeat(5 << 20);
    let contact = json!({
        "phone_number": huge, "full_name": huge, "country": huge, "email": huge,
        "description": huge,
        "additional_data": [{"type": "text", "field": huge, "value": huge}]
    });
    let errs = build_contactship_contact(&contact, &ContactshipOptions::default()).unwrap_err();
    let got = codes(&errs);
    for (field, code) in [
        ("country", "input_too_long"),
        ("phone_number", "input_too_long"),
        ("full_name", "too_long"),
        ("email", "input_too_long"),
        ("description", "too_long"),
        ("additional_data[0].field", "too_long"),
        ("additional_data[0].value", "too_long"),
    ] {
        assert!(
            got.contains(&(field.into(), code.into())),
            "{field}: {got:?}"
        );
    }
    // No error repeats the input.
    assert!(errs.iter().all(|e| e.error.message.len() < 200));
    assert!(serde_json::to_string(&errs).unwrap().len() < 4096);
}

#[wasm_bindgen_test(unsupported = test)]
fn huge_and_numerous_keys() {
    let mut m = Map::new();
    m.insert("k".repeat(1 << 20), json!(1));
    for i in 0..10_000 {
        m.insert(format!("extra{i}"), json!(i));
    }
    let errs =
        build_contactship_contact(&Value::Object(m), &ContactshipOptions::default()).unwrap_err();
    // Two required fields, the unknown ones listed up to the cap, and the rest counted.
    assert_eq!(errs.len(), 2 + limits::UNKNOWN_FIELDS_LISTED + 1);
    let more = errs.last().unwrap();
    assert_eq!(more.error.code.as_str(), "more_unknown_fields");
    assert_eq!(
        more.error.params["count"],
        json!(10_001 - limits::UNKNOWN_FIELDS_LISTED)
    );
    let long = errs.iter().find(|e| e.field.starts_with("kkk")).unwrap();
    assert_eq!(long.field.chars().count(), 65);
    assert!(long.field.ends_with('…'));
}

#[wasm_bindgen_test(unsupported = test)]
fn huge_arrays() {
    let items: Vec<Value> = (0..100_000).map(|_| json!("x")).collect();
    let contact =
        json!({"phone_number": "+12124567890", "full_name": "Ana", "additional_data": items});
    let errs = build_contactship_contact(&contact, &ContactshipOptions::default()).unwrap_err();
    // The limit, and only the items up to it.
    assert_eq!(errs[0].field, "additional_data");
    assert_eq!(errs[0].error.code.as_str(), "too_many_items");
    assert_eq!(errs.len(), 1 + limits::ADDITIONAL_DATA_MAX_ITEMS);
}

#[wasm_bindgen_test(unsupported = test)]
fn every_json_type_in_every_field() {
    let samples = [
        json!(null),
        json!(true),
        json!(0),
        json!(-1.5e300),
        json!(""),
        json!("x"),
        json!([]),
        json!([1]),
        json!({}),
        json!({"a": 1}),
    ];
    let sdr_fields = [
        "full_name",
        "email",
        "linkedin_profile",
        "company",
        "locale",
        "timezone",
        "metadata",
    ];
    for field in sdr_fields {
        for s in &samples {
            let mut c = Map::new();
            c.insert(field.into(), s.clone());
            let errs = build_sdr_agent_contact(&Value::Object(c), &SdrAgentOptions::default());
            assert!(errs.is_err(), "{field} = {s}");
        }
    }
    let cs_fields = [
        "phone_number",
        "full_name",
        "country",
        "email",
        "description",
        "additional_data",
    ];
    for field in cs_fields {
        for s in &samples {
            let mut c = Map::new();
            c.insert(field.into(), s.clone());
            let item = json!({"type": s, "field": s, "value": s});
            c.insert("additional_data".into(), json!([item, s]));
            let errs = build_contactship_contact(&Value::Object(c), &ContactshipOptions::default());
            assert!(errs.is_err(), "{field} = {s}");
        }
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn prototype_keys_are_plain_data() {
    let text = r#"{"full_name":"Ana","email":"ana@example.com","linkedin_profile":"linkedin.com/in/ana",
                  "__proto__":{"isAdmin":true},"constructor":{"prototype":{}}}"#;
    let errs = sdr_errors(text);
    assert_eq!(
        codes(&errs),
        [
            ("__proto__".into(), "unknown_field".into()),
            ("constructor".into(), "unknown_field".into())
        ]
    );
    let text = r#"{"full_name":"Ana","email":"ana@example.com","linkedin_profile":"linkedin.com/in/ana",
                  "metadata":{"__proto__":{"isAdmin":true},"constructor":{"prototype":1}}}"#;
    let req = build_sdr_agent_contact_json(text, &SdrAgentOptions::default()).unwrap();
    assert!(req
        .body
        .ends_with(r#""metadata":{"__proto__":{"isAdmin":true},"constructor":{"prototype":1}}}"#));

    let text = r#"{"phone_number":"+12124567890","full_name":"Ana","additional_data":[{"__proto__":"x","type":"text","field":"f","value":"v"}]}"#;
    let errs = build_contactship_contact_json(text, &ContactshipOptions::default()).unwrap_err();
    assert_eq!(
        codes(&errs),
        [(
            "additional_data[0].__proto__".into(),
            "unknown_field".into()
        )]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn hostile_rows_in_a_batch() {
    let mut v = BatchValidator::from_json(&json!({"target": "contactship"}));
    let deep = format!("{}{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    let r0 = v.validate_json_row(&format!(
        r#"{{"phone_number":"+12124567890","full_name":"Ana","description":{deep}}}"#
    ));
    let r1 = v.validate_json_row("not json");
    let r2 = v.validate_json_row(&deep);
    let r3 = v.validate_json_row(r#"{"phone_number":"+12124567890","full_name":"Ana"}"#);
    assert_eq!(
        codes(r0.result.as_ref().err().unwrap()),
        [("description".into(), "nesting_too_deep".into())]
    );
    assert_eq!(
        codes(r1.result.as_ref().err().unwrap()),
        [("".into(), "not_an_object".into())]
    );
    assert!(r2.result.is_err());
    // Row 0 had a valid phone: row 3 repeats it.
    assert_eq!(
        codes(r3.result.as_ref().err().unwrap()),
        [("phone_number".into(), "duplicate".into())]
    );
    assert_eq!(v.summary().total, 4);
}
