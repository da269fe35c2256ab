-- Reviews from verified buyers, one row per shopper and product; reviews_version is the version of
-- the product's reviews that last wrote the row, so a late replay never overwrites a newer one.
CREATE TABLE reviews (
    sku              text NOT NULL,
    shopper_id       text NOT NULL,
    id               text NOT NULL UNIQUE,
    author           text NOT NULL,
    rating           integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title            text NOT NULL,
    text             text NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    hidden_reason    text,
    helpful_to       text[] NOT NULL,
    reviews_version  bigint NOT NULL,
    PRIMARY KEY (sku, shopper_id)
);

-- What shoppers did with each product, for ranking: units sold and the visible reviews' ratings.
CREATE TABLE product_stats (
    sku              text PRIMARY KEY,
    units_sold       bigint NOT NULL CHECK (units_sold >= 0),
    rating_count     integer NOT NULL CHECK (rating_count >= 0),
    rating_total     bigint NOT NULL CHECK (rating_total >= 0),
    ratings_version  bigint NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
