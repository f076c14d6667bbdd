//! SDR Agent `POST /contacts/`: `full_name`, `email` and `linkedin_profile` required, duplicates
//! keyed on the email, authentication with `X-API-Key` or a Bearer token, `X-Import-ID`.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::api::{build_given, Api, Contact};
use super::common::{
    base_url, body_text, credential, fields_named, json_headers, text_field, unknown_names, uuid,
    Built, Errors, Field, Fields, RuleCache,
};
use super::limits::{
    COMPANY_MAX_CHARS, FULL_NAME_MAX_CHARS, METADATA_MAX_CHARS, METADATA_MAX_DEPTH,
};
use super::{ContactError, Headers, Method, Request};
use crate::error::ErrorCode;
use crate::lang::{FieldOptions, Lang};
use crate::linkedin::LinkedInKind;
use crate::locale::Locale;
use crate::options::{OptionsReader, ReadOptions};
use crate::timezone::Timezone;
use crate::{email, linkedin, locale, params, timezone};

/// The documented host of the SDR Agent API.
pub const SDR_AGENT_BASE_URL: &str = "https://api.sdragent.com";
const CONTACTS_PATH: &str = "/contacts/";

/// The fields `POST /contacts/` takes, in the order the body lists them.
pub(crate) const FIELDS: [&str; 7] = [
    "full_name",
    "email",
    "linkedin_profile",
    "company",
    "locale",
    "timezone",
    "metadata",
];

/// Options of [`build_sdr_agent_contact`] and of the import-flow builders. In JSON (and JS):
/// `baseUrl`, `apiKey`, `bearerToken`, `importId`, `lang`.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct SdrAgentOptions {
    /// Scheme, host and optional path prefix; the endpoint's path is appended.
    /// [`SDR_AGENT_BASE_URL`] when `None`.
    pub base_url: Option<String>,
    /// Sent as `X-API-Key`. Give this or `bearer_token`, not both; with neither the request has
    /// no authentication header (a browser can preview it and a server add it). Trimmed; must be
    /// visible ASCII. Never shown in errors or `Debug`.
    pub api_key: Option<String>,
    /// A JWT, sent as `Authorization: Bearer <token>`. Same rules as `api_key`.
    pub bearer_token: Option<String>,
    /// The import the contacts belong to (a UUID), sent as `X-Import-ID`; also the import that
    /// [`super::build_complete_import`] and [`super::build_link_campaign`] act on.
    pub import_id: Option<String>,
    /// Language of error messages.
    pub lang: Lang,
}

impl fmt::Debug for SdrAgentOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SdrAgentOptions")
            .field("base_url", &self.base_url)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field(
                "bearer_token",
                &self.bearer_token.as_ref().map(|_| "<redacted>"),
            )
            .field("import_id", &self.import_id)
            .field("lang", &self.lang)
            .finish()
    }
}

/// The option names in JSON.
pub(crate) const OPTION_NAMES: [&str; 5] = ["baseUrl", "apiKey", "bearerToken", "importId", "lang"];

impl SdrAgentOptions {
    /// Reads options from JSON (`{"apiKey": "...", "importId": "..."}`); `null` gives the
    /// defaults. Unknown names and wrong types are errors on `options.<name>`; the values
    /// themselves are checked when a request is built.
    pub fn from_json(v: &Value) -> Result<Self, Vec<ContactError>> {
        crate::options::read_json(v)
    }
}

impl ReadOptions for SdrAgentOptions {
    const NAMES: &'static [&'static str] = &OPTION_NAMES;

    /// The options `r` reads (the names in [`OPTION_NAMES`]).
    fn read(r: &mut OptionsReader<'_>) -> Self {
        SdrAgentOptions {
            base_url: r.string("baseUrl"),
            api_key: r.string("apiKey"),
            bearer_token: r.string("bearerToken"),
            import_id: r.string("importId"),
            lang: r.lang(),
        }
    }
}

