//! The context package: the document that travels with a handoff.
//!
//! This is the first version of `baton.context/v1`: history, customer data,
//! metadata and reason. Internal notes never enter a package.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::conversation::{Channel, Conversation, Customer};
use crate::handoff::Handoff;
use crate::ids::{ConversationId, HandoffId};
use crate::reason::Reason;
use crate::turn::{Role, Turn, TurnEvent};
use time::OffsetDateTime;

/// The version string every package carries; readers ignore fields they don't know.
pub const CONTEXT_VERSION: &str = "baton.context/v1";

/// One entry of the history as a receiver sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
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
}

/// `baton.context/v1`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContextPackage {
    pub version: String,
    pub handoff_id: HandoffId,
    pub conversation_id: ConversationId,
    pub reason: Reason,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub decision: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utterance: Option<String>,
    pub channel: Channel,
    pub customer: Customer,
    pub history: Vec<HistoryEntry>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub metadata: Map<String, Value>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl ContextPackage {
    /// Builds the package for `handoff` from its conversation and turns, in order.
    pub fn build(conversation: &Conversation, handoff: &Handoff, turns: &[Turn]) -> Self {
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
            })
            .collect();
        let mut metadata = Map::new();
        metadata.insert("turn_count".into(), Value::from(conversation.turn_count));
        if !handoff.parameters.is_empty() {
            metadata.insert(
                "parameters".into(),
                Value::Object(handoff.parameters.clone()),
            );
        }
        if let Some(d) = &handoff.destination {
            metadata.insert("destination".into(), Value::from(d.as_str()));
        }
        ContextPackage {
            version: CONTEXT_VERSION.to_owned(),
            handoff_id: handoff.id,
            conversation_id: conversation.id,
            reason: handoff.reason,
            rule: handoff.rule.clone(),
            decision: handoff.decision.clone(),
            utterance: handoff.utterance.clone(),
            channel: conversation.channel,
            customer: conversation.customer.clone(),
            history,
            metadata,
            created_at: handoff.created_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agent::AgentKind;
    use crate::conversation::ConversationStatus;
    use crate::handoff::HandoffState;
    use crate::ids::{AgentId, TurnId};

    #[test]
    fn internal_notes_never_enter_the_package() {
        let now = crate::now();
        let ai = AgentId::new();
        let conv = Conversation {
            id: ConversationId::new(),
            channel: Channel::Chat,
            customer: Customer {
                id: Some("c-1".into()),
                name: None,
                data: Map::new(),
            },
            status: ConversationStatus::Open,
            ai_agent: ai,
            owner: ai,
            owner_kind: AgentKind::Ai,
            open_handoff: None,
            turn_count: 1,
            created_at: now,
            updated_at: now,
        };
        let handoff = Handoff {
            id: HandoffId::new(),
            conversation_id: conv.id,
            state: HandoffState::Requested,
            reason: Reason::Manual,
            source: ai,
            destination: Some("billing".into()),
            utterance: None,
            parameters: Map::new(),
            priority: 0,
            rule: None,
            decision: None,
            receiver: None,
            note: None,
            created_at: now,
            updated_at: now,
            accepted_at: None,
            closed_at: None,
        };
        let turn = Turn {
            id: TurnId::new(),
            conversation_id: conv.id,
            seq: 1,
            at: now,
            role: Role::Customer,
            text: "my card was charged twice".into(),
            confidence: None,
            intent: None,
            event: None,
            data: Map::new(),
            internal: Some("CANARY-internal-note".into()),
            author: Some(ai),
        };
        let pkg = ContextPackage::build(&conv, &handoff, &[turn]);
        let json = serde_json::to_string(&pkg).unwrap();
        assert!(!json.contains("CANARY"), "{json}");
        assert!(json.contains("my card was charged twice"));
        assert_eq!(pkg.version, CONTEXT_VERSION);
        assert_eq!(pkg.metadata["destination"], "billing");
    }
}
