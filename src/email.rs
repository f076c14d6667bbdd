//! Email addresses as a web form takes them.
//!
//! # What is accepted
//!
//! A bare `local@domain` address, trimmed. The forms RFC 5322 allows in message headers but no
//! sign-up form wants are rejected, each with its own code: a display name (`Juan <juan@x.com>`),
//! a comment (`juan(work)@x.com`), a quoted local part (`"juan perez"@x.com`) and an IP literal
//! (`juan@[192.0.2.1]`, and a bare `juan@192.0.2.1`). A pasted `mailto:` prefix is dropped.
//!
//! * **Local part** (before `@`): a dot-atom (RFC 5322 `atext` separated by single dots, checked by
//!   the `email_address` crate), ASCII only by default, as HTML's `<input type=email>` takes it:
//!   a local part with other letters (`josé@`) is `email_unicode_local_part`, because only mail
//!   servers that speak SMTPUTF8 deliver it. With [`EmailOptions::allow_unicode_local_part`],
//!   letters and digits of any script count as `atext` (RFC 6531, SMTPUTF8). Symbols outside
//!   ASCII `atext`, emoji, spaces, control and invisible characters are rejected either way.
//!   **Its case is kept**: RFC 5321 lets a mail server treat `Juan` and
//!   `juan` as different mailboxes, so rewriting it could send mail nowhere. Virtually every
//!   provider ignores case, though, so [`Email::dedup_key`] gives the fully lower-cased address
//!   for finding duplicates.
//! * **Domain**: mapped and checked with UTS #46 (the `idna` crate natively, the JS platform's
//!   URL parser in Wasm), with the STD3 ASCII rules, no hyphen at the start or end of a label, and DNS lengths (labels ≤ 63, whole
//!   ≤ 253 octets in ASCII), and the R-LDH rule of RFC 5890: a label with `--` in its third and
//!   fourth places must be an `xn--` label that is valid Punycode (`ab--cd.com` is not a host
//!   name). That lower-cases it and accepts internationalized domains in either
//!   spelling: `bücher.de` and `xn--bcher-kva.de` give the same [`Email::value`], which uses the
//!   Unicode spelling; [`Email::ascii_domain`] has the ASCII one. It needs a dot, and its last
//!   label must be a plausible TLD (two or more ASCII letters, or an `xn--` label).
//! * **Special-use domains**: a domain under a top-level name of the IANA Special-Use Domain
//!   Names registry that is never delegated in the public DNS, so that no public mailbox can be
//!   under it, is `email_reserved_domain`: `.test`, `.invalid`, `.localhost`, `.local` (mDNS),
//!   `.onion` (Tor), `.alt`, `.example`, and all of `.arpa` (the infrastructure domain: the
//!   registry's `home.arpa`, `in-addr.arpa`, ... and the rest of it). `example.com`, `.net` and
//!   `.org` stay valid: they are delegated, RFC 6761 asks applications not to treat them as
//!   special, and documentation uses them. `docs/fidelity.md` gives the decision for each entry.
//! * **Unicode**: the whole address is put in NFC first, so an address typed on a system that
//!   decomposes accents (`e` + U+0301) equals the precomposed one.
//!
//! # Lengths are octets
//!
//! The limits are RFC 5321's: 64 octets for the local part and 254 for the whole address
//! (RFC 3696 erratum 1690). For internationalized addresses the local part is counted in UTF-8
//! octets (what SMTPUTF8 sends) and the domain in its ASCII (`xn--`) form (what DNS and a
//! non-SMTPUTF8 relay see). So `josé@bücher.de` measures 5 + 1 + 16 = 22 octets. For ASCII
//! addresses octets and characters are the same.
//!
//! # Suggestions
//!
//! [`suggest`] proposes the address the user probably meant when the domain is a near miss of a
//! common mailbox provider (`juan@gmial.com` → `juan@gmail.com`); see its documentation.

use email_address::EmailAddress;
use serde::Serialize;

use crate::error::{precheck, FieldError};
use crate::host::{self, nfc};
use crate::lang::{FieldOptions, Lang};
use crate::{params, ErrorCode};

/// Options of the email rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EmailOptions {
    /// Language of error messages.
    pub lang: Lang,
    /// Accept letters and digits of any script before the `@` (RFC 6531, SMTPUTF8:
    /// `josé@bücher.de`). Off by default, as in HTML's `<input type=email>`: a mail server
    /// without SMTPUTF8 cannot deliver to such an address.
    pub allow_unicode_local_part: bool,
}

impl From<&FieldOptions> for EmailOptions {
    fn from(opts: &FieldOptions) -> Self {
        EmailOptions {
            lang: opts.lang,
            ..EmailOptions::default()
        }
    }
}

/// The special-use names no public mailbox is under (see the module documentation), lower-case
/// ASCII. A domain is under a name when it is the name or ends with `.` and the name.
const RESERVED_DOMAINS: &[&str] = &[
    "alt",
    "arpa",
    "example",
    "invalid",
    "local",
    "localhost",
    "onion",
    "test",
];

