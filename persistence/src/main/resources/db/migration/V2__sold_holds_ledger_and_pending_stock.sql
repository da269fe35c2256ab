-- Holds are HELD (unpaid, expiring) or SOLD (paid, on the shelf until dispatch); stocktakes name
-- the on-hand version they counted against; every change of units on hand is a ledger row.

ALTER TABLE stock
    ADD COLUMN hold_states     text[] NOT NULL DEFAULT '{}',
    ADD COLUMN sold            integer NOT NULL DEFAULT 0 CHECK (sold >= 0),
    ADD COLUMN on_hand_version bigint NOT NULL DEFAULT 0;
UPDATE stock SET hold_states = array_fill('HELD'::text, ARRAY[cardinality(hold_order_ids)]);

-- The stock-movement ledger: receipts, write-offs, stocktakes and dispatches. seq is the on-hand
-- version the movement produced, so it orders one stock entry's movements without gaps; id makes
-- a replayed write-behind batch insert nothing twice.
CREATE TABLE stock_movements (
    store_id       text NOT NULL,
    sku            text NOT NULL,
    seq            bigint NOT NULL,
    id             text NOT NULL UNIQUE,
    delta          integer NOT NULL,
    reason         text NOT NULL,
    note           text NOT NULL,
    actor          text NOT NULL,
    at             timestamptz NOT NULL,
    on_hand_after  integer NOT NULL CHECK (on_hand_after >= 0),
    PRIMARY KEY (store_id, sku, seq)
);
CREATE INDEX stock_movements_by_time ON stock_movements (at);

-- The stock change an order's last status change asked for and that is not applied yet.
ALTER TABLE orders ADD COLUMN pending_stock text NOT NULL DEFAULT 'NONE';
CREATE INDEX orders_with_pending_stock ON orders (id) WHERE pending_stock <> 'NONE';
