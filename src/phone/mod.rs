//! Phone numbers: any human spelling to E.164, valid as libphonenumber defines valid.
//!
//! ```
//! use contactkit::phone::{normalize, PhoneOptions};
//!
//! let opts = PhoneOptions { default_country: Some("mx".into()), ..Default::default() };
//! let phone = normalize("(55) 1234-5678 ext. 12", &opts).unwrap();
//! assert_eq!(phone.value, "+525512345678");
//! assert_eq!(phone.international, "+52 55 1234 5678 ext. 12");
//! ```
//!
//! # The rule
//!
//! - **Spelling.** Spaces, dashes, dots, slashes, parentheses and the Unicode look-alikes
//!   libphonenumber accepts; digits of any script (`٣`, `３`); words around the number
//!   (`Tel: +1 212 456 7890`); `tel:` URIs with `;ext=` and `;phone-context=`. Letters
//!   become keypad digits only when there are at least three of them (`1-800-FLOWERS`), as in
//!   libphonenumber; fewer are ignored.
//! - **International prefix.** A leading `+` (or several), or a leading `00` followed by a
//!   calling code, with or without a default country. With a default country, its own
//!   international prefix is read too (`011 44 ...` in the US, `0021 ...` with a carrier code in
//!   Brazil). `000...` is not `00` and a calling code, as no calling code starts with 0.
//! - **Default country** (`default_country`): a country code or name as [`crate::country`]
//!   reads them (`"MX"`, `"mex"`, `"México"`), blank meaning none; the payload builders read
//!   their `defaultCountry` the same way. A country libphonenumber has no numbering plan for
//!   (AQ, BV, GS, HM, PN, TF, UM) is the same as none. Anything that is no country is
//!   `invalid_option` (params `option`, `reason`, `value`) whatever the number, since it is a
//!   mistake of the caller. It is not used
//!   for numbers written with `+` or `00`. National numbers may keep their national prefix
//!   (`020 ...` in GB, `0 ...` in DE, `8 ...` in RU) or repeat the calling code without `+`.
//! - **Extension.** `ext. 12`, `ext 12`, `ext:12`, `extn`, `extension`, `extensión`, `anexo`,
//!   `доб`, `x12`, `#12`, `~12`, `, 12`, `;12`, `- 12#` and `;ext=12`, with libphonenumber's
//!   length limits. It is returned in `extension` and in the international and national formats
//!   (with the calling code's preferred separator, ` ext. ` by default, ` x` for +44), never in
//!   `value`. libphonenumber reads at most 9 digits after ` x`, `#` or ` int `, so a longer
//!   extension is written after ` ext. `, and every format reads back as the same number.
//! - **Valid** means libphonenumber's `isValidNumber`, not merely a possible length.
//!   `region` is the region the number belongs to (`CA` for `+1 416 ...`, `PR` for `+1 787 ...`)
//!   and `None` for non-geographic numbers (`+800`, `+882`, ...).
//!
//! # Errors
//!
//! | code | when | params |
//! |---|---|---|
//! | `empty` | blank input | |
//! | `input_too_long` | over [`crate::MAX_FIELD_INPUT_BYTES`] | `max`, `length` |
//! | `invalid_option` | unknown default country | `option`, `reason`, `value` |
//! | `phone_not_a_number` | no number in the text (letters, symbols, a `+` in the middle) | |
//! | `phone_invalid_country_code` | `+` or `00` and no calling code (`+999`, `+0`) | |
//! | `phone_missing_country` | a national number and no default country | |
//! | `phone_too_short` | too few digits | `calling_code`, `region`, `possible_lengths` when known |
//! | `phone_too_long` | too many digits | `calling_code`, `region`, `possible_lengths` when known |
//! | `phone_invalid` | a possible length, but not a number the country assigns | `calling_code`, `region`, `possible_lengths` when the length is not one of them |
//! | `phone_incomplete` | only from [`AsYouType`]: a start more digits may complete (`+`, `+3`, too short yet) | |
//!
//! For a number that parses but is not valid, libphonenumber's `isPossibleNumberWithReason`
//! picks the code:
//!
//! | libphonenumber | code |
//! |---|---|
//! | `TOO_SHORT` | `phone_too_short` |
//! | `IS_POSSIBLE_LOCAL_ONLY` (a local number without its area code) | `phone_too_short` |
//! | `TOO_LONG` | `phone_too_long` |
//! | `INVALID_LENGTH` (between the shortest and longest lengths, but not one of them) | `phone_invalid` |
//! | `IS_POSSIBLE` | `phone_invalid` |
//!
//! `INVALID_LENGTH` is `phone_invalid` rather than too short or too long because either advice
//! could be wrong (a country with 9- and 11-digit numbers, and 10 typed); `possible_lengths` says
//! what would fit. libphonenumber's parse failures map the same way (`TOO_SHORT_NSN` and
//! `TOO_SHORT_AFTER_IDD` are too short, `TOO_LONG` too long); a bare start such as `+1` or `(5`,
//! which libphonenumber calls not a number, is `phone_too_short`, the more useful answer while
//! someone types.
//!
//! `region` names the region the number belongs to, else one whose leading digits it has, else
//! the default country when the calling code is its own, else the calling code's main region
//! (`US` for +1, `GB` for +44); for non-geographic calling codes `phone_invalid` gives
//! `+<calling code>` as `region`, so the message still reads well.
//!
//! # How it is built
//!
//! One file per part, so that each can be read and changed alone:
//!
//! - `spelling` (no metadata) reads what a person typed or pasted down to a `+` or `00` flag,
//!   ASCII digits and an extension. Inputs that cannot be a phone number stop here.
//! - `engine` holds everything that needs libphonenumber's metadata: calling codes,
//!   international and national prefixes, validity, number type and region. It runs
//!   libphonenumber's own algorithms over libphonenumber's metadata ([`METADATA_VERSION`],
//!   `build/phone_metadata.json`, dumped from python `phonenumbers` by
//!   `scripts/gen_phone_metadata.py`). The differential test `tests/phone_differential.rs`
//!   compares the whole rule with libphonenumber itself, at the same release.
//! - `formatting` writes a valid number in E.164, international and national format.
//! - `countries` is a country picker's data: [`regions`] with phone metadata, their
//!   [`calling_code`], and [`example_number`]s.
//! - `as_you_type` ([`AsYouType`]) formats a number while it is typed, as libphonenumber's
//!   `AsYouTypeFormatter` does (`docs/phone-as-you-type.md`).
//! - `input` ([`format_input`]) formats an `<input>`'s text after an edit over it, with its
//!   caret after the same digit.
//! - `tables` holds the metadata, compiled at build time (`build/`): per region its data, a
//!   deterministic automaton over the digits for its number types, and small programs for the
//!   patterns whose captures are needed, which `matcher` runs. `layout` is what the build
//!   script and the engine share (bit positions, the instruction set). Nothing is parsed,
//!   decoded or compiled at run time, and no regex engine is linked in.

