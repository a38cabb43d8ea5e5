//! Regulated topics, money amounts and urgency: what a business usually wants a person
//! to handle whatever the AI's confidence.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The regulated topics Baton recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Disputed charges, double billing, unauthorised payments.
    FinancialDispute,
    Chargeback,
    Fraud,
    /// Lawyers, lawsuits, court, legal action.
    Legal,
    /// Data deletion, access requests, GDPR/CCPA.
    Privacy,
    /// Health, injuries, medication.
    Medical,
}

impl Topic {
    pub const ALL: [Topic; 6] = [
        Topic::FinancialDispute,
        Topic::Chargeback,
        Topic::Fraud,
        Topic::Legal,
        Topic::Privacy,
        Topic::Medical,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Topic::FinancialDispute => "financial_dispute",
            Topic::Chargeback => "chargeback",
            Topic::Fraud => "fraud",
            Topic::Legal => "legal",
            Topic::Privacy => "privacy",
            Topic::Medical => "medical",
        }
    }

    fn pattern(self) -> &'static str {
        // Phrases, not single ambiguous words: "legal name", "court" (tennis) and "charge"
        // (battery) must not fire.
        match self {
            Topic::FinancialDispute => {
                r"\b(dispute[ds]?|disputing)\b.{0,30}\b(charges?|payments?|transactions?|bill|invoice)\b|\b(charged|billed) (me )?(twice|two times|double|again)\b|\bdouble[- ]charged\b|\bunauthori[sz]ed (charges?|payments?|transactions?|debit)\b|\b(i )?(did not|didn't|never) (authori[sz]e|make|approve) (this|that|these|the)? ?(charges?|payments?|purchases?|transactions?)\b|\b(wrongly|incorrectly|over) ?charged\b"
            }
            Topic::Chargeback => r"\bcharge[- ]?backs?\b|\breverse the (charge|payment)\b",
            Topic::Fraud => {
                r"\bfraud(ulent|ster)?\b|\bscam(med|mer)?\b|\bidentity theft\b|\bstolen (card|identity|account)\b|\b(account|card) (was|has been|got) (hacked|stolen|compromised)\b|\bhacked\b|\bphishing\b"
            }
            Topic::Legal => {
                r"\b(my|a|an) (lawyer|attorney|solicitor)\b|\blawyers?\b|\battorneys?\b|\blaw ?suit\b|\bsu(e|ing) (you|your|the company|them)\b|\bi('ll| will) sue\b|\blegal action\b|\bsmall claims\b|\btake (you|this) to court\b|\bsee you in court\b|\bclass action\b|\bcease and desist\b"
            }
            Topic::Privacy => {
                r"\b(delete|erase|remove|wipe) (all )?(of )?(my|our) (personal )?(data|information|info|details|records)\b|\bright to (be forgotten|erasure|access)\b|\bgdpr\b|\bccpa\b|\bdata (subject )?(access|deletion) request\b|\bdsar\b|\bdata (breach|leak)\b|\bprivacy (complaint|violation)\b"
            }
            Topic::Medical => {
                r"\b(allergic|allergy|anaphyla\w*)\b|\b(chest pain|can't breathe|cannot breathe|overdose|poison(ed|ing)|seizure)\b|\b(injur(ed|y)|hurt) (me|my|myself)\b|\bside effects?\b|\b(my )?(medication|prescription|doctor said)\b|\bhospital(i[sz]ed)?\b"
            }
        }
    }
}

static TOPIC_PATTERNS: LazyLock<Vec<(Topic, Regex)>> = LazyLock::new(|| {
    Topic::ALL
        .iter()
        .filter_map(|&t| {
            // The patterns are constants checked by the unit tests.
            Regex::new(&format!("(?i){}", t.pattern()))
                .ok()
                .map(|r| (t, r))
        })
        .collect()
});

/// Bit of the amount pattern in a [`Candidates`] set (topics use `1 << topic index`).
const AMOUNT_BIT: u32 = 1 << Topic::ALL.len();
/// Bit of the urgency pattern in a [`Candidates`] set.
const URGENCY_BIT: u32 = 1 << (Topic::ALL.len() + 1);

