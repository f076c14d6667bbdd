//! Which error codes each field rule can give, and which params each code carries: declared
//! once, here. The npm package's TypeScript types are generated from it (a field's result
//! narrows `error.code` to its codes, and `params` are typed per code), and tests check every
//! error the rules and the package give against it.
//!
//! Both declarations are exhaustive `match`es: a new [`ErrorCode`] does not compile until it
//! says where it comes from and what it carries.

use crate::error::ErrorCode::{self, *};
use crate::error::FieldError;

/// The type of a param's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    /// A string.
    Text,
    /// A whole number ≥ 0.
    Count,
    /// A list of whole numbers ≥ 0.
    Counts,
}

/// One param of a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    /// Its name in `params` (`max`).
    pub name: &'static str,
    /// The type of its value.
    pub ty: ParamType,
    /// Whether every error of the code carries it (`false`: only some do).
    pub always: bool,
}

const fn always(name: &'static str, ty: ParamType) -> Param {
    Param {
        name,
        ty,
        always: true,
    }
}

const fn sometimes(name: &'static str, ty: ParamType) -> Param {
    Param {
        name,
        ty,
        always: false,
    }
}

/// The params a code carries, in the order they serialize (by name).
pub fn params(code: ErrorCode) -> &'static [Param] {
    use ParamType::*;
    match code {
        WrongType | NotAnObject => const { &[always("got", Text)] },
        InputTooLong | EmailLocalPartTooLong | EmailTooLong | TooLong => {
            const { &[always("length", Count), always("max", Count)] }
        }
        InvalidOption => {
            const {
                &[
                    sometimes("allowed", Text),
                    sometimes("expected", Text),
                    sometimes("got", Text),
                    always("option", Text),
                    always("reason", Text),
                    sometimes("value", Text),
                ]
            }
        }
        PhoneTooShort | PhoneTooLong => {
            const {
                &[
                    sometimes("calling_code", Count),
                    sometimes("possible_lengths", Counts),
                    sometimes("region", Text),
                ]
            }
        }
        PhoneInvalid => {
            const {
                &[
                    always("calling_code", Count),
                    sometimes("possible_lengths", Counts),
                    always("region", Text),
                ]
            }
        }
        EmailInvalidDomain | EmailDomainWithoutDot => const { &[always("domain", Text)] },
        EmailReservedDomain => const { &[always("domain", Text), always("reserved", Text)] },
        LinkedinNotLinkedin => const { &[always("host", Text)] },
        LinkedinNotProfile => const { &[always("path", Text)] },
        LinkedinInvalidHandle => const { &[always("handle", Text)] },
        LocaleUnknownLanguage => const { &[always("language", Text)] },
        LocaleUnknownScript => const { &[always("script", Text)] },
        LocaleUnknownRegion => const { &[always("region", Text)] },
        CountryAmbiguous => const { &[always("candidates", Text)] },
        UnknownField | InvalidUuid => const { &[always("field", Text)] },
        TypeMismatch => const { &[always("expected", Text), always("got", Text)] },
        AdditionalDataInvalidType => const { &[always("allowed", Text)] },
        TooManyItems => const { &[sometimes("length", Count), always("max", Count)] },
        NestingTooDeep | InvalidCredentials | BatchTooLarge => const { &[always("max", Count)] },
        Duplicate => {
            const {
                &[
                    always("first_row", Count),
                    always("first_row_number", Count),
                    always("key", Text),
                ]
            }
        }
        UnknownTarget => const { &[always("target", Text)] },
        LinkedinNotPerson => const { &[always("kind", Text)] },
        TooManyRows => const { &[always("max", Count), always("rows", Count)] },
        MoreUnknownFields => const { &[always("count", Count)] },
        EmailSuggestion => const { &[always("suggestion", Text)] },
        ResolvedAlias => const { &[always("from", Text), always("value", Text)] },
        Empty
        | PhoneNotANumber
        | PhoneInvalidCountryCode
        | PhoneMissingCountry
        | PhoneIncomplete
        | EmailMissingAt
        | EmailInvalidLocalPart
        | EmailDisplayName
        | EmailComment
        | EmailQuotedLocalPart
        | EmailIpLiteral
        | EmailUnicodeLocalPart
        | LinkedinInvalidUrl
        | LinkedinMissingHandle
        | LocaleMalformed
        | TimezoneUnknown
        | CountryUnknown
        | Required
        | AdditionalDataInvalidDate
        | AdditionalDataInvalidNumber
        | InvalidBaseUrl
        | InvalidCount
        | InvalidUnicode
        | NotInitialized
        | InternalError => &[],
    }
}

/// A field rule (and the npm package's function for it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// [`crate::phone::normalize`], `normalizePhone`, `AsYouType`.
    Phone,
    /// [`crate::email::normalize`], `normalizeEmail`.
    Email,
    /// [`crate::linkedin::normalize`], `normalizeLinkedIn`.
    LinkedIn,
    /// [`crate::locale::normalize`], `normalizeLocale`.
    Locale,
    /// [`crate::timezone::normalize`], `normalizeTimezone`.
    Timezone,
    /// [`crate::country::normalize`], `normalizeCountry`.
    Country,
}

impl Rule {
    /// Every rule.
    pub const ALL: [Rule; 6] = [
        Rule::Phone,
        Rule::Email,
        Rule::LinkedIn,
        Rule::Locale,
        Rule::Timezone,
        Rule::Country,
    ];
}

