//! Connectors: how events leave Baton.
//!
//! Each connector is a folder with its configuration and runtime. Today:
//! [`webhook`], signed per the Standard Webhooks spec and delivered from the
//! durable outbox with retries. [`secrets`] seals the signing secrets at rest.
//! [`a2a`] holds the Agent2Agent protocol's wire types (server and client).

pub mod a2a;
pub mod secrets;
pub mod webhook;
