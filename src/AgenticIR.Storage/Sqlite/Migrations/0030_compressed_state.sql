-- An investigation's state is kept compressed (Shared/InvestigationStateCodec: a format byte, then the Brotli-compressed
-- CoreJson document) in the new column `state`; state_json keeps the text of rows written before, and is '' on rows
-- written since (it is NOT NULL and SQLite cannot relax that without rebuilding the table). A row is read from `state`
-- when it has one, otherwise from state_json, so existing databases need no rewrite; a row moves to the compressed form
-- the next time its investigation is saved.
ALTER TABLE investigations ADD COLUMN state BLOB NULL;
