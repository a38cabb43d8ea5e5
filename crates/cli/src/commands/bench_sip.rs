//! `baton bench --sip`: voice transfers under load, with real SIP peers.
//!
//! Starts `baton serve --sip` with a handoffs file, then `sipp` twice: the voice bot
//! (answers every bridged call) and the carrier, placing `--sip-calls` calls at
//! `--sip-rate` calls per second (`sipp -r`); each call expects a REFER, answers 202 and
//! NOTIFYs 100 then 200, and expects Baton's BYE. For every call the bench finds the
//! conversation by its Call-ID and requests the handoff `{{ho:bench_line}}`.
//!
//! Figures: calls per second sustained (every call transferred, none failed: sipp's exit
//! status and the handoffs' states say so), and the time from the handoff request to
//! the REFER on the wire (sipp's message log timestamps the REFER; the bench the request).

use std::collections::HashMap;
use std::path::Path;
use std::process::{ExitCode, Stdio};
use std::time::{Duration, SystemTime};

use anyhow::{Context as _, bail};
use hdrhistogram::Histogram;
use serde::Serialize;
use serde_json::json;
use tokio::io::{AsyncBufReadExt as _, BufReader};

use super::bench::BenchArgs;

const HANDOFFS: &str = r#"handoffs:
  - name: bench_line
    is_default: true
    sip_config:
      method: refer
      phone_number: "+15551230000"
    sip_headers:
      - key: X-Queue
        value: billing
"#;

#[derive(Debug, Serialize)]
struct SipReport {
    calls: usize,
    rate_requested: f64,
    /// Calls placed, bridged and transferred per second, first INVITE to last BYE.
    calls_per_second: f64,
    transferred: usize,
    failed_transfers: usize,
    /// Handoff request sent → REFER on the wire.
    refer_p50_ms: f64,
    refer_p99_ms: f64,
    refer_max_ms: f64,
}

fn free_port() -> anyhow::Result<u16> {
    for _ in 0..50 {
        let udp = std::net::UdpSocket::bind("127.0.0.1:0")?;
        let port = udp.local_addr()?.port();
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return Ok(port);
        }
    }
    bail!("no free port")
}

pub fn run(args: &BenchArgs) -> anyhow::Result<ExitCode> {
    let report = super::runtime()?.block_on(measure(args))?;
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!(
            "{} calls at {} calls/s requested: {:.1} calls/s sustained, {} transferred, {} failed",
            report.calls,
            report.rate_requested,
            report.calls_per_second,
            report.transferred,
            report.failed_transfers
        );
        println!(
            "handoff request → REFER on the wire: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            report.refer_p50_ms, report.refer_p99_ms, report.refer_max_ms
        );
    }
    Ok(if report.failed_transfers == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn sipp(dir: &Path, scenario: &str, args: &[String]) -> anyhow::Result<tokio::process::Child> {
    let file = dir.join(format!("{scenario}.xml"));
    std::fs::write(&file, scenario_text(scenario)?)?;
    tokio::process::Command::new("sipp")
        .arg("-sf")
        .arg(&file)
        .args(args)
        .current_dir(dir)
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .context("starting sipp (Debian package sip-tester)")
}

/// The scenarios of `tests/sip`, built into the binary so the bench runs anywhere.
fn scenario_text(name: &str) -> anyhow::Result<&'static str> {
    Ok(match name {
        "bot" => include_str!("../../../../tests/sip/bot.xml"),
        "carrier_refer" => include_str!("../../../../tests/sip/carrier_refer.xml"),
        _ => bail!("no scenario {name}"),
    })
}

