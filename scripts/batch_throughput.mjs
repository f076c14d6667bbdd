// Batch throughput in Node: rows per second of the package's BatchValidator on rows from
// scripts/gen_mixed_rows.py (JSON Lines), in chunks of 1,000 as a Web Worker would.
//
//   bash scripts/build.sh
//   node scripts/batch_throughput.mjs target/mixed_rows.jsonl
import { readFileSync } from "node:fs";
import { BatchValidator } from "../pkg/node.mjs";

const CHUNK = 1000;
const path = process.argv[2] ?? "target/mixed_rows.jsonl";
const rows = readFileSync(path, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
console.log(`${rows.length} rows from ${path}`);

function run(label, rows, options) {
  const start = performance.now();
  const v = new BatchValidator(options);
  let kept = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const { results } = v.validate(rows.slice(i, i + CHUNK));
    kept += results.length;
  }
  const secs = (performance.now() - start) / 1000;
  const s = v.summary();
  v.free();
  const rate = Math.round(s.total / secs);
  console.log(
    `${label.padEnd(40)} ${String(kept).padStart(7)} rows in ${secs.toFixed(2).padStart(6)} s = ${String(rate).padStart(8)} rows/s` +
      `  (valid ${s.valid}, invalid ${s.invalid}, duplicates ${s.duplicates})`,
  );
}

run("contactship (phone, country, email)", rows, { target: "contactship", apiKey: "bench-key" });
const sdrRows = rows.map((r, i) => ({
  full_name: r.full_name,
  email: r.email,
  linkedin_profile: `linkedin.com/in/contact-${i}`,
  locale: "es-MX",
  timezone: "America/Mexico_City",
  metadata: { row: i, source: "bench" },
}));
run("sdr_agent (email, linkedin, locale, tz)", sdrRows, {
  target: "sdr_agent",
  apiKey: "bench-key",
  importId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
});
