-- The chain's head, anchored beside it (docs/audit-trail.md, "Head anchor"): the last record's sequence and hash and the
-- number of records, updated in the same transaction as every append and pruning, so `agentic-ir audit verify` sees
-- records removed from the end (or rows added without the log) that the chain alone cannot show.
CREATE TABLE audit_head (
    id            INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    head_sequence INTEGER NOT NULL,
    head_hash     TEXT    NOT NULL,
    record_count  INTEGER NOT NULL
);

-- An existing trail is anchored where it stands now: what happened to its end before this cannot be told any more.
INSERT INTO audit_head (id, head_sequence, head_hash, record_count)
SELECT 1,
       COALESCE((SELECT MAX(sequence) FROM audit_records),
                (SELECT pruned_through_sequence FROM audit_anchors ORDER BY anchor_id DESC LIMIT 1),
                0),
       COALESCE((SELECT hash FROM audit_records ORDER BY sequence DESC LIMIT 1),
                (SELECT last_pruned_hash FROM audit_anchors ORDER BY anchor_id DESC LIMIT 1),
                '0000000000000000000000000000000000000000000000000000000000000000'),
       (SELECT COUNT(*) FROM audit_records);
