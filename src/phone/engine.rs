//! libphonenumber's rules over libphonenumber's metadata, behind a small interface.
//!
//! The metadata is libphonenumber's ([`super::METADATA_VERSION`]), compiled by the build script
//! (`build/`) into [`tables`]: nothing is parsed or compiled at run time. The rules are
//! libphonenumber's own (`PhoneNumberUtil.parse`, `isValidNumber`, `getNumberType`,
//! `getRegionCodeForNumber`, `isPossibleNumberWithReason`; `format` is in
//! [`super::formatting`]), written here on top of that metadata.
//!
//! Patterns are matched two ways (see [`tables`]): a region's number types and a list's
//! formats by one walk of a deterministic automaton over the digits, whose last state says
//! which match; patterns whose match position or capture groups are needed (formats when
//! writing, national and international prefixes) by a backtracking matcher over programs.

use super::formatting::{code_digits, expand, group};
use super::matcher;
use super::tables::{self, Meta};
use super::NumberType;

/// libphonenumber's shortest national significant number.
const MIN_NSN: usize = 2;
/// libphonenumber's longest national significant number.
const MAX_NSN: usize = 17;
/// A region libphonenumber has metadata for.
#[derive(Debug, Clone, Copy)]
pub(super) struct Region {
    meta: &'static Meta,
}

impl Region {
    /// The region of an ISO 3166-1 alpha-2 code in any case, when libphonenumber knows it.
    pub(super) fn from_alpha2(code: &str) -> Option<Region> {
        let [a, b] = <[u8; 2]>::try_from(code.as_bytes()).ok()?;
        if !a.is_ascii_alphabetic() || !b.is_ascii_alphabetic() {
            return None;
        }
        let [a, b] = [a.to_ascii_uppercase() - b'A', b.to_ascii_uppercase() - b'A'];
        let index = *tables::BY_ID.get(usize::from(a) * 26 + usize::from(b))?;
        let meta = tables::REGIONS.get(usize::from(index))?;
        Some(Region { meta })
    }
}

impl Region {
    /// The region's calling code.
    pub(super) fn calling_code(self) -> u16 {
        self.meta.calling_code
    }

    /// The region's two-letter id.
    pub(super) fn id(self) -> Option<&'static str> {
        region_name(self.meta)
    }
}

/// The only region of a calling code (`GB` for 44), `None` for one shared or non-geographic.
pub(super) fn only_region(code: u16) -> Option<&'static str> {
    match regions(code) {
        [only] => region_name(only),
        _ => None,
    }
}

/// Digits as dialled: after a `+`, or within a country.
#[derive(Debug, Clone, Copy)]
pub(super) enum Dialled<'a> {
    /// ASCII digits that start with the calling code.
    International(&'a str),
    /// ASCII digits as dialled in the region (maybe with its national or international
    /// prefix, or with the calling code written without `+`).
    National(&'a str, Region),
}

/// Why digits could not be read as a number at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Failure {
    InvalidCountryCode,
    TooShort(Known),
    TooLong(Known),
}

/// What is known of a number that failed on its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Known {
    pub calling_code: Option<u16>,
    pub region: Option<&'static str>,
}

/// A parsed number (not necessarily valid).
#[derive(Debug, Clone)]
pub(super) struct Number {
    pub(super) calling_code: u16,
    /// The national significant number, with any leading zeros that belong to it.
    pub(super) nsn: String,
    /// The default region it was parsed in, if national.
    default: Option<Region>,
}

impl Number {
    pub(super) fn calling_code(&self) -> u16 {
        self.calling_code
    }
}

/// The lengths of a number that is not valid, against its calling code's main region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Length {
    Possible,
    LocalOnly { lengths: Lengths },
    TooShort { lengths: Lengths },
    TooLong { lengths: Lengths },
    Invalid { lengths: Lengths },
}

/// A set of lengths of national significant numbers (bit n for n digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Lengths(u32);

impl Lengths {
    /// Whether `len` is one of them.
    fn has(self, len: usize) -> bool {
        has_length(self.0, len)
    }

