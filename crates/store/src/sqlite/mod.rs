//! The embedded store: one SQLite file in WAL mode, driven by [`engine`].

mod connections;
mod engine;
mod routing;
mod rows;
mod webhooks;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, RwLock};

use async_trait::async_trait;
use baton_core::effects;
use baton_core::{
    Actor, Agent, AgentId, AgentKind, Channel, Conversation, ConversationId, ConversationStatus,
    Handoff, HandoffCommand, HandoffId, HandoffState, NewTurn, Role, Turn,
};
use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Value, json};

use self::engine::{Engine, db_err};
use self::rows::{from_us, get, json_text, to_us};
use crate::audit::{AuditFields, GENESIS, entry_hash};
use crate::webhooks::{Delivery, DeliveryOutcome, DeliveryState, NewWebhook, Webhook};
use crate::{
    AgentCredentials, AttachmentKind, AuditVerification, DeskLoad, DeskSession, DeskUser, Expired,
    HandoffChange, HandoffFilter, InboundSource, NewConversation, NewHandoff, NewRoute, Result,
    Store, StoreError, TurnAppended, Visibility, Waiting,
};
use crate::{Evaluated, RouteDecider};
use baton_core::{Offer, Presence};
use time::OffsetDateTime;

/// How much an acknowledged write survives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Durability {
    /// `synchronous=NORMAL`: a commit survives the Baton process crashing or being
    /// killed; the last commits before an OS crash or power loss may be lost.
    #[default]
    ProcessCrash,
    /// `synchronous=FULL`: every commit is fsynced before it is acknowledged, and
    /// survives power loss.
    PowerLoss,
}

/// The SQLite implementation of [`Store`].
#[derive(Clone)]
pub struct SqliteStore {
    engine: Arc<Engine>,
    /// Agents never change once registered, and every request authenticates one.
    agents: Arc<RwLock<HashMap<AgentId, AgentCredentials>>>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database file and applies pending migrations.
    pub async fn open(path: &Path, durability: Durability) -> Result<Self> {
        Self::open_with(path, durability, std::time::Duration::from_secs(5)).await
    }

    /// Like [`SqliteStore::open`], waiting at most `busy` for a lock another
    /// process holds before answering "unavailable".
    pub async fn open_with(
        path: &Path,
        durability: Durability,
        busy: std::time::Duration,
    ) -> Result<Self> {
        Self::open_limited(path, durability, busy, None).await
    }

    /// Like [`SqliteStore::open_with`], with the database file capped at `max_pages`
    /// pages: what a full disk looks like to SQLite, for tests and quota-bound hosts.
    pub async fn open_limited(
        path: &Path,
        durability: Durability,
        busy: std::time::Duration,
        max_pages: Option<u64>,
    ) -> Result<Self> {
        let sync = match durability {
            Durability::ProcessCrash => "NORMAL",
            Durability::PowerLoss => "FULL",
        };
        let path = path.to_owned();
        let engine =
            tokio::task::spawn_blocking(move || Engine::open(&path, sync, busy, max_pages))
                .await
                .map_err(|e| StoreError::Backend(format!("opening the database: {e}")))??;
        Ok(Self {
            engine,
            agents: Arc::default(),
        })
    }

    /// Finishes queued writes, stops the writer and checkpoints the WAL.
    pub async fn close(&self) {
        let engine = self.engine.clone();
        let _ = tokio::task::spawn_blocking(move || engine.close()).await;
    }
}

// A note on `LIMIT`: limits are written into the SQL as integer literals, never bound.
// SQLite reads a bound LIMIT's value while planning and then re-prepares the statement
// every time the parameter is bound again: a parse and plan per execution (a fifth of
// the writer's time in `baton bench`).

/// The claimable states as an SQL list, from the domain's own definition
/// (`HandoffState::is_claimable`), so the SQL filters cannot drift from it.
fn claimable_states() -> String {
    HandoffState::ALL
        .into_iter()
        .filter(|s| s.is_claimable())
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn actor_label(actor: Actor) -> String {
    match actor {
        Actor::Admin => "admin".to_owned(),
        Actor::System => "baton".to_owned(),
        Actor::Agent { id, .. } => format!("agent:{id}"),
    }
}

/// Appends one entry to the audit chain in the current transaction.
fn append_audit(
    conn: &Connection,
    actor: &str,
    action: &str,
    subject: &str,
    detail: &Value,
    at_us: i64,
) -> Result<()> {
    let head = conn
        .prepare_cached("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        .and_then(|mut st| {
            st.query_row([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))
                .optional()
        })
        .map_err(db_err)?;
    let (prev_seq, prev_hash) = match head {
        None => (0, GENESIS),
        Some((seq, hash)) => (
            seq,
            hash.try_into()
                .map_err(|_| StoreError::Corrupt(format!("audit entry {seq}: hash length")))?,
        ),
    };
    let detail = json_text(detail)?;
    let seq = prev_seq + 1;
    let hash = entry_hash(
        &prev_hash,
        &AuditFields {
            seq,
            at_us,
            actor,
            action,
            subject,
            detail: &detail,
        },
    );
    conn.prepare_cached(
        "INSERT INTO audit (seq, at, actor, action, subject, detail, prev_hash, hash) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .and_then(|mut st| {
        st.execute(params![
            seq,
            at_us,
            actor,
            action,
            subject,
            detail,
            &prev_hash[..],
            &hash[..]
        ])
    })
    .map_err(db_err)?;
    Ok(())
}

/// Queues the thin event for `handoff` to every subscribed webhook, in the current
/// transaction: the event and the state change commit together or not at all.
fn enqueue_event(conn: &Connection, topic: &str, handoff: &Handoff, at_us: i64) -> Result<()> {
    let timestamp = handoff
        .updated_at
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(|e| StoreError::Backend(e.to_string()))?;
    let payload = json!({
        "type": topic,
        "timestamp": timestamp,
        "data": {
            "handoff_id": handoff.id,
            "conversation_id": handoff.conversation_id,
            "state": handoff.state,
            "reason": handoff.reason,
            "destination": handoff.destination,
            "priority": handoff.priority,
            "receiver": handoff.receiver,
            // Fetch the full, redacted package here with your own credentials.
            "context_path": format!("/v1/handoffs/{}/context", handoff.id),
        }
    });
    let event_id = uuid::Uuid::now_v7().to_string();
    let payload = json_text(&payload)?;
    let conversation_id = handoff.conversation_id.to_string();
    webhooks::fan_out(conn, &event_id, topic, &conversation_id, &payload, at_us)
}

