-- Metrics outbox (issue 5): events wait here until Splunk HEC acknowledged their batch. Ascending id is the delivery
-- order; event_id is unique so a re-emitted event is never buffered twice. Delivered rows are kept for a retention
-- period for that de-duplication, then pruned.
CREATE TABLE metrics_outbox (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id     TEXT    NOT NULL UNIQUE,
    sourcetype   TEXT    NOT NULL,
    time         TEXT    NOT NULL,
    payload      TEXT    NOT NULL,
    state        TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead_lettered')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    enqueued_at  TEXT    NOT NULL,
    delivered_at TEXT
);

CREATE INDEX ix_metrics_outbox_state_id ON metrics_outbox (state, id);
