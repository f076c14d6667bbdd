//! Message language and the options every field rule shares.

use serde::Deserialize;

pub use crate::messages::Lang;

impl Lang {
    /// Parses a language tag: `"en"`, `"es"`, any case, region ignored (`"es-MX"` is
    /// Spanish).
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .iter()
            .copied()
            .find(|lang| primary.eq_ignore_ascii_case(lang.as_str()))
    }
}

/// Options of the field rules that take nothing but a message language
/// (email, LinkedIn, locale, timezone, country).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FieldOptions {
    /// Language of error messages.
    #[serde(default)]
    pub lang: Lang,
}

impl FieldOptions {
    /// Options with the given message language.
    pub fn new(lang: Lang) -> Self {
        FieldOptions { lang }
    }
}

impl<'de> Deserialize<'de> for Lang {
    /// Accepts what [`Lang::parse`] accepts (`"es"`, `"ES"`, `"es-MX"`).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(d)?;
        Lang::parse(&tag).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown language \"{tag}\", expected one of {}",
                Lang::tags()
            ))
        })
    }
}
