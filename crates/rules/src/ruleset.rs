//! Compiled rules and their evaluation over a conversation's recent turns.

use std::fmt;
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use baton_core::{Reason, Role, Turn, TurnEvent};
use serde::Serialize;

use crate::RulesError;
use crate::analysis::{self, AnalysisCache, TurnAnalysis};
use crate::config::{Condition, RuleSpec, RulesFile, Target};
use crate::signals::{confidence, explicit, loops, matters, sentiment_langs, topics};

const DEFAULT_RULES: &str = include_str!("../default_rules.yaml");

/// A compiled condition: everything parsed and built once.
#[derive(Debug)]
enum Check {
    Explicit,
    LowConfidence {
        below: f64,
        turns: usize,
        floor: f64,
    },
    Sentiment {
        below: f64,
    },
    NegativeFor {
        turns: usize,
        below: f64,
    },
    SentimentDrop {
        by: f64,
        within: usize,
    },
    Upset {
        intense: f64,
        below: f64,
        turns: usize,
    },
    SameNeed {
        times: usize,
    },
    AiRepeats {
        times: usize,
        similarity: f64,
    },
    CustomerRepeats {
        times: usize,
        similarity: f64,
    },
    FallbackRepeats {
        intents: Vec<String>,
        times: usize,
    },
    Regulated {
        topics: Vec<topics::Topic>,
    },
    AmountAbove {
        amount: f64,
        currency: Option<String>,
    },
    Urgency,
    SeveralMatters {
        at_least: usize,
    },
    Event {
        kind: TurnEvent,
        times: usize,
    },
    Keywords {
        words: Vec<String>,
        automaton: AhoCorasick,
        role: Role,
    },
    Regex {
        regex: regex::Regex,
        role: Role,
    },
    Intent {
        any_of: Vec<String>,
    },
    Data(crate::config::DataSpec),
    Any(Vec<Check>),
}

/// The precedence between reasons when several rules fire on the same turn: a lower tier
/// wins; within a tier, the higher priority, then the earlier rule in the file.
///
/// 0. an explicit request for a person (never make the customer ask twice);
/// 1. the specific events a turn reports: `critical_action`, `error`, `completion` (from
///    any role, `tool` included), and `manual`;
/// 2. what the conversation is about: `urgency`, `regulated`, `high_value`, `complex`;
/// 3. the generic signals: `low_confidence`, `negative_sentiment`, `loop`.
pub const fn tier(reason: Reason) -> u8 {
    match reason {
        Reason::ExplicitRequest => 0,
        Reason::CriticalAction | Reason::Error | Reason::Completion | Reason::Manual => 1,
        Reason::Urgency | Reason::Regulated | Reason::HighValue | Reason::Complex => 2,
        Reason::LowConfidence | Reason::NegativeSentiment | Reason::Loop => 3,
    }
}

/// The precedence in words, for `baton rules check` and the README.
pub const PRECEDENCE: &str = "explicit_request > critical_action, error, completion (any role, tool included) > urgency, regulated, high_value, complex > low_confidence, negative_sentiment, loop; within a tier the higher priority wins, then the earlier rule";

#[derive(Debug)]
struct Rule {
    name: String,
    description: Option<String>,
    reason: Reason,
    target: Option<Target>,
    priority: i32,
    checks: Vec<Check>,
}

/// A compiled, immutable rule set. `Send + Sync`; share it in an `Arc`.
#[derive(Debug)]
pub struct RuleSet {
    /// Sorted by priority, highest first; ties keep file order.
    rules: Vec<Rule>,
    window: usize,
    /// How many recent customer turns sentiment is scored on (the most any rule reads).
    sentiment_depth: usize,
    /// Per-turn analyses shared between evaluations (sentiment, word sets, detectors).
    cache: AnalysisCache,
    /// The explanation when no rule fires, written once rather than formatted each time.
    no_match: String,
}

/// The explanation when none of `rules` rules fires.
fn no_match(rules: usize) -> String {
    format!("no rule matched ({rules} rules checked)")
}

/// What a rule found: a clause for the explanation and the words that matched.
struct Hit {
    says: String,
    matched: Vec<String>,
}

/// The signal values seen while deciding.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Signals {
    /// The AI's confidence on its most recent turn that reported one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// VADER compound of the customer's most recent turn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<f32>,
    /// VADER compound of the customer's recent turns, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sentiment_trend: Vec<f32>,
    /// How many of the customer's most recent turns in a row are negative (< -0.05).
    pub negative_turns: usize,
    /// The explicit request found in the last customer turn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explicit_request: Option<String>,
}

/// One rule that fired on the turn.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fired {
    pub reason: Reason,
    pub rule: String,
    pub priority: i32,
    /// What the rule found, in words.
    pub because: String,
}

/// The outcome of one evaluation, explained.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decision {
    pub handoff: bool,
    pub reason: Option<Reason>,
    pub rule: Option<String>,
    /// Queue name or `{{ho:name}}`.
    pub target: Option<String>,
    pub priority: Option<i32>,
    /// One human sentence.
    pub explanation: String,
    pub signals: Signals,
    /// The words and phrases that matched.
    pub matched: Vec<String>,
    /// Every rule that fired on this turn, the winner first (see [`tier`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fired: Vec<Fired>,
}

impl Decision {
    fn none(explanation: impl Into<String>, signals: Signals) -> Decision {
        Decision {
            handoff: false,
            reason: None,
            rule: None,
            target: None,
            priority: None,
            explanation: explanation.into(),
            signals,
            matched: Vec::new(),
            fired: Vec::new(),
        }
    }
}

/// What one rule will do, for `baton rules check`.
#[derive(Clone, Debug, Serialize)]
pub struct RuleDescription {
    pub name: String,
    pub reason: Reason,
    /// The reason's precedence tier (0 wins over 1, …).
    pub tier: u8,
    pub priority: i32,
    pub target: Option<String>,
    /// "Hands off for explicit_request to {{ho:desk}} when …".
    pub description: String,
}

impl fmt::Display for RuleDescription {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (tier {}, priority {}): {}",
            self.name, self.tier, self.priority, self.description
        )
    }
}

/// The turns a rule looks at, and signals computed once per evaluation.
struct View<'a> {
    turns: &'a [Turn],
    last: &'a Turn,
    /// `analyses[i]` is the analysis of `turns[i]` (customer and AI turns only).
    analyses: &'a [Option<&'a TurnAnalysis>],
    /// Customer turns' compound scores, most recent first.
    customer_sentiment: Vec<f32>,
    explicit: Option<&'a explicit::ExplicitMatch>,
}

impl<'a> View<'a> {
    fn recent(&self, role: Role) -> impl Iterator<Item = &'a Turn> + use<'a> {
        self.turns.iter().rev().filter(move |t| t.role == role)
    }
    /// Turns said by `role` with their analyses, most recent first.
    fn recent_analysed(&self, role: Role) -> impl Iterator<Item = (&'a Turn, &'a TurnAnalysis)> {
        self.turns
            .iter()
            .zip(self.analyses)
            .rev()
            .filter(move |(t, _)| t.role == role)
            .filter_map(|(t, a)| a.as_deref().map(|a| (t, a)))
    }
    /// How many matters customer turn `at` (an index into `turns`) raises: those its words
    /// name (acts, parts of the service, faults), or, when more, its clauses about things
    /// no earlier customer turn, nor the AI's answer just before, named. The vocabulary
    /// names only some of what "can I … and do you …" asks; a clause about a thing named
    /// before ("the second link failed as well") goes on with that matter.
    fn matters_raised(&self, at: usize) -> usize {
        let (turn, Some(a)) = (&self.turns[at], self.analyses[at]) else {
            return 0;
        };
        let m = a.matters(&turn.text);
        let clauses = a.clauses(&turn.text);
        if clauses.count() <= m.own() {
            return m.own();
        }
        let mut earlier: Vec<&loops::WordSet> = Vec::new();
        let mut answer_seen = false;
        for (t, a) in self.turns[..at].iter().zip(&self.analyses[..at]).rev() {
            let Some(a) = a.as_deref() else {
                continue;
            };
            match t.role {
                Role::Customer => earlier.push(a.words(&t.text)),
                Role::Ai if !answer_seen => {
                    answer_seen = true;
                    earlier.push(a.words(&t.text));
                }
                _ => {}
            }
        }
        m.own()
            .max(clauses.new_count(|s| earlier.iter().any(|w| w.has_prefix(s.bytes()))))
    }

    /// The words that show the matters customer turn `at` raises: those its vocabulary
    /// names, else its clauses' first words.
    fn matters_shown(&self, at: usize) -> String {
        let (turn, Some(a)) = (&self.turns[at], self.analyses[at]) else {
            return String::new();
        };
        let m = a.matters(&turn.text);
        if m.own() > 0 {
            m.shown()
        } else {
            a.clauses(&turn.text).shown().to_owned()
        }
    }
    /// The last turn's text when it was said by `role`.
    fn last_text(&self, role: Role) -> Option<&'a str> {
        (self.last.role == role).then_some(self.last.text.as_str())
    }
    /// The last turn's text and analysis when it was said by `role`.
    fn last_analysed(&self, role: Role) -> Option<(&'a str, &'a TurnAnalysis)> {
        let text = self.last_text(role)?;
        let a = self.analyses.last()?.as_deref()?;
        Some((text, a))
    }
}

