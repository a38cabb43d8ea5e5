//! The words of a turn's text, found once and read by every signal.
//!
//! Each signal reads words its own way: VADER keeps the punctuation inside a token, the
//! feeling screen and the matters reader take runs of letters and digits, the loop reader
//! drops apostrophes. On ASCII text (most turns) they all start from the same two things,
//! the text lowercased and its runs of ASCII letters and digits, with the whitespace-cut
//! tokens VADER reads. Found in one walk per turn, they spare every signal its own walk
//! over the bytes and its own lowercased copy.

/// An ASCII text lowercased, its runs of ASCII letters and digits, and its tokens between
/// whitespace.
#[derive(Debug, Default)]
pub(crate) struct AsciiWords {
    /// The text lowercased: every byte keeps its place.
    lower: String,
    /// Each run of ASCII letters and digits: its byte range, in order.
    runs: Vec<(u32, u32)>,
    /// Each token between ASCII whitespace: its byte range, in order.
    tokens: Vec<(u32, u32)>,
}

impl AsciiWords {
    /// The words of `text`; `None` when it holds any other character (each signal reads
    /// such a text its own way) or is too long for byte offsets in `u32`.
    pub(crate) fn of(text: &str) -> Option<AsciiWords> {
        let mut words = AsciiWords::default();
        words.refill(text).then_some(words)
    }

    /// Makes these the words of `text`, reusing their buffers; false (and no words) when
    /// `text` is not one [`AsciiWords::of`] reads.
    pub(crate) fn refill(&mut self, text: &str) -> bool {
        self.lower.clear();
        self.runs.clear();
        self.tokens.clear();
        if !text.is_ascii() || u32::try_from(text.len()).is_err() {
            return false;
        }
        self.lower.push_str(text);
        self.lower.make_ascii_lowercase();
        let b = self.lower.as_bytes();
        // A word and its separator take at least two bytes; most take five or more.
        self.runs.reserve(b.len() / 4 + 1);
        self.tokens.reserve(b.len() / 4 + 1);
        let mut token: Option<usize> = None;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_whitespace() {
                if let Some(from) = token.take() {
                    self.tokens.push((from as u32, i as u32));
                }
                i += 1;
                continue;
            }
            token.get_or_insert(i);
            if !c.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let from = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            self.runs.push((from as u32, i as u32));
        }
        if let Some(from) = token {
            self.tokens.push((from as u32, b.len() as u32));
        }
        true
    }

    /// Runs `f` on the words of `text` made in a buffer kept per thread, for a signal asked
    /// outside a turn's analysis; `None` when `text` is not one [`AsciiWords::of`] reads.
    pub(crate) fn with<R>(text: &str, f: impl FnOnce(&AsciiWords) -> R) -> Option<R> {
        thread_local! {
            static SCRATCH: std::cell::RefCell<AsciiWords> = std::cell::RefCell::default();
        }
        SCRATCH.with(|s| {
            // A signal never asks again from inside `f`; if one did, it gets its own words.
            let Ok(mut words) = s.try_borrow_mut() else {
                return AsciiWords::of(text).map(|w| f(&w));
            };
            let found = words.refill(text).then(|| f(&words));
            // A long text's buffers are not kept.
            if words.lower.capacity() > 1 << 16 {
                *words = AsciiWords::default();
            }
            found
        })
    }

    /// The text, lowercased.
    pub(crate) fn lower(&self) -> &str {
        &self.lower
    }

    /// The byte ranges of the runs of letters and digits.
    pub(crate) fn runs(&self) -> &[(u32, u32)] {
        &self.runs
    }

    /// The runs of letters and digits, lowercased.
    pub(crate) fn run_words(&self) -> impl Iterator<Item = &str> + '_ {
        self.runs.iter().map(|r| self.at(*r))
    }

    /// The tokens between whitespace, lowercased.
    pub(crate) fn tokens(&self) -> impl Iterator<Item = &str> + '_ {
        self.tokens.iter().map(|r| self.at(*r))
    }

    fn at(&self, (from, to): (u32, u32)) -> &str {
        self.lower.get(from as usize..to as usize).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_and_tokens_are_those_of_the_lowercased_text() {
        let w = AsciiWords::of("  It's 221B Baker-Street,\tLONDON!  ").expect("ascii");
        assert_eq!(w.lower(), "  it's 221b baker-street,\tlondon!  ");
        assert_eq!(
            w.run_words().collect::<Vec<_>>(),
            ["it", "s", "221b", "baker", "street", "london"]
        );
        assert_eq!(
            w.tokens().collect::<Vec<_>>(),
            ["it's", "221b", "baker-street,", "london!"]
        );
    }

    #[test]
    fn empty_and_other_texts() {
        let w = AsciiWords::of("").expect("ascii");
        assert_eq!(w.run_words().count(), 0);
        assert_eq!(w.tokens().count(), 0);
        let w = AsciiWords::of("?! ...").expect("ascii");
        assert_eq!(w.run_words().count(), 0);
        assert_eq!(w.tokens().collect::<Vec<_>>(), ["?!", "..."]);
        assert!(AsciiWords::of("ça va").is_none());
    }

    /// Every run and token, against the splits each signal made on its own before.
    #[test]
    fn the_same_words_as_each_split() {
        let texts = [
            "Hi, my order #4521 hasn't arrived yet and it's been a week.",
            "i want a person\nNOW!!! ok??",
            "'quoted' words -- and a--dash, {{Order Number}} done",
            "tab\tand\u{b}vertical tab\u{c}form feed",
        ];
        for text in texts {
            let w = AsciiWords::of(text).expect("ascii");
            let lower = text.to_ascii_lowercase();
            let runs: Vec<&str> = lower
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|s| !s.is_empty())
                .collect();
            assert_eq!(w.run_words().collect::<Vec<_>>(), runs, "{text}");
            let tokens: Vec<&str> = lower
                .split(|c: char| c.is_ascii_whitespace())
                .filter(|s| !s.is_empty())
                .collect();
            assert_eq!(w.tokens().collect::<Vec<_>>(), tokens, "{text}");
        }
    }
}
