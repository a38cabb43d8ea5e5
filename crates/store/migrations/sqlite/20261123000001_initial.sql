-- Baton's initial schema. Timestamps are INTEGER microseconds since the Unix epoch (UTC);
-- ids are hyphenated UUID v7 text; JSON documents are TEXT.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE agents (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    -- SHA-256 of the agent's 256-bit random secret; the secret itself is never stored.
    secret_hash BLOB NOT NULL,
    created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE conversations (
    id           TEXT PRIMARY KEY NOT NULL,
    channel      TEXT NOT NULL,
    customer     TEXT NOT NULL,
    status       TEXT NOT NULL,
    ai_agent     TEXT NOT NULL REFERENCES agents (id),
    owner        TEXT NOT NULL,
    owner_kind   TEXT NOT NULL,
    open_handoff TEXT,
    turn_count   INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX conversations_ai_agent ON conversations (ai_agent, created_at);

CREATE TABLE turns (
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    seq             INTEGER NOT NULL,
    id              TEXT NOT NULL UNIQUE,
    at              INTEGER NOT NULL,
    role            TEXT NOT NULL,
    text            TEXT NOT NULL,
    confidence      REAL,
    intent          TEXT,
    event           TEXT,
    data            TEXT,
    internal        TEXT,
    author          TEXT,
    PRIMARY KEY (conversation_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE handoffs (
    id              TEXT PRIMARY KEY NOT NULL,
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    state           TEXT NOT NULL,
    reason          TEXT NOT NULL,
    source          TEXT NOT NULL,
    destination     TEXT,
    utterance       TEXT,
    parameters      TEXT NOT NULL,
    priority        INTEGER NOT NULL,
    rule            TEXT,
    decision        TEXT,
    receiver        TEXT,
    note            TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    accepted_at     INTEGER,
    closed_at       INTEGER
) STRICT;
CREATE INDEX handoffs_state ON handoffs (state, created_at);
CREATE INDEX handoffs_destination ON handoffs (destination, created_at);
CREATE INDEX handoffs_conversation ON handoffs (conversation_id);
CREATE INDEX handoffs_receiver ON handoffs (receiver);

-- Tamper-evident log: each entry's hash covers the previous entry's hash.
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY NOT NULL,
    at        INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    subject   TEXT NOT NULL,
    detail    TEXT NOT NULL,
    prev_hash BLOB NOT NULL,
    hash      BLOB NOT NULL
) STRICT;

-- Every outbound effect, written in the same transaction as the change that causes it.
CREATE TABLE outbox (
    id              TEXT PRIMARY KEY NOT NULL,
    created_at      INTEGER NOT NULL,
    topic           TEXT NOT NULL,
    conversation_id TEXT,
    handoff_id      TEXT,
    payload         TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT
) STRICT;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
