//! Stage 4: writing tables. Each region's data, its automaton and its formats become the Rust
//! statics of `phone_tables.rs` (the structs of `src/phone/tables.rs`), and every automaton is
//! packed into the bytes of `phone_dfa.bin` (see [`Automata`]).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::automata::{determinize, length_only, minimize, Anchor, Minimal};
use crate::layout::{
    Op, AYTF_CARRIER_RULE, AYTF_ELIGIBLE, AYTF_FIRST_GROUP_ONLY, AYTF_NO_NP_RULE, AYTF_NP_OPTIONAL,
    AYTF_SPACE_AFTER_NP, FIRST_TYPE_BIT, GENERAL_BIT, GROUP_MARKS, LEADING_BIT, TYPES,
};
use crate::metadata::{Format, Metadata, Region};
use crate::patterns::{java_replacement, rule_text, template, Inst, Programs, Runtime};

/// All automata, encoded for the engine.
///
/// Each automaton gets its own state numbers: 0 dead, then the states whose digits lead to
/// three places or more (`1..split`), then those whose digits lead to exactly two
/// (`split..pairs`, most states with a choice: a digit range such as `[2-9]`), then those whose
/// every digit leads to the same place (`pairs..states`, most of them: the `\d{n}` ends of
/// numbers). Digits no state tells apart share a column. A state of the first kind has a row of
/// one entry per column; the second kind has an entry in each of three arrays that follow the
/// rows: the usual next state, the other one, and the columns that lead to the other one (a
/// `u16` mask, little-endian); the third kind has a single entry. Entries are one byte when the
/// automaton has at most 256 states, else two (little-endian). Then one byte per state: the
/// index of its output in the automaton's own part of a palette of `u32` values (whose entry 0
/// is 0, the dead state's).
///
/// The automata are laid out from the smallest to the largest (see [`Automata::finish`]).
pub(crate) struct Automata {
    pub(crate) bytes: Vec<u8>,
    /// Rust source of each automaton's `Automaton`, but for its `rows` (see `spans`).
    pub(crate) list: Vec<String>,
    /// Where each automaton's bytes are in `bytes` (start, length) while they are added in
    /// order of creation.
    pub(crate) spans: Vec<(usize, usize)>,
    /// Automata already added (identical ones are shared), by their transitions, outputs and
    /// start.
    pub(crate) seen: HashMap<String, usize>,
    pub(crate) palette: Vec<u32>,
    pub(crate) states: usize,
}

impl Automata {
    pub(crate) fn new() -> Automata {
        Automata {
            bytes: Vec::new(),
            list: Vec::new(),
            spans: Vec::new(),
            seen: HashMap::new(),
            palette: Vec::new(),
            states: 0,
        }
    }

