//! Baton as an MCP server, driven by the official `mcp` Python SDK (`tests/mcp/`)
//! and by plain HTTP for the refusals.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::a2a::{Desk, audit, repo, require_python, start_with_alice};
use crate::harness::{ADMIN, Baton, s};

/// Runs `tests/mcp/handoff.py` with `args`; its one JSON line.
async fn client(baton: &Baton, args: &[&str]) -> Value {
    let out = tokio::process::Command::new("python3")
        .arg(repo().join("tests/mcp/handoff.py"))
        .args(["--url", &format!("{}/mcp", baton.url)])
        .args(args)
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "the MCP client failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

#[tokio::test]
async fn the_mcp_sdk_lists_the_tools_and_a_requested_handoff_reaches_the_api_and_the_desk() {
    require_python("mcp");
    let baton = start_with_alice().await;
    let bot = baton.register("mcp-bot", "ai").await;
    let desk = Desk::sign_in(&baton).await;

    let v = client(&baton, &["--secret", &bot.secret]).await;
    assert_eq!(v["server"], "baton", "{v}");
    let tools = v["tools"].as_object().unwrap();
    let mut names: Vec<&str> = tools.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "append_turn",
            "get_handoff_status",
            "request_handoff",
            "should_handoff"
        ]
    );
    // Descriptions tell a model when to call and when not to, and the README shows
    // them as served.
    let readme = include_str!("../../../../README.md");
    for (name, tool) in tools {
        let d = s(&tool["description"]);
        assert!(d.contains("Call it") && d.contains("not"), "{name}: {d}");
        assert!(
            readme.contains(&d),
            "README.md shows another description of {name} than /mcp serves: {d}"
        );
    }
    let schema = &tools["request_handoff"]["schema"];
    assert_eq!(schema["required"], json!(["conversation_id"]), "{schema}");
    let reasons = schema["properties"]["reason"]["enum"].as_array().unwrap();
    assert!(reasons.contains(&json!("explicit_request")), "{schema}");

    // should_handoff decided without storing; append_turn stored one turn.
    let conv = s(&v["turn"]["conversation_id"]);
    assert_eq!(v["turn"]["decision"]["handoff"], false, "{v}");
    assert_eq!(v["advice"]["handoff"], true, "{v}");
    assert_eq!(v["advice"]["reason"], "explicit_request", "{v}");
    let (_, c) = baton
        .get(&format!("/v1/conversations/{conv}"), &bot.secret)
        .await;
    assert_eq!(c["turn_count"], 1, "should_handoff stored a turn: {c}");

    // The handoff is in the API, with the summary and parameters, and on the desk.
    let id = s(&v["handoff"]["handoff_id"]);
    assert_eq!(v["status"]["handoff_id"], id.as_str(), "{v}");
    let (st, h) = baton.get(&format!("/v1/handoffs/{id}"), &bot.secret).await;
    assert_eq!(st, StatusCode::OK, "{h}");
    assert_eq!(h["reason"], "explicit_request", "{h}");
    assert_eq!(h["queue"], "support", "{h}");
    assert_eq!(h["parameters"]["invoice"], "INV-7", "{h}");
    assert_eq!(
        h["parameters"]["summary"], "Customer disputes an invoice; asked for a person.",
        "{h}"
    );
    assert_eq!(
        h["utterance"], "A colleague from support will take over.",
        "{h}"
    );
    let listed = desk.get(&baton, "/desk/api/handoffs").await;
    assert!(
        listed.to_string().contains(&id),
        "not on the desk: {listed}"
    );

    // A second request while one is in flight: a tool error the model can read.
    assert_eq!(v["again"]["is_error"], true, "{v}");
    assert_eq!(v["again"]["content"]["status"], 409, "{v}");

    // Every call is audited, as the agent that made it.
    let calls = audit(&baton, "mcp.tool");
    let seen: Vec<String> = calls.iter().map(|c| s(&c["subject"])).collect();
    assert_eq!(
        seen,
        [
            "append_turn",
            "should_handoff",
            "request_handoff",
            "get_handoff_status",
            "request_handoff"
        ]
    );
    assert!(
        calls
            .iter()
            .all(|c| c["actor"] == format!("agent:{}", bot.id)),
        "{calls:?}"
    );
    assert_eq!(calls[4]["detail"]["ok"], false, "{calls:?}");
}

