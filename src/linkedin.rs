//! LinkedIn URLs: any pasted spelling to `https://www.linkedin.com/in/<handle>`.
//!
//! # What is accepted
//!
//! Whatever people paste: with or without `https://`/`http://`, any LinkedIn subdomain (`www.`,
//! `m.`, `es.`, `mx.`, ...), any case, a trailing slash, query strings (`?trk=...`,
//! `?originalSubdomain=mx`), fragments, trailing segments after the handle (`/in/juan/en`,
//! `/in/juan/details/experience/`, `/company/acme/about/`), the mobile prefixes
//! (`/m/in/juan`, `/mwlite/in/juan`), percent-encoded Unicode handles, and the log-in wall
//! LinkedIn shows logged-out visitors (`/authwall?sessionRedirect=<the real link>`). Legacy
//! public profile links (`/pub/jane-doe/2/a43/82b`) are converted the way LinkedIn redirects
//! them: each of the three hex id segments padded to three digits, reversed and appended
//! (`/in/jane-doe-82ba43002`).
//!
//! The host must be `linkedin.com` or one of its subdomains: the registrable domain is matched
//! exactly, so `linkedin.com.evil.io` and `notlinkedin.com` are other sites. A port other than
//! the scheme's default (`linkedin.com:8080`) is not LinkedIn's site either.
//!
//! # The canonical form
//!
//! `https://www.linkedin.com/<in|company|school>/<handle>`. The handle is lower-cased (LinkedIn
//! handles are case-insensitive: `/in/JuanPerez` and `/in/juanperez` are one page) and put in
//! NFC; [`LinkedIn::handle`] has it decoded (`josé-pérez`) and [`LinkedIn::value`] has it
//! percent-encoded as UTF-8 (`/in/jos%C3%A9-p%C3%A9rez`), so the value is a plain URL any HTTP
//! client or API accepts, and both spellings of one handle give the same value. Opaque member ids
//! (`/in/ACoAAB...`, from Sales Navigator and shares) are case-sensitive and keep their case.
//!
//! # Handles
//!
//! Letters (any script, with their combining marks), decimal digits, `-` and `_` (found in old
//! handles). Company and school handles may also have the punctuation LinkedIn keeps in their
//! slugs: `.`, `&`, `'`, `+` and `!` (`/company/booking.com`, `/company/at&t`,
//! `/school/l'oreal`), typed as they are or percent-encoded; the canonical value keeps them
//! unencoded (they are allowed in a URL path). Profile handles have 3–100 characters
//! (LinkedIn's limits for custom URLs); company and school handles 2–100 (`/company/ey`,
//! `/company/3m`), numeric ids included.

use std::borrow::Cow;

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;

use crate::error::{precheck, FieldError};
use crate::host::{self, Url};
use crate::lang::{FieldOptions, Lang};
use crate::{params, ErrorCode};

/// What a LinkedIn page belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkedInKind {
    /// A person (`/in/<handle>`).
    Profile,
    /// A company (`/company/<handle>`).
    Company,
    /// A school (`/school/<handle>`).
    School,
}

impl LinkedInKind {
    /// The stable lowercase name of the kind, as serialized (`profile`).
    pub fn as_str(self) -> &'static str {
        match self {
            LinkedInKind::Profile => "profile",
            LinkedInKind::Company => "company",
            LinkedInKind::School => "school",
        }
    }

    /// The first path segment of pages of this kind (`in`, `company`, `school`).
    pub fn path_segment(self) -> &'static str {
        match self {
            LinkedInKind::Profile => "in",
            LinkedInKind::Company => "company",
            LinkedInKind::School => "school",
        }
    }

    fn handle_lengths(self) -> (usize, usize) {
        match self {
            LinkedInKind::Profile => (3, MAX_HANDLE_CHARS),
            LinkedInKind::Company | LinkedInKind::School => (2, MAX_HANDLE_CHARS),
        }
    }
}

/// Most characters a handle may have.
pub const MAX_HANDLE_CHARS: usize = 100;

/// A canonical LinkedIn page URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkedIn {
    /// The canonical URL (`https://www.linkedin.com/in/johndoe`), the handle percent-encoded.
    pub value: String,
    /// Whose page it is.
    pub kind: LinkedInKind,
    /// The handle, decoded (`johndoe`, `josé-pérez`): lower-cased, but an opaque member id
    /// (`ACoAAB...`) keeps its case.
    pub handle: String,
}

