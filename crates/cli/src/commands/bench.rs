//! `baton bench`: the project's performance yardstick.
//!
//! Starts a server (a child `baton serve` on a fresh data directory, unless
//! `--url` targets a running one), registers an AI agent and a desk agent, and
//! drives N conversations through create → turns → request → accept → resolve
//! with C concurrent clients, timing every step.

use std::path::PathBuf;
use std::process::{ExitCode, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use clap::Args;
use hdrhistogram::Histogram;
use serde::Serialize;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt as _, BufReader};
use tokio::sync::Mutex;

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Target a running server instead of starting one (needs BATON_ADMIN_TOKEN).
    #[arg(long)]
    pub url: Option<String>,
    /// Conversations to drive.
    #[arg(long, short = 'n', default_value_t = 2000)]
    pub conversations: usize,
    /// Concurrent clients.
    #[arg(long, short = 'c', default_value_t = 32)]
    pub concurrency: usize,
    /// Turns appended per conversation before the handoff.
    #[arg(long, default_value_t = 4)]
    pub turns: usize,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Also subscribe a local webhook receiver and measure deliveries per second
    /// and delivery latency, then the drain rate of a backlog after an outage.
    #[arg(long)]
    pub webhooks: bool,
    /// Instead of lifecycles: sign in desk sessions on the WebSocket feed and time
    /// each triggering turn until its offer reaches the desk (and every desk).
    #[arg(long, conflicts_with_all = ["url", "webhooks"])]
    pub desk: bool,
    /// With `--desk`: desk users signed in, one WebSocket each.
    #[arg(long, default_value_t = 200, requires = "desk")]
    pub desk_sessions: usize,
    /// With `--desk`: handoffs triggered, one turn each.
    #[arg(long, default_value_t = 500, requires = "desk")]
    pub desk_handoffs: usize,
    /// With `--desk`: turns in flight at once (1 times each offer on an idle server).
    #[arg(long, default_value_t = 1, requires = "desk")]
    pub desk_concurrency: usize,
    /// Instead of lifecycles: A2A `SendMessage` requests per second and latency at
    /// `-c` connections (see `bench_a2a`).
    #[arg(long, conflicts_with_all = ["url", "webhooks", "desk"])]
    pub a2a: bool,
    /// With `--a2a`: seconds of load per target.
    #[arg(long, default_value_t = 10.0, requires = "a2a")]
    pub a2a_seconds: f64,
    /// With `--a2a`: also load the a2a-sdk sample server started from this script
    /// (`tests/a2a/sample_server.py`), with the same generator.
    #[arg(long, requires = "a2a")]
    pub a2a_sample: Option<PathBuf>,
    /// Instead of lifecycles: voice calls from `sipp -r` through the SIP listener, each
    /// transferred by REFER; calls per second and handoff request → REFER latency.
    #[arg(long, conflicts_with_all = ["url", "webhooks", "desk", "a2a"])]
    pub sip: bool,
    /// With `--sip`: calls placed.
    #[arg(long, default_value_t = 200, requires = "sip")]
    pub sip_calls: usize,
    /// With `--sip`: calls per second placed by sipp (`-r`).
    #[arg(long, default_value_t = 20.0, requires = "sip")]
    pub sip_rate: f64,
}

const STEPS: [&str; 6] = [
    "create_conversation",
    "append_turn",
    "request_handoff",
    "accept",
    "resolve",
    "lifecycle",
];

#[derive(Debug, Serialize)]
struct StepFigures {
    count: u64,
    p50_ms: f64,
    p99_ms: f64,
    max_ms: f64,
}

