//! Formatting a phone `<input>` after each edit, with its caret: what a form's `input` event
//! handler needs, over [`AsYouType`].
//!
//! ```
//! use contactkit::phone::{format_input, Edit};
//!
//! // "650253" typed, then "0" pasted in the middle (the caret after it, byte 4).
//! let shown = format_input("65002-53", 4, Edit::Insert, Some("US"));
//! assert_eq!((shown.value.as_str(), shown.caret), ("650-0253", 5));
//!
//! // Backspace right after the `-` of `(650) 253-0000`: the browser deleted the `-`, the
//! // digit before it goes instead.
//! let shown = format_input("(650) 2530000", 9, Edit::DeleteBackward, Some("US"));
//! assert_eq!((shown.value.as_str(), shown.caret), ("(650) 250-000", 8));
//! ```
//!
//! The number is what the text has of a `+` and digits up to its first character that is
//! neither (nor a separator: space, `-`, `.`, `/`, parentheses): those are formatted as
//! [`AsYouType`] formats them typed one by one, with ASCII digits. The rest (an extension
//! such as `ext. 12`, or anything else) is kept as typed after the number, so nothing typed is
//! lost but the separators, which the formatting puts where the number's format has them.

use super::as_you_type::AsYouType;
use super::spelling::{digit_value, is_plus};
use super::{normalize, PhoneOptions};

/// What the edit that changed an input's text was, as far as the formatting cares (the
/// browser's `InputEvent.inputType`, read by [`Edit::from_input_type`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Edit {
    /// Typing, pasting, dropping, or anything that is not one of the deletions below.
    #[default]
    Insert,
    /// Backspace (`deleteContentBackward`): a separator deleted means the digit before it.
    DeleteBackward,
    /// Delete (`deleteContentForward`): a separator deleted means the digit after it.
    DeleteForward,
}

impl Edit {
    /// The edit of a DOM `InputEvent.inputType` (`"deleteContentBackward"`, ...); any other
    /// text is [`Edit::Insert`].
    pub fn from_input_type(input_type: &str) -> Edit {
        match input_type {
            "deleteContentBackward" => Edit::DeleteBackward,
            "deleteContentForward" => Edit::DeleteForward,
            _ => Edit::Insert,
        }
    }
}

/// An input's text after formatting, with where its caret goes and what the number is so far.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneInput {
    /// The text to show (`(650) 253-0000`).
    pub value: String,
    /// Where the caret goes: a byte offset into `value`, after the same digit as before.
    pub caret: usize,
    /// The number in E.164 once it is valid (`+16502530000`).
    pub e164: Option<String>,
    /// Whether the text is a valid number (with its extension, if any).
    pub valid: bool,
    /// The region of the number, once known (see [`AsYouType::country`]).
    pub country: Option<String>,
    /// The calling code typed, else the default country's.
    pub calling_code: Option<u16>,
}

/// Formats `value`, an input's text just after an edit with the caret at byte `caret` (past
/// the end or inside a character: moved back to a character's start), for numbers typed in
/// `default_country` (ISO 3166-1 alpha-2, any case, as [`AsYouType::new`] takes it). The caret stays after the
/// same digit. After a [`Edit::DeleteBackward`] that took only a separator away (the
/// formatting would put it back), the digit before it is deleted; [`Edit::DeleteForward`]
/// likewise deletes the digit after it. A text over [`crate::MAX_FIELD_INPUT_BYTES`] is
/// returned as it is.
pub fn format_input(
    value: &str,
    caret: usize,
    edit: Edit,
    default_country: Option<&str>,
) -> PhoneInput {
    let mut caret = caret.min(value.len());
    while !value.is_char_boundary(caret) {
        caret -= 1;
    }
    let country = default_country;
    if value.len() > crate::MAX_FIELD_INPUT_BYTES {
        return described(value.to_owned(), caret, &AsYouType::new(country), country);
    }
    let mut parts = Parts::read(value, caret);
    let before_next = edit == Edit::DeleteForward;
    let (mut shown, mut typing) = parts.render(country, before_next);
    // The formatting put back exactly the character the deletion took: it was a separator.
    let restored = |shown: &str| match edit {
        Edit::Insert => false,
        Edit::DeleteBackward | Edit::DeleteForward => inserted_at(value, shown, caret),
    };
    if restored(&shown.value) {
        let deleted = match (edit, parts.caret) {
            (Edit::DeleteBackward, Caret::Number(n)) if n > 0 => Some(n - 1),
            (Edit::DeleteForward, Caret::Number(n)) if n < parts.number.len() => Some(n),
            _ => None,
        };
        if let Some(at) = deleted {
            parts.number.remove(at);
            parts.caret = Caret::Number(at);
            (shown, typing) = parts.render(country, before_next);
        }
    }
    described(shown.value, shown.caret, &typing, country)
}

