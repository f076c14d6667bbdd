// The host parity corpus: internationalized email addresses and URLs, built the same way on
// every run (a fixed seed), for the tests that compare the Rust crates with the JS platform's
// URL parser, UTS #46, NFC and RegExp (src/host/, docs/host.md): tests/parity/host_parity.mjs.
//
//   node tests/parity/host_corpus.mjs > corpus.jsonl    # the cases, one JSON line each
//
// Each case has tests/parity/cases.jsonl's shape, `{ field, input }`. The labels cover Latin,
// Cyrillic, Greek, Arabic and Hebrew (bidi), Devanagari, CJK and emoji; the deviation characters
// (ß, ς, ZWJ, ZWNJ); invalid Punycode; mixed-script labels; full-width letters and dots; and the
// hyphen, length and mark rules. Labels, TLDs, local parts and handles are combined at random.
// Then the lower-case cases (`lowercaseCases`): every letter, mark and digit with a case property
// in a LinkedIn handle, which the rule lower-cases, next to a capital sigma in the three
// contexts of the final sigma; the scripts and letters that need care; and email domains in
// capitals that only the suggestion lower-cases.

const EMAILS = 3600;
const URLS = 2400;

const LABELS = {
  latin: ["bücher", "münchen", "café", "españa", "señor", "straße", "faß", "øre", "ñandú",
    "İstanbul", "ﬁnance", "ǅemal", "Ärger", "zürich", "crème-brûlée", "ÉCOLE", "naïve",
    "e\u0301cole", "ı", "ǈ"],
  cyrillic: ["пример", "москва", "россия", "україна", "ёлка", "ПРИМЕР", "сайт", "рф"],
  greek: ["ελληνικά", "παράδειγμα", "σς", "ΣΑΣ", "ὀδυσσεύς", "ΐ", "ς"],
  arabic: ["مثال", "السعودية", "مصر", "موقع٣", "شبكة", "مثال1", "1مثال", "ابc"],
  hebrew: ["דוגמה", "ישראל", "קום", "א1", "בְּ"],
  devanagari: ["उदाहरण", "भारत", "क्\u200dष", "क्\u200cष", "हिन्दी", "०१२"],
  cjk: ["例え", "中国", "テスト", "한국", "香港", "ｶﾀｶﾅ", "日本語", "〇"],
  emoji: ["😀", "❤️", "i❤", "☃", "👍🏽", "🏳️‍🌈", "✈"],
  deviation: ["faß", "σς", "a\u200db", "a\u200cb", "\u200d", "ß", "ẞ", "ς"],
  punycode: ["xn--", "xn--a", "xn--99999999999a", "xn--abc-", "xn--bcher-kva", "XN--BCHER-KVA",
    "xn--zz-", "xn--a-ecp", "xn--ls8h", "xn--mnchen-3ya", "xn--ab", "xn--0", "xn--a-",
    "xn--fa-hia", "xn--zca", "xn--nxasmm1c", "xn--1ch", "xn--e1afmkfd", "xn--4gbrim",
    "xn--i-7iq", "xn--ab--c", "xn----"],
  mixed: ["pаypal", "аpple", "gооgle", "mосква", "日本abc", "テストtest", "αβγabc", "шop"],
  fullwidth: ["ｅｘａｍｐｌｅ", "ＥＸＡＭＰＬＥ", "ｌｉｎｋｅｄｉｎ", "１２３", "ａｂｃ－ｄｅｆ"],
  hyphens: ["-abc", "abc-", "ab--cd", "a-b", "-", "--", "xn--ab-cd"],
  marks: ["\u0301abc", "a\u0301", "\u093fक", "a\u20dd"],
  odd: ["a\u00adb", "a\u200bb", "a\ufe0fb", "a\u3000b", "a_b", "a b", "a%41", "A", "0x1f",
    "123", "a".repeat(63), "b".repeat(64), "ℌ", "㎏", "ⓐ", "Ⅻ", "\u{1d400}", "\u2488"],
};
const TLDS = ["com", "de", "рф", "中国", "xn--p1ai", "みんな", "org", "co.uk", "com.mx", "ελ",
  "भारत", "xn--fiqs8s", "ישראל", "مصر", "io", "1", "c", "ｃｏｍ", "com.", "XN--P1AI"];
const DOTS = [".", ".", ".", ".", "。", "．", "｡"];
const LOCALS = ["juan", "José", "user.name", "Δοκιμή", "用户", "पुस्तक", "😀", "a+b", "o'neil",
  "ivan", "ПОЧТА", "مستخدم", "משתמש", "e\u0301", "test_1", "x".repeat(64), "info"];
const HANDLES = ["juan-perez", "José-Pérez", "иван-петров", "μαρία", "محمد-علي", "דוד", "राहुल",
  "王伟", "たなか", "김민준", "jane_doe", "😀smile", "ab", "a", "\u0301abc", "ﬁnance",
  "juan%20perez", "jos%C3%A9", "%E0%A4%B0%E0%A4%BE", "abc.def", "a\u200db", "Ǆ-test",
  "x".repeat(101), "ACoAABcdefGHIJKLmnopQRST", "𞤀𞤁𞤂", "ᏣᎳᎩ"];
