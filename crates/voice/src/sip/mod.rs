//! SIP signalling: messages, and (see [`crate::sip::fuzz`]) the parser's fuzz loop.

pub mod fuzz;
pub mod message;

pub use message::{Message, ParseError, Start};
