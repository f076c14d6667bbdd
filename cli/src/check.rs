//! `contactkit check`, and the validation pipeline `send` shares.
//!
//! A reader thread parses the file into chunks; rayon validates the chunks of a batch in
//! parallel, each with a [`BatchValidator`] of its own; the batch is then merged in order,
//! where duplicates across chunks are found with [`Seen`] (so the answers are those of one
//! validator over the whole file, row numbers as the source counts them). Memory holds a few
//! batches and the keys seen: nothing grows with the file but the keys.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Instant;

use contactkit::payload::{
    BatchOptions, BatchSummary, BatchValidator, ContactError, ContactshipOptions, Headers, Method,
    Request, RowResult, SdrAgentOptions, Target,
};
use contactkit::{email, messages, ErrorCode, FieldError, Lang, Params};
use rayon::prelude::*;
use serde_json::Value;

use crate::input::{self, RawRow, Rows, SourceRow};
use crate::keys::Seen;
use crate::mapping::{Part, Plan};
use crate::{CheckArgs, Fatal, ReadArgs};

/// Rows a chunk holds (one validator's work).
const CHUNK_ROWS: usize = 1024;

/// One row's outcome, in source order.
pub struct Checked {
    /// The row's number in the source.
    pub number: u64,
    /// Its request or its problems.
    pub result: Result<Request, Vec<ContactError>>,
    /// The request as a `requests.ndjson` line, when asked for (made in parallel).
    pub line: Option<String>,
    /// `(field, suggestion)`: a valid but likely mistyped value.
    pub warnings: Vec<(&'static str, String)>,
}

/// What the pipeline needs to validate rows: the plan, the options, the target.
pub struct Pipeline {
    plan: Plan,
    opts: BatchOptions,
    target: Target,
    lang: Lang,
    lines: bool,
}

/// The library's options for a run: `lang` and `default_country` from the arguments, the rest
/// (credentials, base URL, import) given by the caller.
pub fn batch_options(
    read: &ReadArgs,
    contactship: ContactshipOptions,
    sdr: SdrAgentOptions,
) -> BatchOptions {
    match read.target.target() {
        Target::Contactship => BatchOptions::Contactship(ContactshipOptions {
            default_country: read.default_country.clone(),
            lang: read.lang,
            ..contactship
        }),
        Target::SdrAgent => BatchOptions::SdrAgent(SdrAgentOptions {
            lang: read.lang,
            ..sdr
        }),
    }
}

/// The rows of `read`'s input, each handed to `sink` in order; `lines` asks for each valid
/// row's `requests.ndjson` line. Returns the counts.
pub fn run_rows(
    read: &ReadArgs,
    opts: BatchOptions,
    lines: bool,
    mut sink: impl FnMut(Checked) -> Result<(), Fatal> + Send,
) -> Result<BatchSummary, Fatal> {
    let validator = BatchValidator::new(&opts);
    if let Some(e) = validator.errors().first() {
        return Err(Fatal(format!("invalid option: {e}")));
    }
    let input = input::open(&read.file, read.format)?;
    let len = input.len;
    let read_bytes = input.read.clone();
    let mut rows = Rows::new(input)?;
    // The column names: a table's header, or the keys of a JSON input's first row.
    let first = rows.chunk(CHUNK_ROWS, Vec::new())?;
    let headers = match &rows {
        Rows::Table { headers, .. } => headers.clone(),
        _ => first
            .iter()
            .find_map(|r| match &r.row {
                RawRow::Object(m) => Some(m.keys().cloned().collect()),
                _ => None,
            })
            .unwrap_or_default(),
    };
    let target = read.target.target();
    let plan = Plan::new(target, headers, &read.maps, read.extras)?;
    eprintln!("{}", plan.describe());
    let pipeline = Pipeline {
        plan,
        opts,
        target,
        lang: read.lang,
        lines,
    };

    // The reader: chunks in order, a few ahead.
    let threads = rayon::current_num_threads().max(1);
    let (tx, rx) = mpsc::sync_channel::<Result<Vec<SourceRow>, Fatal>>(threads * 2);
    // Chunks validated go back to the reader, which reads the next rows into their records:
    // rows are neither allocated by one thread nor freed by another.
    let (spare_tx, spare_rx) = mpsc::channel::<Vec<SourceRow>>();
    let reader = std::thread::spawn(move || {
        if !first.is_empty() && tx.send(Ok(first)).is_err() {
            return;
        }
        loop {
            match rows.chunk(CHUNK_ROWS, spare_rx.try_recv().unwrap_or_default()) {
                Ok(chunk) if chunk.is_empty() => return,
                chunk => {
                    let failed = chunk.is_err();
                    if tx.send(chunk).is_err() || failed {
                        return;
                    }
                }
            }
        }
    });

    let progress = Progress::new(len, read_bytes);
    let mut seen = Seen::default();
    let mut summary = BatchSummary::default();
    let mut pending: Vec<Vec<(Checked, Option<String>)>> = Vec::new();
    let mut failure = None;
    loop {
        // The next batch: a chunk per thread, twice over.
        let mut batch = Vec::with_capacity(threads * 2);
        for _ in 0..threads * 2 {
            match rx.recv() {
                Ok(Ok(chunk)) => batch.push(chunk),
                Ok(Err(e)) => {
                    failure = Some(e);
                    break;
                }
                Err(_) => break,
            }
        }
        let done = batch.is_empty() || failure.is_some();
        // This batch is validated while the previous one is merged and written.
        let (validated, merged) = rayon::join(
            || {
                batch
                    .par_iter()
                    .map(|chunk| pipeline.validate(chunk))
                    .collect::<Result<Vec<_>, Fatal>>()
            },
            || -> Result<(), Fatal> {
                for chunk in pending.drain(..) {
                    for (checked, key) in chunk {
                        let checked = pipeline.merge(&mut seen, checked, key);
                        count(&mut summary, &checked);
                        sink(checked)?;
                    }
                }
                Ok(())
            },
        );
        merged?;
        pending = validated?;
        for chunk in batch {
            let _ = spare_tx.send(chunk);
        }
        progress.update(&summary, pending.iter().map(Vec::len).sum());
        if done {
            for chunk in pending.drain(..) {
                for (checked, key) in chunk {
                    let checked = pipeline.merge(&mut seen, checked, key);
                    count(&mut summary, &checked);
                    sink(checked)?;
                }
            }
            break;
        }
    }
    drop(rx);
    let _ = reader.join();
    progress.finish();
    match failure {
        Some(e) => Err(e),
        None => Ok(summary),
    }
}

fn count(summary: &mut BatchSummary, checked: &Checked) {
    summary.total += 1;
    match &checked.result {
        Ok(_) => summary.valid += 1,
        Err(errors) => {
            summary.invalid += 1;
            if errors.iter().any(|e| e.error.code == ErrorCode::Duplicate) {
                summary.duplicates += 1;
            }
        }
    }
}

impl Pipeline {
    fn key_field(&self) -> &'static str {
        match self.target {
            Target::Contactship => "phone_number",
            Target::SdrAgent => "email",
        }
    }

