//! The context package: the document that travels with a handoff.
//!
//! `baton.context/v1` carries the reason and the rule's explanation, the
//! timestamped history, the customer data collected, CRM fields, metadata
//! (sentiment, intents, confidence, channel, language, idle time), a summary,
//! artifacts, logs, the actions the AI already took and the list of what was
//! redacted. Internal notes never enter a package.
//!
//! The pipeline is pure and runs in this order:
//! 1. [`ContextPackage::build_from`] (or [`ContextPackage::build`]) assembles the
//!    full package from stored state;
//! 2. a receiver's [`RedactionPolicy`] removes and masks what that receiver must
//!    not see, recording every removal in `redactions`;
//! 3. an optional [`FieldMapping`] reshapes the redacted document into the
//!    receiver's own schema.
//!
//! Readers tell the version from `version` and ignore fields they don't know, so
//! a newer minor version may add fields without breaking an older reader.

mod build;
mod detect;
mod mapping;
mod path;
mod redact;
mod schema;
mod summary;
#[cfg(test)]
mod tests;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use time::OffsetDateTime;

use crate::conversation::Channel;
use crate::ids::{ConversationId, HandoffId};
use crate::reason::Reason;
use crate::turn::{Role, TurnEvent};

pub use build::PackageInput;
pub use mapping::{FieldMapping, FieldMappingConfig, FieldRuleConfig, Unmapped};
pub use redact::{
    MaskRule, PatternConfig, ReceiverConfig, Receivers, ReceiversConfig, RedactError,
    RedactionPolicy, RedactionPolicyConfig,
};
pub use schema::context_json_schema;
pub use summary::{ExtractiveSummarizer, Summarizer};

/// The version string every package carries; readers ignore fields they don't know.
pub const CONTEXT_VERSION: &str = "baton.context/v1";

/// Why a policy or mapping was refused at load time. Every variant names the
/// configuration field at fault and says how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContextConfigError {
    #[error("`{field}`: the configuration does not parse: {message}")]
    Parse { field: String, message: String },
    #[error("`{field}`: malformed path `{path}`: {why}")]
    MalformedPath {
        field: String,
        path: String,
        why: String,
    },
    #[error("`{field}`: `{path}` is not a field of baton.context/v1; {hint}")]
    UnknownPath {
        field: String,
        path: String,
        hint: String,
    },
    #[error("`{field}`: invalid regular expression: {message}")]
    BadRegex { field: String, message: String },
    #[error(
        "`{field}`: target `{target}` is mapped twice (also by `{other}`); each target takes one value"
    )]
    DuplicateTarget {
        field: String,
        target: String,
        other: String,
    },
    #[error(
        "`{field}`: target `{target}` overlaps `{other}`: one would overwrite the other; map to sibling fields instead"
    )]
    ConflictingTarget {
        field: String,
        target: String,
        other: String,
    },
    #[error("`{field}`: {message}")]
    Invalid { field: String, message: String },
}

impl ContextConfigError {
    /// The configuration field the problem is about, e.g. `receivers.desk.redaction.include[2]`.
    pub fn field(&self) -> &str {
        match self {
            ContextConfigError::Parse { field, .. }
            | ContextConfigError::MalformedPath { field, .. }
            | ContextConfigError::UnknownPath { field, .. }
            | ContextConfigError::BadRegex { field, .. }
            | ContextConfigError::DuplicateTarget { field, .. }
            | ContextConfigError::ConflictingTarget { field, .. }
            | ContextConfigError::Invalid { field, .. } => field,
        }
    }

    /// The same error, located under `prefix` (e.g. the receiver it belongs to).
    pub(crate) fn within(mut self, prefix: &str) -> Self {
        let f = match &mut self {
            ContextConfigError::Parse { field, .. }
            | ContextConfigError::MalformedPath { field, .. }
            | ContextConfigError::UnknownPath { field, .. }
            | ContextConfigError::BadRegex { field, .. }
            | ContextConfigError::DuplicateTarget { field, .. }
            | ContextConfigError::ConflictingTarget { field, .. }
            | ContextConfigError::Invalid { field, .. } => field,
        };
        *f = if f.is_empty() {
            prefix.to_owned()
        } else {
            format!("{prefix}.{f}")
        };
        self
    }
}

