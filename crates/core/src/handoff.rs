//! Handoffs and their state machine.
//!
//! ```text
//! requested → offered → accepted → active → resolved | handed_back
//!     ↑          │
//!     └──────────┘  (offer rejected or timed out: back in the queue)
//! requested | offered --reject--> requested;  failed --reject--> failed
//! requested | offered → canceled | failed;  failed → accepted (claimed from the failsafe queue)
//! ```

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::agent::AgentKind;
use crate::conversation::Actor;
use crate::ids::{AgentId, ConversationId, HandoffId};
use crate::reason::Reason;
use time::OffsetDateTime;

/// Where a handoff stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HandoffState {
    /// Waiting in its queue for a receiver.
    Requested,
    /// Proposed to a receiver who has not answered yet.
    Offered,
    /// Claimed by a receiver, who now owns the conversation.
    Accepted,
    /// The receiver has spoken in the conversation.
    Active,
    /// The receiver finished the work; the conversation is closed.
    Resolved,
    /// The receiver gave the conversation back to the AI.
    HandedBack,
    /// Withdrawn before anyone took it.
    Canceled,
    /// Every target was exhausted; it waits in the failsafe queue.
    Failed,
}

/// What can happen to a handoff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HandoffEvent {
    Offer,
    /// The pending offer was rejected, timed out or rescinded.
    OfferEnded,
    /// A receiver declined it; it stays waiting for someone else.
    Reject,
    Accept,
    Activate,
    Resolve,
    HandBack,
    Cancel,
    Fail,
}

impl HandoffEvent {
    pub const fn as_str(self) -> &'static str {
        match self {
            HandoffEvent::Offer => "offer",
            HandoffEvent::OfferEnded => "end the offer of",
            HandoffEvent::Reject => "reject",
            HandoffEvent::Accept => "accept",
            HandoffEvent::Activate => "activate",
            HandoffEvent::Resolve => "resolve",
            HandoffEvent::HandBack => "hand back",
            HandoffEvent::Cancel => "cancel",
            HandoffEvent::Fail => "fail",
        }
    }
}

/// A transition the state machine refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("cannot {} a handoff that is {}{}", .event.as_str(), .from.as_str(), .from.hint())]
pub struct HandoffTransitionError {
    pub from: HandoffState,
    pub event: HandoffEvent,
}

impl HandoffState {
    pub const ALL: [HandoffState; 8] = [
        HandoffState::Requested,
        HandoffState::Offered,
        HandoffState::Accepted,
        HandoffState::Active,
        HandoffState::Resolved,
        HandoffState::HandedBack,
        HandoffState::Canceled,
        HandoffState::Failed,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            HandoffState::Requested => "requested",
            HandoffState::Offered => "offered",
            HandoffState::Accepted => "accepted",
            HandoffState::Active => "active",
            HandoffState::Resolved => "resolved",
            HandoffState::HandedBack => "handed_back",
            HandoffState::Canceled => "canceled",
            HandoffState::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<HandoffState> {
        HandoffState::ALL.into_iter().find(|st| st.as_str() == s)
    }

    const fn hint(self) -> &'static str {
        match self {
            HandoffState::Resolved | HandoffState::HandedBack | HandoffState::Canceled => {
                "; it is finished — request a new handoff instead"
            }
            HandoffState::Accepted | HandoffState::Active => "; someone already took it",
            HandoffState::Requested | HandoffState::Offered => "; no one has accepted it yet",
            HandoffState::Failed => "; it waits in the failsafe queue, accept it from there",
        }
    }

    /// Whether no further event can change this state.
    pub const fn is_terminal(self) -> bool {
        matches!(
            self,
            HandoffState::Resolved | HandoffState::HandedBack | HandoffState::Canceled
        )
    }

    /// Whether the handoff still waits for a receiver to claim it.
    pub const fn is_claimable(self) -> bool {
        matches!(
            self,
            HandoffState::Requested | HandoffState::Offered | HandoffState::Failed
        )
    }

    /// Whether a receiver holds the conversation.
    pub const fn is_held(self) -> bool {
        matches!(self, HandoffState::Accepted | HandoffState::Active)
    }

