//! Conversations and their turns. Appending a turn runs the rule engine.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use baton_core::{
    AgentId, AgentKind, Channel, Conversation, ConversationId, Customer, HandoffId, NewTurn, Role,
    Turn,
};
use baton_store::{NewConversation, NewHandoff, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::auth::Caller;
use crate::evaluate::Evaluation;
use crate::extract::{ApiJson, ApiQuery, IdPath};
use crate::problem::Problem;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateConversation {
    pub channel: Channel,
    #[serde(default)]
    pub customer: Customer,
    /// The AI agent that owns the conversation. Required with the admin token;
    /// an AI agent always creates conversations for itself.
    #[serde(default)]
    pub ai_agent: Option<AgentId>,
}

/// Starts a conversation owned by an AI agent.
#[utoipa::path(post, path = "/v1/conversations", tag = "conversations", request_body = CreateConversation,
    security(("bearer" = [])),
    responses(
        (status = 201, body = Conversation), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 422, body = Problem),
    ))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<CreateConversation>,
) -> Result<(StatusCode, HeaderMap, Json<Conversation>), Problem> {
    let ai_agent = match (&caller, body.ai_agent) {
        (Caller::Agent(a), None) if a.kind == AgentKind::Ai => a.id,
        (Caller::Agent(a), Some(id)) if a.kind == AgentKind::Ai && id == a.id => a.id,
        (Caller::Agent(a), _) if a.kind == AgentKind::Ai => {
            return Err(
                Problem::forbidden("an AI agent creates conversations only for itself")
                    .hint("leave out `ai_agent`"),
            );
        }
        (Caller::Agent(_), _) => {
            return Err(Problem::forbidden(
                "conversations are started by AI agents; receivers join them through handoffs",
            ));
        }
        (Caller::Admin, None) => {
            return Err(Problem::unprocessable(
                "ai_agent",
                "`ai_agent` is required when the admin token creates a conversation",
            )
            .hint("name the AI agent that owns it, or call with that agent's secret"));
        }
        (Caller::Admin, Some(id)) => match state.store.agent_credentials(id).await? {
            Some(c) if c.agent.kind == AgentKind::Ai => id,
            Some(_) => {
                return Err(Problem::unprocessable(
                    "ai_agent",
                    format!("agent {id} is not an AI agent"),
                ));
            }
            None => {
                return Err(Problem::unprocessable(
                    "ai_agent",
                    format!("agent {id} does not exist"),
                ));
            }
        },
    };
    let conv = state
        .store
        .create_conversation(NewConversation {
            channel: body.channel,
            customer: body.customer,
            ai_agent,
        })
        .await?;
    Ok((
        StatusCode::CREATED,
        location(&format!("/v1/conversations/{}", conv.id)),
        Json(conv),
    ))
}

pub(crate) fn location(path: &str) -> HeaderMap {
    let mut h = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(path) {
        h.insert(header::LOCATION, v);
    }
    h
}

/// Reads a conversation the caller may see; others are reported missing.
pub(crate) async fn visible_conversation(
    state: &AppState,
    caller: &Caller,
    id: ConversationId,
) -> Result<Conversation, Problem> {
    let conv = state.store.conversation(id).await?;
    if state
        .store
        .can_read_conversation(&conv, caller.actor())
        .await?
    {
        Ok(conv)
    } else {
        Err(Problem::not_found(format!(
            "conversation {id} does not exist"
        )))
    }
}

