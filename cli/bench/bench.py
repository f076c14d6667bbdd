#!/usr/bin/env python3
"""Figures of the `contactkit` command (prints them; asserts nothing about time).

    python3 cli/bench/bench.py [--rows 1000000] [--big-rows 10000000] [--send-rows 20000] [--runs 3]

- `check` rows/s on a generated CSV of realistic mixed-country rows, Contactship and SDR Agent;
- peak RSS of `check` on a larger file;
- `send` requests/s against the fake server (cli/examples/fake_api.rs) with --concurrency 32;
- `send` with 5% injected faults: every valid contact on the server exactly once.

Builds the release binary and the fake server first. Files go to target/cli-bench/.
"""

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
import unicodedata
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "target", "cli-bench")
BIN = os.path.join(ROOT, "target", "cli", "contactkit")
FAKE = os.path.join(ROOT, "target", "cli", "examples", "fake_api")

FIRST = ["José", "María", "John", "Ana", "Li", "Olga", "Pierre", "Søren", "Aarav", "Fatima", "Lucía", "Kenji",
         "Zoë", "Mateo", "Chloé", "Ahmed", "Ingrid", "Giulia", "Thiago", "Priya"]
LAST = ["García", "Smith", "Müller", "Dubois", "Rossi", "Silva", "Kowalski", "Nguyen", "Patel", "O'Brien",
        "Hernández", "Yamamoto", "Johansson", "López", "Ivanova", "Costa", "Schmidt", "Khan", "Martin", "Novak"]
DOMAINS = ["gmail.com", "hotmail.com", "yahoo.com", "outlook.com", "acme.io", "empresa.mx", "firma.de",
           "societe.fr", "example.org", "uni.edu"]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Stark Industries", "Wayne Enterprises", "Hooli", ""]
LOCALES = ["en-US", "es-MX", "es_ES", "pt-BR", "fr", "de-DE", "en-gb", "it", ""]
TIMEZONES = ["America/New_York", "Europe/Madrid", "America/Mexico_City", "America/Sao_Paulo", "Europe/Paris",
             "Europe/Berlin", "Asia/Kolkata", "US/Eastern", ""]


US_AREAS = [201, 212, 305, 312, 415, 512, 617, 646, 702, 718, 805, 917]


def phone(rng, n):
    """A phone number of one of ten countries in a spelling people type, and the country column."""
    k = n % 10
    b, c = rng.randrange(200, 1000), rng.randrange(0, 10000)
    if k == 0:
        return f"({rng.choice(US_AREAS)}) {b}-{c:04d}", rng.choice(["US", "United States", "usa"])
    if k == 1:
        return f"+34 6{n % 100:02d} {b:03d} {c % 1000:03d}", "ES"
    if k == 2:
        return f"55 {1000 + n % 9000} {c:04d}", rng.choice(["MX", "México", "Mexico"])
    if k == 3:
        return f"07{rng.choice([4, 5, 7, 8, 9])}{b:03d} {c:04d}{n % 10}"[:13], "GB"
    if k == 4:
        return f"06 {n % 100:02d} {b % 100:02d} {c % 100:02d} {c // 100:02d}", rng.choice(["FR", "France"])
    if k == 5:
        return f"0151 {b:03d}{c:04d}{n % 10}", "DE"
    if k == 6:
        return f"+55 11 9{1000 + n % 9000}-{c:04d}", "BR"
    if k == 7:
        return f"98{b:03d} {c:05d}", "IN"
    if k == 8:
        return f"+1 416 {b} {c:04d}", "CA"
    return f"3{n % 100:02d} {b:03d} {c:04d}", rng.choice(["IT", "Italy"])


def generate(path, rows, target, seed=1):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as f:
        if target == "contactship":
            f.write("Name,Phone,Country,Email,Notes\n")
        else:
            f.write("Full Name,Email,LinkedIn,Company,Locale,Timezone\n")
        buf = []
        recent = []
        for n in range(rows):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            name = f"{first} {last}"
            r = rng.random()
            local = unicodedata.normalize("NFD", f"{first}.{last}".lower().replace("'", ""))
            local = local.encode("ascii", "ignore").decode()  # addresses are ASCII
            email = f"{local}{n}@{rng.choice(DOMAINS)}"
            if target == "contactship":
                p, country = phone(rng, n)
                if r < 0.02:
                    p = p[:4]  # too short
                elif r < 0.03:
                    name = ""
                elif r < 0.04 and recent:
                    p, country = rng.choice(recent)  # a duplicate of an earlier row
                if len(recent) < 1000:
                    recent.append((p, country))
                elif r > 0.99:
                    recent[n % 1000] = (p, country)
                mail = email if rng.random() < 0.5 else ""
                note = "Met at the fair, \"VIP\"" if rng.random() < 0.1 else ""
                buf.append(",".join([name, f'"{p}"', country, mail, f'"{note.replace(chr(34), chr(34) * 2)}"' if note else ""]))
            else:
                li = rng.choice(["https://www.linkedin.com/in/{}-{}", "linkedin.com/in/{}{}", "www.linkedin.com/in/{}-{}/"])
                li = li.format(first.lower().encode("ascii", "ignore").decode() or "x", n)
                if r < 0.02:
                    email = email.replace("@", " at ")
                elif r < 0.03:
                    li = "https://example.com/profile"
                elif r < 0.04 and recent:
                    email = rng.choice(recent).upper()  # a duplicate of an earlier row, in capitals
                if len(recent) < 1000:
                    recent.append(email)
                buf.append(",".join([name, email, li, rng.choice(COMPANIES), rng.choice(LOCALES), rng.choice(TIMEZONES)]))
            if len(buf) >= 10000:
                f.write("\n".join(buf) + "\n")
                buf.clear()
        if buf:
            f.write("\n".join(buf) + "\n")


