//! `contactkit send`: the valid rows of a file (or the requests `check` wrote) sent to the
//! API, with bounded concurrency, a rate limit, retries, and a journal (see [`crate::journal`]).
//!
//! Contactship: one `POST /v1/contacts` per contact. SDR Agent: the import flow (create the
//! import, the contacts with `X-Import-ID`, complete it with `total_rows`, then link
//! `--campaign`), each step recorded in the journal so a restarted run continues it.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::Args;
use contactkit::payload::{
    build_complete_import, build_create_import, build_link_campaign, BatchOptions,
    ContactshipOptions, Request, SdrAgentOptions, Target,
};
use serde_json::{json, Value};
use tokio::sync::{mpsc, Semaphore};

use crate::check::{batch_options, run_rows};
use crate::journal::{Journal, RowState};
use crate::{Fatal, ReadArgs};

#[derive(Args)]
pub struct SendArgs {
    #[command(flatten)]
    read: ReadArgs,
    /// A file holding the API key (else CONTACTSHIP_API_KEY or SDR_AGENT_API_KEY).
    #[arg(long, value_name = "PATH")]
    api_key_file: Option<PathBuf>,
    /// The API's address, for tests and staging: https, or http on a loopback address.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// SDR Agent: the campaign to link the import to once it is complete.
    #[arg(long, value_name = "ID")]
    campaign: Option<String>,
    /// Requests in flight at most.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=1024))]
    concurrency: u32,
    /// Requests started per second at most, as `N/s` or `N`.
    #[arg(long, value_name = "N/s", value_parser = parse_rate)]
    rate: Option<f64>,
    /// Seconds before a request without an answer is abandoned (and retried).
    #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
    timeout: f64,
    /// Attempts per request after the first, on connection errors, timeouts, 429 and 5xx.
    #[arg(long, default_value_t = 8)]
    retries: u32,
    /// The journal (default: next to the input, `<input>.journal`).
    #[arg(long, value_name = "PATH")]
    journal: Option<PathBuf>,
    /// Print the requests that would be sent (credentials hidden), send nothing.
    #[arg(long)]
    dry_run: bool,
}

fn parse_rate(s: &str) -> Result<f64, String> {
    let n = s.trim().trim_end_matches("/s");
    match n.parse::<f64>() {
        Ok(r) if r.is_finite() && r > 0.0 => Ok(r),
        _ => Err(format!("{s:?}: expected requests per second, as 50/s")),
    }
}

/// The base URL must be https, or http on a loopback address (a fake server, a tunnel).
fn check_base_url(url: &str) -> Result<(), Fatal> {
    let parsed = reqwest::Url::parse(url).map_err(|e| Fatal(format!("--base-url {url:?}: {e}")))?;
    let loopback = match parsed.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    };
    match parsed.scheme() {
        "https" => Ok(()),
        "http" if loopback => Ok(()),
        _ => Err(Fatal(format!(
            "--base-url {url:?}: only https, or http on a loopback address (127.0.0.1, ::1, localhost)"
        ))),
    }
}

/// The API key: from `--api-key-file`, else the target's environment variable. Never from
/// the command line, never printed.
fn api_key(args: &SendArgs, target: Target) -> Result<Option<String>, Fatal> {
    let var = match target {
        Target::Contactship => "CONTACTSHIP_API_KEY",
        Target::SdrAgent => "SDR_AGENT_API_KEY",
    };
    let key = match &args.api_key_file {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .map_err(|e| Fatal(format!("cannot read the key file {}: {e}", path.display())))?,
        ),
        None => std::env::var(var).ok(),
    };
    let key = key.map(|k| k.trim().to_string()).filter(|k| !k.is_empty());
    if key.is_none() && !args.dry_run {
        return Err(Fatal(format!(
            "no API key: set {var} or give --api-key-file (keys are never read from the command line)"
        )));
    }
    Ok(key)
}

