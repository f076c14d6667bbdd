//! Differential test of the phone rule against libphonenumber itself.
//!
//! The corpus is written by `scripts/phone_oracle.py` with python `phonenumbers` (pinned to the
//! libphonenumber release of the metadata compiled in, [`METADATA_VERSION`]) as the oracle: every
//! region's example number of every type in many spellings, plus corrupted variants. Generate
//! it (`scripts/setup.sh test` installs the oracle), then run:
//!
//! ```sh
//! .venv/bin/python scripts/phone_oracle.py
//! cargo test --test phone_differential -- --ignored --nocapture   # --release runs it faster
//! ```
//!
//! Both tests fail when the oracle is of another release than the metadata: the one that reads
//! the corpus (whose first line names the release that judged it), and one that asks the
//! installed oracle (`.venv/bin/python`).
//!
//! The corpus path can be changed with `CONTACTKIT_PHONE_ORACLE`. Every case must agree exactly:
//! validity and E.164, and for valid numbers the number type, region, extension, international
//! and national formats; for numbers both reject, the error code, which is libphonenumber's
//! reason (its parse exception, else `isPossibleNumberWithReason`) mapped as the table in
//! `src/phone/mod.rs` says. The only differences are the deliberate ones of [`DELIBERATE`]
//! (also in `docs/fidelity.md`): for those cases the corpus holds the verdict contactkit's rule
//! calls for, and its column `note` names the difference.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::PathBuf;

use contactkit::phone::{normalize, PhoneOptions, METADATA_VERSION};

#[path = "oracle/corpus.rs"]
mod corpus;

/// Where contactkit reads an input otherwise than libphonenumber, on purpose: the corpus's
/// `note`, and why. `scripts/phone_oracle.py` judges these cases as contactkit's rule says
/// (the `00_as_plus` verdict is libphonenumber's for the number written with `+`).
const DELIBERATE: &[(&str, &str)] = &[
    (
        "00_as_plus",
        "a leading 00 (not 000) is the international prefix with no default country, or with \
         one whose own international prefix does not start the digits (011 in the US): people \
         write 00 in Europe, Latin America and most of the world, whichever form they fill in; \
         libphonenumber reads those digits as a national number (or, with no default region, \
         as nothing)",
    ),
    (
        "default_upper_cased",
        "the default country is read in any case (`mx`), as a country code is everywhere else \
         in contactkit; libphonenumber knows upper-case region codes only",
    ),
];

struct Case {
    id: String,
    kind: String,
    input: String,
    default: String,
    valid: bool,
    e164: String,
    number_type: String,
    region: String,
    extension: String,
    international: String,
    national: String,
    /// contactkit's code for libphonenumber's reason, when not valid.
    error: String,
    /// The deliberate difference this case's verdict follows ([`DELIBERATE`]), or empty.
    note: String,
}

fn corpus_path() -> PathBuf {
    match std::env::var_os("CONTACTKIT_PHONE_ORACLE") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/phone.tsv"),
    }
}

/// The corpus, once [`corpus::read`] has checked its release.
fn load() -> Vec<Case> {
    let path = corpus_path();
    let text = corpus::read(
        &path,
        "  bash scripts/setup.sh test\n  .venv/bin/python scripts/phone_oracle.py\n\
         or point CONTACTKIT_PHONE_ORACLE at an existing corpus.",
    );
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("empty corpus").split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("corpus has no column {name}"))
    };
    let (id, kind, input, default, valid, e164, number_type, region, extension, intl, natl) = (
        col("id"),
        col("kind"),
        col("input"),
        col("default"),
        col("valid"),
        col("e164"),
        col("type"),
        col("region"),
        col("extension"),
        col("intl_fmt"),
        col("natl_fmt"),
    );
    let (error, note) = (col("error"), col("note"));
    lines
        .filter(|l| !l.is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), header.len(), "malformed corpus line: {line}");
            Case {
                id: f[id].into(),
                kind: f[kind].into(),
                input: f[input].into(),
                default: f[default].into(),
                valid: f[valid] == "1",
                e164: f[e164].into(),
                number_type: f[number_type].into(),
                region: f[region].into(),
                extension: f[extension].into(),
                international: f[intl].into(),
                national: f[natl].into(),
                error: f[error].into(),
                note: f[note].into(),
            }
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    compared: usize,
    agreed: usize,
}

impl Tally {
    fn add(&mut self, agreed: bool) {
        self.compared += 1;
        self.agreed += usize::from(agreed);
    }
    /// Every case compared agrees.
    fn all(&self) -> bool {
        self.agreed == self.compared
    }
    fn rate(&self) -> f64 {
        if self.compared == 0 {
            1.0
        } else {
            self.agreed as f64 / self.compared as f64
        }
    }
    fn line(&self, what: &str) -> String {
        format!(
            "{what:<28} {:>6} / {:<6} = {:.3}%",
            self.agreed,
            self.compared,
            100.0 * self.rate()
        )
    }
}

