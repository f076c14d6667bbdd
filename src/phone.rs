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
//!   their `defaultCountry` the same way. A country libphonenumber has no metadata for (or no
//!   country) is `invalid_option` (params `option`, `reason`, `value`) whatever the number,
//!   since it is a mistake of the caller. It is not used
//!   for numbers written with `+` or `00`. National numbers may keep their national prefix
//!   (`020 ...` in GB, `0 ...` in DE, `8 ...` in RU) or repeat the calling code without `+`.
//! - **Extension.** `ext. 12`, `ext 12`, `ext:12`, `extn`, `extension`, `extensión`, `anexo`,
//!   `доб`, `x12`, `#12`, `~12`, `, 12`, `;12`, `- 12#` and `;ext=12`, with libphonenumber's
//!   length limits. It is returned in `extension` and in the international and national formats
//!   (with the calling code's preferred separator, ` ext. ` by default, ` x` for +44), never in
//!   `value`.
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
//! Two stages, so the engine behind them can be swapped:
//!
//! 1. `spelling` (no metadata) reads what a person typed or pasted down to a `+` or `00` flag,
//!    ASCII digits and an extension. Inputs that cannot be a phone number stop here.
//! 2. `engine` holds everything that needs libphonenumber's metadata: calling codes,
//!    international and national prefixes, validity, number type, region and formats. It runs
//!    libphonenumber's own algorithms over the metadata of the `phonenumber` crate (the crate's
//!    parser, validator and formatter are not used: see the module's notes). The differential test
//!    `tests/phone_differential.rs` compares the whole rule with libphonenumber itself.
//!
//! The metadata is compiled at build time (`build.rs`) into `tables`: per region its data, a
//! deterministic automaton over the digits for its number types, and small programs for the
//! patterns whose captures are needed. Nothing is parsed, decoded or compiled at run time, and
//! neither the `phonenumber` crate nor a regex engine is linked in.

use serde::{Deserialize, Serialize};

use crate::error::{precheck, ErrorCode, FieldError, Params};
use crate::lang::Lang;

