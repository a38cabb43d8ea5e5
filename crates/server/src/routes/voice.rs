//! Voice: finding the conversation of a call by the carrier leg's Call-ID; ending the
//! bot's briefing of a warm transfer.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use baton_core::{Conversation, HandoffId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::auth::Caller;
use crate::extract::{ApiQuery, IdPath};
use crate::problem::Problem;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct CallQuery {
    /// The carrier leg's Call-ID.
    pub call_id: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ConversationList {
    pub conversations: Vec<Conversation>,
}

/// The conversation of a call in progress (`--sip`), by the carrier leg's Call-ID; an
/// empty list when there is none the caller may see.
#[utoipa::path(get, path = "/v1/conversations", tag = "conversations",
    security(("bearer" = [])), params(CallQuery),
    responses(
        (status = 200, body = ConversationList), (status = 401, body = Problem),
        (status = 422, body = Problem),
    ))]
pub async fn by_call_id(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<CallQuery>,
) -> Result<Json<ConversationList>, Problem> {
    let mut conversations = Vec::new();
    if let Some(id) = state.calls.conversation(&q.call_id) {
        match super::conversations::visible_conversation(&state, &caller, id).await {
            Ok(conv) => conversations.push(conv),
            Err(p) if p.status == 404 => {}
            Err(p) => return Err(p),
        }
    }
    Ok(Json(ConversationList { conversations }))
}

/// The bot is done briefing the person of a warm transfer (a definition with
/// `brief_for`): the caller, on hold meanwhile, is connected to the person and the bot's
/// leg ends. Answered at once; the steps that follow arrive as transfer events.
#[utoipa::path(post, path = "/v1/handoffs/{id}/briefed", tag = "handoffs",
    security(("bearer" = [])), params(("id" = HandoffId, Path)),
    responses(
        (status = 202, description = "The caller is being connected to the person"),
        (status = 401, body = Problem), (status = 404, body = Problem),
        (status = 409, description = "No briefing of this handoff is under way", body = Problem),
    ))]
pub async fn briefed(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<HandoffId>,
) -> Result<StatusCode, Problem> {
    super::handoffs::visible_handoff(&state, caller.actor(), id).await?;
    state
        .calls
        .briefed(id)
        .await
        .map_err(|why| Problem::conflict("no-briefing", why))?;
    Ok(StatusCode::ACCEPTED)
}
