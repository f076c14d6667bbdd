// Keystrokes/s of contactkit's `AsYouType` against libphonenumber-js's `AsYouType` (metadata
// `max`), on the same typed sequences: every example number (every type) of every region with
// phone metadata, typed national (the digits of its national format, national prefix included,
// with the region as default country) and international (`+`, calling code, number, no default
// country). Also `formatPhoneInput` on each keystroke's whole text, as an <input>'s handler
// calls it. Each sequence gets a new formatter, as a new field would. Figures are printed, never
// asserted (goal: contactkit at least 2x libphonenumber-js).
//
//   bash scripts/build.sh && npm --prefix bench ci
//   node bench/keystrokes.mjs          # ~20 s; --quick for ~5 s; --pkg=DIR for another build

import { existsSync } from "node:fs";
import os from "node:os";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const pkgArg = args.find((a) => a.startsWith("--pkg="));
const pkgDir = pkgArg ? pathToFileURL(pkgArg.slice(6).replace(/\/?$/, "/")) : new URL("../pkg/", import.meta.url);
const ljsEntry = new URL("./node_modules/libphonenumber-js/max/index.js", import.meta.url);
if (!existsSync(new URL("node.mjs", pkgDir))) throw new Error("pkg/node.mjs is missing: run `bash scripts/build.sh` first.");
if (!existsSync(ljsEntry)) throw new Error("libphonenumber-js is missing: run `npm --prefix bench ci` first.");
const ck = await import(new URL("node.mjs", pkgDir).href);
const ljs = await import(ljsEntry.href);

const TYPES = ["fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost", "voip",
  "personal_number", "pager", "uan", "voicemail"];
/** [default country or undefined, text typed] for every example of every region. */
const sequences = [];
for (const { code } of ck.getCountries()) {
  for (const type of TYPES) {
    const example = ck.getExampleNumber(code, type);
    if (!example) continue;
    sequences.push([code, example.national.replace(/\D/g, "")]);
    sequences.push([undefined, example.e164]);
  }
}
const keystrokes = sequences.reduce((n, [, text]) => n + text.length, 0);

const engines = {
  "contactkit AsYouType": ([country, text]) => {
    const typing = new ck.AsYouType(country);
    let shown = "";
    for (const c of text) shown = typing.input(c);
    typing.free();
    return shown;
  },
  "libphonenumber-js AsYouType": ([country, text]) => {
    const typing = new ljs.AsYouType(country);
    let shown = "";
    for (const c of text) shown = typing.input(c);
    return shown;
  },
  "contactkit formatPhoneInput": ([country, text]) => {
    const options = { defaultCountry: country };
    let shown = "";
    for (let i = 1; i <= text.length; i++) {
      const r = ck.formatPhoneInput(shown + text[i - 1], shown.length + 1, options);
      shown = r.value;
    }
    return shown;
  },
};

// How often the two AsYouType classes show the same text at the end of a sequence (they follow
// different metadata versions and rules: a figure, not a check).
const same = sequences.filter((s) => engines["contactkit AsYouType"](s) === engines["libphonenumber-js AsYouType"](s)).length;

const sliceMs = quick ? 300 : 1000;
const rounds = quick ? 3 : 7;
function rate(f) {
  let typed = 0;
  let sink = 0;
  const t0 = performance.now();
  let elapsed = 0;
  for (let i = 0; (elapsed = performance.now() - t0) < sliceMs; i++) {
    const s = sequences[i % sequences.length];
    sink += f(s).length;
    typed += s[1].length;
  }
  if (sink < 0) console.log(sink);
  return (typed / elapsed) * 1000;
}
for (const f of Object.values(engines)) for (let i = 0; i < 2; i++) sequences.forEach(f);
// Rounds alternate the engines, so a spell of load on a shared machine hits them alike.
const samples = Object.fromEntries(Object.keys(engines).map((name) => [name, []]));
for (let r = 0; r < rounds; r++) for (const [name, f] of Object.entries(engines)) samples[name].push(rate(f));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const reference = median(samples["libphonenumber-js AsYouType"]);
console.log(`keystrokes: ${sequences.length} sequences (${keystrokes} keystrokes) from ${ck.getCountries().length} regions; ` +
  `final text the same in ${same} (${((100 * same) / sequences.length).toFixed(1)}%)`);
console.log(`machine: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}; node ${process.version}`);
for (const [name, xs] of Object.entries(samples)) {
  const m = median(xs);
  console.log(`${name.padEnd(30)} ${Math.round(m).toLocaleString("en-US").padStart(12)} keystrokes/s  ` +
    `(${(m / reference).toFixed(2)}x libphonenumber-js; rounds ${xs.map((x) => Math.round(x / 1000)).join(", ")} k)`);
}
