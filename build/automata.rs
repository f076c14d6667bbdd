//! Stage 3: minimizing automata. Where only "does the whole number (or a prefix of it) match"
//! is asked, patterns' programs are determinized together into one automaton over the digits,
//! whose states say which patterns match, and minimized.

use std::collections::HashMap;

use crate::patterns::{Inst, Prog, Programs};

/// How a pattern of an automaton is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// The whole text.
    Whole,
    /// A prefix of the text (Java's `lookingAt`, as a yes/no).
    Prefix,
}

/// A deterministic automaton over the ten digits: `next[state][digit]`, and per state the set
/// of patterns (bits) that match when the text ends there. State 0 is dead.
pub(crate) struct Dfa {
    pub(crate) next: Vec<[u32; 10]>,
    pub(crate) accept: Vec<u64>,
}

/// Subset construction over the programs of `patterns` (`(bit, program, anchor)`).
pub(crate) fn determinize(programs: &Programs, patterns: &[(u32, Prog, Anchor)]) -> Dfa {
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
pub(crate) struct Minimal {
    pub(crate) next: Vec<[u32; 10]>,
    pub(crate) out: Vec<u32>,
    pub(crate) start: u32,
}

/// Moore minimization of `dfa` for the output `out(accept)`: states with the same output whose
/// digits lead to equivalent states are merged.
pub(crate) fn minimize(dfa: &Dfa, out: impl Fn(u64) -> u32) -> Minimal {
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

/// When the pattern matches exactly the digit strings of some lengths (`(\d{3})(\d{4})`), those
/// lengths.
pub(crate) fn length_only(programs: &Programs, prog: Prog) -> Option<u32> {
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