/// Most octets the local part may have (RFC 5321 §4.5.3.1.1).
pub const MAX_LOCAL_PART_OCTETS: usize = 64;
/// Most octets a whole address may have (RFC 5321 path limit less the angle brackets).
pub const MAX_ADDRESS_OCTETS: usize = 254;

/// A valid, normalized email address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Email {
    /// The normalized address: trimmed, NFC, domain lower-cased in its Unicode spelling.
    pub value: String,
    /// The part before `@`, as written (NFC, case kept).
    pub local_part: String,
    /// The domain in Unicode (`bücher.de`).
    pub domain: String,
    /// The domain in ASCII (`xn--bcher-kva.de`), as DNS and SMTP see it.
    pub ascii_domain: String,
    /// The whole address lower-cased, local part included, for finding duplicates: mailbox
    /// providers treat `Juan@` and `juan@` as one mailbox even though RFC 5321 does not require it.
    pub dedup_key: String,
    /// A likely intended address when the domain looks like a typo of a common one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// Validates and normalizes an email address with the default options ([`normalize_with`] takes
/// the others).
///
/// ```
/// use contactkit::{email, FieldOptions};
///
/// let e = email::normalize("  Jose@Bücher.DE ", &FieldOptions::default()).unwrap();
/// assert_eq!(e.value, "Jose@bücher.de");
/// assert_eq!(e.ascii_domain, "xn--bcher-kva.de");
///
/// let e = email::normalize("juan@gmial.com", &FieldOptions::default()).unwrap();
/// assert_eq!(e.suggestion.as_deref(), Some("juan@gmail.com"));
///
/// let err = email::normalize("Juan <juan@x.com>", &FieldOptions::default()).unwrap_err();
/// assert_eq!(err.code.as_str(), "email_display_name");
///
/// let err = email::normalize("juan@pruebas.test", &FieldOptions::default()).unwrap_err();
/// assert_eq!(err.code.as_str(), "email_reserved_domain");
/// ```
pub fn normalize(input: &str, opts: &FieldOptions) -> Result<Email, FieldError> {
    normalize_with(input, &EmailOptions::from(opts))
}

/// Validates and normalizes an email address, with the email rule's own options.
///
/// ```
/// use contactkit::email::{self, EmailOptions};
///
/// let strict = EmailOptions::default();
/// let err = email::normalize_with("josé@bücher.de", &strict).unwrap_err();
/// assert_eq!(err.code.as_str(), "email_unicode_local_part");
///
/// let smtputf8 = EmailOptions { allow_unicode_local_part: true, ..strict };
/// assert_eq!(email::normalize_with("josé@bücher.de", &smtputf8).unwrap().value, "josé@bücher.de");
/// ```
pub fn normalize_with(input: &str, opts: &EmailOptions) -> Result<Email, FieldError> {
    let lang = opts.lang;
    let trimmed = precheck(input, lang)?;
    let address = nfc(strip_mailto(trimmed));
    let (local, domain) = split_address(&address, lang)?;

    check_local_part(local, opts)?;
    let (ascii_domain, unicode_domain) = check_domain(domain, local.len(), lang)?;

    let mut value = String::with_capacity(local.len() + 1 + unicode_domain.len());
    value.push_str(local);
    value.push('@');
    value.push_str(&unicode_domain);
    let suggestion = suggest_for(local, &unicode_domain, false).filter(|s| valid_as_is(s, opts));
    Ok(Email {
        dedup_key: host::lowercase(&value),
        value,
        local_part: local.to_string(),
        domain: unicode_domain,
        ascii_domain,
        suggestion,
    })
}

fn strip_mailto(s: &str) -> &str {
    match s.get(..7) {
        Some(prefix) if prefix.eq_ignore_ascii_case("mailto:") => s[7..].trim_start(),
        _ => s,
    }
}

/// Rejects the RFC 5322 forms a form does not take and splits at the last `@`.
fn split_address(s: &str, lang: Lang) -> Result<(&str, &str), FieldError> {
    let err = |code| Err(FieldError::new(code, lang));

    // `Juan <juan@x.com>`, `<juan@x.com>`, `"Juan" <juan@x.com>`.
    if let Some(open) = s.find('<') {
        if s[open..].contains('>') && s[open..].contains('@') {
            return err(ErrorCode::EmailDisplayName);
        }
    }
    // `juan(work)@x.com`, `juan@x.com (Juan)`.
    if let Some(open) = s.find('(') {
        if s[open..].contains(')') {
            return err(ErrorCode::EmailComment);
        }
    }
    let Some((local, domain)) = s.rsplit_once('@') else {
        return err(ErrorCode::EmailMissingAt);
    };
    if local.is_empty() || domain.is_empty() {
        return err(ErrorCode::EmailMissingAt);
    }
    if local.contains('"') {
        return err(ErrorCode::EmailQuotedLocalPart);
    }
    if domain.starts_with('[') || domain.ends_with(']') || is_dotted_ipv4(domain) {
        return err(ErrorCode::EmailIpLiteral);
    }
    Ok((local, domain))
}