#[derive(Debug, Serialize)]
struct Report {
    conversations: usize,
    concurrency: usize,
    turns_per_conversation: usize,
    seconds: f64,
    /// Complete lifecycles (create, turns, request, accept, resolve) per second.
    handoffs_per_second: f64,
    /// Of the request → accept → resolve steps, each timed separately.
    p50_ms: f64,
    p99_ms: f64,
    max_ms: f64,
    turn_append_p99_ms: f64,
    steps: serde_json::Map<String, Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    server_idle_rss_mb: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    server_loaded_rss_mb: Option<f64>,
    /// With `--webhooks`: delivery throughput and latency to a local receiver.
    #[serde(skip_serializing_if = "Option::is_none")]
    webhooks: Option<super::bench_webhooks::WebhookFigures>,
}

pub(super) struct Server {
    pub(super) child: tokio::process::Child,
    pub(super) url: String,
    _data: tempfile::TempDir,
}

pub(super) async fn start_server(
    token: &str,
    webhooks: bool,
    routing: Option<&std::path::Path>,
) -> anyhow::Result<Server> {
    let data = tempfile::tempdir()?;
    let exe = std::env::current_exe()?;
    let mut command = tokio::process::Command::new(exe);
    if let Some(routing) = routing {
        command.env("BATON_ROUTING", routing);
    }
    let mut child = command
        .args(["serve", "--listen", "127.0.0.1:0", "--data"])
        // A directory the server creates itself, owner-only, as a real one would be.
        .arg(data.path().join("data"))
        .env("BATON_ADMIN_TOKEN", token)
        .env("BATON_LOG", "warn")
        .env(
            "BATON_ALLOW_PRIVATE_WEBHOOKS",
            if webhooks { "true" } else { "false" },
        )
        // Retries after the drain phase's outage come within milliseconds.
        .env(
            "BATON_WEBHOOK_RETRY_SCALE",
            if webhooks { "0.0001" } else { "1" },
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .context("starting baton serve")?;
    let stdout = child.stdout.take().context("no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    let url = tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await? {
            if let Some(addr) = line.strip_prefix("listening on ") {
                return Ok(addr.trim().to_owned());
            }
        }
        bail!("the server exited before listening")
    })
    .await
    .context("the server did not start within 30 s")??;
    // Keep draining stdout so the child never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    Ok(Server {
        child,
        url,
        _data: data,
    })
}

