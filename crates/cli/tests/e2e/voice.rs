//! Voice: `handoffs.yaml`, `{{ho:name}}` references and the voice fields of a handoff
//! request, driven through the real binary.

use std::process::Command;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::harness::{ADMIN, Baton, s};

pub const HANDOFFS: &str = r#"handoffs:
  - name: billing_line
    description: Billing specialists on the phone
    is_default: true
    sip_config:
      method: refer
      phone_number: "+15551230000"
    sip_headers:
      - key: X-Queue
        value: billing
    fallback: billing_desk
  - name: billing_desk
    queue: billing
  - name: hang_up
    sip_config:
      method: bye
"#;

fn baton(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn handoffs_check_lists_the_definitions_or_names_the_mistake() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("handoffs.yaml");
    std::fs::write(&good, HANDOFFS).unwrap();
    let out = baton(&["handoffs", "check", good.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(lines[0].starts_with("{{ho:billing_line}}: cold transfer (REFER) to +15551230000"));
    assert!(lines[0].contains("the default") && lines[0].contains("X-Queue"));
    assert!(lines[0].contains("falls back to {{ho:billing_desk}}"));
    assert!(lines[1].contains("chat queue `billing`"));

    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, HANDOFFS.replace("\"+15551230000\"", "\"555 123\"")).unwrap();
    let out = baton(&["handoffs", "check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.yaml:7:7:"), "{err}");
    assert!(err.contains("handoffs[0].sip_config.phone_number"), "{err}");
    assert!(err.contains("E.164"), "{err}");
}

#[tokio::test]
async fn serve_refuses_a_rules_file_naming_an_unknown_definition() {
    let dir = tempfile::tempdir().unwrap();
    let handoffs = dir.path().join("handoffs.yaml");
    std::fs::write(&handoffs, HANDOFFS).unwrap();
    let rules = dir.path().join("rules.yaml");
    std::fs::write(
        &rules,
        "rules:\n  - name: person\n    reason: explicit_request\n    target: \"{{ho:nobody}}\"\n    when:\n      - explicit_request: {}\n",
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(data.path())
        .arg("--handoffs")
        .arg(&handoffs)
        .arg("--rules")
        .arg(&rules)
        .env("BATON_ADMIN_TOKEN", ADMIN)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("rules.yaml:4:"), "{err}");
    assert!(
        err.contains("rules[0].target") && err.contains("{{ho:nobody}}"),
        "{err}"
    );
}

async fn voice_baton(rules: Option<&str>) -> (Baton, tempfile::TempDir) {
    let files = tempfile::tempdir().unwrap();
    let handoffs = files.path().join("handoffs.yaml");
    std::fs::write(&handoffs, HANDOFFS).unwrap();
    let mut env = vec![("BATON_HANDOFFS", handoffs.to_str().unwrap().to_owned())];
    if let Some(r) = rules {
        let path = files.path().join("rules.yaml");
        std::fs::write(&path, r).unwrap();
        env.push(("BATON_RULES", path.to_str().unwrap().to_owned()));
    }
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let baton = Baton::start_with(tempfile::tempdir().unwrap(), &env).await;
    (baton, files)
}

async fn conversation(baton: &Baton, secret: &str, channel: &str) -> String {
    let (status, v) = baton
        .post(
            "/v1/conversations",
            secret,
            &json!({"channel": channel, "customer": {"id": "c-1", "name": "Ada"}}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    s(&v["id"])
}

#[tokio::test]
async fn handoff_requests_resolve_definitions_by_name() {
    let (baton, _files) = voice_baton(None).await;
    let bot = baton.register("voice-bot", "ai").await;
    let chat = conversation(&baton, &bot.secret, "chat").await;
    let voice = conversation(&baton, &bot.secret, "voice").await;
    let request = |conv: &str, body: Value| {
        let path = format!("/v1/conversations/{conv}/handoffs");
        let secret = bot.secret.clone();
        let baton = &baton;
        async move { baton.post(&path, &secret, &body).await }
    };

    // An unknown name is refused, naming it.
    let (status, v) = request(&chat, json!({"destination": "{{ho:ghost}}"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(s(&v["detail"]).contains("{{ho:ghost}}"), "{v}");
    // A phone transfer does not move a chat conversation.
    let (status, v) = request(&chat, json!({"destination": "{{ho:billing_line}}"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(s(&v["detail"]).contains("chat conversation"), "{v}");
    // SIP headers belong to voice conversations only.
    let (status, v) = request(
        &chat,
        json!({"destination": "{{ho:billing_desk}}", "sip_headers": [{"key": "X-Tier", "value": "gold"}]}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");

    // A chat definition routes to its queue.
    let (status, h) = request(&chat, json!({"destination": "{{ho:billing_desk}}"})).await;
    assert_eq!(status, StatusCode::CREATED, "{h}");
    assert_eq!(h["destination"], "{{ho:billing_desk}}");

    // On a voice conversation: a bad header name is refused, a good one is carried.
    let (status, v) = request(
        &voice,
        json!({"destination": "{{ho:billing_line}}", "sip_headers": [{"key": "Via", "value": "x"}]}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["field"], "sip_headers[0]", "{v}");
    let (status, h) = request(
        &voice,
        json!({"destination": "{{ho:billing_line}}", "reason": "explicit_request",
               "utterance": "Let me put you through to billing.",
               "sip_headers": [{"key": "X-Tier", "value": "gold"}]}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{h}");
    assert_eq!(h["destination"], "{{ho:billing_line}}");
    assert_eq!(h["utterance"], "Let me put you through to billing.");
    assert_eq!(h["parameters"]["sip_headers"][0]["key"], "X-Tier");
}

#[tokio::test]
async fn rules_deciding_a_voice_handoff_without_a_target_use_the_default_definition() {
    let rules = "rules:\n  - name: person\n    reason: explicit_request\n    when:\n      - explicit_request: {}\n";
    let (baton, _files) = voice_baton(Some(rules)).await;
    let bot = baton.register("voice-bot", "ai").await;
    let voice = conversation(&baton, &bot.secret, "voice").await;
    let (status, v) = baton
        .turn(
            &bot,
            &voice,
            json!({"role": "customer", "text": "let me talk to a real person"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let id = s(&v["handoff_id"]);
    let (_, h) = baton.get(&format!("/v1/handoffs/{id}"), ADMIN).await;
    assert_eq!(h["destination"], "{{ho:billing_line}}", "{h}");

    // The same rule on a chat conversation names no destination.
    let chat = conversation(&baton, &bot.secret, "chat").await;
    let (_, v) = baton
        .turn(
            &bot,
            &chat,
            json!({"role": "customer", "text": "let me talk to a real person"}),
        )
        .await;
    let id = s(&v["handoff_id"]);
    let (_, h) = baton.get(&format!("/v1/handoffs/{id}"), ADMIN).await;
    assert!(h["destination"].is_null(), "{h}");
}

// ---- calls: real SIP peers (sipp) on loopback ----

/// Definitions for the call tests: a cold transfer with a fallback number, a desk queue
/// after that, and a hang-up.
const SIP_HANDOFFS: &str = r#"handoffs:
  - name: billing_line
    is_default: true
    sip_config:
      method: refer
      phone_number: "+15551230000"
    sip_headers:
      - key: X-Queue
        value: billing
    fallback: billing_backup
  - name: billing_backup
    sip_config:
      method: refer
      phone_number: "+15551239999"
    sip_headers:
      - key: X-Queue
        value: billing
    fallback: billing_desk
  - name: billing_desk
    queue: billing
  - name: hang_up
    sip_config:
      method: bye
  - name: sales_line
    sip_config:
      method: refer
      phone_number: "+15552220000"
    fallback: sales_warm
  - name: sales_warm
    sip_config:
      method: invite
      phone_number: "+15552220001"
      outbound_endpoint: 127.0.0.1:HUMAN_PORT
      outbound_encryption: UDP/RTP
    sip_headers:
      - key: X-Queue
        value: sales
    fallback: sales_desk
  - name: sales_desk
    queue: sales
  - name: phone_desk
    queue: phones
    fallback: billing_line
  - name: sales_brief
    sip_config:
      method: invite
      phone_number: "+15552220001"
      outbound_endpoint: 127.0.0.1:HUMAN_PORT
      brief_for: 20s
    sip_headers:
      - key: X-Queue
        value: sales
  - name: sales_brief_short
    sip_config:
      method: invite
      phone_number: "+15552220001"
      outbound_endpoint: 127.0.0.1:HUMAN_PORT
      brief_for: 1s
    sip_headers:
      - key: X-Queue
        value: sales
"#;

/// A port free on loopback for both UDP and TCP.
fn free_port() -> u16 {
    loop {
        let udp = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        let port = udp.local_addr().unwrap().port();
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

/// One sipp process playing a scenario of `tests/sip`.
struct Sipp {
    child: tokio::process::Child,
    dir: tempfile::TempDir,
    scenario: &'static str,
}

impl Sipp {
    /// `remote`: the address to call (a UAC scenario); none for a UAS.
    fn start(
        scenario: &'static str,
        port: u16,
        remote: Option<u16>,
        call_id: &str,
        calls: u32,
    ) -> Sipp {
        let dir = tempfile::tempdir().unwrap();
        let file = format!(
            "{}/../../tests/sip/{scenario}.xml",
            env!("CARGO_MANIFEST_DIR")
        );
        let mut cmd = tokio::process::Command::new("sipp");
        if let Some(r) = remote {
            cmd.arg(format!("127.0.0.1:{r}"));
        }
        cmd.args(["-sf", &file, "-i", "127.0.0.1", "-p", &port.to_string()])
            .args([
                "-m",
                &calls.to_string(),
                "-timeout",
                "30s",
                "-timeout_error",
                "-trace_err",
                "-trace_msg",
            ])
            .args(["-cid_str", &format!("{call_id}-%u")])
            .current_dir(dir.path())
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .kill_on_drop(true);
        let child = cmd
            .spawn()
            .expect("sipp (Debian package sip-tester) must be installed");
        Sipp {
            child,
            dir,
            scenario,
        }
    }

    /// Waits for the scenario to end and fails the test, with sipp's logs, unless every
    /// step happened as written.
    async fn passed(mut self) {
        let status = tokio::time::timeout(std::time::Duration::from_secs(40), self.child.wait())
            .await
            .expect("sipp did not finish in 40 s")
            .unwrap();
        if !status.success() {
            let mut logs = String::new();
            for e in std::fs::read_dir(self.dir.path()).unwrap() {
                let p = e.unwrap().path();
                logs.push_str(&format!("--- {}\n", p.display()));
                logs.push_str(&std::fs::read_to_string(&p).unwrap_or_default());
            }
            panic!("sipp {} failed ({status}):\n{logs}", self.scenario);
        }
    }
}

struct Line {
    baton: Baton,
    _files: tempfile::TempDir,
    sip: u16,
    bot: u16,
    human: u16,
    /// Baton's environment, for a restart.
    env: Vec<(String, String)>,
}

async fn line() -> Line {
    line_with(&[]).await
}

/// A line with extra environment for Baton (e.g. webhooks to loopback).
async fn line_with(extra: &[(&str, &str)]) -> Line {
    let files = tempfile::tempdir().unwrap();
    let handoffs = files.path().join("handoffs.yaml");
    let (sip, bot, human) = (free_port(), free_port(), free_port());
    std::fs::write(
        &handoffs,
        SIP_HANDOFFS.replace("HUMAN_PORT", &human.to_string()),
    )
    .unwrap();
    let env = [
        ("BATON_HANDOFFS", handoffs.to_str().unwrap().to_owned()),
        ("BATON_SIP", format!("127.0.0.1:{sip}")),
        ("BATON_VOICE_BOT", format!("sip:bot@127.0.0.1:{bot}")),
        ("BATON_SIP_NOTIFY_TIMEOUT_MS", "5000".to_owned()),
    ];
    let mut env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    env.extend_from_slice(extra);
    let baton = Baton::start_with(tempfile::tempdir().unwrap(), &env).await;
    let env = env
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    Line {
        baton,
        _files: files,
        sip,
        bot,
        human,
        env,
    }
}

impl Line {
    /// Kills Baton (SIGKILL) and starts it again on the same data and SIP port.
    async fn restarted(self) -> Line {
        let Line {
            baton,
            _files,
            sip,
            bot,
            human,
            env,
        } = self;
        let data = baton.kill9().await;
        let vars: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let baton = Baton::start_with(data, &vars).await;
        Line {
            baton,
            _files,
            sip,
            bot,
            human,
            env,
        }
    }

    /// Places a call from the carrier scenario to Baton, bridged to the bot scenario.
    fn call(&self, carrier: &'static str, bot: &'static str, call_id: &str) -> (Sipp, Sipp) {
        let bot = Sipp::start(bot, self.bot, None, call_id, 1);
        let carrier = Sipp::start(carrier, free_port(), Some(self.sip), call_id, 1);
        (carrier, bot)
    }

    /// The human agent's phone behind the outbound endpoint (an OPTIONS probe and a call).
    fn agent(&self, scenario: &'static str, call_id: &str) -> Sipp {
        Sipp::start(scenario, self.human, None, &format!("{call_id}-agent"), 2)
    }

    /// The conversation of the call, once Baton has opened it.
    async fn conversation(&self, call_id: &str) -> Value {
        let path = format!("/v1/conversations?call_id={call_id}-1");
        for _ in 0..200 {
            let (status, v) = self.baton.get(&path, ADMIN).await;
            assert_eq!(status, StatusCode::OK, "{v}");
            if let Some(c) = v["conversations"].get(0) {
                return c.clone();
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        panic!("no conversation for call {call_id}");
    }

    async fn hand_off(&self, conv: &str, destination: &str) -> String {
        let (status, h) = self
            .baton
            .post(
                &format!("/v1/conversations/{conv}/handoffs"),
                ADMIN,
                &json!({"destination": destination, "reason": "explicit_request",
                        "utterance": "Let me put you through."}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{h}");
        s(&h["id"])
    }

    /// Waits until the conversation's history has a turn containing `text`.
    async fn turn_saying(&self, conv: &str, text: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for _ in 0..400 {
            let (_, v) = self
                .baton
                .get(&format!("/v1/conversations/{conv}/turns"), ADMIN)
                .await;
            texts = v["turns"]
                .as_array()
                .map(|a| a.iter().map(|t| s(&t["text"])).collect())
                .unwrap_or_default();
            if texts.iter().any(|t| t.contains(text)) {
                return texts;
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        panic!("no turn saying {text:?} in {conv}: {texts:?}");
    }

    async fn handoff_state(&self, id: &str, state: &str) -> Value {
        for _ in 0..400 {
            let (_, h) = self.baton.get(&format!("/v1/handoffs/{id}"), ADMIN).await;
            if h["state"] == state {
                return h;
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        let (_, h) = self.baton.get(&format!("/v1/handoffs/{id}"), ADMIN).await;
        panic!("handoff {id} never reached {state}: {h}");
    }
}

#[tokio::test]
async fn cold_transfer_success() {
    let line = line().await;
    let (carrier, bot) = line.call("carrier_refer", "bot", "cold-ok");
    let conv = line.conversation("cold-ok").await;
    assert_eq!(conv["channel"], "voice");
    assert_eq!(conv["customer"]["id"], "+15550001111");
    let conv = s(&conv["id"]);
    let id = line.hand_off(&conv, "{{ho:billing_line}}").await;
    carrier.passed().await;
    bot.passed().await;
    let h = line.handoff_state(&id, "accepted").await;
    assert_eq!(s(&h["note"]), "transferred by REFER to +15551230000");
    let texts = line.turn_saying(&conv, "The call ended: transferred").await;
    let steps: Vec<&String> = texts.iter().filter(|t| t.starts_with("Transfer")).collect();
    assert_eq!(
        steps,
        [
            "Transfer {{ho:billing_line}}: REFER to +15551230000 sent.",
            "Transfer {{ho:billing_line}}: the carrier reports 202.",
            "Transfer {{ho:billing_line}}: the carrier reports 100.",
            "Transfer {{ho:billing_line}}: the call now belongs to +15551230000.",
        ]
    );
}

#[tokio::test]
async fn cold_transfer_busy_falls_back_to_the_next_number() {
    let line = line().await;
    let (carrier, bot) = line.call("carrier_refer_busy", "bot", "cold-busy");
    let conv = s(&line.conversation("cold-busy").await["id"]);
    let id = line.hand_off(&conv, "{{ho:billing_line}}").await;
    carrier.passed().await;
    bot.passed().await;
    let h = line.handoff_state(&id, "accepted").await;
    assert_eq!(s(&h["note"]), "transferred by REFER to +15551239999");
    let texts = line.turn_saying(&conv, "The call ended").await;
    assert!(
        texts.iter().any(|t| t
            == "Transfer {{ho:billing_line}} failed: the target answered 486 (SIP/2.0 486 Busy Here)."),
        "{texts:?}"
    );
}

#[tokio::test]
async fn a_bye_definition_ends_the_call_on_both_legs() {
    let line = line().await;
    let (carrier, bot) = line.call("carrier_bye", "bot", "bye");
    let conv = s(&line.conversation("bye").await["id"]);
    let id = line.hand_off(&conv, "{{ho:hang_up}}").await;
    carrier.passed().await;
    bot.passed().await;
    let h = line.handoff_state(&id, "canceled").await;
    assert_eq!(s(&h["note"]), "the call was ended by a bye handoff");
}

#[tokio::test]
async fn cancel_before_the_bot_answers() {
    let line = line().await;
    let (carrier, bot) = line.call("carrier_cancel", "bot_ringing", "cancel");
    let conv = s(&line.conversation("cancel").await["id"]);
    carrier.passed().await;
    bot.passed().await;
    line.turn_saying(&conv, "canceled before the bot answered")
        .await;
    // The call is gone: its Call-ID no longer finds the conversation.
    let (_, v) = line
        .baton
        .get("/v1/conversations?call_id=cancel-1", ADMIN)
        .await;
    assert_eq!(v["conversations"], json!([]));
}

#[tokio::test]
async fn the_caller_hanging_up_mid_transfer_cancels_the_handoff() {
    let line = line().await;
    let (carrier, bot) = line.call("carrier_hangup", "bot", "hangup");
    let conv = s(&line.conversation("hangup").await["id"]);
    let id = line.hand_off(&conv, "{{ho:billing_line}}").await;
    carrier.passed().await;
    bot.passed().await;
    let h = line.handoff_state(&id, "canceled").await;
    assert_eq!(
        s(&h["note"]),
        "the call ended during the transfer: the caller hung up"
    );
}

#[tokio::test]
async fn refused_refers_fall_back_then_leave_the_caller_with_the_bot() {
    let line = line().await;
    let (carrier, bot) = line.call("carrier_refer_refused", "bot", "refused");
    let conv = s(&line.conversation("refused").await["id"]);
    let id = line.hand_off(&conv, "{{ho:billing_line}}").await;
    // The bot is told, in a turn it can read, and the handoff waits for a person.
    let texts = line
        .turn_saying(&conv, "The transfer did not go through")
        .await;
    let told = texts
        .iter()
        .find(|t| t.starts_with("The transfer did not go through"))
        .unwrap();
    assert!(
        told.contains("{{ho:billing_line}}: the carrier refused the REFER: 603 Decline"),
        "{told}"
    );
    assert!(
        told.contains("{{ho:billing_backup}}: the carrier refused the REFER: 403 Forbidden"),
        "{told}"
    );
    let (_, h) = line.baton.get(&format!("/v1/handoffs/{id}"), ADMIN).await;
    assert!(
        matches!(s(&h["state"]).as_str(), "requested" | "offered"),
        "{h}"
    );
    carrier.passed().await;
    bot.passed().await;
}

#[tokio::test]
async fn warm_transfer_success() {
    let line = line().await;
    let agent = line.agent("human", "warm-ok");
    let (carrier, bot) = line.call("carrier_warm", "bot", "warm-ok");
    let conv = s(&line.conversation("warm-ok").await["id"]);
    let id = line.hand_off(&conv, "{{ho:sales_warm}}").await;
    let h = line.handoff_state(&id, "accepted").await;
    assert_eq!(s(&h["note"]), "transferred by INVITE to +15552220001");
    carrier.passed().await;
    bot.passed().await;
    agent.passed().await;
    let texts = line
        .turn_saying(&conv, "The call ended: the caller hung up")
        .await;
    let steps: Vec<&String> = texts.iter().filter(|t| t.starts_with("Transfer")).collect();
    let probe = format!(
        "Transfer {{{{ho:sales_warm}}}}: OPTIONS to 127.0.0.1:{} sent.",
        line.human
    );
    assert_eq!(
        steps,
        [
            probe.as_str(),
            "Transfer {{ho:sales_warm}}: INVITE to +15552220001 sent.",
            "Transfer {{ho:sales_warm}}: the call now belongs to +15552220001.",
        ]
    );
}

#[tokio::test]
async fn a_refused_refer_falls_back_to_a_warm_transfer() {
    let line = line().await;
    let agent = line.agent("human", "refused-warm");
    let (carrier, bot) = line.call("carrier_refer_refused_warm", "bot", "refused-warm");
    let conv = s(&line.conversation("refused-warm").await["id"]);
    let id = line.hand_off(&conv, "{{ho:sales_line}}").await;
    let h = line.handoff_state(&id, "accepted").await;
    assert_eq!(s(&h["note"]), "transferred by INVITE to +15552220001");
    carrier.passed().await;
    bot.passed().await;
    agent.passed().await;
    let texts = line.turn_saying(&conv, "The call ended").await;
    assert!(
        texts.contains(
            &"Transfer {{ho:sales_line}} failed: the carrier refused the REFER: 603 Decline."
                .to_owned()
        ),
        "{texts:?}"
    );
}

#[tokio::test]
async fn a_warm_transfer_nobody_answers_leaves_the_caller_with_the_bot() {
    let line = line().await;
    let agent = line.agent("human_noanswer", "warm-na");
    let (carrier, bot) = line.call("carrier_warm_noanswer", "bot", "warm-na");
    let conv = s(&line.conversation("warm-na").await["id"]);
    let id = line.hand_off(&conv, "{{ho:sales_warm}}").await;
    let texts = line
        .turn_saying(&conv, "The transfer did not go through")
        .await;
    assert!(
        texts
            .iter()
            .any(|t| t
                .contains("{{ho:sales_warm}}: the target answered 480 Temporarily Unavailable")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains(
            "{{ho:sales_desk}}: the queue `sales` is not in the routing file; {{ho:billing_line}}: the carrier refused the REFER: 603 Decline"
        )),
        "{texts:?}"
    );
    let (_, h) = line.baton.get(&format!("/v1/handoffs/{id}"), ADMIN).await;
    assert!(
        matches!(s(&h["state"]).as_str(), "requested" | "offered"),
        "{h}"
    );
    carrier.passed().await;
    bot.passed().await;
    agent.passed().await;
}

#[tokio::test]
async fn malformed_sip_never_stops_the_listener() {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let line = line().await;
    let sip = format!("127.0.0.1:{}", line.sip);
    let udp = std::sync::Arc::new(tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap());
    let port = udp.local_addr().unwrap().port();
    // Every answer is read as it arrives (a flood of them must not overflow the socket).
    let (answers_tx, mut answers) = tokio::sync::mpsc::unbounded_channel::<String>();
    let reader = udp.clone();
    tokio::spawn(async move {
        let mut buf = vec![0u8; 65_536];
        while let Ok((n, _)) = reader.recv_from(&mut buf).await {
            if answers_tx
                .send(String::from_utf8_lossy(&buf[..n]).to_string())
                .is_err()
            {
                return;
            }
        }
    });
    let options = |call_id: &str, transport: &str| {
        format!(
            "OPTIONS sip:{sip} SIP/2.0\r\nVia: SIP/2.0/{transport} 127.0.0.1:{port};branch=z9hG4bK-{call_id}\r\nMax-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=p\r\nTo: <sip:{sip}>\r\nCall-ID: {call_id}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
        )
    };
    let good = options("probe-0", "UDP");
    let mut bad: Vec<Vec<u8>> = vec![
        b"\x00\x01\x02garbage".to_vec(),
        good.as_bytes()[..good.len() / 2].to_vec(),
        good.replace("Content-Length: 0", "Content-Length: 5000")
            .into_bytes(),
        good.replace("Max-Forwards: 70", "Max Forwards 70")
            .into_bytes(),
        vec![b'A'; 65_000],
        b"SIP/2.0 200 OK\r\n\r\n".to_vec(),
        b"\r\n\r\n".to_vec(),
    ];
    // Damaged copies of a real INVITE, as the fuzz harness makes them.
    let corpus = std::fs::read(format!(
        "{}/../../tests/sip/corpus/invite.sip",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..200 {
        let mut m = corpus.clone();
        for _ in 0..4 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let i = (x % m.len() as u64) as usize;
            m[i] = (x >> 32) as u8;
        }
        bad.push(m);
    }
    for b in &bad {
        let _ = udp.send_to(b, &sip).await;
    }
    let mut buf = vec![0u8; 65_536];
    // A duplicated CSeq is answered 400, with the request's own headers.
    let dup = options("probe-dup", "UDP").replace(
        "CSeq: 1 OPTIONS\r\n",
        "CSeq: 1 OPTIONS\r\nCSeq: 2 OPTIONS\r\n",
    );
    let refused = answer_to(&udp, &sip, &dup, &mut answers, "probe-dup").await;
    assert!(refused.starts_with("SIP/2.0 400 Bad Request"), "{refused}");
    // Over TCP: garbage closes that connection only.
    let mut tcp = tokio::net::TcpStream::connect(&sip).await.unwrap();
    tcp.write_all(b"INVITE nonsense\r\nContent-Length: x\r\n\r\n")
        .await
        .unwrap();
    drop(tcp);
    // The listener still answers, on UDP and on TCP.
    let probe = options("probe-1", "UDP");
    let answer = answer_to(&udp, &sip, &probe, &mut answers, "probe-1").await;
    assert!(answer.starts_with("SIP/2.0 200 OK"), "{answer}");
    assert!(
        answer.contains("Allow: INVITE, ACK, CANCEL, BYE, OPTIONS"),
        "{answer}"
    );
    let mut tcp = tokio::net::TcpStream::connect(&sip).await.unwrap();
    tcp.write_all(options("probe-2", "TCP").as_bytes())
        .await
        .unwrap();
    let mut got = Vec::new();
    let text = tokio::time::timeout(std::time::Duration::from_secs(10), async {
        loop {
            let n = tcp.read(&mut buf).await.unwrap();
            assert!(n > 0, "the TCP connection closed");
            got.extend_from_slice(&buf[..n]);
            let t = String::from_utf8_lossy(&got).to_string();
            if t.contains("\r\n\r\n") {
                return t;
            }
        }
    })
    .await
    .unwrap();
    assert!(
        text.starts_with("SIP/2.0 200 OK") && text.contains("Call-ID: probe-2"),
        "{text}"
    );
    let (status, _) = line.baton.get("/healthz", ADMIN).await;
    assert_eq!(status, StatusCode::OK);
}

/// Sends `request` until an answer for `call_id` arrives, as a UA does over UDP (the
/// listener may drop datagrams while it works through a flood: UDP is lossy).
async fn answer_to(
    udp: &tokio::net::UdpSocket,
    to: &str,
    request: &str,
    answers: &mut tokio::sync::mpsc::UnboundedReceiver<String>,
    call_id: &str,
) -> String {
    tokio::time::timeout(std::time::Duration::from_secs(20), async {
        loop {
            udp.send_to(request.as_bytes(), to).await.unwrap();
            let wait = tokio::time::sleep(std::time::Duration::from_millis(500));
            tokio::pin!(wait);
            loop {
                tokio::select! {
                    text = answers.recv() => {
                        let text = text.unwrap();
                        if text.contains(&format!("Call-ID: {call_id}\r\n")) {
                            return text;
                        }
                    }
                    () = &mut wait => break,
                }
            }
        }
    })
    .await
    .expect("no answer from the SIP listener")
}

// ---- transfer steps as webhook events ----

#[tokio::test]
async fn every_transfer_step_arrives_as_a_signed_webhook_event_in_order() {
    let receiver = crate::receiver::Receiver::start(&[]).await;
    let line = line_with(&[
        ("BATON_ALLOW_PRIVATE_WEBHOOKS", "true"),
        ("BATON_WEBHOOK_RETRY_SCALE", "0.002"),
    ])
    .await;
    let events = [
        "handoff.requested",
        "handoff.accepted",
        "handoff.transfer.started",
        "handoff.transfer.progress",
        "handoff.transfer.failed",
        "handoff.transfer.fallback",
        "handoff.transfer.succeeded",
        "handoff.transfer.exhausted",
    ];
    let (status, v) = line
        .baton
        .post(
            "/v1/webhooks",
            ADMIN,
            &json!({"url": receiver.url(), "events": events}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    receiver.set_secrets(&[&s(&v["secret"])]);
    // An unknown transfer event name is refused, naming the ones there are.
    let (status, v) = line
        .baton
        .post(
            "/v1/webhooks",
            ADMIN,
            &json!({"url": receiver.url(), "events": ["handoff.transfer.nope"]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(s(&v["hint"]).contains("handoff.transfer.fallback"), "{v}");

    let (carrier, bot) = line.call("carrier_refer_busy", "bot", "hooks");
    let conv = s(&line.conversation("hooks").await["id"]);
    let id = line.hand_off(&conv, "{{ho:billing_line}}").await;
    carrier.passed().await;
    bot.passed().await;
    let msgs = receiver
        .wait_for(
            std::time::Duration::from_secs(20),
            "the transfer's events",
            |m| m.iter().any(|m| m["type"] == "handoff.accepted"),
        )
        .await;
    let msgs = crate::receiver::deduplicated(&msgs);
    for m in &msgs {
        assert_eq!(s(&m["data"]["handoff_id"]), id, "{m}");
        assert_eq!(s(&m["data"]["conversation_id"]), conv, "{m}");
    }
    let txt = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    let steps: Vec<String> = msgs
        .iter()
        .map(|m| {
            let t = &m["data"]["transfer"];
            let what = match s(&m["type"]).as_str() {
                "handoff.transfer.started" | "handoff.transfer.succeeded" => {
                    format!("{} {}", txt(&t["method"]), txt(&t["target"]))
                }
                "handoff.transfer.progress" => t["status"].to_string(),
                "handoff.transfer.failed" => txt(&t["reason"]),
                "handoff.transfer.fallback" => format!("after {}", txt(&t["after"])),
                _ => String::new(),
            };
            format!("{} {} {what}", s(&m["type"]), txt(&t["definition"]))
                .trim()
                .to_owned()
        })
        .collect();
    assert_eq!(
        steps,
        [
            "handoff.requested",
            "handoff.transfer.started billing_line REFER +15551230000",
            "handoff.transfer.progress billing_line 202",
            "handoff.transfer.progress billing_line 100",
            "handoff.transfer.failed billing_line the target answered 486 (SIP/2.0 486 Busy Here)",
            "handoff.transfer.fallback billing_backup after billing_line",
            "handoff.transfer.started billing_backup REFER +15551239999",
            "handoff.transfer.progress billing_backup 202",
            "handoff.transfer.progress billing_backup 100",
            "handoff.transfer.succeeded billing_backup REFER +15551239999",
            "handoff.accepted",
        ]
    );
    let attempts = receiver.attempts();
    assert!(
        attempts.iter().all(|a| a.get("rejected").is_none()),
        "{attempts:?}"
    );
}

// ---- a desk definition: someone who takes calls must be online ----

#[tokio::test]
async fn a_desk_definition_takes_a_call_only_when_someone_who_takes_calls_is_online() {
    // alice takes no calls (voice capacity 0); bob takes one at a time (the default).
    let files = tempfile::tempdir().unwrap();
    let routing = files.path().join("routing.yaml");
    std::fs::write(
        &routing,
        r#"
queues:
  - name: phones
users:
  - {username: alice, password_hash: "HASH", queues: [phones], capacity: {chat: 3, voice: 0}}
  - {username: bob, password_hash: "HASH", queues: [phones]}
"#
        .replace("HASH", &crate::routing::hash().await),
    )
    .unwrap();
    let line = line_with(&[("BATON_ROUTING", routing.to_str().unwrap())]).await;
    let _alice = crate::routing::Desk::login(&line.baton, "alice").await;

    // Nobody online can take a call: refused with the reason, the fallback is tried.
    let (carrier, bot) = line.call("carrier_refer", "bot", "desk-none");
    let conv = s(&line.conversation("desk-none").await["id"]);
    let id = line.hand_off(&conv, "{{ho:phone_desk}}").await;
    carrier.passed().await;
    bot.passed().await;
    let h = line.handoff_state(&id, "accepted").await;
    assert_eq!(s(&h["note"]), "transferred by REFER to +15551230000");
    let texts = line.turn_saying(&conv, "The call ended").await;
    let steps: Vec<&String> = texts.iter().filter(|t| t.starts_with("Transfer")).collect();
    assert_eq!(
        steps[..2],
        [
            "Transfer {{ho:phone_desk}} failed: nobody who takes calls (voice capacity) is online in the queue `phones`.",
            "Transfer {{ho:phone_desk}} falls back to {{ho:billing_line}}.",
        ],
        "{steps:?}"
    );

    // bob comes online: the desk takes the call, which stays with the bot (the carrier
    // fails on any REFER) until the caller hangs up.
    let _bob = crate::routing::Desk::login(&line.baton, "bob").await;
    let (carrier, bot) = line.call("carrier_desk", "bot", "desk-bob");
    let conv = s(&line.conversation("desk-bob").await["id"]);
    let id = line.hand_off(&conv, "{{ho:phone_desk}}").await;
    let texts = line.turn_saying(&conv, "the desk takes over").await;
    assert!(
        texts.contains(
            &"Transfer {{ho:phone_desk}}: the desk takes over (queue:phones: bob can take the call)."
                .to_owned()
        ),
        "{texts:?}"
    );
    carrier.passed().await;
    bot.passed().await;
    let (_, h) = line.baton.get(&format!("/v1/handoffs/{id}"), ADMIN).await;
    assert!(
        matches!(s(&h["state"]).as_str(), "requested" | "offered"),
        "{h}"
    );
}

// ---- warm transfer with the bot briefing the person ----

/// The SDP each party receives at each step is checked by the sipp scenarios: the person
/// is dialled with the bot's SDP; the caller is held (the bot's SDP, `a=inactive`); the
/// bot gets the person's SDP; then the caller gets the person's and the person the
/// caller's, and the bot is hung up on.
#[tokio::test]
async fn a_warm_transfer_lets_the_bot_brief_the_person_before_the_caller_joins() {
    let line = line().await;
    let agent = line.agent("human_brief", "brief-ok");
    let (carrier, bot) = line.call("carrier_brief", "bot_brief", "brief-ok");
    let conv = s(&line.conversation("brief-ok").await["id"]);
    let id = line.hand_off(&conv, "{{ho:sales_brief}}").await;
    // Nothing to end before the briefing starts.
    let briefed = format!("/v1/handoffs/{id}/briefed");
    let texts = line.turn_saying(&conv, "you are now talking to").await;
    let told = texts
        .iter()
        .find(|t| t.contains("you are now talking to"))
        .unwrap();
    assert!(
        told.contains(&format!("POST /v1/handoffs/{id}/briefed")),
        "{told}"
    );
    let (status, v) = line.baton.post(&briefed, ADMIN, &json!({})).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{v}");
    let h = line.handoff_state(&id, "accepted").await;
    assert_eq!(s(&h["note"]), "transferred by INVITE to +15552220001");
    // Once over, a briefing cannot be ended again.
    let (status, v) = line.baton.post(&briefed, ADMIN, &json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{v}");
    carrier.passed().await;
    bot.passed().await;
    agent.passed().await;
    let texts = line
        .turn_saying(&conv, "The call ended: the caller hung up")
        .await;
    let steps: Vec<&String> = texts.iter().filter(|t| t.starts_with("Transfer")).collect();
    assert_eq!(steps.len(), 4, "{steps:?}");
    assert!(
        steps[2].contains("you are now talking to +15552220001"),
        "{steps:?}"
    );
    assert_eq!(
        steps[3],
        "Transfer {{ho:sales_brief}}: the call now belongs to +15552220001."
    );
}

#[tokio::test]
async fn a_briefing_ends_by_itself_after_brief_for() {
    let line = line().await;
    let agent = line.agent("human_brief", "brief-timer");
    let (carrier, bot) = line.call("carrier_brief", "bot_brief", "brief-timer");
    let conv = s(&line.conversation("brief-timer").await["id"]);
    let id = line.hand_off(&conv, "{{ho:sales_brief_short}}").await;
    let h = line.handoff_state(&id, "accepted").await;
    assert_eq!(s(&h["note"]), "transferred by INVITE to +15552220001");
    carrier.passed().await;
    bot.passed().await;
    agent.passed().await;
}

#[tokio::test]
async fn the_caller_hanging_up_during_the_briefing_hangs_up_on_the_person() {
    let line = line().await;
    let agent = line.agent("human_brief_hangup", "brief-hangup");
    let (carrier, bot) = line.call("carrier_brief_hangup", "bot_brief", "brief-hangup");
    let conv = s(&line.conversation("brief-hangup").await["id"]);
    let id = line.hand_off(&conv, "{{ho:sales_brief}}").await;
    carrier.passed().await;
    bot.passed().await;
    agent.passed().await;
    let h = line.handoff_state(&id, "canceled").await;
    assert_eq!(
        s(&h["note"]),
        "the call ended during the transfer: the caller hung up during the briefing"
    );
}

// ---- a restart during a call ----

#[tokio::test]
async fn a_restart_during_a_call_cancels_its_handoff_saying_the_call_was_lost() {
    // bob takes two calls: the API conversation's handoff may be offered to him too.
    let files = tempfile::tempdir().unwrap();
    let routing = files.path().join("routing.yaml");
    std::fs::write(
        &routing,
        "queues:\n  - name: phones\nusers:\n  - {username: bob, password_hash: \"HASH\", queues: [phones], capacity: {voice: 2}}\n"
            .replace("HASH", &crate::routing::hash().await),
    )
    .unwrap();
    let line = line_with(&[("BATON_ROUTING", routing.to_str().unwrap())]).await;
    let _bob = crate::routing::Desk::login(&line.baton, "bob").await;
    // A voice conversation opened through the API has no call to lose.
    let api_bot = line.baton.register("api-voice-bot", "ai").await;
    let api_conv = conversation(&line.baton, &api_bot.secret, "voice").await;
    let api_handoff = line.hand_off(&api_conv, "{{ho:billing_line}}").await;
    // A call the desk takes over: its handoff waits for bob while the caller is with the bot.
    let (_carrier, _bot) = line.call("carrier_desk", "bot", "lost");
    let conv = s(&line.conversation("lost").await["id"]);
    let id = line.hand_off(&conv, "{{ho:phone_desk}}").await;
    line.turn_saying(&conv, "the desk takes over").await;

    let line = line.restarted().await;
    let h = line.handoff_state(&id, "canceled").await;
    assert_eq!(
        s(&h["note"]),
        "the call was lost: Baton restarted during the call"
    );
    line.turn_saying(&conv, "The call was lost: Baton restarted during it.")
        .await;
    let (_, h) = line
        .baton
        .get(&format!("/v1/handoffs/{api_handoff}"), ADMIN)
        .await;
    assert!(
        matches!(s(&h["state"]).as_str(), "requested" | "offered"),
        "{h}"
    );
}
