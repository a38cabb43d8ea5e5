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
pub use replay::{ConversationResult, ReplayReport, ReplaySummary, replay};
pub use ruleset::{Decision, Fired, PRECEDENCE, RuleDescription, RuleSet, Signals, check, tier};
