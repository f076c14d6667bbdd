//! The messages: one file per language (`en.rs`, `es.rs`), each a table keyed by [`ErrorCode`],
//! as garde's `I18n` or zod's locales are.
//!
//! Templates name their parameters in braces (`{max}`); [`render`] fills them from the error's
//! params. Params carry data, never words: where a param's value is a token (`got: "number"`,
//! `reason: "unknown_option"`), each language has its own words for it ([`Messages::types`],
//! [`Messages::reasons`]), and a reason's words may use the other params in turn. A UI that
//! wants other wording keys its own table by `code` and uses `params`.
//!
//! Adding a language is one file here and one line in the `languages!` list below
//! (docs/messages.md).

use crate::error::{ErrorCode, Params};

/// Declares [`Lang`] and its message tables from one list, each language once: its variant, its
/// BCP 47 tag and the file of its messages. The TypeScript `Lang` type comes from the same list.
macro_rules! languages {
    ($( $(#[$attr:meta])* $variant:ident = $tag:literal in $module:ident; )+) => {
        $( mod $module; )+

        /// The language of error messages. English unless asked otherwise.
        ///
        /// New languages may be added in minor releases.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
        #[non_exhaustive]
        pub enum Lang {
            $( $(#[$attr])* #[serde(rename = $tag)] $variant, )+
        }

        impl Lang {
            /// Every language, in declaration order.
            pub const ALL: &'static [Lang] = &[$(Lang::$variant),+];

            /// The BCP 47 tag of this language (`"en"`, `"es"`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $( Lang::$variant => $tag, )+
                }
            }

            /// The tags of every language, as an error lists them (`"en, es"`).
            pub fn tags() -> &'static str {
                // Each tag after ", ": the list from the third byte.
                concat!($( ", ", $tag, )+).get(2..).unwrap_or_default()
            }

            /// The messages of this language.
            pub fn messages(self) -> &'static Messages {
                match self {
                    $( Lang::$variant => &$module::MESSAGES, )+
                }
            }

            /// The line `contactkit check` ends with, in this language (params `rows`,
            /// `secs`, `rate`, `valid`, `invalid`, `duplicates`, `requests`, `problems`).
            /// Apart from [`Lang::messages`], which the npm package compiles in.
            pub fn check_summary(self) -> &'static str {
                match self {
                    $( Lang::$variant => $module::CHECK_SUMMARY, )+
                }
            }
        }

        /// `Lang` in TypeScript: the union of the tags. (Read by the binding's
        /// `typescript_custom_section`, inside an anonymous `const _` the dead-code lint does
        /// not count.)
        #[allow(dead_code)]
        pub(crate) const TS_LANG: &str = concat!(
            "/** Language of error messages. */\nexport type Lang =",
            $( " | \"", $tag, "\"", )+
            ";\n"
        );
    };
}

languages! {
    /// English.
    #[default]
    En = "en" in en;
    /// Spanish.
    Es = "es" in es;
}

use ErrorCode::*;

/// How many codes there are: every language has a template for each.
pub const CODE_COUNT: usize = CODES.len();

