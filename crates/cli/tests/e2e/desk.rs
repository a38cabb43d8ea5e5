//! The human desk: its page in a real browser (Debian's Chromium driven by
//! `playwright-core`, see `tests/desk/desk.mjs`) and its session rules over plain HTTP.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, COOKIE, SET_COOKIE};
use serde_json::{Value, json};
use tokio::io::AsyncWriteExt as _;

use crate::harness::{ADMIN, Agent, Baton, s};

const ALICE_PASSWORD: &str = "alice-correct-horse-7";
const BOB_PASSWORD: &str = "bob-battery-staple-9";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// The browser test needs node, Debian's Chromium and playwright-core; `scripts/test`
/// installs all three. A machine without them fails here, it never passes silently.
fn require_browser_tools() {
    let install = "run `bash scripts/test` once: it installs Debian's chromium and \
                   `npm ci --prefix tests/desk`";
    let node = std::process::Command::new("node").arg("--version").output();
    assert!(
        node.is_ok_and(|o| o.status.success()),
        "node is missing; {install}"
    );
    assert!(
        Path::new("/usr/bin/chromium").exists(),
        "/usr/bin/chromium is missing; {install}"
    );
    assert!(
        repo()
            .join("tests/desk/node_modules/playwright-core")
            .exists(),
        "tests/desk/node_modules/playwright-core is missing; {install}"
    );
}

/// A PHC string from `baton desk hash-password`, which reads the password on stdin.
pub(crate) async fn hash_password(password: &str) -> String {
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["desk", "hash-password"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(password.as_bytes()).await.unwrap();
    drop(stdin);
    let out = child.wait_with_output().await.unwrap();
    assert!(
        out.status.success(),
        "baton desk hash-password failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hash = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert!(hash.starts_with("$argon2"), "not a PHC string: {hash}");
    hash
}

/// Alice on `support`, bob on `sales`; the conversations of these tests go to support.
const ROUTING: &str = r#"failsafe: failsafe
offer_timeout: 30s
queues:
  - name: support
  - name: sales
    skills: [sales]
filters:
  - name: sales-questions
    when: { intent: [sales] }
    targets: [{queue: sales, timeout: 60s}]
default:
  targets: [{queue: support, timeout: 5m}]
"#;

/// A server with `routing` and the two desk users.
async fn start_desk(routing: &str) -> Baton {
    start_desk_with(routing, "[sales]").await
}

/// A server with `routing` and the two desk users, bob in `bob_queues`.
async fn start_desk_with(routing: &str, bob_queues: &str) -> Baton {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("routing.yaml");
    let yaml = format!(
        r#"{routing}users:
  - username: alice
    name: Alice Archer
    password_hash: "{alice}"
    queues: [support]
  - username: bob
    name: Bob Baker
    password_hash: "{bob}"
    queues: {bob_queues}
    skills: [sales]
"#,
        alice = hash_password(ALICE_PASSWORD).await,
        bob = hash_password(BOB_PASSWORD).await,
    );
    std::fs::write(&path, yaml).unwrap();
    let path = path.to_str().unwrap().to_owned();
    Baton::start_with(data, &[("BATON_ROUTING", &path)]).await
}

/// An AI agent and a conversation with two turns that decide nothing, one of them
/// carrying a card number the desk must never show.
async fn conversation(baton: &Baton) -> (Agent, String) {
    let bot = baton.register("support-bot", "ai").await;
    let conv = baton.conversation(&bot).await;
    for turn in [
        json!({"role": "customer", "text": "Hello, where is my order? I paid with the card 4111 1111 1111 1111 on Monday."}),
        json!({"role": "ai", "text": "Let me look up your order.", "confidence": 0.9, "intent": "billing"}),
    ] {
        let (st, v) = baton.turn(&bot, &conv, turn).await;
        assert_eq!(st, StatusCode::CREATED, "{v}");
        assert_eq!(
            v["decision"]["handoff"], false,
            "set-up turn decided a handoff: {v}"
        );
    }
    (bot, conv)
}

/// Runs a scenario of `tests/desk` against `baton`; its result line.
async fn browser(script: &str, baton: &Baton, bot: &Agent, conv: &str) -> Value {
    let root = repo();
    let shots = root.join("target/desk-screenshots");
    let node = tokio::process::Command::new("node")
        .arg(format!("tests/desk/{script}"))
        .current_dir(&root)
        .env("BATON_URL", &baton.url)
        .env("AI_SECRET", &bot.secret)
        .env("CONVERSATION_ID", conv)
        .env("ALICE_PASSWORD", ALICE_PASSWORD)
        .env("BOB_PASSWORD", BOB_PASSWORD)
        .env("SCREENSHOT_DIR", &shots)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("start node");
    let out = tokio::time::timeout(Duration::from_secs(150), node.wait_with_output())
        .await
        .expect("the browser test did not finish within 150 s")
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the browser test {script} failed (its reason is printed above; screenshots in {}).\n\
         stdout: {stdout}\nserver log, last lines:\n{}",
        shots.display(),
        server_log_tail(baton)
    );
    serde_json::from_str(stdout.lines().last().unwrap_or_default())
        .unwrap_or_else(|e| panic!("{script} printed no result line ({e}): {stdout}"))
}

/// The last lines of the server's log, to read beside a failure.
fn server_log_tail(baton: &Baton) -> String {
    let log = std::fs::read_to_string(baton.data.path().join("server.log")).unwrap_or_default();
    let lines: Vec<&str> = log.lines().collect();
    lines[lines.len().saturating_sub(60)..].join("\n")
}

#[tokio::test]
async fn a_desk_user_takes_a_handoff_in_a_real_browser_and_nobody_else_sees_it() {
    require_browser_tools();
    let baton = start_desk(ROUTING).await;
    let (bot, conv) = conversation(&baton).await;
    let result = browser("desk.mjs", &baton, &bot, &conv).await;
    let handoff = s(&result["handoff_id"]);
    println!(
        "desk: the offer reached the page in {} ms",
        result["card_ms"]
    );

    // What the browser did is what the broker recorded.
    let (st, v) = baton.get(&format!("/v1/handoffs/{handoff}"), ADMIN).await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["state"], "resolved", "{v}");
    assert_eq!(v["reason"], "explicit_request", "{v}");
    let (st, v) = baton.get(&format!("/v1/conversations/{conv}"), ADMIN).await;
    assert_eq!(st, StatusCode::OK, "{v}");
    let turns = v["turns"].as_array().unwrap();
    assert!(
        turns
            .iter()
            .any(|t| t["role"] == "human" && t["text"] == result["reply"]),
        "the reply typed on the desk is not in the conversation: {v}"
    );
}

