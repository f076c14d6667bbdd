//! Native benchmarks of phone numbers (issue 5): `cargo bench --bench phone`.
//!
//! The workload is the issue's: parse + validate + E.164 of the national number `612345678`
//! with the default country cycling through 20 countries ("mixed"), or always `ES`
//! ("one country"), through the public API `contactkit::phone::normalize`. The same workload on
//! the `phonenumber` crate used plainly is the reference the goal is stated against. Before the
//! benchmarks, the first call of the process is timed once (a cold start cannot be repeated in
//! one process). Nothing is asserted: the goal (1,000,000 numbers/s mixed) is read off the
//! `thrpt` lines.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::str::FromStr;
    use std::time::{Duration, Instant};

    use contactkit::phone::{self, PhoneOptions};
    use contactkit::Lang;
    use criterion::{Criterion, Throughput};

    const NUMBER: &str = "612345678";
    const COUNTRIES: [&str; 20] = [
        "US", "GB", "DE", "FR", "ES", "MX", "BR", "IN", "JP", "CN", "AR", "CO", "IT", "NL", "AU",
        "CA", "RU", "ZA", "NG", "EG",
    ];

    fn options(country: &str) -> PhoneOptions {
        PhoneOptions {
            default_country: Some(country.to_string()),
            lang: Lang::En,
        }
    }

    /// The E.164 value, or "" when the number is not valid: the work every engine does.
    fn contactkit_e164(opts: &PhoneOptions) -> String {
        phone::normalize(NUMBER, opts)
            .map(|p| p.value)
            .unwrap_or_default()
    }

    fn phonenumber_e164(country: phonenumber::country::Id) -> String {
        match phonenumber::parse(Some(country), NUMBER) {
            Ok(n) if phonenumber::is_valid(&n) => {
                n.format().mode(phonenumber::Mode::E164).to_string()
            }
            _ => String::new(),
        }
    }

    /// Times the first call of this process, then the first call for each other country.
    fn cold_start() {
        let t = Instant::now();
        let first = contactkit_e164(&options("ES"));
        let first_ms = t.elapsed().as_secs_f64() * 1e3;
        let (mut worst, mut worst_country) = (Duration::ZERO, "");
        for c in COUNTRIES.iter().filter(|c| **c != "ES") {
            let t = Instant::now();
            black_box(contactkit_e164(&options(c)));
            if t.elapsed() > worst {
                (worst, worst_country) = (t.elapsed(), c);
            }
        }
        println!(
            "phone/cold: first call {first_ms:.3} ms ({first:?}); slowest first call for another \
             country {:.3} ms ({worst_country})",
            worst.as_secs_f64() * 1e3
        );
    }

    fn contactkit(c: &mut Criterion) {
        let mixed: Vec<PhoneOptions> = COUNTRIES.iter().map(|c| options(c)).collect();
        let one = [options("ES")];
        let mut g = c.benchmark_group("phone");
        g.throughput(Throughput::Elements(1));
        for (name, opts) in [("mixed", &mixed[..]), ("one_country", &one[..])] {
            g.bench_function(name, |b| {
                let mut i = 0;
                b.iter(|| {
                    i = (i + 1) % opts.len();
                    contactkit_e164(black_box(&opts[i]))
                })
            });
        }
        g.finish();
    }

    fn reference(c: &mut Criterion) {
        let ids: Vec<phonenumber::country::Id> = COUNTRIES
            .iter()
            .filter_map(|c| phonenumber::country::Id::from_str(c).ok())
            .collect();
        let mut g = c.benchmark_group("reference/phonenumber_crate");
        // About 100 numbers/s mixed: few samples, or this group alone would take minutes.
        g.sample_size(10).measurement_time(Duration::from_secs(3));
        g.throughput(Throughput::Elements(1));
        for (name, ids) in [("mixed", &ids[..]), ("one_country", &ids[4..5])] {
            g.bench_function(name, |b| {
                let mut i = 0;
                b.iter(|| {
                    i = (i + 1) % ids.len();
                    phonenumber_e164(black_box(ids[i]))
                })
            });
        }
        g.finish();
    }

    pub fn main() {
        cold_start();
        let mut c = Criterion::default().configure_from_args();
        contactkit(&mut c);
        reference(&mut c);
        c.final_summary();
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}
