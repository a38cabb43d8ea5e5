//! Baton to Baton, the receiving side (`/peer/v1`): another Baton hands a
//! conversation to an agent registered here. Every request is authenticated by the
//! agent's secret and signature, refused when stale or replayed, and audited; the
//! handoff it creates is routed by this instance's own rules.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use baton_connect::peer::verify::{PeerRefused, Presented, verify};
use baton_connect::peer::worker::Packager;
use baton_connect::peer::{
    AGENT_HEADER, ForwardedTurn, Hello, PROTOCOL, Push, Pushed, RemoteTurn, SyncRequest, Synced,
    TOLERANCE, Withdraw,
};
use baton_core::{
    Actor, Agent, AgentId, AgentKind, Channel, ConversationId, Customer, Handoff, HandoffCommand,
    NewTurn, Role,
};
use baton_store::{LinkDirection, NewConversation, NewHandoff, NewPeerLink, PeerLink};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::conversations::ImportedPackage;
use crate::AppState;
use crate::extract::{ApiBytes, parse_json};
use crate::problem::Problem;

/// Where another Baton pushes handoffs.
pub const PUSH_PATH: &str = "/peer/v1/handoffs";
/// Largest push accepted: a package carries up to 4 MiB of turns, plus its structure.
pub const MAX_PUSH_BYTES: usize = 8 * 1024 * 1024;

/// The `/peer/v1` routes (authenticated by signature, not by the `/v1` Bearer check).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/peer/v1/handshake", post(handshake))
        .route(
            PUSH_PATH,
            post(push).layer(axum::extract::DefaultBodyLimit::max(MAX_PUSH_BYTES)),
        )
        .route("/peer/v1/handoffs/{id}/turns", post(turn))
        .route("/peer/v1/handoffs/{id}/sync", post(sync))
        .route("/peer/v1/handoffs/{id}/withdraw", post(withdraw))
}

/// Builds packages for the peer worker: the same redacted, mapped and audited
/// package `GET /v1/handoffs/{id}/context` gives.
pub struct Packages(pub AppState);

#[async_trait::async_trait]
impl Packager for Packages {
    async fn package(&self, handoff: &Handoff, receiver: &str) -> Result<Value, String> {
        super::handoffs::redacted_context(
            &self.0,
            Actor::System,
            handoff,
            receiver,
            json!({"receiver": receiver, "pushed": true}),
        )
        .await
        .map_err(|p| p.detail)
    }
}

fn refused(e: &PeerRefused) -> Problem {
    let status = match e {
        PeerRefused::WrongKind(..) => StatusCode::FORBIDDEN,
        PeerRefused::Replayed(_) => StatusCode::CONFLICT,
        _ => StatusCode::UNAUTHORIZED,
    };
    Problem::new(status, e.slug(), "Peer request refused", e.to_string())
}

/// Who sent the request, checked: agent, secret, timestamp, signature, replay.
/// A refusal is audited with its cause (never with the secret) and answered with a
/// problem whose type names it.
async fn authenticate(
    state: &AppState,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Agent, Problem> {
    let h = |k: &str| headers.get(k).and_then(|v| v.to_str().ok());
    let presented = Presented {
        agent: h(AGENT_HEADER),
        secret: h("authorization").and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
                .map(str::trim)
        }),
        id: h("webhook-id"),
        timestamp: h("webhook-timestamp"),
        signature: h("webhook-signature"),
    };
    // Named by the caller: kept short in the log and the audit entry.
    let named: String = presented.agent.unwrap_or("").chars().take(64).collect();
    let checked = check(state, &presented, body).await?;
    match checked {
        Ok(agent) => Ok(agent),
        Err(e) => {
            tracing::warn!(agent = %named, why = e.slug(), "a peer request was refused");
            state
                .store
                .record_access(
                    Actor::System,
                    "peer.refused",
                    &format!("peer:{named}"),
                    json!({"why": e.slug(), "detail": e.to_string(), "message_id": presented.id}),
                )
                .await?;
            Err(refused(&e))
        }
    }
}

