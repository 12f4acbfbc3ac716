-- The PostgreSQL schema, equal in meaning to the SQLite one after its migrations 0001-0011 (see Sqlite/Migrations for
-- the history of each table). Three conventions differ from plain PostgreSQL habits, each for a reason:
--  * Timestamps are ISO-8601 round-trip text in UTC (7 fractional digits), as on SQLite: .NET's 100 ns ticks come back
--    exactly (timestamptz keeps microseconds), and text order is time order.
--  * Every text column is COLLATE "C" (byte order, as SQLite's BINARY): ORDER BY and the timestamp comparisons mean the
--    same on both back ends whatever the database's locale.
--  * Text an attacker or an analyst wrote (alert ids, reasons, payloads, audit fields, targets, comments, errors) is
--    bytea holding its UTF-8 bytes: PostgreSQL text cannot hold NUL, and this text must come back exactly as written.
--    Read it in psql with convert_from(column, 'UTF8') (or encode(column, 'escape') where a NUL is stored).

-- State: investigations, their stage transitions, the intake ledger, dead letters, the outbox, the review queue.
CREATE TABLE investigations (
    id          text COLLATE "C" NOT NULL PRIMARY KEY,
    fingerprint text COLLATE "C" NOT NULL,
    stage       text COLLATE "C" NOT NULL,
    version     bigint           NOT NULL,
    created_at  text COLLATE "C" NOT NULL,
    updated_at  text COLLATE "C" NOT NULL,
    state_json  text             NOT NULL
);
CREATE INDEX ix_investigations_fingerprint_created ON investigations (fingerprint, created_at);
CREATE INDEX ix_investigations_stage ON investigations (stage);
CREATE INDEX ix_investigations_created ON investigations (created_at);

CREATE TABLE stage_events (
    investigation_id text COLLATE "C" NOT NULL REFERENCES investigations (id) ON DELETE CASCADE,
    version          bigint           NOT NULL,
    stage            text COLLATE "C" NOT NULL,
    at               text COLLATE "C" NOT NULL,
    PRIMARY KEY (investigation_id, version)
);

CREATE TABLE intake (
    input_key        text COLLATE "C" NOT NULL PRIMARY KEY,
    status           text COLLATE "C" NOT NULL,
    investigation_id text COLLATE "C" NULL,
    alert_id         bytea            NULL,
    format           text COLLATE "C" NULL,
    reason           bytea            NULL,
    recorded_at      text COLLATE "C" NOT NULL
);

CREATE TABLE dead_letters (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source         bytea            NOT NULL,
    reason         bytea            NOT NULL,
    payload        bytea            NOT NULL,
    payload_sha256 text COLLATE "C" NOT NULL,
    created_at     text COLLATE "C" NOT NULL
);
CREATE INDEX ix_dead_letters_created ON dead_letters (created_at);

-- seq is the outbox order. Each message is pending until every subscriber took it, retried with backoff after a failure,
-- and dead-lettered after too many.
CREATE TABLE bus_messages (
    seq              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               text COLLATE "C" NOT NULL UNIQUE,
    type             text COLLATE "C" NOT NULL,
    investigation_id text COLLATE "C" NOT NULL,
    summary          bytea            NOT NULL,
    created_at       text COLLATE "C" NOT NULL,
    state            text COLLATE "C" NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead_lettered')),
    attempts         integer          NOT NULL DEFAULT 0,
    next_attempt_at  text COLLATE "C" NULL,
    last_error       bytea            NULL,
    delivered_at     text COLLATE "C" NULL
);
CREATE INDEX ix_bus_messages_investigation ON bus_messages (investigation_id, seq);
CREATE INDEX ix_bus_messages_pending ON bus_messages (seq) WHERE state = 'pending';

-- What a subscriber whose effect is not idempotent by nature (an audit append) already did for a message, written in
-- the same transaction as that effect.
CREATE TABLE delivery_receipts (
    subscriber  text COLLATE "C" NOT NULL,
    message_id  text COLLATE "C" NOT NULL,
    received_at text COLLATE "C" NOT NULL,
    PRIMARY KEY (subscriber, message_id)
);

CREATE TABLE review_queue (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    investigation_id text COLLATE "C" NOT NULL,
    parameter        text COLLATE "C" NOT NULL,
    current_value    text COLLATE "C" NOT NULL,
    proposed_value   text COLLATE "C" NOT NULL,
    rationale        text COLLATE "C" NOT NULL,
    status           text COLLATE "C" NOT NULL DEFAULT 'pending',
    created_at       text COLLATE "C" NOT NULL
);
CREATE INDEX ix_review_queue_status_created ON review_queue (status, created_at);

-- Hash-chained audit trail (docs/audit-trail.md). Every field is covered by the record hash, so a direct edit is found by
-- `agentic-ir audit verify`. Appends take a transaction-scoped advisory lock, so workers sharing the database write one chain.
CREATE TABLE audit_records (
    sequence          bigint           NOT NULL PRIMARY KEY,
    timestamp         text COLLATE "C" NOT NULL,  -- yyyy-MM-ddTHH:mm:ss.fffffffZ, so text order is time order
    agent_name        bytea            NOT NULL,
    action_type       bytea            NOT NULL,
    target            bytea            NOT NULL,
    justification     bytea            NOT NULL,
    approval_status   bytea            NOT NULL,
    approver_identity bytea            NOT NULL,
    outcome           bytea            NOT NULL,
    evidence_hash     bytea            NOT NULL,
    investigation_id  bytea            NULL,
    details           bytea            NOT NULL,  -- JSON object of strings, keys in code-point order
    previous_hash     text COLLATE "C" NOT NULL,
    hash              text COLLATE "C" NOT NULL
);
CREATE INDEX ix_audit_records_timestamp ON audit_records (timestamp);
CREATE INDEX ix_audit_records_investigation ON audit_records (investigation_id, sequence) WHERE investigation_id IS NOT NULL;

-- One row per retention pruning; anchors chain through previous_anchor_hash and each is also an audit_pruned record.
CREATE TABLE audit_anchors (
    anchor_id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pruned_through_sequence bigint           NOT NULL,
    last_pruned_hash        text COLLATE "C" NOT NULL,
    count                   bigint           NOT NULL,
    pruned_at               text COLLATE "C" NOT NULL,
    signed_off_by           bytea            NOT NULL,
    previous_anchor_hash    text COLLATE "C" NOT NULL,
    record_sequence         bigint           NOT NULL,
    anchor_hash             text COLLATE "C" NOT NULL
);

-- The chain's head, moved in the transaction of every append and pruning, so verification sees records removed from the
-- end (or rows added without the log) that the chain alone cannot show.
CREATE TABLE audit_head (
    id            integer          NOT NULL PRIMARY KEY CHECK (id = 1),
    head_sequence bigint           NOT NULL,
    head_hash     text COLLATE "C" NOT NULL,
    record_count  bigint           NOT NULL
);
INSERT INTO audit_head (id, head_sequence, head_hash, record_count)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);

