//! Sentiment: a faithful Rust rendering of VADER (Hutto & Gilbert, ICWSM-14).
//!
//! The lexicons are vaderSentiment 3.3.2's (MIT, `data/LICENSE-vader.txt`), embedded in
//! the binary. The algorithm follows the published description and the reference
//! implementation's documented behaviour: booster and dampener words, negation up to three
//! words back, "no" as a negator, contrastive "but", ALL-CAPS emphasis, `!`/`?` emphasis,
//! special idioms ("the bomb", "kiss of death"), "least" and "kind of".
//!
//! The hot path borrows the input: tokens are slices of the text, and a token is only
//! lowercased into a fresh string when it actually contains an upper-case letter.

use std::borrow::Cow;
use std::sync::LazyLock;

/// Empirically derived intensity added by a booster word ("very").
const B_INCR: f32 = 0.293;
/// Empirically derived intensity removed by a dampener word ("slightly").
const B_DECR: f32 = -0.293;
/// Intensity added by an ALL-CAPS word in mixed-case text.
const C_INCR: f32 = 0.733;
/// Scalar applied to a negated word's valence.
const N_SCALAR: f32 = -0.74;
/// Normalisation constant: approximates the largest expected raw sum.
const ALPHA: f32 = 15.0;

const LEXICON_TEXT: &str = include_str!("../../data/vader_lexicon.txt");
const EMOJI_TEXT: &str = include_str!("../../data/emoji_utf8_lexicon.txt");

/// Word → mean valence (-4..4), built once.
static LEXICON: LazyLock<super::FastMap<&'static str, f32>> = LazyLock::new(|| {
    LEXICON_TEXT
        .lines()
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let word = cols.next()?;
            let value = cols.next()?.trim().parse::<f32>().ok()?;
            Some((word, value))
        })
        .collect()
});

/// What one lowercased word is: its lexicon valence and its booster scalar, found with
/// one lookup.
#[derive(Clone, Copy, Debug, Default)]
struct WordInfo {
    valence: Option<f32>,
    /// One of the negation words (see [`is_negation`]).
    negation: bool,
    booster: Option<f32>,
}

/// The lexicon and the boosters in one map.
static WORDS: LazyLock<super::FastMap<&'static str, WordInfo>> = LazyLock::new(|| {
    let mut map: super::FastMap<&'static str, WordInfo> = super::FastMap::default();
    for (w, v) in LEXICON.iter() {
        map.entry(w).or_default().valence = Some(*v);
    }
    for (w, b) in BOOSTERS.iter() {
        map.entry(w).or_default().booster = Some(*b);
    }
    for w in NEGATE {
        map.entry(w).or_default().negation = true;
    }
    map
});

/// Answers most misses of [`WORDS`] without hashing.
static WORDS_FILTER: LazyLock<super::WordFilter> =
    LazyLock::new(|| super::WordFilter::new(WORDS.keys().copied()));

/// Whether a lowercase token has a lexicon valence, as a function with the lexicon's
/// filter and map looked up once (for many tokens). A text none of whose tokens has one
/// scores 0: boosters, negations and emphasis only scale the valence of a lexicon word.
pub(crate) fn valence_words() -> impl Fn(&str) -> bool {
    let (filter, words) = (&*WORDS_FILTER, &*WORDS);
    move |lower| filter.may_contain(lower) && words.get(lower).is_some_and(|w| w.valence.is_some())
}

fn word_info(lower: &str) -> WordInfo {
    if !WORDS_FILTER.may_contain(lower) {
        return WordInfo::default();
    }
    WORDS.get(lower).copied().unwrap_or_default()
}

/// Whether the sentiment lexicon rates `lower` (a lowercased word): a word in use, spelt as
/// people spell it, so no typo of another.
pub(crate) fn rates_word(lower: &str) -> bool {
    word_info(lower).valence.is_some()
}

/// The most negative lexicon valence of any word of `text` (0 when none is negative): how
/// strong its strongest word is, whatever the words around it.
pub(crate) fn most_negative_word(text: &str) -> f32 {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .filter_map(|w| word_info(&w.to_lowercase()).valence)
        .fold(0.0, f32::min)
}

