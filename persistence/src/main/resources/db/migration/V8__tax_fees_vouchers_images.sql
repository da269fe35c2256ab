-- Prices include VAT: products name their tax class, stores their country and delivery terms,
-- orders and their lines the tax they contain and the voucher they redeemed. Vouchers are kept
-- with their uses (held by unpaid orders, redeemed by paid ones) as parallel arrays, like stock.
-- Existing rows: products at the standard rate, stores in Germany delivering for free.

ALTER TABLE products
    ADD COLUMN tax_class text NOT NULL DEFAULT 'STANDARD',
    ADD COLUMN image_url text;

ALTER TABLE dark_stores
    ADD COLUMN country                  char(2) NOT NULL DEFAULT 'DE',
    ADD COLUMN delivery_fee_minor       bigint NOT NULL DEFAULT 0 CHECK (delivery_fee_minor >= 0),
    ADD COLUMN free_delivery_from_minor bigint CHECK (free_delivery_from_minor >= 0),
    ADD COLUMN minimum_basket_minor     bigint NOT NULL DEFAULT 0 CHECK (minimum_basket_minor >= 0),
    ADD COLUMN small_basket_fee_minor   bigint NOT NULL DEFAULT 0 CHECK (small_basket_fee_minor >= 0);

ALTER TABLE carts ADD COLUMN voucher_code text;

ALTER TABLE orders
    ADD COLUMN small_basket_fee_minor bigint NOT NULL DEFAULT 0,
    ADD COLUMN voucher_code           text;

ALTER TABLE order_lines
    ADD COLUMN tax_class     text NOT NULL DEFAULT 'STANDARD',
    ADD COLUMN tax_rate_bp   integer NOT NULL DEFAULT 0,
    ADD COLUMN tax_minor     bigint NOT NULL DEFAULT 0;

CREATE TABLE vouchers (
    code                  text PRIMARY KEY,
    kind                  text NOT NULL,
    percent_bp            integer NOT NULL,
    amount_off_minor      bigint NOT NULL,
    minimum_basket_minor  bigint NOT NULL,
    currency              char(3) NOT NULL,
    valid_from            timestamptz NOT NULL,
    valid_until           timestamptz NOT NULL,
    max_redemptions       integer NOT NULL CHECK (max_redemptions > 0),
    max_per_shopper       integer NOT NULL CHECK (max_per_shopper > 0),
    use_order_ids         text[] NOT NULL,
    use_shopper_ids       text[] NOT NULL,
    use_expires_at        timestamptz[] NOT NULL,
    use_redeemed          boolean[] NOT NULL,
    version               bigint NOT NULL,
    updated_at            timestamptz NOT NULL DEFAULT now()
);
