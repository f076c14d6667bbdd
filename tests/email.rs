//! Email rule: normalization, every error code, suggestions, hostile input.
//! Runs natively (`cargo test --test email`) and in wasm (`--target wasm32-unknown-unknown`).

use contactkit::email::{self, Email, EmailOptions};
use contactkit::{ErrorCode, FieldError, FieldOptions, Lang};
use wasm_bindgen_test::wasm_bindgen_test;

fn ok(input: &str) -> Email {
    match email::normalize(input, &FieldOptions::default()) {
        Ok(e) => e,
        Err(e) => panic!("{input:?} should be valid, got {e}"),
    }
}

/// With internationalized local parts allowed (SMTPUTF8).
fn ok_utf8(input: &str) -> Email {
    let opts = EmailOptions {
        allow_unicode_local_part: true,
        ..EmailOptions::default()
    };
    email::normalize_with(input, &opts).unwrap_or_else(|e| panic!("{input:?}: {e}"))
}

fn err(input: &str) -> FieldError {
    match email::normalize(input, &FieldOptions::default()) {
        Ok(e) => panic!("{input:?} should be invalid, got {e:?}"),
        Err(e) => e,
    }
}

fn code(input: &str) -> &'static str {
    err(input).code.as_str()
}

#[wasm_bindgen_test(unsupported = test)]
fn plain_addresses_are_trimmed_and_kept() {
    let e = ok("  juan.perez@example.com \n");
    assert_eq!(e.value, "juan.perez@example.com");
    assert_eq!(e.local_part, "juan.perez");
    assert_eq!(e.domain, "example.com");
    assert_eq!(e.ascii_domain, "example.com");
    assert_eq!(e.suggestion, None);

    for input in [
        "a@b.co",
        "juan+news@example.com",
        "o'brien@example.ie",
        "first.middle.last@sub.domain.example.org",
        "x_y-z@example-domain.com",
        "user!#$%&'*+/=?^_`{|}~-@example.com",
        "123@example.com",
        "juan@123.example.com",
        "juan@example.museum",
    ] {
        assert_eq!(ok(input).value, input, "{input}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn domain_is_lower_cased_local_part_keeps_case() {
    let e = ok("Juan.Perez@EXAMPLE.COM");
    assert_eq!(e.value, "Juan.Perez@example.com");
    assert_eq!(e.local_part, "Juan.Perez");
    assert_eq!(e.dedup_key, "juan.perez@example.com");
    assert_eq!(ok("JUAN@Gmail.Com").value, "JUAN@gmail.com");
    assert_eq!(ok("JUAN@Gmail.Com").suggestion, None);
    assert_eq!(ok_utf8("ÁLVARO@Bücher.DE").dedup_key, "álvaro@bücher.de");
}

#[wasm_bindgen_test(unsupported = test)]
fn internationalized_domains_in_both_spellings_are_one_address() {
    let unicode = ok_utf8("josé@bücher.de");
    let ascii = ok_utf8("josé@xn--bcher-kva.de");
    let upper = ok_utf8("josé@XN--BCHER-KVA.DE");
    let mixed = ok_utf8("josé@BÜCHER.de");
    for e in [&unicode, &ascii, &upper, &mixed] {
        assert_eq!(e.value, "josé@bücher.de");
        assert_eq!(e.domain, "bücher.de");
        assert_eq!(e.ascii_domain, "xn--bcher-kva.de");
        assert_eq!(e.local_part, "josé");
    }
    let e = ok("info@例え.テスト");
    assert_eq!(e.ascii_domain, "xn--r8jz45g.xn--zckzah");
    assert_eq!(ok("info@xn--r8jz45g.xn--zckzah").value, e.value);
    let e = ok("info@münchen.com.mx");
    assert_eq!(e.ascii_domain, "xn--mnchen-3ya.com.mx");
    // A Unicode TLD.
    let e = ok("user@пример.рф");
    assert_eq!(e.ascii_domain, "xn--e1afmkfd.xn--p1ai");
    // Full-width characters and the ideographic full stop map to their ASCII forms (UTS #46).
    assert_eq!(ok("juan@ｅｘａｍｐｌｅ。com").value, "juan@example.com");
}

#[wasm_bindgen_test(unsupported = test)]
fn decomposed_input_is_composed() {
    // "José" with e + COMBINING ACUTE ACCENT, "bücher" with u + COMBINING DIAERESIS.
    let nfd = "Jose\u{301}@bu\u{308}cher.de";
    let e = ok_utf8(nfd);
    assert_eq!(e.value, "Jos\u{e9}@b\u{fc}cher.de");
    assert_eq!(e.local_part, "Jos\u{e9}");
    assert_eq!(e.value, ok_utf8("José@bücher.de").value);
    assert_eq!(
        ok_utf8("n\u{303}andu\u{301}@example.com").local_part,
        "ñandú"
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn unicode_local_parts() {
    assert_eq!(ok_utf8("用户@例子.广告").local_part, "用户");
    assert_eq!(
        ok_utf8("δοκιμή@παράδειγμα.δοκιμή").domain,
        "παράδειγμα.δοκιμή"
    );
    assert_eq!(
        ok_utf8("ñandú.pérez@correo.es").value,
        "ñandú.pérez@correo.es"
    );
    // Emoji, symbols and invisible characters are not letters.
    assert_eq!(code("😀@example.com"), "email_invalid_local_part");
    assert_eq!(code("juan€@example.com"), "email_invalid_local_part");
    assert_eq!(code("ju\u{200B}an@example.com"), "email_invalid_local_part");
    assert_eq!(code("ju\u{00A0}an@example.com"), "email_invalid_local_part");
    assert_eq!(code("ju\u{202E}an@example.com"), "email_invalid_local_part");
}

#[wasm_bindgen_test(unsupported = test)]
fn mailto_prefix_is_dropped() {
    assert_eq!(ok("mailto:juan@example.com").value, "juan@example.com");
    assert_eq!(ok("MAILTO: juan@example.com").value, "juan@example.com");
}

#[wasm_bindgen_test(unsupported = test)]
fn display_names_are_rejected() {
    for input in [
        "Juan <juan@x.com>",
        "<juan@x.com>",
        "\"Juan Pérez\" <juan@x.com>",
        "Juan Pérez<juan@x.com>",
    ] {
        assert_eq!(code(input), "email_display_name", "{input}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn comments_are_rejected() {
    for input in [
        "juan(work)@x.com",
        "(comment)juan@x.com",
        "juan@x.com (Juan)",
        "juan@(comment)x.com",
    ] {
        assert_eq!(code(input), "email_comment", "{input}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn quoted_local_parts_are_rejected() {
    for input in [
        "\"juan perez\"@x.com",
        "\"juan@home\"@x.com",
        "\"\"@x.com",
        "juan.\"perez\"@x.com",
    ] {
        assert_eq!(code(input), "email_quoted_local_part", "{input}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn ip_literals_are_rejected() {
    for input in [
        "juan@[192.0.2.1]",
        "juan@[IPv6:2001:db8::1]",
        "juan@192.0.2.1",
        "juan@[example.com]",
    ] {
        assert_eq!(code(input), "email_ip_literal", "{input}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn missing_at_or_empty_side() {
    for input in [
        "juan",
        "juan.example.com",
        "juan@",
        "@example.com",
        "@",
        "juan＠example.com",
    ] {
        assert_eq!(code(input), "email_missing_at", "{input}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn invalid_local_parts() {
    for input in [
        ".juan@x.com",
        "juan.@x.com",
        "ju..an@x.com",
        "juan perez@x.com",
        "juan,perez@x.com",
        "juan;perez@x.com",
        "juan:perez@x.com",
        "juan\\perez@x.com",
        "juan[1]@x.com",
        "juan@home@x.com",
        "a@b@c@d.com",
        "ju\u{0}an@x.com",
        "ju\tan@x.com",
        "juan\u{7f}@x.com",
    ] {
        assert_eq!(code(input), "email_invalid_local_part", "{input:?}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn local_part_length_is_counted_in_utf8_octets() {
    let local = "a".repeat(64);
    assert_eq!(ok(&format!("{local}@x.com")).local_part, local);

    let e = err(&format!("{}@x.com", "a".repeat(65)));
    assert_eq!(e.code, ErrorCode::EmailLocalPartTooLong);
    assert_eq!(e.params["max"], 64);
    assert_eq!(e.params["length"], 65);

    // 32 × "é" is 32 characters but 64 octets: the limit.
    let e = ok_utf8(&format!("{}@x.com", "é".repeat(32)));
    assert_eq!(e.local_part.chars().count(), 32);
    // 33 × "é" is 66 octets.
    let e = err(&format!("{}@x.com", "é".repeat(33)));
    assert_eq!(e.code, ErrorCode::EmailLocalPartTooLong);
    assert_eq!(e.params["length"], 66);
    // Counted after NFC: 32 × (e + U+0301) is 96 octets as typed, 64 composed.
    assert_eq!(
        ok_utf8(&format!("{}@x.com", "e\u{301}".repeat(32))).local_part,
        "é".repeat(32)
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn whole_address_length_counts_the_ascii_domain() {
    // 64 + 1 + 63 + 1 + 63 + 1 + 61 = 254 octets: the limit.
    let local = "a".repeat(64);
    let domain = format!("{}.{}.{}", "b".repeat(63), "c".repeat(63), "d".repeat(61));
    let at_limit = format!("{local}@{domain}");
    assert_eq!(at_limit.len(), 254);
    assert_eq!(ok(&at_limit).value, at_limit);

    let over = format!(
        "{local}@{}.{}.{}",
        "b".repeat(63),
        "c".repeat(63),
        "d".repeat(62)
    );
    let e = err(&over);
    assert_eq!(e.code, ErrorCode::EmailTooLong);
    assert_eq!(e.params["max"], 254);
    assert_eq!(e.params["length"], 255);

    // "ü" is two octets in UTF-8 but the domain is measured as xn--: "bücher" → "xn--bcher-kva".
    let e = ok_utf8("josé@bücher.de");
    let octets = e.local_part.len() + 1 + e.ascii_domain.len();
    assert_eq!(octets, 5 + 1 + 16);
    // Within 254 octets in UTF-8 but not in ASCII: each label is 52 octets in UTF-8 and 58 as
    // "xn--" + Punycode, so the address is 236 octets in UTF-8 and 260 in ASCII.
    let label = format!("ü{}", "a".repeat(50));
    let long = format!("{}@{label}.{label}.{label}.{label}.com", "j".repeat(20));
    assert_eq!(long.len(), 236);
    let e = err(&long);
    assert_eq!(e.code, ErrorCode::EmailTooLong);
    assert_eq!(e.params["length"], 260);
}

#[wasm_bindgen_test(unsupported = test)]
fn invalid_domains() {
    for input in [
        "juan@-example.com",
        "juan@example-.com",
        "juan@exa_mple.com",
        "juan@exam ple.com",
        "juan@example..com",
        "juan@.example.com",
        "juan@example.com.",
        "juan@example.c",
        "juan@example.123",
        "juan@example.c0m",
        "juan@example.com/",
        "juan@exa!mple.com",
        "juan@example,com",
        "juan@xn--zz.com",
        "juan@xn--.com",
        "juan@ex\u{0}ample.com",
    ] {
        assert_eq!(code(input), "email_invalid_domain", "{input:?}");
    }
    let e = err("juan@exa_mple.com");
    assert_eq!(e.params["domain"], "exa_mple.com");
    // A label over 63 octets.
    let e = err(&format!("juan@{}.com", "a".repeat(64)));
    assert_eq!(e.code, ErrorCode::EmailInvalidDomain);
}

#[wasm_bindgen_test(unsupported = test)]
fn domains_need_a_dot() {
    for input in ["juan@localhost", "juan@gmailcom", "juan@xn--bcher-kva"] {
        let e = err(input);
        assert_eq!(e.code, ErrorCode::EmailDomainWithoutDot, "{input}");
    }
    assert_eq!(err("juan@Localhost").params["domain"], "Localhost");
}

#[wasm_bindgen_test(unsupported = test)]
fn blank_and_oversized_input_use_the_shared_codes() {
    assert_eq!(code(""), "empty");
    assert_eq!(code("   \t\n"), "empty");
    let huge = format!("{}@example.com", "a".repeat(5000));
    let e = err(&huge);
    assert_eq!(e.code, ErrorCode::InputTooLong);
}

#[wasm_bindgen_test(unsupported = test)]
fn spanish_messages() {
    let es = FieldOptions::new(Lang::Es);
    let e = email::normalize("juan", &es).unwrap_err();
    assert_eq!(
        e.message,
        "Un correo electrónico necesita un nombre, una @ y un dominio (nombre@ejemplo.com)."
    );
    let e = email::normalize("juan@localhost", &es).unwrap_err();
    assert_eq!(
        e.message,
        "El dominio \"localhost\" necesita un punto (por ejemplo ejemplo.com)."
    );
    let e = email::normalize(&format!("{}@x.com", "a".repeat(70)), &es).unwrap_err();
    assert_eq!(
        e.message,
        "La parte antes de la @ mide 70 bytes; el límite es 64."
    );
    let e = email::normalize("Juan <juan@x.com>", &es).unwrap_err();
    assert_eq!(
        e.message,
        "Escribe solo la dirección de correo, sin nombre ni corchetes angulares."
    );
    let e = email::normalize("juan@exa_mple.com", &es).unwrap_err();
    assert_eq!(e.message, "El dominio \"exa_mple.com\" no es válido.");
    // English by default.
    assert_eq!(
        err("juan@exa_mple.com").message,
        "The domain \"exa_mple.com\" is not valid."
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn every_email_code_is_reachable() {
    let cases = [
        ("juan", ErrorCode::EmailMissingAt),
        ("ju an@x.com", ErrorCode::EmailInvalidLocalPart),
        (
            &*format!("{}@x.com", "a".repeat(65)),
            ErrorCode::EmailLocalPartTooLong,
        ),
        (
            &*format!(
                "{}@{}.{}.{}.com",
                "a".repeat(64),
                "b".repeat(63),
                "c".repeat(63),
                "d".repeat(60)
            ),
            ErrorCode::EmailTooLong,
        ),
        ("juan@exa_mple.com", ErrorCode::EmailInvalidDomain),
        ("juan@localhost", ErrorCode::EmailDomainWithoutDot),
        ("Juan <juan@x.com>", ErrorCode::EmailDisplayName),
        ("juan(x)@x.com", ErrorCode::EmailComment),
        ("\"juan\"@x.com", ErrorCode::EmailQuotedLocalPart),
        ("juan@[192.0.2.1]", ErrorCode::EmailIpLiteral),
    ];
    for (input, expected) in cases {
        let e = err(input);
        assert_eq!(e.code, expected, "{input}");
        assert!(!e.message.contains('{'), "unfilled message {:?}", e.message);
        let es = email::normalize(input, &FieldOptions::new(Lang::Es)).unwrap_err();
        assert_ne!(es.message, e.message, "{input}: Spanish message missing");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn hostile_input_never_panics() {
    let many_at = "@".repeat(1000);
    let dots = format!("a@{}", ".".repeat(1000));
    let nul = "\u{0}".repeat(1000);
    let combining = format!("a{}@x.com", "\u{301}".repeat(400));
    let mixed = "a@b.".repeat(250);
    let brackets = "<<<>>>(((\"\"\")))[[[]]]".repeat(40);
    let big_unicode = format!("{}@{}.com", "ñ".repeat(300), "ü".repeat(200));
    let near_limit = format!("{}@x.com", "a".repeat(1018));
    let xn = format!("a@{}", "xn--".repeat(250));
    for input in [
        many_at.as_str(),
        dots.as_str(),
        nul.as_str(),
        combining.as_str(),
        mixed.as_str(),
        brackets.as_str(),
        big_unicode.as_str(),
        near_limit.as_str(),
        xn.as_str(),
        "@@@",
        "a@@b.com",
        "\u{FEFF}juan@x.com",
        "juan@x.com\u{0}",
        "\u{1F600}@\u{1F600}.com",
        "juan@xn--\u{1F600}.com",
        "juan@[",
        "juan@]",
        "<@>",
        "(",
        "\"",
        "mailto:",
        "mailto:@",
    ] {
        let e = err(input);
        assert!(
            matches!(
                e.code,
                ErrorCode::Empty
                    | ErrorCode::InputTooLong
                    | ErrorCode::EmailMissingAt
                    | ErrorCode::EmailInvalidLocalPart
                    | ErrorCode::EmailLocalPartTooLong
                    | ErrorCode::EmailTooLong
                    | ErrorCode::EmailInvalidDomain
                    | ErrorCode::EmailDomainWithoutDot
                    | ErrorCode::EmailDisplayName
                    | ErrorCode::EmailComment
                    | ErrorCode::EmailQuotedLocalPart
                    | ErrorCode::EmailIpLiteral
                    | ErrorCode::EmailReservedDomain
                    | ErrorCode::EmailUnicodeLocalPart
            ),
            "{input:?}: {e:?}"
        );
        // A suggestion, if any, is a valid address.
        if let Some(s) = email::suggest(input) {
            ok(&s);
        }
    }
}

// ---- suggestions ----

fn suggestion(input: &str) -> Option<String> {
    email::suggest(input)
}

#[wasm_bindgen_test(unsupported = test)]
fn suggests_common_provider_typos() {
    let cases = [
        ("juan@gmial.com", "juan@gmail.com"),
        ("juan@gmai.com", "juan@gmail.com"),
        ("juan@gmaill.com", "juan@gmail.com"),
        ("juan@gnail.com", "juan@gmail.com"),
        ("juan@gamil.com", "juan@gmail.com"),
        ("juan@gmail.con", "juan@gmail.com"),
        ("juan@gmail.cmo", "juan@gmail.com"),
        ("juan@gmail.co", "juan@gmail.com"),
        ("juan@gmail.cm", "juan@gmail.com"),
        ("juan@gmail.om", "juan@gmail.com"),
        ("juan@gmail.comm", "juan@gmail.com"),
        ("juan@gmail.vom", "juan@gmail.com"),
        ("juan@gnail.con", "juan@gmail.com"),
        ("juan@hotmial.com", "juan@hotmail.com"),
        ("juan@hotmail.co", "juan@hotmail.com"),
        ("juan@hotmal.com", "juan@hotmail.com"),
        ("juan@hotmali.con", "juan@hotmail.com"),
        ("juan@hptmail.com", "juan@hotmail.com"),
        ("juan@outlok.com", "juan@outlook.com"),
        ("juan@outllok.es", "juan@outlook.es"),
        ("juan@yaho.com", "juan@yahoo.com"),
        ("juan@yahooo.es", "juan@yahoo.es"),
        ("juan@tahoo.com", "juan@yahoo.com"),
        ("juan@icloud.co", "juan@icloud.com"),
        ("juan@icluod.com", "juan@icloud.com"),
        ("juan@live.con", "juan@live.com"),
        ("juan@aol.co", "juan@aol.com"),
        ("juan@protonmial.com", "juan@protonmail.com"),
        ("juan@gmx.d", "juan@gmx.de"),
        ("juan@hotmial.es", "juan@hotmail.es"),
        ("juan@yahoo.com.m", "juan@yahoo.com.mx"),
        ("juan@yaho.com.mx", "juan@yahoo.com.mx"),
        ("juan@hotmail.comm.mx", "juan@hotmail.com.mx"),
        ("juan@prodigi.net.mx", "juan@prodigy.net.mx"),
        ("juan@prodigy.net.m", "juan@prodigy.net.mx"),
        ("juan@terra.con.br", "juan@terra.com.br"),
        ("juan@bol.con.br", "juan@bol.com.br"),
        ("Juan.Perez@GMIAL.COM", "Juan.Perez@gmail.com"),
    ];
    for (input, expected) in cases {
        assert_eq!(suggestion(input).as_deref(), Some(expected), "{input}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn no_suggestion_for_known_or_unrelated_domains() {
    for input in [
        "juan@gmail.com",
        "juan@GMAIL.COM",
        "juan@hotmail.es",
        "juan@yahoo.com.mx",
        "juan@prodigy.net.mx",
        "juan@gmx.de",
        "juan@ymail.com",
        "juan@mail.com",
        "juan@email.com",
        "juan@yahoo.fr",
        "juan@protonmail.ch",
        // Real domains close to providers.
        "juan@acme.com",
        "juan@gmailcompany.com",
        "juan@wahoo.com",
        "juan@love.com",
        "juan@aon.com",
        "juan@hotmart.com",
        "juan@gmx.at",
        "juan@yahoo.it",
        "juan@hotmail.se",
        "juan@gmail.cl",
        // `.bt` is Bhutan's code: one country code is never swapped for another.
        "juan@uol.com.bt",
        "juan@outlook.co.jp",
        "juan@example.com",
        "juan@bücher.de",
        "juan@mail.gmail.com",
        "juan@gmail.com.mx",
    ] {
        assert_eq!(suggestion(input), None, "{input}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn suggestions_repair_slips_in_invalid_input() {
    assert_eq!(
        suggestion("juan@gmail,com").as_deref(),
        Some("juan@gmail.com")
    );
    assert_eq!(
        suggestion("juan@gmail;com").as_deref(),
        Some("juan@gmail.com")
    );
    assert_eq!(
        suggestion("juan@gmail .com").as_deref(),
        Some("juan@gmail.com")
    );
    assert_eq!(
        suggestion("juan@gmail..com").as_deref(),
        Some("juan@gmail.com")
    );
    assert_eq!(
        suggestion("juan@gmail.com.").as_deref(),
        Some("juan@gmail.com")
    );
    assert_eq!(
        suggestion("juan@@gmail.com").as_deref(),
        Some("juan@gmail.com")
    );
    assert_eq!(
        suggestion("juan@gmailcom").as_deref(),
        Some("juan@gmail.com")
    );
    assert_eq!(
        suggestion("juan@hotmailcommx").as_deref(),
        Some("juan@hotmail.com.mx")
    );
    assert_eq!(
        suggestion("juan@gmial,con").as_deref(),
        Some("juan@gmail.com")
    );
    assert_eq!(
        suggestion("  juan@gmial.com  ").as_deref(),
        Some("juan@gmail.com")
    );
    assert_eq!(
        suggestion("mailto:juan@gmial.com").as_deref(),
        Some("juan@gmail.com")
    );
    // A local part outside ASCII is not valid by default, so neither is a suggestion with it;
    // with SMTPUTF8 allowed, the local part is composed (NFC) like the address would be.
    assert_eq!(suggestion("jose\u{301}@gmial.com"), None);
    assert_eq!(
        ok_utf8("jose\u{301}@gmial.com").suggestion.as_deref(),
        Some("jos\u{e9}@gmail.com")
    );
    // No suggestion when the local part cannot be one.
    for input in [
        "@gmial.com",
        "juan perez@gmial.com",
        "Juan <juan@gmial.com>",
        "\"juan\"@gmial.com",
        "a@b@gmial.com",
        "gmial.com",
        "",
    ] {
        assert_eq!(suggestion(input), None, "{input}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn suggestion_rides_along_with_a_valid_address() {
    let e = ok("juan@gmial.com");
    assert_eq!(e.value, "juan@gmial.com");
    assert_eq!(e.suggestion.as_deref(), Some("juan@gmail.com"));
    assert_eq!(
        ok("juan@gmail.co").suggestion.as_deref(),
        Some("juan@gmail.com")
    );
    // Invalid input still gets a suggestion through `suggest`.
    assert_eq!(code("juan@gmail,com"), "email_invalid_domain");
    assert_eq!(code("juan@gmailcom"), "email_domain_without_dot");
    assert_eq!(
        suggestion("juan@gmailcom").as_deref(),
        Some("juan@gmail.com")
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn serializes_camel_case_without_empty_suggestion() {
    let json = serde_json::to_value(ok_utf8("josé@bücher.de")).unwrap();
    assert_eq!(json["asciiDomain"], "xn--bcher-kva.de");
    assert_eq!(json["localPart"], "josé");
    assert_eq!(json["dedupKey"], "josé@bücher.de");
    assert!(json.get("suggestion").is_none());
    let json = serde_json::to_value(ok("juan@gmial.com")).unwrap();
    assert_eq!(json["suggestion"], "juan@gmail.com");
}

// ---- issue 16: special-use domains, R-LDH, SMTPUTF8; issue 21: suggestions validate ----

#[wasm_bindgen_test(unsupported = test)]
fn special_use_domains_are_reserved() {
    for (input, reserved) in [
        ("juan@pruebas.test", "test"),
        ("juan@x.invalid", "invalid"),
        ("juan@mi-pc.localhost", "localhost"),
        ("juan@impresora.local", "local"),
        (
            "juan@duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion",
            "onion",
        ),
        ("juan@servicio.alt", "alt"),
        ("juan@acme.example", "example"),
        ("juan@router.home.arpa", "arpa"),
        ("juan@1.0.0.127.in-addr.arpa", "arpa"),
        ("juan@iab.arpa", "arpa"),
        ("juan@Pruebas.TEST", "test"),
    ] {
        let e = err(input);
        assert_eq!(e.code, ErrorCode::EmailReservedDomain, "{input}");
        assert_eq!(e.params["reserved"], reserved, "{input}");
    }
    let e = email::normalize("juan@pruebas.test", &FieldOptions::new(Lang::Es)).unwrap_err();
    assert_eq!(
        e.message,
        "El dominio \"pruebas.test\" está reservado (.test) y no puede recibir correo."
    );
    let e = err("juan@pruebas.test");
    assert_eq!(
        e.message,
        "The domain \"pruebas.test\" is reserved (.test) and cannot receive email."
    );
    // Names that only end like a reserved one, and example.com (delegated; RFC 6761 asks
    // applications not to treat it as special), are ordinary domains.
    for input in [
        "juan@contest.com",
        "juan@test.com",
        "juan@local.es",
        "juan@localhost.com.mx",
        "juan@onion.io",
        "juan@arpa.net",
        "juan@example.com",
        "juan@example.org",
        "juan@example.es",
    ] {
        assert_eq!(ok(input).value, input, "{input}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn labels_with_hyphens_in_places_three_and_four_must_be_punycode() {
    for input in [
        "juan@ab--cd.com",
        "juan@mail.ab--cd.com",
        "juan@xn--.com",
        "juan@xn--zz-.com",
        "juan@xn--a.com",
        "juan@xn--ls8h.xn--a",
    ] {
        assert_eq!(code(input), "email_invalid_domain", "{input}");
    }
    for input in ["juan@a--b.com", "juan@abc--d.com", "juan@ab-cd.com"] {
        assert_eq!(ok(input).value, input, "{input}");
    }
    assert_eq!(ok("juan@xn--bcher-kva.de").value, "juan@bücher.de");
}

#[wasm_bindgen_test(unsupported = test)]
fn internationalized_local_parts_only_with_the_option() {
    for input in [
        "josé@bücher.de",
        "用户@例子.广告",
        "ñandú@correo.es",
        "δοκιμή@example.gr",
    ] {
        assert_eq!(code(input), "email_unicode_local_part", "{input}");
        assert_eq!(ok_utf8(input).value, input, "{input}");
    }
    // A Unicode domain needs no option: IDNA sends it as ASCII.
    assert_eq!(ok("jose@bücher.de").value, "jose@bücher.de");
    // Symbols stay invalid with the option too.
    let opts = EmailOptions {
        allow_unicode_local_part: true,
        ..EmailOptions::default()
    };
    let e = email::normalize_with("juan€@example.com", &opts).unwrap_err();
    assert_eq!(e.code, ErrorCode::EmailInvalidLocalPart);
    let e = email::normalize_with(
        "josé@x.com",
        &EmailOptions {
            lang: Lang::Es,
            ..EmailOptions::default()
        },
    )
    .unwrap_err();
    assert!(
        e.message.starts_with("La parte antes de la @"),
        "{}",
        e.message
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn every_suggestion_is_a_valid_address() {
    assert_eq!(suggestion("juan.@gmial.com"), None);
    assert_eq!(suggestion(".juan@gmial.com"), None);
    assert_eq!(suggestion("ju..an@gmial.com"), None);
    assert_eq!(
        ok("juan.perez@gmial.com").suggestion.as_deref(),
        Some("juan.perez@gmail.com")
    );
    // A generated corpus: local parts valid and not, times provider typos and slips.
    let locals = [
        "juan",
        "juan.",
        ".juan",
        "ju..an",
        "juan.perez",
        "j",
        "juan+tag",
        "juan-",
        "-juan",
        "JUAN",
        "o'brien",
        "juan_perez",
        "josé",
        "juan\u{301}",
        "ju an",
        "juan,perez",
        "juan;x",
        "juan:x",
        "juan\\x",
        "juan[x]",
        "a.b.c.d",
        "x!#$%&'*+/=?^_`{|}~",
        "用户",
        "😀",
        "juan€",
        "\u{200b}juan",
        &"a".repeat(64),
        &"a".repeat(65),
        &"é".repeat(40),
    ];
    let domains = [
        "gmial.com",
        "gmail.con",
        "gmail,com",
        "gmailcom",
        "hotmial.com",
        "yaho.com.mx",
        "outlok.es",
        "iclod.com",
        "gmail..com",
        "gmail.com.",
        "gnail.com",
        "hotmail.co",
        "gmail .com",
        "@gmail.com",
        "protonmal.com",
        "gmx.nett",
        "yahooo.com",
        "a.gmial.com",
        "gmial.test",
        "gmial.local",
    ];
    let mut suggested = 0;
    for local in locals {
        for domain in domains {
            let input = format!("{local}@{domain}");
            if let Some(s) = email::suggest(&input) {
                suggested += 1;
                let e = email::normalize(&s, &FieldOptions::default())
                    .unwrap_or_else(|e| panic!("{input:?} suggested {s:?}, which is invalid: {e}"));
                assert_eq!(e.value, s, "{input:?}");
            }
            if let Ok(e) = email::normalize(&input, &FieldOptions::default()) {
                if let Some(s) = e.suggestion {
                    assert!(
                        email::normalize(&s, &FieldOptions::default()).is_ok(),
                        "{input:?} → {s:?}"
                    );
                }
            }
        }
    }
    assert!(suggested > 100, "{suggested} suggestions");
}
