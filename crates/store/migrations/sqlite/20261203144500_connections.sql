-- Connected external agents: another Baton (or an agent platform) that takes
-- handoffs, registered by its agent ID, secret and domain. Each has a local agent of
-- kind `external` that offers go to and that holds what the remote side takes.
CREATE TABLE connections (
    name         TEXT PRIMARY KEY NOT NULL,
    agent_id     TEXT NOT NULL UNIQUE REFERENCES agents (id),
    kind         TEXT NOT NULL,
    -- The agent ID the other side issued us.
    remote_agent TEXT NOT NULL,
    -- The other side's base URL (https, or http with the private-address opt-in).
    url          TEXT NOT NULL,
    -- The outbound secret, sealed by the server (the store never sees it in clear).
    secret       BLOB NOT NULL,
    state        TEXT NOT NULL,
    verified_at  INTEGER,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) STRICT;
