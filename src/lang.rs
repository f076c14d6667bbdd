//! Message language and the options every field rule shares.

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
///
/// From JSON (a config file, a request) with [`FieldOptions::from_json`], which reads options
/// as the npm package reads a JS object: the same names, types and errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FieldOptions {
    /// Language of error messages.
    pub lang: Lang,
}

impl FieldOptions {
    /// Options with the given message language.
    pub fn new(lang: Lang) -> Self {
        FieldOptions { lang }
    }

    /// Reads `{"lang": "es"}`; `null` gives the defaults. The first problem is the error
    /// (`invalid_option`: an unknown name, a value of the wrong type, an unknown language).
    ///
    /// ```
    /// use contactkit::{FieldOptions, Lang};
    /// use serde_json::json;
    ///
    /// assert_eq!(FieldOptions::from_json(&json!({"lang": "ES"})).unwrap().lang, Lang::Es);
    /// let e = FieldOptions::from_json(&json!({"lang": 1})).unwrap_err();
    /// assert_eq!((e.code.as_str(), e.params.get("got")), ("invalid_option", Some(&"number".into())));
    /// ```
    pub fn from_json(v: &serde_json::Value) -> Result<Self, crate::FieldError> {
        crate::options::ReadOptions::from_source(v)
    }

    /// A field rule's input and options given as JSON, checked as the npm package checks a
    /// call of one of its field functions: an input that is not a string is `wrong_type` (in
    /// the options' language when their `lang` is valid), then the options as
    /// [`FieldOptions::from_json`] reads them.
    ///
    /// ```
    /// use contactkit::{timezone, FieldOptions};
    /// use serde_json::json;
    ///
    /// let input = json!("US/Eastern");
    /// let (text, opts) = FieldOptions::read_call(&input, &json!(null)).unwrap();
    /// assert_eq!(timezone::normalize(text, &opts).unwrap().value, "America/New_York");
    /// let e = FieldOptions::read_call(&json!(5), &json!({"lang": "es"})).unwrap_err();
    /// assert_eq!(e.code.as_str(), "wrong_type");
    /// ```
    pub fn read_call<'a>(
        input: &'a serde_json::Value,
        options: &serde_json::Value,
    ) -> Result<(&'a str, Self), crate::FieldError> {
        crate::options::json_call(input, options)
    }
}
