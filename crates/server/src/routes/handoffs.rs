//! Handoffs: request, read, list, and the commands that move them.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use baton_core::context::AccountRef;
use baton_core::{
    Actor, AgentKind, ContextPackage, ConversationId, Handoff, HandoffCommand, HandoffId,
    HandoffState, PackageInput, Reason,
};
use baton_store::{AttachmentKind, HandoffFilter, NewHandoff, RouteDecider, Visibility};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

use super::conversations::location;
use crate::AppState;
use crate::auth::Caller;
use crate::extract::{ApiBytes, ApiJson, ApiQuery, IdPath, parse_json};
use crate::problem::Problem;

const MAX_NOTE_CHARS: usize = 4000;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestHandoff {
    /// Why; `manual` when the AI simply decides to hand off.
    #[serde(default = "manual")]
    pub reason: Reason,
    /// A queue name or a `{{ho:name}}` handoff definition.
    #[serde(default)]
    pub destination: Option<String>,
    /// What the AI tells the customer while handing off.
    #[serde(default)]
    pub utterance: Option<String>,
    /// The requester's own summary of the conversation, two or three sentences for
    /// the person or agent taking over. It is kept as `parameters.summary` (as the
    /// MCP tool `request_handoff` keeps it) and the context package and webhook
    /// events carry it in place of the generated summary's text (`summary.by` is
    /// then `requester`); a person's later correction replaces it.
    #[serde(default)]
    pub summary: Option<String>,
    /// Free parameters carried to the receiver.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub parameters: Map<String, Value>,
    /// Higher goes first (default 0).
    #[serde(default)]
    pub priority: i32,
    /// Voice conversations only: extra SIP headers for the transfer, over the
    /// definition's own (`[{"key": "X-Queue", "value": "billing"}]`).
    #[serde(default)]
    #[schema(value_type = Option<Vec<Object>>)]
    pub sip_headers: Option<Vec<SipHeaderInput>>,
}

/// One SIP header of a voice handoff request.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SipHeaderInput {
    pub key: String,
    pub value: String,
}

/// Where a handoff goes, once `{{ho:name}}` references are resolved.
pub(crate) struct Destination {
    /// What the handoff records (the request's words, or the default definition).
    pub stored: Option<String>,
    /// What routing looks at: a chat definition's queue, else the stored words.
    pub route: Option<String>,
}

/// Resolves a destination against the handoff definitions (`--handoffs`): an unknown
/// `{{ho:name}}` is refused naming it, a SIP definition only moves a voice conversation,
/// and a voice conversation with no destination takes the default definition. Without a
/// handoffs file, destinations pass through unchanged.
pub(crate) fn resolve_destination(
    state: &AppState,
    channel: baton_core::Channel,
    destination: Option<&str>,
) -> Result<Destination, Problem> {
    let handoffs = &state.handoffs;
    if handoffs.is_empty() {
        let d = destination.map(str::to_owned);
        return Ok(Destination {
            stored: d.clone(),
            route: d,
        });
    }
    let voice = channel == baton_core::Channel::Voice;
    let words = match destination {
        Some(d) => d.to_owned(),
        None if voice => match handoffs.default_definition() {
            Some(def) => format!("{{{{ho:{}}}}}", def.name),
            None => {
                return Ok(Destination {
                    stored: None,
                    route: None,
                });
            }
        },
        None => {
            return Ok(Destination {
                stored: None,
                route: None,
            });
        }
    };
    let route = match handoffs.resolve(&words) {
        None => words.clone(),
        Some(Err(name)) => {
            return Err(Problem::unprocessable(
                "destination",
                format!("`{{{{ho:{name}}}}}` names no handoff definition"),
            )
            .hint("use a name from the handoffs file (`baton handoffs check FILE` lists them)"));
        }
        Some(Ok(def)) => match &def.target {
            baton_voice::Target::Queue(q) => q.clone(),
            baton_voice::Target::User(u) => format!("user:{u}"),
            baton_voice::Target::Agent(a) => format!("agent:{a}"),
            _ if !voice => {
                return Err(Problem::unprocessable(
                    "destination",
                    format!(
                        "`{{{{ho:{}}}}}` transfers a phone call, and this is a {} conversation",
                        def.name,
                        channel.as_str()
                    ),
                )
                .hint("name a chat definition (queue, user or agent) or a queue"));
            }
            _ => words.clone(),
        },
    };
    Ok(Destination {
        stored: Some(words),
        route: Some(route),
    })
}

