//! Options read in one place, whoever gives them: the field rules' and the payload builders'
//! options, as a JSON value natively or as a JS object in the npm package.
//!
//! The rules, for every options object:
//! - `null` (and in JS `undefined`) is no options; anything but an object is `invalid_option`
//!   on `options` (`expected: "object"`, `got`);
//! - option names are matched exactly (`defaultCountry`, not `defaultcountry`); a name the
//!   options do not have is `invalid_option` on `options.<name>`;
//! - an option set to `null` (or `undefined`) is not given; one of the wrong type is
//!   `invalid_option` on `options.<name>` with `expected` and `got`;
//! - values that are one of a list (`lang`, `countryFormat`, a batch's `target`) are compared
//!   trimmed and without regard to ASCII case;
//! - `lang` is read first, so that every other error is in that language.
//!
//! A [`Source`] gives the options' entries: [`serde_json::Value`] here, JS objects in the
//! binding (`src/wasm/`), which reads them without JSON or a `Value`.

use std::borrow::Cow;

use serde_json::Value;

use crate::error::{option_params, ErrorCode, FieldError};
use crate::lang::Lang;
use crate::params;
use crate::payload::common::{shown_key, type_name, Errors};
use crate::payload::limits::UNKNOWN_FIELDS_LISTED;
use crate::payload::ContactError;

/// One option's value, as a [`Source`] has it.
pub(crate) enum OptionValue<'a> {
    /// `null` (or `undefined`): not given.
    Null,
    /// A string.
    Text(Cow<'a, str>),
    /// A string with a lone UTF-16 surrogate, which has no UTF-8 form (JS only).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Broken,
    /// Any other value: its type as messages name it (`"number"`, `"array"`, ...).
    Other(&'static str),
}

/// What an options object's entries are read from.
pub(crate) trait Source {
    /// The entries in their order, each name once; `Err` with what the options are instead
    /// (`"array"`, `"string"`, ...) when they are not an object. No options (`null`) is no
    /// entries.
    fn entries(&self) -> Result<Vec<(Cow<'_, str>, OptionValue<'_>)>, &'static str>;
}

impl Source for Value {
    fn entries(&self) -> Result<Vec<(Cow<'_, str>, OptionValue<'_>)>, &'static str> {
        let map = match self {
            Value::Null => return Ok(Vec::new()),
            Value::Object(map) => map,
            other => return Err(type_name(other)),
        };
        fn entry(v: &Value) -> OptionValue<'_> {
            match v {
                Value::Null => OptionValue::Null,
                Value::String(s) => OptionValue::Text(Cow::Borrowed(s.as_str())),
                other => OptionValue::Other(type_name(other)),
            }
        }
        Ok(map
            .iter()
            .map(|(k, v)| (Cow::Borrowed(k.as_str()), entry(v)))
            .collect())
    }
}

/// Reads an options object: known names and their types; every problem becomes an error on
/// `options.<name>`, in the language of the object's own `lang` when that one is valid.
pub(crate) struct OptionsReader<'a> {
    entries: Vec<(Cow<'a, str>, OptionValue<'a>)>,
    /// Whether the options are an object (or none), not something else.
    object: bool,
    /// The errors so far.
    pub errs: Errors,
}

impl<'a> OptionsReader<'a> {
    /// Reads `lang` first, so that later errors are in that language.
    pub fn new(source: &'a (impl Source + ?Sized)) -> Self {
        let mut errs = Errors::new(Lang::En);
        let (entries, object) = match source.entries() {
            Ok(entries) => (entries, true),
            Err(got) => {
                mismatch(&mut errs, "options", "object", got);
                (Vec::new(), false)
            }
        };
        let mut reader = OptionsReader {
            entries,
            object,
            errs,
        };
        if let Some(lang) = reader.string("lang") {
            match Lang::parse(&lang) {
                Some(l) => reader.errs.lang = l,
                None => {
                    // Without the value, as for every option (a misplaced credential is never
                    // echoed); in English, the language asked for not being one there is.
                    reader.invalid("lang", "not_one_of", &[("allowed", Lang::tags())]);
                }
            }
        }
        reader
    }

    /// The language of messages.
    pub fn lang(&self) -> Lang {
        self.errs.lang
    }

    /// Whether the options are an object (or none at all).
    pub fn is_object(&self) -> bool {
        self.object
    }

    /// Whether the option `name` is given (and not `null`).
    pub fn given(&self, name: &str) -> bool {
        !matches!(self.get(name), None | Some(OptionValue::Null))
    }

