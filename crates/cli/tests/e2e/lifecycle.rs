//! The handoff lifecycle, as an AI agent and a receiver live it.

use reqwest::StatusCode;
use serde_json::json;

use crate::harness::{ADMIN, Baton, s};

#[tokio::test]
async fn a_conversation_goes_to_a_human_and_the_ai_is_silenced_until_it_is_resolved() {
    let baton = Baton::start().await;
    let bot = baton.register("support-bot", "ai").await;
    let desk = baton.register("alice", "human").await;
    let conv = baton.conversation(&bot).await;

    let (st, v) = baton
        .turn(&bot, &conv, json!({"role": "customer", "text": "My invoice is wrong", "at": "2026-11-23T10:00:00Z"}))
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    assert_eq!(v["turn"]["seq"], 1);
    assert_eq!(v["turn"]["at"], "2026-11-23T10:00:00Z");
    assert!(v["decision"]["handoff"].is_boolean());
    let (st, _) = baton
        .turn(&bot, &conv, json!({"role": "ai", "text": "Let me look.", "confidence": 0.9, "intent": "billing", "data": {"invoice": "INV-7"}}))
        .await;
    assert_eq!(st, StatusCode::CREATED);

    let handoff = baton.handoff(&bot, &conv).await;
    // A second request while one is in flight is a conflict naming the first.
    let (st, v) = baton
        .post(
            &format!("/v1/conversations/{conv}/handoffs"),
            &bot.secret,
            &json!({"reason": "manual"}),
        )
        .await;
    assert_eq!(st, StatusCode::CONFLICT);
    assert!(s(&v["detail"]).contains(&handoff), "{v}");

    // The receiver sees it waiting, with its context.
    let (st, v) = baton
        .get("/v1/handoffs?state=requested", &desk.secret)
        .await;
    assert_eq!(st, StatusCode::OK);
    assert!(
        v["handoffs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["id"] == handoff.as_str())
    );
    let (st, pkg) = baton
        .get(&format!("/v1/handoffs/{handoff}/context"), &desk.secret)
        .await;
    assert_eq!(st, StatusCode::OK, "{pkg}");
    assert_eq!(pkg["version"], "baton.context/v1");
    assert_eq!(pkg["history"].as_array().unwrap().len(), 2);
    assert_eq!(pkg["customer"]["data"]["invoice"], "INV-7");

    let (st, v) = baton
        .post(
            &format!("/v1/handoffs/{handoff}/accept"),
            &desk.secret,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["state"], "accepted");
    assert_eq!(v["receiver"], desk.id.as_str());

    // The AI is silenced, and told who owns the conversation.
    let (st, v) = baton
        .turn(&bot, &conv, json!({"role": "ai", "text": "Anything else?"}))
        .await;
    assert_eq!(st, StatusCode::CONFLICT, "{v}");
    assert_eq!(v["type"], "urn:baton:problem:turn-refused");
    assert!(s(&v["detail"]).contains(&desk.id), "{v}");
    // The customer's words still come through the AI's channel.
    let (st, _) = baton
        .turn(&bot, &conv, json!({"role": "customer", "text": "Hello?"}))
        .await;
    assert_eq!(st, StatusCode::CREATED);
    // The human speaks; the handoff becomes active.
    let (st, v) = baton
        .turn(
            &desk,
            &conv,
            json!({"role": "human", "text": "Hi Ada, I'm on it."}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    let (_, v) = baton
        .get(&format!("/v1/handoffs/{handoff}"), &desk.secret)
        .await;
    assert_eq!(v["state"], "active");

    let (st, v) = baton
        .post(
            &format!("/v1/handoffs/{handoff}/resolve"),
            &desk.secret,
            &json!({"note": "invoice corrected"}),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["state"], "resolved");

    // The whole history reads back in order, with speakers and timestamps.
    let (st, v) = baton
        .get(&format!("/v1/conversations/{conv}"), &bot.secret)
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(v["status"], "closed");
    assert_eq!(v["owner"], desk.id.as_str());
    let turns = v["turns"].as_array().unwrap();
    let roles: Vec<_> = turns.iter().map(|t| s(&t["role"])).collect();
    assert_eq!(roles, ["customer", "ai", "customer", "human"]);
    let texts: Vec<_> = turns.iter().map(|t| s(&t["text"])).collect();
    assert_eq!(texts[0], "My invoice is wrong");
    assert_eq!(texts[3], "Hi Ada, I'm on it.");
    assert!(turns.iter().all(|t| t["at"].is_string()));

    // A closed conversation takes no more turns.
    let (st, _) = baton
        .turn(&bot, &conv, json!({"role": "customer", "text": "thanks"}))
        .await;
    assert_eq!(st, StatusCode::CONFLICT);

    let (exit, data) = baton.terminate().await;
    assert!(
        exit.success(),
        "SIGTERM should end in a clean exit, got {exit}"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["audit", "verify", "--data"])
        .arg(data.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("intact"));
}

#[tokio::test]
async fn a_hand_back_returns_the_conversation_to_the_ai_with_the_note_in_the_history() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let desk = baton.register("bob", "human").await;
    let conv = baton.conversation(&bot).await;
    baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "I need to change my address"}),
        )
        .await;
    let handoff = baton.handoff(&bot, &conv).await;
    baton
        .post(
            &format!("/v1/handoffs/{handoff}/accept"),
            &desk.secret,
            &json!({}),
        )
        .await;
    let (st, v) = baton
        .post(
            &format!("/v1/handoffs/{handoff}/handback"),
            &desk.secret,
            &json!({"note": "verified identity; AI can finish the address change"}),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["state"], "handed_back");

    let (st, v) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "ai", "text": "Thanks, what is the new address?"}),
        )
        .await;
    assert_eq!(
        st,
        StatusCode::CREATED,
        "the AI speaks again after a hand-back: {v}"
    );
    let (_, v) = baton
        .get(&format!("/v1/conversations/{conv}"), &bot.secret)
        .await;
    assert_eq!(v["owner"], bot.id.as_str());
    let marker = &v["turns"][1];
    assert_eq!(marker["role"], "system");
    assert!(s(&marker["text"]).contains("verified identity"), "{marker}");

    // The handed-back handoff is finished: it cannot be accepted again.
    let (st, v) = baton
        .post(
            &format!("/v1/handoffs/{handoff}/accept"),
            &desk.secret,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::CONFLICT);
    assert!(s(&v["detail"]).contains("handed_back"), "{v}");
}

