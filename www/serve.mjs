// A tiny static server for the demo page: no dependencies, correct MIME types (wasm included).
//
//   node www/serve.mjs            # PORT=8080 by default; PORT=0 picks a free port
//
// Serves www/ at `/`, the wasm-pack output ../pkg (or $CONTACTKIT_PKG) at `/pkg/`, and papaparse from
// www/node_modules at `/vendor/papaparse/` (installed by `npm ci`, never copied into the repo).
// Importable too: `startServer({ port })` resolves to `{ url, close }` (the e2e tests use it).

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = resolve(fileURLToPath(new URL('.', import.meta.url)));

/** The package served at /pkg/: ../pkg, or another build given by CONTACTKIT_PKG. */
export const PKG_DIR = resolve(process.env.CONTACTKIT_PKG ?? join(here, '..', 'pkg'));

/** URL prefix → directory on disk, first match wins. */
export const MOUNTS = [
  ['/pkg/', PKG_DIR],
  ['/vendor/papaparse/', resolve(here, 'node_modules', 'papaparse')],
  ['/', here],
];

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Never served from www/: the test and tooling files. */
const HIDDEN = [/^\/node_modules\//, /^\/tests\//, /^\/package(-lock)?\.json$/, /^\/serve\.mjs$/];

/** Maps a request path to a file, or null when it falls outside every mount. */
function locate(pathname) {
  for (const [prefix, dir] of MOUNTS) {
    if (!pathname.startsWith(prefix)) continue;
    if (prefix === '/' && HIDDEN.some((re) => re.test(pathname))) return null;
    const rel = pathname.slice(prefix.length);
    const file = normalize(join(dir, rel));
    if (file !== dir && !file.startsWith(dir + sep)) return null; // `..` escapes
    return file;
  }
  return null;
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    res.writeHead(400).end('bad request');
    return;
  }
  let file = locate(pathname);
  if (file === null || file.includes('\0')) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file);
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      // A demo under development: always revalidate, so a rebuilt pkg/ is picked up.
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  } catch {
    const hint = pathname.startsWith('/pkg/')
      ? 'not found: build the package first (bash scripts/build.sh)'
      : pathname.startsWith('/vendor/')
        ? 'not found: run `npm ci` in www/'
        : 'not found';
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end(hint);
  }
}

/** Starts the server; resolves to its URL and a `close()` that stops it. */
export function startServer({ port = 8080, host = '127.0.0.1' } = {}) {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolvePromise({
        url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number.parseInt(process.env.PORT ?? '8080', 10);
  const { url } = await startServer({ port, host: process.env.HOST ?? '127.0.0.1' });
  console.log(`contactkit demo: ${url}`);
}