    /// The lengths, ascending, as a list parameter.
    pub(super) fn list(self) -> serde_json::Value {
        let lengths = (0..32u16).filter(|&l| self.0 & (1 << l) != 0);
        serde_json::Value::Array(lengths.map(serde_json::Value::from).collect())
    }
}

/// Whether a parsed number is valid, and what it is.
#[derive(Debug, Clone)]
pub(super) enum Verdict {
    Valid {
        number_type: NumberType,
        region: Option<&'static str>,
    },
    Invalid {
        length: Length,
        region: Option<&'static str>,
    },
}

/// libphonenumber's `parse` from normalized digits on.
pub(super) fn parse(dialled: Dialled<'_>) -> Result<Number, Failure> {
    let (calling_code, national, meta, default) = match dialled {
        Dialled::International(digits) => {
            let (code, rest) = after_international_prefix(digits)?;
            (code, rest.to_owned(), main_metadata(code), None)
        }
        Dialled::National(digits, region) => {
            let meta = region.meta;
            let idd = international_prefix_len(region, digits)
                // An international prefix is never followed by 0: no calling code starts so.
                .filter(|&end| !digits.get(end..).unwrap_or("").starts_with('0'));
            if let Some(end) = idd {
                let (code, rest) = after_international_prefix(digits.get(end..).unwrap_or(""))?;
                (code, rest.to_owned(), main_metadata(code), Some(region))
            } else {
                let code = meta.calling_code;
                match without_calling_code(digits, meta) {
                    // As libphonenumber does, the calling code's main region's metadata
                    // reads the rest (the same as the default's, but for shared codes).
                    Some(rest) => (code, rest, main_metadata(code), Some(region)),
                    None => (code, digits.to_owned(), Some(meta), Some(region)),
                }
            }
        }
    };
    let mut number = Number {
        calling_code,
        nsn: national,
        default,
    };
    let known = |number: &Number| Known {
        calling_code: Some(number.calling_code),
        region: region_hint(number),
    };
    if number.nsn.len() < MIN_NSN {
        return Err(Failure::TooShort(known(&number)));
    }
    if let Some(potential) = meta.and_then(|meta| {
        strip_national_prefix(&number.nsn, meta).filter(|potential| {
            !matches!(
                length(meta, potential.len()),
                Length::TooShort { .. } | Length::LocalOnly { .. } | Length::Invalid { .. }
            )
        })
    }) {
        number.nsn = potential;
    }
    if number.nsn.len() < MIN_NSN {
        return Err(Failure::TooShort(known(&number)));
    }
    if number.nsn.len() > MAX_NSN {
        return Err(Failure::TooLong(known(&number)));
    }
    Ok(number)
}

/// The calling code at the start of digits that followed `+` or an international prefix,
/// and the digits after it.
fn after_international_prefix(digits: &str) -> Result<(u16, &str), Failure> {
    if digits.len() <= MIN_NSN {
        return Err(Failure::TooShort(Known::default()));
    }
    extract_calling_code(digits).ok_or(Failure::InvalidCountryCode)
}

/// libphonenumber's `extractCountryCode`: the first 1 to 3 digits that are a calling code.
pub(super) fn extract_calling_code(digits: &str) -> Option<(u16, &str)> {
    if digits.starts_with('0') {
        return None;
    }
    (1..=3).find_map(|len| {
        let code: u16 = digits.get(..len)?.parse().ok()?;
        if regions(code).is_empty() {
            return None;
        }
        Some((code, digits.get(len..)?))
    })
}

/// libphonenumber's reading of a national number that starts with the region's own calling
/// code (`44 20 7946 0958` in GB): the rest (national prefix taken off) when the rest is a
/// number and the whole is not, or the whole is too long; `None` to read the whole.
fn without_calling_code(digits: &str, meta: &'static Meta) -> Option<String> {
    let rest = strip_calling_code(digits, meta.calling_code)?;
    let potential = strip_national_prefix(rest, meta).unwrap_or_else(|| rest.to_owned());
    let take = (!general(meta, digits) && general(meta, &potential))
        || matches!(length(meta, digits.len()), Length::TooLong { .. });
    take.then_some(potential)
}

/// `digits` after the decimal digits of `code`, if they start with them.
fn strip_calling_code(digits: &str, code: u16) -> Option<&str> {
    let mut buf = [b'+', 0, 0, 0];
    digits.strip_prefix(code_digits(code, &mut buf).get(1..)?)
}

