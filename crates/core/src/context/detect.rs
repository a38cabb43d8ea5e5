//! Finding secrets and personal data in free text and in field names.
//!
//! Each detector is a regular expression plus, where a format has one, a
//! checksum (Luhn for cards, mod-97 for IBANs, the check letter of a Spanish DNI)
//! so that an order number that merely looks like a card stays readable.
//! Regular expressions are compiled once per policy. A string is first run
//! through one Aho-Corasick automaton of trigger words and a digit count, and
//! only the detectors that could match are run on it: most turns trigger none.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexSet};

use super::RedactionKind;

/// How a detector's candidates are confirmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Check {
    None,
    /// A phrase with a capture group: the secret is the first group that matched;
    /// a group named `skip` that matched means the phrase is harmless.
    Group,
    Card,
    Iban,
    Ssn,
    Nino,
    SpanishId,
}

/// What makes a detector worth running on a string.
enum Trigger {
    /// Any of these words (ASCII case-insensitive).
    Words(&'static [&'static str]),
    /// A run of at least this many digits, single spaces or hyphens allowed between them.
    DigitRun(usize),
    /// At least this many digits in a row.
    PlainDigitRun(usize),
    /// At least this many digits in total, and two ASCII letters right before
    /// two ASCII digits somewhere (how every IBAN starts).
    DigitsAfterLetters(usize),
    /// A run of at least this many digits (as [`Trigger::DigitRun`]), and two
    /// ASCII letters then an ASCII digit, a single space allowed between them
    /// (how every valid UK National Insurance number starts).
    DigitRunAfterLetters(usize),
}

struct Builtin {
    name: &'static str,
    kind: RedactionKind,
    pattern: &'static str,
    check: Check,
    trigger: Trigger,
}

