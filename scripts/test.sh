#!/usr/bin/env bash
# Runs every test of contactkit, installing what is missing first (scripts/setup.sh test):
# lints, the crate as crates.io and docs.rs take it, Rust tests natively and in Wasm (Node), the
# contactkit command (cli/) against its fake server, the generated data tables against their
# pinned datasets, the libphonenumber differential test, the
# built npm package under Node (API, README examples, size budget, init, the packed tarball) and
# in Vite and webpack apps in Chromium, and the demo page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "format and lints (native and wasm32)"
cargo fmt --check
# --all-features: the `http` conversion and examples/send_with_reqwest.rs too.
cargo clippy --all-targets --all-features --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --features talc --quiet -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet

step "the crate as crates.io and docs.rs take it"
# The docs as docs.rs builds them (Cargo.toml's [package.metadata.docs.rs]: every feature,
# --cfg docsrs, which needs nightly's doc_cfg: RUSTC_BOOTSTRAP lets stable build it), in a
# target dir of their own so that neither build invalidates the other's.
RUSTC_BOOTSTRAP=1 RUSTDOCFLAGS="--cfg docsrs -D warnings" \
  cargo doc --no-deps --all-features --quiet --target-dir target/docsrs
# Packs the crate as crates.io would get it and builds it from the package (Cargo.toml's
# `include`); uploads nothing. --allow-dirty: a working tree being tested may have changes.
cargo publish --dry-run --allow-dirty -p contactkit --quiet

step "Rust tests, native"
cargo test --quiet --all-features

step "Rust tests, wasm32 in Node"
cargo test --target wasm32-unknown-unknown

step "the contactkit command (cli/): lints, check, send against the fake server with faults"
cargo clippy -p contactkit-cli --all-targets --quiet -- -D warnings
cargo test -p contactkit-cli --quiet

step "the generated locale, timezone and country tables against their pinned datasets"
# The datasets are in target/data-sources/ (scripts/setup.sh test fetched them).
cargo test --quiet --all-features --test data_sources -- --ignored

step "phone numbers against libphonenumber (python phonenumbers)"
.venv/bin/python scripts/phone_oracle.py tests/oracle/phone.tsv
cargo test --release --test phone_differential -- --ignored --nocapture

step "phone numbers as you type against libphonenumber's AsYouTypeFormatter"
.venv/bin/python scripts/phone_aytf_oracle.py tests/oracle/phone_aytf.tsv
cargo test --release --test phone_as_you_type -- --ignored --nocapture

step "fuzz targets, 30 s each on their committed corpus (9 targets: about 5 minutes)"
FUZZ_SEED=1 bash scripts/fuzz.sh 30

step "the npm package under Node"
bash scripts/build.sh
node --test tests/node/
# Generated contacts through the package and the native builders: the same answers.
cargo test --quiet --test payload_wasm_parity -- --ignored

step "the npm package in Vite (dev server, build) and webpack 5, in Chromium"
node --test tests/bundlers/

if [ -d www/tests ]; then
  step "the demo page in Chromium"
  node --test www/tests/
fi
