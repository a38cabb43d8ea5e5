//! The live feed: one task turns the router's change notices into shared handoff
//! snapshots (read once, whatever the number of desks), and each desk's WebSocket
//! picks what its user may see.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use axum::extract::State;
use axum::extract::ws::Utf8Bytes;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::{HeaderMap, header};
use axum::response::Response;
use baton_core::context::HistoryEntry;
use baton_core::{AgentId, HandoffId, Presence, Role, Turn};
use baton_route::{RouteEvent, Router};
use baton_store::{HandoffFilter, Store, Visibility};
use futures_util::stream::SplitSink;
use futures_util::{SinkExt as _, StreamExt as _};
use serde_json::{Value, json};
use tokio::sync::broadcast;

use super::card::{self, Card, Shared};
use super::session::DeskCaller;
use crate::AppState;
use crate::problem::Problem;

/// How often an open feed checks that its session still exists.
const SESSION_CHECK: std::time::Duration = std::time::Duration::from_secs(15);

/// What every open desk hears about.
#[derive(Clone, Debug)]
pub enum FeedItem {
    Handoff(Arc<Shared>),
    Presence(AgentId, Presence),
    /// A turn of the conversation a handoff is about, already redacted for the desk
    /// and encoded once: it goes to every desk that has the handoff in its list.
    Turn(HandoffId, Utf8Bytes),
    /// The customer is typing in the conversation of this handoff.
    Typing(HandoffId, Utf8Bytes),
    /// The feed missed updates: every desk reloads its list.
    Resync,
}

pub struct Feed {
    tx: broadcast::Sender<FeedItem>,
    /// Who holds each held handoff, as the feed last read it: a held handoff is in
    /// its holder's list only, so its turns go to that user's desks alone instead of
    /// waking every open desk.
    holders: std::sync::Mutex<HashMap<HandoffId, (AgentId, time::OffsetDateTime)>>,
    /// Each desk user's own channel (all their open desks listen to it).
    direct: std::sync::Mutex<HashMap<AgentId, broadcast::Sender<FeedItem>>>,
}

impl Feed {
    /// Starts the task that follows the router's notices.
    pub fn start(
        store: Arc<dyn Store>,
        router: Arc<Router>,
        receivers: Arc<baton_core::Receivers>,
    ) -> Arc<Feed> {
        let (tx, _) = broadcast::channel(4096);
        let feed = Arc::new(Feed {
            tx: tx.clone(),
            holders: std::sync::Mutex::default(),
            direct: std::sync::Mutex::default(),
        });
        let mut events = router.subscribe();
        let me = feed.clone();
        tokio::spawn(async move {
            loop {
                let event = match events.recv().await {
                    Ok(e) => e,
                    Err(broadcast::error::RecvError::Lagged(n)) => {
                        tracing::warn!(missed = n, "desk feed fell behind; desks resynchronise");
                        let _ = tx.send(FeedItem::Resync);
                        continue;
                    }
                    Err(broadcast::error::RecvError::Closed) => return,
                };
                // No desk open: nothing to read for.
                if tx.receiver_count() == 0 {
                    continue;
                }
                let item = match event {
                    RouteEvent::Presence(a, p) => FeedItem::Presence(a, p),
                    RouteEvent::Handoff(id) => {
                        match shared(store.as_ref(), &router, &receivers, id).await {
                            Ok(s) => {
                                me.note_holder(&s.handoff);
                                FeedItem::Handoff(Arc::new(s))
                            }
                            Err(e) => {
                                tracing::warn!(handoff = %id, error = %e, "desk feed could not read a handoff");
                                continue;
                            }
                        }
                    }
                };
                // No desk open is fine.
                let _ = tx.send(item);
            }
        });
        feed
    }

    pub fn subscribe(&self) -> broadcast::Receiver<FeedItem> {
        self.tx.subscribe()
    }

    /// Whether any desk is open (nothing to prepare for otherwise).
    fn listening(&self) -> bool {
        self.tx.receiver_count() > 0
    }

