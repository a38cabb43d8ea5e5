//! An A2A task is a Baton conversation seen from the AI agent's side: the task id
//! and the context id are both the conversation id, and the task's state is read
//! from the conversation and its latest handoff (no table of its own).

use baton_connect::a2a::{Message, Part, Role as A2aRole, Task, TaskState, TaskStatus};
use baton_core::{Conversation, ConversationStatus, Handoff, HandoffState, Role, Turn};
use baton_store::{HandoffFilter, Visibility};
use serde_json::{Map, Value, json};
use time::format_description::well_known::Rfc3339;

use crate::AppState;
use crate::problem::Problem;

/// Turns a task carries when the client does not say (`historyLength`).
pub const DEFAULT_HISTORY: u32 = 100;
/// Most turns a task carries.
pub const MAX_HISTORY: u32 = 1000;

/// The state of the task that mirrors `conv`, given its newest handoff and the time of
/// its last turn.
///
/// - a handoff whose every target failed (it waits in the failsafe queue, or was
///   taken from there since): `failed`, for good — `failed` is terminal in A2A, so
///   a person taking it from the failsafe queue does not move the task again;
/// - a handoff in flight (a person is being found, or holds it): `input-required`;
/// - the conversation closed (a person resolved it): `completed`;
/// - the last handoff canceled and nothing said since: `canceled`;
/// - otherwise the AI has it: `working`.
pub fn state_of(
    conv: &Conversation,
    latest: Option<&Handoff>,
    last_turn_at: Option<time::OffsetDateTime>,
    failsafe: &str,
) -> TaskState {
    if latest.is_some_and(|h| has_failed(h, failsafe)) {
        return TaskState::Failed;
    }
    if let (Some(open), Some(h)) = (conv.open_handoff, latest)
        && open == h.id
    {
        return match h.state {
            HandoffState::Failed => TaskState::Failed,
            HandoffState::Canceled => TaskState::Canceled,
            _ => TaskState::InputRequired,
        };
    }
    if conv.open_handoff.is_some() {
        return TaskState::InputRequired;
    }
    if conv.status == ConversationStatus::Closed {
        return match latest.map(|h| h.state) {
            Some(HandoffState::Canceled) => TaskState::Canceled,
            Some(HandoffState::Failed) => TaskState::Failed,
            _ => TaskState::Completed,
        };
    }
    match latest {
        Some(h)
            if h.state == HandoffState::Canceled
                && last_turn_at.is_none_or(|at| at <= h.updated_at) =>
        {
            TaskState::Canceled
        }
        _ => TaskState::Working,
    }
}

/// Whether a handoff failed: it is `failed`, or it moved on from the failsafe queue
/// (where only failing puts it: routing never names that queue as a stop before).
pub fn has_failed(h: &Handoff, failsafe: &str) -> bool {
    h.state == HandoffState::Failed
        || (h.queue.as_deref() == Some(failsafe)
            && !matches!(h.state, HandoffState::Requested | HandoffState::Offered))
}

/// The conversation's newest handoff, if any.
pub async fn latest_handoff(
    state: &AppState,
    conv: &Conversation,
) -> Result<Option<Handoff>, Problem> {
    if let Some(open) = conv.open_handoff {
        return Ok(Some(state.store.handoff(open).await?));
    }
    let mut found = state
        .store
        .list_handoffs(&HandoffFilter {
            visibility: Visibility::All,
            state: None,
            queue: None,
            conversation: Some(conv.id),
            since: None,
            open_only: false,
            limit: 1,
        })
        .await?;
    Ok(found.pop())
}

fn rfc3339(t: time::OffsetDateTime) -> Option<String> {
    t.format(&Rfc3339).ok()
}

/// A turn as an A2A message: the customer's words are the user's; the AI's and a
/// person's are the agent's (`metadata.baton.role` says which). System and tool turns
/// and internal notes are not part of the task's history.
pub fn message_of(turn: &Turn) -> Option<Message> {
    let role = match turn.role {
        Role::Customer => A2aRole::User,
        Role::Ai | Role::Human => A2aRole::Agent,
        Role::System | Role::Tool => return None,
    };
    let mut parts = vec![Part::text(turn.text.clone())];
    if !turn.data.is_empty() {
        parts.push(Part::data(Value::Object(turn.data.clone())));
    }
    let mut baton = Map::new();
    baton.insert("role".into(), json!(turn.role));
    baton.insert("seq".into(), json!(turn.seq));
    if let Some(at) = rfc3339(turn.at) {
        baton.insert("at".into(), at.into());
    }
    let mut metadata = Map::new();
    metadata.insert("baton".into(), Value::Object(baton));
    let conv = turn.conversation_id.to_string();
    Some(Message {
        message_id: turn.id.to_string(),
        context_id: Some(conv.clone()),
        task_id: Some(conv),
        role,
        parts,
        metadata: Some(metadata),
        ..Message::default()
    })
}

/// The task that mirrors `conv`, with its last `history` turns.
pub async fn task_of(
    state: &AppState,
    conv: &Conversation,
    history: u32,
    extra: Option<Map<String, Value>>,
) -> Result<Task, Problem> {
    let latest = latest_handoff(state, conv).await?;
    // At least one turn is read: its time tells a canceled task from a resumed one.
    let turns = state
        .store
        .recent_turns(conv.id, history.clamp(1, MAX_HISTORY))
        .await?;
    let failsafe = &state.router.routing().failsafe;
    Ok(task_from(
        conv,
        latest.as_ref(),
        &turns,
        history,
        extra,
        failsafe,
    ))
}

