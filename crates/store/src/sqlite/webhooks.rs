//! Webhook subscriptions and deliveries on SQLite.

use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use rusqlite::{Connection, Row, params};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use super::engine::db_err;
use super::rows::{from_us, get, json_text, to_us};
use crate::webhooks::{
    Delivery, DeliveryOutcome, DeliveryState, NewWebhook, SealedSecret, Webhook, WebhookState,
};
use crate::{Result, StoreError};

#[derive(Serialize, Deserialize)]
struct SecretRow {
    sealed: String,
    expires_at: Option<i64>,
}

fn secrets_text(secrets: &[SealedSecret]) -> Result<String> {
    let rows: Vec<SecretRow> = secrets
        .iter()
        .map(|s| SecretRow {
            sealed: B64.encode(&s.sealed),
            expires_at: s.expires_at.map(to_us),
        })
        .collect();
    json_text(&rows)
}

fn webhook_row(row: &Row<'_>) -> Result<Webhook> {
    let id: String = get(row, "id")?;
    let events: String = get(row, "events")?;
    let secrets: String = get(row, "secrets")?;
    let secrets: Vec<SecretRow> = serde_json::from_str(&secrets)
        .map_err(|e| StoreError::Corrupt(format!("webhook secrets: {e}")))?;
    let state: String = get(row, "state")?;
    Ok(Webhook {
        id: id
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("webhook id {id}")))?,
        url: get(row, "url")?,
        events: serde_json::from_str(&events)
            .map_err(|e| StoreError::Corrupt(format!("webhook events: {e}")))?,
        secrets: secrets
            .into_iter()
            .map(|s| {
                Ok(SealedSecret {
                    sealed: B64
                        .decode(s.sealed)
                        .map_err(|e| StoreError::Corrupt(format!("webhook secret: {e}")))?,
                    expires_at: s.expires_at.map(from_us).transpose()?,
                })
            })
            .collect::<Result<_>>()?,
        state: match state.as_str() {
            "active" => WebhookState::Active,
            _ => WebhookState::Disabled,
        },
        disabled_reason: get(row, "disabled_reason")?,
        created_at: from_us(get(row, "created_at")?)?,
    })
}

fn delivery_row(row: &Row<'_>) -> Result<Delivery> {
    let webhook: String = get(row, "webhook_id")?;
    let state: String = get(row, "state")?;
    Ok(Delivery {
        id: get(row, "id")?,
        webhook_id: webhook
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("delivery webhook {webhook}")))?,
        topic: get(row, "topic")?,
        conversation_id: get(row, "conversation_id")?,
        payload: get(row, "payload")?,
        state: DeliveryState::parse(&state)
            .ok_or_else(|| StoreError::Corrupt(format!("delivery state {state}")))?,
        attempts: get(row, "attempts")?,
        next_attempt_at: from_us(get(row, "next_attempt_at")?)?,
        last_status: get(row, "last_status")?,
        last_error: get(row, "last_error")?,
        created_at: from_us(get(row, "created_at")?)?,
        delivered_at: get::<Option<i64>>(row, "delivered_at")?
            .map(from_us)
            .transpose()?,
    })
}

pub(super) fn load_webhook(conn: &Connection, id: Uuid) -> Result<Webhook> {
    let mut st = conn
        .prepare_cached("SELECT * FROM webhooks WHERE id = ?")
        .map_err(db_err)?;
    let mut rows = st.query([id.to_string()]).map_err(db_err)?;
    match rows.next().map_err(db_err)? {
        Some(r) => webhook_row(r),
        None => Err(StoreError::NotFound {
            what: "webhook",
            id: id.to_string(),
        }),
    }
}

