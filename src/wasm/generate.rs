//! Writes what the JS side of the tape and the TypeScript types are made of, from their one
//! declaration in Rust: `tape_spec.rs` (the tape's tags and each field rule's shape) and
//! `crate::codes` (which codes each rule gives and which params each code carries). A native
//! test: it fails when the committed `tape.js` (between its `GENERATED` lines) or
//! `results.d.ts` differ from what it writes, and rewrites them with `CONTACTKIT_BLESS=1`:
//!
//! ```text
//! CONTACTKIT_BLESS=1 cargo test --lib generated
//! ```

use std::fmt::Write;

use crate::codes::{self, ParamType, Rule, Source};
use crate::error::ErrorCode;

include!("tape_spec.rs");

/// One named word of the tape: its name, its value and its doc.
struct Word {
    name: &'static str,
    value: u32,
    doc: Vec<&'static str>,
}

/// One field of a shape.
struct Field {
    name: &'static str,
    kind: &'static str,
    ts: Option<&'static str>,
    doc: Vec<&'static str>,
}

/// One field rule's shape.
struct Shape {
    word: Word,
    suggesting: bool,
    fields: Vec<Field>,
}

struct Spec {
    kinds: Vec<Word>,
    tags: Vec<Word>,
    flags: Vec<Word>,
    failure: u32,
    shapes: Vec<Shape>,
}

