//! Baton as an A2A server (Agent2Agent v1.0, JSON-RPC binding).
//!
//! `GET /.well-known/agent-card.json` publishes the card (public); `POST /a2a` takes
//! JSON-RPC calls from an AI agent authenticated with its Baton secret (HTTP Bearer).
//! A message from the client is the customer's turn in a conversation of channel
//! `task`, posted through the same path as `POST /v1/conversations/{id}/turns`, so the
//! rules run on it; the task that comes back mirrors the conversation and its handoff
//! (see [`task::state_of`]). Desk replies appear as agent messages on the task.

pub mod task;

use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use baton_connect::a2a::jsonrpc::{
    ErrorCode, ErrorObject, Request, Response as RpcResponse, method,
};
use baton_connect::a2a::{
    AgentCapabilities, AgentCard, AgentInterface, AgentProvider, AgentSkill, GetTaskRequest,
    HttpAuthSecurityScheme, ListTasksRequest, ListTasksResponse, PROTOCOL_VERSION, Role as A2aRole,
    SecurityRequirement, SecurityScheme, SendMessageRequest, SendMessageResponse, StreamResponse,
    StringList, Task, TaskIdRequest, TaskState, TaskStatusUpdateEvent, VERSION_HEADER,
};
use baton_core::{
    Actor, AgentKind, Channel, Conversation, ConversationId, Customer, HandoffCommand,
    HandoffState, NewTurn, Role,
};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::AppState;
use crate::auth::Caller;
use crate::extract::{ApiJson, IdPath};
use crate::problem::Problem;
use crate::routes::conversations;

/// The JSON-RPC endpoint's path.
pub const ENDPOINT: &str = "/a2a";
/// How often an open stream looks at its task when nothing woke it.
const STREAM_POLL: Duration = Duration::from_millis(250);
/// Most tasks per `ListTasks` page.
const MAX_PAGE: i32 = 100;

pub fn router() -> axum::Router<AppState> {
    axum::Router::new()
        .route(baton_connect::a2a::AGENT_CARD_PATH, get(card))
        .route(ENDPOINT, post(rpc))
}

fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    match &state.public_url {
        Some(u) => u.trim_end_matches('/').to_owned(),
        None => {
            let host = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .unwrap_or("localhost");
            format!("http://{host}")
        }
    }
}

/// The scheme name of agent secrets in the card.
const SCHEME: &str = "batonAgentSecret";

/// Baton's Agent Card: where to call, how to authenticate, what it does.
pub fn agent_card(base: &str) -> AgentCard {
    AgentCard {
        name: "Baton".to_owned(),
        description: "Handoff broker: send the customer's messages; Baton's rules decide when a \
                      person should take over, finds one, and the task shows their replies. \
                      The task is `input-required` while a person is being found or holds the \
                      conversation, `completed` once they resolve it."
            .to_owned(),
        supported_interfaces: vec![AgentInterface {
            url: format!("{base}{ENDPOINT}"),
            protocol_binding: baton_connect::a2a::BINDING_JSONRPC.to_owned(),
            tenant: None,
            protocol_version: PROTOCOL_VERSION.to_owned(),
        }],
        provider: Some(AgentProvider {
            url: base.to_owned(),
            organization: "Baton".to_owned(),
        }),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        documentation_url: Some(format!("{base}/docs")),
        capabilities: AgentCapabilities {
            streaming: Some(true),
            push_notifications: Some(false),
            extended_agent_card: Some(false),
        },
        security_schemes: [(
            SCHEME.to_owned(),
            SecurityScheme::HttpAuthSecurityScheme(HttpAuthSecurityScheme {
                description: Some(
                    "A Baton AI agent's secret (POST /v1/agents with kind `ai`), sent as \
                     `Authorization: Bearer <secret>`."
                        .to_owned(),
                ),
                scheme: "Bearer".to_owned(),
                bearer_format: Some("bat_<agent id>_<random>".to_owned()),
            }),
        )]
        .into(),
        security_requirements: vec![SecurityRequirement {
            schemes: [(SCHEME.to_owned(), StringList::default())].into(),
        }],
        default_input_modes: vec!["text/plain".to_owned(), "application/json".to_owned()],
        default_output_modes: vec!["text/plain".to_owned(), "application/json".to_owned()],
        skills: vec![AgentSkill {
            id: "handoff".to_owned(),
            name: "Hand the conversation to a person".to_owned(),
            description: "Relay the customer's messages. When the rules decide (the customer \
                          asks for a person, is upset, a regulated topic, …) a person takes \
                          over; their replies arrive as agent messages on the task."
                .to_owned(),
            tags: vec!["handoff".to_owned(), "human-in-the-loop".to_owned()],
            examples: vec!["I want to talk to a person".to_owned()],
            input_modes: Vec::new(),
            output_modes: Vec::new(),
        }],
    }
}