/// Built-in detectors, strongest first.
fn builtins() -> Vec<Builtin> {
    use Check as C;
    use RedactionKind as K;
    use Trigger as T;
    vec![
        Builtin {
            name: "private_key",
            kind: K::Credential,
            pattern: r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?s:.)*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|\z)",
            check: C::None,
            trigger: T::Words(&["-----begin"]),
        },
        Builtin {
            name: "authorization_header",
            kind: K::Credential,
            pattern: r"(?i)(?-u:\b)(?:proxy-)?authorization\s*[:=]\s*([^\r\n]+)",
            check: C::Group,
            trigger: T::Words(&["authorization"]),
        },
        Builtin {
            name: "cookie_header",
            kind: K::Credential,
            pattern: r"(?i)(?-u:\b)(?:set-)?cookie\s*:\s*([^\r\n]+)",
            check: C::Group,
            trigger: T::Words(&["cookie"]),
        },
        Builtin {
            name: "bearer_token",
            kind: K::Credential,
            pattern: r"(?i)(?-u:\b)bearer\s+([A-Za-z0-9\-._~+/]{12,}=*)",
            check: C::Group,
            trigger: T::Words(&["bearer"]),
        },
        Builtin {
            name: "jwt",
            kind: K::Credential,
            pattern: r"(?-u:\b)eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*)?",
            check: C::None,
            trigger: T::Words(&["eyj"]),
        },
        Builtin {
            name: "api_key",
            kind: K::Credential,
            pattern: concat!(
                r"(?-u:\b)(?:",
                r"(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{8,}",
                r"|sk-(?:proj-|ant-|live-)?[A-Za-z0-9_-]{20,}",
                r"|(?:AKIA|ASIA)[0-9A-Z]{16}",
                r"|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}",
                r"|xox[abposr]-[A-Za-z0-9-]{10,}",
                r"|AIza[0-9A-Za-z_-]{30,}",
                r"|whsec_[A-Za-z0-9+/=]{16,}",
                r"|glpat-[A-Za-z0-9_-]{20,}",
                r"|ya29\.[A-Za-z0-9_-]{20,}",
                r"|shp(?:at|ss|ca|pa)_[A-Fa-f0-9]{20,}",
                r"|npm_[A-Za-z0-9]{30,}",
                r"|hf_[A-Za-z0-9]{30,}",
                r")"
            ),
            check: C::None,
            trigger: T::Words(&[
                "sk_",
                "rk_",
                "pk_",
                "sk-",
                "akia",
                "asia",
                "ghp_",
                "gho_",
                "ghu_",
                "ghs_",
                "ghr_",
                "github_pat_",
                "xox",
                "aiza",
                "whsec_",
                "glpat-",
                "ya29.",
                "shp",
                "npm_",
                "hf_",
            ]),
        },
        Builtin {
            name: "url_credentials",
            kind: K::Credential,
            pattern: r"(?i)(?-u:\b)[a-z][a-z0-9+.-]*://[^\s/:@]+:([^\s/@]+)@",
            check: C::Group,
            trigger: T::Words(&["://"]),
        },
        Builtin {
            // "my password is hunter2", "OTP: 482913", "api_key=abc", "token was x".
            // Up to three filler words may sit between the word and `is`/`was`
            // ("the password for my account is …").
            name: "credential_phrase",
            kind: K::Credential,
            pattern: concat!(
                r"(?i)(?-u:\b)(?:pass(?:word|phrase|code)s?|passwd|pwd|pw|pin(?:[ _-]?(?:code|number))?",
                r"|otp|totp|one[ _-]?time[ _-]?(?:pass(?:word|code)?|code|pin)",
                r"|(?:verification|security|auth|authentication|login|sms|2fa|mfa|confirmation|access)[ _-]?(?:code|pin)",
                r"|(?:client[ _-]?|app[ _-]?)?secret(?:[ _-]?key)?",
                r"|(?:api|access|private|secret|signing|encryption|license)[ _-]?key",
                r"|(?:access|refresh|auth|id|session|api|bearer|csrf|reset)?[ _-]?token",
                r"|cookie|session[ _-]?(?:id|key|cookie|token)|credentials?)",
                r"(?-u:\b)(?:(?:\s+[A-Za-z'-]+){0,3}?\s+(?:is|was|=|:)\s*:?|\s*[:=])\s*",
                // The value never starts with `[`: that is a marker from an earlier pass.
                r#"(?:"([^"\r\n\[][^"\r\n]{0,199})"|'([^'\r\n\[][^'\r\n]{0,199})'|([^\s"',;\[][^\s"',;]*))"#
            ),
            check: C::Group,
            trigger: T::Words(&[
                "pass",
                "pwd",
                "pw",
                "pin",
                "otp",
                "one time",
                "one-time",
                "code",
                "secret",
                "key",
                "token",
                "cookie",
                "session",
                "credential",
            ]),
        },
        Builtin {
            // "code 482913", "your OTP 482913": digits right after a code word.
            // "zip code 90210" and friends are not secrets: the `skip` group sees them.
            name: "one_time_code",
            kind: K::Credential,
            pattern: r"(?i)(?-u:\b)(?:(?P<skip>zip|postal|post|area|country|dialing|promo|promotional|discount|coupon|voucher|product|error|status|tracking|order|reference|ref|sort|bank|branch|swift|tax|class|source|item|style|qr|bar)[ _-]?)?(?:otp|totp|pin|passcode|one[ _-]?time[ _-]?(?:pass(?:word|code)?|code|pin)|(?:verification|security|auth|authentication|login|sign[ -]?in|sms|2fa|mfa|confirmation|access)[ _-]?code|code)(?:\s+(?:is|was|number|no\.?))?\s*[:=#]?\s*(\d{4,10})(?-u:\b)",
            check: C::Group,
            trigger: T::Words(&["otp", "pin", "code", "passcode"]),
        },
        Builtin {
            // The card verification value: three or four digits after its name.
            name: "card_security_code",
            kind: K::Credential,
            pattern: r"(?i)(?-u:\b)(?:cvv2?|cvc2?|csc|cid|card\s+(?:security|verification)\s+(?:code|value))(?:\s+(?:is|was|number|code))?\s*[:=#]?\s*(\d{3,4})(?-u:\b)",
            check: C::Group,
            trigger: T::Words(&[
                "cvv",
                "cvc",
                "csc",
                "cid",
                "card security",
                "card verification",
            ]),
        },
        Builtin {
            name: "iban",
            kind: K::BankAccount,
            pattern: r"(?i)(?-u:\b)[A-Z]{2}[0-9]{2}(?:[ -]?[A-Z0-9]){11,32}",
            check: C::Iban,
            trigger: T::DigitsAfterLetters(8),
        },
        Builtin {
            name: "ssn_phrase",
            kind: K::NationalId,
            pattern: r"(?i)(?-u:\b)(?:ssn|social\s+security(?:\s+(?:number|no\.?|#))?|ss#)(?:\s+(?:is|was))?\s*[:#]?\s*(\d{3}[- ]?\d{2}[- ]?\d{4})(?-u:\b)",
            check: C::Group,
            trigger: T::Words(&["ssn", "social security", "ss#"]),
        },
        Builtin {
            name: "ssn",
            kind: K::NationalId,
            pattern: r"(?-u:\b)(?:\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4})(?-u:\b)",
            check: C::Ssn,
            trigger: T::DigitRun(9),
        },
        Builtin {
            name: "uk_nino",
            kind: K::NationalId,
            pattern: r"(?i)(?-u:\b)[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?-u:\b)",
            check: C::Nino,
            trigger: T::DigitRunAfterLetters(6),
        },
        Builtin {
            name: "es_dni",
            kind: K::NationalId,
            pattern: r"(?i)(?-u:\b)(?:[XYZ]-?\d{7}|\d{8})-?[A-Z](?-u:\b)",
            check: C::SpanishId,
            trigger: T::PlainDigitRun(7),
        },
        Builtin {
            name: "card",
            kind: K::Card,
            pattern: r"(?-u:\b)\d(?:[ -]?\d){12,}(?-u:\b)",
            check: C::Card,
            trigger: T::DigitRun(13),
        },
    ]
}

