//! The store contract, written once against `dyn Store` and run on every backend.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use baton_core::{
    Actor, Agent, AgentId, AgentKind, Channel, ConversationStatus, Customer, HandoffCommand,
    HandoffState, NewTurn, Reason, Role,
};
use baton_store::{
    ConnectionStore as _, Durability, HandoffFilter, NewConversation, NewHandoff, NewRoute,
    SqliteStore, Store, StoreError, Visibility,
};
use serde_json::json;

struct Fixture {
    store: Arc<dyn Store>,
    ai: Actor,
    ai_id: AgentId,
    human: Actor,
    _dir: tempfile::TempDir,
}

async fn sqlite() -> (Fixture, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("baton.db");
    let store = SqliteStore::open(&path, Durability::ProcessCrash)
        .await
        .unwrap();
    (fixture(Arc::new(store), dir).await, path)
}

async fn fixture(store: Arc<dyn Store>, dir: tempfile::TempDir) -> Fixture {
    let mut ids = Vec::new();
    for (name, kind) in [("bot", AgentKind::Ai), ("desk", AgentKind::Human)] {
        let agent = Agent {
            id: AgentId::new(),
            name: name.into(),
            kind,
            created_at: baton_core::now(),
        };
        store.create_agent(&agent, [7; 32], vec![]).await.unwrap();
        ids.push(agent.id);
    }
    store
        .set_memberships(ids[1], vec!["support".into()])
        .await
        .unwrap();
    // A subscriber for every event: the suite reads events the way production does,
    // as the deliveries they fan out to.
    store
        .create_webhook(baton_store::NewWebhook {
            url: "https://hooks.example.com/baton".into(),
            events: baton_store::EVENT_TYPES
                .iter()
                .map(|e| e.to_string())
                .collect(),
            secret: vec![1; 32],
        })
        .await
        .unwrap();
    Fixture {
        store,
        ai: Actor::Agent {
            id: ids[0],
            kind: AgentKind::Ai,
        },
        ai_id: ids[0],
        human: Actor::Agent {
            id: ids[1],
            kind: AgentKind::Human,
        },
        _dir: dir,
    }
}

/// The events queued for delivery about handoff `h`, oldest first: topic and payload.
async fn events(f: &Fixture, h: baton_core::HandoffId) -> Vec<(String, serde_json::Value)> {
    let mut out: Vec<(String, serde_json::Value)> = f
        .store
        .deliveries(None, None, 1000)
        .await
        .unwrap()
        .into_iter()
        .map(|d| (d.topic, serde_json::from_str(&d.payload).unwrap()))
        .filter(|(_, p): &(String, serde_json::Value)| p["data"]["handoff_id"] == h.to_string())
        .collect();
    out.reverse();
    out
}

fn turn(role: Role, text: &str) -> NewTurn {
    NewTurn {
        role: Some(role),
        text: text.into(),
        ..NewTurn::default()
    }
}

fn handoff_for(conv: baton_core::ConversationId) -> NewHandoff {
    NewHandoff {
        conversation_id: conv,
        reason: Reason::ExplicitRequest,
        destination: Some("support".into()),
        utterance: None,
        parameters: serde_json::Map::new(),
        priority: 5,
        rule: Some("asks_for_human".into()),
        decision: Some(json!({"explanation": "asked for a person"})),
        route: Some(NewRoute {
            plan: json!({"filter": "default", "targets": [{"queue": "support", "timeout_ms": 60000}]}),
            queue: Some("support".into()),
            priority: 5,
        }),
    }
}

async fn conversation(f: &Fixture) -> baton_core::Conversation {
    f.store
        .create_conversation(NewConversation {
            channel: Channel::Voice,
            customer: Customer {
                id: Some("c1".into()),
                name: None,
                data: serde_json::Map::new(),
            },
            ai_agent: f.ai_id,
        })
        .await
        .unwrap()
}