/// The checks, in order; the outer error is this server's own failure.
async fn check(
    state: &AppState,
    presented: &Presented<'_>,
    body: &[u8],
) -> Result<Result<Agent, PeerRefused>, Problem> {
    let Some(named) = presented.agent else {
        return Ok(Err(PeerRefused::MissingHeader(AGENT_HEADER)));
    };
    let unknown = || PeerRefused::UnknownAgent(named.chars().take(64).collect());
    let Ok(id) = named.parse::<AgentId>() else {
        return Ok(Err(unknown()));
    };
    let Some(creds) = state.store.agent_credentials(id).await? else {
        return Ok(Err(unknown()));
    };
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let message = match verify(presented, named, &creds.secret_hash, body, now) {
        Ok(m) => m,
        Err(e) => return Ok(Err(e)),
    };
    if creds.agent.kind != AgentKind::Ai {
        return Ok(Err(PeerRefused::WrongKind(
            named.to_owned(),
            creds.agent.kind.as_str(),
        )));
    }
    // Remembered only once the signature holds: forged ids never fill the table.
    let fresh = state
        .store
        .remember_peer_message(&id.to_string(), message, TOLERANCE * 2)
        .await?;
    if !fresh {
        return Ok(Err(PeerRefused::Replayed(
            message.chars().take(100).collect(),
        )));
    }
    Ok(Ok(creds.agent))
}

fn actor(agent: &Agent) -> Actor {
    Actor::Agent {
        id: agent.id,
        kind: agent.kind,
    }
}

async fn audit(
    state: &AppState,
    agent: &Agent,
    action: &str,
    subject: &str,
    detail: Value,
) -> Result<(), Problem> {
    Ok(state
        .store
        .record_access(actor(agent), action, subject, detail)
        .await?)
}

/// The link of a handoff the sender names by its own id; only the agent that
/// pushed it can reach it.
async fn link(state: &AppState, agent: &Agent, remote: &str) -> Result<PeerLink, Problem> {
    state
        .store
        .peer_link(LinkDirection::In, &agent.id.to_string(), remote)
        .await?
        .ok_or_else(|| Problem::not_found(format!("no handoff {remote} was pushed by this agent")))
}

async fn body_of<T: DeserializeOwned>(
    state: &AppState,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(Agent, T), Problem> {
    let agent = authenticate(state, headers, body).await?;
    Ok((agent, parse_json(body)?))
}

/// Proves this is a Baton, that the agent exists here, that the secret is right and
/// that the clocks agree (the timestamp check).
#[utoipa::path(post, path = "/peer/v1/handshake", tag = "peers", request_body = Object,
    responses((status = 200, body = Object), (status = 401, description = "Unknown agent, wrong secret, stale timestamp or bad signature", body = Problem),
        (status = 409, description = "Replayed", body = Problem)))]
pub async fn handshake(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiBytes(body): ApiBytes,
) -> Result<Json<Hello>, Problem> {
    let agent = authenticate(&state, &headers, &body).await?;
    audit(
        &state,
        &agent,
        "peer.handshake",
        &format!("agent:{}", agent.id),
        json!({}),
    )
    .await?;
    Ok(Json(Hello {
        protocol: PROTOCOL.to_owned(),
        agent_id: agent.id.to_string(),
        agent_name: agent.name,
        time: baton_core::clock::format(baton_core::now()),
    }))
}