pub(super) fn create(conn: &Connection, new: NewWebhook) -> Result<Webhook> {
    let now = baton_core::now();
    let hook = Webhook {
        id: Uuid::now_v7(),
        url: new.url,
        events: new.events,
        secrets: vec![SealedSecret {
            sealed: new.secret,
            expires_at: None,
        }],
        state: WebhookState::Active,
        disabled_reason: None,
        created_at: now,
    };
    conn.execute(
        "INSERT INTO webhooks (id, url, events, secrets, state, created_at) VALUES (?, ?, ?, ?, 'active', ?)",
        params![
            hook.id.to_string(),
            hook.url,
            json_text(&hook.events)?,
            secrets_text(&hook.secrets)?,
            to_us(now)
        ],
    )
    .map_err(db_err)?;
    Ok(hook)
}

pub(super) fn list(conn: &Connection) -> Result<Vec<Webhook>> {
    let mut st = conn
        .prepare_cached("SELECT * FROM webhooks ORDER BY created_at")
        .map_err(db_err)?;
    let mut rows = st.query([]).map_err(db_err)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next().map_err(db_err)? {
        out.push(webhook_row(r)?);
    }
    Ok(out)
}

pub(super) fn delete(conn: &Connection, id: Uuid) -> Result<()> {
    load_webhook(conn, id)?;
    conn.execute(
        "DELETE FROM deliveries WHERE webhook_id = ?",
        [id.to_string()],
    )
    .map_err(db_err)?;
    conn.execute("DELETE FROM webhooks WHERE id = ?", [id.to_string()])
        .map_err(db_err)?;
    Ok(())
}

pub(super) fn rotate(
    conn: &Connection,
    id: Uuid,
    secret: Vec<u8>,
    previous_until: OffsetDateTime,
) -> Result<Webhook> {
    let mut hook = load_webhook(conn, id)?;
    let now = baton_core::now();
    let mut secrets = vec![SealedSecret {
        sealed: secret,
        expires_at: None,
    }];
    for mut old in hook.secrets {
        if old.expires_at.is_none() {
            old.expires_at = Some(previous_until);
        }
        if old.expires_at.is_some_and(|e| e > now) {
            secrets.push(old);
        }
    }
    hook.secrets = secrets;
    conn.execute(
        "UPDATE webhooks SET secrets = ? WHERE id = ?",
        params![secrets_text(&hook.secrets)?, id.to_string()],
    )
    .map_err(db_err)?;
    Ok(hook)
}

/// Fans an event out to every active subscription for its topic, in the caller's
/// transaction: the deliveries exist exactly when the event does.
pub(super) fn fan_out(
    conn: &Connection,
    event_id: &str,
    topic: &str,
    conversation_id: &str,
    payload: &str,
    at_us: i64,
) -> Result<()> {
    let mut st = conn
        .prepare_cached("SELECT id, events FROM webhooks WHERE state = 'active'")
        .map_err(db_err)?;
    let mut rows = st.query([]).map_err(db_err)?;
    let mut targets = Vec::new();
    while let Some(r) = rows.next().map_err(db_err)? {
        let events: String = get(r, "events")?;
        let events: Vec<String> = serde_json::from_str(&events)
            .map_err(|e| StoreError::Corrupt(format!("webhook events: {e}")))?;
        if events.iter().any(|e| e == topic) {
            targets.push(get::<String>(r, "id")?);
        }
    }
    drop(rows);
    let mut insert = conn
        .prepare_cached(
            "INSERT INTO deliveries (id, webhook_id, event_id, topic, conversation_id, payload, \
             state, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
        )
        .map_err(db_err)?;
    for webhook in targets {
        let id = format!("msg_{}", Uuid::now_v7().simple());
        insert
            .execute(params![
                id,
                webhook,
                event_id,
                topic,
                conversation_id,
                payload,
                at_us,
                at_us
            ])
            .map_err(db_err)?;
    }
    Ok(())
}

