//! The keys seen so far (the ones each API rejects a second time with `409 Conflict`) and the
//! row that had each first, compared exactly.
//!
//! A Contactship key (an E.164 number: `+` and at most 15 digits, the first not 0) is the number
//! its digits write, under 2⁵⁰; its hash is a bijection of it, whose top 8 bits pick the shard,
//! so a slot needs only the other 42 and the row: 10 bytes (about 12.7 a key at 70 – 88% full),
//! ten million keys in about 127 MB.
//!
//! Any other key (an SDR Agent email address) is stored as its bytes, in an arena per shard,
//! with its domain written as the number of that domain among those seen (a file has few
//! domains: `ana@gmail.com` takes the bytes of `ana` and one or two more). A slot is 32 bits of
//! the key's hash, its place in the arena and the row; keys whose hashes agree are compared
//! byte for byte, so two different addresses are never taken for one.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// The bits of a number key: E.164 numbers have at most 15 digits, under 2⁵⁰.
const NUMBER_BITS: u32 = 50;
const NUMBER_MASK: u64 = (1 << NUMBER_BITS) - 1;
/// The bits of a number's hash its slot keeps; the other 8 pick its shard.
const REST_BITS: u32 = NUMBER_BITS - SHARDS.trailing_zeros();

/// A bijection of the numbers under 2⁵⁰ that spreads them (splitmix64's finalizer, each step
/// within 50 bits: a shift-xor, a product by an odd constant), so that a number's shard and
/// the rest of its hash give it back: the slot stores that rest, not the number.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 25;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9) & NUMBER_MASK;
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb) & NUMBER_MASK;
    x ^ (x >> 31)
}

/// The number an E.164 key writes, when it is one (`+`, then 1 – 15 digits, the first not 0:
/// so different keys are different numbers, each under 2⁵⁰).
fn number(key: &str) -> Option<u64> {
    let digits = key.strip_prefix('+')?;
    let exact = (1..=15).contains(&digits.len())
        && !digits.starts_with('0')
        && digits.bytes().all(|b| b.is_ascii_digit());
    exact.then(|| digits.parse().ok()).flatten()
}

const SHARDS: usize = 256;

/// A slot of a shard's table; row 0 is an empty slot (rows are numbered from 1).
trait Slot: Copy {
    const EMPTY: Self;
    fn row(&self) -> u32;
}

/// A text key's slot: `[hash, place in the arena, row]`.
type TextSlot = [u32; 3];

impl Slot for TextSlot {
    const EMPTY: Self = [0; 3];
    fn row(&self) -> u32 {
        self[2]
    }
}

/// A number key's slot, 10 bytes: the rest of its hash (42 bits), then the row (32 bits).
#[derive(Clone, Copy)]
struct NumberSlot([u8; 10]);

impl NumberSlot {
    fn new(rest: u64, row: u32) -> Self {
        let packed = u128::from(rest) | (u128::from(row) << REST_BITS);
        let mut bytes = [0; 10];
        bytes.copy_from_slice(&packed.to_le_bytes()[..10]);
        NumberSlot(bytes)
    }

    fn packed(&self) -> u128 {
        let mut bytes = [0; 16];
        bytes[..10].copy_from_slice(&self.0);
        u128::from_le_bytes(bytes)
    }

    fn rest(&self) -> u64 {
        (self.packed() & ((1 << REST_BITS) - 1)) as u64
    }
}

impl Slot for NumberSlot {
    const EMPTY: Self = NumberSlot([0; 10]);
    fn row(&self) -> u32 {
        (self.packed() >> REST_BITS) as u32
    }
}

/// One shard's slots: open addressing with linear probing.
struct Slots<S> {
    slots: Vec<S>,
    len: usize,
}

impl<S> Default for Slots<S> {
    fn default() -> Self {
        Slots {
            slots: Vec::new(),
            len: 0,
        }
    }
}

impl<S: Slot> Slots<S> {
    /// The row of the entry `same` recognizes, searched from the home of `hash`; or, when
    /// there is none, `entry` stored there. `home` gives a stored slot's hash, for growing.
    fn find_or_insert(
        &mut self,
        hash: u32,
        entry: S,
        same: impl Fn(&S) -> bool,
        home: impl Fn(&S) -> u32,
    ) -> Option<u32> {
        // At most 7/8 full, growing by a quarter: 70 - 88% full.
        if (self.len + 1) * 8 > self.slots.len() * 7 {
            self.grow(&home);
        }
        let n = self.slots.len();
        let mut i = index(hash, n);
        loop {
            let slot = &mut self.slots[i];
            if slot.row() == 0 {
                *slot = entry;
                self.len += 1;
                return None;
            }
            if same(slot) {
                return Some(slot.row());
            }
            i += 1;
            if i == n {
                i = 0;
            }
        }
    }

