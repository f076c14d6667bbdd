//! `columns::match_columns`: which column fills which field, for the headers of real exports
//! (HubSpot, Salesforce, Google Contacts, Outlook; English and Spanish), and a full name made
//! of several columns. The demo page and the `contactkit` command both use this matching. Run
//! natively and in Wasm (where the accents are dropped by the platform's NFD).

use contactkit::columns::{
    extras_field, fields, header_key, join_cells, match_columns, synonyms, unmatched, ColumnMatch,
};
use contactkit::payload::Target;
use wasm_bindgen_test::wasm_bindgen_test;

/// `(field, columns)` as the header names spell them, for readable expectations.
fn named<'h>(found: &ColumnMatch, headers: &[&'h str]) -> Vec<(&'static str, Vec<&'h str>)> {
    found
        .columns
        .iter()
        .map(|(f, cols)| (*f, cols.iter().map(|&i| headers[i]).collect()))
        .collect()
}

fn check(target: Target, headers: &[&str], want: &[(&str, &[&str])]) {
    let found = match_columns(target, headers);
    let want: Vec<(&str, Vec<&str>)> = want.iter().map(|(f, c)| (*f, c.to_vec())).collect();
    assert_eq!(named(&found, headers), want, "{target:?} {headers:?}");
}

#[wasm_bindgen_test(unsupported = test)]
fn header_keys() {
    assert_eq!(header_key(" Correo Electrónico "), "correo_electronico");
    assert_eq!(header_key("E-Mail"), "e_mail");
    assert_eq!(header_key("__Phone  Number__"), "phone_number");
    assert_eq!(header_key("Compañía"), "compania");
    assert_eq!(header_key("E-mail 1 - Value"), "e_mail_1_value");
    assert_eq!(header_key("Country/Region"), "country_region");
    // Characters whose decomposition is ASCII: the Kelvin sign is K, İ is I + a dot.
    assert_eq!(header_key("\u{212a}ey"), "key");
    assert_eq!(header_key("\u{130}dioma"), "idioma");
    assert_eq!(header_key("名前"), "");
    assert_eq!(header_key(""), "");
    assert_eq!(header_key("a\u{301}b"), "ab");
    assert_eq!(header_key("Straße Ørsted Łódź"), "stra_e_rsted_odz");
    assert_eq!(header_key("Ärger-Çağrı"), "arger_cagr");
}

