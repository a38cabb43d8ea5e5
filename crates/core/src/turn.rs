//! Turns: one timestamped entry of a conversation.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::ids::{AgentId, ConversationId, TurnId};
use time::OffsetDateTime;

/// Who spoke.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Customer,
    Ai,
    Human,
    System,
    Tool,
}

impl Role {
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Ai => "ai",
            Role::Human => "human",
            Role::System => "system",
            Role::Tool => "tool",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "customer" => Role::Customer,
            "ai" => Role::Ai,
            "human" => Role::Human,
            "system" => Role::System,
            "tool" => Role::Tool,
            _ => return None,
        })
    }
}

/// Something that happened on a turn besides words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TurnEvent {
    /// The AI or a tool failed.
    Error,
    /// The AI is about to do something risky (refund, cancellation, deletion…).
    CriticalAction,
    /// A task was completed.
    Completion,
}

impl TurnEvent {
    pub const fn as_str(self) -> &'static str {
        match self {
            TurnEvent::Error => "error",
            TurnEvent::CriticalAction => "critical_action",
            TurnEvent::Completion => "completion",
        }
    }

    pub fn parse(s: &str) -> Option<TurnEvent> {
        Some(match s {
            "error" => TurnEvent::Error,
            "critical_action" => TurnEvent::CriticalAction,
            "completion" => TurnEvent::Completion,
            _ => return None,
        })
    }
}

/// Longest accepted turn text, in bytes. Longer input is refused, never truncated.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;
/// Longest accepted intent name, in bytes.
pub const MAX_INTENT_BYTES: usize = 200;

/// A turn as submitted, before it is stored. The transcript format of DESIGN.md.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewTurn {
    /// When it was said; the server's clock when absent.
    #[serde(
        default,
        with = "crate::clock::rfc3339_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub at: Option<OffsetDateTime>,
    pub role: Option<Role>,
    #[serde(default)]
    pub text: String,
    /// The AI's confidence in its own answer, 0..=1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<TurnEvent>,
    /// Fields collected on this turn (merged into the conversation's customer data).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub data: Map<String, Value>,
    /// A note for Baton and its operators only; never shown to a receiver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal: Option<String>,
}

/// Why a submitted turn cannot be stored. Each variant names the field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TurnInvalid {
    #[error("`role` is required: one of customer, ai, human, system, tool")]
    MissingRole,
    #[error("`confidence` must be a number between 0 and 1, got {0}")]
    ConfidenceOutOfRange(f64),
    #[error("`text` is {0} bytes; the limit is {MAX_TEXT_BYTES}")]
    TextTooLong(usize),
    #[error("`intent` is {0} bytes; the limit is {MAX_INTENT_BYTES}")]
    IntentTooLong(usize),
    #[error("`text` is empty and the turn carries no event or data; send what was said")]
    Empty,
    #[error("`at`: {0}")]
    Time(#[from] crate::clock::TimeInvalid),
}

impl TurnInvalid {
    /// The JSON field the problem is about.
    pub fn field(&self) -> &'static str {
        match self {
            TurnInvalid::MissingRole => "role",
            TurnInvalid::ConfidenceOutOfRange(_) => "confidence",
            TurnInvalid::TextTooLong(_) | TurnInvalid::Empty => "text",
            TurnInvalid::IntentTooLong(_) => "intent",
            TurnInvalid::Time(_) => "at",
        }
    }
}

impl NewTurn {
    /// [`NewTurn::validate`], and the time the turn is dated against the server's
    /// clock (see [`crate::clock::check_recent`]): what a live API accepts.
    pub fn validate_at(&self, now: OffsetDateTime) -> Result<Role, TurnInvalid> {
        let role = self.validate()?;
        if let Some(at) = self.at {
            crate::clock::check_recent(at, now)?;
        }
        Ok(role)
    }

    /// Checks the values the type system cannot, and returns the turn's role.
    pub fn validate(&self) -> Result<Role, TurnInvalid> {
        let role = self.role.ok_or(TurnInvalid::MissingRole)?;
        if let Some(c) = self.confidence
            && !(0.0..=1.0).contains(&c)
        {
            return Err(TurnInvalid::ConfidenceOutOfRange(c));
        }
        if self.text.len() > MAX_TEXT_BYTES {
            return Err(TurnInvalid::TextTooLong(self.text.len()));
        }
        if let Some(i) = &self.intent
            && i.len() > MAX_INTENT_BYTES
        {
            return Err(TurnInvalid::IntentTooLong(i.len()));
        }
        if self.text.trim().is_empty() && self.event.is_none() && self.data.is_empty() {
            return Err(TurnInvalid::Empty);
        }
        Ok(role)
    }
}

/// A stored turn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Turn {
    pub id: TurnId,
    pub conversation_id: ConversationId,
    /// Position in the conversation, from 1.
    pub seq: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub role: Role,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<TurnEvent>,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub data: Map<String, Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal: Option<String>,
    /// The agent whose credentials posted this turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<AgentId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(role: Option<Role>, text: &str) -> NewTurn {
        NewTurn {
            role,
            text: text.into(),
            ..NewTurn::default()
        }
    }

    #[test]
    fn validation_names_the_field() {
        assert_eq!(turn(None, "hi").validate().unwrap_err().field(), "role");
        let mut t = turn(Some(Role::Ai), "hi");
        t.confidence = Some(1.5);
        assert_eq!(
            t.validate().unwrap_err(),
            TurnInvalid::ConfidenceOutOfRange(1.5)
        );
        assert_eq!(
            turn(Some(Role::Customer), "  ").validate().unwrap_err(),
            TurnInvalid::Empty
        );
        let long = "x".repeat(MAX_TEXT_BYTES + 1);
        assert_eq!(
            turn(Some(Role::Customer), &long)
                .validate()
                .unwrap_err()
                .field(),
            "text"
        );
        assert_eq!(
            turn(Some(Role::Customer), "hello").validate(),
            Ok(Role::Customer)
        );
    }

    #[test]
    fn an_event_alone_is_a_valid_turn() {
        let mut t = turn(Some(Role::Ai), "");
        t.event = Some(TurnEvent::Error);
        assert!(t.validate().is_ok());
    }

    #[test]
    fn transcript_turns_parse_and_unknown_fields_are_refused() {
        let t: NewTurn = serde_json::from_str(
            r#"{"at":"2026-01-02T03:04:05Z","role":"ai","text":"x","confidence":0.42,"intent":"billing","event":"error"}"#,
        )
        .unwrap();
        assert_eq!(t.role, Some(Role::Ai));
        assert_eq!(t.event, Some(TurnEvent::Error));
        assert!(serde_json::from_str::<NewTurn>(r#"{"role":"ai","txt":"x"}"#).is_err());
    }
}
