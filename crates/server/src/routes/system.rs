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
}

/// Live: the process answers.
#[utoipa::path(get, path = "/healthz", tag = "system", responses((status = 200, description = "The process is live")))]
pub async fn healthz() -> &'static str {
    "ok\n"
}

/// Ready: the database answers.
#[utoipa::path(get, path = "/readyz", tag = "system", responses(
    (status = 200, description = "Ready to serve"),
    (status = 503, description = "The database does not answer", body = Problem),
))]
pub async fn readyz(State(state): State<AppState>) -> Result<&'static str, Problem> {
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

pub async fn not_found(uri: Uri) -> impl IntoResponse {
    Problem::not_found(format!("no route for {}", uri.path()))
        .hint("the API is under /v1; /docs lists every route")
}
