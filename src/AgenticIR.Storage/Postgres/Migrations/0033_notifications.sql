-- The notification outbox: one row per notification x destination, inserted once by its key (a second raise of the same
-- event inserts nothing) and claimed by one worker at a time (claimed_until), so each is delivered at most once across
-- restarts and workers. Subject, body and the last error may quote alert or operator text: bytea, kept exactly.
CREATE TABLE notification_deliveries (
    delivery_key     text COLLATE "C" NOT NULL PRIMARY KEY,
    notification_key text COLLATE "C" NOT NULL,
    kind             text COLLATE "C" NOT NULL,
    severity         text COLLATE "C" NOT NULL,
    subject          bytea            NOT NULL,
    body             bytea            NOT NULL,
    investigation_id text COLLATE "C" NULL,
    raised_at        text COLLATE "C" NOT NULL,
    target           text COLLATE "C" NOT NULL CHECK (target IN ('soar_note', 'operations', 'mail', 'log')),
    platform         text COLLATE "C" NOT NULL,
    instance         text COLLATE "C" NOT NULL,
    external_id      text COLLATE "C" NULL,
    state            text COLLATE "C" NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts         integer          NOT NULL,
    next_attempt_at  text COLLATE "C" NOT NULL,
    claimed_until    text COLLATE "C" NULL,
    completed_at     text COLLATE "C" NULL,
    external_ref     text COLLATE "C" NULL,
    last_error       bytea            NULL,
    seq              bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX ix_notification_deliveries_due ON notification_deliveries (state, next_attempt_at);
CREATE INDEX ix_notification_deliveries_key ON notification_deliveries (notification_key);