/// The outcome of one row's request.
#[derive(Debug)]
enum Outcome {
    Created,
    Duplicate,
    Failed(u16, String),
    /// Out of attempts: left uncertain in the journal, sent again by the next run.
    GaveUp(String),
    /// 401 or 403: the run stops.
    Refused(u16),
}

/// Counters of a run.
#[derive(Default)]
struct Counts {
    gave_up: AtomicU64,
    sent: AtomicU64,
}

/// What every request task shares.
struct Shared {
    client: reqwest::Client,
    journal: Mutex<Journal>,
    counts: Counts,
    stop: AtomicBool,
    refused: Mutex<Option<u16>>,
    retries: u32,
    next_slot: Mutex<Instant>,
    interval: Option<Duration>,
    /// The first failures, shown at the end.
    failures: Mutex<Vec<String>>,
}

impl Shared {
    /// Waits for the rate limit's next slot.
    async fn pace(&self) {
        let Some(interval) = self.interval else {
            return;
        };
        let at = {
            let mut next = self.next_slot.lock().unwrap_or_else(|e| e.into_inner());
            let now = Instant::now();
            let at = (*next).max(now);
            *next = at + interval;
            at
        };
        tokio::time::sleep_until(at.into()).await;
    }

    fn journal(&self) -> std::sync::MutexGuard<'_, Journal> {
        self.journal.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A small xorshift generator for the retries' jitter.
fn jitter(seed: &mut u64, max: Duration) -> Duration {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    max.mul_f64((*seed % 10_000) as f64 / 10_000.0)
}

/// The pause before the next attempt: `Retry-After` (with up to 100 ms of jitter) when the
/// answer gave one, else an exponential backoff (100 ms doubling, at most 10 s) with full jitter.
fn pause(attempt: u32, retry_after: Option<Duration>, seed: &mut u64) -> Duration {
    match retry_after {
        Some(w) => w + jitter(seed, Duration::from_millis(100)),
        None => {
            let backoff = Duration::from_millis(100)
                .saturating_mul(1 << attempt.min(10))
                .min(Duration::from_secs(10));
            jitter(seed, backoff)
        }
    }
}

/// `Retry-After` in seconds (the HTTP-date form falls back to the backoff).
fn retry_after(resp: &reqwest::Response) -> Option<Duration> {
    let v = resp
        .headers()
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?;
    let secs: f64 = v.trim().parse().ok()?;
    (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(3600.0)))
}

/// One attempt at a request, after the rate limit's slot: its status, `Retry-After` and body,
/// or the connection error (a body cut short is one too).
async fn attempt_once(
    shared: &Shared,
    request: &Request,
) -> Result<(u16, Option<Duration>, Vec<u8>), reqwest::Error> {
    shared.pace().await;
    let method = match request.method {
        contactkit::payload::Method::Put => reqwest::Method::PUT,
        _ => reqwest::Method::POST,
    };
    let mut builder = shared.client.request(method, &request.url);
    for (name, value) in request.headers.iter() {
        builder = builder.header(name, value);
    }
    let resp = builder.body(request.body.clone()).send().await?;
    let status = resp.status().as_u16();
    let wait = retry_after(&resp);
    resp.bytes().await.map(|body| (status, wait, body.to_vec()))
}