/// The A2A Agent Card (public; it carries no conversation data).
#[utoipa::path(get, path = "/.well-known/agent-card.json", tag = "agents",
    responses((status = 200, description = "The A2A v1.0 Agent Card: JSON-RPC endpoint and Bearer scheme", body = Object)))]
pub async fn card(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let mut res = Json(agent_card(&base_url(&state, &headers))).into_response();
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    res
}

type RpcResult<T> = Result<T, ErrorObject>;

fn rpc_error(code: ErrorCode, message: impl Into<String>) -> ErrorObject {
    ErrorObject::new(code, message)
}

/// A problem from the shared API path, as the JSON-RPC error a client can act on;
/// the problem document rides along as `data`.
fn from_problem(p: Problem) -> ErrorObject {
    let code = match p.status {
        404 => ErrorCode::TaskNotFound,
        409 => ErrorCode::UnsupportedOperation,
        400 | 413 | 422 => ErrorCode::InvalidParams,
        401 | 403 => ErrorCode::InvalidRequest,
        _ => ErrorCode::InternalError,
    };
    let mut e = ErrorObject::new(code, p.detail.clone());
    e.data = serde_json::to_value(&p).ok();
    e
}

fn params<T: DeserializeOwned>(v: Value) -> RpcResult<T> {
    let v = if v.is_null() { json!({}) } else { v };
    serde_path_to_error::deserialize(v).map_err(|e| {
        let path = e.path().to_string();
        rpc_error(
            ErrorCode::InvalidParams,
            format!("params.{path}: {}", e.into_inner()),
        )
    })
}

fn not_found(id: &str) -> ErrorObject {
    rpc_error(
        ErrorCode::TaskNotFound,
        format!("task {id} does not exist (or belongs to another agent)"),
    )
}

/// The caller's conversation behind a task or context id; anything else is "not found".
async fn conversation(state: &AppState, caller: &Caller, id: &str) -> RpcResult<Conversation> {
    let conv_id = uuid::Uuid::try_parse(id)
        .map(ConversationId)
        .map_err(|_| not_found(id))?;
    conversations::visible_conversation(state, caller, conv_id)
        .await
        .map_err(|p| {
            if p.status == 404 {
                not_found(id)
            } else {
                from_problem(p)
            }
        })
}

fn history_len(n: Option<i32>) -> u32 {
    match n {
        None => task::DEFAULT_HISTORY,
        Some(n) => u32::try_from(n).unwrap_or(0).min(task::MAX_HISTORY),
    }
}

/// A refusal before any method runs, audited; the answer is a problem document.
async fn refuse(state: &AppState, actor: Actor, p: Problem, headers: &HeaderMap) -> Response {
    crate::auth::refuse_audited(state, actor, p, headers, "a2a.refused", ENDPOINT).await
}

fn rpc_response(id: Value, result: RpcResult<Value>) -> Response {
    let body = match result {
        Ok(v) => RpcResponse::ok(id, v),
        Err(e) => RpcResponse::err(id, e),
    };
    Json(body).into_response()
}

/// `POST /a2a`: one A2A v1.0 JSON-RPC call (`SendMessage`, `SendStreamingMessage`,
/// `GetTask`, `ListTasks`, `CancelTask`, `SubscribeToTask`) from an AI agent, with the
/// header `A2A-Version: 1.0`. Protocol errors are JSON-RPC errors (HTTP 200);
/// authentication failures are problem documents (401, 403).
#[utoipa::path(post, path = "/a2a", tag = "agents", security(("bearer" = [])),
    request_body(content = Object, description = "A JSON-RPC 2.0 request"),
    responses(
        (status = 200, description = "A JSON-RPC response, or an SSE stream of them for the streaming methods", body = Object),
        (status = 401, body = Problem), (status = 403, body = Problem),
    ))]