/// libphonenumber's `maybeStripNationalPrefixAndCarrierCode` (the carrier code is dropped,
/// as `parse` drops it): the number without its national prefix, or `None` to keep it.
fn strip_national_prefix(number: &str, meta: &'static Meta) -> Option<String> {
    let program = meta.prefix_for_parsing.and_then(program)?;
    if number.is_empty() {
        return None;
    }
    let mut slots = [None; 2 * tables::MAX_GROUPS];
    let end = matcher::run(program, number.as_bytes(), &mut slots)?;
    let viable_before = general(meta, number);
    let groups = usize::from(program.program.groups).saturating_sub(1);
    let last_group_matched = groups > 0 && group(&slots, groups, number).is_some();
    let rest = number.get(end..).unwrap_or("");
    let stripped = match meta.transform.and_then(tables::rule) {
        Some(rule) if last_group_matched => {
            let mut out = String::with_capacity(number.len() + 4);
            expand(
                rule,
                &slots,
                usize::from(program.program.groups),
                number,
                &mut out,
            );
            out.push_str(rest);
            out
        }
        _ => rest.to_owned(),
    };
    if viable_before && !general(meta, &stripped) {
        return None;
    }
    Some(stripped)
}

/// Every region of a calling code, its main region first (`001` for non-geographic).
fn regions(code: u16) -> &'static [Meta] {
    let Some(&(first, count)) = tables::BY_CODE.get(usize::from(code)) else {
        return &[];
    };
    let (first, count) = (usize::from(first), usize::from(count));
    tables::REGIONS.get(first..first + count).unwrap_or(&[])
}

/// The metadata of a calling code's main region (libphonenumber's
/// `getMetadataForRegionOrCallingCode(code, getRegionCodeForCountryCode(code))`).
pub(super) fn main_metadata(code: u16) -> Option<&'static Meta> {
    regions(code).first()
}

/// libphonenumber's `getRegionCodeForNumber`: the metadata the number belongs to.
fn metadata_for(number: &Number) -> Option<&'static Meta> {
    let candidates = regions(number.calling_code);
    if candidates.len() <= 1 {
        return candidates.first();
    }
    candidates.iter().find(|meta| {
        if meta.has_leading_digits {
            scan(meta, &number.nsn) & tables::LEADING != 0
        } else {
            number_type(meta, &number.nsn) != NumberType::Unknown
        }
    })
}

fn region_name(meta: &'static Meta) -> Option<&'static str> {
    // Region ids are two letters; non-geographic calling codes (libphonenumber's `001`)
    // have none.
    std::str::from_utf8(&meta.id)
        .ok()
        .filter(|id| id.bytes().all(|b| b.is_ascii_uppercase()))
}

/// libphonenumber's `isValidNumber` with the number's type and region; for a number that
/// is not valid, `isPossibleNumberWithReason` and the best region known.
pub(super) fn check(number: &Number) -> Verdict {
    let meta = metadata_for(number);
    if let Some(meta) = meta {
        let number_type = number_type(meta, &number.nsn);
        if number_type != NumberType::Unknown {
            return Verdict::Valid {
                number_type,
                region: region_name(meta),
            };
        }
    }
    let length = match main_metadata(number.calling_code) {
        Some(main) => length(main, number.nsn.len()),
        None => Length::Possible,
    };
    // The region the number belongs to, else region_hint's: metadata_for has already
    // scanned every region with leading digits, and found that none fit when `meta` is
    // None, so only the fallback is left (for a +1 number, 24 scans not repeated).
    let region = meta
        .or_else(|| fallback_region(number))
        .and_then(region_name);
    Verdict::Invalid { length, region }
}

/// The region to name in an error about a number that is not valid: one whose leading
/// digits it has (`+1 416` is Canada's), else [`fallback_region`]'s.
fn region_hint(number: &Number) -> Option<&'static str> {
    regions(number.calling_code)
        .iter()
        .find(|meta| meta.has_leading_digits && scan(meta, &number.nsn) & tables::LEADING != 0)
        .or_else(|| fallback_region(number))
        .and_then(region_name)
}