    /// Adds a minimized automaton whose outputs are palette values; returns its number.
    pub(crate) fn add(&mut self, m: Minimal) -> u16 {
        let key = format!("{:?} {:?} {}", m.next, m.out, m.start);
        if let Some(&i) = self.seen.get(&key) {
            return i as u16;
        }
        let n = m.next.len();
        self.states += n;
        // Digit classes: digits that every state sends to the same place.
        let mut classes = [0u8; 10];
        let mut reps: Vec<usize> = Vec::new();
        for d in 0..10 {
            match reps
                .iter()
                .position(|&r| m.next.iter().all(|row| row[r] == row[d]))
            {
                Some(c) => classes[d] = c as u8,
                None => {
                    classes[d] = reps.len() as u8;
                    reps.push(d);
                }
            }
        }
        // Renumbering: dead, then states with a row, then states with two next states, then
        // states with one.
        let targets = |s: usize| {
            let mut t: Vec<u32> = reps.iter().map(|&r| m.next[s][r]).collect();
            t.sort_unstable();
            t.dedup();
            t.len()
        };
        let kind = |s: usize| match (s, targets(s)) {
            (0, _) => 0,
            (_, 1) => 3,
            (_, 2) => 2,
            _ => 1,
        };
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&s| (kind(s), s));
        let split = order.iter().filter(|&&s| kind(s) < 2).count();
        let pairs = order.iter().filter(|&&s| kind(s) < 3).count();
        let mut id = vec![0u32; n];
        for (new, &old) in order.iter().enumerate() {
            id[old] = new as u32;
        }
        let wide = n > 256;
        assert!(n <= 65536, "an automaton of {n} states");
        assert!(reps.len() <= 16, "a mask of {} columns", reps.len());
        let rows = self.bytes.len();
        let entry = |bytes: &mut Vec<u8>, t: u32| {
            let t = id[t as usize];
            if wide {
                bytes.extend_from_slice(&(t as u16).to_le_bytes());
            } else {
                bytes.push(t as u8);
            }
        };
        for &s in &order[1..split] {
            for &r in &reps {
                entry(&mut self.bytes, m.next[s][r]);
            }
        }
        // A two-way state: its usual next state is the one most columns lead to (the first
        // column's on a tie), the other one is taken by the columns in its mask.
        let two_way = |s: usize| -> (u32, u32, u16) {
            let row: Vec<u32> = reps.iter().map(|&r| m.next[s][r]).collect();
            let first = row[0];
            let other = *row.iter().find(|&&t| t != first).expect("two next states");
            let firsts = row.iter().filter(|&&t| t == first).count();
            let usual = if 2 * firsts >= row.len() {
                first
            } else {
                other
            };
            let unusual = if usual == first { other } else { first };
            let mask = row
                .iter()
                .enumerate()
                .filter(|&(_, &t)| t == unusual)
                .fold(0u16, |mask, (c, _)| mask | 1 << c);
            (usual, unusual, mask)
        };
        let two_ways = &order[split..pairs];
        for &s in two_ways {
            entry(&mut self.bytes, two_way(s).0);
        }
        for &s in two_ways {
            entry(&mut self.bytes, two_way(s).1);
        }
        for &s in two_ways {
            self.bytes.extend_from_slice(&two_way(s).2.to_le_bytes());
        }
        for &s in &order[pairs..] {
            entry(&mut self.bytes, m.next[s][0]);
        }
        // Its outputs, as indexes into its own part of the palette.
        let mut own: Vec<u32> = vec![0];
        for &s in &order {
            let o = m.out[s];
            let i = match own.iter().position(|&v| v == o) {
                Some(i) => i,
                None => {
                    own.push(o);
                    own.len() - 1
                }
            };
            assert!(i < 256, "an automaton with more than 256 distinct outputs");
            self.bytes.push(i as u8);
        }
        let palette = match self
            .palette
            .windows(own.len())
            .position(|w| w == own.as_slice())
        {
            Some(at) => at,
            None => {
                self.palette.extend_from_slice(&own);
                self.palette.len() - own.len()
            }
        };
        assert!(
            self.palette.len() <= usize::from(u16::MAX),
            "palette overflows u16"
        );
        self.spans.push((rows, self.bytes.len() - rows));
        self.list.push(format!(
            "palette: {palette}, start: {}, split: {split}, pairs: {pairs}, states: {n}, \
             stride: {}, wide: {wide}, classes: {classes:?} }}",
            id[m.start as usize],
            reps.len()
        ));
        self.seen.insert(key, self.list.len() - 1);
        self.list.len() as u16 - 1
    }

    /// Lays the automata out from the smallest to the largest (ties in order of creation),
    /// which puts similar ones within reach of each other for gzip (-1.5 KB against the order
    /// of creation), and completes their sources with where they start.
    pub(crate) fn finish(&mut self) {
        let mut order: Vec<usize> = (0..self.spans.len()).collect();
        order.sort_by_key(|&i| (self.spans[i].1, i));
        let mut bytes = Vec::with_capacity(self.bytes.len());
        let mut rows = vec![0; self.spans.len()];
        for i in order {
            let (start, len) = self.spans[i];
            rows[i] = bytes.len();
            bytes.extend_from_slice(&self.bytes[start..start + len]);
        }
        assert_eq!(bytes.len(), self.bytes.len());
        self.bytes = bytes;
        for (source, rows) in self.list.iter_mut().zip(rows) {
            *source = format!("Automaton {{ rows: {rows}, {source}");
        }
    }
}

/// A bitset of lengths (bit n for length n).
pub(crate) fn length_bits(lengths: &[u16]) -> u32 {
    lengths.iter().fold(0, |m, &l| {
        assert!(l < 32, "a possible length of {l} digits");
        m | 1 << l
    })
}

