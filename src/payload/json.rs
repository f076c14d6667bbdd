//! Contacts given as JSON text (the JS binding, a queue, a file): parsed with serde_json's
//! recursion limit, so hostile nesting is an error and never a stack overflow, and an over-deep
//! field is named instead of failing the whole contact.

use std::borrow::Cow;
use std::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::common::{shown_key, Errors, Field, Fields};
use super::limits::METADATA_MAX_DEPTH;
use super::ContactError;
use crate::error::ErrorCode;
use crate::lang::Lang;
use crate::params;

/// Parses a contact's JSON text.
///
/// When the text nests deeper than serde_json reads (128 levels), the top-level object is
/// split into its fields and each is parsed alone, so the over-deep fields are reported as
/// `nesting_too_deep` and the others can still be checked. Text that is not JSON at all is
/// `not_an_object`.
///
/// ```
/// use contactkit::{payload::parse_contact_json, Lang};
///
/// let deep = format!(r#"{{"full_name":"Ana","metadata":{}{}}}"#, "[".repeat(500), "]".repeat(500));
/// let errors = parse_contact_json(&deep, Lang::En).unwrap_err();
/// assert_eq!(errors[0].field, "metadata");
/// assert_eq!(errors[0].error.code.as_str(), "nesting_too_deep");
/// ```
pub fn parse_contact_json(text: &str, lang: Lang) -> Result<Value, Vec<ContactError>> {
    let (value, broken) = parse_row(text, lang);
    if broken.is_empty() {
        Ok(value)
    } else {
        Err(broken)
    }
}

/// serde_json's recursion limit: a value with objects and arrays nested this deep is refused.
const SERDE_JSON_MAX_DEPTH: usize = 128;

/// Parses a row: the value (with unreadable fields left out) and the errors on those fields.
pub(crate) fn parse_row(text: &str, lang: Lang) -> (Value, Vec<ContactError>) {
    match serde_json::from_str::<Value>(text) {
        Ok(v) => (v, Vec::new()),
        Err(_) => {
            let mut errs = Errors::new(lang);
            let mut map = Map::new();
            match split_object(text) {
                Some(fields) => {
                    for (key_text, value_text) in fields {
                        let key = match serde_json::from_str::<String>(key_text) {
                            Ok(key) => key,
                            // A key with a lone surrogate: named with U+FFFD in its place.
                            Err(_) => match without_lone_surrogates(key_text)
                                .and_then(|k| serde_json::from_str::<String>(&k).ok())
                            {
                                Some(key) => {
                                    errs.push(
                                        shown_key(&key),
                                        ErrorCode::InvalidUnicode,
                                        params! {},
                                    );
                                    continue;
                                }
                                None => return not_json(lang),
                            },
                        };
                        match serde_json::from_str::<Value>(value_text) {
                            Ok(v) => {
                                map.insert(key, v);
                            }
                            Err(_) if without_lone_surrogates(value_text).is_some() => {
                                errs.push(shown_key(&key), ErrorCode::InvalidUnicode, params! {});
                            }
                            Err(_) if depth(value_text.as_bytes()) >= SERDE_JSON_MAX_DEPTH => {
                                let field = shown_key(&key);
                                errs.push(
                                    field,
                                    ErrorCode::NestingTooDeep,
                                    params! {"max" => METADATA_MAX_DEPTH},
                                );
                            }
                            Err(_) => return not_json(lang),
                        }
                    }
                    (Value::Object(map), errs.list)
                }
                None => not_json(lang),
            }
        }
    }
}

/// A row read from its JSON text without building a [`Value`] for the whole: what [`parse_row`]
/// does when serde_json cannot read the row at once (its fields split apart, each value parsed
/// alone), except that text is borrowed from the row where it has no escapes and no map is
/// built. It gives the fields serde_json would (a repeated key keeps its first place and its
/// last value); a row that is not such an object, has a field that does not parse alone, or more
/// than [`Row::MAX_FIELDS`] fields is not read (`None`), and goes to [`parse_row`].
pub(crate) struct Row<'t>(Read<'t>);

/// How a row's fields were read.
enum Read<'t> {
    /// Every key and value borrowed from the text: the fields as the builders read them.
    Plain(Vec<(&'t str, Field<'t>)>),
    /// Some of them unescaped, or values parsed.
    General(Vec<(Cow<'t, str>, RowValue<'t>)>),
}

enum RowValue<'t> {
    Text(Cow<'t, str>),
    Json(Value),
}

