//! Loops: the AI saying the same thing again, falling back again and again, or the
//! customer repeating the same request.

use super::words::AsciiWords;
use std::sync::LazyLock;

/// The deduplicated lowercase words of a text, each with a hash, sorted by (hash, word) so
/// that two sets intersect in one merge pass that compares hashes first. Equality is always
/// confirmed on the words themselves: a hash collision cannot change a result. The words
/// are held in one buffer, each as its hash and byte range there.
#[derive(Debug, Default)]
pub(crate) struct WordSet {
    buf: Vec<u8>,
    words: Vec<(u64, u32, u32)>,
}

impl WordSet {
    fn word(&self, w: &(u64, u32, u32)) -> &[u8] {
        &self.buf[w.1 as usize..w.2 as usize]
    }

    /// [`negates_or_persists`] over the words already split and lowercased (apostrophes
    /// gone: "don't" is "dont"), for the test every customer turn takes.
    pub(crate) fn negates_or_persists(&self) -> bool {
        // Each word's hash is at hand: one probe or two in an open-addressing table of the
        // negation words by that hash (most words find an empty slot at once), the bytes
        // confirmed.
        const SLOTS: usize = 128;
        // Free slots end every probe; half free keeps probes short.
        const _: () = assert!(NEGATION_WORDS.len() <= SLOTS / 2);
        static BY_HASH: LazyLock<[(u64, &'static str); SLOTS]> = LazyLock::new(|| {
            let mut table = [(0, ""); SLOTS];
            for w in NEGATION_WORDS {
                let h = word_hash(w.as_bytes());
                let mut i = slot(h);
                while !table[i].1.is_empty() {
                    i = (i + 1) % SLOTS;
                }
                table[i] = (h, *w);
            }
            table
        });
        fn slot(h: u64) -> usize {
            (h >> 57) as usize % SLOTS
        }
        self.words.iter().any(|w| {
            let mut i = slot(w.0);
            loop {
                let (h, n) = BY_HASH[i];
                if n.is_empty() {
                    return false;
                }
                if h == w.0 && n.as_bytes() == self.word(w) {
                    return true;
                }
                i = (i + 1) % SLOTS;
            }
        })
    }
}

impl WordSet {
    /// Whether a word of the set starts with `prefix` ("rejected" for "rejec").
    pub(crate) fn has_prefix(&self, prefix: &[u8]) -> bool {
        self.words.iter().any(|w| self.word(w).starts_with(prefix))
    }
}

/// A word's hash, read eight bytes at a time: `bytes[from..to]` is the word, and at least
/// eight bytes follow `from` in `bytes` (the rest of the text, or padding; masked off).
fn hash_at(bytes: &[u8], from: usize, to: usize) -> u64 {
    const MUL: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (to - from) as u64 ^ 0x243f_6a88_85a3_08d3;
    let mut i = from;
    loop {
        let chunk = <[u8; 8]>::try_from(&bytes[i..i + 8]).map_or(0, u64::from_le_bytes);
        let left = to - i;
        let x = if left >= 8 {
            chunk
        } else {
            chunk & ((1u64 << (8 * left)) - 1)
        };
        h = (h ^ x).wrapping_mul(MUL);
        h ^= h >> 29;
        if left <= 8 {
            return h;
        }
        i += 8;
    }
}

/// [`hash_at`] of a word on its own.
fn word_hash(w: &[u8]) -> u64 {
    let mut padded = Vec::with_capacity(w.len() + 8);
    padded.extend_from_slice(w);
    padded.extend_from_slice(&[0; 8]);
    hash_at(&padded, 0, w.len())
}

/// The deduplicated lowercase words of a text, apostrophes removed.
pub(crate) fn word_set(s: &str) -> WordSet {
    AsciiWords::with(s, |ascii| word_set_in(s, Some(ascii))).unwrap_or_else(|| word_set_in(s, None))
}

