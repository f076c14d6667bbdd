//! SDR Agent `POST /contacts/`: the documented examples, required fields and types, LinkedIn
//! profiles, `metadata` passed through, options and credentials.

use contactkit::payload::{build_sdr_agent_contact, limits, ContactError, Method, SdrAgentOptions};
use contactkit::Lang;
use serde_json::{json, Value};
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::codes;

const KEY: &str = "sk_live_1234567890abcdef";
const IMPORT: &str = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

fn opts() -> SdrAgentOptions {
    SdrAgentOptions {
        api_key: Some(KEY.into()),
        import_id: Some(IMPORT.into()),
        ..Default::default()
    }
}

fn errors(contact: Value, opts: &SdrAgentOptions) -> Vec<ContactError> {
    build_sdr_agent_contact(&contact, opts).expect_err("the contact should be rejected")
}

fn minimal() -> Value {
    json!({
        "full_name": "Jane Smith",
        "email": "jane.smith@example.com",
        "linkedin_profile": "https://linkedin.com/in/janesmith"
    })
}

// ------------------------------------------------------------------ the documented examples

#[wasm_bindgen_test(unsupported = test)]
fn seed_example_is_the_exact_request() {
    let contact = json!({
        "full_name": "John Doe",
        "email": "john.doe@example.com",
        "linkedin_profile": "https://linkedin.com/in/johndoe",
        "company": "Tech Corp",
        "locale": "en-US",
        "timezone": "America/New_York",
        "metadata": {"source": "website", "campaign": "Q1-2024"}
    });
    let req = build_sdr_agent_contact(&contact, &opts()).unwrap();
    assert_eq!(req.method, Method::Post);
    assert_eq!(req.url, "https://api.sdragent.com/contacts/");
    let headers: Vec<(&str, &str)> = req.headers.iter().collect();
    assert_eq!(
        headers,
        [
            ("Content-Type", "application/json"),
            ("X-API-Key", KEY),
            ("X-Import-ID", IMPORT)
        ]
    );
    // The documented body, with the LinkedIn URL in the canonical form the API's response
    // shows, and metadata passed through as given (key order included).
    assert_eq!(
        req.body,
        concat!(
            r#"{"full_name":"John Doe","email":"john.doe@example.com","#,
            r#""linkedin_profile":"https://www.linkedin.com/in/johndoe","company":"Tech Corp","#,
            r#""locale":"en-US","timezone":"America/New_York","#,
            r#""metadata":{"source":"website","campaign":"Q1-2024"}}"#
        )
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn seed_import_example_is_the_exact_request() {
    let req = build_sdr_agent_contact(&minimal(), &opts()).unwrap();
    assert_eq!(
        req.body,
        concat!(
            r#"{"full_name":"Jane Smith","email":"jane.smith@example.com","#,
            r#""linkedin_profile":"https://www.linkedin.com/in/janesmith"}"#
        )
    );
    assert_eq!(req.headers.get("x-import-id"), Some(IMPORT));
}

#[wasm_bindgen_test(unsupported = test)]
fn values_are_normalized() {
    let contact = json!({
        "full_name": "  John Doe ",
        "email": " John.Doe@Example.COM ",
        "linkedin_profile": "linkedin.com/in/johndoe/",
        "company": "  Tech Corp\t",
        "locale": "",
        "timezone": null,
        "metadata": null
    });
    let req = build_sdr_agent_contact(&contact, &opts()).unwrap();
    let body: Value = serde_json::from_str(&req.body).unwrap();
    assert_eq!(
        body,
        json!({
            "full_name": "John Doe",
            "email": "John.Doe@example.com",
            "linkedin_profile": "https://www.linkedin.com/in/johndoe",
            "company": "Tech Corp"
        })
    );
}

// ------------------------------------------------------------------ required and types

#[wasm_bindgen_test(unsupported = test)]
fn required_fields() {
    let errs = errors(json!({"company": "Tech Corp"}), &opts());
    assert_eq!(
        codes(&errs),
        [
            ("full_name".into(), "required"),
            ("email".into(), "required"),
            ("linkedin_profile".into(), "required")
        ]
    );
    let errs = errors(
        json!({"full_name": "", "email": "  ", "linkedin_profile": null}),
        &opts(),
    );
    assert_eq!(errs.len(), 3);
    assert!(errs.iter().all(|e| e.error.code.as_str() == "required"));
}

#[wasm_bindgen_test(unsupported = test)]
fn wrong_types() {
    let errs = errors(
        json!({
            "full_name": 42,
            "email": ["a@b.co"],
            "linkedin_profile": {"url": "x"},
            "company": false,
            "locale": 1,
            "timezone": [],
            "metadata": "source=website"
        }),
        &opts(),
    );
    let got: Vec<(String, String, String)> = errs
        .iter()
        .map(|e| {
            (
                e.field.clone(),
                e.error.code.as_str().to_string(),
                e.error.params["got"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        ("full_name", "number"),
        ("email", "array"),
        ("linkedin_profile", "object"),
        ("company", "boolean"),
        ("locale", "number"),
        ("timezone", "array"),
        ("metadata", "string"),
    ];
    assert_eq!(got.len(), expected.len(), "{got:?}");
    for ((field, code, g), (ef, eg)) in got.iter().zip(expected) {
        assert_eq!(
            (field.as_str(), code.as_str(), g.as_str()),
            (ef, "type_mismatch", eg)
        );
    }
    assert_eq!(errs[6].error.params["expected"], "object");
}

#[wasm_bindgen_test(unsupported = test)]
fn unknown_fields() {
    let mut c = minimal();
    c["enrichment"] = json!({"source": "website"});
    c["phone_number"] = json!("+12124567890");
    let errs = errors(c, &opts());
    assert_eq!(
        codes(&errs),
        [
            ("enrichment".into(), "unknown_field"),
            ("phone_number".into(), "unknown_field")
        ]
    );
}

// ------------------------------------------------------------------ field rules per API

#[wasm_bindgen_test(unsupported = test)]
fn linkedin_must_be_a_persons_profile() {
    for (url, kind) in [
        ("https://www.linkedin.com/company/tech-corp", "company"),
        ("linkedin.com/school/unam", "school"),
    ] {
        let mut c = minimal();
        c["linkedin_profile"] = json!(url);
        let errs = errors(c, &opts());
        assert_eq!(
            codes(&errs),
            [("linkedin_profile".into(), "linkedin_not_person")]
        );
        assert_eq!(errs[0].error.params["kind"], kind);
    }
    let mut c = minimal();
    c["linkedin_profile"] = json!("https://twitter.com/janesmith");
    let errs = errors(c, &opts());
    assert_eq!(
        codes(&errs),
        [("linkedin_profile".into(), "linkedin_not_linkedin")]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn locale_and_timezone_are_canonical() {
    let mut c = minimal();
    c["locale"] = json!("es-es");
    c["timezone"] = json!("US/Eastern");
    let req = build_sdr_agent_contact(&c, &opts()).unwrap();
    let body: Value = serde_json::from_str(&req.body).unwrap();
    assert_eq!(body["locale"], "es-ES");
    assert_eq!(body["timezone"], "America/New_York");

    c["locale"] = json!("english");
    c["timezone"] = json!("Mars/Olympus_Mons");
    let errs = errors(c, &opts());
    let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["locale", "timezone"]);
    assert_eq!(errs[1].error.code.as_str(), "timezone_unknown");
}

#[wasm_bindgen_test(unsupported = test)]
fn email_errors_come_from_the_email_rule() {
    let mut c = minimal();
    c["email"] = json!("Jane <jane.smith@example.com>");
    let errs = errors(c, &opts());
    assert_eq!(codes(&errs), [("email".into(), "email_display_name")]);
}

#[wasm_bindgen_test(unsupported = test)]
fn company_limit() {
    let mut c = minimal();
    c["company"] = json!("c".repeat(limits::COMPANY_MAX_CHARS + 1));
    c["full_name"] = json!("n".repeat(limits::FULL_NAME_MAX_CHARS + 1));
    let errs = errors(c, &opts());
    assert_eq!(
        codes(&errs),
        [
            ("full_name".into(), "too_long"),
            ("company".into(), "too_long")
        ]
    );
    assert_eq!(errs[1].error.params["max"], limits::COMPANY_MAX_CHARS);
}

// ------------------------------------------------------------------ metadata

#[wasm_bindgen_test(unsupported = test)]
fn metadata_is_passed_through_unchanged() {
    let text = r#"{"__proto__":{"isAdmin":true},"constructor":"x","prototype":[1,{"a":null}],"z":1.5,"a":"é\u0000\"","nested":{"b":{"c":[true,false,{}]}},"empty":{}}"#;
    let metadata: Value = serde_json::from_str(text).unwrap();
    let mut c = minimal();
    c["metadata"] = metadata;
    let req = build_sdr_agent_contact(&c, &opts()).unwrap();
    let body: Value = serde_json::from_str(&req.body).unwrap();
    assert_eq!(serde_json::to_string(&body["metadata"]).unwrap(), text);
    assert!(req.body.ends_with(&format!(r#","metadata":{text}}}"#)));
}

#[wasm_bindgen_test(unsupported = test)]
fn metadata_limits() {
    // METADATA_MAX_DEPTH objects deep is fine; one more is not.
    fn nest(levels: usize) -> Value {
        let mut v = json!({});
        for _ in 1..levels {
            v = json!({ "k": v });
        }
        v
    }
    let mut c = minimal();
    c["metadata"] = nest(limits::METADATA_MAX_DEPTH);
    assert!(build_sdr_agent_contact(&c, &opts()).is_ok());
    c["metadata"] = nest(limits::METADATA_MAX_DEPTH + 1);
    let errs = errors(c.clone(), &opts());
    assert_eq!(codes(&errs), [("metadata".into(), "nesting_too_deep")]);
    assert_eq!(errs[0].error.params["max"], limits::METADATA_MAX_DEPTH);

    c["metadata"] = json!({"blob": "x".repeat(limits::METADATA_MAX_CHARS)});
    let errs = errors(c, &opts());
    assert_eq!(codes(&errs), [("metadata".into(), "too_long")]);
    assert_eq!(errs[0].error.params["max"], limits::METADATA_MAX_CHARS);
    assert_eq!(
        errs[0].error.params["length"],
        limits::METADATA_MAX_CHARS + r#"{"blob":""}"#.len()
    );
}

// ------------------------------------------------------------------ options and credentials

#[wasm_bindgen_test(unsupported = test)]
fn bearer_token_instead_of_api_key() {
    let o = SdrAgentOptions {
        bearer_token: Some("eyJhbGciOiJIUzI1NiJ9.e30.sig".into()),
        ..Default::default()
    };
    let req = build_sdr_agent_contact(&minimal(), &o).unwrap();
    let headers: Vec<(&str, &str)> = req.headers.iter().collect();
    assert_eq!(
        headers,
        [
            ("Content-Type", "application/json"),
            ("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig")
        ]
    );
    assert!(!format!("{req:?} {o:?}").contains("eyJ"));
}

#[wasm_bindgen_test(unsupported = test)]
fn one_credential_at_most_and_header_safe() {
    let o = SdrAgentOptions {
        api_key: Some("key".into()),
        bearer_token: Some("token".into()),
        ..Default::default()
    };
    let errs = errors(minimal(), &o);
    assert_eq!(
        codes(&errs),
        [("options.bearerToken".into(), "invalid_option")]
    );

    let o = SdrAgentOptions {
        bearer_token: Some("Bearer abc def".into()),
        ..Default::default()
    };
    let errs = errors(minimal(), &o);
    assert_eq!(
        codes(&errs),
        [("options.bearerToken".into(), "invalid_credentials")]
    );
    assert!(!format!("{errs:?}").contains("abc def"));

    let o = SdrAgentOptions {
        api_key: Some("clé".into()),
        ..Default::default()
    };
    assert_eq!(
        codes(&errors(minimal(), &o)),
        [("options.apiKey".into(), "invalid_credentials")]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn no_credentials_no_import_id() {
    let req = build_sdr_agent_contact(&minimal(), &SdrAgentOptions::default()).unwrap();
    let names: Vec<&str> = req.headers.iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Content-Type"]);
}

#[wasm_bindgen_test(unsupported = test)]
fn import_id_must_be_a_uuid() {
    for bad in [
        "7c9e6679742540de944be07fc1f90ae7",
        "{7c9e6679-7425-40de-944b-e07fc1f90ae7}",
        "import-1",
        "7c9e6679-7425-40de-944b-e07fc1f90aeg",
    ] {
        let o = SdrAgentOptions {
            import_id: Some(bad.into()),
            ..opts()
        };
        let errs = errors(minimal(), &o);
        assert_eq!(
            codes(&errs),
            [("options.importId".into(), "invalid_uuid")],
            "{bad}"
        );
        assert_eq!(errs[0].error.params["field"], "importId");
    }
    let o = SdrAgentOptions {
        import_id: Some(" 7C9E6679-7425-40DE-944B-E07FC1F90AE7 ".into()),
        ..opts()
    };
    let req = build_sdr_agent_contact(&minimal(), &o).unwrap();
    assert_eq!(req.headers.get("X-Import-ID"), Some(IMPORT));
}

#[wasm_bindgen_test(unsupported = test)]
fn option_and_field_errors_together_in_spanish() {
    let o = SdrAgentOptions {
        import_id: Some("nope".into()),
        base_url: Some("sdragent".into()),
        lang: Lang::Es,
        ..Default::default()
    };
    let errs = errors(json!({"full_name": "Ana"}), &o);
    assert_eq!(
        codes(&errs),
        [
            ("options.baseUrl".into(), "invalid_base_url"),
            ("options.importId".into(), "invalid_uuid"),
            ("email".into(), "required"),
            ("linkedin_profile".into(), "required")
        ]
    );
    assert_eq!(errs[2].error.message, "Este campo es obligatorio.");
    assert_eq!(
        errs[0].error.message,
        "La URL base debe ser una URL https absoluta (http solo a localhost), sin espacios, caracteres de control ni barras invertidas."
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn options_from_json() {
    let o =
        SdrAgentOptions::from_json(&json!({"bearerToken": "t", "importId": IMPORT, "lang": "es"}))
            .unwrap();
    assert_eq!(o.bearer_token.as_deref(), Some("t"));
    assert_eq!(o.lang, Lang::Es);
    let errs =
        SdrAgentOptions::from_json(&json!({"defaultCountry": "MX", "importId": 7})).unwrap_err();
    assert_eq!(
        codes(&errs),
        [
            ("options.importId".into(), "invalid_option"),
            ("options.defaultCountry".into(), "invalid_option")
        ]
    );
}
