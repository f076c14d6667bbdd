//! Compiles libphonenumber's metadata (`build/phone_metadata.json`, dumped from python
//! `phonenumbers` by `scripts/gen_phone_metadata.py`) into the tables the phone engine
//! (`src/phone.rs`, module `engine`) executes, so that nothing is parsed or compiled at run time
//! and no regex engine is linked into the library.
//!
//! Every metadata pattern is compiled here with `regex-automata`'s Thompson compiler (the one
//! the `regex` crate itself uses, with the same flags the engine used at run time:
//! `ignore_whitespace`) and rewritten over the alphabet of the ten ASCII digits, the only input
//! the engine ever matches:
//!
//! - as a small program for a backtracking matcher, where positions or capture groups are
//!   needed (format patterns, national prefix for parsing, international prefix);
//! - as deterministic automata, minimized, where only "does the whole number (or a prefix of
//!   it) match" is asked: one automaton per region over its general, number-type and leading
//!   digits patterns, whose last state says which match, and one per list of formats over
//!   their leading digits. Where a format's pattern only constrains the length
//!   (`(\d{3})(\d{4})`), its lengths are all the engine needs to check it.
//!
//! Outputs, in `OUT_DIR`: `phone_tables.rs` (the per-region data and the programs, as Rust
//! statics) and `phone_dfa.bin` (the automata, read with `include_bytes!`).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;

use regex_automata::nfa::thompson::{self, State, WhichCaptures};
use regex_automata::util::look::Look;
use regex_automata::util::syntax;
use serde::Deserialize;

/// The metadata file, relative to the package.
const METADATA: &str = "build/phone_metadata.json";

/// libphonenumber's metadata as `scripts/gen_phone_metadata.py` writes it.
#[derive(Deserialize)]
struct Metadata {
    /// The libphonenumber release.
    version: String,
    /// Every region and non-geographic calling code, grouped by calling code, ascending, each
    /// code's main region first.
    regions: Vec<Region>,
}

/// One region's metadata (`001` for a non-geographic calling code).
#[derive(Deserialize)]
struct Region {
    id: String,
    code: u16,
    /// The main region of its calling code (the one formats are taken from).
    main: bool,
    general: Desc,
    /// The number types it has, by [`TYPES`] name.
    types: HashMap<String, Desc>,
    leading_digits: Option<String>,
    international_prefix: Option<String>,
    national_prefix: Option<String>,
    national_prefix_for_parsing: Option<String>,
    /// In Java's replacement syntax (`$1`).
    national_prefix_transform_rule: Option<String>,
    preferred_extension_prefix: Option<String>,
    same_mobile_and_fixed_line: bool,
    formats: Vec<Format>,
    /// Empty when international formats are the national ones.
    intl_formats: Vec<Format>,
}

/// A number description: its pattern and possible lengths (none listed: the general ones).
#[derive(Deserialize)]
struct Desc {
    pattern: String,
    lengths: Vec<u16>,
    local: Vec<u16>,
}

/// One number format.
#[derive(Deserialize)]
struct Format {
    pattern: String,
    /// In Java's replacement syntax (`$1 $2`).
    format: String,
    /// Leading digits patterns, each for one more digit; the last is the most precise.
    leading: Vec<String>,
    /// The national prefix formatting rule with the national prefix written in (`0$1`): `$1`
    /// stands for the format's first group.
    np_rule: Option<String>,
}

/// The number types of [`Region::types`], in the order of the output bits after
/// [`FIRST_TYPE_BIT`] (the same order as `tables::types` in `src/phone.rs`).
const TYPES: [&str; 10] = [
    "fixed_line",
    "mobile",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "personal_number",
    "voip",
    "pager",
    "uan",
    "voicemail",
];

/// Bits of a region automaton's output (the engine reads the same constants).
const GENERAL_BIT: u32 = 0;
/// The first number type's bit; types follow in [`types`] order.
const FIRST_TYPE_BIT: u32 = 1;
/// The region's own leading digits (a prefix match), for regions sharing a calling code.
const LEADING_BIT: u32 = 11;