    fn get(&self, name: &str) -> Option<&OptionValue<'a>> {
        self.entries.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// `invalid_option` on `options.<name>`, with its `reason` and the data the reason names.
    fn invalid(&mut self, name: &str, reason: &'static str, data: &[(&'static str, &str)]) {
        let params = option_params(name, reason, data);
        self.errs.push(
            format!("options.{}", shown_key(name)),
            ErrorCode::InvalidOption,
            params,
        );
    }

    /// A string option; `null` is not given.
    pub fn string(&mut self, name: &str) -> Option<String> {
        match self.get(name)? {
            OptionValue::Null => None,
            OptionValue::Text(s) => Some(s.to_string()),
            OptionValue::Broken => {
                self.invalid(name, "broken_character", &[]);
                None
            }
            OptionValue::Other(got) => {
                let got = *got;
                mismatch(&mut self.errs, name, "string", got);
                None
            }
        }
    }

    /// A string option that must be one of `allowed` (trimmed, any ASCII case).
    pub fn choice(&mut self, name: &str, allowed: &[&'static str]) -> Option<&'static str> {
        let given = self.string(name)?;
        let found = allowed
            .iter()
            .find(|a| a.eq_ignore_ascii_case(given.trim()))
            .copied();
        if found.is_none() {
            let allowed = allowed.join(", ");
            self.invalid(name, "not_one_of", &[("allowed", &allowed)]);
        }
        found
    }

    /// Reports every option not in `known` and returns the errors.
    pub fn finish(mut self, known: &[&str]) -> Errors {
        let unknown: Vec<String> = self
            .entries
            .iter()
            .filter(|(k, _)| !known.contains(&k.as_ref()))
            .map(|(k, _)| shown_key(k))
            .collect();
        let names = known.join(", ");
        for name in unknown.iter().take(UNKNOWN_FIELDS_LISTED) {
            self.invalid(name, "unknown_option", &[("allowed", &names)]);
        }
        if unknown.len() > UNKNOWN_FIELDS_LISTED {
            self.errs.push(
                "options",
                ErrorCode::MoreUnknownFields,
                params! {"count" => unknown.len() - UNKNOWN_FIELDS_LISTED},
            );
        }
        self.errs
    }
}

/// `invalid_option` for an option (or the options, `"options"`) of the wrong type.
fn mismatch(errs: &mut Errors, name: &str, expected: &str, got: &str) {
    let field = if name == "options" {
        Cow::Borrowed("options")
    } else {
        Cow::Owned(format!("options.{name}"))
    };
    let params = option_params(name, "wrong_type", &[("expected", expected), ("got", got)]);
    errs.push(field, ErrorCode::InvalidOption, params);
}

/// Options that a field rule takes, read by [`OptionsReader`].
pub(crate) trait ReadOptions: Sized {
    /// The option names.
    const NAMES: &'static [&'static str];

    /// The options, read by `r` (which has read `lang`).
    fn read(r: &mut OptionsReader<'_>) -> Self;

    /// The options from `source`, or the first problem with them.
    fn from_source(source: &(impl Source + ?Sized)) -> Result<Self, FieldError> {
        field_call(Input::Text, source)
    }
}

/// Options read from `source`, with every problem (the payload builders report them all).
pub(crate) fn read_all<O: ReadOptions>(source: &(impl Source + ?Sized)) -> (O, Errors) {
    let mut r = OptionsReader::new(source);
    let options = O::read(&mut r);
    (options, r.finish(O::NAMES))
}

/// [`read_all`] of JSON: the options, or every problem with them.
pub(crate) fn read_json<O: ReadOptions>(v: &Value) -> Result<O, Vec<ContactError>> {
    let (options, errs) = read_all(v);
    if errs.is_empty() {
        Ok(options)
    } else {
        Err(errs.list)
    }
}

/// A field function's input, as its caller gave it.
pub(crate) enum Input {
    /// A string.
    Text,
    /// A string with a lone UTF-16 surrogate (JS only), within the input limit.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Broken,
    /// Anything else: its type.
    Other(&'static str),
}

/// What every field function checks before its rule, natively from JSON and in the npm package
/// from JS, in this order: the input must be a string (`wrong_type`), the options valid (the
/// first problem with them), and the string whole (`invalid_unicode`). Every error is in the
/// language of the options' `lang` when that one is valid.
pub(crate) fn field_call<O: ReadOptions>(
    input: Input,
    source: &(impl Source + ?Sized),
) -> Result<O, FieldError> {
    let mut r = OptionsReader::new(source);
    if let Input::Other(got) = input {
        let params = params! {"got" => got};
        return Err(FieldError::with_params(
            ErrorCode::WrongType,
            params,
            r.lang(),
        ));
    }
    let options = O::read(&mut r);
    let mut errs = r.finish(O::NAMES);
    if let Input::Broken = input {
        errs.push("", ErrorCode::InvalidUnicode, params! {});
    }
    match errs.list.into_iter().next() {
        Some(e) => Err(e.error),
        None => Ok(options),
    }
}

/// [`field_call`] of JSON: the input's text and the options.
pub(crate) fn json_call<'a, O: ReadOptions>(
    input: &'a Value,
    options: &Value,
) -> Result<(&'a str, O), FieldError> {
    let text = input.as_str();
    let given = text.map_or(Input::Other(type_name(input)), |_| Input::Text);
    let options = field_call(given, options)?;
    Ok((text.unwrap_or_default(), options))
}

impl ReadOptions for crate::lang::FieldOptions {
    const NAMES: &'static [&'static str] = &["lang"];

    fn read(r: &mut OptionsReader<'_>) -> Self {
        crate::lang::FieldOptions::new(r.lang())
    }
}

impl ReadOptions for crate::phone::PhoneOptions {
    const NAMES: &'static [&'static str] = &["defaultCountry", "lang"];

    fn read(r: &mut OptionsReader<'_>) -> Self {
        crate::phone::PhoneOptions {
            default_country: r.string("defaultCountry"),
            lang: r.lang(),
        }
    }
}
