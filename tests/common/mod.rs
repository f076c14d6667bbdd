//! Helpers shared by the integration tests: `mod common;` in each file that uses them.
//!
//! Each file under `tests/` is a crate of its own, so a helper that one of them does not call is
//! dead code there (hence the `allow`).
#![allow(dead_code)]

use contactkit::payload::ContactError;
use contactkit::{ErrorCode, FieldError, FieldOptions, Lang};

/// Field options in English, whose messages the tests read.
pub fn en() -> FieldOptions {
    FieldOptions::new(Lang::En)
}

/// (field, code) of every error, in order.
pub fn codes(errs: &[ContactError]) -> Vec<(String, &'static str)> {
    errs.iter()
        .map(|e| (e.field.clone(), e.error.code.as_str()))
        .collect()
}

/// Any text through a field rule's `normalize` (given as `rule`, `value` reading a result's
/// value): an error is one of `codes` or a shared one (`empty`, `input_too_long`), and a value
/// is canonical (normalizing it again gives it back).
pub fn check_any_text<T>(
    rule: impl Fn(&str, &FieldOptions) -> Result<T, FieldError>,
    value: impl Fn(T) -> String,
    codes: &[ErrorCode],
    input: &str,
) {
    match rule(input, &en()).map(&value) {
        Ok(found) => {
            let again = rule(&found, &en()).map(&value);
            assert_eq!(again.as_deref(), Ok(found.as_str()), "{input:?}");
        }
        Err(e) => assert!(
            [ErrorCode::Empty, ErrorCode::InputTooLong].contains(&e.code)
                || codes.contains(&e.code),
            "{input:?}: {e:?}"
        ),
    }
}

/// A small deterministic generator (xorshift64), so that generated cases are the same on every
/// run and a failure names the same input again.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (which is not 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Text of fewer than `max_len` characters of `alphabet`, from one draw: the length is the
    /// draw modulo `max_len`, and character `i` is picked by the draw shifted `i % 60` bits.
    pub fn text(&mut self, alphabet: &[char], max_len: usize) -> String {
        let draw = self.next_u64();
        let len = (draw % max_len as u64) as usize;
        (0..len)
            .map(|i| alphabet[((draw >> (i % 60)) as usize) % alphabet.len()])
            .collect()
    }
}
