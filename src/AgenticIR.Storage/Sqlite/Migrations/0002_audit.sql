-- Hash-chained audit trail (issue 4 item 6; docs/audit-trail.md). Every column below except the indexes' helpers is
-- covered by the record hash, so a direct edit is found by `agentic-ir audit verify`.
CREATE TABLE audit_records (
    sequence          INTEGER NOT NULL PRIMARY KEY, -- rowid alias: verify walks the b-tree in order without sorting
    timestamp         TEXT    NOT NULL,             -- yyyy-MM-ddTHH:mm:ss.fffffffZ, so text order is time order
    agent_name        TEXT    NOT NULL,
    action_type       TEXT    NOT NULL,
    target            TEXT    NOT NULL,
    justification     TEXT    NOT NULL,
    approval_status   TEXT    NOT NULL,
    approver_identity TEXT    NOT NULL,
    outcome           TEXT    NOT NULL,
    evidence_hash     TEXT    NOT NULL,
    investigation_id  TEXT    NULL,
    details           TEXT    NOT NULL,             -- JSON object of strings, keys in code-point order
    previous_hash     TEXT    NOT NULL,
    hash              TEXT    NOT NULL
);

CREATE INDEX ix_audit_records_timestamp ON audit_records (timestamp);
CREATE INDEX ix_audit_records_investigation ON audit_records (investigation_id, sequence) WHERE investigation_id IS NOT NULL;

-- One row per retention pruning; anchors chain through previous_anchor_hash and each is also an audit_pruned record.
CREATE TABLE audit_anchors (
    anchor_id               INTEGER NOT NULL PRIMARY KEY,
    pruned_through_sequence INTEGER NOT NULL,
    last_pruned_hash        TEXT    NOT NULL,
    count                   INTEGER NOT NULL,
    pruned_at               TEXT    NOT NULL,
    signed_off_by           TEXT    NOT NULL,
    previous_anchor_hash    TEXT    NOT NULL,
    record_sequence         INTEGER NOT NULL,
    anchor_hash             TEXT    NOT NULL
);
