//! What a phone field in a form needs besides validation: `AsYouType` (shaped like
//! libphonenumber-js's class), `formatPhoneInput` (an `<input>`'s text and caret after an edit),
//! `getExampleNumber` and `getCountryCallingCode`. Thin wrappers of
//! `crate::phone`; nothing here throws, whatever it is given.

use wasm_bindgen::prelude::*;

use super::fields::prepare;
use super::tape::Tape;
use super::{to_js, JsFieldOptions};
use crate::lang::{FieldOptions, Lang};
use crate::options::{OptionsReader, ReadOptions};
use crate::phone::{self, NumberType};
use crate::{country, timezone};

#[wasm_bindgen]
extern "C" {
    /// A country code in TypeScript (`string`); any JS value at run time.
    #[wasm_bindgen(typescript_type = "string")]
    pub type JsCountryCode;
    /// A `NumberType` in TypeScript; any JS value at run time.
    #[wasm_bindgen(typescript_type = "NumberType")]
    pub type JsNumberType;
}

/// A phone number formatted while it is typed, as libphonenumber formats it.
#[wasm_bindgen(js_name = AsYouType)]
pub struct JsAsYouType {
    inner: phone::AsYouType,
}

#[wasm_bindgen(js_class = AsYouType)]
impl JsAsYouType {
    /// A formatter for numbers typed in `defaultCountry` (ISO 3166-1 alpha-2, any case); none,
    /// or anything that is not such a code, formats only numbers typed with `+`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = defaultCountry)] default_country: Option<JsCountryCode>,
    ) -> JsAsYouType {
        let country = default_country.and_then(|c| c.as_string());
        JsAsYouType {
            inner: phone::AsYouType::new(country.as_deref()),
        }
    }

    /// Appends `text` (typed or pasted) and returns the text to show. Anything but a string
    /// appends nothing.
    pub fn input(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> String {
        match text.as_string() {
            Some(text) => self.inner.input(&text).to_owned(),
            None => self.inner.output().to_owned(),
        }
    }

    /// Starts again, with the same default country.
    pub fn reset(&mut self) {
        self.inner.reset();
    }

    /// The number in E.164 once it is valid.
    #[wasm_bindgen(js_name = getNumberValue)]
    pub fn get_number_value(&self) -> Option<String> {
        self.inner.number_value()
    }

    /// The whole result, as `normalizePhone` gives it; `phone_incomplete` while more digits
    /// may complete it. Its message is in `options.lang` (English when none or not a language).
    #[wasm_bindgen(js_name = getNumber, unchecked_return_type = "PhoneResult")]
    pub fn get_number(&self, options: Option<JsFieldOptions>) -> JsValue {
        let lang = super::options_lang(options.as_deref());
        Tape::field(&self.inner.number_in(lang), None, &|| lang)
    }

    /// The region of the number, once known.
    #[wasm_bindgen(js_name = getCountry)]
    pub fn get_country(&self) -> Option<String> {
        self.inner.country()
    }

    /// The calling code typed, else the default country's.
    #[wasm_bindgen(js_name = getCallingCode)]
    pub fn get_calling_code(&self) -> Option<u16> {
        self.inner.calling_code()
    }

    /// Whether the length is one the country has.
    #[wasm_bindgen(js_name = isPossible)]
    pub fn is_possible(&self) -> bool {
        self.inner.is_possible()
    }

    /// Whether the number is valid.
    #[wasm_bindgen(js_name = isValid)]
    pub fn is_valid(&self) -> bool {
        self.inner.is_valid()
    }

    /// The text shown with every digit as `x`.
    #[wasm_bindgen(js_name = getTemplate)]
    pub fn get_template(&self) -> String {
        self.inner.template()
    }
}

/// The country's example number of a type (`"mobile"` by default), in every format; `undefined`
/// when it has none.
#[wasm_bindgen(js_name = getExampleNumber, unchecked_return_type = "Phone | undefined")]
pub fn get_example_number(
    #[wasm_bindgen(unchecked_param_type = "string")] country: JsValue,
    #[wasm_bindgen(js_name = numberType)] number_type: Option<JsNumberType>,
) -> JsValue {
    let Some(country) = country.as_string() else {
        return JsValue::UNDEFINED;
    };
    // Not given (`undefined`, `null`): mobile; anything but a type's name: none.
    let kind = match number_type.filter(|t| !t.is_undefined() && !t.is_null()) {
        None => Some(NumberType::Mobile),
        Some(t) => t
            .as_string()
            .and_then(|name| NUMBER_TYPES.iter().find(|t| t.as_str() == name).copied()),
    };
    match kind.and_then(|k| phone::example_number(&country, k)) {
        Some(example) => to_js(&example),
        None => JsValue::UNDEFINED,
    }
}