/// Options of [`normalize`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PhoneOptions {
    /// The country a national number belongs to: an ISO 3166-1 code (any case) or a name, as
    /// [`crate::country::normalize`] reads it. Ignored when the number starts with `+` or
    /// `00`; blank means none.
    #[serde(default)]
    pub default_country: Option<String>,
    /// Language of error messages.
    #[serde(default)]
    pub lang: Lang,
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
    let formats = engine::format(&number);
    let (international, national) = match &extension {
        Some(ext) => {
            let sep = engine::extension_separator(&number);
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
    check(input, default_country, lang).map(|valid| engine::e164(&valid.number))
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

/// Reads the `defaultCountry` option: blank is none; a code or a name the country rule
/// resolves to a region libphonenumber has numbers for; anything else is `invalid_option`.
fn default_region(given: Option<&str>, lang: Lang) -> Result<Option<engine::Region>, FieldError> {
    let Some(given) = given.map(crate::error::trim).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    // An alpha-2 code, the common case, without the country rule's tables.
    if let Some(region) = engine::Region::from_alpha2(given) {
        return Ok(Some(region));
    }
    resolve_default_country(given, lang).map(|(_, region)| Some(region))
}

/// The alpha-2 code of a default country given as a code or a name (`"mx"`, `"MEX"`,
/// `"México"`), or `None` when blank: the one reading of `defaultCountry` that
/// [`normalize`] and the payload builders share, with the same `invalid_option` error.
pub(crate) fn default_country(given: &str, lang: Lang) -> Result<Option<String>, FieldError> {
    let given = crate::error::trim(given);
    if given.is_empty() {
        return Ok(None);
    }
    if engine::Region::from_alpha2(given).is_some() {
        return Ok(Some(given.to_ascii_uppercase()));
    }
    resolve_default_country(given, lang).map(|(code, _)| Some(code))
}

/// A default country that is not an alpha-2 code libphonenumber knows: resolved as the
/// country rule resolves a country (alpha-3, names in English and Spanish). Out of line: most
/// callers give an alpha-2 code.
#[cold]
#[inline(never)]
fn resolve_default_country(
    given: &str,
    lang: Lang,
) -> Result<(String, engine::Region), FieldError> {
    crate::country::normalize(given, &crate::lang::FieldOptions::new(lang))
        .ok()
        .and_then(|c| engine::Region::from_alpha2(&c.value).map(|region| (c.value, region)))
        .ok_or_else(|| unknown_default_region(given, lang))
}

/// The error for a `defaultCountry` that is not a country libphonenumber has numbers for.
#[cold]
#[inline(never)]
fn unknown_default_region(given: &str, lang: Lang) -> FieldError {
    // Quote at most a country name's worth of what was given: the option is not user text
    // to echo.
    let shown: String = given.chars().take(32).collect();
    let reason = match lang {
        Lang::En => {
            format!("\"{shown}\" is not a country code or name libphonenumber has numbers for")
        }
        Lang::Es => format!(
            "\"{shown}\" no es un código ni un nombre de país del que libphonenumber tenga números"
        ),
    };
    let params =
        crate::params! {"option" => "defaultCountry", "reason" => reason, "value" => shown};
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

/// Reading a human spelling of a phone number down to ASCII digits. Knows no metadata.
///
/// It follows libphonenumber's reading of text (`extractPossibleNumber`, `isViablePhoneNumber`,
/// `maybeStripExtension`, `normalize`), written out by hand so it needs no regex engine.
mod spelling {
    use std::borrow::Cow;

    use crate::error::ErrorCode;

    /// How the number says it is international.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(super) enum Prefix {
        /// A leading `+` (or several, or the full-width `＋`).
        Plus,
        /// No `+`, and the digits start with `00` and a digit other than 0; the `00` stays in
        /// [`Spelled::digits`].
        DoubleZero,
        /// Neither: a national number, or one dialled with a country's own international prefix.
        None,
    }

    impl Prefix {
        /// The prefix of `digits` read after a `+` (`plus`) or not.
        fn of(plus: bool, digits: &str) -> Prefix {
            if plus {
                Prefix::Plus
            } else if digits.starts_with("00") && !digits.starts_with("000") {
                // As with libphonenumber's own international prefixes: no calling code starts
                // with 0, so `000...` is not `00` and a calling code.
                Prefix::DoubleZero
            } else {
                Prefix::None
            }
        }
    }

    /// A number reduced to what the engine needs.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub(super) struct Spelled {
        pub prefix: Prefix,
        /// ASCII digits only, without the `+`.
        pub digits: String,
        /// ASCII digits of the extension.
        pub extension: Option<String>,
    }

    /// More digits than this are never a phone number, whatever prefixes they carry (an
    /// international prefix of up to 5 digits, a carrier code, a 3-digit calling code and
    /// libphonenumber's 17-digit maximum national number all fit).
    const MAX_DIGITS: usize = 32;

    /// Reads `text` (trimmed, at most [`crate::MAX_FIELD_INPUT_BYTES`] long).
    pub(super) fn read(text: &str) -> Result<Spelled, ErrorCode> {
        match plain(text) {
            Some(spelled) => Ok(spelled),
            None => read_any(text),
        }
    }

    /// The common spelling, read in one pass: ASCII digits among spaces, `-`, `.`, `(` and
    /// `)`, after at most one `+` that comes first; 3 to [`MAX_DIGITS`] digits. What
    /// [`read_any`] gives such a text: it has no `tel:`, extension, letters or second number,
    /// and it is viable. `None` for any other text.
    fn plain(text: &str) -> Option<Spelled> {
        let (plus, rest) = match text.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let mut digits = String::with_capacity(MAX_DIGITS);
        for b in rest.bytes() {
            match b {
                b'0'..=b'9' if digits.len() < MAX_DIGITS => digits.push(char::from(b)),
                b' ' | b'-' | b'.' | b'(' | b')' => {}
                _ => return None,
            }
        }
        if digits.len() < 3 {
            return None;
        }
        Some(Spelled {
            prefix: Prefix::of(plus, &digits),
            digits,
            extension: None,
        })
    }

    /// [`read`] of any text. Out of line: the first call of a fresh Wasm instance compiles
    /// [`read`]'s callers, and a plain spelling never needs this reading.
    #[inline(never)]
    fn read_any(text: &str) -> Result<Spelled, ErrorCode> {
        let (number, rfc_extension) = match rfc3966(text) {
            Some(parts) => parts?,
            None => (
                Cow::Borrowed(extract(text).ok_or(ErrorCode::PhoneNotANumber)?),
                None,
            ),
        };
        let (number, extension) = match rfc_extension {
            Some(ext) => (&*number, Some(ext)),
            None => match split_extension(&number) {
                Some((number, ext)) => (number, Some(ext)),
                None => (&*number, None),
            },
        };
        if !is_viable(number) {
            return Err(if is_number_start(number) {
                ErrorCode::PhoneTooShort
            } else {
                ErrorCode::PhoneNotANumber
            });
        }

        let rest = number.trim_start_matches(is_plus);
        let plus = rest.len() != number.len();
        let vanity = rest.chars().filter(char::is_ascii_alphabetic).count() >= 3;
        let mut digits = String::with_capacity(MAX_DIGITS);
        for c in rest.chars() {
            let d = match digit_value(c) {
                Some(d) => Some(d),
                None if vanity => keypad_digit(c),
                None => None,
            };
            if let Some(d) = d {
                if digits.len() == MAX_DIGITS {
                    return Err(ErrorCode::PhoneTooLong);
                }
                digits.push(char::from(b'0' + d));
            }
        }
        Ok(Spelled {
            prefix: Prefix::of(plus, &digits),
            digits,
            extension,
        })
    }

    /// A `tel:` URI (RFC 3966) or a number with a `;phone-context=`: the number (with a global
    /// context's `+digits` put in front, as RFC 3966 says) and the `;ext=` parameter.
    /// `None` when `text` is neither.
    #[allow(clippy::type_complexity)]
    fn rfc3966(text: &str) -> Option<Result<(Cow<'_, str>, Option<String>), ErrorCode>> {
        let body = match text.get(..4) {
            Some(scheme) if scheme.eq_ignore_ascii_case("tel:") => text.get(4..).unwrap_or(""),
            _ if text.contains(";phone-context=") => text,
            _ => return None,
        };
        let (number, params) = body.split_once(';').unwrap_or((body, ""));
        let mut extension = None;
        let mut context = None;
        for param in params.split(';') {
            let (name, value) = param.split_once('=').unwrap_or((param, ""));
            if name.eq_ignore_ascii_case("ext") {
                extension = Some(value);
            } else if name.eq_ignore_ascii_case("phone-context") {
                context = Some(value);
            }
        }
        Some(rfc3966_parts(number, context, extension))
    }

    #[allow(clippy::type_complexity)]
    fn rfc3966_parts<'a>(
        number: &'a str,
        context: Option<&str>,
        extension: Option<&str>,
    ) -> Result<(Cow<'a, str>, Option<String>), ErrorCode> {
        let extension = match extension {
            None => None,
            Some(ext) => Some(ascii_digits(ext, 20).ok_or(ErrorCode::PhoneNotANumber)?),
        };
        let number = match context {
            // A global context: `+`, digits and visual separators. A local number gets it in
            // front; an international one does not need it.
            Some(context) if context.starts_with('+') => {
                let global = context.get(1..).unwrap_or("");
                let ok = global.chars().any(|c| c.is_ascii_digit())
                    && global
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '(' | ')'));
                if !ok {
                    return Err(ErrorCode::PhoneNotANumber);
                }
                if number.starts_with('+') {
                    Cow::Borrowed(number)
                } else {
                    Cow::Owned(format!("{context}{number}"))
                }
            }
            // A local context (a domain name) says nothing about the calling code.
            Some("") => return Err(ErrorCode::PhoneNotANumber),
            _ => Cow::Borrowed(number),
        };
        match number {
            Cow::Borrowed(n) => Ok((
                Cow::Borrowed(extract(n).ok_or(ErrorCode::PhoneNotANumber)?),
                extension,
            )),
            Cow::Owned(n) => {
                let extracted = extract(&n).ok_or(ErrorCode::PhoneNotANumber)?.to_owned();
                Ok((Cow::Owned(extracted), extension))
            }
        }
    }

    /// The number in `text`: from the first `+` or digit, without trailing characters that are
    /// neither letters, digits nor `#`, and cut before a second number (`/ x`).
    /// libphonenumber's `extractPossibleNumber`.
    fn extract(text: &str) -> Option<&str> {
        let start = text.find(|c: char| is_plus(c) || digit_value(c).is_some())?;
        let mut number = text.get(start..)?;
        number = number.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '#'));
        if let Some(cut) = second_number_start(number) {
            number = number.get(..cut)?;
        }
        (!number.is_empty()).then_some(number)
    }

    /// Where `[\\/] *x` starts in `number`, if anywhere.
    fn second_number_start(number: &str) -> Option<usize> {
        for (i, c) in number.char_indices() {
            if c == '\\' || c == '/' {
                let after = number.get(i + 1..).unwrap_or("");
                if after.trim_start_matches(' ').starts_with('x') {
                    return Some(i);
                }
            }
        }
        None
    }

    /// libphonenumber's `isViablePhoneNumber`: two digits alone, or optional pluses, then at
    /// least three digits among punctuation, then punctuation, digits and letters.
    fn is_viable(number: &str) -> bool {
        let mut chars = number.chars();
        if let (Some(a), Some(b), None) = (chars.next(), chars.next(), chars.next()) {
            if digit_value(a).is_some() && digit_value(b).is_some() {
                return true;
            }
        }
        let mut digits = 0;
        let mut letter_seen = false;
        for c in number.trim_start_matches(is_plus).chars() {
            if digit_value(c).is_some() {
                if !letter_seen {
                    digits += 1;
                }
            } else if is_punctuation(c) || c == '*' {
                // allowed anywhere
            } else if c.is_ascii_alphabetic() {
                letter_seen = true;
            } else {
                return false;
            }
        }
        digits >= 3
    }

    /// Whether `number` could become a number as more digits are typed (`+1`, `(5`): pluses,
    /// then digits among punctuation, at least one digit. libphonenumber calls these not a
    /// number; a form is better served by "too short".
    fn is_number_start(number: &str) -> bool {
        let rest = number.trim_start_matches(is_plus);
        rest.chars().any(|c| digit_value(c).is_some())
            && rest
                .chars()
                .all(|c| digit_value(c).is_some() || is_punctuation(c) || c == '*')
    }

    /// libphonenumber's `VALID_PUNCTUATION` (it counts `x` as punctuation).
    fn is_punctuation(c: char) -> bool {
        matches!(
            c,
            '-' | 'x' | 'X' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}'
                | '\u{FF0D}'..='\u{FF0F}' | ' ' | '\u{00A0}' | '\u{00AD}' | '\u{200B}'
                | '\u{2060}' | '\u{3000}' | '(' | ')' | '\u{FF08}' | '\u{FF09}' | '\u{FF3B}'
                | '\u{FF3D}' | '.' | '[' | ']' | '/' | '~' | '\u{2053}' | '\u{223C}' | '\u{FF5E}'
        )
    }

    pub(super) fn is_plus(c: char) -> bool {
        c == '+' || c == '\u{FF0B}'
    }

    /// The value of a decimal digit in any script (Unicode `Nd` in the Basic Multilingual
    /// Plane), as libphonenumber accepts them.
    pub(super) fn digit_value(c: char) -> Option<u8> {
        // The zero of every run of ten decimal digits in the BMP.
        const ZEROS: [u32; 37] = [
            0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66,
            0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946,
            0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0,
            0xA9F0, 0xAA50, 0xABF0, 0xFF10,
        ];
        let code = u32::from(c);
        if c.is_ascii_digit() {
            return Some((code - 0x30) as u8);
        }
        if code < 0x660 {
            return None;
        }
        // The last zero at or below `code`; digits are the ten code points from it.
        let i = ZEROS.partition_point(|&z| z <= code);
        let zero = ZEROS.get(i.checked_sub(1)?)?;
        let value = code - zero;
        (value < 10).then_some(value as u8)
    }

    /// The telephone keypad digit of an ASCII letter (`A`-`C` → 2, ..., `W`-`Z` → 9).
    fn keypad_digit(c: char) -> Option<u8> {
        Some(match c.to_ascii_uppercase() {
            'A'..='C' => 2,
            'D'..='F' => 3,
            'G'..='I' => 4,
            'J'..='L' => 5,
            'M'..='O' => 6,
            'P'..='S' => 7,
            'T'..='V' => 8,
            'W'..='Z' => 9,
            _ => return None,
        })
    }

    /// `text` as ASCII digits when it is 1 to `max` digits of any script, else `None`.
    fn ascii_digits(text: &str, max: usize) -> Option<String> {
        let mut out = String::new();
        for c in text.chars() {
            if out.len() == max {
                return None;
            }
            out.push(char::from(b'0' + digit_value(c)?));
        }
        (!out.is_empty()).then_some(out)
    }

    /// Extension keywords after which up to 20 digits may follow (lower case), longest first
    /// where one is a suffix of another. libphonenumber's "explicit" extension labels.
    const EXPLICIT: &[&str] = &[
        "extensio\u{301}n",
        "extensión",
        "extension",
        "extensio\u{301}",
        "extensió",
        "extensio",
        "xtensio\u{301}n",
        "xtensión",
        "xtension",
        "xtensio\u{301}",
        "xtensió",
        "xtensio",
        "extn",
        "ext",
        "xtn",
        "xt",
        "ｅｘｔｎ",
        "ｅｘｔ",
        "ｘｔｎ",
        "ｘｔ",
        "доб",
        "anexo",
    ];
    /// Single-character or short labels after which up to 9 digits may follow.
    const AMBIGUOUS: &[&str] = &["int", "ｉｎｔ", "x", "ｘ", "#", "＃", "~", "～"];

    /// Splits a trailing extension off `number`: `(number, extension digits)`.
    /// libphonenumber's extension patterns for parsing, read from the end:
    /// `[ \t,]*LABEL[:.]?[ \t,-]*DIGITS#?`, `[- ]+DIGITS{1,6}#`, and the auto-dialling `;`, `,,`
    /// and `,` before digits. The part before must itself be a viable number.
    pub(super) fn split_extension<'s>(number: &'s str) -> Option<(&'s str, String)> {
        let body = number
            .strip_suffix('#')
            .or_else(|| number.strip_suffix('＃'));
        let hash = body.is_some();
        let body = body.unwrap_or(number);
        let digits_start = body
            .char_indices()
            .rev()
            .take_while(|&(_, c)| digit_value(c).is_some())
            .last()
            .map(|(i, _)| i)?;
        let ext_text = body.get(digits_start..)?;
        let before_digits = body.get(..digits_start)?;
        if before_digits.is_empty() {
            // Nothing before the digits: no number for an extension to follow.
            return None;
        }
        fn accept<'a>(rest: &'a str, ext: &str, max: usize) -> Option<(&'a str, String)> {
            let rest = rest.trim_end_matches([' ', '\u{00A0}', '\t', ',']);
            if !is_viable(rest) {
                return None;
            }
            Some((rest, ascii_digits(ext, max)?))
        }
        let accept = |rest: &'s str, max: usize| accept(rest, ext_text, max);

        // `LABEL[:.]?[ \t,-]*DIGITS#?`
        let trimmed = before_digits.trim_end_matches([' ', '\u{00A0}', '\t', ',', '-']);
        let unpunctuated = trimmed
            .strip_suffix([':', '.', '\u{FF0E}'])
            .unwrap_or(trimmed);
        for (labels, max) in [(EXPLICIT, 20), (AMBIGUOUS, 9)] {
            for label in labels {
                if let Some(found) = strip_label(unpunctuated, label).and_then(|r| accept(r, max)) {
                    return Some(found);
                }
            }
        }
        // Auto-dialling: `[ \t]*(,,|;)[:.]?[ \t,-]*DIGITS{1,15}#?` and `[ \t]*,+[:.]?[ \t,-]*DIGITS{1,9}#?`.
        let rest = before_digits
            .trim_end_matches([' ', '\u{00A0}', '\t', ',', '-', ';', ':', '.', '\u{FF0E}']);
        let run = before_digits.get(rest.len()..).unwrap_or("");
        let max = if run.contains(';') || run.contains(",,") {
            Some(15)
        } else if run.contains(',') {
            Some(9)
        } else {
            None
        };
        if let Some(found) = max.and_then(|max| accept(rest, max)) {
            return Some(found);
        }
        // American style: `[- ]+DIGITS{1,6}#`.
        if hash && before_digits.ends_with([' ', '-']) {
            return accept(before_digits.trim_end_matches([' ', '-']), 6);
        }
        None
    }

    /// `text` without `label` (lower case) at its end, compared without regard to case.
    fn strip_label<'a>(text: &'a str, label: &str) -> Option<&'a str> {
        let mut rest = text;
        for want in label.chars().rev() {
            let c = rest.chars().next_back()?;
            if !c.to_lowercase().eq(std::iter::once(want)) {
                return None;
            }
            rest = rest.get(..rest.len() - c.len_utf8())?;
        }
        Some(rest)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// The one-pass reading gives what the general one gives, on every text it takes.
        #[test]
        fn plain_reads_as_any() {
            const ALPHABET: &[u8] = b"+0019 -.()/x#";
            let mut checked = 0;
            let mut check = |text: &str| {
                if let Some(spelled) = plain(text) {
                    assert_eq!(Ok(spelled), read_any(text), "{text:?}");
                    checked += 1;
                }
            };
            // Every text of up to 5 characters over digits, the separators, and characters
            // the one-pass reading leaves to the other (`/`, `x`, `#`).
            let mut texts = vec![String::new()];
            for _ in 0..5 {
                let mut longer = Vec::new();
                for t in &texts {
                    for &c in ALPHABET {
                        longer.push(format!("{t}{}", char::from(c)));
                    }
                }
                longer.iter().for_each(|t| check(t));
                texts = longer;
            }
            // Longer ones, up to past MAX_DIGITS digits, from a fixed pseudo-random sequence.
            let mut state = 0x2545_f491_4f6c_dd1d_u64;
            for _ in 0..50_000 {
                let mut text = String::new();
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                for i in 0..(state % 48) {
                    let pick = (state >> (i % 40)) as usize % ALPHABET.len();
                    text.push(char::from(if i % 3 == 0 {
                        ALPHABET[pick]
                    } else {
                        b'0' + (pick as u8 % 10)
                    }));
                }
                check(&text);
            }
            assert!(checked > 20_000, "{checked}");
        }
    }
}

