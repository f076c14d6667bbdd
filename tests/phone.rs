//! The phone rule: spellings, default countries, extensions, every error code, hostile input.
//! Runs natively (`cargo test --test phone`) and in wasm (`--target wasm32-unknown-unknown`).

use contactkit::phone::{normalize, NumberType, Phone, PhoneOptions};
use contactkit::{ErrorCode, FieldError, Lang};
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::Rng;

fn opts(default_country: Option<&str>) -> PhoneOptions {
    PhoneOptions {
        default_country: default_country.map(str::to_owned),
        lang: Lang::En,
    }
}

fn ok(input: &str, default_country: Option<&str>) -> Phone {
    normalize(input, &opts(default_country)).unwrap_or_else(|e| {
        panic!("{input:?} (default {default_country:?}) should be valid, got {e}")
    })
}

fn err(input: &str, default_country: Option<&str>) -> FieldError {
    match normalize(input, &opts(default_country)) {
        Ok(p) => panic!(
            "{input:?} (default {default_country:?}) should be rejected, got {}",
            p.value
        ),
        Err(e) => e,
    }
}

/// Asserts every spelling normalizes to `e164` in `region`.
fn same(e164: &str, region: &str, spellings: &[(&str, Option<&str>)]) {
    for (input, default) in spellings {
        let p = ok(input, *default);
        assert_eq!(p.value, e164, "{input:?} with default {default:?}");
        assert_eq!(p.e164, e164);
        assert_eq!(p.region.as_deref(), Some(region), "{input:?}");
        assert_eq!(p.extension, None, "{input:?}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn united_states_spellings() {
    same(
        "+12124567890",
        "US",
        &[
            ("(212) 456-7890", Some("US")),
            ("212.456.7890", Some("US")),
            ("212-456-7890", Some("us")),
            ("2124567890", Some("US")),
            ("1-212-456-7890", Some("US")),
            ("1 (212) 456 7890", Some("US")),
            ("+1 212 456 7890", None),
            ("+1 (212) 456-7890", None),
            ("+1.212.456.7890", None),
            ("+12124567890", None),
            ("001 212 456 7890", None),
            ("001 212 456 7890", Some("DE")),
            ("  +1 212 456 7890  ", None),
            ("tel:+1-212-456-7890", None),
            ("Tel: +1 212 456 7890", None),
            ("１２１２４５６７８９０", Some("US")),
            ("+١ ٢١٢ ٤٥٦ ٧٨٩٠", None),
        ],
    );
    let p = ok("(212) 456-7890", Some("US"));
    assert_eq!(p.international, "+1 212-456-7890");
    assert_eq!(p.national, "(212) 456-7890");
    assert_eq!(p.calling_code, 1);
    assert_eq!(p.number_type, NumberType::FixedLineOrMobile);
}

#[wasm_bindgen_test(unsupported = test)]
fn united_kingdom_spellings() {
    same(
        "+442079460958",
        "GB",
        &[
            ("020 7946 0958", Some("GB")),
            ("(020) 7946 0958", Some("GB")),
            ("2079460958", Some("GB")),
            ("44 20 7946 0958", Some("GB")),
            ("+44 20 7946 0958", None),
            ("+44 (0)20 7946 0958", None),
            ("+44 (0) 20 7946 0958", None),
            ("0044 20 7946 0958", None),
            ("00442079460958", Some("GB")),
            ("011 44 20 7946 0958", Some("US")),
        ],
    );
    let p = ok("020 7946 0958", Some("GB"));
    assert_eq!(p.international, "+44 20 7946 0958");
    assert_eq!(p.national, "020 7946 0958");
    assert_eq!(p.number_type, NumberType::FixedLine);
    let mobile = ok("07400 123456", Some("GB"));
    assert_eq!(mobile.value, "+447400123456");
    assert_eq!(mobile.number_type, NumberType::Mobile);
}

#[wasm_bindgen_test(unsupported = test)]
fn germany_france_spain_spellings() {
    same(
        "+493012345678",
        "DE",
        &[
            ("030 12345678", Some("DE")),
            ("030/12345678", Some("DE")),
            ("030-123 456 78", Some("DE")),
            ("+49 30 12345678", None),
            ("+49 (0)30 12345678", None),
            ("0049 30 12345678", None),
        ],
    );
    assert_eq!(ok("030 12345678", Some("DE")).national, "030 12345678");
    assert_eq!(
        ok("0151 23456789", Some("DE")).number_type,
        NumberType::Mobile
    );
    same(
        "+33612345678",
        "FR",
        &[
            ("06 12 34 56 78", Some("FR")),
            ("06.12.34.56.78", Some("FR")),
            ("0612345678", Some("fr")),
            ("+33 6 12 34 56 78", None),
            ("+33 (0)6 12 34 56 78", None),
            ("0033 6 12 34 56 78", None),
        ],
    );
    assert_eq!(ok("+33612345678", None).national, "06 12 34 56 78");
    same(
        "+34612345678",
        "ES",
        &[
            ("612 34 56 78", Some("ES")),
            ("612345678", Some("ES")),
            ("+34 612 345 678", None),
            ("0034 612 34 56 78", None),
        ],
    );
    assert_eq!(
        ok("912 34 56 78", Some("ES")).number_type,
        NumberType::FixedLine
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn latin_america_spellings() {
    same(
        "+525512345678",
        "MX",
        &[
            ("55 1234 5678", Some("MX")),
            ("(55) 1234-5678", Some("MX")),
            ("+52 55 1234 5678", None),
            ("0052 55 1234 5678", None),
        ],
    );
    same(
        "+5511912345678",
        "BR",
        &[
            ("(11) 91234-5678", Some("BR")),
            ("011 91234 5678", Some("BR")),
            // A long-distance carrier code after the national prefix.
            ("0 21 11 91234-5678", Some("BR")),
            ("+55 11 91234-5678", None),
            ("0055 11 91234 5678", None),
        ],
    );
    assert_eq!(ok("+5511912345678", None).national, "(11) 91234-5678");
    // Argentina: mobile numbers dialled nationally with 15 become 9 internationally.
    same(
        "+5491123456789",
        "AR",
        &[
            ("011 15-2345-6789", Some("AR")),
            ("+54 9 11 2345-6789", None),
        ],
    );
    same("+541141234567", "AR", &[("011 4123-4567", Some("AR"))]);
    same(
        "+573211234567",
        "CO",
        &[
            ("321 1234567", Some("CO")),
            ("+57 321 1234567", None),
            ("321-123-4567", Some("co")),
        ],
    );
    assert_eq!(ok("601 2345678", Some("CO")).national, "(601) 2345678");
}

#[wasm_bindgen_test(unsupported = test)]
fn asia_spellings() {
    same(
        "+919876543210",
        "IN",
        &[
            ("098765 43210", Some("IN")),
            ("98765 43210", Some("IN")),
            ("+91 98765 43210", None),
            ("+91-9876543210", None),
        ],
    );
    same(
        "+819012345678",
        "JP",
        &[
            ("090-1234-5678", Some("JP")),
            ("+81 90 1234 5678", None),
            ("010 81 90 1234 5678", Some("JP")),
        ],
    );
    assert_eq!(
        ok("03-1234-5678", Some("JP")).international,
        "+81 3-1234-5678"
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn other_countries() {
    for (input, default, e164, region) in [
        ("+39 02 1234 5678", None, "+390212345678", "IT"),
        ("02 1234 5678", Some("IT"), "+390212345678", "IT"),
        ("8 495 123 45 67", Some("RU"), "+74951234567", "RU"),
        ("+7 701 234 5678", None, "+77012345678", "KZ"),
        ("0412 345 678", Some("AU"), "+61412345678", "AU"),
        ("138 0013 8000", Some("CN"), "+8613800138000", "CN"),
        ("+31 20 123 4567", None, "+31201234567", "NL"),
        ("+27 21 123 4567", None, "+27211234567", "ZA"),
        ("+234 802 123 4567", None, "+2348021234567", "NG"),
        ("+20 10 12345678", None, "+201012345678", "EG"),
    ] {
        let p = ok(input, default);
        assert_eq!(p.value, e164, "{input:?}");
        assert_eq!(p.region.as_deref(), Some(region), "{input:?}");
    }
    // Italian fixed lines keep their leading zero in E.164.
    assert_eq!(
        ok("02 1234 5678", Some("IT")).number_type,
        NumberType::FixedLine
    );
    assert_eq!(
        ok("8 495 123 45 67", Some("RU")).national,
        "8 (495) 123-45-67"
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn nanp_numbers_get_their_real_region() {
    for (input, region) in [
        ("+1 212 456 7890", "US"),
        ("+1 416 234 5678", "CA"),
        ("+1 604 555 5555", "CA"),
        ("+1 787 234 5678", "PR"),
    ] {
        assert_eq!(ok(input, None).region.as_deref(), Some(region), "{input}");
    }
    // A US default does not make a Canadian number American.
    assert_eq!(
        ok("(416) 234-5678", Some("US")).region.as_deref(),
        Some("CA")
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn non_geographic_numbers_have_no_region() {
    let p = ok("+800 1234 5678", None);
    assert_eq!(p.value, "+80012345678");
    assert_eq!(p.region, None);
    assert_eq!(p.calling_code, 800);
    assert_eq!(p.number_type, NumberType::TollFree);
    assert_eq!(p.international, "+800 1234 5678");
    let p = ok("+979 123456789", None);
    assert_eq!(p.region, None);
    assert_eq!(p.number_type, NumberType::PremiumRate);
    assert_eq!(p.international, "+979 1 2345 6789");
    // A default country does not change a non-geographic number.
    assert_eq!(ok("+870 301234567", Some("MX")).region, None);
}

#[wasm_bindgen_test(unsupported = test)]
fn vanity_letters_as_libphonenumber_reads_them() {
    for input in ["1-800-FLOWERS", "1-800-flowers", "+1 800 FLOWERS"] {
        let default = if input.starts_with('+') {
            None
        } else {
            Some("US")
        };
        let p = ok(input, default);
        assert_eq!(p.value, "+18003569377", "{input}");
        assert_eq!(p.number_type, NumberType::TollFree);
    }
    // Fewer than three letters are not a vanity number: they are dropped, not mapped.
    assert_eq!(ok("(212) 456-7890 a", Some("US")).value, "+12124567890");
}

#[wasm_bindgen_test(unsupported = test)]
fn extensions_are_kept_apart_from_the_value() {
    for input in [
        "+1 212 456 7890 ext. 12",
        "+1 212 456 7890 ext 12",
        "+1 212 456 7890 Ext.12",
        "+1 212 456 7890 EXT: 12",
        "+1 212 456 7890 x12",
        "+1 212 456 7890 x 12",
        "+1 212 456 7890 #12",
        "+1 212 456 7890, 12",
        "+1 212 456 7890;12",
        "+1 212 456 7890 extension 12",
        "+1 212 456 7890 extensión 12",
        "+1 212 456 7890 anexo 12",
        "+1 212 456 7890 extn 12",
        "+1 212 456 7890 ext:12",
        "+1 212 456 7890 ~12",
        "+1 212 456 7890 ,,12",
        "+1 212 456 7890 доб. 12",
        "+1 (212) 456-7890 ＃１２",
        "+1 212 456 7890 - 12#",
        "tel:+1-212-456-7890;ext=12",
    ] {
        let p = ok(input, None);
        assert_eq!(p.value, "+12124567890", "{input}");
        assert_eq!(p.extension.as_deref(), Some("12"), "{input}");
        assert_eq!(p.international, "+1 212-456-7890 ext. 12", "{input}");
        assert_eq!(p.national, "(212) 456-7890 ext. 12", "{input}");
    }
    let p = ok("(55) 1234-5678 extensión 301", Some("MX"));
    assert_eq!(p.value, "+525512345678");
    assert_eq!(p.extension.as_deref(), Some("301"));
    // The calling code's own extension prefix, as libphonenumber formats it (GB uses " x").
    let p = ok("020 7946 0958 ext. 7", Some("GB"));
    assert_eq!(p.international, "+44 20 7946 0958 x7");
}

/// Both formats of a number with an extension read back as the same number and extension,
/// for every extension length the rule accepts, under each calling code whose preferred
/// separator is an ambiguous label (`#` TW, ` int ` RO, ` int. ` UY, ` x` GB) or not.
#[wasm_bindgen_test(unsupported = test)]
fn formats_with_long_extensions_read_back() {
    let numbers = [
        ("+886 2 2123 4567", "TW"),
        ("+40 21 123 4567", "RO"),
        ("+598 2123 1234", "UY"),
        ("+44 20 7946 0958", "GB"),
        ("+51 1 1234567", "PE"),
        ("+1 212 456 7890", "US"),
    ];
    for (number, region) in numbers {
        for len in 1..=20 {
            let ext: String = (0..len).map(|i| char::from(b'1' + (i % 9) as u8)).collect();
            let p = ok(&format!("{number} ext. {ext}"), None);
            assert_eq!(p.extension.as_deref(), Some(ext.as_str()), "{number} {len}");
            for (shown, default) in [(&p.international, None), (&p.national, Some(region))] {
                let again = ok(shown, default);
                assert_eq!(again.value, p.value, "{shown:?}");
                assert_eq!(again.extension, p.extension, "{shown:?}");
                assert_eq!(
                    (&again.international, &again.national),
                    (&p.international, &p.national)
                );
            }
        }
    }
    // Up to 9 digits the calling code's own separator, as libphonenumber writes it; past 9, the
    // one that reads back.
    let p = ok("+44 20 7946 0958 ext. 123456789", None);
    assert_eq!(p.international, "+44 20 7946 0958 x123456789");
    let p = ok("+44 20 7946 0958 ext. 1234567890", None);
    assert_eq!(p.international, "+44 20 7946 0958 ext. 1234567890");
    assert_eq!(p.national, "020 7946 0958 ext. 1234567890");
    let p = ok("+886 2 2123 4567 ext. 1234567890", None);
    assert_eq!(p.international, "+886 2 2123 4567 ext. 1234567890");
    // An explicit label keeps its place whatever the length.
    let p = ok("+51 1 1234567 ext. 12345678901234567890", None);
    assert!(
        p.international.ends_with(" Anexo 12345678901234567890"),
        "{}",
        p.international
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn default_country_handling() {
    // Any case, surrounding spaces; blank is none.
    assert_eq!(ok("020 7946 0958", Some(" gb ")).value, "+442079460958");
    assert_eq!(
        err("020 7946 0958", Some("")).code,
        ErrorCode::PhoneMissingCountry
    );
    // Ignored when the number is international.
    assert_eq!(
        ok("+44 20 7946 0958", Some("US")).region.as_deref(),
        Some("GB")
    );
    assert_eq!(
        ok("0044 20 7946 0958", Some("US")).region.as_deref(),
        Some("GB")
    );
    // A code or a name, as the country rule reads them (the payload builders' spelling too).
    for spelling in ["UK", "GBR", "United Kingdom", "reino unido"] {
        assert_eq!(ok("020 7946 0958", Some(spelling)).value, "+442079460958");
    }
    // A country without a numbering plan of its own gives no default region: international
    // numbers are read, national ones need a country.
    for no_plan in [
        "AQ",
        "BV",
        "GS",
        "HM",
        "PN",
        "TF",
        "UM",
        "aq",
        " um ",
        "Antarctica",
    ] {
        let p = ok("+1 212 456 7890", Some(no_plan));
        assert_eq!(p.value, "+12124567890", "{no_plan:?}");
        assert_eq!(
            err("212 456 7890", Some(no_plan)).code,
            ErrorCode::PhoneMissingCountry,
            "{no_plan:?}"
        );
    }
    // Anything else is an option error, whatever the number.
    for bad in ["XX", "1", "001", "É", "ZZ", "Narnia", "Korea"] {
        for input in ["020 7946 0958", "+44 20 7946 0958"] {
            let e = err(input, Some(bad));
            assert_eq!(e.code, ErrorCode::InvalidOption, "{bad:?}");
            assert_eq!(e.params["option"], "defaultCountry");
            assert!(e.params.contains_key("reason"));
        }
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn error_codes() {
    let code = |input: &str, default: Option<&str>| err(input, default).code;
    assert_eq!(code("", None), ErrorCode::Empty);
    assert_eq!(code("   ", Some("US")), ErrorCode::Empty);
    assert_eq!(code(&"1".repeat(2000), None), ErrorCode::InputTooLong);
    assert_eq!(code("hello", Some("US")), ErrorCode::PhoneNotANumber);
    assert_eq!(
        code("juan@example.com", Some("US")),
        ErrorCode::PhoneNotANumber
    );
    assert_eq!(code("12. March", Some("US")), ErrorCode::PhoneNotANumber);
    assert_eq!(code("+1+1+1", None), ErrorCode::PhoneNotANumber);
    assert_eq!(
        code("+999 123 4567", None),
        ErrorCode::PhoneInvalidCountryCode
    );
    assert_eq!(
        code("+0 123 4567", None),
        ErrorCode::PhoneInvalidCountryCode
    );
    assert_eq!(
        code("00 999 123 4567", None),
        ErrorCode::PhoneInvalidCountryCode
    );
    assert_eq!(code("212 456 7890", None), ErrorCode::PhoneMissingCountry);
    assert_eq!(code("020 7946 0958", None), ErrorCode::PhoneMissingCountry);
    assert_eq!(code("+1 212 456 789", None), ErrorCode::PhoneTooShort);
    assert_eq!(code("456-7890", Some("US")), ErrorCode::PhoneTooShort);
    assert_eq!(code("12", Some("US")), ErrorCode::PhoneTooShort);
    assert_eq!(code("+1", None), ErrorCode::PhoneTooShort);
    assert_eq!(code("+44", None), ErrorCode::PhoneTooShort);
    assert_eq!(code("+1 212 456 78901", None), ErrorCode::PhoneTooLong);
    assert_eq!(code("+44 20 7946 09581", None), ErrorCode::PhoneTooLong);
    assert_eq!(code(&"9".repeat(40), Some("US")), ErrorCode::PhoneTooLong);
    assert_eq!(
        code(&format!("+{}", "4".repeat(25)), None),
        ErrorCode::PhoneTooLong
    );
    // A possible length, but no number the country assigns.
    assert_eq!(code("+1 012 456 7890", None), ErrorCode::PhoneInvalid);
    assert_eq!(code("+44 20 7946 095", None), ErrorCode::PhoneInvalid);
    assert_eq!(code("+52 1 55 1234 5678", None), ErrorCode::PhoneTooLong);
    // The national prefix is kept where the rest would be of no possible length (9 digits in
    // CA, between its local 7 and its 10), as libphonenumber keeps it: ten digits, invalid.
    assert_eq!(code("1062345678", Some("CA")), ErrorCode::PhoneInvalid);
}

#[wasm_bindgen_test(unsupported = test)]
fn error_params_help_a_form() {
    let e = err("+44 20 7946 095", None);
    assert_eq!(e.code, ErrorCode::PhoneInvalid);
    assert_eq!(e.params["region"], "GB");
    assert_eq!(e.params["calling_code"], 44);
    assert_eq!(e.message, "This is not a valid phone number for GB.");

    let e = err("0412", Some("AU"));
    assert_eq!(e.code, ErrorCode::PhoneTooShort);
    assert_eq!(e.params["region"], "AU");
    assert_eq!(
        e.params["possible_lengths"],
        serde_json::json!([5, 6, 7, 8, 9, 10, 12])
    );
    // Eight digits is a length some Australian numbers have: not valid, but not too short.
    assert_eq!(err("0412 345 67", Some("AU")).code, ErrorCode::PhoneInvalid);

    let e = err("+49 30 1", None);
    assert_eq!(
        e.code,
        ErrorCode::PhoneTooShort,
        "a local number without its area code"
    );
    assert_eq!(e.params["region"], "DE");

    // A shared calling code: the region the leading digits point to, else the default
    // country, else the code's main region.
    let e = err("+1 787 234 567", None);
    assert_eq!(e.code, ErrorCode::PhoneTooShort);
    assert_eq!(e.params["calling_code"], 1);
    assert_eq!(e.params["region"], "PR");
    // Canada has no leading digits of its own in the metadata: only a valid number shows it.
    assert_eq!(err("+1 416 234 567", None).params["region"], "US");
    let e = err("+1 212 456 78901", None);
    assert_eq!(e.code, ErrorCode::PhoneTooLong);
    assert_eq!(e.params["region"], "US");
    assert_eq!(err("(012) 456-7890", Some("CA")).params["region"], "CA");
    assert_eq!(err("+1 012 456 7890", Some("CA")).params["region"], "US");

    // A non-geographic calling code has no region: the message names the code.
    let e = err("+800 0123 4567", None);
    assert_eq!(e.code, ErrorCode::PhoneInvalid);
    assert_eq!(e.params["region"], "+800");
    assert_eq!(e.message, "This is not a valid phone number for +800.");
}

#[wasm_bindgen_test(unsupported = test)]
fn spanish_messages() {
    let es = |input: &str, default: Option<&str>| {
        normalize(
            input,
            &PhoneOptions {
                default_country: default.map(str::to_owned),
                lang: Lang::Es,
            },
        )
        .unwrap_err()
    };
    assert_eq!(es("", None).message, "Este campo está vacío.");
    assert_eq!(
        es("hola", None).message,
        "Esto no parece un número de teléfono."
    );
    assert_eq!(
        es("+999 1234567", None).message,
        "El código de país no es válido."
    );
    assert_eq!(
        es("55 1234 5678", None).message,
        "Añade el código de país (por ejemplo +52) o elige un país."
    );
    assert_eq!(
        es("+52 55 1234", None).message,
        "Este número de teléfono es demasiado corto."
    );
    assert_eq!(
        es("+52 55 1234 5678 9012", None).message,
        "Este número de teléfono es demasiado largo."
    );
    assert_eq!(
        es("+34 012 345 678", None).message,
        "Este no es un número de teléfono válido para ES."
    );
    let e = es("55 1234 5678", Some("Narnia"));
    assert_eq!(e.code, ErrorCode::InvalidOption);
    assert!(
        e.message
            .starts_with("La opción \"defaultCountry\" no es válida: "),
        "{}",
        e.message
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn serializes_for_json() {
    let p = ok("+1 212 456 7890 x12", None);
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "value": "+12124567890",
            "e164": "+12124567890",
            "international": "+1 212-456-7890 ext. 12",
            "national": "(212) 456-7890 ext. 12",
            "callingCode": 1,
            "region": "US",
            "numberType": "fixed_line_or_mobile",
            "extension": "12",
        })
    );
    let e = err("+44 20 7946 095", None);
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(json["code"], "phone_invalid");
    assert_eq!(json["params"]["region"], "GB");
}

#[wasm_bindgen_test(unsupported = test)]
fn hostile_input_is_rejected_without_panicking() {
    let long_digits = "1".repeat(1024);
    let pluses = "+".repeat(1000);
    let many_ext = format!("+1 212 456 7890 ext. {}", "9".repeat(500));
    let nested = format!("{}212 456 7890{}", "(".repeat(400), ")".repeat(400));
    let cases: Vec<&str> = vec![
        &long_digits,
        &pluses,
        &many_ext,
        &nested,
        "+",
        "++1",
        "+1+1",
        "00",
        "0000000000",
        "+000000000",
        "#",
        "x",
        "ext. 12",
        "+1 212 456 7890 ext.",
        "+1 212 456 7890 x",
        "+1 212 456 7890 #",
        "tel:",
        "tel:;phone-context=",
        ";phone-context=",
        "tel:+;phone-context=",
        "tel:+1;phone-context=ééé",
        ".;phone-context=",
        "+dwPAA;phone-context=AA",
        "tel:0;phone-context=+\u{10000}",
        "+\u{1F4A9};phone-context=\u{1F4A9}",
        "tel:+1-212-456-7890;ext=",
        "tel:+1-212-456-7890;ext=abc",
        "\0\0\0",
        "\u{202E}+1 212 456 7890",
        "+1 212 456 7890\u{200F}",
        "٠٠٠",
        "１",
        "\u{FFFD}\u{FFFD}",
        "1\u{0301}2\u{0301}3\u{0301}",
        "💩💩💩 212 456 7890",
        "null",
        "undefined",
        "NaN",
        "-1",
        "1e10",
        "0x1F",
    ];
    for input in cases {
        for default in [None, Some("US"), Some("BR"), Some("DE")] {
            check_any(input, default);
        }
    }
    assert_eq!(err(&many_ext, None).code, ErrorCode::PhoneTooLong);
    assert_eq!(err(&pluses, None).code, ErrorCode::PhoneNotANumber);
}

#[wasm_bindgen_test(unsupported = test)]
fn random_input_never_panics() {
    // Pieces people (and attackers) put in phone fields.
    const PIECES: &[&str] = &[
        "0",
        "1",
        "2",
        "5",
        "7",
        "9",
        "00",
        "+",
        "++",
        "＋",
        " ",
        "-",
        ".",
        "(",
        ")",
        "/",
        "x",
        "X",
        "#",
        "*",
        ",",
        ";",
        "~",
        "ext",
        "ext.",
        "extensión",
        "anexo",
        "tel:",
        ";ext=",
        ";phone-context=",
        ";phone-context=+",
        "+1",
        "+44",
        "+52",
        "+800",
        "a",
        "Z",
        "é",
        "٣",
        "５",
        "\u{301}",
        "\u{200B}",
        "\u{FEFF}",
        "💩",
        "\0",
        "\n",
        "\t",
        "'",
        "\"",
        "<",
        "%",
    ];
    const DEFAULTS: &[Option<&str>] = &[None, Some("US"), Some("GB"), Some("BR"), Some("AR")];
    let iterations = std::env::var("CONTACTKIT_FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..iterations {
        let mut input = String::new();
        for _ in 0..rng.below(24) {
            input.push_str(PIECES[rng.below(PIECES.len())]);
        }
        check_any(&input, DEFAULTS[rng.below(DEFAULTS.len())]);
    }
}

/// Any text: a valid number is E.164 that reads back as itself, with any default country;
/// an error is one of the phone rule's codes (or a shared one) with its message.
fn check_any(input: &str, default: Option<&str>) {
    match normalize(input, &opts(default)) {
        Ok(p) => {
            assert!(p.value.starts_with('+'), "{input:?}");
            assert!(
                p.value[1..].bytes().all(|b| b.is_ascii_digit()),
                "{input:?}"
            );
            assert_eq!(normalize(&p.value, &opts(None)).unwrap().value, p.value);
        }
        Err(e) => {
            assert!(
                matches!(
                    e.code,
                    ErrorCode::Empty
                        | ErrorCode::InputTooLong
                        | ErrorCode::PhoneNotANumber
                        | ErrorCode::PhoneInvalidCountryCode
                        | ErrorCode::PhoneMissingCountry
                        | ErrorCode::PhoneTooShort
                        | ErrorCode::PhoneTooLong
                        | ErrorCode::PhoneInvalid
                ),
                "{input:?} (default {default:?}): {e:?}"
            );
            assert!(!e.message.is_empty());
        }
    }
}

/// A Contactship contact in a country without a numbering plan of its own (or with one as the
/// default country) is sent: its country gives the phone no default region.
#[wasm_bindgen_test(unsupported = test)]
fn contacts_in_countries_without_a_numbering_plan() {
    use contactkit::payload::{build_contactship_contact, ContactshipOptions};
    use serde_json::json;
    for code in ["AQ", "BV", "GS", "HM", "PN", "TF", "UM"] {
        let contact =
            json!({"phone_number": "+1 212 456 7890", "full_name": "Ana", "country": code});
        let opts = ContactshipOptions {
            api_key: Some("key".into()),
            default_country: Some(code.into()),
            ..Default::default()
        };
        let built = build_contactship_contact(&contact, &opts).expect(code);
        let country = contactkit::country::normalize(code, &contactkit::FieldOptions::default())
            .unwrap()
            .name;
        assert_eq!(
            built.body,
            format!(r#"{{"phone_number":"+12124567890","full_name":"Ana","country":"{country}"}}"#)
        );
        let national = json!({"phone_number": "212 456 7890", "full_name": "Ana", "country": code});
        let errs = build_contactship_contact(&national, &opts).expect_err(code);
        let codes: Vec<_> = errs
            .iter()
            .map(|e| (e.field.as_str(), e.error.code))
            .collect();
        assert_eq!(
            codes,
            [("phone_number", ErrorCode::PhoneMissingCountry)],
            "{code}"
        );
    }
}
