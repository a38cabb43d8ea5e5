//! The rules file (`rules.yaml`) as written by people: parsed strictly, every value checked
//! while it is read so an error can name its line, column and field.

use std::fmt;

use baton_core::{Reason, Role, TurnEvent};
use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};

use crate::signals::topics::Topic;

/// A whole rules file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    /// The format version; only 1 exists.
    #[serde(default = "one")]
    pub version: u32,
    /// Where a rule without a `target` sends the conversation.
    #[serde(default)]
    pub default_target: Option<Target>,
    /// The rules. The highest `priority` that matches wins; ties go to the earlier rule.
    pub rules: Vec<RuleSpec>,
}

fn one() -> u32 {
    1
}

/// One rule: when all of its conditions hold, hand off for `reason`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Unique name, shown in decisions and metrics.
    pub name: String,
    /// What the rule is for, in words (optional).
    #[serde(default)]
    pub description: Option<String>,
    /// One of the canonical reasons.
    #[schemars(schema_with = "reason_schema")]
    pub reason: Reason,
    /// A queue name (`billing`) or a handoff definition (`{{ho:name}}`).
    #[serde(default)]
    pub target: Option<Target>,
    /// Higher wins when several rules match. Default 50.
    #[serde(default = "default_priority")]
    pub priority: i32,
    /// Conditions that must all hold.
    pub when: Vec<Condition>,
}

fn default_priority() -> i32 {
    50
}

fn reason_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let names: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
    schemars::json_schema!({ "type": "string", "enum": names })
}

fn event_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "string", "enum": ["error", "critical_action", "completion"] })
}

fn role_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "string", "enum": ["customer", "ai", "human", "system", "tool"] })
}

/// A hand-off destination: a queue or a `{{ho:name}}` handoff definition.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, JsonSchema)]
#[serde(into = "String")]
#[schemars(with = "String")]
pub enum Target {
    Queue(String),
    Handoff(String),
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Queue(q) => f.write_str(q),
            Target::Handoff(h) => write!(f, "{{{{ho:{h}}}}}"),
        }
    }
}

impl From<Target> for String {
    fn from(t: Target) -> String {
        t.to_string()
    }
}

fn is_name(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/'))
}

impl std::str::FromStr for Target {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if let Some(inner) = s.strip_prefix("{{").and_then(|r| r.strip_suffix("}}")) {
            let name = inner
                .trim()
                .strip_prefix("ho:")
                .map(str::trim)
                .unwrap_or("");
            return if is_name(name) {
                Ok(Target::Handoff(name.to_owned()))
            } else {
                Err(format!(
                    "`{s}` is not a handoff reference; write `{{{{ho:name}}}}`"
                ))
            };
        }
        if is_name(s) {
            Ok(Target::Queue(s.to_owned()))
        } else {
            Err(format!(
                "`{s}` is not a queue name (letters, digits, `_`, `-`, `.`) or a `{{{{ho:name}}}}` reference"
            ))
        }
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A regular expression, compiled when the file is read.
#[derive(Clone, Debug, JsonSchema)]
#[schemars(with = "String")]
pub struct Pattern(pub Regex);

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Regex::new(&s)
            .map(Pattern)
            .map_err(|e| serde::de::Error::custom(format!("invalid regex: {e}")))
    }
}

/// A number in 0..=1.
#[derive(Clone, Copy, Debug, PartialEq, JsonSchema)]
#[schemars(with = "f64")]
pub struct Unit(pub f64);

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        if (0.0..=1.0).contains(&v) {
            Ok(Unit(v))
        } else {
            Err(serde::de::Error::custom(format!(
                "{v} is out of range: expected a number between 0 and 1"
            )))
        }
    }
}

/// A compound sentiment score in -1..=1.
#[derive(Clone, Copy, Debug, PartialEq, JsonSchema)]
#[schemars(with = "f64")]
pub struct Compound(pub f64);

impl<'de> Deserialize<'de> for Compound {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        if (-1.0..=1.0).contains(&v) {
            Ok(Compound(v))
        } else {
            Err(serde::de::Error::custom(format!(
                "{v} is out of range: sentiment scores are between -1 and 1"
            )))
        }
    }
}

