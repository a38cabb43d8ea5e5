//! The MCP tools. Each description is written for a model deciding whether to call
//! the tool: when to, when not to, and what the arguments mean.

use std::borrow::Cow;

use axum::Json;
use axum::extract::State;
use axum::http::request::Parts;
use baton_core::{Channel, ConversationId, Customer, HandoffId, NewTurn, Reason, Role, TurnEvent};
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::tool::Extension;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{CallToolResult, Implementation, ServerCapabilities, ServerConfig};
use rmcp::schemars::{self, JsonSchema};
use rmcp::{ErrorData, ServerHandler, tool, tool_handler, tool_router};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::AppState;
use crate::auth::Caller;
use crate::extract::{ApiJson, IdPath};
use crate::problem::Problem;
use crate::routes::{conversations, handoffs};

/// Every tool Baton offers, by name.
pub const TOOL_NAMES: [&str; 4] = [
    "request_handoff",
    "get_handoff_status",
    "append_turn",
    "should_handoff",
];

const REQUEST_HANDOFF: &str = "Hand this conversation to someone else — a person at the \
support desk, or whoever Baton's routing names (a person, another agent) — because you should \
not or cannot finish it yourself. Call it when the customer asks for a human, when they are upset or \
stuck after several tries, when the request needs an action you are not allowed to take \
(refunds, account changes, legal or medical questions), or when should_handoff says so. Do not \
call it to answer a question you can answer, and do not call it again while a handoff is in \
flight (it is refused: check get_handoff_status instead). After it succeeds, stop answering: \
tell the customer a colleague will take over (pass that sentence as `utterance`). Arguments: \
`conversation_id` (from append_turn or the API); `reason`, one of explicit_request, \
low_confidence, negative_sentiment, loop, regulated, high_value, urgency, critical_action, \
error, completion, complex, manual; `destination`, a queue name such as \"billing\", \
\"user:NAME\" for one desk user, \"agent:NAME\" for a connected agent, or \"{{ho:NAME}}\" for \
a configured handoff definition (leave it out to let Baton's routing decide; a destination \
Baton does not know goes to the default route); `summary`, two or three sentences a \
person can act on without reading the whole conversation; `parameters`, facts the receiver \
needs (order ids, what you already tried).";

const GET_HANDOFF_STATUS: &str = "Read where a handoff stands: requested (waiting for a \
person), offered (proposed to one), accepted or active (a person holds the conversation — do \
not reply to the customer yourself), resolved (finished, the conversation is closed), \
handed_back (it is yours again; read `note` for what the person wants you to know), canceled, \
or failed (no one was found; it waits in the failsafe queue). Call it before speaking in a \
conversation you handed off, or when the customer asks what is happening. Argument: \
`handoff_id`, as returned by request_handoff or append_turn.";

const APPEND_TURN: &str = "Record one turn of the conversation in Baton: what the customer \
said (`role`: customer) or what you answered (`role`: ai). Baton's rules read every turn and \
may start a handoff on their own; the answer says so (`decision.handoff`, `handoff_id`). Call \
it for every customer message and every reply you send, in order. Leave out \
`conversation_id` to start a new conversation (the answer carries its id; reuse it). Do not \
record drafts you will not send (ask should_handoff about those), and do not repeat a turn. Your \
replies are refused while a person holds the conversation; the customer's words are always \
recorded. `confidence` (0 to 1) is how sure you are of your answer; `intent` is a short label \
for what the customer wants (\"billing\"); `event` marks an `error` you hit, a \
`critical_action` you are about to take, or the `completion` of the customer's request.";

const SHOULD_HANDOFF: &str = "Ask Baton's rules whether a turn you are about to record would \
hand the conversation to a person, without storing anything. Call it when you are unsure \
whether to keep going yourself — before sending a low-confidence answer, or when the customer \
sounds frustrated — and follow the answer: if `handoff` is true, call request_handoff with its \
`reason`. Do not call it instead of append_turn: turns you actually send belong in append_turn, \
which applies the same rules. Arguments as in append_turn; `conversation_id` is required.";

