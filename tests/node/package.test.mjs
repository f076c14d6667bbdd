// The npm package as `npm pack` makes it: the files it ships, the package.json fields npm and
// bundlers read, the Node versions it supports (import and require from the installed tarball),
// and its own README, whose links must resolve on npm and whose examples must run.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const pkgDir = fileURLToPath(new URL("../../pkg/", import.meta.url));
const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
const work = mkdtempSync(join(tmpdir(), "contactkit-pack-"));
/** A project with the package installed from its tarball (npm extracts it the same way). */
const project = join(work, "project");
let packed;

before(() => {
  [packed] = JSON.parse(
    execFileSync("npm", ["pack", pkgDir, "--pack-destination", work, "--json", "--loglevel=error"], { encoding: "utf8" }),
  );
  const installed = join(project, "node_modules", "contactkit");
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", join(work, packed.filename), "-C", installed, "--strip-components=1"]);
});

after(() => rmSync(work, { recursive: true, force: true }));

test("the tarball holds exactly the files package.json lists", () => {
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    "README.md",
    "contactkit.d.ts",
    "contactkit.js",
    "contactkit_bg.wasm",
    "node-legacy.mjs",
    "node.d.mts",
    "node.mjs",
    "package.json",
    "schema-node-legacy.mjs",
    "schema-node.mjs",
    "schema.d.ts",
    "schema.js",
  ]);
  // package.json lists them all (npm adds package.json itself).
  assert.deepEqual(manifest.files.sort(), files.filter((f) => f !== "package.json"));
  // The browser glue imports no module (its snippets are written into it: scripts/build.sh), so
  // nothing it needs can be missing from the tarball.
  const glue = readFileSync(join(pkgDir, "contactkit.js"), "utf8");
  assert.doesNotMatch(glue, /^import /m);
  // And every file the exports name.
  const leaves = (v) => (typeof v === "string" ? [v] : Object.values(v).flatMap(leaves));
  const named = leaves(manifest.exports);
  for (const file of named) assert.ok(files.includes(file.slice(2)), `${file} is exported but not packed`);
});

test("package.json has what npm and bundlers read", () => {
  assert.equal(manifest.name, "contactkit");
  assert.match(manifest.repository?.url ?? manifest.repository, /^(git\+)?https:\/\/\S+$/);
  assert.match(manifest.homepage, /^https:\/\/\S+$/);
  assert.equal(manifest.license, "MIT OR Apache-2.0");
  assert.equal(manifest.type, "module");
  const root = manifest.exports["."];
  // Types for every condition a resolver can pick, next to the code it picks.
  assert.equal(root.node.types, "./node.d.mts");
  assert.equal(root.types, "./contactkit.d.ts");
  assert.deepEqual(Object.keys(root.node), ["types", "module-sync", "default"]);
  assert.deepEqual(Object.keys(root), ["node", "types", "default"]);
  assert.equal(manifest.types, "contactkit.d.ts");
  assert.equal(manifest.exports["./package.json"], "./package.json");
  const schema = manifest.exports["./schema"];
  assert.deepEqual(schema, {
    node: { types: "./schema.d.ts", "module-sync": "./schema-node.mjs", default: "./schema-node-legacy.mjs" },
    types: "./schema.d.ts",
    default: "./schema.js",
  });
});

/** Whether Node `version` is in an `engines` range of `^x.y.z` and `>=x.y.z` parts joined by `||`. */
function satisfies(version, range) {
  const parse = (v) => v.replace(/^v/, "").split(".").map(Number);
  const compare = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  const v = parse(version);
  return range.split("||").some((part) => {
    const [, op, bound] = part.trim().match(/^(\^|>=)(\d+\.\d+\.\d+)$/) ?? assert.fail(`cannot read "${part}"`);
    const b = parse(bound);
    return compare(v, b) >= 0 && (op === ">=" || v[0] === b[0]);
  });
}

