#!/usr/bin/env python3
"""Generate the differential phone corpus, judged by libphonenumber (python `phonenumbers`).

Usage:  .venv/bin/python scripts/phone_oracle.py [OUTPUT]      (default: tests/oracle/phone.tsv)

Needs `phonenumbers` at the libphonenumber release of the metadata contactkit compiles in (the
`version` of build/phone_metadata.json, which scripts/setup.sh installs); it refuses to run with
another version, since a different metadata release would make the comparison meaningless. The
corpus's first line, `#phonenumbers<TAB>version`, says which release judged it.

For every region and every non-geographic calling code, for every number type that has an
example number, the corpus holds the example in several human spellings (E.164, international,
national, RFC 3966, dots, dashes, parentheses, `00`, other countries' international prefixes,
the calling code without `+`, extensions, full-width digits, surrounding words) plus corrupted
variants (a digit dropped, added or changed; another country code), each with a default region
or none; and random digit strings with and without `+`.
Each line: the oracle's verdict on exactly that input and default region.

Two deliberate differences, listed (with their reasons) in tests/phone_differential.rs and
docs/fidelity.md; column `note` names the one that applies to a case:
  00_as_plus           contactkit reads a leading `00` (not `000`) as the international prefix,
                       with no default region or with one whose own international prefix does not
                       start the digits (011 in the US, 010 in JP), where libphonenumber reads the
                       digits as a national number (or calls them invalid without a default
                       region). The verdict is that of the same number written with `+` and no
                       default region. Where the default region's international prefix starts
                       the digits (kind `00_with_default`, `0021...` in BR), both read it so,
                       and the oracle's own answer stands.
  default_upper_cased  contactkit takes the default region in any case, libphonenumber only in
                       upper case: the verdict is the oracle's with the region upper-cased.

Columns (tab-separated, first line is the header):
  id          line number of the case, stable for a given generator and version
  kind        how the input was made (e164, intl, national, rfc3966, dots, ..., drop_digit, ...)
  input       the text given to normalize
  default     default region (ISO 3166-1 alpha-2) or empty
  valid       1 when libphonenumber parses it and says is_valid_number, else 0
  e164        E.164 when valid, else empty
  type        number type when valid (snake_case, as contactkit names it), else empty
  region      region of the number when valid (empty for non-geographic numbers)
  extension   extension when valid and present, else empty
  intl_fmt    international format when valid (with the extension), else empty
  natl_fmt    national format when valid (with the extension), else empty
  error       when not valid, contactkit's error code for libphonenumber's reason (parse
              exception, else isPossibleNumberWithReason), else empty
  note        empty, or why the verdict is not the oracle's answer on the raw input
"""

import json
import random
import re
import sys
from pathlib import Path

import phonenumbers as pn
from phonenumbers import PhoneNumberFormat as F
from phonenumbers import PhoneNumberType as T

ROOT = Path(__file__).resolve().parent.parent
# The release of the metadata contactkit compiles in.
METADATA_VERSION = json.loads((ROOT / "build/phone_metadata.json").read_text(encoding="utf-8"))["version"]

TYPES = [
    (T.FIXED_LINE, "fixed_line"),
    (T.MOBILE, "mobile"),
    (T.TOLL_FREE, "toll_free"),
    (T.PREMIUM_RATE, "premium_rate"),
    (T.SHARED_COST, "shared_cost"),
    (T.VOIP, "voip"),
    (T.PERSONAL_NUMBER, "personal_number"),
    (T.PAGER, "pager"),
    (T.UAN, "uan"),
    (T.VOICEMAIL, "voicemail"),
]
TYPE_NAME = dict(TYPES)
TYPE_NAME[T.FIXED_LINE_OR_MOBILE] = "fixed_line_or_mobile"
TYPE_NAME[T.UNKNOWN] = "unknown"

# Descriptor attribute of PhoneMetadata for each type (non-geographic entities).
DESC_ATTR = {
    T.FIXED_LINE: "fixed_line",
    T.MOBILE: "mobile",
    T.TOLL_FREE: "toll_free",
    T.PREMIUM_RATE: "premium_rate",
    T.SHARED_COST: "shared_cost",
    T.VOIP: "voip",
    T.PERSONAL_NUMBER: "personal_number",
    T.PAGER: "pager",
    T.UAN: "uan",
    T.VOICEMAIL: "voicemail",
}


# libphonenumber's reasons for rejecting a number, as contactkit's error codes (the mapping
# src/phone.rs documents).
PARSE_ERROR = {
    pn.NumberParseException.INVALID_COUNTRY_CODE: "phone_invalid_country_code",
    pn.NumberParseException.NOT_A_NUMBER: "phone_not_a_number",
    pn.NumberParseException.TOO_SHORT_AFTER_IDD: "phone_too_short",
    pn.NumberParseException.TOO_SHORT_NSN: "phone_too_short",
    pn.NumberParseException.TOO_LONG: "phone_too_long",
}
LENGTH_ERROR = {
    pn.ValidationResult.IS_POSSIBLE: "phone_invalid",
    pn.ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "phone_too_short",
    pn.ValidationResult.INVALID_COUNTRY_CODE: "phone_invalid_country_code",
    pn.ValidationResult.TOO_SHORT: "phone_too_short",
    pn.ValidationResult.INVALID_LENGTH: "phone_invalid",
    pn.ValidationResult.TOO_LONG: "phone_too_long",
}


