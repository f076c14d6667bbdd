//! What a country picker needs from the metadata: the regions libphonenumber has a numbering
//! plan for, each one's calling code, and its example numbers, in every format.
//!
//! ```
//! use contactkit::phone::{calling_code, example_number, regions, NumberType};
//!
//! assert_eq!(calling_code("mx"), Some(52));
//! assert!(regions().any(|r| r.code == "GB" && r.calling_code == 44));
//! let example = example_number("US", NumberType::Mobile).unwrap();
//! assert_eq!(example.e164, "+12015550123");
//! assert_eq!(example.national, "(201) 555-0123");
//! assert_eq!(example.international, "+1 201-555-0123");
//! ```

use super::engine::Region;
use super::layout::types;
use super::tables::{self, Meta};
use super::{normalize, NumberType, Phone, PhoneOptions};
use crate::country;
use crate::lang::Lang;

/// A region with phone metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneRegion {
    /// ISO 3166-1 alpha-2 code (`GB`).
    pub code: &'static str,
    /// Its country calling code (`44`).
    pub calling_code: u16,
}

/// Every region libphonenumber has a numbering plan for (245 in 9.0.43), sorted by code.
/// Countries without one (`AQ`, `UM`, ...) are not listed.
pub fn regions() -> impl Iterator<Item = PhoneRegion> {
    let mut list: Vec<PhoneRegion> = tables::geographic()
        .filter_map(|(meta, _)| {
            Some(PhoneRegion {
                code: id(meta)?,
                calling_code: meta.calling_code,
            })
        })
        .collect();
    list.sort_unstable_by_key(|r| r.code);
    list.into_iter()
}

/// A country picker's entry: a region with phone metadata, named in a language.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CountryOption {
    /// ISO 3166-1 alpha-2 code (`GB`; `AC`, `TA` and `XK` are libphonenumber's too).
    pub code: &'static str,
    /// Its name in the language asked for (`United Kingdom`, `Reino Unido`).
    pub name: &'static str,
    /// Its country calling code (`44`).
    pub calling_code: u16,
    /// Its flag emoji (the two regional indicator symbols of its code: `🇬🇧`).
    pub flag: String,
    /// Its example mobile number (else its fixed-line one), for a placeholder.
    pub example: Option<Example>,
}

/// An example number in the formats a form shows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Example {
    /// E.164 (`+447400123456`).
    pub e164: String,
    /// National format (`07400 123456`).
    pub national: String,
    /// International format (`+44 7400 123456`).
    pub international: String,
}

/// Every region with phone metadata ([`regions`]), named in `lang` and sorted by that name as
/// the language sorts (Spanish: `Åland` and `Austria` with the other `A`s, `ñ` after `n`).
///
/// ```
/// use contactkit::{lang::Lang, phone::countries};
///
/// let es = countries(Lang::Es);
/// let mx = es.iter().find(|c| c.code == "MX").unwrap();
/// assert_eq!((mx.name, mx.calling_code, mx.flag.as_str()), ("México", 52, "🇲🇽"));
/// assert_eq!(mx.example.as_ref().unwrap().national, "222 123 4567");
/// ```
pub fn countries(lang: Lang) -> Vec<CountryOption> {
    let list: Vec<CountryOption> = country::all()
        .chain(country::other_regions())
        .filter_map(|entry| {
            let code = entry.alpha2;
            let example = example_number(code, NumberType::Mobile)
                .or_else(|| example_number(code, NumberType::FixedLine))
                .map(|p| Example {
                    e164: p.e164,
                    national: p.national,
                    international: p.international,
                });
            Some(CountryOption {
                code,
                name: entry.name(lang),
                calling_code: calling_code(code)?,
                flag: flag(code),
                example,
            })
        })
        .collect();
    country::sort_by_name(list, |c| c.name, lang)
}

/// The flag emoji of a two-letter code: its letters as regional indicator symbols.
fn flag(code: &str) -> String {
    code.bytes()
        .filter(u8::is_ascii_uppercase)
        .filter_map(|b| char::from_u32(0x1F1E6 + u32::from(b - b'A')))
        .collect()
}

/// The calling code of a region (ISO 3166-1 alpha-2, any case): `Some(1)` for `"us"`, `None`
/// for a code without phone metadata.
pub fn calling_code(country: &str) -> Option<u16> {
    Region::from_alpha2(country.trim()).map(Region::calling_code)
}