pub(super) fn claim(
    conn: &Connection,
    now: OffsetDateTime,
    limit: u32,
    lease: Duration,
) -> Result<Vec<(Delivery, Webhook)>> {
    let now_us = to_us(now);
    // The head of each (endpoint, conversation) line only: a later event waits
    // until the earlier one is delivered or dead. The walk goes through the
    // pending rows alone, oldest first, and stops at `limit`: its cost follows
    // what is in flight or waiting ahead of the heads it returns, not the size
    // of the backlog (the due-time index would read and sort every due row of a
    // backlog, blocked ones included, on every claim). Rows that are not due or
    // are leased are passed over on the index alone; the rows behind a head that
    // is backing off are not due either (see `record`), so an endpoint that is
    // down costs the walk no table reads.
    // The limit is a literal, not a parameter: a bound LIMIT re-prepares the statement
    // on every execution.
    let mut st = conn
        .prepare_cached(&format!(
            "SELECT d.* FROM deliveries d INDEXED BY deliveries_claim \
             WHERE d.state = 'pending' AND d.next_attempt_at <= ?1 AND d.lease_until <= ?1 \
             AND NOT EXISTS (SELECT 1 FROM deliveries e WHERE e.webhook_id = d.webhook_id \
               AND e.conversation_id = d.conversation_id AND e.state = 'pending' AND e.seq < d.seq) \
             ORDER BY d.seq LIMIT {limit}"
        ))
        .map_err(db_err)?;
    let mut rows = st.query(params![now_us]).map_err(db_err)?;
    let mut claimed = Vec::new();
    while let Some(r) = rows.next().map_err(db_err)? {
        claimed.push((get::<i64>(r, "seq")?, delivery_row(r)?));
    }
    drop(rows);
    let until = now_us + i64::try_from(lease.as_micros()).unwrap_or(i64::MAX / 2);
    let mut lease_st = conn
        .prepare_cached("UPDATE deliveries SET lease_until = ? WHERE seq = ?")
        .map_err(db_err)?;
    let mut hooks: Vec<Webhook> = Vec::new();
    let mut out = Vec::with_capacity(claimed.len());
    for (seq, d) in claimed {
        lease_st.execute(params![until, seq]).map_err(db_err)?;
        let hook = match hooks.iter().find(|h| h.id == d.webhook_id) {
            Some(h) => h.clone(),
            None => {
                let h = load_webhook(conn, d.webhook_id)?;
                hooks.push(h.clone());
                h
            }
        };
        out.push((d, hook));
    }
    Ok(out)
}

/// A pending delivery's body, completed by the worker before its first attempt.
pub(super) fn seal_payload(conn: &Connection, id: &str, payload: &str) -> Result<()> {
    conn.prepare_cached("UPDATE deliveries SET payload = ? WHERE id = ? AND state = 'pending'")
        .and_then(|mut st| st.execute(params![payload, id]))
        .map_err(db_err)?;
    Ok(())
}