/// One compiled detector.
pub(crate) struct Detector {
    /// The rule name recorded in `redactions`, e.g. `text:card` or `pattern:acme`.
    pub rule: String,
    pub kind: RedactionKind,
    re: Regex,
    check: Check,
    /// Characters kept at the end of a match; 0 removes it entirely.
    pub keep_last: u8,
}

/// A detector that fired on a string.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub detector: usize,
    pub masked: bool,
}

#[derive(Clone, Copy, Debug)]
struct Hit {
    start: usize,
    end: usize,
    detector: usize,
}

/// How much of each built-in category a receiver keeps.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Keep {
    pub card: u8,
    pub national_id: u8,
    pub bank_account: u8,
}

/// A deployment's own pattern, already validated.
pub(crate) struct Custom {
    pub name: String,
    pub re: Regex,
    pub keep_last: u8,
}

/// Every detector of one policy, with the prefilters that pick which to run.
pub(crate) struct Scanner {
    detectors: Vec<Detector>,
    /// Trigger words; pattern `i` enables detector `word_owner[i]`.
    words: AhoCorasick,
    word_owner: Vec<usize>,
    /// (trigger, detector) for detectors triggered by digits.
    digit_rules: Vec<(Trigger, usize)>,
    /// Custom patterns, run as one set first; index `i` is detector `custom_base + i`.
    custom: Option<RegexSet>,
    custom_base: usize,
}

impl Scanner {
    pub fn new(keep: Keep, customs: Vec<Custom>) -> Result<Scanner, String> {
        let mut detectors = Vec::new();
        let mut words: Vec<&'static str> = Vec::new();
        let mut word_owner = Vec::new();
        let mut digit_rules = Vec::new();
        for b in builtins() {
            let idx = detectors.len();
            match b.trigger {
                Trigger::Words(ws) => {
                    for w in ws {
                        words.push(w);
                        word_owner.push(idx);
                    }
                }
                t => digit_rules.push((t, idx)),
            }
            let keep_last = match b.kind {
                RedactionKind::Card => keep.card,
                RedactionKind::NationalId => keep.national_id,
                RedactionKind::BankAccount => keep.bank_account,
                _ => 0,
            };
            detectors.push(Detector {
                rule: format!("text:{}", b.name),
                kind: b.kind,
                // A built-in pattern that does not compile is a bug caught by the tests.
                re: Regex::new(b.pattern).map_err(|e| format!("built-in {}: {e}", b.name))?,
                check: b.check,
                keep_last,
            });
        }
        let words_ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&words)
            .map_err(|e| e.to_string())?;
        let custom_base = detectors.len();
        let custom = if customs.is_empty() {
            None
        } else {
            Some(RegexSet::new(customs.iter().map(|c| c.re.as_str())).map_err(|e| e.to_string())?)
        };
        for c in customs {
            detectors.push(Detector {
                rule: format!("pattern:{}", c.name),
                kind: RedactionKind::Custom,
                re: c.re,
                check: Check::None,
                keep_last: c.keep_last,
            });
        }
        Ok(Scanner {
            detectors,
            words: words_ac,
            word_owner,
            digit_rules,
            custom,
            custom_base,
        })
    }

    pub fn detector(&self, i: usize) -> &Detector {
        &self.detectors[i]
    }

    /// Redacts `text`, returning the new text when anything was found and
    /// appending what was found to `found`.
    pub fn redact(&self, text: &str, found: &mut Vec<Found>) -> Option<String> {
        let mut hits: Vec<Hit> = Vec::new();
        self.scan(text, &mut hits);
        if hits.is_empty() {
            return None;
        }
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut out = String::with_capacity(text.len());
        let mut pos = 0;
        let mut i = 0;
        while i < hits.len() {
            // Overlapping hits merge into one span, removed entirely: keeping the
            // last digits of one detector's match could reveal part of another's.
            let start = hits[i].start;
            let mut end = hits[i].end;
            let mut j = i + 1;
            while j < hits.len() && hits[j].start < end {
                end = end.max(hits[j].end);
                j += 1;
            }
            let d = &self.detectors[hits[i].detector];
            out.push_str(&text[pos..start]);
            let masked = if j == i + 1 {
                mask(&text[start..end], d.keep_last)
            } else {
                None
            };
            let is_masked = masked.is_some();
            match masked {
                Some(m) => out.push_str(&m),
                None => {
                    out.push_str("[redacted ");
                    out.push_str(d.kind.as_str());
                    out.push(']');
                }
            }
            for h in &hits[i..j] {
                found.push(Found {
                    detector: h.detector,
                    masked: is_masked,
                });
            }
            pos = end;
            i = j;
        }
        out.push_str(&text[pos..]);
        Some(out)
    }

    fn scan(&self, text: &str, hits: &mut Vec<Hit>) {
        // Which built-ins could match: a bitmask (there are fewer than 64).
        let mut want: u64 = 0;
        for m in self.words.find_overlapping_iter(text) {
            want |= 1 << self.word_owner[m.pattern().as_usize()];
        }
        let d = DigitStats::of(text);
        for (t, idx) in &self.digit_rules {
            let hit = match *t {
                Trigger::DigitRun(n) => d.run >= n,
                Trigger::PlainDigitRun(n) => d.plain_run >= n,
                Trigger::DigitsAfterLetters(n) => d.total >= n && d.letters_digits,
                Trigger::DigitRunAfterLetters(n) => d.run >= n && d.letters_space_digit,
                Trigger::Words(_) => false,
            };
            if hit {
                want |= 1 << idx;
            }
        }
        for idx in 0..self.custom_base {
            if want & (1 << idx) != 0 {
                self.run(idx, text, hits);
            }
        }
        // `is_match` stops at the first match and allocates nothing: most
        // strings hold no custom secret, so the full set search is skipped.
        if let Some(set) = &self.custom
            && set.is_match(text)
        {
            for i in set.matches(text).iter() {
                self.run(self.custom_base + i, text, hits);
            }
        }
    }

    fn run(&self, idx: usize, text: &str, hits: &mut Vec<Hit>) {
        let d = &self.detectors[idx];
        let mut push = |start: usize, end: usize| {
            if end > start {
                hits.push(Hit {
                    start,
                    end,
                    detector: idx,
                });
            }
        };
        let mut pos = 0;
        while pos <= text.len() {
            let (start, end, next) = if d.check == Check::Group {
                let Some(c) = d.re.captures_at(text, pos) else {
                    break;
                };
                let Some(m) = c.get(0) else { break };
                if c.name("skip").is_none()
                    && let Some(g) = c.iter().skip(1).flatten().next()
                {
                    push(g.start(), g.end());
                }
                (m.start(), m.end(), m.end())
            } else {
                let Some(m) = d.re.find_at(text, pos) else {
                    break;
                };
                match d.check {
                    Check::None | Check::Group => push(m.start(), m.end()),
                    Check::Card => card_spans(text, m.start(), m.end(), &mut push),
                    Check::Iban => {
                        if let Some(end) = iban_end(&text[m.start()..m.end()]) {
                            push(m.start(), m.start() + end);
                            pos = m.start() + end;
                            continue;
                        }
                        // Not an IBAN from here: look again from the next character,
                        // since the greedy candidate may have swallowed a real one.
                        pos = next_char(text, m.start());
                        continue;
                    }
                    Check::Ssn => {
                        if ssn_valid(m.as_str()) {
                            push(m.start(), m.end());
                        }
                    }
                    Check::Nino => {
                        if nino_valid(m.as_str()) {
                            push(m.start(), m.end());
                        }
                    }
                    Check::SpanishId => {
                        if spanish_id_valid(m.as_str()) {
                            push(m.start(), m.end());
                        }
                    }
                }
                (m.start(), m.end(), m.end())
            };
            pos = if end > start {
                next
            } else {
                next_char(text, start)
            };
        }
    }
}

