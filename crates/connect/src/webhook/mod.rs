//! Webhooks per the Standard Webhooks spec: signed, retried from the durable
//! outbox, ordered per conversation, guarded against server-side request forgery.

pub mod guard;
pub mod inbound;
pub mod schedule;
pub mod signature;
pub mod worker;

pub use guard::{GuardedResolver, UrlRefused, check_url};
pub use signature::{SigningSecret, sign};
pub use worker::{DeliveryWorker, Summaries, WorkerConfig};