    fn grow(&mut self, home: &impl Fn(&S) -> u32) {
        let size = (self.slots.len() * 5 / 4).max(64);
        let old = std::mem::replace(&mut self.slots, vec![S::EMPTY; size]);
        for slot in old.into_iter().filter(|s| s.row() != 0) {
            let mut i = index(home(&slot), size);
            while self.slots[i].row() != 0 {
                i = if i + 1 == size { 0 } else { i + 1 };
            }
            self.slots[i] = slot;
        }
    }
}

/// Lemire's fast range: the slot count need not be a power of two.
fn index(hash: u32, n: usize) -> usize {
    ((u64::from(hash) * n as u64) >> 32) as usize
}

/// One shard of text keys: the slots, and the keys' bytes (each its length, then itself).
#[derive(Default)]
struct Texts {
    slots: Slots<TextSlot>,
    arena: Vec<u8>,
}

/// The keys of the rows seen so far, each with the first row that had it.
pub struct Seen {
    numbers: Vec<Slots<NumberSlot>>,
    texts: Vec<Texts>,
    /// The domains of the text keys, numbered from 1 as they come.
    domains: HashMap<Box<str>, u32>,
    /// Text keys past a shard's 4 GiB of arena (never, in practice), by their bytes.
    overflow: HashMap<Box<[u8]>, u32>,
    /// The encoded key being looked up (reused).
    scratch: Vec<u8>,
}

impl Default for Seen {
    fn default() -> Self {
        Seen {
            numbers: (0..SHARDS).map(|_| Slots::default()).collect(),
            texts: (0..SHARDS).map(|_| Texts::default()).collect(),
            domains: HashMap::new(),
            overflow: HashMap::new(),
            scratch: Vec::new(),
        }
    }
}

impl Seen {
    /// Records `row` as having `key`, unless an earlier row did: then that row.
    pub fn first_or_insert(&mut self, key: &str, row: u64) -> Option<u64> {
        // Rows past 2³² - 1 share the last number (a file that long is not a spreadsheet).
        let row = u32::try_from(row).unwrap_or(u32::MAX).max(1);
        match number(key) {
            Some(n) => self.number(n, row),
            None => self.text(key, row),
        }
        .map(u64::from)
    }

    fn number(&mut self, key: u64, row: u32) -> Option<u32> {
        let h = mix(key);
        let rest = h & ((1 << REST_BITS) - 1);
        self.numbers[(h >> REST_BITS) as usize % SHARDS].find_or_insert(
            rest as u32,
            NumberSlot::new(rest, row),
            |s| s.rest() == rest,
            |s| s.rest() as u32,
        )
    }

    fn text(&mut self, key: &str, row: u32) -> Option<u32> {
        // The key as stored: its domain's number (0 for none), then the rest of its bytes.
        let mut encoded = std::mem::take(&mut self.scratch);
        encoded.clear();
        match key.rsplit_once('@') {
            Some((local, domain)) => {
                let next = self.domains.len() as u32 + 1;
                let id = *self.domains.entry(domain.into()).or_insert(next);
                varint(&mut encoded, id as usize);
                encoded.extend_from_slice(local.as_bytes());
            }
            None => {
                varint(&mut encoded, 0);
                encoded.extend_from_slice(key.as_bytes());
            }
        }
        let found = self.text_encoded(&encoded, row);
        self.scratch = encoded;
        found
    }

    fn text_encoded(&mut self, encoded: &[u8], row: u32) -> Option<u32> {
        #[allow(deprecated)] // SipHasher: a fixed, well-mixed 64-bit hash, the same on every run.
        let mut hasher = std::hash::SipHasher::new();
        encoded.hash(&mut hasher);
        let h = hasher.finish();
        let shard = &mut self.texts[(h >> 56) as usize % SHARDS];
        if let Ok(found) = shard.find_or_insert(h as u32, encoded, row) {
            return found;
        }
        // The shard's arena is full: a key not in it goes to the overflow map.
        if let Some(first) = shard.find(h as u32, encoded) {
            return Some(first);
        }
        match self.overflow.entry(encoded.into()) {
            Entry::Occupied(first) => Some(*first.get()),
            Entry::Vacant(slot) => {
                slot.insert(row);
                None
            }
        }
    }
}

/// A shard's arena has no room left for 32-bit offsets.
struct ArenaFull;

impl Texts {
    /// [`Slots::find_or_insert`] of an encoded text key, its bytes stored when it is new.
    fn find_or_insert(
        &mut self,
        hash: u32,
        encoded: &[u8],
        row: u32,
    ) -> Result<Option<u32>, ArenaFull> {
        let offset = u32::try_from(self.arena.len()).map_err(|_| ArenaFull)?;
        let Texts { slots, arena } = self;
        let found = slots.find_or_insert(
            hash,
            [hash, offset, row],
            |s| s[0] == hash && stored(arena, s[1]) == encoded,
            |s| s[0],
        );
        if found.is_none() {
            varint(arena, encoded.len());
            arena.extend_from_slice(encoded);
        }
        Ok(found)
    }