-- Approval requests: one row per pending action, indexed by deadline so the timeout monitor finds what is due.
CREATE TABLE approval_requests (
    investigation_id text COLLATE "C" NOT NULL,
    action_id        text COLLATE "C" NOT NULL,
    logical_action   text COLLATE "C" NOT NULL,
    target_type      text COLLATE "C" NOT NULL,
    target_value     bytea            NOT NULL,
    severity         text COLLATE "C" NOT NULL,
    gate             text COLLATE "C" NOT NULL,
    risk             text COLLATE "C" NOT NULL,
    reversible       boolean          NOT NULL,
    requested_at     text COLLATE "C" NOT NULL,
    deadline         text COLLATE "C" NULL,
    escalation_level integer          NOT NULL DEFAULT 0,
    required_tier    text COLLATE "C" NOT NULL DEFAULT '',
    state            text COLLATE "C" NOT NULL,
    version          bigint           NOT NULL,
    PRIMARY KEY (investigation_id, action_id)
);
CREATE INDEX ix_approval_requests_due ON approval_requests (state, deadline);

-- Splunk SOAR bridge: intake cursors, container links, the write-back queue and ledger, processed approval comments.
CREATE TABLE soar_intake_cursor (
    instance          text COLLATE "C" NOT NULL PRIMARY KEY,
    last_container_id bigint           NOT NULL DEFAULT 0,
    last_update_time  text COLLATE "C" NULL,
    updated_at        text COLLATE "C" NOT NULL
);

