//! Baton's HTTP face: the `/v1` API, health endpoints and the OpenAPI document.
//!
//! Handlers are thin: they authenticate, parse, call the [`Store`] and shape the
//! answer. Every error leaves as an RFC 9457 problem document.

pub mod a2a;
pub mod auth;
pub mod desk;
pub mod evaluate;
pub mod extract;
pub mod listen;
pub mod mcp;
pub mod openapi;
pub mod problem;
mod routes;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use baton_store::Store;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use evaluate::{Evaluation, NoRules, TurnEvaluator};
/// Packages for the Baton-to-Baton worker.
pub use routes::peer::Packages;

/// Largest request body accepted, in bytes.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Time to read a request's body and answer it.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    /// SHA-256 of the admin token.
    pub admin_token_hash: [u8; 32],
    /// Decides, on every turn, whether the conversation should be handed off.
    pub evaluator: Arc<dyn TurnEvaluator>,
    /// Seals webhook signing secrets at rest.
    pub secrets: Arc<baton_connect::secrets::SecretBox>,
    /// Whether webhook targets may be private or loopback addresses.
    pub allow_private_webhooks: bool,
    /// Wakes the delivery worker after events are written.
    pub deliveries: Arc<tokio::sync::Notify>,
    /// Redaction policies and field mappings per receiver.
    pub receivers: Arc<baton_core::Receivers>,
    /// Artifact files, content-addressed under the data directory.
    pub blobs: baton_store::blobs::BlobStore,
    /// Baton's public URL for links in packages (artifacts), e.g. `https://baton.example.com`.
    pub public_url: Option<String>,
    /// Places handoffs and tells the desk what changed.
    pub router: Arc<baton_route::Router>,
    /// What open desks hear about.
    pub feed: Arc<desk::Feed>,
    /// Failed desk sign-ins per username.
    pub sign_in_throttle: Arc<desk::SignInThrottle>,
    /// Handoff definitions (`handoffs.yaml`) that `{{ho:name}}` destinations name.
    pub handoffs: Arc<baton_voice::Handoffs>,
    /// Calls in progress (`--sip`): the carrier's Call-ID and its conversation.
    pub calls: Arc<baton_voice::runtime::CallDirectory>,
}

/// The whole HTTP application.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(routes::system::router())
        .merge(desk::router())
        .merge(routes::peer::router())
        .merge(a2a::router())
        .merge(mcp::router(&state))
        .nest("/v1", routes::v1(state.blobs.limit()))
        .merge(openapi::router())
        .fallback(routes::system::not_found)
        .method_not_allowed_fallback(routes::system::method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn_with_state(
            state.blobs.limit(),
            extract::read_body_within_limit,
        ))
        .layer(axum::middleware::from_fn(extract::refuse_oversized_head))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
        .layer(axum::middleware::map_response(
            extract::problem_for_bare_errors,
        ))
        .layer(TraceLayer::new_for_http())
        // A bug must cost one request a 500, never the connection or the process.
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                tracing::error!("a request handler panicked");
                axum::response::IntoResponse::into_response(problem::Problem::internal())
            },
        ))
        .with_state(state)
}
