-- The workers sharing the database, what each is running, and named leases (one SOAR instance polled by one worker).
-- A worker is alive while stopped_at is NULL and last_seen is recent; a claim or lease of a dead worker is free.
CREATE TABLE workers (
    id         text COLLATE "C" NOT NULL PRIMARY KEY,
    host       text COLLATE "C" NOT NULL,
    pid        integer          NOT NULL,
    started_at text COLLATE "C" NOT NULL,
    last_seen  text COLLATE "C" NOT NULL,
    stopped_at text COLLATE "C" NULL
);

CREATE TABLE investigation_claims (
    investigation_id text COLLATE "C" NOT NULL PRIMARY KEY,
    worker_id        text COLLATE "C" NOT NULL,
    claimed_at       text COLLATE "C" NOT NULL
);
CREATE INDEX ix_investigation_claims_worker ON investigation_claims (worker_id);

CREATE TABLE leases (
    name        text COLLATE "C" NOT NULL PRIMARY KEY,
    holder      text COLLATE "C" NOT NULL,
    acquired_at text COLLATE "C" NOT NULL,
    renewed_at  text COLLATE "C" NOT NULL,
    expires_at  text COLLATE "C" NOT NULL
);

-- Counting inputs by outcome for the status command.
CREATE INDEX ix_intake_status ON intake (status);