/// `192.0.2.1`: four dot-separated decimal numbers.
fn is_dotted_ipv4(s: &str) -> bool {
    let mut parts = 0;
    for part in s.split('.') {
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        parts += 1;
    }
    parts == 4
}

fn check_local_part(local: &str, opts: &EmailOptions) -> Result<(), FieldError> {
    let lang = opts.lang;
    if local.len() > MAX_LOCAL_PART_OCTETS {
        return Err(FieldError::with_params(
            ErrorCode::EmailLocalPartTooLong,
            params! {"max" => MAX_LOCAL_PART_OCTETS, "length" => local.len()},
            lang,
        ));
    }
    // `email_address` takes quoted local parts too; those were rejected before this point.
    if !EmailAddress::is_valid_local_part(local) {
        return Err(FieldError::new(ErrorCode::EmailInvalidLocalPart, lang));
    }
    if !opts.allow_unicode_local_part && !local.is_ascii() {
        return Err(FieldError::new(ErrorCode::EmailUnicodeLocalPart, lang));
    }
    Ok(())
}

/// Returns the domain's (ASCII, Unicode) spellings, or the error for it (or for the address
/// length, which needs the ASCII spelling).
fn check_domain(
    domain: &str,
    local_len: usize,
    lang: Lang,
) -> Result<(String, String), FieldError> {
    let invalid = || {
        FieldError::with_params(
            ErrorCode::EmailInvalidDomain,
            params! {"domain" => domain},
            lang,
        )
    };
    let ascii = host::domain_to_ascii(domain).ok_or_else(invalid)?;

    let length = local_len + 1 + ascii.len();
    if length > MAX_ADDRESS_OCTETS {
        return Err(FieldError::with_params(
            ErrorCode::EmailTooLong,
            params! {"max" => MAX_ADDRESS_OCTETS, "length" => length},
            lang,
        ));
    }
    if !host::dns_length_ok(&ascii) {
        return Err(invalid());
    }
    let Some((_, tld)) = ascii.rsplit_once('.') else {
        return Err(FieldError::with_params(
            ErrorCode::EmailDomainWithoutDot,
            params! {"domain" => domain},
            lang,
        ));
    };
    let plausible_tld = (tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
        || (tld.len() > 4 && tld.starts_with("xn--"));
    if !plausible_tld {
        return Err(invalid());
    }

    let unicode = host::domain_to_unicode(&ascii);
    // UTS #46 CheckHyphens, first and last position only (`xn--` labels have hyphens inside).
    let hyphen_at_end = unicode
        .split('.')
        .any(|label| label.starts_with('-') || label.ends_with('-'));
    // R-LDH (RFC 5890 §2.3.1): `--` in places 3–4 is reserved for `xn--` labels, whose Punycode
    // UTS #46 has decoded and checked above.
    let reserved_ldh = ascii
        .split('.')
        .any(|label| label.get(2..4) == Some("--") && !label.starts_with("xn--"));
    if hyphen_at_end || reserved_ldh {
        return Err(invalid());
    }
    if let Some(reserved) = reserved_domain(&ascii) {
        return Err(FieldError::with_params(
            ErrorCode::EmailReservedDomain,
            params! {"domain" => unicode.as_str(), "reserved" => reserved},
            lang,
        ));
    }
    Ok((ascii, unicode))
}

/// The special-use name an ASCII, lower-case domain is under, if any.
fn reserved_domain(ascii: &str) -> Option<&'static str> {
    RESERVED_DOMAINS.iter().copied().find(|name| {
        ascii == *name
            || ascii
                .strip_suffix(name)
                .is_some_and(|rest| rest.ends_with('.'))
    })
}

// ---------------------------------------------------------------------------------------------
// Suggestions
// ---------------------------------------------------------------------------------------------

/// The fix offered beside a refused address, as `normalizeEmail` offers it: [`suggest`] of the
/// input whenever the result is an error, except for text that could not even be read (a lone
/// UTF-16 surrogate in JS). A valid address carries its own [`Email::suggestion`].
///
/// ```
/// use contactkit::{email, FieldOptions};
///
/// let result = email::normalize("juan@gmail,com", &FieldOptions::default());
/// assert_eq!(email::suggestion_for("juan@gmail,com", &result).as_deref(), Some("juan@gmail.com"));
/// ```
pub fn suggestion_for(input: &str, result: &Result<Email, FieldError>) -> Option<String> {
    match result {
        Err(e) if e.code != ErrorCode::InvalidUnicode => suggest(input),
        _ => None,
    }
}

