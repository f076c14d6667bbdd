//! Reading a human spelling of a phone number down to ASCII digits. Knows no metadata.
//!
//! It follows libphonenumber's reading of text (`extractPossibleNumber`, `isViablePhoneNumber`,
//! `maybeStripExtension`, `normalize`), written out by hand so it needs no regex engine.

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
/// Single-character or short labels after which up to [`AMBIGUOUS_MAX_DIGITS`] digits may
/// follow.
const AMBIGUOUS: &[&str] = &["int", "ｉｎｔ", "x", "ｘ", "#", "＃", "~", "～"];
/// The most digits read after an [`AMBIGUOUS`] label (after an explicit one: 20).
pub(super) const AMBIGUOUS_MAX_DIGITS: usize = 9;

/// Whether an extension separator (` x`, ` int. `, `#`) is an ambiguous label, after which
/// at most [`AMBIGUOUS_MAX_DIGITS`] digits read back.
pub(super) fn is_ambiguous(separator: &str) -> bool {
    let label = crate::host::lowercase(separator.trim_matches([' ', '.', ':']));
    AMBIGUOUS.contains(&label.as_str())
}

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
    for (labels, max) in [(EXPLICIT, 20), (AMBIGUOUS, AMBIGUOUS_MAX_DIGITS)] {
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
        if crate::host::lowercase_char(c) != Some(want) {
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
