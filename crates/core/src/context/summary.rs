//! Summaries: what the customer's problem is, what the AI tried, what was collected.
//!
//! The built-in summarizer is extractive (it quotes, it does not write), so it
//! is fast, deterministic and cannot invent facts. A deployment can plug in a
//! model-made summary through [`Summarizer`]; either way the summary is redacted
//! with the rest of the package, because it quotes the customer.

use std::fmt::Write as _;

use super::{ActionKind, ContextPackage, Summary};
use crate::turn::Role;

/// Writes a package's summary. Runs on the full package, before redaction.
pub trait Summarizer: Send + Sync {
    fn summarize(&self, pkg: &ContextPackage) -> Summary;
}

/// Quotes the customer's statement of the problem (never their request for a person)
/// and lists what the AI did and collected.
#[derive(Clone, Debug)]
pub struct ExtractiveSummarizer {
    /// Longest quote of the customer, in characters.
    pub max_quote: usize,
    /// Most actions listed under "tried".
    pub max_tried: usize,
}

impl Default for ExtractiveSummarizer {
    fn default() -> Self {
        ExtractiveSummarizer {
            max_quote: 200,
            max_tried: 5,
        }
    }
}

/// Words that mark a request or a problem, compared on lowercase text.
const CUES: &[&str] = &[
    "want",
    "need",
    "would like",
    "i'd like",
    "id like",
    "can you",
    "could you",
    "please",
    "help",
    "trying to",
    "try to",
    "can't",
    "cannot",
    "unable",
    "how do",
    "how can",
    "why",
    "refund",
    "cancel",
    "charged",
    "not working",
    "doesn't work",
    "does not work",
    "broken",
    "wrong",
    "issue",
    "problem",
    "error",
    "change",
    "update",
    "missing",
    "never arrived",
    "didn't",
    "did not",
    "still",
    "complain",
];

/// Short turns that carry no request.
const FILLER: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "thanks",
    "thank you",
    "ok",
    "okay",
    "yes",
    "no",
    "sure",
    "bye",
    "good morning",
    "good afternoon",
    "good evening",
];

/// Who a customer asks for when they want a person, and how they ask, compared on
/// lowercase text: a sentence with both says who the customer wants to talk to,
/// not what their problem is.
const PERSON: &[&str] = &[
    "person",
    "human",
    "agent",
    "representative",
    "operator",
    "someone",
    "somebody",
    "manager",
    "supervisor",
    "real people",
];
const ASKING: &[&str] = &[
    "talk",
    "speak",
    "chat with",
    "connect me",
    "transfer me",
    "put me through",
    "get me",
    "want a",
    "want to",
    "need a",
    "need to",
    "let me",
    "can i have",
    "give me",
];

/// Whether a sentence is a request for a person.
fn asks_for_person(lower: &str) -> bool {
    PERSON.iter().any(|p| has_words(lower, p)) && ASKING.iter().any(|a| has_words(lower, a))
}

/// Whether `phrase` occurs in `lower` as whole words ("person" is not in "personal",
/// "agent" not in "management").
fn has_words(lower: &str, phrase: &str) -> bool {
    lower.match_indices(phrase).any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A turn's sentences, each with its lowercase form.
fn sentences(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        cur.push(c);
        let ends =
            matches!(c, '.' | '!' | '?' | '\n') && chars.peek().is_none_or(|n| n.is_whitespace());
        if ends {
            let t = cur.trim().to_owned();
            if !t.is_empty() {
                out.push((t.to_lowercase(), t));
            }
            cur.clear();
        }
    }
    let t = cur.trim().to_owned();
    if !t.is_empty() {
        out.push((t.to_lowercase(), t));
    }
    out
}

impl ExtractiveSummarizer {
    /// Scores what a customer said: longer, problem-like and earlier is better.
    fn score(lower: &str, order: usize) -> f64 {
        let words = lower.split_whitespace().count();
        let trimmed = lower.trim_matches(|c: char| !c.is_alphanumeric());
        if words == 0 || FILLER.contains(&trimmed) {
            return f64::NEG_INFINITY;
        }
        let cue = CUES.iter().filter(|c| lower.contains(*c)).count().min(3) as f64;
        let question = if lower.contains('?') { 0.3 } else { 0.0 };
        let length = words.min(25) as f64 / 25.0;
        length + 0.6 * cue + question - 0.05 * order.min(20) as f64
    }

