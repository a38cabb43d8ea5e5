//! Where calls meet the rest of Baton: a call becomes a `voice` conversation, a handoff
//! of a voice conversation to a `{{ho:name}}` SIP definition becomes a transfer, and
//! every transfer step lands in the conversation's history (and, at the end, in the
//! handoff's state: accepted by the phone target, or left to the failsafe queue with a
//! system turn telling the bot).
//!
//! The hook: the router's broadcast of handoff changes (the feed the desk listens to).
//! A handoff is looked at once, when it is first seen.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};

use baton_core::{
    Actor, Agent, AgentId, AgentKind, Channel, ConversationId, Customer, HandoffCommand, HandoffId,
    HandoffState, NewTurn, Presence, Role,
};
use baton_route::router::RouteEvent;
use baton_store::{NewConversation, Store};
use serde_json::{Map, Value, json};
use tokio::sync::{Notify, mpsc};

use crate::definitions::{Encryption, Handoffs, Target};
use crate::sip::b2bua::{CallCommand, CallEvent, Handle, PlanAction, PlanStep, TransferStep};

/// How many handoffs the runtime remembers having looked at.
const SEEN_MAX: usize = 100_000;

/// Calls in progress: the carrier leg's Call-ID and its conversation.
#[derive(Default)]
pub struct CallDirectory {
    by_call: RwLock<HashMap<String, ConversationId>>,
    /// The SIP side, once it runs.
    b2bua: std::sync::OnceLock<Handle>,
}

impl std::fmt::Debug for CallDirectory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CallDirectory")
            .field("calls", &self.by_call.read().map(|m| m.len()).unwrap_or(0))
            .finish_non_exhaustive()
    }
}

impl CallDirectory {
    /// The bot is done briefing the person of `handoff`'s warm transfer: the caller is
    /// connected to them. `Err` says why there is nothing to end.
    pub async fn briefed(&self, handoff: HandoffId) -> Result<(), String> {
        let Some(b2bua) = self.b2bua.get() else {
            return Err("Baton takes no calls (no --sip)".into());
        };
        let (reply, answer) = tokio::sync::oneshot::channel();
        let sent = b2bua
            .command(CallCommand::Briefed {
                handoff: handoff.to_string(),
                reply,
            })
            .await;
        if !sent {
            return Err("the SIP side is not running".into());
        }
        answer
            .await
            .unwrap_or_else(|_| Err("the SIP side is not running".into()))
    }

    pub fn conversation(&self, call_id: &str) -> Option<ConversationId> {
        self.by_call
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(call_id)
            .copied()
    }

    fn insert(&self, call_id: String, conversation: ConversationId) {
        self.by_call
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(call_id, conversation);
    }

    fn remove(&self, call_id: &str) {
        self.by_call
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(call_id);
    }

    fn has_conversation(&self, conversation: ConversationId) -> bool {
        self.by_call
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .values()
            .any(|c| *c == conversation)
    }
}

/// What the voice runtime works with.
pub struct Voice {
    pub store: Arc<dyn Store>,
    pub router: Arc<baton_route::Router>,
    pub handoffs: Arc<Handoffs>,
    pub directory: Arc<CallDirectory>,
    pub b2bua: Handle,
    /// The AI agent that owns voice conversations (the voice bot).
    pub voice_agent: AgentId,
    /// Wakes the webhook delivery worker.
    pub deliveries: Arc<Notify>,
}

/// The user part of a SIP URI (`sip:+1555@x` → `+1555`).
fn user_of(uri: &str) -> Option<&str> {
    let rest = uri.split_once(':')?.1;
    let (user, _) = rest.split_once('@')?;
    Some(user.split(';').next().unwrap_or(user))
}

