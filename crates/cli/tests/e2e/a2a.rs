//! Baton as an A2A server, driven by the official `a2a-sdk` (Python, `tests/a2a/`)
//! and by plain HTTP for the refusals.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{COOKIE, SET_COOKIE};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt as _, BufReader};

use crate::harness::{ADMIN, Baton, s};

pub(crate) fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Fails (never skips) when a Python package the interop tests need is missing.
pub(crate) fn require_python(module: &str) {
    let ok = std::process::Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "python3 cannot import `{module}`; run `bash scripts/test` once: it installs the pinned \
         a2a-sdk and mcp packages"
    );
}

const ALICE_PASSWORD: &str = "alice-a2a-correct-horse";

/// A server whose default route is the `support` queue, with Alice at the desk there.
pub(crate) async fn start_with_alice() -> Baton {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("routing.yaml");
    let yaml = format!(
        r#"failsafe: failsafe
offer_timeout: 30s
queues:
  - name: support
default:
  targets: [{{queue: support, timeout: 5m}}]
users:
  - username: alice
    name: Alice Archer
    password_hash: "{hash}"
    queues: [support]
"#,
        hash = crate::desk::hash_password(ALICE_PASSWORD).await,
    );
    std::fs::write(&path, yaml).unwrap();
    let path = path.to_str().unwrap().to_owned();
    Baton::start_with(data, &[("BATON_ROUTING", &path)]).await
}

/// Alice, signed in at the desk (session cookie and CSRF token), as the page does it.
pub(crate) struct Desk {
    cookie: String,
    csrf: String,
}

