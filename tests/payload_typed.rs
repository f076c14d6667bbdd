//! Typed contacts (`ContactshipContact`, `SdrAgentContact`): the same requests and errors as
//! the JSON contacts they stand for, the APIs' field names in serde, `RejectedContact` as a
//! `std::error::Error`, and (feature `http`) the conversion to `http::Request`.

use contactkit::payload::{
    build_contactship_contact, build_sdr_agent_contact, AdditionalData, AdditionalDataType,
    ContactshipContact, ContactshipOptions, RejectedContact, SdrAgentContact, SdrAgentOptions,
};
use contactkit::Lang;
use serde_json::json;
use wasm_bindgen_test::wasm_bindgen_test;

const IMPORT: &str = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

/// The complete example of the Contactship docs, typed.
fn contactship_example() -> ContactshipContact {
    ContactshipContact {
        country: Some("México".into()),
        email: Some("juan@ejemplo.com".into()),
        description: Some("Lead from LinkedIn campaign".into()),
        additional_data: Some(vec![
            AdditionalData::new(
                AdditionalDataType::Location,
                "dirección",
                "Av. Insurgentes 123",
            ),
            AdditionalData::new(AdditionalDataType::Date, "since", "2024-01-31"),
        ]),
        ..ContactshipContact::new("+12124567890", "Juan Pérez")
    }
}

