//! Routing and desk state in SQLite: offers, queues, desk users, sessions. Each
//! function runs inside the caller's transaction.

use std::collections::BTreeMap;

use baton_core::visibility::InLine;
use baton_core::{
    Actor, AgentId, Channel, Handoff, HandoffEvent, HandoffId, HandoffState, Offer, OfferEvent,
    OfferId, OfferState, Presence,
};
use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Map, Value, json};
use time::OffsetDateTime;

use super::engine::db_err;
use super::rows::{self, from_us, to_us};
use super::{
    actor_label, append_audit, enqueue_event, load_conversation, load_handoff, save_conversation,
    save_handoff,
};
use crate::routing::{DeskLoad, DeskSession, DeskUser, Expired, NewRoute, Waiting};
use crate::{HandoffChange, Result, StoreError};

/// The SQL condition under which receiver `?` sees a handoff row (`handoffs` unaliased):
/// the one it holds, and the claimable ones in its queues or offered to it.
/// [`baton_core::visibility::receiver_sees`] as a filter over `handoffs` for the
/// agent bound as `?1`, for lists; the store suite checks the two agree.
pub(super) fn receiver_sees_sql() -> String {
    format!(
        "(receiver = ?1 OR (state IN ({}) AND (queue IN \
         (SELECT queue FROM queue_members WHERE agent_id = ?1) OR EXISTS \
         (SELECT 1 FROM offers o WHERE o.handoff_id = handoffs.id AND o.receiver = ?1 \
          AND o.state = 'pending'))))",
        super::claimable_states()
    )
}

/// How `agent` stands in line for `h`: the facts [`baton_core::visibility`] decides on.
pub(super) fn in_line(conn: &Connection, agent: AgentId, h: &Handoff) -> Result<InLine> {
    conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM queue_members WHERE agent_id = ?1 AND queue = ?3), \
                EXISTS (SELECT 1 FROM offers WHERE handoff_id = ?2 AND receiver = ?1 AND state = 'pending'), \
                EXISTS (SELECT 1 FROM offers WHERE handoff_id = ?2 AND receiver = ?1)",
    )
    .and_then(|mut st| {
        st.query_row(
            params![agent.to_string(), h.id.to_string(), h.queue.as_deref()],
            |r| {
                Ok(InLine {
                    member_of_queue: r.get(0)?,
                    offered_now: r.get(1)?,
                    ever_offered: r.get(2)?,
                })
            },
        )
    })
    .map_err(db_err)
}

/// Moves a waiting handoff to stop `index` of its plan (routing it first if needed).
pub(super) fn route_to(
    conn: &Connection,
    id: HandoffId,
    route: NewRoute,
    index: u32,
    now: OffsetDateTime,
) -> Result<Handoff> {
    let h = load_handoff(conn, id)?;
    if h.state != HandoffState::Requested {
        return Err(StoreError::Conflict(format!(
            "handoff {id} is {}; only a waiting handoff is routed",
            h.state.as_str()
        )));
    }
    let plan = rows::json_text(&route.plan)?;
    conn.prepare_cached(
        "UPDATE handoffs SET route = ?, queue = ?, priority = ?, target_index = ?, \
         target_since = ?, updated_at = ? WHERE id = ? AND state = 'requested'",
    )
    .and_then(|mut st| {
        st.execute(params![
            plan,
            route.queue.as_deref(),
            route.priority,
            index,
            to_us(now),
            to_us(now),
            id.to_string()
        ])
    })
    .map_err(db_err)?;
    append_audit(
        conn,
        "baton",
        "handoff.routed",
        &format!("handoff:{id}"),
        &json!({"queue": route.queue, "stop": index, "priority": route.priority}),
        to_us(now),
    )?;
    load_handoff(conn, id)
}

