-- The REST server (`setwise serve`): bearer tokens and idempotency keys.

-- API tokens. Only a SHA-256 hash of the token text is kept; the text is shown once, at creation.
-- `id` is the public part of the token (it names the token in `setwise token list|revoke`).
CREATE TABLE api_tokens (
    id          TEXT    NOT NULL PRIMARY KEY CHECK (length(id) = 12 AND id NOT GLOB '*[^0-9a-f]*'),
    user_id     TEXT    NOT NULL REFERENCES profiles (id),
    label       TEXT    CHECK (label IS NULL OR length(trim(label)) BETWEEN 1 AND 100),
    token_hash  BLOB    NOT NULL CHECK (length(token_hash) = 32),
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER CHECK (revoked_at IS NULL OR revoked_at >= created_at)
) STRICT;

CREATE INDEX api_tokens_by_owner ON api_tokens (user_id, created_at);

-- A token never changes except to be revoked, and a revoked token stays revoked.
CREATE TRIGGER api_tokens_only_revoke
BEFORE UPDATE ON api_tokens
WHEN OLD.revoked_at IS NOT NULL
  OR NEW.id IS NOT OLD.id OR NEW.user_id IS NOT OLD.user_id OR NEW.label IS NOT OLD.label
  OR NEW.token_hash IS NOT OLD.token_hash OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'an API token can only be revoked, once');
END;

-- The first successful answer to a POST that carried an Idempotency-Key, per profile and key.
-- `fingerprint` is a SHA-256 of method, path and body; a retry with another fingerprint is refused.
-- Written in the same transaction as the change it answers, so the two commit or vanish together.
CREATE TABLE idempotency_keys (
    user_id      TEXT    NOT NULL REFERENCES profiles (id),
    key          TEXT    NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    fingerprint  BLOB    NOT NULL CHECK (length(fingerprint) = 32),
    status       INTEGER NOT NULL CHECK (status BETWEEN 200 AND 299),
    location     TEXT,
    body         BLOB    NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
) STRICT;

-- Expiry sweeps by age.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