fn fmt_list(v: &[f64]) -> String {
    v.iter()
        .map(|c| format!("{c:.2}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Check {
    /// The most recent turns this check needs.
    fn window(&self) -> usize {
        match self {
            // Counted in one role's turns: allow for the other party's turns in between.
            Check::LowConfidence { turns, .. } | Check::NegativeFor { turns, .. } => 2 * turns + 2,
            Check::SentimentDrop { within, .. } => 2 * within + 2,
            Check::FallbackRepeats { times, .. } => 2 * times + 2,
            Check::AiRepeats { .. } | Check::CustomerRepeats { .. } => 12,
            Check::SameNeed { times } => 12.max(4 * times + 2),
            Check::Upset { turns, .. } => 2 * turns + 2,
            Check::Event { times, .. } => 10.max(2 * times),
            Check::SeveralMatters { at_least } => 12.max(2 * at_least + 2),
            // The last turn and the three before it, where a domain's term may be named.
            Check::Regulated { .. } => 4,
            Check::Any(checks) => checks.iter().map(Check::window).max().unwrap_or(1),
            _ => 2,
        }
    }

    /// How many recent customer turns this check reads sentiment from.
    fn sentiment_depth(&self) -> usize {
        match self {
            Check::Sentiment { .. } => 1,
            Check::NegativeFor { turns, .. } => *turns,
            Check::SentimentDrop { within, .. } => *within,
            Check::Upset { turns, .. } => *turns,
            Check::Any(checks) => checks.iter().map(Check::sentiment_depth).max().unwrap_or(0),
            _ => 0,
        }
    }

    fn test(&self, v: &View<'_>) -> Option<Hit> {
        match self {
            Check::Explicit => v.explicit.map(|m| Hit {
                says: format!("the customer asked for a person: \"{}\"", m.phrase),
                matched: vec![m.phrase.clone()],
            }),
            Check::LowConfidence {
                below,
                turns,
                floor,
            } => {
                if v.last.role != Role::Ai {
                    return None;
                }
                v.last.confidence?;
                let confidences = || v.recent(Role::Ai).filter_map(|t| t.confidence).take(*turns);
                let mut stack = [0f64; 8];
                let heap: Vec<f64>;
                let recent: &[f64] = if *turns <= stack.len() {
                    let mut n = 0;
                    for c in confidences() {
                        stack[n] = c;
                        n += 1;
                    }
                    &stack[..n]
                } else {
                    heap = confidences().collect();
                    &heap
                };
                let unsure = || {
                    v.last_analysed(Role::Ai)
                        .map_or(confidence::Admission::None, |(text, a)| a.admission(text))
                };
                match confidence::low_confidence_or_unsure(recent, *below, *turns, *floor, unsure)?
                {
                    confidence::LowConfidence::Floor { confidence, floor } => Some(Hit {
                        says: format!(
                            "the AI's confidence {confidence:.2} is under the floor {floor:.2}"
                        ),
                        matched: Vec::new(),
                    }),
                    confidence::LowConfidence::Unsure { confidence, below } => Some(Hit {
                        says: if confidence < below {
                            format!(
                                "the AI's confidence {confidence:.2} is under {below:.2} and it says it is not sure"
                            )
                        } else {
                            format!("the AI says it does not know (its confidence {confidence:.2})")
                        },
                        matched: Vec::new(),
                    }),
                    confidence::LowConfidence::Sustained { confidences, below } => Some(Hit {
                        says: format!(
                            "the AI's confidence stayed under {below:.2} for {} turns ({})",
                            confidences.len(),
                            fmt_list(&confidences)
                        ),
                        matched: Vec::new(),
                    }),
                }
            }
            Check::Sentiment { below } => {
                v.last_text(Role::Customer)?;
                let s = *v.customer_sentiment.first()?;
                (f64::from(s) < *below).then(|| Hit {
                    says: format!("the customer's sentiment is {s:.2}, under {below:.2}"),
                    matched: Vec::new(),
                })
            }
            Check::NegativeFor { turns, below } => {
                v.last_text(Role::Customer)?;
                let run = v
                    .customer_sentiment
                    .iter()
                    .take_while(|&&s| f64::from(s) < *below)
                    .count();
                (run >= *turns).then(|| Hit {
                    says: format!("the customer has been negative for {run} turns in a row"),
                    matched: Vec::new(),
                })
            }
            Check::SentimentDrop { by, within } => {
                v.last_text(Role::Customer)?;
                let now = f64::from(*v.customer_sentiment.first()?);
                let before = v
                    .customer_sentiment
                    .iter()
                    .skip(1)
                    .take(within.saturating_sub(1).max(1));
                let peak = before
                    .map(|&s| f64::from(s))
                    .fold(f64::NEG_INFINITY, f64::max);
                (peak.is_finite() && peak - now >= *by).then(|| Hit {
                    says: format!(
                        "the customer's sentiment dropped sharply, from {peak:.2} to {now:.2}"
                    ),
                    matched: Vec::new(),
                })
            }
            Check::Upset {
                intense,
                below,
                turns,
            } => upset_hit(v, *intense, *below, *turns),
            Check::SameNeed { times } => same_need_hit(v, *times),
            Check::AiRepeats { times, similarity } => {
                repeat_hit(v, Role::Ai, *times, *similarity, "the AI repeated itself")
            }
            Check::CustomerRepeats { times, similarity } => repeat_hit(
                v,
                Role::Customer,
                *times,
                *similarity,
                "the customer repeated the same request",
            ),
            Check::FallbackRepeats { intents, times } => {
                if v.last.role != Role::Ai {
                    return None;
                }
                let recent = || v.recent(Role::Ai).map(|t| t.intent.as_deref()).take(*times);
                let run = recent()
                    .take_while(|i| loops::is_fallback(*i, intents))
                    .count();
                (run >= *times).then(|| Hit {
                    says: format!("the AI fell back {run} times in a row"),
                    matched: recent().flatten().map(|s| s.to_string()).collect(),
                })
            }
            Check::Regulated { topics } => {
                let (text, a) = v.last_analysed(Role::Customer)?;
                // A dispute or open claim mentioned earlier makes closing the account a
                // regulated act.
                let context = topics.contains(&topics::Topic::AccountClosure)
                    && a.closes_account(text)
                    && v.turns
                        .iter()
                        .zip(v.analyses)
                        .filter_map(|(t, a)| a.as_deref().map(|a| (t, a)))
                        .any(|(t, a)| a.dispute_context(&t.text));
                // "I want it closed today even though the dispute is still open", the
                // account named a turn or two before: closing it is the act.
                let closes_named_account = || {
                    if !topics.contains(&topics::Topic::AccountClosure) {
                        return None;
                    }
                    let words = a.closes_it(text)?;
                    let recent = || {
                        v.turns
                            .iter()
                            .zip(v.analyses)
                            .rev()
                            .take(4)
                            .filter_map(|(t, a)| a.as_deref().map(|a| (t, a)))
                    };
                    (recent().any(|(t, a)| a.names_account(&t.text))
                        && recent().any(|(t, a)| a.dispute_context(&t.text)))
                    .then_some((topics::Topic::AccountClosure, words))
                };
                let found = a
                    .regulated(text, topics, context)
                    .map(|(topic, words)| (topic, words.into_owned()))
                    .or_else(closes_named_account);
                let (topic, words) = match found {
                    Some(found) => found,
                    // Advice asked now in a domain one of the three turns before names
                    // ("which of them suits me?" after the funds were listed).
                    None => topics.iter().find_map(|&topic| {
                        let ask = a.advice_asked_without_term(text, topic)?;
                        let term = v
                            .turns
                            .iter()
                            .zip(v.analyses)
                            .rev()
                            .skip(1)
                            .take(3)
                            .find_map(|(t, a)| a.as_deref()?.domain_term(&t.text, topic))?;
                        Some((topic, format!("{term} … {ask}")))
                    })?,
                };
                Some(Hit {
                    says: format!(
                        "the customer asked for a regulated act or advice ({}: \"{words}\")",
                        topic.as_str()
                    ),
                    matched: vec![words],
                })
            }
            Check::AmountAbove { amount, currency } => {
                let (text, analysis) = v.last_analysed(Role::Customer)?;
                // Money told as already come in, or only held, is nothing to pay, move or
                // claim; a balance told in answer to the AI's question about paying it is
                // the sum to pay ("Quer liquidar tudo?" — "Sim, são uns 40 mil").
                let n = v.turns.len();
                let act_asked = || {
                    n >= 2
                        && v.turns[n - 2].role == Role::Ai
                        && topics::names_money_act(&v.turns[n - 2].text)
                };
                if analysis.settled(text) || analysis.held(text) && !act_asked() {
                    return None;
                }
                let above = |a: &&topics::Amount| {
                    a.value > *amount
                        && currency
                            .as_deref()
                            .is_none_or(|c| a.currency.is_some_and(|ac| ac.eq_ignore_ascii_case(c)))
                };
                // A sum the AI gave as a balance in its last two turns, said back with no act
                // on money ("and what interest does that £9,300 earn?"), is still only held.
                let told_held = |a: &topics::Amount| {
                    !topics::names_money_act(text)
                        && v.turns[..n - 1]
                            .iter()
                            .zip(v.analyses)
                            .rev()
                            .filter(|(t, _)| t.role == Role::Ai)
                            .take(2)
                            .any(|(t, e)| {
                                e.as_deref().is_some_and(|e| {
                                    e.held(&t.text)
                                        && e.amounts(&t.text).iter().any(|b| b.value == a.value)
                                })
                            })
                };
                if let Some(found) = analysis.amounts(text).iter().find(|a| {
                    above(a) && (!topics::held_at(text, &a.text) && !told_held(a) || act_asked())
                }) {
                    return Some(Hit {
                        says: format!("the customer mentioned {}, above {amount}", found.text),
                        matched: vec![found.text.clone()],
                    });
                }
                let (ai, ai_analysis) = (
                    v.turns.get(n.checked_sub(2)?)?,
                    v.analyses.get(n - 2)?.as_deref()?,
                );
                // "How much?" — "1,500.": a number answering the AI's question about an
                // amount is that amount (any currency).
                if ai.role == Role::Ai
                    && currency.is_none()
                    && ai_analysis.asks_amount(&ai.text)
                    && analysis.may_hold_bare_number(text)
                    && let Some(found) = topics::bare_numbers(text)
                        .into_iter()
                        .find(|a| a.value > *amount)
                {
                    return Some(Hit {
                        says: format!(
                            "the customer answered the AI's question about an amount with {}, above {amount}",
                            found.text
                        ),
                        matched: vec![found.text],
                    });
                }
                // "Please charge 31,000 to the company card" after the AI priced it at
                // £31,000: the AI's amount, said back with an act on money, is moved.
                // The AI's sums are looked at first: they are cached, and most AI turns
                // hold none, so the customer's words are rarely read for an act.
                if ai.role == Role::Ai
                    && analysis.may_hold_bare_number(text)
                    && (ai_analysis.amounts(&ai.text).iter().any(|b| above(&b))
                        || currency.is_none() && ai_analysis.may_hold_bare_number(&ai.text))
                    && topics::names_money_act(text)
                {
                    let said = topics::bare_numbers(text);
                    // "You have 3,150 left on the plan": without a currency configured, the
                    // AI's bare sum is as much the sum as one with its symbol.
                    let ai_bare =
                        if currency.is_none() && ai_analysis.may_hold_bare_number(&ai.text) {
                            topics::bare_numbers(&ai.text)
                        } else {
                            Vec::new()
                        };
                    if let Some(found) = ai_analysis
                        .amounts(&ai.text)
                        .iter()
                        .chain(&ai_bare)
                        .filter(above)
                        .find(|b| said.iter().any(|a| a.value == b.value))
                    {
                        return Some(Hit {
                            says: format!(
                                "the customer asked to pay or move the AI's {}, above {amount}",
                                found.text
                            ),
                            matched: vec![found.text.clone()],
                        });
                    }
                }
                // "Shall I go ahead?" after the AI priced it at €1,680, and the customer says
                // yes: the customer agrees to pay the AI's amount.
                // The AI's sum first (cached, and most AI turns name none), then the
                // customer's yes, the cheaper of the two readings of words.
                if ai.role != Role::Ai {
                    return None;
                }
                let found = ai_analysis.amounts(&ai.text).iter().find(above)?;
                if !topics::agrees_to_go_ahead(text) || !topics::asks_to_go_ahead(&ai.text) {
                    return None;
                }
                Some(Hit {
                    says: format!(
                        "the customer agreed to the AI's offer of {}, above {amount}",
                        found.text
                    ),
                    matched: vec![found.text.clone()],
                })
            }
            Check::Urgency => {
                let (text, a) = v.last_analysed(Role::Customer)?;
                let words = a.urgency(text)?;
                Some(Hit {
                    says: format!("the customer described an urgent situation (\"{words}\")"),
                    matched: vec![words.to_owned()],
                })
            }
            Check::SeveralMatters { at_least } => {
                let (text, a) = v.last_analysed(Role::Customer)?;
                let last = a.matters(text);
                if let Some(words) = last.verdict(*at_least) {
                    return Some(Hit {
                        says: format!("the customer raised several separate matters (\"{words}\")"),
                        matched: vec![words],
                    });
                }
                // Matters told over two turns ("I have three contracts with you" … "and I
                // want to keep the electricity"): counted together when the last adds one.
                // An act the AI proposed, agreed to ("Yes, replace it"), is no new one.
                let only_agreed = || {
                    v.recent_analysed(Role::Ai)
                        .next()
                        .is_some_and(|(t, ai)| last.acts_within(ai.matters(&t.text)))
                };
                // A turn that says in plain words that it works now ("its keeping time now
                // thank you") reports, it raises nothing, unless a word adds a matter.
                let reports_resolved = || a.resolved_plainly(text) && !a.clauses(text).adds();
                if last.has_acts()
                    && !only_agreed()
                    && !reports_resolved()
                    && let Some((t, p)) = v.recent_analysed(Role::Customer).nth(1)
                    && let Some(words) = p.matters(&t.text).with(last).verdict(*at_least)
                {
                    return Some(Hit {
                        says: format!(
                            "the customer raised several separate matters over two turns (\"{words}\")"
                        ),
                        matched: vec![words],
                    });
                }
                // Matters added turn after turn ("the refund never came" … "also my points
                // vanished" … "and on top of that…"): each turn that opens by adding one
                // counts its own, back to the turn it adds to.
                // Asked "anything else?", the customer adds what they name next.
                let asked_for_more = || {
                    v.recent_analysed(Role::Ai)
                        .next()
                        .is_some_and(|(t, _)| matters::asks_anything_else(&t.text))
                };
                let last_at = v.turns.len() - 1;
                // Clauses count only beside an earlier turn: alone, a turn is several
                // matters by what it names or by a list (above), not by its sentences.
                // The last turn's clauses count when a word adds them ("also", "too") or
                // the AI asked for more; a bare "and" mostly goes on with the same matter.
                // An act the AI proposed, agreed to ("Shall I cancel it?" … "yes, cancel it
                // and …"), is no new matter.
                let agreed = || {
                    v.recent_analysed(Role::Ai)
                        .next()
                        .filter(|(t, _)| {
                            t.text.contains('?') && explicit::opens_with_yes(&v.last.text)
                        })
                        .map_or(0, |(t, ai)| last.agreed_acts(ai.matters(&t.text)))
                };
                let added = || {
                    let (text, a) = (&v.last.text, v.analyses[last_at]);
                    let raised = if v.recent(Role::Customer).nth(1).is_some()
                        && a.is_some_and(|a| a.clauses(text).adds() || asked_for_more())
                    {
                        v.matters_raised(last_at)
                    } else {
                        last.own()
                    };
                    raised.saturating_sub(agreed())
                };
                // (Whether the AI asked for more is read last: it is the dearer test.)
                if (last.adds_on() || last.own() > 0 && asked_for_more())
                    && !matters::opens_with_condition(&v.last.text)
                    && let added = added()
                    && added > 0
                {
                    let customer_turns: Vec<usize> = (0..v.turns.len())
                        .rev()
                        .filter(|&i| v.turns[i].role == Role::Customer)
                        .collect();
                    let mut total = added;
                    let mut shown = vec![v.matters_shown(last_at)];
                    let mut adds_on = true;
                    for &at in customer_turns.iter().skip(1).take(3) {
                        let Some(p) = v.analyses[at] else {
                            break;
                        };
                        let m = p.matters(&v.turns[at].text);
                        let mut raised = v.matters_raised(at);
                        // The turn that opened the conversation brought its first matter,
                        // named in words the readers know or not ("my new glasses pinch").
                        if raised == 0 && Some(&at) == customer_turns.last() {
                            raised = usize::from(v.turns[at].text.split_whitespace().count() >= 4);
                        }
                        if !adds_on || raised == 0 {
                            break;
                        }
                        total += raised;
                        let words = v.matters_shown(at);
                        shown.push(if words.is_empty() {
                            v.turns[at]
                                .text
                                .split_whitespace()
                                .take(3)
                                .collect::<Vec<_>>()
                                .join(" ")
                        } else {
                            words
                        });
                        // A turn asking for an act after the AI's answer ("Ok. Then I'd
                        // like to change the holder") is a matter of its own: the turn
                        // before it counts too.
                        adds_on = m.adds_on() || m.has_acts();
                    }
                    // "I can help with both": the AI counted two before this turn added one.
                    if total < *at_least
                        && v.recent_analysed(Role::Ai)
                            .next()
                            .is_some_and(|(t, _)| matters::acknowledges_two(&t.text))
                    {
                        total = total.max(2 + added);
                    }
                    if total >= *at_least {
                        shown.reverse();
                        let words = shown.join(" … ");
                        return Some(Hit {
                            says: format!(
                                "the customer raised several separate matters over several turns (\"{words}\")"
                            ),
                            matched: vec![words],
                        });
                    }
                }
                // Counted when the last turn brings a matter not raised before (most turns
                // carry no intent: nothing to collect).
                v.last.intent.as_ref()?;
                let intents = matters::distinct_intents(
                    v.turns
                        .iter()
                        .filter(|t| t.role == Role::Customer)
                        .map(|t| t.intent.as_deref()),
                );
                let last_is_new = v
                    .last
                    .intent
                    .as_deref()
                    .is_some_and(|i| intents.last().is_some_and(|l| l.eq_ignore_ascii_case(i)));
                (last_is_new && intents.len() >= *at_least).then(|| Hit {
                    says: format!(
                        "the customer raised several separate matters (intents {})",
                        intents.join(", ")
                    ),
                    matched: intents.iter().map(|s| s.to_string()).collect(),
                })
            }
            Check::Event { kind, times } => {
                if v.last.event != Some(*kind) {
                    return None;
                }
                let n = v.turns.iter().filter(|t| t.event == Some(*kind)).count();
                (n >= *times).then(|| Hit {
                    says: match (kind, n) {
                        (TurnEvent::Error, 1) => {
                            format!("the {} reported an error", who(v.last.role))
                        }
                        (TurnEvent::Error, n) => {
                            format!("the {} reported {n} errors", who(v.last.role))
                        }
                        (TurnEvent::CriticalAction, _) => {
                            "the AI is about to take a critical action".to_owned()
                        }
                        (TurnEvent::Completion, _) => "the task was completed".to_owned(),
                    },
                    matched: vec![kind.as_str().to_owned()],
                })
            }
            Check::Keywords {
                words,
                automaton,
                role,
            } => {
                let text = v.last_text(*role)?;
                let m = automaton
                    .find_iter(text)
                    .find(|m| whole_word(text, m.start(), m.end()))?;
                let word = words
                    .get(m.pattern().as_usize())
                    .cloned()
                    .unwrap_or_default();
                Some(Hit {
                    says: format!("the {} said \"{word}\"", role.as_str()),
                    matched: vec![word],
                })
            }
            Check::Regex { regex, role } => {
                let text = v.last_text(*role)?;
                let m = regex.find(text)?;
                Some(Hit {
                    says: format!("the {} turn matched /{}/", role.as_str(), regex.as_str()),
                    matched: vec![m.as_str().to_owned()],
                })
            }
            Check::Intent { any_of } => {
                let intent = v.last.intent.as_deref()?;
                any_of.iter().any(|i| i == intent).then(|| Hit {
                    says: format!("the intent is `{intent}`"),
                    matched: vec![intent.to_owned()],
                })
            }
            Check::Data(spec) => {
                let value = v.last.data.get(&spec.field);
                let ok = spec.exists.is_none_or(|e| e == value.is_some())
                    && spec.equals.as_ref().is_none_or(|eq| value == Some(eq))
                    && spec
                        .above
                        .is_none_or(|a| value.and_then(|x| x.as_f64()).is_some_and(|x| x > a));
                let asked = spec.exists.is_some() || spec.equals.is_some() || spec.above.is_some();
                (ok && asked).then(|| Hit {
                    says: format!(
                        "the data field `{}` is {}",
                        spec.field,
                        value.map_or("absent".to_owned(), |x| x.to_string())
                    ),
                    matched: vec![spec.field.clone()],
                })
            }
            Check::Any(checks) => checks.iter().find_map(|c| c.test(v)),
        }
    }

    fn describe(&self) -> String {
        match self {
            Check::Explicit => "the customer asks for a person".into(),
            Check::LowConfidence {
                below,
                turns,
                floor,
            } => format!(
                "the AI's confidence is under {floor:.2} once or under {below:.2} for {turns} AI turns, or once when the AI says it does not know the answer (a hedge counts under {below:.2})"
            ),
            Check::Sentiment { below } => format!("the customer's sentiment is under {below:.2}"),
            Check::NegativeFor { turns, below } => {
                format!("the customer's sentiment is under {below:.2} for {turns} turns in a row")
            }
            Check::SentimentDrop { by, within } => {
                format!("the customer's sentiment drops by {by:.2} or more within {within} turns")
            }
            Check::Upset {
                intense,
                below,
                turns,
            } => format!(
                "the customer's sentiment is {intense:.2} or lower, or the customer says they are upset now (\"I'm livid\", \"fed up\", \"you lot couldn't care less\"; on a turn of 0.30 or more only when it does not say in plain words that the matter is resolved: praise alone, \"brilliant\", is also sarcasm's), or has stayed negative for {turns} turns without improving down to {below:.2} (never when the customer says it is resolved, unless they say they are upset)"
            ),
            Check::SameNeed { times } => format!(
                "the same need or failure comes back {times} times (\"still\", \"again\", \"I already tried that\"; or the AI repeats the same action in other words; or the same intent)"
            ),
            Check::AiRepeats { times, similarity } => {
                format!(
                    "the AI says nearly the same thing {times} times (similarity ≥ {similarity:.2})"
                )
            }
            Check::CustomerRepeats { times, similarity } => format!(
                "the customer repeats the same request {times} times (similarity ≥ {similarity:.2})"
            ),
            Check::FallbackRepeats { intents, times } => {
                format!(
                    "the AI's last {times} turns are fallbacks ({})",
                    intents.join(", ")
                )
            }
            Check::Regulated { topics } => format!(
                "the customer asks for a regulated act or advice ({})",
                topics
                    .iter()
                    .map(|t| t.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Check::AmountAbove { amount, currency } => format!(
                "the customer mentions an amount above {amount}{}, or says yes to the AI's offer \
                 to go ahead with one",
                currency
                    .as_deref()
                    .map(|c| format!(" {c}"))
                    .unwrap_or_default()
            ),
            Check::Urgency => {
                "the customer describes a danger or time-critical harm, or says it is urgent".into()
            }
            Check::SeveralMatters { at_least } => format!(
                "the customer raises {at_least} or more separate matters (acts on different things, parts of the service, or intents)"
            ),
            Check::Event { kind, times } => {
                if *times > 1 {
                    format!("a turn reports `{}` for the {times}th time", kind.as_str())
                } else {
                    format!("a turn reports `{}`", kind.as_str())
                }
            }
            Check::Keywords { words, role, .. } => {
                format!("the {} says one of: {}", role.as_str(), words.join(", "))
            }
            Check::Regex { regex, role } => {
                format!("the {} turn matches /{}/", role.as_str(), regex.as_str())
            }
            Check::Intent { any_of } => format!("the intent is one of: {}", any_of.join(", ")),
            Check::Data(spec) => format!("the data field `{}` matches", spec.field),
            Check::Any(checks) => {
                format!(
                    "any of: {}",
                    checks
                        .iter()
                        .map(Check::describe)
                        .collect::<Vec<_>>()
                        .join("; or ")
                )
            }
        }
    }
}

/// When every one of `checks` holds: their clauses joined by " and ", and the words they
/// matched, in order. Built from the first hit, so that a rule of one check (most rules)
/// moves its hit rather than copying it.
fn all_hold(checks: &[Check], v: &View<'_>) -> Option<Hit> {
    let Some((first, rest)) = checks.split_first() else {
        return Some(Hit {
            says: String::new(),
            matched: Vec::new(),
        });
    };
    let mut all = first.test(v)?;
    for check in rest {
        let hit = check.test(v)?;
        all.says.push_str(" and ");
        all.says.push_str(&hit.says);
        all.matched.extend(hit.matched);
    }
    Some(all)
}

/// `clause` as a sentence: a capital first letter and a full stop.
fn sentence(clause: &str) -> String {
    let mut chars = clause.chars();
    // Sized once: the clause, a full stop, and room for a first letter that grows in
    // upper case.
    let mut out = String::with_capacity(clause.len() + 4);
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
        out.push_str(chars.as_str());
    }
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// The customer is upset, with evidence (see [`Check::Upset`]).
/// A turn whose compound score reaches this and that says the matter is resolved is not
/// read for a stated feeling: its thanks outweigh any (see [`upset_hit`]).
const STATED_FEELING_CEILING: f64 = 0.3;

fn upset_hit(v: &View<'_>, intense: f64, below: f64, turns: usize) -> Option<Hit> {
    let (text, a) = v.last_analysed(Role::Customer)?;
    let now = f64::from(*v.customer_sentiment.first()?);
    // VADER sums words: "I'm livid" among neutral words scores −0.1, and sarcasm scores its
    // praise ("Wonderful. … I'm beyond livid" sums to +0.05). A customer who says they are
    // furious, fed up or in tears is intense whatever the sum, even among words of thanks
    // ("a credit. great. … i'm so angry") or of sarcastic praise ("Bravo, vraiment, bravo…
    // j'en ai ras-le-bol"); only a turn the sum finds clearly positive and that says the
    // matter is resolved in plain words ("I was fed up, but it works now, thanks!") is left
    // alone. Praise alone ("oh brilliant, … I've had it up to here") is sarcasm's too.
    if now >= -0.05
        && (!sentiment_langs::may_state_feeling(text)
            || now >= STATED_FEELING_CEILING && a.resolved_plainly(text))
    {
        return None;
    }
    if let Some(said) = sentiment_langs::stated_feeling(text) {
        return Some(Hit {
            says: format!("the customer says they are upset (\"{said}\", {now:.2})"),
            matched: vec![said],
        });
    }
    // Without a stated feeling, only a negative turn is read further.
    if now >= -0.05 {
        return None;
    }
    // "Thanks, that worked" after a rough start: the conversation is being resolved.
    if a.resolved(text) && now > intense {
        return None;
    }
    // VADER's sum grows with the number of mildly negative words, whatever their density: a
    // long, calm turn listing several problems ("wrong", "problem", "twice") reaches −0.8
    // without any anger in it. Past 30 words a calm turn must be a tenth more negative to
    // count; one with a word of anger (valence −2.5 or below: "disgrace", "worst"), an
    // exclamation or a shouted word is not calm.
    let calm = || told_calmly(text);
    // "I chose the wrong size, my mistake": the customer's own slip, told calmly.
    if calm() && sentiment_langs::blames_self(text) {
        return None;
    }
    let intense = if now > intense - 0.1 && text.split_whitespace().nth(30).is_some() && calm() {
        intense - 0.1
    } else {
        intense
    };
    if now <= intense {
        return Some(Hit {
            says: format!("the customer is strongly negative ({now:.2})"),
            matched: Vec::new(),
        });
    }
    let run: Vec<f64> = v
        .customer_sentiment
        .iter()
        .take(turns)
        .map(|&s| f64::from(s))
        .collect();
    let sustained = turns >= 2
        && run.len() >= turns
        && run.iter().all(|&s| s < -0.05)
        && now <= below
        && now <= run[run.len() - 1];
    // "still showing upload failed", "same error again": a failure told calmly, turn after
    // turn, sums negative on the failure's own words; it is a loop's evidence, not upset.
    let failures_told = || {
        v.recent_analysed(Role::Customer)
            .take(turns)
            .all(|(t, a)| a.failed(&t.text) && told_calmly(&t.text))
    };
    (sustained && !failures_told()).then(|| Hit {
        says: format!(
            "the customer has been negative for {turns} turns and it is not improving ({})",
            run.iter()
                .rev()
                .map(|s| format!("{s:.2}"))
                .collect::<Vec<_>>()
                .join(" → ")
        ),
        matched: Vec::new(),
    })
}

/// Whether `text` is told without anger: no exclamation, no shouted word, no word of anger
/// (valence −2.5 or below: "disgrace", "worst").
fn told_calmly(text: &str) -> bool {
    !text.contains('!')
        && !text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 3 && w.chars().all(char::is_uppercase))
        && sentiment_langs::most_negative_word(text) > -2.5
}

/// The same need or failure coming back (see [`Check::SameNeed`]).
fn same_need_hit(v: &View<'_>, times: usize) -> Option<Hit> {
    let times = times.max(2);
    // The usual case, decided before collecting anything: a customer turn that neither
    // says the need came back or was already dealt with, nor carries an intent.
    if v.last.role == Role::Customer
        && v.last.intent.is_none()
        && v.last_analysed(Role::Customer).is_none_or(|(text, a)| {
            !a.failed(text) && !a.already_did(text) && !a.words(text).negates_or_persists()
        })
    {
        return None;
    }
    // "right, that did it, the light is on again": the need was met, whatever "again" says.
    if v.last_text(Role::Customer)
        .is_some_and(crate::signals::progress::says_it_worked)
    {
        return None;
    }
    // The customer's turns, most recent first, with their analyses.
    let customer: Vec<(&Turn, &TurnAnalysis)> = v.recent_analysed(Role::Customer).collect();
    let ai: Vec<(&Turn, &TurnAnalysis)> = v.recent_analysed(Role::Ai).collect();
    // The same intent on the customer's turns.
    if v.last.role == Role::Customer
        && let Some(intent) = v.last.intent.as_deref()
    {
        let n = customer
            .iter()
            .take_while(|(t, _)| t.intent.as_deref() == Some(intent))
            .count();
        if n >= times {
            return Some(Hit {
                says: format!("the customer came back with the same need `{intent}` {n} times"),
                matched: vec![intent.to_owned()],
            });
        }
    }
    // Reports that the need came back, leaving out the oldest customer turn in view (a
    // "still" there may refer to something before the conversation).
    let reports = |from: usize| -> usize {
        let considered = customer.len().saturating_sub(1);
        customer
            .iter()
            .take(considered)
            .skip(from)
            .map(|(t, a)| usize::from(a.persistence(&t.text)))
            .sum::<usize>()
    };
    let ai_same = |a: &(&Turn, &TurnAnalysis), b: &(&Turn, &TurnAnalysis)| {
        loops::same_action(a.1.content(&a.0.text), b.1.content(&b.0.text))
            || a.0.intent.is_some() && a.0.intent == b.0.intent && a.0.intent.as_deref() != Some("")
    };
    match v.last.role {
        Role::Customer => {
            let (last_text, last) = (customer.first()?.0.text.as_str(), customer.first()?.1);
            // The same failure reported after each of the AI's attempts, whatever the words
            // ("it says invalid" … "code not valid" … "rejected again").
            let failures = customer
                .iter()
                .take_while(|(t, a)| a.failed(&t.text))
                .count();
            if failures >= times && ai.len() >= times - 1 {
                return Some(Hit {
                    says: format!(
                        "the customer reported a failure {failures} times in a row after the AI's attempts"
                    ),
                    matched: vec![last_text.to_owned()],
                });
            }
            // The AI repeating one action and the customer saying it failed after each of the
            // last attempts: with the problem first told, the same failure came back once per
            // attempt ("the reset email isn't arriving" … "nothing in spam" … "not in junk").
            // Here a failure may be told in any words: a "not" or "still" over something the
            // customer named before, or the AI's attempt just before named ("la factura
            // sigue sin abrirse" … "y nada, el recibo no se descarga").
            // The "not" and the thing named again are in one sentence: "it shows now. I won't
            // need Friday's class" tells no failure.
            let told_again = |i: usize| {
                let (t, a) = customer[i];
                a.failed(&t.text)
                    || loops::negated_sentences(&t.text).any(|words| {
                        customer[i + 1..]
                            .iter()
                            .any(|(u, b)| loops::shares_a_word(&words, b.content(&u.text)))
                            || ai.get(i).is_some_and(|(w, c)| {
                                loops::shares_a_word(&words, c.content(&w.text))
                            })
                    })
            };
            // The reports after the one that first told the problem.
            let failures = (0..customer.len().saturating_sub(1))
                .take_while(|&i| told_again(i))
                .count();
            // The same action: two words in common, or one the customer's last report names
            // too ("je vous renvoie le lien" … "j'ai relancé l'envoi du lien").
            let repeated = |a: &[String], b: &[String]| {
                loops::shares_action(a, b)
                    || a.iter().any(|w| {
                        w.chars().count() >= 4
                            && b.binary_search(w).is_ok()
                            && last.content(last_text).binary_search(w).is_ok()
                    })
            };
            if failures + 1 >= times
                && ai.len() + 1 >= times
                && ai.len() >= 2
                && repeated(
                    ai[0].1.content(&ai[0].0.text),
                    ai[1].1.content(&ai[1].0.text),
                )
            {
                return Some(Hit {
                    says: format!(
                        "the customer reported the failure {} times while the AI repeated the same action",
                        failures + 1
                    ),
                    matched: vec![last_text.to_owned()],
                });
            }
            // "I already did that" after the AI's second attempt: the AI asks again for
            // what was done, whatever words either side uses.
            if last.already_did(last_text) && ai.len() >= 2 && customer.len() >= 3 {
                return Some(Hit {
                    says: "the customer said they had already done what the AI asked again"
                        .to_owned(),
                    matched: vec![last_text.to_owned()],
                });
            }
            if last.persistence(last_text) == 0 {
                return None;
            }
            let n = 1 + reports(0);
            let repeated_action = ai.len() >= 2 && ai_same(&ai[0], &ai[1]);
            if n >= times || (repeated_action && n >= 2) {
                let says = if repeated_action {
                    format!(
                        "the customer reported the same failure {n} times while the AI repeated the same action"
                    )
                } else {
                    format!("the customer came back with the same need {n} times")
                };
                return Some(Hit {
                    says,
                    matched: vec![last_text.to_owned()],
                });
            }
            None
        }
        Role::Ai => {
            let (first, rest) = ai.split_first()?;
            // Without a report from the customer the actions are not compared (comparing
            // reads every AI turn's content words).
            if reports(0) == 0 {
                return None;
            }
            let same = 1 + rest.iter().filter(|b| ai_same(first, b)).count();
            (same >= times).then(|| Hit {
                says: format!(
                    "the AI took the same action {same} times while the customer said it still fails"
                ),
                matched: vec![first.0.text.clone()],
            })
        }
        _ => None,
    }
}

fn repeat_hit(v: &View<'_>, role: Role, times: usize, similarity: f64, says: &str) -> Option<Hit> {
    let (text, a) = v.last_analysed(role)?;
    let needed = times.max(2);
    // The most recent turn of `role` is the last turn itself. The count is only reported
    // when it reaches `needed`: the comparisons stop once it cannot (early in a
    // conversation, before any is made).
    let mut left = v.recent_analysed(role).skip(1).count();
    let mut n = 1;
    if n + left < needed {
        return None;
    }
    let latest = a.words(text);
    for (t, e) in v.recent_analysed(role).skip(1) {
        if n + left < needed {
            return None;
        }
        left -= 1;
        n += usize::from(loops::jaccard_at_least(
            latest,
            e.words(&t.text),
            similarity,
        ));
    }
    (n >= needed).then(|| Hit {
        says: format!("{says} ({n} times)"),
        matched: vec![text.to_owned()],
    })
}

/// A "yes" to the AI's offer of a person ("Shall I connect you with an agent?" — "yes
/// please"): the customer asked for a person by accepting.
fn accepted_offer<'a>(
    turns: &'a [Turn],
    analyses: &'a [Option<&'a TurnAnalysis>],
) -> Option<&'a explicit::ExplicitMatch> {
    let (last, earlier) = turns.split_last()?;
    let (i, ai) = earlier
        .iter()
        .enumerate()
        .rev()
        .find(|(_, t)| matches!(t.role, Role::Ai | Role::Customer))?;
    if ai.role != Role::Ai {
        return None;
    }
    // The AI turn's analysis is cached: the customer's words are only read after an offer.
    let offer = analyses.get(i)?.as_deref()?.offer(&ai.text)?;
    (analyses.last()?.as_deref()?.accepts_offer(&last.text)
        || explicit::chooses_offered_person(&ai.text, &last.text))
    .then_some(offer)
}