/// One condition, written as a one-key map, e.g. `- explicit_request: {}`. Exactly one
/// key must be set. (A struct of options rather than an enum: YAML maps read naturally
/// and every field keeps its own line in errors.)
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("minProperties" = 1, "maxProperties" = 1))]
pub struct Condition {
    /// The customer's last turn asks for a person (paraphrases, typos, six languages).
    #[serde(default)]
    pub explicit_request: Option<Empty>,
    /// The AI's confidence is under `floor` on its last turn, or under `below` for `turns` AI turns.
    #[serde(default)]
    pub low_confidence: Option<LowConfidenceSpec>,
    /// The customer's last turn scores under `below` (VADER compound, -1..1).
    #[serde(default)]
    pub sentiment: Option<SentimentSpec>,
    /// The customer's last `turns` turns all scored under `below`.
    #[serde(default)]
    pub negative_for: Option<NegativeForSpec>,
    /// The customer's sentiment fell by at least `by` within the last `within` customer turns.
    #[serde(default)]
    pub sentiment_drop: Option<SentimentDropSpec>,
    /// The customer is upset, with evidence: one intense turn, or a run of negative turns
    /// that is not improving; never when the last turn says it is resolved ("thanks, that
    /// worked").
    #[serde(default)]
    pub upset: Option<UpsetSpec>,
    /// The same need or failure comes back `times` times, whatever the words: the customer
    /// says it still fails ("still", "again", "I already tried that") while the AI repeats
    /// the same action, the customer reports a failure after each of the AI's attempts
    /// `times` times in a row (in any words), or the customer's turns carry the same intent.
    #[serde(default)]
    pub same_need: Option<SameNeedSpec>,
    /// The AI's last turn nearly repeats one of its earlier turns (`times` in all).
    #[serde(default)]
    pub ai_repeats: Option<RepeatSpec>,
    /// The customer's last turn nearly repeats one of their earlier turns (`times` in all).
    #[serde(default)]
    pub customer_repeats: Option<RepeatSpec>,
    /// The AI's last `times` turns all carried a fallback intent.
    #[serde(default)]
    pub fallback_repeats: Option<FallbackSpec>,
    /// The last turn mentions a regulated topic.
    #[serde(default)]
    pub regulated: Option<RegulatedSpec>,
    /// The last turn mentions a money amount above `amount`.
    #[serde(default)]
    pub amount_above: Option<AmountSpec>,
    /// The customer's last turn says it is urgent.
    #[serde(default)]
    pub urgency: Option<Empty>,
    /// The customer raises `at_least` separate matters: acts on different things ("move the
    /// broadband, keep my number, change the payer"), things of different parts of the
    /// service, "I've got three problems", or customer turns tagged with that many intents.
    #[serde(default)]
    pub several_matters: Option<SeveralMattersSpec>,
    /// The last turn carries this event (`times` such events within the window).
    #[serde(default)]
    pub event: Option<EventSpec>,
    /// The last turn contains one of these words or phrases (case-insensitive, whole words).
    #[serde(default)]
    pub keywords: Option<KeywordsSpec>,
    /// The last turn matches this regular expression.
    #[serde(default)]
    pub regex: Option<RegexSpec>,
    /// The last turn's `intent` is one of these.
    #[serde(default)]
    pub intent: Option<IntentSpec>,
    /// A field of the last turn's `data`.
    #[serde(default)]
    pub data: Option<DataSpec>,
    /// At least one of these conditions holds.
    #[serde(default)]
    pub any: Option<Vec<Condition>>,
}

/// No parameters.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Empty {}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LowConfidenceSpec {
    /// Soft threshold (default 0.65), must be sustained.
    #[serde(default = "soft")]
    pub below: Unit,
    /// For how many consecutive AI turns (default 2).
    #[serde(default = "two")]
    pub turns: usize,
    /// Hard floor (default 0.40), immediate.
    #[serde(default = "floor")]
    pub floor: Unit,
}