    /// Records who holds `handoff` now. Command handlers call it as soon as the store
    /// has the change, before answering: a turn announced after an accept goes to the
    /// holder's desks only, never to the rest of the queue while the router catches up.
    /// The feed's own reads can be older than a handler's note: an entry is only
    /// replaced or dropped by a change at least as recent as the one that made it.
    pub fn note_holder(&self, handoff: &baton_core::Handoff) {
        let mut holders = self.holders.lock().unwrap_or_else(|p| p.into_inner());
        let newer = holders
            .get(&handoff.id)
            .is_none_or(|(_, since)| *since <= handoff.updated_at);
        if !newer {
            return;
        }
        match handoff.receiver {
            Some(a) if handoff.state.is_held() => {
                holders.insert(handoff.id, (a, handoff.updated_at));
            }
            _ => {
                holders.remove(&handoff.id);
            }
        }
    }

    /// The channel of `agent`'s own desks.
    fn direct(&self, agent: AgentId) -> broadcast::Receiver<FeedItem> {
        self.direct
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .entry(agent)
            .or_insert_with(|| broadcast::channel(1024).0)
            .subscribe()
    }

    /// Sends an item about `handoff`'s conversation: to its holder's desks when it is
    /// held, else to every desk (each keeps what its user may see).
    fn about(&self, handoff: HandoffId, item: FeedItem) {
        let holder = self
            .holders
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&handoff)
            .map(|(agent, _)| *agent);
        if let Some(agent) = holder {
            if let Some(tx) = self
                .direct
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .get(&agent)
            {
                let _ = tx.send(item);
            }
            return;
        }
        let _ = self.tx.send(item);
    }
}

/// Tells the open desks about a turn of the conversation `handoff` is about: the
/// desks that list the handoff show it at once. The text and data are redacted by
/// the desk's policy, as in the context package; a policy that leaves the history
/// out of the package sends nothing.
pub fn announce_turn(state: &AppState, handoff: HandoffId, turn: &Turn) {
    if !state.feed.listening() {
        return;
    }
    let sentiment = if turn.role == Role::Customer {
        state.evaluator.sentiment(&turn.text)
    } else {
        None
    };
    let Some(entry) = desk_entries(state, std::slice::from_ref(turn), |_| sentiment).pop() else {
        return;
    };
    let message = json!({
        "type": "turn",
        "handoff_id": handoff,
        "conversation_id": turn.conversation_id,
        "turn": entry,
    });
    state
        .feed
        .about(handoff, FeedItem::Turn(handoff, message.to_string().into()));
}

/// Tells the desks listing `handoff` that the customer is typing (or stopped).
pub fn announce_typing(state: &AppState, handoff: HandoffId, typing: bool) {
    if !state.feed.listening() {
        return;
    }
    let message = json!({"type": "typing", "handoff_id": handoff, "typing": typing});
    state.feed.about(
        handoff,
        FeedItem::Typing(handoff, message.to_string().into()),
    );
}

/// Turns as history entries of the desk's package: redacted by the desk's policy,
/// internal notes never included. `sentiment` scores a turn by its index.
pub(super) fn desk_entries(
    state: &AppState,
    turns: &[Turn],
    sentiment: impl Fn(usize) -> Option<f64>,
) -> Vec<Value> {
    let history: Vec<HistoryEntry> = turns
        .iter()
        .enumerate()
        .map(|(i, t)| HistoryEntry {
            seq: t.seq,
            at: t.at,
            role: t.role,
            text: t.text.clone(),
            confidence: t.confidence,
            intent: t.intent.clone(),
            event: t.event,
            sentiment: sentiment(i),
            data: t.data.clone(),
        })
        .collect();
    let policy = state.receivers.policy("desk");
    let redacted = policy.redact_json(json!({
        "version": baton_core::CONTEXT_VERSION,
        "history": history,
    }));
    let mut entries = match redacted.get("history") {
        Some(Value::Array(entries)) if entries.len() == turns.len() => entries.clone(),
        _ => return Vec::new(),
    };
    // What was hidden in each entry, by kind, so the page can say it in words
    // ("card number hidden") without seeing it.
    for r in redacted["redactions"].as_array().into_iter().flatten() {
        let (Some(path), Some(kind)) = (r["path"].as_str(), r["kind"].as_str()) else {
            continue;
        };
        let index = path
            .strip_prefix("/history/")
            .and_then(|p| p.split('/').next())
            .and_then(|i| i.parse::<usize>().ok());
        if let Some(Value::Object(e)) = index.and_then(|i| entries.get_mut(i)) {
            let hidden = e.entry("hidden").or_insert_with(|| json!([]));
            if let Value::Array(kinds) = hidden
                && !kinds.iter().any(|k| k == kind)
            {
                kinds.push(kind.into());
            }
        }
    }
    entries
}