/// Who reported an event, in an explanation.
fn who(role: Role) -> &'static str {
    match role {
        Role::Ai => "AI",
        Role::Tool => "tool",
        Role::Customer => "customer",
        Role::Human => "human agent",
        Role::System => "system",
    }
}

fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn compile(c: Condition) -> Result<Check, String> {
    let mut checks: Vec<Check> = Vec::with_capacity(1);
    if c.explicit_request.is_some() {
        checks.push(Check::Explicit);
    }
    if let Some(s) = c.low_confidence {
        checks.push(Check::LowConfidence {
            below: s.below.0,
            turns: s.turns.max(1),
            floor: s.floor.0,
        });
    }
    if let Some(s) = c.sentiment {
        checks.push(Check::Sentiment { below: s.below.0 });
    }
    if let Some(s) = c.negative_for {
        checks.push(Check::NegativeFor {
            turns: s.turns.max(1),
            below: s.below.0,
        });
    }
    if let Some(s) = c.sentiment_drop {
        checks.push(Check::SentimentDrop {
            by: s.by.0,
            within: s.within.max(2),
        });
    }
    if let Some(s) = c.upset {
        checks.push(Check::Upset {
            intense: s.intense.0,
            below: s.below.0,
            turns: s.turns.max(1),
        });
    }
    if let Some(s) = c.same_need {
        checks.push(Check::SameNeed { times: s.times });
    }
    if let Some(s) = c.ai_repeats {
        checks.push(Check::AiRepeats {
            times: s.times,
            similarity: s.similarity.0,
        });
    }
    if let Some(s) = c.customer_repeats {
        checks.push(Check::CustomerRepeats {
            times: s.times,
            similarity: s.similarity.0,
        });
    }
    if let Some(s) = c.fallback_repeats {
        checks.push(Check::FallbackRepeats {
            intents: s.intents,
            times: s.times.max(1),
        });
    }
    if let Some(s) = c.regulated {
        checks.push(Check::Regulated { topics: s.topics });
    }
    if let Some(s) = c.amount_above {
        checks.push(Check::AmountAbove {
            amount: s.amount,
            currency: s.currency,
        });
    }
    if c.urgency.is_some() {
        checks.push(Check::Urgency);
    }
    if let Some(s) = c.several_matters {
        if s.at_least < 2 {
            return Err("`several_matters.at_least` must be 2 or more".into());
        }
        checks.push(Check::SeveralMatters {
            at_least: s.at_least,
        });
    }
    if let Some(s) = c.event {
        checks.push(Check::Event {
            kind: s.kind,
            times: s.times.max(1),
        });
    }
    if let Some(s) = c.keywords {
        if s.words.is_empty() {
            return Err("`keywords.words` is empty; list at least one word or phrase".into());
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&s.words)
            .map_err(|e| format!("cannot build the keyword matcher: {e}"))?;
        checks.push(Check::Keywords {
            words: s.words,
            automaton,
            role: s.role,
        });
    }
    if let Some(s) = c.regex {
        checks.push(Check::Regex {
            regex: s.pattern.0,
            role: s.role,
        });
    }
    if let Some(s) = c.intent {
        checks.push(Check::Intent { any_of: s.any_of });
    }
    if let Some(s) = c.data {
        checks.push(Check::Data(s));
    }
    if let Some(cs) = c.any {
        if cs.is_empty() {
            return Err("`any` is empty; list at least one condition".into());
        }
        checks.push(Check::Any(
            cs.into_iter().map(compile).collect::<Result<_, _>>()?,
        ));
    }
    match checks.len() {
        1 => checks.pop().ok_or_else(|| "no condition".to_owned()),
        0 => Err("the condition is empty; write one key such as `explicit_request: {}`".into()),
        _ => Err("one condition per list item; put each key in its own `- ` item".into()),
    }
}

