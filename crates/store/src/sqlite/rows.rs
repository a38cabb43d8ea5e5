//! Row ↔ domain conversions for SQLite.

use baton_core::{
    AgentKind, Channel, Conversation, ConversationStatus, Customer, Handoff, HandoffState, Reason,
    Role, Turn, TurnEvent,
};
use rusqlite::Row;
use rusqlite::types::FromSql;
use serde_json::{Map, Value};
use time::OffsetDateTime;

use crate::{Result, StoreError};

pub(crate) fn to_us(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000) as i64
}

pub(crate) fn from_us(us: i64) -> Result<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(us) * 1_000)
        .map_err(|e| StoreError::Corrupt(format!("timestamp {us}: {e}")))
}

fn opt_from_us(us: Option<i64>) -> Result<Option<OffsetDateTime>> {
    us.map(from_us).transpose()
}

pub(crate) fn get<T: FromSql>(row: &Row<'_>, col: &str) -> Result<T> {
    row.get(col)
        .map_err(|e| StoreError::Corrupt(format!("column {col}: {e}")))
}

fn parse_id<T: std::str::FromStr>(row: &Row<'_>, col: &str) -> Result<T> {
    let s: String = get(row, col)?;
    s.parse()
        .map_err(|_| StoreError::Corrupt(format!("column {col}: bad id {s}")))
}

fn parse_opt_id<T: std::str::FromStr>(row: &Row<'_>, col: &str) -> Result<Option<T>> {
    let s: Option<String> = get(row, col)?;
    s.map(|s| {
        s.parse()
            .map_err(|_| StoreError::Corrupt(format!("column {col}: bad id {s}")))
    })
    .transpose()
}

fn parse_enum<T>(row: &Row<'_>, col: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T> {
    let s: String = get(row, col)?;
    parse(&s).ok_or_else(|| StoreError::Corrupt(format!("column {col}: unknown value {s}")))
}

fn json_object(row: &Row<'_>, col: &str) -> Result<Map<String, Value>> {
    let s: Option<String> = get(row, col)?;
    match s {
        None => Ok(Map::new()),
        Some(s) => {
            serde_json::from_str(&s).map_err(|e| StoreError::Corrupt(format!("column {col}: {e}")))
        }
    }
}

pub(crate) fn json_text(v: &impl serde::Serialize) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Backend(format!("encoding JSON: {e}")))
}

pub(crate) fn conversation(row: &Row<'_>) -> Result<Conversation> {
    let customer: String = get(row, "customer")?;
    let customer: Customer = serde_json::from_str(&customer)
        .map_err(|e| StoreError::Corrupt(format!("column customer: {e}")))?;
    Ok(Conversation {
        id: parse_id(row, "id")?,
        channel: parse_enum(row, "channel", Channel::parse)?,
        customer,
        status: parse_enum(row, "status", ConversationStatus::parse)?,
        ai_agent: parse_id(row, "ai_agent")?,
        owner: parse_id(row, "owner")?,
        owner_kind: parse_enum(row, "owner_kind", AgentKind::parse)?,
        open_handoff: parse_opt_id(row, "open_handoff")?,
        turn_count: get(row, "turn_count")?,
        created_at: from_us(get(row, "created_at")?)?,
        updated_at: from_us(get(row, "updated_at")?)?,
    })
}

pub(crate) fn turn(row: &Row<'_>) -> Result<Turn> {
    let event: Option<String> = get(row, "event")?;
    Ok(Turn {
        id: parse_id(row, "id")?,
        conversation_id: parse_id(row, "conversation_id")?,
        seq: get(row, "seq")?,
        at: from_us(get(row, "at")?)?,
        role: parse_enum(row, "role", Role::parse)?,
        text: get(row, "text")?,
        confidence: get(row, "confidence")?,
        intent: get(row, "intent")?,
        event: event
            .map(|e| {
                TurnEvent::parse(&e)
                    .ok_or_else(|| StoreError::Corrupt(format!("column event: unknown value {e}")))
            })
            .transpose()?,
        data: json_object(row, "data")?,
        internal: get(row, "internal")?,
        author: parse_opt_id(row, "author")?,
    })
}

pub(crate) fn handoff(row: &Row<'_>) -> Result<Handoff> {
    let decision: Option<String> = get(row, "decision")?;
    Ok(Handoff {
        id: parse_id(row, "id")?,
        conversation_id: parse_id(row, "conversation_id")?,
        state: parse_enum(row, "state", HandoffState::parse)?,
        reason: parse_enum(row, "reason", |s| s.parse::<Reason>().ok())?,
        source: parse_id(row, "source")?,
        destination: get(row, "destination")?,
        utterance: get(row, "utterance")?,
        parameters: json_object(row, "parameters")?,
        priority: get(row, "priority")?,
        rule: get(row, "rule")?,
        decision: decision
            .map(|d| {
                serde_json::from_str(&d)
                    .map_err(|e| StoreError::Corrupt(format!("column decision: {e}")))
            })
            .transpose()?,
        queue: get(row, "queue")?,
        summary: get(row, "summary")?,
        receiver: parse_opt_id(row, "receiver")?,
        note: get(row, "note")?,
        created_at: from_us(get(row, "created_at")?)?,
        updated_at: from_us(get(row, "updated_at")?)?,
        accepted_at: opt_from_us(get(row, "accepted_at")?)?,
        closed_at: opt_from_us(get(row, "closed_at")?)?,
    })
}

pub(crate) fn offer(row: &Row<'_>) -> Result<baton_core::Offer> {
    Ok(baton_core::Offer {
        id: parse_id(row, "id")?,
        handoff_id: parse_id(row, "handoff_id")?,
        receiver: parse_id(row, "receiver")?,
        queue: get(row, "queue")?,
        state: parse_enum(row, "state", baton_core::OfferState::parse)?,
        created_at: from_us(get(row, "created_at")?)?,
        deadline: from_us(get(row, "deadline")?)?,
        note: get(row, "note")?,
    })
}
