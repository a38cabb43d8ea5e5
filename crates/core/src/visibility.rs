//! Who may see a handoff: one rule, used by the store's queries (which are checked
//! against it), the commands and the desk's live feed.

use crate::handoff::Handoff;
use crate::ids::AgentId;

/// What is known about one receiver's relation to a handoff.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InLine {
    /// The receiver takes work from the queue the handoff waits in.
    pub member_of_queue: bool,
    /// An offer of it to the receiver is pending now.
    pub offered_now: bool,
    /// It was ever offered to the receiver (pending or ended).
    pub ever_offered: bool,
}

/// Whether a receiver sees handoff `h`: the one holding it sees it in any state
/// (also once it is resolved or handed back); everyone else only while it waits to
/// be claimed, and only if it waits in one of their queues or is offered to them.
pub fn receiver_sees(h: &Handoff, agent: AgentId, line: InLine) -> bool {
    h.receiver == Some(agent)
        || h.state.is_claimable() && (line.member_of_queue || line.offered_now)
}

/// Whether a desk's live list shows `h`: what [`receiver_sees`] allows, while the
/// handoff is still open (finished ones leave the list; they stay readable).
pub fn listed_on_desk(h: &Handoff, agent: AgentId, line: InLine) -> bool {
    !h.state.is_terminal() && receiver_sees(h, agent, line)
}

/// A receiver who may not see `h` but was in line for it learns that someone else
/// took it (a conflict), instead of being told it does not exist.
pub fn was_in_line(line: InLine) -> bool {
    line.member_of_queue || line.ever_offered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handoff::HandoffState;

    fn handoff(state: HandoffState, receiver: Option<AgentId>) -> Handoff {
        Handoff {
            queue: Some("support".into()),
            ..crate::handoff::sample(state, AgentId::new(), receiver)
        }
    }

    #[test]
    fn a_queue_member_sees_it_waiting_and_loses_it_once_someone_holds_it() {
        let (me, other) = (AgentId::new(), AgentId::new());
        let member = InLine {
            member_of_queue: true,
            ..InLine::default()
        };
        for state in [
            HandoffState::Requested,
            HandoffState::Offered,
            HandoffState::Failed,
        ] {
            assert!(
                receiver_sees(&handoff(state, None), me, member),
                "{state:?}"
            );
        }
        let held = handoff(HandoffState::Accepted, Some(other));
        assert!(!receiver_sees(&held, me, member));
        assert!(
            was_in_line(member),
            "told it was taken, not that it is gone"
        );
        assert!(receiver_sees(&held, other, InLine::default()));
    }

    #[test]
    fn the_holder_keeps_reading_it_after_it_ends_but_the_desk_list_drops_it() {
        let me = AgentId::new();
        let done = handoff(HandoffState::Resolved, Some(me));
        assert!(receiver_sees(&done, me, InLine::default()));
        assert!(!listed_on_desk(&done, me, InLine::default()));
        let active = handoff(HandoffState::Active, Some(me));
        assert!(listed_on_desk(&active, me, InLine::default()));
    }

    #[test]
    fn strangers_see_nothing_and_offers_count_only_while_pending() {
        let me = AgentId::new();
        let waiting = handoff(HandoffState::Offered, None);
        assert!(!receiver_sees(&waiting, me, InLine::default()));
        assert!(!was_in_line(InLine::default()));
        let offered = InLine {
            offered_now: true,
            ever_offered: true,
            ..InLine::default()
        };
        assert!(receiver_sees(&waiting, me, offered));
        let lapsed = InLine {
            ever_offered: true,
            ..InLine::default()
        };
        assert!(!receiver_sees(&waiting, me, lapsed));
        assert!(was_in_line(lapsed));
    }
}