fn reason_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "string",
        "enum": baton_core::Reason::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        "description": "Why the conversation changes hands."
    })
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct RequestHandoffArgs {
    /// The conversation to hand off.
    pub conversation_id: String,
    /// Why; `manual` when you simply decide to.
    #[serde(default)]
    #[schemars(schema_with = "reason_schema")]
    pub reason: Option<String>,
    /// A queue name (e.g. "billing"), or "{{ho:NAME}}"; leave out to let routing decide.
    #[serde(default)]
    pub destination: Option<String>,
    /// Two or three sentences a person can act on.
    #[serde(default)]
    pub summary: Option<String>,
    /// What you tell the customer while handing off.
    #[serde(default)]
    pub utterance: Option<String>,
    /// Facts the receiver needs.
    #[serde(default)]
    pub parameters: Option<Map<String, Value>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct HandoffStatusArgs {
    /// The handoff, as returned by request_handoff or append_turn.
    pub handoff_id: String,
}

#[derive(Clone, Copy, Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TurnRole {
    /// The customer's words.
    Customer,
    /// Your own reply.
    Ai,
}

#[derive(Clone, Copy, Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    Error,
    CriticalAction,
    Completion,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct TurnArgs {
    /// The conversation; leave out (append_turn only) to start a new one.
    #[serde(default)]
    pub conversation_id: Option<String>,
    /// Who speaks: `customer` or `ai`.
    pub role: TurnRole,
    /// What was said.
    pub text: String,
    /// How sure you are of your answer, 0 to 1 (role `ai`).
    #[serde(default)]
    pub confidence: Option<f64>,
    /// A short label for what the customer wants, e.g. "billing".
    #[serde(default)]
    pub intent: Option<String>,
    /// `error`, `critical_action` or `completion`, when the turn is one.
    #[serde(default)]
    pub event: Option<Event>,
}

impl TurnArgs {
    fn new_turn(&self) -> NewTurn {
        NewTurn {
            role: Some(match self.role {
                TurnRole::Customer => Role::Customer,
                TurnRole::Ai => Role::Ai,
            }),
            text: self.text.clone(),
            confidence: self.confidence,
            intent: self.intent.clone(),
            event: self.event.map(|e| match e {
                Event::Error => TurnEvent::Error,
                Event::CriticalAction => TurnEvent::CriticalAction,
                Event::Completion => TurnEvent::Completion,
            }),
            ..NewTurn::default()
        }
    }
}

/// The tools, bound to one request's state.
#[derive(Clone)]
pub struct Tools {
    state: AppState,
    tool_router: ToolRouter<Tools>,
}

type ToolResult = Result<CallToolResult, ErrorData>;

fn caller_of(parts: &Parts) -> Result<Caller, ErrorData> {
    parts
        .extensions
        .get::<Caller>()
        .cloned()
        .ok_or_else(|| ErrorData::internal_error("the request was not authenticated", None))
}

fn problem(p: Problem) -> CallToolResult {
    CallToolResult::structured_error(serde_json::to_value(&p).unwrap_or(Value::Null))
}

fn parse_id<T>(
    field: &str,
    raw: &str,
    make: impl Fn(uuid::Uuid) -> T,
) -> Result<T, CallToolResult> {
    uuid::Uuid::try_parse(raw.trim()).map(make).map_err(|_| {
        problem(Problem::unprocessable(
            field,
            format!("`{field}` is not an id: {raw:?}"),
        ))
    })
}

fn ok(value: impl serde::Serialize) -> ToolResult {
    Ok(CallToolResult::structured(
        serde_json::to_value(value).unwrap_or(Value::Null),
    ))
}

#[tool_router]
impl Tools {
    pub fn new(state: AppState, enabled: &[&str]) -> Tools {
        let mut tool_router = Self::tool_router();
        for name in TOOL_NAMES {
            if !enabled.contains(&name) {
                tool_router.remove_route(name);
            }
        }
        Tools { state, tool_router }
    }

    async fn audit(&self, caller: &Caller, tool: &str, result: &CallToolResult, detail: Value) {
        let mut detail = detail;
        detail["ok"] = json!(result.is_error != Some(true));
        if let Err(e) = self
            .state
            .store
            .record_access(caller.actor(), "mcp.tool", tool, detail)
            .await
        {
            tracing::warn!(error = %e, tool, "an MCP call could not be audited");
        }
    }

