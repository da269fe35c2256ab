-- The durable copy of the grid's maps. Money is integer minor units; times are timestamptz (UTC).
-- Every row is written by an idempotent upsert, since write-behind may store an entry twice.

CREATE TABLE dark_stores (
    id                     text PRIMARY KEY,
    name                   text NOT NULL,
    lat                    double precision NOT NULL,
    lon                    double precision NOT NULL,
    delivery_radius_km     double precision NOT NULL CHECK (delivery_radius_km > 0),
    reserve_on_add_to_cart boolean NOT NULL DEFAULT false
);

CREATE TABLE products (
    sku              text PRIMARY KEY,
    name             text NOT NULL,
    brand            text NOT NULL,
    category         text NOT NULL,
    description      text NOT NULL,
    price_minor      bigint NOT NULL CHECK (price_minor >= 0),
    currency         char(3) NOT NULL,
    attribute_names  text[] NOT NULL,
    attribute_values text[] NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- One row per (store, sku). reserved is the sum of the holds, kept for reporting queries; the
-- holds themselves are parallel arrays (order id, units, expiry) so a stock entry is one upsert.
-- version only grows, so a stale replay never overwrites a newer state.
CREATE TABLE stock (
    store_id         text NOT NULL,
    sku              text NOT NULL,
    on_hand          integer NOT NULL CHECK (on_hand >= 0),
    reserved         integer NOT NULL CHECK (reserved >= 0 AND reserved <= on_hand),
    version          bigint NOT NULL,
    hold_order_ids   text[] NOT NULL,
    hold_quantities  integer[] NOT NULL,
    hold_expires_at  timestamptz[] NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (store_id, sku)
);

CREATE TABLE carts (
    shopper_id  text PRIMARY KEY,
    store_id    text,
    skus        text[] NOT NULL,
    quantities  integer[] NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE orders (
    id           text PRIMARY KEY,
    shopper_id   text NOT NULL,
    store_id     text NOT NULL,
    status       text NOT NULL,
    total_minor  bigint NOT NULL,
    currency     char(3) NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX orders_by_shopper ON orders (shopper_id, created_at DESC);
CREATE INDEX orders_by_store_and_status ON orders (store_id, status);
CREATE INDEX open_orders ON orders (status) WHERE status IN ('PENDING_PAYMENT', 'PAID', 'PICKING', 'OUT_FOR_DELIVERY');

-- An order's lines never change once it is placed.
CREATE TABLE order_lines (
    order_id          text NOT NULL REFERENCES orders (id),
    line_no           integer NOT NULL,
    sku               text NOT NULL,
    name              text NOT NULL,
    quantity          integer NOT NULL CHECK (quantity > 0),
    unit_price_minor  bigint NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE accounts (
    user_id        text PRIMARY KEY,
    email          text NOT NULL UNIQUE,
    name           text NOT NULL,
    password_hash  text NOT NULL,
    roles          text[] NOT NULL,
    store_ids      text[] NOT NULL,
    created_at     timestamptz NOT NULL
);