#[tokio::test]
async fn two_receivers_accepting_at_once_yield_exactly_one_winner() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let mut desks = Vec::new();
    for i in 0..4 {
        desks.push(baton.register(&format!("desk-{i}"), "human").await);
    }
    for _ in 0..5 {
        let conv = baton.conversation(&bot).await;
        let handoff = baton.handoff(&bot, &conv).await;
        let url = format!("{}/v1/handoffs/{handoff}/accept", baton.url);
        let mut calls = tokio::task::JoinSet::new();
        for d in &desks {
            let (http, url, secret) = (baton.http.clone(), url.clone(), d.secret.clone());
            calls.spawn(async move {
                http.post(url)
                    .bearer_auth(secret)
                    .json(&json!({}))
                    .send()
                    .await
                    .unwrap()
                    .status()
            });
        }
        let statuses = calls.join_all().await;
        let winners = statuses.iter().filter(|st| **st == StatusCode::OK).count();
        let losers = statuses
            .iter()
            .filter(|st| **st == StatusCode::CONFLICT)
            .count();
        assert_eq!((winners, losers), (1, 3), "{statuses:?}");
    }
}

#[tokio::test]
async fn callers_see_only_their_own_conversations_and_handoffs() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let other_bot = baton.register("other-bot", "ai").await;
    let desk = baton.register("carol", "human").await;
    let other_desk = baton.register("dave", "human").await;
    let conv = baton.conversation(&bot).await;
    baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "hi", "internal": "CANARY-internal"}),
        )
        .await;

    let (st, _) = baton
        .get(&format!("/v1/conversations/{conv}"), &other_bot.secret)
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    let (st, _) = baton
        .turn(&other_bot, &conv, json!({"role": "customer", "text": "x"}))
        .await;
    assert_eq!(st, StatusCode::CONFLICT);

    // A human in no queue at all.
    let (st, v) = baton
        .post(
            "/v1/agents",
            ADMIN,
            &json!({"name": "erin", "kind": "human", "queues": []}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    let stranger = s(&v["secret"]);

    let handoff = baton.handoff(&bot, &conv).await;
    // (the single read's status, the list's ids) for a receiver.
    let sees = async |secret: &str| {
        let (st, _) = baton.get(&format!("/v1/handoffs/{handoff}"), secret).await;
        let (_, v) = baton.get("/v1/handoffs", secret).await;
        let ids: Vec<String> = v["handoffs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| s(&h["id"]))
            .collect();
        (st, ids)
    };
    // Waiting: both members of the queue see it; the human in no queue does not.
    for secret in [&desk.secret, &other_desk.secret] {
        assert_eq!(sees(secret).await, (StatusCode::OK, vec![handoff.clone()]));
    }
    assert_eq!(sees(&stranger).await, (StatusCode::NOT_FOUND, vec![]));
    let (st, _) = baton
        .post(
            &format!("/v1/handoffs/{handoff}/accept"),
            &desk.secret,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    // Taken: the other member of the queue can no longer see it, nor act on it...
    assert_eq!(
        sees(&other_desk.secret).await,
        (StatusCode::NOT_FOUND, vec![])
    );
    assert_eq!(
        sees(&desk.secret).await,
        (StatusCode::OK, vec![handoff.clone()])
    );
    // ...but, having been in line for it, is told it was taken; the stranger is not.
    let (st, v) = baton
        .post(
            &format!("/v1/handoffs/{handoff}/accept"),
            &other_desk.secret,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::CONFLICT, "{v}");
    let (st, _) = baton
        .post(
            &format!("/v1/handoffs/{handoff}/accept"),
            &stranger,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    let (st, _) = baton
        .post(
            &format!("/v1/handoffs/{handoff}/resolve"),
            &other_desk.secret,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    // The AI that asked cannot resolve on the receiver's behalf.
    let (st, v) = baton
        .post(
            &format!("/v1/handoffs/{handoff}/resolve"),
            &bot.secret,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{v}");
    // The receiver reads the history without the AI's internal notes.
    let (st, v) = baton
        .get(&format!("/v1/conversations/{conv}"), &desk.secret)
        .await;
    assert_eq!(st, StatusCode::OK);
    assert!(!v.to_string().contains("CANARY"), "{v}");
    let (_, v) = baton
        .get(&format!("/v1/handoffs/{handoff}/context"), &desk.secret)
        .await;
    assert!(!v.to_string().contains("CANARY"), "{v}");
    // The admin sees everything.
    let (_, v) = baton.get("/v1/handoffs", ADMIN).await;
    assert_eq!(v["handoffs"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn list_filters_by_state_queue_and_time() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let desk = baton.register("erin", "human").await;
    let a = baton.conversation(&bot).await;
    let b = baton.conversation(&bot).await;
    let ha = baton.handoff(&bot, &a).await;
    let (_, v) = baton
        .post(
            &format!("/v1/conversations/{b}/handoffs"),
            &bot.secret,
            &json!({"reason": "regulated", "destination": "compliance"}),
        )
        .await;
    let hb = s(&v["id"]);
    baton
        .post(
            &format!("/v1/handoffs/{ha}/accept"),
            &desk.secret,
            &json!({}),
        )
        .await;

    let ids = |v: &serde_json::Value| -> Vec<String> {
        v["handoffs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| s(&h["id"]))
            .collect()
    };
    let (_, v) = baton.get("/v1/handoffs?state=accepted", ADMIN).await;
    assert_eq!(ids(&v), std::slice::from_ref(&ha));
    let (_, v) = baton.get("/v1/handoffs?queue=compliance", ADMIN).await;
    assert_eq!(ids(&v), std::slice::from_ref(&hb));
    let (_, v) = baton
        .get("/v1/handoffs?since=2999-01-01T00:00:00Z", ADMIN)
        .await;
    assert!(ids(&v).is_empty());
    let (_, v) = baton
        .get("/v1/handoffs?since=2000-01-01T00:00:00Z&limit=1", ADMIN)
        .await;
    assert_eq!(ids(&v), [hb], "newest first");
    let (st, v) = baton.get("/v1/handoffs?state=sleeping", ADMIN).await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{v}");
}

#[tokio::test]
async fn the_api_is_documented_and_health_endpoints_answer() {
    let baton = Baton::start().await;
    let (st, doc) = baton
        .call(reqwest::Method::GET, "/openapi.json", None, None)
        .await;
    assert_eq!(st, StatusCode::OK);
    for path in [
        "/v1/agents",
        "/v1/conversations",
        "/v1/conversations/{id}",
        "/v1/conversations/{id}/turns",
        "/v1/conversations/{id}/handoffs",
        "/v1/handoffs",
        "/v1/handoffs/{id}",
        "/v1/handoffs/{id}/context",
        "/v1/handoffs/{id}/accept",
        "/v1/handoffs/{id}/reject",
        "/v1/handoffs/{id}/resolve",
        "/v1/handoffs/{id}/handback",
    ] {
        assert!(
            doc["paths"][path].is_object(),
            "{path} missing from /openapi.json"
        );
    }
    assert!(
        doc["components"]["schemas"]["WebhookEvent"].is_object(),
        "the webhook payload is documented"
    );
    let (st, page) = baton.call(reqwest::Method::GET, "/docs/", None, None).await;
    assert_eq!(st, StatusCode::OK);
    assert!(
        page.as_str().unwrap_or_default().contains("swagger"),
        "docs page is Swagger UI"
    );
    let (st, _) = baton
        .call(reqwest::Method::GET, "/healthz", None, None)
        .await;
    assert_eq!(st, StatusCode::OK);
    let (st, _) = baton
        .call(reqwest::Method::GET, "/readyz", None, None)
        .await;
    assert_eq!(st, StatusCode::OK);
}

/// Turns posted at once to one conversation: the rules run outside the database
/// writer on a snapshot, and the write is a compare-and-set; every acknowledged turn
/// is stored once, in a gapless order, and none is answered with a 5xx but the
/// documented "busy, nothing stored" (503).
#[tokio::test]
async fn concurrent_turns_on_one_conversation_are_each_stored_once_in_order() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let conv = baton.conversation(&bot).await;
    let posts: Vec<_> = (0..16)
        .map(|i| {
            let (http, url, secret) = (
                baton.http.clone(),
                format!("{}/v1/conversations/{conv}/turns", baton.url),
                bot.secret.clone(),
            );
            tokio::spawn(async move {
                let res = http
                    .post(url)
                    .bearer_auth(secret)
                    .json(&json!({"role": "customer", "text": format!("message number {i}")}))
                    .send()
                    .await
                    .unwrap();
                let status = res.status();
                let body: serde_json::Value = res.json().await.unwrap();
                (i, status, body)
            })
        })
        .collect();
    let mut stored = Vec::new();
    for p in posts {
        let (i, status, body) = p.await.unwrap();
        match status {
            StatusCode::CREATED => stored.push((body["turn"]["seq"].as_i64().unwrap(), i)),
            StatusCode::SERVICE_UNAVAILABLE => {
                assert_eq!(
                    body["type"], "urn:baton:problem:conversation-busy",
                    "{body}"
                );
            }
            other => panic!("turn {i}: {other} {body}"),
        }
    }
    println!("{} of 16 concurrent turns stored", stored.len());
    assert!(!stored.is_empty());
    let (_, turns) = baton
        .get(&format!("/v1/conversations/{conv}/turns"), &bot.secret)
        .await;
    let turns = turns["turns"].as_array().unwrap();
    assert_eq!(
        turns.len(),
        stored.len(),
        "every acknowledged turn, nothing else"
    );
    for (n, t) in turns.iter().enumerate() {
        assert_eq!(t["seq"].as_i64(), Some(n as i64 + 1), "gapless order");
    }
    for (seq, i) in stored {
        assert_eq!(
            turns[seq as usize - 1]["text"],
            format!("message number {i}"),
            "the acknowledged seq holds that turn"
        );
    }
}