/// [`word_set`], from the words of `s` when it is ASCII.
fn word_set_in(s: &str, ascii: Option<&AsciiWords>) -> WordSet {
    let mut buf: Vec<u8>;
    // A word and its separator take at least two bytes; most take five or more. Hashes
    // are filled in once every word is in `buf`.
    let mut words: Vec<(u64, u32, u32)> = Vec::with_capacity(s.len() / 4 + 1);
    // Texts are at most a few hundred KiB, far below `u32::MAX`.
    if let Some(ascii) = ascii {
        // On ASCII text a word is a run of letters, digits and apostrophes: runs of letters
        // and digits with only apostrophes between them are one word, and apostrophes
        // touching no letter make an empty word. The lowercased text is copied once and
        // a word of one run is its range there; a word of several runs ("don't" → "dont")
        // is written after the text.
        let lower = ascii.lower().as_bytes();
        let runs = ascii.runs();
        buf = Vec::with_capacity(lower.len() + 16);
        buf.extend_from_slice(lower);
        // Each group of apostrophes in `gap` touching neither run is an empty word.
        let empty_words = |gap: &[u8], after_run: bool, before_run: bool, words: &mut Vec<_>| {
            let mut i = 0;
            while i < gap.len() {
                if gap[i] != b'\'' {
                    i += 1;
                    continue;
                }
                let from = i;
                while i < gap.len() && gap[i] == b'\'' {
                    i += 1;
                }
                if !(from == 0 && after_run || i == gap.len() && before_run) {
                    words.push((0, 0, 0));
                }
            }
        };
        let only_apostrophes = |gap: &[u8]| !gap.is_empty() && gap.iter().all(|&c| c == b'\'');
        let mut k = 0;
        let mut gap_from = 0usize;
        while k < runs.len() {
            let (from, to) = runs[k];
            empty_words(&lower[gap_from..from as usize], k > 0, true, &mut words);
            let mut last = k;
            while last + 1 < runs.len()
                && only_apostrophes(&lower[runs[last].1 as usize..runs[last + 1].0 as usize])
            {
                last += 1;
            }
            if last == k {
                words.push((0, from, to));
            } else {
                let start = buf.len() as u32;
                for &(f, t) in &runs[k..=last] {
                    buf.extend_from_slice(&lower[f as usize..t as usize]);
                }
                words.push((0, start, buf.len() as u32));
            }
            gap_from = runs[last].1 as usize;
            k = last + 1;
        }
        empty_words(&lower[gap_from..], !runs.is_empty(), false, &mut words);
    } else {
        buf = Vec::with_capacity(s.len() + 8);
        for w in s
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
        {
            let start = buf.len();
            for c in w.chars() {
                if c.is_ascii() {
                    if c != '\'' {
                        buf.push(c.to_ascii_lowercase() as u8);
                    }
                } else {
                    // As `str::to_lowercase` does, but one character at a time; a final
                    // sigma is handled by falling back to the whole-word conversion.
                    buf.truncate(start);
                    buf.extend_from_slice(w.to_lowercase().replace('\'', "").as_bytes());
                    break;
                }
            }
            words.push((0, start as u32, buf.len() as u32));
        }
    }
    buf.extend_from_slice(&[0; 8]);
    for w in &mut words {
        w.0 = hash_at(&buf, w.1 as usize, w.2 as usize);
    }
    let word = |w: &(u64, u32, u32)| &buf[w.1 as usize..w.2 as usize];
    // Ordered by hash, then by bytes: sorted by hash alone (a cheaper comparison), then
    // each run of one hash by bytes (a run is a word repeated, or, rarely, a collision).
    words.sort_unstable_by_key(|w| w.0);
    let mut from = 0;
    while from < words.len() {
        let to = from
            + words[from..]
                .iter()
                .take_while(|w| w.0 == words[from].0)
                .count();
        if to - from > 1 {
            words[from..to].sort_unstable_by(|a, b| word(a).cmp(word(b)));
        }
        from = to;
    }
    words.dedup_by(|a, b| a.0 == b.0 && word(a) == word(b));
    WordSet { buf, words }
}

/// Jaccard similarity of two word sets (0 when both are empty).
pub(crate) fn jaccard(a: &WordSet, b: &WordSet) -> f64 {
    let (aw, bw) = (&a.words, &b.words);
    if aw.is_empty() && bw.is_empty() {
        return 0.0;
    }
    let common = common_words(a, b, |_, _| false).unwrap_or(0);
    common as f64 / (aw.len() + bw.len() - common) as f64
}

