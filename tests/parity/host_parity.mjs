// The host parity corpus (tests/parity/host_corpus.mjs) and its native answers, shared by
// tests/node/host_parity.test.mjs (Node) and www/tests/host_parity.test.mjs (Chromium).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";

const root = fileURLToPath(new URL("../../", import.meta.url));
import { hostCorpus } from "./host_corpus.mjs";

export { hostCorpus };

let native;
/** The native answers (examples/parity.rs), computed once per process. */
export function nativeResults() {
  native ??= execFileSync("cargo", ["run", "--quiet", "--example", "parity"], {
    cwd: root,
    input: hostCorpus().map((c) => JSON.stringify(c)).join("\n") + "\n",
    encoding: "utf8",
    maxBuffer: 64 << 20,
  })
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  return native;
}

/** Runs the cases through a loaded package `ck`, as the JS functions answer them. */
export function runCases(ck, cases) {
  const fns = { email: ck.normalizeEmail, linkedin: ck.normalizeLinkedIn };
  return cases.map((c) => fns[c.field](c.input));
}

/** The cases whose two answers differ, each with both answers (at most 20, for the report). */
export function differences(cases, a, b) {
  const out = [];
  cases.forEach((c, i) => {
    if (!isDeepStrictEqual(a[i], b[i]) && out.length < 20)
      out.push({ ...c, native: a[i], host: b[i] });
  });
  return out;
}