/// Finds the line of `needle` in `text` (1-based), for errors found after parsing.
fn line_of(text: &str, needle: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find_map(|(i, l)| l.find(needle).map(|c| (i + 1, c + 1)))
        .unwrap_or((0, 0))
}

fn hint_for(field: &str, message: &str) -> String {
    if message.contains("unknown field") {
        return "remove the field or fix its spelling; `baton rules schema` lists every field"
            .into();
    }
    if field.ends_with("reason") {
        return format!(
            "use one of: {}",
            Reason::ALL
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if message.contains("unknown variant") {
        return "check the spelling; `baton rules schema` lists every condition and value".into();
    }
    if message.contains("regex") {
        return "the pattern uses Rust regex syntax (https://docs.rs/regex); escape `\\` as `\\\\` inside double quotes".into();
    }
    if message.contains("invalid type") {
        return "the value has the wrong type; compare with the example in `baton rules schema`"
            .into();
    }
    if message.contains("missing field") {
        return "add the missing field".into();
    }
    "see `baton rules schema` for the expected shape".into()
}

impl RuleSet {
    /// The built-in rules (`default_rules.yaml`), tuned for a customer-support desk.
    pub fn builtin() -> RuleSet {
        match RuleSet::from_yaml("default_rules.yaml", DEFAULT_RULES) {
            Ok(rules) => rules,
            // The file is embedded and tested; an empty set keeps Baton serving if it broke.
            Err(_) => RuleSet {
                rules: Vec::new(),
                window: 1,
                sentiment_depth: 1,
                cache: AnalysisCache::default(),
                no_match: no_match(0),
            },
        }
    }

    /// Parses and compiles a rules file. `source_name` is used in error messages.
    pub fn from_yaml(source_name: &str, text: &str) -> Result<RuleSet, RulesError> {
        let file: RulesFile = parse(source_name, text)?;
        let invalid = |field: String, needle: &str, message: String, hint: &str| {
            let (line, column) = line_of(text, needle);
            RulesError::Invalid {
                file: source_name.to_owned(),
                line,
                column,
                field,
                message,
                hint: hint.to_owned(),
            }
        };
        if file.version != 1 {
            return Err(invalid(
                "version".into(),
                "version",
                format!("unsupported version {}", file.version),
                "write `version: 1`",
            ));
        }
        if file.rules.is_empty() {
            return Err(invalid(
                "rules".into(),
                "rules",
                "no rules".into(),
                "add at least one rule",
            ));
        }
        let mut rules = Vec::with_capacity(file.rules.len());
        let mut seen = std::collections::HashSet::new();
        for (i, spec) in file.rules.into_iter().enumerate() {
            let RuleSpec {
                name,
                description,
                reason,
                target,
                priority,
                when,
            } = spec;
            if !seen.insert(name.clone()) {
                return Err(invalid(
                    format!("rules[{i}].name"),
                    &format!("name: {name}"),
                    format!("the rule name `{name}` is used twice"),
                    "give every rule a unique name",
                ));
            }
            if when.is_empty() {
                return Err(invalid(
                    format!("rules[{i}].when"),
                    &format!("name: {name}"),
                    "`when` is empty: the rule would fire on every turn".into(),
                    "add at least one condition",
                ));
            }
            let mut checks = Vec::with_capacity(when.len());
            for (j, c) in when.into_iter().enumerate() {
                checks.push(compile(c).map_err(|m| {
                    invalid(
                        format!("rules[{i}].when[{j}]"),
                        &format!("name: {name}"),
                        m,
                        "fix the condition",
                    )
                })?);
            }
            rules.push(Rule {
                name,
                description,
                reason,
                target: target.or_else(|| file.default_target.clone()),
                priority,
                checks,
            });
        }
        // The precedence: tier first, then priority; stable, so ties keep the file's order.
        rules.sort_by_key(|r| (tier(r.reason), std::cmp::Reverse(r.priority)));
        let window = rules
            .iter()
            .flat_map(|r| r.checks.iter().map(Check::window))
            .max()
            .unwrap_or(1);
        let sentiment_depth = rules
            .iter()
            .flat_map(|r| r.checks.iter().map(Check::sentiment_depth))
            .max()
            .unwrap_or(1)
            .max(1);
        Ok(RuleSet {
            no_match: no_match(rules.len()),
            rules,
            window,
            sentiment_depth,
            cache: AnalysisCache::default(),
        })
    }

    /// Reads and compiles a rules file.
    pub fn load(path: &Path) -> Result<RuleSet, RulesError> {
        let text = std::fs::read_to_string(path).map_err(|source| RulesError::Read {
            path: path.to_owned(),
            source,
        })?;
        RuleSet::from_yaml(&path.display().to_string(), &text)
    }

    /// How many most-recent turns `evaluate` needs to see.
    pub fn window(&self) -> usize {
        self.window
    }

    /// What each rule will do, in evaluation order.
    pub fn describe(&self) -> Vec<RuleDescription> {
        self.rules
            .iter()
            .map(|r| {
                let when = r
                    .checks
                    .iter()
                    .map(Check::describe)
                    .collect::<Vec<_>>()
                    .join(" and ");
                let to = r
                    .target
                    .as_ref()
                    .map(|t| format!(" to {t}"))
                    .unwrap_or_default();
                let about = r
                    .description
                    .as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default();
                RuleDescription {
                    name: r.name.clone(),
                    reason: r.reason,
                    tier: tier(r.reason),
                    priority: r.priority,
                    target: r.target.as_ref().map(Target::to_string),
                    description: format!("hands off for {}{to} when {when}{about}", r.reason),
                }
            })
            .collect()
    }

    /// Decides on the conversation. `history` is the conversation's turns in order, the
    /// last one being the turn just appended; only the last `window()` turns are read.
    pub fn evaluate(&self, history: &[Turn]) -> Decision {
        let decision = self.evaluate_with(history, true);
        crate::signals::words::AsciiWords::forget();
        decision
    }

    /// [`RuleSet::evaluate`], with per-turn analyses taken from the cache or computed afresh.
    fn evaluate_with(&self, history: &[Turn], cached: bool) -> Decision {
        let Some(last) = history.last() else {
            return Decision::none("no turns yet", Signals::default());
        };
        let turns = &history[history.len().saturating_sub(self.window)..];
        let triggers = matches!(last.role, Role::Customer | Role::Ai) || last.event.is_some();
        if !triggers {
            return Decision::none(
                format!(
                    "a {} turn without an event does not trigger rules",
                    last.role.as_str()
                ),
                Signals::default(),
            );
        }
        if cached {
            self.cache
                .with_analyses(last.conversation_id, turns, |analyses| {
                    self.decide(turns, last, analyses)
                })
        } else {
            analysis::with_fresh_analyses(turns, |analyses| self.decide(turns, last, analyses))
        }
    }

    /// The decision on `turns` (the window, `last` its last turn), with `analyses[i]` the
    /// analysis of `turns[i]`.
    fn decide(&self, turns: &[Turn], last: &Turn, analyses: &[Option<&TurnAnalysis>]) -> Decision {
        let customer_sentiment: Vec<f32> = turns
            .iter()
            .zip(analyses)
            .rev()
            .filter(|(t, _)| t.role == Role::Customer)
            .take(self.sentiment_depth)
            .map(|(t, a)| {
                a.as_deref().map_or_else(
                    || sentiment_langs::compound(&t.text),
                    |a| a.sentiment(&t.text),
                )
            })
            .collect();
        let explicit = if last.role == Role::Customer {
            analyses
                .last()
                .and_then(Option::as_deref)
                .and_then(|a| a.explicit(&last.text))
                .or_else(|| accepted_offer(turns, analyses))
        } else {
            None
        };
        let view = View {
            turns,
            last,
            analyses,
            customer_sentiment,
            explicit,
        };
        // Every rule is tried, in precedence order: the first that fires decides, the
        // others are listed with it.
        let mut winner: Option<(&Rule, Vec<String>)> = None;
        let mut fired: Vec<Fired> = Vec::new();
        for rule in &self.rules {
            let Some(Hit { says, matched }) = all_hold(&rule.checks, &view) else {
                continue;
            };
            fired.push(Fired {
                reason: rule.reason,
                rule: rule.name.clone(),
                priority: rule.priority,
                because: says,
            });
            if winner.is_none() {
                winner = Some((rule, matched));
            }
        }
        if let Some((rule, matched)) = winner {
            // Written for the person who takes the conversation: what happened, in
            // words. The rule, priority and target are fields of their own, and the
            // queue is the router's choice, not the rule's: it is not named here.
            let explanation = sentence(&fired[0].because);
            return Decision {
                handoff: true,
                reason: Some(rule.reason),
                rule: Some(rule.name.clone()),
                target: rule.target.as_ref().map(Target::to_string),
                priority: Some(rule.priority),
                explanation,
                signals: view.into_signals(),
                matched,
                fired,
            };
        }
        Decision::none(self.no_match.clone(), view.into_signals())
    }
}

impl View<'_> {
    /// The signal values seen while deciding.
    fn into_signals(self) -> Signals {
        let confidence = self
            .turns
            .iter()
            .rev()
            .filter(|t| t.role == Role::Ai)
            .find_map(|t| t.confidence);
        let sentiment = (self.last.role == Role::Customer)
            .then(|| self.customer_sentiment.first().copied())
            .flatten();
        let negative_turns = self
            .customer_sentiment
            .iter()
            .take_while(|&&s| s < -0.05)
            .count();
        let explicit_request = self.explicit.map(|m| m.phrase.clone());
        let mut sentiment_trend = self.customer_sentiment;
        sentiment_trend.reverse();
        Signals {
            confidence,
            sentiment,
            sentiment_trend,
            negative_turns,
            explicit_request,
        }
    }
}

fn parse(source_name: &str, text: &str) -> Result<RulesFile, RulesError> {
    let de = yaml_serde::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        let inner = e.into_inner();
        let (mut line, mut column) = inner.location().map_or((0, 0), |l| (l.line(), l.column()));
        // A value rejected by our own checks is reported at the start of its enclosing
        // map; point at the key itself when it follows on a later line.
        let key = field
            .rsplit('.')
            .next()
            .unwrap_or("")
            .split('[')
            .next()
            .unwrap_or("");
        if !key.is_empty() && line > 0 {
            let needle = format!("{key}:");
            let indent = |l: &str| l.len() - l.trim_start().len();
            let start_indent = text.lines().nth(line - 1).map_or(0, indent);
            // Stay inside the enclosing map: stop at the next list item at its level.
            if let Some((i, col)) = text
                .lines()
                .enumerate()
                .skip(line - 1)
                .take_while(|(i, l)| {
                    *i + 1 == line
                        || !(l.trim_start().starts_with("- ") && indent(l) <= start_indent)
                })
                .find_map(|(i, l)| l.find(&needle).map(|c| (i, c)))
            {
                line = i + 1;
                column = col + 1;
            }
        }
        let message = inner.to_string();
        // yaml_serde appends " at line L column C" and may prefix the path; both are
        // carried separately.
        let message = message.split(" at line ").next().unwrap_or(&message);
        let message = message
            .split_once(": ")
            .filter(|(prefix, _)| field.starts_with(prefix))
            .map_or(message, |(_, rest)| rest)
            .to_owned();
        let hint = hint_for(&field, &message);
        RulesError::Invalid {
            file: source_name.to_owned(),
            line,
            column,
            field,
            message,
            hint,
        }
    })
}

