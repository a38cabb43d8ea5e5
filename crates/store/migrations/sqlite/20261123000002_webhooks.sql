-- Webhook subscriptions and their deliveries (one row per event per endpoint).

CREATE TABLE webhooks (
    id              TEXT PRIMARY KEY NOT NULL,
    url             TEXT NOT NULL,
    -- JSON array of event types.
    events          TEXT NOT NULL,
    -- JSON array of {"sealed": base64, "expires_at": micros|null}; the first is current.
    -- Secrets are sealed (encrypted) by the server: the store never sees them in clear.
    secrets         TEXT NOT NULL,
    state           TEXT NOT NULL,
    disabled_reason TEXT,
    created_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE deliveries (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    webhook_id      TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id        TEXT NOT NULL,
    topic           TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    payload         TEXT NOT NULL,
    state           TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER NOT NULL DEFAULT 0,
    last_status     INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    delivered_at    INTEGER
) STRICT;
CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);
CREATE INDEX deliveries_order ON deliveries (webhook_id, conversation_id, state, seq);
