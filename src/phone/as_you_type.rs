//! Formatting a phone number while it is typed: libphonenumber's `AsYouTypeFormatter`, written
//! over the same tables as the rest of the rule (`build/` adds, per format, all its leading
//! digits patterns, what its national prefix formatting rule says and its template).
//!
//! ```
//! use contactkit::phone::AsYouType;
//!
//! let mut typing = AsYouType::new(Some("US"));
//! assert_eq!(typing.input("650253"), "650-253");
//! assert_eq!(typing.input("0000"), "(650) 253-0000");
//! assert_eq!(typing.number_value().as_deref(), Some("+16502530000"));
//! assert_eq!(typing.template(), "(xxx) xxx-xxxx");
//! ```
//!
//! The output after each character equals libphonenumber's (python `phonenumbers` at
//! [`super::METADATA_VERSION`]) on the keystrokes of `scripts/phone_aytf_oracle.py`'s corpus:
//! `tests/phone_as_you_type.rs` measures it, and `docs/phone-as-you-type.md` lists the kinds of
//! difference left.

use super::engine::{self, Region};
use super::formatting::{fits_whole, replace_all};
use super::layout::{
    AYTF_CARRIER_RULE, AYTF_ELIGIBLE, AYTF_FIRST_GROUP_ONLY, AYTF_NO_NP_RULE, AYTF_NP_OPTIONAL,
    AYTF_SPACE_AFTER_NP, DIGIT_PLACEHOLDER,
};
use super::spelling::{digit_value, is_plus};
use super::tables::{self, AytfFormat, Meta};
use super::{matcher, Phone, PhoneOptions};
use crate::error::{ErrorCode, FieldError};
use crate::lang::Lang;

/// What goes between a prefix (international prefix, calling code, a long national prefix) and
/// the national number.
const SEPARATOR: char = ' ';
/// Digits of national number (after any prefix) before formats are chosen: the first leading
/// digits pattern of each format is written for this many.
const MIN_LEADING_DIGITS: usize = 3;

/// A phone number being typed, formatted after each character as libphonenumber's
/// `AsYouTypeFormatter` does, with what the rule says of it so far.
#[derive(Debug, Clone)]
pub struct AsYouType {
    /// The default country as given (trimmed), for [`normalize`](super::normalize).
    default_country: Option<String>,
    /// The metadata of the default country's calling code's main region, if it has one.
    default_meta: Option<&'static Meta>,
    /// The metadata formats come from (the calling code's main region once one is typed).
    meta: Option<&'static Meta>,
    /// Everything typed.
    accrued: String,
    /// The digits typed (ASCII) and a leading `+`.
    accrued_digits: String,
    output: String,
    /// The current template, as characters (digits filled in, placeholders to come).
    template: Vec<char>,
    last_match: usize,
    /// The pattern number of the format whose template is in use.
    current_pattern: Option<u16>,
    /// The international prefix or `+`, calling code and national prefix, formatted.
    prefix: String,
    space_after_national_prefix: bool,
    extracted_national_prefix: String,
    national_number: String,
    able_to_format: bool,
    /// The person typed separators of their own: what they typed is shown as typed.
    input_has_formatting: bool,
    /// A national or international prefix was found: the whole number is being typed.
    complete_number: bool,
    expecting_calling_code: bool,
    possible_formats: Vec<&'static AytfFormat>,
    /// The calling code typed after `+` or an international prefix, once complete.
    typed_calling_code: Option<u16>,
}

impl AsYouType {
    /// A formatter for numbers typed in `default_country` (ISO 3166-1 alpha-2, any case;
    /// `None`, blank, or a country without a numbering plan: only numbers typed with `+` are
    /// formatted). A code that is no country formats as none, and [`AsYouType::number`] reports
    /// it as `invalid_option`.
    pub fn new(default_country: Option<&str>) -> AsYouType {
        let default_country = default_country
            .map(crate::error::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned);
        let default_meta = default_country
            .as_deref()
            .and_then(Region::from_alpha2)
            .and_then(|region| engine::main_metadata(region.calling_code()));
        AsYouType {
            default_country,
            default_meta,
            meta: default_meta,
            accrued: String::new(),
            accrued_digits: String::new(),
            output: String::new(),
            template: Vec::new(),
            last_match: 0,
            current_pattern: None,
            prefix: String::new(),
            space_after_national_prefix: false,
            extracted_national_prefix: String::new(),
            national_number: String::new(),
            able_to_format: true,
            input_has_formatting: false,
            complete_number: false,
            expecting_calling_code: false,
            possible_formats: Vec::new(),
            typed_calling_code: None,
        }
    }