/// The address the user probably meant when the domain is a typo of a common one
/// (`juan@gmial.com` → `juan@gmail.com`). Works on invalid input too; `None` when nothing fits.
///
/// The domain is compared with a list of common mailbox providers (Gmail, Hotmail/Outlook/Live,
/// Yahoo, iCloud, AOL, Proton, GMX and the Spanish and Latin American ones such as
/// `yahoo.com.mx`, `prodigy.net.mx`, `terra.com.br`) split in a name (`gmail`) and a suffix
/// (`com`, `com.mx`). A domain is a near miss of a provider when
///
/// * its name is within an edit distance of 0 (names of up to 4 letters: `aol`, `live`, `gmx`),
///   1 (5–6 letters: `gmail`, `yahoo`, `icloud`) or 2 (longer: `hotmail`, `outlook`) of the
///   provider's name, and its suffix within 1 of the provider's suffix, 2 in all;
/// * where the distance is optimal string alignment (Damerau–Levenshtein without repeated
///   edits: a swap of two neighbours, an extra, a missing or a replaced character each count 1),
///   except that replacing a character by one that is not next to it on a QWERTY keyboard
///   counts 2 (`wahoo.com` is a company, not a typo of `yahoo.com`);
/// * and one two-letter country code is never replaced by another (`yahoo.fr` and `gmx.at` are
///   real; `gmail.co` → `gmail.com` is suggested, `gmail.cl` is not).
///
/// The closest provider wins; ties go to the more common one. An exact provider domain gets no
/// suggestion, and neither do unrelated domains (`acme.com`, `gmailcompany.com`).
///
/// On input that is not a valid address, obvious slips are repaired first when the result is a
/// provider's domain: a comma or semicolon for a dot (`juan@gmail,com`), spaces, doubled or
/// stray dots, a doubled `@`, a missing dot before the suffix (`juan@gmailcom`). The local part
/// is kept as typed (trimmed, NFC); no suggestion is made when it cannot be an address's local
/// part (empty, or with spaces, brackets, quotes or parentheses). A suggestion is always an
/// address [`normalize`] accepts as it is: `juan.@gmial.com` gets none, since `juan.@gmail.com`
/// is not an address either.
///
/// ```
/// use contactkit::email::suggest;
///
/// assert_eq!(suggest("juan@hotmial.com").as_deref(), Some("juan@hotmail.com"));
/// assert_eq!(suggest("juan@gmail,com").as_deref(), Some("juan@gmail.com"));
/// assert_eq!(suggest("juan@gmail.com"), None);
/// assert_eq!(suggest("juan@acme.com"), None);
/// ```
pub fn suggest(input: &str) -> Option<String> {
    if input.len() > crate::MAX_FIELD_INPUT_BYTES {
        return None;
    }
    let address = nfc(strip_mailto(input.trim()));
    let (local, domain) = address.rsplit_once('@')?;
    // `juan@@gmail.com`: the doubled `@` is a slip, not part of the local part.
    let trimmed_local = local.trim_end_matches('@');
    let repaired_at = trimmed_local.len() != local.len();
    if trimmed_local.is_empty()
        || trimmed_local.contains([' ', '<', '>', '"', '(', ')', '@'])
        || trimmed_local.chars().any(char::is_whitespace)
    {
        return None;
    }
    suggest_for(trimmed_local, domain, repaired_at)
        .filter(|s| valid_as_is(s, &EmailOptions::default()))
}

/// Whether `address` is valid and already normalized: what a suggestion must be.
fn valid_as_is(address: &str, opts: &EmailOptions) -> bool {
    normalize_with(address, opts).is_ok_and(|e| e.value == address)
}

/// A provider domain as a name and a suffix: `("hotmail", "com.mx")`, kept as their places in
/// [`NAMES`] and [`SUFFIXES`].
struct Provider {
    name_id: usize,
    suffix_id: usize,
}

const fn p(name: &'static str, suffix: &'static str) -> Provider {
    Provider {
        name_id: place(NAMES, name),
        suffix_id: place(SUFFIXES, suffix),
    }
}

impl Provider {
    fn name(&self) -> &'static str {
        NAMES[self.name_id]
    }

    fn suffix(&self) -> &'static str {
        SUFFIXES[self.suffix_id]
    }

    /// Whether `domain` is this provider's domain exactly (`gmail.com`, not `Gmail.com`).
    fn is_domain(&self, domain: &str) -> bool {
        let (name, suffix) = (self.name(), self.suffix());
        // The length first: most domains are no provider's, and are told apart without reading.
        domain.len() == name.len() + 1 + suffix.len()
            && domain
                .strip_prefix(name)
                .and_then(|rest| rest.strip_prefix('.'))
                == Some(suffix)
    }
}

/// The provider names and suffixes, each once: a domain is compared with each of them at most
/// once, whichever providers share it.
const NAMES: &[&str] = &[
    "gmail",
    "hotmail",
    "outlook",
    "yahoo",
    "icloud",
    "live",
    "aol",
    "protonmail",
    "gmx",
    "prodigy",
    "terra",
    "uol",
    "bol",
    "googlemail",
    "msn",
    "me",
    "mac",
    "ymail",
    "proton",
    "mail",
    "email",
    "web",
];
const SUFFIXES: &[&str] = &[
    "com", "de", "es", "com.mx", "net.mx", "com.br", "com.ar", "ch", "me", "net", "fr", "co.uk",
];

