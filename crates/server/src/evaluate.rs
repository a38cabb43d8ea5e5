//! The seam between the API and the rule engine: after a turn is stored, the
//! evaluator looks at the recent history and may decide a handoff.

use baton_core::{Reason, Turn};
use serde::Serialize;
use utoipa::ToSchema;

/// A decision about one turn, explained.
#[derive(Clone, Debug, Default, PartialEq, Serialize, ToSchema)]
pub struct Evaluation {
    /// Whether the conversation should be handed off now.
    pub handoff: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// The rule that fired.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Where the handoff should go (a queue or `{{ho:name}}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    pub priority: i32,
    /// Why, in one sentence.
    pub explanation: String,
    /// Everything the rule engine reports: signal values, matched words.
    #[serde(skip_serializing_if = "serde_json::Value::is_null")]
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
}

/// Decides whether a conversation should change hands after its latest turn.
pub trait TurnEvaluator: Send + Sync + 'static {
    /// How many of the most recent turns `evaluate` needs.
    fn window(&self) -> usize;
    /// `history` ends with the turn just stored.
    fn evaluate(&self, history: &[Turn]) -> Evaluation;
    /// The sentiment of one utterance, -1..=1, when the evaluator scores sentiment.
    fn sentiment(&self, _text: &str) -> Option<f64> {
        None
    }
    /// Whether `evaluate` answers at once; false while tables it needs are still being
    /// built, when it would block until they are.
    fn ready(&self) -> bool {
        true
    }
}

/// Evaluates nothing: for deployments where the AI decides every handoff itself.
pub struct NoRules;

impl TurnEvaluator for NoRules {
    fn window(&self) -> usize {
        0
    }

    fn evaluate(&self, _history: &[Turn]) -> Evaluation {
        Evaluation {
            explanation: "rules are disabled".to_owned(),
            ..Evaluation::default()
        }
    }
}

/// The rule engine, as the API sees it.
impl TurnEvaluator for baton_rules::RuleSet {
    fn window(&self) -> usize {
        baton_rules::RuleSet::window(self)
    }

    fn evaluate(&self, history: &[Turn]) -> Evaluation {
        let d = baton_rules::RuleSet::evaluate(self, history);
        Evaluation {
            handoff: d.handoff,
            reason: d.reason,
            rule: d.rule,
            target: d.target,
            priority: d.priority.unwrap_or(0),
            explanation: d.explanation,
            detail: serde_json::json!({ "signals": d.signals, "matched": d.matched, "fired": d.fired }),
        }
    }

    fn sentiment(&self, text: &str) -> Option<f64> {
        Some(f64::from(baton_rules::signals::sentiment::compound(text)))
    }

    fn ready(&self) -> bool {
        baton_rules::is_warm()
    }
}
