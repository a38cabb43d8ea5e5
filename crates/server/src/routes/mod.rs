//! Route handlers, one module per resource.

pub mod agents;
pub mod attachments;
pub mod connections;
pub mod conversations;
pub mod handoffs;
pub mod inbound;
pub mod peer;
pub mod system;
pub mod voice;
pub mod webhooks;

use axum::Router;
use axum::routing::{get, post};

use crate::AppState;

/// `/v1`: every route here requires authentication (the `Caller` extractor).
pub fn v1(artifact_limit: usize) -> Router<AppState> {
    Router::new()
        .route(
            "/conversations/{id}/artifacts",
            post(attachments::upload).layer(axum::extract::DefaultBodyLimit::max(artifact_limit)),
        )
        .route("/agents", post(agents::register))
        .route("/agents/me", get(agents::me))
        .route(
            "/conversations",
            post(conversations::create).get(voice::by_call_id),
        )
        .route("/conversations/import", post(conversations::import))
        .route("/conversations/{id}", get(conversations::read))
        .route(
            "/conversations/{id}/turns",
            post(conversations::append_turn).get(conversations::list_turns),
        )
        .route("/conversations/{id}/handoffs", post(handoffs::request))
        .route("/conversations/{id}/typing", post(crate::desk::api::typing))
        .route("/conversations/{id}/logs", post(attachments::log))
        .route(
            "/conversations/{id}/checkpoints",
            post(attachments::checkpoint),
        )
        .route("/handoffs/{id}/artifacts/{sha256}", get(attachments::fetch))
        .route("/handoffs", get(handoffs::list))
        .route("/handoffs/{id}", get(handoffs::read))
        .route("/handoffs/{id}/context", get(handoffs::context))
        .route("/schemas/context.json", get(handoffs::context_schema))
        .route("/handoffs/{id}/accept", post(handoffs::accept))
        .route("/handoffs/{id}/reject", post(handoffs::reject))
        .route("/handoffs/{id}/resolve", post(handoffs::resolve))
        .route("/handoffs/{id}/handback", post(handoffs::handback))
        .route("/handoffs/{id}/cancel", post(handoffs::cancel))
        .route("/webhooks", post(webhooks::subscribe).get(webhooks::list))
        .route("/webhooks/{id}", axum::routing::delete(webhooks::delete))
        .route("/webhooks/{id}/rotate", post(webhooks::rotate))
        .route("/deliveries", get(webhooks::deliveries))
        .route("/inbound-sources", post(inbound::create_source))
        .route("/handoffs/{id}/feedback", get(inbound::list))
        .route("/handoffs/{id}/offers", get(handoffs::offers))
        .route("/feedback/export", get(inbound::export))
        .route("/deliveries/{id}/retry", post(webhooks::retry))
        // Connected agents on other platforms.
        .route(
            "/connections",
            post(connections::create).get(connections::list),
        )
        .route("/connections/{name}/verify", post(connections::verify))
        .route("/connections/{name}/rotate", post(connections::rotate))
        .route("/connections/{name}/disable", post(connections::disable))
        .route("/connections/{name}/enable", post(connections::enable))
        // Voice: the bot is done briefing the person of a warm transfer.
        .route("/handoffs/{id}/briefed", post(voice::briefed))
        .fallback(system::not_found)
}
