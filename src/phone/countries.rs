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