/// Receivers never see the notes an AI keeps for Baton's operators.
/// What a caller may see of turns and customer data. Receivers never see internal
/// notes, and see text and data only as their redaction policy leaves them: the raw
/// read routes must not be a way around the context package's redaction.
pub(crate) fn for_caller(
    state: &AppState,
    caller: &Caller,
    customer: Option<&mut Customer>,
    mut turns: Vec<Turn>,
) -> Vec<Turn> {
    if !caller.is_receiver() {
        return turns;
    }
    for t in &mut turns {
        t.internal = None;
    }
    let policy = state
        .receivers
        .policy(&super::handoffs::receiver_name(caller));
    let history: Vec<serde_json::Value> = turns
        .iter()
        .map(|t| serde_json::json!({"seq": t.seq, "role": t.role, "text": t.text, "data": t.data}))
        .collect();
    let customer_json = customer
        .as_deref()
        .map(|c| serde_json::json!({"data": c.data}));
    let redacted = policy.redact_json(serde_json::json!({
        "version": baton_core::CONTEXT_VERSION,
        "history": history,
        "customer": customer_json.unwrap_or(serde_json::Value::Null),
    }));
    for (i, t) in turns.iter_mut().enumerate() {
        let entry = &redacted["history"][i];
        // Redaction keeps every field it was given; should one ever be missing, the
        // receiver gets nothing rather than the unredacted value, and it is logged.
        match (entry["text"].as_str(), entry["data"].as_object()) {
            (Some(text), Some(data)) => {
                t.text = text.to_owned();
                t.data = data.clone();
            }
            _ => {
                tracing::error!(turn = %t.id, "redaction returned a turn without its text or data; withheld");
                t.text = String::new();
                t.data = serde_json::Map::new();
            }
        }
    }
    if let Some(c) = customer {
        c.data = redacted["customer"]["data"]
            .as_object()
            .cloned()
            .unwrap_or_default();
    }
    turns
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct TurnPage {
    /// Only turns after this sequence number (default 0: from the start).
    #[serde(default)]
    pub after: i64,
    /// At most this many turns (default 1000, at most 10000).
    pub limit: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ConversationView {
    #[serde(flatten)]
    pub conversation: Conversation,
    /// The history, oldest first.
    pub turns: Vec<Turn>,
    /// Pass as `after` to read the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_after: Option<i64>,
}

async fn page(
    state: &AppState,
    caller: &Caller,
    conv: &Conversation,
    p: &TurnPage,
) -> Result<(Vec<Turn>, Option<i64>), Problem> {
    let limit = p.limit.unwrap_or(1000).clamp(1, 10_000);
    let turns = state.store.turns(conv.id, p.after, limit).await?;
    let next = match turns.last() {
        Some(t) if t.seq < conv.turn_count && turns.len() == limit as usize => Some(t.seq),
        _ => None,
    };
    Ok((for_caller(state, caller, None, turns), next))
}

/// A conversation with its history, owner and status.
#[utoipa::path(get, path = "/v1/conversations/{id}", tag = "conversations", security(("bearer" = [])),
    params(("id" = ConversationId, Path), TurnPage),
    responses((status = 200, body = ConversationView), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn read(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<ConversationId>,
    ApiQuery(p): ApiQuery<TurnPage>,
) -> Result<Json<ConversationView>, Problem> {
    let mut conv = visible_conversation(&state, &caller, id).await?;
    let (turns, next_after) = page(&state, &caller, &conv, &p).await?;
    for_caller(&state, &caller, Some(&mut conv.customer), Vec::new());
    Ok(Json(ConversationView {
        conversation: conv,
        turns,
        next_after,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TurnList {
    pub turns: Vec<Turn>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_after: Option<i64>,
}

/// A page of a conversation's turns.
#[utoipa::path(get, path = "/v1/conversations/{id}/turns", tag = "conversations", security(("bearer" = [])),
    params(("id" = ConversationId, Path), TurnPage),
    responses((status = 200, body = TurnList), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn list_turns(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<ConversationId>,
    ApiQuery(p): ApiQuery<TurnPage>,
) -> Result<Json<TurnList>, Problem> {
    let conv = visible_conversation(&state, &caller, id).await?;
    let (turns, next_after) = page(&state, &caller, &conv, &p).await?;
    Ok(Json(TurnList { turns, next_after }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TurnAccepted {
    pub turn: Turn,
    /// The rule engine's verdict on this turn.
    pub decision: Evaluation,
    /// The handoff this turn started, or the one already in flight.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handoff_id: Option<HandoffId>,
}

/// Appends a turn; the rule engine evaluates it and may start a handoff.
///
/// While a human (or any non-AI agent) owns the conversation, turns the AI posts
/// with role `ai` are refused with 409 naming the owner; the AI may still relay
/// the customer's words.
#[utoipa::path(post, path = "/v1/conversations/{id}/turns", tag = "conversations", request_body = NewTurn,
    security(("bearer" = [])), params(("id" = ConversationId, Path)),
    responses(
        (status = 201, body = TurnAccepted), (status = 401, body = Problem), (status = 404, body = Problem),
        (status = 409, description = "Refused by the ownership rules", body = Problem),
        (status = 413, body = Problem), (status = 422, body = Problem), (status = 503, body = Problem),
    ))]
pub async fn append_turn(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<ConversationId>,
    ApiJson(turn): ApiJson<NewTurn>,
) -> Result<(StatusCode, Json<TurnAccepted>), Problem> {
    let window = u32::try_from(state.evaluator.window()).unwrap_or(u32::MAX);
    let speaks_for_ai = matches!(
        turn.role,
        Some(Role::Customer | Role::Ai | Role::Tool | Role::System)
    );
    if !(speaks_for_ai && window > 0) {
        let appended = state
            .store
            .append_turn(id, caller.actor(), turn, None)
            .await?;
        let decision = not_evaluated(&appended.conversation);
        return turn_accepted(&state, &caller, appended, decision);
    }
    // The rules run on a snapshot, outside the database writer; the write then checks
    // that the conversation has not moved on (a compare-and-set) and stores the turn
    // with its decided handoff, or not at all. A concurrent turn means evaluating again.
    for attempt in 0..MAX_EVALUATION_ATTEMPTS {
        let (evaluated, decision) = evaluate_turn(&state, &caller, id, &turn, window).await?;
        match state
            .store
            .append_turn(id, caller.actor(), turn.clone(), Some(evaluated))
            .await
        {
            Err(baton_store::StoreError::Stale) => {
                // Back off a random moment so that racing posters spread out.
                let micros = rand::random_range(0..=500 * (attempt as u64 + 1));
                tokio::time::sleep(std::time::Duration::from_micros(micros)).await;
            }
            Err(e) => return Err(e.into()),
            Ok(appended) => {
                let decision = decision.unwrap_or_else(|| not_evaluated(&appended.conversation));
                return turn_accepted(&state, &caller, appended, decision);
            }
        }
    }
    Err(Problem::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "conversation-busy",
        "Conversation busy",
        "other turns kept arriving in this conversation while this one was evaluated; nothing was stored",
    )
    .hint("post the turns of one conversation one after another; retry this one"))
}

/// How often a turn is evaluated again when other turns of its conversation arrive
/// between the read and the write.
const MAX_EVALUATION_ATTEMPTS: usize = 24;

fn not_evaluated(conv: &Conversation) -> Evaluation {
    Evaluation {
        explanation: if conv.owner_kind == AgentKind::Ai {
            "no rule evaluated this turn".to_owned()
        } else {
            "the conversation is held by a receiver; rules wait for the hand-back".to_owned()
        },
        ..Evaluation::default()
    }
}

/// Reads the conversation and its last turns, runs the rules on them with `turn`
/// added, and routes a decided handoff: what the write will check and store.
async fn evaluate_turn(
    state: &AppState,
    caller: &Caller,
    id: ConversationId,
    turn: &NewTurn,
    window: u32,
) -> Result<(baton_store::Evaluated, Option<Evaluation>), Problem> {
    // One read for the conversation and its last turns; a turn landing meanwhile
    // moves the turn count, and the write refuses this snapshot.
    let (conv, mut recent) = state
        .store
        .conversation_with_recent(id, window.saturating_sub(1))
        .await?;
    let evaluated = |handoff| baton_store::Evaluated {
        turn_count: conv.turn_count,
        handoff,
    };
    if !conv.rules_apply() {
        return Ok((evaluated(None), None));
    }
    let role = turn
        .validate_at(baton_core::now())
        .map_err(StoreError::from)?;
    // The turn as it would be stored; refusals (ownership, closed) surface here first.
    let added = baton_core::effects::add_turn(
        &conv,
        None,
        caller.actor(),
        turn.clone(),
        role,
        baton_core::now(),
    )
    .map_err(StoreError::from)?;
    recent.push(added.turn);
    let (decision, recent) = crate::evaluate::decide(&state.evaluator, recent).await;
    let handoff = match (decision.handoff, decision.reason) {
        (true, Some(reason)) => {
            let parameters = serde_json::Map::new();
            let decision_json = serde_json::to_value(&decision).map_err(|e| {
                tracing::error!(error = %e, "a decision could not be encoded");
                Problem::internal()
            })?;
            // A rules file's references were checked when it loaded; a built-in rule's
            // reference that names no definition routes as written.
            let destination = super::handoffs::resolve_destination(
                state,
                conv.channel,
                decision.target.as_deref(),
            )
            .unwrap_or_else(|_| super::handoffs::Destination {
                stored: decision.target.clone(),
                route: decision.target.clone(),
            });
            let route = state.router.route(baton_route::router::RouteInput {
                reason,
                destination: destination.route.as_deref(),
                priority: decision.priority,
                channel: conv.channel,
                customer: &added.conversation.customer,
                parameters: &parameters,
                decision: Some(&decision_json),
                latest_intent: recent.iter().rev().find_map(|t| t.intent.as_deref()),
            })?;
            Some(NewHandoff {
                conversation_id: id,
                reason,
                destination: destination.stored,
                utterance: None,
                parameters,
                priority: decision.priority,
                rule: decision.rule.clone(),
                decision: Some(decision_json),
                route: Some(route),
            })
        }
        _ => None,
    };
    Ok((evaluated(handoff), Some(decision)))
}

fn turn_accepted(
    state: &AppState,
    caller: &Caller,
    appended: baton_store::TurnAppended,
    decision: Evaluation,
) -> Result<(StatusCode, Json<TurnAccepted>), Problem> {
    let id = appended.conversation.id;
    if let Some(h) = &appended.handoff {
        tracing::info!(handoff = %h.id, conversation = %id, reason = h.reason.as_str(), "rule started a handoff");
        state.deliveries.notify_one();
        state.router.changed(h.id);
    }
    let handoff_id = appended.conversation.open_handoff;
    if let Some(h) = handoff_id {
        crate::desk::announce_turn(state, h, &appended.turn);
    }
    let turn = for_caller(state, caller, None, vec![appended.turn])
        .pop()
        .ok_or_else(Problem::internal)?;
    Ok((
        StatusCode::CREATED,
        Json(TurnAccepted {
            turn,
            decision,
            handoff_id,
        }),
    ))
}

/// One history entry of an imported package; unknown fields are ignored.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ImportedEntry {
    #[serde(default, with = "baton_core::clock::rfc3339_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub at: Option<time::OffsetDateTime>,
    pub role: Role,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub confidence: Option<f64>,
    #[serde(default)]
    pub intent: Option<String>,
    #[serde(default)]
    pub event: Option<baton_core::TurnEvent>,
    #[serde(default)]
    #[schema(value_type = Object)]
    pub data: serde_json::Map<String, serde_json::Value>,
}

/// A `baton.context/v1.x` package (a `handoff.json`), read leniently: readers
/// ignore fields they do not know, as the format promises.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ImportedPackage {
    pub version: String,
    pub reason: baton_core::Reason,
    #[serde(default)]
    pub handoff_id: Option<String>,
    #[serde(default)]
    pub utterance: Option<String>,
    #[serde(default)]
    #[schema(value_type = Object)]
    pub customer: Option<serde_json::Value>,
    #[serde(default)]
    pub history: Vec<ImportedEntry>,
    #[serde(default)]
    #[schema(value_type = Object)]
    pub metadata: Option<serde_json::Value>,
    #[serde(default)]
    #[schema(value_type = Object)]
    pub crm: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Imported {
    pub conversation: Conversation,
    pub handoff: baton_core::Handoff,
}

/// Imports a `handoff.json` (a context package from this or another Baton): the
/// history becomes a local conversation owned by the calling AI agent, with a
/// handoff for the package's reason, all in one transaction.
#[utoipa::path(post, path = "/v1/conversations/import", tag = "conversations", request_body = ImportedPackage,
    security(("bearer" = [])),
    responses((status = 201, body = Imported), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
pub async fn import(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(pkg): ApiJson<ImportedPackage>,
) -> Result<(StatusCode, Json<Imported>), Problem> {
    let ai_agent = match &caller {
        Caller::Agent(a) if a.kind == AgentKind::Ai => a.id,
        _ => {
            return Err(Problem::forbidden(
                "a package is imported by the AI agent that will own the conversation",
            ));
        }
    };
    if !baton_core::ContextPackage::is_readable_version(&pkg.version) {
        return Err(Problem::unprocessable(
            "version",
            format!("`{}` is not a baton.context/v1 package", pkg.version),
        )
        .hint("export packages with `baton handoff export` or GET /v1/handoffs/{id}/context"));
    }
    let channel = pkg
        .metadata
        .as_ref()
        .and_then(|m| m.get("channel"))
        .and_then(|c| c.as_str())
        .and_then(Channel::parse)
        .unwrap_or(Channel::Chat);
    let customer = match pkg.customer {
        Some(serde_json::Value::Object(c)) => Customer {
            id: c.get("id").and_then(|v| v.as_str()).map(str::to_owned),
            name: c.get("name").and_then(|v| v.as_str()).map(str::to_owned),
            data: c
                .get("data")
                .and_then(|v| v.as_object())
                .cloned()
                .unwrap_or_default(),
        },
        _ => Customer::default(),
    };
    let history = pkg
        .history
        .into_iter()
        .map(|e| NewTurn {
            at: e.at,
            role: Some(e.role),
            text: e.text,
            confidence: e.confidence,
            intent: e.intent,
            event: e.event,
            data: e.data,
            internal: None,
        })
        .collect::<Vec<NewTurn>>();
    for (i, t) in history.iter().enumerate() {
        t.validate_at(baton_core::now()).map_err(|e| {
            Problem::unprocessable(format!("history[{i}].{}", e.field()), e.to_string())
        })?;
    }
    let mut parameters = serde_json::Map::new();
    if let Some(from) = pkg.handoff_id {
        parameters.insert("imported_from".into(), from.into());
    }
    if !pkg.crm.is_empty() {
        parameters.insert("crm".into(), serde_json::Value::Object(pkg.crm));
    }
    let change = state
        .store
        .import_conversation(
            NewConversation {
                channel,
                customer,
                ai_agent,
            },
            history,
            NewHandoff {
                conversation_id: ConversationId::new(),
                reason: pkg.reason,
                destination: None,
                utterance: pkg.utterance,
                parameters,
                priority: 0,
                rule: None,
                decision: None,
                // The router places it on its next pass, like any unrouted handoff.
                route: None,
            },
        )
        .await?;
    state.deliveries.notify_one();
    state.router.changed(change.handoff.id);
    Ok((
        StatusCode::CREATED,
        Json(Imported {
            conversation: change.conversation,
            handoff: change.handoff,
        }),
    ))
}