pub(super) fn rss_mb(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(PathBuf::from(format!("/proc/{pid}/status"))).ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

pub(super) struct Client {
    pub(super) http: reqwest::Client,
    pub(super) base: String,
}

impl Client {
    /// Registers an agent with the admin token; its secret.
    pub(super) async fn register(
        &self,
        admin: &str,
        name: &str,
        kind: &str,
    ) -> anyhow::Result<String> {
        let v = self
            .post("/v1/agents", admin, &json!({"name": name, "kind": kind}))
            .await?;
        v["secret"]
            .as_str()
            .map(str::to_owned)
            .context("registration without secret")
    }

    pub(super) async fn post(
        &self,
        path: &str,
        token: &str,
        body: &Value,
    ) -> anyhow::Result<Value> {
        let res = self
            .http
            .post(format!("{}{path}", self.base))
            .bearer_auth(token)
            .json(body)
            .send()
            .await?;
        let status = res.status();
        let v: Value = res.json().await?;
        if !status.is_success() {
            bail!("POST {path} → {status}: {v}");
        }
        Ok(v)
    }
}

pub(super) fn id_of(v: &Value) -> anyhow::Result<String> {
    v["id"]
        .as_str()
        .map(str::to_owned)
        .context("response without id")
}

pub(super) type Histograms = Vec<Histogram<u64>>;

const CUSTOMER_LINES: [&str; 4] = [
    "Hi, I ordered a pair of running shoes last week and they have not arrived",
    "The order number is 88412, placed on the 3rd",
    "Can you tell me which carrier has it and when it should get here?",
    "Great, and can I change the delivery address to my office?",
];
const AI_LINES: [&str; 4] = [
    "Sorry to hear that. Could you give me the order number?",
    "Thanks. Order 88412 shipped on the 5th with the regular carrier.",
    "It is out for delivery today and should arrive before 6 pm.",
    "Yes, I can update the address while it is still at the depot.",
];

async fn one_conversation(
    c: &Client,
    bot: &str,
    desk: &str,
    turns: usize,
    h: &mut Histograms,
) -> anyhow::Result<()> {
    let timed = |h: &mut Histograms, step: usize, t: Instant| {
        let us = u64::try_from(t.elapsed().as_micros()).unwrap_or(u64::MAX);
        let _ = h[step].record(us.max(1));
    };
    let start = Instant::now();
    let t = Instant::now();
    let conv = c
        .post(
            "/v1/conversations",
            bot,
            &json!({"channel": "chat", "customer": {"id": "bench"}}),
        )
        .await?;
    timed(h, 0, t);
    let cid = id_of(&conv)?;
    for i in 0..turns {
        // Distinct, realistic lines: repeating one would (rightly) trip the loop rule.
        let body = if i % 2 == 0 {
            json!({"role": "customer", "text": CUSTOMER_LINES[(i / 2) % CUSTOMER_LINES.len()]})
        } else {
            json!({"role": "ai", "text": AI_LINES[(i / 2) % AI_LINES.len()], "confidence": 0.93, "intent": "order_status"})
        };
        let t = Instant::now();
        c.post(&format!("/v1/conversations/{cid}/turns"), bot, &body)
            .await?;
        timed(h, 1, t);
    }
    let t = Instant::now();
    let handoff = c
        .post(
            &format!("/v1/conversations/{cid}/handoffs"),
            bot,
            &json!({"reason": "manual", "destination": "support"}),
        )
        .await?;
    timed(h, 2, t);
    let hid = id_of(&handoff)?;
    let t = Instant::now();
    c.post(&format!("/v1/handoffs/{hid}/accept"), desk, &json!({}))
        .await?;
    timed(h, 3, t);
    let t = Instant::now();
    c.post(
        &format!("/v1/handoffs/{hid}/resolve"),
        desk,
        &json!({"note": "done"}),
    )
    .await?;
    timed(h, 4, t);
    timed(h, 5, start);
    Ok(())
}

pub(super) fn ms(us: u64) -> f64 {
    (us as f64) / 1000.0
}

pub fn run(args: BenchArgs) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        args.conversations > 0 && args.concurrency > 0,
        "-n and -c must be at least 1"
    );
    if args.desk {
        return super::bench_desk::run(&args);
    }
    if args.a2a {
        return super::bench_a2a::run(&args);
    }
    if args.sip {
        return super::bench_sip::run(&args);
    }
    let report = super::runtime()?.block_on(bench(&args))?;
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!(
            "{} conversations × {} turns, {} clients, {:.2} s",
            report.conversations, report.turns_per_conversation, report.concurrency, report.seconds
        );
        println!(
            "handoff lifecycles per second: {:.0}",
            report.handoffs_per_second
        );
        println!(
            "{:<20} {:>8} {:>9} {:>9} {:>9}",
            "step", "count", "p50 ms", "p99 ms", "max ms"
        );
        for step in STEPS {
            if let Some(f) = report.steps.get(step) {
                println!(
                    "{:<20} {:>8} {:>9.3} {:>9.3} {:>9.3}",
                    step,
                    f["count"],
                    f["p50_ms"].as_f64().unwrap_or(0.0),
                    f["p99_ms"].as_f64().unwrap_or(0.0),
                    f["max_ms"].as_f64().unwrap_or(0.0)
                );
            }
        }
        if let Some(w) = &report.webhooks {
            println!("{w}");
        }
        if let (Some(idle), Some(loaded)) = (report.server_idle_rss_mb, report.server_loaded_rss_mb)
        {
            println!("server RSS: {idle:.1} MB idle, {loaded:.1} MB after the run");
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn bench(args: &BenchArgs) -> anyhow::Result<Report> {
    let (server, base, token) = match &args.url {
        Some(url) => {
            let token = std::env::var("BATON_ADMIN_TOKEN")
                .context("--url needs the target's admin token in BATON_ADMIN_TOKEN")?;
            (None, url.trim_end_matches('/').to_owned(), token)
        }
        None => {
            let token = baton_server::auth::new_admin_token();
            let s = start_server(&token, args.webhooks, None).await?;
            let url = s.url.clone();
            (Some(s), url, token)
        }
    };
    let client = Arc::new(Client {
        http: reqwest::Client::builder()
            .pool_max_idle_per_host(args.concurrency)
            .build()?,
        base,
    });
    let bot = client.register(&token, "bench-bot", "ai").await?;
    let desk = client.register(&token, "bench-desk", "human").await?;
    // Let the child settle before reading its idle footprint.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let pid = server.as_ref().and_then(|s| s.child.id());
    let idle_rss = pid.and_then(rss_mb);

    let sink = if args.webhooks {
        Some(super::bench_webhooks::Sink::subscribe(&client, &token).await?)
    } else {
        None
    };
    let started = Instant::now();
    let all = drive(&client, &bot, &desk, args).await?;
    let seconds = started.elapsed().as_secs_f64();
    let loaded_rss = pid.and_then(rss_mb);
    let webhooks = match sink {
        Some(sink) => Some(sink.measure(&client, &bot, &desk, args).await?),
        None => None,
    };
    drop(server);

    let mut steps = serde_json::Map::new();
    for (name, h) in STEPS.iter().zip(all.iter()) {
        let f = StepFigures {
            count: h.len(),
            p50_ms: ms(h.value_at_quantile(0.5)),
            p99_ms: ms(h.value_at_quantile(0.99)),
            max_ms: ms(h.max()),
        };
        steps.insert((*name).to_owned(), serde_json::to_value(f)?);
    }
    // The headline latency: every request/accept/resolve call together.
    let mut handoff_steps = new_histograms()?.remove(0);
    for h in &all[2..5] {
        handoff_steps.add(h)?;
    }
    Ok(Report {
        conversations: args.conversations,
        concurrency: args.concurrency,
        turns_per_conversation: args.turns,
        seconds,
        handoffs_per_second: args.conversations as f64 / seconds,
        p50_ms: ms(handoff_steps.value_at_quantile(0.5)),
        p99_ms: ms(handoff_steps.value_at_quantile(0.99)),
        max_ms: ms(handoff_steps.max()),
        turn_append_p99_ms: ms(all[1].value_at_quantile(0.99)),
        steps,
        server_idle_rss_mb: idle_rss,
        server_loaded_rss_mb: loaded_rss,
        webhooks,
    })
}

/// Drives `args.conversations` lifecycles with `args.concurrency` clients.
pub(super) async fn drive(
    client: &Arc<Client>,
    bot: &str,
    desk: &str,
    args: &BenchArgs,
) -> anyhow::Result<Histograms> {
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let all = Arc::new(Mutex::new(new_histograms()?));
    let mut tasks = Vec::new();
    for _ in 0..args.concurrency.min(args.conversations) {
        let (client, next, all) = (client.clone(), next.clone(), all.clone());
        let (bot, desk, n, turns) = (
            bot.to_owned(),
            desk.to_owned(),
            args.conversations,
            args.turns,
        );
        tasks.push(tokio::spawn(async move {
            let mut h = new_histograms()?;
            while next.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < n {
                one_conversation(&client, &bot, &desk, turns, &mut h).await?;
            }
            let mut all = all.lock().await;
            for (a, b) in all.iter_mut().zip(h.iter()) {
                a.add(b)?;
            }
            anyhow::Ok(())
        }));
    }
    for t in tasks {
        t.await??;
    }
    let all = std::mem::take(&mut *all.lock().await);
    Ok(all)
}

fn new_histograms() -> anyhow::Result<Histograms> {
    STEPS
        .iter()
        .map(|_| Histogram::new_with_bounds(1, 60_000_000, 3).context("histogram bounds"))
        .collect()
}