pub(super) async fn shared(
    store: &dyn Store,
    router: &Router,
    receivers: &baton_core::Receivers,
    id: HandoffId,
) -> Result<Shared, baton_store::StoreError> {
    let (mut h, conv, offers) = store.handoff_view(id).await?;
    let urgent = router.routing().is_urgent(h.reason);
    // The card shows the decision's explanation, which can quote the customer: it
    // goes through the desk's policy like every other text the desk gets.
    let explanation = h
        .decision
        .as_ref()
        .and_then(|d| d.get("explanation"))
        .and_then(serde_json::Value::as_str)
        .map(str::to_owned);
    let [explanation] =
        crate::routes::handoffs::redact_texts(receivers.policy("desk"), [explanation]);
    if let Some(d) = h
        .decision
        .as_mut()
        .and_then(serde_json::Value::as_object_mut)
    {
        match explanation {
            Some(e) => {
                d.insert("explanation".into(), e.into());
            }
            None => {
                d.remove("explanation");
            }
        }
    }
    Ok(Shared::new(h, &conv, offers, urgent))
}

/// Every card a desk user sees now: what they hold and what waits for them.
pub(super) async fn snapshot(state: &AppState, caller: &DeskCaller) -> Result<Vec<Card>, Problem> {
    let list = state
        .store
        .list_handoffs(&HandoffFilter {
            visibility: Visibility::Receiver(caller.agent),
            state: None,
            queue: None,
            conversation: None,
            since: None,
            open_only: true,
            limit: 500,
        })
        .await?;
    let mut cards = Vec::new();
    for h in list {
        let s = shared(state.store.as_ref(), &state.router, &state.receivers, h.id).await?;
        cards.push(s.card_for(caller.agent));
    }
    card::sort(&mut cards);
    Ok(cards)
}

/// Whether the WebSocket request comes from this server's own page.
fn same_origin(headers: &HeaderMap, public_url: Option<&str>) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        // Not a browser: the session cookie alone authenticates it.
        return true;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin.split_once("://").map_or(origin, |(_, h)| h);
    host.is_some_and(|h| h == origin_host)
        || public_url.is_some_and(|u| u.trim_end_matches('/') == origin)
}

pub async fn socket(
    State(state): State<AppState>,
    caller: DeskCaller,
    headers: HeaderMap,
    ws: WebSocketUpgrade,
) -> Result<Response, Problem> {
    if !same_origin(&headers, state.public_url.as_deref()) {
        return Err(Problem::forbidden(
            "the WebSocket was opened from another site",
        ));
    }
    let feed = (state.feed.subscribe(), state.feed.direct(caller.agent));
    // The page sends nothing but control frames: a small read buffer (the default is
    // 128 KiB, cleared on every read) and a small message limit.
    Ok(ws
        .read_buffer_size(4096)
        .max_message_size(64 * 1024)
        .on_upgrade(move |socket| run(socket, state, caller, feed)))
}

async fn send(sink: &mut SplitSink<WebSocket, Message>, value: serde_json::Value) -> bool {
    sink.send(Message::Text(value.to_string().into()))
        .await
        .is_ok()
}

