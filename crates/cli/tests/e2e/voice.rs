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
