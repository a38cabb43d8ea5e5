//! Baton's durable state.
//!
//! [`Store`] is the one interface the server uses; [`sqlite::SqliteStore`] is the
//! embedded implementation. Every command that changes a handoff writes the
//! handoff, its audit entry and its webhook deliveries in one transaction, so a crash
//! between two steps of the flow never leaves one without the others.

pub mod audit;
pub mod blobs;
pub mod connections;
pub mod routing;
pub mod sqlite;
pub mod webhooks;

use async_trait::async_trait;
use baton_core::{
    Actor, Agent, AgentId, Channel, CommandForbidden, Conversation, ConversationId, Customer,
    Handoff, HandoffCommand, HandoffId, HandoffState, HandoffTransitionError, NewTurn, Offer,
    Presence, Reason, Turn, TurnInvalid, TurnRefused,
};
use serde::Serialize;
use serde_json::{Map, Value};
use time::OffsetDateTime;

pub use connections::{
    Connection, ConnectionChange, ConnectionState, ConnectionStore, LinkDirection, NewConnection,
    NewPeerLink, PeerLink,
};
pub use routing::{DeskLoad, DeskSession, DeskUser, Expired, NewRoute, Waiting};
pub use sqlite::{Durability, SqliteStore};
pub use webhooks::{
    Delivery, DeliveryOutcome, DeliveryState, EVENT_TYPES, NewWebhook, SealedSecret,
    TRANSFER_EVENT_TYPES, Webhook, WebhookState,
};

