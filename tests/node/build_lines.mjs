// The npm package's builders on contacts given one per line, for the native/Wasm parity test
// (tests/payload_wasm_parity.rs, which writes the lines and compares the answers): each line
// `{"api", "contact", "options"}` (the contact as JSON text), each answer one line
// `{"text", "result"}`: the contact as JSON.stringify writes it (the text the native side then
// builds from) and what the package gave.
import { createInterface } from "node:readline";
import * as ck from "../../pkg/node.mjs";

const build = {
  contactship: ck.buildContactshipContact,
  sdr_agent: ck.buildSdrAgentContact,
};
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
for await (const line of lines) {
  if (!line) continue;
  const { api, contact, options } = JSON.parse(line);
  const value = JSON.parse(contact);
  const result = api === "batch" ? ck.validateContacts(value, options) : build[api](value, options);
  out.push(JSON.stringify({ text: JSON.stringify(value), result }));
}
process.stdout.write(out.join("\n") + "\n");