/// libphonenumber's rules over libphonenumber's metadata, behind a small interface.
///
/// The metadata is the `phonenumber` crate's copy (libphonenumber 9.0.33), compiled by
/// `build.rs` into [`tables`]: nothing is parsed or compiled at run time. The rules are
/// libphonenumber's own (`PhoneNumberUtil.parse`, `isValidNumber`, `getNumberType`,
/// `getRegionCodeForNumber`, `isPossibleNumberWithReason`, `format`), written here on top of that
/// metadata rather than taken from the crate's parser, validator and formatter, which differ
/// from libphonenumber in ways the differential test shows (a national prefix stripped twice,
/// patterns matched as prefixes rather than whole, lengths checked against an empty list).
///
/// Patterns are matched two ways (see [`tables`]): a region's number types and a list's
/// formats by one walk of a deterministic automaton over the digits, whose last state says
/// which match; patterns whose match position or capture groups are needed (formats when
/// writing, national and international prefixes) by a backtracking matcher over programs.
mod engine {
    use super::tables::{self, Format, Meta, Program};
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
        calling_code: u16,
        /// The national significant number, with any leading zeros that belong to it.
        nsn: String,
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

    /// The formats of a valid number, without extension.
    pub(super) struct Formats {
        pub e164: String,
        pub international: String,
        pub national: String,
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
                    Length::TooShort { .. } | Length::LocalOnly { .. }
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
    fn extract_calling_code(digits: &str) -> Option<(u16, &str)> {
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
        let groups = usize::from(program.groups).saturating_sub(1);
        let last_group_matched = groups > 0 && group(&slots, groups, number).is_some();
        let rest = number.get(end..).unwrap_or("");
        let stripped = match meta.transform.and_then(tables::rule) {
            Some(rule) if last_group_matched => {
                let mut out = String::with_capacity(number.len() + 4);
                expand(rule, &slots, usize::from(program.groups), number, &mut out);
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
    fn main_metadata(code: u16) -> Option<&'static Meta> {
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
    fn has_length(lengths: u32, len: usize) -> bool {
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

    /// libphonenumber's `format` in E.164, international and national formats.
    /// `+`, the calling code and the national significant number.
    pub(super) fn e164(number: &Number) -> String {
        let mut code = [b'+', 0, 0, 0];
        let code = code_digits(number.calling_code, &mut code);
        let mut e164 = String::with_capacity(code.len() + number.nsn.len());
        e164.push_str(code);
        e164.push_str(&number.nsn);
        e164
    }

    pub(super) fn format(number: &Number) -> Formats {
        // `+`, the calling code: at most four characters.
        let mut code = [b'+', 0, 0, 0];
        let code = code_digits(number.calling_code, &mut code);
        let e164 = e164(number);
        let Some(meta) = main_metadata(number.calling_code) else {
            return Formats {
                international: e164.clone(),
                national: number.nsn.clone(),
                e164,
            };
        };
        // Room for the separators of the longest formats.
        let room = number.nsn.len() + 12;
        let mut international = String::with_capacity(code.len() + 1 + room);
        international.push_str(code);
        international.push(' ');
        format_nsn(&meta.international, &number.nsn, &mut international);
        let mut national = String::with_capacity(room);
        format_nsn(&meta.national, &number.nsn, &mut national);
        Formats {
            e164,
            international,
            national,
        }
    }

    /// `+` and the decimal digits of a calling code (1 to 3 digits), written into `buf` (whose
    /// first byte is the `+`).
    fn code_digits(code: u16, buf: &mut [u8; 4]) -> &str {
        let len = match code {
            0..=9 => 1,
            10..=99 => 2,
            _ => 3,
        };
        let mut n = code;
        for i in (1..=len).rev() {
            if let Some(b) = buf.get_mut(i) {
                *b = b'0' + (n % 10) as u8;
            }
            n /= 10;
        }
        std::str::from_utf8(buf.get(..=len).unwrap_or(b"+")).unwrap_or("+")
    }

    /// libphonenumber's `formatNsn` (without carrier codes) with one of a region's lists of
    /// formats (`build.rs` picked the list and wrote the national prefix into the rules).
    fn format_nsn(formats: &tables::Formats, nsn: &str, out: &mut String) {
        // libphonenumber's `chooseFormattingPatternForNumber`: the first format whose last
        // leading digits pattern matches a prefix and whose pattern matches the whole.
        let first = usize::from(formats.first);
        let list = tables::FORMATS
            .get(first..first + usize::from(formats.count))
            .unwrap_or(&[]);
        let leading = match list {
            [] => 0,
            _ => tables::walk(formats.leading, nsn.as_bytes()),
        };
        let chosen = list.iter().enumerate().find(|&(i, format)| {
            (!format.has_leading || leading & (1 << i) != 0) && fits_whole(format, nsn)
        });
        match chosen {
            Some((_, format)) => replace_all(format, nsn, out),
            None => out.push_str(nsn),
        }
    }

    /// Whether a format's pattern matches the whole of `nsn`.
    fn fits_whole(format: &Format, nsn: &str) -> bool {
        if format.lengths != 0 {
            return has_length(format.lengths, nsn.len());
        }
        program(format.program).is_some_and(|p| matcher::whole(p, nsn.as_bytes()))
    }

    /// Java's `Matcher.replaceAll` (as the `regex` crate's `replace_all`) of a format's pattern
    /// by its rule in `text`: every leftmost-first match, left to right.
    fn replace_all(format: &Format, text: &str, out: &mut String) {
        let rule = tables::rule(format.rule).unwrap_or("");
        let fixed = tables::fixed(format.fixed);
        if !fixed.is_empty() {
            // A straight line that matches the whole text (the format was chosen so) matches
            // it once, from the start, with its groups in fixed places.
            let mut slots = [None; 2 * tables::MAX_GROUPS];
            for (slot, &at) in slots.iter_mut().zip(fixed) {
                *slot = (at != u8::MAX).then_some(usize::from(at));
            }
            expand(rule, &slots, fixed.len() / 2, text, out);
            return;
        }
        let Some(program) = program(format.program) else {
            out.push_str(text);
            return;
        };
        let bytes = text.as_bytes();
        let mut slots = [None; 2 * tables::MAX_GROUPS];
        let mut last = 0;
        let mut at = 0;
        while let Some((start, end)) = matcher::find(program, bytes, at, &mut slots) {
            out.push_str(text.get(last..start).unwrap_or(""));
            expand(rule, &slots, usize::from(program.groups), text, out);
            last = end;
            // `build.rs` checked that no format pattern matches the empty text.
            at = end.max(start + 1);
        }
        out.push_str(text.get(last..).unwrap_or(""));
    }

    /// The text of capture group `g`, if it took part in the match.
    fn group<'t>(slots: &[Option<usize>], g: usize, text: &'t str) -> Option<&'t str> {
        let start = (*slots.get(2 * g)?)?;
        let end = (*slots.get(2 * g + 1)?)?;
        text.get(start..end)
    }

    /// A replacement rule ([`tables::RULES`]) with the groups of a match (the `regex` crate's
    /// `expand`: a group that is not in the pattern or did not take part is empty).
    fn expand(rule: &str, slots: &[Option<usize>], groups: usize, text: &str, out: &mut String) {
        let mut rest = rule;
        // Group marks are single bytes below any byte of text (UTF-8 continuation bytes are
        // 0x80 and above).
        while let Some(mark) = rest.bytes().position(|b| b < tables::FIRST_TEXT) {
            out.push_str(rest.get(..mark).unwrap_or(""));
            let g = rest
                .as_bytes()
                .get(mark)
                .and_then(|&b| usize::from(b).checked_sub(1));
            if let Some(g) = g.filter(|&g| g < groups) {
                out.push_str(group(slots, g, text).unwrap_or(""));
            }
            rest = rest.get(mark + 1..).unwrap_or("");
        }
        out.push_str(rest);
    }

    /// What goes between a number and its extension in formats (` ext. `, or the preferred
    /// one of the calling code's main region, as libphonenumber does).
    pub(super) fn extension_separator(number: &Number) -> &'static str {
        main_metadata(number.calling_code)
            .and_then(|meta| meta.extension_prefix)
            .and_then(tables::rule)
            .unwrap_or(" ext. ")
    }

    /// How many leading digits the region's international prefix takes, if `digits` start
    /// with it.
    pub(super) fn international_prefix_len(region: Region, digits: &str) -> Option<usize> {
        let program = region.meta.international_prefix.and_then(program)?;
        let mut slots = [None; 2 * tables::MAX_GROUPS];
        matcher::run(program, digits.as_bytes(), &mut slots)
    }

    /// A program by number.
    fn program(index: u16) -> Option<&'static Program> {
        tables::PROGRAMS.get(usize::from(index))
    }

