//! Typo tolerance: misspelt and run-together words mapped to the lexicon, and the
//! per-thread memory of words that have no correction.

use super::*;

/// A fuzzy target with what the typo pass checks before computing a distance.
#[derive(Clone, Copy, Debug)]
pub(super) struct Target {
    pub(super) word: &'static str,
    pub(super) classes: Classes,
    /// Length in characters.
    pub(super) len: usize,
    pub(super) first: char,
    pub(super) second: Option<char>,
    /// The letters the word contains (see [`letter_mask`]).
    pub(super) letters: u32,
}

/// One bit per ASCII letter, and one for every other character: a word at edit distance
/// `d` from another lacks at most `d` of its letters (each edit removes one character).
pub(super) fn letter_mask(word: &str) -> u32 {
    word.chars().fold(0, |m, c| {
        m | if c.is_ascii_lowercase() {
            1 << (c as u32 - 'a' as u32)
        } else {
            1 << 26
        }
    })
}

/// Fuzzy targets sorted by word, for the typo pass.
pub(super) static FUZZY_TARGETS: LazyLock<Vec<Target>> = LazyLock::new(|| {
    let mut targets: Vec<Target> = LEXICON
        .iter()
        .filter(|(_, lex)| lex.fuzzy_target)
        .map(|(w, lex)| {
            let mut chars = w.chars();
            Target {
                word: w,
                classes: lex.classes,
                len: w.chars().count(),
                first: chars.next().unwrap_or('\0'),
                second: chars.next(),
                letters: letter_mask(w),
            }
        })
        .collect();
    targets.sort_by_key(|t| t.word);
    targets
});

/// The targets starting with one character.
pub(super) fn targets_starting_with(c: char) -> &'static [Target] {
    static ASCII: LazyLock<[(usize, usize); 128]> = LazyLock::new(|| {
        std::array::from_fn(|b| {
            let c = char::from(b as u8);
            let lo = FUZZY_TARGETS.partition_point(|t| t.first < c);
            let hi = FUZZY_TARGETS.partition_point(|t| t.first <= c);
            (lo, hi)
        })
    });
    let (lo, hi) = if c.is_ascii() {
        ASCII[c as usize]
    } else {
        let lo = FUZZY_TARGETS.partition_point(|t| t.first < c);
        let hi = FUZZY_TARGETS.partition_point(|t| t.first <= c);
        (lo, hi)
    };
    &FUZZY_TARGETS[lo..hi]
}

/// Words longer than this (in characters) take the allocating path of the distance.
pub(super) const DL_STACK: usize = 32;

pub(super) fn damerau_levenshtein_at_most(a: &str, b: &str, limit: usize) -> bool {
    let mut ab = ['\0'; DL_STACK];
    let mut bb = ['\0'; DL_STACK];
    let mut n = 0;
    for c in a.chars() {
        if n == DL_STACK {
            return damerau_levenshtein_at_most_heap(a, b, limit);
        }
        ab[n] = c;
        n += 1;
    }
    let mut m = 0;
    for c in b.chars() {
        if m == DL_STACK {
            return damerau_levenshtein_at_most_heap(a, b, limit);
        }
        bb[m] = c;
        m += 1;
    }
    let (a, b) = (&ab[..n], &bb[..m]);
    if n.abs_diff(m) > limit {
        return false;
    }
    // Three rolling rows of the full matrix: d[i - 2], d[i - 1], d[i].
    let mut rows = [[0usize; DL_STACK + 1]; 3];
    for (j, cell) in rows[0][..=m].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        let mut row_min = usize::MAX;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return false;
        }
    }
    rows[n % 3][m] <= limit
}

pub(super) fn damerau_levenshtein_at_most_heap(a: &str, b: &str, limit: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        let mut row_min = usize::MAX;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return false;
        }
    }
    d[n][m] <= limit
}

