//! Country rule: ISO 3166-1 codes and names in several languages to an alpha-2 code.

use contactkit::{country, ErrorCode, FieldOptions, Lang};
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::{en, Rng};

fn code(input: &str) -> String {
    match country::normalize(input, &en()) {
        Ok(c) => c.value,
        Err(e) => panic!("{input:?} rejected: {e}"),
    }
}

fn all_are(want: &str, inputs: &[&str]) {
    for input in inputs {
        assert_eq!(code(input), want, "{input:?}");
    }
}

fn err(input: &str) -> contactkit::FieldError {
    match country::normalize(input, &en()) {
        Ok(c) => panic!("{input:?} accepted as {}", c.value),
        Err(e) => e,
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn result_has_alpha2_alpha3_and_english_name() {
    let mx = country::normalize("México", &en()).unwrap();
    assert_eq!(mx.value, "MX");
    assert_eq!(mx.alpha3, "MEX");
    assert_eq!(mx.name, "Mexico");
    let kr = country::normalize("Corea del Sur", &en()).unwrap();
    assert_eq!((kr.value.as_str(), kr.alpha3.as_str()), ("KR", "KOR"));
    assert_eq!(kr.name, "South Korea");
    let json = serde_json::to_value(&mx).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"value": "MX", "alpha3": "MEX", "name": "Mexico"})
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn alpha2_and_alpha3_codes_in_any_case() {
    all_are("MX", &["MX", "mx", "Mx", " mx ", "MEX", "mex", "M.X."]);
    all_are("US", &["US", "us", "U.S.", "USA", "usa", "U.S.A.", "u.s.a"]);
    all_are("DE", &["DE", "de", "DEU", "deu"]);
    all_are("GB", &["GB", "GBR", "gbr"]);
    all_are("ES", &["ES", "ESP"]);
    all_are("BR", &["br", "BRA"]);
    all_are("IN", &["IN", "IND"]);
}

#[wasm_bindgen_test(unsupported = test)]
fn names_in_five_languages_without_regard_to_case_or_accents() {
    all_are(
        "MX",
        &[
            "México",
            "mexico",
            "MEXICO",
            "Mexique",
            "Mexiko",
            "  méxico  ",
            "Estados Unidos Mexicanos",
            "United Mexican States",
        ],
    );
    all_are(
        "DE",
        &[
            "Germany",
            "Alemania",
            "Alemanha",
            "Allemagne",
            "Deutschland",
            "deutschland",
        ],
    );
    all_are("BR", &["Brasil", "Brazil", "Brésil", "Brasilien", "brasil"]);
    all_are(
        "ES",
        &["España", "Espana", "Spain", "Espanha", "Espagne", "Spanien"],
    );
    all_are("FR", &["France", "Francia", "França", "Frankreich"]);
    all_are("JP", &["Japan", "Japón", "Japão", "Japon"]);
    all_are(
        "CH",
        &["Switzerland", "Suiza", "Suíça", "Suisse", "Schweiz"],
    );
    all_are(
        "AT",
        &["Austria", "Áustria", "Autriche", "Österreich", "osterreich"],
    );
    all_are("PE", &["Perú", "Peru", "Pérou"]);
    // A capital sigma at the end of a word reads as the final `ς` of the name.
    all_are("CY", &["Cyprus", "Κύπρος", "ΚΎΠΡΟΣ", "κύπροσ"]);
    all_are("CO", &["Colombia", "Colômbia", "Colombie", "Kolumbien"]);
    all_are(
        "AE",
        &[
            "United Arab Emirates",
            "Emiratos Árabes Unidos",
            "Émirats arabes unis",
            "UAE",
        ],
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn united_states_in_its_many_spellings() {
    all_are(
        "US",
        &[
            "United States",
            "United States of America",
            "Estados Unidos",
            "Estados Unidos de América",
            "estados unidos de america",
            "EEUU",
            "EE. UU.",
            "EE.UU.",
            "ee uu",
            "EUA",
            "États-Unis",
            "Etats Unis",
            "Vereinigte Staaten",
            "los Estados Unidos",
            "the United States",
        ],
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn united_kingdom_in_its_many_spellings() {
    all_are(
        "GB",
        &[
            "United Kingdom",
            "UK",
            "U.K.",
            "Great Britain",
            "Britain",
            "Reino Unido",
            "Gran Bretaña",
            "Royaume-Uni",
            "Vereinigtes Königreich",
            "Großbritannien",
            "Grossbritannien",
            "England",
            "Inglaterra",
            "United Kingdom of Great Britain and Northern Ireland",
        ],
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn punctuation_and_apostrophes_do_not_matter() {
    all_are(
        "CI",
        &[
            "Côte d'Ivoire",
            "Cote d Ivoire",
            "cote d'ivoire",
            "COTE-D’IVOIRE",
            "Côte d’Ivoire",
            "Ivory Coast",
            "Costa de Marfil",
            "Costa do Marfim",
        ],
    );
    all_are("GW", &["Guinea-Bissau", "Guinea Bissau", "Guiné-Bissau"]);
    all_are(
        "BA",
        &[
            "Bosnia and Herzegovina",
            "Bosnia y Herzegovina",
            "Bosnien und Herzegowina",
        ],
    );
    all_are(
        "TL",
        &["Timor-Leste", "Timor Leste", "East Timor", "Timor Oriental"],
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn common_short_official_and_former_names() {
    all_are(
        "NL",
        &[
            "Netherlands",
            "The Netherlands",
            "Países Bajos",
            "Pays-Bas",
            "Niederlande",
            "Holland",
            "Holanda",
        ],
    );
    all_are(
        "KR",
        &[
            "South Korea",
            "Corea del Sur",
            "Coreia do Sul",
            "Südkorea",
            "Korea, Republic of",
            "Republic of Korea",
            "Korea South",
        ],
    );
    all_are("KP", &["North Korea", "Corea del Norte", "Nordkorea"]);
    all_are(
        "RU",
        &[
            "Russia",
            "Rusia",
            "Russie",
            "Russland",
            "Russian Federation",
            "Federación Rusa",
        ],
    );
    all_are("TR", &["Türkiye", "Turkiye", "Turkey", "Turquía", "Türkei"]);
    all_are(
        "CZ",
        &[
            "Czechia",
            "Czech Republic",
            "República Checa",
            "Tschechien",
            "Chequia",
        ],
    );
    all_are(
        "BO",
        &[
            "Bolivia",
            "Bolívia",
            "Plurinational State of Bolivia",
            "Bolivia, Plurinational State of",
        ],
    );
    all_are("VE", &["Venezuela", "Bolivarian Republic of Venezuela"]);
    all_are("IR", &["Iran", "Irán", "Islamic Republic of Iran"]);
    all_are("VN", &["Vietnam", "Viet Nam", "Việt Nam"]);
    all_are(
        "CD",
        &[
            "Democratic Republic of the Congo",
            "República Democrática del Congo",
            "DR Congo",
            "DRC",
            "RDC",
            "Zaire",
        ],
    );
    all_are(
        "CG",
        &["Congo", "Republic of the Congo", "Congo-Brazzaville"],
    );
    all_are(
        "VA",
        &[
            "Vatican",
            "Vatican City",
            "Holy See",
            "Santa Sede",
            "Vaticano",
        ],
    );
    all_are("MM", &["Myanmar", "Burma", "Birmania"]);
    all_are("SZ", &["Eswatini", "Swaziland", "Suazilandia"]);
    all_are(
        "MK",
        &["North Macedonia", "Macedonia del Norte", "Macedonia"],
    );
    all_are("CV", &["Cabo Verde", "Cape Verde", "Cap-Vert"]);
    all_are(
        "LC",
        &["Saint Lucia", "St. Lucia", "St Lucia", "Santa Lucía"],
    );
    all_are("KN", &["Saint Kitts and Nevis", "St Kitts and Nevis"]);
    all_are(
        "VG",
        &[
            "British Virgin Islands",
            "Virgin Islands, British",
            "Islas Vírgenes Británicas",
        ],
    );
    all_are("VI", &["U.S. Virgin Islands", "Virgin Islands, U.S."]);
    all_are("FK", &["Falkland Islands", "Malvinas", "Islas Malvinas"]);
    all_are("TW", &["Taiwan", "Taiwán"]);
    all_are("PS", &["Palestine", "State of Palestine", "Palestina"]);
    all_are("BS", &["Bahamas", "The Bahamas"]);
    all_are("AX", &["Åland Islands", "Aland Islands"]);
    all_are("ST", &["São Tomé and Príncipe", "Sao Tome and Principe"]);
}

#[wasm_bindgen_test(unsupported = test)]
fn leading_articles_are_tried_away() {
    all_are("FR", &["la France", "La France"]);
    all_are("DE", &["l'Allemagne", "L’Allemagne"]);
    all_are("AR", &["la Argentina", "Argentina"]);
    all_are("SV", &["El Salvador", "Salvador"]);
    all_are("NL", &["die Niederlande"]);
}

#[wasm_bindgen_test(unsupported = test)]
fn names_that_fit_several_countries_are_reported_not_guessed() {
    for (input, candidates) in [
        ("Korea", "KP, KR"),
        ("Corea", "KP, KR"),
        ("Coreia", "KP, KR"),
        ("Virgin Islands", "VG, VI"),
        ("Islas Vírgenes", "VG, VI"),
        ("Saint Martin", "MF, SX"),
    ] {
        let e = err(input);
        assert_eq!(e.code, ErrorCode::CountryAmbiguous, "{input:?}");
        assert_eq!(e.params["candidates"], candidates, "{input:?}");
    }
    let e = country::normalize("Korea", &FieldOptions::new(Lang::Es)).unwrap_err();
    assert_eq!(
        e.message,
        "Este nombre corresponde a más de un país (KP, KR); por favor, sé más específico."
    );
    assert_eq!(
        err("Korea").message,
        "This name fits more than one country (KP, KR); please be more specific."
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn unknown_inputs() {
    for input in [
        "Atlantis",
        "Narnia",
        "Europe",
        "America",
        "Améríca",
        "xx",
        "XXX",
        "ZZ",
        "UKR2",
        "M",
        "123",
        "...",
        "東京",
        "Москва",
        "Mexico City",
        "New York",
        "United",
        "the",
        "los",
        "Republic",
        "Islands",
        "Mexico Mexico",
    ] {
        let e = err(input);
        assert_eq!(e.code, ErrorCode::CountryUnknown, "{input:?}");
    }
    let e = country::normalize("Atlantis", &FieldOptions::new(Lang::Es)).unwrap_err();
    assert_eq!(e.message, "Este no es un país conocido.");
    assert_eq!(err("Atlantis").message, "This is not a known country.");
}

#[wasm_bindgen_test(unsupported = test)]
fn empty_and_oversized_inputs_use_the_shared_codes() {
    assert_eq!(err("").code, ErrorCode::Empty);
    assert_eq!(err(" \t\n").code, ErrorCode::Empty);
    assert_eq!(err(&"x".repeat(2000)).code, ErrorCode::InputTooLong);
    assert_eq!(err(&"Mexico ".repeat(100)).code, ErrorCode::CountryUnknown);
}

#[wasm_bindgen_test(unsupported = test)]
fn by_alpha2_finds_countries_by_code_only() {
    let gb = country::by_alpha2("GB").unwrap();
    assert_eq!(
        (gb.value.as_str(), gb.alpha3.as_str(), gb.name.as_str()),
        ("GB", "GBR", "United Kingdom")
    );
    assert_eq!(country::by_alpha2("mx").unwrap().name, "Mexico");
    for bad in [
        "", "G", "GBR", "UK", "XX", "ZZ", "g1", "ñx", "G\u{0}", "MX ",
    ] {
        assert_eq!(country::by_alpha2(bad), None, "{bad:?}");
    }
    assert_eq!(country::by_alpha3("mex").unwrap().value, "MX");
    assert_eq!(country::by_alpha3("MX"), None);
    assert_eq!(country::by_alpha3("ñx"), None);
}

#[wasm_bindgen_test(unsupported = test)]
fn every_country_resolves_from_its_codes_and_its_name() {
    let all: Vec<country::CountryEntry> = country::all().collect();
    assert_eq!(all.len(), 249);
    for c in &all {
        let found = country::by_alpha2(c.alpha2).unwrap();
        assert_eq!(
            (found.alpha3.as_str(), found.name.as_str()),
            (c.alpha3, c.name_en)
        );
        assert_eq!(code(c.alpha2), c.alpha2);
        assert_eq!(code(c.alpha3), c.alpha2);
        assert_eq!(code(c.name_en), c.alpha2, "{}", c.name_en);
        assert_eq!(code(&c.name_en.to_uppercase()), c.alpha2, "{}", c.name_en);
        assert_eq!(code(c.name_es), c.alpha2, "{}", c.name_es);
    }
    assert!(all.windows(2).all(|w| w[0].alpha2 < w[1].alpha2));
    let es = all.iter().find(|c| c.alpha2 == "ES").unwrap();
    assert_eq!((es.name_en, es.name_es), ("Spain", "España"));
}

#[wasm_bindgen_test(unsupported = test)]
fn names_in_the_countrys_own_languages() {
    for (input, want) in [
        ("Nederland", "NL"),
        ("Polska", "PL"),
        ("Sverige", "SE"),
        ("Россия", "RU"),
        ("РОССИЯ", "RU"),
        ("Deutschland", "DE"),
        ("Italia", "IT"),
        ("Suomi", "FI"),
        ("Norge", "NO"),
        ("Danmark", "DK"),
        ("Magyarország", "HU"),
        ("Česko", "CZ"),
        ("日本", "JP"),
        ("中国", "CN"),
        ("대한민국", "KR"),
        ("Ελλάδα", "GR"),
        ("Україна", "UA"),
        ("Türkiye", "TR"),
        ("Schweiz", "CH"),
        ("Suisse", "CH"),
        ("Svizzera", "CH"),
        ("België", "BE"),
        ("Éire", "IE"),
        ("ישראל", "IL"),
        ("مصر", "EG"),
        ("भारत", "IN"),
    ] {
        assert_eq!(code(input), want, "{input}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn long_official_names_and_german_transliterations() {
    for (input, want) in [
        ("República Federativa do Brasil", "BR"),
        ("République française", "FR"),
        ("Bundesrepublik Deutschland", "DE"),
        ("Estados Unidos Mexicanos", "MX"),
        ("Republic of Austria", "AT"),
        ("Republik Österreich", "AT"),
        ("Oesterreich", "AT"),
        ("Daenemark", "DK"),
        ("Tuerkei", "TR"),
        ("Suedafrika", "ZA"),
        ("Vereinigtes Koenigreich", "GB"),
        ("Elfenbeinküste", "CI"),
        ("Czech Republic", "CZ"),
    ] {
        assert_eq!(code(input), want, "{input}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn hostile_input_never_panics() {
    // Never a panic; an error is the field's own or a shared one, and a value is canonical.
    let check = |s: &str| {
        common::check_any_text(
            country::normalize,
            |found| found.value,
            &[ErrorCode::CountryUnknown, ErrorCode::CountryAmbiguous],
            s,
        )
    };
    let alphabet: Vec<char> = "aZ .,'-éÉ\u{301}ßæ\u{0}日\u{10ffff}1".chars().collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..5000 {
        check(&rng.text(&alphabet, 30));
    }
    for s in [
        "\u{301}".repeat(500),
        "ß".repeat(500),
        "la ".repeat(300),
        ".".repeat(1024),
        "é".repeat(512),
    ] {
        check(&s);
    }
}
