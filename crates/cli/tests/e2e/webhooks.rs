//! Signed webhooks, verified by the reference Standard Webhooks library, through
//! rotation, receiver outages, flaky receivers, a killed Baton and a locked database.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::harness::{ADMIN, Agent, Baton, Outcome, account_for_kill, s, until_mid_write};
use crate::receiver::{Receiver, VERIFY_TAMPERED, deduplicated};

const ALL_EVENTS: [&str; 3] = ["handoff.requested", "handoff.accepted", "handoff.resolved"];

fn env(timeout: &str) -> Vec<(&'static str, String)> {
    vec![
        ("BATON_ALLOW_PRIVATE_WEBHOOKS", "true".into()),
        ("BATON_WEBHOOK_RETRY_SCALE", "0.002".into()),
        ("BATON_WEBHOOK_TIMEOUT", timeout.into()),
    ]
}

async fn start(timeout: &str) -> Baton {
    let vars = env(timeout);
    let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Baton::start_with(tempfile::tempdir().unwrap(), &vars).await
}

async fn subscribe(baton: &Baton, url: &str) -> (String, String) {
    let (st, v) = baton
        .post(
            "/v1/webhooks",
            ADMIN,
            &json!({"url": url, "events": ALL_EVENTS}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    let secret = s(&v["secret"]);
    assert!(secret.starts_with("whsec_"));
    (s(&v["id"]), secret)
}

/// request → accept → resolve; returns the handoff id.
async fn lifecycle(baton: &Baton, bot: &Agent, desk: &Agent) -> String {
    let conv = baton.conversation(bot).await;
    let h = baton.handoff(bot, &conv).await;
    let (st, v) = baton
        .post(
            &format!("/v1/handoffs/{h}/accept"),
            &desk.secret,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    let (st, v) = baton
        .post(
            &format!("/v1/handoffs/{h}/resolve"),
            &desk.secret,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    h
}

/// Each handoff's events, as a deduplicating receiver saw them, in arrival order.
fn per_handoff(msgs: &[Value]) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for m in deduplicated(msgs) {
        out.entry(s(&m["data"]["handoff_id"]))
            .or_default()
            .push(s(&m["type"]));
    }
    out
}

fn assert_complete_and_ordered(msgs: &[Value], handoffs: &[String]) {
    let seen = per_handoff(msgs);
    for h in handoffs {
        assert_eq!(
            seen.get(h).map(Vec::as_slice),
            Some(&ALL_EVENTS.map(str::to_owned)[..]),
            "handoff {h}"
        );
    }
    // No event arrived under two different webhook-ids.
    let mut events = HashSet::new();
    for m in deduplicated(msgs) {
        assert!(
            events.insert((s(&m["data"]["handoff_id"]), s(&m["type"]))),
            "duplicate event {m}"
        );
    }
}

fn all_arrived(handoffs: &[String]) -> impl Fn(&[Value]) -> bool + '_ {
    move |msgs| {
        let seen = per_handoff(msgs);
        handoffs
            .iter()
            .all(|h| seen.get(h).is_some_and(|e| e.len() >= ALL_EVENTS.len()))
    }
}

/// Baton's records of its deliveries in `state` (newest first).
async fn deliveries(baton: &Baton, state: &str) -> Vec<Value> {
    let (st, v) = baton
        .get(&format!("/v1/deliveries?state={state}&limit=1000"), ADMIN)
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    v["deliveries"].as_array().unwrap().clone()
}

/// Waits until `done` holds for Baton's records of its deliveries in `state`.
async fn until_deliveries(
    baton: &Baton,
    state: &str,
    limit: Duration,
    what: &str,
    done: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    let start = std::time::Instant::now();
    loop {
        let d = deliveries(baton, state).await;
        if done(&d) {
            return d;
        }
        assert!(
            start.elapsed() < limit,
            "timed out after {limit:?} waiting for {what}: {} deliveries, the newest {:?}",
            d.len(),
            &d[..d.len().min(3)]
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// No attempt the receiver saw was refused for its signature.
fn none_rejected(receiver: &Receiver) {
    let attempts = receiver.attempts();
    assert!(
        attempts.iter().all(|a| a.get("rejected").is_none()),
        "every message verified: {attempts:?}"
    );
}

#[tokio::test]
async fn webhooks_verify_with_the_reference_library_through_a_secret_rotation() {
    let receiver = Receiver::start(&[]).await;
    let baton = start("2").await;
    let bot = baton.register("bot", "ai").await;
    let desk = baton.register("desk", "human").await;
    let (id, old) = subscribe(&baton, &receiver.url()).await;
    receiver.set_secrets(&[&old]);
    let first = lifecycle(&baton, &bot, &desk).await;
    let msgs = receiver
        .wait_for(
            Duration::from_secs(20),
            "first events",
            all_arrived(std::slice::from_ref(&first)),
        )
        .await;
    none_rejected(&receiver);
    let m = &msgs[0];
    assert!(s(&m["id"]).starts_with("msg_"));
    assert_eq!(m["data"]["reason"], "manual");
    assert_eq!(
        m["data"]["context_path"],
        format!("/v1/handoffs/{first}/context")
    );

    // A tampered message fails the reference verifier.
    let out = std::process::Command::new("python3")
        .args([VERIFY_TAMPERED, &old, &m.to_string()])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && said.contains("tamper-detected"),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Rotate: during the overlap, a receiver that knows either secret verifies.
    let (st, v) = baton
        .post(&format!("/v1/webhooks/{id}/rotate"), ADMIN, &json!({}))
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    let new = s(&v["secret"]);
    assert_ne!(new, old);
    receiver.set_secrets(&[&new]);
    let second = lifecycle(&baton, &bot, &desk).await;
    receiver
        .wait_for(
            Duration::from_secs(20),
            "events under the new secret",
            all_arrived(std::slice::from_ref(&second)),
        )
        .await;
    receiver.set_secrets(&[&old]);
    let third = lifecycle(&baton, &bot, &desk).await;
    let msgs = receiver
        .wait_for(
            Duration::from_secs(20),
            "events under the old secret",
            all_arrived(std::slice::from_ref(&third)),
        )
        .await;
    none_rejected(&receiver);
    let sig = msgs.last().unwrap()["headers"]["webhook-signature"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        sig.split(' ').count(),
        2,
        "two signatures during rotation: {sig}"
    );
    assert_complete_and_ordered(&msgs, &[first, second, third]);

    // The worker records a delivery once the receiver has answered, just after the
    // receiver saw it: wait for the record.
    until_deliveries(
        &baton,
        "delivered",
        Duration::from_secs(10),
        "9 deliveries recorded",
        |d| d.len() == 9,
    )
    .await;
}

#[tokio::test]
async fn subscriptions_refuse_private_targets_and_unknown_events() {
    let baton = Baton::start().await;
    let (st, v) = baton
        .post(
            "/v1/webhooks",
            ADMIN,
            &json!({"url": "http://127.0.0.1:9/hook", "events": ["handoff.requested"]}),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["field"], "url");
    assert!(s(&v["detail"]).contains("BATON_ALLOW_PRIVATE_WEBHOOKS"));
    let (st, v) = baton
        .post(
            "/v1/webhooks",
            ADMIN,
            &json!({"url": "https://hooks.example.com/x", "events": ["handoff.exploded"]}),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["field"], "events[0]");
    let bot = baton.register("bot", "ai").await;
    let (st, _) = baton
        .post(
            "/v1/webhooks",
            &bot.secret,
            &json!({"url": "https://hooks.example.com/x", "events": ["handoff.requested"]}),
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_receiver_that_was_down_gets_every_event_once_and_in_order() {
    let mut receiver = Receiver::reserved(&[]);
    let baton = start("1").await;
    let bot = baton.register("bot", "ai").await;
    let desk = baton.register("desk", "human").await;
    let (_, secret) = subscribe(&baton, &receiver.url()).await;
    receiver.set_secrets(&[&secret]);
    let mut handoffs = Vec::new();
    for _ in 0..15 {
        handoffs.push(lifecycle(&baton, &bot, &desk).await);
    }
    // Down, as Baton records it: the first event of each conversation has been tried
    // and retried and could not connect; the events behind it wait their turn, untried.
    let is_down = |d: &Value| {
        d["attempts"].as_i64().unwrap() >= 2
            && d["last_error"] == "could not connect"
            && d["last_status"].is_null()
    };
    let pending = until_deliveries(
        &baton,
        "pending",
        Duration::from_secs(20),
        "failed attempts on every conversation's first event",
        |d| {
            d.len() == 45
                && d.iter()
                    .filter(|d| d["topic"] == "handoff.requested")
                    .all(is_down)
        },
    )
    .await;
    assert!(
        pending
            .iter()
            .filter(|d| d["topic"] != "handoff.requested")
            .all(|d| d["attempts"] == 0),
        "a later event went before an earlier one: {pending:?}"
    );
    let port = receiver.port;
    receiver.spawn(port).await;
    let msgs = receiver
        .wait_for(
            Duration::from_secs(60),
            "every event after the outage",
            all_arrived(&handoffs),
        )
        .await;
    assert_complete_and_ordered(&msgs, &handoffs);
    // Baton's records keep the failed attempts of the outage.
    let delivered = until_deliveries(
        &baton,
        "delivered",
        Duration::from_secs(10),
        "45 deliveries recorded",
        |d| d.len() == 45,
    )
    .await;
    for d in delivered
        .iter()
        .filter(|d| d["topic"] == "handoff.requested")
    {
        assert!(d["attempts"].as_i64().unwrap() >= 3, "{d}");
        assert_eq!(d["last_status"], 200, "{d}");
    }
}

#[tokio::test]
async fn a_flaky_receiver_gets_every_event_once_and_in_order() {
    let receiver = Receiver::start(&[
        "--fail-rate",
        "0.5",
        "--hang-rate",
        "0.1",
        "--hang-seconds",
        "1.5",
        "--max-failures",
        "3",
    ])
    .await;
    let baton = start("0.5").await;
    let bot = baton.register("bot", "ai").await;
    let desk = baton.register("desk", "human").await;
    let (_, secret) = subscribe(&baton, &receiver.url()).await;
    receiver.set_secrets(&[&secret]);
    let mut handoffs = Vec::new();
    for _ in 0..20 {
        handoffs.push(lifecycle(&baton, &bot, &desk).await);
    }
    let msgs = receiver
        .wait_for(
            Duration::from_secs(90),
            "every event despite failures",
            all_arrived(&handoffs),
        )
        .await;
    assert_complete_and_ordered(&msgs, &handoffs);
    assert!(deliveries(&baton, "dead").await.is_empty());
    // The receiver was flaky: it failed and hung on attempts, and Baton tried each of
    // those again (it counts at least every attempt the receiver saw).
    let attempts = receiver.attempts();
    let count = |f: &dyn Fn(&Value) -> bool| attempts.iter().filter(|a| f(a)).count();
    let (failed, hung) = (
        count(&|a| a["status"] == 500),
        count(&|a| a.get("hung").is_some()),
    );
    assert!(failed > 0 && hung > 0, "{failed} failed, {hung} hung");
    let delivered = until_deliveries(
        &baton,
        "delivered",
        Duration::from_secs(10),
        "60 deliveries recorded",
        |d| d.len() == 60,
    )
    .await;
    for d in &delivered {
        let seen = count(&|a| a["id"] == d["id"]);
        assert!(
            d["attempts"].as_u64().unwrap() >= seen as u64,
            "Baton recorded fewer attempts than the receiver saw: {d} vs {seen}"
        );
    }
    let retried = delivered
        .iter()
        .filter(|d| d["attempts"].as_u64().unwrap() > 1)
        .count();
    assert!(retried > 0);
}

// Several threads: the clients read their answers as they come, so a write with no
// answer at the kill was really waiting on the server.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killing_baton_mid_flight_loses_no_acknowledged_event() {
    until_mid_write(kill_among_handoffs).await;
}

/// One server killed among sixteen clients' handoff requests, restarted, and its
/// deliveries checked; how many writes were in flight at the kill.
async fn kill_among_handoffs() -> usize {
    let receiver = Receiver::start(&[]).await;
    let data = tempfile::tempdir().unwrap();
    let vars = env("2");
    let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let baton = Baton::start_with(data, &vars).await;
    let bot = baton.register("bot", "ai").await;
    let (_, secret) = subscribe(&baton, &receiver.url()).await;
    receiver.set_secrets(&[&secret]);

    // Handoffs from 16 clients writing without pause; Baton is killed among their
    // writes, once a good share is acknowledged and deliveries are under way.
    let acked = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut clients = tokio::task::JoinSet::new();
    for _ in 0..16 {
        let (http, url, secret, acked) = (
            baton.http.clone(),
            baton.url.clone(),
            bot.secret.clone(),
            acked.clone(),
        );
        clients.spawn(async move {
            // (conversation, its handoff request's outcome); the kill stops the client.
            let mut writes: Vec<(Option<String>, Outcome)> = Vec::new();
            for _ in 0..10_000 {
                let o = Outcome::of(
                    http.post(format!("{url}/v1/conversations"))
                        .bearer_auth(&secret)
                        .json(&json!({"channel": "chat"})),
                    StatusCode::CREATED,
                )
                .await;
                let Outcome::Acknowledged(conv) = &o else {
                    writes.push((None, o));
                    return writes;
                };
                let conv = s(&conv["id"]);
                let o = Outcome::of(
                    http.post(format!("{url}/v1/conversations/{conv}/handoffs"))
                        .bearer_auth(&secret)
                        .json(&json!({"reason": "manual"})),
                    StatusCode::CREATED,
                )
                .await;
                let go_on = matches!(o, Outcome::Acknowledged(_));
                writes.push((Some(conv), o));
                if !go_on {
                    return writes;
                }
                acked.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            writes
        });
    }
    let start = std::time::Instant::now();
    while acked.load(std::sync::atomic::Ordering::Relaxed) < 300 || receiver.messages().is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "300 handoffs acknowledged and deliveries under way: not within 60 s"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let (data, kill) = baton.kill9_at().await;
    let writes = clients.join_all().await;
    let outcomes: Vec<Vec<&Outcome>> = writes
        .iter()
        .map(|w| w.iter().map(|(_, o)| o).collect())
        .collect();
    let in_flight = account_for_kill(&outcomes, kill);
    let acknowledged: Vec<String> = writes
        .iter()
        .flatten()
        .filter_map(|(_, o)| match o {
            Outcome::Acknowledged(v) => Some(s(&v["id"])),
            _ => None,
        })
        .collect();
    // Handoff requests with no answer: kept whole (and then delivered) or not at all.
    let unanswered: Vec<String> = writes
        .iter()
        .flatten()
        .filter_map(|(conv, o)| match o {
            Outcome::Unanswered { .. } => conv.clone(),
            _ => None,
        })
        .collect();
    eprintln!(
        "{} handoffs acknowledged, {in_flight} writes in flight at the kill",
        acknowledged.len()
    );

    let baton = Baton::start_with(data, &vars).await;
    let mut acknowledged = acknowledged;
    for conv in &unanswered {
        let (st, v) = baton.get(&format!("/v1/conversations/{conv}"), ADMIN).await;
        assert_eq!(
            st,
            StatusCode::OK,
            "acknowledged conversation {conv} lost: {v}"
        );
        if let Some(h) = v["open_handoff"].as_str() {
            acknowledged.push(h.to_owned());
        }
    }
    let msgs = receiver
        .wait_for(
            Duration::from_secs(120),
            "every acknowledged handoff's event",
            |msgs| {
                let seen: HashSet<String> = deduplicated(msgs)
                    .iter()
                    .map(|m| s(&m["data"]["handoff_id"]))
                    .collect();
                acknowledged.iter().all(|h| seen.contains(h))
            },
        )
        .await;
    let mut events = HashSet::new();
    for m in deduplicated(&msgs) {
        assert!(
            events.insert(s(&m["data"]["handoff_id"])),
            "one webhook-id per event: {m}"
        );
    }
    // Every delivery Baton knows of ends delivered, and the receiver saw each once.
    until_deliveries(
        &baton,
        "pending",
        Duration::from_secs(10),
        "no delivery pending",
        <[Value]>::is_empty,
    )
    .await;
    let delivered = deliveries(&baton, "delivered").await.len();
    let unique = deduplicated(&receiver.messages()).len();
    assert_eq!(
        unique, delivered,
        "each delivered event reached the receiver exactly once by webhook-id"
    );
    assert!(delivered >= acknowledged.len());
    in_flight
}

#[tokio::test]
async fn a_locked_database_answers_503_and_loses_nothing_acknowledged() {
    let data = tempfile::tempdir().unwrap();
    let baton = Baton::start_with(data, &[("BATON_DB_BUSY_TIMEOUT_MS", "200")]).await;
    let bot = baton.register("bot", "ai").await;
    let conv = baton.conversation(&bot).await;
    let (st, _) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "before the lock"}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED);

    // Another process takes the write lock, as a backup tool or a stray sqlite3 shell would.
    let db = baton.data.path().join("baton.db");
    let mut locker = tokio::process::Command::new("python3")
        .args([
            "-c",
            "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); \
             c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(3)",
        ])
        .arg(&db)
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut out = tokio::io::BufReader::new(locker.stdout.take().unwrap());
    let mut line = String::new();
    tokio::io::AsyncBufReadExt::read_line(&mut out, &mut line)
        .await
        .unwrap();
    assert_eq!(line.trim(), "locked");

    let (st, v) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "during the lock"}),
        )
        .await;
    assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE, "{v}");
    assert_eq!(v["type"], "urn:baton:problem:unavailable");
    locker.wait().await.unwrap();

    let (st, _) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "after the lock"}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED);
    let (_, v) = baton
        .get(&format!("/v1/conversations/{conv}"), &bot.secret)
        .await;
    let texts: Vec<String> = v["turns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| s(&t["text"]))
        .collect();
    assert_eq!(texts, ["before the lock", "after the lock"]);
}