def run(args, env=None):
    """Runs the command; returns (exit status, stderr, its peak RSS in MB: VmHWM, polled, and its
    CPU seconds, user + sys: the figure a shared machine's load changes least)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    peak = 0
    err = []
    import threading
    t = threading.Thread(target=lambda: err.append(p.stderr.read()))
    t.start()
    while p.poll() is None:
        try:
            with open(f"/proc/{p.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.02)
    t.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return p.returncode, err[0] if err else "", peak / 1024, cpu


def rate(stderr):
    m = re.search(r"\((\d+) rows/s\)", stderr)
    return int(m.group(1)) if m else None


def load():
    return os.getloadavg()[0]


def check_figures(path, target, runs):
    rates, cpus = [], []
    for _ in range(runs):
        status, err, _, cpu = run([BIN, "check", path, "--target", target, "--out", OUT + "/out-" + target])
        if status not in (0, 1):
            sys.exit(err)
        rates.append(rate(err))
        cpus.append(cpu)
    rows = int(re.search(r"(\d+) rows in", err).group(1))
    print(f"check {target}: {min(rates):,} - {max(rates):,} rows/s over {runs} runs (load {load():.2f}); "
          f"CPU {min(cpus):.2f} - {max(cpus):.2f} s, {min(cpus) / rows * 1e6:.2f} us a row "
          f"(two free cores: at most {2 * rows / min(cpus):,.0f} rows/s); last: {err.strip().splitlines()[-1]}")


def start_fake(fault_rate):
    p = subprocess.Popen([FAKE, "--key", "bench-key", "--fault-rate", str(fault_rate), "--slow-ms", "1500"],
                         stdout=subprocess.PIPE, text=True)
    return p, p.stdout.readline().strip()


def state(base):
    with urllib.request.urlopen(base + "/_fake/state") as r:
        return json.load(r)


def send_figures(rows):
    path = os.path.join(OUT, "send.csv")
    generate(path, rows, "contactship", seed=3)
    status, err, _, _ = run([BIN, "check", path, "--target", "contactship", "--out", OUT + "/out-send"])
    valid = int(re.search(r"(\d+) valid", err).group(1))
    env = dict(os.environ, CONTACTSHIP_API_KEY="bench-key")
    for fault_rate, extra in ((0.0, []), (0.05, ["--timeout", "1", "--retries", "30"])):
        fake, base = start_fake(fault_rate)
        journal = path + ".journal"
        if os.path.exists(journal):
            os.remove(journal)
        t0 = time.time()
        status, err, _, _ = run([BIN, "send", path, "--target", "contactship", "--base-url", base,
                              "--concurrency", "32"] + extra, env=env)
        secs = time.time() - t0
        s = state(base)
        fake.terminate()
        m = re.search(r"(\d+) requests in ([\d.]+) s \((\d+)/s\)", err)
        print(f"send, {fault_rate:.0%} faults: {m.group(3)} requests/s ({m.group(1)} requests in {m.group(2)} s, "
              f"{secs:.2f} s with validation; load {load():.2f}); server: {s['contactship']} contacts, "
              f"{s['stored']} stored, {s['faults']} faults; valid rows {valid}: "
              f"{'exactly once' if s['contactship'] == valid == s['stored'] else 'MISMATCH'}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--big-rows", type=int, default=10_000_000)
    ap.add_argument("--send-rows", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    subprocess.run(["cargo", "build", "--profile", "cli", "--quiet", "-p", "contactkit-cli", "--bin", "contactkit",
                    "--example", "fake_api"], cwd=ROOT, check=True)
    print(f"machine: {os.cpu_count()} cores, load {load():.2f}")
    for target in ("contactship", "sdr-agent"):
        path = os.path.join(OUT, f"{target}-{a.rows}.csv")
        if not os.path.exists(path):
            generate(path, a.rows, target.replace("-", "_"))
        check_figures(path, target, a.runs)
    if a.big_rows:
        path = os.path.join(OUT, f"contactship-{a.big_rows}.csv")
        if not os.path.exists(path):
            generate(path, a.big_rows, "contactship", seed=2)
        status, err, rss, cpu = run([BIN, "check", path, "--target", "contactship", "--out", OUT + "/out-big"])
        print(f"check contactship, {a.big_rows:,} rows ({os.path.getsize(path) / 1e6:.0f} MB): "
              f"peak RSS {rss:.0f} MB, {rate(err):,} rows/s, CPU {cpu:.1f} s (load {load():.2f})")
    if a.send_rows:
        send_figures(a.send_rows)


if __name__ == "__main__":
    main()