    /// The backtracking matcher of [`tables::Program`]s, with libphonenumber's (Java's, and the
    /// `regex` crate's leftmost-first) preferences: alternatives in order, greedy repetitions.
    ///
    /// Most programs never backtrack far (a format is a few fixed-width groups), so a search
    /// starts without bookkeeping; past [`BUDGET`] steps it remembers every (instruction,
    /// position) pair tried and never tries one twice, so a search takes at most
    /// `BUDGET + instructions × (length + 1)` steps whatever the pattern.
    mod matcher {
        use super::super::tables::{inst, Inst, Program};

        /// Steps before a search starts remembering what it tried.
        const BUDGET: usize = 256;
        /// Frames kept without allocating.
        const INLINE: usize = 24;

        /// Work left to do while backtracking (positions fit a byte: see [`search`]).
        #[derive(Clone, Copy)]
        enum Frame {
            /// Try instruction `ip` at position `at`.
            Step { ip: u16, at: u8 },
            /// Put back a capture slot's previous value.
            Restore { slot: u8, value: Option<u8> },
        }

        /// The backtracking stack: a few frames inline, more on the heap.
        struct Stack {
            inline: [Frame; INLINE],
            len: usize,
            spill: Vec<Frame>,
        }

        impl Stack {
            fn new() -> Stack {
                Stack {
                    inline: [Frame::Step { ip: 0, at: 0 }; INLINE],
                    len: 0,
                    spill: Vec::new(),
                }
            }