/// Which results can give a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Every field rule (the input or the options are wrong), and the payloads.
    AnyRule,
    /// One field rule, and the payloads that check that field.
    Rule(Rule),
    /// Only the payload builders and batches (a whole contact, a request, a batch).
    Payload,
}

/// Where a code comes from.
pub fn source(code: ErrorCode) -> Source {
    use Rule::*;
    match code {
        Empty | WrongType | InputTooLong | InvalidOption | InvalidUnicode | NotInitialized
        | InternalError => Source::AnyRule,
        PhoneNotANumber
        | PhoneInvalidCountryCode
        | PhoneMissingCountry
        | PhoneTooShort
        | PhoneTooLong
        | PhoneInvalid
        | PhoneIncomplete => Source::Rule(Phone),
        EmailMissingAt
        | EmailInvalidLocalPart
        | EmailLocalPartTooLong
        | EmailTooLong
        | EmailInvalidDomain
        | EmailDomainWithoutDot
        | EmailDisplayName
        | EmailComment
        | EmailQuotedLocalPart
        | EmailIpLiteral
        | EmailReservedDomain
        | EmailUnicodeLocalPart => Source::Rule(Email),
        LinkedinInvalidUrl
        | LinkedinNotLinkedin
        | LinkedinNotProfile
        | LinkedinMissingHandle
        | LinkedinInvalidHandle => Source::Rule(LinkedIn),
        LocaleMalformed | LocaleUnknownLanguage | LocaleUnknownScript | LocaleUnknownRegion => {
            Source::Rule(Locale)
        }
        TimezoneUnknown => Source::Rule(Timezone),
        CountryUnknown | CountryAmbiguous => Source::Rule(Country),
        Required
        | UnknownField
        | NotAnObject
        | TypeMismatch
        | TooLong
        | AdditionalDataInvalidType
        | AdditionalDataInvalidDate
        | AdditionalDataInvalidNumber
        | TooManyItems
        | NestingTooDeep
        | InvalidUuid
        | InvalidBaseUrl
        | InvalidCredentials
        | Duplicate
        | InvalidCount
        | UnknownTarget
        | LinkedinNotPerson
        | TooManyRows
        | BatchTooLarge
        | MoreUnknownFields
        | EmailSuggestion
        | ResolvedAlias => Source::Payload,
    }
}

/// Every code, in the order they are declared.
pub fn all() -> impl Iterator<Item = ErrorCode> {
    crate::messages::CODES.iter().map(|(code, _)| *code)
}

/// Whether `rule` can give `code`.
pub fn rule_gives(rule: Rule, code: ErrorCode) -> bool {
    match source(code) {
        Source::AnyRule => true,
        Source::Rule(r) => r == rule,
        Source::Payload => false,
    }
}

/// Why `error` is not what this declaration says of its code (`rule`: the rule that gave it, if
/// a field rule did): a param it does not declare or of another type, a param it always
/// carries missing, or a code the rule does not give. `None` when it is.
pub fn check(error: &FieldError, rule: Option<Rule>) -> Option<String> {
    let code = error.code;
    if let Some(rule) = rule.filter(|&r| !rule_gives(r, code)) {
        return Some(format!("{rule:?} gave {code}, not among its codes"));
    }
    let declared = params(code);
    for (name, value) in error.params.iter() {
        let Some(param) = declared.iter().find(|p| p.name == name) else {
            return Some(format!("{code} carries `{name}`, not among its params"));
        };
        let whole = |v: &serde_json::Value| v.as_u64().is_some();
        let fits = match param.ty {
            ParamType::Text => value.is_string(),
            ParamType::Count => whole(value),
            ParamType::Counts => value.as_array().is_some_and(|a| a.iter().all(whole)),
        };
        if !fits {
            return Some(format!("{code}'s `{name}` is {value}, not {:?}", param.ty));
        }
    }
    let missing = declared
        .iter()
        .find(|p| p.always && !error.params.contains_key(p.name));
    missing.map(|p| format!("{code} lacks `{}`, which it always carries", p.name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::params;

    #[test]
    fn params_are_declared_in_the_order_they_serialize() {
        for code in all() {
            let names: Vec<&str> = params(code).iter().map(|p| p.name).collect();
            let mut sorted = names.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(names, sorted, "{code}");
        }
    }

    #[test]
    fn check_finds_each_kind_of_difference() {
        let e = |code, params| FieldError::with_params(code, params, Lang::En);
        let ok = e(PhoneTooShort, params! {"possible_lengths" => vec![9, 10]});
        assert_eq!(check(&ok, Some(Rule::Phone)), None);
        assert_eq!(check(&e(Empty, params! {}), Some(Rule::Country)), None);
        let cases = [
            (
                e(PhoneTooShort, params! {}),
                Some(Rule::Email),
                "not among its codes",
            ),
            (
                e(Required, params! {}),
                Some(Rule::Phone),
                "not among its codes",
            ),
            (
                e(PhoneTooShort, params! {"x" => 1}),
                None,
                "not among its params",
            ),
            (e(PhoneTooShort, params! {"region" => 1}), None, "not Text"),
            (
                e(TooLong, params! {"max" => "1", "length" => 2}),
                None,
                "not Count",
            ),
            (
                e(
                    PhoneInvalid,
                    params! {"region" => "US", "calling_code" => 1, "possible_lengths" => vec!["9"]},
                ),
                None,
                "not Counts",
            ),
            (e(TooLong, params! {"max" => 1}), None, "lacks `length`"),
        ];
        for (error, rule, why) in cases {
            let found = check(&error, rule).unwrap_or_default();
            assert!(found.contains(why), "{error:?}: {found}");
        }
    }
}