/// One entry of the history as a receiver sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    /// Position in the conversation, from 1.
    pub seq: i64,
    #[serde(with = "time::serde::rfc3339")]
    #[schemars(schema_with = "schema::date_time")]
    pub at: OffsetDateTime,
    #[schemars(schema_with = "schema::role")]
    pub role: Role,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "schema::turn_event")]
    pub event: Option<TurnEvent>,
    /// The sentiment score of this turn (-1..=1), when the caller supplied one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<f64>,
    /// Fields collected on this turn.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub data: Map<String, Value>,
}

/// The rule engine's explanation of the decision, when a rule decided the handoff.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// One human sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// Signal values the rule looked at (confidence, sentiment, …).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub signals: Map<String, Value>,
    /// The words and phrases that matched.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matched: Vec<String>,
}

/// An identifier of the customer in one of the caller's systems.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountRef {
    /// The system the identifier belongs to, e.g. `billing` or `shop`.
    pub system: String,
    pub id: String,
}

/// The customer as the package describes them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PackageCustomer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Data collected about the customer, with every turn's `data` merged in.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub data: Map<String, Value>,
    /// The customer's identifiers in the caller's systems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accounts: Vec<AccountRef>,
}

/// Which way a series of scores is going.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Rising,
    Steady,
    Falling,
}

/// One score of one turn.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TurnScore {
    pub seq: i64,
    pub value: f64,
}

/// A score over the turns that carry one: sentiment, confidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Series {
    pub turns: Vec<TurnScore>,
    pub latest: f64,
    pub mean: f64,
    pub min: f64,
    pub trend: Trend,
}

/// How often an intent was seen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IntentSeen {
    pub intent: String,
    pub count: u32,
    pub first_seq: i64,
    pub last_seq: i64,
}

/// Facts about the conversation computed from its turns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Metadata {
    #[schemars(schema_with = "schema::channel")]
    pub channel: Channel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    pub turn_count: i64,
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(schema_with = "schema::date_time_opt")]
    pub started_at: Option<OffsetDateTime>,
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(schema_with = "schema::date_time_opt")]
    pub last_turn_at: Option<OffsetDateTime>,
    /// Seconds from the customer's last turn to the handoff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle_seconds: Option<i64>,
    /// Seconds from the first turn to the last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<i64>,
    /// The customer's sentiment per turn, when the caller scored it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<Series>,
    /// The AI's confidence per turn that reported one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Series>,
    /// Intents in order of first appearance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intents: Vec<IntentSeen>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_intent: Option<String>,
    /// Where the handoff should go: a queue or a `{{ho:name}}` definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    #[serde(default)]
    pub priority: i32,
    /// The parameters of an explicit handoff request.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub parameters: Map<String, Value>,
}

/// A short account of the conversation for a receiver in a hurry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Summary {
    /// The summary in one paragraph.
    pub text: String,
    /// What the customer wants, in their words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wants: Option<String>,
    /// What was already tried: tool calls, errors, risky actions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tried: Vec<String>,
    /// The names of the data fields collected.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub collected: Vec<String>,
    /// Which summarizer wrote it, e.g. `extractive`.
    #[serde(default)]
    pub by: String,
}

/// What kind of thing the AI already did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// A tool turn: a call or its result.
    Tool,
    Error,
    CriticalAction,
    Completion,
}

/// Something the AI (or its tools) already did in the conversation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Action {
    pub seq: i64,
    #[serde(with = "time::serde::rfc3339")]
    #[schemars(schema_with = "schema::date_time")]
    pub at: OffsetDateTime,
    pub kind: ActionKind,
    #[schemars(schema_with = "schema::role")]
    pub role: Role,
    pub text: String,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub data: Map<String, Value>,
}

