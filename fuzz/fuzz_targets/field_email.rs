//! `email::normalize` and `email::suggest`: as an SDR Agent `email`, idempotent, a suggestion
//! valid, messages in both languages.
#![no_main]
use contactkit::{email, FieldOptions};
use contactkit_fuzz::{check, check_error, check_same_as_builder, sdr_agent_field, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = text(data);
    let opts = FieldOptions::default();
    let result = email::normalize(&input, &opts);
    match &result {
        Ok(e) => {
            let again = email::normalize(&e.value, &opts);
            check(
                "email idempotence",
                again.as_ref().is_ok_and(|a| a.value == e.value),
                || format!("{input:?} -> {:?} -> {again:?}", e.value),
            );
        }
        Err(e) => check_error(e),
    }
    let suggestions = [
        email::suggest(&input),
        result.as_ref().ok().and_then(|e| e.suggestion.clone()),
    ];
    for s in suggestions.into_iter().flatten() {
        let checked = email::normalize(&s, &opts);
        check("email suggestion validates", checked.is_ok(), || {
            format!("{input:?} -> {s:?}: {checked:?}")
        });
    }
    let in_contact = sdr_agent_field("email", &input);
    check_same_as_builder(
        "email",
        &input,
        &result,
        |e| Some(e.value.clone()),
        in_contact,
    );
});