/// Validates and canonicalizes a LinkedIn profile, company or school URL.
///
/// ```
/// use contactkit::{linkedin, FieldOptions};
///
/// let opts = FieldOptions::default();
/// let li = linkedin::normalize("es.linkedin.com/in/Juan-Perez/?trk=public", &opts).unwrap();
/// assert_eq!(li.value, "https://www.linkedin.com/in/juan-perez");
///
/// let li = linkedin::normalize("https://www.linkedin.com/in/jos%C3%A9", &opts).unwrap();
/// assert_eq!(li.handle, "josé");
///
/// let err = linkedin::normalize("https://www.linkedin.com/feed/", &opts).unwrap_err();
/// assert_eq!(err.code.as_str(), "linkedin_not_profile");
/// ```
pub fn normalize(input: &str, opts: &FieldOptions) -> Result<LinkedIn, FieldError> {
    let lang = opts.lang;
    let trimmed = precheck(input, lang)?;
    let url = parse(trimmed, lang)?;
    from_url(&url, lang, true)
}

/// Parses what was pasted as an http(s) URL, adding `https://` when there is no scheme.
fn parse(text: &str, lang: Lang) -> Result<Url, FieldError> {
    let invalid = || FieldError::new(ErrorCode::LinkedinInvalidUrl, lang);
    let lower_start = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    let has_scheme = lower_start.starts_with("http:") || lower_start.starts_with("https:");
    let owned;
    let full = if has_scheme {
        text
    } else if text.contains("://") {
        // ftp://, linkedin://, javascript://, ...
        return Err(invalid());
    } else {
        owned = format!("https://{}", text.trim_start_matches('/'));
        &owned
    };
    let url = Url::parse(full).ok_or_else(invalid)?;
    if !matches!(url.scheme.as_str(), "http" | "https") {
        return Err(invalid());
    }
    // A bare word (`juanperez`, `in/juan`) is not a link.
    if !has_scheme && url.domain().is_some_and(|host| !host.contains('.')) {
        return Err(invalid());
    }
    Ok(url)
}

/// The host as a person reads it (Unicode for IDN hosts).
fn display_host(url: &Url) -> String {
    match url.domain() {
        Some(d) => host::domain_to_unicode(d),
        None => url.host.clone(),
    }
}

fn from_url(url: &Url, lang: Lang, follow_authwall: bool) -> Result<LinkedIn, FieldError> {
    let not_profile = || {
        FieldError::with_params(
            ErrorCode::LinkedinNotProfile,
            params! {"path" => url.path.as_str()},
            lang,
        )
    };
    let missing = || FieldError::new(ErrorCode::LinkedinMissingHandle, lang);

    let Some(host) = url.domain() else {
        return Err(FieldError::with_params(
            ErrorCode::LinkedinNotLinkedin,
            params! {"host" => display_host(url)},
            lang,
        ));
    };
    let host = host.strip_suffix('.').unwrap_or(host);
    if host == "lnkd.in" {
        // LinkedIn's link shortener: whose page it leads to is not in the link.
        return Err(not_profile());
    }
    if host != "linkedin.com" && !host.ends_with(".linkedin.com") {
        return Err(FieldError::with_params(
            ErrorCode::LinkedinNotLinkedin,
            params! {"host" => display_host(url)},
            lang,
        ));
    }
    // `Url` leaves out a scheme's default port, so any port here is another server.
    if let Some(port) = url.port {
        return Err(FieldError::with_params(
            ErrorCode::LinkedinNotLinkedin,
            params! {"host" => format!("{}:{port}", display_host(url))},
            lang,
        ));
    }

    let mut segments = url.path_segments().filter(|s| !s.is_empty()).peekable();
    if segments
        .peek()
        .is_some_and(|s| s.eq_ignore_ascii_case("mwlite") || s.eq_ignore_ascii_case("m"))
    {
        segments.next();
    }
    let first = segments.next().unwrap_or("").to_ascii_lowercase();
    let (kind, raw_handle): (LinkedInKind, Cow<'_, str>) = match first.as_str() {
        "in" => (LinkedInKind::Profile, decode(segments.next(), lang)?),
        "company" => (LinkedInKind::Company, decode(segments.next(), lang)?),
        "school" => (LinkedInKind::School, decode(segments.next(), lang)?),
        "pub" => (
            LinkedInKind::Profile,
            legacy_public_profile(segments, lang)?,
        ),
        "profile" => return Err(missing()),
        "authwall" if follow_authwall => {
            return match url.query_value("sessionRedirect") {
                Some(target) if !target.trim().is_empty() => {
                    let inner = parse(target.trim(), lang)?;
                    from_url(&inner, lang, false)
                }
                _ => Err(not_profile()),
            };
        }
        _ => return Err(not_profile()),
    };
    if raw_handle.is_empty() {
        return Err(missing());
    }
    let handle = canonical_handle(&raw_handle);
    check_handle(&handle, &raw_handle, kind, lang)?;
    let value = format!(
        "https://www.linkedin.com/{}/{}",
        kind.path_segment(),
        utf8_percent_encode(&handle, HANDLE_ENCODE)
    );
    Ok(LinkedIn {
        value,
        kind,
        handle,
    })
}

