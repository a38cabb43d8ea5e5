-- What an agent attaches to a conversation for whoever takes it over:
-- artifacts (metadata; the bytes live content-addressed under DATA/artifacts),
-- log entries and checkpoints. `body` is the JSON the context package carries.
CREATE TABLE attachments (
    seq             INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    kind            TEXT NOT NULL,
    sha256          TEXT,
    body            TEXT NOT NULL,
    created_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX attachments_conversation ON attachments (conversation_id, kind, seq);
CREATE INDEX attachments_sha256 ON attachments (conversation_id, sha256);