fn load_conversation(conn: &Connection, id: ConversationId) -> Result<Conversation> {
    let mut st = conn
        .prepare_cached("SELECT * FROM conversations WHERE id = ?")
        .map_err(db_err)?;
    let mut rows = st.query([id.to_string()]).map_err(db_err)?;
    match rows.next().map_err(db_err)? {
        Some(row) => rows::conversation(row),
        None => Err(StoreError::NotFound {
            what: "conversation",
            id: id.to_string(),
        }),
    }
}

fn load_handoff(conn: &Connection, id: HandoffId) -> Result<Handoff> {
    let mut st = conn
        .prepare_cached("SELECT * FROM handoffs WHERE id = ?")
        .map_err(db_err)?;
    let mut rows = st.query([id.to_string()]).map_err(db_err)?;
    match rows.next().map_err(db_err)? {
        Some(row) => rows::handoff(row),
        None => Err(StoreError::NotFound {
            what: "handoff",
            id: id.to_string(),
        }),
    }
}

fn save_conversation(conn: &Connection, c: &Conversation) -> Result<()> {
    conn.prepare_cached(
        "UPDATE conversations SET customer = ?, status = ?, owner = ?, owner_kind = ?, \
         open_handoff = ?, turn_count = ?, updated_at = ? WHERE id = ?",
    )
    .and_then(|mut st| {
        st.execute(params![
            json_text(&c.customer).unwrap_or_default(),
            c.status.as_str(),
            c.owner.to_string(),
            c.owner_kind.as_str(),
            c.open_handoff.map(|h| h.to_string()),
            c.turn_count,
            to_us(c.updated_at),
            c.id.to_string(),
        ])
    })
    .map_err(db_err)?;
    Ok(())
}

/// Writes a handoff's changed fields only if it is still in `expected` state: the
/// compare-and-set that makes a claim atomic, also across processes.
fn save_handoff(conn: &Connection, h: &Handoff, expected: HandoffState) -> Result<()> {
    let changed = conn
        .prepare_cached(
            "UPDATE handoffs SET state = ?, receiver = ?, note = ?, updated_at = ?, \
             accepted_at = ?, closed_at = ? WHERE id = ? AND state = ?",
        )
        .and_then(|mut st| {
            st.execute(params![
                h.state.as_str(),
                h.receiver.map(|r| r.to_string()),
                h.note.as_deref(),
                to_us(h.updated_at),
                h.accepted_at.map(to_us),
                h.closed_at.map(to_us),
                h.id.to_string(),
                expected.as_str(),
            ])
        })
        .map_err(db_err)?;
    if changed == 1 {
        Ok(())
    } else {
        Err(StoreError::Conflict(format!(
            "handoff {} changed while this request was processed; read it again",
            h.id
        )))
    }
}

fn insert_turn(conn: &Connection, t: &Turn) -> Result<()> {
    let data = if t.data.is_empty() {
        None
    } else {
        Some(json_text(&t.data)?)
    };
    conn.prepare_cached(
        "INSERT INTO turns (conversation_id, seq, id, at, role, text, confidence, intent, event, \
         data, internal, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .and_then(|mut st| {
        st.execute(params![
            t.conversation_id.to_string(),
            t.seq,
            t.id.to_string(),
            to_us(t.at),
            t.role.as_str(),
            t.text,
            t.confidence,
            t.intent.as_deref(),
            t.event.map(|e| e.as_str()),
            data,
            t.internal.as_deref(),
            t.author.map(|a| a.to_string()),
        ])
    })
    .map_err(db_err)?;
    Ok(())
}

