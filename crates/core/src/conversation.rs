//! Conversations and the rule of who may speak in them.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::agent::AgentKind;
use crate::ids::{AgentId, ConversationId, HandoffId};
use crate::turn::Role;
use time::OffsetDateTime;

/// The medium of a conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Chat,
    Voice,
    Email,
    Task,
}

impl Channel {
    pub const fn as_str(self) -> &'static str {
        match self {
            Channel::Chat => "chat",
            Channel::Voice => "voice",
            Channel::Email => "email",
            Channel::Task => "task",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        Some(match s {
            "chat" => Channel::Chat,
            "voice" => Channel::Voice,
            "email" => Channel::Email,
            "task" => Channel::Task,
            _ => return None,
        })
    }
}

/// Whether the conversation still takes turns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConversationStatus {
    Open,
    /// Resolved by its owner; no more turns.
    Closed,
}

impl ConversationStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            ConversationStatus::Open => "open",
            ConversationStatus::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "open" => Some(Self::Open),
            "closed" => Some(Self::Closed),
            _ => None,
        }
    }
}

/// The end user a conversation is with.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Customer {
    /// The customer's identifier in the caller's systems.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Data collected about the customer; turns' `data` fields are merged in.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub data: Map<String, Value>,
}

/// A conversation as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Conversation {
    pub id: ConversationId,
    pub channel: Channel,
    pub customer: Customer,
    pub status: ConversationStatus,
    /// The AI agent the conversation belongs to when no one else holds it.
    pub ai_agent: AgentId,
    /// Who holds the conversation now.
    pub owner: AgentId,
    pub owner_kind: AgentKind,
    /// The handoff in flight, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_handoff: Option<HandoffId>,
    pub turn_count: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

/// Who is acting: an operator with the admin token, or an agent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    Admin,
    /// Baton itself, acting on a rule's decision or a deadline.
    System,
    Agent {
        id: AgentId,
        kind: AgentKind,
    },
}

/// Why a turn is refused by the conversation's ownership rules.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TurnRefused {
    #[error("the conversation is closed; start a new conversation")]
    Closed,
    #[error(
        "a {owner_kind} agent ({owner}) owns this conversation since a handoff; the AI may speak again after a hand-back"
    )]
    OwnedByOther {
        owner: AgentId,
        owner_kind: &'static str,
    },
    #[error("agent {poster} does not own this conversation; its owner is {owner}")]
    NotOwner { poster: AgentId, owner: AgentId },
    #[error("a {kind} agent may not post turns with role `{role}`")]
    RoleNotAllowed {
        kind: &'static str,
        role: &'static str,
    },
}

impl Conversation {
    /// Whether the rules decide on its turns now: while the AI holds it and no
    /// handoff is open (a receiver's conversation waits for the hand-back).
    pub fn rules_apply(&self) -> bool {
        self.owner_kind == AgentKind::Ai && self.open_handoff.is_none()
    }

    /// Whether `actor` may attach artifacts, logs or checkpoints: the conversation's
    /// AI agent, whoever holds it now, or an operator.
    pub fn may_attach(&self, actor: Actor) -> bool {
        match actor {
            Actor::Admin | Actor::System => true,
            Actor::Agent { id, .. } => id == self.ai_agent || id == self.owner,
        }
    }

