//! `baton bench --a2a`: A2A `SendMessage` throughput and latency against Baton, next
//! to the same load against the `a2a-sdk` helloworld sample server
//! (`tests/a2a/sample_server.py`) on the same machine, from the same load generator.
//!
//! Each request is a JSON-RPC `SendMessage` with a new message (a new task in Baton:
//! a conversation created and a customer turn stored and evaluated, durably), sent
//! by C concurrent clients over keep-alive connections for a fixed time.

use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use hdrhistogram::Histogram;
use serde::Serialize;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt as _, BufReader};

use super::bench::{BenchArgs, Client, start_server};

/// The most requests one run sends, whatever the duration.
const MAX_REQUESTS: u64 = 2_000_000;

#[derive(Debug, Serialize)]
pub struct TargetFigures {
    pub requests: u64,
    pub errors: u64,
    pub seconds: f64,
    pub requests_per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// What the first failed request answered, if any failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_error: Option<String>,
}

#[derive(Debug, Serialize)]
struct Report {
    concurrency: usize,
    seconds_per_target: f64,
    baton: TargetFigures,
    #[serde(skip_serializing_if = "Option::is_none")]
    sample: Option<TargetFigures>,
    /// Baton's requests per second over the sample's.
    #[serde(skip_serializing_if = "Option::is_none")]
    throughput_ratio: Option<f64>,
}

fn body(n: u64) -> String {
    json!({
        "jsonrpc": "2.0", "id": n, "method": "SendMessage",
        "params": {"message": {
            "messageId": format!("bench-{n}"), "role": "ROLE_USER",
            "parts": [{"text": "Hello, can you tell me when my order ships?"}],
        }},
    })
    .to_string()
}

/// Drives `url` with `concurrency` clients for `duration`; the figures.
async fn load(
    url: &str,
    token: Option<&str>,
    concurrency: usize,
    duration: Duration,
) -> anyhow::Result<TargetFigures> {
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .tcp_nodelay(true)
        .build()?;
    // Warm up: connections open, caches filled.
    for n in 0..concurrency as u64 {
        send(&http, url, token, n).await?;
    }
    let counter = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let first_error = Arc::new(std::sync::Mutex::new(None::<String>));
    let started = Instant::now();
    let deadline = started + duration;
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (http, url, token) = (http.clone(), url.to_owned(), token.map(str::to_owned));
        let (counter, errors, first_error) = (counter.clone(), errors.clone(), first_error.clone());
        workers.push(tokio::spawn(async move {
            let mut hist = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?;
            while Instant::now() < deadline {
                let n = counter.fetch_add(1, Ordering::Relaxed);
                if n >= MAX_REQUESTS {
                    break;
                }
                let t0 = Instant::now();
                let sent = send(&http, &url, token.as_deref(), n + 1_000_000).await;
                hist.record(t0.elapsed().as_micros().max(1) as u64)?;
                if let Err(e) = sent {
                    errors.fetch_add(1, Ordering::Relaxed);
                    first_error
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .get_or_insert_with(|| format!("{e:#}"));
                }
            }
            anyhow::Ok(hist)
        }));
    }
    let mut all = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?;
    for w in workers {
        all.add(w.await??)?;
    }
    let seconds = started.elapsed().as_secs_f64();
    let requests = all.len();
    Ok(TargetFigures {
        requests,
        errors: errors.load(Ordering::Relaxed),
        seconds,
        requests_per_second: requests as f64 / seconds,
        p50_ms: all.value_at_quantile(0.50) as f64 / 1000.0,
        p99_ms: all.value_at_quantile(0.99) as f64 / 1000.0,
        max_ms: all.max() as f64 / 1000.0,
        first_error: first_error.lock().unwrap_or_else(|p| p.into_inner()).take(),
    })
}

