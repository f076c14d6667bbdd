//! Which columns fill which field: the library's header matching
//! ([`contactkit::columns::match_columns`], the same as the demo page's: a full name may be
//! several columns joined), `--map` overrides and combinations, and the extra columns; then
//! each row as the contact object of the API.

use std::borrow::Cow;
use std::fmt::Write as _;

use contactkit::columns;
use contactkit::payload::Target;
use serde_json::{Map, Value};

use crate::input::{not_utf8, RawRow};
use crate::Fatal;

/// One term of a field's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A column, by index.
    Column(usize),
    /// Columns whose cells are trimmed, the empty ones left out, and joined by a space
    /// ([`columns::join_cells`]): a full name the library matched in parts, as the page
    /// joins it.
    Joined(Vec<usize>),
    /// Literal text.
    Text(String),
}

impl Part {
    /// The columns the part reads.
    fn columns(&self) -> &[usize] {
        match self {
            Part::Column(i) => std::slice::from_ref(i),
            Part::Joined(columns) => columns,
            Part::Text(_) => &[],
        }
    }
}

/// How every field is filled, for one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The column names (a table's header, a JSON input's first row's keys).
    pub headers: Vec<String>,
    /// Each mapped field with its parts (one column, or columns and text joined).
    pub fields: Vec<(String, Vec<Part>)>,
    /// The field the extra columns go to, when `--extras` is given.
    pub extras_field: Option<&'static str>,
    /// The columns no field uses (those with an empty header excluded).
    pub extras: Vec<usize>,
}

/// A `--map` option: `field=Column`, `field="A"+" "+"B"`, or `field=` (unmapped).
#[derive(Debug, Clone, PartialEq, Eq)]
struct MapSpec {
    field: String,
    /// Each term and whether it was quoted.
    terms: Vec<(String, bool)>,
}

fn parse_spec(spec: &str) -> Result<MapSpec, Fatal> {
    let (field, rest) = spec
        .split_once('=')
        .ok_or_else(|| Fatal(format!("--map {spec:?}: expected FIELD=COLUMN")))?;
    let field = field.trim().to_string();
    let mut terms = Vec::new();
    let mut chars = rest.chars().peekable();
    while chars.peek().is_some() {
        if chars.peek() == Some(&'"') {
            chars.next();
            let mut term = String::new();
            loop {
                match chars.next() {
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        term.push('"');
                    }
                    Some('"') => break,
                    Some(c) => term.push(c),
                    None => {
                        return Err(Fatal(format!("--map {spec:?}: a quote is not closed")));
                    }
                }
            }
            terms.push((term, true));
            match chars.next() {
                None | Some('+') => {}
                Some(c) => {
                    return Err(Fatal(format!(
                        "--map {spec:?}: expected + after a quoted term, found {c:?}"
                    )))
                }
            }
        } else {
            let term: String = chars.by_ref().take_while(|&c| c != '+').collect();
            terms.push((term, false));
        }
    }
    Ok(MapSpec { field, terms })
}

impl Plan {
    /// The plan for `headers`: matched as the page matches them, then `maps` applied.
    pub fn new(
        target: Target,
        headers: Vec<String>,
        maps: &[String],
        extras: bool,
    ) -> Result<Plan, Fatal> {
        let found = columns::match_columns(target, &headers);
        let mut fields: Vec<(String, Vec<Part>)> = found
            .columns
            .iter()
            .map(|(f, columns)| {
                let part = match columns.as_slice() {
                    [i] => Part::Column(*i),
                    several => Part::Joined(several.to_vec()),
                };
                (f.to_string(), vec![part])
            })
            .collect();
        let allowed = columns::fields(target);
        for spec in maps {
            let spec = parse_spec(spec)?;
            if !allowed.contains(&spec.field.as_str()) {
                return Err(Fatal(format!(
                    "--map: {:?} is not a field a column can fill for this API; the fields are {}",
                    spec.field,
                    allowed.join(", ")
                )));
            }
            let mut parts = Vec::new();
            for (term, quoted) in &spec.terms {
                match column_of(&headers, term) {
                    Some(i) => parts.push(Part::Column(i)),
                    None if *quoted || term.trim().is_empty() => {
                        parts.push(Part::Text(term.clone()))
                    }
                    None => {
                        return Err(Fatal(format!(
                            "--map {}: there is no column {term:?}; the columns are {}",
                            spec.field,
                            quoted_list(&headers)
                        )))
                    }
                }
            }
            fields.retain(|(f, _)| *f != spec.field);
            // A column taken by this field is no longer a matched field's.
            for part in &parts {
                if let Part::Column(i) = part {
                    fields.retain(|(_, p)| !matches!(p.as_slice(), [m] if m.columns().contains(i)));
                }
            }
            if !parts.is_empty() {
                fields.push((spec.field, parts));
            }
        }
        // Fields in the API's own order, as the page sends them.
        fields.sort_by_key(|(f, _)| allowed.iter().position(|a| a == f));
        let used = |i: usize| {
            fields
                .iter()
                .any(|(_, parts)| parts.iter().any(|p| p.columns().contains(&i)))
        };
        let extras_field = extras.then(|| columns::extras_field(target));
        let extras = (0..headers.len())
            .filter(|&i| !used(i) && !headers[i].is_empty())
            .collect();
        Ok(Plan {
            headers,
            fields,
            extras_field,
            extras,
        })
    }

