//! The router: one task that places waiting handoffs, driven entirely from the store,
//! so a restart picks up every pending offer with the deadline it had.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use baton_core::{AgentId, Channel, Customer, HandoffId, Presence, Reason};
use baton_store::{ConnectionState, NewRoute, Store, StoreError};
use serde_json::{Map, Value, json};
use time::OffsetDateTime;
use tokio::sync::{Notify, broadcast};

use crate::policy::{AgentState, DeskState, Facts, Plan, Routing, Step};

/// How many waiting handoffs one pass looks at; the rest wait for the next pass.
const BATCH: u32 = 1000;
/// The longest the router sleeps without being woken.
const IDLE: Duration = Duration::from_secs(30);

/// Something the desk should know about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RouteEvent {
    /// The handoff changed: routed, offered, taken, answered, closed.
    Handoff(HandoffId),
    /// A desk user's presence changed.
    Presence(AgentId, Presence),
}

/// What a handoff request carries that routing looks at.
#[derive(Clone, Copy, Debug)]
pub struct RouteInput<'a> {
    pub reason: Reason,
    pub destination: Option<&'a str>,
    pub priority: i32,
    pub channel: Channel,
    pub customer: &'a Customer,
    pub parameters: &'a Map<String, Value>,
    pub decision: Option<&'a Value>,
    pub latest_intent: Option<&'a str>,
}

pub struct Router {
    store: Arc<dyn Store>,
    routing: Arc<Routing>,
    wake: Notify,
    /// Handoffs changed since the last pass.
    dirty: Mutex<Vec<HandoffId>>,
    /// Whether the next pass must look at everything (presence changed).
    full: AtomicBool,
    /// Handoffs the desks heard about during this pass.
    emitted: Mutex<std::collections::HashSet<HandoffId>>,
    /// Offers made so far (to know whether a pass moved the next deadline).
    offers_made: AtomicU64,
    events: broadcast::Sender<RouteEvent>,
}

fn earliest(a: Option<OffsetDateTime>, b: Option<OffsetDateTime>) -> Option<OffsetDateTime> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

impl Router {
    pub fn new(store: Arc<dyn Store>, routing: Arc<Routing>) -> Arc<Router> {
        let (events, _) = broadcast::channel(4096);
        Arc::new(Router {
            store,
            routing,
            wake: Notify::new(),
            dirty: Mutex::default(),
            full: AtomicBool::new(true),
            emitted: Mutex::default(),
            offers_made: AtomicU64::new(0),
            events,
        })
    }

    pub fn routing(&self) -> &Routing {
        &self.routing
    }

    /// Makes the store's desk users match the routing file (their queues, names and
    /// password hashes); users removed from the file keep their history but no queues.
    pub async fn sync_desk_users(&self) -> Result<(), StoreError> {
        for u in self.routing.users() {
            self.store
                .upsert_desk_user(
                    &u.username,
                    &u.name,
                    u.password_hash.clone(),
                    u.queues.clone(),
                )
                .await?;
        }
        for stored in self.store.desk_loads().await? {
            if self.routing.user(&stored.username).is_none() {
                // Gone from the file: no password, no queues; its history stays.
                self.store
                    .upsert_desk_user(&stored.username, &stored.username, None, Vec::new())
                    .await?;
                self.store
                    .set_presence(
                        stored.agent_id,
                        Presence::Offline,
                        baton_core::Actor::System,
                    )
                    .await?;
            }
        }
        Ok(())
    }

    pub fn subscribe(&self) -> broadcast::Receiver<RouteEvent> {
        self.events.subscribe()
    }

    /// Tells the desk that a handoff changed and lets the router look at it again.
    /// The desk hears of it once the router has looked at it, so a new handoff reaches
    /// the desks once, already offered, rather than twice.
    pub fn changed(&self, id: HandoffId) {
        self.dirty
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(id);
        self.wake.notify_one();
    }

    pub fn presence_changed(&self, agent: AgentId, presence: Presence) {
        let _ = self.events.send(RouteEvent::Presence(agent, presence));
        self.full.store(true, Ordering::Release);
        self.wake.notify_one();
    }

    /// The route for a new handoff, stored in the request's own transaction.
    pub fn route(&self, input: RouteInput<'_>) -> Result<NewRoute, StoreError> {
        let plan = self.plan(input);
        Ok(NewRoute {
            queue: plan.targets.first().and_then(|t| t.queue.clone()),
            priority: plan.priority,
            plan: serde_json::to_value(&plan).map_err(|e| {
                StoreError::Backend(format!("a route plan could not be encoded: {e}"))
            })?,
        })
    }

