#!/usr/bin/env bash
# Builds the npm package into pkg/: wasm-pack (--target web), then wasm-opt from npm's binaryen,
# then pkg/node.mjs (the glue, instantiating synchronously; node-legacy.mjs for older Node) so
# that Node users can `import { normalizePhone } from "contactkit"` with no init step.
# `scripts/build.sh --dev` skips optimizations for a quick debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

profile=--release
[ "${1:-}" = --dev ] && profile=--dev

# The crate built is npm/, a cdylib linking contactkit with its `talc` feature (the package's
# allocator): cargo runs no LTO for contactkit's own rlib-and-cdylib library (npm/Cargo.toml).
# --mode no-install: use the wasm-bindgen CLI on PATH (scripts/setup.sh installs the pinned one).
wasm-pack build npm "$profile" --target web --out-dir ../pkg --out-name contactkit --mode no-install \
  >/dev/null 2>pkg-build.log ||
  { cat pkg-build.log; exit 1; }
rm -f pkg-build.log pkg/.gitignore
# The package's own README, written for npm users (its links are absolute: the repository's
# README.md links to files that are not in the package).
cp npm/README.md pkg/README.md

if [ "$profile" = --release ]; then
  # --converge repeats -Oz until it stops shrinking the module (~0.5 KB gzip); the producers
  # and target_features custom sections are build metadata no engine reads. memory-packing
  # is skipped: it cuts the data into ~1,600 segments around runs of zeros, and the segment
  # headers (distinct addresses) cost more once compressed than the zeros they replace
  # (.wasm +50 KB raw, but -5.8 KB gzip and -6 KB brotli; the memory image is the same).
  # Functions in order of name: the instances of one generic sit together (-0.7 KB gzip).
  # (Measured, not taken: --skip-pass=inlining-optimizing, -5.9 KB gzip more but ~15% fewer
  # numbers/s in bench/.)
  wasm-opt -Oz -ocimfs 0 --converge --skip-pass=memory-packing --reorder-functions-by-name \
    --enable-bulk-memory --enable-nontrapping-float-to-int \
    --strip-producers --strip-target-features \
    pkg/contactkit_bg.wasm -o pkg/contactkit_bg.wasm
fi

