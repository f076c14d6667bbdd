//! Contactship `POST /v1/contacts`: the documented examples, every required-field and type
//! error, `additional_data`, limits and options.

use contactkit::payload::{
    build_contactship_contact, limits, ContactError, ContactshipOptions, CountryFormat, Method,
};
use contactkit::Lang;
use serde_json::{json, Value};
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::codes;

const KEY: &str = "your-api-key";

fn opts() -> ContactshipOptions {
    ContactshipOptions {
        api_key: Some(KEY.into()),
        ..Default::default()
    }
}

fn errors(contact: Value, opts: &ContactshipOptions) -> Vec<ContactError> {
    build_contactship_contact(&contact, opts).expect_err("the contact should be rejected")
}

fn has(errs: &[ContactError], field: &str, code: &str) -> bool {
    errs.iter()
        .any(|e| e.field == field && e.error.code.as_str() == code)
}

// ------------------------------------------------------------------ the documented examples

#[wasm_bindgen_test(unsupported = test)]
fn seed_basic_example_is_the_exact_request() {
    let contact = json!({"phone_number": "+12124567890", "full_name": "Juan Pérez"});
    let req = build_contactship_contact(&contact, &opts()).unwrap();
    assert_eq!(req.method, Method::Post);
    assert_eq!(req.url, "https://api.contactship.ai/v1/contacts");
    let headers: Vec<(&str, &str)> = req.headers.iter().collect();
    assert_eq!(
        headers,
        [("Content-Type", "application/json"), ("x-api-key", KEY)]
    );
    assert_eq!(
        req.body,
        r#"{"phone_number":"+12124567890","full_name":"Juan Pérez"}"#
    );
}

fn seed_complete_example() -> Value {
    json!({
        "phone_number": "+12124567890",
        "full_name": "Juan Pérez",
        "country": "México",
        "email": "juan@ejemplo.com",
        "description": "Lead from LinkedIn campaign",
        "additional_data": [
            {"type": "location", "field": "dirección", "value": "Av. Insurgentes 123"},
            {"type": "text", "field": "notas", "value": "Cliente potencial para servicio premium"}
        ]
    })
}

#[wasm_bindgen_test(unsupported = test)]
fn seed_complete_example_sends_every_field_normalized() {
    let req = build_contactship_contact(&seed_complete_example(), &opts()).unwrap();
    // The documented body, with the country as its English name (CountryFormat::Name).
    assert_eq!(
        req.body,
        concat!(
            r#"{"phone_number":"+12124567890","full_name":"Juan Pérez","country":"Mexico","#,
            r#""email":"juan@ejemplo.com","description":"Lead from LinkedIn campaign","#,
            r#""additional_data":[{"type":"location","field":"dirección","value":"Av. Insurgentes 123"},"#,
            r#"{"type":"text","field":"notas","value":"Cliente potencial para servicio premium"}]}"#
        )
    );
    // The field names are exactly the documented ones (and those the response echoes).
    let body: Value = serde_json::from_str(&req.body).unwrap();
    let mut names: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "additional_data",
            "country",
            "description",
            "email",
            "full_name",
            "phone_number"
        ]
    );
    for item in body["additional_data"].as_array().unwrap() {
        let mut keys: Vec<&str> = item
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["field", "type", "value"]);
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn country_can_be_sent_as_alpha2() {
    let o = ContactshipOptions {
        country_format: CountryFormat::Alpha2,
        ..opts()
    };
    let req = build_contactship_contact(&seed_complete_example(), &o).unwrap();
    let body: Value = serde_json::from_str(&req.body).unwrap();
    assert_eq!(body["country"], "MX");
}