/// Where `s` is in `list`; a compile error when it is not there.
const fn place(list: &[&str], s: &str) -> usize {
    let mut i = 0;
    while i < list.len() {
        let (a, b) = (list[i].as_bytes(), s.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return i;
            }
        }
        i += 1;
    }
    panic!("a provider's name or suffix is missing from NAMES or SUFFIXES")
}

/// Common mailbox domains, most common first (ties in distance go to the earlier one). Real
/// domains that are near misses of others (`ymail.com`, `mail.com`) are listed so that they are
/// never "corrected".
const PROVIDERS: &[Provider] = &[
    p("gmail", "com"),
    p("hotmail", "com"),
    p("outlook", "com"),
    p("yahoo", "com"),
    p("icloud", "com"),
    p("live", "com"),
    p("aol", "com"),
    p("protonmail", "com"),
    p("gmx", "de"),
    p("yahoo", "es"),
    p("hotmail", "es"),
    p("outlook", "es"),
    p("yahoo", "com.mx"),
    p("hotmail", "com.mx"),
    p("live", "com.mx"),
    p("prodigy", "net.mx"),
    p("terra", "com.br"),
    p("uol", "com.br"),
    p("bol", "com.br"),
    p("hotmail", "com.br"),
    p("yahoo", "com.br"),
    p("yahoo", "com.ar"),
    p("hotmail", "com.ar"),
    p("googlemail", "com"),
    p("msn", "com"),
    p("me", "com"),
    p("mac", "com"),
    p("ymail", "com"),
    p("protonmail", "ch"),
    p("proton", "me"),
    p("gmx", "com"),
    p("gmx", "net"),
    p("mail", "com"),
    p("email", "com"),
    p("hotmail", "fr"),
    p("yahoo", "fr"),
    p("hotmail", "co.uk"),
    p("yahoo", "co.uk"),
    p("web", "de"),
];

/// Names longer than this are never near a provider name; they are skipped without work.
const MAX_NAME_CHARS: usize = 32;

fn name_budget(name: &str) -> u32 {
    match name.len() {
        0..=4 => 0,
        5..=6 => 1,
        _ => 2,
    }
}

const SUFFIX_BUDGET: u32 = 1;
const TOTAL_BUDGET: u32 = 2;

/// The suggestion for `local@domain`; `repaired` says the caller already fixed a slip outside
/// the domain (so an exact provider domain is still worth suggesting).
fn suggest_for(local: &str, domain: &str, repaired: bool) -> Option<String> {
    // An exact provider domain, typed correctly (most addresses), without the work below.
    if !repaired && PROVIDERS.iter().any(|p| p.is_domain(domain)) {
        return None;
    }
    let raw = host::lowercase(domain);
    let cleaned = clean_domain(&raw);
    let repaired = repaired || cleaned != raw.trim();
    if cleaned.is_empty() || cleaned.chars().count() > MAX_NAME_CHARS * 2 {
        return None;
    }

    // A domain without a dot is split by each provider's suffix instead.
    let mut split = cleaned
        .split_once('.')
        .map(|(name, suffix)| Split::new(name, suffix));
    let mut best: Option<(u32, &Provider)> = None;
    for provider in PROVIDERS {
        let Some((cost, glued)) = provider_distance(&cleaned, split.as_mut(), provider) else {
            continue;
        };
        if cost == 0 && !repaired && !glued {
            // An exact provider domain, typed correctly.
            return None;
        }
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, provider));
        }
    }
    let (_, provider) = best?;
    Some(format!("{local}@{}.{}", provider.name(), provider.suffix()))
}

/// Lower-cased domain with slips repaired: `,`/`;` → `.`, spaces removed, runs of dots
/// collapsed, dots at the ends removed.
fn clean_domain(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        let c = match c {
            ',' | ';' | '\u{3002}' => '.',
            c if c.is_whitespace() => continue,
            c => c,
        };
        if c == '.' && (out.is_empty() || out.ends_with('.')) {
            continue;
        }
        out.push(c);
    }
    while out.ends_with('.') {
        out.pop();
    }
    out
}

/// A domain with a dot, split at its first one and measured once for all providers, with what
/// each provider name and suffix already gave (39 providers share 22 names and 12 suffixes).
struct Split<'a> {
    name: Typed<'a>,
    suffix: Typed<'a>,
    /// By place in [`NAMES`] and [`SUFFIXES`]: `None` until computed.
    name_costs: [Option<Option<u32>>; NAMES.len()],
    suffix_costs: [Option<Option<u32>>; SUFFIXES.len()],
}

