//! `baton bench --webhooks`: a local receiver that verifies every signature,
//! for delivery throughput and latency, healthy and after an outage.

use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use baton_connect::webhook::SigningSecret;
use baton_connect::webhook::inbound::verify_standard;
use hdrhistogram::Histogram;
use serde::Serialize;
use serde_json::json;

use super::bench::{BenchArgs, Client, drive, ms};

/// What `--webhooks` measured.
#[derive(Debug, Serialize)]
pub struct WebhookFigures {
    /// Deliveries received during the mixed run, per second of delivery time.
    pub deliveries: u64,
    pub deliveries_per_second: f64,
    /// From the event's commit (its `timestamp`) to its arrival, healthy receiver.
    pub latency_p50_ms: f64,
    pub latency_p99_ms: f64,
    /// A backlog queued while the receiver was slow, drained once it sped up.
    pub backlog: u64,
    pub drain_deliveries_per_second: f64,
    /// Messages whose signature did not verify (must be 0).
    pub rejected: u64,
}

impl fmt::Display for WebhookFigures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "webhooks: {} deliveries at {:.0}/s, latency p50 {:.2} ms p99 {:.2} ms; \
             backlog of {} drained at {:.0}/s; {} rejected",
            self.deliveries,
            self.deliveries_per_second,
            self.latency_p50_ms,
            self.latency_p99_ms,
            self.backlog,
            self.drain_deliveries_per_second,
            self.rejected
        )
    }
}

struct Seen {
    secret: Option<SigningSecret>,
    ids: HashSet<String>,
    first: Option<Instant>,
    last: Option<Instant>,
    latency_us: Histogram<u64>,
    rejected: u64,
    /// How long the receiver takes to answer: a slow receiver builds a backlog.
    delay: Duration,
}

pub(super) struct Sink {
    seen: Arc<Mutex<Seen>>,
    server: tokio::task::JoinHandle<()>,
}

const EVENTS: [&str; 3] = ["handoff.requested", "handoff.accepted", "handoff.resolved"];

async fn receive(seen: Arc<Mutex<Seen>>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let delay = seen.lock().map(|s| s.delay).unwrap_or_default();
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let now = Instant::now();
    let h = |k: &str| headers.get(k).and_then(|v| v.to_str().ok());
    let unix = time::OffsetDateTime::now_utc();
    let Ok(mut seen) = seen.lock() else {
        return StatusCode::INTERNAL_SERVER_ERROR;
    };
    let Some(secret) = seen.secret.clone() else {
        return StatusCode::SERVICE_UNAVAILABLE;
    };
    let verified = verify_standard(
        std::slice::from_ref(&secret),
        h("webhook-id"),
        h("webhook-timestamp"),
        h("webhook-signature"),
        &body,
        unix.unix_timestamp(),
    );
    if verified.is_err() {
        seen.rejected += 1;
        return StatusCode::UNAUTHORIZED;
    }
    let id = h("webhook-id").unwrap_or_default().to_owned();
    if seen.ids.insert(id) {
        seen.first.get_or_insert(now);
        seen.last = Some(now);
        let committed = serde_json::from_slice::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| v["timestamp"].as_str().map(str::to_owned))
            .and_then(|t| {
                time::OffsetDateTime::parse(&t, &time::format_description::well_known::Rfc3339).ok()
            });
        if let Some(at) = committed {
            let us = (unix - at).whole_microseconds().max(1);
            let _ = seen
                .latency_us
                .record(u64::try_from(us).unwrap_or(u64::MAX));
        }
    }
    StatusCode::NO_CONTENT
}

async fn serve(listener: tokio::net::TcpListener, seen: Arc<Mutex<Seen>>) {
    let app = axum::Router::new().route(
        "/hooks",
        axum::routing::post(move |headers: HeaderMap, body: Bytes| {
            receive(seen.clone(), headers, body)
        }),
    );
    let _ = axum::serve(listener, app).await;
}

impl Sink {
    /// Starts the receiver and subscribes it to the lifecycle's three events.
    pub(super) async fn subscribe(client: &Arc<Client>, admin: &str) -> anyhow::Result<Sink> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let seen = Arc::new(Mutex::new(Seen {
            secret: None,
            ids: HashSet::new(),
            first: None,
            last: None,
            latency_us: Histogram::new_with_bounds(1, 600_000_000, 3)?,
            rejected: 0,
            delay: Duration::ZERO,
        }));
        let server = tokio::spawn(serve(listener, seen.clone()));
        let sub = client
            .post(
                "/v1/webhooks",
                admin,
                &json!({"url": format!("http://{addr}/hooks"), "events": EVENTS}),
            )
            .await
            .context("subscribing the receiver (the target must allow private webhooks)")?;
        let secret = sub["secret"]
            .as_str()
            .and_then(SigningSecret::parse)
            .context("no secret")?;
        seen.lock().map_err(|_| anyhow::anyhow!("poisoned"))?.secret = Some(secret);
        Ok(Sink { seen, server })
    }

    fn set_delay(&self, delay: Duration) -> anyhow::Result<()> {
        self.seen
            .lock()
            .map_err(|_| anyhow::anyhow!("poisoned"))?
            .delay = delay;
        Ok(())
    }

    fn count(&self) -> usize {
        self.seen.lock().map(|s| s.ids.len()).unwrap_or(0)
    }

    async fn wait_for(&self, n: usize, limit: Duration) -> anyhow::Result<()> {
        let start = Instant::now();
        while self.count() < n {
            if start.elapsed() > limit {
                bail!(
                    "only {} of {n} deliveries arrived within {limit:?}",
                    self.count()
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Ok(())
    }

    /// Waits for the mixed run's deliveries, then measures draining a backlog.
    pub(super) async fn measure(
        self,
        client: &Arc<Client>,
        bot: &str,
        desk: &str,
        args: &BenchArgs,
    ) -> anyhow::Result<WebhookFigures> {
        let expected = EVENTS.len() * args.conversations;
        self.wait_for(expected, Duration::from_secs(300)).await?;
        let (deliveries, per_second, p50, p99) = {
            let s = self.seen.lock().map_err(|_| anyhow::anyhow!("poisoned"))?;
            let span = match (s.first, s.last) {
                (Some(a), Some(b)) => (b - a).as_secs_f64().max(1e-6),
                _ => 1.0,
            };
            let n = s.ids.len() as u64;
            (
                n,
                n as f64 / span,
                ms(s.latency_us.value_at_quantile(0.5)),
                ms(s.latency_us.value_at_quantile(0.99)),
            )
        };

        // A slow receiver (1 s per answer) lets the same load pile up a backlog
        // without failures; when it speeds up, the backlog drains at the worker's pace.
        self.set_delay(Duration::from_secs(1))?;
        drive(client, bot, desk, args).await?;
        self.set_delay(Duration::ZERO)?;
        let switched = Instant::now();
        let backlog = (2 * expected).saturating_sub(self.count());
        self.wait_for(2 * expected, Duration::from_secs(300))
            .await?;
        let drain = switched.elapsed().as_secs_f64();
        self.server.abort();
        let rejected = self.seen.lock().map(|s| s.rejected).unwrap_or(0);
        Ok(WebhookFigures {
            deliveries,
            deliveries_per_second: per_second,
            latency_p50_ms: p50,
            latency_p99_ms: p99,
            backlog: backlog as u64,
            drain_deliveries_per_second: backlog as f64 / drain,
            rejected,
        })
    }
}
