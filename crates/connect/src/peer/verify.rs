//! The receiving side's checks on a Baton-to-Baton request, in the order that gives
//! the most precise answer: who (agent, secret), when (timestamp), what (signature),
//! and whether it was seen before (replay, checked by the caller against the store).

use subtle::ConstantTimeEq as _;

use super::{TOLERANCE, signing_key};
use crate::webhook::sign;

/// Why a request from another Baton is refused. Each names one cause.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeerRefused {
    #[error("missing header `{0}`")]
    MissingHeader(&'static str),
    #[error(
        "agent `{0}` is not known here; register it with POST /v1/agents and give its ID and secret to the other side"
    )]
    UnknownAgent(String),
    #[error("the secret is not valid for agent `{0}`")]
    WrongSecret(String),
    #[error("agent `{0}` is a {1} agent; a remote Baton connects as an `ai` agent")]
    WrongKind(String, &'static str),
    #[error("`webhook-timestamp` is not a Unix time in seconds")]
    BadTimestamp,
    #[error(
        "the request's timestamp is {0} s away from this server's clock (more than 300 s): expired, or the clocks are skewed"
    )]
    Stale(i64),
    #[error(
        "the signature does not match the body: it was changed on the way, or signed with another key"
    )]
    BadSignature,
    #[error("request `{0}` was already received: a replay")]
    Replayed(String),
}

impl PeerRefused {
    /// The problem type's slug (`urn:baton:problem:peer-…`).
    pub const fn slug(&self) -> &'static str {
        match self {
            PeerRefused::MissingHeader(_) => "peer-missing-header",
            PeerRefused::UnknownAgent(_) => "peer-unknown-agent",
            PeerRefused::WrongSecret(_) => "peer-wrong-secret",
            PeerRefused::WrongKind(..) => "peer-wrong-kind",
            PeerRefused::BadTimestamp => "peer-bad-timestamp",
            PeerRefused::Stale(_) => "peer-stale-timestamp",
            PeerRefused::BadSignature => "peer-bad-signature",
            PeerRefused::Replayed(_) => "peer-replayed",
        }
    }
}

/// The headers of one request.
#[derive(Clone, Copy, Debug, Default)]
pub struct Presented<'a> {
    pub agent: Option<&'a str>,
    /// The Bearer token.
    pub secret: Option<&'a str>,
    pub id: Option<&'a str>,
    pub timestamp: Option<&'a str>,
    pub signature: Option<&'a str>,
}

/// Checks the secret against `secret_hash` (the agent's stored SHA-256), the
/// timestamp against `now`, and the signature over `body`. Returns the message id.
pub fn verify<'a>(
    p: &Presented<'a>,
    agent: &str,
    secret_hash: &[u8; 32],
    body: &[u8],
    now: i64,
) -> Result<&'a str, PeerRefused> {
    let secret = p
        .secret
        .ok_or(PeerRefused::MissingHeader("authorization"))?;
    let key = signing_key(secret);
    if !bool::from(key.bytes().ct_eq(secret_hash)) {
        return Err(PeerRefused::WrongSecret(agent.to_owned()));
    }
    let id = p.id.ok_or(PeerRefused::MissingHeader("webhook-id"))?;
    let ts: i64 = p
        .timestamp
        .ok_or(PeerRefused::MissingHeader("webhook-timestamp"))?
        .trim()
        .parse()
        .map_err(|_| PeerRefused::BadTimestamp)?;
    let skew = ts.saturating_sub(now);
    if skew.unsigned_abs() > TOLERANCE.as_secs() {
        return Err(PeerRefused::Stale(skew));
    }
    let expected = sign(&key, id, ts, body);
    let signatures = p
        .signature
        .ok_or(PeerRefused::MissingHeader("webhook-signature"))?;
    if signatures
        .split(' ')
        .any(|s| bool::from(s.as_bytes().ct_eq(expected.as_bytes())))
    {
        Ok(id)
    } else {
        Err(PeerRefused::BadSignature)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::Digest as _;

    #[test]
    fn each_fault_is_named() {
        let secret = "bat_0123_secret";
        let hash: [u8; 32] = sha2::Sha256::digest(secret).into();
        let body = br#"{"after":0}"#;
        let sig = sign(&signing_key(secret), "msg_1", 1000, body);
        let ok = Presented {
            agent: Some("a"),
            secret: Some(secret),
            id: Some("msg_1"),
            timestamp: Some("1000"),
            signature: Some(&sig),
        };
        assert_eq!(verify(&ok, "a", &hash, body, 1010), Ok("msg_1"));
        let wrong = Presented {
            secret: Some("bat_0123_other"),
            ..ok
        };
        assert_eq!(
            verify(&wrong, "a", &hash, body, 1010),
            Err(PeerRefused::WrongSecret("a".into()))
        );
        assert_eq!(
            verify(&ok, "a", &hash, br#"{"after":9}"#, 1010),
            Err(PeerRefused::BadSignature)
        );
        assert_eq!(
            verify(&ok, "a", &hash, body, 1000 + 301),
            Err(PeerRefused::Stale(-301))
        );
        let unsigned = Presented {
            signature: None,
            ..ok
        };
        assert_eq!(
            verify(&unsigned, "a", &hash, body, 1000),
            Err(PeerRefused::MissingHeader("webhook-signature"))
        );
    }
}