/// Characters percent-encoded in the canonical URL: all but RFC 3986 unreserved ones and the
/// sub-delimiters a company or school slug may have (they mean themselves in a path).
const HANDLE_ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'+')
    .remove(b'!');

/// The punctuation LinkedIn keeps in company and school slugs, besides `-` and `_`.
const SLUG_PUNCTUATION: &[char] = &['.', '&', '\'', '+', '!'];

/// Percent-decodes a path segment; an absent segment decodes to "".
fn decode<'a>(segment: Option<&'a str>, lang: Lang) -> Result<Cow<'a, str>, FieldError> {
    let Some(segment) = segment else {
        return Ok(Cow::Borrowed(""));
    };
    percent_decode_str(segment).decode_utf8().map_err(|_| {
        let shown = percent_decode_str(segment).decode_utf8_lossy().into_owned();
        FieldError::with_params(
            ErrorCode::LinkedinInvalidHandle,
            params! {"handle" => shown},
            lang,
        )
    })
}

/// `/pub/jane-doe/2/a43/82b` → `jane-doe-82ba43002`, as LinkedIn redirects it: each id segment
/// is three hex digits of the member number with its leading zeros dropped, least significant
/// first. `/pub/dir/...` is the member directory, not a profile.
fn legacy_public_profile<'a>(
    mut segments: impl Iterator<Item = &'a str>,
    lang: Lang,
) -> Result<Cow<'a, str>, FieldError> {
    let name = decode(segments.next(), lang)?;
    if name.eq_ignore_ascii_case("dir") {
        return Err(FieldError::with_params(
            ErrorCode::LinkedinNotProfile,
            params! {"path" => "/pub/dir"},
            lang,
        ));
    }
    let ids: Vec<&str> = segments.take(3).collect();
    let is_id = |s: &&str| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_hexdigit());
    match ids.as_slice() {
        [a, b, c] if !name.is_empty() && ids.iter().all(is_id) => {
            Ok(Cow::Owned(format!("{name}-{c:0>3}{b:0>3}{a:0>3}")))
        }
        _ => Err(FieldError::new(ErrorCode::LinkedinMissingHandle, lang)),
    }
}

/// Lower-case and NFC, except opaque member ids (`ACoAAB...`), which are case-sensitive.
fn canonical_handle(raw: &str) -> String {
    let is_member_id = raw.len() >= 20 && (raw.starts_with("ACoAA") || raw.starts_with("ACwAA"));
    if is_member_id {
        raw.to_string()
    } else {
        host::nfc(&host::lowercase(raw)).into_owned()
    }
}

fn check_handle(handle: &str, raw: &str, kind: LinkedInKind, lang: Lang) -> Result<(), FieldError> {
    let slug = kind != LinkedInKind::Profile;
    // Letters, marks, digits, `-` and `_` (`crate::host`), and a slug's punctuation.
    let words: Cow<'_, str> = if slug && handle.contains(SLUG_PUNCTUATION) {
        Cow::Owned(handle.replace(SLUG_PUNCTUATION, ""))
    } else {
        Cow::Borrowed(handle)
    };
    let (min, max) = kind.handle_lengths();
    let chars = handle.chars().count();
    // A slug of punctuation alone (`/company/&`) names nothing.
    let has_word = handle.chars().any(char::is_alphanumeric);
    if chars < min
        || chars > max
        || host::starts_with_mark(handle)
        || !has_word
        || !host::is_word_text(&words)
    {
        let shown: String = raw.chars().take(MAX_HANDLE_CHARS + 20).collect();
        return Err(FieldError::with_params(
            ErrorCode::LinkedinInvalidHandle,
            params! {"handle" => shown},
            lang,
        ));
    }
    Ok(())
}