    /// The state after `event`, or a refusal naming both.
    pub fn apply(self, event: HandoffEvent) -> Result<HandoffState, HandoffTransitionError> {
        use HandoffEvent as E;
        use HandoffState as S;
        let next = match (self, event) {
            (S::Requested, E::Offer) => S::Offered,
            (S::Offered, E::OfferEnded) => S::Requested,
            (S::Requested | S::Offered, E::Reject) => S::Requested,
            (S::Failed, E::Reject) => S::Failed,
            (S::Requested | S::Offered | S::Failed, E::Accept) => S::Accepted,
            (S::Accepted, E::Activate) => S::Active,
            (S::Accepted | S::Active, E::Resolve) => S::Resolved,
            (S::Accepted | S::Active, E::HandBack) => S::HandedBack,
            (S::Requested | S::Offered | S::Failed, E::Cancel) => S::Canceled,
            (S::Requested | S::Offered, E::Fail) => S::Failed,
            (from, event) => return Err(HandoffTransitionError { from, event }),
        };
        Ok(next)
    }
}

/// A handoff as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Handoff {
    pub id: HandoffId,
    pub conversation_id: ConversationId,
    pub state: HandoffState,
    pub reason: Reason,
    /// The agent that owned the conversation when the handoff was requested.
    pub source: AgentId,
    /// Where it should go: a queue name or a `{{ho:name}}` handoff definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    /// What the AI says to the customer while handing off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utterance: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub parameters: Map<String, Value>,
    /// Higher goes first.
    pub priority: i32,
    /// The rule that decided it, when a rule did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Why, in words and signal values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub decision: Option<Value>,
    /// The queue it waits in (or was taken from), once routed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queue: Option<String>,
    /// The summary as corrected by a person; it replaces the generated one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The receiver who accepted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiver: Option<AgentId>,
    /// The last note left by a receiver (reject or hand-back) or on resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub accepted_at: Option<OffsetDateTime>,
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub closed_at: Option<OffsetDateTime>,
}