/// What can go wrong in the store, in terms a caller can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{what} {id} does not exist")]
    NotFound { what: &'static str, id: String },
    #[error(transparent)]
    InvalidTurn(#[from] TurnInvalid),
    #[error(transparent)]
    TurnRefused(#[from] TurnRefused),
    #[error(transparent)]
    Transition(#[from] HandoffTransitionError),
    #[error(transparent)]
    Forbidden(#[from] CommandForbidden),
    /// The request conflicts with the current state (not a state-machine refusal).
    #[error("{0}")]
    Conflict(String),
    /// The database cannot take the request now (disk full, locked, I/O error);
    /// nothing was written, and what was acknowledged before is intact.
    #[error("the database cannot take writes now ({0}); retry later")]
    Unavailable(String),
    /// The conversation changed after the caller read it (a compare-and-set failed);
    /// nothing was written: read again and retry.
    #[error("the conversation changed while the turn was being evaluated; retry")]
    Stale,
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Backend(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An agent's identity with the hash of its secret, for authentication.
#[derive(Clone, Debug)]
pub struct AgentCredentials {
    pub agent: Agent,
    /// SHA-256 of the secret.
    pub secret_hash: [u8; 32],
}

/// A conversation to create.
#[derive(Clone, Debug)]
pub struct NewConversation {
    pub channel: Channel,
    pub customer: Customer,
    /// The AI agent that owns it.
    pub ai_agent: AgentId,
}

/// A handoff to request.
#[derive(Clone, Debug)]
pub struct NewHandoff {
    pub conversation_id: ConversationId,
    pub reason: Reason,
    pub destination: Option<String>,
    pub utterance: Option<String>,
    pub parameters: Map<String, Value>,
    pub priority: i32,
    pub rule: Option<String>,
    pub decision: Option<Value>,
    /// Where it goes, decided by the router when the handoff is requested; `None`
    /// leaves it to the router's next pass.
    pub route: Option<NewRoute>,
}

/// A platform that posts back to Baton, and how its messages are signed.
#[derive(Clone, Debug)]
pub struct InboundSource {
    pub name: String,
    /// `standard-webhooks` or `hmac-sha256-hex`.
    pub scheme: String,
    /// For `hmac-sha256-hex`: the header carrying `sha256=<hex>`.
    pub header: Option<String>,
    /// Sealed by the server.
    pub secret: Vec<u8>,
}

/// What an agent attaches to a conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttachmentKind {
    Artifact,
    Log,
    Checkpoint,
}

impl AttachmentKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            AttachmentKind::Artifact => "artifact",
            AttachmentKind::Log => "log",
            AttachmentKind::Checkpoint => "checkpoint",
        }
    }
}

/// Which handoffs a caller may see.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// The admin token: everything.
    All,
    /// An AI agent: the handoffs it requested.
    Source(AgentId),
    /// A receiver: those it holds, and those waiting in its queues or offered to it.
    Receiver(AgentId),
}

impl Visibility {
    pub fn of(actor: Actor) -> Self {
        match actor {
            Actor::Admin | Actor::System => Visibility::All,
            Actor::Agent {
                id,
                kind: baton_core::AgentKind::Ai,
            } => Visibility::Source(id),
            Actor::Agent { id, .. } => Visibility::Receiver(id),
        }
    }
}

/// Filters for listing handoffs; newest first.
#[derive(Clone, Debug)]
pub struct HandoffFilter {
    pub visibility: Visibility,
    pub state: Option<HandoffState>,
    /// The handoff's destination (queue).
    pub queue: Option<String>,
    pub conversation: Option<ConversationId>,
    /// Only handoffs created at or after this time.
    pub since: Option<OffsetDateTime>,
    /// Leave out finished handoffs (resolved, handed back, canceled).
    pub open_only: bool,
    pub limit: u32,
}

/// The result of appending a turn.
#[derive(Clone, Debug)]
pub struct TurnAppended {
    pub turn: Turn,
    pub conversation: Conversation,
    /// The handoff the decision started, committed with the turn.
    pub handoff: Option<Handoff>,
}

/// What the rules decided about a turn, and on which state of the conversation:
/// the turn is written only if the conversation still has `turn_count` turns (a
/// compare-and-set), so a decision is never stored against a history it did not
/// see. The rules run outside the writer, on a snapshot.
#[derive(Clone, Debug)]
pub struct Evaluated {
    pub turn_count: i64,
    /// The handoff the rules decided on, stored with the turn or not at all.
    pub handoff: Option<NewHandoff>,
}

/// Decides, inside a handoff request's transaction, where it goes: given the
/// conversation and its latest intent.
pub type RouteDecider = Box<dyn FnOnce(&Conversation, Option<&str>) -> Result<NewRoute> + Send>;

/// A handoff after a command, with its conversation as it now stands.
#[derive(Clone, Debug)]
pub struct HandoffChange {
    pub handoff: Handoff,
    pub conversation: Conversation,
}

/// The outcome of checking the audit chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuditVerification {
    /// Entries checked.
    pub entries: u64,
    /// The sequence number of the first entry whose hash does not match, if any.
    pub first_broken: Option<i64>,
}