    fn plan(&self, input: RouteInput<'_>) -> Plan {
        let data = &input.customer.data;
        let crm = input.parameters.get("crm");
        fn text(v: Option<&Value>) -> Option<&str> {
            v.and_then(Value::as_str)
        }
        let language = ["language", "locale", "lang"]
            .iter()
            .find_map(|k| text(data.get(*k)));
        let tier = text(data.get("tier")).or_else(|| text(crm.and_then(|c| c.get("tier"))));
        let document = json!({
            "reason": input.reason,
            "customer": input.customer,
            "crm": crm,
            "parameters": input.parameters,
            "decision": input.decision,
            "metadata": {
                "channel": input.channel,
                "language": language,
                "latest_intent": input.latest_intent,
                "priority": input.priority,
                "destination": input.destination,
            },
        });
        self.routing.plan(&Facts {
            reason: input.reason,
            intent: input.latest_intent,
            channel: input.channel,
            language,
            tier,
            destination: input.destination,
            priority: input.priority,
            document: &document,
        })
    }

    /// Runs until `shutdown` resolves. A change to some handoffs looks at those only;
    /// a full pass runs at start, when a deadline falls due, and when presence or
    /// capacity changed.
    pub async fn run(self: Arc<Self>, mut shutdown: tokio::sync::watch::Receiver<bool>) {
        let mut wake: Option<OffsetDateTime> = None;
        let mut full = true;
        loop {
            let dirty = std::mem::take(&mut *self.dirty.lock().unwrap_or_else(|p| p.into_inner()));
            full |= self.full.swap(false, Ordering::AcqRel)
                || wake.is_some_and(|w| w <= baton_core::now());
            let outcome = if full {
                self.pass(None).await.map(|w| (w, true))
            } else if dirty.is_empty() {
                Ok((None, false))
            } else {
                self.pass(Some(dirty.clone())).await.map(|w| (w, false))
            };
            // What changed without the router changing it (taken, answered, closed).
            for id in dirty {
                self.emit(id);
            }
            self.emitted
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .clear();
            wake = match outcome {
                Ok((next, true)) => next,
                Ok((next, false)) => earliest(wake, next),
                Err(e) => {
                    tracing::warn!(error = %e, "routing pass failed; retrying in 1 s");
                    Some(baton_core::now() + Duration::from_secs(1))
                }
            };
            full = false;
            let sleep = wake.map_or(IDLE, |at| {
                let ms = (at - baton_core::now()).whole_milliseconds().max(0);
                Duration::from_millis(u64::try_from(ms).unwrap_or(0)).min(IDLE)
            });
            tokio::select! {
                () = self.wake.notified() => {}
                () = tokio::time::sleep(sleep) => full = wake.is_none(),
                _ = shutdown.changed() => return,
            }
            if *shutdown.borrow() {
                return;
            }
        }
    }

