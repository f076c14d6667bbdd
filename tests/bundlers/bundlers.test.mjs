// The npm package in the web apps users build: pkg/ packed by `npm pack`, installed from the
// tarball into this folder's node_modules (as `npm install contactkit` would), then app/
// served by the Vite dev server, built by Vite and served by `vite preview`, and built by
// webpack 5; each run in headless Chromium, which must get the same answers as Node.
//
//   node --test tests/bundlers/      (after scripts/build.sh; scripts/setup.sh test installs
//                                     this folder's packages)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = fileURLToPath(new URL(".", import.meta.url));
const app = join(here, "app");
const pkg = fileURLToPath(new URL("../../pkg/", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "contactkit-bundlers-"));
let browser;
let vite;
let webpack;

before(async () => {
  // The tarball npm would publish, installed as a dependency (a copy, not a symlink).
  const [{ filename }] = JSON.parse(
    execFileSync("npm", ["pack", pkg, "--pack-destination", work, "--json", "--loglevel=error"], { encoding: "utf8" }),
  );
  execFileSync(
    "npm",
    ["install", "--no-save", "--offline", "--no-audit", "--no-fund", "--loglevel=error", join(work, filename)],
    { cwd: here, stdio: "pipe" },
  );
  vite = await import("vite");
  webpack = (await import("webpack")).default;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** What app/main.js computed in Chromium at `url`, with the page's errors. */
async function runApp(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.contactkit !== undefined);
    return { result: await page.evaluate(() => window.contactkit), errors };
  } finally {
    await page.close();
  }
}

/** The answers app/main.js must get: the same calls in Node. */
async function expected() {
  const ck = await import(join(pkg, "node.mjs"));
  const schema = await import(join(pkg, "schema-node.mjs"));
  const validator = new ck.BatchValidator({ target: "contactship", defaultCountry: "España" });
  const chunk = validator.validate([
    { phone_number: "612 34 56 78", full_name: "Ana" },
    { phone_number: "+34 612345678", full_name: "Ana again" },
  ]);
  return {
    before: ["not_initialized", true],
    phone: ck.normalizePhone("612 34 56 78", { defaultCountry: "ES" }).value,
    body: ck.buildContactshipContact({ phone_number: "+34 612 345 678", full_name: "Ana" }).request.body,
    batch: chunk.results.map((r) => (r.ok ? "ok" : r.errors[0].message)),
    input: ck.formatPhoneInput("612345678", 9, { defaultCountry: "ES" }),
    countries: ck.getCountries({ lang: "es" }).slice(0, 3).map((c) => c.name),
    schema: [
      schema.phoneSchema({ defaultCountry: "ES" })["~standard"].validate("612 34 56 78"),
      schema.contactshipContactSchema()["~standard"].validate({ phone_number: "+3", full_name: "" }).issues.map((i) => [i.path.join("."), i.code]),
    ],
  };
}

async function check(url) {
  const { result, errors } = await runApp(url);
  assert.deepEqual(errors, []);
  assert.deepEqual(result, await expected());
  // The duplicate's message counts rows from 1.
  assert.match(result.batch[1], /^Row 1 already has \+34612345678;/);
}

const viteOptions = (outDir) => ({
  root: app,
  configFile: false,
  logLevel: "silent",
  cacheDir: join(work, "vite-cache"),
  server: { host: "127.0.0.1", port: 0, strictPort: false },
  preview: { host: "127.0.0.1", port: 0 },
  build: { outDir, emptyOutDir: true },
});

test("Vite dev server", async () => {
  const server = await vite.createServer(viteOptions(join(work, "unused")));
  await server.listen();
  try {
    await check(server.resolvedUrls.local[0]);
  } finally {
    await server.close();
  }
});

test("Vite dev server, the package installed from its folder (a symlink): as the READMEs say", async () => {
  // `npm install /path/to/pkg` links the folder; the dev server then refuses the .wasm, outside
  // the project, unless server.fs.allow names the folder.
  const project = join(work, "linked");
  cpSync(app, join(project, "app"), { recursive: true });
  writeFileSync(join(project, "package.json"), '{ "private": true }\n');
  mkdirSync(join(project, "node_modules"));
  symlinkSync(pkg, join(project, "node_modules", "contactkit"), "dir");
  const run = async (fs, cache) => {
    const options = viteOptions(join(work, "unused"));
    options.root = join(project, "app");
    options.cacheDir = join(work, cache);
    options.server.fs = fs;
    const server = await vite.createServer(options);
    await server.listen();
    try {
      return await runApp(server.resolvedUrls.local[0]);
    } finally {
      await server.close();
    }
  };
  const refused = await run(undefined, "vite-cache-linked");
  assert.match(refused.result.error, /failed to fetch Wasm: 403/);
  const allowed = await run({ allow: [project, pkg] }, "vite-cache-allowed");
  assert.deepEqual(allowed.errors, []);
  assert.deepEqual(allowed.result, await expected());
});

test("Vite build, served by vite preview", async () => {
  const outDir = join(work, "vite-dist");
  await vite.build(viteOptions(outDir));
  const server = await vite.preview(viteOptions(outDir));
  try {
    await check(server.resolvedUrls.local[0]);
  } finally {
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
});

test("webpack 5 build", async () => {
  const outDir = join(work, "webpack-dist");
  const stats = await new Promise((resolve, reject) =>
    webpack(
      { mode: "production", context: app, entry: "./main.js", output: { path: outDir }, performance: { hints: false } },
      (err, s) => (err ? reject(err) : resolve(s)),
    ),
  );
  assert.equal(stats.hasErrors(), false, stats.toString("errors-only"));
  writeFileSync(join(outDir, "index.html"), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script src="main.js"></script>\n');
  const server = await serve(outDir);
  try {
    await check(server.url);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A static server of `dir` on 127.0.0.1 (webpack has none of its own here). */
async function serve(dir) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
  const server = createServer((req, res) => {
    const name = new URL(req.url, "http://x").pathname.replace(/^\/$/, "/index.html");
    try {
      const body = readFileSync(join(dir, name.replace(/\.\.+/g, "")));
      res.writeHead(200, { "content-type": types[extname(name)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.url = `http://127.0.0.1:${server.address().port}/`;
  return server;
}
