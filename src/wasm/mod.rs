//! The JS binding: compiled only for wasm32, thin, and knowing nothing about contact data.
//!
//! Values cross the boundary as JSON: inputs through `JSON.stringify` (which also turns a
//! cyclic or BigInt value into a caught exception instead of a trap) and `serde_json` (whose
//! recursion limit turns hostile nesting into an error instead of a stack overflow). The field
//! rules', payload builders' and batches' results are built by `tape.js` from a tape
//! (`tape.rs`), with the keys in its own code; the few others (a batch's summary, the message
//! templates) go through `serde_json` and `JSON.parse`. Both make plain objects and keep keys
//! such as `__proto__` as data. Nothing here throws: every failure is a result with
//! `ok: false`.

mod columns;
mod fields;
mod forms;
mod payload;
mod tape;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::{option_params, ErrorCode, FieldError, Params};
use crate::lang::Lang;

/// Serializes a result into a plain JS object.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    match serde_json::to_string(value) {
        Ok(json) => js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL),
        Err(_) => JsValue::NULL,
    }
}

/// How a JS value is named in `wrong_type` / `type_mismatch` messages.
pub(crate) fn js_type_name(v: &JsValue) -> &'static str {
    if v.is_undefined() {
        "undefined"
    } else if v.is_null() {
        "null"
    } else if v.as_bool().is_some() {
        "boolean"
    } else if v.as_f64().is_some() {
        "number"
    } else if v.is_string() {
        "string"
    } else if v.is_bigint() {
        "bigint"
    } else if v.is_symbol() {
        "symbol"
    } else if v.is_function() {
        "function"
    } else if is_array(v).unwrap_or(false) {
        "array"
    } else {
        "object"
    }
}

/// `JSON.stringify(value)`, or `None` when JS cannot (cycles, BigInt, a throwing `toJSON`) or
/// the value has no JSON form (`undefined`, a function).
pub(crate) fn stringify(value: &JsValue) -> Option<String> {
    json_text(value).as_string()
}

#[wasm_bindgen(module = "/src/wasm/guard.js")]
extern "C" {
    /// `JSON.stringify(value)` as a JS string, `undefined` when there is none or it throws.
    #[wasm_bindgen(js_name = jsonText)]
    fn json_text(value: &JsValue) -> JsValue;
    /// Why `JSON.stringify(value)` fails: 0 it does not, 1 a cycle or too deep, 2 a BigInt,
    /// 3 anything else.
    #[wasm_bindgen(js_name = stringifyFailure)]
    pub(crate) fn stringify_failure(value: &JsValue) -> u8;
    /// `Reflect.get(target, key)`; `undefined`, with [`last_failed`] true, when it throws.
    fn property(target: &JsValue, key: &JsValue) -> JsValue;
    /// `Object.keys(target)`; `[]`, with [`last_failed`] true, when it throws.
    #[wasm_bindgen(js_name = ownKeys)]
    fn own_keys(target: &JsValue) -> js_sys::Array;
    /// The UTF-8 bytes of a string, `undefined` when there is no memory for them. (Not
    /// `String::from(JsString)`, the glue's copy loop of one `charCodeAt` per character: about
    /// 6 ns per character for a batch chunk, where `TextEncoder` copies natively.)
    fn utf8(text: &js_sys::JsString) -> JsValue;
    /// Whether the last [`property`] or [`own_keys`] threw.
    #[wasm_bindgen(js_name = lastFailed)]
    fn last_failed() -> bool;
}

/// `target[key]`, or `None` when reading it throws (a Proxy's trap, a getter, a revoked Proxy,
/// a target that is not an object).
pub(crate) fn get(target: &JsValue, key: &JsValue) -> Option<JsValue> {
    let value = property(target, key);
    (!last_failed()).then_some(value)
}

/// `Object.keys(target)`, or `None` when it throws (a revoked Proxy, an `ownKeys` trap).
pub(crate) fn object_keys(target: &JsValue) -> Option<js_sys::Array> {
    let keys = own_keys(target);
    (!last_failed()).then_some(keys)
}

