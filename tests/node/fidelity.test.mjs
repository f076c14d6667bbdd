// Locale and timezone against the reference the web already uses: Node's own `Intl` (ICU with
// CLDR), in this same process. Every tag both accept must canonicalize alike, except the tags
// docs/fidelity.md lists with the reason; a tag only one side accepts must fall under one of the
// deliberate policies that document states. The timezone names where `Intl` answers
// differently must be exactly the list in that document.
//
// Corpora: CLDR's locale list and alias keys (npm cldr-core), every subtag of the IANA Language
// Subtag Registry (npm language-subtag-registry) in mixed case and with `_`, and every name of
// CLDR's timezone groups (npm cldr-bcp47), all pinned in scripts/data-sources/ and installed by
// scripts/setup.sh. Run after `bash scripts/build.sh`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as ck from "../../pkg/node.mjs";

const modules = new URL("../../scripts/data-sources/node_modules/", import.meta.url);
const json = (path) => JSON.parse(readFileSync(new URL(path, modules), "utf8"));
const docs = readFileSync(new URL("../../docs/fidelity.md", import.meta.url), "utf8");

/** The lines of the fenced block that follows `<!-- name -->` in docs/fidelity.md. */
function documentedBlock(name) {
  const start = docs.indexOf(`<!-- ${name} -->`);
  assert.ok(start >= 0, `docs/fidelity.md has no <!-- ${name} --> block`);
  const open = docs.indexOf("```\n", start) + 4;
  const close = docs.indexOf("```", open);
  return docs.slice(open, close).split("\n").filter((l) => l.trim() !== "");
}

// A small deterministic generator, so a failure names the same tags on every run.
let seed = 0x9e3779b9;
function random() {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
}
const mixCase = (s) =>
  [...s].map((c) => (random() < 0.5 ? c.toLowerCase() : c.toUpperCase())).join("");
const pick = (list) => list[Math.floor(random() * list.length)];

function localeCorpus() {
  const tags = new Set(json("cldr-core/availableLocales.json").availableLocales.full);
  const aliases = json("cldr-core/supplemental/aliases.json").supplemental.metadata.alias;
  for (const key of Object.keys(aliases.languageAlias)) tags.add(key.replace(/_/g, "-"));
  for (const key of Object.keys(aliases.territoryAlias)) {
    for (const lang of ["und", "en", "ru", "hy", "sr", "nl", "uk", "az-Arab", "und-Armn"]) {
      tags.add(`${lang}-${key}`);
    }
  }
  for (const key of Object.keys(aliases.scriptAlias)) tags.add(`en-${key}`);
  for (const key of Object.keys(aliases.variantAlias)) tags.add(`ja-Latn-hepburn-${key}`);
  const registry = json("language-subtag-registry/data/json/registry.json");
  const of = (type) => registry.filter((r) => r.Type === type && !r.Subtag.includes(".."));
  const languages = of("language").map((r) => r.Subtag);
  const scripts = of("script").map((r) => r.Subtag);
  const regions = of("region").map((r) => r.Subtag);
  for (const r of of("language")) tags.add(r.Subtag);
  for (const r of of("script")) tags.add(`${pick(languages)}-${r.Subtag}`);
  for (const r of of("region")) tags.add(`${pick(languages)}-${r.Subtag}`);
  for (const r of of("variant")) tags.add(`${r.Prefix?.[0] ?? pick(languages)}-${r.Subtag}`);
  for (const r of of("extlang")) tags.add(`${r.Prefix[0]}-${r.Subtag}`);
  for (const r of registry.filter((r) => r.Tag)) tags.add(r.Tag);
  for (let i = 0; i < 1500; i++) {
    tags.add(`${pick(languages)}-${pick(scripts)}-${pick(regions)}`);
  }
  // Each tag also in mixed case and with `_` for `-`, as forms and CRM exports spell them.
  return [...tags].flatMap((t) => [t, mixCase(t).replace(/-/g, "_")]);
}

const canonicalSpelling = (tag) => tag.toLowerCase().replace(/_/g, "-");

function intlLocale(tag) {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, "-"))[0];
  } catch {
    return null;
  }
}