async fn measure(args: &BenchArgs) -> anyhow::Result<SipReport> {
    let calls = args.sip_calls;
    anyhow::ensure!(
        calls > 0 && args.sip_rate > 0.0,
        "--sip-calls and --sip-rate must be positive"
    );
    let dir = tempfile::tempdir()?;
    let handoffs = dir.path().join("handoffs.yaml");
    std::fs::write(&handoffs, HANDOFFS)?;
    let (sip, bot, carrier) = (free_port()?, free_port()?, free_port()?);
    let token = baton_server::auth::new_admin_token();
    let mut child = tokio::process::Command::new(std::env::current_exe()?)
        .args(["serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(dir.path().join("data"))
        .arg("--handoffs")
        .arg(&handoffs)
        .args(["--sip", &format!("127.0.0.1:{sip}")])
        .args(["--voice-bot", &format!("sip:bot@127.0.0.1:{bot}")])
        .env("BATON_ADMIN_TOKEN", &token)
        .env("BATON_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .context("starting baton serve")?;
    let stdout = child.stdout.take().context("no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    let base = tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await? {
            if let Some(addr) = line.strip_prefix("listening on ") {
                return Ok(addr.trim().to_owned());
            }
        }
        bail!("the server exited before listening")
    })
    .await
    .context("the server did not start within 30 s")??;
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    let http = reqwest::Client::new();

    let n = calls.to_string();
    let common = |port: u16| -> Vec<String> {
        [
            "-i",
            "127.0.0.1",
            "-p",
            &port.to_string(),
            "-m",
            &n,
            "-timeout",
            "300s",
            "-timeout_error",
            "-trace_msg",
            "-trace_err",
            "-cid_str",
            "bench-%u",
            "-l",
            "10000",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
    };
    let bot_sipp = sipp(dir.path(), "bot", &common(bot))?;
    let mut carrier_args = vec![format!("127.0.0.1:{sip}")];
    carrier_args.extend(common(carrier));
    carrier_args.extend([
        "-r".to_owned(),
        args.sip_rate.to_string(),
        "-rp".to_owned(),
        "1000".to_owned(),
    ]);
    let started = std::time::Instant::now();
    let carrier_sipp = sipp(dir.path(), "carrier_refer", &carrier_args)?;

    // For every call: find its conversation, request the handoff, note when.
    let mut requested: HashMap<String, SystemTime> = HashMap::new();
    let mut handoffs = Vec::new();
    for i in 1..=calls {
        let call_id = format!("bench-{i}");
        let conv = loop {
            let v: serde_json::Value = http
                .get(format!("{base}/v1/conversations?call_id={call_id}"))
                .bearer_auth(&token)
                .send()
                .await?
                .json()
                .await?;
            if let Some(id) = v["conversations"][0]["id"].as_str() {
                break id.to_owned();
            }
            if started.elapsed() > Duration::from_secs(300) {
                bail!("call {call_id} never reached Baton");
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        };
        let at = SystemTime::now();
        let h: serde_json::Value = http
            .post(format!("{base}/v1/conversations/{conv}/handoffs"))
            .bearer_auth(&token)
            .json(&json!({"destination": "{{ho:bench_line}}", "reason": "explicit_request"}))
            .send()
            .await?
            .json()
            .await?;
        requested.insert(call_id, at);
        handoffs.push(h["id"].as_str().unwrap_or_default().to_owned());
    }
    let carrier_ok = wait(carrier_sipp).await?;
    let seconds = started.elapsed().as_secs_f64();
    let bot_ok = wait(bot_sipp).await?;

    let mut transferred = 0;
    for id in &handoffs {
        let h: serde_json::Value = http
            .get(format!("{base}/v1/handoffs/{id}"))
            .bearer_auth(&token)
            .send()
            .await?
            .json()
            .await?;
        if h["state"] == "accepted" {
            transferred += 1;
        }
    }
    let refers = refer_times(dir.path())?;
    let mut hist = Histogram::<u64>::new(3)?;
    for (call_id, at) in &requested {
        if let Some(wire) = refers.get(call_id) {
            let us = wire
                .duration_since(*at)
                .map_or(0, |d| d.as_micros().min(u128::from(u64::MAX)) as u64);
            hist.record(us.max(1))?;
        }
    }
    if !(carrier_ok && bot_ok) {
        eprintln!(
            "sipp reported failed calls; its logs: {}",
            dir.keep().display()
        );
    }
    let ms = |us: u64| us as f64 / 1000.0;
    Ok(SipReport {
        calls,
        rate_requested: args.sip_rate,
        calls_per_second: calls as f64 / seconds,
        transferred,
        failed_transfers: calls - transferred,
        refer_p50_ms: ms(hist.value_at_quantile(0.5)),
        refer_p99_ms: ms(hist.value_at_quantile(0.99)),
        refer_max_ms: ms(hist.max()),
    })
}

async fn wait(mut child: tokio::process::Child) -> anyhow::Result<bool> {
    let status = tokio::time::timeout(Duration::from_secs(600), child.wait())
        .await
        .context("sipp did not finish")??;
    Ok(status.success())
}

/// When each call's REFER reached the carrier, from sipp's message log.
fn refer_times(dir: &Path) -> anyhow::Result<HashMap<String, SystemTime>> {
    let format = time::macros::format_description!(
        "[year]-[month]-[day] [hour]:[minute]:[second].[subsecond]"
    );
    let mut out = HashMap::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !(name.starts_with("carrier_refer") && name.ends_with("_messages.log")) {
            continue;
        }
        let text = std::fs::read_to_string(&path)?;
        for block in text
            .split("----------------------------------------------- ")
            .skip(1)
        {
            let Some((stamp, rest)) = block.split_once('\n') else {
                continue;
            };
            if !rest.contains("message received") || !rest.contains("\nREFER sip:") {
                continue;
            }
            let Some(call_id) = rest
                .lines()
                .find_map(|l| l.strip_prefix("Call-ID: "))
                .map(str::trim)
            else {
                continue;
            };
            let Ok(at) = time::PrimitiveDateTime::parse(stamp.trim(), &format) else {
                continue;
            };
            out.entry(call_id.to_owned())
                .or_insert_with(|| SystemTime::from(at.assume_utc()));
        }
    }
    Ok(out)
}
