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
//! - **Default country** (`default_country`): ISO 3166-1 alpha-2 in any case, blank meaning
//!   none. A code libphonenumber has no metadata for is `invalid_option` (params `option`,
//!   `reason`, `value`) whatever the number, since it is a mistake of the caller. It is not used
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

use serde::{Deserialize, Serialize};

use crate::error::{precheck, ErrorCode, FieldError, Params};
use crate::lang::Lang;

/// Options of [`normalize`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PhoneOptions {
    /// ISO 3166-1 alpha-2 code (any case) of the country a national number belongs to.
    /// Ignored when the number starts with `+` or `00`; blank means none.
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
    let lang = opts.lang;
    let text = precheck(input, lang)?;
    let default = default_region(opts.default_country.as_deref(), lang)?;
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
        } => {
            let formats = engine::format(&number);
            let extension = spelled.extension;
            let (international, national) = match &extension {
                Some(ext) => {
                    let sep = engine::extension_separator(&number);
                    (
                        format!("{}{sep}{ext}", formats.international),
                        format!("{}{sep}{ext}", formats.national),
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
                region: region.map(str::to_owned),
                number_type,
                extension,
            })
        }
        engine::Verdict::Invalid { length, region } => {
            Err(invalid_error(length, region, number.calling_code(), lang))
        }
    }
}

