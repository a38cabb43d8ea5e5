//! Webhook subscriptions and their deliveries (admin).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use baton_connect::webhook::{SigningSecret, check_url};
use baton_store::{
    Delivery, DeliveryState, EVENT_TYPES, NewWebhook, TRANSFER_EVENT_TYPES, Webhook, WebhookState,
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::auth::Caller;
use crate::extract::{ApiJson, ApiQuery, IdPath};
use crate::problem::Problem;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Subscribe {
    /// Where to POST events (http or https; public addresses only unless allowed).
    pub url: String,
    /// Event types: handoff.requested, handoff.offered, handoff.accepted, handoff.rejected,
    /// handoff.resolved, handoff.handed_back, handoff.canceled, handoff.failed; and for voice
    /// transfers handoff.transfer.started, .progress, .briefing, .failed, .fallback,
    /// .exhausted, .succeeded.
    pub events: Vec<String>,
}

/// A subscription as shown to operators; secrets are never shown again.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookView {
    pub id: Uuid,
    pub url: String,
    pub events: Vec<String>,
    /// `active`, or `disabled` (after `410 Gone`).
    #[schema(value_type = String)]
    pub state: WebhookState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled_reason: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Shown once, at creation and rotation: `whsec_…`, to verify signatures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

fn view(h: Webhook, secret: Option<String>) -> WebhookView {
    WebhookView {
        id: h.id,
        url: h.url,
        events: h.events,
        state: h.state,
        disabled_reason: h.disabled_reason,
        created_at: h.created_at,
        secret,
    }
}

/// Subscribes an endpoint to handoff events, signed per Standard Webhooks.
#[utoipa::path(post, path = "/v1/webhooks", tag = "webhooks", request_body = Subscribe, security(("bearer" = [])),
    responses(
        (status = 201, description = "Subscribed; the secret is shown once", body = WebhookView),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem),
    ))]
