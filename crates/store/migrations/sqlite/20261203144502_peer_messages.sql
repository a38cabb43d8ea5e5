-- Signed request ids seen from each remote Baton, so a captured request replayed
-- inside the timestamp window is refused, also after a restart. Rows older than
-- the window are pruned: the timestamp check refuses those on its own.
CREATE TABLE peer_messages (
    peer        TEXT NOT NULL,
    message_id  TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (peer, message_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX peer_messages_age ON peer_messages (received_at);