/// Sends one request until it is answered for good, retrying what may succeed later.
/// `uncertain`: an earlier attempt (this run or an earlier one) may have been stored, so a 409
/// is this run's own contact.
async fn deliver(shared: &Shared, request: &Request, mut uncertain: bool, seed: u64) -> Outcome {
    let mut seed = seed | 1;
    let mut attempt = 0;
    loop {
        if shared.stop.load(Ordering::Relaxed) {
            return Outcome::GaveUp("the run stopped".into());
        }
        shared.counts.sent.fetch_add(1, Ordering::Relaxed);
        let answer = attempt_once(shared, request).await;
        let (reason, wait) = match answer {
            Ok((200 | 201, _, _)) => return Outcome::Created,
            Ok((409, _, _)) if uncertain => return Outcome::Created,
            Ok((409, _, _)) => return Outcome::Duplicate,
            Ok((s @ (401 | 403), _, _)) => return Outcome::Refused(s),
            Ok((s @ (408 | 429), wait, _)) => (format!("HTTP {s}"), wait),
            Ok((s, wait, _)) if s >= 500 => {
                // The server may have stored the contact before failing.
                uncertain = true;
                (format!("HTTP {s}"), wait)
            }
            Ok((s, _, body)) => {
                let detail = serde_json::from_slice::<Value>(&body)
                    .ok()
                    .and_then(|v| v.get("detail").map(|d| d.to_string()))
                    .unwrap_or_default();
                return Outcome::Failed(s, detail);
            }
            Err(e) => {
                uncertain = true;
                let kind = if e.is_timeout() {
                    "timeout"
                } else {
                    "connection error"
                };
                (kind.to_string(), None)
            }
        };
        if attempt >= shared.retries {
            return Outcome::GaveUp(format!("{reason} after {} attempts", attempt + 1));
        }
        tokio::time::sleep(pause(attempt, wait, &mut seed)).await;
        attempt += 1;
    }
}

/// Sends an import-flow step (not a contact): created or done, else the reason.
async fn step(shared: &Shared, request: &Request) -> Result<Value, Fatal> {
    for attempt in 0..=shared.retries {
        let answer = attempt_once(shared, request).await;
        let wait = match answer {
            Ok((200..=299, _, body)) => {
                return Ok(serde_json::from_slice(&body).unwrap_or(Value::Null));
            }
            Ok((s @ (401 | 403), _, _)) => return Err(refused(s)),
            Ok((s, wait, _)) if s == 429 || s >= 500 => wait,
            Ok((s, _, body)) => {
                return Err(Fatal(format!(
                    "{} {} answered {s}: {}",
                    request.method.as_str(),
                    request.url,
                    String::from_utf8_lossy(&body)
                )))
            }
            Err(_) => None,
        };
        let mut seed = u64::from(attempt) + 7;
        tokio::time::sleep(pause(attempt, wait, &mut seed)).await;
    }
    Err(Fatal(format!(
        "{} {} failed after {} attempts",
        request.method.as_str(),
        request.url,
        shared.retries + 1
    )))
}

fn refused(status: u16) -> Fatal {
    Fatal(format!(
        "the API refused the credentials (HTTP {status}): check the API key; nothing more was sent"
    ))
}

/// A request as `--dry-run` prints it: credentials hidden.
fn shown(row: Option<u64>, request: &Request) -> String {
    let headers: serde_json::Map<String, Value> = request
        .headers
        .iter()
        .map(|(n, v)| {
            let secret = ["x-api-key", "authorization"]
                .iter()
                .any(|s| s.eq_ignore_ascii_case(n));
            (
                n.to_string(),
                Value::from(if secret { "<redacted>" } else { v }),
            )
        })
        .collect();
    let mut line = json!({
        "method": request.method.as_str(),
        "url": request.url,
        "headers": headers,
        "body": request.body,
    });
    if let Some(row) = row {
        line = json!({"row": row, "request": line});
    }
    line.to_string()
}