/// A format rule (Java syntax) with its first group written through the national prefix
/// formatting rule (`0$1`, `($1)`), as libphonenumber's `formatNsnUsingPattern` does.
pub(crate) fn with_national_prefix(rule: &str, np_rule: &str) -> String {
    let Some(start) = rule
        .as_bytes()
        .windows(2)
        .position(|w| w[0] == b'$' && w[1].is_ascii_digit())
    else {
        return rule.to_owned();
    };
    let first_group = &rule[start..start + 2];
    let np_rule = np_rule.replace("$1", first_group);
    format!("{}{}{}", &rule[..start], np_rule, &rule[start + 2..])
}

/// Everything the generator builds up.
pub(crate) struct Generator {
    pub(crate) programs: Programs,
    pub(crate) runtime: Runtime,
    pub(crate) automata: Automata,
    /// Rust source of each `Format`.
    pub(crate) formats: Vec<String>,
    /// Where each format's capture slots are set, for straight-line patterns: a count, then
    /// the positions (offset 0 is the empty list).
    pub(crate) fixed: Vec<u8>,
    /// Replacement rules (see [`rule_text`]), deduplicated.
    pub(crate) rules: Vec<String>,
    /// Sets of lengths (bit n for n digits), deduplicated; 0 first.
    pub(crate) lengths: Vec<u32>,
    /// Rust source of each `AytfFormat`.
    pub(crate) aytf: Vec<String>,
    /// The programs of the formats' leading digits patterns.
    pub(crate) aytf_runtime: Runtime,
    /// The templates, deduplicated.
    pub(crate) templates: Vec<String>,
    /// Rust source of each region's lists of `AytfFormat`s, national and international.
    pub(crate) aytf_lists: Vec<String>,
    /// The programs of the leading digits patterns of formats with more than one.
    pub(crate) leading: Vec<u16>,
    /// A number for each distinct format pattern.
    pub(crate) patterns: HashMap<String, u16>,
    /// Each region's example numbers, by number type, separated by commas (empty for none).
    pub(crate) examples: Vec<String>,
}

impl Generator {
    /// The number of a format pattern (the same for the same text).
    pub(crate) fn pattern_id(&mut self, pattern: &str) -> u16 {
        let next = u16::try_from(self.patterns.len()).expect("patterns overflow u16");
        *self.patterns.entry(pattern.to_owned()).or_insert(next)
    }

    /// The number of a rule.
    pub(crate) fn rule(&mut self, replacement: &str) -> u16 {
        self.text(rule_text(replacement))
    }

    /// The number of a rule that is plain text (no capture groups), as given.
    pub(crate) fn plain(&mut self, text: &str) -> u16 {
        assert!(
            !text.chars().any(|c| c < ' '),
            "a control character in {text:?}"
        );
        self.text(text.to_owned())
    }

    pub(crate) fn text(&mut self, text: String) -> u16 {
        let i = match self.rules.iter().position(|r| *r == text) {
            Some(i) => i,
            None => {
                self.rules.push(text);
                self.rules.len() - 1
            }
        };
        u16::try_from(i).expect("rules overflow u16")
    }

    /// The number of a set of lengths.
    pub(crate) fn lengths(&mut self, set: u32) -> u8 {
        let i = match self.lengths.iter().position(|&l| l == set) {
            Some(i) => i,
            None => {
                self.lengths.push(set);
                self.lengths.len() - 1
            }
        };
        u8::try_from(i).expect("length sets overflow u8")
    }

    /// The offset of a list of fixed slots.
    pub(crate) fn fixed(&mut self, slots: &[u8]) -> u16 {
        if slots.is_empty() {
            return 0;
        }
        let mut entry = vec![slots.len() as u8];
        entry.extend_from_slice(slots);
        let at = match self
            .fixed
            .windows(entry.len())
            .position(|w| w == entry.as_slice())
        {
            Some(at) => at,
            None => {
                self.fixed.extend_from_slice(&entry);
                self.fixed.len() - entry.len()
            }
        };
        u16::try_from(at).expect("fixed slots overflow u16")
    }
}

