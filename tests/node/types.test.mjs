// The TypeScript surface: strict-mode usage compiles, misuse is rejected, and no export is `any`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

test("tests/types/usage.ts (and schema.ts, with @standard-schema/spec) type-checks against pkg/contactkit.d.ts", () => {
  const tsc = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));
  execFileSync(process.execPath, [tsc, "-p", "tests/types/tsconfig.json"], { cwd: root, stdio: "pipe" });
});

test("no exported function takes or returns any", () => {
  const dts = readFileSync(new URL("../../pkg/contactkit.d.ts", import.meta.url), "utf8");
  const exported = dts.split("\n").filter((l) => /^export (function|class)/.test(l) || /^\s+\w+\(.*\):/.test(l));
  assert.ok(exported.length >= 7, "expected the field functions to be exported");
  for (const line of exported) assert.doesNotMatch(line, /\bany\b/, line);
});
