//! The signals rules are made of. Each is a small pure function over text or turns.

pub mod explicit;
pub mod sentiment;