/// A handoff for unit tests: in `state`, from `source`, held by `receiver`.
#[cfg(test)]
pub(crate) fn sample(state: HandoffState, source: AgentId, receiver: Option<AgentId>) -> Handoff {
    let now = crate::now();
    Handoff {
        id: HandoffId::new(),
        conversation_id: ConversationId::new(),
        state,
        reason: Reason::Manual,
        source,
        destination: None,
        utterance: None,
        parameters: Map::new(),
        priority: 0,
        rule: None,
        decision: None,
        queue: None,
        summary: None,
        receiver,
        note: None,
        created_at: now,
        updated_at: now,
        accepted_at: None,
        closed_at: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use HandoffEvent as E;
    use HandoffState as S;

    const EVENTS: [HandoffEvent; 9] = [
        E::Offer,
        E::OfferEnded,
        E::Reject,
        E::Accept,
        E::Activate,
        E::Resolve,
        E::HandBack,
        E::Cancel,
        E::Fail,
    ];

    /// The whole transition table, written out once: every pair not listed is illegal.
    const LEGAL: [(HandoffState, HandoffEvent, HandoffState); 17] = [
        (S::Requested, E::Reject, S::Requested),
        (S::Offered, E::Reject, S::Requested),
        (S::Failed, E::Reject, S::Failed),
        (S::Requested, E::Offer, S::Offered),
        (S::Requested, E::Accept, S::Accepted),
        (S::Requested, E::Cancel, S::Canceled),
        (S::Requested, E::Fail, S::Failed),
        (S::Offered, E::OfferEnded, S::Requested),
        (S::Offered, E::Accept, S::Accepted),
        (S::Offered, E::Cancel, S::Canceled),
        (S::Offered, E::Fail, S::Failed),
        (S::Accepted, E::Activate, S::Active),
        (S::Accepted, E::Resolve, S::Resolved),
        (S::Accepted, E::HandBack, S::HandedBack),
        (S::Active, E::Resolve, S::Resolved),
        (S::Active, E::HandBack, S::HandedBack),
        (S::Failed, E::Accept, S::Accepted),
    ];

    #[test]
    fn every_legal_transition_goes_where_the_table_says() {
        for (from, ev, to) in LEGAL {
            assert_eq!(from.apply(ev), Ok(to), "{from:?} --{ev:?}-->");
        }
        assert_eq!(S::Failed.apply(E::Cancel), Ok(S::Canceled));
    }

    #[test]
    fn every_other_transition_is_refused_with_both_names() {
        for from in S::ALL {
            for ev in EVENTS {
                let legal = LEGAL.iter().any(|(f, e, _)| *f == from && *e == ev)
                    || (from == S::Failed && ev == E::Cancel);
                if legal {
                    continue;
                }
                let err = from.apply(ev).unwrap_err();
                assert_eq!(err, HandoffTransitionError { from, event: ev });
                let msg = err.to_string();
                assert!(msg.contains(from.as_str()), "{msg}");
            }
        }
    }

    #[test]
    fn terminal_states_accept_nothing() {
        for from in S::ALL.into_iter().filter(|s| s.is_terminal()) {
            for ev in EVENTS {
                assert!(from.apply(ev).is_err());
            }
        }
    }

    #[test]
    fn accepting_a_resolved_handoff_says_it_is_finished() {
        let msg = S::Resolved.apply(E::Accept).unwrap_err().to_string();
        assert_eq!(
            msg,
            "cannot accept a handoff that is resolved; it is finished — request a new handoff instead"
        );
    }

    fn sample(source: AgentId, receiver: Option<AgentId>) -> Handoff {
        super::sample(S::Accepted, source, receiver)
    }

    #[test]
    fn commands_are_authorized_by_role() {
        use HandoffCommand as C;
        let ai = AgentId::new();
        let human = AgentId::new();
        let other = AgentId::new();
        let h = sample(ai, Some(human));
        let as_ai = Actor::Agent {
            id: ai,
            kind: AgentKind::Ai,
        };
        let as_human = Actor::Agent {
            id: human,
            kind: AgentKind::Human,
        };
        let as_other = Actor::Agent {
            id: other,
            kind: AgentKind::Human,
        };
        assert!(h.authorize(as_human, C::Accept).is_ok());
        assert!(h.authorize(as_ai, C::Accept).is_err());
        assert!(h.authorize(Actor::Admin, C::Accept).is_err());
        assert!(h.authorize(as_human, C::Resolve).is_ok());
        assert!(h.authorize(as_other, C::Resolve).is_err());
        assert!(h.authorize(as_other, C::HandBack).is_err());
        assert!(h.authorize(Actor::Admin, C::HandBack).is_ok());
        assert!(h.authorize(as_ai, C::Cancel).is_ok());
        assert!(h.authorize(as_human, C::Cancel).is_err());
    }

    #[test]
    fn state_names_round_trip() {
        for s in S::ALL {
            assert_eq!(S::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
    }
}

/// A command a caller gives about a handoff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HandoffCommand {
    Accept,
    Reject,
    Resolve,
    HandBack,
    Cancel,
}

impl HandoffCommand {
    pub const fn as_str(self) -> &'static str {
        match self {
            HandoffCommand::Accept => "accept",
            HandoffCommand::Reject => "reject",
            HandoffCommand::Resolve => "resolve",
            HandoffCommand::HandBack => "hand back",
            HandoffCommand::Cancel => "cancel",
        }
    }

    /// The state-machine event this command drives.
    pub const fn event(self) -> HandoffEvent {
        match self {
            HandoffCommand::Accept => HandoffEvent::Accept,
            HandoffCommand::Reject => HandoffEvent::Reject,
            HandoffCommand::Resolve => HandoffEvent::Resolve,
            HandoffCommand::HandBack => HandoffEvent::HandBack,
            HandoffCommand::Cancel => HandoffEvent::Cancel,
        }
    }
}

/// The caller may not give this command about this handoff.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct CommandForbidden(pub String);

impl Handoff {
    /// Who may do what: receivers (human, external, phone) accept and reject; the
    /// receiver who holds it resolves or hands back; the AI that asked cancels.
    /// The admin token may do all but accept or reject, which need a receiver identity.
    pub fn authorize(&self, actor: Actor, command: HandoffCommand) -> Result<(), CommandForbidden> {
        use HandoffCommand as C;
        let forbid = |why: String| Err(CommandForbidden(why));
        match (actor, command) {
            (Actor::Admin | Actor::System, C::Accept | C::Reject) => forbid(format!(
                "the admin token is not a receiver; {} with the credentials of the agent who takes the handoff",
                command.as_str()
            )),
            (Actor::Admin | Actor::System, _) => Ok(()),
            (
                Actor::Agent {
                    kind: AgentKind::Ai,
                    ..
                },
                C::Accept | C::Reject,
            ) => forbid(format!(
                "an AI agent cannot {} a handoff; receivers are human, external or phone agents",
                command.as_str()
            )),
            (Actor::Agent { .. }, C::Accept | C::Reject) => Ok(()),
            (Actor::Agent { id, .. }, C::Resolve | C::HandBack) => {
                if self.receiver == Some(id) {
                    Ok(())
                } else {
                    forbid(format!(
                        "only the receiver who accepted this handoff can {} it",
                        command.as_str()
                    ))
                }
            }
            (Actor::Agent { id, .. }, C::Cancel) => {
                if self.source == id {
                    Ok(())
                } else {
                    forbid("only the agent that requested this handoff can cancel it".to_owned())
                }
            }
        }
    }
}
