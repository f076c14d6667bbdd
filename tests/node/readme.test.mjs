// Runs every ```js example of README.md against the built package, as a user would paste it.
// An example's `console.log(x); // → value` lines are checked: the printed line must equal
// `value`. Examples fenced as ```js browser are for pages and are not run here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const readme = readFileSync(join(root, "README.md"), "utf8");
const blocks = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
const pkg = new URL("../../pkg/node.mjs", import.meta.url).href;
const dir = mkdtempSync(join(tmpdir(), "contactkit-readme-"));

test("README has JS examples", () => {
  assert.ok(blocks.length >= 2, `found ${blocks.length}`);
});

blocks.forEach((code, i) => {
  const title = code.split("\n").find((l) => l.trim()) ?? "";
  test(`README example ${i + 1}: ${title.slice(0, 60)}`, () => {
    const src = code.replace(/from\s+["']contactkit["']/g, `from ${JSON.stringify(pkg)}`);
    const file = join(dir, `example-${i + 1}.mjs`);
    writeFileSync(file, src);
    const out = execFileSync(process.execPath, [file], { encoding: "utf8" }).split("\n");
    const expected = [...code.matchAll(/console\.log\(.*\);\s*\/\/ → (.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(out.slice(0, expected.length), expected);
  });
});