/// The result for `value` shown with the caret at `caret`, `typing` its number typed.
fn described(value: String, caret: usize, typing: &AsYouType, country: Option<&str>) -> PhoneInput {
    let opts = PhoneOptions {
        default_country: country.map(str::to_owned),
        ..PhoneOptions::default()
    };
    let phone = normalize(&value, &opts).ok();
    PhoneInput {
        e164: phone.as_ref().map(|p| p.value.clone()),
        valid: phone.is_some(),
        country: phone.and_then(|p| p.region).or_else(|| typing.country()),
        calling_code: typing.calling_code(),
        value,
        caret,
    }
}

/// Whether `longer` is `text` with one character that is no digit or `+` inserted at byte `at`.
fn inserted_at(text: &str, longer: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..at), text.get(at..)) else {
        return false;
    };
    let Some(rest) = longer.strip_prefix(before) else {
        return false;
    };
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) => !is_significant(c) && chars.as_str() == after,
        None => false,
    }
}

/// A `+` or a digit of any script: what the formatting keeps of the number.
fn is_significant(c: char) -> bool {
    is_plus(c) || digit_value(c).is_some()
}

/// The separators a person may type between the digits of a number; the formatting writes
/// its own.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '.'
                | '/'
                | '('
                | ')'
                | '\u{00AD}'
                | '\u{200B}'
                | '\u{2060}'
                | '\u{2010}'..='\u{2015}'
                | '\u{2212}'
                | '\u{30FC}'
                | '\u{FF08}'
                | '\u{FF09}'
                | '\u{FF0D}'..='\u{FF0F}'
                | '[' | ']'
        )
}

/// Where the caret is, in terms the formatting keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caret {
    /// After this many characters of the number.
    Number(usize),
    /// This many bytes into the rest.
    Rest(usize),
}

/// An input's text read as a number (`+` and ASCII digits) and the rest, kept as typed.
struct Parts<'a> {
    number: Vec<char>,
    /// Whether the person put a space (or another separator) between the number and the rest.
    spaced: bool,
    rest: &'a str,
    caret: Caret,
}

/// What [`Parts::render`] shows.
struct Shown {
    value: String,
    caret: usize,
}