/// A handoff pushed by another Baton: stored as a conversation with the package's
/// history, owned by the agent it was sent as, and routed by this instance's rules.
/// Pushing the same handoff again answers with what the first push created.
#[utoipa::path(post, path = "/peer/v1/handoffs", tag = "peers", request_body = Object,
    responses((status = 201, body = Object), (status = 200, description = "Pushed before", body = Object),
        (status = 401, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn push(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiBytes(body): ApiBytes,
) -> Result<(StatusCode, Json<Pushed>), Problem> {
    let (agent, push): (Agent, Push) = body_of(&state, &headers, &body).await?;
    if let Some(existing) = state
        .store
        .peer_link(LinkDirection::In, &agent.id.to_string(), &push.handoff_id)
        .await?
    {
        let h = state.store.handoff(existing.handoff_id).await?;
        return Ok((
            StatusCode::OK,
            Json(Pushed {
                handoff_id: h.id.to_string(),
                state: h.state,
            }),
        ));
    }
    // Read leniently: a package mapped for this receiver may lack some fields.
    let pkg: Option<ImportedPackage> = serde_json::from_value(push.package.clone()).ok();
    let channel = push.package["metadata"]["channel"]
        .as_str()
        .and_then(Channel::parse)
        .unwrap_or(Channel::Chat);
    let customer = match &push.package["customer"] {
        Value::Object(c) => Customer {
            id: c.get("id").and_then(Value::as_str).map(str::to_owned),
            name: c.get("name").and_then(Value::as_str).map(str::to_owned),
            data: c
                .get("data")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default(),
        },
        _ => Customer::default(),
    };
    let now = baton_core::now();
    let history: Vec<NewTurn> = pkg
        .map(|p| p.history)
        .unwrap_or_default()
        .into_iter()
        .map(|e| NewTurn {
            at: e.at,
            role: Some(e.role),
            text: e.text,
            confidence: e.confidence,
            intent: e.intent,
            event: e.event,
            data: e.data,
            internal: None,
        })
        // A history line this Baton cannot store (an old timestamp) keeps its words.
        .map(|mut t| {
            if t.validate_at(now).is_err() {
                t.at = None;
            }
            t
        })
        .filter(|t| t.validate_at(now).is_ok())
        .collect();
    let mut parameters = serde_json::Map::new();
    parameters.insert(
        "peer".into(),
        json!({"agent": agent.name, "remote_handoff": push.handoff_id}),
    );
    // The CRM profile travels on, as an imported package's does: this side's
    // packages carry it (through this side's own redaction).
    if let Some(Value::Object(crm)) = push.package.get("crm")
        && !crm.is_empty()
    {
        parameters.insert("crm".into(), Value::Object(crm.clone()));
    }
    let change = state
        .store
        .import_conversation(
            NewConversation {
                channel,
                customer,
                ai_agent: agent.id,
            },
            history,
            NewHandoff {
                conversation_id: ConversationId::new(),
                reason: push.reason,
                destination: None,
                utterance: push.summary.clone(),
                parameters,
                priority: push.priority,
                rule: None,
                decision: None,
                // This instance's router places it on its next pass, with its own rules.
                route: None,
            },
        )
        .await?;
    let h = change.handoff;
    state
        .store
        .add_peer_link(NewPeerLink {
            direction: LinkDirection::In,
            handoff_id: h.id,
            conversation_id: h.conversation_id,
            peer: agent.id.to_string(),
            remote_handoff: push.handoff_id.clone(),
            offer_id: None,
            sent_seq: 0,
        })
        .await?;
    audit(
        &state,
        &agent,
        "peer.received",
        &format!("handoff:{}", h.id),
        json!({"remote_handoff": push.handoff_id}),
    )
    .await?;
    tracing::info!(handoff = %h.id, agent = %agent.name, "handoff received from another Baton");
    state.deliveries.notify_one();
    state.router.changed(h.id);
    Ok((
        StatusCode::CREATED,
        Json(Pushed {
            handoff_id: h.id.to_string(),
            state: h.state,
        }),
    ))
}

/// A later customer turn, forwarded by the Baton the customer is talking to.
#[utoipa::path(post, path = "/peer/v1/handoffs/{id}/turns", tag = "peers", request_body = Object,
    params(("id" = String, Path, description = "The handoff's id on the sending Baton")),
    responses((status = 201, body = Object), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn turn(
    State(state): State<AppState>,
    Path(remote): Path<String>,
    headers: HeaderMap,
    ApiBytes(body): ApiBytes,
) -> Result<(StatusCode, Json<Value>), Problem> {
    let (agent, t): (Agent, ForwardedTurn) = body_of(&state, &headers, &body).await?;
    let link = link(&state, &agent, &remote).await?;
    if let Some(seq) = t.seq {
        let first = state
            .store
            .remember_peer_message(
                &agent.id.to_string(),
                &format!("turn:{remote}:{seq}"),
                TOLERANCE * 2,
            )
            .await?;
        if !first {
            return Ok((StatusCode::OK, Json(json!({"duplicate": true}))));
        }
    }
    let turn = NewTurn {
        role: Some(Role::Customer),
        text: t.text,
        ..NewTurn::default()
    };
    turn.validate()
        .map_err(|e| Problem::unprocessable(e.field(), e.to_string()))?;
    let added = state
        .store
        .append_turn(link.conversation_id, actor(&agent), turn, None)
        .await?;
    if let Some(h) = added.conversation.open_handoff {
        crate::desk::announce_turn(&state, h, &added.turn);
    }
    audit(
        &state,
        &agent,
        "peer.turn",
        &format!("handoff:{}", link.handoff_id),
        json!({"seq": added.turn.seq}),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(json!({"seq": added.turn.seq}))))
}

/// The handoff as it stands here, with the turns this side's people wrote after `after`.
#[utoipa::path(post, path = "/peer/v1/handoffs/{id}/sync", tag = "peers", request_body = Object,
    params(("id" = String, Path, description = "The handoff's id on the sending Baton")),
    responses((status = 200, body = Object), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn sync(
    State(state): State<AppState>,
    Path(remote): Path<String>,
    headers: HeaderMap,
    ApiBytes(body): ApiBytes,
) -> Result<Json<Synced>, Problem> {
    let (agent, req): (Agent, SyncRequest) = body_of(&state, &headers, &body).await?;
    let link = link(&state, &agent, &remote).await?;
    let h = state.store.handoff(link.handoff_id).await?;
    let turns = state
        .store
        .turns(link.conversation_id, req.after.max(0), 200)
        .await?;
    let last_seq = turns.last().map_or(req.after, |t| t.seq);
    let turns: Vec<RemoteTurn> = turns
        .into_iter()
        .filter(|t| t.role == Role::Human)
        .map(|t| RemoteTurn {
            seq: t.seq,
            role: t.role,
            text: t.text,
        })
        .collect();
    if !turns.is_empty() || h.state.is_terminal() {
        audit(
            &state,
            &agent,
            "peer.synced",
            &format!("handoff:{}", h.id),
            json!({"turns": turns.len(), "state": h.state}),
        )
        .await?;
    }
    Ok(Json(Synced {
        state: h.state,
        note: h.note,
        turns,
        last_seq,
    }))
}

/// The sender's offer ran out or its handoff was canceled: withdrawn here if no one
/// took it yet.
#[utoipa::path(post, path = "/peer/v1/handoffs/{id}/withdraw", tag = "peers", request_body = Object,
    params(("id" = String, Path, description = "The handoff's id on the sending Baton")),
    responses((status = 200, body = Object), (status = 401, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem)))]
pub async fn withdraw(
    State(state): State<AppState>,
    Path(remote): Path<String>,
    headers: HeaderMap,
    ApiBytes(body): ApiBytes,
) -> Result<Json<Value>, Problem> {
    let (agent, w): (Agent, Withdraw) = body_of(&state, &headers, &body).await?;
    let link = link(&state, &agent, &remote).await?;
    let change = state
        .store
        .command(
            link.handoff_id,
            actor(&agent),
            HandoffCommand::Cancel,
            w.note,
        )
        .await?;
    state.deliveries.notify_one();
    state.router.changed(link.handoff_id);
    Ok(Json(json!({"state": change.handoff.state})))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_carry_their_cause_in_the_problem_type() {
        let p = refused(&PeerRefused::BadSignature);
        assert_eq!(p.status, 401);
        assert_eq!(p.kind, "urn:baton:problem:peer-bad-signature");
        assert_eq!(refused(&PeerRefused::Replayed("m".into())).status, 409);
    }
}
