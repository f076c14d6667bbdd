// Loads the contactkit Wasm package once. The compiled `WebAssembly.Module` is kept so the
// import worker can instantiate the same module without fetching or compiling it again.

import init, * as contactkit from '/pkg/contactkit.js';

let loading = null;

/** Fetches, compiles and instantiates the package once; resolves to the compiled module. */
export function loadContactkit() {
  loading ??= (async () => {
    const url = new URL('/pkg/contactkit_bg.wasm', import.meta.url);
    let module;
    try {
      module = await WebAssembly.compileStreaming(fetch(url));
    } catch {
      // A server without `application/wasm` still works, compiled from bytes.
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
      module = await WebAssembly.compile(await response.arrayBuffer());
    }
    await init({ module_or_path: module });
    return module;
  })();
  return loading;
}

export { contactkit };