    /// What the plan does, for stderr: each field and its columns, and the columns not sent.
    pub fn describe(&self) -> String {
        let mut s = String::from("columns:");
        for (field, parts) in &self.fields {
            let _ = write!(s, " {field} <- ");
            let shown: Vec<String> = parts
                .iter()
                .map(|p| match p {
                    Part::Column(i) => format!("{:?}", self.headers[*i]),
                    Part::Joined(columns) => quoted_list(
                        &columns
                            .iter()
                            .map(|&i| &self.headers[i])
                            .collect::<Vec<_>>(),
                    )
                    .replace(", ", " + "),
                    Part::Text(t) => format!("text {t:?}"),
                })
                .collect();
            s.push_str(&shown.join(" + "));
            s.push(';');
        }
        if !self.extras.is_empty() {
            let names: Vec<&str> = self
                .extras
                .iter()
                .map(|&i| self.headers[i].as_str())
                .collect();
            match self.extras_field {
                Some(f) => {
                    let _ = write!(s, " into {f}: {}", quoted_list(&names));
                }
                None => {
                    let _ = write!(
                        s,
                        " not sent (give --extras to send them): {}",
                        quoted_list(&names)
                    );
                }
            }
        }
        s
    }

    /// The row as the JSON text of the API's contact object, written into `out` (cleared
    /// first).
    pub fn contact(&self, row: &RawRow, number: u64, out: &mut String) -> Result<(), Fatal> {
        out.clear();
        match row {
            RawRow::Cells(record) => {
                let cell = |i: usize| -> Result<&str, Fatal> {
                    let bytes = record.get(i).unwrap_or_default();
                    std::str::from_utf8(bytes).map_err(|_| not_utf8(format!("row {number}")))
                };
                out.push('{');
                let mut first = true;
                for (field, parts) in &self.fields {
                    let value = parts_text(parts, cell)?;
                    // An empty cell is an absent field, as in the page.
                    if value.is_empty() {
                        continue;
                    }
                    entry(out, &mut first, field);
                    string(out, &value);
                }
                if let Some(extras_field) = self.extras_field {
                    let mut items = Vec::new();
                    for &i in &self.extras {
                        let v = cell(i)?;
                        if !v.trim().is_empty() {
                            items.push((self.headers[i].as_str(), v));
                        }
                    }
                    if !items.is_empty() {
                        entry(out, &mut first, extras_field);
                        extras_json(out, extras_field, &items);
                    }
                }
                out.push('}');
            }
            RawRow::Object(map) => out.push_str(&self.object(map).to_string()),
            RawRow::Other(v) => out.push_str(&v.to_string()),
        }
        Ok(())
    }