mod as_you_type;
mod countries;
mod engine;
mod formatting;
mod input;
mod layout;
mod matcher;
mod spelling;
mod tables;

use serde::Serialize;

use crate::error::{precheck, ErrorCode, FieldError, Params};
use crate::lang::Lang;

/// The libphonenumber release whose metadata the phone rule uses (`"9.0.43"`).
pub use tables::METADATA_VERSION;

pub use as_you_type::AsYouType;
pub use countries::{
    calling_code, countries, example_number, example_numbers, regions, CountryOption, Example,
    PhoneRegion,
};
pub use input::{format_input, Edit, PhoneInput};

/// Options of [`normalize`]. From JSON with [`PhoneOptions::from_json`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PhoneOptions {
    /// The country a national number belongs to: an ISO 3166-1 code (any case) or a name, as
    /// [`crate::country::normalize`] reads it. Ignored when the number starts with `+` or
    /// `00`; blank means none.
    pub default_country: Option<String>,
    /// Language of error messages.
    pub lang: Lang,
}

impl PhoneOptions {
    /// Reads `{"defaultCountry": "MX", "lang": "es"}` as the npm package reads a JS object
    /// (see [`crate::FieldOptions::from_json`]); `null` gives the defaults. Whether the country
    /// exists is checked by [`normalize`].
    pub fn from_json(v: &serde_json::Value) -> Result<Self, FieldError> {
        crate::options::ReadOptions::from_source(v)
    }