#[tokio::test]
async fn an_offer_left_to_run_out_moves_on_live_and_the_page_shows_its_user_away() {
    require_browser_tools();
    let baton = start_desk(
        r#"failsafe: failsafe
queues:
  - name: support
  - name: sales
filters:
  - name: alice-then-bob
    targets:
    - {user: alice, timeout: 2s}
    - {user: bob, timeout: 60s}
"#,
    )
    .await;
    let (bot, conv) = conversation(&baton).await;
    let result = browser("away.mjs", &baton, &bot, &conv).await;
    let handoff = s(&result["handoff_id"]);

    let (st, v) = baton
        .get(&format!("/v1/handoffs/{handoff}/offers"), ADMIN)
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    let offers = v["offers"].as_array().unwrap();
    let states: Vec<_> = offers.iter().map(|o| s(&o["state"])).collect();
    assert_eq!(states, ["timed_out", "rejected"], "{v}");
    assert_eq!(offers[1]["note"], result["reason"], "{v}");
    // Every target declined: it waits in the failsafe queue, never nowhere.
    let (_, v) = baton.get(&format!("/v1/handoffs/{handoff}"), ADMIN).await;
    assert_eq!(v["queue"], "failsafe", "{v}");
}

/// `name=value` of the session cookie set by a log-in answer.
fn session_cookie(res: &reqwest::Response) -> String {
    let set = res
        .headers()
        .get(SET_COOKIE)
        .expect("log-in sets a cookie")
        .to_str()
        .unwrap()
        .to_owned();
    let lower = set.to_ascii_lowercase();
    assert!(lower.contains("httponly"), "{set}");
    assert!(lower.contains("samesite=strict"), "{set}");
    assert!(lower.contains("path=/desk"), "{set}");
    set.split(';').next().unwrap().trim().to_owned()
}

