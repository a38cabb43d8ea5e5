//! What each change to a conversation does, decided here and only here: the new
//! states, the owner, the marker turns, the audit entry. Pure functions over the
//! current state and the clock; a store persists what they return, so every backend
//! shares one set of domain rules.

use serde_json::{Map, Value, json};

use crate::conversation::{Actor, Conversation, ConversationStatus, TurnRefused};
use crate::handoff::{
    CommandForbidden, Handoff, HandoffCommand, HandoffEvent, HandoffState, HandoffTransitionError,
};
use crate::ids::{AgentId, HandoffId, TurnId};
use crate::turn::{NewTurn, Role, Turn};
use crate::{AgentKind, Reason, Timestamp};

/// One entry for the audit log: what happened, and its details.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditNote {
    pub action: &'static str,
    pub detail: Value,
}

/// The agent behind an actor, if one is.
pub fn actor_agent(actor: Actor) -> Option<AgentId> {
    match actor {
        Actor::Agent { id, .. } => Some(id),
        Actor::Admin | Actor::System => None,
    }
}

/// A turn appended: the stored turn, the conversation after it, and the handoff it
/// made active (a receiver speaking for the first time), with its audit entry.
#[derive(Clone, Debug)]
pub struct TurnAdded {
    pub turn: Turn,
    pub conversation: Conversation,
    pub activated: Option<(Handoff, AuditNote)>,
}

/// Appends `new` (already validated, spoken by `role`) to `conv`. `open` is the
/// conversation's open handoff, when it has one.
pub fn add_turn(
    conv: &Conversation,
    open: Option<&Handoff>,
    actor: Actor,
    new: NewTurn,
    role: Role,
    now: Timestamp,
) -> Result<TurnAdded, TurnRefused> {
    conv.check_turn(actor, role)?;
    let turn = Turn {
        id: TurnId::new(),
        conversation_id: conv.id,
        seq: conv.turn_count + 1,
        at: new.at.map_or(now, crate::truncate_to_micros),
        role,
        text: new.text,
        confidence: new.confidence,
        intent: new.intent,
        event: new.event,
        data: new.data,
        internal: new.internal,
        author: actor_agent(actor),
    };
    let mut conversation = conv.clone();
    for (k, v) in &turn.data {
        conversation.customer.data.insert(k.clone(), v.clone());
    }
    conversation.turn_count = turn.seq;
    conversation.updated_at = now;
    // The receiver speaking for the first time makes the handoff active.
    let activated = match open {
        Some(h) if role == Role::Human && h.state == HandoffState::Accepted => {
            let mut h = h.clone();
            // Accepted → active is always legal; the fallback keeps it total.
            h.state = h
                .state
                .apply(HandoffEvent::Activate)
                .unwrap_or(HandoffState::Active);
            h.updated_at = now;
            let note = AuditNote {
                action: "handoff.active",
                detail: json!({"turn": turn.seq}),
            };
            Some((h, note))
        }
        _ => None,
    };
    Ok(TurnAdded {
        turn,
        conversation,
        activated,
    })
}

/// What a handoff request asks for.
#[derive(Clone, Debug)]
pub struct HandoffSpec {
    pub reason: Reason,
    pub destination: Option<String>,
    pub utterance: Option<String>,
    pub parameters: Map<String, Value>,
    /// Higher goes first (the router's priority when it placed the handoff at once).
    pub priority: i32,
    pub rule: Option<String>,
    pub decision: Option<Value>,
    /// The queue the router placed it in at once.
    pub queue: Option<String>,
}

impl HandoffSpec {
    /// A request for `reason` with nothing else said.
    pub fn new(reason: Reason) -> Self {
        Self {
            reason,
            destination: None,
            utterance: None,
            parameters: Map::new(),
            priority: 0,
            rule: None,
            decision: None,
            queue: None,
        }
    }
}

/// Why a handoff cannot be requested now.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestRefused {
    #[error("only the conversation's AI agent (or the admin token) can request a handoff")]
    NotTheAi,
    #[error("the conversation is closed; start a new conversation")]
    Closed,
    #[error(
        "the conversation already has handoff {id} ({}); resolve, hand back or cancel it first",
        state.as_str()
    )]
    AlreadyOpen { id: HandoffId, state: HandoffState },
}

/// A handoff requested: the new handoff, the conversation pointing at it, the audit entry.
#[derive(Clone, Debug)]
pub struct HandoffRequested {
    pub handoff: Handoff,
    pub conversation: Conversation,
    pub audit: AuditNote,
}

