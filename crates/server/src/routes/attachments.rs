//! What an agent attaches for whoever takes over: artifacts (files, stored
//! content-addressed), log entries and checkpoints. The context package lists them.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use baton_core::context::{ArtifactRef, Checkpoint, LogEntry};
use baton_core::{ConversationId, HandoffId};
use baton_store::AttachmentKind;
use baton_store::blobs::BlobError;
use serde_json::{Map, Value};
use utoipa::IntoParams;

use crate::AppState;
use crate::auth::Caller;
use crate::extract::{ApiBytes, ApiJson, IdPath};
use crate::problem::Problem;

/// The upload's query, for the OpenAPI document; [`artifact_name`] reads it from the
/// raw query so that undecodable bytes are refused instead of replaced.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(dead_code, reason = "documents the query; read by artifact_name")]
pub struct ArtifactParams {
    /// The file's name, e.g. `screenshot.png`.
    pub name: String,
}

/// Reads `name` from the raw query: its bytes must decode to UTF-8 (never replaced
/// silently), and it must be a plain file name — no path separators, no `.` or `..`,
/// no control characters.
fn artifact_name(query: Option<&str>) -> Result<String, Problem> {
    let mut found = None;
    for pair in query.unwrap_or_default().split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "name" if found.is_none() => found = Some(value),
            "name" => {
                return Err(Problem::unprocessable("name", "`name` is given twice"));
            }
            "" => {}
            other => {
                return Err(Problem::bad_request(format!(
                    "unknown query parameter `{}`",
                    other.chars().take(64).collect::<String>()
                ))
                .hint("the only parameter is `name`, the file's name"));
            }
        }
    }
    let raw = found.ok_or_else(|| {
        Problem::unprocessable("name", "`name` is required, e.g. `?name=screenshot.png`")
    })?;
    let spaced = raw.replace('+', " ");
    let name = percent_encoding::percent_decode_str(&spaced)
        .decode_utf8()
        .map_err(|_| {
            Problem::unprocessable("name", "`name` is not valid UTF-8 once percent-decoded")
                .hint("percent-encode the file name's UTF-8 bytes")
        })?;
    let name = name.trim();
    if name.is_empty() || name.len() > 255 {
        return Err(Problem::unprocessable(
            "name",
            "`name` must be 1 to 255 bytes",
        ));
    }
    if name == "."
        || name == ".."
        || name.contains(['/', '\\'])
        || name.chars().any(char::is_control)
    {
        return Err(Problem::unprocessable(
            "name",
            "`name` must be a plain file name: no `/` or `\\`, not `.` or `..`, no control characters (NUL included)",
        ));
    }
    Ok(name.to_owned())
}

fn blob_problem(e: BlobError) -> Problem {
    match e {
        BlobError::TooLarge { .. } => Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "artifact-too-large",
            "Artifact too large",
            e.to_string(),
        )
        .hint("store large files elsewhere and attach a link in a checkpoint, or raise BATON_ARTIFACT_MAX_BYTES"),
        BlobError::BadDigest(_) => Problem::bad_request(e.to_string()).field("sha256"),
        BlobError::Missing(_) => Problem::not_found(e.to_string()),
        BlobError::Io(_) => {
            tracing::error!(error = %e, "artifact storage failed");
            Problem::internal()
        }
    }
}

/// Uploads a file as an artifact of the conversation (the raw body; its
/// `Content-Type` is kept). Optional `Baton-Artifact-Metadata: {json}`.
#[utoipa::path(post, path = "/v1/conversations/{id}/artifacts", tag = "conversations",
    security(("bearer" = [])), params(("id" = ConversationId, Path), ArtifactParams),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = Object), (status = 401, body = Problem), (status = 404, body = Problem),
        (status = 413, body = Problem), (status = 422, body = Problem)))]
pub async fn upload(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<ConversationId>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    ApiBytes(body): ApiBytes,
) -> Result<(StatusCode, Json<ArtifactRef>), Problem> {
    let name = artifact_name(query.as_deref())?;
    let name = name.as_str();
    let media_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/octet-stream")
        .to_owned();
    let metadata: Map<String, Value> = match headers.get("baton-artifact-metadata") {
        None => Map::new(),
        Some(v) => serde_json::from_slice(v.as_bytes()).map_err(|e| {
            Problem::unprocessable("Baton-Artifact-Metadata", format!("not a JSON object: {e}"))
        })?,
    };
    // Refuse before touching the disk unless the caller may attach here (the same
    // rule `attach` applies in the store).
    let conv = state.store.conversation(id).await?;
    if !conv.may_attach(caller.actor()) {
        return Err(Problem::not_found(format!(
            "conversation {id} does not exist"
        )));
    }
    let blobs = state.blobs.clone();
    let bytes = body.clone();
    let sha256 = tokio::task::spawn_blocking(move || blobs.put(&bytes))
        .await
        .map_err(|_| Problem::internal())?
        .map_err(blob_problem)?;
    let artifact = ArtifactRef {
        name: name.to_owned(),
        media_type,
        size: body.len() as u64,
        sha256: sha256.clone(),
        url: None,
        metadata,
    };
    let json = serde_json::to_value(&artifact).map_err(|_| Problem::internal())?;
    state
        .store
        .attach(
            id,
            caller.actor(),
            AttachmentKind::Artifact,
            Some(sha256),
            json,
        )
        .await?;
    Ok((StatusCode::CREATED, Json(artifact)))
}

