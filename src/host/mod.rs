//! What the field rules take from the platform: URL parsing, UTS #46 (IDNA) domain mapping, NFC,
//! lower case and the Unicode general categories of LinkedIn handles.
//!
//! Natively these are the `url`, `idna` and ICU4X crates and `str::to_lowercase` (`native.rs`).
//! On wasm32 they are the JS host's own (`js.rs`): every browser and Node ship the WHATWG URL
//! parser with its UTS #46 mapping, `String.prototype.normalize`, `toLowerCase` and Unicode
//! property escapes in `RegExp`, so the npm package links none of those crates and their Unicode
//! data (about 60 KB gzip), nor core's case tables (9.7 KB gzip in all). Both sides implement the
//! same specifications; `tests/parity/` checks on a corpus of internationalized addresses and URLs
//! that they give the same answers, and docs/host.md lists where the
//! implementations differ and which rule keeps the field rules' answers equal.
//!
//! What is built here from those operations (the query string, path segments, DNS lengths,
//! Punycode to Unicode for display) is shared code, the same on both sides.

use std::borrow::Cow;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
use native as imp;

#[cfg(target_arch = "wasm32")]
mod js;
#[cfg(target_arch = "wasm32")]
use js as imp;

mod bidi;
mod punycode;

/// An absolute URL as the WHATWG URL parser gives it, in the parts the rules read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Url {
    /// The serialization (`href`).
    pub href: String,
    /// The scheme, lower-case and without its colon (`https`).
    pub scheme: String,
    /// The host as serialized: a domain in ASCII, an IPv4 address, or an IPv6 one in brackets;
    /// empty when the URL has none.
    pub host: String,
    /// The path as serialized (`/in/juan`).
    pub path: String,
    /// The query without its `?`; `Some("")` for a bare `?`.
    pub query: Option<String>,
    /// The port, when it is not the scheme's default.
    pub port: Option<u16>,
    /// Whether the URL has a fragment (even an empty one).
    pub has_fragment: bool,
    /// Whether the URL has a user name or a password.
    pub has_credentials: bool,
}

impl Url {
    /// Parses an absolute URL; `None` when the WHATWG parser fails.
    pub(crate) fn parse(input: &str) -> Option<Url> {
        let url = imp::parse_url(&sharp_s_in_host(input))?;
        url.domain().is_none_or(checks_left_to_us).then_some(url)
    }

    /// The host when it is a domain (not an IP address, not absent).
    pub(crate) fn domain(&self) -> Option<&str> {
        let ip = self.host.starts_with('[')
            || self.host.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        (!self.host.is_empty() && !ip).then_some(self.host.as_str())
    }

    /// The path's segments, split at `/` (as `url::Url::path_segments`).
    pub(crate) fn path_segments(&self) -> std::str::Split<'_, char> {
        self.path.strip_prefix('/').unwrap_or(&self.path).split('/')
    }

    /// The first value of `name` in the query, decoded as `application/x-www-form-urlencoded`
    /// (`+` is a space; invalid UTF-8 becomes U+FFFD), as `URLSearchParams` reads it.
    pub(crate) fn query_value(&self, name: &str) -> Option<String> {
        let query = self.query.as_deref()?;
        query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
            .find(|(key, _)| form_decode(key) == name)
            .map(|(_, value)| form_decode(value).into_owned())
    }
}

fn form_decode(s: &str) -> Cow<'_, str> {
    let plus_free: Cow<'_, str> = if s.contains('+') {
        Cow::Owned(s.replace('+', " "))
    } else {
        Cow::Borrowed(s)
    };
    match percent_encoding::percent_decode_str(&plus_free).decode_utf8_lossy() {
        Cow::Borrowed(_) => plus_free,
        Cow::Owned(decoded) => Cow::Owned(decoded),
    }
}