/// The words `a` and `b` share, by one merge pass over the sorted sets; `None` as soon as
/// `give_up(shared so far, the most still possible)` says the answer no longer matters.
fn common_words(
    a: &WordSet,
    b: &WordSet,
    mut give_up: impl FnMut(usize, usize) -> bool,
) -> Option<usize> {
    let (aw, bw) = (&a.words, &b.words);
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < aw.len() && j < bw.len() {
        if give_up(common, (aw.len() - i).min(bw.len() - j)) {
            return None;
        }
        let order = aw[i]
            .0
            .cmp(&bw[j].0)
            .then_with(|| a.word(&aw[i]).cmp(b.word(&bw[j])));
        match order {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    Some(common)
}

/// Whether `jaccard(a, b) >= threshold`, exactly, without always finishing the merge: it
/// stops once too few words are left to share.
pub(crate) fn jaccard_at_least(a: &WordSet, b: &WordSet, threshold: f64) -> bool {
    let (aw, bw) = (&a.words, &b.words);
    let total = aw.len() + bw.len();
    if total == 0 || threshold.is_nan() {
        return 0.0 >= threshold;
    }
    // The similarity with `common` shared words, computed as `jaccard` does. It never
    // decreases as `common` grows (a larger numerator over a smaller denominator, and
    // rounded division keeps that order), so it reaches the threshold exactly from the
    // least such count, `needed`, on; `common` is at most the smaller set.
    let similarity = |common: usize| common as f64 / (total - common) as f64;
    let most = aw.len().min(bw.len());
    let mut needed = ((threshold * total as f64 / (1.0 + threshold))
        .ceil()
        .max(0.0) as usize)
        .min(most + 1);
    while needed > 0 && similarity(needed - 1) >= threshold {
        needed -= 1;
    }
    while needed <= most && similarity(needed) < threshold {
        needed += 1;
    }
    if needed > most {
        return false;
    }
    common_words(a, b, |common, left| common + left < needed).is_some_and(|c| c >= needed)
}

/// Word-set Jaccard similarity of two texts, case- and punctuation-insensitive (0..=1).
/// Cheap and robust to small rewordings ("Sorry, I didn't get that." / "sorry i did not
/// get that").
pub fn similarity(a: &str, b: &str) -> f64 {
    jaccard(&word_set(a), &word_set(b))
}

/// How many of `earlier` texts are near-duplicates of `latest` (similarity ≥ `threshold`).
pub fn repeats(latest: &str, earlier: &[&str], threshold: f64) -> usize {
    let latest = word_set(latest);
    earlier
        .iter()
        .filter(|e| jaccard(&latest, &word_set(e)) >= threshold)
        .count()
}

/// Words that carry no content for comparing needs: function words and the usual
/// politeness of support chats, in the covered languages.
const STOP: &[&str] = &[
    "a", "about", "after", "again", "all", "already", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "been", "before", "but", "by", "can", "cant", "could", "did", "didnt", "do",
    "does", "doesnt", "dont", "for", "from", "get", "got", "had", "has", "have", "hello", "help",
    "hi", "how", "i", "if", "im", "in", "is", "isnt", "it", "its", "ive", "just", "let", "like",
    "me", "my", "need", "no", "not", "now", "of", "off", "ok", "okay", "on", "one", "or", "our",
    "please", "same", "so", "sorry", "still", "that", "thats", "the", "then", "there", "this",
    "to", "try", "up", "us", "want", "was", "we", "what", "when", "where", "which", "why", "will",
    "with", "would", "yes", "you", "your", "youre", "el", "la", "de", "que", "en", "un", "una",
    "por", "le", "les", "des", "et", "est", "der", "die", "das", "und", "ist", "nicht", "o", "e",
    "di", "il", "non", "che",
];

/// A crude stem: common English inflections stripped ("reinstalling" → "reinstall").
fn stem(w: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s", "ly"] {
        if let Some(base) = w.strip_suffix(suffix)
            && base.len() >= 4
        {
            return base;
        }
    }
    w
}

/// The content words of a text, stemmed, deduplicated and sorted: what two turns about the
/// same need or action share whatever the function words.
pub(crate) fn content_words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('\'', ""))
        .filter(|w| w.len() > 1 && !STOP.contains(&w.as_str()))
        .map(|w| stem(&w).to_owned())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Jaccard similarity of two sorted content-word lists, and how many words they share.
