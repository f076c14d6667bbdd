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

mod common;
use common::codes;

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
                ("metadata".into(), "nesting_too_deep"),
                ("company".into(), "nesting_too_deep"),
                ("email".into(), "required"),
                ("linkedin_profile".into(), "required")
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
    assert_eq!(codes(&errs), [("metadata".into(), "nesting_too_deep")]);
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
    assert_eq!(codes(&errs), [("metadata".into(), "nesting_too_deep")]);
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
        assert_eq!(codes(&errs), [("".into(), "not_an_object")], "{text:.20}");
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
        assert!(got.contains(&(field.into(), code)), "{field}: {got:?}");
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

/// What a field does with a value of each JSON type, in a contact valid but for that field.
#[derive(Clone)]
enum Rule {
    /// Text; `null` and blank are absent (`required` when the field is); `"x"` is kept as it
    /// is when `x_error` is `None`, else it is that error (code and params).
    Text {
        required: bool,
        x_error: Option<(&'static str, Value)>,
    },
    /// An object (`metadata`): kept as it is; `null` is absent.
    Object,
    /// An array of objects (`additional_data`): `null` and `[]` are absent.
    Array,
}

/// One value of every JSON type, with the type name `type_mismatch` reports.
fn samples() -> [(Value, &'static str); 10] {
    [
        (json!(null), "null"),
        (json!(true), "boolean"),
        (json!(0), "number"),
        (json!(-1.5e300), "number"),
        (json!(""), "string"),
        (json!("x"), "string"),
        (json!([]), "array"),
        (json!([1]), "array"),
        (json!({}), "object"),
        (json!({"a": 1}), "object"),
    ]
}

/// The outcome the rule gives `value` in `field` (named `path` in errors): the body's value of
/// the field (`None`: left out), or its one error as (field, code, params).
fn expected(path: &str, rule: &Rule, value: &Value, got: &str) -> Result<Option<Value>, Error> {
    let error = |code: &str, params: Value| Err((path.to_string(), code.to_string(), params));
    let mismatch =
        |expected: &str| error("type_mismatch", json!({"expected": expected, "got": got}));
    match (rule, value) {
        (Rule::Text { required, .. }, Value::Null) => match required {
            true => error("required", json!({})),
            false => Ok(None),
        },
        (Rule::Text { required, x_error }, Value::String(s)) => {
            match (s.as_str(), required, x_error) {
                ("", true, _) => error("required", json!({})),
                ("", false, _) => Ok(None),
                (_, _, None) => Ok(Some(value.clone())),
                (_, _, Some((code, params))) => error(code, params.clone()),
            }
        }
        (Rule::Text { .. }, _) => mismatch("string"),
        (Rule::Object, Value::Null) => Ok(None),
        (Rule::Object, Value::Object(_)) => Ok(Some(value.clone())),
        (Rule::Object, _) => mismatch("object"),
        (Rule::Array, Value::Null) => Ok(None),
        (Rule::Array, Value::Array(items)) if items.is_empty() => Ok(None),
        (Rule::Array, Value::Array(_)) => Err((
            format!("{path}[0]"),
            "type_mismatch".to_string(),
            json!({"expected": "object", "got": "number"}),
        )),
        (Rule::Array, _) => mismatch("array"),
    }
}

type Error = (String, String, Value);

/// The body as a JSON object, or the errors as (field, code, params); both paths (a JSON value
/// and its text) must give the same.
fn outcome(
    build: &dyn Fn(&Value) -> Result<String, Vec<ContactError>>,
    build_text: &dyn Fn(&str) -> Result<String, Vec<ContactError>>,
    contact: &Value,
) -> Result<Map<String, Value>, Vec<Error>> {
    let as_value = build(contact);
    assert_eq!(
        as_value,
        build_text(&contact.to_string()),
        "text and value differ: {contact}"
    );
    match as_value {
        Ok(body) => match serde_json::from_str(&body).unwrap() {
            Value::Object(body) => Ok(body),
            other => panic!("body is not an object: {other}"),
        },
        Err(errs) => Err(errs
            .iter()
            .map(|e| {
                let params = serde_json::to_value(&e.error.params).unwrap();
                (e.field.clone(), e.error.code.as_str().to_string(), params)
            })
            .collect()),
    }
}

/// Every field, given every JSON type in a contact valid but for that field: exactly the
/// field's own outcome, and every other field as in the valid contact. Errors name a field
/// `prefix` + its name.
fn check_every_type(
    name: &str,
    prefix: &str,
    valid: Value,
    rules: &[(&str, Rule)],
    build: &dyn Fn(&Value) -> Result<String, Vec<ContactError>>,
    build_text: &dyn Fn(&str) -> Result<String, Vec<ContactError>>,
) {
    let valid_body = outcome(build, build_text, &valid)
        .unwrap_or_else(|e| panic!("{name}: the valid contact is rejected: {e:?}"));
    let valid = valid.as_object().unwrap();
    assert_eq!(
        valid.keys().collect::<Vec<_>>(),
        rules.iter().map(|(f, _)| f).collect::<Vec<_>>(),
        "{name}: the valid contact has every field of the rules, in order"
    );
    for (field, rule) in rules {
        for (value, got) in samples() {
            let mut contact = valid.clone();
            contact.insert(field.to_string(), value.clone());
            let contact = Value::Object(contact);
            let want = expected(&format!("{prefix}{field}"), rule, &value, got).map(|kept| {
                let mut body = valid_body.clone();
                match kept {
                    Some(v) => body.insert(field.to_string(), v),
                    None => body.remove(*field),
                };
                body
            });
            assert_eq!(
                outcome(build, build_text, &contact),
                want.map_err(|e| vec![e]),
                "{name}: {field} = {value}"
            );
        }
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn every_json_type_in_every_field() {
    let text = |required, x_code: Option<&'static str>| Rule::Text {
        required,
        x_error: x_code.map(|code| (code, json!({}))),
    };
    let sdr = SdrAgentOptions::default();
    check_every_type(
        "SDR Agent",
        "",
        json!({
            "full_name": "Ana", "email": "ana@example.com",
            "linkedin_profile": "https://www.linkedin.com/in/ana", "company": "Acme",
            "locale": "es-MX", "timezone": "America/Mexico_City", "metadata": {"k": "v"}
        }),
        &[
            ("full_name", text(true, None)),
            ("email", text(true, Some("email_missing_at"))),
            ("linkedin_profile", text(true, Some("linkedin_invalid_url"))),
            ("company", text(false, None)),
            ("locale", text(false, Some("locale_malformed"))),
            ("timezone", text(false, Some("timezone_unknown"))),
            ("metadata", Rule::Object),
        ],
        &|c| build_sdr_agent_contact(c, &sdr).map(|r| r.body),
        &|t| build_sdr_agent_contact_json(t, &sdr).map(|r| r.body),
    );
    let cs = ContactshipOptions::default();
    let build = |c: &Value| build_contactship_contact(c, &cs).map(|r| r.body);
    let build_text = |t: &str| build_contactship_contact_json(t, &cs).map(|r| r.body);
    let valid = json!({
        "phone_number": "+12124567890", "full_name": "Ana", "country": "Mexico",
        "email": "ana@example.com", "description": "d",
        "additional_data": [{"type": "text", "field": "f", "value": "v"}]
    });
    check_every_type(
        "Contactship",
        "",
        valid.clone(),
        &[
            ("phone_number", text(true, Some("phone_not_a_number"))),
            ("full_name", text(true, None)),
            ("country", text(false, Some("country_unknown"))),
            ("email", text(false, Some("email_missing_at"))),
            ("description", text(false, None)),
            ("additional_data", Rule::Array),
        ],
        &build,
        &build_text,
    );
    // Each field of an additional_data item, in a contact valid but for it.
    let item_rules = [
        (
            "type",
            Rule::Text {
                required: true,
                x_error: Some((
                    "additional_data_invalid_type",
                    json!({"allowed": "text, date, number, location"}),
                )),
            },
        ),
        ("field", text(true, None)),
        ("value", text(true, None)),
    ];
    let item = |c: &Value| c["additional_data"][0].clone();
    check_every_type(
        "Contactship additional_data[0]",
        "additional_data[0].",
        item(&valid),
        &item_rules,
        &|i| {
            build(&json!({"phone_number": "+12124567890", "full_name": "Ana", "additional_data": [i]}))
            .map(|body| item(&serde_json::from_str(&body).unwrap()).to_string())
        },
        &|i| {
            build_text(&format!(
                r#"{{"phone_number":"+12124567890","full_name":"Ana","additional_data":[{i}]}}"#
            ))
            .map(|body| item(&serde_json::from_str(&body).unwrap()).to_string())
        },
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn prototype_keys_are_plain_data() {
    let text = r#"{"full_name":"Ana","email":"ana@example.com","linkedin_profile":"linkedin.com/in/ana",
                  "__proto__":{"isAdmin":true},"constructor":{"prototype":{}}}"#;
    let errs = sdr_errors(text);
    assert_eq!(
        codes(&errs),
        [
            ("__proto__".into(), "unknown_field"),
            ("constructor".into(), "unknown_field")
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
        [("additional_data[0].__proto__".into(), "unknown_field")]
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
        [("description".into(), "nesting_too_deep")]
    );
    assert_eq!(
        codes(r1.result.as_ref().err().unwrap()),
        [("".into(), "not_an_object")]
    );
    // A deep object is an object: its one (unknown) member is too deep, and the required
    // fields are missing.
    assert_eq!(
        codes(r2.result.as_ref().err().unwrap()),
        [
            ("a".into(), "nesting_too_deep"),
            ("phone_number".into(), "required"),
            ("full_name".into(), "required")
        ]
    );
    // Row 0 had a valid phone: row 3 repeats it.
    assert_eq!(
        codes(r3.result.as_ref().err().unwrap()),
        [("phone_number".into(), "duplicate")]
    );
    assert_eq!(v.summary().total, 4);
}