impl Desk {
    pub(crate) async fn sign_in(baton: &Baton) -> Desk {
        let res = baton
            .http
            .post(format!("{}/desk/api/login", baton.url))
            .json(&json!({"username": "alice", "password": ALICE_PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let cookie = res.headers()[SET_COOKIE]
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

    pub(crate) async fn get(&self, baton: &Baton, path: &str) -> Value {
        let res = baton
            .http
            .get(format!("{}{path}", baton.url))
            .header(COOKIE, &self.cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        res.json().await.unwrap()
    }

    pub(crate) async fn post(&self, baton: &Baton, path: &str, body: Value) -> Value {
        let res = baton
            .http
            .post(format!("{}{path}", baton.url))
            .header(COOKIE, &self.cookie)
            .header("X-CSRF-Token", &self.csrf)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = res.status();
        let v: Value = res.json().await.unwrap_or(Value::Null);
        assert!(status.is_success(), "{path}: {status} {v}");
        v
    }

    /// Takes the handoff, says `reply` to the customer and resolves it.
    pub(crate) async fn take_and_resolve(&self, baton: &Baton, handoff: &str, reply: &str) {
        self.post(
            baton,
            &format!("/desk/api/handoffs/{handoff}/read"),
            json!({}),
        )
        .await;
        self.post(
            baton,
            &format!("/desk/api/handoffs/{handoff}/accept"),
            json!({}),
        )
        .await;
        self.post(
            baton,
            &format!("/desk/api/handoffs/{handoff}/reply"),
            json!({"text": reply}),
        )
        .await;
        self.post(
            baton,
            &format!("/desk/api/handoffs/{handoff}/resolve"),
            json!({"note": "fixed"}),
        )
        .await;
    }
}

/// The audit entries whose action starts with `prefix`: (actor, action, subject, detail).
pub(crate) fn audit(baton: &Baton, prefix: &str) -> Vec<Value> {
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import sqlite3,sys,json; c=sqlite3.connect(sys.argv[1]); \
             print(json.dumps([dict(actor=a, action=b, subject=s, detail=json.loads(d)) for a,b,s,d in \
             c.execute('SELECT actor, action, subject, detail FROM audit WHERE action LIKE ? ORDER BY seq', (sys.argv[2] + '%',))]))",
        ])
        .arg(baton.data.path().join("baton.db"))
        .arg(prefix)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap()
}

async fn next_line(lines: &mut tokio::io::Lines<BufReader<tokio::process::ChildStdout>>) -> Value {
    let line = tokio::time::timeout(Duration::from_secs(60), lines.next_line())
        .await
        .expect("the A2A client said nothing for 60 s")
        .unwrap()
        .expect("the A2A client ended early; its stderr is above");
    serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"))
}

#[tokio::test]
async fn the_a2a_sdk_sees_a_person_take_over_and_resolve_the_task() {
    require_python("a2a.client");
    let baton = start_with_alice().await;
    let bot = baton.register("a2a-bot", "ai").await;
    let other = baton.register("other-bot", "ai").await;
    let desk = Desk::sign_in(&baton).await;

    let mut client = tokio::process::Command::new("python3")
        .arg(repo().join("tests/a2a/handoff.py"))
        .args(["--url", &baton.url, "--secret", &bot.secret])
        .args(["--other-secret", &other.secret])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(client.stdout.take().unwrap()).lines();

    let card = next_line(&mut lines).await;
    assert_eq!(card["step"], "card", "{card}");
    assert_eq!(card["url"], format!("{}/a2a", baton.url), "{card}");
    assert_eq!(card["binding"], "JSONRPC", "{card}");
    assert_eq!(card["version"], "1.0", "{card}");
    assert_eq!(card["streaming"], true, "{card}");
    assert_eq!(
        card["schemes"],
        json!({"batonAgentSecret": "Bearer"}),
        "{card}"
    );

    let waiting = next_line(&mut lines).await;
    assert_eq!(waiting["step"], "input-required", "{waiting}");
    let task = s(&waiting["task"]);
    assert_eq!(waiting["listed"], json!([task]), "{waiting}");

    // The task is a conversation of the bot's, with the rules' handoff in flight.
    let (st, conv) = baton
        .get(&format!("/v1/conversations/{task}"), &bot.secret)
        .await;
    assert_eq!(st, StatusCode::OK, "{conv}");
    assert_eq!(conv["channel"], "task", "{conv}");
    assert_eq!(conv["turns"][0]["role"], "customer", "{conv}");
    let handoff = s(&conv["open_handoff"]);
    let (_, h) = baton
        .get(&format!("/v1/handoffs/{handoff}"), &bot.secret)
        .await;
    assert_eq!(h["reason"], "explicit_request", "{h}");

    // Alice finds it at the desk, takes it, answers and resolves it.
    let listed = desk.get(&baton, "/desk/api/handoffs").await;
    assert!(listed.to_string().contains(&handoff), "{listed}");
    let reply = "Hello, I'm Alice from support: I've reset your account, it works again.";
    desk.take_and_resolve(&baton, &handoff, reply).await;

    let done = next_line(&mut lines).await;
    assert_eq!(done["step"], "done", "{done}");
    assert_eq!(done["task"], task.as_str(), "{done}");
    assert_eq!(done["context"], task.as_str(), "{done}");
    assert_eq!(done["state"], "TASK_STATE_COMPLETED", "{done}");
    let states: Vec<String> = done["states"].as_array().unwrap().iter().map(s).collect();
    assert_eq!(
        states.first().map(String::as_str),
        Some("TASK_STATE_INPUT_REQUIRED")
    );
    assert_eq!(
        states.last().map(String::as_str),
        Some("TASK_STATE_COMPLETED")
    );
    assert_eq!(done["status_message"], reply, "{done}");
    let history = done["history"].as_array().unwrap();
    assert_eq!(history[0]["role"], "ROLE_USER", "{done}");
    assert!(
        history
            .iter()
            .any(|m| m["role"] == "ROLE_AGENT" && m["text"] == reply && m["baton_role"] == "human"),
        "the person's reply is not an agent message on the task: {done}"
    );
    assert!(
        s(&done["cancel"]).starts_with("not-cancelable"),
        "a completed task was canceled: {done}"
    );

    let stranger = next_line(&mut lines).await;
    assert_eq!(stranger["outcome"], "not-found", "{stranger}");
    let status = tokio::time::timeout(Duration::from_secs(30), client.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success(), "the A2A client failed: {status}");
}

async fn rpc(
    baton: &Baton,
    token: Option<&str>,
    version: Option<&str>,
    body: &str,
) -> (StatusCode, Value, reqwest::header::HeaderMap) {
    let mut req = baton
        .http
        .post(format!("{}/a2a", baton.url))
        .header("content-type", "application/json")
        .body(body.to_owned());
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(v) = version {
        req = req.header("A2A-Version", v);
    }
    let res = req.send().await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let text = res.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
        headers,
    )
}

fn call(method: &str, params: Value) -> String {
    json!({"jsonrpc": "2.0", "id": "r1", "method": method, "params": params}).to_string()
}

fn send(text: &str, task: Option<&str>) -> String {
    let mut message = json!({"messageId": "m-1", "role": "ROLE_USER", "parts": [{"text": text}]});
    if let Some(t) = task {
        message["taskId"] = json!(t);
    }
    call("SendMessage", json!({"message": message}))
}

#[tokio::test]
async fn a2a_refuses_strangers_precisely_audits_it_and_speaks_json_rpc_errors() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let other = baton.register("other", "ai").await;
    let person = baton.register("pat", "human").await;

    // The card is public and carries no conversation data.
    let res = baton
        .http
        .get(format!("{}/.well-known/agent-card.json", baton.url))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let card: Value = res.json().await.unwrap();
    assert_eq!(
        card["securitySchemes"]["batonAgentSecret"]["httpAuthSecurityScheme"]["scheme"],
        "Bearer"
    );

    let v1 = Some("1.0");
    let (st, created, _) = rpc(
        &baton,
        Some(&bot.secret),
        v1,
        &send("Where is my parcel?", None),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{created}");
    let task = s(&created["result"]["task"]["id"]);
    assert_eq!(
        created["result"]["task"]["status"]["state"], "TASK_STATE_WORKING",
        "no rule fired, the AI has it: {created}"
    );
    let read = call("GetTask", json!({"id": task}));

    // No secret, a wrong one, the admin token, a person's secret: refused before any method runs.
    let (st, v, h) = rpc(&baton, None, v1, &read).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED, "{v}");
    assert_eq!(v["detail"], "no Authorization header", "{v}");
    assert!(
        h["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Bearer")
    );
    assert!(!v.to_string().contains("parcel"), "{v}");
    let forged = format!("{}x", bot.secret);
    let (st, v, _) = rpc(&baton, Some(&forged), v1, &read).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED, "{v}");
    assert_eq!(v["detail"], "the token is not valid", "{v}");
    let (st, v, _) = rpc(&baton, Some(ADMIN), v1, &read).await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{v}");
    let (st, v, _) = rpc(&baton, Some(&person.secret), v1, &read).await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{v}");
    assert!(s(&v["detail"]).contains("human agent"), "{v}");
    let refused = audit(&baton, "a2a.refused");
    assert_eq!(refused.len(), 4, "{refused:?}");
    assert_eq!(refused[0]["detail"]["status"], 401, "{refused:?}");
    assert_eq!(refused[2]["actor"], "admin", "{refused:?}");
    assert!(
        !serde_json::to_string(&refused)
            .unwrap()
            .contains(&bot.secret),
        "a secret reached the audit: {refused:?}"
    );