/// The region's example number of a type, from libphonenumber's metadata, in every format
/// (`Phone::e164`, `national`, `international`). `FixedLineOrMobile` gives the fixed-line
/// example; `None` when the region has no example of that type (or no metadata).
pub fn example_number(country: &str, number_type: NumberType) -> Option<Phone> {
    let index = match number_type {
        NumberType::FixedLine | NumberType::FixedLineOrMobile => types::FIXED_LINE,
        NumberType::Mobile => types::MOBILE,
        NumberType::TollFree => types::TOLL_FREE,
        NumberType::PremiumRate => types::PREMIUM_RATE,
        NumberType::SharedCost => types::SHARED_COST,
        NumberType::PersonalNumber => types::PERSONAL_NUMBER,
        NumberType::Voip => types::VOIP,
        NumberType::Pager => types::PAGER,
        NumberType::Uan => types::UAN,
        NumberType::Voicemail => types::VOICEMAIL,
        NumberType::Unknown => return None,
    };
    let code = country.trim().to_ascii_uppercase();
    let (meta, examples) = tables::geographic().find(|(meta, _)| id(meta) == Some(&code))?;
    let nsn = tables::examples(examples).nth(index)??;
    example(meta, nsn)
}

/// Every example number of the region, one per number type it has (fixed line first, then
/// mobile, toll free, ...).
pub fn example_numbers(country: &str) -> Vec<Phone> {
    let code = country.trim().to_ascii_uppercase();
    tables::geographic()
        .find(|(meta, _)| id(meta) == Some(&code))
        .map(|(meta, examples)| {
            tables::examples(examples)
                .flatten()
                .filter_map(|nsn| example(meta, nsn))
                .collect()
        })
        .unwrap_or_default()
}

/// The example number `nsn` of `meta`'s region, formatted (as `normalize` gives it).
fn example(meta: &'static Meta, nsn: &str) -> Option<Phone> {
    normalize(
        &format!("+{}{nsn}", meta.calling_code),
        &PhoneOptions::default(),
    )
    .ok()
}

/// A region's two-letter id.
fn id(meta: &'static Meta) -> Option<&'static str> {
    std::str::from_utf8(&meta.id).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_is_named_with_a_flag_and_an_example() {
        for lang in [Lang::En, Lang::Es] {
            let list = countries(lang);
            assert_eq!(list.len(), regions().count(), "a region without a name");
            for c in &list {
                assert!(!c.name.is_empty(), "{}", c.code);
                assert_eq!(c.flag.chars().count(), 2, "{}", c.code);
                assert_eq!(Some(c.calling_code), calling_code(c.code));
                let example = c.example.as_ref().expect("an example");
                assert!(example.e164.starts_with(&format!("+{}", c.calling_code)));
            }
        }
        let en = countries(Lang::En);
        let xk = en.iter().find(|c| c.code == "XK").unwrap();
        assert_eq!((xk.name, xk.flag.as_str()), ("Kosovo", "🇽🇰"));
        let ac = countries(Lang::Es)
            .into_iter()
            .find(|c| c.code == "AC")
            .unwrap();
        assert_eq!(ac.name, "Isla de la Ascensión");
    }

    #[test]
    fn sorted_by_name_as_the_language_sorts() {
        let names = |lang| -> Vec<&str> { countries(lang).iter().map(|c| c.name).collect() };
        let es = names(Lang::Es);
        let at = |name: &str| es.iter().position(|n| *n == name).unwrap();
        // Accents sort with their letter, `ñ` after `n`, a space before a hyphen.
        assert!(at("Austria") < at("Azerbaiyán") && at("Azerbaiyán") < at("Bahamas"));
        assert!(at("Eslovenia") < at("España") && at("España") < at("Estados Unidos"));
        assert!(at("Guinea Ecuatorial") < at("Guinea-Bisáu"));
        assert!(at("Belice") < at("Benín") && at("Benín") < at("Bermudas"));
        assert!(at("Perú") < at("Polinesia Francesa"));
        let en = names(Lang::En);
        assert!(en.windows(2).all(|w| w[0] != w[1]));
        let at = |name: &str| en.iter().position(|n| *n == name).unwrap();
        assert!(at("Côte d'Ivoire") < at("Croatia") && at("Curaçao") < at("Cyprus"));
        assert_eq!(en.first(), Some(&"Afghanistan"));
    }
}
