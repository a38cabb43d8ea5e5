//! What an acknowledgement guarantees: a SIGKILL loses nothing acknowledged.

use reqwest::StatusCode;
use serde_json::json;

use crate::harness::{ADMIN, Baton, s};

/// Three distinct things customer `i` says.
fn said(i: usize) -> Vec<String> {
    vec![
        format!("Hi, I ordered a desk lamp, order number {i}"),
        "It arrived yesterday but the switch does not work".to_owned(),
        format!(
            "Could you send a replacement to my address? It is {} Main Street",
            10 + i
        ),
    ]
}

#[tokio::test]
async fn an_acknowledged_handoff_and_its_turns_survive_sigkill() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let desk = baton.register("frank", "human").await;
    let mut convs = Vec::new();
    for i in 0..20 {
        let conv = baton.conversation(&bot).await;
        for text in said(i) {
            let (st, v) = baton
                .turn(&bot, &conv, json!({"role": "customer", "text": text}))
                .await;
            assert_eq!(st, StatusCode::CREATED);
            assert_eq!(v["decision"]["handoff"], false, "{v}");
        }
        let handoff = baton.handoff(&bot, &conv).await;
        convs.push((conv, handoff));
    }
    let (accepted_conv, accepted) = convs[0].clone();
    let (st, _) = baton
        .post(
            &format!("/v1/handoffs/{accepted}/accept"),
            &desk.secret,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::OK);

    let data = baton.kill9().await;
    let baton = Baton::start_in(data).await;

    for (i, (conv, handoff)) in convs.iter().enumerate() {
        let (st, v) = baton.get(&format!("/v1/handoffs/{handoff}"), ADMIN).await;
        assert_eq!(st, StatusCode::OK, "handoff {i} lost: {v}");
        let (_, v) = baton.get(&format!("/v1/conversations/{conv}"), ADMIN).await;
        let texts: Vec<_> = v["turns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| s(&t["text"]))
            .collect();
        assert_eq!(texts, said(i));
        assert_eq!(v["open_handoff"], handoff.as_str());
    }
    let (_, v) = baton.get(&format!("/v1/handoffs/{accepted}"), ADMIN).await;
    assert_eq!(v["state"], "accepted");
    // Credentials survive too, and the AI is still silenced in the accepted one.
    let (st, _) = baton
        .turn(
            &bot,
            &accepted_conv,
            json!({"role": "ai", "text": "still here?"}),
        )
        .await;
    assert_eq!(st, StatusCode::CONFLICT);
    let (st, _) = baton
        .post(
            &format!("/v1/handoffs/{accepted}/resolve"),
            &desk.secret,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
}

#[tokio::test]
async fn a_second_server_on_the_same_data_directory_is_refused() {
    let baton = Baton::start().await;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(baton.data.path())
        .env("BATON_ADMIN_TOKEN", ADMIN)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("another Baton process"));
}
