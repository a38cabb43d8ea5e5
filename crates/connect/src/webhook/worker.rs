//! The delivery worker: claims due deliveries from the store, sends them signed,
//! and records each outcome; retries follow [`super::schedule`].
//!
//! Everything it needs is durable: a crash loses only in-flight attempts, whose
//! leases are released at the next start, so they are sent again with the same
//! `webhook-id` (at least once; receivers deduplicate by that id).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use baton_store::{Delivery, DeliveryOutcome, Store, Webhook};
use reqwest::StatusCode;
use tokio::sync::{Notify, Semaphore, mpsc};

use super::guard::{GuardedResolver, check_url};
use super::schedule::next_delay;
use super::signature::{SigningSecret, signature_header};
use crate::secrets::SecretBox;

/// The summary a webhook event carries, as one endpoint's receiver policy lets it see
/// it. The server implements it: the summary is built from the conversation.
#[async_trait::async_trait]
pub trait Summaries: Send + Sync {
    /// The summary of `handoff` redacted for `receiver` (`webhook:<id>`); `None` when
    /// the policy withholds it.
    async fn summary(
        &self,
        handoff: baton_core::HandoffId,
        receiver: &str,
    ) -> Result<Option<String>, String>;
}

/// The receiver policy a webhook endpoint's events are redacted with: its own
/// (`webhook:<id>`), else the `webhook` kind's, else the strict default.
pub fn receiver_name(webhook: uuid::Uuid) -> String {
    format!("webhook:{webhook}")
}

/// Tunables; the defaults suit production.
#[derive(Clone, Debug)]
pub struct WorkerConfig {
    /// Allow loopback and private targets (tests, internal networks).
    pub allow_private: bool,
    /// How long one attempt may take.
    pub request_timeout: Duration,
    /// Concurrent attempts per endpoint.
    pub per_endpoint: usize,
    /// Concurrent attempts in all.
    pub max_in_flight: usize,
    /// How often to look for due retries when nothing wakes the worker.
    pub poll: Duration,
    /// Multiplies the retry schedule (1.0 in production; tests shrink it).
    pub retry_scale: f64,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        Self {
            allow_private: false,
            request_timeout: Duration::from_secs(10),
            per_endpoint: 16,
            max_in_flight: 256,
            poll: Duration::from_millis(250),
            retry_scale: 1.0,
        }
    }
}

pub struct DeliveryWorker {
    store: Arc<dyn Store>,
    secrets: Arc<SecretBox>,
    client: reqwest::Client,
    config: WorkerConfig,
    wake: Arc<Notify>,
    summaries: Option<Arc<dyn Summaries>>,
}

impl DeliveryWorker {
    pub fn new(
        store: Arc<dyn Store>,
        secrets: Arc<SecretBox>,
        config: WorkerConfig,
    ) -> Result<Self, reqwest::Error> {
        let client = reqwest::Client::builder()
            .dns_resolver(GuardedResolver::shared(config.allow_private))
            .redirect(reqwest::redirect::Policy::none())
            // A proxy would resolve names itself, past the guard.
            .no_proxy()
            .timeout(config.request_timeout)
            .pool_max_idle_per_host(config.per_endpoint)
            .user_agent(concat!("Baton/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self {
            store,
            secrets,
            client,
            config,
            wake: Arc::new(Notify::new()),
            summaries: None,
        })
    }

    /// Events then carry the handoff's summary, redacted per endpoint.
    pub fn with_summaries(mut self, summaries: Arc<dyn Summaries>) -> Self {
        self.summaries = Some(summaries);
        self
    }

