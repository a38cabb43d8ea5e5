//! The sending side's worker: pushes offers made to connected agents, then follows
//! each pushed handoff on the other Baton until it ends there.
//!
//! Everything it acts on is durable (pending offers without a link, open links with
//! their turn cursors), so a restart resumes where it stopped. It answers offers and
//! mirrors the other side through the same store commands the desk uses, as the
//! connection's local `external` agent.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use baton_core::{
    Actor, AgentKind, Handoff, HandoffCommand, HandoffId, HandoffState, NewTurn, OfferId,
    OfferState, Role,
};
use baton_store::{Connection, LinkDirection, NewPeerLink, PeerLink, Store, StoreError};
use serde_json::{Value, json};
use tokio::sync::Notify;

use super::a2a::{
    A2aClient, EventStream, Mapped, agent_messages, apply_event, handoff_message, map_state,
};
use super::client::{Peer, PeerClient, PeerError};
use super::{ForwardedTurn, Push};
use crate::secrets::SecretBox;

/// Builds the package a receiver gets (redacted and mapped for it), auditing the
/// fetch. The server implements it: the package needs the rule engine's scores.
#[async_trait]
pub trait Packager: Send + Sync {
    async fn package(&self, handoff: &Handoff, receiver: &str) -> Result<Value, String>;
}

/// The kind of connection that is any A2A agent (the default kind is another Baton).
pub const A2A: &str = "a2a";

/// Called with a handoff the worker changed, so the router looks at it again.
pub type OnChange = Arc<dyn Fn(HandoffId) + Send + Sync>;

/// Why one step of the worker failed.
#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Peer(#[from] PeerError),
    #[error("the connection's secret could not be opened (was the sealing key changed?)")]
    Secret,
    #[error("the package could not be built: {0}")]
    Package(String),
}

pub struct PeerWorker {
    store: Arc<dyn Store>,
    secrets: Arc<SecretBox>,
    client: PeerClient,
    a2a: A2aClient,
    packager: Arc<dyn Packager>,
    on_change: OnChange,
    poll: Duration,
    /// Offers whose push failed for a passing reason, and when to try again.
    backoff: HashMap<OfferId, Instant>,
    /// Links whose last look failed (the other side down), or whose A2A task did
    /// not change (polling backs off), and when to look again.
    resting: std::sync::Mutex<HashMap<i64, Instant>>,
    /// A2A tasks followed over a stream, by task id: the view so far.
    streams: Arc<std::sync::Mutex<HashMap<String, Streamed>>>,
    /// A stream told something new: follow now rather than at the next poll.
    stream_news: Arc<std::sync::atomic::AtomicBool>,
    /// Per A2A link: what its task looked like at the last poll, and the current
    /// polling interval.
    idle: std::sync::Mutex<HashMap<i64, (Seen, Duration)>>,
    wake: Arc<Notify>,
}

/// An A2A task as its stream told it.
struct Streamed {
    task: crate::a2a::Task,
    /// The stream still runs.
    live: bool,
    /// Which stream: a newer one (a later message's) replaces an older one.
    stream: u64,
}

/// What a poll saw of a task: its state and how many things its agent said.
type Seen = (TaskState, usize);

/// The longest wait between two polls of an A2A task that does not change.
const MAX_POLL_BACKOFF: Duration = Duration::from_secs(2);

use crate::a2a::TaskState;

impl PeerWorker {
    pub fn new(
        store: Arc<dyn Store>,
        secrets: Arc<SecretBox>,
        client: PeerClient,
        a2a: A2aClient,
        packager: Arc<dyn Packager>,
        on_change: OnChange,
        poll: Duration,
    ) -> Self {
        Self {
            store,
            secrets,
            client,
            a2a,
            packager,
            on_change,
            poll,
            backoff: HashMap::new(),
            resting: std::sync::Mutex::default(),
            streams: Arc::default(),
            stream_news: Arc::default(),
            idle: std::sync::Mutex::default(),
            wake: Arc::new(Notify::new()),
        }
    }

