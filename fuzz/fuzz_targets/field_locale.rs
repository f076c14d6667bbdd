//! `locale::normalize`: as an SDR Agent `locale`, idempotent, messages in both languages.
#![no_main]
use contactkit::{locale, FieldOptions};
use contactkit_fuzz::{check, check_error, check_same_as_builder, sdr_agent_field, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = text(data);
    let opts = FieldOptions::default();
    let result = locale::normalize(&input, &opts);
    match &result {
        Ok(l) => {
            let again = locale::normalize(&l.value, &opts);
            check("locale idempotence", again.as_ref().ok() == Some(l), || {
                format!("{input:?} -> {:?} -> {again:?}", l.value)
            });
        }
        Err(e) => check_error(e),
    }
    let in_contact = sdr_agent_field("locale", &input);
    check_same_as_builder(
        "locale",
        &input,
        &result,
        |l| Some(l.value.clone()),
        in_contact,
    );
});
