-- The outbox held a copy of every event that nothing read: webhook deliveries fan out
-- from the event in the same transaction (`deliveries`), and the audit log records it.
DROP INDEX IF EXISTS outbox_due;
DROP TABLE outbox;
