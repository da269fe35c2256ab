-- Orders carry their events (their outbox), a price breakdown, a payment reference, a version
-- that only grows, and line ids; dark stores name their currency. Existing rows are carried over:
-- each existing order gets a PLACED event and, when it has moved on, one for its current status.

ALTER TABLE dark_stores ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR';

ALTER TABLE orders
    ADD COLUMN subtotal_minor     bigint,
    ADD COLUMN discount_minor     bigint NOT NULL DEFAULT 0,
    ADD COLUMN delivery_fee_minor bigint NOT NULL DEFAULT 0,
    ADD COLUMN tax_minor          bigint NOT NULL DEFAULT 0,
    ADD COLUMN payment_provider   text,
    ADD COLUMN payment_id         text,
    ADD COLUMN version            bigint NOT NULL DEFAULT 1;
UPDATE orders SET subtotal_minor = total_minor;
ALTER TABLE orders ALTER COLUMN subtotal_minor SET NOT NULL;

-- The open statuses live in the code (OrderStatus.open()), not in an index predicate.
DROP INDEX open_orders;
CREATE INDEX orders_by_status ON orders (status);

-- Lines are upserted by id; order_version says which version of the order last wrote the line,
-- so a late replay of an older version can't overwrite a newer line, and lines an order no longer
-- has are deleted.
ALTER TABLE order_lines
    ADD COLUMN line_id       text,
    ADD COLUMN order_version bigint NOT NULL DEFAULT 1;
UPDATE order_lines SET line_id = 'L' || (line_no + 1);
ALTER TABLE order_lines ALTER COLUMN line_id SET NOT NULL;
ALTER TABLE order_lines DROP CONSTRAINT order_lines_pkey;
ALTER TABLE order_lines ADD PRIMARY KEY (order_id, line_id);

-- Every order event, once by id, stored in the same transaction as its order. position numbers
-- the events in the order they were stored: each storing transaction takes the next positions
-- while it holds the order_event_head row, until it commits, so positions become visible in
-- order and without gaps, and a subscriber that reads on from its last position misses none.
CREATE TABLE order_events (
    event_id          text PRIMARY KEY,
    order_id          text NOT NULL,
    seq               bigint NOT NULL CHECK (seq > 0),
    type              text NOT NULL,
    at                timestamptz NOT NULL,
    shopper_id        text NOT NULL,
    store_id          text NOT NULL,
    status            text NOT NULL,
    stock_effect      text NOT NULL,
    total_minor       bigint NOT NULL,
    currency          char(3) NOT NULL,
    payment_provider  text,
    payment_id        text,
    note              text NOT NULL,
    position          bigint NOT NULL UNIQUE
);
-- one event per number within its order: a subscriber never sees two events of one number
CREATE UNIQUE INDEX order_events_by_order ON order_events (order_id, seq);

CREATE TABLE order_event_head (
    id             integer PRIMARY KEY CHECK (id = 1),
    last_position  bigint NOT NULL
);

WITH existing AS (
    SELECT o.id || ':placed' AS event_id, o.id AS order_id, 1 AS seq, 'PLACED' AS type,
           o.created_at AS at, o.shopper_id, o.store_id, 'PENDING_PAYMENT' AS status,
           'NONE' AS stock_effect, o.total_minor, o.currency
    FROM orders o
    UNION ALL
    SELECT o.id || ':' || lower(o.status), o.id, 2,
           CASE o.status WHEN 'PICKING' THEN 'PICKING_STARTED' ELSE o.status END,
           o.updated_at, o.shopper_id, o.store_id, o.status, o.pending_stock, o.total_minor,
           o.currency
    FROM orders o
    WHERE o.status <> 'PENDING_PAYMENT'
)
INSERT INTO order_events (event_id, order_id, seq, type, at, shopper_id, store_id, status,
                          stock_effect, total_minor, currency, note, position)
SELECT event_id, order_id, seq, type, at, shopper_id, store_id, status, stock_effect, total_minor,
       currency, '', row_number() OVER (ORDER BY at, order_id, seq)
FROM existing;

UPDATE orders o SET version = (SELECT count(*) FROM order_events e WHERE e.order_id = o.id);
UPDATE order_lines l SET order_version = o.version FROM orders o WHERE o.id = l.order_id;

INSERT INTO order_event_head (id, last_position)
SELECT 1, coalesce(max(position), 0) FROM order_events;

-- Durable subscribers of order events: how far each has read, and who reads for it now.
CREATE TABLE event_subscriptions (
    name         text PRIMARY KEY,
    position     bigint NOT NULL CHECK (position >= 0),
    holder       text NOT NULL,
    lease_until  timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
