//! `phone::AsYouType`: behaviour a form relies on (runs natively and in wasm), and the oracle
//! test against libphonenumber's `AsYouTypeFormatter` (python `phonenumbers` at the metadata's
//! release), keystroke by keystroke:
//!
//! ```sh
//! .venv/bin/python scripts/phone_aytf_oracle.py       # writes tests/oracle/phone_aytf.tsv
//! cargo test --release --test phone_as_you_type -- --ignored --nocapture
//! ```
//!
//! The oracle test fails when any keystroke gives other text than libphonenumber's, or when the
//! corpus was judged by another release than the metadata's.

use contactkit::phone::AsYouType;
use contactkit::{ErrorCode, Lang};
use wasm_bindgen_test::wasm_bindgen_test;

/// The text shown after each character of `typed`.
fn steps(default: Option<&str>, typed: &str) -> Vec<String> {
    let mut f = AsYouType::new(default);
    typed
        .chars()
        .map(|c| f.input(&c.to_string()).to_owned())
        .collect()
}

#[wasm_bindgen_test(unsupported = test)]
fn formats_national_numbers_as_libphonenumber() {
    assert_eq!(
        steps(Some("US"), "6502530000"),
        [
            "6",
            "65",
            "650",
            "650-2",
            "650-25",
            "650-253",
            "650-2530",
            "(650) 253-00",
            "(650) 253-000",
            "(650) 253-0000"
        ]
    );
    // The national prefix, then the number, in GB.
    assert_eq!(
        steps(Some("gb"), "02079460958").last().map(String::as_str),
        Some("020 7946 0958")
    );
    // Typed with separators of one's own: shown as typed.
    assert_eq!(
        steps(Some("US"), "(650) 25").last().map(String::as_str),
        Some("(650) 25")
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn formats_international_numbers() {
    let typed = steps(None, "+442079460958");
    assert_eq!(typed[0], "+");
    assert_eq!(typed[2], "+44 ");
    assert_eq!(typed[3], "+44 2");
    assert_eq!(typed.last().map(String::as_str), Some("+44 20 7946 0958"));
    // The default country's international prefix, then another country.
    assert_eq!(
        steps(Some("US"), "011442079460958")
            .last()
            .map(String::as_str),
        Some("011 44 20 7946 0958")
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn reports_the_number_as_it_grows() {
    let mut f = AsYouType::new(Some("MX"));
    f.input("+");
    assert_eq!(f.number().unwrap_err().code, ErrorCode::PhoneIncomplete);
    assert_eq!(f.calling_code(), Some(52), "the default country's");
    f.input("4");
    assert_eq!(f.number().unwrap_err().code, ErrorCode::PhoneIncomplete);
    f.input("4");
    assert_eq!(f.calling_code(), Some(44));
    // +44 is shared (GB, GG, IM, JE): no country until the number says which.
    assert_eq!(f.country(), None);
    f.input("20");
    assert_eq!(f.number().unwrap_err().code, ErrorCode::PhoneIncomplete);
    assert!(!f.is_possible());
    assert_eq!(f.number_value(), None);
    // Four digits are a local number in GB: possible (as libphonenumber says), not complete.
    f.input("79");
    assert!(f.is_possible() && !f.is_valid());
    assert_eq!(f.number().unwrap_err().code, ErrorCode::PhoneIncomplete);
    f.input("460958");
    assert!(f.is_valid() && f.is_possible());
    assert_eq!(f.country().as_deref(), Some("GB"));
    assert_eq!(f.number_value().as_deref(), Some("+442079460958"));
    assert_eq!(f.output(), "+44 20 7946 0958");
    assert_eq!(f.template(), "+xx xx xxxx xxxx");
    let phone = f.number().unwrap();
    assert_eq!(phone.national, "020 7946 0958");
    // Too long is an error, not "keep typing".
    f.input("1234");
    assert_eq!(f.number().unwrap_err().code, ErrorCode::PhoneTooLong);
    // A calling code nobody has is an error too.
    f.reset();
    assert_eq!(f.output(), "");
    f.input("+999");
    assert_eq!(
        f.number().unwrap_err().code,
        ErrorCode::PhoneInvalidCountryCode
    );
    // The message says "keep typing", in both languages.
    f.reset();
    f.input("+3");
    let err = f.number_in(Lang::Es).unwrap_err();
    assert_eq!(err.code, ErrorCode::PhoneIncomplete);
    assert_eq!(err.message, "Sigue escribiendo el número de teléfono.");
}

#[wasm_bindgen_test(unsupported = test)]
fn countries_without_metadata_and_bad_input() {
    // No default country, or one without a numbering plan: `+` numbers still format.
    for default in [None, Some("AQ"), Some(""), Some("XX")] {
        let typed = steps(default, "+12124567890");
        assert_eq!(
            typed.last().map(String::as_str),
            Some("+1 212-456-7890"),
            "{default:?}"
        );
        assert_eq!(
            steps(default, "2124567").last().map(String::as_str),
            Some("2124567")
        );
    }
    let mut f = AsYouType::new(Some("XX"));
    f.input("+12124567890");
    assert_eq!(f.number().unwrap_err().code, ErrorCode::InvalidOption);
    // Only `+` numbers name a country when the default has no plan; +52 is Mexico's alone.
    let mut f = AsYouType::new(Some("AQ"));
    f.input("+52");
    assert_eq!(f.country().as_deref(), Some("MX"));
    assert_eq!(f.calling_code(), Some(52));
    // Anything typed never panics, and a huge paste stops growing.
    let mut f = AsYouType::new(Some("BR"));
    for text in [
        "",
        "+",
        "++",
        "\u{0}",
        "٣٣٣",
        "＋４４",
        "x",
        "😀",
        "+0",
        "00000000000000000000",
    ] {
        f.reset();
        f.input(text);
        let _ = (f.number(), f.country(), f.calling_code(), f.template());
    }
    f.reset();
    f.input(&"9".repeat(100_000));
    assert!(f.typed().len() <= contactkit::MAX_FIELD_INPUT_BYTES);
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "oracle/corpus.rs"]
mod corpus;

/// One typed number of the corpus.
#[cfg(not(target_arch = "wasm32"))]
struct Typed {
    kind: String,
    default: String,
    typed: String,
    outputs: Vec<String>,
}

#[cfg(not(target_arch = "wasm32"))]
fn corpus() -> Vec<Typed> {
    let path =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/phone_aytf.tsv");
    let text = corpus::read(&path, "  .venv/bin/python scripts/phone_aytf_oracle.py");
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|line| {
            let mut fields = line.split('\t');
            let mut next = || fields.next().unwrap_or("").to_owned();
            let (kind, default, typed) = (next(), next(), next());
            let outputs: Vec<String> = fields.map(str::to_owned).collect();
            assert_eq!(outputs.len(), typed.chars().count(), "{line}");
            Typed {
                kind,
                default,
                typed,
                outputs,
            }
        })
        .collect()
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
#[ignore = "needs the oracle corpus: run scripts/phone_aytf_oracle.py, then --ignored"]
fn agrees_with_libphonenumber_as_you_type() {
    let cases = corpus();
    assert!(!cases.is_empty(), "the corpus has no typed numbers");
    let (mut steps_total, mut agreed) = (0usize, 0usize);
    let mut by_kind: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    let mut shown = 0;
    for case in &cases {
        let default = (!case.default.is_empty()).then_some(case.default.as_str());
        let mut f = AsYouType::new(default);
        for (i, (c, want)) in case.typed.chars().zip(&case.outputs).enumerate() {
            let got = f.input(&c.to_string());
            let ok = got == want;
            steps_total += 1;
            agreed += usize::from(ok);
            let tally = by_kind.entry(&case.kind).or_default();
            tally.0 += usize::from(ok);
            tally.1 += 1;
            if !ok && shown < 30 {
                shown += 1;
                println!(
                    "  {:<15} {:<2} {:?} step {}: oracle {want:?}, ours {got:?}",
                    case.kind,
                    case.default,
                    case.typed,
                    i + 1
                );
            }
        }
    }
    let rate = agreed as f64 / steps_total.max(1) as f64;
    println!(
        "as you type: {agreed} / {steps_total} keystrokes = {:.3}% ({} typed numbers)",
        100.0 * rate,
        cases.len()
    );
    for (kind, (ok, n)) in &by_kind {
        println!(
            "  {kind:<16} {ok:>6} / {n:<6} = {:.3}%",
            100.0 * *ok as f64 / *n as f64
        );
    }
    assert_eq!(
        agreed,
        steps_total,
        "{} keystrokes give other text than libphonenumber's (the first are listed above)",
        steps_total - agreed
    );
}