/// The task that mirrors `conv`, given its newest handoff and its last turns (oldest
/// first), of which it carries the last `history`.
pub fn task_from(
    conv: &Conversation,
    latest: Option<&Handoff>,
    turns: &[Turn],
    history: u32,
    extra: Option<Map<String, Value>>,
    failsafe: &str,
) -> Task {
    let last_at = turns.last().map(|t| t.at);
    let task_state = state_of(conv, latest, last_at, failsafe);
    let messages: Vec<Message> = turns.iter().filter_map(message_of).collect();
    let status_message = messages
        .iter()
        .rev()
        .find(|m| m.role == A2aRole::Agent)
        .cloned();
    let skip = messages.len().saturating_sub(history as usize);
    let mut baton = Map::new();
    baton.insert("conversationId".into(), conv.id.to_string().into());
    baton.insert("owner".into(), json!(conv.owner_kind));
    baton.insert("turnCount".into(), conv.turn_count.into());
    if let Some(h) = latest {
        baton.insert(
            "handoff".into(),
            json!({
                "id": h.id, "state": h.state, "reason": h.reason, "queue": h.queue,
                "note": h.note,
            }),
        );
    }
    if let Some(extra) = extra {
        baton.extend(extra);
    }
    let mut metadata = Map::new();
    metadata.insert("baton".into(), Value::Object(baton));
    let id = conv.id.to_string();
    Task {
        id: id.clone(),
        context_id: id,
        status: TaskStatus {
            state: task_state,
            message: status_message,
            timestamp: rfc3339(conv.updated_at),
        },
        artifacts: Vec::new(),
        history: messages.into_iter().skip(skip).collect(),
        metadata: Some(metadata),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baton_core::{AgentId, AgentKind, Channel, ConversationId, HandoffId, Reason};

    fn conv(open: Option<HandoffId>, status: ConversationStatus) -> Conversation {
        let ai = AgentId::new();
        Conversation {
            id: ConversationId::new(),
            channel: Channel::Task,
            customer: baton_core::Customer::default(),
            status,
            ai_agent: ai,
            owner: ai,
            owner_kind: AgentKind::Ai,
            open_handoff: open,
            turn_count: 1,
            created_at: baton_core::now(),
            updated_at: baton_core::now(),
        }
    }

    fn handoff(conv: &Conversation, state: HandoffState) -> Handoff {
        Handoff {
            id: conv.open_handoff.unwrap_or_default(),
            conversation_id: conv.id,
            state,
            reason: Reason::ExplicitRequest,
            source: conv.ai_agent,
            destination: None,
            utterance: None,
            parameters: Map::new(),
            priority: 0,
            rule: None,
            decision: None,
            queue: Some("support".into()),
            summary: None,
            receiver: None,
            note: None,
            created_at: baton_core::now(),
            updated_at: baton_core::now(),
            accepted_at: None,
            closed_at: None,
        }
    }

    #[test]
    fn the_task_state_follows_the_handoff() {
        use ConversationStatus::{Closed, Open};
        let c = conv(None, Open);
        let state_of = |c: &Conversation, h: Option<&Handoff>, at| state_of(c, h, at, "failsafe");
        assert_eq!(state_of(&c, None, None), TaskState::Working);
        let c = conv(Some(HandoffId::new()), Open);
        for (s, want) in [
            (HandoffState::Requested, TaskState::InputRequired),
            (HandoffState::Offered, TaskState::InputRequired),
            (HandoffState::Accepted, TaskState::InputRequired),
            (HandoffState::Active, TaskState::InputRequired),
            (HandoffState::Failed, TaskState::Failed),
        ] {
            assert_eq!(state_of(&c, Some(&handoff(&c, s)), None), want, "{s:?}");
        }
        let closed = conv(None, Closed);
        let h = handoff(&closed, HandoffState::Resolved);
        assert_eq!(state_of(&closed, Some(&h), None), TaskState::Completed);
        let open = conv(None, Open);
        let back = handoff(&open, HandoffState::HandedBack);
        assert_eq!(state_of(&open, Some(&back), None), TaskState::Working);
        let canceled = handoff(&open, HandoffState::Canceled);
        let before = canceled.updated_at - time::Duration::seconds(1);
        let after = canceled.updated_at + time::Duration::seconds(1);
        assert_eq!(
            state_of(&open, Some(&canceled), Some(before)),
            TaskState::Canceled
        );
        assert_eq!(
            state_of(&open, Some(&canceled), Some(after)),
            TaskState::Working,
            "a message after the cancel resumes the work"
        );
        // Failed is terminal: a person taking it from the failsafe queue, resolving it
        // or the AI canceling it leave the task failed.
        for (status, s) in [
            (Open, HandoffState::Accepted),
            (Open, HandoffState::Active),
            (Closed, HandoffState::Resolved),
            (Open, HandoffState::HandedBack),
            (Open, HandoffState::Canceled),
        ] {
            let c = conv(Some(HandoffId::new()), status);
            let mut h = handoff(&c, s);
            h.queue = Some("failsafe".into());
            assert_eq!(state_of(&c, Some(&h), None), TaskState::Failed, "{s:?}");
        }
        // Waiting in a queue called so by a route that names it is not failing.
        let c = conv(Some(HandoffId::new()), Open);
        let mut h = handoff(&c, HandoffState::Requested);
        h.queue = Some("failsafe".into());
        assert_eq!(state_of(&c, Some(&h), None), TaskState::InputRequired);
    }
}
