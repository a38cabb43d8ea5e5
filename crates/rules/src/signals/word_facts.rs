//! What each word alone tells the readers that look words up one by one, found with one
//! lookup per word of a turn instead of one per reader.
//!
//! The matters reader (a word's kinds, the act it names), the sentiment screen (whether any
//! language may score the word), the feeling screen (whether it may state a strong feeling)
//! and the request reader's anchor screen (the word's screen flags, and whether the typo
//! memo knows it has no correction) each looked every word of a turn up in tables of their
//! own: six lookups per word, most of a new turn's per-word cost. [`WordFacts`] holds all
//! six answers, and a per-thread memo remembers them by word: words recur from turn to turn
//! (most of a turn's words are among the few thousand commonest), so most words cost one
//! lookup. A word the memo does not hold is asked of each reader as before, so the answers
//! are the readers' own, whatever the memo holds. (On text whose words are mostly new to
//! the thread, as in the varied benchmark, the memo gains little.)

use std::cell::RefCell;

use super::words::AsciiWords;

/// What a word alone tells each reader (see the module documentation).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordFacts {
    /// [`super::matters`]: the word's kinds.
    pub(crate) kinds: u32,
    /// [`super::matters`]: the act the word names.
    pub(crate) act: Option<&'static str>,
    /// [`super::sentiment_langs`]: some language may score the word.
    pub(crate) may_score: bool,
    /// [`super::sentiment_langs`]: the word may state a strong feeling.
    pub(crate) feeling: bool,
    /// [`super::explicit`]: what the word alone may make of a request (its screen flags).
    pub(crate) anchor_screen: u8,
    /// [`super::explicit`]: the typo memo knows the word has no correction and no split
    /// (when it learns so after the word's facts were found, they are told).
    pub(crate) unfixable: bool,
}

impl WordFacts {
    /// The facts of `word`, asked of each reader.
    fn of(word: &str) -> WordFacts {
        WordFacts {
            kinds: super::matters::kinds_of(word),
            act: super::matters::act_of(word),
            may_score: super::sentiment_langs::listed_anywhere(word),
            feeling: super::sentiment_langs::may_be_feeling(word),
            anchor_screen: super::explicit::anchor_screen(word),
            unfixable: super::explicit::known_unfixable(word),
        }
    }
}

/// Slots of the memo, a power of two.
const SLOTS: usize = 2048;
/// Longer words are not remembered (asked of the readers each time).
const MAX_LEN: usize = 24;

/// One remembered word, held inline (a lookup compares bytes in the slot itself).
#[derive(Clone, Copy)]
struct Slot {
    len: u8,
    word: [u8; MAX_LEN],
    facts: WordFacts,
}

const EMPTY: Slot = Slot {
    len: 0,
    word: [0; MAX_LEN],
    facts: WordFacts {
        kinds: 0,
        act: None,
        may_score: false,
        feeling: false,
        anchor_screen: 0,
        unfixable: false,
    },
};

thread_local! {
    /// Two-way: a word may be in its slot or the one beside it; a later word of the same
    /// slots takes over the older of the two.
    static MEMO: RefCell<Box<[Slot]>> = RefCell::new(vec![EMPTY; SLOTS].into_boxed_slice());
}