# The glue's imports that catch a JS exception are written `function() { return
# handleError(function (arg0, arg1) {...}, arguments) }`: with no declared parameters, V8
# compiles a wrapper of their own for each (its arity differs from the Wasm signature) when the
# module is instantiated. Declared with the parameters they pass on, they share the other imports'
# wrappers: 15 compiled wrappers become 11, and instantiation takes 0.75 ms instead of 1.23
# (medians of 15 fresh processes). `arguments` is the same either way.
node - <<'JS'
const fs = require("fs");
const file = "pkg/contactkit.js";
const glue = fs.readFileSync(file, "utf8");
let patched = 0;
const out = glue.replace(
  /: function\(\) \{ return handleError\(function \(([\w, ]*)\) \{/g,
  (_, params) => (patched++, `: function(${params}) { return handleError(function (${params}) {`),
);
const calls = glue.split("return handleError(function").length - 1;
if (patched !== calls) throw new Error(`build.sh: ${calls} handleError imports, ${patched} declared; the glue's shape changed`);
fs.writeFileSync(file, out);
JS

# `ready`, a promise that settles once the module is instantiated, in the glue and its types
# (so in node.mjs too, where it settles on import).
node scripts/glue_ready.mjs ready pkg

# The glue's snippets (src/wasm/tape.js and guard.js, which wasm-bindgen copies to pkg/snippets/
# and the glue imports) are written into the glue, each in a function scope of its own (its
# top-level names cannot meet the glue's), which gives back the names the glue imported. In a
# browser the page then fetches contactkit.js and the .wasm, not contactkit.js, then the
# snippets it names, then the .wasm: one round trip less, and a `modulepreload` of contactkit.js
# fetches all of its JS (issue 17).
#
# One module for Node: that glue with a synchronous instantiation from the .wasm beside it, so
# the exports are ready on import (`await init()` still works: it returns at once). One file
# instead of a wrapper importing contactkit.js saves a module load, about 1.5 ms of the cold
# start.
node - <<'JS'
const fs = require("fs");
// A snippet the glue imports whole (`import * as import1 from ...`, once per function that Wasm
// calls directly) is inlined once, and each of those names is the same object (its module state
// is shared, as with one ES module).
const whole = new Map();
const glue = fs.readFileSync("pkg/contactkit.js", "utf8").replace(
  /^import \{ ([\w, ]+) \} from '(\.\/snippets\/[^']+)';\n/gm,
  (line, names, path) => {
    const snippet = fs.readFileSync(`pkg/${path}`, "utf8");
    if (/^import /m.test(snippet)) throw new Error(`build.sh: ${path} imports modules; node.mjs cannot inline it`);
    for (const name of names.split(", "))
      if (!snippet.includes(`export function ${name}(`)) throw new Error(`build.sh: ${path} has no function ${name}`);
    const body = snippet.replace(/^export function /gm, "function ");
    return `const { ${names} } = (() => {\n${body}\nreturn { ${names} };\n})();\n`;
  },
).replace(/^import \* as (\w+) from "(\.\/snippets\/[^"]+)";?\n/gm, (line, name, path) => {
  if (whole.has(path)) return `const ${name} = ${whole.get(path)};\n`;
  whole.set(path, name);
  const snippet = fs.readFileSync(`pkg/${path}`, "utf8");
  if (/^import /m.test(snippet)) throw new Error(`build.sh: ${path} imports modules; node.mjs cannot inline it`);
  const names = [...snippet.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
  const body = snippet.replace(/^export function /gm, "function ");
  return `const ${name} = (() => {\n${body}\nreturn Object.freeze({ ${names.join(", ")} });\n})();\n`;
});
if (/^import /m.test(glue)) throw new Error("build.sh: the glue imports other modules; node.mjs cannot inline it");
fs.writeFileSync("pkg/contactkit.js", glue);
fs.rmSync("pkg/snippets", { recursive: true, force: true });
// fs through process.getBuiltinModule (Node 20.16, 22.3 and later), not `import ... from
// "node:fs"`: the ES module facade of fs takes each of its exports, and its `promises` getter
// loads fs/promises and the streams, 2 to 3.4 ms of a fresh process's import. node.mjs imports
// nothing: the package's exports give it to the Node versions with the "module-sync" condition,
// which is on where require() loads ES modules (20.19, 22.12 and later, all with
// getBuiltinModule). Older versions get node-legacy.mjs, which takes createRequire's fs where
// getBuiltinModule is missing. Importing node:module added 0.5 - 1.5 ms to the package's import
// (medians of 40 - 60 fresh processes, alternated).
const load = 'initSync({ module: readFileSync(new URL("./contactkit_bg.wasm", import.meta.url)) });\n';
const head = "// Node entry point: the JS glue of contactkit.js, then the module instantiated synchronously.\n";
fs.writeFileSync(
  "pkg/node.mjs",
  head + glue + 'const { readFileSync } = process.getBuiltinModule("fs");\n' + load,
);
fs.writeFileSync(
  "pkg/node-legacy.mjs",
  "// Node entry point before Node 20.19 and 22.12 (package.json's exports): the JS glue of\n" +
    "// contactkit.js, then the module instantiated synchronously.\n" +
    'import { createRequire } from "node:module";\n' +
    glue +
    'const { readFileSync } = process.getBuiltinModule?.("fs") ?? createRequire(import.meta.url)("fs");\n' +
    load,
);
JS
cp pkg/contactkit.d.ts pkg/node.d.mts

# contactkit/schema (npm/schema.js: Standard Schema validators over the exports): for browsers
# and bundlers it imports the browser glue; for Node the same module imports node.mjs (or
# node-legacy.mjs), so that it shares the package's one Wasm instance.
cp npm/schema.js npm/schema.d.ts pkg/
for entry in node node-legacy; do
  sed "s|\"./contactkit.js\"|\"./$entry.mjs\"|" npm/schema.js >"pkg/schema-$entry.mjs"
  grep -q "\"./$entry.mjs\"" "pkg/schema-$entry.mjs" || { echo "build.sh: npm/schema.js no longer imports ./contactkit.js"; exit 1; }
