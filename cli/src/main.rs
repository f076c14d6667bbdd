//! `contactkit`: checks a contact file and sends it through the Contactship or SDR Agent API.
//!
//! - `contactkit check FILE --target contactship|sdr-agent`: every row validated with the
//!   library's batch API, the requests in `requests.ndjson`, the problems in `problems.csv`.
//! - `contactkit send FILE --target ...`: the valid rows sent, with retries and a journal that
//!   makes a restarted run send only what was never acknowledged.
//!
//! Exit status: 0 when every row is valid (and, for `send`, acknowledged), 1 when some are not,
//! 2 for a usage, file or authentication error.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use contactkit::payload::Target;
use contactkit::Lang;

/// mimalloc: rows are parsed on one thread, validated on others and freed on a third, where
/// glibc's malloc spent a quarter of `check`'s time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod check;
mod input;
mod journal;
mod keys;
mod mapping;
mod send;

/// Check a contact file, then send it to Contactship or SDR Agent.
#[derive(Parser)]
#[command(name = "contactkit", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate every row; write requests.ndjson and problems.csv.
    Check(CheckArgs),
    /// Send the valid rows (or a requests.ndjson written by check) to the API.
    Send(send::SendArgs),
}

/// The API a file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum TargetArg {
    /// Contactship `POST /v1/contacts`.
    Contactship,
    /// SDR Agent `POST /contacts/` and its import flow.
    SdrAgent,
}

impl TargetArg {
    fn target(self) -> Target {
        match self {
            TargetArg::Contactship => Target::Contactship,
            TargetArg::SdrAgent => Target::SdrAgent,
        }
    }
}

/// How to read the rows of a file; what `check` and `send` share.
#[derive(Args, Clone)]
struct ReadArgs {
    /// The input: CSV, TSV, NDJSON or a JSON array (by extension, else by content); `-` is stdin.
    file: String,
    /// The API the rows are for.
    #[arg(long, value_enum)]
    target: TargetArg,
    /// `field=Column` or `field="Column"+" "+"Other column"` (quoted terms that are not a
    /// column are text); `field=` leaves a field unmapped. Repeatable.
    #[arg(long = "map", value_name = "FIELD=COLUMNS")]
    maps: Vec<String>,
    /// Send the columns no field uses in additional_data (Contactship) or metadata (SDR Agent).
    #[arg(long)]
    extras: bool,
    /// The country of phone numbers written without +, for rows without a country.
    #[arg(long, value_name = "COUNTRY")]
    default_country: Option<String>,
    /// Language of messages: en or es.
    #[arg(long, default_value = "en", value_parser = parse_lang)]
    lang: Lang,
    /// The input's format, when its extension or content does not say it.
    #[arg(long, value_enum)]
    format: Option<input::Format>,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    read: ReadArgs,
    /// Where requests.ndjson and problems.csv go (default: the input's folder).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s)
        .ok_or_else(|| format!("unknown language {s:?}: expected one of {}", Lang::tags()))
}

/// A failure that ends the run with status 2: a usage, file or authentication error.
#[derive(Debug)]
struct Fatal(String);

impl<E: std::fmt::Display> From<E> for Fatal {
    fn from(e: E) -> Self {
        Fatal(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Send(args) => send::run(&args),
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Fatal(message)) => {
            eprintln!("contactkit: {message}");
            ExitCode::from(2)
        }
    }
}
