-- An audit record's hash and previous hash are stored as their 32 bytes (bytea) instead of 64 characters of hex
-- (Shared/Audit/AuditHashColumn): ~64 bytes less per record. Rows written before are converted in place. Only exact
-- lower-case 64-character hex, as the log always wrote, is decoded; anything else a hand edit left is kept as its UTF-8
-- bytes and read back as that text, so verification still reports it. Hashes are computed over the hex text, so every
-- stored hash and link still verifies and the chain, its anchors and the anchored head are unchanged.
ALTER TABLE audit_records
    ALTER COLUMN hash TYPE bytea
        USING CASE WHEN hash ~ '^[0-9a-f]{64}$' THEN decode(hash, 'hex') ELSE convert_to(hash, 'UTF8') END,
    ALTER COLUMN previous_hash TYPE bytea
        USING CASE WHEN previous_hash ~ '^[0-9a-f]{64}$' THEN decode(previous_hash, 'hex') ELSE convert_to(previous_hash, 'UTF8') END;
