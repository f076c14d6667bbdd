//! One vocabulary: an option takes the same spellings, and gives the same error, in the field
//! rules and in the payload builders; messages count rows from 1 while `row` stays an index.

use contactkit::payload::{
    build_contactship_contact, validate_contacts, BatchOptions, ContactError, ContactshipOptions,
};
use contactkit::phone::{self, PhoneOptions};
use contactkit::Lang;
use serde_json::json;
use wasm_bindgen_test::wasm_bindgen_test;

fn phone_with(default_country: &str, lang: Lang) -> Result<String, contactkit::FieldError> {
    let opts = PhoneOptions {
        default_country: Some(default_country.into()),
        lang,
    };
    phone::normalize("55 1234 5678", &opts).map(|p| p.value)
}

fn contact_with(default_country: &str, lang: Lang) -> Result<String, Vec<ContactError>> {
    let opts = ContactshipOptions {
        default_country: Some(default_country.into()),
        lang,
        ..Default::default()
    };
    let contact = json!({"phone_number": "55 1234 5678", "full_name": "Ana"});
    build_contactship_contact(&contact, &opts).map(|r| r.body)
}

#[wasm_bindgen_test(unsupported = test)]
fn a_default_country_is_a_code_or_a_name_in_both() {
    for spelling in ["MX", "mx", " mx ", "MEX", "Mexico", "México", "mexico"] {
        assert_eq!(
            phone_with(spelling, Lang::En).as_deref(),
            Ok("+525512345678"),
            "{spelling}"
        );
        let body = contact_with(spelling, Lang::En).expect(spelling);
        assert!(body.contains(r#""phone_number":"+525512345678""#), "{body}");
    }
    // Blank is none in both: the number then needs its calling code.
    assert_eq!(
        phone_with(" ", Lang::En).unwrap_err().code.as_str(),
        "phone_missing_country"
    );
    let errs = contact_with("", Lang::En).unwrap_err();
    assert_eq!(errs[0].error.code.as_str(), "phone_missing_country");
}

#[wasm_bindgen_test(unsupported = test)]
fn a_default_country_that_is_not_one_is_the_same_error_in_both() {
    // Not a country; ambiguous; a code that is no country.
    for (given, lang) in [("Narnia", Lang::En), ("Korea", Lang::Es), ("XX", Lang::En)] {
        let field = phone_with(given, lang).unwrap_err();
        let errs = contact_with(given, lang).unwrap_err();
        // The option's error, then the number's own: without a default country it needs its
        // calling code.
        assert_eq!(errs.len(), 2, "{given}: {errs:?}");
        assert_eq!(errs[0].field, "options.defaultCountry");
        assert_eq!(errs[1].error.code.as_str(), "phone_missing_country");
        assert_eq!(errs[0].error, field, "{given}");
        assert_eq!(field.code.as_str(), "invalid_option");
        assert_eq!(field.params["option"], "defaultCountry");
        assert_eq!(field.params["value"], given);
    }
    let es = phone_with("Narnia", Lang::Es).unwrap_err();
    assert_eq!(
        es.message,
        "La opción \"defaultCountry\" no es válida: \"Narnia\" no es un código ni un nombre de \
         país."
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn a_country_without_a_numbering_plan_is_no_default_in_both() {
    for given in ["AQ", "Antarctica", "ATA"] {
        let field = phone_with(given, Lang::En).unwrap_err();
        assert_eq!(field.code.as_str(), "phone_missing_country", "{given}");
        let errs = contact_with(given, Lang::En).unwrap_err();
        assert_eq!(errs.len(), 1, "{given}: {errs:?}");
        assert_eq!(
            (errs[0].field.as_str(), &errs[0].error),
            ("phone_number", &field)
        );
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn messages_count_rows_from_one_and_row_stays_an_index() {
    let rows = vec![
        json!({"phone_number": "+1 212 456 7890", "full_name": "Juan"}),
        json!({"phone_number": "(212) 456-7890", "full_name": "Juan again"}),
    ];
    let opts =
        BatchOptions::from_json(&json!({"target": "contactship", "defaultCountry": "US"})).unwrap();
    let report = validate_contacts(&rows, &opts);
    assert_eq!(report.results[1].row, 1);
    let dup = &report.results[1].result.as_ref().unwrap_err()[0];
    assert_eq!(dup.error.params["first_row"], 0);
    assert_eq!(dup.error.params["first_row_number"], 1);
    assert!(
        dup.error
            .message
            .starts_with("Row 1 already has +12124567890;"),
        "{}",
        dup.error.message
    );
}
