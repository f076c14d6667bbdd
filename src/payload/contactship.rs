//! Contactship `POST /v1/contacts`: `phone_number` and `full_name` required, duplicates keyed on
//! the phone number, typed `additional_data`, authentication with `x-api-key`.

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::api::{build_given, Api, Contact};
use super::common::{
    base_url, body_text, credential, json_headers, text, text_field, type_mismatch, Built, Errors,
    Field, Fields, RuleCache,
};
use super::limits::{
    ADDITIONAL_DATA_FIELD_MAX_CHARS, ADDITIONAL_DATA_MAX_ITEMS, ADDITIONAL_DATA_VALUE_MAX_CHARS,
    DESCRIPTION_MAX_CHARS, FULL_NAME_MAX_CHARS,
};
use super::{ContactError, Method, Request};
use crate::country::Country;
use crate::error::{ErrorCode, Params};
use crate::lang::{FieldOptions, Lang};
use crate::options::{OptionsReader, ReadOptions};
use crate::{country, email, params, phone};

/// The documented host of the Contactship API.
pub const CONTACTSHIP_BASE_URL: &str = "https://api.contactship.ai";
/// The path of create-contact, appended to the base URL.
const CONTACTS_PATH: &str = "/v1/contacts";

/// The fields `POST /v1/contacts` takes, in the order the body lists them.
pub(crate) const FIELDS: [&str; 6] = [
    "phone_number",
    "full_name",
    "country",
    "email",
    "description",
    "additional_data",
];
const ITEM_FIELDS: [&str; 3] = ["type", "field", "value"];
const ITEM_TYPES: [&str; 4] = ["text", "date", "number", "location"];

/// How the `country` field is sent. The API documents it only as "the country of the contact"
/// (a string) and its example sends a name (`"México"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CountryFormat {
    /// The English short name (`"Mexico"`), like the documented example: readable in the
    /// Contactship dashboard. The default.
    #[default]
    Name,
    /// The ISO 3166-1 alpha-2 code (`"MX"`), for systems that key on codes.
    Alpha2,
}

/// Options of [`build_contactship_contact`]. In JSON (and JS): `baseUrl`, `apiKey`,
/// `defaultCountry`, `countryFormat` (`"name"` or `"alpha2"`), `lang`.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct ContactshipOptions {
    /// Scheme, host and optional path prefix; `/v1/contacts` is appended.
    /// [`CONTACTSHIP_BASE_URL`] when `None`.
    pub base_url: Option<String>,
    /// Sent as `x-api-key`. Without it the request has no authentication header (a browser
    /// can build and preview the request and a server add the key). Trimmed; must be visible
    /// ASCII. Never shown in errors or `Debug`.
    pub api_key: Option<String>,
    /// The country (code or name) of phone numbers written without `+`, when the contact has
    /// no `country` of its own.
    pub default_country: Option<String>,
    /// How `country` is sent.
    pub country_format: CountryFormat,
    /// Language of error messages.
    pub lang: Lang,
}

impl fmt::Debug for ContactshipOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ContactshipOptions")
            .field("base_url", &self.base_url)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("default_country", &self.default_country)
            .field("country_format", &self.country_format)
            .field("lang", &self.lang)
            .finish()
    }
}

/// The option names in JSON.
pub(crate) const OPTION_NAMES: [&str; 5] = [
    "baseUrl",
    "apiKey",
    "defaultCountry",
    "countryFormat",
    "lang",
];

impl ContactshipOptions {
    /// Reads options from JSON (`{"apiKey": "...", "defaultCountry": "MX"}`); `null` gives the
    /// defaults. Unknown names and wrong types are errors on `options.<name>`; the values
    /// themselves are checked when a request is built.
    pub fn from_json(v: &Value) -> Result<Self, Vec<ContactError>> {
        crate::options::read_json(v)
    }
}

impl ReadOptions for ContactshipOptions {
    const NAMES: &'static [&'static str] = &OPTION_NAMES;

    /// The options `r` reads (the names in [`OPTION_NAMES`]).
    fn read(r: &mut OptionsReader<'_>) -> Self {
        ContactshipOptions {
            base_url: r.string("baseUrl"),
            api_key: r.string("apiKey"),
            default_country: r.string("defaultCountry"),
            country_format: match r.choice("countryFormat", &["name", "alpha2"]) {
                Some("alpha2") => CountryFormat::Alpha2,
                _ => CountryFormat::Name,
            },
            lang: r.lang(),
        }
    }
}

