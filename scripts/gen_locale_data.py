#!/usr/bin/env python3
"""Generates src/data/locale.rs from the IANA Language Subtag Registry and CLDR's alias data.

Sources (npm, pinned in scripts/data-sources/package.json, installed by scripts/setup.sh):
  - `language-subtag-registry`: data/json/registry.json is the IANA registry converted record by
    record: which subtags exist (validation), extlangs, grandfathered and redundant tags;
  - `cldr-core`: supplemental/aliases.json (language, script, region and variant aliases: the
    UTS 35 canonicalization that `Intl.getCanonicalLocales` applies) and
    supplemental/likelySubtags.json (which region a language most likely means, to choose among
    the successors of a split region such as SU).

    python3 scripts/gen_locale_data.py scripts/data-sources/node_modules/language-subtag-registry \
        scripts/data-sources/node_modules/cldr-core > src/data/locale.rs

Layout (chosen to be small in the .wasm, where it is data, not code):
  - languages of 2 and 3 letters as bitmaps over a-z (26^2 and 26^3 bits): 8,000+ codes in 2.3 KB;
  - scripts, numeric regions, variants and extlang prefixes as sorted fixed-width rows in one
    string each (`Fixed`, binary search, no pointers);
  - CLDR's aliases as sorted `key=value` lines in one string each (`table::find`), and the few
    rules that match more than a language (`sgn-DE`, `art-lojban`, `und-aaland`) as lines in the
    order UTS 35 tries them (most fields first);
  - grandfathered and redundant tags (a few dozen, whole tags) as sorted (tag, value) pairs.
Private-use ranges and the single private-use codes (region AA, ZZ) are left out on purpose: the
locale rule rejects them as unknown.
"""

import json
import re
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


def rust_lines(name, doc, pairs, sort=True):
    """`key=value` lines in one string (src/table.rs), sorted by key unless `sort` is False."""
    if sort:
        pairs = sorted(pairs)
        keys = [k for k, _ in pairs]
        assert len(set(keys)) == len(keys), name
    for k, v in pairs:
        assert "=" not in k + v and "\n" not in k + v, (name, k, v)
    if len(pairs) == 1:
        (k, v), = pairs
        return f'/// {doc}\npub(super) const {name}: &str = "{k}={v}\\n";'
    body = "".join(f'    "{k}={v}\\n",\n' for k, v in pairs)
    return f"/// {doc}\npub(super) const {name}: &str = concat!(\n{body});"


LANG = re.compile(r"^([a-z]{2,3}|und)$")
REGION = re.compile(r"^([A-Z]{2}|[0-9]{3})$")
VARIANT = re.compile(r"^([a-z0-9]{5,8}|[0-9][a-z0-9]{3})$")


def rule_fields(key):
    """(language, region, variants) of a CLDR languageAlias key, or None when no Unicode locale
    identifier can match it (grandfathered `i-klingon`, extlang `zh-min-nan`, `en-GB-oed`)."""
    parts = key.split("-")
    if not LANG.match(parts[0]):
        return None
    rest = parts[1:]
    region = rest.pop(0) if rest and REGION.match(rest[0]) else None
    if not all(VARIANT.match(v) for v in rest) or len(set(rest)) != len(rest):
        return None
    return parts[0], region, rest


