// What each part of the npm package weighs: the package built again with only some of its JS
// exports, each build measured as the bench and the size test measure pkg/ (.wasm + JS glue,
// gzip -9 by Node's zlib: bench/package_size.mjs). Link-time optimization drops the code and data that no kept export reaches, so a field built
// alone is what that field needs, with the share every build has (the glue, the allocator, the
// messages). Sizes are printed, never asserted (tests/node/size_budget.test.mjs guards pkg/).
//
//   bash scripts/setup.sh                 # once: Rust, wasm-pack, wasm-bindgen-cli, wasm-opt
//   node bench/size_by_field.mjs          # 11 release builds, one after another: ~3 min, and
//                                         # ~2 min more the first time (dependencies)
//   node bench/size_by_field.mjs phone email
//                                         # only the builds named (see BUILDS below)
//
// Each build runs scripts/build.sh in a copy of the working tree (the files git tracks or does
// not ignore) whose src/wasm/ exports only the build's functions; the copies share one Cargo
// target directory, target/size-by-field/, so dependencies compile once. Every built module's
// exports are checked against what the build asked for before its size is taken.

import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { packageSize } from "./package_size.mjs";

const repo = fileURLToPath(new URL("..", import.meta.url));
const BINDING = ["src/wasm/fields.rs", "src/wasm/payload.rs", "src/wasm/mod.rs"];
const FIELDS = {
  phone: "normalizePhone",
  email: "normalizeEmail",
  linkedin: "normalizeLinkedIn",
  locale: "normalizeLocale",
  timezone: "normalizeTimezone",
  country: "normalizeCountry",
};
// errorMessages is in every build: each field's errors carry the same messages.
const SHARED = ["errorMessages"];
// Every export of the binding, as the source declares it: the functions (each with its
// `js_name` and result type) and the BatchValidator class.
const sources = BINDING.map((f) => readFileSync(join(repo, f), "utf8")).join("\n");
const functions = [...sources.matchAll(/#\[wasm_bindgen\(js_name = (\w+), unchecked_return_type/g)].map((m) => m[1]);
const classes = [...sources.matchAll(/#\[wasm_bindgen\(js_name = (\w+)\)\]\npub struct /g)].map((m) => m[1]);
if (classes.join() !== "BatchValidator") fail(`the binding's classes are ${classes.join(", ")}; this script knows BatchValidator`);
const everything = [...functions, ...classes];

const BUILDS = {
  shared: { what: "errorMessages only: glue, allocator, messages", keep: [] },
  ...Object.fromEntries(Object.entries(FIELDS).map(([k, f]) => [k, { what: `${f} alone`, keep: [f] }])),
  "fields-but-phone": {
    what: "the five fields other than phone",
    keep: Object.values(FIELDS).filter((f) => f !== FIELDS.phone),
  },
  fields: { what: "the six fields, no payload builders", keep: Object.values(FIELDS) },
  package: { what: "the whole package (as pkg/)", keep: everything },
};

const chosen = process.argv.slice(2);
for (const name of chosen) if (!BUILDS[name]) fail(`no build named ${name}; the builds: ${Object.keys(BUILDS).join(", ")}`);
if (!existsSync(join(repo, "node_modules/.bin/wasm-opt"))) fail("wasm-opt is missing: run `bash scripts/setup.sh` first.");
for (const f of Object.values(FIELDS)) if (!everything.includes(f)) fail(`src/wasm/ exports no ${f}`);

const targetDir = join(repo, "target/size-by-field");
const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repo })
  .toString()
  .split("\0")
  .filter((f) => f && existsSync(join(repo, f)));

const rows = [];
for (const [name, build] of Object.entries(BUILDS)) {
  if (chosen.length && !chosen.includes(name)) continue;
  const keep = new Set([...SHARED, ...build.keep]);
  const t0 = Date.now();
  let size;
  try {
    size = measure(keep);
  } catch (e) {
    fail(`${name}: ${e.message}`);
  }
  rows.push({ name, what: build.what, ...size });
  console.error(`${name}: ${size.gzip} bytes gzip (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
console.log("\n| build | what it exports | .wasm + glue, gzip -9 (Node's zlib) | .wasm raw |\n|---|---|---|---|");
for (const r of rows) console.log(`| ${r.name} | ${r.what} | ${kb(r.gzip)} (${r.gzip} bytes) | ${kb(r.wasm)} |`);

/** Builds the package exporting only `keep` (and BatchValidator if kept); returns its sizes. */
function measure(keep) {
  const dir = mkdtempSync(join(tmpdir(), "contactkit-size-"));
  try {
    for (const f of files) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      copyFileSync(join(repo, f), join(dir, f));
    }
    symlinkSync(join(repo, "node_modules"), join(dir, "node_modules"));
    // The whole package is built from the sources as they are, the same bytes as pkg/.
    if (everything.some((name) => !keep.has(name)))
      for (const f of BINDING) writeFileSync(join(dir, f), unexport(readFileSync(join(dir, f), "utf8"), keep));
    try {
      execFileSync("bash", ["scripts/build.sh"], {
        cwd: dir,
        env: { ...process.env, CARGO_TARGET_DIR: targetDir },
        stdio: ["ignore", "pipe", "inherit"],
      });
    } catch (e) {
      throw new Error(`scripts/build.sh failed:\n${e.stdout}`);
    }
    checkExports(readFileSync(join(dir, "pkg/contactkit_bg.wasm")), keep);
    const { wasmBytes, gzipBytes } = packageSize(pathToFileURL(join(dir, "pkg/")));
    return { wasm: wasmBytes, gzip: gzipBytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The binding's source with the `#[wasm_bindgen]` attributes of the exports not in `keep` taken
 * off, so that they are plain Rust functions nothing calls. Parameter attributes only give
 * TypeScript types, and an unexported function may not have them: they are taken off everywhere
 * (the glue's doc comments lose a few types: tens of bytes).
 */
function unexport(src, keep) {
  let out = src.replace(/#\[wasm_bindgen\(unchecked_param_type = "[^"]*"\)\]\s*/g, "");
  out = out.replace(/#\[wasm_bindgen\(js_name = (\w+), unchecked_return_type = "[^"]*"\)\]\n/g, (attr, name) =>
    keep.has(name) ? attr : "",
  );
  if (!keep.has("BatchValidator")) {
    out = out
      .replace("#[wasm_bindgen(js_name = BatchValidator)]\n", "")
      .replace("#[wasm_bindgen(js_class = BatchValidator)]\n", "")
      // Its methods' attributes: `constructor`, `getter, ...`, `unchecked_return_type = ...`.
      .replace(/\n[ \t]*#\[wasm_bindgen\((?:constructor|(?:getter, )?unchecked_return_type = "[^"]*")\)\]/g, "");
  }
  return out;
}

/** Fails unless the module exports exactly the kept functions of the binding. */
function checkExports(bytes, keep) {
  const names = new Set(WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name));
  for (const name of everything) {
    const has = classes.includes(name) ? names.has(`__wbg_${name.toLowerCase()}_free`) : names.has(name);
    if (has !== keep.has(name))
      throw new Error(`the build ${has ? "exports" : "lacks"} ${name}; the source's attributes changed shape (bench/size_by_field.mjs)`);
  }
}

function fail(message) {
  console.error(`size_by_field: ${message}`);
  process.exit(1);
}