/// `contactkit send`.
pub fn run(args: &SendArgs) -> Result<bool, Fatal> {
    let read = &args.read;
    let target = read.target.target();
    if let Some(url) = &args.base_url {
        check_base_url(url)?;
    }
    if args.campaign.is_some() && target != Target::SdrAgent {
        return Err(Fatal("--campaign is for --target sdr-agent".into()));
    }
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        return Err(Fatal(
            "--timeout: expected a positive number of seconds".into(),
        ));
    }
    let key = api_key(args, target)?;
    let journal_path = match (&args.journal, read.file.as_str()) {
        (Some(p), _) => Some(p.clone()),
        (None, "-") if !args.dry_run => {
            return Err(Fatal("reading stdin, send needs --journal PATH".into()))
        }
        (None, "-") => None,
        (None, file) => Some(PathBuf::from(format!("{file}.journal"))),
    };
    let input_bytes = if read.file == "-" {
        None
    } else {
        std::fs::metadata(&read.file).ok().map(|m| m.len())
    };
    let target_name = match target {
        Target::Contactship => "contactship",
        Target::SdrAgent => "sdr_agent",
    };

    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs_f64(args.timeout))
        .connect_timeout(Duration::from_secs_f64(args.timeout.min(10.0)))
        .pool_max_idle_per_host(args.concurrency as usize)
        .build()
        .map_err(|e| Fatal(format!("cannot start the HTTP client: {e}")))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;

    let sdr_base = SdrAgentOptions {
        base_url: args.base_url.clone(),
        api_key: key.clone(),
        lang: read.lang,
        ..Default::default()
    };

    if args.dry_run {
        return dry_run(args, target, key, sdr_base);
    }
    let journal = Journal::open(
        journal_path.as_deref().unwrap_or(std::path::Path::new("-")),
        target_name,
        input_bytes,
    )?;
    let shared = Arc::new(Shared {
        client,
        journal: Mutex::new(journal),
        counts: Counts::default(),
        stop: AtomicBool::new(false),
        refused: Mutex::new(None),
        retries: args.retries,
        next_slot: Mutex::new(Instant::now()),
        interval: args.rate.map(|r| Duration::from_secs_f64(1.0 / r)),
        failures: Mutex::new(Vec::new()),
    });
    let started = Instant::now();

    // SDR Agent: the import the contacts go to, created once and kept in the journal.
    let mut import_id = shared.journal().import_id.clone();
    if target == Target::SdrAgent && import_id.is_none() {
        let name = std::path::Path::new(&read.file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "stdin".into());
        let request =
            build_create_import(&json!({"name": name, "source": "contactkit"}), &sdr_base)
                .map_err(|e| {
                    Fatal(format!(
                        "cannot build the create-import request: {}",
                        first(&e)
                    ))
                })?;
        let answer = runtime.block_on(step(&shared, &request))?;
        let id = answer
            .get("id")
            .or_else(|| answer.get("import_id"))
            .and_then(Value::as_str)
            .ok_or_else(|| Fatal(format!("the create-import answer has no id: {answer}")))?
            .to_string();
        shared.journal().record_step("import", &id)?;
        import_id = Some(id);
    }
    let sdr = SdrAgentOptions {
        import_id: import_id.clone(),
        ..sdr_base.clone()
    };
    let opts = send_options(args, key, sdr);

    // Validation on a thread of its own; the valid rows come through a bounded channel.
    let (tx, mut rx) = mpsc::channel::<(u64, Request)>(4096);
    let read_args = read.clone();
    let invalid_shown = Arc::new(Mutex::new(Vec::<String>::new()));
    let shown_sink = invalid_shown.clone();
    let validation = std::thread::spawn(move || {
        run_rows(&read_args, opts, false, move |checked| {
            match checked.result {
                Ok(request) => {
                    if tx.blocking_send((checked.number, request)).is_err() {
                        return Err(Fatal("stopped".into()));
                    }
                }
                Err(errors) => {
                    let mut shown = shown_sink.lock().unwrap_or_else(|e| e.into_inner());
                    if shown.len() < 10 {
                        if let Some(e) = errors.first() {
                            shown.push(format!("row {}: {e}", checked.number));
                        }
                    }
                }
            }
            Ok(())
        })
    });

    let concurrency = args.concurrency as usize;
    let already = runtime.block_on(async {
        let permits = Arc::new(Semaphore::new(concurrency));
        let mut already = 0u64;
        let mut batch = Vec::with_capacity(64);
        let sync_task = {
            let shared = shared.clone();
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    let _ = shared.journal().sync();
                }
            })
        };
        loop {
            batch.clear();
            let Some(first) = rx.recv().await else { break };
            batch.push(first);
            while batch.len() < 64 {
                match rx.try_recv() {
                    Ok(item) => batch.push(item),
                    Err(_) => break,
                }
            }
            if shared.stop.load(Ordering::Relaxed) {
                break;
            }
            // The batch's `sent` lines are durable before any of its requests goes out.
            let mut todo = Vec::with_capacity(batch.len());
            {
                let mut journal = shared.journal();
                for (row, request) in batch.drain(..) {
                    let state = journal.state(row);
                    if state.done() {
                        already += 1;
                        continue;
                    }
                    journal.record("sent", row, None)?;
                    todo.push((row, request, state == RowState::Uncertain));
                }
                journal.sync()?;
            }
            for (row, request, uncertain) in todo {
                let permit = permits.clone().acquire_owned().await?;
                let shared = shared.clone();
                tokio::spawn(async move {
                    let outcome = deliver(
                        &shared,
                        &request,
                        uncertain,
                        row.wrapping_mul(0x9e37_79b9_7f4a_7c15),
                    )
                    .await;
                    record(&shared, row, outcome);
                    drop(permit);
                });
            }
        }
        // Every task done: all the permits back.
        let _all = permits.acquire_many(concurrency as u32).await?;
        sync_task.abort();
        shared.journal().sync()?;
        Ok::<u64, Fatal>(already)
    });
    drop(rx);
    let validated = validation
        .join()
        .map_err(|_| Fatal("the validation thread failed".into()))?;
    let already = already?;
    if let Some(status) = *shared.refused.lock().unwrap_or_else(|e| e.into_inner()) {
        return Err(refused(status));
    }
    let summary = validated?;
    let c = &shared.counts;
    // Totals over every run of this journal; what is left is this run's.
    let (created, duplicates, failed) = {
        let journal = shared.journal();
        (
            journal.count(RowState::Created),
            journal.count(RowState::Duplicate),
            journal.count(RowState::Failed),
        )
    };
    let gave_up = c.gave_up.load(Ordering::Relaxed);

    // SDR Agent: complete the import once every row is answered, then link the campaign.
    if target == Target::SdrAgent && gave_up == 0 {
        let total = shared.journal().count(RowState::Created);
        let opts = SdrAgentOptions {
            import_id: import_id.clone(),
            ..sdr_base.clone()
        };
        if shared.journal().completed.is_none() {
            let request =
                build_complete_import(&json!({"totalRows": total}), &opts).map_err(|e| {
                    Fatal(format!(
                        "cannot build the complete-import request: {}",
                        first(&e)
                    ))
                })?;
            runtime.block_on(step(&shared, &request))?;
            shared
                .journal()
                .record_step("completed", &total.to_string())?;
        }
        if let Some(campaign) = &args.campaign {
            if !shared.journal().linked.contains(campaign) {
                let request = build_link_campaign(&json!({"campaignId": campaign}), &opts)
                    .map_err(|e| Fatal(format!("--campaign: {}", first(&e))))?;
                runtime.block_on(step(&shared, &request))?;
                shared.journal().record_step("linked", campaign)?;
            }
        }
    }

    let secs = started.elapsed().as_secs_f64();
    for line in invalid_shown
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
    {
        eprintln!("{line}");
    }
    for line in shared
        .failures
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
    {
        eprintln!("{line}");
    }
    let requests = c.sent.load(Ordering::Relaxed);
    eprintln!(
        "{} rows: {} created, {} already there (409), {} refused, {} without an answer (run again to retry them), {} invalid (not sent; see `contactkit check`); {} done by an earlier run; {requests} requests in {secs:.2} s ({:.0}/s); journal {}",
        summary.total,
        created,
        duplicates,
        failed,
        gave_up,
        summary.invalid,
        already,
        requests as f64 / secs.max(1e-9),
        shared.journal().path().display(),
    );
    Ok(summary.invalid == 0 && failed == 0 && gave_up == 0)
}

