//! What the build script (`build/`) writes and the engine reads: the output bits of a region's
//! automaton, the order of the number types, the stored instruction set of the backtracking
//! programs and the marks of capture groups in replacement rules. Defined once, here, and
//! included by both (`build/main.rs` reads this file with `#[path]`).

/// Output bit of a region automaton: the general pattern matches the whole number.
pub const GENERAL_BIT: u32 = 0;
/// Output bit of a region automaton for the first number type; the others follow in
/// [`TYPES`] order.
pub const FIRST_TYPE_BIT: u32 = 1;
/// Output bit of a region automaton: the region's own leading digits match a prefix (regions
/// sharing a calling code).
pub const LEADING_BIT: u32 = 11;

/// The number types, in the order of the automaton's bits and of a region's `type_lengths`,
/// by their names in `build/phone_metadata.json`.
pub const TYPES: [&str; 10] = [
    "fixed_line",
    "mobile",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "personal_number",
    "voip",
    "pager",
    "uan",
    "voicemail",
];

/// Indexes into [`TYPES`].
pub mod types {
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

/// One instruction of a backtracking program as stored: its targets relative to itself,
/// `i16::MIN` for instruction 0 (the shared `Fail`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// No match here.
    Fail,
    /// A match, ending here.
    Match,
    /// A digit whose bit is in the mask (bit d for digit d), then the instruction.
    Digit(u16, i16),
    /// Try the first instruction, then the second (leftmost-first preference).
    Split(i16, i16),
    /// Record the position in a capture slot (2g and 2g + 1 for group g), then go on.
    Save(u8, i16),
    /// Only at the end of the text.
    End(i16),
}

/// In a replacement rule, capture group g is the character U+0001 + g; every character from
/// this one on is text.
pub const FIRST_TEXT: u8 = b' ';
/// Capture groups a rule can name (their marks stay below [`FIRST_TEXT`]).
pub const GROUP_MARKS: u32 = FIRST_TEXT as u32 - 2;

/// Flags of a format for the as-you-type formatter: it has no national prefix formatting rule.
pub const AYTF_NO_NP_RULE: u8 = 1;
/// Its national prefix formatting rule is the first group alone (`$1`, `($1)`), or none.
pub const AYTF_FIRST_GROUP_ONLY: u8 = 2;
/// The national prefix is optional when formatting.
pub const AYTF_NP_OPTIONAL: u8 = 4;
/// It has a domestic carrier code formatting rule.
pub const AYTF_CARRIER_RULE: u8 = 8;
/// Its national prefix formatting rule separates the prefix (a space or `-` in it).
pub const AYTF_SPACE_AFTER_NP: u8 = 16;
/// Its rule is only groups and punctuation, the first group present (libphonenumber's
/// `ELIGIBLE_FORMAT_PATTERN`): it can be used as you type.
pub const AYTF_ELIGIBLE: u8 = 32;
/// The character of a digit yet to come in a template (U+2008, punctuation space).
pub const DIGIT_PLACEHOLDER: char = '\u{2008}';