    /// Appends `text` (one character or more, as typed or pasted) and returns the text to show.
    pub fn input(&mut self, text: &str) -> &str {
        for c in text.chars() {
            // A formatter of the text typed so far never needs more than a phone number's worth:
            // past that, what was typed is shown as typed.
            if self.accrued.len() >= crate::MAX_FIELD_INPUT_BYTES {
                break;
            }
            self.output = self.input_char(c);
        }
        &self.output
    }

    /// Starts again, with the same default country.
    pub fn reset(&mut self) {
        let default_country = self.default_country.take();
        *self = AsYouType::new(default_country.as_deref());
    }

    /// The text shown now (what the last [`AsYouType::input`] returned).
    pub fn output(&self) -> &str {
        &self.output
    }

    /// Everything typed since the start (or the last [`AsYouType::reset`]).
    pub fn typed(&self) -> &str {
        &self.accrued
    }

    /// The number in E.164 once it is valid (`+16502530000`), else `None`.
    pub fn number_value(&self) -> Option<String> {
        self.number().ok().map(|phone| phone.value)
    }

    /// The whole result for what was typed, as [`normalize`](super::normalize) gives it, but
    /// that a start that more digits could complete (`+`, `+3`, `+1 65`) is `phone_incomplete`
    /// (a form's "keep typing", not an error to show).
    pub fn number(&self) -> Result<Phone, FieldError> {
        self.number_in(Lang::En)
    }

    /// [`AsYouType::number`] with messages in `lang`.
    pub fn number_in(&self, lang: Lang) -> Result<Phone, FieldError> {
        let opts = PhoneOptions {
            default_country: self.default_country.clone(),
            lang,
        };
        super::normalize(&self.accrued, &opts).map_err(|err| {
            if self.is_incomplete(err.code) {
                FieldError::new(ErrorCode::PhoneIncomplete, lang)
            } else {
                err
            }
        })
    }

    /// Whether an error for what was typed only says that more digits are to come: too
    /// short, or a `+` with no calling code complete yet.
    fn is_incomplete(&self, code: ErrorCode) -> bool {
        let number_start = self.accrued.trim().chars().all(|c| {
            is_plus(c) || digit_value(c).is_some() || matches!(c, ' ' | '-' | '.' | '(' | ')')
        });
        if !number_start {
            return false;
        }
        match code {
            ErrorCode::PhoneTooShort => true,
            ErrorCode::PhoneNotANumber | ErrorCode::PhoneInvalidCountryCode => {
                // `+`, `+3`, `+38`: no calling code yet, but one may follow.
                let digits = self.accrued_digits.trim_start_matches('+');
                self.accrued_digits.starts_with('+')
                    && digits.len() < 3
                    && !digits.starts_with('0')
                    && engine::extract_calling_code(digits).is_none()
            }
            _ => false,
        }
    }

    /// The region of the number: the one a valid number belongs to, else the only region of
    /// the calling code typed, else the default country's (when typed without `+`).
    pub fn country(&self) -> Option<String> {
        if let Ok(phone) = self.number() {
            return phone.region;
        }
        match self.calling_code_typed() {
            Some(code) => engine::only_region(code).map(str::to_owned),
            None => self
                .default_country
                .as_deref()
                .and_then(Region::from_alpha2)
                .and_then(Region::id)
                .map(str::to_owned),
        }
    }

    /// The calling code: the one typed after `+` or an international prefix, else the default
    /// country's.
    pub fn calling_code(&self) -> Option<u16> {
        self.calling_code_typed()
            .or_else(|| self.default_meta.map(|meta| meta.calling_code))
    }

    /// The calling code typed after `+` or an international prefix, once complete.
    fn calling_code_typed(&self) -> Option<u16> {
        self.typed_calling_code
    }

    /// libphonenumber's `isPossibleNumber` for what was typed: its length is one the country
    /// has (valid numbers included).
    pub fn is_possible(&self) -> bool {
        super::is_possible(&self.accrued, self.default_country.as_deref())
    }

    /// Whether what was typed is a valid number.
    pub fn is_valid(&self) -> bool {
        self.number().is_ok()
    }

    /// The text shown with every digit as `x` (`(xxx) xxx-xx` while typing `(650) 253-00`).
    pub fn template(&self) -> String {
        self.output
            .chars()
            .map(|c| if digit_value(c).is_some() { 'x' } else { c })
            .collect()
    }