/// Records a row's outcome in the journal and the counts.
fn record(shared: &Shared, row: u64, outcome: Outcome) {
    let c = &shared.counts;
    let note = |text: String| {
        let mut failures = shared.failures.lock().unwrap_or_else(|e| e.into_inner());
        if failures.len() < 10 {
            failures.push(text);
        }
    };
    let entry = match &outcome {
        Outcome::Created => Some(("created", None)),
        Outcome::Duplicate => Some(("duplicate", None)),
        Outcome::Failed(status, detail) => {
            note(format!("row {row}: HTTP {status} {detail}"));
            Some(("failed", Some(status.to_string())))
        }
        Outcome::GaveUp(reason) => {
            c.gave_up.fetch_add(1, Ordering::Relaxed);
            if !shared.stop.load(Ordering::Relaxed) {
                note(format!("row {row}: {reason}"));
            }
            None
        }
        Outcome::Refused(status) => {
            shared.stop.store(true, Ordering::Relaxed);
            shared
                .refused
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get_or_insert(*status);
            None
        }
    };
    if let Some((word, detail)) = entry {
        let _ = shared.journal().record(word, row, detail.as_deref());
    }
}

/// The library's options for sending: the run's key and base URL for Contactship, `sdr` (with
/// its import) for SDR Agent.
fn send_options(args: &SendArgs, key: Option<String>, sdr: SdrAgentOptions) -> BatchOptions {
    let contactship = ContactshipOptions {
        base_url: args.base_url.clone(),
        api_key: key,
        ..Default::default()
    };
    batch_options(&args.read, contactship, sdr)
}

