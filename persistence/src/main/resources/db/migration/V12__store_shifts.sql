-- Whether each dark store takes orders now, and how many pickers are on shift.
CREATE TABLE store_shifts (
    store_id text PRIMARY KEY,
    open     boolean NOT NULL,
    pickers  integer NOT NULL CHECK (pickers >= 0)
);
