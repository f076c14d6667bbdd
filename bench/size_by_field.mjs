// What each part of the npm package weighs: the package built again with only some of its JS
// exports, each build measured as the bench and the size test measure pkg/ (.wasm + JS glue,
// gzip -9 by Node's zlib: bench/package_size.mjs). Link-time optimization drops the code and
// data that no kept export reaches, so a field built alone is what that field needs, with the
// share every build has (the glue, the allocator, the messages). Sizes are printed, never
// asserted (tests/node/size_budget.test.mjs guards pkg/).
//
//   bash scripts/setup.sh                 # once: Rust, wasm-pack, wasm-bindgen-cli, wasm-opt
//   node bench/size_by_field.mjs          # 11 release builds, one after another: ~2 - 3 min
//                                         # each, and ~2 min more the first time (dependencies)
//   node bench/size_by_field.mjs phone email
//                                         # only the builds named (see BUILDS below)
//
// Which exports a build has is a cfg, not an edit of the sources: the binding (src/wasm/)
// compiles each group of exports under `contactkit_export = "<group>"`, and the build script
// turns on the groups that CONTACTKIT_EXPORTS names (build/exports.rs; all of them when it is
// unset). Each build runs scripts/build.sh with it, in a copy of the working tree (the files git
// tracks or does not ignore) so that pkg/ is left alone; the copies share one Cargo target
// directory, target/size-by-field/, so dependencies compile once. Every built glue's exports are
// checked against GROUPS before its size is taken: an export no group lists stops the run.

import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { packageSize } from "./package_size.mjs";

const repo = fileURLToPath(new URL("..", import.meta.url));

// The export groups of build/exports.rs, with the JS exports each one compiles.
const FIELDS = {
  phone: "normalizePhone",
  email: "normalizeEmail",
  linkedin: "normalizeLinkedIn",
  locale: "normalizeLocale",
  timezone: "normalizeTimezone",
  country: "normalizeCountry",
};
const GROUPS = {
  ...Object.fromEntries(Object.entries(FIELDS).map(([group, f]) => [group, [f]])),
  forms: ["AsYouType", "formatPhoneInput", "getExampleNumber", "getCountryCallingCode", "getCountries", "getAllCountries", "getTimezones"],
  payload: ["buildContactshipContact", "buildSdrAgentContact", "buildCreateImport", "buildCompleteImport", "buildLinkCampaign", "validateContacts", "BatchValidator"],
  columns: ["matchColumns"],
};
// In every build: each field's errors carry the same messages.
const SHARED = ["errorMessages", "messageWords"];

const fields = Object.keys(FIELDS);
const BUILDS = {
  shared: { what: "errorMessages and messageWords: the glue, the allocator, the messages", groups: [] },
  ...Object.fromEntries(fields.map((g) => [g, { what: `${FIELDS[g]} alone`, groups: [g] }])),
  "fields-but-phone": { what: "the five fields other than phone", groups: fields.filter((g) => g !== "phone") },
  fields: { what: "the six fields", groups: fields },
  form: { what: "the six fields and the form exports (AsYouType, formatPhoneInput, the pickers)", groups: [...fields, "forms"] },
  package: { what: "the whole package (the same bytes as pkg/)", groups: Object.keys(GROUPS) },
};

const chosen = process.argv.slice(2);
for (const name of chosen) if (!BUILDS[name]) fail(`no build named ${name}; the builds: ${Object.keys(BUILDS).join(", ")}`);
if (!existsSync(join(repo, "node_modules/.bin/wasm-opt"))) fail("wasm-opt is missing: run `bash scripts/setup.sh` first.");

const targetDir = join(repo, "target/size-by-field");
const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repo })
  .toString()
  .split("\0")
  .filter((f) => f && existsSync(join(repo, f)));

const rows = [];
for (const [name, build] of Object.entries(BUILDS)) {
  if (chosen.length && !chosen.includes(name)) continue;
  const t0 = Date.now();
  let size;
  try {
    size = measure(build.groups);
  } catch (e) {
    fail(`${name}: ${e.message}`);
  }
  rows.push({ name, what: build.what, ...size });
  console.error(`${name}: ${size.gzip} bytes gzip (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
console.log("\n| build | what it exports | .wasm + glue, gzip -9 (Node's zlib) | .wasm raw |\n|---|---|---|---|");
for (const r of rows) console.log(`| ${r.name} | ${r.what} | ${kb(r.gzip)} (${r.gzip} bytes) | ${kb(r.wasm)} |`);

/** Builds the package with the export groups `groups` only; returns its sizes. */
function measure(groups) {
  const dir = mkdtempSync(join(tmpdir(), "contactkit-size-"));
  try {
    for (const f of files) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      copyFileSync(join(repo, f), join(dir, f));
    }
    symlinkSync(join(repo, "node_modules"), join(dir, "node_modules"));
    try {
      execFileSync("bash", ["scripts/build.sh"], {
        cwd: dir,
        env: { ...process.env, CARGO_TARGET_DIR: targetDir, CONTACTKIT_EXPORTS: groups.join(",") },
        stdio: ["ignore", "pipe", "inherit"],
      });
    } catch (e) {
      throw new Error(`scripts/build.sh failed:\n${e.stdout}`);
    }
    checkExports(readFileSync(join(dir, "pkg/contactkit.js"), "utf8"), groups);
    const { wasmBytes, gzipBytes } = packageSize(pathToFileURL(join(dir, "pkg/")));
    return { wasm: wasmBytes, gzip: gzipBytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fails unless the glue exports exactly the shared functions and those of `groups`. */
function checkExports(glue, groups) {
  const want = new Set([...SHARED, ...groups.flatMap((g) => GROUPS[g])]);
  const has = new Set([...glue.matchAll(/^export (?:function|class) (\w+)/gm)].map((m) => m[1]));
  const listed = new Set([...SHARED, ...Object.values(GROUPS).flat()]);
  for (const name of has)
    if (!listed.has(name)) throw new Error(`the package exports ${name}, which no group of bench/size_by_field.mjs lists`);
  for (const name of listed)
    if (has.has(name) !== want.has(name))
      throw new Error(`the build ${has.has(name) ? "exports" : "lacks"} ${name}; GROUPS (bench/size_by_field.mjs) and the cfgs of src/wasm/ disagree`);
}

function fail(message) {
  console.error(`size_by_field: ${message}`);
  process.exit(1);
}