done

# The browser glue only: until init() has instantiated the module, every export answers
# `not_initialized` (a result, as for any bad input) instead of throwing a TypeError.
node scripts/glue_ready.mjs guards pkg
# And it starts fetching the .wasm when it is evaluated (node.mjs reads the file instead).
node scripts/glue_ready.mjs prefetch pkg

# The browser glue without its comments (whole-line ones): wasm-bindgen's JSDoc repeats what
# contactkit.d.ts says (editors read the types; /* @ts-self-types */ stays), and the inlined
# snippets' and glue_ready.mjs's comments are for their sources. -1.7 KB gzip of the package; node.mjs,
# made above, keeps them.
node - <<'JS'
const fs = require("fs");
const files = ["pkg/contactkit.js"];
for (const file of files) {
  const text = fs.readFileSync(file, "utf8");
  fs.writeFileSync(file, text.replace(/^[ \t]*\/\*\*[\s\S]*?\*\/\n/gm, "").replace(/^[ \t]*\/\/.*\n/gm, ""));
}
if (!fs.readFileSync(files[0], "utf8").startsWith("/* @ts-self-types=")) throw new Error("build.sh: the glue's first line changed");
JS

node - <<'JS'
const fs = require("fs");
const p = JSON.parse(fs.readFileSync("pkg/package.json", "utf8"));
// The package is contactkit's, not the npm/ crate's (its name, keywords, README).
p.name = "contactkit";
p.keywords = ["phone", "email", "validation", "wasm", "contacts"];
// wasm-pack copies them from Cargo.toml's [workspace.package]; npm shows them.
for (const key of ["repository", "homepage"]) if (!p[key]) throw new Error(`build.sh: pkg/package.json has no ${key}`);
// Where require(esm) is on and "module-sync" with it (see node.mjs above): `import` and
// `require` both load node.mjs. Earlier Node versions are out of support.
p.engines = { node: "^20.19.0 || >=22.12.0" };
// The snippets are in the glue (above): nothing of pkg/snippets/ is left to ship, and the glue
// has side effects of its own (it starts fetching the .wasm when evaluated: glue_ready.mjs).
p.files = [...new Set([...(p.files || []), "README.md", "node.mjs", "node-legacy.mjs", "node.d.mts",
  "schema.js", "schema.d.ts", "schema-node.mjs", "schema-node-legacy.mjs"])].filter((f) => f !== "snippets");
delete p.sideEffects;
// "module-sync": Node 20.19, 22.12 and later (see node.mjs above); other Node versions, and
// runtimes that take "node" without "module-sync", get node-legacy.mjs.
p.exports = {
  ".": {
    node: { types: "./node.d.mts", "module-sync": "./node.mjs", default: "./node-legacy.mjs" },
    types: "./contactkit.d.ts",
    default: "./contactkit.js",
  },
  // Standard Schema validators (npm/schema.js), with the same conditions as ".".
  "./schema": {
    node: { types: "./schema.d.ts", "module-sync": "./schema-node.mjs", default: "./schema-node-legacy.mjs" },
    types: "./schema.d.ts",
    default: "./schema.js",
  },
  "./contactkit_bg.wasm": "./contactkit_bg.wasm",
  "./package.json": "./package.json",
};
fs.writeFileSync("pkg/package.json", JSON.stringify(p, null, 2) + "\n");
JS

# The size as the bench and the size test take it (bench/package_size.mjs: Node's zlib, about 4%
# more than GNU gzip -9 on these files).
PROFILE="${profile#--}" node --input-type=module -e '
import { pathToFileURL } from "node:url";
import { packageSize } from "./bench/package_size.mjs";
const s = packageSize(pathToFileURL("pkg/"));
console.log(`built pkg/ (${process.env.PROFILE}): contactkit_bg.wasm ${s.wasmBytes} bytes; wasm + JS glue ${s.gzipBytes} bytes gzip -9`);
'