/// Every code in declaration order, with its stable name.
#[rustfmt::skip]
pub const CODES: &[(ErrorCode, &str)] = &[
    (Empty, "empty"),
    (WrongType, "wrong_type"),
    (InputTooLong, "input_too_long"),
    (InvalidOption, "invalid_option"),
    (PhoneNotANumber, "phone_not_a_number"),
    (PhoneInvalidCountryCode, "phone_invalid_country_code"),
    (PhoneMissingCountry, "phone_missing_country"),
    (PhoneTooShort, "phone_too_short"),
    (PhoneTooLong, "phone_too_long"),
    (PhoneInvalid, "phone_invalid"),
    (PhoneIncomplete, "phone_incomplete"),
    (EmailMissingAt, "email_missing_at"),
    (EmailInvalidLocalPart, "email_invalid_local_part"),
    (EmailLocalPartTooLong, "email_local_part_too_long"),
    (EmailTooLong, "email_too_long"),
    (EmailInvalidDomain, "email_invalid_domain"),
    (EmailDomainWithoutDot, "email_domain_without_dot"),
    (EmailDisplayName, "email_display_name"),
    (EmailComment, "email_comment"),
    (EmailQuotedLocalPart, "email_quoted_local_part"),
    (EmailIpLiteral, "email_ip_literal"),
    (EmailReservedDomain, "email_reserved_domain"),
    (EmailUnicodeLocalPart, "email_unicode_local_part"),
    (LinkedinInvalidUrl, "linkedin_invalid_url"),
    (LinkedinNotLinkedin, "linkedin_not_linkedin"),
    (LinkedinNotProfile, "linkedin_not_profile"),
    (LinkedinMissingHandle, "linkedin_missing_handle"),
    (LinkedinInvalidHandle, "linkedin_invalid_handle"),
    (LocaleMalformed, "locale_malformed"),
    (LocaleUnknownLanguage, "locale_unknown_language"),
    (LocaleUnknownScript, "locale_unknown_script"),
    (LocaleUnknownRegion, "locale_unknown_region"),
    (TimezoneUnknown, "timezone_unknown"),
    (CountryUnknown, "country_unknown"),
    (CountryAmbiguous, "country_ambiguous"),
    (Required, "required"),
    (UnknownField, "unknown_field"),
    (NotAnObject, "not_an_object"),
    (TypeMismatch, "type_mismatch"),
    (TooLong, "too_long"),
    (AdditionalDataInvalidType, "additional_data_invalid_type"),
    (AdditionalDataInvalidDate, "additional_data_invalid_date"),
    (AdditionalDataInvalidNumber, "additional_data_invalid_number"),
    (TooManyItems, "too_many_items"),
    (NestingTooDeep, "nesting_too_deep"),
    (InvalidUuid, "invalid_uuid"),
    (InvalidBaseUrl, "invalid_base_url"),
    (InvalidCredentials, "invalid_credentials"),
    (Duplicate, "duplicate"),
    (InvalidCount, "invalid_count"),
    (UnknownTarget, "unknown_target"),
    (LinkedinNotPerson, "linkedin_not_person"),
    (InvalidUnicode, "invalid_unicode"),
    (TooManyRows, "too_many_rows"),
    (BatchTooLarge, "batch_too_large"),
    (MoreUnknownFields, "more_unknown_fields"),
    (EmailSuggestion, "email_suggestion"),
    (ResolvedAlias, "resolved_alias"),
    (NotInitialized, "not_initialized"),
    (InternalError, "internal_error"),
];

/// Params whose values are tokens that each language words its own way: `expected` and `got`
/// take [`Messages::types`], `reason` takes [`Messages::reasons`].
pub const TOKEN_PARAMS: [&str; 3] = ["expected", "got", "reason"];

/// One language's messages.
pub struct Messages {
    templates: &'static [(ErrorCode, &'static str); CODE_COUNT],
    /// Where each template's first `{` is, found at compile time; `u16::MAX` for a template
    /// without placeholders, whose message is the template as it is.
    first_placeholder: [u16; CODE_COUNT],
    /// The words for each value `expected` and `got` take (`("number", "un número")`).
    pub types: &'static [(&'static str, &'static str)],
    /// The words for each value `reason` takes, templates that may use the other params.
    pub reasons: &'static [(&'static str, &'static str)],
}

impl Messages {
    /// A language's messages from its tables; the templates in the order of [`CODES`].
    pub(crate) const fn new(
        templates: &'static [(ErrorCode, &'static str); CODE_COUNT],
        types: &'static [(&'static str, &'static str)],
        reasons: &'static [(&'static str, &'static str)],
    ) -> Messages {
        const fn first_brace(text: &str) -> u16 {
            let bytes = text.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'{' {
                    return i as u16;
                }
                i += 1;
            }
            u16::MAX
        }
        let mut first_placeholder = [u16::MAX; CODE_COUNT];
        let mut i = 0;
        while i < CODE_COUNT {
            first_placeholder[i] = first_brace(templates[i].1);
            i += 1;
        }
        Messages {
            templates,
            first_placeholder,
            types,
            reasons,
        }
    }

    /// The template of `code`, with `{param}` placeholders.
    pub fn template(&self, code: ErrorCode) -> &'static str {
        // The tables list the codes in declaration order, so the discriminant is the index;
        // the unit test `tables_are_in_declaration_order` keeps it so.
        self.templates
            .get(code as usize)
            .map_or("", |(_, template)| template)
    }

    /// The words for the value `value` of the param `name`, if it is a token this language
    /// words.
    pub fn word(&self, name: &str, value: &str) -> Option<&'static str> {
        let words = match name {
            "expected" | "got" => self.types,
            "reason" => self.reasons,
            _ => return None,
        };
        words
            .iter()
            .find(|(token, _)| *token == value)
            .map(|(_, w)| *w)
    }
}