def cldr_tables(cldr):
    alias = json.loads((cldr / "supplemental/aliases.json").read_text())
    alias = alias["supplemental"]["metadata"]["alias"]
    version = json.loads((cldr / "package.json").read_text())["version"]
    language, rules = [], []
    for key, v in alias["languageAlias"].items():
        fields = rule_fields(key)
        if fields is None:
            continue
        lang, region, variants = fields
        replacement = v["_replacement"].replace("_", "-")
        if region is None and not variants:
            language.append((key, replacement))
        else:
            rules.append((-len(variants), region is None, key, replacement))
    # Most variants first, then with a region, then by key: the order UTS 35 tries them.
    rules = [(k.lower(), r) for _, _, k, r in sorted(rules)]

    regions = []
    for key, v in alias["territoryAlias"].items():
        if REGION.match(key):
            regions.append((key, v["_replacement"]))
    splits = [r.split() for _, r in regions if " " in r]
    later = {code for s in splits for code in s[1:]}

    likely = json.loads((cldr / "supplemental/likelySubtags.json").read_text())
    likely = likely["supplemental"]["likelySubtags"]

    def region_of(key):
        return likely[key].replace("_", "-").split("-")[-1]

    # The region a language (or language and script) most likely means, where it picks a
    # successor other than the first of a split region: `hy` -> AM for SU, `und-Armn` -> AM. A
    # `lang-Script` key is kept too when it differs from a kept `lang` (it is tried first).
    likely_regions = {}
    for key in likely:
        parts = key.replace("_", "-").split("-")
        single = len(parts) == 1 and parts[0] != "und"
        und_script = len(parts) == 2 and parts[0] == "und" and len(parts[1]) == 4
        if (single or und_script) and region_of(key) in later:
            likely_regions["-".join(parts)] = region_of(key)
    for key in likely:
        parts = key.replace("_", "-").split("-")
        if (
            len(parts) == 2
            and parts[0] != "und"
            and len(parts[1]) == 4
            and (region_of(key) in later or parts[0] in likely_regions)
            and likely_regions.get(parts[0]) != region_of(key)
        ):
            likely_regions["-".join(parts)] = region_of(key)

    scripts = [(k, v["_replacement"]) for k, v in alias["scriptAlias"].items()]
    variants = [(k, v["_replacement"]) for k, v in alias["variantAlias"].items()]
    return version, language, rules, regions, likely_regions, scripts, variants


def main():
    src = Path(sys.argv[1])
    cldr_version, cldr_language, cldr_rules, cldr_regions, likely_regions, cldr_scripts, cldr_variants = cldr_tables(
        Path(sys.argv[2])
    )
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

    grandfathered = sorted(
        (r["Tag"].lower(), r.get("Preferred-Value", "")) for r in by_type["grandfathered"]
    )
    redundant = sorted(
        (r["Tag"].lower(), r["Preferred-Value"])
        for r in by_type["redundant"]
        if "Preferred-Value" in r
    )

    out = [
        "// @generated by scripts/gen_locale_data.py from the npm packages",
        f"// language-subtag-registry {version} (IANA Language Subtag Registry, File-Date {file_date})",
        f"// and cldr-core {cldr_version}. Do not edit: change the generator or the pinned sources",
        "// and regenerate.",
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
        f'/// The version of CLDR whose alias data these tables hold.\npub(super) const CLDR_VERSION: &str = "{cldr_version}";',
        "",
        rust_lines(
            "LANGUAGE_ALIASES",
            "CLDR language aliases of a language subtag alone (`iw=he`, `eng=en`, `sh=sr-Latn`).",
            cldr_language,
        ),
        "",
        rust_lines(
            "LANGUAGE_RULES",
            "CLDR language aliases that also match a region or variants (`sgn-de=gsg`), most "
            "fields first; `und` matches any language.",
            cldr_rules,
            sort=False,
        ),
        "",
        rust_lines(
            "REGION_ALIASES",
            "CLDR region aliases (`BU=MM`, `004=AF`); a split region lists its successors "
            "(`SU=RU AM ...`), the first being the default.",
            cldr_regions,
        ),
        "",
        rust_lines(
            "LIKELY_REGIONS",
            "The likely region of languages (and language-script pairs) whose likely region is "
            "a successor of a split region other than the first (`hy=AM`).",
            likely_regions.items(),
        ),
        "",
        rust_lines("SCRIPT_ALIASES", "CLDR script aliases.", cldr_scripts),
        "",
        rust_lines("VARIANT_ALIASES", "CLDR variant aliases.", cldr_variants),
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