            fn push(&mut self, frame: Frame) {
                match self.inline.get_mut(self.len) {
                    Some(slot) => {
                        *slot = frame;
                        self.len += 1;
                    }
                    None => self.spill.push(frame),
                }
            }

            fn pop(&mut self) -> Option<Frame> {
                if let Some(frame) = self.spill.pop() {
                    return Some(frame);
                }
                self.len = self.len.checked_sub(1)?;
                self.inline.get(self.len).copied()
            }

            fn clear(&mut self) {
                self.len = 0;
                self.spill.clear();
            }
        }

        /// The state of one search (kept across the start positions of an unanchored one: a
        /// pair that failed from one start fails from any other).
        struct Search<'p, 't> {
            program: &'p Program,
            text: &'t [u8],
            stack: Stack,
            steps: usize,
            /// The (instruction, position) pairs tried, once past the budget.
            visited: Vec<u64>,
        }

        impl Search<'_, '_> {
            /// Marks the pair as tried; false when it already was.
            fn first_visit(&mut self, ip: u16, at: u8) -> bool {
                if self.steps < BUDGET {
                    self.steps += 1;
                    return true;
                }
                let stride = self.text.len() + 1;
                if self.visited.is_empty() {
                    let pairs = usize::from(self.program.len) * stride;
                    self.visited = vec![0; pairs.div_ceil(64)];
                }
                // Instruction 0 is the shared `Fail`: nothing to remember.
                let Some(i) = usize::from(ip).checked_sub(usize::from(self.program.lo)) else {
                    return true;
                };
                let bit = i * stride + usize::from(at);
                match self.visited.get_mut(bit / 64) {
                    Some(word) => {
                        let mask = 1u64 << (bit % 64);
                        let fresh = *word & mask == 0;
                        *word |= mask;
                        fresh
                    }
                    None => true,
                }
            }

