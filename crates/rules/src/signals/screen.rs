//! A literal screen in front of many case-insensitive regexes: which of them can match a
//! text at all, learnt in one Aho-Corasick pass over it.
//!
//! One `RegexSet` over all the topic patterns was fast on the one text a benchmark repeats
//! and slow on real traffic: every new text built new states of its lazy DFA (a 2,991-turn
//! replay cost 29 µs per ASCII turn), and on text with any non-ASCII letter the Unicode
//! `\b` made it fall back to the PikeVM over all the patterns (0.9 ms per turn). Most turns
//! can match none of the patterns, and every match of a pattern holds one of a few literals
//! (the prefixes `regex-syntax` extracts from the pattern or from one of its parts); a
//! pattern is run only when the text holds one of its literals.
//!
//! The screen never turns away a text its pattern matches:
//! - the literals are extracted from the pattern parsed case-sensitively, and looked for
//!   ASCII-case-insensitively, each other letter in each of its simple case variants (a
//!   case variant of an ASCII letter is an ASCII letter of the same length);
//! - the two non-ASCII letters whose case folds to ASCII (the Kelvin sign and the long s)
//!   would break that, so a text holding either is not screened;
//! - a pattern with no such finite set of non-empty literals is always run.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange, Hir, HirKind};

/// Patterns a screen can hold.
pub(crate) const MAX_PATTERNS: usize = 256;

/// A set of pattern indexes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Candidates([u64; MAX_PATTERNS / 64]);

impl Candidates {
    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn union(&mut self, other: &Candidates) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
    }
    fn all(n: usize) -> Candidates {
        let mut c = Candidates::default();
        (0..n).for_each(|i| c.insert(i));
        c
    }
    /// Whether pattern `i` is a candidate.
    pub(crate) fn contains(&self, i: usize) -> bool {
        i < MAX_PATTERNS && self.0[i / 64] & (1 << (i % 64)) != 0
    }
    /// The candidate indexes, in increasing order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, bits)| {
            let mut bits = *bits;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let b = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    w * 64 + b
                })
            })
        })
    }
}

/// See the module documentation.
#[derive(Debug)]
pub(crate) struct Screen {
    /// Every literal of every screened pattern; `None` when there is none to look for.
    prefixes: Option<DFA>,
    /// For each prefix of `prefixes`, the patterns it belongs to.
    owners: Vec<Candidates>,
    /// The patterns that are always run.
    always: Candidates,
    /// How many patterns there are.
    len: usize,
    /// The longest literal, in bytes.
    longest: usize,
}

/// Longest literal kept: longer ones are cut (still a necessary condition). The cut keeps
/// the automaton small (12,564 literals of up to 16 bytes made a 70 MB DFA; cut to 8 bytes,
/// 12 MB) at no cost on varied text, where the DFA's size costs cache misses; cut to 6
/// (2.6 MB), common words start to pass the screen ("just t…") and run patterns for nothing.
const MAX_PREFIX: usize = 8;

impl Screen {
    /// The screen of `patterns`, which are matched case-insensitively. Patterns that do
    /// not parse are always candidates (they are reported where they are compiled).
    pub(crate) fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Screen {
        let mut prefixes: Vec<Vec<u8>> = Vec::new();
        let mut owners: Vec<Candidates> = Vec::new();
        let mut index: std::collections::HashMap<Vec<u8>, usize> = Default::default();
        let mut always = Candidates::default();
        let mut len = 0;
        for (i, pattern) in patterns.into_iter().enumerate() {
            len = i + 1;
            // A pattern past the limit could never be a candidate: `PatternBank::complete`
            // (checked by each bank's test) refuses such a bank.
            if i >= MAX_PATTERNS {
                continue;
            }
            let Some(found) = pattern_prefixes(pattern) else {
                always.insert(i);
                continue;
            };
            for p in found {
                let at = *index.entry(p).or_insert_with_key(|p| {
                    prefixes.push(p.clone());
                    owners.push(Candidates::default());
                    owners.len() - 1
                });
                owners[at].insert(i);
            }
        }
        let longest = prefixes.iter().map(Vec::len).max().unwrap_or(0);
        let prefixes = (!prefixes.is_empty())
            .then(|| {
                DFA::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .start_kind(StartKind::Unanchored)
                    // The walk below reads every byte; a prefilter would only make the
                    // start state special.
                    .prefilter(false)
                    .build(&prefixes)
                    .ok()
            })
            .flatten();
        if prefixes.is_none() {
            always = Candidates::all(len.min(MAX_PATTERNS));
        }
        Screen {
            prefixes,
            owners,
            always,
            len,
            longest,
        }
    }