/// Adds a log entry the receiver will see in the package.
#[utoipa::path(post, path = "/v1/conversations/{id}/logs", tag = "conversations", security(("bearer" = [])),
    params(("id" = ConversationId, Path)), request_body = Object,
    responses((status = 201), (status = 401, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn log(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<ConversationId>,
    ApiJson(entry): ApiJson<LogEntry>,
) -> Result<StatusCode, Problem> {
    if entry.message.len() > 16 * 1024 {
        return Err(Problem::unprocessable(
            "message",
            "`message` is longer than 16 KiB",
        ));
    }
    let json = serde_json::to_value(&entry).map_err(|_| Problem::internal())?;
    state
        .store
        .attach(id, caller.actor(), AttachmentKind::Log, None, json)
        .await?;
    Ok(StatusCode::CREATED)
}

/// Records the agent's state after a step, so whoever takes over can resume.
#[utoipa::path(post, path = "/v1/conversations/{id}/checkpoints", tag = "conversations", security(("bearer" = [])),
    params(("id" = ConversationId, Path)), request_body = Object,
    responses((status = 201), (status = 401, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn checkpoint(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<ConversationId>,
    ApiJson(cp): ApiJson<Checkpoint>,
) -> Result<StatusCode, Problem> {
    if cp.name.trim().is_empty() {
        return Err(Problem::unprocessable("name", "`name` is required"));
    }
    if serde_json::to_vec(&cp.data)
        .map(|v| v.len())
        .unwrap_or(usize::MAX)
        > 64 * 1024
    {
        return Err(
            Problem::unprocessable("data", "a checkpoint's `data` is limited to 64 KiB")
                .hint("store large state as an artifact and reference its sha256 here"),
        );
    }
    let json = serde_json::to_value(&cp).map_err(|_| Problem::internal())?;
    state
        .store
        .attach(id, caller.actor(), AttachmentKind::Checkpoint, None, json)
        .await?;
    Ok(StatusCode::CREATED)
}

/// Fetches an artifact of a handoff's conversation, for a caller who may see the handoff.
#[utoipa::path(get, path = "/v1/handoffs/{id}/artifacts/{sha256}", tag = "handoffs", security(("bearer" = [])),
    params(("id" = HandoffId, Path), ("sha256" = String, Path)),
    responses((status = 200, description = "The bytes, with their media type"), (status = 401, body = Problem),
        (status = 404, body = Problem)))]
pub async fn fetch(
    State(state): State<AppState>,
    caller: Caller,
    path: Result<Path<(String, String)>, axum::extract::rejection::PathRejection>,
) -> Result<impl IntoResponse, Problem> {
    let Path((id, sha256)) = path.map_err(|e| Problem::bad_request(e.body_text()))?;
    let id: HandoffId = id
        .parse()
        .map_err(|_| Problem::bad_request("not a valid handoff id").field("id"))?;
    let h = super::handoffs::visible_handoff(&state, caller.actor(), id).await?;
    if !state.store.has_artifact(h.conversation_id, &sha256).await? {
        return Err(Problem::not_found(format!(
            "handoff {id} has no artifact {sha256}"
        )));
    }
    let refs = state
        .store
        .attachments(h.conversation_id, AttachmentKind::Artifact)
        .await?;
    let media_type = refs
        .iter()
        .find(|r| r["sha256"] == sha256.as_str())
        .and_then(|r| r["media_type"].as_str())
        .unwrap_or("application/octet-stream")
        .to_owned();
    let blobs = state.blobs.clone();
    let digest = sha256.clone();
    let bytes = tokio::task::spawn_blocking(move || blobs.get(&digest))
        .await
        .map_err(|_| Problem::internal())?
        .map_err(blob_problem)?;
    state
        .store
        .record_access(
            caller.actor(),
            "artifact.fetched",
            &format!("handoff:{id}"),
            serde_json::json!({"sha256": sha256}),
        )
        .await?;
    // Served as a download, never rendered: the media type is the uploader's word.
    Ok((
        [
            (header::CONTENT_TYPE, media_type),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
            (header::CONTENT_DISPOSITION, "attachment".to_owned()),
        ],
        bytes,
    ))
}