fn manual() -> Reason {
    Reason::Manual
}

/// Requests a handoff explicitly, like `conv.call_handoff(...)`.
#[utoipa::path(post, path = "/v1/conversations/{id}/handoffs", tag = "handoffs", request_body = RequestHandoff,
    security(("bearer" = [])), params(("id" = ConversationId, Path)),
    responses(
        (status = 201, body = Handoff), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, description = "A handoff is already in flight, or the conversation is closed", body = Problem),
        (status = 422, body = Problem),
    ))]
pub async fn request(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<ConversationId>,
    ApiJson(body): ApiJson<RequestHandoff>,
) -> Result<(StatusCode, axum::http::HeaderMap, Json<Handoff>), Problem> {
    if let Some(d) = &body.destination
        && (d.trim().is_empty() || d.len() > 200)
    {
        return Err(Problem::unprocessable(
            "destination",
            "`destination` must be 1 to 200 characters",
        )
        .hint("name a queue, e.g. \"billing\", or a handoff definition, e.g. \"{{ho:billing}}\""));
    }
    if body
        .utterance
        .as_ref()
        .is_some_and(|u| u.len() > MAX_NOTE_CHARS)
    {
        return Err(Problem::unprocessable(
            "utterance",
            format!("`utterance` is longer than {MAX_NOTE_CHARS} bytes"),
        ));
    }
    let mut parameters = body.parameters;
    if let Some(summary) = body.summary {
        if summary.chars().count() > MAX_NOTE_CHARS {
            return Err(Problem::unprocessable(
                "summary",
                format!("`summary` is longer than {MAX_NOTE_CHARS} characters"),
            ));
        }
        if !summary.trim().is_empty() {
            parameters.insert("summary".into(), summary.into());
        }
    }
    let destination = if state.handoffs.is_empty() && body.sip_headers.is_none() {
        Destination {
            stored: body.destination.clone(),
            route: body.destination,
        }
    } else {
        let conv = super::conversations::visible_conversation(&state, &caller, id).await?;
        if let Some(headers) = body.sip_headers {
            if conv.channel != baton_core::Channel::Voice {
                return Err(Problem::unprocessable(
                    "sip_headers",
                    "`sip_headers` apply to voice conversations only",
                ));
            }
            let mut list = Vec::with_capacity(headers.len());
            for (i, h) in headers.into_iter().enumerate() {
                let header = baton_voice::SipHeader::new(&h.key, &h.value)
                    .map_err(|m| Problem::unprocessable(format!("sip_headers[{i}]"), m))?;
                list.push(
                    serde_json::json!({"key": header.key.as_str(), "value": header.value.as_str()}),
                );
            }
            parameters.insert("sip_headers".into(), Value::Array(list));
        }
        resolve_destination(&state, conv.channel, body.destination.as_deref())?
    };
    let router = state.router.clone();
    let (reason, priority) = (body.reason, body.priority);
    let (route_to, route_parameters) = (destination.route, parameters.clone());
    let route: RouteDecider = Box::new(move |conv, latest_intent| {
        router.route(baton_route::router::RouteInput {
            reason,
            destination: route_to.as_deref(),
            priority,
            channel: conv.channel,
            customer: &conv.customer,
            parameters: &route_parameters,
            decision: None,
            latest_intent,
        })
    });
    let change = state
        .store
        .request_handoff(
            caller.actor(),
            NewHandoff {
                conversation_id: id,
                reason: body.reason,
                destination: destination.stored,
                utterance: body.utterance,
                parameters,
                priority: body.priority,
                rule: None,
                decision: None,
                route: None,
            },
            Some(route),
        )
        .await?;
    let h = change.handoff;
    tracing::info!(handoff = %h.id, conversation = %id, reason = h.reason.as_str(), "handoff requested");
    state.deliveries.notify_one();
    state.router.changed(h.id);
    Ok((
        StatusCode::CREATED,
        location(&format!("/v1/handoffs/{}", h.id)),
        Json(h),
    ))
}