/// Validates a rules file and says what each rule will do (`baton rules check FILE`).
pub fn check(path: &Path) -> Result<Vec<RuleDescription>, RulesError> {
    RuleSet::load(path).map(|r| r.describe())
}

#[cfg(test)]
mod cache_tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::analysis::{SHARD_CONVERSATIONS, SHARDS, WINDOW_BYTES};
    use baton_core::{ConversationId, TurnId};

    const TEXTS: &[(Role, &str)] = &[
        (Role::Customer, "hi, where has order #4521 got to?"),
        (Role::Ai, "Sorry, I didn't get that."),
        (Role::Customer, "this is terrible, I am so angry and upset"),
        (Role::Ai, "sorry I didnt get that"),
        (Role::Customer, "where is my parcel"),
        (Role::Ai, "Could you rephrase your question?"),
        (Role::Customer, "WHERE IS MY PARCEL"),
        (Role::Ai, "It ships tomorrow."),
        (Role::Customer, "it cost $1,250.00 and I'll sue you"),
        (Role::Ai, "One moment while I look into that."),
        (
            Role::Customer,
            "this is urgent, my flight leaves in 2 hours",
        ),
        (Role::Ai, "I understand."),
        (Role::Customer, "uh can I get a real person"),
        (Role::Ai, "Done."),
        (Role::Customer, "brilliant, many thanks 😁"),
        (Role::Human, "taking over"),
        (Role::Customer, "my card was stolen"),
    ];

    fn turn(conversation: ConversationId, seq: usize, role: Role, text: &str) -> Turn {
        Turn {
            id: TurnId::new(),
            conversation_id: conversation,
            seq: seq as i64,
            at: time::OffsetDateTime::UNIX_EPOCH,
            role,
            text: text.to_owned(),
            confidence: (role == Role::Ai).then_some([0.9, 0.5, 0.6, 0.3][seq % 4]),
            intent: (role == Role::Ai && seq.is_multiple_of(3)).then(|| "fallback".to_owned()),
            event: (seq % 7 == 5).then_some(TurnEvent::Error),
            data: serde_json::Map::new(),
            internal: None,
            author: None,
        }
    }

    fn conversation(n: usize) -> Vec<Turn> {
        let id = ConversationId::new();
        (0..n)
            .map(|i| {
                let (role, text) = TEXTS[i % TEXTS.len()];
                turn(id, i + 1, role, text)
            })
            .collect()
    }

    #[test]
    fn cached_decisions_equal_uncached_ones() {
        let rules = RuleSet::builtin();
        let history = conversation(3 * TEXTS.len());
        let mut handoffs = 0;
        for end in 1..=history.len() {
            let h = &history[..end];
            let fresh = rules.evaluate_with(h, false);
            // Cold, then warm: both equal the uncached decision.
            assert_eq!(rules.evaluate(h), fresh, "turn {end}");
            assert_eq!(rules.evaluate(h), fresh, "turn {end} (warm)");
            handoffs += usize::from(fresh.handoff);
        }
        // The conversation exercises several rules, not only the quiet path.
        assert!(handoffs > 5, "{handoffs}");
    }

    #[test]
    fn a_long_conversation_keeps_its_window_only() {
        let rules = RuleSet::builtin();
        let history = conversation(5 * TEXTS.len());
        for end in 1..=history.len() {
            let h = &history[..end];
            assert_eq!(
                rules.evaluate(h),
                rules.evaluate_with(h, false),
                "turn {end}"
            );
            assert!(rules.cache.len() <= rules.window(), "{}", rules.cache.len());
        }
    }

    /// The addresses of the analyses `cache` hands out for `turns`.
    fn analyses_of(cache: &AnalysisCache, turns: &[Turn]) -> Vec<Option<usize>> {
        let conversation = turns[0].conversation_id;
        cache.with_analyses(conversation, turns, |a| {
            a.iter()
                .map(|a| a.map(|a| std::ptr::from_ref(a) as usize))
                .collect()
        })
    }

    #[test]
    fn a_conversation_in_use_keeps_its_analyses_when_its_shard_rotates() {
        let cache = AnalysisCache::default();
        let live = conversation(8);
        let first = analyses_of(&cache, &live);
        assert!(first.iter().any(Option::is_some));
        let conv = live[0].conversation_id;
        // Each analysis gets a field filled, to tell it apart from a new one afterwards.
        cache.with_analyses(conv, &live, |a| {
            for (t, a) in live.iter().zip(a) {
                a.map(|a| a.sentiment(&t.text));
            }
        });
        let filled = |turns: &[Turn]| {
            cache.with_analyses(conv, turns, |a| {
                a.iter().flatten().filter(|a| a.sentiment_known()).count()
            })
        };
        assert_eq!(filled(&live), first.iter().flatten().count());
        // Many other conversations arrive, several times what the shards hold, while the
        // live one keeps being evaluated (a round brings a shard about an eighth of what
        // it holds, far from the two generations that would drop a conversation in use).
        for round in 0..16 {
            for _ in 0..SHARDS * SHARD_CONVERSATIONS / 8 {
                analyses_of(&cache, &conversation(2));
            }
            assert_eq!(analyses_of(&cache, &live), first, "round {round}");
            assert!(cache.len() <= 2 * SHARDS * SHARD_CONVERSATIONS);
        }
        // A conversation no longer evaluated is dropped after two rotations of its shard.
        for _ in 0..3 * SHARDS * SHARD_CONVERSATIONS {
            analyses_of(&cache, &conversation(1));
        }
        assert_eq!(filled(&live), 0);
    }

    #[test]
    fn a_window_with_long_texts_keeps_no_analysis() {
        let cache = AnalysisCache::default();
        let mut turns = conversation(2);
        turns[0].text = "many words ".repeat(WINDOW_BYTES / 10);
        analyses_of(&cache, &turns);
        assert_eq!(cache.len(), 0);
        // Short again: kept.
        turns[0].text = "short".to_owned();
        analyses_of(&cache, &turns);
        assert_eq!(cache.len(), 2);
    }

    #[test]
    fn a_reused_id_never_returns_another_turns_analysis() {
        let rules = RuleSet::builtin();
        let conv = ConversationId::new();
        let asks = turn(conv, 1, Role::Customer, "let me talk to a real person");
        assert!(rules.evaluate(std::slice::from_ref(&asks)).handoff);
        // Same id, other text (a forged or edited turn): decided on its own text.
        let mut quiet = asks.clone();
        quiet.text = "thanks, that is all".to_owned();
        let d = rules.evaluate(std::slice::from_ref(&quiet));
        assert!(!d.handoff, "{d:?}");
        assert_eq!(d, rules.evaluate_with(std::slice::from_ref(&quiet), false));
        // And back again.
        assert!(rules.evaluate(std::slice::from_ref(&asks)).handoff);
    }

    #[test]
    fn distinct_turns_get_distinct_analyses() {
        let cache = AnalysisCache::default();
        // Same text, distinct ids: still one analysis each.
        let conv = ConversationId::new();
        let turns: Vec<Turn> = (0..4)
            .map(|i| turn(conv, i, Role::Customer, "same words"))
            .collect();
        let a = analyses_of(&cache, &turns);
        for i in 0..a.len() {
            assert!(a[i].is_some());
            for j in i + 1..a.len() {
                assert_ne!(a[i], a[j]);
            }
        }
        // The same turns again: the same analyses; the window slid by one: the same
        // analyses for the turns still in it.
        assert_eq!(analyses_of(&cache, &turns), a);
        let mut slid = turns[1..].to_vec();
        slid.push(turn(conv, 5, Role::Customer, "new words"));
        let b = analyses_of(&cache, &slid);
        assert_eq!(b[..3], a[1..]);
        assert!(b[3].is_some() && !a.contains(&b[3]));
        // Turns that are never analysed take no slot.
        let human = [turn(conv, 9, Role::Human, "hello")];
        assert_eq!(analyses_of(&cache, &human), [None]);
    }
}

