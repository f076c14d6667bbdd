//! Columns matched by the library, as the demo page matches them: a full name in parts
//! ("First Name", "Last Name") is joined the way the page joins it, and `--map` still wins.
//! (www/tests/import_columns.test.mjs runs this command on the page's own file and compares.)

mod common;

use common::{run, scratch, stderr};
use serde_json::Value;

/// The `full_name` of each request `contactkit check` writes for `csv`.
fn full_names(name: &str, csv: &str, args: &[&str]) -> Vec<Option<String>> {
    let dir = scratch(name);
    let path = dir.join("people.csv");
    std::fs::write(&path, csv).unwrap();
    let mut all = vec!["check", path.to_str().unwrap(), "--target", "contactship"];
    all.extend_from_slice(args);
    let out = run(&all);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::read_to_string(dir.join("requests.ndjson"))
        .unwrap()
        .lines()
        .map(|l| {
            let line: Value = serde_json::from_str(l).unwrap();
            let body: Value =
                serde_json::from_str(line["request"]["body"].as_str().unwrap()).unwrap();
            body["full_name"].as_str().map(String::from)
        })
        .collect()
}

#[test]
fn first_and_last_name_make_the_full_name() {
    let csv = "First Name,Last Name,Phone\n\
               Ana,Ruiz Gil,+34 612 34 56 01\n\
               \u{20}Bo ,,+34 612 34 56 02\n\
               ,Larsen,+34 612 34 56 03\n";
    assert_eq!(
        full_names("first-last", csv, &[]),
        [
            Some("Ana Ruiz Gil".into()),
            Some("Bo".into()),
            Some("Larsen".into())
        ]
    );
    // Spanish headers, a middle name and two family names, in any order.
    let csv = "Segundo apellido,Teléfono,Nombre,Primer apellido,Segundo nombre\n\
               Gil,+34 612 34 56 01,Ana,Ruiz,María\n";
    assert_eq!(
        full_names("nombre-apellidos", csv, &[]),
        [Some("Ana María Ruiz Gil".into())]
    );
    // A whole-name column wins over the parts.
    let csv = "Nombre,Apellidos,Nombre completo,Teléfono\nAna,Ruiz,Ana Ruiz Gil,+34 612 34 56 01\n";
    assert_eq!(full_names("whole", csv, &[]), [Some("Ana Ruiz Gil".into())]);
}

#[test]
fn a_map_overrides_the_matched_name() {
    let csv = "First Name,Last Name,Phone\nAna,Ruiz,+34 612 34 56 01\n";
    assert_eq!(
        full_names("map-name", csv, &["--map", "full_name=Last Name"]),
        [Some("Ruiz".into())]
    );
    assert_eq!(
        full_names(
            "map-join",
            csv,
            &["--map", r#"full_name="Last Name"+", "+"First Name""#]
        ),
        [Some("Ruiz, Ana".into())]
    );
}