/// UTS #46 ToASCII as the WHATWG URL standard runs it (non-transitional, CheckBidi,
/// CheckJoiners, no CheckHyphens, no DNS lengths), with the STD3 ASCII rules: the result holds
/// only `a`–`z`, `0`–`9`, `-` and `.`. `None` when the domain is not valid. CheckBidi is
/// applied here (`bidi.rs`) whatever the host does.
pub(crate) fn domain_to_ascii(domain: &str) -> Option<String> {
    // Mapped here first, as UTS #46 maps them: the full stops to `.`, so that both sides see
    // the labels the same way (the JS side appends a label of its own), and the capital sharp s
    // to `ß` (Unicode 15.1; Node's parser still maps it to `ss`, docs/host.md).
    const DOTS: [char; 3] = ['\u{3002}', '\u{ff0e}', '\u{ff61}'];
    let domain: Cow<'_, str> =
        if !domain.is_ascii() && (domain.contains(DOTS) || domain.contains('ẞ')) {
            Cow::Owned(domain.replace(DOTS, ".").replace('ẞ', "ß"))
        } else {
            Cow::Borrowed(domain)
        };
    // STD3: no ASCII but letters, digits, `-` and `.`, before mapping and after it.
    let std3 = |s: &str| {
        s.bytes()
            .all(|b| !b.is_ascii() || b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
    };
    if domain.is_empty() || !std3(&domain) {
        return None;
    }
    let ascii = imp::domain_to_ascii(&domain)?;
    let lower_ldh =
        ascii.is_ascii() && std3(&ascii) && !ascii.bytes().any(|b| b.is_ascii_uppercase());
    (lower_ldh && checks_left_to_us(&ascii)).then_some(ascii)
}

/// `input` with the capital sharp s in its authority (after `//`, before the path) written `ß`,
/// as UTS #46 maps it since Unicode 15.1 (Node's parser maps it to `ss`, docs/host.md).
fn sharp_s_in_host(input: &str) -> Cow<'_, str> {
    let Some(start) = input.find("//").map(|i| i + 2) else {
        return Cow::Borrowed(input);
    };
    let end = input[start..]
        .find(['/', '\\', '?', '#'])
        .map_or(input.len(), |i| start + i);
    if !input[start..end].contains('ẞ') {
        return Cow::Borrowed(input);
    }
    Cow::Owned(
        [
            &input[..start],
            &input[start..end].replace('ẞ', "ß"),
            &input[end..],
        ]
        .concat(),
    )
}

/// The checks of UTS #46 that a host's URL parser leaves out, on a domain it gave in ASCII,
/// applied on both sides (docs/host.md): no forbidden domain code point (Chromium), CheckBidi
/// (Node's Ada), and an `xn--` label must
/// decode to a label that is not all ASCII (Unicode 15.1; Ada) and is valid, that is, maps to
/// itself (Chromium takes `xn--` labels unchecked).
fn checks_left_to_us(ascii: &str) -> bool {
    // Forbidden domain code points (Chromium lets a space through, as `%20`).
    let forbidden = |b: u8| {
        matches!(
            b,
            0..=b' '
                | 0x7f
                | b'#'
                | b'%'
                | b'/'
                | b':'
                | b'<'
                | b'>'
                | b'?'
                | b'@'
                | b'['
                | b'\\'
                | b']'
                | b'^'
                | b'|'
        )
    };
    if ascii.bytes().any(forbidden) {
        return false;
    }
    // Most domains have no `xn--` label: nothing to decode, and no ASCII character is
    // right-to-left (R, AL or AN), so CheckBidi has nothing to check.
    if ascii.is_ascii()
        && !ascii
            .as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"xn--"))
    {
        return true;
    }
    let punycode_ok = ascii
        .split('.')
        .all(|label| match label.strip_prefix("xn--") {
            Some(encoded) => punycode::decode(encoded).is_some_and(|unicode| {
                !unicode.is_ascii() && imp::domain_to_ascii(&unicode).is_some_and(|a| a == label)
            }),
            None => true,
        });
    punycode_ok && bidi::domain_ok(&domain_to_unicode(ascii))
}

