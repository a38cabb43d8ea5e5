//! Baton to Baton: handing a conversation to an agent hosted on another Baton.
//!
//! Instance A holds a [`Connection`](baton_store::Connection) (the agent ID and secret
//! instance B issued, and B's URL). Every request A sends is authenticated twice: the
//! agent secret as a Bearer token (B keeps only its SHA-256, as for every agent), and
//! a Standard Webhooks signature (HMAC-SHA256 over `id.timestamp.body`) keyed with that
//! SHA-256, so the body cannot be changed and a captured request cannot be replayed:
//! B refuses timestamps outside a five-minute window and remembers every id it
//! accepted inside it, in its database (so also across a restart).
//!
//! A pushes the redacted package ([`client::PeerClient::push`]), follows B's handoff
//! ([`client::PeerClient::sync`]: its state and the turns B's people wrote), forwards
//! the customer's later turns, and mirrors B's accept, resolve and hand-back onto its
//! own handoff ([`worker::PeerWorker`]). A talks, B answers: B never calls A, so one
//! credential in one direction is all a pair of instances needs.
//!
//! A connection of kind `a2a` is any Agent2Agent agent, found by its card; the same
//! worker drives it through [`a2a`].

pub mod a2a;
pub mod cards;
pub mod client;
pub mod verify;
pub mod worker;

use serde::{Deserialize, Serialize};
use sha2::Digest as _;

use crate::webhook::SigningSecret;

/// The protocol's name, in every handshake answer.
pub const PROTOCOL: &str = "baton.peer/v1";
/// The header naming the agent (on the receiving Baton) a request is sent as.
pub const AGENT_HEADER: &str = "baton-agent";
/// How far a request's timestamp may be from the receiver's clock.
pub const TOLERANCE: std::time::Duration = std::time::Duration::from_secs(300);

/// The key requests are signed with: the SHA-256 of the agent secret, which is what
/// the receiving Baton stores.
pub fn signing_key(secret: &str) -> SigningSecret {
    SigningSecret::from_bytes(sha2::Sha256::digest(secret.as_bytes()).to_vec())
}

/// The handshake's answer.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Hello {
    /// [`PROTOCOL`].
    pub protocol: String,
    pub agent_id: String,
    pub agent_name: String,
    /// The receiver's clock (RFC 3339).
    pub time: String,
}

/// A handoff pushed to the other Baton.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Push {
    /// The handoff's id on the sending Baton; later requests name it.
    pub handoff_id: String,
    pub reason: baton_core::Reason,
    #[serde(default)]
    pub priority: i32,
    /// The summary, so the receiving side can triage without reading the package.
    #[serde(default)]
    pub summary: Option<String>,
    /// The context package, redacted and mapped for `external:<connection name>`.
    pub package: serde_json::Value,
}

/// The answer to a push.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Pushed {
    /// The handoff's id on the receiving Baton.
    pub handoff_id: String,
    pub state: baton_core::HandoffState,
}

/// A customer turn the sending Baton forwards.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ForwardedTurn {
    pub text: String,
    /// Its position on the sending side: the same turn forwarded twice (an answer
    /// lost on the way) is stored once.
    #[serde(default)]
    pub seq: Option<i64>,
}

/// Asks for what happened on the receiving side after turn `after`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SyncRequest {
    pub after: i64,
}

/// One turn written on the receiving side.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RemoteTurn {
    pub seq: i64,
    pub role: baton_core::Role,
    pub text: String,
}

/// The receiving side's handoff as it stands.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Synced {
    pub state: baton_core::HandoffState,
    /// The note of a hand-back, resolve or refusal.
    #[serde(default)]
    pub note: Option<String>,
    /// Turns its people wrote after `after`, oldest first.
    pub turns: Vec<RemoteTurn>,
    /// The last turn looked at (the next `after`).
    pub last_seq: i64,
}

/// Withdraws a pushed handoff (the sender's offer ran out).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Withdraw {
    #[serde(default)]
    pub note: Option<String>,
}
