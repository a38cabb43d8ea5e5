//! Connections and Baton-to-Baton links on SQLite.

use async_trait::async_trait;
use baton_core::{Actor, Agent, AgentId, AgentKind, Offer};
use rusqlite::{Connection as Db, OptionalExtension as _, Row, params};
use serde_json::json;

use super::engine::db_err;
use super::rows::{self, from_us, get, to_us};
use super::{SqliteStore, actor_label, append_audit};
use crate::connections::{
    Connection, ConnectionChange, ConnectionState, ConnectionStore, LinkDirection, NewConnection,
    NewPeerLink, PeerLink,
};
use crate::{Result, StoreError};

fn connection_row(row: &Row<'_>) -> Result<Connection> {
    let agent: String = get(row, "agent_id")?;
    let state: String = get(row, "state")?;
    Ok(Connection {
        name: get(row, "name")?,
        agent_id: agent
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("connection agent {agent}")))?,
        kind: get(row, "kind")?,
        remote_agent: get(row, "remote_agent")?,
        url: get(row, "url")?,
        secret: get(row, "secret")?,
        state: ConnectionState::parse(&state)
            .ok_or_else(|| StoreError::Corrupt(format!("connection state {state}")))?,
        verified_at: get::<Option<i64>>(row, "verified_at")?
            .map(from_us)
            .transpose()?,
        created_at: from_us(get(row, "created_at")?)?,
        updated_at: from_us(get(row, "updated_at")?)?,
    })
}

fn link_row(row: &Row<'_>) -> Result<PeerLink> {
    let direction: String = get(row, "direction")?;
    let handoff: String = get(row, "handoff_id")?;
    let conv: String = get(row, "conversation_id")?;
    let offer: Option<String> = get(row, "offer_id")?;
    let corrupt = |what: &str, v: &str| StoreError::Corrupt(format!("peer link {what} {v}"));
    Ok(PeerLink {
        id: get(row, "id")?,
        direction: match direction.as_str() {
            "out" => LinkDirection::Out,
            "in" => LinkDirection::In,
            other => return Err(corrupt("direction", other)),
        },
        handoff_id: handoff.parse().map_err(|_| corrupt("handoff", &handoff))?,
        conversation_id: conv.parse().map_err(|_| corrupt("conversation", &conv))?,
        peer: get(row, "peer")?,
        remote_handoff: get(row, "remote_handoff")?,
        offer_id: offer
            .map(|o| o.parse().map_err(|_| corrupt("offer", &o)))
            .transpose()?,
        open: get::<i64>(row, "open")? != 0,
        sent_seq: get(row, "sent_seq")?,
        received_seq: get(row, "received_seq")?,
        created_at: from_us(get(row, "created_at")?)?,
    })
}