/// The number types an example can be asked for.
const NUMBER_TYPES: [NumberType; 11] = [
    NumberType::FixedLine,
    NumberType::Mobile,
    NumberType::FixedLineOrMobile,
    NumberType::TollFree,
    NumberType::PremiumRate,
    NumberType::SharedCost,
    NumberType::Voip,
    NumberType::PersonalNumber,
    NumberType::Pager,
    NumberType::Uan,
    NumberType::Voicemail,
];

/// The country's calling code (`1` for `"US"`); `undefined` for a code without phone metadata.
#[wasm_bindgen(js_name = getCountryCallingCode)]
pub fn get_country_calling_code(
    #[wasm_bindgen(unchecked_param_type = "string")] country: JsValue,
) -> Option<u16> {
    country.as_string().and_then(|c| phone::calling_code(&c))
}

/// The options of `formatPhoneInput`.
#[derive(Default)]
struct InputOptions {
    default_country: Option<String>,
    edit: phone::Edit,
}

impl ReadOptions for InputOptions {
    const NAMES: &'static [&'static str] = &["defaultCountry", "inputType", "lang"];

    fn read(r: &mut OptionsReader<'_>) -> Self {
        InputOptions {
            default_country: r.string("defaultCountry"),
            edit: r
                .string("inputType")
                .map(|t| phone::Edit::from_input_type(&t))
                .unwrap_or_default(),
        }
    }
}

/// An `<input>`'s text formatted after an edit (typing, pasting, deleting anywhere), with the
/// caret (UTF-16 code units, as `selectionStart`) after the same digit.
#[wasm_bindgen(js_name = formatPhoneInput, unchecked_return_type = "PhoneInputResult")]
pub fn format_phone_input(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number | null")] caret: Option<JsValue>,
    opts: Option<JsPhoneInputOptions>,
) -> JsValue {
    let (text, options) = match prepare::<InputOptions>(&value, opts.as_deref()) {
        Ok(prepared) => prepared,
        Err(error) => {
            let lang = || super::options_lang(opts.as_deref());
            return Tape::field::<phone::Phone>(&Err(error), None, &lang);
        }
    };
    let caret = caret.and_then(|c| c.as_f64()).unwrap_or(f64::INFINITY);
    let input = phone::format_input(
        &text,
        utf16_to_byte(&text, caret),
        options.edit,
        options.default_country.as_deref(),
    );
    let mut json = Json::new();
    json.raw("{\"ok\":true,\"value\":");
    json.text(&input.value);
    json.raw(",\"caret\":");
    json.number(byte_to_utf16(&input.value, input.caret));
    json.raw(",\"e164\":");
    json.optional(input.e164.as_deref());
    json.raw(if input.valid {
        ",\"valid\":true"
    } else {
        ",\"valid\":false"
    });
    json.raw(",\"country\":");
    json.optional(input.country.as_deref());
    json.raw(",\"callingCode\":");
    match input.calling_code {
        Some(code) => json.number(usize::from(code)),
        None => json.raw("null"),
    }
    json.raw("}");
    json.into_js()
}

/// JSON text written by hand for `JSON.parse`: the results of this file, without a serializer
/// compiled for each of their types (about 1.5 KB of .wasm each).
struct Json(String);

impl Json {
    fn new() -> Json {
        Json(String::with_capacity(256))
    }

    fn raw(&mut self, text: &str) {
        self.0.push_str(text);
    }

    /// A JSON string.
    fn text(&mut self, text: &str) {
        self.0.push('"');
        for c in text.chars() {
            match c {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                c if u32::from(c) < 0x20 => {
                    self.0.push_str("\\u00");
                    let hex = b"0123456789abcdef";
                    self.0.push(char::from(hex[usize::from(c as u8 >> 4)]));
                    self.0.push(char::from(hex[usize::from(c as u8 & 15)]));
                }
                c => self.0.push(c),
            }
        }
        self.0.push('"');
    }

    fn optional(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.text(text),
            None => self.raw("null"),
        }
    }

    fn number(&mut self, n: usize) {
        self.0.push_str(itoa::Buffer::new().format(n));
    }

    fn into_js(self) -> JsValue {
        js_sys::JSON::parse(&self.0).unwrap_or(JsValue::NULL)
    }
}

/// The byte offset in `text` of a UTF-16 offset (any number: clamped, rounded down, and moved
/// back to the start of a character it falls inside).
fn utf16_to_byte(text: &str, caret: f64) -> usize {
    if caret.is_nan() || caret <= 0.0 {
        return 0;
    }
    let mut units = 0.0;
    for (i, c) in text.char_indices() {
        units += c.len_utf16() as f64;
        if units > caret {
            return i;
        }
    }
    text.len()
}

/// The UTF-16 offset of a byte offset into `text`.
fn byte_to_utf16(text: &str, at: usize) -> usize {
    text.get(..at).unwrap_or(text).encode_utf16().count()
}

#[wasm_bindgen]
extern "C" {
    /// `PhoneInputOptions` in TypeScript.
    #[wasm_bindgen(typescript_type = "PhoneInputOptions")]
    pub type JsPhoneInputOptions;
}