async fn the_full_lifecycle_is_recorded(f: &Fixture) {
    let conv = conversation(f).await;
    let mut t = turn(Role::Customer, "my email is ada@example.com");
    t.data.insert("email".into(), json!("ada@example.com"));
    let appended = f.store.append_turn(conv.id, f.ai, t, None).await.unwrap();
    assert_eq!(appended.turn.seq, 1);
    assert_eq!(
        appended.conversation.customer.data["email"],
        "ada@example.com"
    );

    let change = f
        .store
        .request_handoff(f.ai, handoff_for(conv.id), None)
        .await
        .unwrap();
    let h = change.handoff;
    assert_eq!(h.state, HandoffState::Requested);
    assert_eq!(change.conversation.open_handoff, Some(h.id));
    let queued = events(f, h.id).await;
    assert_eq!(
        queued.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
        ["handoff.requested"]
    );
    assert_eq!(queued[0].1["data"]["reason"], "explicit_request");

    let accepted = f
        .store
        .command(h.id, f.human, HandoffCommand::Accept, None)
        .await
        .unwrap();
    assert_eq!(accepted.handoff.state, HandoffState::Accepted);
    assert_eq!(accepted.conversation.owner_kind, AgentKind::Human);
    let refused = f
        .store
        .append_turn(conv.id, f.ai, turn(Role::Ai, "still me"), None)
        .await;
    assert!(
        matches!(refused, Err(StoreError::TurnRefused(_))),
        "{refused:?}"
    );
    f.store
        .append_turn(conv.id, f.human, turn(Role::Human, "hello"), None)
        .await
        .unwrap();
    assert_eq!(
        f.store.handoff(h.id).await.unwrap().state,
        HandoffState::Active
    );

    let resolved = f
        .store
        .command(h.id, f.human, HandoffCommand::Resolve, Some("fixed".into()))
        .await
        .unwrap();
    assert_eq!(resolved.handoff.state, HandoffState::Resolved);
    assert_eq!(resolved.handoff.note.as_deref(), Some("fixed"));
    assert_eq!(resolved.conversation.status, ConversationStatus::Closed);
    let read_back = f.store.handoff(h.id).await.unwrap();
    assert_eq!(
        read_back, resolved.handoff,
        "what is returned is what was stored"
    );

    let topics: Vec<_> = events(f, h.id).await.into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        topics,
        ["handoff.requested", "handoff.accepted", "handoff.resolved"]
    );
    let turns = f.store.turns(conv.id, 0, 100).await.unwrap();
    assert_eq!(turns.len(), 2);
    assert_eq!(
        f.store.recent_turns(conv.id, 1).await.unwrap()[0].text,
        "hello"
    );
    let audit = f.store.verify_audit().await.unwrap();
    assert_eq!(audit.first_broken, None);
    assert!(audit.entries >= 5, "{audit:?}");
}

async fn refusals_change_nothing(f: &Fixture) {
    let conv = conversation(f).await;
    let h = f
        .store
        .request_handoff(f.ai, handoff_for(conv.id), None)
        .await
        .unwrap()
        .handoff;
    let again = f
        .store
        .request_handoff(f.ai, handoff_for(conv.id), None)
        .await;
    assert!(matches!(again, Err(StoreError::Conflict(_))), "{again:?}");
    let early = f
        .store
        .command(h.id, Actor::Admin, HandoffCommand::Resolve, None)
        .await;
    assert!(matches!(early, Err(StoreError::Transition(_))), "{early:?}");
    let by_ai = f
        .store
        .command(h.id, f.ai, HandoffCommand::Accept, None)
        .await;
    assert!(matches!(by_ai, Err(StoreError::Forbidden(_))), "{by_ai:?}");
    assert_eq!(
        f.store.handoff(h.id).await.unwrap().state,
        HandoffState::Requested
    );
    assert_eq!(events(f, h.id).await.len(), 1, "refusals queue no event");
    let rejected = f
        .store
        .command(
            h.id,
            f.human,
            HandoffCommand::Reject,
            Some("not my area".into()),
        )
        .await
        .unwrap();
    assert_eq!(
        rejected.handoff.state,
        HandoffState::Requested,
        "a rejected handoff keeps waiting"
    );
    let canceled = f
        .store
        .command(h.id, f.ai, HandoffCommand::Cancel, None)
        .await
        .unwrap();
    assert_eq!(canceled.handoff.state, HandoffState::Canceled);
    assert_eq!(canceled.conversation.open_handoff, None);
    let missing = f.store.handoff(baton_core::HandoffId::new()).await;
    assert!(matches!(
        missing,
        Err(StoreError::NotFound {
            what: "handoff",
            ..
        })
    ));
}

