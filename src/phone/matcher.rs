//! The backtracking matcher of programs ([`Code`]), with libphonenumber's (Java's, and the
//! `regex` crate's leftmost-first) preferences: alternatives in order, greedy repetitions.
//!
//! Most programs never backtrack far (a format is a few fixed-width groups), so a search
//! starts without bookkeeping; past [`BUDGET`] steps it remembers every (instruction,
//! position) pair tried and never tries one twice, so a search takes at most
//! `BUDGET + instructions × (length + 1)` steps whatever the pattern.

use super::tables::{inst, Code, Inst};

/// Steps before a search starts remembering what it tried.
const BUDGET: usize = 256;
/// Frames kept without allocating.
const INLINE: usize = 24;

/// Work left to do while backtracking (positions fit a byte: see [`search`]).
#[derive(Clone, Copy)]
enum Frame {
    /// Try instruction `ip` at position `at`.
    Step { ip: u16, at: u8 },
    /// Put back a capture slot's previous value.
    Restore { slot: u8, value: Option<u8> },
}

/// The backtracking stack: a few frames inline, more on the heap.
struct Stack {
    inline: [Frame; INLINE],
    len: usize,
    spill: Vec<Frame>,
}

impl Stack {
    fn new() -> Stack {
        Stack {
            inline: [Frame::Step { ip: 0, at: 0 }; INLINE],
            len: 0,
            spill: Vec::new(),
        }
    }

    fn push(&mut self, frame: Frame) {
        match self.inline.get_mut(self.len) {
            Some(slot) => {
                *slot = frame;
                self.len += 1;
            }
            None => self.spill.push(frame),
        }
    }

    fn pop(&mut self) -> Option<Frame> {
        if let Some(frame) = self.spill.pop() {
            return Some(frame);
        }
        self.len = self.len.checked_sub(1)?;
        self.inline.get(self.len).copied()
    }

    fn clear(&mut self) {
        self.len = 0;
        self.spill.clear();
    }
}

/// The state of one search (kept across the start positions of an unanchored one: a
/// pair that failed from one start fails from any other).
struct Search<'t> {
    program: Code,
    text: &'t [u8],
    stack: Stack,
    steps: usize,
    /// The (instruction, position) pairs tried, once past the budget.
    visited: Vec<u64>,
}

impl Search<'_> {
    /// Marks the pair as tried; false when it already was.
    fn first_visit(&mut self, ip: u16, at: u8) -> bool {
        if self.steps < BUDGET {
            self.steps += 1;
            return true;
        }
        let stride = self.text.len() + 1;
        if self.visited.is_empty() {
            let pairs = usize::from(self.program.program.len) * stride;
            self.visited = vec![0; pairs.div_ceil(64)];
        }
        // Instruction 0 is the shared `Fail`: nothing to remember.
        let Some(i) = usize::from(ip).checked_sub(usize::from(self.program.program.lo)) else {
            return true;
        };
        let bit = i * stride + usize::from(at);
        match self.visited.get_mut(bit / 64) {
            Some(word) => {
                let mask = 1u64 << (bit % 64);
                let fresh = *word & mask == 0;
                *word |= mask;
                fresh
            }
            None => true,
        }
    }

    /// The preferred match starting at `start` (that ends at the end of the text, if
    /// `whole`), with its groups in `slots`.
    fn at(&mut self, start: u8, whole: bool, slots: &mut [Option<usize>]) -> Option<u8> {
        let groups = 2 * usize::from(self.program.program.groups);
        slots.iter_mut().take(groups).for_each(|s| *s = None);
        self.stack.clear();
        self.stack.push(Frame::Step {
            ip: self.program.program.start,
            at: start,
        });
        let end = u8::try_from(self.text.len()).ok()?;
        while let Some(frame) = self.stack.pop() {
            let (mut ip, mut at) = match frame {
                Frame::Restore { slot, value } => {
                    if let Some(s) = slots.get_mut(usize::from(slot)) {
                        *s = value.map(usize::from);
                    }
                    continue;
                }
                Frame::Step { ip, at } => (ip, at),
            };
            loop {
                if !self.first_visit(ip, at) {
                    break;
                }
                match inst(self.program.ops, ip) {
                    Inst::Fail => break,
                    Inst::Match if whole && at != end => break,
                    Inst::Match => return Some(at),
                    Inst::Digit(mask, next) => match self.text.get(usize::from(at)) {
                        Some(&b) if b.is_ascii_digit() && mask & (1 << (b - b'0')) != 0 => {
                            ip = next;
                            at += 1;
                        }
                        _ => break,
                    },
                    Inst::Split(first, second) => {
                        self.stack.push(Frame::Step { ip: second, at });
                        ip = first;
                    }
                    Inst::Save(slot, next) => {
                        if let Some(s) = slots.get_mut(usize::from(slot)) {
                            let value = s.and_then(|v| u8::try_from(v).ok());
                            self.stack.push(Frame::Restore { slot, value });
                            *s = Some(usize::from(at));
                        }
                        ip = next;
                    }
                    Inst::End(next) if at == end => ip = next,
                    Inst::End(_) => break,
                }
            }
        }
        None
    }
}