/// The stable snake_case name of `code`.
pub fn code_name(code: ErrorCode) -> &'static str {
    CODES.get(code as usize).map_or("", |(_, name)| name)
}

/// The message template of `code` in `lang`, with `{param}` placeholders.
pub fn template(code: ErrorCode, lang: Lang) -> &'static str {
    lang.messages().template(code)
}

/// Renders the message of `code` in `lang`, filling placeholders from `params`.
/// A placeholder with no parameter is left as written, so nothing is dropped silently.
pub fn render(code: ErrorCode, params: &Params, lang: Lang) -> String {
    let messages = lang.messages();
    let tpl = messages.template(code);
    let first = messages
        .first_placeholder
        .get(code as usize)
        .map_or(usize::MAX, |&at| usize::from(at));
    match tpl.get(..first) {
        Some(before) => {
            let mut out = String::with_capacity(tpl.len() + 16);
            out.push_str(before);
            fill(
                &mut out,
                messages,
                tpl.get(first..).unwrap_or_default(),
                params,
                0,
            );
            out
        }
        None => tpl.to_string(),
    }
}

/// Fills `text` (a template, or any text with the same placeholders, such as
/// [`Lang::check_summary`]) from `params` in `lang`.
pub fn render_text(text: &str, params: &Params, lang: Lang) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    fill(&mut out, lang.messages(), text, params, 0);
    out
}