pub(crate) fn overlap(a: &[String], b: &[String]) -> (f64, usize) {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    if union == 0 {
        (0.0, 0)
    } else {
        (common as f64 / union as f64, common)
    }
}

/// Whether two AI turns take the same action in other words ("Please clear the browser
/// cache." / "Try clearing the cache of your browser.").
pub(crate) fn same_action(a: &[String], b: &[String]) -> bool {
    let (j, common) = overlap(a, b);
    common >= 2 && j >= 0.4
}

/// Whether two AI turns share at least two content words: a looser [`same_action`], for
/// attempts the customer has already said failed twice ("restart the router" … "could you
/// give the router one more restart?").
pub(crate) fn shares_action(a: &[String], b: &[String]) -> bool {
    overlap(a, b).1 >= 2
}

/// Whether two content-word lists share a word of four letters or more: the same thing
/// named again ("mayo", "code", "checkout"), not a short function word of another language.
pub(crate) fn shares_a_word(a: &[String], b: &[String]) -> bool {
    a.iter()
        .any(|w| w.chars().count() >= 4 && b.binary_search(w).is_ok())
}

/// Whether `text` says something did not happen or still has not, in any of the covered
/// languages ("not taking it off", "y nada", "ne vient pas", "non è arrivata", "immer noch"):
/// with an earlier report of the same thing and the AI repeating itself, a failure told again.
pub(crate) fn negates_or_persists(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty() && w.len() <= 16)
        .any(|w| {
            // Lowercased on the stack: this runs on every customer turn.
            let mut buf = [0u8; 16];
            if w.is_ascii() {
                let lower = &mut buf[..w.len()];
                lower.copy_from_slice(w.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(negation_word)
            } else {
                negation_word(&w.to_lowercase())
            }
        })
}

/// Lowercase words that say "not" or "still" in one of the covered languages.
const NEGATION_WORDS: &[&str] = &[
    "not", "never", "nothing", "still", "dont", "doesnt", "didnt", "isnt", "wasnt", "wont", "cant",
    "cannot", "havent", "hasnt", "arent", "werent", "wouldnt", "couldnt", "nada", "sigue",
    "todavía", "todavia", "ningún", "ningun", "ninguna", "ne", "pas", "rien", "aucun", "aucune",
    "toujours", "nicht", "nichts", "kein", "keine", "keinen", "não", "nao", "nenhum", "nenhuma",
    "ainda", "non", "niente", "nulla", "nessun", "nessuno", "nessuna", "ancora",
];

/// A lowercase word that says "not" or "still" in one of the covered languages.
fn negation_word(w: &str) -> bool {
    w.ends_with("n't")
        || w.ends_with("n’t")
        || w.starts_with("n'")
        || w.starts_with("n’")
        || NEGATION_WORDS.contains(&w)
}

/// The content words of each sentence of `text` that [`negates_or_persists`].
pub(crate) fn negated_sentences(text: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    text.split(['.', '!', '?', ';'])
        .filter(|s| negates_or_persists(s))
        .map(content_words)
}

/// The length of the run of fallback intents at the end of `intents` (most recent first).
pub fn fallback_run(intents_recent_first: &[Option<&str>], fallbacks: &[String]) -> usize {
    intents_recent_first
        .iter()
        .take_while(|i| is_fallback(**i, fallbacks))
        .count()
}