/// Turns [`tape_spec!`] into a [`Spec`].
macro_rules! describe {
    (
        kinds { $($(#[doc = $kind_doc:literal])* $kind:ident = $kind_word:literal,)* }
        tags { $($(#[doc = $tag_doc:literal])* $tag:ident = $tag_word:literal,)* }
        flags { $($(#[doc = $flag_doc:literal])* $flag:ident = $flag_word:literal,)* }
        failure = $failure:literal;
        shapes { $(
            $(#[doc = $shape_doc:literal])*
            $shape:ident = $shape_word:literal, $module:ident :: $ty:ident, $failing:ident {
                $($(#[doc = $field_doc:literal])* $field:ident : $field_kind:ident $(($ts:literal))?,)*
            }
        )* }
    ) => {
        Spec {
            kinds: vec![$(Word {
                name: stringify!($kind),
                value: $kind_word,
                doc: vec![$($kind_doc),*],
            }),*],
            tags: vec![$(Word {
                name: stringify!($tag),
                value: $tag_word,
                doc: vec![$($tag_doc),*],
            }),*],
            flags: vec![$(Word {
                name: stringify!($flag),
                value: $flag_word,
                doc: vec![$($flag_doc),*],
            }),*],
            failure: $failure,
            shapes: vec![$(Shape {
                word: Word {
                    name: stringify!($shape),
                    value: $shape_word,
                    doc: vec![$($shape_doc),*],
                },
                suggesting: stringify!($failing) == "suggesting",
                fields: vec![$(Field {
                    name: stringify!($field),
                    kind: stringify!($field_kind),
                    ts: None $(.or(Some($ts)))?,
                    doc: vec![$($field_doc),*],
                }),*],
            }),*],
        }
    };
}

/// `calling_code` → `callingCode`, as serde's `rename_all = "camelCase"` spells it.
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.push(c.to_ascii_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// `LinkedIn` → `LINKED_IN`.
fn upper_snake(name: &str) -> String {
    let mut out = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if c.is_ascii_uppercase() && previous_lower {
            out.push('_');
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// A doc comment's text on one line (the doc attributes of `///` lines start with a space).
fn doc_line(doc: &[&str]) -> String {
    doc.iter().map(|d| d.trim()).collect::<Vec<_>>().join(" ")
}

const JS_BEGIN: &str = "// BEGIN GENERATED";
const JS_END: &str = "// END GENERATED";

/// The generated part of `tape.js`: the named words and `field()`.
fn javascript(spec: &Spec) -> String {
    let mut js = String::new();
    let _ = writeln!(
        js,
        "{JS_BEGIN} from tape_spec.rs by generate.rs: do not edit."
    );
    let groups = [
        ("KIND", &spec.kinds),
        ("TAG", &spec.tags),
        ("FLAG", &spec.flags),
    ];
    for (prefix, words) in groups {
        let names: Vec<String> = words
            .iter()
            .map(|word| format!("{prefix}_{} = {}", upper_snake(word.name), word.value))
            .collect();
        let _ = writeln!(js, "const {};", names.join(", "));
    }
    let mut shapes = vec![format!("SHAPE_FAILURE = {}", spec.failure)];
    for shape in &spec.shapes {
        let name = upper_snake(shape.word.name);
        shapes.push(format!("SHAPE_{name} = {}", shape.word.value));
    }
    let _ = writeln!(js, "const {};", shapes.join(", "));
    js.push_str(
        "// A field rule's result: its shape, then its fields.\n\
         function field() {\n  const shape = words[w++];\n  switch (shape) {\n    \
         case SHAPE_FAILURE:\n      return failure();\n",
    );
    for shape in &spec.shapes {
        let name = upper_snake(shape.word.name);
        let omitted: Vec<&Field> = shape
            .fields
            .iter()
            .filter(|f| f.kind == "omitted")
            .collect();
        let present = shape.fields.iter().filter(|f| f.kind != "omitted");
        let mut object = String::from("{ ok: true");
        for field in present {
            let read = match field.kind {
                "text" | "name" => "string()",
                "count" => "words[w++]",
                "nullable" => "optional()",
                other => panic!("no kind {other} in tape_spec.rs"),
            };
            let _ = write!(object, ", {}: {read}", camel(field.name));
        }
        object.push_str(" }");
        if omitted.is_empty() {
            let _ = writeln!(js, "    case SHAPE_{name}:\n      return {object};");
            continue;
        }
        let _ = writeln!(
            js,
            "    case SHAPE_{name}: {{\n      const result = {object};"
        );
        for field in omitted {
            let key = camel(field.name);
            let _ = writeln!(
                js,
                "      const {key} = optional();\n      if ({key} !== null) result.{key} = {key};"
            );
        }
        js.push_str("      return result;\n    }\n");
    }
    js.push_str("    default:\n      return unknown(\"shape\", shape);\n  }\n}\n");
    js.push_str(JS_END);
    js.push('\n');
    js
}

/// `tape.js` with its generated part replaced by `generated`.
fn splice(file: &str, generated: &str) -> String {
    let begin = file
        .find(JS_BEGIN)
        .expect("tape.js has a BEGIN GENERATED line");
    let end = file
        .find(JS_END)
        .expect("tape.js has an END GENERATED line");
    let after = file[end..].find('\n').map_or(file.len(), |n| end + n + 1);
    format!("{}{generated}{}", &file[..begin], &file[after..])
}

/// A param's TypeScript type.
fn ts_type(ty: ParamType) -> &'static str {
    match ty {
        ParamType::Text => "string",
        ParamType::Count => "number",
        ParamType::Counts => "number[]",
    }
}

/// A union of code names, one a line.
fn union(codes: impl Iterator<Item = ErrorCode>) -> String {
    codes.map(|c| format!("\n  | \"{c}\"")).collect()
}

/// The TypeScript types of errors and of the field functions' results.
fn typescript(spec: &Spec) -> String {
    let mut ts = String::from(
        "// Generated from src/codes.rs and src/wasm/tape_spec.rs by src/wasm/generate.rs\n\
         // (`CONTACTKIT_BLESS=1 cargo test --lib generated`): do not edit.\n\n",
    );
    let _ = writeln!(
        ts,
        "/** Every failure as a stable code; see the README's Errors section. */\n\
         export type ErrorCode ={};\n",
        union(codes::all())
    );
    ts.push_str("/** The params each code carries (`?`: only some of its errors do). */\nexport interface ErrorParams {\n");
    for code in codes::all() {
        let params = codes::params(code);
        if params.is_empty() {
            let _ = writeln!(ts, "  {code}: Record<string, never>;");
            continue;
        }
        let fields: Vec<String> = params
            .iter()
            .map(|p| {
                let optional = if p.always { "" } else { "?" };
                format!("{}{optional}: {}", p.name, ts_type(p.ty))
            })
            .collect();
        let _ = writeln!(ts, "  {code}: {{ {} }};", fields.join("; "));
    }
    ts.push_str(
        "}\n\n\
         /** A failed rule with one of the codes `C`: the code, a message in the language asked\n \
         * for, and the code's params. A union over the codes, so that checking `code` narrows\n \
         * `params`. */\n\
         export type ErrorOf<C extends ErrorCode> = C extends ErrorCode\n  \
         ? { code: C; message: string; params: ErrorParams[C] }\n  : never;\n\n\
         /** A failed rule: any code. */\n\
         export type FieldError = ErrorOf<ErrorCode>;\n\n\
         /** The codes every field function can give (the input or the options are wrong). */\n",
    );
    let shared = codes::all().filter(|&c| codes::source(c) == Source::AnyRule);
    let _ = writeln!(ts, "export type SharedErrorCode ={};\n", union(shared));
    for rule in Rule::ALL {
        let own = codes::all().filter(|&c| codes::source(c) == Source::Rule(rule));
        let _ = writeln!(
            ts,
            "/** The codes of {rule:?}Result's failures. */\n\
             export type {rule:?}ErrorCode = SharedErrorCode{};\n",
            union(own)
        );
    }
    ts.push_str(
        "/** The failure shape every field function shares, its `error.code` one of `C`. */\n\
         export interface Failure<C extends ErrorCode = ErrorCode> {\n  \
         ok: false;\n  error: ErrorOf<C>;\n}\n",
    );
    for shape in &spec.shapes {
        let name = shape.word.name;
        let _ = write!(
            ts,
            "\n/** {} */\nexport interface {name} {{\n",
            doc_line(&shape.word.doc)
        );
        for field in &shape.fields {
            if !field.doc.is_empty() {
                let _ = writeln!(ts, "  /** {} */", doc_line(&field.doc));
            }
            let (optional, ty) = match field.kind {
                "text" => ("", "string"),
                "count" => ("", "number"),
                "nullable" => ("", "string | null"),
                "omitted" => ("?", "string"),
                "name" => (
                    "",
                    field.ts.expect("a name field names its TypeScript type"),
                ),
                other => panic!("no kind {other} in tape_spec.rs"),
            };
            let _ = writeln!(ts, "  {}{optional}: {ty};", camel(field.name));
        }
        let failure = if shape.suggesting {
            format!("(Failure<{name}ErrorCode> & {{ suggestion?: string }})")
        } else {
            format!("Failure<{name}ErrorCode>")
        };
        let _ = writeln!(
            ts,
            "}}\nexport type {name}Result = ({{ ok: true }} & {name}) | {failure};"
        );
    }
    ts
}

#[test]
fn generated_files_are_current() {
    let spec = tape_spec!(describe);
    // Every rule has a shape of the same name, and every shape a rule.
    let names: Vec<String> = Rule::ALL.iter().map(|r| format!("{r:?}")).collect();
    let shapes: Vec<&str> = spec.shapes.iter().map(|s| s.word.name).collect();
    assert_eq!(names, shapes);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/wasm");
    let bless = std::env::var_os("CONTACTKIT_BLESS").is_some();
    let tape_js = dir.join("tape.js");
    let current = std::fs::read_to_string(&tape_js).unwrap_or_default();
    let files = [
        (
            tape_js,
            current.clone(),
            splice(&current, &javascript(&spec)),
        ),
        (
            dir.join("results.d.ts"),
            std::fs::read_to_string(dir.join("results.d.ts")).unwrap_or_default(),
            typescript(&spec),
        ),
    ];
    for (path, committed, generated) in files {
        if bless {
            std::fs::write(&path, &generated).expect("writable");
        } else {
            assert!(
                committed == generated,
                "{} is stale: run `CONTACTKIT_BLESS=1 cargo test --lib generated`",
                path.display()
            );
        }
    }
}

#[test]
fn names_are_spelled_as_serde_and_js_spell_them() {
    assert_eq!(camel("calling_code"), "callingCode");
    assert_eq!(camel("e164"), "e164");
    assert_eq!(upper_snake("LinkedIn"), "LINKED_IN");
    assert_eq!(upper_snake("Report"), "REPORT");
}
