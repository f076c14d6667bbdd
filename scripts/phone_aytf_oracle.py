#!/usr/bin/env python3
"""Generate the as-you-type corpus, judged by libphonenumber's AsYouTypeFormatter (python
`phonenumbers`).

Usage:  .venv/bin/python scripts/phone_aytf_oracle.py [OUTPUT]   (default: tests/oracle/phone_aytf.tsv)

Needs `phonenumbers` at the release of build/phone_metadata.json (scripts/setup.sh installs it).

For every region, every example number of every type is typed one character at a time in
several ways, each with the region as the default country:
  national    the digits of its national format (national prefix included)
  formatted   its national format as written, separators included (the formatter then gives
              back what was typed)
  intl        `+`, the calling code and the national significant number
  idd         the region's own international prefix, the calling code and the number
and with no default country (`ZZ`, which libphonenumber knows no metadata for):
  intl_nodefault   `+`, the calling code and the number
Every non-geographic calling code's examples are typed as `intl_nodefault` too. A few
corrupted sequences (a digit too many, a wrong calling code) and random digit strings follow.

Each line: kind, default region (empty for none), the typed text, then the formatter's output
after each character (one column per character). The first line, `#phonenumbers<TAB>version`,
names the release that judged it.
"""

import json
import random
import sys
from pathlib import Path

import phonenumbers as pn
from phonenumbers import PhoneNumberFormat as F
from phonenumbers import PhoneNumberType as T

ROOT = Path(__file__).resolve().parent.parent
METADATA_VERSION = json.loads((ROOT / "build/phone_metadata.json").read_text(encoding="utf-8"))["version"]

TYPES = [T.FIXED_LINE, T.MOBILE, T.TOLL_FREE, T.PREMIUM_RATE, T.SHARED_COST, T.VOIP,
         T.PERSONAL_NUMBER, T.PAGER, T.UAN, T.VOICEMAIL]
NONGEO_ATTRS = ["fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost", "voip",
                "personal_number", "pager", "uan", "voicemail"]


def typed(region, text):
    """The formatter's output after each character of `text`."""
    f = pn.AsYouTypeFormatter(region or "ZZ")
    return [f.input_digit(c) for c in text]


def main():
    if pn.__version__ != METADATA_VERSION:
        sys.exit(f"phonenumbers {pn.__version__} found; the corpus needs {METADATA_VERSION} "
                 f"(bash scripts/setup.sh test installs it)")
    out_path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests/oracle/phone_aytf.tsv"
    rng = random.Random(20261207)
    cases = []
    for region in sorted(pn.SUPPORTED_REGIONS):
        meta = pn.PhoneMetadata.metadata_for_region(region)
        idd = meta.preferred_international_prefix or meta.international_prefix or ""
        for t in TYPES:
            num = pn.example_number_for_type(region, t)
            if num is None:
                continue
            cc = str(num.country_code)
            nsn = pn.national_significant_number(num)
            national = pn.format_number(num, F.NATIONAL)
            cases.append(("national", region, "".join(c for c in national if c.isdigit())))
            cases.append(("formatted", region, national))
            cases.append(("intl", region, "+" + cc + nsn))
            if idd.isdigit():
                cases.append(("idd", region, idd + cc + nsn))
            cases.append(("intl_nodefault", "", "+" + cc + nsn))
            cases.append(("too_long", region, "+" + cc + nsn + str(rng.randrange(10))))
    for code in sorted(pn.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        meta = pn.PhoneMetadata.metadata_for_nongeo_region(code)
        for attr in NONGEO_ATTRS:
            desc = getattr(meta, attr, None)
            if desc is not None and desc.example_number:
                cases.append(("intl_nodefault", "", "+" + str(code) + desc.example_number))
    regions = sorted(pn.SUPPORTED_REGIONS)
    for _ in range(2000):
        digits = "".join(str(rng.randrange(10)) for _ in range(rng.randint(3, 16)))
        if rng.random() < 0.5:
            cases.append(("random_plus", rng.choice(regions), "+" + digits))
        else:
            cases.append(("random_national", rng.choice(regions), digits))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    steps = 0
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(f"#phonenumbers\t{pn.__version__}\n")
        for kind, region, text in cases:
            outputs = typed(region, text)
            for field in [text, *outputs]:
                assert "\t" not in field and "\n" not in field, (region, text)
            steps += len(outputs)
            f.write("\t".join([kind, region, text, *outputs]) + "\n")
    print(f"wrote {len(cases)} typed numbers ({steps} keystrokes) to {out_path}")


if __name__ == "__main__":
    main()