/// Digit counts that decide which number detectors can match, in one pass.
struct DigitStats {
    total: usize,
    /// Longest run of digits with single spaces or hyphens between them.
    run: usize,
    /// Longest run of digits alone.
    plain_run: usize,
    /// Two ASCII letters right before two ASCII digits (`DE89`).
    letters_digits: bool,
    /// Two ASCII letters, an optional space, an ASCII digit (`AB 1`, `AB1`).
    letters_space_digit: bool,
}

impl DigitStats {
    fn of(text: &str) -> DigitStats {
        let (mut total, mut run, mut plain_run) = (0, 0, 0);
        let (mut cur, mut cur_plain) = (0, 0);
        let mut prev_sep = false;
        for b in text.bytes() {
            if b.is_ascii_digit() {
                total += 1;
                cur += 1;
                cur_plain += 1;
                prev_sep = false;
                run = run.max(cur);
                plain_run = plain_run.max(cur_plain);
            } else if (b == b' ' || b == b'-') && cur > 0 && !prev_sep {
                prev_sep = true;
                cur_plain = 0;
            } else {
                cur = 0;
                cur_plain = 0;
                prev_sep = false;
            }
        }
        let (mut letters_digits, mut letters_space_digit) = (false, false);
        if total > 0 {
            // Only the digits' neighbours matter: look back from each digit.
            let b = text.as_bytes();
            for i in 2..b.len() {
                if !b[i].is_ascii_digit() {
                    continue;
                }
                let alpha = |j: usize| b[j].is_ascii_alphabetic();
                if alpha(i - 1) && alpha(i - 2) {
                    letters_space_digit = true;
                    if b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                        letters_digits = true;
                    }
                } else if i >= 3 && b[i - 1] == b' ' && alpha(i - 2) && alpha(i - 3) {
                    letters_space_digit = true;
                }
                if letters_digits && letters_space_digit {
                    break;
                }
            }
        }
        DigitStats {
            total,
            run,
            plain_run,
            letters_digits,
            letters_space_digit,
        }
    }
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| at + c.len_utf8())
}