async fn problem(res: reqwest::Response, status: StatusCode) -> Value {
    assert_eq!(res.status(), status);
    let ct = res.headers()[CONTENT_TYPE].to_str().unwrap().to_owned();
    assert!(ct.starts_with("application/problem+json"), "{ct}");
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["status"], status.as_u16(), "{v}");
    assert!(v["title"].is_string(), "{v}");
    v
}

#[tokio::test]
async fn the_desk_serves_its_page_and_refuses_a_post_without_the_csrf_token() {
    let baton = start_desk(ROUTING).await;
    let http = &baton.http;
    let url = |p: &str| format!("{}{p}", baton.url);

    // The page and its two files, exactly as in web/desk.
    let res = http.get(url("/desk")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert_eq!(
        res.text().await.unwrap(),
        include_str!("../../../../web/desk/index.html")
    );
    for (path, body) in [
        (
            "/desk/desk.js",
            include_str!("../../../../web/desk/desk.js"),
        ),
        (
            "/desk/desk.css",
            include_str!("../../../../web/desk/desk.css"),
        ),
    ] {
        let res = http.get(url(path)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(
            res.text().await.unwrap(),
            body,
            "{path} is not the file in web/desk"
        );
    }

    // No session: nothing but the log-in.
    let res = http.get(url("/desk/api/me")).send().await.unwrap();
    problem(res, StatusCode::UNAUTHORIZED).await;
    let res = http.get(url("/desk/api/handoffs")).send().await.unwrap();
    problem(res, StatusCode::UNAUTHORIZED).await;
    let res = http
        .post(url("/desk/api/login"))
        .json(&json!({"username": "alice", "password": "wrong"}))
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::UNAUTHORIZED).await;

    let res = http
        .post(url("/desk/api/login"))
        .json(&json!({"username": "alice", "password": ALICE_PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = session_cookie(&res);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["user"]["username"], "alice", "{v}");
    assert_eq!(v["user"]["name"], "Alice Archer", "{v}");
    assert_eq!(v["user"]["queues"], json!(["support"]), "{v}");
    assert_eq!(v["user"]["presence"], "online", "{v}");
    let csrf = s(&v["csrf"]);
    assert!(csrf.len() >= 16, "a guessable CSRF token: {csrf}");

    let res = http
        .get(url("/desk/api/me"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["user"]["username"], "alice", "{me}");

    // A POST with the session cookie but without the token, or with a wrong one, is refused.
    let away = json!({"presence": "away"});
    let res = http
        .post(url("/desk/api/presence"))
        .header(COOKIE, &cookie)
        .json(&away)
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::FORBIDDEN).await;
    let res = http
        .post(url("/desk/api/presence"))
        .header(COOKIE, &cookie)
        .header("X-CSRF-Token", "not-the-token")
        .json(&away)
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::FORBIDDEN).await;
    let res = http
        .post(url("/desk/api/logout"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::FORBIDDEN).await;

    // With it, the same requests go through.
    let res = http
        .post(url("/desk/api/presence"))
        .header(COOKIE, &cookie)
        .header("X-CSRF-Token", &csrf)
        .json(&away)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = http
        .get(url("/desk/api/me"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["user"]["presence"], "away", "{me}");
    let res = http
        .post(url("/desk/api/logout"))
        .header(COOKIE, &cookie)
        .header("X-CSRF-Token", &csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = http
        .get(url("/desk/api/me"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::UNAUTHORIZED).await;
}

/// Starts `baton serve` on `addr` over an existing data directory (the restart in
/// the live scenario must keep the address the page reconnects to).
async fn serve_at(data: &Path, addr: &str) -> tokio::process::Child {
    use tokio::io::AsyncBufReadExt as _;
    let log = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(data.join("server.log"))
        .unwrap();
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["serve", "--listen", addr, "--data"])
        .arg(data)
        .env("BATON_ADMIN_TOKEN", ADMIN)
        .env("BATON_ROUTING", data.join("routing.yaml"))
        .env("BATON_LOG", "debug,hyper=info,h2=info,rustls=info")
        .stdout(Stdio::piped())
        .stderr(log)
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = tokio::io::BufReader::new(child.stdout.take().unwrap()).lines();
    tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if line.starts_with("listening on ") {
                return;
            }
        }
        panic!("baton exited before listening");
    })
    .await
    .expect("baton did not restart within 30 s");
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    child
}

#[tokio::test]
async fn the_desk_is_a_live_chat_that_survives_a_restart_in_a_real_browser() {
    use tokio::io::AsyncBufReadExt as _;
    require_browser_tools();
    let baton = start_desk(ROUTING).await;
    let (bot, conv) = conversation(&baton).await;
    let url = baton.url.clone();
    let addr = url.trim_start_matches("http://").to_owned();
    let root = repo();
    let shots = root.join("target/desk-screenshots");
    println!("desk live: screenshots in {}", shots.display());
    let mut node = tokio::process::Command::new("node")
        .arg("tests/desk/live.mjs")
        .current_dir(&root)
        .env("BATON_URL", &url)
        .env("AI_SECRET", &bot.secret)
        .env("CONVERSATION_ID", &conv)
        .env("ALICE_PASSWORD", ALICE_PASSWORD)
        .env("BOB_PASSWORD", BOB_PASSWORD)
        .env("SCREENSHOT_DIR", &shots)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("start node");
    let mut stdin = node.stdin.take().unwrap();
    let mut out = tokio::io::BufReader::new(node.stdout.take().unwrap()).lines();
    let mut server = Some(baton);
    let mut restarted = None;
    let mut last = String::new();
    let posted = [
        "I am back, did the page notice?",
        "Here is the invoice number: INV-7.",
    ];
    let run = async {
        while let Some(line) = out.next_line().await.unwrap() {
            if line.contains("\"restart\"") {
                // Stop the server, start it again on the same address and data, and
                // post turns before the page has had time to reconnect.
                let (_, data) = server.take().unwrap().terminate().await;
                let child = serve_at(data.path(), &addr).await;
                let http = reqwest::Client::new();
                for text in posted {
                    let res = http
                        .post(format!("{url}/v1/conversations/{conv}/turns"))
                        .bearer_auth(&bot.secret)
                        .json(&json!({"role": "customer", "text": text}))
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(res.status(), StatusCode::CREATED);
                }
                restarted = Some((child, data));
                let answer = format!("{}\n", json!({"posted": posted}));
                stdin.write_all(answer.as_bytes()).await.unwrap();
            } else {
                last = line;
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(150), run)
        .await
        .expect("the live browser test did not finish within 150 s");
    let status = node.wait().await.unwrap();
    let log_dir = restarted
        .as_ref()
        .map(|(_, d)| d.path().to_owned())
        .or_else(|| server.as_ref().map(|b| b.data.path().to_owned()))
        .unwrap();
    let log = std::fs::read_to_string(log_dir.join("server.log")).unwrap_or_default();
    let tail: Vec<&str> = log.lines().rev().take(40).collect();
    assert!(
        status.success(),
        "the browser test live.mjs failed (its reason is printed above; screenshots in {}).\n\
         server log, last lines:\n{}",
        shots.display(),
        tail.into_iter().rev().collect::<Vec<_>>().join("\n")
    );
    let result: Value = serde_json::from_str(&last)
        .unwrap_or_else(|e| panic!("live.mjs printed no result line ({e}): {last}"));
    println!(
        "desk live: a customer turn reached the open thread in {} ms",
        result["turn_ms"]
    );
    // The two chats are held by alice, as the page showed.
    let http = reqwest::Client::new();
    for id in result["handoffs"].as_array().unwrap() {
        let v: Value = http
            .get(format!("{url}/v1/handoffs/{}", s(id)))
            .bearer_auth(ADMIN)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(v["state"] == "accepted" || v["state"] == "active", "{v}");
    }
}

/// A desk user signed in over HTTP with their live feed open.
struct FeedSession {
    cookie: String,
    csrf: String,
    ws: tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >,
}

impl FeedSession {
    async fn open(baton: &Baton, username: &str, password: &str) -> FeedSession {
        use futures_util::StreamExt as _;
        use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;
        let res = baton
            .http
            .post(format!("{}/desk/api/login", baton.url))
            .json(&json!({"username": username, "password": password}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let cookie = session_cookie(&res);
        let v: Value = res.json().await.unwrap();
        let mut request = format!("ws{}/desk/ws", baton.url.trim_start_matches("http"))
            .into_client_request()
            .unwrap();
        request
            .headers_mut()
            .insert("cookie", cookie.parse().unwrap());
        let (mut ws, _) = tokio_tungstenite::connect_async(request).await.unwrap();
        let first = ws.next().await.unwrap().unwrap();
        assert!(first.to_text().unwrap().contains("snapshot"), "{first}");
        FeedSession {
            cookie,
            csrf: s(&v["csrf"]),
            ws,
        }
    }

    /// Messages until one satisfies `done` (which is returned last).
    async fn until(&mut self, what: &str, done: impl Fn(&Value) -> bool) -> Vec<Value> {
        use futures_util::StreamExt as _;
        let mut seen = Vec::new();
        tokio::time::timeout(Duration::from_secs(10), async {
            while let Some(Ok(m)) = self.ws.next().await {
                let Ok(text) = m.to_text() else { continue };
                let Ok(v) = serde_json::from_str::<Value>(text) else {
                    continue;
                };
                let last = done(&v);
                seen.push(v);
                if last {
                    return;
                }
            }
            panic!("the feed closed while waiting for {what}");
        })
        .await
        .unwrap_or_else(|_| panic!("no {what} within 10 s; saw {seen:?}"));
        seen
    }

    async fn post(&self, baton: &Baton, path: &str) -> StatusCode {
        baton
            .http
            .post(format!("{}{path}", baton.url))
            .header(COOKIE, &self.cookie)
            .header("X-CSRF-Token", &self.csrf)
            .send()
            .await
            .unwrap()
            .status()
    }
}

#[tokio::test]
async fn turns_reach_only_the_desks_that_may_see_the_handoff_redacted_for_the_desk() {
    let baton = start_desk(ROUTING).await;
    let mut alice = FeedSession::open(&baton, "alice", ALICE_PASSWORD).await;
    let mut bob = FeedSession::open(&baton, "bob", BOB_PASSWORD).await;
    let (bot, conv) = conversation(&baton).await;
    let (st, v) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "I want to speak to a human agent now"}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    let id = s(&v["handoff_id"]);
    alice
        .until("the offer", |m| {
            m["type"] == "upsert" && m["item"]["id"] == id.as_str() && !m["item"]["offer"].is_null()
        })
        .await;
    // While it is offered, the AI's turns reach the desk it is offered to.
    let (st, v) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "ai", "text": "A colleague will take over.", "confidence": 0.4}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    let seen = alice
        .until("the AI's turn", |m| {
            m["type"] == "turn" && m["turn"]["role"] == "ai"
        })
        .await;
    let turn = seen.last().unwrap();
    assert_eq!(turn["handoff_id"], id.as_str(), "{turn}");
    assert_eq!(turn["turn"]["role"], "ai", "{turn}");
    assert_eq!(turn["turn"]["seq"], 4, "{turn}");

    assert_eq!(
        alice
            .post(&baton, &format!("/desk/api/handoffs/{id}/read"))
            .await,
        StatusCode::OK
    );
    assert_eq!(
        alice
            .post(&baton, &format!("/desk/api/handoffs/{id}/accept"))
            .await,
        StatusCode::OK
    );
    // The customer's words reach the desk holding it, redacted as in its package.
    let (st, v) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "My card is 4111 1111 1111 1111 exp 12/27, please check it"}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    let seen = alice
        .until("the customer's turn", |m| {
            m["type"] == "turn" && m["turn"]["role"] == "customer"
        })
        .await;
    let turn = &seen.last().unwrap()["turn"];
    let text = s(&turn["text"]);
    assert!(!text.contains("4111 1111"), "{turn}");
    assert!(!text.contains("12/27"), "{turn}");
    assert!(text.contains("•••• 1111"), "{turn}");
    assert_eq!(turn["hidden"], json!(["card"]), "{turn}");
    assert!(turn["sentiment"].is_number(), "{turn}");

    // The typing relay reaches it too; the AI must be able to see the conversation.
    let (st, v) = baton
        .post(
            &format!("/v1/conversations/{conv}/typing"),
            &bot.secret,
            &json!({"typing": true}),
        )
        .await;
    assert_eq!(st, StatusCode::ACCEPTED, "{v}");
    assert_eq!(v["relayed"], true, "{v}");
    alice
        .until("the typing notice", |m| {
            m["type"] == "typing" && m["handoff_id"] == id.as_str()
        })
        .await;
    let other = baton.register("other-bot", "ai").await;
    let (st, _) = baton
        .post(
            &format!("/v1/conversations/{conv}/typing"),
            &other.secret,
            &json!({"typing": true}),
        )
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);

    // Bob (sales) never heard any of it: a sales handoff reaches him after all of the
    // above went out on the same feed, and nothing before it was about alice's handoff.
    let sales = baton.conversation(&bot).await;
    for turn in [
        json!({"role": "ai", "text": "Our plans start at 10 a month.", "intent": "sales"}),
        json!({"role": "customer", "text": "I want to speak to a human agent now"}),
    ] {
        let (st, v) = baton.turn(&bot, &sales, turn).await;
        assert_eq!(st, StatusCode::CREATED, "{v}");
    }
    let seen = bob
        .until("the sales offer", |m| {
            m["type"] == "upsert" && !m["item"]["offer"].is_null()
        })
        .await;
    assert!(
        seen.iter()
            .all(|m| m["handoff_id"] != id.as_str() && m["item"]["id"] != id.as_str()),
        "bob heard of alice's handoff: {seen:?}"
    );
    // Nor may he read its turns.
    let res = baton
        .http
        .get(format!(
            "{}/desk/api/handoffs/{id}/turns?after=0",
            baton.url
        ))
        .header(COOKIE, &bob.cookie)
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::NOT_FOUND).await;
    // Alice resumes from the last turn she saw, redacted the same way.
    let res = baton
        .http
        .get(format!(
            "{}/desk/api/handoffs/{id}/turns?after=4",
            baton.url
        ))
        .header(COOKIE, &alice.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let v: Value = res.json().await.unwrap();
    let turns = v["turns"].as_array().unwrap();
    assert_eq!(turns.len(), 1, "{v}");
    assert_eq!(turns[0]["seq"], 5, "{v}");
    assert!(s(&turns[0]["text"]).contains("•••• 1111"), "{v}");
    assert_eq!(v["last_seq"], 5, "{v}");
}

#[tokio::test]
async fn once_a_desk_user_accepts_the_rest_of_the_queue_hears_no_more_of_the_conversation() {
    // Both in one queue, offered at once: each may see the handoff until one takes it.
    let routing = ROUTING.replace(
        "  - name: support\n",
        "  - name: support\n    mode: broadcast\n",
    );
    let baton = start_desk_with(&routing, "[support, sales]").await;
    let mut alice = FeedSession::open(&baton, "alice", ALICE_PASSWORD).await;
    let mut bob = FeedSession::open(&baton, "bob", BOB_PASSWORD).await;
    let (bot, conv) = conversation(&baton).await;
    let (st, v) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "I want to speak to a human agent now"}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    let id = s(&v["handoff_id"]);
    let offered = |m: &Value| m["type"] == "upsert" && m["item"]["id"] == id.as_str();
    alice.until("the offer", offered).await;
    bob.until("the offer", offered).await;
    for path in ["read", "accept"] {
        assert_eq!(
            alice
                .post(&baton, &format!("/desk/api/handoffs/{id}/{path}"))
                .await,
            StatusCode::OK
        );
    }
    // The customer writes the moment it is accepted, before the router has looked again.
    let sent = futures_util::future::join_all((0..4).map(|i| {
        baton.turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": format!("my account number is 7734-{i}, here it is")}),
        )
    }))
    .await;
    for (st, v) in &sent {
        assert_eq!(*st, StatusCode::CREATED, "{v}");
    }
    alice
        .until("the last of the customer's turns", |m| {
            m["type"] == "turn" && m["turn"]["seq"] == 7
        })
        .await;
    // Bob's list loses the handoff, and nothing the customer said after the accept
    // reached him on the way.
    let seen = bob
        .until("the handoff leaving bob's list", |m| {
            m["type"] == "remove" && m["id"] == id.as_str()
        })
        .await;
    assert!(
        seen.iter().all(|m| m["type"] != "turn"),
        "bob heard turns of a handoff alice holds: {seen:?}"
    );
}