impl ContactshipOptions {
    /// Checks the options once (for one contact or a whole batch).
    pub(crate) fn prepare(&self, errs: &mut Errors) -> Contactship {
        let base = base_url(errs, self.base_url.as_deref(), CONTACTSHIP_BASE_URL);
        let auth = credential(errs, "apiKey", self.api_key.as_deref()).map(|k| ("x-api-key", k));
        let default_country = self
            .default_country
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .and_then(|c| {
                let found = phone::default_country(c, self.lang);
                errs.rule("options.defaultCountry", found).flatten()
            });
        Contactship {
            url: format!("{base}{CONTACTS_PATH}"),
            auth,
            default_country,
            country_format: self.country_format,
            lang: self.lang,
        }
    }
}

/// Checked options, ready to build many contacts.
pub(crate) struct Contactship {
    url: String,
    auth: Option<(&'static str, String)>,
    default_country: Option<String>,
    country_format: CountryFormat,
    pub lang: Lang,
}

#[derive(Serialize)]
struct Body<'a> {
    phone_number: &'a str,
    full_name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    additional_data: Option<Vec<Item<'a>>>,
}

#[derive(Serialize)]
struct Item<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    field: &'a str,
    value: Cow<'a, str>,
}

/// Countries already resolved, by their trimmed text: the rows of a batch name few distinct
/// countries, and resolving one (folding, two table searches, three strings) cost about as much
/// as the rest of reading the row.
pub(crate) type CountryCache = RuleCache<Country>;

impl Contactship {
    /// The field the API deduplicates on (409 Conflict).
    pub const KEY_FIELD: &'static str = "phone_number";

    /// A country as the request sends it.
    fn country_value<'c>(&self, c: &'c Country) -> &'c str {
        match self.country_format {
            CountryFormat::Name => &c.name,
            CountryFormat::Alpha2 => &c.value,
        }
    }

    /// Checks a contact's fields; the key is the E.164 phone number whenever it is valid.
    ///
    /// No request is built when `taken` says an earlier row has the key: the row is then a
    /// duplicate, and its request would be thrown away.
    pub(crate) fn build_fields(
        &self,
        obj: &Fields<'_>,
        errs: &mut Errors,
        countries: &mut CountryCache,
        taken: &dyn Fn(&str) -> bool,
    ) -> Built {
        let before = errs.len();
        let (
            [phone_given, name_given, country_given, email_given, description_given, data_given],
            others,
        ) = super::common::fields_named(obj, &FIELDS);
        let lang = self.lang;
        let field_opts = FieldOptions::new(lang);

        // The contact's own country, when valid, is the phone's default country.
        let country_text = text_field(errs, "country", country_given, false, usize::MAX);
        let country = country_text.and_then(|c| {
            errs.rule(
                "country",
                countries.resolve(c, &field_opts, country::normalize),
            )
        });
        if let (Some(text), Some(found)) = (country_text, country) {
            let text = text.trim();
            if ![&found.value, &found.alpha3, &found.name]
                .iter()
                .any(|known| known.eq_ignore_ascii_case(text))
            {
                errs.resolved("country", text, self.country_value(found));
            }
        }

        let phone_text = text_field(errs, "phone_number", phone_given, true, usize::MAX);
        let region = country
            .map(|c| c.value.as_str())
            .or(self.default_country.as_deref());
        let phone =
            phone_text.and_then(|p| errs.rule("phone_number", phone::e164(p, region, lang)));

        let full_name = text_field(errs, "full_name", name_given, true, FULL_NAME_MAX_CHARS);
        let email = text_field(errs, "email", email_given, false, usize::MAX).and_then(|e| {
            errs.rule("email", email::normalize(e, &field_opts))
                .map(|found| errs.email(found))
        });
        let description = text_field(
            errs,
            "description",
            description_given,
            false,
            DESCRIPTION_MAX_CHARS,
        );
        let additional_data = additional_data(errs, data_given);
        if others {
            let names = obj.iter().map(|(name, _)| *name);
            super::common::unknown_names(errs, names, &FIELDS, "");
        }

        // The key is the phone number itself: no copy of it is made for a row with no request.
        if errs.len() > before || phone.as_deref().is_some_and(taken) {
            return Built {
                request: None,
                key: phone,
            };
        }
        let (Some(phone_number), Some(full_name)) = (phone.as_deref(), full_name) else {
            return Built {
                request: None,
                key: phone,
            };
        };
        let country = country.map(|c| self.country_value(c));
        let body = Body {
            phone_number,
            full_name,
            country,
            email: email.as_deref(),
            description,
            additional_data,
        };
        let request = body_text(errs, &body).map(|body| Request {
            method: Method::Post,
            url: self.url.clone(),
            headers: json_headers(&self.auth),
            body,
        });
        Built {
            request,
            key: phone,
        }
    }
}