    /// A phone number and options given as JSON, checked as `normalizePhone` checks them in
    /// the npm package (see [`crate::FieldOptions::read_call`]).
    pub fn read_call<'a>(
        input: &'a serde_json::Value,
        options: &serde_json::Value,
    ) -> Result<(&'a str, Self), FieldError> {
        crate::options::json_call(input, options)
    }
}

/// What kind of line a number is, as libphonenumber classifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NumberType {
    /// A landline.
    FixedLine,
    /// A mobile phone.
    Mobile,
    /// Either (the country does not tell them apart, as in the US).
    FixedLineOrMobile,
    /// Free to call.
    TollFree,
    /// Premium rate.
    PremiumRate,
    /// Cost shared between caller and callee.
    SharedCost,
    /// Voice over IP.
    Voip,
    /// A personal number routed to other numbers.
    PersonalNumber,
    /// A pager.
    Pager,
    /// A company's Universal Access Number.
    Uan,
    /// Voicemail access.
    Voicemail,
    /// Valid, but of no known kind.
    Unknown,
}

impl NumberType {
    /// The stable snake_case name of the type, as serialized (`fixed_line`).
    pub fn as_str(self) -> &'static str {
        match self {
            NumberType::FixedLine => "fixed_line",
            NumberType::Mobile => "mobile",
            NumberType::FixedLineOrMobile => "fixed_line_or_mobile",
            NumberType::TollFree => "toll_free",
            NumberType::PremiumRate => "premium_rate",
            NumberType::SharedCost => "shared_cost",
            NumberType::Voip => "voip",
            NumberType::PersonalNumber => "personal_number",
            NumberType::Pager => "pager",
            NumberType::Uan => "uan",
            NumberType::Voicemail => "voicemail",
            NumberType::Unknown => "unknown",
        }
    }
}

/// A valid phone number in every format a form or an API needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Phone {
    /// The normalized value: E.164 (`+12124567890`), without the extension.
    pub value: String,
    /// E.164, the same as `value`.
    pub e164: String,
    /// International format (`+1 212-456-7890`), with the extension if any.
    pub international: String,
    /// National format (`(212) 456-7890`), with the extension if any.
    pub national: String,
    /// The country calling code (`1`).
    pub calling_code: u16,
    /// The ISO 3166-1 alpha-2 region the number belongs to (`US`), if one.
    pub region: Option<String>,
    /// The kind of line.
    pub number_type: NumberType,
    /// The extension (`12` for `ext. 12`), if any.
    pub extension: Option<String>,
}

/// Parses, validates and normalizes a phone number.
///
/// ```
/// use contactkit::phone::{normalize, PhoneOptions};
///
/// let opts = PhoneOptions { default_country: Some("gb".into()), ..Default::default() };
/// let phone = normalize("020 7946 0958 ext. 12", &opts).unwrap();
/// assert_eq!(phone.value, "+442079460958");
/// assert_eq!(phone.extension.as_deref(), Some("12"));
/// assert_eq!(phone.region.as_deref(), Some("GB"));
///
/// let err = normalize("0044 20 7946 095", &PhoneOptions::default()).unwrap_err();
/// assert_eq!(err.code.as_str(), "phone_invalid");
/// assert_eq!(err.message, "This is not a valid phone number for GB.");
/// ```
pub fn normalize(input: &str, opts: &PhoneOptions) -> Result<Phone, FieldError> {
    let valid = check(input, opts.default_country.as_deref(), opts.lang)?;
    let (number, extension) = (valid.number, valid.spelled.extension);
    let formats = formatting::format(&number);
    let (international, national) = match &extension {
        Some(ext) => {
            let sep = match formatting::extension_separator(&number) {
                // libphonenumber reads at most 9 digits after an ambiguous label (` x`, `#`,
                // ` int `) and up to 20 after ` ext. `: a longer extension takes the label
                // that reads back.
                sep if ext.len() > spelling::AMBIGUOUS_MAX_DIGITS
                    && spelling::is_ambiguous(sep) =>
                {
                    " ext. "
                }
                sep => sep,
            };
            (
                with_extension(&formats.international, sep, ext),
                with_extension(&formats.national, sep, ext),
            )
        }
        None => (formats.international, formats.national),
    };
    Ok(Phone {
        value: formats.e164.clone(),
        e164: formats.e164,
        international,
        national,
        calling_code: number.calling_code(),
        region: valid.region.map(str::to_owned),
        number_type: valid.number_type,
        extension,
    })
}