impl<'a> Split<'a> {
    fn new(name: &'a str, suffix: &'a str) -> Self {
        Split {
            name: Typed::new(name),
            suffix: Typed::new(suffix),
            name_costs: [None; NAMES.len()],
            suffix_costs: [None; SUFFIXES.len()],
        }
    }

    /// The cost of `provider`'s suffix: `None` when over its budget or when it would replace one
    /// country code by another.
    fn suffix_cost(&mut self, provider: &Provider) -> Option<u32> {
        let known = provider.suffix();
        let (suffix, costs) = (&self.suffix, &mut self.suffix_costs);
        *costs[provider.suffix_id].get_or_insert_with(|| {
            if replaces_country_code(suffix.text, known) {
                None
            } else {
                distance_to(suffix, known, SUFFIX_BUDGET)
            }
        })
    }

    /// The cost of `provider`'s name, `None` when over its budget.
    fn name_cost(&mut self, provider: &Provider) -> Option<u32> {
        let (name, costs) = (&self.name, &mut self.name_costs);
        *costs[provider.name_id]
            .get_or_insert_with(|| distance_to(name, provider.name(), name_budget(provider.name())))
    }
}

/// The weighted distance of `domain` to `provider`, when within budget, and whether the dot
/// before the suffix had to be put back (`gmailcom`). `split` is `domain` split at its first
/// dot; `None` when it has none.
fn provider_distance(
    domain: &str,
    split: Option<&mut Split>,
    provider: &Provider,
) -> Option<(u32, bool)> {
    let Some(split) = split else {
        // `gmailcom`: the dot before the suffix is missing, and the suffix is the provider's.
        let name = strip_glued_suffix(domain, provider.suffix())?;
        if name.is_empty() {
            return None;
        }
        let cost = distance_to(
            &Typed::new(name),
            provider.name(),
            name_budget(provider.name()),
        )?;
        return (cost <= TOTAL_BUDGET).then_some((cost, true));
    };
    if split.name.text.is_empty() || split.suffix.text.is_empty() {
        return None;
    }
    // The suffix first: shorter, and most domains already miss there.
    let suffix_cost = split.suffix_cost(provider)?;
    let name_cost = split.name_cost(provider)?;
    let total = name_cost + suffix_cost;
    (total <= TOTAL_BUDGET).then_some((total, false))
}

/// `domain` without `suffix` written without its dots at its end: (`gmailcommx`, `com.mx`) →
/// `gmail`.
fn strip_glued_suffix<'a>(domain: &'a str, suffix: &str) -> Option<&'a str> {
    let mut end = domain.len();
    for b in suffix.bytes().rev().filter(|&b| b != b'.') {
        end = end.checked_sub(1)?;
        if domain.as_bytes().get(end) != Some(&b) {
            return None;
        }
    }
    domain.get(..end)
}

/// `yahoo.fr` is not a typo of `yahoo.es`: both end in a (different) two-letter country code.
fn replaces_country_code(typed: &str, known: &str) -> bool {
    fn last(s: &str) -> &str {
        let dot = s.bytes().rposition(|b| b == b'.');
        dot.map_or(s, |i| &s[i + 1..])
    }
    let (a, b) = (last(typed), last(known));
    let is_cc = |s: &str| s.len() == 2 && s.bytes().all(|c| c.is_ascii_lowercase());
    is_cc(a) && is_cc(b) && a != b
}

/// QWERTY rows; keys next to each other (same row, or the rows above and below at the same or
/// the next position) count as neighbours.
const QWERTY: [&[u8]; 4] = [b"1234567890", b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"];

/// For each of `a`–`z` and `0`–`9` (index 0–35), a bit set of its keyboard neighbours, computed at
/// compile time.
const NEIGHBOURS: [u64; 36] = neighbours();

const fn key_index(c: u8) -> Option<usize> {
    match c {
        b'a'..=b'z' => Some((c - b'a') as usize),
        b'0'..=b'9' => Some(26 + (c - b'0') as usize),
        _ => None,
    }
}

const fn neighbours() -> [u64; 36] {
    let mut table = [0u64; 36];
    let mut r = 0;
    while r < QWERTY.len() {
        let row = QWERTY[r];
        let mut i = 0;
        while i < row.len() {
            let k = key_index_or_panic(row[i]);
            // Same row: left and right.
            if i > 0 {
                table[k] |= 1 << key_index_or_panic(row[i - 1]);
            }
            if i + 1 < row.len() {
                table[k] |= 1 << key_index_or_panic(row[i + 1]);
            }
            // Staggered rows: row r+1 is shifted right by half a key, so key i touches keys
            // i-1 and i of the row below (and i, i+1 of the row above).
            if r + 1 < QWERTY.len() {
                let below = QWERTY[r + 1];
                if i < below.len() {
                    table[k] |= 1 << key_index_or_panic(below[i]);
                }
                if i > 0 && i - 1 < below.len() {
                    table[k] |= 1 << key_index_or_panic(below[i - 1]);
                }
            }
            if r > 0 {
                let above = QWERTY[r - 1];
                if i < above.len() {
                    table[k] |= 1 << key_index_or_panic(above[i]);
                }
                if i + 1 < above.len() {
                    table[k] |= 1 << key_index_or_panic(above[i + 1]);
                }
            }
            i += 1;
        }
        r += 1;
    }
    table
}

const fn key_index_or_panic(c: u8) -> usize {
    match key_index(c) {
        Some(i) => i,
        None => panic!("QWERTY holds only letters and digits"),
    }
}

/// The cost of replacing `a` by `b`: 0 when equal, 1 for keyboard neighbours, 2 otherwise.
fn substitution_cost(a: char, b: char) -> u32 {
    if a == b {
        return 0;
    }
    let (Ok(x), Ok(y)) = (u8::try_from(a), u8::try_from(b)) else {
        return 2;
    };
    match (key_index(x), key_index(y)) {
        (Some(i), Some(j)) if NEIGHBOURS[i] & (1 << j) != 0 => 1,
        _ => 2,
    }
}

/// A typed name or suffix, measured once for its comparisons with every provider.
struct Typed<'a> {
    text: &'a str,
    chars: usize,
    /// Which letters it has, for [`letters_apart`]; `None` when it is not ASCII.
    letters: Option<u64>,
}