impl<'a> Parts<'a> {
    fn read(value: &'a str, caret: usize) -> Parts<'a> {
        let mut number = Vec::new();
        let mut number_caret = None;
        let mut rest_start = value.len();
        for (i, c) in value.char_indices() {
            if i == caret {
                number_caret = Some(number.len());
            }
            if is_plus(c) && number.is_empty() {
                number.push('+');
            } else if let Some(d) = digit_value(c) {
                number.push(char::from(b'0' + d));
            } else if !is_separator(c) {
                rest_start = i;
                break;
            }
        }
        let between = value.get(..rest_start).unwrap_or("");
        let after_number = between
            .char_indices()
            .rev()
            .find(|&(_, c)| is_significant(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let rest = value.get(rest_start..).unwrap_or("");
        let caret = match number_caret {
            Some(n) if caret < rest_start => Caret::Number(n),
            _ if caret < rest_start || rest.is_empty() => Caret::Number(number.len()),
            _ => Caret::Rest(caret - rest_start),
        };
        Parts {
            number,
            spaced: rest_start > after_number,
            rest,
            caret,
        }
    }

    /// The text to show and its caret, with the number as typed into an [`AsYouType`].
    /// The caret goes right after the digit before it or, `before_next`, right before the
    /// digit after it (where a Delete key leaves it).
    fn render(&self, country: Option<&str>, before_next: bool) -> (Shown, AsYouType) {
        let mut typing = AsYouType::new(country);
        let typed: String = self.number.iter().collect();
        let mut value = typing.input(&typed).to_owned();
        let mut digits = value.char_indices().filter(|&(_, c)| is_significant(c));
        let mut caret = match self.caret {
            Caret::Number(0) => 0,
            Caret::Number(n) if n < self.number.len() => {
                let found = if before_next {
                    digits.nth(n).map(|(i, _)| i)
                } else {
                    digits.nth(n - 1).map(|(i, c)| i + c.len_utf8())
                };
                found.unwrap_or(value.len())
            }
            _ => value.len(),
        };
        if !self.rest.is_empty() {
            // A label (`ext`, `x`) gets a space before it; `#`, `,` and `;` only one typed.
            let starts_word = self.rest.starts_with(char::is_alphabetic);
            if !value.is_empty() && (self.spaced || starts_word) {
                value.push(' ');
            }
            if let Caret::Rest(offset) = self.caret {
                caret = value.len() + offset;
            }
            value.push_str(self.rest);
        }
        (Shown { value, caret }, typing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with `|` as the caret, formatted after `edit`, shown the same way.
    fn edit(text_with_caret: &str, edit: Edit, country: Option<&str>) -> String {
        let caret = text_with_caret.find('|').expect("a caret");
        let text = text_with_caret.replacen('|', "", 1);
        let shown = format_input(&text, caret, edit, country);
        let mut out = shown.value.clone();
        out.insert(shown.caret, '|');
        out
    }

    fn typed(text: &str, country: Option<&str>) -> String {
        edit(text, Edit::Insert, country)
    }

    #[test]
    fn typing_at_the_end_formats_and_keeps_the_caret_at_the_end() {
        assert_eq!(typed("650|", Some("US")), "650|");
        assert_eq!(typed("6502|", Some("US")), "650-2|");
        assert_eq!(typed("(650) 253-000|", Some("US")), "(650) 253-000|");
        assert_eq!(typed("(650) 253-0000|", Some("US")), "(650) 253-0000|");
        assert_eq!(typed("55 1234 5678|", Some("MX")), "55 1234 5678|");
    }

    #[test]
    fn international_starts_plus_and_calling_code() {
        assert_eq!(typed("+|", None), "+|");
        assert_eq!(typed("+3|", None), "+3|");
        assert_eq!(typed("+34|", None), "+34 |");
        assert_eq!(typed("+346|", None), "+34 6|");
        assert_eq!(typed("+44207946095|8", None), "+44 20 7946 095|8");
        assert_eq!(typed("+442079460958|", Some("US")), "+44 20 7946 0958|");
        // A full-width plus and digits of another script, as a phone keyboard may give them.
        assert_eq!(typed("＋٤٤٢٠|", None), "+44 20|");
    }

    #[test]
    fn national_numbers_with_their_national_prefix() {
        assert_eq!(typed("02079460958|", Some("GB")), "020 7946 0958|");
        assert_eq!(typed("0|", Some("GB")), "0|");
        assert_eq!(typed("1650253000|0", Some("US")), "1 (650) 253-000|0");
    }

    #[test]
    fn typing_in_the_middle_keeps_the_caret_after_the_digit_typed() {
        // "(650) 253-000" with a 9 typed after "(65".
        assert_eq!(typed("(659|0) 253-000", Some("US")), "(659|) 025-3000");
        assert_eq!(typed("+44 201| 7946 095", None), "+44 20 1|794 6095");
        assert_eq!(typed("65|02530000", Some("US")), "(65|0) 253-0000");
        assert_eq!(typed("|6502530000", Some("US")), "|(650) 253-0000");
    }

    #[test]
    fn pasted_text_with_spaces_dashes_and_parentheses_is_formatted() {
        assert_eq!(typed("650 253 0000|", Some("US")), "(650) 253-0000|");
        assert_eq!(typed("650.253.0000|", Some("US")), "(650) 253-0000|");
        assert_eq!(typed("+1 (650) 253 - 0000|", None), "+1 650-253-0000|");
        assert_eq!(
            typed("0044 (20) 7946-0958|", Some("GB")),
            "00 44 20 7946 0958|"
        );
    }

    #[test]
    fn deleting_a_digit_in_the_middle_reformats() {
        let back = |t| edit(t, Edit::DeleteBackward, Some("US"));
        // "(650) 253-0000": backspace after the 5 of 253.
        assert_eq!(back("(650) 2|3-0000"), "(650) 2|30-000");
        let forward = |t| edit(t, Edit::DeleteForward, Some("US"));
        assert_eq!(forward("(650) |53-0000"), "(650) |530-000");
    }

    #[test]
    fn deleting_a_separator_deletes_the_digit_next_to_it() {
        let back = |t| edit(t, Edit::DeleteBackward, Some("US"));
        // Backspace right after `-` and after `) `: the browser took the separator away.
        assert_eq!(back("(650) 253|0000"), "(650) 25|0-000");
        assert_eq!(back("(650| 253-0000"), "(65|2) 530-000");
        assert_eq!(back("+44|20 7946 0958"), "+4|20 794 609 58");
        let forward = |t| edit(t, Edit::DeleteForward, Some("US"));
        assert_eq!(forward("(650) 253|0000"), "(650) 253-|000");
        // The same text after typing (not a deletion) is only formatted.
        assert_eq!(typed("(650) 253|0000", Some("US")), "(650) 253|-0000");
    }

    #[test]
    fn an_extension_is_kept_after_the_number() {
        let shown = format_input("6502530000 ext. 12", 18, Edit::Insert, Some("US"));
        assert_eq!(shown.value, "(650) 253-0000 ext. 12");
        assert_eq!(shown.caret, shown.value.len());
        assert!(shown.valid);
        assert_eq!(shown.e164.as_deref(), Some("+16502530000"));
        assert_eq!(typed("6502530000x|", Some("US")), "(650) 253-0000 x|");
        assert_eq!(typed("6502530000 x1|2", Some("US")), "(650) 253-0000 x1|2");
        assert_eq!(typed("6502530000#|", Some("US")), "(650) 253-0000#|");
        assert_eq!(
            typed("65|02530000 ext 1", Some("US")),
            "(65|0) 253-0000 ext 1"
        );
    }

    #[test]
    fn what_is_not_a_number_is_kept_as_typed() {
        assert_eq!(typed("abc|", Some("US")), "abc|");
        assert_eq!(typed("Tel: 650|", Some("US")), "Tel: 650|");
        assert_eq!(typed("|", Some("US")), "|");
        assert_eq!(typed("(|", Some("US")), "|");
    }

    #[test]
    fn the_result_says_what_the_number_is() {
        let shown = format_input("+44 20 7946 0958", 16, Edit::Insert, None);
        assert!(shown.valid);
        assert_eq!(shown.e164.as_deref(), Some("+442079460958"));
        assert_eq!(shown.country.as_deref(), Some("GB"));
        assert_eq!(shown.calling_code, Some(44));
        let shown = format_input("+3", 2, Edit::Insert, None);
        assert!(!shown.valid);
        assert_eq!(
            (shown.e164, shown.country, shown.calling_code),
            (None, None, None)
        );
        let shown = format_input("5512345678", 10, Edit::Insert, Some("mx"));
        assert_eq!(shown.value, "55 1234 5678");
        assert_eq!(shown.e164.as_deref(), Some("+525512345678"));
        assert_eq!(shown.calling_code, Some(52));
    }

    #[test]
    fn any_caret_and_any_text_is_answered() {
        // Past the end, inside a character, and text over the input limit.
        assert_eq!(format_input("650", 99, Edit::Insert, Some("US")).caret, 3);
        let shown = format_input("+٤٤", 2, Edit::DeleteBackward, None);
        assert_eq!((shown.value.as_str(), shown.caret), ("+44 ", 1));
        let long = "1".repeat(crate::MAX_FIELD_INPUT_BYTES + 1);
        let shown = format_input(&long, 5, Edit::Insert, Some("US"));
        assert_eq!((shown.value, shown.caret), (long, 5));
        for country in [None, Some(""), Some("ZZ"), Some("AQ"), Some("\u{FFFD}")] {
            for edit in [Edit::Insert, Edit::DeleteBackward, Edit::DeleteForward] {
                for text in ["", "+", "++1", "((", "\u{FFFD}1", "1 ext ", "#", "+0", "00"] {
                    for caret in 0..=text.len() {
                        let shown = format_input(text, caret, edit, country);
                        assert!(shown.value.is_char_boundary(shown.caret));
                        assert!(shown.caret <= shown.value.len());
                    }
                }
            }
        }
    }
}