pub async fn rpc(
    State(state): State<AppState>,
    caller: Result<Caller, Problem>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let caller = match caller {
        Ok(c) => c,
        Err(p) => return refuse(&state, Actor::System, p, &headers).await,
    };
    let Caller::Agent(agent) = &caller else {
        let p = Problem::forbidden("A2A calls come from AI agents, not the admin token")
            .hint("send an AI agent's secret (POST /v1/agents with kind `ai`) as the Bearer token");
        return refuse(&state, caller.actor(), p, &headers).await;
    };
    if agent.kind != AgentKind::Ai {
        let p = Problem::forbidden(format!(
            "agent {} is a {} agent; A2A calls come from AI agents",
            agent.id,
            agent.kind.as_str()
        ));
        return refuse(&state, caller.actor(), p, &headers).await;
    }
    let request: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => {
            return rpc_response(
                Value::Null,
                Err(rpc_error(
                    ErrorCode::ParseError,
                    format!("the body is not JSON: {e}"),
                )),
            );
        }
    };
    let id = request.get("id").cloned().unwrap_or(Value::Null);
    let request = match serde_json::from_value::<Request>(request) {
        Ok(r) if r.jsonrpc == "2.0" => r,
        Ok(_) => {
            return rpc_response(
                id,
                Err(rpc_error(
                    ErrorCode::InvalidRequest,
                    "`jsonrpc` must be \"2.0\"",
                )),
            );
        }
        Err(e) => {
            return rpc_response(
                id,
                Err(rpc_error(
                    ErrorCode::InvalidRequest,
                    format!("not a JSON-RPC request: {e}"),
                )),
            );
        }
    };
    let version = headers
        .get(VERSION_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::trim);
    match version {
        Some(v) if v == "1" || v.starts_with("1.") => {}
        other => {
            return rpc_response(
                id,
                Err(rpc_error(
                    ErrorCode::VersionNotSupported,
                    format!(
                        "A2A version {} is not supported; send the header `{VERSION_HEADER}: {PROTOCOL_VERSION}`",
                        other.unwrap_or("0.3 (no A2A-Version header)")
                    ),
                )),
            );
        }
    }
    let p = request.params;
    match request.method.as_str() {
        method::SEND_MESSAGE => {
            let result = match params::<SendMessageRequest>(p) {
                Ok(req) => send_message(&state, &caller, req).await.and_then(|t| {
                    serde_json::to_value(SendMessageResponse::Task(t))
                        .map_err(|_| from_problem(Problem::internal()))
                }),
                Err(e) => Err(e),
            };
            rpc_response(id, result)
        }
        method::SEND_STREAMING_MESSAGE => match params::<SendMessageRequest>(p) {
            Ok(req) => match send_message(&state, &caller, req).await {
                Ok(task) => stream(state, caller, id, task),
                Err(e) => rpc_response(id, Err(e)),
            },
            Err(e) => rpc_response(id, Err(e)),
        },
        method::SUBSCRIBE_TO_TASK => match params::<TaskIdRequest>(p) {
            Ok(req) => match get_task(&state, &caller, &req.id, None).await {
                Ok(task) if task.status.state.is_terminal() => rpc_response(
                    id,
                    Err(rpc_error(
                        ErrorCode::UnsupportedOperation,
                        format!(
                            "task {} is {} and will not change; read it with GetTask",
                            task.id,
                            task.status.state.as_str()
                        ),
                    )),
                ),
                Ok(task) => stream(state, caller, id, task),
                Err(e) => rpc_response(id, Err(e)),
            },
            Err(e) => rpc_response(id, Err(e)),
        },
        method::GET_TASK => {
            let result = match params::<GetTaskRequest>(p) {
                Ok(req) => get_task(&state, &caller, &req.id, req.history_length)
                    .await
                    .and_then(to_value),
                Err(e) => Err(e),
            };
            rpc_response(id, result)
        }
        method::LIST_TASKS => {
            let result = match params::<ListTasksRequest>(p) {
                Ok(req) => list_tasks(&state, &caller, req).await.and_then(to_value),
                Err(e) => Err(e),
            };
            rpc_response(id, result)
        }
        method::CANCEL_TASK => {
            let result = match params::<TaskIdRequest>(p) {
                Ok(req) => cancel_task(&state, &caller, &req.id)
                    .await
                    .and_then(to_value),
                Err(e) => Err(e),
            };
            rpc_response(id, result)
        }
        method::GET_EXTENDED_AGENT_CARD => rpc_response(
            id,
            Err(rpc_error(
                ErrorCode::ExtendedAgentCardNotConfigured,
                "Baton publishes one card, at /.well-known/agent-card.json",
            )),
        ),
        m if method::PUSH_NOTIFICATION_CONFIG.contains(&m) => rpc_response(
            id,
            Err(rpc_error(
                ErrorCode::PushNotificationNotSupported,
                "Baton does not send A2A push notifications; follow a task with \
                 SubscribeToTask, or subscribe a webhook (POST /v1/webhooks)",
            )),
        ),
        m => rpc_response(
            id,
            Err(rpc_error(
                ErrorCode::MethodNotFound,
                format!("no method `{m}`"),
            )),
        ),
    }
}