    /// The patterns that may match `text`; the others cannot.
    pub(crate) fn candidates(&self, text: &str) -> Candidates {
        let Some(dfa) = &self.prefixes else {
            return self.always;
        };
        if !text.is_ascii() && text.contains(['\u{212A}', '\u{017F}']) {
            return Candidates::all(self.len.min(MAX_PATTERNS));
        }
        let mut out = self.always;
        let Ok(start) = dfa.start_state(Anchored::No) else {
            return Candidates::all(self.len.min(MAX_PATTERNS));
        };
        let text = text.as_bytes();
        // An overlapping search, walked by hand: every literal ending at each byte is
        // reported (a Standard DFA state holds them all), without the iterator's state
        // machine around each step, which cost as much as the walk itself.
        //
        // The DFA is megabytes, so each step waits for a load that misses the cache, and
        // each step needs the state before it. The text is cut into lanes walked side by
        // side, so that their loads overlap. A lane starts as many bytes before its part as
        // the longest literal has: a state stands for the longest suffix read that begins a
        // literal, so after that many bytes a lane is in the state one walk from the start
        // of the text would be in, and every literal ending in its part is reported. What
        // a lane reports before its part is a literal of the text too, so nothing is
        // checked per step but the state, and every lane takes the same number of steps
        // (the first lane's run reaches into the second's part, the last lane starts a
        // little earlier).
        const LANES: usize = 4;
        let lanes = (text.len() / (2 * self.longest.max(1))).clamp(1, LANES);
        let part = text.len().div_ceil(lanes);
        let steps = (part + self.longest).min(text.len());
        let mut from = [0usize; LANES];
        for (k, f) in from.iter_mut().enumerate().take(lanes) {
            *f = (k * part)
                .saturating_sub(self.longest)
                .min(text.len() - steps);
        }
        match lanes {
            1 => self.walk::<1>(dfa, start, text, &from, steps, &mut out),
            2 => self.walk::<2>(dfa, start, text, &from, steps, &mut out),
            3 => self.walk::<3>(dfa, start, text, &from, steps, &mut out),
            _ => self.walk::<LANES>(dfa, start, text, &from, steps, &mut out),
        }
        out
    }

    /// The walk of [`Screen::candidates`] over `L` lanes of `steps` bytes, from the
    /// offsets in `from`: the number of lanes is fixed at compile time, so that the lanes
    /// of each step are unrolled and the text is read without bounds checks.
    // Each step reads the same byte index of every lane: a range loop says it plainest.
    #[allow(clippy::needless_range_loop)]
    fn walk<const L: usize>(
        &self,
        dfa: &DFA,
        start: aho_corasick::automaton::StateID,
        text: &[u8],
        from: &[usize],
        steps: usize,
        out: &mut Candidates,
    ) {
        let lanes: [&[u8]; L] = std::array::from_fn(|k| &text[from[k]..from[k] + steps]);
        let mut state = [start; L];
        for i in 0..steps {
            for k in 0..L {
                state[k] = dfa.next_state(Anchored::No, state[k], lanes[k][i]);
                if dfa.is_special(state[k]) && dfa.is_match(state[k]) {
                    for m in 0..dfa.match_len(state[k]) {
                        out.union(&self.owners[dfa.match_pattern(state[k], m).as_usize()]);
                    }
                }
            }
        }
    }
}

