//! The JS binding: compiled only for wasm32, thin, and knowing nothing about contact data.
//!
//! It converts and reports facts; the rules are the core's. Field inputs arrive as JS strings
//! (`wrong_type` and `invalid_unicode` decided by `crate::options::field_call`, told what JS
//! can see: the value's type, a lone surrogate). Options objects are read key by key through
//! `guard.js` (`optionEntries`, read as `JSON.stringify` reads an object) by the core's one
//! options reader (`crate::options`): no JSON text and no `serde_json::Value`. Contacts, rows
//! and import-flow inputs cross as JSON text: `JSON.stringify` (which also turns a cyclic or
//! BigInt value into a caught exception instead of a trap), then the payload module's readers
//! (serde_json, whose recursion limit turns hostile nesting into an error instead of a stack
//! overflow); what has no JSON text is named through `payload::NoJson`, a chunk that is not
//! an array or too large through `payload::RowsProblem`. Every read of a caller's value that
//! may run the caller's code goes through `guard.js`, which catches. Results of field rules,
//! builders and batches are built by `tape.js` from a tape (`tape.rs`); the few others (a
//! batch's summary, the message templates) go through serde_json and `JSON.parse`. Both make
//! plain objects and keep keys such as `__proto__` as data. Nothing here throws: every failure
//! is a result with `ok: false`.

// Each group of exports is compiled unless `CONTACTKIT_EXPORTS` leaves it out
// (`build/exports.rs`: only `bench/size_by_field.mjs` does).
#[cfg(contactkit_export = "columns")]
mod columns;
mod fields;
#[cfg(contactkit_export = "forms")]
mod forms;
#[cfg(contactkit_export = "payload")]
mod payload;
mod tape;

use std::borrow::Cow;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::FieldError;
use crate::lang::Lang;
use crate::options::{OptionValue, ReadOptions, Source};

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
    /// An options object's entries as `[name, value, ...]` (as `JSON.stringify` reads the
    /// object), or what it is instead (`"array"`, `"string"` for a Date, `"unreadable"`, ...).
    #[wasm_bindgen(js_name = optionEntries)]
    fn option_entries(value: &JsValue) -> JsValue;
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

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws on a revoked proxy: caught here (a `catch` import that
    /// returns a number keeps nothing when it catches, unlike those returning a JS value).
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    pub(crate) fn is_array(v: &JsValue) -> Result<bool, JsValue>;
}

/// A caller's options object, read by the core's one options reader (`crate::options`) from
/// its own keys and values: no JSON text, and no `serde_json::Value`.
pub(crate) struct JsOptions<'a>(pub Option<&'a JsValue>);

impl Source for JsOptions<'_> {
    fn entries(&self) -> Result<Vec<(Cow<'_, str>, OptionValue<'_>)>, &'static str> {
        let Some(v) = self.0.filter(|v| !v.is_undefined() && !v.is_null()) else {
            return Ok(Vec::new());
        };
        if !v.is_object() {
            return Err(js_type_name(v));
        }
        let entries = option_entries(v);
        let Some(entries) = entries.dyn_ref::<js_sys::Array>() else {
            // What `optionEntries` says instead of entries (typeof's names and its own).
            const KINDS: [&str; 10] = [
                "array",
                "string",
                "number",
                "boolean",
                "null",
                "undefined",
                "bigint",
                "symbol",
                "function",
                "unreadable",
            ];
            let kind = entries.as_string().unwrap_or_default();
            return Err(KINDS
                .iter()
                .find(|k| **k == kind)
                .copied()
                .unwrap_or("object"));
        };
        let mut out = Vec::with_capacity(entries.length() as usize / 2);
        let mut i = 0;
        while i + 1 < entries.length() {
            let name = entries.get(i).as_string().unwrap_or_default();
            out.push((Cow::Owned(name), option_value(&entries.get(i + 1))));
            i += 2;
        }
        Ok(out)
    }
}

/// One option's value as the reader sees it.
fn option_value(v: &JsValue) -> OptionValue<'static> {
    if v.is_undefined() || v.is_null() {
        return OptionValue::Null;
    }
    match v.as_string() {
        // The glue turns a lone surrogate into U+FFFD: only then is the JS string looked at again.
        Some(text) if text.contains('\u{FFFD}') && !is_well_formed(v) => OptionValue::Broken,
        Some(text) => OptionValue::Text(Cow::Owned(text)),
        None => OptionValue::Other(js_type_name(v)),
    }
}

/// Whether a JS string has no lone surrogate.
pub(crate) fn is_well_formed(v: &JsValue) -> bool {
    v.dyn_ref::<js_sys::JsString>()
        .is_some_and(|s| s.is_valid_utf16())
}

/// The language of an options object's `lang` when it is valid, whatever else is wrong with
/// them (for messages about the input).
pub(crate) fn options_lang(opts: Option<&JsValue>) -> Lang {
    crate::options::OptionsReader::new(&JsOptions(opts)).lang()
}

/// Options of a field function, or the first problem with them.
pub(crate) fn read_options<T: ReadOptions>(opts: Option<&JsValue>) -> Result<T, FieldError> {
    T::from_source(&JsOptions(opts))
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