/// What a receiver may see of a handoff record: the same policy as its context
/// package. The parameters (which can carry the CRM profile) only come through the
/// package; the free text — utterance, note, corrected summary and the decision's
/// explanation — goes through the receiver's redaction, and of the decision only
/// that explanation is kept (its signals can quote customer data; the package has
/// them redacted). A text the policy leaves out is withheld.
fn for_receiver(state: &AppState, caller: &Caller, mut h: Handoff) -> Handoff {
    if !caller.is_receiver() {
        return h;
    }
    h.parameters = Map::new();
    let explanation = h
        .decision
        .as_ref()
        .and_then(|d| d.get("explanation"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let texts = [
        h.utterance.take(),
        h.note.take(),
        h.summary.take(),
        explanation,
    ];
    let [utterance, note, summary, explanation] =
        redact_texts(state.receivers.policy(&receiver_name(caller)), texts);
    h.utterance = utterance;
    h.note = note;
    h.summary = summary;
    h.decision = explanation.map(|e| serde_json::json!({ "explanation": e }));
    h
}

/// Free texts through a receiver's redaction policy, as the package's history text
/// would be: what the policy leaves out comes back as `None`.
pub(crate) fn redact_texts<const N: usize>(
    policy: &baton_core::RedactionPolicy,
    texts: [Option<String>; N],
) -> [Option<String>; N] {
    let history: Vec<Value> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| serde_json::json!({"seq": i, "role": "ai", "text": t.as_deref().unwrap_or("")}))
        .collect();
    let redacted = policy.redact_json(serde_json::json!({
        "version": baton_core::CONTEXT_VERSION,
        "history": history,
    }));
    let mut i = 0;
    texts.map(|t| {
        let out = t.and_then(|_| redacted["history"][i]["text"].as_str().map(str::to_owned));
        i += 1;
        out
    })
}

/// The handoff if `actor` may see it; otherwise "does not exist".
pub(crate) async fn visible_handoff(
    state: &AppState,
    actor: Actor,
    id: HandoffId,
) -> Result<Handoff, Problem> {
    let h = state.store.handoff(id).await?;
    if state.store.can_see_handoff(&h, actor).await? {
        Ok(h)
    } else {
        Err(Problem::not_found(format!("handoff {id} does not exist")))
    }
}

/// The handoff's package redacted and mapped for `receiver`; the fetch is audited,
/// with `detail` saying who fetched it.
pub(crate) async fn redacted_context(
    state: &AppState,
    actor: Actor,
    h: &Handoff,
    receiver: &str,
    detail: Value,
) -> Result<Value, Problem> {
    let pkg = package(state, h).await?;
    let (receivers, name, id) = (state.receivers.clone(), receiver.to_owned(), h.id);
    let doc = tokio::task::spawn_blocking(move || receivers.package_for(&name, &pkg))
        .await
        .map_err(|_| Problem::internal())?
        .map_err(|e| {
            tracing::error!(handoff = %id, error = %e, "redaction failed; nothing was sent");
            Problem::internal()
        })?;
    state
        .store
        .record_access(
            actor,
            "context.fetched",
            &format!("handoff:{}", h.id),
            detail,
        )
        .await?;
    Ok(doc)
}

/// One handoff.
#[utoipa::path(get, path = "/v1/handoffs/{id}", tag = "handoffs", security(("bearer" = [])),
    params(("id" = HandoffId, Path)),
    responses((status = 200, body = Handoff), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn read(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<HandoffId>,
) -> Result<Json<Handoff>, Problem> {
    let h = visible_handoff(&state, caller.actor(), id).await?;
    Ok(Json(for_receiver(&state, &caller, h)))
}

/// Which receiver policy applies to a caller: `desk` for people, `external:<name>`
/// for agents on other platforms, `phone`, `ai` for the AI that asked, `admin`.
pub(crate) fn receiver_name(caller: &Caller) -> String {
    match caller {
        Caller::Admin => "admin".to_owned(),
        Caller::Agent(a) => match a.kind {
            AgentKind::Human => "desk".to_owned(),
            AgentKind::External => format!("external:{}", a.name),
            AgentKind::Phone => "phone".to_owned(),
            AgentKind::Ai => "ai".to_owned(),
        },
    }
}

/// Most turns a context package carries: the newest ones, the trigger among them.
const MAX_PACKAGE_TURNS: u32 = 5_000;
/// Most turn text and data a context package carries, in bytes.
const MAX_PACKAGE_BYTES: u64 = 4 * 1024 * 1024;

/// The context package built for `handoff`, not yet redacted.
pub(crate) async fn package(state: &AppState, h: &Handoff) -> Result<ContextPackage, Problem> {
    let conv = state.store.conversation(h.conversation_id).await?;
    let (turns, omitted) = state
        .store
        .newest_turns(conv.id, MAX_PACKAGE_TURNS, MAX_PACKAGE_BYTES)
        .await?;
    let mut attachments = Vec::new();
    for kind in [
        AttachmentKind::Artifact,
        AttachmentKind::Log,
        AttachmentKind::Checkpoint,
    ] {
        attachments.push(state.store.attachments(conv.id, kind).await?);
    }
    let (h, evaluator, base_url) = (h.clone(), state.evaluator.clone(), state.public_url.clone());
    // Scoring and building are CPU work over up to megabytes of text: off the async
    // workers, so one large package does not stall every other request.
    tokio::task::spawn_blocking(move || {
        let mut input = PackageInput::new(&conv, &h, &turns);
        input.omitted_turns = omitted;
        input.base_url = base_url;
        let [artifacts, logs, checkpoints] =
            <[Vec<Value>; 3]>::try_from(attachments).map_err(|_| Problem::internal())?;
        input.artifacts = decode_attachments(h.id, "artifact", artifacts)?;
        input.logs = decode_attachments(h.id, "log", logs)?;
        input.checkpoints = decode_attachments(h.id, "checkpoint", checkpoints)?;
        let scores: std::collections::BTreeMap<i64, f64> = turns
            .iter()
            .filter(|t| t.role == baton_core::Role::Customer)
            .filter_map(|t| evaluator.sentiment(&t.text).map(|s| (t.seq, s)))
            .collect();
        if !scores.is_empty() {
            input.sentiment = Some(scores);
        }
        // The AI passes the CRM profile and account identifiers with the handoff request.
        if let Some(Value::Object(crm)) = h.parameters.get("crm") {
            input.crm = crm.clone();
        }
        if let Some(id) = &conv.customer.id {
            input.accounts.push(AccountRef {
                system: "customer".to_owned(),
                id: id.clone(),
            });
        }
        let mut pkg = ContextPackage::build_from(&input);
        own_summary(&h, &mut pkg);
        Ok(pkg)
    })
    .await
    .map_err(|e| {
        tracing::error!(error = %e, "building a context package failed");
        Problem::internal()
    })?
}

/// Whose summary the package carries: a person's correction (`by: "human"`), else
/// the requester's own (`summary` in the request, kept as `parameters.summary`;
/// `by: "requester"`), else the generated one. The generated facts (`wants`,
/// `tried`, `collected`) stay beside whichever text wins.
fn own_summary(h: &Handoff, pkg: &mut ContextPackage) {
    let Some(summary) = pkg.summary.as_mut() else {
        return;
    };
    let requester = h
        .parameters
        .get("summary")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty());
    if let Some(text) = &h.summary {
        summary.text.clone_from(text);
        summary.by = "human".to_owned();
    } else if let Some(text) = requester {
        text.clone_into(&mut summary.text);
        summary.by = "requester".to_owned();
    }
}

/// The handoff's summary as `receiver` may see it (what a webhook event carries):
/// the package's summary, built from the conversation as it stands, through the
/// receiver's policy. `None` when the policy leaves the summary out.
pub(crate) async fn summary_for(
    state: &AppState,
    h: &Handoff,
    receiver: &str,
) -> Result<Option<String>, Problem> {
    let conv = state.store.conversation(h.conversation_id).await?;
    let (turns, omitted) = state
        .store
        .newest_turns(conv.id, MAX_PACKAGE_TURNS, MAX_PACKAGE_BYTES)
        .await?;
    let (h, receivers, receiver) = (h.clone(), state.receivers.clone(), receiver.to_owned());
    tokio::task::spawn_blocking(move || {
        let mut input = PackageInput::new(&conv, &h, &turns);
        input.omitted_turns = omitted;
        if let Some(id) = &conv.customer.id {
            input.accounts.push(AccountRef {
                system: "customer".to_owned(),
                id: id.clone(),
            });
        }
        let mut pkg = ContextPackage::build_from(&input);
        own_summary(&h, &mut pkg);
        let summary = pkg.summary?;
        let redacted = receivers.policy(&receiver).redact_json(serde_json::json!({
            "version": baton_core::CONTEXT_VERSION,
            "summary": summary,
        }));
        redacted["summary"]["text"].as_str().map(str::to_owned)
    })
    .await
    .map_err(|e| {
        tracing::error!(error = %e, "building a summary failed");
        Problem::internal()
    })
}

/// Stored attachments as the package's types. One that cannot be read is reported
/// (logged with its handoff) and fails the package: a receiver must never get a
/// package silently missing what the AI attached.
fn decode_attachments<T: serde::de::DeserializeOwned>(
    handoff: HandoffId,
    kind: &str,
    stored: Vec<Value>,
) -> Result<Vec<T>, Problem> {
    stored
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            serde_json::from_value(v).map_err(|e| {
                tracing::error!(%handoff, kind, index = i, error = %e, "a stored attachment cannot be read");
                Problem::internal()
            })
        })
        .collect()
}