/// `•••• ` and the last `keep` letters or digits of `secret`, or `None` when the
/// secret is too short for that to hide most of it (then it is removed instead).
fn mask(secret: &str, keep: u8) -> Option<String> {
    let keep = usize::from(keep);
    let alnum = secret.chars().filter(char::is_ascii_alphanumeric).count();
    if keep == 0 || alnum <= keep * 2 {
        return None;
    }
    let tail: Vec<char> = secret
        .chars()
        .rev()
        .filter(char::is_ascii_alphanumeric)
        .take(keep)
        .collect();
    let mut out = String::from("•••• ");
    out.extend(tail.iter().rev());
    Some(out)
}

/// Whether `s` is already a mask or a removal marker (so a second pass leaves it).
pub(crate) fn is_marker(s: &str) -> bool {
    s.starts_with("•••• ") || (s.starts_with("[redacted") && s.ends_with(']'))
}

/// The marker that replaces a removed value.
pub(crate) fn removed_marker(kind: RedactionKind) -> String {
    format!("[redacted {}]", kind.as_str())
}

/// The masked form of a whole field value, and whether it was masked (not removed).
pub(crate) fn mask_value(secret: &str, keep: u8, kind: RedactionKind) -> (String, bool) {
    match mask(secret, keep) {
        Some(m) => (m, true),
        None => (removed_marker(kind), false),
    }
}

/// The Luhn checksum used by payment cards.
pub(crate) fn luhn(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(*d);
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum.is_multiple_of(10)
}

/// Finds Luhn-valid card numbers (13 to 19 digits) in a run of digit groups.
/// The run may be longer than a card (a CVV or another number right after it),
/// so every span of whole groups is tried, longest first.
fn card_spans(text: &str, start: usize, end: usize, push: &mut impl FnMut(usize, usize)) {
    // (byte start, byte end, digits) of each group.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        if bytes[i].is_ascii_digit() {
            let s = i;
            while i < end && bytes[i].is_ascii_digit() {
                i += 1;
            }
            groups.push((s, i));
        } else {
            i += 1;
        }
    }
    let mut digits = Vec::with_capacity(32);
    let mut g = 0;
    'outer: while g < groups.len() {
        for last in (g..groups.len()).rev() {
            let len: usize = groups[g..=last].iter().map(|(s, e)| e - s).sum();
            if !(13..=19).contains(&len) {
                continue;
            }
            digits.clear();
            for &(s, e) in &groups[g..=last] {
                digits.extend(bytes[s..e].iter().map(|b| b - b'0'));
            }
            if luhn(&digits) {
                push(groups[g].0, groups[last].1);
                // An expiry date right after the number is as sensitive: hidden too.
                if let Some((s, e)) = expiry_after(text, groups[last].1) {
                    push(s, e);
                }
                g = last + 1;
                continue 'outer;
            }
        }
        g += 1;
    }
}

/// An expiry date (`12/27`, `exp 12/2027`, `valid thru 12-27`) just after a card
/// number ending at `at`: its byte span.
fn expiry_after(text: &str, at: usize) -> Option<(usize, usize)> {
    static EXPIRY: std::sync::LazyLock<Option<Regex>> = std::sync::LazyLock::new(|| {
        Regex::new(
            r"(?i)^[\s,;:()-]{0,3}(?:(?:exp(?:iry|ires|iration)?(?: date)?|valid(?: thru| through| until)?)\.?[\s:]{0,3})?((?:0?[1-9]|1[0-2])\s?[/-]\s?(?:\d{4}|\d{2}))\b",
        )
        .ok()
    });
    let rest = text.get(at..)?;
    let m = EXPIRY.as_ref()?.captures(rest)?.get(1)?;
    Some((at + m.start(), at + m.end()))
}

/// IBAN lengths by country (ISO 13616 registry).
fn iban_length(country: &str) -> Option<usize> {
    Some(match country {
        "NO" => 15,
        "BE" => 16,
        "DK" | "FI" | "FO" | "GL" | "NL" | "SD" => 18,
        "MK" | "SI" => 19,
        "AT" | "BA" | "EE" | "KZ" | "LT" | "LU" | "XK" => 20,
        "CH" | "CR" | "HR" | "LI" | "LV" => 21,
        "BG" | "BH" | "DE" | "GB" | "GE" | "IE" | "ME" | "RS" | "VA" => 22,
        "AE" | "GI" | "IL" | "IQ" | "TL" => 23,
        "AD" | "CZ" | "ES" | "MD" | "PK" | "RO" | "SA" | "SE" | "SK" | "TN" | "VG" => 24,
        "LY" | "PT" | "ST" => 25,
        "IS" | "TR" => 26,
        "FR" | "GR" | "IT" | "MC" | "MR" | "SM" => 27,
        "AL" | "AZ" | "BY" | "CY" | "DO" | "GT" | "HU" | "LB" | "PL" | "SV" => 28,
        "BR" | "EG" | "PS" | "QA" | "UA" => 29,
        "JO" | "KW" | "MU" => 30,
        "MT" | "SC" => 31,
        "LC" | "RU" => 33,
        _ => return None,
    })
}