    // Another agent: the task does not exist for it, whether read, continued or canceled.
    for body in [
        read.clone(),
        send("let me in", Some(&task)),
        call("CancelTask", json!({"id": task})),
    ] {
        let (st, v, _) = rpc(&baton, Some(&other.secret), v1, &body).await;
        assert_eq!(st, StatusCode::OK, "{v}");
        assert_eq!(v["error"]["code"], -32001, "{v}");
        assert!(!v.to_string().contains("parcel"), "{v}");
    }
    let (_, v, _) = rpc(
        &baton,
        Some(&other.secret),
        v1,
        &call("ListTasks", json!({})),
    )
    .await;
    assert_eq!(v["result"]["tasks"], json!([]), "{v}");

    // JSON-RPC and A2A error codes, each with a message that says what to fix.
    let me = Some(bot.secret.as_str());
    let cases = [
        (v1, "{not json".to_owned(), -32700, "not JSON"),
        (
            v1,
            json!({"jsonrpc": "1.0", "id": 1, "method": "GetTask"}).to_string(),
            -32600,
            "2.0",
        ),
        (v1, call("tasks/get", json!({})), -32601, "tasks/get"),
        (v1, call("GetTask", json!({"id": 5})), -32602, "params.id"),
        (
            v1,
            call(
                "GetTask",
                json!({"id": "01a23c5d-0000-7000-8000-000000000000"}),
            ),
            -32001,
            "does not exist",
        ),
        (
            v1,
            call("CancelTask", json!({"id": task})),
            -32002,
            "no handoff in flight",
        ),
        (
            v1,
            call("CreateTaskPushNotificationConfig", json!({})),
            -32003,
            "push",
        ),
        (None, read.clone(), -32009, "A2A-Version: 1.0"),
        (Some("0.3"), read.clone(), -32009, "0.3"),
    ];
    for (version, body, code, says) in cases {
        let (st, v, _) = rpc(&baton, me, version, &body).await;
        assert_eq!(st, StatusCode::OK, "{body}: {v}");
        assert_eq!(v["error"]["code"], code, "{body}: {v}");
        assert!(s(&v["error"]["message"]).contains(says), "{body}: {v}");
    }