#[tokio::test]
async fn gone_endpoints_are_disabled_and_an_operator_can_retry_dead_deliveries() {
    let mut receiver = Receiver::start(&["--status", "410"]).await;
    let baton = start("2").await;
    let bot = baton.register("bot", "ai").await;
    let desk = baton.register("desk", "human").await;
    let (id, secret) = subscribe(&baton, &receiver.url()).await;
    receiver.set_secrets(&[&secret]);
    let h = lifecycle(&baton, &bot, &desk).await;

    // 410 Gone: the subscription is disabled and its deliveries are dead, visibly.
    let mut dead = Vec::new();
    for _ in 0..100 {
        let (_, v) = baton.get("/v1/deliveries?state=dead", ADMIN).await;
        dead = v["deliveries"].as_array().unwrap().clone();
        // The first 410 disables the endpoint; events after that are not queued for it.
        let (_, hooks) = baton.get("/v1/webhooks", ADMIN).await;
        if !dead.is_empty() && hooks["webhooks"][0]["state"] == "disabled" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(!dead.is_empty());
    assert!(dead.iter().all(|d| d["last_status"] == 410), "{dead:?}");
    let (_, v) = baton.get("/v1/webhooks", ADMIN).await;
    assert_eq!(v["webhooks"][0]["id"], id.as_str());
    assert_eq!(v["webhooks"][0]["state"], "disabled");
    let metrics = baton
        .http
        .get(format!("{}/metrics", baton.url))
        .bearer_auth(ADMIN)
        .send()
        .await
        .unwrap();
    let metrics = metrics.text().await.unwrap();
    assert!(
        metrics.contains(&format!(
            "baton_webhook_deliveries{{state=\"dead\"}} {}",
            dead.len()
        )),
        "{metrics}"
    );
    assert!(
        metrics.contains("baton_webhooks{state=\"disabled\"} 1"),
        "{metrics}"
    );

    // The endpoint is fixed; the operator retries from the command line. The
    // receiver's log still holds the attempts it answered 410: only a new attempt
    // after the retry counts.
    receiver.stop_and_respawn(&[]).await;
    receiver.set_secrets(&[&secret]);
    let oldest = dead.last().unwrap()["id"].as_str().unwrap().to_owned();
    let before = receiver.attempts();
    assert!(
        before
            .iter()
            .any(|a| a["id"] == oldest.as_str() && a["status"] == 410),
        "the first attempt was answered 410: {before:?}"
    );
    assert!(receiver.messages().is_empty(), "{before:?}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["outbox", "retry", &oldest, "--url", &baton.url])
        .env("BATON_TOKEN", ADMIN)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let attempts = receiver
        .wait_for_attempts(Duration::from_secs(20), "the retried delivery", |a| {
            a.len() > before.len()
        })
        .await;
    let retried = &attempts[before.len()];
    assert_eq!(
        retried["id"], oldest,
        "the same webhook-id as the first attempt: {retried}"
    );
    assert_eq!(retried["status"], 200, "{retried}");
    assert_eq!(retried["data"]["handoff_id"], h.as_str());
    // Baton records the retry as delivered, after its one failed attempt.
    let delivered = until_deliveries(
        &baton,
        "delivered",
        Duration::from_secs(10),
        "the retried delivery recorded",
        |d| !d.is_empty(),
    )
    .await;
    assert_eq!(delivered.len(), 1, "{delivered:?}");
    assert_eq!(delivered[0]["id"], oldest.as_str());
    assert_eq!(delivered[0]["attempts"], 2, "{delivered:?}");
    assert_eq!(delivered[0]["last_status"], 200);
    let (_, v) = baton.get("/v1/webhooks", ADMIN).await;
    assert_eq!(
        v["webhooks"][0]["state"], "active",
        "retrying re-enables the endpoint"
    );
    // A delivered delivery is not retried again.
    let (st, v) = baton
        .post(&format!("/v1/deliveries/{oldest}/retry"), ADMIN, &json!({}))
        .await;
    assert_eq!(st, StatusCode::CONFLICT, "{v}");
}

#[tokio::test]
async fn a_full_disk_answers_503_and_loses_nothing_acknowledged() {
    // The database file may not grow past 128 pages (512 KiB; the empty schema takes
    // about 60): SQLite's view of a full disk.
    let baton = Baton::start_with(
        tempfile::tempdir().unwrap(),
        &[("BATON_DB_MAX_PAGES", "128")],
    )
    .await;
    let bot = baton.register("bot", "ai").await;
    let conv = baton.conversation(&bot).await;
    let mut acknowledged = Vec::new();
    let mut refused = None;
    for i in 0..200 {
        let text = format!("turn {i}: {}", "lorem ipsum dolor sit amet ".repeat(1500));
        let (st, v) = baton
            .turn(&bot, &conv, json!({"role": "customer", "text": text}))
            .await;
        if st == StatusCode::CREATED {
            acknowledged.push(i);
        } else {
            refused = Some((st, v));
            break;
        }
    }
    let (st, v) = refused.expect("the cap is reached within 200 turns");
    assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE, "{v}");
    assert_eq!(v["type"], "urn:baton:problem:unavailable");
    assert!(!acknowledged.is_empty());
    // Reads still work, and show exactly what was acknowledged.
    let (st, v) = baton
        .get(&format!("/v1/conversations/{conv}"), &bot.secret)
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(v["turns"].as_array().unwrap().len(), acknowledged.len());

    // Space is back (no cap): everything acknowledged is there, and writes work again.
    let data = baton.kill9().await;
    let baton = Baton::start_in(data).await;
    let (_, v) = baton
        .get(&format!("/v1/conversations/{conv}"), &bot.secret)
        .await;
    let seqs: Vec<i64> = v["turns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["seq"].as_i64().unwrap())
        .collect();
    assert_eq!(seqs, (1..=acknowledged.len() as i64).collect::<Vec<_>>());
    let (st, _) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "still there?"}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED);
}

