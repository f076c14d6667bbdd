//! Native and Wasm give the same answers on generated contacts (issue 21): proptest makes
//! contacts (field-like text, any text, numbers of every kind deep in `metadata` and
//! `additional_data`, unknown keys), the npm package builds them under Node
//! (`tests/node/build_lines.mjs`), and the native builders build the same JSON text. Requests
//! must be byte for byte the same, numbers included; errors the same codes, fields, messages
//! and params.
//!
//! Needs the built package (`scripts/build.sh`), so it is ignored by a plain `cargo test`;
//! `scripts/test.sh` runs it after the build: `cargo test --test payload_wasm_parity --
//! --ignored`. `PARITY_CASES` sets how many contacts (default 1,500).
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

use contactkit::payload::{
    build_contactship_contact_json, build_sdr_agent_contact_json, validate_contacts, BatchOptions,
    ContactshipOptions, SdrAgentOptions,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{json, Map, Value};

fn one_of(items: &'static [&'static str]) -> impl Strategy<Value = String> {
    proptest::sample::select(items).prop_map(str::to_string)
}

/// A character of the scripts real contacts use (Latin, Greek, Cyrillic, Hebrew, Arabic,
/// Devanagari, CJK, emoji), controls, and the deviation and joining characters. Not any
/// `char`: the crates (native) and the JS host (Wasm) follow different Unicode versions for
/// characters assigned since Unicode 16, a difference docs/host.md lists and this test is not
/// about (it found one: a CJK Extension J ideograph, Unicode 17, in a domain).
fn script_char() -> impl Strategy<Value = char> {
    use proptest::char::range;
    prop_oneof![
        4 => range(' ', '~'),
        1 => range('\u{0}', '\u{1f}'),
        1 => range('\u{a0}', '\u{24f}'),
        1 => range('\u{370}', '\u{4ff}'),
        1 => range('\u{5d0}', '\u{5ea}'),
        1 => range('\u{620}', '\u{64a}'),
        1 => range('\u{900}', '\u{97f}'),
        1 => range('\u{4e00}', '\u{9fff}'),
        1 => range('\u{1f600}', '\u{1f64f}'),
        1 => proptest::sample::select(&['ß', 'ς', '\u{200c}', '\u{200d}', '\u{ff0e}', '\u{3002}'][..]),
    ]
}

/// Text of [`script_char`]s.
fn script_text() -> impl Strategy<Value = String> {
    prop::collection::vec(script_char(), 0..24).prop_map(|c| c.into_iter().collect())
}

/// Text a field might hold: a realistic value, one edited, or anything.
fn field(samples: &'static [&'static str]) -> BoxedStrategy<Value> {
    prop_oneof![
        16 => one_of(samples).prop_map(Value::from),
        2 => (one_of(samples), script_char(), 0..12usize).prop_map(|(s, c, at)| {
            let mut s: Vec<char> = s.chars().collect();
            let at = at.min(s.len());
            s.insert(at, c);
            Value::from(s.into_iter().collect::<String>())
        }),
        1 => script_text().prop_map(Value::from),
        1 => Just(Value::Null),
        1 => any::<i64>().prop_map(Value::from),
    ]
    .boxed()
}

/// Numbers of every kind JS can hold, as f64 (what a JS caller's numbers are).
fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<f64>().prop_filter_map("finite", |f| f.is_finite().then(|| json!(f))),
        (-1e6..1e6f64).prop_map(|f| json!(f)),
        any::<i64>().prop_map(|i| json!(i as f64)),
        (0..1u64 << 60).prop_map(|i| json!(i as f64)),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        number(),
        any::<String>().prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
    ];
    leaf.prop_recursive(4, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::from),
            prop::collection::vec(("[a-z_]{1,8}", inner), 0..5)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

const PHONES: &[&str] = &[
    "+1 212-456-7890",
    "(212) 456-7890",
    "612 34 56 78",
    "+34 612 34 56 78",
    "+44 20 7946 0958 ext. 12",
    "+800 1234 5678",
    "+52 1 55 1234 5678",
    "12",
];
const NAMES: &[&str] = &[" Juan Pérez ", "Ana", "李小龍", "O'Brien", "Zoë 😀", ""];
const EMAILS: &[&str] = &[
    "ana@example.com",
    "José@Bücher.DE",
    "juan@gmial.com",
    "a@b",
    "x",
];
const LINKEDIN: &[&str] = &[
    "linkedin.com/in/ana",
    "https://www.linkedin.com/in/José-Pérez/",
    "linkedin.com/in/juan-perez-4b1a2b3c",
    "linkedin.com/company/acme",
    "https://example.com/in/ana",
];
const LOCALES: &[&str] = &["en-us", "es-419", "zh-hant-tw", "xx-YY", "iw"];
const TIMEZONES: &[&str] = &["US/Eastern", "Europe/Madrid", "utc", "Mars/Base"];
const COUNTRIES: &[&str] = &["mx", "Spain", "ESP", "Congo", "Korea", "US"];
const KINDS: &[&str] = &["text", "date", "number", "location", "other"];

fn optional(key: &'static str, v: BoxedStrategy<Value>) -> BoxedStrategy<Option<(String, Value)>> {
    weighted(0.7, key, v)
}

fn weighted(
    p: f64,
    key: &'static str,
    v: BoxedStrategy<Value>,
) -> BoxedStrategy<Option<(String, Value)>> {
    prop::option::weighted(p, v.prop_map(move |v| (key.to_string(), v))).boxed()
}