    /// Tells the desks about a handoff, once per pass.
    fn emit(&self, id: HandoffId) {
        let first = self
            .emitted
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id);
        if first {
            let _ = self.events.send(RouteEvent::Handoff(id));
        }
    }

    /// One look at what waits (everything, or the handoffs in `only`): expire what is
    /// due, place what can be placed. Returns when the router must look again at the
    /// latest.
    pub async fn pass(
        &self,
        only: Option<Vec<HandoffId>>,
    ) -> Result<Option<OffsetDateTime>, StoreError> {
        let now = baton_core::now();
        // One read for what waits and the next offer deadline; expiring (a write) and
        // a second read only when an offer is due.
        let asked = only.as_ref().map(Vec::len);
        let (mut waiting, next_offer) = self.store.waiting_handoffs(only.clone(), BATCH).await?;
        let expired = if next_offer.is_some_and(|d| d <= now) {
            self.store.expire_offers(now).await?
        } else {
            baton_store::Expired::default()
        };
        let mut touched: Vec<HandoffId> = expired
            .offers
            .iter()
            .map(|o| o.handoff_id)
            .chain(expired.withdrawn.iter().copied())
            .collect();
        touched.sort_by_key(|id| id.0);
        touched.dedup();
        for a in &expired.set_away {
            tracing::info!(agent = %a, "desk user set away: an offer to them timed out");
            let _ = self.events.send(RouteEvent::Presence(*a, Presence::Away));
        }
        if !touched.is_empty() {
            let only = only.map(|mut ids| {
                ids.extend(touched.iter().copied());
                ids.sort_by_key(|id| id.0);
                ids.dedup();
                ids
            });
            waiting = self.store.waiting_handoffs(only, BATCH).await?.0;
        }
        // A handoff that stopped waiting (taken, resolved, handed back) may have freed
        // a desk user's capacity: everything waiting deserves a new look.
        if asked.is_some_and(|n| n > waiting.len()) && !self.routing.users().is_empty() {
            let wake = Box::pin(self.pass(None)).await;
            // After the full pass, so a handoff it re-offered reaches the desks in
            // its final state (each handoff is told once per pass).
            for id in touched {
                self.emit(id);
            }
            return wake;
        }
        let mut wake: Option<OffsetDateTime> = None;
        let offers_before = self.offers_made.load(Ordering::Relaxed);
        if !waiting.is_empty() {
            // Without desk users no one is offered anything: only the stops' timeouts matter.
            let loads = if self.routing.users().is_empty() {
                Vec::new()
            } else {
                self.store.desk_loads().await?
            };
            let mut desk: Vec<DeskState<'_>> = loads
                .iter()
                .filter_map(|l| {
                    self.routing.user(&l.username).map(|user| DeskState {
                        user,
                        agent: l.agent_id,
                        presence: l.presence,
                        load: l.load.clone(),
                        last_offer_at: l.last_offer_at,
                    })
                })
                .collect();
            for w in waiting {
                let id = w.handoff.id;
                let placed = self.place(w, &mut desk, now).await;
                // The desks hear of it once, in its final state for this pass.
                self.emit(id);
                match placed {
                    Ok(at) => wake = earliest(wake, at),
                    // Someone took or canceled it meanwhile: nothing to place.
                    Err(StoreError::Conflict(_) | StoreError::Transition(_)) => {}
                    Err(e) => {
                        tracing::warn!(handoff = %id, error = %e, "could not route the handoff");
                    }
                }
            }
        }
        let expired_any = !touched.is_empty();
        for id in touched {
            self.emit(id);
        }
        // The earliest offer deadline only moved if offers were made or expired.
        let next_offer = if expired_any || self.offers_made.load(Ordering::Relaxed) != offers_before
        {
            self.store.next_offer_deadline().await?
        } else {
            next_offer
        };
        Ok(earliest(wake, next_offer))
    }

    /// Moves one waiting handoff along its plan; returns when to look at it again.
    async fn place(
        &self,
        w: baton_store::Waiting,
        desk: &mut [DeskState<'_>],
        now: OffsetDateTime,
    ) -> Result<Option<OffsetDateTime>, StoreError> {
        let h = &w.handoff;
        let stored = w
            .route
            .clone()
            .map(|r| {
                // A stored plan that cannot be read is reported, never replaced by a
                // fresh route from the first stop.
                serde_json::from_value::<Plan>(r).map_err(|e| {
                    StoreError::Corrupt(format!("handoff {}: its stored route plan: {e}", h.id))
                })
            })
            .transpose()?;
        let (plan, mut index, mut since) = match stored {
            Some(plan) => (plan, w.target_index, w.target_since.unwrap_or(h.created_at)),
            None => {
                // Requested without a route (imported, or written by an older Baton).
                let route = self.route(RouteInput {
                    reason: h.reason,
                    destination: h.destination.as_deref(),
                    priority: h.priority,
                    channel: w.channel,
                    customer: &w.customer,
                    parameters: &h.parameters,
                    decision: h.decision.as_ref(),
                    latest_intent: w.latest_intent.as_deref(),
                })?;
                let plan: Plan = serde_json::from_value(route.plan.clone())
                    .map_err(|e| StoreError::Backend(e.to_string()))?;
                self.store.route_handoff(h.id, route, 0).await?;
                (plan, 0, now)
            }
        };
        let tried = w.tried.clone();
        loop {
            let Some(target) = plan.targets.get(index as usize) else {
                self.store
                    .fail_handoff(h.id, &self.routing.failsafe)
                    .await?;
                tracing::warn!(handoff = %h.id, queue = %self.routing.failsafe,
                    "every target was tried; the handoff waits in the failsafe queue");
                return Ok(None);
            };
            let step = match &target.agent {
                Some(name) => {
                    // An agent given by its card URL is kept as a connection too.
                    let connection = if crate::policy::is_card_url(name) {
                        self.store
                            .connection(&crate::policy::card_connection_name(name))
                            .await?
                    } else {
                        self.store.connection(name).await?
                    };
                    if connection.is_none() {
                        tracing::warn!(handoff = %h.id, agent = %name,
                            "the routing file names a connection that does not exist; moving on");
                    }
                    let state = connection.map(|c| AgentState {
                        agent: c.agent_id,
                        active: c.state == ConnectionState::Active,
                    });
                    self.routing.agent_step(target, since, state, &tried, now)
                }
                None => self
                    .routing
                    .next_step(target, since, w.channel, &tried, desk, now),
            };
            match step {
                Step::Offer {
                    receivers,
                    deadline,
                    queue,
                } => {
                    self.store
                        .make_offers(h.id, receivers.clone(), queue, index, deadline)
                        .await?;
                    self.offers_made.fetch_add(1, Ordering::Relaxed);
                    for d in desk.iter_mut().filter(|d| receivers.contains(&d.agent)) {
                        *d.load.entry(w.channel).or_default() += 1;
                        d.last_offer_at = Some(now);
                    }
                    tracing::info!(handoff = %h.id, receivers = receivers.len(), "offered");
                    return Ok(Some(deadline));
                }
                Step::Wait(until) => return Ok(Some(until)),
                Step::Advance => {
                    index += 1;
                    if let Some(next) = plan.targets.get(index as usize) {
                        let route = NewRoute {
                            plan: serde_json::to_value(&plan)
                                .map_err(|e| StoreError::Backend(e.to_string()))?,
                            queue: next.queue.clone(),
                            priority: h.priority,
                        };
                        self.store.route_handoff(h.id, route, index).await?;
                        since = now;
                        // Whoever passed on it here is not offered it at the next stop
                        // either (the store says the same on the next pass).
                    }
                }
            }
        }
    }
}
