#!/usr/bin/env bash
# Fetches the pinned datasets the locale, timezone and country tables are generated from, into
# target/data-sources/ (build output, not committed). Skips what is already there.
#
#   - language-subtag-registry (npm): the IANA Language Subtag Registry as JSON   -> locale
#   - tzdata (PyPI): the IANA tz database as shipped for Python's zoneinfo        -> timezone
#   - pycountry (PyPI): Debian iso-codes ISO 3166-1 with its translations         -> country
#
# Used by scripts/gen_data.sh (to regenerate src/*_data.rs) and by tests/data_sources.rs (which
# checks the committed tables against these sources). Bump a version here, run
# scripts/gen_data.sh, run the tests, commit.
set -euo pipefail

LANGUAGE_SUBTAG_REGISTRY_VERSION=0.4.2
TZDATA_VERSION=2026.6
PYCOUNTRY_VERSION=26.2.16

root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/target/data-sources"
mkdir -p "$dest"

stamp="$dest/versions"
want="registry=$LANGUAGE_SUBTAG_REGISTRY_VERSION tzdata=$TZDATA_VERSION pycountry=$PYCOUNTRY_VERSION"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "data sources present ($want)"
    exit 0
fi

rm -rf "$dest/language-subtag-registry" "$dest/python"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "language-subtag-registry@$LANGUAGE_SUBTAG_REGISTRY_VERSION" >/dev/null)
mkdir -p "$dest/language-subtag-registry"
tar -xzf "$tmp/language-subtag-registry-$LANGUAGE_SUBTAG_REGISTRY_VERSION.tgz" \
    -C "$dest/language-subtag-registry" --strip-components=1

python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps \
    --target "$dest/python" "tzdata==$TZDATA_VERSION" "pycountry==$PYCOUNTRY_VERSION"

echo "$want" >"$stamp"
echo "data sources fetched into $dest ($want)"