/// Rust source of one list of formats (`Formats`), its entries added to `g.formats`.
pub(crate) fn formats_src(formats: &[Format], national: bool, g: &mut Generator) -> String {
    if formats.is_empty() {
        return "Formats { leading: 0, first: 0, count: 0 }".to_owned();
    }
    assert!(formats.len() <= 32, "more formats than a mask holds");
    let first = g.formats.len();
    let mut patterns = Vec::new();
    for (i, f) in formats.iter().enumerate() {
        let leading = f.leading.last();
        if let Some(leading) = leading {
            let prog = g.programs.compile(leading);
            patterns.push((i as u32, prog, Anchor::Prefix));
        }
        format_src(f, national, leading.is_some(), g);
    }
    // Which formats' leading digits match a prefix (bit i for format i).
    let dfa = determinize(&g.programs, &patterns);
    let leading = g.automata.add(minimize(&dfa, |a| a as u32));
    format!(
        "Formats {{ leading: {leading}, first: {first}, count: {} }}",
        formats.len()
    )
}

/// Adds one format's `Format` to `g.formats` (with the national prefix written into its rule
/// when `national`); returns its number.
pub(crate) fn format_src(
    f: &Format,
    national: bool,
    has_leading: bool,
    g: &mut Generator,
) -> usize {
    let source = format_def(f, national, has_leading, g);
    g.formats.push(source);
    g.formats.len() - 1
}

/// Rust source of one format's `Format` (with the national prefix written into its rule when
/// `national`).
fn format_def(f: &Format, national: bool, has_leading: bool, g: &mut Generator) -> String {
    let pattern = f.pattern.as_str();
    let prog = g.programs.compile(pattern);
    // The engine's replacing never meets an empty match, as none of these can match one.
    assert!(
        !g.programs.matches_empty(prog),
        "format pattern {pattern:?} matches the empty text"
    );
    let lengths = length_only(&g.programs, prog).unwrap_or(0);
    let fixed = g.runtime.fixed_slots_of(&g.programs, pattern);
    // The engine runs the program to check a pattern that is not only lengths, and to
    // replace with one that is not a straight line.
    let program = if lengths == 0 || fixed.is_none() {
        g.runtime.program(&mut g.programs, pattern)
    } else {
        u16::MAX
    };
    let rule = match f.np_rule.as_deref().filter(|r| national && !r.is_empty()) {
        Some(np_rule) => with_national_prefix(&f.format, np_rule),
        None => f.format.clone(),
    };
    let rule = g.rule(&java_replacement(&rule));
    let fixed = g.fixed(&fixed.unwrap_or_default());
    format!(
        "Format {{ program: {program}, lengths: {lengths}, fixed: {fixed}, rule: {rule}, \
         has_leading: {has_leading} }}"
    )
}

