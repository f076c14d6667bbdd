//! `phone::normalize`: as a Contactship `phone_number`, idempotent, messages in both languages.
#![no_main]
use contactkit::{phone, Lang};
use contactkit_fuzz::{check, check_error, check_same_as_builder, contactship_field, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = text(data);
    let opts = phone::PhoneOptions {
        default_country: None,
        lang: Lang::En,
    };
    let result = phone::normalize(&input, &opts);
    match &result {
        Ok(p) => {
            let again = phone::normalize(&p.value, &opts);
            check(
                "phone idempotence",
                again.as_ref().ok() == Some(p) || again.as_ref().is_ok_and(|a| a.value == p.value),
                || format!("{input:?} -> {:?} -> {again:?}", p.value),
            );
            // The international format reads back as the same number.
            let back = phone::normalize(&p.international, &opts);
            check(
                "phone idempotence",
                back.as_ref().is_ok_and(|b| b.value == p.value),
                || format!("{input:?}: {:?} -> {back:?}", p.international),
            );
        }
        Err(e) => check_error(e),
    }
    let in_contact = contactship_field("phone_number", &input);
    check_same_as_builder(
        "phone",
        &input,
        &result,
        |p| Some(p.value.clone()),
        in_contact,
    );
});
