//! Assembling a package from stored state.

use std::collections::BTreeMap;

use serde_json::{Map, Value};
use time::OffsetDateTime;

use super::summary::{ExtractiveSummarizer, Summarizer};
use super::{
    AccountRef, Action, ActionKind, ArtifactRef, CONTEXT_VERSION, Checkpoint, ContextPackage,
    DecisionInfo, HistoryEntry, IntentSeen, LogEntry, Metadata, PackageCustomer, Series, Trend,
    Truncated, TurnScore,
};
use crate::conversation::Conversation;
use crate::handoff::Handoff;
use crate::turn::{Role, Turn, TurnEvent};

/// Everything a package is built from. The server fills it from the store; only
/// the first three fields are required (see [`PackageInput::new`]).
#[derive(Clone, Debug)]
pub struct PackageInput<'a> {
    pub conversation: &'a Conversation,
    pub handoff: &'a Handoff,
    /// The conversation's turns, in order.
    pub turns: &'a [Turn],
    /// Artifacts stored for the handoff; a missing `url` is filled from `base_url`.
    pub artifacts: Vec<ArtifactRef>,
    pub logs: Vec<LogEntry>,
    pub checkpoints: Vec<Checkpoint>,
    /// CRM profile fields, as the caller's CRM returned them.
    pub crm: Map<String, Value>,
    /// The customer's identifiers in the caller's systems.
    pub accounts: Vec<AccountRef>,
    /// Sentiment (-1..=1) per turn `seq`, from the rule engine's scorer.
    pub sentiment: Option<BTreeMap<i64, f64>>,
    /// Falls back to `language` or `locale` in the customer data.
    pub language: Option<String>,
    /// The channel's session identifier; falls back to `session_id` in the handoff parameters.
    pub session_id: Option<String>,
    /// Baton's public URL, e.g. `https://baton.example.com`; artifact URLs are
    /// `{base_url}/v1/handoffs/{handoff_id}/artifacts/{sha256}`.
    pub base_url: Option<String>,
    /// The moment idle time is measured to; the handoff's creation when absent.
    pub as_of: Option<OffsetDateTime>,
    /// How many older turns `turns` leaves out (it then holds the newest ones).
    pub omitted_turns: i64,
}

impl<'a> PackageInput<'a> {
    pub fn new(conversation: &'a Conversation, handoff: &'a Handoff, turns: &'a [Turn]) -> Self {
        PackageInput {
            conversation,
            handoff,
            turns,
            artifacts: Vec::new(),
            logs: Vec::new(),
            checkpoints: Vec::new(),
            crm: Map::new(),
            accounts: Vec::new(),
            sentiment: None,
            language: None,
            session_id: None,
            base_url: None,
            omitted_turns: 0,
            as_of: None,
        }
    }
}

impl ContextPackage {
    /// Builds the package for `handoff` from its conversation and turns, in order,
    /// with the extractive summary. Nothing is redacted yet: apply a receiver's
    /// [`super::RedactionPolicy`] before it leaves Baton.
    pub fn build(conversation: &Conversation, handoff: &Handoff, turns: &[Turn]) -> Self {
        Self::build_from(&PackageInput::new(conversation, handoff, turns))
    }

    /// Builds the package from everything the caller has, with the extractive summary.
    pub fn build_from(input: &PackageInput<'_>) -> Self {
        Self::build_with(input, &ExtractiveSummarizer::default())
    }

