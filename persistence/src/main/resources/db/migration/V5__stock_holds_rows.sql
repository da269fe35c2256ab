-- A stock entry's holds get a row each (they were parallel arrays in the stock row), so storing
-- an entry writes only the holds that changed since it was last stored: a flash sale's product
-- with 20,000 holds costs its few changed rows per store, not all 20,000.
CREATE TABLE stock_holds (
    store_id    text NOT NULL,
    sku         text NOT NULL,
    holder_id   text NOT NULL,
    quantity    integer NOT NULL CHECK (quantity > 0),
    expires_at  timestamptz NOT NULL,
    state       text NOT NULL CHECK (state IN ('HELD', 'SOLD')),
    PRIMARY KEY (store_id, sku, holder_id),
    FOREIGN KEY (store_id, sku) REFERENCES stock (store_id, sku) ON DELETE CASCADE
);

INSERT INTO stock_holds (store_id, sku, holder_id, quantity, expires_at, state)
SELECT s.store_id, s.sku, h.holder_id, h.quantity, h.expires_at, h.state
FROM stock s,
     unnest(s.hold_order_ids, s.hold_quantities, s.hold_expires_at, s.hold_states)
         AS h(holder_id, quantity, expires_at, state);

ALTER TABLE stock
    DROP COLUMN hold_order_ids,
    DROP COLUMN hold_quantities,
    DROP COLUMN hold_expires_at,
    DROP COLUMN hold_states;