#[cfg(test)]
mod builtin_tests {
    #[test]
    fn the_builtin_rules_compile() {
        if let Err(e) = super::RuleSet::from_yaml("default_rules.yaml", super::DEFAULT_RULES) {
            panic!("{e}");
        }
    }
}

#[cfg(test)]
mod decision_tests {
    use super::*;

    fn decide(customer_last: &str) -> Decision {
        decide_turns(&[
            (Role::Customer, "my parcel has not come", None),
            (Role::Ai, "I'm sorry, it is at the local depot.", Some(0.9)),
            (Role::Customer, customer_last, None),
        ])
    }

    fn decide_turns(turns: &[(Role, &str, Option<f64>)]) -> Decision {
        RuleSet::builtin().evaluate(&crate::conversation_of(turns))
    }

    #[test]
    fn the_ais_price_said_back_with_an_act_on_money_is_high_value() {
        let priced = |customer: &str| {
            decide_turns(&[
                (Role::Customer, "how much is the annual plan?", None),
                (
                    Role::Ai,
                    "The annual plan is 4,800 euros, or 420 euros a month.",
                    Some(0.9),
                ),
                (Role::Customer, customer, None),
            ])
            .reason
        };
        assert_eq!(
            priced("Put the 4,800 on my card, please."),
            Some(Reason::HighValue)
        );
        assert_eq!(priced("4,800 seems steep for what it is"), None);
    }

