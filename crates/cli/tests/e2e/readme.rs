//! The README's "Five minutes with curl" walkthrough, pasted into a shell as written
//! against a fresh `baton serve --demo`: once with nobody at the desk, once with the
//! demo user signed in to the desk page (its offers then go to them first).

use std::process::Stdio;
use std::time::Duration;

use futures_util::StreamExt as _;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::io::AsyncBufReadExt as _;
use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;
use tokio_tungstenite::tungstenite::http::HeaderValue;

use crate::harness::ADMIN;

/// The shell block of the walkthrough: the second `sh` block of the section.
fn walkthrough() -> String {
    let readme = include_str!("../../../../README.md");
    let start = readme
        .find("## Five minutes with curl")
        .expect("README.md has no \"Five minutes with curl\" section");
    let section = &readme[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    let blocks: Vec<&str> = section
        .split("```sh\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap_or_default())
        .collect();
    assert!(
        blocks.len() >= 2,
        "the walkthrough section has {} sh blocks, expected the server's and the curl one",
        blocks.len()
    );
    blocks[1].to_owned()
}

/// A `baton serve --demo` on a fresh data directory, and what it printed.
struct Demo {
    child: tokio::process::Child,
    url: String,
    bot: String,
    desk: String,
    password: String,
    _data: tempfile::TempDir,
}

/// `secret …` in a printed line.
fn secret(line: &str) -> String {
    line.split("(secret ")
        .nth(1)
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or_else(|| panic!("no secret in {line:?}"))
        .to_owned()
}

async fn demo() -> Demo {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let data = tempfile::tempdir().unwrap();
    let log = std::fs::File::create(data.path().join("server.log")).unwrap();
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["serve", "--demo", "--listen", "127.0.0.1:0", "--data"])
        .arg(data.path())
        .env("BATON_ADMIN_TOKEN", ADMIN)
        .stdout(Stdio::piped())
        .stderr(log)
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = tokio::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let (mut url, mut bot, mut desk, mut password) = (None, None, None, None);
    tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(u) = line.strip_prefix("listening on ") {
                url = Some(u.trim().to_owned());
            } else if line.starts_with("demo AI agent:") {
                bot = Some(secret(&line));
            } else if line.starts_with("demo desk agent:") {
                desk = Some(secret(&line));
            } else if line.starts_with("demo desk login:") {
                password = line.split('`').nth(3).map(str::to_owned);
            }
            if url.is_some() && bot.is_some() && desk.is_some() && password.is_some() {
                return;
            }
        }
        panic!("baton serve --demo exited before printing its demo agents");
    })
    .await
    .expect("baton serve --demo did not start within 30 s");
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    Demo {
        child,
        url: url.unwrap(),
        bot: bot.unwrap(),
        desk: desk.unwrap(),
        password: password.unwrap(),
        _data: data,
    }
}

/// What one curl of the walkthrough answered.
#[derive(Debug)]
struct Call {
    status: u16,
    method: String,
    url: String,
}

/// Runs the block in bash with the values a reader would fill in; every curl also
/// reports its status on stderr. Returns the calls in order and the script's stdout.
async fn run(block: &str, d: &Demo) -> (Vec<Call>, String) {
    let filled: Vec<String> = block
        .lines()
        .map(|l| match l.split_once('=').map(|(k, _)| k) {
            Some("B") => format!("B={}/v1", d.url),
            Some("ADMIN") => format!("ADMIN={ADMIN}"),
            Some("BOT") => format!("BOT={}", d.bot),
            Some("DESK") => format!("DESK={}", d.desk),
            _ => l.to_owned(),
        })
        .collect();
    let script = format!(
        "set -u\ncurl() {{ command curl -w '%{{stderr}}STATUS %{{http_code}} %{{method}} %{{url_effective}}\\n' \"$@\"; }}\n{}\n",
        filled.join("\n")
    );
    let out = tokio::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .output()
        .await
        .expect("bash");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "the walkthrough failed in bash ({}):\n{stderr}\n{stdout}",
        out.status
    );
    let calls = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("STATUS "))
        .map(|l| {
            let mut p = l.splitn(3, ' ');
            Call {
                status: p.next().unwrap().parse().unwrap(),
                method: p.next().unwrap().to_owned(),
                url: p.next().unwrap_or_default().to_owned(),
            }
        })
        .collect();
    (calls, stdout)
}