impl<'a> Typed<'a> {
    fn new(text: &'a str) -> Self {
        Typed {
            text,
            chars: text.chars().count(),
            letters: letters(text),
        }
    }
}

/// Optimal string alignment distance of `typed` to `known` with keyboard-weighted
/// substitutions, or `None` when over `budget`. Both sides are short (`MAX_NAME_CHARS`).
#[cfg(test)]
fn distance(typed: &str, known: &str, budget: u32) -> Option<u32> {
    distance_to(&Typed::new(typed), known, budget)
}

/// [`distance`] from a measured `typed`.
///
/// The table is kept as three rolling rows (i-2, i-1, i) and abandoned as soon as two rows in
/// a row are over the budget: every later cell adds a non-negative cost to a cell of one of
/// the two rows above it, or to the cell on its left, whose row starts at `i`, so no later cell
/// can come back under. (Most domains are far from every provider; this is where a valid
/// address spent most of its time.)
fn distance_to(typed: &Typed, known: &str, budget: u32) -> Option<u32> {
    const N: usize = MAX_NAME_CHARS + 1;
    if typed.text == known {
        return Some(0);
    }
    // Lengths first, then the letters: most pairs are too far apart to need the table.
    if typed.chars.abs_diff(known.chars().count()) as u32 > budget {
        return None;
    }
    if let (Some(a), Some(b)) = (typed.letters, letters(known)) {
        if letters_apart(a, b) > budget {
            return None;
        }
    }
    let mut a = ['\0'; MAX_NAME_CHARS];
    let mut b = ['\0'; MAX_NAME_CHARS];
    let n = fill(&mut a, typed.text)?;
    let m = fill(&mut b, known)?;
    // Row i is rows[i % 3].
    let mut rows = [[0u32; N]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(m + 1) {
        *cell = j as u32;
    }
    let mut prev_over = false;
    for i in 1..=n {
        let (c, p, p2) = (i % 3, (i - 1) % 3, (i + 1) % 3);
        rows[c][0] = i as u32;
        let mut row_min = i as u32;
        for j in 1..=m {
            let mut d = (rows[p][j] + 1)
                .min(rows[c][j - 1] + 1)
                .min(rows[p][j - 1] + substitution_cost(a[i - 1], b[j - 1]));
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[p2][j - 2] + 1);
            }
            rows[c][j] = d;
            row_min = row_min.min(d);
        }
        let over = row_min > budget;
        if over && prev_over {
            return None;
        }
        prev_over = over;
    }
    let d = rows[n % 3][m];
    (d <= budget).then_some(d)
}

/// The kinds of letter in ASCII `s` as a bit set (`None` for other text): `a`–`z`, `0`–`9`
/// ([`key_index`]), and every other character as one kind (the bit after them).
fn letters(s: &str) -> Option<u64> {
    const OTHER: usize = NEIGHBOURS.len();
    let mut set = 0u64;
    for c in s.bytes() {
        if !c.is_ascii() {
            return None;
        }
        set |= 1 << key_index(c).unwrap_or(OTHER);
    }
    Some(set)
}

/// A lower bound of [`distance`] from the kinds of letter each side has ([`letters`]): the
/// number of kinds one side has and the other lacks, the larger of the two. A character of a
/// kind the typed side has and the known side lacks must be deleted or replaced, one edit each
/// (insertions, deletions and replacements cost at least 1, and a transposition changes no
/// kind); the same goes the other way with insertions.
fn letters_apart(a: u64, b: u64) -> u32 {
    (a & !b).count_ones().max((b & !a).count_ones())
}