/// A formatted number followed by its extension. Out of line: the first call of a fresh Wasm
/// instance compiles `normalize`'s callers, and most numbers have no extension.
#[inline(never)]
fn with_extension(formatted: &str, separator: &str, extension: &str) -> String {
    format!("{formatted}{separator}{extension}")
}

/// `normalize(input).value` (the E.164 form) without the other formats, for the payload
/// builders, which send only this.
pub(crate) fn e164(
    input: &str,
    default_country: Option<&str>,
    lang: Lang,
) -> Result<String, FieldError> {
    check(input, default_country, lang).map(|valid| formatting::e164(&valid.number))
}

/// A number [`normalize`] finds valid, before it is formatted.
struct Valid {
    number: engine::Number,
    spelled: spelling::Spelled,
    number_type: NumberType,
    region: Option<&'static str>,
}

/// Everything [`normalize`] checks: the number, or the error it reports.
fn check(input: &str, default_country: Option<&str>, lang: Lang) -> Result<Valid, FieldError> {
    let (number, spelled) = parse(input, default_country, lang)?;
    match engine::check(&number) {
        engine::Verdict::Valid {
            number_type,
            region,
        } => Ok(Valid {
            number,
            spelled,
            number_type,
            region,
        }),
        engine::Verdict::Invalid { length, region } => {
            Err(invalid_error(length, region, number.calling_code(), lang))
        }
    }
}

/// libphonenumber's `isPossibleNumber` of `input`: it parses, and its length is one its country
/// has (valid numbers included).
fn is_possible(input: &str, default_country: Option<&str>) -> bool {
    let Ok((number, _)) = parse(input, default_country, Lang::En) else {
        return false;
    };
    match engine::check(&number) {
        engine::Verdict::Valid { .. } => true,
        engine::Verdict::Invalid { length, .. } => matches!(
            length,
            engine::Length::Possible | engine::Length::LocalOnly { .. }
        ),
    }
}

/// The number in `input` (not necessarily valid) and its spelling, or the error that stops it.
fn parse(
    input: &str,
    default_country: Option<&str>,
    lang: Lang,
) -> Result<(engine::Number, spelling::Spelled), FieldError> {
    let text = precheck(input, lang)?;
    let default = default_region(default_country, lang)?;
    let spelled = spelling::read(text).map_err(|code| FieldError::new(code, lang))?;

    let dialled = match (spelled.prefix, default) {
        (spelling::Prefix::Plus, _) => engine::Dialled::International(&spelled.digits),
        (spelling::Prefix::DoubleZero, Some(region))
            if engine::international_prefix_len(region, &spelled.digits).is_some() =>
        {
            // The default country's own international prefix covers this `00` (it may carry
            // a carrier code after it, as in Brazil): let the engine read it as that country
            // would dial it.
            engine::Dialled::National(&spelled.digits, region)
        }
        (spelling::Prefix::DoubleZero, _) => {
            engine::Dialled::International(spelled.digits.get(2..).unwrap_or(""))
        }
        (spelling::Prefix::None, Some(region)) => {
            engine::Dialled::National(&spelled.digits, region)
        }
        (spelling::Prefix::None, None) => {
            return Err(FieldError::new(ErrorCode::PhoneMissingCountry, lang))
        }
    };

    let number = engine::parse(dialled).map_err(|failure| failure_error(failure, lang))?;
    Ok((number, spelled))
}

