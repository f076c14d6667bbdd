//! `country::normalize`: as a Contactship `country` (sent as alpha-2), idempotent through each
//! of its forms, messages in both languages.
#![no_main]
use contactkit::{country, FieldOptions};
use contactkit_fuzz::{check, check_error, check_same_as_builder, contactship_field, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = text(data);
    let opts = FieldOptions::default();
    let result = country::normalize(&input, &opts);
    match &result {
        Ok(c) => {
            for form in [&c.value, &c.alpha3, &c.name] {
                let again = country::normalize(form, &opts);
                check(
                    "country idempotence",
                    again.as_ref().ok() == Some(c),
                    || format!("{input:?} -> {form:?} -> {again:?}"),
                );
            }
        }
        Err(e) => check_error(e),
    }
    let in_contact = contactship_field("country", &input);
    check_same_as_builder(
        "country",
        &input,
        &result,
        |c| Some(c.value.clone()),
        in_contact,
    );
});