#[wasm_bindgen_test(unsupported = test)]
fn the_contacts_country_is_the_phones_default_country() {
    let contact = json!({"phone_number": "55 1234 5678", "full_name": "Ana", "country": "mx"});
    let req = build_contactship_contact(&contact, &opts()).unwrap();
    let body: Value = serde_json::from_str(&req.body).unwrap();
    assert_eq!(body["phone_number"], "+525512345678");
    assert_eq!(body["country"], "Mexico");

    // Without a country on the contact, options.default_country is used …
    let national = json!({"phone_number": "(212) 456-7890", "full_name": "Ana"});
    let o = ContactshipOptions {
        default_country: Some("US".into()),
        ..opts()
    };
    let req = build_contactship_contact(&national, &o).unwrap();
    assert!(req.body.contains(r#""phone_number":"+12124567890""#));
    assert!(!req.body.contains("country"), "{}", req.body);

    // … and the contact's own country wins over it.
    let o = ContactshipOptions {
        default_country: Some("US".into()),
        ..opts()
    };
    let req = build_contactship_contact(&contact, &o).unwrap();
    assert!(req.body.contains("+525512345678"));

    // With neither, a national number cannot be placed.
    let errs = errors(national, &opts());
    assert_eq!(
        codes(&errs),
        [("phone_number".into(), "phone_missing_country")]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn strings_are_trimmed_and_blank_optionals_left_out() {
    let contact = json!({
        "phone_number": "  +12124567890 ",
        "full_name": "\t Juan Pérez \n",
        "country": "",
        "email": "   ",
        "description": null,
        "additional_data": []
    });
    let req = build_contactship_contact(&contact, &opts()).unwrap();
    assert_eq!(
        req.body,
        r#"{"phone_number":"+12124567890","full_name":"Juan Pérez"}"#
    );
}

// ------------------------------------------------------------------ required and types

#[wasm_bindgen_test(unsupported = test)]
fn required_fields_missing_or_blank() {
    let errs = errors(json!({}), &opts());
    assert_eq!(
        codes(&errs),
        [
            ("phone_number".into(), "required"),
            ("full_name".into(), "required")
        ]
    );
    let errs = errors(json!({"phone_number": " ", "full_name": null}), &opts());
    assert_eq!(
        codes(&errs),
        [
            ("phone_number".into(), "required"),
            ("full_name".into(), "required")
        ]
    );
    assert_eq!(errs[0].error.message, "This field is required.");
}

#[wasm_bindgen_test(unsupported = test)]
fn wrong_types_are_type_mismatch() {
    let contact = json!({
        "phone_number": 12124567890u64,
        "full_name": ["Juan"],
        "country": 52,
        "email": true,
        "description": {"text": "x"},
        "additional_data": "location: Av. Insurgentes"
    });
    let errs = errors(contact, &opts());
    let expected = [
        ("country", "string", "number"),
        ("phone_number", "string", "number"),
        ("full_name", "string", "array"),
        ("email", "string", "boolean"),
        ("description", "string", "object"),
        ("additional_data", "array", "string"),
    ];
    assert_eq!(errs.len(), expected.len(), "{errs:#?}");
    for (field, exp, got) in expected {
        let e = errs.iter().find(|e| e.field == field).unwrap();
        assert_eq!(e.error.code.as_str(), "type_mismatch");
        assert_eq!(e.error.params["expected"], exp);
        assert_eq!(e.error.params["got"], got);
        assert_eq!(e.error.message, format!("Expected {exp}, got {got}."));
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn a_contact_that_is_not_an_object() {
    for (v, got) in [
        (json!(null), "null"),
        (json!("+12124567890"), "string"),
        (json!([{"phone_number": "+12124567890"}]), "array"),
        (json!(7), "number"),
    ] {
        let errs = errors(v, &opts());
        assert_eq!(codes(&errs), [("".into(), "not_an_object")]);
        assert_eq!(errs[0].error.params["got"], got);
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn unknown_fields_are_reported_not_dropped() {
    let mut contact = seed_complete_example();
    contact["phone"] = json!("+12124567890");
    contact["Full_Name"] = json!("x");
    let errs = errors(contact, &opts());
    assert_eq!(
        codes(&errs),
        [
            ("phone".into(), "unknown_field"),
            ("Full_Name".into(), "unknown_field")
        ]
    );
    assert_eq!(errs[0].error.params["field"], "phone");
    assert_eq!(
        errs[0].error.message,
        "\"phone\" is not a field this API takes."
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn every_problem_is_reported_at_once() {
    let contact = json!({
        "phone_number": "12",
        "full_name": "",
        "country": "Atlantis",
        "email": "juan.ejemplo.com",
        "additional_data": [{"type": "date", "field": "alta", "value": "31/02/2024"}],
        "notes": "x"
    });
    let errs = errors(contact, &opts());
    let got = codes(&errs);
    for (field, code) in [
        ("country", "country_unknown"),
        ("full_name", "required"),
        ("email", "email_missing_at"),
        ("additional_data[0].value", "additional_data_invalid_date"),
        ("notes", "unknown_field"),
    ] {
        assert!(got.contains(&(field.into(), code)), "{field}: {got:?}");
    }
    assert!(errs.iter().any(|e| e.field == "phone_number"), "{got:?}");
}

// ------------------------------------------------------------------ additional_data

fn item_errors(items: Value) -> Vec<ContactError> {
    errors(
        json!({"phone_number": "+12124567890", "full_name": "Ana", "additional_data": items}),
        &opts(),
    )
}

fn body_items(items: Value) -> Value {
    let c = json!({"phone_number": "+12124567890", "full_name": "Ana", "additional_data": items});
    let req = build_contactship_contact(&c, &opts()).unwrap();
    serde_json::from_str::<Value>(&req.body).unwrap()["additional_data"].clone()
}

#[wasm_bindgen_test(unsupported = test)]
fn additional_data_values_fit_their_type() {
    let sent = body_items(json!([
        {"type": "number", "field": "score", "value": 42},
        {"type": "number", "field": "ratio", "value": 0.25},
        {"type": "number", "field": "delta", "value": " +7.5 "},
        {"type": "number", "field": "big", "value": "12345678901234567890"},
        {"type": "date", "field": "alta", "value": "2024-02-29"},
        {"type": "date", "field": "cita", "value": "2024-03-01T09:30:00-06:00"},
        {"type": "Text", "field": " notas ", "value": " hola "},
        {"type": "location", "field": "dirección", "value": "Av. Insurgentes 123"}
    ]));
    assert_eq!(
        sent,
        json!([
            {"type": "number", "field": "score", "value": "42"},
            {"type": "number", "field": "ratio", "value": "0.25"},
            {"type": "number", "field": "delta", "value": "7.5"},
            {"type": "number", "field": "big", "value": "12345678901234567890"},
            {"type": "date", "field": "alta", "value": "2024-02-29"},
            {"type": "date", "field": "cita", "value": "2024-03-01T09:30:00-06:00"},
            {"type": "text", "field": "notas", "value": "hola"},
            {"type": "location", "field": "dirección", "value": "Av. Insurgentes 123"}
        ])
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn additional_data_errors_name_the_item_and_key() {
    let errs = item_errors(json!([
        {"type": "text", "field": "ok", "value": "fine"},
        {"type": "date", "field": "alta", "value": "2023-02-29"},
        {"type": "number", "field": "score", "value": "12,5"},
        {"type": "number", "field": "score", "value": true},
        {"type": "color", "field": "fav", "value": "red"},
        {"type": "text", "field": "  ", "value": "x"},
        {"type": "text", "field": "empty"},
        {"field": "no type", "value": "x"},
        "just a string",
        {"type": "text", "field": "f", "value": "v", "constructor": "x"},
        {"type": "date", "field": "when", "value": 20240101}
    ]));
    assert_eq!(
        codes(&errs),
        [
            (
                "additional_data[1].value".into(),
                "additional_data_invalid_date"
            ),
            (
                "additional_data[2].value".into(),
                "additional_data_invalid_number"
            ),
            ("additional_data[3].value".into(), "type_mismatch"),
            (
                "additional_data[4].type".into(),
                "additional_data_invalid_type"
            ),
            ("additional_data[5].field".into(), "required"),
            ("additional_data[6].value".into(), "required"),
            ("additional_data[7].type".into(), "required"),
            ("additional_data[8]".into(), "type_mismatch"),
            ("additional_data[9].constructor".into(), "unknown_field"),
            ("additional_data[10].value".into(), "type_mismatch"),
        ]
    );
    assert_eq!(
        errs[3].error.params["allowed"],
        "text, date, number, location"
    );
    assert_eq!(errs[7].error.params["expected"], "object");
}

#[wasm_bindgen_test(unsupported = test)]
fn additional_data_limits() {
    let many: Vec<Value> = (0..limits::ADDITIONAL_DATA_MAX_ITEMS + 1)
        .map(|i| json!({"type": "text", "field": format!("f{i}"), "value": "v"}))
        .collect();
    let errs = item_errors(Value::Array(many));
    assert_eq!(codes(&errs), [("additional_data".into(), "too_many_items")]);
    assert_eq!(
        errs[0].error.params["max"],
        limits::ADDITIONAL_DATA_MAX_ITEMS
    );

    let field = "f".repeat(limits::ADDITIONAL_DATA_FIELD_MAX_CHARS + 1);
    let value = "é".repeat(limits::ADDITIONAL_DATA_VALUE_MAX_CHARS + 1);
    let errs = item_errors(json!([{"type": "text", "field": field, "value": value}]));
    assert_eq!(
        codes(&errs),
        [
            ("additional_data[0].field".into(), "too_long"),
            ("additional_data[0].value".into(), "too_long")
        ]
    );
    assert_eq!(
        errs[1].error.params["length"],
        limits::ADDITIONAL_DATA_VALUE_MAX_CHARS + 1
    );
    // At the limit exactly is fine, counted in characters, not bytes.
    let value = "é".repeat(limits::ADDITIONAL_DATA_VALUE_MAX_CHARS);
    body_items(json!([{"type": "text", "field": "f", "value": value}]));
}

#[wasm_bindgen_test(unsupported = test)]
fn free_text_limits() {
    let contact = json!({
        "phone_number": "+12124567890",
        "full_name": "n".repeat(limits::FULL_NAME_MAX_CHARS + 1),
        "description": "d".repeat(limits::DESCRIPTION_MAX_CHARS + 5)
    });
    let errs = errors(contact, &opts());
    assert_eq!(
        codes(&errs),
        [
            ("full_name".into(), "too_long"),
            ("description".into(), "too_long")
        ]
    );
    assert_eq!(errs[0].error.params["max"], limits::FULL_NAME_MAX_CHARS);
    assert_eq!(
        errs[0].error.params["length"],
        limits::FULL_NAME_MAX_CHARS + 1
    );
    assert_eq!(
        errs[1].error.params["length"],
        limits::DESCRIPTION_MAX_CHARS + 5
    );
}

// ------------------------------------------------------------------ options

#[wasm_bindgen_test(unsupported = test)]
fn base_url_is_checked_and_joined() {
    let contact = json!({"phone_number": "+12124567890", "full_name": "Ana"});
    for (base, url) in [
        (
            "https://proxy.example.com/contactship/",
            "https://proxy.example.com/contactship/v1/contacts",
        ),
        ("http://localhost:8080", "http://localhost:8080/v1/contacts"),
        (
            "  https://API.Contactship.ai  ",
            "https://api.contactship.ai/v1/contacts",
        ),
        (" ", "https://api.contactship.ai/v1/contacts"),
    ] {
        let o = ContactshipOptions {
            base_url: Some(base.into()),
            ..opts()
        };
        assert_eq!(build_contactship_contact(&contact, &o).unwrap().url, url);
    }
    for base in [
        "ftp://example.com",
        "example.com",
        "https://x.com/?a=1",
        "https://u:p@x.com",
    ] {
        let o = ContactshipOptions {
            base_url: Some(base.into()),
            ..opts()
        };
        let errs = errors(contact.clone(), &o);
        assert_eq!(
            codes(&errs),
            [("options.baseUrl".into(), "invalid_base_url")],
            "{base}"
        );
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn without_credentials_there_is_no_auth_header() {
    let contact = json!({"phone_number": "+12124567890", "full_name": "Ana"});
    let req = build_contactship_contact(&contact, &ContactshipOptions::default()).unwrap();
    let names: Vec<&str> = req.headers.iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Content-Type"]);
}

#[wasm_bindgen_test(unsupported = test)]
fn credentials_are_checked_and_never_echoed() {
    let secret = "sk_live_SECRET\r\nX-Evil: 1";
    let o = ContactshipOptions {
        api_key: Some(secret.into()),
        ..Default::default()
    };
    let errs = errors(json!({"full_name": "Ana"}), &o);
    assert!(
        has(&errs, "options.apiKey", "invalid_credentials"),
        "{errs:?}"
    );
    let shown = format!("{errs:?} {}", serde_json::to_string(&errs).unwrap());
    assert!(!shown.contains("SECRET"), "{shown}");
    assert!(!format!("{o:?}").contains("SECRET"));

    // A valid key is trimmed, sent, and redacted from Debug output.
    let o = ContactshipOptions {
        api_key: Some(" sk_live_SECRET \n".into()),
        ..Default::default()
    };
    assert!(!format!("{o:?}").contains("SECRET"));
    let req = build_contactship_contact(
        &json!({"phone_number": "+12124567890", "full_name": "Ana"}),
        &o,
    )
    .unwrap();
    assert_eq!(req.headers.get("X-API-KEY"), Some("sk_live_SECRET"));
    let debug = format!("{req:?}");
    assert!(
        !debug.contains("SECRET") && debug.contains("<redacted>"),
        "{debug}"
    );

    let o = ContactshipOptions {
        api_key: Some("  ".into()),
        ..Default::default()
    };
    assert!(has(
        &errors(json!({}), &o),
        "options.apiKey",
        "invalid_credentials"
    ));
}

#[wasm_bindgen_test(unsupported = test)]
fn default_country_is_checked() {
    let o = ContactshipOptions {
        default_country: Some("Narnia".into()),
        ..opts()
    };
    let errs = errors(
        json!({"phone_number": "+12124567890", "full_name": "Ana"}),
        &o,
    );
    assert_eq!(
        codes(&errs),
        [("options.defaultCountry".into(), "invalid_option")]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn options_from_json() {
    let o = ContactshipOptions::from_json(&json!({
        "baseUrl": "https://example.com", "apiKey": "k", "defaultCountry": "MX",
        "countryFormat": "alpha2", "lang": "es-MX"
    }))
    .unwrap();
    assert_eq!(o.base_url.as_deref(), Some("https://example.com"));
    assert_eq!(o.country_format, CountryFormat::Alpha2);
    assert_eq!(o.lang, Lang::Es);
    assert_eq!(
        ContactshipOptions::from_json(&Value::Null).unwrap(),
        ContactshipOptions::default()
    );

    let errs = ContactshipOptions::from_json(&json!({
        "apiKey": 5, "bearerToken": "t", "countryFormat": "iso", "lang": "fr"
    }))
    .unwrap_err();
    assert_eq!(
        codes(&errs),
        [
            ("options.lang".into(), "invalid_option"),
            ("options.apiKey".into(), "invalid_option"),
            ("options.countryFormat".into(), "invalid_option"),
            ("options.bearerToken".into(), "invalid_option"),
        ]
    );
    // A wrong type names what was expected and what was given, as the field rules' options do.
    let params = &errs[1].error.params;
    assert_eq!(params.get("option"), Some(&json!("apiKey")));
    assert_eq!(params.get("expected"), Some(&json!("string")));
    assert_eq!(params.get("got"), Some(&json!("number")));
    let errs = ContactshipOptions::from_json(&json!("k")).unwrap_err();
    assert_eq!(codes(&errs), [("options".into(), "invalid_option")]);
    assert_eq!(errs[0].error.params.get("got"), Some(&json!("string")));
    // Names are matched exactly; values of a list in any case.
    let errs = ContactshipOptions::from_json(&json!({"CountryFormat": "alpha2"})).unwrap_err();
    assert_eq!(
        codes(&errs),
        [("options.CountryFormat".into(), "invalid_option")]
    );
    let o = ContactshipOptions::from_json(&json!({"countryFormat": " ALPHA2 "})).unwrap();
    assert_eq!(o.country_format, CountryFormat::Alpha2);
}

#[wasm_bindgen_test(unsupported = test)]
fn messages_in_spanish() {
    let o = ContactshipOptions {
        lang: Lang::Es,
        ..opts()
    };
    let errs = errors(json!({"phone_number": "+12124567890"}), &o);
    assert_eq!(errs[0].error.message, "Este campo es obligatorio.");
}

#[wasm_bindgen_test(unsupported = test)]
fn errors_serialize_flat() {
    let errs = errors(json!({"full_name": "Ana"}), &opts());
    let v = serde_json::to_value(&errs[0]).unwrap();
    assert_eq!(
        v,
        json!({"field": "phone_number", "code": "required",
               "message": "This field is required.", "params": {}})
    );
}
