//! A bank of case-insensitive patterns searched together: the literal screen says which can
//! match a text at all ([`super::screen`]), and text outside ASCII is searched recoded
//! ([`super::recode`]), so every search stays on the lazy DFA. Results are those of the
//! patterns searched one by one with the `regex` crate.

use std::cell::OnceCell;
use std::ops::Range;

use regex::Regex;

use super::recode::Recoder;
use super::screen::{Candidates, Screen};

/// See the module documentation.
#[derive(Debug)]
pub(crate) struct PatternBank {
    screen: Screen,
    recoder: Recoder,
    /// Each pattern, for ASCII text; `None` when it does not compile.
    plain: Vec<Option<Regex>>,
    /// Each pattern recoded, for recoded text; `None` when it cannot be recoded exactly
    /// (the plain one serves).
    recoded: Vec<Option<Regex>>,
}

/// Compiled patterns may grow this large (some are long alternations).
const SIZE_LIMIT: usize = 64 << 20;

impl PatternBank {
    /// The bank of `patterns`, each matched case-insensitively.
    pub(crate) fn new(patterns: &[&str]) -> PatternBank {
        let recoder = Recoder::new(patterns.iter().copied());
        let plain = patterns
            .iter()
            .map(|p| {
                regex::RegexBuilder::new(p)
                    .case_insensitive(true)
                    .size_limit(SIZE_LIMIT)
                    .build()
                    .ok()
            })
            .collect();
        let recoded = patterns
            .iter()
            .map(|p| {
                regex::RegexBuilder::new(&recoder.pattern(p)?)
                    .size_limit(SIZE_LIMIT)
                    .build()
                    .ok()
            })
            .collect();
        PatternBank {
            screen: Screen::new(patterns.iter().copied()),
            recoder,
            plain,
            recoded,
        }
    }

    /// The patterns that may match `text`; the others cannot.
    pub(crate) fn candidates(&self, text: &str) -> Candidates {
        self.screen.candidates(text)
    }

    /// A search of `text` (recoded on first need).
    pub(crate) fn search<'b, 't>(&'b self, text: &'t str) -> Search<'b, 't> {
        Search {
            bank: self,
            text,
            recode: true,
            recoded: OnceCell::new(),
        }
    }

    /// A search of `text` with the patterns as they are (never recoded), the reference the
    /// recoded search is tested against.
    #[cfg(test)]
    pub(crate) fn search_plain<'b, 't>(&'b self, text: &'t str) -> Search<'b, 't> {
        Search {
            recode: false,
            ..self.search(text)
        }
    }

    /// Whether every pattern compiled, has its recoded form, and fits the screen.
    #[cfg(test)]
    pub(crate) fn complete(&self) -> bool {
        self.plain.len() <= super::screen::MAX_PATTERNS
            && self.plain.iter().all(Option::is_some)
            && self.recoded.iter().all(Option::is_some)
    }

    /// Pattern `i` as it is, for tests that compare with the plain search.
    #[cfg(test)]
    pub(crate) fn plain(&self, i: usize) -> Option<&Regex> {
        self.plain.get(i)?.as_ref()
    }
}

/// One text searched with a [`PatternBank`].
pub(crate) struct Search<'b, 't> {
    bank: &'b PatternBank,
    text: &'t str,
    /// Whether text outside ASCII is searched recoded.
    recode: bool,
    /// The recoded text, and each character's byte offset in the text (then its length).
    recoded: OnceCell<(String, Vec<usize>)>,
}

/// A match's groups, as text of the searched text.
pub(crate) struct Groups<'s, 't> {
    captures: regex::Captures<'s>,
    /// Character offsets to the text's byte offsets, when the search was recoded.
    offsets: Option<&'s [usize]>,
    text: &'t str,
}

impl<'t> Groups<'_, 't> {
    fn text_of(&self, m: Option<regex::Match<'_>>) -> Option<&'t str> {
        let r = m?.range();
        Some(match self.offsets {
            Some(offsets) => &self.text[offsets[r.start]..offsets[r.end]],
            None => &self.text[r],
        })
    }
    /// The whole match.
    pub(crate) fn whole(&self) -> Option<&'t str> {
        self.text_of(self.captures.get(0))
    }
    /// The named group, when it took part.
    pub(crate) fn name(&self, name: &str) -> Option<&'t str> {
        self.text_of(self.captures.name(name))
    }
}

impl<'t> Search<'_, 't> {
    /// The recoded form of pattern `i`, the recoded text and the offsets, when the text is
    /// not ASCII and the pattern has a recoded form.
    fn recoded(&self, i: usize) -> Option<(&Regex, &str, &[usize])> {
        if !self.recode || self.text.is_ascii() {
            return None;
        }
        let re = self.bank.recoded.get(i)?.as_ref()?;
        let (recoded, offsets) = self.recoded.get_or_init(|| {
            let mut out = String::new();
            self.bank.recoder.text(self.text, &mut out);
            let offsets = self
                .text
                .char_indices()
                .map(|(at, _)| at)
                .chain([self.text.len()])
                .collect();
            (out, offsets)
        });
        Some((re, recoded, offsets))
    }

    /// Whether pattern `i` matches.
    pub(crate) fn is_match(&self, i: usize) -> bool {
        match self.recoded(i) {
            Some((re, recoded, _)) => re.is_match(recoded),
            None => self.bank.plain[i]
                .as_ref()
                .is_some_and(|re| re.is_match(self.text)),
        }
    }

    /// The first match of pattern `i` (leftmost first; its byte range in the text) that
    /// `accept` takes.
    pub(crate) fn first(&self, i: usize, accept: impl Fn(Range<usize>) -> bool) -> Option<&'t str> {
        let found = match self.recoded(i) {
            // One recoded byte per character: the match's offsets are character offsets.
            Some((re, recoded, offsets)) => re
                .find_iter(recoded)
                .map(|m| offsets[m.start()]..offsets[m.end()])
                .find(|r| accept(r.clone())),
            None => self.bank.plain[i]
                .as_ref()?
                .find_iter(self.text)
                .map(|m| m.range())
                .find(|r| accept(r.clone())),
        };
        found.map(|r| &self.text[r])
    }

    /// Every match of pattern `i`, leftmost first, with its groups.
    pub(crate) fn captures(&self, i: usize) -> Vec<Groups<'_, 't>> {
        match self.recoded(i) {
            Some((re, recoded, offsets)) => re
                .captures_iter(recoded)
                .map(|captures| Groups {
                    captures,
                    offsets: Some(offsets),
                    text: self.text,
                })
                .collect(),
            None => self.bank.plain[i]
                .as_ref()
                .map(|re| {
                    re.captures_iter(self.text)
                        .map(|captures| Groups {
                            captures,
                            offsets: None,
                            text: self.text,
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}
