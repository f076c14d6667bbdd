// Time from navigation to the first validated phone number, in headless Chromium with the
// network and the CPU throttled through the DevTools protocol: contactkit's package (pkg/, built
// by scripts/build.sh) against a libphonenumber-js `max` bundle (esbuild, minified), side by
// side in one run. A benchmark: it prints figures and asserts no time; it stops if a load
// requests a file twice (a preload the page's own fetch did not use).
//
//   npm --prefix bench ci && node bench/ready.mjs [--runs=5]
//
// Each load is cold (a fresh browser context, the cache off). Everything is served gzip (-9)
// from memory by a server on 127.0.0.1. A page imports the library, makes the first call and
// records `performance.now()`, which counts from the navigation's start. The page for contactkit
// uses the two lines the README recommends: `modulepreload` for contactkit.js and
// `preload` for the .wasm. Medians of `--runs` loads (5 by default) for each profile.

import { createServer } from "node:http";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { constants, gzipSync } from "node:zlib";
import { buildSync } from "esbuild";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../", import.meta.url));
const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.slice(7) ?? 5);

// DevTools' "Fast 3G" (562.5 ms, 1.44 Mbps down, 675 kbps up) and a 9 Mbps / 85 ms line; both
// with the CPU 4 times slower.
const PROFILES = [
  { name: "Fast 3G + 4x CPU", latency: 562.5, down: 1_440_000 / 8, up: 675_000 / 8, cpu: 4 },
  { name: "9 Mbps, 85 ms + 4x CPU", latency: 85, down: 9_000_000 / 8, up: 9_000_000 / 8, cpu: 4 },
];

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
const files = new Map();
const gz = (b) => gzipSync(b, { level: constants.Z_BEST_COMPRESSION });
const add = (path, body) =>
  files.set(path, { body: gz(Buffer.from(body)), type: TYPES[path.slice(path.lastIndexOf("."))] });

// contactkit: every file of pkg/ the page can load.
const pkg = join(root, "pkg");
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
for (const f of walk(pkg).filter((f) => /\.(js|wasm)$/.test(f)))
  add(`/pkg/${relative(pkg, f)}`, readFileSync(f));
add(
  "/contactkit.html",
  `<!doctype html><meta charset="utf-8">
<link rel="modulepreload" href="/pkg/contactkit.js">
<link rel="preload" href="/pkg/contactkit_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<script type="module">
import init, { normalizePhone } from "/pkg/contactkit.js";
await init();
const r = normalizePhone("+1 212-456-7890");
window.ready = { at: performance.now(), value: r.value };
</script>`,
);

// libphonenumber-js max, one minified ES module.
const bundle = buildSync({
  stdin: {
    contents: `import { parsePhoneNumberWithError } from "libphonenumber-js/max";
const p = parsePhoneNumberWithError("+1 212-456-7890");
window.ready = { at: performance.now(), value: p.isValid() ? p.number : null };`,
    resolveDir: fileURLToPath(new URL(".", import.meta.url)),
  },
  bundle: true,
  minify: true,
  format: "esm",
  write: false,
}).outputFiles[0].contents;
add("/lpn.js", bundle);
add("/lpn.html", `<!doctype html><meta charset="utf-8"><script type="module" src="/lpn.js"></script>`);

// What the server sent during the current load: [path, gzip bytes] per request.
let served = [];
const server = createServer((req, res) => {
  const file = files.get(new URL(req.url, "http://x").pathname);
  served.push([new URL(req.url, "http://x").pathname, file?.body.length ?? 0]);
  if (!file) return res.writeHead(404).end();
  res.writeHead(200, { "content-type": file.type, "content-encoding": "gzip", "cache-control": "no-store" });
  res.end(file.body);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});

/** One cold load of `page` under `profile`: ms from navigation to the first result. */
async function load(page, profile) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: profile.latency,
    downloadThroughput: profile.down,
    uploadThroughput: profile.up,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
  served = [];
  await tab.goto(`${base}/${page}`);
  const ready = await tab.waitForFunction(() => window.ready, null, { timeout: 120_000 });
  const { at, value } = await ready.jsonValue();
  await context.close();
  if (value !== "+12124567890") throw new Error(`${page}: first result ${value}`);
  // Each file once: a preload the page's own fetch did not match would show as a second request.
  const paths = served.map(([p]) => p);
  if (new Set(paths).size !== paths.length) throw new Error(`${page}: a file requested twice: ${paths.join(", ")}`);
  sent.set(page, served);
  return at;
}

/** The requests of the last load of each page. */
const sent = new Map();

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

console.log(`median of ${runs} cold loads, ms from navigation to the first normalized number:\n`);
console.log("| profile | contactkit | libphonenumber-js max |\n|---|---|---|");
for (const profile of PROFILES) {
  const ck = [];
  const lpn = [];
  for (let i = 0; i < runs; i++) {
    // Alternated, so that a slow moment of the machine falls on both.
    ck.push(await load("contactkit.html", profile));
    lpn.push(await load("lpn.html", profile));
  }
  const s = (xs) => `${(median(xs) / 1000).toFixed(2)} s (${xs.map((x) => Math.round(x)).join(", ")} ms)`;
  console.log(`| ${profile.name} | ${s(ck)} | ${s(lpn)} |`);
}
// What a load fetched (the page, then what it requested), as the server sent it (gzip -9).
for (const [page, requests] of sent) {
  const total = requests.reduce((n, [, b]) => n + b, 0);
  console.log(`\n${page}: ${kb(total)} over the wire in ${requests.length} requests (${requests.map(([p, b]) => `${p} ${kb(b)}`).join(", ")})`);
}
await browser.close();
server.close();