/// Single-character emoji → its textual description ("grinning face").
static EMOJI: LazyLock<super::FastMap<char, &'static str>> = LazyLock::new(|| {
    EMOJI_TEXT
        .lines()
        .filter_map(|line| {
            let (emoji, description) = line.split_once('\t')?;
            let mut chars = emoji.chars();
            let c = chars.next()?;
            // Multi-code-point emoji never match: the reference scans one character at a time.
            chars.next().is_none().then_some((c, description.trim()))
        })
        .collect()
});

const NEGATE: &[&str] = &[
    "aint",
    "arent",
    "cannot",
    "cant",
    "couldnt",
    "darent",
    "didnt",
    "doesnt",
    "ain't",
    "aren't",
    "can't",
    "couldn't",
    "daren't",
    "didn't",
    "doesn't",
    "dont",
    "hadnt",
    "hasnt",
    "havent",
    "isnt",
    "mightnt",
    "mustnt",
    "neither",
    "don't",
    "hadn't",
    "hasn't",
    "haven't",
    "isn't",
    "mightn't",
    "mustn't",
    "neednt",
    "needn't",
    "never",
    "none",
    "nope",
    "nor",
    "not",
    "nothing",
    "nowhere",
    "oughtnt",
    "shant",
    "shouldnt",
    "uhuh",
    "wasnt",
    "werent",
    "oughtn't",
    "shan't",
    "shouldn't",
    "uh-uh",
    "wasn't",
    "weren't",
    "without",
    "wont",
    "wouldnt",
    "won't",
    "wouldn't",
    "rarely",
    "seldom",
    "despite",
];

/// Booster and dampener words, looked up by hash (a `match` on eighty strings compares them
/// one by one).
static BOOSTERS: LazyLock<super::FastMap<&'static str, f32>> = LazyLock::new(|| {
    BOOSTER_WORDS
        .iter()
        .filter_map(|w| booster_slow(w).map(|v| (*w, v)))
        .collect()
});

/// Every word [`booster_slow`] knows.
const BOOSTER_WORDS: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerable",
    "considerably",
    "decidedly",
    "deeply",
    "effing",
    "enormous",
    "enormously",
    "entirely",
    "especially",
    "exceptional",
    "exceptionally",
    "extreme",
    "extremely",
    "fabulously",
    "flipping",
    "flippin",
    "frackin",
    "fracking",
    "fricking",
    "frickin",
    "frigging",
    "friggin",
    "fully",
    "fuckin",
    "fucking",
    "fuggin",
    "fugging",
    "greatly",
    "hella",
    "highly",
    "hugely",
    "incredible",
    "incredibly",
    "intensely",
    "major",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "total",
    "totally",
    "tremendous",
    "tremendously",
    "uber",
    "unbelievably",
    "unusually",
    "utter",
    "utterly",
    "very",
    "almost",
    "barely",
    "hardly",
    "just enough",
    "kind of",
    "kinda",
    "kindof",
    "kind-of",
    "less",
    "little",
    "marginal",
    "marginally",
    "occasional",
    "occasionally",
    "partly",
    "scarce",
    "scarcely",
    "slight",
    "slightly",
    "somewhat",
    "sort of",
    "sorta",
    "sortof",
    "sort-of",
];

fn booster_slow(word: &str) -> Option<f32> {
    Some(match word {
        "absolutely" | "amazingly" | "awfully" | "completely" | "considerable" | "considerably"
        | "decidedly" | "deeply" | "effing" | "enormous" | "enormously" | "entirely"
        | "especially" | "exceptional" | "exceptionally" | "extreme" | "extremely"
        | "fabulously" | "flipping" | "flippin" | "frackin" | "fracking" | "fricking"
        | "frickin" | "frigging" | "friggin" | "fully" | "fuckin" | "fucking" | "fuggin"
        | "fugging" | "greatly" | "hella" | "highly" | "hugely" | "incredible" | "incredibly"
        | "intensely" | "major" | "majorly" | "more" | "most" | "particularly" | "purely"
        | "quite" | "really" | "remarkably" | "so" | "substantially" | "thoroughly" | "total"
        | "totally" | "tremendous" | "tremendously" | "uber" | "unbelievably" | "unusually"
        | "utter" | "utterly" | "very" => B_INCR,
        "almost" | "barely" | "hardly" | "just enough" | "kind of" | "kinda" | "kindof"
        | "kind-of" | "less" | "little" | "marginal" | "marginally" | "occasional"
        | "occasionally" | "partly" | "scarce" | "scarcely" | "slight" | "slightly"
        | "somewhat" | "sort of" | "sorta" | "sortof" | "sort-of" => B_DECR,
        _ => return None,
    })
}