/// Writes `text` to `out` with its placeholders filled. A token param is written as its words,
/// themselves filled (to one level: a reason's words name types). Out of line: a page's first
/// error, when its message has none, compiles none of this.
#[inline(never)]
fn fill(out: &mut String, messages: &Messages, text: &str, params: &Params, depth: u8) {
    let mut rest = text;
    // Scanned as bytes: `{` and `}` are ASCII, so each cut falls between characters.
    while let Some(open) = rest.bytes().position(|b| b == b'{') {
        let (before, from_open) = rest.split_at(open);
        out.push_str(before);
        let Some(close) = from_open.bytes().position(|b| b == b'}') else {
            rest = from_open;
            break;
        };
        let (placeholder, after) = from_open.split_at(close + 1);
        let name = placeholder.get(1..close).unwrap_or_default();
        match params.get(name) {
            Some(serde_json::Value::String(s)) => match messages.word(name, s) {
                Some(words) if depth < 2 => fill(out, messages, words, params, depth + 1),
                _ => out.push_str(s),
            },
            Some(v) => match v.as_u64() {
                // A row, a limit, a length: written in place, as serde_json writes it (itoa).
                Some(n) => out.push_str(itoa::Buffer::new().format(n)),
                // Compact JSON, as `Display` writes it without `{:#}`; through the serializer
                // the results already use, not `Display`'s own instances.
                None => out.push_str(&serde_json::to_string(v).unwrap_or_default()),
            },
            None => out.push_str(placeholder),
        }
        rest = after;
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// The names of the params `code` can carry ([`crate::codes::params`]).
    fn params_of(code: ErrorCode) -> Vec<&'static str> {
        crate::codes::params(code).iter().map(|p| p.name).collect()
    }

    #[test]
    fn tables_are_in_declaration_order() {
        for (i, (code, name)) in CODES.iter().enumerate() {
            assert_eq!(*code as usize, i, "{name} is out of order");
            assert_eq!(serde_json::to_value(code).unwrap(), Value::from(*name));
            for lang in Lang::ALL {
                assert_eq!(lang.messages().templates[i].0, *code, "{lang:?}: {name}");
            }
        }
    }

    #[test]
    fn every_language_has_its_tag_and_the_words_of_every_token() {
        let en = Lang::En.messages();
        let keys = |words: &'static [(&'static str, &'static str)]| {
            words.iter().map(|(k, _)| *k).collect::<Vec<_>>()
        };
        for lang in Lang::ALL {
            assert_eq!(serde_json::to_value(lang).unwrap(), json!(lang.as_str()));
            assert_eq!(Lang::parse(lang.as_str()), Some(*lang));
            let m = lang.messages();
            assert_eq!(keys(m.types), keys(en.types), "{lang:?}");
            assert_eq!(keys(m.reasons), keys(en.reasons), "{lang:?}");
            if *lang == Lang::En {
                continue;
            }
            // Translated, all but JS's own literals.
            for (token, word) in m.types.iter().chain(m.reasons) {
                let english = en.word("got", token).or(en.word("reason", token));
                let literal = ["null", "undefined"].contains(token);
                assert_eq!(
                    english == Some(*word),
                    literal,
                    "{lang:?}: {token} is {word}"
                );
            }
        }
        let union: Vec<String> = Lang::ALL
            .iter()
            .map(|l| format!("\"{}\"", l.as_str()))
            .collect();
        assert!(TS_LANG.contains(&format!("export type Lang = | {};", union.join(" | "))));
    }

    /// Whether `text` has `word` with no letter or digit either side.
    fn contains_word(text: &str, word: &str) -> bool {
        text.match_indices(word).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    }

    /// The values each param takes in [`every_code_renders_in_every_language_with_every_param`]:
    /// every token of a token param, one value of the kind each other param has.
    fn values_of(name: &str) -> Vec<Value> {
        let en = Lang::En.messages();
        match name {
            "expected" | "got" => en.types.iter().map(|(t, _)| json!(t)).collect(),
            "reason" => en.reasons.iter().map(|(t, _)| json!(t)).collect(),
            "length" | "max" | "count" | "rows" | "first_row" | "first_row_number"
            | "calling_code" => vec![json!(61)],
            "possible_lengths" => vec![json!([9, 10])],
            _ => vec![json!("Zq7")],
        }
    }

    #[test]
    fn every_code_renders_in_every_language_with_every_param() {
        let en = Lang::En.messages();
        for (code, name) in CODES {
            let declared: Vec<&'static str> = params_of(*code);
            // Each param at each of its values, the others at their first.
            let mut cases = vec![Params::new()];
            let mut all = Params::new();
            for &param in &declared {
                all.insert(param, values_of(param)[0].clone());
            }
            for &param in &declared {
                for value in values_of(param) {
                    let mut p = all.clone();
                    p.insert(param, value);
                    cases.push(p);
                }
            }
            for lang in Lang::ALL {
                let m = lang.messages();
                let template = m.template(*code);
                assert!(
                    !template.trim().is_empty(),
                    "{lang:?}: {name} has no message"
                );
                for p in &cases[1..] {
                    let message = render(*code, p, *lang);
                    assert!(
                        !message.contains('{') && !message.contains('}'),
                        "{lang:?}: {name} left a placeholder: {message}"
                    );
                    if *lang == Lang::En {
                        continue;
                    }
                    // No English words where a param is data: each token in this language's
                    // words, never in English's (unless both write it alike, as `null`).
                    for (param, value) in p.iter() {
                        let Some(token) = value.as_str() else {
                            continue;
                        };
                        let (Some(english), Some(own)) =
                            (en.word(param, token), m.word(param, token))
                        else {
                            continue;
                        };
                        if english != own {
                            let english = render_text(english, p, Lang::En);
                            assert!(
                                !contains_word(&message, &english),
                                "{lang:?}: {name} has English \"{english}\": {message}"
                            );
                        }
                    }
                }
                // Every placeholder the template uses is a param the code declares.
                let mut rest = template;
                while let Some(open) = rest.find('{') {
                    let close = rest[open..].find('}').expect("placeholder closed") + open;
                    let param = &rest[open + 1..close];
                    assert!(declared.contains(&param), "{lang:?}: {name} uses {param}");
                    rest = &rest[close + 1..];
                }
            }
        }
        // The words of tokens fill from params too: a reason never leaves a placeholder.
        let p = crate::params! {"option" => "countryFormat", "reason" => "not_one_of",
        "allowed" => "alpha2, alpha3"};
        assert_eq!(
            render(InvalidOption, &p, Lang::En),
            "Option \"countryFormat\" is not valid: expected one of alpha2, alpha3."
        );
        let p = crate::params! {"option" => "lang", "reason" => "wrong_type",
        "expected" => "string", "got" => "array"};
        assert_eq!(
            render(InvalidOption, &p, Lang::Es),
            "La opción \"lang\" no es válida: se esperaba un texto, no una lista."
        );
    }

    #[test]
    fn every_code_documents_its_params() {
        // The doc of each variant of `ErrorCode` names the params it carries.
        let source = include_str!("../error.rs");
        let enum_body = source
            .split("pub enum ErrorCode {")
            .nth(1)
            .and_then(|s| s.split("\n}").next())
            .unwrap();
        let mut doc = String::new();
        let mut documented = Vec::new();
        for line in enum_body.lines().map(str::trim) {
            if let Some(text) = line.strip_prefix("///") {
                doc.push_str(text);
                doc.push(' ');
            } else if let Some(variant) = line.strip_suffix(',') {
                documented.push((variant.to_string(), std::mem::take(&mut doc)));
            } else {
                doc.clear();
            }
        }
        assert_eq!(documented.len(), CODES.len());
        for ((variant, doc), (code, name)) in documented.iter().zip(CODES) {
            let params = params_of(*code);
            assert_eq!(variant, &format!("{code:?}"));
            for param in &params {
                assert!(
                    doc.contains(&format!("`{param}`")),
                    "{name}: {param} undocumented"
                );
            }
            assert_eq!(params.is_empty(), !doc.contains("Params:"), "{name}: {doc}");
        }
    }

    #[test]
    fn every_template_without_params_renders_as_itself() {
        for lang in Lang::ALL {
            for (code, _) in CODES {
                let template = template(*code, *lang);
                assert_eq!(render(*code, &Params::new(), *lang), template);
            }
        }
        let p = crate::params! {"region" => "ES", "first_row" => 2, "first_row_number" => 3, "key" => "k"};
        assert_eq!(
            render(ErrorCode::Duplicate, &p, Lang::En),
            "Row 3 already has k; the API would reject this one as a duplicate."
        );
    }

    #[test]
    fn render_fills_params_and_keeps_missing_ones() {
        let p = crate::params! {"max" => 64, "length" => 70};
        assert_eq!(
            render(EmailLocalPartTooLong, &p, Lang::Es),
            "La parte antes de la @ mide 70 bytes; el límite es 64."
        );
        let msg = render(PhoneInvalid, &Params::new(), Lang::En);
        assert_eq!(msg, "This is not a valid phone number for {region}.");
        // A token no language words is written as it is; a param that takes no tokens too.
        let p = crate::params! {"expected" => "a thing", "got" => "string", "region" => "number"};
        assert_eq!(
            render(TypeMismatch, &p, Lang::Es),
            "Se esperaba a thing y se recibió un texto."
        );
        assert_eq!(
            render(PhoneInvalid, &p, Lang::Es),
            "Este no es un número de teléfono válido para number."
        );
    }

    #[test]
    fn fill_writes_each_kind_of_value_and_keeps_what_is_not_a_placeholder() {
        let p = crate::params! {
            "row" => 12_345_678_901_u64,
            "neg" => -3,
            "x" => 1.5,
            "list" => serde_json::json!([8, 10]),
            "s" => "ñ",
        };
        let f = |tpl: &str| render_text(tpl, &p, Lang::En);
        assert_eq!(f("á{row}é"), "á12345678901é");
        assert_eq!(f("{neg} {x} {list} {s}{s}"), "-3 1.5 [8,10] ññ");
        assert_eq!(f("{missing} {row"), "{missing} {row");
        assert_eq!(f("{} }{s}{"), "{} }ñ{");
    }
}
