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
    AgentState, DeskState, DeskUserConfig, Facts, Plan, Queue, Routing, Step, Target,
    is_connection_name,
};
pub use router::{RouteEvent, Router};