/// Literals at least one of which every match of a pattern contains (ASCII, any case),
/// with the bits of the patterns they stand for. The patterns are case-insensitive in the
/// Unicode sense, but on ASCII text that is ASCII case folding, so a pattern none of whose
/// literals occur in an ASCII text cannot match it.
const ANCHORS: &[(&str, u32)] = &[
    // financial_dispute
    ("disput", 1 << 0),
    ("charge", 1 << 0 | 1 << 1),
    ("billed", 1 << 0),
    ("unauthori", 1 << 0),
    ("payment", 1 << 0),
    ("purchase", 1 << 0),
    ("transaction", 1 << 0),
    // chargeback
    ("reverse", 1 << 1),
    // fraud
    ("fraud", 1 << 2),
    ("scam", 1 << 2),
    ("theft", 1 << 2),
    ("stolen", 1 << 2),
    ("hacked", 1 << 2),
    ("compromised", 1 << 2),
    ("phishing", 1 << 2),
    // legal
    ("law", 1 << 3),
    ("attorney", 1 << 3),
    ("solicitor", 1 << 3),
    ("sue", 1 << 3),
    ("suing", 1 << 3),
    ("legal", 1 << 3),
    ("claims", 1 << 3),
    ("court", 1 << 3),
    ("action", 1 << 3),
    ("desist", 1 << 3),
    // privacy
    ("delete", 1 << 4),
    ("erase", 1 << 4),
    ("remove", 1 << 4),
    ("wipe", 1 << 4),
    ("right", 1 << 4 | URGENCY_BIT),
    ("gdpr", 1 << 4),
    ("ccpa", 1 << 4),
    ("data", 1 << 4),
    ("dsar", 1 << 4),
    ("privacy", 1 << 4),
    // medical
    ("allerg", 1 << 5),
    ("anaphyla", 1 << 5),
    ("chest", 1 << 5),
    ("breathe", 1 << 5),
    ("overdose", 1 << 5),
    ("poison", 1 << 5),
    ("seizure", 1 << 5),
    ("injur", 1 << 5),
    ("hurt", 1 << 5),
    ("effect", 1 << 5),
    ("medication", 1 << 5),
    ("prescription", 1 << 5),
    ("doctor", 1 << 5),
    ("hospital", 1 << 5),
    // amounts: a currency symbol or word is required (€ and £ are not ASCII)
    ("$", AMOUNT_BIT),
    ("usd", AMOUNT_BIT),
    ("eur", AMOUNT_BIT),
    ("gbp", AMOUNT_BIT),
    ("dollar", AMOUNT_BIT),
    ("bucks", AMOUNT_BIT),
    ("pound", AMOUNT_BIT),
    // urgency
    ("urgent", URGENCY_BIT),
    ("emergency", URGENCY_BIT),
    ("asap", URGENCY_BIT),
    ("possible", URGENCY_BIT),
    ("immediately", URGENCY_BIT),
    ("sensitive", URGENCY_BIT),
    ("flight", URGENCY_BIT),
    ("train", URGENCY_BIT),
    ("surgery", URGENCY_BIT),
    ("deadline", URGENCY_BIT),
    ("closing", URGENCY_BIT),
    ("locked", URGENCY_BIT),
    ("stranded", URGENCY_BIT),
    ("stuck", URGENCY_BIT),
    ("wait", URGENCY_BIT),
    ("time", URGENCY_BIT),
    ("death", URGENCY_BIT),
];

static ANCHOR_AUTOMATON: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(ANCHORS.iter().map(|(a, _)| a))
        .ok()
});

/// The patterns (topics, amounts, urgency) that may match `text`: a cheap literal scan
/// that lets ordinary sentences skip the regexes. Exact: a pattern left out cannot match.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidates(u32);

