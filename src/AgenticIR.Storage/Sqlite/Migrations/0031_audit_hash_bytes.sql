-- An audit record's hash and previous hash are stored as their 32 bytes instead of 64 characters of hex (Shared/Audit/
-- AuditHashColumn): ~64 bytes less per record. The columns keep their TEXT declaration (SQLite stores a BLOB in it as
-- it is, and rebuilding the table would copy the whole trail); new rows are written as blobs and rows written before
-- are converted here. Only exact lower-case 64-character hex, as the log always wrote, is converted: anything else a
-- hand edit left stays as it is, so verification still reports it. Hashes are computed over the hex text, so every
-- stored hash and link still verifies and the chain, its anchors and the anchored head are unchanged.
UPDATE audit_records
SET hash = CASE WHEN typeof(hash) = 'text' AND length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*' THEN unhex(hash) ELSE hash END,
    previous_hash = CASE WHEN typeof(previous_hash) = 'text' AND length(previous_hash) = 64 AND previous_hash NOT GLOB '*[^0-9a-f]*'
                         THEN unhex(previous_hash) ELSE previous_hash END
WHERE typeof(hash) = 'text' OR typeof(previous_hash) = 'text';
