//! The tests' fake server of both APIs, as a program for the benchmark and for trying `send`:
//!
//! ```text
//! cargo run -p contactkit-cli --example fake_api -- [--port 8080] [--key KEY] [--fault-rate 0.05] [--seed 1] [--slow-ms 1500]
//! ```
//!
//! It prints its address, then `GET /_fake/state` gives its counts.

#[path = "../tests/fake/mod.rs"]
mod fake;

use std::time::Duration;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let mut config = fake::Config::default();
    let mut port = 0u16;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i + 1 < args.len() {
        let value = &args[i + 1];
        let bad = || -> ! {
            eprintln!("fake_api: bad value {value:?} for {}", args[i]);
            std::process::exit(2)
        };
        match args[i].as_str() {
            "--port" => port = value.parse().unwrap_or_else(|_| bad()),
            "--key" => config.api_key = value.clone(),
            "--fault-rate" => config.fault_rate = value.parse().unwrap_or_else(|_| bad()),
            "--seed" => config.seed = value.parse().unwrap_or_else(|_| bad()),
            "--slow-ms" => {
                config.slow = Duration::from_millis(value.parse().unwrap_or_else(|_| bad()))
            }
            "--retry-after" => config.retry_after = value.parse().unwrap_or_else(|_| bad()),
            _ => bad(),
        }
        i += 2;
    }
    let (addr, _fake) = fake::start(config, port).await;
    println!("http://{addr}");
    std::future::pending::<()>().await;
}
