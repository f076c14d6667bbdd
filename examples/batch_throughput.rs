//! Batch throughput: rows per second of `BatchValidator`, natively, on rows from
//! `scripts/gen_mixed_rows.py` (JSON Lines).
//!
//! ```sh
//! python3 scripts/gen_mixed_rows.py 100000 > target/mixed_rows.jsonl
//! cargo run --release --example batch_throughput -- target/mixed_rows.jsonl [--breakdown]
//! ```
//!
//! Prints, for Contactship (phone numbers of every region, mixed) and for the SDR Agent (the
//! same rows as email + LinkedIn contacts), the time to validate all rows in chunks of 1,000,
//! the rows per second, and the summary.

use std::time::Instant;

use contactkit::payload::{
    BatchOptions, BatchSummary, BatchValidator, ContactshipOptions, SdrAgentOptions,
};
use serde_json::{json, Value};

const CHUNK: usize = 1000;

fn run(label: &str, rows: &[Value], opts: &BatchOptions) -> BatchSummary {
    let start = Instant::now();
    let mut v = BatchValidator::new(opts);
    let mut kept = 0usize;
    for chunk in rows.chunks(CHUNK) {
        let results = v.validate(chunk);
        kept += results.len();
    }
    let secs = start.elapsed().as_secs_f64();
    let s = v.summary();
    println!(
        "{label:<40} {:>7} rows in {secs:>6.2} s = {:>8.0} rows/s  (valid {}, invalid {}, duplicates {})",
        kept,
        s.total as f64 / secs,
        s.valid,
        s.invalid,
        s.duplicates
    );
    s
}

/// Times one field rule over every row's value, to show where a batch spends its time.
fn time_rule<F: FnMut(&Value) -> bool>(label: &str, rows: &[Value], mut rule: F) {
    let start = Instant::now();
    let ok = rows.iter().filter(|r| rule(r)).count();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "  {label:<38} {:>6.2} µs/row  ({ok} valid)",
        secs * 1e6 / rows.len() as f64
    );
}

fn breakdown(rows: &[Value], sdr_rows: &[Value]) {
    use contactkit::{country, email, linkedin, locale, phone, timezone, FieldOptions};
    let o = FieldOptions::default();
    let s = |v: &Value, k: &str| v[k].as_str().unwrap_or("").to_string();
    println!("field rules alone:");
    time_rule("country::normalize", rows, |r| {
        country::normalize(&s(r, "country"), &o).is_ok()
    });
    time_rule("phone::normalize (row's country)", rows, |r| {
        let opts = phone::PhoneOptions {
            default_country: Some(s(r, "country")),
            ..Default::default()
        };
        phone::normalize(&s(r, "phone_number"), &opts).is_ok()
    });
    time_rule("email::normalize", rows, |r| {
        email::normalize(&s(r, "email"), &o).is_ok()
    });
    time_rule("linkedin::normalize", sdr_rows, |r| {
        linkedin::normalize(&s(r, "linkedin_profile"), &o).is_ok()
    });
    time_rule("locale::normalize", sdr_rows, |r| {
        locale::normalize(&s(r, "locale"), &o).is_ok()
    });
    time_rule("timezone::normalize", sdr_rows, |r| {
        timezone::normalize(&s(r, "timezone"), &o).is_ok()
    });
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/mixed_rows.jsonl".into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let rows: Vec<Value> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a JSON row"))
        .collect();
    println!("{} rows from {path}", rows.len());

    let contactship = BatchOptions::Contactship(ContactshipOptions {
        api_key: Some("bench-key".into()),
        ..Default::default()
    });
    run("contactship (phone, country, email)", &rows, &contactship);

    let sdr_rows: Vec<Value> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            json!({
                "full_name": r["full_name"],
                "email": r["email"],
                "linkedin_profile": format!("linkedin.com/in/contact-{i}"),
                "locale": "es-MX",
                "timezone": "America/Mexico_City",
                "metadata": {"row": i, "source": "bench"}
            })
        })
        .collect();
    let sdr = BatchOptions::SdrAgent(SdrAgentOptions {
        api_key: Some("bench-key".into()),
        import_id: Some("7c9e6679-7425-40de-944b-e07fc1f90ae7".into()),
        ..Default::default()
    });
    run("sdr_agent (email, linkedin, locale, tz)", &sdr_rows, &sdr);
    if std::env::args().any(|a| a == "--breakdown") {
        breakdown(&rows, &sdr_rows);
    }
}