/// The lexicon word a misspelt token most likely stands for.
pub(super) fn correct(word: &str) -> Option<(&'static str, Classes)> {
    let len = word.chars().count();
    if len < 4
        || (NOT_TYPOS_FILTER.may_contain(word) && NOT_TYPOS_SET.contains_key(word))
        || word.chars().any(|c| c.is_ascii_digit())
        // A word the sentiment lexicon rates is spelt right: "disgusting" is no "discussing".
        || crate::signals::sentiment::rates_word(word)
    {
        return None;
    }
    let limit = if len >= 9 { 2 } else { 1 };
    // Only targets starting with the word's first or second letter can pass the start
    // test below; the targets are sorted, so each such group is one contiguous range, and
    // visiting the ranges in order keeps the first match of a full scan.
    let mut w = word.chars();
    let (w0, w1) = (w.next()?, w.next()?);
    let (r0, r1) = if w0 == w1 {
        (targets_starting_with(w0), &FUZZY_TARGETS[..0])
    } else if w0 < w1 {
        (targets_starting_with(w0), targets_starting_with(w1))
    } else {
        (targets_starting_with(w1), targets_starting_with(w0))
    };
    let letters = letter_mask(word);
    r0.iter().chain(r1).find_map(|t| {
        // The first letter is rarely wrong in typed text; requiring it keeps "that" from
        // becoming "chat" — except for adjacent-letter swaps ("pseak").
        let same_start = t.first == w0;
        let swapped_start = t.first == w1 && t.second == Some(w0);
        ((same_start || swapped_start)
            && t.len.abs_diff(len) <= limit
            && (letters & !t.letters).count_ones() as usize <= limit
            && (t.letters & !letters).count_ones() as usize <= limit
            && damerau_levenshtein_at_most(word, t.word, limit))
        .then_some((t.word, t.classes))
    })
}

/// Splits run-together words ("speakto", "contactingassistant") into two known words, at
/// least one of which is a verb or a noun.
pub(super) fn split_run_together(word: &str) -> Option<(&str, &str)> {
    if word.len() < 5
        || !word.is_ascii()
        || (NOT_TYPOS_FILTER.may_contain(word) && NOT_TYPOS_SET.contains_key(word))
    {
        return None;
    }
    // A left part of two letters or more must start like some lexicon or glue word: when
    // no such word starts with the first two letters, only the one-letter split is tried.
    let pair_known = match word.as_bytes() {
        [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] => {
            LEFT_PAIRS[usize::from(a - b'a')] & (1 << (b - b'a')) != 0
        }
        _ => true,
    };
    let last = if pair_known { word.len() - 1 } else { 2 };
    // Only the lengths some lexicon or glue word starting with the same two letters has
    // can make a known left part: the other split points are skipped unlooked.
    let lens = match word.as_bytes() {
        [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] => {
            PAIR_LENS[usize::from(a - b'a') * 26 + usize::from(b - b'a')] | 0b10
        }
        _ => u64::MAX,
    };
    (1..last)
        .filter(|at| *at >= 64 || lens & (1 << at) != 0)
        .find_map(|at| {
            let (left, right) = word.split_at(at);
            let l = classes_of(left).or_else(|| GLUE.contains(&left).then(Classes::default))?;
            let r = classes_of(right).or_else(|| correct(right).map(|(_, c)| c))?;
            let content = |c: &Classes| {
                [Talk, Contact, StrongNoun, WeakNoun, Frame]
                    .into_iter()
                    .any(|k| c.has(k))
            };
            // "personal" is not "person" + "al": a short non-content part must be glue.
            let part_ok = |part: &str, c: &Classes| {
                content(c) || GLUE.contains(&part) || part.chars().count() >= 3
            };
            // "letter" is not English "let" + Portuguese "ter": the parts of a word typed
            // run together are of one language (glue and corrected typos are English).
            let only_other = |part: &str| {
                LEXICON
                    .get(part)
                    .is_some_and(|lex| lex.other_language && !lex.english)
            };
            let only_english = |part: &str| {
                LEXICON
                    .get(part)
                    .is_none_or(|lex| lex.english && !lex.other_language)
            };
            let mixed =
                only_other(left) && only_english(right) || only_english(left) && only_other(right);
            ((content(&l) || content(&r)) && part_ok(left, &l) && part_ok(right, &r) && !mixed)
                .then_some((left, right))
        })
}

/// The first two letters of every lexicon and glue word: bit `b` of entry `a` is set when
/// some word starts with letters `a`, `b` (counted from 'a').
pub(super) static LEFT_PAIRS: LazyLock<[u32; 26]> = LazyLock::new(|| {
    let mut pairs = [0u32; 26];
    for word in LEXICON.keys().chain(GLUE) {
        if let [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] = word.as_bytes() {
            pairs[usize::from(a - b'a')] |= 1 << (b - b'a');
        }
    }
    pairs
});

