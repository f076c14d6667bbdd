#!/usr/bin/env python3
"""Dump libphonenumber's metadata (python `phonenumbers`) to build/phone_metadata.json.

Usage:  .venv/bin/python scripts/gen_phone_metadata.py [OUTPUT]

The build script (build/) compiles that file into the phone engine's tables, so a build needs
no network and no python. To move to a newer libphonenumber release: install it
(`.venv/bin/pip install phonenumbers==X.Y.Z`), set PHONENUMBERS_VERSION in scripts/setup.sh to
the same version, and run this script; the differential test (tests/phone_differential.rs)
checks that the oracle and the data file are of the same release.

The file holds, for every region and non-geographic calling code (grouped by calling code, each
code's main region first, as libphonenumber lists them), what the engine reads: the patterns of
the general description and of each number type with their possible lengths and example number,
the prefixes, and the formats. Replacement rules are written in libphonenumber's own (Java)
syntax, `$1`, as in its XML: python `phonenumbers` stores them as `\\1`.
"""

import json
import re
import sys
from pathlib import Path

import phonenumbers as pn

TYPES = [
    "fixed_line",
    "mobile",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "personal_number",
    "voip",
    "pager",
    "uan",
    "voicemail",
]


def java_rule(rule):
    """A python replacement (`\\1 \\2`) in Java's syntax (`$1 $2`); None stays None."""
    if rule is None:
        return None
    return re.sub(r"\\(\d)", r"$\1", rule)


def desc(d, with_example):
    """A number description, or None when the metadata has no pattern for it."""
    if d is None or d.national_number_pattern is None:
        return None
    out = {
        "pattern": d.national_number_pattern,
        "lengths": [n for n in (d.possible_length or ()) if n >= 0],
        "local": list(d.possible_length_local_only or ()),
    }
    if with_example:
        out["example"] = d.example_number
    return out


def number_format(f):
    return {
        "pattern": f.pattern,
        "format": java_rule(f.format),
        "leading": list(f.leading_digits_pattern or ()),
        "np_rule": java_rule(f.national_prefix_formatting_rule),
        "np_optional": bool(f.national_prefix_optional_when_formatting),
        "carrier_rule": java_rule(f.domestic_carrier_code_formatting_rule),
    }


def region(meta, main):
    return {
        "id": meta.id,
        "code": meta.country_code,
        "main": main,
        "general": desc(meta.general_desc, False),
        "types": {t: desc(getattr(meta, t), True) for t in TYPES if desc(getattr(meta, t), True)},
        "leading_digits": meta.leading_digits,
        "international_prefix": meta.international_prefix,
        "preferred_international_prefix": meta.preferred_international_prefix,
        "national_prefix": meta.national_prefix,
        "national_prefix_for_parsing": meta.national_prefix_for_parsing,
        "national_prefix_transform_rule": java_rule(meta.national_prefix_transform_rule),
        "preferred_extension_prefix": meta.preferred_extn_prefix,
        "same_mobile_and_fixed_line": bool(meta.same_mobile_and_fixed_line_pattern),
        "formats": [number_format(f) for f in meta.number_format],
        "intl_formats": [number_format(f) for f in meta.intl_number_format],
    }


def main():
    out_path = Path(sys.argv[1]) if len(sys.argv) > 1 else \
        Path(__file__).resolve().parent.parent / "build/phone_metadata.json"
    regions = []
    for code in sorted(pn.COUNTRY_CODE_TO_REGION_CODE):
        for i, rid in enumerate(pn.COUNTRY_CODE_TO_REGION_CODE[code]):
            if rid == pn.REGION_CODE_FOR_NON_GEO_ENTITY:
                meta = pn.PhoneMetadata.metadata_for_nongeo_region(code)
            else:
                meta = pn.PhoneMetadata.metadata_for_region(rid)
            if meta is None:
                continue
            regions.append(region(meta, i == 0))
    # One region a line: a new release's diff shows which regions changed.
    lines = [json.dumps(r, ensure_ascii=True, separators=(",", ":")) for r in regions]
    text = '{"version":' + json.dumps(pn.__version__) + ',"regions":[\n' + ",\n".join(lines) + "\n]}\n"
    json.loads(text)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(text, encoding="utf-8")
    print(f"wrote libphonenumber {pn.__version__} metadata: {len(regions)} regions to {out_path}")


if __name__ == "__main__":
    main()