pub async fn subscribe(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<Subscribe>,
) -> Result<(StatusCode, Json<WebhookView>), Problem> {
    caller.require_admin()?;
    check_url(&body.url, state.allow_private_webhooks)
        .map_err(|e| Problem::unprocessable("url", e.to_string()))?;
    if body.events.is_empty() {
        return Err(
            Problem::unprocessable("events", "`events` is empty").hint(format!(
                "subscribe to one or more of: {}",
                EVENT_TYPES.join(", ")
            )),
        );
    }
    for (i, e) in body.events.iter().enumerate() {
        if !EVENT_TYPES.contains(&e.as_str()) && !TRANSFER_EVENT_TYPES.contains(&e.as_str()) {
            return Err(Problem::unprocessable(
                format!("events[{i}]"),
                format!("unknown event type `{e}`"),
            )
            .hint(format!(
                "one of: {}, {}",
                EVENT_TYPES.join(", "),
                TRANSFER_EVENT_TYPES.join(", ")
            )));
        }
    }
    let secret = SigningSecret::generate();
    let hook = state
        .store
        .create_webhook(NewWebhook {
            url: body.url,
            events: body.events,
            secret: state.secrets.seal(secret.bytes()),
        })
        .await?;
    tracing::info!(webhook = %hook.id, "webhook subscribed");
    Ok((StatusCode::CREATED, Json(view(hook, Some(secret.expose())))))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookList {
    pub webhooks: Vec<WebhookView>,
}

/// Every subscription.
#[utoipa::path(get, path = "/v1/webhooks", tag = "webhooks", security(("bearer" = [])),
    responses((status = 200, body = WebhookList), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<WebhookList>, Problem> {
    caller.require_admin()?;
    let webhooks = state
        .store
        .webhooks()
        .await?
        .into_iter()
        .map(|h| view(h, None))
        .collect();
    Ok(Json(WebhookList { webhooks }))
}

/// Unsubscribes an endpoint; its pending deliveries are dropped.
#[utoipa::path(delete, path = "/v1/webhooks/{id}", tag = "webhooks", security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<Uuid>,
) -> Result<StatusCode, Problem> {
    caller.require_admin()?;
    state.store.delete_webhook(id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Rotate {
    /// How long the previous secret keeps signing, in seconds (default 86400, at most 7 days).
    #[serde(default)]
    pub previous_valid_for_seconds: Option<u32>,
}

/// Issues a new signing secret; messages carry signatures under both until the old one expires.
#[utoipa::path(post, path = "/v1/webhooks/{id}/rotate", tag = "webhooks", security(("bearer" = [])),
    params(("id" = Uuid, Path)), request_body = Rotate,
    responses((status = 200, body = WebhookView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn rotate(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<Uuid>,
    ApiJson(body): ApiJson<Rotate>,
) -> Result<Json<WebhookView>, Problem> {
    caller.require_admin()?;
    let secs = body.previous_valid_for_seconds.unwrap_or(86_400);
    if secs > 7 * 86_400 {
        return Err(Problem::unprocessable(
            "previous_valid_for_seconds",
            "the previous secret may stay valid for at most 7 days (604800 seconds)",
        ));
    }
    let secret = SigningSecret::generate();
    let until = baton_core::now() + time::Duration::seconds(i64::from(secs));
    let hook = state
        .store
        .rotate_webhook_secret(id, state.secrets.seal(secret.bytes()), until)
        .await?;
    Ok(Json(view(hook, Some(secret.expose()))))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct DeliveryParams {
    /// `pending`, `delivered` or `dead`.
    #[param(value_type = Option<String>)]
    pub state: Option<String>,
    pub webhook: Option<Uuid>,
    /// At most this many (default 100, at most 1000), newest first.
    pub limit: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryList {
    #[schema(value_type = Vec<Object>)]
    pub deliveries: Vec<Delivery>,
}

/// Deliveries, newest first; `?state=dead` lists what was given up on.
#[utoipa::path(get, path = "/v1/deliveries", tag = "webhooks", security(("bearer" = [])), params(DeliveryParams),
    responses((status = 200, body = DeliveryList), (status = 400, body = Problem), (status = 401, body = Problem)))]
pub async fn deliveries(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(p): ApiQuery<DeliveryParams>,
) -> Result<Json<DeliveryList>, Problem> {
    caller.require_admin()?;
    let st = match p.state.as_deref() {
        None => None,
        Some(s) => Some(DeliveryState::parse(s).ok_or_else(|| {
            Problem::bad_request(format!("unknown delivery state `{s}`"))
                .field("state")
                .hint("one of: pending, delivered, dead")
        })?),
    };
    let deliveries = state
        .store
        .deliveries(st, p.webhook, p.limit.unwrap_or(100).clamp(1, 1000))
        .await?;
    Ok(Json(DeliveryList { deliveries }))
}

/// Sends a dead delivery again, now, with the same `webhook-id`.
#[utoipa::path(post, path = "/v1/deliveries/{id}/retry", tag = "webhooks", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = Object), (status = 401, body = Problem), (status = 404, body = Problem),
        (status = 409, description = "Not dead", body = Problem)))]
pub async fn retry(
    State(state): State<AppState>,
    caller: Caller,
    path: Result<axum::extract::Path<String>, axum::extract::rejection::PathRejection>,
) -> Result<Json<Delivery>, Problem> {
    let axum::extract::Path(id) = path.map_err(|e| Problem::bad_request(e.body_text()))?;
    caller.require_admin()?;
    let d = state.store.retry_delivery(&id).await?;
    state.deliveries.notify_one();
    Ok(Json(d))
}

/// The body of every webhook Baton sends (signed per Standard Webhooks: headers
/// `webhook-id`, `webhook-timestamp`, `webhook-signature`). Deduplicate on `webhook-id`.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookEvent {
    /// One of the subscribable event types, e.g. `handoff.accepted`.
    #[serde(rename = "type")]
    pub kind: String,
    /// When the change was committed (RFC 3339).
    pub timestamp: String,
    pub data: WebhookEventData,
}

/// The thin event: enough to route and decide; fetch the package at `context_path`.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookEventData {
    pub handoff_id: Uuid,
    pub conversation_id: Uuid,
    /// The handoff's state after the change.
    pub state: String,
    pub reason: String,
    pub destination: Option<String>,
    pub priority: i32,
    /// The receiver who took it, once accepted.
    pub receiver: Option<Uuid>,
    /// `GET` this with your own credentials for the redacted context package.
    pub context_path: String,
    /// `handoff.transfer.*` events only: the step (`definition`, and per step `method`,
    /// `target`, `status`, `reason`, `after`, `available` or `reasons`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub transfer: Option<serde_json::Value>,
}

/// The summaries webhook events carry, for the delivery worker.
#[async_trait::async_trait]
impl baton_connect::webhook::Summaries for super::peer::Packages {
    async fn summary(
        &self,
        handoff: baton_core::HandoffId,
        receiver: &str,
    ) -> Result<Option<String>, String> {
        let h = self
            .0
            .store
            .handoff(handoff)
            .await
            .map_err(|e| e.to_string())?;
        super::handoffs::summary_for(&self.0, &h, receiver)
            .await
            .map_err(|p| p.detail)
    }
}