#[wasm_bindgen(typescript_custom_section)]
const TS_FORMS: &'static str = r#"
export interface PhoneInputOptions {
  /** Country of numbers typed without "+" (a code or a name, as normalizeCountry reads it). */
  defaultCountry?: string | null;
  /**
   * The edit's `InputEvent.inputType`: after "deleteContentBackward" (Backspace) that took only
   * a separator away, the digit before it is deleted; after "deleteContentForward" (Delete),
   * the digit after it. Anything else formats the text as it is.
   */
  inputType?: string | null;
  /** Language of an options error; English by default. */
  lang?: Lang;
}

export interface PhoneInput {
  /** The text to show, e.g. "(650) 253-0000"; an extension or other text is kept as typed. */
  value: string;
  /** Where the caret goes (UTF-16 code units, as `setSelectionRange` takes it). */
  caret: number;
  /** E.164 once the number is valid, e.g. "+16502530000". */
  e164: string | null;
  valid: boolean;
  /** ISO 3166-1 alpha-2 of the number, once known. */
  country: string | null;
  /** The calling code typed, else the default country's. */
  callingCode: number | null;
}
export type PhoneInputResult = ({ ok: true } & PhoneInput) | Failure;
"#;

/// The language of a picker's names: `lang` of `{ lang }`, English when it is not given or is
/// not a language the names are in.
fn picker_lang(opts: Option<&JsValue>) -> Lang {
    super::read_options::<FieldOptions>(opts).map_or(Lang::En, |o| o.lang)
}

/// Every region with phone metadata, for a phone field's country picker: code, name in `lang`
/// (`"en"` unless `"es"`), calling code, flag and example number, sorted by name as the
/// language sorts.
#[wasm_bindgen(js_name = getCountries, unchecked_return_type = "CountryOption[]")]
pub fn get_countries(opts: Option<JsFieldOptions>) -> JsValue {
    let mut json = Json::new();
    for (i, c) in phone::countries(picker_lang(opts.as_deref()))
        .iter()
        .enumerate()
    {
        json.raw(if i == 0 { "[{\"code\":" } else { ",{\"code\":" });
        json.text(c.code);
        json.raw(",\"name\":");
        json.text(c.name);
        json.raw(",\"callingCode\":");
        json.number(usize::from(c.calling_code));
        json.raw(",\"flag\":");
        json.text(&c.flag);
        match &c.example {
            Some(example) => {
                json.raw(",\"example\":{\"e164\":");
                json.text(&example.e164);
                json.raw(",\"national\":");
                json.text(&example.national);
                json.raw(",\"international\":");
                json.text(&example.international);
                json.raw("}}");
            }
            None => json.raw(",\"example\":null}"),
        }
    }
    json.raw("]");
    json.into_js()
}

/// Every ISO 3166-1 country (what `normalizeCountry` gives), for a country field's picker:
/// code, alpha-3 code and name in `lang` (`"en"` unless `"es"`), sorted by name.
#[wasm_bindgen(js_name = getAllCountries, unchecked_return_type = "CountryListEntry[]")]
pub fn get_all_countries(opts: Option<JsFieldOptions>) -> JsValue {
    let lang = picker_lang(opts.as_deref());
    let mut json = Json::new();
    for (i, c) in country::sorted(lang).iter().enumerate() {
        json.raw(if i == 0 { "[{\"code\":" } else { ",{\"code\":" });
        json.text(c.alpha2);
        json.raw(",\"alpha3\":");
        json.text(c.alpha3);
        json.raw(",\"name\":");
        json.text(c.name(lang));
        json.raw("}");
    }
    json.raw("]");
    json.into_js()
}

/// Every canonical IANA timezone name (what `normalizeTimezone` gives), sorted.
#[wasm_bindgen(js_name = getTimezones, unchecked_return_type = "string[]")]
pub fn get_timezones() -> JsValue {
    // One string split by JS: no serializer compiled for a list of strings.
    let lines: Vec<&str> = timezone::all().collect();
    js_sys::JsString::from(lines.join("\n")).split("\n").into()
}

#[wasm_bindgen(typescript_custom_section)]
const TS_PICKERS: &'static str = r#"
/** A phone field's country picker entry (getCountries). */
export interface CountryOption {
  /** ISO 3166-1 alpha-2 (also "AC", "TA" and "XK", which have numbering plans). */
  code: string;
  /** Its name in the language asked for. */
  name: string;
  callingCode: number;
  /** The flag emoji, e.g. "🇲🇽". */
  flag: string;
  /** The example mobile number (else fixed-line), e.g. for a placeholder. */
  example: { e164: string; national: string; international: string } | null;
}

/** A country field's picker entry (getAllCountries). */
export interface CountryListEntry {
  /** ISO 3166-1 alpha-2, what normalizeCountry gives as value. */
  code: string;
  alpha3: string;
  /** Its name in the language asked for. */
  name: string;
}
"#;