/// Reads the `defaultCountry` option: blank is none, an unknown code is an error.
fn default_region(code: Option<&str>, lang: Lang) -> Result<Option<engine::Region>, FieldError> {
    let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    if let Some(region) = engine::Region::from_alpha2(code) {
        return Ok(Some(region));
    }
    // Quote at most a few characters of what was given: the option is not user text to echo.
    let shown: String = code.chars().take(8).collect();
    let reason = match lang {
        Lang::En => format!("\"{shown}\" is not a two-letter country code libphonenumber knows"),
        Lang::Es => {
            format!("\"{shown}\" no es un código de país de dos letras que libphonenumber conozca")
        }
    };
    let params =
        crate::params! {"option" => "defaultCountry", "reason" => reason, "value" => shown};
    Err(FieldError::with_params(
        ErrorCode::InvalidOption,
        params,
        lang,
    ))
}

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
fn invalid_error(
    length: engine::Length,
    region: Option<&'static str>,
    calling_code: u16,
    lang: Lang,
) -> FieldError {
    let mut params = Params::new();
    params.insert("calling_code", calling_code.into());
    if let Some(region) = region {
        params.insert("region", region.into());
    }
    let code = match length {
        engine::Length::TooShort { .. } | engine::Length::LocalOnly { .. } => {
            ErrorCode::PhoneTooShort
        }
        engine::Length::TooLong { .. } => ErrorCode::PhoneTooLong,
        engine::Length::Invalid { .. } | engine::Length::Possible => ErrorCode::PhoneInvalid,
    };
    if let engine::Length::TooShort { lengths }
    | engine::Length::LocalOnly { lengths }
    | engine::Length::TooLong { lengths }
    | engine::Length::Invalid { lengths } = length
    {
        params.insert("possible_lengths", lengths.into());
    }
    if code == ErrorCode::PhoneInvalid && !params.contains_key("region") {
        // The message names the region; a number under a shared or non-geographic calling code
        // has none, so it names the calling code instead.
        params.insert("region", format!("+{calling_code}").into());
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
        let mut digits = String::new();
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
        let prefix = if plus {
            Prefix::Plus
        } else if digits.starts_with("00") && !digits.starts_with("000") {
            // As with libphonenumber's own international prefixes: no calling code starts
            // with 0, so `000...` is not `00` and a calling code.
            Prefix::DoubleZero
        } else {
            Prefix::None
        };
        Ok(Spelled {
            prefix,
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
        if code < 0x30 {
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
}

/// libphonenumber's rules over libphonenumber's metadata, behind a small interface.
///
/// The metadata is the `phonenumber` crate's copy (libphonenumber 9.0.33). The rules are
/// libphonenumber's own (`PhoneNumberUtil.parse`, `isValidNumber`, `getNumberType`,
/// `getRegionCodeForNumber`, `isPossibleNumberWithReason`, `format`), written here on top of that
/// metadata rather than taken from the crate's parser, validator and formatter, which differ
/// from libphonenumber in ways the differential test shows (a national prefix stripped twice,
/// patterns matched as prefixes rather than whole, lengths checked against an empty list).
///
/// The crate parses and syntax-checks all of its metadata on first use (about 200 ms natively);
/// patterns are compiled on first use and kept. Issue 5 is about making both cheaper.
mod engine {
    use phonenumber::metadata::{Descriptor, Format, Metadata, DATABASE};

    use super::NumberType;

    /// libphonenumber's shortest national significant number.
    const MIN_NSN: usize = 2;
    /// libphonenumber's longest national significant number.
    const MAX_NSN: usize = 17;
    /// The region id libphonenumber gives non-geographic calling codes (+800, +882, ...).
    const NON_GEO: &str = "001";

    /// A region libphonenumber has metadata for.
    #[derive(Debug, Clone, Copy)]
    pub(super) struct Region {
        meta: &'static Metadata,
    }

    impl Region {
        /// The region of an ISO 3166-1 alpha-2 code in any case, when libphonenumber knows it.
        pub(super) fn from_alpha2(code: &str) -> Option<Region> {
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
                return None;
            }
            let meta = DATABASE.by_id(code.to_ascii_uppercase().as_str())?;
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
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub(super) enum Length {
        Possible,
        LocalOnly { lengths: Vec<u16> },
        TooShort { lengths: Vec<u16> },
        TooLong { lengths: Vec<u16> },
        Invalid { lengths: Vec<u16> },
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
                let idd = meta
                    .international_prefix()
                    .and_then(|re| looking_at(re.as_str(), digits))
                    // An international prefix is never followed by 0: no calling code starts so.
                    .filter(|&end| !digits.get(end..).unwrap_or("").starts_with('0'));
                if let Some(end) = idd {
                    let (code, rest) = after_international_prefix(digits.get(end..).unwrap_or(""))?;
                    (code, rest.to_owned(), main_metadata(code), Some(region))
                } else {
                    let code = meta.country_code();
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
            region: region_hint(number, None),
        };
        if number.nsn.len() < MIN_NSN {
            return Err(Failure::TooShort(known(&number)));
        }
        if let Some(meta) = meta {
            let mut potential = number.nsn.clone();
            strip_national_prefix(&mut potential, meta);
            if !matches!(
                length(meta, potential.len()),
                Length::TooShort { .. } | Length::LocalOnly { .. }
            ) {
                number.nsn = potential;
            }
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
            DATABASE.by_code(&code)?;
            Some((code, digits.get(len..)?))
        })
    }

    /// libphonenumber's reading of a national number that starts with the region's own calling
    /// code (`44 20 7946 0958` in GB): the rest (national prefix taken off) when the rest is a
    /// number and the whole is not, or the whole is too long; `None` to read the whole.
    fn without_calling_code(digits: &str, meta: &'static Metadata) -> Option<String> {
        let rest = digits.strip_prefix(meta.country_code().to_string().as_str())?;
        let general = meta.descriptors().general().national_number().as_str();
        let mut potential = rest.to_owned();
        strip_national_prefix(&mut potential, meta);
        let take = (!whole(general, digits) && whole(general, &potential))
            || matches!(length(meta, digits.len()), Length::TooLong { .. });
        take.then_some(potential)
    }

    /// libphonenumber's `maybeStripNationalPrefixAndCarrierCode` (the carrier code is dropped,
    /// as `parse` drops it).
    fn strip_national_prefix(number: &mut String, meta: &'static Metadata) {
        // Without a pattern for parsing, the national prefix itself (always digits, so it is
        // its own pattern), as libphonenumber's metadata build does.
        let pattern = match (meta.national_prefix_for_parsing(), meta.national_prefix()) {
            (Some(re), _) => re.as_str(),
            (None, Some(prefix))
                if !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_digit()) =>
            {
                prefix
            }
            _ => return,
        };
        if number.is_empty() {
            return;
        }
        let Some(re) = compiled(pattern, Anchor::Start) else {
            return;
        };
        let Some(caps) = re.captures(number) else {
            return;
        };
        let end = caps.get(0).map_or(0, |m| m.end());
        let general = meta.descriptors().general().national_number().as_str();
        let viable_before = whole(general, number);
        let groups = caps.len().saturating_sub(1);
        let last_group = caps.get(groups).filter(|_| groups > 0);
        let transform = meta
            .national_prefix_transform_rule()
            .filter(|rule| !rule.is_empty());
        let stripped = match (transform, last_group) {
            (Some(rule), Some(_)) => {
                let mut out = String::new();
                caps.expand(&java_replacement(rule), &mut out);
                out.push_str(number.get(end..).unwrap_or(""));
                out
            }
            _ => number.get(end..).unwrap_or("").to_owned(),
        };
        if viable_before && !whole(general, &stripped) {
            return;
        }
        *number = stripped;
    }

    /// Every region of a calling code, its main region first (`001` for non-geographic).
    fn regions(code: u16) -> Vec<&'static Metadata> {
        DATABASE.by_code(&code).unwrap_or_default()
    }

    /// The metadata of a calling code's main region (libphonenumber's
    /// `getMetadataForRegionOrCallingCode(code, getRegionCodeForCountryCode(code))`).
    fn main_metadata(code: u16) -> Option<&'static Metadata> {
        regions(code).into_iter().next()
    }

    /// libphonenumber's `getRegionCodeForNumber`: the metadata the number belongs to.
    fn metadata_for(number: &Number) -> Option<&'static Metadata> {
        let candidates = regions(number.calling_code);
        if candidates.len() <= 1 {
            return candidates.into_iter().next();
        }
        candidates
            .into_iter()
            .find(|meta| match meta.leading_digits() {
                Some(leading) => looking_at(leading.as_str(), &number.nsn).is_some(),
                None => number_type(meta, &number.nsn) != NumberType::Unknown,
            })
    }

    fn region_name(meta: &'static Metadata) -> Option<&'static str> {
        let id = meta.id();
        (id != NON_GEO).then_some(id)
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
        Verdict::Invalid {
            length,
            region: region_hint(number, meta),
        }
    }

    /// The region to name in an error about a number that is not valid: the one the number
    /// belongs to (`found`), else one whose leading digits it has (`+1 416` is Canada's), else
    /// the default region when the calling code is its own, else the calling code's main region
    /// (against whose lengths libphonenumber checks it). `None` for non-geographic codes.
    fn region_hint(number: &Number, found: Option<&'static Metadata>) -> Option<&'static str> {
        let all = regions(number.calling_code);
        found
            .or_else(|| {
                all.iter().copied().find(|meta| {
                    meta.leading_digits()
                        .is_some_and(|re| looking_at(re.as_str(), &number.nsn).is_some())
                })
            })
            .or_else(|| {
                number
                    .default
                    .filter(|d| d.meta.country_code() == number.calling_code)
                    .map(|d| d.meta)
            })
            .or_else(|| all.first().copied())
            .and_then(region_name)
    }

    /// The number types whose lengths make up the general lengths of a region.
    fn typed(meta: &Metadata) -> [Option<&Descriptor>; 10] {
        let d = meta.descriptors();
        [
            d.fixed_line(),
            d.mobile(),
            d.toll_free(),
            d.premium_rate(),
            d.shared_cost(),
            d.personal_number(),
            d.voip(),
            d.pager(),
            d.uan(),
            d.voicemail(),
        ]
    }

    /// A region's possible lengths of national significant numbers, and those only dialled
    /// locally.
    #[derive(Debug, Default)]
    struct Lengths {
        all: Vec<u16>,
        local: Vec<u16>,
    }

    /// The general lengths of a region. The metadata's general descriptor lists none of its
    /// own; like libphonenumber's metadata build, they are the union of the number types'
    /// lengths, and the local-only lengths those that are only local. Worked out once per
    /// region and kept.
    fn lengths(meta: &'static Metadata) -> &'static Lengths {
        use std::collections::HashMap;
        use std::sync::{Mutex, OnceLock};

        static LENGTHS: OnceLock<Mutex<HashMap<usize, &'static Lengths>>> = OnceLock::new();
        let cache = LENGTHS.get_or_init(Default::default);
        let mut cache = cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let key = meta as *const Metadata as usize;
        cache.entry(key).or_insert_with(|| {
            let mut all: Vec<u16> = Vec::new();
            let mut local: Vec<u16> = Vec::new();
            for desc in typed(meta).into_iter().flatten() {
                all.extend_from_slice(desc.possible_length());
                local.extend_from_slice(desc.possible_local_length());
            }
            all.sort_unstable();
            all.dedup();
            local.sort_unstable();
            local.dedup();
            local.retain(|l| !all.contains(l));
            // One small allocation per region, for the life of the program.
            Box::leak(Box::new(Lengths { all, local }))
        })
    }

    /// libphonenumber's `testNumberLength` for type `UNKNOWN`.
    fn length(meta: &'static Metadata, len: usize) -> Length {
        let Lengths { all, local } = lengths(meta);
        let len = u16::try_from(len).unwrap_or(u16::MAX);
        let (Some(&min), Some(&max)) = (all.first(), all.last()) else {
            return Length::Invalid {
                lengths: Vec::new(),
            };
        };
        if local.contains(&len) {
            Length::LocalOnly {
                lengths: all.clone(),
            }
        } else if len < min {
            Length::TooShort {
                lengths: all.clone(),
            }
        } else if len > max {
            Length::TooLong {
                lengths: all.clone(),
            }
        } else if all.contains(&len) {
            Length::Possible
        } else {
            Length::Invalid {
                lengths: all.clone(),
            }
        }
    }

    /// libphonenumber's `isNumberMatchingDesc`: a possible length for the descriptor, and the
    /// whole number matches its pattern.
    fn matches(desc: Option<&'static Descriptor>, nsn: &str) -> bool {
        let Some(desc) = desc else { return false };
        let possible = desc.possible_length();
        if !possible.is_empty() && !possible.iter().any(|&l| usize::from(l) == nsn.len()) {
            return false;
        }
        whole(desc.national_number().as_str(), nsn)
    }

    /// libphonenumber's `getNumberTypeHelper`.
    fn number_type(meta: &'static Metadata, nsn: &str) -> NumberType {
        let d = meta.descriptors();
        let possible = lengths(meta)
            .all
            .iter()
            .any(|&l| usize::from(l) == nsn.len());
        if !possible || !whole(d.general().national_number().as_str(), nsn) {
            return NumberType::Unknown;
        }
        let ordered = [
            (d.premium_rate(), NumberType::PremiumRate),
            (d.toll_free(), NumberType::TollFree),
            (d.shared_cost(), NumberType::SharedCost),
            (d.voip(), NumberType::Voip),
            (d.personal_number(), NumberType::PersonalNumber),
            (d.pager(), NumberType::Pager),
            (d.uan(), NumberType::Uan),
            (d.voicemail(), NumberType::Voicemail),
        ];
        for (desc, kind) in ordered {
            if matches(desc, nsn) {
                return kind;
            }
        }
        if matches(d.fixed_line(), nsn) {
            let same_pattern = match (d.fixed_line(), d.mobile()) {
                (Some(f), Some(m)) => f.national_number().as_str() == m.national_number().as_str(),
                _ => false,
            };
            if same_pattern || matches(d.mobile(), nsn) {
                return NumberType::FixedLineOrMobile;
            }
            return NumberType::FixedLine;
        }
        if matches(d.mobile(), nsn) {
            return NumberType::Mobile;
        }
        NumberType::Unknown
    }

    /// libphonenumber's `format` in E.164, international and national formats.
    pub(super) fn format(number: &Number) -> Formats {
        let e164 = format!("+{}{}", number.calling_code, number.nsn);
        let Some(meta) = main_metadata(number.calling_code) else {
            return Formats {
                international: e164.clone(),
                national: number.nsn.clone(),
                e164,
            };
        };
        let international = format!(
            "+{} {}",
            number.calling_code,
            format_nsn(meta, &number.nsn, false)
        );
        Formats {
            e164,
            international,
            national: format_nsn(meta, &number.nsn, true),
        }
    }

    /// libphonenumber's `formatNsn` (without carrier codes).
    fn format_nsn(meta: &'static Metadata, nsn: &str, national: bool) -> String {
        let formats = if national || meta.international_formats().is_empty() {
            meta.formats()
        } else {
            meta.international_formats()
        };
        let Some(chosen) = formats.iter().find(|f| fits(f, nsn)) else {
            return nsn.to_owned();
        };
        let Some(re) = compiled(chosen.pattern().as_str(), Anchor::None) else {
            return nsn.to_owned();
        };
        let mut rule = java_replacement(chosen.format());
        if national {
            if let Some(np_rule) = chosen.national_prefix().filter(|r| !r.is_empty()) {
                rule = with_national_prefix(&rule, np_rule, meta.national_prefix().unwrap_or(""));
            }
        }
        re.replace_all(nsn, rule.as_str()).into_owned()
    }

    /// libphonenumber's `chooseFormattingPatternForNumber` test for one format.
    fn fits(format: &'static Format, nsn: &str) -> bool {
        let leading_ok = match format.leading_digits().last() {
            Some(leading) => looking_at(leading.as_str(), nsn).is_some(),
            None => true,
        };
        leading_ok && whole(format.pattern().as_str(), nsn)
    }

    /// The format rule with its first group written through the national prefix formatting
    /// rule (`$NP$FG`, `($NP$FG)`, ...), as libphonenumber's metadata build and `formatNsn` do.
    fn with_national_prefix(rule: &str, np_rule: &str, national_prefix: &str) -> String {
        let Some(start) = rule.find("${") else {
            return rule.to_owned();
        };
        let Some(len) = rule.get(start..).and_then(|r| r.find('}')).map(|i| i + 1) else {
            return rule.to_owned();
        };
        let first_group = rule.get(start..start + len).unwrap_or("");
        let np_rule = np_rule
            .replacen("$NP", national_prefix, 1)
            .replacen("$FG", first_group, 1);
        format!(
            "{}{}{}",
            rule.get(..start).unwrap_or(""),
            np_rule,
            rule.get(start + len..).unwrap_or("")
        )
    }

    /// A Java replacement string (`$1 $2`) in the `regex` crate's syntax (`${1} ${2}`).
    fn java_replacement(rule: &str) -> String {
        let mut out = String::with_capacity(rule.len() + 8);
        let mut chars = rule.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek()) {
                ('$', Some(d)) if d.is_ascii_digit() => {
                    out.push_str("${");
                    out.push(*d);
                    out.push('}');
                    chars.next();
                }
                ('$', _) => out.push_str("$$"),
                _ => out.push(c),
            }
        }
        out
    }

    /// What goes between a number and its extension in formats (` ext. `, or the preferred
    /// one of the calling code's main region, as libphonenumber does).
    pub(super) fn extension_separator(number: &Number) -> &'static str {
        main_metadata(number.calling_code)
            .and_then(Metadata::preferred_extension_prefix)
            .unwrap_or(" ext. ")
    }

    /// How many leading digits the region's international prefix takes, if `digits` start
    /// with it.
    pub(super) fn international_prefix_len(region: Region, digits: &str) -> Option<usize> {
        let re = region.meta.international_prefix()?;
        looking_at(re.as_str(), digits)
    }

    /// How a metadata pattern is matched.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    enum Anchor {
        /// The whole text (Java's `matches`).
        Whole,
        /// A prefix of the text (Java's `lookingAt`).
        Start,
        /// Anywhere (Java's `find`, for replacing).
        None,
    }

    /// Whether the whole of `text` matches the metadata pattern `source`.
    fn whole(source: &'static str, text: &str) -> bool {
        compiled(source, Anchor::Whole).is_some_and(|re| re.is_match(text))
    }

    /// Where a match of `source` at the start of `text` ends, if there is one.
    fn looking_at(source: &'static str, text: &str) -> Option<usize> {
        let re = compiled(source, Anchor::Start)?;
        re.find(text).map(|m| m.end())
    }

    /// The metadata pattern `source` compiled for `anchor`, compiled on first use and kept:
    /// the set of patterns is bounded by the metadata. The metadata's patterns are written for
    /// free spacing (`ignore_whitespace`).
    fn compiled(source: &'static str, anchor: Anchor) -> Option<&'static regex::Regex> {
        use std::collections::HashMap;
        use std::sync::{Mutex, OnceLock};

        type Key = (usize, usize, Anchor);
        type Cache = HashMap<Key, Option<&'static regex::Regex>>;
        static COMPILED: OnceLock<Mutex<Cache>> = OnceLock::new();
        let cache = COMPILED.get_or_init(Default::default);
        // A panic cannot happen while the lock is held (compiling returns errors as values),
        // but a poisoned lock would still hold good data.
        let mut cache = cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // Metadata patterns live as long as the program: their address identifies them.
        let key = (source.as_ptr() as usize, source.len(), anchor);
        *cache.entry(key).or_insert_with(|| {
            let pattern = match anchor {
                Anchor::Whole => format!("^(?:{source})$"),
                Anchor::Start => format!("^(?:{source})"),
                Anchor::None => source.to_owned(),
            };
            // ASCII classes: after `spelling` the text is ASCII digits, and Unicode `\d` makes
            // each compiled pattern many times larger and slower.
            let re = regex::RegexBuilder::new(&pattern)
                .ignore_whitespace(true)
                .unicode(false)
                .build()
                .ok()?;
            // Kept for the life of the program, like the metadata it comes from. Handing out
            // the one `Regex` (not clones, which start with empty match caches) keeps its
            // caches warm.
            Some(&*Box::leak(Box::new(re)))
        })
    }
}
