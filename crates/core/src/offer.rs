//! Offers: one proposal of a handoff to one receiver, with a deadline.

use serde::{Deserialize, Serialize};

use crate::ids::{AgentId, HandoffId, OfferId};
use time::OffsetDateTime;

/// Where an offer stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfferState {
    Pending,
    Accepted,
    Rejected,
    TimedOut,
    /// Withdrawn by Baton (someone else took the handoff, or it was canceled).
    Rescinded,
}

/// What can happen to an offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OfferEvent {
    Accept,
    Reject,
    Expire,
    Rescind,
}

/// A transition the offer state machine refuses: only a pending offer can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the offer is already {}; only a pending offer can be answered", .from.as_str())]
pub struct OfferTransitionError {
    pub from: OfferState,
    pub event: OfferEvent,
}

impl OfferState {
    pub const ALL: [OfferState; 5] = [
        OfferState::Pending,
        OfferState::Accepted,
        OfferState::Rejected,
        OfferState::TimedOut,
        OfferState::Rescinded,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            OfferState::Pending => "pending",
            OfferState::Accepted => "accepted",
            OfferState::Rejected => "rejected",
            OfferState::TimedOut => "timed_out",
            OfferState::Rescinded => "rescinded",
        }
    }

    pub fn parse(s: &str) -> Option<OfferState> {
        OfferState::ALL.into_iter().find(|st| st.as_str() == s)
    }

    pub fn apply(self, event: OfferEvent) -> Result<OfferState, OfferTransitionError> {
        match (self, event) {
            (OfferState::Pending, OfferEvent::Accept) => Ok(OfferState::Accepted),
            (OfferState::Pending, OfferEvent::Reject) => Ok(OfferState::Rejected),
            (OfferState::Pending, OfferEvent::Expire) => Ok(OfferState::TimedOut),
            (OfferState::Pending, OfferEvent::Rescind) => Ok(OfferState::Rescinded),
            (from, event) => Err(OfferTransitionError { from, event }),
        }
    }
}

/// An offer as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Offer {
    pub id: OfferId,
    pub handoff_id: HandoffId,
    pub receiver: AgentId,
    /// The queue it was offered from, when it came from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queue: Option<String>,
    pub state: OfferState,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub deadline: OffsetDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Offer {
    /// Whether the offer is still pending but its deadline has passed.
    pub fn is_expired(&self, now: OffsetDateTime) -> bool {
        self.state == OfferState::Pending && now >= self.deadline
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pending_offer_moves_once() {
        use OfferEvent as E;
        use OfferState as S;
        let table = [
            (E::Accept, S::Accepted),
            (E::Reject, S::Rejected),
            (E::Expire, S::TimedOut),
            (E::Rescind, S::Rescinded),
        ];
        for (ev, to) in table {
            assert_eq!(S::Pending.apply(ev), Ok(to));
            for done in S::ALL.into_iter().filter(|s| *s != S::Pending) {
                let err = done.apply(ev).unwrap_err();
                assert_eq!(
                    err,
                    OfferTransitionError {
                        from: done,
                        event: ev
                    }
                );
                assert!(err.to_string().contains(done.as_str()));
            }
        }
    }

    #[test]
    fn expiry_is_judged_against_the_deadline() {
        let now = crate::now();
        let offer = Offer {
            id: OfferId::new(),
            handoff_id: HandoffId::new(),
            receiver: AgentId::new(),
            queue: None,
            state: OfferState::Pending,
            created_at: now,
            deadline: now + time::Duration::seconds(30),
            note: None,
        };
        assert!(!offer.is_expired(now));
        assert!(offer.is_expired(now + time::Duration::seconds(30)));
        let answered = Offer {
            state: OfferState::Rejected,
            ..offer
        };
        assert!(!answered.is_expired(now + time::Duration::hours(1)));
    }
}
