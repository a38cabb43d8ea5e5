//! The embedded store: one SQLite file in WAL mode.
//!
//! Writes go through a pool of exactly one connection: SQLite has one writer at a
//! time anyway, and queueing in-process is cheaper than `SQLITE_BUSY` retries.
//! Reads use a separate pool and never wait for writers (WAL).

mod rows;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use baton_core::{
    Actor, Agent, AgentId, AgentKind, Conversation, ConversationId, ConversationStatus, Handoff,
    HandoffCommand, HandoffEvent, HandoffId, HandoffState, NewTurn, Role, Turn, TurnId,
};
use serde_json::{Value, json};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteSynchronous,
};
use sqlx::{QueryBuilder, Row, Sqlite};

use self::rows::{from_us, json_text, to_us};
use crate::audit::{AuditFields, GENESIS, entry_hash};
use crate::{
    AgentCredentials, AuditVerification, HandoffChange, HandoffFilter, NewConversation, NewHandoff,
    OutboxEntry, Result, Store, StoreError, TurnAppended, Visibility,
};

/// How much an acknowledged write survives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Durability {
    /// `synchronous=NORMAL`: a commit survives the Baton process crashing or being
    /// killed; the last commits before an OS crash or power loss may be lost.
    #[default]
    ProcessCrash,
    /// `synchronous=FULL`: every commit is fsynced before it is acknowledged, and
    /// survives power loss. Slower.
    PowerLoss,
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// The SQLite implementation of [`Store`].
#[derive(Clone)]
pub struct SqliteStore {
    writer: SqlitePool,
    reader: SqlitePool,
}

fn db_err(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(d) => {
            // Primary result codes that mean "not now" rather than "never":
            // BUSY, LOCKED, IOERR, FULL, READONLY, CANTOPEN.
            let code = d
                .code()
                .and_then(|c| c.parse::<i32>().ok())
                .map(|c| c & 0xff);
            match code {
                Some(5 | 6 | 8 | 10 | 13 | 14) => StoreError::Unavailable(d.message().to_owned()),
                _ => StoreError::Backend(d.message().to_owned()),
            }
        }
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
            StoreError::Unavailable(e.to_string())
        }
        _ => StoreError::Backend(e.to_string()),
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the database file and applies pending migrations.
    pub async fn open(path: &Path, durability: Durability) -> Result<Self> {
        let sync = match durability {
            Durability::ProcessCrash => SqliteSynchronous::Normal,
            Durability::PowerLoss => SqliteSynchronous::Full,
        };
        let options = SqliteConnectOptions::from_str("sqlite://")
            .map_err(db_err)?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(sync)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5))
            .pragma("temp_store", "memory")
            .pragma("cache_size", "-16000");
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options.clone())
            .await
            .map_err(db_err)?;
        MIGRATOR
            .run(&writer)
            .await
            .map_err(|e| StoreError::Backend(format!("applying migrations: {e}")))?;
        let readers = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .clamp(2, 8);
        let reader = SqlitePoolOptions::new()
            .max_connections(readers as u32)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options.read_only(true))
            .await
            .map_err(db_err)?;
        Ok(Self { writer, reader })
    }

    /// Closes both pools, checkpointing the WAL.
    pub async fn close(&self) {
        self.reader.close().await;
        self.writer.close().await;
    }
}

fn actor_label(actor: Actor) -> String {
    match actor {
        Actor::Admin => "admin".to_owned(),
        Actor::System => "baton".to_owned(),
        Actor::Agent { id, .. } => format!("agent:{id}"),
    }
}