/// A file that goes with the handoff (a recording, a screenshot, a log bundle).
/// The bytes stay in Baton's artifact store; the package carries how to fetch them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArtifactRef {
    pub name: String,
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// Lowercase hex SHA-256 of the bytes, so a receiver can verify what it fetched.
    pub sha256: String,
    /// Where to fetch it; filled from the base URL when the caller leaves it empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub metadata: Map<String, Value>,
}

/// One log line attached to the handoff by the AI agent or Baton.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    #[serde(
        default,
        with = "crate::clock::rfc3339_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(schema_with = "schema::date_time_opt")]
    pub at: Option<OffsetDateTime>,
    pub level: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub fields: Map<String, Value>,
}

/// A named point the AI agent reached (e.g. `identity_verified`), with its state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    pub name: String,
    #[serde(
        default,
        with = "crate::clock::rfc3339_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(schema_with = "schema::date_time_opt")]
    pub at: Option<OffsetDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seq: Option<i64>,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub data: Map<String, Value>,
}

/// What kind of information a redaction removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RedactionKind {
    /// Authentication data: passwords, OTPs, tokens, keys, cookies.
    Credential,
    InternalNote,
    Card,
    NationalId,
    BankAccount,
    /// A deployment's own pattern.
    Custom,
    /// A field the receiver's policy does not include.
    Policy,
}

impl RedactionKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            RedactionKind::Credential => "credential",
            RedactionKind::InternalNote => "internal_note",
            RedactionKind::Card => "card",
            RedactionKind::NationalId => "national_id",
            RedactionKind::BankAccount => "bank_account",
            RedactionKind::Custom => "custom",
            RedactionKind::Policy => "policy",
        }
    }
}

/// What a redaction did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RedactionAction {
    /// The value or field is gone.
    Removed,
    /// The value was replaced by a mask that keeps a few characters.
    Masked,
}

/// Older turns left out of a package's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Truncated {
    /// How many of the oldest turns are not in `history`.
    pub omitted_turns: i64,
    /// The `seq` of the first turn that is.
    pub first_seq: i64,
}

/// One thing removed from the package, recorded without the thing itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Redaction {
    pub kind: RedactionKind,
    /// JSON pointer (RFC 6901) to where it was, e.g. `/history/3/text`.
    pub path: String,
    /// The rule that fired, e.g. `text:card`, `field:credential`, `pattern:acme`.
    pub rule: String,
    pub action: RedactionAction,
}

/// `baton.context/v1`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[schemars(title = "baton.context/v1")]
pub struct ContextPackage {
    /// `baton.context/v1`; a reader accepts any `baton.context/v1.x` and ignores unknown fields.
    pub version: String,
    #[schemars(schema_with = "schema::uuid")]
    pub handoff_id: HandoffId,
    #[schemars(schema_with = "schema::uuid")]
    pub conversation_id: ConversationId,
    #[schemars(schema_with = "schema::reason")]
    pub reason: Reason,
    /// The rule that decided the handoff, when a rule did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<DecisionInfo>,
    /// What the AI told the customer while handing off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utterance: Option<String>,
    #[serde(default)]
    pub customer: PackageCustomer,
    /// CRM profile fields supplied by the caller, as they are.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub crm: Map<String, Value>,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// Present when `history` holds only the newest turns: how many older ones were
    /// left out (the package has a size limit; the newest turns, the trigger among
    /// them, are always kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<Truncated>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub artifacts: Vec<ArtifactRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub logs: Vec<LogEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkpoints: Vec<Checkpoint>,
    /// What was removed for this receiver, without the removed values.
    #[serde(default)]
    pub redactions: Vec<Redaction>,
    #[serde(with = "time::serde::rfc3339")]
    #[schemars(schema_with = "schema::date_time")]
    pub created_at: OffsetDateTime,
}

impl ContextPackage {
    /// Whether `version` is one this code reads: `baton.context/v1` or a later `v1.x`.
    pub fn is_readable_version(version: &str) -> bool {
        version == CONTEXT_VERSION
            || version
                .strip_prefix(CONTEXT_VERSION)
                .is_some_and(|rest| rest.starts_with('.'))
    }
}
