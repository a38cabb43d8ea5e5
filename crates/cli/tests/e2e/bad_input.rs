//! Bad input gets a precise 4xx problem document, never a panic or a 500.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::harness::{ADMIN, Baton, s};

async fn raw(
    baton: &Baton,
    path: &str,
    token: Option<&str>,
    content_type: &str,
    body: Vec<u8>,
) -> (StatusCode, Value) {
    let mut req = baton
        .http
        .post(format!("{}{path}", baton.url))
        .header("content-type", content_type)
        .body(body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    assert_eq!(
        res.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/problem+json"),
        "errors are problem documents"
    );
    (status, res.json().await.unwrap())
}

/// Sends a request head announcing `length` body bytes, then reads the answer.
async fn oversized_head(baton: &Baton, path: &str, token: &str, length: usize) -> (u16, Value) {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let addr = baton.url.trim_start_matches("http://");
    let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
    );
    tcp.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    tcp.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer);
    let status = answer[9..12].parse().unwrap();
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or_default();
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

#[tokio::test]
async fn malformed_bodies_name_what_and_where() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let conv = baton.conversation(&bot).await;
    let turns = format!("/v1/conversations/{conv}/turns");

    let (st, v) = raw(
        &baton,
        &turns,
        Some(&bot.secret),
        "application/json",
        b"{\"role\": \"customer\", \"text\": ".to_vec(),
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["type"], "urn:baton:problem:malformed-json");
    assert!(s(&v["detail"]).contains("line 1"), "{v}");

    let (st, v) = baton
        .turn(&bot, &conv, json!({"role": "customer", "txet": "hi"}))
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["field"], "txet");
    assert!(s(&v["detail"]).contains("unknown field"));

    let (st, v) = baton
        .turn(&bot, &conv, json!({"role": "customer", "text": 42}))
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["field"], "text");

    let (st, v) = baton
        .turn(&bot, &conv, json!({"role": "manager", "text": "hi"}))
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["field"], "role");

    let (st, v) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "ai", "text": "hi", "confidence": 1.7}),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["field"], "confidence");

    let (st, v) = baton
        .post(
            "/v1/conversations",
            &bot.secret,
            &json!({"channel": "chat", "customer": {"name": ["x"]}}),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["field"], "customer.name");

    let (st, v) = raw(
        &baton,
        &turns,
        Some(&bot.secret),
        "text/plain",
        b"hello".to_vec(),
    )
    .await;
    assert_eq!(st, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{v}");

    // A body over the limit is refused from its declared length, before it is read:
    // send only the head, as a client streaming a huge upload would start.
    let (st, v) = oversized_head(&baton, &turns, &bot.secret, 2 * 1024 * 1024).await;
    assert_eq!(st, 413, "{v}");
    assert_eq!(v["type"], "urn:baton:problem:body-too-large");

    let long_text = json!({"role": "customer", "text": "x".repeat(70_000)});
    let (st, v) = raw(
        &baton,
        &turns,
        Some(&bot.secret),
        "application/json",
        serde_json::to_vec(&long_text).unwrap(),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["field"], "text");

    // Nothing refused was stored; what was accepted before is intact.
    let (_, v) = baton
        .get(&format!("/v1/conversations/{conv}"), &bot.secret)
        .await;
    assert_eq!(v["turns"].as_array().unwrap().len(), 0);
    assert_eq!(v["turn_count"], 0);
}

#[tokio::test]
async fn unknown_and_malformed_ids_are_told_apart() {
    let baton = Baton::start().await;
    let missing = "01a20885-2820-72a4-8b33-8ad8e0849ce0";
    let (st, v) = baton.get(&format!("/v1/handoffs/{missing}"), ADMIN).await;
    assert_eq!(st, StatusCode::NOT_FOUND, "{v}");
    assert!(s(&v["detail"]).contains(missing));
    let (st, v) = baton.get("/v1/handoffs/not-an-id", ADMIN).await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["field"], "id");
    let (st, _) = baton
        .get(&format!("/v1/conversations/{missing}"), ADMIN)
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    let (st, v) = baton.get("/v1/nothing-here", ADMIN).await;
    assert_eq!(st, StatusCode::NOT_FOUND, "{v}");
}

