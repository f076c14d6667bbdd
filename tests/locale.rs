//! Locale rule: BCP 47 tags validated against the IANA registry and canonicalized.

use contactkit::{locale, ErrorCode, FieldOptions, Lang};
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::{en, Rng};

fn ok(input: &str) -> locale::Locale {
    locale::normalize(input, &en()).unwrap_or_else(|e| panic!("{input:?} rejected: {e}"))
}

fn err(input: &str) -> contactkit::FieldError {
    match locale::normalize(input, &en()) {
        Ok(l) => panic!("{input:?} accepted as {}", l.value),
        Err(e) => e,
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn common_tags_pass_unchanged() {
    for tag in [
        "en",
        "en-US",
        "es-ES",
        "es-MX",
        "es-419",
        "pt-BR",
        "fr-CA",
        "de-CH",
        "zh-Hant-TW",
        "zh-Hans-CN",
        "sr-Latn-RS",
        "sr-Cyrl",
        "yue-HK",
        "ca-ES-valencia",
        "de-DE-1996",
        "sl-biske-rozaj",
        "ast",
        "und",
        "en-001",
    ] {
        assert_eq!(ok(tag).value, tag, "{tag}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn parts_are_reported() {
    let l = ok("zh-Hant-TW");
    assert_eq!(l.language, "zh");
    assert_eq!(l.script.as_deref(), Some("Hant"));
    assert_eq!(l.region.as_deref(), Some("TW"));

    let l = ok("es-419");
    assert_eq!(
        (l.language.as_str(), l.script, l.region.as_deref()),
        ("es", None, Some("419"))
    );

    let l = ok("fr");
    assert_eq!((l.script, l.region), (None, None));
}

#[wasm_bindgen_test(unsupported = test)]
fn case_and_underscores_are_canonicalized() {
    for (input, want) in [
        ("EN_us", "en-US"),
        ("en_US", "en-US"),
        ("en-us", "en-US"),
        ("EN-US", "en-US"),
        ("ZH_hant_tw", "zh-Hant-TW"),
        ("zh-HANT-tw", "zh-Hant-TW"),
        ("Es_419", "es-419"),
        ("  pt-br  ", "pt-BR"),
        ("\tde-de\n", "de-DE"),
        ("DE-DE-1996", "de-DE-1996"),
    ] {
        assert_eq!(ok(input).value, want, "{input:?}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn deprecated_subtags_are_replaced() {
    for (input, want) in [
        ("iw", "he"),
        ("iw-IL", "he-IL"),
        ("in", "id"),
        ("in_ID", "id-ID"),
        ("ji", "yi"),
        ("jw", "jv"),
        ("mo", "ro"),
        ("my-BU", "my-MM"),
        ("de-DD", "de-DE"),
        ("fr-FX", "fr-FR"),
        // CLDR: `hepburn-heploc` together is `alalc97`.
        ("ja-Latn-hepburn-heploc", "ja-Latn-alalc97"),
        // Variants are sorted (UTS 35).
        ("sl-rozaj-biske", "sl-biske-rozaj"),
    ] {
        assert_eq!(ok(input).value, want, "{input:?}");
    }
    let l = ok("iw-IL");
    assert_eq!(l.language, "he");
}

#[wasm_bindgen_test(unsupported = test)]
fn extlangs_grandfathered_and_redundant_tags_become_modern_tags() {
    for (input, want) in [
        ("zh-yue", "yue"),
        ("zh-yue-HK", "yue-HK"),
        ("zh-cmn-Hans-CN", "zh-Hans-CN"),
        ("ar-aao", "aao"),
        ("i-klingon", "tlh"),
        ("I-KLINGON", "tlh"),
        ("art-lojban", "jbo"),
        ("zh-min-nan", "nan"),
        ("no-bok", "nb"),
        ("en-GB-oed", "en-GB-oxendict"),
        ("sgn-US", "ase"),
        ("sgn-BR", "bzs"),
    ] {
        assert_eq!(ok(input).value, want, "{input:?}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn a_script_is_kept_even_where_the_language_implies_it() {
    // As `Intl.getCanonicalLocales` does: UTS 35 canonicalization removes no script.
    assert_eq!(ok("en-Latn-US").value, "en-Latn-US");
    assert_eq!(ok("ru-Cyrl").value, "ru-Cyrl");
    assert_eq!(ok("ru-Cyrl").script.as_deref(), Some("Cyrl"));
    assert_eq!(ok("zh-Hant").value, "zh-Hant");
    assert_eq!(ok("sr-Latn").value, "sr-Latn");
    assert_eq!(ok("az-Arab-IR").value, "az-Arab-IR");
}

#[wasm_bindgen_test(unsupported = test)]
fn extensions_and_private_use_are_kept_lower_case_and_sorted() {
    assert_eq!(ok("en-US-u-ca-gregory").value, "en-US-u-ca-gregory");
    assert_eq!(ok("EN-us-U-CA-Gregory").value, "en-US-u-ca-gregory");
    assert_eq!(ok("en-u-ca-gregory-a-bcd").value, "en-a-bcd-u-ca-gregory");
    assert_eq!(ok("en-US-x-twain").value, "en-US-x-twain");
    assert_eq!(
        ok("de-CH-u-co-phonebk-x-a-b").value,
        "de-CH-u-co-phonebk-x-a-b"
    );
    let l = ok("es-MX-u-nu-latn");
    assert_eq!(
        (l.language.as_str(), l.region.as_deref()),
        ("es", Some("MX"))
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn unknown_language_is_rejected_with_its_subtag() {
    for (input, subtag) in [
        ("xx-YY", "xx"),
        ("xx", "xx"),
        ("XX_yy", "xx"),
        ("qaa", "qaa"),
        ("qtz-US", "qtz"),
        ("abcd", "abcd"),
        ("abcdefgh", "abcdefgh"),
        ("English", "english"),
        ("zz-Latn", "zz"),
    ] {
        let e = err(input);
        assert_eq!(e.code, ErrorCode::LocaleUnknownLanguage, "{input:?}");
        assert_eq!(e.params["language"], subtag, "{input:?}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn unknown_script_is_rejected_with_its_subtag() {
    for (input, subtag) in [
        ("en-Abcd", "Abcd"),
        ("zh-HANX-TW", "Hanx"),
        ("en-Qaaa", "Qaaa"),
    ] {
        let e = err(input);
        assert_eq!(e.code, ErrorCode::LocaleUnknownScript, "{input:?}");
        assert_eq!(e.params["script"], subtag, "{input:?}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn unknown_region_is_rejected_with_its_subtag() {
    for (input, subtag) in [
        ("en-YY", "YY"),
        ("es-yy", "YY"),
        ("en-ZZ", "ZZ"),
        ("en-AA", "AA"),
        ("en-XA", "XA"),
        ("en-QM", "QM"),
        ("es-999", "999"),
    ] {
        let e = err(input);
        assert_eq!(e.code, ErrorCode::LocaleUnknownRegion, "{input:?}");
        assert_eq!(e.params["region"], subtag, "{input:?}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn malformed_tags_are_rejected() {
    for input in [
        "e",
        "en-",
        "-en",
        "en--US",
        "en US",
        "en.US",
        "en-US-",
        "en-u",
        "en-US-x",
        "en-x-",
        "en-u-x-a",
        "x-private",
        "X-Whatever",
        "i-default",
        "i-enochian",
        "12-US",
        "en-US-US",
        "en-Latn-Latn",
        "en-US-Latn",
        "en-yue",
        "zh-yue-cmn",
        "en-abcdefghi",
        "en-abcde",
        "de-1996-1996",
        "en-u-ca-gregory-u-nu-latn",
        "español",
        "en-US\u{0}",
        "en\u{200b}-US",
        "ｅｎ-US",
        "en-12345-6789-0000",
    ] {
        assert_eq!(err(input).code, ErrorCode::LocaleMalformed, "{input:?}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn empty_and_oversized_inputs_use_the_shared_codes() {
    assert_eq!(err("").code, ErrorCode::Empty);
    assert_eq!(err("  \t ").code, ErrorCode::Empty);
    let long = "en-".repeat(500);
    let e = err(&long);
    assert_eq!(e.code, ErrorCode::InputTooLong);
    assert_eq!(e.params["length"], long.len());
}

#[wasm_bindgen_test(unsupported = test)]
fn messages_are_in_english_and_spanish() {
    let es = FieldOptions::new(Lang::Es);
    let e = locale::normalize("xx-YY", &es).unwrap_err();
    assert_eq!(e.message, "\"xx\" no es un idioma conocido.");
    let e = locale::normalize("en-Abcd", &es).unwrap_err();
    assert_eq!(
        e.message,
        "\"Abcd\" no es un sistema de escritura conocido."
    );
    let e = locale::normalize("en-YY", &es).unwrap_err();
    assert_eq!(e.message, "\"YY\" no es una región conocida.");
    let e = locale::normalize("en--US", &es).unwrap_err();
    assert_eq!(
        e.message,
        "Esta no es una etiqueta de idioma (por ejemplo en-US o es-ES)."
    );
    assert_eq!(err("xx-YY").message, "\"xx\" is not a known language.");
    assert_eq!(err("en-YY").message, "\"YY\" is not a known region.");
}

#[wasm_bindgen_test(unsupported = test)]
fn canonical_output_is_a_fixed_point() {
    for input in [
        "EN_us",
        "iw",
        "zh-yue-HK",
        "en-Latn-US",
        "en-u-ca-gregory-a-bcd",
        "i-klingon",
        "my-BU",
        "en-GB-oed",
    ] {
        let once = ok(input).value;
        assert_eq!(ok(&once).value, once, "{input:?}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn hostile_input_never_panics() {
    // Never a panic; an error is the field's own or a shared one, and a value is canonical.
    let check = |s: &str| {
        common::check_any_text(
            locale::normalize,
            |found| found.value,
            &[
                ErrorCode::LocaleMalformed,
                ErrorCode::LocaleUnknownLanguage,
                ErrorCode::LocaleUnknownScript,
                ErrorCode::LocaleUnknownRegion,
            ],
            s,
        )
    };
    // Generated text over an alphabet that reaches every parser branch.
    let alphabet: Vec<char> = "aAzZ09x-_ u\u{e9}\u{0}\u{ffff}".chars().collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..5000 {
        check(&rng.text(&alphabet, 33));
    }
    for s in [
        "-".repeat(1024),
        "_".repeat(1000),
        "a-".repeat(512),
        "x-".repeat(500) + "a",
        "aaaaaaaa-".repeat(100),
        "\u{10ffff}".repeat(256),
    ] {
        check(&s);
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn cldr_aliases_as_intl_applies_them() {
    for (input, want) in [
        ("tl", "fil"),
        ("tl_PH", "fil-PH"),
        ("sh", "sr-Latn"),
        ("sh-Cyrl", "sr-Cyrl"),
        ("cmn", "zh"),
        ("cmn-Hant-TW", "zh-Hant-TW"),
        ("eng", "en"),
        ("ENG_us", "en-US"),
        ("heb", "he"),
        ("ger", "de"),
        ("spa-MX", "es-MX"),
        ("arb", "ar"),
        ("cnr", "sr-ME"),
        ("en-840", "en-US"),
        ("es-484", "es-MX"),
        ("en-Qaai", "en-Zinh"),
        ("hy-arevela", "hy"),
        ("hy-arevmda", "hyw"),
        ("sr-Latn-aaland", "sr-Latn-AX"),
        ("en-polytoni-heploc", "en-alalc97-polyton"),
        ("no-bokmal", "nb"),
        ("cel-gaulish", "xtg"),
        ("zh-Hant-UK", "zh-Hant-GB"),
        // A split region becomes the successor where the language is likeliest.
        ("ru-SU", "ru-RU"),
        ("hy-SU", "hy-AM"),
        ("uk-SU", "uk-UA"),
        ("en-SU", "en-RU"),
        ("und-Armn-SU", "und-Armn-AM"),
        ("az-Arab-SU", "az-Arab-RU"),
        ("sr-YU", "sr-RS"),
        ("nl-AN", "nl-CW"),
        // -u- keywords in key order, `true` left out.
        ("en-u-nu-latn-ca-gregory", "en-u-ca-gregory-nu-latn"),
        ("en-u-kb-true", "en-u-kb"),
    ] {
        assert_eq!(ok(input).value, want, "{input:?}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn canonical_values_are_fixed_points() {
    // Issue 21: `sgn-DD` once gave `sgn-DE`, which gives `gsg`.
    assert_eq!(ok("sgn-DD").value, "gsg");
    assert_eq!(ok("sgn-DE").value, "gsg");
    for input in [
        "sgn-DD",
        "sgn-DE",
        "sh",
        "tl-PH",
        "zh-cmn-Hans-CN",
        "i-klingon",
        "ja-Latn-hepburn-heploc",
        "hy-SU",
        "en-u-kb-true",
        "art-lojban",
        "mo-SU",
        "sgn-BU",
        "cnr-YU",
        "heb-DD",
    ] {
        let once = ok(input).value;
        assert_eq!(ok(&once).value, once, "{input:?} → {once}");
    }
}
