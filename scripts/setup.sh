#!/usr/bin/env bash
# Installs what contactkit needs on a fresh machine, skipping whatever is already there.
#   scripts/setup.sh build   Rust wasm32 target, wasm-bindgen-cli (pinned), wasm-pack, npm packages
#   scripts/setup.sh test    all of the above, plus Chromium, the python libphonenumber oracle and
#                            the pinned datasets of the generated tables (target/data-sources/)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-build}

# Keep in step with `wasm-bindgen = "=…"` in Cargo.toml: the CLI only reads modules built by the
# same version of the macro.
WBG_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
# The libphonenumber release of the phone metadata compiled in (build/phone_metadata.json, written
# by scripts/gen_phone_metadata.py); the oracle (python phonenumbers) is pinned to the same one.
PHONENUMBERS_VERSION=$(sed -n '1s/^{"version":"\([0-9.]*\)".*/\1/p' build/phone_metadata.json)

export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WBG_VERSION\$"; then
  say "installing wasm-bindgen-cli $WBG_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi
if ! command -v wasm-pack >/dev/null 2>&1; then
  say "installing wasm-pack (about 3 minutes)"
  cargo install wasm-pack
fi

# npm packages (wasm-opt from binaryen, typescript, libphonenumber-js for the benchmark,
# playwright-core and papaparse for the demo page, the pinned CLDR and IANA data the locale,
# timezone and country tables come from; for tests, Vite, webpack and playwright-core for the
# bundler apps): one lockfile per folder that has one.
npm_dirs=". www bench scripts/data-sources"
[ "$what" = test ] && npm_dirs="$npm_dirs tests/bundlers"
for dir in $npm_dirs; do
  [ -f "$dir/package-lock.json" ] || continue
  # npm ci leaves node_modules/.package-lock.json behind; a newer lockfile means new packages.
  if [ ! "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
    say "installing npm packages in $dir/"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

if [ "$what" = test ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    say "installing Debian's chromium (browser tests)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # The flags of the demo page's country picker, in the screenshots its tests take.
  if ! dpkg -s fonts-noto-color-emoji >/dev/null 2>&1; then
    say "installing Debian's color emoji font (flags in the demo page's screenshots)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq fonts-noto-color-emoji >/dev/null
  fi
  # The fuzz targets (scripts/fuzz.sh): cargo-fuzz on the nightly toolchain.
  if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    say "adding the nightly toolchain (fuzz targets)"
    rustup toolchain install nightly --profile minimal
  fi
  if ! cargo fuzz --version >/dev/null 2>&1; then
    say "installing cargo-fuzz (about 2 minutes)"
    cargo install cargo-fuzz --locked
  fi
  if ! .venv/bin/python -c "import phonenumbers, sys; sys.exit(phonenumbers.__version__ != '$PHONENUMBERS_VERSION')" 2>/dev/null; then
    say "installing python phonenumbers==$PHONENUMBERS_VERSION (the libphonenumber oracle) in .venv/"
    python3 -m venv .venv
    .venv/bin/pip install -q --disable-pip-version-check "phonenumbers==$PHONENUMBERS_VERSION"
  fi
  # The pinned datasets tests/data_sources.rs checks the generated tables against (it skips what
  # is there).
  bash scripts/fetch_data_sources.sh
fi
say "ready"