/// The facts of each run of letters and digits of `words`, in order, into `out`.
pub(crate) fn facts_of_runs(words: &AsciiWords, out: &mut Vec<WordFacts>) {
    out.clear();
    let remembered = MEMO.try_with(|memo| {
        let Ok(mut memo) = memo.try_borrow_mut() else {
            return false;
        };
        out.reserve(words.runs().len());
        // Read as bytes (the text is ASCII): a word is made a `str` only to be asked about.
        let lower = words.lower().as_bytes();
        for &(from, to) in words.runs() {
            let word = &lower[from as usize..to as usize];
            let ask = || WordFacts::of(std::str::from_utf8(word).unwrap_or_default());
            let n = word.len();
            if n == 0 || n > MAX_LEN {
                out.push(ask());
                continue;
            }
            // Two slots a word may be in: two words of one turn that share the first do
            // not push each other out on every turn (with one slot, a process whose seed
            // made two words of a benchmark's turn share it read 4% more instructions).
            let first = super::words::slot_of_bytes(word, SLOTS);
            let holds = |s: &Slot| usize::from(s.len) == n && &s.word[..n] == word;
            if holds(&memo[first]) {
                out.push(memo[first].facts);
                continue;
            }
            if holds(&memo[first ^ 1]) {
                out.push(memo[first ^ 1].facts);
                continue;
            }
            // The newcomer takes the first slot; what was there moves to the second.
            let facts = ask();
            memo[first ^ 1] = memo[first];
            let slot = &mut memo[first];
            slot.len = n as u8;
            slot.word[..n].copy_from_slice(word);
            slot.facts = facts;
            out.push(facts);
        }
        true
    });
    if !remembered.unwrap_or(false) {
        out.clear();
        out.extend(words.run_words().map(WordFacts::of));
    }
}

/// Tells the memo that the typo memo now knows `word` has no correction and no split.
pub(crate) fn note_unfixable(word: &str) {
    let n = word.len();
    if n == 0 || n > MAX_LEN {
        return;
    }
    let _ = MEMO.try_with(|memo| {
        if let Ok(mut memo) = memo.try_borrow_mut() {
            let first = super::words::word_slot(word, SLOTS);
            for s in [first, first ^ 1] {
                let slot = &mut memo[s];
                if usize::from(slot.len) == n && &slot.word[..n] == word.as_bytes() {
                    slot.facts.unfixable = true;
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Remembered or not, a word's facts are the readers' own answers.
    #[test]
    fn remembered_facts_are_the_readers_answers() {
        let texts = [
            "It's 221B Baker Street, London, the office on the second floor.",
            "I'm absolutely furious, cancel my subscription and refund the deposit",
            "Je suis furieuse, remboursez-moi et annulez la commande",
            "a word longer than twenty-four bytes: supercalifragilisticexpialidocious",
        ];
        for _ in 0..2 {
            for text in texts {
                let facts = AsciiWords::with(text, |w| {
                    let mut out = Vec::new();
                    facts_of_runs(w, &mut out);
                    (out, w.run_words().map(WordFacts::of).collect::<Vec<_>>())
                })
                .expect("ascii");
                assert_eq!(facts.0, facts.1, "{text}");
            }
        }
        // The facts say something: a cancellation is an act, "furiosa" may score, "livid"
        // may state a feeling.
        let facts = AsciiWords::with("please cancel it, I am livid, estoy furiosa", |w| {
            let mut out = Vec::new();
            facts_of_runs(w, &mut out);
            out
        })
        .expect("ascii");
        assert!(facts.iter().any(|f| f.act.is_some()));
        assert!(facts.iter().any(|f| f.may_score));
        assert!(facts.iter().any(|f| f.feeling));
    }

    /// Two words of one text that share a slot are both remembered: neither pushes the
    /// other out on every turn.
    #[test]
    fn two_words_of_one_slot_are_both_remembered() {
        let slot = |w: &str| crate::signals::words::word_slot(w, SLOTS);
        // The slots depend on the process's seed: find two words that share one.
        let mut seen = std::collections::HashMap::new();
        let (a, b) = (0..100_000)
            .map(|i| format!("w{i}"))
            .find_map(|w| seen.insert(slot(&w), w.clone()).map(|other| (other, w)))
            .expect("two words share a slot");
        let text = format!("{a} {b} {a} {b}");
        let facts = |text: &str| {
            AsciiWords::with(text, |w| {
                let mut out = Vec::new();
                facts_of_runs(w, &mut out);
                out
            })
            .expect("ascii")
        };
        assert_eq!(facts(&text).len(), 4);
        let remembered = |w: &str| {
            MEMO.with(|memo| {
                let memo = memo.borrow();
                [slot(w), slot(w) ^ 1].iter().any(|&s| {
                    let s = &memo[s];
                    &s.word[..usize::from(s.len)] == w.as_bytes()
                })
            })
        };
        assert!(remembered(&a) && remembered(&b), "{a} {b}");
    }
}