    /// Validates one chunk with a validator of its own, which leaves duplicates to the merge:
    /// each row comes with its key.
    fn validate(&self, chunk: &[SourceRow]) -> Result<Vec<(Checked, Option<String>)>, Fatal> {
        let mut validator = BatchValidator::without_duplicates(&self.opts);
        let mut out = Vec::with_capacity(chunk.len());
        let mut text = String::new();
        let mut fields = Vec::with_capacity(self.plan.fields.len());
        let mut head = None;
        for source in chunk {
            let (row, key, email) = if self.table_fields(&source.row, &mut fields) {
                // A table's row: its cells given to the library as they are.
                let (row, key) = validator.validate_fields(&fields);
                let email = fields.iter().find(|(f, _)| *f == "email");
                let suggestion = email.and_then(|(_, e)| email_suggestion(e, &row));
                (row, key, suggestion)
            } else {
                self.plan.contact(&source.row, source.number, &mut text)?;
                let (row, key) = validator.validate_json_row_with_key(&text);
                (row, key, self.suggestion(&source.row, &text))
            };
            let result = row.result;
            // A row failing as a whole (not a contact) has no key, whatever its fields.
            let key = match &result {
                Err(errors) if errors.iter().any(|e| e.field.is_empty()) => None,
                _ => key,
            };
            let line = match (&result, self.lines) {
                (Ok(request), true) => Some(ndjson_line(source.number, request, &mut head)),
                _ => None,
            };
            let warnings = email.map(|s| vec![("email", s)]).unwrap_or_default();
            out.push((
                Checked {
                    number: source.number,
                    result,
                    line,
                    warnings,
                },
                key,
            ));
        }
        Ok(out)
    }