/// The webhook receivers' policy in the summary test: no digit of a card survives.
const WEBHOOK_POLICY: &str = r#"
receivers:
  webhook:
    redaction:
      cards: { keep_last: 0 }
"#;

#[tokio::test]
async fn the_event_carries_the_summary_redacted_for_the_endpoint_and_the_requesters_own_wins() {
    let receiver = Receiver::start(&[]).await;
    let data = tempfile::tempdir().unwrap();
    let receivers = data.path().join("receivers.yaml");
    std::fs::write(&receivers, WEBHOOK_POLICY).unwrap();
    let mut vars = env("2");
    vars.push(("BATON_RECEIVERS", receivers.to_str().unwrap().to_owned()));
    let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let baton = Baton::start_with(data, &vars).await;
    let bot = baton.register("bot", "ai").await;
    let (st, v) = baton
        .post(
            "/v1/webhooks",
            ADMIN,
            &json!({"url": receiver.url(), "events": ["handoff.requested"]}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    receiver.set_secrets(&[&s(&v["secret"])]);

    // The generated summary quotes the customer, card number included: the event
    // carries it with the card removed, as the `webhook` policy says.
    let generated = baton.conversation(&bot).await;
    let (st, v) = baton
        .turn(
            &bot,
            &generated,
            json!({"role": "customer", "text": "My card 4111 1111 1111 1111 was charged twice for order 88."}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    let first = baton.handoff(&bot, &generated).await;

    // The requester's own summary, through REST: it replaces the generated text in
    // the package and in the event, redacted the same way.
    let own = baton.conversation(&bot).await;
    let (st, v) = baton
        .post(
            &format!("/v1/conversations/{own}/handoffs"),
            &bot.secret,
            &json!({"reason": "manual", "destination": "support",
                    "summary": "Double charge disputed on card 4111 1111 1111 1111; refund promised."}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    let second = s(&v["id"]);
    let (st, pkg) = baton
        .get(&format!("/v1/handoffs/{second}/context"), &bot.secret)
        .await;
    assert_eq!(st, StatusCode::OK, "{pkg}");
    assert_eq!(pkg["summary"]["by"], "requester", "{pkg}");
    let text = s(&pkg["summary"]["text"]);
    assert!(text.starts_with("Double charge disputed on card"), "{text}");
    assert!(!text.contains("4111 1111 1111 1111"), "{text}");

    let msgs = receiver
        .wait_for(Duration::from_secs(20), "both requested events", |m| {
            let seen = per_handoff(m);
            seen.contains_key(&first) && seen.contains_key(&second)
        })
        .await;
    none_rejected(&receiver);
    let event = |h: &str| {
        deduplicated(&msgs)
            .into_iter()
            .find(|m| m["data"]["handoff_id"] == h)
            .unwrap()
    };
    let summary = s(&event(&first)["data"]["summary"]);
    assert!(
        summary.contains("was charged twice for order 88"),
        "{summary}"
    );
    assert!(
        !summary.contains("1111"),
        "the card reached the webhook: {summary}"
    );
    let summary = s(&event(&second)["data"]["summary"]);
    assert!(
        summary.starts_with("Double charge disputed on card"),
        "{summary}"
    );
    assert!(summary.contains("refund promised"), "{summary}");
    assert!(
        !summary.contains("1111"),
        "the card reached the webhook: {summary}"
    );

    // A summary longer than a note is refused, naming the field.
    let third = baton.conversation(&bot).await;
    let (st, v) = baton
        .post(
            &format!("/v1/conversations/{third}/handoffs"),
            &bot.secret,
            &json!({"summary": "x".repeat(4001)}),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(v.to_string().contains("summary"), "{v}");
}