            /// The preferred match starting at `start` (that ends at the end of the text, if
            /// `whole`), with its groups in `slots`.
            fn at(&mut self, start: u8, whole: bool, slots: &mut [Option<usize>]) -> Option<u8> {
                let groups = 2 * usize::from(self.program.groups);
                slots.iter_mut().take(groups).for_each(|s| *s = None);
                self.stack.clear();
                self.stack.push(Frame::Step {
                    ip: self.program.start,
                    at: start,
                });
                let end = u8::try_from(self.text.len()).ok()?;
                while let Some(frame) = self.stack.pop() {
                    let (mut ip, mut at) = match frame {
                        Frame::Restore { slot, value } => {
                            if let Some(s) = slots.get_mut(usize::from(slot)) {
                                *s = value.map(usize::from);
                            }
                            continue;
                        }
                        Frame::Step { ip, at } => (ip, at),
                    };
                    loop {
                        if !self.first_visit(ip, at) {
                            break;
                        }
                        match inst(ip) {
                            Inst::Fail => break,
                            Inst::Match if whole && at != end => break,
                            Inst::Match => return Some(at),
                            Inst::Digit(mask, next) => match self.text.get(usize::from(at)) {
                                Some(&b) if b.is_ascii_digit() && mask & (1 << (b - b'0')) != 0 => {
                                    ip = next;
                                    at += 1;
                                }
                                _ => break,
                            },
                            Inst::Split(first, second) => {
                                self.stack.push(Frame::Step { ip: second, at });
                                ip = first;
                            }
                            Inst::Save(slot, next) => {
                                if let Some(s) = slots.get_mut(usize::from(slot)) {
                                    let value = s.and_then(|v| u8::try_from(v).ok());
                                    self.stack.push(Frame::Restore { slot, value });
                                    *s = Some(usize::from(at));
                                }
                                ip = next;
                            }
                            Inst::End(next) if at == end => ip = next,
                            Inst::End(_) => break,
                        }
                    }
                }
                None
            }
        }