# Pluses, then digits among libphonenumber's punctuation: a number being typed (`+1`, `(5`).
NUMBER_START = re.compile(r"[+\uff0b]*[\d\s\-.()\[\]/~]*\d[\d\s\-.()\[\]/~]*")


def expected_error(text, region, exc):
    """contactkit's code for libphonenumber's parse failure `exc`."""
    if exc.error_type == pn.NumberParseException.NOT_A_NUMBER and NUMBER_START.fullmatch(text):
        # A bare start, which libphonenumber calls not a number, is "too short" (the table in
        # src/phone/mod.rs): the more useful answer while someone types.
        return "phone_too_short"
    if exc.error_type == pn.NumberParseException.INVALID_COUNTRY_CODE and region is None:
        # Without a default region libphonenumber cannot tell a national number from a bad
        # calling code; contactkit asks for the country when there is no `+`.
        if not text.lstrip().startswith(("+", "\uff0b")):
            return "phone_missing_country"
    return PARSE_ERROR[exc.error_type]


def verdict(text, region):
    """The oracle's answer for `text` parsed with default `region` (None for none)."""
    try:
        num = pn.parse(text, region)
    except pn.NumberParseException as exc:
        return ("0", "", "", "", "", "", "", expected_error(text, region, exc))
    if not pn.is_valid_number(num):
        return ("0", "", "", "", "", "", "", LENGTH_ERROR[pn.is_possible_number_with_reason(num)])
    reg = pn.region_code_for_number(num) or ""
    if reg == pn.REGION_CODE_FOR_NON_GEO_ENTITY:
        reg = ""
    return (
        "1",
        pn.format_number(num, F.E164),
        TYPE_NAME[pn.number_type(num)],
        reg,
        num.extension or "",
        pn.format_number(num, F.INTERNATIONAL),
        pn.format_number(num, F.NATIONAL),
        "",
    )