/// Waiting handoffs (all, or those of `ids`), highest priority then oldest first, in
/// one query: the router reads this on every pass.
pub(super) fn waiting(
    conn: &Connection,
    ids: Option<&[HandoffId]>,
    limit: u32,
) -> Result<Vec<Waiting>> {
    let (filter, only) = match ids {
        Some([]) => return Ok(Vec::new()),
        Some(ids) => (
            " AND h.id IN (SELECT value FROM json_each(?))",
            Some(rows::json_text(
                &ids.iter().map(|i| i.to_string()).collect::<Vec<_>>(),
            )?),
        ),
        None => ("", None),
    };
    // The latest intent is only needed to route a handoff that has no route yet.
    let sql = format!(
        "SELECT h.*, c.channel AS conv_channel, c.customer AS conv_customer, \
         (SELECT group_concat(o.receiver) FROM offers o \
          WHERE o.handoff_id = h.id AND (o.target_index = h.target_index \
          OR o.state IN ('rejected', 'timed_out'))) AS tried, \
         CASE WHEN h.route IS NULL THEN (SELECT t.intent FROM turns t \
          WHERE t.conversation_id = h.conversation_id AND t.intent IS NOT NULL \
          ORDER BY t.seq DESC LIMIT 1) END AS latest_intent \
         FROM handoffs h JOIN conversations c ON c.id = h.conversation_id \
         WHERE h.state = 'requested'{filter} ORDER BY h.priority DESC, h.created_at LIMIT {limit}"
    );
    let mut st = conn.prepare_cached(&sql).map_err(db_err)?;
    let mut rows_ = match &only {
        Some(json) => st.query(params![json]),
        None => st.query([]),
    }
    .map_err(db_err)?;
    let mut out = Vec::new();
    while let Some(row) = rows_.next().map_err(db_err)? {
        let h = rows::handoff(row)?;
        let route: Option<String> = rows::get(row, "route")?;
        let stop: i64 = rows::get(row, "target_index")?;
        let since: Option<i64> = rows::get(row, "target_since")?;
        let channel: String = rows::get(row, "conv_channel")?;
        let customer: String = rows::get(row, "conv_customer")?;
        let tried: Option<String> = rows::get(row, "tried")?;
        out.push(Waiting {
            route: route
                .map(|r| serde_json::from_str(&r))
                .transpose()
                .map_err(|e| StoreError::Corrupt(format!("column route: {e}")))?,
            target_index: u32::try_from(stop).unwrap_or(0),
            target_since: since.map(from_us).transpose()?,
            channel: Channel::parse(&channel)
                .ok_or_else(|| StoreError::Corrupt(format!("channel {channel}")))?,
            customer: serde_json::from_str(&customer)
                .map_err(|e| StoreError::Corrupt(format!("column customer: {e}")))?,
            tried: tried
                .as_deref()
                .unwrap_or("")
                .split(',')
                .filter(|s| !s.is_empty())
                .map(|s| {
                    s.parse()
                        .map_err(|_| StoreError::Corrupt(format!("agent id {s}")))
                })
                .collect::<Result<_>>()?,
            latest_intent: rows::get(row, "latest_intent")?,
            handoff: h,
        });
    }
    Ok(out)
}

pub(super) fn make_offers(
    conn: &Connection,
    id: HandoffId,
    receivers: &[AgentId],
    queue: Option<String>,
    index: u32,
    deadline: OffsetDateTime,
) -> Result<(Handoff, Vec<Offer>)> {
    // Presence may have changed since the router looked: offer only to those still online.
    let mut online = Vec::with_capacity(receivers.len());
    for r in receivers {
        let here = conn
            // A connected agent on another platform is there while its connection is active.
            .prepare_cached(
                "SELECT 1 FROM desk_users WHERE agent_id = ?1 AND presence = 'online' \
                 UNION ALL SELECT 1 FROM connections WHERE agent_id = ?1 AND state = 'active'",
            )
            .and_then(|mut st| st.query_row([r.to_string()], |_| Ok(())).optional())
            .map_err(db_err)?;
        if here.is_some() {
            online.push(*r);
        }
    }
    if online.is_empty() {
        return Err(StoreError::Conflict(
            "no receiver of this offer is online any more".to_owned(),
        ));
    }
    let receivers = &online[..];
    let mut h = load_handoff(conn, id)?;
    let before = h.state;
    h.state = before.apply(HandoffEvent::Offer)?;
    let now = baton_core::now();
    h.updated_at = now;
    save_handoff(conn, &h, before)?;
    let mut offers = Vec::with_capacity(receivers.len());
    for r in receivers {
        let offer = Offer {
            id: OfferId::new(),
            handoff_id: id,
            receiver: *r,
            queue: queue.clone(),
            state: OfferState::Pending,
            created_at: now,
            deadline,
            note: None,
        };
        insert_offer(conn, &offer, index)?;
        offers.push(offer);
    }
    append_audit(
        conn,
        "baton",
        "handoff.offered",
        &format!("handoff:{id}"),
        &json!({"receivers": receivers, "queue": queue, "deadline": to_us(deadline), "stop": index}),
        to_us(now),
    )?;
    enqueue_event(conn, "handoff.offered", &h, to_us(now))?;
    Ok((h, offers))
}

