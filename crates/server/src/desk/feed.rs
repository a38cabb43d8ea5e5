//! The live feed: one task turns the router's change notices into shared handoff
//! snapshots (read once, whatever the number of desks), and each desk's WebSocket
//! picks what its user may see.

use std::collections::HashSet;
use std::sync::Arc;

use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::{HeaderMap, header};
use axum::response::Response;
use baton_core::{AgentId, HandoffId, Presence};
use baton_route::{RouteEvent, Router};
use baton_store::{HandoffFilter, Store, Visibility};
use serde_json::json;
use tokio::sync::broadcast;

use super::card::{self, Card, Shared};
use super::session::DeskCaller;
use crate::AppState;
use crate::problem::Problem;

/// What every open desk hears about.
#[derive(Clone, Debug)]
pub enum FeedItem {
    Handoff(Arc<Shared>),
    Presence(AgentId, Presence),
}

pub struct Feed {
    tx: broadcast::Sender<FeedItem>,
}

impl Feed {
    /// Starts the task that follows the router's notices.
    pub fn start(store: Arc<dyn Store>, router: Arc<Router>) -> Arc<Feed> {
        let (tx, _) = broadcast::channel(4096);
        let feed = Arc::new(Feed { tx: tx.clone() });
        let mut events = router.subscribe();
        tokio::spawn(async move {
            loop {
                let event = match events.recv().await {
                    Ok(e) => e,
                    Err(broadcast::error::RecvError::Lagged(n)) => {
                        tracing::warn!(missed = n, "desk feed fell behind; desks resynchronise");
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
                    RouteEvent::Handoff(id) => match shared(store.as_ref(), &router, id).await {
                        Ok(s) => FeedItem::Handoff(Arc::new(s)),
                        Err(e) => {
                            tracing::warn!(handoff = %id, error = %e, "desk feed could not read a handoff");
                            continue;
                        }
                    },
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
}

pub(super) async fn shared(
    store: &dyn Store,
    router: &Router,
    id: HandoffId,
) -> Result<Shared, baton_store::StoreError> {
    let h = store.handoff(id).await?;
    let conv = store.conversation(h.conversation_id).await?;
    let offers = store.offers(id).await?;
    let urgent = router.routing().is_urgent(h.reason);
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
            limit: 500,
        })
        .await?;
    let mut cards = Vec::new();
    for h in list.into_iter().filter(|h| !h.state.is_terminal()) {
        let s = shared(state.store.as_ref(), &state.router, h.id).await?;
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
    let feed = state.feed.subscribe();
    Ok(ws.on_upgrade(move |socket| run(socket, state, caller, feed)))
}

async fn send(socket: &mut WebSocket, value: serde_json::Value) -> bool {
    socket
        .send(Message::Text(value.to_string().into()))
        .await
        .is_ok()
}

async fn run(
    mut socket: WebSocket,
    state: AppState,
    caller: DeskCaller,
    mut feed: broadcast::Receiver<FeedItem>,
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
            let Ok(items) = snapshot(&state, &caller).await else {
                return;
            };
            shown = items.iter().map(|c| c.id).collect();
            if !send(&mut socket, json!({"type": "snapshot", "items": items})).await {
                return;
            }
        }
        tokio::select! {
            item = feed.recv() => match item {
                Ok(FeedItem::Handoff(s)) => {
                    let id = s.handoff.id;
                    let message = if s.visible_to(caller.agent, &queues) {
                        shown.insert(id);
                        json!({"type": "upsert", "item": s.card_for(caller.agent)})
                    } else if shown.remove(&id) {
                        json!({"type": "remove", "id": id})
                    } else {
                        continue;
                    };
                    if !send(&mut socket, message).await {
                        return;
                    }
                }
                Ok(FeedItem::Presence(agent, presence)) if agent == caller.agent => {
                    if !send(&mut socket, json!({"type": "presence", "presence": presence})).await {
                        return;
                    }
                }
                Ok(FeedItem::Presence(..)) => {}
                Err(broadcast::error::RecvError::Lagged(_)) => resync = true,
                Err(broadcast::error::RecvError::Closed) => return,
            },
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return,
                // The page sends nothing that needs an answer; pings are answered by axum.
                Some(Ok(_)) => {}
            },
        }
        // An expired session closes its feed; the page signs in again.
        if baton_core::now() >= caller.expires_at {
            let _ = socket.send(Message::Close(None)).await;
            return;
        }
    }
}