/// Rust source of one list of formats as the as-you-type formatter reads it
/// (`(first, count)` in `AYTF_FORMATS`), its entries added to `g.aytf`: each format's pattern
/// with its rule as written (no national prefix), all its leading digits patterns, what its
/// national prefix formatting rule says, and its template (see [`template`]).
pub(crate) fn aytf_src(formats: &[Format], g: &mut Generator) -> String {
    let first = g.aytf.len();
    for f in formats {
        let def = format_def(f, false, !f.leading.is_empty(), g);
        let programs: Vec<u16> = f
            .leading
            .iter()
            .map(|pattern| g.aytf_runtime.program(&mut g.programs, pattern))
            .collect();
        // Most formats (nine in ten) have one leading digits pattern: its program is written
        // in the format itself, and only longer lists go to `LEADING_PROGRAMS` (the format's
        // index into it would be a rising count, which compresses badly).
        let leading = match programs[..] {
            [program] => program,
            _ => {
                let at = u16::try_from(g.leading.len()).expect("leading programs overflow u16");
                g.leading.extend_from_slice(&programs);
                at
            }
        };
        let np_rule = f.np_rule.as_deref();
        // libphonenumber's `formattingRuleHasFirstGroupOnly`: no rule, or `$1` alone, maybe in
        // parentheses.
        let first_group_only = np_rule.is_none_or(|r| {
            let r = r.strip_prefix('(').unwrap_or(r);
            let r = r.strip_suffix(')').unwrap_or(r);
            r == "$1"
        });
        let flags = [
            (AYTF_NO_NP_RULE, np_rule.is_none()),
            (AYTF_FIRST_GROUP_ONLY, first_group_only),
            (AYTF_NP_OPTIONAL, f.np_optional),
            (AYTF_CARRIER_RULE, f.carrier_rule.is_some()),
            (
                AYTF_SPACE_AFTER_NP,
                np_rule.is_some_and(|r| r.contains([' ', '-'])),
            ),
            (AYTF_ELIGIBLE, eligible(&f.format)),
        ]
        .iter()
        .fold(
            0u8,
            |flags, &(bit, set)| if set { flags | bit } else { flags },
        );
        let (template, digits) = match template(&f.pattern, &f.format) {
            Some((text, digits)) => {
                let i = match g.templates.iter().position(|t| *t == text) {
                    Some(i) => i,
                    None => {
                        g.templates.push(text);
                        g.templates.len() - 1
                    }
                };
                (u16::try_from(i).expect("templates overflow u16"), digits)
            }
            None => (u16::MAX, 0),
        };
        let pattern = g.pattern_id(&f.pattern);
        g.aytf.push(format!(
            "AytfFormat {{ def: {def}, leading: {leading}, leading_count: {}, flags: {flags}, \
             template: {template}, template_digits: {digits}, pattern: {pattern} }}",
            f.leading.len()
        ));
    }
    format!("({first}, {})", g.aytf.len() - first)
}

/// Whether a format can be used as you type (libphonenumber's `ELIGIBLE_FORMAT_PATTERN`):
/// groups `$1`, `$2`, ... separated by punctuation only, the first group present.
fn eligible(format: &str) -> bool {
    let punctuation = |c: char| VALID_PUNCTUATION.contains(c);
    let rest = format.trim_start_matches(punctuation);
    let Some(mut rest) = rest.strip_prefix("$1") else {
        return false;
    };
    loop {
        rest = rest.trim_start_matches(punctuation);
        if rest.is_empty() {
            return true;
        }
        match rest.strip_prefix('$') {
            Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => rest = &r[1..],
            _ => return false,
        }
    }
}

/// libphonenumber's `VALID_PUNCTUATION`.
const VALID_PUNCTUATION: &str = "-x\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2015}\u{2212}\u{30FC}\u{FF0D}\u{FF0E}\u{FF0F} \u{00A0}\u{00AD}\u{200B}\u{2060}\u{3000}()\u{FF08}\u{FF09}\u{FF3B}\u{FF3D}.[]/~\u{2053}\u{223C}\u{FF5E}";