    /// Decides whether `poster` may add a turn spoken by `role` now.
    ///
    /// The AI agent relays the customer's words and its own; once anyone else owns
    /// the conversation, its `ai` turns are refused, which is what keeps a bot from
    /// talking over the human who took over.
    pub fn check_turn(&self, poster: Actor, role: Role) -> Result<(), TurnRefused> {
        if self.status == ConversationStatus::Closed {
            return Err(TurnRefused::Closed);
        }
        let (id, kind) = match poster {
            Actor::Admin | Actor::System => return Ok(()),
            Actor::Agent { id, kind } => (id, kind),
        };
        let allowed = match kind {
            AgentKind::Ai => matches!(role, Role::Customer | Role::Ai | Role::System | Role::Tool),
            AgentKind::Human | AgentKind::External | AgentKind::Phone => {
                matches!(role, Role::Human | Role::System)
            }
        };
        if !allowed {
            return Err(TurnRefused::RoleNotAllowed {
                kind: kind.as_str(),
                role: role.as_str(),
            });
        }
        if kind == AgentKind::Ai {
            if id != self.ai_agent && id != self.owner {
                return Err(TurnRefused::NotOwner {
                    poster: id,
                    owner: self.owner,
                });
            }
            // The customer keeps talking through the AI's channel; everything the AI
            // itself would add (its words, tool results, system notes) waits until
            // the conversation is handed back.
            if role != Role::Customer && self.owner_kind.silences_ai() {
                return Err(TurnRefused::OwnedByOther {
                    owner: self.owner,
                    owner_kind: self.owner_kind.as_str(),
                });
            }
            return Ok(());
        }
        if id != self.owner {
            return Err(TurnRefused::NotOwner {
                poster: id,
                owner: self.owner,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(owner_kind: AgentKind) -> (Conversation, AgentId, AgentId) {
        let ai = AgentId::new();
        let human = AgentId::new();
        let owner = if owner_kind == AgentKind::Ai {
            ai
        } else {
            human
        };
        let now = crate::now();
        let c = Conversation {
            id: ConversationId::new(),
            channel: Channel::Chat,
            customer: Customer::default(),
            status: ConversationStatus::Open,
            ai_agent: ai,
            owner,
            owner_kind,
            open_handoff: None,
            turn_count: 0,
            created_at: now,
            updated_at: now,
        };
        (c, ai, human)
    }

    #[test]
    fn the_ai_speaks_while_it_owns_the_conversation() {
        let (c, ai, _) = conv(AgentKind::Ai);
        let p = Actor::Agent {
            id: ai,
            kind: AgentKind::Ai,
        };
        assert!(c.check_turn(p, Role::Ai).is_ok());
        assert!(c.check_turn(p, Role::Customer).is_ok());
    }

    #[test]
    fn the_ai_is_silenced_while_a_human_owns_it_but_relays_the_customer() {
        let (c, ai, human) = conv(AgentKind::Human);
        let p = Actor::Agent {
            id: ai,
            kind: AgentKind::Ai,
        };
        let err = c.check_turn(p, Role::Ai).unwrap_err();
        assert_eq!(
            err,
            TurnRefused::OwnedByOther {
                owner: human,
                owner_kind: "human"
            }
        );
        assert!(err.to_string().contains(&human.to_string()));
        assert!(c.check_turn(p, Role::Customer).is_ok());
        assert!(c.check_turn(p, Role::Tool).is_err());
        assert!(c.check_turn(p, Role::System).is_err());
    }

    #[test]
    fn only_the_owning_human_speaks_as_human() {
        let (c, _, human) = conv(AgentKind::Human);
        let owner = Actor::Agent {
            id: human,
            kind: AgentKind::Human,
        };
        assert!(c.check_turn(owner, Role::Human).is_ok());
        let stranger = AgentId::new();
        let other = Actor::Agent {
            id: stranger,
            kind: AgentKind::Human,
        };
        assert_eq!(
            c.check_turn(other, Role::Human),
            Err(TurnRefused::NotOwner {
                poster: stranger,
                owner: human
            })
        );
        assert!(matches!(
            c.check_turn(owner, Role::Ai),
            Err(TurnRefused::RoleNotAllowed { .. })
        ));
    }

    #[test]
    fn another_ai_cannot_post_and_a_closed_conversation_takes_nothing() {
        let (mut c, _, _) = conv(AgentKind::Ai);
        let other = Actor::Agent {
            id: AgentId::new(),
            kind: AgentKind::Ai,
        };
        assert!(matches!(
            c.check_turn(other, Role::Customer),
            Err(TurnRefused::NotOwner { .. })
        ));
        c.status = ConversationStatus::Closed;
        assert_eq!(
            c.check_turn(Actor::Admin, Role::Customer),
            Err(TurnRefused::Closed)
        );
    }
}
