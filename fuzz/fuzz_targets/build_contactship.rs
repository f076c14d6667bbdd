//! Contactship `POST /v1/contacts` from a contact's JSON text (bytes as they come, often not
//! JSON): the same result as from its parsed `Value`, with either country format and with a
//! default country; every error's message in both languages.
#![no_main]
use contactkit::payload::{
    build_contactship_contact, build_contactship_contact_json, ContactshipOptions, CountryFormat,
};
use contactkit_fuzz::check_builder;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let options = [
        ContactshipOptions::default(),
        ContactshipOptions {
            default_country: Some("ES".into()),
            country_format: CountryFormat::Alpha2,
            ..Default::default()
        },
    ];
    for opts in &options {
        let r = build_contactship_contact_json(text, opts);
        check_builder("contactship", text, &r, |v| {
            build_contactship_contact(v, opts)
        });
    }
});
