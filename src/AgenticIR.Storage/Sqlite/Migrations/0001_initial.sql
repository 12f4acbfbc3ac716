-- Initial schema. Timestamps are ISO-8601 round-trip text in UTC, so text order is time order.

CREATE TABLE investigations (
    id          TEXT    NOT NULL PRIMARY KEY,
    fingerprint TEXT    NOT NULL,
    stage       TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    state_json  TEXT    NOT NULL
);
CREATE INDEX ix_investigations_fingerprint_created ON investigations (fingerprint, created_at);
CREATE INDEX ix_investigations_stage ON investigations (stage);
CREATE INDEX ix_investigations_created ON investigations (created_at);

CREATE TABLE stage_events (
    investigation_id TEXT    NOT NULL REFERENCES investigations (id) ON DELETE CASCADE,
    version          INTEGER NOT NULL,
    stage            TEXT    NOT NULL,
    at               TEXT    NOT NULL,
    PRIMARY KEY (investigation_id, version)
) WITHOUT ROWID;

CREATE TABLE intake (
    input_key        TEXT NOT NULL PRIMARY KEY,
    status           TEXT NOT NULL,
    investigation_id TEXT NULL,
    alert_id         TEXT NULL,
    format           TEXT NULL,
    reason           TEXT NULL,
    recorded_at      TEXT NOT NULL
);

CREATE TABLE dead_letters (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    source         TEXT NOT NULL,
    reason         TEXT NOT NULL,
    payload        TEXT NOT NULL,
    payload_sha256 TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX ix_dead_letters_created ON dead_letters (created_at);

-- seq gives the delivery order; SQLite allows AUTOINCREMENT only on the INTEGER PRIMARY KEY, so id is UNIQUE.
CREATE TABLE bus_messages (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    id               TEXT NOT NULL UNIQUE,
    type             TEXT NOT NULL,
    investigation_id TEXT NOT NULL,
    summary          TEXT NOT NULL,
    created_at       TEXT NOT NULL
);
CREATE INDEX ix_bus_messages_investigation ON bus_messages (investigation_id, seq);

CREATE TABLE review_queue (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    investigation_id TEXT NOT NULL,
    parameter        TEXT NOT NULL,
    current_value    TEXT NOT NULL,
    proposed_value   TEXT NOT NULL,
    rationale        TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'pending',
    created_at       TEXT NOT NULL
);
CREATE INDEX ix_review_queue_status_created ON review_queue (status, created_at);