/// The Unicode spelling of a domain in ASCII: its `xn--` labels decoded from Punycode. A label
/// that does not decode is kept as it is. For display, and for domains [`domain_to_ascii`]
/// gave, where this is UTS #46 ToUnicode.
pub(crate) fn domain_to_unicode(ascii: &str) -> String {
    let mut out = String::with_capacity(ascii.len());
    for (i, label) in ascii.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        let decoded = label
            .get(..4)
            .filter(|prefix| prefix.eq_ignore_ascii_case("xn--"))
            .and_then(|_| punycode::decode(&label[4..]))
            .filter(|unicode| !unicode.is_empty());
        match decoded {
            Some(unicode) => out.push_str(&unicode),
            None => out.push_str(label),
        }
    }
    out
}

/// Whether a domain in ASCII fits DNS: 1 – 63 octets a label, at most 253 in all, no trailing dot.
pub(crate) fn dns_length_ok(ascii: &str) -> bool {
    ascii.len() <= 253
        && ascii
            .split('.')
            .all(|label| (1..=63).contains(&label.len()))
}

/// `s` in Unicode Normalization Form C, borrowed when it already is.
pub(crate) fn nfc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    imp::nfc(s)
}

/// `s` in Unicode Normalization Form D, borrowed when it already is.
pub(crate) fn nfd(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    imp::nfd(s)
}

/// Whether every character of `s` is `-`, `_`, a letter (general categories Lu, Ll, Lt, Lm,
/// Lo), a mark that is not enclosing (Mn, Mc) or a decimal digit (Nd): a LinkedIn handle's
/// characters.
pub(crate) fn is_word_text(s: &str) -> bool {
    imp::is_word_text(s)
}

/// `s` in lower case: Unicode's default lowercase mapping, with the final sigma by context, as
/// `str::to_lowercase` gives it. ASCII text is lowered here; other text by the host (on wasm32,
/// JS `toLowerCase`, so the package links none of core's case tables; docs/host.md).
pub(crate) fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    imp::lowercase(s)
}

/// `c` in lower case, when that is one character (`İ` lowers to two: `i` and U+0307).
pub(crate) fn lowercase_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    let lower = imp::lowercase(c.encode_utf8(&mut [0; 4]));
    let mut chars = lower.chars();
    match (chars.next(), chars.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}

/// Whether the first character of `s` is a mark that is not enclosing (Mn, Mc).
pub(crate) fn starts_with_mark(s: &str) -> bool {
    imp::starts_with_mark(s)
}

