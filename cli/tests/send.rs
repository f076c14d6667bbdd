//! `contactkit send` against the fake server (tests/fake/), with faults injected and a SIGKILL:
//! every valid contact ends on the server exactly once, no invalid one is sent, and a finished
//! run sends nothing more.

mod common;
mod fake;

use std::collections::HashSet;
use std::path::Path;
use std::process::{Output, Stdio};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use common::*;
use contactkit::payload::{validate_contacts, BatchOptions, ContactshipOptions};
use serde_json::{json, Map, Value};

const KEY: &str = "sk-test-0123456789";

fn send(dir: &Path, args: &[&str], key: Option<&str>) -> Output {
    let mut c = contactkit();
    c.current_dir(dir).arg("send").args(args);
    if let Some(k) = key {
        c.env("CONTACTSHIP_API_KEY", k).env("SDR_AGENT_API_KEY", k);
    }
    c.output().expect("run contactkit send")
}

/// The E.164 numbers the library finds valid (duplicates left out), from the same rows.
fn valid_phones(rows: &[Vec<String>]) -> HashSet<String> {
    let contacts: Vec<Value> = rows[1..]
        .iter()
        .map(|r| {
            let mut m = Map::new();
            for (field, i) in [
                ("full_name", 0),
                ("phone_number", 1),
                ("country", 2),
                ("email", 3),
                ("description", 4),
            ] {
                if !r[i].is_empty() {
                    m.insert(field.into(), Value::from(r[i].clone()));
                }
            }
            Value::Object(m)
        })
        .collect();
    let report = validate_contacts(
        &contacts,
        &BatchOptions::Contactship(ContactshipOptions::default()),
    );
    report
        .results
        .iter()
        .filter_map(|r| r.result.as_ref().ok())
        .map(|req| {
            let body: Value = serde_json::from_str(&req.body).unwrap();
            body["phone_number"].as_str().unwrap().to_string()
        })
        .collect()
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn faults_and_a_sigkill_leave_every_valid_contact_exactly_once() {
    let rt = runtime();
    let config = fake::Config {
        api_key: KEY.into(),
        fault_rate: 0.2,
        slow: Duration::from_millis(1200),
        retry_after: 1,
        ..Default::default()
    };
    let (addr, fake) = rt.block_on(fake::start(config, 0));
    let dir = scratch("send-faults");
    let rows = contactship_rows(1_200, 23, 0);
    write_csv(&dir.join("contacts.csv"), &rows);
    let valid = valid_phones(&rows);
    assert!(valid.len() > 1_000);
    // A contact the API already has: its row is answered 409 and counted as already there.
    let existing = valid.iter().next().unwrap().clone();
    fake.store
        .lock()
        .unwrap()
        .contactship
        .insert(existing.clone(), json!({}));

    let base = format!("http://{addr}");
    let args = [
        "contacts.csv",
        "--target",
        "contactship",
        "--base-url",
        &base,
        "--concurrency",
        "16",
        "--timeout",
        "0.5",
        "--retries",
        "30",
    ];
    // First run: killed (SIGKILL) once part of the contacts are stored.
    let mut child = contactkit()
        .current_dir(&dir)
        .arg("send")
        .args(args)
        .env("CONTACTSHIP_API_KEY", KEY)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while fake.store.lock().unwrap().stored < 300 {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the first run stalled"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "the first run ended before the kill"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let journal = std::fs::read_to_string(dir.join("contacts.csv.journal")).unwrap();
    assert!(journal.starts_with("contactkit-journal 1 target=contactship"));

    // Second run: to the end. Invalid rows make the status 1.
    let out = send(&dir, &args, Some(KEY));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(!err.contains(KEY) && !String::from_utf8_lossy(&out.stdout).contains(KEY));
    assert!(err.contains("done by an earlier run"), "{err}");
    assert!(
        fake.faults.load(Ordering::Relaxed) > 100,
        "faults were injected"
    );

    let store = fake.store.lock().unwrap();
    let stored: HashSet<String> = store.contactship.keys().cloned().collect();
    assert_eq!(stored, valid, "every valid contact, and nothing else");
    // Exactly once: the server stored each valid contact once (the existing one before).
    assert_eq!(store.stored as usize, valid.len() - 1);
    // No invalid row was sent: every body received is one of the valid contacts.
    for body in &store.received {
        assert!(
            valid.contains(body["phone_number"].as_str().unwrap()),
            "{body}"
        );
    }
    let requests = fake.requests.load(Ordering::Relaxed);
    drop(store);

    // Third run: everything is acknowledged, nothing is sent.
    let out = send(&dir, &args, Some(KEY));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        fake.requests.load(Ordering::Relaxed),
        requests,
        "{}",
        stderr(&out)
    );
    // Every valid contact is accounted for, once: as created, or as already there. (The one
    // stored before the first run is "already there" when its first answer was a 409, and
    // created when a fault made that a retry: a 409 on a retry counts as created.)
    let err = stderr(&out);
    let count = |label: &str| -> usize {
        let at = err
            .find(label)
            .unwrap_or_else(|| panic!("no {label:?} in {err}"));
        let digits: String = err[..at]
            .chars()
            .rev()
            .skip_while(|c| *c == ' ')
            .take_while(char::is_ascii_digit)
            .collect();
        digits.chars().rev().collect::<String>().parse().unwrap()
    };
    assert_eq!(
        count(" created") + count(" already there"),
        valid.len(),
        "{err}"
    );
}

#[test]
fn the_sdr_agent_import_flow_with_faults() {
    let rt = runtime();
    let config = fake::Config {
        api_key: KEY.into(),
        fault_rate: 0.1,
        slow: Duration::from_millis(800),
        retry_after: 1,
        seed: 7,
        ..Default::default()
    };
    let (addr, fake) = rt.block_on(fake::start(config, 0));
    let dir = scratch("send-sdr");
    let mut text = String::from("Name,Email,LinkedIn,Company\n");
    for i in 0..300 {
        let email = if i == 150 {
            "Person0@Example.com".to_string()
        } else {
            format!("person{i}@example.com")
        };
        text.push_str(&format!(
            "Person {i},{email},linkedin.com/in/person-{i},Acme\n"
        ));
    }
    std::fs::write(dir.join("people.csv"), text).unwrap();
    let campaign = "0b6f3f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    let base = format!("http://{addr}");
    let args = [
        "people.csv",
        "--target",
        "sdr-agent",
        "--base-url",
        &base,
        "--campaign",
        campaign,
        "--timeout",
        "0.4",
        "--retries",
        "30",
    ];
    let out = send(&dir, &args, Some(KEY));
    // Row 152 repeats row 2's email (case aside): invalid, status 1.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let store = fake.store.lock().unwrap();
    assert_eq!(store.sdr.len(), 299);
    let imports: Vec<&Value> = store
        .imports
        .values()
        .filter(|i| i["status"] == "completed")
        .collect();
    assert_eq!(imports.len(), 1, "{:?}", store.imports);
    let import = imports[0]["id"].as_str().unwrap().to_string();
    assert_eq!(imports[0]["total_rows"], 299);
    assert!(store
        .sdr
        .values()
        .all(|(_, id)| id.as_deref() == Some(import.as_str())));
    assert_eq!(store.links, vec![(campaign.to_string(), import.clone())]);
    drop(store);
    let journal = std::fs::read_to_string(dir.join("people.csv.journal")).unwrap();
    assert!(journal.contains(&format!("import {import}\n")) && journal.contains("completed 299\n"));
}

#[test]
fn a_refused_key_stops_the_run() {
    let rt = runtime();
    let (addr, fake) = rt.block_on(fake::start(
        fake::Config {
            api_key: KEY.into(),
            ..Default::default()
        },
        0,
    ));
    let dir = scratch("send-401");
    write_csv(&dir.join("c.csv"), &contactship_rows(500, 0, 0));
    let base = format!("http://{addr}");
    let out = send(
        &dir,
        &[
            "c.csv",
            "--target",
            "contactship",
            "--base-url",
            &base,
            "--concurrency",
            "4",
        ],
        Some("wrong-key-777"),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("refused the credentials (HTTP 401)"), "{err}");
    assert!(!err.contains("wrong-key-777"));
    // Stopped at once: the requests in flight at most, and a few the batch had started.
    assert!(
        fake.requests.load(Ordering::Relaxed) <= 70,
        "{}",
        fake.requests.load(Ordering::Relaxed)
    );
    assert!(fake.store.lock().unwrap().contactship.is_empty());
}

#[test]
fn keys_urls_and_dry_runs() {
    let dir = scratch("send-usage");
    write_csv(&dir.join("c.csv"), &contactship_rows(3, 0, 0));
    let args = ["c.csv", "--target", "contactship"];

    let out = send(&dir, &args, None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("set CONTACTSHIP_API_KEY or give --api-key-file"));

    for url in [
        "http://example.com",
        "ftp://127.0.0.1",
        "http://10.0.0.1:8080",
    ] {
        let out = send(&dir, &[&args[..], &["--base-url", url]].concat(), Some(KEY));
        assert_eq!(out.status.code(), Some(2), "{url}");
        assert!(stderr(&out).contains("only https, or http on a loopback address"));
    }

    // The key from a file; --dry-run prints the requests without it and writes no journal.
    std::fs::write(dir.join("key.txt"), format!("{KEY}\n")).unwrap();
    let out = send(
        &dir,
        &[&args[..], &["--api-key-file", "key.txt", "--dry-run"]].concat(),
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains(KEY));
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["row"], 2);
    assert_eq!(lines[0]["request"]["headers"]["x-api-key"], "<redacted>");
    assert_eq!(
        lines[0]["request"]["url"],
        "https://api.contactship.ai/v1/contacts"
    );
    assert!(!dir.join("c.csv.journal").exists());
}

#[test]
fn a_journal_of_another_input_is_refused() {
    let rt = runtime();
    let (addr, fake) = rt.block_on(fake::start(
        fake::Config {
            api_key: KEY.into(),
            ..Default::default()
        },
        0,
    ));
    let dir = scratch("send-journal");
    let rows = contactship_rows(40, 0, 0);
    write_csv(&dir.join("c.csv"), &rows);
    let base = format!("http://{addr}");
    let args = ["c.csv", "--target", "contactship", "--base-url", &base];
    // Row 5 repeats row 3's number: invalid, status 1.
    assert_eq!(send(&dir, &args, Some(KEY)).status.code(), Some(1));
    assert_eq!(
        fake.store.lock().unwrap().contactship.len(),
        valid_phones(&rows).len()
    );
    write_csv(&dir.join("c.csv"), &rows[..30]);
    let out = send(&dir, &args, Some(KEY));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the input or target changed"),
        "{}",
        stderr(&out)
    );
}
