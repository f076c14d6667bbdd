#!/usr/bin/env bash
# Fetches the pinned datasets the locale, timezone and country tables are generated from and
# tested against. Skips what is already there.
#
#   scripts/data-sources/node_modules/ (npm, pinned in scripts/data-sources/package.json and its
#   lockfile; scripts/setup.sh installs them too):
#     - cldr-core, cldr-bcp47, cldr-localenames-full: CLDR aliases, timezone groups, names
#     - language-subtag-registry: the IANA Language Subtag Registry as JSON
#   target/data-sources/python/ (PyPI, pinned below):
#     - tzdata: the IANA tz database as shipped for Python's zoneinfo
#     - pycountry: Debian iso-codes ISO 3166-1 with its translations
#
# Used by scripts/gen_data.sh (to regenerate src/data/*.rs) and by tests/data_sources.rs (which
# checks the committed tables against these sources). Bump a version here or in
# scripts/data-sources/package.json, run scripts/gen_data.sh, run the tests, commit.
set -euo pipefail

TZDATA_VERSION=2026.6
PYCOUNTRY_VERSION=26.2.16

root="$(cd "$(dirname "$0")/.." && pwd)"

npm_dir="$root/scripts/data-sources"
# npm ci leaves node_modules/.package-lock.json behind; a newer lockfile means new packages.
if [[ ! "$npm_dir/node_modules/.package-lock.json" -nt "$npm_dir/package-lock.json" ]]; then
    (cd "$npm_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi

dest="$root/target/data-sources"
mkdir -p "$dest"
stamp="$dest/versions"
want="tzdata=$TZDATA_VERSION pycountry=$PYCOUNTRY_VERSION"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "data sources present ($want)"
    exit 0
fi
rm -rf "$dest/python"
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps \
    --target "$dest/python" "tzdata==$TZDATA_VERSION" "pycountry==$PYCOUNTRY_VERSION"
echo "$want" >"$stamp"
echo "data sources fetched into $dest ($want)"
