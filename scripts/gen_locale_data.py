#!/usr/bin/env python3
"""Generates src/data/locale.rs from the IANA Language Subtag Registry.

Source: the npm package `language-subtag-registry` (its data/json/registry.json is the registry
file converted record by record), fetched by scripts/fetch_data_sources.sh.

    python3 scripts/gen_locale_data.py target/data-sources/language-subtag-registry > src/data/locale.rs

Layout (chosen to be small in the .wasm, where it is data, not code):
  - languages of 2 and 3 letters as bitmaps over a-z (26^2 and 26^3 bits): 8,000+ codes in 2.3 KB;
  - scripts, numeric regions, variants and the canonicalization mappings (Preferred-Value,
    Suppress-Script, extlang prefixes) as sorted fixed-width rows in one string each (`Fixed`,
    binary search, no pointers);
  - grandfathered and redundant tags (a few dozen, whole tags) as sorted (tag, value) pairs.
Private-use ranges and the single private-use codes (region AA, ZZ) are left out on purpose: the
locale rule rejects them as unknown.
"""

import json
import sys
from pathlib import Path


def alpha_index(code: str) -> int:
    i = 0
    for ch in code:
        i = i * 26 + (ord(ch) - ord("a"))
    return i


def bitmap(codes, length):
    bits = bytearray((26**length + 7) // 8)
    for c in codes:
        i = alpha_index(c.lower())
        bits[i // 8] |= 1 << (i % 8)
    return bits


def rust_bytes(name, doc, data):
    lines = [f"/// {doc}", f"pub(super) const {name}: [u8; {len(data)}] = ["]
    for i in range(0, len(data), 24):
        lines.append("    " + ", ".join(str(b) for b in data[i : i + 24]) + ",")
    lines.append("];")
    return "\n".join(lines)


def rust_fixed(name, doc, rows, widths):
    """A sorted table of fixed-width rows (each column padded with spaces), as one string."""
    lines = []
    for row in rows:
        if isinstance(row, str):
            row = (row,)
        assert len(row) == len(widths)
        cells = []
        for cell, w in zip(row, widths):
            assert len(cell) <= w and " " not in cell, (name, row)
            cells.append(cell.ljust(w))
        lines.append("".join(cells))
    assert lines == sorted(lines) and len(set(r[: widths[0]] for r in lines)) == len(lines), name
    if len(lines) <= 1:
        rows = f'"{"".join(lines)}"'
    else:
        rows = "concat!(\n" + "".join(f'        "{x}",\n' for x in lines) + "    )"
    return (
        f"/// {doc}\npub(super) const {name}: Fixed = Fixed {{\n"
        f"    widths: ({widths[0]}, {widths[1] if len(widths) > 1 else 0}),\n"
        f"    rows: {rows},\n}};"
    )


def rust_pairs(name, doc, pairs):
    assert pairs == sorted(pairs), name
    body = "".join(f'    ("{a}", "{b}"),\n' for a, b in pairs)
    return f"/// {doc}\npub(super) const {name}: [(&str, &str); {len(pairs)}] = [\n{body}];"


def main():
    src = Path(sys.argv[1])
    version = json.loads((src / "package.json").read_text())["version"]
    file_date = json.loads((src / "data/json/meta.json").read_text())["File-Date"]
    records = json.loads((src / "data/json/registry.json").read_text())

    def usable(r):
        return ".." not in r.get("Subtag", "") and r.get("Description") != ["Private use"]

    by_type = {}
    for r in records:
        if usable(r):
            by_type.setdefault(r["Type"], []).append(r)

    languages = [r["Subtag"] for r in by_type["language"]]
    assert all(c.isascii() and c.isalpha() and c.islower() and len(c) in (2, 3) for c in languages)
    lang2 = [c for c in languages if len(c) == 2]
    lang3 = [c for c in languages if len(c) == 3]

    extlangs = []
    for r in by_type["extlang"]:
        assert r["Preferred-Value"] == r["Subtag"], r  # an extlang always becomes the language
        assert len(r["Prefix"]) == 1, r
        assert r["Subtag"] in languages, r
        extlangs.append((r["Subtag"], r["Prefix"][0]))

    scripts = sorted(r["Subtag"] for r in by_type["script"])
    assert all(len(s) == 4 and s[0].isupper() and s[1:].islower() for s in scripts)

    regions = [r["Subtag"] for r in by_type["region"]]
    region_alpha = [c for c in regions if c.isalpha()]
    region_numeric = sorted(c for c in regions if c.isdigit())
    assert all(len(c) == 2 and c.isupper() for c in region_alpha)
    assert all(len(c) == 3 for c in region_numeric)

    variants = sorted(r["Subtag"].lower() for r in by_type["variant"])

    def preferred(kind, lower=True):
        out = []
        for r in by_type[kind]:
            if "Preferred-Value" in r:
                k = r["Subtag"]
                out.append((k.lower() if lower else k, r["Preferred-Value"]))
        return sorted(out)

    language_preferred = preferred("language")
    assert all("-" not in v for _, v in language_preferred)
    script_preferred = preferred("script", lower=False)
    region_preferred = preferred("region", lower=False)
    variant_preferred = preferred("variant")
    suppress_script = sorted(
        (r["Subtag"], r["Suppress-Script"]) for r in by_type["language"] if "Suppress-Script" in r
    )
    grandfathered = sorted(
        (r["Tag"].lower(), r.get("Preferred-Value", "")) for r in by_type["grandfathered"]
    )
    redundant = sorted(
        (r["Tag"].lower(), r["Preferred-Value"])
        for r in by_type["redundant"]
        if "Preferred-Value" in r
    )

    out = [
        "// @generated by scripts/gen_locale_data.py from the npm package",
        f"// language-subtag-registry {version} (IANA Language Subtag Registry, File-Date {file_date}).",
        "// Do not edit: change the generator or the pinned source and regenerate.",
        "",
        "use super::Fixed;",
        "",
        "/// The File-Date of the IANA Language Subtag Registry these tables come from.",
        f'pub(super) const REGISTRY_DATE: &str = "{file_date}";',
        "",
        rust_bytes(
            "LANGUAGES_2",
            f"Registered 2-letter language subtags ({len(lang2)}): bit `(a*26 + b)` for `ab`.",
            bitmap(lang2, 2),
        ),
        "",
        rust_bytes(
            "LANGUAGES_3",
            f"Registered 3-letter language subtags ({len(lang3)}): bit `(a*26 + b)*26 + c` for `abc`.",
            bitmap(lang3, 3),
        ),
        "",
        rust_fixed(
            "EXTLANGS",
            "Extended language subtags and the one prefix each must follow.",
            sorted(extlangs),
            (3, 3),
        ),
        "",
        rust_fixed("SCRIPTS", "Registered script subtags.", scripts, (4,)),
        "",
        rust_bytes(
            "REGIONS_ALPHA",
            f"Registered 2-letter region subtags ({len(region_alpha)}): bit `a*26 + b` for `AB`.",
            bitmap(region_alpha, 2),
        ),
        "",
        rust_fixed(
            "REGIONS_NUMERIC", "Registered UN M.49 numeric region subtags.", region_numeric, (3,)
        ),
        "",
        rust_fixed("VARIANTS", "Registered variant subtags, lower case.", variants, (8,)),
        "",
        rust_fixed(
            "LANGUAGE_PREFERRED",
            "Deprecated language subtags and their Preferred-Value.",
            language_preferred,
            (3, 3),
        ),
        "",
        rust_fixed(
            "SCRIPT_PREFERRED",
            "Deprecated script subtags and their Preferred-Value.",
            script_preferred,
            (4, 4),
        ),
        "",
        rust_fixed(
            "REGION_PREFERRED",
            "Deprecated region subtags and their Preferred-Value.",
            region_preferred,
            (3, 3),
        ),
        "",
        rust_fixed(
            "VARIANT_PREFERRED",
            "Deprecated variant subtags and their Preferred-Value.",
            variant_preferred,
            (8, 8),
        ),
        "",
        rust_fixed(
            "SUPPRESS_SCRIPT",
            "Languages and the script they imply (Suppress-Script).",
            suppress_script,
            (3, 4),
        ),
        "",
        rust_pairs(
            "GRANDFATHERED",
            "Grandfathered tags (lower case) and their Preferred-Value (empty: none), sorted.",
            grandfathered,
        ),
        "",
        rust_pairs(
            "REDUNDANT",
            "Redundant tags (lower case) that have a Preferred-Value, and that value, sorted.",
            redundant,
        ),
        "",
    ]
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