fn to_value<T: serde::Serialize>(v: T) -> RpcResult<Value> {
    serde_json::to_value(v).map_err(|_| from_problem(Problem::internal()))
}

/// The customer named in the request's or the message's `metadata.customer`.
fn customer_of(req: &SendMessageRequest) -> RpcResult<Customer> {
    let found = [req.metadata.as_ref(), req.message.metadata.as_ref()]
        .into_iter()
        .flatten()
        .find_map(|m| m.get("customer"));
    match found {
        None => Ok(Customer::default()),
        Some(v) => serde_json::from_value(v.clone()).map_err(|e| {
            rpc_error(
                ErrorCode::InvalidParams,
                format!("params.metadata.customer: {e}"),
            )
        }),
    }
}

/// `SendMessage`: the message becomes the customer's turn; the answer is the task.
async fn send_message(
    state: &AppState,
    caller: &Caller,
    req: SendMessageRequest,
) -> RpcResult<Task> {
    let msg = &req.message;
    if msg.role != A2aRole::User {
        return Err(rpc_error(
            ErrorCode::InvalidParams,
            "params.message.role: messages sent to Baton are the user's (ROLE_USER): the customer's words",
        ));
    }
    if msg.message_id.trim().is_empty() {
        return Err(rpc_error(
            ErrorCode::InvalidParams,
            "params.message.messageId: required",
        ));
    }
    let text = msg.text();
    let mut data = Map::new();
    for part in &msg.parts {
        match &part.data {
            Some(Value::Object(o)) => data.extend(o.clone()),
            Some(_) => {
                return Err(rpc_error(
                    ErrorCode::InvalidParams,
                    "params.message.parts: a data part must be a JSON object (its fields become collected data)",
                ));
            }
            None => {}
        }
        if part.raw.is_some() || part.url.is_some() {
            return Err(rpc_error(
                ErrorCode::ContentTypeNotSupported,
                "Baton takes text and data parts; upload files with POST /v1/conversations/{id}/artifacts",
            ));
        }
    }
    if text.trim().is_empty() {
        return Err(rpc_error(
            ErrorCode::InvalidParams,
            "params.message.parts: the message has no text",
        ));
    }
    let existing = match (&msg.task_id, &msg.context_id) {
        (Some(t), Some(c)) if t != c => {
            return Err(rpc_error(
                ErrorCode::InvalidParams,
                "params.message: in Baton a task and its context are one conversation; taskId and contextId must be equal",
            ));
        }
        (Some(id), _) | (None, Some(id)) => Some(conversation(state, caller, id).await?),
        (None, None) => None,
    };
    let created = existing.is_none();
    let conv_id = match existing {
        Some(conv) => {
            let failed = task::latest_handoff(state, &conv)
                .await
                .map_err(from_problem)?
                .is_some_and(|h| task::has_failed(&h, &state.router.routing().failsafe));
            if failed {
                return Err(rpc_error(
                    ErrorCode::UnsupportedOperation,
                    format!(
                        "task {} is failed and will not change (no one was found; the conversation waits in Baton's failsafe queue); send without taskId and contextId to start a new one",
                        conv.id
                    ),
                ));
            }
            if conv.status == baton_core::ConversationStatus::Closed {
                return Err(rpc_error(
                    ErrorCode::UnsupportedOperation,
                    format!(
                        "task {} is completed: its conversation is closed; send without taskId and contextId to start a new one",
                        conv.id
                    ),
                ));
            }
            conv.id
        }
        None => {
            let customer = customer_of(&req)?;
            let (_, _, Json(conv)) = conversations::create(
                State(state.clone()),
                caller.clone(),
                ApiJson(conversations::CreateConversation {
                    channel: Channel::Task,
                    customer,
                    ai_agent: None,
                }),
            )
            .await
            .map_err(from_problem)?;
            conv.id
        }
    };
    let turn = NewTurn {
        role: Some(Role::Customer),
        text,
        data,
        ..NewTurn::default()
    };
    let (_, Json(accepted)) = conversations::append_turn(
        State(state.clone()),
        caller.clone(),
        IdPath(conv_id),
        ApiJson(turn),
    )
    .await
    .map_err(from_problem)?;
    let conv = state
        .store
        .conversation(conv_id)
        .await
        .map_err(|e| from_problem(e.into()))?;
    let mut extra = Map::new();
    if let Ok(d) = serde_json::to_value(&accepted.decision) {
        extra.insert("decision".into(), d);
    }
    let history = history_len(req.configuration.as_ref().and_then(|c| c.history_length));
    if created && conv.turn_count == 1 {
        // A new task: its one turn is the one just written, its only possible handoff
        // the one that turn started. No need to read them back.
        let handoff = match accepted.handoff_id {
            Some(h) => Some(
                state
                    .store
                    .handoff(h)
                    .await
                    .map_err(|e| from_problem(e.into()))?,
            ),
            None => None,
        };
        return Ok(task::task_from(
            &conv,
            handoff.as_ref(),
            std::slice::from_ref(&accepted.turn),
            history,
            Some(extra),
            &state.router.routing().failsafe,
        ));
    }
    task::task_of(state, &conv, history, Some(extra))
        .await
        .map_err(from_problem)
}