async fn concurrent_accepts_have_one_winner(f: &Fixture) {
    let conv = conversation(f).await;
    let h = f
        .store
        .request_handoff(f.ai, handoff_for(conv.id), None)
        .await
        .unwrap()
        .handoff;
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let store = f.store.clone();
        let id = AgentId::new();
        store
            .set_memberships(id, vec!["support".into()])
            .await
            .unwrap();
        let receiver = Actor::Agent {
            id,
            kind: AgentKind::Human,
        };
        tasks.spawn(async move {
            store
                .command(h.id, receiver, HandoffCommand::Accept, None)
                .await
        });
    }
    let results = tasks.join_all().await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
    // Someone who was never in line for it is told it does not exist.
    let stranger = Actor::Agent {
        id: AgentId::new(),
        kind: AgentKind::Human,
    };
    assert!(matches!(
        f.store
            .command(h.id, stranger, HandoffCommand::Accept, None)
            .await,
        Err(StoreError::NotFound { .. })
    ));
    assert!(
        results
            .iter()
            .filter_map(|r| r.as_ref().err())
            .all(|e| matches!(e, StoreError::Transition(_)))
    );
}

async fn listing_respects_visibility(f: &Fixture) {
    let conv = conversation(f).await;
    let h = f
        .store
        .request_handoff(f.ai, handoff_for(conv.id), None)
        .await
        .unwrap()
        .handoff;
    // A second member of the same queue as the fixture's desk, and a stranger in none.
    let colleague = AgentId::new();
    f.store
        .set_memberships(colleague, vec!["support".into()])
        .await
        .unwrap();
    let stranger = AgentId::new();
    let human = |id| Actor::Agent {
        id,
        kind: AgentKind::Human,
    };
    let filter = |visibility| HandoffFilter {
        visibility,
        state: None,
        queue: None,
        conversation: Some(conv.id),
        since: None,
        open_only: false,
        limit: 10,
    };
    // What each reader gets: (the list's ids, whether the single read is allowed).
    let sees = async |vis: Visibility, actor: Actor| {
        let listed: Vec<_> = f
            .store
            .list_handoffs(&filter(vis))
            .await
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect();
        let h = f.store.handoff(h.id).await.unwrap();
        (listed, f.store.can_see_handoff(&h, actor).await.unwrap())
    };
    let other_ai = AgentId::new();
    let other_ai_actor = Actor::Agent {
        id: other_ai,
        kind: AgentKind::Ai,
    };

    // Waiting: the AI that asked and every member of the queue see it; no one else.
    assert_eq!(
        sees(Visibility::Source(f.ai_id), f.ai).await,
        (vec![h.id], true)
    );
    assert_eq!(
        sees(Visibility::Receiver(colleague), human(colleague)).await,
        (vec![h.id], true),
        "a queue member sees a waiting handoff"
    );
    assert_eq!(
        sees(Visibility::Receiver(stranger), human(stranger)).await,
        (vec![], false)
    );
    assert_eq!(
        sees(Visibility::Source(other_ai), other_ai_actor).await,
        (vec![], false)
    );

    // Taken by the desk: held by someone else, it is hidden from the colleague.
    f.store
        .command(h.id, f.human, HandoffCommand::Accept, None)
        .await
        .unwrap();
    let Actor::Agent { id: desk, .. } = f.human else {
        unreachable!()
    };
    assert_eq!(
        sees(Visibility::Receiver(desk), f.human).await,
        (vec![h.id], true)
    );
    assert_eq!(
        sees(Visibility::Receiver(colleague), human(colleague)).await,
        (vec![], false),
        "held by someone else is hidden"
    );
    assert_eq!(
        sees(Visibility::Receiver(stranger), human(stranger)).await,
        (vec![], false)
    );
    assert_eq!(
        sees(Visibility::Source(f.ai_id), f.ai).await,
        (vec![h.id], true)
    );
    assert_eq!(
        sees(Visibility::All, Actor::Admin).await,
        (vec![h.id], true)
    );
    // The colleague was in line: told it was taken. The stranger never was: not found.
    let late = f
        .store
        .command(h.id, human(colleague), HandoffCommand::Accept, None)
        .await;
    assert!(matches!(late, Err(StoreError::Transition(_))), "{late:?}");
    let never = f
        .store
        .command(h.id, human(stranger), HandoffCommand::Accept, None)
        .await;
    assert!(
        matches!(never, Err(StoreError::NotFound { .. })),
        "{never:?}"
    );

    // Finished, the holder still sees what it did; the colleague still does not.
    f.store
        .command(h.id, f.human, HandoffCommand::Resolve, None)
        .await
        .unwrap();
    assert_eq!(
        sees(Visibility::Receiver(desk), f.human).await,
        (vec![h.id], true)
    );
    assert_eq!(
        sees(Visibility::Receiver(colleague), human(colleague)).await,
        (vec![], false)
    );
}