    /// The text of a table row's `field` as [`Plan::contact`] writes it; `None` when the field
    /// is not mapped or the row is not a table's.
    pub fn cells_text<'r>(&self, row: &'r RawRow, field: &str) -> Option<Cow<'r, str>> {
        let RawRow::Cells(record) = row else {
            return None;
        };
        let (_, parts) = self.fields.iter().find(|(f, _)| f == field)?;
        let cell = |i: usize| std::str::from_utf8(record.get(i).unwrap_or_default());
        parts_text(parts, cell).ok()
    }

    /// A JSON row mapped by its keys as the header names them; values of any JSON type are
    /// passed through unchanged, for the library to check.
    fn object(&self, map: &Map<String, Value>) -> Value {
        let get = |i: usize| map.get(&self.headers[i]);
        let mut out = Map::new();
        for (field, parts) in &self.fields {
            let value = match parts.as_slice() {
                [Part::Column(i)] => match get(*i) {
                    Some(v) => v.clone(),
                    None => continue,
                },
                parts => {
                    let text = |i: usize| match get(i) {
                        Some(Value::String(s)) => Cow::Borrowed(s.as_str()),
                        Some(Value::Null) | None => Cow::Borrowed(""),
                        Some(other) => Cow::Owned(other.to_string()),
                    };
                    let mut joined = String::new();
                    for p in parts {
                        match p {
                            Part::Column(i) => joined.push_str(&text(*i)),
                            Part::Joined(columns) => {
                                let cells: Vec<_> = columns.iter().map(|&i| text(i)).collect();
                                joined.push_str(&columns::join_cells(cells.iter().map(|c| &**c)));
                            }
                            Part::Text(t) => joined.push_str(t),
                        }
                    }
                    Value::String(joined)
                }
            };
            if value == Value::Null || value.as_str() == Some("") {
                continue;
            }
            out.insert(field.clone(), value);
        }
        // The structured field given as such, and (with --extras) the keys no field uses.
        let structured = self
            .extras_field
            .map(|f| f.to_string())
            .into_iter()
            .chain(["additional_data".to_string(), "metadata".to_string()]);
        let mapped = |key: &str| {
            self.fields.iter().any(|(_, parts)| {
                parts
                    .iter()
                    .any(|p| p.columns().iter().any(|&i| self.headers[i] == key))
            })
        };
        for name in structured {
            if let Some(v) = map.get(&name) {
                out.entry(name).or_insert_with(|| v.clone());
            }
        }
        if let Some(extras_field) = self.extras_field {
            let items: Vec<(&str, &Value)> = map
                .iter()
                .filter(|(k, v)| {
                    !mapped(k)
                        && !k.is_empty()
                        && *k != "additional_data"
                        && *k != "metadata"
                        && !v.is_null()
                        && v.as_str().is_none_or(|s| !s.trim().is_empty())
                })
                .map(|(k, v)| (k.as_str(), v))
                .collect();
            if !items.is_empty() && !out.contains_key(extras_field) {
                let value = if extras_field == "metadata" {
                    Value::Object(
                        items
                            .iter()
                            .map(|(k, v)| (k.to_string(), (*v).clone()))
                            .collect(),
                    )
                } else {
                    Value::Array(
                        items
                            .iter()
                            .map(|(k, v)| {
                                let text = match v {
                                    Value::String(s) => s.clone(),
                                    other => other.to_string(),
                                };
                                serde_json::json!({"type": "text", "field": k, "value": text})
                            })
                            .collect(),
                    )
                };
                out.insert(extras_field.to_string(), value);
            }
        }
        Value::Object(out)
    }
}

/// The column named `name`: exactly, else by header key (`"E-mail"` for `e_mail`).
fn column_of(headers: &[String], name: &str) -> Option<usize> {
    headers.iter().position(|h| h == name).or_else(|| {
        let key = columns::header_key(name);
        (!key.is_empty())
            .then(|| headers.iter().position(|h| columns::header_key(h) == key))
            .flatten()
    })
}

fn quoted_list<S: AsRef<str>>(names: &[S]) -> String {
    let shown: Vec<String> = names.iter().map(|n| format!("{:?}", n.as_ref())).collect();
    shown.join(", ")
}

fn entry(out: &mut String, first: &mut bool, name: &str) {
    if !*first {
        out.push(',');
    }
    *first = false;
    string(out, name);
    out.push(':');
}

/// The text of a field's parts: one cell borrowed, or the cells and text joined.
fn parts_text<'r, E>(
    parts: &[Part],
    cell: impl Fn(usize) -> Result<&'r str, E>,
) -> Result<Cow<'r, str>, E> {
    if let [Part::Column(i)] = parts {
        return cell(*i).map(Cow::Borrowed);
    }
    let mut joined = String::new();
    for p in parts {
        match p {
            Part::Column(i) => joined.push_str(cell(*i)?),
            Part::Joined(columns) => {
                let cells = columns.iter().map(|&i| cell(i));
                joined.push_str(&columns::join_cells(cells.collect::<Result<Vec<_>, E>>()?));
            }
            Part::Text(t) => joined.push_str(t),
        }
    }
    Ok(Cow::Owned(joined))
}

/// A JSON string literal.
fn string(out: &mut String, s: &str) {
    // Most cells need no escape: written as they are.
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push('"');
        out.push_str(s);
        out.push('"');
        return;
    }
    // serde_json's own escaping; writing into a String cannot fail.
    let mut buf = Vec::with_capacity(s.len() + 8);
    let _ = serde_json::to_writer(&mut buf, s);
    out.push_str(std::str::from_utf8(&buf).unwrap_or_default());
}