pub(super) fn record(conn: &Connection, outcomes: Vec<(String, DeliveryOutcome)>) -> Result<()> {
    let now = to_us(baton_core::now());
    for (id, outcome) in outcomes {
        match outcome {
            DeliveryOutcome::Delivered { status } => conn
                .prepare_cached(
                    "UPDATE deliveries SET state = 'delivered', attempts = attempts + 1, lease_until = 0, \
                     last_status = ?, last_error = NULL, delivered_at = ? WHERE id = ? AND state = 'pending'",
                )
                .and_then(|mut st| st.execute(params![status, now, id])),
            DeliveryOutcome::Retry { at, status, error } => conn
                .prepare_cached(
                    "UPDATE deliveries SET attempts = attempts + 1, lease_until = 0, next_attempt_at = ?, \
                     last_status = ?, last_error = ? WHERE id = ? AND state = 'pending'",
                )
                .and_then(|mut st| st.execute(params![to_us(at), status, error, id]))
                .and_then(|_| {
                    // The rest of its line cannot go before it: say so, so that the
                    // claim passes them over on its index while the endpoint is down.
                    // Once this one is delivered or dead they are due at once.
                    conn.prepare_cached(
                        "UPDATE deliveries SET next_attempt_at = ?1 \
                         WHERE webhook_id = (SELECT webhook_id FROM deliveries WHERE id = ?2) \
                         AND conversation_id = (SELECT conversation_id FROM deliveries WHERE id = ?2) \
                         AND state = 'pending' AND seq > (SELECT seq FROM deliveries WHERE id = ?2) \
                         AND next_attempt_at < ?1",
                    )?
                    .execute(params![to_us(at), id])
                }),
            DeliveryOutcome::Dead { status, error } => conn
                .prepare_cached(
                    "UPDATE deliveries SET state = 'dead', attempts = attempts + 1, lease_until = 0, \
                     last_status = ?, last_error = ? WHERE id = ? AND state = 'pending'",
                )
                .and_then(|mut st| st.execute(params![status, error, id])),
            DeliveryOutcome::Gone => {
                conn.execute(
                    "UPDATE webhooks SET state = 'disabled', disabled_reason = ? WHERE id = \
                     (SELECT webhook_id FROM deliveries WHERE id = ?)",
                    params!["the endpoint answered 410 Gone", id],
                )
                .map_err(db_err)?;
                // Every pending delivery to a gone endpoint is dead, visibly.
                conn.execute(
                    "UPDATE deliveries SET state = 'dead', lease_until = 0, last_status = 410, \
                     last_error = 'endpoint gone (410)', attempts = attempts + (id = ?1) \
                     WHERE state = 'pending' AND webhook_id = (SELECT webhook_id FROM deliveries WHERE id = ?1)",
                    params![id],
                )
            }
        }
        .map_err(db_err)?;
    }
    Ok(())
}

pub(super) fn list_deliveries(
    conn: &Connection,
    state: Option<DeliveryState>,
    webhook: Option<Uuid>,
    limit: u32,
) -> Result<Vec<Delivery>> {
    let mut st = conn
        .prepare_cached(&format!(
            "SELECT * FROM deliveries WHERE (?1 IS NULL OR state = ?1) AND (?2 IS NULL OR webhook_id = ?2) \
             ORDER BY seq DESC LIMIT {limit}"
        ))
        .map_err(db_err)?;
    let mut rows = st
        .query(params![
            state.map(DeliveryState::as_str),
            webhook.map(|w| w.to_string()),
        ])
        .map_err(db_err)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next().map_err(db_err)? {
        out.push(delivery_row(r)?);
    }
    Ok(out)
}

pub(super) fn retry(conn: &Connection, id: &str) -> Result<Delivery> {
    let mut st = conn
        .prepare_cached("SELECT * FROM deliveries WHERE id = ?")
        .map_err(db_err)?;
    let mut rows = st.query([id]).map_err(db_err)?;
    let d = match rows.next().map_err(db_err)? {
        Some(r) => delivery_row(r)?,
        None => {
            return Err(StoreError::NotFound {
                what: "delivery",
                id: id.to_owned(),
            });
        }
    };
    drop(rows);
    if d.state != DeliveryState::Dead {
        return Err(StoreError::Conflict(format!(
            "delivery {id} is {}; only a dead delivery can be retried",
            d.state.as_str()
        )));
    }
    let hook = load_webhook(conn, d.webhook_id)?;
    if hook.state != WebhookState::Active {
        // An operator retrying means the endpoint is back: turn it on again.
        conn.execute(
            "UPDATE webhooks SET state = 'active', disabled_reason = NULL WHERE id = ?",
            [hook.id.to_string()],
        )
        .map_err(db_err)?;
    }
    let now = to_us(baton_core::now());
    conn.execute(
        "UPDATE deliveries SET state = 'pending', next_attempt_at = ?, lease_until = 0 WHERE id = ?",
        params![now, id],
    )
    .map_err(db_err)?;
    Ok(Delivery {
        state: DeliveryState::Pending,
        next_attempt_at: from_us(now)?,
        ..d
    })
}
