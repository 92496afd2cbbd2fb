-- hop schema version 12: a site's calendar feed reads its bookings day by
-- day through booking_day, which holds the active ones only; the cancelled
-- ones it still shows (those cancelled within [feeds] keep_cancelled_days)
-- are found through this index of cancellations by their time, a few rows
-- however long the table's history.  (PostgreSQL: the same partial index, db/postgresql/0012_speed.sql.)

CREATE INDEX booking_cancelled ON booking(cancelled_at) WHERE cancelled_at IS NOT NULL;
