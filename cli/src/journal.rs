//! The journal of a `send` run: an append-only text file next to the input that records, per
//! source row, that its request was about to go out (`sent`) and what the API answered, so a
//! run killed at any point (SIGKILL included) and started again sends only what was never
//! acknowledged.
//!
//! ```text
//! contactkit-journal 1 target=sdr_agent input_bytes=123456
//! import 7c9e6679-7425-40de-944b-e07fc1f90ae7
//! sent 2
//! sent 3
//! created 2
//! duplicate 3
//! failed 9 400
//! completed 1
//! linked Q1-2024
//! ```
//!
//! The `sent` lines of a batch are written and fsync'd before its requests go out; answers are
//! fsync'd in batches too. A row with `sent` and no answer is uncertain: the request may have
//! been stored. It is sent again, and a `409 Conflict` then counts as created (both APIs reject
//! a second contact with the same key, so a contact is never stored twice). A torn last line
//! (the process killed mid-write) is ignored.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::Fatal;

/// What the journal knows of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowState {
    /// Never sent.
    New,
    /// Sent, no answer recorded.
    Uncertain,
    /// Created by the API.
    Created,
    /// Already there: `409 Conflict` to a request sent for the first time.
    Duplicate,
    /// Refused for good (a 4xx other than 401, 403, 408, 409, 429).
    Failed,
}

impl RowState {
    /// Whether the API acknowledged the row (it is not sent again).
    pub fn done(self) -> bool {
        matches!(
            self,
            RowState::Created | RowState::Duplicate | RowState::Failed
        )
    }

    fn code(self) -> u8 {
        self as u8
    }

    fn from_code(c: u8) -> RowState {
        match c {
            1 => RowState::Uncertain,
            2 => RowState::Created,
            3 => RowState::Duplicate,
            4 => RowState::Failed,
            _ => RowState::New,
        }
    }
}

/// An open journal: what earlier runs recorded, and the file to append to.
pub struct Journal {
    path: PathBuf,
    out: BufWriter<File>,
    /// A byte per row number (rows are dense: spreadsheet rows, lines).
    states: Vec<u8>,
    /// The SDR Agent import the rows go to.
    pub import_id: Option<String>,
    /// The import was completed with this many rows.
    pub completed: Option<u64>,
    /// The campaigns linked.
    pub linked: Vec<String>,
}

impl Journal {
    /// Opens (or starts) the journal at `path` for a run of `target` over an input of
    /// `input_bytes` bytes; a journal of another target or input is an error.
    pub fn open(path: &Path, target: &str, input_bytes: Option<u64>) -> Result<Journal, Fatal> {
        let header = format!(
            "contactkit-journal 1 target={target} input_bytes={}",
            input_bytes.map_or_else(|| "-".to_string(), |n| n.to_string())
        );
        let mut journal = Journal {
            path: path.to_path_buf(),
            out: BufWriter::new(
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)
                    .map_err(|e| {
                        Fatal(format!("cannot open the journal {}: {e}", path.display()))
                    })?,
            ),
            states: Vec::new(),
            import_id: None,
            completed: None,
            linked: Vec::new(),
        };
        let mut text = BufReader::new(
            File::open(path)
                .map_err(|e| Fatal(format!("cannot read the journal {}: {e}", path.display())))?,
        );
        let mut first = true;
        let mut line = Vec::new();
        loop {
            line.clear();
            text.read_until(b'\n', &mut line)
                .map_err(|e| Fatal(format!("cannot read the journal: {e}")))?;
            // The last piece has no newline when a write was cut short: ignored, and ended so
            // that the next line starts on a line of its own.
            if line.last() != Some(&b'\n') {
                if !line.is_empty() && !first {
                    writeln!(journal.out)?;
                }
                break;
            }
            let line = String::from_utf8_lossy(&line[..line.len() - 1]);
            if first {
                first = false;
                if line != header {
                    return Err(Fatal(format!(
                        "the journal {} is of another run ({line:?}; this run is {header:?}): \
                         the input or target changed; remove the journal to start over",
                        path.display()
                    )));
                }
                continue;
            }
            journal.replay(&line);
        }
        if first {
            journal.out.get_mut().set_len(0)?;
            writeln!(journal.out, "{header}")?;
            journal.sync()?;
        }
        Ok(journal)
    }

    fn replay(&mut self, line: &str) {
        let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
        let row = || rest.split(' ').next().and_then(|r| r.parse::<u64>().ok());
        let state = match word {
            "sent" => RowState::Uncertain,
            "created" => RowState::Created,
            "duplicate" => RowState::Duplicate,
            "failed" => RowState::Failed,
            "import" => {
                self.import_id = Some(rest.to_string());
                return;
            }
            "completed" => {
                self.completed = rest.parse().ok();
                return;
            }
            "linked" => {
                self.linked.push(rest.to_string());
                return;
            }
            _ => return,
        };
        if let Some(r) = row() {
            // An answer is never overwritten by a later `sent` of an earlier run's row.
            if state != RowState::Uncertain || !self.state(r).done() {
                self.set(r, state);
            }
        }
    }

    /// The path of the journal.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What is known of `row`.
    pub fn state(&self, row: u64) -> RowState {
        let i = usize::try_from(row).unwrap_or(usize::MAX);
        RowState::from_code(self.states.get(i).copied().unwrap_or(0))
    }

    fn set(&mut self, row: u64, state: RowState) {
        let Ok(i) = usize::try_from(row) else { return };
        if i >= self.states.len() {
            self.states.resize(i + 1, 0);
        }
        self.states[i] = state.code();
    }

    /// How many rows are in `state`.
    pub fn count(&self, state: RowState) -> u64 {
        self.states.iter().filter(|&&s| s == state.code()).count() as u64
    }

    /// Records a line (`sent 12`, `created 12`, `import <id>`); durable after [`Journal::sync`].
    pub fn record(&mut self, word: &str, row: u64, detail: Option<&str>) -> Result<(), Fatal> {
        match detail {
            Some(d) => writeln!(self.out, "{word} {row} {d}")?,
            None => writeln!(self.out, "{word} {row}")?,
        }
        let state = match word {
            "sent" => RowState::Uncertain,
            "created" => RowState::Created,
            "duplicate" => RowState::Duplicate,
            _ => RowState::Failed,
        };
        self.set(row, state);
        Ok(())
    }

    /// Records a step of the import flow (`import <id>`, `completed <n>`, `linked <campaign>`)
    /// and makes it durable.
    pub fn record_step(&mut self, word: &str, value: &str) -> Result<(), Fatal> {
        writeln!(self.out, "{word} {value}")?;
        match word {
            "import" => self.import_id = Some(value.to_string()),
            "completed" => self.completed = value.parse().ok(),
            _ => self.linked.push(value.to_string()),
        }
        self.sync()
    }

    /// Writes what is buffered and fsyncs it.
    pub fn sync(&mut self) -> Result<(), Fatal> {
        self.out.flush()?;
        self.out.get_ref().sync_data()?;
        Ok(())
    }
}
