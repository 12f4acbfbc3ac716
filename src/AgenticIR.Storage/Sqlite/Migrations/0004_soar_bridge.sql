-- Splunk SOAR bridge: intake cursors, container links, the write-back ledger and processed approval comments.
-- Timestamps are ISO-8601 round-trip text in UTC, so text order is time order.

CREATE TABLE soar_intake_cursor (
    instance          TEXT    NOT NULL PRIMARY KEY,
    last_container_id INTEGER NOT NULL DEFAULT 0,
    last_update_time  TEXT    NULL,
    updated_at        TEXT    NOT NULL
) WITHOUT ROWID;

CREATE TABLE soar_container_link (
    instance         TEXT    NOT NULL,
    container_id     INTEGER NOT NULL,
    investigation_id TEXT    NOT NULL,
    last_artifact_id INTEGER NOT NULL DEFAULT 0,
    last_update_time TEXT    NULL,
    comment_cursor   INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    PRIMARY KEY (instance, container_id)
) WITHOUT ROWID;
CREATE INDEX ix_soar_container_link_investigation ON soar_container_link (investigation_id);

CREATE TABLE soar_write_ledger (
    instance     TEXT    NOT NULL,
    container_id INTEGER NOT NULL,
    item_key     TEXT    NOT NULL,
    soar_id      INTEGER NULL,
    content_hash TEXT    NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('pending', 'written')),
    updated_at   TEXT    NOT NULL,
    PRIMARY KEY (instance, container_id, item_key)
) WITHOUT ROWID;

CREATE TABLE soar_comment_ledger (
    instance     TEXT    NOT NULL,
    container_id INTEGER NOT NULL,
    comment_id   INTEGER NOT NULL,
    accepted     INTEGER NOT NULL,
    message      TEXT    NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('answered', 'replied')),
    updated_at   TEXT    NOT NULL,
    PRIMARY KEY (instance, container_id, comment_id)
) WITHOUT ROWID;