/// A field most contacts have (a few leave it out, to be `required`).
fn required(key: &'static str, v: BoxedStrategy<Value>) -> BoxedStrategy<Option<(String, Value)>> {
    weighted(0.97, key, v)
}

fn contactship() -> impl Strategy<Value = Value> {
    let item = prop_oneof![
        4 => (Just("number".to_string()), "[a-z]{1,6}", number()),
        2 => (Just("text".to_string()), "[a-z]{1,6}", any::<String>().prop_map(Value::from)),
        1 => (one_of(KINDS), "[a-z ]{0,6}", prop_oneof![number(), any::<String>().prop_map(Value::from)]),
    ]
    .prop_map(|(kind, field, value)| json!({"type": kind, "field": field, "value": value}));
    (
        required("phone_number", field(PHONES)),
        required("full_name", field(NAMES)),
        optional("country", field(COUNTRIES)),
        optional("email", field(EMAILS)),
        optional("description", any::<String>().prop_map(Value::from).boxed()),
        optional(
            "additional_data",
            prop::collection::vec(item, 0..4)
                .prop_map(Value::from)
                .boxed(),
        ),
        weighted(0.05, "unknown", json_value().boxed()),
    )
        .prop_map(|(a, b, c, d, e, f, g)| {
            Value::Object([a, b, c, d, e, f, g].into_iter().flatten().collect())
        })
}

fn sdr_agent() -> impl Strategy<Value = Value> {
    let metadata = prop::collection::vec(("[a-z]{1,6}", json_value()), 0..6)
        .prop_map(|kv| Value::Object(kv.into_iter().collect()));
    (
        required("full_name", field(NAMES)),
        required("email", field(EMAILS)),
        required("linkedin_profile", field(LINKEDIN)),
        optional("company", field(NAMES)),
        optional("locale", field(LOCALES)),
        optional("timezone", field(TIMEZONES)),
        optional("metadata", metadata.boxed()),
    )
        .prop_map(|(a, b, c, d, e, f, g)| {
            Value::Object([a, b, c, d, e, f, g].into_iter().flatten().collect())
        })
}

/// Each line's `text` and `result` from the package.
fn wasm_answers(lines: &[Value]) -> Vec<(String, Value)> {
    let mut child = Command::new("node")
        .arg("tests/node/build_lines.mjs")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs");
    let mut input = String::new();
    for line in lines {
        input.push_str(&line.to_string());
        input.push('\n');
    }
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("node answers");
    writer.join().expect("writer").expect("stdin written");
    assert!(output.status.success(), "node failed");
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(|line| {
            let mut v: Value = serde_json::from_str(line).expect("a JSON line");
            let text = v["text"].as_str().expect("text").to_string();
            (text, v["result"].take())
        })
        .collect()
}

/// The native result as the package writes it.
fn native(
    result: Result<contactkit::payload::Request, Vec<contactkit::payload::ContactError>>,
) -> Value {
    match result {
        Ok(request) => json!({"ok": true, "request": request}),
        Err(errors) => json!({"ok": false, "errors": errors}),
    }
}

#[test]
#[ignore = "needs the npm package built by scripts/build.sh"]
fn native_and_wasm_agree_on_generated_contacts() {
    let cases: usize = std::env::var("PARITY_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1500);
    let mut runner = TestRunner::deterministic();
    let mut lines = Vec::new();
    let options = [
        json!({}),
        json!({"lang": "es", "apiKey": "k", "defaultCountry": "ES", "countryFormat": "alpha2"}),
    ];
    for i in 0..cases {
        let opts = options[i % 2].clone();
        let line = match i % 3 {
            0 => {
                let c = contactship().new_tree(&mut runner).unwrap().current();
                json!({"api": "contactship", "contact": c.to_string(), "options": opts})
            }
            1 => {
                let c = sdr_agent().new_tree(&mut runner).unwrap().current();
                json!({"api": "sdr_agent", "contact": c.to_string(), "options": {"lang": opts.get("lang")}})
            }
            _ => {
                let rows: Vec<Value> = (0..4)
                    .map(|_| contactship().new_tree(&mut runner).unwrap().current())
                    .collect();
                let mut o = opts.clone();
                o["target"] = json!("contactship");
                json!({"api": "batch", "contact": Value::from(rows).to_string(), "options": o})
            }
        };
        lines.push(line);
    }
    let answers = wasm_answers(&lines);
    assert_eq!(answers.len(), lines.len());
    let mut requests = 0;
    for (line, (text, wasm)) in lines.iter().zip(&answers) {
        let opts = &line["options"];
        let mine = match line["api"].as_str() {
            Some("contactship") => {
                let o = ContactshipOptions::from_json(opts).unwrap();
                native(build_contactship_contact_json(text, &o))
            }
            Some("sdr_agent") => {
                let o = SdrAgentOptions::from_json(&json!({"lang": opts["lang"]})).unwrap();
                native(build_sdr_agent_contact_json(text, &o))
            }
            _ => {
                let rows: Vec<Value> = serde_json::from_str(text).unwrap();
                let o = BatchOptions::from_json(opts).unwrap();
                serde_json::to_value(validate_contacts(&rows, &o)).unwrap()
            }
        };
        requests += usize::from(mine["ok"] == json!(true));
        // Compared as JSON text: numbers exactly as spelled, keys in order.
        assert_eq!(mine.to_string(), wasm.to_string(), "{text}");
    }
    // The generated contacts are not all rejected: requests (with their numbers) are compared.
    assert!(requests > cases / 20, "only {requests} requests built");
}