const LINKEDIN_HOSTS = ["linkedin.com", "www.linkedin.com", "es.linkedin.com", "ＬＩＮＫＥＤＩＮ.com",
  "www.linkedin.com。", "linkedin。com", "m.linkedin.com.", "xn--linkedin-.com", "lınkedin.com",
  "linkedİn.com", "www.linkedin．com", "lnkd.in", "linkedin.com.evil.io", "ⓛinkedin.com"];
const PATHS = ["in", "company", "school", "pub", "mwlite/in", "feed", "IN", "ｉｎ"];

// Lower case in a handle: the special letters, and the final sigma by context (before a mark,
// after and before `.` and `'`, which are case-ignorable, in company slugs).
const CASED_HANDLES = ["in/ΟΔΥΣΣΕΥΣ", "in/ΣΑΣ-Σ-ΑΣΑ", "in/ΑΣ\u0301Β-ΑΣ\u0301", "in/İSTANBUL-İ",
  "in/ԵՐԵՎԱՆ-ՙԱ", "in/ᏣᎳᎩ-ᎠᏍᎦᏯ", "in/ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ", "in/𐵐𐵑𐵒𐵓", "in/ǄǅǆǇǈ", "in/ＡＢＣ-ＸＹＺ",
  "in/ꟋꟌꟍ-ꟚꟜ", "in/Ᲊᲊ-ᲀᲁ", "in/𐐀𐐁-𐲀𐲁", "in/ẞ-ΐ-ΰ-ǰ", "company/Α'Σ", "company/ΑΣ'",
  "company/Α.Σ.Β", "company/ΑΣ.", "school/ΣΑ'Σ.Α"];
// Capital email domains, lower-cased by the suggestion (invalid input, so not by UTS #46 first).
const CASED_EMAILS = ["juan@GMAİL,COM", "ana@ＧＭＡＩＬ,ＣＯＭ", "x@ΓMAIL,com", "x@HOTMAİL..COM",
  "y@ΟΥΤLOOK.COM ", "z@YAHOO,COM.MX", "a@İCLOUD,COM"];

/**
 * The lower-case cases: every character a handle may hold (letters, marks that are not
 * enclosing, decimal digits) that has a case property in this Node's Unicode (it changes when
 * lower-cased, is cased, or is case-ignorable), eight to a handle, each `c` as
 * `AcΣ-cΣ-AΣc`: `c` lower-cased, and the sigma final after `c` only when `c` is cased or
 * case-ignorable, after the dash only when `c` is cased, and before `c` unless `c` is cased.
 */
function lowercaseCases() {
  const handleChar = /^[\p{L}\p{Mn}\p{Mc}\p{Nd}]$/u;
  const caseProperty = /^[\p{Changes_When_Lowercased}\p{Cased}\p{Case_Ignorable}]$/u;
  const probes = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    if (handleChar.test(c) && caseProperty.test(c)) probes.push(`A${c}Σ-${c}Σ-AΣ${c}`);
  }
  const cases = [];
  for (let i = 0; i < probes.length; i += 8) {
    const handle = probes.slice(i, i + 8).join("-");
    cases.push({ field: "linkedin", input: `https://www.linkedin.com/in/${handle}` });
  }
  for (const path of CASED_HANDLES) cases.push({ field: "linkedin", input: `https://www.linkedin.com/${path}` });
  for (const input of CASED_EMAILS) cases.push({ field: "email", input });
  return cases;
}

/** mulberry32: a small seeded generator, so that every run builds the same corpus. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The corpus: `{ field: "email" | "linkedin", input }` cases, 6,000 at random and the lower-case ones. */
export function hostCorpus() {
  const rnd = random(20261207);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const label = () => pick(LABELS[pick(Object.keys(LABELS))]);
  const domain = () => {
    const parts = Array.from({ length: pick([1, 1, 2, 3]) }, label);
    if (rnd() < 0.3) parts.unshift(pick(["www", "mail", "m", "ПОЧТА"]));
    return parts.map((p) => p + pick(DOTS)).join("") + pick(TLDS);
  };
  const cases = [];
  for (let i = 0; i < EMAILS; i++) cases.push({ field: "email", input: `${pick(LOCALS)}@${domain()}` });
  for (let i = 0; i < URLS; i++) {
    let host = i % 3 ? pick(LINKEDIN_HOSTS) : domain();
    if (rnd() < 0.2) host = label() + pick(DOTS) + host;
    const path = pick(PATHS);
    const handle = pick(HANDLES) + (path === "pub" ? "/2/a43/82b" : "");
    let url = `${pick(["https://", "http://", "", "HTTPS://", "//"])}${host}/${path}/${handle}`;
    if (rnd() < 0.15) url += pick(["/", "?trk=public", "#about", "/en", "?q=é"]);
    if (rnd() < 0.1) url = `https://www.linkedin.com/authwall?trk=x&sessionRedirect=${encodeURIComponent(url)}`;
    cases.push({ field: "linkedin", input: url });
  }
  return cases.concat(lowercaseCases());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const c of hostCorpus()) console.log(JSON.stringify(c));
}
