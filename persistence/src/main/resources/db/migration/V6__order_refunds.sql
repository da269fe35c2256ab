-- How much of an order's payment the payment provider has refunded (Stripe's amount_refunded), in
-- the order's minor units; the PaymentIntent is the order's payment_provider / payment_id from the
-- moment checkout starts it.
ALTER TABLE orders
    ADD COLUMN refunded_minor bigint NOT NULL DEFAULT 0
        CHECK (refunded_minor >= 0 AND refunded_minor <= total_minor);