async fn send(
    http: &reqwest::Client,
    url: &str,
    token: Option<&str>,
    n: u64,
) -> anyhow::Result<()> {
    let mut req = http
        .post(url)
        .header("content-type", "application/json")
        .header("A2A-Version", "1.0")
        .body(body(n));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send().await?;
    let status = res.status();
    let v: Value = res.json().await?;
    if !status.is_success() || v.get("result").is_none() {
        bail!("SendMessage failed: {status} {v}");
    }
    Ok(())
}

struct Sample {
    _child: tokio::process::Child,
    url: String,
}

async fn start_sample(script: &PathBuf) -> anyhow::Result<Sample> {
    let mut child = tokio::process::Command::new("python3")
        .arg(script)
        .args(["--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .with_context(|| format!("starting python3 {}", script.display()))?;
    let stdout = child.stdout.take().context("no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    let url = tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await? {
            if let Some(url) = line.strip_prefix("listening on ") {
                return Ok(url.trim().to_owned());
            }
        }
        bail!("the sample server exited before listening (is a2a-sdk[http-server] installed? `bash scripts/test` installs it)")
    })
    .await
    .context("the sample server did not start within 30 s")??;
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    Ok(Sample {
        _child: child,
        url: format!("{url}/"),
    })
}

async fn bench(args: &BenchArgs) -> anyhow::Result<Report> {
    let duration = Duration::from_secs_f64(args.a2a_seconds);
    let token = format!("batadm_bench_{}", std::process::id());
    let server = start_server(&token, false, None).await?;
    let client = Client {
        http: reqwest::Client::new(),
        base: server.url.clone(),
    };
    let secret = client.register(&token, "a2a-bench", "ai").await?;
    let baton = load(
        &format!("{}/a2a", server.url),
        Some(&secret),
        args.concurrency,
        duration,
    )
    .await?;
    drop(server);
    let sample = match &args.a2a_sample {
        None => None,
        Some(script) => {
            let sample = start_sample(script).await?;
            Some(load(&sample.url, None, args.concurrency, duration).await?)
        }
    };
    Ok(Report {
        concurrency: args.concurrency,
        seconds_per_target: args.a2a_seconds,
        throughput_ratio: sample
            .as_ref()
            .map(|s| baton.requests_per_second / s.requests_per_second.max(f64::MIN_POSITIVE)),
        baton,
        sample,
    })
}

pub fn run(args: &BenchArgs) -> anyhow::Result<std::process::ExitCode> {
    anyhow::ensure!(
        args.a2a_seconds > 0.0 && args.a2a_seconds <= 600.0,
        "--a2a-seconds must be within (0, 600]"
    );
    let report = super::runtime()?.block_on(bench(args))?;
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
        return Ok(std::process::ExitCode::SUCCESS);
    }
    println!(
        "A2A SendMessage, {} connections, {:.0} s per target",
        report.concurrency, report.seconds_per_target
    );
    println!(
        "{:<12} {:>10} {:>8} {:>10} {:>9} {:>9} {:>9}",
        "target", "requests", "errors", "req/s", "p50 ms", "p99 ms", "max ms"
    );
    let mut rows = vec![("baton", &report.baton)];
    if let Some(s) = &report.sample {
        rows.push(("a2a-sample", s));
    }
    for (name, f) in rows {
        println!(
            "{:<12} {:>10} {:>8} {:>10.0} {:>9.2} {:>9.2} {:>9.2}",
            name, f.requests, f.errors, f.requests_per_second, f.p50_ms, f.p99_ms, f.max_ms
        );
    }
    for (name, f) in [
        ("baton", Some(&report.baton)),
        ("a2a-sample", report.sample.as_ref()),
    ] {
        if let Some(e) = f.and_then(|f| f.first_error.as_deref()) {
            println!("{name}: first error: {e}");
        }
    }
    if let Some(r) = report.throughput_ratio {
        println!("baton / sample throughput: {r:.1}×");
    }
    Ok(std::process::ExitCode::SUCCESS)
}