test("engines names exactly the Node versions where import and require() both load node.mjs", () => {
  const range = manifest.engines.node;
  // require(esm), and with it the "module-sync" condition, is on by default from 20.19 and 22.12.
  for (const [version, inRange] of [
    ["18.20.0", false], ["20.18.3", false], ["20.19.0", true], ["20.20.2", true], ["21.7.0", false],
    ["22.11.0", false], ["22.12.0", true], ["24.0.0", true], ["25.1.0", true],
  ]) {
    assert.equal(satisfies(version, range), inRange, `${version} in ${range}`);
  }
  assert.equal(satisfies(process.version, range), true, `this Node (${process.version}) is not in engines`);
  assert.equal(process.features.require_module, true);

  // The installed tarball, by name, through import and require.
  const use = 'normalizePhone("612345678", { defaultCountry: "ES" }).value';
  writeFileSync(join(project, "import.mjs"), `import { normalizePhone, ready } from "contactkit";\nawait ready;\nconsole.log(JSON.stringify([import.meta.resolve("contactkit"), ${use}]));\n`);
  writeFileSync(join(project, "require.cjs"), `const { normalizePhone } = require("contactkit");\nconsole.log(JSON.stringify([require.resolve("contactkit"), ${use}]));\n`);
  for (const file of ["import.mjs", "require.cjs"]) {
    const [resolved, value] = JSON.parse(execFileSync(process.execPath, [join(project, file)], { encoding: "utf8" }));
    assert.ok(resolved.endsWith("/node_modules/contactkit/node.mjs"), `${file}: ${resolved}`);
    assert.equal(value, "+34612345678", file);
  }
  // contactkit/schema, by name, shares the Wasm instance of "contactkit" (node.mjs).
  writeFileSync(join(project, "schema.mjs"), 'import { phoneSchema } from "contactkit/schema";\n' +
    'console.log(JSON.stringify([import.meta.resolve("contactkit/schema"), phoneSchema({ defaultCountry: "ES" })["~standard"].validate("612345678")]));\n');
  writeFileSync(join(project, "schema.cjs"), 'const { phoneSchema } = require("contactkit/schema");\n' +
    'console.log(JSON.stringify([require.resolve("contactkit/schema"), phoneSchema({ defaultCountry: "ES" })["~standard"].validate("612345678")]));\n');
  for (const file of ["schema.mjs", "schema.cjs"]) {
    const [resolved, result] = JSON.parse(execFileSync(process.execPath, [join(project, file)], { encoding: "utf8" }));
    assert.ok(resolved.endsWith("/node_modules/contactkit/schema-node.mjs"), `${file}: ${resolved}`);
    assert.deepEqual(result, { value: "+34612345678" }, file);
  }
});

test("the package's README is its own: links that resolve on npm, examples that run", () => {
  const readme = readFileSync(join(pkgDir, "README.md"), "utf8");
  assert.equal(readme, readFileSync(new URL("../../npm/README.md", import.meta.url), "utf8"));
  // No link or image relative to the repository (npm shows the README without its files).
  const targets = [...readme.matchAll(/\]\(([^)\s]+)[^)]*\)|<(https?:[^>]+)>|src="([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  assert.ok(targets.length >= 2);
  for (const target of targets) {
    if (target.startsWith("#")) {
      const slug = (h) => h.toLowerCase().replace(/[^\w\- ]/g, "").replace(/ /g, "-");
      const headings = [...readme.matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]));
      assert.ok(headings.includes(target.slice(1)), `${target} is not a heading`);
    } else {
      assert.match(target, /^https:\/\//, `${target} does not resolve outside the repository`);
    }
  }
  // Every ```js example runs against the installed package and prints its // → comments.
  const blocks = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  assert.ok(blocks.length >= 1);
  for (const [i, code] of blocks.entries()) {
    const file = join(project, `readme-${i + 1}.mjs`);
    writeFileSync(file, code);
    const out = execFileSync(process.execPath, [file], { encoding: "utf8" });
    const expected = [...code.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(out.trimEnd().split("\n"), expected, `example ${i + 1}`);
  }
  // It names every function the package exports.
  const dts = readFileSync(join(pkgDir, "contactkit.d.ts"), "utf8");
  for (const [, name] of dts.matchAll(/^export (?:function|class|const) (\w+)/gm)) {
    if (name !== "initSync") assert.ok(readme.includes(name), `${name} is not in the package's README`);
  }
});