    #[tool(description = REQUEST_HANDOFF)]
    async fn request_handoff(
        &self,
        Extension(parts): Extension<Parts>,
        Parameters(args): Parameters<RequestHandoffArgs>,
    ) -> ToolResult {
        let caller = caller_of(&parts)?;
        let result = self.request_handoff_inner(&caller, &args).await;
        let result = result.unwrap_or_else(|e| e);
        self.audit(
            &caller,
            "request_handoff",
            &result,
            json!({"conversation": args.conversation_id, "destination": args.destination}),
        )
        .await;
        Ok(result)
    }

    #[tool(description = GET_HANDOFF_STATUS)]
    async fn get_handoff_status(
        &self,
        Extension(parts): Extension<Parts>,
        Parameters(args): Parameters<HandoffStatusArgs>,
    ) -> ToolResult {
        let caller = caller_of(&parts)?;
        let result = match parse_id("handoff_id", &args.handoff_id, HandoffId) {
            Err(e) => e,
            Ok(id) => {
                match handoffs::read(State(self.state.clone()), caller.clone(), IdPath(id)).await {
                    Ok(Json(h)) => ok(json!({
                        "handoff_id": h.id, "conversation_id": h.conversation_id,
                        "state": h.state, "reason": h.reason, "queue": h.queue,
                        "held_by_a_person": matches!(h.state, baton_core::HandoffState::Accepted | baton_core::HandoffState::Active),
                        "note": h.note, "updated_at": h.updated_at.format(&time::format_description::well_known::Rfc3339).ok(),
                    }))?,
                    Err(p) => problem(p),
                }
            }
        };
        self.audit(
            &caller,
            "get_handoff_status",
            &result,
            json!({"handoff": args.handoff_id}),
        )
        .await;
        Ok(result)
    }

    #[tool(description = APPEND_TURN)]
    async fn append_turn(
        &self,
        Extension(parts): Extension<Parts>,
        Parameters(args): Parameters<TurnArgs>,
    ) -> ToolResult {
        let caller = caller_of(&parts)?;
        let result = self
            .append_turn_inner(&caller, &args)
            .await
            .unwrap_or_else(|e| e);
        self.audit(
            &caller,
            "append_turn",
            &result,
            json!({"conversation": result.structured_content.as_ref().and_then(|v| v.get("conversation_id")).cloned().or(args.conversation_id.clone().map(Value::from))}),
        )
        .await;
        Ok(result)
    }

    #[tool(description = SHOULD_HANDOFF)]
    async fn should_handoff(
        &self,
        Extension(parts): Extension<Parts>,
        Parameters(args): Parameters<TurnArgs>,
    ) -> ToolResult {
        let caller = caller_of(&parts)?;
        let result = self
            .should_handoff_inner(&caller, &args)
            .await
            .unwrap_or_else(|e| e);
        self.audit(
            &caller,
            "should_handoff",
            &result,
            json!({"conversation": args.conversation_id}),
        )
        .await;
        Ok(result)
    }
}

impl Tools {
    async fn request_handoff_inner(
        &self,
        caller: &Caller,
        args: &RequestHandoffArgs,
    ) -> Result<CallToolResult, CallToolResult> {
        let id = parse_id("conversation_id", &args.conversation_id, ConversationId)?;
        let reason = match args.reason.as_deref() {
            None => Reason::Manual,
            Some(r) => r.parse::<Reason>().map_err(|_| {
                problem(Problem::unprocessable(
                    "reason",
                    format!("`{r}` is not a reason; use one of the listed values, or `manual`"),
                ))
            })?,
        };
        let body = handoffs::RequestHandoff {
            reason,
            destination: args.destination.clone(),
            utterance: args.utterance.clone(),
            summary: args.summary.clone(),
            parameters: args.parameters.clone().unwrap_or_default(),
            priority: 0,
            sip_headers: None,
        };
        match handoffs::request(
            State(self.state.clone()),
            caller.clone(),
            IdPath(id),
            ApiJson(body),
        )
        .await
        {
            Ok((_, _, Json(h))) => Ok(CallToolResult::structured(json!({
                "handoff_id": h.id, "conversation_id": h.conversation_id, "state": h.state,
                "reason": h.reason, "queue": h.queue,
                "next": "Stop answering the customer yourself; a person takes over. Check get_handoff_status before speaking again.",
            }))),
            Err(p) => Err(problem(p)),
        }
    }