    /// What the customer's problem is, in their words: the best of their turns with
    /// the sentences asking for a person left out. Only when every turn is such a
    /// request does the request itself stand for the problem (`true` then).
    fn problem<'a>(&self, said: impl Iterator<Item = &'a str>) -> (Option<String>, bool) {
        let mut best: Option<(f64, String)> = None;
        let mut request: Option<(f64, String)> = None;
        for (order, text) in said.enumerate() {
            let parts = sentences(text);
            let kept: Vec<&str> = parts
                .iter()
                .filter(|(lower, _)| !asks_for_person(lower))
                .map(|(_, t)| t.as_str())
                .collect();
            let (slot, text) = if kept.is_empty() {
                (&mut request, text.to_owned())
            } else {
                (&mut best, kept.join(" "))
            };
            let score = Self::score(&text.to_lowercase(), order);
            // The earliest of equal scores wins: the first statement of a problem.
            if score.is_finite() && slot.as_ref().is_none_or(|(s, _)| score > *s) {
                *slot = Some((score, text));
            }
        }
        match (best, request) {
            (Some((_, t)), _) => (Some(self.quote(&t)), false),
            (None, Some((_, t))) => (Some(self.quote(&t)), true),
            (None, None) => (None, false),
        }
    }

    fn quote(&self, text: &str) -> String {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.chars().count() <= self.max_quote {
            return text;
        }
        let mut out = String::new();
        for w in text.split(' ') {
            if out.chars().count() + w.chars().count() + 1 > self.max_quote {
                break;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        out.push('…');
        out
    }
}

impl Summarizer for ExtractiveSummarizer {
    fn summarize(&self, pkg: &ContextPackage) -> Summary {
        let customer = || pkg.history.iter().filter(|h| h.role == Role::Customer);
        let (wants, only_a_request) = self.problem(customer().map(|h| h.text.as_str()));
        let asked_for_person = customer().any(|h| asks_for_person(&h.text.to_lowercase()));

        let mut tried: Vec<String> = Vec::new();
        for a in &pkg.actions {
            let label = match a.kind {
                ActionKind::Tool => "used a tool",
                ActionKind::Error => "ran into an error",
                ActionKind::CriticalAction => "was about to take a critical action",
                ActionKind::Completion => "reported the task done",
            };
            let short = ExtractiveSummarizer {
                max_quote: 80,
                max_tried: 0,
            }
            .quote(&a.text);
            let item = if short.is_empty() {
                label.to_owned()
            } else {
                format!("{label}: {short}")
            };
            if !tried.contains(&item) {
                tried.push(item);
            }
            if tried.len() == self.max_tried {
                break;
            }
        }

        let mut collected: Vec<String> = pkg.customer.data.keys().cloned().collect();
        collected.extend(
            pkg.customer
                .accounts
                .iter()
                .map(|a| format!("account:{}", a.system)),
        );

        let mut text = String::new();
        match (&wants, only_a_request) {
            (Some(w), false) => {
                let stop = if w.ends_with(['.', '!', '?', '…']) {
                    ""
                } else {
                    "."
                };
                let _ = write!(text, "The problem, in the customer's words: \"{w}\"{stop}");
                if asked_for_person {
                    text.push_str(" Then they asked for a person.");
                }
            }
            (Some(w), true) => {
                let _ = write!(
                    text,
                    "The customer asked for a person (\"{w}\") without saying what the problem is."
                );
            }
            (None, _) => text.push_str("The customer has not said what the problem is."),
        }
        let ai_turns = pkg.history.iter().filter(|h| h.role == Role::Ai).count();
        match (ai_turns, tried.is_empty()) {
            (0, true) => text.push_str(" The AI had not answered yet."),
            (0, false) => {
                let _ = write!(text, " The AI {}.", tried.join("; "));
            }
            (n, true) => {
                let _ = write!(text, " The AI answered {n} time{}.", plural(n));
            }
            (n, false) => {
                let _ = write!(
                    text,
                    " The AI answered {n} time{} and {}.",
                    plural(n),
                    tried.join("; ")
                );
            }
        }
        if !collected.is_empty() {
            let words: Vec<String> = collected.iter().map(|c| plain_field(c)).collect();
            let _ = write!(text, " Already collected: {}.", words.join(", "));
        }

        Summary {
            text,
            wants,
            tried,
            collected,
            by: "extractive".to_owned(),
        }
    }
}

/// A field name as words: `order_number` → `order number`, `account:billing` →
/// `billing account`.
fn plain_field(name: &str) -> String {
    match name.strip_prefix("account:") {
        Some(system) => format!("{system} account"),
        None => name.replace(['_', '.'], " "),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::tests::fixture;
    use super::*;

    #[test]
    fn words_inside_other_words_are_not_a_request_for_a_person() {
        assert!(!asks_for_person("i need to update my personal details"));
        assert!(!asks_for_person("i need to talk about account management"));
        assert!(asks_for_person("i want to talk to a person"));
    }
    use crate::context::{ContextPackage, PackageInput};

    fn summary(turns: &[(Role, &str)]) -> Summary {
        let turns: Vec<_> = turns
            .iter()
            .map(|(r, t)| (*r, *t, json!({}), None))
            .collect();
        let f = fixture(json!({}), &turns);
        let pkg = ContextPackage::build_from(&PackageInput::new(&f.conv, &f.handoff, &f.turns));
        pkg.summary.unwrap()
    }

    #[test]
    fn a_request_for_a_person_after_the_problem_is_not_the_problem() {
        let s = summary(&[
            (
                Role::Customer,
                "There is an extra line on my invoice for March that I never ordered.",
            ),
            (Role::Ai, "I can see your invoice. Which line do you mean?"),
            (Role::Customer, "I want to talk to a real person"),
        ]);
        assert_eq!(
            s.wants.as_deref(),
            Some("There is an extra line on my invoice for March that I never ordered."),
            "{s:?}"
        );
        assert!(s.text.contains("extra line on my invoice"), "{}", s.text);
        assert!(s.text.contains("asked for a person"), "{}", s.text);
        assert!(!s.text.contains("real person"), "{}", s.text);
    }

    #[test]
    fn the_problem_is_kept_when_the_same_turn_asks_for_a_person() {
        let s = summary(&[
            (Role::Customer, "hi"),
            (
                Role::Customer,
                "My parcel was marked delivered but never arrived. Can I speak to a human please?",
            ),
        ]);
        assert_eq!(
            s.wants.as_deref(),
            Some("My parcel was marked delivered but never arrived."),
            "{s:?}"
        );
    }

    #[test]
    fn a_short_problem_beats_a_long_request_for_a_person() {
        let s = summary(&[
            (Role::Customer, "I was charged twice."),
            (
                Role::Customer,
                "Please just let me talk to somebody from your team, a human being, right now",
            ),
        ]);
        assert_eq!(s.wants.as_deref(), Some("I was charged twice."), "{s:?}");
    }

    #[test]
    fn only_a_request_for_a_person_says_so() {
        let s = summary(&[(Role::Customer, "I want to speak to a human agent now")]);
        assert!(
            s.text.contains("without saying what the problem is"),
            "{}",
            s.text
        );
    }

    #[test]
    fn what_the_ai_tried_and_collected_is_in_plain_words() {
        let turns = [
            (
                Role::Customer,
                "My invoice INV-9 has a line for a router I never got.",
                json!({"invoice_number": "INV-9"}),
                None,
            ),
            (
                Role::Tool,
                "invoice_lookup(INV-9) -> 3 lines",
                json!({}),
                None,
            ),
            (Role::Ai, "I found the invoice.", json!({}), None),
            (Role::Customer, "Get me a person.", json!({}), None),
        ];
        let f = fixture(json!({}), &turns);
        let pkg = ContextPackage::build_from(&PackageInput::new(&f.conv, &f.handoff, &f.turns));
        let s = pkg.summary.unwrap();
        assert!(
            s.text
                .contains("used a tool: invoice_lookup(INV-9) -> 3 lines"),
            "{}",
            s.text
        );
        assert!(
            s.text.contains("Already collected: invoice number."),
            "{}",
            s.text
        );
        // The decision's explanation has its own place: the summary does not repeat it.
        assert!(!s.text.contains("asked for a human"), "{}", s.text);
    }
}