/// When no region's leading digits fit: the default region when the calling code is its
/// own, else the calling code's main region (against whose lengths libphonenumber checks
/// it). `None` for non-geographic codes.
fn fallback_region(number: &Number) -> Option<&'static Meta> {
    number
        .default
        .filter(|d| d.meta.calling_code == number.calling_code)
        .map(|d| d.meta)
        .or_else(|| regions(number.calling_code).first())
}

/// Whether bit `len` of a set of lengths is set.
pub(super) fn has_length(lengths: u32, len: usize) -> bool {
    len < 32 && lengths & (1 << len) != 0
}

/// libphonenumber's `testNumberLength` for type `UNKNOWN`, against the general lengths of
/// a region: like libphonenumber's metadata build, the union of the number types' lengths,
/// and the local-only lengths those that are only local.
fn length(meta: &'static Meta, len: usize) -> Length {
    let lengths = Lengths(meta.all_lengths);
    if lengths.0 == 0 {
        return Length::Invalid { lengths };
    }
    let min = lengths.0.trailing_zeros() as usize;
    let max = 31 - lengths.0.leading_zeros() as usize;
    if Lengths(meta.local_lengths).has(len) {
        Length::LocalOnly { lengths }
    } else if len < min {
        Length::TooShort { lengths }
    } else if len > max {
        Length::TooLong { lengths }
    } else if lengths.has(len) {
        Length::Possible
    } else {
        Length::Invalid { lengths }
    }
}

/// Whether the whole of `nsn` matches the region's general pattern.
fn general(meta: &'static Meta, nsn: &str) -> bool {
    scan(meta, nsn) & tables::GENERAL != 0
}

/// Which of the region's patterns `nsn` matches (see [`tables::GENERAL`]).
fn scan(meta: &'static Meta, nsn: &str) -> u32 {
    tables::walk(meta.automaton, nsn.as_bytes())
}

/// libphonenumber's `getNumberTypeHelper`.
fn number_type(meta: &'static Meta, nsn: &str) -> NumberType {
    let len = nsn.len();
    if !has_length(meta.all_lengths, len) {
        return NumberType::Unknown;
    }
    let matched = scan(meta, nsn);
    if matched & tables::GENERAL == 0 {
        return NumberType::Unknown;
    }
    // libphonenumber's `isNumberMatchingDesc`: the pattern matches the whole number, and
    // its length is one of the type's (when the type lists any).
    let matches = |t: usize| {
        let pattern = matched & (tables::FIRST_TYPE << t) != 0;
        let lengths = meta
            .type_lengths
            .get(t)
            .and_then(|&i| tables::LENGTHS.get(usize::from(i)))
            .copied()
            .unwrap_or(0);
        pattern && (lengths == u32::MAX || has_length(lengths, len))
    };
    use tables::types::*;
    let ordered = [
        (PREMIUM_RATE, NumberType::PremiumRate),
        (TOLL_FREE, NumberType::TollFree),
        (SHARED_COST, NumberType::SharedCost),
        (VOIP, NumberType::Voip),
        (PERSONAL_NUMBER, NumberType::PersonalNumber),
        (PAGER, NumberType::Pager),
        (UAN, NumberType::Uan),
        (VOICEMAIL, NumberType::Voicemail),
    ];
    for (t, kind) in ordered {
        if matches(t) {
            return kind;
        }
    }
    if matches(FIXED_LINE) {
        if meta.same_fixed_mobile || matches(MOBILE) {
            return NumberType::FixedLineOrMobile;
        }
        return NumberType::FixedLine;
    }
    if matches(MOBILE) {
        return NumberType::Mobile;
    }
    NumberType::Unknown
}

/// How many leading digits the region's international prefix takes, if `digits` start
/// with it.
pub(super) fn international_prefix_len(region: Region, digits: &str) -> Option<usize> {
    let program = region.meta.international_prefix.and_then(program)?;
    let mut slots = [None; 2 * tables::MAX_GROUPS];
    matcher::run(program, digits.as_bytes(), &mut slots)
}

/// A program by number.
pub(super) fn program(index: u16) -> Option<tables::Code> {
    tables::program(index)
}