    /// The body to sign and send. The stored event has no summary yet: before the
    /// first attempt the summary is added as this endpoint may see it and the body
    /// stored, so every retry sends the same bytes under the same `webhook-id`.
    async fn body(&self, d: &Delivery, hook: &Webhook) -> Result<String, String> {
        let Some(summaries) = &self.summaries else {
            return Ok(d.payload.clone());
        };
        let Ok(mut event) = serde_json::from_str::<serde_json::Value>(&d.payload) else {
            return Ok(d.payload.clone());
        };
        let Some(data) = event.get_mut("data").and_then(|v| v.as_object_mut()) else {
            return Ok(d.payload.clone());
        };
        if data.contains_key("summary") {
            return Ok(d.payload.clone());
        }
        let Some(handoff) = data
            .get("handoff_id")
            .and_then(|v| v.as_str())
            .and_then(|h| h.parse::<baton_core::HandoffId>().ok())
        else {
            return Ok(d.payload.clone());
        };
        let summary = summaries.summary(handoff, &receiver_name(hook.id)).await?;
        data.insert("summary".into(), summary.into());
        let body = serde_json::to_string(&event).map_err(|e| e.to_string())?;
        self.store
            .seal_delivery_payload(&d.id, body.clone())
            .await
            .map_err(|e| format!("storing the event with its summary: {e}"))?;
        Ok(body)
    }

    /// Notify this after writing events, so they go out now rather than at the next poll.
    pub fn waker(&self) -> Arc<Notify> {
        self.wake.clone()
    }

    /// Delivers until `shutdown` resolves, then finishes the attempts in flight.
    pub async fn run(self, shutdown: impl std::future::Future<Output = ()>) {
        if let Err(e) = self.store.release_delivery_leases().await {
            tracing::warn!(error = %e, "could not release delivery leases; they expire on their own");
        }
        let me = Arc::new(self);
        let global = Arc::new(Semaphore::new(me.config.max_in_flight));
        let endpoints: Arc<Mutex<HashMap<uuid::Uuid, Arc<Semaphore>>>> = Arc::default();
        let (done_tx, done_rx) = mpsc::unbounded_channel();
        let recorder = tokio::spawn(record_loop(me.store.clone(), done_rx, me.wake.clone()));
        // A claimed delivery may wait in this process for its endpoint's slot behind
        // every other claimed one: the lease covers that whole queue, so it cannot
        // lapse (and be claimed again) before the attempt ends.
        let queue_rounds = me
            .config
            .max_in_flight
            .div_ceil(me.config.per_endpoint.max(1))
            + 1;
        let lease = me.config.request_timeout * u32::try_from(queue_rounds).unwrap_or(u32::MAX)
            + Duration::from_secs(5);
        tokio::pin!(shutdown);
        loop {
            tokio::select! {
                () = &mut shutdown => break,
                () = me.wake.notified() => {}
                () = tokio::time::sleep(me.config.poll) => {}
            }
            // Claim as long as there is room and work.
            loop {
                let room = global.available_permits();
                if room == 0 {
                    break;
                }
                let claimed = match me
                    .store
                    .claim_deliveries(baton_now(), u32::try_from(room).unwrap_or(u32::MAX), lease)
                    .await
                {
                    Ok(c) => c,
                    Err(e) => {
                        tracing::warn!(error = %e, "claiming deliveries failed; will retry");
                        break;
                    }
                };
                let n = claimed.len();
                tracing::debug!(claimed = n, room, "claimed deliveries");
                for (delivery, hook) in claimed {
                    let Ok(permit) = global.clone().acquire_owned().await else {
                        break;
                    };
                    let endpoint = endpoint_limit(&endpoints, hook.id, me.config.per_endpoint);
                    let (me, done) = (me.clone(), done_tx.clone());
                    tokio::spawn(async move {
                        let _permit = permit;
                        let _slot = endpoint.acquire_owned().await;
                        let outcome = me.attempt(&delivery, &hook).await;
                        let _ = done.send((delivery.id, outcome));
                    });
                }
                if n < room {
                    break;
                }
            }
        }
        // Let the attempts in flight finish and be recorded.
        let _ = global
            .acquire_many(u32::try_from(me.config.max_in_flight).unwrap_or(u32::MAX))
            .await;
        drop(done_tx);
        let _ = recorder.await;
    }