/// The extra cells as the page sends them: `[{"type":"text","field":header,"value":cell}]` for
/// Contactship, `{header: cell}` for SDR Agent.
fn extras_json(out: &mut String, field: &str, items: &[(&str, &str)]) {
    let metadata = field == "metadata";
    out.push(if metadata { '{' } else { '[' });
    for (n, (name, value)) in items.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        if metadata {
            string(out, name);
            out.push(':');
            string(out, value);
        } else {
            out.push_str("{\"type\":\"text\",\"field\":");
            string(out, name);
            out.push_str(",\"value\":");
            string(out, value);
            out.push('}');
        }
    }
    out.push(if metadata { '}' } else { ']' });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn map_specs() {
        let s = parse_spec(r#"full_name="First Name"+" "+"Last Name""#).unwrap();
        assert_eq!(s.field, "full_name");
        assert_eq!(
            s.terms,
            vec![
                ("First Name".into(), true),
                (" ".into(), true),
                ("Last Name".into(), true)
            ]
        );
        let s = parse_spec("email=Work Email").unwrap();
        assert_eq!(s.terms, vec![("Work Email".into(), false)]);
        assert!(parse_spec("email").is_err());
        assert!(parse_spec(r#"email="open"#).is_err());
        assert_eq!(parse_spec("email=").unwrap().terms, vec![]);
    }

    #[test]
    fn combined_columns_and_extras() {
        let plan = Plan::new(
            Target::Contactship,
            headers(&["First Name", "Last Name", "Phone", "Source", ""]),
            &[r#"full_name="First Name"+" "+"Last Name""#.into()],
            true,
        )
        .unwrap();
        let mut record = csv::ByteRecord::new();
        for c in ["Ana", "Pérez", "+34 612 345 678", "fair", "x"] {
            record.push_field(c.as_bytes());
        }
        let mut text = String::new();
        plan.contact(&RawRow::Cells(record), 2, &mut text).unwrap();
        assert_eq!(
            text,
            r#"{"phone_number":"+34 612 345 678","full_name":"Ana Pérez","additional_data":[{"type":"text","field":"Source","value":"fair"}]}"#
        );
    }

    #[test]
    fn a_name_matched_in_parts_is_joined_as_the_page_joins_it() {
        let plan = Plan::new(
            Target::Contactship,
            headers(&["Last Name", "Phone", "First Name", "Middle Name"]),
            &[],
            false,
        )
        .unwrap();
        assert_eq!(
            plan.fields[1],
            ("full_name".to_string(), vec![Part::Joined(vec![2, 3, 0])])
        );
        assert!(plan
            .describe()
            .contains(r#"full_name <- "First Name" + "Middle Name" + "Last Name";"#));
        let mut record = csv::ByteRecord::new();
        for c in [" Ruiz Gil ", "+34 612 345 678", "Ana", ""] {
            record.push_field(c.as_bytes());
        }
        let mut text = String::new();
        plan.contact(&RawRow::Cells(record), 2, &mut text).unwrap();
        assert_eq!(
            text,
            r#"{"phone_number":"+34 612 345 678","full_name":"Ana Ruiz Gil"}"#
        );
        // JSON rows too; a --map of one of its columns takes the name apart.
        let row: Map<String, Value> =
            serde_json::from_str(r#"{"First Name":"Ana","Last Name":7,"Middle Name":null}"#)
                .unwrap();
        assert_eq!(plan.object(&row), serde_json::json!({"full_name": "Ana 7"}));
        let plan = Plan::new(
            Target::SdrAgent,
            headers(&["First Name", "Last Name"]),
            &["company=Last Name".into()],
            false,
        )
        .unwrap();
        assert_eq!(
            plan.fields,
            vec![("company".to_string(), vec![Part::Column(1)])]
        );
    }

    #[test]
    fn a_mapped_column_leaves_its_matched_field() {
        let plan = Plan::new(
            Target::SdrAgent,
            headers(&["Email", "Name"]),
            &["company=Name".into()],
            false,
        )
        .unwrap();
        assert_eq!(
            plan.fields,
            vec![
                ("email".to_string(), vec![Part::Column(0)]),
                ("company".to_string(), vec![Part::Column(1)])
            ]
        );
        assert!(Plan::new(
            Target::SdrAgent,
            headers(&["A"]),
            &["phone_number=A".into()],
            false
        )
        .is_err());
        assert!(Plan::new(
            Target::SdrAgent,
            headers(&["A"]),
            &["email=B".into()],
            false
        )
        .is_err());
    }
}