/// What [`stringify_long`] made of a value.
pub(crate) enum Long {
    /// Its JSON text.
    Text(String),
    /// Its JSON text is over the limit given (nothing was copied into the module).
    OverMax,
    /// It has no JSON text.
    None,
}

/// `JSON.stringify(value)` like [`stringify`], for texts of many KB (a batch chunk): the UTF-8
/// bytes come from `TextEncoder` in one copy. `JSON.stringify` escapes lone surrogates, so the
/// text is always well-formed and encodes to the same bytes as [`stringify`]'s. A text over
/// `max` bytes is not copied into the module.
pub(crate) fn stringify_long(value: &JsValue, max: usize) -> Long {
    let Some(text) = json_text(value).dyn_into::<js_sys::JsString>().ok() else {
        return Long::None;
    };
    // Each UTF-16 unit is 1 to 3 UTF-8 bytes: only a text that may be over `max` is measured.
    if text.length() as usize > max {
        return Long::OverMax;
    }
    let Some(bytes) = utf8(&text).dyn_into::<js_sys::Uint8Array>().ok() else {
        return Long::OverMax;
    };
    if bytes.length() as usize > max {
        return Long::OverMax;
    }
    match String::from_utf8(bytes.to_vec()) {
        Ok(text) => Long::Text(text),
        Err(_) => Long::None,
    }
}

/// Options a JS caller gives as an object of strings: each known key set from its string.
pub(crate) trait JsOptions: Default {
    /// The option names, in the order the error for an unknown one lists them.
    const NAMES: &'static [&'static str];

    /// Sets the option `key` (one of [`JsOptions::NAMES`]) from a string; `Err` with the
    /// `invalid_option` params when the option does not take this value.
    fn set(&mut self, key: &str, value: &str) -> Result<(), Params>;

    /// Whether `key` is an option.
    fn knows(key: &str) -> bool {
        // A list, not one text to split: splitting compiles 1.4 KB of `core::str` on the first
        // call of a fresh Wasm instance.
        Self::NAMES.contains(&key)
    }
}

/// The params for a `lang` option that is no language the messages have.
pub(super) fn unknown_lang(value: &str) -> Params {
    let shown: String = value.chars().take(16).collect();
    option_params(
        "lang",
        "unknown_language",
        &[("value", &shown), ("allowed", Lang::tags())],
    )
}

impl JsOptions for crate::lang::FieldOptions {
    const NAMES: &'static [&'static str] = &["lang"];

    fn set(&mut self, _: &str, value: &str) -> Result<(), Params> {
        self.lang = Lang::parse(value).ok_or_else(|| unknown_lang(value))?;
        Ok(())
    }
}

impl JsOptions for crate::phone::PhoneOptions {
    const NAMES: &'static [&'static str] = &["defaultCountry", "lang"];

    fn set(&mut self, key: &str, value: &str) -> Result<(), Params> {
        if key == "lang" {
            self.lang = Lang::parse(value).ok_or_else(|| unknown_lang(value))?;
        } else {
            self.default_country = Some(value.to_string());
        }
        Ok(())
    }
}

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws on a revoked proxy: caught here (a `catch` import that
    /// returns a number keeps nothing when it catches, unlike those returning a JS value).
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    pub(crate) fn is_array(v: &JsValue) -> Result<bool, JsValue>;
}

/// The options as `JSON.stringify` writes the common case, an object of strings without escapes
/// (`{"defaultCountry":"ES"}`), read without a JSON parser; `None` for any other text, which
/// serde_json then reads or reports.
fn plain_options<T: JsOptions>(json: &str) -> Option<T> {
    let mut options = T::default();
    let mut rest = json.strip_prefix('{')?;
    if rest == "}" {
        return Some(options);
    }
    loop {
        let (key, after) = rest.strip_prefix('"')?.split_once('"')?;
        let (value, after) = after.strip_prefix(":\"")?.split_once('"')?;
        if key.contains('\\')
            || value.contains('\\')
            || !T::knows(key)
            || options.set(key, value).is_err()
        {
            return None;
        }
        match after.strip_prefix(',') {
            Some(more) => rest = more,
            None => return (after == "}").then_some(options),
        }
    }
}

