-- The outbox saved with each stage (bus_messages) is the one way a state change leaves the store: each message is
-- pending until every subscriber took it, retried with backoff after a failure, and dead-lettered after too many.
-- Timestamps are ISO-8601 round-trip text in UTC, so text order is time order.
ALTER TABLE bus_messages ADD COLUMN state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead_lettered'));
ALTER TABLE bus_messages ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bus_messages ADD COLUMN next_attempt_at TEXT NULL;
ALTER TABLE bus_messages ADD COLUMN last_error TEXT NULL;
ALTER TABLE bus_messages ADD COLUMN delivered_at TEXT NULL;

-- Messages saved before delivery was tracked were delivered in memory when they were saved (or lost to a crash, which
-- nobody can tell now): they count as delivered, so an upgrade does not announce history again.
UPDATE bus_messages SET state = 'delivered', delivered_at = created_at;

-- Only pending messages are ever looked for, in outbox order.
CREATE INDEX ix_bus_messages_pending ON bus_messages (seq) WHERE state = 'pending';

-- What a subscriber whose effect is not idempotent by nature (an audit append) already did for a message, written in
-- the same transaction as that effect, so a redelivered message is not acted on twice.
CREATE TABLE delivery_receipts (
    subscriber  TEXT NOT NULL,
    message_id  TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (subscriber, message_id)
) WITHOUT ROWID;

-- Investigations whose Splunk SOAR containers need a write-back: queued when a message about a linked investigation is
-- delivered (or when a container is linked), removed when the write-back finished. generation moves on every queueing,
-- so a write-back that read an older state does not remove a newer request.
CREATE TABLE soar_write_back_queue (
    investigation_id TEXT    NOT NULL PRIMARY KEY,
    generation       INTEGER NOT NULL,
    queued_at        TEXT    NOT NULL
) WITHOUT ROWID;