/// Whether an intent is one of the fallbacks (case-insensitive).
pub(crate) fn is_fallback(intent: Option<&str>, fallbacks: &[String]) -> bool {
    intent.is_some_and(|i| fallbacks.iter().any(|f| f.eq_ignore_ascii_case(i)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word set's table finds every negation word, in any case and place, and only
    /// those: it answers as the plain reading of the text does.
    #[test]
    fn the_word_set_finds_every_negation_word() {
        for w in NEGATION_WORDS.iter().filter(|w| w.is_ascii()) {
            let text = format!("well, {} I think", w.to_uppercase());
            assert!(word_set(&text).negates_or_persists(), "{text}");
            assert!(negates_or_persists(&text), "{text}");
        }
        for text in [
            "the parcel came today",
            "notes, nothings and stills",
            "ne'er",
        ] {
            assert_eq!(
                word_set(text).negates_or_persists(),
                negates_or_persists(text),
                "{text}"
            );
        }
        assert!(!word_set("the parcel came today").negates_or_persists());
    }

    #[test]
    fn near_duplicates_are_similar() {
        assert!(similarity("Sorry, I didn't get that.", "sorry I didnt get that") > 0.99);
        assert_eq!(
            repeats(
                "Could you rephrase your question?",
                &["could you rephrase your question", "Here is your invoice."],
                0.8
            ),
            1
        );
    }

    #[test]
    fn the_same_action_in_other_words() {
        let a = content_words("Please try clearing the browser cache.");
        let b = content_words("Try clearing the cache of your browser again.");
        assert!(same_action(&a, &b));
        let c = content_words("Let me check the tracking for you.");
        let d = content_words("Your refund was issued on Monday.");
        assert!(!same_action(&c, &d));
        assert!(!same_action(&c, &content_words("Let me check that.")));
    }

    #[test]
    fn ascii_and_general_word_sets_agree() {
        // The same text with one non-ASCII word added takes the general path.
        for text in [
            "Sorry, I didn't get that. Could you REPHRASE it? rock 'n' roll, ' '' x1 2B",
            "don't DON'T dont -- a'b'c ''",
            "'",
            "'' ",
            " ' a",
            "a ' ",
            "'a' b'' ''c x ' ' y,'z'.",
            "a''b ?'? 'tis",
        ] {
            let ascii = word_set(text);
            let general = word_set(&format!("{text} é"));
            let words = |w: &WordSet| -> Vec<(u64, Vec<u8>)> {
                w.words
                    .iter()
                    .filter(|x| w.word(x) != "é".as_bytes())
                    .map(|x| (x.0, w.word(x).to_vec()))
                    .collect()
            };
            assert_eq!(words(&ascii), words(&general), "{text}");
        }
    }

    #[test]
    fn the_threshold_test_agrees_with_the_similarity() {
        let texts = [
            "",
            "x",
            "Sorry, I didn't get that.",
            "sorry i did not get that",
            "Could you rephrase your question?",
            "could you rephrase your question please",
            "Hi, my order #4521 hasn't arrived yet and it's been a week.",
            "my order 4521 still hasn't arrived, it's been over a week now",
            "It's 221B Baker Street, London, the office on the second floor.",
            "the the the a a b",
            "a b c d e f g h i j",
            "a b c d e f g h i k",
        ];
        let sets: Vec<WordSet> = texts.iter().map(|t| word_set(t)).collect();
        for a in &sets {
            for b in &sets {
                let j = jaccard(a, b);
                let mut thresholds: Vec<f64> = (0..=20).map(|i| f64::from(i) * 0.05).collect();
                thresholds.extend([j, j.next_up(), j.next_down(), -1.0, 2.0, f64::NAN]);
                thresholds.extend([f64::INFINITY, f64::NEG_INFINITY, 0.7, 0.8]);
                for t in thresholds {
                    assert_eq!(jaccard_at_least(a, b, t), j >= t, "{j} {t}");
                }
            }
        }
    }

    #[test]
    fn hard_negatives() {
        assert!(similarity("Your order shipped today.", "Your refund was issued today.") < 0.5);
        assert_eq!(similarity("", ""), 0.0);
        let fallbacks = vec!["fallback".to_string()];
        assert_eq!(
            fallback_run(&[Some("billing"), Some("fallback")], &fallbacks),
            0
        );
        assert_eq!(
            fallback_run(&[Some("fallback"), None, Some("fallback")], &fallbacks),
            1
        );
    }
}
