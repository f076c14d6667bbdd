//! `contactkit check`: the answers of one library validator over the whole file, whatever the
//! encoding or format, with row numbers as the source counts them.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::*;
use contactkit::payload::{validate_contacts, BatchOptions, ContactshipOptions, SdrAgentOptions};
use serde_json::{json, Map, Value};

/// The rows of a table as the contacts the page would build (Source unmatched).
fn contacts(rows: &[Vec<String>], fields: &[(&str, usize)]) -> Vec<Value> {
    rows[1..]
        .iter()
        .map(|r| {
            let mut m = Map::new();
            for (field, i) in fields {
                if !r[*i].is_empty() {
                    m.insert(field.to_string(), Value::from(r[*i].clone()));
                }
            }
            Value::Object(m)
        })
        .collect()
}

fn requests(dir: &Path) -> Vec<Value> {
    std::fs::read_to_string(dir.join("requests.ndjson"))
        .expect("requests.ndjson")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// problems.csv as `row -> [(field, code, message)]`.
fn problems(dir: &Path) -> HashMap<u64, Vec<(String, String, String)>> {
    let mut r = csv::Reader::from_path(dir.join("problems.csv")).expect("problems.csv");
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        ["row", "field", "code", "message", "warnings"]
    );
    let mut out: HashMap<u64, Vec<_>> = HashMap::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        if rec[2].is_empty() {
            continue; // a warning
        }
        out.entry(rec[0].parse().unwrap()).or_default().push((
            rec[1].to_string(),
            rec[2].to_string(),
            rec[3].to_string(),
        ));
    }
    out
}

#[test]
fn a_large_file_gets_the_answers_of_one_validator() {
    let dir = scratch("large");
    let rows = contactship_rows(30_000, 37, 53);
    let file = dir.join("contacts.csv");
    write_csv(&file, &rows);
    let out = run(&[
        "check",
        file.to_str().unwrap(),
        "--target",
        "contactship",
        "--default-country",
        "US",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));

    let fields = [
        ("full_name", 0),
        ("phone_number", 1),
        ("country", 2),
        ("email", 3),
        ("description", 4),
    ];
    let opts = ContactshipOptions {
        default_country: Some("US".into()),
        ..Default::default()
    };
    let report = validate_contacts(&contacts(&rows, &fields), &BatchOptions::Contactship(opts));
    assert!(
        report.summary.duplicates > 100,
        "the file has duplicates across chunks"
    );
    assert!(report.summary.invalid > report.summary.duplicates);

    let got = requests(&dir);
    let problems = problems(&dir);
    let mut valid = got.iter();
    for r in &report.results {
        let sheet_row = r.row as u64 + 2;
        match &r.result {
            Ok(request) => {
                let line = valid.next().expect("a request per valid row");
                assert_eq!(line["row"], sheet_row);
                assert_eq!(line["request"], serde_json::to_value(request).unwrap());
                assert!(!problems.contains_key(&sheet_row));
            }
            Err(errors) => {
                let found = &problems[&sheet_row];
                let want: Vec<(String, String)> = errors
                    .iter()
                    .map(|e| (e.field.clone(), e.error.code.as_str().to_string()))
                    .collect();
                let have: Vec<(String, String)> = found
                    .iter()
                    .map(|(f, c, _)| (f.clone(), c.clone()))
                    .collect();
                assert_eq!(have, want, "row {sheet_row}");
                for (e, (_, _, message)) in errors.iter().zip(found) {
                    if let Some(first) = e.error.params.get("first_row") {
                        // The first row as the spreadsheet numbers it.
                        let first = first.as_u64().unwrap() + 2;
                        assert!(message.contains(&format!("Row {first} ")), "{message}");
                    } else {
                        assert_eq!(message, &e.error.message);
                    }
                }
            }
        }
    }
    assert!(valid.next().is_none());
    let err = stderr(&out);
    let s = &report.summary;
    assert!(
        err.contains(&format!("{} rows", s.total))
            && err.contains(&format!(
                "{} valid, {} with problems ({} duplicates)",
                s.valid, s.invalid, s.duplicates
            )),
        "{err}"
    );
    assert!(
        err.contains("not sent (give --extras to send them): \"Source\""),
        "{err}"
    );
}

