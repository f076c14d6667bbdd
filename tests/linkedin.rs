//! LinkedIn rule: pasted spellings, canonical form, every error code, hostile input.
//! Runs natively (`cargo test --test linkedin`) and in wasm (`--target wasm32-unknown-unknown`).

use contactkit::linkedin::{self, LinkedIn, LinkedInKind};
use contactkit::{ErrorCode, FieldError, FieldOptions, Lang};
use wasm_bindgen_test::wasm_bindgen_test;

mod common;

fn ok(input: &str) -> LinkedIn {
    match linkedin::normalize(input, &FieldOptions::default()) {
        Ok(li) => li,
        Err(e) => panic!("{input:?} should be valid, got {e}"),
    }
}

fn err(input: &str) -> FieldError {
    match linkedin::normalize(input, &FieldOptions::default()) {
        Ok(li) => panic!("{input:?} should be invalid, got {li:?}"),
        Err(e) => e,
    }
}

fn code(input: &str) -> &'static str {
    err(input).code.as_str()
}

const JOHN: &str = "https://www.linkedin.com/in/johndoe";

#[wasm_bindgen_test(unsupported = test)]
fn every_pasted_spelling_of_a_profile_is_one_url() {
    for input in [
        "https://www.linkedin.com/in/johndoe",
        "https://www.linkedin.com/in/johndoe/",
        "http://www.linkedin.com/in/johndoe",
        "https://linkedin.com/in/johndoe",
        "linkedin.com/in/johndoe",
        "www.linkedin.com/in/johndoe/",
        "//www.linkedin.com/in/johndoe",
        "  https://www.linkedin.com/in/johndoe  ",
        "HTTPS://WWW.LINKEDIN.COM/IN/JOHNDOE",
        "https://www.linkedin.com/in/JohnDoe",
        "https://es.linkedin.com/in/johndoe",
        "https://mx.linkedin.com/in/johndoe/",
        "https://uk.linkedin.com/in/johndoe",
        "https://m.linkedin.com/in/johndoe",
        "https://www.linkedin.com/in/johndoe?trk=public_profile_browsemap",
        "https://www.linkedin.com/in/johndoe/?originalSubdomain=mx",
        "https://www.linkedin.com/in/johndoe?utm_source=share&utm_medium=member_ios",
        "https://www.linkedin.com/in/johndoe#experience",
        "https://www.linkedin.com/in/johndoe/en",
        "https://www.linkedin.com/in/johndoe/es/",
        "https://www.linkedin.com/in/johndoe/details/experience/",
        "https://www.linkedin.com/in/johndoe/recent-activity/all/",
        "https://www.linkedin.com/in/johndoe/overlay/contact-info/",
        "https://www.linkedin.com//in//johndoe//",
        "https://www.linkedin.com/mwlite/in/johndoe",
        "https://www.linkedin.com:443/in/johndoe",
        "https://www.linkedin.com./in/johndoe",
        "https:/www.linkedin.com/in/johndoe",
        "https://www.linkedin.com/in/johndoe\n",
        "https://www.linked\tin.com/in/johndoe",
    ] {
        let li = ok(input);
        assert_eq!(li.value, JOHN, "{input:?}");
        assert_eq!(li.kind, LinkedInKind::Profile, "{input:?}");
        assert_eq!(li.handle, "johndoe", "{input:?}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn companies_and_schools() {
    let li = ok("https://www.linkedin.com/company/Acme-Inc/");
    assert_eq!(li.value, "https://www.linkedin.com/company/acme-inc");
    assert_eq!(li.kind, LinkedInKind::Company);
    assert_eq!(li.handle, "acme-inc");
    assert_eq!(
        ok("linkedin.com/company/acme-inc/about/?viewAsMember=true").value,
        "https://www.linkedin.com/company/acme-inc"
    );
    assert_eq!(ok("linkedin.com/company/1035").handle, "1035");
    assert_eq!(ok("linkedin.com/company/ey").handle, "ey");
    let li = ok("mx.linkedin.com/school/unam/");
    assert_eq!(li.value, "https://www.linkedin.com/school/unam");
    assert_eq!(li.kind, LinkedInKind::School);
    let json = serde_json::to_value(&li).unwrap();
    assert_eq!(json["kind"], "school");
    assert_eq!(json["value"], "https://www.linkedin.com/school/unam");
}

#[wasm_bindgen_test(unsupported = test)]
fn unicode_handles_percent_encoded_or_not_are_one_url() {
    let expected = "https://www.linkedin.com/in/jos%C3%A9-p%C3%A9rez";
    for input in [
        "https://www.linkedin.com/in/jos%C3%A9-p%C3%A9rez",
        "https://www.linkedin.com/in/jos%c3%a9-p%c3%a9rez/",
        "https://www.linkedin.com/in/josé-pérez",
        "https://www.linkedin.com/in/JOSÉ-PÉREZ",
        "https://www.linkedin.com/in/Jos%C3%89-P%C3%89rez",
        // Decomposed: e + COMBINING ACUTE ACCENT, raw and percent-encoded.
        "https://www.linkedin.com/in/jose\u{301}-pe\u{301}rez",
        "https://www.linkedin.com/in/jose%CC%81-pe%CC%81rez",
    ] {
        let li = ok(input);
        assert_eq!(li.value, expected, "{input}");
        assert_eq!(li.handle, "josé-pérez", "{input}");
    }
    assert_eq!(ok("linkedin.com/in/ñandú").handle, "ñandú");
    assert_eq!(
        ok("linkedin.com/in/%E5%BC%A0%E4%BC%9F%E6%98%8E").handle,
        "张伟明"
    );
    assert_eq!(ok("linkedin.com/in/राहुल-शर्मा").handle, "राहुल-शर्मा");
    assert_eq!(ok("linkedin.com/in/мария-иванова").handle, "мария-иванова");
}

#[wasm_bindgen_test(unsupported = test)]
fn legacy_and_wrapped_links() {
    let li = ok("https://sy.linkedin.com/pub/krzysztof-marzec/a7/576/b50?trk=biz_employee_pub");
    assert_eq!(
        li.value,
        "https://www.linkedin.com/in/krzysztof-marzec-b505760a7"
    );
    assert_eq!(li.kind, LinkedInKind::Profile);
    assert_eq!(
        ok("linkedin.com/pub/jane-doe/2/a43/82b/").handle,
        "jane-doe-82ba43002"
    );
    // Each segment is padded to three hex digits; upper-case hex is read as lower case.
    assert_eq!(
        ok("linkedin.com/pub/ana-ruiz/1/0/A").handle,
        "ana-ruiz-00a000001"
    );
    assert_eq!(
        code("linkedin.com/pub/jane-doe/2/a43/82b4"),
        "linkedin_missing_handle"
    );
    assert_eq!(code("linkedin.com/pub/jane-doe"), "linkedin_missing_handle");
    assert_eq!(
        code("linkedin.com/pub/jane-doe/zz/a43/82b"),
        "linkedin_missing_handle"
    );
    assert_eq!(
        code("linkedin.com/pub/dir/jane/doe"),
        "linkedin_not_profile"
    );

    let wall = "https://www.linkedin.com/authwall?trk=bf&trkInfo=AQ&original_referer=\
                &sessionRedirect=https%3A%2F%2Fes.linkedin.com%2Fin%2FJohnDoe%3Ftrk%3Dx";
    assert_eq!(ok(wall).value, JOHN);
    assert_eq!(
        code("https://www.linkedin.com/authwall?trk=bf"),
        "linkedin_not_profile"
    );
    let wall_to_evil =
        "https://www.linkedin.com/authwall?sessionRedirect=https%3A%2F%2Fevil.io%2Fin%2Fx";
    assert_eq!(code(wall_to_evil), "linkedin_not_linkedin");
    // Only one level is followed.
    let nested = "https://www.linkedin.com/authwall?sessionRedirect=\
                  https%3A%2F%2Fwww.linkedin.com%2Fauthwall%3FsessionRedirect%3Dx";
    assert_eq!(code(nested), "linkedin_not_profile");
}

#[wasm_bindgen_test(unsupported = test)]
fn member_ids_keep_their_case() {
    let id = "ACoAABcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
    let li = ok(&format!(
        "https://www.linkedin.com/in/{id}?miniProfileUrn=x"
    ));
    assert_eq!(li.handle, id);
    assert_eq!(li.value, format!("https://www.linkedin.com/in/{id}"));
}

#[wasm_bindgen_test(unsupported = test)]
fn other_sites_are_not_linkedin() {
    for (input, host) in [
        (
            "https://linkedin.com.evil.io/in/johndoe",
            "linkedin.com.evil.io",
        ),
        ("https://notlinkedin.com/in/johndoe", "notlinkedin.com"),
        ("https://www.linkedin.co/in/johndoe", "www.linkedin.co"),
        (
            "https://linkedin.com-profile.net/in/johndoe",
            "linkedin.com-profile.net",
        ),
        ("https://evil.io/linkedin.com/in/johndoe", "evil.io"),
        ("https://evil.io?u=linkedin.com/in/johndoe", "evil.io"),
        ("https://www.linkedin.com@evil.io/in/johndoe", "evil.io"),
        ("https://evil.io\\@www.linkedin.com/in/johndoe", "evil.io"),
        ("https://twitter.com/johndoe", "twitter.com"),
        ("https://192.0.2.1/in/johndoe", "192.0.2.1"),
        ("https://[2001:db8::1]/in/johndoe", "[2001:db8::1]"),
        ("https://localhost/in/johndoe", "localhost"),
        ("https://linkedın.com/in/johndoe", "linkedın.com"),
    ] {
        let e = err(input);
        assert_eq!(e.code, ErrorCode::LinkedinNotLinkedin, "{input}");
        assert_eq!(e.params["host"], host, "{input}");
    }
    assert_eq!(
        err("https://twitter.com/johndoe").message,
        "This is a link to twitter.com, not to LinkedIn."
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn linkedin_pages_that_are_not_profiles() {
    for input in [
        "https://www.linkedin.com/",
        "linkedin.com",
        "https://www.linkedin.com/feed/",
        "https://www.linkedin.com/posts/johndoe_activity-7000000000000000000-abcd",
        "https://www.linkedin.com/pulse/some-article-john-doe",
        "https://www.linkedin.com/jobs/view/123456789/",
        "https://www.linkedin.com/search/results/people/?keywords=john",
        "https://www.linkedin.com/messaging/thread/2-abc/",
        "https://www.linkedin.com/groups/12345/",
        "https://www.linkedin.com/events/678/",
        "https://www.linkedin.com/mynetwork/",
        "https://www.linkedin.com/notifications/",
        "https://www.linkedin.com/learning/excel",
        "https://www.linkedin.com/sales/lead/ACwAAA,NAME_SEARCH,abc",
        "https://www.linkedin.com/showcase/acme-labs/",
        "https://www.linkedin.com/feed/update/urn:li:activity:700/",
        "https://lnkd.in/dAbCdEf",
    ] {
        assert_eq!(code(input), "linkedin_not_profile", "{input}");
    }
    assert_eq!(
        err("https://www.linkedin.com/feed/").params["path"],
        "/feed/"
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn missing_handles() {
    for input in [
        "https://www.linkedin.com/in/",
        "https://www.linkedin.com/in",
        "linkedin.com/company/",
        "linkedin.com/school//",
        "https://www.linkedin.com/in/?trk=x",
        "https://www.linkedin.com/profile/view?id=12345",
    ] {
        assert_eq!(code(input), "linkedin_missing_handle", "{input}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn invalid_handles() {
    for input in [
        "linkedin.com/in/jo",
        "linkedin.com/in/john%20doe",
        "linkedin.com/in/john.doe",
        "linkedin.com/in/john@doe",
        "linkedin.com/in/john+doe",
        "linkedin.com/in/%F0%9F%98%80smile",
        "linkedin.com/in/%E9t%E9",
        "linkedin.com/in/john%00doe",
        "linkedin.com/in/john%E2%80%8Bdoe",
        "linkedin.com/in/%CC%81abc",
        "linkedin.com/company/a",
        "linkedin.com/company/&&",
        "linkedin.com/company/acme%3Cscript%3E",
        "linkedin.com/company/acme@home",
        "linkedin.com/in/at&t",
        "linkedin.com/in/ben.doe",
    ] {
        assert_eq!(code(input), "linkedin_invalid_handle", "{input}");
    }
    let long = format!("linkedin.com/in/{}", "a".repeat(101));
    assert_eq!(code(&long), "linkedin_invalid_handle");
    let at_limit = format!("linkedin.com/in/{}", "a".repeat(100));
    assert_eq!(ok(&at_limit).handle.len(), 100);
    assert_eq!(ok("linkedin.com/in/abc").handle, "abc");
    assert_eq!(ok("linkedin.com/in/john_doe").handle, "john_doe");
    let e = err("linkedin.com/in/John%20Doe");
    assert_eq!(e.params["handle"], "John Doe");
    assert_eq!(e.message, "\"John Doe\" is not a valid LinkedIn name.");
}

#[wasm_bindgen_test(unsupported = test)]
fn invalid_urls() {
    for input in [
        "johndoe",
        "in/johndoe",
        "@johndoe",
        "linkedin",
        "ftp://linkedin.com/in/johndoe",
        "linkedin://in/johndoe",
        "javascript://linkedin.com/in/johndoe",
        "https://",
        "https:// linkedin.com/in/johndoe",
        "https://linked in.com/in/johndoe",
        "https://exa<mple.com/in/x",
    ] {
        assert_eq!(code(input), "linkedin_invalid_url", "{input}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn spanish_messages() {
    let es = FieldOptions::new(Lang::Es);
    let msg = |input: &str| linkedin::normalize(input, &es).unwrap_err().message;
    assert_eq!(msg("johndoe"), "Este no es un enlace válido.");
    assert_eq!(
        msg("https://twitter.com/johndoe"),
        "Este es un enlace a twitter.com, no a LinkedIn."
    );
    assert_eq!(
        msg("https://www.linkedin.com/feed/"),
        "Este enlace de LinkedIn no es de un perfil, una empresa o una institución educativa."
    );
    assert_eq!(
        msg("https://www.linkedin.com/in/"),
        "Este enlace de LinkedIn no indica de quién es la página."
    );
    assert_eq!(
        msg("linkedin.com/in/john.doe"),
        "\"john.doe\" no es un nombre de LinkedIn válido."
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn every_linkedin_code_is_reachable_in_both_languages() {
    for (input, expected) in [
        ("johndoe", ErrorCode::LinkedinInvalidUrl),
        ("https://evil.io/in/x", ErrorCode::LinkedinNotLinkedin),
        (
            "https://www.linkedin.com/jobs/",
            ErrorCode::LinkedinNotProfile,
        ),
        (
            "https://www.linkedin.com/in/",
            ErrorCode::LinkedinMissingHandle,
        ),
        (
            "https://www.linkedin.com/in/a.b",
            ErrorCode::LinkedinInvalidHandle,
        ),
    ] {
        let en = err(input);
        assert_eq!(en.code, expected, "{input}");
        assert!(!en.message.contains('{'), "{}", en.message);
        let es = linkedin::normalize(input, &FieldOptions::new(Lang::Es)).unwrap_err();
        assert!(!es.message.contains('{'), "{}", es.message);
        assert_ne!(es.message, en.message);
    }
    assert_eq!(code(""), "empty");
    assert_eq!(code(" \n "), "empty");
    assert_eq!(
        code(&format!("https://www.linkedin.com/in/{}", "a".repeat(2000))),
        "input_too_long"
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn hostile_input_never_panics() {
    let slashes = format!("linkedin.com{}", "/".repeat(1000));
    let segments = format!("linkedin.com/in/x{}", "/a".repeat(490));
    let percent = format!("linkedin.com/in/{}", "%".repeat(900));
    let encoded = format!("linkedin.com/in/{}", "%FF".repeat(300));
    let dots = format!("{}linkedin.com/in/john", ".".repeat(900));
    let subdomains = format!("{}linkedin.com/in/johndoe", "a.".repeat(450));
    let query = format!("linkedin.com/authwall?{}", "sessionRedirect=&".repeat(55));
    let nul = "\u{0}".repeat(1000);
    let unicode = format!("linkedin.com/in/{}", "é".repeat(400));
    for input in [
        slashes.as_str(),
        segments.as_str(),
        percent.as_str(),
        encoded.as_str(),
        dots.as_str(),
        subdomains.as_str(),
        query.as_str(),
        nul.as_str(),
        unicode.as_str(),
        "https://www.linkedin.com/in/%",
        "https://www.linkedin.com/in/%C3",
        "https://[::",
        "http://%00",
        "https://xn--/in/x",
        "https://xn--ls8h.com/in/x",
        "\u{202E}linkedin.com/in/johndoe",
        "linkedin.com/in/john\u{0}doe",
        "https://www.linkedin.com/authwall?sessionRedirect=%00",
        "https://www.linkedin.com/authwall?sessionRedirect=ftp%3A%2F%2Fx",
    ] {
        common::check_any_text(
            linkedin::normalize,
            |li| li.value,
            &[
                ErrorCode::LinkedinInvalidUrl,
                ErrorCode::LinkedinNotLinkedin,
                ErrorCode::LinkedinNotProfile,
                ErrorCode::LinkedinMissingHandle,
                ErrorCode::LinkedinInvalidHandle,
            ],
            input,
        );
    }
    // A deep subdomain of linkedin.com is still LinkedIn's.
    assert_eq!(ok(&subdomains).value, JOHN);
}

/// Forms people paste into a contact form (copied from browsers, apps, e-mail signatures and
/// CRM exports), with the canonical URL each stands for.
const PASTED: &[(&str, &str)] = &[
    ("https://www.linkedin.com/in/juan-perez-4b1a2b3c/", "https://www.linkedin.com/in/juan-perez-4b1a2b3c"),
    ("https://linkedin.com/in/juan-perez-4b1a2b3c?utm_source=share&utm_campaign=share_via&utm_content=profile&utm_medium=ios_app", "https://www.linkedin.com/in/juan-perez-4b1a2b3c"),
    ("https://www.linkedin.com/m/in/juan-perez-4b1a2b3c", "https://www.linkedin.com/in/juan-perez-4b1a2b3c"),
    ("https://www.linkedin.com/m/in/juan-perez-4b1a2b3c/?lipi=urn%3Ali%3Apage%3Ad_flagship3", "https://www.linkedin.com/in/juan-perez-4b1a2b3c"),
    ("https://m.linkedin.com/in/juan-perez-4b1a2b3c", "https://www.linkedin.com/in/juan-perez-4b1a2b3c"),
    ("www.linkedin.com/mwlite/in/juan-perez-4b1a2b3c", "https://www.linkedin.com/in/juan-perez-4b1a2b3c"),
    ("mx.linkedin.com/in/juan-perez-4b1a2b3c/en", "https://www.linkedin.com/in/juan-perez-4b1a2b3c"),
    ("https://www.linkedin.com/in/juan-perez-4b1a2b3c/details/experience/", "https://www.linkedin.com/in/juan-perez-4b1a2b3c"),
    ("linkedin.com/in/Jos%C3%A9-Garc%C3%ADa", "https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa"),
    ("https://www.linkedin.com:443/in/juan-perez-4b1a2b3c", "https://www.linkedin.com/in/juan-perez-4b1a2b3c"),
    ("http://www.linkedin.com:80/in/juan-perez-4b1a2b3c", "https://www.linkedin.com/in/juan-perez-4b1a2b3c"),
    ("http://www.linkedin.com/pub/maria-lopez/1a/2b/3c", "https://www.linkedin.com/in/maria-lopez-03c02b01a"),
    ("https://es.linkedin.com/pub/carlos-ruiz-diaz/5/b12/9a0", "https://www.linkedin.com/in/carlos-ruiz-diaz-9a0b12005"),
    ("https://www.linkedin.com/company/booking.com/", "https://www.linkedin.com/company/booking.com"),
    ("https://www.linkedin.com/company/at&t/about/", "https://www.linkedin.com/company/at&t"),
    ("https://www.linkedin.com/company/at%26t", "https://www.linkedin.com/company/at&t"),
    ("https://www.linkedin.com/company/johnson-&-johnson/", "https://www.linkedin.com/company/johnson-&-johnson"),
    ("https://www.linkedin.com/company/procter-and-gamble/jobs/", "https://www.linkedin.com/company/procter-and-gamble"),
    ("https://www.linkedin.com/company/yahoo!/", "https://www.linkedin.com/company/yahoo!"),
    ("https://www.linkedin.com/company/l'or%C3%A9al", "https://www.linkedin.com/company/l'or%C3%A9al"),
    ("https://www.linkedin.com/company/nestl%C3%A9-s.a./", "https://www.linkedin.com/company/nestl%C3%A9-s.a."),
    ("https://www.linkedin.com/company/m&m's", "https://www.linkedin.com/company/m&m's"),
    ("https://www.linkedin.com/company/canal+", "https://www.linkedin.com/company/canal+"),
    ("https://www.linkedin.com/m/company/booking.com", "https://www.linkedin.com/company/booking.com"),
    ("https://www.linkedin.com/school/universidad-nacional-aut%C3%B3noma-de-m%C3%A9xico/", "https://www.linkedin.com/school/universidad-nacional-aut%C3%B3noma-de-m%C3%A9xico"),
    ("https://www.linkedin.com/school/tec-de-monterrey/people/", "https://www.linkedin.com/school/tec-de-monterrey"),
    ("https://www.linkedin.com/school/m.i.t./", "https://www.linkedin.com/school/m.i.t."),
    ("https://www.linkedin.com/school/universit%C3%A4t-z%C3%BCrich", "https://www.linkedin.com/school/universit%C3%A4t-z%C3%BCrich"),
];

#[wasm_bindgen_test(unsupported = test)]
fn real_pasted_forms() {
    for (input, want) in PASTED {
        let li = ok(input);
        assert_eq!(li.value, *want, "{input}");
        // The canonical value reads back as itself.
        assert_eq!(ok(&li.value).value, li.value, "{input}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn a_port_other_than_the_default_is_another_server() {
    for input in [
        "https://www.linkedin.com:8080/in/juan-perez",
        "linkedin.com:8443/in/juan-perez",
        "http://www.linkedin.com:443/in/juan-perez",
        "https://linkedin.com:80/company/acme",
    ] {
        assert_eq!(code(input), "linkedin_not_linkedin", "{input}");
    }
    assert_eq!(
        err("https://www.linkedin.com:8080/in/juan-perez").params["host"],
        "www.linkedin.com:8080"
    );
}
