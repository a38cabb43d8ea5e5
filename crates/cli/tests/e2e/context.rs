//! The context package through the API: redacted per receiver, never leaking a
//! secret to a receiver, the logs or an export; importable elsewhere.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::harness::{ADMIN, Baton, s};

/// Secrets planted in every corner of a conversation; none may leave Baton.
const CANARIES: [&str; 9] = [
    "Hunter2-Canary!",
    "4111 1111 1111 1111",
    "4111111111111111",
    "CANARY-internal-note",
    "ACME-SECRET-482913",
    "sk_live_51CanaryKeyAbCdEfGhIjKlMn",
    "078-05-1120",
    "GB82WEST12345698765432",
    "551932",
];

const RECEIVERS: &str = r#"
receivers:
  desk:
    redaction:
      cards: { keep_last: 4 }
      patterns:
        - { name: acme_secret, regex: "ACME-SECRET-[0-9]{6}" }
  "external:partner":
    redaction:
      include: [summary, history, customer.data.order_number]
      cards: { keep_last: 0 }
      patterns:
        - { name: acme_secret, regex: "ACME-SECRET-[0-9]{6}" }
  admin:
    redaction:
      patterns:
        - { name: acme_secret, regex: "ACME-SECRET-[0-9]{6}" }
"#;

fn assert_clean(what: &str, text: &str) {
    for c in CANARIES {
        assert!(!text.contains(c), "{what} leaked `{c}`:\n{text}");
    }
}

