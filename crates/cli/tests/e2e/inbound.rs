//! A CRM or helpdesk posts feedback back, signed with its own scheme: Standard
//! Webhooks (signed here by the reference Python library) or `sha256=<hex>` HMAC.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::harness::{ADMIN, Baton, s};

/// Signs `body` with the reference `standardwebhooks` library; returns the headers.
fn python_sign(secret: &str, msg_id: &str, body: &str) -> Value {
    let script = "import sys, json, datetime; from standardwebhooks import Webhook; \
        now = datetime.datetime.now(tz=datetime.timezone.utc); \
        sig = Webhook(sys.argv[1]).sign(sys.argv[2], now, sys.argv[3]); \
        print(json.dumps({'webhook-id': sys.argv[2], 'webhook-timestamp': str(int(now.timestamp())), 'webhook-signature': sig}))";
    let out = std::process::Command::new("python3")
        .args(["-c", script, secret, msg_id, body])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

pub(crate) fn python_hmac_hex(secret: &str, body: &str) -> String {
    let script = "import sys, hmac, hashlib; \
        print('sha256=' + hmac.new(sys.argv[1].encode(), sys.argv[2].encode(), hashlib.sha256).hexdigest())";
    let out = std::process::Command::new("python3")
        .args(["-c", script, secret, body])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[tokio::test]
async fn platforms_post_signed_feedback_and_forgeries_are_refused() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let conv = baton.conversation(&bot).await;
    let handoff = baton.handoff(&bot, &conv).await;

    let (st, crm) = baton
        .post(
            "/v1/inbound-sources",
            ADMIN,
            &json!({"name": "crm", "scheme": "standard-webhooks"}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{crm}");
    let (st, desk) = baton
        .post("/v1/inbound-sources", ADMIN, &json!({"name": "helpdesk", "scheme": "hmac-sha256-hex", "header": "X-Helpdesk-Signature"}))
        .await;
    assert_eq!(st, StatusCode::CREATED, "{desk}");
    let (st, v) = baton
        .post(
            "/v1/inbound-sources",
            ADMIN,
            &json!({"name": "x", "scheme": "md5"}),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");

    let body = json!({"handoff_id": handoff, "verdict": {"needed": true, "reason_correct": true}, "resolution": "refunded"}).to_string();
    let send = |path: &'static str, headers: Vec<(String, String)>, body: String| {
        let mut req = baton
            .http
            .post(format!("{}{path}", baton.url))
            .header("content-type", "application/json")
            .body(body);
        for (k, v) in headers {
            req = req.header(k, v);
        }
        req.send()
    };
    let signed = python_sign(&s(&crm["secret"]), "msg_feedback_1", &body);
    let headers: Vec<(String, String)> = signed
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), s(v)))
        .collect();
    let res = send("/inbound/crm", headers.clone(), body.clone())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert_eq!(res.json::<Value>().await.unwrap()["stored"], true);
    // A retried delivery of the same message counts once.
    let res = send("/inbound/crm", headers.clone(), body.clone())
        .await
        .unwrap();
    assert_eq!(res.json::<Value>().await.unwrap()["stored"], false);
    // Tampered body, or no signature: refused.
    let res = send("/inbound/crm", headers, body.replace("refunded", "ignored"))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = send("/inbound/crm", vec![], body.clone()).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    let sig = python_hmac_hex(&s(&desk["secret"]), &body);
    let res = send(
        "/inbound/helpdesk",
        vec![("X-Helpdesk-Signature".into(), sig.clone())],
        body.clone(),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let forged = python_hmac_hex("not-the-secret", &body);
    let res = send(
        "/inbound/helpdesk",
        vec![("X-Helpdesk-Signature".into(), forged)],
        body.clone(),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = send("/inbound/nobody", vec![], body.clone()).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    let (st, v) = baton
        .get(&format!("/v1/handoffs/{handoff}/feedback"), ADMIN)
        .await;
    assert_eq!(st, StatusCode::OK);
    let sources: Vec<String> = v["feedback"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| s(&f["source"]))
        .collect();
    assert_eq!(sources, ["crm", "helpdesk"]);
    assert_eq!(v["feedback"][0]["body"]["resolution"], "refunded");
}