/// Opens a handoff on `conv`. `open` is the conversation's open handoff, if any.
pub fn request_handoff(
    conv: &Conversation,
    open: Option<&Handoff>,
    actor: Actor,
    spec: HandoffSpec,
    now: Timestamp,
) -> Result<HandoffRequested, RequestRefused> {
    match actor {
        Actor::Admin | Actor::System => {}
        Actor::Agent {
            id,
            kind: AgentKind::Ai,
        } if id == conv.ai_agent => {}
        Actor::Agent { .. } => return Err(RequestRefused::NotTheAi),
    }
    if conv.status == ConversationStatus::Closed {
        return Err(RequestRefused::Closed);
    }
    if let Some(h) = open {
        return Err(RequestRefused::AlreadyOpen {
            id: h.id,
            state: h.state,
        });
    }
    let handoff = Handoff {
        id: HandoffId::new(),
        conversation_id: conv.id,
        state: HandoffState::Requested,
        reason: spec.reason,
        source: conv.owner,
        destination: spec.destination,
        utterance: spec.utterance,
        parameters: spec.parameters,
        priority: spec.priority,
        rule: spec.rule,
        decision: spec.decision,
        queue: spec.queue,
        summary: None,
        receiver: None,
        note: None,
        created_at: now,
        updated_at: now,
        accepted_at: None,
        closed_at: None,
    };
    let mut conversation = conv.clone();
    conversation.open_handoff = Some(handoff.id);
    conversation.updated_at = now;
    let audit = AuditNote {
        action: "handoff.requested",
        detail: json!({
            "conversation": handoff.conversation_id,
            "reason": handoff.reason,
            "rule": handoff.rule,
            "destination": handoff.destination,
        }),
    };
    Ok(HandoffRequested {
        handoff,
        conversation,
        audit,
    })
}

