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
