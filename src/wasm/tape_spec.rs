// The tape's vocabulary, declared once (included by `tape.rs` and by `generate.rs`): what a
// tape holds (its first word), the tags of `params` values, the flags of a string's word, and
// the shape of each field rule's value. `tape_spec!(then)` calls the macro `then` with all of
// it: `tape.rs` makes the Rust enums and each value's writer from it, and `generate.rs` (a
// native test) writes the JS reader's constants and `field()` into `tape.js` and the
// TypeScript types of the field functions into `types.d.ts`, and fails when those are stale.
//
// A shape's fields are in the order of its struct (its `Serialize`), each with its kind:
// - `text`: a `String`;
// - `count`: a whole number (`u16`, `u32`);
// - `nullable`: an `Option<String>`, `null` when `None`;
// - `omitted`: an `Option<String>` whose key is left out when `None` (only at the end);
// - `name("T")`: a type with `as_str()`, the TypeScript string union `T`.
// A shape is `plain` when its failure is `{ ok: false, error }`, `suggesting` when the failure
// may also carry a `suggestion`.
macro_rules! tape_spec {
    ($then:ident) => {
        $then! {
            kinds {
                /// `{ results, summary?, errors }`.
                Report = 0,
                /// `{ ok: true, request }` or `{ ok: false, errors }`.
                Outcome = 1,
                /// An array of errors.
                Errors = 2,
                /// A field rule's `{ ok: true, ...value }` or `{ ok: false, error, suggestion? }`.
                Field = 3,
            }
            tags {
                /// A string.
                Text = 0,
                /// A whole number from 0 to `u32::MAX`.
                Number = 1,
                /// A list of values: its length, then each value.
                List = 2,
                /// Anything else (a negative or fractional number, a boolean, `null`, an
                /// object): its JSON text as a string, which `tape.js` gives to `JSON.parse`.
                Json = 3,
            }
            flags {
                /// A string's word: `tape.js` keeps the string for later.
                Keep = 1,
                /// A string's word: the kept string `word >>> 2` again.
                Again = 2,
                /// An optional string that is `null` (no string's word: a string kept again
                /// has `Again` set and `Keep` clear).
                Null = 3,
            }
            failure = 0;
            shapes {
                /// A phone number.
                Phone = 1, phone::Phone, plain {
                    /// E.164, e.g. "+12124567890".
                    value: text,
                    e164: text,
                    /// e.g. "+1 212-456-7890" (with " ext. 12" when there is an extension).
                    international: text,
                    /// e.g. "(212) 456-7890".
                    national: text,
                    calling_code: count,
                    /// ISO 3166-1 alpha-2, or null for non-geographic numbers.
                    region: nullable,
                    number_type: name("NumberType"),
                    extension: nullable,
                }
                /// An email address.
                Email = 2, email::Email, suggesting {
                    /// Trimmed, NFC, domain lower-case in its Unicode spelling.
                    value: text,
                    local_part: text,
                    /// Unicode domain, e.g. "bücher.de".
                    domain: text,
                    /// ASCII domain, e.g. "xn--bcher-kva.de".
                    ascii_domain: text,
                    /// The whole address lower-cased (local part too), for finding duplicates.
                    dedup_key: text,
                    /// The address probably meant, when the domain looks mistyped.
                    suggestion: omitted,
                }
                /// A LinkedIn page.
                LinkedIn = 3, linkedin::LinkedIn, plain {
                    /// e.g. "https://www.linkedin.com/in/johndoe"; a Unicode handle is
                    /// percent-encoded.
                    value: text,
                    kind: name("LinkedInKind"),
                    /// The handle, decoded, e.g. "josé-pérez" (lower-cased, except an opaque member
                    /// id, `ACoAA…`, which keeps its case).
                    handle: text,
                }
                /// A BCP 47 locale.
                Locale = 4, locale::Locale, plain {
                    /// Canonical BCP 47 tag, e.g. "en-US".
                    value: text,
                    language: text,
                    script: nullable,
                    region: nullable,
                }
                /// An IANA timezone.
                Timezone = 5, timezone::Timezone, plain {
                    /// Canonical IANA name, e.g. "America/New_York".
                    value: text,
                    /// The alias or spelling the input was resolved from, e.g. "US/Eastern".
                    resolved_from: nullable,
                }
                /// A country.
                Country = 6, country::Country, plain {
                    /// ISO 3166-1 alpha-2, e.g. "MX".
                    value: text,
                    alpha3: text,
                    /// English short name, e.g. "Mexico".
                    name: text,
                }
            }
        }
    };
}