#[test]
#[ignore = "needs the oracle corpus: run scripts/phone_oracle.py, then --ignored"]
fn agrees_with_libphonenumber() {
    let cases = load();
    assert!(!cases.is_empty(), "the corpus has no cases");

    let mut validity = Tally::default();
    let (mut number_type, mut region, mut extension) =
        (Tally::default(), Tally::default(), Tally::default());
    let (mut international, mut national) = (Tally::default(), Tally::default());
    let mut error_code = Tally::default();
    let mut disagreements = Vec::new();
    let mut detail_disagreements = Vec::new();
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let mut our_codes: BTreeMap<String, usize> = BTreeMap::new();
    let mut notes: BTreeMap<&str, usize> = BTreeMap::new();

    for case in &cases {
        if !case.note.is_empty() {
            *notes.entry(&case.note).or_default() += 1;
        }
        let opts = PhoneOptions {
            default_country: (!case.default.is_empty()).then(|| case.default.clone()),
            ..Default::default()
        };
        let ours = normalize(&case.input, &opts);
        let agree = match &ours {
            Ok(p) => case.valid && p.e164 == case.e164,
            Err(_) => !case.valid,
        };
        validity.add(agree);
        if !agree {
            *by_kind.entry(&case.kind).or_default() += 1;
            let got = match &ours {
                Ok(p) => format!("valid {}", p.e164),
                Err(e) => format!("{}", e.code),
            };
            let want = if case.valid {
                format!("valid {}", case.e164)
            } else {
                "invalid".into()
            };
            disagreements.push(format!(
                "#{} {:<22} {:?} default={:<2} oracle: {want}; ours: {got}",
                case.id, case.kind, case.input, case.default
            ));
        }
        match &ours {
            Err(e) if !case.valid => {
                *our_codes.entry(e.code.to_string()).or_default() += 1;
                let got = e.code.as_str();
                error_code.add(got == case.error);
                if got != case.error {
                    detail_disagreements.push(format!(
                        "#{} {:<10} {:?} default={:<2} oracle: {:?}; ours: {got:?}",
                        case.id, "error", case.input, case.default, case.error
                    ));
                }
            }
            Ok(p) if agree => {
                let mut detail = |tally: &mut Tally, what: &str, want: &str, got: &str| {
                    tally.add(want == got);
                    if want != got {
                        detail_disagreements.push(format!(
                            "#{} {:<10} {:?} default={:<2} oracle: {want:?}; ours: {got:?}",
                            case.id, what, case.input, case.default
                        ));
                    }
                };
                detail(
                    &mut number_type,
                    "type",
                    &case.number_type,
                    p.number_type.as_str(),
                );
                detail(
                    &mut region,
                    "region",
                    &case.region,
                    p.region.as_deref().unwrap_or(""),
                );
                detail(
                    &mut extension,
                    "extension",
                    &case.extension,
                    p.extension.as_deref().unwrap_or(""),
                );
                detail(
                    &mut international,
                    "intl",
                    &case.international,
                    &p.international,
                );
                detail(&mut national, "national", &case.national, &p.national);
            }
            _ => {}
        }
    }

    println!(
        "phone differential: {} cases from {}",
        cases.len(),
        corpus_path().display()
    );
    println!("{}", validity.line("validity + E.164"));
    println!("{}", number_type.line("number type (both valid)"));
    println!("{}", region.line("region (both valid)"));
    println!("{}", extension.line("extension (both valid)"));
    println!("{}", international.line("international format"));
    println!("{}", national.line("national format"));
    println!("{}", error_code.line("error code (both invalid)"));
    println!("our codes for the oracle's invalid cases: {our_codes:?}");
    println!("deliberate differences (the corpus's verdict follows contactkit): {notes:?}");
    if !by_kind.is_empty() {
        println!("validity disagreements by kind: {by_kind:?}");
    }
    for d in disagreements.iter().take(20) {
        println!("  {d}");
    }
    if !detail_disagreements.is_empty() {
        println!("first detail disagreements (type, region, extension, formats, error code):");
        for d in detail_disagreements.iter().take(20) {
            println!("  {d}");
        }
    }

    // Every note is a listed difference, and every listed difference still occurs.
    let listed: Vec<&str> = DELIBERATE.iter().map(|(note, _)| *note).collect();
    assert_eq!(
        notes.keys().copied().collect::<Vec<_>>(),
        listed,
        "the corpus's notes and DELIBERATE differ"
    );
    // Both verdicts are in the corpus, and every case of each was compared in full.
    let valid = cases.iter().filter(|c| c.valid).count();
    assert!(
        valid > 0 && valid < cases.len(),
        "{valid} of {} valid",
        cases.len()
    );
    assert_eq!(validity.compared, cases.len());
    for (what, tally) in [
        ("number type", &number_type),
        ("region", &region),
        ("extension", &extension),
        ("international format", &international),
        ("national format", &national),
    ] {
        assert_eq!(
            tally.compared, valid,
            "{what}: not every valid case compared"
        );
    }
    assert_eq!(error_code.compared, cases.len() - valid);
    for (what, tally) in [
        ("validity + E.164", &validity),
        ("number type", &number_type),
        ("region", &region),
        ("extension", &extension),
        ("international format", &international),
        ("national format", &national),
        ("error code", &error_code),
    ] {
        assert!(
            tally.all(),
            "{what}: {} of {} cases disagree with libphonenumber (listed above)",
            tally.compared - tally.agreed,
            tally.compared
        );
    }
}

/// The installed oracle is the metadata's release (else the corpus it writes compares two
/// releases, and its disagreements are metadata changes, not bugs).
#[test]
#[ignore = "needs the oracle in .venv/: scripts/setup.sh test"]
fn installed_oracle_is_the_metadata_release() {
    let python = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/python");
    let out = std::process::Command::new(&python)
        .args(["-c", "import phonenumbers; print(phonenumbers.__version__)"])
        .output()
        .unwrap_or_else(|e| panic!("cannot run {} ({e})", python.display()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let installed = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert_eq!(
        installed, METADATA_VERSION,
        "python phonenumbers {installed} is installed, the metadata is libphonenumber \
         {METADATA_VERSION}: run scripts/setup.sh test"
    );
}
