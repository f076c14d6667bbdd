#!/usr/bin/env python3
"""Writes N contact rows as JSON Lines for the batch throughput benchmark.

The phone numbers come from every region python `phonenumbers` (libphonenumber) knows, in
round-robin order, so consecutive rows rarely share a country: the worst case for a phone
engine that caches per-country data. Each number is valid (checked by libphonenumber), written
in national format with the row's `country` half of the time and in international format
otherwise. About 1% of rows repeat an earlier number (duplicates) and 1% are invalid.

    python3 scripts/gen_mixed_rows.py 100000 > target/mixed_rows.jsonl
    python3 scripts/gen_mixed_rows.py 100000 --region US > target/us_rows.jsonl   # one country
"""
import argparse
import json
import random
import sys

import phonenumbers as pn
from phonenumbers import PhoneNumberFormat as F


def numbers_for(region, want):
    """Up to `want` distinct valid numbers of `region`, around its example numbers."""
    out = []
    for t in (pn.PhoneNumberType.MOBILE, pn.PhoneNumberType.FIXED_LINE):
        ex = pn.example_number_for_type(region, t)
        if ex is None:
            continue
        for k in range(want * 3):
            n = pn.PhoneNumber(country_code=ex.country_code, national_number=ex.national_number + k,
                               italian_leading_zero=ex.italian_leading_zero,
                               number_of_leading_zeros=ex.number_of_leading_zeros)
            if pn.is_valid_number(n) and pn.region_code_for_number(n) == region:
                out.append(n)
                if len(out) >= want:
                    return out
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rows", type=int)
    ap.add_argument("--region", help="only this region (a single-country baseline)")
    args = ap.parse_args()
    rng = random.Random(7)
    regions = [args.region] if args.region else sorted(pn.SUPPORTED_REGIONS)
    # Some regions have few numbers near their examples: ask each for twice its share, and
    # when a region runs out the others fill in (still round-robin).
    per = 2 * (args.rows // len(regions)) + 2
    pools = {r: numbers_for(r, per) for r in regions}
    order = [r for r in regions if pools[r]]
    if sum(len(p) for p in pools.values()) < args.rows:
        sys.exit(f"only {sum(len(p) for p in pools.values())} numbers available")
    written = []
    i = 0
    out = sys.stdout
    while len(written) < args.rows:
        region = order[i % len(order)]
        pool = pools[region]
        i += 1
        if not pool:
            continue
        n = pool.pop()
        roll = rng.random()
        if roll < 0.01 and written:
            phone, region = rng.choice(written)          # a duplicate of an earlier row
        elif roll < 0.02:
            phone = "12"                                 # too short
        elif rng.random() < 0.5:
            phone = pn.format_number(n, F.NATIONAL)
        else:
            phone = pn.format_number(n, F.INTERNATIONAL)
        row = {"phone_number": phone, "country": region, "full_name": f"Contact {len(written)}",
               "email": f"contact{len(written)}@example.com"}
        written.append((phone, region))
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
