//! `linkedin::normalize`: as an SDR Agent `linkedin_profile` (a person's profile), idempotent,
//! messages in both languages.
#![no_main]
use contactkit::linkedin::{self, LinkedInKind};
use contactkit::FieldOptions;
use contactkit_fuzz::{check, check_error, check_same_as_builder, sdr_agent_field, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = text(data);
    let opts = FieldOptions::default();
    let result = linkedin::normalize(&input, &opts);
    match &result {
        Ok(l) => {
            let again = linkedin::normalize(&l.value, &opts);
            check(
                "linkedin idempotence",
                again.as_ref().ok() == Some(l),
                || format!("{input:?} -> {l:?} -> {again:?}"),
            );
        }
        Err(e) => check_error(e),
    }
    // The builder sends profiles only (a company or school page is linkedin_not_person).
    let profile =
        |l: &linkedin::LinkedIn| (l.kind == LinkedInKind::Profile).then(|| l.value.clone());
    let in_contact = sdr_agent_field("linkedin_profile", &input);
    check_same_as_builder("linkedin", &input, &result, profile, in_contact);
});