/// Reads an options object. `undefined` and `null` give the defaults; anything else must be an
/// object whose keys the options know. An error's message is in the object's own `lang` when
/// that one is valid.
pub(crate) fn read_options<T: JsOptions>(opts: Option<&JsValue>) -> Result<T, FieldError> {
    let Some(v) = opts.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(T::default());
    };
    // An object (not a function or primitive with a `toJSON`) whose JSON text starts with `{`
    // is what serde_json would read as options; arrays and boxed values write other text.
    let json = if v.is_object() { stringify(v) } else { None };
    match json.as_deref().and_then(plain_options) {
        Some(options) => Ok(options),
        None => other_options(v, json),
    }
}

/// [`read_options`] of an object that is not the common case (or not an object), `json` its
/// JSON text if any. Out of line: the first call of a fresh Wasm instance compiles
/// `read_options`' callers, and options of plain strings never need this.
#[inline(never)]
fn other_options<T: JsOptions>(v: &JsValue, json: Option<String>) -> Result<T, FieldError> {
    let name = js_type_name(v);
    if name != "object" {
        return Err(FieldError::with_params(
            ErrorCode::InvalidOption,
            option_params(
                "options",
                "wrong_type",
                &[("expected", "object"), ("got", name)],
            ),
            Lang::En,
        ));
    }
    let Some(json) = json else {
        return Err(FieldError::with_params(
            ErrorCode::InvalidOption,
            option_params("options", "not_json", &[]),
            Lang::En,
        ));
    };
    json_options(&json)
}

/// Reads options from their JSON text (any the fast path left: escapes, `null`, wrong types,
/// unknown keys). The first problem is the error, in the language of a valid `lang` option.
fn json_options<T: JsOptions>(json: &str) -> Result<T, FieldError> {
    let mut options = T::default();
    set_json_options(json, T::NAMES, &mut |key, value| options.set(key, value))?;
    Ok(options)
}

/// [`json_options`] for any options type: `set` sets one of `names`. One copy in the .wasm for
/// every options type (a generic one was 3.5 KB each).
#[inline(never)]
fn set_json_options(
    json: &str,
    names: &[&str],
    set: &mut dyn FnMut(&str, &str) -> Result<(), Params>,
) -> Result<(), FieldError> {
    let invalid = |params: Params, lang: Lang| {
        Err(FieldError::with_params(
            ErrorCode::InvalidOption,
            params,
            lang,
        ))
    };
    let object = match serde_json::from_str::<serde_json::Value>(json) {
        Ok(serde_json::Value::Object(object)) => object,
        other => {
            // An option whose text has a lone surrogate, which serde_json cannot read.
            let (value, broken) = crate::payload::parse_row(json, Lang::En);
            let lone = broken
                .iter()
                .find(|e| e.error.code == ErrorCode::InvalidUnicode);
            if let Some(e) = lone {
                let lang = value
                    .get("lang")
                    .and_then(|l| l.as_str())
                    .and_then(Lang::parse)
                    .unwrap_or_default();
                return invalid(option_params(&e.field, "broken_character", &[]), lang);
            }
            let got = match other {
                Ok(v) => crate::payload::type_name(&v),
                Err(_) => "invalid_json",
            };
            let data = [("expected", "object"), ("got", got)];
            return invalid(option_params("options", "wrong_type", &data), Lang::En);
        }
    };
    let lang = object
        .get("lang")
        .and_then(|l| l.as_str())
        .and_then(Lang::parse)
        .unwrap_or_default();
    for (key, value) in &object {
        if !names.contains(&key.as_str()) {
            let names = names.join(", ");
            let data = [("allowed", names.as_str())];
            return invalid(option_params(key, "unknown_option", &data), lang);
        }
        match value {
            serde_json::Value::String(text) => {
                if let Err(params) = set(key, text) {
                    return invalid(params, lang);
                }
            }
            // `null` is "not given", for every option, as the payload builders read it.
            serde_json::Value::Null => {}
            other => {
                let got = crate::payload::type_name(other);
                let data = [("expected", "string"), ("got", got)];
                return invalid(option_params(key, "wrong_type", &data), lang);
            }
        }
    }
    Ok(())
}

