-- The notification outbox: one row per notification x destination, inserted once by its key (a second raise of the same
-- event inserts nothing) and claimed by one worker at a time (claimed_until), so each is delivered at most once across
-- restarts and workers. Subject and body may quote alert or operator text: stored exactly (bound as UTF-8 bytes).
-- Timestamps are ISO-8601 round-trip text in UTC.
CREATE TABLE notification_deliveries (
    delivery_key     TEXT    NOT NULL PRIMARY KEY,
    notification_key TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    severity         TEXT    NOT NULL,
    subject          TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    investigation_id TEXT    NULL,
    raised_at        TEXT    NOT NULL,
    target           TEXT    NOT NULL CHECK (target IN ('soar_note', 'operations', 'mail', 'log')),
    platform         TEXT    NOT NULL,
    instance         TEXT    NOT NULL,
    external_id      TEXT    NULL,
    state            TEXT    NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts         INTEGER NOT NULL,
    next_attempt_at  TEXT    NOT NULL,
    claimed_until    TEXT    NULL,
    completed_at     TEXT    NULL,
    external_ref     TEXT    NULL,
    last_error       TEXT    NULL,
    seq              INTEGER NOT NULL
);
CREATE INDEX ix_notification_deliveries_due ON notification_deliveries (state, next_attempt_at);
CREATE INDEX ix_notification_deliveries_key ON notification_deliveries (notification_key);