    /// Builds the package with a deployment's own summarizer.
    pub fn build_with(input: &PackageInput<'_>, summarizer: &dyn Summarizer) -> Self {
        let PackageInput {
            conversation,
            handoff,
            turns,
            ..
        } = *input;
        let sentiment = input.sentiment.as_ref();
        let history = turns
            .iter()
            .map(|t| HistoryEntry {
                seq: t.seq,
                at: t.at,
                role: t.role,
                text: t.text.clone(),
                confidence: t.confidence,
                intent: t.intent.clone(),
                event: t.event,
                sentiment: sentiment.and_then(|s| s.get(&t.seq).copied()),
                // `internal` is never copied: internal notes stay in Baton.
                data: t.data.clone(),
            })
            .collect();
        let actions = turns
            .iter()
            .filter_map(|t| {
                let kind = match (t.event, t.role) {
                    (Some(TurnEvent::Error), _) => ActionKind::Error,
                    (Some(TurnEvent::CriticalAction), _) => ActionKind::CriticalAction,
                    (Some(TurnEvent::Completion), _) => ActionKind::Completion,
                    (None, Role::Tool) => ActionKind::Tool,
                    (None, _) => return None,
                };
                Some(Action {
                    seq: t.seq,
                    at: t.at,
                    kind,
                    role: t.role,
                    text: t.text.clone(),
                    data: t.data.clone(),
                })
            })
            .collect();

        let mut data = conversation.customer.data.clone();
        // The stored customer data already merges turns' data; merging again in
        // turn order makes a package built from raw turns complete too.
        for t in turns {
            for (k, v) in &t.data {
                data.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        let customer = PackageCustomer {
            id: conversation.customer.id.clone(),
            name: conversation.customer.name.clone(),
            data,
            accounts: input.accounts.clone(),
        };

        let artifacts = input
            .artifacts
            .iter()
            .map(|a| {
                let mut a = a.clone();
                if a.url.is_none()
                    && let Some(base) = &input.base_url
                {
                    a.url = Some(format!(
                        "{}/v1/handoffs/{}/artifacts/{}",
                        base.trim_end_matches('/'),
                        handoff.id,
                        a.sha256
                    ));
                }
                a
            })
            .collect();

        let metadata = metadata(input, &customer);
        let mut pkg = ContextPackage {
            version: CONTEXT_VERSION.to_owned(),
            handoff_id: handoff.id,
            conversation_id: conversation.id,
            reason: handoff.reason,
            rule: handoff.rule.clone(),
            decision: handoff
                .decision
                .as_ref()
                .map(|d| decision_info(d, handoff.rule.as_deref())),
            utterance: handoff.utterance.clone(),
            customer,
            crm: input.crm.clone(),
            history,
            truncated: (input.omitted_turns > 0).then(|| Truncated {
                omitted_turns: input.omitted_turns,
                first_seq: turns.first().map_or(input.omitted_turns + 1, |t| t.seq),
            }),
            metadata: Some(metadata),
            summary: None,
            actions,
            artifacts,
            logs: input.logs.clone(),
            checkpoints: input.checkpoints.clone(),
            redactions: Vec::new(),
            created_at: handoff.created_at,
        };
        pkg.summary = Some(summarizer.summarize(&pkg));
        pkg
    }
}

/// Reads the rule engine's stored decision: `{explanation, detail: {signals, matched}}`
/// as the server writes it, or `{explanation, signals, matched}`.
fn decision_info(d: &Value, rule: Option<&str>) -> DecisionInfo {
    let detail = d.get("detail").unwrap_or(d);
    DecisionInfo {
        rule: d
            .get("rule")
            .and_then(Value::as_str)
            .or(rule)
            .map(str::to_owned),
        explanation: d
            .get("explanation")
            .and_then(Value::as_str)
            .map(str::to_owned),
        signals: detail
            .get("signals")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default(),
        matched: detail
            .get("matched")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
    }
}

fn metadata(input: &PackageInput<'_>, customer: &PackageCustomer) -> Metadata {
    let turns = input.turns;
    let handoff = input.handoff;
    let as_of = input.as_of.unwrap_or(handoff.created_at);
    let last_customer = turns.iter().rev().find(|t| t.role == Role::Customer);
    let data_str = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| customer.data.get(*k).and_then(Value::as_str))
            .map(str::to_owned)
    };

    let sentiment = input.sentiment.as_ref().and_then(|s| {
        series(
            turns
                .iter()
                .filter_map(|t| s.get(&t.seq).map(|v| (t.seq, *v)))
                .collect(),
        )
    });
    let confidence = series(
        turns
            .iter()
            .filter_map(|t| t.confidence.map(|c| (t.seq, c)))
            .collect(),
    );

    let mut intents: Vec<IntentSeen> = Vec::new();
    for t in turns {
        let Some(i) = &t.intent else { continue };
        match intents.iter_mut().find(|s| s.intent == *i) {
            Some(s) => {
                s.count += 1;
                s.last_seq = t.seq;
            }
            None => intents.push(IntentSeen {
                intent: i.clone(),
                count: 1,
                first_seq: t.seq,
                last_seq: t.seq,
            }),
        }
    }

    Metadata {
        channel: input.conversation.channel,
        language: input
            .language
            .clone()
            .or_else(|| data_str(&["language", "locale", "lang"])),
        session_id: input.session_id.clone().or_else(|| {
            handoff
                .parameters
                .get("session_id")
                .and_then(Value::as_str)
                .map(str::to_owned)
        }),
        turn_count: input
            .conversation
            .turn_count
            .max(i64::try_from(turns.len()).unwrap_or(i64::MAX)),
        started_at: turns.first().map(|t| t.at),
        last_turn_at: turns.last().map(|t| t.at),
        idle_seconds: last_customer.map(|t| (as_of - t.at).whole_seconds().max(0)),
        duration_seconds: match (turns.first(), turns.last()) {
            (Some(a), Some(b)) => Some((b.at - a.at).whole_seconds().max(0)),
            _ => None,
        },
        sentiment,
        confidence,
        latest_intent: turns.iter().rev().find_map(|t| t.intent.clone()),
        intents,
        destination: handoff.destination.clone(),
        priority: handoff.priority,
        parameters: handoff.parameters.clone(),
    }
}

/// Summarises scores in turn order. The trend is the least-squares slope over
/// the whole series times its length (the change it implies from first to
/// last); a change under 0.1 on these 0..1 / -1..1 scales reads as steady.
fn series(points: Vec<(i64, f64)>) -> Option<Series> {
    let (_, latest) = *points.last()?;
    let n = points.len() as f64;
    let mean = points.iter().map(|p| p.1).sum::<f64>() / n;
    let min = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let trend = if points.len() < 2 {
        Trend::Steady
    } else {
        let xm = (n - 1.0) / 2.0;
        let (mut num, mut den) = (0.0, 0.0);
        for (i, (_, y)) in points.iter().enumerate() {
            let dx = i as f64 - xm;
            num += dx * (y - mean);
            den += dx * dx;
        }
        let change = num / den * (n - 1.0);
        if change > 0.1 {
            Trend::Rising
        } else if change < -0.1 {
            Trend::Falling
        } else {
            Trend::Steady
        }
    };
    Some(Series {
        turns: points
            .into_iter()
            .map(|(seq, value)| TurnScore { seq, value })
            .collect(),
        latest,
        mean,
        min,
        trend,
    })
}