#[test]
fn encodings_and_formats_give_the_same_requests() {
    let dir = scratch("formats");
    let rows = contactship_rows(300, 0, 0);
    let plain = dir.join("plain.csv");
    write_csv(&plain, &rows);
    let text = std::fs::read_to_string(&plain).unwrap();
    let check_status = |name: &str, bytes: Vec<u8>, status: i32| -> Vec<Value> {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out_dir = dir.join(format!("out-{name}"));
        let args = [
            "check",
            path.to_str().unwrap(),
            "--target",
            "contactship",
            "--out",
            out_dir.to_str().unwrap(),
        ];
        let out = run(&args);
        assert_eq!(out.status.code(), Some(status), "{name}: {}", stderr(&out));
        requests(&out_dir)
    };
    // A few generated numbers are invalid: status 1, the same for every spelling.
    let check = |name: &str, bytes: Vec<u8>| check_status(name, bytes, 1);
    let want = check("a.csv", text.clone().into_bytes());
    assert_eq!(want.len(), 295);

    let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert_eq!(check("bom.csv", bom), want);
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(check("le.csv", utf16le), want);
    let utf16be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert_eq!(check("be.csv", utf16be), want);
    let tsv = text.replace(',', "\t");
    assert_eq!(check("t.tsv", tsv.clone().into_bytes()), want);
    assert_eq!(check("t.txt", tsv.into_bytes()), want, "TSV sniffed");

    // JSON rows with the same keys; row numbers are lines and positions.
    let objects: Vec<Value> = rows[1..]
        .iter()
        .map(|r| {
            let mut m = Map::new();
            for (h, c) in rows[0].iter().zip(r) {
                m.insert(h.clone(), Value::from(c.clone()));
            }
            Value::Object(m)
        })
        .collect();
    let renumbered = |v: &[Value], offset: u64| -> Vec<Value> {
        v.iter()
            .map(|l| json!({"row": l["row"].as_u64().unwrap() - 2 + offset, "request": l["request"]}))
            .collect()
    };
    let ndjson: String = objects.iter().map(|o| format!("{o}\n")).collect();
    assert_eq!(
        check("rows.ndjson", ndjson.into_bytes()),
        renumbered(&want, 1)
    );
    let array = serde_json::to_vec(&objects).unwrap();
    assert_eq!(check("rows.json", array), renumbered(&want, 1));

    // check's own output read back: the same requests, the same rows.
    let again = std::fs::read(dir.join("out-a.csv/requests.ndjson")).unwrap();
    assert_eq!(check_status("again.ndjson", again, 0), want);

    // stdin.
    let out_dir = dir.join("out-stdin");
    let mut child = contactkit()
        .args([
            "check",
            "-",
            "--target",
            "contactship",
            "--out",
            out_dir.to_str().unwrap(),
        ])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    assert_eq!(child.wait_with_output().unwrap().status.code(), Some(1));
    assert_eq!(requests(&out_dir), want);
}