#[tokio::test]
async fn no_canary_reaches_any_receiver_the_logs_or_an_export() {
    let data = tempfile::tempdir().unwrap();
    let receivers = data.path().join("receivers.yaml");
    std::fs::write(&receivers, RECEIVERS).unwrap();
    let baton = Baton::start_with(data, &[("BATON_RECEIVERS", receivers.to_str().unwrap())]).await;
    let bot = baton.register("bot", "ai").await;
    let desk = baton.register("alice", "human").await;
    let partner = baton.register("partner", "external").await;

    let (st, conv) = baton
        .post(
            "/v1/conversations",
            &bot.secret,
            &json!({"channel": "chat", "customer": {"id": "cust-7", "name": "Ada",
                "data": {"order_number": "ORD-99812", "password": "Hunter2-Canary!", "iban": "GB82WEST12345698765432"}}}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{conv}");
    let conv = s(&conv["id"]);
    for turn in [
        json!({"role": "customer", "text": "Hi, my order ORD-99812 never arrived. My card is 4111 1111 1111 1111.",
               "internal": "CANARY-internal-note: VIP, refund without asking"}),
        json!({"role": "ai", "text": "I can help. Can you confirm the code we sent?", "confidence": 0.8}),
        json!({"role": "customer", "text": "the code is 551932 and my password is Hunter2-Canary!",
               "data": {"ssn": "078-05-1120", "card": "4111111111111111"}}),
        json!({"role": "tool", "text": "crm lookup used key sk_live_51CanaryKeyAbCdEfGhIjKlMn and token ACME-SECRET-482913"}),
    ] {
        let (st, v) = baton.turn(&bot, &conv, turn).await;
        assert_eq!(st, StatusCode::CREATED, "{v}");
    }
    let (st, h) = baton
        .post(
            &format!("/v1/conversations/{conv}/handoffs"),
            &bot.secret,
            &json!({"reason": "regulated", "destination": "billing",
                    "utterance": "I see the card 4111 1111 1111 1111 and token ACME-SECRET-482913; a colleague will help.",
                    "parameters": {"crm": {"tier": "gold", "api_key": "sk_live_51CanaryKeyAbCdEfGhIjKlMn", "note": "ACME-SECRET-482913"}}}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{h}");
    let handoff = s(&h["id"]);

    let path = format!("/v1/handoffs/{handoff}/context");
    let (st, for_desk) = baton.get(&path, &desk.secret).await;
    assert_eq!(st, StatusCode::OK, "{for_desk}");
    let (st, for_partner) = baton.get(&path, &partner.secret).await;
    assert_eq!(st, StatusCode::OK, "{for_partner}");
    let (st, for_admin) = baton.get(&path, ADMIN).await;
    assert_eq!(st, StatusCode::OK, "{for_admin}");
    for (who, doc) in [
        ("desk", &for_desk),
        ("partner", &for_partner),
        ("admin", &for_admin),
    ] {
        assert_clean(who, &doc.to_string());
        assert!(
            doc["redactions"].as_array().is_some_and(|r| !r.is_empty()),
            "{who} is told what was removed"
        );
    }

    // The raw read routes are no way around redaction.
    for who in [&desk, &partner] {
        for path in [
            format!("/v1/conversations/{conv}"),
            format!("/v1/conversations/{conv}/turns"),
            format!("/v1/handoffs/{handoff}"),
            "/v1/handoffs".to_owned(),
        ] {
            let (st, v) = baton.get(&path, &who.secret).await;
            assert_eq!(st, StatusCode::OK, "{path}: {v}");
            assert_clean(&format!("{} {path}", who.id), &v.to_string());
        }
    }

    // What each receiver needs arrives intact.
    let desk_text = for_desk.to_string();
    assert!(
        desk_text.contains("•••• 1111"),
        "the desk keeps the card's last four: {desk_text}"
    );
    assert!(desk_text.contains("ORD-99812"));
    assert_eq!(for_desk["customer"]["data"]["order_number"], "ORD-99812");
    assert_eq!(for_desk["crm"]["tier"], "gold");
    assert_eq!(for_desk["history"].as_array().unwrap().len(), 4);
    assert_eq!(for_partner["customer"]["data"]["order_number"], "ORD-99812");
    assert!(
        for_partner.get("crm").is_none_or(Value::is_null),
        "the partner gets no CRM: {for_partner}"
    );
    assert_eq!(for_admin["version"], "baton.context/v1");

    // The published schema validates every package served (the partner's is
    // a subset: its policy includes only a few fields).
    let (st, schema) = baton.get("/v1/schemas/context.json", &desk.secret).await;
    assert_eq!(st, StatusCode::OK);
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    for (who, doc) in [("desk", &for_desk), ("admin", &for_admin)] {
        let errors: Vec<String> = validator.iter_errors(doc).map(|e| e.to_string()).collect();
        assert!(
            errors.is_empty(),
            "{who}'s package fails the schema: {errors:?}"
        );
    }

    // An export is what the caller may see; it imports elsewhere as new work.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("handoff.json");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["handoff", "export", &handoff, "--out"])
        .arg(&file)
        .args(["--url", &baton.url])
        .env("BATON_TOKEN", &desk.secret)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let exported = std::fs::read_to_string(&file).unwrap();
    assert_clean("the export", &exported);
    let other_bot = baton.register("other-bot", "ai").await;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["handoff", "import"])
        .arg(&file)
        .args(["--url", &baton.url])
        .env("BATON_TOKEN", &other_bot.secret)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (_, list) = baton.get("/v1/handoffs", &other_bot.secret).await;
    let imported = &list["handoffs"][0];
    assert_eq!(imported["reason"], "regulated");
    let (_, c) = baton
        .get(
            &format!("/v1/conversations/{}", s(&imported["conversation_id"])),
            &other_bot.secret,
        )
        .await;
    assert_eq!(c["turns"].as_array().unwrap().len(), 4, "{c}");
    assert_clean("the imported conversation", &c.to_string());

    // Nothing secret was logged, even at debug level.
    let (_, data) = baton.terminate().await;
    let log = std::fs::read_to_string(data.path().join("server.log")).unwrap();
    assert!(
        log.contains("context.fetched") || log.contains("handoff requested"),
        "the log is being written"
    );
    assert_clean("the server log", &log);
    for secret in [
        ADMIN,
        bot.secret.as_str(),
        desk.secret.as_str(),
        partner.secret.as_str(),
    ] {
        assert!(!log.contains(secret), "a credential reached the log");
    }
}

#[tokio::test]
async fn a_bad_receivers_file_is_refused_with_file_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("receivers.yaml");
    std::fs::write(
        &file,
        "receivers:\n  desk:\n    redaction:\n      include: [summary, histroy]\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["context", "check"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("receivers.yaml:4"), "{err}");
    assert!(err.contains("histroy"), "{err}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(dir.path())
        .arg("--receivers")
        .arg(&file)
        .env("BATON_ADMIN_TOKEN", ADMIN)
        .output()
        .unwrap();
    assert!(!out.status.success(), "serve refuses a bad receivers file");
    assert!(String::from_utf8_lossy(&out.stderr).contains("receivers.yaml:4"));
}

#[tokio::test]
async fn artifacts_logs_and_checkpoints_travel_with_the_handoff() {
    let data = tempfile::tempdir().unwrap();
    // The desk's policy keeps logs (the strict default drops them); secrets still go.
    let receivers = data.path().join("receivers.yaml");
    std::fs::write(&receivers, "receivers:\n  desk:\n    redaction: {}\n").unwrap();
    let receivers = receivers.to_str().unwrap().to_owned();
    let baton = Baton::start_with(
        data,
        &[
            ("BATON_ARTIFACT_MAX_BYTES", "4096"),
            ("BATON_RECEIVERS", receivers.as_str()),
        ],
    )
    .await;
    let bot = baton.register("file-agent", "ai").await;
    let desk = baton.register("reviewer", "human").await;
    let stranger = baton.register("stranger", "ai").await;
    let conv = baton.conversation(&bot).await;
    baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "please migrate my invoices"}),
        )
        .await;

    let report = b"step 1 ok\nstep 2 failed: schema mismatch in invoices.csv\n".to_vec();
    let upload = |token: String, body: Vec<u8>, meta: Option<&str>| {
        let mut req = baton
            .http
            .post(format!(
                "{}/v1/conversations/{conv}/artifacts?name=run.log",
                baton.url
            ))
            .bearer_auth(token)
            .header("content-type", "text/plain")
            .body(body);
        if let Some(m) = meta {
            req = req.header("baton-artifact-metadata", m);
        }
        req.send()
    };
    let res = upload(
        bot.secret.clone(),
        report.clone(),
        Some(r#"{"step": 2, "api_key": "sk_live_51CanaryKeyAbCdEfGhIjKlMn"}"#),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let artifact: Value = res.json().await.unwrap();
    let sha = s(&artifact["sha256"]);
    assert_eq!(artifact["size"], report.len());
    let res = upload(bot.secret.clone(), vec![b'x'; 5000], None)
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let problem: Value = res.json().await.unwrap();
    assert!(s(&problem["detail"]).contains("4096"), "{problem}");
    let res = upload(stranger.secret.clone(), b"x".to_vec(), None)
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "only the conversation's agent attaches"
    );

    let (st, v) = baton
        .post(
            &format!("/v1/conversations/{conv}/checkpoints"),
            &bot.secret,
            &json!({"name": "after step 1", "seq": 1, "data": {"migrated": 120}}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    let (st, v) = baton
        .post(&format!("/v1/conversations/{conv}/logs"), &bot.secret, &json!({"level": "error", "message": "schema mismatch", "fields": {"file": "invoices.csv"}}))
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    let (st, v) = baton
        .post(
            &format!("/v1/conversations/{conv}/checkpoints"),
            &bot.secret,
            &json!({"nam": "typo"}),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");

    let handoff = baton.handoff(&bot, &conv).await;
    let (st, pkg) = baton
        .get(&format!("/v1/handoffs/{handoff}/context"), &desk.secret)
        .await;
    assert_eq!(st, StatusCode::OK, "{pkg}");
    let listed = &pkg["artifacts"][0];
    assert_eq!(listed["sha256"], sha.as_str());
    assert_eq!(listed["name"], "run.log");
    assert_eq!(listed["metadata"]["step"], 2);
    assert!(
        !pkg.to_string().contains("sk_live_51CanaryKey"),
        "artifact metadata is redacted"
    );
    assert_eq!(pkg["checkpoints"][0]["data"]["migrated"], 120);
    assert_eq!(pkg["logs"][0]["message"], "schema mismatch");
    let url = s(&listed["url"]);
    assert!(url.starts_with(&baton.url) && url.ends_with(&sha), "{url}");

    let res = baton
        .http
        .get(&url)
        .bearer_auth(&desk.secret)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "text/plain");
    assert_eq!(res.bytes().await.unwrap().to_vec(), report);
    let res = baton.http.get(&url).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = baton
        .http
        .get(&url)
        .bearer_auth(&stranger.secret)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // A receiver who may read the conversation still may not attach to it, and
    // nothing reaches the disk for the refused upload.
    let artifacts = baton.data.path().join("artifacts");
    let before = walk(&artifacts);
    let res = upload(desk.secret.clone(), b"not mine to add".to_vec(), None)
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(walk(&artifacts), before);
    let other = format!(
        "{}/v1/handoffs/{handoff}/artifacts/{}",
        baton.url,
        "0".repeat(64)
    );
    let res = baton
        .http
        .get(other)
        .bearer_auth(&desk.secret)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

/// Every file under `dir`, sorted.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A package of any length keeps the newest turns (the trigger among them) and says
/// how many older ones it left out: by count (12,000 turns) and by size (64 KiB turns).
#[tokio::test]
async fn long_conversations_keep_their_newest_turns_in_the_package() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let history: Vec<Value> = (1..=12_000)
        .map(|i| json!({"role": if i % 2 == 0 { "ai" } else { "customer" }, "text": format!("turn {i}")}))
        .collect();
    let (st, imported) = baton
        .post(
            "/v1/conversations/import",
            &bot.secret,
            &json!({"version": "baton.context/v1", "reason": "manual", "history": history}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{imported}");
    let handoff = s(&imported["handoff"]["id"]);
    let (st, pkg) = baton
        .get(&format!("/v1/handoffs/{handoff}/context"), ADMIN)
        .await;
    assert_eq!(st, StatusCode::OK, "{pkg}");
    let history = pkg["history"].as_array().unwrap();
    assert_eq!(
        history.last().unwrap()["text"],
        "turn 12000",
        "ends with the last turn"
    );
    assert_eq!(history.last().unwrap()["seq"], 12_000);
    let omitted = pkg["truncated"]["omitted_turns"].as_i64().unwrap();
    assert_eq!(
        omitted as usize + history.len(),
        12_000,
        "{}",
        pkg["truncated"]
    );
    assert_eq!(pkg["truncated"]["first_seq"], history[0]["seq"]);

    // Large turns: the size budget applies, the newest turn still comes last.
    let conv = baton.conversation(&bot).await;
    let big = "word ".repeat(60 * 1024 / 5);
    for i in 0..80 {
        let (st, v) = baton
            .turn(
                &bot,
                &conv,
                json!({"role": "ai", "text": format!("{i} {big}"), "confidence": 0.9}),
            )
            .await;
        assert_eq!(st, StatusCode::CREATED, "{v}");
    }
    let (st, v) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "the last words"}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    let h = baton.handoff(&bot, &conv).await;
    let (st, pkg) = baton.get(&format!("/v1/handoffs/{h}/context"), ADMIN).await;
    assert_eq!(st, StatusCode::OK);
    let history = pkg["history"].as_array().unwrap();
    assert_eq!(history.last().unwrap()["text"], "the last words");
    assert!(history.len() < 81, "the size budget left turns out");
    assert_eq!(
        pkg["truncated"]["omitted_turns"].as_i64().unwrap() as usize + history.len(),
        81
    );
}
