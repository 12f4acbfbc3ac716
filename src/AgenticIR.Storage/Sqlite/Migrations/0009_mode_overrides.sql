-- Playbook mode caps (issue 5: automatic demotion of a graduated playbook x severity). A row is never deleted: lifting
-- it stamps lifted_at/lifted_by, so the history of demotions stays queryable. Timestamps are ISO-8601 round-trip text in UTC.
CREATE TABLE playbook_mode_overrides (
    id         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    playbook   TEXT    NOT NULL,
    severity   TEXT    NOT NULL,
    mode       TEXT    NOT NULL CHECK (mode IN ('off', 'shadow', 'assisted', 'autonomous')),
    reason     TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    created_by TEXT    NOT NULL,
    lifted_at  TEXT    NULL,
    lifted_by  TEXT    NULL
);
-- One cap in force per playbook x severity; two workers demoting at once insert one row.
CREATE UNIQUE INDEX ux_playbook_mode_overrides_active ON playbook_mode_overrides (playbook, severity) WHERE lifted_at IS NULL;