/// The steps of the walkthrough and what each must answer.
const EXPECTED: &[(u16, &str, &str)] = &[
    (201, "POST", "/v1/agents"),
    (201, "POST", "/v1/conversations"),
    (201, "POST", "/turns"),
    (201, "POST", "/turns"),
    (201, "POST", "/handoffs"),
    (200, "GET", "/v1/handoffs"),
    (200, "GET", "/context"),
    (200, "POST", "/accept"),
    // The AI is refused while the human holds the conversation.
    (409, "POST", "/turns"),
    (201, "POST", "/turns"),
    (200, "POST", "/resolve"),
    (200, "GET", "/v1/conversations/"),
];

fn check(calls: &[Call], stdout: &str) -> String {
    let seen: Vec<String> = calls
        .iter()
        .map(|c| format!("{} {} {}", c.status, c.method, c.url))
        .collect();
    assert_eq!(
        calls.len(),
        EXPECTED.len(),
        "the walkthrough made other calls than expected:\n{}\n{stdout}",
        seen.join("\n")
    );
    for (i, (c, (status, method, path))) in calls.iter().zip(EXPECTED).enumerate() {
        assert!(
            c.status == *status && c.method == *method && c.url.contains(path),
            "step {} answered {} {} {}, expected {status} {method} …{path}:\n{}\n{stdout}",
            i + 1,
            c.status,
            c.method,
            c.url,
            seen.join("\n")
        );
    }
    // The handoff the walkthrough accepted, from its accept URL.
    let accept = &calls[7].url;
    accept
        .trim_end_matches("/accept")
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned()
}

async fn offers(d: &Demo, handoff: &str) -> Vec<Value> {
    let v: Value = reqwest::Client::new()
        .get(format!("{}/v1/handoffs/{handoff}/offers", d.url))
        .bearer_auth(ADMIN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["offers"].as_array().cloned().unwrap_or_default()
}

fn require_tools() {
    for tool in ["bash", "curl", "jq"] {
        let ok = std::process::Command::new(tool)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            ok,
            "{tool} is missing; the README walkthrough needs it (apt-get install {tool})"
        );
    }
}

#[tokio::test]
async fn the_readme_walkthrough_works_pasted_into_a_shell_with_nobody_at_the_desk() {
    require_tools();
    let d = demo().await;
    let (calls, stdout) = run(&walkthrough(), &d).await;
    let handoff = check(&calls, &stdout);
    // Nobody was at the desk: nothing was offered, the API agent took it from the queue.
    assert!(offers(&d, &handoff).await.is_empty(), "{stdout}");
    drop(d.child);
}

#[tokio::test]
async fn the_readme_walkthrough_works_with_the_desk_page_open() {
    require_tools();
    let d = demo().await;
    // The demo user signs in to the desk and keeps its live feed open, as the README says.
    let http = reqwest::Client::new();
    let res = http
        .post(format!("{}/desk/api/login", d.url))
        .json(&json!({"username": "demo", "password": d.password}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let mut request = format!("ws{}/desk/ws", d.url.trim_start_matches("http"))
        .into_client_request()
        .unwrap();
    request
        .headers_mut()
        .insert("cookie", HeaderValue::from_str(&cookie).unwrap());
    let (mut ws, _) = tokio_tungstenite::connect_async(request).await.unwrap();
    let first = ws.next().await.unwrap().unwrap();
    assert!(first.to_text().unwrap().contains("snapshot"), "{first}");

    let (calls, stdout) = run(&walkthrough(), &d).await;
    let handoff = check(&calls, &stdout);
    // The handoff was offered to the demo user at the desk before the API agent took it.
    let offers = offers(&d, &handoff).await;
    assert!(!offers.is_empty(), "nothing was offered to the open desk");
    drop(ws);
    drop(d.child);
}