        /// A search of `program` in `text`, or `None` for a text too long to be a number (the
        /// engine never has more than a few dozen digits).
        fn search<'p, 't>(program: &'p Program, text: &'t [u8]) -> Option<Search<'p, 't>> {
            (text.len() < usize::from(u8::MAX)).then(|| Search {
                program,
                text,
                stack: Stack::new(),
                steps: 0,
                visited: Vec::new(),
            })
        }

        /// The end of the preferred match of `program` at the start of `text` (Java's
        /// `lookingAt`), with its groups in `slots`.
        pub(in super::super) fn run(
            program: &Program,
            text: &[u8],
            slots: &mut [Option<usize>],
        ) -> Option<usize> {
            if program.straight {
                return straight(program, text, slots);
            }
            search(program, text)?.at(0, false, slots).map(usize::from)
        }

        /// [`run`] for a straight line: nothing to backtrack.
        fn straight(program: &Program, text: &[u8], slots: &mut [Option<usize>]) -> Option<usize> {
            let groups = 2 * usize::from(program.groups);
            slots.iter_mut().take(groups).for_each(|s| *s = None);
            let mut ip = program.start;
            let mut at = 0;
            // At most one step per instruction.
            for _ in 0..=program.len {
                match inst(ip) {
                    Inst::Match => return Some(at),
                    Inst::Digit(mask, next) => match text.get(at) {
                        Some(&b) if b.is_ascii_digit() && mask & (1 << (b - b'0')) != 0 => {
                            ip = next;
                            at += 1;
                        }
                        _ => return None,
                    },
                    Inst::Save(slot, next) => {
                        if let Some(s) = slots.get_mut(usize::from(slot)) {
                            *s = Some(at);
                        }
                        ip = next;
                    }
                    Inst::End(next) if at == text.len() => ip = next,
                    Inst::Fail | Inst::Split(..) | Inst::End(_) => return None,
                }
            }
            None
        }

        /// Whether `program` matches the whole of `text` (Java's `matches`).
        pub(in super::super) fn whole(program: &Program, text: &[u8]) -> bool {
            search(program, text).is_some_and(|mut s| s.at(0, true, &mut []).is_some())
        }

        /// The leftmost-first match of `program` in `text` from `from` on: `(start, end)`, with
        /// its groups in `slots`.
        pub(in super::super) fn find(
            program: &Program,
            text: &[u8],
            from: usize,
            slots: &mut [Option<usize>],
        ) -> Option<(usize, usize)> {
            let mut search = search(program, text)?;
            let from = u8::try_from(from).ok()?;
            (from..=search.text.len() as u8).find_map(|start| {
                let end = search.at(start, false, slots)?;
                Some((usize::from(start), usize::from(end)))
            })
        }
    }
}

/// The phone engine's tables, generated by `build.rs` from the `phonenumber` crate's metadata.
mod tables {
    /// One instruction of a backtracking program; instruction numbers are global.
    #[derive(Debug, Clone, Copy)]
    pub(super) enum Inst {
        /// No match here.
        Fail,
        /// A match, ending here.
        Match,
        /// A digit whose bit is in the mask (bit d for digit d), then the instruction.
        Digit(u16, u16),
        /// Try the first instruction, then the second (leftmost-first preference).
        Split(u16, u16),
        /// Record the position in a capture slot (2g and 2g + 1 for group g), then go on.
        Save(u8, u16),
        /// Only at the end of the text.
        End(u16),
    }

    /// An [`Inst`] as stored in [`INSTS`]: its targets relative to itself, `i16::MIN` for
    /// instruction 0 (the shared `Fail`).
    #[derive(Debug, Clone, Copy)]
    pub(super) enum Op {
        Fail,
        Match,
        Digit(u16, i16),
        Split(i16, i16),
        Save(u8, i16),
        End(i16),
    }

    /// Instruction number `ip` (`Fail` for a number out of range).
    pub(super) fn inst(ip: u16) -> Inst {
        let at = |rel: i16| {
            if rel == i16::MIN {
                0
            } else {
                ip.wrapping_add_signed(rel)
            }
        };
        match INSTS.get(usize::from(ip)) {
            Some(Op::Match) => Inst::Match,
            Some(&Op::Digit(mask, next)) => Inst::Digit(mask, at(next)),
            Some(&Op::Split(first, second)) => Inst::Split(at(first), at(second)),
            Some(&Op::Save(slot, next)) => Inst::Save(slot, at(next)),
            Some(&Op::End(next)) => Inst::End(at(next)),
            Some(Op::Fail) | None => Inst::Fail,
        }
    }

    /// A compiled pattern.
    #[derive(Debug)]
    pub(super) struct Program {
        /// Its first instruction.
        pub start: u16,
        /// The range of instructions it uses (besides the shared `Fail`, number 0).
        pub lo: u16,
        pub len: u16,
        /// Its capture groups, group 0 (the whole match) included.
        pub groups: u8,
        /// It is a straight line: digits and groups, no alternatives.
        pub straight: bool,
    }

    /// One format: its pattern and its rule.
    #[derive(Debug)]
    pub(super) struct Format {
        /// Its pattern's program (`u16::MAX` when `lengths` and `fixed` make it unneeded).
        pub program: u16,
        /// When the pattern matches exactly the numbers of some lengths (`(\d{3})(\d{4})`),
        /// those lengths (bit n for n digits); else 0, and the program tells.
        pub lengths: u32,
        /// When the pattern is a straight line (digits and groups, no alternatives): the
        /// offset in [`FIXED`] of where each capture slot is set in a whole match. Else 0.
        pub fixed: u16,
        /// Its rule in [`RULES`] (for national formats, with the national prefix written in).
        pub rule: u16,
        /// The format has leading digits (else it applies whatever the number starts with).
        pub has_leading: bool,
    }

    /// A list of formats ([`FORMATS`] from `first` on), and the automaton over their leading
    /// digits: its output has bit i set when format i's last leading digits pattern matches a
    /// prefix of the number.
    #[derive(Debug)]
    pub(super) struct Formats {
        pub leading: u16,
        pub first: u16,
        pub count: u8,
    }

