//! The words of a turn's text, found once and read by every signal.
//!
//! Each signal reads words its own way: VADER keeps the punctuation inside a token, the
//! feeling screen and the matters reader take runs of letters and digits, the request
//! reader joins "don't", the loop reader drops apostrophes. On ASCII text (most turns) they
//! all start from the same two things: the text lowercased, and its runs of ASCII letters
//! and digits. [`AsciiWords::with`] finds them once per text and thread, and hands the same
//! words to every signal that asks for that text next, so a new turn is walked once. They
//! are forgotten when the evaluation ends ([`AsciiWords::forget`]): a later evaluation of
//! the same text reads it afresh, as a new turn in production always does.
//!
//! The words are kept in one buffer per thread, not in the turn's cached analysis: kept
//! there, they made every cached turn larger, and evaluations slower for the memory.

use std::cell::{Cell, OnceCell, RefCell};

use super::word_facts::{self, WordFacts};

/// An ASCII text lowercased, and its runs of ASCII letters and digits.
#[derive(Default)]
pub(crate) struct AsciiWords {
    /// The text the words are of, as it was asked for.
    text: String,
    /// The text lowercased: every byte keeps its place.
    lower: String,
    /// Each run of ASCII letters and digits: its byte range, in order.
    runs: Vec<(u32, u32)>,
    /// Whether `lower` and `runs` are the words of a text (false after a text that is not
    /// ASCII was asked for).
    filled: bool,
    /// What each run tells the readers, found on first use.
    facts: OnceCell<Vec<WordFacts>>,
    /// The buffer of the last text's facts, reused.
    spare_facts: Cell<Vec<WordFacts>>,
}

impl std::fmt::Debug for AsciiWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AsciiWords")
            .field("lower", &self.lower)
            .field("runs", &self.runs)
            .field("filled", &self.filled)
            .finish_non_exhaustive()
    }
}

thread_local! {
    static LAST: RefCell<AsciiWords> = RefCell::default();
}

/// Whether each byte is an ASCII letter or digit, one read per byte.
static ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    table
};

/// The buffers of a text longer than this are not kept for the next one.
const KEEP_BYTES: usize = 1 << 16;

impl AsciiWords {
    /// The words of `text`; `None` when it holds any other character (each signal reads
    /// such a text its own way) or is too long for byte offsets in `u32`.
    #[cfg(test)]
    pub(crate) fn of(text: &str) -> Option<AsciiWords> {
        let mut words = AsciiWords::default();
        words.refill(text);
        words.filled.then_some(words)
    }

    /// Runs `f` on the words of `text`; `None` when `text` is not one these words are
    /// found for. The words of the last text asked for on this thread are kept until the
    /// evaluation ends: asked again for the same text, as every signal of a new turn asks,
    /// they are not found again.
    pub(crate) fn with<R>(text: &str, f: impl FnOnce(&AsciiWords) -> R) -> Option<R> {
        LAST.with(|last| {
            // A signal never asks from inside `f`; if one did, it gets words of its own.
            let Ok(mut words) = last.try_borrow_mut() else {
                let mut own = AsciiWords::default();
                own.refill(text);
                return own.filled.then(|| f(&own));
            };
            // Every signal of a turn asks with the same text: compared byte for byte (a
            // comparison ignoring case cost several times more, on every ask).
            if !(words.filled && *text == *words.text) {
                words.refill(text);
            }
            let found = words.filled.then(|| f(&words));
            if words.lower.capacity() > KEEP_BYTES {
                *words = AsciiWords::default();
            }
            found
        })
    }

    /// Forgets the words kept on this thread: the next text asked for, even the same, is
    /// read afresh. Called after each evaluation, so that no evaluation reads words found
    /// by an earlier one (only a benchmark evaluates one text twice).
    pub(crate) fn forget() {
        LAST.with(|last| {
            if let Ok(mut words) = last.try_borrow_mut() {
                words.filled = false;
            }
        });
    }

    /// Makes these the words of `text`, reusing their buffers.
    fn refill(&mut self, text: &str) {
        if let Some(facts) = self.facts.take() {
            self.spare_facts.set(facts);
        }
        self.text.clear();
        self.lower.clear();
        self.runs.clear();
        self.filled = text.is_ascii() && u32::try_from(text.len()).is_ok();
        if !self.filled {
            return;
        }
        self.text.push_str(text);
        self.lower.push_str(text);
        self.lower.make_ascii_lowercase();
        let b = self.lower.as_bytes();
        let n = b.len();
        let mut i = 0;
        loop {
            while i < n && !ALNUM[usize::from(b[i])] {
                i += 1;
            }
            if i == n {
                break;
            }
            let from = i;
            while i < n && ALNUM[usize::from(b[i])] {
                i += 1;
            }
            self.runs.push((from as u32, i as u32));
        }
    }

    /// The text, lowercased.
    pub(crate) fn lower(&self) -> &str {
        &self.lower
    }

    /// The byte ranges of the runs of letters and digits.
    pub(crate) fn runs(&self) -> &[(u32, u32)] {
        &self.runs
    }