/// `additional_data`: absent, `null` or `[]` is left out; otherwise an array of at most
/// [`ADDITIONAL_DATA_MAX_ITEMS`] `{type, field, value}` objects.
fn additional_data<'a>(errs: &mut Errors, v: Option<Field<'a>>) -> Option<Vec<Item<'a>>> {
    let items = match v {
        None | Some(Field::Json(Value::Null)) => return None,
        Some(Field::Json(Value::Array(a))) => a,
        Some(other) => {
            let got = other.type_name();
            errs.push(
                "additional_data",
                ErrorCode::TypeMismatch,
                params! {"expected" => "array", "got" => got},
            );
            return None;
        }
    };
    if items.len() > ADDITIONAL_DATA_MAX_ITEMS {
        errs.push(
            "additional_data",
            ErrorCode::TooManyItems,
            params! {"max" => ADDITIONAL_DATA_MAX_ITEMS, "length" => items.len()},
        );
    }
    let mut out = Vec::new();
    // Past the limit nothing is sent, and reading a hostile array to its end would only
    // multiply errors.
    for (i, item) in items.iter().take(ADDITIONAL_DATA_MAX_ITEMS).enumerate() {
        let path = format!("additional_data[{i}]");
        let Some(obj) = item.as_object() else {
            type_mismatch(errs, &path, "object", item);
            continue;
        };
        let type_path = format!("{path}.type");
        let kind = text(errs, &type_path, obj.get("type"), true, usize::MAX).and_then(|t| {
            let found = ITEM_TYPES
                .iter()
                .find(|k| k.eq_ignore_ascii_case(t))
                .copied();
            if found.is_none() {
                errs.push(
                    type_path.as_str(),
                    ErrorCode::AdditionalDataInvalidType,
                    params! {"allowed" => ITEM_TYPES.join(", ")},
                );
            }
            found
        });
        let field = text(
            errs,
            &format!("{path}.field"),
            obj.get("field"),
            true,
            ADDITIONAL_DATA_FIELD_MAX_CHARS,
        );
        let value = item_value(errs, &format!("{path}.value"), kind, obj.get("value"));
        super::common::unknown_fields(errs, obj, &ITEM_FIELDS, &format!("{path}."));
        if let (Some(kind), Some(field), Some(value)) = (kind, field, value) {
            out.push(Item { kind, field, value });
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The value of an item, fitting its type and sent as a string (the API's schema types it
/// `string`). With no valid type, only its presence and JSON type are checked.
fn item_value<'a>(
    errs: &mut Errors,
    path: &str,
    kind: Option<&'static str>,
    v: Option<&'a Value>,
) -> Option<Cow<'a, str>> {
    let max = ADDITIONAL_DATA_VALUE_MAX_CHARS;
    match (kind, v) {
        (Some("number"), Some(Value::Number(n))) => {
            // serde_json numbers are finite; integers print exactly.
            Some(Cow::Owned(n.to_string()))
        }
        (Some("number"), Some(Value::String(_))) => {
            let t = text(errs, path, v, true, max)?;
            match decimal(t) {
                Some(d) => Some(Cow::Borrowed(d)),
                None => {
                    errs.push(path, ErrorCode::AdditionalDataInvalidNumber, Params::new());
                    None
                }
            }
        }
        (Some("number"), Some(other)) if !other.is_null() => {
            type_mismatch(errs, path, "number", other);
            None
        }
        (Some("date"), _) => {
            let t = text(errs, path, v, true, max)?;
            if is_iso_date(t) {
                Some(Cow::Borrowed(t))
            } else {
                errs.push(path, ErrorCode::AdditionalDataInvalidDate, Params::new());
                None
            }
        }
        (None, Some(Value::Number(_))) => None,
        _ => text(errs, path, v, true, max).map(Cow::Borrowed),
    }
}

/// A finite decimal number written as `[+-]digits[.digits][(e|E)[+-]digits]`, returned without
/// a leading `+`.
fn decimal(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    if !digits(&mut i) {
        return None;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return None;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    let unsigned = s.strip_prefix('+').unwrap_or(s);
    // Finite: serde_json's parser (already in the binary, unlike core's `f64::from_str`)
    // rejects what overflows an f64. It takes JSON's grammar, so without leading zeros.
    let (sign, digits) = match unsigned.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", unsigned),
    };
    let trimmed = digits.trim_start_matches('0');
    let json = if trimmed.is_empty() || !trimmed.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{sign}0{trimmed}")
    } else {
        format!("{sign}{trimmed}")
    };
    serde_json::from_str::<f64>(&json)
        .is_ok_and(f64::is_finite)
        .then_some(unsigned)
}