    /// A table's row as the fields the plan fills, each with its cell's text (empty cells left
    /// out, as [`Plan::contact`] leaves them), into `fields`; `false` for a row that goes
    /// through the contact's JSON text instead: a JSON row, a row with extra columns to send,
    /// a field joined from several columns, or a cell that is not UTF-8 (which
    /// [`Plan::contact`] reports).
    fn table_fields<'r>(&'r self, row: &'r RawRow, fields: &mut Vec<(&'r str, &'r str)>) -> bool {
        fields.clear();
        let RawRow::Cells(record) = row else {
            return false;
        };
        if self.plan.extras_field.is_some() {
            return false;
        }
        for (field, parts) in &self.plan.fields {
            let [Part::Column(i)] = parts.as_slice() else {
                return false;
            };
            match std::str::from_utf8(record.get(*i).unwrap_or_default()) {
                Ok("") => {}
                Ok(text) => fields.push((field.as_str(), text)),
                Err(_) => return false,
            }
        }
        true
    }

    /// A likely typo in the email's domain, as the library suggests it: `text` is the row's
    /// contact, read again only for a JSON row.
    fn suggestion(&self, row: &RawRow, text: &str) -> Option<String> {
        let email = match row {
            RawRow::Cells(_) => self.plan.cells_text(row, "email"),
            _ if text.contains("\"email\"") => Fields::of(text).and_then(|f| f.email),
            _ => None,
        };
        email.and_then(|e| email::suggest(&e))
    }

    /// The row against the keys of every earlier row: a duplicate of one gets the error the
    /// library gives, with the first row's number as the source counts it.
    fn merge(&self, seen: &mut Seen, mut checked: Checked, key: Option<String>) -> Checked {
        let Some(key) = key else {
            return checked;
        };
        let Some(first) = seen.first_or_insert(&key, checked.number) else {
            return checked;
        };
        let mut params = Params::new();
        // The first row as the source numbers it (the message shows `first_row_number`).
        params.insert("first_row", Value::from(first.saturating_sub(1)));
        params.insert("first_row_number", Value::from(first));
        params.insert("key", Value::from(key));
        let error = ContactError {
            field: self.key_field().to_string(),
            error: FieldError::with_params(ErrorCode::Duplicate, params, self.lang),
        };
        checked.line = None;
        match &mut checked.result {
            Ok(_) => checked.result = Err(vec![error]),
            Err(errors) => errors.push(error),
        }
        checked
    }
}

/// [`email::suggest`] of a row's email cell `typed`: the library's own suggestion, from the
/// row's warnings, when the library took the address as typed, a valid address in plain ASCII
/// (no white space, no `mailto:`, one `@`, a lower-case domain without `xn--` labels, empty
/// labels or a final dot), for which both compare the same local part and domain with the
/// providers; computed again otherwise.
fn email_suggestion(typed: &str, row: &RowResult) -> Option<String> {
    let as_typed = |typed: &str| {
        let (Some(start), Some((_, domain))) = (typed.get(..7), typed.split_once('@')) else {
            return false;
        };
        typed.bytes().all(|b| (0x21..0x7f).contains(&b))
            && !start.eq_ignore_ascii_case("mailto:")
            && domain
                .bytes()
                .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-'))
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !domain.contains("xn--")
    };
    let valid = match &row.result {
        Ok(_) => true,
        Err(errors) => errors.iter().all(|e| e.field != "email"),
    };
    if !(valid && as_typed(typed)) {
        return email::suggest(typed);
    }
    row.warnings
        .iter()
        .find(|w| w.field == "email" && w.error.code == ErrorCode::EmailSuggestion)
        .and_then(|w| w.error.params.get("suggestion")?.as_str().map(String::from))
}