fn first(errors: &[contactkit::payload::ContactError]) -> String {
    errors.first().map(ToString::to_string).unwrap_or_default()
}

/// `--dry-run`: the requests on stdout, in order, credentials hidden; nothing sent or written.
fn dry_run(
    args: &SendArgs,
    target: Target,
    key: Option<String>,
    sdr_base: SdrAgentOptions,
) -> Result<bool, Fatal> {
    use std::io::Write;
    let read = &args.read;
    let out = std::io::stdout();
    // The import the run would create; its id is only known then.
    const PLACEHOLDER: &str = "00000000-0000-0000-0000-000000000000";
    let sdr = SdrAgentOptions {
        import_id: Some(PLACEHOLDER.into()),
        ..sdr_base.clone()
    };
    if target == Target::SdrAgent {
        let request = build_create_import(
            &json!({"name": read.file, "source": "contactkit"}),
            &sdr_base,
        )
        .map_err(|e| Fatal(first(&e)))?;
        writeln!(out.lock(), "{}", shown(None, &request))?;
    }
    let opts = send_options(args, key, sdr.clone());
    let mut valid = 0u64;
    let summary = run_rows(read, opts, false, |checked| {
        if let Ok(request) = &checked.result {
            valid += 1;
            writeln!(
                std::io::stdout().lock(),
                "{}",
                shown(Some(checked.number), request)
            )?;
        }
        Ok(())
    })?;
    if target == Target::SdrAgent {
        let request = build_complete_import(&json!({"totalRows": valid}), &sdr)
            .map_err(|e| Fatal(first(&e)))?;
        writeln!(out.lock(), "{}", shown(None, &request))?;
        if let Some(campaign) = &args.campaign {
            let request = build_link_campaign(&json!({"campaignId": campaign}), &sdr)
                .map_err(|e| Fatal(first(&e)))?;
            writeln!(out.lock(), "{}", shown(None, &request))?;
        }
    }
    eprintln!(
        "dry run: {} rows, {} requests would be sent, {} invalid rows would not",
        summary.total, summary.valid, summary.invalid
    );
    Ok(summary.invalid == 0)
}