impl SdrAgentOptions {
    /// Checks the options once (for one request or a whole batch).
    pub(crate) fn prepare(&self, errs: &mut Errors) -> SdrAgent {
        let base = base_url(errs, self.base_url.as_deref(), SDR_AGENT_BASE_URL);
        let key = credential(errs, "apiKey", self.api_key.as_deref());
        let token = credential(errs, "bearerToken", self.bearer_token.as_deref());
        let auth = match (key, token) {
            (Some(_), Some(_)) => {
                errs.push(
                    "options.bearerToken",
                    ErrorCode::InvalidOption,
                    crate::error::option_params("bearerToken", "both_credentials", &[]),
                );
                None
            }
            (Some(k), None) => Some(("X-API-Key", k)),
            (None, Some(t)) => Some(("Authorization", format!("Bearer {t}"))),
            (None, None) => None,
        };
        let import_id = self
            .import_id
            .as_deref()
            .filter(|i| !i.trim().is_empty())
            .and_then(|i| uuid(errs, "options.importId", "importId", i));
        SdrAgent {
            base,
            auth,
            import_id,
            lang: self.lang,
        }
    }
}

/// Locales and timezones already resolved, by their trimmed text: a batch's rows repeat a few.
#[derive(Default)]
pub(crate) struct SdrCache {
    locales: RuleCache<Locale>,
    timezones: RuleCache<Timezone>,
}

/// Checked options, ready to build many requests.
pub(crate) struct SdrAgent {
    pub base: String,
    pub auth: Option<(&'static str, String)>,
    pub import_id: Option<String>,
    pub lang: Lang,
}

#[derive(Serialize)]
struct Body<'a> {
    full_name: &'a str,
    email: &'a str,
    linkedin_profile: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    company: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    locale: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timezone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<&'a Value>,
}

impl SdrAgent {
    /// The field the API deduplicates on (409 Conflict).
    pub const KEY_FIELD: &'static str = "email";

    /// `Content-Type` and the authentication header.
    pub fn headers(&self) -> Headers {
        json_headers(&self.auth)
    }

    /// Checks a contact's fields; the key is the normalized email, lower-cased, whenever it is
    /// valid. No request is built when `taken` says an earlier row has the key (the row is a
    /// duplicate).
    pub(crate) fn build_fields(
        &self,
        obj: &Fields<'_>,
        errs: &mut Errors,
        cache: &mut SdrCache,
        taken: &dyn Fn(&str) -> bool,
    ) -> Built {
        let before = errs.len();
        let (
            [name_given, email_given, linkedin_given, company_given, locale_given, timezone_given, metadata_given],
            others,
        ) = fields_named(obj, &FIELDS);
        let opts = FieldOptions::new(self.lang);

        let full_name = text_field(errs, "full_name", name_given, true, FULL_NAME_MAX_CHARS);
        let email = text_field(errs, "email", email_given, true, usize::MAX).and_then(|e| {
            errs.rule("email", email::normalize(e, &opts))
                .map(|found| errs.email(found))
        });
        let linkedin = text_field(errs, "linkedin_profile", linkedin_given, true, usize::MAX)
            .and_then(|l| errs.rule("linkedin_profile", linkedin::normalize(l, &opts)))
            .and_then(|found| {
                if found.kind == LinkedInKind::Profile {
                    return Some(found.value);
                }
                errs.push(
                    "linkedin_profile",
                    ErrorCode::LinkedinNotPerson,
                    params! {"kind" => found.kind.as_str()},
                );
                None
            });
        let company = text_field(errs, "company", company_given, false, COMPANY_MAX_CHARS);
        let locale = text_field(errs, "locale", locale_given, false, usize::MAX).and_then(|l| {
            let found = cache.locales.resolve(l, &opts, locale::normalize);
            errs.rule("locale", found).map(|found| found.value.as_str())
        });
        let timezone =
            text_field(errs, "timezone", timezone_given, false, usize::MAX).and_then(|t| {
                let found = cache.timezones.resolve(t, &opts, timezone::normalize);
                let found = errs.rule("timezone", found)?;
                if let Some(from) = &found.resolved_from {
                    errs.resolved("timezone", from, &found.value);
                }
                Some(found.value.as_str())
            });
        let metadata = metadata(errs, metadata_given);
        if others {
            unknown_names(errs, obj.iter().map(|(name, _)| *name), &FIELDS, "");
        }

        let key = email.as_deref().map(crate::host::lowercase);
        if errs.len() > before || key.as_deref().is_some_and(taken) {
            return Built { request: None, key };
        }
        let (Some(full_name), Some(email), Some(linkedin_profile)) =
            (full_name, email.as_deref(), linkedin.as_deref())
        else {
            return Built { request: None, key };
        };
        let body = Body {
            full_name,
            email,
            linkedin_profile,
            company,
            locale,
            timezone,
            metadata,
        };
        let mut headers = self.headers();
        if let Some(id) = &self.import_id {
            headers.push("X-Import-ID", id.clone());
        }
        let request = body_text(errs, &body).map(|body| Request {
            method: Method::Post,
            url: format!("{}{CONTACTS_PATH}", self.base),
            headers,
            body,
        });
        Built { request, key }
    }
}

