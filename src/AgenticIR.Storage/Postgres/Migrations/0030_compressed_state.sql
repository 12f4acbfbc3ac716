-- An investigation's state is kept compressed (Shared/InvestigationStateCodec: a format byte, then the Brotli-compressed
-- CoreJson document) in the new column `state`; state_json keeps the text of rows written before and is NULL on rows
-- written since. A row is read from `state` when it has one, otherwise from state_json, so existing databases need no
-- rewrite; a row moves to the compressed form the next time its investigation is saved. (PostgreSQL would compress a
-- large text value itself with TOAST, but only past about 2 KB per row and with pglz, which gains far less on this JSON.)
ALTER TABLE investigations ADD COLUMN state bytea NULL;
ALTER TABLE investigations ALTER COLUMN state_json DROP NOT NULL;
