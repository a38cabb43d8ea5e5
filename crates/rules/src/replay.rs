//! Replaying JSON Lines transcripts through a rule set, turn by turn, and scoring the
//! decisions against `expect` labels.

use std::collections::BTreeMap;
use std::fmt;
use std::io::BufRead;

use baton_core::{ConversationId, NewTurn, Reason, Role, Turn, TurnId};
use serde::{Deserialize, Serialize};

use crate::{RuleSet, RulesError};

#[derive(Debug, Deserialize)]
struct Transcript {
    id: String,
    #[serde(default)]
    #[allow(dead_code)]
    channel: Option<String>,
    turns: Vec<NewTurn>,
    #[serde(default)]
    expect: Option<Expect>,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    pub handoff: bool,
    #[serde(default)]
    pub reason: Option<Reason>,
    #[serde(default)]
    pub turn: Option<usize>,
}

/// One replayed conversation.
#[derive(Clone, Debug, Serialize)]
pub struct ConversationResult {
    pub id: String,
    pub handoff: bool,
    pub reason: Option<Reason>,
    pub rule: Option<String>,
    /// 1-based index of the deciding turn.
    pub turn: Option<usize>,
    pub explanation: String,
    /// Every reason that fired on the deciding turn, the winner first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Reason>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expect: Option<Expect>,
}

/// Precision, recall and F1 for one reason (or overall).
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Conversations expected to hand off for this reason.
    pub support: u64,
}

/// The summary line of a replay.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ReplaySummary {
    pub conversations: u64,
    /// Conversations with an `expect` label.
    pub labelled: u64,
    pub handoffs: u64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Share of labelled conversations where hand-off or not was decided as expected.
    pub decision_accuracy: f64,
    /// Share of expected hand-offs decided with the expected reason.
    pub reason_accuracy: f64,
    /// Labelled conversations expected to hand off, and those decided so.
    pub expected_handoffs: u64,
    pub true_positives: u64,
    /// Conversations expected not to hand off that did: the false-positive rate is this
    /// over `labelled - expected_handoffs`.
    pub false_positives: u64,
    pub per_reason: BTreeMap<Reason, Scores>,
    /// expected → decided → count; `none` when no hand-off.
    pub confusion: BTreeMap<String, BTreeMap<String, u64>>,
}

/// A replay: one row per conversation, then the summary.
#[derive(Clone, Debug, Serialize)]
pub struct ReplayReport {
    pub conversations: Vec<ConversationResult>,
    pub summary: ReplaySummary,
}

/// A transcript turn as the rules see it, numbered `seq` in its conversation, with a
/// synthetic id and, when it has none, a timestamp of `seq` seconds after the epoch.
pub fn to_turn(conversation_id: ConversationId, seq: usize, t: NewTurn) -> Turn {
    // Synthetic ids and timestamps: replay has no store.
    let at = t
        .at
        .unwrap_or_else(|| time::OffsetDateTime::UNIX_EPOCH + time::Duration::seconds(seq as i64));
    Turn {
        id: TurnId::new(),
        conversation_id,
        seq: seq as i64,
        at,
        role: t.role.unwrap_or(Role::Customer),
        text: t.text,
        confidence: t.confidence,
        intent: t.intent,
        event: t.event,
        data: t.data,
        internal: t.internal,
        author: None,
    }
}

fn divide(n: u64, d: u64) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Replays every conversation of a JSON Lines reader, stopping each at its first hand-off.
/// `on_progress` receives the bytes read so far after each line.
pub fn replay(
    rules: &RuleSet,
    reader: impl BufRead,
    mut on_progress: impl FnMut(u64),
) -> Result<ReplayReport, RulesError> {
    let mut rows = Vec::new();
    let mut bytes = 0u64;
    for (index, line) in reader.lines().enumerate() {
        let line_no = index as u64 + 1;
        let line = line?;
        bytes += line.len() as u64 + 1;
        if line.trim().is_empty() {
            on_progress(bytes);
            continue;
        }
        let transcript: Transcript =
            serde_json::from_str(&line).map_err(|e| RulesError::Input {
                line: line_no,
                message: format!("not a transcript: {e}"),
            })?;
        for (i, t) in transcript.turns.iter().enumerate() {
            t.validate().map_err(|e| RulesError::Input {
                line: line_no,
                message: format!("conversation `{}`, turn {}: {e}", transcript.id, i + 1),
            })?;
        }
        rows.push(replay_one(rules, transcript));
        on_progress(bytes);
    }
    let summary = summarize(&rows);
    Ok(ReplayReport {
        conversations: rows,
        summary,
    })
}

fn replay_one(rules: &RuleSet, transcript: Transcript) -> ConversationResult {
    let conversation_id = ConversationId::new();
    let mut history: Vec<Turn> = Vec::with_capacity(transcript.turns.len());
    let mut last_explanation = String::from("no turns");
    for (i, t) in transcript.turns.into_iter().enumerate() {
        history.push(to_turn(conversation_id, i + 1, t));
        let decision = rules.evaluate(&history);
        if decision.handoff {
            return ConversationResult {
                id: transcript.id,
                handoff: true,
                reason: decision.reason,
                rule: decision.rule,
                turn: Some(i + 1),
                explanation: decision.explanation,
                reasons: decision.fired.iter().map(|f| f.reason).collect(),
                expect: transcript.expect,
            };
        }
        last_explanation = decision.explanation;
    }
    ConversationResult {
        id: transcript.id,
        handoff: false,
        reason: None,
        rule: None,
        turn: None,
        explanation: last_explanation,
        reasons: Vec::new(),
        expect: transcript.expect,
    }
}