fn insert_offer(conn: &Connection, o: &Offer, index: u32) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO offers (id, handoff_id, receiver, queue, target_index, state, created_at, \
         deadline, answered_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .and_then(|mut st| {
        st.execute(params![
            o.id.to_string(),
            o.handoff_id.to_string(),
            o.receiver.to_string(),
            o.queue.as_deref(),
            index,
            o.state.as_str(),
            to_us(o.created_at),
            to_us(o.deadline),
            (o.state != OfferState::Pending).then(|| to_us(o.created_at)),
            o.note.as_deref(),
        ])
    })
    .map_err(db_err)?;
    Ok(())
}

fn pending_offers(conn: &Connection, id: HandoffId) -> Result<Vec<Offer>> {
    offers_where(
        conn,
        "SELECT * FROM offers WHERE handoff_id = ? AND state = 'pending'",
        params![id.to_string()],
    )
}

fn offers_where(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<Vec<Offer>> {
    let mut st = conn.prepare_cached(sql).map_err(db_err)?;
    let mut rows_ = st.query(p).map_err(db_err)?;
    let mut out = Vec::new();
    while let Some(row) = rows_.next().map_err(db_err)? {
        out.push(rows::offer(row)?);
    }
    Ok(out)
}

pub(super) fn offers_of(conn: &Connection, id: HandoffId) -> Result<Vec<Offer>> {
    offers_where(
        conn,
        "SELECT * FROM offers WHERE handoff_id = ? ORDER BY created_at, id",
        params![id.to_string()],
    )
}

fn end_offer(
    conn: &Connection,
    o: &Offer,
    event: OfferEvent,
    note: Option<&str>,
    now: OffsetDateTime,
) -> Result<()> {
    let to = o
        .state
        .apply(event)
        .map_err(|e| StoreError::Conflict(e.to_string()))?;
    conn.prepare_cached(
        "UPDATE offers SET state = ?, answered_at = ?, note = ? WHERE id = ? AND state = 'pending'",
    )
    .and_then(|mut st| st.execute(params![to.as_str(), to_us(now), note, o.id.to_string()]))
    .map_err(db_err)?;
    Ok(())
}

/// What a command does to a handoff's offers, inside the command's transaction:
/// accepting takes the taker's offer and withdraws the others; a reject answers the
/// rejecter's offer (or records the decline, so the router passes them over); ending
/// the handoff withdraws every pending offer. Returns whether offers are still pending.
pub(super) fn settle_offers(
    conn: &Connection,
    h: &Handoff,
    before: HandoffState,
    actor: Actor,
    event: HandoffEvent,
    note: Option<&str>,
    now: OffsetDateTime,
) -> Result<bool> {
    // Offers are pending exactly while the handoff is `offered`.
    let pending = if before == HandoffState::Offered {
        pending_offers(conn, h.id)?
    } else {
        Vec::new()
    };
    let me = match actor {
        Actor::Agent { id, .. } => Some(id),
        _ => None,
    };
    match event {
        HandoffEvent::Accept => {
            for o in &pending {
                let ev = if Some(o.receiver) == me {
                    OfferEvent::Accept
                } else {
                    OfferEvent::Rescind
                };
                end_offer(conn, o, ev, None, now)?;
            }
            Ok(false)
        }
        HandoffEvent::Reject => {
            let mine = pending.iter().find(|o| Some(o.receiver) == me);
            match (mine, me) {
                (Some(o), _) => end_offer(conn, o, OfferEvent::Reject, note, now)?,
                (None, Some(agent)) => {
                    let index: i64 = conn
                        .query_row(
                            "SELECT target_index FROM handoffs WHERE id = ?",
                            [h.id.to_string()],
                            |r| r.get(0),
                        )
                        .map_err(db_err)?;
                    insert_offer(
                        conn,
                        &Offer {
                            id: OfferId::new(),
                            handoff_id: h.id,
                            receiver: agent,
                            queue: h.queue.clone(),
                            state: OfferState::Rejected,
                            created_at: now,
                            deadline: now,
                            note: note.map(str::to_owned),
                        },
                        u32::try_from(index).unwrap_or(0),
                    )?;
                }
                (None, None) => {}
            }
            Ok(pending.iter().any(|o| Some(o.receiver) != me))
        }
        _ => {
            for o in &pending {
                end_offer(conn, o, OfferEvent::Rescind, None, now)?;
            }
            Ok(false)
        }
    }
}

/// Times out every pending offer past its deadline; their receivers are set away, and
/// a handoff with no offer left goes back to waiting.
pub(super) fn expire(conn: &Connection, now: OffsetDateTime) -> Result<Expired> {
    let due = offers_where(
        conn,
        "SELECT * FROM offers WHERE state = 'pending' AND deadline <= ? ORDER BY deadline",
        params![to_us(now)],
    )?;
    let mut out = Expired::default();
    for o in &due {
        end_offer(conn, o, OfferEvent::Expire, None, now)?;
        let changed = conn
            .prepare_cached(
                "UPDATE desk_users SET presence = 'away', presence_at = ? \
                 WHERE agent_id = ? AND presence = 'online'",
            )
            .and_then(|mut st| st.execute(params![to_us(now), o.receiver.to_string()]))
            .map_err(db_err)?;
        if changed > 0 {
            out.set_away.push(o.receiver);
            // Their other offers (a broadcast) would wait for nobody.
            out.withdrawn
                .extend(withdraw_offers_of(conn, o.receiver, now)?);
            append_audit(
                conn,
                "baton",
                "desk.presence",
                &format!("agent:{}", o.receiver),
                &json!({"presence": "away", "why": "an offer to them timed out"}),
                to_us(now),
            )?;
        }
        append_audit(
            conn,
            "baton",
            "offer.timed_out",
            &format!("handoff:{}", o.handoff_id),
            &json!({"offer": o.id, "receiver": o.receiver}),
            to_us(now),
        )?;
    }
    let mut handoffs: Vec<HandoffId> = due.iter().map(|o| o.handoff_id).collect();
    handoffs.sort_by_key(|h| h.to_string());
    handoffs.dedup();
    for id in handoffs {
        let mut h = load_handoff(conn, id)?;
        if h.state == HandoffState::Offered && pending_offers(conn, id)?.is_empty() {
            h.state = h.state.apply(HandoffEvent::OfferEnded)?;
            h.updated_at = now;
            save_handoff(conn, &h, HandoffState::Offered)?;
        }
    }
    out.offers = due
        .into_iter()
        .map(|o| Offer {
            state: OfferState::TimedOut,
            ..o
        })
        .collect();
    Ok(out)
}

/// Every target was tried: the handoff waits in the failsafe queue.
pub(super) fn fail(conn: &Connection, id: HandoffId, failsafe: &str) -> Result<Handoff> {
    let mut h = load_handoff(conn, id)?;
    let before = h.state;
    h.state = before.apply(HandoffEvent::Fail)?;
    let now = baton_core::now();
    h.updated_at = now;
    h.queue = Some(failsafe.to_owned());
    save_handoff(conn, &h, before)?;
    conn.execute(
        "UPDATE handoffs SET queue = ? WHERE id = ?",
        params![failsafe, id.to_string()],
    )
    .map_err(db_err)?;
    append_audit(
        conn,
        "baton",
        "handoff.failed",
        &format!("handoff:{id}"),
        &json!({"queue": failsafe, "why": "every target was tried"}),
        to_us(now),
    )?;
    enqueue_event(conn, "handoff.failed", &h, to_us(now))?;
    Ok(h)
}

pub(super) fn next_deadline(conn: &Connection) -> Result<Option<OffsetDateTime>> {
    let us: Option<i64> = conn
        .prepare_cached("SELECT MIN(deadline) FROM offers WHERE state = 'pending'")
        .and_then(|mut st| st.query_row([], |r| r.get(0)))
        .map_err(db_err)?;
    us.map(from_us).transpose()
}

pub(super) fn set_memberships(conn: &Connection, agent: AgentId, queues: &[String]) -> Result<()> {
    conn.execute(
        "DELETE FROM queue_members WHERE agent_id = ?",
        [agent.to_string()],
    )
    .map_err(db_err)?;
    for q in queues {
        conn.execute(
            "INSERT OR IGNORE INTO queue_members (agent_id, queue) VALUES (?, ?)",
            params![agent.to_string(), q],
        )
        .map_err(db_err)?;
    }
    Ok(())
}

/// Creates or updates a desk user (and its agent), with its queues.
pub(super) fn upsert_desk_user(
    conn: &Connection,
    username: &str,
    name: &str,
    password_hash: Option<&str>,
    queues: &[String],
) -> Result<AgentId> {
    let now = to_us(baton_core::now());
    let existing: Option<String> = conn
        .query_row(
            "SELECT agent_id FROM desk_users WHERE username = ?",
            [username],
            |r| r.get(0),
        )
        .optional()
        .map_err(db_err)?;
    let agent = match existing {
        Some(a) => {
            // A changed (or removed) password ends every session signed in with the old one.
            conn.execute(
                "DELETE FROM desk_sessions WHERE username = ?1 AND EXISTS (SELECT 1 FROM desk_users \
                 WHERE username = ?1 AND password_hash IS NOT ?2)",
                params![username, password_hash],
            )
            .map_err(db_err)?;
            conn.execute(
                "UPDATE desk_users SET name = ?, password_hash = ? WHERE username = ?",
                params![name, password_hash, username],
            )
            .map_err(db_err)?;
            a.parse()
                .map_err(|_| StoreError::Corrupt(format!("agent id {a}")))?
        }
        None => {
            let agent = AgentId::new();
            // A desk user signs in with a password, never with an API secret: the
            // all-zero digest has no known preimage.
            conn.execute(
                "INSERT INTO agents (id, name, kind, secret_hash, created_at) VALUES (?, ?, 'human', ?, ?)",
                params![agent.to_string(), format!("desk:{username}"), &[0u8; 32][..], now],
            )
            .map_err(db_err)?;
            conn.execute(
                "INSERT INTO desk_users (username, agent_id, name, password_hash, presence, presence_at) \
                 VALUES (?, ?, ?, ?, 'offline', ?)",
                params![username, agent.to_string(), name, password_hash, now],
            )
            .map_err(db_err)?;
            agent
        }
    };
    set_memberships(conn, agent, queues)?;
    Ok(agent)
}

fn desk_user_row(row: &rusqlite::Row<'_>) -> Result<DeskUser> {
    let agent: String = rows::get(row, "agent_id")?;
    let presence: String = rows::get(row, "presence")?;
    Ok(DeskUser {
        username: rows::get(row, "username")?,
        name: rows::get(row, "name")?,
        agent_id: agent
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("agent id {agent}")))?,
        password_hash: rows::get(row, "password_hash")?,
        presence: Presence::parse(&presence)
            .ok_or_else(|| StoreError::Corrupt(format!("presence {presence}")))?,
    })
}