#[wasm_bindgen_test(unsupported = test)]
fn hubspot_export() {
    let headers = [
        "Record ID",
        "First Name",
        "Last Name",
        "Email",
        "Phone Number",
        "Mobile Phone Number",
        "Company Name",
        "Job Title",
        "Country/Region",
        "City",
        "Time Zone",
        "Preferred language",
        "Contact owner",
    ];
    check(
        Target::Contactship,
        &headers,
        &[
            ("phone_number", &["Phone Number"]),
            ("full_name", &["First Name", "Last Name"]),
            ("country", &["Country/Region"]),
            ("email", &["Email"]),
        ],
    );
    check(
        Target::SdrAgent,
        &headers,
        &[
            ("full_name", &["First Name", "Last Name"]),
            ("email", &["Email"]),
            ("company", &["Company Name"]),
            ("locale", &["Preferred language"]),
            ("timezone", &["Time Zone"]),
        ],
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn salesforce_exports() {
    // A report, and the Data Loader's API names.
    check(
        Target::Contactship,
        &[
            "First Name",
            "Last Name",
            "Title",
            "Account Name",
            "Mailing Country",
            "Mobile",
            "Phone",
            "Email",
            "Description",
        ],
        &[
            ("phone_number", &["Phone"]),
            ("full_name", &["First Name", "Last Name"]),
            ("country", &["Mailing Country"]),
            ("email", &["Email"]),
            ("description", &["Description"]),
        ],
    );
    check(
        Target::SdrAgent,
        &[
            "Id",
            "FirstName",
            "LastName",
            "Email",
            "MobilePhone",
            "MailingCountry",
            "Account.Name",
        ],
        &[
            ("full_name", &["FirstName", "LastName"]),
            ("email", &["Email"]),
            ("company", &["Account.Name"]),
        ],
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn google_contacts_exports() {
    let headers = [
        "First Name",
        "Middle Name",
        "Last Name",
        "Nickname",
        "Organization Name",
        "Organization Title",
        "Notes",
        "Labels",
        "E-mail 1 - Label",
        "E-mail 1 - Value",
        "Phone 1 - Label",
        "Phone 1 - Value",
        "Address 1 - Country",
    ];
    check(
        Target::Contactship,
        &headers,
        &[
            ("phone_number", &["Phone 1 - Value"]),
            ("full_name", &["First Name", "Middle Name", "Last Name"]),
            ("country", &["Address 1 - Country"]),
            ("email", &["E-mail 1 - Value"]),
            ("description", &["Notes"]),
        ],
    );
    // The older format has the whole name too: it wins, the parts are left alone.
    let legacy = [
        "Name",
        "Given Name",
        "Additional Name",
        "Family Name",
        "E-mail 1 - Type",
        "E-mail 1 - Value",
        "Organization 1 - Name",
    ];
    let found = match_columns(Target::SdrAgent, &legacy);
    assert_eq!(
        named(&found, &legacy),
        [
            ("full_name", vec!["Name"]),
            ("email", vec!["E-mail 1 - Value"]),
        ]
    );
    assert_eq!(unmatched(&found, legacy.len()), [1, 2, 3, 4, 6]);
}

#[wasm_bindgen_test(unsupported = test)]
fn outlook_exports() {
    check(
        Target::Contactship,
        &[
            "First Name",
            "Middle Name",
            "Last Name",
            "Title",
            "E-mail Address",
            "E-mail 2 Address",
            "Home Phone",
            "Business Phone",
            "Mobile Phone",
            "Primary Phone",
            "Company",
            "Business Country/Region",
            "Home Country/Region",
            "Notes",
        ],
        &[
            ("phone_number", &["Mobile Phone"]),
            ("full_name", &["First Name", "Middle Name", "Last Name"]),
            ("country", &["Business Country/Region"]),
            ("email", &["E-mail Address"]),
            ("description", &["Notes"]),
        ],
    );
    check(
        Target::SdrAgent,
        &[
            "Nombre",
            "Segundo nombre",
            "Apellidos",
            "Dirección de correo electrónico",
            "Teléfono del trabajo",
            "Teléfono móvil",
            "Compañía",
            "Idioma",
            "Notas",
        ],
        &[
            ("full_name", &["Nombre", "Segundo nombre", "Apellidos"]),
            ("email", &["Dirección de correo electrónico"]),
            ("company", &["Compañía"]),
            ("locale", &["Idioma"]),
        ],
    );
    check(
        Target::Contactship,
        &["Teléfono del trabajo", "Teléfono móvil", "País/Región"],
        &[
            ("phone_number", &["Teléfono móvil"]),
            ("country", &["País/Región"]),
        ],
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn spanish_sheets() {
    // A whole name beats a given name, whatever the order of the columns.
    check(
        Target::Contactship,
        &[
            "Nombre",
            "Apellidos",
            "Nombre completo",
            "Teléfono",
            "Correo electrónico",
            "País",
        ],
        &[
            ("phone_number", &["Teléfono"]),
            ("full_name", &["Nombre completo"]),
            ("country", &["País"]),
            ("email", &["Correo electrónico"]),
        ],
    );
    check(
        Target::Contactship,
        &["Nombre y apellidos", "Nombre", "Móvil"],
        &[
            ("phone_number", &["Móvil"]),
            ("full_name", &["Nombre y apellidos"]),
        ],
    );
    // "Nombre" alone is the whole name; beside a family name it is the given name.
    check(
        Target::SdrAgent,
        &["Nombre", "Email"],
        &[("full_name", &["Nombre"]), ("email", &["Email"])],
    );
    check(
        Target::SdrAgent,
        &["Segundo apellido", "Primer apellido", "Nombre", "Correo"],
        &[
            (
                "full_name",
                &["Nombre", "Primer apellido", "Segundo apellido"],
            ),
            ("email", &["Correo"]),
        ],
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn a_name_in_parts_needs_a_given_and_a_family_name() {
    for headers in [
        &["First Name", "Phone"][..],
        &["Last Name", "Phone"],
        &["Middle Name", "Last Name", "Phone"],
    ] {
        let found = match_columns(Target::Contactship, headers);
        assert_eq!(found.get("full_name"), None, "{headers:?}");
    }
    // The parts are joined given name first, whatever the columns' order.
    let found = match_columns(Target::Contactship, &["Surname", "Phone", "Forename"]);
    assert_eq!(found.get("full_name"), Some(&[2, 0][..]));
    assert_eq!(unmatched(&found, 3), Vec::<usize>::new());
}

#[wasm_bindgen_test(unsupported = test)]
fn joined_cells() {
    assert_eq!(join_cells(["Ana", "Ruiz"]), "Ana Ruiz");
    assert_eq!(join_cells([" Ana ", "", "  ", "Ruiz Gil "]), "Ana Ruiz Gil");
    assert_eq!(join_cells(["", "Ruiz"]), "Ruiz");
    assert_eq!(join_cells(["", " "]), "");
    assert_eq!(join_cells(["\u{a0}Ana\u{3000}", "Ruiz"]), "Ana Ruiz");
}

#[wasm_bindgen_test(unsupported = test)]
fn exact_spelling_beats_an_earlier_synonym() {
    let found = match_columns(Target::Contactship, &["phone", "Phone Number"]);
    assert_eq!(found.get("phone_number"), Some(&[1][..]));
}

#[wasm_bindgen_test(unsupported = test)]
fn a_column_fills_one_field() {
    // "name" would fill full_name twice; the second column stays unmatched.
    let found = match_columns(Target::SdrAgent, &["Name", "name", "Email"]);
    assert_eq!(
        found.columns,
        vec![("full_name", vec![0]), ("email", vec![2])]
    );
    assert_eq!(unmatched(&found, 3), vec![1]);
}

#[wasm_bindgen_test(unsupported = test)]
fn fields_of_the_other_api_are_not_matched() {
    let found = match_columns(Target::Contactship, &["LinkedIn", "Company", "Teléfono"]);
    assert_eq!(found.columns, vec![("phone_number", vec![2])]);
    let found = match_columns(Target::SdrAgent, &["linkedin", "phone", "Zona Horaria"]);
    assert_eq!(
        found.columns,
        vec![("linkedin_profile", vec![0]), ("timezone", vec![2])]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn every_field_is_matched_by_its_own_name() {
    for target in [Target::Contactship, Target::SdrAgent] {
        let names = fields(target);
        let found = match_columns(target, names);
        let want: Vec<_> = names.iter().copied().zip((0..).map(|i| vec![i])).collect();
        assert_eq!(found.columns, want);
        assert!(!names.contains(&extras_field(target)));
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn no_headers_and_odd_headers() {
    assert_eq!(synonyms("additional_data").count(), 0);
    assert_eq!(synonyms("nope").count(), 0);
    assert_eq!(synonyms("email").next(), Some("email"));
    let none: [&str; 0] = [];
    assert_eq!(
        match_columns(Target::Contactship, &none),
        ColumnMatch::default()
    );
    let odd = ["", "\u{0}", "名前", "\u{feff}"];
    let found = match_columns(Target::Contactship, &odd);
    assert_eq!(found.columns, vec![]);
    assert_eq!(unmatched(&found, odd.len()), [0, 1, 2, 3]);
    // A combining accent and a zero-width space are dropped or a gap, as in any header.
    let found = match_columns(
        Target::Contactship,
        &["Fi\u{301}rst Name", "Last\u{200b}Name"],
    );
    assert_eq!(found.get("full_name"), Some(&[0, 1][..]));
}