fn summarize(rows: &[ConversationResult]) -> ReplaySummary {
    let name = |r: Option<Reason>| r.map_or("none".to_owned(), |r| r.as_str().to_owned());
    let mut s = ReplaySummary {
        conversations: rows.len() as u64,
        handoffs: rows.iter().filter(|r| r.handoff).count() as u64,
        ..ReplaySummary::default()
    };
    let (mut tp, mut fp, mut fn_, mut agree, mut expected_handoffs, mut right_reason) =
        (0, 0, 0, 0, 0, 0);
    let mut per: BTreeMap<Reason, (u64, u64, u64)> = BTreeMap::new();
    for row in rows {
        let Some(expect) = &row.expect else { continue };
        s.labelled += 1;
        let expected_reason = expect.reason.filter(|_| expect.handoff);
        let decided_reason = row.reason.filter(|_| row.handoff);
        *s.confusion
            .entry(if expect.handoff {
                name(expected_reason).replace("none", "any")
            } else {
                "none".into()
            })
            .or_default()
            .entry(name(decided_reason))
            .or_default() += 1;
        match (expect.handoff, row.handoff) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            (false, false) => {}
        }
        agree += u64::from(expect.handoff == row.handoff);
        if expect.handoff {
            expected_handoffs += 1;
            right_reason += u64::from(expected_reason.is_none_or(|e| decided_reason == Some(e)));
        }
        if let Some(e) = expected_reason {
            per.entry(e).or_default().2 += 1;
            if decided_reason == Some(e) {
                per.entry(e).or_default().0 += 1;
            }
        }
        if let Some(d) = decided_reason
            && expected_reason != Some(d)
        {
            per.entry(d).or_default().1 += 1;
        }
    }
    s.expected_handoffs = expected_handoffs;
    s.true_positives = tp;
    s.false_positives = fp;
    s.precision = divide(tp, tp + fp);
    s.recall = divide(tp, tp + fn_);
    s.f1 = f1(s.precision, s.recall);
    s.decision_accuracy = divide(agree, s.labelled);
    s.reason_accuracy = divide(right_reason, expected_handoffs);
    s.per_reason = per
        .into_iter()
        .map(|(reason, (tp, fp, support))| {
            let p = divide(tp, tp + fp);
            let r = divide(tp, support);
            (
                reason,
                Scores {
                    precision: p,
                    recall: r,
                    f1: f1(p, r),
                    support,
                },
            )
        })
        .collect();
    s
}

impl fmt::Display for ConversationResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.handoff, self.reason, self.turn) {
            (true, Some(reason), Some(turn)) => {
                write!(
                    f,
                    "{}: hand off at turn {turn} for {reason} — {}",
                    self.id, self.explanation
                )?;
                if self.reasons.len() > 1 {
                    let others: Vec<&str> = self.reasons[1..].iter().map(|r| r.as_str()).collect();
                    write!(f, " (also fired: {})", others.join(", "))?;
                }
            }
            _ => write!(f, "{}: no hand-off — {}", self.id, self.explanation)?,
        }
        if let Some(e) = &self.expect {
            let ok = e.handoff == self.handoff
                && (!e.handoff || e.reason.is_none_or(|r| Some(r) == self.reason));
            write!(f, " [{}]", if ok { "as expected" } else { "UNEXPECTED" })?;
        }
        Ok(())
    }
}

impl fmt::Display for ReplaySummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} conversations ({} labelled), {} hand-offs",
            self.conversations, self.labelled, self.handoffs
        )?;
        // A figure whose denominator is zero is undefined, not 0: a set of ordinary
        // conversations has no expected hand-off to recall.
        let figure = |defined: bool, x: f64| {
            if defined {
                format!("{x:.3}")
            } else {
                "n/a".to_owned()
            }
        };
        let decided = self.true_positives + self.false_positives > 0;
        let expected = self.expected_handoffs > 0;
        writeln!(
            f,
            "precision {}  recall {}  F1 {}  decision accuracy {}  reason accuracy {}",
            figure(decided, self.precision),
            figure(expected, self.recall),
            figure(decided && expected, self.f1),
            figure(self.labelled > 0, self.decision_accuracy),
            figure(expected, self.reason_accuracy)
        )?;
        let negatives = self.labelled - self.expected_handoffs;
        if negatives > 0 {
            writeln!(
                f,
                "false hand-offs: {} of {negatives} conversations expected not to hand off ({:.3})",
                self.false_positives,
                divide(self.false_positives, negatives)
            )?;
        }
        for (reason, s) in &self.per_reason {
            writeln!(
                f,
                "  {:<20} precision {:.3}  recall {:.3}  F1 {:.3}  ({} expected)",
                reason.as_str(),
                s.precision,
                s.recall,
                s.f1,
                s.support
            )?;
        }
        if !self.confusion.is_empty() {
            writeln!(f, "confusion (expected → decided):")?;
            for (expected, row) in &self.confusion {
                let cells: Vec<String> = row.iter().map(|(d, n)| format!("{d}: {n}")).collect();
                writeln!(f, "  {expected:<20} {}", cells.join(", "))?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for ReplayReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for row in &self.conversations {
            writeln!(f, "{row}")?;
        }
        write!(f, "{}", self.summary)
    }
}
