-- SOAR dispatch ledger and shadow comparisons. Timestamps are ISO-8601 round-trip text in UTC.

-- One row per (instance, container, logical action, parameters) hash, written BEFORE the SOAR is called: a row in
-- 'sending' without an external id means the answer to a POST was lost, and the run is looked up by name, not re-sent.
CREATE TABLE soar_dispatch_ledger (
    dispatch_key     TEXT NOT NULL PRIMARY KEY,
    platform         TEXT NOT NULL,
    instance         TEXT NOT NULL,
    container_id     TEXT NOT NULL,
    investigation_id TEXT NOT NULL,
    action_id        TEXT NOT NULL,
    logical_action   TEXT NOT NULL,
    target           TEXT NOT NULL,
    parameters_json  TEXT NOT NULL,
    run_name         TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'succeeded', 'failed')),
    external_id      TEXT NULL,
    execution_json   TEXT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_soar_dispatch_ledger_container ON soar_dispatch_ledger (instance, container_id, created_at);

-- One row per shadow-mode container: updated on each observation until the container closes, then final.
CREATE TABLE soar_shadow_comparisons (
    instance                  TEXT    NOT NULL,
    container_id              TEXT    NOT NULL,
    investigation_id          TEXT    NOT NULL,
    playbook                  TEXT    NOT NULL,
    playbook_runs_json        TEXT    NOT NULL,
    agent_severity            TEXT    NOT NULL,
    container_severity        TEXT    NULL,
    severity_agreement        INTEGER NULL,
    agent_disposition         TEXT    NOT NULL,
    analyst_disposition       TEXT    NULL,
    disposition_agreement     INTEGER NULL,
    agent_actions_json        TEXT    NOT NULL,
    playbook_actions_json     TEXT    NOT NULL,
    unmapped_actions_json     TEXT    NOT NULL,
    action_overlap            REAL    NOT NULL,
    extra_findings_json       TEXT    NOT NULL,
    agents_started_at         TEXT    NULL,
    agents_decided_at         TEXT    NULL,
    agent_decision_seconds    REAL    NULL,
    container_created_at      TEXT    NULL,
    playbook_decided_at       TEXT    NULL,
    playbook_decision_seconds REAL    NULL,
    container_status          TEXT    NULL,
    closed_at                 TEXT    NULL,
    final                     INTEGER NOT NULL,
    observed_at               TEXT    NOT NULL,
    PRIMARY KEY (instance, container_id)
) WITHOUT ROWID;
CREATE INDEX ix_soar_shadow_comparisons_observed ON soar_shadow_comparisons (observed_at);
CREATE INDEX ix_soar_shadow_comparisons_open ON soar_shadow_comparisons (final, observed_at);
