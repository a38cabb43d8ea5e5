//! Connected external agents (another Baton taking handoffs) and the handoffs that
//! cross to them: what the store keeps, behind its own small trait.

use async_trait::async_trait;
use baton_core::{Actor, AgentId, ConversationId, HandoffId, Offer, OfferId};
use time::OffsetDateTime;

use crate::Result;

/// Whether a connection takes handoffs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConnectionState {
    Active,
    /// Refuses new offers; what it already holds keeps running.
    Disabled,
}

impl ConnectionState {
    pub const fn as_str(self) -> &'static str {
        match self {
            ConnectionState::Active => "active",
            ConnectionState::Disabled => "disabled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "active" => Some(Self::Active),
            "disabled" => Some(Self::Disabled),
            _ => None,
        }
    }
}

/// A connected agent on another platform.
#[derive(Clone, Debug)]
pub struct Connection {
    /// What routing files name it by (`{agent: NAME}`).
    pub name: String,
    /// The local agent of kind `external` that offers go to and that holds what the
    /// remote side takes.
    pub agent_id: AgentId,
    /// `baton`.
    pub kind: String,
    /// The agent ID the other side issued.
    pub remote_agent: String,
    /// The other side's base URL.
    pub url: String,
    /// The outbound secret, sealed.
    pub secret: Vec<u8>,
    pub state: ConnectionState,
    pub verified_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// A connection to create (after its handshake succeeded).
#[derive(Clone, Debug)]
pub struct NewConnection {
    pub name: String,
    pub kind: String,
    pub remote_agent: String,
    pub url: String,
    /// Sealed by the server.
    pub secret: Vec<u8>,
}

/// A change to a connection, audited under its own action.
#[derive(Clone, Debug)]
pub enum ConnectionChange {
    /// A handshake succeeded now.
    Verified,
    /// A new sealed secret (verified by a handshake before it is stored).
    Rotated(Vec<u8>),
    Disabled,
    Enabled,
}

impl ConnectionChange {
    pub const fn action(&self) -> &'static str {
        match self {
            ConnectionChange::Verified => "connection.verified",
            ConnectionChange::Rotated(_) => "connection.rotated",
            ConnectionChange::Disabled => "connection.disabled",
            ConnectionChange::Enabled => "connection.enabled",
        }
    }
}

/// Which way a handoff crosses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkDirection {
    /// Ours, pushed to a connection's remote agent.
    Out,
    /// A remote Baton's, created here.
    In,
}

impl LinkDirection {
    pub const fn as_str(self) -> &'static str {
        match self {
            LinkDirection::Out => "out",
            LinkDirection::In => "in",
        }
    }
}

/// A handoff that crossed to or from another Baton.
#[derive(Clone, Debug)]
pub struct PeerLink {
    pub id: i64,
    pub direction: LinkDirection,
    pub handoff_id: HandoffId,
    pub conversation_id: ConversationId,
    /// Out: the connection's name. In: the local agent id the remote signs as.
    pub peer: String,
    /// The other side's handoff id.
    pub remote_handoff: String,
    /// Out: the offer that was pushed.
    pub offer_id: Option<OfferId>,
    pub open: bool,
    /// Out: the last of our turns forwarded to the remote side.
    pub sent_seq: i64,
    /// Out: the last of the remote side's turns taken here.
    pub received_seq: i64,
    pub created_at: OffsetDateTime,
}

/// A link to record.
#[derive(Clone, Debug)]
pub struct NewPeerLink {
    pub direction: LinkDirection,
    pub handoff_id: HandoffId,
    pub conversation_id: ConversationId,
    pub peer: String,
    pub remote_handoff: String,
    pub offer_id: Option<OfferId>,
    /// Out: the conversation's turn count when the package was pushed (those turns
    /// travelled in the package).
    pub sent_seq: i64,
}

/// What the store keeps for connected agents and Baton-to-Baton handoffs.
#[async_trait]
pub trait ConnectionStore: Send + Sync {
    /// Creates the connection with its local `external` agent, in one transaction,
    /// audited as `connection.created` by `actor`.
    async fn create_connection(&self, new: NewConnection, actor: Actor) -> Result<Connection>;
    async fn connections(&self) -> Result<Vec<Connection>>;
    async fn connection(&self, name: &str) -> Result<Option<Connection>>;
    async fn connection_by_agent(&self, agent: AgentId) -> Result<Option<Connection>>;
    /// Applies `change`, audited by `actor`.
    async fn update_connection(
        &self,
        name: &str,
        change: ConnectionChange,
        actor: Actor,
    ) -> Result<Connection>;

    /// Remembers a signed request's id from `peer`; `false` when it was seen before
    /// (a replay). Ids older than `window` are forgotten (their timestamps are refused).
    async fn remember_peer_message(
        &self,
        peer: &str,
        message_id: &str,
        window: std::time::Duration,
    ) -> Result<bool>;

    /// Records a link; when one with the same direction, peer and remote handoff
    /// exists, returns it instead (`false`): a retried push creates nothing twice.
    async fn add_peer_link(&self, new: NewPeerLink) -> Result<(PeerLink, bool)>;
    async fn peer_link(
        &self,
        direction: LinkDirection,
        peer: &str,
        remote_handoff: &str,
    ) -> Result<Option<PeerLink>>;
    async fn open_peer_links(&self, direction: LinkDirection) -> Result<Vec<PeerLink>>;
    /// Moves a link's turn cursors forward, or closes it.
    async fn advance_peer_link(
        &self,
        id: i64,
        sent_seq: Option<i64>,
        received_seq: Option<i64>,
        close: bool,
    ) -> Result<()>;
    /// Pending offers to active connections' agents that were not pushed yet, oldest
    /// first, with their connection (an offer to a connection disabled since waits
    /// out its deadline).
    async fn offers_to_push(&self) -> Result<Vec<(Offer, Connection)>>;
}
