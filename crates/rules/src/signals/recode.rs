//! Text and patterns recoded to ASCII, so that the lazy DFA runs every search.
//!
//! The patterns are written with Unicode `\b`. A lazy DFA can only check those on ASCII
//! text: on any other letter it gives up, and the search falls back to a PikeVM or a
//! backtracker, 10 to 30 µs per pattern on a 70-byte turn (a quarter of the evaluation
//! turns, and every turn of a deployment in Spanish or German). Text with other characters
//! also grows the DFA's states (a `.` spans up to four bytes) until its cache thrashes.
//! Here the text is recoded to ASCII, one character for one, and each pattern the same way,
//! so that the patterns match the recoded text with ASCII `\b` exactly where they matched
//! the text:
//!
//! - ASCII letters are lowercased, and the patterns (parsed case-insensitively) keep only
//!   the lowercase forms;
//! - each other character a pattern names becomes a code shared by its case variants: an
//!   uppercase letter for a letter (`é`, `É` → `A`), a control character for a symbol
//!   (`€`); the Kelvin sign and the long s, which fold to `k` and `s`, become those;
//! - every other character becomes the code of its kind: `Y` a digit, `Z` a word character,
//!   one control character a space, another the rest (with the ASCII control characters
//!   the codes use). A class of a pattern holds all of a kind or none (`\w`, `\s`, `.`,
//!   `[^…]`), else the pattern is not recoded and keeps the Unicode search.
//!
//! So a position is a word boundary in the recoded text exactly when it is one in the text,
//! a class holds a recoded character exactly when it holds the character, and the recoded
//! text's byte offsets are the text's character offsets.

use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition,
};

use super::FastMap;

/// The codes of the letters the patterns name, in order.
const LETTER_CODES: std::ops::RangeInclusive<u8> = b'A'..=b'W';
/// The codes of the symbols the patterns name: the ASCII control characters that are not
/// whitespace, but for the two kinds' codes below.
const SYMBOL_CODES: [u8; 21] = [
    1, 2, 3, 4, 5, 6, 7, 8, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19,
    0x1a,
];
/// Any other decimal digit.
const OTHER_DIGIT: u8 = b'Y';
/// Any other word character.
const OTHER_WORD: u8 = b'Z';
/// Any other space.
const OTHER_SPACE: u8 = 0x1d;
/// Any other character, and the ASCII control characters the codes use.
const OTHER_SYMBOL: u8 = 0x1e;

/// Whether an ASCII character is one of the codes (it stands for [`OTHER_SYMBOL`]).
fn is_code(b: u8) -> bool {
    SYMBOL_CODES.contains(&b) || b == OTHER_SPACE || b == OTHER_SYMBOL
}

/// See the module documentation.
#[derive(Debug)]
pub(crate) struct Recoder {
    /// Each non-ASCII character with a code of its own, or the ASCII letter it folds to.
    map: FastMap<char, u8>,
    /// The other characters of each kind, with the kind's code.
    kinds: [(ClassUnicode, u8); 4],
}

/// Classes with more characters outside ASCII than this name none of them: they are
/// kinds (`\w`, `.`), or ranges that would use up the codes.
const MAX_NAMED_IN_CLASS: usize = 8;

/// The non-ASCII characters `pattern` names: in its literals and its small classes,
/// written or escaped (`\u{a0}`).
fn named_chars(pattern: &str) -> Vec<char> {
    fn walk(hir: &Hir, out: &mut Vec<char>) {
        match hir.kind() {
            HirKind::Literal(literal) => {
                out.extend(String::from_utf8_lossy(&literal.0).chars());
            }
            HirKind::Class(Class::Unicode(class)) => {
                let others = non_ascii(class.clone());
                let chars: Vec<char> = others
                    .iter()
                    .flat_map(|r| r.start()..=r.end())
                    .take(MAX_NAMED_IN_CLASS + 1)
                    .collect();
                if chars.len() <= MAX_NAMED_IN_CLASS {
                    out.extend(chars);
                }
            }
            HirKind::Repetition(r) => walk(&r.sub, out),
            HirKind::Capture(c) => walk(&c.sub, out),
            HirKind::Concat(subs) | HirKind::Alternation(subs) => {
                subs.iter().for_each(|s| walk(s, out));
            }
            HirKind::Empty | HirKind::Look(_) | HirKind::Class(Class::Bytes(_)) => {}
        }
    }
    let mut out = Vec::new();
    // Case-sensitive: a letter's case variants are named with it.
    if let Ok(hir) = regex_syntax::parse(pattern) {
        walk(&hir, &mut out);
    }
    out
}

