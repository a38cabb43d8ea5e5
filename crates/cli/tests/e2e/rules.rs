//! The rule engine through the API and the command line.

use std::process::Command;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::harness::{Baton, s};

#[tokio::test]
async fn a_customer_asking_for_a_person_starts_an_explained_handoff() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let conv = baton.conversation(&bot).await;
    let (st, v) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "where is my parcel"}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED);
    assert_eq!(v["decision"]["handoff"], false, "{v}");
    assert!(v["handoff_id"].is_null());

    let (st, v) = baton
        .turn(&bot, &conv, json!({"role": "customer", "text": "uh this is useless, can I get a real person please"}))
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    let d = &v["decision"];
    assert_eq!(d["handoff"], true, "{v}");
    assert_eq!(d["reason"], "explicit_request");
    assert!(d["rule"].is_string());
    assert!(!s(&d["explanation"]).is_empty());
    let handoff = s(&v["handoff_id"]);

    let (_, h) = baton
        .get(&format!("/v1/handoffs/{handoff}"), &bot.secret)
        .await;
    assert_eq!(h["state"], "requested");
    assert_eq!(h["reason"], "explicit_request");
    assert_eq!(h["rule"], d["rule"]);
    assert_eq!(
        h["decision"]["explanation"], d["explanation"],
        "the decision is stored with the handoff"
    );

    // While it is open, further turns report it instead of opening another.
    let (_, v) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "hello? a human please"}),
        )
        .await;
    assert_eq!(v["handoff_id"], handoff.as_str());
}

fn baton(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn rules_check_names_the_line_and_field_of_a_mistake() {
    let dir = tempfile::tempdir().unwrap();
    let schema = baton(&["rules", "schema"]);
    assert!(schema.status.success());
    let schema: Value = serde_json::from_slice(&schema.stdout).unwrap();
    assert!(schema.is_object());

    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &bad,
        "rules:\n  - name: x\n    reason: explicit_request\n    priorty: 3\n",
    )
    .unwrap();
    let out = baton(&["rules", "check", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.yaml") && err.contains(":4:"), "{err}");
    assert!(err.contains("priorty"), "{err}");
}

#[test]
fn replay_prints_one_decision_per_conversation_and_a_summary_last() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t.jsonl");
    std::fs::write(
        &file,
        concat!(
            r#"{"id": "a", "channel": "chat", "turns": [{"role": "customer", "text": "I want to speak to a human agent"}], "expect": {"handoff": true, "reason": "explicit_request", "turn": 1}}"#,
            "\n",
            r#"{"id": "b", "channel": "chat", "turns": [{"role": "customer", "text": "what are your opening hours?"}, {"role": "ai", "text": "9 to 5", "confidence": 0.95}], "expect": {"handoff": false}}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = baton(&["replay", file.to_str().unwrap(), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["reason"], "explicit_request");
    assert_eq!(lines[1]["handoff"], false);
    let summary = &lines[2];
    assert_eq!(summary["conversations"], 2);
    assert_eq!(summary["precision"], 1.0);
    assert_eq!(summary["recall"], 1.0);
}

#[test]
fn rules_check_without_a_file_describes_the_built_in_rules_in_precedence_order() {
    let out = baton(&["rules", "check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("the built-in rules: "), "{text}");
    assert!(text.contains("precedence: explicit_request > "), "{text}");
    let first = text.find("(tier 0").unwrap_or_else(|| panic!("{text}"));
    let generic = text.find("(tier 3").unwrap_or_else(|| panic!("{text}"));
    assert!(first < generic, "{text}");
}

#[test]
fn rules_check_states_the_precedence_and_orders_rules_by_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rules.yaml");
    // Written in the "wrong" order, with the loop rule at the highest priority.
    std::fs::write(
        &file,
        "rules:\n  - name: circles\n    reason: loop\n    priority: 500\n    when: [same_need: {}]\n  - name: tool-failed\n    reason: error\n    priority: 1\n    when: [event: { kind: error }]\n  - name: asks\n    reason: explicit_request\n    priority: 1\n    when: [explicit_request: {}]\n",
    )
    .unwrap();
    let out = baton(&["rules", "check", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("precedence: explicit_request > critical_action, error, completion"),
        "{text}"
    );
    let at = |name: &str| {
        text.find(&format!("\n{name} ("))
            .unwrap_or_else(|| panic!("{name}: {text}"))
    };
    assert!(
        at("asks") < at("tool-failed") && at("tool-failed") < at("circles"),
        "{text}"
    );
}

#[tokio::test]
async fn a_tool_error_hands_off_and_the_decision_lists_every_reason() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let conv = baton.conversation(&bot).await;
    let (_, v) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "where is order 8812?"}),
        )
        .await;
    assert_eq!(v["decision"]["handoff"], false, "{v}");
    let (st, v) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "tool", "event": "error", "text": "order service: timeout"}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    assert_eq!(v["decision"]["handoff"], true, "{v}");
    assert_eq!(v["decision"]["reason"], "error");

    // One customer turn, two reasons: the explicit request wins, the urgency is listed.
    let conv = baton.conversation(&bot).await;
    let (_, v) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "I can smell gas in the flat, get me a real person"}),
        )
        .await;
    assert_eq!(v["decision"]["reason"], "explicit_request", "{v}");
    let fired: Vec<&str> = v["decision"]["detail"]["fired"]
        .as_array()
        .unwrap_or_else(|| panic!("{v}"))
        .iter()
        .map(|f| f["reason"].as_str().unwrap())
        .collect();
    assert_eq!(fired, ["explicit_request", "urgency"], "{v}");
}

#[test]
fn eval_intents_reports_every_category_of_the_own_set() {
    let set = concat!(env!("CARGO_MANIFEST_DIR"), "/../rules/eval/intents.tsv");
    let out = baton(&["eval", "intents", set, "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report: Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    let categories = report["categories"].as_object().unwrap();
    for name in [
        "staff",
        "handover",
        "reject_bot",
        "voice",
        "es",
        "de",
        "compounds",
    ] {
        let c = &categories[name];
        assert!(c["rows"].as_u64().unwrap() >= 20, "{name}: {c}");
        assert!(c["accuracy"].as_f64().unwrap() >= 0.95, "{name}: {c}");
    }
    let text = baton(&["eval", "intents", set]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("by category"));
}

/// `baton replay … | head -1`: when the reader closes the pipe early, the command ends
/// quietly with success, not with "error: Broken pipe".
#[test]
fn a_reader_that_stops_early_gets_a_quiet_exit() {
    use std::io::{BufRead, BufReader, Write};
    // Far more output than a pipe holds, so that writing goes on after the reader left.
    let one = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../rules/eval/conversations.jsonl"
    ))
    .unwrap();
    let mut file = tempfile::NamedTempFile::new().unwrap();
    for _ in 0..40 {
        file.write_all(one.as_bytes()).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["replay", file.path().to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(
        first.contains("hand off") || first.contains("no hand-off"),
        "{first}"
    );
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
}
