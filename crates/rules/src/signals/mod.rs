//! The signals rules are made of. Each is a small pure function over text or turns, with
//! its own tests, hard negatives included.

mod bank;
pub mod confidence;
pub mod explicit;
pub mod language;
pub mod loops;
pub mod matters;
pub mod progress;
mod recode;
mod screen;
pub mod sentiment;
pub mod sentiment_langs;
pub mod topics;
pub(crate) mod word_facts;
pub(crate) mod words;

/// A hash map with a fast, unseeded hasher, for the lexicons: their keys are fixed at build
/// time, so lookups of arbitrary words cannot lengthen any bucket.
pub(crate) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// FxHash-style word-at-a-time hashing.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b) ^ ((rest.len() as u64) << 56));
        }
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The [`FastHasher`] started from a per-process random seed and finished with an
/// avalanche, for maps whose keys come from users: which keys share a bucket depends on
/// the seed, which they cannot know.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SeededState(u64);

impl SeededState {
    pub(crate) fn new() -> SeededState {
        static SEED: std::sync::LazyLock<u64> = std::sync::LazyLock::new(|| {
            use std::hash::BuildHasher;
            std::collections::hash_map::RandomState::new().hash_one(0x5eed_u64)
        });
        SeededState(*SEED)
    }
}

impl std::hash::BuildHasher for SeededState {
    type Hasher = SeededHasher;
    fn build_hasher(&self) -> SeededHasher {
        SeededHasher(FastHasher(self.0))
    }
}

/// See [`SeededState`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct SeededHasher(FastHasher);

impl std::hash::Hasher for SeededHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.0.write_u8(n);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // MurmurHash3's finaliser: every bit of the state reaches every bit of the hash.
        let mut h = self.0.finish();
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// A cheap necessary condition for a word to be in a fixed set, checked before hashing:
/// one bit per (length, first two bytes, last two bytes), hashed into 2^18 bits (32 KiB).
/// On the VADER test sentences it lets through a fifth of the tokens for the sentiment
/// lexicon (one bit per length, first and last byte let through half).
pub(crate) struct WordFilter(Box<[u64]>);

impl WordFilter {
    const BITS: u32 = 18;

    pub(crate) fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordFilter {
        let mut bits = vec![0u64; (1 << WordFilter::BITS) / 64].into_boxed_slice();
        for w in words {
            let i = WordFilter::index(w);
            bits[i / 64] |= 1 << (i % 64);
        }
        WordFilter(bits)
    }
    #[inline]
    fn index(word: &str) -> usize {
        let b = word.as_bytes();
        let n = b.len();
        let x = match n {
            0 => 0,
            _ => {
                let (second, before_last) = if n > 1 { (b[1], b[n - 2]) } else { (0, 0) };
                u64::from(b[0])
                    | u64::from(second) << 8
                    | u64::from(b[n - 1]) << 16
                    | u64::from(before_last) << 24
                    | (n as u64) << 32
            }
        };
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - WordFilter::BITS)) as usize
    }
    #[inline]
    pub(crate) fn may_contain(&self, word: &str) -> bool {
        let i = WordFilter::index(word);
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

#[cfg(test)]
mod word_filter_tests {
    use super::*;

    #[test]
    fn every_word_of_the_set_passes() {
        let words = [
            "", "a", "ab", "abc", "abcd", "good", "kind of", "ça", "très", "x",
        ];
        let filter = WordFilter::new(words);
        for w in words {
            assert!(filter.may_contain(w), "{w}");
        }
        let passed = ["b", "ba", "goods", "dog", "kind", "zzzz", "q", "qq"]
            .iter()
            .filter(|w| filter.may_contain(w))
            .count();
        assert!(passed < 8, "the filter lets everything through");
    }
}
