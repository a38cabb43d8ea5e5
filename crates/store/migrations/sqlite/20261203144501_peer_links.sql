-- Handoffs that cross to another Baton. `out`: a handoff of ours pushed to a
-- connection (one row per offer pushed), with how far turns were exchanged; `in`: a
-- handoff created here for a remote Baton's agent, keyed by the remote handoff id
-- (so a retried push creates nothing twice).
CREATE TABLE peer_links (
    id              INTEGER PRIMARY KEY,
    direction       TEXT NOT NULL,
    handoff_id      TEXT NOT NULL REFERENCES handoffs (id),
    conversation_id TEXT NOT NULL,
    -- out: the connection's name; in: the id of the local agent the remote signs as.
    peer            TEXT NOT NULL,
    remote_handoff  TEXT NOT NULL,
    offer_id        TEXT UNIQUE,
    open            INTEGER NOT NULL DEFAULT 1,
    -- out: the last of our turns forwarded; the last of theirs taken.
    sent_seq        INTEGER NOT NULL DEFAULT 0,
    received_seq    INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    UNIQUE (direction, peer, remote_handoff)
) STRICT;
CREATE INDEX peer_links_open ON peer_links (direction, open);
CREATE INDEX peer_links_handoff ON peer_links (handoff_id);
