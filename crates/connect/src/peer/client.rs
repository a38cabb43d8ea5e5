//! The sending side: signed requests to another Baton's `/peer/v1` endpoints.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{
    AGENT_HEADER, ForwardedTurn, Hello, PROTOCOL, Push, Pushed, SyncRequest, Synced, Withdraw,
    signing_key,
};
use crate::webhook::guard::{GuardedResolver, UrlRefused, check_url};
use crate::webhook::sign;

/// Why a request to another Baton failed, in terms an operator can act on.
#[derive(Debug, thiserror::Error)]
pub enum PeerError {
    #[error(transparent)]
    Url(#[from] UrlRefused),
    #[error(
        "`{0}` is plain http; a connection needs https (plain http only with the private-address opt-in, BATON_ALLOW_PRIVATE_WEBHOOKS=true)"
    )]
    NotTls(String),
    #[error("{url} is unreachable: {why}")]
    Unreachable { url: String, why: String },
    #[error("{url} is not a Baton peer endpoint: {why}")]
    NotBaton { url: String, why: String },
    #[error("{url} is not an A2A agent: {why}")]
    NotA2a { url: String, why: String },
    /// The other Baton checked the request and refused it.
    #[error("{what}: {detail}")]
    Refused {
        status: u16,
        /// The problem type's slug (`peer-wrong-secret`, …).
        slug: String,
        what: &'static str,
        detail: String,
    },
    #[error("{url} answered {status}: {detail}")]
    Failed {
        url: String,
        status: u16,
        detail: String,
    },
}

impl PeerError {
    /// Whether the other side answered and said no (retrying the same request will
    /// not help), as opposed to a network or server fault.
    pub fn is_refusal(&self) -> bool {
        match self {
            PeerError::Refused { .. } | PeerError::NotBaton { .. } | PeerError::NotA2a { .. } => {
                true
            }
            PeerError::Failed { status, .. } => (400..500).contains(status),
            PeerError::Url(_) | PeerError::NotTls(_) | PeerError::Unreachable { .. } => false,
        }
    }
}

fn what(slug: &str) -> &'static str {
    match slug {
        "peer-wrong-secret" => "wrong secret",
        "peer-unknown-agent" => "unknown agent ID",
        "peer-stale-timestamp" => "clock skew",
        "peer-bad-signature" => "bad signature",
        "peer-replayed" => "replayed request",
        "peer-wrong-kind" => "wrong kind of agent",
        _ => "refused",
    }
}

/// The other side, as one connection knows it.
#[derive(Clone, Copy)]
pub struct Peer<'a> {
    /// Base URL, e.g. `https://baton-b.example.com`.
    pub url: &'a str,
    /// The agent ID the other side issued.
    pub agent: &'a str,
    /// Its secret (never logged).
    pub secret: &'a str,
}

impl std::fmt::Debug for Peer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Peer")
            .field("url", &self.url)
            .field("agent", &self.agent)
            .finish_non_exhaustive()
    }
}

/// Sends signed requests; refuses private addresses and plain http unless allowed.
#[derive(Clone, Debug)]
pub struct PeerClient {
    http: reqwest::Client,
    allow_private: bool,
}

impl PeerClient {
    pub fn new(allow_private: bool, timeout: std::time::Duration) -> Result<Self, reqwest::Error> {
        let http = reqwest::Client::builder()
            .dns_resolver(GuardedResolver::shared(allow_private))
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(timeout)
            .user_agent(concat!("Baton/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self {
            http,
            allow_private,
        })
    }

    /// The base URL of a platform domain as people write it (`b.example.com`,
    /// `https://b.example.com/`): https unless a scheme is given; plain http only
    /// with the private-address opt-in.
    pub fn base_url(&self, domain: &str) -> Result<String, PeerError> {
        base_url(domain, self.allow_private)
    }