/// Literals one of which occurs in every match of `pattern` (ASCII letters in any case,
/// other letters in each of their case variants), at most [`MAX_PREFIX`] bytes long;
/// `None` when no such finite set of non-empty literals is found.
fn pattern_prefixes(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    let mut out = factors(&hir)?;
    out.sort();
    out.dedup();
    // A literal that starts another makes the longer one redundant. Sorted, every literal
    // between a literal and one it starts also starts with it: the last one kept decides.
    let mut kept: Vec<Vec<u8>> = Vec::with_capacity(out.len());
    for p in out {
        if kept.last().is_none_or(|q| !p.starts_with(q)) {
            kept.push(p);
        }
    }
    (!kept.is_empty()).then_some(kept)
}

/// How good a set of literals is as a screen: its shortest literal, then how few there are.
fn score(set: &[Vec<u8>]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(set.len()))
}

/// Literals one of which occurs in every match of `hir`: the prefixes of the node itself,
/// or, for a concatenation, those of any one of its parts (a match of the whole holds a
/// match of each part), whichever screens best.
fn factors(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let mut best = prefixes(hir);
    let mut consider = |candidate: Option<Vec<Vec<u8>>>| {
        if let Some(c) = candidate
            && best.as_ref().is_none_or(|b| score(&c) > score(b))
        {
            best = Some(c);
        }
    };
    match hir.kind() {
        HirKind::Concat(parts) => parts.iter().for_each(|p| consider(factors(p))),
        HirKind::Capture(c) => consider(factors(&c.sub)),
        HirKind::Repetition(r) if r.min > 0 => consider(factors(&r.sub)),
        HirKind::Alternation(branches) => {
            let mut union = Vec::new();
            for b in branches {
                union.extend(factors(b)?);
            }
            consider(Some(union));
        }
        _ => {}
    }
    best
}

/// The literal prefixes of every match of `hir`, made fit for an ASCII-case-insensitive
/// search: `None` when they are unbounded or one of them is empty.
fn prefixes(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    // Limits well above the defaults (which are tuned for a regex's own prefilter): an
    // alternation of a hundred words keeps its words rather than their first letters.
    let seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_class(64)
        .limit_repeat(16)
        .limit_literal_len(MAX_PREFIX)
        .limit_total(4096)
        .extract(hir);
    let mut out = Vec::new();
    for literal in seq.literals()? {
        let variants = case_variants(literal.as_bytes());
        if variants.iter().any(Vec::is_empty) {
            return None;
        }
        out.extend(variants);
    }
    (!out.is_empty()).then_some(out)
}

