//! The generated locale, timezone and country tables checked against the datasets they come
//! from (native only: it reads files and runs the generators).
//!
//! `scripts/fetch_data_sources.sh` puts the pinned datasets in `target/data-sources/` (it is
//! run here, and skips what is already there); it needs python3 with pip and npm the first time.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use contactkit::{country, locale, timezone, ErrorCode, FieldOptions};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `target/data-sources/`, fetched once per test run.
fn sources() -> &'static Path {
    static FETCHED: OnceLock<PathBuf> = OnceLock::new();
    FETCHED.get_or_init(|| {
        let status = Command::new("bash")
            .arg(root().join("scripts/fetch_data_sources.sh"))
            .status()
            .expect("run scripts/fetch_data_sources.sh");
        assert!(status.success(), "scripts/fetch_data_sources.sh failed");
        root().join("target/data-sources")
    })
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn opts() -> FieldOptions {
    FieldOptions::default()
}

#[test]
fn committed_tables_are_what_the_generators_make() {
    let src = sources();
    for (table, script, source) in [
        (
            "src/data/locale.rs",
            "scripts/gen_locale_data.py",
            src.join("language-subtag-registry"),
        ),
        (
            "src/data/timezone.rs",
            "scripts/gen_timezone_data.py",
            src.join("python/tzdata"),
        ),
        (
            "src/data/country.rs",
            "scripts/gen_country_data.py",
            src.join("python/pycountry"),
        ),
    ] {
        let generated = Command::new("bash")
            .arg("-c")
            .arg(r#"python3 "$1" "$2" | rustfmt --edition 2021 --emit stdout"#)
            .arg("gen")
            .arg(root().join(script))
            .arg(&source)
            .output()
            .expect("run the generator");
        assert!(
            generated.status.success(),
            "{script}: {}",
            String::from_utf8_lossy(&generated.stderr)
        );
        let generated = String::from_utf8(generated.stdout).unwrap();
        assert!(
            generated == read(&root().join(table)),
            "{table} differs from what {script} generates: run scripts/gen_data.sh"
        );
    }
}

// ---- timezone: the IANA tz database ----

#[test]
fn every_tz_name_resolves_as_the_database_says() {
    let zoneinfo = sources().join("python/tzdata/zoneinfo");
    let zi = read(&zoneinfo.join("tzdata.zi"));
    let zone_tab: BTreeSet<String> = read(&zoneinfo.join("zone.tab"))
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(2))
        .map(str::to_string)
        .collect();
    let utc = |name: &str| matches!(name, "Etc/UTC" | "Etc/GMT");
    let mut zones = 0;
    let mut links = 0;
    for line in zi.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        match parts.as_slice() {
            ["Z", name, ..] if *name != "Factory" => {
                zones += 1;
                let want = if utc(name) { "UTC" } else { name };
                let tz = timezone::normalize(name, &opts()).unwrap();
                assert_eq!(tz.value, want, "zone {name}");
            }
            ["L", target, name] => {
                links += 1;
                let want = if zone_tab.contains(*name) {
                    name
                } else if utc(target) {
                    "UTC"
                } else {
                    target
                };
                let tz = timezone::normalize(name, &opts()).unwrap();
                assert_eq!(tz.value, want, "link {name} → {target}");
                assert_eq!(
                    timezone::normalize(&name.to_lowercase(), &opts())
                        .unwrap()
                        .value,
                    want
                );
            }
            _ => {}
        }
    }
    assert!(zones > 300 && links > 200, "{zones} zones, {links} links");
    for name in &zone_tab {
        assert_eq!(&timezone::normalize(name, &opts()).unwrap().value, name);
    }
    assert_eq!(
        timezone::names().count(),
        zones + links,
        "every zone and link (UTC is a link)"
    );
    let canonical: BTreeSet<&str> = timezone::canonical_names().collect();
    let zone_names: BTreeSet<&str> = zi
        .lines()
        .filter_map(|l| l.strip_prefix("Z "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| *n != "Factory" && !utc(n))
        .collect();
    let expected: BTreeSet<&str> = zone_names
        .iter()
        .copied()
        .chain(zone_tab.iter().map(String::as_str))
        .chain(["UTC"])
        .collect();
    assert_eq!(canonical, expected);
    assert_eq!(
        timezone::TZDB_VERSION,
        zi.lines()
            .next()
            .and_then(|l| l.strip_prefix("# version "))
            .unwrap()
    );
}

// ---- locale: the IANA Language Subtag Registry ----

fn registry() -> Vec<BTreeMap<String, serde_json::Value>> {
    let path = sources().join("language-subtag-registry/data/json/registry.json");
    serde_json::from_str(&read(&path)).unwrap()
}

fn field<'a>(r: &'a BTreeMap<String, serde_json::Value>, name: &str) -> Option<&'a str> {
    r.get(name).and_then(|v| v.as_str())
}