impl Candidates {
    pub(crate) fn of(text: &str) -> Candidates {
        let Some(ac) = ANCHOR_AUTOMATON.as_ref().filter(|_| text.is_ascii()) else {
            return Candidates(u32::MAX);
        };
        let mut bits = 0;
        for m in ac.find_overlapping_iter(text) {
            bits |= ANCHORS[m.pattern().as_usize()].1;
        }
        Candidates(bits)
    }
    fn topic(self, topic: Topic) -> bool {
        self.0 & (1 << topic as u32) != 0
    }
    fn amounts(self) -> bool {
        self.0 & AMOUNT_BIT != 0
    }
    fn urgency(self) -> bool {
        self.0 & URGENCY_BIT != 0
    }
}

/// The first regulated topic among `topics` mentioned in `text`, with the words that matched.
pub fn regulated(text: &str, topics: &[Topic]) -> Option<(Topic, String)> {
    let candidates = Candidates::of(text);
    TOPIC_PATTERNS
        .iter()
        .filter(|(t, _)| topics.contains(t) && candidates.topic(*t))
        .find_map(|(t, re)| re.find(text).map(|m| (*t, m.as_str().to_owned())))
}

/// The first match of one topic's pattern in `text`.
pub(crate) fn topic_match(text: &str, topic: Topic, candidates: Candidates) -> Option<String> {
    if !candidates.topic(topic) {
        return None;
    }
    TOPIC_PATTERNS
        .iter()
        .find(|(t, _)| *t == topic)
        .and_then(|(_, re)| re.find(text))
        .map(|m| m.as_str().to_owned())
}

/// A money amount mentioned in text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Amount {
    pub value: f64,
    /// ISO code when the text says which currency.
    pub currency: Option<&'static str>,
    /// The words as written.
    pub text: String,
}

static AMOUNT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?P<pre>[$€£]|\b(?:usd|eur|gbp|us\$)\s?)\s?(?P<n1>\d[\d,.\s]*\d|\d)\s?(?P<k1>k|m|thousand|million)?\b
        |
        \b(?P<n2>\d[\d,.]*\d|\d)\s?(?P<k2>k|m|thousand|million)?\s?(?P<post>[$€£]|usd|eur|gbp|dollars?|bucks|euros?|pounds?)(?:\b|\s|$)
        ",
    )
    .ok()
});

fn currency_code(symbol: &str) -> Option<&'static str> {
    let s = symbol.trim().to_lowercase();
    Some(match s.as_str() {
        "$" | "usd" | "us$" | "dollar" | "dollars" | "bucks" => "USD",
        "€" | "eur" | "euro" | "euros" => "EUR",
        "£" | "gbp" | "pound" | "pounds" => "GBP",
        _ => return None,
    })
}

/// Parses "1,250.00", "1.250,00", "2.5", "1 250" into a number.
fn parse_number(raw: &str) -> Option<f64> {
    let s: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let last_dot = s.rfind('.');
    let last_comma = s.rfind(',');
    let decimal = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(d.max(c)),
        // A single separator followed by exactly three digits is a thousands separator.
        (Some(p), None) | (None, Some(p)) => {
            let sep = s.as_bytes()[p];
            let groups = s.matches(sep as char).count();
            (groups == 1 && s.len() - p - 1 != 3).then_some(p)
        }
        (None, None) => None,
    };
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() {
            out.push(c);
        } else if Some(i) == decimal {
            out.push('.');
        }
    }
    out.parse().ok()
}

/// Every money amount in `text`: "$1,250.00", "1250 EUR", "€2.5k", "3 thousand dollars".
pub fn amounts(text: &str) -> Vec<Amount> {
    amounts_in(text, Candidates::of(text))
}

/// [`amounts`] with the candidates of `text` already known.
pub(crate) fn amounts_in(text: &str, candidates: Candidates) -> Vec<Amount> {
    if !candidates.amounts() {
        return Vec::new();
    }
    let Some(re) = AMOUNT.as_ref() else {
        return Vec::new();
    };
    re.captures_iter(text)
        .filter_map(|c| {
            let (n, k, cur) = match c.name("n1") {
                Some(n) => (n, c.name("k1"), c.name("pre")),
                None => (c.name("n2")?, c.name("k2"), c.name("post")),
            };
            let mut value = parse_number(n.as_str())?;
            match k.map(|k| k.as_str().to_lowercase()).as_deref() {
                Some("k" | "thousand") => value *= 1_000.0,
                Some("m" | "million") => value *= 1_000_000.0,
                _ => {}
            }
            let whole = c.get(0)?;
            Some(Amount {
                value,
                currency: cur.and_then(|c| currency_code(c.as_str())),
                text: whole.as_str().trim().to_owned(),
            })
        })
        .collect()
}