pub(super) fn desk_user(conn: &Connection, column: &str, value: &str) -> Result<Option<DeskUser>> {
    let sql = format!("SELECT * FROM desk_users WHERE {column} = ?");
    let mut st = conn.prepare_cached(&sql).map_err(db_err)?;
    let mut rows_ = st.query([value]).map_err(db_err)?;
    match rows_.next().map_err(db_err)? {
        Some(row) => desk_user_row(row).map(Some),
        None => Ok(None),
    }
}

pub(super) fn set_presence(
    conn: &Connection,
    agent: AgentId,
    presence: Presence,
    actor: Actor,
) -> Result<Vec<HandoffId>> {
    let now = to_us(baton_core::now());
    let changed = conn
        .execute(
            "UPDATE desk_users SET presence = ?, presence_at = ? WHERE agent_id = ?",
            params![presence.as_str(), now, agent.to_string()],
        )
        .map_err(db_err)?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: "desk user",
            id: agent.to_string(),
        });
    }
    append_audit(
        conn,
        &actor_label(actor),
        "desk.presence",
        &format!("agent:{agent}"),
        &json!({"presence": presence}),
        now,
    )?;
    if presence == Presence::Online {
        return Ok(Vec::new());
    }
    withdraw_offers_of(conn, agent, from_us(now)?)
}