async fn get_task(
    state: &AppState,
    caller: &Caller,
    id: &str,
    history: Option<i32>,
) -> RpcResult<Task> {
    let conv = conversation(state, caller, id).await?;
    task::task_of(state, &conv, history_len(history), None)
        .await
        .map_err(from_problem)
}

async fn list_tasks(
    state: &AppState,
    caller: &Caller,
    req: ListTasksRequest,
) -> RpcResult<ListTasksResponse> {
    let Caller::Agent(agent) = caller else {
        return Err(rpc_error(
            ErrorCode::InvalidRequest,
            "an AI agent lists its tasks",
        ));
    };
    let page_size = req.page_size.unwrap_or(50);
    if !(1..=MAX_PAGE).contains(&page_size) {
        return Err(rpc_error(
            ErrorCode::InvalidParams,
            format!("params.pageSize: 1 to {MAX_PAGE}"),
        ));
    }
    let history = history_len(req.history_length);
    let convs = match (&req.context_id, &req.page_token) {
        (Some(c), _) => vec![conversation(state, caller, c).await?],
        (None, token) => {
            let before = match token.as_deref().filter(|t| !t.is_empty()) {
                None => None,
                Some(t) => Some(uuid::Uuid::try_parse(t).map(ConversationId).map_err(|_| {
                    rpc_error(
                        ErrorCode::InvalidParams,
                        "params.pageToken: not a token from a previous ListTasks answer",
                    )
                })?),
            };
            state
                .store
                .agent_conversations(
                    agent.id,
                    Channel::Task,
                    before,
                    u32::try_from(page_size).unwrap_or(50),
                )
                .await
                .map_err(|e| from_problem(e.into()))?
        }
    };
    let next_page_token = match convs.last() {
        Some(last) if req.context_id.is_none() && convs.len() == page_size as usize => {
            last.id.to_string()
        }
        _ => String::new(),
    };
    let total_size = match (&req.context_id, req.status) {
        (Some(_), _) => None,
        (None, None | Some(TaskState::Unspecified)) => Some(
            state
                .store
                .count_agent_conversations(agent.id, Channel::Task)
                .await
                .map_err(|e| from_problem(e.into()))?,
        ),
        (None, Some(wanted)) => Some(count_tasks_in(state, agent.id, wanted).await?),
    };
    let mut tasks = Vec::with_capacity(convs.len());
    for conv in &convs {
        let t = task::task_of(state, conv, history, None)
            .await
            .map_err(from_problem)?;
        if req
            .status
            .is_none_or(|s| s == TaskState::Unspecified || s == t.status.state)
        {
            tasks.push(t);
        }
    }
    Ok(ListTasksResponse {
        total_size: total_size.map_or_else(
            || i32::try_from(tasks.len()).unwrap_or(i32::MAX),
            |n| i32::try_from(n).unwrap_or(i32::MAX),
        ),
        page_size,
        tasks,
        next_page_token,
    })
}

/// How many of an agent's tasks are in `wanted`: a task's state is read from its
/// conversation, so every one is looked at, a thousand at a time.
async fn count_tasks_in(
    state: &AppState,
    agent: baton_core::AgentId,
    wanted: TaskState,
) -> RpcResult<u64> {
    let mut count = 0;
    let mut before = None;
    loop {
        let page = state
            .store
            .agent_conversations(agent, Channel::Task, before, 1000)
            .await
            .map_err(|e| from_problem(e.into()))?;
        for conv in &page {
            let t = task::task_of(state, conv, 1, None)
                .await
                .map_err(from_problem)?;
            count += u64::from(t.status.state == wanted);
        }
        match page.last() {
            Some(last) if page.len() == 1000 => before = Some(last.id),
            _ => return Ok(count),
        }
    }
}

