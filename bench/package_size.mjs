// The package's size as issue 5 counts it: the .wasm and its JS glue (contactkit.js, with the
// snippets scripts/build.sh writes into it; any left in pkg/snippets/ count too) in one gzip
// stream at level 9, by Node's zlib. Used by scripts/build.sh, bench/bench.mjs,
// bench/size_by_field.mjs and tests/node/size_budget.test.mjs, so that all of them measure the
// same bytes the same way. (Node's zlib writes a larger stream than GNU `gzip -9` does for
// these files, by about 4%: it is the stricter of the two.)

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { constants, gzipSync } from "node:zlib";

/**
 * Sizes of the package built in `dir` (a URL ending in "/"): `wasmBytes` and `glueBytes` raw,
 * `gzipBytes` of the two together, and `snippets`, how many snippet files the glue has.
 */
export function packageSize(dir) {
  const wasm = readFileSync(new URL("contactkit_bg.wasm", dir));
  const snippetDir = new URL("snippets/", dir);
  const snippets = existsSync(snippetDir)
    ? readdirSync(snippetDir, { recursive: true })
        .filter((f) => f.endsWith(".js"))
        .sort()
        .map((f) => readFileSync(new URL(f, snippetDir)))
    : [];
  const glue = Buffer.concat([readFileSync(new URL("contactkit.js", dir)), ...snippets]);
  return {
    wasmBytes: wasm.length,
    glueBytes: glue.length,
    gzipBytes: gzipSync(Buffer.concat([wasm, glue]), { level: constants.Z_BEST_COMPRESSION }).length,
    snippets: snippets.length,
  };
}