/// The field of a JSON row's contact that warnings need, read without a `Value`.
#[derive(serde::Deserialize)]
struct Fields<'a> {
    #[serde(borrow, default)]
    email: Option<Cow<'a, str>>,
}

impl<'a> Fields<'a> {
    fn of(json: &'a str) -> Option<Self> {
        serde_json::from_str(json).ok()
    }
}

/// The text of a request line between its row and its body, with what it was written for.
struct LineHead {
    method: Method,
    url: String,
    headers: Headers,
    text: Vec<u8>,
}

/// `{"row":N,"request":{...}}`, as serde_json writes a `{row, request}` struct: the request's
/// fields in their order, its body (JSON text) escaped into a JSON string. The text between the
/// row and the body is taken from `head` when the request's method, URL and headers are the ones
/// it was written for (those of every request of a file), else written into it.
fn ndjson_line(row: u64, request: &Request, head: &mut Option<LineHead>) -> String {
    let same = |h: &LineHead| {
        h.method == request.method && h.url == request.url && h.headers == request.headers
    };
    if !head.as_ref().is_some_and(same) {
        let mut text = Vec::with_capacity(96 + request.url.len());
        text.extend_from_slice(b",\"request\":{\"method\":");
        json_string(&mut text, request.method.as_str());
        text.extend_from_slice(b",\"url\":");
        json_string(&mut text, &request.url);
        text.extend_from_slice(b",\"headers\":{");
        for (i, (name, value)) in request.headers.iter().enumerate() {
            if i > 0 {
                text.push(b',');
            }
            json_string(&mut text, name);
            text.push(b':');
            json_string(&mut text, value);
        }
        text.extend_from_slice(b"},\"body\":");
        *head = Some(LineHead {
            method: request.method,
            url: request.url.clone(),
            headers: request.headers.clone(),
            text,
        });
    }
    let text = head.as_ref().map_or(&[][..], |h| &h.text[..]);
    let body = &request.body;
    let mut out = Vec::with_capacity(32 + text.len() + body.len() * 9 / 8);
    out.extend_from_slice(b"{\"row\":");
    let _ = write!(out, "{row}");
    out.extend_from_slice(text);
    json_string(&mut out, body);
    out.extend_from_slice(b"}}");
    // Whole UTF-8 texts and ASCII bytes were written: this never fails.
    String::from_utf8(out).unwrap_or_default()
}

/// `s` as a JSON string literal, as serde_json writes it. Text without control characters
/// (a builder's body: serde_json escaped those inside its strings) only has `"` and `\` to
/// escape: eight bytes without either are copied at once; any other text is escaped by
/// serde_json.
fn json_string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    // The smallest byte, over all of them (no early exit: the loop is vectorized).
    if bytes.iter().fold(u8::MAX, |least, &b| least.min(b)) < 0x20 {
        let _ = serde_json::to_writer(out, s);
        return;
    }
    let escaped = |out: &mut Vec<u8>, text: &[u8]| {
        for &b in text {
            if b == b'"' || b == b'\\' {
                out.push(b'\\');
            }
            out.push(b);
        }
    };
    out.reserve(bytes.len() + bytes.len() / 4 + 2);
    out.push(b'"');
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
        if bytes_equal(w, b'"') | bytes_equal(w, b'\\') == 0 {
            out.extend_from_slice(word);
        } else {
            escaped(out, word);
        }
    }
    escaped(out, words.remainder());
    out.push(b'"');
}

/// The top bit of each byte of `w` that is `b`, and no other bit. A byte's top bit in
/// `(t & LOW7) + LOW7` is set when its low seven bits are not all zero, with no carry into the
/// next byte; or-ed with `t`, it is set when the byte of `t` is not zero.
fn bytes_equal(w: u64, b: u8) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let t = w ^ (u64::from(b) * 0x0101_0101_0101_0101);
    !(((t & LOW7) + LOW7) | t | LOW7)
}