    // The owner reads its task; a message asking for a person turns it to input-required,
    // and then it can be canceled.
    let (_, v, _) = rpc(&baton, me, v1, &read).await;
    assert_eq!(
        v["result"]["history"][0]["parts"][0]["text"],
        "Where is my parcel?"
    );
    let (_, v, _) = rpc(
        &baton,
        me,
        v1,
        &send("I want to speak to a human", Some(&task)),
    )
    .await;
    assert_eq!(
        v["result"]["task"]["status"]["state"], "TASK_STATE_INPUT_REQUIRED",
        "{v}"
    );
    let (_, v, _) = rpc(&baton, me, v1, &call("CancelTask", json!({"id": task}))).await;
    assert_eq!(v["result"]["status"]["state"], "TASK_STATE_CANCELED", "{v}");
    let (_, h) = baton.get("/v1/handoffs?state=canceled", &bot.secret).await;
    assert_eq!(h["handoffs"].as_array().map(Vec::len), Some(1), "{h}");
}

#[tokio::test]
async fn a_subscriber_hears_the_cancel_and_the_stream_ends() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let me = Some(bot.secret.as_str());
    let (_, v, _) = rpc(
        &baton,
        me,
        Some("1.0"),
        &send("Get me a human, please", None),
    )
    .await;
    assert_eq!(
        v["result"]["task"]["status"]["state"], "TASK_STATE_INPUT_REQUIRED",
        "{v}"
    );
    let task = s(&v["result"]["task"]["id"]);

    let mut stream = baton
        .http
        .post(format!("{}/a2a", baton.url))
        .bearer_auth(&bot.secret)
        .header("A2A-Version", "1.0")
        .header("content-type", "application/json")
        .body(call("SubscribeToTask", json!({"id": task})))
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    assert!(
        stream.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream")
    );
    // The first event is the task as it stands.
    let mut seen = String::new();
    while !seen.contains("\n\n") {
        let chunk = tokio::time::timeout(Duration::from_secs(10), stream.chunk())
            .await
            .unwrap()
            .unwrap()
            .expect("the stream ended before its first event");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(
        seen.contains("\"task\"") && seen.contains("TASK_STATE_INPUT_REQUIRED"),
        "{seen}"
    );

    let (_, v, _) = rpc(
        &baton,
        me,
        Some("1.0"),
        &call("CancelTask", json!({"id": task})),
    )
    .await;
    assert_eq!(v["result"]["status"]["state"], "TASK_STATE_CANCELED", "{v}");
    // The subscriber hears it, and the stream ends there.
    while let Some(chunk) = tokio::time::timeout(Duration::from_secs(10), stream.chunk())
        .await
        .expect("the stream neither sent the cancel nor ended within 10 s")
        .unwrap()
    {
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    let events: Vec<Value> = seen
        .split("\n\n")
        .filter_map(|e| e.lines().find_map(|l| l.strip_prefix("data: ")))
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let last = events.last().unwrap();
    assert_eq!(last["id"], "r1", "{last}");
    assert_eq!(
        last["result"]["statusUpdate"]["status"]["state"], "TASK_STATE_CANCELED",
        "{seen}"
    );
    assert_eq!(
        last["result"]["statusUpdate"]["taskId"],
        task.as_str(),
        "{last}"
    );

    // A finished task cannot be subscribed to; a canceled one can be resumed by a new message.
    let (_, v, _) = rpc(
        &baton,
        me,
        Some("1.0"),
        &call("SubscribeToTask", json!({"id": task})),
    )
    .await;
    assert_eq!(v["error"]["code"], -32004, "{v}");
    let (_, v, _) = rpc(
        &baton,
        me,
        Some("1.0"),
        &send("Actually, never mind: where is my order?", Some(&task)),
    )
    .await;
    assert_eq!(
        v["result"]["task"]["status"]["state"], "TASK_STATE_WORKING",
        "{v}"
    );
}

#[tokio::test]
async fn list_tasks_counts_every_task_and_a_failed_task_stays_failed() {
    // One stop that no one works, for one second: every handoff fails.
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("routing.yaml");
    std::fs::write(
        &path,
        "failsafe: failsafe\nqueues: [{name: support}]\ndefault:\n  targets: [{queue: support, timeout: 1s}]\n",
    )
    .unwrap();
    let path = path.to_str().unwrap().to_owned();
    let baton = Baton::start_with(data, &[("BATON_ROUTING", &path)]).await;
    let bot = baton.register("bot", "ai").await;
    let me = Some(bot.secret.as_str());
    let v1 = Some("1.0");
    let mut tasks = Vec::new();
    for text in [
        "Where is my parcel?",
        "And my invoice?",
        "I want to speak to a human",
    ] {
        let (_, v, _) = rpc(&baton, me, v1, &send(text, None)).await;
        tasks.push(s(&v["result"]["task"]["id"]));
    }
    let failed = tasks[2].clone();

    // totalSize is every task the agent has, not the page.
    let (_, v, _) = rpc(&baton, me, v1, &call("ListTasks", json!({"pageSize": 1}))).await;
    assert_eq!(
        v["result"]["tasks"].as_array().map(Vec::len),
        Some(1),
        "{v}"
    );
    assert_eq!(v["result"]["totalSize"], 3, "{v}");
    assert_eq!(v["result"]["pageSize"], 1, "{v}");

    // The handoff fails when its one stop runs out: the task is failed.
    let start = std::time::Instant::now();
    loop {
        let (_, v, _) = rpc(&baton, me, v1, &call("GetTask", json!({"id": failed}))).await;
        if v["result"]["status"]["state"] == "TASK_STATE_FAILED" {
            break;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "the task never failed: {v}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let (_, v, _) = rpc(
        &baton,
        me,
        v1,
        &call(
            "ListTasks",
            json!({"pageSize": 1, "status": "TASK_STATE_FAILED"}),
        ),
    )
    .await;
    assert_eq!(v["result"]["totalSize"], 1, "{v}");
    assert_eq!(v["result"]["tasks"][0]["id"], failed.as_str(), "{v}");

    // Failed is terminal: it cannot be canceled, takes no more messages, and a
    // person taking the conversation from the failsafe queue does not revive it.
    let (_, v, _) = rpc(&baton, me, v1, &call("CancelTask", json!({"id": failed}))).await;
    assert_eq!(v["error"]["code"], -32002, "TaskNotCancelableError: {v}");
    let (_, v, _) = rpc(&baton, me, v1, &send("hello?", Some(&failed))).await;
    assert_eq!(v["error"]["code"], -32004, "UnsupportedOperationError: {v}");
    assert!(s(&v["error"]["message"]).contains("failed"), "{v}");
    let person = baton.register("pat", "human").await;
    let (_, v) = baton.get("/v1/handoffs?state=failed", ADMIN).await;
    let h = s(&v["handoffs"][0]["id"]);
    let (st, v) = baton
        .post(
            &format!("/v1/handoffs/{h}/accept"),
            &person.secret,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    let (_, v, _) = rpc(&baton, me, v1, &call("GetTask", json!({"id": failed}))).await;
    assert_eq!(v["result"]["status"]["state"], "TASK_STATE_FAILED", "{v}");
    let (_, v, _) = rpc(&baton, me, v1, &call("CancelTask", json!({"id": failed}))).await;
    assert_eq!(v["error"]["code"], -32002, "{v}");
}
