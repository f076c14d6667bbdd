//! Which column of a spreadsheet or CSV file fills which field of an API, matched by header.
//!
//! The demo page and the `contactkit` command both map a file's columns with
//! [`match_columns`], so a file is read the same way everywhere. A header is reduced by
//! [`header_key`] (accents dropped, lower case, every run of other characters one `_`) and
//! compared with the spellings each field is known by ([`synonyms`]): `"Correo Electrónico"`
//! fills `email`, `"Phone"` fills `phone_number`.
//!
//! ```
//! use contactkit::columns::{match_columns, unmatched};
//! use contactkit::payload::Target;
//!
//! let headers = ["Nombre", "Teléfono", "E-mail", "Source"];
//! let found = match_columns(Target::Contactship, &headers);
//! assert_eq!(found.column("full_name"), Some(0));
//! assert_eq!(found.column("phone_number"), Some(1));
//! assert_eq!(found.column("email"), Some(2));
//! assert_eq!(unmatched(&found, headers.len()), vec![3]);
//! ```

use crate::payload::Target;

/// The fields of `target` that a column can fill, in the order they are matched. The
/// structured field (Contactship `additional_data`, SDR Agent `metadata`) is not among them:
/// it is built from the unmatched columns ([`extras_field`]).
pub fn fields(target: Target) -> &'static [&'static str] {
    api_fields(target).1
}

/// The field that takes the columns no other field matched, when a user asks for them:
/// Contactship `additional_data`, SDR Agent `metadata`.
pub fn extras_field(target: Target) -> &'static str {
    api_fields(target).0
}

/// The API's fields as its builder lists them, split into the structured one they end with and
/// the others.
fn api_fields(target: Target) -> (&'static str, &'static [&'static str]) {
    let (last, others) = match target {
        Target::Contactship => crate::payload::contactship::FIELDS.split_last(),
        Target::SdrAgent => crate::payload::sdr_agent::FIELDS.split_last(),
    }
    .unwrap_or((&"", &[]));
    (last, others)
}

/// Each field a column can fill with the header keys (see [`header_key`]) that match it, best
/// first. A table, not a `match` on the field's name: data is smaller than code in the Wasm
/// package.
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "phone_number",
        &[
            "phone_number",
            "phone",
            "phonenumber",
            "telephone",
            "tel",
            "mobile",
            "cell",
            "cellphone",
            "mobile_phone",
            "telefono",
            "movil",
            "celular",
            "numero",
            "whatsapp",
        ],
    ),
    (
        "full_name",
        &[
            "full_name",
            "fullname",
            "name",
            "contact_name",
            "contact",
            "nombre",
            "nombre_completo",
            "nome",
        ],
    ),
    ("country", &["country", "country_code", "pais", "nation"]),
    (
        "email",
        &[
            "email",
            "e_mail",
            "mail",
            "email_address",
            "correo",
            "correo_electronico",
        ],
    ),
    (
        "description",
        &[
            "description",
            "notes",
            "note",
            "comments",
            "descripcion",
            "notas",
        ],
    ),
    (
        "linkedin_profile",
        &[
            "linkedin_profile",
            "linkedin",
            "linkedin_url",
            "linkedin_profile_url",
            "profile_url",
            "perfil_linkedin",
            "perfil_de_linkedin",
        ],
    ),
    (
        "company",
        &[
            "company",
            "company_name",
            "organization",
            "organisation",
            "empresa",
            "compania",
        ],
    ),
    ("locale", &["locale", "language", "lang", "idioma"]),
    ("timezone", &["timezone", "time_zone", "tz", "zona_horaria"]),
];

/// The header keys (see [`header_key`]) that match `field`, best first; empty for a field no
/// column fills.
pub fn synonyms(field: &str) -> &'static [&'static str] {
    SYNONYMS
        .iter()
        .find(|(f, _)| *f == field)
        .map_or(&[], |(_, names)| names)
}

