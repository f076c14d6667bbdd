//! What the command's tests share: running the binary, scratch folders, generated rows.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A fresh scratch folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("contactkit-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// The `contactkit` command, with no API key in its environment.
pub fn contactkit() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_contactkit"));
    c.env_remove("CONTACTSHIP_API_KEY")
        .env_remove("SDR_AGENT_API_KEY")
        .stdin(Stdio::null());
    c
}

/// Runs `contactkit args...`.
pub fn run(args: &[&str]) -> Output {
    contactkit().args(args).output().expect("run contactkit")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A CSV cell, quoted when it must be.
pub fn cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Writes rows of cells as CSV.
pub fn write_csv(path: &Path, rows: &[Vec<String>]) {
    let text: String = rows
        .iter()
        .map(|r| r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",") + "\n")
        .collect();
    std::fs::write(path, text).expect("write csv");
}

/// National numbers of a few countries, `n` making each distinct, with the country's code.
pub fn phone(n: u64) -> (String, &'static str) {
    match n % 6 {
        0 => (
            format!("(212) {:03}-{:04}", 200 + (n / 6) % 700, n % 10_000),
            "US",
        ),
        1 => (
            format!(
                "6{:02} {:03} {:03}",
                n % 100,
                (n / 100) % 1000,
                (n / 7) % 1000
            ),
            "ES",
        ),
        2 => (
            format!("55 {:04} {:04}", 1000 + (n / 6) % 9000, n % 10_000),
            "MX",
        ),
        3 => (
            format!(
                "06 {:02} {:02} {:02} {:02}",
                n % 100,
                (n / 100) % 100,
                (n / 6) % 100,
                11
            ),
            "FR",
        ),
        4 => (
            format!("11 9{:04}-{:04}", 1000 + (n / 6) % 9000, n % 10_000),
            "BR",
        ),
        _ => (format!("98{:03} {:05}", (n / 6) % 1000, n % 100_000), "IN"),
    }
}

/// A Contactship file: `Name, Phone, Country, Email, Notes, Source`, with invalid rows every
/// `bad` rows and a repeat of an earlier row's phone every `dup` rows.
pub fn contactship_rows(count: u64, bad: u64, dup: u64) -> Vec<Vec<String>> {
    let mut rows = vec![["Name", "Phone", "Country", "Email", "Notes", "Source"]
        .map(String::from)
        .to_vec()];
    for i in 0..count {
        let (mut number, country) = phone(i);
        let mut name = format!("Contact {i}");
        let mut email = if i % 3 == 0 {
            format!("c{i}@example.com")
        } else {
            String::new()
        };
        if bad > 0 && i % bad == 5 {
            match (i / bad) % 4 {
                0 => number = "12".into(),
                1 => name = String::new(),
                2 => email = "not an email".into(),
                _ => number = "phone".into(),
            }
        }
        if dup > 0 && i % dup == dup - 1 && i > 4_500 {
            // Far back: in another chunk of the pipeline.
            number = phone(i - 4_500).0;
            let _ = country;
            rows.push(vec![
                name,
                number,
                phone(i - 4_500).1.into(),
                email,
                String::new(),
                "dup".into(),
            ]);
            continue;
        }
        if i % 997 == 3 {
            // Near: in the same chunk.
            let (near, near_country) = phone(i - 2);
            rows.push(vec![
                name,
                near,
                near_country.into(),
                email,
                String::new(),
                "near".into(),
            ]);
            continue;
        }
        rows.push(vec![
            name,
            number,
            country.into(),
            email,
            format!("note {i}"),
            "fair".into(),
        ]);
    }
    rows
}