/// One instruction of a backtracking program (mirrors `engine::Inst`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Inst {
    Fail,
    Match,
    /// A digit in the mask (bit d for digit d), then `next`.
    Digit(u16, u32),
    /// Try the first, then the second.
    Split(u32, u32),
    /// Record the position in a capture slot.
    Save(u8, u32),
    /// At the end of the text only.
    End(u32),
}

/// A compiled pattern: where its program starts in the arena, and its number of capture
/// groups (group 0 included).
#[derive(Debug, Clone, Copy)]
struct Prog {
    start: u32,
    groups: u32,
}

/// The programs of every pattern, sharing one arena; instruction 0 is `Fail`.
struct Programs {
    arena: Vec<Inst>,
    by_pattern: HashMap<String, Prog>,
}

impl Programs {
    fn new() -> Programs {
        Programs {
            arena: vec![Inst::Fail],
            by_pattern: HashMap::new(),
        }
    }

    /// Compiles `pattern` (once per distinct text) and returns its program.
    fn compile(&mut self, pattern: &str) -> Prog {
        if let Some(p) = self.by_pattern.get(pattern) {
            return *p;
        }
        let nfa = thompson::Compiler::new()
            .syntax(
                syntax::Config::new()
                    .ignore_whitespace(true)
                    .unicode(false)
                    .utf8(false),
            )
            .configure(
                thompson::Config::new()
                    .which_captures(WhichCaptures::All)
                    .shrink(false)
                    .utf8(false),
            )
            .build(pattern)
            .unwrap_or_else(|e| panic!("metadata pattern {pattern:?} does not compile: {e}"));
        let lo = self.arena.len() as u32;
        let n = nfa.states().len() as u32;
        // NFA state i becomes instruction lo + i; unions of more than two alternates and
        // classes with several targets get extra instructions after them.
        self.arena
            .extend(std::iter::repeat_n(Inst::Fail, n as usize));
        let at = |id: regex_automata::util::primitives::StateID| lo + id.as_u32();
        for (i, state) in nfa.states().iter().enumerate() {
            let inst = match state {
                State::ByteRange { trans } => {
                    let targets = digit_targets(&[(trans.start, trans.end, at(trans.next))]);
                    self.class(targets)
                }
                State::Sparse(sparse) => {
                    let ranges: Vec<(u8, u8, u32)> = sparse
                        .transitions
                        .iter()
                        .map(|t| (t.start, t.end, at(t.next)))
                        .collect();
                    self.class(digit_targets(&ranges))
                }
                State::Dense(dense) => {
                    let ranges: Vec<(u8, u8, u32)> = dense
                        .transitions
                        .iter()
                        .enumerate()
                        .map(|(b, next)| (b as u8, b as u8, at(*next)))
                        .filter(|t| t.2 != lo)
                        .collect();
                    self.class(digit_targets(&ranges))
                }
                State::Look { look, next } => match look {
                    Look::End => Inst::End(at(*next)),
                    other => panic!("pattern {pattern:?} uses the assertion {other:?}"),
                },
                State::Union { alternates } => {
                    let alts: Vec<u32> = alternates.iter().map(|a| at(*a)).collect();
                    self.union(&alts)
                }
                State::BinaryUnion { alt1, alt2 } => Inst::Split(at(*alt1), at(*alt2)),
                State::Capture { next, slot, .. } => {
                    Inst::Save(u8::try_from(slot.as_usize()).expect("slot"), at(*next))
                }
                State::Fail => Inst::Fail,
                State::Match { .. } => Inst::Match,
            };
            self.arena[lo as usize + i] = inst;
        }
        let prog = Prog {
            start: at(nfa.start_anchored()),
            groups: nfa.group_info().group_len(regex_automata::PatternID::ZERO) as u32,
        };
        self.by_pattern.insert(pattern.to_owned(), prog);
        prog
    }

    /// Whether the program can match the empty text (assertions taken as met).
    fn matches_empty(&self, prog: Prog) -> bool {
        let mut seen = std::collections::HashSet::new();
        let mut stack = vec![prog.start];
        while let Some(ip) = stack.pop() {
            if !seen.insert(ip) {
                continue;
            }
            match self.arena[ip as usize] {
                Inst::Match => return true,
                Inst::Fail | Inst::Digit(..) => {}
                Inst::Split(a, b) => stack.extend([a, b]),
                Inst::Save(_, next) | Inst::End(next) => stack.push(next),
            }
        }
        false
    }