/// The complete example of the SDR Agent docs, typed.
fn sdr_agent_example() -> SdrAgentContact {
    let metadata = json!({"source": "website", "campaign": "Q1-2024"});
    SdrAgentContact {
        company: Some("Tech Corp".into()),
        locale: Some("en-US".into()),
        timezone: Some("America/New_York".into()),
        metadata: metadata.as_object().cloned(),
        ..SdrAgentContact::new(
            "John Doe",
            "john.doe@example.com",
            "https://linkedin.com/in/johndoe",
        )
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn a_typed_contact_builds_the_request_of_its_json() {
    let opts = ContactshipOptions {
        api_key: Some("k".into()),
        ..Default::default()
    };
    let typed = contactship_example();
    let as_json = serde_json::to_value(&typed).unwrap();
    assert_eq!(
        build_contactship_contact(&typed, &opts),
        build_contactship_contact(&as_json, &opts)
    );
    let request = typed.build(&opts).unwrap();
    assert_eq!(
        request.body,
        r#"{"phone_number":"+12124567890","full_name":"Juan Pérez","country":"Mexico","email":"juan@ejemplo.com","description":"Lead from LinkedIn campaign","additional_data":[{"type":"location","field":"dirección","value":"Av. Insurgentes 123"},{"type":"date","field":"since","value":"2024-01-31"}]}"#
    );

    let opts = SdrAgentOptions {
        api_key: Some("k".into()),
        import_id: Some(IMPORT.into()),
        ..Default::default()
    };
    let typed = sdr_agent_example();
    let as_json = serde_json::to_value(&typed).unwrap();
    assert_eq!(
        build_sdr_agent_contact(&typed, &opts),
        build_sdr_agent_contact(&as_json, &opts)
    );
    let request = typed.build(&opts).unwrap();
    assert_eq!(request.headers.get("X-Import-ID"), Some(IMPORT));
    // metadata keeps its keys in their order.
    assert!(request
        .body
        .ends_with(r#""metadata":{"source":"website","campaign":"Q1-2024"}}"#));
}

#[wasm_bindgen_test(unsupported = test)]
fn typed_contacts_have_the_apis_field_names() {
    let v = serde_json::to_value(contactship_example()).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "phone_number",
            "full_name",
            "country",
            "email",
            "description",
            "additional_data"
        ]
    );
    assert_eq!(v["additional_data"][0]["type"], "location");
    // Absent optional fields are left out, as the builders leave them out of the body.
    let minimal = serde_json::to_value(ContactshipContact::new("+1", "A")).unwrap();
    assert_eq!(minimal, json!({"phone_number": "+1", "full_name": "A"}));

    let v = serde_json::to_value(sdr_agent_example()).unwrap();
    let back: SdrAgentContact = serde_json::from_value(v).unwrap();
    assert_eq!(back, sdr_agent_example());
}

#[wasm_bindgen_test(unsupported = test)]
fn a_misspelled_field_is_a_deserialization_error() {
    let typo = json!({"phone_number": "+1", "fullname": "A"});
    let err = serde_json::from_value::<ContactshipContact>(typo).unwrap_err();
    assert!(
        err.to_string().contains("unknown field `fullname`"),
        "{err}"
    );
    let bad_type = json!({"type": "money", "field": "f", "value": "1"});
    assert!(serde_json::from_value::<AdditionalData>(bad_type).is_err());
    let metadata_not_object = json!({
        "full_name": "A", "email": "a@b.co", "linkedin_profile": "x", "metadata": [1]
    });
    assert!(serde_json::from_value::<SdrAgentContact>(metadata_not_object).is_err());
}

#[wasm_bindgen_test(unsupported = test)]
fn rejected_contact_lists_every_problem() {
    let opts = ContactshipOptions {
        lang: Lang::Es,
        ..Default::default()
    };
    let contact = ContactshipContact {
        email: Some("juan".into()),
        ..ContactshipContact::new("12", " ")
    };
    let rejected = contact.build(&opts).unwrap_err();
    let fields: Vec<&str> = rejected.errors().iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["phone_number", "full_name", "email"]);
    let shown = rejected.to_string();
    let lines: Vec<String> = rejected.errors().iter().map(|e| e.to_string()).collect();
    assert_eq!(shown, lines.join("\n"));
    assert!(
        shown.contains("full_name: required: Este campo es obligatorio."),
        "{shown}"
    );

    // A std::error::Error, so `?` takes it into Box<dyn Error> (or anyhow) as it is.
    fn send(contact: &ContactshipContact) -> Result<String, Box<dyn std::error::Error>> {
        Ok(contact.build(&ContactshipOptions::default())?.body)
    }
    let boxed = send(&ContactshipContact::new("12", "Ana")).unwrap_err();
    assert!(boxed.to_string().starts_with("phone_number: "), "{boxed}");
    assert!(send(&ContactshipContact::new("+1 212 456 7890", "Ana")).is_ok());

    let errors = rejected.clone().into_errors();
    assert_eq!(RejectedContact::from(errors), rejected);
}

#[cfg(feature = "http")]
#[test]
fn a_request_converts_to_http() {
    let opts = SdrAgentOptions {
        bearer_token: Some("t0k3n".into()),
        import_id: Some(IMPORT.into()),
        ..Default::default()
    };
    let request = sdr_agent_example().build(&opts).unwrap();
    let body = request.body.clone();
    let converted = http::Request::try_from(request).unwrap();
    assert_eq!(converted.method(), http::Method::POST);
    assert_eq!(converted.uri(), "https://api.sdragent.com/contacts/");
    let headers: Vec<(&str, &str)> = converted
        .headers()
        .iter()
        .map(|(n, v)| (n.as_str(), v.to_str().unwrap()))
        .collect();
    assert_eq!(
        headers,
        [
            ("content-type", "application/json"),
            ("authorization", "Bearer t0k3n"),
            ("x-import-id", IMPORT)
        ]
    );
    assert_eq!(converted.body(), &body);

    let complete = contactkit::payload::build_complete_import(
        &json!({"totalRows": 3}),
        &SdrAgentOptions {
            import_id: Some(IMPORT.into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        http::Request::try_from(complete).unwrap().method(),
        http::Method::PUT
    );
}

#[cfg(feature = "http")]
#[test]
fn a_hand_written_request_that_http_refuses_is_an_error() {
    let mut request = ContactshipContact::new("+1 212 456 7890", "Ana")
        .build(&ContactshipOptions::default())
        .unwrap();
    request.url = "not a url".into();
    assert!(http::Request::try_from(request).is_err());
}