    /// A deterministic automaton over the ten digits, in [`DFA`] from `rows` on. Its own
    /// states: 0 is dead; states `1..split` have a row of `stride` next states (one per digit
    /// class); states `split..pairs` lead to one of two states, and have an entry in each of
    /// three arrays after the rows: the usual next state, the other one, and a `u16` mask
    /// (little-endian) of the classes that lead to the other one; states `pairs..states` send
    /// every digit to the same state, and have that one only. Next states take one byte, or
    /// two (little-endian) when `wide`. Then one byte per state: the index of its output in
    /// [`OUTPUTS`] from `palette` on.
    #[derive(Debug)]
    pub(super) struct Automaton {
        pub rows: u32,
        pub palette: u16,
        pub start: u16,
        pub split: u16,
        pub pairs: u16,
        pub states: u16,
        pub stride: u8,
        pub wide: bool,
        /// The column of each digit.
        pub classes: [u8; 10],
    }

    /// One region's metadata (`001` for the non-geographic calling codes, one each).
    #[derive(Debug)]
    pub(super) struct Meta {
        /// Its two-letter region id; zeros for the non-geographic calling codes (`001`).
        pub id: [u8; 2],
        pub calling_code: u16,
        /// The automaton over its patterns: general, number types, leading digits.
        pub automaton: u16,
        /// Possible lengths of each number type in [`types`] order, as sets in [`LENGTHS`]:
        /// the empty set for a type the region does not have, `u32::MAX` for one that lists
        /// none.
        pub type_lengths: [u8; 10],
        /// The union of the number types' lengths.
        pub all_lengths: u32,
        /// The lengths only dialled locally.
        pub local_lengths: u32,
        /// The fixed-line and mobile patterns are the same.
        pub same_fixed_mobile: bool,
        /// The region has leading digits (regions sharing a calling code).
        pub has_leading_digits: bool,
        /// Programs of the international prefix and of the national prefix for parsing.
        pub international_prefix: Option<u16>,
        pub prefix_for_parsing: Option<u16>,
        /// The national prefix transform rule, in [`RULES`].
        pub transform: Option<u16>,
        /// The preferred extension prefix, in [`RULES`] (plain text: no capture groups).
        pub extension_prefix: Option<u16>,
        /// Formats for national and for international format (empty but for the main region
        /// of a calling code, the only one formats are taken from).
        pub national: Formats,
        pub international: Formats,
    }

    /// Output bit of a region automaton: the general pattern matches the whole number.
    pub(super) const GENERAL: u32 = 1;
    /// Output bit of a region automaton for the first number type; the others follow.
    pub(super) const FIRST_TYPE: u32 = 2;
    /// Output bit of a region automaton: the region's leading digits match a prefix.
    pub(super) const LEADING: u32 = 1 << 11;

    /// The number types, in the order of the automaton's bits and of `type_lengths`.
    pub(super) mod types {
        pub const FIXED_LINE: usize = 0;
        pub const MOBILE: usize = 1;
        pub const TOLL_FREE: usize = 2;
        pub const PREMIUM_RATE: usize = 3;
        pub const SHARED_COST: usize = 4;
        pub const PERSONAL_NUMBER: usize = 5;
        pub const VOIP: usize = 6;
        pub const PAGER: usize = 7;
        pub const UAN: usize = 8;
        pub const VOICEMAIL: usize = 9;
    }

    include!(concat!(env!("OUT_DIR"), "/phone_tables.rs"));

    /// All automata's transitions and outputs (see [`Automaton`]).
    static DFA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/phone_dfa.bin"));

    /// The first character of a rule that is text (those below are capture groups).
    pub(super) const FIRST_TEXT: u8 = b' ';

    /// Rule number `i`.
    pub(super) fn rule(i: u16) -> Option<&'static str> {
        RULES.get(usize::from(i)).copied()
    }

    /// The fixed capture slots at `offset` in [`FIXED`].
    pub(super) fn fixed(offset: u16) -> &'static [u8] {
        let at = usize::from(offset);
        let len = FIXED.get(at).copied().map_or(0, usize::from);
        FIXED.get(at + 1..at + 1 + len).unwrap_or(&[])
    }

    /// The output of automaton number `automaton` for the ASCII digits `text` (0 for anything
    /// else).
    pub(super) fn walk(automaton: u16, text: &[u8]) -> u32 {
        let Some(a) = AUTOMATA.get(usize::from(automaton)) else {
            return 0;
        };
        let width = if a.wide { 2 } else { 1 };
        let stride = usize::from(a.stride);
        let split = usize::from(a.split);
        let pairs = usize::from(a.pairs);
        // Rows of states 1..split, then the usual next states, other next states and masks of
        // states split..pairs, then single entries, then outputs.
        let rows = a.rows as usize;
        let usual = rows + split.saturating_sub(1) * stride * width;
        let other = usual + (pairs - split) * width;
        let masks = other + (pairs - split) * width;
        let singles = masks + (pairs - split) * 2;
        let outputs = singles + (usize::from(a.states) - pairs) * width;
        let entry = |at: usize| -> usize {
            if a.wide {
                match DFA.get(at..at + 2) {
                    Some(&[lo, hi]) => usize::from(u16::from_le_bytes([lo, hi])),
                    _ => 0,
                }
            } else {
                DFA.get(at).copied().map_or(0, usize::from)
            }
        };
        let mut state = usize::from(a.start);
        for &b in text {
            if state == 0 {
                return 0;
            }
            let Some(&column) = a.classes.get(usize::from(b.wrapping_sub(b'0'))) else {
                return 0;
            };
            state = if state < split {
                entry(rows + ((state - 1) * stride + usize::from(column)) * width)
            } else if state < pairs {
                let i = state - split;
                let mask = match DFA.get(masks + 2 * i..masks + 2 * i + 2) {
                    Some(&[lo, hi]) => u16::from_le_bytes([lo, hi]),
                    _ => 0,
                };
                if mask >> column & 1 != 0 {
                    entry(other + i * width)
                } else {
                    entry(usual + i * width)
                }
            } else {
                entry(singles + (state - pairs) * width)
            };
        }
        let index = DFA.get(outputs + state).copied().unwrap_or(0);
        OUTPUTS
            .get(usize::from(a.palette) + usize::from(index))
            .copied()
            .unwrap_or(0)
    }
}
