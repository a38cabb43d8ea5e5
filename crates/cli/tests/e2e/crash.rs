//! What an acknowledgement guarantees: a SIGKILL that lands while clients are
//! writing loses nothing that was acknowledged.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::json;

use crate::harness::{ADMIN, Baton, Outcome, account_for_kill, s, until_mid_write};

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

/// One write a client sent, and what became of it.
enum Step {
    Create(Outcome),
    Turn {
        conv: String,
        text: String,
        outcome: Outcome,
    },
    Handoff {
        conv: String,
        outcome: Outcome,
    },
}

impl Step {
    fn outcome(&self) -> &Outcome {
        match self {
            Step::Create(o) | Step::Turn { outcome: o, .. } | Step::Handoff { outcome: o, .. } => o,
        }
    }
}

/// Writes conversations (create, three turns, a handoff request) until a write is
/// not acknowledged, counting acknowledgements in `acked`.
async fn writer(
    http: reqwest::Client,
    url: String,
    secret: String,
    client: usize,
    acked: Arc<AtomicUsize>,
) -> Vec<Step> {
    let mut steps = Vec::new();
    let ack = |o: &Outcome| {
        let yes = matches!(o, Outcome::Acknowledged(_));
        if yes {
            acked.fetch_add(1, Ordering::Relaxed);
        }
        yes
    };
    // Far more than can happen before the kill: the kill is what stops a client.
    for n in 0..10_000 {
        let o = Outcome::of(
            http.post(format!("{url}/v1/conversations"))
                .bearer_auth(&secret)
                .json(&json!({"channel": "chat", "customer": {"id": format!("c-{client}-{n}")}})),
            StatusCode::CREATED,
        )
        .await;
        let conv = match &o {
            Outcome::Acknowledged(v) => Some(s(&v["id"])),
            _ => None,
        };
        ack(&o);
        steps.push(Step::Create(o));
        let Some(conv) = conv else {
            return steps;
        };
        for text in said(client * 10_000 + n) {
            let outcome = Outcome::of(
                http.post(format!("{url}/v1/conversations/{conv}/turns"))
                    .bearer_auth(&secret)
                    .json(&json!({"role": "customer", "text": text})),
                StatusCode::CREATED,
            )
            .await;
            let go_on = ack(&outcome);
            steps.push(Step::Turn {
                conv: conv.clone(),
                text,
                outcome,
            });
            if !go_on {
                return steps;
            }
        }
        let outcome = Outcome::of(
            http.post(format!("{url}/v1/conversations/{conv}/handoffs"))
                .bearer_auth(&secret)
                .json(&json!({"reason": "manual", "destination": "support"})),
            StatusCode::CREATED,
        )
        .await;
        let go_on = ack(&outcome);
        steps.push(Step::Handoff { conv, outcome });
        if !go_on {
            return steps;
        }
    }
    steps
}

// Several threads: the clients read their answers as they come, so a write with no
// answer at the kill was really waiting on the server.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sigkill_that_lands_mid_write_loses_no_acknowledged_turn_or_handoff() {
    until_mid_write(kill_among_writes).await;
}