def examples():
    """(region or None, PhoneNumber) for every example number of every type."""
    out = []
    for region in sorted(pn.SUPPORTED_REGIONS):
        for t, _ in TYPES:
            num = pn.example_number_for_type(region, t)
            if num is not None:
                out.append((region, num))
    for code in sorted(pn.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        meta = pn.PhoneMetadata.metadata_for_nongeo_region(code)
        if meta is None:
            continue
        for t, _ in TYPES:
            desc = getattr(meta, DESC_ATTR[t], None)
            example = desc.example_number if desc is not None else None
            if example:
                out.append((None, pn.PhoneNumber(country_code=code, national_number=int(example))))
    return out


def double_zero_as_plus(text, region):
    """`text` with `+` for its leading `00` when contactkit reads that `00` as the international
    prefix (see the module's doc), else None."""
    if not text[:1].isdigit():
        return None
    digits = pn.normalize_digits_only(text)
    if not digits.startswith("00") or digits.startswith("000"):
        return None
    if region is not None:
        meta = pn.PhoneMetadata.metadata_for_region(region.upper())
        idd = meta.international_prefix if meta is not None else None
        if idd is not None and re.match(idd, digits):
            return None
    return "+" + digits[2:]


def idd_is_00(region):
    meta = pn.PhoneMetadata.metadata_for_region(region)
    if meta is None or meta.international_prefix is None:
        return False
    return re.fullmatch(meta.international_prefix, "00") is not None


def spellings(region, num, rng):
    """(kind, text, default region) spellings of one valid number."""
    cc = str(num.country_code)
    nsn = pn.national_significant_number(num)
    e164 = pn.format_number(num, F.E164)
    intl = pn.format_number(num, F.INTERNATIONAL)
    out = [
        ("e164", e164, None),
        ("intl", intl, None),
        ("rfc3966", pn.format_number(num, F.RFC3966), None),
        ("dots", intl.replace(" ", ".").replace("-", ".").replace("+.", "+"), None),
        ("dashes", intl.replace(" ", "-").replace("+-", "+"), None),
        ("spaced_digits", "+" + cc + " " + " ".join(nsn[i:i + 3] for i in range(0, len(nsn), 3)), None),
        ("00_prefix", "00 " + cc + " " + nsn, None),
        ("00_compact", "00" + cc + nsn, None),
        ("intl_other_default", intl, "US" if region != "US" else "GB"),
        ("intl_ext", intl + " ext. " + str(rng.randint(1, 9999)), None),
        ("intl_x", e164 + " x" + str(rng.randint(1, 999)), None),
        ("intl_hash_ext", intl + " #" + str(rng.randint(1, 999)), None),
        ("rfc3966_ext", pn.format_number(num, F.RFC3966) + ";ext=" + str(rng.randint(1, 999)), None),
        ("extension_es", intl + " extensión " + str(rng.randint(1, 999)), None),
        ("labelled", "Tel: " + intl + " (work)", None),
        ("fullwidth", "＋" + "".join(chr(0xFF10 + int(d)) for d in cc + nsn), None),
        ("plus_zero_parens", "+" + cc + " (0) " + nsn, None),
    ]
    for idd_region in ("US", "JP", "AU"):
        if idd_region != region:
            idd = pn.PhoneMetadata.metadata_for_region(idd_region).preferred_international_prefix \
                or pn.PhoneMetadata.metadata_for_region(idd_region).international_prefix
            out.append(("idd_" + idd_region, idd + " " + cc + " " + nsn, idd_region))
    if len(nsn) >= 8:
        head, tail = nsn[:3], nsn[3:]
        out.append(("parens", "+" + cc + " (" + head + ") " + tail[:3] + "-" + tail[3:], None))
    if region is not None:
        national = pn.format_number(num, F.NATIONAL)
        out += [
            ("national", national, region),
            ("national_lower_default", national, region.lower()),
            ("national_compact", "".join(c for c in national if c.isdigit()), region),
            ("nsn_default", nsn, region),
            ("national_dots", national.replace(" ", ".").replace("-", "."), region),
            ("national_ext", national + " ext 12", region),
            ("e164_with_default", e164, region),
            ("cc_without_plus", cc + " " + nsn, region),
            ("cc_national_without_plus", cc + " " + "".join(c for c in national if c.isdigit()), region),
        ]
        if idd_is_00(region):
            out.append(("00_with_default", "00" + cc + " " + nsn, region))
    return out


def corruptions(region, num, rng):
    """(kind, text, default region) corrupted variants of one valid number."""
    cc = str(num.country_code)
    nsn = pn.national_significant_number(num)
    out = []

    def both(kind, digits):
        out.append((kind, "+" + cc + digits, None))
        if region is not None:
            out.append((kind + "_national", digits, region))

    if len(nsn) > 1:
        both("drop_last", nsn[:-1])
        i = rng.randrange(len(nsn))
        both("drop_digit", nsn[:i] + nsn[i + 1:])
    both("add_digit", nsn + str(rng.randrange(10)))
    i = rng.randrange(len(nsn))
    both("change_digit", nsn[:i] + str((int(nsn[i]) + rng.randint(1, 9)) % 10) + nsn[i + 1:])
    both("change_first", str((int(nsn[0]) + rng.randint(1, 9)) % 10) + nsn[1:])
    codes = sorted(pn.COUNTRY_CODE_TO_REGION_CODE.keys())
    other = rng.choice([c for c in codes if c != num.country_code])
    out.append(("other_cc", "+" + str(other) + nsn, None))
    # A calling code nobody has (+0 or an unassigned one).
    unassigned = [c for c in range(1, 1000) if c not in pn.COUNTRY_CODE_TO_REGION_CODE]
    out.append(("unassigned_cc", "+" + str(rng.choice(unassigned)) + nsn, None))
    out.append(("national_no_default", nsn, None))
    return out


def random_digits(rng, count):
    """(kind, text, default region) random digit strings, with and without `+`."""
    regions = sorted(pn.SUPPORTED_REGIONS)
    out = []
    for _ in range(count):
        digits = "".join(str(rng.randrange(10)) for _ in range(rng.randint(3, 19)))
        if rng.random() < 0.5:
            out.append(("random_plus", "+" + digits, None))
        else:
            out.append(("random_national", digits, rng.choice(regions)))
    return out


def main():
    if pn.__version__ != METADATA_VERSION:
        sys.exit(f"phonenumbers {pn.__version__} found; the corpus needs {METADATA_VERSION} "
                 f"(python3 -m venv .venv && .venv/bin/pip install phonenumbers=={METADATA_VERSION})")
    out_path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests/oracle/phone.tsv"
    rng = random.Random(20250933)
    rows = []
    cases = []
    for region, num in examples():
        cases += spellings(region, num, rng)
        cases += corruptions(region, num, rng)
    cases += random_digits(rng, 5000)
    for kind, text, default in cases:
        plus = double_zero_as_plus(text, default)
        if plus is not None:
            v, note = verdict(plus, None), "00_as_plus"
        elif default is not None and default != default.upper():
            v, note = verdict(text, default.upper()), "default_upper_cased"
        else:
            v, note = verdict(text, default), ""
        rows.append((kind, text, default or "", *v, note))
    for r in rows:
        for field in r:
            assert "\t" not in field and "\n" not in field, r
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(f"#phonenumbers\t{pn.__version__}\n")
        f.write("id\tkind\tinput\tdefault\tvalid\te164\ttype\tregion\textension\tintl_fmt\tnatl_fmt\terror\tnote\n")
        for i, r in enumerate(rows, 1):
            f.write(str(i) + "\t" + "\t".join(r) + "\n")
    valid = sum(1 for r in rows if r[3] == "1")
    print(f"wrote {len(rows)} cases ({valid} valid) to {out_path}")


if __name__ == "__main__":
    main()