    /// Listens to a task's stream in the background, keeping its view for
    /// [`Self::follow_a2a`] and waking the worker on every event. When the stream
    /// ends (the task ended, or waits for input), following falls back to polling.
    fn listen(&self, task: crate::a2a::Task, mut events: EventStream) {
        static STREAMS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let stream = STREAMS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let id = task.id.clone();
        let ended = task.status.state.is_terminal();
        if let Ok(mut map) = self.streams.lock() {
            map.insert(
                id.clone(),
                Streamed {
                    task,
                    live: !ended,
                    stream,
                },
            );
        }
        if ended {
            return;
        }
        let (streams, news, wake) = (
            self.streams.clone(),
            self.stream_news.clone(),
            self.wake.clone(),
        );
        tokio::spawn(async move {
            loop {
                let event = events.next().await;
                let Ok(mut map) = streams.lock() else { return };
                let Some(s) = map.get_mut(&id).filter(|s| s.stream == stream) else {
                    return;
                };
                match event {
                    Some(Ok(e)) => apply_event(&mut s.task, e),
                    Some(Err(e)) => {
                        tracing::info!(task = %id, error = %e, "the A2A task's stream broke; polling it");
                        s.live = false;
                    }
                    None => s.live = false,
                }
                if s.task.status.state.is_terminal() {
                    s.live = false;
                }
                let live = s.live;
                drop(map);
                news.store(true, std::sync::atomic::Ordering::Relaxed);
                wake.notify_one();
                if !live {
                    return;
                }
            }
        });
    }

    /// Sends `message` to the A2A agent: over a stream that is then listened to when
    /// its card offers streaming, else as `SendMessage`.
    async fn send_a2a(
        &self,
        endpoint: &str,
        streaming: bool,
        token: &str,
        message: crate::a2a::Message,
    ) -> Result<crate::a2a::SendMessageResponse, WorkerError> {
        use crate::a2a::{SendMessageResponse, StreamResponse};
        if !streaming {
            return Ok(self.a2a.send(endpoint, token, message).await?);
        }
        let (first, events) = self.a2a.send_streaming(endpoint, token, message).await?;
        let task = match first {
            StreamResponse::Message(m) => return Ok(SendMessageResponse::Message(m)),
            StreamResponse::Task(t) => t,
            StreamResponse::StatusUpdate(u) => crate::a2a::Task {
                id: u.task_id,
                context_id: u.context_id,
                status: u.status,
                ..crate::a2a::Task::default()
            },
            StreamResponse::ArtifactUpdate(_) => {
                return Err(WorkerError::Peer(PeerError::Failed {
                    url: endpoint.to_owned(),
                    status: 200,
                    detail: "the stream began with an artifact, not the task".to_owned(),
                }));
            }
        };
        self.listen(task.clone(), events);
        Ok(SendMessageResponse::Task(task))
    }

    /// Works until `shutdown` resolves.
    /// Notify this when handoffs changed (an offer may have been made): offers are
    /// pushed at once rather than at the next poll.
    pub fn waker(&self) -> Arc<Notify> {
        self.wake.clone()
    }

    /// Works until `shutdown` resolves: pushes new offers when woken and at every
    /// poll; follows what was pushed at every poll.
    pub async fn run(mut self, shutdown: impl std::future::Future<Output = ()>) {
        tokio::pin!(shutdown);
        let mut next_follow = Instant::now();
        loop {
            if let Err(e) = self.push_offers().await {
                tracing::warn!(error = %e, "pushing offers to connected agents failed; retrying");
            }
            let news = self
                .stream_news
                .swap(false, std::sync::atomic::Ordering::Relaxed);
            if news || Instant::now() >= next_follow {
                if let Err(e) = self.follow_links().await {
                    tracing::warn!(error = %e, "following handoffs on other Batons failed; retrying");
                }
                next_follow = Instant::now() + self.poll;
            }
            let wake = self.wake.clone();
            tokio::select! {
                () = &mut shutdown => return,
                () = wake.notified() => {}
                () = tokio::time::sleep_until(next_follow.into()) => {}
            }
        }
    }

    fn secret(&self, c: &Connection) -> Result<String, WorkerError> {
        let bytes = self
            .secrets
            .open(&c.secret)
            .map_err(|_| WorkerError::Secret)?;
        String::from_utf8(bytes).map_err(|_| WorkerError::Secret)
    }

    fn actor(c: &Connection) -> Actor {
        Actor::Agent {
            id: c.agent_id,
            kind: AgentKind::External,
        }
    }

