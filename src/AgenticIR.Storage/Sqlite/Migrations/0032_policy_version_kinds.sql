-- Policy versions get the kinds of the migration toolkit: playbook_promotion (graduation promote) and
-- playbook_onboarding (playbooks onboard), beside policy and calibration. SQLite cannot alter a CHECK constraint, so
-- policy_versions is rebuilt. proposal_decisions references it and foreign keys stay enforced inside the migration's
-- transaction, so the decisions are set aside first (the child goes before its parent and comes back after it) and
-- every row comes back unchanged: old rows keep their kind and number.
CREATE TEMP TABLE saved_proposal_decisions AS SELECT * FROM proposal_decisions;
CREATE TEMP TABLE saved_policy_versions AS SELECT * FROM policy_versions;
DROP TABLE proposal_decisions;
DROP TABLE policy_versions;

CREATE TABLE policy_versions (
    version     INTEGER NOT NULL PRIMARY KEY,
    hash        TEXT    NOT NULL,
    loaded_at   TEXT    NOT NULL,
    source_file TEXT    NOT NULL,
    accepted_by TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('policy', 'calibration', 'playbook_promotion', 'playbook_onboarding'))
);
CREATE INDEX ix_policy_versions_loaded ON policy_versions (loaded_at);
INSERT INTO policy_versions (version, hash, loaded_at, source_file, accepted_by, kind)
    SELECT version, hash, loaded_at, source_file, accepted_by, kind FROM saved_policy_versions;

CREATE TABLE proposal_decisions (
    proposal_id    INTEGER NOT NULL PRIMARY KEY REFERENCES review_queue (id),
    status         TEXT    NOT NULL CHECK (status IN ('accepted', 'rejected')),
    decided_by     TEXT    NOT NULL,
    decided_at     TEXT    NOT NULL,
    reason         TEXT,
    policy_version INTEGER REFERENCES policy_versions (version)
);
CREATE INDEX ix_proposal_decisions_decided ON proposal_decisions (decided_at);
INSERT INTO proposal_decisions (proposal_id, status, decided_by, decided_at, reason, policy_version)
    SELECT proposal_id, status, decided_by, decided_at, reason, policy_version FROM saved_proposal_decisions;

DROP TABLE saved_proposal_decisions;
DROP TABLE saved_policy_versions;