/// Why a command cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandRefused {
    #[error(transparent)]
    Forbidden(#[from] CommandForbidden),
    #[error(transparent)]
    Transition(#[from] HandoffTransitionError),
}

/// A command applied: the handoff and conversation after it, the marker turn it
/// adds to the history (a hand-back), and the event/audit name with its details.
#[derive(Clone, Debug)]
pub struct CommandApplied {
    pub before: HandoffState,
    pub handoff: Handoff,
    pub conversation: Conversation,
    pub marker: Option<Turn>,
    pub audit: AuditNote,
}

/// Applies `command` by `actor` to handoff `h` of conversation `conv`. Whether the
/// actor may see the handoff at all is the caller's question .
pub fn apply_command(
    h: &Handoff,
    conv: &Conversation,
    actor: Actor,
    command: HandoffCommand,
    note: Option<String>,
    now: Timestamp,
) -> Result<CommandApplied, CommandRefused> {
    h.authorize(actor, command)?;
    let before = h.state;
    let mut h = h.clone();
    let mut conv = conv.clone();
    h.state = before.apply(command.event())?;
    h.updated_at = now;
    conv.updated_at = now;
    if note.is_some() {
        h.note.clone_from(&note);
    }
    let mut marker = None;
    let action = match command {
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
            // A marker in the history, so the AI knows the human is gone and what
            // they left it with.
            let text = match &note {
                Some(n) => format!("The human agent handed the conversation back to the AI: {n}"),
                None => "The human agent handed the conversation back to the AI.".to_owned(),
            };
            let turn = Turn {
                id: TurnId::new(),
                conversation_id: conv.id,
                seq: conv.turn_count + 1,
                at: now,
                role: Role::System,
                text,
                confidence: None,
                intent: Some("handed_back".to_owned()),
                event: None,
                data: Map::new(),
                internal: None,
                author: actor_agent(actor),
            };
            conv.turn_count = turn.seq;
            marker = Some(turn);
            "handoff.handed_back"
        }
        HandoffCommand::Cancel => {
            h.closed_at = Some(now);
            conv.open_handoff = None;
            "handoff.canceled"
        }
    };
    let audit = AuditNote {
        action,
        detail: json!({"from": before, "to": h.state, "note": note}),
    };
    Ok(CommandApplied {
        before,
        handoff: h,
        conversation: conv,
        marker,
        audit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Channel, ConversationId, Customer};

    fn conversation() -> Conversation {
        let ai = AgentId::new();
        let now = crate::now();
        Conversation {
            id: ConversationId::new(),
            channel: Channel::Chat,
            customer: Customer::default(),
            status: ConversationStatus::Open,
            ai_agent: ai,
            owner: ai,
            owner_kind: AgentKind::Ai,
            open_handoff: None,
            turn_count: 2,
            created_at: now,
            updated_at: now,
        }
    }

    fn ai(conv: &Conversation) -> Actor {
        Actor::Agent {
            id: conv.ai_agent,
            kind: AgentKind::Ai,
        }
    }

    fn human(id: AgentId) -> Actor {
        Actor::Agent {
            id,
            kind: AgentKind::Human,
        }
    }

    fn requested(conv: &Conversation) -> HandoffRequested {
        request_handoff(
            conv,
            None,
            ai(conv),
            HandoffSpec {
                queue: Some("billing".into()),
                priority: 7,
                ..HandoffSpec::new(Reason::ExplicitRequest)
            },
            crate::now(),
        )
        .unwrap()
    }

    #[test]
    fn a_turn_takes_the_next_seq_and_merges_its_data() {
        let conv = conversation();
        let mut new = NewTurn {
            role: Some(Role::Customer),
            text: "my email is ada@example.com".into(),
            ..NewTurn::default()
        };
        new.data.insert("email".into(), json!("ada@example.com"));
        let added = add_turn(&conv, None, ai(&conv), new, Role::Customer, crate::now()).unwrap();
        assert_eq!(added.turn.seq, 3);
        assert_eq!(added.conversation.turn_count, 3);
        assert_eq!(added.conversation.customer.data["email"], "ada@example.com");
        assert!(added.activated.is_none());
    }

    #[test]
    fn a_request_points_the_conversation_at_the_handoff_and_only_one_is_open() {
        let conv = conversation();
        let r = requested(&conv);
        assert_eq!(r.conversation.open_handoff, Some(r.handoff.id));
        assert_eq!(r.handoff.queue.as_deref(), Some("billing"));
        assert_eq!(r.handoff.priority, 7);
        assert_eq!(r.handoff.source, conv.ai_agent);
        let again = request_handoff(
            &r.conversation,
            Some(&r.handoff),
            ai(&conv),
            HandoffSpec::new(Reason::Manual),
            crate::now(),
        );
        assert!(matches!(again, Err(RequestRefused::AlreadyOpen { .. })));
        let stranger = request_handoff(
            &conv,
            None,
            human(AgentId::new()),
            HandoffSpec::new(Reason::Manual),
            crate::now(),
        );
        assert_eq!(stranger.unwrap_err(), RequestRefused::NotTheAi);
    }

    #[test]
    fn accepting_moves_the_owner_and_the_first_human_turn_activates() {
        let conv = conversation();
        let r = requested(&conv);
        let mut h = r.handoff;
        h.state = HandoffState::Offered;
        let desk = AgentId::new();
        let a = apply_command(
            &h,
            &r.conversation,
            human(desk),
            HandoffCommand::Accept,
            None,
            crate::now(),
        )
        .unwrap();
        assert_eq!(a.handoff.state, HandoffState::Accepted);
        assert_eq!(a.handoff.receiver, Some(desk));
        assert_eq!(a.conversation.owner, desk);
        assert_eq!(a.conversation.owner_kind, AgentKind::Human);
        assert_eq!(a.audit.action, "handoff.accepted");
        // The AI is silenced now; the human's first words make the handoff active.
        let silenced = add_turn(
            &a.conversation,
            Some(&a.handoff),
            ai(&conv),
            NewTurn::default(),
            Role::Ai,
            crate::now(),
        );
        assert!(matches!(silenced, Err(TurnRefused::OwnedByOther { .. })));
        let spoke = add_turn(
            &a.conversation,
            Some(&a.handoff),
            human(desk),
            NewTurn {
                text: "Hi, I'm Dana".into(),
                ..NewTurn::default()
            },
            Role::Human,
            crate::now(),
        )
        .unwrap();
        let (active, note) = spoke.activated.unwrap();
        assert_eq!(active.state, HandoffState::Active);
        assert_eq!(note.action, "handoff.active");
    }

    #[test]
    fn a_hand_back_returns_the_conversation_to_the_ai_with_a_marker_turn() {
        let conv = conversation();
        let r = requested(&conv);
        let desk = AgentId::new();
        let mut h = r.handoff;
        h.state = HandoffState::Active;
        h.receiver = Some(desk);
        let mut held = r.conversation;
        held.owner = desk;
        held.owner_kind = AgentKind::Human;
        let b = apply_command(
            &h,
            &held,
            human(desk),
            HandoffCommand::HandBack,
            Some("identity verified".into()),
            crate::now(),
        )
        .unwrap();
        assert_eq!(b.handoff.state, HandoffState::HandedBack);
        assert_eq!(b.conversation.owner, conv.ai_agent);
        assert_eq!(b.conversation.open_handoff, None);
        let marker = b.marker.unwrap();
        assert_eq!(marker.seq, 3);
        assert_eq!(b.conversation.turn_count, 3);
        assert!(marker.text.ends_with("identity verified"));
        assert_eq!(b.audit.detail["note"], "identity verified");
    }

    #[test]
    fn resolve_closes_and_only_the_receiver_may_resolve() {
        let conv = conversation();
        let r = requested(&conv);
        let desk = AgentId::new();
        let mut h = r.handoff;
        h.state = HandoffState::Active;
        h.receiver = Some(desk);
        let other = apply_command(
            &h,
            &r.conversation,
            human(AgentId::new()),
            HandoffCommand::Resolve,
            None,
            crate::now(),
        );
        assert!(matches!(other, Err(CommandRefused::Forbidden(_))));
        let done = apply_command(
            &h,
            &r.conversation,
            human(desk),
            HandoffCommand::Resolve,
            Some("refunded".into()),
            crate::now(),
        )
        .unwrap();
        assert_eq!(done.conversation.status, ConversationStatus::Closed);
        assert_eq!(done.handoff.note.as_deref(), Some("refunded"));
        assert!(done.handoff.closed_at.is_some());
        let twice = apply_command(
            &done.handoff,
            &done.conversation,
            human(desk),
            HandoffCommand::Resolve,
            None,
            crate::now(),
        );
        assert!(matches!(twice, Err(CommandRefused::Transition(_))));
    }
}
