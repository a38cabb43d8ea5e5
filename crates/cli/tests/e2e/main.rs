//! End-to-end tests: each starts the real `baton` binary on port 0 with a fresh
//! data directory and drives it over HTTP.

#![allow(clippy::unwrap_used)] // a failed step should stop the test right there

mod harness;

mod a2a;
mod mcp;

mod bad_input;
mod context;
mod crash;
mod desk;
mod fuzz;
mod hardening;
mod inbound;
mod lifecycle;
mod peers;
mod readme;
mod receiver;
mod routing;
mod rules;
mod voice;
mod webhooks;