/// `CancelTask`: withdraws the handoff while no one has taken it.
async fn cancel_task(state: &AppState, caller: &Caller, id: &str) -> RpcResult<Task> {
    let conv = conversation(state, caller, id).await?;
    let latest = task::latest_handoff(state, &conv)
        .await
        .map_err(from_problem)?;
    let refuse = |why: String| Err(rpc_error(ErrorCode::TaskNotCancelable, why));
    match (conv.open_handoff, latest) {
        (Some(_), Some(h))
            if matches!(h.state, HandoffState::Requested | HandoffState::Offered) =>
        {
            let change = state
                .store
                .command(
                    h.id,
                    caller.actor(),
                    HandoffCommand::Cancel,
                    Some("canceled by the A2A client".to_owned()),
                )
                .await
                .map_err(|e| from_problem(e.into()))?;
            state.deliveries.notify_one();
            state.router.changed(h.id);
            task::task_of(state, &change.conversation, task::DEFAULT_HISTORY, None)
                .await
                .map_err(from_problem)
        }
        (Some(_), Some(h)) => refuse(format!(
            "task {id} cannot be canceled: its handoff is {} ({})",
            h.state.as_str(),
            match h.state {
                HandoffState::Failed => "it waits in the failsafe queue for a person",
                _ => "a person holds the conversation; they resolve it or hand it back",
            }
        )),
        _ if conv.status == baton_core::ConversationStatus::Closed => {
            refuse(format!("task {id} is finished: its conversation is closed"))
        }
        _ => refuse(format!(
            "task {id} has no handoff in flight: the AI holds the conversation, there is nothing for Baton to cancel"
        )),
    }
}

/// Server-sent events from a channel.
struct Events(tokio::sync::mpsc::Receiver<Event>);

impl futures_util::Stream for Events {
    type Item = Result<Event, Infallible>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.poll_recv(cx).map(|e| e.map(Ok))
    }
}

fn event(id: &Value, result: &StreamResponse) -> Option<Event> {
    let body = RpcResponse::ok(id.clone(), serde_json::to_value(result).ok()?);
    Event::default().json_data(body).ok()
}

/// A stream that starts with `task` and sends a status update whenever its state or
/// its messages change, until it ends (completed, canceled, failed) or the client leaves.
fn stream(state: AppState, caller: Caller, id: Value, task: Task) -> Response {
    let (tx, rx) = tokio::sync::mpsc::channel::<Event>(16);
    tokio::spawn(async move {
        let Some(first) = event(&id, &StreamResponse::Task(task.clone())) else {
            return;
        };
        if tx.send(first).await.is_err() || task.status.state.is_terminal() {
            return;
        }
        let mut seen = (task.status.state, turn_count(&task));
        let mut events = state.router.subscribe();
        let mut tick = tokio::time::interval(STREAM_POLL);
        loop {
            tokio::select! {
                _ = tx.closed() => return,
                r = events.recv() => {
                    if matches!(r, Err(tokio::sync::broadcast::error::RecvError::Closed)) {
                        return;
                    }
                }
                _ = tick.tick() => {}
            }
            let Ok(conv) = conversation(&state, &caller, &task.id).await else {
                return;
            };
            let Ok(now) = task::task_of(&state, &conv, 1, None).await else {
                continue;
            };
            let current = (now.status.state, conv.turn_count);
            if current == seen {
                continue;
            }
            seen = current;
            let update = StreamResponse::StatusUpdate(TaskStatusUpdateEvent {
                task_id: now.id.clone(),
                context_id: now.context_id.clone(),
                status: now.status.clone(),
                metadata: now.metadata.clone(),
            });
            let Some(e) = event(&id, &update) else { return };
            if tx.send(e).await.is_err() || now.status.state.is_terminal() {
                return;
            }
        }
    });
    Sse::new(Events(rx))
        .keep_alive(KeepAlive::default())
        .into_response()
}

fn turn_count(task: &Task) -> i64 {
    task.metadata
        .as_ref()
        .and_then(|m| m.get("baton"))
        .and_then(|b| b.get("turnCount"))
        .and_then(Value::as_i64)
        .unwrap_or(0)
}