/// Someone who steps away does not hold up what was offered to them: their pending
/// offers are withdrawn, and a handoff left without offers waits again (the router
/// moves on at once). Returns the handoffs concerned.
fn withdraw_offers_of(
    conn: &Connection,
    agent: AgentId,
    at: OffsetDateTime,
) -> Result<Vec<HandoffId>> {
    let mine = offers_where(
        conn,
        "SELECT * FROM offers WHERE receiver = ? AND state = 'pending'",
        params![agent.to_string()],
    )?;
    let mut handoffs = Vec::new();
    for o in &mine {
        end_offer(
            conn,
            o,
            OfferEvent::Rescind,
            Some("the receiver stepped away"),
            at,
        )?;
        let mut h = load_handoff(conn, o.handoff_id)?;
        if h.state == HandoffState::Offered && pending_offers(conn, h.id)?.is_empty() {
            h.state = h.state.apply(HandoffEvent::OfferEnded)?;
            h.updated_at = at;
            save_handoff(conn, &h, HandoffState::Offered)?;
        }
        handoffs.push(o.handoff_id);
    }
    Ok(handoffs)
}

pub(super) fn desk_loads(conn: &Connection) -> Result<Vec<DeskLoad>> {
    let mut users = Vec::new();
    {
        let mut st = conn
            .prepare_cached(
                "SELECT d.*, (SELECT MAX(created_at) FROM offers o WHERE o.receiver = d.agent_id) \
                 AS last_offer FROM desk_users d",
            )
            .map_err(db_err)?;
        let mut rows_ = st.query([]).map_err(db_err)?;
        while let Some(row) = rows_.next().map_err(db_err)? {
            let u = desk_user_row(row)?;
            let last: Option<i64> = rows::get(row, "last_offer")?;
            users.push((u, last));
        }
    }
    let mut load: BTreeMap<(String, String), u32> = BTreeMap::new();
    for sql in [
        "SELECT h.receiver, c.channel, COUNT(*) FROM handoffs h JOIN conversations c \
         ON c.id = h.conversation_id WHERE h.state IN ('accepted', 'active') \
         AND h.receiver IN (SELECT agent_id FROM desk_users) GROUP BY 1, 2",
        "SELECT o.receiver, c.channel, COUNT(*) FROM offers o JOIN handoffs h ON h.id = o.handoff_id \
         JOIN conversations c ON c.id = h.conversation_id WHERE o.state = 'pending' GROUP BY 1, 2",
    ] {
        let mut st = conn.prepare_cached(sql).map_err(db_err)?;
        let mut rows_ = st.query([]).map_err(db_err)?;
        while let Some(row) = rows_.next().map_err(db_err)? {
            let agent: String = row.get(0).map_err(db_err)?;
            let channel: String = row.get(1).map_err(db_err)?;
            let n: i64 = row.get(2).map_err(db_err)?;
            *load.entry((agent, channel)).or_default() += u32::try_from(n).unwrap_or(u32::MAX);
        }
    }
    users
        .into_iter()
        .map(|(u, last)| {
            let id = u.agent_id.to_string();
            let per_channel = load
                .range((id.clone(), String::new())..)
                .take_while(|((a, _), _)| *a == id)
                .filter_map(|((_, c), n)| Channel::parse(c).map(|c| (c, *n)))
                .collect();
            Ok(DeskLoad {
                username: u.username,
                agent_id: u.agent_id,
                presence: u.presence,
                load: per_channel,
                last_offer_at: last.map(from_us).transpose()?,
            })
        })
        .collect()
}