/// With its `raw_value` feature, serde_json reads an object whose first key is this as the JSON
/// text of its value, not as an object: such rows are left to [`parse_row`].
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// A row's fields as [`Row::read_general`] reads them: a repeated key keeps its first place and
/// its last value, as in a [`Map`].
struct GeneralRow<'t>(Vec<(Cow<'t, str>, RowValue<'t>)>);

impl<'de> Deserialize<'de> for GeneralRow<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = GeneralRow<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut fields: Vec<(Cow<'de, str>, RowValue<'de>)> = Vec::with_capacity(8);
                let mut members = 0;
                while let Some(Text(key)) = map.next_key()? {
                    members += 1;
                    if members > Row::MAX_FIELDS || (members == 1 && key == RAW_VALUE_TOKEN) {
                        return Err(de::Error::custom("left to parse_row"));
                    }
                    let value = map.next_value()?;
                    match fields.iter().position(|(k, _)| *k == key) {
                        Some(i) => fields[i].1 = value,
                        None => fields.push((key, value)),
                    }
                }
                Ok(GeneralRow(fields))
            }
        }
        d.deserialize_map(Fields)
    }
}

/// A JSON string, borrowed from the text when it has no escapes.
struct Text<'t>(Cow<'t, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(RowValueVisitor).and_then(|v| match v {
            RowValue::Text(t) => Ok(Text(t)),
            RowValue::Json(_) => Err(de::Error::custom("expected a string")),
        })
    }
}

impl<'de> Deserialize<'de> for RowValue<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RowValueVisitor)
    }
}

/// A string as text (borrowed where it can be), anything else as the [`Value`] serde_json makes
/// of it (numbers with their text kept).
struct RowValueVisitor;