    /// The row of a key already stored, without inserting it.
    fn find(&self, hash: u32, encoded: &[u8]) -> Option<u32> {
        let slots = &self.slots.slots;
        if slots.is_empty() {
            return None;
        }
        let mut i = index(hash, slots.len());
        loop {
            let s = &slots[i];
            if s.row() == 0 {
                return None;
            }
            if s[0] == hash && stored(&self.arena, s[1]) == encoded {
                return Some(s[2]);
            }
            i = if i + 1 == slots.len() { 0 } else { i + 1 };
        }
    }
}

/// Appends `n` in LEB128 (7 bits a byte, the last without its high bit).
fn varint(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The key stored at `offset` of `arena` (its length, then its bytes).
fn stored(arena: &[u8], offset: u32) -> &[u8] {
    let mut i = offset as usize;
    let mut len = 0usize;
    let mut shift = 0;
    while let Some(&b) = arena.get(i) {
        i += 1;
        len |= usize::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    arena.get(i..i + len).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_keys_are_numbers_and_exact() {
        assert_eq!(number("+12124567890"), Some(12_124_567_890));
        // A leading 0 would make two keys one number: such keys are texts.
        assert_eq!(number("+0123"), None);
        assert_eq!(number("+123a"), None);
        assert_eq!(number("+999999999999999"), Some(999_999_999_999_999));
        assert_eq!(number("+1234567890123456"), None);
        let mut seen = Seen::default();
        assert_eq!(seen.first_or_insert("+123", 2), None);
        assert_eq!(seen.first_or_insert("+0123", 3), None);
        assert_eq!(seen.first_or_insert("+123", 4), Some(2));
        assert_eq!(seen.first_or_insert("+0123", 5), Some(3));
    }

    #[test]
    fn first_row_of_each_number_through_growth() {
        let mut seen = Seen::default();
        for k in 1..200_000u64 {
            assert_eq!(seen.first_or_insert(&format!("+{}", k * 7919), k + 2), None);
        }
        for k in 1..200_000u64 {
            let first = seen.first_or_insert(&format!("+{}", k * 7919), 1_000_000);
            assert_eq!(first, Some(k + 2));
        }
    }

    #[test]
    fn email_keys_are_compared_exactly_through_growth() {
        let mut seen = Seen::default();
        let key = |k: u64| match k % 3 {
            0 => format!("user{k}@gmail.com"),
            1 => format!("user{k}@empresa{}.mx", k % 50),
            _ => format!("no-at-{k}"),
        };
        for k in 0..200_000u64 {
            assert_eq!(seen.first_or_insert(&key(k), k + 2), None, "{}", key(k));
        }
        for k in 0..200_000u64 {
            assert_eq!(seen.first_or_insert(&key(k), 1_000_000), Some(k + 2));
        }
        // The same local part at another domain, and the domain's bytes as a local part.
        assert_eq!(seen.first_or_insert("user0@gmail.co", 9), None);
        assert_eq!(seen.first_or_insert("gmail.com@user0", 10), None);
    }

    #[test]
    fn colliding_hashes_are_told_apart() {
        // Every key with one hash, so in one chain: the bytes must still be compared.
        let mut shard = Texts::default();
        let mut insert = |key: &[u8], row| shard.find_or_insert(7, key, row).ok().flatten();
        assert_eq!(insert(b"a@x.com", 2), None);
        assert_eq!(insert(b"b@x.com", 3), None);
        assert_eq!(insert(b"a@x.com", 4), Some(2));
        assert_eq!(insert(b"b@x.com", 5), Some(3));
        assert_eq!(shard.find(7, b"b@x.com"), Some(3));
        assert_eq!(shard.find(7, b"c@x.com"), None);
    }

    #[test]
    fn number_hashes_are_a_bijection_and_slots_pack_back() {
        let mut seen = std::collections::HashSet::new();
        for k in (0..100_000u64).chain((NUMBER_MASK - 100_000)..=NUMBER_MASK) {
            let h = mix(k);
            assert!(h <= NUMBER_MASK && seen.insert(h), "{k}");
        }
        let slot = NumberSlot::new((1 << REST_BITS) - 1, u32::MAX);
        assert_eq!((slot.rest(), slot.row()), ((1 << REST_BITS) - 1, u32::MAX));
        let slot = NumberSlot::new(12345, 1);
        assert_eq!((slot.rest(), slot.row()), (12345, 1));
        // Long numbers (not E.164) are texts, still exact.
        let mut seen = Seen::default();
        assert_eq!(seen.first_or_insert("+1234567890123456", 2), None);
        assert_eq!(seen.first_or_insert("+1234567890123456", 3), Some(2));
    }

    #[test]
    fn long_keys_round_trip_through_the_arena() {
        let mut arena = Vec::new();
        let long = vec![b'x'; 300];
        varint(&mut arena, long.len());
        arena.extend_from_slice(&long);
        assert_eq!(stored(&arena, 0), long.as_slice());
    }
}
