-- Routing: where each handoff waits, the offers made of it, desk users with their
-- presence and queues, desk sessions and read confirmations.

ALTER TABLE handoffs ADD COLUMN queue TEXT;
-- The plan decided when the handoff was requested (JSON), the stop it is at, and since when.
ALTER TABLE handoffs ADD COLUMN route TEXT;
ALTER TABLE handoffs ADD COLUMN target_index INTEGER NOT NULL DEFAULT 0;
ALTER TABLE handoffs ADD COLUMN target_since INTEGER;
-- The summary as corrected by a person.
ALTER TABLE handoffs ADD COLUMN summary TEXT;
CREATE INDEX handoffs_waiting ON handoffs (state, priority DESC, created_at);
CREATE INDEX handoffs_queue ON handoffs (queue, state);

CREATE TABLE offers (
    id           TEXT PRIMARY KEY NOT NULL,
    handoff_id   TEXT NOT NULL REFERENCES handoffs (id),
    receiver     TEXT NOT NULL,
    queue        TEXT,
    target_index INTEGER NOT NULL,
    state        TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    deadline     INTEGER NOT NULL,
    answered_at  INTEGER,
    note         TEXT
) STRICT;
CREATE INDEX offers_pending ON offers (state, deadline);
CREATE INDEX offers_handoff ON offers (handoff_id, target_index);
CREATE INDEX offers_receiver ON offers (receiver, state);

-- Which queues a receiver takes work from (desk users from the routing file; API
-- receivers when registered).
CREATE TABLE queue_members (
    agent_id TEXT NOT NULL,
    queue    TEXT NOT NULL,
    PRIMARY KEY (agent_id, queue)
) STRICT, WITHOUT ROWID;
CREATE INDEX queue_members_queue ON queue_members (queue);

CREATE TABLE desk_users (
    username      TEXT PRIMARY KEY NOT NULL,
    agent_id      TEXT NOT NULL UNIQUE REFERENCES agents (id),
    name          TEXT NOT NULL,
    -- argon2 PHC string; NULL: the user cannot log in.
    password_hash TEXT,
    presence      TEXT NOT NULL DEFAULT 'offline',
    presence_at   INTEGER NOT NULL
) STRICT;

CREATE TABLE desk_sessions (
    -- SHA-256 of the cookie's random token; the token itself is never stored.
    token_hash BLOB PRIMARY KEY NOT NULL,
    username   TEXT NOT NULL REFERENCES desk_users (username),
    csrf       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;

CREATE TABLE read_confirmations (
    handoff_id TEXT NOT NULL REFERENCES handoffs (id),
    agent_id   TEXT NOT NULL,
    at         INTEGER NOT NULL,
    PRIMARY KEY (handoff_id, agent_id)
) STRICT, WITHOUT ROWID;