/// An ISO 8601 calendar date (`2024-02-29`) or date-time (`2024-02-29T13:45`, with optional
/// seconds, fraction, and `Z` or `±HH:MM`), with a day that exists in that month.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let part = b.get(from..from + len)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let date = (|| {
        let (y, m, d) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
        (b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-')).then_some((y, m, d))
    })();
    let Some((y, m, d)) = date else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    if d == 0 || d > days {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    // Time: THH:MM[:SS[.f+]][Z|±HH:MM]
    if b.get(10) != Some(&b'T') || b.get(13) != Some(&b':') {
        return false;
    }
    match (num(11, 2), num(14, 2)) {
        (Some(h), Some(min)) if h < 24 && min < 60 => {}
        _ => return false,
    }
    let mut i = 16;
    if b.get(i) == Some(&b':') {
        match num(i + 1, 2) {
            Some(sec) if sec < 60 => i += 3,
            _ => return false,
        }
        if b.get(i) == Some(&b'.') {
            let start = i + 1;
            i = start;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return false;
            }
        }
    }
    match b.get(i) {
        None => true,
        Some(b'Z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            b.len() == i + 6
                && b.get(i + 3) == Some(&b':')
                && matches!((num(i + 1, 2), num(i + 4, 2)), (Some(h), Some(m)) if h < 24 && m < 60)
        }
        Some(_) => false,
    }
}

/// Validates a contact for Contactship `POST /v1/contacts` and builds the request.
///
/// `phone_number` (normalized to E.164) and `full_name` are required; `country` is normalized,
/// sent as [`CountryFormat`] says, and used as the phone's default country (else
/// `default_country`); `email` is normalized; `description` and `additional_data` are checked
/// against [`super::limits`]. Every problem is returned at once.
///
/// The contact is a [`super::ContactshipContact`] or a `serde_json::Value` with the API's field
/// names.
pub fn build_contactship_contact(
    contact: &(impl super::ContactshipInput + ?Sized),
    opts: &ContactshipOptions,
) -> Result<Request, Vec<ContactError>> {
    let contact = contact.to_contact_json();
    let prepare = |errs: &mut Errors| Api::contactship(opts, errs);
    build_given(opts.lang, prepare, Contact::Value(&contact))
}

/// [`build_contactship_contact`] for a contact given as JSON text (a queue message, a request
/// body): hostile nesting is reported as `nesting_too_deep` on its field, never a stack overflow.
pub fn build_contactship_contact_json(
    contact: &str,
    opts: &ContactshipOptions,
) -> Result<Request, Vec<ContactError>> {
    let prepare = |errs: &mut Errors| Api::contactship(opts, errs);
    build_given(opts.lang, prepare, Contact::Text(contact))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for ok in [
            "2024-02-29",
            "2023-12-31",
            "2000-02-29",
            "2024-01-05T10:00",
            "2024-01-05T23:59:59",
            "2024-01-05T10:00:00.123Z",
            "2024-01-05T10:00:00+05:30",
            "2024-01-05T10:00-03:00",
        ] {
            assert!(is_iso_date(ok), "{ok}");
        }
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            "2024-1-05",
            "05/01/2024",
            "2024-01-05 10:00",
            "2024-01-05T24:00",
            "2024-01-05T10:60",
            "2024-01-05T10:00:60",
            "2024-01-05T10:00:00.",
            "2024-01-05T10:00Zx",
            "2024-01-05T10:00+0530",
            "2024-01-05T",
            "２０２４-01-05",
            "",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn decimals() {
        assert_eq!(decimal("42"), Some("42"));
        assert_eq!(decimal("+3.5"), Some("3.5"));
        assert_eq!(decimal("-0.25e-3"), Some("-0.25e-3"));
        assert_eq!(decimal("007"), Some("007"));
        assert_eq!(decimal("-00.5"), Some("-00.5"));
        assert_eq!(decimal("0"), Some("0"));
        assert_eq!(decimal("1.7e308"), Some("1.7e308"));
        assert_eq!(decimal("1.8e308"), None);
        for bad in [
            "", "+", "1.", ".5", "1e", "1,5", "NaN", "inf", "1e999", "0x10", "1 2",
        ] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
    }
}