#[test]
fn every_registered_subtag_is_accepted_and_canonicalized_as_the_registry_says() {
    let records = registry();
    let private = |r: &BTreeMap<String, serde_json::Value>| {
        field(r, "Subtag").is_some_and(|s| s.contains(".."))
            || r.get("Description") == Some(&serde_json::json!(["Private use"]))
    };
    let mut checked = 0;
    for r in records.iter().filter(|r| !private(r)) {
        let kind = field(r, "Type").unwrap();
        let subtag = field(r, "Subtag");
        let preferred = field(r, "Preferred-Value");
        let (input, want) = match (kind, subtag) {
            ("language", Some(s)) => (s.to_string(), preferred.unwrap_or(s).to_string()),
            ("script", Some(s)) => (
                format!("und-{}", s.to_lowercase()),
                format!("und-{}", preferred.unwrap_or(s)),
            ),
            ("region", Some(s)) => (
                format!("und-{}", s.to_lowercase()),
                format!("und-{}", preferred.unwrap_or(s)),
            ),
            ("extlang", Some(s)) => {
                // The extlang becomes the language, which may itself be deprecated.
                let prefix = r["Prefix"][0].as_str().unwrap();
                (format!("{prefix}-{s}"), canonical(s))
            }
            ("variant", Some(s)) => {
                let prefix = r
                    .get("Prefix")
                    .and_then(|p| p[0].as_str())
                    .unwrap_or("en")
                    .to_string();
                let got = locale::normalize(&format!("{prefix}-{s}"), &opts())
                    .unwrap_or_else(|e| panic!("{prefix}-{s}: {e}"));
                let want_variant = preferred.unwrap_or(s).to_lowercase();
                assert!(got.value.ends_with(&want_variant), "{}", got.value);
                checked += 1;
                continue;
            }
            ("grandfathered" | "redundant", None) => {
                let tag = field(r, "Tag").unwrap();
                match (kind, preferred) {
                    (_, Some(p)) => (tag.to_string(), canonical(p)),
                    ("grandfathered", None) => {
                        let e = locale::normalize(tag, &opts()).unwrap_err();
                        assert_eq!(e.code, ErrorCode::LocaleMalformed, "{tag}");
                        continue;
                    }
                    _ => continue, // a redundant tag without Preferred-Value is a normal tag
                }
            }
            _ => panic!("unexpected record {r:?}"),
        };
        let got = locale::normalize(&input, &opts())
            .unwrap_or_else(|e| panic!("{kind} {input}: {e}"))
            .value;
        assert_eq!(got, want, "{kind} {input}");
        checked += 1;
    }
    assert!(checked > 9000, "{checked}");
    assert_eq!(
        Some(locale::REGISTRY_DATE),
        serde_json::from_str::<serde_json::Value>(&read(
            &sources().join("language-subtag-registry/data/json/meta.json")
        ))
        .unwrap()["File-Date"]
            .as_str()
    );
}

/// The canonical form of a registry Preferred-Value, which may itself carry a script the
/// language implies.
fn canonical(tag: &str) -> String {
    locale::normalize(tag, &opts()).unwrap().value
}

#[test]
fn every_two_and_three_letter_language_is_accepted_exactly_when_registered() {
    let registered: BTreeSet<String> = registry()
        .iter()
        .filter(|r| field(r, "Type") == Some("language"))
        .filter_map(|r| field(r, "Subtag"))
        .filter(|s| !s.contains(".."))
        .map(str::to_string)
        .collect();
    let letters = b'a'..=b'z';
    let mut codes: Vec<String> = Vec::new();
    for a in letters.clone() {
        for b in letters.clone() {
            codes.push(String::from_utf8(vec![a, b]).unwrap());
            for c in letters.clone() {
                codes.push(String::from_utf8(vec![a, b, c]).unwrap());
            }
        }
    }
    for code in codes {
        let result = locale::normalize(&code, &opts());
        assert_eq!(result.is_ok(), registered.contains(&code), "{code}");
        if let Err(e) = result {
            assert_eq!(e.code, ErrorCode::LocaleUnknownLanguage, "{code}");
        }
    }
}

// ---- country: ISO 3166-1 from Debian iso-codes (pycountry) ----

#[test]
fn every_country_resolves_from_its_iso_codes_data() {
    let path = sources().join("python/pycountry/databases/iso3166-1.json");
    let json: serde_json::Value = serde_json::from_str(&read(&path)).unwrap();
    let list = json["3166-1"].as_array().unwrap();
    assert_eq!(list.len(), country::all().count());
    for c in list {
        let alpha2 = c["alpha_2"].as_str().unwrap();
        let alpha3 = c["alpha_3"].as_str().unwrap();
        let found = country::by_alpha2(alpha2).unwrap();
        assert_eq!(found.alpha3, alpha3);
        let english = c["common_name"].as_str().or(c["name"].as_str()).unwrap();
        assert_eq!(found.name, english);
        for key in ["name", "official_name", "common_name"] {
            if let Some(name) = c[key].as_str() {
                assert_resolves(name, alpha2);
            }
        }
    }
}

#[test]
fn every_translated_name_resolves_to_its_country() {
    let script = r#"
import gettext, json, sys
src = sys.argv[1]
data = json.load(open(src + "/databases/iso3166-1.json"))["3166-1"]
for lang in ["es", "pt", "pt_BR", "fr", "de"]:
    t = gettext.translation("iso3166-1", src + "/locales", languages=[lang])
    for c in data:
        fields = ["name", "common_name"] + (["official_name"] if lang == "es" else [])
        for f in fields:
            if f in c:
                print(c["alpha_2"], t.gettext(c[f]), sep="\t")
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(sources().join("python/pycountry"))
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut n = 0;
    for line in text.lines() {
        let (alpha2, name) = line.split_once('\t').unwrap();
        assert_resolves(name, alpha2);
        n += 1;
    }
    assert!(n > 249 * 5, "{n}");
}

/// `name` gives `alpha2`, or says it is ambiguous with `alpha2` among the candidates.
fn assert_resolves(name: &str, alpha2: &str) {
    match country::normalize(name, &opts()) {
        Ok(c) => assert_eq!(c.value, alpha2, "{name:?}"),
        Err(e) if e.code == ErrorCode::CountryAmbiguous => {
            let candidates = e.params["candidates"].as_str().unwrap();
            assert!(
                candidates.split(", ").any(|c| c == alpha2),
                "{name:?}: {candidates}"
            );
        }
        Err(e) => panic!("{name:?} ({alpha2}): {e}"),
    }
}
