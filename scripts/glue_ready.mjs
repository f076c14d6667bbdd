// The start-up of the browser build, written into wasm-bindgen's glue by scripts/build.sh:
//
//   node scripts/glue_ready.mjs ready pkg    `ready`, a promise that settles once the module is
//                                           instantiated (by init() or initSync()), in
//                                           contactkit.js and its types, before node.mjs is made
//                                           from them (where it settles on import);
//   node scripts/glue_ready.mjs prefetch pkg the browser glue starts fetching the .wasm when it
//                                           is evaluated, not when init() is called (issue 17);
//                                           init() with no argument takes that response, and
//                                           init(path) or initSync() cancel it;
//   node scripts/glue_ready.mjs guards pkg   every export of contactkit.js answers
//                                           `not_initialized` until then, instead of throwing a
//                                           TypeError on the missing module. node.mjs has no
//                                           guards: it instantiates the module on import.
//
// What an export returns before the module is ready follows from its return type in
// contactkit.d.ts (a field result, a BuildResult, a BatchReport, ...): an export or a class
// member of a type not listed here stops the build, so none is left unguarded. The message
// comes from the message table (src/messages.rs), read through the built node.mjs, so the
// browser build has no wording of its own.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [phase, dir] = process.argv.slice(2);
const path = (name) => `${dir}/${name}`;
const read = (name) => readFileSync(path(name), "utf8");

/** `text` with `from` (which must occur exactly once) replaced by `to`. */
function once(text, from, to, what) {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`glue_ready.mjs: ${what}: expected once in the glue, found ${parts.length - 1} times; its shape changed`);
  return parts.join(to);
}

