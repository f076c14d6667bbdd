// Reads of the caller's JS values that may run the caller's code (Proxy traps, getters, toJSON)
// and so throw. Each catches here and says so in its result: no exception crosses the Wasm
// frames, where it would leave the module's stack pointer and a BatchValidator's borrow behind.
// Not wasm-bindgen `catch` imports: in 0.2.130 those that return a value keep a slot of the
// externref table for every exception caught, and 10,000 hostile calls grew the module's memory.
let failed = false;

// JSON.stringify(value), or undefined when it throws or gives no text.
export function jsonText(value) {
  try {
    const text = JSON.stringify(value);
    return typeof text === "string" ? text : undefined;
  } catch {
    return undefined;
  }
}

// Why JSON.stringify(value) fails: 1 a cycle or nesting deeper than the stack (engines word
// these differently), 2 a BigInt, 3 anything else (a throwing getter or toJSON), 0 it does not.
// What was thrown may itself be hostile (a Proxy, a throwing `message` getter).
export function stringifyFailure(value) {
  try {
    JSON.stringify(value);
    return 0;
  } catch (e) {
    try {
      if (e instanceof RangeError) return 1;
      const message = String(e.message).toLowerCase();
      if (["circular", "cyclic", "recursion", "call stack"].some((m) => message.includes(m))) return 1;
      return message.includes("bigint") ? 2 : 3;
    } catch {
      return 3;
    }
  }
}

// Reflect.get(target, key); undefined with lastFailed() true when it throws.
export function property(target, key) {
  failed = false;
  try {
    return Reflect.get(target, key);
  } catch {
    failed = true;
    return undefined;
  }
}

// Object.keys(target) (the enumerable own string keys); [] with lastFailed() true when it throws.
export function ownKeys(target) {
  failed = false;
  try {
    return Object.keys(target);
  } catch {
    failed = true;
    return [];
  }
}

// An options object's entries as [name, value, name, value, ...], read as JSON.stringify reads
// an object: its toJSON() first, then its own enumerable string keys. For anything that is not
// such an object, what it is instead ("array", "string" for a Date, "number" for a boxed
// number, "null", ...), and "unreadable" when reading throws (a Proxy's trap, a getter).
export function optionEntries(v) {
  try {
    if (typeof v?.toJSON === "function") v = v.toJSON("");
    if (v === null) return "null";
    if (typeof v !== "object") return typeof v;
    if (Array.isArray(v)) return "array";
    if (v instanceof Number) return "number";
    if (v instanceof String) return "string";
    if (v instanceof Boolean) return "boolean";
    const out = [];
    for (const k of Object.keys(v)) out.push(k, v[k]);
    return out;
  } catch {
    return "unreadable";
  }
}

// The UTF-8 bytes of a string; undefined when there is no memory for them.
export function utf8(text) {
  try {
    return new TextEncoder().encode(text);
  } catch {
    return undefined;
  }
}

// Whether the last property() or ownKeys() call threw.
export function lastFailed() {
  return failed;
}
