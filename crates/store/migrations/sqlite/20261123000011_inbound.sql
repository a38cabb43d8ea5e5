-- Platforms that post back to Baton (a CRM, a helpdesk), each with its own
-- signature scheme and a sealed secret; and the feedback they sent.
CREATE TABLE inbound_sources (
    name       TEXT PRIMARY KEY NOT NULL,
    scheme     TEXT NOT NULL,
    header     TEXT,
    secret     BLOB NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE feedback (
    seq         INTEGER PRIMARY KEY,
    handoff_id  TEXT NOT NULL REFERENCES handoffs (id),
    source      TEXT NOT NULL,
    message_id  TEXT,
    body        TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    UNIQUE (source, message_id)
) STRICT;
CREATE INDEX feedback_handoff ON feedback (handoff_id, seq);
