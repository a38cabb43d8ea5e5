//! Baton's rule engine: when must an AI hand off, and why.
//!
//! A pure library: the rules file ([`config`]), the signals ([`signals`]), compiled rule
//! sets and self-explaining decisions ([`RuleSet`], [`Decision`]), and the measurements
//! behind them ([`replay()`], [`eval`]). The only I/O is reading files in [`RuleSet::load`]
//! and [`check`], and whatever readers the caller hands to the replay and eval functions.

mod analysis;
pub mod config;
pub mod error;
pub mod eval;
pub mod replay;
pub mod ruleset;
pub mod signals;
#[cfg(test)]
mod test_texts;

pub use config::rules_json_schema;
pub use error::RulesError;
pub use eval::{CategoryScore, IntentReport, SentimentReport, eval_intents, eval_sentiment};
pub use replay::{ConversationResult, ReplayReport, ReplaySummary, replay, to_turn};
pub use ruleset::{Decision, Fired, PRECEDENCE, RuleDescription, RuleSet, Signals, check, tier};

/// Set once [`warm_up`] has built every table.
static WARM: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the signals' tables are built: a turn evaluated now does not wait for them.
pub fn is_warm() -> bool {
    WARM.load(std::sync::atomic::Ordering::Acquire)
}

/// Builds the signals' tables (lexicons, pattern banks and their automata) now rather than on
/// the first turn, which would otherwise wait about a quarter of a second for them (seconds on
/// a loaded machine). A server calls it on a background thread at startup and reports ready
/// only when [`is_warm`]; a turn that comes first waits for the same build, never a second one.
pub fn warm_up() {
    use baton_core::Role;
    let turns = conversation_of(&[
        (
            Role::Customer,
            "Hi, I was charged $120 twice and the app still fails to load.",
            None,
        ),
        (
            Role::Ai,
            "Sorry about that! Let me check the payment for you.",
            Some(0.9),
        ),
        (
            Role::Customer,
            "Hola, quiero hablar con una persona, el cargo de 50 € no es mío.",
            None,
        ),
    ]);
    std::hint::black_box(RuleSet::builtin().evaluate(&turns));
    WARM.store(true, std::sync::atomic::Ordering::Release);
}

/// One conversation of plain turns (role, text, confidence), numbered from 1: for the
/// warm-up and the tests.
pub(crate) fn conversation_of(
    turns: &[(baton_core::Role, &str, Option<f64>)],
) -> Vec<baton_core::Turn> {
    let conversation = baton_core::ConversationId::new();
    turns
        .iter()
        .enumerate()
        .map(|(i, (role, text, confidence))| baton_core::Turn {
            id: baton_core::TurnId::new(),
            conversation_id: conversation,
            seq: i as i64 + 1,
            at: time::OffsetDateTime::UNIX_EPOCH,
            role: *role,
            text: (*text).to_owned(),
            confidence: *confidence,
            intent: None,
            event: None,
            data: serde_json::Map::new(),
            internal: None,
            author: None,
        })
        .collect()
}

#[cfg(test)]
mod warm_up_tests {
    #[test]
    fn warming_up_evaluates_without_fault() {
        super::warm_up();
        assert!(super::is_warm());
    }
}
