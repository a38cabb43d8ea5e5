//! Agents: anything that can own a conversation.

use serde::{Deserialize, Serialize};

use crate::ids::AgentId;
use time::OffsetDateTime;

/// What kind of owner an agent is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgentKind {
    /// An AI agent using Baton's API.
    Ai,
    /// A person at a desk.
    Human,
    /// An agent on another platform.
    External,
    /// A SIP destination.
    Phone,
}

impl AgentKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            AgentKind::Ai => "ai",
            AgentKind::Human => "human",
            AgentKind::External => "external",
            AgentKind::Phone => "phone",
        }
    }

    pub fn parse(s: &str) -> Option<AgentKind> {
        Some(match s {
            "ai" => AgentKind::Ai,
            "human" => AgentKind::Human,
            "external" => AgentKind::External,
            "phone" => AgentKind::Phone,
            _ => return None,
        })
    }

    /// Whether an owner of this kind silences the AI: everyone but an AI does.
    pub const fn silences_ai(self) -> bool {
        !matches!(self, AgentKind::Ai)
    }
}

/// A registered agent. Its secret never lives in this type: only its hash is stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agent {
    pub id: AgentId,
    pub name: String,
    pub kind: AgentKind,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// Whether a desk user can be offered work now.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// At the desk: offers go to them.
    Online,
    /// Logged in but not taking new offers (set by the user, or by Baton after an
    /// offer to them timed out).
    Away,
    /// Not at the desk.
    #[default]
    Offline,
}

impl Presence {
    pub const ALL: [Presence; 3] = [Presence::Online, Presence::Away, Presence::Offline];

    pub const fn as_str(self) -> &'static str {
        match self {
            Presence::Online => "online",
            Presence::Away => "away",
            Presence::Offline => "offline",
        }
    }

    pub fn parse(s: &str) -> Option<Presence> {
        Presence::ALL.into_iter().find(|p| p.as_str() == s)
    }
}
