//! Baton to Baton with two real processes: a conversation on A is routed to an agent
//! on B (a connection, checked by a live handshake), the customer keeps writing to A,
//! B's person answers, B hands back and A's AI owns it again. And the receiving
//! side's defences: each bad request refused with its cause, audited, and no secret
//! in either server's log.

use std::future::Future;
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::harness::{ADMIN, Agent, Baton, s};

const PRIVATE_OK: (&str, &str) = ("BATON_ALLOW_PRIVATE_WEBHOOKS", "true");

/// Polls `check` until it gives a value (at most 20 s).
async fn until<T, F: Future<Output = Option<T>>>(what: &str, mut check: impl FnMut() -> F) -> T {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(v) = check().await {
            return v;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A sends to B: B with an AI agent for A to connect as and a person taking work
/// through B's API; A routing every handoff to the connection first, then `support`.
async fn pair() -> (Baton, Baton, Agent, Agent) {
    let b = Baton::start_with(tempfile::tempdir().unwrap(), &[]).await;
    let a_on_b = b.register("baton-a", "ai").await;
    let tess = b.register("tess", "human").await;
    let data = tempfile::tempdir().unwrap();
    let routing = data.path().join("routing.yaml");
    std::fs::write(
        &routing,
        "queues: [{name: support}]\ndefault:\n  targets: [{agent: tech-support-bot, timeout: 30s}, {queue: support}]\n",
    )
    .unwrap();
    let routing = routing.to_str().unwrap().to_owned();
    let a = Baton::start_with(data, &[PRIVATE_OK, ("BATON_ROUTING", &routing)]).await;
    (a, b, a_on_b, tess)
}

async fn connect(a: &Baton, b: &Baton, as_agent: &Agent) -> Value {
    let (status, v) = a
        .post(
            "/v1/connections",
            ADMIN,
            &json!({"name": "tech-support-bot", "agent_id": as_agent.id, "secret": as_agent.secret, "domain": b.url}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    v
}

async fn turns(baton: &Baton, token: &str, conv: &str) -> Vec<Value> {
    let (status, v) = baton
        .get(&format!("/v1/conversations/{conv}/turns"), token)
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    v["turns"].as_array().cloned().unwrap_or_default()
}

#[tokio::test]
async fn a_conversation_on_a_goes_to_an_agent_on_b_and_comes_back_with_bs_note() {
    let (a, b, a_on_b, tess) = pair().await;
    let conn = connect(&a, &b, &a_on_b).await;
    assert_eq!(conn["state"], "active");
    assert!(conn["verified_at"].is_string(), "{conn}");
    // A rotation to an empty or wrong secret is refused, naming the field, and the
    // working connection is kept as it was.
    for bad in ["  ", "bat_not_the_secret"] {
        let (status, v) = a
            .post(
                "/v1/connections/tech-support-bot/rotate",
                ADMIN,
                &json!({"secret": bad}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert_eq!(v["field"], "secret", "{v}");
    }
    let (status, v) = a
        .post("/v1/connections/tech-support-bot/verify", ADMIN, &json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "the stored secret still works: {v}");
    assert!(
        !conn.to_string().contains(&a_on_b.secret),
        "the secret is never shown again"
    );
    let local_agent = s(&conn["local_agent"]);

    let bot = a.register("bot", "ai").await;
    let conv = a.conversation(&bot).await;
    let (status, v) = a
        .turn(&bot, &conv, json!({"role": "customer", "text": "My router keeps dropping the connection every evening"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let (status, v) = a
        .post(
            &format!("/v1/conversations/{conv}/handoffs"),
            &bot.secret,
            &json!({"reason": "complex", "utterance": "Let me bring in our network specialists",
                "parameters": {"crm": {"tier": "gold", "plan": "fiber-500"}}}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let on_a = s(&v["id"]);

    // B stores it with the package's history and routes it with its own rules: its
    // person sees it waiting in B's default queue.
    let on_b = until("the handoff to reach B", || async {
        let (_, v) = b.get("/v1/handoffs", &tess.secret).await;
        v["handoffs"].as_array()?.first().cloned()
    })
    .await;
    let (hb, conv_b) = (s(&on_b["id"]), s(&on_b["conversation_id"]));
    let (_, offers) = a.get(&format!("/v1/handoffs/{on_a}/offers"), ADMIN).await;
    assert_eq!(
        offers["offers"][0]["receiver"],
        local_agent.as_str(),
        "{offers}"
    );
    assert_eq!(offers["offers"][0]["state"], "pending");
    let history = turns(&b, ADMIN, &conv_b).await;
    assert!(
        history.iter().any(|t| t["text"]
            .as_str()
            .unwrap_or("")
            .contains("router keeps dropping")),
        "{history:?}"
    );

    let (status, pkg) = b
        .get(&format!("/v1/handoffs/{hb}/context"), &tess.secret)
        .await;
    assert_eq!(status, StatusCode::OK, "{pkg}");
    assert_eq!(
        pkg["crm"]["plan"], "fiber-500",
        "the CRM profile travels on: {pkg}"
    );

    // B's person takes it: A's offer is accepted, and A's AI is silenced.
    let (status, v) = b
        .post(
            &format!("/v1/handoffs/{hb}/accept"),
            &tess.secret,
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    until("A to see the handoff accepted", || async {
        let (_, v) = a.get(&format!("/v1/handoffs/{on_a}"), ADMIN).await;
        (v["state"] == "accepted" && v["receiver"] == local_agent.as_str()).then_some(())
    })
    .await;
    let (status, v) = a
        .turn(
            &bot,
            &conv,
            json!({"role": "ai", "text": "Have you tried turning it off and on?"}),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "the AI may not talk over B: {v}"
    );

    // A restarts: what it follows on B is in its database, so nothing is lost.
    let (exit, data) = a.terminate().await;
    assert!(exit.success());
    let routing = data.path().join("routing.yaml");
    let routing = routing.to_str().unwrap().to_owned();
    let a = Baton::start_with(data, &[PRIVATE_OK, ("BATON_ROUTING", &routing)]).await;

    // The customer keeps writing to A; B gets it.
    let (status, v) = a
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "It is the grey one from last year"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    until("the customer's turn on B", || async {
        turns(&b, &tess.secret, &conv_b)
            .await
            .into_iter()
            .find(|t| t["role"] == "customer" && t["text"] == "It is the grey one from last year")
    })
    .await;

    // The same turn forwarded again (an answer lost on the way) is stored once.
    let seq = v["turn"]["seq"].as_i64().unwrap();
    let again = Signed {
        path: format!("/peer/v1/handoffs/{on_a}/turns"),
        body: serde_json::to_vec(&json!({"text": "It is the grey one from last year", "seq": seq}))
            .unwrap(),
        ..Signed::new(&a_on_b)
    };
    let (status, dup) = again.send(&b).await;
    assert_eq!(
        (status, &dup["duplicate"]),
        (StatusCode::OK, &json!(true)),
        "{dup}"
    );
    let copies = turns(&b, &tess.secret, &conv_b)
        .await
        .into_iter()
        .filter(|t| t["text"] == "It is the grey one from last year")
        .count();
    assert_eq!(copies, 1);

    // B's person answers; the answer comes back to A as a turn by the connection.
    let (status, v) = b
        .turn(
            &tess,
            &conv_b,
            json!({"role": "human", "text": "Please hold the reset button for ten seconds"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let reply = until("B's reply on A", || async {
        turns(&a, &bot.secret, &conv)
            .await
            .into_iter()
            .find(|t| t["text"] == "Please hold the reset button for ten seconds")
    })
    .await;
    assert_eq!(reply["role"], "human");
    assert_eq!(
        reply["author"],
        local_agent.as_str(),
        "marked as the remote instance"
    );

    // B hands back: A's AI owns it again, with B's note.
    let (status, v) = b
        .post(
            &format!("/v1/handoffs/{hb}/handback"),
            &tess.secret,
            &json!({"note": "Reset done; the line is stable now"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let back = until("A to see the hand-back", || async {
        let (_, v) = a.get(&format!("/v1/handoffs/{on_a}"), ADMIN).await;
        (v["state"] == "handed_back").then_some(v)
    })
    .await;
    assert_eq!(back["note"], "Reset done; the line is stable now");
    let (_, c) = a
        .get(&format!("/v1/conversations/{conv}"), &bot.secret)
        .await;
    assert_eq!(c["owner_kind"], "ai", "{c}");
    let (status, v) = a
        .turn(
            &bot,
            &conv,
            json!({"role": "ai", "text": "Glad that worked. Anything else?"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "the AI speaks again: {v}");

    for baton in [&a, &b] {
        let log = std::fs::read_to_string(baton.data.path().join("server.log")).unwrap();
        assert!(!log.contains(&a_on_b.secret), "a secret in a server log");
    }
}

#[tokio::test]
async fn an_agent_on_b_that_never_answers_lets_the_handoff_move_on_and_is_withdrawn() {
    let b = Baton::start_with(tempfile::tempdir().unwrap(), &[]).await;
    let a_on_b = b.register("baton-a", "ai").await;
    let data = tempfile::tempdir().unwrap();
    let routing = data.path().join("routing.yaml");
    std::fs::write(
        &routing,
        "queues: [{name: support}]\ndefault:\n  targets: [{agent: tech-support-bot, timeout: 2s}, {queue: support}]\n",
    )
    .unwrap();
    let routing = routing.to_str().unwrap().to_owned();
    let a = Baton::start_with(data, &[PRIVATE_OK, ("BATON_ROUTING", &routing)]).await;
    connect(&a, &b, &a_on_b).await;
    let bot = a.register("bot", "ai").await;
    let conv = a.conversation(&bot).await;
    let (status, v) = a
        .post(
            &format!("/v1/conversations/{conv}/handoffs"),
            &bot.secret,
            &json!({"reason": "manual"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let on_a = s(&v["id"]);
    let moved = until("the handoff to move to the next stop on A", || async {
        let (_, v) = a.get(&format!("/v1/handoffs/{on_a}"), ADMIN).await;
        (v["queue"] == "support" && v["state"] == "requested").then_some(v)
    })
    .await;
    assert_eq!(moved["receiver"], Value::Null);
    let (_, offers) = a.get(&format!("/v1/handoffs/{on_a}/offers"), ADMIN).await;
    assert_eq!(offers["offers"][0]["state"], "timed_out", "{offers}");
    until("B to withdraw its copy", || async {
        let (_, v) = b.get("/v1/handoffs", ADMIN).await;
        (v["handoffs"][0]["state"] == "canceled").then_some(())
    })
    .await;
}

/// A request signed as A's worker signs it, with parts to spoil.
struct Signed {
    agent: String,
    secret: String,
    path: String,
    id: String,
    ts: i64,
    body: Vec<u8>,
    sent_body: Option<Vec<u8>>,
}

impl Signed {
    fn new(agent: &Agent) -> Signed {
        Signed {
            agent: agent.id.clone(),
            secret: agent.secret.clone(),
            path: "/peer/v1/handshake".into(),
            id: format!("msg_{}", uuid_like()),
            ts: time::OffsetDateTime::now_utc().unix_timestamp(),
            body: br#"{"protocol":"baton.peer/v1"}"#.to_vec(),
            sent_body: None,
        }
    }

    async fn send(&self, b: &Baton) -> (StatusCode, Value) {
        let key = baton_connect::peer::signing_key(&self.secret);
        let sig = baton_connect::webhook::sign(&key, &self.id, self.ts, &self.body);
        let res = b
            .http
            .post(format!("{}{}", b.url, self.path))
            .bearer_auth(&self.secret)
            .header("baton-agent", &self.agent)
            .header("webhook-id", &self.id)
            .header("webhook-timestamp", self.ts.to_string())
            .header("webhook-signature", sig)
            .header("content-type", "application/json")
            .body(self.sent_body.clone().unwrap_or_else(|| self.body.clone()))
            .send()
            .await
            .unwrap();
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }
}

fn uuid_like() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let n = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{n:x}{:x}", std::process::id())
}

fn refused(v: &(StatusCode, Value), status: StatusCode, slug: &str, words: &str) {
    assert_eq!(v.0, status, "{}", v.1);
    assert_eq!(v.1["type"], format!("urn:baton:problem:{slug}"), "{}", v.1);
    assert!(
        v.1["detail"].as_str().unwrap_or("").contains(words),
        "{words}: {}",
        v.1
    );
}

/// The audit entries with `action`, as (subject, detail).
fn audited(baton: &Baton, action: &str) -> Vec<Value> {
    let db = rusqlite::Connection::open_with_flags(
        baton.data.path().join("baton.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let mut st = db
        .prepare("SELECT detail FROM audit WHERE action = ? ORDER BY seq")
        .unwrap();
    st.query_map([action], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|d| serde_json::from_str(&d.unwrap()).unwrap())
        .collect()
}

#[tokio::test]
async fn every_bad_request_is_refused_with_its_cause_audited_and_no_secret_is_logged() {
    let b_data = tempfile::tempdir().unwrap();
    let b = Baton::start_with(b_data, &[]).await;
    let a_on_b = b.register("baton-a", "ai").await;
    let desk = b.register("tess", "human").await;
    let a = Baton::start_with(tempfile::tempdir().unwrap(), &[PRIVATE_OK]).await;

    // Verify & save refuses, saying why, and saves nothing.
    let mut wrong = a_on_b.secret.clone();
    wrong.pop();
    wrong.push(if a_on_b.secret.ends_with('A') {
        'B'
    } else {
        'A'
    });
    let add = |agent_id: &str, secret: &str, domain: &str| json!({"name": "b", "agent_id": agent_id, "secret": secret, "domain": domain});
    let cases = [
        (add(&a_on_b.id, &wrong, &b.url), "secret", "wrong secret"),
        (
            add(
                "01900000-0000-7000-8000-000000000000",
                &a_on_b.secret,
                &b.url,
            ),
            "agent_id",
            "unknown agent ID",
        ),
        (add(&desk.id, &desk.secret, &b.url), "agent_id", "ai"),
        (
            add(
                &a_on_b.id,
                &a_on_b.secret,
                &format!("{}/nothing-here", b.url),
            ),
            "domain",
            "not a Baton peer endpoint",
        ),
        (
            add(&a_on_b.id, &a_on_b.secret, "http://127.0.0.1:9"),
            "domain",
            "unreachable",
        ),
    ];
    for (body, field, words) in &cases {
        let (status, v) = a.post("/v1/connections", ADMIN, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert_eq!(v["field"], *field, "{v}");
        assert!(
            v["detail"].as_str().unwrap().contains(words),
            "{words}: {v}"
        );
    }
    let (_, list) = a.get("/v1/connections", ADMIN).await;
    assert_eq!(list["connections"], json!([]), "nothing was saved");
    assert_eq!(audited(&a, "connection.verify_failed").len(), cases.len());

    // Without the private-address opt-in (B has none), a loopback Baton is refused.
    let (status, v) = b
        .post(
            "/v1/connections",
            ADMIN,
            &add(&a_on_b.id, &a_on_b.secret, &a.url),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["field"], "domain");
    assert!(
        v["detail"]
            .as_str()
            .unwrap()
            .contains("BATON_ALLOW_PRIVATE_WEBHOOKS"),
        "{v}"
    );

    // The receiving side, request by request.
    let ok = Signed::new(&a_on_b);
    assert_eq!(ok.send(&b).await.0, StatusCode::OK);
    refused(
        &ok.send(&b).await,
        StatusCode::CONFLICT,
        "peer-replayed",
        "already received",
    );
    let tampered = Signed {
        sent_body: Some(br#"{"protocol":"baton.peer/v2"}"#.to_vec()),
        ..Signed::new(&a_on_b)
    };
    refused(
        &tampered.send(&b).await,
        StatusCode::UNAUTHORIZED,
        "peer-bad-signature",
        "does not match the body",
    );
    let expired = Signed {
        ts: time::OffsetDateTime::now_utc().unix_timestamp() - 600,
        ..Signed::new(&a_on_b)
    };
    refused(
        &expired.send(&b).await,
        StatusCode::UNAUTHORIZED,
        "peer-stale-timestamp",
        "away from this server's clock",
    );
    let wrong_secret = Signed {
        secret: wrong.clone(),
        ..Signed::new(&a_on_b)
    };
    refused(
        &wrong_secret.send(&b).await,
        StatusCode::UNAUTHORIZED,
        "peer-wrong-secret",
        "not valid",
    );
    let unknown = Signed {
        agent: "01900000-0000-7000-8000-000000000000".into(),
        ..Signed::new(&a_on_b)
    };
    refused(
        &unknown.send(&b).await,
        StatusCode::UNAUTHORIZED,
        "peer-unknown-agent",
        "not known here",
    );

    // The replay is still refused after B restarts: the ids it saw are on disk.
    let (exit, data) = b.terminate().await;
    assert!(exit.success());
    let b = Baton::start_with(data, &[]).await;
    refused(
        &ok.send(&b).await,
        StatusCode::CONFLICT,
        "peer-replayed",
        "already received",
    );

    let whys: Vec<String> = audited(&b, "peer.refused")
        .iter()
        .map(|d| d["why"].as_str().unwrap().to_owned())
        .collect();
    for slug in [
        "peer-replayed",
        "peer-bad-signature",
        "peer-stale-timestamp",
        "peer-wrong-secret",
        "peer-unknown-agent",
    ] {
        assert!(
            whys.iter().any(|w| w == slug),
            "{slug} not audited: {whys:?}"
        );
    }
    assert_eq!(
        whys.iter().filter(|w| *w == "peer-replayed").count(),
        2,
        "{whys:?}"
    );
    // `bat_<agent id>_<random>`: the random part may itself hold '_', so it is everything
    // after the second one (a tail after the last '_' can be two letters, found by chance).
    let secret_part = a_on_b.secret.splitn(3, '_').nth(2).unwrap();
    for baton in [&a, &b] {
        let log = std::fs::read_to_string(baton.data.path().join("server.log")).unwrap();
        assert!(
            !log.contains(secret_part) && !log.contains(&wrong),
            "a secret in a server log"
        );
    }
}

/// `baton connections …` against A, the secret on stdin.
async fn cli(a: &Baton, args: &[&str], stdin: &str) -> (bool, String, String) {
    use tokio::io::AsyncWriteExt as _;
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .arg("connections")
        .args(args)
        .args(["--url", &a.url, "--token", ADMIN])
        .env_remove("BATON_CONNECTION_SECRET")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.as_bytes()).await.unwrap();
    drop(input);
    let out = child.wait_with_output().await.unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn the_cli_adds_lists_and_disables_and_a_disabled_connection_is_skipped() {
    let (a, b, a_on_b, _) = pair().await;
    let add = [
        "add",
        "tech-support-bot",
        "--agent-id",
        &a_on_b.id,
        "--domain",
        &b.url,
    ];
    let (ok, _, err) = cli(&a, &add, "bat_not_the_secret\n").await;
    assert!(
        !ok && err.contains("wrong secret") && err.contains("`secret`"),
        "{err}"
    );
    let (ok, out, err) = cli(&a, &add, &format!("{}\n", a_on_b.secret)).await;
    assert!(ok, "{err}");
    assert!(
        out.contains("tech-support-bot") && out.contains("active"),
        "{out}"
    );
    let (ok, out, _) = cli(&a, &["list"], "").await;
    assert!(ok && out.contains("1 connections"), "{out}");
    let (ok, out, _) = cli(&a, &["verify", "tech-support-bot"], "").await;
    assert!(ok && out.contains("active"), "{out}");
    let (ok, out, _) = cli(&a, &["disable", "tech-support-bot"], "").await;
    assert!(ok && out.contains("disabled"), "{out}");

    // Disabled: the agent stop is passed at once, nothing reaches B.
    let bot = a.register("bot", "ai").await;
    let conv = a.conversation(&bot).await;
    let (status, v) = a
        .post(
            &format!("/v1/conversations/{conv}/handoffs"),
            &bot.secret,
            &json!({"reason": "manual"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let on_a = s(&v["id"]);
    until("the handoff to wait in support", || async {
        let (_, v) = a.get(&format!("/v1/handoffs/{on_a}"), ADMIN).await;
        (v["queue"] == "support").then_some(())
    })
    .await;
    let (_, offers) = a.get(&format!("/v1/handoffs/{on_a}/offers"), ADMIN).await;
    assert_eq!(offers["offers"], json!([]), "{offers}");
    let (_, on_b) = b.get("/v1/handoffs", ADMIN).await;
    assert_eq!(on_b["handoffs"], json!([]), "{on_b}");
    let changes: Vec<Value> = [
        "connection.created",
        "connection.verified",
        "connection.disabled",
    ]
    .iter()
    .flat_map(|a_| audited(&a, a_))
    .collect();
    assert_eq!(changes.len(), 3, "every change audited: {changes:?}");
}

/// The A2A agent in `tests/peers/a2a_agent.py` (the official a2a-sdk's server), and its URL.
async fn a2a_agent() -> (tokio::process::Child, String) {
    use tokio::io::AsyncBufReadExt as _;
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/peers/a2a_agent.py"
    );
    let mut child = tokio::process::Command::new("python3")
        .arg(script)
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("python3 with a2a-sdk (scripts/test installs it)");
    let mut lines = tokio::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let url = tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(url) = line.strip_prefix("listening on ") {
                return url.trim().to_owned();
            }
        }
        panic!("the A2A agent exited before listening");
    })
    .await
    .expect("the A2A agent did not start within 30 s");
    (child, url)
}

#[tokio::test]
async fn an_a2a_agent_gets_the_package_its_task_is_followed_to_the_end_and_a_refusal_moves_on() {
    let (_agent, agent_url) = a2a_agent().await;
    let data = tempfile::tempdir().unwrap();
    let routing = data.path().join("routing.yaml");
    std::fs::write(
        &routing,
        "queues: [{name: support}]\ndefault:\n  targets: [{agent: network-bot, timeout: 30s}, {queue: support}]\n",
    )
    .unwrap();
    let routing = routing.to_str().unwrap().to_owned();
    let a = Baton::start_with(data, &[PRIVATE_OK, ("BATON_ROUTING", &routing)]).await;
    let (status, v) = a
        .post(
            "/v1/connections",
            ADMIN,
            &json!({"name": "network-bot", "kind": "a2a", "domain": format!("{}/nothing.json", a.url)}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(
        v["detail"]
            .as_str()
            .unwrap()
            .contains("is not an A2A agent"),
        "{v}"
    );
    let (status, conn) = a
        .post(
            "/v1/connections",
            ADMIN,
            &json!({"name": "network-bot", "kind": "a2a", "domain": agent_url}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{conn}");
    assert_eq!(conn["agent_id"], "tech-support-bot", "the card's name");
    let local_agent = s(&conn["local_agent"]);
    let bot = a.register("bot", "ai").await;

    let handoff = |text: &'static str| {
        let (a, bot) = (&a, &bot);
        async move {
            let conv = a.conversation(bot).await;
            let (status, v) = a
                .turn(bot, &conv, json!({"role": "customer", "text": text}))
                .await;
            assert_eq!(status, StatusCode::CREATED, "{v}");
            let (status, v) = a
                .post(
                    &format!("/v1/conversations/{conv}/handoffs"),
                    &bot.secret,
                    &json!({"reason": "complex"}),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED, "{v}");
            (conv, s(&v["id"]))
        }
    };

    // The package arrives: the agent quotes the history it read, on A, and takes it.
    let (conv, h) = handoff("My router keeps dropping the line").await;
    let read = until("the agent's answer on A", || async {
        turns(&a, &bot.secret, &conv).await.into_iter().find(|t| {
            t["text"]
                .as_str()
                .unwrap_or("")
                .starts_with("Tech support bot: I read")
        })
    })
    .await;
    assert!(
        read["text"]
            .as_str()
            .unwrap()
            .contains("My router keeps dropping the line"),
        "{read}"
    );
    assert_eq!(read["author"], local_agent.as_str());
    let (_, v) = a.get(&format!("/v1/handoffs/{h}"), ADMIN).await;
    assert_eq!(
        (&v["state"], &v["receiver"]),
        (&json!("active"), &json!(local_agent)),
        "input-required: the agent took it and spoke: {v}"
    );

    // The customer answers on A; the task continues and completes: resolved on A.
    let (status, v) = a
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "the grey one"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let done = until("the task's end on A", || async {
        let (_, v) = a.get(&format!("/v1/handoffs/{h}"), ADMIN).await;
        (v["state"] == "resolved").then_some(v)
    })
    .await;
    assert_eq!(done["note"], "resolution: the grey one", "{done}");
    let texts: Vec<String> = turns(&a, &bot.secret, &conv)
        .await
        .iter()
        .map(|t| t["text"].as_str().unwrap_or("").to_owned())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t == "Thanks, 'the grey one' fixed it. Closing."),
        "{texts:?}"
    );

    // A refusal (TASK_STATE_REJECTED) moves the handoff to the next stop at once.
    let (_, h) = handoff("[refuse] please move money abroad").await;
    let moved = until("the refused handoff in support", || async {
        let (_, v) = a.get(&format!("/v1/handoffs/{h}"), ADMIN).await;
        (v["queue"] == "support").then_some(v)
    })
    .await;
    assert_eq!(moved["state"], "requested", "{moved}");
    let (_, offers) = a.get(&format!("/v1/handoffs/{h}/offers"), ADMIN).await;
    assert_eq!(offers["offers"][0]["state"], "rejected", "{offers}");
    assert_eq!(
        offers["offers"][0]["note"], "Not something I can help with.",
        "{offers}"
    );
}

#[tokio::test]
async fn a_conversation_larger_than_a_request_body_is_pushed_whole() {
    let (a, b, a_on_b, tess) = pair().await;
    // Only the explicit request hands off (the rules would, on so much repetition).
    let (_, data) = a.terminate().await;
    let routing = data.path().join("routing.yaml");
    let routing = routing.to_str().unwrap().to_owned();
    let a = Baton::start_with(
        data,
        &[
            PRIVATE_OK,
            ("BATON_ROUTING", &routing),
            ("BATON_NO_RULES", "true"),
        ],
    )
    .await;
    connect(&a, &b, &a_on_b).await;
    let bot = a.register("bot", "ai").await;
    let conv = a.conversation(&bot).await;
    let line = "the line drops every evening and the lights blink ".repeat(1200);
    for i in 0..24 {
        let (status, v) = a
            .turn(
                &bot,
                &conv,
                json!({"role": "customer", "text": format!("{i}: {line}")}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{v}");
    }
    let (status, v) = a
        .post(
            &format!("/v1/conversations/{conv}/handoffs"),
            &bot.secret,
            &json!({"reason": "complex"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let on_b = until("the large handoff on B", || async {
        let (_, v) = b.get("/v1/handoffs", &tess.secret).await;
        v["handoffs"].as_array()?.first().cloned()
    })
    .await;
    let history = turns(&b, ADMIN, &s(&on_b["conversation_id"])).await;
    assert_eq!(
        history.len(),
        24,
        "every turn arrived (about 1.4 MiB of text)"
    );
}

#[tokio::test]
async fn an_a2a_agent_named_by_its_card_url_in_the_routing_file_takes_the_handoff() {
    let (_agent, agent_url) = a2a_agent().await;
    let card = format!("{agent_url}/.well-known/agent-card.json");
    let data = tempfile::tempdir().unwrap();
    let routing = data.path().join("routing.yaml");
    std::fs::write(
        &routing,
        format!(
            "queues: [{{name: support}}]\ndefault:\n  targets:\n    - {{agent: \"{card}\", timeout: 30s, bearer_env: NETWORK_BOT_TOKEN}}\n    - {{queue: support}}\n"
        ),
    )
    .unwrap();
    let routing = routing.to_str().unwrap().to_owned();

    // A plain-http card URL without the private-address opt-in is refused when the
    // file loads, naming file, line and field; so is a token variable that is not set.
    for (env, says) in [
        (vec![("NETWORK_BOT_TOKEN", "t0ken")], "is not TLS"),
        (vec![PRIVATE_OK], "NETWORK_BOT_TOKEN"),
    ] {
        let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_baton"))
            .args(["serve", "--listen", "127.0.0.1:0"])
            .env("BATON_ROUTING", &routing)
            .env("BATON_DATA", data.path())
            .env_remove("BATON_ALLOW_PRIVATE_WEBHOOKS")
            .env_remove("NETWORK_BOT_TOKEN")
            .envs(env)
            .kill_on_drop(true)
            .output()
            .await
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "serve refused the file: {err}");
        assert!(err.contains(says), "{err}");
        if says == "is not TLS" {
            assert!(
                err.contains("routing.yaml:4:") && err.contains("default.targets[0].agent"),
                "{err}"
            );
        }
    }

    let a = Baton::start_with(
        data,
        &[
            PRIVATE_OK,
            ("BATON_ROUTING", &routing),
            ("NETWORK_BOT_TOKEN", "t0ken"),
        ],
    )
    .await;
    // Kept as a connection of kind a2a, so it is listed and can be disabled.
    let (_, list) = a.get("/v1/connections", ADMIN).await;
    let conn = list["connections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "a2a")
        .cloned()
        .unwrap_or_else(|| panic!("the card agent is a connection: {list}"));
    assert!(s(&conn["name"]).starts_with("a2a-"), "{conn}");
    let local_agent = s(&conn["local_agent"]);

    let bot = a.register("bot", "ai").await;
    let conv = a.conversation(&bot).await;
    let (status, v) = a
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "My fibre box blinks red all night"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let (status, v) = a
        .post(
            &format!("/v1/conversations/{conv}/handoffs"),
            &bot.secret,
            &json!({"reason": "complex"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let h = s(&v["id"]);
    let read = until("the card agent's answer on A", || async {
        turns(&a, &bot.secret, &conv).await.into_iter().find(|t| {
            t["text"]
                .as_str()
                .unwrap_or("")
                .starts_with("Tech support bot: I read")
        })
    })
    .await;
    assert!(
        read["text"]
            .as_str()
            .unwrap()
            .contains("My fibre box blinks red all night"),
        "{read}"
    );
    assert_eq!(read["author"], local_agent.as_str());
    let (_, v) = a.get(&format!("/v1/handoffs/{h}"), ADMIN).await;
    assert_eq!(v["state"], "active", "{v}");

    // A request cannot name a card URL the routing file does not: it takes the
    // default route, and nothing is sent to that address.
    let other = a.conversation(&bot).await;
    let (status, v) = a
        .post(
            &format!("/v1/conversations/{other}/handoffs"),
            &bot.secret,
            &json!({"reason": "complex", "destination": "agent:https://elsewhere.example/card.json"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let (_, list) = a.get("/v1/connections", ADMIN).await;
    assert_eq!(
        list["connections"].as_array().unwrap().len(),
        1,
        "no connection was made for an unnamed URL: {list}"
    );
}

#[tokio::test]
async fn an_a2a_agent_that_streams_is_followed_over_its_stream() {
    use tokio::io::AsyncBufReadExt as _;
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/peers/a2a_agent.py"
    );
    let mut child = tokio::process::Command::new("python3")
        .args([script, "--streaming"])
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("python3 with a2a-sdk (scripts/test installs it)");
    let mut lines = tokio::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let agent_url = tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(url) = line.strip_prefix("listening on ") {
                return url.trim().to_owned();
            }
        }
        panic!("the A2A agent exited before listening");
    })
    .await
    .expect("the A2A agent did not start within 30 s");
    // Every JSON-RPC method the agent was called with, in order.
    let methods = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let seen = methods.clone();
    tokio::spawn(async move {
        while let Ok(Some(line)) = lines.next_line().await {
            if let Some(m) = line.strip_prefix("method ") {
                seen.lock().unwrap().push(m.to_owned());
            }
        }
    });

    let data = tempfile::tempdir().unwrap();
    let routing = data.path().join("routing.yaml");
    std::fs::write(
        &routing,
        "queues: [{name: support}]\ndefault:\n  targets: [{agent: network-bot, timeout: 30s}, {queue: support}]\n",
    )
    .unwrap();
    let routing = routing.to_str().unwrap().to_owned();
    let a = Baton::start_with(data, &[PRIVATE_OK, ("BATON_ROUTING", &routing)]).await;
    let (status, conn) = a
        .post(
            "/v1/connections",
            ADMIN,
            &json!({"name": "network-bot", "kind": "a2a", "domain": agent_url}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{conn}");
    let bot = a.register("bot", "ai").await;
    let conv = a.conversation(&bot).await;
    let (status, v) = a
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "My modem reboots every hour"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let (status, v) = a
        .post(
            &format!("/v1/conversations/{conv}/handoffs"),
            &bot.secret,
            &json!({"reason": "complex"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let h = s(&v["id"]);

    // The agent's words arrive from the stream, and it holds the handoff.
    let read = until("the streaming agent's answer on A", || async {
        turns(&a, &bot.secret, &conv).await.into_iter().find(|t| {
            t["text"]
                .as_str()
                .unwrap_or("")
                .starts_with("Tech support bot: I read")
        })
    })
    .await;
    assert!(
        read["text"]
            .as_str()
            .unwrap()
            .contains("My modem reboots every hour"),
        "{read}"
    );
    let (_, v) = a.get(&format!("/v1/handoffs/{h}"), ADMIN).await;
    assert_eq!(v["state"], "active", "{v}");

    // The customer's answer continues the task over a new stream, to its end.
    let (status, v) = a
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "the black one"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let done = until("the streamed task's end on A", || async {
        let (_, v) = a.get(&format!("/v1/handoffs/{h}"), ADMIN).await;
        (v["state"] == "resolved").then_some(v)
    })
    .await;
    assert_eq!(done["note"], "resolution: the black one", "{done}");
    let texts: Vec<String> = turns(&a, &bot.secret, &conv)
        .await
        .iter()
        .map(|t| t["text"].as_str().unwrap_or("").to_owned())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t == "Thanks, 'the black one' fixed it. Closing."),
        "{texts:?}"
    );
    let methods = methods.lock().unwrap().clone();
    assert_eq!(
        methods
            .iter()
            .filter(|m| *m == "SendStreamingMessage")
            .count(),
        2,
        "the package and the customer's answer went over streams: {methods:?}"
    );
    assert!(!methods.iter().any(|m| m == "SendMessage"), "{methods:?}");
}
