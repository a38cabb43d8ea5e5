-- The claim walks pending deliveries oldest first and stops as soon as it has
-- enough heads of their (endpoint, conversation) lines. Indexing only the pending
-- rows keeps that walk off the delivered history, and keeps it from reading
-- (and sorting) every due row of a backlog on every claim.
CREATE INDEX deliveries_pending ON deliveries (seq) WHERE state = 'pending';