    /// libphonenumber's `inputDigit`: one more character.
    fn input_char(&mut self, c: char) -> String {
        self.accrued.push(c);
        let is_first = self.accrued.chars().nth(1).is_none();
        let c = if digit_value(c).is_some() || (is_first && is_plus(c)) {
            self.accrue_digit_or_plus(c)
        } else {
            self.able_to_format = false;
            self.input_has_formatting = true;
            c
        };
        if !self.able_to_format {
            // Unable to format for a reason other than the person's own separators: maybe a
            // long international or national prefix, after which formatting can go on.
            if self.input_has_formatting {
                return self.accrued.clone();
            } else if self.extract_international_prefix() {
                if self.extract_calling_code() {
                    return self.choose_pattern_with_prefix_extracted();
                }
            } else if self.extract_longer_national_prefix() {
                self.prefix.push(SEPARATOR);
                return self.choose_pattern_with_prefix_extracted();
            }
            return self.accrued.clone();
        }
        // Formats are tried from three characters on (a `+` counts).
        match self.accrued_digits.chars().count() {
            0..=2 => return self.accrued.clone(),
            3 => {
                if self.extract_international_prefix() {
                    self.expecting_calling_code = true;
                } else {
                    self.extracted_national_prefix = self.remove_national_prefix();
                    return self.choose_formatting_pattern();
                }
            }
            _ => {}
        }
        if self.expecting_calling_code {
            if self.extract_calling_code() {
                self.expecting_calling_code = false;
            }
            return format!("{}{}", self.prefix, self.national_number);
        }
        if self.possible_formats.is_empty() {
            return self.choose_formatting_pattern();
        }
        let national = self.input_digit_into_template(c);
        let formatted = self.format_accrued_digits();
        if !formatted.is_empty() {
            return formatted;
        }
        let number = self.national_number.clone();
        self.narrow_down_possible_formats(&number);
        if self.maybe_create_new_template() {
            return self.input_accrued_national_number();
        }
        if self.able_to_format {
            self.append_national_number(&national)
        } else {
            self.accrued.clone()
        }
    }

    /// Adds a digit (as ASCII) or the leading `+` to what is accrued; returns it as accrued.
    fn accrue_digit_or_plus(&mut self, c: char) -> char {
        if c == '+' {
            self.accrued_digits.push(c);
            return c;
        }
        let normalized = digit_value(c).map_or(c, |d| char::from(b'0' + d));
        self.accrued_digits.push(normalized);
        self.national_number.push(normalized);
        normalized
    }

    fn choose_pattern_with_prefix_extracted(&mut self) -> String {
        self.able_to_format = true;
        self.expecting_calling_code = false;
        self.possible_formats.clear();
        self.last_match = 0;
        self.template.clear();
        self.current_pattern = None;
        self.choose_formatting_pattern()
    }

    /// Some national prefixes are the start of longer ones: when the shorter one led nowhere,
    /// tries again for a longer one. True when another was found.
    fn extract_longer_national_prefix(&mut self) -> bool {
        if !self.extracted_national_prefix.is_empty() {
            // Put the prefix back, and take it out of what is shown before the number (not
            // simply cleared: `+44 (0)20` has a national prefix after the calling code).
            self.national_number
                .insert_str(0, &self.extracted_national_prefix);
            match self.prefix.rfind(&self.extracted_national_prefix) {
                Some(at) => self.prefix.truncate(at),
                // As libphonenumber does (its `rfind` gives -1): the last character goes.
                None => {
                    self.prefix.pop();
                }
            }
        }
        let removed = self.remove_national_prefix();
        self.extracted_national_prefix != removed
    }

    /// libphonenumber's `attemptToFormatAccruedDigits`: the first possible format whose pattern
    /// matches the whole national number, when its output keeps every digit typed.
    fn format_accrued_digits(&mut self) -> String {
        let formats = self.possible_formats.clone();
        for aytf in formats {
            let format = &aytf.def;
            if !fits_whole(format, &self.national_number) {
                continue;
            }
            self.space_after_national_prefix = aytf.flags & AYTF_SPACE_AFTER_NP != 0;
            let mut formatted = String::new();
            replace_all(format, &self.national_number, &mut formatted);
            let full = self.append_national_number(&formatted);
            let digits: String = full
                .chars()
                .filter_map(|c| match digit_value(c) {
                    Some(d) => Some(char::from(b'0' + d)),
                    None => matches!(c, '+' | '*' | '#').then_some(c),
                })
                .collect();
            if digits == self.accrued_digits {
                return full;
            }
        }
        String::new()
    }