    async fn call<T: DeserializeOwned>(
        &self,
        peer: Peer<'_>,
        path: &str,
        body: &impl Serialize,
    ) -> Result<T, PeerError> {
        let base = self.base_url(peer.url)?;
        let url = format!("{base}{path}");
        let body = serde_json::to_vec(body).map_err(|e| PeerError::Failed {
            url: url.clone(),
            status: 0,
            detail: format!("the request could not be encoded: {e}"),
        })?;
        let id = format!("msg_{}", uuid::Uuid::now_v7().simple());
        let ts = time::OffsetDateTime::now_utc().unix_timestamp();
        let signature = sign(&signing_key(peer.secret), &id, ts, &body);
        let res = self
            .http
            .post(&url)
            .bearer_auth(peer.secret)
            .header(AGENT_HEADER, peer.agent)
            .header("content-type", "application/json")
            .header("webhook-id", &id)
            .header("webhook-timestamp", ts.to_string())
            .header("webhook-signature", signature)
            .body(body)
            .send()
            .await
            .map_err(|e| PeerError::Unreachable {
                url: url.clone(),
                why: chain(&e),
            })?;
        let status = res.status();
        let text = res.text().await.unwrap_or_default();
        if status.is_success() {
            return serde_json::from_str(&text).map_err(|_| PeerError::NotBaton {
                url,
                why: format!(
                    "it answered {status} with something other than a Baton peer document"
                ),
            });
        }
        let problem: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let slug = problem["type"]
            .as_str()
            .and_then(|t| t.strip_prefix("urn:baton:problem:"))
            .unwrap_or("");
        let detail = problem["detail"]
            .as_str()
            .map_or_else(|| text.chars().take(200).collect(), str::to_owned);
        if slug.starts_with("peer-") {
            return Err(PeerError::Refused {
                status: status.as_u16(),
                slug: slug.to_owned(),
                what: what(slug),
                detail,
            });
        }
        if matches!(status.as_u16(), 404 | 405) && !path.contains("/handoffs/") {
            return Err(PeerError::NotBaton {
                url,
                why: format!("it answered {status}"),
            });
        }
        Err(PeerError::Failed {
            url,
            status: status.as_u16(),
            detail,
        })
    }

    /// A live, authenticated handshake: proves the URL is a Baton, the agent exists
    /// there, the secret is right and the clocks agree.
    pub async fn handshake(&self, peer: Peer<'_>) -> Result<Hello, PeerError> {
        let hello: Hello = self
            .call(
                peer,
                "/peer/v1/handshake",
                &serde_json::json!({"protocol": PROTOCOL}),
            )
            .await?;
        if hello.protocol != PROTOCOL {
            return Err(PeerError::NotBaton {
                url: peer.url.to_owned(),
                why: format!("it speaks `{}`, not `{PROTOCOL}`", hello.protocol),
            });
        }
        Ok(hello)
    }

    pub async fn push(&self, peer: Peer<'_>, push: &Push) -> Result<Pushed, PeerError> {
        self.call(peer, "/peer/v1/handoffs", push).await
    }

    pub async fn forward(
        &self,
        peer: Peer<'_>,
        handoff: &str,
        turn: &ForwardedTurn,
    ) -> Result<serde_json::Value, PeerError> {
        self.call(peer, &format!("/peer/v1/handoffs/{handoff}/turns"), turn)
            .await
    }

    pub async fn sync(
        &self,
        peer: Peer<'_>,
        handoff: &str,
        after: i64,
    ) -> Result<Synced, PeerError> {
        self.call(
            peer,
            &format!("/peer/v1/handoffs/{handoff}/sync"),
            &SyncRequest { after },
        )
        .await
    }

    pub async fn withdraw(
        &self,
        peer: Peer<'_>,
        handoff: &str,
        note: Option<String>,
    ) -> Result<serde_json::Value, PeerError> {
        self.call(
            peer,
            &format!("/peer/v1/handoffs/{handoff}/withdraw"),
            &Withdraw { note },
        )
        .await
    }
}

/// The base URL of a platform domain as people write it (`b.example.com`,
/// `https://b.example.com/`): https unless a scheme is given; plain http only with
/// the private-address opt-in.
pub fn base_url(domain: &str, allow_private: bool) -> Result<String, PeerError> {
    let domain = domain.trim().trim_end_matches('/');
    let raw = if domain.contains("://") {
        domain.to_owned()
    } else {
        format!("https://{domain}")
    };
    let url = check_url(&raw, allow_private)?;
    if url.scheme() != "https" && !allow_private {
        return Err(PeerError::NotTls(raw));
    }
    Ok(raw)
}

/// An error and its causes, one line (what reqwest hides behind "error sending request").
pub(crate) fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cur = e.source();
    while let Some(s) = cur {
        out.push_str(": ");
        out.push_str(&s.to_string());
        cur = s.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_become_https_urls_and_plain_http_needs_the_opt_in() {
        assert_eq!(
            base_url("baton-b.example.com/", false).unwrap(),
            "https://baton-b.example.com"
        );
        assert!(matches!(
            base_url("http://baton-b.example.com", false),
            Err(PeerError::NotTls(_))
        ));
        assert!(matches!(
            base_url("http://127.0.0.1:9000", false),
            Err(PeerError::Url(UrlRefused::Private(_)))
        ));
        assert_eq!(
            base_url("http://127.0.0.1:9000", true).unwrap(),
            "http://127.0.0.1:9000"
        );
    }
}
