//! Inbound webhooks: a CRM or helpdesk posts receiver feedback back to Baton,
//! signed with its own scheme. The signature is the authentication.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use baton_connect::webhook::SigningSecret;
use baton_connect::webhook::inbound::{verify_hex_sha256, verify_standard};
use baton_core::HandoffId;
use baton_store::InboundSource;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::auth::Caller;
use crate::extract::{ApiBytes, ApiJson, ApiQuery, IdPath, parse_json};
use crate::problem::Problem;

const STANDARD: &str = "standard-webhooks";
const HEX: &str = "hmac-sha256-hex";

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSource {
    /// Lowercase letters, digits, `-` and `_`; it names the URL: `/inbound/{name}`.
    pub name: String,
    /// `standard-webhooks` (webhook-id/-timestamp/-signature) or `hmac-sha256-hex`
    /// (`X-…-Signature: sha256=<hex HMAC of the body>`).
    pub scheme: String,
    /// For `hmac-sha256-hex`: the signature header (default `X-Hub-Signature-256`).
    #[serde(default)]
    pub header: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SourceCreated {
    pub name: String,
    pub scheme: String,
    /// Where the platform posts.
    pub path: String,
    /// Shown once: configure the platform with it.
    pub secret: String,
}

/// Registers a platform allowed to post feedback (admin); returns its signing secret once.
#[utoipa::path(post, path = "/v1/inbound-sources", tag = "webhooks", request_body = NewSource,
    security(("bearer" = [])),
    responses((status = 201, body = SourceCreated), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
pub async fn create_source(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewSource>,
) -> Result<(StatusCode, Json<SourceCreated>), Problem> {
    caller.require_admin()?;
    let valid = !body.name.is_empty()
        && body.name.len() <= 64
        && body
            .name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if !valid {
        return Err(Problem::unprocessable(
            "name",
            "`name` must be 1–64 of a-z, 0-9, `-`, `_`",
        ));
    }
    if body.scheme != STANDARD && body.scheme != HEX {
        return Err(
            Problem::unprocessable("scheme", format!("unknown scheme `{}`", body.scheme))
                .hint(format!("one of: {STANDARD}, {HEX}")),
        );
    }
    let key = SigningSecret::generate();
    let shown = if body.scheme == STANDARD {
        key.expose()
    } else {
        key.bytes().iter().map(|b| format!("{b:02x}")).collect()
    };
    let header = (body.scheme == HEX).then(|| {
        body.header
            .clone()
            .unwrap_or_else(|| "X-Hub-Signature-256".to_owned())
    });
    state
        .store
        .put_inbound_source(InboundSource {
            name: body.name.clone(),
            scheme: body.scheme.clone(),
            header,
            // The hex scheme signs with the secret's text, as such platforms do.
            secret: state.secrets.seal(if body.scheme == STANDARD {
                key.bytes()
            } else {
                shown.as_bytes()
            }),
        })
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(SourceCreated {
            path: format!("/inbound/{}", body.name),
            name: body.name,
            scheme: body.scheme,
            secret: shown,
        }),
    ))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Received {
    /// `false` when this message id was already received from this platform.
    pub stored: bool,
}

/// Receives feedback about a handoff from a registered platform. The body is JSON
/// with `handoff_id` and whatever the platform reports (verdict, resolution, notes).
#[utoipa::path(post, path = "/inbound/{name}", tag = "webhooks", params(("name" = String, Path)),
    request_body = Object,
    responses((status = 202, body = Received), (status = 401, description = "Signature missing or wrong", body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn receive(
    State(state): State<AppState>,
    Path(name): Path<String>,
    headers: HeaderMap,
    ApiBytes(body): ApiBytes,
) -> Result<(StatusCode, Json<Received>), Problem> {
    let source = state
        .store
        .inbound_source(&name)
        .await?
        .ok_or_else(|| Problem::not_found(format!("no inbound source `{name}`")))?;
    let secret = state
        .secrets
        .open(&source.secret)
        .map_err(|_| Problem::internal())?;
    let h = |k: &str| headers.get(k).and_then(|v| v.to_str().ok());
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let (verified, message_id) = if source.scheme == STANDARD {
        let s = SigningSecret::from_bytes(secret);
        (
            verify_standard(
                &[s],
                h("webhook-id"),
                h("webhook-timestamp"),
                h("webhook-signature"),
                &body,
                now,
            ),
            h("webhook-id").map(str::to_owned),
        )
    } else {
        let header = source
            .header
            .as_deref()
            .unwrap_or("X-Hub-Signature-256")
            .to_ascii_lowercase();
        // This scheme signs only the body: a delivery id in another header is not
        // signed, and there is no timestamp. The body's own digest is the message id,
        // remembered in the store, so a captured message replayed later (also after a
        // restart) is recognised and changes nothing.
        (
            verify_hex_sha256(&secret, h(&header), &body),
            Some(body_digest(&body)),
        )
    };
    verified.map_err(|e| {
        Problem::new(
            StatusCode::UNAUTHORIZED,
            "bad-signature",
            "Signature check failed",
            e.to_string(),
        )
        .hint(format!(
            "sign with the secret given when `{name}` was registered ({})",
            source.scheme
        ))
    })?;
    let payload: Value = parse_json(&body)?;
    let handoff: HandoffId = payload
        .get("handoff_id")
        .and_then(Value::as_str)
        .ok_or_else(|| Problem::unprocessable("handoff_id", "`handoff_id` is required"))?
        .parse()
        .map_err(|_| Problem::unprocessable("handoff_id", "`handoff_id` is not a valid id"))?;
    let stored = state
        .store
        .add_feedback(handoff, &name, message_id, payload)
        .await?;
    Ok((StatusCode::ACCEPTED, Json(Received { stored })))
}

/// `sha256:<hex>` of a body: the message id of a scheme that signs only the body.
fn body_digest(body: &[u8]) -> String {
    use sha2::Digest as _;
    use std::fmt::Write as _;
    let digest = sha2::Sha256::digest(body);
    let mut out = String::from("sha256:");
    for b in digest {
        let _ = write!(out, "{b:02x}");
    }
    out
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeedbackList {
    #[schema(value_type = Vec<Object>)]
    pub feedback: Vec<Value>,
}

/// Feedback received about a handoff.
#[utoipa::path(get, path = "/v1/handoffs/{id}/feedback", tag = "handoffs", security(("bearer" = [])),
    params(("id" = HandoffId, Path)),
    responses((status = 200, body = FeedbackList), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<HandoffId>,
) -> Result<Json<FeedbackList>, Problem> {
    super::handoffs::visible_handoff(&state, caller.actor(), id).await?;
    Ok(Json(FeedbackList {
        feedback: state.store.feedback(id).await?,
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ExportQuery {
    /// Only feedback received at or after this time (RFC 3339).
    #[serde(default, with = "baton_core::clock::rfc3339_opt")]
    #[param(value_type = Option<String>)]
    pub since: Option<time::OffsetDateTime>,
}

/// Every feedback entry (desk verdicts, resolution codes, edits, platform feedback)
/// with its handoff's reason, rule, queue and timings, as JSON Lines: one object per
/// line, oldest first, for tuning rules and routing (admin).
#[utoipa::path(get, path = "/v1/feedback/export", tag = "handoffs", security(("bearer" = [])),
    params(ExportQuery),
    responses((status = 200, description = "JSON Lines", content_type = "application/x-ndjson", body = String),
        (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<ExportQuery>,
) -> Result<impl axum::response::IntoResponse, Problem> {
    caller.require_admin()?;
    let rows = state.store.feedback_export(q.since).await?;
    let mut body = String::new();
    for r in &rows {
        body.push_str(&r.to_string());
        body.push('\n');
    }
    state
        .store
        .record_access(
            caller.actor(),
            "feedback.exported",
            "feedback",
            serde_json::json!({"entries": rows.len()}),
        )
        .await?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/x-ndjson")],
        body,
    ))
}