    /// The prefix and the national number, with a space between when the format's national
    /// prefix rule has one (and the prefix does not already end with one).
    fn append_national_number(&self, national: &str) -> String {
        if self.space_after_national_prefix
            && !self.prefix.is_empty()
            && !self.prefix.ends_with(SEPARATOR)
        {
            format!("{}{SEPARATOR}{national}", self.prefix)
        } else {
            format!("{}{national}", self.prefix)
        }
    }

    /// libphonenumber's `attemptToChooseFormattingPattern`.
    fn choose_formatting_pattern(&mut self) -> String {
        if self.national_number.chars().count() < MIN_LEADING_DIGITS {
            return self.append_national_number(&self.national_number);
        }
        let number = self.national_number.clone();
        self.available_formats(&number);
        let formatted = self.format_accrued_digits();
        if !formatted.is_empty() {
            return formatted;
        }
        if self.maybe_create_new_template() {
            self.input_accrued_national_number()
        } else {
            self.accrued.clone()
        }
    }

    /// Every digit of the national number through the template.
    fn input_accrued_national_number(&mut self) -> String {
        if self.national_number.is_empty() {
            return self.prefix.clone();
        }
        let digits: Vec<char> = self.national_number.chars().collect();
        let mut national = String::new();
        for d in digits {
            national = self.input_digit_into_template(d);
        }
        if self.able_to_format {
            self.append_national_number(&national)
        } else {
            self.accrued.clone()
        }
    }

    /// libphonenumber's `isNanpaNumberWithNationalPrefix`: under +1, a `1` then a digit other
    /// than 0 or 1 is the national prefix.
    fn nanpa_with_national_prefix(&self) -> bool {
        let b = self.national_number.as_bytes();
        self.meta.is_some_and(|m| m.calling_code == 1)
            && b.first() == Some(&b'1')
            && !matches!(b.get(1), Some(b'0' | b'1'))
    }

    /// Takes a national prefix off the national number (into the prefix shown); returns it.
    fn remove_national_prefix(&mut self) -> String {
        let mut start = 0;
        if self.nanpa_with_national_prefix() {
            start = 1;
            self.prefix.push('1');
            self.prefix.push(SEPARATOR);
            self.complete_number = true;
        } else if let Some(program) = self
            .meta
            .and_then(|m| m.prefix_for_parsing)
            .and_then(engine::program)
        {
            let mut slots = [None; 2 * tables::MAX_GROUPS];
            // Some national prefix patterns are all optional: only a prefix of digits counts.
            if let Some(end) = matcher::run(program, self.national_number.as_bytes(), &mut slots)
                .filter(|&end| end > 0)
            {
                self.complete_number = true;
                start = end;
                self.prefix
                    .push_str(self.national_number.get(..end).unwrap_or(""));
            }
        }
        let rest = self.national_number.split_off(start);
        std::mem::replace(&mut self.national_number, rest)
    }

    /// A `+` or the country's international prefix at the start: into the prefix shown, the
    /// rest into the national number.
    fn extract_international_prefix(&mut self) -> bool {
        let end = if self.accrued_digits.starts_with('+') {
            Some(1)
        } else {
            self.meta
                .and_then(|m| m.international_prefix)
                .and_then(engine::program)
                .and_then(|program| {
                    let mut slots = [None; 2 * tables::MAX_GROUPS];
                    matcher::run(program, self.accrued_digits.as_bytes(), &mut slots)
                })
        };
        let Some(end) = end else {
            return false;
        };
        self.complete_number = true;
        self.national_number = self.accrued_digits.get(end..).unwrap_or("").to_owned();
        self.prefix = self.accrued_digits.get(..end).unwrap_or("").to_owned();
        if !self.accrued_digits.starts_with('+') {
            self.prefix.push(SEPARATOR);
        }
        true
    }

    /// The calling code at the start of the national number: into the prefix shown, its main
    /// region's formats from now on.
    fn extract_calling_code(&mut self) -> bool {
        let Some((code, rest)) = engine::extract_calling_code(&self.national_number) else {
            return false;
        };
        self.national_number = rest.to_owned();
        self.meta = engine::main_metadata(code);
        self.typed_calling_code = Some(code);
        self.prefix.push_str(&code.to_string());
        self.prefix.push(SEPARATOR);
        // A national prefix taken before belongs to no number any more.
        self.extracted_national_prefix.clear();
        true
    }