    async fn append_turn_inner(
        &self,
        caller: &Caller,
        args: &TurnArgs,
    ) -> Result<CallToolResult, CallToolResult> {
        let id = match &args.conversation_id {
            Some(raw) => parse_id("conversation_id", raw, ConversationId)?,
            None => {
                let (_, _, Json(conv)) = conversations::create(
                    State(self.state.clone()),
                    caller.clone(),
                    ApiJson(conversations::CreateConversation {
                        channel: Channel::Chat,
                        customer: Customer::default(),
                        ai_agent: None,
                    }),
                )
                .await
                .map_err(problem)?;
                conv.id
            }
        };
        let (_, Json(accepted)) = conversations::append_turn(
            State(self.state.clone()),
            caller.clone(),
            IdPath(id),
            ApiJson(args.new_turn()),
        )
        .await
        .map_err(problem)?;
        Ok(CallToolResult::structured(json!({
            "conversation_id": id,
            "seq": accepted.turn.seq,
            "decision": {
                "handoff": accepted.decision.handoff,
                "reason": accepted.decision.reason,
                "rule": accepted.decision.rule,
                "explanation": accepted.decision.explanation,
            },
            "handoff_id": accepted.handoff_id,
        })))
    }

    async fn should_handoff_inner(
        &self,
        caller: &Caller,
        args: &TurnArgs,
    ) -> Result<CallToolResult, CallToolResult> {
        let Some(raw) = &args.conversation_id else {
            return Err(problem(Problem::unprocessable(
                "conversation_id",
                "`conversation_id` is required: the rules read the conversation so far",
            )));
        };
        let id = parse_id("conversation_id", raw, ConversationId)?;
        let state = &self.state;
        conversations::visible_conversation(state, caller, id)
            .await
            .map_err(problem)?;
        let window = u32::try_from(state.evaluator.window()).unwrap_or(u32::MAX);
        let (conv, mut recent) = state
            .store
            .conversation_with_recent(id, window.saturating_sub(1))
            .await
            .map_err(|e| problem(e.into()))?;
        if !conv.rules_apply() {
            return Ok(CallToolResult::structured(json!({
                "handoff": false,
                "explanation": match conv.open_handoff {
                    Some(h) => format!("handoff {h} is already in flight; check get_handoff_status"),
                    None => "the conversation is closed or held by a receiver; the rules wait".to_owned(),
                },
                "handoff_id": conv.open_handoff,
            })));
        }
        if window == 0 {
            return Ok(CallToolResult::structured(json!({
                "handoff": false, "explanation": "rules are disabled on this Baton",
            })));
        }
        let turn = args.new_turn();
        let now = baton_core::now();
        let role = turn
            .validate_at(now)
            .map_err(|e| problem(baton_store::StoreError::from(e).into()))?;
        let added = baton_core::effects::add_turn(&conv, None, caller.actor(), turn, role, now)
            .map_err(|e| problem(baton_store::StoreError::from(e).into()))?;
        recent.push(added.turn);
        let (d, _) = crate::evaluate::decide(&state.evaluator, recent).await;
        Ok(CallToolResult::structured(json!({
            "handoff": d.handoff, "reason": d.reason, "rule": d.rule,
            "destination": d.target, "explanation": d.explanation,
        })))
    }
}

#[tool_handler(router = self.tool_router)]
impl ServerHandler for Tools {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new("baton", env!("CARGO_PKG_VERSION")))
            .with_instructions(Cow::Borrowed(
                "Baton is the handoff broker between you and the people (and other agents) who \
                 can take a conversation over. Record turns with append_turn, ask should_handoff \
                 when unsure, call request_handoff when a person should take over, and check \
                 get_handoff_status before speaking in a conversation you handed off.",
            ))
    }
}