fn one<T>(
    conn: &Db,
    sql: &str,
    p: impl rusqlite::Params,
    f: fn(&Row<'_>) -> Result<T>,
) -> Result<Option<T>> {
    let mut st = conn.prepare_cached(sql).map_err(db_err)?;
    let mut rows = st.query(p).map_err(db_err)?;
    rows.next().map_err(db_err)?.map(f).transpose()
}

fn many<T>(
    conn: &Db,
    sql: &str,
    p: impl rusqlite::Params,
    f: impl Fn(&Row<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let mut st = conn.prepare_cached(sql).map_err(db_err)?;
    let mut rows = st.query(p).map_err(db_err)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next().map_err(db_err)? {
        out.push(f(r)?);
    }
    Ok(out)
}

fn load(conn: &Db, name: &str) -> Result<Connection> {
    one(
        conn,
        "SELECT * FROM connections WHERE name = ?",
        [name],
        connection_row,
    )?
    .ok_or_else(|| StoreError::NotFound {
        what: "connection",
        id: name.to_owned(),
    })
}

#[async_trait]
impl ConnectionStore for SqliteStore {
    async fn create_connection(&self, new: NewConnection, actor: Actor) -> Result<Connection> {
        self.engine
            .write(move |c| {
                let exists = c
                    .prepare_cached("SELECT 1 FROM connections WHERE name = ?")
                    .and_then(|mut st| st.query_row([&new.name], |_| Ok(())).optional())
                    .map_err(db_err)?;
                if exists.is_some() {
                    return Err(StoreError::Conflict(format!(
                        "a connection named `{}` exists; rotate or disable it instead",
                        new.name
                    )));
                }
                let now = baton_core::now();
                let agent = Agent {
                    id: AgentId::new(),
                    name: new.name.clone(),
                    kind: AgentKind::External,
                    created_at: now,
                };
                // The local agent never signs in with a secret: its hash is of nothing
                // anyone holds (32 zero bytes match no SHA-256 output anyone can invert).
                c.execute(
                    "INSERT INTO agents (id, name, kind, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                    params![agent.id.to_string(), agent.name, agent.kind.as_str(), &[0u8; 32][..], to_us(now)],
                )
                .map_err(db_err)?;
                c.execute(
                    "INSERT INTO connections (name, agent_id, kind, remote_agent, url, secret, state, \
                     verified_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)",
                    params![
                        new.name,
                        agent.id.to_string(),
                        new.kind,
                        new.remote_agent,
                        new.url,
                        new.secret,
                        to_us(now),
                        to_us(now),
                        to_us(now)
                    ],
                )
                .map_err(db_err)?;
                append_audit(
                    c,
                    &actor_label(actor),
                    "connection.created",
                    &format!("connection:{}", new.name),
                    &json!({"agent": agent.id, "kind": new.kind, "remote_agent": new.remote_agent, "url": new.url}),
                    to_us(now),
                )?;
                load(c, &new.name)
            })
            .await
    }

    async fn connections(&self) -> Result<Vec<Connection>> {
        self.engine
            .read(|c| {
                many(
                    c,
                    "SELECT * FROM connections ORDER BY name",
                    [],
                    connection_row,
                )
            })
            .await
    }

    async fn connection(&self, name: &str) -> Result<Option<Connection>> {
        let name = name.to_owned();
        self.engine
            .read(move |c| {
                one(
                    c,
                    "SELECT * FROM connections WHERE name = ?",
                    [name],
                    connection_row,
                )
            })
            .await
    }

    async fn connection_by_agent(&self, agent: AgentId) -> Result<Option<Connection>> {
        self.engine
            .read(move |c| {
                one(
                    c,
                    "SELECT * FROM connections WHERE agent_id = ?",
                    [agent.to_string()],
                    connection_row,
                )
            })
            .await
    }

    async fn update_connection(
        &self,
        name: &str,
        change: ConnectionChange,
        actor: Actor,
    ) -> Result<Connection> {
        let name = name.to_owned();
        self.engine
            .write(move |c| {
                let before = load(c, &name)?;
                let now = to_us(baton_core::now());
                let n = name.as_str();
                match &change {
                    ConnectionChange::Verified => c.execute(
                        "UPDATE connections SET verified_at = ?, updated_at = ? WHERE name = ?",
                        params![now, now, n],
                    ),
                    ConnectionChange::Rotated(secret) => c.execute(
                        "UPDATE connections SET secret = ?, verified_at = ?, updated_at = ? WHERE name = ?",
                        params![secret, now, now, n],
                    ),
                    ConnectionChange::Disabled => c.execute(
                        "UPDATE connections SET state = 'disabled', updated_at = ? WHERE name = ?",
                        params![now, n],
                    ),
                    ConnectionChange::Enabled => c.execute(
                        "UPDATE connections SET state = 'active', verified_at = ?, updated_at = ? WHERE name = ?",
                        params![now, now, n],
                    ),
                }
                .map_err(db_err)?;
                append_audit(
                    c,
                    &actor_label(actor),
                    change.action(),
                    &format!("connection:{name}"),
                    &json!({"agent": before.agent_id, "state_before": before.state.as_str()}),
                    now,
                )?;
                load(c, &name)
            })
            .await
    }

    async fn remember_peer_message(
        &self,
        peer: &str,
        message_id: &str,
        window: std::time::Duration,
    ) -> Result<bool> {
        let (peer, id) = (peer.to_owned(), message_id.to_owned());
        self.engine
            .write(move |c| {
                let now = baton_core::now();
                let horizon = now - window;
                c.prepare_cached("DELETE FROM peer_messages WHERE received_at < ?")
                    .and_then(|mut st| st.execute([to_us(horizon)]))
                    .map_err(db_err)?;
                let inserted = c
                    .prepare_cached(
                        "INSERT INTO peer_messages (peer, message_id, received_at) VALUES (?, ?, ?) \
                         ON CONFLICT DO NOTHING",
                    )
                    .and_then(|mut st| st.execute(params![peer, id, to_us(now)]))
                    .map_err(db_err)?;
                Ok(inserted == 1)
            })
            .await
    }

    async fn add_peer_link(&self, new: NewPeerLink) -> Result<(PeerLink, bool)> {
        self.engine
            .write(move |c| {
                let find = |c: &Db| {
                    one(
                        c,
                        "SELECT * FROM peer_links WHERE direction = ? AND peer = ? AND remote_handoff = ?",
                        params![new.direction.as_str(), new.peer, new.remote_handoff],
                        link_row,
                    )
                };
                if let Some(existing) = find(c)? {
                    return Ok((existing, false));
                }
                c.execute(
                    "INSERT INTO peer_links (direction, handoff_id, conversation_id, peer, remote_handoff, \
                     offer_id, sent_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    params![
                        new.direction.as_str(),
                        new.handoff_id.to_string(),
                        new.conversation_id.to_string(),
                        new.peer,
                        new.remote_handoff,
                        new.offer_id.map(|o| o.to_string()),
                        new.sent_seq,
                        to_us(baton_core::now())
                    ],
                )
                .map_err(db_err)?;
                let link = find(c)?.ok_or_else(|| StoreError::Backend("peer link vanished".into()))?;
                Ok((link, true))
            })
            .await
    }

    async fn peer_link(
        &self,
        direction: LinkDirection,
        peer: &str,
        remote_handoff: &str,
    ) -> Result<Option<PeerLink>> {
        let (peer, remote) = (peer.to_owned(), remote_handoff.to_owned());
        self.engine
            .read(move |c| {
                one(
                    c,
                    "SELECT * FROM peer_links WHERE direction = ? AND peer = ? AND remote_handoff = ?",
                    params![direction.as_str(), peer, remote],
                    link_row,
                )
            })
            .await
    }

    async fn open_peer_links(&self, direction: LinkDirection) -> Result<Vec<PeerLink>> {
        self.engine
            .read(move |c| {
                many(
                    c,
                    "SELECT * FROM peer_links WHERE direction = ? AND open = 1 ORDER BY id",
                    [direction.as_str()],
                    link_row,
                )
            })
            .await
    }

    async fn advance_peer_link(
        &self,
        id: i64,
        sent_seq: Option<i64>,
        received_seq: Option<i64>,
        close: bool,
    ) -> Result<()> {
        self.engine
            .write(move |c| {
                c.prepare_cached(
                    "UPDATE peer_links SET sent_seq = max(sent_seq, coalesce(?, 0)), \
                     received_seq = max(received_seq, coalesce(?, 0)), \
                     open = CASE WHEN ? THEN 0 ELSE open END WHERE id = ?",
                )
                .and_then(|mut st| st.execute(params![sent_seq, received_seq, close, id]))
                .map_err(db_err)?;
                Ok(())
            })
            .await
    }

    async fn offers_to_push(&self) -> Result<Vec<(Offer, Connection)>> {
        self.engine
            .read(|c| {
                let offers = many(
                    c,
                    // From the (few) connections to their offers: never a scan of
                    // every pending desk offer (CROSS JOIN fixes SQLite's join order).
                    "SELECT o.*, c.name AS connection_name FROM connections c \
                     CROSS JOIN offers o ON o.receiver = c.agent_id \
                     WHERE c.state = 'active' AND o.state = 'pending' \
                     AND NOT EXISTS (SELECT 1 FROM peer_links l WHERE l.offer_id = o.id) \
                     ORDER BY o.created_at",
                    [],
                    |r| Ok((rows::offer(r)?, get::<String>(r, "connection_name")?)),
                )?;
                offers
                    .into_iter()
                    .map(|(o, name)| Ok((o, load(c, &name)?)))
                    .collect()
            })
            .await
    }
}
