//! Sorted line tables: generated data kept as one string of `\n`-terminated lines (`key` or
//! `key=value`), sorted by key, and searched by bisecting on byte positions. There is no offset
//! or pointer table beside the text, which keeps the data small in the .wasm; a lookup reads
//! O(log n) lines.

use std::cmp::Ordering;

/// The line whose key (the text before `=`, or the whole line) compares `Equal` to `key` under
/// `cmp`, the order the table is sorted in.
pub(crate) fn find(
    table: &'static str,
    key: &str,
    cmp: fn(&str, &str) -> Ordering,
) -> Option<&'static str> {
    // [lo, hi) always spans whole lines: lo is a line start, hi is just after a '\n' (or the end).
    // The search is on bytes: `mid` may fall inside a multi-byte character, but a line's ends
    // ('\n', an ASCII byte, or the table's ends) are always character boundaries.
    let bytes = table.as_bytes();
    let (mut lo, mut hi) = (0, table.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = match bytes.get(lo..mid)?.iter().rposition(|&b| b == b'\n') {
            Some(p) => lo + p + 1,
            None => lo,
        };
        let end = match bytes.get(start..hi)?.iter().position(|&b| b == b'\n') {
            Some(p) => start + p,
            None => hi,
        };
        let line = table.get(start..end)?;
        match cmp(key_of(line), key) {
            Ordering::Equal => return Some(line),
            Ordering::Less => lo = end + 1,
            Ordering::Greater => hi = start,
        }
    }
    None
}

/// The key of a line: the text before `=`, or the whole line.
pub(crate) fn key_of(line: &str) -> &str {
    match equals(line) {
        Some(i) => line.get(..i).unwrap_or(line),
        None => line,
    }
}

/// The value of a line: the text after `=`, if any.
pub(crate) fn value_of(line: &str) -> Option<&str> {
    line.get(equals(line)? + 1..)
}

/// Where the first `=` of a line is: a byte loop (lines are short, and `split_once` sets up a
/// searcher for each).
fn equals(line: &str) -> Option<usize> {
    line.bytes().position(|b| b == b'=')
}

/// Every line of a table, in order.
pub(crate) fn lines(table: &'static str) -> impl Iterator<Item = &'static str> {
    table.lines()
}

/// ASCII case-insensitive order (the order of tables sorted by lower-case key).
pub(crate) fn cmp_ignore_ascii_case(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "a\nbb=x\nc=yy\ndd\ne=z\n";

    #[test]
    fn finds_every_line_and_nothing_else() {
        for line in lines(T) {
            assert_eq!(find(T, key_of(line), str::cmp), Some(line));
        }
        for missing in ["", "0", "b", "bbb", "cc", "f", "zz", "a=", "\n"] {
            assert_eq!(find(T, missing, str::cmp), None, "{missing:?}");
        }
        assert_eq!(find("", "a", str::cmp), None);
        // Multi-byte lines: every probe lands on whole lines.
        let multi = "a=1\nå=2\nλ=3\nσσσ=4\nрусь=5\n日本=6\n";
        for line in lines(multi) {
            assert_eq!(find(multi, key_of(line), str::cmp), Some(line));
        }
        assert_eq!(find(multi, "б", str::cmp), None);
        assert_eq!(find("only", "only", str::cmp), Some("only"));
        assert_eq!(value_of("c=yy"), Some("yy"));
        assert_eq!(value_of("dd"), None);
    }

    #[test]
    fn case_insensitive_order() {
        assert_eq!(
            cmp_ignore_ascii_case("US/Eastern", "us/eastern"),
            Ordering::Equal
        );
        assert_eq!(cmp_ignore_ascii_case("US/Eastern", "UTC"), Ordering::Less);
        assert_eq!(
            find("Ab\nbC=x\n", "BC", cmp_ignore_ascii_case),
            Some("bC=x")
        );
    }
}
