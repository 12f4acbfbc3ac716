-- The workers sharing the store, what each is running, and named leases (one SOAR instance polled by one worker).
-- A worker is alive while stopped_at is NULL and last_seen is recent; a claim or lease of a dead worker is free.
CREATE TABLE workers (
    id         TEXT    NOT NULL PRIMARY KEY,
    host       TEXT    NOT NULL,
    pid        INTEGER NOT NULL,
    started_at TEXT    NOT NULL,
    last_seen  TEXT    NOT NULL,
    stopped_at TEXT    NULL
) WITHOUT ROWID;

CREATE TABLE investigation_claims (
    investigation_id TEXT NOT NULL PRIMARY KEY,
    worker_id        TEXT NOT NULL,
    claimed_at       TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_investigation_claims_worker ON investigation_claims (worker_id);

CREATE TABLE leases (
    name        TEXT NOT NULL PRIMARY KEY,
    holder      TEXT NOT NULL,
    acquired_at TEXT NOT NULL,
    renewed_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
) WITHOUT ROWID;

-- Counting inputs by outcome for the status command.
CREATE INDEX ix_intake_status ON intake (status);