static URGENCY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(urgent(ly)?|emergency|asap|as soon as possible|right (now|away)|immediately|time[- ]sensitive|(flight|train|surgery|deadline|closing) (is |leaves? |departs? )?(in|at|today|tonight|tomorrow)|(locked|stranded|stuck) (out|at|in)|can'?t wait|no time|running out of time|life or death)\b",
    )
    .ok()
});

static NOT_URGENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(not (urgent|an emergency|in a hurry)|no rush|no hurry|whenever|not a big deal|take your time)\b").ok()
});

/// An urgency statement in `text` ("it's urgent", "my flight leaves in an hour"), unless
/// the customer says it is not urgent.
pub fn urgency(text: &str) -> Option<String> {
    urgency_in(text, Candidates::of(text))
}

/// [`urgency`] with the candidates of `text` already known.
pub(crate) fn urgency_in(text: &str, candidates: Candidates) -> Option<String> {
    if !candidates.urgency() {
        return None;
    }
    if NOT_URGENT.as_ref().is_some_and(|re| re.is_match(text)) {
        return None;
    }
    URGENCY.as_ref()?.find(text).map(|m| m.as_str().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(TOPIC_PATTERNS.len(), Topic::ALL.len());
        assert!(AMOUNT.is_some() && URGENCY.is_some() && NOT_URGENT.is_some());
        assert!(ANCHOR_AUTOMATON.is_some());
    }

    #[test]
    fn topics_are_found() {
        let all = &Topic::ALL;
        for (text, topic) in [
            ("I want to dispute this charge", Topic::FinancialDispute),
            (
                "you charged me twice for the same order",
                Topic::FinancialDispute,
            ),
            ("I'll file a chargeback with my bank", Topic::Chargeback),
            ("this is fraud, my card was stolen", Topic::Fraud),
            ("my lawyer will hear about this", Topic::Legal),
            ("please delete my personal data under GDPR", Topic::Privacy),
            ("the product gave me an allergic reaction", Topic::Medical),
        ] {
            assert_eq!(regulated(text, all).map(|(t, _)| t), Some(topic), "{text}");
        }
    }

    #[test]
    fn topic_hard_negatives() {
        for text in [
            "what is my legal name on the account",
            "I need to charge my phone",
            "the tennis court booking",
            "update my personal details",
            "I love this product",
            "delete my old address",
        ] {
            assert_eq!(regulated(text, &Topic::ALL), None, "{text}");
        }
    }

    #[test]
    fn amounts_parse() {
        let v = |t: &str| amounts(t).first().map(|a| (a.value, a.currency));
        assert_eq!(v("it cost $1,250.00"), Some((1250.0, Some("USD"))));
        assert_eq!(v("refund 1250 EUR please"), Some((1250.0, Some("EUR"))));
        assert_eq!(v("about €2.5k"), Some((2500.0, Some("EUR"))));
        assert_eq!(v("1.250,00 €"), Some((1250.0, Some("EUR"))));
        assert_eq!(v("£99.99"), Some((99.99, Some("GBP"))));
        assert_eq!(v("3 thousand dollars"), Some((3000.0, Some("USD"))));
    }

    #[test]
    fn amount_hard_negatives() {
        assert!(amounts("order 12345 arrived on 2024-05-01").is_empty());
        assert!(amounts("call me at 555 1234").is_empty());
        assert!(amounts("I have 3 kids").is_empty());
    }

    #[test]
    fn urgency_and_its_negatives() {
        assert!(urgency("this is urgent").is_some());
        assert!(urgency("my flight leaves in 2 hours").is_some());
        assert!(urgency("I need it right now").is_some());
        assert!(urgency("it's not urgent, no rush").is_none());
        assert!(urgency("I want to change my address").is_none());
        assert!(urgency("what is your emergency contact policy? no hurry").is_none());
    }
}
