//! A mutation fuzzer for the SIP parser that runs on stable Rust: it takes real
//! messages, damages them (flipped bits, cut, duplicated or swapped lines, huge or wrong
//! lengths, garbage) and checks that parsing never panics and that what parses writes
//! back to the same message. The tests run it briefly; `BATON_SIP_FUZZ_ITERATIONS` (and
//! `BATON_SIP_FUZZ_SEED`) run it longer.

use super::message::{Message, frame_len};

/// A small xorshift generator: reproducible from its seed, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&[u8]] = &[
    b"\r\n",
    b"\n",
    b":",
    b";",
    b",",
    b"<",
    b">",
    b"Content-Length: 99999999999999999999\r\n",
    b"Content-Length: 0\r\n",
    b"l: 5\r\n",
    b"Via: \r\n",
    b"CSeq: 4294967296 INVITE\r\n",
    b"CSeq: -1 BYE\r\n",
    b"Call-ID: \r\n",
    b" \t folded\r\n",
    b"SIP/2.0 999 Odd\r\n",
    b"\xff\xfe",
    b"\0",
    b"%00",
    b"sip:",
    b"tag=",
];

/// One damaged copy of `seed`.
pub fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for _ in 0..=rng.below(4) {
        let len = b.len().max(1);
        match rng.below(9) {
            0 => {
                let i = rng.below(len);
                if let Some(x) = b.get_mut(i) {
                    *x ^= 1 << rng.below(8);
                }
            }
            1 => b.truncate(rng.below(len)),
            2 => {
                let i = rng.below(len).min(b.len());
                b.remove_at_most(i, rng.below(16));
            }
            3 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                let i = rng.below(len).min(b.len());
                b.splice(i..i, t.iter().copied());
            }
            4 => {
                // Duplicate a line.
                let lines: Vec<&[u8]> = b.split(|c| *c == b'\n').collect();
                let pick = lines[rng.below(lines.len())].to_vec();
                let i = rng.below(len).min(b.len());
                b.splice(i..i, pick.into_iter().chain([b'\n']));
            }
            5 => {
                // Swap two lines.
                let mut lines: Vec<Vec<u8>> =
                    b.split(|c| *c == b'\n').map(<[u8]>::to_vec).collect();
                let (i, j) = (rng.below(lines.len()), rng.below(lines.len()));
                lines.swap(i, j);
                b = lines.join(&b'\n');
            }
            6 => {
                // Mostly a little padding, sometimes more than a datagram holds.
                let n = if rng.below(8) == 0 {
                    70_000
                } else {
                    rng.below(200)
                };
                let i = rng.below(len).min(b.len());
                let tail = b.split_off(i);
                b.resize(i + n, b'A');
                b.extend_from_slice(&tail);
            }
            7 => {
                let n = rng.below(64);
                b = (0..n).map(|_| rng.next_u64() as u8).collect();
            }
            _ => {
                let i = rng.below(len).min(b.len());
                let x = rng.next_u64() as u8;
                b.insert(i, x);
            }
        }
    }
    b
}

trait RemoveAtMost {
    fn remove_at_most(&mut self, at: usize, n: usize);
}

impl RemoveAtMost for Vec<u8> {
    fn remove_at_most(&mut self, at: usize, n: usize) {
        let end = at.saturating_add(n).min(self.len());
        self.drain(at..end);
    }
}

/// What one fuzz run found: how many inputs, how many parsed, and the first input whose
/// written form did not read back as the same message.
#[derive(Debug, Default)]
pub struct Findings {
    pub inputs: u64,
    pub parsed: u64,
    pub mismatch: Option<Vec<u8>>,
}

/// Runs `iterations` mutations over `corpus`. A panic in the parser fails the caller.
pub fn run(corpus: &[&[u8]], iterations: u64, seed: u64) -> Findings {
    let mut rng = Rng::new(seed);
    let mut f = Findings::default();
    for _ in 0..iterations {
        let seed = corpus[rng.below(corpus.len())];
        let input = mutate(&mut rng, seed);
        f.inputs += 1;
        let _ = frame_len(&input);
        if let Ok(m) = Message::parse(&input) {
            f.parsed += 1;
            let _ = (m.cseq(), m.branch(), m.from_tag(), m.to_tag());
            let again = Message::parse(&m.to_bytes());
            if again.as_ref() != Ok(&m) && f.mismatch.is_none() {
                f.mismatch = Some(input);
            }
        }
    }
    f
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    #[test]
    fn the_parser_survives_damaged_messages_and_round_trips_what_it_accepts() {
        let iterations = std::env::var("BATON_SIP_FUZZ_ITERATIONS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(5_000);
        let seed = std::env::var("BATON_SIP_FUZZ_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0x5eed_0001);
        let corpus: Vec<&[u8]> = super::super::message::tests::CORPUS
            .iter()
            .map(|s| s.as_bytes())
            .collect();
        let f = super::run(&corpus, iterations, seed);
        assert_eq!(f.inputs, iterations);
        // The mutations are mild often enough that some damaged messages still parse.
        assert!(f.parsed > iterations / 50, "{f:?}");
        assert!(
            f.mismatch.is_none(),
            "does not round-trip: {:?}",
            String::from_utf8_lossy(f.mismatch.as_deref().unwrap_or_default())
        );
    }
}
