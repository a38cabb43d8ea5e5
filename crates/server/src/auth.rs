//! Authentication: the admin token and per-agent secrets.
//!
//! Secrets are 256-bit random values, so a single SHA-256 is the right storage
//! hash (a slow password hash buys nothing against brute force of 2^256 and would
//! cost milliseconds per request). Comparison is constant-time.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use baton_core::{Actor, Agent, AgentId};
use rand::RngCore as _;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::AppState;
use crate::problem::Problem;

/// Prefix of agent secrets; the agent id follows, so a secret names its agent.
const AGENT_PREFIX: &str = "bat_";
/// Prefix of generated admin tokens.
pub const ADMIN_PREFIX: &str = "batadm_";

pub fn sha256(s: &str) -> [u8; 32] {
    Sha256::digest(s.as_bytes()).into()
}

pub(crate) fn random_part() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A fresh admin token.
pub fn new_admin_token() -> String {
    format!("{ADMIN_PREFIX}{}", random_part())
}

/// A fresh secret for `agent`: `bat_<agent id, 32 hex>_<random>`.
pub fn new_agent_secret(agent: AgentId) -> String {
    format!("{AGENT_PREFIX}{}_{}", agent.0.simple(), random_part())
}

fn agent_of_secret(secret: &str) -> Option<AgentId> {
    let rest = secret.strip_prefix(AGENT_PREFIX)?;
    let (id, _) = rest.split_once('_')?;
    uuid::Uuid::try_parse(id).ok().map(AgentId)
}

/// The authenticated caller of a `/v1` route.
#[derive(Clone, Debug)]
pub enum Caller {
    Admin,
    Agent(Agent),
}

impl Caller {
    pub fn actor(&self) -> Actor {
        match self {
            Caller::Admin => Actor::Admin,
            Caller::Agent(a) => Actor::Agent {
                id: a.id,
                kind: a.kind,
            },
        }
    }

    /// Whether the caller takes handoffs (human, external, phone) and so sees
    /// conversations only through its receiver policy.
    pub fn is_receiver(&self) -> bool {
        matches!(self, Caller::Agent(a) if a.kind != baton_core::AgentKind::Ai)
    }

    pub fn require_admin(&self) -> Result<(), Problem> {
        match self {
            Caller::Admin => Ok(()),
            Caller::Agent(_) => Err(Problem::forbidden("this route needs the admin token")),
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let header = parts
            .headers
            .get(header::AUTHORIZATION)
            .ok_or_else(|| Problem::unauthorized("no Authorization header"))?;
        let value = header
            .to_str()
            .map_err(|_| Problem::unauthorized("the Authorization header is not ASCII"))?;
        let token = value
            .strip_prefix("Bearer ")
            .or_else(|| value.strip_prefix("bearer "))
            .map(str::trim)
            .ok_or_else(|| {
                Problem::unauthorized("the Authorization header is not a Bearer token")
            })?;
        let presented = sha256(token);
        if bool::from(presented.ct_eq(&state.admin_token_hash)) {
            return Ok(Caller::Admin);
        }
        let invalid = || Problem::unauthorized("the token is not valid");
        let Some(agent_id) = agent_of_secret(token) else {
            return Err(invalid());
        };
        let creds = state
            .store
            .agent_credentials(agent_id)
            .await
            .map_err(Problem::from)?;
        match creds {
            Some(c) if bool::from(presented.ct_eq(&c.secret_hash)) => Ok(Caller::Agent(c.agent)),
            _ => Err(invalid()),
        }
    }
}

/// A refusal of a protocol endpoint (A2A, MCP) before anything runs: audited as
/// `action` on `endpoint` (who, why, which client), answered as a problem document
/// with the Bearer challenge on 401.
pub async fn refuse_audited(
    state: &AppState,
    actor: Actor,
    problem: Problem,
    headers: &axum::http::HeaderMap,
    action: &str,
    endpoint: &str,
) -> axum::response::Response {
    use axum::response::IntoResponse as _;
    let detail = serde_json::json!({
        "status": problem.status, "detail": problem.detail,
        "user_agent": headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()),
    });
    if let Err(e) = state
        .store
        .record_access(actor, action, endpoint, detail)
        .await
    {
        tracing::warn!(error = %e, action, "a refusal could not be audited");
    }
    let mut res = problem.into_response();
    if res.status() == axum::http::StatusCode::UNAUTHORIZED {
        res.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            axum::http::HeaderValue::from_static("Bearer realm=\"baton\""),
        );
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_names_its_agent_and_nothing_else_parses() {
        let id = AgentId::new();
        let secret = new_agent_secret(id);
        assert_eq!(agent_of_secret(&secret), Some(id));
        assert_eq!(agent_of_secret("bat_nothex_x"), None);
        assert_eq!(agent_of_secret(&new_admin_token()), None);
        assert_ne!(new_agent_secret(id), secret, "secrets are random");
    }
}