/// The negation words as a set: the reference [`Token::negation`] is tested against.
#[cfg(test)]
static NEGATIONS: LazyLock<super::FastMap<&'static str, ()>> =
    LazyLock::new(|| NEGATE.iter().map(|w| (*w, ())).collect());

/// Whether `word` negates what follows (the reference definition; scoring reads
/// [`Token::negation`], looked up with the word's valence).
#[cfg(test)]
fn is_negation(word: &str) -> bool {
    // Every negation word is 3 to 9 bytes long.
    (3..=9).contains(&word.len()) && NEGATIONS.contains_key(word) || word.contains("n't")
}

/// Python's `str.isupper`: at least one cased character and no lower-case one.
fn is_upper(word: &str) -> bool {
    if word.is_ascii() {
        let b = word.as_bytes();
        return !b.iter().any(u8::is_ascii_lowercase) && b.iter().any(u8::is_ascii_uppercase);
    }
    let mut cased = false;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

/// Strips surrounding punctuation unless what is left is two characters or fewer
/// (then the token was likely an emoticon such as `:)`, kept whole).
#[inline]
pub(crate) fn strip_punct(token: &str) -> &str {
    let b = token.as_bytes();
    // Most tokens neither start nor end with punctuation: nothing to strip.
    if b.first().is_some_and(|c| !c.is_ascii_punctuation())
        && b.last().is_some_and(|c| !c.is_ascii_punctuation())
    {
        return token;
    }
    let start = b
        .iter()
        .position(|c| !c.is_ascii_punctuation())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_punctuation())
        .map_or(start, |e| e + 1);
    // ASCII punctuation is one byte, so both ends are character boundaries.
    let stripped = &token[start..end.max(start)];
    // At most two characters: at most 8 bytes, and counted only when not ASCII.
    if stripped.len() <= 2
        || (!stripped.is_ascii() && stripped.len() <= 8 && stripped.chars().count() <= 2)
    {
        token
    } else {
        stripped
    }
}

struct Token<'a> {
    lower: Cow<'a, str>,
    /// Lexicon valence of the lowercased token, looked up once.
    lexicon: Option<f32>,
    /// Booster scalar of the lowercased token, looked up with the valence.
    booster: Option<f32>,
    /// The lowercased token is one of the negation words, looked up with the valence.
    negation: bool,
    /// The original is ALL CAPS.
    upper: bool,
}

impl Token<'_> {
    fn lower(&self) -> &str {
        &self.lower
    }
    fn in_lexicon(&self) -> bool {
        self.lexicon.is_some()
    }
}

/// The four VADER scores of one text.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Polarity {
    pub neg: f32,
    pub neu: f32,
    pub pos: f32,
    /// Normalised, weighted composite in -1..=1.
    pub compound: f32,
}

/// One token of `text`; `all` is the whole text lowercased when it is ASCII, and the
/// token's lowercase form is borrowed from it.
fn token<'t>(raw: &'t str, text: &'t str, all: Option<&'t str>) -> Token<'t> {
    let original = strip_punct(raw);
    let lower = if let Some(all) = all {
        let at = original.as_ptr() as usize - text.as_ptr() as usize;
        Cow::Borrowed(&all[at..at + original.len()])
    } else if original.chars().any(char::is_uppercase) {
        Cow::Owned(original.to_lowercase())
    } else {
        Cow::Borrowed(original)
    };
    let info = word_info(&lower);
    Token {
        lower,
        lexicon: info.valence,
        booster: info.booster,
        negation: info.negation,
        upper: is_upper(original),
    }
}