/// The transfer plan for a definition: it, then its fallbacks and the default. A desk
/// definition (`queue:`/`user:`) is a step too: the desk takes over there when someone
/// who takes calls is online, else the chain goes on. An agent definition ends it.
pub fn plan(handoffs: &Handoffs, name: &str, overrides: &[(String, String)]) -> Vec<PlanStep> {
    handoffs
        .chain(name)
        .into_iter()
        .take_while(|d| !matches!(d.target, Target::Agent(_)))
        .map(|d| {
            let mut headers: Vec<(String, String)> = d
                .sip_headers
                .iter()
                .map(|h| (h.key.as_str().to_owned(), h.value.as_str().to_owned()))
                .collect();
            for (k, v) in overrides {
                match headers.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(k)) {
                    Some(h) => h.1.clone_from(v),
                    None => headers.push((k.clone(), v.clone())),
                }
            }
            let action = match &d.target {
                Target::Refer { phone_number } => PlanAction::Refer {
                    number: phone_number.to_string(),
                },
                Target::Invite {
                    phone_number,
                    outbound_endpoint,
                    outbound_encryption,
                    brief_for,
                } => PlanAction::Invite {
                    number: phone_number.to_string(),
                    endpoint: outbound_endpoint.clone(),
                    encryption: outbound_encryption.unwrap_or(Encryption::UdpRtp),
                    brief_for: *brief_for,
                },
                Target::Queue(q) => PlanAction::Desk {
                    target: format!("queue:{q}"),
                },
                Target::User(u) => PlanAction::Desk {
                    target: format!("user:{u}"),
                },
                _ => PlanAction::Bye,
            };
            PlanStep {
                definition: d.name.clone(),
                action,
                headers,
            }
        })
        .collect()
}