/// Copies the characters of `s` into `buf`; `None` when they do not fit.
fn fill(buf: &mut [char; MAX_NAME_CHARS], s: &str) -> Option<usize> {
    let mut n = 0;
    for c in s.chars() {
        *buf.get_mut(n)? = c;
        n += 1;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyboard_neighbours() {
        assert_eq!(substitution_cost('m', 'n'), 1);
        assert_eq!(substitution_cost('n', 'm'), 1);
        assert_eq!(substitution_cost('g', 'y'), 1);
        assert_eq!(substitution_cost('o', 'p'), 1);
        assert_eq!(substitution_cost('c', 'x'), 1);
        assert_eq!(substitution_cost('c', 'v'), 1);
        assert_eq!(substitution_cost('w', 'y'), 2);
        assert_eq!(substitution_cost('e', 'g'), 2);
        assert_eq!(substitution_cost('í', 'i'), 2);
    }

    /// The whole table, as the definition reads: the reference for [`distance`]'s cutoff.
    fn full_table_distance(typed: &str, known: &str) -> u32 {
        let a: Vec<char> = typed.chars().collect();
        let b: Vec<char> = known.chars().collect();
        let mut d = vec![vec![0u32; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i as u32;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j as u32;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let mut v = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + substitution_cost(a[i - 1], b[j - 1]));
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn distance_with_cutoff_agrees_with_the_whole_table() {
        // Every provider name and suffix against typed names made from them and from unrelated
        // words by one and two edits (swaps, drops, doubles, replacements), for every budget.
        let mut typed: Vec<String> = ["example", "acme", "mail", "gmailcompany", "yaho0", "wahoo"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let known: Vec<&str> = PROVIDERS
            .iter()
            .flat_map(|p| [p.name(), p.suffix()])
            .collect();
        for k in &known {
            let c: Vec<char> = k.chars().collect();
            for i in 0..c.len() {
                let mut drop = c.clone();
                drop.remove(i);
                let mut double = c.clone();
                double.insert(i, c[i]);
                let mut replace = c.clone();
                replace[i] = if c[i] == 'x' { 'q' } else { 'x' };
                let mut near = c.clone();
                near[i] = if c[i] == 'a' { 's' } else { 'a' };
                for v in [drop, double, replace, near] {
                    typed.push(v.iter().collect());
                }
                if i + 1 < c.len() {
                    let mut swap = c.clone();
                    swap.swap(i, i + 1);
                    let mut two = swap.clone();
                    two.remove(0);
                    typed.push(swap.iter().collect());
                    typed.push(two.iter().collect());
                }
            }
        }
        let mut checked = 0;
        for t in &typed {
            for k in &known {
                let want = full_table_distance(t, k);
                for budget in 0..=4 {
                    let expect = (want <= budget).then_some(want);
                    assert_eq!(distance(t, k, budget), expect, "{t} {k} {budget}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 50_000, "{checked}");
    }

    #[test]
    fn names_and_suffixes_are_listed_once_and_used() {
        for list in [NAMES, SUFFIXES] {
            for (i, s) in list.iter().enumerate() {
                assert_eq!(place(list, s), i, "{s} listed twice");
            }
        }
        for (i, name) in NAMES.iter().enumerate() {
            assert!(
                PROVIDERS
                    .iter()
                    .any(|p| p.name_id == i && p.name() == *name),
                "{name}"
            );
        }
        for (i, suffix) in SUFFIXES.iter().enumerate() {
            assert!(PROVIDERS
                .iter()
                .any(|p| p.suffix_id == i && p.suffix() == *suffix));
        }
    }

    #[test]
    fn osa_distance() {
        assert_eq!(distance("gmial", "gmail", 2), Some(1));
        assert_eq!(distance("gmai", "gmail", 2), Some(1));
        assert_eq!(distance("gmaill", "gmail", 2), Some(1));
        assert_eq!(distance("gnail", "gmail", 2), Some(1));
        assert_eq!(distance("wahoo", "yahoo", 2), Some(2));
        assert_eq!(distance("wahoo", "yahoo", 1), None);
        assert_eq!(distance("gmailcompany", "gmail", 2), None);
        assert_eq!(distance("con", "com", 1), Some(1));
        assert_eq!(distance("cmo", "com", 1), Some(1));
        assert_eq!(distance(&"x".repeat(100), "gmail", 2), None);
    }

    #[test]
    fn glued_suffixes() {
        assert_eq!(strip_glued_suffix("gmailcom", "com"), Some("gmail"));
        assert_eq!(
            strip_glued_suffix("hotmailcommx", "com.mx"),
            Some("hotmail")
        );
        assert_eq!(strip_glued_suffix("com", "com.mx"), None);
        assert_eq!(strip_glued_suffix("gmailnet", "com"), None);
        assert_eq!(strip_glued_suffix("añcom", "com"), Some("añ"));
    }

    #[test]
    fn cleaning() {
        assert_eq!(clean_domain("gmail,com"), "gmail.com");
        assert_eq!(clean_domain(".gmail..com."), "gmail.com");
        assert_eq!(clean_domain("gmail .com"), "gmail.com");
    }
}
