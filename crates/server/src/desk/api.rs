//! What a desk user does with a handoff: open it, confirm reading, accept or reject,
//! reply, correct, resolve, hand back, and say whether the handoff was right.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use baton_core::{ConversationId, HandoffCommand, HandoffId, NewTurn, Role};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use utoipa::ToSchema;

use super::card::Card;
use super::feed::{shared, snapshot};
use super::session::DeskCaller;
use crate::AppState;
use crate::auth::Caller;
use crate::extract::{ApiJson, ApiQuery, IdPath};
use crate::problem::Problem;
use crate::routes::conversations::visible_conversation;
use crate::routes::handoffs::{redacted_context, visible_handoff};

const MAX_TEXT: usize = 10_000;

/// The desk user's live list: what they hold, and what waits in their queues or is offered to them.
#[utoipa::path(get, path = "/desk/api/handoffs", tag = "desk", security(("desk_session" = [])),
    responses((status = 200, description = "`{\"items\": [Card]}`", body = Object), (status = 401, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    caller: DeskCaller,
) -> Result<Json<Value>, Problem> {
    Ok(Json(json!({"items": snapshot(&state, &caller).await?})))
}

async fn card(state: &AppState, caller: &DeskCaller, id: HandoffId) -> Result<Card, Problem> {
    Ok(
        shared(state.store.as_ref(), &state.router, &state.receivers, id)
            .await?
            .card_for(caller.agent),
    )
}

/// Everything the receiver needs before saying a word: the card, the context package
/// redacted for the desk, and whether they have confirmed reading it.
/// One handoff: its card, its context package redacted for the desk (audited), and whether the user confirmed reading it.
#[utoipa::path(get, path = "/desk/api/handoffs/{id}", tag = "desk", security(("desk_session" = [])), params(("id" = HandoffId, Path)),
    responses((status = 200, description = "`{\"card\", \"context\", \"read_confirmed\"}`", body = Object), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn open(
    State(state): State<AppState>,
    caller: DeskCaller,
    IdPath(id): IdPath<HandoffId>,
) -> Result<Json<Value>, Problem> {
    let h = visible_handoff(&state, caller.actor(), id).await?;
    let detail = json!({"receiver": "desk", "user": caller.username});
    let context = redacted_context(&state, caller.actor(), &h, "desk", detail).await?;
    let read = state.store.read_confirmed(id, caller.agent).await?;
    Ok(Json(json!({
        "card": card(&state, &caller, id).await?,
        "context": context,
        "read_confirmed": read,
    })))
}

/// Records that the user has read the context (audited); accepting needs it.
#[utoipa::path(post, path = "/desk/api/handoffs/{id}/read", tag = "desk", security(("desk_session" = [])), params(("id" = HandoffId, Path)),
    responses((status = 200, body = Object), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn confirm_read(
    State(state): State<AppState>,
    caller: DeskCaller,
    IdPath(id): IdPath<HandoffId>,
) -> Result<Json<Value>, Problem> {
    state.store.confirm_read(id, caller.agent).await?;
    Ok(Json(json!({"read_confirmed": true})))
}

async fn command(
    state: &AppState,
    caller: &DeskCaller,
    id: HandoffId,
    command: HandoffCommand,
    note: Option<String>,
) -> Result<Card, Problem> {
    let change = state
        .store
        .command(id, caller.actor(), command, note)
        .await?;
    state.feed.note_holder(&change.handoff);
    tracing::info!(handoff = %id, user = %caller.username, command = command.as_str(),
        state = change.handoff.state.as_str(), "desk command");
    state.deliveries.notify_one();
    state.router.changed(id);
    card(state, caller, id).await
}

/// Takes the handoff; 409 when someone else took it or reading is not confirmed.
#[utoipa::path(post, path = "/desk/api/handoffs/{id}/accept", tag = "desk", security(("desk_session" = [])), params(("id" = HandoffId, Path)),
    responses((status = 200, body = Card), (status = 409, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn accept(
    State(state): State<AppState>,
    caller: DeskCaller,
    IdPath(id): IdPath<HandoffId>,
) -> Result<Json<Card>, Problem> {
    // Whoever confirmed reading was in line for it: let the store say who won (a
    // loser of a race learns it was taken, 409), rather than "does not exist".
    if !state.store.read_confirmed(id, caller.agent).await? {
        visible_handoff(&state, caller.actor(), id).await?;
        return Err(Problem::conflict(
            "read-first",
            "confirm that you have read the context before accepting",
        )
        .hint("POST /desk/api/handoffs/{id}/read first"));
    }
    Ok(Json(
        command(&state, &caller, id, HandoffCommand::Accept, None).await?,
    ))
}

fn text_field(
    field: &str,
    value: Option<String>,
    required: bool,
) -> Result<Option<String>, Problem> {
    match value.map(|v| v.trim().to_owned()) {
        Some(v) if v.chars().count() > MAX_TEXT => Err(Problem::unprocessable(
            field,
            format!("`{field}` is longer than {MAX_TEXT} characters"),
        )),
        Some(v) if !v.is_empty() => Ok(Some(v)),
        _ if required => Err(Problem::unprocessable(
            field,
            format!("`{field}` is required"),
        )),
        _ => Ok(None),
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Reject {
    #[serde(default)]
    pub reason: Option<String>,
}

/// Declines it with a reason; the router offers it to the next receiver.
#[utoipa::path(post, path = "/desk/api/handoffs/{id}/reject", tag = "desk", security(("desk_session" = [])), params(("id" = HandoffId, Path)), request_body = Reject,
    responses((status = 204), (status = 422, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn reject(
    State(state): State<AppState>,
    caller: DeskCaller,
    IdPath(id): IdPath<HandoffId>,
    ApiJson(body): ApiJson<Reject>,
) -> Result<StatusCode, Problem> {
    let reason = text_field("reason", body.reason, true)?;
    command(&state, &caller, id, HandoffCommand::Reject, reason).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    pub text: String,
}

/// Says something in the conversation, as its owner.
#[utoipa::path(post, path = "/desk/api/handoffs/{id}/reply", tag = "desk", security(("desk_session" = [])), params(("id" = HandoffId, Path)), request_body = Reply,
    responses((status = 201, body = Object), (status = 409, body = Problem), (status = 422, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn reply(
    State(state): State<AppState>,
    caller: DeskCaller,
    IdPath(id): IdPath<HandoffId>,
    ApiJson(body): ApiJson<Reply>,
) -> Result<(StatusCode, Json<Value>), Problem> {
    let text = text_field("text", Some(body.text), true)?.unwrap_or_default();
    let h = visible_handoff(&state, caller.actor(), id).await?;
    if !(h.receiver == Some(caller.agent) && h.state.is_held()) {
        return Err(Problem::conflict(
            "not-holding",
            "accept the handoff before replying in its conversation",
        ));
    }
    let appended = state
        .store
        .append_turn(
            h.conversation_id,
            caller.actor(),
            NewTurn {
                at: None,
                role: Some(Role::Human),
                text,
                confidence: None,
                intent: None,
                event: None,
                data: Map::new(),
                internal: None,
            },
            None,
        )
        .await?;
    state.router.changed(id);
    super::feed::announce_turn(&state, id, &appended.turn);
    let t = appended.turn;
    Ok((
        StatusCode::CREATED,
        Json(json!({"seq": t.seq, "at": rfc3339(t.at), "role": t.role, "text": t.text})),
    ))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct After {
    /// Only turns after this sequence number: the last one the page saw.
    #[serde(default)]
    pub after: i64,
}

/// The turns after the last one the page saw, redacted for the desk (audited): the
/// page resumes with them after a reconnect.
#[utoipa::path(get, path = "/desk/api/handoffs/{id}/turns", tag = "desk", security(("desk_session" = [])),
    params(("id" = HandoffId, Path), After),
    responses((status = 200, description = "`{\"turns\": [HistoryEntry], \"last_seq\"}`", body = Object), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn turns(
    State(state): State<AppState>,
    caller: DeskCaller,
    IdPath(id): IdPath<HandoffId>,
    ApiQuery(q): ApiQuery<After>,
) -> Result<Json<Value>, Problem> {
    let h = visible_handoff(&state, caller.actor(), id).await?;
    let turns = state
        .store
        .turns(h.conversation_id, q.after.max(0), 10_000)
        .await?;
    let last_seq = turns.last().map_or(q.after, |t| t.seq);
    let fetched = !turns.is_empty();
    // Scoring and redacting up to thousands of turns is CPU work: off the async
    // workers, as for the context package.
    let worker = state.clone();
    let entries = tokio::task::spawn_blocking(move || {
        let scores: Vec<Option<f64>> = turns
            .iter()
            .map(|t| {
                (t.role == Role::Customer)
                    .then(|| worker.evaluator.sentiment(&t.text))
                    .flatten()
            })
            .collect();
        super::feed::desk_entries(&worker, &turns, |i| scores[i])
    })
    .await
    .map_err(|_| Problem::internal())?;
    if fetched {
        state
            .store
            .record_access(
                caller.actor(),
                "turns.fetched",
                &format!("handoff:{id}"),
                json!({"receiver": "desk", "user": caller.username, "after": q.after}),
            )
            .await?;
    }
    Ok(Json(json!({"turns": entries, "last_seq": last_seq})))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Typing {
    /// `false` when the customer stopped typing.
    #[serde(default = "yes")]
    pub typing: bool,
}

fn yes() -> bool {
    true
}

/// Relays that the customer is typing to the desk holding (or offered) the
/// conversation's handoff; nothing is stored. 202 even when no desk listens.
#[utoipa::path(post, path = "/v1/conversations/{id}/typing", tag = "conversations", security(("bearer" = [])),
    params(("id" = ConversationId, Path)), request_body = Typing,
    responses((status = 202, description = "`{\"relayed\": bool}`: whether a handoff is open to relay it to", body = Object), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn typing(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<ConversationId>,
    ApiJson(body): ApiJson<Typing>,
) -> Result<(StatusCode, Json<Value>), Problem> {
    let conv = visible_conversation(&state, &caller, id).await?;
    if let Some(h) = conv.open_handoff {
        super::feed::announce_typing(&state, h, body.typing);
    }
    Ok((
        StatusCode::ACCEPTED,
        Json(json!({"relayed": conv.open_handoff.is_some()})),
    ))
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Edit {
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub data: Option<Map<String, Value>>,
}

/// Corrects the summary or the collected data (audited, kept as feedback).
#[utoipa::path(post, path = "/desk/api/handoffs/{id}/edit", tag = "desk", security(("desk_session" = [])), params(("id" = HandoffId, Path)), request_body = Edit,
    responses((status = 204), (status = 422, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn edit(
    State(state): State<AppState>,
    caller: DeskCaller,
    IdPath(id): IdPath<HandoffId>,
    ApiJson(body): ApiJson<Edit>,
) -> Result<StatusCode, Problem> {
    let summary = text_field("summary", body.summary, false)?;
    if summary.is_none() && body.data.as_ref().is_none_or(Map::is_empty) {
        return Err(Problem::unprocessable(
            "summary",
            "nothing to change: send `summary`, `data` or both",
        ));
    }
    if let Some(d) = &body.data
        && let Some(k) = d.keys().find(|k| k.is_empty() || k.len() > 100)
    {
        return Err(Problem::unprocessable(
            format!("data.{k}"),
            "field names are 1 to 100 characters",
        ));
    }
    state
        .store
        .edit_handoff(id, caller.actor(), summary, body.data)
        .await?;
    state.router.changed(id);
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Resolve {
    #[serde(default)]
    pub note: Option<String>,
    /// A resolution code for reporting, e.g. `refund_issued`.
    #[serde(default)]
    pub code: Option<String>,
}

/// Closes the conversation, with an optional note and resolution code.
#[utoipa::path(post, path = "/desk/api/handoffs/{id}/resolve", tag = "desk", security(("desk_session" = [])), params(("id" = HandoffId, Path)), request_body = Resolve,
    responses((status = 200, body = Card), (status = 409, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn resolve(
    State(state): State<AppState>,
    caller: DeskCaller,
    IdPath(id): IdPath<HandoffId>,
    ApiJson(body): ApiJson<Resolve>,
) -> Result<Json<Card>, Problem> {
    let note = text_field("note", body.note, false)?;
    let code = text_field("code", body.code, false)?;
    let card = command(&state, &caller, id, HandoffCommand::Resolve, note.clone()).await?;
    if let Some(code) = code {
        state
            .store
            .add_feedback(
                id,
                &format!("desk:{}", caller.username),
                None,
                json!({"kind": "resolution", "code": code, "note": note}),
            )
            .await?;
    }
    Ok(Json(card))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HandBack {
    #[serde(default)]
    pub note: Option<String>,
}

/// Gives the conversation back to the AI with a note it will find in the history.
#[utoipa::path(post, path = "/desk/api/handoffs/{id}/handback", tag = "desk", security(("desk_session" = [])), params(("id" = HandoffId, Path)), request_body = HandBack,
    responses((status = 200, body = Card), (status = 409, body = Problem), (status = 422, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn handback(
    State(state): State<AppState>,
    caller: DeskCaller,
    IdPath(id): IdPath<HandoffId>,
    ApiJson(body): ApiJson<HandBack>,
) -> Result<Json<Card>, Problem> {
    let note = text_field("note", body.note, true)?;
    Ok(Json(
        command(&state, &caller, id, HandoffCommand::HandBack, note).await?,
    ))
}

/// Was the handoff right? For tuning the rules and the routing.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    /// Was a person needed at all?
    pub needed: bool,
    /// Was the stated reason the real one?
    pub correct_reason: bool,
    /// Did it reach the right queue?
    pub correct_queue: bool,
    #[serde(default)]
    pub resolution_code: Option<String>,
    #[serde(default)]
    pub comment: Option<String>,
}

/// Was the handoff needed, for the right reason, to the right queue?
#[utoipa::path(post, path = "/desk/api/handoffs/{id}/feedback", tag = "desk", security(("desk_session" = [])), params(("id" = HandoffId, Path)), request_body = Verdict,
    responses((status = 204), (status = 422, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn feedback(
    State(state): State<AppState>,
    caller: DeskCaller,
    IdPath(id): IdPath<HandoffId>,
    ApiJson(body): ApiJson<Verdict>,
) -> Result<StatusCode, Problem> {
    visible_handoff(&state, caller.actor(), id).await?;
    let comment = text_field("comment", body.comment, false)?;
    let code = text_field("resolution_code", body.resolution_code, false)?;
    state
        .store
        .add_feedback(
            id,
            &format!("desk:{}", caller.username),
            None,
            json!({
                "kind": "verdict",
                "needed": body.needed,
                "correct_reason": body.correct_reason,
                "correct_queue": body.correct_queue,
                "resolution_code": code,
                "comment": comment,
            }),
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
