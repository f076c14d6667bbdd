// A request object `{ method, url, headers, body }` as a copyable cURL command.

/** POSIX shell single-quoting: safe for any text. */
export function shellQuote(s) {
  return `'${String(s).replace(/'/g, `'\\''`)}'`;
}

/**
 * The cURL command of `request`. A header value holding one of the `placeholders` sentinels
 * (`{ SENTINEL: 'ENV_NAME' }`) is written double-quoted with `$ENV_NAME` in its place, so a key
 * the user did not type is never made up, and a real key need not be pasted into a shell.
 */
export function toCurl(request, placeholders = {}) {
  const lines = [`curl -X ${request.method} ${shellQuote(request.url)}`];
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const hit = Object.keys(placeholders).find((s) => String(value).includes(s));
    const plain = `${name}: ${String(value).replace(hit ?? '', '')}`;
    if (hit && !/["$`\\]/.test(plain)) {
      lines.push(`-H "${name}: ${String(value).replace(hit, `$${placeholders[hit]}`)}"`);
    } else {
      lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
    }
  }
  if (request.body !== undefined && request.body !== null) {
    lines.push(`--data-raw ${shellQuote(request.body)}`);
  }
  return lines.join(' \\\n  ');
}