    /// Pushes every pending offer to a connected agent that was not pushed yet.
    pub async fn push_offers(&mut self) -> Result<(), WorkerError> {
        let now = Instant::now();
        self.backoff.retain(|_, at| *at > now);
        for (offer, conn) in self.store.offers_to_push().await? {
            if self.backoff.contains_key(&offer.id) {
                continue;
            }
            let h = self.store.handoff(offer.handoff_id).await?;
            match self.push(&h, offer.id, &conn).await {
                Ok(()) => {}
                Err(WorkerError::Peer(e)) if e.is_refusal() => {
                    tracing::info!(handoff = %h.id, connection = %conn.name, error = %e,
                        "the connected agent refused the handoff");
                    let note = format!("{} refused: {e}", conn.name);
                    self.answer(h.id, &conn, HandoffCommand::Reject, Some(note))
                        .await?;
                    self.store
                        .record_access(
                            Actor::System,
                            "peer.push_refused",
                            &format!("handoff:{}", h.id),
                            json!({"connection": conn.name, "why": e.to_string()}),
                        )
                        .await?;
                }
                Err(e) => {
                    tracing::warn!(handoff = %h.id, connection = %conn.name, error = %e,
                        "could not push the handoff; retrying in 2 s");
                    self.backoff.insert(offer.id, now + Duration::from_secs(2));
                }
            }
        }
        Ok(())
    }

    async fn push(
        &self,
        h: &Handoff,
        offer: OfferId,
        conn: &Connection,
    ) -> Result<(), WorkerError> {
        let secret = self.secret(conn)?;
        let package = self
            .packager
            .package(h, &format!("external:{}", conn.name))
            .await
            .map_err(WorkerError::Package)?;
        let summary = package["summary"]["text"].as_str().map(str::to_owned);
        let conv = self.store.conversation(h.conversation_id).await?;
        if conn.kind == A2A {
            return self
                .push_a2a(h, offer, conn, &secret, summary, package, conv.turn_count)
                .await;
        }
        let peer = Peer {
            url: &conn.url,
            agent: &conn.remote_agent,
            secret: &secret,
        };
        let pushed = self
            .client
            .push(
                peer,
                &Push {
                    handoff_id: h.id.to_string(),
                    reason: h.reason,
                    priority: h.priority,
                    summary,
                    package,
                },
            )
            .await?;
        self.store
            .add_peer_link(NewPeerLink {
                direction: LinkDirection::Out,
                handoff_id: h.id,
                conversation_id: conv.id,
                peer: conn.name.clone(),
                remote_handoff: pushed.handoff_id.clone(),
                offer_id: Some(offer),
                sent_seq: conv.turn_count,
            })
            .await?;
        self.store
            .record_access(
                Actor::System,
                "peer.pushed",
                &format!("handoff:{}", h.id),
                json!({"connection": conn.name, "remote_handoff": pushed.handoff_id}),
            )
            .await?;
        tracing::info!(handoff = %h.id, connection = %conn.name, remote = %pushed.handoff_id,
            "handoff pushed to the connected agent");
        Ok(())
    }

