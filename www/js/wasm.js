// Loads the contactkit Wasm package once. The glue starts fetching the .wasm as soon as it is
// evaluated (the page's <link rel="preload"> is that same request), so `init()` without an
// argument instantiates from that one download.

import init, * as contactkit from '/pkg/contactkit.js';

let loading = null;
let compiling = null;

/** Instantiates the package once (from the glue's own fetch of the .wasm). */
export function loadContactkit() {
  loading ??= init().then(() => undefined);
  return loading;
}

/**
 * The compiled `WebAssembly.Module`, for the import worker, which instantiates it without
 * compiling again. Asked for only when a file is imported, so a page that never imports
 * downloads the .wasm once.
 */
export function compiledContactkit() {
  compiling ??= (async () => {
    const url = new URL('/pkg/contactkit_bg.wasm', import.meta.url);
    try {
      return await WebAssembly.compileStreaming(fetch(url));
    } catch {
      // A server without `application/wasm` still works, compiled from bytes.
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
      return WebAssembly.compile(await response.arrayBuffer());
    }
  })();
  return compiling;
}

export { contactkit };