test("locale: every tag both accept canonicalizes as Intl.getCanonicalLocales does", () => {
  const corpus = localeCorpus();
  assert.ok(corpus.length >= 5000, `${corpus.length} tags`);
  const counts = { agree: 0, bothReject: 0, unregistered: 0, registryOnly: 0 };
  const disagreements = new Set();
  for (const tag of corpus) {
    const ours = ck.normalizeLocale(tag);
    const intl = intlLocale(tag);
    if (ours.ok) {
      // Idempotence: the canonical value is its own canonical value.
      const again = ck.normalizeLocale(ours.value);
      assert.ok(again.ok && again.value === ours.value, `${tag} → ${ours.value} → ${again.value}`);
    }
    if (ours.ok && intl !== null) {
      // Each spelling of a tag counts once: the list names the tag in lower case with `-`.
      if (ours.value === intl) counts.agree++;
      else disagreements.add(`${canonicalSpelling(tag)} → ${ours.value} (Intl: ${intl})`);
    } else if (!ours.ok && intl === null) {
      counts.bothReject++;
    } else if (!ours.ok) {
      // Policy 1: a subtag that is not in the IANA registry (or is private use) is rejected;
      // Intl checks only the syntax.
      const unknown = ["locale_unknown_language", "locale_unknown_script", "locale_unknown_region"];
      const variantOnly = ours.error.code === "locale_malformed" && /-[a-z0-9]{4,8}$/i.test(tag);
      if (unknown.includes(ours.error.code) || variantOnly) counts.unregistered++;
      else disagreements.add(`${canonicalSpelling(tag)} → ${ours.error.code} (Intl: ${intl})`);
    } else {
      // Policy 2: grandfathered and redundant tags of the registry (`i-klingon`, `zh-min-nan`)
      // and extlang forms (`zh-yue`) are read as the registry says; Intl refuses them.
      const lower = tag.toLowerCase().replace(/_/g, "-");
      const isRegistryTag = registryTags.has(lower);
      const isExtlang = extlangForms.test(lower);
      if (isRegistryTag || isExtlang) counts.registryOnly++;
      else disagreements.add(`${canonicalSpelling(tag)} → ${ours.value} (Intl: throws)`);
    }
  }
  console.log(`locale: ${corpus.length} tags`, counts);
  // The rest are listed, each with its reason, in docs/fidelity.md.
  assert.deepEqual([...disagreements].sort(), documentedBlock("locale-intl-differences").sort());
  assert.ok(counts.agree > 5000, `${counts.agree} agree`);
});

const registryTags = new Set(
  json("language-subtag-registry/data/json/registry.json")
    .filter((r) => r.Tag)
    .map((r) => r.Tag.toLowerCase()),
);
const extlangForms = new RegExp(
  `^[a-z]{2,3}-(${json("language-subtag-registry/data/json/registry.json")
    .filter((r) => r.Type === "extlang")
    .map((r) => r.Subtag)
    .join("|")})(-|$)`,
);

test("locale: the values issue 16 and 21 name", () => {
  for (const [input, want] of [
    ["tl", "fil"],
    ["sh", "sr-Latn"],
    ["cmn", "zh"],
    ["eng", "en"],
    ["heb", "he"],
    ["sgn-DD", "gsg"],
    ["sgn-DE", "gsg"],
  ]) {
    assert.equal(ck.normalizeLocale(input).value, want, input);
    assert.equal(intlLocale(input), want, input);
  }
});

/** What Node's Intl reports for a zone name, or null when it does not know it. */
function intlZone(name) {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

test("timezone: where Intl differs is exactly the list in docs/fidelity.md", () => {
  const keys = json("cldr-bcp47/bcp47/timezone.json").keyword.u.tz;
  const names = Object.entries(keys)
    .filter(([key, entry]) => key !== "unk" && typeof entry === "object" && entry._alias)
    .flatMap(([, entry]) => entry._alias.split(" "));
  assert.ok(names.length > 590, `${names.length} names`);
  const differences = [];
  let agree = 0;
  for (const name of names) {
    const ours = ck.normalizeTimezone(name);
    assert.ok(ours.ok, name);
    const intl = intlZone(name);
    if (ours.value === intl) agree++;
    else differences.push(`${name} → ${ours.value} (Intl: ${intl ?? "unknown"})`);
  }
  console.log(`timezone: ${names.length} names, ${agree} agree with Intl`);
  assert.deepEqual(differences.sort(), documentedBlock("timezone-intl-differences").sort());
});