    async fn attempt(&self, d: &Delivery, hook: &Webhook) -> DeliveryOutcome {
        let failed_attempts = u32::try_from(d.attempts)
            .unwrap_or(u32::MAX)
            .saturating_add(1);
        let retry_or_dead = |status: Option<u16>, error: String| match next_delay(
            failed_attempts,
            self.config.retry_scale,
        ) {
            Some(delay) => DeliveryOutcome::Retry {
                at: baton_now() + delay,
                status,
                error,
            },
            None => DeliveryOutcome::Dead { status, error },
        };
        let url = match check_url(&hook.url, self.config.allow_private) {
            Ok(u) => u,
            Err(e) => {
                return DeliveryOutcome::Dead {
                    status: None,
                    error: e.to_string(),
                };
            }
        };
        let now = baton_now();
        let secrets: Vec<SigningSecret> = hook
            .secrets
            .iter()
            .filter(|s| s.expires_at.is_none_or(|e| e > now))
            .filter_map(|s| {
                self.secrets
                    .open(&s.sealed)
                    .ok()
                    .map(SigningSecret::from_bytes)
            })
            .collect();
        if secrets.is_empty() {
            return DeliveryOutcome::Dead {
                status: None,
                error: "no signing secret could be opened (was the sealing key changed?)".into(),
            };
        }
        let payload = match self.body(d, hook).await {
            Ok(p) => p,
            Err(e) => {
                tracing::warn!(delivery = %d.id, error = %e, "the event's summary could not be added; retrying");
                return retry_or_dead(None, "the event's summary could not be built".to_owned());
            }
        };
        let ts = now.unix_timestamp();
        let signature = signature_header(&secrets, &d.id, ts, payload.as_bytes());
        let sent = self
            .client
            .post(url)
            .header("content-type", "application/json")
            .header("webhook-id", &d.id)
            .header("webhook-timestamp", ts.to_string())
            .header("webhook-signature", signature)
            .body(payload)
            .send()
            .await;
        match sent {
            Ok(res) if res.status().is_success() => DeliveryOutcome::Delivered {
                status: res.status().as_u16(),
            },
            Ok(res) if res.status() == StatusCode::GONE => DeliveryOutcome::Gone,
            Ok(res) => {
                let status = res.status();
                retry_or_dead(
                    Some(status.as_u16()),
                    format!("the endpoint answered {status}"),
                )
            }
            Err(e) => {
                let what = if e.is_timeout() {
                    format!("no answer within {:?}", self.config.request_timeout)
                } else if e.is_connect() {
                    "could not connect".to_owned()
                } else {
                    "request failed".to_owned()
                };
                retry_or_dead(None, what)
            }
        }
    }
}

fn baton_now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}

fn endpoint_limit(
    map: &Mutex<HashMap<uuid::Uuid, Arc<Semaphore>>>,
    id: uuid::Uuid,
    per_endpoint: usize,
) -> Arc<Semaphore> {
    match map.lock() {
        Ok(mut m) => m
            .entry(id)
            .or_insert_with(|| Arc::new(Semaphore::new(per_endpoint)))
            .clone(),
        Err(_) => Arc::new(Semaphore::new(per_endpoint)),
    }
}

/// Records outcomes in batches; a failed write is retried, never dropped.
async fn record_loop(
    store: Arc<dyn Store>,
    mut done: mpsc::UnboundedReceiver<(String, DeliveryOutcome)>,
    wake: Arc<Notify>,
) {
    let mut batch = Vec::new();
    while let Some(first) = done.recv().await {
        batch.push(first);
        while batch.len() < 1024 {
            match done.try_recv() {
                Ok(o) => batch.push(o),
                Err(_) => break,
            }
        }
        loop {
            match store.record_deliveries(batch.clone()).await {
                Ok(()) => break,
                Err(e) => {
                    tracing::warn!(error = %e, pending = batch.len(), "recording delivery outcomes failed; retrying");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
            }
        }
        batch.clear();
        // A delivered event may unblock the next one of its conversation.
        wake.notify_one();
    }
}
