//! Every error the field rules and the payload builders give, natively, is what
//! `contactkit::codes` declares: a code the rule gives, and the params of its code with their
//! types (the npm package's TypeScript types are generated from the same declaration;
//! tests/node/codes.test.mjs checks the package's answers against them).

use contactkit::codes::{self, Rule};
use contactkit::payload::{
    build_contactship_contact_json, build_sdr_agent_contact_json, ContactshipOptions,
    SdrAgentOptions,
};
use contactkit::phone::{self, PhoneOptions};
use contactkit::{country, email, linkedin, locale, timezone, FieldError, FieldOptions, Lang};

/// The committed fuzz corpus of `target`, each input as text.
fn corpus(target: &str) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut inputs: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect::<Vec<_>>())
        .unwrap_or_default()
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    assert!(!inputs.is_empty(), "no corpus for {target}");
    inputs.extend(["", " ", "+", "x".repeat(2000).as_str()].map(String::from));
    inputs
}

fn assert_declared(error: &FieldError, rule: Option<Rule>, input: &str) {
    if let Some(why) = codes::check(error, rule) {
        panic!("{input:?}: {why}");
    }
}

#[test]
fn field_rules_give_only_their_codes_with_their_declared_params() {
    type Check = fn(&str, Lang) -> Result<(), FieldError>;
    let rules: [(Rule, &str, Check); 6] = [
        (Rule::Email, "field_email", |s, l| {
            email::normalize(s, &FieldOptions::new(l)).map(drop)
        }),
        (Rule::LinkedIn, "field_linkedin", |s, l| {
            linkedin::normalize(s, &FieldOptions::new(l)).map(drop)
        }),
        (Rule::Locale, "field_locale", |s, l| {
            locale::normalize(s, &FieldOptions::new(l)).map(drop)
        }),
        (Rule::Timezone, "field_timezone", |s, l| {
            timezone::normalize(s, &FieldOptions::new(l)).map(drop)
        }),
        (Rule::Country, "field_country", |s, l| {
            country::normalize(s, &FieldOptions::new(l)).map(drop)
        }),
        (Rule::Phone, "field_phone", |s, l| {
            let opts = PhoneOptions {
                default_country: None,
                lang: l,
            };
            phone::normalize(s, &opts).map(drop)
        }),
    ];
    let mut failures = 0;
    for (rule, target, check) in rules {
        for input in corpus(target) {
            for lang in [Lang::En, Lang::Es] {
                if let Err(e) = check(&input, lang) {
                    failures += 1;
                    assert_declared(&e, Some(rule), &input);
                }
            }
        }
    }
    // Phone numbers under default countries, valid or not: the params of the length errors.
    let mut lengths = 0;
    for country in [None, Some("US"), Some("MX"), Some("Narnia")] {
        for digits in 0..16 {
            let number = "2125550123456789".get(..digits).unwrap_or_default();
            for prefix in ["", "+1 ", "+52 ", "+44 ", "+999 "] {
                let input = format!("{prefix}{number}");
                let opts = PhoneOptions {
                    default_country: country.map(String::from),
                    lang: Lang::Es,
                };
                if let Err(e) = phone::normalize(&input, &opts) {
                    lengths += usize::from(e.params.contains_key("possible_lengths"));
                    assert_declared(&e, Some(Rule::Phone), &input);
                }
            }
        }
    }
    assert!(failures > 50, "{failures} failures");
    assert!(lengths > 0, "no error with possible_lengths was checked");
}

#[test]
fn payload_errors_carry_their_declared_params() {
    let mut errors = 0;
    let contactship = [
        ContactshipOptions::default(),
        ContactshipOptions {
            lang: Lang::Es,
            default_country: Some("Narnia".into()),
            ..Default::default()
        },
    ];
    let sdr = [
        SdrAgentOptions::default(),
        SdrAgentOptions {
            api_key: Some(String::new()),
            import_id: Some("nope".into()),
            ..Default::default()
        },
    ];
    for input in corpus("build_contactship")
        .iter()
        .chain(&corpus("build_sdr_agent"))
    {
        for opts in &contactship {
            if let Err(list) = build_contactship_contact_json(input, opts) {
                for e in list {
                    errors += 1;
                    assert_declared(&e.error, None, input);
                }
            }
        }
        for opts in &sdr {
            if let Err(list) = build_sdr_agent_contact_json(input, opts) {
                for e in list {
                    errors += 1;
                    assert_declared(&e.error, None, input);
                }
            }
        }
    }
    assert!(errors > 20, "{errors} errors");
}