    /// What each run tells the readers that look words up one by one ([`word_facts`]), in
    /// the order of the runs.
    pub(crate) fn facts(&self) -> &[WordFacts] {
        self.facts.get_or_init(|| {
            let mut facts = self.spare_facts.take();
            word_facts::facts_of_runs(self, &mut facts);
            facts
        })
    }

    /// The runs of letters and digits, lowercased.
    pub(crate) fn run_words(&self) -> impl Iterator<Item = &str> + '_ {
        self.runs
            .iter()
            .map(|&(from, to)| self.lower.get(from as usize..to as usize).unwrap_or(""))
    }
}

/// The slot of `word` in a direct-mapped per-thread memo of `slots` slots (a power of
/// two), from a per-process seed, so that crafted words cannot be aimed at one slot. It
/// reads the word's first and last eight bytes (and the middle of a longer one) rather than
/// hashing every byte: words that share them only share a slot, and a memo's slot holds its
/// word whole, so a shared slot never changes a result.
pub(crate) fn word_slot(word: &str, slots: usize) -> usize {
    slot_of_bytes(word.as_bytes(), slots)
}

/// [`word_slot`] of a word's bytes.
pub(crate) fn slot_of_bytes(b: &[u8], slots: usize) -> usize {
    static SEED: std::sync::LazyLock<u64> = std::sync::LazyLock::new(|| {
        use std::hash::BuildHasher;
        super::SeededState::new().hash_one(0x5107_u64) | 1
    });
    let n = b.len();
    let u64_at = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().unwrap_or_default());
    let u32_at = |at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap_or_default());
    // Fixed-size reads that overlap on short words (no copy of a variable length).
    let (head, tail, middle) = match n {
        17.. => (
            u64_at(0),
            u64_at(n - 8),
            u64_at(8) ^ u64_at(n - 16).rotate_left(29),
        ),
        8.. => (u64_at(0), u64_at(n - 8), 0),
        4.. => (u64::from(u32_at(0)), u64::from(u32_at(n - 4)), 0),
        1.. => (
            u64::from(b[0]) | u64::from(b[n / 2]) << 8,
            u64::from(b[n - 1]),
            0,
        ),
        0 => (0, 0, 0),
    };
    let mut h = (head ^ *SEED).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h = (h ^ tail.rotate_left(17) ^ middle ^ n as u64).wrapping_mul(0xff51_afd7_ed55_8ccd);
    (h >> (64 - slots.trailing_zeros())) as usize
}

/// Whether `word` always names a kind of street ("Baker Street", "Fisher Lane"): the word
/// before it is part of a name, not a person (the request reader) nor an act.
pub(crate) fn names_a_street(word: &str) -> bool {
    matches!(
        word,
        "street"
            | "st"
            | "road"
            | "rd"
            | "lane"
            | "avenue"
            | "ave"
            | "terrace"
            | "crescent"
            | "boulevard"
            | "blvd"
    )
}

/// Whether `word` names a kind of street only in an address ("14 Alder Close", "3 Oak
/// Drive"), and is a common word elsewhere ("close my account", "an agent close by").
pub(crate) fn may_name_a_street(word: &str) -> bool {
    matches!(
        word,
        "close" | "drive" | "place" | "park" | "walk" | "row" | "rise" | "way"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Option<Vec<String>> {
        AsciiWords::with(text, |w| w.run_words().map(str::to_owned).collect())
    }

    #[test]
    fn runs_are_those_of_the_lowercased_text() {
        let w = AsciiWords::of("  It's 221B Baker-Street,\tLONDON!  ").expect("ascii");
        assert_eq!(w.lower(), "  it's 221b baker-street,\tlondon!  ");
        assert_eq!(
            w.run_words().collect::<Vec<_>>(),
            ["it", "s", "221b", "baker", "street", "london"]
        );
        let w = AsciiWords::of("?! ...").expect("ascii");
        assert_eq!(w.run_words().count(), 0);
        assert!(AsciiWords::of("ça va").is_none());
    }

    /// The words kept from one text are never handed out for another, whatever the order
    /// texts are asked for in; the same text in another case has the same words.
    #[test]
    fn the_kept_words_belong_to_the_text_asked_for() {
        let texts = [
            "Hi, my order #4521 hasn't arrived",
            "HI, MY ORDER #4521 HASN'T ARRIVED",
            "hi, my order #4521 hasn't arrived!",
            "ça va",
            "Hi, my order #4521 hasn't arrived",
            "",
            "x",
            "ça va",
            "X",
        ];
        for text in texts {
            let expected = text.is_ascii().then(|| {
                text.to_ascii_lowercase()
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            });
            assert_eq!(runs(text), expected, "{text}");
        }
    }

    #[test]
    fn a_signal_asking_from_inside_gets_its_own_words() {
        let inner = AsciiWords::with("outer text", |outer| {
            let inner = runs("inner words");
            (outer.lower().to_owned(), inner)
        });
        assert_eq!(
            inner,
            Some((
                "outer text".to_owned(),
                Some(vec!["inner".to_owned(), "words".to_owned()])
            ))
        );
    }
}
