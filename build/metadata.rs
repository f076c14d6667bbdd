//! Stage 1: reading libphonenumber's metadata, as `scripts/gen_phone_metadata.py` dumps it from
//! python `phonenumbers` into `build/phone_metadata.json`.

use std::collections::HashMap;

use serde::Deserialize;

/// The metadata file, relative to the package.
pub(crate) const METADATA: &str = "build/phone_metadata.json";

/// libphonenumber's metadata as `scripts/gen_phone_metadata.py` writes it.
#[derive(Deserialize)]
pub(crate) struct Metadata {
    /// The libphonenumber release.
    pub(crate) version: String,
    /// Every region and non-geographic calling code, grouped by calling code, ascending, each
    /// code's main region first.
    pub(crate) regions: Vec<Region>,
}

/// One region's metadata (`001` for a non-geographic calling code).
#[derive(Deserialize)]
pub(crate) struct Region {
    pub(crate) id: String,
    pub(crate) code: u16,
    /// The main region of its calling code (the one formats are taken from).
    pub(crate) main: bool,
    pub(crate) general: Desc,
    /// The number types it has, by name (`crate::layout::TYPES`).
    pub(crate) types: HashMap<String, Desc>,
    pub(crate) leading_digits: Option<String>,
    pub(crate) international_prefix: Option<String>,
    pub(crate) national_prefix: Option<String>,
    pub(crate) national_prefix_for_parsing: Option<String>,
    /// In Java's replacement syntax (`$1`).
    pub(crate) national_prefix_transform_rule: Option<String>,
    pub(crate) preferred_extension_prefix: Option<String>,
    pub(crate) same_mobile_and_fixed_line: bool,
    pub(crate) formats: Vec<Format>,
    /// Empty when international formats are the national ones.
    pub(crate) intl_formats: Vec<Format>,
}

/// A number description: its pattern and possible lengths (none listed: the general ones).
#[derive(Deserialize)]
pub(crate) struct Desc {
    pub(crate) pattern: String,
    pub(crate) lengths: Vec<u16>,
    pub(crate) local: Vec<u16>,
    /// An example number (national significant number), for the number types.
    #[serde(default)]
    pub(crate) example: Option<String>,
}

/// One number format.
#[derive(Deserialize)]
pub(crate) struct Format {
    pub(crate) pattern: String,
    /// In Java's replacement syntax (`$1 $2`).
    pub(crate) format: String,
    /// Leading digits patterns, each for one more digit; the last is the most precise.
    pub(crate) leading: Vec<String>,
    /// The national prefix formatting rule with the national prefix written in (`0$1`): `$1`
    /// stands for the format's first group.
    pub(crate) np_rule: Option<String>,
    /// The national prefix may be left out when formatting.
    pub(crate) np_optional: bool,
    /// The domestic carrier code formatting rule.
    pub(crate) carrier_rule: Option<String>,
}

/// Reads [`METADATA`].
pub(crate) fn load() -> Metadata {
    let text = std::fs::read_to_string(METADATA).expect("read build/phone_metadata.json");
    serde_json::from_str(&text).expect("parse build/phone_metadata.json")
}