CREATE TABLE soar_container_link (
    instance         text COLLATE "C" NOT NULL,
    container_id     bigint           NOT NULL,
    investigation_id text COLLATE "C" NOT NULL,
    last_artifact_id bigint           NOT NULL DEFAULT 0,
    last_update_time text COLLATE "C" NULL,
    comment_cursor   bigint           NOT NULL DEFAULT 0,
    created_at       text COLLATE "C" NOT NULL,
    updated_at       text COLLATE "C" NOT NULL,
    PRIMARY KEY (instance, container_id)
);
CREATE INDEX ix_soar_container_link_investigation ON soar_container_link (investigation_id);

CREATE TABLE soar_write_ledger (
    instance     text COLLATE "C" NOT NULL,
    container_id bigint           NOT NULL,
    item_key     text COLLATE "C" NOT NULL,
    soar_id      bigint           NULL,
    content_hash text COLLATE "C" NOT NULL,
    state        text COLLATE "C" NOT NULL CHECK (state IN ('pending', 'written')),
    updated_at   text COLLATE "C" NOT NULL,
    PRIMARY KEY (instance, container_id, item_key)
);

CREATE TABLE soar_comment_ledger (
    instance     text COLLATE "C" NOT NULL,
    container_id bigint           NOT NULL,
    comment_id   bigint           NOT NULL,
    accepted     boolean          NOT NULL,
    message      bytea            NOT NULL,
    state        text COLLATE "C" NOT NULL CHECK (state IN ('answered', 'replied')),
    updated_at   text COLLATE "C" NOT NULL,
    PRIMARY KEY (instance, container_id, comment_id)
);

-- generation moves on every queueing, so a write-back that read an older state does not remove a newer request.
CREATE TABLE soar_write_back_queue (
    investigation_id text COLLATE "C" NOT NULL PRIMARY KEY,
    generation       bigint           NOT NULL,
    queued_at        text COLLATE "C" NOT NULL
);

-- SOAR dispatch ledger: one row per (instance, container, logical action, parameters) hash, written BEFORE the SOAR is
-- called, so nothing is dispatched twice.
CREATE TABLE soar_dispatch_ledger (
    dispatch_key     text COLLATE "C" NOT NULL PRIMARY KEY,
    platform         text COLLATE "C" NOT NULL,
    instance         text COLLATE "C" NOT NULL,
    container_id     text COLLATE "C" NOT NULL,
    investigation_id text COLLATE "C" NOT NULL,
    action_id        text COLLATE "C" NOT NULL,
    logical_action   text COLLATE "C" NOT NULL,
    target           bytea            NOT NULL,
    parameters_json  text             NOT NULL,
    run_name         text COLLATE "C" NOT NULL,
    state            text COLLATE "C" NOT NULL CHECK (state IN ('sending', 'sent', 'succeeded', 'failed')),
    external_id      text COLLATE "C" NULL,
    execution_json   text             NULL,
    created_at       text COLLATE "C" NOT NULL,
    updated_at       text COLLATE "C" NOT NULL
);
CREATE INDEX ix_soar_dispatch_ledger_container ON soar_dispatch_ledger (instance, container_id, created_at);

-- One row per shadow-mode container: updated on each observation until the container closes, then final.
CREATE TABLE soar_shadow_comparisons (
    instance                  text COLLATE "C" NOT NULL,
    container_id              text COLLATE "C" NOT NULL,
    investigation_id          text COLLATE "C" NOT NULL,
    playbook                  text COLLATE "C" NOT NULL,
    playbook_runs_json        text             NOT NULL,
    agent_severity            text COLLATE "C" NOT NULL,
    container_severity        text COLLATE "C" NULL,
    severity_agreement        boolean          NULL,
    agent_disposition         text COLLATE "C" NOT NULL,
    analyst_disposition       text COLLATE "C" NULL,
    disposition_agreement     boolean          NULL,
    agent_actions_json        text             NOT NULL,
    playbook_actions_json     text             NOT NULL,
    unmapped_actions_json     text             NOT NULL,
    action_overlap            double precision NOT NULL,
    extra_findings_json       text             NOT NULL,
    agents_started_at         text COLLATE "C" NULL,
    agents_decided_at         text COLLATE "C" NULL,
    agent_decision_seconds    double precision NULL,
    container_created_at      text COLLATE "C" NULL,
    playbook_decided_at       text COLLATE "C" NULL,
    playbook_decision_seconds double precision NULL,
    container_status          text COLLATE "C" NULL,
    closed_at                 text COLLATE "C" NULL,
    final                     boolean          NOT NULL,
    observed_at               text COLLATE "C" NOT NULL,
    PRIMARY KEY (instance, container_id)
);
CREATE INDEX ix_soar_shadow_comparisons_observed ON soar_shadow_comparisons (observed_at);
CREATE INDEX ix_soar_shadow_comparisons_open ON soar_shadow_comparisons (final, observed_at);

