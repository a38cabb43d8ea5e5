//! Text and patterns recoded so that ASCII word boundaries mean what Unicode ones do.
//!
//! The patterns are written with Unicode `\b`. A lazy DFA can only check those on ASCII
//! text: on any other letter it gives up, and the search falls back to a PikeVM or a
//! backtracker, 10 to 30 µs per pattern on a 70-byte turn (a quarter of the evaluation
//! turns, and every turn of a deployment in Spanish or German). Here the text is recoded
//! to ASCII word characters, one character for one, and each pattern the same way, so the
//! patterns match the recoded text with ASCII `\b` exactly where they matched the text:
//!
//! - ASCII letters are lowercased, and the patterns (parsed case-insensitively) keep only
//!   the lowercase forms;
//! - each other letter a pattern names becomes an uppercase code letter shared by its case
//!   variants (`é`, `É` → `C`); the Kelvin sign and the long s, which fold to `k` and `s`,
//!   become those;
//! - every other word character becomes `Y` (a digit) or `Z` (the rest): a class of a
//!   pattern holds all of them or none (`\w`, `.`, `[^…]`), else the pattern is not
//!   recoded and keeps the Unicode search;
//! - other characters (punctuation, symbols, emoji) stay as they are, in text and patterns.
//!
//! So a position is a word boundary in the recoded text exactly when it is one in the text,
//! and a class holds a recoded character exactly when it holds the character.

use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition,
};

use super::FastMap;

/// The code of the first letter the patterns name; the next ones follow.
const FIRST_CODE: u8 = b'A';
/// Any other decimal digit.
const OTHER_DIGIT: u8 = b'Y';
/// Any other word character.
const OTHER_WORD: u8 = b'Z';

/// See the module documentation.
#[derive(Debug)]
pub(crate) struct Recoder {
    /// Each non-ASCII word character with a recoding of its own: a code letter, or the
    /// ASCII letter it folds to.
    map: FastMap<char, u8>,
    /// The non-ASCII word characters of `map`.
    named: ClassUnicode,
    /// Non-ASCII decimal digits not in `map`.
    other_digits: ClassUnicode,
    /// Non-ASCII word characters neither in `map` nor digits.
    other_words: ClassUnicode,
    /// Every non-ASCII word character.
    words: ClassUnicode,
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
    /// A recoder for `patterns`: each non-ASCII word character they name gets a code.
    /// Past the 24 codes there are, a character is left as one of the others, and the
    /// patterns that name it are not recoded (see [`Recoder::pattern`]).
    pub(crate) fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Recoder {
        let words = non_ascii(perl_class(r"\w"));
        let digits = non_ascii(perl_class(r"\d"));
        let mut map = FastMap::default();
        let mut named = ClassUnicode::empty();
        for letter in b'a'..=b'z' {
            for v in case_variants(char::from(letter)) {
                if !v.is_ascii() {
                    map.insert(v, letter);
                    named.push(ClassUnicodeRange::new(v, v));
                }
            }
        }
        let mut next = FIRST_CODE;
        for c in patterns.into_iter().flat_map(str::chars) {
            if c.is_ascii() || !contains(&words, c) || map.contains_key(&c) || next == OTHER_DIGIT {
                continue;
            }
            for v in case_variants(c) {
                map.insert(v, next);
                named.push(ClassUnicodeRange::new(v, v));
            }
            next += 1;
        }
        let mut other_digits = digits.clone();
        other_digits.difference(&named);
        let mut other_words = words.clone();
        other_words.difference(&digits);
        other_words.difference(&named);
        Recoder {
            map,
            named,
            other_digits,
            other_words,
            words,
        }
    }

    /// `text` recoded into `out`: as many characters, each recoded as the module says.
    pub(crate) fn text(&self, text: &str, out: &mut String) {
        out.clear();
        out.reserve(text.len());
        for c in text.chars() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else if let Some(&code) = self.map.get(&c) {
                out.push(char::from(code));
            } else if contains(&self.other_digits, c) {
                out.push(char::from(OTHER_DIGIT));
            } else if contains(&self.other_words, c) {
                out.push(char::from(OTHER_WORD));
            } else {
                out.push(c);
            }
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
            // An uppercase letter would stand for itself alone, and the text has none.
            return (!c.is_ascii_uppercase()).then_some(c);
        }
        if let Some(&code) = self.map.get(&c) {
            // One character standing for all its case variants: only when it has none.
            return (case_variants(c).len() == 1).then_some(char::from(code));
        }
        // One of the others stands for all of them; a non-word character for itself.
        (!contains(&self.words, c)).then_some(c)
    }

    /// The recoded class of `class`: `None` when some recoded character would stand for
    /// characters the class partly holds.
    fn class(&self, class: &ClassUnicode) -> Option<ClassUnicode> {
        let mut out = ClassUnicode::empty();
        let push = |out: &mut ClassUnicode, c: char| out.push(ClassUnicodeRange::new(c, c));
        for b in 0u8..0x80 {
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
        for (others, code) in [
            (&self.other_digits, OTHER_DIGIT),
            (&self.other_words, OTHER_WORD),
        ] {
            let mut inside = class.clone();
            inside.intersect(others);
            if inside.ranges().is_empty() {
                continue;
            }
            if inside != *others {
                return None;
            }
            push(&mut out, char::from(code));
        }
        // Other non-ASCII characters stand for themselves.
        let mut rest = non_ascii(class.clone());
        rest.difference(&self.words);
        rest.difference(&self.named);
        out.union(&rest);
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
        recoder.text("Été, 日本… OK", &mut view);
        assert_eq!(view, "AtA, ZZ… ok");
    }

    #[test]
    fn a_class_holding_some_of_the_others_is_not_recoded() {
        let recoder = Recoder::new([r"\bx\b"]);
        // Greek letters are some of the other word characters, not all of them.
        assert_eq!(recoder.pattern(r"\p{Greek}+"), None);
        assert!(recoder.pattern(r"\w+").is_some());
        assert!(recoder.pattern(r"[^ ]+").is_some());
    }
}
