//! Routing: where a handoff goes (queues, filters, targets), who is offered it (skills,
//! presence, capacity), and what happens when no one answers (next target, then the
//! failsafe queue). [`policy`] is pure; [`router`] drives it from the store.

pub mod config;
pub mod error;
pub mod policy;
pub mod router;

pub use config::{OfferMode, Span};
pub use error::RouteConfigError;
pub use policy::{
    AgentState, DeskState, DeskUserConfig, Facts, LoadOptions, Plan, Queue, Routing, Step, Target,
    card_connection_name, is_card_url, is_connection_name,
};
pub use router::{RouteEvent, Router};
