//! Baton as an MCP server: `/mcp`, streamable HTTP (rmcp), stateless, with the
//! `Host` and `Origin` checks on. Every request carries an AI agent's secret as
//! `Authorization: Bearer …`; refusals and every tool call are audited.
//!
//! The tools call the same code as the `/v1` routes, so rules, ownership and
//! visibility are the API's. `BATON_MCP_TOOLS` (a comma-separated list of tool names)
//! switches tools on per deployment; unset, all four are on.

mod tools;

use std::sync::Arc;

use axum::extract::{FromRequestParts as _, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use baton_core::{Actor, AgentKind};
use rmcp::transport::streamable_http_server::StreamableHttpServerConfig;
use rmcp::transport::streamable_http_server::session::never::NeverSessionManager;
use rmcp::transport::streamable_http_server::tower::StreamableHttpService;

use crate::AppState;
use crate::auth::Caller;
use crate::problem::Problem;

pub use tools::{TOOL_NAMES, Tools};

/// The MCP endpoint's path.
pub const ENDPOINT: &str = "/mcp";
/// The environment variable that names the tools a deployment offers.
pub const TOOLS_ENV: &str = "BATON_MCP_TOOLS";

/// Which tools are on: `BATON_MCP_TOOLS` (comma-separated), or all of them.
/// An unknown name is an error, so a typo does not silently switch a tool off.
pub fn enabled_tools(setting: Option<&str>) -> Result<Vec<&'static str>, String> {
    let Some(list) = setting.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(TOOL_NAMES.to_vec());
    };
    let mut on = Vec::new();
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match TOOL_NAMES.iter().find(|t| **t == name) {
            Some(t) => on.push(*t),
            None => {
                return Err(format!(
                    "{TOOLS_ENV}: unknown tool `{name}`; the tools are {}",
                    TOOL_NAMES.join(", ")
                ));
            }
        }
    }
    Ok(on)
}

/// The hosts the MCP endpoint answers to: loopback, and the public URL's host.
fn allowed_hosts(public_url: Option<&str>) -> Vec<String> {
    let mut hosts = vec![
        "localhost".to_owned(),
        "127.0.0.1".to_owned(),
        "::1".to_owned(),
    ];
    if let Some(host) = public_url
        .and_then(|u| u.split_once("://"))
        .map(|(_, rest)| rest.split(['/', '?']).next().unwrap_or(rest))
    {
        hosts.push(host.to_owned());
    }
    hosts
}

/// The MCP endpoint (streamable HTTP, stateless): JSON-RPC `initialize`, `tools/list`,
/// `tools/call` from an AI agent. Documentation only; rmcp serves the route.
#[utoipa::path(post, path = "/mcp", tag = "agents", security(("bearer" = [])),
    responses(
        (status = 200, description = "A JSON-RPC response (`Accept: application/json, text/event-stream`)"),
        (status = 401, body = Problem), (status = 403, body = Problem),
    ))]
#[allow(dead_code)]
pub(crate) fn endpoint_doc() {}

/// `/mcp`, authenticated; tools as `BATON_MCP_TOOLS` says.
pub fn router(state: &AppState) -> axum::Router<AppState> {
    let setting = std::env::var(TOOLS_ENV).ok();
    let enabled = match enabled_tools(setting.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            // The binary checks the setting at start-up; a library caller gets no tools.
            tracing::error!(error = %e, "MCP tools switched off");
            Vec::new()
        }
    };
    let mut config = StreamableHttpServerConfig::default()
        .with_legacy_session_mode(false)
        .with_json_response(true)
        .with_allowed_hosts(allowed_hosts(state.public_url.as_deref()))
        .with_max_request_body_bytes(crate::MAX_BODY_BYTES);
    if let Some(origin) = &state.public_url {
        config = config.with_allowed_origins([origin.clone()]);
    } else {
        config = config.enforce_origin_validation();
    }
    let for_tools = state.clone();
    let enabled: Arc<[&'static str]> = enabled.into();
    let service = StreamableHttpService::new(
        move || Ok(Tools::new(for_tools.clone(), &enabled)),
        Arc::new(NeverSessionManager::default()),
        config,
    );
    axum::Router::new()
        .route_service(ENDPOINT, service)
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            authenticate,
        ))
}

/// Lets through AI agents with a valid secret (the [`Caller`] rides in the request's
/// extensions to the tools); refuses everyone else, audited, before MCP sees the request.
async fn authenticate(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let refused = match Caller::from_request_parts(&mut parts, &state).await {
        Ok(Caller::Agent(a)) if a.kind == AgentKind::Ai => {
            parts.extensions.insert(Caller::Agent(a));
            return next.run(Request::from_parts(parts, body)).await;
        }
        Ok(Caller::Agent(a)) => (
            Actor::Agent {
                id: a.id,
                kind: a.kind,
            },
            Problem::forbidden(format!(
                "agent {} is a {} agent; MCP tools are for AI agents",
                a.id,
                a.kind.as_str()
            )),
        ),
        Ok(Caller::Admin) => (
            Actor::Admin,
            Problem::forbidden("MCP tools act for an AI agent, not the admin token")
                .hint("send an AI agent's secret (POST /v1/agents with kind `ai`)"),
        ),
        Err(p) => (Actor::System, p),
    };
    refuse(&state, refused.0, refused.1, &parts.headers).await
}

/// A refusal before any method runs, audited; the answer is a problem document.
async fn refuse(state: &AppState, actor: Actor, p: Problem, headers: &HeaderMap) -> Response {
    crate::auth::refuse_audited(state, actor, p, headers, "mcp.refused", ENDPOINT).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tools_are_switched_on_by_name_and_a_typo_is_an_error() {
        assert_eq!(enabled_tools(None).unwrap(), TOOL_NAMES.to_vec());
        assert_eq!(enabled_tools(Some(" ")).unwrap(), TOOL_NAMES.to_vec());
        assert_eq!(
            enabled_tools(Some("should_handoff, request_handoff")).unwrap(),
            vec!["should_handoff", "request_handoff"]
        );
        let e = enabled_tools(Some("request_handof")).unwrap_err();
        assert!(e.contains("unknown tool `request_handof`"), "{e}");
    }

    #[test]
    fn the_public_host_is_allowed_next_to_loopback() {
        let hosts = allowed_hosts(Some("https://baton.example.com:8443/base"));
        assert!(
            hosts.contains(&"baton.example.com:8443".to_owned()),
            "{hosts:?}"
        );
        assert!(hosts.contains(&"127.0.0.1".to_owned()));
    }
}
