//! Timezone rule: IANA names, any case, aliases resolved to the canonical zone.

use contactkit::{timezone, ErrorCode, FieldOptions, Lang};
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::{en, Rng};

fn ok(input: &str) -> timezone::Timezone {
    timezone::normalize(input, &en()).unwrap_or_else(|e| panic!("{input:?} rejected: {e}"))
}

fn resolves(input: &str, want: &str) {
    let tz = ok(input);
    assert_eq!(tz.value, want, "{input:?}");
    let trimmed = input.trim();
    let expected_from = (trimmed != want).then(|| trimmed.to_string());
    assert_eq!(tz.resolved_from, expected_from, "{input:?}");
}

fn unknown(input: &str) {
    match timezone::normalize(input, &en()) {
        Ok(tz) => panic!("{input:?} accepted as {}", tz.value),
        Err(e) => assert_eq!(e.code, ErrorCode::TimezoneUnknown, "{input:?}"),
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn canonical_names_pass_unchanged() {
    for name in [
        "America/New_York",
        "Europe/Madrid",
        "America/Mexico_City",
        "America/Sao_Paulo",
        "America/Argentina/Buenos_Aires",
        "America/Indiana/Indianapolis",
        "America/Port-au-Prince",
        "America/Port_of_Spain",
        "Asia/Kolkata",
        "Asia/Tokyo",
        "Australia/Sydney",
        "Europe/Kyiv",
        "Pacific/Auckland",
        "Africa/Lagos",
        "Etc/GMT+5",
        "Etc/GMT-14",
        "UTC",
    ] {
        let tz = ok(name);
        assert_eq!(tz.value, name);
        assert_eq!(tz.resolved_from, None, "{name}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn names_match_without_regard_to_case() {
    resolves("america/new_york", "America/New_York");
    resolves("AMERICA/NEW_YORK", "America/New_York");
    resolves("europe/MADRID", "Europe/Madrid");
    resolves(
        "america/argentina/buenos_aires",
        "America/Argentina/Buenos_Aires",
    );
    resolves("etc/gmt+5", "Etc/GMT+5");
    resolves("utc", "UTC");
}

#[wasm_bindgen_test(unsupported = test)]
fn links_resolve_to_their_canonical_zone() {
    for (alias, want) in [
        ("US/Eastern", "America/New_York"),
        ("US/Pacific", "America/Los_Angeles"),
        ("US/Central", "America/Chicago"),
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("Europe/Kiev", "Europe/Kyiv"),
        ("Asia/Saigon", "Asia/Ho_Chi_Minh"),
        ("Asia/Rangoon", "Asia/Yangon"),
        ("America/Buenos_Aires", "America/Argentina/Buenos_Aires"),
        ("Brazil/East", "America/Sao_Paulo"),
        ("Mexico/General", "America/Mexico_City"),
        ("Canada/Eastern", "America/Toronto"),
        ("America/Montreal", "America/Toronto"),
        ("Europe/Belfast", "Europe/London"),
        ("GB", "Europe/London"),
        ("Japan", "Asia/Tokyo"),
        ("Israel", "Asia/Jerusalem"),
        ("us/eastern", "America/New_York"),
        ("ASIA/CALCUTTA", "Asia/Kolkata"),
        // The POSIX-style names of US zones are aliases in CLDR and Temporal.
        ("EST5EDT", "America/New_York"),
        ("PST8PDT", "America/Los_Angeles"),
    ] {
        resolves(alias, want);
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn backward_names_stay_in_their_own_country() {
    // The tz database links each of these to a zone of another country (Iceland and
    // Africa/Timbuktu to Abidjan, Pacific/Truk to Port Moresby, ...); CLDR groups them with
    // their own place.
    for (alias, want) in [
        ("Iceland", "Atlantic/Reykjavik"),
        ("Africa/Timbuktu", "Africa/Bamako"),
        ("Africa/Asmera", "Africa/Asmara"),
        ("America/Coral_Harbour", "America/Atikokan"),
        ("America/Virgin", "America/St_Thomas"),
        ("Atlantic/Jan_Mayen", "Arctic/Longyearbyen"),
        ("Antarctica/South_Pole", "Antarctica/McMurdo"),
        ("Pacific/Truk", "Pacific/Chuuk"),
        ("Pacific/Yap", "Pacific/Chuuk"),
        ("Pacific/Ponape", "Pacific/Pohnpei"),
    ] {
        resolves(alias, want);
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn country_zones_of_zone_tab_are_kept_even_where_tzdb_links_them() {
    // The tz database links these to a zone of another country; ECMA-402 (and we) keep them.
    for name in [
        "Europe/Amsterdam",
        "Europe/Oslo",
        "Europe/Stockholm",
        "Europe/Copenhagen",
        "Europe/Luxembourg",
        "Atlantic/Reykjavik",
        "Asia/Kuala_Lumpur",
        "Africa/Accra",
    ] {
        let tz = ok(name);
        assert_eq!(tz.value, name);
        assert_eq!(tz.resolved_from, None);
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn utc_and_gmt_spellings_resolve_to_utc() {
    for name in [
        "UTC",
        "Etc/UTC",
        "etc/utc",
        "Etc/GMT",
        "GMT",
        "gmt",
        "Etc/Universal",
        "Universal",
        "Zulu",
        "Etc/Zulu",
        "GMT0",
        "GMT+0",
        "GMT-0",
        "Etc/GMT+0",
        "Etc/Greenwich",
        "Greenwich",
        "UCT",
    ] {
        resolves(name, "UTC");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn surrounding_and_word_spaces_are_tolerated() {
    resolves("  America/New_York  ", "America/New_York");
    resolves("\tEurope/Madrid\n", "Europe/Madrid");
    resolves("America/New York", "America/New_York");
    resolves("america/new york", "America/New_York");
    resolves("America / New York", "America/New_York");
    resolves("America/Port au Prince", "America/Port-au-Prince");
    resolves("America/Port au-Prince", "America/Port-au-Prince");
    resolves("America/Port of Spain", "America/Port_of_Spain");
    resolves(
        "America/Argentina/Buenos Aires",
        "America/Argentina/Buenos_Aires",
    );
    resolves("US / Eastern", "America/New_York");
    resolves("America/Los  Angeles", "America/Los_Angeles");
}

#[wasm_bindgen_test(unsupported = test)]
fn everything_else_is_unknown() {
    for input in [
        "Mars/Olympus_Mons",
        "America",
        "America/",
        "/America/New_York",
        "America/New_York/",
        "America//New_York",
        "America/NewYork",
        "New_York",
        "New York",
        "EST5",
        "Factory",
        "Etc/GMT+15",
        "Etc/GMT 5",
        "GMT 0",
        "UTC+5",
        "UTC-03:00",
        "+05:00",
        "Z",
        "Eastern Standard Time",
        "America/New_York\u{0}",
        "Amèrica/New_York",
        "America/Sao_Paulo\u{301}",
        "America\\New_York",
        "America.New_York",
        "America/New__York",
        "Europe/Kyiv Europe/Madrid",
    ] {
        unknown(input);
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn empty_and_oversized_inputs_use_the_shared_codes() {
    let e = timezone::normalize("", &en()).unwrap_err();
    assert_eq!(e.code, ErrorCode::Empty);
    let e = timezone::normalize(" \n ", &en()).unwrap_err();
    assert_eq!(e.code, ErrorCode::Empty);
    let e = timezone::normalize(&"a".repeat(5000), &en()).unwrap_err();
    assert_eq!(e.code, ErrorCode::InputTooLong);
    unknown(&"America/New_York".repeat(40));
}

#[wasm_bindgen_test(unsupported = test)]
fn messages_are_in_english_and_spanish() {
    let e = timezone::normalize("Mars/Olympus", &FieldOptions::new(Lang::Es)).unwrap_err();
    assert_eq!(
        e.message,
        "Esta no es una zona horaria (por ejemplo America/Mexico_City o Europe/Madrid)."
    );
    assert!(e.params.is_empty());
    let e = timezone::normalize("Mars/Olympus", &en()).unwrap_err();
    assert_eq!(
        e.message,
        "This is not a timezone (for example America/New_York or Europe/Madrid)."
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn every_listed_name_resolves_to_a_canonical_name_that_is_a_fixed_point() {
    let canonical: Vec<&str> = timezone::all().collect();
    assert!(canonical.len() > 400, "{}", canonical.len());
    assert!(canonical.contains(&"UTC"));
    assert!(!canonical.contains(&"Etc/UTC"));
    for name in timezone::names() {
        let tz = ok(name);
        assert!(
            canonical.contains(&tz.value.as_str()),
            "{name} → {}",
            tz.value
        );
        assert_eq!(ok(&tz.value).value, tz.value);
        assert_eq!(ok(&name.to_ascii_uppercase()).value, tz.value);
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn hostile_input_never_panics() {
    // Never a panic; an error is the field's own or a shared one, and a value is canonical.
    let check = |s: &str| {
        common::check_any_text(
            timezone::normalize,
            |found| found.value,
            &[ErrorCode::TimezoneUnknown],
            s,
        )
    };
    let alphabet: Vec<char> = "aZ/_- +09\u{e9}\u{0}\t".chars().collect();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..5000 {
        check(&rng.text(&alphabet, 40));
    }
    for s in [
        " ".repeat(1024),
        "/".repeat(1024),
        "a ".repeat(512),
        "\u{10ffff}".repeat(256),
    ] {
        check(&s);
    }
}
