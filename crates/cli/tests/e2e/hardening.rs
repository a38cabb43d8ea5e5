//! What an outside probe of the running server found (issue 14), each driven over
//! HTTP against the real binary: password guessing in parallel, timestamps, body
//! shapes, limits, names, SSRF, inbound replay, file modes and slow connections.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

use crate::harness::{ADMIN, Baton, s};

/// One HTTP/1.1 exchange over a fresh connection (`Connection: close`): status,
/// content type and body.
async fn exchange(baton: &Baton, request: &[u8]) -> (u16, String, String) {
    let addr = baton.url.trim_start_matches("http://");
    let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    tcp.write_all(request).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(30), tcp.read_to_end(&mut answer))
        .await
        .expect("no answer within 30 s")
        .ok();
    let answer = String::from_utf8_lossy(&answer).into_owned();
    assert!(answer.len() >= 12, "no HTTP answer: {answer:?}");
    let status = answer[9..12].parse().unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    let content_type = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-type:")
                .map(|v| v.trim().to_owned())
        })
        .unwrap_or_default();
    (status, content_type, body.to_owned())
}

/// Uploads `body` as artifact `name` of conversation `conv`.
async fn upload(
    baton: &Baton,
    token: &str,
    conv: &str,
    name: &str,
    body: &'static str,
) -> reqwest::Response {
    baton
        .http
        .post(format!(
            "{}/v1/conversations/{conv}/artifacts?name={name}",
            baton.url
        ))
        .bearer_auth(token)
        .body(body)
        .send()
        .await
        .unwrap()
}

/// A chunked POST whose body is `total` bytes in 64 KiB chunks.
fn chunked_post(
    baton: &Baton,
    path: &str,
    token: &str,
    content_type: &str,
    total: usize,
) -> Vec<u8> {
    let addr = baton.url.trim_start_matches("http://");
    let mut req = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: {content_type}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    )
    .into_bytes();
    let mut left = total;
    while left > 0 {
        let n = left.min(64 * 1024);
        req.extend_from_slice(format!("{n:x}\r\n").as_bytes());
        req.extend(std::iter::repeat_n(b'a', n));
        req.extend_from_slice(b"\r\n");
        left -= n;
    }
    req.extend_from_slice(b"0\r\n\r\n");
    req
}

