#!/usr/bin/env python3
"""Generates src/data/country.rs from ISO 3166-1 as kept by Debian's iso-codes, and CLDR names.

Sources: the PyPI package `pycountry`, which ships iso-codes' iso3166-1.json and its gettext
translations (fetched by scripts/fetch_data_sources.sh); the npm packages `cldr-localenames-full`
(territory names in every CLDR locale) and `cldr-core` (territoryInfo: each country's official
languages), pinned in scripts/data-sources/package.json.

    python3 scripts/gen_country_data.py target/data-sources/python/pycountry \
        scripts/data-sources/node_modules > src/data/country.rs

What is indexed, for each of the 249 countries:
  - tier 1: its `name` and `common_name` in English and their translations in Spanish,
    Portuguese (pt and pt_BR), French and German, as iso-codes has them, and its
    `official_name` in English, Spanish, Portuguese, French and German;
  - tier 1: the hand-listed aliases of HAND_ALIASES below (short forms and old names people type);
  - tier 2: CLDR's names (with their `short` and `variant` forms) in English, Spanish,
    Portuguese, French and German, and the country's own name in each of its official
    languages (`official` or `de_facto_official` in CLDR's territoryInfo: `Nederland`,
    `Polska`, `Sverige`, `Россия`, `日本`);
  - tier 2 for the names of tier 1, tier 3 for CLDR's: forms derived from those names (so a
    CLDR name never hides that a derived form fits another country: `Saint Martin`):
    the part before a comma or a parenthesis
    ("Bolivia, Plurinational State of" -> "Bolivia"), the comma form turned around
    ("Korea, Republic of" -> "Republic of Korea"), a name without its leading article
    ("The Democratic Republic of the Congo" -> "Democratic Republic of the Congo"), "St"
    for "Saint" ("St. Lucia"), and German names with umlauts spelled `ae`, `oe`, `ue`
    ("Oesterreich", "Daenemark").
Alpha-2 and alpha-3 codes are matched at run time from the country list itself.

A key is a name folded the way src/country.rs folds input: lower case, accents and other marks
removed, a few letters spelled out (ß -> ss, æ -> ae, ø -> o, ...), everything that is not a-z or
0-9 dropped ("Côte d'Ivoire" -> "cotedivoire", "EE. UU." -> "eeuu"). The folding table for
accented Latin letters (FOLD_0, FOLD_1) is generated here too, from Python's unicodedata. A key takes its countries
from the lowest tier that has it; when that tier names several countries the key is kept as
ambiguous (value "KP,KR") so the rule can say so instead of picking one.

Output: COUNTRIES, lines `AD=AND=Andorra` sorted by alpha-2 (the English name is iso-codes'
common_name when it has one, else its name), and NAMES, lines `key=CC` (or `key=CC,DD`) sorted
by key.
"""

import gettext
import json
import re
import sys
import unicodedata
from pathlib import Path

LANGUAGES = ["es", "pt", "pt_BR", "fr", "de"]
# libphonenumber's regions that are not ISO 3166-1 countries: Ascension Island, Tristan da
# Cunha, Kosovo.
PHONE_ONLY_REGIONS = ["AC", "TA", "XK"]
OFFICIAL_NAME_LANGUAGES = ["es", "pt", "fr", "de"]
# The languages whose CLDR names are indexed for every country (the others only for the
# countries where they are official).
CLDR_LANGUAGES = ["en", "es", "pt", "fr", "de"]
OFFICIAL_STATUSES = {"official", "de_facto_official"}
UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}