pub(super) fn create_session(
    conn: &Connection,
    token_hash: [u8; 32],
    username: &str,
    csrf: &str,
    expires_at: OffsetDateTime,
) -> Result<()> {
    let now = baton_core::now();
    conn.execute(
        "DELETE FROM desk_sessions WHERE expires_at <= ?",
        [to_us(now)],
    )
    .map_err(db_err)?;
    conn.execute(
        "INSERT INTO desk_sessions (token_hash, username, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        params![&token_hash[..], username, csrf, to_us(now), to_us(expires_at)],
    )
    .map_err(db_err)?;
    append_audit(
        conn,
        &format!("desk:{username}"),
        "desk.login",
        &format!("desk:{username}"),
        &json!({}),
        to_us(now),
    )
}

pub(super) fn session(conn: &Connection, token_hash: [u8; 32]) -> Result<Option<DeskSession>> {
    let row: Option<(String, String, i64)> = conn
        .prepare_cached(
            "SELECT username, csrf, expires_at FROM desk_sessions WHERE token_hash = ? AND expires_at > ?",
        )
        .and_then(|mut st| {
            st.query_row(params![&token_hash[..], to_us(baton_core::now())], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()
        })
        .map_err(db_err)?;
    row.map(|(username, csrf, exp)| {
        Ok(DeskSession {
            username,
            csrf,
            expires_at: from_us(exp)?,
        })
    })
    .transpose()
}

pub(super) fn confirm_read(conn: &Connection, id: HandoffId, agent: AgentId) -> Result<()> {
    let h = load_handoff(conn, id)?;
    if !baton_core::visibility::receiver_sees(&h, agent, in_line(conn, agent, &h)?) {
        return Err(StoreError::NotFound {
            what: "handoff",
            id: id.to_string(),
        });
    }
    let now = to_us(baton_core::now());
    let inserted = conn
        .execute(
            "INSERT OR IGNORE INTO read_confirmations (handoff_id, agent_id, at) VALUES (?, ?, ?)",
            params![id.to_string(), agent.to_string(), now],
        )
        .map_err(db_err)?;
    if inserted > 0 {
        append_audit(
            conn,
            &format!("agent:{agent}"),
            "handoff.read",
            &format!("handoff:{id}"),
            &json!({"confirmed": true}),
            now,
        )?;
    }
    Ok(())
}

/// A person's corrections: the summary replaced, collected data merged into the
/// conversation. Only the receiver holding the handoff (or the admin) may.
pub(super) fn edit(
    conn: &Connection,
    id: HandoffId,
    actor: Actor,
    summary: Option<String>,
    data: Option<Map<String, Value>>,
) -> Result<HandoffChange> {
    let mut h = load_handoff(conn, id)?;
    match actor {
        Actor::Admin | Actor::System => {}
        // Only the person who took it corrects it; others in line may only read it.
        Actor::Agent { id: agent, .. } if h.receiver == Some(agent) && h.state.is_held() => {}
        Actor::Agent { id: agent, .. }
            if baton_core::visibility::receiver_sees(&h, agent, in_line(conn, agent, &h)?) =>
        {
            return Err(StoreError::Conflict(
                "accept the handoff before correcting its summary or data".to_owned(),
            ));
        }
        Actor::Agent { .. } => {
            return Err(StoreError::NotFound {
                what: "handoff",
                id: id.to_string(),
            });
        }
    }
    if h.state.is_terminal() {
        return Err(StoreError::NotFound {
            what: "handoff",
            id: id.to_string(),
        });
    }
    let now = baton_core::now();
    let mut conv = load_conversation(conn, h.conversation_id)?;
    if let Some(s) = &summary {
        conn.execute(
            "UPDATE handoffs SET summary = ?, updated_at = ? WHERE id = ?",
            params![s, to_us(now), id.to_string()],
        )
        .map_err(db_err)?;
        h.summary = Some(s.clone());
        h.updated_at = now;
    }
    let fields: Vec<String> = data
        .as_ref()
        .map_or_else(Vec::new, |d| d.keys().cloned().collect());
    if let Some(d) = &data {
        for (k, v) in d {
            conv.customer.data.insert(k.clone(), v.clone());
        }
        conv.updated_at = now;
        save_conversation(conn, &conv)?;
    }
    append_audit(
        conn,
        &actor_label(actor),
        "handoff.edited",
        &format!("handoff:{id}"),
        &json!({"summary": summary.is_some(), "fields": fields}),
        to_us(now),
    )?;
    conn.execute(
        "INSERT INTO feedback (handoff_id, source, message_id, body, received_at) VALUES (?, ?, NULL, ?, ?)",
        params![
            id.to_string(),
            actor_label(actor),
            rows::json_text(&json!({"kind": "edit", "summary": summary, "data": data}))?,
            to_us(now)
        ],
    )
    .map_err(db_err)?;
    Ok(HandoffChange {
        handoff: h,
        conversation: conv,
    })
}

pub(super) fn feedback_export(
    conn: &Connection,
    since: Option<OffsetDateTime>,
) -> Result<Vec<Value>> {
    let mut st = conn
        .prepare_cached(
            "SELECT f.handoff_id, f.source, f.body, f.received_at, h.conversation_id, h.reason, \
             h.rule, h.queue, h.state, h.decision, h.created_at, h.accepted_at, h.closed_at \
             FROM feedback f JOIN handoffs h ON h.id = f.handoff_id \
             WHERE f.received_at >= ? ORDER BY f.seq",
        )
        .map_err(db_err)?;
    let mut rows_ = st.query([since.map_or(i64::MIN, to_us)]).map_err(db_err)?;
    let mut out = Vec::new();
    let ts = |us: Option<i64>| -> Result<Value> {
        Ok(match us {
            Some(us) => json!(
                from_us(us)?
                    .format(&time::format_description::well_known::Rfc3339)
                    .map_err(|e| StoreError::Backend(e.to_string()))?
            ),
            None => Value::Null,
        })
    };
    while let Some(row) = rows_.next().map_err(db_err)? {
        let body: String = row.get(2).map_err(db_err)?;
        let decision: Option<String> = row.get(9).map_err(db_err)?;
        let parse = |s: &str| {
            serde_json::from_str::<Value>(s).map_err(|e| StoreError::Corrupt(e.to_string()))
        };
        out.push(json!({
            "handoff_id": row.get::<_, String>(0).map_err(db_err)?,
            "conversation_id": row.get::<_, String>(4).map_err(db_err)?,
            "source": row.get::<_, String>(1).map_err(db_err)?,
            "received_at": ts(Some(row.get(3).map_err(db_err)?))?,
            "reason": row.get::<_, String>(5).map_err(db_err)?,
            "rule": row.get::<_, Option<String>>(6).map_err(db_err)?,
            "queue": row.get::<_, Option<String>>(7).map_err(db_err)?,
            "state": row.get::<_, String>(8).map_err(db_err)?,
            "decision": decision.as_deref().map(parse).transpose()?,
            "requested_at": ts(Some(row.get(10).map_err(db_err)?))?,
            "accepted_at": ts(row.get(11).map_err(db_err)?)?,
            "closed_at": ts(row.get(12).map_err(db_err)?)?,
            "feedback": parse(&body)?,
        }));
    }
    Ok(out)
}