/// Buffers reused from one text to the next on the same thread, so that scoring a text
/// allocates nothing once the thread has scored a text as long.
#[derive(Default)]
struct Buffers {
    /// The text lowercased (ASCII texts only).
    lower: String,
    /// Always empty between calls: only its allocation is kept.
    tokens: Vec<Token<'static>>,
    sentiments: Vec<f32>,
}

/// Buffers larger than this are given back after use rather than kept for the thread.
const KEEP_BYTES: usize = 64 << 10;

thread_local! {
    static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::new(Buffers::default());
}

/// An empty vector that keeps `v`'s allocation, for tokens of another lifetime (the
/// element types have the same layout, so the standard library collects in place).
fn recycle<'b>(mut v: Vec<Token<'_>>) -> Vec<Token<'b>> {
    v.clear();
    v.into_iter()
        .map(|_| unreachable!("the vector is empty"))
        .collect()
}

/// Scores one text (best at the sentence or chat-turn level).
pub fn polarity(text: &str) -> Polarity {
    with_buffers(|b| polarity_with(text, b, score))
}

/// Runs `f` with this thread's buffers (fresh ones if they are in use or gone).
fn with_buffers<T>(f: impl Fn(&mut Buffers) -> T) -> T {
    BUFFERS
        .try_with(|b| match b.try_borrow_mut() {
            Ok(mut b) => f(&mut b),
            Err(_) => f(&mut Buffers::default()),
        })
        .unwrap_or_else(|_| f(&mut Buffers::default()))
}

/// Scores `text` and summarises the word sentiments with `summary`.
fn polarity_with<T>(text: &str, buffers: &mut Buffers, summary: impl Fn(&[f32], &str) -> T) -> T {
    let text = replace_emoji(text);
    let text = text.trim();
    // ASCII text is lowercased once, and each token borrows its lowercase form from it.
    let ascii = text.is_ascii();
    let mut lower = std::mem::take(&mut buffers.lower);
    lower.clear();
    if ascii {
        lower.push_str(text);
        lower.make_ascii_lowercase();
    }
    let all = ascii.then_some(lower.as_str());
    let mut tokens: Vec<Token<'_>> = recycle(std::mem::take(&mut buffers.tokens));
    // On ASCII text, ASCII whitespace is all the whitespace there is.
    if ascii {
        tokens.extend(
            text.split_ascii_whitespace()
                .map(|raw| token(raw, text, all)),
        );
    } else {
        tokens.extend(text.split_whitespace().map(|raw| token(raw, text, all)));
    }
    let cap_differential = {
        let caps = tokens.iter().filter(|t| t.upper).count();
        caps > 0 && caps < tokens.len()
    };

    let sentiments = &mut buffers.sentiments;
    sentiments.clear();
    for i in 0..tokens.len() {
        let word = tokens[i].lower();
        let is_kind_of = word == "kind" && tokens.get(i + 1).is_some_and(|t| t.lower() == "of");
        if tokens[i].booster.is_some() || is_kind_of {
            sentiments.push(0.0);
            continue;
        }
        sentiments.push(valence(&tokens, i, cap_differential));
    }

    but_check(&tokens, sentiments);
    let polarity = summary(sentiments, text);
    if tokens.capacity() * std::mem::size_of::<Token<'_>>() <= KEEP_BYTES {
        buffers.tokens = recycle(tokens);
    }
    if lower.capacity() <= KEEP_BYTES {
        buffers.lower = lower;
    }
    if sentiments.capacity() * std::mem::size_of::<f32>() > KEEP_BYTES {
        *sentiments = Vec::new();
    }
    polarity
}