-- Metrics outbox: events wait here until Splunk HEC acknowledged their batch; ascending id is the delivery order.
CREATE TABLE metrics_outbox (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     text COLLATE "C" NOT NULL UNIQUE,
    sourcetype   text COLLATE "C" NOT NULL,
    time         text COLLATE "C" NOT NULL,
    payload      text             NOT NULL,
    state        text COLLATE "C" NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead_lettered')),
    attempts     integer          NOT NULL DEFAULT 0,
    last_error   bytea            NULL,
    enqueued_at  text COLLATE "C" NOT NULL,
    delivered_at text COLLATE "C" NULL
);
CREATE INDEX ix_metrics_outbox_state_id ON metrics_outbox (state, id);

-- Governance controls: kill switches, dispatch counters for the circuit breakers and rate limits, the failure streak.
-- They live here so every worker on the database counts against the same limits.
CREATE TABLE kill_switches (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scope       text COLLATE "C" NOT NULL,
    engaged_by  text COLLATE "C" NOT NULL,
    reason      text COLLATE "C" NOT NULL,
    engaged_at  text COLLATE "C" NOT NULL,
    released_by text COLLATE "C" NULL,
    released_at text COLLATE "C" NULL
);
CREATE UNIQUE INDEX ix_kill_switches_engaged ON kill_switches (scope) WHERE released_at IS NULL;

CREATE TABLE dispatch_reservations (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    investigation_id text COLLATE "C" NOT NULL,
    action_id        text COLLATE "C" NOT NULL,
    logical_action   text COLLATE "C" NOT NULL,
    category         text COLLATE "C" NOT NULL,
    reserved_at      text COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX ix_dispatch_reservations_once ON dispatch_reservations (investigation_id, action_id, category);
CREATE INDEX ix_dispatch_reservations_window ON dispatch_reservations (category, reserved_at);

CREATE TABLE governance_counters (
    name  text COLLATE "C" NOT NULL PRIMARY KEY,
    value bigint           NOT NULL
);

-- Policy lifecycle: every policy version put in force, and the decisions on review-queue proposals.
CREATE TABLE policy_versions (
    version     bigint           NOT NULL PRIMARY KEY,
    hash        text COLLATE "C" NOT NULL,
    loaded_at   text COLLATE "C" NOT NULL,
    source_file text COLLATE "C" NOT NULL,
    accepted_by text COLLATE "C" NOT NULL,
    kind        text COLLATE "C" NOT NULL CHECK (kind IN ('policy', 'calibration'))
);
CREATE INDEX ix_policy_versions_loaded ON policy_versions (loaded_at);

CREATE TABLE proposal_decisions (
    proposal_id    bigint           NOT NULL PRIMARY KEY REFERENCES review_queue (id),
    status         text COLLATE "C" NOT NULL CHECK (status IN ('accepted', 'rejected')),
    decided_by     text COLLATE "C" NOT NULL,
    decided_at     text COLLATE "C" NOT NULL,
    reason         text COLLATE "C" NULL,
    policy_version bigint           NULL REFERENCES policy_versions (version)
);
CREATE INDEX ix_proposal_decisions_decided ON proposal_decisions (decided_at);

-- Playbook mode caps: a row is never deleted (lifting stamps lifted_at/lifted_by), one cap in force per playbook x severity.
CREATE TABLE playbook_mode_overrides (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    playbook   text COLLATE "C" NOT NULL,
    severity   text COLLATE "C" NOT NULL,
    mode       text COLLATE "C" NOT NULL CHECK (mode IN ('off', 'shadow', 'assisted', 'autonomous')),
    reason     text COLLATE "C" NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    created_by text COLLATE "C" NOT NULL,
    lifted_at  text COLLATE "C" NULL,
    lifted_by  text COLLATE "C" NULL
);
CREATE UNIQUE INDEX ux_playbook_mode_overrides_active ON playbook_mode_overrides (playbook, severity) WHERE lifted_at IS NULL;
