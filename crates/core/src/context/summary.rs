//! Summaries: what the customer wants, what was tried, what was collected.
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

/// Picks the customer's most informative request and lists actions and data.
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

impl ExtractiveSummarizer {
    /// Scores a customer turn: longer, request-like and earlier is better.
    fn score(text: &str, order: usize) -> f64 {
        let lower = text.to_lowercase();
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
        let wants = pkg
            .history
            .iter()
            .filter(|h| h.role == Role::Customer)
            .enumerate()
            .map(|(i, h)| (Self::score(&h.text, i), h))
            .filter(|(s, _)| s.is_finite())
            // The earliest of equal scores wins: the first statement of a problem.
            .fold(None, |best: Option<(f64, _)>, cur| match best {
                Some(b) if b.0 >= cur.0 => Some(b),
                _ => Some(cur),
            })
            .map(|(_, h)| self.quote(&h.text));

        let mut tried: Vec<String> = Vec::new();
        for a in &pkg.actions {
            let label = match a.kind {
                ActionKind::Tool => "tool",
                ActionKind::Error => "error",
                ActionKind::CriticalAction => "critical action",
                ActionKind::Completion => "completed",
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
        match &wants {
            Some(w) => {
                let _ = write!(text, "The customer wants: \"{w}\".");
            }
            None => text.push_str("The customer has not said what they want."),
        }
        let ai_turns = pkg.history.iter().filter(|h| h.role == Role::Ai).count();
        if ai_turns > 0 {
            let _ = write!(text, " The AI replied {ai_turns} time{}.", plural(ai_turns));
        }
        if !tried.is_empty() {
            let _ = write!(text, " Tried: {}.", tried.join("; "));
        }
        if !collected.is_empty() {
            let _ = write!(text, " Collected: {}.", collected.join(", "));
        }
        let _ = write!(text, " Handed off for {}", pkg.reason);
        match pkg.decision.as_ref().and_then(|d| d.explanation.as_deref()) {
            Some(e) if !e.is_empty() => {
                let _ = write!(text, ": {e}");
            }
            _ => {}
        }
        // An explanation may end its own sentence.
        if !text.ends_with(['.', '!', '?']) {
            text.push('.');
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

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