fn query_turns(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<Vec<Turn>> {
    let mut st = conn.prepare_cached(sql).map_err(db_err)?;
    let mut rows = st.query(p).map_err(db_err)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(db_err)? {
        out.push(rows::turn(row)?);
    }
    Ok(out)
}

fn create_conversation_tx(c: &Connection, new: NewConversation) -> Result<Conversation> {
    let now = baton_core::now();
    let conv = Conversation {
        id: ConversationId::new(),
        channel: new.channel,
        customer: new.customer,
        status: ConversationStatus::Open,
        ai_agent: new.ai_agent,
        owner: new.ai_agent,
        owner_kind: AgentKind::Ai,
        open_handoff: None,
        turn_count: 0,
        created_at: now,
        updated_at: now,
    };
    c.prepare_cached(
        "INSERT INTO conversations (id, channel, customer, status, ai_agent, owner, \
         owner_kind, open_handoff, turn_count, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0, ?, ?)",
    )
    .and_then(|mut st| {
        st.execute(params![
            conv.id.to_string(),
            conv.channel.as_str(),
            json_text(&conv.customer).unwrap_or_default(),
            conv.status.as_str(),
            conv.ai_agent.to_string(),
            conv.owner.to_string(),
            conv.owner_kind.as_str(),
            to_us(now),
            to_us(now),
        ])
    })
    .map_err(db_err)?;
    Ok(conv)
}

fn append_turn_tx(
    conn: &Connection,
    conversation: ConversationId,
    actor: Actor,
    new: NewTurn,
    role: Role,
    evaluated: Option<Evaluated>,
) -> Result<TurnAppended> {
    let before = load_conversation(conn, conversation)?;
    if let Some(ev) = &evaluated
        && (before.turn_count != ev.turn_count || (ev.handoff.is_some() && !before.rules_apply()))
    {
        return Err(StoreError::Stale);
    }
    let open = before
        .open_handoff
        .map(|id| load_handoff(conn, id))
        .transpose()?;
    let now = baton_core::now();
    let added = effects::add_turn(&before, open.as_ref(), actor, new, role, now)?;
    let turn = added.turn;
    let mut conv = added.conversation;
    insert_turn(conn, &turn)?;
    if let Some((h, note)) = added.activated {
        save_handoff(conn, &h, HandoffState::Accepted)?;
        audit_note(conn, actor, h.id, &note, now)?;
    }
    save_conversation(conn, &conv)?;
    let mut handoff = None;
    if let Some(new) = evaluated.and_then(|ev| ev.handoff) {
        let change = request_handoff_tx(conn, Actor::System, new, None)?;
        conv = change.conversation;
        handoff = Some(change.handoff);
    }
    Ok(TurnAppended {
        turn,
        conversation: conv,
        handoff,
    })
}

fn request_handoff_tx(
    conn: &Connection,
    actor: Actor,
    new: NewHandoff,
    decide_route: Option<RouteDecider>,
) -> Result<HandoffChange> {
    let conv = load_conversation(conn, new.conversation_id)?;
    let open = conv
        .open_handoff
        .map(|id| load_handoff(conn, id))
        .transpose()?;
    // Refused before the route is decided: a refused request costs no routing.
    if let Err(e) = effects::request_handoff(
        &conv,
        open.as_ref(),
        actor,
        effects::HandoffSpec::new(new.reason),
        baton_core::now(),
    ) {
        return Err(request_refused(e));
    }
    let now = baton_core::now();
    let new_route = match (new.route, decide_route) {
        (Some(r), _) => Some(r),
        (None, Some(decide)) => {
            let intent: Option<String> = conn
                .prepare_cached(
                    "SELECT intent FROM turns WHERE conversation_id = ? AND intent IS NOT NULL \
                     ORDER BY seq DESC LIMIT 1",
                )
                .and_then(|mut st| st.query_row([conv.id.to_string()], |r| r.get(0)).optional())
                .map_err(db_err)?;
            Some(decide(&conv, intent.as_deref())?)
        }
        (None, None) => None,
    };
    let spec = effects::HandoffSpec {
        reason: new.reason,
        destination: new.destination,
        utterance: new.utterance,
        parameters: new.parameters,
        priority: new_route.as_ref().map_or(new.priority, |r| r.priority),
        rule: new.rule,
        decision: new.decision,
        queue: new_route.as_ref().and_then(|r| r.queue.clone()),
    };
    let requested = effects::request_handoff(&conv, open.as_ref(), actor, spec, now)
        .map_err(request_refused)?;
    let h = requested.handoff;
    let decision = h.decision.as_ref().map(json_text).transpose()?;
    let plan = new_route.as_ref().map(|r| json_text(&r.plan)).transpose()?;
    let parameters = json_text(&h.parameters)?;
    conn.prepare_cached(
        "INSERT INTO handoffs (id, conversation_id, state, reason, source, destination, \
         utterance, parameters, priority, rule, decision, receiver, note, created_at, \
         updated_at, accepted_at, closed_at, queue, route, target_index, target_since) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, NULL, NULL, ?, ?, 0, ?)",
    )
    .and_then(|mut st| {
        st.execute(params![
            h.id.to_string(),
            h.conversation_id.to_string(),
            h.state.as_str(),
            h.reason.as_str(),
            h.source.to_string(),
            h.destination.as_deref(),
            h.utterance.as_deref(),
            parameters,
            h.priority,
            h.rule.as_deref(),
            decision,
            to_us(now),
            to_us(now),
            h.queue.as_deref(),
            plan,
            new_route.as_ref().map(|_| to_us(now)),
        ])
    })
    .map_err(db_err)?;
    let conv = requested.conversation;
    save_conversation(conn, &conv)?;
    audit_note(conn, actor, h.id, &requested.audit, now)?;
    enqueue_event(conn, "handoff.requested", &h, to_us(now))?;
    Ok(HandoffChange {
        handoff: h,
        conversation: conv,
    })
}

fn request_refused(e: effects::RequestRefused) -> StoreError {
    match e {
        effects::RequestRefused::NotTheAi => {
            StoreError::Forbidden(baton_core::CommandForbidden(e.to_string()))
        }
        effects::RequestRefused::Closed | effects::RequestRefused::AlreadyOpen { .. } => {
            StoreError::Conflict(e.to_string())
        }
    }
}

/// Appends an audit entry decided by the domain about handoff `id`.
fn audit_note(
    conn: &Connection,
    actor: Actor,
    id: HandoffId,
    note: &effects::AuditNote,
    now: OffsetDateTime,
) -> Result<()> {
    append_audit(
        conn,
        &actor_label(actor),
        note.action,
        &format!("handoff:{id}"),
        &note.detail,
        to_us(now),
    )
}

fn command_tx(
    conn: &Connection,
    id: HandoffId,
    actor: Actor,
    command: HandoffCommand,
    note: Option<String>,
) -> Result<HandoffChange> {
    let mut h = load_handoff(conn, id)?;
    let visible = visible_tx(conn, Visibility::of(actor), &h)?;
    // A receiver that was in line for it learns that someone else took it.
    let in_line = match actor {
        Actor::Agent { id: agent, .. }
            if !visible && matches!(command, HandoffCommand::Accept | HandoffCommand::Reject) =>
        {
            baton_core::visibility::was_in_line(routing::in_line(conn, agent, &h)?)
        }
        _ => false,
    };
    if !visible {
        // Being in line once only decides what the caller is told: that someone took
        // it, or that it now waits elsewhere. The command itself never applies.
        return Err(match (in_line, h.state.is_claimable()) {
            (true, false) => StoreError::Transition(baton_core::HandoffTransitionError {
                from: h.state,
                event: command.event(),
            }),
            (true, true) => StoreError::Conflict(format!(
                "handoff {id} is no longer routed to you; it waits in another queue"
            )),
            (false, _) => StoreError::NotFound {
                what: "handoff",
                id: id.to_string(),
            },
        });
    }
    let conv = load_conversation(conn, h.conversation_id)?;
    let now = baton_core::now();
    let applied = effects::apply_command(&h, &conv, actor, command, note.clone(), now).map_err(
        |e| match e {
            effects::CommandRefused::Forbidden(f) => StoreError::Forbidden(f),
            effects::CommandRefused::Transition(t) => StoreError::Transition(t),
        },
    )?;
    let before = applied.before;
    h.state = applied.handoff.state;
    let others_pending = routing::settle_offers(
        conn,
        &h,
        before,
        actor,
        command.event(),
        note.as_deref(),
        now,
    )?;
    // In a broadcast, one receiver's "no" leaves the others' offers standing: the
    // handoff itself is not rejected, so only the audit log records the answer.
    if command == HandoffCommand::Reject && others_pending {
        append_audit(
            conn,
            &actor_label(actor),
            "offer.rejected",
            &format!("handoff:{id}"),
            &json!({"note": note}),
            to_us(now),
        )?;
        return Ok(HandoffChange {
            conversation: conv,
            handoff: load_handoff(conn, id)?,
        });
    }
    let (h, conv) = (applied.handoff, applied.conversation);
    if let Some(marker) = &applied.marker {
        insert_turn(conn, marker)?;
    }
    save_handoff(conn, &h, before)?;
    save_conversation(conn, &conv)?;
    audit_note(conn, actor, id, &applied.audit, now)?;
    enqueue_event(conn, applied.audit.action, &h, to_us(now))?;
    Ok(HandoffChange {
        handoff: h,
        conversation: conv,
    })
}

#[async_trait]
impl Store for SqliteStore {
    async fn setting(&self, key: &str) -> Result<Option<String>> {
        let key = key.to_owned();
        self.engine
            .read(move |c| {
                c.query_row("SELECT value FROM settings WHERE key = ?", [key], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(db_err)
            })
            .await
    }

    async fn init_setting(&self, key: &str, value: &str) -> Result<String> {
        let (key, value) = (key.to_owned(), value.to_owned());
        self.engine
            .write(move |c| {
                c.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                    params![key, value],
                )
                .map_err(db_err)?;
                c.query_row("SELECT value FROM settings WHERE key = ?", [key], |r| {
                    r.get(0)
                })
                .map_err(db_err)
            })
            .await
    }

    async fn create_agent(
        &self,
        agent: &Agent,
        secret_hash: [u8; 32],
        queues: Vec<String>,
    ) -> Result<()> {
        let a = agent.clone();
        self.engine
            .write(move |c| {
                let at = to_us(a.created_at);
                c.execute(
                    "INSERT INTO agents (id, name, kind, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                    params![a.id.to_string(), a.name, a.kind.as_str(), &secret_hash[..], at],
                )
                .map_err(db_err)?;
                routing::set_memberships(c, a.id, &queues)?;
                append_audit(
                    c,
                    "admin",
                    "agent.registered",
                    &format!("agent:{}", a.id),
                    &json!({"name": a.name, "kind": a.kind, "queues": queues}),
                    at,
                )
            })
            .await
    }

    async fn agent_credentials(&self, id: AgentId) -> Result<Option<AgentCredentials>> {
        if let Some(c) = self.agents.read().ok().and_then(|m| m.get(&id).cloned()) {
            return Ok(Some(c));
        }
        let found = self
            .engine
            .read(move |c| {
                let mut st = c
                    .prepare_cached("SELECT * FROM agents WHERE id = ?")
                    .map_err(db_err)?;
                let mut rows = st.query([id.to_string()]).map_err(db_err)?;
                let Some(row) = rows.next().map_err(db_err)? else {
                    return Ok(None);
                };
                let kind: String = get(row, "kind")?;
                let hash: Vec<u8> = get(row, "secret_hash")?;
                Ok(Some(AgentCredentials {
                    agent: Agent {
                        id,
                        name: get(row, "name")?,
                        kind: AgentKind::parse(&kind)
                            .ok_or_else(|| StoreError::Corrupt(format!("agent kind {kind}")))?,
                        created_at: from_us(get(row, "created_at")?)?,
                    },
                    secret_hash: hash.try_into().map_err(|_| {
                        StoreError::Corrupt(format!("agent {id}: secret hash length"))
                    })?,
                }))
            })
            .await?;
        if let (Some(c), Ok(mut cache)) = (&found, self.agents.write()) {
            cache.insert(id, c.clone());
        }
        Ok(found)
    }

    async fn create_conversation(&self, new: NewConversation) -> Result<Conversation> {
        self.engine
            .write(move |c| create_conversation_tx(c, new))
            .await
    }

    async fn import_conversation(
        &self,
        new: NewConversation,
        history: Vec<NewTurn>,
        handoff: NewHandoff,
    ) -> Result<HandoffChange> {
        self.engine
            .write(move |c| {
                let conv = create_conversation_tx(c, new)?;
                for (i, turn) in history.into_iter().enumerate() {
                    let role = turn
                        .validate_at(baton_core::now())
                        .map_err(|e| StoreError::Conflict(format!("history[{i}]: {e}")))?;
                    append_turn_tx(c, conv.id, Actor::System, turn, role, None)?;
                }
                request_handoff_tx(
                    c,
                    Actor::System,
                    NewHandoff {
                        conversation_id: conv.id,
                        ..handoff
                    },
                    None,
                )
            })
            .await
    }

    async fn conversation(&self, id: ConversationId) -> Result<Conversation> {
        self.engine.read(move |c| load_conversation(c, id)).await
    }

    async fn agent_conversations(
        &self,
        ai_agent: AgentId,
        channel: Channel,
        before: Option<ConversationId>,
        limit: u32,
    ) -> Result<Vec<Conversation>> {
        // A literal LIMIT: a bound one makes SQLite plan the statement on every run.
        let sql = format!(
            "SELECT * FROM conversations WHERE ai_agent = ?1 AND channel = ?2 AND id < ?3 \
             ORDER BY id DESC LIMIT {}",
            limit.clamp(1, 1000)
        );
        // Past every hyphenated UUID: the first page.
        let before = before.map_or_else(|| "~".to_owned(), |b| b.to_string());
        self.engine
            .read(move |c| {
                let mut st = c.prepare_cached(&sql).map_err(db_err)?;
                let mut cursor = st
                    .query(params![ai_agent.to_string(), channel.as_str(), before])
                    .map_err(db_err)?;
                let mut out = Vec::new();
                while let Some(row) = cursor.next().map_err(db_err)? {
                    out.push(rows::conversation(row)?);
                }
                Ok(out)
            })
            .await
    }

    async fn count_agent_conversations(&self, ai_agent: AgentId, channel: Channel) -> Result<u64> {
        self.engine
            .read(move |c| {
                c.prepare_cached(
                    "SELECT COUNT(*) FROM conversations WHERE ai_agent = ? AND channel = ?",
                )
                .and_then(|mut st| {
                    st.query_row(params![ai_agent.to_string(), channel.as_str()], |r| {
                        r.get::<_, i64>(0)
                    })
                })
                .map(|n| u64::try_from(n).unwrap_or(0))
                .map_err(db_err)
            })
            .await
    }

    async fn can_read_conversation(&self, conv: &Conversation, actor: Actor) -> Result<bool> {
        let (id, kind) = match actor {
            Actor::Admin | Actor::System => return Ok(true),
            Actor::Agent { id, kind } => (id, kind),
        };
        if id == conv.ai_agent || id == conv.owner {
            return Ok(true);
        }
        if kind == AgentKind::Ai {
            return Ok(false);
        }
        // A receiver may read a conversation whose handoff is routed to it (to
        // decide whether to take it) or that it once took.
        let conv_id = conv.id;
        self.engine
            .read(move |c| {
                c.prepare_cached(&format!(
                    "SELECT 1 FROM handoffs WHERE conversation_id = ?2 AND {} LIMIT 1",
                    routing::receiver_sees_sql()
                ))
                .and_then(|mut st| {
                    st.query_row(params![id.to_string(), conv_id.to_string()], |_| Ok(()))
                        .optional()
                })
                .map(|found| found.is_some())
                .map_err(db_err)
            })
            .await
    }

    async fn append_turn(
        &self,
        conversation: ConversationId,
        actor: Actor,
        new: NewTurn,
        evaluated: Option<Evaluated>,
    ) -> Result<TurnAppended> {
        let role = new.validate_at(baton_core::now())?;
        self.engine
            .write(move |c| append_turn_tx(c, conversation, actor, new, role, evaluated))
            .await
    }

    async fn turns(
        &self,
        conversation: ConversationId,
        after: i64,
        limit: u32,
    ) -> Result<Vec<Turn>> {
        self.engine
            .read(move |c| {
                query_turns(
                    c,
                    &format!(
                        "SELECT * FROM turns WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT {limit}"
                    ),
                    params![conversation.to_string(), after],
                )
            })
            .await
    }

    async fn newest_turns(
        &self,
        conversation: ConversationId,
        max_turns: u32,
        max_bytes: u64,
    ) -> Result<(Vec<Turn>, i64)> {
        self.engine
            .read(move |c| {
                let id = conversation.to_string();
                // Sizes first (octet_length reads no content), newest first, to find
                // the oldest turn that still fits; then only those rows.
                let mut sizes = c
                    .prepare_cached(&format!(
                        "SELECT seq, octet_length(text) + COALESCE(octet_length(data), 0) \
                         FROM turns WHERE conversation_id = ? ORDER BY seq DESC LIMIT {max_turns}"
                    ))
                    .map_err(db_err)?;
                let rows = sizes
                    .query_map([&id], |r| {
                        Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?))
                    })
                    .map_err(db_err)?;
                let mut first = None;
                let mut total = 0u64;
                for row in rows {
                    let (seq, size) = row.map_err(db_err)?;
                    total += size.unwrap_or(0).max(0) as u64;
                    if first.is_some() && total > max_bytes {
                        break;
                    }
                    first = Some(seq);
                }
                let Some(first) = first else {
                    return Ok((Vec::new(), 0));
                };
                let turns = query_turns(
                    c,
                    "SELECT * FROM turns WHERE conversation_id = ? AND seq >= ? ORDER BY seq",
                    params![id, first],
                )?;
                Ok((turns, first - 1))
            })
            .await
    }

    async fn conversation_with_recent(
        &self,
        conversation: ConversationId,
        n: u32,
    ) -> Result<(Conversation, Vec<Turn>)> {
        self.engine
            .read(move |c| {
                let conv = load_conversation(c, conversation)?;
                // The turns are only for the rules; skip them when the rules wait.
                let mut turns = if n == 0 || !conv.rules_apply() {
                    Vec::new()
                } else {
                    query_turns(
                        c,
                        &format!(
                            "SELECT * FROM turns WHERE conversation_id = ? ORDER BY seq DESC LIMIT {n}"
                        ),
                        params![conversation.to_string()],
                    )?
                };
                turns.reverse();
                Ok((conv, turns))
            })
            .await
    }

    async fn recent_turns(&self, conversation: ConversationId, n: u32) -> Result<Vec<Turn>> {
        let mut turns = self
            .engine
            .read(move |c| {
                query_turns(
                    c,
                    &format!(
                        "SELECT * FROM turns WHERE conversation_id = ? ORDER BY seq DESC LIMIT {n}"
                    ),
                    params![conversation.to_string()],
                )
            })
            .await?;
        turns.reverse();
        Ok(turns)
    }

    async fn request_handoff(
        &self,
        actor: Actor,
        new: NewHandoff,
        route: Option<RouteDecider>,
    ) -> Result<HandoffChange> {
        self.engine
            .write(move |c| request_handoff_tx(c, actor, new, route))
            .await
    }

    async fn handoff(&self, id: HandoffId) -> Result<Handoff> {
        self.engine.read(move |c| load_handoff(c, id)).await
    }

    async fn list_handoffs(&self, f: &HandoffFilter) -> Result<Vec<Handoff>> {
        let f = f.clone();
        self.engine
            .read(move |c| {
                let mut sql = String::from("SELECT * FROM handoffs WHERE 1 = 1");
                let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
                match f.visibility {
                    Visibility::All => {}
                    Visibility::Source(id) => {
                        sql.push_str(" AND source = ?");
                        args.push(Box::new(id.to_string()));
                    }
                    Visibility::Receiver(id) => {
                        // Bound as ?1 (the first parameter) by the shared condition.
                        sql.push_str(" AND ");
                        sql.push_str(&routing::receiver_sees_sql());
                        args.push(Box::new(id.to_string()));
                    }
                }
                if let Some(s) = f.state {
                    sql.push_str(" AND state = ?");
                    args.push(Box::new(s.as_str()));
                }
                if let Some(q) = f.queue {
                    sql.push_str(" AND (queue = ? OR destination = ?)");
                    args.push(Box::new(q.clone()));
                    args.push(Box::new(q));
                }
                if let Some(conv) = f.conversation {
                    sql.push_str(" AND conversation_id = ?");
                    args.push(Box::new(conv.to_string()));
                }
                if f.open_only {
                    sql.push_str(&format!(
                        " AND state NOT IN ({})",
                        HandoffState::ALL
                            .into_iter()
                            .filter(|s| s.is_terminal())
                            .map(|s| format!("'{}'", s.as_str()))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
                if let Some(since) = f.since {
                    sql.push_str(" AND created_at >= ?");
                    args.push(Box::new(to_us(since)));
                }
                sql.push_str(&format!(
                    " ORDER BY created_at DESC, id DESC LIMIT {}",
                    f.limit
                ));
                let mut st = c.prepare_cached(&sql).map_err(db_err)?;
                let mut rows = st
                    .query(rusqlite::params_from_iter(args.iter()))
                    .map_err(db_err)?;
                let mut out = Vec::new();
                while let Some(row) = rows.next().map_err(db_err)? {
                    out.push(rows::handoff(row)?);
                }
                Ok(out)
            })
            .await
    }

    async fn command(
        &self,
        id: HandoffId,
        actor: Actor,
        command: HandoffCommand,
        note: Option<String>,
    ) -> Result<HandoffChange> {
        self.engine
            .write(move |c| command_tx(c, id, actor, command, note))
            .await
    }

    async fn verify_audit(&self) -> Result<AuditVerification> {
        self.engine
            .read(|c| {
                let mut st = c
                    .prepare(
                        "SELECT seq, at, actor, action, subject, detail, prev_hash, hash \
                         FROM audit ORDER BY seq",
                    )
                    .map_err(db_err)?;
                let mut rows = st.query([]).map_err(db_err)?;
                let mut prev = GENESIS;
                let mut expected_seq = 1;
                let mut entries = 0;
                while let Some(row) = rows.next().map_err(db_err)? {
                    let seq: i64 = get(row, "seq")?;
                    let stored_prev: Vec<u8> = get(row, "prev_hash")?;
                    let stored: Vec<u8> = get(row, "hash")?;
                    let (actor, action, subject, detail): (String, String, String, String) = (
                        get(row, "actor")?,
                        get(row, "action")?,
                        get(row, "subject")?,
                        get(row, "detail")?,
                    );
                    let computed = entry_hash(
                        &prev,
                        &AuditFields {
                            seq,
                            at_us: get(row, "at")?,
                            actor: &actor,
                            action: &action,
                            subject: &subject,
                            detail: &detail,
                        },
                    );
                    entries += 1;
                    if seq != expected_seq || stored_prev != prev || stored != computed {
                        return Ok(AuditVerification {
                            entries,
                            first_broken: Some(seq),
                        });
                    }
                    prev = computed;
                    expected_seq += 1;
                }
                Ok(AuditVerification {
                    entries,
                    first_broken: None,
                })
            })
            .await
    }

    async fn attach(
        &self,
        conversation: ConversationId,
        actor: Actor,
        kind: AttachmentKind,
        sha256: Option<String>,
        body: Value,
    ) -> Result<()> {
        self.engine
            .write(move |c| {
                let conv = load_conversation(c, conversation)?;
                if !conv.may_attach(actor) {
                    return Err(StoreError::NotFound {
                        what: "conversation",
                        id: conversation.to_string(),
                    });
                }
                c.prepare_cached(
                    "INSERT INTO attachments (conversation_id, kind, sha256, body, created_at) \
                     VALUES (?, ?, ?, ?, ?)",
                )
                .and_then(|mut st| {
                    st.execute(params![
                        conversation.to_string(),
                        kind.as_str(),
                        sha256,
                        json_text(&body).unwrap_or_default(),
                        to_us(baton_core::now()),
                    ])
                })
                .map_err(db_err)?;
                Ok(())
            })
            .await
    }

    async fn attachments(
        &self,
        conversation: ConversationId,
        kind: AttachmentKind,
    ) -> Result<Vec<Value>> {
        self.engine
            .read(move |c| {
                let mut st = c
                    .prepare_cached(
                        // The newest thousand, oldest first: the latest state matters most.
                        "SELECT body FROM (SELECT seq, body FROM attachments \
                         WHERE conversation_id = ? AND kind = ? ORDER BY seq DESC LIMIT 1000) \
                         ORDER BY seq",
                    )
                    .map_err(db_err)?;
                let mut rows = st
                    .query(params![conversation.to_string(), kind.as_str()])
                    .map_err(db_err)?;
                let mut out = Vec::new();
                while let Some(r) = rows.next().map_err(db_err)? {
                    let body: String = get(r, "body")?;
                    out.push(
                        serde_json::from_str(&body)
                            .map_err(|e| StoreError::Corrupt(format!("attachment: {e}")))?,
                    );
                }
                Ok(out)
            })
            .await
    }

    async fn artifact_digests(&self) -> Result<std::collections::HashSet<String>> {
        self.engine
            .read(|c| {
                let mut st = c
                    .prepare_cached(
                        "SELECT DISTINCT sha256 FROM attachments WHERE sha256 IS NOT NULL",
                    )
                    .map_err(db_err)?;
                let rows = st
                    .query_map([], |r| r.get::<_, String>(0))
                    .map_err(db_err)?;
                rows.collect::<std::result::Result<_, _>>().map_err(db_err)
            })
            .await
    }

    async fn has_artifact(&self, conversation: ConversationId, sha256: &str) -> Result<bool> {
        let sha256 = sha256.to_owned();
        self.engine
            .read(move |c| {
                c.query_row(
                    "SELECT 1 FROM attachments WHERE conversation_id = ? AND sha256 = ? LIMIT 1",
                    params![conversation.to_string(), sha256],
                    |_| Ok(()),
                )
                .optional()
                .map(|r| r.is_some())
                .map_err(db_err)
            })
            .await
    }

    async fn put_inbound_source(&self, source: InboundSource) -> Result<()> {
        self.engine
            .write(move |c| {
                c.execute(
                    "INSERT INTO inbound_sources (name, scheme, header, secret, created_at) \
                     VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET scheme = excluded.scheme, \
                     header = excluded.header, secret = excluded.secret",
                    params![source.name, source.scheme, source.header, source.secret, to_us(baton_core::now())],
                )
                .map(|_| ())
                .map_err(db_err)
            })
            .await
    }

    async fn inbound_source(&self, name: &str) -> Result<Option<InboundSource>> {
        let name = name.to_owned();
        self.engine
            .read(move |c| {
                c.query_row(
                    "SELECT name, scheme, header, secret FROM inbound_sources WHERE name = ?",
                    [name],
                    |r| {
                        Ok(InboundSource {
                            name: r.get(0)?,
                            scheme: r.get(1)?,
                            header: r.get(2)?,
                            secret: r.get(3)?,
                        })
                    },
                )
                .optional()
                .map_err(db_err)
            })
            .await
    }

    async fn add_feedback(
        &self,
        handoff: HandoffId,
        source: &str,
        message_id: Option<String>,
        body: Value,
    ) -> Result<bool> {
        let source = source.to_owned();
        self.engine
            .write(move |c| {
                load_handoff(c, handoff)?;
                let added = c
                    .execute(
                        "INSERT INTO feedback (handoff_id, source, message_id, body, received_at) \
                         VALUES (?, ?, ?, ?, ?) ON CONFLICT (source, message_id) DO NOTHING",
                        params![
                            handoff.to_string(),
                            source,
                            message_id,
                            json_text(&body)?,
                            to_us(baton_core::now())
                        ],
                    )
                    .map_err(db_err)?;
                if added == 1 {
                    append_audit(
                        c,
                        &format!("inbound:{source}"),
                        "feedback.received",
                        &format!("handoff:{handoff}"),
                        &json!({"message_id": message_id}),
                        to_us(baton_core::now()),
                    )?;
                }
                Ok(added == 1)
            })
            .await
    }

    async fn feedback(&self, handoff: HandoffId) -> Result<Vec<Value>> {
        self.engine
            .read(move |c| {
                let mut st = c
                    .prepare_cached(
                        "SELECT source, body, received_at FROM (SELECT * FROM feedback \
                         WHERE handoff_id = ? ORDER BY seq DESC LIMIT 1000) ORDER BY seq",
                    )
                    .map_err(db_err)?;
                let mut rows = st.query([handoff.to_string()]).map_err(db_err)?;
                let mut out = Vec::new();
                while let Some(r) = rows.next().map_err(db_err)? {
                    let body: String = get(r, "body")?;
                    let at = from_us(get(r, "received_at")?)?;
                    out.push(json!({
                        "source": get::<String>(r, "source")?,
                        "received_at": at.format(&time::format_description::well_known::Rfc3339)
                            .map_err(|e| StoreError::Backend(e.to_string()))?,
                        "body": serde_json::from_str::<Value>(&body)
                            .map_err(|e| StoreError::Corrupt(format!("feedback: {e}")))?,
                    }));
                }
                Ok(out)
            })
            .await
    }

    async fn counts(&self) -> Result<Vec<(&'static str, String, i64)>> {
        self.engine
            .read(|c| {
                let mut out = Vec::new();
                let waiting = format!(
                    "SELECT COALESCE(queue, ''), COUNT(*) FROM handoffs WHERE state IN ({}) GROUP BY 1",
                    claimable_states()
                );
                let oldest = format!(
                    "SELECT COALESCE(queue, ''), MIN(created_at) FROM handoffs WHERE state IN ({}) GROUP BY 1",
                    claimable_states()
                );
                for (family, sql) in [
                    (
                        "handoffs",
                        "SELECT state, COUNT(*) FROM handoffs GROUP BY state",
                    ),
                    ("queue_waiting", waiting.as_str()),
                    ("offers", "SELECT state, COUNT(*) FROM offers GROUP BY state"),
                    ("queue_oldest_created_us", oldest.as_str()),
                    (
                        "webhook_deliveries",
                        "SELECT state, COUNT(*) FROM deliveries GROUP BY state",
                    ),
                    (
                        "webhooks",
                        "SELECT state, COUNT(*) FROM webhooks GROUP BY state",
                    ),
                ] {
                    let mut st = c.prepare_cached(sql).map_err(db_err)?;
                    let mut rows = st.query([]).map_err(db_err)?;
                    while let Some(r) = rows.next().map_err(db_err)? {
                        out.push((family, r.get(0).map_err(db_err)?, r.get(1).map_err(db_err)?));
                    }
                }
                Ok(out)
            })
            .await
    }

    async fn record_access(
        &self,
        actor: Actor,
        action: &str,
        subject: &str,
        detail: Value,
    ) -> Result<()> {
        let (action, subject) = (action.to_owned(), subject.to_owned());
        self.engine
            .write(move |c| {
                let at = to_us(baton_core::now());
                append_audit(c, &actor_label(actor), &action, &subject, &detail, at)
            })
            .await
    }

    async fn create_webhook(&self, new: NewWebhook) -> Result<Webhook> {
        self.engine.write(move |c| webhooks::create(c, new)).await
    }

    async fn webhooks(&self) -> Result<Vec<Webhook>> {
        self.engine.read(webhooks::list).await
    }

    async fn webhook(&self, id: uuid::Uuid) -> Result<Webhook> {
        self.engine
            .read(move |c| webhooks::load_webhook(c, id))
            .await
    }

    async fn delete_webhook(&self, id: uuid::Uuid) -> Result<()> {
        self.engine.write(move |c| webhooks::delete(c, id)).await
    }

    async fn rotate_webhook_secret(
        &self,
        id: uuid::Uuid,
        secret: Vec<u8>,
        previous_until: time::OffsetDateTime,
    ) -> Result<Webhook> {
        self.engine
            .write(move |c| webhooks::rotate(c, id, secret, previous_until))
            .await
    }

    async fn claim_deliveries(
        &self,
        now: time::OffsetDateTime,
        limit: u32,
        lease: std::time::Duration,
    ) -> Result<Vec<(Delivery, Webhook)>> {
        self.engine
            .write(move |c| webhooks::claim(c, now, limit, lease))
            .await
    }

    async fn seal_delivery_payload(&self, id: &str, payload: String) -> Result<()> {
        let id = id.to_owned();
        self.engine
            .write(move |c| webhooks::seal_payload(c, &id, &payload))
            .await
    }

    async fn record_deliveries(&self, outcomes: Vec<(String, DeliveryOutcome)>) -> Result<()> {
        self.engine
            .write(move |c| webhooks::record(c, outcomes))
            .await
    }

    async fn release_delivery_leases(&self) -> Result<()> {
        self.engine
            .write(|c| {
                c.execute(
                    "UPDATE deliveries SET lease_until = 0 WHERE lease_until > 0",
                    [],
                )
                .map(|_| ())
                .map_err(db_err)
            })
            .await
    }

    async fn deliveries(
        &self,
        state: Option<DeliveryState>,
        webhook: Option<uuid::Uuid>,
        limit: u32,
    ) -> Result<Vec<Delivery>> {
        self.engine
            .read(move |c| webhooks::list_deliveries(c, state, webhook, limit))
            .await
    }

    async fn retry_delivery(&self, id: &str) -> Result<Delivery> {
        let id = id.to_owned();
        self.engine.write(move |c| webhooks::retry(c, &id)).await
    }

    async fn can_see_handoff(&self, handoff: &Handoff, actor: Actor) -> Result<bool> {
        let h = handoff.clone();
        self.engine
            .read(move |c| visible_tx(c, Visibility::of(actor), &h))
            .await
    }

    async fn set_memberships(&self, agent: AgentId, queues: Vec<String>) -> Result<()> {
        self.engine
            .write(move |c| routing::set_memberships(c, agent, &queues))
            .await
    }

    async fn upsert_desk_user(
        &self,
        username: &str,
        name: &str,
        password_hash: Option<String>,
        queues: Vec<String>,
    ) -> Result<AgentId> {
        let (username, name) = (username.to_owned(), name.to_owned());
        self.engine
            .write(move |c| {
                routing::upsert_desk_user(c, &username, &name, password_hash.as_deref(), &queues)
            })
            .await
    }

    async fn desk_user(&self, username: &str) -> Result<Option<DeskUser>> {
        let username = username.to_owned();
        self.engine
            .read(move |c| routing::desk_user(c, "username", &username))
            .await
    }

    async fn desk_user_by_agent(&self, agent: AgentId) -> Result<Option<DeskUser>> {
        self.engine
            .read(move |c| routing::desk_user(c, "agent_id", &agent.to_string()))
            .await
    }

    async fn set_presence(
        &self,
        agent: AgentId,
        presence: Presence,
        actor: Actor,
    ) -> Result<Vec<HandoffId>> {
        self.engine
            .write(move |c| routing::set_presence(c, agent, presence, actor))
            .await
    }

    async fn desk_loads(&self) -> Result<Vec<DeskLoad>> {
        self.engine.read(routing::desk_loads).await
    }

    async fn waiting_handoffs(
        &self,
        only: Option<Vec<HandoffId>>,
        limit: u32,
    ) -> Result<(Vec<Waiting>, Option<OffsetDateTime>)> {
        self.engine
            .read(move |c| {
                Ok((
                    routing::waiting(c, only.as_deref(), limit)?,
                    routing::next_deadline(c)?,
                ))
            })
            .await
    }

    async fn route_handoff(&self, id: HandoffId, route: NewRoute, index: u32) -> Result<Handoff> {
        self.engine
            .write(move |c| routing::route_to(c, id, route, index, baton_core::now()))
            .await
    }

    async fn make_offers(
        &self,
        id: HandoffId,
        receivers: Vec<AgentId>,
        queue: Option<String>,
        index: u32,
        deadline: OffsetDateTime,
    ) -> Result<(Handoff, Vec<Offer>)> {
        self.engine
            .write(move |c| routing::make_offers(c, id, &receivers, queue, index, deadline))
            .await
    }

    async fn expire_offers(&self, now: OffsetDateTime) -> Result<Expired> {
        self.engine.write(move |c| routing::expire(c, now)).await
    }

    async fn fail_handoff(&self, id: HandoffId, failsafe: &str) -> Result<Handoff> {
        let failsafe = failsafe.to_owned();
        self.engine
            .write(move |c| routing::fail(c, id, &failsafe))
            .await
    }

    async fn next_offer_deadline(&self) -> Result<Option<OffsetDateTime>> {
        self.engine.read(routing::next_deadline).await
    }

    async fn offers(&self, id: HandoffId) -> Result<Vec<Offer>> {
        self.engine.read(move |c| routing::offers_of(c, id)).await
    }

    async fn handoff_view(&self, id: HandoffId) -> Result<(Handoff, Conversation, Vec<Offer>)> {
        self.engine
            .read(move |c| {
                let h = load_handoff(c, id)?;
                let conv = load_conversation(c, h.conversation_id)?;
                Ok((h, conv, routing::offers_of(c, id)?))
            })
            .await
    }

    async fn confirm_read(&self, id: HandoffId, agent: AgentId) -> Result<()> {
        self.engine
            .write(move |c| routing::confirm_read(c, id, agent))
            .await
    }

    async fn read_confirmed(&self, id: HandoffId, agent: AgentId) -> Result<bool> {
        self.engine
            .read(move |c| {
                c.query_row(
                    "SELECT 1 FROM read_confirmations WHERE handoff_id = ? AND agent_id = ?",
                    params![id.to_string(), agent.to_string()],
                    |_| Ok(()),
                )
                .optional()
                .map(|f| f.is_some())
                .map_err(db_err)
            })
            .await
    }

    async fn edit_handoff(
        &self,
        id: HandoffId,
        actor: Actor,
        summary: Option<String>,
        data: Option<serde_json::Map<String, Value>>,
    ) -> Result<HandoffChange> {
        self.engine
            .write(move |c| routing::edit(c, id, actor, summary, data))
            .await
    }

    async fn create_desk_session(
        &self,
        token_hash: [u8; 32],
        username: &str,
        csrf: &str,
        expires_at: OffsetDateTime,
    ) -> Result<()> {
        let (username, csrf) = (username.to_owned(), csrf.to_owned());
        self.engine
            .write(move |c| routing::create_session(c, token_hash, &username, &csrf, expires_at))
            .await
    }

    async fn desk_session(&self, token_hash: [u8; 32]) -> Result<Option<DeskSession>> {
        self.engine
            .read(move |c| routing::session(c, token_hash))
            .await
    }

    async fn delete_desk_session(&self, token_hash: [u8; 32]) -> Result<()> {
        self.engine
            .write(move |c| {
                c.execute(
                    "DELETE FROM desk_sessions WHERE token_hash = ?",
                    [&token_hash[..]],
                )
                .map(|_| ())
                .map_err(db_err)
            })
            .await
    }

    async fn feedback_export(&self, since: Option<OffsetDateTime>) -> Result<Vec<Value>> {
        self.engine
            .read(move |c| routing::feedback_export(c, since))
            .await
    }

    async fn record_transfer_step(&self, id: HandoffId, topic: &str, step: Value) -> Result<()> {
        let topic = topic.to_owned();
        self.engine
            .write(move |c| transfer_step(c, id, &topic, &step))
            .await
    }
}

// ---- voice transfer steps ----

/// One transfer step of a voice handoff: audited, and sent as the `topic` event with the
/// handoff's thin payload plus `transfer` (through the same outbox, so the same signing
/// and per-conversation order as the state events).
fn transfer_step(conn: &Connection, id: HandoffId, topic: &str, step: &Value) -> Result<()> {
    let h = load_handoff(conn, id)?;
    let now = to_us(baton_core::now());
    append_audit(conn, "baton", topic, &format!("handoff:{id}"), step, now)?;
    let timestamp = baton_core::now()
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(|e| StoreError::Backend(e.to_string()))?;
    let payload = json!({
        "type": topic,
        "timestamp": timestamp,
        "data": {
            "handoff_id": h.id,
            "conversation_id": h.conversation_id,
            "state": h.state,
            "reason": h.reason,
            "destination": h.destination,
            "priority": h.priority,
            "receiver": h.receiver,
            "transfer": step,
            "context_path": format!("/v1/handoffs/{}/context", h.id),
        }
    });
    let event_id = uuid::Uuid::now_v7().to_string();
    let payload = json_text(&payload)?;
    webhooks::fan_out(
        conn,
        &event_id,
        topic,
        &h.conversation_id.to_string(),
        &payload,
        now,
    )
}

/// Whether a handoff is visible under `vis` (the SQL filters use the same condition).
fn visible_tx(conn: &Connection, vis: Visibility, h: &Handoff) -> Result<bool> {
    match vis {
        Visibility::All => Ok(true),
        Visibility::Source(a) => Ok(h.source == a),
        // The holder sees it without asking the database.
        Visibility::Receiver(a) if h.receiver == Some(a) => Ok(true),
        Visibility::Receiver(a) => Ok(baton_core::visibility::receiver_sees(
            h,
            a,
            routing::in_line(conn, a, h)?,
        )),
    }
}