# ---------------------------------------------------------------------------------------------
# Hand-listed aliases: common short forms, abbreviations and former names that iso-codes does
# not carry. Keep this list short and obvious; every entry must name one country only (the
# generator fails if an alias is already a name of another country).
HAND_ALIASES = {
    "US": ["USA", "U.S.A.", "EEUU", "EE. UU.", "EUA", "Estados Unidos de Norteamérica"],
    "GB": ["UK", "U.K.", "Great Britain", "Britain", "Gran Bretaña", "Grã-Bretanha",
           "Grande-Bretagne", "Großbritannien", "England", "Inglaterra", "Angleterre",
           "Scotland", "Escocia", "Wales", "Northern Ireland"],
    "AE": ["UAE", "EAU", "Emirates"],
    "RU": ["Russia", "Rusia", "Rússia", "Russland"],
    "NL": ["Holland", "Holanda", "Hollande"],
    "TR": ["Turkey", "Turkiye"],
    "CI": ["Ivory Coast"],
    "CZ": ["Czech Rep."],
    "VA": ["Vatican", "Vatican City", "Vaticano", "Ciudad del Vaticano", "Vatikan",
           "Vatikanstadt", "Cité du Vatican"],
    "MK": ["Macedonia", "Macédoine", "Mazedonien"],
    "SZ": ["Swaziland", "Suazilandia"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor"],
    "MM": ["Burma", "Birmania"],
    "CD": ["DR Congo", "DRC", "RDC", "RD Congo", "Congo-Kinshasa", "Zaire",
           "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "BN": ["Brunei"],
    "FK": ["Falklands", "Malvinas", "Islas Malvinas"],
    "KR": ["Korea South"],
    "KP": ["Korea North"],
}
# Deliberately not listed: "America"/"América" (a continent in Spanish and Portuguese) and
# "Korea"/"Corea" (two countries): those stay unknown or ambiguous rather than guessed.
# ---------------------------------------------------------------------------------------------

ARTICLES = {"the", "el", "la", "los", "las", "o", "a", "os", "as", "le", "les", "l", "die",
            "der", "das"}

# Folding. Latin letters with marks are spelled in ASCII through a table generated here from
# Unicode (NFKD, marks dropped, lower case) for the two blocks where they live; the few letters
# NFKD leaves alone are spelled by hand (SPELLED). Combining marks are skipped, so precomposed
# and decomposed input fold alike. Letters of other scripts are kept, lower-cased (`Россия` ->
# `россия`), except those whose lower case or NFC form differ between Unicode versions or
# scripts' conventions (the names using them are left out: see `stable`). Any other character
# separates words.
FOLD_RANGES = [(0x00C0, 0x024F), (0x1E00, 0x1EFF)]
SPELLED = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ı": "i",
           "þ": "th", "ħ": "h", "ŧ": "t", "ŋ": "n", "ĸ": "k", "ŀ": "l", "ƀ": "b", "ɨ": "i",
           "ɇ": "e"}
COMBINING_MARKS = [(0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF),
                   (0xFE20, 0xFE2F)]


def spell(cp):
    """The ASCII spelling (0-2 characters) of a code point of FOLD_RANGES."""
    text = unicodedata.normalize("NFKD", chr(cp))
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("M")).lower()
    text = "".join(SPELLED.get(ch, ch) for ch in text)
    text = "".join(ch for ch in text if ch.isascii() and ch.isalnum())
    assert len(text) <= 2, (hex(cp), text)
    return text


FOLD = {cp: spell(cp) for lo, hi in FOLD_RANGES for cp in range(lo, hi + 1)}


def is_mark(ch):
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in COMBINING_MARKS)


def other_letter(ch):
    """A letter outside FOLD_RANGES kept as it is, lower-cased: one whose lower case is one
    character that is itself a plain letter (Rust's `char::to_lowercase` agrees on those)."""
    if ch.isascii() or (FOLD_RANGES[0][0] <= ord(ch) <= FOLD_RANGES[-1][1] and ord(ch) in FOLD):
        return None
    if not unicodedata.category(ch).startswith("L"):
        return None
    lower = ch.lower()
    if len(lower) != 1 or not unicodedata.category(lower).startswith("L"):
        return None
    # One sigma: a capital is lowered letter by letter, so it could not tell the final form.
    return "σ" if lower == "ς" else lower


def tokens(text):
    """The words of `text`, folded exactly as `fold` in src/country.rs folds them."""
    words, word = [], ""
    for ch in text:
        cp = ord(ch)
        if ch.isascii() and ch.isalnum():
            word += ch.lower()
        elif is_mark(ch):
            continue
        elif FOLD.get(cp):
            word += FOLD[cp]
        elif other_letter(ch):
            word += other_letter(ch)
        elif word:
            words.append(word)
            word = ""
    if word:
        words.append(word)
    return words


def key(text):
    return "".join(tokens(text))


def derived(name):
    """Tier-2 forms of a name."""
    forms = []
    if "(" in name:
        forms.append(name.split("(")[0])
    if "," in name:
        head, tail = name.split(",", 1)
        forms.append(head)
        forms.append(f"{tail} {head}")
    out = []
    for f in [name] + forms:
        t = tokens(f)
        if len(t) > 1 and t[0] in ARTICLES:
            out.append("".join(t[1:]))
        if f is not name:
            out.append("".join(t))
        if "saint" in t:  # "St Lucia", "St. Kitts and Nevis"
            out.append("".join("st" if w == "saint" else w for w in t))
    return out