async fn a_decided_handoff_commits_with_its_turn(f: &Fixture) {
    let conv = conversation(f).await;
    let appended = f
        .store
        .append_turn(
            conv.id,
            f.ai,
            turn(Role::Customer, "get me a human"),
            Some(baton_store::Evaluated {
                turn_count: conv.turn_count,
                handoff: Some(handoff_for(conv.id)),
            }),
        )
        .await
        .unwrap();
    let h = appended.handoff.expect("the decided handoff");
    assert_eq!(appended.conversation.open_handoff, Some(h.id));
    assert_eq!(
        f.store.handoff(h.id).await.unwrap().rule.as_deref(),
        Some("asks_for_human")
    );
    // A decision made on a history that has moved on is refused, and nothing of it
    // is written: neither the turn nor a handoff.
    let stale = f
        .store
        .append_turn(
            conv.id,
            f.ai,
            turn(Role::Customer, "hello?"),
            Some(baton_store::Evaluated {
                turn_count: conv.turn_count,
                handoff: None,
            }),
        )
        .await;
    assert!(matches!(stale, Err(StoreError::Stale)), "{stale:?}");
    // With a handoff open, a decided handoff is refused too (the rules must not run).
    let count = f.store.conversation(conv.id).await.unwrap().turn_count;
    let again = f
        .store
        .append_turn(
            conv.id,
            f.ai,
            turn(Role::Customer, "hello?"),
            Some(baton_store::Evaluated {
                turn_count: count,
                handoff: Some(handoff_for(conv.id)),
            }),
        )
        .await;
    assert!(matches!(again, Err(StoreError::Stale)), "{again:?}");
    let after = f.store.conversation(conv.id).await.unwrap();
    assert_eq!(after.turn_count, count, "a refused write stores nothing");
    assert_eq!(after.open_handoff, Some(h.id));
}

#[tokio::test]
async fn sqlite_decided_handoff() {
    a_decided_handoff_commits_with_its_turn(&sqlite().await.0).await;
}

#[tokio::test]
async fn sqlite_full_lifecycle() {
    the_full_lifecycle_is_recorded(&sqlite().await.0).await;
}

#[tokio::test]
async fn sqlite_refusals() {
    refusals_change_nothing(&sqlite().await.0).await;
}

