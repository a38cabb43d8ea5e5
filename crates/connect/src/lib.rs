//! Connectors: how events leave Baton.
//!
//! Each connector is a folder with its configuration and runtime. Today:
//! [`webhook`], signed per the Standard Webhooks spec and delivered from the
//! durable outbox with retries; [`peer`], handoffs to agents on another Baton.
//! [`secrets`] seals the signing secrets at rest.

pub mod peer;
pub mod secrets;
pub mod webhook;