/// Rust source of one region's `Meta`.
pub(crate) fn region_src(region: &Region, g: &mut Generator) -> String {
    // The number automaton: the general pattern, each type's, the region's leading digits.
    let mut patterns = vec![(
        GENERAL_BIT,
        g.programs.compile(&region.general.pattern),
        Anchor::Whole,
    )];
    let mut type_lengths = Vec::new();
    for (i, name) in TYPES.iter().enumerate() {
        let set = match region.types.get(*name) {
            Some(desc) => {
                patterns.push((
                    FIRST_TYPE_BIT + i as u32,
                    g.programs.compile(&desc.pattern),
                    Anchor::Whole,
                ));
                if desc.lengths.is_empty() {
                    u32::MAX
                } else {
                    length_bits(&desc.lengths)
                }
            }
            None => 0,
        };
        type_lengths.push(g.lengths(set));
    }
    if let Some(leading) = &region.leading_digits {
        patterns.push((LEADING_BIT, g.programs.compile(leading), Anchor::Prefix));
    }
    // libphonenumber's `testNumberLength` checks the general description's lengths (the union
    // of the types'), and its local-only lengths those that are only local.
    let all = &region.general.lengths;
    let mut local = region.general.local.clone();
    local.retain(|l| !all.contains(l));
    let dfa = determinize(&g.programs, &patterns);
    let automaton = g.automata.add(minimize(&dfa, |a| a as u32));

    let idd = region
        .international_prefix
        .as_deref()
        .map(|re| g.runtime.program(&mut g.programs, re));
    // Without a pattern for parsing, the national prefix itself (always digits, so it is its
    // own pattern), as libphonenumber's metadata build does.
    let npfp = match (
        region.national_prefix_for_parsing.as_deref(),
        region.national_prefix.as_deref(),
    ) {
        (Some(re), _) => Some(g.runtime.program(&mut g.programs, re)),
        (None, Some(prefix))
            if !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_digit()) =>
        {
            Some(g.runtime.program(&mut g.programs, prefix))
        }
        _ => None,
    };
    let transform = region
        .national_prefix_transform_rule
        .as_deref()
        .filter(|rule| !rule.is_empty())
        .map(|rule| g.rule(&java_replacement(rule)));
    let extension_prefix = region
        .preferred_extension_prefix
        .as_deref()
        .map(|p| g.plain(p));
    let id = match region.id.as_str() {
        "001" => [0, 0],
        id => match *id.as_bytes() {
            [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => [a, b],
            _ => panic!("a region id that is neither two letters nor 001: {id:?}"),
        },
    };
    let none = "Formats { leading: 0, first: 0, count: 0 }";
    let aytf = if region.main {
        let national = aytf_src(&region.formats, g);
        let international = aytf_src(&region.intl_formats, g);
        format!("({national}, {international})")
    } else {
        "((0, 0), (0, 0))".to_owned()
    };
    g.aytf_lists.push(aytf);
    let examples: Vec<&str> = TYPES
        .iter()
        .map(
            |t| match region.types.get(*t).and_then(|d| d.example.as_deref()) {
                Some(example) if example.bytes().all(|b| b.is_ascii_digit()) => example,
                _ => "",
            },
        )
        .collect();
    g.examples.push(examples.join(","));
    let (national, international) = if region.main {
        let national = formats_src(&region.formats, true, g);
        let international = if region.intl_formats.is_empty() {
            formats_src(&region.formats, false, g)
        } else {
            formats_src(&region.intl_formats, false, g)
        };
        (national, international)
    } else {
        (none.to_owned(), none.to_owned())
    };
    format!(
        "Meta {{ id: {id:?}, calling_code: {}, automaton: {automaton}, \
         type_lengths: {type_lengths:?}, all_lengths: {}, local_lengths: {}, \
         same_fixed_mobile: {}, has_leading_digits: {}, \
         international_prefix: {}, prefix_for_parsing: {}, transform: {}, \
         extension_prefix: {}, national: {national}, international: {international} }}",
        region.code,
        length_bits(all),
        length_bits(&local),
        region.same_mobile_and_fixed_line,
        region.leading_digits.is_some(),
        opt_u(idd),
        opt_u(npfp),
        opt_u(transform),
        opt_u(extension_prefix),
    )
}

/// Rust source of an optional number.
pub(crate) fn opt_u(i: Option<u16>) -> String {
    match i {
        Some(i) => format!("Some({i})"),
        None => "None".to_owned(),
    }
}

