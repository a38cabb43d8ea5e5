//! Liveness, readiness and the fallback.

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::IntoResponse;
use axum::routing::get;

use crate::AppState;
use crate::problem::Problem;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        // Authenticated by each platform's own signature, not by a bearer token.
        .route(
            "/inbound/{name}",
            axum::routing::post(super::inbound::receive),
        )
}

/// Live: the process answers.
#[utoipa::path(get, path = "/healthz", tag = "system", responses((status = 200, description = "The process is live")))]
pub async fn healthz() -> &'static str {
    "ok\n"
}

/// Ready: the database answers and the rules evaluate a turn without waiting.
#[utoipa::path(get, path = "/readyz", tag = "system", responses(
    (status = 200, description = "Ready to serve"),
    (status = 503, description = "The database does not answer, or the rules are still starting", body = Problem),
))]
pub async fn readyz(State(state): State<AppState>) -> Result<&'static str, Problem> {
    if !state.evaluator.ready() {
        return Err(Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "not-ready",
            "Not ready",
            "the rules are still building their tables".to_owned(),
        )
        .hint("retry in a moment; turns posted meanwhile are kept and evaluated"));
    }
    state
        .store
        .setting("admin_token_sha256")
        .await
        .map_err(|e| {
            Problem::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "not-ready",
                "Not ready",
                e.to_string(),
            )
        })?;
    Ok("ready\n")
}

pub async fn method_not_allowed(method: axum::http::Method, uri: Uri) -> impl IntoResponse {
    Problem::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method-not-allowed",
        "Method not allowed",
        format!("{method} is not allowed on {}", uri.path()),
    )
    .hint("/docs lists the methods each route takes")
}

pub async fn not_found(uri: Uri) -> impl IntoResponse {
    Problem::not_found(format!("no route for {}", uri.path()))
        .hint("the API is under /v1; /docs lists every route")
}

/// Prometheus text: handoffs, webhook deliveries (alert on `state="dead"`) and
/// webhooks by state. Needs the admin token (scrape with a bearer token).
#[utoipa::path(get, path = "/metrics", tag = "system", security(("bearer" = [])), responses(
    (status = 200, description = "Prometheus text exposition format", content_type = "text/plain"),
    (status = 401, body = Problem),
))]
pub async fn metrics(
    State(state): State<AppState>,
    caller: crate::auth::Caller,
) -> Result<impl IntoResponse, Problem> {
    caller.require_admin()?;
    let counts = state.store.counts().await?;
    let mut out = String::new();
    let families = [
        (
            "handoffs",
            "Handoffs by state.",
            &[
                "requested",
                "offered",
                "accepted",
                "active",
                "resolved",
                "handed_back",
                "canceled",
                "failed",
            ][..],
        ),
        (
            "offers",
            "Offers made to desk users, by how they ended; many timed_out means people are missing.",
            &["pending", "accepted", "rejected", "timed_out", "rescinded"][..],
        ),
        (
            "webhook_deliveries",
            "Webhook deliveries by state; dead ones need an operator.",
            &["pending", "delivered", "dead"][..],
        ),
        (
            "webhooks",
            "Webhook subscriptions by state; disabled ones answered 410 Gone.",
            &["active", "disabled"][..],
        ),
    ];
    for (family, help, states) in families {
        out.push_str(&format!(
            "# HELP baton_{family} {help}\n# TYPE baton_{family} gauge\n"
        ));
        for st in states {
            let n = counts
                .iter()
                .find(|(f, s, _)| *f == family && s == st)
                .map_or(0, |c| c.2);
            out.push_str(&format!("baton_{family}{{state=\"{st}\"}} {n}\n"));
        }
    }
    // The alert: handoffs that every target let pass, waiting for a person in the
    // failsafe queue. Anything above zero needs attention.
    let failsafe = counts
        .iter()
        .find(|(f, s, _)| *f == "handoffs" && s == "failed")
        .map_or(0, |c| c.2);
    out.push_str(&format!(
        "# HELP baton_failsafe_waiting Handoffs every target let pass, waiting in the failsafe queue.\n\
         # TYPE baton_failsafe_waiting gauge\nbaton_failsafe_waiting {failsafe}\n"
    ));
    out.push_str(
        "# HELP baton_queue_waiting Handoffs waiting for a receiver, by queue.\n\
         # TYPE baton_queue_waiting gauge\n",
    );
    for (_, queue, n) in counts.iter().filter(|(f, _, _)| *f == "queue_waiting") {
        out.push_str(&format!(
            "baton_queue_waiting{{queue=\"{}\"}} {n}\n",
            queue.replace(['\\', '"', '\n'], "_")
        ));
    }
    out.push_str(
        "# HELP baton_queue_oldest_wait_seconds How long the oldest waiting handoff has waited, by queue.\n\
         # TYPE baton_queue_oldest_wait_seconds gauge\n",
    );
    let now_us = baton_core::now().unix_timestamp_nanos() / 1000;
    for (_, queue, created_us) in counts
        .iter()
        .filter(|(f, _, _)| *f == "queue_oldest_created_us")
    {
        let secs = (now_us - i128::from(*created_us)).max(0) as f64 / 1e6;
        out.push_str(&format!(
            "baton_queue_oldest_wait_seconds{{queue=\"{}\"}} {secs:.3}\n",
            queue.replace(['\\', '"', '\n'], "_")
        ));
    }
    Ok((
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4",
        )],
        out,
    ))
}
