//! Agents: registration (admin) and self-description.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use baton_core::{Agent, AgentId, AgentKind};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::{Caller, new_agent_secret, sha256};
use crate::extract::ApiJson;
use crate::problem::Problem;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterAgent {
    /// A name people recognise, 1–200 characters.
    pub name: String,
    /// `ai` for an AI agent; `human` for a receiver; `external`, `phone` for connectors.
    pub kind: AgentKind,
    /// For a receiver: the queues it takes work from (default: the queues of the
    /// routing file's default route). Ignored for `ai`.
    #[serde(default)]
    pub queues: Option<Vec<String>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RegisteredAgent {
    pub id: AgentId,
    pub name: String,
    pub kind: AgentKind,
    /// Shown once: store it now. Send it as `Authorization: Bearer <secret>`.
    pub secret: String,
}

/// Registers an agent and returns its secret, once.
#[utoipa::path(post, path = "/v1/agents", tag = "agents", request_body = RegisterAgent,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Registered; the secret is not shown again", body = RegisteredAgent),
        (status = 401, body = Problem), (status = 403, description = "Needs the admin token", body = Problem),
        (status = 422, body = Problem),
    ))]
pub async fn register(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<RegisterAgent>,
) -> Result<(StatusCode, Json<RegisteredAgent>), Problem> {
    caller.require_admin()?;
    let name = body.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(
            Problem::unprocessable("name", "`name` must be 1 to 200 characters")
                .hint("give the agent a name people recognise, e.g. \"support-bot\""),
        );
    }
    let agent = Agent {
        id: AgentId::new(),
        name: name.to_owned(),
        kind: body.kind,
        created_at: baton_core::now(),
    };
    let queues = match body.queues {
        Some(qs) => {
            for (i, q) in qs.iter().enumerate() {
                if state.router.routing().queue(q).is_none() {
                    return Err(Problem::unprocessable(
                        format!("queues[{i}]"),
                        format!("queue `{q}` is not defined in the routing file"),
                    )
                    .hint("use a queue listed under `queues:` in the routing file"));
                }
            }
            qs
        }
        None => state.router.routing().default_queues(),
    };
    let secret = new_agent_secret(agent.id);
    // An AI agent takes no work from queues.
    let queues = if agent.kind == AgentKind::Ai {
        Vec::new()
    } else {
        queues
    };
    state
        .store
        .create_agent(&agent, sha256(&secret), queues)
        .await?;
    tracing::info!(agent = %agent.id, kind = agent.kind.as_str(), "agent registered");
    Ok((
        StatusCode::CREATED,
        Json(RegisteredAgent {
            id: agent.id,
            name: agent.name,
            kind: agent.kind,
            secret,
        }),
    ))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    /// `admin` or `agent`.
    pub role: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent: Option<Agent>,
}

/// Who the presented credentials belong to.
#[utoipa::path(get, path = "/v1/agents/me", tag = "agents", security(("bearer" = [])),
    responses((status = 200, body = Me), (status = 401, body = Problem)))]
pub async fn me(caller: Caller) -> Json<Me> {
    Json(match caller {
        Caller::Admin => Me {
            role: "admin",
            agent: None,
        },
        Caller::Agent(a) => Me {
            role: "agent",
            agent: Some(a),
        },
    })
}
