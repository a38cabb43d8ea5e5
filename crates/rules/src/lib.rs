//! Baton's rule engine.

pub mod error;
pub mod signals;

pub use error::RulesError;
pub mod eval;