/// Replaces each known emoji by its description, so "😁" scores as "beaming face with
/// smiling eyes". Borrows the text when it holds no emoji.
fn replace_emoji(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || !text.chars().any(|c| EMOJI.contains_key(&c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 32);
    let mut prev_space = true;
    for c in text.chars() {
        if let Some(description) = EMOJI.get(&c) {
            if !prev_space {
                out.push(' ');
            }
            out.push_str(description);
            prev_space = false;
        } else {
            out.push(c);
            prev_space = c == ' ';
        }
    }
    Cow::Owned(out)
}

fn scalar_inc_dec(token: &Token<'_>, valence: f32, cap_differential: bool) -> f32 {
    let Some(mut scalar) = token.booster else {
        return 0.0;
    };
    if valence < 0.0 {
        scalar = -scalar;
    }
    if token.upper && cap_differential {
        scalar += if valence > 0.0 { C_INCR } else { -C_INCR };
    }
    scalar
}

fn valence(tokens: &[Token<'_>], i: usize, cap_differential: bool) -> f32 {
    let token = &tokens[i];
    let Some(base) = token.lexicon else {
        return 0.0;
    };
    let lower = |k: usize| tokens[k].lower();
    let mut valence = base;

    // "no" before another lexicon word negates it rather than counting on its own.
    if lower(i) == "no" && tokens.get(i + 1).is_some_and(Token::in_lexicon) {
        valence = 0.0;
    }
    if (i > 0 && lower(i - 1) == "no")
        || (i > 1 && lower(i - 2) == "no")
        || (i > 2 && lower(i - 3) == "no" && matches!(lower(i - 1), "or" | "nor"))
    {
        valence = base * N_SCALAR;
    }

    if token.upper && cap_differential {
        valence += if valence > 0.0 { C_INCR } else { -C_INCR };
    }

    for start in 0..3 {
        // Modifiers up to three words back, dampened with distance; a preceding word that
        // carries sentiment of its own is not treated as a modifier.
        if i > start && !tokens[i - (start + 1)].in_lexicon() {
            let mut s = scalar_inc_dec(&tokens[i - (start + 1)], valence, cap_differential);
            if start == 1 {
                s *= 0.95;
            } else if start == 2 {
                s *= 0.9;
            }
            valence += s;
            valence = negation_check(valence, tokens, start, i);
            if start == 2 {
                valence = special_idioms_check(valence, tokens, i);
            }
        }
    }
    least_check(valence, tokens, i)
}

fn negation_check(valence: f32, tokens: &[Token<'_>], start: usize, i: usize) -> f32 {
    let lower = |k: usize| tokens[k].lower();
    // `is_negation(lower(k))`, with the word list looked up already.
    let is_negation = |k: usize| tokens[k].negation || tokens[k].lower().contains("n't");
    match start {
        0 if is_negation(i - 1) => valence * N_SCALAR,
        1 => {
            if lower(i - 2) == "never" && matches!(lower(i - 1), "so" | "this") {
                valence * 1.25
            } else if lower(i - 2) == "without" && lower(i - 1) == "doubt" {
                valence
            } else if is_negation(i - 2) {
                valence * N_SCALAR
            } else {
                valence
            }
        }
        2 => {
            if (lower(i - 3) == "never" && matches!(lower(i - 2), "so" | "this"))
                || matches!(lower(i - 1), "so" | "this")
            {
                valence * 1.25
            } else if lower(i - 3) == "without"
                && (lower(i - 2) == "doubt" || lower(i - 1) == "doubt")
            {
                valence
            } else if is_negation(i - 3) {
                valence * N_SCALAR
            } else {
                valence
            }
        }
        _ => valence,
    }
}

/// A special idiom's valence: the words of the phrase as separate tokens ("kiss of death").
fn special_case_words(parts: &[&str]) -> Option<f32> {
    Some(match parts {
        ["the", "shit"] | ["the", "bomb"] | ["to", "die", "for"] => 3.0,
        ["bad", "ass"] => 1.5,
        ["bus", "stop"] => 0.0,
        ["yeah", "right"] => -2.0,
        ["kiss", "of", "death"] => -1.5,
        ["beating", "heart"] => 3.1,
        ["broken", "heart"] => -2.9,
        _ => return None,
    })
}

/// A multi-word booster or dampener ("kind of", "sort of", "just enough").
fn booster_words(parts: &[&str]) -> Option<f32> {
    match parts {
        ["just", "enough"] | ["kind", "of"] | ["sort", "of"] => Some(B_DECR),
        _ => None,
    }
}

fn special_idioms_check(mut valence: f32, tokens: &[Token<'_>], i: usize) -> f32 {
    let w = |k: usize| tokens[k].lower();
    // Only reached with i >= 3, so every backward index below is in range. Tokens hold no
    // whitespace, so comparing word sequences is comparing the space-joined phrases.
    let backward: [&[&str]; 5] = [
        &[w(i - 1), w(i)],
        &[w(i - 2), w(i - 1), w(i)],
        &[w(i - 2), w(i - 1)],
        &[w(i - 3), w(i - 2), w(i - 1)],
        &[w(i - 3), w(i - 2)],
    ];
    if let Some(v) = backward.iter().find_map(|seq| special_case_words(seq)) {
        valence = v;
    }
    if i + 1 < tokens.len()
        && let Some(v) = special_case_words(&[w(i), w(i + 1)])
    {
        valence = v;
    }
    if i + 2 < tokens.len()
        && let Some(v) = special_case_words(&[w(i), w(i + 1), w(i + 2)])
    {
        valence = v;
    }
    // Multi-word dampeners such as "kind of" or "sort of".
    for seq in [
        &[w(i - 3), w(i - 2), w(i - 1)][..],
        &[w(i - 3), w(i - 2)][..],
        &[w(i - 2), w(i - 1)][..],
    ] {
        if let Some(b) = booster_words(seq) {
            valence += b;
        }
    }
    valence
}

fn least_check(valence: f32, tokens: &[Token<'_>], i: usize) -> f32 {
    // "least good" negates; "at least good" and "very least" do not.
    if i > 0 && !tokens[i - 1].in_lexicon() && tokens[i - 1].lower() == "least" {
        if i > 1 {
            if !matches!(tokens[i - 2].lower(), "at" | "very") {
                return valence * N_SCALAR;
            }
        } else {
            return valence * N_SCALAR;
        }
    }
    valence
}

/// Contrastive "but": what comes before is halved, what follows weighs half again.
fn but_check(tokens: &[Token<'_>], sentiments: &mut [f32]) {
    let Some(bi) = tokens.iter().position(|t| t.lower() == "but") else {
        return;
    };
    for (si, s) in sentiments.iter_mut().enumerate() {
        if si < bi {
            *s *= 0.5;
        } else if si > bi {
            *s *= 1.5;
        }
    }
}

fn punctuation_emphasis(text: &str) -> f32 {
    let (mut exclamations, mut questions) = (0usize, 0usize);
    for b in text.bytes() {
        exclamations += usize::from(b == b'!');
        questions += usize::from(b == b'?');
    }
    let exclamations = exclamations.min(4);
    let qm = match questions {
        0 | 1 => 0.0,
        2 | 3 => questions as f32 * 0.18,
        _ => 0.96,
    };
    exclamations as f32 * 0.292 + qm
}

/// Maps an unbounded sum to -1..=1.
fn normalize(score: f32) -> f32 {
    (score / (score * score + ALPHA).sqrt()).clamp(-1.0, 1.0)
}

/// The compound score of the word sentiments of `text`, with its `!`/`?` emphasis.
fn compound_score(sentiments: &[f32], text: &str) -> (f32, f32) {
    let punct = punctuation_emphasis(text);
    let mut sum: f32 = sentiments.iter().sum();
    if sum > 0.0 {
        sum += punct;
    } else if sum < 0.0 {
        sum -= punct;
    }
    (normalize(sum), punct)
}

fn score(sentiments: &[f32], text: &str) -> Polarity {
    if sentiments.is_empty() {
        return Polarity::default();
    }
    let (compound, punct) = compound_score(sentiments, text);

    let (mut pos, mut neg, mut neu) = (0.0f32, 0.0f32, 0usize);
    for &s in sentiments {
        // +1/-1 compensates for neutral words being counted as 1.
        if s > 0.0 {
            pos += s + 1.0;
        } else if s < 0.0 {
            neg += s - 1.0;
        } else {
            neu += 1;
        }
    }
    if pos > neg.abs() {
        pos += punct;
    } else if pos < neg.abs() {
        neg -= punct;
    }
    let total = pos + neg.abs() + neu as f32;
    Polarity {
        neg: (neg / total).abs(),
        neu: (neu as f32 / total).abs(),
        pos: (pos / total).abs(),
        compound,
    }
}

/// The compound score alone: what rules and trends use ([`polarity`]'s `compound`,
/// without the positive, negative and neutral shares).
pub fn compound(text: &str) -> f32 {
    with_buffers(|b| {
        polarity_with(text, b, |sentiments, text| {
            if sentiments.is_empty() {
                0.0
            } else {
                compound_score(sentiments, text).0
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(text: &str) -> f32 {
        compound(text)
    }

    #[test]
    fn reference_examples_score_like_vader() {
        // Reference values printed by vaderSentiment 3.3.2 for its own demo sentences.
        let cases = [
            ("VADER is smart, handsome, and funny.", 0.8316),
            ("VADER is smart, handsome, and funny!", 0.8439),
            ("VADER is very smart, handsome, and funny.", 0.8545),
            ("VADER is VERY SMART, handsome, and FUNNY.", 0.9227),
            ("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342),
            ("VADER is not smart, handsome, nor funny.", -0.7424),
            ("The book was good.", 0.4404),
            ("At least it isn't a horrible book.", 0.431),
            ("Today SUX!", -0.5461),
            ("Not bad at all", 0.431),
        ];
        for (text, expected) in cases {
            let got = c(text);
            assert!(
                (got - expected).abs() < 0.002,
                "{text}: got {got}, expected {expected}"
            );
        }
    }

    #[test]
    fn boosters_negation_but_and_caps_move_the_score() {
        assert!(c("the service was very good") > c("the service was good"));
        assert!(c("the service was slightly good") < c("the service was good"));
        assert!(c("the service was not good") < 0.0);
        assert!(c("the food was good, but the service was horrible") < 0.0);
        assert!(c("this is GREAT and fine") > c("this is great and fine"));
        assert!(c("this is great!!!") > c("this is great"));
        assert!(c("the bomb") > 0.0 || c("this movie is the bomb") > 0.0);
        assert!(c("Roger Dodger is one of the least compelling variations on this theme.") < 0.0);
        assert!(c("Roger Dodger is at least compelling as a variation on the theme.") > 0.0);
    }

    #[test]
    fn emoji_and_emoticons_score() {
        assert!(c("thanks 😁") > c("thanks"));
        assert!(c(":)") > 0.0);
        assert!(c(":(") < 0.0);
    }

    #[test]
    fn neutral_text_and_hard_negatives_stay_near_zero() {
        assert_eq!(c(""), 0.0);
        assert_eq!(c("my order is 12345"), 0.0);
        // "number" carries +0.3 in the lexicon, exactly as in the reference.
        assert!((c("my order number is 12345") - 0.0772).abs() < 0.001);
        // Words that look negative but are not in the lexicon in that sense.
        assert!(c("please cancel the bus stop reservation").abs() < 0.3);
        assert!(c("no problem, thank you") > 0.0);
    }
}

#[cfg(test)]
mod booster_tests {
    use super::*;

    #[test]
    fn negation_flags_agree_with_the_word_list() {
        for w in NEGATE
            .iter()
            .chain(&["no", "not!", "nt", "good", "cant", "xyz"])
        {
            let info = word_info(w);
            assert_eq!(info.negation, NEGATE.contains(w), "{w}");
            assert_eq!(info.negation || w.contains("n't"), is_negation(w), "{w}");
        }
    }

    #[test]
    fn the_booster_table_holds_every_booster() {
        for w in BOOSTER_WORDS {
            assert_eq!(word_info(w).booster, booster_slow(w), "{w}");
            assert!(word_info(w).booster.is_some(), "{w}");
        }
        for w in ["good", "kind", "sort", "", "veryy", "so!"] {
            assert_eq!(word_info(w).booster, booster_slow(w), "{w}");
        }
    }
}

#[cfg(test)]
mod buffer_tests {
    use super::*;

    #[test]
    fn reused_buffers_score_like_fresh_ones() {
        let texts = [
            "The plot was good, but the characters are uncompelling and the dialog is not great.",
            "ok",
            "VADER is VERY SMART, handsome, and FUNNY!!!",
            "",
            "Ça ne marche pas du tout, c'est nul 😠",
            "not bad at all",
        ];
        for t in texts {
            let shared = polarity(t);
            let fresh = polarity_with(t, &mut Buffers::default(), score);
            assert_eq!(shared, fresh, "{t}");
            assert_eq!(compound(t).to_bits(), fresh.compound.to_bits(), "{t}");
        }
    }
}