    /// An instruction taking one digit of several masks to their targets.
    fn class(&mut self, targets: Vec<(u16, u32)>) -> Inst {
        match targets.as_slice() {
            [] => Inst::Fail,
            [(mask, next)] => Inst::Digit(*mask, *next),
            _ => {
                // Disjoint masks: at most one can step, so their order does not matter.
                let alts: Vec<u32> = targets
                    .iter()
                    .map(|&(mask, next)| {
                        self.arena.push(Inst::Digit(mask, next));
                        self.arena.len() as u32 - 1
                    })
                    .collect();
                self.union(&alts)
            }
        }
    }

    /// Alternates in order of preference, as a chain of binary splits.
    fn union(&mut self, alts: &[u32]) -> Inst {
        match alts {
            [] => Inst::Fail,
            [only] => Inst::Split(*only, 0),
            [first, second] => Inst::Split(*first, *second),
            [first, rest @ ..] => {
                let tail = self.union(rest);
                self.arena.push(tail);
                Inst::Split(*first, self.arena.len() as u32 - 1)
            }
        }
    }
}

/// The digits of byte ranges, grouped by target: `(mask, target)`.
fn digit_targets(ranges: &[(u8, u8, u32)]) -> Vec<(u16, u32)> {
    let mut by_target: BTreeMap<u32, u16> = BTreeMap::new();
    for &(start, end, next) in ranges {
        for d in 0..10u8 {
            let b = b'0' + d;
            if start <= b && b <= end {
                *by_target.entry(next).or_default() |= 1 << d;
            }
        }
    }
    by_target
        .into_iter()
        .map(|(next, mask)| (mask, next))
        .collect()
}

/// How a pattern of an automaton is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    /// The whole text.
    Whole,
    /// A prefix of the text (Java's `lookingAt`, as a yes/no).
    Prefix,
}

/// A deterministic automaton over the ten digits: `next[state][digit]`, and per state the set
/// of patterns (bits) that match when the text ends there. State 0 is dead.
struct Dfa {
    next: Vec<[u32; 10]>,
    accept: Vec<u64>,
}

