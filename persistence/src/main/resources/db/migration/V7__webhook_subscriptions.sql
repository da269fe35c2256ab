-- Integrators' webhook subscriptions: where order events of which types are POSTed, and the secret
-- they are signed with (needed in the clear to sign; shown to the integrator once).
CREATE TABLE webhook_subscriptions (
    id           text PRIMARY KEY,
    url          text NOT NULL,
    event_types  text[] NOT NULL CHECK (cardinality(event_types) > 0),
    secret       text NOT NULL,
    created_at   timestamptz NOT NULL
);
