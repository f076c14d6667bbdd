//! Message language and the options every field rule shares.

use serde::{Deserialize, Serialize};

/// The language of error messages. English unless asked otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Spanish.
    Es,
}

impl Lang {
    /// The BCP 47 tag of this language (`"en"`, `"es"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// Parses `"en"` or `"es"` (any case, region ignored: `"es-MX"` is Spanish).
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else if primary.eq_ignore_ascii_case("es") {
            Some(Lang::Es)
        } else {
            None
        }
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
                "unknown language \"{tag}\", expected \"en\" or \"es\""
            ))
        })
    }
}