impl Voice {
    /// Runs until the B2BUA stops.
    pub async fn run(self, mut events: mpsc::Receiver<CallEvent>) {
        let _ = self.directory.b2bua.set(self.b2bua.clone());
        // Calls live in memory: those of a previous run are gone. Say so before any new
        // call can start a handoff.
        if let Err(e) = self.report_lost_calls().await {
            tracing::warn!(error = %e, "the calls of the previous run could not be looked at");
        }
        let this = Arc::new(self);
        let mut routed = this.router.subscribe();
        // Each handoff is looked at once; the memory of that is bounded.
        let mut seen: HashSet<HandoffId> = HashSet::new();
        let mut order: std::collections::VecDeque<HandoffId> = std::collections::VecDeque::new();
        loop {
            tokio::select! {
                e = events.recv() => match e {
                    // In order: a call's history reads as it happened.
                    Some(e) => this.on_event(e).await,
                    None => return,
                },
                r = routed.recv() => match r {
                    Ok(RouteEvent::Handoff(id)) => {
                        if seen.insert(id) {
                            order.push_back(id);
                            if order.len() > SEEN_MAX
                                && let Some(old) = order.pop_front()
                            {
                                seen.remove(&old);
                            }
                            let this = this.clone();
                            tokio::spawn(async move { this.on_handoff(id).await });
                        }
                    }
                    Ok(RouteEvent::Presence(..)) => {}
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(n)) => {
                        tracing::warn!(missed = n, "the voice runtime missed handoff events");
                    }
                    Err(_) => return,
                },
            }
        }
    }

    async fn on_event(&self, e: CallEvent) {
        match e {
            CallEvent::Started {
                call_id,
                from,
                to,
                reply,
            } => {
                let mut data = Map::new();
                data.insert("call_id".into(), json!(call_id));
                data.insert("from".into(), json!(from));
                data.insert("to".into(), json!(to));
                let customer = Customer {
                    id: user_of(&from).map(str::to_owned),
                    name: None,
                    data,
                };
                let result = self
                    .store
                    .create_conversation(NewConversation {
                        channel: Channel::Voice,
                        customer,
                        ai_agent: self.voice_agent,
                    })
                    .await;
                let answer = match result {
                    Ok(conv) => {
                        self.directory.insert(call_id.clone(), conv.id);
                        tracing::info!(call = %call_id, conversation = %conv.id, "call started");
                        Ok(conv.id.to_string())
                    }
                    Err(e) => {
                        tracing::error!(error = %e, call = %call_id, "a call's conversation could not be created");
                        Err(e.to_string())
                    }
                };
                let _ = reply.send(answer);
            }
            CallEvent::Ended {
                call_id,
                conversation,
                why,
            } => {
                self.directory.remove(&call_id);
                tracing::info!(call = %call_id, %conversation, %why, "call ended");
                if let Ok(conv) = conversation.parse() {
                    self.note(conv, &format!("The call ended: {why}."), true)
                        .await;
                }
            }
            CallEvent::Transfer {
                handoff,
                conversation,
                step,
            } => {
                let (Ok(h), Ok(conv)) = (handoff.parse::<HandoffId>(), conversation.parse()) else {
                    return;
                };
                self.on_step(h, conv, step).await;
            }
        }
    }

    /// A system turn in the conversation: `internal` ones are for operators only.
    async fn note(&self, conv: ConversationId, text: &str, internal: bool) {
        let turn = NewTurn {
            at: None,
            role: Some(Role::System),
            text: text.to_owned(),
            confidence: None,
            intent: Some("voice".into()),
            event: None,
            data: Map::new(),
            internal: internal.then(|| text.to_owned()),
        };
        if let Err(e) = self
            .store
            .append_turn(conv, Actor::System, turn, None)
            .await
        {
            tracing::debug!(error = %e, conversation = %conv, "a voice note was not stored");
        }
    }

    /// The webhook event (and audit entry) of one transfer step.
    async fn record(&self, handoff: HandoffId, step: &TransferStep) {
        let (topic, detail) = match step {
            TransferStep::Sent {
                definition,
                method,
                target,
            } => (
                "started",
                json!({"definition": definition, "method": method, "target": target}),
            ),
            TransferStep::DeskCheck { definition, target } => (
                "started",
                json!({"definition": definition, "method": "desk", "target": target}),
            ),
            TransferStep::Briefing { definition, target } => (
                "briefing",
                json!({"definition": definition, "method": "INVITE", "target": target}),
            ),
            TransferStep::Progress { definition, status } => (
                "progress",
                json!({"definition": definition, "status": status}),
            ),
            TransferStep::Failed { definition, reason } => (
                "failed",
                json!({"definition": definition, "reason": reason}),
            ),
            TransferStep::CallEnded { definition, why } => (
                "failed",
                json!({"definition": definition, "reason": format!("the call ended: {why}")}),
            ),
            TransferStep::Fallback { definition, after } => (
                "fallback",
                json!({"definition": definition, "after": after}),
            ),
            TransferStep::Succeeded {
                definition,
                method,
                target,
            } => (
                "succeeded",
                json!({"definition": definition, "method": method, "target": target}),
            ),
            TransferStep::DeskTakesOver {
                definition,
                target,
                who,
            } => (
                "succeeded",
                json!({"definition": definition, "method": "desk", "target": target, "available": who}),
            ),
            TransferStep::HungUp { definition } => (
                "succeeded",
                json!({"definition": definition, "method": "BYE", "target": null}),
            ),
            TransferStep::Exhausted { reasons } => ("exhausted", json!({"reasons": reasons})),
        };
        let topic = format!("handoff.transfer.{topic}");
        match self
            .store
            .record_transfer_step(handoff, &topic, detail)
            .await
        {
            Ok(()) => self.deliveries.notify_one(),
            Err(e) => {
                tracing::warn!(error = %e, %handoff, %topic, "a transfer step was not recorded")
            }
        }
    }

    /// Whether someone who takes calls is online at a desk target (`queue:NAME` or
    /// `user:NAME`): a desk user of that queue (with its skills), or that user, online,
    /// with voice capacity left (`capacity: {voice: N}` in the routing file, 1 when not
    /// written, 0 for someone who takes no calls). Someone already offered this very
    /// handoff counts as available. `Ok` names them; `Err` says why nobody is.
    async fn desk_check(&self, handoff: HandoffId, target: &str) -> Result<String, String> {
        let routing = self.router.routing();
        let (queue, user) = match target.split_once(':') {
            Some(("queue", q)) => (Some(q), None),
            Some(("user", u)) => (None, Some(u)),
            _ => return Err(format!("`{target}` is not a desk target")),
        };
        let queue = match queue {
            Some(q) => Some(
                routing
                    .queue(q)
                    .ok_or_else(|| format!("the queue `{q}` is not in the routing file"))?,
            ),
            None => None,
        };
        if let Some(u) = user
            && routing.user(u).is_none()
        {
            return Err(format!("the desk user `{u}` is not in the routing file"));
        }
        let loads = self
            .store
            .desk_loads()
            .await
            .map_err(|e| format!("the desk could not be read: {e}"))?;
        let offered: HashSet<AgentId> = self
            .store
            .offers(handoff)
            .await
            .unwrap_or_default()
            .into_iter()
            .filter(|o| o.state == baton_core::OfferState::Pending)
            .map(|o| o.receiver)
            .collect();
        let mut available = Vec::new();
        for u in routing.users() {
            let member = match (user, queue) {
                (Some(name), _) => u.username == name,
                (None, Some(q)) => {
                    u.queues.contains(&q.name) && q.skills.iter().all(|s| u.skills.contains(s))
                }
                (None, None) => false,
            };
            let capacity = u.capacity(Channel::Voice);
            if !member || capacity == 0 {
                continue;
            }
            let Some(l) = loads.iter().find(|l| l.username == u.username) else {
                continue;
            };
            let load = l.load.get(&Channel::Voice).copied().unwrap_or(0);
            if l.presence == Presence::Online && (load < capacity || offered.contains(&l.agent_id))
            {
                available.push(u.username.clone());
            }
        }
        if available.is_empty() {
            let place = match (user, queue) {
                (Some(u), _) => {
                    format!("desk user `{u}` is not online with a free line for a call")
                }
                (None, Some(q)) => format!(
                    "nobody who takes calls (voice capacity) is online in the queue `{}`",
                    q.name
                ),
                _ => String::new(),
            };
            return Err(place);
        }
        Ok(available.join(", "))
    }

    async fn on_step(&self, handoff: HandoffId, conv: ConversationId, step: TransferStep) {
        tracing::info!(%handoff, conversation = %conv, ?step, "transfer step");
        self.record(handoff, &step).await;
        match step {
            TransferStep::Briefing { definition, target } => {
                // For the bot: it is now talking to the person, not the caller.
                self.note(
                    conv,
                    &format!(
                        "Transfer {{{{ho:{definition}}}}}: you are now talking to {target} to brief them; the caller is on hold. When you are done, POST /v1/handoffs/{handoff}/briefed and the caller is connected."
                    ),
                    false,
                )
                .await;
            }
            TransferStep::Fallback { definition, after } => {
                self.note(
                    conv,
                    &format!("Transfer {{{{ho:{after}}}}} falls back to {{{{ho:{definition}}}}}."),
                    true,
                )
                .await;
            }
            TransferStep::DeskCheck { definition, target } => {
                let result = self.desk_check(handoff, &target).await;
                self.b2bua
                    .command(CallCommand::DeskChecked {
                        handoff: handoff.to_string(),
                        result,
                    })
                    .await;
                let _ = definition;
            }
            TransferStep::DeskTakesOver {
                definition,
                target,
                who,
            } => {
                self.note(
                    conv,
                    &format!(
                        "Transfer {{{{ho:{definition}}}}}: the desk takes over ({target}: {who} can take the call)."
                    ),
                    true,
                )
                .await;
                self.router.changed(handoff);
            }
            TransferStep::Sent {
                definition,
                method,
                target,
            } => {
                self.note(
                    conv,
                    &format!("Transfer {{{{ho:{definition}}}}}: {method} to {target} sent."),
                    true,
                )
                .await;
            }
            TransferStep::Progress { definition, status } => {
                self.note(
                    conv,
                    &format!("Transfer {{{{ho:{definition}}}}}: the carrier reports {status}."),
                    true,
                )
                .await;
            }
            TransferStep::Failed { definition, reason } => {
                self.note(
                    conv,
                    &format!("Transfer {{{{ho:{definition}}}}} failed: {reason}."),
                    true,
                )
                .await;
            }
            TransferStep::Succeeded {
                definition,
                method,
                target,
            } => {
                self.note(
                    conv,
                    &format!("Transfer {{{{ho:{definition}}}}}: the call now belongs to {target}."),
                    true,
                )
                .await;
                match self.phone_agent(&target).await {
                    Ok(agent) => {
                        // The phone target is in line for the handoff where it waits.
                        if let Ok(h) = self.store.handoff(handoff).await
                            && let Some(queue) = h.queue
                            && let Err(e) = self.store.set_memberships(agent, vec![queue]).await
                        {
                            tracing::warn!(error = %e, "the phone target was not put in line");
                        }
                        let actor = Actor::Agent {
                            id: agent,
                            kind: AgentKind::Phone,
                        };
                        let note = Some(format!("transferred by {method} to {target}"));
                        if let Err(e) = self
                            .store
                            .command(handoff, actor, HandoffCommand::Accept, note)
                            .await
                        {
                            tracing::warn!(error = %e, %handoff, "the phone target could not accept the handoff");
                        }
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "no phone agent for the transfer target");
                    }
                }
                self.router.changed(handoff);
                self.deliveries.notify_one();
            }
            TransferStep::HungUp { definition } => {
                self.note(
                    conv,
                    &format!("Handoff {{{{ho:{definition}}}}} ended the call."),
                    true,
                )
                .await;
                self.close(handoff, "the call was ended by a bye handoff")
                    .await;
            }
            TransferStep::Exhausted { reasons } => {
                self.note(
                    conv,
                    &format!(
                        "The transfer did not go through ({}). The caller is still with you; the handoff waits in the queue for a person.",
                        reasons.join("; ")
                    ),
                    false,
                )
                .await;
                self.router.changed(handoff);
            }
            TransferStep::CallEnded { why, .. } => {
                self.close(
                    handoff,
                    &format!("the call ended during the transfer: {why}"),
                )
                .await;
            }
        }
    }

    /// At start: a voice handoff still waiting for its call (requested or offered) whose
    /// conversation came from a call (`customer.data.call_id`) lost that call when Baton
    /// stopped. It is canceled saying so, and the conversation is told, rather than left
    /// for someone to accept a call that no longer exists.
    async fn report_lost_calls(&self) -> Result<(), baton_store::StoreError> {
        let filter = baton_store::HandoffFilter {
            visibility: baton_store::Visibility::All,
            state: None,
            queue: None,
            conversation: None,
            since: None,
            open_only: true,
            limit: 10_000,
        };
        for h in self.store.list_handoffs(&filter).await? {
            if !matches!(h.state, HandoffState::Requested | HandoffState::Offered) {
                continue;
            }
            let conv = self.store.conversation(h.conversation_id).await?;
            if conv.channel != Channel::Voice || !conv.customer.data.contains_key("call_id") {
                continue;
            }
            tracing::warn!(handoff = %h.id, conversation = %conv.id, "a call was lost in a restart");
            self.note(
                conv.id,
                "The call was lost: Baton restarted during it.",
                false,
            )
            .await;
            let step = TransferStep::CallEnded {
                definition: h
                    .destination
                    .as_deref()
                    .and_then(crate::definitions::parse_ho_ref)
                    .unwrap_or_default()
                    .to_owned(),
                why: "Baton restarted during the call".into(),
            };
            self.record(h.id, &step).await;
            self.close(h.id, "the call was lost: Baton restarted during the call")
                .await;
        }
        Ok(())
    }

    async fn close(&self, handoff: HandoffId, why: &str) {
        if let Err(e) = self
            .store
            .command(
                handoff,
                Actor::System,
                HandoffCommand::Cancel,
                Some(why.to_owned()),
            )
            .await
        {
            tracing::debug!(error = %e, %handoff, "the handoff was not canceled");
        }
        self.router.changed(handoff);
        self.deliveries.notify_one();
    }

    /// The phone agent standing for one number, created on first use.
    async fn phone_agent(&self, number: &str) -> Result<AgentId, baton_store::StoreError> {
        let key = format!("voice.phone_agent.{number}");
        if let Some(id) = self.store.setting(&key).await?
            && let Ok(id) = id.parse()
        {
            return Ok(id);
        }
        let agent = Agent {
            id: AgentId::new(),
            name: format!("phone {number}"),
            kind: AgentKind::Phone,
            created_at: baton_core::now(),
        };
        // Nobody signs in as a phone number: the secret hash is of nothing anyone holds.
        let hash: [u8; 32] = rand::random();
        let stored = self.store.init_setting(&key, &agent.id.to_string()).await?;
        if stored == agent.id.to_string() {
            self.store.create_agent(&agent, hash, Vec::new()).await?;
        }
        stored
            .parse()
            .map_err(|_| baton_store::StoreError::Corrupt(format!("setting {key}")))
    }

    async fn on_handoff(&self, id: HandoffId) {
        let Ok(h) = self.store.handoff(id).await else {
            return;
        };
        if !matches!(h.state, HandoffState::Requested | HandoffState::Offered) {
            return;
        }
        if !self.directory.has_conversation(h.conversation_id) {
            return;
        }
        let Some(Some(Ok(def))) = h.destination.as_deref().map(|d| self.handoffs.resolve(d)) else {
            return;
        };
        if !(def.target.is_sip() || matches!(def.target, Target::Queue(_) | Target::User(_))) {
            return;
        }
        let overrides: Vec<(String, String)> = h
            .parameters
            .get("sip_headers")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(|e| {
                        Some((
                            e.get("key")?.as_str()?.to_owned(),
                            e.get("value")?.as_str()?.to_owned(),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let plan = plan(&self.handoffs, &def.name, &overrides);
        let sent = self
            .b2bua
            .command(CallCommand::Transfer {
                conversation: h.conversation_id.to_string(),
                handoff: id.to_string(),
                plan,
            })
            .await;
        if !sent {
            tracing::warn!(handoff = %id, "the SIP side is not running");
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    const FILE: &str = r#"handoffs:
  - name: line
    is_default: true
    sip_config: { method: refer, phone_number: "+15551230000" }
    sip_headers:
      - { key: X-Queue, value: billing }
      - { key: X-Tier, value: silver }
    fallback: warm
  - name: warm
    sip_config: { method: invite, phone_number: "+15551230001", outbound_endpoint: "pbx:5060" }
    fallback: desk
  - name: desk
    queue: billing
  - name: after_desk
    sip_config: { method: bye }
"#;

    #[test]
    fn a_plan_follows_the_fallbacks_through_the_desk() {
        let h = Handoffs::from_yaml("h.yaml", FILE).unwrap();
        let overrides = [
            ("x-tier".to_owned(), "gold".to_owned()),
            ("X-Reason".to_owned(), "billing dispute".to_owned()),
        ];
        let plan = plan(&h, "line", &overrides);
        let names: Vec<&str> = plan.iter().map(|s| s.definition.as_str()).collect();
        assert_eq!(names, ["line", "warm", "desk"]);
        assert!(
            matches!(&plan[2].action, PlanAction::Desk { target } if target == "queue:billing")
        );
        assert_eq!(
            plan[0].headers,
            [
                ("X-Queue".to_owned(), "billing".to_owned()),
                ("X-Tier".to_owned(), "gold".to_owned()),
                ("X-Reason".to_owned(), "billing dispute".to_owned()),
            ]
        );
        assert!(matches!(
            &plan[1].action,
            PlanAction::Invite {
                encryption: Encryption::UdpRtp,
                ..
            }
        ));
        // A definition outside the default's chain ends with the default (alone).
        let names: Vec<String> = plan_names(&h, "after_desk");
        assert_eq!(names, ["after_desk", "line"]);
    }

    fn plan_names(h: &Handoffs, name: &str) -> Vec<String> {
        plan(h, name, &[])
            .into_iter()
            .map(|s| s.definition)
            .collect()
    }

    #[test]
    fn the_user_of_a_sip_uri() {
        assert_eq!(
            user_of("sip:+15550001111@10.0.0.1:5060;user=phone"),
            Some("+15550001111")
        );
        assert_eq!(user_of("sip:carrier.example.com"), None);
    }
}
