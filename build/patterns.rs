//! Stage 2: compiling patterns. Every metadata pattern is compiled with `regex-automata`'s
//! Thompson compiler (the one the `regex` crate itself uses, with `ignore_whitespace`) and
//! rewritten over the alphabet of the ten ASCII digits, the only input the engine ever matches,
//! into [`Inst`]s in one arena. Those whose match position or capture groups the engine needs
//! (format patterns, national prefix for parsing, international prefix) are copied out as
//! programs for its backtracking matcher ([`Runtime`]); replacement rules are rewritten for it.

use std::collections::{BTreeMap, HashMap};

use regex_automata::nfa::thompson::{self, State, WhichCaptures};
use regex_automata::util::look::Look;
use regex_automata::util::syntax;

use crate::layout::GROUP_MARKS;

/// One instruction of a backtracking program, its targets absolute in the arena (written out
/// as `layout::Op`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Inst {
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
pub(crate) struct Prog {
    pub(crate) start: u32,
    pub(crate) groups: u32,
}

/// The programs of every pattern, sharing one arena; instruction 0 is `Fail`.
pub(crate) struct Programs {
    pub(crate) arena: Vec<Inst>,
    pub(crate) by_pattern: HashMap<String, Prog>,
}

impl Programs {
    pub(crate) fn new() -> Programs {
        Programs {
            arena: vec![Inst::Fail],
            by_pattern: HashMap::new(),
        }
    }

    /// Compiles `pattern` (once per distinct text) and returns its program.
    pub(crate) fn compile(&mut self, pattern: &str) -> Prog {
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
    pub(crate) fn matches_empty(&self, prog: Prog) -> bool {
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
    pub(crate) fn class(&mut self, targets: Vec<(u16, u32)>) -> Inst {
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
    pub(crate) fn union(&mut self, alts: &[u32]) -> Inst {
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
pub(crate) fn digit_targets(ranges: &[(u8, u8, u32)]) -> Vec<(u16, u32)> {
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

/// A Java replacement string (`$1 $2`) in the `regex` crate's syntax (`${1} ${2}`), as the
/// engine converted it at run time before.
pub(crate) fn java_replacement(rule: &str) -> String {
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

/// A replacement in the `regex` crate's syntax as pieces: text, or a group number (a name that
/// is not a number refers to no group: `u32::MAX`). The `regex` crate's `expand` rules.
pub(crate) fn pieces(replacement: &str) -> Vec<Result<String, u32>> {
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
pub(crate) fn rule_text(replacement: &str) -> String {
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

/// The programs the engine runs, copied out of the build's arena: only the instructions each
/// reaches, with splits that have nowhere else to go followed through.
pub(crate) struct Runtime {
    pub(crate) insts: Vec<Inst>,
    /// Rust source of each program's `Program`.
    pub(crate) list: Vec<String>,
    /// Each program's start and number of groups.
    pub(crate) starts: Vec<(u32, u32)>,
    pub(crate) index: HashMap<String, u16>,
    pub(crate) max_groups: u32,
}

impl Runtime {
    pub(crate) fn new() -> Runtime {
        Runtime {
            insts: vec![Inst::Fail],
            list: Vec::new(),
            starts: Vec::new(),
            index: HashMap::new(),
            max_groups: 1,
        }
    }

    /// [`straight_slots`] of an exported program.
    pub(crate) fn fixed_slots(&self, program: u16) -> Option<Vec<u8>> {
        let (start, groups) = self.starts[usize::from(program)];
        straight_slots(&self.insts, start, groups)
    }

    /// [`straight_slots`] of a pattern's program, exported or not.
    pub(crate) fn fixed_slots_of(&self, programs: &Programs, pattern: &str) -> Option<Vec<u8>> {
        let prog = programs.by_pattern[pattern];
        straight_slots(&programs.arena, prog.start, prog.groups)
    }

    /// The number of `pattern`'s program for the engine.
    pub(crate) fn program(&mut self, programs: &mut Programs, pattern: &str) -> u16 {
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
pub(crate) fn straight_slots(insts: &[Inst], start: u32, groups: u32) -> Option<Vec<u8>> {
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

/// libphonenumber's as-you-type template of a format: the pattern's first match in
/// `999999999999999` rewritten by the format's rule, each `9` a
/// [`crate::layout::DIGIT_PLACEHOLDER`]; and how many digits that match took. `None` when the
/// pattern does not match there.
pub(crate) fn template(pattern: &str, format: &str) -> Option<(String, u8)> {
    use regex_automata::nfa::thompson::pikevm::PikeVM;
    const LONGEST: &str = "999999999999999";
    let vm = PikeVM::builder()
        .syntax(
            syntax::Config::new()
                .ignore_whitespace(true)
                .unicode(false)
                .utf8(false),
        )
        .build(pattern)
        .unwrap_or_else(|e| panic!("format pattern {pattern:?} does not compile: {e}"));
    let mut cache = vm.create_cache();
    let mut caps = vm.create_captures();
    vm.captures(&mut cache, LONGEST, &mut caps);
    let whole = caps.get_group(0)?;
    let matched = &LONGEST[whole.range()];
    // Java's `replaceAll` on the matched text: the one match, rewritten.
    let mut out = String::new();
    for piece in pieces(&java_replacement(format)) {
        match piece {
            Ok(text) => out.push_str(&text),
            Err(g) => {
                if let Some(span) = caps.get_group(g as usize) {
                    out.push_str(&LONGEST[span.range()]);
                }
            }
        }
    }
    let template = out.replace('9', &crate::layout::DIGIT_PLACEHOLDER.to_string());
    Some((template, u8::try_from(matched.len()).ok()?))
}