#[tokio::test]
async fn illegal_transitions_are_refused_with_the_state_named() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let desk = baton.register("gina", "human").await;
    let conv = baton.conversation(&bot).await;
    let handoff = baton.handoff(&bot, &conv).await;

    let (st, v) = baton
        .post(
            &format!("/v1/handoffs/{handoff}/resolve"),
            &desk.secret,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN, "only its receiver resolves: {v}");
    let (st, v) = baton
        .post(
            &format!("/v1/handoffs/{handoff}/resolve"),
            ADMIN,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::CONFLICT, "{v}");
    assert!(s(&v["detail"]).contains("requested"));

    baton
        .post(
            &format!("/v1/handoffs/{handoff}/accept"),
            &desk.secret,
            &json!({}),
        )
        .await;
    let (st, _) = baton
        .post(
            &format!("/v1/handoffs/{handoff}/resolve"),
            &desk.secret,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    let (st, v) = baton
        .post(
            &format!("/v1/handoffs/{handoff}/accept"),
            &desk.secret,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::CONFLICT, "{v}");
    assert_eq!(v["type"], "urn:baton:problem:illegal-transition");
    assert_eq!(
        v["detail"],
        "cannot accept a handoff that is resolved; it is finished — request a new handoff instead"
    );
    let (st, v) = baton
        .post(
            &format!("/v1/handoffs/{handoff}/reject"),
            &desk.secret,
            &json!({"note": 5}),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["field"], "note");
}

#[tokio::test]
async fn every_v1_route_refuses_missing_or_wrong_credentials() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    // Every /v1 route the API documents, so a new route cannot forget authentication.
    let id = "01a20885-2820-72a4-8b33-8ad8e0849ce0";
    let (_, doc) = baton.call(Method::GET, "/openapi.json", None, None).await;
    let mut routes = Vec::new();
    for (path, ops) in doc["paths"].as_object().unwrap() {
        if !path.starts_with("/v1/") {
            continue;
        }
        let concrete = path
            .replace("{id}", id)
            .replace("{sha256}", &"0".repeat(64));
        for method in ops.as_object().unwrap().keys() {
            routes.push((
                Method::from_bytes(method.to_uppercase().as_bytes()).unwrap(),
                concrete.clone(),
            ));
        }
    }
    assert!(routes.len() >= 25, "{} documented /v1 routes", routes.len());
    let forged = format!("{}x", &bot.secret[..bot.secret.len() - 1]);
    for (method, path) in routes {
        for token in [
            None,
            Some("wrong"),
            Some(forged.as_str()),
            Some("bat_01a2088522077080a980f9e5f937579d_nope"),
        ] {
            let (st, v) = baton
                .call(method.clone(), &path, token, Some(&json!({})))
                .await;
            assert_eq!(
                st,
                StatusCode::UNAUTHORIZED,
                "{method} {path} with {token:?}: {v}"
            );
        }
    }
    // And every desk route but sign-in, without a session (or with a made-up one).
    let mut desk = 0;
    for (path, ops) in doc["paths"].as_object().unwrap() {
        if !path.starts_with("/desk/api/") || path == "/desk/api/login" {
            continue;
        }
        let concrete = path.replace("{id}", id);
        for method in ops.as_object().unwrap().keys() {
            desk += 1;
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            for cookie in [None, Some("baton_desk=forged-session-token")] {
                let mut req = baton
                    .http
                    .request(method.clone(), format!("{}{concrete}", baton.url))
                    .json(&json!({}));
                if let Some(c) = cookie {
                    req = req.header("cookie", c);
                }
                let res = req.send().await.unwrap();
                assert_eq!(
                    res.status(),
                    StatusCode::UNAUTHORIZED,
                    "{method} {concrete} with {cookie:?}"
                );
            }
        }
    }
    assert!(desk >= 12, "{desk} documented desk routes");
    let (st, v) = baton
        .post(
            "/v1/agents",
            &bot.secret,
            &json!({"name": "x", "kind": "ai"}),
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{v}");
    let (st, v) = baton
        .post("/v1/agents", ADMIN, &json!({"name": "", "kind": "ai"}))
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["field"], "name");
}
