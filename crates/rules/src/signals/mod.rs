//! The signals rules are made of. Each is a small pure function over text or turns, with
//! its own tests, hard negatives included.

pub mod confidence;
pub mod explicit;
pub mod language;
pub mod loops;
pub mod progress;
pub mod sentiment;
pub mod sentiment_langs;
pub mod topics;

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
/// one bit per (length, first byte, last byte), each taken modulo 32.
pub(crate) struct WordFilter([u64; 512]);

impl WordFilter {
    pub(crate) fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordFilter {
        let mut bits = [0u64; 512];
        for w in words {
            let i = WordFilter::index(w);
            bits[i / 64] |= 1 << (i % 64);
        }
        WordFilter(bits)
    }
    fn index(word: &str) -> usize {
        let b = word.as_bytes();
        let (first, last) = (b.first().copied(), b.last().copied());
        let (first, last) = (first.unwrap_or(0), last.unwrap_or(0));
        (b.len() & 31) << 10 | usize::from(first & 31) << 5 | usize::from(last & 31)
    }
    pub(crate) fn may_contain(&self, word: &str) -> bool {
        let i = WordFilter::index(word);
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}
