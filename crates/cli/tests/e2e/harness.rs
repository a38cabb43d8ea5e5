//! Starts `baton serve` as a child process and talks to it.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt as _, BufReader};
use tokio::process::{Child, Command};

pub const ADMIN: &str = "test-admin-token-0123456789abcdef";

pub struct Baton {
    child: Child,
    pub url: String,
    pub data: tempfile::TempDir,
    pub http: reqwest::Client,
}

pub struct Agent {
    pub id: String,
    pub secret: String,
}

impl Baton {
    /// A server on a fresh, empty data directory.
    pub async fn start() -> Baton {
        Self::start_in(tempfile::tempdir().expect("tempdir")).await
    }

    /// A server on an existing data directory (a restart).
    pub async fn start_in(data: tempfile::TempDir) -> Baton {
        Self::start_with(data, &[]).await
    }

    /// A server with extra environment (e.g. `BATON_ALLOW_PRIVATE_WEBHOOKS`).
    pub async fn start_with(data: tempfile::TempDir, env: &[(&str, &str)]) -> Baton {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut cmd = command(data.path());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("spawn baton");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let url = tokio::time::timeout(Duration::from_secs(30), async {
            while let Some(line) = lines.next_line().await.expect("read stdout") {
                if let Some(addr) = line.strip_prefix("listening on ") {
                    return addr.trim().to_owned();
                }
            }
            panic!("baton exited before listening");
        })
        .await
        .expect("baton did not start within 30 s");
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        let baton = Baton {
            child,
            url,
            data,
            http: reqwest::Client::new(),
        };
        baton.wait_ready().await;
        baton
    }

