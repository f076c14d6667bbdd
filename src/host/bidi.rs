//! RFC 5893's Bidi rule, which UTS #46 applies to every label of a domain that has a
//! right-to-left one (CheckBidi). Shared code: Node's URL parser (Ada) does not apply it, so
//! the package applies it itself, natively too, from one table.
//!
//! The table (`bidi_class.bin`) is the Bidi_Class of every code point as ICU4X's data has it,
//! one 4-byte entry per run of code points of one class: the run's first code point in 3 bytes
//! (big-endian), then the class as ICU4C numbers it (`UCharDirection`), or 255
//! (`class::OTHER`) for the classes the rule does not name (none of which a Bidi label may
//! have). The native test `host::native::tests::bidi_table_is_icu4x_data` checks it against
//! ICU4X, and writes it again when `CONTACTKIT_WRITE_BIDI_TABLE=1` is set.

/// ICU4C's numbers for the Bidi classes the rule names, and one for all the others.
pub(super) mod class {
    /// Every class the rule does not name (the table's generator writes it).
    #[cfg(test)]
    pub const OTHER: u8 = 255;
    pub const L: u8 = 0;
    pub const R: u8 = 1;
    pub const EN: u8 = 2;
    pub const ES: u8 = 3;
    pub const ET: u8 = 4;
    pub const AN: u8 = 5;
    pub const CS: u8 = 6;
    pub const ON: u8 = 10;
    pub const AL: u8 = 13;
    pub const NSM: u8 = 17;
    pub const BN: u8 = 18;
}

pub(super) static TABLE: &[u8] = include_bytes!("bidi_class.bin");

/// The Bidi_Class of `c`.
pub(super) fn class_of(c: char) -> u8 {
    let cp = u32::from(c);
    let start = |i: usize| {
        let e = &TABLE[i * 4..i * 4 + 3];
        u32::from(e[0]) << 16 | u32::from(e[1]) << 8 | u32::from(e[2])
    };
    // The last entry whose run starts at or before `cp` (the first starts at U+0000).
    let (mut lo, mut hi) = (0, TABLE.len() / 4);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if start(mid) <= cp {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    TABLE[lo * 4 + 3]
}

/// Whether a domain in Unicode passes CheckBidi: when any label has a right-to-left character
/// (R, AL or AN), every label must meet the six conditions of RFC 5893 §2.
pub(crate) fn domain_ok(domain: &str) -> bool {
    use class::*;
    let rtl = domain.chars().any(|c| matches!(class_of(c), R | AL | AN));
    !rtl || domain.split('.').all(label_ok)
}

fn label_ok(label: &str) -> bool {
    use class::*;
    let mut classes = label.chars().map(class_of);
    let Some(first) = classes.next() else {
        return true;
    };
    // 1: the first character decides the direction.
    let ltr = match first {
        L => true,
        R | AL => false,
        _ => return false,
    };
    let rest: Vec<u8> = classes.collect();
    // 3 and 6: the last character that is not a mark.
    let last = rest
        .iter()
        .rev()
        .find(|&&c| c != NSM)
        .copied()
        .unwrap_or(first);
    let allowed = |c: &u8| {
        matches!(*c, EN | ES | CS | ET | ON | BN | NSM)
            || if ltr {
                *c == L
            } else {
                matches!(*c, R | AL | AN)
            }
    };
    // 2 and 5: the characters allowed in a label of its direction.
    if !rest.iter().all(allowed) {
        return false;
    }
    if ltr {
        matches!(last, L | EN)
    } else {
        // 4: European and Arabic digits not both.
        matches!(last, R | AL | EN | AN) && !(rest.contains(&EN) && rest.contains(&AN))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn classes_and_labels() {
        assert_eq!(class_of('a'), class::L);
        assert_eq!(class_of('א'), class::R);
        assert_eq!(class_of('ع'), class::AL);
        assert_eq!(class_of('٣'), class::AN);
        assert_eq!(class_of('1'), class::EN);
        assert_eq!(class_of('\u{301}'), class::NSM);
        assert_eq!(class_of(' '), class::OTHER);
        assert_eq!(class_of('\u{10ffff}'), class_of('\u{10fffe}'));
        assert!(domain_ok("example.com"));
        assert!(domain_ok("1.example"), "not a Bidi domain: no rule applies");
        assert!(domain_ok("مثال.com"));
        assert!(domain_ok("אב.a1"));
        assert!(domain_ok("مثال٣.com"));
        assert!(!domain_ok("1مثال.io"), "1: a digit first");
        assert!(!domain_ok("مثال.1com"), "1: in a Bidi domain, every label");
        assert!(!domain_ok("❤.مثال"), "1: a symbol first");
        assert!(
            !domain_ok("אaב.com"),
            "2: a left-to-right letter in a right-to-left label"
        );
        assert!(!domain_ok("مثال-.com"), "3: ends with a hyphen");
        assert!(!domain_ok("م1٣ل.com"), "4: both kinds of digit");
        assert!(
            !domain_ok("aב.com"),
            "5: a right-to-left letter in a left-to-right label"
        );
        assert!(!domain_ok("a-.مثال"), "6: ends with a hyphen");
        assert!(domain_ok("ב\u{5b0}.com"), "3: marks after the last letter");
    }

    /// `checks_left_to_us` skips CheckBidi for a domain of ASCII characters only: none of them is
    /// right-to-left.
    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn no_ascii_character_is_right_to_left() {
        use class::*;
        for c in (0u8..0x80).map(char::from) {
            assert!(!matches!(class_of(c), R | AL | AN), "{c:?}");
        }
    }
}