    /// Accepts, rejects, resolves or hands back as the connection's agent.
    async fn answer(
        &self,
        id: HandoffId,
        conn: &Connection,
        command: HandoffCommand,
        note: Option<String>,
    ) -> Result<(), WorkerError> {
        match self
            .store
            .command(id, Self::actor(conn), command, note)
            .await
        {
            Ok(_) => {
                (self.on_change)(id);
                Ok(())
            }
            // Already moved on here (timed out, canceled): nothing to mirror.
            Err(
                StoreError::Transition(_) | StoreError::Conflict(_) | StoreError::NotFound { .. },
            ) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// Follows every open link; one link's failure does not hold up the others.
    pub async fn follow_links(&self) -> Result<(), WorkerError> {
        let now = Instant::now();
        for link in self.store.open_peer_links(LinkDirection::Out).await? {
            let rest = self
                .resting
                .lock()
                .ok()
                .and_then(|r| r.get(&link.id).copied());
            if rest.is_some_and(|until| until > now) {
                continue;
            }
            let outcome = self.follow(&link).await;
            if let Ok(mut resting) = self.resting.lock() {
                match &outcome {
                    Ok(Some(until)) => {
                        resting.insert(link.id, *until);
                    }
                    Ok(None) => {
                        resting.remove(&link.id);
                    }
                    Err(_) => {
                        resting.insert(link.id, now + Duration::from_secs(2));
                    }
                }
            }
            if let Err(e) = outcome {
                tracing::warn!(handoff = %link.handoff_id, connection = %link.peer, error = %e,
                    "could not follow the handoff on the other side; retrying in 2 s");
            }
        }
        Ok(())
    }

    /// Follows one link; `Some(time)` when it need not be looked at before then.
    async fn follow(&self, link: &PeerLink) -> Result<Option<Instant>, WorkerError> {
        let Some(conn) = self.store.connection(&link.peer).await? else {
            self.store
                .advance_peer_link(link.id, None, None, true)
                .await?;
            return Ok(None);
        };
        let secret = self.secret(&conn)?;
        if conn.kind == A2A {
            return self.follow_a2a(link, &conn, &secret).await;
        }
        self.follow_baton(link, &conn, &secret).await.map(|()| None)
    }

    async fn follow_baton(
        &self,
        link: &PeerLink,
        conn: &Connection,
        secret: &str,
    ) -> Result<(), WorkerError> {
        let conn = conn.clone();
        let secret = secret.to_owned();
        let peer = Peer {
            url: &conn.url,
            agent: &conn.remote_agent,
            secret: &secret,
        };
        let remote = link.handoff_id.to_string();
        let h = self.store.handoff(link.handoff_id).await?;
        let held = h.receiver == Some(conn.agent_id)
            && matches!(h.state, HandoffState::Accepted | HandoffState::Active);
        let pending = self
            .store
            .offers(h.id)
            .await?
            .iter()
            .any(|o| Some(o.id) == link.offer_id && o.state == OfferState::Pending);
        if !held && !pending {
            // Our side moved on (the offer ran out, the handoff was canceled): the
            // other side stops working on it.
            let note = Some(format!(
                "withdrawn: the handoff is now {}",
                h.state.as_str()
            ));
            if let Err(e) = self.client.withdraw(peer, &remote, note).await {
                tracing::info!(handoff = %h.id, error = %e, "the other Baton did not withdraw the handoff");
            }
            return self.withdrawn(link, &h, &conn).await;
        }
        // The customer's later turns go to the other side.
        let mut sent = link.sent_seq;
        for t in self.store.turns(link.conversation_id, sent, 100).await? {
            if t.role == Role::Customer {
                self.client
                    .forward(
                        peer,
                        &remote,
                        &ForwardedTurn {
                            text: t.text,
                            seq: Some(t.seq),
                        },
                    )
                    .await?;
            }
            sent = t.seq;
            self.store
                .advance_peer_link(link.id, Some(sent), None, false)
                .await?;
        }
        let synced = self.client.sync(peer, &remote, link.received_seq).await?;
        let taken = matches!(
            synced.state,
            HandoffState::Accepted
                | HandoffState::Active
                | HandoffState::Resolved
                | HandoffState::HandedBack
        );
        if pending && taken {
            self.answer(h.id, &conn, HandoffCommand::Accept, None)
                .await?;
            tracing::info!(handoff = %h.id, connection = %conn.name, "accepted on the other Baton");
        }
        for t in &synced.turns {
            let turn = NewTurn {
                role: Some(Role::Human),
                text: t.text.clone(),
                ..NewTurn::default()
            };
            self.store
                .append_turn(link.conversation_id, Self::actor(&conn), turn, None)
                .await?;
        }
        self.store
            .advance_peer_link(link.id, None, Some(synced.last_seq), false)
            .await?;
        let last = match synced.state {
            HandoffState::Resolved => Some(HandoffCommand::Resolve),
            HandoffState::HandedBack => Some(HandoffCommand::HandBack),
            HandoffState::Canceled if pending => Some(HandoffCommand::Reject),
            HandoffState::Canceled => Some(HandoffCommand::HandBack),
            _ => None,
        };
        if let Some(command) = last {
            let note = synced
                .note
                .clone()
                .or_else(|| Some(format!("{} on {}", synced.state.as_str(), conn.name)));
            self.answer(h.id, &conn, command, note).await?;
            self.store
                .advance_peer_link(link.id, None, None, true)
                .await?;
            tracing::info!(handoff = %h.id, connection = %conn.name, state = synced.state.as_str(),
                "the other Baton finished the handoff");
        }
        Ok(())
    }

    /// Whether the offer this link pushed still waits, and whether the connection
    /// holds the handoff.
    /// Our side moved on: the link is closed and the withdrawal audited.
    async fn withdrawn(
        &self,
        link: &PeerLink,
        h: &Handoff,
        conn: &Connection,
    ) -> Result<(), WorkerError> {
        self.store
            .advance_peer_link(link.id, None, None, true)
            .await?;
        self.store
            .record_access(
                Actor::System,
                "peer.withdrawn",
                &format!("handoff:{}", h.id),
                json!({"connection": conn.name, "state": h.state}),
            )
            .await?;
        Ok(())
    }

    async fn standing(
        &self,
        link: &PeerLink,
        conn: &Connection,
    ) -> Result<(Handoff, bool, bool), WorkerError> {
        let h = self.store.handoff(link.handoff_id).await?;
        let held = h.receiver == Some(conn.agent_id)
            && matches!(h.state, HandoffState::Accepted | HandoffState::Active);
        let pending = self
            .store
            .offers(h.id)
            .await?
            .iter()
            .any(|o| Some(o.id) == link.offer_id && o.state == OfferState::Pending);
        Ok((h, held, pending))
    }

    #[allow(clippy::too_many_arguments)]
    async fn push_a2a(
        &self,
        h: &Handoff,
        offer: OfferId,
        conn: &Connection,
        token: &str,
        summary: Option<String>,
        package: Value,
        turn_count: i64,
    ) -> Result<(), WorkerError> {
        let (endpoint, streaming) = self.a2a.endpoint_and_streaming(&conn.url).await?;
        let message = handoff_message(&h.id.to_string(), summary.as_deref(), package);
        let answer = self.send_a2a(&endpoint, streaming, token, message).await?;
        let remote = match &answer {
            crate::a2a::SendMessageResponse::Task(t) => t.id.clone(),
            crate::a2a::SendMessageResponse::Message(m) => format!("message:{}", m.message_id),
        };
        let (link, _) = self
            .store
            .add_peer_link(NewPeerLink {
                direction: LinkDirection::Out,
                handoff_id: h.id,
                conversation_id: h.conversation_id,
                peer: conn.name.clone(),
                remote_handoff: remote.clone(),
                offer_id: Some(offer),
                sent_seq: turn_count,
            })
            .await?;
        self.store
            .record_access(
                Actor::System,
                "peer.pushed",
                &format!("handoff:{}", h.id),
                json!({"connection": conn.name, "a2a_task": remote}),
            )
            .await?;
        tracing::info!(handoff = %h.id, connection = %conn.name, task = %remote,
            "handoff sent to the A2A agent");
        if let crate::a2a::SendMessageResponse::Message(m) = answer {
            // A direct answer and no task: the agent took it, said its piece, and
            // the conversation goes back to the AI with that answer.
            self.answer(h.id, conn, HandoffCommand::Accept, None)
                .await?;
            self.say(h.conversation_id, conn, m.text()).await?;
            self.answer(h.id, conn, HandoffCommand::HandBack, Some(m.text()))
                .await?;
            self.store
                .advance_peer_link(link.id, None, None, true)
                .await?;
        }
        Ok(())
    }

    async fn say(
        &self,
        conversation: baton_core::ConversationId,
        conn: &Connection,
        text: String,
    ) -> Result<(), WorkerError> {
        if text.trim().is_empty() {
            return Ok(());
        }
        let turn = NewTurn {
            role: Some(Role::Human),
            text,
            ..NewTurn::default()
        };
        self.store
            .append_turn(conversation, Self::actor(conn), turn, None)
            .await?;
        Ok(())
    }

    async fn follow_a2a(
        &self,
        link: &PeerLink,
        conn: &Connection,
        token: &str,
    ) -> Result<Option<Instant>, WorkerError> {
        let (endpoint, streaming) = self.a2a.endpoint_and_streaming(&conn.url).await?;
        let task_id = link.remote_handoff.as_str();
        let (h, held, pending) = self.standing(link, conn).await?;
        if !held && !pending {
            if let Err(e) = self.a2a.cancel(&endpoint, token, task_id).await {
                tracing::info!(handoff = %h.id, error = %e, "the A2A agent did not cancel the task");
            }
            if let Ok(mut map) = self.streams.lock() {
                map.remove(task_id);
            }
            self.withdrawn(link, &h, conn).await?;
            return Ok(None);
        }
        // The stream's view while it runs (and its last one once, when it ended);
        // otherwise the task as the agent answers GetTask now.
        let streamed = self
            .streams
            .lock()
            .ok()
            .and_then(|mut map| match map.get(task_id) {
                Some(s) if s.live => Some(s.task.clone()),
                Some(_) => map.remove(task_id).map(|s| s.task),
                None => None,
            });
        let polled = streamed.is_none();
        let mut task = match streamed {
            Some(t) => t,
            None => self.a2a.get_task(&endpoint, token, task_id).await?,
        };
        // The customer's later turns continue the task.
        let mut sent_any = false;
        if !task.status.state.is_terminal() {
            for t in self
                .store
                .turns(link.conversation_id, link.sent_seq, 100)
                .await?
            {
                if t.role == Role::Customer {
                    let message = crate::a2a::Message {
                        message_id: format!("baton-{}", t.id),
                        context_id: Some(task.context_id.clone()),
                        task_id: Some(task.id.clone()),
                        role: crate::a2a::Role::User,
                        parts: vec![crate::a2a::Part::text(t.text)],
                        ..crate::a2a::Message::default()
                    };
                    if let crate::a2a::SendMessageResponse::Task(after) =
                        self.send_a2a(&endpoint, streaming, token, message).await?
                    {
                        // A streamed answer starts from the task as it was: keep
                        // what is known of its history.
                        if after.history.is_empty() && !task.history.is_empty() {
                            let mut merged = task.clone();
                            merged.status = after.status;
                            task = merged;
                        } else {
                            task = after;
                        }
                    }
                    sent_any = true;
                }
                self.store
                    .advance_peer_link(link.id, Some(t.seq), None, false)
                    .await?;
            }
        }
        let mapped = map_state(task.status.state);
        let words = agent_messages(&task);
        let note = words
            .last()
            .cloned()
            .or_else(|| Some(format!("{} on {}", task.status.state.as_str(), conn.name)));
        // Polling backs off while the task does not change; a stream, a message sent
        // or a change looks again at the next round.
        let next = if polled && !sent_any {
            self.backoff(link.id, (task.status.state, words.len()))
        } else {
            if let Ok(mut idle) = self.idle.lock() {
                idle.remove(&link.id);
            }
            None
        };
        if mapped == Mapped::Ended && pending {
            self.answer(h.id, conn, HandoffCommand::Reject, note)
                .await?;
            self.store
                .advance_peer_link(link.id, None, None, true)
                .await?;
            tracing::info!(handoff = %h.id, connection = %conn.name, "the A2A agent refused the handoff");
            return Ok(None);
        }
        if mapped == Mapped::Waiting {
            return Ok(next);
        }
        if pending {
            self.answer(h.id, conn, HandoffCommand::Accept, None)
                .await?;
        }
        let taken = usize::try_from(link.received_seq).unwrap_or(0);
        for text in words.iter().skip(taken) {
            self.say(link.conversation_id, conn, text.clone()).await?;
        }
        self.store
            .advance_peer_link(
                link.id,
                None,
                Some(i64::try_from(words.len()).unwrap_or(i64::MAX)),
                false,
            )
            .await?;
        let last = match mapped {
            Mapped::Done => Some(HandoffCommand::Resolve),
            Mapped::Ended => Some(HandoffCommand::HandBack),
            Mapped::Taken | Mapped::Waiting => None,
        };
        if let Some(command) = last {
            self.answer(h.id, conn, command, note).await?;
            self.store
                .advance_peer_link(link.id, None, None, true)
                .await?;
            if let Ok(mut idle) = self.idle.lock() {
                idle.remove(&link.id);
            }
            tracing::info!(handoff = %h.id, connection = %conn.name,
                state = task.status.state.as_str(), "the A2A task ended");
            return Ok(None);
        }
        Ok(next)
    }

    /// The next time to poll a task that looked like `seen`: the interval doubles
    /// (up to [`MAX_POLL_BACKOFF`]) while it does not change, and is reset when it does.
    fn backoff(&self, link: i64, seen: Seen) -> Option<Instant> {
        let Ok(mut idle) = self.idle.lock() else {
            return None;
        };
        let interval = match idle.get(&link) {
            Some((before, interval)) if *before == seen => {
                (*interval * 2).clamp(self.poll, MAX_POLL_BACKOFF)
            }
            _ => Duration::ZERO,
        };
        idle.insert(link, (seen, interval));
        (!interval.is_zero()).then(|| Instant::now() + interval)
    }
}
