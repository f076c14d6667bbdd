//! `timezone::normalize`: as an SDR Agent `timezone`, idempotent, messages in both languages.
#![no_main]
use contactkit::{timezone, FieldOptions};
use contactkit_fuzz::{check, check_error, check_same_as_builder, sdr_agent_field, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = text(data);
    let opts = FieldOptions::default();
    let result = timezone::normalize(&input, &opts);
    match &result {
        Ok(t) => {
            let again = timezone::normalize(&t.value, &opts);
            check(
                "timezone idempotence",
                again
                    .as_ref()
                    .is_ok_and(|a| a.value == t.value && a.resolved_from.is_none()),
                || format!("{input:?} -> {:?} -> {again:?}", t.value),
            );
        }
        Err(e) => check_error(e),
    }
    let in_contact = sdr_agent_field("timezone", &input);
    check_same_as_builder(
        "timezone",
        &input,
        &result,
        |t| Some(t.value.clone()),
        in_contact,
    );
});
