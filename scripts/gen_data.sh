#!/usr/bin/env bash
# Regenerates the committed data tables of the locale, timezone and country rules from their
# pinned sources (see scripts/fetch_data_sources.sh for the sources and their versions):
#
#   src/data/locale.rs    <- scripts/gen_locale_data.py   <- IANA Language Subtag Registry, CLDR aliases
#   src/data/timezone.rs  <- scripts/gen_timezone_data.py <- IANA tz database (tzdata), CLDR timezone groups
#   src/data/country.rs   <- scripts/gen_country_data.py  <- ISO 3166-1 from Debian iso-codes (pycountry), CLDR names
#
# Needs python3, npm and rustfmt. tests/data_sources.rs fails when a committed table differs
# from what this script generates.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/fetch_data_sources.sh
src=target/data-sources

cldr=scripts/data-sources/node_modules

gen() { # gen OUTPUT SCRIPT SOURCE...
    local out=$1 script=$2
    shift 2
    python3 "$script" "$@" | rustfmt --edition 2021 --emit stdout >"$out.tmp"
    mv "$out.tmp" "$out"
    echo "wrote $out"
}
gen src/data/locale.rs scripts/gen_locale_data.py "$cldr/language-subtag-registry" "$cldr/cldr-core"
gen src/data/timezone.rs scripts/gen_timezone_data.py "$src/python/tzdata" "$cldr/cldr-bcp47"
gen src/data/country.rs scripts/gen_country_data.py "$src/python/pycountry" "$cldr"
