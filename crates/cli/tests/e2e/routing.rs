//! Routing as desk users live it: offers that time out or are declined move on, an
//! exhausted route lands in the failsafe queue, capacity and presence are respected,
//! and pending offers survive a restart with their deadlines.

use std::process::Stdio;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{COOKIE, SET_COOKIE};
use serde_json::{Value, json};
use tokio::io::AsyncWriteExt as _;

use crate::harness::{ADMIN, Agent, Baton, s};

const PASSWORD: &str = "desk-password-for-tests";

pub(crate) async fn hash() -> String {
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["desk", "hash-password"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(PASSWORD.as_bytes()).await.unwrap();
    drop(stdin);
    let out = child.wait_with_output().await.unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// A server with `routing` (YAML, where `HASH` stands for the test password's hash).
async fn start(routing: &str) -> Baton {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("routing.yaml");
    std::fs::write(&path, routing.replace("HASH", &hash().await)).unwrap();
    let path = path.to_str().unwrap().to_owned();
    Baton::start_with(data, &[("BATON_ROUTING", &path)]).await
}

pub(crate) struct Desk {
    cookie: String,
    csrf: String,
}

impl Desk {
    pub(crate) async fn login(baton: &Baton, username: &str) -> Desk {
        let res = baton
            .http
            .post(format!("{}/desk/api/login", baton.url))
            .json(&json!({"username": username, "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let cookie = res
            .headers()
            .get(SET_COOKIE)
            .unwrap()
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let v: Value = res.json().await.unwrap();
        Desk {
            cookie,
            csrf: s(&v["csrf"]),
        }
    }

    async fn call(
        &self,
        baton: &Baton,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = baton
            .http
            .request(method, format!("{}{path}", baton.url))
            .header(COOKIE, &self.cookie)
            .header("x-csrf-token", &self.csrf);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.unwrap();
        let status = res.status();
        let text = res.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    async fn post(&self, baton: &Baton, path: &str, body: Value) -> (StatusCode, Value) {
        self.call(baton, reqwest::Method::POST, path, Some(body))
            .await
    }

    async fn get(&self, baton: &Baton, path: &str) -> (StatusCode, Value) {
        self.call(baton, reqwest::Method::GET, path, None).await
    }

    async fn presence(&self, baton: &Baton) -> String {
        s(&self.get(baton, "/desk/api/me").await.1["user"]["presence"])
    }

    /// The handoff ids in this user's list, and which carry an offer to them.
    async fn list(&self, baton: &Baton) -> Vec<(String, bool)> {
        let (st, v) = self.get(baton, "/desk/api/handoffs").await;
        assert_eq!(st, StatusCode::OK, "{v}");
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (s(&c["id"]), !c["offer"].is_null()))
            .collect()
    }

    async fn accept(&self, baton: &Baton, id: &str) -> (StatusCode, Value) {
        let (st, _) = self
            .post(baton, &format!("/desk/api/handoffs/{id}/read"), json!({}))
            .await;
        assert_eq!(st, StatusCode::OK);
        self.post(baton, &format!("/desk/api/handoffs/{id}/accept"), json!({}))
            .await
    }
}

/// A desk user's live feed, as the desk page keeps it open.
struct Feed {
    ws: tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >,
}

impl Feed {
    /// Opens the feed and reads its first message, the snapshot.
    async fn open(baton: &Baton, desk: &Desk) -> Feed {
        use futures_util::StreamExt as _;
        use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;
        use tokio_tungstenite::tungstenite::http::HeaderValue;

        let mut req = format!("{}/desk/ws", baton.url.replacen("http", "ws", 1))
            .into_client_request()
            .unwrap();
        let origin = baton.url.clone();
        req.headers_mut()
            .insert("cookie", HeaderValue::from_str(&desk.cookie).unwrap());
        req.headers_mut()
            .insert("origin", HeaderValue::from_str(&origin).unwrap());
        let (ws, _) = tokio_tungstenite::connect_async(req).await.unwrap();
        let mut feed = Feed { ws };
        let first = tokio::time::timeout(Duration::from_secs(10), feed.ws.next())
            .await
            .expect("a snapshot within 10 s")
            .unwrap()
            .unwrap();
        let v: Value = serde_json::from_str(first.to_text().unwrap()).unwrap();
        assert_eq!(v["type"], "snapshot", "{v}");
        feed
    }

    /// Waits for the upsert of handoff `id`. The desks hear of a new handoff once the
    /// router has looked at it, in the state that look left it in.
    async fn upserted(&mut self, id: &str) -> Value {
        use futures_util::StreamExt as _;
        tokio::time::timeout(Duration::from_secs(15), async {
            loop {
                let m = self.ws.next().await.expect("feed open").unwrap();
                let Ok(text) = m.to_text() else { continue };
                let Ok(v) = serde_json::from_str::<Value>(text) else {
                    continue;
                };
                if v["type"] == "upsert" && v["item"]["id"] == id {
                    return v;
                }
            }
        })
        .await
        .unwrap_or_else(|_| panic!("no update for {id} on the feed within 15 s"))
    }
}

/// A customer asks for a person: the rules start a handoff.
async fn trigger(baton: &Baton, bot: &Agent) -> String {
    let conv = baton.conversation(bot).await;
    let (st, v) = baton
        .turn(
            bot,
            &conv,
            json!({"role": "customer", "text": "I want to talk to a human agent please"}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    s(&v["handoff_id"])
}

async fn offers(baton: &Baton, id: &str) -> Vec<Value> {
    let (st, v) = baton.get(&format!("/v1/handoffs/{id}/offers"), ADMIN).await;
    assert_eq!(st, StatusCode::OK, "{v}");
    v["offers"].as_array().unwrap().clone()
}

async fn handoff(baton: &Baton, id: &str) -> Value {
    baton.get(&format!("/v1/handoffs/{id}"), ADMIN).await.1
}

/// Waits until `check` holds on the handoff's offers (the router works in the background).
async fn until_offers(
    baton: &Baton,
    id: &str,
    what: &str,
    check: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    let start = std::time::Instant::now();
    loop {
        let o = offers(baton, id).await;
        if check(&o) {
            return o;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "timed out waiting for {what}: {o:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

const TWO_USERS: &str = r#"
queues:
  - name: support
users:
  - {username: alice, password_hash: "HASH", queues: [support]}
  - {username: bob, password_hash: "HASH", queues: [support]}
"#;

#[tokio::test]
async fn an_unanswered_offer_times_out_to_the_next_target_and_its_user_is_set_away() {
    let baton = start(&format!(
        "{TWO_USERS}
filters:
  - name: everything
    targets:
    - {{user: alice, timeout: 2s}}
    - {{user: bob, timeout: 60s}}
"
    ))
    .await;
    let bot = baton.register("bot", "ai").await;
    let alice = Desk::login(&baton, "alice").await;
    let bob = Desk::login(&baton, "bob").await;
    let id = trigger(&baton, &bot).await;

    let first = until_offers(&baton, &id, "alice's offer", |o| o.len() == 1).await;
    assert_eq!(first[0]["state"], "pending");
    let alice_id = s(&first[0]["receiver"]);
    assert!(alice.list(&baton).await.contains(&(id.clone(), true)));
    // Alice reads it while it is hers, then lets it run out.
    let (st, _) = alice
        .post(&baton, &format!("/desk/api/handoffs/{id}/read"), json!({}))
        .await;
    assert_eq!(st, StatusCode::OK);
    assert!(
        !bob.list(&baton).await.iter().any(|(h, _)| *h == id),
        "bob is not a target yet"
    );

    let o = until_offers(&baton, &id, "bob's offer after the timeout", |o| {
        o.len() == 2
    })
    .await;
    assert_eq!(o[0]["state"], "timed_out");
    assert_eq!(o[0]["receiver"], alice_id.as_str());
    assert_eq!(o[1]["state"], "pending");
    assert_ne!(o[1]["receiver"], alice_id.as_str());
    assert_eq!(alice.presence(&baton).await, "away");
    // Having been offered it once is no claim on it now that it is bob's.
    let (st, v) = alice
        .post(
            &baton,
            &format!("/desk/api/handoffs/{id}/accept"),
            json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::CONFLICT, "{v}");
    assert!(s(&v["detail"]).contains("no longer routed to you"), "{v}");
    assert_eq!(
        offers(&baton, &id).await[1]["state"],
        "pending",
        "bob's offer stands"
    );
    assert_eq!(bob.presence(&baton).await, "online");
    assert!(bob.list(&baton).await.contains(&(id.clone(), true)));
    assert!(!alice.list(&baton).await.iter().any(|(h, _)| *h == id));
    let (st, _) = bob.accept(&baton, &id).await;
    assert_eq!(st, StatusCode::OK);
}

#[tokio::test]
async fn a_rejected_offer_moves_to_the_next_target_and_an_exhausted_route_lands_in_the_failsafe_queue()
 {
    let baton = start(&format!(
        "{TWO_USERS}
  - {{username: carol, password_hash: \"HASH\", queues: [failsafe]}}
filters:
  - name: everything
    targets:
    - {{user: alice, timeout: 60s}}
    - {{user: bob, timeout: 60s}}
"
    ))
    .await;
    let bot = baton.register("bot", "ai").await;
    let alice = Desk::login(&baton, "alice").await;
    let bob = Desk::login(&baton, "bob").await;
    let carol = Desk::login(&baton, "carol").await;
    let id = trigger(&baton, &bot).await;
    until_offers(&baton, &id, "alice's offer", |o| o.len() == 1).await;

    // A reason is required to decline.
    let (st, v) = alice
        .post(
            &baton,
            &format!("/desk/api/handoffs/{id}/reject"),
            json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["field"], "reason");
    let (st, _) = alice
        .post(
            &baton,
            &format!("/desk/api/handoffs/{id}/reject"),
            json!({"reason": "not my area"}),
        )
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let o = until_offers(&baton, &id, "bob's offer", |o| o.len() == 2).await;
    assert_eq!(o[0]["state"], "rejected");
    assert_eq!(o[0]["note"], "not my area");
    assert_eq!(o[1]["state"], "pending");
    assert_eq!(
        alice.presence(&baton).await,
        "online",
        "declining is not absence"
    );
    assert!(!carol.list(&baton).await.iter().any(|(h, _)| *h == id));

    let (st, _) = bob
        .post(
            &baton,
            &format!("/desk/api/handoffs/{id}/reject"),
            json!({"reason": "busy"}),
        )
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let start = std::time::Instant::now();
    let h = loop {
        let h = handoff(&baton, &id).await;
        if h["state"] == "failed" || start.elapsed() > Duration::from_secs(10) {
            break h;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(h["state"], "failed", "{h}");
    assert_eq!(h["queue"], "failsafe");
    // Never nowhere: the failsafe queue's people see it and can take it; the alert rises.
    assert!(carol.list(&baton).await.iter().any(|(h, _)| *h == id));
    let metrics = baton
        .http
        .get(format!("{}/metrics", baton.url))
        .bearer_auth(ADMIN)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains("baton_failsafe_waiting 1"), "{metrics}");
    assert!(
        metrics.contains("baton_offers{state=\"rejected\"} 2"),
        "{metrics}"
    );
    let (st, v) = carol.accept(&baton, &id).await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["mine"], true);
}

#[tokio::test]
async fn two_desk_users_accepting_a_broadcast_offer_at_once_yield_one_winner() {
    let baton = start(
        r#"
queues:
  - {name: support, mode: broadcast}
users:
  - {username: alice, password_hash: "HASH", queues: [support]}
  - {username: bob, password_hash: "HASH", queues: [support]}
"#,
    )
    .await;
    let bot = baton.register("bot", "ai").await;
    let alice = Desk::login(&baton, "alice").await;
    let bob = Desk::login(&baton, "bob").await;
    for _ in 0..3 {
        let id = trigger(&baton, &bot).await;
        until_offers(&baton, &id, "offers to both", |o| o.len() == 2).await;
        for d in [&alice, &bob] {
            let (st, _) = d
                .post(&baton, &format!("/desk/api/handoffs/{id}/read"), json!({}))
                .await;
            assert_eq!(st, StatusCode::OK);
        }
        let path = format!("/desk/api/handoffs/{id}/accept");
        let (a, b) = tokio::join!(
            alice.post(&baton, &path, json!({})),
            bob.post(&baton, &path, json!({}))
        );
        let mut codes = [a.0, b.0];
        codes.sort();
        assert_eq!(codes, [StatusCode::OK, StatusCode::CONFLICT], "{a:?} {b:?}");
        let loser = if a.0 == StatusCode::CONFLICT {
            a.1
        } else {
            b.1
        };
        assert!(s(&loser["detail"]).contains("accepted"), "{loser}");
        let o = offers(&baton, &id).await;
        let states: Vec<&str> = o.iter().map(|o| o["state"].as_str().unwrap()).collect();
        assert!(
            states.contains(&"accepted") && states.contains(&"rescinded"),
            "{states:?}"
        );
        // Free the winner for the next round.
        let winner = if a.0 == StatusCode::OK { &alice } else { &bob };
        let (st, _) = winner
            .post(
                &baton,
                &format!("/desk/api/handoffs/{id}/resolve"),
                json!({"code": "done"}),
            )
            .await;
        assert_eq!(st, StatusCode::OK);
        let (st, _) = winner
            .post(
                &baton,
                &format!("/desk/api/handoffs/{id}/feedback"),
                json!({"needed": false, "correct_reason": true, "correct_queue": true, "comment": "a FAQ answer"}),
            )
            .await;
        assert_eq!(st, StatusCode::NO_CONTENT);
    }
    // The verdicts and resolution codes come out as JSON Lines for tuning.
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["feedback", "export"])
        .env("BATON_URL", &baton.url)
        .env("BATON_TOKEN", ADMIN)
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let kinds = |k: &str| lines.iter().filter(|l| l["feedback"]["kind"] == k).count();
    assert_eq!((kinds("resolution"), kinds("verdict")), (3, 3), "{lines:?}");
    let verdict = lines
        .iter()
        .find(|l| l["feedback"]["kind"] == "verdict")
        .unwrap();
    assert_eq!(verdict["reason"], "explicit_request");
    assert_eq!(verdict["queue"], "support");
    assert_eq!(verdict["state"], "resolved");
    assert_eq!(verdict["feedback"]["needed"], false);
}

#[tokio::test]
async fn offers_respect_capacity_and_presence() {
    let baton = start(
        r#"
queues:
  - name: support
users:
  - {username: alice, password_hash: "HASH", queues: [support], capacity: {chat: 1}}
  - {username: bob, password_hash: "HASH", queues: [support], capacity: {chat: 1}}
"#,
    )
    .await;
    let bot = baton.register("bot", "ai").await;
    let alice = Desk::login(&baton, "alice").await;
    let bob = Desk::login(&baton, "bob").await;

    // Away: no offers for alice.
    let (st, _) = alice
        .post(&baton, "/desk/api/presence", json!({"presence": "away"}))
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let first = trigger(&baton, &bot).await;
    let o = until_offers(&baton, &first, "an offer", |o| !o.is_empty()).await;
    let bob_id = s(&o[0]["receiver"]);
    assert!(bob.list(&baton).await.contains(&(first.clone(), true)));
    let (st, _) = bob.accept(&baton, &first).await;
    assert_eq!(st, StatusCode::OK);

    // Bob is full (one chat held); alice is away: the next handoff waits, offered to no
    // one. Bob's feed shows it once the router has looked at it.
    let mut bob_feed = Feed::open(&baton, &bob).await;
    let second = trigger(&baton, &bot).await;
    bob_feed.upserted(&second).await;
    assert!(offers(&baton, &second).await.is_empty());
    assert_eq!(handoff(&baton, &second).await["state"], "requested");
    assert!(
        bob.list(&baton).await.contains(&(second.clone(), false)),
        "listed, not offered"
    );

    // Alice comes back: it is offered to her, not to bob.
    let (st, _) = alice
        .post(&baton, "/desk/api/presence", json!({"presence": "online"}))
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let o = until_offers(&baton, &second, "an offer to alice", |o| !o.is_empty()).await;
    assert_ne!(s(&o[0]["receiver"]), bob_id);

    // Both full now (alice's pending offer counts): a third waits until bob resolves.
    let third = trigger(&baton, &bot).await;
    bob_feed.upserted(&third).await;
    assert!(offers(&baton, &third).await.is_empty());
    let (st, _) = bob
        .post(
            &baton,
            &format!("/desk/api/handoffs/{first}/resolve"),
            json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    let o = until_offers(&baton, &third, "an offer to bob", |o| !o.is_empty()).await;
    assert_eq!(s(&o[0]["receiver"]), bob_id);
}

#[tokio::test]
async fn pending_offers_resume_after_a_restart_with_their_deadlines() {
    let routing = format!(
        "{TWO_USERS}
filters:
  - name: everything
    targets:
    - {{user: alice, timeout: 8s}}
    - {{user: bob, timeout: 60s}}
"
    );
    let rfc3339 = |t: &Value| {
        time::OffsetDateTime::parse(&s(t), &time::format_description::well_known::Rfc3339).unwrap()
    };
    let baton = start(&routing).await;
    let bot = baton.register("bot", "ai").await;
    let _alice = Desk::login(&baton, "alice").await;
    let _bob = Desk::login(&baton, "bob").await;
    let id = trigger(&baton, &bot).await;
    let before = until_offers(&baton, &id, "alice's offer", |o| o.len() == 1).await;
    let deadline = rfc3339(&before[0]["deadline"]);

    // Down until half the timeout is left: a timer armed afresh at the restart would
    // fire 4 s after the deadline.
    let data = baton.kill9().await;
    let left = deadline - time::Duration::seconds(4) - time::OffsetDateTime::now_utc();
    tokio::time::sleep(left.try_into().unwrap_or_default()).await;
    let path = data
        .path()
        .join("routing.yaml")
        .to_str()
        .unwrap()
        .to_owned();
    let baton = Baton::start_with(data, &[("BATON_ROUTING", &path)]).await;
    let after = offers(&baton, &id).await;
    assert_eq!(after.len(), 1);
    assert_eq!(
        after[0]["state"], "pending",
        "the offer is still open after the restart"
    );
    assert_eq!(
        rfc3339(&after[0]["deadline"]),
        deadline,
        "with the same deadline"
    );
    // It expires at that deadline and moves on, as it would have without the restart:
    // not before the deadline, and well before a fresh timer would have fired.
    let o = until_offers(&baton, &id, "the timeout after the restart", |o| {
        o.len() == 2
    })
    .await;
    assert_eq!(o[0]["state"], "timed_out");
    assert_eq!(o[1]["state"], "pending");
    let moved_on = rfc3339(&o[1]["created_at"]);
    assert!(
        moved_on >= deadline,
        "moved on at {moved_on}, before the deadline {deadline}"
    );
    assert!(
        moved_on < deadline + time::Duration::seconds(2),
        "moved on at {moved_on}, long after the deadline {deadline}"
    );
}

#[tokio::test]
async fn stepping_away_withdraws_a_pending_offer_and_it_moves_on_at_once() {
    let baton = start(TWO_USERS).await;
    let bot = baton.register("bot", "ai").await;
    let alice = Desk::login(&baton, "alice").await;
    let bob = Desk::login(&baton, "bob").await;
    let id = trigger(&baton, &bot).await;
    let first = until_offers(&baton, &id, "a first offer", |o| o.len() == 1).await;
    let (first_desk, other) = if alice.list(&baton).await.contains(&(id.clone(), true)) {
        (&alice, &bob)
    } else {
        (&bob, &alice)
    };
    let (st, _) = first_desk
        .post(&baton, "/desk/api/presence", json!({"presence": "away"}))
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let o = until_offers(&baton, &id, "the offer to the other user", |o| o.len() == 2).await;
    assert_eq!(o[0]["state"], "rescinded");
    assert_eq!(o[0]["receiver"], first[0]["receiver"]);
    assert_eq!(o[1]["state"], "pending");
    assert!(other.list(&baton).await.contains(&(id.clone(), true)));
}

#[tokio::test]
async fn a_user_removed_from_the_routing_file_can_no_longer_sign_in_or_see_work() {
    let baton = start(TWO_USERS).await;
    let bot = baton.register("bot", "ai").await;
    let bob = Desk::login(&baton, "bob").await;
    let id = trigger(&baton, &bot).await;
    until_offers(&baton, &id, "an offer to bob", |o| o.len() == 1).await;
    let (_, data) = baton.terminate().await;
    let path = data.path().join("routing.yaml");
    let kept = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.contains("username: bob"))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&path, kept).unwrap();
    let path = path.to_str().unwrap().to_owned();
    let baton = Baton::start_with(data, &[("BATON_ROUTING", &path)]).await;
    let res = baton
        .http
        .post(format!("{}/desk/api/login", baton.url))
        .json(&json!({"username": "bob", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let o = offers(&baton, &id).await;
    assert_eq!(
        o[0]["state"], "rescinded",
        "bob's pending offer was withdrawn"
    );
    let (st, _) = bob.get(&baton, "/desk/api/me").await;
    assert_eq!(
        st,
        StatusCode::UNAUTHORIZED,
        "the session from before is over"
    );
}

#[tokio::test]
async fn repeated_wrong_passwords_lock_the_username_for_a_while() {
    let baton = start(TWO_USERS).await;
    let login = |password: &'static str| {
        baton
            .http
            .post(format!("{}/desk/api/login", baton.url))
            .json(&json!({"username": "alice", "password": password}))
            .send()
    };
    for _ in 0..5 {
        assert_eq!(
            login("guess").await.unwrap().status(),
            StatusCode::UNAUTHORIZED
        );
    }
    let res = login(PASSWORD).await.unwrap();
    assert_eq!(
        res.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    let v: Value = res.json().await.unwrap();
    assert!(s(&v["detail"]).contains("try again in"), "{v}");
    // Other users are not locked out.
    let _bob = Desk::login(&baton, "bob").await;
}

#[tokio::test]
async fn the_desk_feed_needs_a_session_and_refuses_other_sites() {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;
    use tokio_tungstenite::tungstenite::http::HeaderValue;

    let baton = start(TWO_USERS).await;
    let alice = Desk::login(&baton, "alice").await;
    let ws_url = format!("{}/desk/ws", baton.url.replacen("http", "ws", 1));
    let host = baton.url.trim_start_matches("http://").to_owned();
    let attempt = |cookie: Option<&str>, origin: Option<&str>| {
        let mut req = ws_url.as_str().into_client_request().unwrap();
        if let Some(c) = cookie {
            req.headers_mut()
                .insert("cookie", HeaderValue::from_str(c).unwrap());
        }
        if let Some(o) = origin {
            req.headers_mut()
                .insert("origin", HeaderValue::from_str(o).unwrap());
        }
        tokio_tungstenite::connect_async(req)
    };
    let status = |r: Result<_, tokio_tungstenite::tungstenite::Error>| match r {
        Err(tokio_tungstenite::tungstenite::Error::Http(res)) => res.status().as_u16(),
        Err(e) => panic!("{e}"),
        Ok(_) => 101,
    };
    assert_eq!(status(attempt(None, None).await), 401, "no session");
    assert_eq!(
        status(attempt(Some("baton_desk=forged"), None).await),
        401,
        "a forged session"
    );
    assert_eq!(
        status(attempt(Some(&alice.cookie), Some("http://evil.example")).await),
        403,
        "another site's page"
    );
    let origin = format!("http://{host}");
    let (mut ws, _) = attempt(Some(&alice.cookie), Some(&origin)).await.unwrap();
    use futures_util::StreamExt as _;
    let first = tokio::time::timeout(Duration::from_secs(5), ws.next())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let v: Value = serde_json::from_str(first.to_text().unwrap()).unwrap();
    assert_eq!(v["type"], "snapshot");
    assert!(v["items"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn the_receiver_who_took_it_corrects_the_summary_and_data_and_others_cannot() {
    let baton = start(TWO_USERS).await;
    let bot = baton.register("bot", "ai").await;
    let alice = Desk::login(&baton, "alice").await;
    let bob = Desk::login(&baton, "bob").await;
    let id = trigger(&baton, &bot).await;
    until_offers(&baton, &id, "an offer", |o| o.len() == 1).await;
    let edit =
        json!({"summary": "Wants a refund for order 7; already verified.", "data": {"order": "7"}});
    let path = format!("/desk/api/handoffs/{id}/edit");
    // Listed for both, taken by neither: nobody corrects it yet.
    let (st, v) = bob.post(&baton, &path, edit.clone()).await;
    assert_eq!(st, StatusCode::CONFLICT, "{v}");
    let (st, _) = alice.accept(&baton, &id).await;
    assert_eq!(st, StatusCode::OK);
    let (st, _) = bob.post(&baton, &path, edit.clone()).await;
    assert_eq!(st, StatusCode::NOT_FOUND, "bob no longer sees it");
    let (st, v) = alice.post(&baton, &path, json!({})).await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (st, v) = alice.post(&baton, &path, edit).await;
    assert_eq!(st, StatusCode::NO_CONTENT, "{v}");
    let (st, v) = alice.get(&baton, &format!("/desk/api/handoffs/{id}")).await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(
        v["context"]["summary"]["text"],
        "Wants a refund for order 7; already verified."
    );
    assert_eq!(v["context"]["summary"]["by"], "human");
    assert_eq!(v["context"]["customer"]["data"]["order"], "7");
    // The correction is kept for tuning.
    let (_, fb) = baton
        .get(&format!("/v1/handoffs/{id}/feedback"), ADMIN)
        .await;
    assert!(
        fb["feedback"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["body"]["kind"] == "edit"),
        "{fb}"
    );
}

#[tokio::test]
async fn whoever_declined_a_handoff_is_not_offered_it_again_at_a_later_stop() {
    let baton = start(&format!(
        "{TWO_USERS}
filters:
  - name: alice-then-the-queue
    targets:
    - {{user: alice, timeout: 60s}}
    - {{queue: support, timeout: 60s}}
"
    ))
    .await;
    let bot = baton.register("bot", "ai").await;
    let alice = Desk::login(&baton, "alice").await;
    let bob = Desk::login(&baton, "bob").await;
    let id = trigger(&baton, &bot).await;
    until_offers(&baton, &id, "alice's offer", |o| o.len() == 1).await;
    let (st, _) = alice
        .post(
            &baton,
            &format!("/desk/api/handoffs/{id}/reject"),
            json!({"reason": "not my area"}),
        )
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    // The queue's stop offers it to bob only: alice, who is in the queue too, just said no.
    let o = until_offers(&baton, &id, "bob's offer", |o| o.len() == 2).await;
    assert_eq!(o[1]["state"], "pending", "{o:?}");
    assert!(bob.list(&baton).await.contains(&(id.clone(), true)));
    // Alice still sees it in her queue (she may change her mind), marked as passed on,
    // and without an offer to her.
    let (st, v) = alice.get(&baton, "/desk/api/handoffs").await;
    assert_eq!(st, StatusCode::OK, "{v}");
    let card = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id.as_str())
        .cloned()
        .unwrap_or_else(|| panic!("alice's list lacks the handoff: {v}"));
    assert_eq!(card["passed"], true, "{card}");
    assert!(card["offer"].is_null(), "{card}");

    // Bob declines too: everyone at the queue's stop passed, so it moves on at once
    // (to the failsafe queue) rather than back to alice.
    let (st, _) = bob
        .post(
            &baton,
            &format!("/desk/api/handoffs/{id}/reject"),
            json!({"reason": "busy"}),
        )
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let start = std::time::Instant::now();
    let h = loop {
        let h = handoff(&baton, &id).await;
        if h["state"] == "failed" || start.elapsed() > Duration::from_secs(10) {
            break h;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(h["state"], "failed", "{h}");
    let (_, v) = baton.get(&format!("/v1/handoffs/{id}/offers"), ADMIN).await;
    let receivers: Vec<_> = v["offers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["state"].clone())
        .collect();
    assert_eq!(receivers.len(), 2, "alice was offered it again: {v}");
}