def cldr_names(npm, codes):
    """(alpha2, name) of CLDR: every country in CLDR_LANGUAGES, and each country in its own
    official languages; short and variant forms included."""
    info = json.loads((npm / "cldr-core/supplemental/territoryInfo.json").read_text())
    info = info["supplemental"]["territoryInfo"]
    main = npm / "cldr-localenames-full/main"

    def names_in(locale):
        path = main / locale / "territories.json"
        if not path.exists():
            return {}
        data = json.loads(path.read_text())["main"][locale]["localeDisplayNames"]["territories"]
        out = {}
        for k, v in data.items():
            code, _, alt = k.partition("-alt-")
            if code in codes and alt in ("", "short", "variant"):
                out.setdefault(code, []).append(v)
        return out

    found = []
    for lang in CLDR_LANGUAGES:
        for cc, names in names_in(lang).items():
            found += [(cc, n, lang) for n in names]
    for cc in sorted(codes):
        for lang, p in info.get(cc, {}).get("languagePopulation", {}).items():
            if p.get("_officialStatus") in OFFICIAL_STATUSES:
                locale = lang.replace("_", "-")
                found += [(cc, n, locale) for n in names_in(locale).get(cc, [])]
    version = json.loads((npm / "cldr-localenames-full/package.json").read_text())["version"]
    return found, version


def umlauts_spelled(name):
    """`Österreich` -> `Oesterreich`; None when there is no umlaut."""
    spelled = "".join(UMLAUTS.get(ch, ch) for ch in unicodedata.normalize("NFC", name))
    return spelled if spelled != name else None


