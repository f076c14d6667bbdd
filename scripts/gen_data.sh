#!/usr/bin/env bash
# Regenerates the committed data tables of the locale, timezone and country rules from their
# pinned sources (see scripts/fetch_data_sources.sh for the sources and their versions):
#
#   src/data/locale.rs    <- scripts/gen_locale_data.py   <- IANA Language Subtag Registry
#   src/data/timezone.rs  <- scripts/gen_timezone_data.py <- IANA tz database (tzdata)
#   src/data/country.rs   <- scripts/gen_country_data.py  <- ISO 3166-1 from Debian iso-codes (pycountry)
#
# Needs python3, npm and rustfmt. tests/data_sources.rs fails when a committed table differs
# from what this script generates.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/fetch_data_sources.sh
src=target/data-sources

gen() { # gen OUTPUT SCRIPT SOURCE
    python3 "$2" "$3" | rustfmt --edition 2021 --emit stdout >"$1.tmp"
    mv "$1.tmp" "$1"
    echo "wrote $1"
}
gen src/data/locale.rs scripts/gen_locale_data.py "$src/language-subtag-registry"
gen src/data/timezone.rs scripts/gen_timezone_data.py "$src/python/tzdata"
if [[ -f scripts/gen_country_data.py ]]; then
    gen src/data/country.rs scripts/gen_country_data.py "$src/python/pycountry"
fi