impl<'de> Visitor<'de> for RowValueVisitor {
    type Value = RowValue<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(RowValue::Text(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(RowValue::Text(Cow::Owned(v.to_string())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(RowValue::Text(Cow::Owned(v)))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(RowValue::Json(Value::Bool(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(RowValue::Json(Value::from(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(RowValue::Json(Value::from(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(RowValue::Json(Value::from(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(RowValue::Json(Value::Null))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(RowValue::Json)
    }

    /// An object, or (with serde_json's `arbitrary_precision`) a number, which it gives as a
    /// map: [`Value`]'s own visitor tells them apart.
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(map)).map(RowValue::Json)
    }
}

impl<'t> Row<'t> {
    /// Rows with more fields go through [`parse_row`] (a repeated key is found by a linear
    /// search here).
    const MAX_FIELDS: usize = 32;

    /// Reads a row's JSON text.
    pub fn read(text: &'t str) -> Option<Self> {
        match Self::read_plain(text) {
            Some(fields) => Some(Row(Read::Plain(fields))),
            None => Self::read_general(text),
        }
    }

    /// [`Row::read`] of a text that is not a plain row: serde_json reads it, with keys and
    /// string values borrowed where they have no escapes, and other values as [`Value`]s.
    fn read_general(text: &'t str) -> Option<Self> {
        let mut de = serde_json::Deserializer::from_str(text);
        let GeneralRow(fields) = GeneralRow::deserialize(&mut de).ok()?;
        de.end().ok()?;
        Some(Row(Read::General(fields)))
    }

    /// A row as `JSON.stringify` writes most of them: no white space, and every key and value
    /// a string without escapes or control characters, each key once. Read in one pass, each
    /// string's bytes looked at once; `None` for any other text, which [`Row::read`]'s general
    /// reader takes (and for the rows that reader gives up on: too many fields, or the raw
    /// value token first).
    fn read_plain(text: &'t str) -> Option<Vec<(&'t str, Field<'t>)>> {
        Self::read_plain_at(text, 0)
            .filter(|&(_, end)| end == text.len())
            .map(|(fields, _)| fields)
    }

    /// [`Row::read_plain`] of the object that starts at `start` in `text`: its fields, and the
    /// index after its `}`.
    fn read_plain_at(text: &'t str, start: usize) -> Option<(Vec<(&'t str, Field<'t>)>, usize)> {
        let b = text.as_bytes();
        // The inside of the plain string that starts at `i`, and the index after it.
        let plain = |i: usize| -> Option<(&'t str, usize)> {
            if b.get(i) != Some(&b'"') {
                return None;
            }
            let mut j = i + 1;
            loop {
                match *b.get(j)? {
                    b'"' => return Some((text.get(i + 1..j)?, j + 1)),
                    c if c < 0x20 || c == b'\\' => return None,
                    _ => j += 1,
                }
            }
        };
        if b.get(start) != Some(&b'{') {
            return None;
        }
        let mut fields = Vec::with_capacity(8);
        if b.get(start + 1) == Some(&b'}') {
            return Some((fields, start + 2));
        }
        let mut i = start + 1;
        loop {
            let (key, colon) = plain(i)?;
            if b.get(colon) != Some(&b':') {
                return None;
            }
            let (value, end) = plain(colon + 1)?;
            if fields.len() == Self::MAX_FIELDS
                || (fields.is_empty() && key == RAW_VALUE_TOKEN)
                || fields.iter().any(|(k, _)| *k == key)
            {
                return None;
            }
            fields.push((key, Field::Text(value)));
            match b.get(end) {
                Some(b',') => i = end + 1,
                Some(b'}') => return Some((fields, end + 1)),
                _ => return None,
            }
        }
    }

    /// The fields, as the builders read them (a plain row's as they are).
    pub fn fields(&self) -> Cow<'_, Fields<'_>> {
        let fields = match &self.0 {
            Read::Plain(fields) => return Cow::Borrowed(fields),
            Read::General(fields) => fields,
        };
        let mut out = Vec::with_capacity(fields.len());
        for (k, v) in fields {
            let v = match v {
                RowValue::Text(t) => Field::Text(t),
                RowValue::Json(v) => Field::Json(v),
            };
            out.push((k.as_ref(), v));
        }
        Cow::Owned(out)
    }
}

/// JSON text with each lone UTF-16 surrogate escape (`\ud83d` without its other half, which
/// `JSON.stringify` writes for a string cut inside an emoji) replaced by `\ufffd`; `None` when
/// it has none. Such text is valid JSON, but has no UTF-8 form: serde_json refuses it.
pub(crate) fn without_lone_surrogates(text: &str) -> Option<String> {
    let b = text.as_bytes();
    // The code unit of the `\\uXXXX` escape at `i`, if there is one.
    let unit = |i: usize| -> Option<u16> {
        if b.get(i) != Some(&b'\\') || b.get(i + 1) != Some(&b'u') {
            return None;
        }
        u16::from_str_radix(text.get(i + 2..i + 6)?, 16).ok()
    };
    let mut lone = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(i) {
            Some(0xD800..=0xDBFF) if matches!(unit(i + 6), Some(0xDC00..=0xDFFF)) => i += 12,
            Some(0xD800..=0xDFFF) => {
                lone.push(i);
                i += 6;
            }
            // Any other escape: the backslash and the character after it.
            _ => i += 2,
        }
    }
    if lone.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for at in lone {
        out.push_str(&text[from..at]);
        out.push_str("\\ufffd");
        from = at + 6;
    }
    out.push_str(&text[from..]);
    Some(out)
}

fn not_json(lang: Lang) -> (Value, Vec<ContactError>) {
    let e = super::common::not_an_object("invalid_json", lang);
    (Value::Object(Map::new()), vec![e])
}

/// Why a member of a caller's object has no JSON text, as a binding finds out (its
/// `JSON.stringify` throws): reported here, so that every reader names it alike.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) enum NoJson {
    /// A cycle, or nesting deeper than the host writes: `nesting_too_deep`.
    TooDeep,
    /// A value of a type JSON has no form for (`"bigint"`), or one that cannot be read
    /// (`"unreadable"`: a Proxy's trap or a getter throws): `type_mismatch`.
    Type(&'static str),
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
impl NoJson {
    /// The error on the member `key` (or on the row itself when `key` is empty).
    pub fn error(self, key: &str, lang: Lang) -> ContactError {
        let (code, params) = match self {
            NoJson::TooDeep => (
                ErrorCode::NestingTooDeep,
                params! {"max" => METADATA_MAX_DEPTH},
            ),
            NoJson::Type(got) => (
                ErrorCode::TypeMismatch,
                params! {"expected" => "json", "got" => got},
            ),
        };
        ContactError::new(shown_key(key), code, params, lang)
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b
        .get(i)
        .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    {
        i += 1;
    }
    i
}

/// The end (exclusive) of the JSON string starting at `i` (a `"`), or `None`.
fn string_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    loop {
        match b.get(j)? {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
}

/// How deep objects and arrays nest in the JSON text `b` (strings skipped): a scalar is 0.
fn depth(b: &[u8]) -> usize {
    let (mut depth, mut max, mut i) = (0usize, 0, 0);
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => match string_end(b, i) {
                Some(end) => {
                    i = end;
                    continue;
                }
                None => break,
            },
            b'{' | b'[' => {
                depth += 1;
                max = max.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    max
}

/// Splits the top-level object of `text` into (key text, value text) pairs without parsing
/// the values, so a value of any depth is scanned in constant stack. `None` when `text` is not
/// an object of that shape (the values are checked when each is parsed).
fn split_object(text: &str) -> Option<Vec<(&str, &str)>> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let member = |i| {
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let key_end = string_end(b, i)?;
        let key = text.get(i..key_end)?;
        let colon = skip_ws(b, key_end);
        if b.get(colon) != Some(&b':') {
            return None;
        }
        let start = skip_ws(b, colon + 1);
        let j = value_end(b, start, b'}')?;
        Some(((key, text.get(start..j)?.trim_end()), j))
    };
    split_members(text, b'{', b'}', member, |pair| {
        out.push(pair);
        Some(())
    })?;
    Some(out)
}

/// Splits a top-level array into the texts of its elements without parsing them (a batch
/// chunk as `JSON.stringify` writes it: one scan, where serde_json's `Vec<&RawValue>` read
/// every element once more than the rows' own reader then does). `None` when `text` is not an
/// array of that shape; the elements are checked when each row is read.
///
/// Each element is given with its text and, when it is an object the rows' reader takes, read
/// as a row ([`Row::read`]): a plain row in the same scan as the split, any other once after it
/// (not tried as a plain row again).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn split_rows(text: &str) -> Option<Vec<(&str, Option<Row<'_>>)>> {
    let b = text.as_bytes();
    let member = |i| {
        if let Some((fields, end)) = Row::read_plain_at(text, i) {
            if matches!(b.get(end), Some(b',' | b']')) {
                let row = Row(Read::Plain(fields));
                return Some(((text.get(i..end)?, Some(row)), end));
            }
        }
        let j = value_end(b, i, b']')?;
        let element = text.get(i..j)?.trim_end();
        (!element.is_empty()).then(|| ((element, Row::read_general(element)), j))
    };
    let mut out = Vec::new();
    split_members(text, b'[', b']', member, |element| {
        out.push(element);
        Some(())
    })?;
    Some(out)
}

/// The members of the `open` … `close` container that is the whole of `text` (white space
/// around it aside), each read by `member` from the index where it starts, which gives it back
/// with the index of the `,` or `close` after it, then given to `each`. `None` when `text` is
/// not such a container, or when `member` or `each` gives `None`.
fn split_members<T>(
    text: &str,
    open: u8,
    close: u8,
    mut member: impl FnMut(usize) -> Option<(T, usize)>,
    mut each: impl FnMut(T) -> Option<()>,
) -> Option<()> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&open) {
        return None;
    }
    i = skip_ws(b, i + 1);
    if b.get(i) == Some(&close) {
        return (skip_ws(b, i + 1) == b.len()).then_some(());
    }
    loop {
        let (item, j) = member(i)?;
        each(item)?;
        if b.get(j) == Some(&close) {
            return (skip_ws(b, j + 1) == b.len()).then_some(());
        }
        i = skip_ws(b, j + 1);
    }
}

/// Where the value starting at `start` ends: the index of the `,` or `close` after it at the
/// same depth (strings skipped), or `None` when the text ends first.
fn value_end(b: &[u8], start: usize, close: u8) -> Option<usize> {
    let mut j = start;
    let mut depth: usize = 0;
    loop {
        match *b.get(j)? {
            b'"' => {
                j = string_end(b, j)?;
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth > 0 => depth -= 1,
            c if depth == 0 && (c == b',' || c == close) => return Some(j),
            _ => {}
        }
        j += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_top_level_fields() {
        let t = r#" { "a" : 1 , "b":{"c":[1,"}",{}]}, "d\"e":"x,y" } "#;
        let parts = split_object(t).unwrap();
        assert_eq!(
            parts,
            vec![
                (r#""a""#, "1"),
                (r#""b""#, r#"{"c":[1,"}",{}]}"#),
                (r#""d\"e""#, r#""x,y""#)
            ]
        );
        assert_eq!(split_object("{}").unwrap(), vec![]);
        assert!(split_object("[1]").is_none());
        assert!(split_object(r#"{"a":1"#).is_none());
        assert!(split_object(r#"{"a":"\"#).is_none());
        assert!(split_object(r#"{"a":1} x"#).is_none());
    }

    #[test]
    fn splits_top_level_elements_as_serde_json_raw_values() {
        let split_array =
            |t| split_rows(t).map(|rows| rows.into_iter().map(|(e, _)| e).collect::<Vec<_>>());
        let texts = [
            r#"[{"a":1,"b":"],}"},null,"x\"]",[1,[2,{"c":[]}]],-1.5e3,true,{}]"#,
            r#" [ 1 , "a" ] "#,
            "[]",
            "[[]]",
            r#"[{"k":"\\"}]"#,
        ];
        for t in texts {
            let raw: Vec<&serde_json::value::RawValue> = serde_json::from_str(t).unwrap();
            let want: Vec<&str> = raw.iter().map(|r| r.get()).collect();
            assert_eq!(split_array(t).unwrap(), want, "{t}");
        }
        for bad in ["", "{}", "[1", "[1,]", "[,1]", "[1]x", r#"["a]"#, "[{]"] {
            assert!(split_array(bad).is_none(), "{bad}");
        }
    }

    /// The fields as a builder reads them, owned, for comparing.
    fn owned(fields: &Fields<'_>) -> Vec<(String, Value)> {
        let value = |f: &Field<'_>| match f {
            Field::Text(t) => Value::from(*t),
            Field::Json(v) => (*v).clone(),
        };
        fields
            .iter()
            .map(|(k, f)| (k.to_string(), value(f)))
            .collect()
    }

    #[test]
    fn rows_read_as_serde_json_reads_them() {
        let texts = [
            r#"{"a":"x","b":"y"}"#,
            r#" { "a" : "x\"y" , "b\u00e9" : 1.50 , "c" : [1, {"d": null}], "e": true } "#,
            r#"{"a":"1","a":2,"b":"\ud83d\ude00"}"#,
            r#"{"n":123456789012345678901234567890,"f":-0.0,"o":{}}"#,
            "{}",
        ];
        for t in texts {
            let row = Row::read(t).unwrap_or_else(|| panic!("{t}"));
            let (value, broken) = parse_row(t, Lang::En);
            assert!(broken.is_empty(), "{t}");
            let map = value.as_object().unwrap();
            assert_eq!(
                owned(&row.fields()),
                owned(&super::super::common::fields_of(map)),
                "{t}"
            );
        }
        // Borrowed where there is no escape.
        let t = r#"{"k":"plain", "e":"\n"}"#;
        let Some(Row(Read::General(fields))) = Row::read(t) else {
            panic!("not read")
        };
        assert!(matches!(
            fields[0],
            (Cow::Borrowed("k"), RowValue::Text(Cow::Borrowed("plain")))
        ));
        assert!(matches!(&fields[1].1, RowValue::Text(Cow::Owned(e)) if e == "\n"));
        // Left to parse_row: not an object, the raw value token first, too many fields, a lone
        // surrogate, nesting past serde_json's limit, text after the object.
        let many = (0..=Row::MAX_FIELDS)
            .map(|i| format!("\"k{i}\":1"))
            .collect::<Vec<_>>();
        let deep = format!(r#"{{"m":{}{}}}"#, "[".repeat(200), "]".repeat(200));
        let others = [
            "[1]".to_string(),
            format!(r#"{{"{RAW_VALUE_TOKEN}":"1"}}"#),
            format!("{{{}}}", many.join(",")),
            r#"{"a":"\ud83d"}"#.to_string(),
            deep.clone(),
            r#"{"a":1} x"#.to_string(),
        ];
        for t in &others {
            assert!(Row::read(t).is_none(), "{t}");
        }
        let (_, broken) = parse_row(&deep, Lang::En);
        assert_eq!(broken.len(), 1);
        assert_eq!(
            (broken[0].field.as_str(), broken[0].error.code),
            ("m", ErrorCode::NestingTooDeep)
        );
        // Just within the limit when parsed alone: read, not an error.
        let within = format!(r#"{{"m":{}{}}}"#, "[".repeat(127), "]".repeat(127));
        let (value, broken) = parse_row(&within, Lang::En);
        assert!(broken.is_empty() && value["m"].is_array());
        assert_eq!(depth(within.as_bytes()), 128);
        assert_eq!(depth(br#"["[[[", {"a": "]"}]"#), 2);
    }
}