async fn post_mcp(
    baton: &Baton,
    token: Option<&str>,
    host: Option<&str>,
) -> (StatusCode, String, reqwest::header::HeaderMap) {
    let mut req = baton
        .http
        .post(format!("{}/mcp", baton.url))
        .header("content-type", "application/json")
        .header("accept", "application/json, text/event-stream")
        .body(json!({"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}}).to_string());
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(h) = host {
        req = req.header("host", h);
    }
    let res = req.send().await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    (status, res.text().await.unwrap(), headers)
}

#[tokio::test]
async fn mcp_refuses_strangers_precisely_and_audits_it() {
    require_python("mcp");
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let person = baton.register("pat", "human").await;
    let conv = baton.conversation(&bot).await;
    baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "my secret plan is purple"}),
        )
        .await;

    // The SDK without a secret gets nowhere.
    let v = client(&baton, &["--expect-refusal"]).await;
    assert_eq!(v["refused"], true, "{v}");

    let (st, body, h) = post_mcp(&baton, None, None).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED, "{body}");
    assert!(body.contains("no Authorization header"), "{body}");
    assert!(
        h["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Bearer")
    );
    let (st, body, _) = post_mcp(&baton, Some("bat_0123_forged"), None).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED, "{body}");
    assert!(body.contains("the token is not valid"), "{body}");
    let (st, body, _) = post_mcp(&baton, Some(&person.secret), None).await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{body}");
    assert!(body.contains("human agent"), "{body}");
    let (st, body, _) = post_mcp(&baton, Some(ADMIN), None).await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{body}");
    // An authenticated request under a foreign Host (DNS rebinding) is refused too.
    let (st, body, _) = post_mcp(&baton, Some(&bot.secret), Some("evil.example")).await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{body}");
    assert!(body.contains("Host"), "{body}");

    let refused = audit(&baton, "mcp.refused");
    assert!(refused.len() >= 5, "{refused:?}");
    let statuses: Vec<i64> = refused
        .iter()
        .map(|r| r["detail"]["status"].as_i64().unwrap())
        .collect();
    assert!(
        statuses.contains(&401) && statuses.contains(&403),
        "{refused:?}"
    );
    let text = serde_json::to_string(&refused).unwrap();
    assert!(!text.contains("purple"), "{text}");
    assert!(!text.contains(&bot.secret), "{text}");
}

#[tokio::test]
async fn a_deployment_switches_tools_off_and_a_typo_stops_the_server() {
    require_python("mcp");
    let baton = Baton::start_with(
        tempfile::tempdir().unwrap(),
        &[("BATON_MCP_TOOLS", "should_handoff, get_handoff_status")],
    )
    .await;
    let bot = baton.register("bot", "ai").await;
    let v = client(&baton, &["--secret", &bot.secret, "--list-only"]).await;
    assert_eq!(
        v["tools"],
        json!(["get_handoff_status", "should_handoff"]),
        "{v}"
    );
    let call = v["call"].to_string();
    assert!(
        call.contains("request_handoff") || call.contains("not found"),
        "a switched-off tool answered: {v}"
    );
    assert!(
        audit(&baton, "mcp.tool").is_empty(),
        "a switched-off tool ran"
    );

    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("BATON_MCP_TOOLS", "request_handof")
        .env("BATON_DATA", tempfile::tempdir().unwrap().path())
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unknown tool `request_handof`"), "{stderr}");
}