/// Whether `c` is a letter (general categories Lu, Ll, Lt, Lm, Lo).
pub(crate) fn is_letter(c: char) -> bool {
    imp::is_letter(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn urls_in_parts() {
        let u = Url::parse("HTTPS://User:pw@Example.COM:443/a/b%20c?x=1&y=a+b%C3%A9#f").unwrap();
        assert_eq!(
            u.href,
            "https://User:pw@example.com/a/b%20c?x=1&y=a+b%C3%A9#f"
        );
        assert_eq!(u.scheme, "https");
        assert_eq!(u.domain(), Some("example.com"));
        assert_eq!(u.path_segments().collect::<Vec<_>>(), ["a", "b%20c"]);
        assert_eq!(u.query_value("y").as_deref(), Some("a bé"));
        assert_eq!(u.query_value("z"), None);
        assert!(u.has_fragment && u.has_credentials);
        assert_eq!(u.port, None);
        assert_eq!(Url::parse("http://a.b:8080/").unwrap().port, Some(8080));

        let u = Url::parse("http://[::1]/?").unwrap();
        assert_eq!((u.domain(), u.query.as_deref()), (None, Some("")));
        assert_eq!(Url::parse("http://192.168.0.1./").unwrap().domain(), None);
        assert!(!Url::parse("http://a.b/").unwrap().has_fragment);
        assert_eq!(Url::parse("not a url"), None);
        let u = Url::parse("https://STRAẞE.de/ẞ?ẞ").unwrap();
        assert_eq!(u.href, "https://xn--strae-oqa.de/%E1%BA%9E?%E1%BA%9E");
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn domains_to_ascii_and_back() {
        assert_eq!(
            domain_to_ascii("Bücher.DE").as_deref(),
            Some("xn--bcher-kva.de")
        );
        assert_eq!(domain_to_ascii("faß.de").as_deref(), Some("xn--fa-hia.de"));
        assert_eq!(domain_to_ascii("FAẞ.de").as_deref(), Some("xn--fa-hia.de"));
        assert_eq!(domain_to_ascii("xn--a-.de"), None, "decodes to ASCII");
        assert_eq!(
            domain_to_ascii("xn--a-ecp.de"),
            None,
            "decodes to a disallowed `a⒈`"
        );
        assert_eq!(domain_to_ascii("1مثال.io"), None, "CheckBidi");
        assert_eq!(
            domain_to_ascii("例え。テスト").as_deref(),
            Some("xn--r8jz45g.xn--zckzah")
        );
        assert_eq!(domain_to_ascii("a_b.com"), None);
        assert_eq!(domain_to_ascii("a b.com"), None);
        assert_eq!(domain_to_ascii("ａ＿b.com"), None);
        assert_eq!(domain_to_ascii("1.2.3"), Some("1.2.3".into()));
        assert_eq!(domain_to_ascii(""), None);
        assert_eq!(domain_to_unicode("xn--bcher-kva.de"), "bücher.de");
        assert_eq!(domain_to_unicode("xn--r8jz45g.xn--zckzah"), "例え.テスト");
        assert_eq!(
            domain_to_unicode("xn--.xn--99999999999a.a"),
            "xn--.xn--99999999999a.a"
        );
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn dns_lengths() {
        assert!(dns_length_ok("a.b"));
        assert!(!dns_length_ok("a.b."));
        assert!(!dns_length_ok("a..b"));
        assert!(!dns_length_ok(&format!("{}.com", "a".repeat(64))));
        assert!(dns_length_ok(&format!("{}.com", "a".repeat(63))));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn lower_case() {
        assert_eq!(
            lowercase("Juan.PEREZ@Example.COM"),
            "juan.perez@example.com"
        );
        // The final sigma by context: before a mark and `'` (case-ignorable), not before a letter.
        assert_eq!(
            lowercase("ΟΔΥΣΣΕΥΣ ΑΣ\u{301} Α'Σ'"),
            "οδυσσευς ας\u{301} α'ς'"
        );
        assert_eq!(lowercase("ΣΑΣ Σ"), "σας σ");
        assert_eq!(lowercase("İSTANBUL"), "i\u{307}stanbul");
        assert_eq!(lowercase("ᏣᎳᎩ ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ ＥＸＴ"), "ꮳꮃꭹ საქართველო ｅｘｔ");
        assert_eq!(lowercase("ß ǅ 中"), "ß ǆ 中");
        assert_eq!(lowercase_char('Σ'), Some('σ'));
        assert_eq!(lowercase_char('Д'), Some('д'));
        assert_eq!(lowercase_char('Ｘ'), Some('ｘ'));
        assert_eq!(lowercase_char('X'), Some('x'));
        assert_eq!(lowercase_char('ς'), Some('ς'));
        assert_eq!(lowercase_char('İ'), None, "two characters");
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn nfc_and_handles() {
        assert_eq!(nfc("e\u{301}"), "é");
        assert_eq!(nfd("é"), "e\u{301}");
        assert!(matches!(nfc("é"), Cow::Borrowed(_)));
        assert!(is_word_text("josé-pérez_1"));
        assert!(is_word_text("دينا٣"));
        assert!(is_word_text("ा"));
        assert!(!is_word_text("a.b"));
        assert!(!is_word_text("a😀"));
        assert!(!is_word_text("a\u{20dd}"));
        assert!(starts_with_mark("\u{301}e") && starts_with_mark("ाक"));
        assert!(!starts_with_mark("e\u{301}") && !starts_with_mark(""));
        assert!(is_letter('ǅ') && is_letter('ʰ') && is_letter('中'));
        assert!(!is_letter('1') && !is_letter('\u{301}') && !is_letter('-'));
    }
}
