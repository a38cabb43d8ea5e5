//! The Python webhook receiver (tests/peers/webhook_receiver.py) as a test peer.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::io::{AsyncBufReadExt as _, BufReader};
use tokio::process::{Child, Command};

const SCRIPT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/peers/webhook_receiver.py"
);
pub const VERIFY_TAMPERED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/peers/verify_tampered.py"
);

pub struct Receiver {
    child: Option<Child>,
    pub port: u16,
    pub dir: tempfile::TempDir,
    args: Vec<String>,
}

impl Receiver {
    /// Starts a receiver on a free port with the given chaos arguments.
    pub async fn start(args: &[&str]) -> Receiver {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("secrets"), "").unwrap();
        let mut r = Receiver {
            child: None,
            port: 0,
            dir,
            args: args.iter().map(|s| s.to_string()).collect(),
        };
        r.spawn(0).await;
        r
    }

    /// A receiver that is not running yet, with a port reserved for it.
    pub fn reserved(args: &[&str]) -> Receiver {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("secrets"), "").unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        Receiver {
            child: None,
            port,
            dir,
            args: args.iter().map(|s| s.to_string()).collect(),
        }
    }

    pub async fn spawn(&mut self, port: u16) {
        let mut child = Command::new("python3")
            .arg(SCRIPT)
            .args(["--port", &port.to_string()])
            .arg("--secrets")
            .arg(self.dir.path().join("secrets"))
            .arg("--log")
            .arg(self.log_path())
            .args(&self.args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .expect("python3 with standardwebhooks (bash scripts/test installs it)");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let line = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
            .await
            .expect("receiver did not start")
            .unwrap()
            .expect("receiver exited; is `standardwebhooks` installed?");
        self.port = line
            .trim_start_matches("listening on ")
            .trim()
            .parse()
            .unwrap();
        self.child = Some(child);
    }

    /// Stops the receiver and starts it again on the same port with other arguments.
    pub async fn stop_and_respawn(&mut self, args: &[&str]) {
        if let Some(mut c) = self.child.take() {
            c.start_kill().ok();
            c.wait().await.ok();
        }
        self.args = args.iter().map(|s| s.to_string()).collect();
        let port = self.port;
        self.spawn(port).await;
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/hooks", self.port)
    }

    pub fn set_secrets(&self, secrets: &[&str]) {
        std::fs::write(self.dir.path().join("secrets"), secrets.join("\n")).unwrap();
    }

    fn log_path(&self) -> PathBuf {
        self.dir.path().join("log.jsonl")
    }

    /// Every attempt the receiver saw, in arrival order, with the status it answered
    /// (failed, hung, rejected and accepted ones alike; kept across restarts).
    pub fn attempts(&self) -> Vec<Value> {
        std::fs::read_to_string(self.log_path())
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .collect()
    }

    /// Every message the receiver accepted (verified and answered 2xx in time), in
    /// arrival order, duplicates included.
    pub fn messages(&self) -> Vec<Value> {
        self.attempts().into_iter().filter(accepted).collect()
    }

    /// Waits until `done` holds for the accepted messages, or panics after `limit`.
    pub async fn wait_for(
        &self,
        limit: Duration,
        what: &str,
        done: impl Fn(&[Value]) -> bool,
    ) -> Vec<Value> {
        self.wait(limit, what, Self::messages, done).await
    }

    /// Waits until `done` holds for every attempt seen, or panics after `limit`.
    pub async fn wait_for_attempts(
        &self,
        limit: Duration,
        what: &str,
        done: impl Fn(&[Value]) -> bool,
    ) -> Vec<Value> {
        self.wait(limit, what, Self::attempts, done).await
    }

    async fn wait(
        &self,
        limit: Duration,
        what: &str,
        read: fn(&Self) -> Vec<Value>,
        done: impl Fn(&[Value]) -> bool,
    ) -> Vec<Value> {
        let start = Instant::now();
        loop {
            let lines = read(self);
            if done(&lines) {
                return lines;
            }
            if start.elapsed() > limit {
                panic!(
                    "timed out after {limit:?} waiting for {what}; {} lines so far",
                    lines.len()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// Whether a logged attempt is one the receiver accepted.
fn accepted(attempt: &Value) -> bool {
    attempt["status"]
        .as_u64()
        .is_some_and(|s| (200..300).contains(&s))
        && attempt.get("hung").is_none()
        && attempt.get("rejected").is_none()
}

/// The first accepted arrival of each `webhook-id`, in order: what a deduplicating
/// receiver sees.
pub fn deduplicated(msgs: &[Value]) -> Vec<Value> {
    let mut seen = std::collections::HashSet::new();
    msgs.iter()
        .filter(|m| accepted(m))
        .filter(|m| seen.insert(m["id"].as_str().unwrap_or_default().to_owned()))
        .cloned()
        .collect()
}