if (phase === "ready") {
  let glue = read("contactkit.js");
  glue = once(
    glue,
    "let wasmModule, wasmInstance, wasm;\n",
    "let wasmModule, wasmInstance, wasm;\n" +
      "let resolveReady;\n" +
      "/** Settles once the module is ready (see contactkit.d.ts). */\n" +
      "export const ready = new Promise((resolve) => { resolveReady = resolve; });\n",
    "the declaration of `wasm`",
  );
  glue = once(
    glue,
    "    wasm.__wbindgen_start();\n    return wasm;\n",
    "    wasm.__wbindgen_start();\n    resolveReady();\n    return wasm;\n",
    "the end of __wbg_finalize_init",
  );
  writeFileSync(path("contactkit.js"), glue);

  const types = once(
    read("contactkit.d.ts"),
    "\nexport type InitInput =",
    "\n/**\n" +
      " * Settles (never rejects) once the module is ready: on import in Node; in a browser when\n" +
      " * `init()` (or `initSync()`) has instantiated it. Before that, every function returns a\n" +
      ' * failure with the code "not_initialized" instead of its answer.\n' +
      " */\n" +
      "export const ready: Promise<void>;\n" +
      "\nexport type InitInput =",
    "the InitInput type",
  );
  writeFileSync(path("contactkit.d.ts"), types);
} else if (phase === "guards") {
  const { errorMessages } = await import(pathToFileURL(path("node.mjs")).href);
  const messages = { en: errorMessages("en").not_initialized, es: errorMessages("es").not_initialized };
  if (!messages.en || !messages.es) throw new Error("glue_ready.mjs: the message table has no not_initialized");

  // What each return type is before the module is ready (a shape notReady() makes).
  const SHAPES = {
    PhoneResult: "field",
    EmailResult: "field",
    LinkedInResult: "field",
    LocaleResult: "field",
    TimezoneResult: "field",
    CountryResult: "field",
    ColumnMatchResult: "field",
    PhoneInputResult: "field",
    "CountryOption[]": "list",
    "CountryListEntry[]": "list",
    "string[]": "list",
    BuildResult: "build",
    BatchReport: "report",
    BatchChunk: "chunk",
    BatchSummary: "summary",
    "ContactError[]": "errors",
    "Record<ErrorCode, string>": "messages",
    MessageWords: "words",
    // AsYouType's and the country picker's answers: nothing known yet.
    "number | undefined": "nothing",
    "string | undefined": "nothing",
    "Phone | undefined": "nothing",
    boolean: "false",
    string: "empty",
    void: "none",
  };
  const types = read("contactkit.d.ts");
  const shape = (name, type) => {
    if (!SHAPES[type]) throw new Error(`glue_ready.mjs: ${name} returns ${type}; say what it returns before the module is ready`);
    return JSON.stringify(SHAPES[type]);
  };

  let glue = read("contactkit.js");
  // What the glue exports, counted apart from the rewriting below, so that an export whose
  // shape the rewriting does not know is found (bench/size_by_field.mjs builds the glue with a
  // few exports only, so the counts are compared, not fixed).
  const exported = (glue.match(/^export function /gm) ?? []).length;
  const classes = (glue.match(/^export class /gm) ?? []).length;
  // Functions: the options (or, for errorMessages, the language) give the message's language.
  let functions = 0;
  glue = glue.replace(/^export function (\w+)\(([\w, ]*)\) \{\n/gm, (line, name, params) => {
    const type = types.match(new RegExp(`^export function ${name}\\(.*\\): (.+);$`, "m"))?.[1];
    const names = params.split(", ");
    const options = names.includes("lang") ? "{ lang }" : names.find((p) => p === "options" || p === "opts") ?? "undefined";
    functions++;
    return `${line}    if (wasm === undefined) return notReady(${shape(name, type)}, ${options});\n`;
  });
  // Classes: an instance made before the module is ready keeps its options' language and
  // answers not_initialized from every member (it has no Rust object: make it after `ready`).
  let members = 0;
  glue = glue.replace(/^export class (\w+) \{\n([\s\S]*?)^\}\n/gm, (_, cls, body) => {
    const decl = types.match(new RegExp(`^export class ${cls} \\{\\n([\\s\\S]*?)^\\}`, "m"))?.[1] ?? "";
    body = body.replace(/^ {4}(get )?(\w+)\(([\w, ]*)\) \{\n/gm, (line, getter, name, params) => {
      if (name === "__destroy_into_raw") return line;
      members++;
      if (name === "constructor") {
        const options = params.split(", ").find((p) => p === "options" || p === "opts") ?? "undefined";
        return `${line}        if (wasm === undefined) { this.__wbg_ptr = 0; notReadyInstances.set(this, { lang: notReadyLang(${options}) }); return this; }\n`;
      }
      // AsYouType made before the module is ready shows what was typed, unformatted, so a
      // form's field never loses a keystroke; reset() forgets it.
      if (cls === "AsYouType" && (name === "input" || name === "reset")) {
        const typed = name === "input" ? `(s.typed ?? "") + (typeof ${params} === "string" ? ${params} : "")` : `""`;
        return `${line}        if (notReadyInstances.has(this)) { const s = notReadyInstances.get(this); s.typed = ${typed}; return ${name === "input" ? "s.typed" : "undefined"}; }\n`;
      }
      const type = getter
        ? decl.match(new RegExp(`^ +readonly ${name}: (.+);$`, "m"))?.[1]
        : decl.match(new RegExp(`^ +${name}\\(.*\\): (.+);$`, "m"))?.[1];
      return `${line}        if (notReadyInstances.has(this)) return notReady(${shape(`${cls}.${name}`, type)}, notReadyInstances.get(this));\n`;
    });
    return `export class ${cls} {\n${body}}\n`;
  });
  if (functions === 0 || functions !== exported || members < classes)
    throw new Error(`glue_ready.mjs: guarded ${functions} of ${exported} functions and ${members} members of ${classes} classes; the glue's shape changed`);

  const helpers = `
// Before the module is ready (scripts/glue_ready.mjs): what each export answers, with the
// not_initialized error in the language of its options (read as the Rust side reads \`lang\`;
// a throwing getter or a revoked proxy gives English).
const NOT_READY_MESSAGES = ${JSON.stringify(messages)};
const notReadyInstances = new WeakMap();
function notReadyLang(options) {
    try {
        const lang = options?.lang;
        if (typeof lang === "string" && /^\\s*es(?:[-_]|\\s*$)/i.test(lang)) return "es";
    } catch {}
    return "en";
}
function notReady(shape, options) {
    const error = { code: "not_initialized", message: NOT_READY_MESSAGES[notReadyLang(options)], params: {} };
    const errors = [{ field: "", ...error }];
    switch (shape) {
        case "field": return { ok: false, error };
        case "build": return { ok: false, errors };
        case "report": return { results: [], summary: notReady("summary"), errors };
        case "chunk": return { results: [], errors };
        case "summary": return { total: 0, valid: 0, invalid: 0, duplicates: 0 };
        case "errors": return errors;
        case "messages": return { not_initialized: error.message };
        case "words": return { types: {}, reasons: {} };
        case "nothing": return undefined;
        case "false": return false;
        case "empty": return "";
        case "list": return [];
    }
}
`;
  glue = once(glue, "let wasmModule, wasmInstance, wasm;\n", helpers + "let wasmModule, wasmInstance, wasm;\n", "the declaration of `wasm`");
  writeFileSync(path("contactkit.js"), glue);
} else if (phase === "prefetch") {
  const DEFAULT = "new URL('contactkit_bg.wasm', import.meta.url)";
  let glue = read("contactkit.js");
  // The same `new URL(literal, import.meta.url)` as the glue's own: bundlers (Vite, webpack)
  // see it and emit the .wasm, and both name the same file.
  const early = `
// The .wasm, fetched from when this module is evaluated (scripts/glue_ready.mjs): the page then
// downloads it while its own scripts load and run, before they call init(). init() with no
// argument takes this response; init(path), init(module) and initSync() cancel it. Where fetch
// is missing or may not run at evaluation (a worker runtime's global scope), init() fetches.
let earlyWasm = (() => {
    try {
        if (typeof fetch !== "function" || typeof AbortController !== "function") return undefined;
        const controller = new AbortController();
        const response = fetch(${DEFAULT}, { signal: controller.signal });
        response.catch(() => {});
        return { response, controller };
    } catch {
        return undefined;
    }
})();
function takeEarlyWasm(use) {
    const early = earlyWasm;
    earlyWasm = undefined;
    if (early !== undefined && !use) early.controller.abort();
    return use ? early?.response : undefined;
}
`;
  glue = once(glue, "let wasmModule, wasmInstance, wasm;\n", early + "let wasmModule, wasmInstance, wasm;\n", "the declaration of `wasm`");
  glue = once(
    glue,
    `    if (module_or_path === undefined) {\n        module_or_path = ${DEFAULT};\n    }\n`,
    `    if (module_or_path === undefined) {\n        module_or_path = takeEarlyWasm(true) ?? ${DEFAULT};\n    } else {\n        takeEarlyWasm(false);\n    }\n`,
    "init()'s default path",
  );
  glue = once(
    glue,
    "function initSync(module) {\n    if (wasm !== undefined) return wasm;\n",
    "function initSync(module) {\n    if (wasm !== undefined) return wasm;\n    takeEarlyWasm(false);\n",
    "the start of initSync",
  );
  writeFileSync(path("contactkit.js"), glue);
} else {
  throw new Error("usage: node scripts/glue_ready.mjs ready|guards|prefetch <pkg dir>");
}
