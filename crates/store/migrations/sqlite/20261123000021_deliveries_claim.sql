-- The claim's walk over pending deliveries, oldest first, filtered on the index
-- alone: rows that are not due, or leased, are passed over without reading the
-- table row (and its payload). Replaces the seq-only index of the previous migration.
DROP INDEX IF EXISTS deliveries_pending;
CREATE INDEX deliveries_claim
    ON deliveries (seq, next_attempt_at, lease_until, webhook_id, conversation_id)
    WHERE state = 'pending';