def main():
    src = Path(sys.argv[1])
    npm = Path(sys.argv[2])
    version = json.loads((src / "databases/iso3166-1.json").read_text())
    countries = version["3166-1"]
    meta = next(src.parent.glob("pycountry-*.dist-info"), None)
    pycountry_version = meta.name.split("-")[1].replace(".dist", "") if meta else "?"
    translations = {
        lang: gettext.translation("iso3166-1", src / "locales", languages=[lang])
        for lang in LANGUAGES
    }

    codes = {c["alpha_2"] for c in countries}
    tiers = {}  # key -> {tier: set(alpha2)}

    def add(k, tier, cc):
        if k:
            tiers.setdefault(k, {}).setdefault(tier, set()).add(cc)

    for c in countries:
        cc = c["alpha_2"]
        short = [c[f] for f in ("name", "common_name") if f in c]
        official = [c["official_name"]] if "official_name" in c else []
        names = short + official
        for lang, t in translations.items():
            names += [t.gettext(n) for n in short]
            if lang in OFFICIAL_NAME_LANGUAGES:
                names += [t.gettext(n) for n in official]
        for n in names:
            add(key(n), 1, cc)
            for d in derived(n):
                add(d, 2, cc)
        for n in [translations["de"].gettext(n) for n in short + official]:
            if umlauts_spelled(n):
                add(key(umlauts_spelled(n)), 3, cc)

    cldr, cldr_version = cldr_names(npm, codes)
    for cc, n, lang in cldr:
        add(key(n), 2, cc)
        for d in derived(n):
            add(d, 3, cc)
        if lang == "de" and umlauts_spelled(n):
            add(key(umlauts_spelled(n)), 3, cc)

    for cc, aliases in HAND_ALIASES.items():
        assert cc in codes, cc
        for a in aliases:
            k = key(a)
            others = {o for t in (1,) for o in tiers.get(k, {}).get(t, set())} - {cc}
            assert not others, f"hand alias {a!r} for {cc} is already a name of {others}"
            add(k, 1, cc)

    lines = []
    for k in sorted(tiers, key=str.encode):
        by_tier = tiers[k]
        best = by_tier[min(by_tier)]
        # Codes are matched first at run time, so a name that folds to a code is left out; it
        # must then be a name of that same country, or the name would be unreachable.
        code_of = {c["alpha_3"].lower(): c["alpha_2"] for c in countries}
        code_of.update({cc.lower(): cc for cc in codes})
        if k in code_of:
            # A CLDR short form may fold to another country's code (French `R.-U.` for GB is
            # `ru`): the code wins, as it does at run time.
            assert best == {code_of[k]} or min(by_tier) > 1, (
                f"name {k!r} of {best} is the code of {code_of[k]}"
            )
            continue
        lines.append(f"{k}={','.join(sorted(best))}")

    assert all(re.fullmatch(r"[^=\s]+=[A-Z]{2}(,[A-Z]{2})*", line) for line in lines)
    # src/country.rs reads no key longer than MAX_KEY bytes.
    assert all(len(line.split("=")[0].encode()) <= 96 for line in lines)
    # The table is sorted by bytes (what the Rust lookup compares), not by code points.
    lines.sort(key=lambda line: line.split("=")[0].encode())

    spanish = {}
    for cc, n, lang in cldr:
        if lang == "es":
            spanish.setdefault(cc, n)
    country_lines, spanish_lines = [], []
    for c in sorted(countries, key=lambda c: c["alpha_2"]):
        display = c.get("common_name", c["name"])
        es = spanish[c["alpha_2"]]
        for text in (display, es):
            assert "=" not in text and "\n" not in text and '"' not in text
        country_lines.append(f'{c["alpha_2"]}={c["alpha_3"]}={display}')
        spanish_lines.append(es)

    # The regions libphonenumber has a numbering plan for that ISO 3166-1 does not list (CLDR
    # names them): a phone country picker names them too (src/phone/countries.rs tests that
    # every region has a name).
    territories = {
        lang: json.loads((npm / "cldr-localenames-full" / "main" / lang / "territories.json").read_text())[
            "main"
        ][lang]["localeDisplayNames"]["territories"]
        for lang in ("en", "es")
    }
    other_lines = []
    for cc in PHONE_ONLY_REGIONS:
        assert cc not in codes, cc
        en, es = territories["en"][cc], territories["es"][cc]
        assert "=" not in en + es and "\n" not in en + es and '"' not in en + es
        other_lines.append(f"{cc}={en}={es}")

    ambiguous = [line for line in lines if "," in line]
    out = [
        "// @generated by scripts/gen_country_data.py from the PyPI package pycountry",
        f"// {pycountry_version} (Debian iso-codes ISO 3166-1 and its translations) and the npm",
        f"// packages cldr-localenames-full and cldr-core {cldr_version}. Do not edit: change the",
        "// generator (or its hand-listed aliases) or the pinned sources and regenerate.",
        "",
        f'/// The version of CLDR whose names are indexed.\npub(super) const CLDR_VERSION: &str = "{cldr_version}";',
        "",
        f"/// The {len(country_lines)} ISO 3166-1 countries, one per line, sorted by alpha-2:",
        "/// `alpha2=alpha3=English name` (iso-codes' English name).",
        "pub(super) const COUNTRIES: &str = concat!(",
    ]
    out += [f'    "{line}\\n",' for line in country_lines]
    out += [
        ");",
        "",
        "/// CLDR's Spanish name of each country, one per line in the order of `COUNTRIES` (a table",
        "/// of its own: only `country::all` reads it, so a build that does not call it drops it).",
        "pub(super) const SPANISH_NAMES: &str = concat!(",
    ]
    out += [f'    "{line}\\n",' for line in spanish_lines]
    out += [
        ");",
        "",
        "/// The regions with a telephone numbering plan that are no ISO 3166-1 country, one per line",
        "/// sorted by code: `code=English name=Spanish name` (CLDR's).",
        "pub(super) const OTHER_REGIONS: &str = concat!(",
    ]
    out += [f'    "{line}\\n",' for line in other_lines]
    out += [
        ");",
        "",
        f"/// {len(lines)} folded names (en, es, pt, fr, de, official languages, aliases, derived forms),",
        f"/// sorted: `key=CC`, or `key=CC,DD` when the name fits several countries ({len(ambiguous)}).",
        "pub(super) const NAMES: &str = concat!(",
    ]
    out += [f'    "{line}\\n",' for line in lines]
    out += [");", ""]
    for i, (lo, hi) in enumerate(FOLD_RANGES):
        out += [
            f"/// ASCII spelling of U+{lo:04X}..=U+{hi:04X}, two bytes per code point, space-padded",
            "/// (two spaces: not a letter to keep).",
            f"pub(super) const FOLD_{i}: (u32, &str) = (",
            f"    0x{lo:04X},",
            "    concat!(",
        ]
        for row in range(lo, hi + 1, 16):
            cells = "".join(FOLD[cp].ljust(2) for cp in range(row, min(row + 16, hi + 1)))
            out.append(f'        "{cells}", // U+{row:04X}')
        out += ["    ),", ");", ""]
    out += [
        "/// Combining-mark blocks, skipped when folding.",
        "pub(super) const COMBINING_MARKS: [(u32, u32); %d] = [" % len(COMBINING_MARKS),
    ]
    out += [f"    (0x{lo:04X}, 0x{hi:04X})," for lo, hi in COMBINING_MARKS]
    out += ["];", ""]
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
