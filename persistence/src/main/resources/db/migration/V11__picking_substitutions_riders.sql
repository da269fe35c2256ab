-- Fulfilment: what the shopper wants when a line is short, what the picker found, where an order
-- goes and who took it, and where each product sits in each dark store.

ALTER TABLE carts ADD COLUMN substitutions text[];

ALTER TABLE order_lines
    ADD COLUMN substitution                 text NOT NULL DEFAULT 'BEST_MATCH',
    ADD COLUMN picked                       integer CHECK (picked >= 0 AND picked <= quantity),
    ADD COLUMN replacement_sku              text,
    ADD COLUMN replacement_name             text,
    ADD COLUMN replacement_quantity         integer CHECK (replacement_quantity > 0),
    ADD COLUMN replacement_unit_price_minor bigint CHECK (replacement_unit_price_minor >= 0);

ALTER TABLE orders
    ADD COLUMN drop_off_lat double precision,
    ADD COLUMN drop_off_lon double precision,
    ADD COLUMN courier_id   text,
    ADD COLUMN courier_name text;

-- One row per store: the shelf of each product it stocks (parallel arrays, read and written whole).
CREATE TABLE store_layouts (
    store_id text PRIMARY KEY,
    skus     text[] NOT NULL,
    zones    text[] NOT NULL,
    aisles   integer[] NOT NULL,
    shelves  integer[] NOT NULL,
    CHECK (cardinality(skus) = cardinality(zones) AND cardinality(skus) = cardinality(aisles)
           AND cardinality(skus) = cardinality(shelves))
);
