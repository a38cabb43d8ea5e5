//! SIP signalling: messages, and (see [`crate::sip::fuzz`]) the parser's fuzz loop.

pub mod b2bua;
pub mod fuzz;
pub mod message;
pub mod transport;

pub use message::{Message, ParseError, Start};