/// The context package of a handoff, redacted and mapped for the caller's receiver
/// policy. Every fetch is recorded in the audit log.
#[utoipa::path(get, path = "/v1/handoffs/{id}/context", tag = "handoffs", security(("bearer" = [])),
    params(("id" = HandoffId, Path)),
    responses((status = 200, description = "`baton.context/v1`, see /v1/schemas/context.json", body = Object),
        (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn context(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<HandoffId>,
) -> Result<Json<Value>, Problem> {
    let h = visible_handoff(&state, caller.actor(), id).await?;
    let receiver = receiver_name(&caller);
    let detail = serde_json::json!({ "receiver": receiver });
    Ok(Json(
        redacted_context(&state, caller.actor(), &h, &receiver, detail).await?,
    ))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OfferList {
    pub offers: Vec<baton_core::Offer>,
}

/// The offers made of a handoff, oldest first: to whom, from which queue, until
/// when, and how each ended.
#[utoipa::path(get, path = "/v1/handoffs/{id}/offers", tag = "handoffs", security(("bearer" = [])),
    params(("id" = HandoffId, Path)),
    responses((status = 200, body = OfferList), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn offers(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<HandoffId>,
) -> Result<Json<OfferList>, Problem> {
    visible_handoff(&state, caller.actor(), id).await?;
    let mut offers = state.store.offers(id).await?;
    // A receiver sees only its own offers.
    if let Caller::Agent(a) = &caller
        && caller.is_receiver()
    {
        offers.retain(|o| o.receiver == a.id);
    }
    Ok(Json(OfferList { offers }))
}

/// The JSON Schema of `baton.context/v1`.
#[utoipa::path(get, path = "/v1/schemas/context.json", tag = "handoffs", security(("bearer" = [])),
    responses((status = 200, body = Object), (status = 401, body = Problem)))]
pub async fn context_schema(_caller: Caller) -> Json<Value> {
    Json(baton_core::context_json_schema())
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    /// Only handoffs in this state.
    pub state: Option<HandoffState>,
    /// Only handoffs to this destination.
    pub queue: Option<String>,
    /// Only handoffs of this conversation.
    pub conversation: Option<ConversationId>,
    /// Only handoffs created at or after this RFC 3339 time.
    #[serde(default, with = "baton_core::clock::rfc3339_opt")]
    #[param(value_type = Option<String>, format = DateTime)]
    pub since: Option<OffsetDateTime>,
    /// At most this many (default 100, at most 1000); newest first.
    pub limit: Option<u32>,
}

#[derive(Debug, serde::Serialize, ToSchema)]
pub struct HandoffList {
    pub handoffs: Vec<Handoff>,
}

/// Handoffs the caller may see, newest first.
#[utoipa::path(get, path = "/v1/handoffs", tag = "handoffs", security(("bearer" = [])), params(ListParams),
    responses((status = 200, body = HandoffList), (status = 400, body = Problem), (status = 401, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(p): ApiQuery<ListParams>,
) -> Result<Json<HandoffList>, Problem> {
    let filter = HandoffFilter {
        visibility: Visibility::of(caller.actor()),
        state: p.state,
        queue: p.queue,
        conversation: p.conversation,
        since: p.since,
        open_only: false,
        limit: p.limit.unwrap_or(100).clamp(1, 1000),
    };
    Ok(Json(HandoffList {
        handoffs: state
            .store
            .list_handoffs(&filter)
            .await?
            .into_iter()
            .map(|h| for_receiver(&state, &caller, h))
            .collect(),
    }))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Why (reject), what was done (resolve), or what the AI should know (hand-back).
    #[serde(default)]
    pub note: Option<String>,
}

/// An optional `{"note"}` body: empty bodies are fine, anything else must be JSON.
fn note(body: &Bytes) -> Result<Option<String>, Problem> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let n: Note = parse_json(body)?;
    match n.note {
        Some(s) if s.chars().count() > MAX_NOTE_CHARS => Err(Problem::unprocessable(
            "note",
            format!("`note` is longer than {MAX_NOTE_CHARS} characters"),
        )),
        Some(s) if s.trim().is_empty() => Ok(None),
        other => Ok(other),
    }
}

async fn run(
    state: AppState,
    caller: Caller,
    id: HandoffId,
    command: HandoffCommand,
    body: Bytes,
) -> Result<Json<Handoff>, Problem> {
    let note = note(&body)?;
    let change = state
        .store
        .command(id, caller.actor(), command, note)
        .await?;
    state.feed.note_holder(&change.handoff);
    tracing::info!(handoff = %id, command = command.as_str(), state = change.handoff.state.as_str(), "handoff command");
    state.deliveries.notify_one();
    state.router.changed(id);
    Ok(Json(for_receiver(&state, &caller, change.handoff)))
}

macro_rules! command_route {
    ($name:ident, $cmd:expr, $path:literal, $doc:literal) => {
        #[doc = $doc]
        #[utoipa::path(post, path = $path, tag = "handoffs", security(("bearer" = [])),
            params(("id" = HandoffId, Path)), request_body(content = Option<Note>, description = "Optional note"),
            responses(
                (status = 200, body = Handoff), (status = 401, body = Problem), (status = 403, body = Problem),
                (status = 404, body = Problem),
                (status = 409, description = "Illegal in the handoff's current state", body = Problem),
                (status = 422, body = Problem),
            ))]
        pub async fn $name(
            State(state): State<AppState>,
            caller: Caller,
            IdPath(id): IdPath<HandoffId>,
            ApiBytes(body): ApiBytes,
        ) -> Result<Json<Handoff>, Problem> {
            run(state, caller, id, $cmd, body).await
        }
    };
}

command_route!(
    accept,
    HandoffCommand::Accept,
    "/v1/handoffs/{id}/accept",
    "Takes the handoff: the caller becomes the conversation's owner. Exactly one receiver wins a race; the others get 409."
);
command_route!(
    reject,
    HandoffCommand::Reject,
    "/v1/handoffs/{id}/reject",
    "Declines the handoff with a note; it stays waiting for another receiver."
);
command_route!(
    resolve,
    HandoffCommand::Resolve,
    "/v1/handoffs/{id}/resolve",
    "Finishes the work; the conversation is closed."
);
command_route!(
    handback,
    HandoffCommand::HandBack,
    "/v1/handoffs/{id}/handback",
    "Gives the conversation back to the AI with a note, marked in the history."
);
command_route!(
    cancel,
    HandoffCommand::Cancel,
    "/v1/handoffs/{id}/cancel",
    "Withdraws a handoff no one has taken yet (the AI that asked, or the admin)."
);