/// For each first two letters (`a * 26 + b`), the lengths of the lexicon and glue words
/// that start with them, one bit per length (63 and longer share the last bit's fate: they
/// are always tried).
pub(super) static PAIR_LENS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut lens = vec![0u64; 26 * 26];
    for word in LEXICON.keys().chain(GLUE) {
        if let [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] = word.as_bytes()
            && word.len() < 64
        {
            lens[usize::from(a - b'a') * 26 + usize::from(b - b'a')] |= 1 << word.len();
        }
    }
    lens
});

/// Short words customers run into the next one ("canttalk", "Icontact", "udirect").
pub(super) const GLUE: &[&str] = &["i", "u", "can", "cant", "to", "a", "an", "me", "ya", "pls"];

/// Words that [`correct`] and [`split_run_together`] both leave as they are, remembered per
/// thread: both are pure functions of the word and the lexicon, and most words of a
/// conversation are seen again and again, so the second look is one slot compared. Bounded:
/// a fixed table of slots, chosen with a seeded hash (the words come from users).
pub(super) mod unfixable {
    use std::cell::RefCell;

    /// Slots of the per-thread memo, a power of two.
    const SLOTS: usize = 4096;
    /// Longer words are not remembered.
    const MAX_LEN: usize = 32;

    /// One remembered word, held inline: a lookup compares bytes in the slot itself rather
    /// than following a pointer to a key elsewhere (that second memory access was most of
    /// a lookup's cost).
    #[derive(Clone, Copy)]
    struct Slot {
        len: u8,
        word: [u8; MAX_LEN],
    }

    const EMPTY: Slot = Slot {
        len: 0,
        word: [0; MAX_LEN],
    };

    thread_local! {
        /// A direct-mapped memo: a word has one slot, and a later word of the same slot
        /// takes it over (the memo only ever saves work; it never changes a result).
        static WORDS: RefCell<Box<[Slot]>> = RefCell::new(vec![EMPTY; SLOTS].into_boxed_slice());
    }

    /// The slot of `word` (1 to `MAX_LEN` bytes).
    fn slot(word: &str) -> usize {
        crate::signals::words::word_slot(word, SLOTS)
    }

    /// Whether `word` is known to have no correction and no split.
    pub(in crate::signals::explicit) fn known(word: &str) -> bool {
        if word.is_empty() || word.len() > MAX_LEN {
            return false;
        }
        let at = slot(word);
        WORDS
            .try_with(|w| {
                w.try_borrow().is_ok_and(|w| {
                    let s = &w[at];
                    usize::from(s.len) == word.len() && &s.word[..word.len()] == word.as_bytes()
                })
            })
            .unwrap_or(false)
    }

    /// Records that `word` has no correction and no split.
    pub(in crate::signals::explicit) fn remember(word: &str) {
        if word.is_empty() || word.len() > MAX_LEN {
            return;
        }
        crate::signals::word_facts::note_unfixable(word);
        let at = slot(word);
        let _ = WORDS.try_with(|w| {
            if let Ok(mut w) = w.try_borrow_mut() {
                let s = &mut w[at];
                s.len = word.len() as u8;
                s.word[..word.len()].copy_from_slice(word.as_bytes());
            }
        });
    }
}

#[cfg(test)]
mod unfixable_tests {
    use super::*;

    #[test]
    fn remembered_words_tokenize_as_before() {
        let texts = [
            "It's 221B Baker Street, London, the office on the second floor.",
            "can i speakto somelne in the office",
            "I want to talk to a humaaan about my delivery",
        ];
        for text in texts {
            let first = (detect(text), corrections(text));
            // Remembered (a word may lose its slot to another of the same text: the memo
            // is direct-mapped with a seed per process, so not every word is asserted).
            assert!(
                ["baker", "street", "london", "office", "second", "floor"]
                    .iter()
                    .any(|w| unfixable::known(w))
            );
            assert_eq!((detect(text), corrections(text)), first, "{text}");
        }
        assert!(!unfixable::known("somelne"));
    }

    #[test]
    fn reused_buffers_detect_as_fresh_ones() {
        let texts = [
            "I want to talk to a humaaaan about my delivery, please",
            "no",
            "It's 221B Baker Street, London, the office on the second floor.",
            "can i speakto somelne",
            "",
        ];
        let mut scratch = Scratch::default();
        for text in texts.iter().chain(texts.iter().rev()) {
            let mut buf = String::new();
            let spans = words(text, &mut buf);
            let fresh = detect_in(&tokenize(&buf, &spans));
            assert_eq!(detect_with(text, &mut scratch), fresh, "{text}");
            assert_eq!(detect(text), fresh, "{text}");
        }
    }
}
