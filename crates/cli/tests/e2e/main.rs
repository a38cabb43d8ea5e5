//! End-to-end tests: each starts the real `baton` binary on port 0 with a fresh
//! data directory and drives it over HTTP.

mod harness;

mod bad_input;
mod crash;
mod lifecycle;
