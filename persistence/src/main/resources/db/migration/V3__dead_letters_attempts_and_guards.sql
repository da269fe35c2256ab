-- Rows PostgreSQL refused for good (a constraint or a value it can't hold): parked here with the
-- error instead of blocking the write-behind queue forever or being lost.
CREATE TABLE dead_letters (
    id           bigserial PRIMARY KEY,
    map_name     text NOT NULL,
    entry_key    text NOT NULL,
    entry_value  text NOT NULL,
    sql_state    text,
    error        text NOT NULL,
    parked_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dead_letters_by_map ON dead_letters (map_name, parked_at);

-- Checkouts made under an Idempotency-Key, so a retry after a restart still gets the first
-- answer. Rows older than a day mean nothing and are pruned.
CREATE TABLE checkout_attempts (
    attempt_key    text PRIMARY KEY,
    request_hash   text NOT NULL,
    order_id       text NOT NULL,
    token          text NOT NULL,
    state          text NOT NULL,
    lease_until    timestamptz NOT NULL,
    short_skus     text[] NOT NULL,
    short_requested integer[] NOT NULL,
    short_available integer[] NOT NULL,
    stored_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX checkout_attempts_by_age ON checkout_attempts (stored_at);