    #[test]
    fn a_feeling_stated_among_sarcastic_praise_is_upset() {
        let sarcastic =
            decide("Marvellous. Another week of waiting, great service. I'm absolutely livid.");
        assert_eq!(
            sarcastic.reason,
            Some(Reason::NegativeSentiment),
            "{sarcastic:?}"
        );
        // Praise that outweighs it, and a feeling told as past, are left alone.
        let praised =
            decide("I was livid yesterday but it came this morning, thank you so much, brilliant!");
        assert!(!praised.handoff, "{praised:?}");

        // Praise alone is what sarcasm says too: the feeling stands.
        let praise_only = decide(
            "Oh wonderful, another form to fill in. Perfect. Honestly you're taking the mick.",
        );
        assert_eq!(
            praise_only.reason,
            Some(Reason::NegativeSentiment),
            "{praise_only:?}"
        );
    }

    #[test]
    fn a_yes_to_the_ais_priced_offer_is_high_value() {
        let agreed = decide_turns(&[
            (Role::Customer, "I need 30 desks for the new office", None),
            (
                Role::Ai,
                "They are £55 each, £1,650 in total. Shall I go ahead?",
                Some(0.9),
            ),
            (Role::Customer, "yes, go ahead", None),
        ]);
        assert_eq!(agreed.reason, Some(Reason::HighValue), "{agreed:?}");
        // A yes to something else than paying the amount.
        let receipt = decide_turns(&[
            (Role::Customer, "did my refund come through?", None),
            (
                Role::Ai,
                "Yes, £1,650 was refunded today. Would you like a receipt by email?",
                Some(0.9),
            ),
            (Role::Customer, "yes please", None),
        ]);
        assert!(!receipt.handoff, "{receipt:?}");
    }

    #[test]
    fn the_person_picked_from_an_either_or_offer_by_its_place_is_a_request() {
        let offer =
            "I could resend the activation email, or would you prefer a colleague to ring you?";
        let picked = decide_turns(&[
            (Role::Customer, "my new account still isn't active", None),
            (Role::Ai, offer, Some(0.9)),
            (Role::Customer, "the second, please", None),
        ]);
        assert_eq!(picked.reason, Some(Reason::ExplicitRequest), "{picked:?}");
        // The other option picked by its place asks for no one.
        let other = decide_turns(&[
            (Role::Customer, "my new account still isn't active", None),
            (Role::Ai, offer, Some(0.9)),
            (Role::Customer, "the first one, thanks", None),
        ]);
        assert!(!other.handoff, "{other:?}");
    }

    #[test]
    fn an_offer_of_a_person_left_to_the_customer_is_accepted_by_a_yes() {
        let offered = decide_turns(&[
            (
                Role::Customer,
                "how do I get a parking permit for a visitor",
                None,
            ),
            (
                Role::Ai,
                "Permits are issued by the parking team. I could transfer you to an adviser if you'd prefer.",
                Some(0.9),
            ),
            (Role::Customer, "yes please, that would help", None),
        ]);
        assert_eq!(offered.reason, Some(Reason::ExplicitRequest), "{offered:?}");
        // An offer of something else, said the same way, is no person.
        let other = decide_turns(&[
            (
                Role::Customer,
                "how do I get a parking permit for a visitor",
                None,
            ),
            (
                Role::Ai,
                "I can email you the form if you'd prefer.",
                Some(0.9),
            ),
            (Role::Customer, "yes please, that would help", None),
        ]);
        assert!(!other.handoff, "{other:?}");
    }

    #[test]
    fn a_slip_the_customer_owns_is_no_upset() {
        let own_slip = decide_turns(&[(
            Role::Customer,
            "I think I entered the wrong postcode and got the wrong delivery slot, my mistake, sorry",
            None,
        )]);
        assert!(!own_slip.handoff, "{own_slip:?}");
        // Anger at the service is still anger, whoever made the first slip.
        let angry = decide_turns(&[(
            Role::Customer,
            "my mistake was trusting you, this is the worst service ever, absolutely disgraceful!",
            None,
        )]);
        assert_eq!(angry.reason, Some(Reason::NegativeSentiment), "{angry:?}");
    }

    #[test]
    fn a_failure_told_after_each_of_two_like_attempts_is_a_loop() {
        let run = |first: &str, ai1: &str, second: &str, ai2: &str, third: &str| {
            decide_turns(&[
                (Role::Customer, first, None),
                (Role::Ai, ai1, Some(0.9)),
                (Role::Customer, second, None),
                (Role::Ai, ai2, Some(0.9)),
                (Role::Customer, third, None),
            ])
        };
        // The problem told first, then a failure after each of two attempts alike.
        let d = run(
            "the parking app won't take my card",
            "Please remove the card in the wallet settings and add it again.",
            "removed it and added it, same error",
            "Could you add the card again from the wallet settings?",
            "did it again, it's still rejected",
        );
        assert_eq!(d.reason, Some(Reason::Loop), "{d:?}");
        assert!(d.explanation.contains("repeated the same action"), "{d:?}");
        // A last turn that says it worked is no loop.
        let d = run(
            "the parking app won't take my card",
            "Please remove the card in the wallet settings and add it again.",
            "removed it and added it, same error",
            "Could you add the card again from the wallet settings?",
            "that worked, thanks",
        );
        assert_eq!(d.reason, None, "{d:?}");
    }

    #[test]
    fn a_balance_the_ai_gave_said_back_is_no_sum_to_move() {
        let run = |last: &str| {
            decide_turns(&[
                (Role::Customer, "how much is in my pension pot?", None),
                (Role::Ai, "Your pension is now worth £48,300.", Some(0.9)),
                (Role::Customer, last, None),
            ])
        };
        let d = run("ok, and what fees come off the £48,300 each year?");
        assert_eq!(d.reason, None, "{d:?}");
        let d = run("right, I want to transfer the £48,300 to another provider");
        assert_eq!(d.reason, Some(Reason::HighValue), "{d:?}");
    }

    #[test]
    fn a_bare_balance_the_ai_gave_paid_in_full_is_a_sum_to_move() {
        let run = |last: &str| {
            decide_turns(&[
                (Role::Customer, "what do I still owe on the sofa?", None),
                (Role::Ai, "There are 2,650 left on your plan.", Some(0.9)),
                (Role::Customer, last, None),
            ])
        };
        // Said back in digits or in hundreds, with an act on money: the sum to move.
        let d = run("ok I'll clear the whole 2,650 now");
        assert_eq!(d.reason, Some(Reason::HighValue), "{d:?}");
        let d = run("yeah i wanna pay off the twenty six hundred and fifty this week");
        assert_eq!(d.reason, Some(Reason::HighValue), "{d:?}");
        // Asked about, not moved.
        let d = run("and does the 2,650 include the delivery?");
        assert_eq!(d.reason, None, "{d:?}");
    }

    #[test]
    fn an_act_the_ai_proposed_agreed_to_is_no_new_matter() {
        let d = decide_turns(&[
            (
                Role::Customer,
                "I want to cancel the old direct debit and add my new bank account",
                None,
            ),
            (
                Role::Ai,
                "Done. Shall I update the payment date to the 5th as well?",
                Some(0.9),
            ),
            (Role::Customer, "yes update it", None),
        ]);
        assert_eq!(d.reason, None, "{d:?}");
    }

    #[test]
    fn a_failure_told_again_with_any_negation_over_the_same_thing_is_a_loop() {
        let run = |turns: [&str; 5]| {
            decide_turns(&[
                (Role::Customer, turns[0], None),
                (Role::Ai, turns[1], Some(0.9)),
                (Role::Customer, turns[2], None),
                (Role::Ai, turns[3], Some(0.9)),
                (Role::Customer, turns[4], None),
            ])
        };
        for turns in [
            [
                "the gym app shows my membership as expired",
                "Sign out and sign back in so the membership refreshes.",
                "logged out and in, the membership is not updated",
                "Try signing out, then sign in again to refresh your membership.",
                "same story, the pass for the turnstile is not there",
            ],
            [
                "Mi router no enciende la luz de internet",
                "Reinicie el router desconectándolo 30 segundos.",
                "Lo desconecté y la luz de internet sigue apagada",
                "Desenchufe el router medio minuto y vuelva a enchufarlo.",
                "hecho, y nada, el router no da internet",
            ],
            [
                "La carte cadeau n'est pas acceptée sur le site",
                "Videz le panier et saisissez de nouveau le code de la carte cadeau.",
                "Le panier est vide maintenant, la carte est toujours refusée",
                "Saisissez à nouveau le code de la carte cadeau après avoir vidé le panier.",
                "Rien à faire, la carte cadeau ne passe pas",
            ],
        ] {
            let d = run(turns);
            assert_eq!(d.reason, Some(Reason::Loop), "{turns:?} {d:?}");
        }
        // A "not" about something else after the AI's two attempts is no failure told again.
        let d = run([
            "the gym app shows my membership as expired",
            "Sign out and sign back in so the membership refreshes.",
            "logged out and in, the membership is not updated",
            "Try signing out, then sign in again to refresh your membership.",
            "ok it shows now. I won't need the Friday class though, can I freeze it?",
        ]);
        assert_ne!(d.reason, Some(Reason::Loop), "{d:?}");
    }

