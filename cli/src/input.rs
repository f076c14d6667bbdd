//! Reading an input file: its encoding (UTF-8, UTF-8 with BOM, UTF-16 with or without BOM)
//! and format (CSV, TSV, NDJSON, JSON array), as a stream of rows in bounded memory.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use clap::ValueEnum;
use serde_json::{Map, Value};

use crate::Fatal;

/// The format of an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Comma-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
    /// One JSON object per line.
    Ndjson,
    /// One JSON array of objects.
    Json,
}

/// An opened input: its decoded text stream and what it is.
pub struct Input {
    /// The UTF-8 text.
    pub reader: Box<dyn BufRead + Send>,
    /// The format read from the extension, the `--format` option or the content.
    pub format: Format,
    /// The file's length in bytes, when it is a file (for the progress bar).
    pub len: Option<u64>,
    /// How many bytes of the file have been read so far.
    pub read: Arc<AtomicU64>,
}

/// A reader that counts the bytes read through it.
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Opens `name` (`-` for stdin), sniffing its encoding and, unless given, its format.
pub fn open(name: &str, format: Option<Format>) -> Result<Input, Fatal> {
    let (raw, len): (Box<dyn Read + Send>, Option<u64>) = if name == "-" {
        (Box::new(io::stdin()), None)
    } else {
        let path = Path::new(name);
        let file = File::open(path).map_err(|e| Fatal(format!("cannot open {name}: {e}")))?;
        let len = file.metadata().ok().map(|m| m.len());
        (Box::new(file), len)
    };
    let read = Arc::new(AtomicU64::new(0));
    let raw: Box<dyn Read + Send> = Box::new(Counting {
        inner: raw,
        read: read.clone(),
    });
    let mut reader = BufReader::with_capacity(1 << 16, raw);
    let reader = decode(&mut reader, name).map(|d| -> Box<dyn BufRead + Send> {
        match d {
            Decoded::Utf8 => Box::new(reader),
            Decoded::Utf16 { big_endian } => Box::new(BufReader::with_capacity(
                1 << 16,
                Utf16Reader::new(reader, big_endian),
            )),
        }
    })?;
    let mut reader = reader;
    let format = match format.or_else(|| by_extension(name)) {
        Some(f) => f,
        None => sniff(&mut reader).map_err(|e| Fatal(format!("cannot read {name}: {e}")))?,
    };
    Ok(Input {
        reader,
        format,
        len,
        read,
    })
}

fn by_extension(name: &str) -> Option<Format> {
    let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "csv" => Some(Format::Csv),
        "tsv" | "tab" => Some(Format::Tsv),
        "ndjson" | "jsonl" => Some(Format::Ndjson),
        "json" => Some(Format::Json),
        _ => None,
    }
}

/// The format of a text from its first line: `[` a JSON array, `{` NDJSON, a tab and no comma
/// TSV, anything else CSV.
fn sniff(reader: &mut dyn BufRead) -> io::Result<Format> {
    let head = reader.fill_buf()?;
    let first = head.iter().find(|b| !b.is_ascii_whitespace());
    let line_end = head.iter().position(|&b| b == b'\n').unwrap_or(head.len());
    let line = &head[..line_end];
    Ok(match first {
        Some(b'[') => Format::Json,
        Some(b'{') => Format::Ndjson,
        _ if line.contains(&b'\t') && !line.contains(&b',') => Format::Tsv,
        _ => Format::Csv,
    })
}

enum Decoded {
    Utf8,
    Utf16 { big_endian: bool },
}

/// Reads the byte order mark, if any (consuming it), and tells UTF-16 without one from the
/// zero bytes of ASCII text.
fn decode(reader: &mut BufReader<Box<dyn Read + Send>>, name: &str) -> Result<Decoded, Fatal> {
    let head = reader
        .fill_buf()
        .map_err(|e| Fatal(format!("cannot read {name}: {e}")))?;
    let found = match head {
        [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..] => {
            return Err(Fatal(format!(
                "{name} is UTF-32, which is not supported: save it as UTF-8 (or UTF-16)"
            )))
        }
        [0xEF, 0xBB, 0xBF, ..] => (3, Decoded::Utf8),
        [0xFF, 0xFE, ..] => (2, Decoded::Utf16 { big_endian: false }),
        [0xFE, 0xFF, ..] => (2, Decoded::Utf16 { big_endian: true }),
        [a, 0, b, 0, ..] if *a != 0 && *b != 0 => (0, Decoded::Utf16 { big_endian: false }),
        [0, a, 0, b, ..] if *a != 0 && *b != 0 => (0, Decoded::Utf16 { big_endian: true }),
        _ => (0, Decoded::Utf8),
    };
    reader.consume(found.0);
    Ok(found.1)
}

/// UTF-16 decoded into UTF-8 as it is read; a lone surrogate is an `InvalidData` error, never
/// replaced.
struct Utf16Reader<R> {
    inner: R,
    big_endian: bool,
    /// Bytes read but not yet decoded (an odd byte, a high surrogate waiting for its pair).
    pending: Vec<u8>,
    /// Decoded UTF-8 not yet handed out, from `out_pos`.
    out: Vec<u8>,
    out_pos: usize,
}