#[test]
fn text_that_is_not_utf8_is_a_clear_error() {
    let dir = scratch("latin1");
    let path = dir.join("latin1.csv");
    std::fs::write(&path, b"Name,Phone\nJos\xE9,+34612345678\n").unwrap();
    let out = run(&["check", path.to_str().unwrap(), "--target", "contactship"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("row 2 is not UTF-8"),
        "{}",
        stderr(&out)
    );

    let missing = run(&[
        "check",
        dir.join("nope.csv").to_str().unwrap(),
        "--target",
        "contactship",
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("cannot open"));
}

#[test]
fn maps_combine_columns_and_extras_go_to_metadata() {
    let dir = scratch("map");
    let path = dir.join("people.csv");
    std::fs::write(
        &path,
        "First Name,Last Name,Work Email,LinkedIn,Team,Idioma\n\
         Ana,Pérez,ANA@Example.com,linkedin.com/in/ana-perez,Sales,es-mx\n\
         Bo,,bo@example.com,linkedin.com/in/bo-larsen,,\n",
    )
    .unwrap();
    let out = run(&[
        "check",
        path.to_str().unwrap(),
        "--target",
        "sdr-agent",
        "--extras",
        "--map",
        r#"full_name="First Name"+" "+"Last Name""#,
        "--map",
        "email=Work Email",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got = requests(&dir);
    let rows: Vec<Value> = [
        json!({"full_name": "Ana Pérez", "email": "ANA@Example.com", "linkedin_profile": "linkedin.com/in/ana-perez", "locale": "es-mx", "metadata": {"Team": "Sales"}}),
        json!({"full_name": "Bo ", "email": "bo@example.com", "linkedin_profile": "linkedin.com/in/bo-larsen"}),
    ]
    .to_vec();
    let report = validate_contacts(&rows, &BatchOptions::SdrAgent(SdrAgentOptions::default()));
    let want: Vec<Value> = report
        .results
        .iter()
        .map(|r| json!({"row": r.row + 2, "request": serde_json::to_value(r.result.as_ref().unwrap()).unwrap()}))
        .collect();
    assert_eq!(got, want);

    let bad = run(&[
        "check",
        path.to_str().unwrap(),
        "--target",
        "sdr-agent",
        "--map",
        "email=Nope",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("there is no column \"Nope\""),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn a_mistyped_domain_is_a_warning() {
    let dir = scratch("warn");
    let path = dir.join("w.csv");
    std::fs::write(&path, "name,phone,email\nAna,+34612345678,ana@gmial.com\n").unwrap();
    let out = run(&[
        "check",
        path.to_str().unwrap(),
        "--target",
        "contactship",
        "--lang",
        "es",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.join("problems.csv")).unwrap();
    assert_eq!(
        text,
        "row,field,code,message,warnings\n2,email,,,suggestion=ana@gmail.com\n"
    );
    assert!(stderr(&out).contains("1 filas"), "{}", stderr(&out));
}

#[test]
fn sdr_agent_duplicates_across_chunks_are_exact() {
    let dir = scratch("sdr-duplicates");
    let mut rows = vec![vec![
        "Full Name".to_string(),
        "Email".to_string(),
        "LinkedIn".to_string(),
    ]];
    let email = |n: u64| format!("user{n}@example.com");
    for n in 0..6_000u64 {
        let address = match n % 7 {
            // An earlier row's address in capitals, chunks away: a duplicate.
            6 if n > 2_000 => email(n - 1_500).to_uppercase(),
            // An earlier row's local part at another domain: not one.
            5 => format!("user{}@example.org", n - 1),
            _ => email(n),
        };
        rows.push(vec![
            format!("Ana {n}"),
            address,
            format!("https://www.linkedin.com/in/ana-{n}"),
        ]);
    }
    let file = dir.join("people.csv");
    write_csv(&file, &rows);
    let out = run(&["check", file.to_str().unwrap(), "--target", "sdr-agent"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));

    let fields = [("full_name", 0), ("email", 1), ("linkedin_profile", 2)];
    let opts = BatchOptions::SdrAgent(SdrAgentOptions::default());
    let report = validate_contacts(&contacts(&rows, &fields), &opts);
    assert!(report.summary.duplicates > 500, "{:?}", report.summary);
    let problems = problems(&dir);
    let valid: Vec<u64> = requests(&dir)
        .iter()
        .map(|l| l["row"].as_u64().unwrap())
        .collect();
    let mut want_valid = Vec::new();
    for r in &report.results {
        let sheet_row = r.row as u64 + 2;
        match &r.result {
            Ok(_) => want_valid.push(sheet_row),
            Err(errors) => {
                let want: Vec<_> = errors.iter().map(|e| e.error.code.as_str()).collect();
                let have: Vec<_> = problems[&sheet_row].iter().map(|p| p.1.as_str()).collect();
                assert_eq!(have, want, "row {sheet_row}");
                let first = errors[0].error.params["first_row"].as_u64().unwrap() + 2;
                let message = &problems[&sheet_row][0].2;
                assert!(message.contains(&format!("Row {first} ")), "{message}");
            }
        }
    }
    assert_eq!(valid, want_valid);
}
