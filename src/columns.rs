//! Which column of a spreadsheet or CSV file fills which field of an API, matched by header.
//!
//! The demo page and the `contactkit` command both map a file's columns with
//! [`match_columns`], so a file is read the same way everywhere. A header is reduced by
//! [`header_key`] (accents dropped, lower case, every run of other characters one `_`) and
//! compared with the spellings each field is known by ([`synonyms`]): `"Correo Electrónico"`
//! fills `email`, `"Phone"` fills `phone_number`. A full name may come from several columns
//! (`"First Name"` and `"Last Name"`), whose cells [`join_cells`] joins.
//!
//! ```
//! use contactkit::columns::{join_cells, match_columns, unmatched};
//! use contactkit::payload::Target;
//!
//! let headers = ["Nombre", "Apellidos", "Teléfono", "E-mail", "Source"];
//! let found = match_columns(Target::Contactship, &headers);
//! assert_eq!(found.get("full_name"), Some(&[0, 1][..]));
//! assert_eq!(found.get("phone_number"), Some(&[2][..]));
//! assert_eq!(found.get("email"), Some(&[3][..]));
//! assert_eq!(unmatched(&found, headers.len()), vec![4]);
//! assert_eq!(join_cells(["Ana", " Ruiz Gil "]), "Ana Ruiz Gil");
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
/// first: the API's own name, then the spellings of English and Spanish CRM exports and
/// spreadsheets (HubSpot, Salesforce, Google Contacts, Outlook). `nombre` is a whole name
/// unless a family-name column is there too ([`NAME_PARTS`]). A table, not a `match` on the
/// field's name, and the spellings one text each: data is smaller than code in the Wasm
/// package, and a text smaller than a list of them.
const SYNONYMS: &[(&str, &str)] = &[
    (
        "phone_number",
        "phone_number phone phonenumber telephone tel mobile mobile_phone cell \
         cellphone phone_1_value telefono numero_de_telefono \
         telefono_movil movil celular numero whatsapp",
    ),
    (
        "full_name",
        "full_name fullname name contact_name nombre_completo \
         nombre_y_apellidos contact nombre nome",
    ),
    (
        "country",
        "country country_code country_region mailing_country address_1_country \
         business_country_region pais pais_region nation",
    ),
    (
        "email",
        "email e_mail mail email_address e_mail_address e_mail_1_value correo \
         correo_electronico direccion_de_correo_electronico",
    ),
    (
        "description",
        "description notes note comments descripcion notas comentarios \
         observaciones",
    ),
    (
        "linkedin_profile",
        "linkedin_profile linkedin linkedin_url linkedin_profile_url \
         profile_url perfil_linkedin perfil_de_linkedin",
    ),
    (
        "company",
        "company company_name organization organisation organization_name \
         account_name empresa compania organizacion",
    ),
    ("locale", "locale language lang preferred_language idioma"),
    ("timezone", "timezone time_zone tz zona_horaria"),
];

/// What separates the spellings in [`SYNONYMS`] and [`NAME_PARTS`].
const SPACE: char = ' ';

/// The columns a full name is made of when no column holds the whole name, in the order they
/// are joined: whether the part is needed, and the header keys that match it, best first.
/// `"First Name" + "Middle Name" + "Last Name"`, `"Nombre" + "Apellidos"`, `"Nombre" +
/// "Primer apellido" + "Segundo apellido"`.
const NAME_PARTS: &[(bool, &str)] = &[
    (
        true,
        "first_name firstname first given_name forename nombre nombres",
    ),
    (false, "middle_name segundo_nombre"),
    (
        true,
        "last_name lastname last surname family_name apellidos apellido \
         primer_apellido apellido_paterno",
    ),
    (false, "segundo_apellido apellido_materno"),
];

/// The header keys (see [`header_key`]) that match `field`, best first; none for a field no
/// column fills.
pub fn synonyms(field: &str) -> impl Iterator<Item = &'static str> {
    spellings(field).into_iter().flat_map(|n| n.split(SPACE))
}

/// `field`'s spellings as [`SYNONYMS`] lists them.
fn spellings(field: &str) -> Option<&'static str> {
    SYNONYMS.iter().find(|(f, _)| *f == field).map(|(_, n)| *n)
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
    /// `(field, columns)` for every field whose header was found, in the order of [`fields`]:
    /// one column, whose cell is the field's text as it is, or several (a full name from a
    /// given-name and a family-name column), whose cells [`join_cells`] makes one text.
    pub columns: Vec<(&'static str, Vec<usize>)>,
}