/// Subset construction over the programs of `patterns` (`(bit, program, anchor)`).
fn determinize(programs: &Programs, patterns: &[(u32, Prog, Anchor)]) -> Dfa {
    // Threads, prefix patterns already matched, whole patterns matching here.
    type Key = (Vec<(u32, u32)>, u64, u64);
    let arena = &programs.arena;
    // The threads after following every non-consuming instruction, and the patterns that
    // reached `Match`.
    let closure = |threads: &[(u32, u32)]| -> (Vec<(u32, u32)>, u64) {
        let mut seen = std::collections::HashSet::new();
        let mut stack: Vec<(u32, u32)> = threads.to_vec();
        let mut out = Vec::new();
        let mut matched = 0u64;
        while let Some((bit, ip)) = stack.pop() {
            if !seen.insert((bit, ip)) {
                continue;
            }
            match arena[ip as usize] {
                Inst::Fail => {}
                Inst::Match => matched |= 1 << bit,
                Inst::Digit(..) => out.push((bit, ip)),
                Inst::Split(a, b) => {
                    stack.push((bit, b));
                    stack.push((bit, a));
                }
                Inst::Save(_, next) => stack.push((bit, next)),
                Inst::End(_) => {
                    panic!("an assertion in a pattern matched by an automaton")
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        (out, matched)
    };
    let prefix_bits: u64 = patterns
        .iter()
        .filter(|p| p.2 == Anchor::Prefix)
        .fold(0, |m, p| m | 1 << p.0);

    let mut states: Vec<Key> = vec![(Vec::new(), 0, 0)];
    let mut ids: HashMap<Key, u32> = HashMap::new();
    ids.insert((Vec::new(), 0, 0), 0);
    let mut dfa = Dfa {
        next: vec![[0; 10]],
        accept: vec![0],
    };
    let starts: Vec<(u32, u32)> = patterns.iter().map(|p| (p.0, p.1.start)).collect();
    let (threads, matched) = closure(&starts);
    let start_key: Key = (threads, matched & prefix_bits, matched);
    let mut add = |key: Key, states: &mut Vec<Key>, dfa: &mut Dfa| -> u32 {
        if let Some(&id) = ids.get(&key) {
            return id;
        }
        let id = states.len() as u32;
        ids.insert(key.clone(), id);
        dfa.accept.push(key.1 | key.2);
        dfa.next.push([0; 10]);
        states.push(key);
        id
    };
    add(start_key, &mut states, &mut dfa);
    let mut todo = 1;
    while todo < states.len() {
        let (threads, sticky, _) = states[todo].clone();
        for d in 0..10u16 {
            let stepped: Vec<(u32, u32)> = threads
                .iter()
                .filter_map(|&(bit, ip)| match arena[ip as usize] {
                    Inst::Digit(mask, next) if mask & (1 << d) != 0 => Some((bit, next)),
                    _ => None,
                })
                .collect();
            let (next_threads, matched) = closure(&stepped);
            let key: Key = (next_threads, sticky | (matched & prefix_bits), matched);
            let id = if key.0.is_empty() && key.1 == 0 && key.2 == 0 {
                0
            } else {
                add(key, &mut states, &mut dfa)
            };
            dfa.next[todo][d as usize] = id;
        }
        todo += 1;
    }
    dfa
}

/// A minimized automaton: transitions, outputs and start state (state 0 is dead).
struct Minimal {
    next: Vec<[u32; 10]>,
    out: Vec<u32>,
    start: u32,
}

/// Moore minimization of `dfa` for the output `out(accept)`: states with the same output whose
/// digits lead to equivalent states are merged.
fn minimize(dfa: &Dfa, out: impl Fn(u64) -> u32) -> Minimal {
    let n = dfa.next.len();
    let outputs: Vec<u32> = dfa.accept.iter().map(|&a| out(a)).collect();
    // Classes are numbered in order of first appearance, so the dead state 0 stays 0.
    let number = |keys: &mut dyn Iterator<Item = (u32, Vec<u32>)>| -> (Vec<u32>, usize) {
        let mut ids: HashMap<(u32, Vec<u32>), u32> = HashMap::new();
        let classes = keys
            .map(|k| {
                let next_id = ids.len() as u32;
                *ids.entry(k).or_insert(next_id)
            })
            .collect();
        (classes, ids.len())
    };
    let (mut class, mut count) = number(&mut (0..n).map(|s| (outputs[s], Vec::new())));
    loop {
        let (refined, new_count) = number(&mut (0..n).map(|s| {
            let mut sig = vec![class[s]];
            sig.extend(dfa.next[s].iter().map(|&t| class[t as usize]));
            (0, sig)
        }));
        class = refined;
        if new_count == count {
            break;
        }
        count = new_count;
    }
    assert_eq!(class[0], 0, "the dead state keeps number 0");
    let mut next = vec![[0u32; 10]; count];
    let mut outs = vec![0u32; count];
    for s in 0..n {
        let c = class[s] as usize;
        next[c] = dfa.next[s].map(|t| class[t as usize]);
        outs[c] = outputs[s];
    }
    Minimal {
        next,
        out: outs,
        start: class.get(1).copied().unwrap_or(0),
    }
}

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
struct Automata {
    bytes: Vec<u8>,
    /// Rust source of each automaton's `Automaton`, but for its `rows` (see `spans`).
    list: Vec<String>,
    /// Where each automaton's bytes are in `bytes` (start, length) while they are added in
    /// order of creation.
    spans: Vec<(usize, usize)>,
    /// Automata already added (identical ones are shared), by their transitions, outputs and
    /// start.
    seen: HashMap<String, usize>,
    palette: Vec<u32>,
    states: usize,
}

impl Automata {
    fn new() -> Automata {
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
    fn add(&mut self, m: Minimal) -> u16 {
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
    fn finish(&mut self) {
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
fn length_bits(lengths: &[u16]) -> u32 {
    lengths.iter().fold(0, |m, &l| {
        assert!(l < 32, "a possible length of {l} digits");
        m | 1 << l
    })
}

/// A Java replacement string (`$1 $2`) in the `regex` crate's syntax (`${1} ${2}`), as the
/// engine converted it at run time before.
fn java_replacement(rule: &str) -> String {
    let mut out = String::with_capacity(rule.len() + 8);
    let mut chars = rule.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('$', Some(d)) if d.is_ascii_digit() => {
                out.push_str("${");
                out.push(*d);
                out.push('}');
                chars.next();
            }
            ('$', _) => out.push_str("$$"),
            _ => out.push(c),
        }
    }
    out
}

/// A format rule (Java syntax) with its first group written through the national prefix
/// formatting rule (`0$1`, `($1)`), as libphonenumber's `formatNsnUsingPattern` does.
fn with_national_prefix(rule: &str, np_rule: &str) -> String {
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

/// A replacement in the `regex` crate's syntax as pieces: text, or a group number (a name that
/// is not a number refers to no group: `u32::MAX`). The `regex` crate's `expand` rules.
fn pieces(replacement: &str) -> Vec<Result<String, u32>> {
    let mut out: Vec<Result<String, u32>> = Vec::new();
    let mut text = String::new();
    let mut rest = replacement;
    while let Some(i) = rest.find('$') {
        text.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.as_bytes().get(1) == Some(&b'$') {
            text.push('$');
            rest = &rest[2..];
            continue;
        }
        let (name, after) = if rest.as_bytes().get(1) == Some(&b'{') {
            match rest[2..].find('}') {
                Some(end) if end > 0 => (&rest[2..2 + end], &rest[3 + end..]),
                _ => {
                    text.push('$');
                    rest = &rest[1..];
                    continue;
                }
            }
        } else {
            let len = rest[1..]
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                .count();
            if len == 0 {
                text.push('$');
                rest = &rest[1..];
                continue;
            }
            (&rest[1..1 + len], &rest[1 + len..])
        };
        if !text.is_empty() {
            out.push(Ok(std::mem::take(&mut text)));
        }
        out.push(Err(name.parse::<u32>().unwrap_or(u32::MAX)));
        rest = after;
    }
    text.push_str(rest);
    if !text.is_empty() {
        out.push(Ok(text));
    }
    out
}

/// A replacement in the `regex` crate's syntax as the engine's rule text: capture group g is
/// the character U+0001 + g; a reference to no group (a name) expands to nothing and is left
/// out.
fn rule_text(replacement: &str) -> String {
    let mut out = String::new();
    for piece in pieces(replacement) {
        match piece {
            Ok(text) => {
                assert!(
                    !text.chars().any(|c| c < ' '),
                    "a control character in the rule {replacement:?}"
                );
                out.push_str(&text);
            }
            Err(group) if group < GROUP_MARKS => out.push(char::from(1 + group as u8)),
            Err(_) => {}
        }
    }
    out
}

/// Groups a rule can name (their marks must stay below the space character).
const GROUP_MARKS: u32 = 30;

/// The programs the engine runs, copied out of the build's arena: only the instructions each
/// reaches, with splits that have nowhere else to go followed through.
struct Runtime {
    insts: Vec<Inst>,
    /// Rust source of each program's `Program`.
    list: Vec<String>,
    /// Each program's start and number of groups.
    starts: Vec<(u32, u32)>,
    index: HashMap<String, u16>,
    max_groups: u32,
}

impl Runtime {
    fn new() -> Runtime {
        Runtime {
            insts: vec![Inst::Fail],
            list: Vec::new(),
            starts: Vec::new(),
            index: HashMap::new(),
            max_groups: 1,
        }
    }

    /// [`straight_slots`] of an exported program.
    fn fixed_slots(&self, program: u16) -> Option<Vec<u8>> {
        let (start, groups) = self.starts[usize::from(program)];
        straight_slots(&self.insts, start, groups)
    }

    /// [`straight_slots`] of a pattern's program, exported or not.
    fn fixed_slots_of(&self, programs: &Programs, pattern: &str) -> Option<Vec<u8>> {
        let prog = programs.by_pattern[pattern];
        straight_slots(&programs.arena, prog.start, prog.groups)
    }

    /// The number of `pattern`'s program for the engine.
    fn program(&mut self, programs: &mut Programs, pattern: &str) -> u16 {
        if let Some(&i) = self.index.get(pattern) {
            return i;
        }
        let prog = programs.compile(pattern);
        let arena = &programs.arena;
        let resolve = |mut ip: u32| {
            while let Inst::Split(next, 0) = arena[ip as usize] {
                ip = next;
            }
            ip
        };
        // Reachable instructions, numbered in order of discovery from the start.
        let lo = self.insts.len() as u32;
        let mut map: HashMap<u32, u32> = HashMap::from([(0, 0)]);
        let mut order = Vec::new();
        let mut todo = vec![resolve(prog.start)];
        while let Some(ip) = todo.pop() {
            if map.contains_key(&ip) {
                continue;
            }
            map.insert(ip, lo + order.len() as u32);
            order.push(ip);
            match arena[ip as usize] {
                Inst::Fail | Inst::Match => {}
                Inst::Digit(_, next) | Inst::Save(_, next) | Inst::End(next) => {
                    todo.push(resolve(next))
                }
                Inst::Split(a, b) => {
                    todo.push(resolve(b));
                    todo.push(resolve(a));
                }
            }
        }
        let at = |ip: u32| map[&resolve(ip)];
        for &ip in &order {
            self.insts.push(match arena[ip as usize] {
                Inst::Digit(mask, next) => Inst::Digit(mask, at(next)),
                Inst::Split(a, b) => Inst::Split(at(a), at(b)),
                Inst::Save(slot, next) => Inst::Save(slot, at(next)),
                Inst::End(next) => Inst::End(at(next)),
                other => other,
            });
        }
        self.max_groups = self.max_groups.max(prog.groups);
        self.starts.push((map[&resolve(prog.start)], prog.groups));
        let i = self.starts.len() as u16 - 1;
        self.list.push(format!(
            "Program {{ start: {}, lo: {lo}, len: {}, groups: {}, straight: {} }}",
            map[&resolve(prog.start)],
            order.len(),
            prog.groups,
            self.fixed_slots(i).is_some()
        ));
        self.index.insert(pattern.to_owned(), i);
        i
    }
}

/// When the program from `start` is a straight line (digits and groups, no alternatives),
/// where each capture slot is set (255: never); else `None`.
fn straight_slots(insts: &[Inst], start: u32, groups: u32) -> Option<Vec<u8>> {
    let mut slots = vec![255u8; 2 * groups as usize];
    let mut ip = start;
    let mut at = 0u8;
    for _ in 0..insts.len() {
        match insts[ip as usize] {
            Inst::Match => return Some(slots),
            Inst::Digit(_, next) => {
                at += 1;
                ip = next;
            }
            Inst::Save(slot, next) => {
                *slots.get_mut(usize::from(slot))? = at;
                ip = next;
            }
            // A split with nowhere else to go is a jump.
            Inst::Split(next, 0) => ip = next,
            Inst::Fail | Inst::Split(..) | Inst::End(_) => return None,
        }
    }
    None
}

/// Everything the generator builds up.
struct Generator {
    programs: Programs,
    runtime: Runtime,
    automata: Automata,
    /// Rust source of each `Format`.
    formats: Vec<String>,
    /// Where each format's capture slots are set, for straight-line patterns: a count, then
    /// the positions (offset 0 is the empty list).
    fixed: Vec<u8>,
    /// Replacement rules (see [`rule_text`]), deduplicated.
    rules: Vec<String>,
    /// Sets of lengths (bit n for n digits), deduplicated; 0 first.
    lengths: Vec<u32>,
}

impl Generator {
    /// The number of a rule.
    fn rule(&mut self, replacement: &str) -> u16 {
        self.text(rule_text(replacement))
    }

    /// The number of a rule that is plain text (no capture groups), as given.
    fn plain(&mut self, text: &str) -> u16 {
        assert!(
            !text.chars().any(|c| c < ' '),
            "a control character in {text:?}"
        );
        self.text(text.to_owned())
    }

    fn text(&mut self, text: String) -> u16 {
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
    fn lengths(&mut self, set: u32) -> u8 {
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
    fn fixed(&mut self, slots: &[u8]) -> u16 {
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

/// When the pattern matches exactly the digit strings of some lengths (`(\d{3})(\d{4})`), those
/// lengths.
fn length_only(programs: &Programs, prog: Prog) -> Option<u32> {
    let m = minimize(&determinize(programs, &[(0, prog, Anchor::Whole)]), |a| {
        a as u32
    });
    let mut lengths = 0u32;
    let mut state = m.start as usize;
    for depth in 0..32 {
        if state == 0 {
            return Some(lengths);
        }
        let row = m.next[state];
        if row.iter().any(|&t| t != row[0]) {
            return None;
        }
        if m.out[state] != 0 {
            lengths |= 1 << depth;
        }
        state = row[0] as usize;
    }
    None
}

/// Rust source of one list of formats (`Formats`), its entries added to `g.formats`.
fn formats_src(formats: &[Format], national: bool, g: &mut Generator) -> String {
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
        g.formats.push(format!(
            "Format {{ program: {program}, lengths: {lengths}, fixed: {fixed}, rule: {rule}, \
             has_leading: {} }}",
            leading.is_some()
        ));
    }
    // Which formats' leading digits match a prefix (bit i for format i).
    let dfa = determinize(&g.programs, &patterns);
    let leading = g.automata.add(minimize(&dfa, |a| a as u32));
    format!(
        "Formats {{ leading: {leading}, first: {first}, count: {} }}",
        formats.len()
    )
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={METADATA}");
    let text = std::fs::read_to_string(METADATA).expect("read build/phone_metadata.json");
    let metadata: Metadata = serde_json::from_str(&text).expect("parse build/phone_metadata.json");

    let mut g = Generator {
        programs: Programs::new(),
        runtime: Runtime::new(),
        automata: Automata::new(),
        formats: Vec::new(),
        fixed: vec![0],
        rules: Vec::new(),
        lengths: vec![0],
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
        assert!(code < 1000 && code >= previous, "regions out of calling code order");
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
        ..
    } = g;
    automata.finish();
    assert!(
        runtime.insts.len() < u16::MAX as usize,
        "programs overflow u16"
    );
    assert!(
        runtime.max_groups < GROUP_MARKS,
        "more groups than rules can name"
    );

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
    // Targets relative to the instruction (they compress far better than absolute ones);
    // `i16::MIN` is the shared `Fail`.
    let rel = |ip: usize, target: u32| -> i16 {
        if target == 0 {
            i16::MIN
        } else {
            i16::try_from(i64::from(target) - ip as i64).expect("a jump overflows i16")
        }
    };
    let insts: Vec<String> = runtime
        .insts
        .iter()
        .enumerate()
        .map(|(ip, inst)| match *inst {
            Inst::Fail => "Op::Fail".to_owned(),
            Inst::Match => "Op::Match".to_owned(),
            Inst::Digit(mask, next) => format!("Op::Digit({mask}, {})", rel(ip, next)),
            Inst::Split(a, b) => format!("Op::Split({}, {})", rel(ip, a), rel(ip, b)),
            Inst::Save(slot, next) => format!("Op::Save({slot}, {})", rel(ip, next)),
            Inst::End(next) => format!("Op::End({})", rel(ip, next)),
        })
        .collect();
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
    writeln!(
        src,
        "pub(super) const MAX_GROUPS: usize = {};",
        runtime.max_groups
    )
    .unwrap();

    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out_dir.join("phone_tables.rs"), src).expect("write phone_tables.rs");
    std::fs::write(out_dir.join("phone_dfa.bin"), &automata.bytes).expect("write phone_dfa.bin");
    eprintln!(
        "phone tables: {} regions, {} formats, {} programs ({} instructions), {} automata \
         ({} states, {} bytes)",
        regions_src.len(),
        formats.len(),
        runtime.list.len(),
        runtime.insts.len(),
        automata.list.len(),
        automata.states,
        automata.bytes.len()
    );
}

/// Rust source of one region's `Meta`.
fn region_src(region: &Region, g: &mut Generator) -> String {
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
fn opt_u(i: Option<u16>) -> String {
    match i {
        Some(i) => format!("Some({i})"),
        None => "None".to_owned(),
    }
}