/// Reads the `defaultCountry` option: blank is none; a code or a name the country rule
/// resolves (a country libphonenumber has no numbering plan for, such as AQ, gives none);
/// anything else is `invalid_option`.
fn default_region(given: Option<&str>, lang: Lang) -> Result<Option<engine::Region>, FieldError> {
    let Some(given) = given.map(crate::error::trim).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    // An alpha-2 code, the common case, without the country rule's tables.
    if let Some(region) = engine::Region::from_alpha2(given) {
        return Ok(Some(region));
    }
    let code = resolve_default_country(given, lang)?;
    Ok(engine::Region::from_alpha2(&code))
}

/// The alpha-2 code of a default country given as a code or a name (`"mx"`, `"MEX"`,
/// `"México"`), or `None` when blank: the one reading of `defaultCountry` that [`normalize`]
/// and the payload builders share, with the same `invalid_option` error.
pub(crate) fn default_country(given: &str, lang: Lang) -> Result<Option<String>, FieldError> {
    let given = crate::error::trim(given);
    if given.is_empty() {
        return Ok(None);
    }
    if engine::Region::from_alpha2(given).is_some() {
        return Ok(Some(given.to_ascii_uppercase()));
    }
    resolve_default_country(given, lang).map(Some)
}

/// A default country that is not an alpha-2 code libphonenumber has a plan for, resolved as
/// the country rule resolves a country (codes, and names in several languages). Out of line:
/// most callers give an alpha-2 code.
#[cold]
#[inline(never)]
fn resolve_default_country(given: &str, lang: Lang) -> Result<String, FieldError> {
    crate::country::normalize(given, &crate::lang::FieldOptions::new(lang))
        .map(|country| country.value)
        .map_err(|_| unknown_default_region(given, lang))
}

/// The error for a `defaultCountry` that is not a country.
#[cold]
#[inline(never)]
fn unknown_default_region(given: &str, lang: Lang) -> FieldError {
    // Quote at most a country name's worth of what was given: the option is not user text to
    // echo.
    let shown: String = given.chars().take(32).collect();
    let params =
        crate::error::option_params("defaultCountry", "not_a_country", &[("value", &shown)]);
    FieldError::with_params(ErrorCode::InvalidOption, params, lang)
}

#[cold]
#[inline(never)]
fn failure_error(failure: engine::Failure, lang: Lang) -> FieldError {
    let (code, known) = match failure {
        engine::Failure::InvalidCountryCode => {
            return FieldError::new(ErrorCode::PhoneInvalidCountryCode, lang)
        }
        engine::Failure::TooShort(known) => (ErrorCode::PhoneTooShort, known),
        engine::Failure::TooLong(known) => (ErrorCode::PhoneTooLong, known),
    };
    let mut params = Params::new();
    if let Some(calling_code) = known.calling_code {
        params.insert("calling_code", calling_code.into());
    }
    if let Some(region) = known.region {
        params.insert("region", region.into());
    }
    FieldError::with_params(code, params, lang)
}

/// The error for a parsed number that is not valid, from libphonenumber's length verdict.
#[cold]
#[inline(never)]
fn invalid_error(
    length: engine::Length,
    region: Option<&'static str>,
    calling_code: u16,
    lang: Lang,
) -> FieldError {
    let code = match length {
        engine::Length::TooShort { .. } | engine::Length::LocalOnly { .. } => {
            ErrorCode::PhoneTooShort
        }
        engine::Length::TooLong { .. } => ErrorCode::PhoneTooLong,
        engine::Length::Invalid { .. } | engine::Length::Possible => ErrorCode::PhoneInvalid,
    };
    // In the params' own (sorted) order, each added at the end of a list made for three.
    let mut params = Params::with_capacity(3);
    params.insert("calling_code", calling_code.into());
    if let engine::Length::TooShort { lengths }
    | engine::Length::LocalOnly { lengths }
    | engine::Length::TooLong { lengths }
    | engine::Length::Invalid { lengths } = length
    {
        params.insert("possible_lengths", lengths.list());
    }
    match region {
        Some(region) => {
            params.insert("region", region.into());
        }
        // The message names the region; a number under a shared or non-geographic calling code
        // has none, so it names the calling code instead.
        None if code == ErrorCode::PhoneInvalid => {
            params.insert("region", format!("+{calling_code}").into());
        }
        None => {}
    }
    FieldError::with_params(code, params, lang)
}