impl<R: Read> Utf16Reader<R> {
    fn new(inner: R, big_endian: bool) -> Self {
        Utf16Reader {
            inner,
            big_endian,
            pending: Vec::new(),
            out: Vec::new(),
            out_pos: 0,
        }
    }

    /// Decodes the next block into `out`; `false` at the end.
    fn refill(&mut self) -> io::Result<bool> {
        let mut buf = [0u8; 1 << 15];
        let n = self.inner.read(&mut buf)?;
        if n == 0 {
            if self.pending.is_empty() {
                return Ok(false);
            }
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "the UTF-16 text ends in the middle of a character",
            ));
        }
        self.pending.extend_from_slice(&buf[..n]);
        let units = self.pending.len() / 2;
        let mut end = units;
        // A high surrogate at the very end waits for the next block.
        if end > 0 {
            let last = self.unit(end - 1);
            if (0xD800..0xDC00).contains(&last) {
                end -= 1;
            }
        }
        self.out.clear();
        self.out_pos = 0;
        let decoded = char::decode_utf16((0..end).map(|i| self.unit(i)));
        let mut text = String::with_capacity(end * 2);
        for c in decoded {
            match c {
                Ok(c) => text.push(c),
                Err(e) => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!(
                            "invalid UTF-16: lone surrogate {:#06x}",
                            e.unpaired_surrogate()
                        ),
                    ))
                }
            }
        }
        self.out = text.into_bytes();
        self.pending.drain(..end * 2);
        Ok(true)
    }

    fn unit(&self, i: usize) -> u16 {
        let pair = [self.pending[2 * i], self.pending[2 * i + 1]];
        if self.big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    }
}

impl<R: Read> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_pos >= self.out.len() {
            if !self.refill()? {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.out.len() - self.out_pos);
        buf[..n].copy_from_slice(&self.out[self.out_pos..self.out_pos + n]);
        self.out_pos += n;
        Ok(n)
    }
}

/// One row of an input as read, before it is mapped to the API's fields.
pub enum RawRow {
    /// The cells of a CSV or TSV record.
    Cells(csv::ByteRecord),
    /// A JSON object (NDJSON line or array element).
    Object(Map<String, Value>),
    /// A JSON row that is not an object, kept so that it fails validation as such.
    Other(Value),
}

/// A row and its number in the source: the spreadsheet row for CSV and TSV (the header is row
/// 1), the line for NDJSON, the position (from 1) for a JSON array.
pub struct SourceRow {
    /// The row's number in the source.
    pub number: u64,
    /// The row.
    pub row: RawRow,
}

/// The rows of an input, read in chunks.
pub enum Rows {
    /// CSV or TSV, with its header.
    Table {
        reader: csv::Reader<Box<dyn BufRead + Send>>,
        headers: Vec<String>,
        next: u64,
    },
    /// NDJSON.
    Lines {
        reader: Box<dyn BufRead + Send>,
        line: u64,
    },
    /// A JSON array, read element by element on a thread of its own.
    Array {
        rx: std::sync::mpsc::Receiver<Result<Value, String>>,
        next: u64,
    },
}

impl Rows {
    /// The rows of `input`; for a table its header is read here.
    pub fn new(input: Input) -> Result<Self, Fatal> {
        match input.format {
            Format::Csv | Format::Tsv => {
                let mut reader = csv::ReaderBuilder::new()
                    .delimiter(if input.format == Format::Tsv {
                        b'\t'
                    } else {
                        b','
                    })
                    .flexible(true)
                    .has_headers(true)
                    .from_reader(input.reader);
                let headers = reader
                    .byte_headers()
                    .map_err(|e| Fatal(format!("cannot read the header row: {e}")))?;
                let headers = headers
                    .iter()
                    .enumerate()
                    .map(|(i, h)| {
                        std::str::from_utf8(h)
                            .map(|h| h.trim().to_string())
                            .map_err(|_| not_utf8(format!("the header of column {}", i + 1)))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Rows::Table {
                    reader,
                    headers,
                    next: 2,
                })
            }
            Format::Ndjson => Ok(Rows::Lines {
                reader: input.reader,
                line: 0,
            }),
            Format::Json => {
                let (tx, rx) = std::sync::mpsc::sync_channel(4096);
                let reader = input.reader;
                std::thread::spawn(move || read_array(reader, tx));
                Ok(Rows::Array { rx, next: 1 })
            }
        }
    }

    /// Up to `n` next rows; an empty chunk at the end. A table's rows are read into the
    /// records of `spare`, an earlier chunk done with (no allocation for a row then).
    pub fn chunk(&mut self, n: usize, spare: Vec<SourceRow>) -> Result<Vec<SourceRow>, Fatal> {
        let mut rows = Vec::with_capacity(n);
        match self {
            Rows::Table { reader, next, .. } => {
                let mut spare = spare.into_iter().filter_map(|s| match s.row {
                    RawRow::Cells(record) => Some(record),
                    _ => None,
                });
                let mut record = spare.next().unwrap_or_default();
                while rows.len() < n {
                    let more = reader
                        .read_byte_record(&mut record)
                        .map_err(|e| Fatal(format!("row {next}: {e}")))?;
                    if !more {
                        break;
                    }
                    let number = *next;
                    *next += 1;
                    if record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
                        continue;
                    }
                    let read = std::mem::replace(&mut record, spare.next().unwrap_or_default());
                    rows.push(SourceRow {
                        number,
                        row: RawRow::Cells(read),
                    });
                }
            }
            Rows::Lines { reader, line } => {
                let mut text = Vec::new();
                while rows.len() < n {
                    text.clear();
                    let read = reader
                        .read_until(b'\n', &mut text)
                        .map_err(|e| Fatal(format!("line {}: {e}", *line + 1)))?;
                    if read == 0 {
                        break;
                    }
                    *line += 1;
                    if text.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let text =
                        std::str::from_utf8(&text).map_err(|_| not_utf8(format!("line {line}")))?;
                    let value: Value = serde_json::from_str(text)
                        .map_err(|e| Fatal(format!("line {line} is not JSON: {e}")))?;
                    rows.push(match request_line(&value) {
                        Some(row) => row,
                        None => SourceRow {
                            number: *line,
                            row: raw_json(value),
                        },
                    });
                }
            }
            Rows::Array { rx, next } => {
                while rows.len() < n {
                    let Ok(value) = rx.recv() else { break };
                    let value = value.map_err(Fatal)?;
                    rows.push(SourceRow {
                        number: *next,
                        row: raw_json(value),
                    });
                    *next += 1;
                }
            }
        }
        Ok(rows)
    }
}

