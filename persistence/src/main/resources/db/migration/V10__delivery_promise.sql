-- when the store promised, at checkout, to deliver the order (null: no promise was made)
ALTER TABLE orders ADD COLUMN promised_at timestamptz;