/// A progress bar on stderr when it is a terminal (rows, rows/s, and the ETA from the bytes
/// read when the file's length is known); nothing otherwise.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    read: Arc<AtomicU64>,
    started: Instant,
}

impl Progress {
    fn new(len: Option<u64>, read: Arc<AtomicU64>) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let (bar, template) = match len {
                Some(len) => (
                    indicatif::ProgressBar::new(len),
                    "{bar:30} {percent:>3}% {msg}, ETA {eta}",
                ),
                None => (
                    indicatif::ProgressBar::new_spinner(),
                    "{spinner} {elapsed} {msg}",
                ),
            };
            if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            read,
            started: Instant::now(),
        }
    }

    fn update(&self, summary: &BatchSummary, ahead: usize) {
        if let Some(bar) = &self.bar {
            let rows = summary.total + ahead;
            let secs = self.started.elapsed().as_secs_f64().max(1e-3);
            bar.set_position(self.read.load(Ordering::Relaxed));
            bar.set_message(format!(
                "{rows} rows, {:.0} rows/s, {} invalid",
                rows as f64 / secs,
                summary.invalid
            ));
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `contactkit check`.
pub fn run(args: &CheckArgs) -> Result<bool, Fatal> {
    let started = Instant::now();
    let read = &args.read;
    let opts = batch_options(read, Default::default(), Default::default());
    let out_dir = match &args.out {
        Some(d) => d.clone(),
        None if read.file == "-" => ".".into(),
        None => Path::new(&read.file)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| ".".into(), Path::to_path_buf),
    };
    std::fs::create_dir_all(&out_dir)
        .map_err(|e| Fatal(format!("cannot create {}: {e}", out_dir.display())))?;
    let requests_path = out_dir.join("requests.ndjson");
    let problems_path = out_dir.join("problems.csv");
    let create =
        |p: &Path| File::create(p).map_err(|e| Fatal(format!("cannot write {}: {e}", p.display())));
    let mut requests = BufWriter::with_capacity(1 << 20, create(&requests_path)?);
    let mut problems = csv::Writer::from_writer(BufWriter::new(create(&problems_path)?));
    problems.write_record(["row", "field", "code", "message", "warnings"])?;
    let summary = run_rows(read, opts, true, |checked| {
        if let Some(line) = &checked.line {
            requests.write_all(line.as_bytes())?;
            requests.write_all(b"\n")?;
        }
        let row = || checked.number.to_string();
        if let Err(errors) = &checked.result {
            let row = row();
            for e in errors {
                problems.write_record([
                    row.as_str(),
                    &e.field,
                    e.error.code.as_str(),
                    &e.error.message,
                    "",
                ])?;
            }
        }
        for (field, suggestion) in &checked.warnings {
            problems.write_record([&row(), *field, "", "", &format!("suggestion={suggestion}")])?;
        }
        Ok(())
    })?;
    requests.flush()?;
    problems.flush()?;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{}",
        summary_line(read.lang, &summary, secs, &requests_path, &problems_path)
    );
    Ok(summary.invalid == 0)
}