/// One server killed among eight clients' writes, restarted and checked; how many
/// writes were in flight at the kill.
async fn kill_among_writes() -> usize {
    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let desk = baton.register("frank", "human").await;
    // One handoff taken before the writers start: the owner change must survive too.
    let accepted_conv = baton.conversation(&bot).await;
    let accepted = baton.handoff(&bot, &accepted_conv).await;
    let (st, _) = baton
        .post(
            &format!("/v1/handoffs/{accepted}/accept"),
            &desk.secret,
            &json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::OK);

    // Eight clients write without pause; the kill lands among their writes.
    let acked = Arc::new(AtomicUsize::new(0));
    let mut clients = tokio::task::JoinSet::new();
    for c in 0..8 {
        clients.spawn(writer(
            baton.http.clone(),
            baton.url.clone(),
            bot.secret.clone(),
            c,
            acked.clone(),
        ));
    }
    let start = Instant::now();
    while acked.load(Ordering::Relaxed) < 300 {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "only {} writes acknowledged in 60 s",
            acked.load(Ordering::Relaxed)
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let (data, kill) = baton.kill9_at().await;
    let clients: Vec<Vec<Step>> = clients.join_all().await;
    let outcomes: Vec<Vec<&Outcome>> = clients
        .iter()
        .map(|steps| steps.iter().map(Step::outcome).collect())
        .collect();
    let in_flight = account_for_kill(&outcomes, kill);
    let acknowledged = outcomes
        .iter()
        .flatten()
        .filter(|o| matches!(o, Outcome::Acknowledged(_)))
        .count();
    eprintln!("{acknowledged} writes acknowledged, {in_flight} in flight at the kill");

    let baton = Baton::start_in(data).await;
    let mut checked = 0;
    for steps in &clients {
        // Each conversation whose creation was acknowledged, with its writes.
        let mut convs: Vec<(String, Vec<&Step>)> = Vec::new();
        for step in steps {
            match step {
                Step::Create(Outcome::Acknowledged(v)) => convs.push((s(&v["id"]), Vec::new())),
                Step::Create(_) => {}
                Step::Turn { conv, .. } | Step::Handoff { conv, .. } => {
                    let last = convs.last_mut().unwrap();
                    assert_eq!(&last.0, conv);
                    last.1.push(step);
                }
            }
        }
        for (conv, writes) in convs {
            let (st, v) = baton.get(&format!("/v1/conversations/{conv}"), ADMIN).await;
            assert_eq!(
                st,
                StatusCode::OK,
                "acknowledged conversation {conv} lost: {v}"
            );
            let stored: Vec<String> = v["turns"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| s(&t["text"]))
                .collect();
            let mut kept = Vec::new();
            let mut maybe = None;
            let mut handoff = None;
            for w in writes {
                match w {
                    Step::Turn { text, outcome, .. } => match outcome {
                        Outcome::Acknowledged(_) => kept.push(text.clone()),
                        _ => maybe = Some(text.clone()),
                    },
                    Step::Handoff { outcome, .. } => handoff = Some(outcome),
                    Step::Create(_) => unreachable!(),
                }
            }
            // Every acknowledged turn, in order; the one in flight may or may not be there.
            let with_maybe: Vec<String> = kept.iter().cloned().chain(maybe.clone()).collect();
            assert!(
                stored == kept || stored == with_maybe,
                "conversation {conv}: acknowledged {kept:?} (then {maybe:?} in flight), stored {stored:?}"
            );
            match handoff {
                Some(Outcome::Acknowledged(h)) => {
                    assert_eq!(v["open_handoff"], h["id"], "acknowledged handoff lost: {v}");
                    let (st, stored) = baton
                        .get(&format!("/v1/handoffs/{}", s(&h["id"])), ADMIN)
                        .await;
                    assert_eq!(st, StatusCode::OK, "{stored}");
                    assert_eq!(stored["state"], "requested");
                }
                Some(_) => {
                    // In flight: kept whole or not at all.
                    if let Some(h) = v["open_handoff"].as_str() {
                        let (st, stored) = baton.get(&format!("/v1/handoffs/{h}"), ADMIN).await;
                        assert_eq!(st, StatusCode::OK, "{stored}");
                        assert_eq!(stored["conversation_id"], conv.as_str());
                    }
                }
                None => assert!(
                    v["open_handoff"].is_null(),
                    "a handoff nobody asked for: {v}"
                ),
            }
            checked += 1;
        }
    }
    // 300 acknowledged writes, five to a conversation.
    assert!(checked >= 60, "{checked} conversations checked");

    // The accepted handoff is still accepted: the AI is still silenced, credentials
    // survived, and the receiver can finish it.
    let (_, v) = baton.get(&format!("/v1/handoffs/{accepted}"), ADMIN).await;
    assert_eq!(v["state"], "accepted");
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
    in_flight
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
