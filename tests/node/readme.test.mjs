// The README documents what the package does: every error code, and an example per API.
// (Its ```js examples are run by payload.test.mjs, its Rust examples as doctests.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { errorMessages } from "../../pkg/node.mjs";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const section = (title) => {
  const start = readme.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `README has no "## ${title}" section`);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
};

test("the Errors section lists every code with its English and Spanish message", () => {
  const errors = section("Errors");
  const en = errorMessages("en");
  const es = errorMessages("es");
  for (const code of Object.keys(en)) {
    const row = errors.split("\n").find((l) => l.startsWith(`| \`${code}\` |`));
    assert.ok(row, `${code} is not in the Errors table`);
    assert.ok(row.includes(en[code].replaceAll("|", "\\|")), `${code}: English message differs`);
    assert.ok(row.includes(es[code].replaceAll("|", "\\|")), `${code}: Spanish message differs`);
  }
});

test("the README starts with exactly the two commands", () => {
  const first = readme.match(/```sh\n([\s\S]*?)```/)[1].trim().split("\n");
  assert.deepEqual(first.map((l) => l.split("#")[0].trim()), ["bash scripts/main.sh", "bash scripts/test.sh"]);
  // Nothing but the title stands before them.
  assert.deepEqual(readme.split("\n").slice(0, 3), ["# contactkit", "", "```sh"]);
});

test("every JS function of the package is named in the README", async () => {
  const pkg = await import("../../pkg/node.mjs");
  const exported = Object.keys(pkg).filter((k) => typeof pkg[k] === "function" && !["default", "initSync"].includes(k));
  for (const name of exported) assert.ok(readme.includes(name), `${name} is not documented`);
});