/// The byte length of the valid IBAN at the start of `cand`, if there is one.
fn iban_end(cand: &str) -> Option<usize> {
    let country = cand.get(..2)?.to_ascii_uppercase();
    let want = iban_length(&country)?;
    let mut chars: Vec<u8> = Vec::with_capacity(want);
    let mut end = 0;
    for (i, b) in cand.bytes().enumerate() {
        if b.is_ascii_alphanumeric() {
            chars.push(b.to_ascii_uppercase());
            end = i + 1;
            if chars.len() == want {
                break;
            }
        }
    }
    if chars.len() != want {
        return None;
    }
    // The next character must not continue the code (then it was something longer).
    if cand
        .as_bytes()
        .get(end)
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return None;
    }
    iban_valid(&chars).then_some(end)
}

/// ISO 7064 mod 97-10 over the rearranged IBAN.
pub(crate) fn iban_valid(iban: &[u8]) -> bool {
    if iban.len() < 15 || !iban[2..4].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut rem: u32 = 0;
    for &b in iban[4..].iter().chain(&iban[..4]) {
        let v = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            _ => return false,
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

/// US Social Security numbers never use area 000, 666 or 900-999, group 00 or serial 0000.
fn ssn_valid(s: &str) -> bool {
    let d: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).collect();
    if d.len() != 9 {
        return false;
    }
    let area = &d[..3];
    area != b"000" && area != b"666" && area[0] != b'9' && &d[3..5] != b"00" && &d[5..] != b"0000"
}

/// UK National Insurance numbers: two prefix letters with published exclusions.
fn nino_valid(s: &str) -> bool {
    let up: Vec<u8> = s
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if up.len() != 9 {
        return false;
    }
    let (a, b) = (up[0], up[1]);
    let bad_first = b"DFIQUV".contains(&a);
    let bad_second = b"DFIOQUV".contains(&b);
    let bad_pair = [b"BG", b"GB", b"NK", b"KN", b"TN", b"NT", b"ZZ"]
        .iter()
        .any(|p| p[0] == a && p[1] == b);
    !(bad_first || bad_second || bad_pair)
}

/// Spanish DNI (8 digits) and NIE (X/Y/Z + 7 digits) with their check letter.
fn spanish_id_valid(s: &str) -> bool {
    const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";
    let up: Vec<u8> = s
        .bytes()
        .filter(|b| *b != b'-')
        .map(|b| b.to_ascii_uppercase())
        .collect();
    let Some((&letter, body)) = up.split_last() else {
        return false;
    };
    let mut n: u32 = 0;
    for (i, &b) in body.iter().enumerate() {
        let v = match (i, b) {
            (0, b'X') => 0,
            (0, b'Y') => 1,
            (0, b'Z') => 2,
            (_, b'0'..=b'9') => u32::from(b - b'0'),
            _ => return false,
        };
        n = n * 10 + v;
    }
    LETTERS[(n % 23) as usize] == letter
}

/// What a field's name says about its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyClass {
    Credential,
    InternalNote,
    Card,
    NationalId,
    BankAccount,
}