/// Compiles `metadata` and writes `phone_tables.rs` and `phone_dfa.bin` into `out_dir`.
pub(crate) fn write(metadata: &Metadata, out_dir: &Path) {
    let mut g = Generator {
        programs: Programs::new(),
        runtime: Runtime::new(),
        automata: Automata::new(),
        formats: Vec::new(),
        fixed: vec![0],
        rules: Vec::new(),
        lengths: vec![0],
        aytf: Vec::new(),
        aytf_runtime: Runtime::new(),
        templates: Vec::new(),
        aytf_lists: Vec::new(),
        leading: Vec::new(),
        patterns: HashMap::new(),
        examples: Vec::new(),
    };
    let mut src = String::new();

    // Calling codes, ascending, each with its regions (main region first, as libphonenumber
    // lists them).
    let mut regions_src = Vec::new();
    let mut by_code = vec!["(0, 0)".to_owned(); 1000];
    let mut by_id = vec!["255".to_owned(); 26 * 26];
    let mut previous = 0;
    for (index, region) in metadata.regions.iter().enumerate() {
        let code = usize::from(region.code);
        assert!(
            code < 1000 && code >= previous,
            "regions out of calling code order"
        );
        previous = code;
        if region.main {
            by_code[code] = format!("({index}, 1)");
        } else {
            let (first, count) = by_code[code]
                .trim_matches(['(', ')'])
                .split_once(", ")
                .map(|(f, c)| (f.parse::<usize>().unwrap(), c.parse::<usize>().unwrap()))
                .expect("a main region first");
            assert_eq!(first + count, index, "a calling code's regions apart");
            by_code[code] = format!("({first}, {})", count + 1);
        }
        assert!(index < 256, "region numbers overflow u8");
        if let [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] = *region.id.as_bytes() {
            by_id[usize::from(a - b'A') * 26 + usize::from(b - b'A')] = index.to_string();
        }
        regions_src.push(region_src(region, &mut g));
    }

    let Generator {
        runtime,
        mut automata,
        formats,
        fixed,
        rules,
        lengths,
        aytf,
        aytf_runtime,
        templates,
        aytf_lists,
        leading,
        examples,
        ..
    } = g;
    automata.finish();
    assert!(
        runtime.insts.len() < u16::MAX as usize,
        "programs overflow u16"
    );
    assert!(
        aytf_runtime.insts.len() < u16::MAX as usize,
        "programs overflow u16"
    );
    let max_groups = runtime.max_groups.max(aytf_runtime.max_groups);
    assert!(max_groups < GROUP_MARKS, "more groups than rules can name");

    let mut item = |doc: &str, decl: &str, items: &[String]| {
        writeln!(src, "/// {doc}").unwrap();
        writeln!(src, "{decl} = [{}];", items.join(",\n")).unwrap();
    };
    let list = |v: &[String]| v.to_vec();
    let nums = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>();
    item(
        "Every region, grouped by calling code (main region first).",
        &format!("pub(super) static REGIONS: [Meta; {}]", regions_src.len()),
        &regions_src,
    );
    item(
        "For each calling code (0 to 999): its first region and number of regions.",
        "pub(super) static BY_CODE: [(u8, u8); 1000]",
        &by_code,
    );
    item(
        "The region of each ISO 3166-1 alpha-2 id (`AA` to `ZZ`, first letter major), 255 for \
         none.",
        "pub(super) static BY_ID: [u8; 26 * 26]",
        &by_id,
    );
    item(
        "The formats of every list.",
        &format!("pub(super) static FORMATS: [Format; {}]", formats.len()),
        &formats,
    );
    let fixed: Vec<String> = fixed.iter().map(u8::to_string).collect();
    item(
        "Where straight-line formats set their capture slots: at each offset, a count, then the \
         positions (255: never).",
        &format!("pub(super) static FIXED: [u8; {}]", fixed.len()),
        &fixed,
    );
    let rules: Vec<String> = rules.iter().map(|r| format!("{r:?}")).collect();
    item(
        "Replacement rules: text, and capture group g as the character U+0001 + g.",
        &format!("pub(super) static RULES: [&str; {}]", rules.len()),
        &rules,
    );
    item(
        "Sets of lengths (bit n for n digits; `u32::MAX`: any).",
        &format!("pub(super) static LENGTHS: [u32; {}]", lengths.len()),
        &nums(&lengths),
    );
    let insts = ops_src(&runtime);
    item(
        "The instructions of every program.",
        &format!("pub(super) static INSTS: [Op; {}]", insts.len()),
        &insts,
    );
    item(
        "The programs, by number.",
        &format!(
            "pub(super) static PROGRAMS: [Program; {}]",
            runtime.list.len()
        ),
        &list(&runtime.list),
    );
    item(
        "The automata, by number.",
        &format!(
            "pub(super) static AUTOMATA: [Automaton; {}]",
            automata.list.len()
        ),
        &automata.list,
    );
    item(
        "The automata's outputs.",
        &format!(
            "pub(super) static OUTPUTS: [u32; {}]",
            automata.palette.len()
        ),
        &nums(&automata.palette),
    );
    item(
        "The formats the as-you-type formatter reads.",
        &format!(
            "pub(super) static AYTF_FORMATS: [AytfFormat; {}]",
            aytf.len()
        ),
        &aytf,
    );
    item(
        "For each region (in `REGIONS` order): its lists of `AYTF_FORMATS` for national and \
         international numbers, `(first, count)` (empty but for main regions).",
        &format!(
            "pub(super) static AYTF_LISTS: [((u16, u8), (u16, u8)); {}]",
            aytf_lists.len()
        ),
        &aytf_lists,
    );
    let templates: Vec<String> = templates.iter().map(|t| format!("{t:?}")).collect();
    item(
        "The as-you-type templates (digits to come as `layout::DIGIT_PLACEHOLDER`).",
        &format!("pub(super) static TEMPLATES: [&str; {}]", templates.len()),
        &templates,
    );
    let aytf_insts = ops_src(&aytf_runtime);
    item(
        "The instructions of `AYTF_PROGRAMS`.",
        &format!("pub(super) static AYTF_INSTS: [Op; {}]", aytf_insts.len()),
        &aytf_insts,
    );
    item(
        "The programs of the formats' leading digits patterns, by number.",
        &format!(
            "pub(super) static AYTF_PROGRAMS: [Program; {}]",
            aytf_runtime.list.len()
        ),
        &aytf_runtime.list,
    );
    let leading: Vec<String> = leading.iter().map(u16::to_string).collect();
    item(
        "The leading digits patterns of the `AYTF_FORMATS` that have more than one (numbers in \
         `AYTF_PROGRAMS`).",
        &format!(
            "pub(super) static LEADING_PROGRAMS: [u16; {}]",
            leading.len()
        ),
        &leading,
    );
    // One text, not an array of `Option<&str>`: 8 bytes of pointer and length per example
    // (20 KB for 254 regions) compress worse than the digits themselves.
    writeln!(
        src,
        "/// For each region (in `REGIONS` order), a line: its example number of each number type \
         (national significant number) in `layout::TYPES` order, separated by commas, empty for \
         none.\npub(super) static EXAMPLES: &str = {:?};",
        examples
            .iter()
            .map(|e| format!("{e}\n"))
            .collect::<String>()
    )
    .unwrap();
    writeln!(src, "/// The libphonenumber release of the metadata.").unwrap();
    writeln!(
        src,
        "pub const METADATA_VERSION: &str = {:?};",
        metadata.version
    )
    .unwrap();
    writeln!(
        src,
        "/// The most capture groups of a program (group 0 included)."
    )
    .unwrap();
    writeln!(src, "pub(super) const MAX_GROUPS: usize = {max_groups};").unwrap();

    std::fs::write(out_dir.join("phone_tables.rs"), src).expect("write phone_tables.rs");
    std::fs::write(out_dir.join("phone_dfa.bin"), &automata.bytes).expect("write phone_dfa.bin");
    eprintln!(
        "phone tables: {} regions, {} formats, {} programs ({} instructions), {} automata \
         ({} states, {} bytes); as you type: {} formats, {} programs ({} instructions)",
        regions_src.len(),
        formats.len(),
        runtime.list.len(),
        runtime.insts.len(),
        automata.list.len(),
        automata.states,
        automata.bytes.len(),
        aytf.len(),
        aytf_runtime.list.len(),
        aytf_runtime.insts.len(),
    );
}

/// Rust source of a runtime's instructions as `Op`s: targets relative to the instruction (they
/// compress far better than absolute ones), `i16::MIN` for the shared `Fail`.
fn ops_src(runtime: &Runtime) -> Vec<String> {
    let rel = |ip: usize, target: u32| -> i16 {
        if target == 0 {
            i16::MIN
        } else {
            i16::try_from(i64::from(target) - ip as i64).expect("a jump overflows i16")
        }
    };
    runtime
        .insts
        .iter()
        .enumerate()
        .map(|(ip, inst)| match *inst {
            Inst::Fail => Op::Fail,
            Inst::Match => Op::Match,
            Inst::Digit(mask, next) => Op::Digit(mask, rel(ip, next)),
            Inst::Split(a, b) => Op::Split(rel(ip, a), rel(ip, b)),
            Inst::Save(slot, next) => Op::Save(slot, rel(ip, next)),
            Inst::End(next) => Op::End(rel(ip, next)),
        })
        // `Op`'s own spelling (`Digit(6, 1)`), shared with the engine through `layout`.
        .map(|op| format!("Op::{op:?}"))
        .collect()
}