/// A line of a `requests.ndjson` that `check` wrote, `{"row": N, "request": {..., "body"}}`: the
/// row is the request's body (the contact as the API takes it), numbered as in the source.
fn request_line(value: &Value) -> Option<SourceRow> {
    let map = value.as_object()?;
    if map.len() != 2 {
        return None;
    }
    let number = map.get("row")?.as_u64()?;
    let body = map.get("request")?.get("body")?.as_str()?;
    let contact: Value = serde_json::from_str(body).ok()?;
    Some(SourceRow {
        number,
        row: raw_json(contact),
    })
}

fn raw_json(value: Value) -> RawRow {
    match value {
        Value::Object(map) => RawRow::Object(map),
        other => RawRow::Other(other),
    }
}

/// The error for text that is not UTF-8.
pub fn not_utf8(what: String) -> Fatal {
    Fatal(format!(
        "{what} is not UTF-8 (a Latin-1 or Windows-1252 export?): save the file as UTF-8 or UTF-16"
    ))
}

/// Streams the elements of a JSON array into `tx`, one at a time.
fn read_array(
    reader: Box<dyn BufRead + Send>,
    tx: std::sync::mpsc::SyncSender<Result<Value, String>>,
) {
    use serde::de::{Deserializer, SeqAccess, Visitor};
    struct Elements<'a>(&'a std::sync::mpsc::SyncSender<Result<Value, String>>);
    impl<'de> Visitor<'de> for Elements<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON array of rows")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while let Some(v) = seq.next_element::<Value>()? {
                if self.0.send(Ok(v)).is_err() {
                    return Ok(());
                }
            }
            Ok(())
        }
    }
    let mut de = serde_json::Deserializer::from_reader(reader);
    let result = de.deserialize_seq(Elements(&tx)).and_then(|()| de.end());
    if let Err(e) = result {
        let _ = tx.send(Err(format!("the JSON array cannot be read: {e}")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(chunk: &[SourceRow]) -> Vec<(u64, Vec<Vec<u8>>)> {
        let row = |r: &SourceRow| match &r.row {
            RawRow::Cells(record) => (r.number, record.iter().map(<[u8]>::to_vec).collect()),
            _ => (r.number, Vec::new()),
        };
        chunk.iter().map(row).collect()
    }

    /// Rows read into the records of an earlier chunk are the rows read afresh: numbers, cells
    /// (none left over from the longer rows before), rows of white space skipped.
    #[test]
    fn chunks_read_into_spare_records() {
        let text = "a,b,c\n1,2,3\nlong cell,x,y\n\n4,5\n6,7,8,9\n ,\n10,11,12\n";
        let rows = |text: &'static str| {
            Rows::new(Input {
                reader: Box::new(text.as_bytes()),
                format: Format::Csv,
                len: None,
                read: Arc::default(),
            })
            .unwrap()
        };
        let mut fresh = rows(text);
        let mut reused = rows(text);
        let mut spare = Vec::new();
        loop {
            let want = fresh.chunk(2, Vec::new()).unwrap();
            let got = reused.chunk(2, spare).unwrap();
            assert_eq!(cells(&got), cells(&want));
            if got.is_empty() {
                break;
            }
            spare = got;
        }
        let numbers = |mut rows: Rows| {
            let chunk = rows.chunk(10, Vec::new()).unwrap();
            chunk.iter().map(|r| r.number).collect::<Vec<_>>()
        };
        assert_eq!(numbers(rows(text)), [2, 3, 4, 5, 7]);
    }
}
