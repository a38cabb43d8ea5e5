//! Baton's domain model: the words of `DESIGN.md` as types.
//!
//! Nothing here performs I/O. State machines are explicit: a transition is a
//! function from a state and an event to a new state or a typed refusal, so the
//! store and the HTTP layer cannot move a handoff or an offer anywhere illegal.

pub mod agent;
pub mod clock;
pub mod context;
pub mod conversation;
pub mod effects;
pub mod handoff;
pub mod ids;
pub mod offer;
pub mod reason;
pub mod turn;
pub mod visibility;

pub use agent::{Agent, AgentKind, Presence};
pub use context::{
    CONTEXT_VERSION, ContextConfigError, ContextPackage, FieldMapping, PackageInput, Receivers,
    RedactionPolicy, Summarizer, context_json_schema,
};
pub use conversation::{Actor, Channel, Conversation, ConversationStatus, Customer, TurnRefused};
pub use handoff::{
    CommandForbidden, Handoff, HandoffCommand, HandoffEvent, HandoffState, HandoffTransitionError,
};
pub use ids::{AgentId, ConversationId, HandoffId, OfferId, TurnId};
pub use offer::{Offer, OfferEvent, OfferState, OfferTransitionError};
pub use reason::Reason;
pub use turn::{NewTurn, Role, Turn, TurnEvent, TurnInvalid};

pub use clock::{Timestamp, now, truncate_to_micros};