fn summary_line(
    lang: Lang,
    s: &BatchSummary,
    secs: f64,
    requests: &Path,
    problems: &Path,
) -> String {
    let rate = s.total as f64 / secs.max(1e-9);
    let mut params = Params::with_capacity(8);
    params.insert("rows", s.total.into());
    params.insert("secs", format!("{secs:.2}").into());
    params.insert("rate", format!("{rate:.0}").into());
    params.insert("valid", s.valid.into());
    params.insert("invalid", s.invalid.into());
    params.insert("duplicates", s.duplicates.into());
    params.insert("requests", requests.display().to_string().into());
    params.insert("problems", problems.display().to_string().into());
    messages::render_text(lang.check_summary(), &params, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use contactkit::payload::{build_sdr_agent_contact, SdrAgentOptions};

    /// The suggestion read from the library's warnings is [`email::suggest`]'s, for addresses
    /// taken as typed and for the others, valid or not, with both targets' validators.
    #[test]
    fn email_suggestions_are_suggest_s() {
        let emails = [
            "juan@gmial.com",
            "juan@gmail.com",
            "juan@acme.io",
            "juan@hotmial.co",
            "ana.b@yaho.com.mx",
            "juan@gmail.co",
            "juan@gmail.cl",
            "Juan@Gmial.com",
            "juan@GMAIL.com",
            "juan@gmail.com.",
            "juan@gmail..com",
            "juan@.gmail.com",
            "juan@xn--gmil-6na.com",
            "juan@gmailcom",
            "juan@gmail,com",
            "juan@@gmial.com",
            " juan@gmial.com",
            "mailto:juan@gmial.com",
            "MAILTO:juan@gmial.com",
            "juan.@gmial.com",
            "josé@gmial.com",
            "juan@gmíal.com",
            "juan(x)@gmial.com",
            "a@b",
        ];
        for opts in [
            BatchOptions::Contactship(Default::default()),
            BatchOptions::SdrAgent(Default::default()),
        ] {
            let mut validator = BatchValidator::without_duplicates(&opts);
            for typed in emails {
                let fields = [
                    ("phone_number", "+34 600 000 000"),
                    ("full_name", "Juan"),
                    ("email", typed),
                    ("linkedin_profile", "linkedin.com/in/juan"),
                ];
                let (row, _) = validator.validate_fields(&fields);
                assert_eq!(
                    email_suggestion(typed, &row),
                    email::suggest(typed),
                    "{typed}"
                );
            }
        }
        assert!(email::suggest("juan@gmial.com").is_some());
    }

    /// Quotes and backslashes at every place of an eight-byte word and of the tail, beside
    /// multibyte characters, escaped as serde_json escapes them.
    #[test]
    fn json_strings_are_serde_json_s() {
        for len in 0..40 {
            for at in 0..len {
                for special in ["\"", "\\", "é", "\"\\"] {
                    let mut text = "ab\\cdefgh\"ijklmnopq0123456789ABCDEFGHIJK"[..len]
                        .replace(['"', '\\'], "x");
                    text.replace_range(at..=at, special);
                    let mut out = Vec::new();
                    json_string(&mut out, &text);
                    let want = serde_json::to_string(&text).unwrap();
                    assert_eq!(String::from_utf8(out).unwrap(), want, "{text:?}");
                }
            }
            let text = "\"\\".repeat(len);
            let mut out = Vec::new();
            json_string(&mut out, &text);
            assert_eq!(out, serde_json::to_vec(&text).unwrap());
        }
    }

    /// The line as serde_json writes `{row, request}`, byte for byte.
    #[test]
    fn ndjson_lines_are_serde_json_s() {
        #[derive(serde::Serialize)]
        struct Line<'a> {
            row: u64,
            request: &'a Request,
        }
        let opts = SdrAgentOptions {
            api_key: Some("k\"ey".into()),
            ..Default::default()
        };
        let contact = serde_json::json!({
            "full_name": "Ana \"la\" \\ Pérez\t😀\u{2028}",
            "email": "ana@example.com",
            "linkedin_profile": "linkedin.com/in/ana",
            "metadata": {"note": "a\nb\u{1}", "n": 1.5},
        });
        let request = build_sdr_agent_contact(&contact, &opts).unwrap();
        let mut by_hand = request.clone();
        by_hand.body = "raw \"control\" \n\u{1f}\\ text".into();
        by_hand.url = "https://example.com/\"a\\b\u{7}".into();
        by_hand.method = contactkit::payload::Method::Put;
        // One head kept across lines, as a chunk keeps it: reused, then written anew.
        let mut head = None;
        for (row, request) in [
            (2, &request),
            (3, &request),
            (u64::MAX, &by_hand),
            (4, &request),
        ] {
            let want = serde_json::to_string(&Line { row, request }).unwrap();
            assert_eq!(ndjson_line(row, request, &mut None), want);
            assert_eq!(ndjson_line(row, request, &mut head), want);
        }
    }
}