/// The forms of `literal` a case-insensitive match can take, with ASCII letters left to the
/// search: each other letter in each of its simple case variants. A cut character (the
/// extractor cuts bytes) ends the literal; so does a letter whose variants would multiply
/// the forms past a few.
fn case_variants(literal: &[u8]) -> Vec<Vec<u8>> {
    let text = match std::str::from_utf8(literal) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&literal[..e.valid_up_to()]).unwrap_or(""),
    };
    let mut forms: Vec<Vec<u8>> = vec![Vec::new()];
    for c in text.chars() {
        if c.is_ascii() {
            forms
                .iter_mut()
                .for_each(|f| f.push(c.to_ascii_lowercase() as u8));
            continue;
        }
        let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
        class.case_fold_simple();
        let chars: Vec<char> = class.iter().flat_map(|r| r.start()..=r.end()).collect();
        if forms.len() * chars.len() > 8 {
            break;
        }
        forms = forms
            .iter()
            .flat_map(|f| {
                chars.iter().map(move |ch| {
                    let mut f = f.clone();
                    f.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
                    f
                })
            })
            .collect();
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screened(patterns: &[&str], text: &str) -> Vec<usize> {
        Screen::new(patterns.iter().copied())
            .candidates(text)
            .iter()
            .collect()
    }

    #[test]
    fn only_patterns_whose_literal_occurs_are_candidates() {
        let patterns = [r"\bgas (leak|smell)\b", r"\b(sue|suing) you\b", r"\bfire\b"];
        assert_eq!(screened(&patterns, "a GAS SMELL in the kitchen"), vec![0]);
        assert_eq!(screened(&patterns, "we will be Suing you"), vec![1]);
        assert_eq!(
            screened(&patterns, "the gas is fine, my order is late"),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn a_literal_inside_the_pattern_screens_it() {
        // No prefix bounds the first pattern, but every match holds "broken".
        let patterns = [r"\w+ is broken", r"\b(\w+ ){0,3}(refund|money back)\b"];
        assert_eq!(screened(&patterns, "the app is broken"), vec![0]);
        assert_eq!(screened(&patterns, "I want my Money Back"), vec![1]);
        assert_eq!(screened(&patterns, "nothing here"), Vec::<usize>::new());
    }

    /// The candidates of one plain overlapping search over the whole text.
    fn one_walk(screen: &Screen, text: &str) -> Candidates {
        let mut out = screen.always;
        let Some(dfa) = &screen.prefixes else {
            return out;
        };
        let input = aho_corasick::Input::new(text);
        let mut state = aho_corasick::automaton::OverlappingState::start();
        loop {
            dfa.try_find_overlapping(&input, &mut state)
                .expect("search");
            let Some(m) = state.get_match() else {
                return out;
            };
            out.union(&screen.owners[m.pattern().as_usize()]);
        }
    }

    #[test]
    fn the_lanes_find_what_one_walk_finds() {
        let patterns = [
            r"\bgas (leak|smell)\b",
            r"\b(sue|suing) you\b",
            r"\bfire\b",
            r"\bsmoke detector\b",
            r"\bchargeback\b",
            r"\bflood(ed|ing)?\b",
            r"\bcarbon monoxide\b",
        ];
        let screen = Screen::new(patterns.iter().copied());
        let words = [
            "the",
            "gas",
            "smell",
            "suing",
            "you",
            "fire",
            "smoke",
            "detector",
            "a",
            "chargeback",
            "flooding",
            "carbon",
            "monoxide",
            "ok",
            "x",
        ];
        // Every length from empty to long enough for four lanes, with literals at every
        // offset, so that some cross each lane's edge.
        let mut seed = 7u64;
        for len in 0..60 {
            for _ in 0..20 {
                let text: Vec<&str> = (0..len)
                    .map(|_| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                        words[(seed >> 33) as usize % words.len()]
                    })
                    .collect();
                let text = text.join(" ");
                assert_eq!(
                    screen.candidates(&text),
                    one_walk(&screen, &text),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn patterns_without_a_literal_are_always_run() {
        let patterns = [r"\w+", r"x?", r"\bok\b"];
        assert_eq!(screened(&patterns, "nothing here"), vec![0, 1]);
    }

    #[test]
    fn other_letters_are_looked_for_in_each_case() {
        let patterns = [r"\bsí señor\b", r"\bcaf[ée]\b", r"\bêtre\b"];
        assert_eq!(screened(&patterns, "SÍ SEÑOR"), vec![0]);
        assert_eq!(screened(&patterns, "un CAFÉ, peut-ÊTRE"), vec![1, 2]);
        assert_eq!(screened(&patterns, "si senor, cafe"), vec![1]);
    }

    #[test]
    fn letters_that_fold_to_ascii_turn_the_screen_off() {
        // The Kelvin sign matches "k" case-insensitively.
        let patterns = [r"\bkilo\b"];
        let re = regex::RegexBuilder::new(patterns[0])
            .case_insensitive(true)
            .build()
            .expect("pattern");
        assert!(re.is_match("\u{212A}ILO"));
        assert_eq!(screened(&patterns, "\u{212A}ILO"), vec![0]);
    }
}