/// The store's visibility (the list query and the single read) agrees with the one
/// rule in `baton_core::visibility`, for every reachable handoff state and every kind
/// of reader: the holder, a member of the queue, a receiver offered it (now, or once),
/// a stranger.
async fn visibility_agrees_with_the_domain_rule(f: &Fixture) {
    use baton_core::visibility::{InLine, receiver_sees};
    let Actor::Agent { id: desk, .. } = f.human else {
        unreachable!()
    };
    let colleague = AgentId::new();
    f.store
        .set_memberships(colleague, vec!["support".into()])
        .await
        .unwrap();
    let human = |id| Actor::Agent {
        id,
        kind: AgentKind::Human,
    };
    // Offers go only to desk users who are online; this one is in no queue.
    let offeree = f
        .store
        .upsert_desk_user("olga", "Olga", None, vec![])
        .await
        .unwrap();
    f.store
        .set_presence(offeree, baton_core::Presence::Online, human(offeree))
        .await
        .unwrap();
    let stranger = AgentId::new();
    let soon = baton_core::now() + time::Duration::minutes(5);
    let past = baton_core::now() - time::Duration::seconds(1);
    // Each scenario drives a fresh handoff to one state through the store's own API.
    let scenarios = [
        "requested",
        "offered",
        "lapsed",
        "accepted",
        "active",
        "resolved",
        "handed_back",
        "canceled",
        "failed",
    ];
    let mut checked = 0;
    for scenario in scenarios {
        let conv = conversation(f).await;
        let h = f
            .store
            .request_handoff(f.ai, handoff_for(conv.id), None)
            .await
            .unwrap()
            .handoff;
        let offer = |deadline| {
            f.store
                .make_offers(h.id, vec![offeree], Some("support".into()), 0, deadline)
        };
        match scenario {
            "requested" => {}
            "offered" => {
                offer(soon).await.unwrap();
            }
            "lapsed" => {
                offer(past).await.unwrap();
                f.store.expire_offers(baton_core::now()).await.unwrap();
            }
            "failed" => {
                f.store.fail_handoff(h.id, "failsafe").await.unwrap();
            }
            "canceled" => {
                f.store
                    .command(h.id, f.ai, HandoffCommand::Cancel, None)
                    .await
                    .unwrap();
            }
            _ => {
                f.store
                    .command(h.id, f.human, HandoffCommand::Accept, None)
                    .await
                    .unwrap();
                if scenario != "accepted" {
                    f.store
                        .append_turn(conv.id, f.human, turn(Role::Human, "hello"), None)
                        .await
                        .unwrap();
                }
                let command = match scenario {
                    "resolved" => Some(HandoffCommand::Resolve),
                    "handed_back" => Some(HandoffCommand::HandBack),
                    _ => None,
                };
                if let Some(c) = command {
                    f.store.command(h.id, f.human, c, None).await.unwrap();
                }
            }
        }
        let h = f.store.handoff(h.id).await.unwrap();
        let offers = f.store.offers(h.id).await.unwrap();
        for (reader, queues) in [
            (desk, vec!["support"]),
            (colleague, vec!["support"]),
            (offeree, vec![]),
            (stranger, vec![]),
        ] {
            let line = InLine {
                member_of_queue: h.queue.as_deref().is_some_and(|q| queues.contains(&q)),
                offered_now: offers
                    .iter()
                    .any(|o| o.receiver == reader && o.state == baton_core::OfferState::Pending),
                ever_offered: offers.iter().any(|o| o.receiver == reader),
            };
            let expected = receiver_sees(&h, reader, line);
            let listed = f
                .store
                .list_handoffs(&HandoffFilter {
                    visibility: Visibility::Receiver(reader),
                    state: None,
                    queue: None,
                    conversation: Some(conv.id),
                    since: None,
                    open_only: false,
                    limit: 10,
                })
                .await
                .unwrap()
                .iter()
                .any(|x| x.id == h.id);
            let read = f.store.can_see_handoff(&h, human(reader)).await.unwrap();
            assert_eq!(
                (listed, read),
                (expected, expected),
                "{scenario} ({:?}) for reader {reader} with {line:?}",
                h.state
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 36);
}

#[tokio::test]
async fn sqlite_visibility_rule() {
    visibility_agrees_with_the_domain_rule(&sqlite().await.0).await;
}

#[tokio::test]
async fn sqlite_concurrent_accepts() {
    concurrent_accepts_have_one_winner(&sqlite().await.0).await;
}

#[tokio::test]
async fn sqlite_visibility() {
    listing_respects_visibility(&sqlite().await.0).await;
}

#[tokio::test]
async fn sqlite_audit_tampering_is_detected() {
    let (f, path) = sqlite().await;
    the_full_lifecycle_is_recorded(&f).await;
    // Edit one entry behind Baton's back, as an attacker with file access would.
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute(
        "UPDATE audit SET detail = '{\"note\":\"forged\"}' WHERE seq = 3",
        [],
    )
    .unwrap();
    drop(raw);
    assert_eq!(f.store.verify_audit().await.unwrap().first_broken, Some(3));
}

/// A connection's agent is offered work like an online desk user while the
/// connection is active; each pushed offer is listed once; a retried push links
/// nothing twice; a disabled connection is offered nothing.
async fn connections_take_offers_and_links_are_recorded_once(f: &Fixture) {
    use baton_store::{
        ConnectionChange, ConnectionState, LinkDirection, NewConnection, NewPeerLink,
    };
    let new = || NewConnection {
        name: "tech-support-bot".into(),
        kind: "baton".into(),
        remote_agent: "0190-remote".into(),
        url: "https://baton-b.example.com".into(),
        secret: vec![9; 40],
    };
    let conn = f
        .store
        .create_connection(new(), Actor::Admin)
        .await
        .unwrap();
    assert_eq!(conn.state, ConnectionState::Active);
    let agent = f
        .store
        .agent_credentials(conn.agent_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(agent.agent.kind, AgentKind::External);
    assert!(matches!(
        f.store.create_connection(new(), Actor::Admin).await,
        Err(StoreError::Conflict(_))
    ));
    let c = conversation(f).await;
    let h = f
        .store
        .request_handoff(f.ai, handoff_for(c.id), None)
        .await
        .unwrap()
        .handoff;
    let deadline = baton_core::now() + std::time::Duration::from_secs(30);
    let (_, offers) = f
        .store
        .make_offers(h.id, vec![conn.agent_id], None, 0, deadline)
        .await
        .unwrap();
    let to_push = f.store.offers_to_push().await.unwrap();
    assert_eq!(to_push.len(), 1);
    assert_eq!(to_push[0].0.id, offers[0].id);
    assert_eq!(to_push[0].1.name, "tech-support-bot");
    let link = NewPeerLink {
        direction: LinkDirection::Out,
        handoff_id: h.id,
        conversation_id: c.id,
        peer: conn.name.clone(),
        remote_handoff: "remote-1".into(),
        offer_id: Some(offers[0].id),
        sent_seq: 0,
    };
    let (first, created) = f.store.add_peer_link(link.clone()).await.unwrap();
    assert!(created);
    let (again, created) = f.store.add_peer_link(link).await.unwrap();
    assert!(
        !created && again.id == first.id,
        "a retried push links nothing twice"
    );
    assert!(f.store.offers_to_push().await.unwrap().is_empty());
    f.store
        .advance_peer_link(first.id, Some(4), Some(7), false)
        .await
        .unwrap();
    f.store
        .advance_peer_link(first.id, Some(2), None, false)
        .await
        .unwrap();
    let open = f.store.open_peer_links(LinkDirection::Out).await.unwrap();
    assert_eq!(
        (open[0].sent_seq, open[0].received_seq),
        (4, 7),
        "cursors only move forward"
    );
    f.store
        .advance_peer_link(first.id, None, None, true)
        .await
        .unwrap();
    assert!(
        f.store
            .open_peer_links(LinkDirection::Out)
            .await
            .unwrap()
            .is_empty()
    );

    // The agent accepts as a desk user would; then a disabled connection gets nothing.
    f.store
        .command(
            h.id,
            Actor::Agent {
                id: conn.agent_id,
                kind: AgentKind::External,
            },
            HandoffCommand::Accept,
            None,
        )
        .await
        .unwrap();
    f.store
        .update_connection(&conn.name, ConnectionChange::Disabled, Actor::Admin)
        .await
        .unwrap();
    let c2 = conversation(f).await;
    let h2 = f
        .store
        .request_handoff(f.ai, handoff_for(c2.id), None)
        .await
        .unwrap()
        .handoff;
    assert!(matches!(
        f.store
            .make_offers(h2.id, vec![conn.agent_id], None, 0, deadline)
            .await,
        Err(StoreError::Conflict(_))
    ));
}

#[tokio::test]
async fn sqlite_connections() {
    connections_take_offers_and_links_are_recorded_once(&sqlite().await.0).await;
}

#[tokio::test]
async fn sqlite_peer_message_ids_are_remembered_across_a_restart() {
    let (f, path) = sqlite().await;
    let window = std::time::Duration::from_secs(600);
    assert!(
        f.store
            .remember_peer_message("agent-a", "msg_1", window)
            .await
            .unwrap()
    );
    assert!(
        !f.store
            .remember_peer_message("agent-a", "msg_1", window)
            .await
            .unwrap()
    );
    assert!(
        f.store
            .remember_peer_message("agent-b", "msg_1", window)
            .await
            .unwrap(),
        "ids are per peer"
    );
    drop(f.store);
    let reopened = SqliteStore::open(&path, Durability::ProcessCrash)
        .await
        .unwrap();
    assert!(
        !reopened
            .remember_peer_message("agent-a", "msg_1", window)
            .await
            .unwrap()
    );
    // Past the window an id is forgotten (its timestamp is refused before this check).
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    assert!(
        reopened
            .remember_peer_message("agent-a", "msg_1", std::time::Duration::from_millis(10))
            .await
            .unwrap()
    );
}

/// An agent's conversations on one channel list newest first, page on by id, and
/// leave out other channels and other agents' conversations.
async fn agent_conversations_page_newest_first(f: &Fixture) {
    let mut made = Vec::new();
    for _ in 0..3 {
        made.push(
            f.store
                .create_conversation(NewConversation {
                    channel: Channel::Task,
                    customer: Customer::default(),
                    ai_agent: f.ai_id,
                })
                .await
                .unwrap()
                .id,
        );
    }
    conversation(f).await; // voice: not listed
    let first = f
        .store
        .agent_conversations(f.ai_id, Channel::Task, None, 2)
        .await
        .unwrap();
    let ids: Vec<_> = first.iter().map(|c| c.id).collect();
    assert_eq!(ids, vec![made[2], made[1]]);
    let rest = f
        .store
        .agent_conversations(f.ai_id, Channel::Task, Some(made[1]), 2)
        .await
        .unwrap();
    assert_eq!(rest.iter().map(|c| c.id).collect::<Vec<_>>(), vec![made[0]]);
    let stranger = AgentId::new();
    assert!(
        f.store
            .agent_conversations(stranger, Channel::Task, None, 10)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn sqlite_agent_conversations() {
    agent_conversations_page_newest_first(&sqlite().await.0).await;
}

// ---- voice transfer steps ----

/// A transfer step is an audit entry and an event for the subscribers of its topic only,
/// carrying the handoff's thin data and the step.
async fn transfer_steps_are_audited_and_sent_to_their_subscribers(f: &Fixture) {
    let conv = conversation(f).await;
    let h = f
        .store
        .request_handoff(f.ai, handoff_for(conv.id), None)
        .await
        .unwrap()
        .handoff;
    let hook = f
        .store
        .create_webhook(baton_store::NewWebhook {
            url: "https://voice.example.com/hooks".into(),
            events: vec!["handoff.transfer.started".into()],
            secret: vec![2; 32],
        })
        .await
        .unwrap();
    for (topic, step) in [
        (
            "handoff.transfer.started",
            json!({"definition": "line", "method": "REFER", "target": "+15551230000"}),
        ),
        (
            "handoff.transfer.progress",
            json!({"definition": "line", "status": 202}),
        ),
    ] {
        f.store
            .record_transfer_step(h.id, topic, step)
            .await
            .unwrap();
    }
    let sent = f.store.deliveries(None, Some(hook.id), 1000).await.unwrap();
    assert_eq!(sent.len(), 1, "only the subscribed topic: {sent:?}");
    assert_eq!(sent[0].topic, "handoff.transfer.started");
    let payload: serde_json::Value = serde_json::from_str(&sent[0].payload).unwrap();
    assert_eq!(payload["type"], "handoff.transfer.started");
    assert_eq!(payload["data"]["handoff_id"], h.id.to_string());
    assert_eq!(payload["data"]["state"], "requested");
    assert_eq!(payload["data"]["transfer"]["target"], "+15551230000");
    // The fixture's subscriber takes the state events only: one transfer event in all.
    let transfer_events = events(f, h.id)
        .await
        .into_iter()
        .filter(|(topic, _)| topic.starts_with("handoff.transfer."))
        .count();
    assert_eq!(transfer_events, 1);
    assert_eq!(f.store.verify_audit().await.unwrap().first_broken, None);
    assert!(baton_store::TRANSFER_EVENT_TYPES.contains(&"handoff.transfer.fallback"));
}

#[tokio::test]
async fn sqlite_transfer_steps() {
    transfer_steps_are_audited_and_sent_to_their_subscribers(&sqlite().await.0).await;
}
