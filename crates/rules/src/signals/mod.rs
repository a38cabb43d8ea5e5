//! The signals rules are made of. Each is a small pure function over text or turns, with
//! its own tests, hard negatives included.

pub mod confidence;
pub mod explicit;
pub mod loops;
pub mod sentiment;
pub mod topics;
