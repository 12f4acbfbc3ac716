-- Approval requests (issue 4): one row per pending action, indexed by deadline so the timeout monitor finds what is
-- due without scanning investigations. The investigation's plan stays the truth about the action's status.
CREATE TABLE approval_requests (
    investigation_id TEXT    NOT NULL,
    action_id        TEXT    NOT NULL,
    logical_action   TEXT    NOT NULL,
    target_type      TEXT    NOT NULL,
    target_value     TEXT    NOT NULL,
    severity         TEXT    NOT NULL,
    gate             TEXT    NOT NULL,
    risk             TEXT    NOT NULL,
    reversible       INTEGER NOT NULL,
    requested_at     TEXT    NOT NULL,
    deadline         TEXT    NULL,
    escalation_level INTEGER NOT NULL DEFAULT 0,
    required_tier    TEXT    NOT NULL DEFAULT '',
    state            TEXT    NOT NULL,
    version          INTEGER NOT NULL,
    PRIMARY KEY (investigation_id, action_id)
) WITHOUT ROWID;
CREATE INDEX ix_approval_requests_due ON approval_requests (state, deadline);