/// The class of a Perl escape (`\w`, `\d`) in Unicode mode.
fn perl_class(escape: &str) -> ClassUnicode {
    match regex_syntax::parse(escape).map(Hir::into_kind) {
        Ok(HirKind::Class(Class::Unicode(c))) => c,
        _ => ClassUnicode::empty(),
    }
}

fn single(c: char) -> ClassUnicode {
    ClassUnicode::new([ClassUnicodeRange::new(c, c)])
}

/// `c` and its simple case variants.
fn case_variants(c: char) -> Vec<char> {
    let mut class = single(c);
    class.case_fold_simple();
    class.iter().flat_map(|r| r.start()..=r.end()).collect()
}

fn contains(class: &ClassUnicode, c: char) -> bool {
    class
        .ranges()
        .binary_search_by(|r| {
            if r.end() < c {
                std::cmp::Ordering::Less
            } else if r.start() > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn non_ascii(mut class: ClassUnicode) -> ClassUnicode {
    class.difference(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7f')]));
    class
}

impl Recoder {
    /// A recoder for `patterns`: each non-ASCII character they name gets a code. Past the
    /// codes there are, a character is left to its kind, and the patterns that name it
    /// are not recoded (see [`Recoder::pattern`]).
    pub(crate) fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Recoder {
        let words = non_ascii(perl_class(r"\w"));
        let digits = non_ascii(perl_class(r"\d"));
        let spaces = non_ascii(perl_class(r"\s"));
        let mut map = FastMap::default();
        let mut named = ClassUnicode::empty();
        let mut name = |c: char, code: u8, map: &mut FastMap<char, u8>| {
            map.insert(c, code);
            named.push(ClassUnicodeRange::new(c, c));
        };
        for letter in b'a'..=b'z' {
            for v in case_variants(char::from(letter)) {
                if !v.is_ascii() {
                    name(v, letter, &mut map);
                }
            }
        }
        let mut letters = LETTER_CODES;
        let mut symbols = SYMBOL_CODES.into_iter();
        for c in patterns.into_iter().flat_map(named_chars) {
            if c.is_ascii() || map.contains_key(&c) {
                continue;
            }
            let code = if contains(&words, c) {
                letters.next()
            } else {
                symbols.next()
            };
            let Some(code) = code else { continue };
            for v in case_variants(c) {
                name(v, code, &mut map);
            }
        }
        let mut other_digits = digits.clone();
        other_digits.difference(&named);
        let mut other_words = words.clone();
        other_words.difference(&digits);
        other_words.difference(&named);
        let mut other_spaces = spaces.clone();
        other_spaces.difference(&named);
        let mut other_symbols = ClassUnicode::new([ClassUnicodeRange::new('\u{80}', char::MAX)]);
        for kind in [&words, &spaces, &named] {
            other_symbols.difference(kind);
        }
        for b in (0u8..0x80).filter(|b| is_code(*b)) {
            other_symbols.push(ClassUnicodeRange::new(char::from(b), char::from(b)));
        }
        Recoder {
            map,
            kinds: [
                (other_digits, OTHER_DIGIT),
                (other_words, OTHER_WORD),
                (other_spaces, OTHER_SPACE),
                (other_symbols, OTHER_SYMBOL),
            ],
        }
    }

    /// `text` recoded into `out`: one ASCII character for each character of `text`.
    pub(crate) fn text(&self, text: &str, out: &mut String) {
        out.clear();
        out.reserve(text.len());
        for c in text.chars() {
            let code = if c.is_ascii() {
                let b = c as u8;
                if is_code(b) {
                    OTHER_SYMBOL
                } else {
                    b.to_ascii_lowercase()
                }
            } else if let Some(&code) = self.map.get(&c) {
                code
            } else {
                self.kinds
                    .iter()
                    .find(|(kind, _)| contains(kind, c))
                    .map_or(OTHER_SYMBOL, |(_, code)| *code)
            };
            out.push(char::from(code));
        }
    }

    /// `pattern` (matched case-insensitively on the text) recoded, to be matched
    /// case-sensitively on the recoded text; `None` when it cannot be recoded exactly.
    pub(crate) fn pattern(&self, pattern: &str) -> Option<String> {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(pattern)
            .ok()?;
        Some(self.hir(&hir)?.to_string())
    }

    fn hir(&self, hir: &Hir) -> Option<Hir> {
        Some(match hir.kind() {
            HirKind::Empty => Hir::empty(),
            HirKind::Literal(literal) => {
                let text = std::str::from_utf8(&literal.0).ok()?;
                let mut out = String::with_capacity(text.len());
                for c in text.chars() {
                    out.push(self.literal_char(c)?);
                }
                Hir::literal(out.into_bytes())
            }
            HirKind::Class(Class::Unicode(class)) => Hir::class(Class::Unicode(self.class(class)?)),
            HirKind::Class(Class::Bytes(_)) => return None,
            HirKind::Look(look) => Hir::look(ascii_look(*look)),
            HirKind::Repetition(r) => Hir::repetition(Repetition {
                sub: Box::new(self.hir(&r.sub)?),
                ..r.clone()
            }),
            HirKind::Capture(c) => Hir::capture(Capture {
                sub: Box::new(self.hir(&c.sub)?),
                ..c.clone()
            }),
            HirKind::Concat(parts) => {
                Hir::concat(parts.iter().map(|p| self.hir(p)).collect::<Option<_>>()?)
            }
            HirKind::Alternation(branches) => Hir::alternation(
                branches
                    .iter()
                    .map(|b| self.hir(b))
                    .collect::<Option<_>>()?,
            ),
        })
    }

    /// A character of a literal (a case-insensitive pattern keeps only caseless ones).
    fn literal_char(&self, c: char) -> Option<char> {
        if c.is_ascii() {
            // An uppercase letter would stand for itself alone, and the text has none; a
            // code stands for a whole kind.
            return (!c.is_ascii_uppercase() && !is_code(c as u8)).then_some(c);
        }
        // One code standing for all the character's case variants: only when it has none.
        let code = *self.map.get(&c)?;
        (case_variants(c).len() == 1).then_some(char::from(code))
    }

    /// The recoded class of `class`: `None` when some recoded character would stand for
    /// characters the class partly holds.
    fn class(&self, class: &ClassUnicode) -> Option<ClassUnicode> {
        let mut out = ClassUnicode::empty();
        let push = |out: &mut ClassUnicode, c: char| out.push(ClassUnicodeRange::new(c, c));
        for b in (0u8..0x80).filter(|b| !is_code(*b)) {
            let c = char::from(b);
            if !contains(class, c) {
                continue;
            }
            if c.is_ascii_alphabetic() {
                // Both cases or neither: the text's letters are lowercased.
                if !contains(class, c.to_ascii_lowercase())
                    || !contains(class, c.to_ascii_uppercase())
                {
                    return None;
                }
                if c.is_ascii_lowercase() {
                    push(&mut out, c);
                }
            } else {
                push(&mut out, c);
            }
        }
        // Characters recoded alike: all in the class or none.
        let mut by_code: FastMap<u8, (bool, bool)> = FastMap::default();
        for (&c, &code) in &self.map {
            let (any, all) = by_code.entry(code).or_insert((false, true));
            let inside = contains(class, c);
            *any |= inside;
            *all &= inside;
        }
        for (code, (any, all)) in by_code {
            if any != all {
                return None;
            }
            if code.is_ascii_lowercase() {
                // A character that folds to an ASCII letter: in the class with it or not.
                if all != contains(class, char::from(code)) {
                    return None;
                }
            } else if all {
                push(&mut out, char::from(code));
            }
        }
        for (kind, code) in &self.kinds {
            let mut inside = class.clone();
            inside.intersect(kind);
            if inside.ranges().is_empty() {
                continue;
            }
            if inside != *kind {
                return None;
            }
            push(&mut out, char::from(*code));
        }
        Some(out)
    }
}

/// The ASCII form of a word-boundary assertion; other assertions are kept.
fn ascii_look(look: Look) -> Look {
    match look {
        Look::WordUnicode => Look::WordAscii,
        Look::WordUnicodeNegate => Look::WordAsciiNegate,
        Look::WordStartUnicode => Look::WordStartAscii,
        Look::WordEndUnicode => Look::WordEndAscii,
        Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
        Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `pattern` matches `text`, directly and recoded.
    fn both(recoder: &Recoder, pattern: &str, text: &str) -> (bool, bool) {
        let direct = regex::RegexBuilder::new(pattern)
            .case_insensitive(true)
            .build()
            .expect("pattern");
        let recoded = regex::Regex::new(&recoder.pattern(pattern).expect("recodable"))
            .expect("recoded pattern");
        let mut view = String::new();
        recoder.text(text, &mut view);
        (direct.is_match(text), recoded.is_match(&view))
    }

    #[test]
    fn recoded_patterns_match_recoded_text_where_the_patterns_matched() {
        let patterns = [
            r"\best[áa]\b",
            r"\ba\b",
            r"\bn[ãa]o (consigo|posso)\b",
            r"\b(müll|straße)\b",
            r"\bcaf[ée]\b.{0,10}\bfroid\b",
            r"\d+ ?€",
            r"\w+ment\b",
            r"\bkilo\b",
            r"\bit[’']s\s+gone\b",
            r"\d+\s?(€|£)",
            r"\bx[^y]y",
            r"\d[\ \u{a0}]\d{3}",
        ];
        let recoder = Recoder::new(patterns);
        let texts = [
            "ESTÁ sangrando",
            "está",
            "ação",
            "a ação",
            "NÃO CONSIGO",
            "não posso entrar",
            "die STRASSE und die Straße",
            "MÜLL",
            "café très froid",
            "CAFÉ — froid",
            "١٢ €",
            "12 €",
            "évidemment",
            "naïvement",
            "\u{212A}ILO",
            "kilo’s",
            "日本 a",
            "e\u{301} a",
            "IT’S\u{a0}GONE",
            "it's  gone",
            "it‘s gone",
            "12\u{202f}€ and 3 £",
            "x\u{1}y",
            "x\u{2}y",
            "x€y",
            "1\u{a0}000",
            "1 000",
            "1\u{2009}000",
        ];
        for pattern in patterns {
            for text in texts {
                let (direct, recoded) = both(&recoder, pattern, text);
                assert_eq!(direct, recoded, "{pattern} on {text}");
            }
        }
    }

    #[test]
    fn recoded_text_keeps_one_character_for_one() {
        let recoder = Recoder::new([r"\bé\b"]);
        let mut view = String::new();
        recoder.text("Été, 日本… OK\u{a0}€\u{1}", &mut view);
        assert_eq!(view, "AtA, ZZ\u{1e} ok\u{1d}\u{1e}\u{1e}");
    }

    #[test]
    fn a_class_holding_some_of_the_others_is_not_recoded() {
        let recoder = Recoder::new([r"\bx\b"]);
        // Greek letters are some of the other word characters, not all of them.
        assert_eq!(recoder.pattern(r"\p{Greek}+"), None);
        // The control characters that serve as codes stand for a kind.
        assert_eq!(recoder.pattern(r"x\x01y"), None);
        assert!(recoder.pattern(r"\w+").is_some());
        assert!(recoder.pattern(r"[^ ]+").is_some());
    }
}
