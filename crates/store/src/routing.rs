//! What the store keeps for routing and the desk: where handoffs wait, offers, desk
//! users with their presence, sessions.

use std::collections::BTreeMap;

use baton_core::{AgentId, Channel, Customer, Handoff, Presence};
use serde_json::Value;
use time::OffsetDateTime;

/// The route decided for a handoff, stored with it.
#[derive(Clone, Debug)]
pub struct NewRoute {
    /// The plan (JSON, owned by the routing crate).
    pub plan: Value,
    /// The queue of the first stop, if it is a queue.
    pub queue: Option<String>,
    /// The handoff's priority under this plan.
    pub priority: i32,
}

/// A handoff waiting for a receiver, with what the router needs to place it.
#[derive(Clone, Debug)]
pub struct Waiting {
    pub handoff: Handoff,
    pub channel: Channel,
    pub customer: Customer,
    /// The plan, once routed.
    pub route: Option<Value>,
    pub target_index: u32,
    /// When it reached its current stop.
    pub target_since: Option<OffsetDateTime>,
    /// Receivers offered it at its current stop, and those who declined it or let
    /// its offer run out at any stop: it is not offered to them again.
    pub tried: Vec<AgentId>,
    /// The latest intent seen in the conversation.
    pub latest_intent: Option<String>,
}

/// A desk user as stored.
#[derive(Clone, Debug)]
pub struct DeskUser {
    pub username: String,
    pub name: String,
    pub agent_id: AgentId,
    pub password_hash: Option<String>,
    pub presence: Presence,
}

/// A desk user's presence and how busy they are.
#[derive(Clone, Debug)]
pub struct DeskLoad {
    pub username: String,
    pub agent_id: AgentId,
    pub presence: Presence,
    /// Conversations held plus offers pending, per channel.
    pub load: BTreeMap<Channel, u32>,
    pub last_offer_at: Option<OffsetDateTime>,
}

/// A logged-in desk session.
#[derive(Clone, Debug)]
pub struct DeskSession {
    pub username: String,
    pub csrf: String,
    pub expires_at: OffsetDateTime,
}

/// What expiring offers changed.
#[derive(Clone, Debug, Default)]
pub struct Expired {
    pub offers: Vec<baton_core::Offer>,
    /// Receivers set away because they let an offer time out.
    pub set_away: Vec<AgentId>,
    /// Handoffs whose other offers to those receivers were withdrawn.
    pub withdrawn: Vec<baton_core::HandoffId>,
}