fn soft() -> Unit {
    Unit(crate::signals::confidence::SOFT)
}
fn floor() -> Unit {
    Unit(crate::signals::confidence::FLOOR)
}
fn two() -> usize {
    2
}
fn three() -> usize {
    3
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SentimentSpec {
    pub below: Compound,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NegativeForSpec {
    #[serde(default = "three")]
    pub turns: usize,
    /// Default -0.05 (VADER's own "negative" cut-off).
    #[serde(default = "negative")]
    pub below: Compound,
}

fn negative() -> Compound {
    Compound(-0.05)
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SentimentDropSpec {
    pub by: Unit,
    #[serde(default = "three")]
    pub within: usize,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpsetSpec {
    /// One turn at or under this compound is upset enough (default -0.8).
    #[serde(default = "intense")]
    pub intense: Compound,
    /// A run of negative turns counts when the last is at or under this (default -0.4)…
    #[serde(default = "sustained")]
    pub below: Compound,
    /// …and the run is this long (default 3), and not improving.
    #[serde(default = "three")]
    pub turns: usize,
}

fn intense() -> Compound {
    Compound(-0.8)
}
fn sustained() -> Compound {
    Compound(-0.4)
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SameNeedSpec {
    /// How many times the need comes back, the first report included (default 3).
    #[serde(default = "three")]
    pub times: usize,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RepeatSpec {
    /// How many near-identical turns in all, the last included (default 2).
    #[serde(default = "two")]
    pub times: usize,
    /// Word-overlap similarity 0..1 that counts as a repeat (default 0.8).
    #[serde(default = "similar")]
    pub similarity: Unit,
}

fn similar() -> Unit {
    Unit(0.8)
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FallbackSpec {
    #[serde(default = "fallback_intents")]
    pub intents: Vec<String>,
    #[serde(default = "two")]
    pub times: usize,
}

fn fallback_intents() -> Vec<String> {
    ["fallback", "no_match", "unknown", "default_fallback"]
        .map(String::from)
        .to_vec()
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegulatedSpec {
    /// The deployment's regulated domains. Default: every domain.
    #[serde(default = "all_topics", alias = "domains")]
    pub topics: Vec<Topic>,
}

fn all_topics() -> Vec<Topic> {
    Topic::ALL.to_vec()
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeveralMattersSpec {
    /// How many separate matters make a case complex. Default 3, at least 2.
    #[serde(default = "three")]
    pub at_least: usize,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AmountSpec {
    pub amount: f64,
    /// Only amounts in this currency (ISO code: USD, EUR, GBP); default any.
    #[serde(default)]
    pub currency: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventSpec {
    #[schemars(schema_with = "event_schema")]
    pub kind: TurnEvent,
    /// How many such events within the window (default 1).
    #[serde(default = "one_usize")]
    pub times: usize,
}

fn one_usize() -> usize {
    1
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeywordsSpec {
    pub words: Vec<String>,
    /// Whose turn is looked at (default customer).
    #[serde(default = "customer")]
    #[schemars(schema_with = "role_schema")]
    pub role: Role,
}

fn customer() -> Role {
    Role::Customer
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegexSpec {
    pub pattern: Pattern,
    #[serde(default = "customer")]
    #[schemars(schema_with = "role_schema")]
    pub role: Role,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IntentSpec {
    pub any_of: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataSpec {
    /// The key in the turn's `data`.
    pub field: String,
    /// Holds when the value equals this.
    #[serde(default)]
    pub equals: Option<serde_json::Value>,
    /// Holds when the value is a number above this.
    #[serde(default)]
    pub above: Option<f64>,
    /// Holds when the field is present (true) or absent (false).
    #[serde(default)]
    pub exists: Option<bool>,
}

/// The JSON Schema of the rules file, for editors and `baton rules schema`.
pub fn rules_json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(RulesFile);
    schema.to_value()
}

/// Refuses a `{{ho:name}}` target that names no handoff definition (`known` says which
/// names exist), naming the file, line, column and field. `text` is a rules file that
/// already loaded.
pub fn check_handoff_refs(
    source_name: &str,
    text: &str,
    known: &dyn Fn(&str) -> bool,
) -> Result<(), crate::RulesError> {
    let file: RulesFile = match yaml_serde::from_str(text) {
        Ok(f) => f,
        // Not a valid rules file: loading it reports that, with its location.
        Err(_) => return Ok(()),
    };
    let targets = std::iter::once(("default_target".to_owned(), file.default_target.as_ref()))
        .chain(
            file.rules
                .iter()
                .enumerate()
                .map(|(i, r)| (format!("rules[{i}].target"), r.target.as_ref())),
        );
    for (field, target) in targets {
        if let Some(Target::Handoff(name)) = target
            && !known(name)
        {
            let (line, column) = text
                .lines()
                .enumerate()
                .find_map(|(i, l)| l.find(&format!("ho:{name}")).map(|c| (i + 1, c + 1)))
                .unwrap_or((0, 0));
            return Err(crate::RulesError::Invalid {
                file: source_name.to_owned(),
                line,
                column,
                field,
                message: format!("`{{{{ho:{name}}}}}` names no handoff definition"),
                hint: "add it to the handoffs file (`--handoffs`), or fix the name".to_owned(),
            });
        }
    }
    Ok(())
}
