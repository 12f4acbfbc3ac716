-- Policy lifecycle: every policy version put in force (file edits and accepted proposals), and the decisions on
-- review-queue proposals. Timestamps are ISO-8601 round-trip text in UTC.
CREATE TABLE policy_versions (
    version     INTEGER NOT NULL PRIMARY KEY,
    hash        TEXT    NOT NULL,
    loaded_at   TEXT    NOT NULL,
    source_file TEXT    NOT NULL,
    accepted_by TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('policy', 'calibration'))
);
CREATE INDEX ix_policy_versions_loaded ON policy_versions (loaded_at);

CREATE TABLE proposal_decisions (
    proposal_id    INTEGER NOT NULL PRIMARY KEY REFERENCES review_queue (id),
    status         TEXT    NOT NULL CHECK (status IN ('accepted', 'rejected')),
    decided_by     TEXT    NOT NULL,
    decided_at     TEXT    NOT NULL,
    reason         TEXT,
    policy_version INTEGER REFERENCES policy_versions (version)
);
CREATE INDEX ix_proposal_decisions_decided ON proposal_decisions (decided_at);