    #[test]
    fn failures_told_calmly_are_a_loop_not_upset() {
        let run = |third: &str| {
            decide_turns(&[
                (
                    Role::Customer,
                    "the app rejects my photo, it keeps showing upload failed error",
                    None,
                ),
                (
                    Role::Ai,
                    "Please reduce the photo size to standard quality and upload again.",
                    Some(0.9),
                ),
                (
                    Role::Customer,
                    "reduced the size, still showing upload failed error",
                    None,
                ),
                (
                    Role::Ai,
                    "Could you set the photo to a smaller size and upload it again?",
                    Some(0.9),
                ),
                (Role::Customer, third, None),
            ])
        };
        let d = run("the same error again, upload failed, none of the photos went");
        assert_eq!(d.reason, Some(Reason::Loop), "{d:?}");
        // Told with anger, the same failures are upset.
        let d = run("same problem, upload failed AGAIN, this is a disgrace!");
        assert_eq!(d.reason, Some(Reason::NegativeSentiment), "{d:?}");
    }

    #[test]
    fn a_number_answering_the_ais_question_about_an_amount_is_that_amount() {
        let answered = |ai: &str, customer: &str| {
            decide_turns(&[
                (
                    Role::Customer,
                    "the roofer wants paying out of my savings",
                    None,
                ),
                (Role::Ai, ai, Some(0.9)),
                (Role::Customer, customer, None),
            ])
        };
        for (ai, customer) in [
            ("Sure. How much should I send?", "4,250 please"),
            (
                "Would you like to pay the invoice or part of it?",
                "the whole lot, nine thousand two hundred",
            ),
        ] {
            let d = answered(ai, customer);
            assert_eq!(d.reason, Some(Reason::HighValue), "{customer}: {d:?}");
        }
        // A time, a year, a reference or a small sum is no high amount; nor is a number
        // when the AI asked something else.
        for (ai, customer) in [
            ("How much should I send?", "850"),
            ("How much should I send?", "not sure, I'll ring you at 1530"),
            ("Which year was the account opened?", "2016, I think"),
            ("What's the order number?", "it's 48213"),
        ] {
            let d = answered(ai, customer);
            assert!(!d.handoff, "{customer}: {d:?}");
        }
    }

    #[test]
    fn a_turn_that_says_it_works_now_raises_no_matter_over_two_turns() {
        let works = decide_turns(&[
            (
                Role::Customer,
                "the lamp you rewired keeps flickering, maybe I moved the fuse when I fitted it",
                None,
            ),
            (Role::Ai, "Try reseating the fuse in the plug.", Some(0.9)),
            (
                Role::Customer,
                "right, I pushed it back in and it's keeping steady now, thank you",
                None,
            ),
        ]);
        assert!(!works.handoff, "{works:?}");
    }

    #[test]
    fn a_matter_added_after_the_ai_took_on_both_is_a_third() {
        let added = decide_turns(&[
            (
                Role::Customer,
                "my parking permit hasn't arrived and the direct debit failed",
                None,
            ),
            (Role::Ai, "I can sort out both of those for you.", Some(0.9)),
            (
                Role::Customer,
                "Cheers. Oh, and I need to update my phone number too",
                None,
            ),
        ]);
        assert_eq!(added.reason, Some(Reason::Complex), "{added:?}");
        // "both" before a noun counts nothing, and an answer that adds nothing is no matter.
        let buttons = decide_turns(&[
            (Role::Customer, "my headphones won't pair", None),
            (Role::Ai, "Hold both buttons for ten seconds.", Some(0.9)),
            (Role::Customer, "Ah, and now it's connected, thanks!", None),
        ]);
        assert_eq!(buttons.reason, None, "{buttons:?}");
    }

    #[test]
    fn advice_asked_in_a_domain_an_earlier_turn_names_is_regulated() {
        let funds = decide_turns(&[
            (
                Role::Customer,
                "what can I hold inside your pension wrapper?",
                None,
            ),
            (
                Role::Ai,
                "You can choose our Growth fund, our Income fund or a global tracker.",
                Some(0.9),
            ),
            (
                Role::Customer,
                "which of those would you recommend for me?",
                None,
            ),
        ]);
        assert_eq!(funds.reason, Some(Reason::Regulated), "{funds:?}");
        let pills_turns = [
            (
                Role::Customer,
                "my son has been prescribed antibiotics",
                None,
            ),
            (Role::Ai, "I hope he feels better soon.", Some(0.9)),
            (
                Role::Customer,
                "can I give him his cough syrup at the same time?",
                None,
            ),
        ];
        let pills = decide_turns(&pills_turns);
        assert_eq!(pills.reason, Some(Reason::Regulated), "{pills:?}");
        // A deployment with only this rule still reads the turns before.
        let only = RuleSet::from_yaml(
            "only_regulated.yaml",
            "version: 1\ndefault_target: support\nrules:\n  - name: regulated-act\n    reason: regulated\n    when:\n      - regulated: {}\n",
        )
        .unwrap();
        let alone = only.evaluate(&crate::conversation_of(&pills_turns));
        assert_eq!(alone.reason, Some(Reason::Regulated), "{alone:?}");
        // Advice about something else, with no term of a domain before it, is no act.
        let plans = decide_turns(&[
            (Role::Customer, "I want faster broadband", None),
            (Role::Ai, "We have Fibre 150 and Fibre 500.", Some(0.9)),
            (
                Role::Customer,
                "which one would you recommend for gaming?",
                None,
            ),
        ]);
        assert_eq!(plans.reason, None, "{plans:?}");
        // Savings to be moved into the product the AI named.
        let into_it = decide_turns(&[
            (
                Role::Customer,
                "tell me about the new ethical bond fund",
                None,
            ),
            (
                Role::Ai,
                "The Ethical Bond Fund opened last week; the fact sheet is in the app.",
                Some(0.9),
            ),
            (
                Role::Customer,
                "would it be wise to put all my savings into it?",
                None,
            ),
        ]);
        assert_eq!(into_it.reason, Some(Reason::Regulated), "{into_it:?}");
    }

    #[test]
    fn an_account_closed_by_a_pronoun_under_an_open_dispute_is_regulated() {
        let asks = (
            Role::Customer,
            "I'd like to talk about my son's savings account",
            None,
        );
        let ai = (Role::Ai, "Sure, what would you like to do?", Some(0.9));
        let closing = decide_turns(&[
            asks,
            ai,
            (
                Role::Customer,
                "just want it closed now, even with the chargeback on his card still open",
                None,
            ),
        ]);
        assert_eq!(closing.reason, Some(Reason::Regulated), "{closing:?}");
        // No dispute, or no account named: closing "it" is an errand.
        let no_dispute = decide_turns(&[
            asks,
            ai,
            (Role::Customer, "just want it closed now please", None),
        ]);
        assert_eq!(no_dispute.reason, None, "{no_dispute:?}");
        let a_ticket = decide_turns(&[
            (
                Role::Customer,
                "my complaint ticket about the dispute",
                None,
            ),
            ai,
            (
                Role::Customer,
                "you can close it now, the dispute is still open but fine",
                None,
            ),
        ]);
        assert_eq!(a_ticket.reason, None, "{a_ticket:?}");
    }

    #[test]
    fn an_ai_that_says_it_does_not_know_hands_off() {
        let ask = (
            Role::Customer,
            "can I bring my bike on the night bus?",
            None,
        );
        let unsure = decide_turns(&[
            ask,
            (
                Role::Ai,
                "I'm not certain, the rules differ by operator.",
                Some(0.5),
            ),
        ]);
        assert_eq!(unsure.reason, Some(Reason::LowConfidence), "{unsure:?}");
        // German, the verb before its subject.
        let german = decide_turns(&[
            ask,
            (
                Role::Ai,
                "Hm, das weiß ich auch nicht, tut mir leid.",
                Some(0.5),
            ),
        ]);
        assert_eq!(german.reason, Some(Reason::LowConfidence), "{german:?}");
        // As low, but answering: one turn under the soft threshold is not enough.
        let answers = decide_turns(&[
            ask,
            (
                Role::Ai,
                "Folded bikes are allowed on night buses.",
                Some(0.5),
            ),
        ]);
        assert_eq!(answers.reason, None, "{answers:?}");
        // Not sure, but confident enough by its own score.
        let hedges = decide_turns(&[ask, (Role::Ai, "I'm not sure, but yes.", Some(0.8))]);
        assert_eq!(hedges.reason, None, "{hedges:?}");
        // Not knowing the answer hands off whatever the score: its words outweigh it.
        for (text, score) in [
            ("I don't know whether night buses take bikes, sorry.", 0.9),
            ("I honestly don't know if that route allows them.", 0.75),
            ("No sé si se admiten bicicletas en el bus nocturno.", 0.8),
        ] {
            let knows_not = decide_turns(&[ask, (Role::Ai, text, Some(score))]);
            assert_eq!(
                knows_not.reason,
                Some(Reason::LowConfidence),
                "{knows_not:?}"
            );
            assert!(
                knows_not.explanation.contains("does not know"),
                "{knows_not:?}"
            );
        }
        // Confident, not following the customer is asking again, not a gap in what it knows.
        let lost = decide_turns(&[
            ask,
            (
                Role::Ai,
                "I don't know what you mean by night bus, which line?",
                Some(0.9),
            ),
        ]);
        assert_eq!(lost.reason, None, "{lost:?}");
        // Spanish "no se puede" is "cannot be", not "no sé" typed without its accent.
        let cannot = decide_turns(&[
            ask,
            (
                Role::Ai,
                "Las bicicletas no se pueden subir al bus nocturno.",
                Some(0.6),
            ),
        ]);
        assert_eq!(cannot.reason, None, "{cannot:?}");
    }

    #[test]
    fn a_long_angry_turn_is_not_held_to_the_calm_turns_bar() {
        // Both are long and about as negative; only the first has a word of anger in it.
        let angry = decide(
            "This is the worst service I have ever had from anyone, a disgrace. I booked the \
             slot for the morning of the move, the van never turned up, the new tenants were \
             waiting on the drive and we lost the whole day and the deposit for it.",
        );
        assert_eq!(angry.reason, Some(Reason::NegativeSentiment), "{angry:?}");
        let calm = decide(
            "The delivery was late again and I am disappointed, it was a problem last month \
             too and the tracking page was confusing, which is not ideal, though I understand \
             these things happen with couriers in the winter months.",
        );
        assert_ne!(calm.reason, Some(Reason::NegativeSentiment), "{calm:?}");
        // The calm one is as negative as the angry one: only the bar tells them apart.
        let (a, c) = (angry.signals.sentiment, calm.signals.sentiment);
        assert!(c.is_some_and(|c| c <= -0.8 && c > -0.9), "{c:?} {a:?}");
    }
}
