//! The seam between the API and the rule engine: after a turn is stored, the
//! evaluator looks at the recent history and may decide a handoff.

use std::sync::Arc;

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

/// The evaluator's decision on `history` (given back with it). While the rules' tables
/// are still being built the evaluation waits on a blocking thread, so that the server's
/// other requests go on; when a rule fails (a bug), the turn gets no decision and the
/// failure is said, so that nothing the caller sent is lost to it.
pub async fn decide(
    evaluator: &Arc<dyn TurnEvaluator>,
    history: Vec<Turn>,
) -> (Evaluation, Vec<Turn>) {
    if evaluator.ready() {
        return (evaluate_or_explain(evaluator.as_ref(), &history), history);
    }
    let evaluator = evaluator.clone();
    let kept = history.clone();
    tokio::task::spawn_blocking(move || {
        (evaluate_or_explain(evaluator.as_ref(), &history), history)
    })
    .await
    .unwrap_or_else(|e| {
        tracing::error!(error = %e, "the rules' thread stopped on a turn");
        (failed(), kept)
    })
}

fn evaluate_or_explain(evaluator: &dyn TurnEvaluator, history: &[Turn]) -> Evaluation {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| evaluator.evaluate(history)))
        .unwrap_or_else(|_| {
            tracing::error!("the rules failed on a turn; it is stored without a decision");
            failed()
        })
}

fn failed() -> Evaluation {
    Evaluation {
        explanation: "the rules failed on this turn (a bug, logged); it was stored without a \
                      decision"
            .to_owned(),
        ..Evaluation::default()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A rule with a bug.
    struct Failing;

    impl TurnEvaluator for Failing {
        fn window(&self) -> usize {
            1
        }

        fn evaluate(&self, _history: &[Turn]) -> Evaluation {
            panic!("a rule indexed past the end of a text");
        }
    }

    #[tokio::test]
    async fn a_turn_the_rules_fail_on_gets_no_decision_and_says_so() {
        let failing: Arc<dyn TurnEvaluator> = Arc::new(Failing);
        let (decision, _) = decide(&failing, Vec::new()).await;
        assert!(!decision.handoff);
        assert!(
            decision
                .explanation
                .contains("the rules failed on this turn"),
            "{}",
            decision.explanation
        );
    }
}
