#!/usr/bin/env python3
"""Generates src/data/country.rs from ISO 3166-1 as kept by Debian's iso-codes.

Source: the PyPI package `pycountry`, which ships iso-codes' iso3166-1.json and its gettext
translations, fetched by scripts/fetch_data_sources.sh.

    python3 scripts/gen_country_data.py target/data-sources/python/pycountry > src/data/country.rs

What is indexed, for each of the 249 countries:
  - tier 1: its `name` and `common_name` in English and their translations in Spanish,
    Portuguese (pt and pt_BR), French and German, as iso-codes has them, and its
    `official_name` in English and Spanish (see OFFICIAL_NAME_LANGUAGES);
  - tier 1: the hand-listed aliases of HAND_ALIASES below (short forms and old names people type);
  - tier 2: forms derived from those names: the part before a comma or a parenthesis
    ("Bolivia, Plurinational State of" -> "Bolivia"), the comma form turned around
    ("Korea, Republic of" -> "Republic of Korea"), a name without its leading article
    ("The Democratic Republic of the Congo" -> "Democratic Republic of the Congo"), and "St"
    for "Saint" ("St. Lucia").
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
# Official names ("Estados Unidos Mexicanos") are indexed in English and Spanish only, the two
# languages of the messages: in all five they would double the table (+2.3 KB gzip in the .wasm)
# for names few people type into a country field.
OFFICIAL_NAME_LANGUAGES = ["es"]

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
# and decomposed input fold alike. Any other character separates words.
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


def tokens(text):
    """The words of `text`, folded exactly as `fold` in src/country.rs folds them."""
    words, word = [], ""
    for ch in text:
        cp = ord(ch)
        if ch.isascii() and ch.isalnum():
            word += ch.lower()
        elif any(lo <= cp <= hi for lo, hi in COMBINING_MARKS):
            continue
        elif FOLD.get(cp):
            word += FOLD[cp]
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


def main():
    src = Path(sys.argv[1])
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

    for cc, aliases in HAND_ALIASES.items():
        assert cc in codes, cc
        for a in aliases:
            k = key(a)
            others = {o for t in (1,) for o in tiers.get(k, {}).get(t, set())} - {cc}
            assert not others, f"hand alias {a!r} for {cc} is already a name of {others}"
            add(k, 1, cc)

    lines = []
    for k in sorted(tiers):
        by_tier = tiers[k]
        best = by_tier[min(by_tier)]
        # Codes are matched first at run time, so a name that folds to a code is left out; it
        # must then be a name of that same country, or the name would be unreachable.
        code_of = {c["alpha_3"].lower(): c["alpha_2"] for c in countries}
        code_of.update({cc.lower(): cc for cc in codes})
        if k in code_of:
            assert best == {code_of[k]}, f"name {k!r} of {best} is the code of {code_of[k]}"
            continue
        lines.append(f"{k}={','.join(sorted(best))}")

    assert all(re.fullmatch(r"[a-z0-9]+=[A-Z]{2}(,[A-Z]{2})*", line) for line in lines)

    country_lines = []
    for c in sorted(countries, key=lambda c: c["alpha_2"]):
        display = c.get("common_name", c["name"])
        assert "=" not in display and "\n" not in display and '"' not in display
        country_lines.append(f'{c["alpha_2"]}={c["alpha_3"]}={display}')

    ambiguous = [line for line in lines if "," in line]
    out = [
        "// @generated by scripts/gen_country_data.py from the PyPI package pycountry",
        f"// {pycountry_version} (Debian iso-codes ISO 3166-1 and its translations). Do not edit:",
        "// change the generator (or its hand-listed aliases) or the pinned source and regenerate.",
        "",
        f"/// The {len(country_lines)} ISO 3166-1 countries, one per line, sorted by alpha-2:",
        "/// `alpha2=alpha3=English name`.",
        "pub(super) const COUNTRIES: &str = concat!(",
    ]
    out += [f'    "{line}\\n",' for line in country_lines]
    out += [
        ");",
        "",
        f"/// {len(lines)} folded names (en, es, pt, fr, de, hand-listed aliases and derived forms),",
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