/// Appends one entry to the audit chain inside the caller's transaction.
async fn append_audit(
    conn: &mut SqliteConnection,
    actor: &str,
    action: &str,
    subject: &str,
    detail: &Value,
    at_us: i64,
) -> Result<()> {
    let head = sqlx::query("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        .fetch_optional(&mut *conn)
        .await
        .map_err(db_err)?;
    let (prev_seq, prev_hash) = match head {
        None => (0, GENESIS),
        Some(row) => {
            let seq: i64 = row.try_get("seq").map_err(db_err)?;
            let hash: Vec<u8> = row.try_get("hash").map_err(db_err)?;
            let hash: [u8; 32] = hash
                .try_into()
                .map_err(|_| StoreError::Corrupt(format!("audit entry {seq}: hash length")))?;
            (seq, hash)
        }
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
    sqlx::query(
        "INSERT INTO audit (seq, at, actor, action, subject, detail, prev_hash, hash) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(seq)
    .bind(at_us)
    .bind(actor)
    .bind(action)
    .bind(subject)
    .bind(detail)
    .bind(&prev_hash[..])
    .bind(&hash[..])
    .execute(&mut *conn)
    .await
    .map_err(db_err)?;
    Ok(())
}

/// Queues the thin event for `handoff` in the caller's transaction.
async fn enqueue_event(
    conn: &mut SqliteConnection,
    topic: &str,
    handoff: &Handoff,
    at_us: i64,
) -> Result<()> {
    let id = uuid::Uuid::now_v7().to_string();
    let payload = json!({
        "type": topic,
        "timestamp": handoff.updated_at.format(&time::format_description::well_known::Rfc3339)
            .map_err(|e| StoreError::Backend(e.to_string()))?,
        "data": {
            "handoff_id": handoff.id,
            "conversation_id": handoff.conversation_id,
            "state": handoff.state,
            "reason": handoff.reason,
            "destination": handoff.destination,
            "priority": handoff.priority,
            "receiver": handoff.receiver,
        }
    });
    sqlx::query(
        "INSERT INTO outbox (id, created_at, topic, conversation_id, handoff_id, payload, next_attempt_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(at_us)
    .bind(topic)
    .bind(handoff.conversation_id.to_string())
    .bind(handoff.id.to_string())
    .bind(json_text(&payload)?)
    .bind(at_us)
    .execute(&mut *conn)
    .await
    .map_err(db_err)?;
    Ok(())
}

async fn load_conversation(
    conn: &mut SqliteConnection,
    id: ConversationId,
) -> Result<Conversation> {
    let row = sqlx::query("SELECT * FROM conversations WHERE id = ?")
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await
        .map_err(db_err)?
        .ok_or_else(|| StoreError::NotFound {
            what: "conversation",
            id: id.to_string(),
        })?;
    rows::conversation(&row)
}

async fn load_handoff(conn: &mut SqliteConnection, id: HandoffId) -> Result<Handoff> {
    let row = sqlx::query("SELECT * FROM handoffs WHERE id = ?")
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await
        .map_err(db_err)?
        .ok_or_else(|| StoreError::NotFound {
            what: "handoff",
            id: id.to_string(),
        })?;
    rows::handoff(&row)
}

async fn save_conversation(conn: &mut SqliteConnection, c: &Conversation) -> Result<()> {
    sqlx::query(
        "UPDATE conversations SET customer = ?, status = ?, owner = ?, owner_kind = ?, \
         open_handoff = ?, turn_count = ?, updated_at = ? WHERE id = ?",
    )
    .bind(json_text(&c.customer)?)
    .bind(c.status.as_str())
    .bind(c.owner.to_string())
    .bind(c.owner_kind.as_str())
    .bind(c.open_handoff.map(|h| h.to_string()))
    .bind(c.turn_count)
    .bind(to_us(c.updated_at))
    .bind(c.id.to_string())
    .execute(&mut *conn)
    .await
    .map_err(db_err)?;
    Ok(())
}

/// Writes the changed fields of a handoff, only if it is still in `expected` state:
/// the compare-and-set that makes a claim atomic even across processes.
async fn save_handoff(
    conn: &mut SqliteConnection,
    h: &Handoff,
    expected: HandoffState,
) -> Result<()> {
    let done = sqlx::query(
        "UPDATE handoffs SET state = ?, receiver = ?, note = ?, updated_at = ?, accepted_at = ?, \
         closed_at = ? WHERE id = ? AND state = ?",
    )
    .bind(h.state.as_str())
    .bind(h.receiver.map(|r| r.to_string()))
    .bind(h.note.as_deref())
    .bind(to_us(h.updated_at))
    .bind(h.accepted_at.map(to_us))
    .bind(h.closed_at.map(to_us))
    .bind(h.id.to_string())
    .bind(expected.as_str())
    .execute(&mut *conn)
    .await
    .map_err(db_err)?;
    if done.rows_affected() == 1 {
        Ok(())
    } else {
        Err(StoreError::Conflict(format!(
            "handoff {} changed while this request was processed; read it again",
            h.id
        )))
    }
}

async fn insert_turn(conn: &mut SqliteConnection, t: &Turn) -> Result<()> {
    sqlx::query(
        "INSERT INTO turns (conversation_id, seq, id, at, role, text, confidence, intent, event, \
         data, internal, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(t.conversation_id.to_string())
    .bind(t.seq)
    .bind(t.id.to_string())
    .bind(to_us(t.at))
    .bind(t.role.as_str())
    .bind(&t.text)
    .bind(t.confidence)
    .bind(t.intent.as_deref())
    .bind(t.event.map(|e| e.as_str()))
    .bind(if t.data.is_empty() {
        None
    } else {
        Some(json_text(&t.data)?)
    })
    .bind(t.internal.as_deref())
    .bind(t.author.map(|a| a.to_string()))
    .execute(&mut *conn)
    .await
    .map_err(db_err)?;
    Ok(())
}

fn actor_agent(actor: Actor) -> Option<AgentId> {
    match actor {
        Actor::Admin | Actor::System => None,
        Actor::Agent { id, .. } => Some(id),
    }
}

#[async_trait]
impl Store for SqliteStore {
    async fn setting(&self, key: &str) -> Result<Option<String>> {
        sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(key)
            .fetch_optional(&self.reader)
            .await
            .map_err(db_err)
    }

    async fn init_setting(&self, key: &str, value: &str) -> Result<String> {
        let mut tx = self.writer.begin().await.map_err(db_err)?;
        sqlx::query("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")
            .bind(key)
            .bind(value)
            .execute(&mut *tx)
            .await
            .map_err(db_err)?;
        let stored: String = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(key)
            .fetch_one(&mut *tx)
            .await
            .map_err(db_err)?;
        tx.commit().await.map_err(db_err)?;
        Ok(stored)
    }

    async fn create_agent(&self, agent: &Agent, secret_hash: [u8; 32]) -> Result<()> {
        let mut tx = self.writer.begin().await.map_err(db_err)?;
        let at = to_us(agent.created_at);
        sqlx::query(
            "INSERT INTO agents (id, name, kind, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(agent.id.to_string())
        .bind(&agent.name)
        .bind(agent.kind.as_str())
        .bind(&secret_hash[..])
        .bind(at)
        .execute(&mut *tx)
        .await
        .map_err(db_err)?;
        append_audit(
            &mut tx,
            "admin",
            "agent.registered",
            &format!("agent:{}", agent.id),
            &json!({"name": agent.name, "kind": agent.kind}),
            at,
        )
        .await?;
        tx.commit().await.map_err(db_err)
    }

    async fn agent_credentials(&self, id: AgentId) -> Result<Option<AgentCredentials>> {
        let row = sqlx::query("SELECT * FROM agents WHERE id = ?")
            .bind(id.to_string())
            .fetch_optional(&self.reader)
            .await
            .map_err(db_err)?;
        let Some(row) = row else { return Ok(None) };
        let kind: String = row.try_get("kind").map_err(db_err)?;
        let hash: Vec<u8> = row.try_get("secret_hash").map_err(db_err)?;
        Ok(Some(AgentCredentials {
            agent: Agent {
                id,
                name: row.try_get("name").map_err(db_err)?,
                kind: AgentKind::parse(&kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("agent kind {kind}")))?,
                created_at: from_us(row.try_get("created_at").map_err(db_err)?)?,
            },
            secret_hash: hash
                .try_into()
                .map_err(|_| StoreError::Corrupt(format!("agent {id}: secret hash length")))?,
        }))
    }

    async fn create_conversation(&self, new: NewConversation) -> Result<Conversation> {
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
        sqlx::query(
            "INSERT INTO conversations (id, channel, customer, status, ai_agent, owner, owner_kind, \
             open_handoff, turn_count, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0, ?, ?)",
        )
        .bind(conv.id.to_string())
        .bind(conv.channel.as_str())
        .bind(json_text(&conv.customer)?)
        .bind(conv.status.as_str())
        .bind(conv.ai_agent.to_string())
        .bind(conv.owner.to_string())
        .bind(conv.owner_kind.as_str())
        .bind(to_us(now))
        .bind(to_us(now))
        .execute(&self.writer)
        .await
        .map_err(db_err)?;
        Ok(conv)
    }

    async fn conversation(&self, id: ConversationId) -> Result<Conversation> {
        let mut conn = self.reader.acquire().await.map_err(db_err)?;
        load_conversation(&mut conn, id).await
    }

    async fn can_read_conversation(&self, c: &Conversation, actor: Actor) -> Result<bool> {
        let (id, kind) = match actor {
            Actor::Admin | Actor::System => return Ok(true),
            Actor::Agent { id, kind } => (id, kind),
        };
        if id == c.ai_agent || id == c.owner {
            return Ok(true);
        }
        if kind == AgentKind::Ai {
            return Ok(false);
        }
        // A receiver may read a conversation whose handoff waits for someone (to
        // decide whether to take it) or that it once took.
        let visible: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM handoffs WHERE conversation_id = ? AND \
             (receiver = ? OR state IN ('requested', 'offered', 'failed')) LIMIT 1",
        )
        .bind(c.id.to_string())
        .bind(id.to_string())
        .fetch_optional(&self.reader)
        .await
        .map_err(db_err)?;
        Ok(visible.is_some())
    }

    async fn append_turn(
        &self,
        conversation: ConversationId,
        actor: Actor,
        new: NewTurn,
    ) -> Result<TurnAppended> {
        let role = new.validate()?;
        let mut tx = self.writer.begin().await.map_err(db_err)?;
        let mut conv = load_conversation(&mut tx, conversation).await?;
        conv.check_turn(actor, role)?;
        let now = baton_core::now();
        let turn = Turn {
            id: TurnId::new(),
            conversation_id: conversation,
            seq: conv.turn_count + 1,
            at: new.at.map_or(now, baton_core::truncate_to_micros),
            role,
            text: new.text,
            confidence: new.confidence,
            intent: new.intent,
            event: new.event,
            data: new.data,
            internal: new.internal,
            author: actor_agent(actor),
        };
        insert_turn(&mut tx, &turn).await?;
        for (k, v) in &turn.data {
            conv.customer.data.insert(k.clone(), v.clone());
        }
        conv.turn_count = turn.seq;
        conv.updated_at = now;
        // The receiver speaking for the first time makes the handoff active.
        if role == Role::Human
            && let Some(hid) = conv.open_handoff
        {
            let mut h = load_handoff(&mut tx, hid).await?;
            if h.state == HandoffState::Accepted {
                h.state = h.state.apply(HandoffEvent::Activate)?;
                h.updated_at = now;
                save_handoff(&mut tx, &h, HandoffState::Accepted).await?;
                append_audit(
                    &mut tx,
                    &actor_label(actor),
                    "handoff.active",
                    &format!("handoff:{hid}"),
                    &json!({"turn": turn.seq}),
                    to_us(now),
                )
                .await?;
            }
        }
        save_conversation(&mut tx, &conv).await?;
        tx.commit().await.map_err(db_err)?;
        Ok(TurnAppended {
            turn,
            conversation: conv,
        })
    }

    async fn turns(
        &self,
        conversation: ConversationId,
        after: i64,
        limit: u32,
    ) -> Result<Vec<Turn>> {
        let rows = sqlx::query(
            "SELECT * FROM turns WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?",
        )
        .bind(conversation.to_string())
        .bind(after)
        .bind(i64::from(limit))
        .fetch_all(&self.reader)
        .await
        .map_err(db_err)?;
        rows.iter().map(rows::turn).collect()
    }

    async fn recent_turns(&self, conversation: ConversationId, n: u32) -> Result<Vec<Turn>> {
        let rows =
            sqlx::query("SELECT * FROM turns WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?")
                .bind(conversation.to_string())
                .bind(i64::from(n))
                .fetch_all(&self.reader)
                .await
                .map_err(db_err)?;
        let mut turns = rows.iter().map(rows::turn).collect::<Result<Vec<_>>>()?;
        turns.reverse();
        Ok(turns)
    }

    async fn request_handoff(&self, actor: Actor, new: NewHandoff) -> Result<HandoffChange> {
        let mut tx = self.writer.begin().await.map_err(db_err)?;
        let mut conv = load_conversation(&mut tx, new.conversation_id).await?;
        match actor {
            Actor::Admin | Actor::System => {}
            Actor::Agent {
                id,
                kind: AgentKind::Ai,
            } if id == conv.ai_agent => {}
            Actor::Agent { .. } => {
                return Err(StoreError::Forbidden(baton_core::CommandForbidden(
                    "only the conversation's AI agent (or the admin token) can request a handoff"
                        .to_owned(),
                )));
            }
        }
        if conv.status == ConversationStatus::Closed {
            return Err(StoreError::Conflict(
                "the conversation is closed; start a new conversation".to_owned(),
            ));
        }
        if let Some(open) = conv.open_handoff {
            let h = load_handoff(&mut tx, open).await?;
            return Err(StoreError::Conflict(format!(
                "the conversation already has handoff {open} ({}); resolve, hand back or cancel it first",
                h.state.as_str()
            )));
        }
        let now = baton_core::now();
        let h = Handoff {
            id: HandoffId::new(),
            conversation_id: conv.id,
            state: HandoffState::Requested,
            reason: new.reason,
            source: conv.owner,
            destination: new.destination,
            utterance: new.utterance,
            parameters: new.parameters,
            priority: new.priority,
            rule: new.rule,
            decision: new.decision,
            receiver: None,
            note: None,
            created_at: now,
            updated_at: now,
            accepted_at: None,
            closed_at: None,
        };
        sqlx::query(
            "INSERT INTO handoffs (id, conversation_id, state, reason, source, destination, \
             utterance, parameters, priority, rule, decision, receiver, note, created_at, \
             updated_at, accepted_at, closed_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, NULL, NULL)",
        )
        .bind(h.id.to_string())
        .bind(h.conversation_id.to_string())
        .bind(h.state.as_str())
        .bind(h.reason.as_str())
        .bind(h.source.to_string())
        .bind(h.destination.as_deref())
        .bind(h.utterance.as_deref())
        .bind(json_text(&h.parameters)?)
        .bind(h.priority)
        .bind(h.rule.as_deref())
        .bind(h.decision.as_ref().map(json_text).transpose()?)
        .bind(to_us(now))
        .bind(to_us(now))
        .execute(&mut *tx)
        .await
        .map_err(db_err)?;
        conv.open_handoff = Some(h.id);
        conv.updated_at = now;
        save_conversation(&mut tx, &conv).await?;
        append_audit(
            &mut tx,
            &actor_label(actor),
            "handoff.requested",
            &format!("handoff:{}", h.id),
            &json!({
                "conversation": h.conversation_id,
                "reason": h.reason,
                "rule": h.rule,
                "destination": h.destination,
            }),
            to_us(now),
        )
        .await?;
        enqueue_event(&mut tx, "handoff.requested", &h, to_us(now)).await?;
        tx.commit().await.map_err(db_err)?;
        Ok(HandoffChange {
            handoff: h,
            conversation: conv,
        })
    }

    async fn handoff(&self, id: HandoffId) -> Result<Handoff> {
        let mut conn = self.reader.acquire().await.map_err(db_err)?;
        load_handoff(&mut conn, id).await
    }

    async fn list_handoffs(&self, f: &HandoffFilter) -> Result<Vec<Handoff>> {
        let mut q = QueryBuilder::<Sqlite>::new("SELECT * FROM handoffs WHERE 1 = 1");
        match f.visibility {
            Visibility::All => {}
            Visibility::Source(id) => {
                q.push(" AND source = ").push_bind(id.to_string());
            }
            Visibility::Receiver(id) => {
                q.push(" AND (receiver = ")
                    .push_bind(id.to_string())
                    .push(" OR state IN ('requested', 'offered', 'failed'))");
            }
        }
        if let Some(s) = f.state {
            q.push(" AND state = ").push_bind(s.as_str());
        }
        if let Some(queue) = &f.queue {
            q.push(" AND destination = ").push_bind(queue.clone());
        }
        if let Some(c) = f.conversation {
            q.push(" AND conversation_id = ").push_bind(c.to_string());
        }
        if let Some(since) = f.since {
            q.push(" AND created_at >= ").push_bind(to_us(since));
        }
        q.push(" ORDER BY created_at DESC, id DESC LIMIT ")
            .push_bind(i64::from(f.limit));
        let rows = q.build().fetch_all(&self.reader).await.map_err(db_err)?;
        rows.iter().map(rows::handoff).collect()
    }

    async fn command(
        &self,
        id: HandoffId,
        actor: Actor,
        command: HandoffCommand,
        note: Option<String>,
    ) -> Result<HandoffChange> {
        let mut tx = self.writer.begin().await.map_err(db_err)?;
        let mut h = load_handoff(&mut tx, id).await?;
        h.authorize(actor, command)?;
        let before = h.state;
        h.state = before.apply(command.event())?;
        let mut conv = load_conversation(&mut tx, h.conversation_id).await?;
        let now = baton_core::now();
        h.updated_at = now;
        conv.updated_at = now;
        if note.is_some() {
            h.note = note.clone();
        }
        let topic = match command {
            HandoffCommand::Accept => {
                if let Actor::Agent { id, kind } = actor {
                    h.receiver = Some(id);
                    conv.owner = id;
                    conv.owner_kind = kind;
                }
                h.accepted_at = Some(now);
                "handoff.accepted"
            }
            HandoffCommand::Reject => "handoff.rejected",
            HandoffCommand::Resolve => {
                h.closed_at = Some(now);
                conv.status = ConversationStatus::Closed;
                conv.open_handoff = None;
                "handoff.resolved"
            }
            HandoffCommand::HandBack => {
                h.closed_at = Some(now);
                conv.owner = conv.ai_agent;
                conv.owner_kind = AgentKind::Ai;
                conv.open_handoff = None;
                // A marker in the history, so the AI knows the human is gone and
                // what they left it with.
                let text = match &note {
                    Some(n) => {
                        format!("The human agent handed the conversation back to the AI: {n}")
                    }
                    None => "The human agent handed the conversation back to the AI.".to_owned(),
                };
                let marker = Turn {
                    id: TurnId::new(),
                    conversation_id: conv.id,
                    seq: conv.turn_count + 1,
                    at: now,
                    role: Role::System,
                    text,
                    confidence: None,
                    intent: Some("handed_back".to_owned()),
                    event: None,
                    data: serde_json::Map::new(),
                    internal: None,
                    author: actor_agent(actor),
                };
                insert_turn(&mut tx, &marker).await?;
                conv.turn_count = marker.seq;
                "handoff.handed_back"
            }
            HandoffCommand::Cancel => {
                h.closed_at = Some(now);
                conv.open_handoff = None;
                "handoff.canceled"
            }
        };
        save_handoff(&mut tx, &h, before).await?;
        save_conversation(&mut tx, &conv).await?;
        append_audit(
            &mut tx,
            &actor_label(actor),
            topic,
            &format!("handoff:{id}"),
            &json!({"from": before, "to": h.state, "note": note}),
            to_us(now),
        )
        .await?;
        enqueue_event(&mut tx, topic, &h, to_us(now)).await?;
        tx.commit().await.map_err(db_err)?;
        Ok(HandoffChange {
            handoff: h,
            conversation: conv,
        })
    }

    async fn outbox_for_handoff(&self, id: HandoffId) -> Result<Vec<OutboxEntry>> {
        let rows = sqlx::query(
            "SELECT id, topic, handoff_id, payload, state, attempts, created_at FROM outbox \
             WHERE handoff_id = ? ORDER BY created_at, id",
        )
        .bind(id.to_string())
        .fetch_all(&self.reader)
        .await
        .map_err(db_err)?;
        rows.iter()
            .map(|r| {
                let payload: String = r.try_get("payload").map_err(db_err)?;
                Ok(OutboxEntry {
                    id: r.try_get("id").map_err(db_err)?,
                    topic: r.try_get("topic").map_err(db_err)?,
                    handoff_id: Some(id),
                    payload: serde_json::from_str(&payload)
                        .map_err(|e| StoreError::Corrupt(format!("outbox payload: {e}")))?,
                    state: r.try_get("state").map_err(db_err)?,
                    attempts: r.try_get("attempts").map_err(db_err)?,
                    created_at: from_us(r.try_get("created_at").map_err(db_err)?)?,
                })
            })
            .collect()
    }

    async fn verify_audit(&self) -> Result<AuditVerification> {
        use futures_util::StreamExt as _;
        let mut conn = self.reader.acquire().await.map_err(db_err)?;
        let mut rows = sqlx::query(
            "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit ORDER BY seq",
        )
        .fetch(&mut *conn);
        let mut prev = GENESIS;
        let mut expected_seq = 1;
        let mut entries = 0;
        while let Some(row) = rows.next().await {
            let row = row.map_err(db_err)?;
            let seq: i64 = row.try_get("seq").map_err(db_err)?;
            let stored_prev: Vec<u8> = row.try_get("prev_hash").map_err(db_err)?;
            let stored: Vec<u8> = row.try_get("hash").map_err(db_err)?;
            let actor: String = row.try_get("actor").map_err(db_err)?;
            let action: String = row.try_get("action").map_err(db_err)?;
            let subject: String = row.try_get("subject").map_err(db_err)?;
            let detail: String = row.try_get("detail").map_err(db_err)?;
            let computed = entry_hash(
                &prev,
                &AuditFields {
                    seq,
                    at_us: row.try_get("at").map_err(db_err)?,
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
    }
}