/// Classifies a field name by its words: `userPassword`, `api_key`, `X-Auth-Token`
/// and `otp_code` are credentials; `card_number` is a card; `ssn` a national ID.
/// Words are compared whole (and joined in twos and threes: `api`+`key`), so
/// `tokenized_card` or `shipping` don't match `token` or `pin`.
pub(crate) fn classify_key(key: &str, extra_secrets: &[String]) -> Option<KeyClass> {
    const CREDENTIAL: &[&str] = &[
        "password",
        "passwd",
        "passcode",
        "passphrase",
        "pwd",
        "pw",
        "pin",
        "pincode",
        "otp",
        "totp",
        "hotp",
        "token",
        "secret",
        "cookie",
        "cookies",
        "session",
        "sessionid",
        "apikey",
        "authorization",
        "auth",
        "credential",
        "credentials",
        "cvv",
        "cvv2",
        "cvc",
        "cvc2",
        "cid",
        "privatekey",
        "secretkey",
        "accesskey",
        "signingkey",
        "bearer",
        "jwt",
        "mfa",
        "2fa",
        "securitycode",
        "verificationcode",
        "onetimecode",
        "onetimepassword",
        "securityanswer",
        "csrf",
        "xsrf",
    ];
    const INTERNAL: &[&str] = &[
        "internal",
        "privatenote",
        "privatenotes",
        "staffnote",
        "agentnote",
    ];
    const CARD: &[&str] = &[
        "cardnumber",
        "cardno",
        "ccnumber",
        "ccnum",
        "creditcard",
        "creditcardnumber",
        "debitcard",
        "cardexpiry",
        "cardexp",
        "cardexpiration",
        "cardexpirydate",
        "cardexpirationdate",
        "ccexp",
        "ccexpiry",
        "expdate",
        "pan",
        "primaryaccountnumber",
    ];
    const NATIONAL: &[&str] = &[
        "ssn",
        "nino",
        "nationalid",
        "nationalidnumber",
        "socialsecurity",
        "socialsecuritynumber",
        "nationalinsurance",
        "nationalinsurancenumber",
        "taxid",
        "passport",
        "passportnumber",
        "dni",
        "nie",
        "nif",
    ];
    const BANK: &[&str] = &[
        "iban",
        "bankaccount",
        "bankaccountnumber",
        "accountnumber",
        "acctnumber",
        "routingnumber",
        "sortcode",
    ];
    let words = key_words(key);
    let mut best: Option<KeyClass> = None;
    for n in 1..=3usize {
        for w in words.windows(n) {
            let joined: String = w.concat();
            let class = if CREDENTIAL.contains(&joined.as_str()) || extra_secrets.contains(&joined)
            {
                KeyClass::Credential
            } else if INTERNAL.contains(&joined.as_str()) {
                KeyClass::InternalNote
            } else if CARD.contains(&joined.as_str()) {
                KeyClass::Card
            } else if NATIONAL.contains(&joined.as_str()) {
                KeyClass::NationalId
            } else if BANK.contains(&joined.as_str()) {
                KeyClass::BankAccount
            } else {
                continue;
            };
            // Removal beats masking: `card_pin` is a credential, not a card.
            best = Some(match (best, class) {
                (Some(KeyClass::Credential), _) | (_, KeyClass::Credential) => KeyClass::Credential,
                (Some(KeyClass::InternalNote), _) | (_, KeyClass::InternalNote) => {
                    KeyClass::InternalNote
                }
                (Some(b), _) => b,
                (None, c) => c,
            });
        }
    }
    best
}

