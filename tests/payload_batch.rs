//! Batches: per-row results, duplicates by each API's 409 key, chunks, invalid options.

use contactkit::payload::{
    build_contactship_contact, build_contactship_contact_json, build_sdr_agent_contact_json,
    validate_contacts, BatchOptions, BatchValidator, ContactError, ContactshipOptions, Request,
    RowResult, SdrAgentOptions, Target,
};
use serde_json::{json, Value};
use wasm_bindgen_test::wasm_bindgen_test;

fn contactship() -> BatchOptions {
    BatchOptions::Contactship(ContactshipOptions {
        api_key: Some("k".into()),
        default_country: Some("US".into()),
        ..Default::default()
    })
}

fn sdr() -> BatchOptions {
    BatchOptions::SdrAgent(SdrAgentOptions {
        api_key: Some("k".into()),
        ..Default::default()
    })
}

fn sdr_row(name: &str, email: &str) -> Value {
    json!({"full_name": name, "email": email, "linkedin_profile": format!("https://linkedin.com/in/{name}-smith")})
}

fn codes(r: &RowResult) -> Vec<(String, String)> {
    match &r.result {
        Ok(_) => Vec::new(),
        Err(errs) => errs
            .iter()
            .map(|e| (e.field.clone(), e.error.code.as_str().to_string()))
            .collect(),
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn contactship_duplicates_by_normalized_phone() {
    let rows = vec![
        json!({"phone_number": "+1 212 456 7890", "full_name": "Juan"}),
        json!({"phone_number": "(212) 456-7890", "full_name": "Juan again"}),
        json!({"phone_number": "55 1234 5678", "country": "MX", "full_name": "Ana"}),
        json!({"phone_number": "+52 55 1234 5678", "full_name": "Ana again"}),
        json!({"phone_number": "212.456.7890", "full_name": ""}),
    ];
    let report = validate_contacts(&rows, &contactship());
    assert!(report.errors.is_empty());
    let rows: Vec<usize> = report.results.iter().map(|r| r.row).collect();
    assert_eq!(rows, [0, 1, 2, 3, 4]);
    let phone = |row: usize| {
        let body = &report.results[row].result.as_ref().unwrap().body;
        serde_json::from_str::<Value>(body).unwrap()["phone_number"].clone()
    };
    assert_eq!(phone(0), "+12124567890");
    assert_eq!(phone(2), "+525512345678");
    assert_eq!(
        codes(&report.results[1]),
        [("phone_number".into(), "duplicate".into())]
    );
    let dup = &report.results[3].result.as_ref().unwrap_err()[0];
    assert_eq!(dup.error.params["key"], "+525512345678");
    assert_eq!(dup.error.params["first_row"], 2);
    assert_eq!(dup.error.params["first_row_number"], 3);
    assert_eq!(
        dup.error.message,
        "Row 3 already has +525512345678; the API would reject this one as a duplicate."
    );
    // A row with other errors is still flagged as a duplicate of the key it repeats.
    assert_eq!(
        codes(&report.results[4]),
        [
            ("full_name".into(), "required".into()),
            ("phone_number".into(), "duplicate".into())
        ]
    );
    let s = report.summary;
    assert_eq!((s.total, s.valid, s.invalid, s.duplicates), (5, 2, 3, 3));
}

#[wasm_bindgen_test(unsupported = test)]
fn sdr_duplicates_by_email_case_insensitively() {
    let rows = vec![
        sdr_row("jane", "Jane.Smith@Example.com"),
        sdr_row("john", "john.doe@example.com"),
        sdr_row("jane2", " jane.smith@EXAMPLE.COM "),
    ];
    let report = validate_contacts(&rows, &sdr());
    assert_eq!(
        codes(&report.results[2]),
        [("email".into(), "duplicate".into())]
    );
    let dup = &report.results[2].result.as_ref().unwrap_err()[0];
    assert_eq!(dup.error.params["key"], "jane.smith@example.com");
    assert_eq!(dup.error.params["first_row"], 0);
    assert_eq!(report.summary.duplicates, 1);
    assert_eq!(report.summary.valid, 2);
}

#[wasm_bindgen_test(unsupported = test)]
fn chunks_continue_row_numbers_and_remember_keys() {
    let mut v = BatchValidator::new(&sdr());
    let first = v.validate(&[sdr_row("a", "a@example.com"), sdr_row("b", "b@example.com")]);
    let second = v.validate(&[json!(42), sdr_row("c", "A@example.com")]);
    assert_eq!(first.iter().map(|r| r.row).collect::<Vec<_>>(), [0, 1]);
    assert_eq!(second.iter().map(|r| r.row).collect::<Vec<_>>(), [2, 3]);
    assert_eq!(codes(&second[0]), [("".into(), "not_an_object".into())]);
    assert_eq!(codes(&second[1]), [("email".into(), "duplicate".into())]);
    let s = v.summary();
    assert_eq!((s.total, s.valid, s.invalid, s.duplicates), (4, 2, 2, 1));
    // One row at a time works the same, and as JSON text too.
    let r = v.validate_json_row(
        r#"{"full_name":"d","email":"b@EXAMPLE.com","linkedin_profile":"linkedin.com/in/dee-smith"}"#,
    );
    assert_eq!(r.row, 4);
    assert_eq!(codes(&r), [("email".into(), "duplicate".into())]);
}

#[wasm_bindgen_test(unsupported = test)]
fn invalid_options_fail_every_row_without_panicking() {
    let mut v = BatchValidator::from_json(&json!({"apiKey": "k"}));
    assert_eq!(v.errors().len(), 1);
    assert_eq!(v.errors()[0].field, "options.target");
    assert_eq!(v.errors()[0].error.code.as_str(), "required");
    let r = v.validate_row(&sdr_row("a", "a@example.com"));
    assert_eq!(codes(&r), [("options.target".into(), "required".into())]);

    let v = BatchValidator::from_json(&json!({"target": "hubspot", "lang": "es"}));
    assert_eq!(v.errors()[0].error.code.as_str(), "unknown_target");
    assert_eq!(v.errors()[0].error.params["target"], "hubspot");
    assert!(v.errors()[0]
        .error
        .message
        .starts_with("\"hubspot\" no es una API"));

    // Options of the other API are unknown here; field errors are still reported with them.
    let mut v = BatchValidator::from_json(
        &json!({"target": "sdr_agent", "defaultCountry": "MX", "importId": "x"}),
    );
    let r = v.validate_row(&json!({"full_name": "Ana"}));
    assert_eq!(
        codes(&r),
        [
            ("options.defaultCountry".into(), "invalid_option".into()),
            ("options.importId".into(), "invalid_uuid".into()),
            ("email".into(), "required".into()),
            ("linkedin_profile".into(), "required".into())
        ]
    );
    assert_eq!(v.summary().invalid, 1);

    for bad in [json!("contactship"), json!([]), json!(7)] {
        let v = BatchValidator::from_json(&bad);
        assert_eq!(v.errors()[0].field, "options", "{bad}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn options_from_json_pick_the_target() {
    let o =
        BatchOptions::from_json(&json!({"target": "contactship", "defaultCountry": "MX"})).unwrap();
    assert_eq!(o.target(), Target::Contactship);
    let o = BatchOptions::from_json(&json!({"target": "sdr_agent", "bearerToken": "t"})).unwrap();
    assert_eq!(o.target(), Target::SdrAgent);
    assert!(BatchOptions::from_json(&json!({"target": "contactship", "importId": "x"})).is_err());
    // A target is a value of a list: trimmed, any case, as `countryFormat` and `lang`.
    let o = BatchOptions::from_json(&json!({"target": " SDR_Agent "})).unwrap();
    assert_eq!(o.target(), Target::SdrAgent);
    // Without a target nothing else can be checked, but a wrong type is still named.
    let found = |opts: Value| {
        let errs = BatchOptions::from_json(&opts).unwrap_err();
        let found: Vec<_> = errs
            .into_iter()
            .map(|e| (e.field, e.error.code.as_str()))
            .collect();
        found
    };
    assert_eq!(
        found(json!({"target": 1, "lang": "fr"})),
        [
            ("options.lang".to_string(), "invalid_option"),
            ("options.target".to_string(), "invalid_option")
        ]
    );
    assert_eq!(
        found(json!({"lang": "fr"})),
        [
            ("options.lang".to_string(), "invalid_option"),
            ("options.target".to_string(), "required")
        ]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn report_serializes_as_documented() {
    let report = validate_contacts(
        &[
            json!({"phone_number": "+12124567890", "full_name": "Juan"}),
            json!({}),
        ],
        &contactship(),
    );
    let v = serde_json::to_value(&report).unwrap();
    assert_eq!(
        v["summary"],
        json!({"total": 2, "valid": 1, "invalid": 1, "duplicates": 0})
    );
    assert_eq!(v["errors"], json!([]));
    assert_eq!(v["results"][0]["row"], 0);
    assert_eq!(v["results"][0]["ok"], true);
    assert_eq!(
        v["results"][0]["request"],
        json!({
            "method": "POST",
            "url": "https://api.contactship.ai/v1/contacts",
            "headers": {"Content-Type": "application/json", "x-api-key": "k"},
            "body": r#"{"phone_number":"+12124567890","full_name":"Juan"}"#
        })
    );
    assert_eq!(v["results"][1]["ok"], false);
    assert_eq!(v["results"][1]["errors"][0]["field"], "phone_number");
    assert!(v["results"][1].get("request").is_none());
}

#[wasm_bindgen_test(unsupported = test)]
fn debug_never_shows_credentials() {
    let v = BatchValidator::from_json(&json!({"target": "sdr_agent", "apiKey": "sk_SECRET"}));
    let shown = format!(
        "{v:?} {:?}",
        BatchOptions::from_json(&json!({"target": "sdr_agent", "apiKey": "sk_SECRET"}))
    );
    assert!(!shown.contains("sk_SECRET"), "{shown}");
}

#[wasm_bindgen_test(unsupported = test)]
fn many_rows_mixed_countries() {
    // Valid numbers of many countries, repeated: every repeat is a duplicate of the first.
    let numbers = [
        ("US", "(212) 456-7890"),
        ("MX", "55 1234 5678"),
        ("ES", "612 34 56 78"),
        ("DE", "030 123456"),
        ("GB", "020 7946 0018"),
        ("FR", "01 23 45 67 89"),
        ("BR", "(11) 96123-4567"),
        ("AR", "011 4123-4567"),
        ("IN", "098765 43210"),
        ("JP", "03-1234-5678"),
    ];
    let rows: Vec<Value> = (0..60)
        .map(|i| {
            let (cc, n) = numbers[i % numbers.len()];
            json!({"phone_number": n, "country": cc, "full_name": format!("Row {i}")})
        })
        .collect();
    let report = validate_contacts(&rows, &contactship());
    let s = report.summary;
    assert_eq!(
        (s.total, s.valid, s.duplicates),
        (60, numbers.len(), 60 - numbers.len())
    );
    for r in &report.results[numbers.len()..] {
        let errs = r.result.as_ref().unwrap_err();
        assert_eq!(errs[0].error.params["first_row"], r.row % numbers.len());
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn rows_get_what_each_gets_alone_whatever_countries_repeat() {
    // The batch remembers the countries it has resolved (by their text, a bounded number of
    // them): every row must still get exactly what building it alone gives, duplicates aside.
    let countries = [
        json!("MX"),
        json!(" mx "),
        json!("México"),
        json!("Estados Unidos"),
        json!("deu"),
        json!("Korea"),
        json!("Atlantis"),
        json!("  "),
        json!(42),
        json!(null),
        json!("UK"),
        json!("The Netherlands"),
        json!("Niger"),
        json!("Nigeria"),
        json!("Guinea"),
        json!("Guinea-Bissau"),
        json!(format!("Mexico{}", ".".repeat(150))),
        json!(format!("{}Spain", " ".repeat(10))),
        json!(format!("Korea{}", "-".repeat(200))),
    ];
    let mut rows = Vec::new();
    for i in 0..700 {
        // More distinct country texts than the batch keeps, then the usual ones again.
        let country = if (300..600).contains(&i) && i % 3 == 0 {
            json!(format!("Country {i}"))
        } else {
            countries[i % countries.len()].clone()
        };
        rows.push(json!({
            "phone_number": format!("55 {:04} {:04}", i, 7000 + i),
            "country": country,
            "full_name": format!("Row {i}"),
        }));
    }
    for lang in [contactkit::Lang::En, contactkit::Lang::Es] {
        let opts = ContactshipOptions {
            default_country: Some("AR".into()),
            country_format: contactkit::payload::CountryFormat::Alpha2,
            lang,
            ..Default::default()
        };
        let report = validate_contacts(&rows, &BatchOptions::Contactship(opts.clone()));
        assert_eq!(report.summary.total, rows.len());
        assert!(report.summary.valid > 50, "{:?}", report.summary);
        for (row, got) in rows.iter().zip(&report.results) {
            let alone = build_contactship_contact(row, &opts);
            let got = match &got.result {
                Err(errs) if errs.iter().all(|e| e.error.code.as_str() == "duplicate") => {
                    assert!(alone.is_ok(), "{row}");
                    continue;
                }
                other => other,
            };
            assert_eq!(got, &alone, "{row}");
        }
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn rows_given_as_text_get_what_the_json_value_gets() {
    // A batch reads a Contactship row's text without building a JSON value for it when it is a
    // plain object: the results must be those of the row read as a value, whatever the text.
    let deep = format!(
        r#"{{"full_name":"A","additional_data":{}{}}}"#,
        "[".repeat(300),
        "]".repeat(300)
    );
    // Nested as deep as serde_json reads alone but not inside the row, and one level more.
    let edge = |n: usize| {
        format!(
            r#"{{"phone_number":"+34612345{n}","full_name":"A","additional_data":{}{}}}"#,
            "[".repeat(n),
            "]".repeat(n)
        )
    };
    let many: String = (0..40).map(|i| format!(r#""f{i}":{i},"#)).collect();
    // Rows of plain strings only (read in one pass): 31 unknown fields and the two known ones
    // is the most a row read without a JSON value has; one more, and it is read as a value.
    let plain = |n: usize| -> String {
        let unknown: String = (0..n).map(|i| format!(r#""f{i}":"{i}","#)).collect();
        format!(r#"{{{unknown}"phone_number":"+346123457{n:02}","full_name":"x"}}"#)
    };
    let texts = [
        r#"{"phone_number":"+34 612 34 56 78","full_name":"Ana","country":"ES"}"#.to_string(),
        r#"{"phone_number":"+34612345694","full_name":"Ana","full_name":"Bea"}"#.into(),
        r#"{"$serde_json::private::RawValue":"x","full_name":"raw"}"#.into(),
        r#"{"full_name":"raw","$serde_json::private::RawValue":"x"}"#.into(),
        plain(30),
        plain(31),
        "{\"phone_number\":\"+34612345696\",\"full_name\":\"Zoë \u{7f} 李 😀\",\"country\":\"España\"}".into(),
        r#"{"phone_number":"+34612345697","full_name":"x"}x"#.into(),
        r#"{"phone_number":"+34612345698","full_name":"x""#.into(),
        r#"{"phone_number":"+34612345699","full_name"}"#.into(),
        r#"{"phone_number":"+34612345600","full_name":"x",""#.into(),
        r#" { "phone_number" : "+34612345679" , "full_name" : "An\u0061 \"la\" \n" } "#.into(),
        r#"{"phone_number":"+34612345680","full_name":"Ana","full_name":"Bea","country":null}"#.into(),
        r#"{"phone_number":"+34612345681","full_name":"Ana","full_name":7}"#.into(),
        r#"{"phone_number":"+34612345682","full_name":"x","email":"A@Example.COM","description":"d"}"#.into(),
        r#"{"phone_number":612345678,"full_name":true,"country":["ES"],"email":{"a":1}}"#.into(),
        r#"{"phone_number":"+34612345683","full_name":"x","additional_data":[{"type":"number","field":"n","value":1.50},{"type":"number","field":"m","value":-0.0},{"type":"date","field":"d","value":"2024-02-29"},{"type":"text","field":"t","value":"x","extra":null},7]}"#.into(),
        r#"{"phone_number":"+34612345684","full_name":"x","additional_data":"none"}"#.into(),
        r#"{"phone_number":"+34612345685","full_name":"x","additional_data":{"type":"text"}}"#.into(),
        r#"{"phone_number":"+34612345686","full_name":"x","additional_data":[{"type":"number","field":"n","value":1e400}]}"#.into(),
        r#"{"phone_number":"+34612345687","full_name":"x","additional_data":[{"type":"number","field":"n","value":123456789012345678901234567890}]}"#.into(),
        r#"{"$serde_json::private::RawValue":"{\"full_name\":\"raw\"}"}"#.into(),
        r#"{"phone_number":"+34612345688","full_name":"x","$serde_json::private::RawValue":"1"}"#.into(),
        r#"{"\u0070hone_number":"+34612345689","full_name":"x","a\"b":1}"#.into(),
        format!(r#"{{{many}"phone_number":"+34612345690","full_name":"x"}}"#),
        deep,
        edge(126),
        edge(127),
        edge(128),
        r#"{}"#.into(),
        r#"[]"#.into(),
        r#""row""#.into(),
        r#"null"#.into(),
        r#"{"full_name":"x",}"#.into(),
        r#"{"full_name":"x"} {}"#.into(),
        r#"{"full_name":"\ud800"}"#.into(),
        r#"{"full_name":"a" "b"}"#.into(),
        "{\"full_name\":\"a\tb\",\"phone_number\":\"+34612345692\"}".into(),
        "{\"full_name\":\"ab\",\"phone_number\":\"+34612345693\",\"a\u{1}\":1}".into(),
        "".into(),
    ];
    let opts = ContactshipOptions {
        default_country: Some("ES".into()),
        ..Default::default()
    };
    let batch = BatchOptions::Contactship(opts.clone());
    each_text_gets_what_alone_gets(&batch, &texts, |t| build_contactship_contact_json(t, &opts));
}

/// Each text through one batch gets what `alone` (the single builder) gives it, and at least
/// four of them are valid.
fn each_text_gets_what_alone_gets(
    options: &BatchOptions,
    texts: &[String],
    alone: impl Fn(&str) -> Result<Request, Vec<ContactError>>,
) {
    let mut batch = BatchValidator::new(options);
    for text in texts {
        let got = batch.validate_json_row(text).result;
        assert_eq!(got, alone(text), "{text}");
    }
    assert!(batch.summary().valid >= 4, "{:?}", batch.summary());
}

#[wasm_bindgen_test(unsupported = test)]
fn sdr_agent_rows_given_as_text_get_what_the_json_value_gets() {
    // The same for SDR Agent rows: read as text, with `metadata` (any JSON) parsed alone.
    let li = |i: u32| format!("linkedin.com/in/dee-{i}");
    let deep = format!(
        r#"{{"full_name":"A","email":"d@x.com","linkedin_profile":"{}","metadata":{}{}}}"#,
        li(0),
        "{\"a\":".repeat(300),
        "}".repeat(300)
    );
    let many: String = (0..40).map(|i| format!(r#""f{i}":{i},"#)).collect();
    let texts = [
        format!(r#"{{"full_name":"Ana","email":"a1@example.com","linkedin_profile":"{}"}}"#, li(1)),
        format!(r#"{{"full_name":"Ana","email":"a13@example.com","full_name":"Zoë 李","linkedin_profile":"{}"}}"#, li(13)),
        format!(r#"{{"full_name":"Ana","email":"a14@example.com","linkedin_profile":"{}","locale":"es-MX","timezone":"Europe/Madrid","company":"Ñandú"}}"#, li(14)),
        format!(
            r#"{{"full_name":"Ana","email":"A2@Example.COM","linkedin_profile":"{}","company":"Acme","locale":"es_mx","timezone":"america/mexico_city","metadata":{{"row":2,"tags":["a",null,1.5],"n":{{}}}}}}"#,
            li(2)
        ),
        format!(r#" {{ "full_name" : "An\u0061 \"la\"" , "email":"a3@example.com","linkedin_profile":"{}" }} "#, li(3)),
        format!(r#"{{"full_name":"Ana","full_name":"Bea","email":"a4@gmial.com","linkedin_profile":"{}","company":null}}"#, li(4)),
        format!(r#"{{"full_name":7,"email":"a5@example.com","linkedin_profile":"{}","metadata":"none"}}"#, li(5)),
        r#"{"full_name":"x","email":"a6@example.com","linkedin_profile":"linkedin.com/company/acme"}"#.into(),
        format!(r#"{{"full_name":"x","email":"not an email","linkedin_profile":"{}","locale":"xx-??","timezone":"Mars/Base"}}"#, li(7)),
        format!(r#"{{"full_name":"x","email":"a8@example.com","linkedin_profile":"{}","metadata":[1,2]}}"#, li(8)),
        format!(r#"{{"full_name":"x","email":"a9@example.com","linkedin_profile":"{}","metadata":{{"big":1e400}}}}"#, li(9)),
        format!(r#"{{"full_name":"x","email":"a10@example.com","linkedin_profile":"{}","phone":"+34612345678"}}"#, li(10)),
        r#"{"$serde_json::private::RawValue":"{\"full_name\":\"raw\"}"}"#.into(),
        format!(r#"{{"\u0066ull_name":"x","email":"a11@example.com","linkedin_profile":"{}","a\"b":1}}"#, li(11)),
        format!(r#"{{{many}"full_name":"x","email":"a12@example.com","linkedin_profile":"{}"}}"#, li(12)),
        deep,
        r#"{}"#.into(),
        r#"[]"#.into(),
        r#"null"#.into(),
        r#"{"full_name":"x",}"#.into(),
        r#"{"full_name":"\ud800"}"#.into(),
        "".into(),
    ];
    let opts = SdrAgentOptions {
        api_key: Some("k".into()),
        import_id: Some("7c9e6679-7425-40de-944b-e07fc1f90ae7".into()),
        ..Default::default()
    };
    let batch = BatchOptions::SdrAgent(opts.clone());
    each_text_gets_what_alone_gets(&batch, &texts, |t| build_sdr_agent_contact_json(t, &opts));
}

/// Each warning of a row as (field, code, params as JSON).
fn warnings(r: &RowResult) -> Vec<(String, String, Value)> {
    r.warnings
        .iter()
        .map(|w| {
            let params = serde_json::to_value(&w.error.params).unwrap();
            (w.field.clone(), w.error.code.as_str().to_string(), params)
        })
        .collect()
}

fn body(r: &RowResult) -> Value {
    serde_json::from_str(&r.result.as_ref().unwrap().body).unwrap()
}

#[wasm_bindgen_test(unsupported = test)]
fn sdr_rows_warn_about_email_typos_and_timezone_aliases_and_stay_valid() {
    let mut typo = sdr_row("ana", "ana@gmail.con");
    typo["timezone"] = json!("US/Eastern");
    let mut clean = sdr_row("juan", "juan@gmail.com");
    clean["timezone"] = json!("America/New_York");
    let report = validate_contacts(&[typo, clean], &sdr());
    let [typo, clean] = &report.results[..] else {
        panic!("two results: {report:?}")
    };
    assert_eq!(report.summary.valid, 2);
    assert_eq!(
        warnings(typo),
        [
            (
                "email".into(),
                "email_suggestion".into(),
                json!({"suggestion": "ana@gmail.com"})
            ),
            (
                "timezone".into(),
                "resolved_alias".into(),
                json!({"from": "US/Eastern", "value": "America/New_York"})
            ),
        ]
    );
    assert_eq!(
        typo.warnings[0].error.message,
        "Did you mean ana@gmail.com?"
    );
    // The request is what the row says: the warnings change nothing in it.
    assert_eq!(body(typo)["email"], "ana@gmail.con");
    assert_eq!(body(typo)["timezone"], "America/New_York");
    assert_eq!(warnings(clean), []);

    // Serialized after the request, and left out when there are none.
    let json = serde_json::to_value(&report.results).unwrap();
    assert_eq!(json[0]["warnings"][1]["code"], "resolved_alias");
    assert_eq!(json[0]["warnings"][1]["field"], "timezone");
    assert!(json[1].get("warnings").is_none());
    assert!(serde_json::to_string(&report.results[0])
        .unwrap()
        .ends_with(r#""value":"America/New_York"}}]}"#));
}

#[wasm_bindgen_test(unsupported = test)]
fn contactship_rows_warn_about_country_aliases_in_the_options_language() {
    let opts = BatchOptions::Contactship(ContactshipOptions {
        api_key: Some("k".into()),
        lang: contactkit::Lang::Es,
        ..Default::default()
    });
    let rows = vec![
        json!({"phone_number": "55 1234 5678", "country": "México", "full_name": "Ana"}),
        json!({"phone_number": "55 1234 5679", "country": "mx", "full_name": "Eva"}),
        json!({"phone_number": "55 1234 5670", "country": " mexico ", "full_name": "Sol"}),
        json!({"phone_number": "55 1234 5671", "country": "MEX", "email": "sol@hotmial.com", "full_name": "Sol"}),
    ];
    let mut v = BatchValidator::new(&opts);
    let results = v.validate(&rows);
    assert!(results.iter().all(|r| r.result.is_ok()), "{results:?}");
    assert_eq!(
        warnings(&results[0]),
        [(
            "country".into(),
            "resolved_alias".into(),
            json!({"from": "México", "value": body(&results[0])["country"]})
        )]
    );
    assert_eq!(
        results[0].warnings[0].error.message,
        format!(
            "\"México\" se leyó como {}.",
            body(&results[0])["country"].as_str().unwrap()
        )
    );
    // Its code, English name or alpha-3 code is no alias.
    assert_eq!(warnings(&results[1]), []);
    assert_eq!(warnings(&results[2]), []);
    assert_eq!(
        warnings(&results[3]),
        [(
            "email".into(),
            "email_suggestion".into(),
            json!({"suggestion": "sol@hotmail.com"})
        )]
    );

    // The same rows as JSON text warn the same.
    let mut text = BatchValidator::new(&opts);
    for (row, value) in rows.iter().enumerate() {
        let r = text.validate_json_row(&value.to_string());
        assert_eq!(warnings(&r), warnings(&results[row]), "row {row}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn an_invalid_row_keeps_its_warnings() {
    // The email is valid (with a suggestion); the row fails on its LinkedIn link.
    let row = json!({"full_name": "Ana", "email": "ana@gmail.con", "linkedin_profile": "nope"});
    let report = validate_contacts(&[row], &sdr());
    let r = &report.results[0];
    assert!(r.result.is_err());
    assert_eq!(warnings(r)[0].1, "email_suggestion");
    let json = serde_json::to_value(r).unwrap();
    assert_eq!(json["warnings"][0]["params"]["suggestion"], "ana@gmail.com");
}

/// A row as text fields: the answer of `validate_fields` is `validate_json_row`'s for the JSON
/// object of those strings, with the key of the row whenever its key field is valid; a validator
/// made `without_duplicates` flags none, and gives the key all the same.
#[wasm_bindgen_test(unsupported = test)]
fn text_fields_are_validated_as_their_json_object_and_give_the_key() {
    type Row<'a> = Vec<(&'a str, &'a str)>;
    let contactship_rows: Vec<Row> = vec![
        vec![("phone_number", "(212) 456-7890"), ("full_name", "Juan")],
        vec![
            ("phone_number", "+1 212 456 7890"),
            ("full_name", "Juan again"),
        ],
        vec![
            ("phone_number", "55 1234 5678"),
            ("country", "México"),
            ("full_name", "Ana \"la\" \\ Pérez"),
        ],
        vec![
            ("phone_number", "55 1234 5678"),
            ("country", "nowhere"),
            ("full_name", "Eva"),
        ],
        vec![
            ("phone_number", "+52 55 1234 5678"),
            ("full_name", ""),
            ("email", "eva@gmial.com"),
        ],
        vec![("phone_number", "12"), ("full_name", "Sol")],
        vec![
            ("full_name", "Sol"),
            ("full_name", "Sol 2"),
            ("phone_number", "+34 612 345 678"),
            ("bogus", "x"),
        ],
        vec![],
    ];
    let sdr_rows: Vec<Row> = vec![
        vec![
            ("full_name", "Ana"),
            ("email", "Ana@Example.com"),
            ("linkedin_profile", "linkedin.com/in/ana"),
            ("locale", "es_mx"),
            ("timezone", "US/Eastern"),
        ],
        vec![
            ("full_name", "Ana"),
            ("email", "ana@example.COM"),
            ("linkedin_profile", "linkedin.com/in/ana2"),
        ],
        vec![
            ("full_name", "Bo"),
            ("email", "bo@example.com"),
            ("linkedin_profile", "https://example.com/bo"),
        ],
        vec![
            ("full_name", "Cy"),
            ("email", "cy at example.com"),
            ("linkedin_profile", "linkedin.com/in/cy"),
        ],
        vec![
            ("full_name", "Di\n"),
            ("email", "di@gmail.con"),
            ("linkedin_profile", "linkedin.com/in/di"),
            ("locale", "xx-YY"),
        ],
    ];
    for (opts, rows, keys, duplicates) in [
        (
            contactship(),
            &contactship_rows,
            vec![
                Some("+12124567890"),
                Some("+12124567890"),
                Some("+525512345678"),
                Some("+15512345678"),
                Some("+525512345678"),
                None,
                Some("+34612345678"),
                None,
            ],
            2,
        ),
        (
            sdr(),
            &sdr_rows,
            vec![
                Some("ana@example.com"),
                Some("ana@example.com"),
                Some("bo@example.com"),
                None,
                Some("di@gmail.con"),
            ],
            1,
        ),
    ] {
        let mut fields = BatchValidator::new(&opts);
        let mut text = BatchValidator::new(&opts);
        let mut keyed_text = BatchValidator::without_duplicates(&opts);
        let mut alone = BatchValidator::without_duplicates(&opts);
        for (i, row) in rows.iter().enumerate() {
            let mut object = serde_json::Map::new();
            for (name, value) in row {
                object.insert(name.to_string(), json!(value));
            }
            let json = Value::Object(object).to_string();
            let (by_fields, key) = fields.validate_fields(row);
            assert_eq!(by_fields, text.validate_json_row(&json), "row {i}");
            assert_eq!(key.as_deref(), keys[i], "row {i}");
            // Without duplicates: the row's own answer, and the same key.
            let (own, own_key) = alone.validate_fields(row);
            assert_eq!(own_key.as_deref(), keys[i], "row {i}");
            assert!(
                !codes(&own).iter().any(|(_, c)| c == "duplicate"),
                "row {i}"
            );
            let (own_text, text_key) = keyed_text.validate_json_row_with_key(&json);
            assert_eq!((own_text, text_key), (own, own_key), "row {i}");
        }
        assert_eq!(fields.summary().duplicates, duplicates);
        assert_eq!(alone.summary().duplicates, 0);
        assert_eq!(alone.summary().total, rows.len());
    }
    // The first of the repeated names keeps its place, with the last text.
    let mut v = BatchValidator::new(&contactship());
    let (r, _) = v.validate_fields(&contactship_rows[6]);
    assert_eq!(
        codes(&r),
        [("bogus".to_string(), "unknown_field".to_string())]
    );
    let mut v = BatchValidator::new(&contactship());
    let (r, _) = v.validate_fields(&[
        ("phone_number", "+34 612 345 678"),
        ("full_name", "A"),
        ("full_name", "B"),
    ]);
    assert_eq!(
        serde_json::from_str::<Value>(&r.result.unwrap().body).unwrap()["full_name"],
        "B"
    );
    // A row of many fields (past the listed ones) gives the same answer as its JSON text.
    let names: Vec<String> = (0..40).map(|i| format!("extra{i}")).collect();
    let mut row: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "x")).collect();
    row.push(("phone_number", "+34 612 345 678"));
    row.push(("extra3", "y"));
    let mut object = serde_json::Map::new();
    for (name, value) in &row {
        object.insert(name.to_string(), json!(value));
    }
    let mut fields = BatchValidator::new(&contactship());
    let mut text = BatchValidator::new(&contactship());
    let (r, key) = fields.validate_fields(&row);
    assert_eq!(
        r,
        text.validate_json_row(&Value::Object(object).to_string())
    );
    assert_eq!(key.as_deref(), Some("+34612345678"));
    // Invalid options: every row fails with them, as by JSON text.
    let mut bad = BatchValidator::from_json(&json!({"target": "sdr_agent", "apiKey": " "}));
    let mut bad_text = BatchValidator::from_json(&json!({"target": "sdr_agent", "apiKey": " "}));
    let (r, _) = bad.validate_fields(&sdr_rows[0]);
    assert!(r.result.is_err());
    let json = json!({"full_name": "Ana", "email": "Ana@Example.com", "linkedin_profile": "linkedin.com/in/ana", "locale": "es_mx", "timezone": "US/Eastern"});
    assert_eq!(r, bad_text.validate_json_row(&json.to_string()));
}

/// The locales and timezones a batch has resolved before answer later rows exactly as the
/// rules answer each row alone: errors, values and `resolved_alias` warnings, row after row.
#[wasm_bindgen_test(unsupported = test)]
fn repeated_locales_and_timezones_answer_as_each_row_alone() {
    let locales = [
        "es_mx", "ES-mx", "xx-YY", "es_mx", "iw", "xx-YY", "iw", "en",
    ];
    let timezones = [
        "US/Eastern",
        "us/eastern",
        "Nowhere/City",
        "US/Eastern",
        "",
        "Nowhere/City",
    ];
    let rows: Vec<Value> = (0..24)
        .map(|i| {
            json!({"full_name": "Ana", "email": format!("ana{i}@example.com"),
                "linkedin_profile": format!("linkedin.com/in/ana{i}"),
                "locale": locales[i % locales.len()], "timezone": timezones[i % timezones.len()]})
        })
        .collect();
    let opts = sdr();
    let mut batch = BatchValidator::new(&opts);
    for (i, row) in rows.iter().enumerate() {
        let together = batch.validate_row(row);
        let alone = validate_contacts(std::slice::from_ref(row), &opts)
            .results
            .remove(0);
        assert_eq!(together.result, alone.result, "row {i}");
        assert_eq!(together.warnings, alone.warnings, "row {i}");
    }
}
