//! Connected external agents (admin): register an agent on another Baton by its
//! agent ID, secret and domain — saved only after a live, authenticated handshake
//! succeeds — and re-verify, rotate, disable or enable it. Every change is audited;
//! the secret is sealed at rest and never shown again.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use baton_connect::peer::a2a::A2aClient;
use baton_connect::peer::client::{Peer, PeerClient, PeerError};
use baton_connect::peer::worker::A2A;
use baton_store::{Connection, ConnectionChange, NewConnection};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::Caller;
use crate::extract::ApiJson;
use crate::problem::Problem;

/// How long a handshake may take.
const HANDSHAKE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewConnectionBody {
    /// What routing files name it by (`{agent: NAME}`): 1–64 of a-z, 0-9, `-`, `_`, `.`.
    pub name: String,
    /// The agent ID the other side issued (on another Baton: `POST /v1/agents` there, kind
    /// `ai`). For an A2A agent, optional (its card's name when absent).
    #[serde(default)]
    pub agent_id: String,
    /// The secret that goes with it (sealed here, never shown again). For an A2A agent, the
    /// Bearer token its card asks for, if any.
    #[serde(default)]
    pub secret: String,
    /// The other side's domain or base URL: `baton-b.example.com` means https. For an A2A
    /// agent, its card URL (or the base its card is under, at `/.well-known/agent-card.json`).
    pub domain: String,
    /// `baton` (the default): another Baton; `a2a`: any A2A agent, found by its card.
    #[serde(default)]
    pub kind: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RotateBody {
    /// The new secret the other side issued; saved only if a handshake with it succeeds.
    pub secret: String,
}

/// A connection as shown to operators; the secret never is.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConnectionView {
    pub name: String,
    pub kind: String,
    /// The agent ID on the other side.
    pub agent_id: String,
    /// The local agent (kind `external`) that offers go to and that holds what the other side takes.
    pub local_agent: uuid::Uuid,
    pub url: String,
    /// `active` or `disabled`.
    pub state: String,
    pub verified_at: Option<String>,
    pub created_at: String,
}