/// Splits a field name into lowercase words at `_`, `-`, `.`, spaces and camelCase.
pub(crate) fn key_words(key: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in key.chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// Normalises a configured secret field name the way `classify_key` joins words.
pub(crate) fn normalise_key(key: &str) -> String {
    key_words(key).concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanner() -> Scanner {
        Scanner::new(
            Keep {
                card: 4,
                national_id: 0,
                bank_account: 4,
            },
            vec![],
        )
        .unwrap()
    }

    fn redact(text: &str) -> String {
        scanner()
            .redact(text, &mut Vec::new())
            .unwrap_or_else(|| text.to_owned())
    }

    #[test]
    fn checksums() {
        let d = |s: &str| s.bytes().map(|b| b - b'0').collect::<Vec<_>>();
        assert!(luhn(&d("4242424242424242")));
        assert!(luhn(&d("378282246310005")));
        assert!(!luhn(&d("4242424242424241")));
        assert!(iban_valid(b"DE89370400440532013000"));
        assert!(iban_valid(b"GB82WEST12345698765432"));
        assert!(!iban_valid(b"DE89370400440532013001"));
        assert!(ssn_valid("123-45-6789"));
        assert!(!ssn_valid("666-45-6789"));
        assert!(!ssn_valid("123-00-6789"));
        assert!(nino_valid("AB123456C"));
        assert!(!nino_valid("GB123456A"));
        assert!(spanish_id_valid("12345678Z"));
        assert!(spanish_id_valid("X1234567L"));
        assert!(!spanish_id_valid("12345678A"));
    }

    #[test]
    fn credentials_in_text_are_removed_but_the_words_around_stay() {
        for (text, secret) in [
            ("my password is hunter2 ok", "hunter2"),
            ("Password: Tr0ub4dor&3", "Tr0ub4dor&3"),
            ("the password for my account is s3cr3t!", "s3cr3t!"),
            ("OTP: 482913", "482913"),
            ("your verification code is 775201.", "775201"),
            ("code 918273", "918273"),
            ("pin=4455", "4455"),
            ("CVV 737", "737"),
            ("the cvc: 1234 on the back", "1234"),
            ("api_key=AbC123xyz789", "AbC123xyz789"),
            ("Authorization: Bearer abc.def.ghi", "abc.def.ghi"),
            (
                "use Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig",
                "eyJhbGciOiJIUzI1NiJ9",
            ),
            (
                "key sk_live_51Habcdefghijklmnop",
                "sk_live_51Habcdefghijklmnop",
            ),
            ("aws AKIAIOSFODNN7EXAMPLE there", "AKIAIOSFODNN7EXAMPLE"),
            ("postgres://app:pa55word@db/x", "pa55word"),
            ("Cookie: sid=abc123; theme=dark", "sid=abc123"),
            ("session id: 9f8e7d6c5b4a", "9f8e7d6c5b4a"),
            ("my password is \"correct horse battery\"", "correct horse"),
            (
                "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----",
                "MIIEpAIBAAKCAQEA",
            ),
        ] {
            let out = redact(text);
            assert!(!out.contains(secret), "{text:?} -> {out:?}");
            assert!(out.contains("[redacted credential]"), "{text:?} -> {out:?}");
        }
        assert_eq!(
            redact("my password is hunter2 ok"),
            "my password is [redacted credential] ok"
        );
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for text in [
            "I forgot my password, can you reset it?",
            "my zip code 90210 is wrong on the invoice",
            "order 1234567812345678 has not arrived",
            "call me at +1 415 555 0132",
            "the meeting is on 2024-05-06 at 10:30",
            "I'd like to speak to a human please",
            "invoice INV-2024-000123 for 49.99 EUR",
        ] {
            assert_eq!(redact(text), text);
        }
    }

    #[test]
    fn cards_are_masked_only_when_luhn_valid() {
        assert_eq!(
            redact("card 4242 4242 4242 4242 thanks"),
            "card •••• 4242 thanks"
        );
        assert_eq!(redact("card 4242-4242-4242-4242"), "card •••• 4242");
        assert_eq!(redact("card 4242424242424242 123"), "card •••• 4242 123");
        assert_eq!(redact("amex 378282246310005."), "amex •••• 0005.");
        assert_eq!(
            redact("4111111111111111 and 5555555555554444"),
            "•••• 1111 and •••• 4444"
        );
        assert_eq!(redact("ref 4242424242424241"), "ref 4242424242424241");
    }

    #[test]
    fn a_card_expiry_after_the_number_is_hidden_too() {
        assert_eq!(
            redact("card 4242 4242 4242 4242 exp 12/27 thanks"),
            "card •••• 4242 exp [redacted card] thanks"
        );
        assert_eq!(
            redact("4111111111111111, expires 03/2029"),
            "•••• 1111, expires [redacted card]"
        );
        assert_eq!(
            redact("card 4242424242424242 valid thru 1-28."),
            "card •••• 4242 valid thru [redacted card]."
        );
        // A date elsewhere is left alone.
        assert_eq!(redact("delivery on 12/27"), "delivery on 12/27");
        assert_eq!(
            classify_key("card_expiry", &[]),
            Some(KeyClass::Card),
            "a card's expiry field is hidden like the number"
        );
    }

    #[test]
    fn ibans_and_national_ids() {
        assert_eq!(
            redact("IBAN DE89 3704 0044 0532 0130 00 to me"),
            "IBAN •••• 3000 to me"
        );
        assert_eq!(redact("to GB82WEST12345698765432"), "to •••• 5432");
        assert_eq!(
            redact("not DE88 3704 0044 0532 0130 00"),
            "not DE88 3704 0044 0532 0130 00"
        );
        assert_eq!(redact("ssn 123-45-6789"), "ssn [redacted national_id]");
        assert_eq!(
            redact("my SSN is 123456789"),
            "my SSN is [redacted national_id]"
        );
        assert_eq!(redact("NI AB 12 34 56 C"), "NI [redacted national_id]");
        assert_eq!(redact("DNI 12345678Z"), "DNI [redacted national_id]");
        assert_eq!(redact("tel 666-45-6789"), "tel 666-45-6789");
    }

    #[test]
    fn field_names_are_classified_by_whole_words() {
        use KeyClass as K;
        let c = |k: &str| classify_key(k, &[]);
        assert_eq!(c("password"), Some(K::Credential));
        assert_eq!(c("userPassword"), Some(K::Credential));
        assert_eq!(c("X-Api-Key"), Some(K::Credential));
        assert_eq!(c("api_key"), Some(K::Credential));
        assert_eq!(c("refresh_token"), Some(K::Credential));
        assert_eq!(c("session_id"), Some(K::Credential));
        assert_eq!(c("internal_note"), Some(K::InternalNote));
        assert_eq!(c("card_number"), Some(K::Card));
        assert_eq!(c("card_pin"), Some(K::Credential));
        assert_eq!(c("national_insurance_number"), Some(K::NationalId));
        assert_eq!(c("iban"), Some(K::BankAccount));
        assert_eq!(c("tokenized_card"), None);
        assert_eq!(c("shipping_address"), None);
        assert_eq!(c("order_number"), None);
        assert_eq!(c("email"), None);
        assert_eq!(
            classify_key("mothers_maiden", &["mothersmaiden".into()]),
            Some(K::Credential)
        );
    }
}