/// The `lang` option of a possibly invalid options object, for messages about the input.
pub(crate) fn options_lang(opts: Option<&JsValue>) -> Lang {
    opts.and_then(|v| get(v, &JsValue::from_str("lang")))
        .and_then(|l| l.as_string())
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_default()
}

#[wasm_bindgen]
extern "C" {
    /// `Lang` in TypeScript: the union of the languages' tags.
    #[wasm_bindgen(typescript_type = "Lang")]
    pub type JsLang;
    /// `FieldOptions` in TypeScript.
    #[wasm_bindgen(typescript_type = "FieldOptions")]
    pub type JsFieldOptions;
    /// `PhoneOptions` in TypeScript.
    #[wasm_bindgen(typescript_type = "PhoneOptions")]
    pub type JsPhoneOptions;
}

/// The language a JS caller names (`undefined` and unknown tags are English).
fn lang_of(lang: Option<JsLang>) -> Lang {
    lang.and_then(|l| l.as_string())
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_default()
}

/// Every error code with its message template in `lang` (`"en"` unless another language's tag
/// is given), for a UI that shows its own wording for some codes.
#[wasm_bindgen(js_name = errorMessages, unchecked_return_type = "Record<ErrorCode, string>")]
pub fn error_messages(lang: Option<JsLang>) -> JsValue {
    /// Every code's template, in the order the codes are declared.
    struct Templates(Lang);
    impl Serialize for Templates {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let messages = self.0.messages();
            s.collect_map(
                crate::messages::CODES
                    .iter()
                    .map(|(code, name)| (*name, messages.template(*code))),
            )
        }
    }
    to_js(&Templates(lang_of(lang)))
}

/// The words of the params whose values are tokens, in `lang`: `types` for `expected` and `got`,
/// `reasons` for `invalid_option`'s `reason`, for a UI that fills `errorMessages` itself.
#[wasm_bindgen(js_name = messageWords, unchecked_return_type = "MessageWords")]
pub fn message_words(lang: Option<JsLang>) -> JsValue {
    /// A table of words as an object, `{token: words}`.
    struct Words(&'static [(&'static str, &'static str)]);
    impl Serialize for Words {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().copied())
        }
    }
    #[derive(Serialize)]
    struct MessageWords {
        types: Words,
        reasons: Words,
    }
    let messages = lang_of(lang).messages();
    to_js(&MessageWords {
        types: Words(messages.types),
        reasons: Words(messages.reasons),
    })
}

#[wasm_bindgen(typescript_custom_section)]
const TS_MESSAGE_WORDS: &'static str = r#"
/** The words of the params whose values are tokens, in one language (`messageWords(lang)`). */
export interface MessageWords {
  /** For `expected` and `got`: `{ number: "un número", ... }`. */
  types: Record<string, string>;
  /**
   * For `invalid_option`'s `reason`: templates filled from the same params, whose
   * `expected` and `got` take `types` in turn.
   */
  reasons: Record<string, string>;
}
"#;

/// `Lang` in TypeScript, from the list of languages.
#[wasm_bindgen(typescript_custom_section)]
const TS_LANG: &'static str = crate::messages::TS_LANG;

#[wasm_bindgen(typescript_custom_section)]
const TS_COMMON: &'static str = r#"
/** Options of the field rules that take only a message language. */
export interface FieldOptions {
  /** Language of error messages; English by default. */
  lang?: Lang;
}
"#;