fn view(c: Connection) -> ConnectionView {
    ConnectionView {
        name: c.name,
        kind: c.kind,
        agent_id: c.remote_agent,
        local_agent: c.agent_id.0,
        url: c.url,
        state: c.state.as_str().to_owned(),
        verified_at: c.verified_at.map(baton_core::clock::format),
        created_at: baton_core::clock::format(c.created_at),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ConnectionList {
    pub connections: Vec<ConnectionView>,
}

fn client(state: &AppState) -> Result<PeerClient, Problem> {
    PeerClient::new(state.allow_private_webhooks, HANDSHAKE_TIMEOUT).map_err(|e| {
        tracing::error!(error = %e, "building the peer client failed");
        Problem::internal()
    })
}

/// A failed handshake as a problem naming the field to fix, audited.
async fn unverified(state: &AppState, caller: &Caller, name: &str, e: &PeerError) -> Problem {
    let field = match e {
        PeerError::Refused { slug, .. } if slug == "peer-wrong-secret" => Some("secret"),
        PeerError::Refused { slug, .. }
            if slug == "peer-unknown-agent" || slug == "peer-wrong-kind" =>
        {
            Some("agent_id")
        }
        PeerError::Refused { .. } => None,
        _ => Some("domain"),
    };
    if let Err(err) = state
        .store
        .record_access(
            caller.actor(),
            "connection.verify_failed",
            &format!("connection:{name}"),
            json!({"why": e.to_string()}),
        )
        .await
    {
        tracing::warn!(error = %err, "could not audit a failed handshake");
    }
    let mut p = Problem::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "connection-unverified",
        "The handshake with the other side failed",
        format!("not saved: {e}"),
    )
    .hint("fix what the detail names and try again; nothing was stored");
    if let Some(f) = field {
        p = p.field(f);
    }
    p
}

/// Registers a connected agent after a live handshake ("verify & save").
#[utoipa::path(post, path = "/v1/connections", tag = "connections", request_body = NewConnectionBody,
    security(("bearer" = [])),
    responses((status = 201, body = ConnectionView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 409, body = Problem),
        (status = 422, description = "Invalid, or the handshake failed (the detail says why)", body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewConnectionBody>,
) -> Result<(StatusCode, Json<ConnectionView>), Problem> {
    caller.require_admin()?;
    if !baton_route::is_connection_name(&body.name) {
        return Err(Problem::unprocessable(
            "name",
            "`name` must be 1–64 of a-z, 0-9, `-`, `_`, `.`",
        ));
    }
    let kind = body.kind.clone().unwrap_or_else(|| "baton".to_owned());
    if kind == A2A {
        return create_a2a(state, caller, body).await;
    }
    if kind != "baton" {
        return Err(
            Problem::unprocessable("kind", format!("unknown kind `{kind}`"))
                .hint("`baton` or `a2a`"),
        );
    }
    if body.agent_id.trim().is_empty() || body.secret.trim().is_empty() {
        return Err(Problem::unprocessable(
            if body.secret.trim().is_empty() {
                "secret"
            } else {
                "agent_id"
            },
            "`agent_id` and `secret` are required",
        ));
    }
    if state.store.connection(&body.name).await?.is_some() {
        return Err(Problem::conflict(
            "conflict",
            format!("a connection named `{}` exists", body.name),
        )
        .hint("rotate its secret or disable it instead"));
    }
    let client = client(&state)?;
    let url = client
        .base_url(&body.domain)
        .map_err(|e| Problem::unprocessable("domain", e.to_string()))?;
    let peer = Peer {
        url: &url,
        agent: body.agent_id.trim(),
        secret: body.secret.trim(),
    };
    if let Err(e) = client.handshake(peer).await {
        return Err(unverified(&state, &caller, &body.name, &e).await);
    }
    let conn = state
        .store
        .create_connection(
            NewConnection {
                name: body.name.clone(),
                kind,
                remote_agent: body.agent_id.trim().to_owned(),
                url,
                secret: state.secrets.seal(body.secret.trim().as_bytes()),
            },
            caller.actor(),
        )
        .await?;
    tracing::info!(connection = %conn.name, "connection verified and saved");
    Ok((StatusCode::CREATED, Json(view(conn))))
}

fn a2a_client(state: &AppState) -> Result<A2aClient, Problem> {
    A2aClient::new(state.allow_private_webhooks, HANDSHAKE_TIMEOUT).map_err(|e| {
        tracing::error!(error = %e, "building the A2A client failed");
        Problem::internal()
    })
}

/// An A2A agent: saved once its card is fetched and offers JSON-RPC for A2A 1.x.
async fn create_a2a(
    state: AppState,
    caller: Caller,
    body: NewConnectionBody,
) -> Result<(StatusCode, Json<ConnectionView>), Problem> {
    if state.store.connection(&body.name).await?.is_some() {
        return Err(Problem::conflict(
            "conflict",
            format!("a connection named `{}` exists", body.name),
        ));
    }
    let url = baton_connect::peer::a2a::card_url(&body.domain, state.allow_private_webhooks)
        .map_err(|e| Problem::unprocessable("domain", e.to_string()))?;
    let card = match a2a_client(&state)?.card(&url).await {
        Ok((card, _)) => card,
        Err(e) => return Err(unverified(&state, &caller, &body.name, &e).await),
    };
    let remote_agent = if body.agent_id.trim().is_empty() {
        card.name
    } else {
        body.agent_id.trim().to_owned()
    };
    let conn = state
        .store
        .create_connection(
            NewConnection {
                name: body.name.clone(),
                kind: A2A.to_owned(),
                remote_agent,
                url,
                secret: state.secrets.seal(body.secret.trim().as_bytes()),
            },
            caller.actor(),
        )
        .await?;
    tracing::info!(connection = %conn.name, "A2A agent card verified and saved");
    Ok((StatusCode::CREATED, Json(view(conn))))
}

/// Every connection.
#[utoipa::path(get, path = "/v1/connections", tag = "connections", security(("bearer" = [])),
    responses((status = 200, body = ConnectionList), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<ConnectionList>, Problem> {
    caller.require_admin()?;
    Ok(Json(ConnectionList {
        connections: state
            .store
            .connections()
            .await?
            .into_iter()
            .map(view)
            .collect(),
    }))
}

async fn named(state: &AppState, name: &str) -> Result<Connection, Problem> {
    state
        .store
        .connection(name)
        .await?
        .ok_or_else(|| Problem::not_found(format!("no connection named `{name}`")))
}

/// A handshake with `secret` (the stored one when `None`).
async fn handshake(
    state: &AppState,
    caller: &Caller,
    conn: &Connection,
    secret: Option<&str>,
) -> Result<(), Problem> {
    let stored;
    let secret = match secret {
        Some(s) => s,
        None => {
            let bytes = state.secrets.open(&conn.secret).map_err(|_| {
                Problem::conflict(
                    "connection-secret",
                    "the stored secret cannot be opened (was the sealing key changed?)",
                )
                .hint("rotate the connection's secret")
            })?;
            stored = String::from_utf8_lossy(&bytes).into_owned();
            &stored
        }
    };
    let checked = if conn.kind == A2A {
        a2a_client(state)?.card(&conn.url).await.map(|_| ())
    } else {
        let peer = Peer {
            url: &conn.url,
            agent: &conn.remote_agent,
            secret,
        };
        client(state)?.handshake(peer).await.map(|_| ())
    };
    match checked {
        Ok(_) => Ok(()),
        Err(e) => Err(unverified(state, caller, &conn.name, &e).await),
    }
}

/// Runs the handshake again with the stored secret.
#[utoipa::path(post, path = "/v1/connections/{name}/verify", tag = "connections", security(("bearer" = [])),
    params(("name" = String, Path)),
    responses((status = 200, body = ConnectionView), (status = 401, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn verify(
    State(state): State<AppState>,
    caller: Caller,
    Path(name): Path<String>,
) -> Result<Json<ConnectionView>, Problem> {
    caller.require_admin()?;
    let conn = named(&state, &name).await?;
    handshake(&state, &caller, &conn, None).await?;
    let conn = state
        .store
        .update_connection(&name, ConnectionChange::Verified, caller.actor())
        .await?;
    Ok(Json(view(conn)))
}

/// Replaces the secret, after a handshake with the new one succeeds.
#[utoipa::path(post, path = "/v1/connections/{name}/rotate", tag = "connections", security(("bearer" = [])),
    params(("name" = String, Path)), request_body = RotateBody,
    responses((status = 200, body = ConnectionView), (status = 401, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn rotate(
    State(state): State<AppState>,
    caller: Caller,
    Path(name): Path<String>,
    ApiJson(body): ApiJson<RotateBody>,
) -> Result<Json<ConnectionView>, Problem> {
    caller.require_admin()?;
    let conn = named(&state, &name).await?;
    let secret = body.secret.trim();
    if secret.is_empty() {
        // Said plainly, rather than as the other side refusing an empty secret.
        return Err(Problem::unprocessable("secret", "`secret` is required")
            .hint("the new secret the other side issued"));
    }
    handshake(&state, &caller, &conn, Some(secret)).await?;
    let conn = state
        .store
        .update_connection(
            &name,
            ConnectionChange::Rotated(state.secrets.seal(secret.as_bytes())),
            caller.actor(),
        )
        .await?;
    Ok(Json(view(conn)))
}

/// Stops offering it work; what it already holds keeps running.
#[utoipa::path(post, path = "/v1/connections/{name}/disable", tag = "connections", security(("bearer" = [])),
    params(("name" = String, Path)),
    responses((status = 200, body = ConnectionView), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn disable(
    State(state): State<AppState>,
    caller: Caller,
    Path(name): Path<String>,
) -> Result<Json<ConnectionView>, Problem> {
    caller.require_admin()?;
    named(&state, &name).await?;
    let conn = state
        .store
        .update_connection(&name, ConnectionChange::Disabled, caller.actor())
        .await?;
    Ok(Json(view(conn)))
}

/// Offers it work again, after a handshake succeeds.
#[utoipa::path(post, path = "/v1/connections/{name}/enable", tag = "connections", security(("bearer" = [])),
    params(("name" = String, Path)),
    responses((status = 200, body = ConnectionView), (status = 401, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn enable(
    State(state): State<AppState>,
    caller: Caller,
    Path(name): Path<String>,
) -> Result<Json<ConnectionView>, Problem> {
    caller.require_admin()?;
    let conn = named(&state, &name).await?;
    handshake(&state, &caller, &conn, None).await?;
    let conn = state
        .store
        .update_connection(&name, ConnectionChange::Enabled, caller.actor())
        .await?;
    Ok(Json(view(conn)))
}