/// `metadata`: any JSON object, passed through unchanged (keys such as `__proto__` are data),
/// nested at most [`METADATA_MAX_DEPTH`] deep and at most [`METADATA_MAX_CHARS`] of JSON text.
fn metadata<'a>(errs: &mut Errors, v: Option<Field<'a>>) -> Option<&'a Value> {
    let v = match v {
        None | Some(Field::Json(Value::Null)) => return None,
        Some(Field::Json(v @ Value::Object(_))) => v,
        Some(other) => {
            errs.push(
                "metadata",
                ErrorCode::TypeMismatch,
                params! {"expected" => "object", "got" => other.type_name()},
            );
            return None;
        }
    };
    if depth_exceeds(v, METADATA_MAX_DEPTH) {
        errs.push(
            "metadata",
            ErrorCode::NestingTooDeep,
            params! {"max" => METADATA_MAX_DEPTH},
        );
        return None;
    }
    // Within the depth limit, serializing cannot recurse deeply.
    let length = serde_json::to_string(v).map_or(usize::MAX, |t| {
        if t.len() > METADATA_MAX_CHARS {
            t.chars().count()
        } else {
            t.len()
        }
    });
    if length > METADATA_MAX_CHARS {
        errs.push(
            "metadata",
            ErrorCode::TooLong,
            params! {"max" => METADATA_MAX_CHARS, "length" => length},
        );
        return None;
    }
    Some(v)
}

/// Whether objects and arrays nest deeper than `max` (a scalar is depth 0, `{}` depth 1),
/// walked with an explicit stack.
fn depth_exceeds(v: &Value, max: usize) -> bool {
    let mut stack = vec![(v, 0usize)];
    while let Some((v, depth)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match v {
            Value::Object(m) => Box::new(m.values()),
            Value::Array(a) => Box::new(a.iter()),
            _ => continue,
        };
        if depth + 1 > max {
            return true;
        }
        stack.extend(children.map(|c| (c, depth + 1)));
    }
    false
}

/// Validates a contact for SDR Agent `POST /contacts/` and builds the request.
///
/// `full_name`, `email` (normalized) and `linkedin_profile` (canonical; a person's `/in/`
/// profile — a company or school page is `linkedin_not_person`) are required; `company` is
/// trimmed; `locale` and `timezone` are canonicalized; `metadata` is any JSON object, passed
/// through unchanged. With `import_id`, the request carries `X-Import-ID`. Every problem is
/// returned at once.
///
/// The contact is a [`super::SdrAgentContact`] or a `serde_json::Value` with the API's field
/// names.
pub fn build_sdr_agent_contact(
    contact: &(impl super::SdrAgentInput + ?Sized),
    opts: &SdrAgentOptions,
) -> Result<Request, Vec<ContactError>> {
    let contact = contact.to_contact_json();
    let prepare = |errs: &mut Errors| Api::sdr_agent(opts, errs);
    build_given(opts.lang, prepare, Contact::Value(&contact))
}

/// [`build_sdr_agent_contact`] for a contact given as JSON text: hostile nesting is reported as
/// `nesting_too_deep` on its field, never a stack overflow.
pub fn build_sdr_agent_contact_json(
    contact: &str,
    opts: &SdrAgentOptions,
) -> Result<Request, Vec<ContactError>> {
    let prepare = |errs: &mut Errors| Api::sdr_agent(opts, errs);
    build_given(opts.lang, prepare, Contact::Text(contact))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn depth() {
        assert!(!depth_exceeds(&json!({}), 1));
        assert!(depth_exceeds(&json!({"a": {}}), 1));
        assert!(!depth_exceeds(&json!({"a": [1, {"b": 2}]}), 3));
        assert!(depth_exceeds(&json!({"a": [1, {"b": []}]}), 3));
    }
}
