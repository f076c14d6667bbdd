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

/** The lines of a .d.ts that declare an export or a class member (method, getter, constructor),
 * without wasm-bindgen's `InitOutput` (the module's raw exports, not the package's API). */
function declarations(dts) {
  const api = dts.replace(/^export interface InitOutput \{[\s\S]*?^\}/m, "");
  return api.split("\n").filter((l) =>
    /^export (function|class|type|interface|const)/.test(l) ||
    /^\s+(readonly\s+|static\s+|get\s+|set\s+)*(constructor|\[?[\w.]+\]?)\??\s*[(:]/.test(l));
}

test("no export, method, getter or constructor takes or returns any", () => {
  const dts = readFileSync(new URL("../../pkg/contactkit.d.ts", import.meta.url), "utf8");
  const lines = declarations(dts);
  assert.ok(lines.filter((l) => l.startsWith("export function")).length >= 7, "the field functions");
  // Constructors and getters are among the lines checked.
  assert.ok(lines.some((l) => /^\s+constructor\(/.test(l)), "a constructor");
  assert.ok(lines.some((l) => /^\s+readonly \w+:/.test(l)), "a getter");
  for (const line of lines) assert.doesNotMatch(line, /\bany\b/, line);
  // The filter sees `any` where it hides in a class.
  const planted = "export class X {\n  constructor(a: any);\n  readonly b: any;\n  get c(): any;\n}";
  assert.equal(declarations(planted).filter((l) => /\bany\b/.test(l)).length, 3);
});