#[tokio::test]
async fn parallel_password_guesses_are_counted_before_any_is_checked() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("routing.yaml");
    let hash = crate::desk::hash_password("carol-right-password-3").await;
    std::fs::write(
        &path,
        format!(
            "queues:\n  - name: support\nusers:\n  - username: carol\n    name: Carol\n    password_hash: \"{hash}\"\n    queues: [support]\n"
        ),
    )
    .unwrap();
    let path = path.to_str().unwrap().to_owned();
    let baton = Baton::start_with(data, &[("BATON_ROUTING", &path)]).await;
    let login = |password: String| {
        let http = baton.http.clone();
        let url = format!("{}/desk/api/login", baton.url);
        async move {
            http.post(url)
                .json(&json!({"username": "carol", "password": password}))
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    let guesses: Vec<_> = (0..60)
        .map(|i| tokio::spawn(login(format!("guess-{i}"))))
        .collect();
    let mut checked = 0;
    let mut throttled = 0;
    for g in guesses {
        match g.await.unwrap() {
            StatusCode::UNAUTHORIZED => checked += 1,
            StatusCode::TOO_MANY_REQUESTS => throttled += 1,
            other => panic!("unexpected answer to a wrong password: {other}"),
        }
    }
    assert!(
        checked <= 5,
        "{checked} of 60 parallel guesses were checked; the lock allows five"
    );
    assert_eq!(checked + throttled, 60);
    // Locked now: even the right password is refused until the window ends.
    assert_eq!(
        login("carol-right-password-3".into()).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn timestamps_that_cannot_be_written_back_are_refused_and_the_conversation_stays_readable() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let conv = baton.conversation(&bot).await;
    for at in [
        "0000-01-01T00:00:00+23:59",
        "9999-12-31T23:59:59-23:59",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "1969-07-20T20:17:00Z",
    ] {
        let (st, v) = baton
            .turn(
                &bot,
                &conv,
                json!({"role": "customer", "text": "x", "at": at}),
            )
            .await;
        assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{at}: {v}");
        assert_eq!(v["field"], "at", "{v}");
    }
    // The policy: at most 5 minutes ahead of the server's clock, at most 10 years back.
    let ahead = time::OffsetDateTime::now_utc() + time::Duration::hours(1);
    let (st, v) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "x", "at": ahead.format(&time::format_description::well_known::Rfc3339).unwrap()}),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(
        s(&v["detail"]).contains("ahead of the server's clock"),
        "{v}"
    );
    let (st, v) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "x", "at": "2010-01-01T00:00:00Z"}),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    // An offset is kept as the same instant, in UTC.
    let earlier = time::OffsetDateTime::now_utc() - time::Duration::minutes(10);
    let local = earlier
        .to_offset(time::macros::offset!(+05:30))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let (st, v) = baton
        .turn(
            &bot,
            &conv,
            json!({"role": "customer", "text": "from India", "at": local}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    assert!(s(&v["turn"]["at"]).ends_with('Z'), "{v}");
    for path in [
        format!("/v1/conversations/{conv}"),
        format!("/v1/conversations/{conv}/turns"),
    ] {
        let (st, v) = baton.get(&path, &bot.secret).await;
        assert_eq!(st, StatusCode::OK, "{path}: {v}");
    }
    // Imports go through the same rule, naming the entry.
    let (st, v) = baton
        .post(
            "/v1/conversations/import",
            &bot.secret,
            &json!({"version": "baton.context/v1.0", "reason": "manual",
                    "history": [{"role": "customer", "text": "hi", "at": "0000-01-01T00:00:00+23:59"}]}),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(s(&v["field"]).contains("history[0].at"), "{v}");
}

#[tokio::test]
async fn bodies_must_be_one_document_of_the_right_types() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let conv = baton.conversation(&bot).await;
    let addr = baton.url.trim_start_matches("http://").to_owned();
    let post = |path: &str, body: &str| {
        format!(
            "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            bot.secret,
            body.len()
        )
    };
    let turns = format!("/v1/conversations/{conv}/turns");
    let (st, ct, body) = exchange(
        &baton,
        post(&turns, r#"{"role":"customer","text":"x"} xyz"#).as_bytes(),
    )
    .await;
    assert_eq!(
        (st, ct.as_str()),
        (400, "application/problem+json"),
        "{body}"
    );
    assert!(body.contains("after the JSON document"), "{body}");
    let (_, turns_after) = baton.get(&turns, &bot.secret).await;
    assert_eq!(
        turns_after["turns"].as_array().map(Vec::len),
        Some(0),
        "nothing stored"
    );

    for (path, doc, field) in [
        (turns.as_str(), r#"{"role":5,"text":"x"}"#, "role"),
        ("/v1/conversations", r#"{"channel":5}"#, "channel"),
        (
            turns.as_str(),
            r#"{"role":"customer","text":"x","event":true}"#,
            "event",
        ),
    ] {
        let (st, ct, body) = exchange(&baton, post(path, doc).as_bytes()).await;
        assert_eq!(
            (st, ct.as_str()),
            (422, "application/problem+json"),
            "{doc}: {body}"
        );
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["field"], field, "{doc}: {v}");
    }
    for (path, doc) in [
        (
            format!("/v1/conversations/{conv}/logs"),
            json!({"level": "info", "message": "m", "mesage": "typo"}),
        ),
        (
            format!("/v1/conversations/{conv}/checkpoints"),
            json!({"name": "verified", "dat": {}}),
        ),
    ] {
        let (st, v) = baton.post(&path, &bot.secret, &doc).await;
        assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {v}");
        assert!(s(&v["detail"]).contains("unknown field"), "{v}");
    }
}

#[tokio::test]
async fn over_limit_requests_get_problem_documents_whatever_the_framing() {
    let data = tempfile::tempdir().unwrap();
    let baton = Baton::start_with(data, &[("BATON_ARTIFACT_MAX_BYTES", "4096")]).await;
    let bot = baton.register("bot", "ai").await;
    let conv = baton.conversation(&bot).await;
    let handoff = baton.handoff(&bot, &conv).await;
    let (st, src) = baton
        .post(
            "/v1/inbound-sources",
            ADMIN,
            &json!({"name": "crm", "scheme": "standard-webhooks"}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{src}");
    for (path, content_type, size) in [
        (
            format!("/v1/conversations/{conv}/artifacts?name=big.bin"),
            "application/octet-stream",
            8192,
        ),
        (
            format!("/v1/handoffs/{handoff}/reject"),
            "application/json",
            2 * 1024 * 1024,
        ),
        (
            "/inbound/crm".to_owned(),
            "application/json",
            2 * 1024 * 1024,
        ),
    ] {
        let req = chunked_post(&baton, &path, &bot.secret, content_type, size);
        let (st, ct, body) = exchange(&baton, &req).await;
        assert_eq!(st, 413, "{path}: {body}");
        assert_eq!(ct, "application/problem+json", "{path}: {body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["status"], 413);
    }
    let addr = baton.url.trim_start_matches("http://");
    let long_url = format!(
        "GET /v1/handoffs?q={} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n",
        "a".repeat(20_000)
    );
    let (st, ct, body) = exchange(&baton, long_url.as_bytes()).await;
    assert_eq!(
        (st, ct.as_str()),
        (414, "application/problem+json"),
        "{body}"
    );
    let big_header = format!(
        "GET /v1/handoffs HTTP/1.1\r\nHost: {addr}\r\nX-Padding: {}\r\nConnection: close\r\n\r\n",
        "a".repeat(40_000)
    );
    let (st, ct, body) = exchange(&baton, big_header.as_bytes()).await;
    assert_eq!(
        (st, ct.as_str()),
        (431, "application/problem+json"),
        "{body}"
    );
    // Still serving, and the handoff was not touched by the refused command.
    let (st, v) = baton
        .get(&format!("/v1/handoffs/{handoff}"), &bot.secret)
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(v["state"], "requested", "{v}");
}

#[tokio::test]
async fn artifact_names_are_plain_file_names_in_utf8() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let conv = baton.conversation(&bot).await;
    for bad in [
        "%ff%fe",
        "..",
        ".",
        "a%00b",
        "a%2Fb",
        "..%2F..%2Fetc%2Fpasswd",
        "%0a",
    ] {
        let res = upload(&baton, &bot.secret, &conv, bad, "content").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        let v: Value = res.json().await.unwrap();
        assert_eq!(v["field"], "name", "{bad}: {v}");
    }
    let res = upload(
        &baton,
        &bot.secret,
        &conv,
        "r%C3%A9sum%C3%A9+2026.pdf",
        "content",
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["name"], "résumé 2026.pdf");
}

#[tokio::test]
async fn a_trailing_dot_does_not_make_localhost_public() {
    let baton = Baton::start().await;
    for url in [
        "http://localhost./hook",
        "http://LOCALHOST../hook",
        "http://app.localhost./hook",
        "http://2130706433/hook",
    ] {
        let (st, v) = baton
            .post(
                "/v1/webhooks",
                ADMIN,
                &json!({"url": url, "events": ["handoff.requested"]}),
            )
            .await;
        assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{url}: {v}");
        assert!(s(&v["detail"]).contains("private"), "{v}");
    }
}

#[tokio::test]
async fn a_body_only_signature_cannot_be_replayed_even_after_a_restart() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let conv = baton.conversation(&bot).await;
    let handoff = baton.handoff(&bot, &conv).await;
    let (st, src) = baton
        .post(
            "/v1/inbound-sources",
            ADMIN,
            &json!({"name": "helpdesk", "scheme": "hmac-sha256-hex", "header": "X-Helpdesk-Signature"}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{src}");
    let body = json!({"handoff_id": handoff, "resolution": "refunded"}).to_string();
    let sig = crate::inbound::python_hmac_hex(&s(&src["secret"]), &body);
    let send = |baton: &Baton, request_id: &str| {
        baton
            .http
            .post(format!("{}/inbound/helpdesk", baton.url))
            .header("content-type", "application/json")
            .header("X-Helpdesk-Signature", &sig)
            .header("X-Request-Id", request_id)
            .body(body.clone())
            .send()
    };
    let res = send(&baton, "first").await.unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert_eq!(res.json::<Value>().await.unwrap()["stored"], true);
    // The same signed body with a fresh, unsigned delivery id changes nothing.
    let res = send(&baton, "second").await.unwrap();
    assert_eq!(res.json::<Value>().await.unwrap()["stored"], false);
    let (_, data) = baton.terminate().await;
    let baton = Baton::start_in(data).await;
    let res = send(&baton, "third").await.unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert_eq!(res.json::<Value>().await.unwrap()["stored"], false);
    let (_, v) = baton
        .get(&format!("/v1/handoffs/{handoff}/feedback"), ADMIN)
        .await;
    assert_eq!(v["feedback"].as_array().map(Vec::len), Some(1), "{v}");
}

#[cfg(unix)]
#[tokio::test]
async fn a_new_data_directory_is_private_to_its_owner() {
    use std::os::unix::fs::PermissionsExt as _;
    let parent = tempfile::tempdir().unwrap();
    let data = tempfile::TempDir::new_in(parent.path()).unwrap();
    // Baton creates the directory itself: start on a path that does not exist yet.
    std::fs::remove_dir(data.path()).unwrap();
    let baton = Baton::start_with(data, &[]).await;
    let bot = baton.register("bot", "ai").await;
    let conv = baton.conversation(&bot).await;
    let res = upload(&baton, &bot.secret, &conv, "a.txt", "secret words").await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let root = baton.data.path().to_owned();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&root), 0o700, "data directory");
    let mut checked = 0;
    let mut stack = vec![root.clone()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.file_name().is_some_and(|n| n == "server.log") {
                continue; // written by the test harness, not by Baton
            }
            if p.is_dir() {
                assert_eq!(mode(&p), 0o700, "{}", p.display());
                stack.push(p);
            } else {
                assert_eq!(mode(&p), 0o600, "{}", p.display());
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 4,
        "database, WAL, key, lock and the artifact: {checked}"
    );
}

#[tokio::test]
async fn idle_and_half_sent_connections_are_closed_and_each_address_has_a_cap() {
    let data = tempfile::tempdir().unwrap();
    let baton = Baton::start_with(
        data,
        &[
            ("BATON_HEADER_TIMEOUT", "1"),
            ("BATON_MAX_CONNECTIONS_PER_IP", "4"),
        ],
    )
    .await;
    let addr = baton.url.trim_start_matches("http://").to_owned();
    // Closed by the server: a read returns end-of-file (or a reset).
    async fn closed_within(tcp: &mut tokio::net::TcpStream, limit: Duration) -> bool {
        let mut buf = [0u8; 1024];
        tokio::time::timeout(limit, async {
            loop {
                match tcp.read(&mut buf).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
            }
        })
        .await
        .is_ok()
    }
    let mut idle = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let mut half = tokio::net::TcpStream::connect(&addr).await.unwrap();
    half.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    assert!(
        closed_within(&mut idle, Duration::from_secs(10)).await,
        "an idle connection stays open"
    );
    assert!(
        closed_within(&mut half, Duration::from_secs(10)).await,
        "a half-sent head stays open"
    );

    // A kept-alive connection that answered once is closed when it idles too.
    let mut kept = tokio::net::TcpStream::connect(&addr).await.unwrap();
    kept.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut first = [0u8; 12];
    kept.read_exact(&mut first).await.unwrap();
    assert_eq!(&first[9..12], b"200");
    assert!(
        closed_within(&mut kept, Duration::from_secs(10)).await,
        "an idle kept-alive connection stays open"
    );

    // Four connections are allowed from one address; the fifth is closed at once.
    let mut held = Vec::new();
    for _ in 0..4 {
        held.push(tokio::net::TcpStream::connect(&addr).await.unwrap());
    }
    let mut fifth = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let _ = fifth
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await;
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), fifth.read_to_end(&mut answer)).await;
    assert!(
        answer.is_empty(),
        "the fifth connection was served: {}",
        String::from_utf8_lossy(&answer)
    );
    drop(held);
    // Slots free again as connections close (waited for, not slept on).
    let served = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            if let Ok(res) = baton
                .http
                .get(format!("{}/healthz", baton.url))
                .send()
                .await
                && res.status() == StatusCode::OK
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    assert!(
        served.is_ok(),
        "no connection accepted after the others closed"
    );
}

#[tokio::test]
async fn artifact_files_no_attachment_refers_to_are_collected_at_start() {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let conv = baton.conversation(&bot).await;
    let res = upload(&baton, &bot.secret, &conv, "kept.txt", "kept bytes").await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let kept = s(&res.json::<Value>().await.unwrap()["sha256"]);
    let (_, data) = baton.terminate().await;
    let artifacts = data.path().join("artifacts");
    let file = |digest: &str| artifacts.join(&digest[..2]).join(digest);
    let two_hours_ago = std::time::SystemTime::now() - Duration::from_secs(7200);
    let orphan = "ab".repeat(32);
    let young = "cd".repeat(32);
    for (digest, old) in [(&orphan, true), (&young, false)] {
        std::fs::create_dir_all(file(digest).parent().unwrap()).unwrap();
        let f = std::fs::File::create(file(digest)).unwrap();
        if old {
            f.set_modified(two_hours_ago).unwrap();
        }
    }
    // The kept artifact is old too: its row, not its age, keeps it.
    std::fs::File::options()
        .write(true)
        .open(file(&kept))
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    let baton = Baton::start_in(data).await;
    let gone = tokio::time::timeout(Duration::from_secs(10), async {
        while file(&orphan).exists() {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    assert!(gone.is_ok(), "the old orphan was not removed");
    assert!(file(&kept).exists(), "a referenced artifact was removed");
    assert!(
        file(&young).exists(),
        "a file young enough to be an upload in flight was removed"
    );
    let h = baton.handoff(&bot, &conv).await;
    let res = baton
        .http
        .get(format!("{}/v1/handoffs/{h}/artifacts/{kept}", baton.url))
        .bearer_auth(&bot.secret)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.text().await.unwrap(), "kept bytes");
}