    /// Waits until `/readyz` answers 200, as a load balancer would before sending
    /// traffic: on a loaded test machine the rules' tables may take seconds to build.
    async fn wait_ready(&self) {
        let start = Instant::now();
        loop {
            let ready = self.http.get(format!("{}/readyz", self.url)).send().await;
            if matches!(&ready, Ok(r) if r.status() == StatusCode::OK) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(120),
                "baton was not ready within 120 s: {ready:?}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// SIGKILL: no shutdown hooks, no checkpoint.
    pub async fn kill9(self) -> tempfile::TempDir {
        self.kill9_at().await.0
    }

    /// SIGKILL, and the instant just before the signal was sent: a request that was
    /// sent before it and has no answer was in flight when the kill landed.
    pub async fn kill9_at(mut self) -> (tempfile::TempDir, Instant) {
        let at = Instant::now();
        self.child.start_kill().expect("kill");
        self.child.wait().await.expect("wait");
        (self.data, at)
    }

    /// SIGTERM, and the exit status.
    pub async fn terminate(mut self) -> (std::process::ExitStatus, tempfile::TempDir) {
        let pid = self.child.id().expect("pid");
        let status = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .expect("kill -TERM");
        assert!(status.success());
        let exit = tokio::time::timeout(Duration::from_secs(20), self.child.wait())
            .await
            .expect("baton did not stop within 20 s of SIGTERM")
            .expect("wait");
        (exit, self.data)
    }

    pub async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> (StatusCode, Value) {
        let mut req = self.http.request(method, format!("{}{path}", self.url));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(b);
        }
        let res = req.send().await.unwrap_or_else(|e| panic!("{path}: {e:?}"));
        let status = res.status();
        let text = res.text().await.expect("body");
        let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
        (status, value)
    }

    pub async fn post(&self, path: &str, token: &str, body: &Value) -> (StatusCode, Value) {
        self.call(reqwest::Method::POST, path, Some(token), Some(body))
            .await
    }

    pub async fn get(&self, path: &str, token: &str) -> (StatusCode, Value) {
        self.call(reqwest::Method::GET, path, Some(token), None)
            .await
    }

    pub async fn register(&self, name: &str, kind: &str) -> Agent {
        let (status, v) = self
            .post("/v1/agents", ADMIN, &json!({"name": name, "kind": kind}))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{v}");
        Agent {
            id: s(&v["id"]),
            secret: s(&v["secret"]),
        }
    }

    pub async fn conversation(&self, bot: &Agent) -> String {
        let (status, v) = self
            .post(
                "/v1/conversations",
                &bot.secret,
                &json!({"channel": "chat", "customer": {"id": "c-1", "name": "Ada", "data": {"plan": "pro"}}}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{v}");
        s(&v["id"])
    }

    pub async fn turn(&self, who: &Agent, conv: &str, body: Value) -> (StatusCode, Value) {
        self.post(
            &format!("/v1/conversations/{conv}/turns"),
            &who.secret,
            &body,
        )
        .await
    }

    pub async fn handoff(&self, bot: &Agent, conv: &str) -> String {
        let (status, v) = self
            .post(
                &format!("/v1/conversations/{conv}/handoffs"),
                &bot.secret,
                &json!({"reason": "manual", "destination": "support", "utterance": "One moment"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{v}");
        s(&v["id"])
    }
}

/// What became of one write sent while Baton may be killed under it.
#[derive(Debug)]
pub enum Outcome {
    /// Answered with the expected status: Baton has promised to keep it.
    Acknowledged(Value),
    /// Answered with another status: never expected in these tests, always reported.
    Refused(StatusCode, Value),
    /// No answer: the connection failed or closed before the response was read.
    Unanswered {
        sent: Instant,
        ended: Instant,
        error: String,
    },
}

impl Outcome {
    /// Sends `req` and classifies the answer; nothing is dropped silently.
    pub async fn of(req: reqwest::RequestBuilder, expect: StatusCode) -> Outcome {
        let sent = Instant::now();
        let unanswered = |e: reqwest::Error| Outcome::Unanswered {
            sent,
            ended: Instant::now(),
            error: format!("{e:?}"),
        };
        let res = match req.send().await {
            Ok(res) => res,
            Err(e) => return unanswered(e),
        };
        let status = res.status();
        let text = match res.text().await {
            Ok(t) => t,
            Err(e) => return unanswered(e),
        };
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        if status == expect {
            Outcome::Acknowledged(body)
        } else {
            Outcome::Refused(status, body)
        }
    }

    /// Whether this write was unanswered after being sent before `kill`: it was in
    /// flight when the kill landed, and may or may not have been kept.
    pub fn in_flight_at(&self, kill: Instant) -> bool {
        matches!(self, Outcome::Unanswered { sent, .. } if *sent < kill)
    }
}

/// Accounts for every write some clients sent, in order, around a kill at `kill`:
/// none was refused, none went unanswered before the kill, and every client was
/// stopped by the kill (clients stop at their first unanswered write). Returns how
/// many writes were in flight when the kill landed: none on a loaded machine that
/// answered every write before the test process ran again (see [`until_mid_write`]).
pub fn account_for_kill(clients: &[Vec<&Outcome>], kill: Instant) -> usize {
    for (client, writes) in clients.iter().enumerate() {
        for o in writes {
            match o {
                Outcome::Acknowledged(_) => {}
                Outcome::Refused(status, body) => {
                    panic!("client {client}: a write was refused with {status}: {body}")
                }
                Outcome::Unanswered { ended, error, .. } => assert!(
                    *ended >= kill,
                    "client {client}: a write went unanswered before the kill: {error}"
                ),
            }
        }
        assert!(
            matches!(writes.last(), Some(Outcome::Unanswered { .. })),
            "client {client} was not stopped by the kill: its last write was {:?}",
            writes.last()
        );
    }
    clients
        .iter()
        .flatten()
        .filter(|o| o.in_flight_at(kill))
        .count()
}

/// Runs `attempt` (a kill among writes, checked, returning how many writes were in
/// flight at the kill) until a kill lands mid-write. A kill between writes loses
/// nothing by construction and proves nothing; on a loaded machine the writes may
/// all have been answered before the kill, so a few attempts are allowed.
pub async fn until_mid_write<F, Fut>(mut attempt: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = usize>,
{
    const ATTEMPTS: usize = 5;
    for n in 1..=ATTEMPTS {
        if attempt().await > 0 {
            return;
        }
        eprintln!("attempt {n}: no write was in flight when the kill landed; again");
    }
    panic!("in {ATTEMPTS} attempts the kill never landed while a write was in flight");
}

fn command(data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_baton"));
    cmd.args(["serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(data)
        .env("BATON_ADMIN_TOKEN", ADMIN)
        .env(
            "BATON_LOG",
            std::env::var("TEST_BATON_LOG")
                .unwrap_or_else(|_| "debug,hyper=info,h2=info,rustls=info".into()),
        )
        .stdout(Stdio::piped())
        .stderr(server_log(data))
        .kill_on_drop(true);
    cmd
}

/// The server's log, kept in its data directory so tests can read it.
fn server_log(data: &Path) -> Stdio {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(data.join("server.log"))
        .map(Stdio::from)
        .unwrap_or_else(|_| Stdio::inherit())
}

/// A JSON string value, or a panic naming what was there instead.
pub fn s(v: &Value) -> String {
    v.as_str()
        .unwrap_or_else(|| panic!("expected a string, got {v}"))
        .to_owned()
}