/// A header reduced for matching: canonical decomposition (NFD) with the combining accents
/// U+0300 – U+036F dropped, ASCII letters lower-cased, every run of other characters one `_`,
/// and no `_` at either end. `" Correo Electrónico "` → `correo_electronico`. (NFD comes from
/// the platform in Wasm (`src/host/`), so the package carries no normalizer data for it.)
pub fn header_key(header: &str) -> String {
    let decomposed = crate::host::nfd(header);
    let mut key = String::with_capacity(decomposed.len());
    let mut gap = false;
    for c in decomposed.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !key.is_empty() {
                key.push('_');
            }
            gap = false;
            key.push(c.to_ascii_lowercase());
        } else if !('\u{300}'..='\u{36f}').contains(&c) {
            gap = true;
        }
    }
    key
}

/// The columns found for a target's fields: [`match_columns`]' answer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ColumnMatch {
    /// `(field, column index)` for every field whose header was found, in the order of
    /// [`fields`].
    pub columns: Vec<(&'static str, usize)>,
}

impl ColumnMatch {
    /// The column that fills `field`, if one does.
    pub fn column(&self, field: &str) -> Option<usize> {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, i)| *i)
    }
}

/// Matches `headers` to the fields of `target`. Each field, in the order of [`fields`], takes
/// the first column not already taken whose [`header_key`] is its first spelling in
/// [`synonyms`], else its second, and so on: `phone_number` beats `phone` whatever their order.
pub fn match_columns<S: AsRef<str>>(target: Target, headers: &[S]) -> ColumnMatch {
    let keys: Vec<String> = headers.iter().map(|h| header_key(h.as_ref())).collect();
    let mut taken = vec![false; keys.len()];
    let mut columns = Vec::new();
    for &field in fields(target) {
        let found = synonyms(field)
            .iter()
            .find_map(|name| (0..keys.len()).find(|&i| !taken[i] && keys[i] == *name));
        if let Some(i) = found {
            taken[i] = true;
            columns.push((field, i));
        }
    }
    ColumnMatch { columns }
}

/// The indexes of the columns, among `count`, that `found` does not use, in order: what goes to
/// [`extras_field`] when asked.
pub fn unmatched(found: &ColumnMatch, count: usize) -> Vec<usize> {
    (0..count)
        .filter(|i| found.columns.iter().all(|(_, c)| c != i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_keys() {
        assert_eq!(header_key(" Correo Electrónico "), "correo_electronico");
        assert_eq!(header_key("E-Mail"), "e_mail");
        assert_eq!(header_key("__Phone  Number__"), "phone_number");
        assert_eq!(header_key("Compañía"), "compania");
        // Characters whose decomposition is ASCII: the Kelvin sign is K, İ is I + a dot.
        assert_eq!(header_key("\u{212a}ey"), "key");
        assert_eq!(header_key("\u{130}dioma"), "idioma");
        assert_eq!(header_key("名前"), "");
        assert_eq!(header_key(""), "");
        assert_eq!(header_key("a\u{301}b"), "ab");
        assert_eq!(header_key("Straße Ørsted Łódź"), "stra_e_rsted_odz");
        assert_eq!(header_key("Ärger-Çağrı"), "arger_cagr");
    }

    #[test]
    fn exact_spelling_beats_an_earlier_synonym() {
        let found = match_columns(Target::Contactship, &["phone", "Phone Number"]);
        assert_eq!(found.column("phone_number"), Some(1));
    }

    #[test]
    fn a_column_fills_one_field() {
        // "name" would fill full_name twice; the second column stays unmatched.
        let found = match_columns(Target::SdrAgent, &["Name", "name", "Email"]);
        assert_eq!(found.columns, vec![("full_name", 0), ("email", 2)]);
        assert_eq!(unmatched(&found, 3), vec![1]);
    }

    #[test]
    fn fields_of_the_other_api_are_not_matched() {
        let found = match_columns(Target::Contactship, &["LinkedIn", "Company", "Teléfono"]);
        assert_eq!(found.columns, vec![("phone_number", 2)]);
        let found = match_columns(Target::SdrAgent, &["linkedin", "phone", "Zona Horaria"]);
        assert_eq!(
            found.columns,
            vec![("linkedin_profile", 0), ("timezone", 2)]
        );
    }

    #[test]
    fn every_field_is_matched_by_its_own_name() {
        for target in [Target::Contactship, Target::SdrAgent] {
            let names = fields(target);
            let found = match_columns(target, names);
            let want: Vec<_> = names.iter().copied().zip(0..).collect();
            assert_eq!(found.columns, want);
            assert!(!names.contains(&extras_field(target)));
        }
    }
}
