//! libphonenumber's `format` (E.164, international and national, with the extension's
//! separator) over the formats `build/` chose and wrote the national prefix into, and the
//! expansion of replacement rules that parsing shares.

use super::engine::{has_length, main_metadata, program, Number};
use super::matcher;
use super::tables::{self, Format};

/// The formats of a valid number, without extension.
pub(super) struct Formats {
    pub e164: String,
    pub international: String,
    pub national: String,
}

/// `+`, the calling code and the national significant number.
pub(super) fn e164(number: &Number) -> String {
    let mut code = [b'+', 0, 0, 0];
    let code = code_digits(number.calling_code, &mut code);
    let mut e164 = String::with_capacity(code.len() + number.nsn.len());
    e164.push_str(code);
    e164.push_str(&number.nsn);
    e164
}

/// libphonenumber's `format` in E.164, international and national formats.
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
pub(super) fn code_digits(code: u16, buf: &mut [u8; 4]) -> &str {
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
/// formats (`build/` picked the list and wrote the national prefix into the rules).
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
pub(super) fn fits_whole(format: &Format, nsn: &str) -> bool {
    if format.lengths != 0 {
        return has_length(format.lengths, nsn.len());
    }
    program(format.program).is_some_and(|p| matcher::whole(p, nsn.as_bytes()))
}

/// Java's `Matcher.replaceAll` (as the `regex` crate's `replace_all`) of a format's pattern
/// by its rule in `text`: every leftmost-first match, left to right.
pub(super) fn replace_all(format: &Format, text: &str, out: &mut String) {
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
        expand(rule, &slots, usize::from(program.program.groups), text, out);
        last = end;
        // `build/` checked that no format pattern matches the empty text.
        at = end.max(start + 1);
    }
    out.push_str(text.get(last..).unwrap_or(""));
}

/// The text of capture group `g`, if it took part in the match.
pub(super) fn group<'t>(slots: &[Option<usize>], g: usize, text: &'t str) -> Option<&'t str> {
    let start = (*slots.get(2 * g)?)?;
    let end = (*slots.get(2 * g + 1)?)?;
    text.get(start..end)
}

/// A replacement rule ([`tables::RULES`]) with the groups of a match (the `regex` crate's
/// `expand`: a group that is not in the pattern or did not take part is empty).
pub(super) fn expand(
    rule: &str,
    slots: &[Option<usize>],
    groups: usize,
    text: &str,
    out: &mut String,
) {
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