/// Baton's durable state, whatever the database behind it.
#[async_trait]
pub trait Store: ConnectionStore + Send + Sync + 'static {
    /// A setting stored by Baton itself (not configuration).
    async fn setting(&self, key: &str) -> Result<Option<String>>;
    /// Stores `value` under `key` unless the key exists; returns the value now stored.
    async fn init_setting(&self, key: &str, value: &str) -> Result<String>;

    /// Registers an agent with the hash of its secret and the queues it takes work
    /// from, in one transaction (a receiver never exists without its queues).
    async fn create_agent(
        &self,
        agent: &Agent,
        secret_hash: [u8; 32],
        queues: Vec<String>,
    ) -> Result<()>;
    async fn agent_credentials(&self, id: AgentId) -> Result<Option<AgentCredentials>>;

    async fn create_conversation(&self, new: NewConversation) -> Result<Conversation>;
    async fn conversation(&self, id: ConversationId) -> Result<Conversation>;
    /// An AI agent's conversations on one channel, newest first, at most `limit`
    /// (1..=1000); `before` continues a listing after that conversation (ids are
    /// UUID v7, so their order is creation order).
    async fn agent_conversations(
        &self,
        ai_agent: AgentId,
        channel: Channel,
        before: Option<ConversationId>,
        limit: u32,
    ) -> Result<Vec<Conversation>>;
    /// How many conversations an AI agent has on one channel.
    async fn count_agent_conversations(&self, ai_agent: AgentId, channel: Channel) -> Result<u64>;
    /// Whether `actor` may read this conversation and its history.
    async fn can_read_conversation(
        &self,
        conversation: &Conversation,
        actor: Actor,
    ) -> Result<bool>;
    /// Checks the ownership rules and stores the turn and, when `decide` says so, the
    /// handoff it starts, in one transaction: never a turn whose decided handoff is lost.
    async fn append_turn(
        &self,
        conversation: ConversationId,
        actor: Actor,
        turn: NewTurn,
        evaluated: Option<Evaluated>,
    ) -> Result<TurnAppended>;
    /// Turns with `seq > after`, oldest first, at most `limit`.
    async fn turns(
        &self,
        conversation: ConversationId,
        after: i64,
        limit: u32,
    ) -> Result<Vec<Turn>>;
    /// The last `n` turns, oldest first.
    async fn recent_turns(&self, conversation: ConversationId, n: u32) -> Result<Vec<Turn>>;
    /// The conversation and its last `n` turns (oldest first), read together: the
    /// snapshot the rules evaluate a new turn on. No turns while the rules do not
    /// apply ([`Conversation::rules_apply`]).
    async fn conversation_with_recent(
        &self,
        conversation: ConversationId,
        n: u32,
    ) -> Result<(Conversation, Vec<Turn>)>;
    /// The newest turns that fit in `max_turns` and `max_bytes` of text and data
    /// (at least the last turn, whatever its size), oldest first, and how many older
    /// turns were left out. What a context package carries.
    async fn newest_turns(
        &self,
        conversation: ConversationId,
        max_turns: u32,
        max_bytes: u64,
    ) -> Result<(Vec<Turn>, i64)>;

    /// Creates a conversation with its history and a handoff, in one transaction:
    /// a package received from elsewhere (`handoff.json`) becomes local work.
    async fn import_conversation(
        &self,
        new: NewConversation,
        history: Vec<NewTurn>,
        handoff: NewHandoff,
    ) -> Result<HandoffChange>;
    /// Requests a handoff; one open handoff per conversation at a time.
    /// When `new.route` is absent, `route` decides it inside the transaction, from the
    /// conversation and its latest intent.
    async fn request_handoff(
        &self,
        actor: Actor,
        new: NewHandoff,
        route: Option<RouteDecider>,
    ) -> Result<HandoffChange>;
    async fn handoff(&self, id: HandoffId) -> Result<Handoff>;
    async fn list_handoffs(&self, filter: &HandoffFilter) -> Result<Vec<Handoff>>;
    /// Accept, reject, resolve, hand back or cancel, atomically and at most once.
    /// A handoff the actor may not see is reported missing, except to receivers
    /// accepting or rejecting, who learn it was taken (a state-machine refusal).
    async fn command(
        &self,
        id: HandoffId,
        actor: Actor,
        command: HandoffCommand,
        note: Option<String>,
    ) -> Result<HandoffChange>;

    /// Attaches an artifact's metadata, a log entry or a checkpoint to a conversation;
    /// only its AI agent, its current owner or the admin may.
    async fn attach(
        &self,
        conversation: ConversationId,
        actor: Actor,
        kind: AttachmentKind,
        sha256: Option<String>,
        body: Value,
    ) -> Result<()>;
    /// A conversation's attachments of one kind, oldest first.
    async fn attachments(
        &self,
        conversation: ConversationId,
        kind: AttachmentKind,
    ) -> Result<Vec<Value>>;
    /// Whether an artifact with this digest is attached to the conversation.
    /// Every artifact digest an attachment refers to.
    async fn artifact_digests(&self) -> Result<std::collections::HashSet<String>>;
    async fn has_artifact(&self, conversation: ConversationId, sha256: &str) -> Result<bool>;
    /// Registers (or replaces) a platform allowed to post feedback, with its sealed secret.
    async fn put_inbound_source(&self, source: InboundSource) -> Result<()>;
    async fn inbound_source(&self, name: &str) -> Result<Option<InboundSource>>;
    /// Stores feedback about a handoff; a message id already seen from this source
    /// is ignored (returns `false`), so retried deliveries count once.
    async fn add_feedback(
        &self,
        handoff: HandoffId,
        source: &str,
        message_id: Option<String>,
        body: Value,
    ) -> Result<bool>;
    async fn feedback(&self, handoff: HandoffId) -> Result<Vec<Value>>;
    /// Counts for metrics: (family, label value, count) for handoffs by state,
    /// deliveries by state and webhooks by state; waiting handoffs per queue
    /// (`queue_waiting`) and the creation time, in µs, of each queue's oldest
    /// (`queue_oldest_created_us`).
    async fn counts(&self) -> Result<Vec<(&'static str, String, i64)>>;
    /// Records an access worth auditing (a context package fetched, an export).
    async fn record_access(
        &self,
        actor: Actor,
        action: &str,
        subject: &str,
        detail: Value,
    ) -> Result<()>;
    async fn verify_audit(&self) -> Result<AuditVerification>;

    /// Subscribes an endpoint; events from now on are delivered to it.
    async fn create_webhook(&self, new: NewWebhook) -> Result<Webhook>;
    async fn webhooks(&self) -> Result<Vec<Webhook>>;
    async fn webhook(&self, id: uuid::Uuid) -> Result<Webhook>;
    /// Removes a subscription and its pending deliveries.
    async fn delete_webhook(&self, id: uuid::Uuid) -> Result<()>;
    /// Makes `secret` current; the previous current secret keeps signing until `previous_until`.
    async fn rotate_webhook_secret(
        &self,
        id: uuid::Uuid,
        secret: Vec<u8>,
        previous_until: OffsetDateTime,
    ) -> Result<Webhook>;
    /// Claims up to `limit` due deliveries for `lease`, at most one per endpoint and
    /// conversation at a time and the oldest first, so each conversation's events
    /// arrive in order.
    async fn claim_deliveries(
        &self,
        now: OffsetDateTime,
        limit: u32,
        lease: std::time::Duration,
    ) -> Result<Vec<(Delivery, Webhook)>>;
    /// Replaces a pending delivery's body before its first attempt (the worker adds the
    /// summary as the endpoint's policy lets it see it): from then on every attempt
    /// signs and sends these exact bytes.
    async fn seal_delivery_payload(&self, id: &str, payload: String) -> Result<()>;
    /// Records attempt outcomes and releases their leases.
    async fn record_deliveries(&self, outcomes: Vec<(String, DeliveryOutcome)>) -> Result<()>;
    /// Releases every lease: at start, a single process owns all deliveries.
    async fn release_delivery_leases(&self) -> Result<()>;
    async fn deliveries(
        &self,
        state: Option<DeliveryState>,
        webhook: Option<uuid::Uuid>,
        limit: u32,
    ) -> Result<Vec<Delivery>>;
    /// Puts a dead delivery back in line, now (the operator's retry).
    async fn retry_delivery(&self, id: &str) -> Result<Delivery>;

    // Routing and the desk.

    /// Whether `actor` may see this handoff (see [`Visibility`]).
    async fn can_see_handoff(&self, handoff: &Handoff, actor: Actor) -> Result<bool>;
    /// Sets the queues a receiver takes work from.
    async fn set_memberships(&self, agent: AgentId, queues: Vec<String>) -> Result<()>;
    /// Creates or updates a desk user (and its agent) with its queues.
    async fn upsert_desk_user(
        &self,
        username: &str,
        name: &str,
        password_hash: Option<String>,
        queues: Vec<String>,
    ) -> Result<AgentId>;
    async fn desk_user(&self, username: &str) -> Result<Option<DeskUser>>;
    async fn desk_user_by_agent(&self, agent: AgentId) -> Result<Option<DeskUser>>;
    /// Sets a desk user's presence; stepping away (or out) withdraws the offers
    /// pending for them, whose handoffs are returned so they can be routed again.
    async fn set_presence(
        &self,
        agent: AgentId,
        presence: Presence,
        actor: Actor,
    ) -> Result<Vec<HandoffId>>;
    /// Every desk user's presence and load.
    async fn desk_loads(&self) -> Result<Vec<DeskLoad>>;
    /// Handoffs waiting for a receiver (all, or those among `only`), highest priority
    /// then oldest first; and the earliest deadline of a pending offer (one read for
    /// the router's pass).
    async fn waiting_handoffs(
        &self,
        only: Option<Vec<HandoffId>>,
        limit: u32,
    ) -> Result<(Vec<Waiting>, Option<OffsetDateTime>)>;
    /// Puts a waiting handoff at stop `index` of `route` (its first routing, or the next stop).
    async fn route_handoff(&self, id: HandoffId, route: NewRoute, index: u32) -> Result<Handoff>;
    /// Offers a waiting handoff to `receivers` until `deadline`.
    async fn make_offers(
        &self,
        id: HandoffId,
        receivers: Vec<AgentId>,
        queue: Option<String>,
        index: u32,
        deadline: OffsetDateTime,
    ) -> Result<(Handoff, Vec<Offer>)>;
    /// Times out the pending offers whose deadline has passed.
    async fn expire_offers(&self, now: OffsetDateTime) -> Result<Expired>;
    /// Every stop was tried: the handoff waits in `failsafe`.
    async fn fail_handoff(&self, id: HandoffId, failsafe: &str) -> Result<Handoff>;
    /// The earliest deadline of a pending offer.
    async fn next_offer_deadline(&self) -> Result<Option<OffsetDateTime>>;
    /// A handoff's offers, oldest first.
    async fn offers(&self, id: HandoffId) -> Result<Vec<Offer>>;
    /// A handoff with its conversation and offers, in one read (the desk feed's view).
    async fn handoff_view(&self, id: HandoffId) -> Result<(Handoff, Conversation, Vec<Offer>)>;
    /// Records that `agent` has read the handoff's context (audited).
    async fn confirm_read(&self, id: HandoffId, agent: AgentId) -> Result<()>;
    async fn read_confirmed(&self, id: HandoffId, agent: AgentId) -> Result<bool>;
    /// A person's corrections to the summary or the collected data.
    async fn edit_handoff(
        &self,
        id: HandoffId,
        actor: Actor,
        summary: Option<String>,
        data: Option<Map<String, Value>>,
    ) -> Result<HandoffChange>;
    async fn create_desk_session(
        &self,
        token_hash: [u8; 32],
        username: &str,
        csrf: &str,
        expires_at: OffsetDateTime,
    ) -> Result<()>;
    async fn desk_session(&self, token_hash: [u8; 32]) -> Result<Option<DeskSession>>;
    async fn delete_desk_session(&self, token_hash: [u8; 32]) -> Result<()>;
    /// Every feedback entry with its handoff's facts, oldest first: for tuning.
    async fn feedback_export(&self, since: Option<OffsetDateTime>) -> Result<Vec<Value>>;

    // ---- voice transfers ----
    /// One step of a voice handoff's transfer (`topic` is one of
    /// [`TRANSFER_EVENT_TYPES`]): an audit entry in the handoff's history and the
    /// `topic` webhook event, whose `data` carries the handoff's fields and `transfer`
    /// (`step`), in one transaction.
    async fn record_transfer_step(&self, id: HandoffId, topic: &str, step: Value) -> Result<()>;
}