/// A search of `program` in `text`, or `None` for a text too long to be a number (the
/// engine never has more than a few dozen digits).
fn search(program: Code, text: &[u8]) -> Option<Search<'_>> {
    (text.len() < usize::from(u8::MAX)).then(|| Search {
        program,
        text,
        stack: Stack::new(),
        steps: 0,
        visited: Vec::new(),
    })
}

/// The end of the preferred match of `program` at the start of `text` (Java's
/// `lookingAt`), with its groups in `slots`.
pub(super) fn run(program: Code, text: &[u8], slots: &mut [Option<usize>]) -> Option<usize> {
    if program.program.straight {
        return straight(program, text, slots);
    }
    search(program, text)?.at(0, false, slots).map(usize::from)
}

/// [`run`] for a straight line: nothing to backtrack.
fn straight(program: Code, text: &[u8], slots: &mut [Option<usize>]) -> Option<usize> {
    let groups = 2 * usize::from(program.program.groups);
    slots.iter_mut().take(groups).for_each(|s| *s = None);
    let mut ip = program.program.start;
    let mut at = 0;
    // At most one step per instruction.
    for _ in 0..=program.program.len {
        match inst(program.ops, ip) {
            Inst::Match => return Some(at),
            Inst::Digit(mask, next) => match text.get(at) {
                Some(&b) if b.is_ascii_digit() && mask & (1 << (b - b'0')) != 0 => {
                    ip = next;
                    at += 1;
                }
                _ => return None,
            },
            Inst::Save(slot, next) => {
                if let Some(s) = slots.get_mut(usize::from(slot)) {
                    *s = Some(at);
                }
                ip = next;
            }
            Inst::End(next) if at == text.len() => ip = next,
            Inst::Fail | Inst::Split(..) | Inst::End(_) => return None,
        }
    }
    None
}

/// Whether `program` matches the whole of `text` (Java's `matches`).
pub(super) fn whole(program: Code, text: &[u8]) -> bool {
    search(program, text).is_some_and(|mut s| s.at(0, true, &mut []).is_some())
}

/// The leftmost-first match of `program` in `text` from `from` on: `(start, end)`, with
/// its groups in `slots`.
pub(super) fn find(
    program: Code,
    text: &[u8],
    from: usize,
    slots: &mut [Option<usize>],
) -> Option<(usize, usize)> {
    let mut search = search(program, text)?;
    let from = u8::try_from(from).ok()?;
    (from..=search.text.len() as u8).find_map(|start| {
        let end = search.at(start, false, slots)?;
        Some((usize::from(start), usize::from(end)))
    })
}