impl ColumnMatch {
    /// The columns that fill `field`, in the order they are joined; `None` when no column
    /// does.
    pub fn get(&self, field: &str) -> Option<&[usize]> {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| c.as_slice())
    }
}

/// The text of a field read from several cells: each trimmed of Unicode White_Space (as
/// [`str::trim`]; the demo page's `www/js/cells.js` trims the same), the empty ones left out,
/// the others joined by one space. `["Ana", " Ruiz Gil ", ""]` → `"Ana Ruiz Gil"`. (A field read
/// from one column takes its cell as it is.)
pub fn join_cells<'a>(cells: impl IntoIterator<Item = &'a str>) -> String {
    let mut text = String::new();
    for cell in cells.into_iter().map(str::trim).filter(|c| !c.is_empty()) {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(cell);
    }
    text
}

/// The first column not `taken` whose key is the first of `names` (spellings separated by
/// [`SPACE`]), else the second, and so on. (One copy of it in the Wasm package, not one per
/// caller: it is called from three places, none of them on a hot path.)
#[inline(never)]
fn best(names: &str, keys: &[String], taken: &[bool]) -> Option<usize> {
    names
        .split(SPACE)
        .find_map(|name| (0..keys.len()).find(|&i| !taken[i] && keys[i] == name))
}

/// Matches `headers` to the fields of `target`. Each field, in the order of [`fields`], takes
/// the first column not already taken whose [`header_key`] is its first spelling in
/// [`synonyms`], else its second, and so on: `phone_number` beats `phone` whatever their order.
///
/// Then, when no column holds the whole name, `full_name` is made of a given-name and a
/// family-name column (with a middle name and a second family name when there are such
/// columns), joined in that order: `"First Name", "Last Name"` and `"Nombre", "Apellidos"` both
/// fill it. A `"Nombre"` column is a whole name only when there is no family-name column.
///
/// ```
/// use contactkit::columns::match_columns;
/// use contactkit::payload::Target;
///
/// let found = match_columns(Target::SdrAgent, &["Email", "Last Name", "First Name"]);
/// assert_eq!(found.get("full_name"), Some(&[2, 1][..]));
/// assert_eq!(found.get("email"), Some(&[0][..]));
/// ```
pub fn match_columns<S: AsRef<str>>(target: Target, headers: &[S]) -> ColumnMatch {
    let keys: Vec<String> = headers.iter().map(|h| header_key(h.as_ref())).collect();
    let mut taken = vec![false; keys.len()];
    let mut columns = Vec::new();
    for &field in fields(target) {
        let own = spellings(field).and_then(|names| best(names, &keys, &taken));
        let found = match field {
            "full_name" => name_parts(&keys, &taken, own).or(own.map(|i| vec![i])),
            _ => own.map(|i| vec![i]),
        };
        if let Some(found) = found {
            for &i in &found {
                taken[i] = true;
            }
            columns.push((field, found));
        }
    }
    ColumnMatch { columns }
}

/// The columns of a name in parts ([`NAME_PARTS`]) among those not `taken`. `own`, the column
/// matched as a whole name, rules: when there is one, the name is in parts only if `own` is a
/// given name. `None` without a given name and a family name.
fn name_parts(keys: &[String], taken: &[bool], own: Option<usize>) -> Option<Vec<usize>> {
    let mut parts = Vec::new();
    for (k, &(needed, names)) in NAME_PARTS.iter().enumerate() {
        let found = match own {
            Some(i) if k == 0 => best(names, &keys[i..=i], &[false]).map(|_| i),
            _ => best(names, keys, taken),
        };
        match found {
            Some(i) => parts.push(i),
            None if needed => return None,
            None => {}
        }
    }
    Some(parts)
}

/// The indexes of the columns, among `count`, that `found` does not use, in order: what goes to
/// [`extras_field`] when asked.
pub fn unmatched(found: &ColumnMatch, count: usize) -> Vec<usize> {
    (0..count)
        .filter(|i| found.columns.iter().all(|(_, c)| !c.contains(i)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_part_is_no_other_fields_spelling() {
        // So the parts can be matched after every field, in any order.
        for (_, names) in NAME_PARTS {
            for name in names.split(SPACE) {
                for (field, spellings) in SYNONYMS {
                    assert!(
                        *field == "full_name" || !spellings.split(SPACE).any(|s| s == name),
                        "{name} is a spelling of {field}"
                    );
                }
            }
        }
    }
}
