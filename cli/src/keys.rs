//! The keys seen so far (the ones each API rejects a second time with `409 Conflict`) and the
//! row that had each first, in 12 bytes a slot (about 15 a key): ten million keys take about
//! 150 MB.
//!
//! A Contactship key (an E.164 number: `+` and at most 15 digits) is stored exactly, as the
//! number its digits write. An SDR Agent key (an email address) is stored as its 64-bit SipHash:
//! two different addresses share one with probability about n² / 2⁶⁵ (3 in a million for ten
//! million rows).

use std::hash::{Hash, Hasher};

use contactkit::payload::Target;

/// A key reduced to 64 bits.
pub fn key_of(target: Target, key: &str) -> u64 {
    if target == Target::Contactship {
        if let Some(digits) = key.strip_prefix('+') {
            if (1..=18).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
                if let Ok(n) = digits.parse::<u64>() {
                    // Digits of an E.164 number never start with 0, so the number is exact.
                    return n;
                }
            }
        }
    }
    #[allow(deprecated)] // SipHasher: a fixed, well-mixed 64-bit hash, the same on every run.
    let mut h = std::hash::SipHasher::new();
    key.hash(&mut h);
    h.finish()
}

/// A 64-bit finalizer (splitmix64's), so that the slot and shard of a key are well spread even
/// for phone numbers, which are dense.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const SHARDS: usize = 256;

/// One shard: open addressing with linear probing; a slot is `[key low, key high, row]`, row 0
/// being empty (rows are numbered from 1).
#[derive(Default)]
struct Shard {
    slots: Vec<[u32; 3]>,
    len: usize,
}

impl Shard {
    fn index(&self, h: u64) -> usize {
        // Lemire's fast range: the slot count need not be a power of two.
        (((h & 0xFFFF_FFFF) * self.slots.len() as u64) >> 32) as usize
    }

    fn find_or_insert(&mut self, key: u64, h: u64, row: u32) -> Option<u32> {
        // At most 7/8 full, growing by a quarter: 70 - 88% full, about 15 bytes a key.
        if (self.len + 1) * 8 > self.slots.len() * 7 {
            self.grow();
        }
        let n = self.slots.len();
        let mut i = self.index(h);
        let lo = key as u32;
        let hi = (key >> 32) as u32;
        loop {
            let slot = &mut self.slots[i];
            if slot[2] == 0 {
                *slot = [lo, hi, row];
                self.len += 1;
                return None;
            }
            if slot[0] == lo && slot[1] == hi {
                return Some(slot[2]);
            }
            i += 1;
            if i == n {
                i = 0;
            }
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 5 / 4).max(64);
        let old = std::mem::replace(&mut self.slots, vec![[0; 3]; size]);
        self.len = 0;
        for slot in old.into_iter().filter(|s| s[2] != 0) {
            let key = u64::from(slot[0]) | (u64::from(slot[1]) << 32);
            self.find_or_insert(key, mix(key), slot[2]);
        }
    }
}

/// The keys of the rows seen so far, each with the first row that had it.
pub struct Seen {
    shards: Vec<Shard>,
}

impl Default for Seen {
    fn default() -> Self {
        Seen {
            shards: (0..SHARDS).map(|_| Shard::default()).collect(),
        }
    }
}

impl Seen {
    /// Records `row` as having `key`, unless an earlier row did: then that row.
    pub fn first_or_insert(&mut self, key: u64, row: u64) -> Option<u64> {
        let h = mix(key);
        let shard = &mut self.shards[(h >> 56) as usize % SHARDS];
        // Rows past 2³² - 1 share the last number (a file that long is not a spreadsheet).
        let row = u32::try_from(row).unwrap_or(u32::MAX).max(1);
        shard.find_or_insert(key, h, row).map(u64::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_keys_are_exact_and_emails_hashed() {
        assert_eq!(key_of(Target::Contactship, "+12124567890"), 12_124_567_890);
        assert_ne!(
            key_of(Target::SdrAgent, "a@example.com"),
            key_of(Target::SdrAgent, "b@example.com")
        );
        assert_eq!(
            key_of(Target::SdrAgent, "a@example.com"),
            key_of(Target::SdrAgent, "a@example.com")
        );
    }

    #[test]
    fn first_row_of_each_key_through_growth() {
        let mut seen = Seen::default();
        for k in 0..200_000u64 {
            assert_eq!(seen.first_or_insert(k * 7919, k + 2), None);
        }
        for k in 0..200_000u64 {
            assert_eq!(seen.first_or_insert(k * 7919, 1_000_000), Some(k + 2));
        }
    }
}
