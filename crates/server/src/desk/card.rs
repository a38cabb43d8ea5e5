//! A handoff as the desk list shows it, and who may see it.

use baton_core::{AgentId, Conversation, Handoff, HandoffState, Offer, OfferState, Reason};
use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;

/// One line of the desk's live list, personalised for one desk user.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Card {
    pub id: baton_core::HandoffId,
    pub conversation_id: baton_core::ConversationId,
    pub state: HandoffState,
    /// The escalation reason, shown first.
    pub reason: Reason,
    pub rule: Option<String>,
    pub explanation: Option<String>,
    pub priority: i32,
    /// Urgent and regulated handoffs jump the queue.
    pub urgent: bool,
    pub queue: Option<String>,
    pub channel: baton_core::Channel,
    pub customer_name: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// The offer made to this user, while it is open.
    pub offer: Option<OfferView>,
    /// Whether this user holds it.
    pub mine: bool,
    /// The sequence number of the conversation's latest turn: the page counts what
    /// it has not shown yet from it, and resumes from the last turn it saw.
    pub last_seq: i64,
    /// Whether this user already let an offer of it run out or declined it: the page
    /// keeps it out of their way (it is still theirs to take if they want).
    pub passed: bool,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct OfferView {
    pub id: baton_core::OfferId,
    #[serde(with = "time::serde::rfc3339")]
    pub deadline: OffsetDateTime,
}

/// A handoff with what every desk user's card is made from.
#[derive(Clone, Debug)]
pub struct Shared {
    pub handoff: Handoff,
    pub channel: baton_core::Channel,
    pub customer_name: Option<String>,
    pub pending: Vec<Offer>,
    /// Receivers whose offers of it were declined or ran out.
    pub passed: Vec<AgentId>,
    pub last_seq: i64,
    pub urgent: bool,
    /// The `upsert` message for a desk user it is listed for but neither offered to
    /// nor held by: the same for all of them, so encoded once.
    listed: std::sync::OnceLock<axum::extract::ws::Utf8Bytes>,
}

impl Shared {
    pub fn new(handoff: Handoff, conv: &Conversation, offers: Vec<Offer>, urgent: bool) -> Shared {
        let passed = offers
            .iter()
            .filter(|o| matches!(o.state, OfferState::Rejected | OfferState::TimedOut))
            .map(|o| o.receiver)
            .collect();
        Shared {
            channel: conv.channel,
            customer_name: conv.customer.name.clone(),
            pending: offers
                .into_iter()
                .filter(|o| o.state == OfferState::Pending)
                .collect(),
            passed,
            last_seq: conv.turn_count,
            urgent,
            handoff,
            listed: std::sync::OnceLock::new(),
        }
    }

    /// Whether its card differs for this user (an offer to them, they hold it, or
    /// they passed on it).
    pub fn concerns(&self, agent: AgentId) -> bool {
        self.handoff.receiver == Some(agent)
            || self.pending.iter().any(|o| o.receiver == agent)
            || self.passed.contains(&agent)
    }

    /// The `upsert` message for users it does not concern.
    pub fn listed_upsert(&self) -> &axum::extract::ws::Utf8Bytes {
        self.listed.get_or_init(|| {
            // No agent has the nil id: the card as a bystander sees it.
            let card = self.card_for(AgentId(uuid::Uuid::nil()));
            serde_json::json!({"type": "upsert", "item": card})
                .to_string()
                .into()
        })
    }

    /// Whether a desk user who takes work from `queues` sees it in their list: the
    /// domain's one rule ([`baton_core::visibility::listed_on_desk`]), with the
    /// user's queues from the routing file (the store holds the same memberships).
    pub fn visible_to(&self, agent: AgentId, queues: &[String]) -> bool {
        let h = &self.handoff;
        let line = baton_core::visibility::InLine {
            member_of_queue: h.queue.as_ref().is_some_and(|q| queues.contains(q)),
            offered_now: self.pending.iter().any(|o| o.receiver == agent),
            ever_offered: false,
        };
        baton_core::visibility::listed_on_desk(h, agent, line)
    }

    pub fn card_for(&self, agent: AgentId) -> Card {
        let h = &self.handoff;
        let explanation = h
            .decision
            .as_ref()
            .and_then(|d| d.get("explanation"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        Card {
            id: h.id,
            conversation_id: h.conversation_id,
            state: h.state,
            reason: h.reason,
            rule: h.rule.clone(),
            explanation,
            priority: h.priority,
            urgent: self.urgent,
            queue: h.queue.clone(),
            channel: self.channel,
            customer_name: self.customer_name.clone(),
            created_at: h.created_at,
            offer: self
                .pending
                .iter()
                .find(|o| o.receiver == agent)
                .map(|o| OfferView {
                    id: o.id,
                    deadline: o.deadline,
                }),
            mine: h.receiver == Some(agent),
            last_seq: self.last_seq,
            passed: self.passed.contains(&agent),
        }
    }
}

/// Mine first, then the highest priority, then the longest waiting.
pub fn sort(cards: &mut [Card]) {
    cards.sort_by(|a, b| {
        b.mine
            .cmp(&a.mine)
            .then(b.priority.cmp(&a.priority))
            .then(a.created_at.cmp(&b.created_at))
    });
}
