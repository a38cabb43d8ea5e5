//! Baton's voice side.
//!
//! - [`definitions`]: the `handoffs.yaml` file — named transfer recipes (`{{ho:name}}`) for
//!   chat and voice, read strictly and checked as a whole (E.164 numbers, one default,
//!   unique names, fields allowed per SIP method, header names, fallback cycles). Pure:
//!   the only I/O is the explicit [`Handoffs::load`].
//! - [`sip`]: SIP messages, the UDP/TCP transport and the signalling-only B2BUA.
//! - [`runtime`]: where calls meet conversations and handoffs meet transfers.

pub mod definitions;
pub mod error;
pub mod runtime;
pub mod sip;

pub use definitions::{
    Definition, Encryption, Handoffs, PhoneNumber, SipHeader, Target, parse_ho_ref,
};
pub use error::VoiceError;