    /// libphonenumber's `getAvailableFormats`: the formats that fit how the number is typed
    /// (national or international, with or without the national prefix), then narrowed down
    /// by the leading digits.
    fn available_formats(&mut self, leading: &str) {
        let Some(meta) = self.meta else {
            return;
        };
        let (national, international) = tables::aytf_lists(meta);
        let international_number =
            self.complete_number && self.extracted_national_prefix.is_empty();
        let list = if international_number && !international.is_empty() {
            international
        } else {
            national
        };
        for format in list {
            let has = |flag: u8| format.flags & flag != 0;
            if !self.extracted_national_prefix.is_empty()
                && has(AYTF_FIRST_GROUP_ONLY)
                && !has(AYTF_NP_OPTIONAL)
                && !has(AYTF_CARRIER_RULE)
            {
                // Typed with a national prefix: formats that write none do not apply (but one
                // with a carrier code rule may, as the prefix may be a carrier code).
                continue;
            }
            if self.extracted_national_prefix.is_empty()
                && !self.complete_number
                && !has(AYTF_FIRST_GROUP_ONLY)
                && !has(AYTF_NP_OPTIONAL)
            {
                // Typed without the national prefix this format requires.
                continue;
            }
            if has(AYTF_ELIGIBLE) {
                self.possible_formats.push(format);
            }
        }
        self.narrow_down_possible_formats(leading);
    }

    /// Keeps the formats whose leading digits pattern for this many digits matches.
    fn narrow_down_possible_formats(&mut self, leading: &str) {
        // libphonenumber picks the pattern written for this many digits (the first for 3, ...),
        // or its last; a negative index counts from the end, as in python.
        let index = leading.chars().count() as isize - MIN_LEADING_DIGITS as isize;
        self.possible_formats.retain(|format| {
            let count = isize::from(format.leading_count);
            if count == 0 {
                return true;
            }
            let i = index.min(count - 1);
            let i = if i < 0 { count + i } else { i };
            let program = usize::try_from(i)
                .ok()
                .and_then(|i| tables::leading_program(format, i))
                .and_then(tables::aytf_program);
            let mut slots = [None; 2 * tables::MAX_GROUPS];
            program.is_some_and(|p| matcher::run(p, leading.as_bytes(), &mut slots).is_some())
        });
    }

    /// libphonenumber's `maybeCreateNewTemplate`: the first possible format with a template
    /// long enough; false when the current one is still it (or none is left).
    fn maybe_create_new_template(&mut self) -> bool {
        while let Some(&format) = self.possible_formats.first() {
            if self.current_pattern == Some(format.pattern) {
                return false;
            }
            if self.create_formatting_template(format) {
                self.current_pattern = Some(format.pattern);
                self.space_after_national_prefix =
                    format.flags & AYTF_SPACE_AFTER_NP != 0 && format.flags & AYTF_NO_NP_RULE == 0;
                self.last_match = 0;
                return true;
            }
            self.possible_formats.remove(0);
        }
        self.able_to_format = false;
        false
    }

    /// The format's template, when it holds the digits typed so far.
    fn create_formatting_template(&mut self, format: &AytfFormat) -> bool {
        if usize::from(format.template_digits) < self.national_number.chars().count() {
            return false;
        }
        match tables::TEMPLATES.get(usize::from(format.template)) {
            Some(template) => {
                self.template = template.chars().collect();
                true
            }
            _ => false,
        }
    }

    /// libphonenumber's `inputDigitHelper`: the digit into the template's next place; the
    /// template up to it.
    fn input_digit_into_template(&mut self, digit: char) -> String {
        let from = self.last_match.min(self.template.len());
        let has_place = self
            .template
            .get(from..)
            .is_some_and(|rest| rest.contains(&DIGIT_PLACEHOLDER));
        if has_place {
            if let Some(at) = self.template.iter().position(|&c| c == DIGIT_PLACEHOLDER) {
                if let Some(place) = self.template.get_mut(at) {
                    *place = digit;
                }
                self.last_match = at;
                return self.template.get(..=at).unwrap_or(&[]).iter().collect();
            }
        }
        if self.possible_formats.len() == 1 {
            // More digits than the only format left holds.
            self.able_to_format = false;
        }
        self.current_pattern = None;
        self.accrued.clone()
    }
}