async fn run(
    socket: WebSocket,
    state: AppState,
    caller: DeskCaller,
    mut feed: (broadcast::Receiver<FeedItem>, broadcast::Receiver<FeedItem>),
) {
    // Reading has its own task, so each update sent does not poll (and clear) the
    // read side; it reports when the page goes away. Pings are answered by axum.
    let (mut socket, mut incoming) = socket.split();
    let (gone_tx, mut gone) = tokio::sync::oneshot::channel::<()>();
    // The same task checks now and then that the session still exists (signed out
    // elsewhere, or the user removed): the feed ends with it. Kept off the sending
    // loop, which runs for every update.
    let (store, token_hash) = (state.store.clone(), caller.token_hash);
    let reader = tokio::spawn(async move {
        let mut session_check = tokio::time::interval(SESSION_CHECK);
        session_check.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                m = incoming.next() => match m {
                    Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
                    Some(Ok(_)) => {}
                },
                _ = session_check.tick() => match store.desk_session(token_hash).await {
                    Ok(Some(_)) => {}
                    Ok(None) => break,
                    Err(e) => tracing::debug!(error = %e, "desk session check failed"),
                },
            }
        }
        let _ = gone_tx.send(());
    });
    serve_feed(
        &mut socket,
        &state,
        &caller,
        &mut feed.0,
        &mut feed.1,
        &mut gone,
    )
    .await;
    reader.abort();
    let _ = socket.close().await;
}

async fn serve_feed(
    socket: &mut SplitSink<WebSocket, Message>,
    state: &AppState,
    caller: &DeskCaller,
    feed: &mut broadcast::Receiver<FeedItem>,
    direct: &mut broadcast::Receiver<FeedItem>,
    gone: &mut tokio::sync::oneshot::Receiver<()>,
) {
    let queues: Vec<String> = state
        .router
        .routing()
        .user(&caller.username)
        .map(|u| u.queues.clone())
        .unwrap_or_default();
    let mut shown: HashSet<HandoffId> = HashSet::new();
    let mut resync = true;
    loop {
        if resync {
            resync = false;
            let Ok(items) = snapshot(state, caller).await else {
                return;
            };
            shown = items.iter().map(|c| c.id).collect();
            if !send(socket, json!({"type": "snapshot", "items": items})).await {
                return;
            }
        }
        tokio::select! {
            item = direct.recv() => match item {
                Ok(FeedItem::Turn(id, message) | FeedItem::Typing(id, message)) => {
                    if shown.contains(&id) && socket.send(Message::Text(message)).await.is_err() {
                        return;
                    }
                }
                Ok(_) => {}
                Err(broadcast::error::RecvError::Lagged(_)) => resync = true,
                Err(broadcast::error::RecvError::Closed) => return,
            },
            item = feed.recv() => match item {
                Ok(FeedItem::Handoff(s)) => {
                    let id = s.handoff.id;
                    let message = if s.visible_to(caller.agent, &queues) {
                        shown.insert(id);
                        if s.concerns(caller.agent) {
                            json!({"type": "upsert", "item": s.card_for(caller.agent)})
                                .to_string()
                                .into()
                        } else {
                            // Everyone else in the queue gets the same bytes, encoded once.
                            s.listed_upsert().clone()
                        }
                    } else if shown.remove(&id) {
                        json!({"type": "remove", "id": id}).to_string().into()
                    } else {
                        continue;
                    };
                    if socket.send(Message::Text(message)).await.is_err() {
                        return;
                    }
                }
                Ok(FeedItem::Presence(agent, presence)) if agent == caller.agent => {
                    if !send(socket, json!({"type": "presence", "presence": presence})).await {
                        return;
                    }
                }
                Ok(FeedItem::Presence(..)) => {}
                Ok(FeedItem::Turn(id, message) | FeedItem::Typing(id, message)) => {
                    // Only the handoffs in this user's list: the same rule as the cards.
                    if shown.contains(&id) && socket.send(Message::Text(message)).await.is_err() {
                        return;
                    }
                }
                Ok(FeedItem::Resync) => resync = true,
                Err(broadcast::error::RecvError::Lagged(_)) => resync = true,
                Err(broadcast::error::RecvError::Closed) => return,
            },
            _ = &mut *gone => return,
        }
        // An expired session closes its feed; the page signs in again.
        if baton_core::now() >= caller.expires_at {
            return;
        }
    }
}
