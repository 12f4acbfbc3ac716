-- Governance controls: kill switches, dispatch counters for the circuit breakers, the failure streak.
CREATE TABLE kill_switches (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    scope       TEXT NOT NULL,
    engaged_by  TEXT NOT NULL,
    reason      TEXT NOT NULL,
    engaged_at  TEXT NOT NULL,
    released_by TEXT,
    released_at TEXT
);
CREATE UNIQUE INDEX ix_kill_switches_engaged ON kill_switches (scope) WHERE released_at IS NULL;

CREATE TABLE dispatch_reservations (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    investigation_id TEXT NOT NULL,
    action_id        TEXT NOT NULL,
    logical_action   TEXT NOT NULL,
    category         TEXT NOT NULL,
    reserved_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_dispatch_reservations_once ON dispatch_reservations (investigation_id, action_id, category);
CREATE INDEX ix_dispatch_reservations_window ON dispatch_reservations (category, reserved_at);

CREATE TABLE governance_counters (
    name  TEXT NOT NULL PRIMARY KEY,
    value INTEGER NOT NULL
);
